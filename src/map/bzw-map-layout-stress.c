/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-layout"

#include "config.h"

#include "bzw-map-layout-private.h"

#include <math.h>

/* A refinement of the settled force layout by sparse stress majorization
 * (after Ortmann, Klimenta and Brandes, 2016): the forces find the
 * clusters and the pull to „Ich“, the stress brings the distances on the
 * map close to the distances in the contact network.  Each contact is
 * held by its neighbours at one edge length, by up to STRESS_PIVOTS pivots
 * (nodes far apart, each standing for the contacts nearest to it) at its
 * distance from them in edges (when most of the network is new), and by
 * the spot the forces gave it, so
 * the picture keeps its centre around „Ich“ and separate groups stay
 * apart.  Only the nodes that were new when the layout started move:
 * adding a contact to a settled map moves nobody else.  „Ich“, pinned
 * nodes and the ring stay where they are.
 */

/* Distances in lines between contacts from @source; -1 where none leads. */
static void
bfs (BzwMapLayout *self,
     guint         source,
     int          *dist,
     guint        *queue)
{
  guint head = 0, tail = 0;

  for (guint i = 0; i < self->n; i++)
    dist[i] = -1;
  dist[source] = 0;
  queue[tail++] = source;
  while (head < tail)
    {
      guint v = queue[head++];

      for (guint k = self->adj_start[v]; k < self->adj_start[v + 1]; k++)
        {
          guint w = self->adj[k];

          if (dist[w] < 0)
            {
              dist[w] = dist[v] + 1;
              queue[tail++] = w;
            }
        }
    }
}

/* Pivots far apart: each the node farthest from those chosen before. */
static void
choose_pivots (BzwMapLayout *self)
{
  g_autofree int *nearest = g_new (int, self->n);
  g_autofree int *dist = g_new (int, self->n);
  g_autofree guint *queue = g_new (guint, self->n);
  guint next = 0;

  self->stress_dist = g_new (int, (gsize) STRESS_PIVOTS * self->n);
  self->stress_pivot = g_new (guint, STRESS_PIVOTS);
  self->n_pivots = 0;

  /* The first pivot: the first node with a neighbour. */
  for (guint i = 1; i < self->n && next == 0; i++)
    if (self->adj_start[i + 1] > self->adj_start[i])
      next = i;
  if (next == 0)
    return;

  for (guint i = 0; i < self->n; i++)
    nearest[i] = G_MAXINT;

  while (self->n_pivots < STRESS_PIVOTS)
    {
      int far = 0;

      bfs (self, next, dist, queue);
      /* Per node its distances to the pivots side by side, as they are read. */
      for (guint i = 0; i < self->n; i++)
        self->stress_dist[(gsize) i * STRESS_PIVOTS + self->n_pivots] = dist[i];
      self->stress_pivot[self->n_pivots++] = next;
      for (guint i = 1; i < self->n; i++)
        {
          if (dist[i] >= 0)
            nearest[i] = MIN (nearest[i], dist[i]);
          if (nearest[i] != G_MAXINT && nearest[i] > far)
            {
              far = nearest[i];
              next = i;
            }
        }
      if (far == 0)
        break;
    }
}

/* The mean length of the lines between contacts: the unit of the stress. */
static double
mean_edge_length (BzwMapLayout *self,
                  BzwMapNode   *nodes)
{
  double sum = 0.0;
  guint count = 0;

  for (guint s = 0; s < self->n_springs; s++)
    {
      sum += hypot (nodes[self->spring_a[s]].x - nodes[self->spring_b[s]].x,
                    nodes[self->spring_a[s]].y - nodes[self->spring_b[s]].y);
      count++;
    }

  return count > 0 && sum > 0.0 ? sum / count : K;
}

/**
 * _bzw_map_layout_stress_begin:
 *
 * Prepares the refinement of the nodes marked fresh: pivots, their
 * distances, the unit and the anchors.  Returns whether there is anything
 * to refine.
 */
