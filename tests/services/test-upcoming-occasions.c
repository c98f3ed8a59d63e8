/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The occasions to come (services/bzw-occasions.c) from a real database:
 * birthdays and anniversaries of the next days, soonest first, with the
 * age where the year is known, 29 February in a common year, archived
 * contacts left out; name days only when switched on.
 */

#include "config.h"

#include "bzw-occasions.h"
#include "bzw-store-occasions.h"
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

static gint64
add_named (Fixture    *fixture,
           const char *given,
           const char *family,
           gboolean    archived)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autofree char *name = g_strdup_printf ("%s %s", given, family);
  g_autoptr(GError) error = NULL;

  bzw_contact_set_display_name (contact, name);
  bzw_contact_set_given_name (contact, given);
  bzw_contact_set_family_name (contact, family);
  bzw_contact_set_archived (contact, archived);
  g_assert_true (bzw_store_save_contact (fixture->base.store, contact, &error));
  g_assert_no_error (error);
  return bzw_contact_get_id (contact);
}

static void
changed_cb (BzwStore *store,
            guint     what,
            gint64    id,
            guint    *n_changes)
{
  (*n_changes)++;
}

/* A week of lead time for the circle of @contact_id. */
static void
add_to_family (Fixture *fixture,
               gint64   contact_id)
{
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(GError) error = NULL;

  bzw_circle_set_name (circle, "Familie");
  bzw_circle_set_color (circle, "#e01b24");
  bzw_circle_set_lead_days (circle, 7);
  g_assert_true (bzw_store_save_circle (fixture->base.store, circle, &error));
  g_assert_true (bzw_store_set_circle_member (fixture->base.store, contact_id, bzw_circle_get_id (circle), TRUE,
                                              &error));
  g_assert_no_error (error);
}

/* Off by default; when on, the name days of given names in the table
 * come as occasions without years, also to the reminder within the
 * circle's lead time.
 */
static void
test_name_days (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GArray) occasions = NULL;
  g_autoptr(GArray) to_remind = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changes = 0;
  gint64 matthias;

  matthias = add_named (fixture, "Matthias", "Berger", FALSE);
  add_named (fixture, "Josef", "Huber", FALSE);
  add_named (fixture, "Kevin", "Schulz", FALSE);
  add_named (fixture, "Walburga", "Alt", TRUE);
  add_to_family (fixture, matthias);

  g_assert_false (bzw_store_get_name_days (fixture->base.store));
  occasions = bzw_occasions_list_upcoming (fixture->base.store, fixture->now, 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occasions->len, ==, 0);
  g_clear_pointer (&occasions, g_array_unref);

  g_signal_connect (fixture->base.store, "changed", G_CALLBACK (changed_cb), &n_changes);
  g_assert_true (bzw_store_set_name_days (fixture->base.store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (bzw_store_get_name_days (fixture->base.store));
  g_assert_cmpuint (n_changes, ==, 1);

  /* Matthias on 24 February, Josef on 19 March; Kevin has none, and
   * Walburga (25 February) is archived.
   */
  occasions = bzw_occasions_list_upcoming (fixture->base.store, fixture->now, 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occasions->len, ==, 2);
  g_assert_cmpstr (at (occasions, 0)->name, ==, "Matthias Berger");
  g_assert_true (at (occasions, 0)->name_day);
  g_assert_cmpstr (at (occasions, 0)->label, ==, "name-day");
  g_assert_cmpint (at (occasions, 0)->days_until, ==, 2);
  g_assert_cmpint (at (occasions, 0)->years, ==, -1);
  g_assert_cmpint (g_date_get_month (&at (occasions, 0)->day), ==, 2);
  g_assert_cmpint (g_date_get_day (&at (occasions, 0)->day), ==, 24);
  g_assert_cmpstr (at (occasions, 1)->name, ==, "Josef Huber");
  g_assert_cmpint (at (occasions, 1)->days_until, ==, 25);

  /* The reminder: Matthias within his circle's week; Josef, without a
   * lead time, only on the day.
   */
  to_remind = bzw_occasions_list_to_remind (fixture->base.store, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (to_remind->len, ==, 1);
  g_assert_cmpstr (at (to_remind, 0)->name, ==, "Matthias Berger");
  g_assert_true (at (to_remind, 0)->name_day);

  /* Switched off again, they are gone. */
  g_assert_true (bzw_store_set_name_days (fixture->base.store, FALSE, &error));
  g_clear_pointer (&occasions, g_array_unref);
  occasions = bzw_occasions_list_upcoming (fixture->base.store, fixture->now, 30, &error);
  g_assert_cmpuint (occasions->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/services/occasions/upcoming", Fixture, NULL, setup, test_upcoming, teardown);
  g_test_add ("/services/occasions/name-days", Fixture, NULL, setup, test_name_days, teardown);

  return g_test_run ();
}
