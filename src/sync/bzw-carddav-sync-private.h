/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-carddav-sync.h"
#include "bzw-parsed-card.h"

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
  GHashTable     *rows;         /* uid → BzwSyncCard */
  GHashTable     *uids;         /* uid → gint64 * id */
  GHashTable     *texts;        /* uid → the contact as the writer makes it now */
  GHashTable     *circle_names; /* gint64 * id → name */
  GHashTable     *circle_ids;   /* casefolded name → gint64 * id */
} BzwSyncRun;

gboolean  _bzw_sync_read_local   (BzwSyncRun   *run,
                                  GError      **error);
char     *_bzw_sync_write_card   (BzwSyncRun   *run,
                                  BzwContact   *contact);
gboolean  _bzw_sync_apply_card   (BzwSyncRun   *run,
                                  const char   *href,
                                  const char   *etag,
                                  const char   *data,
                                  GError      **error);

G_END_DECLS
