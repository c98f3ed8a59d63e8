/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

/* What the parts of BzwBriefing share: the data bzw_briefing_load ()
 * gathers (bzw-briefing-data.c) and the painting (bzw-briefing-paint.c).
 */

#include <cairo.h>

#include "bzw-briefing.h"

G_BEGIN_DECLS

/* How many entries of a kind fit on the page at most. */
#define BRIEFING_MAX_POINTS      8
#define BRIEFING_MAX_FAVOURS     4
#define BRIEFING_MAX_ENCOUNTERS  6
#define BRIEFING_MAX_SHARED     12

typedef enum
{
  SECTION_POINTS,
  SECTION_SEEKS,
  SECTION_OFFERS,
  SECTION_FOR_THEM,
  SECTION_FROM_THEM,
  SECTION_ENCOUNTERS,
  SECTION_SHARED,
  N_SECTIONS
} BriefingSectionId;

/* One line of a section: its text, and what is said about it (smaller,
 * at most two lines; in red when @overdue).  @when goes in a column of
 * its own.
 */
typedef struct
{
  char     *when;
  char     *title;
  char     *detail;
  gboolean  overdue;
} BriefingItem;

typedef struct
{
  char   *heading;
  char   *empty;    /* shown when there are no items */
  GArray *items;    /* BriefingItem */
  guint   n_more;   /* left out for the room */
} BriefingSection;

/* A fact of the header: a label and its value. */
typedef struct
{
  const char *label;
  char       *value;
} BriefingFact;

struct _BzwBriefing
{
  GObject          parent_instance;

  BzwStore        *store;
  gint64           contact_id;

  gboolean         loaded;
  char            *name;
  char            *subtitle;
  char            *initials;
  char            *date_long;
  cairo_surface_t *photo;
  GArray          *facts;     /* BriefingFact */
  BriefingSection  sections[N_SECTIONS];
};

/* bzw-briefing-data.c */
gboolean _bzw_briefing_gather (BzwBriefing  *self,
                               GDateTime    *now,
                               GError      **error);
void     _bzw_briefing_clear  (BzwBriefing  *self);

G_END_DECLS
