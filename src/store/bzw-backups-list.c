/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Finding and judging backups: their names, the list, checking a file,
 * rotation, and what to offer when the database cannot be opened.  Making
 * and restoring them is in bzw-backups.c.
 */

#define G_LOG_DOMAIN "bzw-backups"

#include "config.h"

#include "bzw-backups-private.h"
#include "bzw-migrations.h"
#include "bzw-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static const char * const kind_names[] = { "daily", "manual", "update", "restore" };

/* A free name for a new backup of @kind at @now. */
char *
_bzw_backups_dup_path (const char     *store_path,
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

  if (_bzw_backups_open_immutable (path, &db) != SQLITE_OK ||
      _bzw_store_read_int (db, "PRAGMA user_version", &version) != SQLITE_OK)
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
      _bzw_store_read_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                           " AND name IN ('meta', 'contacts')", &tables) != SQLITE_OK ||
      tables != 2)
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Beziehungsweise database."), path);
      goto out;
    }

  if (sqlite3_prepare_v2 (db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0 ||
      _bzw_store_read_int (db, "SELECT count(*) FROM contacts", &count) != SQLITE_OK)
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
GPtrArray *
_bzw_backups_list_sorted (const char  *store_path,
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

  return _bzw_backups_list_sorted (store_path, TRUE, error);
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

  list = _bzw_backups_list_sorted (store_path, FALSE, error);
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
