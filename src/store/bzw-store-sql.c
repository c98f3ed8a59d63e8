/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The statements of a BzwStore: errors, the statement cache, binding,
 * stepping and reading rows. */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* What an SQLite result code means to the user, by its primary code. */
static const struct
{
  int            sqlite_code;
  BzwStoreError  code;
  const char    *message;
} sqlite_errors[] = {
  { SQLITE_BUSY, BZW_STORE_ERROR_LOCKED,
    N_("The database is in use by another program. Please try again in a moment.") },
  { SQLITE_LOCKED, BZW_STORE_ERROR_LOCKED,
    N_("The database is in use by another program. Please try again in a moment.") },
  { SQLITE_READONLY, BZW_STORE_ERROR_READ_ONLY, N_("The database cannot be written to.") },
  { SQLITE_PERM, BZW_STORE_ERROR_READ_ONLY, N_("The database cannot be written to.") },
  { SQLITE_CORRUPT, BZW_STORE_ERROR_CORRUPT, N_("The database is damaged.") },
  { SQLITE_NOTADB, BZW_STORE_ERROR_NOT_A_DATABASE, N_("The file is not a Beziehungsweise database.") },
  { SQLITE_CONSTRAINT, BZW_STORE_ERROR_INVALID, N_("The entry contradicts the data already stored.") },
  { SQLITE_FULL, BZW_STORE_ERROR_FAILED, N_("The disk is full.") },
};

gboolean
_bzw_store_set_error (BzwStore    *self,
                      GError     **error,
                      const char  *what)
{
  int code = sqlite3_extended_errcode (self->db);
  BzwStoreError our_code = BZW_STORE_ERROR_FAILED;
  const char *message = N_("The database reported an error.");

  for (guint i = 0; i < G_N_ELEMENTS (sqlite_errors); i++)
    {
      if (sqlite_errors[i].sqlite_code == (code & 0xff))
        {
          our_code = sqlite_errors[i].code;
          message = sqlite_errors[i].message;
          break;
        }
    }

  g_debug ("SQLite error %d in %s: %s", code, what, sqlite3_errmsg (self->db));
  g_set_error_literal (error, BZW_STORE_ERROR, our_code, _(message));
  return FALSE;
}

static sqlite3_stmt *
lookup_statement (BzwStore    *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  if (self->db == NULL)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED, _("The database is closed."));
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Cannot prepare statement: %s", sqlite3_errmsg (self->db));
      _bzw_store_set_error (self, error, "prepare");
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* SQLite compiles a table's CHECK constraints into every statement that
 * writes it, and evaluates one with an IN list of more than two values
 * (contact_fields.kind) by building a temporary index for every row: a
 * third of the time of a large import.  Inside a bulk transaction the
 * statements of bzw_store_save_contact() therefore run with the CHECK
 * constraints off (_bzw_store_prepare_unchecked()): the model keeps what
 * they say, and the commit checks every contact the transaction wrote, at
 * once (_bzw_store_verify_unchecked()).  Any other statement that writes
 * turns them on again first.  The switch is a flag of the connection that
 * SQLite reads when it compiles a statement, so both directions make it
 * compile the cached statements afresh at their next use.
 */
static gboolean
set_checks (BzwStore  *self,
            gboolean   on,
            GError   **error)
{
  if (sqlite3_exec (self->db, on ? "PRAGMA ignore_check_constraints = OFF"
                                 : "PRAGMA ignore_check_constraints = ON",
                    NULL, NULL, NULL) != SQLITE_OK)
    return _bzw_store_set_error (self, error, "ignore_check_constraints");

  self->checks_off = !on;
  if (!on)
    self->unchecked_rows = TRUE;
  return TRUE;
}

/* Turns the CHECK constraints on again, when they are off. */
gboolean
_bzw_store_restore_checks (BzwStore  *self,
                           GError   **error)
{
  return !self->checks_off || set_checks (self, TRUE, error);
}

sqlite3_stmt *
_bzw_store_prepare (BzwStore    *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = lookup_statement (self, sql, error);

  if (stmt != NULL && self->checks_off && !sqlite3_stmt_readonly (stmt) &&
      !set_checks (self, TRUE, error))
    return NULL;

  return stmt;
}

/**
 * _bzw_store_prepare_unchecked:
 *
 * Like _bzw_store_prepare(), for a statement that writes a contact's row,
 * fields or circles: inside a bulk transaction it runs without the CHECK
 * constraints, which _bzw_store_verify_unchecked() makes up for at the
 * commit.  The statement must be stepped before any other is prepared.
 */
sqlite3_stmt *
_bzw_store_prepare_unchecked (BzwStore    *self,
                              const char  *sql,
                              GError     **error)
{
  if (self->bulk && !self->checks_off && self->db != NULL && !set_checks (self, FALSE, error))
    return NULL;

  return lookup_statement (self, sql, error);
}

