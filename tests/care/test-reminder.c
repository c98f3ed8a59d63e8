/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-reminder.h"
#include "bzw-store-occasions.h"
#include "bzw-store-stats.h"
#include "bzw-test-fixture.h"

#include <glib/gstdio.h>
#include <stdarg.h>

typedef struct
{
  BzwTestStore  base;
  GTimeZone    *tz;
  GDateTime    *now;
} Fixture;

static void
open_temp_store (Fixture       *fixture,
                 gconstpointer  data)
{
  bzw_test_store_open (&fixture->base, "test.db");
  fixture->tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (fixture->tz);
  /* Wednesday, 18 June 2025, a quarter past eight in the morning. */
  fixture->now = g_date_time_new (fixture->tz, 2025, 6, 18, 8, 15, 0);
}

static void
close_store (Fixture       *fixture,
             gconstpointer  data)
{
  bzw_test_store_close (&fixture->base);
  g_time_zone_unref (fixture->tz);
  g_date_time_unref (fixture->now);
}

/* A contact that wants to be seen every @ideal days, at the latest every
 * @latest days, added @added_days_ago days ago; 0 for no rhythm.
 */
static gint64
add_contact (Fixture    *fixture,
             const char *name,
             int         ideal,
             int         latest,
             int         added_days_ago)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GDateTime) added = g_date_time_add_days (fixture->now, -added_days_ago);
  g_autoptr(GError) error = NULL;

  bzw_contact_set_display_name (contact, name);
  bzw_contact_set_interval_ideal (contact, ideal);
  bzw_contact_set_interval_max (contact, latest);
  bzw_contact_set_times (contact, g_date_time_to_unix (added), 0);
  bzw_store_save_contact (fixture->base.store, contact, &error);
  g_assert_no_error (error);
  return bzw_contact_get_id (contact);
}

static void
add_encounter (Fixture *fixture,
               gint64   contact_id,
               int      days_ago)
{
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  g_autoptr(GDateTime) when = g_date_time_add_days (fixture->now, -days_ago);
  g_autoptr(GError) error = NULL;

  bzw_encounter_set_happened_at (encounter, g_date_time_to_unix (when));
  bzw_encounter_set_channel (encounter, BZW_CHANNEL_IN_PERSON);
  bzw_encounter_add_participant (encounter, contact_id, NULL);
  bzw_store_save_encounter (fixture->base.store, encounter, &error);
  g_assert_no_error (error);
}

static void
clear_due (gpointer data)
{
  BzwDueContact *item = data;

  g_free (item->name);
}

static GArray *
due_list (const char *first,
          ...)
{
  GArray *due = g_array_new (FALSE, TRUE, sizeof (BzwDueContact));
  va_list args;
  gint64 id = 100;

  g_array_set_clear_func (due, clear_due);
  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      BzwDueContact item = { 0 };

      item.contact_id = id++;
      item.name = g_strdup (name);
      g_array_append_val (due, item);
    }
  va_end (args);
  return due;
}

static void
test_day (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) late = g_date_time_new (tz, 2025, 12, 31, 23, 59, 0);
  g_autoptr(GDateTime) early = g_date_time_add_minutes (late, 2);
  g_autofree char *late_day = bzw_reminder_dup_day (late);
  g_autofree char *early_day = bzw_reminder_dup_day (early);

  g_assert_cmpstr (late_day, ==, "2025-12-31");
  g_assert_cmpstr (early_day, ==, "2026-01-01");
}

static void
test_is_time (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2025, 6, 18, 0, 5, 0);
  g_autoptr(GDateTime) before_midnight = g_date_time_add_minutes (now, -10);
  g_autofree char *yesterday = bzw_reminder_dup_day (before_midnight);

  /* Never sent: time; switched off: never. */
  g_assert_true (bzw_reminder_is_time (TRUE, NULL, now));
  g_assert_true (bzw_reminder_is_time (TRUE, "", now));
  g_assert_false (bzw_reminder_is_time (FALSE, NULL, now));
  g_assert_false (bzw_reminder_is_time (FALSE, "", now));

  /* Sent ten minutes ago, but that was yesterday. */
  g_assert_cmpstr (yesterday, ==, "2025-06-17");
  g_assert_true (bzw_reminder_is_time (TRUE, yesterday, now));
  g_assert_false (bzw_reminder_is_time (FALSE, yesterday, now));

  /* Sent today: not again. */
  g_assert_false (bzw_reminder_is_time (TRUE, "2025-06-18", now));

  /* A day in the future (the clock went back) does not silence today. */
  g_assert_true (bzw_reminder_is_time (TRUE, "2025-06-19", now));

  /* The day is the local one: 00:05 in Berlin is 22:05 UTC the day before. */
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

    g_assert_false (bzw_reminder_is_time (TRUE, "2025-06-17", utc));
    g_assert_true (bzw_reminder_is_time (TRUE, "2025-06-18", utc));
  }
}

