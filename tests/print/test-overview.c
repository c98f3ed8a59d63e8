/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Longer than 800 lines: the printed overview's cases (options,
 * pagination, painting, the PDF read back with poppler) in one program
 * with one fixture; each case is a test path of its own (/print/…).
 */

#include "config.h"

#include "bzw-demo.h"
#include "bzw-due.h"
#include "bzw-keep-in-touch.h"
#include "bzw-overview-renderer.h"
#include "bzw-store.h"
#include "print-fixtures.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

/* The printed overview is checked the way a reader sees it: written as a
 * real PDF from a real store, then read back with poppler's pdfinfo and
 * pdftotext (skipped when poppler is missing).
 *
 * Tests run in en_US without translations, so the strings of the page
 * frame (title, "Page X of Y") are looked up through the same gettext
 * calls the renderer makes: the assertion holds whether or not a
 * translation is loaded, and still fails when a page lacks its header or
 * footer.  One test then runs in a subprocess with de_DE.UTF-8 and the
 * catalogue of this build (po/ in the build dir) bound, and checks the
 * German words literally: „Kontaktübersicht“, „Seite 1 von N“, „5. März 2026“.
 */

#define DAY 86400

typedef struct
{
  char     *dir;
  char     *db_path;
  char     *pdf_path;
  BzwStore *store;
  gint64    now;
} Fixture;

typedef struct
{
  GPtrArray *pages;   /* text of each page, from pdftotext -layout */
  int        n_pages;
  double     width;
  double     height;
} Pdf;

static void
pdf_clear (Pdf *pdf)
{
  g_clear_pointer (&pdf->pages, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pdf, pdf_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("bzw-print-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->pdf_path = g_build_filename (fixture->dir, "Übersicht.pdf", NULL);
  fixture->store = bzw_store_open (fixture->db_path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->now = g_get_real_time () / G_USEC_PER_SEC;
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
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->pdf_path);
}

/* Runs a poppler tool; FALSE (and the test skipped) when it is missing. */
static gboolean
run_tool (const char * const  *argv,
          char               **out)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", argv[0]);

      g_test_skip (message);
      return FALSE;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return TRUE;
}

static gboolean
read_pdf (const char *path,
          Pdf        *pdf)
{
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *text_argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  const char *line;
  char *end = NULL;

  if (!run_tool (info_argv, &info) || !run_tool (text_argv, &text))
    return FALSE;

  g_assert_true (g_utf8_validate (text, -1, NULL));

  line = strstr (info, "\nPages:");
  g_assert_nonnull (line);
  pdf->n_pages = atoi (line + strlen ("\nPages:"));

  line = strstr (info, "\nPage size:");
  g_assert_nonnull (line);
  /* Not sscanf (): the child of the German test reads with a decimal comma. */
  pdf->width = g_ascii_strtod (line + strlen ("\nPage size:"), &end);
  g_assert_true (g_str_has_prefix (end, " x "));
  pdf->height = g_ascii_strtod (end + 3, NULL);

  /* pdftotext ends every page with a form feed. */
  pages = g_strsplit (text, "\f", -1);
  pdf->pages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; pages[i] != NULL; i++)
    if (pages[i + 1] != NULL || pages[i][0] != '\0')
      g_ptr_array_add (pdf->pages, g_strdup (pages[i]));

  g_assert_cmpint (pdf->pages->len, ==, pdf->n_pages);

  return TRUE;
}

static guint
count_in (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;

  return n;
}

static guint
count_in_pdf (const Pdf  *pdf,
              const char *needle)
{
  guint n = 0;

  for (guint i = 0; i < pdf->pages->len; i++)
    n += count_in (g_ptr_array_index (pdf->pages, i), needle);

  return n;
}

/* The page that holds @needle, or -1. */
static int
page_of (const Pdf  *pdf,
         const char *needle)
{
  for (guint i = 0; i < pdf->pages->len; i++)
    if (strstr (g_ptr_array_index (pdf->pages, i), needle) != NULL)
      return i;

  return -1;
}

static void
assert_a4 (const Pdf *pdf)
{
  g_assert_cmpfloat_with_epsilon (pdf->width, 595.0, 1.0);
  g_assert_cmpfloat_with_epsilon (pdf->height, 842.0, 1.0);
}

/* Every page has the title and "Page X of Y", in whatever language the
 * renderer used.
 */
