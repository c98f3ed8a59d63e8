/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-sync-changes.h"
#include "bzw-sync-push.h"

G_BEGIN_DECLS

/* One resource downloaded. */
typedef struct
{
  char *path; /* unescaped */
  char *etag;
  char *data;
} BzwSyncFetched;

/* What a downloaded resource does here, inside the transaction of its batch. */
typedef gboolean (*BzwSyncApplyFunc) (gpointer         user_data,
                                      BzwSyncFetched  *fetched,
                                      GError         **error);

/* What the row of a synced resource the server no longer has does here,
 * inside the transaction of the pull's deletes.
 */
typedef gboolean (*BzwSyncGoneFunc) (gpointer   user_data,
                                     gpointer   row,
                                     GError   **error);

/* The pull of the CardDAV and the CalDAV sync alike: what to fetch, the
 * multigets in batches applied one transaction each, and the synced
 * resources gone on the server.
 */
typedef struct
{
  BzwStore               *store;
  BzwDavClient           *client;
  const char             *collection;  /* unescaped path */
  const BzwSyncStateKeys *keys;        /* where the collection's state is remembered */
  gboolean                calendar;    /* calendar-multiget, else addressbook-multiget */
  gsize                   href_offset; /* of the href in a row of the sync table */
  gsize                   etag_offset; /* … and of its ETag */
  BzwSyncRecordFunc       record;      /* forgets a row (a BzwSyncDone without text) */
  BzwSyncApplyFunc        apply;
  BzwSyncGoneFunc         gone;
  gpointer                user_data;
} BzwSyncPull;

BzwSyncFetched *bzw_sync_fetched_copy (const BzwSyncFetched  *fetched);
void            bzw_sync_fetched_free (gpointer               fetched);
GPtrArray      *bzw_sync_pull_wanted  (BzwSyncPull           *pull,
                                       BzwSyncChanges        *changes,
                                       GHashTable            *rows,
                                       GHashTable            *known);
gboolean        bzw_sync_pull_apply   (BzwSyncPull           *pull,
                                       GPtrArray             *fetched,
                                       GError               **error);
gboolean        bzw_sync_pull_fetch   (BzwSyncPull           *pull,
                                       GPtrArray             *paths,
                                       GError               **error);
gboolean        bzw_sync_pull_deletes (BzwSyncPull           *pull,
                                       BzwSyncChanges        *changes,
                                       GHashTable            *rows,
                                       GError               **error);

G_END_DECLS
