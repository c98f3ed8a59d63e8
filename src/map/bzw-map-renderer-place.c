/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-renderer"

#include "config.h"

#include "bzw-map-renderer-private.h"

#include <string.h>

/* Where things go on the screen, before anything is drawn: the nodes in
 * the viewport become discs that are nudged apart until none overlaps
 * („Ich“ and pinned nodes stay), and the names are placed around their
 * discs where they cover no other name, no disc and not the legend, the
 * most important first (bzw-map-declutter.c).  A name that finds no place
 * is left out until one zooms in or points at its node.  Drawing, hit
 * testing and the export all read the same placement.
 */

/* Names are tried for at most this many nodes, the most important first
 * (the order of the caches: size, then strength).
 */
#define MAX_LABEL_TRIES 600

PangoLayout *
_bzw_map_renderer_get_label (BzwMapRenderer *self,
                             guint           i)
{
  BzwMapNode *node;
  PangoRectangle ink, logical;

  if (self->labels[i] != NULL)
    return self->labels[i];

  node = bzw_map_graph_get_node (self->graph, i);
  self->labels[i] = pango_layout_new (self->context);
  pango_layout_set_font_description (self->labels[i], self->label_font);
  pango_layout_set_text (self->labels[i], node->label, -1);
  pango_layout_set_width (self->labels[i], 180 * PANGO_SCALE);
  pango_layout_set_ellipsize (self->labels[i], PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (self->labels[i], TRUE);
  pango_layout_get_pixel_extents (self->labels[i], &ink, &logical);
  self->label_w[i] = MIN (logical.width, 180);
  self->label_h[i] = logical.height;

  return self->labels[i];
}

static gboolean
disc_in_viewport (const BzwMapRenderer *self,
                  const BzwMapView     *view,
                  guint                 i,
                  double                margin)
{
  double r = self->sr[i] + margin;

  return self->sx[i] + r >= 0 && self->sy[i] + r >= 0 &&
         self->sx[i] - r <= view->width && self->sy[i] - r <= view->height;
}

/* Whether the last placement was made for this view and these positions:
 * hit testing and queries between two frames then read what is drawn.
 */
static gboolean
placement_is_current (BzwMapRenderer   *self,
                      const BzwMapView *view,
                      BzwMapNode       *nodes)
{
  const BzwMapView *last = &self->placed_view;

  if (!self->placed_valid || last->scale != view->scale || last->offset_x != view->offset_x ||
      last->offset_y != view->offset_y || last->width != view->width || last->height != view->height ||
      last->hide_archived != view->hide_archived || last->second_degree != view->second_degree ||
      last->circles != view->circles ||
      (view->circles != NULL && self->placed_circles != view->circles->len))
    return FALSE;

  for (guint i = 0; i < self->n_nodes; i++)
    if (self->placed_pos[2 * i] != nodes[i].x || self->placed_pos[2 * i + 1] != nodes[i].y ||
        (self->placed_pos_placed[i] != 0) != (nodes[i].placed != 0))
      return FALSE;

  return TRUE;
}

static void
remember_placement (BzwMapRenderer   *self,
                    const BzwMapView *view,
                    BzwMapNode       *nodes)
{
  self->placed_view = *view;
  self->placed_circles = view->circles != NULL ? view->circles->len : 0;
  for (guint i = 0; i < self->n_nodes; i++)
    {
      self->placed_pos[2 * i] = nodes[i].x;
      self->placed_pos[2 * i + 1] = nodes[i].y;
      self->placed_pos_placed[i] = nodes[i].placed;
    }
  self->placed_valid = TRUE;
}

/**
 * _bzw_map_renderer_place_discs:
 *
 * Computes the screen position and radius of every node for @view into
 * sx, sy and sr, and nudges the visible ones in and near the viewport
 * apart.  „Ich“ is never smaller than ME_MIN_RADIUS, so its name fits
 * inside.
 */
void
_bzw_map_renderer_place_discs (BzwMapRenderer   *self,
                               const BzwMapView *view)
{
  BzwMapNode *nodes;
  guint m = 0;

  _bzw_map_renderer_compute_visibility (self, view);
  nodes = bzw_map_graph_get_nodes (self->graph);
  if (placement_is_current (self, view, nodes))
    return;

  for (guint i = 0; i < self->n_nodes; i++)
    {
      self->sx[i] = nodes[i].x * view->scale + view->offset_x;
      self->sy[i] = nodes[i].y * view->scale + view->offset_y;
      self->sr[i] = node_screen_radius (view, &nodes[i]);
    }
  if (self->n_nodes > 0)
    self->sr[0] = MAX (self->sr[0], ME_MIN_RADIUS);

  for (guint i = 0; i < self->n_nodes; i++)
    {
      self->disc_of[i] = -1;
      if (self->visible[i] == VIS_HIDDEN || !disc_in_viewport (self, view, i, PLACE_MARGIN))
        continue;

      self->discs[m].x = self->sx[i];
      self->discs[m].y = self->sy[i];
      self->discs[m].r = self->sr[i];
      self->disc_fixed[m] = i == 0 || nodes[i].pinned;
      self->disc_node[m] = i;
      self->disc_of[i] = m;
      m++;
    }
  self->n_discs = m;

  bzw_map_nudge_discs (self->discs, m, self->disc_fixed, DISC_GAP, NUDGE_ROUNDS);

  for (guint k = 0; k < m; k++)
    {
      guint i = self->disc_node[k];

      self->sx[i] = self->discs[k].x;
      self->sy[i] = self->discs[k].y;
    }
  remember_placement (self, view, nodes);
}

/* How much a name matters: the selected and the pointed-at node first
 * (a search selects its hit), then strength and activity.
 */
static double
label_priority (const BzwMapView *view,
                const BzwMapNode *node,
                guint             i)
{
  double activity = CLAMP ((node->radius - 14.0) / 14.0, 0.0, 1.0);
  double priority = 0.6 * node->strength + 0.4 * activity;

  if ((int) i == view->selected)
    return 4.0;
  if ((int) i == view->hover)
    return 3.0;
  if (node->archived)
    priority -= 1.0;
  return priority;
}

static gboolean
wants_label (const BzwMapRenderer *self,
             const BzwMapView     *view,
             guint                 i)
{
  if (i == 0)
    return FALSE;   /* „Ich“ has its name inside its disc. */
  if ((int) i == view->selected || (int) i == view->hover)
    return TRUE;
  return self->visible[i] == VIS_SHOWN && disc_in_viewport (self, view, i, 0.0);
}

static void
request_label (BzwMapRenderer   *self,
               const BzwMapView *view,
               int               i)
{
  BzwMapLabelRequest *request;

  if (i <= 0 || (guint) i >= self->n_nodes || self->disc_of[i] < 0)
    return;

  request = &self->label_requests[self->disc_of[i]];
  _bzw_map_renderer_get_label (self, i);
  request->width = self->label_w[i] + 2 * LABEL_PAD_X;
  request->height = self->label_h[i];
  request->priority = label_priority (view, bzw_map_graph_get_node (self->graph, i), i);
}

/**
 * _bzw_map_renderer_place_labels:
 *
 * Places the names of the discs of the last _bzw_map_renderer_place_discs()
 * into placed_labels, label_x and label_y.
 */
void
_bzw_map_renderer_place_labels (BzwMapRenderer   *self,
                                const BzwMapView *view)
{
  BzwMapRect bounds = { 0, 0, view->width, view->height };
  BzwMapRect legend;
  guint n_obstacles = 0;
  guint tries = 0;

  for (guint k = 0; k < self->n_discs; k++)
    {
      BzwMapLabelRequest *request = &self->label_requests[k];

      request->width = request->height = request->priority = 0;
    }

  /* The selected and the pointed-at node always get a try. */
  request_label (self, view, view->selected);
  request_label (self, view, view->hover);

  for (guint o = 0; o < self->n_nodes && tries < MAX_LABEL_TRIES; o++)
    {
      guint i = self->order[o];

      if (self->disc_of[i] < 0 || !wants_label (self, view, i))
        continue;

      request_label (self, view, i);
      tries++;
    }

  if (view->show_legend)
    {
      _bzw_map_renderer_legend_rect (self, view, &legend);
      n_obstacles = 1;
    }

  bzw_map_place_labels (self->discs, self->label_requests, self->n_discs, &bounds,
                        &legend, n_obstacles, self->label_places);

  g_array_set_size (self->placed_labels, 0);
  for (guint k = 0; k < self->n_discs && self->placed_labels->len < MAX_LABELS; k++)
    {
      guint i = self->disc_node[k];

      if (!self->label_places[k].visible)
        continue;

      self->label_x[i] = self->label_places[k].rect.x + LABEL_PAD_X;
      self->label_y[i] = self->label_places[k].rect.y;
      g_array_append_val (self->placed_labels, i);
    }
  self->n_labels = self->placed_labels->len;
}

void
_bzw_map_renderer_draw_labels (BzwMapRenderer   *self,
                               cairo_t          *cr,
                               const BzwMapView *view,
                               const Palette    *pal)
{
  _bzw_map_renderer_place_labels (self, view);
  if (self->n_labels == 0)
    return;

  /* Backdrops in one path, then the text. */
  cairo_new_path (cr);
  for (guint j = 0; j < self->placed_labels->len; j++)
    {
      guint i = g_array_index (self->placed_labels, guint, j);

      cairo_rectangle (cr, self->label_x[i] - LABEL_PAD_X, self->label_y[i],
                       self->label_w[i] + 2 * LABEL_PAD_X, self->label_h[i]);
    }
  set_color (cr, &pal->label_back, 1.0);
  cairo_fill (cr);

  set_color (cr, &pal->text, 1.0);
  for (guint j = 0; j < self->placed_labels->len; j++)
    {
      guint i = g_array_index (self->placed_labels, guint, j);

      cairo_move_to (cr, self->label_x[i], self->label_y[i]);
      pango_cairo_show_layout (cr, self->labels[i]);
    }
}
