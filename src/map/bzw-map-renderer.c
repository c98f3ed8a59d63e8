/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-renderer"

#include "config.h"

#include "bzw-map-renderer.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

/* Drawing the map onto any cairo_t: the widget, PNG, SVG and PDF share it.
 *
 * Speed: every frame computes screen positions into flat arrays, culls
 * nodes and edges outside the viewport, and sorts the visible edges into
 * buckets of one style each, so each bucket is one path and one stroke.
 * Nodes are filled in one path per colour.  Text layouts are made once per
 * node and kept until the graph changes.  Labels are placed greedily in
 * order of importance on a coarse grid of occupied cells, so they never
 * overlap; what does not fit is left out until one zooms in.  No memory is
 * allocated per frame once the buffers have grown.
 */

#define LABEL_FONT       "Cantarell, Sans"
#define LABEL_SIZE       12
#define INITIALS_SIZE    12
#define LEGEND_SIZE      12
#define GRID_CELL        6
#define MAX_LABELS       800
#define ME_WIDTH_LEVELS  5
#define ME_ALPHA_LEVELS  8
#define VALUE_LEVELS     6
#define ARROW_BEND       0.18
#define ME_LENGTH_BUDGET 60000.0
#define DASH_MIN_SCALE   0.45
#define FAST_LINES_MIN   400

typedef struct
{
  BzwMapColor background;
  BzwMapColor text;
  BzwMapColor label_back;
  BzwMapColor me_edge;
  BzwMapColor relation;
  BzwMapColor favour;
  BzwMapColor referral;
  BzwMapColor cycle;
  BzwMapColor selection;
  BzwMapColor hover;
  BzwMapColor outline;
  BzwMapColor legend_back;
  BzwMapColor legend_border;
  BzwMapColor me_node;
} Palette;

/* Colours of the GNOME palette. */
static const Palette light_palette = {
  { 0.980f, 0.980f, 0.980f, 1.0f },  /* background */
  { 0.141f, 0.122f, 0.192f, 1.0f },  /* Dark 4 text */
  { 0.980f, 0.980f, 0.980f, 0.82f }, /* label background */
  { 0.208f, 0.518f, 0.894f, 1.0f },  /* Blue 3 */
  { 0.369f, 0.361f, 0.392f, 0.85f }, /* Dark 1 */
  { 0.902f, 0.380f, 0.000f, 1.0f },  /* Orange 4 */
  { 0.569f, 0.255f, 0.675f, 1.0f },  /* Purple 3 */
  { 0.878f, 0.106f, 0.141f, 1.0f },  /* Red 3 */
  { 0.110f, 0.443f, 0.847f, 1.0f },  /* Blue 4 */
  { 0.384f, 0.627f, 0.918f, 1.0f },  /* Blue 2 */
  { 0.980f, 0.980f, 0.980f, 1.0f },  /* outline = background */
  { 1.000f, 1.000f, 1.000f, 0.94f },
  { 0.000f, 0.000f, 0.000f, 0.15f },
  { 0.208f, 0.518f, 0.894f, 1.0f },  /* Blue 3 */
};

static const Palette dark_palette = {
  { 0.141f, 0.141f, 0.141f, 1.0f },  /* background #242424 */
  { 1.000f, 1.000f, 1.000f, 0.92f },
  { 0.141f, 0.141f, 0.141f, 0.82f },
  { 0.600f, 0.757f, 0.945f, 1.0f },  /* Blue 1 */
  { 0.753f, 0.749f, 0.737f, 0.80f }, /* Light 4 */
  { 1.000f, 0.639f, 0.282f, 1.0f },  /* Orange 2 */
  { 0.863f, 0.541f, 0.867f, 1.0f },  /* Purple 1 */
  { 0.965f, 0.380f, 0.318f, 1.0f },  /* Red 1 */
  { 0.600f, 0.757f, 0.945f, 1.0f },  /* Blue 1 */
  { 0.384f, 0.627f, 0.918f, 1.0f },  /* Blue 2 */
  { 0.141f, 0.141f, 0.141f, 1.0f },
  { 0.188f, 0.188f, 0.188f, 0.95f },
  { 1.000f, 1.000f, 1.000f, 0.15f },
  { 0.208f, 0.518f, 0.894f, 1.0f },  /* Blue 3 */
};

enum {
  BUCKET_ME = 0,
  BUCKET_RELATION = BUCKET_ME + ME_WIDTH_LEVELS * ME_ALPHA_LEVELS * 2,
  BUCKET_FAVOUR = BUCKET_RELATION + BZW_MAP_N_RELATIONS * 5 * 2,
  BUCKET_REFERRAL = BUCKET_FAVOUR + VALUE_LEVELS * 2 * 2,
  N_BUCKETS = BUCKET_REFERRAL + VALUE_LEVELS * 2 * 2,
};

enum {
  VIS_HIDDEN = 0,
  VIS_SHOWN = 1,
  VIS_DIMMED = 2,
};

struct _BzwMapRenderer
{
  BzwMapGraph           *graph;
  guint64                serial;
  guint                  n_nodes;
  guint                  n_edges;

  PangoContext          *context;
  PangoFontDescription  *label_font;
  PangoFontDescription  *initials_font;
  PangoLayout          **labels;
  PangoLayout          **initials;
  int                   *label_w;
  int                   *label_h;
  guint                 *order;
  guint                 *me_order;
  guint                  n_me;
  guint                 *color_index;
  BzwMapColor           *colors;
  guint                  n_colors;
  gboolean               any_pinned;
  gboolean               any_second_degree;
  gboolean               any_archived;
  guint                  relations_present;
  guint                  kinds_present;

  guint8                *visible;
  guint8                *bridge;
  float                 *sx;
  float                 *sy;
  float                 *sr;
  GArray                *buckets[N_BUCKETS];
  GArray                *color_buckets;
  GArray                *dimmed_nodes;
  GArray                *hollow_nodes;
  GArray                *placed_labels;
  guint8                *grid;
  guint                  grid_w;
  guint                  grid_h;
  guint                  n_labels;

  int                    view_w;
  int                    view_h;
  cairo_surface_t       *mask;
};

static const Palette *
palette_for (const BzwMapView *view)
{
  return view->style == BZW_MAP_STYLE_DARK ? &dark_palette : &light_palette;
}

