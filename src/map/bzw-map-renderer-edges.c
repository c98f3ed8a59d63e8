/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-renderer"

#include "config.h"

#include "bzw-map-renderer-private.h"

/* The lines between contacts and the arrows of favours and referrals. */

/* The curve of a favour or referral, trimmed to the node borders; @head is
 * the length of the arrow head to leave free at the end.
 */
gboolean
_bzw_map_arrow_geometry (const Disc *a,
                         const Disc *b,
                         double      head,
                         double     *p)
{
  double ax = a->x, ay = a->y, ar = a->r;
  double bx = b->x, by = b->y, br = b->r;
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

void
_bzw_map_path_arrow_line (cairo_t      *cr,
                          const double *p)
{
  cairo_move_to (cr, p[0], p[1]);
  cairo_curve_to (cr,
                  p[0] + 2.0 / 3.0 * (p[2] - p[0]), p[1] + 2.0 / 3.0 * (p[3] - p[1]),
                  p[4] + 2.0 / 3.0 * (p[2] - p[4]), p[5] + 2.0 / 3.0 * (p[3] - p[5]),
                  p[4], p[5]);
}

void
_bzw_map_path_arrow_head (cairo_t      *cr,
                          const double *p,
                          double        head)
{
  double bx = p[6] - p[8] * head, by = p[7] - p[9] * head;

  cairo_move_to (cr, p[6], p[7]);
  cairo_line_to (cr, bx - p[9] * head * 0.5, by + p[8] * head * 0.5);
  cairo_line_to (cr, bx + p[9] * head * 0.5, by - p[8] * head * 0.5);
  cairo_close_path (cr);
}

/**
 * _bzw_map_relation_style:
 *
 * The few styles relationships are drawn in, each told apart from the
 * others at any zoom by its dashes, width or colour: family solid and
 * wide, friends solid and thin, colleagues and business partners dashed,
 * acquaintances dotted, the people I introduced dotted in my colour.  The
 * strength of a relationship shows in how strong the line is drawn.
 */
void
_bzw_map_relation_style (BzwMapRelation  relation,
                         RelationStyle  *style)
{
  style->mine = FALSE;
  switch (relation)
    {
    case BZW_MAP_RELATION_FAMILY:
      style->group = STYLE_FAMILY;
      style->dash = DASH_SOLID;
      style->width = 2.6;
      break;
    case BZW_MAP_RELATION_FRIEND:
      style->group = STYLE_FRIEND;
      style->dash = DASH_SOLID;
      style->width = 1.2;
      break;
    case BZW_MAP_RELATION_COLLEAGUE:
    case BZW_MAP_RELATION_BUSINESS:
      style->group = STYLE_WORK;
      style->dash = DASH_DASHED;
      style->width = 1.5;
      break;
    case BZW_MAP_RELATION_INTRODUCED:
      style->group = STYLE_INTRODUCED;
      style->dash = DASH_DOTTED;
      style->width = 2.0;
      style->mine = TRUE;
      break;
    case BZW_MAP_RELATION_OTHER:
    case BZW_MAP_N_RELATIONS:
    default:
      style->group = STYLE_OTHER;
      style->dash = DASH_DOTTED;
      style->width = 2.0;
      break;
    }
}

/* Sets the dashes (and for dots the round caps) of a relationship's
 * style after its line width; lengths in pixels times @z, so they look the
 * same at any zoom.
 */
void
_bzw_map_set_relation_dash (cairo_t        *cr,
                            BzwMapRelation  relation,
                            double          z)
{
  RelationStyle style;
  double d[2];

  _bzw_map_relation_style (relation, &style);
  switch (style.dash)
    {
    case DASH_DASHED:
      d[0] = 7.0 * z;
      d[1] = 4.0 * z;
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, d, 2, 0.0);
      break;
    case DASH_DOTTED:
      /* Round dots three widths apart, however wide the line is. */
      d[0] = 0.0;
      d[1] = 3.0 * MAX (cairo_get_line_width (cr), 1.5) * z;
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, d, 2, 0.0);
      break;
    case DASH_SOLID:
    default:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, NULL, 0, 0.0);
      break;
    }
}

