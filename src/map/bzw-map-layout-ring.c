/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-layout"

#include "config.h"

#include "bzw-map-layout-private.h"

#include "bzw-map-declutter.h"

#include <stdlib.h>

/* Contacts tied to nobody else on the map do not take part in the forces:
 * the repulsion of the whole network would fling them far out, and
 * „Einpassen“ would shrink the network to a blob to show them.  They stand
 * on a ring just outside the network instead, each at an angle of its own
 * (a hash of the seed and its contact id), pushed apart along the ring
 * only as far as needed.  Adding a contact moves the ring a little in or
 * out, never around.
 *
 * When the layout has settled, the discs of all nodes are nudged apart in
 * map units, so the picture has no overlap at any zoom where the discs
 * keep their size in proportion.
 */

typedef struct
{
  guint  node;
  double angle;
  double width;
} RingSpot;

static int
by_angle (const void *a,
          const void *b)
{
  const RingSpot *x = a;
  const RingSpot *y = b;

  if (x->angle != y->angle)
    return x->angle < y->angle ? -1 : 1;
  return x->node < y->node ? -1 : (x->node > y->node ? 1 : 0);
}

/**
 * _bzw_map_layout_find_ring:
 *
 * Marks the contacts without a line to another contact (relationship,
 * favour or referral; a favour with „Ich“ does not count) that are not
 * pinned.  Called when the structure changed.
 */
void
_bzw_map_layout_find_ring (BzwMapLayout *self)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);

  self->n_ring = 0;
  for (guint i = 0; i < self->n; i++)
    {
      gboolean tied = FALSE;

      for (guint k = self->adj_start[i]; k < self->adj_start[i + 1] && !tied; k++)
        tied = self->adj[k] != 0;

      self->ring[i] = i > 0 && !tied && !nodes[i].pinned;
      self->n_ring += self->ring[i];
    }
}

/**
 * _bzw_map_layout_ring_radius:
 *
 * Returns: the radius of the ring: just outside the farthest node of the
 *   network, and long enough for every contact on it.
 */
double
_bzw_map_layout_ring_radius (BzwMapLayout *self)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  double reach = RING_MIN * K;
  double length = 0.0;

  for (guint i = 1; i < self->n; i++)
    {
      if (self->ring[i])
        length += 2.0 * nodes[i].radius + RING_SPACING;
      else if (nodes[i].placed && !nodes[i].pinned)
        reach = MAX (reach, hypot (nodes[i].x, nodes[i].y) + nodes[i].radius);
    }

  return MAX (reach + RING_GAP, length / (2.0 * G_PI));
}

/* Pushes neighbours on the ring apart until each pair has room. */
static void
spread_on_ring (RingSpot *spots,
                guint     m,
                double    radius)
{
  for (guint round = 0; round < RING_ROUNDS && m > 1; round++)
    {
      gboolean moved = FALSE;

      for (guint k = 0; k < m; k++)
        {
          RingSpot *a = &spots[k];
          RingSpot *b = &spots[(k + 1) % m];
          double need = (a->width + b->width) / 2.0 / radius;
          double gap = b->angle - a->angle + (k + 1 == m ? 2.0 * G_PI : 0.0);

          if (gap >= need - 1e-9)
            continue;
          a->angle -= (need - gap) / 2.0 + 1e-9;
          b->angle += (need - gap) / 2.0 + 1e-9;
          moved = TRUE;
        }
      if (!moved)
        break;
    }
}

/**
 * _bzw_map_layout_place_ring:
 *
 * Puts every contact of the ring at its angle on the ring.
 *
 * Returns: the largest distance one of them moved.
 */
double
_bzw_map_layout_place_ring (BzwMapLayout *self)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  g_autofree RingSpot *spots = NULL;
  double radius;
  double moved = 0.0;
  guint m = 0;

  if (self->n_ring == 0)
    return 0.0;

  radius = _bzw_map_layout_ring_radius (self);
  spots = g_new (RingSpot, self->n_ring);
  for (guint i = 1; i < self->n; i++)
    if (self->ring[i])
      {
        spots[m].node = i;
        spots[m].angle = 2.0 * G_PI * _bzw_map_layout_hash_unit (self->seed, nodes[i].contact_id, 5);
        spots[m].width = 2.0 * nodes[i].radius + RING_SPACING;
        m++;
      }

  qsort (spots, m, sizeof (RingSpot), by_angle);
  spread_on_ring (spots, m, radius);

  for (guint k = 0; k < m; k++)
    {
      BzwMapNode *node = &nodes[spots[k].node];
      double x = radius * cos (spots[k].angle);
      double y = radius * sin (spots[k].angle);

      moved = MAX (moved, hypot (x - node->x, y - node->y));
      node->x = x;
      node->y = y;
      node->placed = TRUE;
    }

  return moved;
}

/* Nudges apart with the nodes that are not @free fixed, besides „Ich“
 * and the pinned ones; returns whether no two discs overlap.
 */
static gboolean
separate_with (BzwMapLayout   *self,
               const gboolean *free)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  g_autofree BzwMapDisc *discs = g_new (BzwMapDisc, MAX (self->n, 1));
  g_autofree gboolean *fixed = g_new (gboolean, MAX (self->n, 1));

  for (guint i = 0; i < self->n; i++)
    {
      discs[i].x = nodes[i].x;
      discs[i].y = nodes[i].y;
      discs[i].r = nodes[i].radius;
      fixed[i] = i == 0 || nodes[i].pinned || (free != NULL && !free[i]);
    }

  if (bzw_map_count_disc_overlaps (discs, self->n, SEPARATION_GAP) == 0)
    return TRUE;

  bzw_map_nudge_discs (discs, self->n, fixed, SEPARATION_GAP, SEPARATION_ROUNDS);
  for (guint i = 0; i < self->n; i++)
    {
      nodes[i].x = discs[i].x;
      nodes[i].y = discs[i].y;
    }
  return bzw_map_count_disc_overlaps (discs, self->n, SEPARATION_GAP) == 0;
}

/**
 * _bzw_map_layout_separate:
 *
 * Nudges the discs of all nodes apart in map units, „Ich“ and pinned
 * nodes fixed: the new nodes first, the others only when that is not
 * enough.
 */
void
_bzw_map_layout_separate (BzwMapLayout *self)
{
  gboolean all_free = TRUE;

  for (guint i = 1; i < self->n && all_free; i++)
    all_free = self->fresh[i];
  if (!separate_with (self, all_free ? NULL : self->fresh) && !all_free)
    separate_with (self, NULL);
}