/**
 * _bzw_store_verify_unchecked:
 *
 * Checks what the CHECK constraints of contacts and contact_fields say for
 * every contact the bulk transaction wrote (those noted in
 * temp.search_index_contacts, see bzw-store-transaction.c), when some were
 * written without them.
 */
gboolean
_bzw_store_verify_unchecked (BzwStore  *self,
                             GError   **error)
{
  sqlite3_stmt *stmt;
  gint64 bad = 0;

  if (!self->unchecked_rows)
    return TRUE;
  if (!_bzw_store_restore_checks (self, error))
    return FALSE;

  stmt = _bzw_store_prepare (self,
                             "SELECT (SELECT count (*) FROM temp.search_index_contacts p"
                             "         JOIN contacts c ON c.id = p.id"
                             "        WHERE NOT (c.met_in_person IN (0, 1) AND c.trust BETWEEN 0 AND 3"
                             "                   AND coalesce (c.interval_ideal_days > 0, 1)"
                             "                   AND coalesce (c.interval_max_days > 0, 1)"
                             "                   AND c.archived IN (0, 1)))"
                             "     + (SELECT count (*) FROM temp.search_index_contacts p"
                             "         JOIN contact_fields f ON f.contact_id = p.id"
                             "        WHERE f.kind NOT IN ('email', 'phone', 'address', 'url', 'impp', 'date',"
                             "                             'related'))",
                             error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    bad = sqlite3_column_int64 (stmt, 0);
  else
    bad = -1;
  sqlite3_reset (stmt);
  self->unchecked_rows = FALSE;

  if (bad < 0)
    return _bzw_store_set_error (self, error, "verify_unchecked");
  if (bad > 0)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("The entry contradicts the data already stored."));
      return FALSE;
    }

  return TRUE;
}

/* Runs a statement that returns no rows, then resets it. */
gboolean
_bzw_store_step_done (BzwStore      *self,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _bzw_store_set_error (self, error, sqlite3_sql (stmt));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
_bzw_store_exec (BzwStore    *self,
                 const char  *sql,
                 GError     **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED, _("The database is closed."));
      return FALSE;
    }

  if (!_bzw_store_restore_checks (self, error))
    return FALSE;

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _bzw_store_set_error (self, error, sql);

  return TRUE;
}

