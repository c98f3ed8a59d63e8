/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-map-layout.h"
#include "map-fixture.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#define K BZW_MAP_LAYOUT_EDGE_LENGTH
/* sfdp reaches about 0.06 on graphs of this kind, our forces alone 0.17,
 * with the refinement 0.03.
 */
#define STRESS_BOUND 0.05

/* Relative error of the free nodes' forces: |F_bh − F_exact| / |F_exact|
 * summed over all nodes.
 */
static double
force_error (BzwMapGraph *graph,
             double       theta)
{
  g_autoptr(BzwMapLayout) layout = bzw_map_layout_new (graph, 7);
  guint n = bzw_map_graph_get_n_nodes (graph);
  g_autofree double *ax = g_new (double, n);
  g_autofree double *ay = g_new (double, n);
  g_autofree double *bx = g_new (double, n);
  g_autofree double *by = g_new (double, n);
  double diff = 0.0, norm = 0.0;

  bzw_map_layout_set_theta (layout, theta);
  bzw_map_layout_compute_forces (layout, FALSE, ax, ay);
  bzw_map_layout_compute_forces (layout, TRUE, bx, by);

  for (guint i = 1; i < n; i++)
    {
      if (bzw_map_graph_get_node (graph, i)->pinned)
        continue;
      diff += (ax[i] - bx[i]) * (ax[i] - bx[i]) + (ay[i] - by[i]) * (ay[i] - by[i]);
      norm += bx[i] * bx[i] + by[i] * by[i];
    }

  g_assert_cmpfloat (norm, >, 0.0);
  return sqrt (diff / norm);
}

static void
test_barnes_hut_matches_reference (void)
{
  static const guint sizes[] = { 30, 120, 400 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(BzwMapGraph) graph = map_fixture_clustered (sizes[s], 3 + s);
      g_autoptr(BzwMapLayout) layout = bzw_map_layout_new (graph, 11);
      double e0, e5, e8;

      /* Spread the nodes out a little first, as in real use. */
      for (guint k = 0; k < 10; k++)
        bzw_map_layout_step (layout);

      e0 = force_error (graph, 0.001);
      e5 = force_error (graph, 0.5);
      e8 = force_error (graph, 0.8);
      g_test_message ("%u nodes: relative error θ=0.001 %g, θ=0.5 %g, θ=0.8 %g", sizes[s], e0, e5, e8);

      /* A tiny θ opens every cell: the same sums in another order. */
      g_assert_cmpfloat (e0, <, 1e-9);
      g_assert_cmpfloat (e5, <, 0.02);
      g_assert_cmpfloat (e8, <, 0.05);
      g_assert_cmpfloat (e5, <=, e8);
    }
}

static void
run_layout (BzwMapGraph *graph,
            guint32      seed)
{
  g_autoptr(BzwMapLayout) layout = bzw_map_layout_new (graph, seed);

  g_assert_true (bzw_map_layout_run_until_settled (layout, 0));
  g_assert_true (bzw_map_layout_is_settled (layout));
}

static void
test_deterministic (void)
{
  g_autoptr(BzwMapGraph) a = map_fixture_clustered (300, 5);
  g_autoptr(BzwMapGraph) b = map_fixture_clustered (300, 5);
  g_autoptr(BzwMapGraph) c = map_fixture_clustered (300, 5);
  guint n = bzw_map_graph_get_n_nodes (a);
  gboolean differs = FALSE;

  run_layout (a, 42);
  run_layout (b, 42);
  run_layout (c, 43);

  for (guint i = 0; i < n; i++)
    {
      const BzwMapNode *na = bzw_map_graph_get_node (a, i);
      const BzwMapNode *nb = bzw_map_graph_get_node (b, i);
      const BzwMapNode *nc = bzw_map_graph_get_node (c, i);

      /* Bit for bit. */
      g_assert_true (memcmp (&na->x, &nb->x, sizeof (double)) == 0);
      g_assert_true (memcmp (&na->y, &nb->y, sizeof (double)) == 0);
      differs |= na->x != nc->x || na->y != nc->y;
    }

  g_assert_true (differs);
}

