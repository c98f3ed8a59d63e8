/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-store-duplicates.h"
#include "bzw-store-recommend.h"
#include "bzw-store.h"
#include "bzw-test-fixture.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

typedef struct
{
  BzwTestStore  base;
  sqlite3      *db;  /* a second connection, as another process would see it */
} Fixture;

static void
open_temp_store (Fixture       *fixture,
                 gconstpointer  data)
{
  bzw_test_store_open (&fixture->base, "test.db");
  g_assert_cmpint (sqlite3_open (fixture->base.path, &fixture->db), ==, SQLITE_OK);
}

static void
close_store (Fixture       *fixture,
             gconstpointer  data)
{
  sqlite3_close (fixture->db);
  bzw_test_store_close (&fixture->base);
}

static gint64
add_contact (Fixture    *fixture,
             const char *name,
             const char *email)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;

  bzw_contact_set_display_name (contact, name);
  if (email != NULL)
    bzw_contact_add_field (contact, BZW_FIELD_EMAIL, NULL, email);
  bzw_store_save_contact (fixture->base.store, contact, &error);
  g_assert_no_error (error);
  return bzw_contact_get_id (contact);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
exec (Fixture    *fixture,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (fixture->db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Every row of every table the merge touches, as text. */
static char *
dump (Fixture *fixture)
{
  static const char * const tables[] = {
    "contacts", "contact_fields", "contact_circles", "relationships", "encounters",
    "encounter_participants", "favours", "referrals", "map_positions", "circles",
  };
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_string_append_printf (out, "[%s]\n", tables[t]);
      g_assert_cmpint (sqlite3_prepare_v2 (fixture->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              if (sqlite3_column_type (stmt, c) == SQLITE_BLOB)
                g_string_append_printf (out, "<%d bytes>|", sqlite3_column_bytes (stmt, c));
              else
                g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (out, FALSE);
}

static void
test_normalize (void)
{
  struct { const char *a; const char *b; } same[] = {
    { "Dr. Jürgen  Müller", "juergen mueller" },
    { "Prof. Dr. Anna-Lena Schön", "anna lena schoen" },
    { "  Zoë\tDupont ", "ZOE DUPONT" },
    { "Frau Gießler", "giessler" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = bzw_duplicates_normalize_name (same[i].a);
      g_autofree char *b = bzw_duplicates_normalize_name (same[i].b);

      g_assert_cmpstr (a, ==, b);
    }

  {
    g_autofree char *a = bzw_duplicates_normalize_name ("Anna Schmidt");
    g_autofree char *b = bzw_duplicates_normalize_name ("Anna Schmitt");
    g_autofree char *empty = bzw_duplicates_normalize_name ("Dr. ");

    g_assert_cmpstr (a, !=, b);
    g_assert_cmpstr (empty, ==, "");
  }
}

static void
test_find_duplicates (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 a = add_contact (fixture, "Ada Lovelace", "Ada@Example.org");
  gint64 b = add_contact (fixture, "A. Lovelace", "ada@example.ORG");
  gint64 c = add_contact (fixture, "Dr. Jürgen Müller", NULL);
  gint64 d = add_contact (fixture, "juergen   mueller", "jm@example.org");
  gint64 e = add_contact (fixture, "Jürgen Möller", "jm2@example.org");
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  const BzwDuplicatePair *p;

  (void) e;
  pairs = bzw_store_find_duplicates (fixture->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 2);

  p = &g_array_index (pairs, BzwDuplicatePair, 0);
  g_assert_cmpint (p->a_id, ==, a);
  g_assert_cmpint (p->b_id, ==, b);
  g_assert_cmpint (p->reason, ==, BZW_DUPLICATE_EMAIL);

  p = &g_array_index (pairs, BzwDuplicatePair, 1);
  g_assert_cmpint (p->a_id, ==, c);
  g_assert_cmpint (p->b_id, ==, d);
  g_assert_cmpint (p->reason, ==, BZW_DUPLICATE_NAME);

  /* Same name and same e-mail: one pair with both reasons. */
  add_contact (fixture, "ada lovelace", "ADA@example.org");
  g_clear_pointer (&pairs, g_array_unref);
  pairs = bzw_store_find_duplicates (fixture->base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 4);
  g_assert_cmpint (g_array_index (pairs, BzwDuplicatePair, 1).reason, ==,
                   BZW_DUPLICATE_EMAIL | BZW_DUPLICATE_NAME);
}

typedef struct
{
  gint64 keep;
  gint64 other;
  gint64 x;
  gint64 y;
  gint64 circle_a;
  gint64 circle_b;
} Network;

/* Two records of one person, each with fields, circles, relationships,
 * journal entries and (the other only) a map position.
 */
static void
build_network (Fixture *fixture,
               Network *n)
{
  g_autoptr(BzwContact) keep = bzw_contact_new ();
  g_autoptr(BzwContact) other = bzw_contact_new ();
  g_autoptr(BzwCircle) circle_a = bzw_circle_new ();
  g_autoptr(BzwCircle) circle_b = bzw_circle_new ();
  g_autoptr(BzwEncounter) alone = bzw_encounter_new ();
  g_autoptr(BzwEncounter) both = bzw_encounter_new ();
  g_autoptr(BzwFavour) favour = bzw_favour_new ();
  g_autoptr(BzwReferral) referral = bzw_referral_new ();
  g_autoptr(GError) error = NULL;
  BzwParty party = { 0 };
  BzwMapPosition pos = { 0 };
  struct { gint64 *a; gint64 *b; } rels[] = {
    { &n->keep, &n->other }, { &n->other, &n->x }, { &n->keep, &n->y }, { &n->y, &n->other },
  };

  bzw_circle_set_name (circle_a, "Verein");
  bzw_circle_set_name (circle_b, "Kunden");
  bzw_store_save_circle (fixture->base.store, circle_a, &error);
  g_assert_no_error (error);
  bzw_store_save_circle (fixture->base.store, circle_b, &error);
  g_assert_no_error (error);
  n->circle_a = bzw_circle_get_id (circle_a);
  n->circle_b = bzw_circle_get_id (circle_b);

  bzw_contact_set_display_name (keep, "Jürgen Müller");
  bzw_contact_add_field (keep, BZW_FIELD_EMAIL, "work", "jm@firma.de");
  bzw_contact_set_notes (keep, "Trifft man beim Stammtisch.");
  g_array_append_val (bzw_contact_get_circle_ids (keep), n->circle_a);
  bzw_store_save_contact (fixture->base.store, keep, &error);
  g_assert_no_error (error);

  bzw_contact_set_display_name (other, "Dr. Juergen Mueller");
  bzw_contact_add_field (other, BZW_FIELD_EMAIL, "home", "juergen@privat.de");
  bzw_contact_add_field (other, BZW_FIELD_EMAIL, NULL, "JM@firma.de");
  bzw_contact_add_field (other, BZW_FIELD_PHONE, "mobile", "+49 170 1234567");
  bzw_contact_set_organisation (other, "Müller & Söhne");
  bzw_contact_set_offers (other, "Steuerberatung");
  bzw_contact_set_birthday (other, "1970-05-04");
  bzw_contact_set_notes (other, "Hat zwei Kinder.");
  g_array_append_val (bzw_contact_get_circle_ids (other), n->circle_b);
  bzw_store_save_contact (fixture->base.store, other, &error);
  g_assert_no_error (error);

  n->keep = bzw_contact_get_id (keep);
  n->other = bzw_contact_get_id (other);
  n->x = add_contact (fixture, "Xaver", NULL);
  n->y = add_contact (fixture, "Yvonne", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rels); i++)
    {
      g_autoptr(BzwRelationship) rel = bzw_relationship_new ();

      bzw_relationship_set_a_id (rel, *rels[i].a);
      bzw_relationship_set_b_id (rel, *rels[i].b);
      bzw_relationship_set_strength (rel, 3);
      bzw_store_save_relationship (fixture->base.store, rel, &error);
      g_assert_no_error (error);
    }

  bzw_encounter_set_happened_at (alone, 1700000000);
  bzw_encounter_set_channel (alone, BZW_CHANNEL_PHONE);
  bzw_encounter_add_participant (alone, n->other, NULL);
  bzw_store_save_encounter (fixture->base.store, alone, &error);
  g_assert_no_error (error);

  bzw_encounter_set_happened_at (both, 1700100000);
  bzw_encounter_set_channel (both, BZW_CHANNEL_IN_PERSON);
  bzw_encounter_add_participant (both, n->keep, NULL);
  bzw_encounter_add_participant (both, n->other, NULL);
  bzw_encounter_add_participant (both, n->x, NULL);
  bzw_store_save_encounter (fixture->base.store, both, &error);
  g_assert_no_error (error);

  bzw_favour_set_day (favour, "2024-03-01");
  party.contact_id = n->other;
  bzw_favour_set_from (favour, &party);
  bzw_favour_set_to (favour, &BZW_PARTY_ME);
  bzw_favour_set_description (favour, "Hilfe bei der Steuererklärung");
  bzw_store_save_favour (fixture->base.store, favour, &error);
  g_assert_no_error (error);

  bzw_referral_set_day (referral, "2024-04-01");
  party.contact_id = n->other;
  bzw_referral_set_giver (referral, &party);
  bzw_referral_set_receiver (referral, &BZW_PARTY_ME);
  party.contact_id = n->x;
  bzw_referral_set_referred (referral, &party);
  bzw_store_save_referral (fixture->base.store, referral, &error);
  g_assert_no_error (error);

  pos.contact_id = n->other;
  pos.x = 12.5;
  pos.y = -3.0;
  pos.pinned = TRUE;
  bzw_store_save_map_positions (fixture->base.store, &pos, 1, &error);
  g_assert_no_error (error);
}

static void
test_merge_keeps_everything (Fixture       *fixture,
                             gconstpointer  data)
{
  Network n;
  g_autoptr(BzwContact) kept = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  guint n_email = 0;
  guint n_phone = 0;

  build_network (fixture, &n);
  g_assert_true (bzw_store_merge_contacts (fixture->base.store, n.keep, n.other, &error));
  g_assert_no_error (error);

  /* The other is gone; the kept one has the fields of both. */
  g_assert_null (bzw_store_dup_contact (fixture->base.store, n.other, NULL));
  kept = bzw_store_dup_contact (fixture->base.store, n.keep, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bzw_contact_get_display_name (kept), ==, "Jürgen Müller");
  g_assert_cmpstr (bzw_contact_get_organisation (kept), ==, "Müller & Söhne");
  g_assert_cmpstr (bzw_contact_get_offers (kept), ==, "Steuerberatung");
  g_assert_cmpstr (bzw_contact_get_birthday (kept), ==, "1970-05-04");
  g_assert_nonnull (strstr (bzw_contact_get_notes (kept), "Stammtisch"));
  g_assert_nonnull (strstr (bzw_contact_get_notes (kept), "zwei Kinder"));
  fields = bzw_contact_get_fields (kept);
  for (guint i = 0; i < fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, i);

      n_email += field->kind == BZW_FIELD_EMAIL;
      n_phone += field->kind == BZW_FIELD_PHONE;
    }
  g_assert_cmpuint (n_email, ==, 2);  /* jm@firma.de only once */
  g_assert_cmpuint (n_phone, ==, 1);
  g_assert_true (bzw_contact_has_circle (kept, n.circle_a));
  g_assert_true (bzw_contact_has_circle (kept, n.circle_b));

  /* Journal links all point at the kept one, one participant per encounter. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM encounter_participants WHERE contact_id IS NULL"), ==, 0);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM encounter_participants WHERE contact_id = %"
                                            G_GINT64_FORMAT, n.keep);
    g_assert_cmpint (query_int (fixture, sql), ==, 2);
  }
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM encounters"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT from_id FROM favours"), ==, n.keep);
  g_assert_cmpint (query_int (fixture, "SELECT giver_id FROM referrals"), ==, n.keep);
  g_assert_cmpint (query_int (fixture, "SELECT referred_id FROM referrals"), ==, n.x);

  /* Relationships: the one between the two and the second one to Yvonne
   * are gone, the one to Xaver moved.
   */
  rels = bzw_store_list_relationships (fixture->base.store, n.keep, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rels->len, ==, 2);
  for (guint i = 0; i < rels->len; i++)
    {
      BzwRelationship *rel = g_ptr_array_index (rels, i);
      gint64 a = bzw_relationship_get_a_id (rel);
      gint64 b = bzw_relationship_get_b_id (rel);

      g_assert_true (a == n.keep || b == n.keep);
      g_assert_true (a == n.x || b == n.x || a == n.y || b == n.y);
    }
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM relationships"), ==, 2);

  /* The map position of the other, since the kept one had none. */
  g_assert_cmpint (query_int (fixture, "SELECT contact_id FROM map_positions"), ==, n.keep);

  /* No duplicates left. */
  {
    g_autoptr(GArray) pairs = bzw_store_find_duplicates (fixture->base.store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (pairs->len, ==, 0);
  }
}

static void
test_merge_failure_changes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  Network n;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *trigger = NULL;
  g_autoptr(GError) error = NULL;

  build_network (fixture, &n);
  before = dump (fixture);

  /* The very last step, deleting the other, fails. */
  trigger = g_strdup_printf ("CREATE TRIGGER fail_merge BEFORE DELETE ON contacts WHEN old.id = %" G_GINT64_FORMAT
                             " BEGIN SELECT RAISE (ABORT, 'injected failure'); END", n.other);
  exec (fixture, trigger);

  g_assert_false (bzw_store_merge_contacts (fixture->base.store, n.keep, n.other, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);

  /* Also from the store's own view, and it still works afterwards. */
  exec (fixture, "DROP TRIGGER fail_merge");
  g_assert_true (bzw_store_merge_contacts (fixture->base.store, n.keep, n.other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM contacts"), ==, 3);

  /* Merging a contact with itself or with one that is gone is refused. */
  g_assert_false (bzw_store_merge_contacts (fixture->base.store, n.keep, n.keep, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bzw_store_merge_contacts (fixture->base.store, n.keep, n.other, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND);
}

static void
test_merge_undo (Fixture       *fixture,
                 gconstpointer  data)
{
  Network n;
  g_autofree char *before = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *after = NULL;
  g_autoptr(BzwMergeUndo) undo = NULL;
  g_autoptr(GError) error = NULL;

  build_network (fixture, &n);
  before = dump (fixture);

  undo = bzw_store_merge_contacts_undoable (fixture->base.store, n.keep, n.other, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpint (bzw_merge_undo_get_kept_id (undo), ==, n.keep);
  merged = dump (fixture);
  g_assert_cmpstr (before, !=, merged);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM contacts"), ==, 3);

  g_assert_true (bzw_store_undo_merge (fixture->base.store, undo, &error));
  g_assert_no_error (error);
  after = dump (fixture);
  g_assert_cmpstr (before, ==, after);

  /* Nothing of either is left as deleted for a later sync. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM tombstones"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'steuer*'"), ==, 1);
}

static gint64
add_expert (Fixture    *fixture,
            const char *name,
            const char *offers,
            const char *role,
            BzwTrust    trust)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;

  bzw_contact_set_display_name (contact, name);
  bzw_contact_set_offers (contact, offers);
  bzw_contact_set_role (contact, role);
  bzw_contact_set_trust (contact, trust);
  bzw_store_save_contact (fixture->base.store, contact, &error);
  g_assert_no_error (error);
  return bzw_contact_get_id (contact);
}

static void
test_recommend (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 unknown = add_expert (fixture, "Anton", "Steuerberatung für Freiberufler", NULL, BZW_TRUST_UNKNOWN);
  gint64 no = add_expert (fixture, "Berta", "Steuererklärungen", NULL, BZW_TRUST_NO);
  gint64 yes = add_expert (fixture, "Carla", NULL, "Steuerberaterin", BZW_TRUST_YES);
  gint64 care = add_expert (fixture, "Dora", "Buchhaltung, Steuerberatung", NULL, BZW_TRUST_WITH_CARE);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  add_expert (fixture, "Emil", "Webseiten", "Steuermann", BZW_TRUST_YES);

  ids = bzw_store_find_recommendations (fixture->base.store, "Steuerberater", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, yes);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, care);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, unknown);
  g_clear_pointer (&ids, g_array_unref);

  ids = bzw_store_find_recommendations (fixture->base.store, "Steuer", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 5);
  g_assert_cmpint (g_array_index (ids, gint64, 4), ==, no);
  g_clear_pointer (&ids, g_array_unref);

  /* Query syntax in the need is just text; stop words alone find nothing. */
  ids = bzw_store_find_recommendations (fixture->base.store, "\"Webseite\" OR (", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  ids = bzw_store_find_recommendations (fixture->base.store, "und die", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_restore_circle (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(GArray) members = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a = add_contact (fixture, "Anna", NULL);
  gint64 b = add_contact (fixture, "Bernd", NULL);

  bzw_circle_set_name (circle, "Alumni");
  bzw_circle_set_color (circle, "#e01b24");
  bzw_store_save_circle (fixture->base.store, circle, &error);
  g_assert_no_error (error);
  bzw_store_set_circle_member (fixture->base.store, a, bzw_circle_get_id (circle), TRUE, &error);
  bzw_store_set_circle_member (fixture->base.store, b, bzw_circle_get_id (circle), TRUE, &error);
  g_assert_no_error (error);

  members = bzw_store_list_circle_members (fixture->base.store, bzw_circle_get_id (circle), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);

  bzw_store_delete_circle (fixture->base.store, bzw_circle_get_id (circle), &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM contact_circles"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM tombstones WHERE kind = 'circle'"), ==, 1);

  g_assert_true (bzw_store_restore_circle (fixture->base.store, circle, members, &error));
  g_assert_no_error (error);
  again = bzw_store_list_circle_members (fixture->base.store, bzw_circle_get_id (circle), &error);
  g_assert_cmpuint (again->len, ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM circles WHERE name = 'Alumni' AND color = '#e01b24'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM tombstones"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contacts/duplicates/normalize", test_normalize);
  g_test_add ("/contacts/duplicates/find", Fixture, NULL, open_temp_store, test_find_duplicates, close_store);
  g_test_add ("/contacts/merge/keeps-everything", Fixture, NULL, open_temp_store,
              test_merge_keeps_everything, close_store);
  g_test_add ("/contacts/merge/failure-changes-nothing", Fixture, NULL, open_temp_store,
              test_merge_failure_changes_nothing, close_store);
  g_test_add ("/contacts/merge/undo", Fixture, NULL, open_temp_store, test_merge_undo, close_store);
  g_test_add ("/contacts/recommend", Fixture, NULL, open_temp_store, test_recommend, close_store);
  g_test_add ("/contacts/circles/restore", Fixture, NULL, open_temp_store, test_restore_circle, close_store);

  return g_test_run ();
}
