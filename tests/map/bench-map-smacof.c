/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A prototype for the bench, not used by the app: sparse stress
 * majorization with pivots (after Ortmann, Klimenta and Brandes, 2016) run
 * on a settled layout, to see how far a refinement pass would bring our
 * normalised stress towards sfdp's.  Each contact is held by its
 * neighbours in the contact network at one edge length and by up to
 * N_PIVOTS pivots at their graph distance; „Ich“ and contacts tied to
 * nobody stay where they are.
 */

#include "config.h"

#include "bench-map-smacof.h"

#include <math.h>

#define N_PIVOTS 48

typedef struct
{
  guint *start;
  guint *adj;
} Neighbours;

static void
neighbours_init (Neighbours  *a,
                 BzwMapGraph *graph)
{
  guint n = bzw_map_graph_get_n_nodes (graph);
  guint m = bzw_map_graph_get_n_edges (graph);
  g_autofree guint *fill = NULL;

  a->start = g_new0 (guint, n + 1);
  a->adj = g_new (guint, 2 * MAX (m, 1));
  for (guint i = 0; i < m; i++)
    {
      const BzwMapEdge *e = bzw_map_graph_get_edge (graph, i);

      if (e->kind != BZW_MAP_EDGE_ME && e->source != e->target)
        {
          a->start[e->source + 1]++;
          a->start[e->target + 1]++;
        }
    }
  for (guint i = 0; i < n; i++)
    a->start[i + 1] += a->start[i];
  fill = g_memdup2 (a->start, sizeof (guint) * (n + 1));
  for (guint i = 0; i < m; i++)
    {
      const BzwMapEdge *e = bzw_map_graph_get_edge (graph, i);

      if (e->kind != BZW_MAP_EDGE_ME && e->source != e->target)
        {
          a->adj[fill[e->source]++] = e->target;
          a->adj[fill[e->target]++] = e->source;
        }
    }
}

static void
distances_from (const Neighbours *a,
                guint             n,
                guint             source,
                int              *dist,
                guint            *queue)
{
  guint head = 0, tail = 0;

  for (guint i = 0; i < n; i++)
    dist[i] = -1;
  dist[source] = 0;
  queue[tail++] = source;
  while (head < tail)
    {
      guint v = queue[head++];

      for (guint k = a->start[v]; k < a->start[v + 1]; k++)
        if (dist[a->adj[k]] < 0)
          {
            dist[a->adj[k]] = dist[v] + 1;
            queue[tail++] = a->adj[k];
          }
    }
}

/* Pivots far apart: each the node farthest from those chosen before. */
static guint
choose_pivots (const Neighbours *a,
               guint             n,
               int              *pivot_dist,
               guint            *pivots)
{
  g_autofree int *nearest = g_new (int, n);
  g_autofree guint *queue = g_new (guint, n);
  guint n_pivots = 0;
  guint next = 1;

  for (guint i = 0; i < n; i++)
    nearest[i] = G_MAXINT;

  while (n_pivots < N_PIVOTS && n_pivots + 1 < n)
    {
      int *dist = pivot_dist + (gsize) n_pivots * n;
      int far = 0;

      pivots[n_pivots] = next;
      distances_from (a, n, next, dist, queue);
      n_pivots++;
      for (guint i = 1; i < n; i++)
        {
          if (dist[i] >= 0)
            nearest[i] = MIN (nearest[i], dist[i]);
          if (nearest[i] != G_MAXINT && nearest[i] > far && a->start[i + 1] > a->start[i])
            {
              far = nearest[i];
              next = i;
            }
        }
      if (far == 0)
        break;
    }

  return n_pivots;
}

static double
mean_edge_length (const Neighbours *a,
                  guint             n,
                  const double     *xs,
                  const double     *ys)
{
  double sum = 0;
  guint count = 0;

  for (guint i = 1; i < n; i++)
    for (guint k = a->start[i]; k < a->start[i + 1]; k++)
      {
        sum += hypot (xs[i] - xs[a->adj[k]], ys[i] - ys[a->adj[k]]);
        count++;
      }

  return count > 0 ? sum / count : 1.0;
}

/* One term of the localized update: j pulls i to distance @d from it. */
static inline void
add_term (double *sx,
          double *sy,
          double *sw,
          double  xi,
          double  yi,
          double  xj,
          double  yj,
          double  d,
          double  w)
{
  double dx = xi - xj, dy = yi - yj;
  double len = sqrt (dx * dx + dy * dy);

  if (len < 1e-9)
    len = 1e-9;
  *sx += w * (xj + d * dx / len);
  *sy += w * (yj + d * dy / len);
  *sw += w;
}

void
bench_smacof_refine (BzwMapGraph *graph,
                     double      *xs,
                     double      *ys,
                     guint        iterations)
{
  guint n = bzw_map_graph_get_n_nodes (graph);
  g_autofree int *pivot_dist = g_new (int, (gsize) N_PIVOTS * n);
  g_autofree guint *pivots = g_new (guint, N_PIVOTS);
  Neighbours a;
  guint n_pivots;
  double unit;

  neighbours_init (&a, graph);
  n_pivots = choose_pivots (&a, n, pivot_dist, pivots);
  unit = mean_edge_length (&a, n, xs, ys);

  for (guint it = 0; it < iterations; it++)
    for (guint i = 1; i < n; i++)
      {
        double sx = 0, sy = 0, sw = 0;

        if (a.start[i + 1] == a.start[i])
          continue;

        for (guint k = a.start[i]; k < a.start[i + 1]; k++)
          add_term (&sx, &sy, &sw, xs[i], ys[i], xs[a.adj[k]], ys[a.adj[k]], unit, 1.0);

        for (guint p = 0; p < n_pivots; p++)
          {
            int d = pivot_dist[(gsize) p * n + i];

            if (d <= 1 || pivots[p] == i)
              continue;
            /* A pivot stands for the n / P nodes around it. */
            add_term (&sx, &sy, &sw, xs[i], ys[i], xs[pivots[p]], ys[pivots[p]], d * unit,
                      (double) n / n_pivots / ((double) d * d));
          }

        if (sw > 0)
          {
            xs[i] = sx / sw;
            ys[i] = sy / sw;
          }
      }

  g_free (a.start);
  g_free (a.adj);
}
