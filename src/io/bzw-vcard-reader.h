/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "bzw-parsed-card.h"

G_BEGIN_DECLS

/* Larger photos are left out (and reported); larger lines end the card. */
#define BZW_VCARD_MAX_PHOTO_SIZE (8 * 1024 * 1024)
#define BZW_VCARD_MAX_LINE_SIZE  (16 * 1024 * 1024)

gboolean        bzw_vcard_reader_looks_like (const char *data,
                                             gsize       length);
BzwParseResult *bzw_vcard_reader_parse      (const char *data,
                                             gsize       length);

G_END_DECLS
