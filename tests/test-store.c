/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Longer than 800 lines: the store's core (open, migrate, save, undo,
 * transactions, the paging list models) as one test program with one
 * fixture; the narrower parts have test files of their own.
 */

#include "config.h"

#include "bzw-contact-list.h"
#include "bzw-demo.h"
#include "bzw-journal-list.h"
#include "bzw-migrations.h"
#include "bzw-store.h"
#include "bzw-store-sync.h"
#include "bzw-test-fixture.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/stat.h>

typedef BzwTestStore Fixture;

static void
open_temp_store (Fixture       *fixture,
                 gconstpointer  data)
{
  bzw_test_store_open (fixture, "sub/test.db");
}

static void
close_store (Fixture       *fixture,
             gconstpointer  data)
{
  bzw_test_store_close (fixture);
}

static void
changed_cb (BzwStore *store,
            guint     what,
            gint64    id,
            gpointer  user_data)
{
  (*(guint *) user_data)++;
}

static gint64
add_contact (Fixture    *fixture,
             const char *name)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;

  bzw_contact_set_display_name (contact, name);
  bzw_store_save_contact (fixture->store, contact, &error);
  g_assert_no_error (error);
  return bzw_contact_get_id (contact);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
test_open_creates_private_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  GStatBuf st;

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (bzw_store_get_schema_version (fixture->store), ==, BZW_SCHEMA_VERSION);
  g_assert_true (bzw_store_is_empty (fixture->store));
  g_assert_true (bzw_store_check_integrity (fixture->store, FALSE, NULL));
}

static void
test_contact_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(BzwContact) back = NULL;
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(GArray) circles = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) photo = g_bytes_new_static ("\xff\xd8\xff\x00jpeg", 8);
  gint64 circle_id;
  GPtrArray *fields;

  bzw_circle_set_name (circle, "Kunden");
  bzw_store_save_circle (fixture->store, circle, &error);
  g_assert_no_error (error);
  circle_id = bzw_circle_get_id (circle);
  g_array_append_val (circles, circle_id);

  bzw_contact_set_given_name (contact, "Jürgen");
  bzw_contact_set_family_name (contact, "Weiß");
  bzw_contact_set_organisation (contact, "Müller & Söhne");
  bzw_contact_set_role (contact, "Steuerberater");
  bzw_contact_set_birthday (contact, "--02-29");
  bzw_contact_set_offers (contact, "Steuerberatung für Selbstständige");
  bzw_contact_set_trust (contact, BZW_TRUST_YES);
  bzw_contact_set_interval_ideal (contact, 90);
  bzw_contact_set_photo (contact, photo);
  bzw_contact_add_field (contact, BZW_FIELD_EMAIL, "Arbeit", "jw@example.org");
  bzw_contact_add_field (contact, BZW_FIELD_EMAIL, NULL, "juergen@example.com");
  bzw_contact_add_field (contact, BZW_FIELD_PHONE, "mobil", "+49 170 1234567");
  bzw_contact_set_circle_ids (contact, circles);

  g_assert_true (bzw_store_save_contact (fixture->store, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bzw_contact_get_id (contact), >, 0);
  g_assert_nonnull (bzw_contact_get_uid (contact));

  reopen (fixture);
  back = bzw_store_dup_contact (fixture->store, bzw_contact_get_id (contact), &error);
  g_assert_no_error (error);

  g_assert_cmpstr (bzw_contact_get_uid (back), ==, bzw_contact_get_uid (contact));
  g_assert_cmpstr (bzw_contact_get_given_name (back), ==, "Jürgen");
  g_assert_cmpstr (bzw_contact_get_family_name (back), ==, "Weiß");
  g_assert_cmpstr (bzw_contact_get_organisation (back), ==, "Müller & Söhne");
  g_assert_cmpstr (bzw_contact_get_birthday (back), ==, "--02-29");
  g_assert_cmpint (bzw_contact_get_trust (back), ==, BZW_TRUST_YES);
  g_assert_cmpint (bzw_contact_get_interval_ideal (back), ==, 90);
  g_assert_true (g_bytes_equal (bzw_contact_get_photo (back), photo));
  fields = bzw_contact_get_fields (back);
  g_assert_cmpuint (fields->len, ==, 3);
  g_assert_cmpstr (((BzwContactField *) fields->pdata[0])->label, ==, "Arbeit");
  g_assert_cmpstr (((BzwContactField *) fields->pdata[1])->value, ==, "juergen@example.com");
  g_assert_cmpstr (((BzwContactField *) fields->pdata[2])->value, ==, "+49 170 1234567");
  g_assert_true (bzw_contact_has_circle (back, circle_id));

  {
    g_autofree char *initials = bzw_contact_dup_initials (back);

    g_assert_cmpstr (initials, ==, "JW");
  }
}

