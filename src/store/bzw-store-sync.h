/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* What the CardDAV sync knows of one contact on the server. */
typedef struct
{
  char   *uid;
  char   *href;
  char   *etag;     /* nullable */
  char   *card;     /* the card as last synced, the base of a merge; NULL when not read */
  gint64  revision; /* the contact's revision at which card was its card, 0: unknown */
} BzwSyncCard;

/* A contact's id and its revision (schema 8): a revision that did not
 * move means its card did not change.
 */
typedef struct
{
  gint64 id;
  gint64 revision;
} BzwContactRevision;

void        bzw_sync_card_free             (BzwSyncCard  *card);
GHashTable *bzw_store_list_sync_cards      (BzwStore     *self,
                                            GError      **error);
GHashTable *bzw_store_list_sync_card_states (BzwStore   *self,
                                             GError    **error);
char       *bzw_store_dup_sync_card_text   (BzwStore     *self,
                                            const char   *uid,
                                            GError      **error);
gboolean    bzw_store_set_sync_card        (BzwStore     *self,
                                            const char   *uid,
                                            const char   *href,
                                            const char   *etag,
                                            const char   *card,
                                            GError      **error);
gboolean    bzw_store_record_sync_card     (BzwStore     *self,
                                            const char   *uid,
                                            const char   *href,
                                            const char   *etag,
                                            const char   *card,
                                            gint64        revision,
                                            GError      **error);
gboolean    bzw_store_delete_sync_card     (BzwStore     *self,
                                            const char   *uid,
                                            GError      **error);
GHashTable *bzw_store_list_contact_uids    (BzwStore     *self,
                                            GError      **error);
GHashTable *bzw_store_list_contact_revisions (BzwStore  *self,
                                              GError   **error);
gint64      bzw_store_get_contact_revision (BzwStore     *self,
                                            gint64        id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwSyncCard, bzw_sync_card_free)

G_END_DECLS
