/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-migrations.h"
#include "bzw-store-defense.h"
#include "bzw-store-photos.h"
#include "bzw-store-private.h"
#include "bzw-store-resources.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_FINAL_TYPE (BzwStore, bzw_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (bzw-store-error-quark, bzw_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char sqlite_magic[16] = "SQLite format 3";

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
bzw_store_finalize (GObject *object)
{
  BzwStore *self = BZW_STORE (object);

  g_clear_handle_id (&self->watch_id, g_source_remove);
  _bzw_store_forget_caches (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (bzw_store_parent_class)->finalize (object);
}

static void
bzw_store_class_init (BzwStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bzw_store_finalize;

  bzw_store_register_resource ();

  /**
   * BzwStore::changed:
   * @what: a #BzwStoreChange mask
   * @id: the row that changed, or 0 for many
   *
   * Emitted after a write is committed.  Writes inside an outer transaction
   * are announced once, when it commits.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);
}

static void
bzw_store_init (BzwStore *self)
{
  /* Keyed by the address of the SQL text: every statement is a constant
   * (tests/safety/check-sql.py), and hashing the text of each statement
   * for every row of an import costs more than the row's index update.
   */
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
}

/* Drops what the store keeps in memory about its rows. */
void
_bzw_store_forget_caches (BzwStore *self)
{
  g_clear_pointer (&self->contact_order, g_array_unref);
}

void
_bzw_store_changed (BzwStore       *self,
                    BzwStoreChange  what,
                    gint64          id)
{
  if (self->depth > 0)
    {
      if (self->pending != 0 || self->pending_id != id)
        id = 0;
      self->pending |= what;
      self->pending_id = id;
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0, (guint) what, id);
}

char *
bzw_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "beziehungsweise", "beziehungsweise.db", NULL);
}

/* Looks at the file before SQLite does, so that a file which is not ours is
 * reported and left alone, byte for byte.  @wal says whether its header is
 * in WAL mode already, so that opening it writes nothing.
 */
static gboolean
check_file (const char         *path,
            BzwStoreOpenFlags   flags,
            gboolean           *exists,
            gboolean           *wal,
            GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  guint8 header[20] = { 0 };
  GStatBuf st;
  int fd;
  gssize n;

  *exists = g_stat (path, &st) == 0;
  *wal = FALSE;

  if (!*exists)
    {
      if (flags & BZW_STORE_OPEN_READ_ONLY)
        {
          g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND,
                       _("The database “%s” does not exist."), path);
          return FALSE;
        }

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_READ_ONLY,
                       _("The folder “%s” cannot be created: %s"), dir, g_strerror (saved_errno));
          return FALSE;
        }

      /* Create the file with mode 0600 before SQLite opens it; the -wal and
       * -shm files then inherit the mode.
       */
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, BZW_STORE_ERROR,
                       saved_errno == EACCES || saved_errno == EROFS ? BZW_STORE_ERROR_READ_ONLY
                                                                     : BZW_STORE_ERROR_FAILED,
                       _("The database “%s” cannot be created: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      close (fd);
      return TRUE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a file."), path);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      *exists = FALSE;
      return TRUE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be read: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n != sizeof header || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Beziehungsweise database. The file was left unchanged."), path);
      return FALSE;
    }

  /* The file format's read and write versions: 2 is WAL. */
  *wal = header[18] == 2 && header[19] == 2;

  if (!(flags & BZW_STORE_OPEN_READ_ONLY) &&
      (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0))
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is read-only. It can be opened for reading only."), path);
      return FALSE;
    }

  return TRUE;
}

/* Opens a connection that only reads @path.  Without a -wal beside it the
 * file is opened as immutable: SQLite then takes no locks and creates no
 * -wal or -shm file, so looking at a file leaves no trace, even in a
 * read-only folder.  With a -wal (after a crash, or while another process
 * has the file open) the -wal is read as well.
 */
static int
open_for_reading (const char  *path,
                  sqlite3    **db)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped,
                                      g_file_test (wal, G_FILE_TEST_EXISTS) ? "?mode=ro" : "?mode=ro&immutable=1",
                                      NULL);

  int rc = sqlite3_open_v2 (uri, db,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                            NULL);

  if (rc == SQLITE_OK)
    _bzw_store_defend_connection (*db, FALSE);
  return rc;
}

static gboolean
set_file_error (GError     **error,
                int          rc,
                const char  *path)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Beziehungsweise database. The file was left unchanged."), path);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_LOCKED,
                   _("The database “%s” is in use by another program. Please try again in a moment."), path);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be read. The file was left unchanged."), path);
      break;

    default:
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged. The file was left unchanged."), path);
      break;
    }

  return FALSE;
}

