/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-overview-renderer"

#include "config.h"

#include "bzw-overview-renderer-private.h"

#include "bzw-map-export.h"

#include <glib/gi18n-lib.h>

/* Painting one page of the last pagination on a cairo_t. */

static void
set_source_hex (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
set_source_color_string (cairo_t    *cr,
                         const char *color)
{
  PangoColor parsed;

  if (color != NULL && pango_color_parse (&parsed, color))
    cairo_set_source_rgb (cr, parsed.red / 65535.0, parsed.green / 65535.0, parsed.blue / 65535.0);
  else
    set_source_hex (cr, SECONDARY);
}

/* Drawing */

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             guint32      color)
{
  set_source_hex (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width,
       guint32  color)
{
  cairo_new_path (cr);
  set_source_hex (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

/* Shows the title at the top left in @size points; returns its height and
 * sets @baseline.
 */
static double
show_title (BzwOverviewRenderer *self,
            cairo_t             *cr,
            double               size,
            double              *baseline)
{
  PangoLayout *layout = _bzw_overview_prepare_layout (self, size, TRUE, -1);

  /* Translators: the title of the printout. */
  pango_layout_set_text (layout, _("Contact Overview"), -1);
  *baseline = _bzw_overview_layout_baseline (layout);
  show_layout (cr, layout, 0, 0, INK);
  return _bzw_overview_layout_height (layout);
}

/* Shows @text in @size points in the right half, right-aligned, its top
 * at @y, or with @baseline >= 0 its baseline there; returns its height.
 */
static double
show_right (BzwOverviewRenderer *self,
            cairo_t             *cr,
            double               size,
            const char          *text,
            double               y,
            double               baseline)
{
  PangoLayout *layout = _bzw_overview_prepare_layout (self, size, FALSE, self->width / 2);

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, text, -1);
  if (baseline >= 0)
    y = baseline - _bzw_overview_layout_baseline (layout);
  show_layout (cr, layout, self->width / 2, y, SECONDARY);
  return _bzw_overview_layout_height (layout);
}

/* Who printed it and when: „Anna Beispiel · 6. Dezember 2026“. */
static char *
dup_byline (BzwOverviewRenderer *self)
{
  if (self->user_name != NULL)
    return g_strdup_printf ("%s · %s", self->user_name, self->date_long);
  return g_strdup (self->date_long);
}

static void
draw_first_header (BzwOverviewRenderer *self,
                   cairo_t             *cr)
{
  PangoLayout *layout;
  g_autofree char *byline = dup_byline (self);
  double baseline;
  double y;

  y = show_title (self, cr, TITLE_SIZE, &baseline) + 2;
  /* What is printed, right-aligned on the baseline of the title. */
  show_right (self, cr, SUBTITLE_SIZE, self->summary, 0, baseline);

  layout = _bzw_overview_prepare_layout (self, SUBTITLE_SIZE, FALSE, self->width / 2);
  pango_layout_set_text (layout, byline, -1);
  show_layout (cr, layout, 0, y, SECONDARY);

  y += show_right (self, cr, SUBTITLE_SIZE, self->count_text, y, -1) + 8;
  hline (cr, 0, self->width, y + 0.6, 1.2, STRONG_RULE);
}

static void
draw_running_header (BzwOverviewRenderer *self,
                     cairo_t             *cr)
{
  g_autofree char *byline = dup_byline (self);
  double baseline;
  double height;

  height = show_title (self, cr, RUNNING_SIZE, &baseline);
  show_right (self, cr, FOOTER_SIZE, byline, 0, baseline);
  hline (cr, 0, self->width, height + 4 + 0.3, 0.6, STRONG_RULE);
}

static void
draw_footer (BzwOverviewRenderer *self,
             cairo_t             *cr,
             int                  page_nr)
{
  PangoLayout *layout;
  g_autofree char *page_text = NULL;
  double y = self->height - self->footer_height;

  hline (cr, 0, self->width, y + 4, 0.4, RULE);

  layout = _bzw_overview_prepare_layout (self, FOOTER_SIZE, FALSE, self->width / 2);
  /* Translators: in the footer of the printout; %s is the date. */
  page_text = g_strdup_printf (_("As of %s"), self->date_short);
  pango_layout_set_text (layout, page_text, -1);
  show_layout (cr, layout, 0, y + 7, FAINT);
  g_free (page_text);

  layout = _bzw_overview_prepare_layout (self, FOOTER_SIZE, FALSE, self->width / 2);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  /* Translators: in the footer of the printout. */
  page_text = g_strdup_printf (_("Page %d of %d"), page_nr + 1, (int) self->pages->len);
  pango_layout_set_text (layout, page_text, -1);
  show_layout (cr, layout, self->width / 2, y + 7, SECONDARY);
}

static void
draw_column_heads (BzwOverviewRenderer *self,
                   cairo_t             *cr,
                   double               y)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      PangoLayout *layout = _bzw_overview_column_head_layout (self, c);

      show_layout (cr, layout, self->column_x[c] + CELL_PAD_X, y + 3.0, SECONDARY);
    }

  hline (cr, 0, self->width, y + self->column_head_height - 2 - 0.3, 0.6, STRONG_RULE);
}

