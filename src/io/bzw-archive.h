/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "bzw-store.h"

G_BEGIN_DECLS

char     *bzw_archive_write_store  (BzwStore    *store,
                                    GDateTime   *stamp,
                                    gsize       *length,
                                    GError     **error);
gboolean  bzw_archive_export_store (BzwStore    *store,
                                    const char  *path,
                                    GError     **error);
gboolean  bzw_archive_looks_like   (const char  *data,
                                    gsize        length);
gboolean  bzw_archive_split        (const char  *data,
                                    gsize        length,
                                    GBytes     **vcard,
                                    GBytes     **calendar,
                                    GError     **error);

G_END_DECLS
