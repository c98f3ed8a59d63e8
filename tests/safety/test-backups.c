/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Backups: consistent private copies, daily at most once, rotation to 7
 * daily and 4 weekly, restore that keeps the current file first and refuses
 * a damaged backup.
 */

#include "config.h"

#include "bzw-backups.h"
#include "bzw-backups-sweep.h"
#include "safety-common.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <time.h>
#include <utime.h>

typedef struct
{
  char *dir;
  char *path;
  char *backups;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  fixture->dir = g_dir_make_tmp ("bzw-backups-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "beziehungsweise.db", NULL);
  fixture->backups = bzw_backups_dup_dir (fixture->path);
  expected = g_build_filename (fixture->dir, "backups", NULL);
  g_assert_cmpstr (fixture->backups, ==, expected);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  safety_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->backups);
}

static BzwStore *
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  BzwStore *store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static void
add_contact (BzwStore   *store,
             const char *name)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;

  bzw_contact_set_display_name (contact, name);
  g_assert_true (bzw_store_save_contact (store, contact, &error));
  g_assert_no_error (error);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_create_and_list (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *header;
  BzwBackupInfo *info;
  int version = 0;
  int n = 0;
  GStatBuf st;

  safety_make_store (fixture->path, 30);
  store = open_store (fixture);

  first = bzw_backups_create_now (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (g_str_has_prefix (first, fixture->backups));

  /* Private, one self-contained file in rollback-journal mode. */
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (fixture->backups, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  bytes = safety_read_bytes (first);
  header = g_bytes_get_data (bytes, NULL);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);
  safety_assert_no_side_files (first);
  g_assert_true (bzw_backups_check_file (first, TRUE, &version, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, bzw_store_get_schema_version (store));
  g_assert_cmpint (n, ==, 30);

  /* A second one, later, with more contacts; both listed, newest first. */
  for (guint i = 0; i < 12; i++)
    add_contact (store, "Noch jemand");
  later = g_date_time_new_utc (2099, 5, 17, 8, 0, 0);
  second = bzw_backups_create (store, BZW_BACKUP_MANUAL, later, &error);
  g_assert_no_error (error);

  list = bzw_backups_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpstr (info->path, ==, second);
  g_assert_cmpint (info->kind, ==, BZW_BACKUP_MANUAL);
  g_assert_cmpint (info->n_contacts, ==, 42);
  g_assert_cmpint (g_date_time_get_year (info->created), ==, 2099);
  g_assert_cmpint (g_date_time_get_hour (info->created), ==, 8);
  g_assert_cmpint (info->size, >, 0);
  info = g_ptr_array_index (list, 1);
  g_assert_cmpstr (info->path, ==, first);
  g_assert_cmpint (info->n_contacts, ==, 30);
  g_assert_cmpint (info->schema_version, ==, bzw_store_get_schema_version (store));

  /* Listing left nothing behind; a backup of another database is not ours. */
  g_assert_cmpuint (count_files (fixture->backups), ==, 2);
  {
    g_autofree char *other = g_build_filename (fixture->dir, "andere.db", NULL);
    g_autoptr(GPtrArray) none = bzw_backups_list (other, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static GDateTime *
day_at (int day,
        int hour)
{
  g_autoptr(GDateTime) base = g_date_time_new_utc (2026, 1, 5, 0, 0, 0);
  g_autoptr(GDateTime) date = g_date_time_add_days (base, day);

  return g_date_time_add_hours (date, hour);
}

static void
test_daily_rotation (Fixture       *fixture,
                     gconstpointer  data)
{
  /* 5 January 2026 is a Monday: the weekly ones are the Mondays. */
  const int expected[] = { 39, 38, 37, 36, 35, 34, 33, 28, 21, 14, 7 };
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *manual = NULL;
  guint n_daily = 0;
  guint n_manual = 0;

  safety_make_store (fixture->path, 3);
  store = open_store (fixture);

  for (int day = 0; day < 40; day++)
    {
      /* The app starts at different hours, sometimes twice a day. */
      g_autoptr(GDateTime) morning = day_at (day, 7 + day % 5);
      g_autoptr(GDateTime) evening = day_at (day, 21);
      g_autofree char *created = NULL;
      g_autofree char *again = NULL;

      add_contact (store, "Tag");
      g_assert_true (bzw_backups_maybe_daily (store, morning, &created, &error));
      g_assert_no_error (error);
      g_assert_nonnull (created);

      g_assert_true (bzw_backups_maybe_daily (store, evening, &again, &error));
      g_assert_no_error (error);
      g_assert_null (again);

      if (day == 2)
        {
          manual = bzw_backups_create (store, BZW_BACKUP_MANUAL, evening, &error);
          g_assert_no_error (error);
        }
    }

  list = bzw_backups_list (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      BzwBackupInfo *info = g_ptr_array_index (list, i);

      if (info->kind == BZW_BACKUP_MANUAL)
        {
          g_assert_cmpstr (info->path, ==, manual);
          n_manual++;
          continue;
        }

      g_assert_cmpint (info->kind, ==, BZW_BACKUP_DAILY);
      g_assert_cmpuint (n_daily, <, G_N_ELEMENTS (expected));
      {
        g_autoptr(GDateTime) want = day_at (expected[n_daily], 0);

        g_assert_cmpint (g_date_time_get_day_of_year (info->created), ==, g_date_time_get_day_of_year (want));
      }
      /* Each holds the contacts of its day: 3 at first, one more a day. */
      g_assert_cmpint (info->n_contacts, ==, 3 + expected[n_daily] + 1);
      n_daily++;
    }

  g_test_message ("Kept %u daily and weekly backups and %u made by hand", n_daily, n_manual);
  g_assert_cmpuint (n_daily, ==, BZW_BACKUPS_DAILY_KEPT + BZW_BACKUPS_WEEKLY_KEPT);
  g_assert_cmpuint (n_manual, ==, 1);
  g_assert_cmpuint (count_files (fixture->backups), ==, 12);
}

static void
test_no_daily_for_read_only_or_empty (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = NULL;

  store = open_store (fixture);
  g_assert_true (bzw_backups_maybe_daily (store, now, &created, &error));
  g_assert_null (created);
  g_clear_object (&store);

  safety_make_store (fixture->path, 3);
  store = bzw_store_open (fixture->path, BZW_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_backups_maybe_daily (store, now, &created, &error));
  g_assert_null (created);
  g_assert_false (g_file_test (fixture->backups, G_FILE_TEST_EXISTS));
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *backup = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *previous_again = NULL;
  int n = 0;
  GStatBuf st;

  safety_make_store (fixture->path, 10);
  store = open_store (fixture);
  backup = bzw_backups_create_now (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    add_contact (store, "Nach der Sicherung");
  g_clear_object (&store);

  g_assert_true (bzw_backups_restore (fixture->path, backup, now, &previous, &error));
  g_assert_no_error (error);

  /* The file that was there is kept, with the 15 contacts. */
  g_assert_nonnull (previous);
  g_assert_true (bzw_backups_check_file (previous, TRUE, NULL, &n, &error));
  g_assert_cmpint (n, ==, 15);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  safety_assert_no_side_files (fixture->path);
  store = open_store (fixture);
  g_assert_cmpuint (bzw_store_count_contacts (store), ==, 10);
  g_assert_true (bzw_store_check_integrity (store, FALSE, &error));
  add_contact (store, "Nach der Wiederherstellung");
  g_clear_object (&store);

  /* And back again. */
  g_assert_true (bzw_backups_restore (fixture->path, previous, now, &previous_again, &error));
  g_assert_no_error (error);
  store = open_store (fixture);
  g_assert_cmpuint (bzw_store_count_contacts (store), ==, 15);
  g_assert_true (bzw_backups_check_file (previous_again, TRUE, NULL, &n, &error));
  g_assert_cmpint (n, ==, 11);
}

static void
test_restore_keeps_unflushed_wal (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *backup = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);
  g_autoptr(GBytes) db_bytes = NULL;
  g_autoptr(GBytes) wal_bytes = NULL;
  int n = 0;

  /* A file as a crash leaves it: part of the data only in the -wal. */
  safety_make_store (fixture->path, 4);
  store = open_store (fixture);
  backup = bzw_backups_create_now (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 6; i++)
    add_contact (store, "Nur im WAL");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  db_bytes = safety_read_bytes (fixture->path);
  wal_bytes = safety_read_bytes (wal);
  g_clear_object (&store);
  g_assert_true (g_file_set_contents (copy, g_bytes_get_data (db_bytes, NULL), g_bytes_get_size (db_bytes), NULL));
  g_assert_true (g_file_set_contents (copy_wal, g_bytes_get_data (wal_bytes, NULL), g_bytes_get_size (wal_bytes), NULL));
  g_assert_cmpint (g_rename (copy, fixture->path), ==, 0);
  g_assert_cmpint (g_rename (copy_wal, wal), ==, 0);

  g_assert_true (bzw_backups_restore (fixture->path, backup, now, &previous, &error));
  g_assert_no_error (error);
  safety_assert_no_side_files (fixture->path);
  g_assert_true (bzw_backups_check_file (previous, TRUE, NULL, &n, &error));
  g_assert_cmpint (n, ==, 10);
  safety_assert_no_side_files (previous);

  store = open_store (fixture);
  g_assert_cmpuint (bzw_store_count_contacts (store), ==, 4);
}

static void
test_restore_over_damaged_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *backup = NULL;
  g_autofree char *previous = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) kept = NULL;
  GStatBuf st;

  safety_make_store (fixture->path, 500);
  store = open_store (fixture);
  backup = bzw_backups_create_now (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (truncate (fixture->path, st.st_size / 2), ==, 0);
  damaged = safety_read_bytes (fixture->path);
  store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (bzw_backups_restore (fixture->path, backup, now, &previous, &error));
  g_assert_no_error (error);

  /* The damaged file is kept exactly as it was. */
  kept = safety_read_bytes (previous);
  g_assert_true (g_bytes_equal (kept, damaged));

  store = open_store (fixture);
  g_assert_cmpuint (bzw_store_count_contacts (store), ==, 500);
}

static void
test_restore_refuses_bad_backup (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.db", NULL);
  g_autofree char *previous = NULL;
  sqlite3 *db;
  gsize len;

  safety_make_store (fixture->path, 800);
  store = open_store (fixture);
  backup = bzw_backups_create_now (store, &error);
  g_assert_no_error (error);
  add_contact (store, "Aktuell");
  g_clear_object (&store);
  before = safety_read_bytes (fixture->path);

  /* Damage pages in the middle of the backup. */
  bytes = safety_read_bytes (backup);
  contents = g_memdup2 (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));
  memset (contents + len / 2, 0x5a, 8192);
  g_assert_true (g_file_set_contents (backup, contents, len, NULL));

  g_assert_false (bzw_backups_restore (fixture->path, backup, now, &previous, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_null (previous);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (foreign, "Kein SQLite", -1, NULL));
  g_assert_false (bzw_backups_restore (fixture->path, foreign, now, NULL, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  g_unlink (foreign);
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE meta (key); CREATE TABLE contacts (id); PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (bzw_backups_restore (fixture->path, foreign, now, NULL, &error));
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);

  /* Nothing changed: the database, and no backup of it was made. */
  after = safety_read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  list = bzw_backups_list (fixture->path, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((BzwBackupInfo *) list->pdata[0])->n_contacts, ==, -1);
}

static void
test_recovery_actions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) corrupt = g_error_new_literal (BZW_STORE_ERROR, BZW_STORE_ERROR_CORRUPT, "x");
  g_autoptr(GError) read_only = g_error_new_literal (BZW_STORE_ERROR, BZW_STORE_ERROR_READ_ONLY, "x");
  g_autoptr(GError) locked = g_error_new_literal (BZW_STORE_ERROR, BZW_STORE_ERROR_LOCKED, "x");
  g_autofree char *backup = NULL;
  BzwRecoveryActions actions;

  /* Without a backup there is nothing to restore. */
  actions = bzw_backups_get_recovery_actions (fixture->path, corrupt);
  g_assert_cmpint (actions, ==, BZW_RECOVERY_OPEN_OTHER);
  actions = bzw_backups_get_recovery_actions (fixture->path, read_only);
  g_assert_cmpint (actions, ==, BZW_RECOVERY_OPEN_OTHER | BZW_RECOVERY_OPEN_READ_ONLY);
  actions = bzw_backups_get_recovery_actions (fixture->path, locked);
  g_assert_true (actions & BZW_RECOVERY_TRY_AGAIN);

  safety_make_store (fixture->path, 2);
  store = open_store (fixture);
  backup = bzw_backups_create_now (store, &error);
  g_assert_no_error (error);

  actions = bzw_backups_get_recovery_actions (fixture->path, corrupt);
  g_assert_cmpint (actions, ==, BZW_RECOVERY_OPEN_OTHER | BZW_RECOVERY_RESTORE_BACKUP);
  g_assert_cmpstr (bzw_backups_get_recovery_heading (corrupt), ==, "The Database Is Damaged");
  g_assert_cmpstr (bzw_backup_kind_get_label (BZW_BACKUP_DAILY), ==, "Daily backup");
}

/* The daily backup of a window killed while it ran leaves a .part file as
 * large as the database; the next backup removes it, but not one that
 * another process is writing right now.
 */
static void
test_sweeps_stale_parts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 2, 9, 0, 0);
  g_autofree char *stale = NULL;
  g_autofree char *stale_journal = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *created = NULL;
  struct utimbuf old_times;

  safety_make_store (fixture->path, 30);
  store = open_store (fixture);
  g_assert_cmpint (g_mkdir_with_parents (fixture->backups, 0700), ==, 0);

  stale = g_build_filename (fixture->backups, "beziehungsweise.db.daily-20260301-090000.db.part", NULL);
  stale_journal = g_strconcat (stale, "-journal", NULL);
  fresh = g_build_filename (fixture->backups, "beziehungsweise.db.manual-20260302-085959.db.part", NULL);
  g_assert_true (g_file_set_contents (stale, "half a backup", -1, NULL));
  g_assert_true (g_file_set_contents (stale_journal, "its journal", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "being written", -1, NULL));
  old_times.actime = old_times.modtime = time (NULL) - 2 * BZW_BACKUPS_STALE_PART_SECONDS;
  g_assert_cmpint (utime (stale, &old_times), ==, 0);
  g_assert_cmpint (utime (stale_journal, &old_times), ==, 0);

  g_assert_true (bzw_backups_maybe_daily (store, now, &created, &error));
  g_assert_no_error (error);
  g_assert_nonnull (created);

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (created, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/safety/backups/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create-and-list", test_create_and_list);
  ADD ("daily-rotation", test_daily_rotation);
  ADD ("no-daily-for-read-only-or-empty", test_no_daily_for_read_only_or_empty);
  ADD ("restore", test_restore);
  ADD ("restore-keeps-unflushed-wal", test_restore_keeps_unflushed_wal);
  ADD ("restore-over-damaged-file", test_restore_over_damaged_file);
  ADD ("restore-refuses-bad-backup", test_restore_refuses_bad_backup);
  ADD ("recovery-actions", test_recovery_actions);
  ADD ("sweeps-stale-parts", test_sweeps_stale_parts);
#undef ADD

  return g_test_run ();
}