static void
draw_heading (BzwOverviewRenderer *self,
              cairo_t             *cr,
              const Placement     *placement)
{
  const Group *group = &g_array_index (self->groups, Group, placement->index);
  double y = placement->y + (placement->top ? 4 : HEADING_GAP);
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  PangoLayout *layout;
  double x = 0;
  double baseline;
  double height;

  if (placement->continued)
    /* Translators: a group heading repeated on the next page, e.g. "M (continued)". */
    title = g_strdup_printf (_("%s (continued)"), group->title);
  else
    title = g_strdup (group->title);

  layout = _bzw_overview_prepare_layout (self, HEADING_SIZE, TRUE, -1);
  pango_layout_set_text (layout, title, -1);
  baseline = _bzw_overview_layout_baseline (layout);
  height = _bzw_overview_layout_height (layout);

  if (group->color != NULL)
    {
      double size = HEADING_SIZE * 0.62;

      cairo_new_path (cr);
      set_source_color_string (cr, group->color);
      cairo_arc (cr, size / 2, y + baseline - size / 2 - 0.5, size / 2, 0, 2 * G_PI);
      cairo_fill (cr);
      x = size + 5;
    }

  show_layout (cr, layout, x, y, INK);

  /* A circle says how many it holds; letters speak for themselves. */
  if (self->grouping == BZW_OVERVIEW_GROUPING_CIRCLE)
    {
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts", group->n_rows),
                               group->n_rows);
      layout = _bzw_overview_prepare_layout (self, FOOTER_SIZE, FALSE, self->width / 2);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_text (layout, count, -1);
      show_layout (cr, layout, self->width / 2 - CELL_PAD_X, y + baseline - _bzw_overview_layout_baseline (layout), FAINT);
    }

  hline (cr, 0, self->width, y + height + 2 + 0.4, 0.8, RULE);
}

