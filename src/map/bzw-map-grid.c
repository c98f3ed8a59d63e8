/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-declutter"

#include "config.h"

#include "bzw-map-grid.h"

#include <math.h>

/* Sets the cells' origin to (@x0, @y0) and as many as reach (@x1, @y1),
 * at most @max_cells + 1 a side.
 */
void
bzw_map_cells_span (BzwMapCells *cells,
                    double       x0,
                    double       y0,
                    double       x1,
                    double       y1,
                    double       max_cells)
{
  cells->x0 = x0;
  cells->y0 = y0;
  cells->cols = (int) MIN ((x1 - x0) / cells->cell, max_cells) + 1;
  cells->rows = (int) MIN ((y1 - y0) / cells->cell, max_cells) + 1;
}

#define GRID_MAX_CELLS (1 << 20)

void
bzw_map_grid_init (BzwMapGrid *grid,
                   double      cell,
                   double      x0,
                   double      y0,
                   double      x1,
                   double      y1)
{
  grid->at.cell = MAX (cell, 1.0);
  /* Coarser cells for a huge area, so the grid stays small. */
  while (((x1 - x0) / grid->at.cell + 1) * ((y1 - y0) / grid->at.cell + 1) > GRID_MAX_CELLS)
    grid->at.cell *= 2;
  bzw_map_cells_span (&grid->at, x0, y0, x1, y1, G_MAXDOUBLE);
  grid->head = g_new0 (guint, (gsize) grid->at.cols * grid->at.rows);
  grid->entries = g_array_new (FALSE, FALSE, sizeof (BzwMapGridEntry));
}

void
bzw_map_grid_clear (BzwMapGrid *grid)
{
  g_clear_pointer (&grid->head, g_free);
  g_clear_pointer (&grid->entries, g_array_unref);
}

void
bzw_map_grid_add_rect (BzwMapGrid *grid,
                       double      x0,
                       double      y0,
                       double      x1,
                       double      y1,
                       guint       index)
{
  for (int cy = bzw_map_cells_row (&grid->at, y0); cy <= bzw_map_cells_row (&grid->at, y1); cy++)
    for (int cx = bzw_map_cells_col (&grid->at, x0); cx <= bzw_map_cells_col (&grid->at, x1); cx++)
      {
        guint c = cy * grid->at.cols + cx;
        BzwMapGridEntry entry = { grid->head[c], index };

        g_array_append_val (grid->entries, entry);
        grid->head[c] = grid->entries->len;
      }
}

static double
max_radius (const BzwMapDisc *discs,
            guint             n)
{
  double r = 0;

  for (guint i = 0; i < n; i++)
    r = MAX (r, discs[i].r);
  return r;
}

/* The radius 95 % of the discs stay below, from a histogram. */
static double
typical_radius (const BzwMapDisc *discs,
                guint             n)
{
  double top = max_radius (discs, n);
  guint counts[64] = { 0 };
  guint seen = 0;

  if (n < 20 || top <= 0)
    return top;

  for (guint i = 0; i < n; i++)
    counts[MIN ((guint) (discs[i].r / top * 63.0), 63u)]++;
  for (guint b = 0; b < 64; b++)
    {
      seen += counts[b];
      if (seen >= 0.95 * n)
        return (b + 1) * top / 63.0;
    }
  return top;
}

void
bzw_map_disc_grid_init (BzwMapDiscGrid   *grid,
                        const BzwMapDisc *discs,
                        guint             n,
                        double            gap)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  double max_cells = 4.0 * n + 64.0;
  g_autofree guint *fill = NULL;
  guint n_cells;

  for (guint i = 0; i < n; i++)
    {
      x1 = MIN (x1, discs[i].x);
      y1 = MIN (y1, discs[i].y);
      x2 = MAX (x2, discs[i].x);
      y2 = MAX (y2, discs[i].y);
    }
  if (n == 0)
    x1 = y1 = x2 = y2 = 0;

  /* BzwMapCells as large as the discs, but a few large ones (like „Ich“ among
   * far smaller nodes) do not count: they are checked against all.
   */
  grid->at.cell = MAX (2 * typical_radius (discs, n) + gap, 1.0);
  /* Not more cells than a few per disc, however far apart they lie. */
  if ((x2 - x1) / grid->at.cell * (y2 - y1) / grid->at.cell > max_cells)
    grid->at.cell = sqrt ((x2 - x1) * (y2 - y1) / max_cells);
  bzw_map_cells_span (&grid->at, x1, y1, x2, y2, max_cells);
  n_cells = (guint) grid->at.cols * (guint) grid->at.rows;

  grid->start = g_new0 (guint, n_cells + 1);
  grid->items = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    grid->start[bzw_map_cells_index (&grid->at, discs[i].x, discs[i].y) + 1]++;
  for (guint c = 0; c < n_cells; c++)
    grid->start[c + 1] += grid->start[c];
  fill = g_memdup2 (grid->start, sizeof (guint) * n_cells);
  for (guint i = 0; i < n; i++)
    grid->items[fill[bzw_map_cells_index (&grid->at, discs[i].x, discs[i].y)]++] = i;

  grid->big = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->reach = (grid->at.cell - gap) / 2.0;
  for (guint i = 0; i < n; i++)
    if (discs[i].r > grid->reach)
      g_array_append_val (grid->big, i);
}

void
bzw_map_disc_grid_clear (BzwMapDiscGrid *grid)
{
  g_clear_pointer (&grid->start, g_free);
  g_clear_pointer (&grid->items, g_free);
  g_clear_pointer (&grid->big, g_array_unref);
}

void
bzw_map_disc_grid_for_near_pairs (const BzwMapDiscGrid *grid,
                                  const BzwMapDisc     *discs,
                                  guint                 n,
                                  double                gap,
                                  BzwMapPairFunc        func,
                                  gpointer              data)
{
  double half = (grid->at.cell - gap) / 2.0;

  for (guint i = 0; i < n; i++)
    {
      int cx = bzw_map_cells_col (&grid->at, discs[i].x);
      int cy = bzw_map_cells_row (&grid->at, discs[i].y);

      /* A large disc meets every other; the others meet in neighbouring
       * cells.
       */
      if (discs[i].r > half)
        {
          for (guint j = 0; j < n; j++)
            if (j != i && (discs[j].r <= half || j > i))
              func (MIN (i, j), MAX (i, j), data);
          continue;
        }

      for (int y = MAX (cy - 1, 0); y <= MIN (cy + 1, grid->at.rows - 1); y++)
        for (int x = MAX (cx - 1, 0); x <= MIN (cx + 1, grid->at.cols - 1); x++)
          {
            guint c = y * grid->at.cols + x;

            for (guint k = grid->start[c]; k < grid->start[c + 1]; k++)
              if (grid->items[k] > i && discs[grid->items[k]].r <= half)
                func (i, grid->items[k], data);
          }
    }
}
