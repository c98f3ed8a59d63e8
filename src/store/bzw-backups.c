/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-backups"

#include "config.h"

#include "bzw-backups.h"
#include "bzw-backups-private.h"
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
int
_bzw_backups_open_immutable (const char  *path,
                             sqlite3    **db)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?mode=ro&immutable=1", NULL);
  int rc;

  bzw_store_init_sqlite ();
  rc = sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
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

  path = _bzw_backups_dup_path (store_path, kind, now);
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
  list = _bzw_backups_list_sorted (store_path, FALSE, error);
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

      keep = _bzw_backups_dup_path (store_path, BZW_BACKUP_RESTORE, now);
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
  ok = _bzw_backups_open_immutable (backup_path, &src) == SQLITE_OK && copy_database (src, tmp, error);
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
