/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-path"

#include "config.h"

#include "bzw-map-path.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* „Wie erreiche ich …?“: the strongest chain of introductions from "Ich"
 * to every contact.  A step along a line is as likely to work as the line
 * is strong (my own strength to a contact 0..1, a relationship's 1..5
 * read as 0.2..1), and every person in between counts with how much I
 * trust them; a chain is as strong as the product of its steps, so the
 * strongest chain is the shortest path over −log of the steps (Dijkstra
 * with a binary heap, O((n + e) log n)).  Favours and referrals are not
 * ways to reach someone; only lines from "Ich" and relationships are.
 */

/* A contact I know but have not met lately is still mine to ask. */
#define MIN_ME_WEIGHT 0.1

struct _BzwMapPaths
{
  BzwMapGraph *graph;
  guint        n;
  double      *cost;
  double      *step;
  int         *prev;
};

typedef struct
{
  double cost;
  guint  node;
} HeapItem;

/* Adjacency in compressed rows: the edges of node v are
 * targets[offsets[v] .. offsets[v + 1]).
 */
typedef struct
{
  guint  *offsets;
  guint  *targets;
  double *weights;
} Adjacency;

/**
 * bzw_map_path_edge_weight:
 *
 * Returns: how well one can go along @edge, 0 < w ≤ 1, or 0 for a line
 *   that is not a way to someone (a favour, a referral).
 */
double
bzw_map_path_edge_weight (const BzwMapEdge *edge)
{
  g_return_val_if_fail (edge != NULL, 0.0);

  if (edge->kind == BZW_MAP_EDGE_ME)
    return CLAMP (edge->weight, MIN_ME_WEIGHT, 1.0);
  if (edge->kind == BZW_MAP_EDGE_RELATIONSHIP)
    return CLAMP (edge->weight, 1.0, 5.0) / 5.0;
  return 0.0;
}

/* How much a person in the middle of a chain counts. */
double
bzw_map_path_trust_factor (BzwTrust trust)
{
  switch (trust)
    {
    case BZW_TRUST_YES:
      return 1.0;
    case BZW_TRUST_WITH_CARE:
      return 0.5;
    case BZW_TRUST_NO:
      return 0.25;
    case BZW_TRUST_UNKNOWN:
    default:
      return 0.75;
    }
}

const char *
bzw_map_strength_word (double strength)
{
  if (strength >= 0.66)
    return C_("strength", "strong");
  if (strength >= 0.33)
    return C_("strength", "medium");
  if (strength > 0.0)
    return C_("strength", "weak");
  return C_("strength", "none yet");
}

static void
adjacency_init (Adjacency      *adj,
                BzwMapGraph    *graph,
                const gboolean *excluded)
{
  guint n = bzw_map_graph_get_n_nodes (graph);
  guint n_edges = bzw_map_graph_get_n_edges (graph);
  g_autofree guint *fill = g_new0 (guint, n + 1);

  adj->offsets = g_new0 (guint, n + 1);
  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          for (guint v = 0; v < n; v++)
            adj->offsets[v + 1] += adj->offsets[v];
          adj->targets = g_new (guint, adj->offsets[n]);
          adj->weights = g_new (double, adj->offsets[n]);
          memcpy (fill, adj->offsets, n * sizeof (guint));
        }

      for (guint i = 0; i < n_edges; i++)
        {
          const BzwMapEdge *e = bzw_map_graph_get_edge (graph, i);
          double w = bzw_map_path_edge_weight (e);
          guint ends[2] = { e->source, e->target };

          if (w <= 0.0 || e->source == e->target ||
              (excluded != NULL && (excluded[e->source] || excluded[e->target])))
            continue;

          for (guint k = 0; k < 2; k++)
            {
              if (pass == 0)
                {
                  adj->offsets[ends[k] + 1]++;
                  continue;
                }
              adj->targets[fill[ends[k]]] = ends[1 - k];
              adj->weights[fill[ends[k]]++] = w;
            }
        }
    }
}

static void
adjacency_clear (Adjacency *adj)
{
  g_free (adj->offsets);
  g_free (adj->targets);
  g_free (adj->weights);
}

static gboolean
heap_less (const HeapItem *a,
           const HeapItem *b)
{
  return a->cost < b->cost || (a->cost == b->cost && a->node < b->node);
}

static void
heap_push (GArray *heap,
           double  cost,
           guint   node)
{
  HeapItem item = { cost, node };
  HeapItem *items;
  guint i;

  g_array_append_val (heap, item);
  items = (HeapItem *) (gpointer) heap->data;
  for (i = heap->len - 1; i > 0 && heap_less (&item, &items[(i - 1) / 2]); i = (i - 1) / 2)
    items[i] = items[(i - 1) / 2];
  items[i] = item;
}

static HeapItem
heap_pop (GArray *heap)
{
  HeapItem *items = (HeapItem *) (gpointer) heap->data;
  HeapItem top = items[0];
  HeapItem last = items[heap->len - 1];
  guint n = heap->len - 1;
  guint i = 0;

  g_array_set_size (heap, n);
  while (n > 0)
    {
      guint child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n && heap_less (&items[child + 1], &items[child]))
        child++;
      if (!heap_less (&items[child], &last))
        break;
      items[i] = items[child];
      i = child;
    }
  if (n > 0)
    items[i] = last;

  return top;
}

