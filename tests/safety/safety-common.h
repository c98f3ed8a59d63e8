/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Helpers shared by the data-safety tests. */

#pragma once

#include "bzw-store.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static inline void
safety_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      g_chmod (path, 0700);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          safety_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

/* A store at @path with @n contacts named "Kontakt N", closed again. */
static inline void
safety_make_store (const char *path,
                   guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (bzw_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BzwContact) contact = bzw_contact_new ();
      g_autofree char *name = g_strdup_printf ("Kontakt %u", i);

      bzw_contact_set_display_name (contact, name);
      bzw_contact_set_notes (contact, "Ein paar Notizen, damit die Seiten sich füllen. "
                                      "Ein paar Notizen, damit die Seiten sich füllen.");
      g_assert_true (bzw_store_save_contact (store, contact, &error));
    }
  g_assert_true (bzw_store_commit (store, &error));
  g_assert_no_error (error);
}

static inline GBytes *
safety_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static inline gboolean
safety_exists (const char *path,
               const char *suffix)
{
  g_autofree char *full = g_strconcat (path, suffix, NULL);

  return g_file_test (full, G_FILE_TEST_EXISTS);
}

/* No -wal, -shm or -journal beside @path. */
static inline void
safety_assert_no_side_files (const char *path)
{
  g_assert_false (safety_exists (path, "-wal"));
  g_assert_false (safety_exists (path, "-shm"));
  g_assert_false (safety_exists (path, "-journal"));
}

static inline int
safety_query_int (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;
  g_autofree char *uri = g_strconcat ("file:", path, "?mode=ro&immutable=1", NULL);

  /* Immutable, so that looking leaves no -wal or -shm behind. */
  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Makes @path read-only in a way that also stops root: the immutable
 * attribute when running as root, else the permission bits.  Returns FALSE
 * when that is not possible here.
 */
static inline gboolean
safety_make_read_only (const char *path,
                       gboolean    read_only)
{
  if (geteuid () != 0)
    {
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      if (S_ISDIR (st.st_mode))
        return g_chmod (path, read_only ? 0500 : 0700) == 0;
      return g_chmod (path, read_only ? 0400 : 0600) == 0;
    }
  else
    {
      const char *argv[] = { "chattr", read_only ? "+i" : "-i", path, NULL };
      int status = -1;

      if (!g_spawn_sync (NULL, (char **) argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, NULL))
        return FALSE;
      return g_spawn_check_wait_status (status, NULL) && (!read_only || access (path, W_OK) != 0);
    }
}
