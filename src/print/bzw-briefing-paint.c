/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-briefing"

#include "config.h"

#include "bzw-briefing-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

/* Painting the meeting brief on one page: a header with the photo, the
 * name and the facts, then the sections in one or two columns.  What does
 * not fit is left out, never carried to a second page.
 */

#define FONT_FAMILY "Cantarell, DejaVu Sans"

/* Sizes in points. */
#define KICKER_SIZE   8.0
#define NAME_SIZE    24.0
#define SUB_SIZE     12.0
#define FACT_SIZE     9.5
#define HEAD_SIZE    12.0
#define BODY_SIZE    10.0
#define DETAIL_SIZE   8.5
#define FOOTER_SIZE   7.0

#define PHOTO_SIZE   84.0
#define COLUMN_GAP   20.0
#define SECTION_GAP  18.0
#define ITEM_GAP      5.0
#define BULLET_WIDTH 15.0
#define WHEN_WIDTH   62.0

/* Colours as 0xRRGGBB, from the GNOME palette, as the overview. */
#define INK        0x241f31
#define SECONDARY  0x5e5c64
#define FAINT      0x77767b
#define RULE       0xc0bfbc
#define ACCENT     0x1c71d8
#define OVERDUE    0xc01c28

typedef struct
{
  cairo_t      *cr;
  PangoContext *pango;
  PangoLayout  *layout;
  double        width;
  double        bottom;
} Painter;

