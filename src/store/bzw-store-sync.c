/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store-sync"

#include "config.h"

#include "bzw-store-private.h"
#include "bzw-store-sync.h"

/* The table sync_cards of schema version 6: what the CardDAV sync
 * (src/sync/) remembers of each contact on the server.  The sync writes it
 * inside the transaction of the batch that it belongs to.
 */

void
bzw_sync_card_free (BzwSyncCard *card)
{
  if (card == NULL)
    return;

  g_free (card->uid);
  g_free (card->href);
  g_free (card->etag);
  g_free (card->card);
  g_free (card);
}

/**
 * bzw_store_list_sync_cards:
 *
 * Returns: (transfer full): a table of uid to #BzwSyncCard, or %NULL
 */
GHashTable *
bzw_store_list_sync_cards (BzwStore  *self,
                           GError   **error)
{
  g_autoptr(GHashTable) cards = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self, "SELECT uid, href, etag, card FROM sync_cards", error);
  if (stmt == NULL)
    return NULL;

  cards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) bzw_sync_card_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwSyncCard *card = g_new0 (BzwSyncCard, 1);

      card->uid = _bzw_store_column_dup_text (stmt, 0);
      card->href = _bzw_store_column_dup_text (stmt, 1);
      card->etag = _bzw_store_column_dup_text (stmt, 2);
      card->card = _bzw_store_column_dup_text (stmt, 3);
      if (card->uid == NULL || card->href == NULL || card->card == NULL)
        {
          bzw_sync_card_free (card);
          continue;
        }
      g_hash_table_replace (cards, card->uid, card);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "read the synced cards");
      return NULL;
    }

  return g_steal_pointer (&cards);
}

/* Records (or replaces) what the server has of the contact @uid. */
gboolean
bzw_store_set_sync_card (BzwStore    *self,
                         const char  *uid,
                         const char  *href,
                         const char  *etag,
                         const char  *card,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (uid != NULL && href != NULL && card != NULL, FALSE);

  /* A card moved to another href replaces the row of its uid; one href
   * taken over by another uid replaces that row.
   */
  stmt = _bzw_store_prepare (self,
                             "INSERT OR REPLACE INTO sync_cards (uid, href, etag, card) VALUES (?1, ?2, ?3, ?4)",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, href, -1, SQLITE_TRANSIENT);
  _bzw_store_bind_text (stmt, 3, etag);
  sqlite3_bind_text (stmt, 4, card, -1, SQLITE_TRANSIENT);
  return _bzw_store_step_done (self, stmt, error);
}

gboolean
bzw_store_delete_sync_card (BzwStore    *self,
                            const char  *uid,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  stmt = _bzw_store_prepare (self, "DELETE FROM sync_cards WHERE uid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  return _bzw_store_step_done (self, stmt, error);
}

/**
 * bzw_store_list_contact_uids:
 *
 * Returns: (transfer full): a table of every contact's uid (owned
 *   strings) to its id (a #gint64 in a pointer-sized box), or %NULL
 */
GHashTable *
bzw_store_list_contact_uids (BzwStore  *self,
                             GError   **error)
{
  g_autoptr(GHashTable) uids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self, "SELECT uid, id FROM contacts", error);
  if (stmt == NULL)
    return NULL;

  uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 1);
      g_hash_table_replace (uids, _bzw_store_column_dup_text (stmt, 0), id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "read the contacts' uids");
      return NULL;
    }

  return g_steal_pointer (&uids);
}
