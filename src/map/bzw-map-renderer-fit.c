/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-renderer"

#include "config.h"

#include "bzw-map-renderer-private.h"

#include <stdlib.h>

/* „Einpassen“: the view that frames the network.  The window and the
 * export with a size share it, so both show the same picture.
 */

/* Room below the lowest nodes for their names. */
#define FIT_LABEL_ROOM  16.0
/* Never zoom in further than this to fit a small network. */
#define FIT_MAX_SCALE   1.5

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* How far from „Ich“ a shown node may lie and still be framed: a node
 * pinned far away, or one that drifted off before the layout settled, is
 * left out rather than shrink the whole network.
 */
static double
framing_limit (BzwMapRenderer *self,
               BzwMapNode     *nodes)
{
  g_autofree double *distances = g_new (double, MAX (self->n_nodes, 1));
  guint m = 0;
  double p95;

  for (guint i = 1; i < self->n_nodes; i++)
    if (self->visible[i] != VIS_HIDDEN)
      distances[m++] = hypot (nodes[i].x, nodes[i].y);

  if (m < 20)
    return G_MAXDOUBLE;

  qsort (distances, m, sizeof (double), compare_doubles);
  p95 = distances[(guint) (0.95 * (m - 1))];
  return 1.3 * p95 + 100.0;
}

/**
 * bzw_map_renderer_fit_view:
 * @margin: free space around the network in pixels
 *
 * Sets the scale and offset of @view so that the nodes its filters show
 * fit its size, centred, with room for the names below the lowest ones
 * and beside the legend when it is shown; never zooms in beyond 1.5.
 */
void
bzw_map_renderer_fit_view (BzwMapRenderer *self,
                           BzwMapView     *view,
                           double          margin)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  BzwMapNode *nodes;
  double limit, w, h, sw, sh;
  double left = 0.0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);

  _bzw_map_renderer_compute_visibility (self, view);
  nodes = bzw_map_graph_get_nodes (self->graph);
  limit = framing_limit (self, nodes);

  for (guint i = 0; i < self->n_nodes; i++)
    {
      if (self->visible[i] == VIS_HIDDEN || hypot (nodes[i].x, nodes[i].y) > limit)
        continue;

      x1 = MIN (x1, nodes[i].x - nodes[i].radius);
      y1 = MIN (y1, nodes[i].y - nodes[i].radius);
      x2 = MAX (x2, nodes[i].x + nodes[i].radius);
      y2 = MAX (y2, nodes[i].y + nodes[i].radius);
    }

  if (x1 > x2)
    x1 = x2 = y1 = y2 = 0.0;

  /* A legend on the left takes its width from the network's room. */
  if (view->show_legend)
    {
      BzwMapRect legend;

      _bzw_map_renderer_legend_rect (self, view, &legend);
      left = MIN (legend.x + legend.width, view->width / 2.0);
    }

  w = MAX (x2 - x1, 1.0);
  h = MAX (y2 - y1, 1.0);
  sw = MAX (view->width - left - 2.0 * margin, 1.0);
  sh = MAX (view->height - 2.0 * margin - FIT_LABEL_ROOM, 1.0);
  view->scale = MIN (FIT_MAX_SCALE, MIN (sw / w, sh / h));
  view->offset_x = left + (view->width - left) / 2.0 - (x1 + x2) / 2.0 * view->scale;
  view->offset_y = (view->height - FIT_LABEL_ROOM) / 2.0 - (y1 + y2) / 2.0 * view->scale;
}
