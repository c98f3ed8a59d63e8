/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-vcard-private.h"
#include "bzw-vcard-reader.h"

#include "io-test-util.h"

#include <locale.h>

/* The photos in the corpus, as tests/io/data was written. */
static GBytes *
expected_jpeg (void)
{
  GByteArray *bytes = g_byte_array_new ();
  static const guint8 head[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00 };
  static const guint8 tail[] = { 0xFF, 0xD9 };

  g_byte_array_append (bytes, head, sizeof head);
  for (guint i = 0; i < 200; i++)
    {
      guint8 b = i;

      g_byte_array_append (bytes, &b, 1);
    }
  g_byte_array_append (bytes, tail, sizeof tail);
  return g_byte_array_free_to_bytes (bytes);
}

static GBytes *
expected_png (void)
{
  GByteArray *bytes = g_byte_array_new ();
  static const guint8 head[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

  g_byte_array_append (bytes, head, sizeof head);
  for (guint i = 50; i < 150; i++)
    {
      guint8 b = i;

      g_byte_array_append (bytes, &b, 1);
    }
  return g_byte_array_free_to_bytes (bytes);
}

static BzwParseResult *
parse_file (const char *name)
{
  g_autoptr(GBytes) bytes = load_data_file (name);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_true (bzw_vcard_reader_looks_like (data, length));
  return bzw_vcard_reader_parse (data, length);
}

static void
test_google (void)
{
  g_autoptr(BzwParseResult) result = parse_file ("google.vcf");
  g_autofree char *adr = address ("", "", "Musterstraße 1", "Berlin", "", "10115", "Deutschland");
  BzwParsedCard *card;
  BzwContact *c;

  g_assert_cmpuint (result->cards->len, ==, 2);
  g_assert_cmpuint (result->problems->len, ==, 0);

  card = find_card (result, "Ada Lovelace");
  c = card->contact;
  g_assert_cmpuint (card->line, ==, 1);
  g_assert_cmpstr (bzw_contact_get_family_name (c), ==, "Lovelace");
  g_assert_cmpstr (bzw_contact_get_given_name (c), ==, "Ada");
  g_assert_null (bzw_contact_get_additional_names (c));
  g_assert_cmpstr (bzw_contact_get_nickname (c), ==, "Ada");
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "Analytical Engines Ltd.");
  g_assert_cmpstr (bzw_contact_get_role (c), ==, "Programmiererin");
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "1815-12-10");
  g_assert_cmpstr (bzw_contact_get_notes (c), ==, "Kennengelernt beim Barcamp, 2019.\nMag Mathe.");
  g_assert_cmpstr (bzw_contact_get_photo_uri (c), ==, "https://lh3.googleusercontent.com/contacts/ABC123");
  g_assert_null (bzw_contact_get_photo (c));
  g_assert_cmpuint (bzw_contact_get_fields (c)->len, ==, 6);
  assert_field (c, BZW_FIELD_EMAIL, "ada@example.org", "home", 0);
  assert_field (c, BZW_FIELD_EMAIL, "ada.lovelace@analytical.example", "work", 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 170 1234567", "mobile", 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 30 1234-0", "work", 0);
  assert_field (c, BZW_FIELD_ADDRESS, adr, "home", 0);
  assert_field (c, BZW_FIELD_URL, "https://ada.example.org", "Blog", 0);
  assert_categories (card, "Freunde", NULL);
  g_assert_null (bzw_contact_get_extra (c));

  /* A stray blank line inside the card changes nothing. */
  card = find_card (result, "Grace Hopper");
  c = card->contact;
  g_assert_cmpuint (card->line, ==, 21);
  g_assert_cmpstr (bzw_contact_get_additional_names (c), ==, "Brewster Murray");
  g_assert_cmpstr (bzw_contact_get_prefix (c), ==, "Rear Admiral");
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "--12-09");
  assert_field (c, BZW_FIELD_EMAIL, "grace@navy.example", NULL, 0);
  assert_field (c, BZW_FIELD_PHONE, "+1 555 0100", "home", 0);
  assert_categories (card, "Navy", NULL);
}

