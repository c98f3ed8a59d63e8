/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-renderer"

#include "config.h"

#include "bzw-map-renderer-private.h"

#include <math.h>
#include <string.h>

/* Where things go on the screen, before anything is drawn: the visible
 * nodes become discs that are nudged apart until none overlaps („Ich“ and
 * pinned nodes stay), once per zoom bucket and moved with the view in
 * between, and the names are placed around their
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

/* Zoom buckets: scales from ZOOM_BUCKET^b to ZOOM_BUCKET^(b + 1). */
static int
zoom_bucket (double scale)
{
  return (int) floor (log (MAX (scale, 1e-9)) / log (ZOOM_BUCKET));
}

/* Whether the discs pushed apart so far were made for these filters and
 * these positions; if not, every kept zoom bucket is forgotten and the
 * filters and positions of @view remembered.
 */
static gboolean
references_are_current (BzwMapRenderer   *self,
                        const BzwMapView *view,
                        BzwMapNode       *nodes)
{
  const BzwMapView *last = &self->placed_view;
  gboolean current = self->placed_valid &&
                     last->hide_archived == view->hide_archived &&
                     last->second_degree == view->second_degree &&
                     last->circles == view->circles &&
                     (view->circles == NULL || self->placed_circles == view->circles->len);

  for (guint i = 0; current && i < self->n_nodes; i++)
    if (self->placed_pos[2 * i] != nodes[i].x || self->placed_pos[2 * i + 1] != nodes[i].y ||
        (self->placed_pos_placed[i] != 0) != (nodes[i].placed != 0))
      current = FALSE;
  if (current)
    return TRUE;

  for (guint k = 0; k < REF_SLOTS; k++)
    self->refs[k].used = 0;
  self->ref = NULL;
  _bzw_map_renderer_forget_ahead (self);
  self->placed_view = *view;
  self->placed_circles = view->circles != NULL ? view->circles->len : 0;
  for (guint i = 0; i < self->n_nodes; i++)
    {
      self->placed_pos[2 * i] = nodes[i].x;
      self->placed_pos[2 * i + 1] = nodes[i].y;
      self->placed_pos_placed[i] = nodes[i].placed;
    }
  self->placed_valid = TRUE;
  return FALSE;
}

/* The kept discs of a zoom bucket, or NULL. */
RefSlot *
_bzw_map_renderer_find_reference (BzwMapRenderer *self,
                                  int             bucket)
{
  for (guint k = 0; k < REF_SLOTS; k++)
    if (self->refs[k].used != 0 && self->refs[k].bucket == bucket)
      return &self->refs[k];
  return NULL;
}

/* The slot used longest ago, or an empty one. */
static RefSlot *
oldest_reference (BzwMapRenderer *self)
{
  RefSlot *oldest = &self->refs[0];

  for (guint k = 1; k < REF_SLOTS; k++)
    if (self->refs[k].used < oldest->used)
      oldest = &self->refs[k];
  return oldest;
}

/* A kept bucket to draw @bucket with while its own discs are made ahead,
 * or NULL.  The discs of a lower bucket move apart as fast as they grow
 * when zooming in, so none covers another at any zoom above; those of the
 * bucket just above keep a gap one bucket down, „Ich“'s least radius
 * included.  The nearest of these.
 */
static RefSlot *
nearest_usable (BzwMapRenderer *self,
                int             bucket)
{
  RefSlot *best = _bzw_map_renderer_find_reference (self, bucket + 1);

  for (guint k = 0; best == NULL && k < REF_SLOTS; k++)
    {
      RefSlot *slot = &self->refs[k];

      if (slot->used != 0 && slot->bucket < bucket)
        best = slot;
    }
  for (guint k = 0; best != NULL && k < REF_SLOTS; k++)
    {
      RefSlot *slot = &self->refs[k];

      if (slot->used != 0 && slot->bucket < bucket && slot->bucket > best->bucket)
        best = slot;
    }
  return best;
}

/**
 * _bzw_map_renderer_push_apart:
 *
 * Pushes the visible discs of @nodes apart for a zoom bucket, on the scale
 * of its top with radii and gap grown by one bucket's ratio: scaled down to
 * any zoom of the bucket, two discs then still keep the gap (a disc's least
 * radius on the screen included).  Panning and zooming within the bucket
 * only scale and move the result.  Where the pushing stalls before the
 * discs are apart (thousands of nodes fitted into a small window), those
 * discs are drawn smaller, so none ever covers another.  Writes the
 * centres and radii to @x, @y and @r, using @discs, @fixed and @disc_node
 * (@n each) as scratch.  Reads nothing else, so a worker can run it.
 */
void
_bzw_map_renderer_push_apart (const BzwMapNode *nodes,
                              const guint8     *visible,
                              guint             n,
                              int               bucket,
                              BzwMapDisc       *discs,
                              gboolean         *fixed,
                              guint            *disc_node,
                              double           *x,
                              double           *y,
                              double           *r)
{
  double top = pow (ZOOM_BUCKET, bucket + 1);
  guint m = 0;

  for (guint i = 0; i < n; i++)
    {
      x[i] = nodes[i].x * top;
      y[i] = nodes[i].y * top;
      r[i] = G_MAXDOUBLE;
      if (visible[i] == VIS_HIDDEN)
        continue;

      discs[m].x = x[i];
      discs[m].y = y[i];
      discs[m].r = MAX (nodes[i].radius * top, 1.5 * ZOOM_BUCKET);
      if (i == 0)
        discs[m].r = MAX (discs[m].r, ME_MIN_RADIUS * ZOOM_BUCKET);
      fixed[m] = i == 0 || nodes[i].pinned;
      disc_node[m] = i;
      m++;
    }

  if (bzw_map_nudge_discs_while (discs, m, fixed, DISC_GAP * ZOOM_BUCKET, NUDGE_ROUNDS, NUDGE_PROGRESS) > 0)
    bzw_map_shrink_discs (discs, m, fixed, DISC_GAP * ZOOM_BUCKET);

  for (guint k = 0; k < m; k++)
    {
      x[disc_node[k]] = discs[k].x;
      y[disc_node[k]] = discs[k].y;
      r[disc_node[k]] = discs[k].r;
    }
}