static gboolean
has_contact_lines (BzwMapGraph *graph,
                   guint        i)
{
  for (guint k = 0; k < bzw_map_graph_get_n_edges (graph); k++)
    {
      const BzwMapEdge *e = bzw_map_graph_get_edge (graph, k);

      if (e->kind != BZW_MAP_EDGE_ME && (e->source == i || e->target == i))
        return TRUE;
    }
  return FALSE;
}

static void
test_incremental (void)
{
  g_autoptr(BzwMapGraph) graph = map_fixture_clustered (300, 9);
  g_autoptr(BzwMapLayout) layout = bzw_map_layout_new (graph, 1);
  guint n = bzw_map_graph_get_n_nodes (graph);
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  double max_move = 0.0, sum_move = 0.0, d;
  const BzwMapNode *a, *b, *fresh;
  guint added;

  g_assert_true (bzw_map_layout_run_until_settled (layout, 0));
  for (guint i = 0; i < n; i++)
    {
      x[i] = bzw_map_graph_get_node (graph, i)->x;
      y[i] = bzw_map_graph_get_node (graph, i)->y;
    }

  /* A new contact who knows two people of one cluster. */
  added = bzw_map_graph_add_node (graph, 100000, "Neu", "N");
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, added, 10, 3);
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, added, 12, 3);
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_ME, 0, added, 0.2);
  g_assert_false (bzw_map_layout_is_settled (layout));
  g_assert_true (bzw_map_layout_run_until_settled (layout, 0));

  for (guint i = 1; i < n; i++)
    {
      const BzwMapNode *node = bzw_map_graph_get_node (graph, i);

      d = hypot (node->x - x[i], node->y - y[i]);
      max_move = MAX (max_move, d);
      sum_move += d;
    }
  g_test_message ("after adding a node: others moved at most %g, on average %g (edge length %g)",
                  max_move, sum_move / (n - 1), K);
  /* Nobody else moves; only the ring may make room. */
  for (guint i = 1; i < n; i++)
    if (bzw_map_graph_get_node (graph, i)->x != x[i] || bzw_map_graph_get_node (graph, i)->y != y[i])
      g_assert_false (has_contact_lines (graph, i));
  g_assert_cmpfloat (max_move, <, 0.5 * K);

  /* The newcomer sits next to the people it knows. */
  a = bzw_map_graph_get_node (graph, 10);
  b = bzw_map_graph_get_node (graph, 12);
  fresh = bzw_map_graph_get_node (graph, added);
  g_assert_true (fresh->placed);
  g_assert_cmpfloat (hypot (fresh->x - (a->x + b->x) / 2, fresh->y - (a->y + b->y) / 2), <, 3.0 * K);
}

static void
test_fixed_nodes (void)
{
  g_autoptr(BzwMapGraph) graph = map_fixture_clustered (80, 2);
  g_autoptr(BzwMapLayout) layout = bzw_map_layout_new (graph, 3);
  BzwMapNode *pinned = bzw_map_graph_get_node (graph, 5);
  double step, first;

  pinned->x = 1234.5;
  pinned->y = -321.0;
  pinned->pinned = TRUE;
  pinned->placed = TRUE;

  first = bzw_map_layout_step (layout);
  g_assert_cmpfloat (first, >, 0.0);
  do
    step = bzw_map_layout_step (layout);
  while (!bzw_map_layout_is_settled (layout) && bzw_map_layout_get_n_steps (layout) < 10000);

  g_assert_true (bzw_map_layout_is_settled (layout));
  g_assert_cmpfloat (step, <, first);
  g_assert_cmpfloat (step, <, 0.01 * K);
  g_assert_cmpfloat (bzw_map_graph_get_node (graph, 0)->x, ==, 0.0);
  g_assert_cmpfloat (bzw_map_graph_get_node (graph, 0)->y, ==, 0.0);
  g_assert_cmpfloat (pinned->x, ==, 1234.5);
  g_assert_cmpfloat (pinned->y, ==, -321.0);
  g_assert_cmpfloat (bzw_map_layout_get_energy (layout), >=, 0.0);

  /* Nodes do not pile up: every pair keeps some distance. */
  for (guint i = 1; i < bzw_map_graph_get_n_nodes (graph); i++)
    for (guint j = i + 1; j < bzw_map_graph_get_n_nodes (graph); j++)
      {
        const BzwMapNode *a = bzw_map_graph_get_node (graph, i);
        const BzwMapNode *b = bzw_map_graph_get_node (graph, j);

        g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >, 0.2 * K);
      }
}

