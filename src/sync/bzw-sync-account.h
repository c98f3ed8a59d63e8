/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-carddav-sync.h"
#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_SYNC_PASSWORD_ENV "BZW_SYNC_PASSWORD"

gboolean  bzw_sync_account_set      (BzwStore        *store,
                                     const char      *url,
                                     GError         **error);
char     *bzw_sync_account_dup_url  (BzwStore        *store);
char     *bzw_sync_dup_password     (const char      *url);
gboolean  bzw_sync_account_run      (BzwStore        *store,
                                     BzwSyncSummary  *summary,
                                     GError         **error);

G_END_DECLS
