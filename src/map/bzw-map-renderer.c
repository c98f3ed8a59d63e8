/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-renderer"

#include "config.h"

#include "bzw-map-renderer-private.h"

#include <string.h>

/* Drawing the map onto any cairo_t: the widget, PNG, SVG and PDF share it.
 *
 * Speed: every frame computes screen positions into flat arrays, culls
 * nodes and edges outside the viewport, and sorts the visible edges into
 * buckets of one style each, so each bucket is one path and one stroke.
 * Nodes are filled in one path per colour.  Text layouts are made once per
 * node and kept until the graph changes.  Before drawing, the discs in the
 * viewport are nudged apart and the names placed where they cover neither
 * another name nor a node (bzw-map-renderer-place.c); what does not fit is
 * left out until one zooms in or points at it.  „Ich“ is drawn last, on
 * top of everything.
 */

/* View */

void
bzw_map_view_init (BzwMapView *view,
                   int         width,
                   int         height)
{
  g_return_if_fail (view != NULL);

  memset (view, 0, sizeof *view);
  view->scale = 1.0;
  view->offset_x = width / 2.0;
  view->offset_y = height / 2.0;
  view->width = width;
  view->height = height;
  view->selected = -1;
  view->hover = -1;
  view->edge_kinds = BZW_MAP_EDGE_MASK_ALL;
  view->hide_archived = TRUE;
  view->draw_background = TRUE;
}

/**
 * bzw_map_view_fit:
 * @margin: free space around the graph in pixels
 *
 * Sets scale and offset so the whole graph fits the viewport, centred; never
 * zooms in beyond 1.5.
 */
void
bzw_map_view_fit (BzwMapView  *view,
                  BzwMapGraph *graph,
                  double       margin)
{
  double x1, y1, x2, y2;
  double w, h, sw, sh;

  g_return_if_fail (view != NULL);
  g_return_if_fail (graph != NULL);

  bzw_map_graph_get_bounds (graph, &x1, &y1, &x2, &y2);
  w = MAX (x2 - x1, 1.0);
  h = MAX (y2 - y1, 1.0);
  sw = MAX (view->width - 2.0 * margin, 1.0);
  sh = MAX (view->height - 2.0 * margin, 1.0);
  view->scale = MIN (1.5, MIN (sw / w, sh / h));
  view->offset_x = view->width / 2.0 - (x1 + x2) / 2.0 * view->scale;
  view->offset_y = view->height / 2.0 - (y1 + y2) / 2.0 * view->scale;
}

/**
 * bzw_map_view_zoom_at:
 *
 * Zooms by @factor keeping the map point under the given screen point.
 */
void
bzw_map_view_zoom_at (BzwMapView *view,
                      double      factor,
                      double      screen_x,
                      double      screen_y)
{
  double mx, my;

  g_return_if_fail (view != NULL);
  g_return_if_fail (factor > 0.0);

  bzw_map_view_to_map (view, screen_x, screen_y, &mx, &my);
  view->scale = CLAMP (view->scale * factor, 0.005, 8.0);
  view->offset_x = screen_x - mx * view->scale;
  view->offset_y = screen_y - my * view->scale;
}

void
bzw_map_view_to_map (const BzwMapView *view,
                     double            screen_x,
                     double            screen_y,
                     double           *map_x,
                     double           *map_y)
{
  *map_x = (screen_x - view->offset_x) / view->scale;
  *map_y = (screen_y - view->offset_y) / view->scale;
}

/* Caches */

static void
clear_caches (BzwMapRenderer *self)
{
  for (guint i = 0; self->labels != NULL && i < self->n_nodes; i++)
    {
      g_clear_object (&self->labels[i]);
      g_clear_object (&self->initials[i]);
    }

  g_clear_pointer (&self->labels, g_free);
  g_clear_pointer (&self->initials, g_free);
  g_clear_pointer (&self->label_w, g_free);
  g_clear_pointer (&self->label_h, g_free);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->me_order, g_free);
  g_clear_pointer (&self->color_index, g_free);
  g_clear_pointer (&self->colors, g_free);
  g_clear_pointer (&self->visible, g_free);
  g_clear_pointer (&self->bridge, g_free);
  g_clear_pointer (&self->sx, g_free);
  g_clear_pointer (&self->sy, g_free);
  g_clear_pointer (&self->sr, g_free);
  g_clear_pointer (&self->discs, g_free);
  g_clear_pointer (&self->disc_fixed, g_free);
  g_clear_pointer (&self->disc_node, g_free);
  g_clear_pointer (&self->disc_of, g_free);
  g_clear_pointer (&self->placed_pos, g_free);
  g_clear_pointer (&self->placed_pos_placed, g_free);
  for (guint k = 0; k < REF_SLOTS; k++)
    {
      g_clear_pointer (&self->refs[k].x, g_free);
      g_clear_pointer (&self->refs[k].y, g_free);
      g_clear_pointer (&self->refs[k].r, g_free);
    }
  self->ref = NULL;
  _bzw_map_renderer_forget_ahead (self);
  self->frame_valid = FALSE;
  self->labels_valid = FALSE;
  self->placed_valid = FALSE;
  g_clear_pointer (&self->label_requests, g_free);
  g_clear_pointer (&self->label_places, g_free);
  g_clear_pointer (&self->label_x, g_free);
  g_clear_pointer (&self->label_y, g_free);
  self->n_discs = 0;
  self->n_nodes = 0;
  self->n_edges = 0;
}

