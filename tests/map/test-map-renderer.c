/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-map-layout.h"
#include "bzw-map-renderer.h"
#include "map-fixture.h"

#include <locale.h>
#include <math.h>

/* Three contacts in known places: A and B are colleagues, B gave A a
 * favour; C is in circle 7 and far away.
 */
static BzwMapGraph *
make_graph (void)
{
  BzwMapGraph *graph = bzw_map_graph_new ();
  guint a = bzw_map_graph_add_node (graph, 1, "Ada Alpha", "AA");
  guint b = bzw_map_graph_add_node (graph, 2, "Bert Beta", "BB");
  guint c = bzw_map_graph_add_node (graph, 3, "Carla Gamma", "CG");
  BzwMapNode *node;
  guint e;

  node = bzw_map_graph_get_node (graph, a);
  node->x = 200;
  node->y = 0;
  node->placed = TRUE;
  node = bzw_map_graph_get_node (graph, b);
  node->x = 200;
  node->y = 300;
  node->placed = TRUE;
  node = bzw_map_graph_get_node (graph, c);
  node->x = -600;
  node->y = -100;
  node->placed = TRUE;
  node->circle_id = 7;
  node->circle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (node->circle_ids, node->circle_id);

  e = bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, a, b, 3);
  bzw_map_graph_get_edge (graph, e)->relation = BZW_MAP_RELATION_COLLEAGUE;
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_ME, 0, a, 0.8);
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_ME, 0, c, 0.1);
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_FAVOUR, b, a, 100);

  return graph;
}

static void
to_screen (const BzwMapView *view,
           BzwMapGraph      *graph,
           guint             i,
           double           *x,
           double           *y)
{
  const BzwMapNode *node = bzw_map_graph_get_node (graph, i);

  *x = node->x * view->scale + view->offset_x;
  *y = node->y * view->scale + view->offset_y;
}

static void
test_hit_nodes (void)
{
  g_autoptr(BzwMapGraph) graph = make_graph ();
  g_autoptr(BzwMapRenderer) renderer = bzw_map_renderer_new (graph);
  static const double scales[] = { 0.02, 0.1, 0.5, 1.0, 3.0 };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      BzwMapView view;
      double x, y, r;

      bzw_map_view_init (&view, 800, 600);
      view.scale = scales[s];
      view.offset_x = 400 - 100 * scales[s];
      view.offset_y = 300 - 50 * scales[s];

      for (guint i = 0; i < 4; i++)
        {
          /* Where the node is drawn, after the discs were pushed apart;
           * a node far outside the viewport cannot be pointed at.
           */
          if (!bzw_map_renderer_get_node_disc (renderer, &view, i, &x, &y, &r))
            {
              g_assert_true (x + r < 0 || y + r < 0 || x - r > 800 || y - r > 600);
              continue;
            }
          g_assert_cmpint (bzw_map_renderer_hit_node (renderer, &view, x, y), ==, i);

          /* Just inside the drawn circle (or the minimum target of 6 px). */
          r = MAX (r, 6.0);
          if (scales[s] >= 0.5)
            g_assert_cmpint (bzw_map_renderer_hit_node (renderer, &view, x + r * 0.9, y), ==, i);
          g_assert_cmpint (bzw_map_renderer_hit_node (renderer, &view, x + r + 2.0, y + r + 2.0), !=, i);
        }

      /* Empty space. */
      g_assert_cmpint (bzw_map_renderer_hit_node (renderer, &view, 799, 599), ==, -1);
    }
}