void
_bzw_store_bind_text (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Like _bzw_store_bind_text(), without a copy: @text must stay as it is
 * until the statement has run.  A cached statement loses its bindings
 * when it is looked up again (lookup_statement()), so none is read later.
 */
void
_bzw_store_bind_text_static (sqlite3_stmt *stmt,
                             int           index,
                             const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

void
_bzw_store_bind_id (sqlite3_stmt *stmt,
                    int           index,
                    gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

const char *
_bzw_store_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Steps @stmt (nullable: its prepare failed) once for the integer in its
 * first column, @fallback when there is no row, and resets it: a count, a
 * lookup of one id.
 */
gint64
_bzw_store_step_int64 (sqlite3_stmt *stmt,
                       gint64        fallback)
{
  gint64 value = fallback;

  if (stmt == NULL)
    return fallback;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* Changes whenever another connection commits (not for this one's own
 * writes: sqlite3_total_changes64() counts those).
 */
gint64
_bzw_store_data_version (BzwStore *self)
{
  sqlite3_stmt *stmt = _bzw_store_prepare (self, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

gint64
_bzw_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Ends a loop over the rows of @stmt whose last step returned @rc:
 * reports an error unless the rows ran out, and resets the statement.
 */
gboolean
_bzw_store_finish_rows (BzwStore      *self,
                        sqlite3_stmt  *stmt,
                        int            rc,
                        const char    *what,
                        GError       **error)
{
  gboolean ok = rc == SQLITE_DONE;

  if (!ok)
    _bzw_store_set_error (self, error, what);
  sqlite3_reset (stmt);
  return ok;
}

char *
_bzw_store_column_dup_text (sqlite3_stmt *stmt,
                            int           column)
{
  return g_strdup (_bzw_store_column_text (stmt, column));
}

/* Gives a model object ("uid" property) a random uid unless it has one. */
void
_bzw_store_ensure_uid (GObject *object)
{
  g_autofree char *uid = NULL;

  g_object_get (object, "uid", &uid, NULL);
  if (uid == NULL)
    {
      g_autofree char *fresh = g_uuid_string_random ();

      g_object_set (object, "uid", fresh, NULL);
    }
}

/* Runs @sql with @id as ?1 and leaves the statement on its first row;
 * the caller reads the columns and resets it.  Without a row, fails with
 * BZW_STORE_ERROR_NOT_FOUND and @gone.  A failing step is reported as the
 * database's error, logged with @what, or as @gone when @what is NULL.
 */
sqlite3_stmt *
_bzw_store_read_row (BzwStore    *self,
                     const char  *sql,
                     gint64       id,
                     const char  *gone,
                     const char  *what,
                     GError     **error)
{
  sqlite3_stmt *stmt = _bzw_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return stmt;

  if (rc != SQLITE_DONE && what != NULL)
    _bzw_store_set_error (self, error, what);
  else
    g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND, gone);
  sqlite3_reset (stmt);
  return NULL;
}

/* Runs @sql, the INSERT or the UPDATE of the row of a model object with
 * "id" and "uid" properties: binds ?1 to the id, ?2 to the uid and ?3 to
 * now, and lets @bind bind the rest.  The caller holds the transaction.
 */
gboolean
_bzw_store_write_row (BzwStore      *self,
                      GObject       *object,
                      const char    *sql,
                      BzwBindFunc    bind,
                      GError       **error)
{
  g_autofree char *uid = NULL;
  sqlite3_stmt *stmt = _bzw_store_prepare (self, sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return FALSE;

  g_object_get (object, "id", &id, "uid", &uid, NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, _bzw_store_now ());
  bind (stmt, object);
  return _bzw_store_step_done (self, stmt, error);
}

/* Gives a new row's object its id; a new journal entry takes back the
 * tombstone of its uid (an undo writes the deleted entry again).  An
 * update of a row that no longer exists is an error.
 */
static gboolean
finish_write (BzwStore          *self,
              GObject           *object,
              gboolean           is_new,
              const BzwRowSave  *how,
              GError           **error)
{
  g_autofree char *uid = NULL;
  sqlite3_stmt *stmt;

  if (!is_new)
    {
      if (sqlite3_changes (self->db) > 0)
        return TRUE;
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND,
                           _("The entry no longer exists."));
      return FALSE;
    }

  g_object_set (object, "id", (gint64) sqlite3_last_insert_rowid (self->db), NULL);
  if (!how->journal)
    return TRUE;

  g_object_get (object, "uid", &uid, NULL);
  stmt = _bzw_store_prepare (self, "DELETE FROM tombstones WHERE uid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  return _bzw_store_step_done (self, stmt, error);
}

/* Saves the row of a model object with "id" and "uid" properties in one
 * transaction: an INSERT when its id is 0 (it gets a uid and then its id),
 * else an UPDATE; then what belongs to it (how->after).  Announces the
 * change; a new object that could not be saved keeps the id 0.
 */
gboolean
_bzw_store_save_row (BzwStore          *self,
                     GObject           *object,
                     const BzwRowSave  *how,
                     GError           **error)
{
  gint64 id = 0;
  gboolean is_new;
  gboolean ok;

  g_object_get (object, "id", &id, NULL);
  is_new = id == 0;
  _bzw_store_ensure_uid (object);

  if (!bzw_store_begin (self, error))
    return FALSE;

  ok = _bzw_store_write_row (self, object, is_new ? how->insert_sql : how->update_sql, how->bind, error) &&
       finish_write (self, object, is_new, how, error) &&
       (how->after == NULL || how->after (self, object, error));

  if (ok)
    {
      g_object_get (object, "id", &id, NULL);
      _bzw_store_changed (self, how->what, how->journal ? 0 : id);
    }
  else if (is_new)
    g_object_set (object, "id", (gint64) 0, NULL);

  return bzw_store_finish (self, ok, error);
}

/* Reads one integer through a connection of its own (not a store's);
 * returns the SQLite result code, SQLITE_OK when @value was set.
 */
int
_bzw_store_read_int (sqlite3    *db,
                     const char *sql,
                     int        *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    rc = sqlite3_extended_errcode (db);

  sqlite3_finalize (stmt);
  return rc;
}

/* Steps through @stmt and appends one element to @rows per row: column i
 * goes into the field the reader's column i describes; a column beyond
 * them or BZW_COLUMN_SKIP is left to the reader's finish function, which
 * is called with the row after the table did its part.  The element starts
 * zeroed.  Fails with the database's error when a step fails.
 */
gboolean
_bzw_store_read_rows (BzwStore            *self,
                      sqlite3_stmt        *stmt,
                      GArray              *rows,
                      const BzwRowReader  *reader,
                      GError             **error)
{
  guint size = g_array_get_element_size (rows);
  g_autofree guint8 *row = g_malloc (size);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      memset (row, 0, size);
      for (guint i = 0; i < reader->n_columns; i++)
        {
          gpointer field = row + reader->columns[i].offset;

          switch (reader->columns[i].type)
            {
            case BZW_COLUMN_SKIP:
              break;
            case BZW_COLUMN_INT:
              *(int *) field = sqlite3_column_int (stmt, i);
              break;
            case BZW_COLUMN_INT64:
              *(gint64 *) field = sqlite3_column_int64 (stmt, i);
              break;
            case BZW_COLUMN_DOUBLE:
              *(double *) field = sqlite3_column_double (stmt, i);
              break;
            case BZW_COLUMN_TEXT:
              *(char **) field = _bzw_store_column_dup_text (stmt, i);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      if (reader->finish != NULL)
        reader->finish (stmt, row);
      g_array_append_vals (rows, row, 1);
    }

  return _bzw_store_finish_rows (self, stmt, rc, reader->what, error);
}
