/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What data safety costs on a large database (100,000 contacts and 100,000
 * journal entries): opening it (which runs quick_check), the daily backup,
 * a full integrity_check and a restore.  Prints one JSON line per figure.
 */

#include "config.h"

#include "bzw-backups.h"
#include "bzw-demo.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static void
print_figure (const char *name,
              double      ms)
{
  printf ("{\"group\": \"safety\", \"name\": \"%s\", \"value\": %.1f, \"unit\": \"ms\"}\n", name, ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bzw-bench-safety-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "beziehungsweise.db", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 3, 14, 10, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;
  gint64 start;

  setlocale (LC_ALL, "");

  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !bzw_demo_fill_synthetic (store, 100000, 100000, 42, now, &error))
    g_error ("Cannot fill: %s", error->message);
  g_clear_object (&store);

  start = g_get_monotonic_time ();
  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("Cannot open: %s", error->message);
  print_figure ("Open with quick_check, 100,000 contacts", (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  if (!bzw_backups_maybe_daily (store, now, &backup, &error) || backup == NULL)
    g_error ("Cannot back up: %s", error != NULL ? error->message : "none made");
  print_figure ("Daily backup, 100,000 contacts", (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  if (!bzw_store_check_integrity (store, FALSE, &error))
    g_error ("Damaged: %s", error->message);
  print_figure ("integrity_check, 100,000 contacts", (g_get_monotonic_time () - start) / 1000.0);
  g_clear_object (&store);

  start = g_get_monotonic_time ();
  if (!bzw_backups_restore (path, backup, now, NULL, &error))
    g_error ("Cannot restore: %s", error->message);
  print_figure ("Restore (with integrity_check and keeping the current file), 100,000 contacts",
                (g_get_monotonic_time () - start) / 1000.0);

  remove_tree (dir);
  return 0;
}
