/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The quality figures of bench-map: normalised stress, overlapping discs
 * and conflicting names of a picture, for our layout and for sfdp's
 * positions of the same graph.
 */

#include "config.h"

#include "bench-map-quality.h"

#include "bzw-map-declutter.h"
#include "bzw-map-layout.h"
#include "bzw-map-renderer.h"

#include <math.h>

#define STRESS_SOURCES 200
#define QUALITY_W      1600
#define QUALITY_H      1000

/* Neighbours in the contact network: the lines between contacts. */
typedef struct
{
  guint *start;
  guint *adj;
} Adjacency;

static void
adjacency_init (Adjacency   *a,
                BzwMapGraph *graph)
{
  guint n = bzw_map_graph_get_n_nodes (graph);
  guint m = bzw_map_graph_get_n_edges (graph);
  g_autofree guint *fill = NULL;

  a->start = g_new0 (guint, n + 1);
  a->adj = g_new (guint, 2 * MAX (m, 1));
  for (guint i = 0; i < m; i++)
    {
      const BzwMapEdge *e = bzw_map_graph_get_edge (graph, i);

      if (e->kind == BZW_MAP_EDGE_ME || e->source == e->target)
        continue;
      a->start[e->source + 1]++;
      a->start[e->target + 1]++;
    }
  for (guint i = 0; i < n; i++)
    a->start[i + 1] += a->start[i];
  fill = g_memdup2 (a->start, sizeof (guint) * (n + 1));
  for (guint i = 0; i < m; i++)
    {
      const BzwMapEdge *e = bzw_map_graph_get_edge (graph, i);

      if (e->kind == BZW_MAP_EDGE_ME || e->source == e->target)
        continue;
      a->adj[fill[e->source]++] = e->target;
      a->adj[fill[e->target]++] = e->source;
    }
}

static void
adjacency_clear (Adjacency *a)
{
  g_free (a->start);
  g_free (a->adj);
}

static void
bfs (const Adjacency *a,
     guint            n,
     guint            source,
     int             *dist,
     guint           *queue)
{
  guint head = 0, tail = 0;

  for (guint i = 0; i < n; i++)
    dist[i] = -1;
  dist[source] = 0;
  queue[tail++] = source;
  while (head < tail)
    {
      guint v = queue[head++];

      for (guint k = a->start[v]; k < a->start[v + 1]; k++)
        if (dist[a->adj[k]] < 0)
          {
            dist[a->adj[k]] = dist[v] + 1;
            queue[tail++] = a->adj[k];
          }
    }
}

/**
 * bench_stress:
 *
 * The normalised stress of the positions: over the pairs of contacts
 * joined in the contact network (from up to STRESS_SOURCES sources spread
 * over the nodes), Σ (α·|xi − xj| − dij)² / dij² divided by the number of
 * pairs, with the graph distance dij in edges and the scale α that
 * minimises it, so the figure does not depend on the unit.  0 is perfect.
 */
double
bench_stress (BzwMapGraph  *graph,
              const double *xs,
              const double *ys)
{
  guint n = bzw_map_graph_get_n_nodes (graph);
  guint step = MAX (1, (n - 1) / STRESS_SOURCES);
  g_autofree int *dist = g_new (int, n);
  g_autofree guint *queue = g_new (guint, n);
  double sum_ed = 0, sum_ee = 0;
  double alpha;
  double stress = 0;
  guint pairs = 0;
  Adjacency a;

  adjacency_init (&a, graph);

  /* Two passes: the best scale, then the stress at that scale. */
  for (int pass = 0; pass < 2; pass++)
    {
      alpha = sum_ee > 0 ? sum_ed / sum_ee : 1.0;
      for (guint s = 1; s < n; s += step)
        {
          bfs (&a, n, s, dist, queue);
          for (guint j = 1; j < n; j++)
            {
              double d, e;

              if (j == s || dist[j] <= 0)
                continue;
              d = dist[j];
              e = hypot (xs[s] - xs[j], ys[s] - ys[j]);
              if (pass == 0)
                {
                  sum_ed += e / d;
                  sum_ee += e * e / (d * d);
                }
              else
                {
                  stress += (alpha * e - d) * (alpha * e - d) / (d * d);
                  pairs++;
                }
            }
        }
    }

  adjacency_clear (&a);
  return pairs > 0 ? stress / pairs : 0.0;
}

