/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "bzw-map-graph.h"

G_BEGIN_DECLS

/* The free space „Einpassen“ leaves around the network, in pixels. */
#define BZW_MAP_FIT_MARGIN 40.0

typedef enum
{
  BZW_MAP_STYLE_LIGHT,
  BZW_MAP_STYLE_DARK,
} BzwMapStyle;

/* How the map is looked at.  A point of the map appears on the screen at
 * (x · scale + offset_x, y · scale + offset_y).
 *
 * @selected, @hover: node indexes or -1;
 * @highlight_neighbours: dim everything not joined to @selected;
 * @highlight_cycles: mark favours and referrals on a cycle of giving;
 * @edge_kinds: a mask of BZW_MAP_EDGE_MASK() bits;
 * @circles: (element-type gint64) (nullable): the circles to show (0 stands
 *   for contacts in no circle), %NULL for all;
 * @second_degree: show only my second-degree contacts and who links them;
 * @path: (element-type guint) (nullable): nodes of an introduction path
 *   from "Ich" to mark (bzw-map-path.c), not owned;
 * @draw_background: fill the viewport first;
 * @show_legend: draw the legend in the viewport's corner.
 */
typedef struct
{
  double       scale;
  double       offset_x;
  double       offset_y;
  int          width;
  int          height;
  int          selected;
  int          hover;
  gboolean     highlight_neighbours;
  gboolean     highlight_cycles;
  guint        edge_kinds;
  GArray      *circles;
  gboolean     hide_archived;
  gboolean     second_degree;
  BzwMapStyle  style;
  GArray      *path;
  gboolean     draw_background;
  gboolean     show_legend;
} BzwMapView;

typedef struct _BzwMapRenderer BzwMapRenderer;

void             bzw_map_view_init                 (BzwMapView      *view,
                                                    int              width,
                                                    int              height);
void             bzw_map_view_fit                  (BzwMapView      *view,
                                                    BzwMapGraph     *graph,
                                                    double           margin);
void             bzw_map_view_zoom_at              (BzwMapView      *view,
                                                    double           factor,
                                                    double           screen_x,
                                                    double           screen_y);
void             bzw_map_view_to_map               (const BzwMapView *view,
                                                    double           screen_x,
                                                    double           screen_y,
                                                    double          *map_x,
                                                    double          *map_y);

typedef void (*BzwMapRendererReady) (gpointer data);

BzwMapRenderer  *bzw_map_renderer_new              (BzwMapGraph     *graph);
void             bzw_map_renderer_set_ahead        (BzwMapRenderer  *self,
                                                    BzwMapRendererReady ready,
                                                    gpointer         data);
void             bzw_map_renderer_fit_view         (BzwMapRenderer  *self,
                                                    BzwMapView      *view,
                                                    double           margin);
void             bzw_map_renderer_free             (BzwMapRenderer  *self);
void             bzw_map_renderer_set_graph        (BzwMapRenderer  *self,
                                                    BzwMapGraph     *graph);
BzwMapGraph     *bzw_map_renderer_get_graph        (BzwMapRenderer  *self);
void             bzw_map_renderer_draw             (BzwMapRenderer  *self,
                                                    cairo_t         *cr,
                                                    const BzwMapView *view);
void             bzw_map_renderer_measure_legend   (BzwMapRenderer  *self,
                                                    const BzwMapView *view,
                                                    double          *width,
                                                    double          *height);
void             bzw_map_renderer_draw_legend      (BzwMapRenderer  *self,
                                                    cairo_t         *cr,
                                                    const BzwMapView *view,
                                                    double           x,
                                                    double           y);
gboolean         bzw_map_renderer_node_is_visible  (BzwMapRenderer  *self,
                                                    const BzwMapView *view,
                                                    guint            node);
int              bzw_map_renderer_hit_node         (BzwMapRenderer  *self,
                                                    const BzwMapView *view,
                                                    double           screen_x,
                                                    double           screen_y);
int              bzw_map_renderer_hit_edge         (BzwMapRenderer  *self,
                                                    const BzwMapView *view,
                                                    double           screen_x,
                                                    double           screen_y);
guint            bzw_map_renderer_get_n_labels     (BzwMapRenderer  *self);
guint            bzw_map_renderer_get_label        (BzwMapRenderer  *self,
                                                    guint            index,
                                                    double          *x,
                                                    double          *y,
                                                    double          *width,
                                                    double          *height);
gboolean         bzw_map_renderer_get_node_disc    (BzwMapRenderer  *self,
                                                    const BzwMapView *view,
                                                    guint            node,
                                                    double          *x,
                                                    double          *y,
                                                    double          *r);
guint            bzw_map_renderer_count_contacts   (BzwMapRenderer  *self,
                                                    const BzwMapView *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwMapRenderer, bzw_map_renderer_free)

G_END_DECLS
