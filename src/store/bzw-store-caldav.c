/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store-caldav"

#include "config.h"

#include "bzw-store-caldav.h"
#include "bzw-store-private.h"

/* The table sync_items of schema version 7: what the CalDAV sync
 * (src/sync/bzw-caldav-sync.c) remembers of each item in the calendar.
 * The sync writes it inside the transaction of the batch that it belongs
 * to.
 */

void
bzw_sync_item_free (BzwSyncItem *item)
{
  if (item == NULL)
    return;

  g_free (item->uid);
  g_free (item->kind);
  g_free (item->href);
  g_free (item->etag);
  g_free (item->item);
  g_free (item);
}

/**
 * bzw_store_list_sync_items:
 *
 * Returns: (transfer full): a table of uid to #BzwSyncItem, or %NULL
 */
GHashTable *
bzw_store_list_sync_items (BzwStore  *self,
                           GError   **error)
{
  g_autoptr(GHashTable) items = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self, "SELECT uid, kind, href, etag, item FROM sync_items", error);
  if (stmt == NULL)
    return NULL;

  items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                 (GDestroyNotify) bzw_sync_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwSyncItem *item = g_new0 (BzwSyncItem, 1);

      item->uid = _bzw_store_column_dup_text (stmt, 0);
      item->kind = _bzw_store_column_dup_text (stmt, 1);
      item->href = _bzw_store_column_dup_text (stmt, 2);
      item->etag = _bzw_store_column_dup_text (stmt, 3);
      item->item = _bzw_store_column_dup_text (stmt, 4);
      if (item->uid == NULL || item->kind == NULL || item->href == NULL || item->item == NULL)
        {
          bzw_sync_item_free (item);
          continue;
        }
      g_hash_table_replace (items, item->uid, item);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "read the synced journal");
      return NULL;
    }

  return g_steal_pointer (&items);
}

/* Records (or replaces) what the server has of the item @uid. */
gboolean
bzw_store_set_sync_item (BzwStore    *self,
                         const char  *uid,
                         const char  *kind,
                         const char  *href,
                         const char  *etag,
                         const char  *item,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (uid != NULL && kind != NULL && href != NULL && item != NULL, FALSE);

  stmt = _bzw_store_prepare (self,
                             "INSERT OR REPLACE INTO sync_items (uid, kind, href, etag, item)"
                             " VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, href, -1, SQLITE_TRANSIENT);
  _bzw_store_bind_text (stmt, 4, etag);
  sqlite3_bind_text (stmt, 5, item, -1, SQLITE_TRANSIENT);
  return _bzw_store_step_done (self, stmt, error);
}

gboolean
bzw_store_delete_sync_item (BzwStore    *self,
                            const char  *uid,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  stmt = _bzw_store_prepare (self, "DELETE FROM sync_items WHERE uid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  return _bzw_store_step_done (self, stmt, error);
}

/* Adds the rows of @sql (integers and texts) to @checksum. */
static gboolean
add_rows (BzwStore    *self,
          const char  *sql,
          GChecksum   *checksum,
          GError     **error)
{
  sqlite3_stmt *stmt = _bzw_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, i);

        g_checksum_update (checksum, (const guchar *) (text != NULL ? text : ""), -1);
        g_checksum_update (checksum, (const guchar *) "\x1f", 1);
      }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _bzw_store_set_error (self, error, "read the state of the calendar's items");
  return TRUE;
}

/**
 * bzw_store_dup_occasions_state:
 *
 * What the calendar export's occasions are made of, in one short text
 * that changes whenever any of it changes (schema 8): the contacts by
 * their revisions (their number, the sum and the newest of their
 * generations: a contact added or deleted moves them; the sum of the
 * changes of their names, dates, follow-up, snooze, rhythm or archived
 * flag, compared by value), a checksum of their date fields and circles
 * (written anew by every save, so compared by value here) and the counter
 * of the circles, encounters and favours.  An edit of the notes, the role,
 * a phone number does not change it.
 *
 * Returns: (transfer full): the state, or %NULL with an error
 */
char *
bzw_store_dup_occasions_state (BzwStore  *self,
                               GError   **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  if (!add_rows (self,
                 "SELECT count (*), sum (generation), max (generation), sum (dated),"
                 " (SELECT value FROM change_counters WHERE name = 'occasions')"
                 " FROM contact_revisions",
                 checksum, error) ||
      !add_rows (self,
                 "SELECT contact_id, label, value FROM contact_fields WHERE kind = 'date'"
                 " ORDER BY contact_id, position, id",
                 checksum, error) ||
      !add_rows (self, "SELECT contact_id, circle_id FROM contact_circles ORDER BY contact_id, circle_id",
                 checksum, error))
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * bzw_store_dup_journal_state:
 *
 * What the journal's items in the calendar are made of, in one short text
 * that changes whenever any of it may have (schema 10): the counter of the
 * journal's tables and the number of items the sync knows on the server
 * (a sync forgotten or another account starts anew).
 *
 * Returns: (transfer full): the state, or %NULL with an error
 */
char *
bzw_store_dup_journal_state (BzwStore  *self,
                             GError   **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  if (!add_rows (self,
                 "SELECT (SELECT value FROM change_counters WHERE name = 'journal'),"
                 " (SELECT count (*) FROM sync_items WHERE kind IN"
                 " ('encounter', 'favour', 'referral', 'relationship', 'talking-point'))",
                 checksum, error))
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}
