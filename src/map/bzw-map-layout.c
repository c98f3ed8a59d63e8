/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-layout"

#include "config.h"

#include "bzw-map-layout-private.h"

#include <math.h>
#include <string.h>

/* A force-directed layout after Fruchterman and Reingold: every pair of
 * nodes repels with K²/d, an edge pulls its ends together with w·d²/K, and
 * each contact hangs on "Ich" in the origin by a linear spring whose
 * stiffness grows with the strength of the relationship, so close contacts
 * gather in the middle.  The repulsion of all pairs is approximated with a
 * Barnes–Hut quadtree (O(n log n) per step).
 *
 * Each step moves a node along its force, scaled by the inverse of its
 * stiffness and capped by a temperature of its own that cools with every
 * step.  New nodes start hot and next to their neighbours; nodes that had a
 * position stay where they are until the layout is reheated, so adding a
 * contact moves nobody else.  All starting points come from a hash of the seed and the
 * contact id, never from the clock, so the same graph and seed always give
 * the same picture.
 *
 * Once the forces have settled, the nodes that were new are refined by
 * stress majorization, so distances on the map follow the distances in
 * the network (bzw-map-layout-stress.c).  Contacts tied to nobody else
 * stand on a ring just outside the network, and a settled layout has no
 * overlapping discs (bzw-map-layout-ring.c).
 */

#define hash_unit _bzw_map_layout_hash_unit

static void
free_arrays (BzwMapLayout *self)
{
  g_clear_pointer (&self->x, g_free);
  g_clear_pointer (&self->y, g_free);
  g_clear_pointer (&self->fx, g_free);
  g_clear_pointer (&self->fy, g_free);
  g_clear_pointer (&self->alpha, g_free);
  g_clear_pointer (&self->pull, g_free);
  g_clear_pointer (&self->radius, g_free);
  g_clear_pointer (&self->fixed, g_free);
  g_clear_pointer (&self->ring, g_free);
  g_clear_pointer (&self->next, g_free);
  g_clear_pointer (&self->spring_a, g_free);
  g_clear_pointer (&self->spring_b, g_free);
  g_clear_pointer (&self->spring_w, g_free);
  g_clear_pointer (&self->adj_start, g_free);
  g_clear_pointer (&self->adj, g_free);
  g_clear_pointer (&self->stress_move, g_free);
  _bzw_map_layout_stress_end (self);
}

/* Rebuilds the springs and the per-node constants after the graph changed;
 * keeps the temperatures of the nodes it had and gives new ones a hot start.
 */
