/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-carddav-sync.h"
#include "bzw-parsed-card.h"
#include "bzw-store-sync.h"
#include "bzw-sync-changes.h"

G_BEGIN_DECLS

/* The state of one sync, shared by bzw-carddav-sync.c (the plan and the
 * requests) and bzw-carddav-apply.c (what a downloaded card does here).
 */
typedef struct
{
  BzwStore       *store;
  BzwDavClient   *client;
  char           *addressbook;  /* unescaped path */
  BzwSyncSummary *summary;
  GHashTable     *rows;         /* uid → BzwSyncCard (its card read only when needed) */
  GHashTable     *uids;         /* uid → BzwContactRevision */
  GHashTable     *texts;        /* uid → the contact as the writer makes it now, for the
                                 * contacts whose revision moved since their row */
  GHashTable     *circle_names; /* gint64 * id → name */
  GHashTable     *circle_ids;   /* casefolded name → gint64 * id */
  gboolean        vcard4;       /* the server takes vCard 4.0; else cards go up as 3.0 */
  gboolean        reread;       /* the pull changed more than the tables follow */
  GPtrArray      *stale;        /* unescaped paths whose upload met a 412 */
} BzwSyncRun;

gboolean        _bzw_sync_read_local   (BzwSyncRun      *run,
                                        GError         **error);
char           *_bzw_sync_write_card   (BzwSyncRun      *run,
                                        BzwContact      *contact);
gboolean        _bzw_sync_changed_here (BzwSyncRun      *run,
                                        const char      *uid);
gboolean        _bzw_sync_apply_card   (BzwSyncRun      *run,
                                        const char      *href,
                                        const char      *etag,
                                        const char      *data,
                                        GError         **error);

G_END_DECLS
