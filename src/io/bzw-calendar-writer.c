/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-calendar-writer"

#include "config.h"

#include "bzw-calendar-writer-private.h"

#include <libical/ical.h>
#include <stdlib.h>

/* An iCalendar file (RFC 5545) of the dates that bring people back, for
 * the user's own calendar: yearly all-day events for birthdays and
 * anniversaries, tasks with an alarm for what is due.  libical writes the
 * text, so escaping and line folding follow the standard.
 */

BzwCalendarItem *
bzw_calendar_item_new (BzwCalendarItemKind  kind,
                       const char          *uid,
                       const char          *summary,
                       int                  year,
                       int                  month,
                       int                  day)
{
  BzwCalendarItem *item = g_new0 (BzwCalendarItem, 1);

  g_return_val_if_fail (uid != NULL && summary != NULL, NULL);

  item->kind = kind;
  item->uid = g_strdup (uid);
  item->summary = g_strdup (summary);
  item->year = year;
  item->month = month;
  item->day = day;
  item->alarm_days = -1;
  return item;
}

void
bzw_calendar_item_free (BzwCalendarItem *item)
{
  if (item == NULL)
    return;

  g_free (item->uid);
  g_free (item->summary);
  g_free (item->description);
  g_free (item);
}

static struct icaltimetype
date_of (int year,
         int month,
         int day)
{
  struct icaltimetype date = icaltime_null_date ();

  date.year = year;
  date.month = month;
  date.day = day;
  date.is_date = 1;
  return date;
}

/* Every year on the day; 29 February on the last day of February, which
 * is the 28th in common years.
 */
static icalproperty *
yearly_rule (const BzwCalendarItem *item)
{
  struct icalrecurrencetype rule;

  icalrecurrencetype_clear (&rule);
  rule.freq = ICAL_YEARLY_RECURRENCE;
  if (item->month == 2 && item->day == 29)
    {
      rule.by_month[0] = 2;
      rule.by_month[1] = ICAL_RECURRENCE_ARRAY_MAX;
      rule.by_month_day[0] = -1;
      rule.by_month_day[1] = ICAL_RECURRENCE_ARRAY_MAX;
    }
  return icalproperty_new_rrule (rule);
}

static icalcomponent *
new_alarm (const BzwCalendarItem *item)
{
  struct icaltriggertype trigger = { 0, };
  icalcomponent *valarm = icalcomponent_new (ICAL_VALARM_COMPONENT);
  icalproperty *trigger_property;

  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_null_duration ();
  trigger.duration.is_neg = item->alarm_days > 0;
  trigger.duration.days = (unsigned int) item->alarm_days;
  /* On the day itself the alarm rings at nine in the morning. */
  if (item->alarm_days == 0)
    trigger.duration.hours = 9;
  icalcomponent_add_property (valarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  trigger_property = icalproperty_new_trigger (trigger);
  /* A task has no start: its alarm counts from when it is due. */
  if (item->kind == BZW_CALENDAR_TODO)
    icalproperty_add_parameter (trigger_property, icalparameter_new_related (ICAL_RELATED_END));
  icalcomponent_add_property (valarm, trigger_property);
  icalcomponent_add_property (valarm, icalproperty_new_description (item->summary));
  return valarm;
}

static icalcomponent *
component_of (const BzwCalendarItem *item,
              struct icaltimetype    stamp)
{
  icalcomponent *comp;

  if (item->kind == BZW_CALENDAR_YEARLY)
    {
      /* A year that is not known starts the series in 1904, a leap year. */
      int year = item->year > 0 ? item->year : 1904;
      struct icaltimetype start = date_of (year, item->month, item->day);
      struct icaltimetype end = start;

      icaltime_adjust (&end, 1, 0, 0, 0);
      comp = icalcomponent_new (ICAL_VEVENT_COMPONENT);
      icalcomponent_add_property (comp, icalproperty_new_dtstart (start));
      icalcomponent_add_property (comp, icalproperty_new_dtend (end));
      icalcomponent_add_property (comp, yearly_rule (item));
      icalcomponent_add_property (comp, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
    }
  else
    {
      comp = icalcomponent_new (ICAL_VTODO_COMPONENT);
      icalcomponent_add_property (comp, icalproperty_new_due (date_of (item->year, item->month, item->day)));
    }

  icalcomponent_add_property (comp, icalproperty_new_uid (item->uid));
  icalcomponent_add_property (comp, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (comp, icalproperty_new_summary (item->summary));
  if (item->description != NULL)
    icalcomponent_add_property (comp, icalproperty_new_description (item->description));
  if (item->alarm_days >= 0)
    icalcomponent_add_component (comp, new_alarm (item));
  return comp;
}

/* VERSION, PRODID and CALSCALE, and nothing in it yet. */
icalcomponent *
_bzw_calendar_new_vcalendar (void)
{
  return icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                              icalproperty_new_version ("2.0"),
                              icalproperty_new_prodid ("-//Beziehungsweise//Beziehungsweise " PACKAGE_VERSION "//DE"),
                              icalproperty_new_calscale ("GREGORIAN"),
                              (void *) 0);
}

/* @time in UTC, as DTSTAMP wants it. */
struct icaltimetype
_bzw_calendar_ical_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return icaltime_from_timet_with_zone (g_date_time_to_unix (utc), 0, icaltimezone_get_utc_timezone ());
}

/* Frees @calendar and returns its text, with CRLF line ends. */
char *
_bzw_calendar_free_to_text (icalcomponent *calendar)
{
  char *text = icalcomponent_as_ical_string_r (calendar);
  char *copy = g_strdup (text);

  icalcomponent_free (calendar);
  free (text);
  return copy;
}

/**
 * bzw_calendar_write:
 * @items: (element-type BzwCalendarItem): what goes into the calendar
 * @stamp: the time of the export (DTSTAMP)
 *
 * Returns: (transfer full): the iCalendar text, with CRLF line ends
 */
char *
bzw_calendar_write (GPtrArray *items,
                    GDateTime *stamp)
{
  icalcomponent *calendar;
  struct icaltimetype when;

  g_return_val_if_fail (items != NULL && stamp != NULL, NULL);

  when = _bzw_calendar_ical_time (stamp);
  calendar = _bzw_calendar_new_vcalendar ();
  for (guint i = 0; i < items->len; i++)
    icalcomponent_add_component (calendar, component_of (g_ptr_array_index (items, i), when));

  return _bzw_calendar_free_to_text (calendar);
}
