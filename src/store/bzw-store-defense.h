/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The app opens files the user chooses: every connection checks cell sizes,
 * and one that has not proven the schema ours trusts nothing in it.
 */
void     _bzw_store_defend_connection (sqlite3  *db,
                                       gboolean  trust_schema);
int      _bzw_store_check_schema      (sqlite3  *db,
                                       int       version,
                                       gboolean *ours);

G_END_DECLS
