/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-dav-client.h"
#include "bzw-dav-multistatus.h"
#include "bzw-store.h"

G_BEGIN_DECLS

/* What changed in a collection on the server since the last sync. */
typedef struct
{
  GHashTable *changed;   /* unescaped path → ETag: members new or changed (all of them when complete) */
  GHashTable *gone;      /* unescaped paths deleted there (when not complete) */
  gboolean    complete;  /* changed lists every member: a synced member not in it is gone */
  gboolean    unchanged; /* the ctag says nothing changed: the state stays as it is */
  char       *ctag;      /* the collection's state to remember after the pull, nullable */
  char       *token;     /* the sync-token to remember, nullable */
} BzwSyncChanges;

/* Where a collection's state is remembered (settings of the database),
 * and what else its Depth 0 PROPFIND asks.
 */
typedef struct
{
  const char *collection_key;
  const char *ctag_key;
  const char *token_key;
  const char *props;
} BzwSyncStateKeys;

char           *bzw_sync_member_path   (BzwDavClient            *client,
                                        const char              *href);
BzwSyncChanges *bzw_sync_changes_list  (BzwStore                *store,
                                        BzwDavClient            *client,
                                        const char              *path,
                                        const BzwSyncStateKeys  *keys,
                                        BzwDavResponse         **collection,
                                        GError                 **error);
gboolean        bzw_sync_changes_save  (BzwStore                *store,
                                        BzwDavClient            *client,
                                        const char              *path,
                                        const BzwSyncStateKeys  *keys,
                                        BzwSyncChanges          *changes,
                                        GError                 **error);
gboolean        bzw_sync_changes_forget (BzwStore               *store,
                                        const BzwSyncStateKeys  *keys,
                                        GError                 **error);
gboolean        bzw_sync_changes_is_gone (BzwSyncChanges        *changes,
                                        const char              *path);
void            bzw_sync_changes_free  (BzwSyncChanges          *changes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwSyncChanges, bzw_sync_changes_free)

G_END_DECLS