static void
run_dijkstra (BzwMapPaths     *self,
              const Adjacency *adj)
{
  g_autoptr(GArray) heap = g_array_new (FALSE, FALSE, sizeof (HeapItem));
  g_autofree gboolean *done = g_new0 (gboolean, self->n);

  self->cost[0] = 0.0;
  self->step[0] = 1.0;
  heap_push (heap, 0.0, 0);

  while (heap->len > 0)
    {
      HeapItem top = heap_pop (heap);
      guint u = top.node;
      double leave;

      if (done[u])
        continue;
      done[u] = TRUE;

      /* Whoever passes me on counts with my trust; "Ich" with none. */
      leave = u == 0 ? 0.0
                     : -log (bzw_map_path_trust_factor (bzw_map_graph_get_node (self->graph, u)->trust));

      for (guint k = adj->offsets[u]; k < adj->offsets[u + 1]; k++)
        {
          guint v = adj->targets[k];
          double cost = top.cost + leave - log (adj->weights[k]);

          if (done[v] || cost >= self->cost[v])
            continue;

          self->cost[v] = cost;
          self->step[v] = adj->weights[k];
          self->prev[v] = u;
          heap_push (heap, cost, v);
        }
    }
}

/**
 * bzw_map_paths_new:
 * @excluded: (nullable) (array): nodes no chain may pass or reach (e.g.
 *   archived or hidden ones), indexed like the nodes
 *
 * Finds the strongest chain from "Ich" to every node of @graph.
 */
BzwMapPaths *
bzw_map_paths_new (BzwMapGraph    *graph,
                   const gboolean *excluded)
{
  BzwMapPaths *self;
  Adjacency adj = { NULL, NULL, NULL };

  g_return_val_if_fail (graph != NULL, NULL);

  self = g_new0 (BzwMapPaths, 1);
  self->graph = bzw_map_graph_ref (graph);
  self->n = bzw_map_graph_get_n_nodes (graph);
  self->cost = g_new (double, MAX (self->n, 1));
  self->step = g_new0 (double, MAX (self->n, 1));
  self->prev = g_new (int, MAX (self->n, 1));
  for (guint v = 0; v < self->n; v++)
    {
      self->cost[v] = INFINITY;
      self->prev[v] = -1;
    }

  if (self->n > 0)
    {
      adjacency_init (&adj, graph, excluded);
      run_dijkstra (self, &adj);
      adjacency_clear (&adj);
    }

  return self;
}

void
bzw_map_paths_free (BzwMapPaths *self)
{
  if (self == NULL)
    return;

  bzw_map_graph_unref (self->graph);
  g_free (self->cost);
  g_free (self->step);
  g_free (self->prev);
  g_free (self);
}

/**
 * bzw_map_paths_get_weight:
 *
 * Returns: the strength of the strongest chain to @target, 0 < w ≤ 1, or 0
 *   when none reaches it
 */
double
bzw_map_paths_get_weight (BzwMapPaths *self,
                          guint        target)
{
  g_return_val_if_fail (self != NULL, 0.0);

  if (target >= self->n || isinf (self->cost[target]))
    return 0.0;
  return exp (-self->cost[target]);
}

/* The strength of the last line of the chain to @node. */
double
bzw_map_paths_get_step_weight (BzwMapPaths *self,
                               guint        node)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return node < self->n ? self->step[node] : 0.0;
}

/**
 * bzw_map_paths_dup_path:
 *
 * Returns: (transfer full) (element-type guint) (nullable): the nodes of
 *   the strongest chain from "Ich" (0) to @target, both included, or %NULL
 *   when none reaches it
 */
GArray *
bzw_map_paths_dup_path (BzwMapPaths *self,
                        guint        target)
{
  GArray *path;

  g_return_val_if_fail (self != NULL, NULL);

  if (target >= self->n || isinf (self->cost[target]))
    return NULL;

  path = g_array_new (FALSE, FALSE, sizeof (guint));
  for (int v = target; v >= 0; v = self->prev[v])
    g_array_prepend_val (path, v);

  return path;
}

/**
 * bzw_map_paths_describe:
 *
 * Returns: (transfer full) (nullable): the chain in words, „über Anna
 *   Klein (stark) → Bernd Schröder (mittel)“, each name with the strength
 *   of the line that reaches it; %NULL when none reaches @target
 */
char *
bzw_map_paths_describe (BzwMapPaths *self,
                        guint        target)
{
  g_autoptr(GArray) path = bzw_map_paths_dup_path (self, target);
  g_autoptr(GString) text = NULL;

  if (path == NULL || path->len < 2)
    return NULL;

  if (path->len == 2)
    /* Translators: %s is a name, then strong, medium or weak. */
    return g_strdup_printf (_("you know %s directly (%s)"), bzw_map_graph_get_node (self->graph, target)->label,
                            bzw_map_strength_word (self->step[target]));

  text = g_string_new (NULL);
  for (guint i = 1; i < path->len; i++)
    {
      guint v = g_array_index (path, guint, i);

      if (i > 1)
        g_string_append (text, " → ");
      /* Translators: a name, then strong, medium or weak in brackets. */
      g_string_append_printf (text, _("%s (%s)"), bzw_map_graph_get_node (self->graph, v)->label,
                              bzw_map_strength_word (self->step[v]));
    }

  /* Translators: %s is a chain of people, „Anna (stark) → Bernd (mittel)“. */
  return g_strdup_printf (_("via %s"), text->str);
}