static void
assert_frame (const Pdf *pdf)
{
  const char *title = g_dgettext (GETTEXT_PACKAGE, "Contact Overview");

  for (guint i = 0; i < pdf->pages->len; i++)
    {
      const char *page = g_ptr_array_index (pdf->pages, i);
      g_autofree char *footer = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "Page %d of %d"),
                                                 (int) i + 1, pdf->n_pages);

      g_assert_nonnull (strstr (page, title));
      g_assert_cmpuint (count_in (page, footer), ==, 1);
    }
}

static int
write_overview (Fixture            *fixture,
                BzwOverviewOptions *options)
{
  g_autoptr(BzwOverviewRenderer) renderer = bzw_overview_renderer_new (fixture->store, options);
  g_autoptr(GError) error = NULL;

  bzw_overview_renderer_load (renderer, &error);
  g_assert_no_error (error);
  bzw_overview_renderer_write_pdf (renderer, fixture->pdf_path, &error);
  g_assert_no_error (error);

  return bzw_overview_renderer_get_n_pages (renderer);
}

static void
test_small_network (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(GArray) ids = print_fixture_fill_small (fixture->store, fixture->now);
  g_auto(Pdf) pdf = { 0 };
  int n_pages;

  bzw_overview_options_set_include_notes (options, TRUE);
  bzw_overview_options_set_user_name (options, "Jana Beispiel");
  n_pages = write_overview (fixture, options);

  if (!read_pdf (fixture->pdf_path, &pdf))
    return;

  assert_a4 (&pdf);
  g_assert_cmpint (pdf.n_pages, ==, n_pages);
  g_assert_cmpint (n_pages, >=, 1);
  assert_frame (&pdf);
  g_assert_cmpint (page_of (&pdf, "Jana Beispiel"), ==, 0);

  for (guint i = 0; i < print_fixture_n_contacts; i++)
    {
      const PrintFixtureContact *f = &print_fixture_contacts[i];
      g_autofree char *name = print_fixture_name (f);
      /* An address too long for its column breaks before the "@": look for
       * what comes before it.
       */
      g_autofree char *email_start = f->email != NULL ? g_strndup (f->email, MIN (12, strcspn (f->email, "@"))) : NULL;

      /* The one name long enough to wrap is checked word by word below. */
      if (g_utf8_strlen (name, -1) > 30)
        continue;

      g_assert_cmpuint (count_in_pdf (&pdf, name), ==, 1);
      if (email_start != NULL)
        g_assert_cmpint (page_of (&pdf, email_start), ==, page_of (&pdf, name));
      if (f->last_days_ago >= 0)
        {
          g_autoptr(GDateTime) last = g_date_time_new_from_unix_local (fixture->now - (gint64) f->last_days_ago * DAY);
          g_autofree char *date = g_date_time_format (last, g_dgettext (GETTEXT_PACKAGE, "%Y-%m-%d"));

          g_assert_cmpint (page_of (&pdf, date), !=, -1);
        }
    }

  /* Umlauts and ß as they were typed. */
  g_assert_cmpuint (count_in_pdf (&pdf, "Jürgen Weiß"), ==, 1);
  g_assert_cmpuint (count_in_pdf (&pdf, "Ayşe Öztürk"), ==, 1);
  g_assert_cmpuint (count_in_pdf (&pdf, "Hans-Peter Straßburger"), ==, 1);
  g_assert_cmpint (page_of (&pdf, "Hauptstraße"), ==, page_of (&pdf, "Hans-Peter Straßburger"));
  g_assert_cmpint (page_of (&pdf, "Schönberg-"), !=, -1);
  g_assert_cmpint (page_of (&pdf, "Fachanwältin"), !=, -1);

  /* Notes go with their contact. */
  g_assert_cmpint (page_of (&pdf, "Kennt die halbe Handwerkskammer"), ==, page_of (&pdf, "Jürgen Weiß"));
  g_assert_cmpint (page_of (&pdf, "Trainiert die D-Jugend"), ==, page_of (&pdf, "Hans-Peter Straßburger"));
}

static void
test_notes_optional (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(GArray) ids = print_fixture_fill_small (fixture->store, fixture->now);
  g_auto(Pdf) pdf = { 0 };

  write_overview (fixture, options);
  if (!read_pdf (fixture->pdf_path, &pdf))
    return;

  g_assert_cmpuint (count_in_pdf (&pdf, "Jürgen Weiß"), ==, 1);
  g_assert_cmpint (page_of (&pdf, "Kennt die halbe Handwerkskammer"), ==, -1);
}

/* With „Anzeigen als: Nachname, Vorname“ the printout writes the names as
 * the list shows them.
 */
