/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-demo.h"
#include "bzw-map-declutter.h"
#include "bzw-map-export.h"
#include "bzw-map-layout.h"
#include "bzw-map-renderer.h"
#include "map-fixture.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* Is the map readable at a glance?  The example network and generated
 * dense networks are laid out, fitted into windows of 800 × 600 and
 * 1280 × 800 as „Einpassen“ does and drawn on real Cairo surfaces; then
 * what the renderer drew is checked: no two discs overlap, no two names
 * overlap, no name covers a node, every name lies inside the window,
 * „Ich“ has a colour of its own.
 */

typedef struct
{
  int width;
  int height;
} Size;

static const Size sizes[] = { { 800, 600 }, { 1280, 800 } };

typedef struct
{
  guint shown_nodes;
  guint labels;
} Drawn;

static BzwMapGraph *
example_graph (BzwStore **store_out,
               char     **dir_out)
{
  g_autofree char *dir = map_fixture_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "map.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (MAP_FIXTURE_NOW);
  BzwMapGraphOptions options = { FALSE, 0, 0, MAP_FIXTURE_NOW };
  BzwStore *store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  BzwMapGraph *graph;

  g_assert_no_error (error);
  g_assert_true (bzw_demo_fill (store, now, &error));
  g_assert_no_error (error);
  graph = bzw_map_graph_new_from_store_full (store, &options, &error);
  g_assert_no_error (error);

  *store_out = store;
  *dir_out = g_steal_pointer (&dir);
  return graph;
}

static void
settle (BzwMapGraph *graph)
{
  g_autoptr(BzwMapLayout) layout = bzw_map_layout_new (graph, 0);

  g_assert_true (bzw_map_layout_run_until_settled (layout, 0));
}

/* Draws @view with @renderer and checks what was drawn: no discs
 * overlap, no name conflicts, and when @framed every shown node lies in
 * the window.  The discs go to @discs when it is not NULL.
 */
static Drawn
draw_view_and_check (BzwMapRenderer   *renderer,
                     const BzwMapView *view,
                     gboolean          framed,
                     BzwMapDisc       *discs_out)
{
  BzwMapGraph *graph = bzw_map_renderer_get_graph (renderer);
  guint n = bzw_map_graph_get_n_nodes (graph);
  g_autofree BzwMapDisc *discs = g_new0 (BzwMapDisc, n);
  g_autofree BzwMapLabelPlacement *places = g_new0 (BzwMapLabelPlacement, n);
  BzwMapRect bounds = { 0, 0, view->width, view->height };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, view->width, view->height);
  cairo_t *cr = cairo_create (surface);
  Drawn drawn = { 0, 0 };

  bzw_map_renderer_draw (renderer, cr, view);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  for (guint i = 0; i < n; i++)
    {
      double x, y, r;

      /* Hidden nodes are far away and of no size. */
      discs[i].x = -1e6 - 100.0 * i;
      discs[i].y = -1e6;
      if (!bzw_map_renderer_node_is_visible (renderer, view, i) ||
          !bzw_map_renderer_get_node_disc (renderer, view, i, &x, &y, &r))
        continue;

      discs[i] = (BzwMapDisc) { x, y, r };
      drawn.shown_nodes++;
      if (!framed)
        continue;
      /* Framed: every shown node lies in the window. */
      g_assert_cmpfloat (x - r, >=, 0);
      g_assert_cmpfloat (y - r, >=, 0);
      g_assert_cmpfloat (x + r, <=, view->width);
      g_assert_cmpfloat (y + r, <=, view->height);
    }

  for (guint k = 0; k < bzw_map_renderer_get_n_labels (renderer); k++)
    {
      double x, y, w, h;
      guint i = bzw_map_renderer_get_label (renderer, k, &x, &y, &w, &h);

      g_assert_false (places[i].visible);
      places[i].visible = TRUE;
      places[i].rect = (BzwMapRect) { x, y, w, h };
      drawn.labels++;
    }

  if (framed)
    g_assert_cmpuint (drawn.shown_nodes, ==, bzw_map_renderer_count_contacts (renderer, view) + 1);
  g_assert_cmpuint (bzw_map_count_disc_overlaps (discs, n, 0.0), ==, 0);
  g_assert_cmpuint (bzw_map_count_label_conflicts (discs, places, n, &bounds), ==, 0);
  if (discs_out != NULL)
    memcpy (discs_out, discs, n * sizeof (BzwMapDisc));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return drawn;
}

