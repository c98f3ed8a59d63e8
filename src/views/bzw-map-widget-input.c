/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-widget"

#include "config.h"

#include "bzw-map-widget-private.h"

#include <math.h>

/* Pointer input: hovering, scrolling, pinching, dragging nodes and the
 * map, clicking.
 */

void
_bzw_map_widget_move_node_by (BzwMapWidget *self,
                              int           index,
                              double        screen_dx,
                              double        screen_dy)
{
  BzwMapNode *node = _bzw_map_widget_get_node (self, index);

  /* "Ich" stays in the middle. */
  if (node == NULL || index == 0)
    return;

  node->x += screen_dx / self->view.scale;
  node->y += screen_dy / self->view.scale;
  node->pinned = TRUE;
  node->placed = TRUE;
  bzw_map_graph_changed (self->graph);
  self->dirty = TRUE;
  _bzw_map_widget_ensure_ticking (self);
  _bzw_map_widget_update_popover_position (self);
  _bzw_map_widget_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_bzw_map_widget_unpin_node (BzwMapWidget *self,
                            int           index)
{
  BzwMapNode *node = _bzw_map_widget_get_node (self, index);

  if (node == NULL || !node->pinned)
    return;

  node->pinned = FALSE;
  bzw_map_graph_changed (self->graph);
  self->dirty = TRUE;
  _bzw_map_widget_ensure_ticking (self);
  _bzw_map_widget_schedule_save (self);
  _bzw_map_widget_update_accessible (self);
  if (self->view.hover == index)
    _bzw_map_widget_show_popover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
hit_pin (BzwMapWidget *self,
         int           index,
         double        x,
         double        y)
{
  BzwMapNode *node = _bzw_map_widget_get_node (self, index);
  double sx, sy, r, s;

  if (node == NULL || !node->pinned)
    return FALSE;

  /* Where the renderer draws the head of the pin. */
  _bzw_map_widget_node_to_screen (self, node, &sx, &sy);
  r = MAX (node->radius * self->view.scale, 1.5);
  s = CLAMP (r * 0.28, 3.0, 6.0);
  sx += r * 0.72 + s * 1.05;
  sy -= r * 0.72 + s * 1.9;

  return hypot (x - sx, y - sy) <= PIN_HIT_RADIUS;
}

static int
hit_node (BzwMapWidget *self,
          double        x,
          double        y)
{
  if (self->renderer == NULL)
    return -1;

  return bzw_map_renderer_hit_node (self->renderer, &self->view, x, y);
}

/* The pin head lies just outside the node: it counts as the node. */
static int
hit_node_or_pin (BzwMapWidget *self,
                 double        x,
                 double        y)
{
  int hit = hit_node (self, x, y);

  if (hit < 0 && self->graph != NULL)
    for (guint i = 1; i < bzw_map_graph_get_n_nodes (self->graph); i++)
      if (hit_pin (self, i, x, y) && _bzw_map_widget_is_visible (self, i))
        return i;

  return hit;
}

static void
motion_cb (BzwMapWidget             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;

  if (self->drag_node != NO_DRAG)
    return;

  _bzw_map_widget_set_hover (self, hit_node_or_pin (self, x, y));
}

static void
leave_cb (BzwMapWidget             *self,
          GtkEventControllerMotion *controller)
{
  self->pointer_x = self->view.width / 2.0;
  self->pointer_y = self->view.height / 2.0;
  if (self->drag_node == NO_DRAG)
    _bzw_map_widget_set_hover (self, -1);
}

static gboolean
scroll_cb (BzwMapWidget             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  if (dy == 0.0)
    return FALSE;

  _bzw_map_widget_zoom_at (self, pow (1.2, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
zoom_begin_cb (BzwMapWidget *self,
               GdkEventSequence *sequence,
               GtkGesture   *gesture)
{
  self->zoom_start_scale = self->view.scale;
}

static void
zoom_scale_changed_cb (BzwMapWidget   *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = self->view.width / 2.0;
      y = self->view.height / 2.0;
    }

  _bzw_map_widget_zoom_at (self, self->zoom_start_scale * scale / self->view.scale, x, y);
}

static void
drag_begin_cb (BzwMapWidget   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  int hit = hit_node (self, x, y);
  BzwMapNode *node = _bzw_map_widget_get_node (self, hit);

  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->drag_moved = FALSE;
  if ((state & GDK_SHIFT_MASK) && _bzw_map_widget_connect_begin (self, hit))
    {
      self->drag_node = CONNECT_DRAG;
      self->drag_start_x = x;
      self->drag_start_y = y;
    }
  else if (node != NULL && hit > 0)
    {
      self->drag_node = hit;
      self->drag_start_x = node->x;
      self->drag_start_y = node->y;
    }
  else
    {
      self->drag_node = PAN_DRAG;
      self->drag_start_x = self->view.offset_x;
      self->drag_start_y = self->view.offset_y;
    }
}

static void
drag_update_cb (BzwMapWidget   *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  BzwMapNode *node;

  if (self->drag_node == NO_DRAG)
    return;

  if (!self->drag_moved && hypot (dx, dy) < DRAG_THRESHOLD)
    return;

  if (!self->drag_moved)
    {
      self->drag_moved = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      _bzw_map_widget_hide_popover (self);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  if (self->drag_node == CONNECT_DRAG)
    {
      _bzw_map_widget_connect_update (self, self->drag_start_x + dx, self->drag_start_y + dy);
      return;
    }

  if (self->drag_node == PAN_DRAG)
    {
      _bzw_map_widget_stop_animation (self);
      self->view.offset_x = self->drag_start_x + dx;
      self->view.offset_y = self->drag_start_y + dy;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  node = _bzw_map_widget_get_node (self, self->drag_node);
  if (node == NULL)
    return;

  node->x = self->drag_start_x + dx / self->view.scale;
  node->y = self->drag_start_y + dy / self->view.scale;
  node->pinned = TRUE;
  node->placed = TRUE;
  bzw_map_graph_changed (self->graph);
  self->dirty = TRUE;
  self->auto_fit = FALSE;
  _bzw_map_widget_ensure_ticking (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (BzwMapWidget   *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  gboolean moved_node = self->drag_moved && self->drag_node >= 0;
  gboolean connecting = self->drag_node == CONNECT_DRAG;

  self->drag_node = NO_DRAG;
  if (connecting)
    {
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
      if (self->drag_moved)
        _bzw_map_widget_connect_end (self);
      else
        self->connect_from = self->connect_to = -1;
      self->drag_moved = FALSE;
      return;
    }
  if (!self->drag_moved)
    return;

  self->drag_moved = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  if (moved_node)
    {
      _bzw_map_widget_update_accessible (self);
      _bzw_map_widget_schedule_save (self);
    }
  _bzw_map_widget_set_hover (self, -1);
  _bzw_map_widget_set_hover (self, hit_node_or_pin (self, self->pointer_x, self->pointer_y));
}

static void
click_pressed_cb (BzwMapWidget    *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  int hit = hit_node_or_pin (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (n_press == 2 && hit >= 0)
    {
      if (hit_pin (self, hit, x, y))
        _bzw_map_widget_unpin_node (self, hit);
      else
        _bzw_map_widget_open_node (self, hit);
      return;
    }

  if (n_press == 1 && hit >= 0)
    _bzw_map_widget_select_node (self, hit);
}

static void
click_released_cb (BzwMapWidget    *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  /* A click on the line of a relationship edits it, one on the empty
   * background clears the selection.
   */
  if (n_press == 1 && !self->drag_moved && hit_node_or_pin (self, x, y) < 0 &&
      !_bzw_map_widget_edit_edge_at (self, x, y))
    _bzw_map_widget_select_node (self, -1);
}

void
_bzw_map_widget_add_pointer_controllers (BzwMapWidget *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
