/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Cards shaped like the exports of Android, BlackBerry, Evolution, Gmail,
 * iPhone, Lotus Notes, Mac Address Book and Outlook (tests/io/data/real-*,
 * written for these tests).  Each goes through a real store: imported,
 * exported, imported into a second store and exported again, and is checked
 * field by field after every step.
 */

#include "config.h"

#include "bzw-importer.h"
#include "bzw-store.h"
#include "bzw-vcard-writer.h"

#include "io-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>

typedef struct
{
  const char *file;
  const char *display_name;
  const char *family_name;
  const char *given_name;
  const char *organisation;
  const char *department;
  const char *role;
  const char *birthday;
  const char *note;
  const char *photo;      /* a file of tests/io/data, or NULL */
  const char *photo_uri;
  const char *emails[3];
  const char *phones[4];
  const char *address;    /* the seven parts, split by "|" */
  const char *kept[4];    /* lines of "extra", as they are exported */
  const char *grouped[6]; /* lines the export has with their Apple group */
} Sample;

static const Sample samples[] = {
  /* Apple's groups: "item3.X-ABADR" (the address format) belongs to
   * "item3.ADR", a custom label to the property of its group.
   */
  { "real-apple-groups.vcf", "Regula Zbinden", "Zbinden", "Regula",
    "Zbinden Treuhand AG", "Steuern", "Treuhänderin", "1974-10-03",
    "Kennt die Steuerregeln beider Länder.", NULL, NULL,
    { "regula@zbinden-treuhand.example", "regula.z@bluewin.example" },
    { "+41 79 555 12 34", "+41 31 555 98 76" },
    "||Spitalgasse 14|Bern|BE|3011|Schweiz",
    { "item3.X-ABADR:ch", "X-ABShowAs:PERSON" },
    { "item1.EMAIL;PREF=1:regula@zbinden-treuhand.example", "item1.X-ABLabel:Kanzlei",
      "item2.TEL:+41 31 555 98 76", "item2.X-ABLabel:Sekretariat",
      "item3.ADR;TYPE=work;PREF=1:;;Spitalgasse 14;Bern;BE;3011;Schweiz",
      "item6.X-ABLabel:Kanzleigründung" } },
  { "real-android-21.vcf", "Jörg Müller", "Müller", "Jörg",
    "Bäckerei Sonnenschein", "Vertrieb", "Vertriebsleiter", "1979-04-23",
    "Kennt den Bio-Großhändler.\nMag keinen Kaffee.", "photo-24.jpg", NULL,
    { "joerg.mueller@example.net", "j.mueller@baeckerei.example" },
    { "+49 170 1234567", "+49 30 987654" },
    "||Hauptstraße 5|Potsdam|Brandenburg|14467|Deutschland",
    { "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Jörgi;1;;;;;;;;;;;;;" } },
  { "real-blackberry.vcf", "Ewa Kowalski", "Kowalski", "Ewa",
    "Spedition Ostwind", "Disposition", "Disponentin", "1985-07-01",
    "Ruft meist vormittags an, lieber per Mail.", NULL, "https://bb.example/photos/ewa.jpg",
    { "ewa.kowalski@ostwind.example", "ewa.k@mail.example" },
    { "+49 40 5550100", "+49 151 5550199", "+49 40 5550101" },
    "||Am Hafen 7|Hamburg||20457|Deutschland",
    { "X-BB-RINGTONE:Klingelton 3" } },
  { "real-evolution-30.vcf", "Lena Brandt", "Brandt", "Lena",
    "Universität Nordstadt", "Fakultät Informatik; Lehrstuhl Netze", "Professorin", "1972-11-05",
    "Promoviert über Routing; betreut Abschlussarbeiten.\nSprechstunde: Di, 14 Uhr.", "photo-16.png", NULL,
    { "lena.brandt@uni-nordstadt.example", "lena@brandt.example" },
    { "+49 531 391 0", "+49 160 7654321" },
    "|Raum 2.14|Mühlenpfordtstraße 23|Braunschweig|Niedersachsen|38106|Deutschland",
    { "TITLE:Studiendekanin", "ROLE:Gutachterin", "X-JABBER;X-EVOLUTION-UI-SLOT=1:lena@jabber.example",
      "X-EVOLUTION-FILE-AS:Brandt\\, Lena" } },
  { "real-gmail.vcf", "Sophie Laurent", "Laurent", "Sophie",
    "Atelier Laurent", "Keramik", "Inhaberin", "--06-15",
    "Sagt immer \"à bientôt\" – Termine: nur dienstags.", NULL,
    "https://lh3.googleusercontent.example/a/photo-sophie",
    { "sophie.laurent@gmail.example", "sophie@atelier-laurent.example" },
    { "+33 6 12 34 56 78", "+49 221 5550123" },
    "||12 rue des Lilas|Lyon||69003|France",
    { "X-PHONETIC-FIRST-NAME:So-fi" } },
  { "real-iphone.vcf", "Deniz Ünal", "Ünal", "Deniz",
    "Ünal Zahntechnik", "Labor", "Zahntechnikermeister", "1988-02-29",
    "Immer freundlich.\nRückruf am besten abends.", "photo-24.jpg", NULL,
    { "deniz.uenal@icloud.example", "labor@uenal-zahntechnik.example" },
    { "+49 172 5550333", "+49 421 5550334" },
    "||Am Markt 3|Bremen||28195|Deutschland",
    { "X-SOCIALPROFILE;type=linkedin;x-user=denizuenal:https://www.linkedin.com/in/denizuenal",
      "item2.X-ABADR:de" },
    { "item2.ADR;TYPE=home;PREF=1:;;Am Markt 3;Bremen;;28195;Deutschland", "item1.X-ABLabel:Labor" } },
  { "real-lotus-notes.vcf", "Dr.-Ing. Karin Schmidt", "Schmidt", "Karin",
    "Stadtwerke Nord GmbH", "Netzbetrieb", "Abteilungsleiterin", "1970-01-31",
    "Zuständig für die Netzplanung im Norden. Bitte Anfragen immer schriftlich stellen.", NULL, NULL,
    { "karin.schmidt@stadtwerke-nord.example" },
    { "+49 431 5550200", "+49 431 5550209" },
    "||Deichstraße 2|Kiel|Schleswig-Holstein|24103|Germany",
    { "X-LOTUS-CHILD:Tom", "TZ:+01:00", "GEO:54.3233;10.1228" } },
  { "real-mac-addressbook.vcf", "Paula Grün", "Grün", "Paula",
    "Atelier Grün", "Gestaltung", "Gestalterin", "1990-10-03",
    "Macht unsere Plakate.", "photo-16.png", NULL,
    { "paula@atelier-gruen.example" },
    { "+49 341 5550444", "+49 176 5550445" },
    "Postfach 12|Hinterhaus|Lindenallee 4|Leipzig|Sachsen|04109|Deutschland",
    { "ROLE:Inhaberin", "X-ABShowAs:COMPANY", "X-ABUID:0C7A1B2D-3E4F-4A5B-8C6D-7E8F9A0B1C2D:ABPerson" } },
  { "real-outlook-21.vcf", "Günther Weiß", "Weiß", "Günther",
    "Müller & Söhne KG", "Buchhaltung", "Prokurist", "1964-03-12",
    "Zahlt pünktlich.\n\nImmer per Überweisung – nie bar.", "photo-24.jpg", NULL,
    { "g.weiss@mueller-soehne.example" },
    { "+49 211 5550500", "+49 171 5550501" },
    "||Königsallee 10|Düsseldorf||40212|Deutschland",
    { "X-MS-OL-DEFAULT-POSTAL-ADDRESS:2", "LABEL;TYPE=WORK;TYPE=PREF:Königsallee 10\\n40212 Düsseldorf" } },
};