/* Draws the fitted view and checks what was drawn. */
static Drawn
draw_and_check (BzwMapGraph *graph,
                const Size  *size,
                gboolean     legend)
{
  g_autoptr(BzwMapRenderer) renderer = bzw_map_renderer_new (graph);
  BzwMapView view;

  bzw_map_view_init (&view, size->width, size->height);
  view.show_legend = legend;
  bzw_map_renderer_fit_view (renderer, &view, BZW_MAP_FIT_MARGIN);
  return draw_view_and_check (renderer, &view, TRUE, NULL);
}

/* One renderer through a pan and a zoom, as the window uses it: the discs
 * pushed apart once per zoom bucket and moved with the view stay apart at
 * every frame, with no name conflicts, and are where a fresh renderer puts
 * them for that view alone.
 */
static void
test_pan_and_zoom (void)
{
  g_autoptr(BzwMapGraph) graph = map_fixture_clustered (900, 7);
  g_autoptr(BzwMapRenderer) renderer = NULL;
  guint n = bzw_map_graph_get_n_nodes (graph);
  g_autofree BzwMapDisc *cached = g_new0 (BzwMapDisc, n);
  g_autofree BzwMapDisc *fresh = g_new0 (BzwMapDisc, n);
  BzwMapView fit;

  settle (graph);
  renderer = bzw_map_renderer_new (graph);
  bzw_map_view_init (&fit, 1280, 800);
  bzw_map_renderer_fit_view (renderer, &fit, BZW_MAP_FIT_MARGIN);

  for (guint k = 0; k < 24; k++)
    {
      g_autoptr(BzwMapRenderer) other = bzw_map_renderer_new (graph);
      BzwMapView view = fit;

      bzw_map_view_zoom_at (&view, pow (1.03, k), 640, 400);
      view.offset_x += 37.0 * k;
      view.offset_y -= 23.0 * k;
      draw_view_and_check (renderer, &view, FALSE, cached);
      draw_view_and_check (other, &view, FALSE, fresh);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpfloat_with_epsilon (cached[i].x, fresh[i].x, 1e-3);
          g_assert_cmpfloat_with_epsilon (cached[i].y, fresh[i].y, 1e-3);
          g_assert_cmpfloat_with_epsilon (cached[i].r, fresh[i].r, 1e-3);
        }
    }
}

static void
count_ready (gpointer data)
{
  guint *ready = data;

  (*ready)++;
}

static gboolean
same_discs (const BzwMapDisc *a,
            const BzwMapDisc *b,
            guint             n)
{
  for (guint i = 0; i < n; i++)
    if (fabs (a[i].x - b[i].x) > 1e-3 || fabs (a[i].y - b[i].y) > 1e-3 || fabs (a[i].r - b[i].r) > 1e-3)
      return FALSE;
  return TRUE;
}

/* Zooming in steps with the next zoom buckets made ahead in a worker,
 * as the window does: every frame, also one drawn with a near bucket while
 * its own is being made, has no discs overlapping and no name conflicts;
 * the renderer asks for a new frame when a bucket is ready, and after a
 * few the frame is the one a fresh renderer draws for that view alone.
 */
static void
test_zoom_ahead (void)
{
  g_autoptr(BzwMapGraph) graph = map_fixture_clustered (3000, 11);
  g_autoptr(BzwMapRenderer) renderer = NULL;
  guint n = bzw_map_graph_get_n_nodes (graph);
  g_autofree BzwMapDisc *cached = g_new0 (BzwMapDisc, n);
  g_autofree BzwMapDisc *fresh = g_new0 (BzwMapDisc, n);
  guint ready = 0, meanwhile = 0;
  BzwMapView view;

  settle (graph);
  renderer = bzw_map_renderer_new (graph);
  bzw_map_renderer_set_ahead (renderer, count_ready, &ready);
  bzw_map_view_init (&view, 1280, 800);
  bzw_map_renderer_fit_view (renderer, &view, BZW_MAP_FIT_MARGIN);

  for (guint k = 0; k < 12; k++)
    {
      g_autoptr(BzwMapRenderer) other = bzw_map_renderer_new (graph);
      gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      /* Six steps of two zoom buckets in, then six out again: each lands
       * in a bucket not made ahead yet.
       */
      bzw_map_view_zoom_at (&view, k < 6 ? 1.21 : 1.0 / 1.21, 500, 300);
      draw_view_and_check (renderer, &view, FALSE, cached);
      draw_view_and_check (other, &view, FALSE, fresh);
      while (!same_discs (cached, fresh, n))
        {
          guint before = ready;

          meanwhile++;
          while (ready == before)
            {
              g_assert_cmpint (g_get_monotonic_time (), <, deadline);
              g_main_context_iteration (NULL, FALSE);
              g_usleep (1000);
            }
          draw_view_and_check (renderer, &view, FALSE, cached);
        }
    }
  g_test_message ("%u frames drawn with a near bucket, %u calls for a new frame", meanwhile, ready);
  g_assert_cmpuint (meanwhile, >, 0);
  g_assert_cmpuint (ready, >, 0);

  /* Turned off, what is pending is dropped and nothing is called. */
  bzw_map_renderer_set_ahead (renderer, NULL, NULL);
  ready = 0;
  bzw_map_view_zoom_at (&view, 1.1, 500, 300);
  draw_view_and_check (renderer, &view, FALSE, cached);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (ready, ==, 0);
}

