/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store-sync"

#include "config.h"

#include "bzw-store-private.h"
#include "bzw-store-sync.h"

/* The table sync_cards of schema version 6: what the CardDAV sync
 * (src/sync/) remembers of each contact on the server.  The sync writes it
 * inside the transaction of the batch that it belongs to.  Schema 8 adds
 * the contact's revision (contact_revisions, kept by triggers) at which
 * the row's card was the contact's card, so the sync writes as vCard only
 * the contacts whose revision moved on.
 */

/* A contact's revision: its generation (never given twice) above its
 * changes since.
 */
#define REVISION_SQL "(r.generation * 4294967296 + r.bumps)"

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

/* The rows of @stmt (uid, href, etag, revision, card or NULL). */
static GHashTable *
read_sync_cards (BzwStore      *self,
                 sqlite3_stmt  *stmt,
                 gboolean       with_card,
                 GError       **error)
{
  g_autoptr(GHashTable) cards = NULL;
  int rc;

  cards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) bzw_sync_card_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwSyncCard *card = g_new0 (BzwSyncCard, 1);

      card->uid = _bzw_store_column_dup_text (stmt, 0);
      card->href = _bzw_store_column_dup_text (stmt, 1);
      card->etag = _bzw_store_column_dup_text (stmt, 2);
      card->revision = sqlite3_column_int64 (stmt, 3);
      card->card = with_card ? _bzw_store_column_dup_text (stmt, 4) : NULL;
      if (card->uid == NULL || card->href == NULL || (with_card && card->card == NULL))
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

/**
 * bzw_store_list_sync_cards:
 *
 * Returns: (transfer full): a table of uid to #BzwSyncCard, or %NULL
 */
GHashTable *
bzw_store_list_sync_cards (BzwStore  *self,
                           GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self, "SELECT uid, href, etag, coalesce (revision, 0), card FROM sync_cards",
                             error);
  return stmt != NULL ? read_sync_cards (self, stmt, TRUE, error) : NULL;
}

/**
 * bzw_store_list_sync_card_states:
 *
 * The rows of sync_cards without their cards (%NULL): what a sync needs
 * of a contact that did not change.  bzw_store_dup_sync_card_text() reads
 * the card of one.
 *
 * Returns: (transfer full): a table of uid to #BzwSyncCard, or %NULL
 */
GHashTable *
bzw_store_list_sync_card_states (BzwStore  *self,
                                 GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self, "SELECT uid, href, etag, coalesce (revision, 0) FROM sync_cards", error);
  return stmt != NULL ? read_sync_cards (self, stmt, FALSE, error) : NULL;
}

/**
 * bzw_store_dup_sync_card_text:
 *
 * Returns: (transfer full): the card last synced of the contact @uid, or
 *   %NULL (with an error only when reading failed)
 */
char *
bzw_store_dup_sync_card_text (BzwStore    *self,
                              const char  *uid,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  char *card = NULL;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self, "SELECT card FROM sync_cards WHERE uid = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    card = _bzw_store_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _bzw_store_set_error (self, error, "read a synced card");
  return card;
}

/* Records (or replaces) what the server has of the contact @uid; its
 * revision is unknown, so the next sync compares the contact's card.
 */
gboolean
bzw_store_set_sync_card (BzwStore    *self,
                         const char  *uid,
                         const char  *href,
                         const char  *etag,
                         const char  *card,
                         GError     **error)
{
  return bzw_store_record_sync_card (self, uid, href, etag, card, 0, error);
}

/**
 * bzw_store_record_sync_card:
 * @revision: the contact's revision at which @card was its card, or 0
 *   when it is not (a merge to upload) or unknown
 *
 * Records (or replaces) what the server has of the contact @uid.
 */
gboolean
bzw_store_record_sync_card (BzwStore    *self,
                            const char  *uid,
                            const char  *href,
                            const char  *etag,
                            const char  *card,
                            gint64       revision,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (uid != NULL && href != NULL && card != NULL, FALSE);

  /* A card moved to another href replaces the row of its uid; one href
   * taken over by another uid replaces that row.
   */
  stmt = _bzw_store_prepare (self,
                             "INSERT OR REPLACE INTO sync_cards (uid, href, etag, card, revision)"
                             " VALUES (?1, ?2, ?3, ?4, nullif (?5, 0))",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, href, -1, SQLITE_TRANSIENT);
  _bzw_store_bind_text (stmt, 3, etag);
  sqlite3_bind_text (stmt, 4, card, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, revision);
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

/**
 * bzw_store_list_contact_revisions:
 *
 * Returns: (transfer full): a table of every contact's uid (owned
 *   strings) to its #BzwContactRevision, or %NULL
 */
GHashTable *
bzw_store_list_contact_revisions (BzwStore  *self,
                                  GError   **error)
{
  g_autoptr(GHashTable) uids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT c.uid, c.id, coalesce (" REVISION_SQL ", 0) FROM contacts c"
                             " LEFT JOIN contact_revisions r ON r.contact_id = c.id",
                             error);
  if (stmt == NULL)
    return NULL;

  uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwContactRevision *contact = g_new (BzwContactRevision, 1);

      contact->id = sqlite3_column_int64 (stmt, 1);
      contact->revision = sqlite3_column_int64 (stmt, 2);
      g_hash_table_replace (uids, _bzw_store_column_dup_text (stmt, 0), contact);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "read the contacts' revisions");
      return NULL;
    }

  return g_steal_pointer (&uids);
}

/**
 * bzw_store_get_contact_revision:
 *
 * Returns: the revision of the contact @id (see schema 8), 0 when there
 *   is none or it cannot be read
 */
gint64
bzw_store_get_contact_revision (BzwStore *self,
                                gint64    id)
{
  sqlite3_stmt *stmt;
  gint64 revision = 0;

  g_return_val_if_fail (BZW_IS_STORE (self), 0);

  stmt = _bzw_store_prepare (self, "SELECT " REVISION_SQL " FROM contact_revisions r WHERE r.contact_id = ?1",
                             NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    revision = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return revision;
}
