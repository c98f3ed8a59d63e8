/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

/* Contact photos are kept at most this many pixels on their longer side. */
#define BZW_PHOTO_MAX_SIDE   512
/* A picture of more pixels than this is never decoded: its header is read
 * and it is refused (a 389 KB PNG can claim 20,000 × 20,000 pixels).
 */
#define BZW_PHOTO_MAX_PIXELS (24 * 1000 * 1000)

gboolean   bzw_photo_get_size (GBytes  *bytes,
                               int     *width,
                               int     *height);
GdkPixbuf *bzw_photo_decode   (GBytes  *bytes,
                               int      max_side,
                               GError **error);
GBytes    *bzw_photo_bound    (GBytes  *bytes,
                               GError **error);

G_END_DECLS
