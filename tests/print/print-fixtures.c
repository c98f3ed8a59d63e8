/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "print-fixtures.h"

#define DAY 86400

const PrintFixtureCircle print_fixture_circles[] = {
  { "Familie", "#e01b24", 30 },
  { "Freunde", "#33d17a", 60 },
  { "Ehemalige Kollegen", "#3584e4", 180 },
  { "Kunden", "#ff7800", 90 },
  { "Empfehlungsgruppe", "#9141ac", 14 },
  { "Sportverein", "#986a44", 0 },
};
const guint print_fixture_n_circles = G_N_ELEMENTS (print_fixture_circles);

const PrintFixtureContact print_fixture_contacts[] = {
  { "Jürgen", "Weiß", "Müller & Söhne Steuerberatung", "Steuerberater",
    "j.weiss@mueller-soehne.de", "+49 30 1234567", "Kunden,Empfehlungsgruppe", 12, 0,
    "Kennt die halbe Handwerkskammer. Fragt nach Empfehlungen für Webdesign." },
  { "Ayşe", "Öztürk", "Öztürk Übersetzungen", "Inhaberin",
    "ayse@oeztuerk-uebersetzungen.de", "+49 221 998877", "Empfehlungsgruppe", 3, 0, NULL },
  { "Hans-Peter", "Straßburger", "Bäckerei an der Hauptstraße", "Bäckermeister",
    "hp@baeckerei-hauptstrasse.de", "+49 89 445566", "Sportverein,Freunde", 200, 0,
    "Trainiert die D-Jugend, dienstags und donnerstags." },
  { "Anna", "Becker", NULL, NULL,
    "anna.becker@posteo.de", "+49 170 2233445", "Familie", 20, 0, "Geburtstag im März – Geschenk besorgen." },
  { "Lukas", "Becker", NULL, "Student",
    "lukas.b@uni-koeln.de", NULL, "Familie", 45, 0, NULL },
  { "Gül", "Yılmaz", "Stadtwerke Köln", "Projektleiterin",
    "guel.yilmaz@stadtwerke.example", "+49 221 1717", "Ehemalige Kollegen", 400, 0, NULL },
  { "Björn", "Kühn", "Kühn Elektrotechnik GmbH", "Geschäftsführer",
    "bjoern@kuehn-elektro.de", "+49 40 5566778", "Kunden", 95, 0, NULL },
  { "Mareike", "Fuchs", "Agentur Fuchs & Hase", "Grafikdesignerin",
    "mareike@fuchs-und-hase.de", "+49 211 343434", "Empfehlungsgruppe,Freunde", 8, 0, NULL },
  { "Thomas", "Schäfer", "Volksbank Rhein-Ruhr", "Firmenkundenberater",
    "thomas.schaefer@vb-rhein-ruhr.de", "+49 203 909090", "Kunden", -1, 0, NULL },
  { "Sören", "Lindqvist", NULL, "Fotograf",
    "soeren@lindqvist-foto.se", "+46 8 123 456", NULL, 700, 365, "Nur online bekannt (Instagram)." },
  { "Käthe", "Jäger", "Seniorenbüro Ehrenfeld", "Ehrenamtliche",
    "kaethe.jaeger@t-online.de", "+49 221 554433", "Sportverein", 30, 0, NULL },
  { "Ümit", "Arslan", "Arslan Immobilien", "Makler",
    "u.arslan@arslan-immobilien.de", "+49 231 777888", "Empfehlungsgruppe", 15, 0, NULL },
  { "Clara", "Vogt", "Universität zu Köln", "Wissenschaftliche Mitarbeiterin",
    "clara.vogt@uni-koeln.de", NULL, "Ehemalige Kollegen,Freunde", 150, 0, NULL },
  { "Dr. Friederike", "von Schönberg-Lüdenscheid", "Schönberg-Lüdenscheid Rechtsanwälte Partnerschaft mbB",
    "Fachanwältin für Arbeitsrecht",
    "friederike.von.schoenberg-luedenscheid@kanzlei-schoenberg-luedenscheid.example", "+49 69 24 24 24 0",
    "Kunden", 60, 0, NULL },
  { "Oma", "Grete", NULL, NULL,
    NULL, "+49 5121 3344", "Familie", 40, 14, NULL },
  { "Paul", "Zimmermann", "Zimmermann Tischlerei", "Tischlermeister",
    "info@tischlerei-zimmermann.de", "+49 30 7654321", "Kunden,Sportverein", 25, 0, NULL },
  { "Ines", "Maaß", "Freie Journalistin", NULL,
    "ines.maass@mailbox.org", "+49 176 5566 7788", "Freunde", 70, 0, NULL },
  { "Eva", "Groß", "Stadtbibliothek", "Leiterin",
    "eva.gross@stadtbibliothek.example", NULL, NULL, 10, 0, NULL },
};
const guint print_fixture_n_contacts = G_N_ELEMENTS (print_fixture_contacts);

