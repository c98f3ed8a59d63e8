/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-keep-in-touch.h"

static GTimeZone *
berlin (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Europe/Berlin");

  g_assert_nonnull (tz);
  return tz;
}

static GDateTime *
local (GTimeZone *tz,
       int        year,
       int        month,
       int        day,
       int        hour,
       int        minute)
{
  GDateTime *dt = g_date_time_new (tz, year, month, day, hour, minute, 0);

  g_assert_nonnull (dt);
  return dt;
}

static gint64
local_unix (GTimeZone *tz,
            int        year,
            int        month,
            int        day,
            int        hour,
            int        minute)
{
  g_autoptr(GDateTime) dt = local (tz, year, month, day, hour, minute);

  return g_date_time_to_unix (dt);
}

static void
assert_date (const GDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, year);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_day (date), ==, day);
}

static void
test_resolve (void)
{
  BzwRhythm own = { 30, 90 };
  BzwRhythm none = { 0, 0 };
  BzwRhythm only_ideal = { 14, 0 };
  BzwRhythm circles[] = { { 60, 365 }, { 30, 120 }, { 0, 0 }, { 90, 0 } };
  BzwRhythm wrong = { 200, 100 };
  BzwRhythm r;

  /* The contact's own values win. */
  r = bzw_rhythm_resolve (&own, circles, G_N_ELEMENTS (circles));
  g_assert_cmpint (r.ideal_days, ==, 30);
  g_assert_cmpint (r.latest_days, ==, 90);

  /* Else the tightest of the circles, threshold by threshold. */
  r = bzw_rhythm_resolve (&none, circles, G_N_ELEMENTS (circles));
  g_assert_cmpint (r.ideal_days, ==, 30);
  g_assert_cmpint (r.latest_days, ==, 120);
  r = bzw_rhythm_resolve (NULL, circles, 1);
  g_assert_cmpint (r.ideal_days, ==, 60);
  g_assert_cmpint (r.latest_days, ==, 365);

  /* A contact's own ideal, the circles' latest. */
  r = bzw_rhythm_resolve (&only_ideal, circles, 2);
  g_assert_cmpint (r.ideal_days, ==, 14);
  g_assert_cmpint (r.latest_days, ==, 120);

  /* No rhythm anywhere. */
  r = bzw_rhythm_resolve (&none, &circles[2], 1);
  g_assert_false (bzw_rhythm_is_set (&r));

  /* An ideal longer than the latest is cut. */
  r = bzw_rhythm_resolve (&wrong, NULL, 0);
  g_assert_cmpint (r.ideal_days, ==, 100);
  g_assert_cmpint (r.latest_days, ==, 100);
}

/* ok → due on the ideal date → still due on the latest date → overdue. */
static void
test_transitions (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  BzwRhythm rhythm = { 30, 60 };
  gint64 last = local_unix (tz, 2023, 5, 10, 18, 0);
  struct { int month, day; BzwKeepInTouchState state; int overdue, past_latest; } steps[] = {
    { 5, 10, BZW_KEEP_IN_TOUCH_OK, -30, -60 },
    { 6, 8, BZW_KEEP_IN_TOUCH_OK, -1, -31 },
    { 6, 9, BZW_KEEP_IN_TOUCH_DUE, 0, -30 },
    { 7, 9, BZW_KEEP_IN_TOUCH_DUE, 30, 0 },
    { 7, 10, BZW_KEEP_IN_TOUCH_OVERDUE, 31, 1 },
    { 12, 24, BZW_KEEP_IN_TOUCH_OVERDUE, 198, 168 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GDateTime) now = local (tz, 2023, steps[i].month, steps[i].day, 9, 0);
      BzwKeepInTouch kit;

      bzw_keep_in_touch_compute (&kit, &rhythm, last, 0, now);
      g_assert_cmpint (kit.state, ==, steps[i].state);
      g_assert_cmpint (kit.days_overdue, ==, steps[i].overdue);
      g_assert_cmpint (kit.days_past_latest, ==, steps[i].past_latest);
      assert_date (&kit.since, 2023, 5, 10);
      assert_date (&kit.due_ideal, 2023, 6, 9);
      assert_date (&kit.due_latest, 2023, 7, 9);
    }
}

