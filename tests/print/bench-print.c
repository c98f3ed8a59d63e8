/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-overview-renderer.h"
#include "bzw-store.h"
#include "print-fixtures.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

/* How fast the contact overview is: the whole PDF (read from the store,
 * laid out, drawn, written) for 1,000 and 10,000 contacts, and the time
 * until a print preview can show its first page.  Prints JSON lines only.
 */

typedef struct
{
  double seconds;
  int    pages;
} Run;

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  double x = ((const Run *) a)->seconds;
  double y = ((const Run *) b)->seconds;

  return x < y ? -1 : x > y;
}

static BzwStore *
make_store (const char *dir,
            guint       n)
{
  g_autofree char *name = g_strdup_printf ("bench-%u.db", n);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  BzwStore *store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    g_error ("Cannot open the bench store: %s", error->message);

  print_fixture_fill_synthetic (store, n, g_get_real_time () / G_USEC_PER_SEC);
  return store;
}

static Run
write_pdf (BzwStore   *store,
           const char *dir)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(BzwOverviewRenderer) renderer = NULL;
  g_autofree char *path = g_build_filename (dir, "overview.pdf", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start;
  Run run;

  bzw_overview_options_set_include_notes (options, TRUE);
  start = g_get_monotonic_time ();
  renderer = bzw_overview_renderer_new (store, options);
  if (!bzw_overview_renderer_write_pdf (renderer, path, &error))
    g_error ("Cannot write the overview: %s", error->message);
  run.seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  run.pages = bzw_overview_renderer_get_n_pages (renderer);
  g_unlink (path);

  return run;
}

/* What GtkPrintOperation does before the preview shows page 1: load,
 * paginate, draw the first page onto an image surface at screen scale.
 */
static double
first_preview_page (BzwStore *store)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();
  g_autoptr(BzwOverviewRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  const double scale = 96.0 / 72.0;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 start;
  double seconds;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        BZW_OVERVIEW_A4_WIDTH * scale, BZW_OVERVIEW_A4_HEIGHT * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);

  start = g_get_monotonic_time ();
  renderer = bzw_overview_renderer_new (store, options);
  if (!bzw_overview_renderer_load (renderer, &error))
    g_error ("Cannot load the overview: %s", error->message);
  bzw_overview_renderer_paginate (renderer, cr, BZW_OVERVIEW_A4_WIDTH - 72, BZW_OVERVIEW_A4_HEIGHT - 72);
  bzw_overview_renderer_draw_page (renderer, cr, 0);
  cairo_surface_flush (surface);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return seconds;
}

static void
print_figure (const char *name,
              double      value,
              const char *unit,
              const char *goal,
              double      ratio)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  char ratio_number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.3f", value);
  if (goal != NULL)
    {
      g_ascii_formatd (ratio_number, sizeof ratio_number, "%.2f", ratio);
      printf ("{\"group\": \"print\", \"name\": \"%s\", \"value\": %s, \"unit\": \"%s\", "
              "\"goal\": \"%s\", \"ratio\": %s}\n", name, number, unit, goal, ratio_number);
    }
  else
    {
      printf ("{\"group\": \"print\", \"name\": \"%s\", \"value\": %s, \"unit\": \"%s\"}\n",
              name, number, unit);
    }
  fflush (stdout);
}

static void
bench_size (const char *dir,
            guint       n,
            guint       repeats)
{
  g_autoptr(BzwStore) store = make_store (dir, n);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autofree char *name = NULL;
  Run median;

  for (guint i = 0; i < repeats; i++)
    {
      Run run = write_pdf (store, dir);

      g_array_append_val (runs, run);
    }
  g_array_sort (runs, compare_runs);
  median = g_array_index (runs, Run, runs->len / 2);

  name = g_strdup_printf ("Overview PDF, %u,%03u contacts (%d pages)", n / 1000, n % 1000, median.pages);
  if (n == 1000)
    print_figure (name, median.seconds, "s", "≤ 1 s", median.seconds / 1.0);
  else
    print_figure (name, median.seconds, "s", NULL, 0);

  g_free (name);
  name = g_strdup_printf ("Overview PDF, %u,%03u contacts: pages per second", n / 1000, n % 1000);
  print_figure (name, median.pages / median.seconds, "pages/s", NULL, 0);

  if (n == 1000)
    {
      double best = G_MAXDOUBLE;

      for (guint i = 0; i < repeats; i++)
        best = MIN (best, first_preview_page (store));

      print_figure ("Print preview, first page of 1,000 contacts", best * 1000, "ms", "≤ 300 ms", best * 1000 / 300);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  setlocale (LC_ALL, "");

  dir = g_dir_make_tmp ("bzw-bench-print-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  bench_size (dir, 1000, 5);
  bench_size (dir, 10000, 1);

  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);

  return 0;
}
