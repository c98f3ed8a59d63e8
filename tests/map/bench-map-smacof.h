/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-map-graph.h"

G_BEGIN_DECLS

void bench_smacof_refine (BzwMapGraph *graph,
                          double      *xs,
                          double      *ys,
                          guint        iterations);

G_END_DECLS
