/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-overview-renderer"

#include "config.h"

#include "bzw-overview-renderer-private.h"

#include "bzw-print-pdf.h"

#include <glib/gi18n-lib.h>

static void
paint_pdf (cairo_t  *cr,
           double    width,
           double    height,
           gpointer  data)
{
  BzwOverviewRenderer *self = data;
  int n_pages = bzw_overview_renderer_paginate (self, cr, width, height);

  for (int i = 0; i < n_pages; i++)
    {
      bzw_overview_renderer_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
}

/**
 * bzw_overview_renderer_write_pdf:
 * @path: where to write the PDF
 *
 * Loads the overview (when not loaded yet), lays it out on A4 and writes it
 * as PDF (see bzw_print_pdf_write()).  With nothing to print no file is written.
 */
gboolean
bzw_overview_renderer_write_pdf (BzwOverviewRenderer  *self,
                                 const char           *path,
                                 GError              **error)
{
  BzwPrintPdfPage page = {
    BZW_OVERVIEW_MARGIN_SIDE_MM, BZW_OVERVIEW_MARGIN_TOP_MM, BZW_OVERVIEW_MARGIN_BOTTOM_MM,
    _("Contact Overview"), NULL
  };

  g_return_val_if_fail (BZW_IS_OVERVIEW_RENDERER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!self->loaded && !bzw_overview_renderer_load (self, error))
    return FALSE;

  page.author = self->user_name;
  return bzw_print_pdf_write (path, &page, paint_pdf, self, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_WRITE, error);
}

/**
 * bzw_overview_write_pdf:
 * @store: the store
 * @options: what to print
 * @path: where to write the PDF
 *
 * Writes the contact overview as an A4 PDF, with the relationship map as
 * the last page when @options ask for it.  Nothing is written when the
 * selection is empty: the error is then %BZW_OVERVIEW_ERROR_EMPTY.
 */
gboolean
bzw_overview_write_pdf (BzwStore            *store,
                        BzwOverviewOptions  *options,
                        const char          *path,
                        GError             **error)
{
  g_autoptr(BzwOverviewRenderer) renderer = NULL;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (options), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  renderer = bzw_overview_renderer_new (store, options);
  if (!bzw_overview_renderer_load (renderer, error))
    return FALSE;

  return bzw_overview_renderer_write_pdf (renderer, path, error);
}
