/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Prints one JSON line per figure: how long filling the example network and
 * a synthetic network of 100,000 contacts take.
 */

#include "config.h"

#include "bzw-demo.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

static double
fill (const char *dir,
      const char *name,
      guint       n_contacts,
      guint       n_entries)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 3, 14, 10, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  gint64 start;
  gboolean ok;

  if (store == NULL)
    g_error ("Cannot open %s: %s", path, error->message);

  start = g_get_monotonic_time ();
  if (n_contacts == 0)
    ok = bzw_demo_fill (store, now, &error);
  else
    ok = bzw_demo_fill_synthetic (store, n_contacts, n_entries, 42, now, &error);
  if (!ok)
    g_error ("Cannot fill: %s", error->message);

  g_clear_object (&store);
  start = g_get_monotonic_time () - start;
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  return start / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bzw-bench-demo-XXXXXX", NULL);
  double ms;

  setlocale (LC_ALL, "");

  ms = fill (dir, "demo.db", 0, 0);
  printf ("{\"group\": \"demo\", \"name\": \"Example network filled\", \"value\": %.1f, \"unit\": \"ms\"}\n", ms);

  ms = fill (dir, "synthetic.db", 100000, 100000);
  printf ("{\"group\": \"demo\", \"name\": \"Synthetic network, 100,000 contacts and 100,000 entries\", "
          "\"value\": %.1f, \"unit\": \"ms\", \"goal\": \"seconds, not minutes\"}\n", ms);

  g_rmdir (dir);
  return 0;
}
