/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-calendar-writer.h"

#include <libical/ical.h>

static GPtrArray *
sample_items (void)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) bzw_calendar_item_free);
  BzwCalendarItem *leap = bzw_calendar_item_new (BZW_CALENDAR_YEARLY, "birthday-42@beziehungsweise",
                                                 "Geburtstag: Jürgen Schäfer; Köln, „Rhein“", 1984, 2, 29);
  BzwCalendarItem *no_year = bzw_calendar_item_new (BZW_CALENDAR_YEARLY, "birthday-7@beziehungsweise",
                                                    "Geburtstag: Anna Klein", 0, 5, 18);
  BzwCalendarItem *todo = bzw_calendar_item_new (BZW_CALENDAR_TODO, "due-7@beziehungsweise",
                                                 "Bei Anna Klein melden", 2026, 12, 24);

  leap->alarm_days = 10;
  todo->alarm_days = 0;
  todo->description = g_strdup ("Zuletzt gesehen: 3. Mai 2026");
  g_ptr_array_add (items, leap);
  g_ptr_array_add (items, no_year);
  g_ptr_array_add (items, todo);
  return items;
}

static icalcomponent *
find_uid (icalcomponent *calendar,
          const char    *uid)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (c), uid) == 0)
      return c;
  return NULL;
}

/* Written, then read back with libical's parser: every item, its kind,
 * dates, rule, alarm and text with the characters iCalendar escapes.
 */
static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) items = sample_items ();
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 12, 6, 10, 0, 0);
  g_autofree char *text = bzw_calendar_write (items, stamp);
  icalcomponent *calendar = icalparser_parse_string (text);
  icalcomponent *leap;
  icalcomponent *no_year;
  icalcomponent *todo;
  icalcomponent *valarm;
  struct icalrecurrencetype rule;
  struct icaltriggertype trigger;
  struct icaltimetype start;

  g_assert_nonnull (calendar);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 2);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTODO_COMPONENT), ==, 1);

  leap = find_uid (calendar, "birthday-42@beziehungsweise");
  g_assert_nonnull (leap);
  g_assert_cmpstr (icalcomponent_get_summary (leap), ==, "Geburtstag: Jürgen Schäfer; Köln, „Rhein“");
  start = icalcomponent_get_dtstart (leap);
  g_assert_true (start.is_date);
  g_assert_cmpint (start.year, ==, 1984);
  g_assert_cmpint (start.month, ==, 2);
  g_assert_cmpint (start.day, ==, 29);
  rule = icalproperty_get_rrule (icalcomponent_get_first_property (leap, ICAL_RRULE_PROPERTY));
  g_assert_cmpint (rule.freq, ==, ICAL_YEARLY_RECURRENCE);
  g_assert_cmpint (rule.by_month[0], ==, 2);
  g_assert_cmpint (rule.by_month_day[0], ==, -1);
  valarm = icalcomponent_get_first_component (leap, ICAL_VALARM_COMPONENT);
  g_assert_nonnull (valarm);
  trigger = icalproperty_get_trigger (icalcomponent_get_first_property (valarm, ICAL_TRIGGER_PROPERTY));
  g_assert_true (trigger.duration.is_neg);
  g_assert_cmpint (trigger.duration.days, ==, 10);

  /* 29 February recurs on 28 February in 2027 and on the 29th in 2028. */
  {
    icalrecur_iterator *it = icalrecur_iterator_new (rule, start);
    struct icaltimetype next;
    gboolean seen_2027 = FALSE;
    gboolean seen_2028 = FALSE;

    while (!icaltime_is_null_time (next = icalrecur_iterator_next (it)) && next.year <= 2028)
      {
        if (next.year == 2027)
          seen_2027 = next.month == 2 && next.day == 28;
        if (next.year == 2028)
          seen_2028 = next.month == 2 && next.day == 29;
      }
    icalrecur_iterator_free (it);
    g_assert_true (seen_2027);
    g_assert_true (seen_2028);
  }

  no_year = find_uid (calendar, "birthday-7@beziehungsweise");
  g_assert_nonnull (no_year);
  start = icalcomponent_get_dtstart (no_year);
  g_assert_cmpint (start.month, ==, 5);
  g_assert_cmpint (start.day, ==, 18);
  g_assert_null (icalcomponent_get_first_component (no_year, ICAL_VALARM_COMPONENT));
  rule = icalproperty_get_rrule (icalcomponent_get_first_property (no_year, ICAL_RRULE_PROPERTY));
  g_assert_cmpint (rule.by_month_day[0], ==, ICAL_RECURRENCE_ARRAY_MAX);

  todo = find_uid (calendar, "due-7@beziehungsweise");
  g_assert_nonnull (todo);
  g_assert_cmpint (icalcomponent_isa (todo), ==, ICAL_VTODO_COMPONENT);
  g_assert_cmpint (icalcomponent_get_due (todo).day, ==, 24);
  g_assert_cmpstr (icalcomponent_get_description (todo), ==, "Zuletzt gesehen: 3. Mai 2026");
  valarm = icalcomponent_get_first_component (todo, ICAL_VALARM_COMPONENT);
  g_assert_nonnull (valarm);
  {
    icalproperty *property = icalcomponent_get_first_property (valarm, ICAL_TRIGGER_PROPERTY);
    icalparameter *related = icalproperty_get_first_parameter (property, ICAL_RELATED_PARAMETER);

    g_assert_nonnull (related);
    g_assert_cmpint (icalparameter_get_related (related), ==, ICAL_RELATED_END);
    trigger = icalproperty_get_trigger (property);
    g_assert_false (trigger.duration.is_neg);
    g_assert_cmpint (trigger.duration.hours, ==, 9);
  }

  icalcomponent_free (calendar);
}

/* The same items give the same text but for DTSTAMP: a calendar that
 * imports the file again finds every UID it knows.
 */
static void
test_stable (void)
{
  g_autoptr(GPtrArray) items = sample_items ();
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 12, 6, 10, 0, 0);
  g_autoptr(GDateTime) second = g_date_time_new_utc (2027, 1, 2, 8, 30, 0);
  g_autofree char *a = bzw_calendar_write (items, first);
  g_autofree char *b = bzw_calendar_write (items, second);
  g_autoptr(GRegex) stamp = g_regex_new ("DTSTAMP:[0-9TZ]+", 0, 0, NULL);
  g_autofree char *a_clean = g_regex_replace_literal (stamp, a, -1, 0, "", 0, NULL);
  g_autofree char *b_clean = g_regex_replace_literal (stamp, b, -1, 0, "", 0, NULL);

  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (a_clean, ==, b_clean);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/calendar-writer/round-trip", test_round_trip);
  g_test_add_func ("/io/calendar-writer/stable", test_stable);

  return g_test_run ();
}
