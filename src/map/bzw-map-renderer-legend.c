/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-renderer"

#include "config.h"

#include "bzw-map-renderer-private.h"

#include <glib/gi18n-lib.h>

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
#define LEGEND_MARGIN   12.0

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

  _bzw_map_renderer_ensure_caches (self);

  entries[0].color = *_bzw_map_renderer_me_color (self, view);
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
    for (int g = 0; g < N_RELATION_STYLES; g++)
      {
        int relation = -1;
        guint kinds = 0;

        for (int r = 0; r < BZW_MAP_N_RELATIONS; r++)
          {
            RelationStyle style;

            _bzw_map_relation_style (r, &style);
            if ((int) style.group != g || !(self->relations_present & (1u << r)))
              continue;
            relation = relation < 0 ? r : relation;
            kinds++;
          }
        if (relation < 0)
          continue;

        /* One row per style, naming every kind drawn in it. */
        entries[n < max ? n : 0].relation = relation;
        ADD (SAMPLE_RELATION, kinds > 1 && g == STYLE_WORK ? _("Colleagues and business partners")
                                                             : bzw_map_relation_get_label (relation));
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

/* The sample of one row, centred on the height @cy. */
static void
draw_sample (cairo_t           *cr,
             const Palette     *pal,
             const LegendEntry *entry,
             double             x,
             double             cy)
{
  double sx = x, ex = x + LEGEND_SAMPLE_W, mx = x + LEGEND_SAMPLE_W / 2.0;

  cairo_new_path (cr);
  switch (entry->kind)
    {
    case SAMPLE_ME:
      cairo_arc (cr, mx, cy, 9.0, 0, 2 * G_PI);
      set_color (cr, &entry->color, 1.0);
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
      _bzw_map_draw_pin (cr, mx - 3.0, cy + 2.0, 7.0, pal);
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
      {
        RelationStyle style;

        _bzw_map_relation_style (entry->relation, &style);
        cairo_move_to (cr, sx, cy);
        cairo_line_to (cr, ex, cy);
        set_color (cr, style.mine ? &pal->me_edge : &pal->relation, 1.0);
        cairo_set_line_width (cr, style.width);
        _bzw_map_set_relation_dash (cr, entry->relation, 1.0);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0.0);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      }
      break;
    case SAMPLE_FAVOUR:
    case SAMPLE_REFERRAL:
    case SAMPLE_CYCLE:
    default:
      {
        double p[10];
        const BzwMapColor *color = entry->kind == SAMPLE_REFERRAL ? &pal->referral : &pal->favour;
        Disc a = { sx - 2.0, cy - 3.0, 0.0 };
        Disc b = { ex, cy - 3.0, 0.0 };

        _bzw_map_arrow_geometry (&a, &b, 8.0, p);
        if (entry->kind == SAMPLE_CYCLE)
          {
            _bzw_map_path_arrow_line (cr, p);
            set_color (cr, &pal->cycle, 0.35);
            cairo_set_line_width (cr, 8.0);
            cairo_stroke (cr);
          }
        _bzw_map_path_arrow_line (cr, p);
        set_color (cr, color, 1.0);
        cairo_set_line_width (cr, 2.2);
        if (entry->kind == SAMPLE_REFERRAL)
          _bzw_map_set_referral_dash (cr, 2.2);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0.0);
        _bzw_map_path_arrow_head (cr, p, 8.0);
        cairo_fill (cr);
      }
      break;
    }
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
  const Palette *pal = _bzw_map_renderer_palette (view);
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
          draw_sample (cr, pal, entry, x, cy);
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

/* Where the map draws its legend: in the bottom left corner. */
void
_bzw_map_renderer_legend_rect (BzwMapRenderer   *self,
                               const BzwMapView *view,
                               BzwMapRect       *rect)
{
  bzw_map_renderer_measure_legend (self, view, &rect->width, &rect->height);
  rect->x = LEGEND_MARGIN;
  rect->y = view->height - rect->height - LEGEND_MARGIN;
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

  pal = _bzw_map_renderer_palette (view);
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

