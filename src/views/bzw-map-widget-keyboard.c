/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-widget"

#include "config.h"

#include "bzw-map-widget-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Keyboard navigation: Tab in a spatial order, arrows to the nearest node
 * in that direction, Page Down and Page Up to the selected node's lines
 * (bzw-map-widget-edges.c), moving nodes with the keyboard, and search.
 */

typedef struct
{
  guint  index;
  int    band;
  double angle;
} OrderItem;

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const OrderItem *x = a;
  const OrderItem *y = b;

  if (x->band != y->band)
    return x->band < y->band ? -1 : 1;
  if (x->angle != y->angle)
    return x->angle < y->angle ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

/* The order of Tab: ring after ring around "Ich", each clockwise from
 * twelve o'clock.
 */
static GArray *
dup_tab_order (BzwMapWidget *self)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (OrderItem));
  GArray *order;
  guint n = self->graph != NULL ? bzw_map_graph_get_n_nodes (self->graph) : 0;

  for (guint i = 0; i < n; i++)
    {
      BzwMapNode *node = bzw_map_graph_get_node (self->graph, i);
      OrderItem item = { i, -1, 0.0 };

      if (!_bzw_map_widget_is_visible (self, i))
        continue;

      if (i > 0)
        {
          item.band = (int) floor (hypot (node->x, node->y) / (0.8 * BZW_MAP_LAYOUT_EDGE_LENGTH));
          item.angle = atan2 (node->x, -node->y);
          if (item.angle < 0)
            item.angle += 2 * G_PI;
        }
      g_array_append_val (items, item);
    }

  g_array_sort (items, compare_order);
  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), items->len);
  for (guint i = 0; i < items->len; i++)
    g_array_append_val (order, g_array_index (items, OrderItem, i).index);

  return order;
}

/* The nearest visible node in the direction (dx, dy), a unit vector. */
static int
find_in_direction (BzwMapWidget *self,
                   int           from,
                   double        dx,
                   double        dy)
{
  BzwMapNode *origin = _bzw_map_widget_get_node (self, from);
  double best = G_MAXDOUBLE;
  int found = -1;

  if (origin == NULL)
    return -1;

  for (guint i = 0; i < bzw_map_graph_get_n_nodes (self->graph); i++)
    {
      BzwMapNode *node = bzw_map_graph_get_node (self->graph, i);
      double vx, vy, along, across, score;

      if ((int) i == from || !_bzw_map_widget_is_visible (self, i))
        continue;

      vx = node->x - origin->x;
      vy = node->y - origin->y;
      along = vx * dx + vy * dy;
      across = fabs (vx * -dy + vy * dx);
      if (along <= 1e-6 || across > 2.0 * along)
        continue;

      score = along + 2.5 * across;
      if (score < best)
        {
          best = score;
          found = i;
        }
    }

  return found;
}

/* The direction of an arrow key, or FALSE for other keys. */
static gboolean
arrow_direction (guint   keyval,
                 double *dx,
                 double *dy)
{
  *dx = *dy = 0.0;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      *dx = -1.0;
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      *dx = 1.0;
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      *dy = -1.0;
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      *dy = 1.0;
      return TRUE;
    default:
      return FALSE;
    }
}

/* Alt+arrow moves the selected node, a plain arrow goes to the nearest
 * node in that direction.
 */