static void
test_text (void)
{
  g_autoptr(GArray) none = due_list (NULL, NULL);
  g_autoptr(GArray) one = due_list ("Anna Berg", NULL);
  g_autoptr(GArray) two = due_list ("Anna Berg", "Bernd Cordes", NULL);
  g_autoptr(GArray) three = due_list ("Anna Berg", "Bernd Cordes", "Clara Dietz", NULL);
  g_autoptr(GArray) five = due_list ("Anna Berg", "Bernd Cordes", "Clara Dietz", "Dora Ebert", "Emil Falk", NULL);
  g_autoptr(GArray) four = due_list ("Anna Berg", "Bernd Cordes", "Clara Dietz", "Dora Ebert", NULL);
  g_autoptr(BzwReminder) r1 = bzw_reminder_new_for_due (one, 3);
  g_autoptr(BzwReminder) r2 = bzw_reminder_new_for_due (two, 3);
  g_autoptr(BzwReminder) r3 = bzw_reminder_new_for_due (three, 3);
  g_autoptr(BzwReminder) r4 = bzw_reminder_new_for_due (four, 3);
  g_autoptr(BzwReminder) r5 = bzw_reminder_new_for_due (five, 3);
  g_autoptr(BzwReminder) r5_short = bzw_reminder_new_for_due (five, 1);

  g_assert_null (bzw_reminder_new_for_due (none, 3));

  g_assert_cmpstr (r1->title, ==, "Time to Get in Touch");
  g_assert_cmpstr (r1->body, ==, "1 contact is waiting to hear from you: Anna Berg.");
  g_assert_cmpuint (r1->n_due, ==, 1);
  g_assert_cmpint (r1->first_contact_id, ==, 100);

  g_assert_cmpstr (r2->body, ==, "2 contacts are waiting to hear from you: Anna Berg and Bernd Cordes.");
  g_assert_cmpstr (r3->body, ==, "3 contacts are waiting to hear from you: Anna Berg, Bernd Cordes and Clara Dietz.");
  g_assert_cmpstr (r4->body, ==, "4 contacts are waiting to hear from you: Anna Berg, Bernd Cordes, Clara Dietz and 1 other.");
  g_assert_cmpstr (r5->body, ==, "5 contacts are waiting to hear from you: Anna Berg, Bernd Cordes, Clara Dietz and 2 others.");
  g_assert_cmpuint (r5->n_due, ==, 5);
  g_assert_cmpstr (r5_short->body, ==, "5 contacts are waiting to hear from you: Anna Berg and 4 others.");
}

static void
test_check_store (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BzwReminder) reminder = NULL;
  g_autoptr(BzwReminder) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = bzw_reminder_dup_day (fixture->now);
  gint64 anna, bernd;

  /* An empty database: nobody is due, no notification. */
  g_assert_null (bzw_reminder_check (fixture->base.store, TRUE, NULL, fixture->now, &error));
  g_assert_no_error (error);

  /* Bernd: weekly at the latest every 14 days, added 40 days ago and never
   * met: overdue.  Anna: monthly, latest after 60 days, seen 45 days ago:
   * due, but less urgent.  Clara: seen yesterday.  Dora: no rhythm.
   */
  anna = add_contact (fixture, "Anna Berg", 30, 60, 400);
  add_encounter (fixture, anna, 45);
  bernd = add_contact (fixture, "Bernd Cordes", 7, 14, 40);
  add_encounter (fixture, add_contact (fixture, "Clara Dietz", 30, 60, 400), 1);
  add_contact (fixture, "Dora Ebert", 0, 0, 400);

  reminder = bzw_reminder_check (fixture->base.store, TRUE, "2025-06-17", fixture->now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reminder);
  g_assert_cmpuint (reminder->n_due, ==, 2);
  g_assert_cmpint (reminder->first_contact_id, ==, bernd);
  g_assert_cmpstr (reminder->body, ==, "2 contacts are waiting to hear from you: Bernd Cordes and Anna Berg.");

  /* Switched off, or sent today already: nothing, and no error. */
  g_assert_null (bzw_reminder_check (fixture->base.store, FALSE, NULL, fixture->now, &error));
  g_assert_no_error (error);
  g_assert_null (bzw_reminder_check (fixture->base.store, TRUE, today, fixture->now, &error));
  g_assert_no_error (error);

  /* After meeting both, nobody is due any more. */
  add_encounter (fixture, bernd, 0);
  again = bzw_reminder_check (fixture->base.store, TRUE, NULL, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpuint (again->n_due, ==, 1);
  g_assert_cmpint (again->first_contact_id, ==, anna);
  add_encounter (fixture, anna, 0);
  g_assert_null (bzw_reminder_check (fixture->base.store, TRUE, NULL, fixture->now, &error));
  g_assert_no_error (error);
}