/* Looks at an existing database through a connection that cannot write:
 * is it ours, not from a newer version, and does it pass quick_check?
 * Nothing is written, nor created beside it.  With @may_defer, quick_check
 * (the slow part: it reads every page) is left out when the schema is
 * current, and @deferred says so.
 */
static gboolean
inspect_file (const char  *path,
              gboolean     may_defer,
              gboolean    *deferred,
              GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int n_tables = -1;
  gboolean ours = TRUE;
  gboolean ok = FALSE;
  int rc;

  *deferred = FALSE;

  rc = open_for_reading (path, &db);
  if (rc == SQLITE_OK)
    rc = _bzw_store_read_int (db, "PRAGMA user_version", &version);
  if (rc != SQLITE_OK)
    goto out;

  /* Another program's SQLite file: an unversioned file must be empty, a
   * versioned one must have our tables (checked before its version, so that
   * a foreign file is not called newer), and triggers and views exactly
   * like ours.
   */
  rc = _bzw_store_read_int (db,
                 version == 0 ? "SELECT count(*) FROM sqlite_master"
                              : "SELECT count(*) - 2 FROM sqlite_master"
                                " WHERE type = 'table' AND name IN ('meta', 'contacts')",
                 &n_tables);
  if (rc == SQLITE_OK && version > 0 && version <= BZW_SCHEMA_VERSION && n_tables == 0)
    rc = _bzw_store_check_schema (db, version, &ours);
  if (rc != SQLITE_OK)
    goto out;
  if (n_tables != 0 || !ours)
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Beziehungsweise database. The file was left unchanged."), path);
      goto done;
    }

  if (version > BZW_SCHEMA_VERSION)
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Beziehungsweise. "
                     "Please update the app. The file was left unchanged."), path);
      goto done;
    }

  if (may_defer && version == BZW_SCHEMA_VERSION)
    {
      *deferred = TRUE;
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rc = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 ? SQLITE_OK : SQLITE_CORRUPT;
  else
    rc = sqlite3_extended_errcode (db);

out:
  if (rc == SQLITE_OK)
    ok = TRUE;
  else
    set_file_error (error, rc, path);

done:
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return ok;
}