static inline void
set_color (cairo_t           *cr,
           const BzwMapColor *c,
           double             alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static double
luminance (const BzwMapColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

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

static inline double me_opacity (const BzwMapNode *node);

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

static void
ensure_caches (BzwMapRenderer *self)
{
  BzwMapNode *nodes;
  BzwMapEdge *edges;
  guint n;

  if (self->labels != NULL && self->serial == bzw_map_graph_get_serial (self->graph) &&
      self->n_nodes == bzw_map_graph_get_n_nodes (self->graph))
    return;

  /* Positions change the serial too, but only the structure needs work. */
  if (self->labels != NULL && self->n_nodes == bzw_map_graph_get_n_nodes (self->graph) &&
      self->n_edges == bzw_map_graph_get_n_edges (self->graph))
    {
      self->serial = bzw_map_graph_get_serial (self->graph);
      nodes = bzw_map_graph_get_nodes (self->graph);
      self->any_pinned = FALSE;
      for (guint i = 1; i < self->n_nodes; i++)
        self->any_pinned |= nodes[i].pinned;
      return;
    }

  clear_caches (self);

  n = bzw_map_graph_get_n_nodes (self->graph);
  nodes = bzw_map_graph_get_nodes (self->graph);
  edges = bzw_map_graph_get_edges (self->graph);
  self->n_nodes = n;
  self->n_edges = bzw_map_graph_get_n_edges (self->graph);
  self->serial = bzw_map_graph_get_serial (self->graph);

  self->labels = g_new0 (PangoLayout *, n);
  self->initials = g_new0 (PangoLayout *, n);
  self->label_w = g_new0 (int, n);
  self->label_h = g_new0 (int, n);
  self->visible = g_new0 (guint8, n);
  self->bridge = g_new0 (guint8, n);
  self->sx = g_new (float, n);
  self->sy = g_new (float, n);
  self->sr = g_new (float, n);
  self->order = g_new (guint, n);
  self->color_index = g_new (guint, n);
  self->colors = g_new (BzwMapColor, n);
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

  g_array_set_size (self->color_buckets, 0);
}

static PangoLayout *
get_label (BzwMapRenderer *self,
           guint           i)
{
  if (self->labels[i] == NULL)
    {
      BzwMapNode *node = bzw_map_graph_get_node (self->graph, i);

      self->labels[i] = pango_layout_new (self->context);
      pango_layout_set_font_description (self->labels[i], self->label_font);
      pango_layout_set_text (self->labels[i], node->label, -1);
      pango_layout_set_width (self->labels[i], 180 * PANGO_SCALE);
      pango_layout_set_ellipsize (self->labels[i], PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->labels[i], TRUE);
      pango_layout_get_pixel_size (self->labels[i], &self->label_w[i], &self->label_h[i]);
      {
        PangoRectangle ink, logical;

        pango_layout_get_pixel_extents (self->labels[i], &ink, &logical);
        self->label_w[i] = MIN (logical.width, 180);
      }
    }

  return self->labels[i];
}

static PangoLayout *
get_initials (BzwMapRenderer *self,
              guint           i)
{
  if (self->initials[i] == NULL)
    {
      BzwMapNode *node = bzw_map_graph_get_node (self->graph, i);

      self->initials[i] = pango_layout_new (self->context);
      pango_layout_set_font_description (self->initials[i], self->initials_font);
      pango_layout_set_text (self->initials[i], node->initials, -1);
    }

  return self->initials[i];
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

  return self;
}

void
bzw_map_renderer_free (BzwMapRenderer *self)
{
  if (self == NULL)
    return;

  clear_caches (self);
  for (guint i = 0; i < N_BUCKETS; i++)
    g_array_unref (self->buckets[i]);
  g_array_unref (self->color_buckets);
  g_array_unref (self->dimmed_nodes);
  g_array_unref (self->hollow_nodes);
  g_array_unref (self->placed_labels);
  g_free (self->grid);
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

static gboolean
edge_shown (BzwMapRenderer   *self,
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

static gboolean
edge_dimmed (BzwMapRenderer   *self,
             const BzwMapView *view,
             const BzwMapEdge *e)
{
  if (self->visible[e->source] == VIS_DIMMED || self->visible[e->target] == VIS_DIMMED)
    return TRUE;
  if (view->highlight_neighbours && view->selected >= 0)
    return e->source != (guint) view->selected && e->target != (guint) view->selected;
  return FALSE;
}

static void
compute_visibility (BzwMapRenderer   *self,
                    const BzwMapView *view)
{
  BzwMapNode *nodes;
  BzwMapEdge *edges;
  guint n;

  ensure_caches (self);
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

  compute_visibility (self, view);
  return self->visible[node] != VIS_HIDDEN;
}

/* Geometry */

static inline double
zoom_factor (const BzwMapView *view)
{
  return CLAMP (view->scale, 0.35, 2.0);
}

static inline double
me_opacity (const BzwMapNode *node)
{
  if (node->days_since < 0)
    return 0.14;
  return 0.16 + 0.74 * exp2 (-node->days_since / 365.0);
}

static inline int
value_level (double euros)
{
  return CLAMP ((int) floor (log2 (1.0 + MAX (euros, 0.0) / 25.0)), 0, VALUE_LEVELS - 1);
}

static inline double
value_width (int level)
{
  return 1.4 + 0.8 * level;
}

static inline double
node_screen_radius (const BzwMapView *view,
                    const BzwMapNode *node)
{
  return MAX (node->radius * view->scale, 1.5);
}

/* The curve of a favour or referral, trimmed to the node borders; @head is
 * the length of the arrow head to leave free at the end.
 */
static gboolean
arrow_geometry (double  ax,
                double  ay,
                double  ar,
                double  bx,
                double  by,
                double  br,
                double  head,
                double *p)
{
  double dx = bx - ax, dy = by - ay;
  double len = sqrt (dx * dx + dy * dy);
  double cx, cy, ux, uy, l;

  if (len < ar + br + head + 2.0)
    return FALSE;

  /* Bend to the right of the direction, so A → B and B → A do not overlap. */
  cx = (ax + bx) / 2.0 - dy * ARROW_BEND;
  cy = (ay + by) / 2.0 + dx * ARROW_BEND;

  ux = cx - ax;
  uy = cy - ay;
  l = sqrt (ux * ux + uy * uy);
  p[0] = ax + ux / l * (ar + 2.0);
  p[1] = ay + uy / l * (ar + 2.0);

  ux = cx - bx;
  uy = cy - by;
  l = sqrt (ux * ux + uy * uy);
  /* p[6], p[7]: the tip; p[4], p[5]: where the line ends under the head. */
  p[6] = bx + ux / l * (br + 1.5);
  p[7] = by + uy / l * (br + 1.5);
  p[4] = p[6] + ux / l * head * 0.7;
  p[5] = p[7] + uy / l * head * 0.7;
  /* Quadratic control point, and the direction of the head. */
  p[2] = cx;
  p[3] = cy;
  p[8] = -ux / l;
  p[9] = -uy / l;

  return TRUE;
}

static void
path_arrow_line (cairo_t      *cr,
                 const double *p)
{
  cairo_move_to (cr, p[0], p[1]);
  cairo_curve_to (cr,
                  p[0] + 2.0 / 3.0 * (p[2] - p[0]), p[1] + 2.0 / 3.0 * (p[3] - p[1]),
                  p[4] + 2.0 / 3.0 * (p[2] - p[4]), p[5] + 2.0 / 3.0 * (p[3] - p[5]),
                  p[4], p[5]);
}

static void
path_arrow_head (cairo_t      *cr,
                 const double *p,
                 double        head)
{
  double bx = p[6] - p[8] * head, by = p[7] - p[9] * head;

  cairo_move_to (cr, p[6], p[7]);
  cairo_line_to (cr, bx - p[9] * head * 0.5, by + p[8] * head * 0.5);
  cairo_line_to (cr, bx + p[9] * head * 0.5, by - p[8] * head * 0.5);
  cairo_close_path (cr);
}

static void
set_relation_dash (cairo_t        *cr,
                   BzwMapRelation  relation,
                   double          z)
{
  double d[4];
  int n = 0;

  switch (relation)
    {
    case BZW_MAP_RELATION_FAMILY:
      n = 0;
      break;
    case BZW_MAP_RELATION_FRIEND:
      d[0] = 10 * z; d[1] = 4 * z; n = 2;
      break;
    case BZW_MAP_RELATION_COLLEAGUE:
      d[0] = 5 * z; d[1] = 4 * z; n = 2;
      break;
    case BZW_MAP_RELATION_BUSINESS:
      d[0] = 10 * z; d[1] = 3 * z; d[2] = 2 * z; d[3] = 3 * z; n = 4;
      break;
    case BZW_MAP_RELATION_INTRODUCED:
      d[0] = 1.5 * z; d[1] = 3.5 * z; n = 2;
      break;
    case BZW_MAP_RELATION_OTHER:
    case BZW_MAP_N_RELATIONS:
    default:
      d[0] = 2.5 * z; d[1] = 2.5 * z; n = 2;
      break;
    }

  cairo_set_dash (cr, d, n, 0.0);
}

static inline gboolean
segment_outside (double x1,
                 double y1,
                 double x2,
                 double y2,
                 double w,
                 double h,
                 double pad)
{
  return (x1 < -pad && x2 < -pad) || (y1 < -pad && y2 < -pad) ||
         (x1 > w + pad && x2 > w + pad) || (y1 > h + pad && y2 > h + pad);
}

/* Drawing */

static void
stroke_lines (BzwMapRenderer   *self,
              cairo_t          *cr,
              GArray           *list,
              const BzwMapEdge *edges)
{
  cairo_new_path (cr);
  for (guint j = 0; j < list->len; j++)
    {
      const BzwMapEdge *e = &edges[g_array_index (list, guint, j)];

      cairo_move_to (cr, self->sx[e->source], self->sy[e->source]);
      cairo_line_to (cr, self->sx[e->target], self->sy[e->target]);
    }
  cairo_stroke (cr);
}

/* The overview fast path.  Thousands of thin lines cost cairo 1.16 several
 * microseconds each however they are batched, so at overview zoom on
 * screen they are drawn as antialiased one-pixel lines (Xiaolin Wu) into
 * an 8-bit mask of our own, one per colour, which is then painted with a
 * single cairo_mask().  Vector targets (PDF, SVG) always get real strokes.
 */
static inline void
plot (guint8 *data,
      int     stride,
      int     w,
      int     h,
      int     x,
      int     y,
      float   c)
{
  guint8 *p;
  int v;

  if ((unsigned) x >= (unsigned) w || (unsigned) y >= (unsigned) h)
    return;

  p = data + y * stride + x;
  v = *p + (int) (c * 255.0f + 0.5f);
  *p = v > 255 ? 255 : v;
}

static void
wu_line (guint8 *data,
         int     stride,
         int     w,
         int     h,
         float   x0,
         float   y0,
         float   x1,
         float   y1,
         float   intensity)
{
  gboolean steep = fabsf (y1 - y0) > fabsf (x1 - x0);
  float gradient, t;
  int start, end, limit;

  if (steep)
    {
      t = x0; x0 = y0; y0 = t;
      t = x1; x1 = y1; y1 = t;
    }
  if (x0 > x1)
    {
      t = x0; x0 = x1; x1 = t;
      t = y0; y0 = y1; y1 = t;
    }

  gradient = x1 - x0 < 1e-6f ? 0.0f : (y1 - y0) / (x1 - x0);
  limit = steep ? h : w;
  start = MAX (0, (int) ceilf (x0));
  end = MIN (limit - 1, (int) floorf (x1));

  for (int x = start; x <= end; x++)
    {
      float y = y0 + gradient * (x - x0);
      float fy = floorf (y);
      int iy = (int) fy;
      float f = y - fy;

      if (steep)
        {
          plot (data, stride, w, h, iy, x, (1.0f - f) * intensity);
          plot (data, stride, w, h, iy + 1, x, f * intensity);
        }
      else
        {
          plot (data, stride, w, h, x, iy, (1.0f - f) * intensity);
          plot (data, stride, w, h, x, iy + 1, f * intensity);
        }
    }
}

static gboolean
use_fast_lines (cairo_t          *cr,
                const BzwMapView *view,
                guint             n_lines)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  return view->scale < DASH_MIN_SCALE && n_lines >= FAST_LINES_MIN &&
         (type == CAIRO_SURFACE_TYPE_IMAGE || type == CAIRO_SURFACE_TYPE_RECORDING);
}

static guint8 *
begin_mask (BzwMapRenderer *self,
            cairo_t        *cr,
            double         *factor,
            int            *mw,
            int            *mh,
            int            *stride)
{
  double fx = 1.0, fy = 0.0;

  cairo_user_to_device_distance (cr, &fx, &fy);
  *factor = CLAMP (hypot (fx, fy), 0.25, 4.0);
  *mw = MAX (1, (int) ceil (self->view_w * *factor));
  *mh = MAX (1, (int) ceil (self->view_h * *factor));

  if (self->mask == NULL ||
      cairo_image_surface_get_width (self->mask) != *mw ||
      cairo_image_surface_get_height (self->mask) != *mh)
    {
      g_clear_pointer (&self->mask, cairo_surface_destroy);
      self->mask = cairo_image_surface_create (CAIRO_FORMAT_A8, *mw, *mh);
    }

  cairo_surface_flush (self->mask);
  *stride = cairo_image_surface_get_stride (self->mask);
  memset (cairo_image_surface_get_data (self->mask), 0, (gsize) *stride * *mh);
  return cairo_image_surface_get_data (self->mask);
}

static void
end_mask (BzwMapRenderer    *self,
          cairo_t           *cr,
          const BzwMapColor *color,
          double             factor)
{
  cairo_surface_mark_dirty (self->mask);
  cairo_surface_set_device_scale (self->mask, factor, factor);
  cairo_save (cr);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_mask_surface (cr, self->mask, 0, 0);
  cairo_restore (cr);
}

static void
draw_edges (BzwMapRenderer   *self,
            cairo_t          *cr,
            const BzwMapView *view,
            const Palette    *pal)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  BzwMapEdge *edges = bzw_map_graph_get_edges (self->graph);
  double z = zoom_factor (view);
  double w = view->width, h = view->height;
  guint n_lines;
  gboolean fast;

  for (guint b = 0; b < N_BUCKETS; b++)
    g_array_set_size (self->buckets[b], 0);

  for (guint i = 0; i < self->n_edges; i++)
    {
      const BzwMapEdge *e = &edges[i];
      float x1 = self->sx[e->source], y1 = self->sy[e->source];
      float x2 = self->sx[e->target], y2 = self->sy[e->target];
      gboolean dim;
      guint bucket;

      if (e->kind == BZW_MAP_EDGE_ME || !edge_shown (self, view, nodes, e))
        continue;

      if (e->kind == BZW_MAP_EDGE_FAVOUR || e->kind == BZW_MAP_EDGE_REFERRAL)
        {
          /* The curve stays within its control triangle. */
          double cx = (x1 + x2) / 2.0 - (y2 - y1) * ARROW_BEND;
          double cy = (y1 + y2) / 2.0 + (x2 - x1) * ARROW_BEND;

          if (segment_outside (MIN (x1, cx), MIN (y1, cy), MAX (x2, cx), MAX (y2, cy), w, h, 4.0) &&
              segment_outside (MIN (x2, cx), MIN (y2, cy), MAX (x1, cx), MAX (y1, cy), w, h, 4.0))
            continue;
        }
      else if (segment_outside (x1, y1, x2, y2, w, h, 4.0))
        {
          continue;
        }

      dim = edge_dimmed (self, view, e);
      switch (e->kind)
        {
        case BZW_MAP_EDGE_ME:
          {
            const BzwMapNode *other = &nodes[e->source == 0 ? e->target : e->source];
            int wl = CLAMP ((int) lround (CLAMP (e->weight, 0.0, 1.0) * (ME_WIDTH_LEVELS - 1)), 0,
                            ME_WIDTH_LEVELS - 1);
            int al = CLAMP ((int) (me_opacity (other) * ME_ALPHA_LEVELS), 0, ME_ALPHA_LEVELS - 1);

            bucket = BUCKET_ME + ((wl * ME_ALPHA_LEVELS + al) * 2 + dim);
          }
          break;

        case BZW_MAP_EDGE_RELATIONSHIP:
          {
            int sl = CLAMP ((int) lround (e->weight), 1, 5) - 1;

            bucket = BUCKET_RELATION + ((e->relation * 5 + sl) * 2 + dim);
          }
          break;

        case BZW_MAP_EDGE_FAVOUR:
        case BZW_MAP_EDGE_REFERRAL:
        case BZW_MAP_N_EDGE_KINDS:
        default:
          {
            gboolean cycle = view->highlight_cycles && bzw_map_graph_edge_in_cycle (self->graph, i);
            guint base = e->kind == BZW_MAP_EDGE_FAVOUR ? BUCKET_FAVOUR : BUCKET_REFERRAL;

            bucket = base + ((value_level (e->weight) * 2 + cycle) * 2 + dim);
          }
          break;
        }

      g_array_append_val (self->buckets[bucket], i);
    }

  /* Lines from "Ich", most important first, until the budget of drawn
   * length is spent: at overview zoom thousands of them would only paint
   * the map blue (and take most of the frame).  The selected contact's line
   * is always drawn.
   */
  {
    double budget = ME_LENGTH_BUDGET;

    for (guint k = 0; k < self->n_me; k++)
      {
        guint i = self->me_order[k];
        const BzwMapEdge *e = &edges[i];
        guint other = e->source == 0 ? e->target : e->source;
        float x1 = self->sx[e->source], y1 = self->sy[e->source];
        float x2 = self->sx[e->target], y2 = self->sy[e->target];
        gboolean dim;
        double length;
        int wl, al;

        if (!edge_shown (self, view, nodes, e) || segment_outside (x1, y1, x2, y2, w, h, 4.0))
          continue;

        length = hypot (x2 - x1, y2 - y1);
        if (length > budget && (int) other != view->selected)
          continue;
        budget -= length;

        dim = edge_dimmed (self, view, e);
        wl = CLAMP ((int) lround (CLAMP (e->weight, 0.0, 1.0) * (ME_WIDTH_LEVELS - 1)), 0, ME_WIDTH_LEVELS - 1);
        al = CLAMP ((int) (me_opacity (&nodes[other]) * ME_ALPHA_LEVELS), 0, ME_ALPHA_LEVELS - 1);
        g_array_append_val (self->buckets[BUCKET_ME + ((wl * ME_ALPHA_LEVELS + al) * 2 + dim)], i);
      }
  }

  /* Round caps cost a polygon each; straight lines do without. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  n_lines = 0;
  for (guint b = BUCKET_ME; b < BUCKET_FAVOUR; b++)
    n_lines += self->buckets[b]->len;
  fast = use_fast_lines (cr, view, n_lines);

  for (int pass = 0; fast && pass < 2; pass++)
    {
      double factor;
      int mw, mh, stride;
      guint8 *data = begin_mask (self, cr, &factor, &mw, &mh, &stride);

      for (guint b = BUCKET_ME; b < BUCKET_FAVOUR; b++)
        {
          GArray *list = self->buckets[b];
          gboolean relation = b >= BUCKET_RELATION;
          guint k = relation ? b - BUCKET_RELATION : b - BUCKET_ME;
          gboolean dim = k & 1;
          gboolean mine = !relation || (k / 2) / 5 == BZW_MAP_RELATION_INTRODUCED;
          float intensity;

          if (list->len == 0 || mine != (pass == 0))
            continue;

          if (relation)
            intensity = MIN (1.0, (0.9 + 0.35 * ((k / 2) % 5)) * z) * (dim ? 0.2 : 1.0);
          else
            intensity = MIN (1.0, (0.7 + 1.2 * ((k / 2) / ME_ALPHA_LEVELS)) * z) *
                        ((((k / 2) % ME_ALPHA_LEVELS) + 0.5) / ME_ALPHA_LEVELS) * 0.55 * (dim ? 0.25 : 1.0);

          for (guint j = 0; j < list->len; j++)
            {
              const BzwMapEdge *e = &edges[g_array_index (list, guint, j)];

              wu_line (data, stride, mw, mh,
                       self->sx[e->source] * factor, self->sy[e->source] * factor,
                       self->sx[e->target] * factor, self->sy[e->target] * factor,
                       intensity);
            }
        }

      end_mask (self, cr, pass == 0 ? &pal->me_edge : &pal->relation, factor);
    }

  /* Lines from "Ich". */
  for (guint b = BUCKET_ME; !fast && b < BUCKET_RELATION; b++)
    {
      GArray *list = self->buckets[b];
      guint k = b - BUCKET_ME;
      gboolean dim = k & 1;
      int al = (k / 2) % ME_ALPHA_LEVELS;
      int wl = (k / 2) / ME_ALPHA_LEVELS;

      if (list->len == 0)
        continue;

      set_color (cr, &pal->me_edge, ((al + 0.5) / ME_ALPHA_LEVELS) * 0.55 * (dim ? 0.25 : 1.0));
      cairo_set_line_width (cr, (0.7 + 1.2 * wl) * z);
      stroke_lines (self, cr, list, edges);
    }

  /* Relationships between contacts. */
  for (guint b = BUCKET_RELATION; !fast && b < BUCKET_FAVOUR; b++)
    {
      GArray *list = self->buckets[b];
      guint k = b - BUCKET_RELATION;
      gboolean dim = k & 1;
      int sl = (k / 2) % 5;
      BzwMapRelation relation = (k / 2) / 5;

      if (list->len == 0)
        continue;

      /* What I set up between others is drawn in my colour. */
      set_color (cr, relation == BZW_MAP_RELATION_INTRODUCED ? &pal->me_edge : &pal->relation,
                 dim ? 0.2 : 1.0);
      cairo_set_line_width (cr, (0.9 + 0.35 * sl) * z);
      /* Dashes only where one can see them. */
      if (view->scale >= DASH_MIN_SCALE)
        set_relation_dash (cr, relation, 1.0);
      else
        cairo_set_dash (cr, NULL, 0, 0.0);
      stroke_lines (self, cr, list, edges);
    }
  cairo_set_dash (cr, NULL, 0, 0.0);

  /* Favours and referrals: curved arrows. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint b = BUCKET_FAVOUR; b < N_BUCKETS; b++)
    {
      GArray *list = self->buckets[b];
      guint k = b < BUCKET_REFERRAL ? b - BUCKET_FAVOUR : b - BUCKET_REFERRAL;
      const BzwMapColor *color = b < BUCKET_REFERRAL ? &pal->favour : &pal->referral;
      gboolean dim = k & 1;
      gboolean cycle = (k / 2) & 1;
      int vl = (k / 2) / 2;
      double width = value_width (vl) * z;
      double head = 5.0 * z + 1.6 * width;
      double p[10];

      if (list->len == 0)
        continue;

      if (cycle)
        {
          cairo_new_path (cr);
          for (guint j = 0; j < list->len; j++)
            {
              const BzwMapEdge *e = &edges[g_array_index (list, guint, j)];

              if (arrow_geometry (self->sx[e->source], self->sy[e->source], self->sr[e->source],
                                  self->sx[e->target], self->sy[e->target], self->sr[e->target], head, p))
                path_arrow_line (cr, p);
            }
          set_color (cr, &pal->cycle, dim ? 0.1 : 0.35);
          cairo_set_line_width (cr, width + 6.0 * z);
          cairo_stroke (cr);
        }

      cairo_new_path (cr);
      for (guint j = 0; j < list->len; j++)
        {
          const BzwMapEdge *e = &edges[g_array_index (list, guint, j)];

          if (arrow_geometry (self->sx[e->source], self->sy[e->source], self->sr[e->source],
                              self->sx[e->target], self->sy[e->target], self->sr[e->target], head, p))
            path_arrow_line (cr, p);
        }
      set_color (cr, color, dim ? 0.2 : 0.95);
      cairo_set_line_width (cr, width);
      cairo_stroke (cr);

      for (guint j = 0; j < list->len; j++)
        {
          const BzwMapEdge *e = &edges[g_array_index (list, guint, j)];

          if (arrow_geometry (self->sx[e->source], self->sy[e->source], self->sr[e->source],
                              self->sx[e->target], self->sy[e->target], self->sr[e->target], head, p))
            path_arrow_head (cr, p, head);
        }
      cairo_fill (cr);
    }
}

static void
draw_pin (cairo_t       *cr,
          double         x,
          double         y,
          double         r,
          const Palette *pal)
{
  double px = x + r * 0.72, py = y - r * 0.72;
  double s = CLAMP (r * 0.28, 3.0, 6.0);

  cairo_new_path (cr);
  cairo_move_to (cr, px, py);
  cairo_line_to (cr, px + s * 0.9, py - s * 1.6);
  set_color (cr, &pal->text, 1.0);
  cairo_set_line_width (cr, MAX (1.0, s * 0.35));
  cairo_stroke (cr);
  cairo_arc (cr, px + s * 1.05, py - s * 1.9, s * 0.75, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 0.878, 0.106, 0.141);
  cairo_fill_preserve (cr);
  set_color (cr, &pal->background, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

static void
draw_initials (BzwMapRenderer    *self,
               cairo_t           *cr,
               guint              i,
               const BzwMapColor *fill,
               gboolean           hollow)
{
  PangoLayout *layout = get_initials (self, i);
  PangoRectangle ink, logical;
  double r = self->sr[i];
  double s = r / 15.0;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  cairo_save (cr);
  cairo_translate (cr, self->sx[i], self->sy[i]);
  cairo_scale (cr, s, s);
  if (hollow)
    cairo_set_source_rgba (cr, fill->red, fill->green, fill->blue, 1.0);
  else if (luminance (fill) > 0.6)
    cairo_set_source_rgba (cr, 0.141, 0.122, 0.192, 1.0);
  else
    cairo_set_source_rgba (cr, 1.0, 1.0, 1.0, 1.0);
  cairo_move_to (cr, -logical.width / 2.0, -(ink.y + ink.height / 2.0));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* A photo fills the node's circle instead of the initials. */
static void
draw_photo (BzwMapRenderer *self,
            cairo_t        *cr,
            guint           i,
            cairo_surface_t *photo)
{
  double r = self->sr[i];
  int size = cairo_image_surface_get_width (photo);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, self->sx[i], self->sy[i], r * 0.86, 0, 2 * G_PI);
  cairo_clip (cr);
  cairo_translate (cr, self->sx[i] - r, self->sy[i] - r);
  cairo_scale (cr, 2 * r / size, 2 * r / size);
  cairo_set_source_surface (cr, photo, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_new_path (cr);
}

static void
draw_nodes (BzwMapRenderer   *self,
            cairo_t          *cr,
            const BzwMapView *view,
            const Palette    *pal)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  double w = view->width, h = view->height;
  gboolean outlines = FALSE;

  while (self->color_buckets->len < self->n_colors)
    {
      GArray *list = g_array_new (FALSE, FALSE, sizeof (guint));

      g_array_append_val (self->color_buckets, list);
    }
  for (guint c = 0; c < self->n_colors; c++)
    g_array_set_size (g_array_index (self->color_buckets, GArray *, c), 0);
  g_array_set_size (self->dimmed_nodes, 0);
  g_array_set_size (self->hollow_nodes, 0);

  for (guint i = 1; i < self->n_nodes; i++)
    {
      float r = self->sr[i];

      if (self->visible[i] == VIS_HIDDEN)
        continue;
      if (self->sx[i] + r < 0 || self->sy[i] + r < 0 || self->sx[i] - r > w || self->sy[i] - r > h)
        continue;

      if (self->visible[i] == VIS_DIMMED || nodes[i].archived)
        g_array_append_val (self->dimmed_nodes, i);
      else if (nodes[i].second_degree)
        g_array_append_val (self->hollow_nodes, i);
      else
        g_array_append_val (g_array_index (self->color_buckets, GArray *, self->color_index[i]), i);
      outlines |= r >= 4.0;
    }

  /* Filled contacts, one path per colour. */
  for (guint c = 0; c < self->n_colors; c++)
    {
      GArray *list = g_array_index (self->color_buckets, GArray *, c);

      if (list->len == 0)
        continue;

      cairo_new_path (cr);
      for (guint j = 0; j < list->len; j++)
        {
          guint i = g_array_index (list, guint, j);

          if (self->sr[i] < 2.0)
            {
              cairo_rectangle (cr, self->sx[i] - self->sr[i], self->sy[i] - self->sr[i],
                               2 * self->sr[i], 2 * self->sr[i]);
            }
          else
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, self->sx[i], self->sy[i], self->sr[i], 0, 2 * G_PI);
            }
        }
      set_color (cr, &self->colors[c], 1.0);
      if (outlines)
        {
          cairo_fill_preserve (cr);
          set_color (cr, &pal->outline, 1.0);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else
        {
          cairo_fill (cr);
        }
    }

  /* Dimmed and archived contacts, each faint in its colour. */
  for (guint j = 0; j < self->dimmed_nodes->len; j++)
    {
      guint i = g_array_index (self->dimmed_nodes, guint, j);

      cairo_new_path (cr);
      cairo_arc (cr, self->sx[i], self->sy[i], self->sr[i], 0, 2 * G_PI);
      set_color (cr, &nodes[i].color, self->visible[i] == VIS_DIMMED ? 0.22 : 0.45);
      cairo_fill (cr);
    }

  /* Second-degree contacts: rings. */
  if (self->hollow_nodes->len > 0)
    {
      for (guint j = 0; j < self->hollow_nodes->len; j++)
        {
          guint i = g_array_index (self->hollow_nodes, guint, j);

          cairo_new_path (cr);
          cairo_arc (cr, self->sx[i], self->sy[i], self->sr[i], 0, 2 * G_PI);
          set_color (cr, &pal->background, 1.0);
          cairo_fill_preserve (cr);
          set_color (cr, &nodes[i].color, 1.0);
          cairo_set_line_width (cr, MAX (1.0, self->sr[i] * 0.16));
          cairo_stroke (cr);
        }
    }

  /* Initials and pins when the nodes are big enough. */
  for (guint c = 0; c <= self->n_colors; c++)
    {
      GArray *list = c < self->n_colors ? g_array_index (self->color_buckets, GArray *, c) : self->hollow_nodes;

      for (guint j = 0; j < list->len; j++)
        {
          guint i = g_array_index (list, guint, j);

          if (nodes[i].photo != NULL && self->sr[i] >= 6.0)
            draw_photo (self, cr, i, nodes[i].photo);
          else if (self->sr[i] >= 9.0)
            draw_initials (self, cr, i, &nodes[i].color, c == self->n_colors);
        }
    }

  /* "Ich" on top. */
  if (self->visible[0] != VIS_HIDDEN)
    {
      double r = self->sr[0];

      cairo_new_path (cr);
      cairo_arc (cr, self->sx[0], self->sy[0], r + MAX (1.5, r * 0.12), 0, 2 * G_PI);
      set_color (cr, &pal->background, 1.0);
      cairo_fill (cr);
      cairo_arc (cr, self->sx[0], self->sy[0], r, 0, 2 * G_PI);
      set_color (cr, &pal->me_node, 1.0);
      cairo_fill (cr);
      if (r >= 9.0)
        draw_initials (self, cr, 0, &pal->me_node, FALSE);
    }

  if (self->any_pinned)
    for (guint i = 1; i < self->n_nodes; i++)
      if (nodes[i].pinned && self->visible[i] != VIS_HIDDEN && self->sr[i] >= 6.0 &&
          self->sx[i] > -20 && self->sy[i] > -20 && self->sx[i] < w + 20 && self->sy[i] < h + 20)
        draw_pin (cr, self->sx[i], self->sy[i], self->sr[i], pal);

  /* Hover and selection rings. */
  if (view->hover >= 0 && (guint) view->hover < self->n_nodes && self->visible[view->hover] != VIS_HIDDEN)
    {
      cairo_new_path (cr);
      cairo_arc (cr, self->sx[view->hover], self->sy[view->hover], self->sr[view->hover] + 3.0, 0, 2 * G_PI);
      set_color (cr, &pal->hover, 0.9);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }
  if (view->selected >= 0 && (guint) view->selected < self->n_nodes && self->visible[view->selected] != VIS_HIDDEN)
    {
      cairo_new_path (cr);
      cairo_arc (cr, self->sx[view->selected], self->sy[view->selected], self->sr[view->selected] + 3.5,
                 0, 2 * G_PI);
      set_color (cr, &pal->selection, 1.0);
      cairo_set_line_width (cr, 3.0);
      cairo_stroke (cr);
    }
}

static gboolean
grid_try_claim (BzwMapRenderer *self,
                double          x1,
                double          y1,
                double          x2,
                double          y2)
{
  int gx1 = MAX (0, (int) floor (x1 / GRID_CELL));
  int gy1 = MAX (0, (int) floor (y1 / GRID_CELL));
  int gx2 = MIN ((int) self->grid_w - 1, (int) floor (x2 / GRID_CELL));
  int gy2 = MIN ((int) self->grid_h - 1, (int) floor (y2 / GRID_CELL));

  if (gx1 > gx2 || gy1 > gy2)
    return FALSE;

  for (int gy = gy1; gy <= gy2; gy++)
    for (int gx = gx1; gx <= gx2; gx++)
      if (self->grid[gy * self->grid_w + gx])
        return FALSE;

  for (int gy = gy1; gy <= gy2; gy++)
    memset (self->grid + gy * self->grid_w + gx1, 1, gx2 - gx1 + 1);

  return TRUE;
}

static gboolean
try_place_label (BzwMapRenderer *self,
                 guint           i)
{
  double lw, lh, x, y;

  get_label (self, i);
  lw = self->label_w[i];
  lh = self->label_h[i];
  x = self->sx[i] - lw / 2.0;
  y = self->sy[i] + self->sr[i] + 2.0;

  if (!grid_try_claim (self, x - 2.0, y, x + lw + 2.0, y + lh))
    return FALSE;

  g_array_append_val (self->placed_labels, i);
  return TRUE;
}

static void
draw_labels (BzwMapRenderer   *self,
             cairo_t          *cr,
             const BzwMapView *view,
             const Palette    *pal)
{
  guint grid_w = (view->width + GRID_CELL - 1) / GRID_CELL;
  guint grid_h = (view->height + GRID_CELL - 1) / GRID_CELL;
  double min_radius = 5.0;

  if (grid_w * grid_h != self->grid_w * self->grid_h)
    self->grid = g_renew (guint8, self->grid, MAX (grid_w * grid_h, 1));
  self->grid_w = grid_w;
  self->grid_h = grid_h;
  memset (self->grid, 0, grid_w * grid_h);
  g_array_set_size (self->placed_labels, 0);

  /* The selected and hovered nodes always get their label first. */
  if (view->selected >= 0 && (guint) view->selected < self->n_nodes && self->visible[view->selected] != VIS_HIDDEN)
    try_place_label (self, view->selected);
  if (view->hover >= 0 && (guint) view->hover < self->n_nodes && view->hover != view->selected &&
      self->visible[view->hover] != VIS_HIDDEN)
    try_place_label (self, view->hover);

  for (guint k = 0; k < self->n_nodes && self->placed_labels->len < MAX_LABELS; k++)
    {
      guint i = self->order[k];

      if (i == 0 || (int) i == view->selected || (int) i == view->hover)
        continue;
      if (self->visible[i] != VIS_SHOWN || self->sr[i] < min_radius)
        continue;
      if (self->sx[i] < -100 || self->sx[i] > view->width + 100 || self->sy[i] < -40 || self->sy[i] > view->height)
        continue;

      try_place_label (self, i);
    }

  self->n_labels = self->placed_labels->len;
  if (self->n_labels == 0)
    return;

  /* Backdrops in one path, then the text. */
  cairo_new_path (cr);
  for (guint j = 0; j < self->placed_labels->len; j++)
    {
      guint i = g_array_index (self->placed_labels, guint, j);
      double lw = self->label_w[i], lh = self->label_h[i];

      cairo_rectangle (cr, self->sx[i] - lw / 2.0 - 2.0, self->sy[i] + self->sr[i] + 2.0, lw + 4.0, lh);
    }
  set_color (cr, &pal->label_back, 1.0);
  cairo_fill (cr);

  set_color (cr, &pal->text, 1.0);
  for (guint j = 0; j < self->placed_labels->len; j++)
    {
      guint i = g_array_index (self->placed_labels, guint, j);

      cairo_move_to (cr, self->sx[i] - self->label_w[i] / 2.0, self->sy[i] + self->sr[i] + 2.0);
      pango_cairo_show_layout (cr, self->labels[i]);
    }
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
  BzwMapNode *nodes;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);

  pal = palette_for (view);
  compute_visibility (self, view);
  self->view_w = view->width;
  self->view_h = view->height;
  nodes = bzw_map_graph_get_nodes (self->graph);

  for (guint i = 0; i < self->n_nodes; i++)
    {
      self->sx[i] = nodes[i].x * view->scale + view->offset_x;
      self->sy[i] = nodes[i].y * view->scale + view->offset_y;
      self->sr[i] = node_screen_radius (view, &nodes[i]);
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);

  if (view->draw_background)
    {
      set_color (cr, &pal->background, 1.0);
      cairo_paint (cr);
    }

  draw_edges (self, cr, view, pal);
  draw_nodes (self, cr, view, pal);
  draw_labels (self, cr, view, pal);

  if (view->show_legend)
    {
      double lw, lh;

      bzw_map_renderer_measure_legend (self, view, &lw, &lh);
      bzw_map_renderer_draw_legend (self, cr, view, 12.0, view->height - lh - 12.0);
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
  *x = self->sx[i] - self->label_w[i] / 2.0;
  *y = self->sy[i] + self->sr[i] + 2.0;
  *width = self->label_w[i];
  *height = self->label_h[i];
  return i;
}

/* Legend */

typedef enum
{
  SAMPLE_ME,
  SAMPLE_CONTACT,
  SAMPLE_CIRCLE,
  SAMPLE_SECOND_DEGREE,
  SAMPLE_ARCHIVED,
  SAMPLE_PINNED,
  SAMPLE_ME_EDGE,
  SAMPLE_RELATION,
  SAMPLE_FAVOUR,
  SAMPLE_REFERRAL,
  SAMPLE_CYCLE,
} SampleKind;

typedef struct
{
  SampleKind   kind;
  BzwMapColor  color;
  int          relation;
  const char  *text;
} LegendEntry;

#define LEGEND_SAMPLE_W 34.0
#define LEGEND_PAD      10.0
#define LEGEND_TEXT_W   230

static guint
collect_legend (BzwMapRenderer   *self,
                const BzwMapView *view,
                LegendEntry      *entries,
                guint             max)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  guint n = 0;
  gboolean any_without = FALSE;

#define ADD(k, t) G_STMT_START { if (n < max) { entries[n].kind = (k); entries[n].text = (t); n++; } } G_STMT_END

  ensure_caches (self);

  ADD (SAMPLE_ME, _("Me, in the centre"));
  ADD (SAMPLE_CONTACT, _("Contact with initials; the bigger, the more journal entries in the last year"));

  for (guint i = 1; i < self->n_nodes; i++)
    any_without |= nodes[i].circle_id == 0;
  for (guint c = 0; c < bzw_map_graph_get_n_circles (self->graph) && n < max; c++)
    {
      const BzwMapCircle *circle = bzw_map_graph_get_circle (self->graph, c);
      gboolean used = FALSE;

      for (guint i = 1; i < self->n_nodes && !used; i++)
        used = nodes[i].circle_id == circle->id;
      if (!used)
        continue;
      entries[n].color = circle->color;
      ADD (SAMPLE_CIRCLE, circle->name);
    }
  if (any_without && self->n_nodes > 1 && n < max)
    {
      guint i;

      for (i = 1; i < self->n_nodes && nodes[i].circle_id != 0; i++)
        ;
      entries[n].color = nodes[i].color;
      ADD (SAMPLE_CIRCLE, _("In no circle"));
    }

  if (self->any_second_degree)
    ADD (SAMPLE_SECOND_DEGREE, _("Second-degree contact, known through one of my contacts"));
  if (self->any_archived && !view->hide_archived)
    ADD (SAMPLE_ARCHIVED, _("Archived"));
  if (self->any_pinned)
    ADD (SAMPLE_PINNED, _("Pinned in place"));

  if ((self->kinds_present & view->edge_kinds & BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_ME)) != 0)
    ADD (SAMPLE_ME_EDGE, _("My relationship: the wider, the stronger; the paler, the longer since we last met"));

  if ((view->edge_kinds & BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_RELATIONSHIP)) != 0)
    for (int r = 0; r < BZW_MAP_N_RELATIONS; r++)
      if (self->relations_present & (1u << r))
        {
          entries[n < max ? n : 0].relation = r;
          ADD (SAMPLE_RELATION, bzw_map_relation_get_label (r));
        }

  if ((self->kinds_present & view->edge_kinds & BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_FAVOUR)) != 0)
    ADD (SAMPLE_FAVOUR, _("Favour, from giver to receiver; the thicker, the more it was worth"));
  if ((self->kinds_present & view->edge_kinds & BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_REFERRAL)) != 0)
    ADD (SAMPLE_REFERRAL, _("Referral, from giver to receiver; the thicker, the more business it brought"));
  if (view->highlight_cycles &&
      (self->kinds_present & (BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_FAVOUR) | BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_REFERRAL))))
    ADD (SAMPLE_CYCLE, _("Cycle of giving through the network"));