static void
test_apple (void)
{
  g_autoptr(BzwParseResult) result = parse_file ("apple.vcf");
  g_autoptr(GBytes) jpeg = expected_jpeg ();
  g_autofree char *adr = address ("", "", "Leopoldstraße 10", "München", "Bayern", "80802", "Deutschland");
  BzwParsedCard *card;
  BzwContact *c;

  g_assert_cmpuint (result->cards->len, ==, 3);
  g_assert_cmpuint (result->problems->len, ==, 0);

  card = find_card (result, "Dr. Jürgen Müller");
  c = card->contact;
  g_assert_false (card->is_group);
  g_assert_cmpstr (bzw_contact_get_uid (c), ==, "6F1B2C3D-0000-4000-8000-000000000001");
  g_assert_cmpstr (bzw_contact_get_prefix (c), ==, "Dr.");
  g_assert_cmpstr (bzw_contact_get_given_name (c), ==, "Jürgen");
  g_assert_cmpstr (bzw_contact_get_family_name (c), ==, "Müller");
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "Müller & Söhne GmbH");
  g_assert_cmpstr (bzw_contact_get_department (c), ==, "Vertrieb");
  g_assert_cmpstr (bzw_contact_get_role (c), ==, "Vertriebsleiter");
  /* Apple's 1604 means "year unknown". */
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "--03-15");
  g_assert_nonnull (bzw_contact_get_photo (c));
  g_assert_true (g_bytes_equal (bzw_contact_get_photo (c), jpeg));
  g_assert_cmpuint (bzw_contact_get_fields (c)->len, ==, 7);
  assert_field (c, BZW_FIELD_EMAIL, "juergen@mueller.example", NULL, 1);
  assert_field (c, BZW_FIELD_PHONE, "+49 171 7654321", "mobile", 1);
  assert_field (c, BZW_FIELD_PHONE, "+49 89 555555", "Büro", 0);
  assert_field (c, BZW_FIELD_ADDRESS, adr, "work", 1);
  assert_field (c, BZW_FIELD_DATE, "2010-06-01", "anniversary", 1);
  assert_field (c, BZW_FIELD_RELATED, "Sabine Müller", "spouse", 1);
  assert_field (c, BZW_FIELD_URL, "https://mueller.example", "homepage", 1);
  g_assert_true (extra_has_line (c, "item4.X-ABADR:de"));
  g_assert_true (extra_has_line (c, "X-SOCIALPROFILE;type=twitter:https://twitter.com/jmueller"));
  g_assert_null (strstr (bzw_contact_get_extra (c), "X-ABLabel"));
  g_assert_null (strstr (bzw_contact_get_extra (c), "PRODID"));

  /* Only an organisation. */
  card = find_card (result, "Bäckerei Schmidt");
  c = card->contact;
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "Bäckerei Schmidt");
  g_assert_null (bzw_contact_get_family_name (c));
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "--07-04");
  assert_field (c, BZW_FIELD_PHONE, "+49 89 777", "main", 1);
  g_assert_true (extra_has_line (c, "X-ABShowAs:COMPANY"));

  card = find_card (result, "Freunde");
  g_assert_true (card->is_group);
  g_assert_cmpuint (card->members->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (card->members, 0), ==, "6F1B2C3D-0000-4000-8000-000000000001");
}

