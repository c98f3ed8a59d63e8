/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-declutter"

#include "config.h"

#include "bzw-map-declutter.h"
#include "bzw-map-grid.h"

#include <math.h>

/* Making a map readable: node discs pushed apart until none overlaps, and
 * name labels placed where they cover neither another label nor another
 * node, the important ones first, the rest hidden.  Both use a uniform
 * grid (bzw-map-grid.c), so a pass costs O(n) for evenly spread nodes.  Everything is
 * deterministic: the same input gives the same picture.
 */

#define LABEL_PAD 3.0

/* Discs */

/* How far two discs overlap (with @gap between them), or 0. */
static double
disc_overlap (const BzwMapDisc *a,
              const BzwMapDisc *b,
              double            gap,
              double           *dx,
              double           *dy)
{
  double d;
  double need = a->r + b->r + gap;

  *dx = b->x - a->x;
  *dy = b->y - a->y;
  d = sqrt (*dx * *dx + *dy * *dy);
  if (d >= need - 1e-9)
    return 0;
  if (d > 1e-9)
    {
      *dx /= d;
      *dy /= d;
    }
  else
    {
      /* Two discs on one spot: part them along a fixed direction. */
      *dx = 1;
      *dy = 0;
    }
  return need - d;
}


typedef struct
{
  BzwMapDisc     *discs;
  const gboolean *fixed;
  double          gap;
  guint           moved;
  guint           overlaps;
} Separation;

static gboolean
separate_pair (guint    i,
               guint    j,
               gpointer data)
{
  Separation *s = data;
  BzwMapDisc *a = &s->discs[i];
  BzwMapDisc *b = &s->discs[j];
  gboolean fixed_a = s->fixed != NULL && s->fixed[i];
  gboolean fixed_b = s->fixed != NULL && s->fixed[j];
  double dx;
  double dy;
  double overlap = disc_overlap (a, b, s->gap, &dx, &dy);
  double share_a;

  if (overlap <= 0)
    return TRUE;

  s->overlaps++;
  if (fixed_a && fixed_b)
    return TRUE;

  /* A little more than the overlap, so rounding leaves no touching pair. */
  overlap += 1e-6;
  share_a = fixed_a ? 0 : fixed_b ? 1 : 0.5;
  a->x -= dx * overlap * share_a;
  a->y -= dy * overlap * share_a;
  b->x += dx * overlap * (1 - share_a);
  b->y += dy * overlap * (1 - share_a);
  s->moved++;
  return TRUE;
}

/* Discs packed far tighter than they can lie are first moved apart as a
 * whole, away from the first fixed disc (or their centre), until their
 * area is at most a third of the space their centres span: the picture
 * keeps its shape, and the pairwise pushing that follows has only local
 * work left.
 */
#define MAX_DENSITY 0.3

static void
spread_out (BzwMapDisc     *discs,
            guint           n,
            const gboolean *fixed,
            double          gap)
{
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double area = 0;
  double span;
  double cx = 0;
  double cy = 0;
  double scale;

  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      double r = discs[i].r + gap / 2;

      area += G_PI * r * r;
      min_x = MIN (min_x, discs[i].x - r);
      min_y = MIN (min_y, discs[i].y - r);
      max_x = MAX (max_x, discs[i].x + r);
      max_y = MAX (max_y, discs[i].y + r);
      cx += discs[i].x / n;
      cy += discs[i].y / n;
    }

  for (guint i = 0; fixed != NULL && i < n; i++)
    if (fixed[i])
      {
        cx = discs[i].x;
        cy = discs[i].y;
        break;
      }

  span = MAX (max_x - min_x, 1e-6) * MAX (max_y - min_y, 1e-6);
  if (area <= MAX_DENSITY * span)
    return;

  scale = sqrt (area / (MAX_DENSITY * span));
  for (guint i = 0; i < n; i++)
    {
      if (fixed != NULL && fixed[i])
        continue;
      discs[i].x = cx + (discs[i].x - cx) * scale;
      discs[i].y = cy + (discs[i].y - cy) * scale;
    }
}

/**
 * bzw_map_separate_discs:
 * @fixed: (nullable): discs that must not move („Ich“, pinned nodes)
 * @gap: the space to keep between two discs
 * @max_rounds: at most this many passes
 *
 * Pushes overlapping discs apart along the line between their centres,
 * each by half (a fixed one not at all), until no two overlap.  Returns
 * the number of overlapping pairs left (0 when it succeeded).
 */
