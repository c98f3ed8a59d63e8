/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_OVERVIEW_ERROR (bzw_overview_error_quark ())

typedef enum
{
  BZW_OVERVIEW_ERROR_EMPTY,
  BZW_OVERVIEW_ERROR_INVALID,
  BZW_OVERVIEW_ERROR_WRITE,
} BzwOverviewError;

/* Which contacts the overview shows. */
typedef enum
{
  BZW_OVERVIEW_SELECTION_ALL,
  BZW_OVERVIEW_SELECTION_CIRCLE,
  BZW_OVERVIEW_SELECTION_CONTACTS,
  BZW_OVERVIEW_SELECTION_DUE,
} BzwOverviewSelection;

typedef enum
{
  BZW_OVERVIEW_GROUPING_ALPHABETICAL,
  BZW_OVERVIEW_GROUPING_CIRCLE,
} BzwOverviewGrouping;

#define BZW_TYPE_OVERVIEW_SELECTION (bzw_overview_selection_get_type ())
#define BZW_TYPE_OVERVIEW_GROUPING  (bzw_overview_grouping_get_type ())
#define BZW_TYPE_OVERVIEW_OPTIONS   (bzw_overview_options_get_type ())

GType bzw_overview_selection_get_type (void) G_GNUC_CONST;
GType bzw_overview_grouping_get_type  (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (BzwOverviewOptions, bzw_overview_options, BZW, OVERVIEW_OPTIONS, GObject)

GQuark                bzw_overview_error_quark                (void);
BzwOverviewOptions   *bzw_overview_options_new                (void);
BzwOverviewOptions   *bzw_overview_options_copy               (BzwOverviewOptions  *self);

BzwOverviewSelection  bzw_overview_options_get_selection      (BzwOverviewOptions  *self);
void                  bzw_overview_options_set_selection      (BzwOverviewOptions  *self,
                                                               BzwOverviewSelection selection);
gint64                bzw_overview_options_get_circle_id      (BzwOverviewOptions  *self);
void                  bzw_overview_options_set_circle_id      (BzwOverviewOptions  *self,
                                                               gint64               circle_id);
GArray               *bzw_overview_options_get_contact_ids    (BzwOverviewOptions  *self);
void                  bzw_overview_options_set_contact_ids    (BzwOverviewOptions  *self,
                                                               GArray              *contact_ids);
BzwOverviewGrouping   bzw_overview_options_get_grouping       (BzwOverviewOptions  *self);
void                  bzw_overview_options_set_grouping       (BzwOverviewOptions  *self,
                                                               BzwOverviewGrouping  grouping);
gboolean              bzw_overview_options_get_include_notes  (BzwOverviewOptions  *self);
void                  bzw_overview_options_set_include_notes  (BzwOverviewOptions  *self,
                                                               gboolean             include_notes);
gboolean              bzw_overview_options_get_include_map    (BzwOverviewOptions  *self);
void                  bzw_overview_options_set_include_map    (BzwOverviewOptions  *self,
                                                               gboolean             include_map);
const char           *bzw_overview_options_get_user_name      (BzwOverviewOptions  *self);
void                  bzw_overview_options_set_user_name      (BzwOverviewOptions  *self,
                                                               const char          *user_name);
GDateTime            *bzw_overview_options_get_date           (BzwOverviewOptions  *self);
void                  bzw_overview_options_set_date           (BzwOverviewOptions  *self,
                                                               GDateTime           *date);

gboolean              bzw_overview_options_parse_selection    (BzwOverviewOptions  *self,
                                                               BzwStore            *store,
                                                               const char          *text,
                                                               GError             **error);
gboolean              bzw_overview_options_parse_grouping     (BzwOverviewOptions  *self,
                                                               const char          *text,
                                                               GError             **error);

G_END_DECLS