static void
test_outlook (void)
{
  g_autoptr(BzwParseResult) result = parse_file ("outlook.vcf");
  g_autoptr(GBytes) jpeg = expected_jpeg ();
  g_autoptr(GBytes) png = expected_png ();
  g_autofree char *adr = address ("", "", "Hauptstraße 5", "Hamburg", "", "20095", "Deutschland");
  BzwParsedCard *card;
  BzwContact *c;

  g_assert_cmpuint (result->cards->len, ==, 2);
  g_assert_cmpuint (result->problems->len, ==, 0);

  /* Windows-1252 without a CHARSET, quoted-printable with soft breaks. */
  card = find_card (result, "Käthe Schröder");
  c = card->contact;
  g_assert_cmpstr (bzw_contact_get_family_name (c), ==, "Schröder");
  g_assert_cmpstr (bzw_contact_get_given_name (c), ==, "Käthe");
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "Bäckerei Schröder");
  g_assert_cmpstr (bzw_contact_get_role (c), ==, "Inhaberin");
  g_assert_cmpstr (bzw_contact_get_notes (c), ==,
                   "Erste Zeile\nZweite Zeile mit äöüß und einer sehr langen Fortsetzung, "
                   "die umgebrochen wird € 5.");
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "1970-12-31");
  assert_field (c, BZW_FIELD_PHONE, "+49 40 123456", "work", 0);
  assert_field (c, BZW_FIELD_PHONE, "0170 9876543", "mobile", 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 40 123457", "work fax", 0);
  assert_field (c, BZW_FIELD_ADDRESS, adr, "work", 1);
  assert_field (c, BZW_FIELD_URL, "http://www.baeckerei.example", "work", 0);
  assert_field (c, BZW_FIELD_EMAIL, "kaethe@baeckerei.example", NULL, 1);
  g_assert_cmpuint (bzw_contact_get_fields (c)->len, ==, 6);
  /* An indented base64 block ended by an empty line. */
  g_assert_nonnull (bzw_contact_get_photo (c));
  g_assert_true (g_bytes_equal (bzw_contact_get_photo (c), jpeg));
  g_assert_true (extra_has_line (c, "LABEL;TYPE=WORK;TYPE=PREF:Hauptstraße 5\\nHamburg 20095\\nDeutschland"));
  g_assert_true (extra_has_line (c, "X-MS-OL-DEFAULT-POSTAL-ADDRESS:2"));

  /* CHARSET=ISO-8859-1 and CHARSET=UTF-8 with quoted-printable. */
  card = find_card (result, "Björn Groß");
  c = card->contact;
  g_assert_cmpstr (bzw_contact_get_family_name (c), ==, "Groß");
  g_assert_cmpstr (bzw_contact_get_given_name (c), ==, "Björn");
  assert_field (c, BZW_FIELD_PHONE, "+49 30 999", "home", 0);
  /* A base64 block that is not indented. */
  g_assert_nonnull (bzw_contact_get_photo (c));
  g_assert_true (g_bytes_equal (bzw_contact_get_photo (c), png));
  g_assert_true (extra_has_line (c, "X-MS-IMADDRESS:bj\xc3\xb6rn@im.example"));
}

static void
test_nextcloud (void)
{
  g_autoptr(BzwParseResult) result = parse_file ("nextcloud.vcf");
  g_autoptr(GBytes) png = expected_png ();
  g_autofree char *adr = address ("", "", "Ring 1", "Wien", "", "1010", "Österreich");
  BzwParsedCard *card;
  BzwContact *c;

  g_assert_cmpuint (result->cards->len, ==, 2);
  g_assert_cmpuint (result->problems->len, ==, 0);

  card = find_card (result, "Hedy Lamarr");
  c = card->contact;
  g_assert_cmpstr (bzw_contact_get_uid (c), ==, "3b0a8f0e-7c4a-4c1e-9d3e-111111111111");
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "1914-11-09");
  g_assert_cmpstr (bzw_contact_get_notes (c), ==, "Erfinderin; Schauspielerin, Ingenieurin");
  assert_field (c, BZW_FIELD_EMAIL, "hedy@frequency.example", "work", 1);
  assert_field (c, BZW_FIELD_EMAIL, "hedy@home.example", "home", 0);
  assert_field (c, BZW_FIELD_PHONE, "+43-1-5555555", "mobile", 0);
  assert_field (c, BZW_FIELD_IMPP, "xmpp:hedy@jabber.example", "home", 0);
  assert_field (c, BZW_FIELD_ADDRESS, adr, "work", 0);
  assert_field (c, BZW_FIELD_DATE, "1933-01-01", "anniversary", 0);
  assert_field (c, BZW_FIELD_RELATED, "Fritz Mandl", "spouse", 0);
  g_assert_cmpuint (bzw_contact_get_fields (c)->len, ==, 7);
  assert_categories (card, "Kunden", "Empfehlungsgruppe", NULL);
  g_assert_true (g_bytes_equal (bzw_contact_get_photo (c), png));
  g_assert_cmpstr (bzw_contact_get_extra (c), ==, "X-NEXTCLOUD-CUSTOM:bleibt erhalten");

  card = find_card (result, "Empfehlungsgruppe Wien");
  g_assert_true (card->is_group);
  g_assert_cmpuint (card->members->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (card->members, 0), ==, "3b0a8f0e-7c4a-4c1e-9d3e-111111111111");
}