gboolean
_bzw_map_layout_stress_begin (BzwMapLayout *self)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  guint movable = 0;

  _bzw_map_layout_stress_end (self);
  for (guint i = 1; i < self->n; i++)
    {
      self->stress_move[i] = self->fresh[i] && !nodes[i].pinned && !self->ring[i] &&
                             self->adj_start[i + 1] > self->adj_start[i];
      movable += self->stress_move[i];
    }
  self->stress_move[0] = FALSE;
  if (movable == 0)
    return FALSE;

  /* A few new contacts among many placed ones follow their neighbours;
   * the pivots shape a whole network.
   */
  if (2 * movable >= self->n)
    choose_pivots (self);
  /* A little more room than the forces left, so more names fit. */
  self->stress_unit = STRESS_SPREAD * mean_edge_length (self, nodes);
  self->anchor_x = g_new (double, self->n);
  self->anchor_y = g_new (double, self->n);
  for (guint i = 0; i < self->n; i++)
    {
      self->anchor_x[i] = STRESS_SPREAD * nodes[i].x;
      self->anchor_y[i] = STRESS_SPREAD * nodes[i].y;
    }
  self->stress_left = STRESS_ITERATIONS;
  return TRUE;
}

void
_bzw_map_layout_stress_end (BzwMapLayout *self)
{
  g_clear_pointer (&self->stress_dist, g_free);
  g_clear_pointer (&self->stress_pivot, g_free);
  g_clear_pointer (&self->anchor_x, g_free);
  g_clear_pointer (&self->anchor_y, g_free);
  self->n_pivots = 0;
  self->stress_left = 0;
}

/* One term of the localized update: (xj, yj) pulls i to distance @d. */
static inline void
add_term (double *acc,
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
    {
      /* On one spot: no direction to keep, so none is pulled. */
      dx = 1.0;
      dy = 0.0;
      len = 1.0;
    }
  acc[0] += w * (xj + d * dx / len);
  acc[1] += w * (yj + d * dy / len);
  acc[2] += w;
}

/* Moves node @i to where its terms balance; returns how far. */
static double
refine_node (BzwMapLayout *self,
             BzwMapNode   *nodes,
             guint         i)
{
  double unit = self->stress_unit;
  double acc[3] = { 0.0, 0.0, 0.0 };
  double x = nodes[i].x, y = nodes[i].y;
  double pivot_weight = (double) self->n / MAX (self->n_pivots, 1);

  for (guint k = self->adj_start[i]; k < self->adj_start[i + 1]; k++)
    add_term (acc, x, y, nodes[self->adj[k]].x, nodes[self->adj[k]].y, unit, 1.0);

  for (guint p = 0; p < self->n_pivots; p++)
    {
      int d = self->stress_dist[(gsize) i * STRESS_PIVOTS + p];
      guint v = self->stress_pivot[p];

      if (d <= 1 || v == i)
        continue;
      add_term (acc, x, y, nodes[v].x, nodes[v].y, d * unit, pivot_weight / ((double) d * d));
    }

  /* The spot the forces found, and with it the pull to „Ich“. */
  add_term (acc, x, y, self->anchor_x[i], self->anchor_y[i], 0.0, STRESS_ANCHOR);

  nodes[i].x = acc[0] / acc[2];
  nodes[i].y = acc[1] / acc[2];
  return hypot (nodes[i].x - x, nodes[i].y - y);
}

/**
 * _bzw_map_layout_stress_step:
 *
 * Runs up to STRESS_PER_STEP iterations over the fresh nodes.
 *
 * Returns: the largest distance a node moved in the last iteration.
 */
double
_bzw_map_layout_stress_step (BzwMapLayout *self)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  double max_move = 0.0;

  for (guint it = 0; it < STRESS_PER_STEP && self->stress_left > 0; it++)
    {
      max_move = 0.0;
      for (guint i = 1; i < self->n; i++)
        if (self->stress_move[i])
          max_move = MAX (max_move, refine_node (self, nodes, i));
      self->stress_left--;
      if (max_move < self->tolerance * K)
        self->stress_left = 0;
    }

  return max_move;
}
