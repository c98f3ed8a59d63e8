/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Cycles of giving
 * ================
 *
 * „Wer gibt, gewinnt“: a favour may come back through someone else.  The
 * giving graph has an edge A → B when A did B a favour (state done) or
 * gave B a referral (any state).  A cycle of giving is a directed simple
 * cycle through „Ich“ of 2 to 4 edges: I helped A, A helped B, B helped
 * me.  Order in time is not required.
 *
 * They are found by a depth-first search from „Ich“ that is bounded in
 * two ways: a path never revisits a person, and it only goes on to a
 * person from whom „Ich“ can still be reached within the edges left (the
 * distances back to „Ich“ come from one breadth-first search over the
 * reversed edges).  Each cycle is found once, starting at „Ich“.
 *
 * Cycles are ordered shortest first, then by the value given along the
 * cycle (the sum over its edges), then by the ids on the way.
 */

#define G_LOG_DOMAIN "bzw-giving-cycles"

#include "config.h"

#include "bzw-giving-cycles.h"
#include "bzw-model-util.h"

#include <stdlib.h>
#include <string.h>

/* How many cycles are kept before the list is cut to the best; all are
 * still counted.
 */
#define MAX_COLLECTED 100000

/* A bound on the steps of the search, so that a dense graph cannot hold
 * up the overview; past it, the cycles found so far are returned and the
 * count is a lower bound.
 */
#define MAX_STEPS 5000000

typedef struct
{
  guint   n_nodes;
  gint64 *ids;          /* node index → contact id; index 0 is „Ich“ */
  guint  *out_start;    /* CSR: edges of node i are out_start[i]…out_start[i + 1] */
  guint  *out_to;
  gint64 *out_value;
  guint  *out_count;
  guint  *dist;         /* edges from the node back to „Ich“, G_MAXUINT if too far */
  guint  *path;
  gboolean *on_path;
  guint   max_length;
  guint   max_cycles;
  GArray *cycles;
  guint   n_found;
  guint   n_steps;
} Search;

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const BzwGivingEdge *ea = a;
  const BzwGivingEdge *eb = b;

  int order = BZW_CMP (ea->from_id, eb->from_id);

  return order != 0 ? order : BZW_CMP (ea->to_id, eb->to_id);
}