static void
draw_row (BzwOverviewRenderer *self,
          cairo_t             *cr,
          const Placement     *placement)
{
  const Row *row = &g_array_index (self->rows, Row, placement->index);
  double baselines[N_COLUMNS];
  double max_baseline = 0;
  double y = placement->y;

  if (placement->zebra)
    {
      cairo_new_path (cr);
      set_source_hex (cr, ZEBRA);
      cairo_rectangle (cr, 0, y, self->width, _bzw_overview_row_height (row));
      cairo_fill (cr);
    }

  /* Column rules between the cells; the notes below span the row. */
  cairo_new_path (cr);
  set_source_hex (cr, RULE);
  cairo_set_line_width (cr, 0.4);
  for (guint c = 1; c < N_COLUMNS; c++)
    {
      cairo_move_to (cr, self->column_x[c], y);
      cairo_line_to (cr, self->column_x[c], y + row->cells_height - (row->notes != NULL ? CELL_PAD_Y : 0));
    }
  cairo_stroke (cr);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      baselines[c] = 0;
      if (row->cells[c] == NULL)
        continue;
      baselines[c] = _bzw_overview_layout_baseline (_bzw_overview_cell_layout (self, row, c));
      max_baseline = MAX (max_baseline, baselines[c]);
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      PangoLayout *layout;

      if (row->cells[c] == NULL)
        continue;

      layout = _bzw_overview_cell_layout (self, row, c);
      show_layout (cr, layout, self->column_x[c] + CELL_PAD_X,
                   y + CELL_PAD_Y + max_baseline - baselines[c], INK);
    }

  if (row->notes != NULL)
    {
      PangoLayout *layout = _bzw_overview_notes_layout (self, row);
      double top = y + row->cells_height - CELL_PAD_Y / 2;

      cairo_new_path (cr);
      set_source_hex (cr, RULE);
      cairo_set_line_width (cr, 1.2);
      cairo_move_to (cr, _bzw_overview_notes_x (self) - 5, top + 1);
      cairo_line_to (cr, _bzw_overview_notes_x (self) - 5, top + _bzw_overview_layout_height (layout) - 1);
      cairo_stroke (cr);
      show_layout (cr, layout, _bzw_overview_notes_x (self), top, SECONDARY);
    }
}

static void
draw_map_page (BzwOverviewRenderer *self,
               cairo_t             *cr)
{
  PangoLayout *layout;
  double top = self->running_header_height;
  double height;

  layout = _bzw_overview_prepare_layout (self, HEADING_SIZE, TRUE, -1);
  /* Translators: the heading of the last page of the printout. */
  pango_layout_set_text (layout, _("Relationship Map"), -1);
  show_layout (cr, layout, 0, top + 4, INK);
  top += 4 + _bzw_overview_layout_height (layout) + 8;
  height = _bzw_overview_body_bottom (self) - top - 4;

  if (height <= 0 || self->map_graph == NULL)
    return;

  cairo_save (cr);
  cairo_translate (cr, 0, top);
  cairo_rectangle (cr, 0, 0, self->width, height);
  cairo_clip (cr);
  cairo_new_path (cr);
  bzw_map_export_draw_fitted (self->map_graph, cr, self->width, height);
  cairo_restore (cr);
}

/**
 * bzw_overview_renderer_draw_page:
 * @cr: where to draw: the unit must be the point and the origin the top
 *   left corner of the area given to bzw_overview_renderer_paginate()
 * @page_nr: the page, counted from 0
 *
 * Draws one page of the last pagination.
 */
void
bzw_overview_renderer_draw_page (BzwOverviewRenderer *self,
                                 cairo_t             *cr,
                                 int                  page_nr)
{
  const Page *page;

  g_return_if_fail (BZW_IS_OVERVIEW_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pango != NULL);
  g_return_if_fail (page_nr >= 0 && (guint) page_nr < self->pages->len);

  page = &g_array_index (self->pages, Page, page_nr);

  cairo_save (cr);
  cairo_new_path (cr);

  if (page_nr == 0)
    draw_first_header (self, cr);
  else
    draw_running_header (self, cr);

  if (page->is_map)
    {
      draw_map_page (self, cr);
    }
  else
    {
      draw_column_heads (self, cr, page_nr == 0 ? self->first_header_height : self->running_header_height);

      for (guint i = page->first; i < page->first + page->n; i++)
        {
          const Placement *placement = &g_array_index (self->placements, Placement, i);

          if (placement->kind == ENTRY_HEADING)
            draw_heading (self, cr, placement);
          else
            draw_row (self, cr, placement);
        }
    }

  draw_footer (self, cr, page_nr);
  cairo_restore (cr);
}
