/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The journal at 200,000 entries: the time until the first rows of the
 * timeline are there, and search-as-you-type, keystroke to updated model.
 * Prints JSON lines for build-aux/bench.py.
 */

#include "config.h"

#include "bzw-demo.h"
#include "bzw-journal-list.h"

#include <glib/gstdio.h>
#include <stdio.h>

#define N_CONTACTS 2000
#define N_ENTRIES  200000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

static void
report (const char *name,
        double      value,
        const char *unit,
        const char *goal,
        double      ratio)
{
  printf ("{\"group\": \"journal\", \"name\": \"%s\", \"value\": %.2f, \"unit\": \"%s\"", name, value, unit);
  if (goal != NULL)
    printf (", \"goal\": \"%s\", \"ratio\": %.2f", goal, ratio);
  printf ("}\n");
  fflush (stdout);
}

static void
first_rows (BzwJournalList *list)
{
  for (guint i = 0; i < MIN (30, g_list_model_get_n_items (G_LIST_MODEL (list))); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bzw-bench-journal-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(BzwStore) store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GArray) open_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_times = g_array_new (FALSE, FALSE, sizeof (double));
  const char *words[] = { "Projekt", "Kaffee", "Angebot", "Empfehlung", "Steuer", "Köln", "Workshop", "Idee" };
  gint64 start;

  if (store == NULL || !bzw_demo_fill_synthetic (store, N_CONTACTS, N_ENTRIES, 7, now, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint run = 0; run < 7; run++)
    {
      g_autoptr(BzwJournalList) list = NULL;
      double ms;

      start = g_get_monotonic_time ();
      list = bzw_journal_list_new (store);
      first_rows (list);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (open_times, ms);
    }

  {
    g_autoptr(BzwJournalList) list = bzw_journal_list_new (store);

    for (guint w = 0; w < G_N_ELEMENTS (words); w++)
      {
        for (glong len = 1; len <= g_utf8_strlen (words[w], -1); len++)
          {
            g_autofree char *prefix = g_utf8_substring (words[w], 0, len);
            BzwJournalQuery query = { prefix, TRUE, TRUE, TRUE, 0 };
            double ms;

            start = g_get_monotonic_time ();
            bzw_journal_list_set_query (list, &query);
            first_rows (list);
            ms = (g_get_monotonic_time () - start) / 1000.0;
            g_array_append_val (search_times, ms);
          }
      }
  }

  report ("Journal of 200,000 entries: first rows, p50", percentile (open_times, 0.5), "ms", NULL, 0);
  report ("Journal of 200,000 entries: first rows, p95", percentile (open_times, 0.95), "ms", "≤ 16 ms",
          percentile (open_times, 0.95) / 16.0);
  report ("Journal search as you type, p50", percentile (search_times, 0.5), "ms", NULL, 0);
  report ("Journal search as you type, p95", percentile (search_times, 0.95), "ms", "≤ 16 ms",
          percentile (search_times, 0.95) / 16.0);

  g_clear_object (&store);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
