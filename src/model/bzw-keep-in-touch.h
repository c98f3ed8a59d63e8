/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "bzw-circle.h"
#include "bzw-contact.h"

G_BEGIN_DECLS

typedef enum
{
  BZW_KEEP_IN_TOUCH_NONE,
  BZW_KEEP_IN_TOUCH_OK,
  BZW_KEEP_IN_TOUCH_DUE,
  BZW_KEEP_IN_TOUCH_OVERDUE,
} BzwKeepInTouchState;

/* A rhythm in days; 0 means not set. */
typedef struct
{
  int ideal_days;
  int latest_days;
} BzwRhythm;

/* Why a contact is due: the rhythm, or the follow-up they were put on. */
typedef enum
{
  BZW_DUE_BY_RHYTHM,
  BZW_DUE_BY_FOLLOW_UP,
} BzwDueReason;

/* When to get in touch with one person.  Dates are calendar days in the
 * local time zone.  @days_overdue counts from the ideal date: negative
 * while there is time left, 0 on the ideal date itself.  @follow_up,
 * @snoozed_until and @occasion are invalid when there is none: the
 * „Wiedervorlage“, a snooze that still holds, and a birthday near the
 * due date that is suggested as the day to get in touch.
 */
typedef struct
{
  BzwKeepInTouchState state;
  BzwRhythm           rhythm;
  GDate               since;
  GDate               due_ideal;
  GDate               due_latest;
  int                 days_overdue;
  int                 days_past_latest;
  BzwDueReason        reason;
  GDate               follow_up;
  GDate               snoozed_until;
  GDate               occasion;
} BzwKeepInTouch;

BzwRhythm            bzw_rhythm_resolve              (const BzwRhythm     *own,
                                                      const BzwRhythm     *circles,
                                                      guint                n_circles);
gboolean             bzw_rhythm_is_set               (const BzwRhythm     *rhythm);

void                 bzw_keep_in_touch_compute       (BzwKeepInTouch      *result,
                                                      const BzwRhythm     *rhythm,
                                                      gint64               last_encounter,
                                                      gint64               added,
                                                      GDateTime           *now);
void                 bzw_keep_in_touch_apply_dates   (BzwKeepInTouch      *result,
                                                      const char          *follow_up_on,
                                                      const char          *snoozed_until,
                                                      const char          *birthday,
                                                      GDateTime           *now);
void                 bzw_keep_in_touch_compute_for_contact
                                                     (BzwKeepInTouch      *result,
                                                      BzwContact          *contact,
                                                      GPtrArray           *circles,
                                                      GDateTime           *now);
int                  bzw_keep_in_touch_compare       (const BzwKeepInTouch *a,
                                                      const BzwKeepInTouch *b);
const char          *bzw_keep_in_touch_state_to_string (BzwKeepInTouchState state);
const char          *bzw_keep_in_touch_state_get_label (BzwKeepInTouchState state);
char                *bzw_keep_in_touch_dup_description (const BzwKeepInTouch *kit);

void                 bzw_date_from_unix              (GDate               *date,
                                                      gint64               unix_time,
                                                      GTimeZone           *tz);
void                 bzw_date_from_date_time         (GDate               *date,
                                                      GDateTime           *date_time);
GDateTime           *bzw_date_to_local_midnight      (const GDate         *date,
                                                      GTimeZone           *tz);

G_END_DECLS
