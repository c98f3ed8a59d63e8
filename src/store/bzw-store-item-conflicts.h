/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* What the CalDAV merge kept of the server's side of a journal entry,
 * relationship or talking point changed here and there (the meta table,
 * one key per item): per property of the item, lines "NAME\tLINE", LINE
 * the server's content line, empty when the server has none.
 */

GHashTable *bzw_store_list_item_conflicts (BzwStore    *self,
                                           GError     **error);
char       *bzw_store_dup_item_conflict   (BzwStore    *self,
                                           const char  *uid);
gboolean    bzw_store_set_item_conflict   (BzwStore    *self,
                                           const char  *uid,
                                           const char  *lines,
                                           GError     **error);

G_END_DECLS
