/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-vcard-reader.h"
#include "bzw-vcard-writer.h"

#include "io-test-util.h"

#include <locale.h>

static BzwContact *
rich_contact (void)
{
  BzwContact *c = bzw_contact_new ();
  static const guint8 jpeg[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0x01, 0x02, 0x03, 0xFF, 0xD9 };
  g_autoptr(GBytes) photo = g_bytes_new_static (jpeg, sizeof jpeg);
  g_autofree char *adr = address ("Postfach 12", "c/o Büro; 2. OG", "Straße 1, Hinterhaus", "Köln", "NRW",
                                  "50667", "Deutschland");
  GPtrArray *fields;

  bzw_contact_set_uid (c, "0e1b5c1a-3d0f-4a52-9f8e-5c4b3a291807");
  bzw_contact_set_display_name (c, "Prof. Dr. Anna-Lena Groß-Übermann, MBA");
  bzw_contact_set_prefix (c, "Prof. Dr.");
  bzw_contact_set_given_name (c, "Anna-Lena");
  bzw_contact_set_additional_names (c, "Maria,Theresa");
  bzw_contact_set_family_name (c, "Groß-Übermann; geb. Klein");
  bzw_contact_set_suffix (c, "MBA");
  bzw_contact_set_nickname (c, "Anni, Lena");
  bzw_contact_set_organisation (c, "Übermann & Co. KG; Abteilung, Nord");
  bzw_contact_set_department (c, "Einkauf; Team 2");
  bzw_contact_set_role (c, "Geschäftsführerin, Vertrieb");
  bzw_contact_set_birthday (c, "--02-29");
  bzw_contact_set_photo (c, photo);
  bzw_contact_set_met_how (c, "Barcamp Köln, am Kaffeestand");
  bzw_contact_set_met_on (c, "2019-05-04");
  bzw_contact_set_met_in_person (c, TRUE);
  bzw_contact_set_offers (c, "Vertrieb; Kontakte in die Chemie\nund Pharma");
  bzw_contact_set_seeks (c, "Entwickler\\innen");
  bzw_contact_set_trust (c, BZW_TRUST_YES);
  bzw_contact_set_trust_for (c, "Vertriebsberatung");
  bzw_contact_set_interval_ideal (c, 90);
  bzw_contact_set_interval_max (c, 365);
  bzw_contact_set_archived (c, TRUE);
  bzw_contact_set_notes (c, "Erste Zeile\nZweite Zeile mit Komma, Semikolon; Backslash \\ und "
                            "einem sehr langen Satz, der weit über fünfundsiebzig Oktette hinausgeht, "
                            "damit gefaltet wird: äöüßÄÖÜ€ 😀 漢字.");
  bzw_contact_set_extra (c, "item1.X-ABADR:de\nX-SOCIALPROFILE;type=twitter:https://twitter.com/anni\n"
                            "X-CUSTOM;X-PARAM=\"a,b;c:d\":Wert\\, mit Komma\nitem3.X-ABLabel:verwaist");

  bzw_contact_add_field (c, BZW_FIELD_EMAIL, "work", "anna@uebermann.example");
  bzw_contact_add_field (c, BZW_FIELD_EMAIL, NULL, "anni@privat.example");
  bzw_contact_add_field (c, BZW_FIELD_EMAIL, "Verein", "anni@verein.example");
  bzw_contact_add_field (c, BZW_FIELD_PHONE, "mobile", "+49 171 1234567");
  bzw_contact_add_field (c, BZW_FIELD_PHONE, "work fax", "+49 221 99, Durchwahl 3");
  bzw_contact_add_field (c, BZW_FIELD_PHONE, "main", "+49 221 100");
  bzw_contact_add_field (c, BZW_FIELD_PHONE, "Büro (alt)", "+49 221 101");
  bzw_contact_add_field (c, BZW_FIELD_ADDRESS, "home", adr);
  bzw_contact_add_field (c, BZW_FIELD_URL, "homepage", "https://uebermann.example/a,b;c");
  bzw_contact_add_field (c, BZW_FIELD_URL, "work", "https://firma.example");
  bzw_contact_add_field (c, BZW_FIELD_IMPP, "home", "xmpp:anni@jabber.example");
  bzw_contact_add_field (c, BZW_FIELD_DATE, "anniversary", "2001-09-15");
  bzw_contact_add_field (c, BZW_FIELD_DATE, "anniversary", "--06-01");
  bzw_contact_add_field (c, BZW_FIELD_DATE, "Firmengründung", "1999-01-01");
  bzw_contact_add_field (c, BZW_FIELD_DATE, NULL, "--12-31");
  bzw_contact_add_field (c, BZW_FIELD_RELATED, "spouse", "Karl Groß");
  bzw_contact_add_field (c, BZW_FIELD_RELATED, "mother", "Erna Klein");
  bzw_contact_add_field (c, BZW_FIELD_RELATED, "Patenkind", "Mia");
  bzw_contact_add_field (c, BZW_FIELD_RELATED, "friend", "urn:uuid:11111111-2222-4333-8444-555555555555");

  fields = bzw_contact_get_fields (c);
  ((BzwContactField *) g_ptr_array_index (fields, 0))->pref = 1;
  ((BzwContactField *) g_ptr_array_index (fields, 4))->pref = 2;
  ((BzwContactField *) g_ptr_array_index (fields, 13))->pref = 1;
  return c;
}