/**
 * bench_sfdp_positions:
 *
 * Lays the contact network out with sfdp and reads its positions.
 *
 * Returns: whether sfdp ran
 */
gboolean
bench_sfdp_positions (BzwMapGraph  *graph,
                      const char   *dir,
                      double      **xs,
                      double      **ys)
{
  g_autofree char *sfdp = g_find_program_in_path ("sfdp");
  g_autofree char *path = g_build_filename (dir, "contacts.dot", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GString) dot = g_string_new ("graph G {\n");
  g_auto(GStrv) lines = NULL;
  guint n = bzw_map_graph_get_n_nodes (graph);
  const char *argv[] = { NULL, "-Tplain", NULL, NULL };
  int status = 0;

  if (sfdp == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (dot, "n%u;\n", i);
  for (guint i = 0; i < bzw_map_graph_get_n_edges (graph); i++)
    {
      const BzwMapEdge *e = bzw_map_graph_get_edge (graph, i);

      if (e->kind != BZW_MAP_EDGE_ME)
        g_string_append_printf (dot, "n%u -- n%u;\n", e->source, e->target);
    }
  g_string_append (dot, "}\n");
  if (!g_file_set_contents (path, dot->str, dot->len, NULL))
    return FALSE;

  argv[0] = sfdp;
  argv[2] = path;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                     &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;

  *xs = g_new0 (double, n);
  *ys = g_new0 (double, n);
  lines = g_strsplit (out, "\n", -1);
  for (guint k = 0; lines[k] != NULL; k++)
    {
      guint i;
      char *end;

      if (!g_str_has_prefix (lines[k], "node n"))
        continue;
      i = (guint) g_ascii_strtoull (lines[k] + 6, &end, 10);
      if (i >= n)
        continue;
      /* Inches, y up: as points, y down. */
      (*xs)[i] = g_ascii_strtod (end, &end) * 72.0;
      (*ys)[i] = -g_ascii_strtod (end, &end) * 72.0;
    }
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

/* The median length of a line between contacts. */
static double
median_edge (BzwMapGraph  *graph,
             const double *xs,
             const double *ys)
{
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < bzw_map_graph_get_n_edges (graph); i++)
    {
      const BzwMapEdge *e = bzw_map_graph_get_edge (graph, i);
      double l = hypot (xs[e->source] - xs[e->target], ys[e->source] - ys[e->target]);

      if (e->kind != BZW_MAP_EDGE_ME)
        g_array_append_val (lengths, l);
    }
  if (lengths->len == 0)
    return BZW_MAP_LAYOUT_EDGE_LENGTH;
  g_array_sort (lengths, compare_doubles);
  return g_array_index (lengths, double, lengths->len / 2);
}

/* Fits the positions into QUALITY_W × QUALITY_H with a margin of 24 and
 * gives the screen discs: a node as large against the median line between
 * contacts as on our map.
 */
static void
fit_discs (BzwMapGraph  *graph,
           const double *xs,
           const double *ys,
           BzwMapDisc   *discs)
{
  guint n = bzw_map_graph_get_n_nodes (graph);
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  double unit = median_edge (graph, xs, ys) / BZW_MAP_LAYOUT_EDGE_LENGTH;
  double scale;

  for (guint i = 0; i < n; i++)
    {
      x1 = MIN (x1, xs[i]);
      y1 = MIN (y1, ys[i]);
      x2 = MAX (x2, xs[i]);
      y2 = MAX (y2, ys[i]);
    }
  scale = MIN ((QUALITY_W - 48.0) / MAX (x2 - x1, 1.0), (QUALITY_H - 48.0) / MAX (y2 - y1, 1.0));
  for (guint i = 0; i < n; i++)
    {
      discs[i].x = 24.0 + (xs[i] - x1) * scale;
      discs[i].y = 24.0 + (ys[i] - y1) * scale;
      discs[i].r = MAX (bzw_map_graph_get_node (graph, i)->radius * unit * scale, 1.5);
    }
}

/**
 * bench_quality_naive:
 *
 * Overlapping discs and conflicts of names when the positions are fitted
 * to the window as they are and every node's name (12 px Cantarell, about
 * 6.5 px a letter) is centred below it, as the map drew them before the
 * declutter.
 */
void
bench_quality_naive (BzwMapGraph  *graph,
                     const double *xs,
                     const double *ys,
                     MapQuality   *quality)
{
  guint n = bzw_map_graph_get_n_nodes (graph);
  g_autofree BzwMapDisc *discs = g_new (BzwMapDisc, n);
  g_autofree BzwMapLabelPlacement *places = g_new (BzwMapLabelPlacement, n);

  fit_discs (graph, xs, ys, discs);
  for (guint i = 0; i < n; i++)
    {
      double w = 6.5 * g_utf8_strlen (bzw_map_graph_get_node (graph, i)->label, -1);

      places[i].visible = i > 0;
      places[i].rect = (BzwMapRect) { discs[i].x - w / 2, discs[i].y + discs[i].r + 2, w, 15 };
    }

  quality->stress = bench_stress (graph, xs, ys);
  quality->disc_overlaps = bzw_map_count_disc_overlaps (discs, n, 0.0);
  quality->label_conflicts = bzw_map_count_label_conflicts (discs, places, n, NULL);
  quality->labels = n - 1;
}

/**
 * bench_quality_drawn:
 *
 * The same figures for what our renderer draws of the graph fitted into
 * QUALITY_W × QUALITY_H: discs where they are drawn after the declutter,
 * the names it placed.
 */
void
bench_quality_drawn (BzwMapGraph *graph,
                     MapQuality  *quality)
{
  g_autoptr(BzwMapRenderer) renderer = bzw_map_renderer_new (graph);
  guint n = bzw_map_graph_get_n_nodes (graph);
  g_autofree BzwMapDisc *discs = g_new0 (BzwMapDisc, n);
  g_autofree BzwMapLabelPlacement *places = g_new0 (BzwMapLabelPlacement, n);
  g_autofree double *xs = g_new (double, n);
  g_autofree double *ys = g_new (double, n);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, QUALITY_W, QUALITY_H);
  cairo_t *cr = cairo_create (surface);
  BzwMapRect bounds = { 0, 0, QUALITY_W, QUALITY_H };
  BzwMapView view;

  bzw_map_view_init (&view, QUALITY_W, QUALITY_H);
  bzw_map_renderer_fit_view (renderer, &view, 24.0);
  bzw_map_renderer_draw (renderer, cr, &view);

  for (guint i = 0; i < n; i++)
    {
      double x, y, r;

      xs[i] = bzw_map_graph_get_node (graph, i)->x;
      ys[i] = bzw_map_graph_get_node (graph, i)->y;
      discs[i] = (BzwMapDisc) { -1e6 - 100.0 * i, -1e6, 0 };
      if (bzw_map_renderer_get_node_disc (renderer, &view, i, &x, &y, &r))
        discs[i] = (BzwMapDisc) { x, y, r };
    }
  for (guint k = 0; k < bzw_map_renderer_get_n_labels (renderer); k++)
    {
      double x, y, w, h;
      guint i = bzw_map_renderer_get_label (renderer, k, &x, &y, &w, &h);

      places[i].visible = TRUE;
      places[i].rect = (BzwMapRect) { x, y, w, h };
    }

  quality->stress = bench_stress (graph, xs, ys);
  quality->disc_overlaps = bzw_map_count_disc_overlaps (discs, n, 0.0);
  quality->label_conflicts = bzw_map_count_label_conflicts (discs, places, n, &bounds);
  quality->labels = bzw_map_renderer_get_n_labels (renderer);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}