static void
test_contact_validation (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (bzw_store_save_contact (fixture->store, contact, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  bzw_contact_set_display_name (contact, "Ada");
  bzw_contact_add_field (contact, BZW_FIELD_EMAIL, NULL, "ada.example.org");
  g_assert_false (bzw_store_save_contact (fixture->store, contact, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  bzw_contact_clear_fields (contact);
  bzw_contact_set_birthday (contact, "2023-02-29");
  g_assert_false (bzw_store_save_contact (fixture->store, contact, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
  g_assert_cmpint (bzw_contact_get_id (contact), ==, 0);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 0);
}

static void
test_sort_order_german (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *names[] = { "Zander", "Öztürk", "Ahrens", "Ärmel", "Ostermann", "Strauß", "Strauss", "Bauer" };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_contact (fixture, names[i]);

  ids = bzw_store_list_contact_ids (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, G_N_ELEMENTS (names));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BzwContact) c = bzw_store_dup_contact (fixture->store, g_array_index (ids, gint64, i), NULL);

      g_ptr_array_add (order, g_strdup (bzw_contact_get_display_name (c)));
    }
  g_ptr_array_add (order, NULL);
  joined = g_strjoinv (",", (char **) order->pdata);

  /* Ä sorts with A, Ö with O, and ß like ss. */
  g_assert_true (g_str_has_prefix (joined, "Ahrens,Ärmel,Bauer,Ostermann,Öztürk,"));
  g_assert_true (g_str_has_suffix (joined, ",Zander"));
  g_assert_true (strstr (joined, "Strauss") != NULL && strstr (joined, "Strauß") != NULL);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;
  BzwContactQuery query = { 0 };
  g_autoptr(GArray) ids = NULL;

  add_contact (fixture, "Anna Schmidt");
  add_contact (fixture, "Bernd Schulz");
  bzw_contact_set_display_name (contact, "Carla Jäger");
  bzw_contact_set_offers (contact, "Steuerberatung");
  bzw_contact_add_field (contact, BZW_FIELD_EMAIL, NULL, "carla@kanzlei-jaeger.de");
  bzw_store_save_contact (fixture->store, contact, &error);
  g_assert_no_error (error);

  query.text = "sch";
  ids = bzw_store_list_contact_ids (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  query.text = "steuer";
  ids = bzw_store_list_contact_ids (fixture->store, &query, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, bzw_contact_get_id (contact));
  g_clear_pointer (&ids, g_array_unref);

  query.text = "JÄG";
  ids = bzw_store_list_contact_ids (fixture->store, &query, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  query.text = "kanzlei";
  ids = bzw_store_list_contact_ids (fixture->store, &query, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  /* The name alone, as the journal shows it: by the same rules as
   * bzw_contact_dup_best_name(), down to the first e-mail address.
   */
  {
    g_autoptr(BzwContact) only_mail = bzw_contact_new ();
    g_autofree char *name = bzw_store_dup_contact_name (fixture->store, bzw_contact_get_id (contact));
    g_autofree char *mail = NULL;

    g_assert_cmpstr (name, ==, "Carla Jäger");
    bzw_contact_add_field (only_mail, BZW_FIELD_PHONE, NULL, "+49 221 555 0100");
    bzw_contact_add_field (only_mail, BZW_FIELD_EMAIL, NULL, "erste@beispiel.de");
    bzw_contact_add_field (only_mail, BZW_FIELD_EMAIL, NULL, "zweite@beispiel.de");
    g_assert_true (bzw_store_save_contact (fixture->store, only_mail, &error));
    mail = bzw_store_dup_contact_name (fixture->store, bzw_contact_get_id (only_mail));
    g_assert_cmpstr (mail, ==, "erste@beispiel.de");
    g_assert_null (bzw_store_dup_contact_name (fixture->store, 99999));
  }

  /* Query syntax in user text is taken as text. */
  query.text = "\"NEAR( OR *";
  ids = bzw_store_list_contact_ids (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
}

/* How many contacts a search finds, with or without the archived ones. */
static guint
count_found (BzwStore   *store,
             const char *text,
             gboolean    include_archived)
{
  BzwContactQuery query = { .text = text, .include_archived = include_archived };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = bzw_store_list_contact_ids (store, &query, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* Unlike safety_query_int() (immutable, for closed files), this reads a
 * live WAL database as another process would, with its uncheckpointed
 * commits.
 */
static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A referral whose person referred is also its giver or receiver makes
 * no sense („Miriam hat Sie Miriam empfohlen“): the store refuses it.
 */
static void
test_referral_to_oneself (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BzwReferral) referral = bzw_referral_new ();
  g_autoptr(GError) error = NULL;
  BzwParty miriam = { add_contact (fixture, "Miriam Neumann"), NULL };
  BzwParty other = { add_contact (fixture, "Jan Peters"), NULL };

  bzw_referral_set_day (referral, "2026-10-09");
  bzw_referral_set_giver (referral, &miriam);
  bzw_referral_set_referred (referral, &miriam);
  g_assert_false (bzw_store_save_referral (fixture->store, referral, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
  g_assert_cmpint (bzw_referral_get_id (referral), ==, 0);
  g_clear_error (&error);

  bzw_referral_set_giver (referral, &other);
  bzw_referral_set_receiver (referral, &miriam);
  g_assert_false (bzw_store_save_referral (fixture->store, referral, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  bzw_referral_set_receiver (referral, &BZW_PARTY_ME);
  g_assert_true (bzw_store_save_referral (fixture->store, referral, &error));
  g_assert_no_error (error);
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

/* A German address book sorts by family name, titles left out; the user
 * may choose given names first.  The choice is kept in the database and
 * every key is made anew at once.
 */
static void
test_name_order (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 brandt = add_contact (fixture, "Dr. Heike Brandt");
  gint64 zander = add_contact (fixture, "Anna Zander");
  gint64 adler = add_contact (fixture, "Bernd Adler");
  gint64 company = add_contact (fixture, "Café Özdemir");
  gint64 family[] = { adler, brandt, company, zander };
  gint64 given[] = { zander, adler, company, brandt };
  guint changes = 0;

  g_assert_cmpint (bzw_store_get_name_order (fixture->store), ==, BZW_NAME_ORDER_FAMILY);
  ids = bzw_store_list_contact_ids (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64), family, sizeof family);
  g_clear_pointer (&ids, g_array_unref);

  g_signal_connect_swapped (fixture->store, "changed", G_CALLBACK (count_change), &changes);
  g_assert_true (bzw_store_set_name_order (fixture->store, BZW_NAME_ORDER_GIVEN, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  ids = bzw_store_list_contact_ids (fixture->store, NULL, &error);
  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64), given, sizeof given);
  g_clear_pointer (&ids, g_array_unref);

  /* Kept in the file: another connection sorts the same way. */
  reopen (fixture);
  g_assert_cmpint (bzw_store_get_name_order (fixture->store), ==, BZW_NAME_ORDER_GIVEN);
  ids = bzw_store_list_contact_ids (fixture->store, NULL, &error);
  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64), given, sizeof given);
}

/* Search as you type filters a list order the store keeps in memory; every
 * change must show at once: an edit, archiving, deleting, a rollback, and a
 * commit of another process.
 */
static void
test_search_follows_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(BzwContact) bernd = NULL;
  g_autoptr(BzwContact) anna = NULL;
  g_autoptr(BzwStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 anna_id = add_contact (fixture, "Anna Schmidt");
  gint64 bernd_id = add_contact (fixture, "Bernd Schulz");
  BzwContactQuery query = { .text = "sch" };

  add_contact (fixture, "Carla Jäger");
  g_assert_cmpuint (count_found (fixture->store, "sch", FALSE), ==, 2);
  g_assert_cmpuint (count_found (fixture->store, NULL, FALSE), ==, 3);

  /* Renamed: found under the new name only, in its new place (family
   * names first: Adler, Jäger, Schmidt).
   */
  bernd = bzw_store_dup_contact (fixture->store, bernd_id, &error);
  bzw_contact_set_display_name (bernd, "Bernd Adler");
  g_assert_true (bzw_store_save_contact (fixture->store, bernd, &error));
  g_assert_cmpuint (count_found (fixture->store, "sch", FALSE), ==, 1);
  g_assert_cmpuint (count_found (fixture->store, "adl", FALSE), ==, 1);
  ids = bzw_store_list_contact_ids (fixture->store, NULL, &error);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, bernd_id);
  g_clear_pointer (&ids, g_array_unref);

  /* Archived: gone from the list unless archived ones are asked for. */
  anna = bzw_store_dup_contact (fixture->store, anna_id, &error);
  bzw_contact_set_archived (anna, TRUE);
  g_assert_true (bzw_store_save_contact (fixture->store, anna, &error));
  g_assert_cmpuint (count_found (fixture->store, "sch", FALSE), ==, 0);
  g_assert_cmpuint (count_found (fixture->store, "sch", TRUE), ==, 1);

  /* Inside a transaction the new contact shows; after the rollback not. */
  g_assert_true (bzw_store_begin (fixture->store, &error));
  add_contact (fixture, "Sabine Schubert");
  g_assert_cmpuint (count_found (fixture->store, "sch", FALSE), ==, 1);
  bzw_store_rollback (fixture->store);
  g_assert_cmpuint (count_found (fixture->store, "sch", FALSE), ==, 0);
  g_assert_cmpuint (count_found (fixture->store, NULL, TRUE), ==, 3);

  /* Another process adds a contact: the next search sees it. */
  other = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(BzwContact) contact = bzw_contact_new ();

    bzw_contact_set_display_name (contact, "Dora Schneider");
    g_assert_true (bzw_store_save_contact (other, contact, &error));
  }
  g_assert_cmpuint (count_found (fixture->store, "sch", FALSE), ==, 1);
  g_assert_cmpuint (count_found (fixture->store, NULL, FALSE), ==, 3);

  /* Deleted: gone. */
  g_assert_true (bzw_store_delete_contact (fixture->store, bernd_id, &error));
  g_assert_cmpuint (count_found (fixture->store, "adl", FALSE), ==, 0);
  query.include_archived = TRUE;
  ids = bzw_store_list_contact_ids (fixture->store, &query, &error);
  g_assert_cmpuint (ids->len, ==, 2);
}

#define INDEX_TRIGGERS_SQL \
  "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN" \
  " ('contacts_fts_insert', 'contacts_fts_update', 'contact_fields_fts_insert', 'contact_fields_fts_delete'," \
  "  'encounters_fts_insert', 'encounters_fts_update', 'favours_fts_insert', 'favours_fts_update'," \
  "  'referrals_fts_insert', 'referrals_fts_update')"

/* A bulk write takes no savepoints and indexes its contacts for search at
 * its end; a nested write that fails takes the whole bulk write with it.
 */
static void
test_bulk_write (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwContact) first = bzw_contact_new ();
  g_autoptr(BzwContact) twin = bzw_contact_new ();
  gint64 kept = add_contact (fixture, "Vorher Dagewesen");
  gint64 gone;
  guint emitted = 0;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), &emitted);

  /* A failing nested write dooms the transaction: nothing is saved. */
  g_assert_true (bzw_store_begin_bulk (fixture->store, &error));
  bzw_contact_set_uid (first, "same-uid");
  bzw_contact_set_display_name (first, "Erste Zeile");
  g_assert_true (bzw_store_save_contact (fixture->store, first, &error));
  bzw_contact_set_uid (twin, "same-uid");
  bzw_contact_set_display_name (twin, "Zweite Zeile");
  g_assert_false (bzw_store_save_contact (fixture->store, twin, &error));
  g_clear_error (&error);
  g_assert_false (bzw_store_commit (fixture->store, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (emitted, ==, 0);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 1);
  g_assert_cmpuint (count_found (fixture->store, "erste", FALSE), ==, 0);
  g_assert_cmpint (query_int (fixture->path, INDEX_TRIGGERS_SQL), ==, 10);

  /* A good one: new, edited twice, deleted again, and an old one edited. */
  g_assert_true (bzw_store_begin_bulk (fixture->store, &error));
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(BzwContact) contact = bzw_contact_new ();
      g_autofree char *name = g_strdup_printf ("Massen Import %u", i);
      g_autofree char *mail = g_strdup_printf ("import%u@beispiel.de", i);

      bzw_contact_set_display_name (contact, name);
      bzw_contact_add_field (contact, BZW_FIELD_EMAIL, NULL, mail);
      g_assert_true (bzw_store_save_contact (fixture->store, contact, &error));
      if (i == 7)
        {
          bzw_contact_set_display_name (contact, "Umbenannt Zwischendurch");
          g_assert_true (bzw_store_save_contact (fixture->store, contact, &error));
          bzw_contact_set_organisation (contact, "Kanzlei Querbeet");
          g_assert_true (bzw_store_save_contact (fixture->store, contact, &error));
        }
    }
  {
    g_autoptr(BzwEncounter) met = bzw_encounter_new ();
    g_autoptr(BzwFavour) favour = bzw_favour_new ();
    g_autoptr(BzwEncounter) dropped = bzw_encounter_new ();
    BzwParty me = { 0, NULL };
    BzwParty someone = { kept, NULL };

    bzw_encounter_set_happened_at (met, 1700000000);
    bzw_encounter_set_channel (met, BZW_CHANNEL_PHONE);
    bzw_encounter_set_notes (met, "Über Massenimporte gesprochen");
    bzw_encounter_add_participant (met, kept, NULL);
    g_assert_true (bzw_store_save_encounter (fixture->store, met, &error));
    bzw_encounter_set_place (met, "Kaffeerösterei am Ring");
    g_assert_true (bzw_store_save_encounter (fixture->store, met, &error));
    bzw_encounter_set_happened_at (dropped, 1700000000);
    bzw_encounter_set_channel (dropped, BZW_CHANNEL_PHONE);
    bzw_encounter_set_notes (dropped, "Verworfene Notiz");
    bzw_encounter_add_participant (dropped, kept, NULL);
    g_assert_true (bzw_store_save_encounter (fixture->store, dropped, &error));
    g_assert_true (bzw_store_delete_journal_entry (fixture->store, BZW_JOURNAL_ENCOUNTER,
                                                   bzw_encounter_get_id (dropped), &error));
    bzw_favour_set_day (favour, "2024-01-15");
    bzw_favour_set_from (favour, &me);
    bzw_favour_set_to (favour, &someone);
    bzw_favour_set_description (favour, "Steuerbescheid erklärt");
    g_assert_true (bzw_store_save_favour (fixture->store, favour, &error));
    g_assert_no_error (error);
  }
  gone = add_contact (fixture, "Gleich Wieder Weg");
  g_assert_true (bzw_store_delete_contact (fixture->store, gone, &error));
  {
    g_autoptr(BzwContact) old = bzw_store_dup_contact (fixture->store, kept, &error);

    bzw_contact_set_display_name (old, "Nachher Umbenannt");
    bzw_contact_add_field (old, BZW_FIELD_EMAIL, NULL, "alt@beispiel.de");
    g_assert_true (bzw_store_save_contact (fixture->store, old, &error));
  }
  g_assert_true (bzw_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (emitted, ==, 1);

  g_assert_cmpuint (count_found (fixture->store, "massen", FALSE), ==, 49);
  g_assert_cmpuint (count_found (fixture->store, "import12@beispiel", FALSE), ==, 1);
  g_assert_cmpuint (count_found (fixture->store, "umbenannt", FALSE), ==, 2);
  g_assert_cmpuint (count_found (fixture->store, "querbeet", FALSE), ==, 1);
  g_assert_cmpuint (count_found (fixture->store, "vorher", FALSE), ==, 0);
  g_assert_cmpuint (count_found (fixture->store, "alt@beispiel", FALSE), ==, 1);
  g_assert_cmpuint (count_found (fixture->store, "weg", FALSE), ==, 0);
  {
    const char *texts[] = { "massenimport", "kaffeeröst", "steuerbescheid", "verworfen" };
    const guint expected[] = { 1, 1, 1, 0 };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        BzwJournalQuery query = { texts[i], TRUE, TRUE, TRUE, 0 };
        g_autoptr(GArray) refs = bzw_store_list_journal (fixture->store, &query, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (refs->len, ==, expected[i]);
      }
  }

  /* The index triggers are back as they were, and the index agrees with
   * the rows.
   */
  g_clear_object (&fixture->store);
  g_assert_cmpint (query_int (fixture->path, INDEX_TRIGGERS_SQL), ==, 10);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM contacts_fts"), ==, 51);
  {
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('integrity-check', 1)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO journal_fts (journal_fts, rank) VALUES ('integrity-check', 1)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  reopen (fixture);

  /* Outside a bulk write the index follows every save at once again. */
  add_contact (fixture, "Danach Normal");
  g_assert_cmpuint (count_found (fixture->store, "danach", FALSE), ==, 1);
}

#define REVISION_TRIGGERS_SQL \
  "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN" \
  " ('contact_revisions_field_insert', 'contact_revisions_field_update', 'contact_revisions_field_delete'," \
  "  'contact_revisions_circle_insert', 'contact_revisions_circle_delete')"

/* A bulk write counts a contact's revision up once for all its fields and
 * memberships instead of once each, and indexes for search at its end the
 * contacts it touched; whatever way a card changes in it (fields, a
 * membership alone, brought back by an undo with its old id), its revision
 * moves on, so the sync writes it again, and it is found.  Outside a bulk
 * write every change moves it as before.
 */
static void
test_bulk_revisions (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(BzwContact) fields_only = NULL;
  g_autoptr(BzwContact) returning = bzw_contact_new ();
  g_autoptr(BzwContactSnapshot) snapshot = NULL;
  gint64 by_fields;
  gint64 by_circle;
  gint64 untouched;
  gint64 before_fields, before_circle, before_untouched, fresh_id;
  g_autoptr(BzwContact) fresh = bzw_contact_new ();

  /* One deleted before, to be brought back in the bulk write with its old
   * id, below those of the others.
   */
  bzw_contact_set_display_name (returning, "Wieder Da");
  bzw_contact_add_field (returning, BZW_FIELD_EMAIL, NULL, "wiederda@beispiel.de");
  g_assert_true (bzw_store_save_contact (fixture->store, returning, &error));
  by_fields = add_contact (fixture, "Nur Felder");
  by_circle = add_contact (fixture, "Nur Kreis");
  untouched = add_contact (fixture, "Unberührt");
  snapshot = bzw_store_delete_contact_undoable (fixture->store, bzw_contact_get_id (returning),
                                                BZW_DELETE_KEEP_ENTRIES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (fixture->store, "wiederda@beispiel", FALSE), ==, 0);

  bzw_circle_set_name (circle, "Nachbarschaft");
  g_assert_true (bzw_store_save_circle (fixture->store, circle, &error));
  g_assert_no_error (error);
  before_fields = bzw_store_get_contact_revision (fixture->store, by_fields);
  before_circle = bzw_store_get_contact_revision (fixture->store, by_circle);
  before_untouched = bzw_store_get_contact_revision (fixture->store, untouched);
  g_assert_cmpint (before_fields, >, 0);

  g_assert_true (bzw_store_begin_bulk (fixture->store, &error));
  fields_only = bzw_store_dup_contact (fixture->store, by_fields, &error);
  bzw_contact_add_field (fields_only, BZW_FIELD_PHONE, "work", "+49 30 1234567");
  bzw_contact_add_field (fields_only, BZW_FIELD_EMAIL, NULL, "felder@beispiel.de");
  g_assert_true (bzw_store_save_contact (fixture->store, fields_only, &error));
  g_assert_true (bzw_store_set_circle_member (fixture->store, by_circle,
                                              bzw_circle_get_id (circle), TRUE, &error));
  bzw_contact_set_display_name (fresh, "Neu Im Stapel");
  bzw_contact_add_field (fresh, BZW_FIELD_EMAIL, NULL, "neu@beispiel.de");
  g_assert_true (bzw_store_save_contact (fixture->store, fresh, &error));
  fresh_id = bzw_contact_get_id (fresh);
  g_assert_true (bzw_store_restore_contact (fixture->store, snapshot, &error));
  g_assert_true (bzw_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (bzw_store_get_contact_revision (fixture->store, by_fields), !=, before_fields);
  g_assert_cmpint (bzw_store_get_contact_revision (fixture->store, by_circle), !=, before_circle);
  g_assert_cmpint (bzw_store_get_contact_revision (fixture->store, untouched), ==, before_untouched);
  g_assert_cmpint (bzw_store_get_contact_revision (fixture->store, fresh_id), >, before_untouched);
  g_assert_cmpuint (count_found (fixture->store, "felder@beispiel", FALSE), ==, 1);
  g_assert_cmpuint (count_found (fixture->store, "neu@beispiel", FALSE), ==, 1);
  g_assert_cmpuint (count_found (fixture->store, "wiederda@beispiel", FALSE), ==, 1);

  /* The triggers are back: a membership alone moves the revision at once. */
  g_assert_cmpint (query_int (fixture->path, REVISION_TRIGGERS_SQL), ==, 5);
  before_untouched = bzw_store_get_contact_revision (fixture->store, untouched);
  g_assert_true (bzw_store_set_circle_member (fixture->store, untouched,
                                              bzw_circle_get_id (circle), TRUE, &error));
  g_assert_cmpint (bzw_store_get_contact_revision (fixture->store, untouched), !=, before_untouched);
}

/* Writes a field of a kind the schema's CHECK forbids, past the store. */
static int
write_bad_field (Fixture *fixture,
                 gint64   contact_id)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO contact_fields (contact_id, kind, value)"
                                          " VALUES (%" G_GINT64_FORMAT ", 'fax', '030 1234')",
                                          contact_id);

  /* check-sql: allow, a test that goes past the store on purpose. */
  return sqlite3_exec (fixture->store->db, sql, NULL, NULL, NULL) & 0xff;
}

static void
test_bulk_checks (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  gint64 kept = add_contact (fixture, "Vorher Dagewesen");
  gint64 id;

  /* Outside a bulk transaction the CHECK constraints hold at once. */
  g_assert_cmpint (write_bad_field (fixture, kept), ==, SQLITE_CONSTRAINT);

  /* A bulk transaction writes contacts without them, and checks the rows
   * it wrote at the commit: a bad one fails the whole transaction.
   */
  g_assert_true (bzw_store_begin_bulk (fixture->store, &error));
  id = add_contact (fixture, "Ohne Prüfung Geschrieben");
  g_assert_cmpint (write_bad_field (fixture, id), ==, SQLITE_OK);
  g_assert_false (bzw_store_commit (fixture->store, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 1);
  g_assert_cmpint (write_bad_field (fixture, kept), ==, SQLITE_CONSTRAINT);

  /* Any other write in between turns them on again. */
  g_assert_true (bzw_store_begin_bulk (fixture->store, &error));
  id = add_contact (fixture, "Erster im Stapel");
  bzw_circle_set_name (circle, "Stapel");
  g_assert_true (bzw_store_save_circle (fixture->store, circle, &error));
  g_assert_cmpint (write_bad_field (fixture, id), ==, SQLITE_CONSTRAINT);
  id = add_contact (fixture, "Zweiter im Stapel");
  g_assert_true (bzw_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 3);
  g_assert_cmpuint (count_found (fixture->store, "stapel", FALSE), ==, 2);
  g_assert_cmpint (write_bad_field (fixture, id), ==, SQLITE_CONSTRAINT);

  /* And after a rollback. */
  g_assert_true (bzw_store_begin_bulk (fixture->store, &error));
  id = add_contact (fixture, "Zurückgerollt");
  bzw_store_rollback (fixture->store);
  g_assert_cmpint (write_bad_field (fixture, kept), ==, SQLITE_CONSTRAINT);
}

static void
test_journal (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  g_autoptr(BzwFavour) favour = bzw_favour_new ();
  g_autoptr(BzwFavour) back = NULL;
  g_autoptr(BzwContact) contact = NULL;
  g_autoptr(GArray) refs = NULL;
  g_autoptr(GError) error = NULL;
  BzwParty anna;
  BzwJournalQuery query = { NULL, TRUE, TRUE, TRUE, 0 };
  gint64 anna_id = add_contact (fixture, "Anna");

  anna.contact_id = anna_id;
  anna.name = NULL;

  bzw_encounter_set_happened_at (encounter, 1700000000);
  bzw_encounter_set_channel (encounter, BZW_CHANNEL_PHONE);
  bzw_encounter_set_notes (encounter, "Über das Projekt gesprochen");
  bzw_encounter_add_participant (encounter, anna_id, NULL);
  g_assert_true (bzw_store_save_encounter (fixture->store, encounter, &error));
  g_assert_no_error (error);

  bzw_favour_set_day (favour, "2024-01-15");
  bzw_favour_set_to (favour, &anna);
  bzw_favour_set_direction (favour, BZW_FAVOUR_OFFERED);
  bzw_favour_set_state (favour, BZW_FAVOUR_PROMISED);
  bzw_favour_set_description (favour, "Lebenslauf gegenlesen");
  bzw_favour_set_value_cents (favour, 15000);
  g_assert_true (bzw_store_save_favour (fixture->store, favour, &error));
  g_assert_no_error (error);

  back = bzw_store_dup_favour (fixture->store, bzw_favour_get_id (favour), &error);
  g_assert_no_error (error);
  g_assert_true (bzw_party_is_me (bzw_favour_get_from (back)));
  g_assert_cmpint (bzw_favour_get_to (back)->contact_id, ==, anna_id);
  g_assert_cmpint (bzw_favour_get_state (back), ==, BZW_FAVOUR_PROMISED);
  g_assert_cmpint (bzw_favour_get_value_cents (back), ==, 15000);

  refs = bzw_store_list_journal (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refs->len, ==, 2);
  /* The favour of 2024 is newer than the encounter of 2023. */
  g_assert_cmpint (g_array_index (refs, BzwJournalRef, 0).kind, ==, BZW_JOURNAL_FAVOUR);
  g_clear_pointer (&refs, g_array_unref);

  query.text = "lebensl";
  refs = bzw_store_list_journal (fixture->store, &query, &error);
  g_assert_cmpuint (refs->len, ==, 1);
  g_clear_pointer (&refs, g_array_unref);

  /* A search of only spaces is no search: all entries. */
  query.text = "   ";
  refs = bzw_store_list_journal (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refs->len, ==, 2);
  g_clear_pointer (&refs, g_array_unref);
  {
    g_autoptr(BzwJournalList) list = bzw_journal_list_new (fixture->store);

    bzw_journal_list_set_query (list, &query);
    bzw_journal_list_load_all (list);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  }

  contact = bzw_store_dup_contact (fixture->store, anna_id, &error);
  g_assert_cmpint (bzw_contact_get_last_encounter (contact), ==, 1700000000);

  /* One click moves it on: zugesagt → erledigt, and no further. */
  {
    const char *label = NULL;
    g_autoptr(BzwFavour) done = NULL;

    g_assert_true (bzw_store_advance_journal_entry (fixture->store, BZW_JOURNAL_FAVOUR,
                                                    bzw_favour_get_id (favour), &label, &error));
    g_assert_no_error (error);
    g_assert_nonnull (label);
    done = bzw_store_dup_favour (fixture->store, bzw_favour_get_id (favour), &error);
    g_assert_cmpint (bzw_favour_get_state (done), ==, BZW_FAVOUR_DONE);
    g_assert_false (bzw_store_advance_journal_entry (fixture->store, BZW_JOURNAL_FAVOUR,
                                                     bzw_favour_get_id (favour), NULL, &error));
    g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (bzw_store_advance_journal_entry (fixture->store, BZW_JOURNAL_ENCOUNTER,
                                                     bzw_encounter_get_id (encounter), NULL, &error));
    g_clear_error (&error);
  }

  /* Both sides "Ich" is refused, a negative value too. */
  bzw_favour_set_to (favour, &BZW_PARTY_ME);
  g_assert_false (bzw_store_save_favour (fixture->store, favour, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bzw_favour_set_to (favour, &anna);
  bzw_favour_set_value_cents (favour, -1);
  g_assert_false (bzw_store_save_favour (fixture->store, favour, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
}

static void
test_transaction_rollback (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint emitted = 0;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), &emitted);

  add_contact (fixture, "Eins");
  g_assert_cmpuint (emitted, ==, 1);

  g_assert_true (bzw_store_begin (fixture->store, &error));
  add_contact (fixture, "Zwei");
  add_contact (fixture, "Drei");
  g_assert_cmpuint (emitted, ==, 1);
  bzw_store_rollback (fixture->store);
  g_assert_cmpuint (emitted, ==, 1);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 1);

  g_assert_true (bzw_store_begin (fixture->store, &error));
  add_contact (fixture, "Zwei");
  add_contact (fixture, "Drei");
  g_assert_true (bzw_store_commit (fixture->store, &error));
  g_assert_cmpuint (emitted, ==, 2);

  reopen (fixture);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 3);
}

static void
test_delete_keeps_tombstone (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(BzwContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_contact (fixture, "Weg");
  sqlite3 *db;
  sqlite3_stmt *stmt;

  contact = bzw_store_dup_contact (fixture->store, id, &error);
  g_assert_true (bzw_store_delete_contact (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (bzw_store_dup_contact (fixture->store, id, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND);

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT kind FROM tombstones WHERE uid = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, bzw_contact_get_uid (contact), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "contact");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}


static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A contact with an e-mail, a circle, a relationship, an encounter shared
 * with someone else, one of its own, a favour and a referral.
 */
static gint64
add_connected_contact (Fixture *fixture,
                       gint64  *other_id)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(BzwRelationship) rel = bzw_relationship_new ();
  g_autoptr(BzwEncounter) shared = bzw_encounter_new ();
  g_autoptr(BzwEncounter) own = bzw_encounter_new ();
  g_autoptr(BzwFavour) favour = bzw_favour_new ();
  g_autoptr(BzwReferral) referral = bzw_referral_new ();
  g_autoptr(GArray) circles = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  BzwParty party = { 0 };
  BzwParty referred = { 0, (char *) "Kanzlei Berg" };
  BzwMapPosition pos = { 0, 10.5, -3.0, TRUE };
  gint64 circle_id;
  gint64 id;

  *other_id = add_contact (fixture, "Bleibt");
  bzw_circle_set_name (circle, "Verein");
  g_assert_true (bzw_store_save_circle (fixture->store, circle, &error));
  circle_id = bzw_circle_get_id (circle);
  g_array_append_val (circles, circle_id);

  bzw_contact_set_display_name (contact, "Geht Weg");
  bzw_contact_add_field (contact, BZW_FIELD_EMAIL, NULL, "weg@example.org");
  bzw_contact_set_circle_ids (contact, circles);
  g_assert_true (bzw_store_save_contact (fixture->store, contact, &error));
  id = bzw_contact_get_id (contact);
  party.contact_id = id;

  bzw_relationship_set_a_id (rel, id);
  bzw_relationship_set_b_id (rel, *other_id);
  bzw_relationship_set_kind (rel, "friend");
  bzw_relationship_set_strength (rel, 4);
  g_assert_true (bzw_store_save_relationship (fixture->store, rel, &error));

  bzw_encounter_set_happened_at (shared, 1600000000);
  bzw_encounter_add_participant (shared, id, NULL);
  bzw_encounter_add_participant (shared, *other_id, NULL);
  g_assert_true (bzw_store_save_encounter (fixture->store, shared, &error));
  bzw_encounter_set_happened_at (own, 1650000000);
  bzw_encounter_add_participant (own, id, NULL);
  g_assert_true (bzw_store_save_encounter (fixture->store, own, &error));

  bzw_favour_set_day (favour, "2023-05-01");
  bzw_favour_set_from (favour, &party);
  bzw_favour_set_description (favour, "Umzugshilfe");
  g_assert_true (bzw_store_save_favour (fixture->store, favour, &error));

  bzw_referral_set_day (referral, "2023-06-01");
  bzw_referral_set_giver (referral, &party);
  bzw_referral_set_referred (referral, &referred);
  bzw_referral_set_effort (referral, 3);
  bzw_referral_set_value_cents (referral, 120000);
  g_assert_true (bzw_store_save_referral (fixture->store, referral, &error));

  pos.contact_id = id;
  g_assert_true (bzw_store_save_map_positions (fixture->store, &pos, 1, &error));
  g_assert_no_error (error);
  return id;
}

static const char *dump_sql[] = {
  "SELECT count(*) FROM contacts",
  "SELECT count(*) FROM contact_fields",
  "SELECT count(*) FROM contact_circles",
  "SELECT count(*) FROM relationships",
  "SELECT count(*) FROM encounters",
  "SELECT count(*) FROM encounter_participants WHERE contact_id IS NOT NULL",
  "SELECT count(*) FROM favours WHERE from_id IS NOT NULL",
  "SELECT count(*) FROM referrals WHERE giver_id IS NOT NULL",
  "SELECT count(*) FROM map_positions",
  "SELECT count(*) FROM tombstones",
  "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'weg*'",
};

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  BzwDeleteMode mode = GPOINTER_TO_INT (data);
  g_autoptr(BzwContactSnapshot) snapshot = NULL;
  g_autoptr(BzwContact) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before[G_N_ELEMENTS (dump_sql)];
  gint64 other_id;
  gint64 id = add_connected_contact (fixture, &other_id);

  for (guint i = 0; i < G_N_ELEMENTS (dump_sql); i++)
    before[i] = count_rows (fixture, dump_sql[i]);

  snapshot = bzw_store_delete_contact_undoable (fixture->store, id, mode, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM relationships"), ==, 0);

  if (mode == BZW_DELETE_KEEP_ENTRIES)
    {
      /* The entries stay, with the name the contact had. */
      g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM favours WHERE from_name = 'Geht Weg'"), ==, 1);
      g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM referrals WHERE giver_name = 'Geht Weg'"), ==, 1);
      g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM encounters"), ==, 2);
    }
  else
    {
      /* Its own encounter goes, the shared one stays with the other. */
      g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM favours"), ==, 0);
      g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM referrals"), ==, 0);
      g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM encounters"), ==, 1);
    }

  g_assert_true (bzw_store_restore_contact (fixture->store, snapshot, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (dump_sql); i++)
    g_assert_cmpint (count_rows (fixture, dump_sql[i]), ==, before[i]);

  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM favours WHERE from_name IS NOT NULL"), ==, 0);
  back = bzw_store_dup_contact (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bzw_contact_get_first_value (back, BZW_FIELD_EMAIL), ==, "weg@example.org");
  g_assert_cmpint (bzw_contact_get_last_encounter (back), ==, 1650000000);
  g_assert_cmpuint (bzw_contact_get_circle_ids (back)->len, ==, 1);
}

static void
test_contact_list_model (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BzwContactList) list = bzw_contact_list_new (fixture->store);
  g_autoptr(BzwContact) first = NULL;
  g_autoptr(BzwContact) renamed = NULL;
  gint64 ids[300];
  gint64 zara;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  g_assert_true (bzw_store_begin (fixture->store, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Kontakt %03u", i);

      ids[i] = add_contact (fixture, name);
    }
  g_assert_true (bzw_store_commit (fixture->store, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);

  /* Reading every row keeps the cache bounded. */
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(BzwContact) c = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (bzw_contact_get_id (c), ==, ids[i]);
    }
  g_assert_cmpuint (bzw_contact_list_get_n_cached (list), <=, 256);

  /* A change made elsewhere shows without reopening. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  bzw_contact_set_display_name (first, "Zara");
  g_assert_true (bzw_store_save_contact (fixture->store, first, NULL));
  zara = bzw_contact_get_id (first);
  g_assert_cmpint (bzw_contact_list_get_id (list, 299), ==, zara);
  renamed = g_list_model_get_item (G_LIST_MODEL (list), 299);
  g_assert_cmpstr (bzw_contact_get_display_name (renamed), ==, "Zara");

  bzw_contact_list_set_text (list, "zar");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  bzw_contact_list_set_text (list, NULL);
  g_assert_true (bzw_store_delete_contact (fixture->store, zara, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 299);
  g_assert_cmpuint (bzw_contact_list_find (list, zara), ==, G_MAXUINT);
}

static void
count_changes_cb (BzwStore *store,
                  guint     what,
                  gint64    id,
                  guint    *count)
{
  (*count)++;
}

/* A change committed by another connection (another process) is
 * announced once, as a change of everything; the store's own writes are not
 * seen again.
 */
static void
test_other_processes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BzwStore) other = bzw_test_open_store (fixture->path);
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  guint changes = 0;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (count_changes_cb), &changes);
  bzw_store_watch_other_processes (fixture->store);
  g_assert_false (bzw_store_check_other_processes (fixture->store));

  /* Our own write is announced by the write itself, not again. */
  bzw_contact_set_given_name (contact, "Eigene");
  g_assert_true (bzw_store_save_contact (fixture->store, contact, NULL));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (bzw_store_check_other_processes (fixture->store));

  /* The other connection's write is seen once. */
  bzw_contact_set_id (contact, 0);
  bzw_contact_set_uid (contact, NULL);
  bzw_contact_set_given_name (contact, "Fremde");
  g_assert_true (bzw_store_save_contact (other, contact, NULL));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (bzw_store_check_other_processes (fixture->store));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_false (bzw_store_check_other_processes (fixture->store));
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 2);
}

/* Reading the whole list at once ends its streaming: no idle source is
 * left to run on a list that is gone (the contact page reads its history
 * this way and drops the list on the next change).
 */
static void
test_journal_list_load_all_leaves_no_idle (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  const BzwJournalQuery all = { NULL, TRUE, TRUE, TRUE, 0 };
  BzwJournalList *list;

  g_assert_true (bzw_demo_fill_synthetic (fixture->store, 50, 600, 11, now, &error));
  g_assert_no_error (error);
  list = bzw_journal_list_new (fixture->store);
  bzw_journal_list_set_query (list, &all);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, 600);
  bzw_journal_list_load_all (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 600);
  g_object_unref (list);

  /* A source left behind would run now, on freed memory. */
  g_assert_false (g_main_context_pending (NULL));
}

/* The streamed timeline has exactly the order of the full query, also
 * with a kind filter and for one contact.
 */
static void
test_journal_list_streams_in_order (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwJournalList) list = NULL;
  /* With a search the list streams and filters when there are many
   * matches, and reads the matches of a kind directly when there are few;
   * either way it must show what bzw_store_list_journal() finds.
   */
  const BzwJournalQuery queries[] = {
    { NULL, TRUE, TRUE, TRUE, 0 },
    { NULL, FALSE, TRUE, TRUE, 0 },
    { NULL, TRUE, FALSE, FALSE, 0 },
    { NULL, TRUE, TRUE, TRUE, 3 },
    { "e", TRUE, TRUE, TRUE, 0 },
    { "a", FALSE, TRUE, TRUE, 0 },
    { "e", TRUE, TRUE, TRUE, 3 },
    { "pr", TRUE, TRUE, TRUE, 0 },
    { "kaffee", TRUE, TRUE, TRUE, 0 },
    { "Empfehlung", TRUE, TRUE, TRUE, 0 },
    { "zqxj", TRUE, TRUE, TRUE, 0 },
  };
  guint n_streamed = 0;
  guint n_direct = 0;

  g_assert_true (bzw_demo_fill_synthetic (fixture->store, 300, 6000, 11, now, &error));
  g_assert_no_error (error);
  list = bzw_journal_list_new (fixture->store);

  /* Both ways are taken. */
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(BzwIdSet) matches = NULL;
      guint n[4];

      if (queries[q].text == NULL)
        continue;
      matches = bzw_store_match_journal (fixture->store, queries[q].text, n, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (bzw_id_set_get_size (matches), ==, n[1] + n[2] + n[3]);
      if (n[1] + n[2] + n[3] > 1024)
        n_streamed++;
      for (guint k = 1; k < 4; k++)
        if (n[k] > 0 && n[k] <= 1024)
          n_direct++;
    }
  g_assert_cmpuint (n_streamed, >=, 2);
  g_assert_cmpuint (n_direct, >=, 2);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) expected = bzw_store_list_journal (fixture->store, &queries[q], &error);

      g_assert_no_error (error);
      bzw_journal_list_set_query (list, &queries[q]);
      /* The first page is there at once, the rest comes when streamed. */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <=, MAX (64, expected->len));
      bzw_journal_list_load_all (list);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
      if (g_strcmp0 (queries[q].text, "zqxj") != 0)
        g_assert_cmpuint (expected->len, >, 0);

      for (guint i = 0; i < expected->len; i++)
        {
          g_autoptr(BzwJournalItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
          const BzwJournalRef *ref = &g_array_index (expected, BzwJournalRef, i);

          g_assert_cmpint (bzw_journal_item_get_kind (item), ==, ref->kind);
          g_assert_cmpint (bzw_journal_item_get_id (item), ==, ref->id);
        }
    }
}

static char *
write_temp_file (const char *contents,
                 gsize       len)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("bzw-bad-XXXXXX.db", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_foreign_file_untouched (void)
{
  const char text[] = "BEGIN:VCARD\nFN:Nicht meine Datenbank\nEND:VCARD\n";
  g_autofree char *path = write_temp_file (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;
  g_autofree char *after = NULL;
  gsize len;

  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE);

  g_file_get_contents (path, &after, &len, NULL);
  g_assert_cmpmem (after, len, text, sizeof text - 1);
  g_unlink (path);
}

/* Another program's SQLite file with a user_version above ours is foreign,
 * not newer: it is checked for our tables before its version.
 */
static void
test_foreign_versioned_file (void)
{
  g_autofree char *path = write_temp_file ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (x); PRAGMA user_version = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE);
  g_unlink (path);
}

/* A database of ours with a trigger or a view added by someone else is
 * foreign: the trigger would run on our writes.
 */
static void
test_foreign_trigger (void)
{
  const char * const planted[] = {
    "CREATE TABLE loot (x); CREATE TRIGGER steal AFTER INSERT ON contacts BEGIN"
    " INSERT INTO loot VALUES (new.notes); END",
    "CREATE VIEW everyone AS SELECT * FROM contacts",
    /* One of ours, with a different body. */
    "DROP TRIGGER contacts_tombstone; CREATE TRIGGER contacts_tombstone AFTER DELETE ON contacts BEGIN"
    " SELECT 1; END",
  };

  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    {
      g_autofree char *path = write_temp_file ("", 0);
      g_autoptr(GError) error = NULL;
      g_autoptr(BzwStore) store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
      sqlite3 *db;

      g_assert_no_error (error);
      g_clear_object (&store);

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, planted[i], NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);

      store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
      g_assert_null (store);
      g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE);
      g_clear_error (&error);
      store = bzw_store_open (path, BZW_STORE_OPEN_READ_ONLY, &error);
      g_assert_null (store);
      g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE);
      g_unlink (path);
    }
}

