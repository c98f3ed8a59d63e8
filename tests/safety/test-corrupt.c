/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Files that are not ours, damaged, too new or read-only: the store refuses
 * them with the right error and leaves them as they were, byte for byte,
 * without a -wal, -shm or -journal beside them.
 */

#include "config.h"

#include "bzw-store-private.h"
#include "safety-common.h"

#include <locale.h>

typedef struct
{
  char *dir;
  char *path;
  char *read_only;  /* a path made read-only, to undo in tear_down */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("bzw-corrupt-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "beziehungsweise.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->read_only != NULL)
    safety_make_read_only (fixture->read_only, FALSE);
  safety_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->read_only);
}

/* Opens @path, expects @code, and checks that nothing changed. */
static void
assert_refused (const char        *path,
                BzwStoreOpenFlags  flags,
                int                code)
{
  g_autoptr(GBytes) before = safety_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);

  store = bzw_store_open (path, flags, &error);
  g_assert_null (store);
  g_assert_error (error, BZW_STORE_ERROR, code);
  g_test_message ("%s", error->message);

  /* The message names the file and is a sentence. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_str_has_suffix (error->message, "."));

  after = safety_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  safety_assert_no_side_files (path);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

static void
test_foreign_text (Fixture       *fixture,
                   gconstpointer  data)
{
  const char vcard[] = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jürgen Weiß\r\nEND:VCARD\r\n";

  g_assert_true (g_file_set_contents (fixture->path, vcard, -1, NULL));
  assert_refused (fixture->path, BZW_STORE_OPEN_DEFAULT, BZW_STORE_ERROR_NOT_A_DATABASE);
  assert_refused (fixture->path, BZW_STORE_OPEN_READ_ONLY, BZW_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_random_bytes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  g_autofree guint32 *noise = g_new (guint32, 16384);

  for (guint i = 0; i < 16384; i++)
    noise[i] = g_rand_int (rand);
  g_assert_true (g_file_set_contents (fixture->path, (const char *) noise, 16384 * 4, NULL));
  assert_refused (fixture->path, BZW_STORE_OPEN_DEFAULT, BZW_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  GStatBuf st;

  safety_make_store (fixture->path, 2000);
  safety_assert_no_side_files (fixture->path);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (truncate (fixture->path, st.st_size / 2), ==, 0);

  assert_refused (fixture->path, BZW_STORE_OPEN_DEFAULT, BZW_STORE_ERROR_CORRUPT);
  assert_refused (fixture->path, BZW_STORE_OPEN_READ_ONLY, BZW_STORE_ERROR_CORRUPT);
}

/* Overwrites three pages in the middle of @path: the header and the schema
 * stay intact, so only reading every page (quick_check) finds the damage.
 */
static void
damage_pages (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (815);
  g_autoptr(GBytes) bytes = safety_read_bytes (path);
  g_autofree char *contents = NULL;
  gsize len;

  contents = g_memdup2 (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));
  for (gsize i = len / 3; i < len / 3 + 3 * 4096; i++)
    contents[i] = g_rand_int (rand);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  safety_assert_no_side_files (path);
}

/* A real database whose pages in the middle were overwritten. */
static void
test_damaged_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  safety_make_store (fixture->path, 2000);
  damage_pages (fixture->path);

  assert_refused (fixture->path, BZW_STORE_OPEN_DEFAULT, BZW_STORE_ERROR_CORRUPT);
  assert_refused (fixture->path, BZW_STORE_OPEN_READ_ONLY, BZW_STORE_ERROR_CORRUPT);
}

/* The start-up of the app: the quick_check of a current file waits until
 * the window is on screen.  The damaged file opens, nothing is written to
 * it, and the deferred check finds the damage, through a connection of its
 * own as in the app's thread and through the store's.
 */
static void
test_deferred_check_damaged (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;

  safety_make_store (fixture->path, 2000);
  damage_pages (fixture->path);
  before = safety_read_bytes (fixture->path);

  /* Without the flag, as before: refused at once. */
  assert_refused (fixture->path, BZW_STORE_OPEN_DEFAULT, BZW_STORE_ERROR_CORRUPT);

  store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_store_is_check_deferred (store));

  g_assert_false (bzw_store_check_file (fixture->path, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);

  g_assert_false (bzw_store_check_integrity (store, TRUE, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_CORRUPT);
  g_assert_true (bzw_store_is_check_deferred (store));

  bzw_store_close (store);
  g_clear_object (&store);
  after = safety_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  safety_assert_no_side_files (fixture->path);
}

/* A healthy file passes the deferred check, and only a current file opened
 * with the flag defers it.
 */
static void
test_deferred_check_healthy (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;

  safety_make_store (fixture->path, 2000);

  store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (bzw_store_is_check_deferred (store));
  g_clear_object (&store);

  store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_store_is_check_deferred (store));
  g_assert_cmpuint (bzw_store_count_contacts (store), ==, 2000);
  g_assert_true (bzw_store_check_file (fixture->path, &error));
  g_assert_no_error (error);
  g_assert_true (bzw_store_check_integrity (store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (bzw_store_is_check_deferred (store));
  g_clear_object (&store);

  store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFER_CHECK | BZW_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_store_is_check_deferred (store));
  g_clear_object (&store);

  /* A new file has nothing to check. */
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_false (bzw_store_is_check_deferred (store));
}

/* When opening has to write, the check comes first even with the flag:
 * a damaged file is refused and left as it was.
 */
static void
test_deferred_check_before_writing (Fixture       *fixture,
                                    gconstpointer  data)
{
  /* Not in WAL mode: switching to it rewrites the header. */
  safety_make_store (fixture->path, 2000);
  exec_sql (fixture->path, "PRAGMA journal_mode = DELETE");
  damage_pages (fixture->path);
  assert_refused (fixture->path, BZW_STORE_OPEN_DEFER_CHECK, BZW_STORE_ERROR_CORRUPT);
  safety_remove_tree (fixture->path);

  /* Sort keys of another rule (an older version, the other name order):
   * they are written anew.
   */
  safety_make_store (fixture->path, 2000);
  exec_sql (fixture->path, "UPDATE meta SET value = 'old' WHERE key = 'sort-rule'");
  damage_pages (fixture->path);
  assert_refused (fixture->path, BZW_STORE_OPEN_DEFER_CHECK, BZW_STORE_ERROR_CORRUPT);
}

/* An SQLite file of some other program: never add our tables to it. */
static void
test_foreign_sqlite (Fixture       *fixture,
                     gconstpointer  data)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                                     "INSERT INTO moz_places (url) VALUES ('https://example.org/')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (fixture->path, BZW_STORE_OPEN_DEFAULT, BZW_STORE_ERROR_NOT_A_DATABASE);
  assert_refused (fixture->path, BZW_STORE_OPEN_READ_ONLY, BZW_STORE_ERROR_NOT_A_DATABASE);

  /* The same with a user_version that looks like one of ours. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (fixture->path, BZW_STORE_OPEN_DEFAULT, BZW_STORE_ERROR_NOT_A_DATABASE);
}

/* One of ours, written by a newer version (in WAL mode, as ours are). */
static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  sqlite3 *db;

  safety_make_store (fixture->path, 10);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  safety_assert_no_side_files (fixture->path);
  g_assert_cmpint (safety_query_int (fixture->path, "PRAGMA user_version"), ==, 99);

  assert_refused (fixture->path, BZW_STORE_OPEN_DEFAULT, BZW_STORE_ERROR_TOO_NEW);
  assert_refused (fixture->path, BZW_STORE_OPEN_READ_ONLY, BZW_STORE_ERROR_TOO_NEW);
}

