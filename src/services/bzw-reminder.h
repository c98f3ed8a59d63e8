/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* The daily „Zeit, sich zu melden“ notification, without any GTK: whether it
 * is time for one, and what it says.
 */
typedef struct
{
  char  *title;
  char  *body;
  guint  n_due;
  guint  n_occasions;
  gint64 first_contact_id;
} BzwReminder;

#define BZW_REMINDER_MAX_NAMES 3

void         bzw_reminder_free        (BzwReminder   *reminder);
char        *bzw_reminder_dup_day     (GDateTime     *now);
gboolean     bzw_reminder_is_time     (gboolean       enabled,
                                       const char    *last_day,
                                       GDateTime     *now);
BzwReminder *bzw_reminder_new_for_due (const GArray  *due,
                                       guint          max_names);
BzwReminder *bzw_reminder_new         (const GArray  *due,
                                       const GArray  *occasions,
                                       guint          max_names);
BzwReminder *bzw_reminder_check       (BzwStore      *store,
                                       gboolean       enabled,
                                       const char    *last_day,
                                       GDateTime     *now,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwReminder, bzw_reminder_free)

G_END_DECLS