char *
print_fixture_name (const PrintFixtureContact *contact)
{
  return g_strdup_printf ("%s %s", contact->given, contact->family);
}

static gint64
save_circle (BzwStore                 *store,
             const PrintFixtureCircle *fixture,
             int                       position)
{
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(GError) error = NULL;

  bzw_circle_set_name (circle, fixture->name);
  bzw_circle_set_color (circle, fixture->color);
  bzw_circle_set_interval_ideal (circle, fixture->interval_days);
  bzw_circle_set_position (circle, position);
  bzw_store_save_circle (store, circle, &error);
  g_assert_no_error (error);

  return bzw_circle_get_id (circle);
}

static void
save_encounter (BzwStore   *store,
                gint64      contact_id,
                gint64      when,
                BzwChannel  channel)
{
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  g_autoptr(GError) error = NULL;

  bzw_encounter_set_happened_at (encounter, when);
  bzw_encounter_set_channel (encounter, channel);
  bzw_encounter_add_participant (encounter, contact_id, NULL);
  bzw_store_save_encounter (store, encounter, &error);
  g_assert_no_error (error);
}

/**
 * print_fixture_fill_small:
 *
 * Returns: (element-type gint64): the contact ids, in the order of the table
 */
GArray *
print_fixture_fill_small (BzwStore *store,
                          gint64    now)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 circle_ids[G_N_ELEMENTS (print_fixture_circles)];

  bzw_store_begin (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < print_fixture_n_circles; i++)
    circle_ids[i] = save_circle (store, &print_fixture_circles[i], i);

  for (guint i = 0; i < print_fixture_n_contacts; i++)
    {
      const PrintFixtureContact *f = &print_fixture_contacts[i];
      g_autoptr(BzwContact) contact = bzw_contact_new ();
      g_autoptr(GArray) circles = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 id;

      bzw_contact_set_given_name (contact, f->given);
      bzw_contact_set_family_name (contact, f->family);
      bzw_contact_set_organisation (contact, f->organisation);
      bzw_contact_set_role (contact, f->role);
      bzw_contact_set_notes (contact, f->notes);
      bzw_contact_set_interval_ideal (contact, f->interval_days);
      if (f->email != NULL)
        bzw_contact_add_field (contact, BZW_FIELD_EMAIL, "Arbeit", f->email);
      if (f->phone != NULL)
        bzw_contact_add_field (contact, BZW_FIELD_PHONE, "Büro", f->phone);
      if (i == 0)
        bzw_contact_add_field (contact, BZW_FIELD_PHONE, "mobil", "+49 171 9876543");

      if (f->circles != NULL)
        {
          g_auto(GStrv) names = g_strsplit (f->circles, ",", -1);

          for (guint n = 0; names[n] != NULL; n++)
            for (guint c = 0; c < print_fixture_n_circles; c++)
              if (g_strcmp0 (names[n], print_fixture_circles[c].name) == 0)
                g_array_append_val (circles, circle_ids[c]);
        }
      bzw_contact_set_circle_ids (contact, circles);

      /* Created a long time ago, so contacts never met are due. */
      bzw_contact_set_times (contact, now - 1000 * DAY, now - 1000 * DAY);
      bzw_store_save_contact (store, contact, &error);
      g_assert_no_error (error);

      id = bzw_contact_get_id (contact);
      g_array_append_val (ids, id);

      if (f->last_days_ago >= 0)
        {
          save_encounter (store, id, now - (gint64) (f->last_days_ago + 30) * DAY, BZW_CHANNEL_PHONE);
          save_encounter (store, id, now - (gint64) f->last_days_ago * DAY, BZW_CHANNEL_IN_PERSON);
        }
    }

  bzw_store_commit (store, &error);
  g_assert_no_error (error);

  return ids;
}