static void
test_thunderbird (void)
{
  g_autoptr(BzwParseResult) result = parse_file ("thunderbird.vcf");
  g_autofree char *adr = address ("", "", "Beispielweg 3", "Köln", "", "50667", "Deutschland");
  BzwContact *c;

  g_assert_cmpuint (result->cards->len, ==, 2);
  g_assert_cmpuint (result->problems->len, ==, 0);

  /* Lower case names, VERSION last, bare LF. */
  c = find_card (result, "Max Mustermann")->contact;
  g_assert_cmpstr (bzw_contact_get_family_name (c), ==, "Mustermann");
  g_assert_cmpstr (bzw_contact_get_given_name (c), ==, "Max");
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "Beispiel AG");
  g_assert_cmpstr (bzw_contact_get_department (c), ==, "IT");
  g_assert_cmpstr (bzw_contact_get_role (c), ==, "Entwickler");
  g_assert_cmpstr (bzw_contact_get_notes (c), ==, "Trifft man auf der FrOSCon");
  assert_field (c, BZW_FIELD_ADDRESS, adr, NULL, 0);
  assert_field (c, BZW_FIELD_EMAIL, "max@beispiel.example", NULL, 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 221 1111", "work", 0);
  assert_field (c, BZW_FIELD_PHONE, "+49 160 2222", "mobile", 0);
  assert_field (c, BZW_FIELD_URL, "https://max.example", NULL, 0);
  g_assert_cmpstr (bzw_contact_get_extra (c), ==, "x-mozilla-html:FALSE");

  c = find_card (result, "Erika Musterfrau")->contact;
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "1980-02-29");
  assert_field (c, BZW_FIELD_EMAIL, "erika@beispiel.example", NULL, 1);
  assert_field (c, BZW_FIELD_PHONE, "+49 221 3333", "work", 0);
}

static void
test_evolution (void)
{
  g_autoptr(BzwParseResult) result = parse_file ("evolution.vcf");
  BzwParsedCard *card;
  BzwContact *c;

  g_assert_cmpuint (result->cards->len, ==, 1);
  card = find_card (result, "Émilie du Châtelet");
  c = card->contact;
  g_assert_cmpstr (bzw_contact_get_uid (c), ==, "pas-id-5F1A2B3C00000001");
  g_assert_cmpstr (bzw_contact_get_family_name (c), ==, "du Châtelet");
  /* The fold fell inside "ß": unfolding on bytes joins it again. */
  g_assert_cmpstr (bzw_contact_get_notes (c), ==,
                   "Übersetzerin von Newtons Principia; Physikerin und Mathematikerin – große Denkerin.");
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "1706-12-17");
  assert_field (c, BZW_FIELD_EMAIL, "emilie@example.fr", "work", 0);
  assert_field (c, BZW_FIELD_PHONE, "+33 6 12 34 56 78", "mobile", 0);
  assert_categories (card, "Wissenschaft", "Alumni", NULL);
  g_assert_true (extra_has_line (c, "X-EVOLUTION-FILE-AS:du Châtelet\\, Émilie"));
  g_assert_true (extra_has_line (c, "LABEL;TYPE=HOME:12 rue de la Paix\\nParis 75002\\nFrance"));
  g_assert_true (extra_has_line (c, "X-EVOLUTION-BLOG-URL:https://emilie.example/blog"));
}