static void
sync_structure (BzwMapLayout *self)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  BzwMapEdge *edges = bzw_map_graph_get_edges (self->graph);
  guint n = bzw_map_graph_get_n_nodes (self->graph);
  guint n_edges = bzw_map_graph_get_n_edges (self->graph);
  g_autofree double *stiffness = NULL;
  g_autofree guint *fill = NULL;
  guint old_n = self->n;

  if (self->serial == bzw_map_graph_get_serial (self->graph) && self->x != NULL)
    return;

  self->heat = g_renew (double, self->heat, n);
  self->fresh = g_renew (gboolean, self->fresh, n);
  for (guint i = old_n; i < n; i++)
    {
      self->heat[i] = nodes[i].placed ? HEAT_PLACED : HEAT_NEW;
      self->fresh[i] = !nodes[i].placed;
    }

  free_arrays (self);
  self->n = n;
  self->x = g_new0 (double, n);
  self->y = g_new0 (double, n);
  self->fx = g_new0 (double, n);
  self->fy = g_new0 (double, n);
  self->alpha = g_new0 (double, n);
  self->pull = g_new0 (double, n);
  self->radius = g_new0 (double, n);
  self->fixed = g_new0 (gboolean, n);
  self->ring = g_new0 (gboolean, n);
  self->next = g_new (int, n);
  self->stress_move = g_new0 (gboolean, n);
  stiffness = g_new0 (double, n);

  self->spring_a = g_new (guint, MAX (n_edges, 1));
  self->spring_b = g_new (guint, MAX (n_edges, 1));
  self->spring_w = g_new (double, MAX (n_edges, 1));
  self->n_springs = 0;

  for (guint i = 0; i < n; i++)
    {
      self->pull[i] = GRAVITY;
      self->radius[i] = nodes[i].radius;
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const BzwMapEdge *e = &edges[i];
      double w;

      if (e->source == e->target)
        continue;

      if (e->kind == BZW_MAP_EDGE_ME)
        {
          guint other = e->source == 0 ? e->target : e->source;

          self->pull[other] += ME_PULL + ME_PULL_STRONG * CLAMP (e->weight, 0.0, 1.0);
          continue;
        }

      if (e->kind == BZW_MAP_EDGE_RELATIONSHIP)
        w = 0.6 + 0.1 * CLAMP (e->weight, 1.0, 5.0);
      else
        w = 0.4;

      self->spring_a[self->n_springs] = e->source;
      self->spring_b[self->n_springs] = e->target;
      self->spring_w[self->n_springs] = w;
      self->n_springs++;
      stiffness[e->source] += 2.0 * w;
      stiffness[e->target] += 2.0 * w;
    }

  for (guint i = 0; i < n; i++)
    self->alpha[i] = 1.2 / (3.0 + stiffness[i] + self->pull[i]);

  /* Neighbours by springs, for placing new nodes. */
  self->adj_start = g_new0 (guint, n + 1);
  self->adj = g_new (guint, 2 * MAX (self->n_springs, 1));
  for (guint i = 0; i < self->n_springs; i++)
    {
      self->adj_start[self->spring_a[i] + 1]++;
      self->adj_start[self->spring_b[i] + 1]++;
    }
  for (guint i = 0; i < n; i++)
    self->adj_start[i + 1] += self->adj_start[i];
  fill = g_memdup2 (self->adj_start, sizeof (guint) * (n + 1));
  for (guint i = 0; i < self->n_springs; i++)
    {
      self->adj[fill[self->spring_a[i]]++] = self->spring_b[i];
      self->adj[fill[self->spring_b[i]]++] = self->spring_a[i];
    }
  _bzw_map_layout_find_ring (self);

  self->serial = bzw_map_graph_get_serial (self->graph);
  self->settled = FALSE;
}

static void
place_near_neighbours (BzwMapLayout *self,
                       BzwMapNode   *nodes,
                       guint         v)
{
  double sx = 0.0, sy = 0.0;
  guint count = 0;
  double angle = 2.0 * G_PI * hash_unit (self->seed, nodes[v].contact_id, 1);
  double dist = K * (0.5 + 0.5 * hash_unit (self->seed, nodes[v].contact_id, 2));

  for (guint k = self->adj_start[v]; k < self->adj_start[v + 1]; k++)
    {
      guint w = self->adj[k];

      if (w != 0 && nodes[w].placed)
        {
          sx += nodes[w].x;
          sy += nodes[w].y;
          count++;
        }
    }

  g_assert (count > 0);
  nodes[v].x = sx / count + dist * cos (angle);
  nodes[v].y = sy / count + dist * sin (angle);
  nodes[v].placed = TRUE;
}

static guint
place_component (BzwMapLayout *self,
                 BzwMapNode   *nodes,
                 guint        *queue,
                 guint         head,
                 guint         tail)
{
  guint placed = 0;

  while (head < tail)
    {
      guint v = queue[head++];

      if (!nodes[v].placed)
        {
          place_near_neighbours (self, nodes, v);
          placed++;
        }

      for (guint k = self->adj_start[v]; k < self->adj_start[v + 1]; k++)
        {
          guint w = self->adj[k];

          if (w != 0 && !nodes[w].placed && self->next[w] != -2)
            {
              self->next[w] = -2;
              queue[tail++] = w;
            }
        }
    }

  return placed;
}

/**
 * bzw_map_layout_place_new_nodes:
 *
 * Gives every node without a position a starting point: next to its
 * placed neighbours when it has some, else a spot around "Ich" chosen by a
 * hash of its contact id, with its own neighbours gathered around it.
 * Called by bzw_map_layout_step() when needed.
 *
 * Returns: how many nodes were placed.
 */