static void
assert_wellformed (const char *text)
{
  g_auto(GStrv) lines = NULL;
  gsize len = strlen (text);

  /* Every line ends in CRLF; no bare LF or CR. */
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\n')
        g_assert_true (i > 0 && text[i - 1] == '\r');
      if (text[i] == '\r')
        g_assert_true (i + 1 < len && text[i + 1] == '\n');
    }

  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* At most 75 octets, and no character cut in two. */
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
}

static void
test_format (void)
{
  g_autoptr(BzwContact) c = rich_contact ();
  const char *categories[] = { "Kunden", "Empfehlung, Köln", NULL };
  g_autofree char *text = bzw_vcard_writer_write_contact (c, categories);
  g_autofree char *unfolded = NULL;
  GRegex *fold = g_regex_new ("\r\n[ ]", 0, 0, NULL);

  assert_wellformed (text);
  unfolded = g_regex_replace_literal (fold, text, -1, 0, "", 0, NULL);
  g_regex_unref (fold);

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCARD\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nUID:urn:uuid:0e1b5c1a-3d0f-4a52-9f8e-5c4b3a291807\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nN:Groß-Übermann\\; geb. Klein;Anna-Lena;Maria\\,Theresa;Prof. Dr.;MBA\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nFN:Prof. Dr. Anna-Lena Groß-Übermann\\, MBA\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nORG:Übermann & Co. KG\\; Abteilung\\, Nord;Einkauf;Team 2\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nNICKNAME:Anni,Lena\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nBDAY:--0229\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nANNIVERSARY:20010915\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nEMAIL;TYPE=work;PREF=1:anna@uebermann.example\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nTEL;TYPE=cell:+49 171 1234567\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nTEL;TYPE=work,fax;PREF=2:+49 221 99\\, Durchwahl 3\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nADR;TYPE=home:Postfach 12;c/o Büro\\; 2. OG;Straße 1\\, Hinterhaus;Köln;NRW;50667;Deutschland\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nRELATED;TYPE=spouse;VALUE=text:Karl Groß\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nRELATED;TYPE=friend:urn:uuid:11111111-2222-4333-8444-555555555555\r\n"));
  g_assert_nonnull (strstr (unfolded, "X-ABRELATEDNAMES:Erna Klein\r\n"));
  g_assert_nonnull (strstr (unfolded, ".X-ABLabel:_$!<Mother>!$_\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nCATEGORIES:Kunden,Empfehlung\\, Köln\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nPHOTO:data:image/jpeg;base64,/9j/4AECA//Z\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nX-CUSTOM;X-PARAM=\"a,b;c:d\":Wert\\, mit Komma\r\n"));
  /* The kept line's group is not reused for a label. */
  g_assert_null (strstr (unfolded, "\r\nitem1.X-ABLabel"));
  g_assert_null (strstr (unfolded, "\r\nitem3.X-ABLabel:_"));
}

static void
test_round_trip (void)
{
  g_autoptr(BzwContact) c = rich_contact ();
  const char *categories[] = { "Kunden", "Empfehlung, Köln", NULL };
  g_autofree char *text = bzw_vcard_writer_write_contact (c, categories);
  g_autoptr(BzwParseResult) result = bzw_vcard_reader_parse (text, strlen (text));
  BzwParsedCard *card;

  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->cards->len, ==, 1);
  card = g_ptr_array_index (result->cards, 0);
  assert_contacts_equal (c, card->contact, FALSE);
  g_assert_cmpuint (card->categories->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (card->categories, 0), ==, "Kunden");
  g_assert_cmpstr (g_ptr_array_index (card->categories, 1), ==, "Empfehlung, Köln");
}

/* vCard 3.0: its own spelling of what 4.0 says, read back the same (3.0
 * knows only one preference).
 */
static void
test_round_trip_3_0 (void)
{
  g_autoptr(BzwContact) c = rich_contact ();
  const char *categories[] = { "Kunden", NULL };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(BzwParseResult) result = NULL;
  g_autofree char *unfolded = NULL;
  GRegex *fold = g_regex_new ("\r\n[ ]", 0, 0, NULL);

  ((BzwContactField *) g_ptr_array_index (bzw_contact_get_fields (c), 4))->pref = 1;
  bzw_vcard_writer_append_contact_as (text, c, categories, BZW_VCARD_VERSION_3_0);
  assert_wellformed (text->str);
  unfolded = g_regex_replace_literal (fold, text->str, -1, 0, "", 0, NULL);
  g_regex_unref (fold);

  g_assert_true (g_str_has_prefix (text->str, "BEGIN:VCARD\r\nVERSION:3.0\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nEMAIL;TYPE=work,pref:anna@uebermann.example\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nTEL;TYPE=work,fax,pref:+49 221 99\\, Durchwahl 3\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AECA//Z\r\n"));
  g_assert_nonnull (strstr (unfolded, ".X-ABDATE:2001-09-15\r\n"));
  g_assert_nonnull (strstr (unfolded, ".X-ABRELATEDNAMES:Karl Groß\r\n"));
  g_assert_nonnull (strstr (unfolded, ".X-ABLabel:_$!<Spouse>!$_\r\n"));
  g_assert_null (strstr (unfolded, "PREF="));
  g_assert_null (strstr (unfolded, "\r\nRELATED"));
  g_assert_null (strstr (unfolded, "\r\nANNIVERSARY"));
  g_assert_null (strstr (unfolded, "VALUE=text"));

  result = bzw_vcard_reader_parse (text->str, text->len);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->cards->len, ==, 1);
  assert_contacts_equal (c, ((BzwParsedCard *) g_ptr_array_index (result->cards, 0))->contact, FALSE);
}

