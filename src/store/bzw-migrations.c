/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-migrations"

#include "config.h"

#include "bzw-migrations.h"

#include "bzw-backups.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

/* One script per schema version, applied in order, each in one
 * transaction; each script ends with "PRAGMA user_version = N".
 */
static const char * const scripts[] = {
  RESOURCE_PREFIX "/sql/0001-initial.sql",
  RESOURCE_PREFIX "/sql/0002-search-order.sql",
  RESOURCE_PREFIX "/sql/0003-department.sql",
  RESOURCE_PREFIX "/sql/0004-field-group.sql",
  RESOURCE_PREFIX "/sql/0005-occasions.sql",
  RESOURCE_PREFIX "/sql/0006-sync-cards.sql",
  RESOURCE_PREFIX "/sql/0007-sync-items.sql",
  RESOURCE_PREFIX "/sql/0008-sync-revisions.sql",
  RESOURCE_PREFIX "/sql/0009-field-indexes.sql",
  RESOURCE_PREFIX "/sql/0010-journal-counter.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (scripts) == BZW_SCHEMA_VERSION);

/* The resource path of the script that makes schema @version. */
const char *
_bzw_migrations_get_script (int version)
{
  g_return_val_if_fail (version >= 1 && version <= BZW_SCHEMA_VERSION, NULL);

  return scripts[version - 1];
}

/* Backups live beside the database, in a folder of their own. */
char *
_bzw_migrations_dup_backup_dir (BzwStore *store)
{
  return bzw_backups_dup_dir (bzw_store_get_path (store));
}

static gboolean
backup_before_migration (BzwStore  *store,
                         GError   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = bzw_backups_create (store, BZW_BACKUP_UPDATE, now, error);

  return path != NULL;
}

gboolean
_bzw_migrations_run (BzwStore  *store,
                     int        from_version,
                     GError   **error)
{
  g_return_val_if_fail (from_version >= 0 && from_version < BZW_SCHEMA_VERSION, FALSE);

  /* A fresh file has nothing worth keeping. */
  if (from_version > 0 && !backup_before_migration (store, error))
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

      /* Each script ends by setting its own user_version.  check-sql: allow,
       * the script is a constant file of src/store/sql/ in the resources.
       */
      ok = _bzw_store_exec (store, sql, error);

      if (!bzw_store_finish (store, ok, error))
        return FALSE;
    }

  return TRUE;
}
