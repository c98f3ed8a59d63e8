/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every schema version has a fixture in tests/data/schema-vN.db (made by
 * tests/data/make-fixtures.sh).  A copy of each is opened with the current
 * code, which migrates it; then every row is checked through the store
 * API, and a backup must exist when a migration ran.
 */

#include "config.h"

#include "bzw-backups.h"
#include "bzw-migrations.h"
#include "bzw-store-occasions.h"
#include "bzw-store-sync.h"
#include "safety-common.h"

#include <locale.h>

typedef struct
{
  const char *file;
  int         version;
  void      (*check) (BzwStore   *store,
                      const char *name);
} Fixture;

static BzwContactField *
field (BzwContact *contact,
       guint       i)
{
  GPtrArray *fields = bzw_contact_get_fields (contact);

  g_assert_cmpuint (i, <, fields->len);
  return g_ptr_array_index (fields, i);
}

/* Version 5 added follow-ups, snoozes, lead times and talking points;
 * older files have none.
 */
static void
check_occasion_rows (BzwStore   *store,
                     BzwContact *juergen,
                     BzwContact *ayse,
                     GPtrArray  *circles,
                     gboolean    has_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = bzw_store_list_talking_points (store, 0, TRUE, &error);
  g_autoptr(GPtrArray) open = bzw_store_list_talking_points (store, bzw_contact_get_id (juergen), FALSE, &error);
  g_autoptr(GArray) planned = bzw_store_list_past_planned (store, G_MAXINT64, &error);

  g_assert_no_error (error);
  /* Encounters of before are not planned. */
  g_assert_cmpuint (planned->len, ==, 0);
  if (!has_rows)
    {
      g_assert_null (bzw_contact_get_follow_up_on (juergen));
      g_assert_null (bzw_contact_get_snoozed_until (ayse));
      g_assert_cmpint (bzw_circle_get_lead_days (circles->pdata[0]), ==, 0);
      g_assert_cmpuint (points->len, ==, 0);
      return;
    }

  g_assert_cmpstr (bzw_contact_get_follow_up_on (juergen), ==, "2024-01-15");
  g_assert_cmpstr (bzw_contact_get_follow_up_note (juergen), ==, "Angebot nachfassen");
  g_assert_null (bzw_contact_get_snoozed_until (juergen));
  g_assert_cmpstr (bzw_contact_get_snoozed_until (ayse), ==, "2024-02-29");
  g_assert_null (bzw_contact_get_follow_up_on (ayse));
  g_assert_cmpint (bzw_circle_get_lead_days (circles->pdata[0]), ==, 7);
  g_assert_cmpint (bzw_circle_get_lead_days (circles->pdata[1]), ==, 0);

  /* Open ones first. */
  g_assert_cmpuint (points->len, ==, 2);
  g_assert_cmpstr (bzw_talking_point_get_uid (points->pdata[0]), ==, "tp-0001");
  g_assert_cmpstr (bzw_talking_point_get_text (points->pdata[0]), ==, "Nach der Steuererklärung fragen");
  g_assert_cmpint (bzw_talking_point_get_contact_id (points->pdata[0]), ==, bzw_contact_get_id (juergen));
  g_assert_cmpint (bzw_talking_point_get_created (points->pdata[0]), ==, 1700000300);
  g_assert_false (bzw_talking_point_is_done (points->pdata[0]));
  g_assert_cmpstr (bzw_talking_point_get_uid (points->pdata[1]), ==, "tp-0002");
  g_assert_cmpint (bzw_talking_point_get_done_at (points->pdata[1]), ==, 1700000400);
  g_assert_cmpuint (open->len, ==, 1);
}

/* Schema 8: every contact has a revision of its own generation, and the
 * card synced in schema-v8.db and later is at the revision of its contact.
 */
static void
check_revisions (BzwStore   *store,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) contacts = bzw_store_list_contact_revisions (store, &error);
  g_autoptr(GHashTable) rows = NULL;
  BzwContactRevision *juergen, *ayse;
  BzwSyncCard *row;

  g_assert_no_error (error);
  juergen = g_hash_table_lookup (contacts, "contact-0001");
  ayse = g_hash_table_lookup (contacts, "contact-0002");
  g_assert_nonnull (juergen);
  g_assert_nonnull (ayse);
  g_assert_cmpint (juergen->revision, >, 0);
  g_assert_cmpint (ayse->revision, >, 0);
  g_assert_cmpint (juergen->revision, !=, ayse->revision);
  g_assert_cmpint (bzw_store_get_contact_revision (store, 1), ==, juergen->revision);

  rows = bzw_store_list_sync_card_states (store, &error);
  g_assert_no_error (error);
  row = g_hash_table_lookup (rows, "contact-0001");
  if (!g_str_equal (name, "schema-v8") && !g_str_equal (name, "schema-v9") && !g_str_equal (name, "schema-v10"))
    return;
  g_assert_nonnull (row);
  g_assert_null (row->card);
  g_assert_cmpint (row->revision, ==, juergen->revision);
}

