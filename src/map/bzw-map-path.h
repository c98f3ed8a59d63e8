/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "bzw-map-graph.h"

G_BEGIN_DECLS

/* The strongest introduction paths from "Ich" through the network. */
typedef struct _BzwMapPaths BzwMapPaths;

BzwMapPaths *bzw_map_paths_new             (BzwMapGraph       *graph,
                                            const gboolean    *excluded);
void         bzw_map_paths_free            (BzwMapPaths       *self);
double       bzw_map_paths_get_weight      (BzwMapPaths       *self,
                                            guint              target);
double       bzw_map_paths_get_step_weight (BzwMapPaths       *self,
                                            guint              node);
GArray      *bzw_map_paths_dup_path        (BzwMapPaths       *self,
                                            guint              target);
char        *bzw_map_paths_describe        (BzwMapPaths       *self,
                                            guint              target);

double       bzw_map_path_edge_weight      (const BzwMapEdge  *edge);
double       bzw_map_path_trust_factor     (BzwTrust           trust);
const char  *bzw_map_strength_word         (double             strength);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwMapPaths, bzw_map_paths_free)

G_END_DECLS
