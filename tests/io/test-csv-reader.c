/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-csv-reader.h"

#include "io-test-util.h"

#include <gio/gio.h>

#include <locale.h>

static BzwCsvReader *
open_csv (const char *name)
{
  g_autoptr(GBytes) bytes = load_data_file (name);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  BzwCsvReader *reader;

  g_assert_true (bzw_csv_reader_looks_like (data, length));
  reader = bzw_csv_reader_new (data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

static void
test_linkedin (void)
{
  g_autoptr(BzwCsvReader) reader = open_csv ("linkedin.csv");
  g_autoptr(BzwParseResult) result = NULL;
  BzwParsedCard *card;
  BzwContact *c;

  g_assert_cmpstr (bzw_csv_reader_get_format (reader), ==, "LinkedIn");
  g_assert_cmpint (bzw_csv_reader_get_delimiter (reader), ==, ',');
  /* The notes above the header are skipped. */
  g_assert_cmpuint (bzw_csv_reader_get_header_line (reader), ==, 4);
  g_assert_cmpuint (bzw_csv_reader_get_n_columns (reader), ==, 7);
  g_assert_cmpint (bzw_csv_reader_get_target (reader, 6), ==, BZW_CSV_TARGET_MET_ON);
  g_assert_cmpstr (bzw_csv_reader_get_sample (reader, 1), ==, "Lovelace");

  result = bzw_csv_reader_read_cards (reader);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->cards->len, ==, 3);

  card = find_card (result, "Ada Lovelace");
  c = card->contact;
  g_assert_cmpuint (card->line, ==, 5);
  g_assert_cmpstr (bzw_contact_get_given_name (c), ==, "Ada");
  g_assert_cmpstr (bzw_contact_get_family_name (c), ==, "Lovelace");
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "Analytical Engines Ltd.");
  g_assert_cmpstr (bzw_contact_get_role (c), ==, "Programmiererin, Mathematikerin");
  g_assert_cmpstr (bzw_contact_get_met_on (c), ==, "2023-03-15");
  g_assert_cmpstr (bzw_contact_get_met_how (c), ==, "LinkedIn");
  assert_field (c, BZW_FIELD_EMAIL, "ada@example.org", NULL, 0);
  assert_field (c, BZW_FIELD_URL, "https://www.linkedin.com/in/ada-lovelace", "LinkedIn", 0);
  g_assert_cmpuint (bzw_contact_get_fields (c)->len, ==, 2);

  c = find_card (result, "Jürgen Müller")->contact;
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "Müller & Söhne GmbH");
  g_assert_cmpuint (count_fields (c, BZW_FIELD_EMAIL), ==, 0);
  g_assert_cmpstr (bzw_contact_get_met_on (c), ==, "2019-01-02");

  c = find_card (result, "Zoë O'Brien \"Zo\"")->contact;
  g_assert_cmpstr (bzw_contact_get_met_on (c), ==, "2024-02-28");
  g_assert_null (bzw_contact_get_organisation (c));
}

