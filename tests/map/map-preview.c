/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writes the example-like test network as a picture, for looking at the
 * design: map-preview [--dark] FILE.{png,svg,pdf}
 */

#include "config.h"

#include "bzw-map-export.h"
#include "map-fixture.h"

#include <locale.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(BzwMapGraph) graph = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  BzwMapGraphOptions options = { FALSE, 0, 0, MAP_FIXTURE_NOW };
  BzwMapView view;
  gboolean dark = argc > 2 && g_str_equal (argv[1], "--dark");

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("Usage: %s [--dark] FILE\n", argv[0]);
      return 2;
    }

  dir = map_fixture_make_tmpdir ();
  path = g_build_filename (dir, "map.db", NULL);
  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  map_fixture_fill_store (store, NULL);

  graph = bzw_map_graph_new_from_store_full (store, &options, &error);
  g_assert_no_error (error);

  bzw_map_view_init (&view, 1, 1);
  view.style = dark ? BZW_MAP_STYLE_DARK : BZW_MAP_STYLE_LIGHT;
  view.highlight_cycles = TRUE;
  if (!bzw_map_export_to_file_full (graph, argv[argc - 1], &view, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_clear_object (&store);
  map_fixture_remove_tree (dir);
  return 0;
}
