/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-test-fixture.h"

#include <glib/gstdio.h>

/* Opens the store at @path read-write, or fails the test. */
BzwStore *
bzw_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  BzwStore *store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Makes a temporary directory and opens a new store at @relative_path
 * below it ("test.db", or "sub/test.db" for a folder the store creates).
 */
void
bzw_test_store_open (BzwTestStore *fixture,
                     const char   *relative_path)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("bzw-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, relative_path, NULL);
  fixture->store = bzw_test_open_store (fixture->path);
}

/* Closes the store and removes the directory with all it holds; fails
 * the test if anything is left behind.
 */
void
bzw_test_store_close (BzwTestStore *fixture)
{
  g_clear_object (&fixture->store);
  bzw_test_remove_tree (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

void
bzw_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      bzw_test_remove_tree (child);
    }
  g_rmdir (path);
}