/* Opens @path read-only, reads, and checks nothing changed. */
static void
assert_opens_read_only (const char *path,
                        guint       n_contacts)
{
  g_autoptr(GBytes) before = safety_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(BzwContact) contact = bzw_contact_new ();

  store = bzw_store_open (path, BZW_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_store_is_read_only (store));
  g_assert_cmpuint (bzw_store_count_contacts (store), ==, n_contacts);
  g_assert_true (bzw_store_check_integrity (store, FALSE, &error));

  bzw_contact_set_display_name (contact, "Neu");
  g_assert_false (bzw_store_save_contact (store, contact, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);

  after = safety_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  safety_assert_no_side_files (path);
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  safety_make_store (fixture->path, 25);
  fixture->read_only = g_strdup (fixture->path);
  if (!safety_make_read_only (fixture->path, TRUE))
    {
      g_clear_pointer (&fixture->read_only, g_free);
      g_test_skip ("Running as root without the immutable attribute: cannot make a file read-only here");
      return;
    }

  assert_refused (fixture->path, BZW_STORE_OPEN_DEFAULT, BZW_STORE_ERROR_READ_ONLY);
  assert_opens_read_only (fixture->path, 25);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  safety_make_store (fixture->path, 25);
  fixture->read_only = g_strdup (fixture->dir);
  if (!safety_make_read_only (fixture->dir, TRUE))
    {
      g_clear_pointer (&fixture->read_only, g_free);
      g_test_skip ("Running as root without the immutable attribute: cannot make a folder read-only here");
      return;
    }

  assert_refused (fixture->path, BZW_STORE_OPEN_DEFAULT, BZW_STORE_ERROR_READ_ONLY);
  assert_opens_read_only (fixture->path, 25);
}

/* A good file opens in WAL mode with synchronous=FULL and passes the checks. */
static void
test_good_file_settings (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;
  GStatBuf st;

  safety_make_store (fixture->path, 5);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_store_check_integrity (store, TRUE, &error));
  g_assert_true (bzw_store_check_integrity (store, FALSE, &error));
  g_assert_no_error (error);

  /* What makes a crash lose at most the edit in progress. */
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (store->db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_prepare_v2 (store->db, "PRAGMA synchronous", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
    sqlite3_finalize (stmt);
  }
  g_clear_object (&store);

  /* The header says WAL (bytes 18 and 19 are 2). */
  {
    g_autoptr(GBytes) bytes = safety_read_bytes (fixture->path);
    const guint8 *header = g_bytes_get_data (bytes, NULL);

    g_assert_cmpint (header[18], ==, 2);
    g_assert_cmpint (header[19], ==, 2);
  }
}

/* Opening an existing file goes through an SQLite URI: characters that
 * mean something in a URI must not change which file is opened.
 */
static void
test_unusual_path (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "Ordner mit Ümlaut & 50% #1?", NULL);
  g_autofree char *path = g_build_filename (dir, "Daten ß.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;

  safety_make_store (path, 7);
  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bzw_store_count_contacts (store), ==, 7);
  g_clear_object (&store);
  assert_opens_read_only (path, 7);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/safety/open/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("foreign-text", test_foreign_text);
  ADD ("random-bytes", test_random_bytes);
  ADD ("truncated", test_truncated);
  ADD ("damaged-pages", test_damaged_pages);
  ADD ("deferred-check-damaged", test_deferred_check_damaged);
  ADD ("deferred-check-healthy", test_deferred_check_healthy);
  ADD ("deferred-check-before-writing", test_deferred_check_before_writing);
  ADD ("foreign-sqlite", test_foreign_sqlite);
  ADD ("newer-version", test_newer_version);
  ADD ("read-only-file", test_read_only_file);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("good-file-settings", test_good_file_settings);
  ADD ("unusual-path", test_unusual_path);
#undef ADD

  return g_test_run ();
}
