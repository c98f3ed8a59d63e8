/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Follow-ups, snoozes, circle lead times and talking points in a real
 * database file: written, read back after reopening, kept by the undo of
 * a deletion.
 */

#include "config.h"

#include "bzw-journal-list.h"
#include "bzw-store-occasions.h"
#include "bzw-store-stats.h"
#include "bzw-test-fixture.h"

#include <locale.h>

typedef BzwTestStore Fixture;

static void
open_temp_store (Fixture       *fixture,
                 gconstpointer  data)
{
  bzw_test_store_open (fixture, "occasions.db");
}

static void
close_store (Fixture       *fixture,
             gconstpointer  data)
{
  bzw_test_store_close (fixture);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static gint64
add_contact (Fixture    *fixture,
             const char *name)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;

  bzw_contact_set_display_name (contact, name);
  g_assert_true (bzw_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);
  return bzw_contact_get_id (contact);
}

static BzwContact *
dup_contact (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  BzwContact *contact = bzw_store_dup_contact (fixture->store, id, &error);

  g_assert_no_error (error);
  return contact;
}

static void
test_follow_up_and_snooze (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 id = add_contact (fixture, "Wiebke Ödegaard");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwContact) contact = NULL;

  g_assert_true (bzw_store_set_follow_up (fixture->store, id, "2026-04-01", "Angebot „Logo“ nachfassen", &error));
  g_assert_no_error (error);
  g_assert_true (bzw_store_set_snoozed_until (fixture->store, id, "2026-03-20", &error));
  g_assert_no_error (error);

  reopen (fixture);
  contact = dup_contact (fixture, id);
  g_assert_cmpstr (bzw_contact_get_follow_up_on (contact), ==, "2026-04-01");
  g_assert_cmpstr (bzw_contact_get_follow_up_note (contact), ==, "Angebot „Logo“ nachfassen");
  g_assert_cmpstr (bzw_contact_get_snoozed_until (contact), ==, "2026-03-20");

  /* Saving the whole contact keeps them. */
  bzw_contact_set_notes (contact, "Notiz");
  g_assert_true (bzw_store_save_contact (fixture->store, contact, &error));
  g_clear_object (&contact);
  contact = dup_contact (fixture, id);
  g_assert_cmpstr (bzw_contact_get_follow_up_on (contact), ==, "2026-04-01");
  g_assert_cmpstr (bzw_contact_get_snoozed_until (contact), ==, "2026-03-20");

  /* A day that does not exist is refused; clearing takes the note along. */
  g_assert_false (bzw_store_set_follow_up (fixture->store, id, "2026-02-29", NULL, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (bzw_store_set_follow_up (fixture->store, id, NULL, "vergessen", &error));
  g_assert_true (bzw_store_set_snoozed_until (fixture->store, id, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&contact);
  contact = dup_contact (fixture, id);
  g_assert_null (bzw_contact_get_follow_up_on (contact));
  g_assert_null (bzw_contact_get_follow_up_note (contact));
  g_assert_null (bzw_contact_get_snoozed_until (contact));

  g_assert_false (bzw_store_set_follow_up (fixture->store, id + 100, "2026-04-01", NULL, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND);
}

static void
test_circle_lead_days (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GError) error = NULL;

  bzw_circle_set_name (circle, "Familie");
  g_assert_true (bzw_store_save_circle (fixture->store, circle, &error));
  reopen (fixture);
  circles = bzw_store_list_circles (fixture->store, &error);
  g_assert_cmpint (bzw_circle_get_lead_days (circles->pdata[0]), ==, 0);

  bzw_circle_set_lead_days (circle, 14);
  g_assert_true (bzw_store_save_circle (fixture->store, circle, &error));
  g_assert_no_error (error);
  reopen (fixture);
  g_clear_pointer (&circles, g_ptr_array_unref);
  circles = bzw_store_list_circles (fixture->store, &error);
  g_assert_cmpint (bzw_circle_get_lead_days (circles->pdata[0]), ==, 14);
}

static gint64
add_point (Fixture    *fixture,
           gint64      contact_id,
           const char *text,
           gint64      created)
{
  g_autoptr(BzwTalkingPoint) point = bzw_talking_point_new ();
  g_autoptr(GError) error = NULL;

  bzw_talking_point_set_contact_id (point, contact_id);
  bzw_talking_point_set_text (point, text);
  bzw_talking_point_set_created (point, created);
  g_assert_true (bzw_store_save_talking_point (fixture->store, point, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bzw_talking_point_get_uid (point));
  return bzw_talking_point_get_id (point);
}

static void
test_talking_points (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 ada = add_contact (fixture, "Ada");
  gint64 bea = add_contact (fixture, "Bea");
  gint64 first = add_point (fixture, ada, "Nach dem Umzug fragen", 1000);
  gint64 second = add_point (fixture, ada, "Buchtipp weitergeben", 2000);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(BzwTalkingPoint) empty = bzw_talking_point_new ();
  g_autoptr(GError) error = NULL;

  add_point (fixture, bea, "Zu Bea", 1500);

  /* A new one without a time is noted now. */
  g_assert_cmpint (add_point (fixture, ada, "Jetzt", 0), >, second);

  g_array_append_val (ids, first);
  g_assert_true (bzw_store_set_talking_points_done (fixture->store, ids, 5000, &error));
  g_assert_no_error (error);

  reopen (fixture);
  open = bzw_store_list_talking_points (fixture->store, ada, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 2);
  g_assert_cmpstr (bzw_talking_point_get_text (open->pdata[0]), ==, "Buchtipp weitergeben");
  all = bzw_store_list_talking_points (fixture->store, ada, TRUE, &error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (bzw_talking_point_get_id (all->pdata[2]), ==, first);
  g_assert_cmpint (bzw_talking_point_get_done_at (all->pdata[2]), ==, 5000);

  bzw_talking_point_set_contact_id (empty, ada);
  bzw_talking_point_set_text (empty, "  ");
  g_assert_false (bzw_store_save_talking_point (fixture->store, empty, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (bzw_store_delete_talking_point (fixture->store, second, &error));
  g_clear_pointer (&all, g_ptr_array_unref);
  all = bzw_store_list_talking_points (fixture->store, 0, TRUE, &error);
  g_assert_cmpuint (all->len, ==, 3);
}

/* Deleting a contact takes its talking points along; undo brings them back. */
static void
test_undo_keeps_talking_points (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 ada = add_contact (fixture, "Ada");
  g_autoptr(BzwContactSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(BzwContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  add_point (fixture, ada, "Nicht vergessen", 1000);
  g_assert_true (bzw_store_set_follow_up (fixture->store, ada, "2026-05-05", "Termin", &error));

  snapshot = bzw_store_delete_contact_undoable (fixture->store, ada, BZW_DELETE_KEEP_ENTRIES, &error);
  g_assert_no_error (error);
  points = bzw_store_list_talking_points (fixture->store, 0, TRUE, &error);
  g_assert_cmpuint (points->len, ==, 0);
  g_clear_pointer (&points, g_ptr_array_unref);

  g_assert_true (bzw_store_restore_contact (fixture->store, snapshot, &error));
  g_assert_no_error (error);
  points = bzw_store_list_talking_points (fixture->store, ada, TRUE, &error);
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_cmpstr (bzw_talking_point_get_text (points->pdata[0]), ==, "Nicht vergessen");
  contact = dup_contact (fixture, ada);
  g_assert_cmpstr (bzw_contact_get_follow_up_on (contact), ==, "2026-05-05");
  g_assert_cmpstr (bzw_contact_get_follow_up_note (contact), ==, "Termin");
}

static gint64
add_due_contact (Fixture    *fixture,
                 const char *name,
                 int         ideal_days)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 long_ago = g_get_real_time () / G_USEC_PER_SEC - 100 * 86400;

  bzw_contact_set_display_name (contact, name);
  bzw_contact_set_interval_ideal (contact, ideal_days);
  bzw_contact_set_times (contact, long_ago, long_ago);
  g_assert_true (bzw_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);
  return bzw_contact_get_id (contact);
}

static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gboolean
array_has (GArray *ids,
           gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
due_has (GArray *due,
         gint64  id)
{
  for (guint i = 0; i < due->len; i++)
    if (g_array_index (due, BzwDueContact, i).contact_id == id)
      return TRUE;
  return FALSE;
}

/* The filter „Fällig“ of the list and the Überblick's list agree with the
 * rule: a follow-up today is due, a snoozed contact is not.
 */
static void
test_due_lists (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 rhythm = add_due_contact (fixture, "Rhythmus", 10);
  gint64 snoozed = add_due_contact (fixture, "Schläfer", 10);
  gint64 follow = add_contact (fixture, "Wiedervorlage");
  gint64 later = add_contact (fixture, "Später");
  g_autofree char *today = day_from_today (0);
  g_autofree char *tomorrow = day_from_today (1);
  g_autofree char *yesterday = day_from_today (-1);
  BzwContactQuery query = { .due_only = TRUE };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bzw_store_set_snoozed_until (fixture->store, snoozed, tomorrow, &error));
  g_assert_true (bzw_store_set_follow_up (fixture->store, follow, today, NULL, &error));
  g_assert_true (bzw_store_set_follow_up (fixture->store, later, tomorrow, NULL, &error));
  g_assert_no_error (error);

  ids = bzw_store_list_contact_ids (fixture->store, &query, &error);
  g_assert_no_error (error);
  due = bzw_store_stats_list_due (fixture->store, now, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_true (array_has (ids, rhythm) && array_has (ids, follow));
  g_assert_true (due_has (due, rhythm) && due_has (due, follow));

  /* A snooze that ended yesterday holds no more. */
  g_assert_true (bzw_store_set_snoozed_until (fixture->store, snoozed, yesterday, &error));
  g_clear_pointer (&ids, g_array_unref);
  g_clear_pointer (&due, g_array_unref);
  ids = bzw_store_list_contact_ids (fixture->store, &query, &error);
  due = bzw_store_stats_list_due (fixture->store, now, FALSE, NULL, &error);
  g_assert_true (array_has (ids, snoozed));
  g_assert_true (due_has (due, snoozed));
  g_assert_cmpuint (ids->len, ==, 3);
}

static void
add_encounter (Fixture *fixture,
               gint64   contact_id,
               gint64   when)
{
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  g_autoptr(GError) error = NULL;

  bzw_encounter_set_happened_at (encounter, when);
  bzw_encounter_add_participant (encounter, contact_id, NULL);
  g_assert_true (bzw_store_save_encounter (fixture->store, encounter, &error));
  g_assert_no_error (error);
}

/* An encounter with a date still to come shows as „Geplant“. */
static void
test_planned_encounter (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 ada = add_contact (fixture, "Ada");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(BzwJournalList) list = bzw_journal_list_new (fixture->store);
  g_autoptr(BzwJournalItem) first = NULL;
  g_autoptr(BzwJournalItem) second = NULL;
  g_autoptr(GArray) planned = NULL;
  g_autoptr(GError) error = NULL;

  add_encounter (fixture, ada, now + 3 * 86400);
  add_encounter (fixture, ada, now - 3 * 86400);
  bzw_journal_list_load_all (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (bzw_journal_item_get_state (first), ==, "Planned");
  g_assert_null (bzw_journal_item_get_state (second));

  planned = bzw_store_list_planned (fixture->store, now, 8, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (planned->len, ==, 1);
  g_assert_cmpint (g_array_index (planned, BzwPlannedRow, 0).happened_at, ==, now + 3 * 86400);
  g_assert_cmpint (g_array_index (planned, BzwPlannedRow, 0).first_contact_id, ==, ada);
  g_assert_cmpstr (g_array_index (planned, BzwPlannedRow, 0).people, ==, "Ada");

  /* Four days on, the planned one asks whether it took place; the one
   * saved after its time never does.  Confirmed, it asks no more.
   */
  g_clear_pointer (&planned, g_array_unref);
  planned = bzw_store_list_past_planned (fixture->store, now, &error);
  g_assert_cmpuint (planned->len, ==, 0);
  g_clear_pointer (&planned, g_array_unref);
  planned = bzw_store_list_past_planned (fixture->store, now + 4 * 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (planned->len, ==, 1);
  g_assert_cmpint (g_array_index (planned, BzwPlannedRow, 0).happened_at, ==, now + 3 * 86400);
  g_assert_true (bzw_store_confirm_encounter (fixture->store, g_array_index (planned, BzwPlannedRow, 0).encounter_id,
                                              &error));
  g_assert_no_error (error);
  g_clear_pointer (&planned, g_array_unref);
  planned = bzw_store_list_past_planned (fixture->store, now + 4 * 86400, &error);
  g_assert_cmpuint (planned->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/occasions/follow-up-and-snooze", Fixture, NULL,
              open_temp_store, test_follow_up_and_snooze, close_store);
  g_test_add ("/store/occasions/circle-lead-days", Fixture, NULL,
              open_temp_store, test_circle_lead_days, close_store);
  g_test_add ("/store/occasions/talking-points", Fixture, NULL,
              open_temp_store, test_talking_points, close_store);
  g_test_add ("/store/occasions/planned-encounter", Fixture, NULL,
              open_temp_store, test_planned_encounter, close_store);
  g_test_add ("/store/occasions/due-lists", Fixture, NULL,
              open_temp_store, test_due_lists, close_store);
  g_test_add ("/store/occasions/undo-keeps-talking-points", Fixture, NULL,
              open_temp_store, test_undo_keeps_talking_points, close_store);

  return g_test_run ();
}
