/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-importer.h"
#include "bzw-store.h"
#include "bzw-vcard-reader.h"
#include "bzw-vcard-writer.h"

#include "io-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  char     *dir;
  char     *path;
  BzwStore *store;
} Fixture;

static void
open_temp_store (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("bzw-io-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
close_store (Fixture       *fixture,
             gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
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
save (Fixture    *fixture,
      BzwContact *contact)
{
  g_autoptr(GError) error = NULL;

  bzw_store_save_contact (fixture->store, contact, &error);
  g_assert_no_error (error);
  return bzw_contact_get_id (contact);
}

static gint64
find_circle (BzwStore   *store,
             const char *name)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (store, NULL);

  for (guint i = 0; i < circles->len; i++)
    if (g_strcmp0 (bzw_circle_get_name (g_ptr_array_index (circles, i)), name) == 0)
      return bzw_circle_get_id (g_ptr_array_index (circles, i));

  return 0;
}

static BzwContact *
dup_contact (BzwStore *store,
             gint64    id)
{
  g_autoptr(GError) error = NULL;
  BzwContact *contact = bzw_store_dup_contact (store, id, &error);

  g_assert_no_error (error);
  return contact;
}

static gint64
find_by_name (BzwStore   *store,
              const char *name)
{
  BzwContactQuery query = { .include_archived = TRUE };
  g_autoptr(GArray) ids = bzw_store_list_contact_ids (store, &query, NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BzwContact) c = dup_contact (store, g_array_index (ids, gint64, i));
      g_autofree char *best = bzw_contact_dup_best_name (c);

      if (g_strcmp0 (best, name) == 0)
        return bzw_contact_get_id (c);
    }

  return 0;
}

static GBytes *
concat_files (const char *a,
              const char *b)
{
  g_autoptr(GBytes) x = load_data_file (a);
  g_autoptr(GBytes) y = load_data_file (b);
  GByteArray *all = g_byte_array_new ();

  g_byte_array_append (all, g_bytes_get_data (x, NULL), g_bytes_get_size (x));
  g_byte_array_append (all, g_bytes_get_data (y, NULL), g_bytes_get_size (y));
  return g_byte_array_free_to_bytes (all);
}

static void
test_preview_and_merge (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BzwContact) ada = bzw_contact_new ();
  g_autoptr(BzwContact) juergen = bzw_contact_new ();
  g_autoptr(BzwContact) grace = bzw_contact_new ();
  g_autoptr(BzwImporter) importer = bzw_importer_new (fixture->store);
  g_autoptr(GBytes) bytes = concat_files ("google.vcf", "apple.vcf");
  g_autoptr(GPtrArray) new_circles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwContact) merged = NULL;
  g_autoptr(GArray) members = NULL;
  BzwContactQuery in_friends = { 0 };
  BzwImportSummary summary = { 0 };
  guint grace_index = G_MAXUINT;
  gint64 ada_id, juergen_id, grace_id;

  bzw_contact_set_display_name (ada, "Ada Lovelace");
  bzw_contact_set_notes (ada, "Schon bekannt.");
  bzw_contact_add_field (ada, BZW_FIELD_EMAIL, NULL, "ADA@example.org");
  bzw_contact_add_field (ada, BZW_FIELD_PHONE, "home", "+49170 1234567");
  ada_id = save (fixture, ada);
  bzw_contact_set_display_name (juergen, "J. Müller");
  bzw_contact_set_uid (juergen, "6F1B2C3D-0000-4000-8000-000000000001");
  juergen_id = save (fixture, juergen);
  bzw_contact_set_given_name (grace, "Grace");
  bzw_contact_set_family_name (grace, "Hopper");
  grace_id = save (fixture, grace);

  bzw_importer_load_data (importer, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "x.vcf", &error);
  g_assert_no_error (error);
  g_assert_cmpint (bzw_importer_get_format (importer), ==, BZW_IMPORT_FORMAT_VCARD);
  g_assert_cmpuint (bzw_importer_get_n_items (importer), ==, 4);
  g_assert_cmpuint (bzw_importer_get_n_new (importer), ==, 1);
  g_assert_cmpuint (bzw_importer_get_n_matches (importer), ==, 3);
  g_assert_cmpuint (bzw_importer_get_n_groups (importer), ==, 1);
  g_assert_cmpuint (bzw_importer_get_problems (importer)->len, ==, 0);

  for (guint i = 0; i < bzw_importer_get_n_items (importer); i++)
    {
      g_autofree char *name = bzw_contact_dup_best_name (bzw_importer_get_item (importer, i)->contact);
      BzwImportMatch match = bzw_importer_get_item_match (importer, i);
      gint64 id = bzw_importer_get_item_match_id (importer, i);

      if (g_str_equal (name, "Ada Lovelace"))
        g_assert_true (match == BZW_IMPORT_MATCH_EMAIL && id == ada_id);
      else if (g_str_equal (name, "Dr. Jürgen Müller"))
        g_assert_true (match == BZW_IMPORT_MATCH_UID && id == juergen_id);
      else if (g_str_equal (name, "Grace Hopper"))
        {
          g_assert_true (match == BZW_IMPORT_MATCH_NAME && id == grace_id);
          grace_index = i;
        }
      else
        {
          g_assert_cmpstr (name, ==, "Bäckerei Schmidt");
          g_assert_cmpint (match, ==, BZW_IMPORT_MATCH_NONE);
          g_assert_cmpint (bzw_importer_get_item_action (importer, i), ==, BZW_IMPORT_ACTION_ADD);
          /* A new card cannot be merged. */
          bzw_importer_set_item_action (importer, i, BZW_IMPORT_ACTION_MERGE);
          g_assert_cmpint (bzw_importer_get_item_action (importer, i), ==, BZW_IMPORT_ACTION_ADD);
          continue;
        }
      g_assert_cmpint (bzw_importer_get_item_action (importer, i), ==, BZW_IMPORT_ACTION_MERGE);
    }

  new_circles = bzw_importer_dup_new_circles (importer);
  g_assert_cmpuint (new_circles->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (new_circles, 0), ==, "Freunde");
  g_assert_cmpstr (g_ptr_array_index (new_circles, 1), ==, "Navy");

  g_assert_cmpuint (grace_index, !=, G_MAXUINT);
  bzw_importer_set_item_action (importer, grace_index, BZW_IMPORT_ACTION_SKIP);
  g_clear_pointer (&new_circles, g_ptr_array_unref);
  new_circles = bzw_importer_dup_new_circles (importer);
  g_assert_cmpuint (new_circles->len, ==, 1);

  bzw_importer_import (importer, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (summary.merged, ==, 2);
  g_assert_cmpuint (summary.skipped, ==, 1);
  g_assert_cmpuint (summary.circles_created, ==, 1);

  reopen (fixture);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 4);

  /* Every field of both, no duplicates: the e-mail and the phone were
   * already there in another spelling.
   */
  merged = dup_contact (fixture->store, ada_id);
  g_assert_cmpstr (bzw_contact_get_display_name (merged), ==, "Ada Lovelace");
  g_assert_cmpstr (bzw_contact_get_organisation (merged), ==, "Analytical Engines Ltd.");
  g_assert_cmpstr (bzw_contact_get_birthday (merged), ==, "1815-12-10");
  g_assert_cmpstr (bzw_contact_get_notes (merged), ==, "Schon bekannt.\n\nKennengelernt beim Barcamp, 2019.\nMag Mathe.");
  g_assert_cmpuint (count_fields (merged, BZW_FIELD_EMAIL), ==, 2);
  g_assert_cmpuint (count_fields (merged, BZW_FIELD_PHONE), ==, 2);
  assert_field (merged, BZW_FIELD_EMAIL, "ADA@example.org", "home", 0);
  assert_field (merged, BZW_FIELD_PHONE, "+49170 1234567", "home", 0);
  g_assert_true (bzw_contact_has_circle (merged, find_circle (fixture->store, "Freunde")));
  g_clear_object (&merged);

  merged = dup_contact (fixture->store, juergen_id);
  g_assert_cmpstr (bzw_contact_get_display_name (merged), ==, "J. Müller");
  g_assert_cmpstr (bzw_contact_get_family_name (merged), ==, "Müller");
  g_assert_nonnull (bzw_contact_get_photo (merged));
  g_assert_true (extra_has_line (merged, "item4.X-ABADR:de"));
  g_clear_object (&merged);

  /* Skipped: unchanged. */
  merged = dup_contact (fixture->store, grace_id);
  g_assert_null (bzw_contact_get_birthday (merged));
  g_assert_cmpuint (bzw_contact_get_fields (merged)->len, ==, 0);
  g_assert_null (find_circle (fixture->store, "Navy") ? "Navy" : NULL);

  /* The Apple group became a circle with its member. */
  in_friends.circle_id = find_circle (fixture->store, "Freunde");
  members = bzw_store_list_contact_ids (fixture->store, &in_friends, NULL);
  g_assert_cmpuint (members->len, ==, 2);

  /* A second import of the same file finds everything. */
  g_clear_object (&importer);
  importer = bzw_importer_new (fixture->store);
  bzw_importer_load_data (importer, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bzw_importer_get_n_new (importer), ==, 0);
  g_assert_cmpuint (bzw_importer_get_n_matches (importer), ==, 4);
}