static void
test_hit_edges (void)
{
  g_autoptr(BzwMapGraph) graph = make_graph ();
  g_autoptr(BzwMapRenderer) renderer = bzw_map_renderer_new (graph);
  static const double scales[] = { 0.3, 1.0, 2.0 };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      BzwMapView view;
      double ax, ay, bx, by, cx, cy;
      int hit;

      bzw_map_view_init (&view, 800, 600);
      view.scale = scales[s];
      view.offset_x = 200;
      view.offset_y = 150;
      to_screen (&view, graph, 1, &ax, &ay);
      to_screen (&view, graph, 2, &bx, &by);
      to_screen (&view, graph, 3, &cx, &cy);

      /* The relationship runs straight from A down to B. */
      hit = bzw_map_renderer_hit_edge (renderer, &view, ax + 1.0, (ay + by) / 2.0);
      g_assert_cmpint (hit, ==, 0);

      /* The favour bends to its right: B → A goes up, so it bulges to
       * the right of the straight line (larger x on screen).
       */
      hit = bzw_map_renderer_hit_edge (renderer, &view, ax + (by - ay) * 0.18 * 0.5, (ay + by) / 2.0);
      g_assert_cmpint (hit, ==, 3);

      /* The line from "Ich" to C. */
      hit = bzw_map_renderer_hit_edge (renderer, &view, (view.offset_x + cx) / 2.0, (view.offset_y + cy) / 2.0);
      g_assert_cmpint (hit, ==, 2);

      /* Nowhere near a line. */
      g_assert_cmpint (bzw_map_renderer_hit_edge (renderer, &view, 790, 10), ==, -1);

      /* Hidden kinds cannot be hit. */
      view.edge_kinds = BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_ME);
      g_assert_cmpint (bzw_map_renderer_hit_edge (renderer, &view, ax + 1.0, (ay + by) / 2.0), ==, -1);
    }
}

static void
test_filters (void)
{
  g_autoptr(BzwMapGraph) graph = make_graph ();
  g_autoptr(BzwMapRenderer) renderer = bzw_map_renderer_new (graph);
  g_autoptr(GArray) circles = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 seven = 7;
  BzwMapView view;
  double x, y;

  bzw_map_view_init (&view, 800, 600);
  bzw_map_view_fit (&view, graph, 20);
  g_array_append_val (circles, seven);
  view.circles = circles;

  g_assert_true (bzw_map_renderer_node_is_visible (renderer, &view, 0));
  g_assert_false (bzw_map_renderer_node_is_visible (renderer, &view, 1));
  g_assert_true (bzw_map_renderer_node_is_visible (renderer, &view, 3));
  to_screen (&view, graph, 1, &x, &y);
  g_assert_cmpint (bzw_map_renderer_hit_node (renderer, &view, x, y), ==, -1);

  view.circles = NULL;
  bzw_map_graph_get_node (graph, 2)->archived = TRUE;
  g_assert_false (bzw_map_renderer_node_is_visible (renderer, &view, 2));
  view.hide_archived = FALSE;
  g_assert_true (bzw_map_renderer_node_is_visible (renderer, &view, 2));

  /* Second degree: C is known only through A. */
  bzw_map_graph_get_node (graph, 3)->second_degree = TRUE;
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, 1, 3, 2);
  view.second_degree = TRUE;
  g_assert_true (bzw_map_renderer_node_is_visible (renderer, &view, 3));
  g_assert_true (bzw_map_renderer_node_is_visible (renderer, &view, 1));
  g_assert_false (bzw_map_renderer_node_is_visible (renderer, &view, 2));
}

static guint
count_ink (cairo_surface_t *surface,
           guint32          background)
{
  guint8 *data;
  int stride, w, h;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      n += (*(guint32 *) (gpointer) (data + y * stride + 4 * x) & 0xffffff) != (background & 0xffffff);

  return n;
}