static void
test_name_display (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(GArray) ids = print_fixture_fill_small (fixture->store, fixture->now);
  g_auto(Pdf) pdf = { 0 };

  g_assert_true (bzw_store_set_name_display (fixture->store, BZW_NAME_ORDER_FAMILY, NULL));
  write_overview (fixture, options);
  if (!read_pdf (fixture->pdf_path, &pdf))
    return;

  g_assert_cmpuint (count_in_pdf (&pdf, "Weiß, Jürgen"), ==, 1);
  g_assert_cmpuint (count_in_pdf (&pdf, "Öztürk, Ayşe"), ==, 1);
  g_assert_cmpuint (count_in_pdf (&pdf, "Jürgen Weiß"), ==, 0);
}

static void
test_thousand_contacts (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_auto(Pdf) pdf = { 0 };
  const guint n = 1000;
  int n_pages;

  print_fixture_fill_synthetic (fixture->store, n, fixture->now);
  bzw_overview_options_set_include_notes (options, TRUE);
  n_pages = write_overview (fixture, options);

  if (!read_pdf (fixture->pdf_path, &pdf))
    return;

  assert_a4 (&pdf);
  g_assert_cmpint (pdf.n_pages, ==, n_pages);
  g_assert_cmpint (n_pages, >, 10);
  assert_frame (&pdf);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = print_fixture_synthetic_name (i);
      g_autofree char *email = print_fixture_synthetic_email (i);
      g_autofree char *note = print_fixture_synthetic_note (i);
      int page;

      g_assert_cmpuint (count_in_pdf (&pdf, name), ==, 1);
      page = page_of (&pdf, name);

      /* Long addresses wrap; their start is still on the contact's page. */
      email[MIN (strlen (email), 12)] = '\0';
      g_assert_cmpint (page_of (&pdf, email), ==, page);

      if (note != NULL)
        {
          note[strlen ("Notizmarke00000")] = '\0';
          g_assert_cmpint (page_of (&pdf, note), ==, page);
        }
    }
}

/* Word boxes from pdftotext -bbox: nothing overflows its column or runs
 * into the footer.
 */
typedef struct
{
  double  x0;
  double  y0;
  double  x1;
  double  y1;
  char   *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

static GPtrArray *
read_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *html = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GRegex) regex = NULL;
  GPtrArray *result;

  if (!run_tool (argv, &html))
    return NULL;

  regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                       0, 0, NULL);
  pages = g_strsplit (html, "<page ", -1);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint p = 1; pages[p] != NULL; p++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));

      g_array_set_clear_func (words, word_clear);
      g_regex_match (regex, pages[p], 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *x0 = g_match_info_fetch (match, 1);
          g_autofree char *y0 = g_match_info_fetch (match, 2);
          g_autofree char *x1 = g_match_info_fetch (match, 3);
          g_autofree char *y1 = g_match_info_fetch (match, 4);
          Word word = { g_ascii_strtod (x0, NULL), g_ascii_strtod (y0, NULL),
                        g_ascii_strtod (x1, NULL), g_ascii_strtod (y1, NULL),
                        g_match_info_fetch (match, 5) };

          g_array_append_val (words, word);
          g_match_info_next (match, NULL);
        }
      g_ptr_array_add (result, words);
    }

  return result;
}

static gboolean
is_table_date (const char *text)
{
  return g_regex_match_simple ("^[0-9]{2,4}[-./][0-9]{2}[-./][0-9]{2,4}$", text, 0, 0);
}

static void
test_wrapping_stays_in_column (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(GPtrArray) pages = NULL;
  const double side = BZW_OVERVIEW_MARGIN_SIDE_MM / 25.4 * 72;
  const double bottom = BZW_OVERVIEW_MARGIN_BOTTOM_MM / 25.4 * 72;
  guint long_pieces = 0;

  print_fixture_fill_synthetic (fixture->store, 120, fixture->now);
  g_array_unref (print_fixture_fill_small (fixture->store, fixture->now));
  bzw_overview_options_set_include_notes (options, TRUE);
  write_overview (fixture, options);

  pages = read_words (fixture->pdf_path);
  if (pages == NULL)
    return;

  g_assert_cmpuint (pages->len, >, 1);
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *words = g_ptr_array_index (pages, p);
      double date_column = G_MAXDOUBLE;
      double footer_top = 0;

      /* The footer is the lowest line; the table dates start their column. */
      for (guint i = 0; i < words->len; i++)
        footer_top = MAX (footer_top, g_array_index (words, Word, i).y0);
      for (guint i = 0; i < words->len; i++)
        {
          const Word *word = &g_array_index (words, Word, i);

          if (is_table_date (word->text) && word->y0 < footer_top - 1)
            date_column = MIN (date_column, word->x0);
        }

      g_assert_cmpfloat (date_column, <, G_MAXDOUBLE);

      for (guint i = 0; i < words->len; i++)
        {
          const Word *word = &g_array_index (words, Word, i);

          /* Inside the page's margins. */
          g_assert_cmpfloat (word->x0, >=, side - 1);
          g_assert_cmpfloat (word->x1, <=, BZW_OVERVIEW_A4_WIDTH - side + 1);
          g_assert_cmpfloat (word->y1, <=, BZW_OVERVIEW_A4_HEIGHT - bottom + 1);

          /* Nothing runs into the footer. */
          if (word->y0 < footer_top - 1)
            g_assert_cmpfloat (word->y1, <, footer_top - 2);

          /* The long e-mail addresses wrap before the date column. */
          if (strstr (word->text, "nachname") != NULL || strstr (word->text, "langem") != NULL ||
              strstr (word->text, "kanzlei") != NULL)
            {
              g_assert_cmpfloat (word->x1, <, date_column);
              long_pieces++;
            }
        }
    }

  /* Each long address came out in more than one piece. */
  g_assert_cmpuint (long_pieces, >=, 2 * (120 / 7));
}