guint
bzw_map_separate_discs (BzwMapDisc     *discs,
                        guint           n,
                        const gboolean *fixed,
                        double          gap,
                        guint           max_rounds)
{
  g_return_val_if_fail (discs != NULL || n == 0, 0);

  if (bzw_map_count_disc_overlaps (discs, n, gap) == 0)
    return 0;

  spread_out (discs, n, fixed, gap);
  return bzw_map_nudge_discs (discs, n, fixed, gap, max_rounds);
}

/**
 * bzw_map_nudge_discs:
 *
 * Like bzw_map_separate_discs(), but only pushes overlapping pairs apart,
 * never spreads the whole picture: for a drawing whose scale the user
 * chose, where the discs already lie nearly apart.  Returns the number of
 * overlapping pairs left.
 */
guint
bzw_map_nudge_discs (BzwMapDisc     *discs,
                     guint           n,
                     const gboolean *fixed,
                     double          gap,
                     guint           max_rounds)
{
  return bzw_map_nudge_discs_while (discs, n, fixed, gap, max_rounds, 0.0);
}

/**
 * bzw_map_nudge_discs_while:
 * @min_progress: stop when a round parts less than this share of the
 *   overlapping pairs it found (0: only when nothing moves)
 *
 * Like bzw_map_nudge_discs(), but gives up early where the discs are far
 * too many for their room and each round parts only a few more: for a
 * drawing that must be quick, which then shrinks what still overlaps
 * (bzw_map_shrink_discs()).
 */
guint
bzw_map_nudge_discs_while (BzwMapDisc     *discs,
                           guint           n,
                           const gboolean *fixed,
                           double          gap,
                           guint           max_rounds,
                           double          min_progress)
{
  guint before = G_MAXUINT;

  g_return_val_if_fail (discs != NULL || n == 0, 0);

  for (guint round = 0; round < max_rounds; round++)
    {
      Separation s = { discs, fixed, gap, 0, 0 };
      BzwMapDiscGrid grid;

      bzw_map_disc_grid_init (&grid, discs, n, gap);
      bzw_map_disc_grid_for_near_pairs (&grid, discs, n, gap, separate_pair, &s);
      bzw_map_disc_grid_clear (&grid);
      /* Nothing moved: what overlaps is fixed to fixed. */
      if (s.moved == 0)
        return s.overlaps;
      if (before != G_MAXUINT && before - MIN (before, s.overlaps) < min_progress * before)
        break;
      before = s.overlaps;
    }

  return bzw_map_count_disc_overlaps (discs, n, gap);
}

static gboolean
count_pair (guint    i,
            guint    j,
            gpointer data)
{
  Separation *s = data;
  double dx;
  double dy;

  if (disc_overlap (&s->discs[i], &s->discs[j], s->gap - 1e-6, &dx, &dy) > 0)
    s->overlaps++;
  return TRUE;
}

/* The number of pairs of discs closer than @gap. */
guint
bzw_map_count_disc_overlaps (const BzwMapDisc *discs,
                             guint             n,
                             double            gap)
{
  Separation s = { (BzwMapDisc *) discs, NULL, gap, 0, 0 };
  BzwMapDiscGrid grid;

  bzw_map_disc_grid_init (&grid, discs, n, gap);
  bzw_map_disc_grid_for_near_pairs (&grid, discs, n, gap, count_pair, &s);
  bzw_map_disc_grid_clear (&grid);
  return s.overlaps;
}

typedef struct
{
  const BzwMapDisc *discs;
  double            gap;
  GArray           *pairs;
} Overlapping;

/* Keeps the pair if it overlaps: near pairs can be many (a large disc is
 * near every other), overlapping ones few.
 */
static gboolean
collect_pair (guint    i,
              guint    j,
              gpointer data)
{
  Overlapping *o = data;
  guint pair[2] = { i, j };
  double dx;
  double dy;

  if (disc_overlap (&o->discs[i], &o->discs[j], o->gap, &dx, &dy) > 0)
    g_array_append_vals (o->pairs, pair, 2);
  return TRUE;
}

/**
 * bzw_map_shrink_discs:
 * @fixed: (nullable): discs that keep their size („Ich“, pinned nodes)
 * @gap: the space to keep between two discs
 *
 * The last resort where pushing apart could not part every pair (a dense
 * network far out of zoom): a disc whose centre lies under a fixed one is
 * moved just outside it, then the discs still closer than @gap are made
 * smaller, both alike, a fixed one not at all, until they keep the gap
 * (two centres closer than twice the gap: until they keep half their
 * distance, so no disc vanishes for a gap).  No two discs overlap then.
 * Radii only shrink, so a pair parted stays parted.  Returns how many
 * discs shrank.
 */
