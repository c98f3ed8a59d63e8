/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-migrations"

#include "config.h"

#include "bzw-migrations.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

/* One script per schema version, applied in order, each in one
 * transaction; each script ends with "PRAGMA user_version = N".
 */
static const char * const scripts[] = {
  RESOURCE_PREFIX "/sql/0001-initial.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (scripts) == BZW_SCHEMA_VERSION);

/* Backups live beside the database, in a folder of their own. */
char *
_bzw_migrations_dup_backup_dir (BzwStore *store)
{
  g_autofree char *dir = g_path_get_dirname (bzw_store_get_path (store));

  return g_build_filename (dir, "backups", NULL);
}

static gboolean
backup_before_migration (BzwStore  *store,
                         int        from_version,
                         GError   **error)
{
  g_autofree char *dir = _bzw_migrations_dup_backup_dir (store);
  g_autofree char *base = g_path_get_basename (bzw_store_get_path (store));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s.v%d-%s.db", base, from_version, stamp);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_FAILED,
                   _("The backup folder “%s” cannot be created."), dir);
      return FALSE;
    }

  return bzw_store_backup_to (store, path, error);
}

gboolean
_bzw_migrations_run (BzwStore  *store,
                     int        from_version,
                     GError   **error)
{
  g_return_val_if_fail (from_version >= 0 && from_version < BZW_SCHEMA_VERSION, FALSE);

  /* A fresh file has nothing worth keeping. */
  if (from_version > 0 && !backup_before_migration (store, from_version, error))
    return FALSE;

  for (int version = from_version + 1; version <= BZW_SCHEMA_VERSION; version++)
    {
      g_autoptr(GBytes) script = NULL;
      g_autofree char *sql = NULL;
      gsize len;
      gboolean ok;

      script = g_resources_lookup_data (scripts[version - 1], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (script != NULL);
      sql = g_strndup (g_bytes_get_data (script, &len), g_bytes_get_size (script));

      g_debug ("Migrating schema to version %d", version);

      if (!bzw_store_begin (store, error))
        return FALSE;

      /* Each script ends by setting its own user_version. */
      ok = _bzw_store_exec (store, sql, error);

      if (!_bzw_store_finish (store, ok, error))
        return FALSE;
    }

  return TRUE;
}
