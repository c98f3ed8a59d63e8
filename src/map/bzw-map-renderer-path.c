/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The introduction path of „Wie erreiche ich …?“ (BzwMapView.path): a
 * broad line in the colour of the selection from disc to disc under the
 * nodes, and a ring around every node on it above them.
 */

#include "config.h"

#include "bzw-map-renderer-private.h"

#include <math.h>

static void
set_path_color (cairo_t       *cr,
                const Palette *pal,
                double         alpha)
{
  cairo_set_source_rgba (cr, pal->selection.red, pal->selection.green, pal->selection.blue, alpha);
}

void
_bzw_map_renderer_draw_path (BzwMapRenderer   *self,
                             cairo_t          *cr,
                             const BzwMapView *view,
                             const Palette    *pal,
                             gboolean          rings)
{
  GArray *path = view->path;
  guint n = bzw_map_graph_get_n_nodes (self->graph);

  if (path == NULL || path->len < 2)
    return;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (cr);

  for (guint i = 0; i < path->len; i++)
    {
      guint v = g_array_index (path, guint, i);

      if (v >= n)
        break;

      if (rings)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, self->sx[v], self->sy[v], self->sr[v] + 4.0, 0, 2 * G_PI);
        }
      else if (i == 0)
        {
          cairo_move_to (cr, self->sx[v], self->sy[v]);
        }
      else
        {
          cairo_line_to (cr, self->sx[v], self->sy[v]);
        }
    }

  set_path_color (cr, pal, rings ? 1.0 : 0.75);
  cairo_set_line_width (cr, rings ? 3.0 : 6.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}
