/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-print-pdf"

#include "config.h"

#include "bzw-print-pdf.h"

#include "bzw-output-file.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <unistd.h>

/* Writing a printout as PDF, for the overview and the meeting brief. */

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

double
bzw_print_mm_to_pt (double mm)
{
  return mm / 25.4 * 72.0;
}

/* @reason, or else @saved_errno, says why. */
static void
set_write_error (GError     **error,
                 GQuark       domain,
                 int          code,
                 const char  *path,
                 int          saved_errno,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  if (reason == NULL)
    reason = saved_errno != 0 ? g_strerror (saved_errno) : _("the PDF could not be created.");

  g_set_error (error, domain, code,
               /* Translators: %s is a file name, then the reason. */
               _("Cannot write “%s”: %s"), display, reason);
}

static cairo_status_t
paint_stream (const BzwPrintPdfPage *page,
              BzwPrintPdfPaint       paint,
              gpointer               data,
              WriteClosure          *closure)
{
  double side = bzw_print_mm_to_pt (page->margin_side_mm);
  double top = bzw_print_mm_to_pt (page->margin_top_mm);
  double bottom = bzw_print_mm_to_pt (page->margin_bottom_mm);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_cb, closure, BZW_PRINT_A4_WIDTH, BZW_PRINT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, page->title);
  if (page->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, page->author);

  cr = cairo_create (surface);
  cairo_translate (cr, side, top);
  paint (cr, BZW_PRINT_A4_WIDTH - 2 * side, BZW_PRINT_A4_HEIGHT - top - bottom, data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/**
 * bzw_print_pdf_write:
 * @path: where to write the PDF
 * @page: the margins and the metadata
 * @paint: paints the pages inside the margins of A4
 * @error_domain: (not nullable): the domain of the error on failure
 * @error_code: its code
 *
 * The one place that opens a printout's output file, through a
 * #BzwOutputFile: a regular file is written under a temporary name (0600,
 * or the mode of the file it replaces) and renamed to @path only when
 * complete; a device or pipe is written directly.  On failure nothing is
 * left behind.
 */
gboolean
bzw_print_pdf_write (const char             *path,
                     const BzwPrintPdfPage  *page,
                     BzwPrintPdfPaint        paint,
                     gpointer                data,
                     GQuark                  error_domain,
                     int                     error_code,
                     GError                **error)
{
  g_autoptr(BzwOutputFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  WriteClosure closure = { -1, 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (paint != NULL, FALSE);

  file = bzw_output_file_open (path, &local_error);
  if (file == NULL)
    {
      set_write_error (error, error_domain, error_code, path, 0, local_error->message);
      return FALSE;
    }
  closure.fd = bzw_output_file_get_fd (file);

  if (paint_stream (page, paint, data, &closure) != CAIRO_STATUS_SUCCESS ||
      !bzw_output_file_commit (file, &local_error))
    {
      /* Freeing the file removes what was written of it. */
      set_write_error (error, error_domain, error_code, path, closure.saved_errno,
                       local_error != NULL ? local_error->message : NULL);
      return FALSE;
    }
  return TRUE;
}
