/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-photo"

#include "config.h"

#include "bzw-photo.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

/* Decoding goes through a GdkPixbufLoader fed in small chunks.  Its
 * "size-prepared" signal comes as soon as the header is read, before the
 * loader allocates the picture: there the size is checked, and a picture
 * that is too large, or one whose size is all that is wanted, gets the size
 * 0 × 0, which makes every loader stop before it allocates anything.
 */

#define CHUNK 4096

typedef struct
{
  int      max_side;   /* 0: only read the size */
  int      width;
  int      height;
  gboolean too_large;
} Probe;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  Probe           *probe)
{
  double scale;

  probe->width = width;
  probe->height = height;

  if (probe->max_side == 0 || width <= 0 || height <= 0 ||
      (gint64) width * height > BZW_PHOTO_MAX_PIXELS)
    {
      probe->too_large = probe->max_side != 0 && width > 0 && height > 0;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  scale = MIN (1.0, (double) probe->max_side / MAX (width, height));
  gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale + 0.5)),
                              MAX (1, (int) (height * scale + 0.5)));
}

/* Feeds @bytes to a loader until it is done or has stopped.  Returns the
 * closed loader of a decoded picture, or %NULL; the probe tells the size
 * either way.
 */
static GdkPixbufLoader *
run_loader (GBytes  *bytes,
            Probe   *probe,
            GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gboolean ok = TRUE;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), probe);

  for (gsize offset = 0; ok && offset < size; offset += CHUNK)
    {
      ok = gdk_pixbuf_loader_write (loader, data + offset, MIN (CHUNK, size - offset), &local_error);
      /* Stopped at the header on purpose. */
      if (probe->width > 0 && (probe->max_side == 0 || probe->too_large))
        {
          gdk_pixbuf_loader_close (loader, NULL);
          return NULL;
        }
    }

  if (ok)
    ok = gdk_pixbuf_loader_close (loader, &local_error);
  else
    gdk_pixbuf_loader_close (loader, NULL);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&loader);
}

/**
 * bzw_photo_get_size:
 *
 * Reads only the header of a picture.
 *
 * Returns: whether @bytes is a picture that gdk-pixbuf can read
 */
gboolean
bzw_photo_get_size (GBytes *bytes,
                    int    *width,
                    int    *height)
{
  Probe probe = { 0 };
  g_autoptr(GdkPixbufLoader) loader = NULL;

  g_return_val_if_fail (bytes != NULL, FALSE);

  loader = run_loader (bytes, &probe, NULL);
  if (width != NULL)
    *width = probe.width;
  if (height != NULL)
    *height = probe.height;

  return probe.width > 0 && probe.height > 0;
}

/**
 * bzw_photo_decode:
 * @max_side: the longest side of the result in pixels
 *
 * Decodes a photo no larger than @max_side on either side, keeping its
 * aspect.  A picture of more than %BZW_PHOTO_MAX_PIXELS pixels is refused
 * from its header, without being decoded; JPEG is scaled while decoding.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL
 */
GdkPixbuf *
bzw_photo_decode (GBytes  *bytes,
                  int      max_side,
                  GError **error)
{
  Probe probe = { max_side, 0, 0, FALSE };
  g_autoptr(GdkPixbufLoader) loader = NULL;
  GdkPixbuf *pixbuf;
  int w, h;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (max_side > 0, NULL);

  loader = run_loader (bytes, &probe, error);
  if (probe.too_large)
    {
      g_clear_error (error);
      g_set_error (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY,
                   /* Translators: why a photo is not read; its size in pixels. */
                   _("it has %d × %d pixels, more than can be read safely"), probe.width, probe.height);
      return NULL;
    }

  pixbuf = loader != NULL ? gdk_pixbuf_loader_get_pixbuf (loader) : NULL;
  if (pixbuf == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                             /* Translators: why a photo is not read. */
                             _("it is not a picture that can be read"));
      return NULL;
    }

  /* A loader that ignored the size asked for. */
  w = gdk_pixbuf_get_width (pixbuf);
  h = gdk_pixbuf_get_height (pixbuf);
  if (MAX (w, h) > max_side)
    {
      double scale = (double) max_side / MAX (w, h);

      return gdk_pixbuf_scale_simple (pixbuf, MAX (1, (int) (w * scale)), MAX (1, (int) (h * scale)),
                                      GDK_INTERP_BILINEAR);
    }

  return g_object_ref (pixbuf);
}

/**
 * bzw_photo_bound:
 *
 * What is stored of a photo: the bytes as they are when the picture is at
 * most %BZW_PHOTO_MAX_SIDE pixels on each side (or not a picture gdk-pixbuf
 * knows: those are kept but never drawn), else the picture scaled down to
 * that and saved as JPEG (PNG when it has transparency).
 *
 * Returns: (transfer full) (nullable): the bytes to store, or %NULL with
 *   @error when the picture is too large to be decoded at all
 */
GBytes *
bzw_photo_bound (GBytes  *bytes,
                 GError **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *buffer = NULL;
  gsize length = 0;
  int w = 0, h = 0;
  gboolean saved;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!bzw_photo_get_size (bytes, &w, &h) ||
      (w <= BZW_PHOTO_MAX_SIDE && h <= BZW_PHOTO_MAX_SIDE))
    return g_bytes_ref (bytes);

  pixbuf = bzw_photo_decode (bytes, BZW_PHOTO_MAX_SIDE, error);
  if (pixbuf == NULL)
    return NULL;

  if (gdk_pixbuf_get_has_alpha (pixbuf))
    saved = gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", error, NULL);
  else
    saved = gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", error, "quality", "90", NULL);
  if (!saved)
    return NULL;

  g_debug ("Photo of %d × %d pixels stored at %d × %d", w, h,
           gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf));
  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}