static int
query_int (BzwStore   *self,
           const char *sql,
           int         fallback)
{
  sqlite3_stmt *stmt = NULL;
  int value = fallback;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

/**
 * bzw_store_init_sqlite:
 *
 * Sets up SQLite for this process before its first database opens: no
 * memory statistics, which take a lock around every allocation (nothing
 * here reads them; an import of 10,000 cards is about a ninth faster
 * without).  Called by everything that opens a database; safe to call
 * again, and without effect once SQLite is running.
 */
void
bzw_store_init_sqlite (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      if (sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
        g_debug ("SQLite was set up already; it keeps its memory statistics");
      g_once_init_leave (&done, 1);
    }
}

BzwStore *
bzw_store_open (const char         *path,
                BzwStoreOpenFlags   flags,
                GError            **error)
{
  g_autoptr(BzwStore) self = NULL;
  gboolean exists;
  gboolean wal;
  gboolean deferred = FALSE;
  int version;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  bzw_store_init_sqlite ();
  if (flags & BZW_STORE_OPEN_SECOND)
    {
      /* Checked when this process opened it first. */
      exists = wal = TRUE;
      flags |= BZW_STORE_OPEN_DEFER_CHECK;
    }
  else if (!check_file (path, flags, &exists, &wal, error))
    return NULL;

  /* Read before writing anything: a foreign, damaged or too new file must
   * stay as it was, and so must its folder.  The quick_check may wait only
   * when opening writes nothing: no migration, no change of journal mode
   * (and no new sort keys, see below).
   */
  if (exists && !(flags & BZW_STORE_OPEN_SECOND) &&
      !inspect_file (path, (flags & BZW_STORE_OPEN_DEFER_CHECK) && (wal || (flags & BZW_STORE_OPEN_READ_ONLY)),
                     &deferred, error))
    return NULL;

  self = g_object_new (BZW_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & BZW_STORE_OPEN_READ_ONLY) != 0;
  self->check_deferred = deferred;

  if (self->read_only)
    rc = open_for_reading (path, &self->db);
  else
    rc = sqlite3_open_v2 (path, &self->db,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                          NULL);
  if (rc != SQLITE_OK)
    {
      set_file_error (error, rc, path);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  /* inspect_file() found the triggers ours; a file created now has none yet. */
  _bzw_store_defend_connection (self->db, !self->read_only);

  /* Checked above; read again in case another process migrated it since. */
  version = query_int (self, "PRAGMA user_version", -1);
  if (version < 0 || version > BZW_SCHEMA_VERSION)
    {
      set_file_error (error, sqlite3_extended_errcode (self->db), path);
      return NULL;
    }

  if (!self->read_only)
    {
      if (!_bzw_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
          !_bzw_store_exec (self, "PRAGMA synchronous = FULL", error))
        return NULL;
    }
  if (!_bzw_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (version < BZW_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_READ_ONLY,
                       _("The database “%s” needs to be updated, but it is open read-only."), path);
          return NULL;
        }

      if (!_bzw_migrations_run (self, version, error))
        return NULL;
    }

  /* New sort keys are a write: a file whose check was deferred is checked
   * first.
   */
  _bzw_store_read_name_order (self);
  if (self->check_deferred && !_bzw_store_sort_keys_current (self) &&
      !bzw_store_check_integrity (self, TRUE, error))
    return NULL;

  if (!_bzw_store_refresh_sort_keys (self, error) || !_bzw_store_bound_photos (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * bzw_store_close:
 *
 * Closes the connection now, whoever still holds the store: every later
 * call fails with an error instead of touching the file.  For replacing the
 * file, e.g. when a backup is restored.
 */
void
bzw_store_close (BzwStore *self)
{
  g_return_if_fail (BZW_IS_STORE (self));
  g_return_if_fail (self->depth == 0);

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
  self->read_only = TRUE;
}

const char *
bzw_store_get_path (BzwStore *self)
{
  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  return self->path;
}

int
bzw_store_get_schema_version (BzwStore *self)
{
  g_return_val_if_fail (BZW_IS_STORE (self), 0);

  return query_int (self, "PRAGMA user_version", 0);
}

gboolean
bzw_store_is_read_only (BzwStore *self)
{
  g_return_val_if_fail (BZW_IS_STORE (self), TRUE);

  return self->read_only;
}

/* No contacts, circles or journal entries. */
gboolean
bzw_store_is_empty (BzwStore *self)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  return query_int (self,
                    "SELECT NOT EXISTS (SELECT 1 FROM contacts) AND NOT EXISTS (SELECT 1 FROM circles)"
                    " AND NOT EXISTS (SELECT 1 FROM encounters) AND NOT EXISTS (SELECT 1 FROM favours)"
                    " AND NOT EXISTS (SELECT 1 FROM referrals)",
                    0) != 0;
}

gboolean
bzw_store_check_integrity (BzwStore  *self,
                           gboolean   quick,
                           GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;

  sqlite3_finalize (stmt);

  if (!ok)
    g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_CORRUPT,
                 _("The database “%s” is damaged. The file was left unchanged."), self->path);
  else
    self->check_deferred = FALSE;

  return ok;
}

/**
 * bzw_store_is_check_deferred:
 *
 * Returns: %TRUE when @self was opened with %BZW_STORE_OPEN_DEFER_CHECK and
 *   its quick_check was left out; the caller then runs
 *   bzw_store_check_file() (or bzw_store_check_integrity()) soon, before
 *   anything writes to the database.
 */
gboolean
bzw_store_is_check_deferred (BzwStore *self)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  return self->check_deferred;
}

/**
 * bzw_store_check_file:
 * @path: a database, open or not
 *
 * The check bzw_store_open() makes before it writes anything (is the file
 * ours, not too new, does it pass quick_check), through a read-only
 * connection of its own: safe to call in a thread while a #BzwStore has the
 * file open.  Fails with the error bzw_store_open() would have given.
 */
gboolean
bzw_store_check_file (const char  *path,
                      GError     **error)
{
  gboolean deferred;

  g_return_val_if_fail (path != NULL, FALSE);

  return inspect_file (path, FALSE, &deferred, error);
}

/* A consistent copy through the SQLite backup API, written to a temporary
 * name with mode 0600 and renamed into place.
 */
gboolean
bzw_store_backup_to (BzwStore    *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  g_unlink (tmp);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED,
                   _("The backup “%s” cannot be written: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (sqlite3_open_v2 (tmp, &dest, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
      (backup = sqlite3_backup_init (dest, "main", self->db, "main")) != NULL)
    {
      sqlite3_backup_step (backup, -1);
      ok = sqlite3_backup_finish (backup) == SQLITE_OK;
    }

  if (dest != NULL)
    sqlite3_close_v2 (dest);

  if (ok && g_rename (tmp, path) != 0)
    ok = FALSE;

  if (!ok)
    {
      g_unlink (tmp);
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be written."), path);
    }

  return ok;
}

char *
bzw_store_dup_setting (BzwStore   *self,
                       const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (_bzw_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

gboolean
bzw_store_set_setting (BzwStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  stmt = _bzw_store_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  _bzw_store_bind_text (stmt, 2, value);
  return _bzw_store_step_done (self, stmt, error);
}
