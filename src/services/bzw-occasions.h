/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* The next time a birthday, anniversary or name day of a contact comes. */
typedef struct
{
  gint64  contact_id;
  char   *name;
  char   *label;       /* NULL for a birthday, "name-day" for a name day, else the date field's label */
  GDate   day;         /* the next occasion, today included */
  int     days_until;  /* 0 on the day */
  int     years;       /* the age or the years on that day; -1 when the year is unknown */
  int     lead_days;   /* the longest lead time of the contact's circles */
  gboolean name_day;   /* the name day of the contact's given name; years is -1 */
} BzwUpcomingOccasion;

GArray *bzw_occasions_list_upcoming  (BzwStore   *store,
                                      GDateTime  *now,
                                      int         n_days,
                                      GError    **error);
GArray *bzw_occasions_list_to_remind (BzwStore   *store,
                                      GDateTime  *now,
                                      GError    **error);

G_END_DECLS
