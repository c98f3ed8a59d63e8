/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Longer than 800 lines: every statistics query of the store checked
 * against a real database with one shared fixture and its helpers for
 * writing encounters, favours and referrals at given days.
 */

#include "config.h"

#include "bzw-dashboard.h"
#include "bzw-store-stats.h"
#include "bzw-test-fixture.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdarg.h>

typedef struct
{
  BzwTestStore  base;
  GTimeZone    *tz;
  GDateTime    *now;
} Fixture;

#define ME 0

static void
open_temp_store (Fixture       *fixture,
                 gconstpointer  data)
{
  bzw_test_store_open (&fixture->base, "test.db");
  fixture->tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (fixture->tz);
  /* Wednesday, 18 June 2025, noon. */
  fixture->now = g_date_time_new (fixture->tz, 2025, 6, 18, 12, 0, 0);
}

static void
close_store (Fixture       *fixture,
             gconstpointer  data)
{
  bzw_test_store_close (&fixture->base);
  g_time_zone_unref (fixture->tz);
  g_date_time_unref (fixture->now);
}

static gint64
at (Fixture *fixture,
    int      year,
    int      month,
    int      day,
    int      hour,
    int      minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (fixture->tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

/* Local time @days calendar days before now, at @hour. */
static gint64
days_ago (Fixture *fixture,
          int      days,
          int      hour)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (fixture->now, -days);

  return at (fixture, g_date_time_get_year (day), g_date_time_get_month (day),
             g_date_time_get_day_of_month (day), hour, 0);
}

static void
save_contact (Fixture    *fixture,
              BzwContact *contact)
{
  g_autoptr(GError) error = NULL;

  bzw_store_save_contact (fixture->base.store, contact, &error);
  g_assert_no_error (error);
}

static gint64
add_contact (Fixture    *fixture,
             const char *name)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();

  bzw_contact_set_display_name (contact, name);
  save_contact (fixture, contact);
  return bzw_contact_get_id (contact);
}

static BzwContact *
dup_contact (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  BzwContact *contact = bzw_store_dup_contact (fixture->base.store, id, &error);

  g_assert_no_error (error);
  return contact;
}

static gint64
add_circle (Fixture    *fixture,
            const char *name,
            int         ideal,
            int         latest)
{
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(GError) error = NULL;

  bzw_circle_set_name (circle, name);
  bzw_circle_set_interval_ideal (circle, ideal);
  bzw_circle_set_interval_max (circle, latest);
  bzw_store_save_circle (fixture->base.store, circle, &error);
  g_assert_no_error (error);
  return bzw_circle_get_id (circle);
}

static void
join_circle (Fixture *fixture,
             gint64   contact_id,
             gint64   circle_id)
{
  g_autoptr(GError) error = NULL;

  bzw_store_set_circle_member (fixture->base.store, contact_id, circle_id, TRUE, &error);
  g_assert_no_error (error);
}

/* Participants end with -1. */
static void
add_encounter (Fixture    *fixture,
               gint64      when,
               BzwChannel  channel,
               ...)
{
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  gint64 id;

  bzw_encounter_set_happened_at (encounter, when);
  bzw_encounter_set_channel (encounter, channel);
  va_start (args, channel);
  while ((id = va_arg (args, gint64)) >= 0)
    bzw_encounter_add_participant (encounter, id, NULL);
  va_end (args);

  bzw_store_save_encounter (fixture->base.store, encounter, &error);
  g_assert_no_error (error);
}

static BzwParty
party (gint64 id)
{
  return (BzwParty) { id, NULL };
}

static gint64
add_favour (Fixture        *fixture,
            const char     *day,
            BzwParty        from,
            BzwParty        to,
            BzwFavourState  state,
            gint64          value_cents,
            const char     *due)
{
  g_autoptr(BzwFavour) favour = bzw_favour_new ();
  g_autoptr(GError) error = NULL;

  bzw_favour_set_day (favour, day);
  bzw_favour_set_from (favour, &from);
  bzw_favour_set_to (favour, &to);
  bzw_favour_set_state (favour, state);
  bzw_favour_set_value_cents (favour, value_cents);
  bzw_favour_set_due (favour, due);
  bzw_favour_set_description (favour, "Hilfe");
  bzw_store_save_favour (fixture->base.store, favour, &error);
  g_assert_no_error (error);
  return bzw_favour_get_id (favour);
}

static gint64
add_referral (Fixture          *fixture,
              const char       *day,
              BzwParty          giver,
              BzwParty          receiver,
              BzwParty          referred,
              BzwReferralState  state,
              gint64            value_cents,
              gboolean          thanked)
{
  g_autoptr(BzwReferral) referral = bzw_referral_new ();
  g_autoptr(GError) error = NULL;

  bzw_referral_set_day (referral, day);
  bzw_referral_set_giver (referral, &giver);
  bzw_referral_set_receiver (referral, &receiver);
  bzw_referral_set_referred (referral, &referred);
  bzw_referral_set_state (referral, state);
  bzw_referral_set_value_cents (referral, value_cents);
  bzw_referral_set_thanked (referral, thanked);
  bzw_store_save_referral (fixture->base.store, referral, &error);
  g_assert_no_error (error);
  return bzw_referral_get_id (referral);
}

static void
add_relationship (Fixture *fixture,
                  gint64   a,
                  gint64   b)
{
  g_autoptr(BzwRelationship) relationship = bzw_relationship_new ();
  g_autoptr(GError) error = NULL;

  bzw_relationship_set_a_id (relationship, a);
  bzw_relationship_set_b_id (relationship, b);
  bzw_store_save_relationship (fixture->base.store, relationship, &error);
  g_assert_no_error (error);
}

