/* SPDX-License-Identifier: GPL-3.0-or-later */

/* „Wie erreiche ich …?“: the strongest chain of introductions on small
 * graphs whose answer can be worked out by hand.
 */

#include "config.h"

#include "bzw-map-graph.h"
#include "bzw-map-path.h"

#include <locale.h>
#include <math.h>

static guint
add (BzwMapGraph *graph,
     gint64       id,
     const char  *name,
     BzwTrust     trust,
     double       me)
{
  guint index = bzw_map_graph_add_node (graph, id, name, NULL);

  bzw_map_graph_get_node (graph, index)->trust = trust;
  if (me > 0.0)
    bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_ME, 0, index, me);
  return index;
}

static void
assert_path (BzwMapPaths *paths,
             guint        target,
             const guint *expected,
             guint        n_expected)
{
  g_autoptr(GArray) path = bzw_map_paths_dup_path (paths, target);

  g_assert_nonnull (path);
  g_assert_cmpuint (path->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (g_array_index (path, guint, i), ==, expected[i]);
}

/* A strong friend who knows them well beats my own weak line. */
static void
test_via_friend (void)
{
  g_autoptr(BzwMapGraph) graph = bzw_map_graph_new ();
  guint anna = add (graph, 1, "Anna", BZW_TRUST_YES, 0.9);
  guint bernd = add (graph, 2, "Bernd", BZW_TRUST_YES, 0.1);
  g_autoptr(BzwMapPaths) paths = NULL;
  g_autofree char *text = NULL;

  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, anna, bernd, 5);
  paths = bzw_map_paths_new (graph, NULL);

  assert_path (paths, bernd, (guint[]) { 0, anna, bernd }, 3);
  g_assert_cmpfloat_with_epsilon (bzw_map_paths_get_weight (paths, bernd), 0.9 * 1.0, 1e-9);
  text = bzw_map_paths_describe (paths, bernd);
  g_assert_cmpstr (text, ==, "via Anna (strong) → Bernd (strong)");

  g_clear_pointer (&text, g_free);
  text = bzw_map_paths_describe (paths, anna);
  g_assert_cmpstr (text, ==, "you know Anna directly (strong)");
}

/* Someone I would not recommend passes only a little on: 0.9 · 0.25 is
 * less than my own 0.3.
 */
static void
test_trust (void)
{
  g_autoptr(BzwMapGraph) graph = bzw_map_graph_new ();
  guint anna = add (graph, 1, "Anna", BZW_TRUST_NO, 0.9);
  guint bernd = add (graph, 2, "Bernd", BZW_TRUST_UNKNOWN, 0.3);
  g_autoptr(BzwMapPaths) paths = NULL;

  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, anna, bernd, 5);
  paths = bzw_map_paths_new (graph, NULL);
  assert_path (paths, bernd, (guint[]) { 0, bernd }, 2);
  g_assert_cmpfloat_with_epsilon (bzw_map_paths_get_weight (paths, bernd), 0.3, 1e-9);

  /* Trusted, the same friend is the better way again. */
  bzw_map_graph_get_node (graph, anna)->trust = BZW_TRUST_YES;
  g_clear_pointer (&paths, bzw_map_paths_free);
  paths = bzw_map_paths_new (graph, NULL);
  assert_path (paths, bernd, (guint[]) { 0, anna, bernd }, 3);
}

/* A second-degree contact behind two chains: 0.8 · 0.4 = 0.32 through
 * Anna, 0.5 · 0.75 · 1.0 = 0.375 through Carl (trust unknown); the
 * products decide, not the number of steps or the first line.
 */
static void
test_two_chains (void)
{
  g_autoptr(BzwMapGraph) graph = bzw_map_graph_new ();
  guint anna = add (graph, 1, "Anna", BZW_TRUST_YES, 0.8);
  guint carl = add (graph, 3, "Carl", BZW_TRUST_UNKNOWN, 0.5);
  guint tom = add (graph, 4, "Tom", BZW_TRUST_YES, 0.0);
  g_autoptr(BzwMapPaths) paths = NULL;
  g_autofree gboolean *excluded = g_new0 (gboolean, 4);

  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, anna, tom, 2);
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, tom, carl, 5);
  paths = bzw_map_paths_new (graph, NULL);
  assert_path (paths, tom, (guint[]) { 0, carl, tom }, 3);
  g_assert_cmpfloat_with_epsilon (bzw_map_paths_get_weight (paths, tom), 0.375, 1e-9);

  /* Without Carl (archived, filtered out) only Anna is left. */
  excluded[carl] = TRUE;
  g_clear_pointer (&paths, bzw_map_paths_free);
  paths = bzw_map_paths_new (graph, excluded);
  assert_path (paths, tom, (guint[]) { 0, anna, tom }, 3);
  g_assert_cmpfloat_with_epsilon (bzw_map_paths_get_weight (paths, tom), 0.32, 1e-9);
  g_assert_null (bzw_map_paths_dup_path (paths, carl));
}

