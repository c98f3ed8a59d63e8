/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-export"

#include "config.h"

#include "bzw-map-export.h"

#include "bzw-map-layout.h"
#include "bzw-output-file.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#define MARGIN         32.0
#define MAX_MAP_SIZE   3000.0
#define SETTLE_MS      20000
#define PRINT_ZOOM     2.5

typedef enum
{
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

G_DEFINE_QUARK (bzw-map-export-error-quark, bzw_map_export_error)

static gboolean
format_from_path (const char  *path,
                  Format      *format,
                  GError     **error)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');

  if (dot != NULL)
    {
      if (g_ascii_strcasecmp (dot, ".png") == 0)
        *format = FORMAT_PNG;
      else if (g_ascii_strcasecmp (dot, ".svg") == 0)
        *format = FORMAT_SVG;
      else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
        *format = FORMAT_PDF;
      else
        dot = NULL;
    }

  if (dot == NULL)
    {
      g_set_error (error, BZW_MAP_EXPORT_ERROR, BZW_MAP_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Cannot export the map as “%s”: the file name must end in .png, .svg or .pdf."),
                   base);
      return FALSE;
    }

  return TRUE;
}

static void
draw_page (BzwMapRenderer   *renderer,
           cairo_t          *cr,
           BzwMapView       *view,
           double            map_w,
           double            total_h)
{
  double legend_w, legend_h;

  /* The map fills its area; the legend stands to its right. */
  bzw_map_renderer_draw (renderer, cr, view);
  bzw_map_renderer_measure_legend (renderer, view, &legend_w, &legend_h);
  bzw_map_renderer_draw_legend (renderer, cr, view, map_w, MARGIN);
}

/* Cairo 1.16 writes SVG text as glyph outlines.  So that names can be
 * searched, selected and read by screen readers, the labels are added again
 * as real but transparent <text> over their outlines, as PDF does.
 */
static gboolean
add_svg_text (BzwMapRenderer  *renderer,
              BzwMapGraph     *graph,
              GByteArray      *data,
              GError         **error)
{
  g_autoptr(GString) svg = NULL;
  const char *contents;
  const char *end;
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

  g_byte_array_append (data, (const guint8 *) "", 1);
  contents = (const char *) data->data;

  end = g_strrstr (contents, "</svg>");
  if (end == NULL)
    {
      g_set_error_literal (error, BZW_MAP_EXPORT_ERROR, BZW_MAP_EXPORT_ERROR_FAILED, "</svg>");
      return FALSE;
    }

  svg = g_string_new_len (contents, end - contents);
  g_string_append (svg, "<g fill-opacity=\"0\" font-family=\"Cantarell, sans-serif\" font-size=\"12\">\n");
  for (guint k = 0; k < bzw_map_renderer_get_n_labels (renderer); k++)
    {
      double lx, ly, lw, lh;
      guint i = bzw_map_renderer_get_label (renderer, k, &lx, &ly, &lw, &lh);
      g_autofree char *text = g_markup_escape_text (bzw_map_graph_get_node (graph, i)->label, -1);

      g_string_append_printf (svg, "<text x=\"%s\" y=\"%s\">%s</text>\n",
                              g_ascii_formatd (x, sizeof x, "%.1f", lx),
                              g_ascii_formatd (y, sizeof y, "%.1f", ly + lh * 0.8), text);
    }
  g_string_append (svg, "</g>\n");
  g_string_append (svg, end);

  g_byte_array_set_size (data, 0);
  g_byte_array_append (data, (const guint8 *) svg->str, svg->len);
  return TRUE;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Places the whole map with MARGIN around it and the legend to its
 * right; returns the width of the map's part.
 */
static double
fit_page (BzwMapRenderer *renderer,
          BzwMapGraph    *graph,
          BzwMapView     *view)
{
  double x1, y1, x2, y2;
  double scale, map_w, map_h, legend_w, legend_h, total_w, total_h;

  bzw_map_graph_get_bounds (graph, &x1, &y1, &x2, &y2);
  scale = MIN (1.0, MAX_MAP_SIZE / MAX (MAX (x2 - x1, y2 - y1), 1.0));
  /* Room for the labels under the lowest nodes. */
  map_w = ceil ((x2 - x1) * scale + 2 * MARGIN);
  map_h = ceil ((y2 - y1) * scale + 2 * MARGIN + 16.0);
  bzw_map_renderer_measure_legend (renderer, view, &legend_w, &legend_h);
  total_w = ceil (map_w + legend_w + MARGIN);
  total_h = ceil (MAX (map_h, legend_h + 2 * MARGIN));

  view->width = (int) total_w;
  view->height = (int) total_h;
  view->scale = scale;
  view->offset_x = MARGIN - x1 * scale;
  view->offset_y = (total_h - 16.0 - (y2 - y1) * scale) / 2.0 - y1 * scale;

  return map_w;
}

/* A surface of @format, @width × @height points, that writes into @data;
 * PNG with @scale pixels a point.
 */
static cairo_surface_t *
create_surface (Format      format,
                GByteArray *data,
                double      width,
                double      height,
                int         scale)
{
  switch (format)
    {
    case FORMAT_PNG:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale), (int) (height * scale));
    case FORMAT_SVG:
      return cairo_svg_surface_create_for_stream (append_cb, data, width, height);
    case FORMAT_PDF:
      return cairo_pdf_surface_create_for_stream (append_cb, data, width, height);
    default:
      g_assert_not_reached ();
      return NULL;
    }
}