/* Thousands of contacts fitted into a small window, more than pushing
 * apart can part in its rounds: the discs it leaves overlapping are drawn
 * smaller, so that none covers another, and zoomed out further too.
 */
static void
test_crowded (void)
{
  g_autoptr(BzwMapGraph) graph = map_fixture_clustered (6000, 5);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(BzwMapRenderer) renderer = NULL;
  BzwMapNode *nodes = bzw_map_graph_get_nodes (graph);
  guint n = bzw_map_graph_get_n_nodes (graph);
  BzwMapView view;

  /* Spread over the map, and every third in one of four tight knots. */
  for (guint i = 0; i < n; i++)
    {
      double cx = (i % 4 < 2 ? -1 : 1) * 2500;
      double cy = (i % 2 == 0 ? -1 : 1) * 1500;
      gboolean knot = i % 3 == 0;

      nodes[i].x = i == 0 ? 0 : knot ? cx + g_rand_double_range (rand, -150, 150)
                                     : g_rand_double_range (rand, -3000, 3000);
      nodes[i].y = i == 0 ? 0 : knot ? cy + g_rand_double_range (rand, -150, 150)
                                     : g_rand_double_range (rand, -2000, 2000);
      nodes[i].placed = TRUE;
    }

  renderer = bzw_map_renderer_new (graph);
  bzw_map_view_init (&view, 800, 600);
  bzw_map_renderer_fit_view (renderer, &view, BZW_MAP_FIT_MARGIN);
  for (guint k = 0; k < 3; k++)
    {
      Drawn drawn = draw_view_and_check (renderer, &view, FALSE, NULL);

      g_test_message ("%u nodes at scale %.3f: %u drawn", n, view.scale, drawn.shown_nodes);
      g_assert_cmpuint (drawn.shown_nodes, >, n * 9 / 10);
      bzw_map_view_zoom_at (&view, 0.8, 400, 300);
    }
}

static void
test_example_network (void)
{
  g_autoptr(BzwStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(BzwMapGraph) graph = example_graph (&store, &dir);

  settle (graph);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int legend = 0; legend < 2; legend++)
      {
        Drawn drawn = draw_and_check (graph, &sizes[s], legend);

        g_test_message ("%d × %d%s: %u of %u contacts named", sizes[s].width, sizes[s].height,
                        legend ? " with the legend" : "", drawn.labels, drawn.shown_nodes - 1);
        /* Readable at a glance: many contacts have their name (before
         * the declutter 34 of 87 at 1280 × 800, with 54 conflicts).
         */
        if (!legend)
          g_assert_cmpuint (5 * drawn.labels, >=, 2 * (drawn.shown_nodes - 1));
        /* At 1280 × 800 at least 70 % of the names (57 of 87 with the
         * label on one of eight places around its disc, 63 with eight
         * more slid along the sides).
         */
        if (sizes[s].width == 1280)
          g_assert_cmpuint (10 * drawn.labels, >=, 7 * (drawn.shown_nodes - 1));
      }

  g_clear_object (&store);
  map_fixture_remove_tree (dir);
}