static int
compare_ids (const void *a,
             const void *b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

static guint
node_index (const Search *search,
            gint64        id)
{
  const gint64 *found = bsearch (&id, search->ids, search->n_nodes, sizeof (gint64), compare_ids);

  g_assert (found != NULL);
  return found - search->ids;
}

static int
compare_cycles (gconstpointer a,
                gconstpointer b)
{
  const BzwGivingCycle *ca = a;
  const BzwGivingCycle *cb = b;

  /* Short ones first; of one length, the most valuable. */
  int order = BZW_CMP (ca->length, cb->length);

  if (order == 0)
    order = BZW_CMP (cb->value_cents, ca->value_cents);
  for (guint i = 0; order == 0 && i + 1 < ca->length; i++)
    order = BZW_CMP (ca->contact_ids[i], cb->contact_ids[i]);
  return order;
}

static void
clear_cycle (BzwGivingCycle *cycle)
{
  for (guint i = 0; i < G_N_ELEMENTS (cycle->names); i++)
    g_clear_pointer (&cycle->names[i], g_free);
}

static void
record_cycle (Search *search,
              guint   depth,
              gint64  closing_value,
              guint   closing_count)
{
  BzwGivingCycle cycle = { 0 };

  search->n_found++;

  /* Keep memory bounded without losing the best: when the list is full,
   * keep only the best that are asked for and go on collecting.
   */
  if (search->cycles->len >= MAX_COLLECTED)
    {
      g_array_sort (search->cycles, compare_cycles);
      g_array_set_size (search->cycles, MIN (search->max_cycles, search->cycles->len));
    }

  cycle.length = depth + 1;
  cycle.value_cents = closing_value;
  cycle.count = closing_count;

  for (guint i = 1; i <= depth; i++)
    {
      guint from = search->path[i - 1];
      guint to = search->path[i];

      cycle.contact_ids[i - 1] = search->ids[to];
      for (guint e = search->out_start[from]; e < search->out_start[from + 1]; e++)
        if (search->out_to[e] == to)
          {
            cycle.value_cents += search->out_value[e];
            cycle.count += search->out_count[e];
            break;
          }
    }

  g_array_append_val (search->cycles, cycle);
}

/* The path holds depth + 1 nodes, path[0] being „Ich“. */
static void
search_from (Search *search,
             guint   depth)
{
  guint u = search->path[depth];

  for (guint e = search->out_start[u]; e < search->out_start[u + 1]; e++)
    {
      guint v = search->out_to[e];

      if (v == 0)
        {
          if (depth + 1 >= 2)
            record_cycle (search, depth, search->out_value[e], search->out_count[e]);
          continue;
        }

      if (search->on_path[v] || search->dist[v] == G_MAXUINT ||
          depth + 1 + search->dist[v] > search->max_length)
        continue;

      if (++search->n_steps > MAX_STEPS)
        return;

      search->path[depth + 1] = v;
      search->on_path[v] = TRUE;
      search_from (search, depth + 1);
      search->on_path[v] = FALSE;
    }
}

/* Sorts the edges and merges repeated pairs; drops loops. */
static GArray *
merge_edges (const BzwGivingEdge *edges,
             gsize                n_edges)
{
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (BzwGivingEdge), n_edges);
  guint n_out = 0;

  for (gsize i = 0; i < n_edges; i++)
    if (edges[i].from_id >= 0 && edges[i].to_id >= 0 && edges[i].from_id != edges[i].to_id)
      g_array_append_val (sorted, edges[i]);
  g_array_sort (sorted, compare_edges);

  for (guint i = 0; i < sorted->len; i++)
    {
      BzwGivingEdge *edge = &g_array_index (sorted, BzwGivingEdge, i);

      if (n_out > 0 && compare_edges (edge, &g_array_index (sorted, BzwGivingEdge, n_out - 1)) == 0)
        {
          BzwGivingEdge *merged = &g_array_index (sorted, BzwGivingEdge, n_out - 1);

          merged->count += edge->count;
          merged->value_cents += edge->value_cents;
        }
      else
        {
          g_array_index (sorted, BzwGivingEdge, n_out++) = *edge;
        }
    }
  g_array_set_size (sorted, n_out);
  return sorted;
}

/* Nodes: „Ich“ plus everyone on an edge, sorted by id, so „Ich“ is 0. */
static GArray *
node_ids (const GArray *sorted)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 me = 0;
  guint n = 0;

  g_array_append_val (ids, me);
  for (guint i = 0; i < sorted->len; i++)
    {
      const BzwGivingEdge *edge = &g_array_index (sorted, BzwGivingEdge, i);

      g_array_append_val (ids, edge->from_id);
      g_array_append_val (ids, edge->to_id);
    }
  g_array_sort (ids, compare_ids);

  for (guint i = 0; i < ids->len; i++)
    if (n == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, n - 1))
      g_array_index (ids, gint64, n++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, n);
  return ids;
}

/* The outgoing edges as CSR.  Edges are sorted by source id, and node
 * indices follow the ids.
 */
static void
search_init (Search       *search,
             const GArray *sorted,
             GArray       *ids,
             guint         max_length,
             guint         max_cycles)
{
  search->n_nodes = ids->len;
  search->ids = (gint64 *) ids->data;
  search->max_length = max_length;
  search->max_cycles = max_cycles;
  search->out_start = g_new0 (guint, search->n_nodes + 1);
  search->out_to = g_new (guint, MAX (sorted->len, 1));
  search->out_value = g_new (gint64, MAX (sorted->len, 1));
  search->out_count = g_new (guint, MAX (sorted->len, 1));
  search->dist = g_new (guint, search->n_nodes);
  search->path = g_new0 (guint, max_length + 1);
  search->on_path = g_new0 (gboolean, search->n_nodes);
  search->cycles = g_array_new (FALSE, TRUE, sizeof (BzwGivingCycle));

  for (guint i = 0; i < sorted->len; i++)
    {
      const BzwGivingEdge *edge = &g_array_index (sorted, BzwGivingEdge, i);
      guint from = node_index (search, edge->from_id);

      search->out_start[from + 1]++;
      search->out_to[i] = node_index (search, edge->to_id);
      search->out_value[i] = edge->value_cents;
      search->out_count[i] = edge->count;
    }
  for (guint i = 0; i < search->n_nodes; i++)
    search->out_start[i + 1] += search->out_start[i];
}

