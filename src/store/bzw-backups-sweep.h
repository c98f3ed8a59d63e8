/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A backup is written as NAME.part and renamed; one that was cut short
 * (the app killed while it ran) leaves the .part behind.
 */
#define BZW_BACKUPS_STALE_PART_SECONDS (10 * 60)

guint _bzw_backups_sweep_parts (const char *dir);

G_END_DECLS