static BzwStore *
open_store (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  BzwStore *store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static BzwContact *
only_contact (BzwStore *store)
{
  BzwContactQuery all = { .include_archived = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = bzw_store_list_contact_ids (store, &all, &error);
  BzwContact *contact;

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  contact = bzw_store_dup_contact (store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  return contact;
}

static void
check_sample (const Sample *s,
              BzwContact   *c)
{
  g_auto(GStrv) parts = g_strsplit (s->address, "|", -1);
  g_autofree char *address = g_strjoinv (BZW_ADDRESS_SEPARATOR, parts);
  guint n_emails = 0;
  guint n_phones = 0;

  g_test_message ("%s: %s", s->file, s->display_name);
  g_assert_cmpstr (bzw_contact_get_display_name (c), ==, s->display_name);
  g_assert_cmpstr (bzw_contact_get_family_name (c), ==, s->family_name);
  g_assert_cmpstr (bzw_contact_get_given_name (c), ==, s->given_name);
  g_assert_cmpstr (bzw_contact_get_organisation (c), ==, s->organisation);
  g_assert_cmpstr (bzw_contact_get_department (c), ==, s->department);
  g_assert_cmpstr (bzw_contact_get_role (c), ==, s->role);
  g_assert_cmpstr (bzw_contact_get_birthday (c), ==, s->birthday);
  g_assert_cmpstr (bzw_contact_get_notes (c), ==, s->note);
  g_assert_cmpstr (bzw_contact_get_photo_uri (c), ==, s->photo_uri);

  if (s->photo != NULL)
    {
      g_autoptr(GBytes) photo = load_data_file (s->photo);

      g_assert_nonnull (bzw_contact_get_photo (c));
      g_assert_true (g_bytes_equal (bzw_contact_get_photo (c), photo));
    }
  else
    g_assert_null (bzw_contact_get_photo (c));

  for (; n_emails < G_N_ELEMENTS (s->emails) && s->emails[n_emails] != NULL; n_emails++)
    g_assert_nonnull (find_field (c, BZW_FIELD_EMAIL, s->emails[n_emails]));
  g_assert_cmpuint (count_fields (c, BZW_FIELD_EMAIL), ==, n_emails);

  for (; n_phones < G_N_ELEMENTS (s->phones) && s->phones[n_phones] != NULL; n_phones++)
    g_assert_nonnull (find_field (c, BZW_FIELD_PHONE, s->phones[n_phones]));
  g_assert_cmpuint (count_fields (c, BZW_FIELD_PHONE), ==, n_phones);

  g_assert_nonnull (find_field (c, BZW_FIELD_ADDRESS, address));
  g_assert_cmpuint (count_fields (c, BZW_FIELD_ADDRESS), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (s->kept) && s->kept[i] != NULL; i++)
    if (!extra_has_line (c, s->kept[i]))
      g_error ("%s: “%s” not kept in\n%s", s->file, s->kept[i], bzw_contact_get_extra (c));
}

/* The export with its folds undone and without REV, which says when. */
static char *
export_unfolded (BzwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = bzw_vcard_writer_write_store (store, NULL, NULL, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == ' ')
        g_string_append (out, lines[i] + 1);
      else if (!g_str_has_prefix (lines[i], "REV:"))
        {
          if (out->len > 0)
            g_string_append_c (out, '\n');
          g_string_append (out, lines[i]);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
text_has_line (const char *text,
               const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static void
test_sample (gconstpointer data)
{
  const Sample *s = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bzw-real-world-XXXXXX", &error);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "io", "data", s->file, NULL);
  g_autofree char *export_path = g_build_filename (dir, "export.vcf", NULL);
  g_autoptr(BzwStore) first = open_store (dir, "first.db");
  g_autoptr(BzwStore) second = NULL;
  g_autoptr(BzwContact) imported = NULL;
  g_autoptr(BzwContact) again = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *export = NULL;
  g_autofree char *second_export = NULL;
  g_autoptr(BzwStore) third = NULL;
  g_autoptr(BzwImporter) importer = NULL;
  g_autoptr(BzwContact) from_v3 = NULL;
  g_autofree char *v3 = NULL;
  gsize v3_length = 0;
  BzwImportSummary summary = { 0 };

  /* Import */
  g_assert_true (bzw_importer_import_file (first, source, BZW_IMPORT_ACTION_MERGE, &summary, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (summary.failed, ==, 0);
  g_assert_cmpuint (problems->len, ==, 0);
  imported = only_contact (first);
  check_sample (s, imported);

  /* Export: what the app does not understand comes back as it was. */
  export = export_unfolded (first);
  for (guint i = 0; i < G_N_ELEMENTS (s->kept) && s->kept[i] != NULL; i++)
    if (!text_has_line (export, s->kept[i]))
      g_error ("%s: “%s” not exported in\n%s", s->file, s->kept[i], export);
  for (guint i = 0; i < G_N_ELEMENTS (s->grouped) && s->grouped[i] != NULL; i++)
    if (!text_has_line (export, s->grouped[i]))
      g_error ("%s: “%s” not exported with its group in\n%s", s->file, s->grouped[i], export);
  g_assert_true (bzw_vcard_export_store (first, NULL, export_path, &error));
  g_assert_no_error (error);

  /* Re-import into an empty store: the same contact, field by field. */
  second = open_store (dir, "second.db");
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_assert_true (bzw_importer_import_file (second, export_path, BZW_IMPORT_ACTION_MERGE, &summary, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (problems->len, ==, 0);
  again = only_contact (second);
  check_sample (s, again);
  assert_contacts_equal (imported, again, FALSE);

  /* And its export is the first one: nothing grows or is lost per trip. */
  second_export = export_unfolded (second);
  g_assert_cmpstr (second_export, ==, export);

  /* As vCard 3.0, for address books that read no 4.0: the same again. */
  third = open_store (dir, "third.db");
  v3 = bzw_vcard_writer_write_store_as (first, NULL, BZW_VCARD_VERSION_3_0, &v3_length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (v3, "\r\nVERSION:3.0\r\n"));
  g_assert_null (strstr (v3, "VERSION:4.0"));
  g_assert_null (strstr (v3, "PREF="));
  g_assert_null (strstr (v3, "ANNIVERSARY:"));
  g_assert_null (strstr (v3, "\r\nRELATED"));
  importer = bzw_importer_new (third);
  g_assert_true (bzw_importer_load_data (importer, v3, v3_length, "export-3.0.vcf", &error));
  g_assert_no_error (error);
  g_assert_true (bzw_importer_import (importer, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (bzw_importer_get_problems (importer)->len, ==, 0);
  from_v3 = only_contact (third);
  check_sample (s, from_v3);
  assert_contacts_equal (imported, from_v3, FALSE);

  g_clear_object (&importer);
  g_clear_object (&first);
  g_clear_object (&second);
  g_clear_object (&third);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          {
            g_autoptr(GDir) sub = g_dir_open (child, 0, NULL);
            const char *n;

            while (sub != NULL && (n = g_dir_read_name (sub)) != NULL)
              {
                g_autofree char *grandchild = g_build_filename (child, n, NULL);

                g_unlink (grandchild);
              }
            g_rmdir (child);
          }
        else
          g_unlink (child);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *name = g_strdup_printf ("/io/real-world/%s", samples[i].file);

      g_test_add_data_func (name, &samples[i], test_sample);
    }

  return g_test_run ();
}