/* The discs of @bucket pushed apart, kept, made ahead or made now; or,
 * while they are being made ahead, those of a near bucket.
 */
static void
use_reference (BzwMapRenderer   *self,
               const BzwMapView *view,
               BzwMapNode       *nodes,
               int               bucket)
{
  gboolean current = references_are_current (self, view, nodes);
  RefSlot *slot = current ? _bzw_map_renderer_find_reference (self, bucket) : NULL;
  gboolean meanwhile = FALSE;

  if (slot == NULL && self->ahead_pool != NULL)
    {
      RefSlot *fresh = oldest_reference (self);
      RefSlot *near;

      if (_bzw_map_renderer_take_ahead (self, bucket, FALSE, fresh))
        slot = fresh;
      else if ((near = nearest_usable (self, bucket)) != NULL)
        {
          _bzw_map_renderer_plan_ahead (self, nodes, bucket);
          slot = near;
          meanwhile = TRUE;
        }
      else if (_bzw_map_renderer_take_ahead (self, bucket, TRUE, fresh))
        slot = fresh;
    }
  if (slot == NULL)
    {
      slot = oldest_reference (self);
      _bzw_map_renderer_push_apart (nodes, self->visible, self->n_nodes, bucket, self->discs, self->disc_fixed,
                                    self->disc_node, slot->x, slot->y, slot->r);
      slot->bucket = bucket;
    }
  if (slot != self->ref)
    self->frame_valid = FALSE;
  slot->used = ++self->ref_clock;
  self->ref = slot;

  /* Not while the positions change from frame to frame (the layout
   * running): only those of a still network are worth making ahead.
   */
  if (current && !meanwhile)
    {
      _bzw_map_renderer_plan_ahead (self, nodes, bucket + 1);
      _bzw_map_renderer_plan_ahead (self, nodes, bucket - 1);
    }
}

static gboolean
same_frame (const BzwMapRenderer *self,
            const BzwMapView     *view)
{
  return self->frame_valid && self->frame_scale == view->scale && self->frame_offset_x == view->offset_x &&
         self->frame_offset_y == view->offset_y && self->frame_width == view->width &&
         self->frame_height == view->height;
}

static void
remember_frame (BzwMapRenderer   *self,
                const BzwMapView *view)
{
  self->frame_scale = view->scale;
  self->frame_offset_x = view->offset_x;
  self->frame_offset_y = view->offset_y;
  self->frame_width = view->width;
  self->frame_height = view->height;
  self->frame_valid = TRUE;
  self->labels_valid = FALSE;
}

/**
 * _bzw_map_renderer_place_discs:
 *
 * Computes the screen position and radius of every node for @view into
 * sx, sy and sr, the visible ones pushed apart (once per zoom bucket, see
 * _bzw_map_renderer_push_apart()), and lists those in and near the viewport as
 * discs for the names.  „Ich“ is never smaller than ME_MIN_RADIUS, so its
 * name fits inside.  Only @drawing may change the discs of the last frame
 * for the same view (to a zoom bucket made ahead meanwhile).
 */
void
_bzw_map_renderer_place_discs (BzwMapRenderer   *self,
                               const BzwMapView *view,
                               gboolean          drawing)
{
  BzwMapNode *nodes;
  int bucket = zoom_bucket (view->scale);
  double factor;
  guint m = 0;

  _bzw_map_renderer_compute_visibility (self, view);
  nodes = bzw_map_graph_get_nodes (self->graph);
  /* What the pointer hits is what was drawn last, also while a bucket
   * made ahead waits for the next frame to be taken.
   */
  if (!drawing && same_frame (self, view) && references_are_current (self, view, nodes))
    return;
  use_reference (self, view, nodes, bucket);
  if (same_frame (self, view))
    return;

  factor = view->scale / pow (ZOOM_BUCKET, self->ref->bucket + 1);
  for (guint i = 0; i < self->n_nodes; i++)
    {
      self->sx[i] = self->ref->x[i] * factor + view->offset_x;
      self->sy[i] = self->ref->y[i] * factor + view->offset_y;
      /* Smaller where the discs of a dense network far out of zoom
       * could not be pushed apart (_bzw_map_renderer_push_apart()).
       */
      self->sr[i] = MIN (node_screen_radius (view, &nodes[i]), self->ref->r[i] * factor);
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
  remember_frame (self, view);
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

  /* A redraw of the same frame keeps the names where they were. */
  if (self->labels_valid && self->frame_valid && self->labels_hover == view->hover &&
      self->labels_selected == view->selected && self->labels_legend == view->show_legend &&
      self->labels_highlight == view->highlight_neighbours && self->labels_edge_kinds == view->edge_kinds)
    return;

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
  self->labels_valid = TRUE;
  self->labels_hover = view->hover;
  self->labels_selected = view->selected;
  self->labels_legend = view->show_legend;
  self->labels_highlight = view->highlight_neighbours;
  self->labels_edge_kinds = view->edge_kinds;
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
