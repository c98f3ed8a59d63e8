/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-demo.h"
#include "bzw-map-declutter.h"
#include "bzw-map-graph.h"
#include "bzw-map-layout.h"
#include "map-fixture.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* Discs thrown on a small square: far more than fit without overlap. */
static BzwMapDisc *
dense_discs (guint   n,
             double  side,
             guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  BzwMapDisc *discs = g_new (BzwMapDisc, n);

  for (guint i = 0; i < n; i++)
    {
      discs[i].x = g_rand_double_range (rand, 0, side);
      discs[i].y = g_rand_double_range (rand, 0, side);
      discs[i].r = g_rand_double_range (rand, 4, 14);
    }
  /* Some on exactly the same spot, as new nodes without a position are. */
  for (guint i = 1; i < MIN (n, 20u); i++)
    {
      discs[i].x = discs[0].x;
      discs[i].y = discs[0].y;
    }
  return discs;
}

static void
test_separate_dense (void)
{
  const guint n = 2000;
  g_autofree BzwMapDisc *discs = dense_discs (n, 200, 42);
  g_autofree gboolean *fixed = g_new0 (gboolean, n);
  BzwMapDisc first;

  fixed[0] = TRUE;
  first = discs[0];
  g_assert_cmpuint (bzw_map_count_disc_overlaps (discs, n, 2), >, 1000);
  g_assert_cmpuint (bzw_map_separate_discs (discs, n, fixed, 2, 500), ==, 0);
  g_assert_cmpuint (bzw_map_count_disc_overlaps (discs, n, 2), ==, 0);
  /* The fixed disc („Ich“) has not moved. */
  g_assert_cmpfloat (discs[0].x, ==, first.x);
  g_assert_cmpfloat (discs[0].y, ==, first.y);
}

/* Where pushing apart gives up (a few rounds for thousands of discs on a
 * small square), shrinking parts the rest: no two discs overlap, the
 * fixed disc as it was, no radius grown, and no disc left under the
 * fixed one (it would shrink to nothing there).
 */
static void
test_shrink_dense (void)
{
  const guint n = 3000;
  const double gap = 2;
  g_autofree BzwMapDisc *discs = dense_discs (n, 250, 7);
  g_autofree BzwMapDisc *before = NULL;
  g_autofree gboolean *fixed = g_new0 (gboolean, n);

  fixed[0] = TRUE;
  discs[0].r = 30;
  g_assert_cmpuint (bzw_map_nudge_discs (discs, n, fixed, gap, 3), >, 100);
  before = g_memdup2 (discs, n * sizeof (BzwMapDisc));

  g_assert_cmpuint (bzw_map_shrink_discs (discs, n, fixed, gap), >, 100);
  g_assert_cmpuint (bzw_map_count_disc_overlaps (discs, n, 0), ==, 0);
  /* The gap is kept but where two centres are closer than twice the gap. */
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        double d = hypot (discs[i].x - discs[j].x, discs[i].y - discs[j].y);

        if (d >= 2 * gap)
          g_assert_cmpfloat (discs[i].r + discs[j].r + gap, <=, d + 1e-9);
      }
  g_assert_true (memcmp (&discs[0], &before[0], sizeof (BzwMapDisc)) == 0);
  for (guint i = 1; i < n; i++)
    {
      g_assert_cmpfloat (discs[i].r, >=, 0);
      g_assert_cmpfloat (discs[i].r, <=, before[i].r);
      g_assert_cmpfloat (hypot (discs[i].x - discs[0].x, discs[i].y - discs[0].y), >=, discs[0].r + gap - 1e-9);
    }

  /* Discs already apart keep their size. */
  g_assert_cmpuint (bzw_map_shrink_discs (discs, n, fixed, gap), ==, 0);
}

/* Nudging that gives up when it stalls stops sooner, and without a
 * least progress it is the plain nudge.
 */
static void
test_nudge_while (void)
{
  const guint n = 3000;
  g_autofree BzwMapDisc *plain = dense_discs (n, 250, 9);
  g_autofree BzwMapDisc *quick = g_memdup2 (plain, n * sizeof (BzwMapDisc));
  g_autofree BzwMapDisc *same = g_memdup2 (plain, n * sizeof (BzwMapDisc));
  guint left_plain = bzw_map_nudge_discs (plain, n, NULL, 2, 40);
  guint left_quick = bzw_map_nudge_discs_while (quick, n, NULL, 2, 40, 0.5);

  g_assert_cmpuint (left_plain, >, 0);
  g_assert_cmpuint (left_quick, >, left_plain);
  g_assert_cmpuint (bzw_map_nudge_discs_while (same, n, NULL, 2, 40, 0.0), ==, left_plain);
  g_assert_true (memcmp (same, plain, n * sizeof (BzwMapDisc)) == 0);
}

