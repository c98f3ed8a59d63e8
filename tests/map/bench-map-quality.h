/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-map-graph.h"

G_BEGIN_DECLS

/* How readable a picture of a graph is; see bench-map-quality.c. */
typedef struct
{
  double stress;
  guint  disc_overlaps;
  guint  label_conflicts;
  guint  labels;
} MapQuality;

gboolean bench_sfdp_positions   (BzwMapGraph  *graph,
                                 const char   *dir,
                                 double      **xs,
                                 double      **ys);
double   bench_stress           (BzwMapGraph  *graph,
                                 const double *xs,
                                 const double *ys);
void     bench_quality_naive    (BzwMapGraph  *graph,
                                 const double *xs,
                                 const double *ys,
                                 MapQuality   *quality);
void     bench_quality_drawn    (BzwMapGraph  *graph,
                                 MapQuality   *quality);

G_END_DECLS
