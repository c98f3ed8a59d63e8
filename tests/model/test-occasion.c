/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-occasion.h"

static GDate *
day (int d,
     int m,
     int y)
{
  return g_date_new_dmy (d, m, y);
}

static void
assert_date (const GDate *date,
             int          d,
             int          m,
             int          y)
{
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_get_day (date), ==, d);
  g_assert_cmpint (g_date_get_month (date), ==, m);
  g_assert_cmpint (g_date_get_year (date), ==, y);
}

static void
test_parse (void)
{
  BzwYearlyDate date;
  g_autofree char *known = NULL;
  g_autofree char *unknown = NULL;

  g_assert_true (bzw_yearly_date_parse ("1985-05-18", &date));
  g_assert_cmpint (date.year, ==, 1985);
  g_assert_cmpint (date.month, ==, 5);
  g_assert_cmpint (date.day, ==, 18);
  known = bzw_yearly_date_to_string (&date);
  g_assert_cmpstr (known, ==, "1985-05-18");

  g_assert_true (bzw_yearly_date_parse ("--02-29", &date));
  g_assert_cmpint (date.year, ==, 0);
  unknown = bzw_yearly_date_to_string (&date);
  g_assert_cmpstr (unknown, ==, "--02-29");

  g_assert_true (bzw_yearly_date_parse ("19850518", &date));
  g_assert_true (bzw_yearly_date_parse ("--0518", &date));
  g_assert_cmpint (date.month, ==, 5);
  g_assert_false (bzw_yearly_date_parse ("1985-02-29", &date));   /* not a leap year */
  g_assert_true (bzw_yearly_date_parse ("1984-02-29", &date));
  g_assert_false (bzw_yearly_date_parse ("1985-13-01", &date));
  g_assert_false (bzw_yearly_date_parse ("1985-05-18T10:00", &date));
  g_assert_false (bzw_yearly_date_parse ("gestern", &date));
  g_assert_false (bzw_yearly_date_parse (NULL, &date));
}

/* 29 February: on the 28th in common years, on the 29th in leap years. */
static void
test_leap_day (void)
{
  BzwYearlyDate leap = { 1984, 2, 29 };
  g_autoptr(GDate) today = day (1, 1, 2027);
  g_autoptr(GDate) next = bzw_yearly_date_next (&leap, today);
  g_autoptr(GDate) today_leap = day (1, 2, 2028);
  g_autoptr(GDate) next_leap = bzw_yearly_date_next (&leap, today_leap);
  g_autoptr(GDate) after = day (1, 3, 2027);
  g_autoptr(GDate) next_after = bzw_yearly_date_next (&leap, after);
  g_autoptr(GDate) on_28 = day (28, 2, 2027);
  g_autoptr(GDate) on_27 = day (27, 2, 2027);

  assert_date (next, 28, 2, 2027);
  assert_date (next_leap, 29, 2, 2028);
  assert_date (next_after, 29, 2, 2028);
  /* The age counts on the 28th in a common year. */
  g_assert_cmpint (bzw_yearly_date_years_on (&leap, on_28), ==, 43);
  g_assert_cmpint (bzw_yearly_date_years_on (&leap, on_27), ==, 42);
}

static void
test_days_and_years (void)
{
  BzwYearlyDate birthday = { 1985, 5, 18 };
  BzwYearlyDate no_year = { 0, 12, 24 };
  g_autoptr(GDate) today = day (6, 12, 2026);
  g_autoptr(GDate) may = day (18, 5, 2027);
  g_autoptr(GDate) long_ago = day (1, 1, 1900);

  g_assert_cmpint (bzw_yearly_date_days_until (&birthday, today), ==, 163);
  g_assert_cmpint (bzw_yearly_date_days_until (&no_year, today), ==, 18);
  g_assert_cmpint (bzw_yearly_date_days_until (&birthday, may), ==, 0);
  g_assert_cmpint (bzw_yearly_date_years_on (&birthday, today), ==, 41);
  g_assert_cmpint (bzw_yearly_date_years_on (&birthday, may), ==, 42);
  g_assert_cmpint (bzw_yearly_date_years_on (&no_year, today), ==, -1);
  g_assert_cmpint (bzw_yearly_date_years_on (&birthday, long_ago), ==, -1);
}

/* Lead time: from @lead days before up to the day; across the new year. */
static void
test_lead_time (void)
{
  BzwYearlyDate new_year = { 1970, 1, 3 };
  g_autoptr(GDate) dec_24 = day (24, 12, 2026);
  g_autoptr(GDate) dec_23 = day (23, 12, 2026);
  g_autoptr(GDate) jan_3 = day (3, 1, 2027);
  g_autoptr(GDate) jan_4 = day (4, 1, 2027);

  g_assert_true (bzw_yearly_date_remind_today (&new_year, 10, dec_24));
  g_assert_false (bzw_yearly_date_remind_today (&new_year, 10, dec_23));
  g_assert_true (bzw_yearly_date_remind_today (&new_year, 0, jan_3));
  g_assert_false (bzw_yearly_date_remind_today (&new_year, 0, dec_24));
  g_assert_false (bzw_yearly_date_remind_today (&new_year, 10, jan_4));
}

