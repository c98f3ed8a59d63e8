/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-overview-renderer"

#include "config.h"

#include "bzw-overview-renderer-private.h"

/* The printed contact overview ("Kontaktübersicht").
 *
 * load () reads the selected contacts from the store and turns each into a
 * row of ready-made Pango markup, grouped alphabetically or by circle
 * (bzw-overview-data.c).  paginate () measures every row with Pango for a
 * given page area and places headings and rows on pages: a contact never
 * breaks across pages and a heading never stands alone at the foot of a
 * page (bzw-overview-paginate.c).  draw_page () draws one page onto any
 * cairo_t whose unit is the point, so the print dialog, its preview and the
 * PDF of the command line share one drawing (bzw-overview-paint.c); the
 * map page is drawn by the map core.  write_pdf () puts the pages into a
 * file (bzw-overview-pdf.c).
 *
 * Text is laid out at 72 dpi without hinted metrics or rounded glyph
 * positions, so the measurements of paginate () hold on every surface.
 */

G_DEFINE_FINAL_TYPE (BzwOverviewRenderer, bzw_overview_renderer, G_TYPE_OBJECT)

static void
group_clear (Group *group)
{
  g_free (group->title);
  g_free (group->color);
}

static void
row_clear (Row *row)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (row->cells[i]);
  g_free (row->email_broken);
  g_free (row->notes);
}

void
_bzw_overview_clear_pagination (BzwOverviewRenderer *self)
{
  g_array_set_size (self->placements, 0);
  g_array_set_size (self->pages, 0);
  g_clear_object (&self->layout);
  g_clear_object (&self->pango);
}

void
_bzw_overview_clear_loaded (BzwOverviewRenderer *self)
{
  _bzw_overview_clear_pagination (self);
  g_array_set_size (self->groups, 0);
  g_array_set_size (self->rows, 0);
  g_array_set_size (self->entries, 0);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->date_long, g_free);
  g_clear_pointer (&self->date_short, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->count_text, g_free);
  g_clear_pointer (&self->map_graph, bzw_map_graph_unref);
  self->n_contacts = 0;
  self->loaded = FALSE;
}

static void
bzw_overview_renderer_dispose (GObject *object)
{
  BzwOverviewRenderer *self = BZW_OVERVIEW_RENDERER (object);

  _bzw_overview_clear_pagination (self);
  g_clear_object (&self->store);
  g_clear_object (&self->options);
  G_OBJECT_CLASS (bzw_overview_renderer_parent_class)->dispose (object);
}

static void
bzw_overview_renderer_finalize (GObject *object)
{
  BzwOverviewRenderer *self = BZW_OVERVIEW_RENDERER (object);

  _bzw_overview_clear_loaded (self);
  g_array_unref (self->groups);
  g_array_unref (self->rows);
  g_array_unref (self->entries);
  g_array_unref (self->placements);
  g_array_unref (self->pages);

  G_OBJECT_CLASS (bzw_overview_renderer_parent_class)->finalize (object);
}

static void
bzw_overview_renderer_class_init (BzwOverviewRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bzw_overview_renderer_dispose;
  object_class->finalize = bzw_overview_renderer_finalize;
}

static void
bzw_overview_renderer_init (BzwOverviewRenderer *self)
{
  self->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (self->groups, (GDestroyNotify) group_clear);
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, (GDestroyNotify) row_clear);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
}

/**
 * bzw_overview_renderer_new:
 * @store: the store to read from
 * @options: what to print; read by bzw_overview_renderer_load()
 *
 * Returns: (transfer full): a new renderer
 */
BzwOverviewRenderer *
bzw_overview_renderer_new (BzwStore           *store,
                           BzwOverviewOptions *options)
{
  BzwOverviewRenderer *self;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (options), NULL);

  self = g_object_new (BZW_TYPE_OVERVIEW_RENDERER, NULL);
  self->store = g_object_ref (store);
  self->options = g_object_ref (options);

  return self;
}

/**
 * bzw_overview_renderer_get_n_contacts:
 *
 * Returns: how many different contacts the last load found
 */
guint
bzw_overview_renderer_get_n_contacts (BzwOverviewRenderer *self)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_RENDERER (self), 0);

  return self->n_contacts;
}

/**
 * bzw_overview_renderer_get_due_date:
 * @due: (out caller-allocates): the date printed under „Fällig am“
 *
 * Returns: %TRUE when the last load printed a due date for @contact_id
 */
gboolean
bzw_overview_renderer_get_due_date (BzwOverviewRenderer *self,
                                    gint64               contact_id,
                                    GDate               *due)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_RENDERER (self), FALSE);
  g_return_val_if_fail (due != NULL, FALSE);

  g_date_clear (due, 1);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->contact_id == contact_id && g_date_valid (&row->due))
        {
          *due = row->due;
          return TRUE;
        }
    }

  return FALSE;
}
