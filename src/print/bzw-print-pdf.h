/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A4 in points. */
#define BZW_PRINT_A4_WIDTH   595.2756
#define BZW_PRINT_A4_HEIGHT  841.8898

/* The page of a printout: its margins and the PDF's metadata. */
typedef struct
{
  double      margin_side_mm;
  double      margin_top_mm;
  double      margin_bottom_mm;
  const char *title;
  const char *author;   /* nullable */
} BzwPrintPdfPage;

/* Paints every page on @cr, its origin at the top left corner inside the
 * margins of an A4 page, @width × @height points inside them; each page
 * ends with cairo_show_page().
 */
typedef void (*BzwPrintPdfPaint) (cairo_t  *cr,
                                  double    width,
                                  double    height,
                                  gpointer  data);

double   bzw_print_mm_to_pt   (double                 mm);
gboolean bzw_print_pdf_write  (const char             *path,
                               const BzwPrintPdfPage  *page,
                               BzwPrintPdfPaint        paint,
                               gpointer                data,
                               GQuark                  error_domain,
                               int                     error_code,
                               GError                **error);

G_END_DECLS
