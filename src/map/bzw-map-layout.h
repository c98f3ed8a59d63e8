/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "bzw-map-graph.h"

G_BEGIN_DECLS

/* The natural length of an edge in map units. */
#define BZW_MAP_LAYOUT_EDGE_LENGTH 100.0

typedef struct _BzwMapLayout BzwMapLayout;

BzwMapLayout  *bzw_map_layout_new                   (BzwMapGraph   *graph,
                                                     guint32        seed);
void           bzw_map_layout_free                  (BzwMapLayout  *self);
BzwMapGraph   *bzw_map_layout_get_graph             (BzwMapLayout  *self);
void           bzw_map_layout_set_theta             (BzwMapLayout  *self,
                                                     double         theta);
double         bzw_map_layout_get_theta             (BzwMapLayout  *self);
void           bzw_map_layout_set_tolerance         (BzwMapLayout  *self,
                                                     double         tolerance);
void           bzw_map_layout_reset                 (BzwMapLayout  *self);
void           bzw_map_layout_reheat                (BzwMapLayout  *self);
guint          bzw_map_layout_place_new_nodes       (BzwMapLayout  *self);
double         bzw_map_layout_step                  (BzwMapLayout  *self);
gboolean       bzw_map_layout_is_settled            (BzwMapLayout  *self);
double         bzw_map_layout_get_energy            (BzwMapLayout  *self);
guint          bzw_map_layout_get_n_steps           (BzwMapLayout  *self);
gboolean       bzw_map_layout_run_until_settled     (BzwMapLayout  *self,
                                                     guint          max_ms);
void           bzw_map_layout_compute_forces        (BzwMapLayout  *self,
                                                     gboolean       exact,
                                                     double        *fx,
                                                     double        *fy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwMapLayout, bzw_map_layout_free)

G_END_DECLS