static void
test_mixed (void)
{
  g_autoptr(BzwParseResult) result = parse_file ("mixed.vcf");
  BzwContact *c;

  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->cards->len, ==, 7);

  /* BOM, folded BEGIN and END, a date-time in UTC. */
  c = find_card (result, "Anna Eins")->contact;
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "1990-01-02");
  c = find_card (result, "Zwei Bernd")->contact;
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "1985-12-15");
  c = find_card (result, "Drei Clara")->contact;
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "--02-29");
  c = find_card (result, "Vier Dora")->contact;
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "--12-24");
  /* No shift through the time zone. */
  c = find_card (result, "Fuenf Emil")->contact;
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, "1970-07-07");
  /* A date that is not one is kept as it was. */
  c = find_card (result, "Frieda Sechs")->contact;
  g_assert_null (bzw_contact_get_birthday (c));
  g_assert_cmpstr (bzw_contact_get_extra (c), ==, "BDAY:circa 1900");
  c = find_card (result, "Nur Firma GmbH")->contact;
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "Nur Firma GmbH");
  g_assert_null (bzw_contact_get_display_name (c));
}

static void
test_broken (void)
{
  g_autoptr(BzwParseResult) result = parse_file ("broken.vcf");
  const guint expected_lines[] = { 5, 16, 18, 27 };
  BzwContact *c;

  g_assert_cmpuint (result->cards->len, ==, 3);
  find_card (result, "Gut Eins");
  c = find_card (result, "Gut Zwei")->contact;
  assert_field (c, BZW_FIELD_EMAIL, "gut2@example.org", NULL, 0);
  /* An e-mail without "@" is kept, not thrown away and not imported as one. */
  c = find_card (result, "Gut Drei")->contact;
  g_assert_cmpuint (count_fields (c, BZW_FIELD_EMAIL), ==, 0);
  g_assert_cmpstr (bzw_contact_get_extra (c), ==, "EMAIL:keine-adresse");

  g_assert_cmpuint (result->problems->len, ==, G_N_ELEMENTS (expected_lines));
  g_assert_cmpuint (bzw_parse_result_count_skipped (result), ==, G_N_ELEMENTS (expected_lines));
  for (guint i = 0; i < G_N_ELEMENTS (expected_lines); i++)
    {
      BzwParseProblem *problem = g_ptr_array_index (result->problems, i);

      g_assert_cmpuint (problem->line, ==, expected_lines[i]);
      g_assert_true (problem->skipped);
      g_assert_cmpuint (strlen (problem->message), >, 0);
    }
}

static BzwParseResult *
parse_string (const char *text)
{
  return bzw_vcard_reader_parse (text, strlen (text));
}

static void
test_params (void)
{
  g_autoptr(BzwParseResult) result =
    parse_string ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P\r\n"
                  "TEL;type=WORK;type=pref:1\r\n"
                  "TEL;TYPE=\"home,fax\":2\r\n"
                  "TEL;PREF=2;TYPE=cell:3\r\n"
                  "TEL;TYPE=x-Büro:4\r\n"
                  "EMAIL;TYPE=INTERNET,OTHER:a@b.example\r\n"
                  "X-CUSTOM;X-PARAM=\"a,b;c:d\";TYPE=one,two:value\\, with comma\r\n"
                  "END:VCARD\r\n");
  BzwContact *c = find_card (result, "P")->contact;

  assert_field (c, BZW_FIELD_PHONE, "1", "work", 1);
  assert_field (c, BZW_FIELD_PHONE, "2", "home fax", 0);
  assert_field (c, BZW_FIELD_PHONE, "3", "mobile", 2);
  assert_field (c, BZW_FIELD_PHONE, "4", "Büro", 0);
  assert_field (c, BZW_FIELD_EMAIL, "a@b.example", "other", 0);
  g_assert_cmpstr (bzw_contact_get_extra (c), ==, "X-CUSTOM;X-PARAM=\"a,b;c:d\";TYPE=one,two:value\\, with comma");
}