/* Without an encounter the count starts when the contact was added. */
static void
test_from_added (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  g_autoptr(GDateTime) now = local (tz, 2024, 1, 20, 12, 0);
  BzwRhythm rhythm = { 7, 0 };
  BzwKeepInTouch kit;

  bzw_keep_in_touch_compute (&kit, &rhythm, 0, local_unix (tz, 2024, 1, 10, 8, 0), now);
  assert_date (&kit.since, 2024, 1, 10);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_DUE);
  g_assert_cmpint (kit.days_overdue, ==, 3);
  /* No latest interval: never red. */
  g_assert_false (g_date_valid (&kit.due_latest));

  bzw_keep_in_touch_compute (&kit, &rhythm, local_unix (tz, 2024, 1, 19, 8, 0),
                             local_unix (tz, 2024, 1, 10, 8, 0), now);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OK);
  g_assert_cmpint (kit.days_overdue, ==, -6);

  rhythm = (BzwRhythm) { 0, 0 };
  bzw_keep_in_touch_compute (&kit, &rhythm, local_unix (tz, 2020, 1, 1, 8, 0), 0, now);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_NONE);
}

/* Only a latest interval: due and overdue from the same date on. */
static void
test_only_latest (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  BzwRhythm rhythm = { 0, 10 };
  gint64 last = local_unix (tz, 2024, 4, 1, 12, 0);
  g_autoptr(GDateTime) on_day = local (tz, 2024, 4, 11, 12, 0);
  g_autoptr(GDateTime) after = local (tz, 2024, 4, 12, 12, 0);
  BzwKeepInTouch kit;

  bzw_keep_in_touch_compute (&kit, &rhythm, last, 0, on_day);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_DUE);
  bzw_keep_in_touch_compute (&kit, &rhythm, last, 0, after);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OVERDUE);
}

static void
test_leap_years (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  BzwRhythm yearly = { 365, 366 };
  BzwKeepInTouch kit;

  /* From 29 February 2024: 365 days later is 28 February 2025. */
  {
    g_autoptr(GDateTime) now = local (tz, 2025, 2, 28, 10, 0);

    bzw_keep_in_touch_compute (&kit, &yearly, local_unix (tz, 2024, 2, 29, 20, 0), 0, now);
    assert_date (&kit.since, 2024, 2, 29);
    assert_date (&kit.due_ideal, 2025, 2, 28);
    assert_date (&kit.due_latest, 2025, 3, 1);
    g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_DUE);
    g_assert_cmpint (kit.days_overdue, ==, 0);
  }

  /* From 1 March 2023, the year before a leap year, 365 days reach the
   * leap day itself.
   */
  {
    g_autoptr(GDateTime) now = local (tz, 2024, 2, 28, 10, 0);

    bzw_keep_in_touch_compute (&kit, &yearly, local_unix (tz, 2023, 3, 1, 9, 0), 0, now);
    assert_date (&kit.due_ideal, 2024, 2, 29);
    assert_date (&kit.due_latest, 2024, 3, 1);
    g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OK);
    g_assert_cmpint (kit.days_overdue, ==, -1);
  }

  /* Across the leap day: 28 February to 1 March 2024 is two days. */
  {
    BzwRhythm two = { 2, 3 };
    g_autoptr(GDateTime) now = local (tz, 2024, 3, 1, 7, 0);

    bzw_keep_in_touch_compute (&kit, &two, local_unix (tz, 2024, 2, 28, 22, 0), 0, now);
    g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_DUE);
    g_assert_cmpint (kit.days_overdue, ==, 0);
  }
}

