/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-briefing.h"
#include "bzw-demo.h"
#include "bzw-store-occasions.h"
#include "bzw-store.h"
#include "bzw-test-fixture.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

/* The meeting brief („Gesprächsvorbereitung“) as a reader sees it: the
 * example network in a real database file, a contact given talking
 * points, favours both ways, a photo and a shared contact, the brief written as a
 * real PDF and read back with poppler's pdfinfo and pdftotext (skipped
 * when poppler is missing).
 */

typedef struct
{
  BzwTestStore  db;
  char         *pdf_path;
  GDateTime    *now;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  bzw_test_store_open (&fixture->db, "brief.db");
  fixture->pdf_path = g_build_filename (fixture->db.dir, "Gesprächsvorbereitung.pdf", NULL);
  fixture->now = g_date_time_new_now_local ();
  g_assert_true (bzw_demo_fill (fixture->db.store, fixture->now, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->now, g_date_time_unref);
  g_clear_pointer (&fixture->pdf_path, g_free);
  bzw_test_store_close (&fixture->db);
}

/* Runs a poppler tool; FALSE (and the test skipped) when it is missing. */
static gboolean
run_tool (const char * const  *argv,
          char               **out)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      return FALSE;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return TRUE;
}

/* The text of the PDF as one line per line of the page; its pages. */
static char *
read_pdf (const char *path,
          int        *n_pages)
{
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *text_argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *info = NULL;
  char *text = NULL;
  const char *line;

  if (!run_tool (info_argv, &info) || !run_tool (text_argv, &text))
    return NULL;

  line = strstr (info, "\nPages:");
  g_assert_nonnull (line);
  *n_pages = atoi (line + strlen ("\nPages:"));
  g_assert_nonnull (strstr (info, "595.276 x 841.89"));
  return text;
}

/* The contact with the most relationships to other contacts. */
static gint64
best_connected (BzwStore *store)
{
  g_autoptr(GArray) ids = bzw_store_list_contact_ids (store, NULL, NULL);
  gint64 best = 0;
  guint most = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GPtrArray) relationships = bzw_store_list_relationships (store, id, NULL);

      if (relationships->len > most)
        {
          most = relationships->len;
          best = id;
        }
    }
  g_assert_cmpint (best, >, 0);
  return best;
}

/* A contact the relationships of @id lead to. */
static gint64
a_shared_contact (BzwStore *store,
                  gint64    id)
{
  g_autoptr(GPtrArray) relationships = bzw_store_list_relationships (store, id, NULL);
  BzwRelationship *relationship = g_ptr_array_index (relationships, 0);

  return bzw_relationship_get_a_id (relationship) == id ? bzw_relationship_get_b_id (relationship)
                                                        : bzw_relationship_get_a_id (relationship);
}

static void
add_point (BzwStore   *store,
           gint64      id,
           const char *text)
{
  g_autoptr(BzwTalkingPoint) point = bzw_talking_point_new ();
  g_autoptr(GError) error = NULL;

  bzw_talking_point_set_contact_id (point, id);
  bzw_talking_point_set_text (point, text);
  g_assert_true (bzw_store_save_talking_point (store, point, &error));
  g_assert_no_error (error);
}

/* An open favour: from the contact to me, or from me to the contact. */
static void
add_favour (BzwStore   *store,
            gint64      id,
            gboolean    from_them,
            const char *description,
            const char *due)
{
  g_autoptr(BzwFavour) favour = bzw_favour_new ();
  g_autoptr(GError) error = NULL;
  BzwParty them = { id, NULL };
  BzwParty me = BZW_PARTY_ME;

  bzw_favour_set_day (favour, "2026-11-02");
  bzw_favour_set_due (favour, due);
  bzw_favour_set_description (favour, description);
  bzw_favour_set_state (favour, BZW_FAVOUR_PROMISED);
  bzw_favour_set_direction (favour, BZW_FAVOUR_OFFERED);
  bzw_favour_set_from (favour, from_them ? &them : &me);
  bzw_favour_set_to (favour, from_them ? &me : &them);
  g_assert_true (bzw_store_save_favour (store, favour, &error));
  g_assert_no_error (error);
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A photo for @id: a PNG drawn here, a disc on a coloured square. */
static void
set_photo (BzwStore *store,
           gint64    id)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 200);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BzwContact) contact = bzw_store_dup_contact (store, id, NULL);
  g_autoptr(GError) error = NULL;

  cairo_set_source_rgb (cr, 0.9, 0.4, 0.1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_arc (cr, 100, 80, 40, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png_cb, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&png));
  bzw_contact_set_photo (contact, bytes);
  g_assert_true (bzw_store_save_contact (store, contact, &error));
  g_assert_no_error (error);
}