/* Ends a surface drawn with @cr: a PNG is encoded into @data, the others
 * have written themselves there.
 */
static gboolean
finish_surface (cairo_surface_t  *surface,
                cairo_t          *cr,
                Format            format,
                GByteArray       *data,
                GError          **error)
{
  cairo_status_t status = cairo_status (cr);

  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_cb, data);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, BZW_MAP_EXPORT_ERROR, BZW_MAP_EXPORT_ERROR_FAILED,
                           cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* The whole map with its legend beside it. */
static gboolean
write_surface (BzwMapGraph       *graph,
               Format             format,
               GByteArray        *data,
               const BzwMapView  *options,
               GError           **error)
{
  g_autoptr(BzwMapRenderer) renderer = bzw_map_renderer_new (graph);
  BzwMapView view;
  cairo_surface_t *surface;
  cairo_t *cr;
  double map_w;

  if (options != NULL)
    view = *options;
  else
    bzw_map_view_init (&view, 1, 1);
  view.show_legend = FALSE;
  view.draw_background = TRUE;

  map_w = fit_page (renderer, graph, &view);
  surface = create_surface (format, data, view.width, view.height, 1);
  cr = cairo_create (surface);
  draw_page (renderer, cr, &view, map_w, view.height);
  if (!finish_surface (surface, cr, format, data, error))
    return FALSE;

  if (format == FORMAT_SVG)
    return add_svg_text (renderer, graph, data, error);

  return TRUE;
}

/* The view exactly as given, drawn @scale times its size (the part of the
 * map on the screen is a PNG at twice the size, for sharp pixels).
 */
static gboolean
write_view_surface (BzwMapGraph       *graph,
                    Format             format,
                    GByteArray        *data,
                    const BzwMapView  *view,
                    int                scale,
                    GError           **error)
{
  g_autoptr(BzwMapRenderer) renderer = bzw_map_renderer_new (graph);
  cairo_surface_t *surface = create_surface (format, data, view->width, view->height, scale);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  bzw_map_renderer_draw (renderer, cr, view);
  return finish_surface (surface, cr, format, data, error);
}

/* The one place that writes the output file: the map is drawn into memory
 * (with @view_scale 0 the whole map with its legend, else @view exactly as
 * given at that scale), then a #BzwOutputFile writes it (a regular file
 * under a temporary name, renamed when complete, mode 0600 when new; a
 * device or pipe directly), so a failure leaves no half-written file.
 */
