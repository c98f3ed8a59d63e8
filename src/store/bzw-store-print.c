/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-store-print.h"
#include "bzw-store-private.h"

/* Bulk reads for the printed contact overview: four statements for any
 * number of contacts instead of four per contact.  The wanted ids are bound
 * as one JSON array and read back with json_each (), so the SQL stays
 * constant and every value is a bound parameter.
 */

#define WANTED_IDS "(SELECT value FROM json_each (?1))"

static char *
ids_to_json (GArray *ids)
{
  GString *json = g_string_sized_new (16 + ids->len * 8);

  g_string_append_c (json, '[');
  for (guint i = 0; i < ids->len; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_printf (json, "%" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static gboolean
finish_rows (BzwStore      *self,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  gboolean ok = rc == SQLITE_DONE;

  if (!ok)
    _bzw_store_set_error (self, error, "list_contacts_for_print");
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* Prepares @sql, whose ?1 is the JSON list of wanted ids. */
static sqlite3_stmt *
prepare_for_ids (BzwStore    *self,
                 const char  *sql,
                 const char  *json,
                 GError     **error)
{
  sqlite3_stmt *stmt = _bzw_store_prepare (self, sql, error);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  return stmt;
}

/* The contacts themselves, in list order, and an index of them by id. */
static gboolean
read_contacts (BzwStore    *self,
               const char  *json,
               GPtrArray   *contacts,
               GHashTable  *by_id,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_for_ids (self,
                          /* Without the photos; the last encounters follow. */
                          "SELECT " BZW_CONTACT_COLUMNS ("NULL") ", 0"
                          " FROM contacts c WHERE c.id IN " WANTED_IDS
                          " ORDER BY c.sort_key, c.id",
                          json, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwContact *c = bzw_contact_new ();

      _bzw_store_read_contact_columns (stmt, c);
      g_ptr_array_add (contacts, c);
    }
  if (!finish_rows (self, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < contacts->len; i++)
    {
      BzwContact *c = g_ptr_array_index (contacts, i);

      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { bzw_contact_get_id (c) }, sizeof (gint64)), c);
    }
  return TRUE;
}

/* Fields, in their order. */
static gboolean
read_fields (BzwStore    *self,
             const char  *json,
             GHashTable  *by_id,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_for_ids (self,
                          "SELECT contact_id, kind, label, value, pref FROM contact_fields"
                          " WHERE contact_id IN " WANTED_IDS
                          " ORDER BY contact_id, position, id",
                          json, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      BzwContact *c = g_hash_table_lookup (by_id, &id);
      BzwFieldKind kind;
      GPtrArray *fields;

      if (c == NULL || !bzw_field_kind_from_string (_bzw_store_column_text (stmt, 1), &kind))
        continue;

      bzw_contact_add_field (c, kind, _bzw_store_column_text (stmt, 2), _bzw_store_column_text (stmt, 3));
      fields = bzw_contact_get_fields (c);
      ((BzwContactField *) g_ptr_array_index (fields, fields->len - 1))->pref = sqlite3_column_int (stmt, 4);
    }
  return finish_rows (self, stmt, rc, error);
}

/* Circles, in circle order.  The rows come grouped by contact: one
 * contact's circles are collected, then handed over when the next begins.
 */
static gboolean
read_circles (BzwStore    *self,
              const char  *json,
              GHashTable  *by_id,
              GError     **error)
{
  g_autoptr(GArray) circle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 current = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_for_ids (self,
                          "SELECT cc.contact_id, cc.circle_id FROM contact_circles cc"
                          " JOIN circles ci ON ci.id = cc.circle_id"
                          " WHERE cc.contact_id IN " WANTED_IDS
                          " ORDER BY cc.contact_id, ci.position, ci.id",
                          json, error);
  if (stmt == NULL)
    return FALSE;

  do
    {
      gint64 id = 0;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);

      if (id != current && current != 0)
        {
          BzwContact *c = g_hash_table_lookup (by_id, &current);

          if (c != NULL)
            bzw_contact_set_circle_ids (c, circle_ids);
          g_array_set_size (circle_ids, 0);
        }

      if (rc == SQLITE_ROW)
        {
          gint64 circle_id = sqlite3_column_int64 (stmt, 1);

          g_array_append_val (circle_ids, circle_id);
          current = id;
        }
    }
  while (rc == SQLITE_ROW);
  return finish_rows (self, stmt, rc, error);
}

/* The last encounter with each. */
static gboolean
read_last_encounters (BzwStore    *self,
                      const char  *json,
                      GHashTable  *by_id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_for_ids (self,
                          "SELECT p.contact_id, max (e.happened_at) FROM encounter_participants p"
                          " JOIN encounters e ON e.id = p.encounter_id"
                          " WHERE p.contact_id IN " WANTED_IDS
                          " GROUP BY p.contact_id",
                          json, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      BzwContact *c = g_hash_table_lookup (by_id, &id);

      if (c != NULL)
        bzw_contact_set_last_encounter (c, sqlite3_column_int64 (stmt, 1));
    }
  return finish_rows (self, stmt, rc, error);
}

/**
 * bzw_store_list_contacts_for_print:
 * @ids: (element-type gint64): the contacts to read
 *
 * Reads the contacts @ids names in the order of the contact list, each
 * with its fields, circles (in circle order) and the time of the last
 * encounter.  Photos are left out.  Ids that do not exist are skipped.
 *
 * Returns: (transfer full) (element-type BzwContact): the contacts
 */
GPtrArray *
bzw_store_list_contacts_for_print (BzwStore  *self,
                                   GArray    *ids,
                                   GError   **error)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  contacts = g_ptr_array_new_full (ids->len, g_object_unref);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (ids->len == 0)
    return g_steal_pointer (&contacts);

  json = ids_to_json (ids);
  if (!read_contacts (self, json, contacts, by_id, error) ||
      !read_fields (self, json, by_id, error) ||
      !read_circles (self, json, by_id, error) ||
      !read_last_encounters (self, json, by_id, error))
    return NULL;

  return g_steal_pointer (&contacts);
}