#undef ADD

  return n;
}

static PangoLayout *
legend_layout (BzwMapRenderer *self,
               const char     *text,
               gboolean        bold)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (self->label_font);

  pango_font_description_set_absolute_size (font, LEGEND_SIZE * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, LEGEND_TEXT_W * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static void
legend_pass (BzwMapRenderer   *self,
             cairo_t          *cr,
             const BzwMapView *view,
             double            x0,
             double            y0,
             double           *width,
             double           *height)
{
  const Palette *pal = palette_for (view);
  LegendEntry entries[64];
  guint n = collect_legend (self, view, entries, G_N_ELEMENTS (entries));
  g_autoptr(PangoLayout) title = legend_layout (self, _("Legend"), TRUE);
  double y = y0 + LEGEND_PAD;
  double x = x0 + LEGEND_PAD;
  double text_x = x + LEGEND_SAMPLE_W + 8.0;
  int tw, th;

  pango_layout_get_pixel_size (title, &tw, &th);
  if (cr != NULL)
    {
      set_color (cr, &pal->text, 1.0);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, title);
    }
  y += th + 6.0;

  for (guint k = 0; k < n; k++)
    {
      const LegendEntry *entry = &entries[k];
      g_autoptr(PangoLayout) layout = legend_layout (self, entry->text, FALSE);
      double cy, row;
      int lw, lh;

      pango_layout_get_pixel_size (layout, &lw, &lh);
      row = MAX (lh, 20);
      cy = y + row / 2.0;

      if (cr != NULL)
        {
          double sx = x, ex = x + LEGEND_SAMPLE_W, mx = x + LEGEND_SAMPLE_W / 2.0;

          cairo_new_path (cr);
          switch (entry->kind)
            {
            case SAMPLE_ME:
              cairo_arc (cr, mx, cy, 9.0, 0, 2 * G_PI);
              set_color (cr, &pal->me_node, 1.0);
              cairo_fill (cr);
              break;
            case SAMPLE_CONTACT:
              cairo_arc (cr, mx - 9.0, cy, 5.0, 0, 2 * G_PI);
              cairo_new_sub_path (cr);
              cairo_arc (cr, mx + 5.0, cy, 8.5, 0, 2 * G_PI);
              set_color (cr, &pal->relation, 0.8);
              cairo_fill (cr);
              break;
            case SAMPLE_CIRCLE:
              cairo_arc (cr, mx, cy, 7.0, 0, 2 * G_PI);
              set_color (cr, &entry->color, 1.0);
              cairo_fill (cr);
              break;
            case SAMPLE_SECOND_DEGREE:
              cairo_arc (cr, mx, cy, 6.5, 0, 2 * G_PI);
              set_color (cr, &pal->relation, 1.0);
              cairo_set_line_width (cr, 2.0);
              cairo_stroke (cr);
              break;
            case SAMPLE_ARCHIVED:
              cairo_arc (cr, mx, cy, 7.0, 0, 2 * G_PI);
              set_color (cr, &pal->relation, 0.45);
              cairo_fill (cr);
              break;
            case SAMPLE_PINNED:
              cairo_arc (cr, mx - 3.0, cy + 2.0, 7.0, 0, 2 * G_PI);
              set_color (cr, &pal->relation, 0.8);
              cairo_fill (cr);
              draw_pin (cr, mx - 3.0, cy + 2.0, 7.0, pal);
              break;
            case SAMPLE_ME_EDGE:
              for (int j = 0; j < 3; j++)
                {
                  cairo_move_to (cr, sx, cy - 5.0 + 5.0 * j);
                  cairo_line_to (cr, ex, cy - 5.0 + 5.0 * j);
                  set_color (cr, &pal->me_edge, 0.2 + 0.3 * j);
                  cairo_set_line_width (cr, 0.8 + 1.3 * j);
                  cairo_stroke (cr);
                }
              break;
            case SAMPLE_RELATION:
              cairo_move_to (cr, sx, cy);
              cairo_line_to (cr, ex, cy);
              set_color (cr, entry->relation == BZW_MAP_RELATION_INTRODUCED ? &pal->me_edge : &pal->relation,
                         1.0);
              cairo_set_line_width (cr, 1.6);
              set_relation_dash (cr, entry->relation, 1.0);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0.0);
              break;
            case SAMPLE_FAVOUR:
            case SAMPLE_REFERRAL:
            case SAMPLE_CYCLE:
            default:
              {
                double p[10];
                const BzwMapColor *color = entry->kind == SAMPLE_REFERRAL ? &pal->referral : &pal->favour;

                arrow_geometry (sx - 2.0, cy - 3.0, 0.0, ex, cy - 3.0, 0.0, 8.0, p);
                if (entry->kind == SAMPLE_CYCLE)
                  {
                    path_arrow_line (cr, p);
                    set_color (cr, &pal->cycle, 0.35);
                    cairo_set_line_width (cr, 8.0);
                    cairo_stroke (cr);
                  }
                path_arrow_line (cr, p);
                set_color (cr, color, 1.0);
                cairo_set_line_width (cr, 2.2);
                cairo_stroke (cr);
                path_arrow_head (cr, p, 8.0);
                cairo_fill (cr);
              }
              break;
            }

          set_color (cr, &pal->text, 1.0);
          cairo_move_to (cr, text_x, y + (row - lh) / 2.0);
          pango_cairo_show_layout (cr, layout);
        }

      tw = MAX (tw, (int) (LEGEND_SAMPLE_W + 8.0) + lw);
      y += row + 4.0;
    }

  *width = tw + 2 * LEGEND_PAD;
  *height = y - y0 + LEGEND_PAD - 4.0;
}

