/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-store-private.h"

#include <glib/gi18n-lib.h>

/* Deleting a contact so that it can be undone: every row that belongs to
 * the contact or points at it is copied before the delete, and written back
 * as it was by bzw_store_restore_contact().
 */

typedef struct
{
  const char  *select_sql;
  const char  *restore_sql;
  gboolean     has_uid;
} TableSpec;

/* In restore order, so foreign keys are satisfied. */
static const TableSpec tables[] = {
  { "SELECT * FROM contacts WHERE id = ?1",
    "INSERT INTO contacts VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
    " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33)",
    TRUE },
  { "SELECT * FROM talking_points WHERE contact_id = ?1",
    "INSERT OR REPLACE INTO talking_points VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    TRUE },
  { "SELECT * FROM contact_fields WHERE contact_id = ?1",
    "INSERT OR REPLACE INTO contact_fields VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    FALSE },
  { "SELECT * FROM contact_circles WHERE contact_id = ?1",
    "INSERT OR IGNORE INTO contact_circles VALUES (?1, ?2)",
    FALSE },
  { "SELECT * FROM relationships WHERE a_id = ?1 OR b_id = ?1",
    "INSERT OR IGNORE INTO relationships VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    TRUE },
  { "SELECT * FROM map_positions WHERE contact_id = ?1",
    "INSERT OR REPLACE INTO map_positions VALUES (?1, ?2, ?3, ?4)",
    FALSE },
  { "SELECT * FROM encounters WHERE id IN (SELECT encounter_id FROM encounter_participants WHERE contact_id = ?1)",
    "INSERT OR IGNORE INTO encounters VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    TRUE },
  { "SELECT rowid, encounter_id, contact_id, name FROM encounter_participants WHERE encounter_id IN"
    " (SELECT encounter_id FROM encounter_participants WHERE contact_id = ?1)",
    "INSERT OR REPLACE INTO encounter_participants (rowid, encounter_id, contact_id, name) VALUES (?1, ?2, ?3, ?4)",
    FALSE },
  { "SELECT * FROM favours WHERE from_id = ?1 OR to_id = ?1",
    "INSERT OR REPLACE INTO favours VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    TRUE },
  { "SELECT * FROM referrals WHERE giver_id = ?1 OR receiver_id = ?1 OR referred_id = ?1",
    "INSERT OR REPLACE INTO referrals VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
    " ?16)",
    TRUE },
};

typedef struct
{
  int              n_columns;
  sqlite3_value  **values;
} Row;

struct _BzwContactSnapshot
{
  gint64     contact_id;
  GPtrArray *rows[G_N_ELEMENTS (tables)];
};

static void
row_free (Row *row)
{
  for (int i = 0; i < row->n_columns; i++)
    sqlite3_value_free (row->values[i]);
  g_free (row->values);
  g_free (row);
}

void
bzw_contact_snapshot_free (BzwContactSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_clear_pointer (&snapshot->rows[i], g_ptr_array_unref);
  g_free (snapshot);
}

gint64
bzw_contact_snapshot_get_contact_id (BzwContactSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return snapshot->contact_id;
}

static gboolean
capture (BzwStore            *self,
         BzwContactSnapshot  *snapshot,
         GError             **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      sqlite3_stmt *stmt = _bzw_store_prepare (self, tables[t].select_sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      snapshot->rows[t] = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
      sqlite3_bind_int64 (stmt, 1, snapshot->contact_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Row *row = g_new0 (Row, 1);

          row->n_columns = sqlite3_column_count (stmt);
          row->values = g_new0 (sqlite3_value *, row->n_columns);
          for (int c = 0; c < row->n_columns; c++)
            row->values[c] = sqlite3_value_dup (sqlite3_column_value (stmt, c));
          g_ptr_array_add (snapshot->rows[t], row);
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        return _bzw_store_set_error (self, error, "capture");
    }

  return TRUE;
}

/* A copy of every row that belongs to or points at contact @id, without
 * changing anything; for operations that undo more than a delete.
 */
BzwContactSnapshot *
_bzw_store_capture_contact (BzwStore  *self,
                            gint64     id,
                            GError   **error)
{
  BzwContactSnapshot *snapshot = g_new0 (BzwContactSnapshot, 1);

  snapshot->contact_id = id;
  if (!capture (self, snapshot, error))
    {
      bzw_contact_snapshot_free (snapshot);
      return NULL;
    }

  if (snapshot->rows[0]->len == 0)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND,
                           _("The contact no longer exists."));
      bzw_contact_snapshot_free (snapshot);
      return NULL;
    }

  return snapshot;
}

static gboolean
run_with_id (BzwStore    *self,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  sqlite3_stmt *stmt = _bzw_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return _bzw_store_step_done (self, stmt, error);
}

/* Entries keep the name the contact had, so the journal still reads well. */
static const char * const keep_entries_sql[] = {
  "UPDATE favours SET from_name = (SELECT display_name FROM contacts WHERE id = ?1) WHERE from_id = ?1",
  "UPDATE favours SET to_name = (SELECT display_name FROM contacts WHERE id = ?1) WHERE to_id = ?1",
  "UPDATE referrals SET giver_name = (SELECT display_name FROM contacts WHERE id = ?1) WHERE giver_id = ?1",
  "UPDATE referrals SET receiver_name = (SELECT display_name FROM contacts WHERE id = ?1) WHERE receiver_id = ?1",
  "UPDATE referrals SET referred_name = coalesce (referred_name, (SELECT display_name FROM contacts WHERE id = ?1))"
  " WHERE referred_id = ?1",
  "UPDATE encounter_participants SET name = (SELECT display_name FROM contacts WHERE id = ?1) WHERE contact_id = ?1",
};

static const char * const delete_entries_sql[] = {
  "DELETE FROM favours WHERE from_id = ?1 OR to_id = ?1",
  "DELETE FROM referrals WHERE giver_id = ?1 OR receiver_id = ?1 OR referred_id = ?1",
  "CREATE TEMP TABLE IF NOT EXISTS undo_encounters (id INTEGER PRIMARY KEY)",
  "DELETE FROM temp.undo_encounters",
  "INSERT INTO temp.undo_encounters SELECT encounter_id FROM encounter_participants WHERE contact_id = ?1",
  "DELETE FROM encounter_participants WHERE contact_id = ?1",
  /* An encounter with nobody left in it goes too; shared ones stay. */
  "DELETE FROM encounters WHERE id IN (SELECT id FROM temp.undo_encounters)"
  " AND NOT EXISTS (SELECT 1 FROM encounter_participants p WHERE p.encounter_id = encounters.id)",
};

/**
 * bzw_store_delete_contact_undoable:
 * @mode: what happens to journal entries with the contact
 *
 * Deletes a contact in one transaction and returns what is needed to
 * restore it with everything attached.
 *
 * Returns: (transfer full): a snapshot for bzw_store_restore_contact(), or
 *   %NULL on error
 */
BzwContactSnapshot *
bzw_store_delete_contact_undoable (BzwStore       *self,
                                   gint64          id,
                                   BzwDeleteMode   mode,
                                   GError        **error)
{
  BzwContactSnapshot *snapshot;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  if (!bzw_store_begin (self, error))
    return NULL;

  snapshot = g_new0 (BzwContactSnapshot, 1);
  snapshot->contact_id = id;

  ok = capture (self, snapshot, error);
  if (ok && snapshot->rows[0]->len == 0)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND,
                           _("The contact no longer exists."));
      ok = FALSE;
    }

  if (mode == BZW_DELETE_KEEP_ENTRIES)
    {
      for (guint i = 0; ok && i < G_N_ELEMENTS (keep_entries_sql); i++)
        ok = run_with_id (self, keep_entries_sql[i], id, error);
    }
  else
    {
      for (guint i = 0; ok && i < G_N_ELEMENTS (delete_entries_sql); i++)
        ok = run_with_id (self, delete_entries_sql[i], id, error);
    }

  ok = ok && run_with_id (self, "DELETE FROM contacts WHERE id = ?1", id, error);

  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CONTACTS | BZW_STORE_CHANGE_RELATIONSHIPS |
                              BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_MAP, id);

  if (!bzw_store_finish (self, ok, error))
    {
      bzw_contact_snapshot_free (snapshot);
      return NULL;
    }

  return snapshot;
}

/**
 * bzw_store_restore_contact:
 *
 * Writes a deleted contact back with its fields, circles, relationships,
 * map position and journal links, as they were, in one transaction.
 */
gboolean
bzw_store_restore_contact (BzwStore            *self,
                           BzwContactSnapshot  *snapshot,
                           GError             **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!bzw_store_begin (self, error))
    return FALSE;

  _bzw_store_note_contact (self, snapshot->contact_id);
  for (guint t = 0; ok && t < G_N_ELEMENTS (tables); t++)
    {
      for (guint r = 0; ok && r < snapshot->rows[t]->len; r++)
        {
          Row *row = g_ptr_array_index (snapshot->rows[t], r);
          sqlite3_stmt *stmt = _bzw_store_prepare (self, tables[t].restore_sql, error);

          ok = stmt != NULL;
          if (!ok)
            break;

          for (int c = 0; c < row->n_columns; c++)
            sqlite3_bind_value (stmt, c + 1, row->values[c]);
          ok = _bzw_store_step_done (self, stmt, error);

          if (ok && tables[t].has_uid)
            {
              stmt = _bzw_store_prepare (self, "DELETE FROM tombstones WHERE uid = ?1", error);
              ok = stmt != NULL;
              if (ok)
                {
                  sqlite3_bind_value (stmt, 1, row->values[1]);
                  ok = _bzw_store_step_done (self, stmt, error);
                }
            }
        }
    }

  if (ok)
    {
      g_autoptr(BzwContact) contact = bzw_store_dup_contact (self, snapshot->contact_id, error);

      ok = contact != NULL && _bzw_store_update_sort_key (self, contact, error);
    }

  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CONTACTS | BZW_STORE_CHANGE_RELATIONSHIPS |
                              BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_MAP, 0);

  return bzw_store_finish (self, ok, error);
}
