/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <sqlite3.h>

#include "bzw-backups.h"

G_BEGIN_DECLS

/* Shared by bzw-backups.c (making and restoring) and bzw-backups-list.c
 * (names, list, checks, rotation).
 */
int         _bzw_backups_open_immutable (const char     *path,
                                         sqlite3       **db);
char       *_bzw_backups_dup_path       (const char     *store_path,
                                         BzwBackupKind   kind,
                                         GDateTime      *now);
GPtrArray  *_bzw_backups_list_sorted    (const char     *store_path,
                                         gboolean        details,
                                         GError        **error);

G_END_DECLS