guint
bzw_map_shrink_discs (BzwMapDisc     *discs,
                      guint           n,
                      const gboolean *fixed,
                      double          gap)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  Overlapping overlapping = { discs, gap, pairs };
  g_autofree gboolean *shrunk = NULL;
  guint count = 0;
  BzwMapDiscGrid grid;

  g_return_val_if_fail (discs != NULL || n == 0, 0);

  /* A disc whose centre lies under a fixed one could only shrink to
   * nothing: it is moved just outside first.
   */
  bzw_map_disc_grid_init (&grid, discs, n, gap);
  bzw_map_disc_grid_for_near_pairs (&grid, discs, n, gap, collect_pair, &overlapping);
  bzw_map_disc_grid_clear (&grid);
  for (guint k = 0; fixed != NULL && k + 1 < pairs->len; k += 2)
    {
      guint i = g_array_index (pairs, guint, k);
      guint j = g_array_index (pairs, guint, k + 1);
      BzwMapDisc *still = fixed[i] ? &discs[i] : &discs[j];
      BzwMapDisc *loose = fixed[i] ? &discs[j] : &discs[i];
      double dx;
      double dy;

      if (fixed[i] == fixed[j] || disc_overlap (still, loose, gap, &dx, &dy) <= 0 ||
          hypot (loose->x - still->x, loose->y - still->y) > still->r + gap)
        continue;

      loose->x = still->x + dx * (still->r + gap + loose->r);
      loose->y = still->y + dy * (still->r + gap + loose->r);
    }

  /* The pairs overlapping by the radii before any shrinks: a disc that
   * shrinks meanwhile must not fall out of the grid's walk, and a pair
   * apart now stays apart.
   */
  g_array_set_size (pairs, 0);
  bzw_map_disc_grid_init (&grid, discs, n, gap);
  bzw_map_disc_grid_for_near_pairs (&grid, discs, n, gap, collect_pair, &overlapping);
  bzw_map_disc_grid_clear (&grid);

  shrunk = g_new0 (gboolean, MAX (n, 1));
  for (guint k = 0; k + 1 < pairs->len; k += 2)
    {
      guint i = g_array_index (pairs, guint, k);
      guint j = g_array_index (pairs, guint, k + 1);
      BzwMapDisc *a = &discs[i];
      BzwMapDisc *b = &discs[j];
      gboolean fixed_a = fixed != NULL && fixed[i];
      gboolean fixed_b = fixed != NULL && fixed[j];
      double d = hypot (b->x - a->x, b->y - a->y);
      /* The gap where there is room for it, else half the distance. */
      double room = d >= 2 * gap ? d - gap : d / 2;

      if (a->r + b->r <= room + 1e-9 || (fixed_a && fixed_b))
        continue;

      if (fixed_a)
        b->r = MAX (room - a->r, 0.0);
      else if (fixed_b)
        a->r = MAX (room - b->r, 0.0);
      else
        {
          double scale = room / (a->r + b->r);

          a->r *= scale;
          b->r *= scale;
        }
      shrunk[i] |= !fixed_a;
      shrunk[j] |= !fixed_b;
    }

  for (guint i = 0; i < n; i++)
    count += shrunk[i] ? 1 : 0;
  return count;
}

/* Labels */