/* A group heading is set larger than anything in the table.  The last line
 * above the footer of every page must be table text, never a heading cut
 * off from its first contact.
 */
static void
test_no_lonely_heading (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(GPtrArray) pages = NULL;
  guint headings = 0;

  g_autoptr(GError) error = NULL;
  guint person = 0;

  /* Many small circles of contacts of different heights, so that many
   * headings come near the foot of a page.
   */
  bzw_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < 80; c++)
    {
      g_autoptr(BzwCircle) circle = bzw_circle_new ();
      g_autofree char *circle_name = g_strdup_printf ("Kreis %02u", c);

      bzw_circle_set_name (circle, circle_name);
      bzw_circle_set_position (circle, c);
      bzw_store_save_circle (fixture->store, circle, &error);
      g_assert_no_error (error);

      for (guint k = 0; k < c % 3 + 1; k++, person++)
        {
          g_autoptr(BzwContact) contact = bzw_contact_new ();
          g_autoptr(GArray) circles = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_autofree char *name = g_strdup_printf ("Person %03u", person);
          gint64 circle_id = bzw_circle_get_id (circle);
          g_autoptr(GString) notes = g_string_new (NULL);

          for (guint n = 0; n < person % 5; n++)
            g_string_append (notes, "Eine Notiz, die über die ganze Zeile läuft und mehr Platz braucht, "
                                    "als eine Zeile der Tabelle hat, damit die Zeilen verschieden hoch sind. ");
          g_array_append_val (circles, circle_id);
          bzw_contact_set_display_name (contact, name);
          bzw_contact_set_notes (contact, notes->str);
          bzw_contact_set_circle_ids (contact, circles);
          bzw_store_save_contact (fixture->store, contact, &error);
          g_assert_no_error (error);
        }
    }
  bzw_store_commit (fixture->store, &error);
  g_assert_no_error (error);

  bzw_overview_options_set_include_notes (options, TRUE);
  bzw_overview_options_set_grouping (options, BZW_OVERVIEW_GROUPING_CIRCLE);
  write_overview (fixture, options);

  pages = read_words (fixture->pdf_path);
  if (pages == NULL)
    return;

  for (guint p = 0; p < pages->len; p++)
    {
      GArray *words = g_ptr_array_index (pages, p);
      double footer_top = 0;
      double last_line = 0;

      for (guint i = 0; i < words->len; i++)
        footer_top = MAX (footer_top, g_array_index (words, Word, i).y0);
      for (guint i = 0; i < words->len; i++)
        {
          const Word *word = &g_array_index (words, Word, i);

          if (word->y0 < footer_top - 1)
            last_line = MAX (last_line, word->y1);
        }

      /* A contact under a heading ends well below the heading's words. */
      for (guint i = 0; i < words->len; i++)
        {
          const Word *word = &g_array_index (words, Word, i);
          gboolean is_heading = word->y1 - word->y0 > 12.5 && word->y0 < footer_top - 1 && word->y0 > 90;

          headings += is_heading;
          if (is_heading)
            g_assert_cmpfloat (word->y1, <, last_line - 4);
        }
    }

  /* The headings were there to be found (the first page's title aside). */
  g_assert_cmpuint (headings, >=, 60);
}