/* Contacts tied to nobody else stand on a ring just outside the network,
 * not flung far out; they do not overlap, and one more of them moves the
 * others only a little.
 */
static void
test_unconnected_on_ring (void)
{
  g_autoptr(BzwMapGraph) graph = map_fixture_clustered (200, 5);
  g_autoptr(BzwMapLayout) layout = bzw_map_layout_new (graph, 4);
  guint first_loner = bzw_map_graph_get_n_nodes (graph);
  double reach = 0.0, ring = -1.0, x, y;
  guint n, added;

  for (guint k = 0; k < 12; k++)
    {
      guint i = bzw_map_graph_add_node (graph, 50000 + k, "Allein", "A");

      /* Some I have met, some never. */
      bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_ME, 0, i, k % 3 == 0 ? 0.4 : 0.0);
    }
  g_assert_true (bzw_map_layout_run_until_settled (layout, 0));
  n = bzw_map_graph_get_n_nodes (graph);

  for (guint i = 1; i < first_loner; i++)
    {
      const BzwMapNode *node = bzw_map_graph_get_node (graph, i);

      reach = MAX (reach, hypot (node->x, node->y) + node->radius);
    }

  for (guint i = first_loner; i < n; i++)
    {
      const BzwMapNode *node = bzw_map_graph_get_node (graph, i);
      double d = hypot (node->x, node->y);

      if (ring < 0)
        ring = d;
      /* All on one ring, outside the network and close to it. */
      g_assert_cmpfloat (fabs (d - ring), <, 1e-6 * ring);
      g_assert_cmpfloat (d - node->radius, >, reach);
      g_assert_cmpfloat (d, <, reach + K);

      for (guint j = 1; j < n; j++)
        {
          const BzwMapNode *other = bzw_map_graph_get_node (graph, j);

          if (j != i)
            g_assert_cmpfloat (hypot (node->x - other->x, node->y - other->y), >=,
                               node->radius + other->radius);
        }
    }
  g_test_message ("network reaches %g, ring at %g", reach, ring);

  /* One more on the ring: the others keep their places nearly. */
  x = bzw_map_graph_get_node (graph, first_loner)->x;
  y = bzw_map_graph_get_node (graph, first_loner)->y;
  added = bzw_map_graph_add_node (graph, 60000, "Neu allein", "N");
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_ME, 0, added, 0.0);
  g_assert_true (bzw_map_layout_run_until_settled (layout, 0));
  g_assert_cmpfloat (hypot (bzw_map_graph_get_node (graph, first_loner)->x - x,
                            bzw_map_graph_get_node (graph, first_loner)->y - y), <, 0.5 * K);
}

/* The normalised stress of the layout over all pairs of contacts joined in
 * the contact network: Σ (α·|xi − xj| − dij)² / dij² per pair, with dij
 * the distance in lines and α the scale that makes it least.
 */
