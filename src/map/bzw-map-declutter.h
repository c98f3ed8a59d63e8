/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A node's disc on the map, in map or screen units. */
typedef struct
{
  double x;
  double y;
  double r;
} BzwMapDisc;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} BzwMapRect;

/* What a label needs: its size, and how much it matters (strength,
 * activity, a search hit); labels that cannot all be placed are hidden in
 * the order of their priority, lowest first.
 */
typedef struct
{
  double width;
  double height;
  double priority;
} BzwMapLabelRequest;

typedef struct
{
  gboolean   visible;
  BzwMapRect rect;
} BzwMapLabelPlacement;

guint    bzw_map_separate_discs        (BzwMapDisc               *discs,
                                        guint                     n,
                                        const gboolean           *fixed,
                                        double                    gap,
                                        guint                     max_rounds);
guint    bzw_map_nudge_discs           (BzwMapDisc               *discs,
                                        guint                     n,
                                        const gboolean           *fixed,
                                        double                    gap,
                                        guint                     max_rounds);
guint    bzw_map_nudge_discs_while     (BzwMapDisc               *discs,
                                        guint                     n,
                                        const gboolean           *fixed,
                                        double                    gap,
                                        guint                     max_rounds,
                                        double                    min_progress);
guint    bzw_map_shrink_discs          (BzwMapDisc               *discs,
                                        guint                     n,
                                        const gboolean           *fixed,
                                        double                    gap);
guint    bzw_map_count_disc_overlaps   (const BzwMapDisc         *discs,
                                        guint                     n,
                                        double                    gap);
guint    bzw_map_place_labels          (const BzwMapDisc         *discs,
                                        const BzwMapLabelRequest *labels,
                                        guint                     n,
                                        const BzwMapRect         *bounds,
                                        const BzwMapRect         *obstacles,
                                        guint                     n_obstacles,
                                        BzwMapLabelPlacement     *placements);
guint    bzw_map_count_label_conflicts (const BzwMapDisc         *discs,
                                        const BzwMapLabelPlacement *placements,
                                        guint                     n,
                                        const BzwMapRect         *bounds);

G_END_DECLS
