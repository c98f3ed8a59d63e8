/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-backups"

#include "config.h"

#include "bzw-backups.h"
#include "bzw-backups-sweep.h"
#include "bzw-migrations.h"
#include "bzw-store-defense.h"
#include "bzw-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/*
 * Backups live in "backups/" beside the database, one file each, named
 * "<database>.<kind>-<YYYYMMDD-HHMMSS>[-N].db" with the time in UTC.  Each
 * is a consistent copy made with the SQLite backup API, in rollback-journal
 * mode so that it is a single self-contained file, written under a
 * temporary name with mode 0600, synced and renamed into place.
 */

static const char * const kind_names[] = { "daily", "manual", "update", "restore" };

G_DEFINE_BOXED_TYPE (BzwBackupInfo, bzw_backup_info, bzw_backup_info_copy, bzw_backup_info_free)

BzwBackupInfo *
bzw_backup_info_copy (const BzwBackupInfo *info)
{
  BzwBackupInfo *copy = g_new0 (BzwBackupInfo, 1);

  *copy = *info;
  copy->path = g_strdup (info->path);
  copy->created = info->created != NULL ? g_date_time_ref (info->created) : NULL;
  return copy;
}

void
bzw_backup_info_free (BzwBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_clear_pointer (&info->created, g_date_time_unref);
  g_free (info);
}

const char *
bzw_backup_kind_get_label (BzwBackupKind kind)
{
  switch (kind)
    {
    case BZW_BACKUP_DAILY:
      return _("Daily backup");
    case BZW_BACKUP_MANUAL:
      return _("Backup made by hand");
    case BZW_BACKUP_UPDATE:
      return _("Before an update");
    case BZW_BACKUP_RESTORE:
      return _("Before a restore");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * bzw_backups_dup_dir:
 *
 * Returns: the folder of the backups of the database at @store_path:
 *   "backups" beside it.
 */
char *
bzw_backups_dup_dir (const char *store_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (store_path != NULL, NULL);

  dir = g_path_get_dirname (store_path);
  return g_build_filename (dir, "backups", NULL);
}

static gboolean
sync_path (const char *path,
           gboolean    directory)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;

  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

static void
unlink_with_side_files (const char *path)
{
  const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static gboolean
ensure_dir (const char  *dir,
            GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BZW_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM
                   ? BZW_STORE_ERROR_READ_ONLY : BZW_STORE_ERROR_FAILED,
                   _("The backup folder “%s” cannot be created: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Opens @path for reading only, without locks and without creating any
 * file beside it.
 */
static int
open_immutable (const char  *path,
                sqlite3    **db)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?mode=ro&immutable=1", NULL);

  int rc = sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc == SQLITE_OK)
    _bzw_store_defend_connection (*db, FALSE);
  return rc;
}

/* Copies the main database of @src into a new file at @dest. */
static gboolean
copy_database (sqlite3     *src,
               const char  *dest,
               GError     **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".part", NULL);
  g_autofree char *dir = g_path_get_dirname (dest);
  sqlite3 *db = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc = SQLITE_ERROR;
  int fd;

  unlink_with_side_files (tmp);
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BZW_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM
                   ? BZW_STORE_ERROR_READ_ONLY : BZW_STORE_ERROR_FAILED,
                   _("The backup “%s” cannot be written: %s"), dest, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK &&
      (backup = sqlite3_backup_init (db, "main", src, "main")) != NULL)
    {
      for (guint tries = 0; tries < 100; tries++)
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
          sqlite3_sleep (50);
        }
      ok = sqlite3_backup_finish (backup) == SQLITE_OK && rc == SQLITE_DONE;

      /* The copy keeps the WAL flag of the source; a backup is one file. */
      ok = ok && sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) == SQLITE_OK;
    }

  if (db != NULL)
    ok = sqlite3_close (db) == SQLITE_OK && ok;

  ok = ok && sync_path (tmp, FALSE) && g_rename (tmp, dest) == 0;
  if (ok)
    sync_path (dir, TRUE);

  if (!ok)
    {
      g_debug ("Backup failed: %s", sqlite3_errstr (rc));
      unlink_with_side_files (tmp);
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be written."), dest);
    }

  return ok;
}

