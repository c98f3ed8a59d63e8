/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-map-export.h"
#include "map-fixture.h"

#include <glib/gstdio.h>
#include <locale.h>

typedef struct
{
  char     *dir;
  BzwStore *store;
} Fixture;

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = map_fixture_make_tmpdir ();
  path = g_build_filename (fixture->dir, "map.db", NULL);
  fixture->store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  map_fixture_fill_store (fixture->store, NULL);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_clear_object (&fixture->store);
  map_fixture_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
export (Fixture    *fixture,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (bzw_map_export_store_to_file (fixture->store, path, &error));
  g_assert_no_error (error);
  return path;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = export (fixture, "karte.png");
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);
  guint8 *pixels;
  int stride, w, h;
  guint32 background;
  guint ink = 0;
  GHashTable *colors = g_hash_table_new (NULL, NULL);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (png);
  h = cairo_image_surface_get_height (png);
  g_assert_cmpint (w, >, 500);
  g_assert_cmpint (h, >, 300);
  g_assert_cmpint (w, <, 5000);

  pixels = cairo_image_surface_get_data (png);
  stride = cairo_image_surface_get_stride (png);
  background = *(guint32 *) (gpointer) pixels;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(guint32 *) (gpointer) (pixels + y * stride + 4 * x);

        if (p != background)
          ink++;
        g_hash_table_add (colors, GUINT_TO_POINTER (p & 0xf0f0f0));
      }

  /* Nodes, lines, labels and legend: a good part of the picture, in many colours. */
  g_assert_cmpuint (ink, >, (guint) (w * h / 20));
  g_assert_cmpuint (g_hash_table_size (colors), >, 20);

  g_hash_table_unref (colors);
  cairo_surface_destroy (png);
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = export (fixture, "karte.svg");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, ">Anna Becker</text>"));
  g_assert_nonnull (strstr (contents, ">Murat Yılmaz</text>"));
  g_assert_nonnull (strstr (contents, ">Mia Schröder</text>"));
  g_assert_true (g_str_has_suffix (g_strchomp (contents), "</svg>"));
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = export (fixture, "karte.pdf");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-layout", NULL, "-", NULL };
  GStatBuf st;
  int status = 0;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 2000);

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  argv[0] = pdftotext;
  argv[2] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (text, "Anna Becker"));
  g_assert_nonnull (strstr (text, "Murat Yılmaz"));
  g_assert_nonnull (strstr (text, "Familie"));
}

static void
test_bad_names (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (fixture->dir, "karte.jpeg", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "nicht-da", "karte.png", NULL);
  guint before = count_files (fixture->dir);

  g_assert_false (bzw_map_export_store_to_file (fixture->store, bad, &error));
  g_assert_error (error, BZW_MAP_EXPORT_ERROR, BZW_MAP_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "karte.jpeg"));
  g_clear_error (&error);

  g_assert_false (bzw_map_export_store_to_file (fixture->store, missing, &error));
  g_assert_error (error, BZW_MAP_EXPORT_ERROR, BZW_MAP_EXPORT_ERROR_FAILED);

  /* Nothing half-written is left behind. */
  g_assert_cmpuint (count_files (fixture->dir), ==, before);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

/* The export of what the screen shows: the view's own size, scale and
 * offset (the PNG at twice the pixels), through the same file writing.
 */
static void
test_view (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(BzwMapGraph) graph = bzw_map_export_read_store (fixture->store, NULL);
  g_autofree char *png_path = g_build_filename (fixture->dir, "ansicht.png", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "ansicht.gif", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;
  BzwMapView view;
  guint before;

  g_assert_nonnull (graph);
  bzw_map_view_init (&view, 320, 200);
  bzw_map_view_fit (&view, graph, 10.0);
  view.hover = 1;

  g_assert_true (bzw_map_export_view_to_file (graph, png_path, &view, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 400);
  cairo_surface_destroy (png);

  before = count_files (fixture->dir);
  g_assert_false (bzw_map_export_view_to_file (graph, bad, &view, &error));
  g_assert_error (error, BZW_MAP_EXPORT_ERROR, BZW_MAP_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_cmpuint (count_files (fixture->dir), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/map/export/png", Fixture, NULL, setup, test_png, teardown);
  g_test_add ("/map/export/svg", Fixture, NULL, setup, test_svg, teardown);
  g_test_add ("/map/export/pdf", Fixture, NULL, setup, test_pdf, teardown);
  g_test_add ("/map/export/bad-names", Fixture, NULL, setup, test_bad_names, teardown);
  g_test_add ("/map/export/view", Fixture, NULL, setup, test_view, teardown);

  return g_test_run ();
}