/* A pragma of the store's own connection (bzw-store-private.h). */
static int
pragma_of (BzwStore   *store,
           const char *name)
{
  g_autofree char *sql = g_strconcat ("PRAGMA ", name, NULL);
  sqlite3_stmt *stmt;
  int value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (store->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every connection checks cell sizes; a read-only one trusts no schema. */
static void
test_defensive_pragmas (void)
{
  g_autofree char *path = write_temp_file ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_autoptr(BzwStore) reader = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (pragma_of (store, "cell_size_check"), ==, 1);
  g_clear_object (&store);

  reader = bzw_store_open (path, BZW_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_of (reader, "cell_size_check"), ==, 1);
  g_assert_cmpint (pragma_of (reader, "trusted_schema"), ==, 0);
  g_unlink (path);
}

static void
test_newer_file_untouched (void)
{
  g_autofree char *path = write_temp_file ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len;
  gsize after_len;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* A newer version of ours still has our tables. */
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE meta (key, value); CREATE TABLE contacts (id);"
                                 " CREATE TABLE future (x); PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_file_get_contents (path, &before, &before_len, NULL);

  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_TOO_NEW);

  g_file_get_contents (path, &after, &after_len, NULL);
  g_assert_cmpmem (after, after_len, before, before_len);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/open/private-file", Fixture, NULL,
              open_temp_store, test_open_creates_private_file, close_store);
  g_test_add ("/store/contact/round-trip", Fixture, NULL,
              open_temp_store, test_contact_round_trip, close_store);
  g_test_add ("/store/contact/validation", Fixture, NULL,
              open_temp_store, test_contact_validation, close_store);
  g_test_add ("/store/contact/sort-order-german", Fixture, NULL,
              open_temp_store, test_sort_order_german, close_store);
  g_test_add ("/store/contact/search", Fixture, NULL,
              open_temp_store, test_search, close_store);
  g_test_add ("/store/journal/referral-to-oneself", Fixture, NULL,
              open_temp_store, test_referral_to_oneself, close_store);
  g_test_add ("/store/contact/name-order", Fixture, NULL,
              open_temp_store, test_name_order, close_store);
  g_test_add ("/store/contact/search-follows-changes", Fixture, NULL,
              open_temp_store, test_search_follows_changes, close_store);
  g_test_add ("/store/transaction/bulk", Fixture, NULL,
              open_temp_store, test_bulk_write, close_store);
  g_test_add ("/store/transaction/bulk-revisions", Fixture, NULL,
              open_temp_store, test_bulk_revisions, close_store);
  g_test_add ("/store/transaction/bulk-checks", Fixture, NULL,
              open_temp_store, test_bulk_checks, close_store);
  g_test_add ("/store/contact/delete-tombstone", Fixture, NULL,
              open_temp_store, test_delete_keeps_tombstone, close_store);
  g_test_add ("/store/journal/save-list", Fixture, NULL,
              open_temp_store, test_journal, close_store);
  g_test_add ("/store/transaction/rollback", Fixture, NULL,
              open_temp_store, test_transaction_rollback, close_store);
  g_test_add ("/store/contact/delete-undo-keep-entries", Fixture, GINT_TO_POINTER (BZW_DELETE_KEEP_ENTRIES),
              open_temp_store, test_delete_undo, close_store);
  g_test_add ("/store/contact/delete-undo-with-entries", Fixture, GINT_TO_POINTER (BZW_DELETE_WITH_ENTRIES),
              open_temp_store, test_delete_undo, close_store);
  g_test_add ("/store/contact-list/model", Fixture, NULL,
              open_temp_store, test_contact_list_model, close_store);
  g_test_add ("/store/journal-list/streams-in-order", Fixture, NULL,
              open_temp_store, test_journal_list_streams_in_order, close_store);
  g_test_add ("/store/watch/other-processes", Fixture, NULL,
              open_temp_store, test_other_processes, close_store);
  g_test_add ("/store/journal-list/load-all-leaves-no-idle", Fixture, NULL,
              open_temp_store, test_journal_list_load_all_leaves_no_idle, close_store);
  g_test_add_func ("/store/open/foreign-file-untouched", test_foreign_file_untouched);
  g_test_add_func ("/store/open/newer-file-untouched", test_newer_file_untouched);
  g_test_add_func ("/store/open/foreign-versioned-file", test_foreign_versioned_file);
  g_test_add_func ("/store/open/foreign-trigger", test_foreign_trigger);
  g_test_add_func ("/store/open/defensive-pragmas", test_defensive_pragmas);

  return g_test_run ();
}