static int
compare_priority (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  const BzwMapNode *nodes = data;
  guint i = *(const guint *) a;
  guint j = *(const guint *) b;

  if (i == 0 || j == 0)
    return i == 0 ? -1 : 1;
  if (nodes[i].radius != nodes[j].radius)
    return nodes[i].radius > nodes[j].radius ? -1 : 1;
  if (nodes[i].strength != nodes[j].strength)
    return nodes[i].strength > nodes[j].strength ? -1 : 1;
  return i < j ? -1 : (i > j ? 1 : 0);
}

static int
compare_me_edges (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  BzwMapRenderer *self = data;
  const BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  const BzwMapEdge *edges = bzw_map_graph_get_edges (self->graph);
  const BzwMapEdge *x = &edges[*(const guint *) a];
  const BzwMapEdge *y = &edges[*(const guint *) b];
  double wx = (x->weight + 0.05) * me_opacity (&nodes[x->source == 0 ? x->target : x->source]);
  double wy = (y->weight + 0.05) * me_opacity (&nodes[y->source == 0 ? y->target : y->source]);

  if (wx != wy)
    return wx > wy ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

static gboolean
same_color (const BzwMapColor *a,
            const BzwMapColor *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

/* The per-node arrays, sized for @n nodes; those indexed by disc or label
 * hold at least one so an empty graph needs no special case.
 */
static void
alloc_caches (BzwMapRenderer *self,
              guint           n)
{
  self->labels = g_new0 (PangoLayout *, n);
  self->initials = g_new0 (PangoLayout *, n);
  self->label_w = g_new0 (int, n);
  self->label_h = g_new0 (int, n);
  self->visible = g_new0 (guint8, n);
  self->bridge = g_new0 (guint8, n);
  self->sx = g_new (float, n);
  self->sy = g_new (float, n);
  self->sr = g_new (float, n);
  self->discs = g_new (BzwMapDisc, MAX (n, 1));
  self->disc_fixed = g_new (gboolean, MAX (n, 1));
  self->disc_node = g_new (guint, MAX (n, 1));
  self->disc_of = g_new (int, MAX (n, 1));
  self->placed_pos = g_new (double, 2 * MAX (n, 1));
  self->placed_pos_placed = g_new (guint8, MAX (n, 1));
  for (guint k = 0; k < REF_SLOTS; k++)
    {
      self->refs[k].x = g_new (double, MAX (n, 1));
      self->refs[k].y = g_new (double, MAX (n, 1));
      self->refs[k].r = g_new (double, MAX (n, 1));
      self->refs[k].used = 0;
    }
  self->label_requests = g_new (BzwMapLabelRequest, MAX (n, 1));
  self->label_places = g_new (BzwMapLabelPlacement, MAX (n, 1));
  self->label_x = g_new0 (float, n);
  self->label_y = g_new0 (float, n);
  self->order = g_new (guint, n);
  self->color_index = g_new (guint, n);
  self->colors = g_new (BzwMapColor, n);
}

/* The nodes' distinct colours, what the legend has to explain (pinned,
 * second degree, archived; „Ich“ is none of them) and the nodes in the
 * order their labels are placed.
 */
static void
index_nodes (BzwMapRenderer *self,
             BzwMapNode     *nodes,
             guint           n)
{
  self->n_colors = 0;
  self->any_pinned = self->any_second_degree = self->any_archived = FALSE;

  for (guint i = 0; i < n; i++)
    {
      guint c;

      self->order[i] = i;
      for (c = 0; c < self->n_colors; c++)
        if (same_color (&self->colors[c], &nodes[i].color))
          break;
      if (c == self->n_colors)
        self->colors[self->n_colors++] = nodes[i].color;
      self->color_index[i] = c;
      if (i > 0)
        {
          self->any_pinned |= nodes[i].pinned;
          self->any_second_degree |= nodes[i].second_degree;
          self->any_archived |= nodes[i].archived;
        }
    }
  g_qsort_with_data (self->order, n, sizeof (guint), compare_priority, nodes);
}

/* The kinds and relations the legend shows, the lines from „Ich“ in the
 * order they are drawn, and the contacts that link someone known only
 * through them.
 */
static void
index_edges (BzwMapRenderer   *self,
             const BzwMapNode *nodes,
             const BzwMapEdge *edges)
{
  self->relations_present = 0;
  self->kinds_present = 0;
  self->me_order = g_new (guint, MAX (self->n_edges, 1));
  self->n_me = 0;
  for (guint i = 0; i < self->n_edges; i++)
    {
      if (edges[i].kind == BZW_MAP_EDGE_ME)
        self->me_order[self->n_me++] = i;
      self->kinds_present |= BZW_MAP_EDGE_MASK (edges[i].kind);
      if (edges[i].kind == BZW_MAP_EDGE_RELATIONSHIP)
        self->relations_present |= 1u << edges[i].relation;
    }

  /* Contacts known only through someone: mark who links them. */
  for (guint i = 0; i < self->n_edges; i++)
    {
      const BzwMapEdge *e = &edges[i];

      if (e->kind != BZW_MAP_EDGE_RELATIONSHIP)
        continue;
      if (nodes[e->source].second_degree && !nodes[e->target].second_degree)
        self->bridge[e->target] = 1;
      if (nodes[e->target].second_degree && !nodes[e->source].second_degree)
        self->bridge[e->source] = 1;
    }

  g_qsort_with_data (self->me_order, self->n_me, sizeof (guint), compare_me_edges, self);
}

void
_bzw_map_renderer_ensure_caches (BzwMapRenderer *self)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  guint n = bzw_map_graph_get_n_nodes (self->graph);

  if (self->labels != NULL && self->serial == bzw_map_graph_get_serial (self->graph) &&
      self->n_nodes == n)
    return;

  /* Positions change the serial too, but only the structure needs work. */
  if (self->labels != NULL && self->n_nodes == n &&
      self->n_edges == bzw_map_graph_get_n_edges (self->graph))
    {
      self->serial = bzw_map_graph_get_serial (self->graph);
      self->placed_valid = FALSE;
      self->any_pinned = FALSE;
      for (guint i = 1; i < self->n_nodes; i++)
        self->any_pinned |= nodes[i].pinned;
      return;
    }

  clear_caches (self);

  self->n_nodes = n;
  self->n_edges = bzw_map_graph_get_n_edges (self->graph);
  self->serial = bzw_map_graph_get_serial (self->graph);

  alloc_caches (self, n);
  index_nodes (self, nodes, n);
  index_edges (self, nodes, bzw_map_graph_get_edges (self->graph));

  g_array_set_size (self->color_buckets, 0);
}

/* Lifecycle */

static void
unref_array (gpointer data)
{
  GArray **array = data;

  g_clear_pointer (array, g_array_unref);
}

/**
 * bzw_map_renderer_new:
 *
 * Returns: (transfer full): a renderer for @graph.
 */
BzwMapRenderer *
bzw_map_renderer_new (BzwMapGraph *graph)
{
  BzwMapRenderer *self;
  cairo_font_options_t *options;

  g_return_val_if_fail (graph != NULL, NULL);

  self = g_new0 (BzwMapRenderer, 1);
  self->graph = bzw_map_graph_ref (graph);
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  /* Sizes are absolute pixels, so the same on screen, PNG and PDF. */
  pango_cairo_context_set_resolution (self->context, 72.0);

  self->label_font = pango_font_description_from_string (LABEL_FONT);
  pango_font_description_set_absolute_size (self->label_font, LABEL_SIZE * PANGO_SCALE);
  self->initials_font = pango_font_description_from_string (LABEL_FONT);
  pango_font_description_set_weight (self->initials_font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (self->initials_font, INITIALS_SIZE * PANGO_SCALE);

  for (guint i = 0; i < N_BUCKETS; i++)
    self->buckets[i] = g_array_new (FALSE, FALSE, sizeof (guint));
  self->color_buckets = g_array_new (FALSE, TRUE, sizeof (GArray *));
  g_array_set_clear_func (self->color_buckets, unref_array);
  self->dimmed_nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->hollow_nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->placed_labels = g_array_new (FALSE, FALSE, sizeof (guint));
  _bzw_map_renderer_init_ahead (self);

  return self;
}

void
bzw_map_renderer_free (BzwMapRenderer *self)
{
  if (self == NULL)
    return;

  _bzw_map_renderer_clear_ahead (self);
  clear_caches (self);
  for (guint i = 0; i < N_BUCKETS; i++)
    g_array_unref (self->buckets[i]);
  g_array_unref (self->color_buckets);
  g_array_unref (self->dimmed_nodes);
  g_array_unref (self->hollow_nodes);
  g_array_unref (self->placed_labels);
  g_clear_pointer (&self->mask, cairo_surface_destroy);
  pango_font_description_free (self->label_font);
  pango_font_description_free (self->initials_font);
  g_object_unref (self->context);
  bzw_map_graph_unref (self->graph);
  g_free (self);
}

void
bzw_map_renderer_set_graph (BzwMapRenderer *self,
                            BzwMapGraph    *graph)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (graph != NULL);

  if (graph == self->graph)
    return;

  clear_caches (self);
  bzw_map_graph_ref (graph);
  bzw_map_graph_unref (self->graph);
  self->graph = graph;
}

BzwMapGraph *
bzw_map_renderer_get_graph (BzwMapRenderer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->graph;
}

/* Visibility */

static gboolean
in_circles (const BzwMapNode *node,
            GArray           *circles)
{
  if (circles == NULL)
    return TRUE;

  for (guint k = 0; k < circles->len; k++)
    {
      gint64 wanted = g_array_index (circles, gint64, k);

      if (wanted == 0 && (node->circle_ids == NULL || node->circle_ids->len == 0))
        return TRUE;
      for (guint c = 0; node->circle_ids != NULL && c < node->circle_ids->len; c++)
        if (g_array_index (node->circle_ids, gint64, c) == wanted)
          return TRUE;
    }

  return FALSE;
}

gboolean
_bzw_map_renderer_edge_shown (BzwMapRenderer   *self,
                              const BzwMapView *view,
                              const BzwMapNode *nodes,
                              const BzwMapEdge *e)
{
  if ((view->edge_kinds & BZW_MAP_EDGE_MASK (e->kind)) == 0)
    return FALSE;
  if (self->visible[e->source] == VIS_HIDDEN || self->visible[e->target] == VIS_HIDDEN)
    return FALSE;

  if (view->second_degree)
    {
      if (e->kind == BZW_MAP_EDGE_ME)
        return TRUE;
      return nodes[e->source].second_degree || nodes[e->target].second_degree;
    }

  return TRUE;
}

gboolean
_bzw_map_renderer_edge_dimmed (BzwMapRenderer   *self,
                               const BzwMapView *view,
                               const BzwMapEdge *e)
{
  if (self->visible[e->source] == VIS_DIMMED || self->visible[e->target] == VIS_DIMMED)
    return TRUE;
  if (view->highlight_neighbours && view->selected >= 0)
    return e->source != (guint) view->selected && e->target != (guint) view->selected;
  return FALSE;
}

void
_bzw_map_renderer_compute_visibility (BzwMapRenderer   *self,
                                      const BzwMapView *view)
{
  BzwMapNode *nodes;
  BzwMapEdge *edges;
  guint n;

  _bzw_map_renderer_ensure_caches (self);
  nodes = bzw_map_graph_get_nodes (self->graph);
  edges = bzw_map_graph_get_edges (self->graph);
  n = self->n_nodes;

  for (guint i = 0; i < n; i++)
    {
      const BzwMapNode *node = &nodes[i];
      guint8 v = VIS_SHOWN;

      if (i > 0)
        {
          if (!node->placed)
            v = VIS_HIDDEN;
          else if (view->hide_archived && node->archived)
            v = VIS_HIDDEN;
          else if (!in_circles (node, view->circles))
            v = VIS_HIDDEN;
          else if (view->second_degree && !node->second_degree && !self->bridge[i])
            v = VIS_HIDDEN;
        }

      self->visible[i] = v;
    }

  if (view->highlight_neighbours && view->selected >= 0 && (guint) view->selected < n &&
      self->visible[view->selected] != VIS_HIDDEN)
    {
      for (guint i = 0; i < n; i++)
        if (self->visible[i] == VIS_SHOWN && i != (guint) view->selected)
          self->visible[i] = VIS_DIMMED + 1;
      for (guint i = 0; i < self->n_edges; i++)
        {
          const BzwMapEdge *e = &edges[i];
          guint other;

          if (e->source == (guint) view->selected)
            other = e->target;
          else if (e->target == (guint) view->selected)
            other = e->source;
          else
            continue;
          if (self->visible[other] == VIS_DIMMED + 1 && (view->edge_kinds & BZW_MAP_EDGE_MASK (e->kind)))
            self->visible[other] = VIS_SHOWN;
        }
      for (guint i = 0; i < n; i++)
        if (self->visible[i] == VIS_DIMMED + 1)
          self->visible[i] = VIS_DIMMED;
    }
}

/**
 * bzw_map_renderer_node_is_visible:
 *
 * Returns: whether the filters of @view let @node be drawn (it may still lie
 *   outside the viewport).
 */
gboolean
bzw_map_renderer_node_is_visible (BzwMapRenderer   *self,
                                  const BzwMapView *view,
                                  guint             node)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node < bzw_map_graph_get_n_nodes (self->graph), FALSE);

  _bzw_map_renderer_compute_visibility (self, view);
  return self->visible[node] != VIS_HIDDEN;
}

