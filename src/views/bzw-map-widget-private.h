/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

/* What the parts of BzwMapWidget share: loading, properties and the public
 * API (bzw-map-widget.c), the view, its animation and the layout's frame
 * clock (bzw-map-widget-view.c), the texts of the popover and for screen
 * readers (bzw-map-widget-details.c), pointer input
 * (bzw-map-widget-input.c), keyboard navigation and search
 * (bzw-map-widget-keyboard.c), the selected contact's lines by keyboard
 * (bzw-map-widget-edges.c) and working on the relationships
 * (bzw-map-widget-edit.c).
 */

#include "bzw-map-layout.h"
#include "bzw-map-renderer.h"
#include "bzw-map-widget.h"

G_BEGIN_DECLS

#define LAYOUT_BUDGET_US   8000
#define SAVE_DELAY_S       1
#define RELOAD_DELAY_MS    150
#define ANIMATION_US       250000
#define FOCUS_SCALE        0.9
#define DRAG_THRESHOLD     4.0
#define KEY_ZOOM           1.25
#define KEY_MOVE_PX        16.0
#define PIN_HIT_RADIUS     9.0
#define NO_DRAG            (-2)
#define PAN_DRAG           (-1)
#define CONNECT_DRAG       (-3)

struct _BzwMapWidget
{
  GtkWidget         parent_instance;

  BzwStore         *store;
  BzwMapGraph      *graph;
  BzwMapLayout     *layout;
  BzwMapRenderer   *renderer;
  BzwMapView        view;
  BzwMapTimeWindow  time_window;

  GtkWidget        *popover;
  GtkLabel         *popover_title;
  GtkLabel         *popover_details;
  GtkWidget        *menu;

  /* „Wie erreiche ich …?“ (bzw-map-widget-path.c). */
  gint64            path_target;
  GArray           *path;
  char             *path_text;

  guint             tick_id;
  guint             save_id;
  guint             reload_id;

  /* Moves the map point (anchor_x, anchor_y) from the screen point
   * (from_x, from_y) to (to_x, to_y) while the scale goes from from_scale to
   * to_scale.
   */
  gint64            animation_start;
  double            anchor_x;
  double            anchor_y;
  double            from_x;
  double            from_y;
  double            to_x;
  double            to_y;
  double            from_scale;
  double            to_scale;

  double            pointer_x;
  double            pointer_y;

  int               drag_node;
  double            drag_start_x;
  double            drag_start_y;
  double            zoom_start_scale;

  /* Shift and a drag from @connect_from: the line ends at the pointer or
   * on @connect_to.
   */
  int               connect_from;
  int               connect_to;
  double            connect_x;
  double            connect_y;

  /* The relationship line the keyboard is on (bzw-map-widget-edges.c),
   * an edge of the selected node, or -1.
   */
  int               focus_edge;

  guint             loaded : 1;
  guint             needs_reload : 1;
  guint             auto_fit : 1;
  guint             dirty : 1;
  guint             animating : 1;
  guint             drag_moved : 1;
};

BzwMapNode *
_bzw_map_widget_get_node (BzwMapWidget *self,
                          int           index);

gboolean
_bzw_map_widget_is_visible (BzwMapWidget *self,
                            guint         index);

void
_bzw_map_widget_node_to_screen (BzwMapWidget     *self,
                                const BzwMapNode *node,
                                double           *x,
                                double           *y);

void
_bzw_map_widget_ensure_ticking (BzwMapWidget *self);

void
_bzw_map_widget_fit_view (BzwMapWidget *self);

void
_bzw_map_widget_schedule_save (BzwMapWidget *self);

void
_bzw_map_widget_save_now (BzwMapWidget *self);

void
_bzw_map_widget_update_accessible (BzwMapWidget *self);

void
_bzw_map_widget_update_popover_position (BzwMapWidget *self);

void
_bzw_map_widget_hide_popover (BzwMapWidget *self);

void
_bzw_map_widget_show_popover (BzwMapWidget *self);

void
_bzw_map_widget_set_hover (BzwMapWidget *self,
                           int           hover);

void
_bzw_map_widget_reveal_node (BzwMapWidget *self,
                             int           index,
                             gboolean      focus);

void
_bzw_map_widget_select_node (BzwMapWidget *self,
                             int           index);

void
_bzw_map_widget_move_node_by (BzwMapWidget *self,
                              int           index,
                              double        screen_dx,
                              double        screen_dy);

void
_bzw_map_widget_unpin_node (BzwMapWidget *self,
                            int           index);

void
_bzw_map_widget_open_node (BzwMapWidget *self,
                           int           index);

void
_bzw_map_widget_ensure_loaded (BzwMapWidget *self);

void
_bzw_map_widget_stop_animation (BzwMapWidget *self);

void
_bzw_map_widget_zoom_at (BzwMapWidget *self,
                         double        factor,
                         double        x,
                         double        y);

gboolean
_bzw_map_widget_focus (GtkWidget        *widget,
                                      GtkDirectionType  direction);

void
_bzw_map_widget_snapshot (GtkWidget   *widget,
                                         GtkSnapshot *snapshot);

void
_bzw_map_widget_size_allocate (GtkWidget *widget,
                                              int        width,
                                              int        height,
                                              int        baseline);

void
_bzw_map_widget_create_popover (BzwMapWidget *self);

void
_bzw_map_widget_add_pointer_controllers (BzwMapWidget *self);

void
_bzw_map_widget_add_key_controller (BzwMapWidget *self);

void
_bzw_map_widget_update_path (BzwMapWidget *self);

void
_bzw_map_widget_create_menu (BzwMapWidget *self);

void
_bzw_map_widget_install_edit_actions (GtkWidgetClass *widget_class);

void
_bzw_map_widget_popup_menu (BzwMapWidget *self,
                            int           index);

gboolean
_bzw_map_widget_edit_edge_at (BzwMapWidget *self,
                              double        x,
                              double        y);

gboolean
_bzw_map_widget_connect_begin (BzwMapWidget *self,
                               int           index);

void
_bzw_map_widget_connect_update (BzwMapWidget *self,
                                double        x,
                                double        y);

void
_bzw_map_widget_connect_end (BzwMapWidget *self);

void
_bzw_map_widget_draw_connect (BzwMapWidget *self,
                              cairo_t      *cr);

void
_bzw_map_widget_focus_edge (BzwMapWidget *self,
                            int           edge);

void
_bzw_map_widget_step_edge (BzwMapWidget *self,
                           int           step);

void
_bzw_map_widget_edit_focused_edge (BzwMapWidget *self);

void
_bzw_map_widget_update_edge_accessible (BzwMapWidget *self);

void
_bzw_map_widget_draw_edge_focus (BzwMapWidget *self,
                                 cairo_t      *cr);

G_END_DECLS