static void
test_xing (void)
{
  g_autoptr(BzwCsvReader) reader = open_csv ("xing.csv");
  g_autoptr(BzwParseResult) result = bzw_csv_reader_read_cards (reader);
  g_autofree char *adr = address ("", "", "Mainzer Landstraße 50", "Frankfurt am Main", "", "60325", "Deutschland");
  BzwParsedCard *card;
  BzwContact *c;

  g_assert_cmpstr (bzw_csv_reader_get_format (reader), ==, "XING");
  g_assert_cmpint (bzw_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_cmpstr (bzw_csv_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->cards->len, ==, 2);

  card = find_card (result, "Frau Dr. Sabine Schäfer");
  c = card->contact;
  g_assert_cmpstr (bzw_contact_get_prefix (c), ==, "Frau Dr.");
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "Schäfer Consulting GmbH");
  g_assert_cmpstr (bzw_contact_get_role (c), ==, "Geschäftsführerin");
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "1978-05-12");
  g_assert_cmpstr (bzw_contact_get_met_on (c), ==, "2015-11-03");
  g_assert_cmpstr (bzw_contact_get_met_how (c), ==, "XING");
  assert_field (c, BZW_FIELD_EMAIL, "sabine@schaefer-consulting.example", "work", 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 69 123456", "work", 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 151 2345678", "work mobile", 0);
  assert_field (c, BZW_FIELD_ADDRESS, adr, "work", 0);
  assert_field (c, BZW_FIELD_URL, "https://www.xing.com/profile/Sabine_Schaefer", "XING", 0);
  g_assert_cmpuint (bzw_contact_get_fields (c)->len, ==, 5);
  assert_categories (card, "Kunden", "Empfehlungsgruppe", NULL);

  c = find_card (result, "Herr Thomas Weiß")->contact;
  g_assert_cmpstr (bzw_contact_get_role (c), ==, "Freiberufler; Berater");
  assert_field (c, BZW_FIELD_EMAIL, "thomas.weiss@privat.example", "home", 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 30 7654321", "home", 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 170 1112223", "mobile", 0);
  g_assert_null (bzw_contact_get_birthday (c));
}

static void
test_outlook_de (void)
{
  g_autoptr(BzwCsvReader) reader = open_csv ("outlook-de.csv");
  g_autoptr(BzwParseResult) result = bzw_csv_reader_read_cards (reader);
  g_autofree char *work = address ("", "Hinterhaus", "Hauptstraße 5", "Hamburg", "", "20095", "Deutschland");
  g_autofree char *home = address ("", "", "Elbchaussee 1", "Hamburg", "", "22763", "Deutschland");
  BzwParsedCard *card;
  BzwContact *c;

  g_assert_cmpstr (bzw_csv_reader_get_format (reader), ==, "Outlook");
  g_assert_cmpstr (bzw_csv_reader_get_encoding (reader), ==, "Windows-1252");
  g_assert_cmpint (bzw_csv_reader_get_delimiter (reader), ==, ',');
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->cards->len, ==, 2);

  card = find_card (result, "Käthe Schröder");
  c = card->contact;
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "Bäckerei Schröder");
  g_assert_cmpstr (bzw_contact_get_department (c), ==, "Verkauf");
  g_assert_cmpstr (bzw_contact_get_role (c), ==, "Inhaberin");
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "1970-12-31");
  /* A quoted field with a line break, quotes, "," and ";" inside. */
  g_assert_cmpstr (bzw_contact_get_notes (c), ==, "Erste Zeile\nZweite Zeile mit \"Zitat\", Komma; Semikolon und €");
  assert_field (c, BZW_FIELD_ADDRESS, work, "work", 0);
  assert_field (c, BZW_FIELD_ADDRESS, home, "home", 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 40 123457", "work fax", 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 40 123456", "work", 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 40 999", "home", 0);
  assert_field (c, BZW_FIELD_PHONE, "0170 9876543", "mobile", 0);
  assert_field (c, BZW_FIELD_EMAIL, "kaethe@baeckerei.example", NULL, 0);
  assert_field (c, BZW_FIELD_EMAIL, "info@baeckerei.example", NULL, 0);
  assert_field (c, BZW_FIELD_URL, "http://www.baeckerei.example", NULL, 0);
  g_assert_cmpuint (bzw_contact_get_fields (c)->len, ==, 9);
  assert_categories (card, "Kunden", "Bäcker", NULL);

  /* "0.0.00" is Outlook's "no date". */
  c = find_card (result, "Herr Björn Groß")->contact;
  g_assert_null (bzw_contact_get_birthday (c));
  g_assert_null (bzw_contact_get_notes (c));
  assert_field (c, BZW_FIELD_EMAIL, "bjoern@gross.example", NULL, 0);
}

