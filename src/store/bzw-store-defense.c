/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store-defense"

#include "config.h"

#include "bzw-store-defense.h"

#include "bzw-migrations.h"
#include "bzw-store.h"

#include <gio/gio.h>

/**
 * _bzw_store_defend_connection:
 * @trust_schema: whether the triggers and views of the file were checked
 *   to be exactly ours (_bzw_store_check_schema())
 *
 * Sets `cell_size_check`, so that a damaged or crafted page is reported
 * instead of read past its end, and, unless @trust_schema, turns off
 * `trusted_schema`, so that triggers and views of the file cannot call
 * functions or virtual tables with side effects.  A connection that writes
 * needs a trusted schema: our own triggers keep the FTS5 index, which
 * SQLite allows only from a trusted schema.
 */
void
_bzw_store_defend_connection (sqlite3  *db,
                              gboolean  trust_schema)
{
  /* check-sql: allow, constant pragmas. */
  sqlite3_exec (db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
  sqlite3_exec (db, trust_schema ? "PRAGMA trusted_schema = ON" : "PRAGMA trusted_schema = OFF",
                NULL, NULL, NULL);
}

/* Reads the triggers and views of @db as "type name table sql" lines. */
static int
read_objects (sqlite3    *db,
              GPtrArray **objects)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *objects = g_ptr_array_new_with_free_func (g_free);
  rc = sqlite3_prepare_v2 (db,
                           "SELECT type, name, tbl_name, sql FROM sqlite_master"
                           " WHERE type IN ('trigger', 'view') ORDER BY type, name",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (*objects,
                       g_strdup_printf ("%s\n%s\n%s\n%s",
                                        (const char *) sqlite3_column_text (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 2),
                                        (const char *) sqlite3_column_text (stmt, 3)));
      rc = SQLITE_OK;
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;

  sqlite3_finalize (stmt);
  return rc;
}

/* What the migration scripts up to @version create, in memory. */
static int
build_reference (int       version,
                 sqlite3 **reference)
{
  int rc = sqlite3_open_v2 (":memory:", reference, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  /* The scripts are resources that the store's class registers. */
  g_type_class_unref (g_type_class_ref (BZW_TYPE_STORE));

  for (int v = 1; rc == SQLITE_OK && v <= version; v++)
    {
      g_autoptr(GBytes) script = g_resources_lookup_data (_bzw_migrations_get_script (v),
                                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autofree char *sql = NULL;

      g_assert (script != NULL);
      sql = g_strndup (g_bytes_get_data (script, NULL), g_bytes_get_size (script));
      /* check-sql: allow, the script is a constant file of src/store/sql/. */
      rc = sqlite3_exec (*reference, sql, NULL, NULL, NULL);
    }

  return rc;
}

/**
 * _bzw_store_check_schema:
 * @version: the file's user_version, at most %BZW_SCHEMA_VERSION
 * @ours: (out): whether its triggers and views are exactly those our
 *   migrations create for @version
 *
 * A trigger or view that is not ours runs code of someone else's choosing
 * on every write or read: such a file is foreign.
 *
 * Returns: the SQLite result code of reading the schema
 */
int
_bzw_store_check_schema (sqlite3  *db,
                         int       version,
                         gboolean *ours)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  sqlite3 *reference = NULL;
  int rc;

  g_return_val_if_fail (version > 0 && version <= BZW_SCHEMA_VERSION, SQLITE_MISUSE);

  *ours = FALSE;
  rc = read_objects (db, &found);
  if (rc != SQLITE_OK)
    return rc;

  rc = build_reference (version, &reference);
  if (rc == SQLITE_OK)
    rc = read_objects (reference, &expected);
  sqlite3_close (reference);
  if (rc != SQLITE_OK)
    {
      g_warning ("Cannot build the reference schema: %s", sqlite3_errstr (rc));
      return SQLITE_OK;
    }

  *ours = found->len == expected->len;
  for (guint i = 0; *ours && i < found->len; i++)
    *ours = g_strcmp0 (found->pdata[i], expected->pdata[i]) == 0;

  if (!*ours)
    g_debug ("The triggers and views of the file are not those of schema version %d", version);

  return SQLITE_OK;
}
