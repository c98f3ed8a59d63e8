/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-map-layout.h"

#include <math.h>

/* What the parts of BzwMapLayout share: bzw-map-layout.c places nodes
 * and steps the simulation, bzw-map-layout-tree.c approximates the
 * repulsion of all pairs with a Barnes–Hut quadtree,
 * bzw-map-layout-ring.c puts the contacts tied to nobody else on a ring and
 * pushes the discs of a settled layout apart.
 */

G_BEGIN_DECLS

#define K               BZW_MAP_LAYOUT_EDGE_LENGTH
#define REPULSION       1.0
#define GRAVITY         0.25
#define ME_PULL         0.15
#define ME_PULL_STRONG  0.60
#define HEAT_NEW        (1.5 * K)
#define HEAT_PLACED     (0.08 * K)
#define COOLING         0.94
#define MAX_DEPTH       48
#define COLLISION       2.0
#define COLLISION_GAP   36.0
#define RING_MIN        1.5
#define RING_GAP        (0.6 * K)
#define RING_SPACING    16.0
#define RING_ROUNDS     200
#define SEPARATION_GAP  12.0
#define SEPARATION_ROUNDS 200
#define STRESS_PIVOTS   48
#define STRESS_ITERATIONS 150
#define STRESS_PER_STEP 4
#define FORCE_LOOSE     3.0
#define STRESS_ANCHOR   0.03
#define STRESS_SPREAD   1.3

typedef struct
{
  double cx;
  double cy;
  double mass;
  double x0;
  double y0;
  double size;
  int    child;
  int    body;
} QNode;

struct _BzwMapLayout
{
  BzwMapGraph *graph;
  guint32      seed;
  double       theta;
  double       tolerance;
  guint64      serial;

  guint        n;
  double      *x;
  double      *y;
  double      *fx;
  double      *fy;
  double      *heat;
  gboolean    *fresh;
  double      *alpha;
  double      *pull;
  double      *radius;
  gboolean    *fixed;
  gboolean    *ring;
  guint        n_ring;

  guint        n_springs;
  guint       *spring_a;
  guint       *spring_b;
  double      *spring_w;
  guint       *adj_start;
  guint       *adj;

  QNode       *tree;
  guint        tree_len;
  guint        tree_cap;
  int         *next;
  int         *stack;

  /* The stress refinement (bzw-map-layout-stress.c). */
  gboolean    *stress_move;
  int         *stress_dist;
  guint       *stress_pivot;
  guint        n_pivots;
  double       stress_unit;
  double      *anchor_x;
  double      *anchor_y;
  guint        stress_left;

  double       energy;
  double       last_displacement;
  guint        steps;
  gboolean     settled;
};

static inline guint64
mix64 (guint64 z)
{
  z += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* A number in [0, 1) from the seed, a contact and a salt. */
static inline double
_bzw_map_layout_hash_unit (guint32 seed,
                           gint64  contact_id,
                           guint   salt)
{
  guint64 h = mix64 (mix64 (((guint64) seed << 32) | salt) ^ (guint64) contact_id);

  return (h >> 11) * (1.0 / 9007199254740992.0);
}

static inline void
repel (double  dx,
       double  dy,
       double  mass,
       guint   i,
       guint   j,
       double *fx,
       double *fy)
{
  double d2 = dx * dx + dy * dy;
  double f;

  if (d2 < 1e-6)
    {
      /* Two nodes on one spot: push them apart in a direction of their own. */
      double angle = 2.0 * G_PI * ((mix64 (((guint64) MIN (i, j) << 32) | MAX (i, j)) >> 11) *
                                   (1.0 / 9007199254740992.0));

      dx = cos (angle) * (i < j ? 1.0 : -1.0) * 0.01;
      dy = sin (angle) * (i < j ? 1.0 : -1.0) * 0.01;
      d2 = 1e-4;
    }

  f = REPULSION * K * K * mass / d2;
  *fx += f * dx;
  *fy += f * dy;
}

/* Nodes that would touch push each other apart beyond the repulsion, so
 * big circles keep a gap of their own.
 */
static inline void
collide (BzwMapLayout *self,
         guint         i,
         guint         j,
         double       *fx,
         double       *fy)
{
  double dx = self->x[i] - self->x[j];
  double dy = self->y[i] - self->y[j];
  double min = self->radius[i] + self->radius[j] + COLLISION_GAP;
  double d2 = dx * dx + dy * dy;
  double d, f;

  if (d2 >= min * min || d2 < 1e-6)
    return;

  d = sqrt (d2);
  f = COLLISION * (min - d) / d;
  *fx += f * dx;
  *fy += f * dy;
}

void   _bzw_map_layout_find_ring      (BzwMapLayout *self);
double _bzw_map_layout_ring_radius    (BzwMapLayout *self);
double _bzw_map_layout_place_ring     (BzwMapLayout *self);
void   _bzw_map_layout_separate       (BzwMapLayout *self);
gboolean _bzw_map_layout_stress_begin (BzwMapLayout *self);
double _bzw_map_layout_stress_step    (BzwMapLayout *self);
void   _bzw_map_layout_stress_end     (BzwMapLayout *self);
void _bzw_map_layout_tree_build     (BzwMapLayout *self);
void _bzw_map_layout_repulsion_tree (BzwMapLayout *self,
                                     guint         i,
                                     double       *out_x,
                                     double       *out_y);

G_END_DECLS