static void
test_dense_networks (void)
{
  static const guint counts[] = { 300, 900 };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_autoptr(BzwMapGraph) graph = map_fixture_clustered (counts[c], 11 + c);

      settle (graph);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          Drawn drawn = draw_and_check (graph, &sizes[s], FALSE);

          g_test_message ("%u nodes at %d × %d: %u named", counts[c], sizes[s].width, sizes[s].height,
                          drawn.labels);
          g_assert_cmpuint (drawn.shown_nodes, ==, counts[c] + 1);
        }
    }
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (gconstpointer) (data + y * stride))[x] & 0xffffff;
}

static double
distance_to (guint32            rgb,
             const BzwMapColor *color)
{
  double r = ((rgb >> 16) & 0xff) / 255.0 - color->red;
  double g = ((rgb >> 8) & 0xff) / 255.0 - color->green;
  double b = (rgb & 0xff) / 255.0 - color->blue;

  return sqrt (r * r + g * g + b * b);
}

/* „Ich“ is drawn in a colour that no circle has, also when a circle has
 * the blue „Ich“ had before, and on top of everything.
 */
static void
test_me_colour (void)
{
  g_autoptr(BzwStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(BzwMapGraph) graph = example_graph (&store, &dir);
  g_autoptr(BzwMapRenderer) renderer = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 600);
  cairo_t *cr = cairo_create (surface);
  BzwMapView view;
  double x, y, r;
  guint32 me;

  settle (graph);
  renderer = bzw_map_renderer_new (graph);
  bzw_map_view_init (&view, 800, 600);
  bzw_map_renderer_fit_view (renderer, &view, BZW_MAP_FIT_MARGIN);
  bzw_map_renderer_draw (renderer, cr, &view);
  cairo_surface_flush (surface);
  g_assert_true (bzw_map_renderer_get_node_disc (renderer, &view, 0, &x, &y, &r));
  g_assert_cmpfloat (r, >=, 12.0);

  /* Below the name inside the disc. */
  me = pixel (surface, (int) x, (int) (y + r * 0.75));
  g_assert_cmpuint (bzw_map_graph_get_n_circles (graph), >, 0);
  for (guint c = 0; c < bzw_map_graph_get_n_circles (graph); c++)
    g_assert_cmpfloat (distance_to (me, &bzw_map_graph_get_circle (graph, c)->color), >, 0.3);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_clear_object (&store);
  map_fixture_remove_tree (dir);
}

/* --export-map=FILE --map-size=WxH writes exactly what the renderer draws
 * of the fitted view with the legend at that size, pixel for pixel.
 */
static void
test_sized_export (void)
{
  g_autoptr(BzwStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(BzwMapGraph) unused = example_graph (&store, &dir);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwMapGraph) graph = NULL;
  g_autoptr(BzwMapRenderer) renderer = NULL;
  cairo_surface_t *exported;
  cairo_surface_t *drawn;
  cairo_t *cr;
  BzwMapView view;
  guint differ = 0;

  g_assert_true (bzw_map_export_store_sized (store, png, 1280, 800, &error));
  g_assert_no_error (error);
  exported = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (exported), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (exported), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (exported), ==, 800);

  /* The same network read and laid out again, drawn as the window would. */
  graph = bzw_map_export_read_store (store, &error);
  g_assert_no_error (error);
  renderer = bzw_map_renderer_new (graph);
  bzw_map_view_init (&view, 1280, 800);
  view.show_legend = TRUE;
  bzw_map_renderer_fit_view (renderer, &view, BZW_MAP_FIT_MARGIN);
  drawn = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 800);
  cr = cairo_create (drawn);
  bzw_map_renderer_draw (renderer, cr, &view);
  cairo_destroy (cr);
  cairo_surface_flush (drawn);
  cairo_surface_flush (exported);

  for (int y = 0; y < 800; y++)
    for (int x = 0; x < 1280; x++)
      differ += pixel (exported, x, y) != pixel (drawn, x, y);
  g_assert_cmpuint (differ, ==, 0);
  g_assert_cmpuint (bzw_map_renderer_get_n_labels (renderer), >, 20);

  /* Without a size the export keeps the whole map's own size. */
  g_assert_true (bzw_map_export_store_to_file (store, png, &error));
  g_assert_no_error (error);
  cairo_surface_destroy (exported);
  exported = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (exported), !=, 1280);

  cairo_surface_destroy (exported);
  cairo_surface_destroy (drawn);
  g_clear_object (&store);
  map_fixture_remove_tree (dir);
}