guint
bzw_map_layout_place_new_nodes (BzwMapLayout *self)
{
  BzwMapNode *nodes;
  g_autofree guint *queue = NULL;
  guint tail = 0;
  guint placed = 0;
  double spread;

  g_return_val_if_fail (self != NULL, 0);

  sync_structure (self);
  nodes = bzw_map_graph_get_nodes (self->graph);

  nodes[0].x = 0.0;
  nodes[0].y = 0.0;
  nodes[0].placed = TRUE;

  queue = g_new (guint, self->n + 1);
  for (guint i = 0; i < self->n; i++)
    self->next[i] = -1;

  /* Unplaced nodes next to placed ones, breadth first. */
  for (guint i = 1; i < self->n; i++)
    {
      if (nodes[i].placed)
        continue;

      for (guint k = self->adj_start[i]; k < self->adj_start[i + 1]; k++)
        {
          guint w = self->adj[k];

          if (w != 0 && nodes[w].placed)
            {
              self->next[i] = -2;
              queue[tail++] = i;
              break;
            }
        }
    }
  placed += place_component (self, nodes, queue, 0, tail);

  /* The rest start new clusters on a disk around "Ich". */
  spread = K * (1.0 + 0.8 * sqrt ((double) self->n));
  for (guint i = 1; i < self->n; i++)
    {
      double angle, r;

      if (nodes[i].placed)
        continue;

      angle = 2.0 * G_PI * hash_unit (self->seed, nodes[i].contact_id, 3);
      r = 1.5 * K + spread * sqrt (hash_unit (self->seed, nodes[i].contact_id, 4));
      nodes[i].x = r * cos (angle);
      nodes[i].y = r * sin (angle);
      nodes[i].placed = TRUE;
      placed++;

      tail = 0;
      queue[tail++] = i;
      self->next[i] = -2;
      placed += place_component (self, nodes, queue, 0, tail);
    }

  /* A graph laid out from scratch is centred on "Ich". */
  if (placed + 1 == self->n && placed > 1)
    {
      double cx = 0.0, cy = 0.0;

      for (guint i = 1; i < self->n; i++)
        {
          cx += nodes[i].x;
          cy += nodes[i].y;
        }
      cx /= placed;
      cy /= placed;
      for (guint i = 1; i < self->n; i++)
        {
          nodes[i].x -= cx;
          nodes[i].y -= cy;
        }
    }

  if (placed > 0)
    {
      self->settled = FALSE;
      bzw_map_graph_changed (self->graph);
      self->serial = bzw_map_graph_get_serial (self->graph);
    }

  return placed;
}

/**
 * bzw_map_layout_new:
 * @graph: the graph whose positions this layout moves
 * @seed: picks the starting points of nodes without a position
 *
 * Returns: (transfer full): a layout for @graph.
 */
BzwMapLayout *
bzw_map_layout_new (BzwMapGraph *graph,
                    guint32      seed)
{
  BzwMapLayout *self;

  g_return_val_if_fail (graph != NULL, NULL);

  self = g_new0 (BzwMapLayout, 1);
  self->graph = bzw_map_graph_ref (graph);
  self->seed = seed;
  self->theta = 0.8;
  self->tolerance = 0.01;
  self->stack = g_new (int, 4 * MAX_DEPTH + 8);

  return self;
}

void
bzw_map_layout_free (BzwMapLayout *self)
{
  if (self == NULL)
    return;

  free_arrays (self);
  g_free (self->heat);
  g_free (self->fresh);
  g_free (self->tree);
  g_free (self->stack);
  bzw_map_graph_unref (self->graph);
  g_free (self);
}

BzwMapGraph *
bzw_map_layout_get_graph (BzwMapLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->graph;
}

/**
 * bzw_map_layout_set_theta:
 * @theta: the opening angle of Barnes–Hut; 0 computes every pair exactly,
 *   larger is faster and coarser (default 0.8)
 */
void
bzw_map_layout_set_theta (BzwMapLayout *self,
                          double        theta)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (theta >= 0.0);

  self->theta = theta;
}

double
bzw_map_layout_get_theta (BzwMapLayout *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->theta;
}

/**
 * bzw_map_layout_set_tolerance:
 * @tolerance: the layout counts as settled when no node moves more than
 *   this fraction of an edge length in a step (default 0.01)
 */