/* Copies a file byte for byte, to a temporary name, synced and renamed. */
static gboolean
copy_file_private (const char  *src,
                   const char  *dest,
                   GError     **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".part", NULL);
  char buffer[65536];
  gboolean ok = TRUE;
  int in;
  int out;
  gssize n;

  in = g_open (src, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED,
                   _("“%s” cannot be read: %s"), src, g_strerror (saved_errno));
      return FALSE;
    }

  g_unlink (tmp);
  out = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0)
    {
      int saved_errno = errno;

      close (in);
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED,
                   _("The backup “%s” cannot be written: %s"), dest, g_strerror (saved_errno));
      return FALSE;
    }

  while (ok && (n = read (in, buffer, sizeof buffer)) != 0)
    {
      gssize done = 0;

      if (n < 0)
        {
          ok = errno == EINTR;
          continue;
        }

      while (ok && done < n)
        {
          gssize w = write (out, buffer + done, n - done);

          if (w < 0)
            ok = errno == EINTR;
          else
            done += w;
        }
    }

  ok = fsync (out) == 0 && ok;
  ok = close (out) == 0 && ok;
  close (in);
  ok = ok && g_rename (tmp, dest) == 0;

  if (!ok)
    {
      g_unlink (tmp);
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be written."), dest);
    }

  return ok;
}

/* A free name for a new backup of @kind at @now. */
static char *
dup_backup_path (const char     *store_path,
                 BzwBackupKind   kind,
                 GDateTime      *now)
{
  g_autofree char *dir = bzw_backups_dup_dir (store_path);
  g_autofree char *base = g_path_get_basename (store_path);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autofree char *stamp = g_date_time_format (utc, "%Y%m%d-%H%M%S");

  for (guint n = 1; ; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.%s-%s.db", base, kind_names[kind], stamp)
                                     : g_strdup_printf ("%s.%s-%s-%u.db", base, kind_names[kind], stamp, n);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
}

/* Reads the kind and time of a backup from its file name. */
static gboolean
parse_backup_name (const char     *base,
                   const char     *name,
                   BzwBackupKind  *kind,
                   GDateTime     **created)
{
  gsize base_len = strlen (base);
  const char *rest;
  int year, month, day, hour, minute, second;
  char tail[16] = { 0 };

  if (strncmp (name, base, base_len) != 0 || name[base_len] != '.' || !g_str_has_suffix (name, ".db"))
    return FALSE;

  rest = name + base_len + 1;
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      gsize len = strlen (kind_names[i]);

      if (strncmp (rest, kind_names[i], len) != 0 || rest[len] != '-')
        continue;

      if (sscanf (rest + len + 1, "%4d%2d%2d-%2d%2d%2d%15s", &year, &month, &day, &hour, &minute, &second,
                  tail) != 7 ||
          (strcmp (tail, ".db") != 0 && (tail[0] != '-' || !g_str_has_suffix (tail, ".db"))))
        return FALSE;

      *created = g_date_time_new_utc (year, month, day, hour, minute, second);
      *kind = i;
      return *created != NULL;
    }

  return FALSE;
}

static gboolean
read_int (sqlite3    *db,
          const char *sql,
          int        *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }

  sqlite3_finalize (stmt);
  return ok;
}

/**
 * bzw_backups_check_file:
 * @path: a backup
 * @full: %TRUE for PRAGMA integrity_check, %FALSE for quick_check
 * @schema_version: (out) (optional):
 * @n_contacts: (out) (optional):
 *
 * Looks at a backup without changing it or creating anything beside it:
 * is it one of ours, not from a newer version, and undamaged?
 */
gboolean
bzw_backups_check_file (const char  *path,
                        gboolean     full,
                        int         *schema_version,
                        int         *n_contacts,
                        GError     **error)
{
  static const char sqlite_magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int tables = 0;
  int count = -1;
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BZW_STORE_ERROR,
                   saved_errno == ENOENT ? BZW_STORE_ERROR_NOT_FOUND : BZW_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be read: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (read (fd, header, sizeof header) != sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      close (fd);
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Beziehungsweise database."), path);
      return FALSE;
    }
  close (fd);

  if (open_immutable (path, &db) != SQLITE_OK || !read_int (db, "PRAGMA user_version", &version))
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged."), path);
      goto out;
    }

  if (version > BZW_SCHEMA_VERSION)
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_TOO_NEW,
                   _("The backup “%s” was made by a newer version of Beziehungsweise."), path);
      goto out;
    }

  if (version < 1 ||
      !read_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'contacts')",
                 &tables) ||
      tables != 2)
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Beziehungsweise database."), path);
      goto out;
    }

  if (sqlite3_prepare_v2 (db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0 ||
      !read_int (db, "SELECT count(*) FROM contacts", &count))
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged."), path);
      goto out;
    }

  ok = TRUE;
  if (schema_version != NULL)
    *schema_version = version;
  if (n_contacts != NULL)
    *n_contacts = count;

