/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store-private.h"

G_BEGIN_DECLS

#define BZW_SCHEMA_VERSION 10

char     *_bzw_migrations_dup_backup_dir (BzwStore  *store);
const char *_bzw_migrations_get_script   (int        version);
gboolean  _bzw_migrations_run            (BzwStore  *store,
                                          int        from_version,
                                          GError   **error);

G_END_DECLS