static void
test_outlook_en (void)
{
  g_autoptr(BzwCsvReader) reader = open_csv ("outlook-en.csv");
  g_autoptr(BzwParseResult) result = bzw_csv_reader_read_cards (reader);
  g_autofree char *work = address ("", "", "1 Navy Way", "Arlington", "VA", "22201", "United States of America");
  BzwParsedCard *card;
  BzwContact *c;

  g_assert_cmpstr (bzw_csv_reader_get_format (reader), ==, "Outlook");
  g_assert_cmpuint (result->cards->len, ==, 1);
  card = find_card (result, "Ms. Grace Brewster Hopper");
  c = card->contact;
  g_assert_cmpstr (bzw_contact_get_additional_names (c), ==, "Brewster");
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "US Navy");
  g_assert_cmpstr (bzw_contact_get_role (c), ==, "Rear Admiral");
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "1906-12-09");
  g_assert_cmpstr (bzw_contact_get_notes (c), ==, "Invented the compiler.");
  assert_field (c, BZW_FIELD_ADDRESS, work, "work", 0);
  assert_field (c, BZW_FIELD_PHONE, "+1 555 0100", "work", 0);
  assert_field (c, BZW_FIELD_PHONE, "+1 555 0199", "mobile", 0);
  assert_field (c, BZW_FIELD_EMAIL, "grace@navy.example", NULL, 0);
  assert_field (c, BZW_FIELD_EMAIL, "grace@home.example", NULL, 0);
  assert_field (c, BZW_FIELD_RELATED, "Vincent Hopper", "spouse", 0);
  assert_categories (card, "Navy", "Pioneers", NULL);
}

static void
test_google (void)
{
  g_autoptr(BzwCsvReader) reader = open_csv ("google.csv");
  g_autoptr(BzwParseResult) result = bzw_csv_reader_read_cards (reader);
  g_autofree char *adr = address ("", "", "Ring 1", "Wien", "", "1010", "Österreich");
  BzwParsedCard *card;
  BzwContact *c;
  BzwParseProblem *problem;

  g_assert_cmpstr (bzw_csv_reader_get_format (reader), ==, "Google");
  g_assert_cmpuint (result->cards->len, ==, 1);
  card = find_card (result, "Hedy Lamarr");
  c = card->contact;
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "Frequency Hopping Inc.");
  g_assert_cmpstr (bzw_contact_get_department (c), ==, "Forschung");
  g_assert_cmpstr (bzw_contact_get_role (c), ==, "Erfinderin");
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "1914-11-09");
  g_assert_cmpstr (bzw_contact_get_notes (c), ==, "Schauspielerin\nund Erfinderin");
  g_assert_cmpstr (bzw_contact_get_photo_uri (c), ==, "https://lh3.googleusercontent.com/contacts/HEDY");
  /* " ::: " joins several values; "* " marks the primary one. */
  assert_field (c, BZW_FIELD_EMAIL, "hedy@frequency.example", "work", 1);
  assert_field (c, BZW_FIELD_EMAIL, "hedy2@frequency.example", "work", 1);
  assert_field (c, BZW_FIELD_EMAIL, "hedy@home.example", "home", 0);
  assert_field (c, BZW_FIELD_PHONE, "+43 664 1234567", "mobile", 0);
  assert_field (c, BZW_FIELD_PHONE, "+43 1 5555556", "work fax", 0);
  assert_field (c, BZW_FIELD_ADDRESS, adr, "work", 0);
  assert_field (c, BZW_FIELD_URL, "https://hedy.example", "blog", 0);
  assert_field (c, BZW_FIELD_DATE, "--06-01", "anniversary", 0);
  assert_field (c, BZW_FIELD_RELATED, "Fritz Mandl", "spouse", 0);
  g_assert_cmpuint (bzw_contact_get_fields (c)->len, ==, 9);
  assert_categories (card, "Kunden", "Wien", NULL);

  /* A row without any name is reported with its line. */
  g_assert_cmpuint (result->problems->len, ==, 1);
  problem = g_ptr_array_index (result->problems, 0);
  g_assert_cmpuint (problem->line, ==, 6);
  g_assert_true (problem->skipped);
}

