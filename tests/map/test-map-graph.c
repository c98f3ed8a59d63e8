/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-map-graph.h"
#include "bzw-map-layout.h"
#include "map-fixture.h"

#include <locale.h>

typedef struct
{
  char          *dir;
  BzwStore      *store;
  MapFixtureIds  ids;
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
  map_fixture_fill_store (fixture->store, &fixture->ids);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_clear_object (&fixture->store);
  map_fixture_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static BzwMapGraph *
load (Fixture  *fixture,
      gboolean  archived)
{
  BzwMapGraphOptions options = { archived, 0, 0, MAP_FIXTURE_NOW };
  g_autoptr(GError) error = NULL;
  BzwMapGraph *graph = bzw_map_graph_new_from_store_full (fixture->store, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static const BzwMapNode *
node_of (BzwMapGraph *graph,
         gint64       contact_id)
{
  guint index;

  g_assert_true (bzw_map_graph_lookup (graph, contact_id, &index));
  return bzw_map_graph_get_node (graph, index);
}

static guint
count_edges (BzwMapGraph    *graph,
             BzwMapEdgeKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < bzw_map_graph_get_n_edges (graph); i++)
    n += bzw_map_graph_get_edge (graph, i)->kind == kind;
  return n;
}

static void
test_read_store (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BzwMapGraph) graph = load (fixture, FALSE);
  g_autoptr(BzwMapGraph) all = load (fixture, TRUE);
  const BzwMapNode *anna = node_of (graph, fixture->ids.anna);
  const BzwMapNode *murat = node_of (graph, fixture->ids.murat);
  const BzwMapNode *elif = node_of (graph, fixture->ids.stranger);
  BzwMapColor purple;

  /* "Ich" and the non-archived contacts; with archived ones one more. */
  g_assert_cmpuint (bzw_map_graph_get_n_nodes (graph), ==, fixture->ids.n_contacts + 1);
  g_assert_cmpuint (bzw_map_graph_get_n_nodes (all), ==, fixture->ids.n_contacts + 2);
  g_assert_false (bzw_map_graph_lookup (graph, fixture->ids.archived, NULL));
  g_assert_true (node_of (all, fixture->ids.archived)->archived);
  g_assert_cmpint (bzw_map_graph_get_node (graph, 0)->contact_id, ==, 0);

  /* Colour of the first circle; size by activity; strength and age. */
  g_assert_true (bzw_map_color_parse ("#c061cb", &purple));
  g_assert_cmpfloat (anna->color.red, ==, purple.red);
  g_assert_cmpfloat (anna->color.blue, ==, purple.blue);
  g_assert_cmpstr (anna->label, ==, "Anna Becker");
  g_assert_cmpstr (anna->initials, ==, "AB");
  g_assert_cmpfloat (anna->radius, >, murat->radius);
  g_assert_cmpfloat (anna->strength, >, 0.3);
  g_assert_cmpfloat (murat->strength, ==, 0.0);
  g_assert_cmpint (anna->days_since, ==, 3);
  g_assert_cmpint (murat->days_since, ==, 400);
  g_assert_cmpint (elif->days_since, ==, -1);

  /* Elif is known only through Murat: no line from me. */
  g_assert_true (elif->second_degree);
  g_assert_false (murat->second_degree);
  g_assert_cmpuint (count_edges (graph, BZW_MAP_EDGE_ME), ==, fixture->ids.n_contacts - 1);
  g_assert_cmpuint (count_edges (graph, BZW_MAP_EDGE_RELATIONSHIP), ==, 14);
  g_assert_cmpuint (count_edges (graph, BZW_MAP_EDGE_FAVOUR), ==, 4);
  g_assert_cmpuint (count_edges (graph, BZW_MAP_EDGE_REFERRAL), ==, 2);
  g_assert_cmpuint (bzw_map_graph_get_n_circles (graph), ==, 5);

  /* Me → Anna → Jonas → me is a cycle of giving; Sophie's favour is not. */
  for (guint i = 0; i < bzw_map_graph_get_n_edges (graph); i++)
    {
      const BzwMapEdge *e = bzw_map_graph_get_edge (graph, i);
      gint64 from = bzw_map_graph_get_node (graph, e->source)->contact_id;
      gint64 to = bzw_map_graph_get_node (graph, e->target)->contact_id;

      if (e->kind != BZW_MAP_EDGE_FAVOUR)
        {
          g_assert_false (e->kind == BZW_MAP_EDGE_RELATIONSHIP && bzw_map_graph_edge_in_cycle (graph, i));
          continue;
        }

      if ((from == 0 && to == fixture->ids.anna) ||
          (from == fixture->ids.anna && to == fixture->ids.jonas) ||
          (from == fixture->ids.jonas && to == 0))
        g_assert_true (bzw_map_graph_edge_in_cycle (graph, i));
      else
        g_assert_false (bzw_map_graph_edge_in_cycle (graph, i));

      if (from == 0)
        g_assert_cmpfloat (e->weight, ==, 150.0);
    }
}

static void
test_time_window (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Only May 2024: the favours of March and the referrals of April drop out. */
  BzwMapGraphOptions options = { FALSE, 1714521600, 1717199999, MAP_FIXTURE_NOW };
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwMapGraph) graph = bzw_map_graph_new_from_store_full (fixture->store, &options, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (count_edges (graph, BZW_MAP_EDGE_FAVOUR), ==, 3);
  g_assert_cmpuint (count_edges (graph, BZW_MAP_EDGE_REFERRAL), ==, 0);
}

static void
test_positions_round_trip (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BzwMapGraph) graph = load (fixture, FALSE);
  g_autoptr(BzwMapGraph) again = NULL;
  g_autoptr(BzwMapLayout) layout = bzw_map_layout_new (graph, 1);
  g_autoptr(GError) error = NULL;
  guint lena;

  g_assert_true (bzw_map_graph_lookup (graph, fixture->ids.lena, &lena));
  g_assert_false (bzw_map_graph_get_node (graph, lena)->placed);
  g_assert_true (bzw_map_layout_run_until_settled (layout, 0));
  bzw_map_graph_get_node (graph, lena)->pinned = TRUE;
  g_assert_true (bzw_map_graph_save_positions (graph, fixture->store, &error));
  g_assert_no_error (error);

  again = load (fixture, FALSE);
  for (guint i = 1; i < bzw_map_graph_get_n_nodes (graph); i++)
    {
      const BzwMapNode *a = bzw_map_graph_get_node (graph, i);
      const BzwMapNode *b = node_of (again, a->contact_id);

      g_assert_true (b->placed);
      g_assert_cmpfloat (a->x, ==, b->x);
      g_assert_cmpfloat (a->y, ==, b->y);
      g_assert_cmpint (a->pinned, ==, b->pinned);
    }
  g_assert_true (node_of (again, fixture->ids.lena)->pinned);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/map/graph/read-store", Fixture, NULL, setup, test_read_store, teardown);
  g_test_add ("/map/graph/time-window", Fixture, NULL, setup, test_time_window, teardown);
  g_test_add ("/map/graph/positions-round-trip", Fixture, NULL, setup, test_positions_round_trip, teardown);

  return g_test_run ();
}
