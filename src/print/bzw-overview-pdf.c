/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-overview-renderer"

#include "config.h"

#include "bzw-output-file.h"
#include "bzw-overview-renderer-private.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <unistd.h>

/* PDF */

typedef struct
{
  int      fd;
  int      saved_errno;
} WriteClosure;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *w = closure;

  while (length > 0)
    {
      ssize_t n = write (w->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          w->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }

      data += n;
      length -= n;
    }

  return CAIRO_STATUS_SUCCESS;
}

static double
mm_to_pt (double mm)
{
  return mm / 25.4 * 72.0;
}

/* @reason, or else @saved_errno, says why. */
static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  if (reason == NULL)
    reason = saved_errno != 0 ? g_strerror (saved_errno) : _("the PDF could not be created.");

  g_set_error (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_WRITE,
               /* Translators: %s is a file name, then the reason. */
               _("Cannot write “%s”: %s"), display, reason);
}

/* Paints every page on a PDF stream of A4 pages. */
static cairo_status_t
paint_pdf (BzwOverviewRenderer *self,
           cairo_write_func_t   write_func,
           gpointer             closure)
{
  double side = mm_to_pt (BZW_OVERVIEW_MARGIN_SIDE_MM);
  double top = mm_to_pt (BZW_OVERVIEW_MARGIN_TOP_MM);
  double bottom = mm_to_pt (BZW_OVERVIEW_MARGIN_BOTTOM_MM);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int n_pages;

  surface = cairo_pdf_surface_create_for_stream (write_func, closure,
                                                 BZW_OVERVIEW_A4_WIDTH, BZW_OVERVIEW_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Contact Overview"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  if (self->user_name != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->user_name);

  cr = cairo_create (surface);
  cairo_translate (cr, side, top);
  n_pages = bzw_overview_renderer_paginate (self, cr,
                                            BZW_OVERVIEW_A4_WIDTH - 2 * side,
                                            BZW_OVERVIEW_A4_HEIGHT - top - bottom);
  for (int i = 0; i < n_pages; i++)
    {
      bzw_overview_renderer_draw_page (self, cr, i);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/* The one place that opens the output file, through a #BzwOutputFile: a
 * regular file is written under a temporary name (0600, or the mode of the
 * file it replaces) and renamed to @path only when complete; a device or
 * pipe is written directly.  On failure nothing is left behind.
 */
static gboolean
write_file (BzwOverviewRenderer  *self,
            const char           *path,
            GError              **error)
{
  g_autoptr(BzwOutputFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  WriteClosure closure = { -1, 0 };

  file = bzw_output_file_open (path, &local_error);
  if (file == NULL)
    {
      set_write_error (error, path, 0, local_error->message);
      return FALSE;
    }
  closure.fd = bzw_output_file_get_fd (file);

  if (paint_pdf (self, write_cb, &closure) != CAIRO_STATUS_SUCCESS ||
      !bzw_output_file_commit (file, &local_error))
    {
      /* Freeing the file removes what was written of it. */
      set_write_error (error, path, closure.saved_errno,
                       local_error != NULL ? local_error->message : NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * bzw_overview_renderer_write_pdf:
 * @path: where to write the PDF
 *
 * Loads the overview (when not loaded yet), lays it out on A4 and writes it
 * as PDF (see write_file()).  With nothing to print no file is written.
 */
gboolean
bzw_overview_renderer_write_pdf (BzwOverviewRenderer  *self,
                                 const char           *path,
                                 GError              **error)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_RENDERER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!self->loaded && !bzw_overview_renderer_load (self, error))
    return FALSE;

  return write_file (self, path, error);
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
