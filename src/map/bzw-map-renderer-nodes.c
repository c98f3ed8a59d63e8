/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-renderer"

#include "config.h"

#include "bzw-map-renderer-private.h"

/* The contacts as circles, with initials, photos and pins, and their
 * labels placed on a grid so they never overlap.
 */

static double
luminance (const BzwMapColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
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

/* "Ich" on top. */
static void
draw_me (BzwMapRenderer *self,
         cairo_t        *cr,
         const Palette  *pal)
{
  double r = self->sr[0];

  if (self->visible[0] == VIS_HIDDEN)
    return;

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
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  double w = view->width, h = view->height;

  fill_nodes (self, cr, pal, sort_nodes (self, view));
  draw_faint_nodes (self, cr, pal);
  draw_faces (self, cr);
  draw_me (self, cr, pal);

  if (self->any_pinned)
    for (guint i = 1; i < self->n_nodes; i++)
      if (nodes[i].pinned && self->visible[i] != VIS_HIDDEN && self->sr[i] >= 6.0 &&
          self->sx[i] > -20 && self->sy[i] > -20 && self->sx[i] < w + 20 && self->sy[i] < h + 20)
        _bzw_map_draw_pin (cr, self->sx[i], self->sy[i], self->sr[i], pal);

  draw_ring (self, cr, view->hover, 3.0, &pal->hover, 0.9, 2.0);
  draw_ring (self, cr, view->selected, 3.5, &pal->selection, 1.0, 3.0);
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

void
_bzw_map_renderer_draw_labels (BzwMapRenderer   *self,
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