/* The rows of schema-v1.db (and of every later fixture: they hold the same
 * rows) as the current schema shows them.
 */
static void
check_v1_rows (BzwStore   *store,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwContact) juergen = NULL;
  g_autoptr(BzwContact) ayse = NULL;
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) refs = NULL;
  g_autoptr(BzwEncounter) met = NULL;
  g_autoptr(BzwEncounter) video = NULL;
  g_autoptr(BzwFavour) offered = NULL;
  g_autoptr(BzwFavour) asked = NULL;
  g_autoptr(BzwReferral) referral = NULL;
  g_autofree char *setting = NULL;
  BzwContactQuery all = { .include_archived = TRUE };
  BzwContactQuery search = { .text = "steuerb", .include_archived = TRUE };
  BzwJournalQuery journal_search = { "belege", TRUE, TRUE, TRUE, 0 };
  BzwContactField *f;
  GArray *participants;
  GBytes *photo;

  setting = bzw_store_dup_setting (store, "fixture");
  g_assert_cmpstr (setting, ==, name);

  /* Circles */
  circles = bzw_store_list_circles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (circles->len, ==, 2);
  g_assert_cmpstr (bzw_circle_get_uid (circles->pdata[0]), ==, "circle-0001");
  g_assert_cmpstr (bzw_circle_get_name (circles->pdata[0]), ==, "Kunden");
  g_assert_cmpstr (bzw_circle_get_color (circles->pdata[0]), ==, "#986a44");
  g_assert_cmpint (bzw_circle_get_interval_ideal (circles->pdata[0]), ==, 60);
  g_assert_cmpint (bzw_circle_get_interval_max (circles->pdata[0]), ==, 120);
  g_assert_cmpstr (bzw_circle_get_name (circles->pdata[1]), ==, "Empfehlungsgruppe");
  g_assert_cmpint (bzw_circle_get_position (circles->pdata[1]), ==, 1);

  /* Contacts, with every column */
  ids = bzw_store_list_contact_ids (store, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);

  juergen = bzw_store_dup_contact (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bzw_contact_get_uid (juergen), ==, "contact-0001");
  g_assert_cmpint (bzw_contact_get_created (juergen), ==, 1690000000);
  g_assert_cmpint (bzw_contact_get_modified (juergen), ==, 1700000200);
  g_assert_cmpstr (bzw_contact_get_display_name (juergen), ==, "Dr. Jürgen Weiß");
  g_assert_cmpstr (bzw_contact_get_prefix (juergen), ==, "Dr.");
  g_assert_cmpstr (bzw_contact_get_given_name (juergen), ==, "Jürgen");
  g_assert_cmpstr (bzw_contact_get_additional_names (juergen), ==, "Maria");
  g_assert_cmpstr (bzw_contact_get_family_name (juergen), ==, "Weiß");
  g_assert_cmpstr (bzw_contact_get_suffix (juergen), ==, "MBA");
  g_assert_cmpstr (bzw_contact_get_nickname (juergen), ==, "Jü");
  g_assert_cmpstr (bzw_contact_get_organisation (juergen), ==, "Müller & Söhne");
  /* Version 3 added the department; older files have none. */
  if (g_str_equal (name, "schema-v1") || g_str_equal (name, "schema-v2"))
    g_assert_null (bzw_contact_get_department (juergen));
  else
    g_assert_cmpstr (bzw_contact_get_department (juergen), ==, "Lohnbuchhaltung");
  g_assert_cmpstr (bzw_contact_get_role (juergen), ==, "Steuerberater");
  g_assert_cmpstr (bzw_contact_get_birthday (juergen), ==, "--02-29");
  photo = bzw_contact_get_photo (juergen);
  g_assert_nonnull (photo);
  g_assert_cmpmem (g_bytes_get_data (photo, NULL), g_bytes_get_size (photo), "\xff\xd8\xff\x00", 4);
  g_assert_null (bzw_contact_get_photo_uri (juergen));
  g_assert_cmpstr (bzw_contact_get_met_how (juergen), ==, "Unternehmerfrühstück");
  g_assert_cmpstr (bzw_contact_get_met_on (juergen), ==, "2021-03-04");
  g_assert_true (bzw_contact_get_met_in_person (juergen));
  g_assert_cmpstr (bzw_contact_get_offers (juergen), ==, "Steuerberatung für Selbstständige");
  g_assert_cmpstr (bzw_contact_get_seeks (juergen), ==, "Fotograf");
  g_assert_cmpint (bzw_contact_get_trust (juergen), ==, BZW_TRUST_YES);
  g_assert_cmpstr (bzw_contact_get_trust_for (juergen), ==, "Steuern");
  g_assert_cmpint (bzw_contact_get_interval_ideal (juergen), ==, 30);
  g_assert_cmpint (bzw_contact_get_interval_max (juergen), ==, 90);
  g_assert_cmpstr (bzw_contact_get_notes (juergen), ==, "Mag grünen Tee.");
  g_assert_false (bzw_contact_get_archived (juergen));
  g_assert_cmpstr (bzw_contact_get_extra (juergen), ==, "{\"x-custom\":\"1\"}");
  g_assert_cmpint (bzw_contact_get_last_encounter (juergen), ==, 1699990000);
  g_assert_true (bzw_contact_has_circle (juergen, 1));
  g_assert_true (bzw_contact_has_circle (juergen, 2));

  g_assert_cmpuint (bzw_contact_get_fields (juergen)->len, ==, 3);
  f = field (juergen, 0);
  g_assert_cmpint (f->kind, ==, BZW_FIELD_EMAIL);
  g_assert_cmpstr (f->label, ==, "Arbeit");
  g_assert_cmpstr (f->value, ==, "j.weiss@example.com");
  g_assert_cmpint (f->pref, ==, 1);
  f = field (juergen, 1);
  g_assert_cmpint (f->kind, ==, BZW_FIELD_PHONE);
  g_assert_cmpstr (f->value, ==, "+49 176 555 0101");
  f = field (juergen, 2);
  g_assert_cmpint (f->kind, ==, BZW_FIELD_ADDRESS);
  g_assert_cmpstr (f->value, ==, "\x1f\x1fVenloer Straße 1\x1fKöln\x1f\x1f" "50672\x1f" "Deutschland");

  ayse = bzw_store_dup_contact (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bzw_contact_get_display_name (ayse), ==, "Ayşe Öztürk");
  g_assert_cmpstr (bzw_contact_get_birthday (ayse), ==, "1988-11-30");
  g_assert_null (bzw_contact_get_photo (ayse));
  g_assert_cmpstr (bzw_contact_get_photo_uri (ayse), ==, "file:///tmp/foto.jpg");
  g_assert_false (bzw_contact_get_met_in_person (ayse));
  g_assert_cmpint (bzw_contact_get_trust (ayse), ==, BZW_TRUST_UNKNOWN);
  g_assert_cmpint (bzw_contact_get_interval_ideal (ayse), ==, 0);
  g_assert_true (bzw_contact_get_archived (ayse));
  g_assert_false (bzw_contact_has_circle (ayse, 1));
  g_assert_true (bzw_contact_has_circle (ayse, 2));
  /* The rows of schema 5 on are in every fixture from schema 5 on. */
  check_occasion_rows (store, juergen, ayse, circles,
                       g_str_equal (name, "schema-v5") || g_str_equal (name, "schema-v6") ||
                       g_str_equal (name, "schema-v7") || g_str_equal (name, "schema-v8") ||
                       g_str_equal (name, "schema-v9") || g_str_equal (name, "schema-v10"));
  check_revisions (store, name);
  g_assert_cmpuint (bzw_contact_get_fields (ayse)->len, ==, 2);
  g_assert_cmpint (field (ayse, 0)->kind, ==, BZW_FIELD_EMAIL);
  g_assert_null (field (ayse, 0)->label);
  g_assert_cmpint (field (ayse, 1)->kind, ==, BZW_FIELD_URL);

  /* The full-text index came along. */
  g_clear_pointer (&ids, g_array_unref);
  ids = bzw_store_list_contact_ids (store, &search, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);
  search.text = "example.com";
  ids = bzw_store_list_contact_ids (store, &search, &error);
  g_assert_cmpuint (ids->len, ==, 1);

  /* Relationships */
  rels = bzw_store_list_relationships (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rels->len, ==, 1);
  g_assert_cmpstr (bzw_relationship_get_uid (rels->pdata[0]), ==, "rel-0001");
  g_assert_cmpint (bzw_relationship_get_a_id (rels->pdata[0]), ==, 1);
  g_assert_cmpint (bzw_relationship_get_b_id (rels->pdata[0]), ==, 2);
  g_assert_cmpstr (bzw_relationship_get_kind (rels->pdata[0]), ==, "business-partner");
  g_assert_cmpint (bzw_relationship_get_strength (rels->pdata[0]), ==, 4);
  g_assert_cmpstr (bzw_relationship_get_since (rels->pdata[0]), ==, "2022-05-01");
  g_assert_cmpstr (bzw_relationship_get_note (rels->pdata[0]), ==, "Kennen sich vom Frühstück");

  /* Journal */
  g_assert_cmpuint (bzw_store_count_journal (store), ==, 5);

  met = bzw_store_dup_encounter (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bzw_encounter_get_uid (met), ==, "enc-0001");
  g_assert_cmpint (bzw_encounter_get_happened_at (met), ==, 1699990000);
  g_assert_cmpint (bzw_encounter_get_channel (met), ==, BZW_CHANNEL_IN_PERSON);
  g_assert_cmpstr (bzw_encounter_get_place (met), ==, "Café Ehrenwert");
  g_assert_cmpstr (bzw_encounter_get_notes (met), ==, "Über Belege gesprochen");
  participants = bzw_encounter_get_participants (met);
  g_assert_cmpuint (participants->len, ==, 2);
  g_assert_cmpint (g_array_index (participants, BzwParty, 0).contact_id, ==, 1);
  g_assert_cmpint (g_array_index (participants, BzwParty, 1).contact_id, ==, 0);
  g_assert_cmpstr (g_array_index (participants, BzwParty, 1).name, ==, "Gelöschte Person");

  video = bzw_store_dup_encounter (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bzw_encounter_get_channel (video), ==, BZW_CHANNEL_VIDEO);
  g_assert_null (bzw_encounter_get_place (video));
  g_assert_true (bzw_encounter_has_participant (video, 2));

  offered = bzw_store_dup_favour (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bzw_favour_get_uid (offered), ==, "fav-0001");
  g_assert_cmpstr (bzw_favour_get_day (offered), ==, "2023-11-14");
  g_assert_true (bzw_party_is_me (bzw_favour_get_from (offered)));
  g_assert_cmpint (bzw_favour_get_to (offered)->contact_id, ==, 2);
  g_assert_cmpint (bzw_favour_get_direction (offered), ==, BZW_FAVOUR_OFFERED);
  g_assert_cmpint (bzw_favour_get_state (offered), ==, BZW_FAVOUR_PROMISED);
  g_assert_cmpstr (bzw_favour_get_description (offered), ==, "Lebenslauf gegenlesen");
  g_assert_cmpint (bzw_favour_get_value_cents (offered), ==, 15000);
  g_assert_cmpstr (bzw_favour_get_due (offered), ==, "2023-12-01");
  g_assert_cmpint (bzw_favour_get_encounter_id (offered), ==, 1);

  asked = bzw_store_dup_favour (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bzw_favour_get_from (asked)->contact_id, ==, 1);
  g_assert_cmpint (bzw_favour_get_to (asked)->contact_id, ==, 0);
  g_assert_cmpstr (bzw_favour_get_to (asked)->name, ==, "Gelöschte Person");
  g_assert_cmpint (bzw_favour_get_direction (asked), ==, BZW_FAVOUR_ASKED);
  g_assert_cmpint (bzw_favour_get_state (asked), ==, BZW_FAVOUR_DONE);
  g_assert_null (bzw_favour_get_due (asked));

  referral = bzw_store_dup_referral (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bzw_referral_get_uid (referral), ==, "ref-0001");
  g_assert_cmpstr (bzw_referral_get_day (referral), ==, "2023-09-09");
  g_assert_true (bzw_party_is_me (bzw_referral_get_giver (referral)));
  g_assert_cmpint (bzw_referral_get_receiver (referral)->contact_id, ==, 1);
  g_assert_cmpint (bzw_referral_get_referred (referral)->contact_id, ==, 2);
  g_assert_cmpint (bzw_referral_get_effort (referral), ==, 4);
  g_assert_cmpint (bzw_referral_get_state (referral), ==, BZW_REFERRAL_WON);
  g_assert_cmpint (bzw_referral_get_value_cents (referral), ==, 240000);
  g_assert_true (bzw_referral_get_thanked (referral));
  g_assert_cmpstr (bzw_referral_get_notes (referral), ==, "Jahresabschluss");

  refs = bzw_store_list_journal (store, &journal_search, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refs->len, ==, 2);

  /* Map */
  positions = bzw_store_list_map_positions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (positions->len, ==, 2);
  g_assert_cmpfloat (g_array_index (positions, BzwMapPosition, 0).x, ==, 12.5);
  g_assert_cmpfloat (g_array_index (positions, BzwMapPosition, 0).y, ==, -3.25);
  g_assert_true (g_array_index (positions, BzwMapPosition, 0).pinned);
  g_assert_false (g_array_index (positions, BzwMapPosition, 1).pinned);
}

