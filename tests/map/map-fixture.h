/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-map-graph.h"
#include "bzw-store.h"

G_BEGIN_DECLS

/* The time the example network counts from: 2024-06-01 12:00 UTC. */
#define MAP_FIXTURE_NOW G_GINT64_CONSTANT (1717243200)

typedef struct
{
  gint64 anna;
  gint64 jonas;
  gint64 lena;
  gint64 murat;
  gint64 stranger;
  gint64 archived;
  guint  n_contacts;
} MapFixtureIds;

void         map_fixture_fill_store     (BzwStore      *store,
                                         MapFixtureIds *ids);
BzwMapGraph *map_fixture_clustered      (guint          n_nodes,
                                         guint32        seed);
char        *map_fixture_make_tmpdir    (void);
void         map_fixture_remove_tree    (const char    *path);

G_END_DECLS
