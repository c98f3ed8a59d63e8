/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The contact list at 100,000 contacts (a synthetic network): latency of
 * search as you type, time to open the list and show the first rows, and
 * memory while reading every row once in order.  Prints one JSON line per
 * figure.
 *
 * Search latency is measured from setting the text (one keystroke) until
 * the model has its new items and the 20 rows a window shows are loaded.
 */

#include "config.h"

#include "bzw-contact-list.h"
#include "bzw-demo.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_CONTACTS 100000
#define N_ENTRIES  20000
#define N_NAMES    8
#define N_VISIBLE  20

static double
rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;

  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

static void
print_figure (const char *name,
              double      value,
              const char *unit,
              const char *goal,
              double      ratio)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  printf ("{\"group\": \"contacts\", \"name\": \"%s\", \"value\": %s, \"unit\": \"%s\"",
          name, g_ascii_formatd (buf, sizeof buf, "%.2f", value), unit);
  if (goal != NULL)
    printf (", \"goal\": \"%s\", \"ratio\": %s", goal, g_ascii_formatd (buf, sizeof buf, "%.3f", ratio));
  printf ("}\n");
  fflush (stdout);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
percentile (GArray *values,
            double  p)
{
  guint index = (guint) (p * (values->len - 1) + 0.5);

  return g_array_index (values, double, MIN (index, values->len - 1));
}

static void
show_rows (BzwContactList *list,
           guint           n)
{
  guint len = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < MIN (n, len); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bzw-bench-contacts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "contacts.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 3, 14, 10, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(BzwContactList) list = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n_items;
  gint64 start;
  double ms;

  setlocale (LC_ALL, "");

  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !bzw_demo_fill_synthetic (store, N_CONTACTS, N_ENTRIES, 42, now, &error))
    g_error ("Cannot fill the store: %s", error->message);

  /* Opening the list and showing the first rows. */
  start = g_get_monotonic_time ();
  list = bzw_contact_list_new (store);
  show_rows (list, 30);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (n_items < N_CONTACTS / 2)
    g_error ("The list shows only %u contacts", n_items);
  print_figure ("Open the list of 100,000 contacts and show the first 30 rows", ms, "ms", NULL, 0);

  /* Names spread over the list, typed letter by letter. */
  for (guint i = 0; i < N_NAMES; i++)
    {
      g_autoptr(BzwContact) contact = g_list_model_get_item (G_LIST_MODEL (list),
                                                             (n_items / N_NAMES) * i + 7);

      g_ptr_array_add (names, bzw_contact_dup_best_name (contact));
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      for (const char *end = g_utf8_next_char (name); ; end = g_utf8_next_char (end))
        {
          g_autofree char *prefix = g_strndup (name, end - name);

          start = g_get_monotonic_time ();
          bzw_contact_list_set_text (list, prefix);
          show_rows (list, N_VISIBLE);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (latencies, ms);

          if (*end == '\0')
            break;
        }

      /* The whole name must find the contact. */
      if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
        g_error ("Searching for a name found nothing");

      bzw_contact_list_set_text (list, NULL);
    }

  g_array_sort (latencies, compare_doubles);
  print_figure ("Search as you type, p50 (keystroke to updated list)", percentile (latencies, 0.5), "ms",
                NULL, 0);
  print_figure ("Search as you type, p95 (keystroke to updated list)", percentile (latencies, 0.95), "ms",
                "≤ 16 ms", percentile (latencies, 0.95) / 16.0);
  print_figure ("Search as you type, worst keystroke", percentile (latencies, 1.0), "ms", NULL, 0);

  /* Reading every row once, in order, as scrolling does. */
  bzw_contact_list_set_text (list, NULL);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  print_figure ("RSS while scrolling the whole list, at 0%", rss_mib (), "MiB", NULL, 0);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_items; i++)
    {
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
      if (i == n_items / 2)
        print_figure ("RSS while scrolling the whole list, at 50%", rss_mib (), "MiB", NULL, 0);
    }
  ms = (g_get_monotonic_time () - start) / 1000.0;
  print_figure ("RSS while scrolling the whole list, at 100%", rss_mib (), "MiB", "≤ 200 MiB", rss_mib () / 200.0);
  print_figure ("Reading every row of the list once", ms, "ms", NULL, 0);

  g_clear_object (&list);
  g_clear_object (&store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  return 0;
}