/* Whole calendar days: a 23-hour and a 25-hour day are one day each. */
static void
test_dst (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  BzwRhythm daily = { 1, 3 };
  BzwRhythm two = { 2, 4 };
  BzwKeepInTouch kit;

  /* Spring forward, night of 30 to 31 March 2024: 22 h 45 min apart, but
   * on the next calendar day.
   */
  {
    gint64 last = local_unix (tz, 2024, 3, 30, 23, 30);
    g_autoptr(GDateTime) now = local (tz, 2024, 3, 31, 23, 15);

    g_assert_cmpint (g_date_time_to_unix (now) - last, <, 86400);
    bzw_keep_in_touch_compute (&kit, &daily, last, 0, now);
    assert_date (&kit.due_ideal, 2024, 3, 31);
    g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_DUE);
    g_assert_cmpint (kit.days_overdue, ==, 0);
  }

  /* Fall back, night of 26 to 27 October 2024: more than 48 h apart, but
   * only one calendar day.
   */
  {
    gint64 last = local_unix (tz, 2024, 10, 26, 0, 30);
    g_autoptr(GDateTime) now = local (tz, 2024, 10, 27, 23, 59);

    g_assert_cmpint (g_date_time_to_unix (now) - last, >, 2 * 86400);
    bzw_keep_in_touch_compute (&kit, &two, last, 0, now);
    assert_date (&kit.since, 2024, 10, 26);
    assert_date (&kit.due_ideal, 2024, 10, 28);
    g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OK);
    g_assert_cmpint (kit.days_overdue, ==, -1);
  }

  /* The day of an instant depends on the time zone of “now”. */
  {
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    gint64 last = local_unix (utc, 2024, 6, 1, 23, 30);
    g_autoptr(GDateTime) now_berlin = local (tz, 2024, 6, 3, 12, 0);
    g_autoptr(GDateTime) now_utc = g_date_time_to_timezone (now_berlin, utc);
    BzwKeepInTouch in_utc;

    bzw_keep_in_touch_compute (&kit, &two, last, 0, now_berlin);
    bzw_keep_in_touch_compute (&in_utc, &two, last, 0, now_utc);
    assert_date (&kit.since, 2024, 6, 2);
    assert_date (&in_utc.since, 2024, 6, 1);
    g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OK);
    g_assert_cmpint (in_utc.state, ==, BZW_KEEP_IN_TOUCH_DUE);
  }
}

static void
test_date_helpers (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  g_autoptr(GDateTime) midnight = NULL;
  GDate date;

  /* Local midnight on the day of the switch to summer time is 23:00 UTC. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, 3, 2024);
  midnight = bzw_date_to_local_midnight (&date, tz);
  g_assert_cmpint (g_date_time_to_unix (midnight), ==, 1711839600);

  bzw_date_from_unix (&date, 1711839600 - 1, tz);
  assert_date (&date, 2024, 3, 30);
}

static void
test_compare_and_describe (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  g_autoptr(GDateTime) now = local (tz, 2024, 5, 1, 12, 0);
  BzwRhythm rhythm = { 10, 20 };
  BzwKeepInTouch ok, due, overdue, very_overdue, today;
  g_autofree char *ok_text = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *overdue_text = NULL;

  bzw_keep_in_touch_compute (&ok, &rhythm, local_unix (tz, 2024, 4, 26, 12, 0), 0, now);
  bzw_keep_in_touch_compute (&due, &rhythm, local_unix (tz, 2024, 4, 15, 12, 0), 0, now);
  bzw_keep_in_touch_compute (&today, &rhythm, local_unix (tz, 2024, 4, 21, 12, 0), 0, now);
  bzw_keep_in_touch_compute (&overdue, &rhythm, local_unix (tz, 2024, 4, 9, 12, 0), 0, now);
  bzw_keep_in_touch_compute (&very_overdue, &rhythm, local_unix (tz, 2024, 1, 9, 12, 0), 0, now);

  g_assert_cmpint (bzw_keep_in_touch_compare (&very_overdue, &overdue), <, 0);
  g_assert_cmpint (bzw_keep_in_touch_compare (&overdue, &due), <, 0);
  g_assert_cmpint (bzw_keep_in_touch_compare (&due, &today), <, 0);
  g_assert_cmpint (bzw_keep_in_touch_compare (&today, &ok), <, 0);
  g_assert_cmpint (bzw_keep_in_touch_compare (&ok, &ok), ==, 0);

  ok_text = bzw_keep_in_touch_dup_description (&ok);
  due_text = bzw_keep_in_touch_dup_description (&due);
  today_text = bzw_keep_in_touch_dup_description (&today);
  overdue_text = bzw_keep_in_touch_dup_description (&overdue);
  g_assert_cmpstr (ok_text, ==, "Due in 5 days");
  g_assert_cmpstr (due_text, ==, "Due for 6 days");
  g_assert_cmpstr (today_text, ==, "Due today");
  g_assert_cmpstr (overdue_text, ==, "Overdue for 2 days");
  g_assert_cmpstr (bzw_keep_in_touch_state_to_string (overdue.state), ==, "overdue");
}

/* Absurd intervals stay within the calendar: a hundred years at most. */
static void
test_huge_interval (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  g_autoptr(GDateTime) now = local (tz, 2024, 5, 1, 12, 0);
  BzwRhythm rhythm = { 2000000000, G_MAXINT };
  BzwKeepInTouch kit;

  bzw_keep_in_touch_compute (&kit, &rhythm, local_unix (tz, 2024, 4, 1, 12, 0), 0, now);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OK);
  g_assert_true (g_date_valid (&kit.due_latest));
  g_assert_cmpint (g_date_get_year (&kit.due_latest), ==, 2124);
}