/**
 * bzw_map_renderer_draw:
 *
 * Draws the graph as seen through @view into the rectangle (0, 0, width,
 * height) of @cr's user space.
 */
void
bzw_map_renderer_draw (BzwMapRenderer   *self,
                       cairo_t          *cr,
                       const BzwMapView *view)
{
  const Palette *pal;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);

  pal = _bzw_map_renderer_palette (view);
  self->view_w = view->width;
  self->view_h = view->height;
  _bzw_map_renderer_place_discs (self, view, TRUE);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);

  if (view->draw_background)
    {
      set_color (cr, &pal->background, 1.0);
      cairo_paint (cr);
    }

  _bzw_map_renderer_draw_edges (self, cr, view, pal);
  _bzw_map_renderer_draw_path (self, cr, view, pal, FALSE);
  _bzw_map_renderer_draw_nodes (self, cr, view, pal);
  _bzw_map_renderer_draw_path (self, cr, view, pal, TRUE);
  _bzw_map_renderer_draw_labels (self, cr, view, pal);
  _bzw_map_renderer_draw_on_top (self, cr, view, pal);

  if (view->show_legend)
    {
      BzwMapRect legend;

      _bzw_map_renderer_legend_rect (self, view, &legend);
      bzw_map_renderer_draw_legend (self, cr, view, legend.x, legend.y);
    }

  cairo_restore (cr);
}