static void
test_user_mapping (void)
{
  const char *text = "Wer;Mail;Handy;Bemerkung;Egal\n"
                     "Ada Lovelace;ada@example.org;+49 170 1;\"mehrzeilig\nund mit ;\";x\r"
                     "Grace Hopper;keine;;;y\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwCsvReader) reader = bzw_csv_reader_new (text, strlen (text), &error);
  g_autoptr(BzwParseResult) result = NULL;
  BzwContact *c;

  g_assert_no_error (error);
  g_assert_null (bzw_csv_reader_get_format (reader));
  g_assert_cmpint (bzw_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_cmpuint (bzw_csv_reader_get_header_line (reader), ==, 1);
  for (guint i = 0; i < bzw_csv_reader_get_n_columns (reader); i++)
    g_assert_cmpint (bzw_csv_reader_get_target (reader, i), ==, BZW_CSV_TARGET_IGNORE);
  g_assert_cmpstr (bzw_csv_reader_get_header (reader, 2), ==, "Handy");

  bzw_csv_reader_set_target (reader, 0, BZW_CSV_TARGET_DISPLAY_NAME, NULL);
  bzw_csv_reader_set_target (reader, 1, BZW_CSV_TARGET_EMAIL, "work");
  bzw_csv_reader_set_target (reader, 2, BZW_CSV_TARGET_PHONE, "mobile");
  bzw_csv_reader_set_target (reader, 3, BZW_CSV_TARGET_NOTE, NULL);
  result = bzw_csv_reader_read_cards (reader);
  g_assert_cmpuint (result->cards->len, ==, 2);

  c = find_card (result, "Ada Lovelace")->contact;
  assert_field (c, BZW_FIELD_EMAIL, "ada@example.org", "work", 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 170 1", "mobile", 0);
  g_assert_cmpstr (bzw_contact_get_notes (c), ==, "Bemerkung: mehrzeilig\nund mit ;");
  g_assert_cmpuint (((BzwParsedCard *) g_ptr_array_index (result->cards, 1))->line, ==, 4);

  /* Not an e-mail address: kept in the notes, not lost. */
  c = find_card (result, "Grace Hopper")->contact;
  g_assert_cmpuint (count_fields (c, BZW_FIELD_EMAIL), ==, 0);
  g_assert_cmpstr (bzw_contact_get_notes (c), ==, "Mail: keine");
  g_assert_cmpstr (bzw_csv_target_get_title (BZW_CSV_TARGET_EMAIL), ==, "E-mail");
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwCsvReader) reader = bzw_csv_reader_new ("\n\n\r\n", 4, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (reader);
}

/* Every prefix of every CSV file reads without harm. */
static void
test_truncated (void)
{
  const char *files[] = { "linkedin.csv", "xing.csv", "outlook-de.csv", "outlook-en.csv", "google.csv" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GBytes) bytes = load_data_file (files[f]);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      for (gsize n = 0; n <= length; n += 1 + n / 64)
        {
          char *copy = g_memdup2 (data, n);
          BzwCsvReader *reader = bzw_csv_reader_new (copy, n, NULL);

          if (reader != NULL)
            {
              bzw_parse_result_unref (bzw_csv_reader_read_cards (reader));
              g_object_unref (reader);
            }
          g_free (copy);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/csv-reader/linkedin", test_linkedin);
  g_test_add_func ("/io/csv-reader/xing", test_xing);
  g_test_add_func ("/io/csv-reader/outlook-de", test_outlook_de);
  g_test_add_func ("/io/csv-reader/outlook-en", test_outlook_en);
  g_test_add_func ("/io/csv-reader/google", test_google);
  g_test_add_func ("/io/csv-reader/user-mapping", test_user_mapping);
  g_test_add_func ("/io/csv-reader/empty", test_empty);
  g_test_add_func ("/io/csv-reader/truncated", test_truncated);

  return g_test_run ();
}