static void
test_state_transitions (void)
{
  BzwFavourState favour;
  BzwReferralState referral;

  g_assert_true (bzw_favour_state_next (BZW_FAVOUR_OPEN, &favour));
  g_assert_cmpint (favour, ==, BZW_FAVOUR_PROMISED);
  g_assert_true (bzw_favour_state_next (BZW_FAVOUR_PROMISED, &favour));
  g_assert_cmpint (favour, ==, BZW_FAVOUR_DONE);
  favour = BZW_FAVOUR_OPEN;
  g_assert_false (bzw_favour_state_next (BZW_FAVOUR_DONE, &favour));
  g_assert_false (bzw_favour_state_next (BZW_FAVOUR_DECLINED, &favour));
  g_assert_cmpint (favour, ==, BZW_FAVOUR_OPEN);

  g_assert_true (bzw_referral_state_next (BZW_REFERRAL_GIVEN, &referral));
  g_assert_cmpint (referral, ==, BZW_REFERRAL_CONTACTED);
  g_assert_true (bzw_referral_state_next (BZW_REFERRAL_CONTACTED, &referral));
  g_assert_cmpint (referral, ==, BZW_REFERRAL_MEETING);
  g_assert_true (bzw_referral_state_next (BZW_REFERRAL_MEETING, &referral));
  g_assert_cmpint (referral, ==, BZW_REFERRAL_WON);
  referral = BZW_REFERRAL_GIVEN;
  g_assert_false (bzw_referral_state_next (BZW_REFERRAL_WON, &referral));
  g_assert_false (bzw_referral_state_next (BZW_REFERRAL_LOST, &referral));
  g_assert_cmpint (referral, ==, BZW_REFERRAL_GIVEN);
}

static const BzwGiveTake *
month_of (GArray *months,
          int     year,
          int     month)
{
  for (guint i = 0; i < months->len; i++)
    {
      BzwGiveTakeMonth *m = &g_array_index (months, BzwGiveTakeMonth, i);

      if (m->year == year && m->month == month)
        return &m->give_take;
    }

  g_assert_not_reached ();
  return NULL;
}

static void
assert_give_take (const BzwGiveTake *gt,
                  guint              n_given,
                  gint64             given,
                  guint              n_received,
                  gint64             received)
{
  g_assert_cmpuint (gt->n_given, ==, n_given);
  g_assert_cmpint (gt->given_cents, ==, given);
  g_assert_cmpuint (gt->n_received, ==, n_received);
  g_assert_cmpint (gt->received_cents, ==, received);
}

static void
test_give_take (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) per_contact = NULL;
  gint64 a = add_contact (fixture, "Anna");
  gint64 b = add_contact (fixture, "Bernd");
  gint64 c = add_contact (fixture, "Clara");
  BzwGiveTake gt;
  guint n_nonzero = 0;

  add_favour (fixture, "2025-06-02", party (ME), party (a), BZW_FAVOUR_DONE, 10000, NULL);
  add_favour (fixture, "2025-06-03", party (ME), party (a), BZW_FAVOUR_PROMISED, 5000, NULL);
  add_favour (fixture, "2025-05-20", party (a), party (ME), BZW_FAVOUR_DONE, 2500, NULL);
  add_favour (fixture, "2025-05-21", party (a), party (ME), BZW_FAVOUR_DECLINED, 9999, NULL);
  add_referral (fixture, "2025-04-10", party (ME), party (b), party (c), BZW_REFERRAL_WON, 120000, FALSE);
  add_referral (fixture, "2025-04-11", party (b), party (ME), party (c), BZW_REFERRAL_GIVEN, 0, FALSE);
  /* Between two others: not mine. */
  add_favour (fixture, "2025-06-01", party (a), party (b), BZW_FAVOUR_DONE, 7777, NULL);
  /* The day before the twelve months and their first day. */
  add_favour (fixture, "2024-06-30", party (ME), party (b), BZW_FAVOUR_DONE, 300, NULL);
  add_favour (fixture, "2024-07-01", party (ME), party (b), BZW_FAVOUR_DONE, 400, NULL);
  /* After the current month. */
  add_favour (fixture, "2025-07-01", party (ME), party (c), BZW_FAVOUR_DONE, 50, NULL);

  months = bzw_store_stats_give_take_by_month (fixture->base.store, fixture->now, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 12);
  g_assert_cmpint (g_array_index (months, BzwGiveTakeMonth, 0).year, ==, 2024);
  g_assert_cmpint (g_array_index (months, BzwGiveTakeMonth, 0).month, ==, 7);
  g_assert_cmpint (g_array_index (months, BzwGiveTakeMonth, 11).year, ==, 2025);
  g_assert_cmpint (g_array_index (months, BzwGiveTakeMonth, 11).month, ==, 6);

  assert_give_take (month_of (months, 2024, 7), 1, 400, 0, 0);
  assert_give_take (month_of (months, 2025, 4), 1, 120000, 1, 0);
  assert_give_take (month_of (months, 2025, 5), 0, 0, 1, 2500);
  assert_give_take (month_of (months, 2025, 6), 1, 10000, 0, 0);
  for (guint i = 0; i < months->len; i++)
    {
      const BzwGiveTake *m = &g_array_index (months, BzwGiveTakeMonth, i).give_take;

      if (m->n_given + m->n_received > 0)
        n_nonzero++;
    }
  g_assert_cmpuint (n_nonzero, ==, 4);

  g_assert_true (bzw_store_stats_get_give_take (fixture->base.store, a, &gt, &error));
  g_assert_no_error (error);
  assert_give_take (&gt, 1, 10000, 1, 2500);
  g_assert_true (bzw_store_stats_get_give_take (fixture->base.store, b, &gt, &error));
  assert_give_take (&gt, 3, 120700, 1, 0);

  per_contact = bzw_store_stats_list_give_take (fixture->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (per_contact->len, ==, 3);
  g_assert_cmpint (g_array_index (per_contact, BzwContactGiveTake, 0).contact_id, ==, a);
  assert_give_take (&g_array_index (per_contact, BzwContactGiveTake, 0).give_take, 1, 10000, 1, 2500);
  g_assert_cmpint (g_array_index (per_contact, BzwContactGiveTake, 1).contact_id, ==, b);
  assert_give_take (&g_array_index (per_contact, BzwContactGiveTake, 1).give_take, 3, 120700, 1, 0);
  g_assert_cmpint (g_array_index (per_contact, BzwContactGiveTake, 2).contact_id, ==, c);
  assert_give_take (&g_array_index (per_contact, BzwContactGiveTake, 2).give_take, 1, 50, 0, 0);
}