/* Computes on @day (noon, Berlin) for a rhythm counted from @since. */
static void
compute_on (BzwKeepInTouch  *kit,
            const BzwRhythm *rhythm,
            gint64           since,
            int              year,
            int              month,
            int              day,
            const char      *follow_up,
            const char      *snoozed,
            const char      *birthday)
{
  g_autoptr(GTimeZone) tz = berlin ();
  g_autoptr(GDateTime) now = local (tz, year, month, day, 12, 0);

  bzw_keep_in_touch_compute (kit, rhythm, since, 0, now);
  bzw_keep_in_touch_apply_dates (kit, follow_up, snoozed, birthday, now);
}

/* A follow-up makes the contact due on its day, with or without a rhythm,
 * and never overdue on its own.
 */
static void
test_follow_up (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  gint64 since = local_unix (tz, 2026, 3, 1, 18, 0);
  BzwRhythm none = { 0, 0 };
  BzwRhythm rhythm = { 30, 60 };
  BzwKeepInTouch kit;

  compute_on (&kit, &none, since, 2026, 3, 9, "2026-03-10", NULL, NULL);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OK);
  assert_date (&kit.due_ideal, 2026, 3, 10);
  g_assert_cmpint (kit.days_overdue, ==, -1);
  compute_on (&kit, &none, since, 2026, 3, 10, "2026-03-10", NULL, NULL);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_DUE);
  g_assert_cmpint (kit.reason, ==, BZW_DUE_BY_FOLLOW_UP);
  compute_on (&kit, &none, since, 2027, 3, 10, "2026-03-10", NULL, NULL);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_DUE);
  g_assert_cmpint (kit.days_overdue, ==, 365);

  /* Before the rhythm's date the follow-up is the one shown ... */
  compute_on (&kit, &rhythm, since, 2026, 3, 20, "2026-03-20", NULL, NULL);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_DUE);
  assert_date (&kit.due_ideal, 2026, 3, 20);
  /* ... after it, the rhythm's date stays, and overdue stays overdue. */
  compute_on (&kit, &rhythm, since, 2026, 5, 20, "2026-06-01", NULL, NULL);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OVERDUE);
  g_assert_cmpint (kit.reason, ==, BZW_DUE_BY_RHYTHM);
  assert_date (&kit.due_ideal, 2026, 3, 31);
  assert_date (&kit.follow_up, 2026, 6, 1);

  /* Nonsense is no follow-up. */
  compute_on (&kit, &none, since, 2026, 3, 10, "2026-02-30", NULL, NULL);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_NONE);
  g_assert_false (g_date_valid (&kit.follow_up));
}

/* A snoozed contact is not due until the snooze ends; on that day the
 * rule is what it would have been without the snooze.
 */