/* Every file of the corpus reads back the same after writing it. */
static void
test_corpus_round_trip (void)
{
  const char *files[] = { "google.vcf", "apple.vcf", "outlook.vcf", "nextcloud.vcf",
                          "thunderbird.vcf", "evolution.vcf", "mixed.vcf" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GBytes) bytes = load_data_file (files[f]);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);
      g_autoptr(BzwParseResult) first = bzw_vcard_reader_parse (data, length);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(BzwParseResult) second = NULL;
      guint n = 0;

      for (guint i = 0; i < first->cards->len; i++)
        {
          BzwParsedCard *card = g_ptr_array_index (first->cards, i);

          if (card->is_group)
            continue;
          g_ptr_array_add (card->categories, NULL);
          bzw_vcard_writer_append_contact (out, card->contact, (const char * const *) card->categories->pdata);
          g_ptr_array_remove_index (card->categories, card->categories->len - 1);
        }

      assert_wellformed (out->str);
      second = bzw_vcard_reader_parse (out->str, out->len);
      g_assert_cmpuint (second->problems->len, ==, 0);

      for (guint i = 0; i < first->cards->len; i++)
        {
          BzwParsedCard *a = g_ptr_array_index (first->cards, i);
          BzwParsedCard *b;

          if (a->is_group)
            continue;
          b = g_ptr_array_index (second->cards, n++);
          assert_contacts_equal (a->contact, b->contact, TRUE);
          assert_categories_equal (a->categories, b->categories);
        }
      g_assert_cmpuint (n, ==, second->cards->len);
    }
}

static void
test_fold_boundaries (void)
{
  /* Every position of a multi-byte character against the fold. */
  for (guint pad = 0; pad < 8; pad++)
    {
      g_autoptr(BzwContact) c = bzw_contact_new ();
      g_autoptr(GString) note = g_string_new (NULL);
      g_autofree char *text = NULL;
      g_autoptr(BzwParseResult) result = NULL;

      for (guint i = 0; i < pad; i++)
        g_string_append_c (note, 'x');
      for (guint i = 0; i < 60; i++)
        g_string_append (note, i % 3 == 0 ? "€" : i % 3 == 1 ? "😀" : "ß");

      bzw_contact_set_display_name (c, "Falt Test");
      bzw_contact_set_notes (c, note->str);
      text = bzw_vcard_writer_write_contact (c, NULL);
      assert_wellformed (text);
      result = bzw_vcard_reader_parse (text, strlen (text));
      g_assert_cmpuint (result->cards->len, ==, 1);
      g_assert_cmpstr (bzw_contact_get_notes (((BzwParsedCard *) g_ptr_array_index (result->cards, 0))->contact),
                       ==, note->str);
    }
}

/* What the writer writes, the reader reads whole: for every card of every
 * vCard file in the corpus, the regressions found by fuzzing included.
 */
static void
test_rewrite_rereads (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "io", "data", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(BzwParseResult) result = NULL;

      if (!g_str_has_suffix (name, ".vcf"))
        continue;

      n_files++;
      bytes = load_data_file (name);
      result = bzw_vcard_reader_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      for (guint i = 0; i < result->cards->len; i++)
        {
          BzwParsedCard *card = g_ptr_array_index (result->cards, i);
          g_autofree char *text = bzw_vcard_writer_write_contact (card->contact, NULL);
          g_autoptr(BzwParseResult) again = bzw_vcard_reader_parse (text, strlen (text));

          assert_wellformed (text);
          g_assert_cmpuint (again->cards->len, ==, 1);
          g_assert_cmpuint (again->problems->len, ==, 0);
        }
    }

  g_assert_cmpuint (n_files, >=, 9);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/vcard-writer/format", test_format);
  g_test_add_func ("/io/vcard-writer/round-trip", test_round_trip);
  g_test_add_func ("/io/vcard-writer/round-trip-3.0", test_round_trip_3_0);
  g_test_add_func ("/io/vcard-writer/corpus-round-trip", test_corpus_round_trip);
  g_test_add_func ("/io/vcard-writer/fold-boundaries", test_fold_boundaries);
  g_test_add_func ("/io/vcard-writer/rewrite-rereads", test_rewrite_rereads);

  return g_test_run ();
}