static void
test_escaping (void)
{
  g_autoptr(BzwParseResult) result =
    parse_string ("BEGIN:VCARD\nVERSION:4.0\n"
                  "FN:Anna\\, die Erste\n"
                  "N:Muster\\;frau;Anna\\,Maria;;;\n"
                  "ORG:ACME\\, Inc.;R\\;D\n"
                  "NICKNAME:Anni,Nana\n"
                  "CATEGORIES:A\\,B,C\n"
                  "NOTE:Zeile 1\\nZeile 2\\NZeile 3\\\\Ende\n"
                  "TEL:+49 (0) 30, Durchwahl 5\n"
                  "END:VCARD\n");
  BzwParsedCard *card = find_card (result, "Anna, die Erste");
  BzwContact *c = card->contact;

  g_assert_cmpstr (bzw_contact_get_family_name (c), ==, "Muster;frau");
  g_assert_cmpstr (bzw_contact_get_given_name (c), ==, "Anna,Maria");
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "ACME, Inc.");
  g_assert_cmpstr (bzw_contact_get_department (c), ==, "R;D");
  g_assert_cmpstr (bzw_contact_get_nickname (c), ==, "Anni, Nana");
  g_assert_cmpstr (bzw_contact_get_notes (c), ==, "Zeile 1\nZeile 2\nZeile 3\\Ende");
  assert_field (c, BZW_FIELD_PHONE, "+49 (0) 30, Durchwahl 5", NULL, 0);
  assert_categories (card, "A,B", "C", NULL);
}

static void
test_photo_shapes (void)
{
  g_autoptr(BzwParseResult) result = NULL;
  g_autoptr(GString) big = g_string_new ("BEGIN:VCARD\r\nFN:Big\r\nPHOTO;ENCODING=b:");
  g_autofree char *b64 = NULL;

  result = parse_string ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nPHOTO:DATA:image/gif\\;BASE64\\,R0lGODlh\r\nEND:VCARD\r\n"
                         "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:B\r\nPHOTO;MEDIATYPE=image/png:data:image/png,%89PNG\r\nEND:VCARD\r\n"
                         "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:C\r\nPHOTO;VALUE=uri:http://example.org/c.jpg\r\nEND:VCARD\r\n"
                         "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:D\r\nPHOTO;VALUE=URL;TYPE=JPEG:file:///tmp/d.jpg\r\nEND:VCARD\r\n");
  g_assert_cmpuint (result->cards->len, ==, 4);
  g_assert_cmpuint (g_bytes_get_size (bzw_contact_get_photo (find_card (result, "A")->contact)), ==, 6);
  g_assert_cmpmem (g_bytes_get_data (bzw_contact_get_photo (find_card (result, "A")->contact), NULL), 6,
                   "GIF89a", 6);
  g_assert_cmpmem (g_bytes_get_data (bzw_contact_get_photo (find_card (result, "B")->contact), NULL), 4,
                   "\x89PNG", 4);
  g_assert_cmpstr (bzw_contact_get_photo_uri (find_card (result, "C")->contact), ==, "http://example.org/c.jpg");
  g_assert_null (bzw_contact_get_photo (find_card (result, "C")->contact));
  g_assert_cmpstr (bzw_contact_get_photo_uri (find_card (result, "D")->contact), ==, "file:///tmp/d.jpg");
  g_clear_pointer (&result, bzw_parse_result_unref);

  /* A photo over the limit is left out and reported; the card stays. */
  for (gsize i = 0; i < (BZW_VCARD_MAX_PHOTO_SIZE / 3 + 10) * 4 / 76 + 1; i++)
    g_string_append (big, "\r\n AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  g_string_append (big, "\r\nEND:VCARD\r\n");
  result = bzw_vcard_reader_parse (big->str, big->len);
  g_assert_cmpuint (result->cards->len, ==, 1);
  g_assert_null (bzw_contact_get_photo (find_card (result, "Big")->contact));
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_false (((BzwParseProblem *) g_ptr_array_index (result->problems, 0))->skipped);
  g_assert_cmpuint (((BzwParseProblem *) g_ptr_array_index (result->problems, 0))->line, ==, 3);
}

static void
test_qp_edge (void)
{
  /* A quoted-printable value ending in "=" does not swallow END:VCARD. */
  g_autoptr(BzwParseResult) result =
    parse_string ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Q\r\nNOTE;QUOTED-PRINTABLE:a=3Db=\r\nEND:VCARD\r\n"
                  "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=WINDOWS-1252;QUOTED-PRINTABLE:Z=FCrich\r\nEND:VCARD\r\n");

  g_assert_cmpuint (result->cards->len, ==, 2);
  g_assert_cmpstr (bzw_contact_get_notes (find_card (result, "Q")->contact), ==, "a=b");
  find_card (result, "Zürich");
}

