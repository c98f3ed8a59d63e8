/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-map-declutter.h"

#include <math.h>

G_BEGIN_DECLS

/* The uniform grids of the declutter (bzw-map-declutter.c): a pass over
 * evenly spread nodes costs O(n).  Internal to the map core.
 */

/* The placed labels in a flat grid of cells over the area they can take,
 * each cell a chain of entries; labels are added one by one.  A rectangle
 * reaching beyond the area counts in the border cells, for adding and
 * asking alike.
 */
typedef struct
{
  guint next;
  guint index;
} BzwMapGridEntry;

/* The cells of a grid: squares of @cell from (@x0, @y0) on. */
typedef struct
{
  double cell;
  double x0;
  double y0;
  int    cols;
  int    rows;
} BzwMapCells;

typedef struct
{
  BzwMapCells  at;
  guint       *head;      /* per cell the first entry + 1, 0 for none */
  GArray      *entries;   /* BzwMapGridEntry, next is the following entry + 1 */
} BzwMapGrid;

/* The discs' centres in a flat grid of cells, filled by counting: far
 * cheaper than the hash grid, which the labels keep because they are
 * added one by one.
 */
typedef struct
{
  BzwMapCells  at;
  guint       *start;
  guint       *items;
  GArray      *big;
  double       reach;   /* the largest radius of a disc not in big */
} BzwMapDiscGrid;

/* Visits every pair of discs near each other once. */
typedef gboolean (*BzwMapPairFunc) (guint i, guint j, gpointer data);

void  bzw_map_cells_span               (BzwMapCells          *cells,
                                        double                x0,
                                        double                y0,
                                        double                x1,
                                        double                y1,
                                        double                max_cells);
void  bzw_map_grid_init                (BzwMapGrid           *grid,
                                        double                cell,
                                        double                x0,
                                        double                y0,
                                        double                x1,
                                        double                y1);
void  bzw_map_grid_clear               (BzwMapGrid           *grid);
void  bzw_map_grid_add_rect            (BzwMapGrid           *grid,
                                        double                x0,
                                        double                y0,
                                        double                x1,
                                        double                y1,
                                        guint                 index);
void  bzw_map_disc_grid_init           (BzwMapDiscGrid       *grid,
                                        const BzwMapDisc     *discs,
                                        guint                 n,
                                        double                gap);
void  bzw_map_disc_grid_clear          (BzwMapDiscGrid       *grid);
void  bzw_map_disc_grid_for_near_pairs (const BzwMapDiscGrid *grid,
                                        const BzwMapDisc     *discs,
                                        guint                 n,
                                        double                gap,
                                        BzwMapPairFunc        func,
                                        gpointer              data);

/* The column and the row of @x and @y, kept inside the grid: inline, as
 * they run in the inner loops.
 */
static inline int
bzw_map_cells_col (const BzwMapCells *cells,
                   double             x)
{
  return CLAMP ((int) floor ((x - cells->x0) / cells->cell), 0, cells->cols - 1);
}

static inline int
bzw_map_cells_row (const BzwMapCells *cells,
                   double             y)
{
  return CLAMP ((int) floor ((y - cells->y0) / cells->cell), 0, cells->rows - 1);
}

/* The index of the cell of (@x, @y), row by row. */
static inline guint
bzw_map_cells_index (const BzwMapCells *cells,
                     double             x,
                     double             y)
{
  return (guint) (bzw_map_cells_row (cells, y) * cells->cols + bzw_map_cells_col (cells, x));
}

G_END_DECLS