/* A contact without a rhythm, born on @birthday, in @circle_id (or none). */
static gint64
add_birthday (Fixture    *fixture,
              const char *name,
              const char *birthday,
              gint64      circle_id)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;

  bzw_contact_set_display_name (contact, name);
  bzw_contact_set_birthday (contact, birthday);
  if (circle_id != 0)
    {
      g_autoptr(GArray) circles = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (circles, circle_id);
      bzw_contact_set_circle_ids (contact, circles);
    }
  g_assert_true (bzw_store_save_contact (fixture->base.store, contact, &error));
  g_assert_no_error (error);
  return bzw_contact_get_id (contact);
}

static gint64
add_circle (Fixture    *fixture,
            const char *name,
            int         lead_days)
{
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(GError) error = NULL;

  bzw_circle_set_name (circle, name);
  bzw_circle_set_lead_days (circle, lead_days);
  g_assert_true (bzw_store_save_circle (fixture->base.store, circle, &error));
  g_assert_no_error (error);
  return bzw_circle_get_id (circle);
}

/* Birthdays and anniversaries come with the lead time of the circle; due
 * follow-ups come with the contacts due.
 */
static void
test_check_occasions (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BzwReminder) reminder = NULL;
  g_autoptr(BzwReminder) later = NULL;
  g_autoptr(GDateTime) in_five_days = g_date_time_add_days (fixture->now, 5);
  g_autoptr(GError) error = NULL;
  gint64 family = add_circle (fixture, "Familie", 7);
  gint64 club = add_circle (fixture, "Verein", 0);
  gint64 emma;
  gint64 gina;

  /* Today is 18 June 2025.  Emma's birthday is today (no lead time);
   * Fritz's in five days, his family is reminded a week ahead; Gina's in
   * five days, but her club only on the day; Hans's year is unknown.
   */
  emma = add_birthday (fixture, "Emma Graf", "1990-06-18", club);
  add_birthday (fixture, "Fritz Haas", "1955-06-23", family);
  gina = add_birthday (fixture, "Gina Ilg", "--06-23", club);
  add_birthday (fixture, "Hans Jung", "--06-20", 0);

  reminder = bzw_reminder_check (fixture->base.store, TRUE, NULL, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reminder);
  g_assert_cmpuint (reminder->n_due, ==, 0);
  g_assert_cmpuint (reminder->n_occasions, ==, 2);
  g_assert_cmpint (reminder->first_contact_id, ==, emma);
  g_assert_cmpstr (reminder->title, ==, "Birthdays and Anniversaries");
  g_assert_cmpstr (reminder->body, ==, "Emma Graf: Birthday today; Fritz Haas: Birthday in 5 days.");

  /* A follow-up due today joins them; on Gina's birthday she is named. */
  g_assert_true (bzw_store_set_follow_up (fixture->base.store, gina, "2025-06-18", "Fotos", &error));
  g_assert_true (bzw_store_set_follow_up (fixture->base.store, emma, "2025-07-18", NULL, &error));
  g_clear_pointer (&reminder, bzw_reminder_free);
  reminder = bzw_reminder_check (fixture->base.store, TRUE, NULL, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminder->n_due, ==, 1);
  g_assert_cmpstr (reminder->title, ==, "Time to Get in Touch");
  g_assert_cmpstr (reminder->body, ==, "1 contact is waiting to hear from you: Gina Ilg. "
                                       "Emma Graf: Birthday today; Fritz Haas: Birthday in 5 days.");

  later = bzw_reminder_check (fixture->base.store, TRUE, NULL, in_five_days, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->n_occasions, ==, 2);
  g_assert_cmpstr (later->body, ==, "1 contact is waiting to hear from you: Gina Ilg. "
                                    "Fritz Haas: Birthday today; Gina Ilg: Birthday today.");
}

/* Born on 29 February: remembered on 28 February in a common year. */
static void
test_check_leap_day (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) feb28 = g_date_time_new (fixture->tz, 2027, 2, 28, 9, 0, 0);
  g_autoptr(GDateTime) feb26 = g_date_time_new (fixture->tz, 2027, 2, 26, 9, 0, 0);
  g_autoptr(BzwReminder) reminder = NULL;
  g_autoptr(BzwReminder) before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 family = add_circle (fixture, "Familie", 2);

  add_birthday (fixture, "Lea Maier", "2000-02-29", family);
  reminder = bzw_reminder_check (fixture->base.store, TRUE, NULL, feb28, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reminder->body, ==, "Lea Maier: Birthday today.");
  before = bzw_reminder_check (fixture->base.store, TRUE, NULL, feb26, &error);
  g_assert_cmpstr (before->body, ==, "Lea Maier: Birthday in 2 days.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/care/reminder/day", test_day);
  g_test_add_func ("/care/reminder/is-time", test_is_time);
  g_test_add_func ("/care/reminder/text", test_text);
  g_test_add ("/care/reminder/check-store", Fixture, NULL, open_temp_store, test_check_store, close_store);
  g_test_add ("/care/reminder/check-occasions", Fixture, NULL, open_temp_store, test_check_occasions, close_store);
  g_test_add ("/care/reminder/check-leap-day", Fixture, NULL, open_temp_store, test_check_leap_day, close_store);

  return g_test_run ();
}
