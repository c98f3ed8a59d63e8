/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The server's side of the journal items the CalDAV merge found changed
 * here and on the server (sync/bzw-caldav-merge.c), kept until the user
 * settles them (sync/bzw-sync-item-conflicts.c).  They are rows of the
 * meta table with the key "caldav-conflict:UID", so no schema step is
 * needed; writing one announces a change of the journal.
 */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-store-item-conflicts.h"

#include "bzw-store-private.h"

#define PREFIX "caldav-conflict:"

/**
 * bzw_store_list_item_conflicts:
 *
 * Returns: (transfer full): a table of item UID to its conflict lines,
 *   or %NULL with an error
 */
GHashTable *
bzw_store_list_item_conflicts (BzwStore  *self,
                               GError   **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  /* ';' follows ':' in ASCII: every key with the prefix, by the index. */
  stmt = _bzw_store_prepare (self,
                             "SELECT substr (key, 17), value FROM meta "
                             "WHERE key >= 'caldav-conflict:' AND key < 'caldav-conflict;'",
                             error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
      g_hash_table_replace (table, _bzw_store_column_dup_text (stmt, 0),
                            _bzw_store_column_dup_text (stmt, 1));
  if (!_bzw_store_finish_rows (self, stmt, rc, "item conflicts", error))
    return NULL;

  return g_steal_pointer (&table);
}

/**
 * bzw_store_dup_item_conflict:
 *
 * Returns: (transfer full) (nullable): the conflict lines of the item
 *   @uid, or %NULL when it has none
 */
char *
bzw_store_dup_item_conflict (BzwStore   *self,
                             const char *uid)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  key = g_strconcat (PREFIX, uid, NULL);
  return bzw_store_dup_setting (self, key);
}

/**
 * bzw_store_set_item_conflict:
 * @lines: (nullable): the conflict lines, or %NULL (or "") for none
 *
 * Keeps (or forgets) the server's side of the item @uid, in a transaction
 * of its own or as part of the caller's.
 */
gboolean
bzw_store_set_item_conflict (BzwStore    *self,
                             const char  *uid,
                             const char  *lines,
                             GError     **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);

  key = g_strconcat (PREFIX, uid, NULL);
  if (!bzw_store_begin (self, error))
    return FALSE;

  if (lines != NULL && *lines != '\0')
    stmt = _bzw_store_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", error);
  else
    stmt = _bzw_store_prepare (self, "DELETE FROM meta WHERE key = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      if (lines != NULL && *lines != '\0')
        sqlite3_bind_text (stmt, 2, lines, -1, SQLITE_TRANSIENT);
      ok = _bzw_store_step_done (self, stmt, error);
    }
  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_JOURNAL, 0);

  return bzw_store_finish (self, ok, error);
}