static gboolean
rects_overlap (const BzwMapRect *a,
               const BzwMapRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
rect_hits_disc (const BzwMapRect *rect,
                const BzwMapDisc *disc)
{
  double nx = CLAMP (disc->x, rect->x, rect->x + rect->width);
  double ny = CLAMP (disc->y, rect->y, rect->y + rect->height);
  double dx = disc->x - nx;
  double dy = disc->y - ny;

  return dx * dx + dy * dy < disc->r * disc->r;
}

static gboolean
rect_inside (const BzwMapRect *rect,
             const BzwMapRect *bounds)
{
  return bounds == NULL ||
         (rect->x >= bounds->x && rect->y >= bounds->y &&
          rect->x + rect->width <= bounds->x + bounds->width &&
          rect->y + rect->height <= bounds->y + bounds->height);
}

/* The places a label may take around its disc, the preferred first:
 * right, below, left, above, then the four corners, then the four sides
 * again with the label slid along the side (still touching the disc, so
 * it reads as the disc's name), for crowded parts of the map.
 */
static void
candidate (const BzwMapDisc         *disc,
           const BzwMapLabelRequest *label,
           guint                     which,
           BzwMapRect               *rect)
{
  double r = disc->r + LABEL_PAD;
  double d = disc->r * M_SQRT1_2 + LABEL_PAD;
  double w = label->width;
  double h = label->height;

  rect->width = w;
  rect->height = h;
  switch (which)
    {
    case 0: rect->x = disc->x + r;         rect->y = disc->y - h / 2; break;
    case 1: rect->x = disc->x - w / 2;     rect->y = disc->y + r;     break;
    case 2: rect->x = disc->x - r - w;     rect->y = disc->y - h / 2; break;
    case 3: rect->x = disc->x - w / 2;     rect->y = disc->y - r - h; break;
    case 4: rect->x = disc->x + d;         rect->y = disc->y + d;     break;
    case 5: rect->x = disc->x + d;         rect->y = disc->y - d - h; break;
    case 6: rect->x = disc->x - d - w;     rect->y = disc->y + d;     break;
    case 7: rect->x = disc->x - d - w;     rect->y = disc->y - d - h; break;
    case 8: rect->x = disc->x + r;         rect->y = disc->y - h;     break;
    case 9: rect->x = disc->x + r;         rect->y = disc->y;         break;
    case 10: rect->x = disc->x - r - w;    rect->y = disc->y - h;     break;
    case 11: rect->x = disc->x - r - w;    rect->y = disc->y;         break;
    case 12: rect->x = disc->x - w * 0.15; rect->y = disc->y + r;     break;
    case 13: rect->x = disc->x - w * 0.85; rect->y = disc->y + r;     break;
    case 14: rect->x = disc->x - w * 0.15; rect->y = disc->y - r - h; break;
    default: rect->x = disc->x - w * 0.85; rect->y = disc->y - r - h; break;
    }
}

#define N_CANDIDATES 16

typedef struct
{
  const BzwMapDisc         *discs;
  const BzwMapLabelRequest *labels;
} Order;

static int
by_priority (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  const Order *order = data;
  guint i = *(const guint *) a;
  guint j = *(const guint *) b;
  double pi = order->labels[i].priority;
  double pj = order->labels[j].priority;

  if (pi != pj)
    return pi > pj ? -1 : 1;
  return i < j ? -1 : i > j ? 1 : 0;
}

static gboolean
free_of_discs (const BzwMapDiscGrid *grid,
               const BzwMapDisc     *discs,
               const BzwMapRect     *rect,
               guint                 own)
{
  /* A disc in the grid reaches into the rectangle only from a centre
   * at most its radius away.
   */
  int x1 = bzw_map_cells_col (&grid->at, rect->x - grid->reach);
  int x2 = bzw_map_cells_col (&grid->at, rect->x + rect->width + grid->reach);
  int y1 = bzw_map_cells_row (&grid->at, rect->y - grid->reach);
  int y2 = bzw_map_cells_row (&grid->at, rect->y + rect->height + grid->reach);

  for (int y = y1; y <= y2; y++)
    for (int x = x1; x <= x2; x++)
      {
        guint c = y * grid->at.cols + x;

        for (guint k = grid->start[c]; k < grid->start[c + 1]; k++)
          if (grid->items[k] != own && rect_hits_disc (rect, &discs[grid->items[k]]))
            return FALSE;
      }
  for (guint k = 0; k < grid->big->len; k++)
    {
      guint j = g_array_index (grid->big, guint, k);

      if (j != own && rect_hits_disc (rect, &discs[j]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
free_of_obstacles (const BzwMapRect *obstacles,
                   guint             n_obstacles,
                   const BzwMapRect *rect)
{
  for (guint k = 0; k < n_obstacles; k++)
    if (rects_overlap (rect, &obstacles[k]))
      return FALSE;
  return TRUE;
}

static gboolean
free_of_labels (const BzwMapGrid           *labels_grid,
                const BzwMapLabelPlacement *placements,
                const BzwMapRect           *rect)
{
  const BzwMapGridEntry *entries = (const BzwMapGridEntry *) labels_grid->entries->data;
  int x2 = bzw_map_cells_col (&labels_grid->at, rect->x + rect->width);
  int y2 = bzw_map_cells_row (&labels_grid->at, rect->y + rect->height);

  for (int cy = bzw_map_cells_row (&labels_grid->at, rect->y); cy <= y2; cy++)
    for (int cx = bzw_map_cells_col (&labels_grid->at, rect->x); cx <= x2; cx++)
      for (guint e = labels_grid->head[cy * labels_grid->at.cols + cx]; e != 0;
           e = entries[e - 1].next)
        if (rects_overlap (rect, &placements[entries[e - 1].index].rect))
          return FALSE;
  return TRUE;
}

/* The grid of the labels over @bounds, or without bounds over the discs. */
static void
init_labels_grid (BzwMapGrid       *grid,
                  const BzwMapDisc *discs,
                  guint             n,
                  const BzwMapRect *bounds,
                  double            cell)
{
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  if (bounds != NULL)
    {
      x0 = bounds->x;
      y0 = bounds->y;
      x1 = bounds->x + bounds->width;
      y1 = bounds->y + bounds->height;
    }
  else if (n > 0)
    {
      x0 = x1 = discs[0].x;
      y0 = y1 = discs[0].y;
      for (guint i = 1; i < n; i++)
        {
          x0 = MIN (x0, discs[i].x);
          x1 = MAX (x1, discs[i].x);
          y0 = MIN (y0, discs[i].y);
          y1 = MAX (y1, discs[i].y);
        }
    }
  bzw_map_grid_init (grid, cell, x0, y0, x1, y1);
}

/**
 * bzw_map_place_labels:
 * @discs: the nodes, in the same units as the labels (screen pixels)
 * @labels: per node its label's size and priority; a width of 0 means none
 * @bounds: (nullable): the canvas every label must lie inside
 * @obstacles: (array length=n_obstacles) (nullable): areas no label may
 *   cover, such as the legend
 * @placements: (out caller-allocates): per node where its label goes
 *
 * Places labels greedily, the highest priority first, each at the first
 * of eight places around its disc where it covers no label placed before,
 * no other disc, no obstacle and does not leave @bounds; a label with no
 * such place is hidden.  Returns the number of labels shown.
 */
guint
bzw_map_place_labels (const BzwMapDisc         *discs,
                      const BzwMapLabelRequest *labels,
                      guint                     n,
                      const BzwMapRect         *bounds,
                      const BzwMapRect         *obstacles,
                      guint                     n_obstacles,
                      BzwMapLabelPlacement     *placements)
{
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  Order data = { discs, labels };
  double label_height = 0;
  BzwMapDiscGrid discs_grid;
  BzwMapGrid labels_grid;
  guint shown = 0;

  g_return_val_if_fail ((discs != NULL && labels != NULL && placements != NULL) || n == 0, 0);

  for (guint i = 0; i < n; i++)
    {
      placements[i].visible = FALSE;
      if (labels[i].width > 0 && labels[i].height > 0)
        {
          g_array_append_val (order, i);
          label_height = MAX (label_height, labels[i].height);
        }
    }
  g_array_sort_with_data (order, by_priority, &data);

  bzw_map_disc_grid_init (&discs_grid, discs, n, 0);
  init_labels_grid (&labels_grid, discs, n, bounds, MAX (label_height * 4, 16));

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);

      for (guint which = 0; which < N_CANDIDATES; which++)
        {
          BzwMapRect rect;

          candidate (&discs[i], &labels[i], which, &rect);
          if (!rect_inside (&rect, bounds) ||
              !free_of_obstacles (obstacles, n_obstacles, &rect) ||
              !free_of_labels (&labels_grid, placements, &rect) ||
              !free_of_discs (&discs_grid, discs, &rect, i))
            continue;

          placements[i].visible = TRUE;
          placements[i].rect = rect;
          bzw_map_grid_add_rect (&labels_grid, rect.x, rect.y, rect.x + rect.width, rect.y + rect.height, i);
          shown++;
          break;
        }
    }

  bzw_map_disc_grid_clear (&discs_grid);
  bzw_map_grid_clear (&labels_grid);
  return shown;
}

/**
 * bzw_map_count_label_conflicts:
 *
 * Counts, by brute force, what a placement must never have: two shown
 * labels that overlap, a shown label over a disc other than its own, a
 * shown label outside @bounds.  For tests and the benchmark.
 */
guint
bzw_map_count_label_conflicts (const BzwMapDisc           *discs,
                               const BzwMapLabelPlacement *placements,
                               guint                       n,
                               const BzwMapRect           *bounds)
{
  guint conflicts = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!placements[i].visible)
        continue;
      if (!rect_inside (&placements[i].rect, bounds))
        conflicts++;
      for (guint j = 0; j < n; j++)
        {
          if (j != i && rect_hits_disc (&placements[i].rect, &discs[j]))
            conflicts++;
          if (j > i && placements[j].visible && rects_overlap (&placements[i].rect, &placements[j].rect))
            conflicts++;
        }
    }
  return conflicts;
}
