/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the photo reader: the header probe, the bounded
 * decode and what is stored of a photo.
 */

#include "config.h"

#include "bzw-photo.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GBytes *bytes = g_bytes_new_static (data, size);
  GdkPixbuf *pixbuf;
  GBytes *bounded;
  int w, h;

  bzw_photo_get_size (bytes, &w, &h);
  pixbuf = bzw_photo_decode (bytes, 64, NULL);
  g_clear_object (&pixbuf);
  bounded = bzw_photo_bound (bytes, NULL);
  g_clear_pointer (&bounded, g_bytes_unref);

  g_bytes_unref (bytes);
  return 0;
}