/* A pair that already keeps its distance is left where it is. */
static void
test_separate_leaves_free_discs (void)
{
  BzwMapDisc discs[] = { { 0, 0, 10 }, { 30, 0, 10 }, { 15, 0, 10 } };

  g_assert_cmpuint (bzw_map_separate_discs (discs, 2, NULL, 2, 10), ==, 0);
  g_assert_cmpfloat (discs[0].x, ==, 0);
  g_assert_cmpfloat (discs[1].x, ==, 30);
  g_assert_cmpuint (bzw_map_separate_discs (discs, 3, NULL, 2, 100), ==, 0);
  g_assert_cmpuint (bzw_map_count_disc_overlaps (discs, 3, 2), ==, 0);
}

/* Of two labels that compete for one place, the more important is shown. */
static void
test_labels_priority (void)
{
  BzwMapDisc discs[] = { { 50, 15, 5 }, { 50, 15, 5 } };
  BzwMapLabelRequest labels[] = { { 400, 12, 0.2 }, { 400, 12, 0.9 } };
  BzwMapLabelPlacement placements[2];
  BzwMapRect bounds = { 0, 0, 500, 30 };

  g_assert_cmpuint (bzw_map_place_labels (discs, labels, 2, &bounds, NULL, 0, placements), ==, 1);
  g_assert_false (placements[0].visible);
  g_assert_true (placements[1].visible);
  g_assert_cmpuint (bzw_map_count_label_conflicts (discs, placements, 2, &bounds), ==, 0);
}

/* The example network laid out, its discs separated and its labels placed
 * on a canvas of 1280 × 800: no overlaps, no label over a node or outside.
 */
static void
test_example_network (void)
{
  g_autofree char *dir = map_fixture_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "map.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (MAP_FIXTURE_NOW);
  g_autoptr(BzwMapGraph) graph = NULL;
  g_autoptr(BzwMapLayout) layout = NULL;
  g_autofree BzwMapDisc *discs = NULL;
  g_autofree gboolean *fixed = NULL;
  g_autofree BzwMapLabelRequest *labels = NULL;
  g_autofree BzwMapLabelPlacement *placements = NULL;
  BzwMapRect bounds = { 0, 0, 1280, 800 };
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double scale;
  guint n;
  guint shown;

  g_assert_no_error (error);
  g_assert_true (bzw_demo_fill (store, now, &error));
  g_assert_no_error (error);
  graph = bzw_map_graph_new_from_store (store, &error);
  g_assert_no_error (error);
  layout = bzw_map_layout_new (graph, 7);
  g_assert_true (bzw_map_layout_run_until_settled (layout, 0));

  n = bzw_map_graph_get_n_nodes (graph);
  discs = g_new (BzwMapDisc, n);
  fixed = g_new0 (gboolean, n);
  labels = g_new (BzwMapLabelRequest, n);
  placements = g_new (BzwMapLabelPlacement, n);
  for (guint i = 0; i < n; i++)
    {
      const BzwMapNode *node = bzw_map_graph_get_node (graph, i);

      min_x = MIN (min_x, node->x);
      min_y = MIN (min_y, node->y);
      max_x = MAX (max_x, node->x);
      max_y = MAX (max_y, node->y);
    }
  /* Fit into the canvas with a margin, as „Einpassen“ does. */
  scale = MIN ((bounds.width - 160) / MAX (max_x - min_x, 1), (bounds.height - 80) / MAX (max_y - min_y, 1));
  for (guint i = 0; i < n; i++)
    {
      const BzwMapNode *node = bzw_map_graph_get_node (graph, i);

      discs[i].x = 80 + (node->x - min_x) * scale;
      discs[i].y = 40 + (node->y - min_y) * scale;
      discs[i].r = MAX (node->radius * scale, 6);
      labels[i].width = 6.5 * g_utf8_strlen (node->label, -1);
      labels[i].height = 14;
      labels[i].priority = i == 0 ? G_MAXDOUBLE : node->strength;
    }
  fixed[0] = TRUE;

  g_assert_cmpuint (bzw_map_separate_discs (discs, n, fixed, 4, 500), ==, 0);
  shown = bzw_map_place_labels (discs, labels, n, &bounds, NULL, 0, placements);
  g_assert_cmpuint (bzw_map_count_label_conflicts (discs, placements, n, &bounds), ==, 0);
  g_assert_true (placements[0].visible);    /* „Ich“ always has its name */
  g_assert_cmpuint (shown, >=, n / 2);
  g_test_message ("%u of %u labels shown", shown, n);

  g_clear_object (&store);
  map_fixture_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/declutter/separate-dense", test_separate_dense);
  g_test_add_func ("/map/declutter/separate-leaves-free-discs", test_separate_leaves_free_discs);
  g_test_add_func ("/map/declutter/shrink-dense", test_shrink_dense);
  g_test_add_func ("/map/declutter/nudge-while", test_nudge_while);
  g_test_add_func ("/map/declutter/labels-priority", test_labels_priority);
  g_test_add_func ("/map/declutter/example-network", test_example_network);

  return g_test_run ();
}