out:
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return ok;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const BzwBackupInfo *x = *(BzwBackupInfo * const *) a;
  const BzwBackupInfo *y = *(BzwBackupInfo * const *) b;
  int order = g_date_time_compare (y->created, x->created);

  return order != 0 ? order : strcmp (y->path, x->path);
}

/* The backups of @store_path, newest first; with @details each is opened to
 * read its schema version and number of contacts.
 */
static GPtrArray *
list_backups (const char  *store_path,
              gboolean     details,
              GError     **error)
{
  g_autofree char *dir_path = bzw_backups_dup_dir (store_path);
  g_autofree char *base = g_path_get_basename (store_path);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bzw_backup_info_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);

      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED,
                   _("The backup folder “%s” cannot be read."), dir_path);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(BzwBackupInfo) info = g_new0 (BzwBackupInfo, 1);
      GStatBuf st;

      if (!parse_backup_name (base, name, &info->kind, &info->created))
        continue;

      info->path = g_build_filename (dir_path, name, NULL);
      info->schema_version = -1;
      info->n_contacts = -1;
      if (g_stat (info->path, &st) == 0)
        info->size = st.st_size;

      if (details)
        bzw_backups_check_file (info->path, FALSE, &info->schema_version, &info->n_contacts, NULL);

      g_ptr_array_add (list, g_steal_pointer (&info));
    }

  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

/**
 * bzw_backups_list:
 * @store_path: the database
 *
 * Lists the backups of the database at @store_path, newest first.  Each is
 * opened read-only (without a trace) for its schema version and number of
 * contacts; a backup that cannot be read has -1 there.
 *
 * Returns: (transfer full) (element-type BzwBackupInfo):
 */
GPtrArray *
bzw_backups_list (const char  *store_path,
                  GError     **error)
{
  g_return_val_if_fail (store_path != NULL, NULL);

  return list_backups (store_path, TRUE, error);
}

/**
 * bzw_backups_create:
 * @store: an open store, outside a transaction
 * @kind: why
 * @now: the time in the name
 *
 * Writes a consistent copy of @store into the backup folder.
 *
 * Returns: (transfer full): the path of the backup, or %NULL
 */
char *
bzw_backups_create (BzwStore       *store,
                    BzwBackupKind   kind,
                    GDateTime      *now,
                    GError        **error)
{
  const char *store_path;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (store->depth == 0, NULL);

  store_path = bzw_store_get_path (store);
  dir = bzw_backups_dup_dir (store_path);
  if (!ensure_dir (dir, error))
    return NULL;
  _bzw_backups_sweep_parts (dir);

  path = dup_backup_path (store_path, kind, now);
  if (!copy_database (store->db, path, error))
    return NULL;

  g_debug ("Backup written: %s", path);
  return g_steal_pointer (&path);
}

/**
 * bzw_backups_create_now:
 *
 * "Sicherung erstellen…": a backup of @store made now, kept until the user
 * removes it.
 *
 * Returns: (transfer full): the path of the backup, or %NULL
 */
char *
bzw_backups_create_now (BzwStore  *store,
                        GError   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return bzw_backups_create (store, BZW_BACKUP_MANUAL, now, error);
}

static GDate *
date_of (GDateTime *time)
{
  return g_date_new_dmy (g_date_time_get_day_of_month (time),
                         g_date_time_get_month (time),
                         g_date_time_get_year (time));
}

static int
week_of (GDateTime *time)
{
  return g_date_time_get_week_numbering_year (time) * 100 + g_date_time_get_week_of_year (time);
}

/**
 * bzw_backups_rotate:
 *
 * Of the daily backups, keeps the newest of each of the last
 * %BZW_BACKUPS_DAILY_KEPT days that have one, and the oldest of each of the
 * %BZW_BACKUPS_WEEKLY_KEPT most recent weeks before (ISO weeks, UTC); removes
 * the rest.  Run once a day, this keeps each week's first backup for a
 * month.  Backups of other kinds are kept.
 */
