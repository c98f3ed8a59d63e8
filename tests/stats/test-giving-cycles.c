/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-giving-cycles.h"

#define ME 0

static GArray *
find (const BzwGivingEdge *edges,
      gsize                n_edges,
      guint                max_length,
      guint               *n_found)
{
  GArray *cycles = bzw_giving_cycles_find (edges, n_edges, max_length, 100, n_found);

  g_assert_nonnull (cycles);
  return cycles;
}

static void
assert_cycle (GArray *cycles,
              guint   index,
              guint   length,
              gint64  value,
              gint64  a,
              gint64  b,
              gint64  c)
{
  const BzwGivingCycle *cycle;
  gint64 ids[] = { a, b, c };

  g_assert_cmpuint (index, <, cycles->len);
  cycle = &g_array_index (cycles, BzwGivingCycle, index);
  g_assert_cmpuint (cycle->length, ==, length);
  g_assert_cmpint (cycle->value_cents, ==, value);
  for (guint i = 0; i + 1 < length; i++)
    g_assert_cmpint (cycle->contact_ids[i], ==, ids[i]);
}

static void
test_empty (void)
{
  g_autoptr(GArray) cycles = NULL;
  guint n = 99;

  cycles = find (NULL, 0, 4, &n);
  g_assert_cmpuint (cycles->len, ==, 0);
  g_assert_cmpuint (n, ==, 0);
}

/* I helped 1, 1 helped 2, 2 helped 3, 3 helped me; also 1 helped me back,
 * 2 helped me, and 4 → 5 → 6 → 7 → me is too long to reach from me.
 */
static void
test_small_graph (void)
{
  BzwGivingEdge edges[] = {
    { ME, 1, 1, 100 },
    { 1, ME, 1, 50 },
    { 1, 2, 1, 10 },
    { 2, ME, 1, 1000 },
    { 2, 3, 1, 1 },
    { 3, ME, 1, 2 },
    /* A second favour on the same pair adds up. */
    { 1, 2, 1, 5 },
    /* Not through me. */
    { 4, 5, 1, 0 },
    { 5, 4, 1, 0 },
    /* Five edges long. */
    { ME, 10, 1, 0 },
    { 10, 11, 1, 0 },
    { 11, 12, 1, 0 },
    { 12, 13, 1, 0 },
    { 13, ME, 1, 0 },
  };
  g_autoptr(GArray) cycles = NULL;
  g_autoptr(GArray) short_cycles = NULL;
  guint n = 0;

  cycles = find (edges, G_N_ELEMENTS (edges), 4, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (cycles->len, ==, 3);
  /* Shortest first: me → 1 → me (150), me → 1 → 2 → me (100 + 15 + 1000),
   * me → 1 → 2 → 3 → me (100 + 15 + 1 + 2).
   */
  assert_cycle (cycles, 0, 2, 150, 1, 0, 0);
  assert_cycle (cycles, 1, 3, 1115, 1, 2, 0);
  assert_cycle (cycles, 2, 4, 118, 1, 2, 3);
  g_assert_cmpuint (g_array_index (cycles, BzwGivingCycle, 1).count, ==, 4);

  /* Bounded by length 3, the four-edge cycle goes. */
  short_cycles = find (edges, G_N_ELEMENTS (edges), 3, &n);
  g_assert_cmpuint (n, ==, 2);
  assert_cycle (short_cycles, 1, 3, 1115, 1, 2, 0);
}

/* Two ways round of the same length come by value. */
static void
test_order_by_value (void)
{
  BzwGivingEdge edges[] = {
    { ME, 7, 1, 0 },
    { 7, 8, 1, 0 },
    { 8, ME, 1, 10 },
    { ME, 5, 1, 0 },
    { 5, 6, 1, 0 },
    { 6, ME, 1, 500 },
  };
  g_autoptr(GArray) cycles = NULL;
  g_autoptr(GArray) one = NULL;
  guint n;

  cycles = find (edges, G_N_ELEMENTS (edges), 4, &n);
  g_assert_cmpuint (n, ==, 2);
  assert_cycle (cycles, 0, 3, 500, 5, 6, 0);
  assert_cycle (cycles, 1, 3, 10, 7, 8, 0);

  /* The list is cut, the count is not. */
  one = bzw_giving_cycles_find (edges, G_N_ELEMENTS (edges), 4, 1, &n);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (n, ==, 2);
}

/* A complete graph of 6 people and me: the count of simple cycles through
 * me of 2, 3 and 4 edges is 6 + 6·5 + 6·5·4 = 156.
 */
static void
test_complete_graph (void)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (BzwGivingEdge));
  g_autoptr(GArray) cycles = NULL;
  guint n;

  for (gint64 a = 0; a <= 6; a++)
    for (gint64 b = 0; b <= 6; b++)
      if (a != b)
        {
          BzwGivingEdge edge = { a, b, 1, 1 };

          g_array_append_val (edges, edge);
        }

  cycles = bzw_giving_cycles_find ((BzwGivingEdge *) (gpointer) edges->data, edges->len, 4, 1000, &n);
  g_assert_cmpuint (n, ==, 156);
  g_assert_cmpuint (cycles->len, ==, 156);
  for (guint i = 0; i < cycles->len; i++)
    {
      const BzwGivingCycle *cycle = &g_array_index (cycles, BzwGivingCycle, i);

      g_assert_cmpint (cycle->value_cents, ==, cycle->length);
      if (i > 0)
        g_assert_cmpuint (cycle->length, >=, g_array_index (cycles, BzwGivingCycle, i - 1).length);
    }
}

/* More cycles than are kept while searching: the shortest still come
 * first, and all are counted: 60 + 60·59 + 60·59·58 = 208,920.
 */
static void
test_many_cycles (void)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (BzwGivingEdge));
  g_autoptr(GArray) cycles = NULL;
  guint n;

  for (gint64 a = 0; a <= 60; a++)
    for (gint64 b = 0; b <= 60; b++)
      if (a != b)
        {
          BzwGivingEdge edge = { a, b, 1, a == 0 ? b : 0 };

          g_array_append_val (edges, edge);
        }

  cycles = bzw_giving_cycles_find ((BzwGivingEdge *) (gpointer) edges->data, edges->len, 4, 5, &n);
  g_assert_cmpuint (n, ==, 208920);
  g_assert_cmpuint (cycles->len, ==, 5);
  /* Two edges, the most valuable first: me → 60 → me is worth 60. */
  for (guint i = 0; i < cycles->len; i++)
    {
      const BzwGivingCycle *cycle = &g_array_index (cycles, BzwGivingCycle, i);

      g_assert_cmpuint (cycle->length, ==, 2);
      g_assert_cmpint (cycle->contact_ids[0], ==, 60 - i);
      g_assert_cmpint (cycle->value_cents, ==, 60 - i);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/giving-cycles/empty", test_empty);
  g_test_add_func ("/stats/giving-cycles/small-graph", test_small_graph);
  g_test_add_func ("/stats/giving-cycles/order-by-value", test_order_by_value);
  g_test_add_func ("/stats/giving-cycles/complete-graph", test_complete_graph);
  g_test_add_func ("/stats/giving-cycles/many-cycles", test_many_cycles);

  return g_test_run ();
}
