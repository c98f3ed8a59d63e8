/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-renderer"

#include "config.h"

#include "bzw-map-renderer-private.h"

/* Hit-testing */

/**
 * bzw_map_renderer_hit_node:
 *
 * Returns: the visible node under the screen point where it is drawn, or
 *   -1.  Small nodes can be hit within 6 pixels; of several, the one whose centre is nearest,
 *   except that "Ich" wins inside its drawn circle.
 */
int
bzw_map_renderer_hit_node (BzwMapRenderer   *self,
                           const BzwMapView *view,
                           double            screen_x,
                           double            screen_y)
{
  double best = G_MAXDOUBLE;
  int hit = -1;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (view != NULL, -1);

  _bzw_map_renderer_place_discs (self, view, FALSE);

  for (guint k = 0; k < self->n_discs; k++)
    {
      guint i = self->disc_node[k];
      double x = self->sx[i];
      double y = self->sy[i];
      double r = MAX (self->sr[i], 6.0);
      double d2 = (x - screen_x) * (x - screen_x) + (y - screen_y) * (y - screen_y);

      if (d2 > r * r)
        continue;

      /* "Ich" is drawn on top: inside its drawn circle it wins. */
      if (i == 0 && d2 <= self->sr[0] * self->sr[0])
        return 0;
      if (d2 < best)
        {
          best = d2;
          hit = i;
        }
    }

  return hit;
}

static double
distance_to_segment (double px,
                     double py,
                     double ax,
                     double ay,
                     double bx,
                     double by)
{
  double dx = bx - ax, dy = by - ay;
  double l2 = dx * dx + dy * dy;
  double t = l2 > 0.0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / l2, 0.0, 1.0) : 0.0;
  double qx = ax + t * dx - px, qy = ay + t * dy - py;

  return sqrt (qx * qx + qy * qy);
}

/**
 * bzw_map_renderer_hit_edge:
 *
 * Returns: the visible edge within 4 pixels of its drawn line (or curve) at
 *   the screen point, the nearest of several, or -1.
 */
int
bzw_map_renderer_hit_edge (BzwMapRenderer   *self,
                           const BzwMapView *view,
                           double            screen_x,
                           double            screen_y)
{
  BzwMapNode *nodes;
  BzwMapEdge *edges;
  double best = G_MAXDOUBLE;
  double z;
  int hit = -1;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (view != NULL, -1);

  _bzw_map_renderer_place_discs (self, view, FALSE);
  nodes = bzw_map_graph_get_nodes (self->graph);
  edges = bzw_map_graph_get_edges (self->graph);
  z = zoom_factor (view);

  for (guint i = 0; i < self->n_edges; i++)
    {
      const BzwMapEdge *e = &edges[i];
      double ax = self->sx[e->source];
      double ay = self->sy[e->source];
      double bx = self->sx[e->target];
      double by = self->sy[e->target];
      double d, width;

      if (!_bzw_map_renderer_edge_shown (self, view, nodes, e))
        continue;

      if (e->kind == BZW_MAP_EDGE_FAVOUR || e->kind == BZW_MAP_EDGE_REFERRAL)
        {
          Disc a = { ax, ay, self->sr[e->source] };
          Disc b = { bx, by, self->sr[e->target] };
          double p[10];
          double head;
          double px, py;

          width = value_width (value_level (e->weight)) * z;
          head = 5.0 * z + 1.6 * width;
          if (!_bzw_map_arrow_geometry (&a, &b, head, p))
            continue;

          /* The quadratic curve as 16 segments, up to the arrow's tip. */
          d = G_MAXDOUBLE;
          px = p[0];
          py = p[1];
          for (int s = 1; s <= 16; s++)
            {
              double t = s / 16.0;
              double qx = (1 - t) * (1 - t) * p[0] + 2 * (1 - t) * t * p[2] + t * t * p[6];
              double qy = (1 - t) * (1 - t) * p[1] + 2 * (1 - t) * t * p[3] + t * t * p[7];

              d = MIN (d, distance_to_segment (screen_x, screen_y, px, py, qx, qy));
              px = qx;
              py = qy;
            }
        }
      else
        {
          width = (e->kind == BZW_MAP_EDGE_ME ? 0.7 + 4.8 * e->weight : 2.0) * z;
          d = distance_to_segment (screen_x, screen_y, ax, ay, bx, by);
        }

      if (d <= width / 2.0 + 4.0 && d < best)
        {
          best = d;
          hit = i;
        }
    }

  return hit;
}

