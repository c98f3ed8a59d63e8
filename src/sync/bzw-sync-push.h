/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-carddav-sync.h"

G_BEGIN_DECLS

/* How many resources one multiget asks for and one transaction records. */
#define BZW_SYNC_BATCH 50

/* A row of the sync table to write after its upload or delete, in the
 * transaction of its batch.
 */
typedef struct
{
  const char *uid;
  const char *kind;     /* the item's kind (CalDAV), NULL for a card */
  char       *href;
  char       *etag;
  const char *text;     /* what was uploaded; NULL: it was deleted */
  gint64      revision; /* the contact's revision that card is (CardDAV) */
  const char *if_match; /* the ETag the server's copy must still have, NULL for a new one */
} BzwSyncDone;

/* The requests a sync sent and the time it waited, for its summary. */
typedef struct
{
  guint  requests;
  gint64 waited;
} BzwSyncMeter;

/* Writes (or, without text, forgets) one row, inside the transaction. */
typedef gboolean (*BzwSyncRecordFunc) (BzwStore           *store,
                                       const BzwSyncDone  *done,
                                       GError            **error);

/* The push of the CardDAV and the CalDAV sync alike: uploads and deletes,
 * whose rows are recorded a batch at a time.
 */
typedef struct
{
  BzwStore          *store;
  BzwDavClient      *client;
  BzwSyncSummary    *summary;
  BzwSyncRecordFunc  record;
  const char        *content_type; /* of an upload */
  GPtrArray         *stale;        /* nullable: collects the paths whose upload met a 412 */
  GArray            *done;         /* BzwSyncDone waiting for their transaction */
} BzwSyncPush;

void        bzw_sync_meter_start  (BzwSyncMeter       *meter,
                                   BzwDavClient       *client);
void        bzw_sync_meter_stop   (BzwSyncMeter       *meter,
                                   BzwDavClient       *client,
                                   BzwSyncSummary     *summary);
char       *bzw_sync_collection_path (BzwDavClient    *client,
                                   const char         *href,
                                   GError            **error);
char       *bzw_sync_escape_path  (const char         *path);
char       *bzw_sync_new_path     (const char         *collection,
                                   const char         *uid,
                                   const char         *suffix);
GPtrArray  *bzw_sync_batch        (GPtrArray          *all,
                                   guint               start);
GHashTable *bzw_sync_rows_by_path (GHashTable         *rows,
                                   gsize               href_offset);

void        bzw_sync_push_clear   (BzwSyncPush        *push);
gboolean    bzw_sync_push_flush   (BzwSyncPush        *push,
                                   GError            **error);
gboolean    bzw_sync_push_add     (BzwSyncPush        *push,
                                   const BzwSyncDone  *done,
                                   GError            **error);
gboolean    bzw_sync_push_upload  (BzwSyncPush        *push,
                                   const BzwSyncDone  *done,
                                   const char         *body,
                                   GError            **error);
gboolean    bzw_sync_push_put     (BzwSyncPush        *push,
                                   const BzwSyncDone  *done,
                                   const char         *collection,
                                   const char         *suffix,
                                   const char         *href,
                                   const char         *etag,
                                   const char         *body,
                                   GError            **error);
gboolean    bzw_sync_push_delete  (BzwSyncPush        *push,
                                   const BzwSyncDone  *done,
                                   GError            **error);
gboolean    bzw_sync_push_deletes (BzwSyncPush        *push,
                                   GHashTable         *rows,
                                   gsize               href_offset,
                                   gsize               etag_offset,
                                   GHashTable         *keep,
                                   GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BzwSyncPush, bzw_sync_push_clear)

G_END_DECLS