/* Three steps deep, and favours are no way to reach anyone. */
static void
test_deep_and_unreachable (void)
{
  g_autoptr(BzwMapGraph) graph = bzw_map_graph_new ();
  guint anna = add (graph, 1, "Anna", BZW_TRUST_YES, 1.0);
  guint bea = add (graph, 2, "Bea", BZW_TRUST_YES, 0.0);
  guint cem = add (graph, 3, "Cem", BZW_TRUST_YES, 0.0);
  guint dora = add (graph, 4, "Dora", BZW_TRUST_YES, 0.0);
  guint eve = add (graph, 5, "Eve", BZW_TRUST_YES, 0.0);
  g_autoptr(BzwMapPaths) paths = NULL;
  g_autofree char *text = NULL;

  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, anna, bea, 4);
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, bea, cem, 3);
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, cem, dora, 1);
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_FAVOUR, anna, eve, 500);
  bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_REFERRAL, eve, anna, 500);
  paths = bzw_map_paths_new (graph, NULL);

  assert_path (paths, dora, (guint[]) { 0, anna, bea, cem, dora }, 5);
  g_assert_cmpfloat_with_epsilon (bzw_map_paths_get_weight (paths, dora), 1.0 * 0.8 * 0.6 * 0.2, 1e-9);
  text = bzw_map_paths_describe (paths, dora);
  g_assert_cmpstr (text, ==, "via Anna (strong) → Bea (strong) → Cem (medium) → Dora (weak)");

  g_assert_null (bzw_map_paths_dup_path (paths, eve));
  g_assert_null (bzw_map_paths_describe (paths, eve));
  g_assert_cmpfloat (bzw_map_paths_get_weight (paths, eve), ==, 0.0);
  g_assert_cmpfloat (bzw_map_paths_get_weight (paths, 99), ==, 0.0);
}

/* A chain against every other one on a random graph: no other path from
 * "Ich" is stronger (checked by brute force over all simple paths).
 */
static double
best_by_search (BzwMapGraph *graph,
                guint        v,
                guint        target,
                gboolean    *seen,
                double       so_far)
{
  double best = v == target ? so_far : 0.0;

  if (v == target)
    return best;

  seen[v] = TRUE;
  for (guint i = 0; i < bzw_map_graph_get_n_edges (graph); i++)
    {
      const BzwMapEdge *e = bzw_map_graph_get_edge (graph, i);
      guint w;
      double factor;

      if (e->source != v && e->target != v)
        continue;
      w = e->source == v ? e->target : e->source;
      if (seen[w])
        continue;
      factor = v == 0 ? 1.0 : bzw_map_path_trust_factor (bzw_map_graph_get_node (graph, v)->trust);
      best = MAX (best, best_by_search (graph, w, target, seen,
                                        so_far * bzw_map_path_edge_weight (e) * factor));
    }
  seen[v] = FALSE;

  return best;
}

static void
test_random_against_search (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (18);

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(BzwMapGraph) graph = bzw_map_graph_new ();
      g_autoptr(BzwMapPaths) paths = NULL;
      guint n = 8;
      g_autofree gboolean *seen = g_new0 (gboolean, n + 1);

      for (guint i = 1; i <= n; i++)
        add (graph, i, "x", g_rand_int_range (rand, 0, 4), g_rand_boolean (rand) ? g_rand_double (rand) : 0.0);
      for (guint k = 0; k < 12; k++)
        {
          guint a = g_rand_int_range (rand, 1, n + 1);
          guint b = g_rand_int_range (rand, 1, n + 1);

          if (a != b)
            bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, a, b, g_rand_int_range (rand, 1, 6));
        }

      paths = bzw_map_paths_new (graph, NULL);
      for (guint t = 1; t <= n; t++)
        g_assert_cmpfloat_with_epsilon (bzw_map_paths_get_weight (paths, t),
                                        best_by_search (graph, 0, t, seen, 1.0), 1e-9);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/path/via-friend", test_via_friend);
  g_test_add_func ("/map/path/trust", test_trust);
  g_test_add_func ("/map/path/two-chains", test_two_chains);
  g_test_add_func ("/map/path/deep-and-unreachable", test_deep_and_unreachable);
  g_test_add_func ("/map/path/random-against-search", test_random_against_search);

  return g_test_run ();
}