static void
test_by_circle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(GArray) ids = print_fixture_fill_small (fixture->store, fixture->now);
  g_auto(Pdf) pdf = { 0 };
  int n_pages;

  bzw_overview_options_set_grouping (options, BZW_OVERVIEW_GROUPING_CIRCLE);
  n_pages = write_overview (fixture, options);
  if (!read_pdf (fixture->pdf_path, &pdf))
    return;

  g_assert_cmpint (pdf.n_pages, ==, n_pages);
  assert_frame (&pdf);

  for (guint i = 0; i < print_fixture_n_circles; i++)
    g_assert_cmpint (page_of (&pdf, print_fixture_circles[i].name), !=, -1);

  /* Under each of its circles, or once among those without one. */
  for (guint i = 0; i < print_fixture_n_contacts; i++)
    {
      const PrintFixtureContact *f = &print_fixture_contacts[i];
      g_autofree char *name = print_fixture_name (f);
      g_auto(GStrv) circles = f->circles != NULL ? g_strsplit (f->circles, ",", -1) : NULL;
      guint expected = circles != NULL ? g_strv_length (circles) : 1;

      if (g_utf8_strlen (name, -1) > 30)
        continue;

      g_assert_cmpuint (count_in_pdf (&pdf, name), ==, expected);
    }
}

static gint64
circle_id_by_name (BzwStore   *store,
                   const char *name)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (store, NULL);

  for (guint i = 0; i < circles->len; i++)
    if (g_strcmp0 (bzw_circle_get_name (g_ptr_array_index (circles, i)), name) == 0)
      return bzw_circle_get_id (g_ptr_array_index (circles, i));

  g_assert_not_reached ();
}

