/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-renderer"

#include "config.h"

#include "bzw-map-renderer-private.h"

/* The contacts as circles, with initials, photos and pins; „Ich“, pins
 * and rings on top of everything (bzw-map-renderer-place.c places the
 * discs and the names).
 */

static double
luminance (const BzwMapColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
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

void
_bzw_map_draw_pin (cairo_t       *cr,
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

/* Sorts the visible nodes by how they are drawn; returns whether any is
 * big enough for an outline.
 */
static gboolean
sort_nodes (BzwMapRenderer   *self,
            const BzwMapView *view)
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

  return outlines;
}

/* Filled contacts, one path per colour. */
static void
fill_nodes (BzwMapRenderer *self,
            cairo_t        *cr,
            const Palette  *pal,
            gboolean        outlines)
{
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
}

/* Dimmed and archived contacts, each faint in its colour; second-degree
 * contacts as rings.
 */
static void
draw_faint_nodes (BzwMapRenderer *self,
                  cairo_t        *cr,
                  const Palette  *pal)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);

  for (guint j = 0; j < self->dimmed_nodes->len; j++)
    {
      guint i = g_array_index (self->dimmed_nodes, guint, j);

      cairo_new_path (cr);
      cairo_arc (cr, self->sx[i], self->sy[i], self->sr[i], 0, 2 * G_PI);
      set_color (cr, &nodes[i].color, self->visible[i] == VIS_DIMMED ? 0.22 : 0.45);
      cairo_fill (cr);
    }

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

/* Initials and photos when the nodes are big enough. */
static void
draw_faces (BzwMapRenderer *self,
            cairo_t        *cr)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);

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
}

/* "Ich" on top, in a colour of its own, with its name inside. */
static void
draw_me (BzwMapRenderer   *self,
         cairo_t          *cr,
         const BzwMapView *view,
         const Palette    *pal)
{
  const BzwMapColor *color = _bzw_map_renderer_me_color (self, view);
  double r = self->sr[0];

  if (self->n_nodes == 0 || self->visible[0] == VIS_HIDDEN)
    return;

  cairo_new_path (cr);
  cairo_arc (cr, self->sx[0], self->sy[0], r + MAX (1.5, r * 0.12), 0, 2 * G_PI);
  set_color (cr, &pal->background, 1.0);
  cairo_fill (cr);
  cairo_arc (cr, self->sx[0], self->sy[0], r, 0, 2 * G_PI);
  set_color (cr, color, 1.0);
  cairo_fill (cr);
  draw_initials (self, cr, 0, color, FALSE);
}

/* A ring around the hovered or selected node. */
static void
draw_ring (BzwMapRenderer    *self,
           cairo_t           *cr,
           int                node,
           double             gap,
           const BzwMapColor *color,
           double             alpha,
           double             width)
{
  if (node < 0 || (guint) node >= self->n_nodes || self->visible[node] == VIS_HIDDEN)
    return;

  cairo_new_path (cr);
  cairo_arc (cr, self->sx[node], self->sy[node], self->sr[node] + gap, 0, 2 * G_PI);
  set_color (cr, color, alpha);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

void
_bzw_map_renderer_draw_nodes (BzwMapRenderer   *self,
                              cairo_t          *cr,
                              const BzwMapView *view,
                              const Palette    *pal)
{
  gboolean outlines = sort_nodes (self, view);
  guint n_filled = 0;

  for (guint c = 0; c < self->n_colors; c++)
    n_filled += g_array_index (self->color_buckets, GArray *, c)->len;

  /* Many small discs, the overview of a large network: a coarser curve
   * and cairo's fast antialiasing fill them in less than half the time
   * and look the same at that size.
   */
  cairo_save (cr);
  if (n_filled >= FAST_NODES_MIN && !outlines)
    {
      cairo_set_tolerance (cr, 0.3);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
    }
  fill_nodes (self, cr, pal, outlines);
  cairo_restore (cr);
  draw_faint_nodes (self, cr, pal);
  draw_faces (self, cr);
}

void
_bzw_map_renderer_draw_on_top (BzwMapRenderer   *self,
                               cairo_t          *cr,
                               const BzwMapView *view,
                               const Palette    *pal)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  double w = view->width, h = view->height;

  draw_me (self, cr, view, pal);

  if (self->any_pinned)
    for (guint i = 1; i < self->n_nodes; i++)
      if (nodes[i].pinned && self->visible[i] != VIS_HIDDEN && self->sr[i] >= 6.0 &&
          self->sx[i] > -20 && self->sy[i] > -20 && self->sx[i] < w + 20 && self->sy[i] < h + 20)
        _bzw_map_draw_pin (cr, self->sx[i], self->sy[i], self->sr[i], pal);

  draw_ring (self, cr, view->hover, 3.0, &pal->hover, 0.9, 2.0);
  draw_ring (self, cr, view->selected, 3.5, &pal->selection, 1.0, 3.0);
}
