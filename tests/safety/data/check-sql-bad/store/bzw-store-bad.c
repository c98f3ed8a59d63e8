/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Planted problems for tests/safety/check-sql.py; never compiled. */

#define GOOD_COLUMNS "id, uid"
#define BAD_COLUMNS  "id, " FIELD_NAME

static int
run_query (BzwStore   *self,
           const char *query)
{
  return sqlite3_prepare_v2 (self->db, query, -1, NULL, NULL);
}

static void
fine (BzwStore *self,
      gboolean  quick)
{
  _bzw_store_prepare (self, "SELECT " GOOD_COLUMNS " FROM contacts WHERE id = ?1", NULL);
  _bzw_store_exec (self, quick ? "PRAGMA quick_check" : ("PRAGMA " "integrity_check"), NULL);
  run_query (self, "SELECT 1");
  /* check-sql: allow, a reviewed exception. */
  _bzw_store_exec (self, reviewed_sql, NULL);
}

static void
bad (BzwStore   *self,
     const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM contacts WHERE name = '%s'", name);

  /* 1: printf-built SQL */
  _bzw_store_prepare (self, sql, NULL);
  /* 2: through a wrapper */
  run_query (self, sql);
  /* 3: a macro that is not made of literals */
  _bzw_store_prepare (self, "SELECT " BAD_COLUMNS " FROM contacts", NULL);
  /* 4: sqlite3_mprintf */
  char *text = sqlite3_mprintf ("DELETE FROM %s", name);
  /* 5: concatenation at run time */
  sqlite3_exec (self->db, g_strconcat ("DROP TABLE ", name, NULL), NULL, NULL, NULL);
}

extern const char *table_name;

/* A row description whose SQL is constant is fine; read through a pointer
 * it counts as constant where it is used.
 */
static const BzwRowSave good_row = {
  .insert_sql = "INSERT INTO circles (uid) VALUES (?2)",
  .update_sql = "UPDATE circles SET uid = ?2 WHERE id = ?1",
};

/* 7: a row description whose SQL is a variable */
static const BzwRowSave bad_row = {
  .insert_sql = "INSERT INTO circles (uid) VALUES (?2)",
  .update_sql = table_name,
};

static void
write_row (BzwStore         *self,
           const BzwRowSave *how)
{
  _bzw_store_prepare (self, how->update_sql, NULL);
}