void
bzw_map_layout_set_tolerance (BzwMapLayout *self,
                              double        tolerance)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (tolerance > 0.0);

  self->tolerance = tolerance;
  self->settled = FALSE;
}

/**
 * bzw_map_layout_reset:
 *
 * Forgets all positions except pinned ones and lays the graph out anew.
 */
void
bzw_map_layout_reset (BzwMapLayout *self)
{
  BzwMapNode *nodes;
  guint n;

  g_return_if_fail (self != NULL);

  nodes = bzw_map_graph_get_nodes (self->graph);
  n = bzw_map_graph_get_n_nodes (self->graph);
  for (guint i = 1; i < n; i++)
    if (!nodes[i].pinned)
      nodes[i].placed = FALSE;

  bzw_map_graph_changed (self->graph);
  bzw_map_layout_reheat (self);
}

/**
 * bzw_map_layout_reheat:
 *
 * Lets every node move freely again from where it is.
 */
void
bzw_map_layout_reheat (BzwMapLayout *self)
{
  g_return_if_fail (self != NULL);

  sync_structure (self);
  for (guint i = 0; i < self->n; i++)
    {
      self->heat[i] = HEAT_NEW;
      self->fresh[i] = TRUE;
    }
  self->settled = FALSE;
}

static void
load_positions (BzwMapLayout *self)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);

  for (guint i = 0; i < self->n; i++)
    {
      self->x[i] = nodes[i].x;
      self->y[i] = nodes[i].y;
      /* The ring is placed, not pushed (bzw-map-layout-ring.c); nodes
       * placed before stay where they are, so adding a contact moves
       * nobody else.
       */
      self->fixed[i] = i == 0 || nodes[i].pinned || self->ring[i] || !self->fresh[i];
    }
}

/* Fills fx/fy with the force on every node at the loaded positions; the
 * repulsion of the fixed nodes only with @all.
 */
static void
compute_forces (BzwMapLayout *self,
                gboolean      exact,
                gboolean      all)
{
  guint n = self->n;
  double *fx = self->fx;
  double *fy = self->fy;

  for (guint i = 0; i < n; i++)
    {
      fx[i] = -self->pull[i] * self->x[i];
      fy[i] = -self->pull[i] * self->y[i];
    }

  if (exact || self->theta <= 0.0)
    {
      for (guint i = 0; i < n; i++)
        for (guint j = 0; j < n; j++)
          if (i != j)
            {
              repel (self->x[i] - self->x[j], self->y[i] - self->y[j], 1.0, i, j, &fx[i], &fy[i]);
              collide (self, i, j, &fx[i], &fy[i]);
            }
    }
  else
    {
      _bzw_map_layout_tree_build (self);
      for (guint i = 0; i < n; i++)
        if (all || !self->fixed[i] || self->ring[i])
          _bzw_map_layout_repulsion_tree (self, i, &fx[i], &fy[i]);
    }

  for (guint s = 0; s < self->n_springs; s++)
    {
      guint a = self->spring_a[s];
      guint b = self->spring_b[s];
      double dx = self->x[b] - self->x[a];
      double dy = self->y[b] - self->y[a];
      double d = sqrt (dx * dx + dy * dy);
      double f = self->spring_w[s] * d / K;

      fx[a] += f * dx;
      fy[a] += f * dy;
      fx[b] -= f * dx;
      fy[b] -= f * dy;
    }
}

/**
 * bzw_map_layout_compute_forces:
 * @exact: compute the repulsion of every pair directly (O(n²)) instead of
 *   through the quadtree; the reference for tests
 * @fx: (out caller-allocates) (array): one value per node
 * @fy: (out caller-allocates) (array): one value per node
 *
 * The forces on all nodes at their current positions.  Places new nodes
 * first.
 */
void
bzw_map_layout_compute_forces (BzwMapLayout *self,
                               gboolean      exact,
                               double       *fx,
                               double       *fy)
{
  g_return_if_fail (self != NULL);

  bzw_map_layout_place_new_nodes (self);
  load_positions (self);
  compute_forces (self, exact, TRUE);
  memcpy (fx, self->fx, sizeof (double) * self->n);
  memcpy (fy, self->fy, sizeof (double) * self->n);
}

