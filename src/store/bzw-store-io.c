/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-store-io.h"

#include "bzw-store-private.h"

void
bzw_contact_key_free (BzwContactKey *key)
{
  if (key == NULL)
    return;

  g_free (key->uid);
  g_free (key->display_name);
  g_free (key->given_name);
  g_free (key->family_name);
  g_free (key->organisation);
  g_strfreev (key->emails);
  g_free (key);
}

/**
 * bzw_store_list_contact_keys:
 *
 * Lists every contact's id, uid, names, organisation and e-mail addresses
 * in two queries, so an import can match thousands of cards quickly.
 *
 * Returns: (transfer full) (element-type BzwContactKey):
 */
GPtrArray *
bzw_store_list_contact_keys (BzwStore  *self,
                             GError   **error)
{
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) emails = NULL;
  GHashTableIter iter;
  gpointer k;
  gpointer v;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT id, uid, display_name, given_name, family_name, organisation"
                             " FROM contacts ORDER BY id",
                             error);
  if (stmt == NULL)
    return NULL;

  keys = g_ptr_array_new_with_free_func ((GDestroyNotify) bzw_contact_key_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwContactKey *key = g_new0 (BzwContactKey, 1);

      key->id = sqlite3_column_int64 (stmt, 0);
      key->uid = g_strdup (_bzw_store_column_text (stmt, 1));
      key->display_name = g_strdup (_bzw_store_column_text (stmt, 2));
      key->given_name = g_strdup (_bzw_store_column_text (stmt, 3));
      key->family_name = g_strdup (_bzw_store_column_text (stmt, 4));
      key->organisation = g_strdup (_bzw_store_column_text (stmt, 5));
      g_ptr_array_add (keys, key);
      g_hash_table_insert (by_id, &key->id, key);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "list_contact_keys");
      return NULL;
    }

  stmt = _bzw_store_prepare (self,
                             "SELECT contact_id, value FROM contact_fields WHERE kind = 'email'"
                             " ORDER BY contact_id, position",
                             error);
  if (stmt == NULL)
    return NULL;

  emails = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      BzwContactKey *key = g_hash_table_lookup (by_id, &id);
      GPtrArray *list;

      if (key == NULL)
        continue;
      list = g_hash_table_lookup (emails, &key->id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (emails, &key->id, list);
        }
      g_ptr_array_add (list, g_strdup (_bzw_store_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "list_contact_keys");
      return NULL;
    }

  g_hash_table_iter_init (&iter, emails);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      BzwContactKey *key = g_hash_table_lookup (by_id, k);
      GPtrArray *list = v;

      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (list, NULL);
      key->emails = (GStrv) g_ptr_array_free (list, FALSE);
    }

  return g_steal_pointer (&keys);
}

/**
 * bzw_store_find_row_by_uid:
 * @table: "contacts", "encounters", "favours", "referrals",
 *   "relationships", "circles" or "talking_points"
 *
 * Returns: the id of the row of @table with @uid, or 0, so an import can
 *   leave out what is already there.
 */
gint64
bzw_store_find_row_by_uid (BzwStore   *self,
                           const char *table,
                           const char *uid)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (BZW_IS_STORE (self), 0);
  g_return_val_if_fail (table != NULL, 0);

  if (uid == NULL)
    return 0;

  /* One constant statement per table: only these names reach SQL. */
  if (g_str_equal (table, "contacts"))
    stmt = _bzw_store_prepare (self, "SELECT id FROM contacts WHERE uid = ?1", NULL);
  else if (g_str_equal (table, "encounters"))
    stmt = _bzw_store_prepare (self, "SELECT id FROM encounters WHERE uid = ?1", NULL);
  else if (g_str_equal (table, "favours"))
    stmt = _bzw_store_prepare (self, "SELECT id FROM favours WHERE uid = ?1", NULL);
  else if (g_str_equal (table, "referrals"))
    stmt = _bzw_store_prepare (self, "SELECT id FROM referrals WHERE uid = ?1", NULL);
  else if (g_str_equal (table, "relationships"))
    stmt = _bzw_store_prepare (self, "SELECT id FROM relationships WHERE uid = ?1", NULL);
  else if (g_str_equal (table, "circles"))
    stmt = _bzw_store_prepare (self, "SELECT id FROM circles WHERE uid = ?1", NULL);
  else if (g_str_equal (table, "talking_points"))
    stmt = _bzw_store_prepare (self, "SELECT id FROM talking_points WHERE uid = ?1", NULL);
  else
    g_return_val_if_reached (0);

  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  return _bzw_store_step_int64 (stmt, 0);
}
