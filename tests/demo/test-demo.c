/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-demo.h"
#include "bzw-test-fixture.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

typedef BzwTestStore Fixture;

static BzwStore *
open_store (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return bzw_test_open_store (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  bzw_test_store_open (fixture, "demo.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  bzw_test_store_close (fixture);
}

static GDateTime *
fixed_now (void)
{
  return g_date_time_new_utc (2025, 3, 14, 10, 30, 0);
}

static GArray *
all_contact_ids (BzwStore *store)
{
  BzwContactQuery query = { .include_archived = TRUE };
  g_autoptr(GError) error = NULL;
  GArray *ids = bzw_store_list_contact_ids (store, &query, &error);

  g_assert_no_error (error);
  return ids;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
append_party (GString        *s,
              const BzwParty *party)
{
  g_string_append_printf (s, "[%" G_GINT64_FORMAT ":%s]", party->contact_id,
                          party->name != NULL ? party->name : "");
}

/* Everything the public API shows of the store, in a stable order. */
static char *
dump_store (BzwStore *store)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GArray) ids = all_contact_ids (store);
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (store, NULL);
  g_autoptr(GPtrArray) rels = bzw_store_list_relationships (store, 0, NULL);
  g_autoptr(GArray) journal = bzw_store_list_journal (store, NULL, NULL);

  for (guint i = 0; i < circles->len; i++)
    {
      BzwCircle *circle = circles->pdata[i];

      g_string_append_printf (s, "circle %" G_GINT64_FORMAT " %s %s %s %d/%d\n",
                              bzw_circle_get_id (circle), bzw_circle_get_uid (circle),
                              bzw_circle_get_name (circle), bzw_circle_get_color (circle),
                              bzw_circle_get_interval_ideal (circle), bzw_circle_get_interval_max (circle));
    }

  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BzwContact) c = bzw_store_dup_contact (store, g_array_index (ids, gint64, i), NULL);
      GPtrArray *fields = bzw_contact_get_fields (c);
      GArray *circle_ids = bzw_contact_get_circle_ids (c);

      g_string_append_printf (s, "contact %" G_GINT64_FORMAT " %s %s|%s|%s|%s|%s|%s|%s|%d|%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "\n",
                              bzw_contact_get_id (c), bzw_contact_get_uid (c),
                              bzw_contact_get_display_name (c), bzw_contact_get_organisation (c),
                              bzw_contact_get_birthday (c), bzw_contact_get_met_on (c),
                              bzw_contact_get_offers (c), bzw_contact_get_seeks (c),
                              bzw_contact_get_notes (c), bzw_contact_get_trust (c),
                              bzw_contact_get_met_in_person (c), bzw_contact_get_created (c),
                              bzw_contact_get_last_encounter (c));
      for (guint f = 0; f < fields->len; f++)
        {
          BzwContactField *field = fields->pdata[f];

          g_string_append_printf (s, "  field %d %s %s\n", field->kind, field->label, field->value);
        }
      for (guint f = 0; f < circle_ids->len; f++)
        g_string_append_printf (s, "  circle %" G_GINT64_FORMAT "\n", g_array_index (circle_ids, gint64, f));
    }

  for (guint i = 0; i < rels->len; i++)
    {
      BzwRelationship *rel = rels->pdata[i];

      g_string_append_printf (s, "rel %s %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " %s %d %s %s\n",
                              bzw_relationship_get_uid (rel), bzw_relationship_get_a_id (rel),
                              bzw_relationship_get_b_id (rel), bzw_relationship_get_kind (rel),
                              bzw_relationship_get_strength (rel), bzw_relationship_get_since (rel),
                              bzw_relationship_get_note (rel));
    }

  for (guint i = 0; i < journal->len; i++)
    {
      BzwJournalRef *ref = &g_array_index (journal, BzwJournalRef, i);

      if (ref->kind == BZW_JOURNAL_ENCOUNTER)
        {
          g_autoptr(BzwEncounter) e = bzw_store_dup_encounter (store, ref->id, NULL);
          GArray *who = bzw_encounter_get_participants (e);

          g_string_append_printf (s, "encounter %s %" G_GINT64_FORMAT " %d %s %s",
                                  bzw_encounter_get_uid (e), bzw_encounter_get_happened_at (e),
                                  bzw_encounter_get_channel (e), bzw_encounter_get_place (e),
                                  bzw_encounter_get_notes (e));
          for (guint p = 0; p < who->len; p++)
            append_party (s, &g_array_index (who, BzwParty, p));
          g_string_append_c (s, '\n');
        }
      else if (ref->kind == BZW_JOURNAL_FAVOUR)
        {
          g_autoptr(BzwFavour) f = bzw_store_dup_favour (store, ref->id, NULL);

          g_string_append_printf (s, "favour %s %s %d %d %s %" G_GINT64_FORMAT " %s",
                                  bzw_favour_get_uid (f), bzw_favour_get_day (f),
                                  bzw_favour_get_direction (f), bzw_favour_get_state (f),
                                  bzw_favour_get_description (f), bzw_favour_get_value_cents (f),
                                  bzw_favour_get_due (f));
          append_party (s, bzw_favour_get_from (f));
          append_party (s, bzw_favour_get_to (f));
          g_string_append_c (s, '\n');
        }
      else
        {
          g_autoptr(BzwReferral) r = bzw_store_dup_referral (store, ref->id, NULL);

          g_string_append_printf (s, "referral %s %s %d %d %" G_GINT64_FORMAT " %d %s",
                                  bzw_referral_get_uid (r), bzw_referral_get_day (r),
                                  bzw_referral_get_effort (r), bzw_referral_get_state (r),
                                  bzw_referral_get_value_cents (r), bzw_referral_get_thanked (r),
                                  bzw_referral_get_notes (r));
          append_party (s, bzw_referral_get_giver (r));
          append_party (s, bzw_referral_get_receiver (r));
          append_party (s, bzw_referral_get_referred (r));
          g_string_append_c (s, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
text_contains (const char *haystack,
               const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

static void
test_fill_counts (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 now_unix = g_date_time_to_unix (now);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autoptr(GArray) journal = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  BzwContactQuery due_query = { .due_only = TRUE };
  guint channels[BZW_N_CHANNELS] = { 0 };
  guint favour_states[BZW_N_FAVOUR_STATES] = { 0 };
  guint favour_directions[BZW_N_FAVOUR_DIRECTIONS] = { 0 };
  guint referral_states[BZW_N_REFERRAL_STATES] = { 0 };
  guint efforts[6] = { 0 };
  guint per_year[4] = { 0 };
  guint thanked[2] = { 0 };
  guint favours_from_me = 0, favours_to_me = 0, favours_between = 0;
  guint no_year = 0, online_only = 0, long_unseen = 0, with_place = 0, group = 0;
  gboolean seeks_tax = FALSE, offers_tax = FALSE;
  GHashTable *give_to = NULL;
  gint64 oldest = G_MAXINT64;
  gint64 newest = 0;
  gboolean cycle = FALSE;

  g_assert_true (bzw_demo_fill (fixture->store, now, &error));
  g_assert_no_error (error);

  ids = all_contact_ids (fixture->store);
  circles = bzw_store_list_circles (fixture->store, &error);
  rels = bzw_store_list_relationships (fixture->store, 0, &error);
  journal = bzw_store_list_journal (fixture->store, NULL, &error);
  g_assert_no_error (error);

  g_test_message ("Example network: %u contacts, %u circles, %u relationships, %u journal entries",
                  ids->len, circles->len, rels->len, journal->len);

  g_assert_cmpuint (ids->len, >=, 80);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, ids->len);
  g_assert_cmpuint (circles->len, >=, 6);
  g_assert_cmpuint (rels->len, >=, 150);
  g_assert_cmpuint (journal->len, >=, 400);
  g_assert_cmpuint (bzw_store_count_journal (fixture->store), ==, journal->len);

  for (guint i = 0; i < circles->len; i++)
    {
      BzwCircle *circle = circles->pdata[i];

      g_assert_true (g_str_has_prefix (bzw_circle_get_color (circle), "#"));
      g_assert_cmpint (bzw_circle_get_interval_ideal (circle), >, 0);
      g_assert_cmpint (bzw_circle_get_interval_max (circle), >, bzw_circle_get_interval_ideal (circle));
    }

  for (guint i = 0; i < rels->len; i++)
    g_hash_table_add (kinds, (gpointer) g_intern_string (bzw_relationship_get_kind (rels->pdata[i])));
  for (guint i = 0; i < 6; i++)
    {
      const char *expected[] = { "family", "friend", "colleague", "business-partner", "introduced-by-me",
                                 "acquaintance" };

      g_assert_true (g_hash_table_contains (kinds, g_intern_string (expected[i])));
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BzwContact) c = bzw_store_dup_contact (fixture->store, g_array_index (ids, gint64, i), &error);
      GPtrArray *fields;

      g_assert_no_error (error);
      fields = bzw_contact_get_fields (c);
      for (guint f = 0; f < fields->len; f++)
        {
          BzwContactField *field = fields->pdata[f];

          if (field->kind == BZW_FIELD_EMAIL)
            g_assert_true (g_str_has_suffix (field->value, "@example.org") ||
                           g_str_has_suffix (field->value, "@example.com") ||
                           g_str_has_suffix (field->value, "@example.net"));
          if (field->kind == BZW_FIELD_PHONE)
            g_assert_true (g_str_has_prefix (field->value, "+"));
        }

      if (bzw_contact_get_birthday (c) != NULL && g_str_has_prefix (bzw_contact_get_birthday (c), "--"))
        no_year++;
      if (!bzw_contact_get_met_in_person (c))
        online_only++;
      if (bzw_contact_get_last_encounter (c) > 0 && now_unix - bzw_contact_get_last_encounter (c) > 365 * 86400)
        long_unseen++;
      seeks_tax |= text_contains (bzw_contact_get_seeks (c), "Steuerberat");
      offers_tax |= text_contains (bzw_contact_get_offers (c), "Steuerberat");
    }

  g_assert_cmpuint (no_year, >=, 3);
  g_assert_cmpuint (online_only, >=, 3);
  g_assert_cmpuint (long_unseen, >=, 3);
  g_assert_true (seeks_tax && offers_tax);

  /* Some are due, not all. */
  due = bzw_store_list_contact_ids (fixture->store, &due_query, &error);
  g_assert_no_error (error);
  g_test_message ("Due: %u", due->len);
  g_assert_cmpuint (due->len, >=, 5);
  g_assert_cmpuint (due->len, <, ids->len / 2);

  give_to = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < journal->len; i++)
    {
      BzwJournalRef *ref = &g_array_index (journal, BzwJournalRef, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (ref->when);
      GTimeSpan age = g_date_time_difference (now, when);
      int year = age / (G_TIME_SPAN_DAY * 365);

      oldest = MIN (oldest, ref->when);
      newest = MAX (newest, ref->when);
      g_assert_cmpint (year, <, 3);
      per_year[year]++;

      if (ref->kind == BZW_JOURNAL_ENCOUNTER)
        {
          g_autoptr(BzwEncounter) e = bzw_store_dup_encounter (fixture->store, ref->id, &error);

          g_assert_no_error (error);
          g_assert_cmpint (bzw_encounter_get_happened_at (e), <, now_unix);
          channels[bzw_encounter_get_channel (e)]++;
          with_place += bzw_encounter_get_place (e) != NULL;
          group += bzw_encounter_get_participants (e)->len > 1;
        }
      else if (ref->kind == BZW_JOURNAL_FAVOUR)
        {
          g_autoptr(BzwFavour) f = bzw_store_dup_favour (fixture->store, ref->id, &error);

          g_assert_no_error (error);
          favour_states[bzw_favour_get_state (f)]++;
          favour_directions[bzw_favour_get_direction (f)]++;
          if (bzw_party_is_me (bzw_favour_get_from (f)))
            favours_from_me++;
          else if (bzw_party_is_me (bzw_favour_get_to (f)))
            favours_to_me++;
          else
            favours_between++;
        }
      else
        {
          g_autoptr(BzwReferral) r = bzw_store_dup_referral (fixture->store, ref->id, &error);
          gint64 giver = bzw_referral_get_giver (r)->contact_id;
          gint64 receiver = bzw_referral_get_receiver (r)->contact_id;

          g_assert_no_error (error);
          referral_states[bzw_referral_get_state (r)]++;
          /* Nobody refers themselves, nor is referred to themselves. */
          g_assert_true (bzw_referral_get_referred (r)->contact_id == 0 ||
                         (bzw_referral_get_referred (r)->contact_id != giver &&
                          bzw_referral_get_referred (r)->contact_id != receiver));
          g_assert_cmpint (bzw_referral_get_effort (r), >=, 1);
          g_assert_cmpint (bzw_referral_get_effort (r), <=, 5);
          efforts[bzw_referral_get_effort (r)]++;
          thanked[bzw_referral_get_thanked (r) ? 1 : 0]++;
          if (bzw_referral_get_state (r) == BZW_REFERRAL_WON)
            g_assert_cmpint (bzw_referral_get_value_cents (r), >, 0);

          /* Remember one receiver per giver (0 is me) to look for a cycle. */
          if (!g_hash_table_contains (give_to, &giver) || receiver == 0)
            {
              gint64 *key = g_memdup2 (&giver, sizeof giver);
              gint64 *value = g_memdup2 (&receiver, sizeof receiver);

              g_hash_table_insert (give_to, key, value);
            }
        }
    }

  for (guint i = 0; i < BZW_N_CHANNELS; i++)
    g_assert_cmpuint (channels[i], >, 0);
  for (guint i = 0; i < BZW_N_FAVOUR_STATES; i++)
    g_assert_cmpuint (favour_states[i], >, 0);
  for (guint i = 0; i < BZW_N_FAVOUR_DIRECTIONS; i++)
    g_assert_cmpuint (favour_directions[i], >, 0);
  for (guint i = 0; i < BZW_N_REFERRAL_STATES; i++)
    g_assert_cmpuint (referral_states[i], >, 0);
  for (guint i = 1; i <= 5; i++)
    g_assert_cmpuint (efforts[i], >, 0);
  g_assert_cmpuint (thanked[0], >, 0);
  g_assert_cmpuint (thanked[1], >, 0);
  g_assert_cmpuint (favours_from_me, >, 0);
  g_assert_cmpuint (favours_to_me, >, 0);
  g_assert_cmpuint (favours_between, >, 0);
  g_assert_cmpuint (with_place, >, 100);
  g_assert_cmpuint (group, >, 20);

  /* Spread over three years, up to the last days. */
  g_test_message ("Entries per year back: %u, %u, %u", per_year[0], per_year[1], per_year[2]);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (per_year[i], >=, 60);
  g_assert_cmpint (now_unix - newest, <, 7 * 86400);
  g_assert_cmpint (now_unix - oldest, >, 900 * 86400);

  /* The explicit cycle Ich → A → B → Ich among the referrals: follow each
   * giver's referral from me and look for one that comes back.
   */
  for (guint i = 0; i < journal->len && !cycle; i++)
    {
      BzwJournalRef *ref = &g_array_index (journal, BzwJournalRef, i);
      g_autoptr(BzwReferral) r = NULL;
      gint64 a;

      if (ref->kind != BZW_JOURNAL_REFERRAL)
        continue;
      r = bzw_store_dup_referral (fixture->store, ref->id, NULL);
      if (!bzw_party_is_me (bzw_referral_get_giver (r)))
        continue;
      a = bzw_referral_get_receiver (r)->contact_id;

      for (guint j = 0; j < journal->len && !cycle; j++)
        {
          BzwJournalRef *ref2 = &g_array_index (journal, BzwJournalRef, j);
          g_autoptr(BzwReferral) r2 = NULL;
          gint64 b;
          gint64 *back;

          if (ref2->kind != BZW_JOURNAL_REFERRAL)
            continue;
          r2 = bzw_store_dup_referral (fixture->store, ref2->id, NULL);
          if (bzw_referral_get_giver (r2)->contact_id != a || a == 0)
            continue;
          b = bzw_referral_get_receiver (r2)->contact_id;
          back = g_hash_table_lookup (give_to, &b);
          cycle = b != 0 && back != NULL && *back == 0;
        }
    }
  g_assert_true (cycle);

  g_hash_table_destroy (give_to);
}

static void
test_fill_deterministic (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(BzwStore) other = open_store (fixture, "other.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (bzw_demo_fill (fixture->store, now, &error));
  g_assert_no_error (error);
  g_assert_true (bzw_demo_fill (other, now, &error));
  g_assert_no_error (error);

  first = dump_store (fixture->store);
  second = dump_store (other);
  g_assert_cmpuint (strlen (first), >, 50000);
  g_assert_cmpstr (first, ==, second);

  /* Names with umlauts and ß made it through. */
  g_assert_nonnull (strstr (first, "Rüdiger Hoffmann"));
  g_assert_nonnull (strstr (first, "Hildegard Weiß"));
}

static void
test_fill_refuses_non_empty (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  bzw_contact_set_display_name (contact, "Erika Mustermann");
  g_assert_true (bzw_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);
  before = dump_store (fixture->store);

  g_assert_false (bzw_demo_fill (fixture->store, now, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_EMPTY);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_clear_error (&error);

  g_assert_false (bzw_demo_fill_synthetic (fixture->store, 10, 10, 1, now, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_EMPTY);

  after = dump_store (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 1);
  g_assert_cmpuint (bzw_store_count_journal (fixture->store), ==, 0);
}

static void
test_fill_refuses_read_only (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) ro = NULL;

  ro = bzw_store_open (fixture->path, BZW_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (bzw_demo_fill (ro, now, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_READ_ONLY);
  g_assert_true (bzw_store_is_empty (fixture->store));
}

static void
test_synthetic_sizes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autoptr(BzwStore) same = open_store (fixture, "same.db");
  g_autoptr(BzwStore) different = open_store (fixture, "different.db");
  g_autoptr(BzwStore) empty = open_store (fixture, "empty.db");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_true (bzw_demo_fill_synthetic (fixture->store, 1500, 3000, 7, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 1500);
  g_assert_cmpuint (bzw_store_count_journal (fixture->store), ==, 3000);
  rels = bzw_store_list_relationships (fixture->store, 0, &error);
  g_assert_no_error (error);
  /* A spanning tree at least, about 1.5 per contact. */
  g_assert_cmpuint (rels->len, >=, 1499);
  g_assert_cmpuint (rels->len, <=, 2250);
  g_assert_true (bzw_store_check_integrity (fixture->store, FALSE, &error));

  g_assert_true (bzw_demo_fill_synthetic (same, 1500, 3000, 7, now, &error));
  g_assert_true (bzw_demo_fill_synthetic (different, 1500, 3000, 8, now, &error));
  g_assert_no_error (error);
  a = dump_store (fixture->store);
  b = dump_store (same);
  c = dump_store (different);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);

  g_assert_true (bzw_demo_fill_synthetic (empty, 0, 0, 1, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bzw_store_count_contacts (empty), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo/fill/counts", Fixture, NULL, fixture_set_up, test_fill_counts, fixture_tear_down);
  g_test_add ("/demo/fill/deterministic", Fixture, NULL, fixture_set_up, test_fill_deterministic,
              fixture_tear_down);
  g_test_add ("/demo/fill/refuses-non-empty", Fixture, NULL, fixture_set_up, test_fill_refuses_non_empty,
              fixture_tear_down);
  g_test_add ("/demo/fill/refuses-read-only", Fixture, NULL, fixture_set_up, test_fill_refuses_read_only,
              fixture_tear_down);
  g_test_add ("/demo/synthetic/sizes", Fixture, NULL, fixture_set_up, test_synthetic_sizes, fixture_tear_down);

  return g_test_run ();
}