gboolean
bzw_backups_rotate (const char  *store_path,
                    GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) daily = g_ptr_array_new ();
  g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);
  g_autoptr(GDate) last_day = NULL;
  int last_week = 0;
  guint n_weekly = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (store_path != NULL, FALSE);

  list = list_backups (store_path, FALSE, error);
  if (list == NULL)
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    if (((BzwBackupInfo *) list->pdata[i])->kind == BZW_BACKUP_DAILY)
      g_ptr_array_add (daily, list->pdata[i]);

  /* Newest first: the newest of each day. */
  for (guint i = 0, n_daily = 0; i < daily->len && n_daily < BZW_BACKUPS_DAILY_KEPT; i++)
    {
      BzwBackupInfo *info = daily->pdata[i];
      g_autoptr(GDate) day = date_of (info->created);

      if (last_day != NULL && g_date_compare (day, last_day) == 0)
        continue;

      g_hash_table_add (keep, info);
      n_daily++;
      g_clear_pointer (&last_day, g_date_free);
      last_day = g_steal_pointer (&day);
    }

  /* Then the first of each week, for the newest weeks. */
  for (guint i = 0; i < daily->len && n_weekly < BZW_BACKUPS_WEEKLY_KEPT; i++)
    {
      BzwBackupInfo *info = daily->pdata[i];
      BzwBackupInfo *next_older = i + 1 < daily->len ? daily->pdata[i + 1] : NULL;
      int week = week_of (info->created);

      /* The oldest of its week is the one whose next older is in another. */
      if (g_hash_table_contains (keep, info) || week == last_week ||
          (next_older != NULL && week_of (next_older->created) == week))
        continue;

      g_hash_table_add (keep, info);
      last_week = week;
      n_weekly++;
    }

  for (guint i = 0; i < daily->len; i++)
    {
      BzwBackupInfo *info = daily->pdata[i];

      if (g_hash_table_contains (keep, info))
        continue;

      g_debug ("Removing old backup %s", info->path);
      if (g_unlink (info->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          if (ok)
            g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED,
                         _("The old backup “%s” cannot be removed: %s"), info->path, g_strerror (saved_errno));
          ok = FALSE;
        }
    }

  return ok;
}

/**
 * bzw_backups_maybe_daily:
 * @store: an open store
 * @now: the current time; its time zone decides what a day is
 * @created_path: (out) (optional) (nullable): the new backup, or %NULL when
 *   none was needed
 *
 * Makes the daily backup unless there is one from the same day already, and
 * rotates the daily backups.  Read-only and empty stores are left alone.
 * Call it once at start-up.
 */
gboolean
bzw_backups_maybe_daily (BzwStore   *store,
                         GDateTime  *now,
                         char      **created_path,
                         GError    **error)
{
  const char *store_path;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (created_path != NULL)
    *created_path = NULL;

  if (bzw_store_is_read_only (store) || bzw_store_is_empty (store))
    return TRUE;

  store_path = bzw_store_get_path (store);
  list = list_backups (store_path, FALSE, error);
  if (list == NULL)
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      BzwBackupInfo *info = g_ptr_array_index (list, i);
      g_autoptr(GDateTime) local = NULL;

      if (info->kind != BZW_BACKUP_DAILY)
        continue;

      local = g_date_time_to_timezone (info->created, g_date_time_get_timezone (now));
      if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
        return TRUE;
      break;
    }

  path = bzw_backups_create (store, BZW_BACKUP_DAILY, now, error);
  if (path == NULL)
    return FALSE;

  if (created_path != NULL)
    *created_path = g_strdup (path);

  return bzw_backups_rotate (store_path, error);
}

/**
 * bzw_backups_restore:
 * @store_path: the database to replace; no #BzwStore may have it open
 * @backup_path: the backup to restore
 * @now: the time for the name of the backup of the current file
 * @previous_path: (out) (optional) (nullable): where the current file was
 *   kept, or %NULL when there was none
 *
 * Replaces the database with a backup.  The backup must pass
 * integrity_check; the current file (whatever state it is in) is first
 * copied into the backup folder.  The new file is written under a temporary
 * name with mode 0600 and renamed into place.  On failure nothing changes.
 */