/* Referrals are dashed, favours solid. */
void
_bzw_map_set_referral_dash (cairo_t *cr,
                            double   width)
{
  double d[2] = { 6.0 + 2.0 * width, 3.0 + width };

  cairo_set_dash (cr, d, 2, 0.0);
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

static inline guint
me_bucket (const BzwMapEdge *e,
           const BzwMapNode *other,
           gboolean          dim)
{
  int wl = CLAMP ((int) lround (CLAMP (e->weight, 0.0, 1.0) * (ME_WIDTH_LEVELS - 1)), 0,
                  ME_WIDTH_LEVELS - 1);
  int al = CLAMP ((int) (me_opacity (other) * ME_ALPHA_LEVELS), 0, ME_ALPHA_LEVELS - 1);

  return BUCKET_ME + ((wl * ME_ALPHA_LEVELS + al) * 2 + dim);
}

/* Whether an edge cannot be seen in the viewport. */
static gboolean
edge_outside (const BzwMapEdge *e,
              float             x1,
              float             y1,
              float             x2,
              float             y2,
              double            w,
              double            h)
{
  if (e->kind == BZW_MAP_EDGE_FAVOUR || e->kind == BZW_MAP_EDGE_REFERRAL)
    {
      /* The curve stays within its control triangle. */
      double cx = (x1 + x2) / 2.0 - (y2 - y1) * ARROW_BEND;
      double cy = (y1 + y2) / 2.0 + (x2 - x1) * ARROW_BEND;

      return segment_outside (MIN (x1, cx), MIN (y1, cy), MAX (x2, cx), MAX (y2, cy), w, h, 4.0) &&
             segment_outside (MIN (x2, cx), MIN (y2, cy), MAX (x1, cx), MAX (y1, cy), w, h, 4.0);
    }

  return segment_outside (x1, y1, x2, y2, w, h, 4.0);
}

static guint
edge_bucket (BzwMapRenderer   *self,
             const BzwMapView *view,
             const BzwMapNode *nodes,
             const BzwMapEdge *e,
             guint             i)
{
  gboolean dim = _bzw_map_renderer_edge_dimmed (self, view, e);

  switch (e->kind)
    {
    case BZW_MAP_EDGE_ME:
      return me_bucket (e, &nodes[e->source == 0 ? e->target : e->source], dim);

    case BZW_MAP_EDGE_RELATIONSHIP:
      {
        int sl = CLAMP ((int) lround (e->weight), 1, 5) - 1;

        return BUCKET_RELATION + ((e->relation * 5 + sl) * 2 + dim);
      }

    case BZW_MAP_EDGE_FAVOUR:
    case BZW_MAP_EDGE_REFERRAL:
    case BZW_MAP_N_EDGE_KINDS:
    default:
      {
        gboolean cycle = view->highlight_cycles && bzw_map_graph_edge_in_cycle (self->graph, i);
        guint base = e->kind == BZW_MAP_EDGE_FAVOUR ? BUCKET_FAVOUR : BUCKET_REFERRAL;

        return base + ((value_level (e->weight) * 2 + cycle) * 2 + dim);
      }
    }
}

/* Sorts the visible edges other than those from "Ich" into the buckets. */
static void
bucket_edges (BzwMapRenderer   *self,
              const BzwMapView *view)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  BzwMapEdge *edges = bzw_map_graph_get_edges (self->graph);

  for (guint b = 0; b < N_BUCKETS; b++)
    g_array_set_size (self->buckets[b], 0);

  for (guint i = 0; i < self->n_edges; i++)
    {
      const BzwMapEdge *e = &edges[i];
      guint bucket;

      if (e->kind == BZW_MAP_EDGE_ME || !_bzw_map_renderer_edge_shown (self, view, nodes, e))
        continue;
      if (edge_outside (e, self->sx[e->source], self->sy[e->source],
                        self->sx[e->target], self->sy[e->target], view->width, view->height))
        continue;

      bucket = edge_bucket (self, view, nodes, e, i);
      g_array_append_val (self->buckets[bucket], i);
    }
}

/* Lines from "Ich", most important first, until the budget of drawn
 * length is spent: at overview zoom thousands of them would only paint
 * the map blue (and take most of the frame).  The selected contact's line
 * is always drawn.
 */
static void
bucket_me_edges (BzwMapRenderer   *self,
                 const BzwMapView *view)
{
  BzwMapNode *nodes = bzw_map_graph_get_nodes (self->graph);
  BzwMapEdge *edges = bzw_map_graph_get_edges (self->graph);
  double w = view->width, h = view->height;
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

      if (!_bzw_map_renderer_edge_shown (self, view, nodes, e) || segment_outside (x1, y1, x2, y2, w, h, 4.0))
        continue;

      length = hypot (x2 - x1, y2 - y1);
      if (length > budget && (int) other != view->selected)
        continue;
      budget -= length;

      dim = _bzw_map_renderer_edge_dimmed (self, view, e);
      g_array_append_val (self->buckets[me_bucket (e, &nodes[other], dim)], i);
    }
}

