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

static BzwContact *
contact_from_row (sqlite3_stmt *stmt)
{
  BzwContact *c = bzw_contact_new ();

  bzw_contact_set_id (c, sqlite3_column_int64 (stmt, 0));
  bzw_contact_set_uid (c, _bzw_store_column_text (stmt, 1));
  bzw_contact_set_times (c, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3));
  bzw_contact_set_display_name (c, _bzw_store_column_text (stmt, 4));
  bzw_contact_set_prefix (c, _bzw_store_column_text (stmt, 5));
  bzw_contact_set_given_name (c, _bzw_store_column_text (stmt, 6));
  bzw_contact_set_additional_names (c, _bzw_store_column_text (stmt, 7));
  bzw_contact_set_family_name (c, _bzw_store_column_text (stmt, 8));
  bzw_contact_set_suffix (c, _bzw_store_column_text (stmt, 9));
  bzw_contact_set_nickname (c, _bzw_store_column_text (stmt, 10));
  bzw_contact_set_organisation (c, _bzw_store_column_text (stmt, 11));
  bzw_contact_set_role (c, _bzw_store_column_text (stmt, 12));
  bzw_contact_set_interval_ideal (c, sqlite3_column_int (stmt, 13));
  bzw_contact_set_interval_max (c, sqlite3_column_int (stmt, 14));
  bzw_contact_set_notes (c, _bzw_store_column_text (stmt, 15));
  bzw_contact_set_archived (c, sqlite3_column_int (stmt, 16));
  bzw_contact_set_met_in_person (c, sqlite3_column_int (stmt, 17));
  bzw_contact_set_trust (c, CLAMP (sqlite3_column_int (stmt, 18), BZW_TRUST_UNKNOWN, BZW_TRUST_YES));
  bzw_contact_set_department (c, _bzw_store_column_text (stmt, 19));
  return c;
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
                          "SELECT c.id, c.uid, c.created, c.modified, c.display_name, c.prefix,"
                          " c.given_name, c.additional_names, c.family_name, c.suffix, c.nickname,"
                          " c.organisation, c.role, c.interval_ideal_days, c.interval_max_days,"
                          " c.notes, c.archived, c.met_in_person, c.trust, c.department"
                          " FROM contacts c WHERE c.id IN " WANTED_IDS
                          " ORDER BY c.sort_key, c.id",
                          json, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (contacts, contact_from_row (stmt));
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