gboolean
bzw_backups_restore (const char  *store_path,
                     const char  *backup_path,
                     GDateTime   *now,
                     char       **previous_path,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *store_dir = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  sqlite3 *src = NULL;
  GStatBuf st;
  gboolean ok;

  g_return_val_if_fail (store_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (previous_path != NULL)
    *previous_path = NULL;

  if (!bzw_backups_check_file (backup_path, TRUE, NULL, NULL, &local_error))
    {
      g_set_error (error, BZW_STORE_ERROR, local_error->code,
                   _("Nothing was restored: %s"), local_error->message);
      return FALSE;
    }

  dir = bzw_backups_dup_dir (store_path);
  store_dir = g_path_get_dirname (store_path);
  wal = g_strconcat (store_path, "-wal", NULL);
  shm = g_strconcat (store_path, "-shm", NULL);

  /* Keep the current file first, byte for byte, with its -wal. */
  if (g_stat (store_path, &st) == 0 && st.st_size > 0)
    {
      g_autofree char *keep_wal = NULL;
      sqlite3 *db = NULL;

      if (!ensure_dir (dir, error))
        return FALSE;

      keep = dup_backup_path (store_path, BZW_BACKUP_RESTORE, now);
      if (!copy_file_private (store_path, keep, error))
        return FALSE;

      keep_wal = g_strconcat (keep, "-wal", NULL);
      if (g_file_test (wal, G_FILE_TEST_EXISTS) && !copy_file_private (wal, keep_wal, error))
        {
          g_unlink (keep);
          return FALSE;
        }

      /* Fold a -wal into the kept copy when it is a healthy database; a
       * damaged one stays as it was.
       */
      if (g_file_test (keep_wal, G_FILE_TEST_EXISTS) &&
          sqlite3_open_v2 (keep, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
        sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
      if (db != NULL)
        sqlite3_close (db);
    }

  /* Write the restored database beside the current one, then swap. */
  tmp = g_strconcat (store_path, ".restoring", NULL);
  ok = open_immutable (backup_path, &src) == SQLITE_OK && copy_database (src, tmp, error);
  sqlite3_close_v2 (src);
  if (!ok)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED,
                     _("Nothing was restored: the backup “%s” could not be copied."), backup_path);
      return FALSE;
    }

  /* A -wal left beside the old file would be applied to the new one. */
  g_unlink (wal);
  g_unlink (shm);

  if (g_rename (tmp, store_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED,
                   _("The database “%s” cannot be replaced: %s"), store_path, g_strerror (saved_errno));
      return FALSE;
    }
  sync_path (store_dir, TRUE);

  g_debug ("Restored %s from %s", store_path, backup_path);

  if (previous_path != NULL)
    *previous_path = g_steal_pointer (&keep);

  return TRUE;
}

/**
 * bzw_backups_get_recovery_actions:
 * @store_path: the database that could not be opened
 * @error: the error of bzw_store_open()
 *
 * What the window can sensibly offer for @error: restoring a backup (when a
 * readable one exists), opening another file, opening read-only, trying
 * again.
 */
BzwRecoveryActions
bzw_backups_get_recovery_actions (const char   *store_path,
                                  const GError *error)
{
  BzwRecoveryActions actions = BZW_RECOVERY_OPEN_OTHER;
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (store_path != NULL, BZW_RECOVERY_NONE);
  g_return_val_if_fail (error != NULL, BZW_RECOVERY_NONE);

  if (error->domain == BZW_STORE_ERROR)
    {
      switch (error->code)
        {
        case BZW_STORE_ERROR_READ_ONLY:
          actions |= BZW_RECOVERY_OPEN_READ_ONLY;
          break;

        case BZW_STORE_ERROR_LOCKED:
          actions |= BZW_RECOVERY_TRY_AGAIN | BZW_RECOVERY_OPEN_READ_ONLY;
          break;

        default:
          break;
        }
    }

  list = bzw_backups_list (store_path, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      BzwBackupInfo *info = g_ptr_array_index (list, i);

      if (info->n_contacts >= 0)
        {
          actions |= BZW_RECOVERY_RESTORE_BACKUP;
          break;
        }
    }

  return actions;
}

/**
 * bzw_backups_get_recovery_heading:
 *
 * A short heading for the dialog that explains @error; the error's message
 * is the body.
 */
const char *
bzw_backups_get_recovery_heading (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != BZW_STORE_ERROR)
    return _("The Database Cannot Be Opened");

  switch (error->code)
    {
    case BZW_STORE_ERROR_NOT_A_DATABASE:
      return _("Not a Beziehungsweise Database");
    case BZW_STORE_ERROR_CORRUPT:
      return _("The Database Is Damaged");
    case BZW_STORE_ERROR_TOO_NEW:
      return _("Database From a Newer Version");
    case BZW_STORE_ERROR_READ_ONLY:
      return _("The Database Is Read-Only");
    case BZW_STORE_ERROR_LOCKED:
      return _("The Database Is in Use");
    case BZW_STORE_ERROR_NOT_FOUND:
      return _("Database Not Found");
    default:
      return _("The Database Cannot Be Opened");
    }
}