/**
 * bzw_map_renderer_get_n_labels:
 *
 * Returns: how many labels the last bzw_map_renderer_draw() placed.
 */
guint
bzw_map_renderer_get_n_labels (BzwMapRenderer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_labels;
}

/**
 * bzw_map_renderer_get_label:
 * @index: below bzw_map_renderer_get_n_labels()
 * @x: (out): left edge of the text in user space
 * @y: (out): top of the text
 * @width: (out): width of the text
 * @height: (out): height of the text
 *
 * Returns: the node whose label the last draw placed at @index.
 */
guint
bzw_map_renderer_get_label (BzwMapRenderer *self,
                            guint           index,
                            double         *x,
                            double         *y,
                            double         *width,
                            double         *height)
{
  guint i;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->placed_labels->len, 0);

  i = g_array_index (self->placed_labels, guint, index);
  *x = self->label_x[i];
  *y = self->label_y[i];
  *width = self->label_w[i];
  *height = self->label_h[i];
  return i;
}

/**
 * bzw_map_renderer_get_node_disc:
 * @x: (out): the centre on the screen
 * @y: (out): the centre on the screen
 * @r: (out): the radius on the screen
 *
 * Where @view shows a node: its position after the discs were pushed
 * apart, as it is drawn.
 *
 * Returns: whether the node is drawn in or near the viewport
 */
gboolean
bzw_map_renderer_get_node_disc (BzwMapRenderer   *self,
                                const BzwMapView *view,
                                guint             node,
                                double           *x,
                                double           *y,
                                double           *r)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (node < bzw_map_graph_get_n_nodes (self->graph), FALSE);

  _bzw_map_renderer_place_discs (self, view, FALSE);
  *x = self->sx[node];
  *y = self->sy[node];
  *r = self->sr[node];

  for (guint k = 0; k < self->n_discs; k++)
    if (self->disc_node[k] == node)
      return TRUE;
  return FALSE;
}

/**
 * bzw_map_renderer_count_contacts:
 *
 * Returns: how many contacts the filters of @view show, „Ich“ not counted
 */
guint
bzw_map_renderer_count_contacts (BzwMapRenderer   *self,
                                 const BzwMapView *view)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (view != NULL, 0);

  _bzw_map_renderer_compute_visibility (self, view);
  for (guint i = 1; i < self->n_nodes; i++)
    count += self->visible[i] != VIS_HIDDEN;
  return count;
}