void
bzw_map_renderer_measure_legend (BzwMapRenderer   *self,
                                 const BzwMapView *view,
                                 double           *width,
                                 double           *height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);

  legend_pass (self, NULL, view, 0.0, 0.0, width, height);
}

/**
 * bzw_map_renderer_draw_legend:
 *
 * Draws the legend with its top left corner at (@x, @y) in @cr's user
 * space: a sample and a sentence for every mark the map shows.
 */
void
bzw_map_renderer_draw_legend (BzwMapRenderer   *self,
                              cairo_t          *cr,
                              const BzwMapView *view,
                              double            x,
                              double            y)
{
  const Palette *pal;
  double w, h;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);

  pal = palette_for (view);
  bzw_map_renderer_measure_legend (self, view, &w, &h);

  cairo_save (cr);
  cairo_new_path (cr);
  {
    double r = 8.0;

    cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
    cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
    cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
    cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
    cairo_close_path (cr);
  }
  set_color (cr, &pal->legend_back, 1.0);
  cairo_fill_preserve (cr);
  set_color (cr, &pal->legend_border, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  legend_pass (self, cr, view, x, y, &w, &h);
  cairo_restore (cr);
}

/* Hit-testing */

/**
 * bzw_map_renderer_hit_node:
 *
 * Returns: the visible node under the screen point, or -1.  Small nodes can
 *   be hit within 6 pixels; of several, the one whose centre is nearest,
 *   except that "Ich" wins inside its drawn circle.
 */
