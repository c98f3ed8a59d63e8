/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* What the CardDAV sync knows of one contact on the server. */
typedef struct
{
  char *uid;
  char *href;
  char *etag;  /* nullable */
  char *card;  /* the card as last synced, the base of a merge */
} BzwSyncCard;

void        bzw_sync_card_free             (BzwSyncCard  *card);
GHashTable *bzw_store_list_sync_cards      (BzwStore     *self,
                                            GError      **error);
gboolean    bzw_store_set_sync_card        (BzwStore     *self,
                                            const char   *uid,
                                            const char   *href,
                                            const char   *etag,
                                            const char   *card,
                                            GError      **error);
gboolean    bzw_store_delete_sync_card     (BzwStore     *self,
                                            const char   *uid,
                                            GError      **error);
GHashTable *bzw_store_list_contact_uids    (BzwStore     *self,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwSyncCard, bzw_sync_card_free)

G_END_DECLS