/* The straight lines into a mask in two passes, mine and the others'. */
static void
draw_fast_lines (BzwMapRenderer *self,
                 cairo_t        *cr,
                 const Palette  *pal,
                 double          z)
{
  BzwMapEdge *edges = bzw_map_graph_get_edges (self->graph);

  for (int pass = 0; pass < 2; pass++)
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
}

/* The straight lines stroked by cairo, one stroke per bucket. */
static void
stroke_straight_lines (BzwMapRenderer   *self,
                       cairo_t          *cr,
                       const BzwMapView *view,
                       const Palette    *pal)
{
  BzwMapEdge *edges = bzw_map_graph_get_edges (self->graph);
  double z = zoom_factor (view);

  /* Lines from "Ich". */
  for (guint b = BUCKET_ME; b < BUCKET_RELATION; b++)
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
  for (guint b = BUCKET_RELATION; b < BUCKET_FAVOUR; b++)
    {
      GArray *list = self->buckets[b];
      guint k = b - BUCKET_RELATION;
      gboolean dim = k & 1;
      int sl = (k / 2) % 5;
      BzwMapRelation relation = (k / 2) / 5;
      RelationStyle style;

      if (list->len == 0)
        continue;

      /* What I set up between others is drawn in my colour; the
       * stronger, the more opaque.  Widths and dashes keep their size in
       * pixels at every zoom, so the kinds stay apart.
       */
      _bzw_map_relation_style (relation, &style);
      set_color (cr, style.mine ? &pal->me_edge : &pal->relation, (dim ? 0.2 : 1.0) * (0.5 + 0.125 * sl));
      cairo_set_line_width (cr, style.width * CLAMP (z, RELATION_MIN_ZOOM, 1.6));
      _bzw_map_set_relation_dash (cr, relation, 1.0);
      stroke_lines (self, cr, list, edges);
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

/* Adds the curves, or with @heads the arrow heads, of a bucket to the path. */
static void
path_arrows (BzwMapRenderer *self,
             cairo_t        *cr,
             GArray         *list,
             double          head,
             gboolean        heads)
{
  BzwMapEdge *edges = bzw_map_graph_get_edges (self->graph);
  double p[10];

  for (guint j = 0; j < list->len; j++)
    {
      const BzwMapEdge *e = &edges[g_array_index (list, guint, j)];
      Disc a = { self->sx[e->source], self->sy[e->source], self->sr[e->source] };
      Disc b = { self->sx[e->target], self->sy[e->target], self->sr[e->target] };

      if (!_bzw_map_arrow_geometry (&a, &b, head, p))
        continue;
      if (heads)
        _bzw_map_path_arrow_head (cr, p, head);
      else
        _bzw_map_path_arrow_line (cr, p);
    }
}

/* Favours and referrals: curved arrows. */
static void
draw_arrows (BzwMapRenderer   *self,
             cairo_t          *cr,
             const BzwMapView *view,
             const Palette    *pal)
{
  double z = zoom_factor (view);

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

      if (list->len == 0)
        continue;

      if (cycle)
        {
          cairo_new_path (cr);
          path_arrows (self, cr, list, head, FALSE);
          set_color (cr, &pal->cycle, dim ? 0.1 : 0.35);
          cairo_set_line_width (cr, width + 6.0 * z);
          cairo_stroke (cr);
        }

      cairo_new_path (cr);
      path_arrows (self, cr, list, head, FALSE);
      set_color (cr, color, dim ? 0.2 : 0.95);
      cairo_set_line_width (cr, width);
      if (b >= BUCKET_REFERRAL)
        _bzw_map_set_referral_dash (cr, width);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0.0);

      path_arrows (self, cr, list, head, TRUE);
      cairo_fill (cr);
    }
}

void
_bzw_map_renderer_draw_edges (BzwMapRenderer   *self,
                              cairo_t          *cr,
                              const BzwMapView *view,
                              const Palette    *pal)
{
  guint n_lines = 0;

  bucket_edges (self, view);
  bucket_me_edges (self, view);

  /* Round caps cost a polygon each; straight lines do without. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  for (guint b = BUCKET_ME; b < BUCKET_FAVOUR; b++)
    n_lines += self->buckets[b]->len;

  if (use_fast_lines (cr, view, n_lines))
    draw_fast_lines (self, cr, pal, zoom_factor (view));
  else
    stroke_straight_lines (self, cr, view, pal);
  cairo_set_dash (cr, NULL, 0, 0.0);

  draw_arrows (self, cr, view, pal);
}