static const Fixture fixtures[] = {
  { "schema-v1.db", 1, check_v1_rows },
  { "schema-v2.db", 2, check_v1_rows },
  { "schema-v3.db", 3, check_v1_rows },
  { "schema-v4.db", 4, check_v1_rows },
  { "schema-v5.db", 5, check_v1_rows },
  { "schema-v6.db", 6, check_v1_rows },
  { "schema-v7.db", 7, check_v1_rows },
  { "schema-v8.db", 8, check_v1_rows },
  { "schema-v9.db", 9, check_v1_rows },
  { "schema-v10.db", 10, check_v1_rows },
};

/* Every schema version has its fixture. */
G_STATIC_ASSERT (G_N_ELEMENTS (fixtures) == BZW_SCHEMA_VERSION);

/* The names and SQL of the file's tables, indexes and triggers, one line
 * each in name order: a migrated file must have the schema of a new one
 * (schema 9 dropped an index, for one).
 */
static char *
dup_schema (const char *path)
{
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", path);
  GString *schema = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type, name, sql FROM sqlite_master"
                                       " WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (schema, "%s %s %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (schema, FALSE);
}

static void
test_fixture (gconstpointer data)
{
  const Fixture *fixture = data;
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", fixture->file, NULL);
  g_autofree char *name = g_strndup (fixture->file, strlen (fixture->file) - strlen (".db"));
  g_autofree char *dir = g_dir_make_tmp ("bzw-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "beziehungsweise.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "neu.db", NULL);
  g_autofree char *schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autoptr(GBytes) original = safety_read_bytes (source);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  guint n_update = 0;

  /* Work on a copy; the fixture itself is never opened for writing. */
  g_assert_cmpint (safety_query_int (source, "PRAGMA user_version"), ==, fixture->version);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL));
  g_chmod (path, 0600);

  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bzw_store_get_schema_version (store), ==, BZW_SCHEMA_VERSION);
  g_assert_true (bzw_store_check_integrity (store, FALSE, &error));

  fixture->check (store, name);

  /* Still all there after closing and opening again. */
  g_clear_object (&store);
  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->check (store, name);
  g_clear_object (&store);

  /* The same tables, indexes and triggers as a new file. */
  store = bzw_store_open (fresh, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  schema = dup_schema (path);
  fresh_schema = dup_schema (fresh);
  g_assert_cmpstr (schema, ==, fresh_schema);
  g_assert_null (strstr (schema, "contact_fields_value"));
  g_assert_nonnull (strstr (schema, "index contact_fields_date "));

  backups = bzw_backups_list (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    {
      BzwBackupInfo *info = g_ptr_array_index (backups, i);

      if (info->kind != BZW_BACKUP_UPDATE)
        continue;

      /* The backup holds the file as it was before the migration. */
      g_assert_cmpint (info->schema_version, ==, fixture->version);
      g_assert_cmpint (info->n_contacts, ==, 2);
      n_update++;
    }
  g_test_message ("%s: version %d → %d, %u backup(s) before the update",
                  fixture->file, fixture->version, BZW_SCHEMA_VERSION, n_update);
  g_assert_cmpuint (n_update, ==, fixture->version < BZW_SCHEMA_VERSION ? 1 : 0);

  after = safety_read_bytes (source);
  g_assert_true (g_bytes_equal (original, after));
  safety_remove_tree (dir);
}

/* An empty file (version 0) gets the whole schema, and no backup: there
 * is nothing to keep.
 */
static void
test_fresh_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bzw-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "neu.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bzw_store_get_schema_version (store), ==, BZW_SCHEMA_VERSION);
  g_assert_true (bzw_store_is_empty (store));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  g_clear_object (&store);
  safety_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/safety/migrations/%s", fixtures[i].file);

      g_test_add_data_func (name, &fixtures[i], test_fixture);
    }
  g_test_add_func ("/safety/migrations/fresh-file", test_fresh_file);

  return g_test_run ();
}
