/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Benchmarks of the relationship map, printed as JSON lines:
 * time to a settled layout of clustered networks beside Graphviz sfdp on
 * the same graph in the same run, time per step, and the time to draw a
 * frame at fit-to-window zoom on a 1600×1000 image surface.
 *
 * Quality beside sfdp on the same graphs: the normalised stress of the
 * positions against the distances in the contact network (the lines
 * between contacts; „Ich“'s lines to everyone would make every distance
 * 2), and at fit-to-window zoom on 1600×1000 the overlapping discs and the
 * conflicts of names (name over name or over another node) — ours as the
 * renderer draws them after the declutter, and for comparison our layout
 * and sfdp's positions with every name centred below its node as the map
 * drew them before.
 */

#include "config.h"

#include "bench-map-quality.h"
#include "bzw-map-layout.h"
#include "bzw-map-renderer.h"
#include "map-fixture.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <time.h>

#define N_FRAMES 30

static void
print_figure (const char *name,
              double      value,
              const char *unit,
              const char *goal,
              double      ratio)
{
  g_autoptr(GString) line = g_string_new (NULL);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (line, "{\"group\": \"map\", \"name\": \"%s\", \"value\": %s, \"unit\": \"%s\"",
                          name, g_ascii_formatd (buf, sizeof buf, "%.2f", value), unit);
  if (goal != NULL)
    g_string_append_printf (line, ", \"goal\": \"%s\"", goal);
  if (ratio >= 0.0)
    g_string_append_printf (line, ", \"ratio\": %s", g_ascii_formatd (buf, sizeof buf, "%.3f", ratio));
  g_string_append (line, "}");
  g_print ("%s\n", line->str);
}

static char *
thousands (guint n)
{
  if (n >= 1000)
    return g_strdup_printf ("%u,%03u", n / 1000, n % 1000);
  return g_strdup_printf ("%u", n);
}