/* The images pdfimages finds in the PDF. */
static int
count_images (const char *path)
{
  const char *argv[] = { "pdfimages", "-list", path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  if (!run_tool (argv, &out))
    return -1;
  lines = g_strsplit (out, "\n", -1);
  /* Two lines of header; then one line per image. */
  return MAX ((int) g_strv_length (lines) - 3, 0);
}

static void
add_encounter (BzwStore   *store,
               gint64      id,
               gint64      when,
               const char *place,
               const char *notes)
{
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  g_autoptr(GError) error = NULL;

  bzw_encounter_set_happened_at (encounter, when);
  bzw_encounter_set_channel (encounter, BZW_CHANNEL_IN_PERSON);
  bzw_encounter_set_place (encounter, place);
  bzw_encounter_set_notes (encounter, notes);
  bzw_encounter_add_participant (encounter, id, NULL);
  g_assert_true (bzw_store_save_encounter (store, encounter, &error));
  g_assert_no_error (error);
}

static char *
write_and_read (Fixture *fixture,
                gint64   id,
                int     *n_pages)
{
  g_autoptr(BzwBriefing) briefing = bzw_briefing_new (fixture->db.store, id);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (bzw_briefing_load (briefing, fixture->now, &error));
  g_assert_no_error (error);
  g_assert_true (bzw_briefing_write_pdf (briefing, fixture->pdf_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->pdf_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  return read_pdf (fixture->pdf_path, n_pages);
}

/* pdftotext may break a line where the page does; compare without them. */
static gboolean
contains (const char *text,
          const char *needle)
{
  g_autoptr(GString) flat = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && flat->len > 0)
            g_string_append_c (flat, ' ');
          g_string_append_c (flat, *p);
          space = FALSE;
        }
    }
  return strstr (flat->str, needle) != NULL;
}

static void
test_demo_contact (Fixture       *fixture,
                   gconstpointer  data)
{
  BzwStore *store = fixture->db.store;
  gint64 id = best_connected (store);
  g_autofree char *name = bzw_store_dup_contact_name (store, id);
  g_autofree char *shared = bzw_store_dup_contact_name (store, a_shared_contact (store, id));
  g_autofree char *text = NULL;
  int n_pages = 0;

  add_point (store, id, "Nach der Ausstellung in Ehrenfeld fragen");
  add_favour (store, id, TRUE, "Kontakt zur Stadtbibliothek herstellen", "2026-12-20");
  add_favour (store, id, FALSE, "Angebot für die Website durchsehen", NULL);
  set_photo (store, id);
  add_encounter (store, id, g_date_time_to_unix (fixture->now) - 3600, "Café Lotte",
                 "Über den Umzug nach Ehrenfeld gesprochen");
  add_encounter (store, id, g_date_time_to_unix (fixture->now) + 5 * 86400, "Stadtbibliothek", NULL);

  text = write_and_read (fixture, id, &n_pages);
  if (text == NULL)
    return;

  g_assert_cmpint (n_pages, ==, 1);
  g_assert_true (contains (text, name));
  g_assert_true (contains (text, "Nach der Ausstellung in Ehrenfeld fragen"));
  g_assert_true (contains (text, "Kontakt zur Stadtbibliothek herstellen"));
  g_assert_true (contains (text, "Angebot für die Website durchsehen"));
  g_assert_true (contains (text, shared));
  /* The newest encounter first with its notes; the plan in the header. */
  g_assert_true (contains (text, "Café Lotte"));
  g_assert_true (contains (text, "Über den Umzug nach Ehrenfeld gesprochen"));
  g_assert_true (contains (text, g_dpgettext2 (GETTEXT_PACKAGE, "encounter", "Planned")));
  g_assert_true (contains (text, "Stadtbibliothek"));
  /* The photo is on the page; without one there is none. */
  g_assert_cmpint (count_images (fixture->pdf_path), ==, 1);
}

/* Far more than fits stays on one page and says how much was left out. */
static void
test_full_page (Fixture       *fixture,
                gconstpointer  data)
{
  BzwStore *store = fixture->db.store;
  gint64 id = best_connected (store);
  g_autofree char *text = NULL;
  g_autofree char *more = NULL;
  int n_pages = 0;

  for (int i = 0; i < 20; i++)
    {
      g_autofree char *point = g_strdup_printf ("Gesprächspunkt Nummer %d mit etwas mehr Text, "
                                                "damit die Zeile auch einmal umbricht", i);
      g_autofree char *favour = g_strdup_printf ("Gefallen Nummer %d", i);

      add_point (store, id, point);
      add_favour (store, id, i % 2 == 0, favour, "2027-01-15");
    }

  text = write_and_read (fixture, id, &n_pages);
  if (text == NULL)
    return;

  g_assert_cmpint (n_pages, ==, 1);
  g_assert_cmpint (count_images (fixture->pdf_path), ==, 0);
  g_assert_true (contains (text, "Gesprächspunkt Nummer 0"));
  g_assert_false (contains (text, "Gesprächspunkt Nummer 19"));
  /* Eight of the twenty talking points are shown. */
  more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", 12), 12);
  g_assert_true (contains (text, more));
}

static void
test_find_contact (Fixture       *fixture,
                   gconstpointer  data)
{
  BzwStore *store = fixture->db.store;
  gint64 id = best_connected (store);
  g_autofree char *name = bzw_store_dup_contact_name (store, id);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (bzw_briefing_find_contact (store, id_text, &error), ==, id);
  g_assert_cmpint (bzw_briefing_find_contact (store, name, &error), ==, id);
  g_assert_no_error (error);

  g_assert_cmpint (bzw_briefing_find_contact (store, "Niemand Unbekannt", &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (bzw_briefing_find_contact (store, "999999", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
}

/* A contact that is gone: no brief, and no file. */
static void
test_gone (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(BzwBriefing) briefing = bzw_briefing_new (fixture->db.store, 999999);
  g_autoptr(GError) error = NULL;

  g_assert_false (bzw_briefing_load (briefing, fixture->now, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (fixture->pdf_path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/print/briefing/demo-contact", test_demo_contact);
  ADD ("/print/briefing/full-page", test_full_page);
  ADD ("/print/briefing/find-contact", test_find_contact);
  ADD ("/print/briefing/gone", test_gone);
#undef ADD

  ret = g_test_run ();
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return ret;
}