/* Calendar days: the night summer time begins (29 March 2026 in Germany)
 * or ends is a day like any other.
 */
static void
test_dst (void)
{
  BzwYearlyDate birthday = { 1990, 3, 30 };
  BzwYearlyDate autumn = { 1990, 10, 26 };
  g_autoptr(GDate) before_spring = day (28, 3, 2026);
  g_autoptr(GDate) before_autumn = day (24, 10, 2026);

  g_assert_cmpint (bzw_yearly_date_days_until (&birthday, before_spring), ==, 2);
  g_assert_cmpint (bzw_yearly_date_days_until (&autumn, before_autumn), ==, 2);
}

static void
test_snooze (void)
{
  g_autoptr(GDate) sunday = day (6, 12, 2026);
  g_autoptr(GDate) monday = day (7, 12, 2026);
  g_autoptr(GDate) jan_31 = day (31, 1, 2027);
  g_autoptr(GDate) tomorrow = bzw_snooze_until (BZW_SNOOZE_TOMORROW, sunday);
  g_autoptr(GDate) week_from_sunday = bzw_snooze_until (BZW_SNOOZE_NEXT_WEEK, sunday);
  g_autoptr(GDate) week_from_monday = bzw_snooze_until (BZW_SNOOZE_NEXT_WEEK, monday);
  g_autoptr(GDate) month = bzw_snooze_until (BZW_SNOOZE_NEXT_MONTH, jan_31);
  g_autoptr(GDate) feb_27 = day (27, 2, 2027);
  g_autoptr(GDate) feb_28 = day (28, 2, 2027);

  assert_date (tomorrow, 7, 12, 2026);
  assert_date (week_from_sunday, 7, 12, 2026);
  assert_date (week_from_monday, 14, 12, 2026);
  assert_date (month, 28, 2, 2027);

  /* Snoozed until 28 February: quiet on the 27th, back on the 28th. */
  g_assert_true (bzw_snooze_is_active (month, feb_27));
  g_assert_false (bzw_snooze_is_active (month, feb_28));
  g_assert_false (bzw_snooze_is_active (NULL, feb_27));
}

static void
test_suggested_day (void)
{
  BzwYearlyDate birthday = { 1980, 12, 20 };
  g_autoptr(GDate) today = day (6, 12, 2026);
  g_autoptr(GDate) due_near = day (15, 12, 2026);
  g_autoptr(GDate) due_far = day (2, 12, 2026);
  g_autoptr(GDate) near = bzw_occasion_suggested_day (due_near, &birthday, today);
  g_autoptr(GDate) far = bzw_occasion_suggested_day (due_far, &birthday, today);
  g_autoptr(GDate) none = bzw_occasion_suggested_day (due_near, NULL, today);

  assert_date (near, 20, 12, 2026);
  g_assert_null (far);
  g_assert_null (none);
}

static void
test_name_day (void)
{
  int month = 0;
  int d = 0;

  g_assert_cmpstr (bzw_name_day_lookup ("Martin", &month, &d), ==, "martin");
  g_assert_cmpint (month, ==, 11);
  g_assert_cmpint (d, ==, 11);
  g_assert_cmpstr (bzw_name_day_lookup ("Anna Lena", &month, &d), ==, "anna");
  g_assert_cmpint (month, ==, 7);
  g_assert_cmpstr (bzw_name_day_lookup ("MATTHÄUS", &month, &d), ==, "matthäus");
  g_assert_cmpint (d, ==, 21);
  g_assert_null (bzw_name_day_lookup ("Kevin", &month, &d));
  /* The first and the last of the table, a short form, a hyphenated name
   * and „Jürgen“ with its umlaut decomposed (as some vCards have it).
   */
  g_assert_cmpstr (bzw_name_day_lookup ("Adam", &month, &d), ==, "adam");
  g_assert_cmpstr (bzw_name_day_lookup ("Wolfram", &month, &d), ==, "wolfram");
  g_assert_cmpstr (bzw_name_day_lookup ("Niklas", &month, &d), ==, "niklas");
  g_assert_cmpint (month, ==, 12);
  g_assert_cmpint (d, ==, 6);
  g_assert_cmpstr (bzw_name_day_lookup ("Klaus-Dieter", &month, &d), ==, "klaus");
  g_assert_cmpstr (bzw_name_day_lookup ("Ju\xcc\x88rgen", &month, &d), ==, "jürgen");
  g_assert_cmpint (month, ==, 4);
  g_assert_cmpint (d, ==, 23);
  g_assert_null (bzw_name_day_lookup (NULL, &month, &d));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/occasion/parse", test_parse);
  g_test_add_func ("/model/occasion/leap-day", test_leap_day);
  g_test_add_func ("/model/occasion/days-and-years", test_days_and_years);
  g_test_add_func ("/model/occasion/lead-time", test_lead_time);
  g_test_add_func ("/model/occasion/dst", test_dst);
  g_test_add_func ("/model/occasion/snooze", test_snooze);
  g_test_add_func ("/model/occasion/suggested-day", test_suggested_day);
  g_test_add_func ("/model/occasion/name-day", test_name_day);

  return g_test_run ();
}
