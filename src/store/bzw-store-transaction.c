/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The transactions of a BzwStore: nested savepoints, the bulk transaction
 * of an import with its deferred search index, commit and rollback. */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-store-private.h"

#include <glib/gi18n-lib.h>

gboolean
bzw_store_begin (BzwStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_READ_ONLY,
                           _("The database is open read-only; nothing can be changed."));
      return FALSE;
    }

  /* Inside a bulk transaction a nested write takes no savepoint: its
   * failure dooms the whole transaction instead (see below). */
  if (self->depth > 0 && self->bulk)
    {
      self->depth++;
      return TRUE;
    }

  if (!_bzw_store_exec (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT nested", error))
    return FALSE;

  if (self->depth == 0)
    {
      self->pending = 0;
      self->pending_id = 0;
      self->doomed = FALSE;
    }

  self->depth++;
  return TRUE;
}

static void
end_transaction (BzwStore *self)
{
  self->depth = 0;
  g_clear_pointer (&self->suspended_triggers, g_ptr_array_unref);
  g_clear_pointer (&self->bulk_noted, g_array_unref);
  _bzw_store_restore_checks (self, NULL);
  self->unchecked_rows = FALSE;
  if (self->bulk)
    {
      self->bulk = FALSE;
      _bzw_store_exec (self, "PRAGMA cache_size = -2000", NULL);
      _bzw_store_exec (self, "PRAGMA temp_store = DEFAULT", NULL);
    }
}

/* Every statement that changes a full-text table (also through a trigger)
 * makes FTS5 write its pending index data to disk, and a trigger costs a
 * sub-program run for every row.  For the duration of a bulk write the
 * triggers that keep contacts_fts and journal_fts up to date on inserts and
 * updates are dropped (inside the transaction: a rollback or a crash brings
 * them back), and so are those that count a contact's revision up for
 * every field and membership written (sql/0008-sync-revisions.sql): a card
 * of six fields cost six updates of contact_revisions.  resume_search_index()
 * indexes at the end every contact the bulk write touched, with its e-mail
 * addresses, and counts its revision up once, which tells the sync all it
 * needs: that the card may have changed.  Deleting still updates the
 * indexes at once.
 *
 * Which contacts were touched: those and the fields inserted are found by
 * their ids, above the largest ones when the bulk write began; temporary
 * triggers note the rows updated and deleted and the journal's; and the
 * few writes that insert a contact or a membership otherwise (an undo with
 * its old ids, a circle's member) note theirs with _bzw_store_note_contact().
 * A temporary trigger on the inserts would cost as much as the triggers
 * dropped.
 */
/* The single number @sql selects into @id. */
static gboolean
largest_id (BzwStore    *self,
            const char  *sql,
            gint64      *id,
            GError     **error)
{
  sqlite3_stmt *stmt = _bzw_store_prepare (self, sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return ok || _bzw_store_set_error (self, error, "largest_id");
}

static gboolean
suspend_search_index (BzwStore  *self,
                      GError   **error)
{
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _bzw_store_prepare (self,
                             "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN"
                             " ('contacts_fts_insert', 'contacts_fts_update',"
                             "  'contact_fields_fts_insert', 'contact_fields_fts_delete',"
                             "  'encounters_fts_insert', 'encounters_fts_update',"
                             "  'favours_fts_insert', 'favours_fts_update',"
                             "  'referrals_fts_insert', 'referrals_fts_update',"
                             "  'contact_revisions_field_insert', 'contact_revisions_field_update',"
                             "  'contact_revisions_field_delete', 'contact_revisions_circle_insert',"
                             "  'contact_revisions_circle_delete')",
                             error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _bzw_store_set_error (self, error, "suspend_search_index");

  if (!_bzw_store_exec (self,
                        "DROP TRIGGER IF EXISTS contacts_fts_insert;"
                        "DROP TRIGGER IF EXISTS contacts_fts_update;"
                        "DROP TRIGGER IF EXISTS contact_fields_fts_insert;"
                        "DROP TRIGGER IF EXISTS contact_fields_fts_delete;"
                        "DROP TRIGGER IF EXISTS encounters_fts_insert;"
                        "DROP TRIGGER IF EXISTS encounters_fts_update;"
                        "DROP TRIGGER IF EXISTS favours_fts_insert;"
                        "DROP TRIGGER IF EXISTS favours_fts_update;"
                        "DROP TRIGGER IF EXISTS referrals_fts_insert;"
                        "DROP TRIGGER IF EXISTS referrals_fts_update;"
                        "DROP TRIGGER IF EXISTS contact_revisions_field_insert;"
                        "DROP TRIGGER IF EXISTS contact_revisions_field_update;"
                        "DROP TRIGGER IF EXISTS contact_revisions_field_delete;"
                        "DROP TRIGGER IF EXISTS contact_revisions_circle_insert;"
                        "DROP TRIGGER IF EXISTS contact_revisions_circle_delete;"
                        "CREATE TEMP TABLE search_index_contacts (id INTEGER PRIMARY KEY);"
                        "CREATE TEMP TABLE search_index_journal (key INTEGER PRIMARY KEY);"
                        "CREATE TEMP TRIGGER search_index_note_contact_update AFTER UPDATE ON main.contacts BEGIN"
                        "  INSERT OR IGNORE INTO search_index_contacts (id) VALUES (new.id);"
                        "END;"
                        "CREATE TEMP TRIGGER search_index_note_field_update AFTER UPDATE ON main.contact_fields BEGIN"
                        "  INSERT OR IGNORE INTO search_index_contacts (id) VALUES (old.contact_id), (new.contact_id);"
                        "END;"
                        "CREATE TEMP TRIGGER search_index_note_field_delete AFTER DELETE ON main.contact_fields BEGIN"
                        "  INSERT OR IGNORE INTO search_index_contacts (id) VALUES (old.contact_id);"
                        "END;"
                        "CREATE TEMP TRIGGER search_index_note_circle_delete AFTER DELETE ON main.contact_circles BEGIN"
                        "  INSERT OR IGNORE INTO search_index_contacts (id) VALUES (old.contact_id);"
                        "END;"
                        "CREATE TEMP TRIGGER search_index_note_encounter_insert AFTER INSERT ON main.encounters BEGIN"
                        "  INSERT OR IGNORE INTO search_index_journal (key) VALUES (new.id * 4 + 1);"
                        "END;"
                        "CREATE TEMP TRIGGER search_index_note_encounter_update AFTER UPDATE OF place, notes"
                        " ON main.encounters BEGIN"
                        "  INSERT OR IGNORE INTO search_index_journal (key) VALUES (new.id * 4 + 1);"
                        "END;"
                        "CREATE TEMP TRIGGER search_index_note_favour_insert AFTER INSERT ON main.favours BEGIN"
                        "  INSERT OR IGNORE INTO search_index_journal (key) VALUES (new.id * 4 + 2);"
                        "END;"
                        "CREATE TEMP TRIGGER search_index_note_favour_update AFTER UPDATE OF description"
                        " ON main.favours BEGIN"
                        "  INSERT OR IGNORE INTO search_index_journal (key) VALUES (new.id * 4 + 2);"
                        "END;"
                        "CREATE TEMP TRIGGER search_index_note_referral_insert AFTER INSERT ON main.referrals BEGIN"
                        "  INSERT OR IGNORE INTO search_index_journal (key) VALUES (new.id * 4 + 3);"
                        "END;"
                        "CREATE TEMP TRIGGER search_index_note_referral_update AFTER UPDATE OF referred_name, notes"
                        " ON main.referrals BEGIN"
                        "  INSERT OR IGNORE INTO search_index_journal (key) VALUES (new.id * 4 + 3);"
                        "END;",
                        error))
    return FALSE;

  self->suspended_triggers = g_steal_pointer (&triggers);
  self->bulk_noted = g_array_new (FALSE, FALSE, sizeof (gint64));
  return largest_id (self, "SELECT coalesce (max (id), 0) FROM contacts", &self->bulk_max_contact, error) &&
         largest_id (self, "SELECT coalesce (max (id), 0) FROM contact_fields", &self->bulk_max_field, error);
}

/**
 * _bzw_store_note_contact:
 *
 * Notes that a write inside a bulk transaction inserted @contact_id's row
 * with an id of its own, or a membership of it, which the end of the bulk
 * write would not find by the ids (see suspend_search_index()).  Does
 * nothing outside a bulk write, where the triggers do it.
 */
void
_bzw_store_note_contact (BzwStore *self,
                         gint64    contact_id)
{
  if (self->bulk_noted != NULL)
    g_array_append_val (self->bulk_noted, contact_id);
}

/* The contacts the bulk write touched into temp.search_index_contacts:
 * those and the fields inserted above the ids of its beginning, and those
 * noted (the temporary triggers noted the rest).
 */
static gboolean
collect_touched (BzwStore  *self,
                 GError   **error)
{
  static const char * const sql[] = {
    "INSERT OR IGNORE INTO temp.search_index_contacts (id) SELECT id FROM contacts WHERE id > ?1",
    "INSERT OR IGNORE INTO temp.search_index_contacts (id)"
    " SELECT contact_id FROM contact_fields WHERE id > ?1",
  };
  const gint64 above[] = { self->bulk_max_contact, self->bulk_max_field };
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      if ((stmt = _bzw_store_prepare (self, sql[i], error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, above[i]);
      if (!_bzw_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; self->bulk_noted != NULL && i < self->bulk_noted->len; i++)
    {
      stmt = _bzw_store_prepare (self, "INSERT OR IGNORE INTO temp.search_index_contacts (id) VALUES (?1)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (self->bulk_noted, gint64, i));
      if (!_bzw_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * bzw_store_begin_bulk:
 *
 * Begins a large write — an import, the example network — as one
 * transaction like bzw_store_begin(), with three differences for its
 * duration: a page cache of up to 256 MiB and temporary storage in memory,
 * so that SQLite does not spill pages to the WAL or to temporary files
 * before the commit; no savepoints for the writes nested in it (every
 * savepoint makes FTS5 flush its pending index data into a new segment,
 * which for thousands of small writes costs more than the writes
 * themselves); and the search indexes are built once, at the end (see
 * suspend_search_index()).  The price: a nested write that fails
 * cannot be undone on its own, so it dooms the transaction, and
 * bzw_store_commit() then rolls back and fails.  Must not be called inside
 * another transaction.
 */
gboolean
bzw_store_begin_bulk (BzwStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  /* The temporary storage can only change outside a transaction. */
  _bzw_store_exec (self, "PRAGMA cache_size = -262144", NULL);
  _bzw_store_exec (self, "PRAGMA temp_store = MEMORY", NULL);
  self->bulk = TRUE;
  if (!bzw_store_begin (self, error))
    {
      end_transaction (self);
      return FALSE;
    }

  if (!suspend_search_index (self, error))
    {
      bzw_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* Indexes the rows the bulk write noted, with one statement per table,
 * counts up the revisions of the contacts it noted, and puts the triggers
 * back as they were.  The texts indexed are
 * those of the triggers in sql/0001-initial.sql.
 */
static gboolean
resume_search_index (BzwStore  *self,
                     GError   **error)
{
  g_autoptr(GPtrArray) triggers = g_steal_pointer (&self->suspended_triggers);

  if (!collect_touched (self, error) || !_bzw_store_verify_unchecked (self, error))
    return FALSE;

  if (!_bzw_store_exec (self,
                        "UPDATE contact_revisions SET bumps = bumps + 1"
                        " WHERE contact_id IN (SELECT id FROM temp.search_index_contacts);"
                        "DELETE FROM contacts_fts WHERE rowid IN (SELECT id FROM temp.search_index_contacts);"
                        "INSERT INTO contacts_fts (rowid, name, organisation, role, emails, notes, offers, seeks)"
                        " SELECT c.id, coalesce (c.display_name, '') || ' ' || coalesce (c.nickname, ''),"
                        "        c.organisation, c.role,"
                        "        (SELECT group_concat (value, ' ') FROM contact_fields"
                        "          WHERE contact_id = c.id AND kind = 'email'),"
                        "        c.notes, c.offers, c.seeks"
                        "   FROM temp.search_index_contacts p JOIN contacts c ON c.id = p.id;"
                        "DELETE FROM journal_fts WHERE rowid IN (SELECT key FROM temp.search_index_journal);"
                        "INSERT INTO journal_fts (rowid, body)"
                        " SELECT p.key, coalesce (e.place, '') || ' ' || coalesce (e.notes, '')"
                        "   FROM temp.search_index_journal p JOIN encounters e ON e.id = p.key / 4"
                        "  WHERE p.key % 4 = 1;"
                        "INSERT INTO journal_fts (rowid, body)"
                        " SELECT p.key, f.description"
                        "   FROM temp.search_index_journal p JOIN favours f ON f.id = p.key / 4"
                        "  WHERE p.key % 4 = 2;"
                        "INSERT INTO journal_fts (rowid, body)"
                        " SELECT p.key, coalesce (r.referred_name, '') || ' ' || coalesce (r.notes, '')"
                        "   FROM temp.search_index_journal p JOIN referrals r ON r.id = p.key / 4"
                        "  WHERE p.key % 4 = 3;"
                        "DROP TABLE temp.search_index_contacts;"
                        "DROP TABLE temp.search_index_journal;",
                        error))
    return FALSE;

  for (guint i = 0; triggers != NULL && i < triggers->len; i++)
    {
      /* check-sql: allow, the trigger's own text from sqlite_master. */
      if (sqlite3_exec (self->db, g_ptr_array_index (triggers, i), NULL, NULL, NULL) != SQLITE_OK)
        return _bzw_store_set_error (self, error, "resume_search_index");
    }

  return TRUE;
}

gboolean
bzw_store_commit (BzwStore  *self,
                  GError   **error)
{
  BzwStoreChange pending;
  gint64 pending_id;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      if (!self->bulk && !_bzw_store_exec (self, "RELEASE nested", error))
        return FALSE;
      self->depth--;
      return TRUE;
    }

  if (self->bulk && !self->doomed && !resume_search_index (self, error))
    {
      bzw_store_rollback (self);
      return FALSE;
    }

  if (self->doomed)
    {
      bzw_store_rollback (self);
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED,
                           _("A part of this change failed, so none of it was saved."));
      return FALSE;
    }

  if (!_bzw_store_exec (self, "COMMIT", error))
    {
      bzw_store_rollback (self);
      return FALSE;
    }

  end_transaction (self);
  pending = self->pending;
  pending_id = self->pending_id;
  self->pending = 0;
  self->pending_id = 0;

  if (pending != 0)
    _bzw_store_changed (self, pending, pending_id);  /* depth is 0 again: emits now */

  return TRUE;
}

void
bzw_store_rollback (BzwStore *self)
{
  g_return_if_fail (BZW_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth > 1)
    {
      if (self->bulk)
        self->doomed = TRUE;
      else
        sqlite3_exec (self->db, "ROLLBACK TO nested; RELEASE nested", NULL, NULL, NULL);
      _bzw_store_forget_caches (self);
      self->depth--;
      return;
    }

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  /* What was read inside the transaction may be gone now. */
  _bzw_store_forget_caches (self);
  end_transaction (self);
  self->doomed = FALSE;
  self->pending = 0;
  self->pending_id = 0;
}

/**
 * bzw_store_finish:
 * @ok: whether the writes since bzw_store_begin() worked
 *
 * Ends a write that began with bzw_store_begin(): commits when @ok, else
 * rolls back.  Returns @ok && the commit succeeded.
 */
gboolean
bzw_store_finish (BzwStore  *self,
                  gboolean   ok,
                  GError   **error)
{
  if (ok)
    return bzw_store_commit (self, error);

  bzw_store_rollback (self);
  return FALSE;
}

/* Runs a statement with the row id as ?1 in a transaction of its own (or
 * as part of the outer one) and announces @what when it worked.
 */
gboolean
_bzw_store_write_id (BzwStore        *self,
                     const char      *sql,
                     gint64           id,
                     BzwStoreChange   what,
                     gint64           changed_id,
                     GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!bzw_store_begin (self, error))
    return FALSE;

  stmt = _bzw_store_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = _bzw_store_step_done (self, stmt, error);
    }
  if (ok)
    _bzw_store_changed (self, what, changed_id);

  return bzw_store_finish (self, ok, error);
}