static gboolean
write_file (BzwMapGraph       *graph,
            const char        *path,
            Format             format,
            const BzwMapView  *view,
            int                view_scale,
            GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  gboolean drawn = view_scale == 0
                   ? write_surface (graph, format, data, view, &local_error)
                   : write_view_surface (graph, format, data, view, view_scale, &local_error);

  if (!drawn ||
      !bzw_output_file_set_contents (path, data->data, data->len, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, BZW_MAP_EXPORT_ERROR, BZW_MAP_EXPORT_ERROR_FAILED,
                   _("Cannot write the map to “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Lays out the nodes without a position (seed 0); stored ones stay. */
static void
place_unplaced (BzwMapGraph *graph)
{
  gboolean unplaced = FALSE;

  for (guint i = 1; i < bzw_map_graph_get_n_nodes (graph); i++)
    unplaced |= !bzw_map_graph_get_node (graph, i)->placed;
  if (unplaced)
    {
      g_autoptr(BzwMapLayout) layout = bzw_map_layout_new (graph, 0);

      bzw_map_layout_run_until_settled (layout, SETTLE_MS);
    }
}

/**
 * bzw_map_export_to_file:
 * @path: where to write; the extension (.png, .svg, .pdf) picks the format
 *
 * Writes the map in the light style with its legend beside it.  Nodes
 * without a position are laid out first (seed 0).  The file is written under
 * a temporary name and renamed, so a failure leaves no half-written file.
 *
 * Returns: whether the file was written.
 */
gboolean
bzw_map_export_to_file (BzwMapGraph  *graph,
                        const char   *path,
                        GError      **error)
{
  return bzw_map_export_to_file_full (graph, path, NULL, error);
}

/**
 * bzw_map_export_to_file_full:
 * @options: (nullable): style and filters to export with (its scale, offset
 *   and size are ignored), or %NULL for the defaults
 */
gboolean
bzw_map_export_to_file_full (BzwMapGraph       *graph,
                             const char        *path,
                             const BzwMapView  *options,
                             GError           **error)
{
  Format format;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!format_from_path (path, &format, error))
    return FALSE;

  place_unplaced (graph);
  return write_file (graph, path, format, options, 0, error);
}

/**
 * bzw_map_export_view_to_file:
 * @path: where to write; the extension (.png, .svg, .pdf) picks the format
 * @view: the view to draw as it is: size, scale, offset, style and filters
 *
 * Writes what a view of the map shows, e.g. the part on the screen, at the
 * size of @view (PNG at twice that, for sharp pixels).  A failure leaves no
 * file.
 */
gboolean
bzw_map_export_view_to_file (BzwMapGraph       *graph,
                             const char        *path,
                             const BzwMapView  *view,
                             GError           **error)
{
  BzwMapView drawn;
  Format format;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  if (!format_from_path (path, &format, error))
    return FALSE;

  drawn = *view;
  drawn.hover = -1;
  drawn.draw_background = TRUE;
  drawn.width = MAX (drawn.width, 1);
  drawn.height = MAX (drawn.height, 1);
  return write_file (graph, path, format, &drawn, format == FORMAT_PNG ? 2 : 1, error);
}

/**
 * bzw_map_export_read_store:
 *
 * Reads the map of @store with its stored positions and lays out contacts
 * that have none (seed 0; nothing is written back to the store).
 *
 * Returns: (transfer full): the graph, or %NULL with @error set
 */
BzwMapGraph *
bzw_map_export_read_store (BzwStore  *store,
                           GError   **error)
{
  g_autoptr(BzwMapGraph) graph = NULL;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  graph = bzw_map_graph_new_from_store (store, error);
  if (graph == NULL)
    return NULL;

  place_unplaced (graph);
  return g_steal_pointer (&graph);
}

/**
 * bzw_map_export_draw_fitted:
 * @cr: the area to draw into, starting at (0, 0), in points
 *
 * Draws the whole map fitted into @width × @height in the light style, with
 * a smaller legend to the right or below, whichever leaves the map the
 * larger square: the map page of the printed overview.
 */
void
bzw_map_export_draw_fitted (BzwMapGraph *graph,
                            cairo_t     *cr,
                            double       width,
                            double       height)
{
  const double legend_scale = 0.75;
  const double gap = 12.0;
  g_autoptr(BzwMapRenderer) renderer = NULL;
  BzwMapView view;
  double legend_w, legend_h;
  double right_w, below_h;
  gboolean beside;

  g_return_if_fail (graph != NULL);
  g_return_if_fail (cr != NULL);

  renderer = bzw_map_renderer_new (graph);
  bzw_map_view_init (&view, (int) width, (int) height);
  view.draw_background = FALSE;
  view.style = BZW_MAP_STYLE_LIGHT;
  bzw_map_renderer_measure_legend (renderer, &view, &legend_w, &legend_h);
  legend_w *= legend_scale;
  legend_h *= legend_scale;

  right_w = width - legend_w - gap;
  below_h = height - legend_h - gap;
  beside = MIN (right_w, height) >= MIN (width, below_h);
  if (beside)
    width = MAX (right_w, 1.0);
  else
    height = MAX (below_h, 1.0);

  /* Paper is sharper than a screen: the map is drawn PRINT_ZOOM times as
   * large and shrunk onto the page, so the nodes are large enough for
   * their names, and the names small enough to fit.
   */
  bzw_map_view_init (&view, (int) (width * PRINT_ZOOM), (int) (height * PRINT_ZOOM));
  view.draw_background = FALSE;
  view.style = BZW_MAP_STYLE_LIGHT;
  bzw_map_view_fit (&view, graph, 8.0 * PRINT_ZOOM);
  cairo_save (cr);
  cairo_scale (cr, 1.0 / PRINT_ZOOM, 1.0 / PRINT_ZOOM);
  bzw_map_renderer_draw (renderer, cr, &view);
  cairo_restore (cr);

  cairo_save (cr);
  if (beside)
    cairo_translate (cr, width + gap, 0.0);
  else
    cairo_translate (cr, 0.0, height + gap);
  cairo_scale (cr, legend_scale, legend_scale);
  bzw_map_renderer_draw_legend (renderer, cr, &view, 0.0, 0.0);
  cairo_restore (cr);
}

/**
 * bzw_map_export_store_to_file:
 *
 * What `--export-map=FILE` does: reads the map of @store with its stored
 * positions, lays out contacts that have none (seed 0, nothing is written
 * back to the store) and exports it with bzw_map_export_to_file().
 */
gboolean
bzw_map_export_store_to_file (BzwStore    *store,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(BzwMapGraph) graph = NULL;
  Format format;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Report a wrong file name before reading anything. */
  if (!format_from_path (path, &format, error))
    return FALSE;

  graph = bzw_map_export_read_store (store, error);
  if (graph == NULL)
    return FALSE;

  return write_file (graph, path, format, NULL, 0, error);
}

/**
 * bzw_map_export_window_view:
 *
 * Sets up @view as the map's window of @width × @height pixels shows it
 * after „Einpassen“, with the legend shown, in the light style.
 */
void
bzw_map_export_window_view (BzwMapRenderer *renderer,
                            BzwMapView     *view,
                            int             width,
                            int             height)
{
  g_return_if_fail (renderer != NULL);
  g_return_if_fail (view != NULL);

  bzw_map_view_init (view, width, height);
  view->style = BZW_MAP_STYLE_LIGHT;
  view->highlight_neighbours = TRUE;
  view->show_legend = TRUE;
  bzw_map_renderer_fit_view (renderer, view, BZW_MAP_FIT_MARGIN);
}

/**
 * bzw_map_export_store_sized:
 * @width: in pixels (points for SVG and PDF)
 * @height: in pixels
 *
 * What `--export-map=FILE --map-size=WxH` does: reads the map of @store
 * as bzw_map_export_store_to_file() does and writes what the map's window
 * of that size shows after „Einpassen“ (bzw_map_export_window_view()): the
 * same placement, names and legend, PNG at exactly that size.
 */
gboolean
bzw_map_export_store_sized (BzwStore    *store,
                            const char  *path,
                            int          width,
                            int          height,
                            GError     **error)
{
  g_autoptr(BzwMapGraph) graph = NULL;
  g_autoptr(BzwMapRenderer) renderer = NULL;
  BzwMapView view;
  Format format;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  if (!format_from_path (path, &format, error))
    return FALSE;

  graph = bzw_map_export_read_store (store, error);
  if (graph == NULL)
    return FALSE;

  renderer = bzw_map_renderer_new (graph);
  bzw_map_export_window_view (renderer, &view, width, height);
  return write_file (graph, path, format, &view, 1, error);
}