static void
test_snooze_expiry (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  gint64 since = local_unix (tz, 2026, 1, 1, 9, 0);
  BzwRhythm rhythm = { 30, 60 };
  BzwRhythm none = { 0, 0 };
  BzwKeepInTouch kit;

  /* Overdue since 2 March, snoozed until 16 March. */
  compute_on (&kit, &rhythm, since, 2026, 3, 15, NULL, "2026-03-16", NULL);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OK);
  assert_date (&kit.due_ideal, 2026, 3, 16);
  assert_date (&kit.snoozed_until, 2026, 3, 16);
  g_assert_cmpint (kit.days_overdue, ==, -1);
  g_assert_cmpint (kit.days_past_latest, ==, 0);

  compute_on (&kit, &rhythm, since, 2026, 3, 16, NULL, "2026-03-16", NULL);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OVERDUE);
  g_assert_false (g_date_valid (&kit.snoozed_until));
  assert_date (&kit.due_ideal, 2026, 1, 31);

  /* A snooze before the due date changes nothing. */
  compute_on (&kit, &rhythm, since, 2026, 1, 10, NULL, "2026-01-11", NULL);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OK);
  assert_date (&kit.due_ideal, 2026, 1, 31);

  /* A follow-up can be snoozed, too; without either nothing is due. */
  compute_on (&kit, &none, since, 2026, 3, 15, "2026-03-01", "2026-04-01", NULL);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OK);
  assert_date (&kit.due_ideal, 2026, 4, 1);
  compute_on (&kit, &none, since, 2026, 3, 15, NULL, "2026-04-01", NULL);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_NONE);

  /* Across the switch to summer time (29 March 2026 in Berlin) a snooze
   * until the Monday after still ends on that Monday, not an hour early.
   */
  compute_on (&kit, &rhythm, since, 2026, 3, 29, NULL, "2026-03-30", NULL);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OK);
  g_assert_cmpint (kit.days_overdue, ==, -1);
  {
    g_autoptr(GDateTime) just_after = local (tz, 2026, 3, 30, 0, 1);

    bzw_keep_in_touch_compute (&kit, &rhythm, since, 0, just_after);
    bzw_keep_in_touch_apply_dates (&kit, NULL, "2026-03-30", NULL, just_after);
    g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OVERDUE);
  }
}

/* A birthday within a week of the due date is the day suggested. */
static void
test_occasion (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  BzwRhythm rhythm = { 30, 90 };
  BzwKeepInTouch kit;

  /* Due on 25 February 2027 (a common year); born on 29 February: the
   * birthday is kept on 28 February.
   */
  compute_on (&kit, &rhythm, local_unix (tz, 2027, 1, 26, 10, 0), 2027, 2, 20, NULL, NULL, "1988-02-29");
  assert_date (&kit.due_ideal, 2027, 2, 25);
  assert_date (&kit.occasion, 2027, 2, 28);

  /* The year unknown counts the same. */
  compute_on (&kit, &rhythm, local_unix (tz, 2027, 1, 26, 10, 0), 2027, 2, 20, NULL, NULL, "--03-03");
  assert_date (&kit.occasion, 2027, 3, 3);

  /* Eight days away is no occasion; nor is a birthday of an overdue
   * contact, who should hear from us now.
   */
  compute_on (&kit, &rhythm, local_unix (tz, 2027, 1, 26, 10, 0), 2027, 2, 20, NULL, NULL, "--03-06");
  g_assert_false (g_date_valid (&kit.occasion));
  compute_on (&kit, &rhythm, local_unix (tz, 2026, 1, 26, 10, 0), 2027, 2, 20, NULL, NULL, "--02-22");
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OVERDUE);
  g_assert_false (g_date_valid (&kit.occasion));

  /* A follow-up near a birthday gets the birthday suggested, too. */
  compute_on (&kit, &(BzwRhythm) { 0, 0 }, 0, 2026, 6, 1, "2026-06-10", NULL, "1990-06-14");
  assert_date (&kit.occasion, 2026, 6, 14);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/keep-in-touch/resolve", test_resolve);
  g_test_add_func ("/stats/keep-in-touch/transitions", test_transitions);
  g_test_add_func ("/stats/keep-in-touch/from-added", test_from_added);
  g_test_add_func ("/stats/keep-in-touch/only-latest", test_only_latest);
  g_test_add_func ("/stats/keep-in-touch/leap-years", test_leap_years);
  g_test_add_func ("/stats/keep-in-touch/dst", test_dst);
  g_test_add_func ("/stats/keep-in-touch/date-helpers", test_date_helpers);
  g_test_add_func ("/stats/keep-in-touch/huge-interval", test_huge_interval);
  g_test_add_func ("/stats/keep-in-touch/compare-and-describe", test_compare_and_describe);
  g_test_add_func ("/stats/keep-in-touch/follow-up", test_follow_up);
  g_test_add_func ("/stats/keep-in-touch/snooze-expiry", test_snooze_expiry);
  g_test_add_func ("/stats/keep-in-touch/occasion", test_occasion);

  return g_test_run ();
}