static double
normalised_stress (BzwMapGraph *graph)
{
  guint n = bzw_map_graph_get_n_nodes (graph);
  guint m = bzw_map_graph_get_n_edges (graph);
  g_autofree int *dist = g_new (int, (gsize) n * n);
  g_autofree guint *queue = g_new (guint, n);
  double sum_ed = 0, sum_ee = 0, stress = 0, alpha;
  guint pairs = 0;

  for (guint s = 0; s < n; s++)
    {
      int *d = dist + (gsize) s * n;
      guint head = 0, tail = 0;

      for (guint i = 0; i < n; i++)
        d[i] = -1;
      d[s] = 0;
      queue[tail++] = s;
      while (head < tail)
        {
          guint v = queue[head++];

          for (guint k = 0; k < m; k++)
            {
              const BzwMapEdge *e = bzw_map_graph_get_edge (graph, k);
              guint w;

              if (e->kind == BZW_MAP_EDGE_ME || (e->source != v && e->target != v))
                continue;
              w = e->source == v ? e->target : e->source;
              if (d[w] < 0)
                {
                  d[w] = d[v] + 1;
                  queue[tail++] = w;
                }
            }
        }
    }

  for (int pass = 0; pass < 2; pass++)
    {
      alpha = sum_ee > 0 ? sum_ed / sum_ee : 1.0;
      for (guint i = 1; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            const BzwMapNode *a = bzw_map_graph_get_node (graph, i);
            const BzwMapNode *b = bzw_map_graph_get_node (graph, j);
            double d = dist[(gsize) i * n + j];
            double e = hypot (a->x - b->x, a->y - b->y);

            if (d <= 0)
              continue;
            if (pass == 0)
              {
                sum_ed += e / d;
                sum_ee += e * e / (d * d);
              }
            else
              {
                stress += (alpha * e - d) * (alpha * e - d) / (d * d);
                pairs++;
              }
          }
    }

  g_assert_cmpuint (pairs, >, 0);
  return stress / pairs;
}

/* The distances on the map follow those in the network (the stress
 * refinement), „Ich“ stays in the middle of it.
 */
static void
test_stress (void)
{
  g_autoptr(BzwMapGraph) graph = map_fixture_clustered (400, 8);
  g_autoptr(BzwMapLayout) layout = bzw_map_layout_new (graph, 2);
  double stress, cx = 0, cy = 0, reach = 0;
  guint n = bzw_map_graph_get_n_nodes (graph);

  g_assert_true (bzw_map_layout_run_until_settled (layout, 0));
  stress = normalised_stress (graph);
  for (guint i = 1; i < n; i++)
    {
      const BzwMapNode *node = bzw_map_graph_get_node (graph, i);

      cx += node->x / (n - 1);
      cy += node->y / (n - 1);
      reach = MAX (reach, hypot (node->x, node->y));
    }
  g_test_message ("normalised stress %g, centre of the contacts (%g, %g), reach %g", stress, cx, cy, reach);
  g_assert_cmpfloat (stress, <, STRESS_BOUND);
  g_assert_cmpfloat (hypot (cx, cy), <, 0.15 * reach);
}

static void
test_strength_formula (void)
{
  gint64 now = MAP_FIXTURE_NOW;
  gint64 times[3] = { now, now - 180 * 86400, now - 400 * 86400 };
  BzwChannel channels[3] = { BZW_CHANNEL_IN_PERSON, BZW_CHANNEL_IN_PERSON, BZW_CHANNEL_PHONE };

  g_assert_cmpfloat (bzw_map_strength_from_encounters (times, channels, 0, now), ==, 0.0);
  /* 3 / (3 + 6) */
  g_assert_cmpfloat_with_epsilon (bzw_map_strength_from_encounters (times, channels, 1, now), 1.0 / 3.0, 1e-9);
  /* Half a year later it counts half: 1.5 / 7.5. */
  g_assert_cmpfloat_with_epsilon (bzw_map_strength_from_encounters (times + 1, channels + 1, 1, now), 0.2, 1e-9);
  /* Older than a year: nothing. */
  g_assert_cmpfloat (bzw_map_strength_from_encounters (times + 2, channels + 2, 1, now), ==, 0.0);
  /* More encounters, more strength, never 1. */
  g_assert_cmpfloat (bzw_map_strength_from_encounters (times, channels, 3, now), >,
                     bzw_map_strength_from_encounters (times, channels, 1, now));
  g_assert_cmpfloat (bzw_map_strength_from_encounters (times, channels, 3, now), <, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/layout/barnes-hut-matches-reference", test_barnes_hut_matches_reference);
  g_test_add_func ("/map/layout/deterministic", test_deterministic);
  g_test_add_func ("/map/layout/incremental", test_incremental);
  g_test_add_func ("/map/layout/fixed-nodes", test_fixed_nodes);
  g_test_add_func ("/map/layout/unconnected-on-ring", test_unconnected_on_ring);
  g_test_add_func ("/map/layout/stress", test_stress);
  g_test_add_func ("/map/layout/strength-formula", test_strength_formula);

  return g_test_run ();
}