typedef struct
{
  double ink;        /* the share of the line's pixels drawn */
  double thickness;  /* pixels across where it is drawn */
  double blue;       /* blue over red, of the ink */
} LineLook;

/* Draws one relationship of @relation as a horizontal line at @scale and
 * measures how it looks in the middle, away from the nodes.
 */
static LineLook
look_of (BzwMapRelation relation,
         double         scale)
{
  g_autoptr(BzwMapGraph) graph = bzw_map_graph_new ();
  g_autoptr(BzwMapRenderer) renderer = bzw_map_renderer_new (graph);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 200);
  cairo_t *cr = cairo_create (surface);
  guint a = bzw_map_graph_add_node (graph, 1, "A", "A");
  guint b = bzw_map_graph_add_node (graph, 2, "B", "B");
  guint32 background;
  LineLook look = { 0, 0, 0 };
  double red = 0, blue = 0;
  guint columns = 0, thick = 0;
  BzwMapView view;
  guint e;

  bzw_map_graph_get_node (graph, a)->x = -2000;
  bzw_map_graph_get_node (graph, b)->x = 2000;
  bzw_map_graph_get_node (graph, a)->y = 0;
  bzw_map_graph_get_node (graph, b)->y = 0;
  bzw_map_graph_get_node (graph, a)->placed = bzw_map_graph_get_node (graph, b)->placed = TRUE;
  e = bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, a, b, 3);
  bzw_map_graph_get_edge (graph, e)->relation = relation;

  /* „Ich“ at the origin is moved out of the picture. */
  bzw_map_graph_get_node (graph, 0)->y = 10000;
  bzw_map_view_init (&view, 600, 200);
  view.scale = scale;
  view.offset_x = 300;
  view.offset_y = 100;
  bzw_map_renderer_draw (renderer, cr, &view);
  cairo_surface_flush (surface);
  background = pixel (surface, 0, 0);

  for (int x = 100; x < 500; x++)
    {
      guint here = 0;

      for (int y = 90; y <= 110; y++)
        {
          guint32 p = pixel (surface, x, y);

          if (p == background)
            continue;
          here++;
          red += (p >> 16) & 0xff;
          blue += p & 0xff;
        }
      columns += here > 0;
      thick += here;
    }

  look.ink = columns / 400.0;
  look.thickness = columns > 0 ? (double) thick / columns : 0;
  look.blue = red > 0 ? blue / red : 0;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return look;
}

static gboolean
looks_alike (const LineLook *x,
             const LineLook *y)
{
  return fabs (x->ink - y->ink) < 0.08 && fabs (x->thickness - y->thickness) < 0.6 &&
         fabs (x->blue - y->blue) < 0.15;
}

/* Kinds of relationships drawn in different styles can be told apart at
 * the zoom of a fitted network and close up; colleagues and business
 * partners share one style, as the legend says.
 */
static void
test_relation_styles (void)
{
  static const double scales[] = { 0.3, 1.5 };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      LineLook looks[BZW_MAP_N_RELATIONS];

      for (int r = 0; r < BZW_MAP_N_RELATIONS; r++)
        {
          looks[r] = look_of (r, scales[s]);
          g_test_message ("scale %g, kind %d: ink %.2f, %.1f px across, blue/red %.2f", scales[s], r,
                          looks[r].ink, looks[r].thickness, looks[r].blue);
          g_assert_cmpfloat (looks[r].ink, >, 0.1);
        }

      for (int r = 0; r < BZW_MAP_N_RELATIONS; r++)
        for (int q = r + 1; q < BZW_MAP_N_RELATIONS; q++)
          {
            gboolean same_style = (r == BZW_MAP_RELATION_COLLEAGUE && q == BZW_MAP_RELATION_BUSINESS);

            g_assert_cmpint (looks_alike (&looks[r], &looks[q]), ==, same_style);
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/readable/example-network", test_example_network);
  g_test_add_func ("/map/readable/dense-networks", test_dense_networks);
  g_test_add_func ("/map/readable/pan-and-zoom", test_pan_and_zoom);
  g_test_add_func ("/map/readable/crowded", test_crowded);
  g_test_add_func ("/map/readable/zoom-ahead", test_zoom_ahead);
  g_test_add_func ("/map/readable/me-colour", test_me_colour);
  g_test_add_func ("/map/readable/sized-export", test_sized_export);
  g_test_add_func ("/map/readable/relation-styles", test_relation_styles);

  return g_test_run ();
}