static void
test_draw_and_fit (void)
{
  g_autoptr(BzwMapGraph) graph = map_fixture_clustered (120, 4);
  g_autoptr(BzwMapRenderer) renderer = bzw_map_renderer_new (graph);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  BzwMapView view;
  guint labels_far, labels_near;
  cairo_t *cr;
  double x1, y1, x2, y2;
  guint32 light_bg, dark_bg;

  /* Place the nodes on a spiral. */
  for (guint i = 1; i < bzw_map_graph_get_n_nodes (graph); i++)
    {
      BzwMapNode *node = bzw_map_graph_get_node (graph, i);

      node->x = cos (i * 0.5) * 30.0 * sqrt (i) * 3.0;
      node->y = sin (i * 0.5) * 30.0 * sqrt (i) * 3.0;
      node->placed = TRUE;
    }

  bzw_map_view_init (&view, 800, 600);
  bzw_map_view_fit (&view, graph, 10);
  bzw_map_graph_get_bounds (graph, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat (x1 * view.scale + view.offset_x, >=, 9.9);
  g_assert_cmpfloat (y1 * view.scale + view.offset_y, >=, 9.9);
  g_assert_cmpfloat (x2 * view.scale + view.offset_x, <=, 790.1);
  g_assert_cmpfloat (y2 * view.scale + view.offset_y, <=, 590.1);

  cr = cairo_create (surface);
  bzw_map_renderer_draw (renderer, cr, &view);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  light_bg = *(guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  g_assert_cmpuint (count_ink (surface, light_bg), >, 5000);
  labels_far = bzw_map_renderer_get_n_labels (renderer);

  /* Labels never overlap, so at the overview not every node has one. */
  g_assert_cmpuint (labels_far, <, bzw_map_graph_get_n_nodes (graph) - 1);
  for (guint a = 0; a < labels_far; a++)
    for (guint b = a + 1; b < labels_far; b++)
      {
        double ax, ay, aw, ah, bx, by, bw, bh;

        bzw_map_renderer_get_label (renderer, a, &ax, &ay, &aw, &ah);
        bzw_map_renderer_get_label (renderer, b, &bx, &by, &bw, &bh);
        g_assert_true (ax + aw <= bx || bx + bw <= ax || ay + ah <= by || by + bh <= ay);
      }

  /* Zoomed in around a node, its label shows. */
  bzw_map_view_zoom_at (&view, 6.0, bzw_map_graph_get_node (graph, 60)->x * view.scale + view.offset_x,
                        bzw_map_graph_get_node (graph, 60)->y * view.scale + view.offset_y);
  view.selected = 60;
  view.highlight_neighbours = TRUE;
  cr = cairo_create (surface);
  bzw_map_renderer_draw (renderer, cr, &view);
  cairo_destroy (cr);
  labels_near = bzw_map_renderer_get_n_labels (renderer);
  g_assert_cmpuint (labels_near, >, 0);
  {
    double lx, ly, lw, lh;

    g_assert_cmpuint (bzw_map_renderer_get_label (renderer, 0, &lx, &ly, &lw, &lh), ==, 60);
  }

  /* The dark style is dark. */
  view.style = BZW_MAP_STYLE_DARK;
  view.show_legend = TRUE;
  cr = cairo_create (surface);
  bzw_map_renderer_draw (renderer, cr, &view);
  cairo_destroy (cr);
  dark_bg = *(guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  g_assert_cmpuint ((dark_bg & 0xff), <, 0x40);
  g_assert_cmpuint ((light_bg & 0xff), >, 0xe0);

  cairo_surface_destroy (surface);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A contact's photo fills its node on the map: a pure red picture saved as
 * PNG in a real store shows red where the node is drawn.
 */
static void
test_photo (void)
{
  g_autofree char *dir = map_fixture_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "photo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(BzwMapGraph) graph = NULL;
  g_autoptr(BzwMapRenderer) renderer = NULL;
  cairo_surface_t *picture = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 30);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  BzwMapNode *node;
  BzwMapView view;
  cairo_t *cr;
  guint index;
  guint32 pixel;
  int sx, sy;

  g_assert_no_error (error);

  cr = cairo_create (picture);
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (picture, append_png, png);
  cairo_surface_destroy (picture);
  photo = g_byte_array_free_to_bytes (g_steal_pointer (&png));

  bzw_contact_set_display_name (contact, "Rita Rot");
  bzw_contact_set_photo (contact, photo);
  g_assert_true (bzw_store_save_contact (store, contact, &error));

  graph = bzw_map_graph_new_from_store (store, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_map_graph_lookup (graph, bzw_contact_get_id (contact), &index));
  node = bzw_map_graph_get_node (graph, index);
  g_assert_nonnull (node->photo);
  g_assert_cmpint (cairo_image_surface_get_width (node->photo), ==, 64);

  /* Not a picture: no photo, and no harm. */
  {
    g_autoptr(GBytes) junk = g_bytes_new_static ("not a picture", 13);

    g_assert_null (bzw_map_photo_new (junk, 64));
  }

  node->x = 120;
  node->y = 0;
  node->radius = 20;
  node->placed = TRUE;
  renderer = bzw_map_renderer_new (graph);
  bzw_map_view_init (&view, 400, 300);
  view.scale = 1.0;
  view.offset_x = 150;
  view.offset_y = 150;
  cr = cairo_create (surface);
  bzw_map_renderer_draw (renderer, cr, &view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  sx = (int) (node->x * view.scale + view.offset_x);
  sy = (int) (node->y * view.scale + view.offset_y);
  pixel = *(guint32 *) (gpointer) (cairo_image_surface_get_data (surface) +
                                  sy * cairo_image_surface_get_stride (surface) + sx * 4);
  /* Red, not the circle colour and not initials. */
  g_assert_cmpuint ((pixel >> 16) & 0xff, >, 200);
  g_assert_cmpuint ((pixel >> 8) & 0xff, <, 60);
  g_assert_cmpuint (pixel & 0xff, <, 60);

  cairo_surface_destroy (surface);
  g_clear_object (&store);
  map_fixture_remove_tree (dir);
}

static void
draw_view (BzwMapRenderer   *renderer,
           const BzwMapView *view)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width, view->height);
  cairo_t *cr = cairo_create (surface);

  bzw_map_renderer_draw (renderer, cr, view);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* What a renderer kept from other zooms (the discs pushed apart per zoom
 * step, the text sizes) gives the same discs and names as a renderer that
 * draws the view for the first time.
 */
static void
test_kept_placement (void)
{
  g_autoptr(BzwMapGraph) graph = map_fixture_clustered (400, 6);
  g_autoptr(BzwMapLayout) layout = bzw_map_layout_new (graph, 5);
  g_autoptr(BzwMapRenderer) kept = bzw_map_renderer_new (graph);
  g_autoptr(BzwMapRenderer) fresh = NULL;
  BzwMapView view, other;
  guint n = bzw_map_graph_get_n_nodes (graph);

  g_assert_true (bzw_map_layout_run_until_settled (layout, 0));
  bzw_map_view_init (&view, 1000, 700);
  bzw_map_view_fit (&view, graph, 24.0);
  bzw_map_view_zoom_at (&view, 1.7, 400, 300);
  other = view;
  bzw_map_view_zoom_at (&other, 0.6, 500, 350);

  /* Here, elsewhere, back, and panned a little. */
  draw_view (kept, &view);
  draw_view (kept, &other);
  draw_view (kept, &view);
  view.offset_x += 13.0;
  view.hover = 7;
  draw_view (kept, &other);
  draw_view (kept, &view);

  fresh = bzw_map_renderer_new (graph);
  draw_view (fresh, &view);

  g_assert_cmpuint (bzw_map_renderer_get_n_labels (kept), >, 10);
  g_assert_cmpuint (bzw_map_renderer_get_n_labels (kept), ==, bzw_map_renderer_get_n_labels (fresh));
  for (guint k = 0; k < bzw_map_renderer_get_n_labels (kept); k++)
    {
      double ax, ay, aw, ah, bx, by, bw, bh;

      g_assert_cmpuint (bzw_map_renderer_get_label (kept, k, &ax, &ay, &aw, &ah), ==,
                        bzw_map_renderer_get_label (fresh, k, &bx, &by, &bw, &bh));
      g_assert_cmpfloat (ax, ==, bx);
      g_assert_cmpfloat (ay, ==, by);
      g_assert_cmpfloat (aw, ==, bw);
      g_assert_cmpfloat (ah, ==, bh);
    }
  for (guint i = 0; i < n; i++)
    {
      double ax, ay, ar, bx, by, br;
      gboolean a_drawn = bzw_map_renderer_get_node_disc (kept, &view, i, &ax, &ay, &ar);
      gboolean b_drawn = bzw_map_renderer_get_node_disc (fresh, &view, i, &bx, &by, &br);

      g_assert_true (a_drawn == b_drawn);
      g_assert_cmpfloat (ax, ==, bx);
      g_assert_cmpfloat (ay, ==, by);
      g_assert_cmpfloat (ar, ==, br);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/renderer/hit-nodes", test_hit_nodes);
  g_test_add_func ("/map/renderer/hit-edges", test_hit_edges);
  g_test_add_func ("/map/renderer/filters", test_filters);
  g_test_add_func ("/map/renderer/draw-and-fit", test_draw_and_fit);
  g_test_add_func ("/map/renderer/photo", test_photo);
  g_test_add_func ("/map/renderer/kept-placement", test_kept_placement);

  return g_test_run ();
}