/* Settled: no two discs overlap, the ring stays outside, and every node
 * counts as placed before.
 */
static void
finish (BzwMapLayout *self)
{
  _bzw_map_layout_separate (self);
  _bzw_map_layout_place_ring (self);
  for (guint i = 0; i < self->n; i++)
    self->fresh[i] = FALSE;
}

/* A step of the stress refinement; settles when it is done. */
static double
stress_step (BzwMapLayout *self)
{
  double max_move = _bzw_map_layout_stress_step (self);

  self->steps++;
  self->last_displacement = max_move;
  if (self->stress_left == 0)
    {
      _bzw_map_layout_stress_end (self);
      self->settled = TRUE;
      finish (self);
    }
  return max_move;
}

/**
 * bzw_map_layout_step:
 *
 * Moves every free node once.  One step of 2,000 nodes takes about a
 * millisecond, so a widget can run a few per frame.
 *
 * Returns: the largest distance a node moved, in map units.
 */
double
bzw_map_layout_step (BzwMapLayout *self)
{
  BzwMapNode *nodes;
  double max_move = 0.0;
  double ring_move;
  double energy = 0.0;

  g_return_val_if_fail (self != NULL, 0.0);

  bzw_map_layout_place_new_nodes (self);
  if (self->stress_left > 0)
    return stress_step (self);
  nodes = bzw_map_graph_get_nodes (self->graph);
  load_positions (self);
  compute_forces (self, FALSE, FALSE);

  for (guint i = 0; i < self->n; i++)
    {
      double dx, dy, len;

      if (self->fixed[i])
        continue;

      dx = self->alpha[i] * self->fx[i];
      dy = self->alpha[i] * self->fy[i];
      len = sqrt (dx * dx + dy * dy);
      if (len > self->heat[i])
        {
          dx *= self->heat[i] / len;
          dy *= self->heat[i] / len;
          len = self->heat[i];
        }

      nodes[i].x = self->x[i] + dx;
      nodes[i].y = self->y[i] + dy;
      max_move = MAX (max_move, len);
      energy += self->fx[i] * self->fx[i] + self->fy[i] * self->fy[i];
      self->heat[i] *= COOLING;
    }

  ring_move = _bzw_map_layout_place_ring (self);
  max_move = MAX (max_move, ring_move);
  self->energy = energy;
  self->last_displacement = max_move;
  self->steps++;
  /* The refinement that follows finishes the shape, so the forces need
   * not settle to the last detail.
   */
  self->settled = max_move < self->tolerance * K * FORCE_LOOSE;

  /* The forces have settled: the new nodes are refined next. */
  if (self->settled && _bzw_map_layout_stress_begin (self))
    self->settled = FALSE;
  else if (self->settled)
    finish (self);

  return max_move;
}

gboolean
bzw_map_layout_is_settled (BzwMapLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->settled && self->serial == bzw_map_graph_get_serial (self->graph);
}

/**
 * bzw_map_layout_get_energy:
 *
 * Returns: the sum of the squared forces on the free nodes before the last
 *   step.
 */
double
bzw_map_layout_get_energy (BzwMapLayout *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->energy;
}

guint
bzw_map_layout_get_n_steps (BzwMapLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->steps;
}

/**
 * bzw_map_layout_run_until_settled:
 * @max_ms: give up after this many milliseconds, 0 for no limit
 *
 * Steps until the layout has settled.  With a limit the result depends on
 * the speed of the machine; tests pass 0.
 *
 * Returns: whether the layout settled.
 */
gboolean
bzw_map_layout_run_until_settled (BzwMapLayout *self,
                                  guint         max_ms)
{
  gint64 end;

  g_return_val_if_fail (self != NULL, FALSE);

  end = g_get_monotonic_time () + (gint64) max_ms * 1000;
  while (!bzw_map_layout_is_settled (self))
    {
      bzw_map_layout_step (self);
      if (max_ms > 0 && g_get_monotonic_time () >= end)
        break;
    }

  return bzw_map_layout_is_settled (self);
}