static const char * const given_names[] = {
  "Anna", "Jörg", "Ümit", "Lars", "Gül", "Björn", "Jana", "Timo", "Ines", "Sören",
  "Käthe", "Uwe", "Eva", "Ali", "Maik", "Lea", "Öykü", "Jens", "Mia", "Ömer",
};

static const char * const family_names[] = {
  "Weiß", "Groß", "Kühn", "Bär", "Vogt", "Lück", "Öz", "Maaß", "Fuß", "Süß",
  "Rühl", "Jäger", "Köhl", "Beck", "Nagel", "Åberg", "Çelik", "Wolf", "Lang", "Dörr",
};

static const char * const organisations[] = {
  "Müller & Söhne", "Stadtwerke Köln", "Bäckerei an der Hauptstraße", "Volksbank Rhein-Ruhr",
  "Universität zu Köln", "Kühn Elektrotechnik GmbH", NULL, NULL,
};

static const char * const roles[] = {
  "Geschäftsführerin", "Einkäufer", "Projektleiter", NULL, "Inhaber", NULL, "Beraterin",
};

char *
print_fixture_synthetic_name (guint i)
{
  return g_strdup_printf ("%s %s %05u",
                          given_names[i % G_N_ELEMENTS (given_names)],
                          family_names[(i / G_N_ELEMENTS (given_names) + i) % G_N_ELEMENTS (family_names)],
                          i);
}

char *
print_fixture_synthetic_email (guint i)
{
  /* Every seventh address is long enough to wrap in its column. */
  if (i % 7 == 3)
    return g_strdup_printf ("p%05u.vorname.nachname.mit.langem.zusatz@beispiel-unternehmen-mit-langem-namen.example", i);

  return g_strdup_printf ("kontakt%05u@example.org", i);
}

char *
print_fixture_synthetic_note (guint i)
{
  if (i % 5 != 0)
    return NULL;

  return g_strdup_printf ("Notizmarke%05u: Treffen auf der Messe, sprach über Förderprogramme "
                          "für Gründerinnen und wünscht sich eine Einführung bei der Straßenbahn-Genossenschaft.",
                          i);
}

/* A network of @n contacts with pseudo-random but reproducible data. */
void
print_fixture_fill_synthetic (BzwStore *store,
                              guint     n,
                              gint64    now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  gint64 circle_ids[G_N_ELEMENTS (print_fixture_circles)];

  bzw_store_begin (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < print_fixture_n_circles; i++)
    circle_ids[i] = save_circle (store, &print_fixture_circles[i], i);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BzwContact) contact = bzw_contact_new ();
      g_autoptr(GArray) circles = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *name = print_fixture_synthetic_name (i);
      g_autofree char *email = print_fixture_synthetic_email (i);
      g_autofree char *note = print_fixture_synthetic_note (i);
      g_autofree char *phone = g_strdup_printf ("+49 %u %07u", 30 + g_rand_int_range (rand, 0, 900),
                                                g_rand_int_range (rand, 0, 9999999));
      guint n_circles = g_rand_int_range (rand, 0, 3);

      bzw_contact_set_display_name (contact, name);
      bzw_contact_set_organisation (contact, organisations[g_rand_int_range (rand, 0, G_N_ELEMENTS (organisations))]);
      bzw_contact_set_role (contact, roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))]);
      bzw_contact_set_notes (contact, note);
      bzw_contact_add_field (contact, BZW_FIELD_EMAIL, NULL, email);
      bzw_contact_add_field (contact, BZW_FIELD_PHONE, "mobil", phone);

      for (guint c = 0; c < n_circles; c++)
        {
          gint64 id = circle_ids[g_rand_int_range (rand, 0, print_fixture_n_circles)];

          if (c == 0 || g_array_index (circles, gint64, 0) != id)
            g_array_append_val (circles, id);
        }
      bzw_contact_set_circle_ids (contact, circles);
      bzw_contact_set_times (contact, now - 800 * DAY, now - 800 * DAY);

      bzw_store_save_contact (store, contact, &error);
      g_assert_no_error (error);

      if (g_rand_int_range (rand, 0, 4) != 0)
        save_encounter (store, bzw_contact_get_id (contact),
                        now - (gint64) g_rand_int_range (rand, 1, 700) * DAY, BZW_CHANNEL_IN_PERSON);
    }

  bzw_store_commit (store, &error);
  g_assert_no_error (error);
}
