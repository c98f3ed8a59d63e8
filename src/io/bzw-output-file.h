/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file that an export writes.  A regular file (or a new one) is written
 * under a temporary name beside it and renamed into place on commit: a new
 * file gets mode 0600, an existing one keeps its mode.  A character device
 * or a FIFO (/dev/stdout, a pipe, a terminal) is written directly, so it is
 * never replaced.  Anything else (a folder, a socket, a block device) is
 * refused.
 */
typedef struct _BzwOutputFile BzwOutputFile;

BzwOutputFile *bzw_output_file_open         (const char     *path,
                                             GError        **error);
int            bzw_output_file_get_fd       (BzwOutputFile  *self);
gboolean       bzw_output_file_is_direct    (BzwOutputFile  *self);
gboolean       bzw_output_file_write        (BzwOutputFile  *self,
                                             const void     *data,
                                             gsize           length,
                                             GError        **error);
gboolean       bzw_output_file_commit       (BzwOutputFile  *self,
                                             GError        **error);
void           bzw_output_file_free         (BzwOutputFile  *self);
gboolean       bzw_output_file_set_contents (const char     *path,
                                             const void     *data,
                                             gsize           length,
                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwOutputFile, bzw_output_file_free)

G_END_DECLS