/* Any run of CR and LF ends one line, also inside a folded value; the
 * line numbers count as an editor shows them.
 */
static void
test_line_end_runs (void)
{
  g_autoptr(BzwParseResult) result =
    parse_string ("BEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:Iris\r\r\nNOTE:eins\r\r\n  zwei\r\r\n"
                  "PHOTO;ENCODING=b;TYPE=GIF:R0lG\r\r\n ODlh\r\r\nEND:VCARD\r\r\n"
                  "\n\nBEGIN:VCARD\rFN:Jan\rEND:VCARD\r");
  BzwContact *iris;

  g_assert_cmpuint (result->cards->len, ==, 2);
  g_assert_cmpuint (result->problems->len, ==, 0);
  iris = find_card (result, "Iris")->contact;
  g_assert_cmpstr (bzw_contact_get_notes (iris), ==, "eins zwei");
  g_assert_cmpmem (g_bytes_get_data (bzw_contact_get_photo (iris), NULL),
                   g_bytes_get_size (bzw_contact_get_photo (iris)), "GIF89a", 6);
  g_assert_null (bzw_contact_get_extra (iris));
  g_assert_cmpuint (find_card (result, "Jan")->line, ==, 11);
}

/* An unknown escape "\x" is "x"; a structured ORG keeps its units. */
static void
test_unknown_escapes (void)
{
  g_autoptr(BzwParseResult) result =
    parse_string ("BEGIN:VCARD\nVERSION:3.0\nFN:Kim\n"
                  "NOTE:Sagt \\\"ja\\\"\\: gern\\!\n"
                  "URL:https\\://example.org/a\\=b\n"
                  "ORG:Firma\\, Nord;Einkauf;;Team 2\n"
                  "END:VCARD\n");
  BzwContact *c = find_card (result, "Kim")->contact;

  g_assert_cmpstr (bzw_contact_get_notes (c), ==, "Sagt \"ja\": gern!");
  assert_field (c, BZW_FIELD_URL, "https://example.org/a=b", NULL, 0);
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, "Firma, Nord");
  g_assert_cmpstr (bzw_contact_get_department (c), ==, "Einkauf; Team 2");

  /* In vCard 2.1 a backslash that escapes nothing known is text. */
  g_clear_pointer (&result, bzw_parse_result_unref);
  result = parse_string ("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Lu\r\n"
                         "NOTE:Ablage unter C:\\Daten\\Kunden\\; Ordner 2\r\nEND:VCARD\r\n");
  g_assert_cmpstr (bzw_contact_get_notes (find_card (result, "Lu")->contact), ==,
                   "Ablage unter C:\\Daten\\Kunden; Ordner 2");
}

/* Every prefix of every corpus file parses without harm. */
static void
test_truncated (void)
{
  const char *files[] = { "google.vcf", "apple.vcf", "outlook.vcf", "nextcloud.vcf",
                          "thunderbird.vcf", "evolution.vcf", "mixed.vcf", "broken.vcf" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GBytes) bytes = load_data_file (files[f]);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      for (gsize n = 0; n <= length; n += 1 + n / 64)
        {
          char *copy = g_memdup2 (data, n);
          BzwParseResult *result = bzw_vcard_reader_parse (copy, n);

          g_assert_nonnull (result);
          bzw_parse_result_unref (result);
          g_free (copy);
        }
    }
}

/* A file large enough to be read in two halves at once (see
 * bzw-vcard-parallel.c), with cards without END:VCARD, cards with a broken
 * line, line ends of CR CR LF and blank lines between cards: it reads as
 * one thread reads it, and the problems name the lines and cards written.
 */
