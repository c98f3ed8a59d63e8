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
                          /* Without the photos. */
                          "SELECT " BZW_CONTACT_COLUMNS ("NULL") ", " BZW_LAST_ENCOUNTER_SQL
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

/* Takes a row into @contact, the contact of its first column. */
typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         BzwContact   *contact);

/* Runs @sql for the wanted ids and hands each row to @func with the
 * contact of its first column; rows of other contacts are skipped.
 */
static gboolean
for_each_row (BzwStore    *self,
              const char  *sql,
              const char  *json,
              GHashTable  *by_id,
              RowFunc      func,
              GError     **error)
{
  sqlite3_stmt *stmt = prepare_for_ids (self, sql, json, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      BzwContact *contact = g_hash_table_lookup (by_id, &id);

      if (contact != NULL)
        func (stmt, contact);
    }
  return finish_rows (self, stmt, rc, error);
}

static void
add_field_row (sqlite3_stmt *stmt,
               BzwContact   *contact)
{
  BzwFieldKind kind;
  GPtrArray *fields;

  if (!bzw_field_kind_from_string (_bzw_store_column_text (stmt, 1), &kind))
    return;

  bzw_contact_add_field (contact, kind, _bzw_store_column_text (stmt, 2), _bzw_store_column_text (stmt, 3));
  fields = bzw_contact_get_fields (contact);
  ((BzwContactField *) g_ptr_array_index (fields, fields->len - 1))->pref = sqlite3_column_int (stmt, 4);
}

static void
add_circle_row (sqlite3_stmt *stmt,
                BzwContact   *contact)
{
  g_autoptr(GArray) circle_ids = g_array_copy (bzw_contact_get_circle_ids (contact));
  gint64 circle_id = sqlite3_column_int64 (stmt, 1);

  g_array_append_val (circle_ids, circle_id);
  bzw_contact_set_circle_ids (contact, circle_ids);
}

/* Fields in their order, and circles in circle order. */
static gboolean
read_fields_and_circles (BzwStore    *self,
                         const char  *json,
                         GHashTable  *by_id,
                         GError     **error)
{
  return for_each_row (self,
                       "SELECT contact_id, kind, label, value, pref FROM contact_fields"
                       " WHERE contact_id IN " WANTED_IDS
                       " ORDER BY contact_id, position, id",
                       json, by_id, add_field_row, error) &&
         for_each_row (self,
                       "SELECT cc.contact_id, cc.circle_id FROM contact_circles cc"
                       " JOIN circles ci ON ci.id = cc.circle_id"
                       " WHERE cc.contact_id IN " WANTED_IDS
                       " ORDER BY cc.contact_id, ci.position, ci.id",
                       json, by_id, add_circle_row, error);
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
      !read_fields_and_circles (self, json, by_id, error))
    return NULL;

  return g_steal_pointer (&contacts);
}
