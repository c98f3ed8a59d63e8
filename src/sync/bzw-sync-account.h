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

gboolean  bzw_sync_account_connect           (BzwStore             *store,
                                              const char           *url,
                                              const char           *addressbook,
                                              gboolean              allow_http,
                                              GError              **error);
gboolean  bzw_sync_account_disconnect        (BzwStore             *store,
                                              GHashTable          **forgotten,
                                              GError              **error);
gboolean  bzw_sync_account_restore           (BzwStore             *store,
                                              const char           *url,
                                              const char           *addressbook,
                                              gboolean              allow_http,
                                              GHashTable           *rows,
                                              GError              **error);
char     *bzw_sync_account_dup_addressbook   (BzwStore             *store);
gboolean  bzw_sync_account_get_allow_http    (BzwStore             *store);
char     *bzw_sync_account_build_url         (const char           *server,
                                              const char           *user,
                                              GError              **error);
void      bzw_sync_store_password            (const char           *url,
                                              const char           *password,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean  bzw_sync_store_password_finish     (GAsyncResult         *result,
                                              GError              **error);
void      bzw_sync_forget_password           (const char           *url);

G_END_DECLS