static BzwParsedCard *
make_card (const char *name,
           const char *email,
           const char *category,
           guint       line)
{
  BzwParsedCard *card = bzw_parsed_card_new (line);

  bzw_contact_set_display_name (card->contact, name);
  if (email != NULL)
    bzw_contact_add_field (card->contact, BZW_FIELD_EMAIL, NULL, email);
  if (category != NULL)
    bzw_parsed_card_add_category (card, category);
  return card;
}

static void
test_all_or_nothing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BzwContact) existing = bzw_contact_new ();
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(BzwImporter) importer = bzw_importer_new (fixture->store);
  g_autoptr(BzwParseResult) result = bzw_parse_result_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwContact) after = NULL;
  g_autoptr(GPtrArray) circles = NULL;
  BzwImportSummary summary = { 99, 99, 99, 99, 99 };
  gint64 existing_id;

  bzw_contact_set_display_name (existing, "Bestand");
  bzw_contact_add_field (existing, BZW_FIELD_EMAIL, NULL, "bestand@example.org");
  existing_id = save (fixture, existing);
  bzw_circle_set_name (circle, "Alt");
  bzw_store_save_circle (fixture->store, circle, &error);
  g_assert_no_error (error);

  g_ptr_array_add (result->cards, make_card ("Neu Eins", "eins@example.org", "Neuer Kreis", 1));
  g_ptr_array_add (result->cards, make_card ("Bestand", "bestand@example.org", "Alt", 5));
  g_ptr_array_add (result->cards, make_card ("Neu Zwei", NULL, "Noch ein Kreis", 9));
  /* The store refuses this one: an e-mail address without "@". */
  g_ptr_array_add (result->cards, make_card ("Kaputt", "kein-at", NULL, 13));
  bzw_contact_set_notes (((BzwParsedCard *) g_ptr_array_index (result->cards, 1))->contact, "neu");

  bzw_importer_set_result (importer, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bzw_importer_get_n_new (importer), ==, 3);
  g_assert_cmpuint (bzw_importer_get_n_matches (importer), ==, 1);

  g_assert_false (bzw_importer_import (importer, &summary, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 13: "));
  g_clear_error (&error);
  /* Nothing reported as done. */
  g_assert_cmpuint (summary.added, ==, 99);

  /* Nothing was written, also as seen from the file. */
  reopen (fixture);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 1);
  circles = bzw_store_list_circles (fixture->store, NULL);
  g_assert_cmpuint (circles->len, ==, 1);
  after = dup_contact (fixture->store, existing_id);
  g_assert_null (bzw_contact_get_notes (after));
  g_assert_cmpuint (bzw_contact_get_circle_ids (after)->len, ==, 0);

  /* Without the broken card it goes through. */
  g_clear_object (&importer);
  importer = bzw_importer_new (fixture->store);
  g_ptr_array_remove_index (result->cards, 3);
  bzw_importer_set_result (importer, result, &error);
  g_assert_no_error (error);
  bzw_importer_import (importer, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpuint (summary.merged, ==, 1);
  g_assert_cmpuint (summary.circles_created, ==, 2);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 3);
}