static void
arrow_pressed (BzwMapWidget    *self,
               GdkModifierType  mods,
               double           dx,
               double           dy)
{
  int next;

  if (mods & GDK_ALT_MASK)
    {
      double step = (mods & GDK_SHIFT_MASK) ? KEY_MOVE_PX / 4.0 : KEY_MOVE_PX;

      if (self->view.selected > 0)
        {
          _bzw_map_widget_move_node_by (self, self->view.selected, dx * step, dy * step);
          _bzw_map_widget_reveal_node (self, self->view.selected, FALSE);
          _bzw_map_widget_schedule_save (self);
        }
      return;
    }

  next = self->view.selected < 0 ? 0 : find_in_direction (self, self->view.selected, dx, dy);
  if (next < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  _bzw_map_widget_select_node (self, next);
  _bzw_map_widget_reveal_node (self, next, FALSE);
}

/* Zoom, fit, open and unselect without modifiers. */
static gboolean
plain_key_pressed (BzwMapWidget *self,
                   guint         keyval)
{
  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
    case GDK_KEY_equal:
      _bzw_map_widget_zoom_at (self, KEY_ZOOM, self->view.width / 2.0, self->view.height / 2.0);
      return TRUE;

    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      _bzw_map_widget_zoom_at (self, 1.0 / KEY_ZOOM, self->view.width / 2.0, self->view.height / 2.0);
      return TRUE;

    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      bzw_map_widget_fit (self);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      if (self->focus_edge >= 0)
        _bzw_map_widget_edit_focused_edge (self);
      else
        _bzw_map_widget_open_node (self, self->view.selected);
      return TRUE;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      if (self->view.selected < 0)
        return FALSE;
      _bzw_map_widget_step_edge (self, keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_KP_Page_Up ? -1 : 1);
      return TRUE;

    case GDK_KEY_Escape:
      if (self->focus_edge >= 0)
        {
          _bzw_map_widget_focus_edge (self, -1);
          return TRUE;
        }
      if (self->view.selected < 0)
        return FALSE;
      _bzw_map_widget_select_node (self, -1);
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
key_pressed_cb (BzwMapWidget          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  double dx, dy;
  gunichar c;

  if (self->graph == NULL)
    return FALSE;

  if (arrow_direction (keyval, &dx, &dy) && (mods & ~(GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0)
    {
      arrow_pressed (self, mods, dx, dy);
      return TRUE;
    }

  if (mods == GDK_ALT_MASK && keyval == GDK_KEY_BackSpace)
    {
      _bzw_map_widget_unpin_node (self, self->view.selected);
      return TRUE;
    }

  if ((mods & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (plain_key_pressed (self, keyval))
    return TRUE;

  /* Typing starts the search. */
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isgraph (c))
    {
      char text[8] = { 0 };

      g_unichar_to_utf8 (c, text);
      g_signal_emit_by_name (self, "start-search", text);
      return TRUE;
    }

  return FALSE;
}

gboolean
_bzw_map_widget_focus (GtkWidget        *widget,
                                      GtkDirectionType  direction)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (widget);
  g_autoptr(GArray) order = NULL;
  int position = -1;
  int next;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    {
      if (gtk_widget_has_focus (widget))
        return FALSE;
      return gtk_widget_grab_focus (widget);
    }

  _bzw_map_widget_ensure_loaded (self);
  order = dup_tab_order (self);

  if (!gtk_widget_has_focus (widget))
    {
      gtk_widget_grab_focus (widget);
      if (order->len > 0 && (self->view.selected < 0 || !_bzw_map_widget_is_visible (self, self->view.selected)))
        {
          next = g_array_index (order, guint, direction == GTK_DIR_TAB_FORWARD ? 0 : order->len - 1);
          _bzw_map_widget_select_node (self, next);
          _bzw_map_widget_reveal_node (self, next, FALSE);
        }
      return TRUE;
    }

  for (guint i = 0; i < order->len; i++)
    if ((int) g_array_index (order, guint, i) == self->view.selected)
      position = i;

  next = position + (direction == GTK_DIR_TAB_FORWARD ? 1 : -1);
  if (position < 0 && direction == GTK_DIR_TAB_BACKWARD)
    next = -1;
  if (next < 0 || (guint) next >= order->len)
    return FALSE;

  next = g_array_index (order, guint, next);
  _bzw_map_widget_select_node (self, next);
  _bzw_map_widget_reveal_node (self, next, FALSE);
  return TRUE;
}

/**
 * bzw_map_widget_search:
 * @text: a name or the start of one
 *
 * Selects the first visible contact whose name matches @text, counting from
 * "Ich" outwards as Tab does, and brings it into view.
 *
 * Returns: whether a contact matched
 */
gboolean
bzw_map_widget_search (BzwMapWidget *self,
                       const char   *text)
{
  g_autoptr(GArray) order = NULL;
  g_autofree char *needle = NULL;

  g_return_val_if_fail (BZW_IS_MAP_WIDGET (self), FALSE);

  if (text == NULL || *text == '\0')
    return TRUE;

  _bzw_map_widget_ensure_loaded (self);
  order = dup_tab_order (self);
  needle = g_utf8_casefold (text, -1);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < order->len; i++)
      {
        guint index = g_array_index (order, guint, i);
        BzwMapNode *node = bzw_map_graph_get_node (self->graph, index);
        gboolean match;

        if (index == 0)
          continue;

        /* First the beginnings of words, then anywhere in the name. */
        if (pass == 0)
          {
            match = g_str_match_string (text, node->label, TRUE);
          }
        else
          {
            g_autofree char *label = g_utf8_casefold (node->label, -1);

            match = strstr (label, needle) != NULL;
          }

        if (match)
          {
            _bzw_map_widget_select_node (self, index);
            _bzw_map_widget_reveal_node (self, index, TRUE);
            return TRUE;
          }
      }

  return FALSE;
}

void
_bzw_map_widget_add_key_controller (BzwMapWidget *self)
{
  GtkEventController *controller;

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
