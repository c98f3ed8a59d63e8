/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A set of row ids as a bitmap: membership is one memory read, which
 * lets search as you type filter a list order held in memory instead of
 * sorting its matches in SQL again for every keystroke.
 */
typedef struct _BzwIdSet BzwIdSet;

BzwIdSet *bzw_id_set_new          (void);
void      bzw_id_set_free         (BzwIdSet      *self);
void      bzw_id_set_add          (BzwIdSet      *self,
                                   gint64         id);
gboolean  bzw_id_set_contains     (const BzwIdSet *self,
                                   gint64         id);
guint     bzw_id_set_get_size     (const BzwIdSet *self);
gint64    bzw_id_set_next         (const BzwIdSet *self,
                                   gint64          after);
gboolean  bzw_id_set_add_rows     (BzwIdSet      *self,
                                   sqlite3_stmt  *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwIdSet, bzw_id_set_free)

G_END_DECLS
