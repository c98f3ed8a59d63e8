/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The occasions to come (services/bzw-occasions.c) from a real database:
 * birthdays and anniversaries of the next days, soonest first, with the
 * age where the year is known, 29 February in a common year, archived
 * contacts left out.
 */

#include "config.h"

#include "bzw-occasions.h"
#include "bzw-test-fixture.h"

typedef struct
{
  BzwTestStore base;
  GDateTime   *now;
} Fixture;

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");

  bzw_test_store_open (&fixture->base, "occasions.db");
  /* Monday, 22 February 2027, a common year; the clocks change on 28 March. */
  fixture->now = g_date_time_new (tz, 2027, 2, 22, 23, 30, 0);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_date_time_unref (fixture->now);
  bzw_test_store_close (&fixture->base);
}

static void
add (Fixture    *fixture,
     const char *name,
     const char *birthday,
     const char *anniversary,
     gboolean    archived)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;

  bzw_contact_set_display_name (contact, name);
  bzw_contact_set_birthday (contact, birthday);
  if (anniversary != NULL)
    bzw_contact_add_field (contact, BZW_FIELD_DATE, "anniversary", anniversary);
  bzw_contact_set_archived (contact, archived);
  g_assert_true (bzw_store_save_contact (fixture->base.store, contact, &error));
  g_assert_no_error (error);
}

static const BzwUpcomingOccasion *
at (GArray *occasions,
    guint   i)
{
  g_assert_cmpuint (i, <, occasions->len);
  return &g_array_index (occasions, BzwUpcomingOccasion, i);
}

static void
test_upcoming (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GArray) occasions = NULL;
  g_autoptr(GError) error = NULL;

  add (fixture, "Lea Maier", "2000-02-29", NULL, FALSE);
  add (fixture, "Bernd Cordes", "--02-22", "2017-03-01", FALSE);
  add (fixture, "Anna Berg", "1990-03-30", NULL, FALSE);
  add (fixture, "Gisela Gegangen", "1950-02-23", NULL, TRUE);

  occasions = bzw_occasions_list_upcoming (fixture->base.store, fixture->now, 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occasions->len, ==, 3);

  /* Today, late in the evening: Bernd's birthday, year unknown. */
  g_assert_cmpstr (at (occasions, 0)->name, ==, "Bernd Cordes");
  g_assert_null (at (occasions, 0)->label);
  g_assert_cmpint (at (occasions, 0)->days_until, ==, 0);
  g_assert_cmpint (at (occasions, 0)->years, ==, -1);

  /* 29 February falls on 28 February: turning 27. */
  g_assert_cmpstr (at (occasions, 1)->name, ==, "Lea Maier");
  g_assert_cmpint (g_date_get_day (&at (occasions, 1)->day), ==, 28);
  g_assert_cmpint (at (occasions, 1)->days_until, ==, 6);
  g_assert_cmpint (at (occasions, 1)->years, ==, 27);

  /* Bernd's wedding anniversary, ten years. */
  g_assert_cmpstr (at (occasions, 2)->name, ==, "Bernd Cordes");
  g_assert_cmpstr (at (occasions, 2)->label, ==, "anniversary");
  g_assert_cmpint (at (occasions, 2)->days_until, ==, 7);
  g_assert_cmpint (at (occasions, 2)->years, ==, 10);

  /* Anna's birthday is 36 days away, after the switch to summer time. */
  g_clear_pointer (&occasions, g_array_unref);
  occasions = bzw_occasions_list_upcoming (fixture->base.store, fixture->now, 36, &error);
  g_assert_cmpuint (occasions->len, ==, 4);
  g_assert_cmpstr (at (occasions, 3)->name, ==, "Anna Berg");
  g_assert_cmpint (at (occasions, 3)->days_until, ==, 36);
  g_assert_cmpint (at (occasions, 3)->years, ==, 37);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/services/occasions/upcoming", Fixture, NULL, setup, test_upcoming, teardown);

  return g_test_run ();
}