static void
test_parallel_halves (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) problem_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) problem_cards = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(BzwParseResult) parallel = NULL;
  g_autoptr(BzwParseResult) serial = bzw_parse_result_new ();
  guint line = 0;
  guint n_read = 0;

  for (guint i = 0; i < 6000; i++)
    {
      const char *end = i % 3 == 0 ? "\r\r\n" : "\r\n";
      guint begin = line + 1;

      g_string_append_printf (text, "BEGIN:VCARD%sVERSION:3.0%sFN:Person %u%s", end, end, i, end);
      g_string_append_printf (text, "NOTE:Eine l\r\n ängere Notiz\\, gefaltet%s", end);
      line += 5;
      if (i % 11 == 5)
        {
          g_string_append_printf (text, "KAPUTT OHNE DOPPELPUNKT%s", end);
          line++;
          /* Without its END:VCARD only that is reported. */
          if (i % 7 != 3)
            {
              g_array_append_val (problem_lines, line);
              g_array_append_val (problem_cards, (guint) { i + 1 });
            }
        }
      if (i % 7 == 3)
        {
          g_array_append_val (problem_lines, begin);
          g_array_append_val (problem_cards, (guint) { i + 1 });
          continue;
        }
      g_string_append_printf (text, "END:VCARD%s", end);
      line++;
      if (i % 5 == 0)
        {
          g_string_append (text, "\r\n\n");
          line += 2;
        }
      if (i % 11 != 5)
        n_read++;
    }
  g_assert_cmpuint (text->len, >, 512 * 1024);

  parallel = bzw_vcard_reader_parse (text->str, text->len);
  _bzw_vcard_parse_range (serial, text->str, text->len, 0);

  g_assert_cmpuint (parallel->cards->len, ==, n_read);
  g_assert_cmpuint (serial->cards->len, ==, n_read);
  for (guint i = 0; i < n_read; i++)
    {
      BzwParsedCard *a = g_ptr_array_index (parallel->cards, i);
      BzwParsedCard *b = g_ptr_array_index (serial->cards, i);

      g_assert_cmpuint (a->line, ==, b->line);
      g_assert_cmpstr (bzw_contact_get_display_name (a->contact), ==,
                       bzw_contact_get_display_name (b->contact));
      g_assert_cmpstr (bzw_contact_get_notes (a->contact), ==, "Eine längere Notiz, gefaltet");
    }

  g_assert_cmpuint (parallel->problems->len, ==, problem_lines->len);
  g_assert_cmpuint (serial->problems->len, ==, problem_lines->len);
  for (guint i = 0; i < problem_lines->len; i++)
    {
      BzwParseProblem *a = g_ptr_array_index (parallel->problems, i);
      BzwParseProblem *b = g_ptr_array_index (serial->problems, i);

      g_assert_cmpuint (a->line, ==, g_array_index (problem_lines, guint, i));
      g_assert_cmpuint (a->card, ==, g_array_index (problem_cards, guint, i));
      g_assert_cmpuint (b->line, ==, a->line);
      g_assert_cmpuint (b->card, ==, a->card);
      g_assert_cmpstr (a->message, ==, b->message);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_true (a->skipped);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/vcard-reader/google", test_google);
  g_test_add_func ("/io/vcard-reader/apple", test_apple);
  g_test_add_func ("/io/vcard-reader/outlook", test_outlook);
  g_test_add_func ("/io/vcard-reader/nextcloud", test_nextcloud);
  g_test_add_func ("/io/vcard-reader/thunderbird", test_thunderbird);
  g_test_add_func ("/io/vcard-reader/evolution", test_evolution);
  g_test_add_func ("/io/vcard-reader/mixed", test_mixed);
  g_test_add_func ("/io/vcard-reader/broken", test_broken);
  g_test_add_func ("/io/vcard-reader/params", test_params);
  g_test_add_func ("/io/vcard-reader/escaping", test_escaping);
  g_test_add_func ("/io/vcard-reader/photo-shapes", test_photo_shapes);
  g_test_add_func ("/io/vcard-reader/qp-edge", test_qp_edge);
  g_test_add_func ("/io/vcard-reader/line-end-runs", test_line_end_runs);
  g_test_add_func ("/io/vcard-reader/unknown-escapes", test_unknown_escapes);
  g_test_add_func ("/io/vcard-reader/truncated", test_truncated);
  g_test_add_func ("/io/vcard-reader/parallel-halves", test_parallel_halves);

  return g_test_run ();
}