int
bzw_map_renderer_hit_node (BzwMapRenderer   *self,
                           const BzwMapView *view,
                           double            screen_x,
                           double            screen_y)
{
  BzwMapNode *nodes;
  double best = G_MAXDOUBLE;
  int hit = -1;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (view != NULL, -1);

  compute_visibility (self, view);
  nodes = bzw_map_graph_get_nodes (self->graph);

  for (guint i = 0; i < self->n_nodes; i++)
    {
      double x = nodes[i].x * view->scale + view->offset_x;
      double y = nodes[i].y * view->scale + view->offset_y;
      double r = MAX (node_screen_radius (view, &nodes[i]), 6.0);
      double d2 = (x - screen_x) * (x - screen_x) + (y - screen_y) * (y - screen_y);

      if (self->visible[i] == VIS_HIDDEN || d2 > r * r)
        continue;

      /* "Ich" is drawn on top: inside its drawn circle it wins. */
      if (i == 0 && d2 <= node_screen_radius (view, &nodes[0]) * node_screen_radius (view, &nodes[0]))
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

  compute_visibility (self, view);
  nodes = bzw_map_graph_get_nodes (self->graph);
  edges = bzw_map_graph_get_edges (self->graph);
  z = zoom_factor (view);

  for (guint i = 0; i < self->n_edges; i++)
    {
      const BzwMapEdge *e = &edges[i];
      double ax = nodes[e->source].x * view->scale + view->offset_x;
      double ay = nodes[e->source].y * view->scale + view->offset_y;
      double bx = nodes[e->target].x * view->scale + view->offset_x;
      double by = nodes[e->target].y * view->scale + view->offset_y;
      double d, width;

      if (!edge_shown (self, view, nodes, e))
        continue;

      if (e->kind == BZW_MAP_EDGE_FAVOUR || e->kind == BZW_MAP_EDGE_REFERRAL)
        {
          double p[10];
          double head;
          double px, py;

          width = value_width (value_level (e->weight)) * z;
          head = 5.0 * z + 1.6 * width;
          if (!arrow_geometry (ax, ay, node_screen_radius (view, &nodes[e->source]),
                               bx, by, node_screen_radius (view, &nodes[e->target]), head, p))
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