/* The graph in DOT; without „Ich“'s lines when @contacts_only. */
static char *
write_dot (BzwMapGraph *graph,
           const char  *dir,
           gboolean     contacts_only)
{
  g_autoptr(GString) dot = g_string_new ("graph G {\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "graph.dot", NULL);

  for (guint i = 0; i < bzw_map_graph_get_n_nodes (graph); i++)
    g_string_append_printf (dot, "n%u;\n", i);
  for (guint i = 0; i < bzw_map_graph_get_n_edges (graph); i++)
    {
      const BzwMapEdge *e = bzw_map_graph_get_edge (graph, i);

      if (contacts_only && e->kind == BZW_MAP_EDGE_ME)
        continue;
      g_string_append_printf (dot, "n%u -- n%u;\n", e->source, e->target);
    }
  g_string_append (dot, "}\n");

  g_file_set_contents (path, dot->str, dot->len, &error);
  g_assert_no_error (error);
  return path;
}

/* Milliseconds sfdp takes to lay out the graph, or -1 without sfdp. */
static double
time_sfdp (BzwMapGraph *graph,
           const char  *dir)
{
  g_autofree char *sfdp = g_find_program_in_path ("sfdp");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-Tplain", "-o", "/dev/null", NULL, NULL };
  int status = 0;
  gint64 start;

  if (sfdp == NULL)
    return -1.0;

  path = write_dot (graph, dir, FALSE);
  argv[0] = sfdp;
  argv[4] = path;
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return -1.0;

  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The widget asks for a frame here; the frames below come anyway. */
static void
ready_noop (gpointer data)
{
}

static void
bench_draw (BzwMapGraph *graph,
            guint        n)
{
  g_autoptr(BzwMapRenderer) renderer = bzw_map_renderer_new (graph);
  g_autofree char *count = thousands (n);
  g_autofree char *name50 = g_strdup_printf ("Frame draw p50, %s nodes (fit, 1600×1000)", count);
  g_autofree char *name95 = g_strdup_printf ("Frame draw p95, %s nodes (fit, 1600×1000)", count);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1000);
  double times[N_FRAMES];
  double cpu[N_FRAMES];
  BzwMapView view, fit;

  bzw_map_view_init (&view, 1600, 1000);
  bzw_map_view_fit (&view, graph, 24.0);
  fit = view;
  /* As the widget draws: the neighbouring zoom buckets made ahead. */
  bzw_map_renderer_set_ahead (renderer, ready_noop, NULL);

  /* One frame to fill the caches, as the widget would have. */
  {
    cairo_t *cr = cairo_create (surface);

    bzw_map_renderer_draw (renderer, cr, &view);
    cairo_destroy (cr);
  }

  for (guint k = 0; k < N_FRAMES; k++)
    {
      cairo_t *cr;
      gint64 start;
      double cpu_start;

      view = fit;
      bzw_map_view_zoom_at (&view, 1.0 + 0.05 * sin (k * 0.7), 800, 500);
      view.offset_x += 20.0 * cos (k * 0.9);
      view.offset_y += 15.0 * sin (k * 1.3);
      view.hover = k * 37 % n;

      start = g_get_monotonic_time ();
      cpu_start = thread_cpu_ms ();
      cr = cairo_create (surface);
      bzw_map_renderer_draw (renderer, cr, &view);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      times[k] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[k] = thread_cpu_ms () - cpu_start;
    }
  cairo_surface_destroy (surface);

  qsort (times, N_FRAMES, sizeof (double), compare_double);
  print_figure (name50, times[N_FRAMES / 2], "ms", NULL, -1.0);
  print_figure (name95, times[(int) ceil (N_FRAMES * 0.95) - 1], "ms", n == 2000 ? "≤ 8 ms" : "≤ 16 ms", -1.0);

  /* The same frames in the CPU time of this thread: on a shared machine the
   * wall clock also counts the time others had the processor.
   */
  qsort (cpu, N_FRAMES, sizeof (double), compare_double);
  {
    g_autofree char *cpu50 = g_strdup_printf ("Frame draw p50 CPU time, %s nodes (fit, 1600×1000)", count);
    g_autofree char *cpu95 = g_strdup_printf ("Frame draw p95 CPU time, %s nodes (fit, 1600×1000)", count);

    print_figure (cpu50, cpu[N_FRAMES / 2], "ms", NULL, -1.0);
    print_figure (cpu95, cpu[(int) ceil (N_FRAMES * 0.95) - 1], "ms", n == 2000 ? "≤ 8 ms" : "≤ 16 ms", -1.0);
  }
}

/* Quality beside sfdp on the same graph (see the top of this file). */
static void
bench_quality (BzwMapGraph *graph,
               guint        n,
               const char  *dir)
{
  g_autofree char *count = thousands (n);
  g_autofree double *xs = g_new (double, bzw_map_graph_get_n_nodes (graph));
  g_autofree double *ys = g_new (double, bzw_map_graph_get_n_nodes (graph));
  g_autofree double *sx = NULL;
  g_autofree double *sy = NULL;
  MapQuality drawn, ours, theirs;
  gboolean with_sfdp;
  char *name;

  for (guint i = 0; i < bzw_map_graph_get_n_nodes (graph); i++)
    {
      xs[i] = bzw_map_graph_get_node (graph, i)->x;
      ys[i] = bzw_map_graph_get_node (graph, i)->y;
    }
  bench_quality_drawn (graph, &drawn);
  bench_quality_naive (graph, xs, ys, &ours);
  with_sfdp = bench_sfdp_positions (graph, dir, &sx, &sy);
  if (with_sfdp)
    bench_quality_naive (graph, sx, sy, &theirs);

  name = g_strdup_printf ("Stress (normalised), %s nodes: ours", count);
  print_figure (name, ours.stress, "", NULL, with_sfdp ? ours.stress / theirs.stress : -1.0);
  g_free (name);

  name = g_strdup_printf ("Disc overlaps at fit, %s nodes: ours drawn (layout + declutter)", count);
  print_figure (name, drawn.disc_overlaps, "pairs", "0", -1.0);
  g_free (name);
  name = g_strdup_printf ("Name conflicts at fit, %s nodes: ours drawn (%u names shown)", count, drawn.labels);
  print_figure (name, drawn.label_conflicts, "", "0", -1.0);
  g_free (name);
  name = g_strdup_printf ("Disc overlaps at fit, %s nodes: our layout alone", count);
  print_figure (name, ours.disc_overlaps, "pairs", NULL, -1.0);
  g_free (name);
  name = g_strdup_printf ("Name conflicts at fit, %s nodes: our layout, every name below its node", count);
  print_figure (name, ours.label_conflicts, "", NULL, -1.0);
  g_free (name);
  if (!with_sfdp)
    return;
  name = g_strdup_printf ("Stress (normalised), %s nodes: sfdp", count);
  print_figure (name, theirs.stress, "", NULL, -1.0);
  g_free (name);
  name = g_strdup_printf ("Disc overlaps at fit, %s nodes: sfdp", count);
  print_figure (name, theirs.disc_overlaps, "pairs", NULL, -1.0);
  g_free (name);
  name = g_strdup_printf ("Name conflicts at fit, %s nodes: sfdp, every name below its node", count);
  print_figure (name, theirs.label_conflicts, "", NULL, -1.0);
  g_free (name);
}

int
main (int   argc,
      char *argv[])
{
  static const guint all_sizes[] = { 500, 2000, 10000 };
  g_autofree char *dir = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *only = g_getenv ("BENCH_MAP_SIZES");

  setlocale (LC_ALL, "");
  dir = map_fixture_make_tmpdir ();

  /* BENCH_MAP_SIZES="10000" (or "500,2000") measures those sizes alone. */
  if (only != NULL)
    {
      g_auto(GStrv) words = g_strsplit (only, ",", -1);

      for (guint i = 0; words[i] != NULL; i++)
        {
          guint n = (guint) g_ascii_strtoull (words[i], NULL, 10);

          if (n >= 2)
            g_array_append_val (sizes, n);
        }
    }
  if (sizes->len == 0)
    g_array_append_vals (sizes, all_sizes, G_N_ELEMENTS (all_sizes));

  for (guint s = 0; s < sizes->len; s++)
    {
      guint n = g_array_index (sizes, guint, s);
      g_autoptr(BzwMapGraph) graph = map_fixture_clustered (n, 42);
      g_autoptr(BzwMapLayout) layout = bzw_map_layout_new (graph, 1);
      g_autofree char *count = thousands (n);
      g_autofree char *name = g_strdup_printf ("Layout settled, %s nodes", count);
      g_autofree char *step_name = g_strdup_printf ("Layout step, %s nodes", count);
      g_autofree char *sfdp_name = g_strdup_printf ("sfdp, %s nodes", count);
      const char *goal = n == 2000 ? "≤ 0.5× sfdp" : (n == 10000 ? "≤ 1× sfdp" : NULL);
      double ours, theirs;
      gint64 start;

      start = g_get_monotonic_time ();
      bzw_map_layout_run_until_settled (layout, 60000);
      ours = (g_get_monotonic_time () - start) / 1000.0;
      theirs = time_sfdp (graph, dir);

      print_figure (name, ours, "ms", goal, theirs > 0 ? ours / theirs : -1.0);
      if (theirs > 0)
        print_figure (sfdp_name, theirs, "ms", NULL, -1.0);
      print_figure (step_name, ours / MAX (bzw_map_layout_get_n_steps (layout), 1), "ms", NULL, -1.0);
      if (g_getenv ("BENCH_MAP_VERBOSE") != NULL)
        g_printerr ("%u nodes: %u steps, settled %d\n", n, bzw_map_layout_get_n_steps (layout),
                    bzw_map_layout_is_settled (layout));

      if (n >= 2000)
        bench_draw (graph, n);
      if (g_getenv ("BENCH_MAP_NO_QUALITY") == NULL)
        bench_quality (graph, n, dir);

      if (g_getenv ("BENCH_MAP_PNG") != NULL)
        {
          g_autofree char *png = g_strdup_printf ("%s-%u.png", g_getenv ("BENCH_MAP_PNG"), n);
          g_autoptr(BzwMapRenderer) renderer = bzw_map_renderer_new (graph);
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1000);
          cairo_t *cr = cairo_create (surface);
          BzwMapView view;

          bzw_map_view_init (&view, 1600, 1000);
          bzw_map_view_fit (&view, graph, 24.0);
          bzw_map_renderer_draw (renderer, cr, &view);
          cairo_destroy (cr);
          cairo_surface_write_to_png (surface, png);
          cairo_surface_destroy (surface);
        }
    }

  map_fixture_remove_tree (dir);
  return 0;
}
