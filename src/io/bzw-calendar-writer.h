/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BzwCalendarItemKind:
 * @BZW_CALENDAR_YEARLY: an all-day event every year (birthday, anniversary)
 * @BZW_CALENDAR_TODO: a task due on a day (follow-up, keep in touch, a
 *   promised favour), with an alarm
 */
typedef enum
{
  BZW_CALENDAR_YEARLY,
  BZW_CALENDAR_TODO,
} BzwCalendarItemKind;

/**
 * BzwCalendarItem:
 * @uid: stays the same from one export to the next, so a calendar that
 *   imports the file again updates the item instead of adding it twice
 * @year: for %BZW_CALENDAR_YEARLY 0 when the year is unknown
 * @alarm_days: the alarm this many days before (0: on the day), or -1
 */
typedef struct
{
  BzwCalendarItemKind  kind;
  char                *uid;
  char                *summary;
  char                *description;
  int                  year;
  int                  month;
  int                  day;
  int                  alarm_days;
} BzwCalendarItem;

BzwCalendarItem *bzw_calendar_item_new  (BzwCalendarItemKind  kind,
                                         const char          *uid,
                                         const char          *summary,
                                         int                  year,
                                         int                  month,
                                         int                  day);
void             bzw_calendar_item_free (BzwCalendarItem     *item);
char            *bzw_calendar_write     (GPtrArray           *items,
                                         GDateTime           *stamp);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwCalendarItem, bzw_calendar_item_free)

G_END_DECLS
