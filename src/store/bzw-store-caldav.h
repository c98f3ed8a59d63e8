/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* What the CalDAV sync knows of one journal entry, relationship or
 * talking point on the server (table sync_items, schema version 7).
 */
typedef struct
{
  char *uid;
  char *kind;  /* "encounter", "favour", "referral", "relationship", "talking-point" */
  char *href;
  char *etag;  /* nullable */
  char *item;  /* the item as last synced, the base of a merge */
} BzwSyncItem;

void        bzw_sync_item_free          (BzwSyncItem  *item);
GHashTable *bzw_store_list_sync_items   (BzwStore     *self,
                                         GError      **error);
gboolean    bzw_store_set_sync_item     (BzwStore     *self,
                                         const char   *uid,
                                         const char   *kind,
                                         const char   *href,
                                         const char   *etag,
                                         const char   *item,
                                         GError      **error);
gboolean    bzw_store_delete_sync_item  (BzwStore     *self,
                                         const char   *uid,
                                         GError      **error);
char       *bzw_store_dup_occasions_state (BzwStore   *self,
                                           GError    **error);
char       *bzw_store_dup_journal_state (BzwStore   *self,
                                         GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwSyncItem, bzw_sync_item_free)

G_END_DECLS