static void
set_source_hex (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/* Sets up the one layout for @text, @width wide (unbounded when not
 * positive); @lines > 0 ellipsizes after that many.
 */
static PangoLayout *
prepare (Painter    *p,
         const char *text,
         double      size,
         gboolean    bold,
         double      width,
         int         lines)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (p->layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (p->layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (p->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (p->layout, lines > 0 ? -lines : -1);
  pango_layout_set_ellipsize (p->layout, lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (p->layout, text, -1);
  return p->layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Shows the prepared layout at (@x, @y) and returns its height. */
static double
show (Painter *p,
      double   x,
      double   y,
      guint32  color)
{
  set_source_hex (p->cr, color);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, p->layout);
  cairo_new_path (p->cr);
  return layout_height (p->layout);
}

static void
hline (Painter *p,
       double   x0,
       double   x1,
       double   y,
       double   line_width,
       guint32  color)
{
  cairo_new_path (p->cr);
  set_source_hex (p->cr, color);
  cairo_set_line_width (p->cr, line_width);
  cairo_move_to (p->cr, x0, y);
  cairo_line_to (p->cr, x1, y);
  cairo_stroke (p->cr);
}

/* The photo in a circle, or the initials on a tinted disc. */
static void
paint_photo (BzwBriefing *self,
             Painter     *p)
{
  double r = PHOTO_SIZE / 2;

  cairo_save (p->cr);
  cairo_new_path (p->cr);
  cairo_arc (p->cr, r, r, r, 0, 2 * G_PI);
  cairo_clip (p->cr);
  if (self->photo != NULL)
    {
      double scale = PHOTO_SIZE / cairo_image_surface_get_width (self->photo);

      cairo_scale (p->cr, scale, scale);
      cairo_set_source_surface (p->cr, self->photo, 0, 0);
      cairo_paint (p->cr);
    }
  else
    {
      set_source_hex (p->cr, 0x99c1f1);
      cairo_paint (p->cr);
      prepare (p, self->initials != NULL ? self->initials : "", 30, TRUE, PHOTO_SIZE, 1);
      pango_layout_set_alignment (p->layout, PANGO_ALIGN_CENTER);
      show (p, 0, r - layout_height (p->layout) / 2, 0x1a5fb4);
      pango_layout_set_alignment (p->layout, PANGO_ALIGN_LEFT);
    }
  cairo_restore (p->cr);
}

/* The facts as a table of label and value, from @y; returns the end. */
static double
paint_facts (BzwBriefing *self,
             Painter     *p,
             double       x,
             double       y)
{
  double label_width = 0;

  for (guint i = 0; i < self->facts->len; i++)
    {
      int w;

      prepare (p, g_array_index (self->facts, BriefingFact, i).label, FACT_SIZE, TRUE, -1, 1);
      pango_layout_get_size (p->layout, &w, NULL);
      label_width = MAX (label_width, (double) w / PANGO_SCALE);
    }
  label_width = MIN (label_width, 0.35 * (p->width - x));

  for (guint i = 0; i < self->facts->len; i++)
    {
      const BriefingFact *fact = &g_array_index (self->facts, BriefingFact, i);
      double h;

      prepare (p, fact->label, FACT_SIZE, TRUE, label_width, 1);
      show (p, x, y, SECONDARY);
      prepare (p, fact->value, FACT_SIZE, FALSE, p->width - x - label_width - 10, 2);
      h = show (p, x + label_width + 10, y, INK);
      y += h + 2;
    }
  return y;
}

static double
paint_header (BzwBriefing *self,
              Painter     *p)
{
  double x = PHOTO_SIZE + 16;
  g_autofree char *kicker = NULL;
  g_autofree char *upper = g_utf8_strup (_("Meeting Brief"), -1);
  double y = 0;

  paint_photo (self, p);
  kicker = g_strdup_printf ("%s · %s", upper, self->date_long);
  prepare (p, kicker, KICKER_SIZE, TRUE, p->width - x, 1);
  y += show (p, x, y, ACCENT) + 2;
  prepare (p, self->name, NAME_SIZE, TRUE, p->width - x, 2);
  y += show (p, x, y, INK);
  if (self->subtitle != NULL)
    {
      prepare (p, self->subtitle, SUB_SIZE, FALSE, p->width - x, 2);
      y += show (p, x, y, SECONDARY);
    }
  y = paint_facts (self, p, x, y + 8);
  y = MAX (y, PHOTO_SIZE) + 10;
  hline (p, 0, p->width, y, 1.2, INK);
  return y + SECTION_GAP;
}

/* The heading of a section with a thin rule under it. */
static double
paint_heading (Painter         *p,
               const BriefingSection *section,
               double           x,
               double           y,
               double           width)
{
  double h;

  prepare (p, section->heading, HEAD_SIZE, TRUE, width, 1);
  h = show (p, x, y, INK);
  hline (p, x, x + width, y + h + 2, 0.5, RULE);
  return y + h + 6;
}

/* The bullet of an item: a box to tick for a talking point, else a dot. */
static void
paint_bullet (Painter *p,
              gboolean box,
              double   x,
              double   y)
{
  cairo_new_path (p->cr);
  set_source_hex (p->cr, box ? INK : FAINT);
  if (box)
    {
      cairo_set_line_width (p->cr, 0.8);
      cairo_rectangle (p->cr, x + 0.5, y + 2.5, 7.5, 7.5);
      cairo_stroke (p->cr);
    }
  else
    {
      cairo_arc (p->cr, x + 3, y + 7, 1.8, 0, 2 * G_PI);
      cairo_fill (p->cr);
    }
}

/* Measures (and with @draw paints) one item; returns its height. */
static double
paint_item (Painter            *p,
            BriefingSectionId   id,
            const BriefingItem *item,
            double              x,
            double              y,
            double              width,
            gboolean            draw)
{
  double text_x = x + (item->when != NULL ? WHEN_WIDTH : BULLET_WIDTH);
  double text_width = width - (text_x - x);
  gboolean long_text = id == SECTION_SEEKS || id == SECTION_OFFERS;
  double h;

  if (draw && item->when != NULL)
    {
      prepare (p, item->when, BODY_SIZE, FALSE, WHEN_WIDTH - 4, 1);
      show (p, x, y, SECONDARY);
    }
  else if (draw && !long_text)
    paint_bullet (p, id == SECTION_POINTS, x, y);

  prepare (p, item->title != NULL ? item->title : "", BODY_SIZE, FALSE, long_text ? width : text_width,
           long_text ? 7 : 2);
  h = draw ? show (p, long_text ? x : text_x, y, INK) : layout_height (p->layout);
  if (item->detail != NULL && item->detail[0] != '\0')
    {
      prepare (p, item->detail, DETAIL_SIZE, FALSE, text_width, 2);
      h += draw ? show (p, text_x, y + h, item->overdue ? OVERDUE : SECONDARY) : layout_height (p->layout);
    }
  return h;
}

static double
paint_more (Painter *p,
            guint    n_more,
            double   x,
            double   y,
            double   width)
{
  g_autofree char *more = NULL;

  if (n_more == 0)
    return y;

  /* Translators: after the entries of a section that did not all fit. */
  more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", n_more), n_more);
  prepare (p, more, DETAIL_SIZE, FALSE, width, 1);
  return y + show (p, x, y, FAINT);
}

/* Short items in three columns, row by row: the shared contacts. */
static double
paint_grid (Painter               *p,
            const BriefingSection *section,
            double                 x,
            double                 y,
            double                 width)
{
  double column = (width - 2 * COLUMN_GAP) / 3;
  double row_height = 0;
  guint i;

  if (section->items->len == 0)
    {
      prepare (p, section->empty, BODY_SIZE, FALSE, width, 1);
      return y + show (p, x, y, FAINT);
    }

  for (i = 0; i < section->items->len; i++)
    {
      const BriefingItem *item = &g_array_index (section->items, BriefingItem, i);
      double cx = x + (i % 3) * (column + COLUMN_GAP);

      if (i % 3 == 0)
        {
          y += row_height;
          row_height = 0;
        }
      if (y + paint_item (p, SECTION_SHARED, item, cx, y, column, FALSE) > p->bottom)
        break;
      row_height = MAX (row_height, paint_item (p, SECTION_SHARED, item, cx, y, column, TRUE) + ITEM_GAP);
    }
  y += row_height;
  return paint_more (p, section->n_more + section->items->len - i, x + BULLET_WIDTH, y, width);
}

/* A section in a column; returns where it ends. */
static double
paint_section (BzwBriefing       *self,
               Painter           *p,
               BriefingSectionId  id,
               double             x,
               double             y,
               double             width)
{
  const BriefingSection *section = &self->sections[id];
  guint n_more = section->n_more;

  if (y + 2 * HEAD_SIZE > p->bottom)
    return y;
  y = paint_heading (p, section, x, y, width);
  if (id == SECTION_SHARED)
    return paint_grid (p, section, x, y, width);
  if (section->items->len == 0)
    {
      prepare (p, section->empty, BODY_SIZE, FALSE, width, 1);
      return y + show (p, x, y, FAINT);
    }

  for (guint i = 0; i < section->items->len; i++)
    {
      const BriefingItem *item = &g_array_index (section->items, BriefingItem, i);

      if (y + paint_item (p, id, item, x, y, width, FALSE) > p->bottom)
        {
          n_more += section->items->len - i;
          break;
        }
      y += paint_item (p, id, item, x, y, width, TRUE) + ITEM_GAP;
    }

  return paint_more (p, n_more, x + BULLET_WIDTH, y, width);
}

/* Two sections side by side; returns where the longer one ends. */
static double
paint_pair (BzwBriefing       *self,
            Painter           *p,
            BriefingSectionId  left,
            BriefingSectionId  right,
            double             y)
{
  double column = (p->width - COLUMN_GAP) / 2;
  double a = paint_section (self, p, left, 0, y, column);
  double b = paint_section (self, p, right, column + COLUMN_GAP, y, column);

  return MAX (a, b) + SECTION_GAP;
}

static void
paint_footer (BzwBriefing *self,
              Painter     *p,
              double       height)
{
  /* Translators: the foot of the meeting brief; %s is the date. */
  g_autofree char *text = g_strdup_printf (_("Beziehungsweise · as of %s"), self->date_long);

  prepare (p, text, FOOTER_SIZE, FALSE, p->width, 1);
  pango_layout_set_alignment (p->layout, PANGO_ALIGN_RIGHT);
  show (p, 0, height - layout_height (p->layout), FAINT);
  pango_layout_set_alignment (p->layout, PANGO_ALIGN_LEFT);
}

static void
painter_init (Painter *p,
              cairo_t *cr,
              double   width,
              double   bottom)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  p->cr = cr;
  p->width = width;
  p->bottom = bottom;
  p->pango = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (p->pango, 72.0);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (p->pango, options);
  cairo_font_options_destroy (options);
  p->layout = pango_layout_new (p->pango);
}

/**
 * bzw_briefing_draw:
 * @cr: with the origin at the top left of the printable area
 *
 * Paints the loaded brief on one page of @width × @height points.
 */
void
bzw_briefing_draw (BzwBriefing *self,
                   cairo_t     *cr,
                   double       width,
                   double       height)
{
  Painter p;
  double y;

  g_return_if_fail (BZW_IS_BRIEFING (self));
  g_return_if_fail (self->loaded);

  cairo_save (cr);
  painter_init (&p, cr, width, height - 2 * FOOTER_SIZE);
  y = paint_header (self, &p);
  y = paint_section (self, &p, SECTION_POINTS, 0, y, width) + SECTION_GAP;
  y = paint_pair (self, &p, SECTION_SEEKS, SECTION_OFFERS, y);
  y = paint_pair (self, &p, SECTION_FOR_THEM, SECTION_FROM_THEM, y);
  y = paint_section (self, &p, SECTION_ENCOUNTERS, 0, y, width) + SECTION_GAP;
  paint_section (self, &p, SECTION_SHARED, 0, y, width);
  paint_footer (self, &p, height);
  g_object_unref (p.layout);
  g_object_unref (p.pango);
  cairo_restore (cr);
}
