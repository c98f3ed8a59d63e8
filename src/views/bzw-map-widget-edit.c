/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-widget"

#include "config.h"

#include "bzw-map-widget-private.h"

#include "bzw-relationship-dialog.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

/* Working on the map: a node's menu (right click, Shift+F10 or the Menu
 * key) adds a relationship or edits one; Shift and a drag from one contact
 * to another draws a line that becomes a relationship; a click on the line
 * of a relationship edits it.  The questions are
 * views/bzw-relationship-dialog.c; the map reads the change back from the
 * store and keeps its nodes where they are.
 */

static gboolean
can_edit (BzwMapWidget *self)
{
  return self->store != NULL && !bzw_store_is_read_only (self->store) && self->graph != NULL;
}

/* A contact (not "Ich") can be joined to others. */
static gint64
contact_of (BzwMapWidget *self,
            int           index)
{
  BzwMapNode *node = _bzw_map_widget_get_node (self, index);

  return node != NULL && index > 0 ? node->contact_id : 0;
}

static gboolean
has_relationships (BzwMapWidget *self,
                   int           index)
{
  for (guint i = 0; self->graph != NULL && i < bzw_map_graph_get_n_edges (self->graph); i++)
    {
      BzwMapEdge *edge = bzw_map_graph_get_edge (self->graph, i);

      if (edge->kind == BZW_MAP_EDGE_RELATIONSHIP && ((int) edge->source == index || (int) edge->target == index))
        return TRUE;
    }

  return FALSE;
}

/* The map should not refit under the user's hands while a change comes
 * back from the store.
 */
static void
hold_view (BzwMapWidget *self)
{
  _bzw_map_widget_stop_animation (self);
  _bzw_map_widget_hide_popover (self);
}

static void
add_relationship_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (widget);
  gint64 id = contact_of (self, self->view.selected);

  if (id <= 0 || !can_edit (self))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  hold_view (self);
  bzw_relationship_dialog_add (widget, self->store, id, 0);
}

static void
edit_relationships_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (widget);
  gint64 id = contact_of (self, self->view.selected);

  if (id <= 0 || !can_edit (self) || !has_relationships (self, self->view.selected))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  hold_view (self);
  bzw_relationship_dialog_choose (widget, self->store, id);
}

/* Enables the menu's entries for the selected node. */
static void
update_actions (BzwMapWidget *self)
{
  gboolean contact = contact_of (self, self->view.selected) > 0 && can_edit (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.add-relationship", contact);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.edit-relationships",
                                 contact && has_relationships (self, self->view.selected));
}

void
_bzw_map_widget_popup_menu (BzwMapWidget *self,
                            int           index)
{
  GdkRectangle rect;
  double x, y, r;

  if (contact_of (self, index) <= 0 || self->renderer == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  _bzw_map_widget_select_node (self, index);
  update_actions (self);
  _bzw_map_widget_hide_popover (self);

  bzw_map_renderer_get_node_disc (self->renderer, &self->view, index, &x, &y, &r);
  r = MAX (r, 6.0);
  rect.x = (int) floor (x - r);
  rect.y = (int) floor (y - r);
  rect.width = rect.height = (int) ceil (2 * r);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (widget);

  _bzw_map_widget_popup_menu (self, self->view.selected);
}

static void
secondary_pressed_cb (BzwMapWidget    *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  int hit = bzw_map_renderer_hit_node (self->renderer, &self->view, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (hit > 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      _bzw_map_widget_popup_menu (self, hit);
    }
}

/* A click on the line of a relationship edits it. */
gboolean
_bzw_map_widget_edit_edge_at (BzwMapWidget *self,
                              double        x,
                              double        y)
{
  BzwMapEdge *edge;
  int hit;

  if (!can_edit (self) || self->renderer == NULL)
    return FALSE;

  hit = bzw_map_renderer_hit_edge (self->renderer, &self->view, x, y);
  if (hit < 0)
    return FALSE;

  edge = bzw_map_graph_get_edge (self->graph, hit);
  if (edge->kind != BZW_MAP_EDGE_RELATIONSHIP)
    return FALSE;

  hold_view (self);
  return bzw_relationship_dialog_edit_between (GTK_WIDGET (self), self->store,
                                               contact_of (self, edge->source),
                                               contact_of (self, edge->target));
}

/* Shift and a drag from a contact: the rubber band. */

gboolean
_bzw_map_widget_connect_begin (BzwMapWidget *self,
                               int           index)
{
  if (contact_of (self, index) <= 0 || !can_edit (self))
    return FALSE;

  self->connect_from = index;
  self->connect_to = -1;
  return TRUE;
}

void
_bzw_map_widget_connect_update (BzwMapWidget *self,
                                double        x,
                                double        y)
{
  int hit = bzw_map_renderer_hit_node (self->renderer, &self->view, x, y);

  self->connect_x = x;
  self->connect_y = y;
  self->connect_to = hit > 0 && hit != self->connect_from ? hit : -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_bzw_map_widget_connect_end (BzwMapWidget *self)
{
  gint64 a = contact_of (self, self->connect_from);
  gint64 b = contact_of (self, self->connect_to);

  self->connect_from = self->connect_to = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (a <= 0 || b <= 0)
    return;

  hold_view (self);
  if (!bzw_relationship_dialog_edit_between (GTK_WIDGET (self), self->store, a, b))
    bzw_relationship_dialog_add (GTK_WIDGET (self), self->store, a, b);
}

void
_bzw_map_widget_draw_connect (BzwMapWidget *self,
                              cairo_t      *cr)
{
  static const double dash[] = { 6.0, 4.0 };
  double x, y, r, tx, ty, tr;

  if (self->connect_from < 0 || self->renderer == NULL ||
      !bzw_map_renderer_get_node_disc (self->renderer, &self->view, self->connect_from, &x, &y, &r))
    return;

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.208, 0.518, 0.894, 0.9);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r + 3.0, 0, 2 * G_PI);
  cairo_stroke (cr);

  tx = self->connect_x;
  ty = self->connect_y;
  if (self->connect_to >= 0 &&
      bzw_map_renderer_get_node_disc (self->renderer, &self->view, self->connect_to, &tx, &ty, &tr))
    {
      cairo_arc (cr, tx, ty, tr + 3.0, 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, tx, ty);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_bzw_map_widget_create_menu (BzwMapWidget *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkGesture *gesture;

  g_menu_append (menu, _("Add _Relationship…"), "map.add-relationship");
  g_menu_append (menu, _("_Edit Relationships…"), "map.edit-relationships");
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), TRUE);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  self->connect_from = self->connect_to = -1;
  self->focus_edge = -1;
}

void
_bzw_map_widget_install_edit_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "map.add-relationship", NULL, add_relationship_action);
  gtk_widget_class_install_action (widget_class, "map.edit-relationships", NULL, edit_relationships_action);
  gtk_widget_class_install_action (widget_class, "map.menu", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "map.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "map.menu", NULL);
}