static void
search_clear (Search *search)
{
  g_array_unref (search->cycles);
  g_free (search->out_start);
  g_free (search->out_to);
  g_free (search->out_value);
  g_free (search->out_count);
  g_free (search->dist);
  g_free (search->path);
  g_free (search->on_path);
}

/* Distances back to „Ich“: a breadth-first search over the reversed
 * edges, kept as a second CSR.
 */
static void
compute_distances (Search *search,
                   guint   n_edges)
{
  g_autofree guint *in_start = g_new0 (guint, search->n_nodes + 1);
  g_autofree guint *in_from = g_new (guint, MAX (n_edges, 1));
  g_autofree guint *fill = g_new0 (guint, search->n_nodes);
  g_autofree guint *queue = NULL;
  guint head = 0, tail = 0;

  for (guint i = 0; i < n_edges; i++)
    in_start[search->out_to[i] + 1]++;
  for (guint i = 0; i < search->n_nodes; i++)
    in_start[i + 1] += in_start[i];
  for (guint u = 0; u < search->n_nodes; u++)
    for (guint e = search->out_start[u]; e < search->out_start[u + 1]; e++)
      {
        guint v = search->out_to[e];

        in_from[in_start[v] + fill[v]++] = u;
      }

  for (guint i = 0; i < search->n_nodes; i++)
    search->dist[i] = G_MAXUINT;
  search->dist[0] = 0;
  queue = g_new (guint, search->n_nodes);
  queue[tail++] = 0;
  while (head < tail)
    {
      guint v = queue[head++];

      if (search->dist[v] + 1 >= search->max_length)
        continue;

      for (guint e = in_start[v]; e < in_start[v + 1]; e++)
        {
          guint u = in_from[e];

          if (search->dist[u] == G_MAXUINT)
            {
              search->dist[u] = search->dist[v] + 1;
              queue[tail++] = u;
            }
        }
    }
}

/**
 * bzw_giving_cycles_find:
 * @edges: (array length=n_edges): who gave to whom; pairs may repeat
 * @max_length: the longest cycle in edges, 2…4
 * @max_cycles: how many cycles to return at most
 * @n_found: (out) (optional): how many cycles there are in all (a lower
 *   bound in a graph so dense that the search stops early)
 *
 * Returns: (transfer full) (element-type BzwGivingCycle): the cycles of
 *   giving through „Ich“ (id 0), shortest and most valuable first.
 */
GArray *
bzw_giving_cycles_find (const BzwGivingEdge *edges,
                        gsize                n_edges,
                        guint                max_length,
                        guint                max_cycles,
                        guint               *n_found)
{
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) result = NULL;
  Search search = { 0 };

  g_return_val_if_fail (edges != NULL || n_edges == 0, NULL);

  max_length = CLAMP (max_length, 2, BZW_GIVING_CYCLE_MAX_LENGTH);

  result = g_array_new (FALSE, TRUE, sizeof (BzwGivingCycle));
  g_array_set_clear_func (result, (GDestroyNotify) clear_cycle);

  sorted = merge_edges (edges, n_edges);
  ids = node_ids (sorted);
  search_init (&search, sorted, ids, max_length, max_cycles);
  compute_distances (&search, sorted->len);

  search.path[0] = 0;
  search.on_path[0] = TRUE;
  search_from (&search, 0);

  g_array_sort (search.cycles, compare_cycles);
  g_array_append_vals (result, search.cycles->data, MIN (search.cycles->len, max_cycles));

  if (n_found != NULL)
    *n_found = search.n_found;

  search_clear (&search);

  return g_steal_pointer (&result);
}