static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(BzwContact) c2 = NULL;
  g_autoptr(BzwContact) c5 = NULL;
  g_autoptr(BzwContact) c6 = NULL;
  gint64 family = add_circle (fixture, "Familie", 14, 30);
  gint64 clients = add_circle (fixture, "Kunden", 60, 90);
  gint64 id1 = add_contact (fixture, "Eins");
  gint64 id2, id3, id4, id5, id6;
  BzwKeepInTouch kit;

  /* In both circles: the family's 14/30 days apply. */
  join_circle (fixture, id1, family);
  join_circle (fixture, id1, clients);
  add_encounter (fixture, days_ago (fixture, 20, 18), BZW_CHANNEL_PHONE, id1, (gint64) -1);

  /* Own rhythm 7/10 beats the circle's; seen 12 days ago. */
  c2 = bzw_contact_new ();
  bzw_contact_set_display_name (c2, "Zwei");
  bzw_contact_set_interval_ideal (c2, 7);
  bzw_contact_set_interval_max (c2, 10);
  save_contact (fixture, c2);
  id2 = bzw_contact_get_id (c2);
  join_circle (fixture, id2, clients);
  /* Eins was there, too: the last encounter counts, not the first. */
  add_encounter (fixture, days_ago (fixture, 12, 9), BZW_CHANNEL_IN_PERSON, id2, id1, (gint64) -1);

  /* A client seen 10 days ago: in rhythm. */
  id3 = add_contact (fixture, "Drei");
  join_circle (fixture, id3, clients);
  add_encounter (fixture, days_ago (fixture, 10, 9), BZW_CHANNEL_VIDEO, id3, (gint64) -1);

  /* No rhythm at all. */
  id4 = add_contact (fixture, "Vier");
  add_encounter (fixture, days_ago (fixture, 900, 9), BZW_CHANNEL_VIDEO, id4, (gint64) -1);

  /* Family, never met, added 40 days ago. */
  c5 = bzw_contact_new ();
  bzw_contact_set_display_name (c5, "Fünf");
  bzw_contact_set_times (c5, days_ago (fixture, 40, 10), 0);
  save_contact (fixture, c5);
  id5 = bzw_contact_get_id (c5);
  join_circle (fixture, id5, family);

  /* Archived family member. */
  c6 = bzw_contact_new ();
  bzw_contact_set_display_name (c6, "Sechs");
  bzw_contact_set_archived (c6, TRUE);
  save_contact (fixture, c6);
  id6 = bzw_contact_get_id (c6);
  join_circle (fixture, id6, family);

  due = bzw_store_stats_list_due (fixture->base.store, fixture->now, FALSE, NULL, &error);
  g_assert_no_error (error);
  /* Fünf: 10 days past the latest date; Zwei: 2 days past it.  Eins was
   * last met 12 days ago, under the family's 14 days: not due.
   */
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpint (g_array_index (due, BzwDueContact, 0).contact_id, ==, id5);
  g_assert_cmpstr (g_array_index (due, BzwDueContact, 0).name, ==, "Fünf");
  g_assert_cmpint (g_array_index (due, BzwDueContact, 0).keep_in_touch.state, ==, BZW_KEEP_IN_TOUCH_OVERDUE);
  g_assert_cmpint (g_array_index (due, BzwDueContact, 0).keep_in_touch.days_past_latest, ==, 10);
  g_assert_cmpint (g_array_index (due, BzwDueContact, 0).last_encounter, ==, 0);
  g_assert_cmpint (g_array_index (due, BzwDueContact, 1).contact_id, ==, id2);
  g_assert_cmpint (g_array_index (due, BzwDueContact, 1).keep_in_touch.days_past_latest, ==, 2);
  g_assert_cmpint (g_array_index (due, BzwDueContact, 1).keep_in_touch.rhythm.ideal_days, ==, 7);

  /* Two days later Eins is due, too. */
  {
    g_autoptr(GDateTime) later = g_date_time_add_days (fixture->now, 2);
    g_autoptr(GArray) due_later = bzw_store_stats_list_due (fixture->base.store, later, FALSE, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (due_later->len, ==, 3);
    g_assert_cmpint (g_array_index (due_later, BzwDueContact, 2).contact_id, ==, id1);
    g_assert_cmpint (g_array_index (due_later, BzwDueContact, 2).keep_in_touch.state, ==, BZW_KEEP_IN_TOUCH_DUE);
    g_assert_cmpint (g_array_index (due_later, BzwDueContact, 2).keep_in_touch.days_overdue, ==, 0);
  }

  all = bzw_store_stats_list_due (fixture->base.store, fixture->now, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpint (g_array_index (all, BzwDueContact, 3).contact_id, ==, id3);
  g_assert_cmpint (g_array_index (all, BzwDueContact, 3).keep_in_touch.days_overdue, ==, -50);
  for (guint i = 0; i < all->len; i++)
    {
      g_assert_cmpint (g_array_index (all, BzwDueContact, i).contact_id, !=, id4);
      g_assert_cmpint (g_array_index (all, BzwDueContact, i).contact_id, !=, id6);
    }

  g_assert_true (bzw_store_stats_get_keep_in_touch (fixture->base.store, id1, fixture->now, &kit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_OK);
  g_assert_cmpint (kit.rhythm.ideal_days, ==, 14);
  g_assert_cmpint (kit.rhythm.latest_days, ==, 30);
  g_assert_cmpint (kit.days_overdue, ==, -2);

  g_assert_true (bzw_store_stats_get_keep_in_touch (fixture->base.store, id4, fixture->now, &kit, &error));
  g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_NONE);

  g_assert_false (bzw_store_stats_get_keep_in_touch (fixture->base.store, 9999, fixture->now, &kit, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND);
}

static void
test_unseen_and_counts (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) unseen = NULL;
  g_autoptr(GDateTime) year_ago = bzw_stats_year_before (fixture->now);
  g_autoptr(BzwContact) u3 = NULL;
  g_autoptr(BzwContact) u5 = NULL;
  gint64 u1 = add_contact (fixture, "Ulla");
  gint64 u2 = add_contact (fixture, "Uwe");
  gint64 u4 = add_contact (fixture, "Udo");
  gint64 u3_id, u5_id;
  guint n;

  g_assert_cmpint (g_date_time_to_unix (year_ago), ==, at (fixture, 2024, 6, 18, 0, 0));

  add_encounter (fixture, at (fixture, 2024, 6, 17, 23, 0), BZW_CHANNEL_ONLINE, u1, (gint64) -1);
  add_encounter (fixture, at (fixture, 2023, 2, 1, 12, 0), BZW_CHANNEL_MESSAGE, u1, (gint64) -1);
  add_encounter (fixture, at (fixture, 2024, 6, 18, 8, 0), BZW_CHANNEL_IN_PERSON, u2, (gint64) -1);

  u3 = bzw_contact_new ();
  bzw_contact_set_display_name (u3, "Ute");
  bzw_contact_set_met_in_person (u3, TRUE);
  save_contact (fixture, u3);
  u3_id = bzw_contact_get_id (u3);
  add_encounter (fixture, at (fixture, 2023, 1, 1, 12, 0), BZW_CHANNEL_ONLINE, u3_id, (gint64) -1);
  add_encounter (fixture, at (fixture, 2025, 1, 1, 12, 0), BZW_CHANNEL_PHONE, u3_id, (gint64) -1);

  u5 = bzw_contact_new ();
  bzw_contact_set_display_name (u5, "Urs");
  bzw_contact_set_archived (u5, TRUE);
  save_contact (fixture, u5);
  u5_id = bzw_contact_get_id (u5);
  add_encounter (fixture, at (fixture, 2020, 1, 1, 12, 0), BZW_CHANNEL_ONLINE, u5_id, (gint64) -1);

  unseen = bzw_store_stats_list_long_unseen (fixture->base.store, fixture->now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unseen->len, ==, 1);
  g_assert_cmpint (g_array_index (unseen, BzwUnseenContact, 0).contact_id, ==, u1);
  g_assert_cmpstr (g_array_index (unseen, BzwUnseenContact, 0).name, ==, "Ulla");
  g_assert_cmpint (g_array_index (unseen, BzwUnseenContact, 0).last_encounter, ==, at (fixture, 2024, 6, 17, 23, 0));

  g_assert_true (bzw_store_stats_count_met_since (fixture->base.store, g_date_time_to_unix (year_ago), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  /* Ulla (online only) and Udo (never met, not marked). */
  g_assert_true (bzw_store_stats_count_online_only (fixture->base.store, &n, &error));
  g_assert_cmpuint (n, ==, 2);

  g_assert_true (bzw_store_stats_count_contacts (fixture->base.store, &n, &error));
  g_assert_cmpuint (n, ==, 4);

  /* The one pass over the journal agrees with the SQL counts. */
  {
    g_autoptr(GArray) activity = bzw_store_stats_list_activity (fixture->base.store, fixture->now, &error);
    guint n_active, n_recent, n_online;

    g_assert_no_error (error);
    bzw_contact_activity_count (activity, &n_active, &n_recent, &n_online);
    g_assert_cmpuint (n_active, ==, 4);
    g_assert_cmpuint (n_recent, ==, 2);
    g_assert_cmpuint (n_online, ==, 2);
    g_assert_true (bzw_contact_activity_find (activity, u1)->online_only);
    g_assert_false (bzw_contact_activity_find (activity, u2)->online_only);
    g_assert_false (bzw_contact_activity_find (activity, u3_id)->online_only);
    g_assert_true (bzw_contact_activity_find (activity, u4)->online_only);
    g_assert_null (bzw_contact_activity_find (activity, 12345));
  }

}

static void
test_promised_and_thanks (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) promised = NULL;
  g_autoptr(GArray) thanks = NULL;
  gint64 a = add_contact (fixture, "Anna");
  gint64 b = add_contact (fixture, "Bernd");
  gint64 f_late, f_soon, f_none, r_old, r_anna;
  BzwParty gone = { 0, (char *) "Alte Freundin" };

  f_late = add_favour (fixture, "2025-05-01", party (ME), party (a), BZW_FAVOUR_PROMISED, 100, "2025-07-01");
  f_none = add_favour (fixture, "2025-04-01", party (ME), party (b), BZW_FAVOUR_PROMISED, 0, NULL);
  f_soon = add_favour (fixture, "2025-06-01", party (ME), party (a), BZW_FAVOUR_PROMISED, 200, "2025-06-20");
  add_favour (fixture, "2025-06-01", party (a), party (ME), BZW_FAVOUR_PROMISED, 0, "2025-06-19");
  add_favour (fixture, "2025-06-01", party (ME), party (a), BZW_FAVOUR_OPEN, 0, "2025-06-19");
  add_favour (fixture, "2025-06-01", party (ME), party (a), BZW_FAVOUR_DONE, 0, "2025-06-19");

  promised = bzw_store_stats_list_promised_favours (fixture->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (promised->len, ==, 3);
  g_assert_cmpint (g_array_index (promised, BzwPromisedFavour, 0).favour_id, ==, f_soon);
  g_assert_cmpstr (g_array_index (promised, BzwPromisedFavour, 0).due, ==, "2025-06-20");
  g_assert_cmpstr (g_array_index (promised, BzwPromisedFavour, 0).to_name, ==, "Anna");
  g_assert_cmpint (g_array_index (promised, BzwPromisedFavour, 0).value_cents, ==, 200);
  g_assert_cmpint (g_array_index (promised, BzwPromisedFavour, 1).favour_id, ==, f_late);
  g_assert_cmpint (g_array_index (promised, BzwPromisedFavour, 2).favour_id, ==, f_none);
  g_assert_null (g_array_index (promised, BzwPromisedFavour, 2).due);

  r_anna = add_referral (fixture, "2025-01-01", party (a), party (ME), party (b), BZW_REFERRAL_WON, 5000, FALSE);
  add_referral (fixture, "2024-01-01", party (b), party (ME), party (a), BZW_REFERRAL_WON, 0, TRUE);
  add_referral (fixture, "2024-01-01", party (ME), party (a), party (b), BZW_REFERRAL_GIVEN, 0, FALSE);
  add_referral (fixture, "2024-01-01", party (a), party (b), gone, BZW_REFERRAL_GIVEN, 0, FALSE);
  {
    BzwParty referred = { 0, (char *) "Bäckerei Kunz" };

    r_old = add_referral (fixture, "2024-12-01", gone, party (ME), referred, BZW_REFERRAL_LOST, 0, FALSE);
  }

  thanks = bzw_store_stats_list_unthanked_referrals (fixture->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (thanks->len, ==, 2);
  g_assert_cmpint (g_array_index (thanks, BzwUnthankedReferral, 0).referral_id, ==, r_old);
  g_assert_cmpstr (g_array_index (thanks, BzwUnthankedReferral, 0).giver_name, ==, "Alte Freundin");
  g_assert_cmpstr (g_array_index (thanks, BzwUnthankedReferral, 0).referred_name, ==, "Bäckerei Kunz");
  g_assert_cmpint (g_array_index (thanks, BzwUnthankedReferral, 0).state, ==, BZW_REFERRAL_LOST);
  g_assert_cmpint (g_array_index (thanks, BzwUnthankedReferral, 1).referral_id, ==, r_anna);
  g_assert_cmpstr (g_array_index (thanks, BzwUnthankedReferral, 1).giver_name, ==, "Anna");
  g_assert_cmpstr (g_array_index (thanks, BzwUnthankedReferral, 1).referred_name, ==, "Bernd");
  g_assert_cmpint (g_array_index (thanks, BzwUnthankedReferral, 1).value_cents, ==, 5000);
}

static void
test_second_degree (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(BzwContact) m1 = bzw_contact_new ();
  g_autoptr(BzwContact) f5 = bzw_contact_new ();
  gint64 m2, m3, f1, f2, f3, f4, r1, lone, x;

  bzw_contact_set_display_name (m1, "Met in person");
  bzw_contact_set_met_in_person (m1, TRUE);
  save_contact (fixture, m1);
  m2 = add_contact (fixture, "Met at an encounter");
  m3 = add_contact (fixture, "Did me a favour");
  f1 = add_contact (fixture, "Knows m1");
  f2 = add_contact (fixture, "Knows m2");
  f3 = add_contact (fixture, "Referred by m3");
  f4 = add_contact (fixture, "Knows f1 only");
  bzw_contact_set_display_name (f5, "Archived, knows m1");
  bzw_contact_set_archived (f5, TRUE);
  save_contact (fixture, f5);
  r1 = add_contact (fixture, "I referred them");
  lone = add_contact (fixture, "Nobody");
  x = add_contact (fixture, "Receiver");

  add_encounter (fixture, days_ago (fixture, 3, 12), BZW_CHANNEL_MESSAGE, m2, (gint64) -1);
  add_favour (fixture, "2025-01-01", party (m3), party (ME), BZW_FAVOUR_DONE, 0, NULL);
  add_relationship (fixture, bzw_contact_get_id (m1), f1);
  add_relationship (fixture, f2, m2);
  add_relationship (fixture, f4, f1);
  add_relationship (fixture, bzw_contact_get_id (f5), bzw_contact_get_id (m1));
  add_relationship (fixture, bzw_contact_get_id (m1), m2);
  /* m3 referred f3 to x: x does not become first degree by that. */
  add_referral (fixture, "2025-02-01", party (m3), party (x), party (f3), BZW_REFERRAL_GIVEN, 0, FALSE);
  /* I referred r1 to m2. */
  add_referral (fixture, "2025-02-01", party (ME), party (m2), party (r1), BZW_REFERRAL_GIVEN, 0, FALSE);

  ids = bzw_store_stats_list_second_degree (fixture->base.store, NULL, &error);
  g_assert_no_error (error);
  /* f1, f2, f3, and x (the receiver of a referral by m3). */
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f1);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, f2);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, f3);
  g_assert_cmpint (g_array_index (ids, gint64, 3), ==, x);

  (void) lone;
}

static void
test_giving_cycles (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cycles = NULL;
  gint64 a = add_contact (fixture, "Anna");
  gint64 b = add_contact (fixture, "Bernd");
  gint64 c = add_contact (fixture, "Clara");
  BzwParty gone = { 0, (char *) "Weggezogen" };
  const BzwGivingCycle *cycle;
  guint n = 0;

  add_favour (fixture, "2025-01-01", party (ME), party (a), BZW_FAVOUR_DONE, 100, NULL);
  add_favour (fixture, "2025-02-01", party (a), party (b), BZW_FAVOUR_DONE, 50, NULL);
  add_referral (fixture, "2025-03-01", party (b), party (ME), party (c), BZW_REFERRAL_CONTACTED, 1000, FALSE);
  /* Clara promised but has not done it yet: no cycle. */
  add_favour (fixture, "2025-01-01", party (ME), party (c), BZW_FAVOUR_DONE, 100, NULL);
  add_favour (fixture, "2025-01-01", party (c), party (ME), BZW_FAVOUR_PROMISED, 100, NULL);
  /* Someone deleted: not part of any cycle. */
  add_favour (fixture, "2025-01-01", party (c), gone, BZW_FAVOUR_DONE, 100, NULL);
  add_favour (fixture, "2025-01-01", gone, party (ME), BZW_FAVOUR_DONE, 100, NULL);

  cycles = bzw_store_stats_list_giving_cycles (fixture->base.store, 4, 10, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (cycles->len, ==, 1);
  cycle = &g_array_index (cycles, BzwGivingCycle, 0);
  g_assert_cmpuint (cycle->length, ==, 3);
  g_assert_cmpint (cycle->contact_ids[0], ==, a);
  g_assert_cmpint (cycle->contact_ids[1], ==, b);
  g_assert_cmpstr (cycle->names[0], ==, "Anna");
  g_assert_cmpstr (cycle->names[1], ==, "Bernd");
  g_assert_null (cycle->names[2]);
  g_assert_cmpint (cycle->value_cents, ==, 1150);
}

static void
test_introductions (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) intros = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(BzwContact) a = bzw_contact_new ();
  g_autoptr(BzwContact) b = bzw_contact_new ();
  g_autoptr(BzwContact) c = bzw_contact_new ();

  bzw_contact_set_display_name (a, "Anna");
  bzw_contact_set_seeks (a, "Gute Fotografen für Hochzeiten");
  save_contact (fixture, a);
  bzw_contact_set_display_name (b, "Bernd");
  bzw_contact_set_offers (b, "Hochzeiten, Porträts");
  save_contact (fixture, b);
  bzw_contact_set_display_name (c, "Clara");
  bzw_contact_set_offers (c, "Hochzeit und Events");
  bzw_contact_set_archived (c, TRUE);
  save_contact (fixture, c);

  intros = bzw_store_stats_list_introductions (fixture->base.store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (intros->len, ==, 1);
  g_assert_cmpint (g_array_index (intros, BzwIntroduction, 0).seeker_id, ==, bzw_contact_get_id (a));
  g_assert_cmpint (g_array_index (intros, BzwIntroduction, 0).offerer_id, ==, bzw_contact_get_id (b));
  g_assert_cmpstr (g_array_index (intros, BzwIntroduction, 0).shared_words, ==, "Hochzeiten");
  g_assert_cmpstr (g_array_index (intros, BzwIntroduction, 0).offerer_name, ==, "Bernd");

  add_relationship (fixture, bzw_contact_get_id (b), bzw_contact_get_id (a));
  none = bzw_store_stats_list_introductions (fixture->base.store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_activity (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) activity = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) crowd = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(BzwEncounter) event = bzw_encounter_new ();
  gint64 a = add_contact (fixture, "Anna");
  gint64 quiet = add_contact (fixture, "Quiet");
  gint64 now = g_date_time_to_unix (fixture->now);
  g_autoptr(GDateTime) favour_day = NULL;
  const BzwContactActivity *item;
  BzwStrengthEvent expected[3];
  int n_event_weight = 0;

  add_encounter (fixture, days_ago (fixture, 400, 10), BZW_CHANNEL_IN_PERSON, a, (gint64) -1);
  bzw_encounter_set_happened_at (event, days_ago (fixture, 10, 19));
  bzw_encounter_set_channel (event, BZW_CHANNEL_EVENT);
  bzw_encounter_add_participant (event, a, NULL);
  for (int i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("Guest %d", i);

      bzw_encounter_add_participant (event, add_contact (fixture, name), NULL);
    }
  bzw_store_save_encounter (fixture->base.store, event, &error);
  g_assert_no_error (error);
  add_favour (fixture, "2025-05-01", party (ME), party (a), BZW_FAVOUR_DONE, 0, NULL);
  add_favour (fixture, "2025-05-02", party (a), party (ME), BZW_FAVOUR_DECLINED, 0, NULL);

  events = bzw_store_stats_list_strength_events (fixture->base.store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  for (guint i = 0; i < events->len; i++)
    if (g_array_index (events, BzwStrengthEvent, i).channel == BZW_CHANNEL_EVENT &&
        g_array_index (events, BzwStrengthEvent, i).kind == BZW_STRENGTH_ENCOUNTER)
      {
        g_assert_cmpuint (g_array_index (events, BzwStrengthEvent, i).n_participants, ==, 10);
        n_event_weight++;
      }
  g_assert_cmpint (n_event_weight, ==, 1);

  activity = bzw_store_stats_list_activity (fixture->base.store, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activity->len, ==, 11);
  item = &g_array_index (activity, BzwContactActivity, 0);
  g_assert_cmpint (item->contact_id, ==, a);
  g_assert_cmpuint (item->n_encounters, ==, 2);
  g_assert_cmpuint (item->n_recent, ==, 1);
  g_assert_cmpint (item->last_encounter, ==, days_ago (fixture, 10, 19));

  /* The same as the formula over the same events, the favour at noon UTC. */
  favour_day = g_date_time_new_utc (2025, 5, 1, 12, 0, 0);
  expected[0] = (BzwStrengthEvent) { days_ago (fixture, 400, 10), BZW_STRENGTH_ENCOUNTER, BZW_CHANNEL_IN_PERSON, 1 };
  expected[1] = (BzwStrengthEvent) { days_ago (fixture, 10, 19), BZW_STRENGTH_ENCOUNTER, BZW_CHANNEL_EVENT, 10 };
  expected[2] = (BzwStrengthEvent) { g_date_time_to_unix (favour_day), BZW_STRENGTH_FAVOUR, 0, 0 };
  g_assert_cmpfloat_with_epsilon (item->strength, bzw_strength_compute (expected, 3, now), 1e-9);
  g_assert_cmpfloat (item->strength, >, 0.1);

  item = &g_array_index (activity, BzwContactActivity, 1);
  g_assert_cmpint (item->contact_id, ==, quiet);
  g_assert_cmpuint (item->n_encounters, ==, 0);
  g_assert_cmpfloat (item->strength, ==, 0.0);

  /* A guest at the crowded event: weight 4/10, ten days ago. */
  item = &g_array_index (activity, BzwContactActivity, 2);
  g_assert_cmpfloat_with_epsilon (item->strength, bzw_strength_compute (&expected[1], 1, now), 1e-9);
}

/* Weeks start on Monday at local midnight, also right after a DST switch. */
static void
test_weeks (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GDateTime) monday = g_date_time_new (fixture->tz, 2025, 3, 31, 12, 0, 0);
  gint64 a = add_contact (fixture, "Anna");
  const BzwWeekEncounters *last, *before, *two_before;
  guint total = 0;

  add_encounter (fixture, at (fixture, 2025, 3, 30, 23, 30), BZW_CHANNEL_IN_PERSON, a, (gint64) -1);
  add_encounter (fixture, at (fixture, 2025, 3, 31, 0, 30), BZW_CHANNEL_PHONE, a, (gint64) -1);
  add_encounter (fixture, at (fixture, 2025, 3, 24, 0, 0), BZW_CHANNEL_EVENT, a, (gint64) -1);
  add_encounter (fixture, at (fixture, 2025, 3, 23, 23, 59), BZW_CHANNEL_MESSAGE, a, (gint64) -1);
  /* The first of the 52 weeks starts 51 weeks before this Monday. */
  add_encounter (fixture, at (fixture, 2024, 4, 8, 0, 0) - 1, BZW_CHANNEL_MESSAGE, a, (gint64) -1);
  add_encounter (fixture, at (fixture, 2024, 4, 8, 0, 0), BZW_CHANNEL_MESSAGE, a, (gint64) -1);

  weeks = bzw_store_stats_encounters_by_week (fixture->base.store, monday, 52, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 52);

  last = &g_array_index (weeks, BzwWeekEncounters, 51);
  before = &g_array_index (weeks, BzwWeekEncounters, 50);
  two_before = &g_array_index (weeks, BzwWeekEncounters, 49);
  g_assert_cmpint (g_date_get_day (&last->monday), ==, 31);
  g_assert_cmpint (g_date_get_weekday (&last->monday), ==, G_DATE_MONDAY);
  g_assert_cmpuint (last->n_encounters, ==, 1);
  g_assert_cmpuint (last->n_in_person, ==, 0);
  g_assert_cmpuint (before->n_encounters, ==, 2);
  g_assert_cmpuint (before->n_in_person, ==, 2);
  g_assert_cmpuint (two_before->n_encounters, ==, 1);
  g_assert_cmpuint (g_array_index (weeks, BzwWeekEncounters, 0).n_encounters, ==, 1);
  g_assert_cmpint (g_date_get_year (&g_array_index (weeks, BzwWeekEncounters, 0).monday), ==, 2024);

  for (guint i = 0; i < weeks->len; i++)
    total += g_array_index (weeks, BzwWeekEncounters, i).n_encounters;
  g_assert_cmpuint (total, ==, 5);

  /* The pass over the whole journal counts the same weeks. */
  {
    g_autoptr(GArray) activity = NULL;
    g_autoptr(GArray) scanned = NULL;

    g_assert_true (bzw_store_stats_scan_journal (fixture->base.store, monday, 52, &activity, &scanned, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (scanned->len, ==, 52);
    for (guint i = 0; i < weeks->len; i++)
      {
        const BzwWeekEncounters *w = &g_array_index (weeks, BzwWeekEncounters, i);
        const BzwWeekEncounters *v = &g_array_index (scanned, BzwWeekEncounters, i);

        g_assert_cmpint (g_date_compare (&w->monday, &v->monday), ==, 0);
        g_assert_cmpuint (w->n_encounters, ==, v->n_encounters);
        g_assert_cmpuint (w->n_in_person, ==, v->n_in_person);
      }
  }
}

static void
test_reader (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) reader = NULL;
  g_autoptr(BzwStore) none = NULL;
  g_autoptr(BzwStore) foreign = NULL;
  g_autofree char *text_path = g_build_filename (fixture->base.dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (fixture->base.dir, "missing.db", NULL);
  g_autofree char *contents = NULL;
  static const char text[] = "Kein SQLite, nur Notizen.\n";
  guint n;

  add_contact (fixture, "Anna");

  reader = bzw_store_stats_open_reader (fixture->base.path, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_store_is_read_only (reader));
  g_assert_true (bzw_store_stats_count_contacts (reader, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (bzw_store_begin (reader, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  none = bzw_store_stats_open_reader (missing, &error);
  g_assert_null (none);
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text_path, text, -1, NULL));
  foreign = bzw_store_stats_open_reader (text_path, &error);
  g_assert_null (foreign);
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE);
  g_assert_true (g_file_get_contents (text_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);
}

/* The overview sees one state of the database: what another connection
 * has not committed yet is not there.
 */
static void
test_snapshot (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwDashboard) before = NULL;
  g_autoptr(BzwDashboard) after = NULL;

  add_contact (fixture, "Anna");

  g_assert_true (bzw_store_begin (fixture->base.store, &error));
  add_contact (fixture, "Bernd");
  before = bzw_dashboard_compute (fixture->base.path, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->n_contacts, ==, 1);
  g_assert_cmpuint (before->activity->len, ==, 1);
  g_assert_true (bzw_store_commit (fixture->base.store, &error));

  after = bzw_dashboard_compute (fixture->base.path, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->n_contacts, ==, 2);
}

/* Favours and referrals count for the strength in either direction;
 * declined favours and entries between others do not.
 */
static void
test_strength_events (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) activity = NULL;
  gint64 a = add_contact (fixture, "Anna");
  gint64 b = add_contact (fixture, "Bernd");
  BzwParty outsider = { 0, (char *) "Jemand" };
  guint n_favours = 0, n_referrals = 0;

  add_favour (fixture, "2025-06-01", party (ME), party (a), BZW_FAVOUR_OPEN, 0, NULL);
  add_favour (fixture, "2025-06-02", party (a), party (ME), BZW_FAVOUR_DONE, 0, NULL);
  add_favour (fixture, "2025-06-03", party (a), party (ME), BZW_FAVOUR_DECLINED, 0, NULL);
  add_favour (fixture, "2025-06-03", party (a), party (b), BZW_FAVOUR_DONE, 0, NULL);
  add_referral (fixture, "2025-06-04", party (ME), party (a), party (b), BZW_REFERRAL_GIVEN, 0, FALSE);
  add_referral (fixture, "2025-06-05", party (a), party (ME), party (b), BZW_REFERRAL_WON, 0, FALSE);
  /* Between others: Bernd referred someone to Anna. */
  add_referral (fixture, "2025-06-05", party (b), party (a), outsider, BZW_REFERRAL_WON, 0, FALSE);

  events = bzw_store_stats_list_strength_events (fixture->base.store, a, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      const BzwStrengthEvent *event = &g_array_index (events, BzwStrengthEvent, i);

      if (event->kind == BZW_STRENGTH_FAVOUR)
        n_favours++;
      else if (event->kind == BZW_STRENGTH_REFERRAL)
        n_referrals++;
    }
  g_assert_cmpuint (n_favours, ==, 2);
  g_assert_cmpuint (n_referrals, ==, 2);
  g_assert_cmpuint (events->len, ==, 4);

  /* The pass over the journal gives the same strength. */
  activity = bzw_store_stats_list_activity (fixture->base.store, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (bzw_contact_activity_find (activity, a)->strength,
                                  bzw_strength_compute ((BzwStrengthEvent *) (gpointer) events->data, events->len,
                                                        g_date_time_to_unix (fixture->now)),
                                  1e-12);
  g_assert_true (bzw_contact_activity_find (activity, a)->direct);
  /* Bernd: only referred by me, so a direct tie without strength. */
  g_assert_true (bzw_contact_activity_find (activity, b)->direct);
  g_assert_cmpfloat (bzw_contact_activity_find (activity, b)->strength, ==, 0.0);
}

static void
fill_small_network (Fixture *fixture)
{
  gint64 family = add_circle (fixture, "Familie", 14, 30);
  gint64 a = add_contact (fixture, "Anna");
  gint64 b = add_contact (fixture, "Bernd");
  g_autoptr(BzwContact) c = bzw_contact_new ();

  bzw_contact_set_display_name (c, "Clara");
  bzw_contact_set_offers (c, "Steuerberatung");
  save_contact (fixture, c);
  {
    g_autoptr(BzwContact) anna = dup_contact (fixture, a);

    bzw_contact_set_seeks (anna, "Steuerberatung für die Firma");
    save_contact (fixture, anna);
  }
  join_circle (fixture, a, family);
  add_encounter (fixture, days_ago (fixture, 40, 12), BZW_CHANNEL_IN_PERSON, a, b, (gint64) -1);
  add_encounter (fixture, days_ago (fixture, 500, 12), BZW_CHANNEL_VIDEO, b, (gint64) -1);
  add_favour (fixture, "2025-06-01", party (ME), party (a), BZW_FAVOUR_DONE, 1000, NULL);
  add_favour (fixture, "2025-06-02", party (a), party (b), BZW_FAVOUR_DONE, 1000, NULL);
  add_favour (fixture, "2025-06-03", party (b), party (ME), BZW_FAVOUR_DONE, 2000, NULL);
  add_favour (fixture, "2025-06-04", party (ME), party (b), BZW_FAVOUR_PROMISED, 0, "2025-06-30");
  add_referral (fixture, "2025-03-01", party (a), party (ME), party (bzw_contact_get_id (c)), BZW_REFERRAL_WON,
                50000, FALSE);
  add_relationship (fixture, b, bzw_contact_get_id (c));
}

static void
check_small_network (BzwDashboard *overview)
{
  g_assert_nonnull (overview);
  g_assert_cmpuint (overview->n_contacts, ==, 3);
  g_assert_cmpuint (overview->n_met_last_year, ==, 2);
  g_assert_cmpuint (overview->n_online_only, ==, 1);
  g_assert_cmpuint (overview->due->len, ==, 1);
  g_assert_cmpstr (g_array_index (overview->due, BzwDueContact, 0).name, ==, "Anna");
  g_assert_cmpuint (overview->long_unseen->len, ==, 0);
  g_assert_cmpuint (overview->promised_favours->len, ==, 1);
  g_assert_cmpuint (overview->unthanked_referrals->len, ==, 1);
  g_assert_cmpuint (overview->give_take_months->len, ==, BZW_DASHBOARD_N_MONTHS);
  g_assert_cmpuint (overview->give_take_total.n_given, ==, 1);
  g_assert_cmpint (overview->give_take_total.given_cents, ==, 1000);
  g_assert_cmpuint (overview->give_take_total.n_received, ==, 2);
  g_assert_cmpint (overview->give_take_total.received_cents, ==, 52000);
  g_assert_cmpuint (overview->encounters_per_week->len, ==, BZW_DASHBOARD_N_WEEKS);
  /* Clara: known through Bernd, and referred to me by Anna. */
  g_assert_cmpuint (overview->second_degree->len, ==, 1);
  g_assert_cmpuint (overview->introductions->len, ==, 1);
  /* Me → Anna → me (the referral back) and me → Anna → Bernd → me. */
  g_assert_cmpuint (overview->n_giving_cycles, ==, 2);
  g_assert_cmpuint (overview->giving_cycles->len, ==, 2);
  g_assert_cmpuint (g_array_index (overview->giving_cycles, BzwGivingCycle, 1).length, ==, 3);
  g_assert_cmpstr (g_array_index (overview->giving_cycles, BzwGivingCycle, 1).names[1], ==, "Bernd");
}

static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwDashboard) with_writer = NULL;
  g_autoptr(BzwDashboard) alone = NULL;
  g_autoptr(BzwDashboard) missing = NULL;
  g_autofree char *nowhere = NULL;

  fill_small_network (fixture);

  /* While the app holds the database open… */
  with_writer = bzw_dashboard_compute (fixture->base.path, fixture->now, &error);
  g_assert_no_error (error);
  check_small_network (with_writer);

  /* …and with no other connection. */
  g_clear_object (&fixture->base.store);
  alone = bzw_dashboard_compute (fixture->base.path, fixture->now, &error);
  g_assert_no_error (error);
  check_small_network (alone);

  nowhere = g_build_filename (fixture->base.dir, "missing.db", NULL);
  missing = bzw_dashboard_compute (nowhere, fixture->now, &error);
  g_assert_null (missing);
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  BzwDashboard **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = bzw_dashboard_compute_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_overview_async (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BzwDashboard) overview = NULL;

  fill_small_network (fixture);
  bzw_dashboard_compute_async (fixture->base.path, fixture->now, NULL, computed_cb, &overview);
  while (overview == NULL)
    g_main_context_iteration (NULL, TRUE);

  check_small_network (overview);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/states/transitions", test_state_transitions);
#define ADD(path, func) g_test_add (path, Fixture, NULL, open_temp_store, func, close_store)
  ADD ("/stats/store/give-take", test_give_take);
  ADD ("/stats/store/due", test_due);
  ADD ("/stats/store/unseen-and-counts", test_unseen_and_counts);
  ADD ("/stats/store/promised-and-thanks", test_promised_and_thanks);
  ADD ("/stats/store/second-degree", test_second_degree);
  ADD ("/stats/store/giving-cycles", test_giving_cycles);
  ADD ("/stats/store/introductions", test_introductions);
  ADD ("/stats/store/activity", test_activity);
  ADD ("/stats/store/weeks", test_weeks);
  ADD ("/stats/store/strength-events", test_strength_events);
  ADD ("/stats/store/reader", test_reader);
  ADD ("/stats/store/snapshot", test_snapshot);
  ADD ("/stats/store/overview", test_overview);
  ADD ("/stats/store/overview-async", test_overview_async);
#undef ADD

  return g_test_run ();
}
