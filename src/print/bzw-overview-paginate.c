/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-overview-renderer"

#include "config.h"

#include "bzw-overview-renderer-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Layout helpers.  One PangoLayout is reused for every piece of text. */

PangoLayout *
_bzw_overview_prepare_layout (BzwOverviewRenderer *self,
                              double               size,
                              gboolean             bold,
                              double               width)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  PangoLayout *layout = self->layout;

  pango_font_description_set_size (font, PT (size));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_spacing (layout, 0);

  return layout;
}

double
_bzw_overview_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

double
_bzw_overview_layout_baseline (PangoLayout *layout)
{
  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

static void
set_letter_spacing (PangoLayout *layout,
                    double       spacing)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PT (spacing)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Pango hyphenates words it breaks; in an e-mail address or a phone
 * number that hyphen would be read as part of it.
 */
static void
set_markup_without_hyphens (PangoLayout *layout,
                            const char  *markup)
{
  PangoAttrList *attrs;

  pango_layout_set_markup (layout, markup, -1);
  attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
  if (attrs == NULL)
    attrs = pango_attr_list_new ();
  pango_attr_list_insert_before (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static double
column_width (BzwOverviewRenderer *self,
              Column               column)
{
  return self->column_x[column + 1] - self->column_x[column];
}

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COL_NAME:
      /* Translators: column of the printed contact overview. */
      return C_("overview", "Name");
    case COL_ORG:
      /* Translators: column of the printed contact overview. */
      return C_("overview", "Organisation / Role");
    case COL_PHONE:
      /* Translators: column of the printed contact overview. */
      return C_("overview", "Phone");
    case COL_EMAIL:
      /* Translators: column of the printed contact overview. */
      return C_("overview", "E-mail");
    case COL_LAST:
      /* Translators: column of the printed contact overview: date of the last encounter. */
      return C_("overview", "Last contact");
    case COL_DUE:
      /* Translators: column of the printed contact overview: when to get in touch next. */
      return C_("overview", "Next due");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

PangoLayout *
_bzw_overview_column_head_layout (BzwOverviewRenderer *self,
                                  Column               column)
{
  g_autofree char *upper = g_utf8_strup (column_title (column), -1);
  PangoLayout *layout = _bzw_overview_prepare_layout (self, COLUMN_HEAD_SIZE, TRUE,
                                        column_width (self, column) - 2 * CELL_PAD_X);

  set_letter_spacing (layout, 0.4);
  pango_layout_set_text (layout, upper, -1);
  return layout;
}

static double
cell_size (Column column)
{
  return column == COL_NAME ? NAME_SIZE : BODY_SIZE;
}

PangoLayout *
_bzw_overview_cell_layout (BzwOverviewRenderer *self,
                           const Row           *row,
                           Column               column)
{
  PangoLayout *layout = _bzw_overview_prepare_layout (self, cell_size (column), FALSE,
                                        column_width (self, column) - 2 * CELL_PAD_X);

  if (column == COL_EMAIL && row->use_email_broken)
    set_markup_without_hyphens (layout, row->email_broken);
  else
    set_markup_without_hyphens (layout, row->cells[column]);
  return layout;
}

double
_bzw_overview_notes_x (BzwOverviewRenderer *self)
{
  return self->column_x[COL_NAME] + CELL_PAD_X + NOTES_INDENT;
}

PangoLayout *
_bzw_overview_notes_layout (BzwOverviewRenderer *self,
                            const Row           *row)
{
  PangoLayout *layout = _bzw_overview_prepare_layout (self, SMALL_SIZE + 0.5, FALSE,
                                        self->width - _bzw_overview_notes_x (self) - CELL_PAD_X);

  /* Very long notes are cut so the contact still fits on one page. */
  pango_layout_set_height (layout, (int) (self->max_notes_height * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  set_markup_without_hyphens (layout, row->notes);
  return layout;
}

/* Measures a row: the first baselines of all cells line up. */
static void
measure_row (BzwOverviewRenderer *self,
             Row                 *row)
{
  double baselines[N_COLUMNS];
  double heights[N_COLUMNS];
  double max_baseline = 0;
  double height = 0;

  row->use_email_broken = FALSE;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      PangoLayout *layout;

      if (row->cells[c] == NULL)
        {
          baselines[c] = heights[c] = 0;
          continue;
        }

      layout = _bzw_overview_cell_layout (self, row, c);

      /* An address too long for the column breaks after its "@". */
      if (c == COL_EMAIL && !row->use_email_broken &&
          pango_layout_get_line_count (layout) > (int) row->n_emails)
        {
          row->use_email_broken = TRUE;
          layout = _bzw_overview_cell_layout (self, row, c);
        }

      baselines[c] = _bzw_overview_layout_baseline (layout);
      heights[c] = _bzw_overview_layout_height (layout);
      max_baseline = MAX (max_baseline, baselines[c]);
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    if (row->cells[c] != NULL)
      height = MAX (height, max_baseline - baselines[c] + heights[c]);

  row->cells_height = height + 2 * CELL_PAD_Y;
  row->notes_height = 0;
  if (row->notes != NULL)
    row->notes_height = _bzw_overview_layout_height (_bzw_overview_notes_layout (self, row)) + CELL_PAD_Y;
}

double
_bzw_overview_row_height (const Row *row)
{
  return row->cells_height + row->notes_height;
}

static double
body_top (BzwOverviewRenderer *self,
          guint                page)
{
  return (page == 0 ? self->first_header_height : self->running_header_height) + self->column_head_height;
}

double
_bzw_overview_body_bottom (BzwOverviewRenderer *self)
{
  return self->height - self->footer_height;
}

/* The widest line of a column over all rows, unbroken. */
static double
widest_cell (BzwOverviewRenderer *self,
             Column               column)
{
  double widest = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->cells[column] == NULL)
        continue;
      set_markup_without_hyphens (_bzw_overview_prepare_layout (self, cell_size (column), FALSE, -1),
                                  row->cells[column]);
      widest = MAX (widest, layout_width (self->layout));
    }
  return widest + 2 * CELL_PAD_X + 1;
}

/* The columns before the dates share @flexible.  Names keep their share.
 * Phone numbers and e-mail addresses are read as a whole, so their
 * columns get the width their longest entry needs, within bounds that
 * leave the organisations room; organisations take what is left and wrap
 * between words.
 */
static void
share_columns (BzwOverviewRenderer *self,
               double               flexible)
{
  double name = flexible * flexible_weights[COL_NAME];
  double room = flexible * (1 - flexible_weights[COL_NAME] - MIN_ORG_SHARE);
  double phone = CLAMP (widest_cell (self, COL_PHONE), flexible * MIN_PHONE_SHARE, flexible * MAX_PHONE_SHARE);
  double email = CLAMP (widest_cell (self, COL_EMAIL), flexible * MIN_EMAIL_SHARE, room - phone);

  self->column_x[COL_NAME] = 0;
  self->column_x[COL_ORG] = name;
  self->column_x[COL_PHONE] = flexible - phone - email;
  self->column_x[COL_EMAIL] = flexible - email;
  self->column_x[COL_LAST] = flexible;
}

static void
measure_chrome (BzwOverviewRenderer *self)
{
  double title;
  double subtitle;
  double widest_date;
  double flexible;
  double x;
  g_autofree char *sample = NULL;
  g_autoptr(GDateTime) wide = g_date_time_new_local (2088, 12, 28, 12, 0, 0);

  pango_layout_set_text (_bzw_overview_prepare_layout (self, TITLE_SIZE, TRUE, -1), "Ag", -1);
  title = _bzw_overview_layout_height (self->layout);
  pango_layout_set_text (_bzw_overview_prepare_layout (self, SUBTITLE_SIZE, FALSE, -1), "Ag", -1);
  subtitle = _bzw_overview_layout_height (self->layout);
  self->first_header_height = title + 2 + subtitle + 8 + 1.2 + 6;

  pango_layout_set_text (_bzw_overview_prepare_layout (self, RUNNING_SIZE, TRUE, -1), "Ag", -1);
  self->running_header_height = _bzw_overview_layout_height (self->layout) + 4 + 0.6 + 6;

  pango_layout_set_text (_bzw_overview_prepare_layout (self, FOOTER_SIZE, FALSE, -1), "Ag", -1);
  self->footer_height = _bzw_overview_layout_height (self->layout) + 8;

  pango_layout_set_text (_bzw_overview_prepare_layout (self, HEADING_SIZE, TRUE, -1), "Ag", -1);
  self->heading_height = HEADING_GAP + _bzw_overview_layout_height (self->layout) + 2 + 0.8 + 1;

  /* The date columns are as wide as the widest date; the rest share what is left. */
  sample = g_date_time_format (wide, _bzw_overview_short_date_format ());
  pango_layout_set_markup (_bzw_overview_prepare_layout (self, BODY_SIZE, TRUE, -1), sample, -1);
  widest_date = layout_width (self->layout) + 2 * CELL_PAD_X + 4;

  flexible = self->width - 2 * widest_date;
  share_columns (self, flexible);
  x = self->column_x[COL_LAST];
  self->column_x[COL_DUE] = x + widest_date;
  self->column_x[N_COLUMNS] = self->width;

  self->column_head_height = 0;
  for (guint c = 0; c < N_COLUMNS; c++)
    self->column_head_height = MAX (self->column_head_height, _bzw_overview_layout_height (_bzw_overview_column_head_layout (self, c)));
  self->column_head_height += 2 * 3.0 + 0.6 + 2;

  self->max_notes_height = (_bzw_overview_body_bottom (self) - body_top (self, 1)) / 2;
}

static void
place (BzwOverviewRenderer *self,
       EntryKind            kind,
       guint                index,
       gboolean             continued,
       gboolean             zebra,
       double               y)
{
  Page *page = &g_array_index (self->pages, Page, self->pages->len - 1);
  Placement placement = { kind, index, continued, zebra, page->n == 0, y };

  g_array_append_val (self->placements, placement);
  page->n++;
}

static void
new_page (BzwOverviewRenderer *self,
          gboolean             is_map)
{
  Page page = { self->placements->len, 0, is_map };

  g_array_append_val (self->pages, page);
}

static double
heading_height_at (BzwOverviewRenderer *self,
                   gboolean             top_of_page)
{
  /* At the top of a page the heading needs no gap above it. */
  return top_of_page ? self->heading_height - HEADING_GAP + 4 : self->heading_height;
}

/* The same metrics on the preview, the printer and PDF. */
static void
create_pango (BzwOverviewRenderer *self,
              cairo_t             *cr)
{
  cairo_font_options_t *font_options;

  self->pango = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (self->pango, 72.0);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->pango, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_language (self->pango, pango_language_get_default ());
  self->layout = pango_layout_new (self->pango);
}

/* Where the next entry goes. */
typedef struct
{
  double   y;
  double   bottom;
  guint    group;
  gboolean zebra;
} Cursor;

static const Page *
last_page (BzwOverviewRenderer *self)
{
  return &g_array_index (self->pages, Page, self->pages->len - 1);
}

static void
place_heading (BzwOverviewRenderer *self,
               Cursor              *cursor,
               guint                i)
{
  const Entry *entry = &g_array_index (self->entries, Entry, i);
  double need = heading_height_at (self, last_page (self)->n == 0);

  /* Keep the heading with the first row under it. */
  if (i + 1 < self->entries->len)
    {
      const Entry *next = &g_array_index (self->entries, Entry, i + 1);

      if (next->kind == ENTRY_ROW)
        need += _bzw_overview_row_height (&g_array_index (self->rows, Row, next->index));
    }

  if (last_page (self)->n > 0 && cursor->y + need > cursor->bottom)
    {
      new_page (self, FALSE);
      cursor->y = body_top (self, self->pages->len - 1);
    }

  need = heading_height_at (self, last_page (self)->n == 0);
  place (self, ENTRY_HEADING, entry->index, FALSE, FALSE, cursor->y);
  cursor->y += need;
  cursor->group = entry->index;
  cursor->zebra = FALSE;
}

static void
place_row (BzwOverviewRenderer *self,
           Cursor              *cursor,
           guint                i)
{
  const Entry *entry = &g_array_index (self->entries, Entry, i);
  double h = _bzw_overview_row_height (&g_array_index (self->rows, Row, entry->index));

  if (last_page (self)->n > 0 && cursor->y + h > cursor->bottom)
    {
      new_page (self, FALSE);
      cursor->y = body_top (self, self->pages->len - 1);

      /* Say which group goes on. */
      if (cursor->group != G_MAXUINT)
        {
          place (self, ENTRY_HEADING, cursor->group, TRUE, FALSE, cursor->y);
          cursor->y += heading_height_at (self, TRUE);
        }
    }

  place (self, ENTRY_ROW, entry->index, FALSE, cursor->zebra, cursor->y);
  cursor->y += h;
  cursor->zebra = !cursor->zebra;
}

/**
 * bzw_overview_renderer_paginate:
 * @cr: a cairo context of the target; its unit must be the point (with
 *   GtkPrintOperation: gtk_print_operation_set_unit (op, GTK_UNIT_POINTS))
 * @width: the width of the area to fill, from the current origin of @cr
 * @height: its height
 *
 * Lays out the loaded overview for pages of the given area.  Call after
 * bzw_overview_renderer_load().
 *
 * Returns: the number of pages, at least 1
 */
int
bzw_overview_renderer_paginate (BzwOverviewRenderer *self,
                                cairo_t             *cr,
                                double               width,
                                double               height)
{
  Cursor cursor = { 0.0, 0.0, G_MAXUINT, FALSE };

  g_return_val_if_fail (BZW_IS_OVERVIEW_RENDERER (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (self->loaded, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  _bzw_overview_clear_pagination (self);
  self->width = width;
  self->height = height;
  create_pango (self, cr);

  measure_chrome (self);
  for (guint i = 0; i < self->rows->len; i++)
    measure_row (self, &g_array_index (self->rows, Row, i));

  cursor.bottom = _bzw_overview_body_bottom (self);
  new_page (self, FALSE);
  cursor.y = body_top (self, 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      if (g_array_index (self->entries, Entry, i).kind == ENTRY_HEADING)
        place_heading (self, &cursor, i);
      else
        place_row (self, &cursor, i);
    }

  if (self->include_map && self->map_graph != NULL)
    new_page (self, TRUE);

  g_debug ("Paginated %u contacts on %u pages", self->n_contacts, self->pages->len);

  return self->pages->len;
}

/**
 * bzw_overview_renderer_get_n_pages:
 *
 * Returns: the number of pages of the last paginate, or 0
 */
int
bzw_overview_renderer_get_n_pages (BzwOverviewRenderer *self)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_RENDERER (self), 0);

  return self->pages->len;
}
