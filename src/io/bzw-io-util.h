/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers shared by the vCard and CSV readers and the writer. */

char     *bzw_io_windows1252_to_utf8 (const char *bytes,
                                      gsize       length);
char     *bzw_io_to_utf8             (const char *bytes,
                                      gsize       length,
                                      const char *charset);
char     *bzw_io_parse_date          (const char *text,
                                      int         omit_year);
char     *bzw_io_apple_label_decode  (const char *label);
char     *bzw_io_apple_label_encode  (const char *label);
gboolean  bzw_io_is_year_unknown     (const char *date);
char     *bzw_io_normalize_name      (const char *name);
gboolean  bzw_io_looks_binary        (const char *data,
                                      gsize       length);
void      bzw_io_set_binary_error    (GError    **error);
char     *bzw_io_read_capped         (const char  *path,
                                      gsize        max,
                                      gsize       *length,
                                      GError     **error);

G_END_DECLS