static void
test_import_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *vcf = g_test_build_filename (G_TEST_DIST, "io", "data", "nextcloud.vcf", NULL);
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "io", "data", "linkedin.csv", NULL);
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "io", "data", "broken.vcf", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.vcf", NULL);
  g_autofree char *binary = g_build_filename (fixture->dir, "binary.bin", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwContact) hedy = NULL;
  g_autoptr(GArray) members = NULL;
  BzwContactQuery query = { 0 };
  BzwImportSummary summary;
  gint64 hedy_id;

  bzw_importer_import_file (fixture->store, vcf, BZW_IMPORT_ACTION_MERGE, &summary, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  hedy_id = find_by_name (fixture->store, "Hedy Lamarr");
  g_assert_cmpint (hedy_id, !=, 0);
  hedy = dup_contact (fixture->store, hedy_id);
  g_assert_cmpstr (bzw_contact_get_uid (hedy), ==, "3b0a8f0e-7c4a-4c1e-9d3e-111111111111");
  g_assert_cmpuint (bzw_contact_get_fields (hedy)->len, ==, 7);
  g_assert_cmpuint (bzw_contact_get_circle_ids (hedy)->len, ==, 3);
  query.circle_id = find_circle (fixture->store, "Empfehlungsgruppe Wien");
  members = bzw_store_list_contact_ids (fixture->store, &query, NULL);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpint (g_array_index (members, gint64, 0), ==, hedy_id);

  bzw_importer_import_file (fixture->store, csv, BZW_IMPORT_ACTION_MERGE, &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 3);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 4);

  /* Broken cards are reported; the good ones come in. */
  bzw_importer_import_file (fixture->store, broken, BZW_IMPORT_ACTION_MERGE, &summary, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 3);
  g_assert_cmpuint (summary.failed, ==, 4);
  g_assert_cmpuint (problems->len, ==, 4);

  g_assert_false (bzw_importer_import_file (fixture->store, missing, BZW_IMPORT_ACTION_MERGE, NULL, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  g_file_set_contents (binary, "\x01\x02\x03\xff\xfe", 5, NULL);
  g_assert_false (bzw_importer_import_file (fixture->store, binary, BZW_IMPORT_ACTION_MERGE, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 7);
}

/* Bad inputs fail whole with one message, and nothing is written. */
static void
test_bad_inputs (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *png_vcf = g_build_filename (fixture->dir, "picture.vcf", NULL);
  g_autofree char *zeros_csv = g_build_filename (fixture->dir, "zeros.csv", NULL);
  g_autofree char *latin = g_build_filename (fixture->dir, "latin.csv", NULL);
  g_autofree char *unreadable = g_build_filename (fixture->dir, "unreadable.vcf", NULL);
  g_autofree char *unclosed = g_build_filename (fixture->dir, "unclosed.csv", NULL);
  g_autoptr(GBytes) photo = load_data_file ("photo-24.jpg");
  g_autofree char *zeros = g_malloc0 (100000);
  g_autoptr(GError) error = NULL;
  BzwImportSummary summary;

  /* A picture named .vcf, zeros named .csv, /dev/zero: binary, refused. */
  g_file_set_contents (png_vcf, g_bytes_get_data (photo, NULL), g_bytes_get_size (photo), NULL);
  g_file_set_contents (zeros_csv, zeros, 100000, NULL);
  g_assert_false (bzw_importer_import_file (fixture->store, png_vcf, BZW_IMPORT_ACTION_MERGE, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (bzw_importer_import_file (fixture->store, zeros_csv, BZW_IMPORT_ACTION_MERGE, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_assert_false (bzw_importer_import_file (fixture->store, "/dev/zero", BZW_IMPORT_ACTION_MERGE,
                                                NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_clear_error (&error);
    }

  /* Windows-1252 text is text, not binary. */
  g_file_set_contents (latin, "Vorname;Nachname;E-Mail-Adresse\r\nJ\xfcrgen;M\xfcller;jm@example.org\r\n", -1, NULL);
  g_assert_true (bzw_importer_import_file (fixture->store, latin, BZW_IMPORT_ACTION_MERGE, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);

  /* Every card unreadable: the import fails and says why. */
  g_file_set_contents (unreadable, "BEGIN:VCARD\nVERSION:3.0\nNOTE:nur eine Notiz\nEND:VCARD\n"
                                   "BEGIN:VCARD\nVERSION:3.0\nFN:Ohne Ende\n", -1, NULL);
  g_assert_false (bzw_importer_import_file (fixture->store, unreadable, BZW_IMPORT_ACTION_MERGE, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "1"));
  g_clear_error (&error);

  /* An unclosed quote is reported with its line, not swallowed. */
  g_file_set_contents (unclosed, "First Name,Last Name,E-mail Address\n"
                                 "Ada,Lovelace,ada@example.org\n"
                                 "\"Grace,Hopper,grace@example.org\n"
                                 "Alan,Turing,alan@example.org\n", -1, NULL);
  g_assert_false (bzw_importer_import_file (fixture->store, unclosed, BZW_IMPORT_ACTION_MERGE, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);

  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 1);
}

static BzwContact *
rich_contact (void)
{
  BzwContact *c = bzw_contact_new ();
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3 };
  g_autoptr(GBytes) photo = g_bytes_new_static (png, sizeof png);
  g_autofree char *adr = address ("", "", "Ring 1", "Wien", "", "1010", "Österreich");

  bzw_contact_set_display_name (c, "Hedy Lamarr");
  bzw_contact_set_given_name (c, "Hedy");
  bzw_contact_set_family_name (c, "Lamarr");
  bzw_contact_set_nickname (c, "Hedy");
  bzw_contact_set_organisation (c, "Frequency, Hopping; Inc.");
  bzw_contact_set_role (c, "Erfinderin");
  bzw_contact_set_birthday (c, "--11-09");
  bzw_contact_set_photo (c, photo);
  bzw_contact_set_met_how (c, "Konferenz");
  bzw_contact_set_met_on (c, "2020-02-02");
  bzw_contact_set_met_in_person (c, TRUE);
  bzw_contact_set_offers (c, "Funktechnik");
  bzw_contact_set_seeks (c, "Investoren");
  bzw_contact_set_trust (c, BZW_TRUST_WITH_CARE);
  bzw_contact_set_trust_for (c, "Technik");
  bzw_contact_set_interval_ideal (c, 30);
  bzw_contact_set_interval_max (c, 90);
  bzw_contact_set_notes (c, "Zeile 1\nZeile 2, mit Komma; und Semikolon\\");
  bzw_contact_set_extra (c, "X-NEXTCLOUD-CUSTOM:bleibt erhalten\nitem7.X-ABADR:at");
  bzw_contact_add_field (c, BZW_FIELD_EMAIL, "work", "hedy@frequency.example");
  bzw_contact_add_field (c, BZW_FIELD_PHONE, "Labor", "+43 1 5555");
  bzw_contact_add_field (c, BZW_FIELD_ADDRESS, "work", adr);
  bzw_contact_add_field (c, BZW_FIELD_URL, "homepage", "https://hedy.example");
  bzw_contact_add_field (c, BZW_FIELD_IMPP, NULL, "xmpp:hedy@jabber.example");
  bzw_contact_add_field (c, BZW_FIELD_DATE, "anniversary", "1933-01-01");
  bzw_contact_add_field (c, BZW_FIELD_RELATED, "spouse", "Fritz Mandl");
  return c;
}

static void
test_store_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BzwContact) original = rich_contact ();
  g_autoptr(BzwContact) other = bzw_contact_new ();
  g_autoptr(BzwCircle) a = bzw_circle_new ();
  g_autoptr(BzwCircle) b = bzw_circle_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *export = g_build_filename (fixture->dir, "export.vcf", NULL);
  g_autofree char *second_path = g_build_filename (fixture->dir, "second.db", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "no", "such", "dir.vcf", NULL);
  g_autoptr(BzwStore) second = NULL;
  g_autoptr(BzwContact) stored = NULL;
  g_autoptr(BzwContact) copy = NULL;
  g_autoptr(GDir) dir = NULL;
  BzwImportSummary summary;
  GStatBuf st;
  gint64 id;
  gint64 copy_id;
  const char *name;
  guint n_files = 0;

  bzw_circle_set_name (a, "Kunden");
  bzw_circle_set_name (b, "Empfehlung, Wien");
  bzw_store_save_circle (fixture->store, a, &error);
  g_assert_no_error (error);
  bzw_store_save_circle (fixture->store, b, &error);
  g_assert_no_error (error);
  g_array_append_val (bzw_contact_get_circle_ids (original), (gint64) { bzw_circle_get_id (a) });
  g_array_append_val (bzw_contact_get_circle_ids (original), (gint64) { bzw_circle_get_id (b) });
  bzw_contact_set_archived (original, TRUE);
  id = save (fixture, original);
  bzw_contact_set_display_name (other, "Noch Jemand");
  save (fixture, other);
  stored = dup_contact (fixture->store, id);

  bzw_vcard_export_store (fixture->store, NULL, export, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (export, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* No temporary file left behind. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "export"))
      n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_assert_false (bzw_vcard_export_store (fixture->store, NULL, bad_path, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  /* Into an empty store: everything back, archived contact and circles
   * included.
   */
  second = bzw_store_open (second_path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  bzw_importer_import_file (second, export, BZW_IMPORT_ACTION_MERGE, &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpuint (summary.circles_created, ==, 2);
  copy_id = bzw_store_find_contact_by_uid (second, bzw_contact_get_uid (stored));
  g_assert_cmpint (copy_id, !=, 0);
  copy = dup_contact (second, copy_id);
  assert_contacts_equal (stored, copy, FALSE);
  g_assert_cmpuint (bzw_contact_get_circle_ids (copy)->len, ==, 2);
  g_assert_true (bzw_contact_has_circle (copy, find_circle (second, "Kunden")));
  g_assert_true (bzw_contact_has_circle (copy, find_circle (second, "Empfehlung, Wien")));

  /* Into the same store: recognised by UID, nothing changes. */
  bzw_importer_import_file (fixture->store, export, BZW_IMPORT_ACTION_MERGE, &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.merged, ==, 2);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 2);
  g_clear_object (&copy);
  copy = dup_contact (fixture->store, id);
  assert_contacts_equal (stored, copy, FALSE);
}

/* One child of test_two_processes: reads the file and computes the
 * preview, says so, waits for the go and imports.
 */
static void
import_in_child (const char *db_path,
                 const char *file,
                 int         ready_fd,
                 int         go_fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = bzw_store_open (db_path, BZW_STORE_OPEN_DEFAULT, &error);
  g_autoptr(BzwImporter) importer = NULL;
  BzwImportSummary summary;
  char c = 0;

  if (store == NULL)
    _exit (2);
  importer = bzw_importer_new (store);
  if (!bzw_importer_load_file (importer, file, &error) || bzw_importer_get_n_new (importer) != 300)
    _exit (3);
  if (write (ready_fd, "r", 1) != 1 || read (go_fd, &c, 1) != 1)
    _exit (4);
  if (!bzw_importer_import (importer, &summary, &error))
    _exit (5);
  _exit (summary.added + summary.merged == 300 ? 0 : 6);
}

/* Two processes import the same file at once, both with a preview of an
 * empty store: the second matches inside its write transaction and merges
 * instead of adding every contact again.
 */
static void
test_two_processes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "twice.vcf", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int ready[2];
  int go[2];
  pid_t pids[2];
  char c;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %u\r\nN:%u;Person;;;\r\n"
                                  "EMAIL:person%u@example.org\r\nEND:VCARD\r\n", i, i, i);
  g_file_set_contents (file, text->str, text->len, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (go), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      pids[i] = fork ();
      g_assert_cmpint (pids[i], >=, 0);
      if (pids[i] == 0)
        import_in_child (fixture->path, file, ready[1], go[0]);
    }

  /* Both previews are made before either import starts. */
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (read (ready[0], &c, 1), ==, 1);
  g_assert_cmpint (write (go[1], "gg", 2), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  for (guint i = 0; i < 2; i++)
    {
      close (ready[i]);
      close (go[i]);
    }

  reopen (fixture);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 300);
}

/* The preview names each card: who is new, what merging adds to whom, and
 * which card could not be read, with its number, name and line; one card
 * skipped by hand stays out of the store.
 */
static void
test_preview_names (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char file[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lukas Feld\r\nORG:Feld & Flur\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hanna Brandt\r\nEMAIL:HB@example.org\r\n"
    "EMAIL:hanna@privat.example\r\nEMAIL:hanna@verein.example\r\nBDAY:1985-03-14\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kaputte Karte\r\nthis line has no colon\r\nEND:VCARD\r\n";
  g_autoptr(BzwContact) hanna = bzw_contact_new ();
  g_autoptr(BzwContact) merged = NULL;
  g_autoptr(BzwImporter) importer = bzw_importer_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;
  const BzwParseProblem *problem;
  BzwImportSummary summary = { 0 };
  gint64 hanna_id;

  bzw_contact_set_display_name (hanna, "Hanna Brandt");
  bzw_contact_add_field (hanna, BZW_FIELD_EMAIL, NULL, "hb@example.org");
  hanna_id = save (fixture, hanna);

  bzw_importer_load_data (importer, file, strlen (file), "x.vcf", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bzw_importer_get_n_items (importer), ==, 2);
  g_assert_cmpstr (bzw_contact_get_display_name (bzw_importer_get_item (importer, 0)->contact), ==, "Lukas Feld");
  g_assert_cmpint (bzw_importer_get_item_match (importer, 0), ==, BZW_IMPORT_MATCH_NONE);
  g_assert_null (bzw_importer_dup_item_changes (importer, 0));
  g_assert_cmpint (bzw_importer_get_item_match (importer, 1), ==, BZW_IMPORT_MATCH_EMAIL);
  changes = bzw_importer_dup_item_changes (importer, 1);
  g_assert_cmpstr (changes, ==, "+ 2 e-mail addresses, birthday");

  g_assert_cmpuint (bzw_importer_get_problems (importer)->len, ==, 1);
  problem = g_ptr_array_index (bzw_importer_get_problems (importer), 0);
  g_assert_cmpuint (problem->card, ==, 3);
  g_assert_cmpstr (problem->name, ==, "Kaputte Karte");
  g_assert_cmpuint (problem->line, ==, 17);
  g_assert_true (problem->skipped);

  /* A new card cannot be merged; it can be skipped. */
  bzw_importer_set_item_action (importer, 0, BZW_IMPORT_ACTION_MERGE);
  g_assert_cmpint (bzw_importer_get_item_action (importer, 0), ==, BZW_IMPORT_ACTION_ADD);
  bzw_importer_set_item_action (importer, 0, BZW_IMPORT_ACTION_SKIP);
  g_assert_cmpuint (bzw_importer_count_action (importer, BZW_IMPORT_ACTION_SKIP), ==, 1);
  g_assert_cmpuint (bzw_importer_count_action (importer, BZW_IMPORT_ACTION_MERGE), ==, 1);

  bzw_importer_import (importer, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.merged, ==, 1);
  g_assert_cmpuint (summary.skipped, ==, 1);
  g_assert_cmpuint (summary.failed, ==, 1);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->store), ==, 1);
  merged = dup_contact (fixture->store, hanna_id);
  g_assert_cmpuint (bzw_contact_get_fields (merged)->len, ==, 3);
  g_assert_cmpstr (bzw_contact_get_birthday (merged), ==, "1985-03-14");

  /* Merged now, the same card adds nothing. */
  g_clear_pointer (&changes, g_free);
  bzw_importer_load_data (importer, file, strlen (file), "x.vcf", &error);
  g_assert_no_error (error);
  g_assert_null (bzw_importer_dup_item_changes (importer, 1));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/io/importer/preview-and-merge", Fixture, NULL,
              open_temp_store, test_preview_and_merge, close_store);
  g_test_add ("/io/importer/preview-names", Fixture, NULL,
              open_temp_store, test_preview_names, close_store);
  g_test_add ("/io/importer/all-or-nothing", Fixture, NULL,
              open_temp_store, test_all_or_nothing, close_store);
  g_test_add ("/io/importer/import-file", Fixture, NULL,
              open_temp_store, test_import_file, close_store);
  g_test_add ("/io/importer/bad-inputs", Fixture, NULL,
              open_temp_store, test_bad_inputs, close_store);
  g_test_add ("/io/importer/two-processes", Fixture, NULL,
              open_temp_store, test_two_processes, close_store);
  g_test_add ("/io/importer/store-round-trip", Fixture, NULL,
              open_temp_store, test_store_round_trip, close_store);

  return g_test_run ();
}