static void
test_one_circle (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(GArray) ids = print_fixture_fill_small (fixture->store, fixture->now);
  g_autoptr(GError) error = NULL;
  g_auto(Pdf) pdf = { 0 };

  /* As the command line says it. */
  g_assert_true (bzw_overview_options_parse_selection (options, fixture->store, "kreis:kunden", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bzw_overview_options_get_selection (options), ==, BZW_OVERVIEW_SELECTION_CIRCLE);
  g_assert_cmpint (bzw_overview_options_get_circle_id (options), ==,
                   circle_id_by_name (fixture->store, "Kunden"));
  g_assert_true (bzw_overview_options_parse_grouping (options, "circle", &error));
  g_assert_no_error (error);

  write_overview (fixture, options);
  if (!read_pdf (fixture->pdf_path, &pdf))
    return;

  for (guint i = 0; i < print_fixture_n_contacts; i++)
    {
      const PrintFixtureContact *f = &print_fixture_contacts[i];
      g_autofree char *name = print_fixture_name (f);
      gboolean member = f->circles != NULL && strstr (f->circles, "Kunden") != NULL;

      if (g_utf8_strlen (name, -1) > 30)
        continue;

      /* Members once, even those in other circles too. */
      g_assert_cmpuint (count_in_pdf (&pdf, name), ==, member ? 1 : 0);
    }
}

static void
test_search_result (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(GArray) ids = print_fixture_fill_small (fixture->store, fixture->now);
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  const guint picks[] = { 1, 2, 7 };
  g_auto(Pdf) pdf = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
    g_array_append_val (chosen, g_array_index (ids, gint64, picks[i]));

  bzw_overview_options_set_selection (options, BZW_OVERVIEW_SELECTION_CONTACTS);
  bzw_overview_options_set_contact_ids (options, chosen);
  write_overview (fixture, options);
  if (!read_pdf (fixture->pdf_path, &pdf))
    return;

  for (guint i = 0; i < print_fixture_n_contacts; i++)
    {
      g_autofree char *name = print_fixture_name (&print_fixture_contacts[i]);
      gboolean picked = i == picks[0] || i == picks[1] || i == picks[2];

      if (g_utf8_strlen (name, -1) > 30)
        continue;

      g_assert_cmpuint (count_in_pdf (&pdf, name), ==, picked ? 1 : 0);
    }
}

/* The due contacts of the printout are those the keep-in-touch rule finds
 * due or overdue, which ties the selection and the printed dates together.
 */
static void
test_due_only (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(GArray) ids = print_fixture_fill_small (fixture->store, fixture->now);
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (fixture->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_auto(Pdf) pdf = { 0 };
  guint n_due = 0;

  g_assert_true (bzw_overview_options_parse_selection (options, fixture->store, "due", &error));
  g_assert_no_error (error);
  write_overview (fixture, options);
  if (!read_pdf (fixture->pdf_path, &pdf))
    return;

  for (guint i = 0; i < print_fixture_n_contacts; i++)
    {
      g_autoptr(BzwContact) contact = bzw_store_dup_contact (fixture->store, g_array_index (ids, gint64, i), NULL);
      g_autofree char *name = bzw_contact_dup_best_name (contact);
      BzwKeepInTouch kit;
      gboolean is_due;

      bzw_keep_in_touch_compute_for_contact (&kit, contact, circles, now);
      is_due = kit.state == BZW_KEEP_IN_TOUCH_DUE || kit.state == BZW_KEEP_IN_TOUCH_OVERDUE;

      n_due += is_due;
      if (g_utf8_strlen (name, -1) > 30)
        continue;

      g_assert_cmpuint (count_in_pdf (&pdf, name), ==, is_due ? 1 : 0);
    }

  /* The fixture has both kinds. */
  g_assert_cmpuint (n_due, >, 2);
  g_assert_cmpuint (n_due, <, print_fixture_n_contacts - 2);
}

static void
test_empty_selection (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *contents = NULL;
  guint n_files = 0;

  /* No contacts at all. */
  g_assert_false (bzw_overview_write_pdf (fixture->store, options, fixture->pdf_path, &error));
  g_assert_error (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_EMPTY);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (g_file_test (fixture->pdf_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An empty circle: the message names it, and an older file stays. */
  g_file_set_contents (fixture->pdf_path, "older", -1, &error);
  g_assert_no_error (error);
  bzw_circle_set_name (circle, "Straßenfest-Team");
  bzw_store_save_circle (fixture->store, circle, &error);
  g_assert_no_error (error);
  bzw_overview_options_set_selection (options, BZW_OVERVIEW_SELECTION_CIRCLE);
  bzw_overview_options_set_circle_id (options, bzw_circle_get_id (circle));

  g_assert_false (bzw_overview_write_pdf (fixture->store, options, fixture->pdf_path, &error));
  g_assert_error (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "Straßenfest-Team"));
  g_clear_error (&error);

  g_file_get_contents (fixture->pdf_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "older");

  /* No temporary file left behind: the store's files and the old PDF. */
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, <=, 4);
  g_dir_rewind (dir);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    g_assert_false (g_str_has_prefix (name, "Übersicht.pdf."));
}

static void
test_write_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(GArray) ids = print_fixture_fill_small (fixture->store, fixture->now);
  g_autofree char *path = g_build_filename (fixture->dir, "fehlt", "Übersicht.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (bzw_overview_write_pdf (fixture->store, options, path, &error));
  g_assert_error (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_WRITE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The map page is drawn by the map core from the store, the same drawing
 * as the map export: the last page carries the heading and the names of
 * the network.
 */
static void
test_map_page (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(GArray) ids = print_fixture_fill_small (fixture->store, fixture->now);
  g_autoptr(BzwOverviewRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Pdf) pdf = { 0 };
  const char *last;
  guint n_names = 0;
  int without_map;

  without_map = write_overview (fixture, options);

  bzw_overview_options_set_include_map (options, TRUE);
  renderer = bzw_overview_renderer_new (fixture->store, options);
  bzw_overview_renderer_write_pdf (renderer, fixture->pdf_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bzw_overview_renderer_get_n_pages (renderer), ==, without_map + 1);

  if (!read_pdf (fixture->pdf_path, &pdf))
    return;

  g_assert_cmpint (pdf.n_pages, ==, without_map + 1);
  assert_frame (&pdf);
  g_assert_cmpint (page_of (&pdf, g_dgettext (GETTEXT_PACKAGE, "Relationship Map")), ==, pdf.n_pages - 1);

  last = g_ptr_array_index (pdf.pages, pdf.n_pages - 1);
  for (guint i = 0; i < print_fixture_n_contacts; i++)
    {
      g_autofree char *name = print_fixture_name (&print_fixture_contacts[i]);

      n_names += strstr (last, name) != NULL;
    }
  g_assert_cmpuint (n_names, >, 3);
}

static void
test_options_parse (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(GArray) ids = print_fixture_fill_small (fixture->store, fixture->now);
  g_autoptr(GError) error = NULL;

  g_assert_true (bzw_overview_options_parse_selection (options, fixture->store, "circle:Freunde", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bzw_overview_options_get_circle_id (options), ==,
                   circle_id_by_name (fixture->store, "Freunde"));

  g_assert_true (bzw_overview_options_parse_selection (options, fixture->store, "fällig", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bzw_overview_options_get_selection (options), ==, BZW_OVERVIEW_SELECTION_DUE);

  g_assert_true (bzw_overview_options_parse_selection (options, fixture->store, "alle", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bzw_overview_options_get_selection (options), ==, BZW_OVERVIEW_SELECTION_ALL);

  g_assert_false (bzw_overview_options_parse_selection (options, fixture->store, "circle:Gibt es nicht", &error));
  g_assert_error (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Gibt es nicht"));
  g_clear_error (&error);

  g_assert_false (bzw_overview_options_parse_selection (options, fixture->store, "manche", &error));
  g_assert_error (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (bzw_overview_options_get_selection (options), ==, BZW_OVERVIEW_SELECTION_ALL);

  g_assert_true (bzw_overview_options_parse_grouping (options, "kreis", &error));
  g_assert_cmpint (bzw_overview_options_get_grouping (options), ==, BZW_OVERVIEW_GROUPING_CIRCLE);
  g_assert_true (bzw_overview_options_parse_grouping (options, "alphabetical", &error));
  g_assert_cmpint (bzw_overview_options_get_grouping (options), ==, BZW_OVERVIEW_GROUPING_ALPHABETICAL);
  g_assert_false (bzw_overview_options_parse_grouping (options, "zufällig", &error));
  g_assert_error (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_INVALID);
}

static void
assert_due_date (BzwContact *contact,
                 GPtrArray  *circles,
                 gint64      since,
                 int         days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  BzwKeepInTouch kit;
  GDate expected;

  bzw_keep_in_touch_compute_for_contact (&kit, contact, circles, now);
  if (days == 0)
    {
      g_assert_cmpint (kit.state, ==, BZW_KEEP_IN_TOUCH_NONE);
      g_assert_false (g_date_valid (&kit.due_ideal));
      return;
    }

  bzw_date_from_unix (&expected, since, g_date_time_get_timezone (now));
  g_date_add_days (&expected, days);
  g_assert_true (g_date_valid (&kit.due_ideal));
  g_assert_cmpint (g_date_compare (&kit.due_ideal, &expected), ==, 0);
}

/* The rule the printout's „Fällig am“ follows, in calendar days. */
static void
test_next_due (void)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GPtrArray) circles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) circle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 created = 1700000000;
  const int intervals[] = { 30, 0, 14, 90 };

  for (guint i = 0; i < G_N_ELEMENTS (intervals); i++)
    {
      BzwCircle *circle = bzw_circle_new ();

      bzw_circle_set_id (circle, i + 1);
      bzw_circle_set_interval_ideal (circle, intervals[i]);
      g_ptr_array_add (circles, circle);
    }

  bzw_contact_set_times (contact, created, created);

  /* No rhythm anywhere. */
  assert_due_date (contact, circles, created, 0);

  /* The tightest of its circles, counted from creation when never met. */
  g_array_append_vals (circle_ids, (gint64[]) { 1, 2, 4 }, 3);
  bzw_contact_set_circle_ids (contact, circle_ids);
  assert_due_date (contact, circles, created, 30);
  g_array_append_vals (circle_ids, (gint64[]) { 3 }, 1);
  bzw_contact_set_circle_ids (contact, circle_ids);
  assert_due_date (contact, circles, created, 14);

  /* From the last encounter. */
  bzw_contact_set_last_encounter (contact, created + 100 * DAY);
  assert_due_date (contact, circles, created + 100 * DAY, 14);

  /* The contact's own rhythm wins, even when looser. */
  bzw_contact_set_interval_ideal (contact, 60);
  assert_due_date (contact, circles, created + 100 * DAY, 60);
  assert_due_date (contact, NULL, created + 100 * DAY, 60);
}

/* For every contact of the example network, the date the printout puts
 * under „Fällig am“ is the due date of the contact list's sign (BzwDue):
 * one rule, read from a real store file by both paths.
 */
static void
test_due_matches_list (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(BzwOverviewRenderer) renderer = NULL;
  g_autoptr(BzwDue) due = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint n_dated = 0, n_due = 0;

  g_assert_true (bzw_demo_fill (fixture->store, now, &error));
  g_assert_no_error (error);

  bzw_overview_options_set_date (options, now);
  renderer = bzw_overview_renderer_new (fixture->store, options);
  g_assert_true (bzw_overview_renderer_load (renderer, &error));
  g_assert_no_error (error);

  due = bzw_due_new (fixture->store);
  ids = bzw_store_list_contact_ids (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, bzw_overview_renderer_get_n_contacts (renderer));

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(BzwContact) contact = bzw_store_dup_contact (fixture->store, id, &error);
      BzwKeepInTouch kit;
      GDate printed;
      gboolean has_date;

      g_assert_no_error (error);
      bzw_due_compute (due, contact, now, &kit);
      has_date = bzw_overview_renderer_get_due_date (renderer, id, &printed);

      g_assert_cmpint (has_date, ==, g_date_valid (&kit.due_ideal));
      if (has_date)
        {
          g_assert_cmpint (g_date_compare (&printed, &kit.due_ideal), ==, 0);
          n_dated++;
        }
      n_due += bzw_due_get_level (due, contact, NULL) > 0;
    }

  /* The example network has contacts with and without a rhythm, and some
   * of them are due.
   */
  g_assert_cmpuint (n_dated, >, 5);
  g_assert_cmpuint (n_dated, <, ids->len);
  g_assert_cmpuint (n_due, >, 0);
}

/* Drops the font caches and fontconfig's configuration, so the leak
 * checker of the sanitizer build sees only our own memory.
 */
static void
release_fonts (void)
{
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
}

static gboolean
has_german (void)
{
  g_autofree char *catalogue = g_build_filename (BZW_BUILD_LOCALEDIR, "de", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
  locale_t german = newlocale (LC_ALL_MASK, "de_DE.UTF-8", (locale_t) 0);

  if (german == (locale_t) 0)
    return FALSE;

  freelocale (german);
  return g_file_test (catalogue, G_FILE_TEST_IS_REGULAR);
}

/* In German, with this build's catalogue: run in a child process so the
 * locale of the other tests stays as it is.
 */
static void
test_german (Fixture       *fixture,
             gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GDateTime) date = g_date_time_new_local (2026, 3, 5, 10, 0, 0);
      g_autoptr(GDateTime) last = NULL;
      g_autofree char *last_text = NULL;
      g_auto(Pdf) pdf = { 0 };
      int n_pages;

      g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
      bindtextdomain (GETTEXT_PACKAGE, BZW_BUILD_LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      ids = print_fixture_fill_small (fixture->store, fixture->now);
      bzw_store_set_setting (fixture->store, "user-name", "Jana Müller-Lüdenscheidt", NULL);
      bzw_overview_options_set_date (options, date);
      bzw_overview_options_set_grouping (options, BZW_OVERVIEW_GROUPING_CIRCLE);
      n_pages = write_overview (fixture, options);
      if (!read_pdf (fixture->pdf_path, &pdf))
        return;

      for (int i = 0; i < pdf.n_pages; i++)
        {
          const char *page = g_ptr_array_index (pdf.pages, i);
          g_autofree char *footer = g_strdup_printf ("Seite %d von %d", i + 1, n_pages);

          g_assert_nonnull (strstr (page, "Kontaktübersicht"));
          g_assert_nonnull (strstr (page, footer));
          g_assert_nonnull (strstr (page, "Stand: 05.03.2026"));
        }

      g_assert_cmpint (page_of (&pdf, "5. März 2026"), ==, 0);
      g_assert_cmpint (page_of (&pdf, "Jana Müller-Lüdenscheidt"), ==, 0);
      g_assert_cmpint (page_of (&pdf, "Alle Kontakte, nach Kreisen"), ==, 0);
      g_assert_cmpint (page_of (&pdf, "FÄLLIG AM"), ==, 0);
      g_assert_cmpint (page_of (&pdf, "Ohne Kreis"), !=, -1);

      /* Dates in the table in German form. */
      last = g_date_time_new_from_unix_local (fixture->now - 12 * DAY);
      last_text = g_date_time_format (last, "%d.%m.%Y");
      g_assert_cmpint (page_of (&pdf, last_text), ==, page_of (&pdf, "Jürgen Weiß"));
      g_print ("OK\n");
      release_fonts ();
      return;
    }

  if (!has_german ())
    {
      g_test_skip ("needs the de_DE.UTF-8 locale and the built German catalogue");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("OK*");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/print/overview/small-network", test_small_network);
  ADD ("/print/overview/notes-optional", test_notes_optional);
  ADD ("/print/overview/name-display", test_name_display);
  ADD ("/print/overview/thousand-contacts", test_thousand_contacts);
  ADD ("/print/overview/wrapping-stays-in-column", test_wrapping_stays_in_column);
  ADD ("/print/overview/no-lonely-heading", test_no_lonely_heading);
  ADD ("/print/overview/by-circle", test_by_circle);
  ADD ("/print/overview/one-circle", test_one_circle);
  ADD ("/print/overview/search-result", test_search_result);
  ADD ("/print/overview/due-only", test_due_only);
  ADD ("/print/overview/due-matches-list", test_due_matches_list);
  ADD ("/print/overview/empty-selection", test_empty_selection);
  ADD ("/print/overview/write-error", test_write_error);
  ADD ("/print/overview/map-page", test_map_page);
  ADD ("/print/overview/options-parse", test_options_parse);
  ADD ("/print/overview/german", test_german);
#undef ADD
  g_test_add_func ("/print/next-due", test_next_due);

  ret = g_test_run ();
  release_fonts ();

  return ret;
}
