/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-widget"

#include "config.h"

#include "bzw-map-widget-private.h"

#include <adwaita.h>
#include <math.h>

/* Where the map sits on the screen: fitting, zooming, animating to a node,
 * drawing, and the frame clock that runs the layout in slices and saves
 * the positions.
 */

BzwMapNode *
_bzw_map_widget_get_node (BzwMapWidget *self,
                          int           index)
{
  if (self->graph == NULL || index < 0 || (guint) index >= bzw_map_graph_get_n_nodes (self->graph))
    return NULL;

  return bzw_map_graph_get_node (self->graph, index);
}

gboolean
_bzw_map_widget_is_visible (BzwMapWidget *self,
                            guint         index)
{
  BzwMapView view = self->view;

  /* Dimmed counts as visible; without the highlight this is O(n). */
  view.highlight_neighbours = FALSE;
  return bzw_map_renderer_node_is_visible (self->renderer, &view, index);
}

void
_bzw_map_widget_node_to_screen (BzwMapWidget     *self,
                                const BzwMapNode *node,
                                double           *x,
                                double           *y)
{
  *x = node->x * self->view.scale + self->view.offset_x;
  *y = node->y * self->view.scale + self->view.offset_y;
}

static gboolean tick_cb (GtkWidget     *widget,
                         GdkFrameClock *clock,
                         gpointer       user_data);

void
_bzw_map_widget_ensure_ticking (BzwMapWidget *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

/* „Einpassen“ frames the nodes the filters show (bzw-map-renderer-fit.c),
 * as the export with a size does.
 */
static void
fit_visible (BzwMapWidget *self,
             BzwMapView   *view)
{
  bzw_map_renderer_fit_view (self->renderer, view, BZW_MAP_FIT_MARGIN);
}

void
_bzw_map_widget_fit_view (BzwMapWidget *self)
{
  if (self->graph == NULL || self->renderer == NULL || self->view.width <= 0 || self->view.height <= 0)
    return;

  fit_visible (self, &self->view);
}

static gboolean
save_cb (gpointer user_data)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (user_data);
  g_autoptr(GError) error = NULL;

  self->save_id = 0;

  if (!self->dirty || self->graph == NULL || self->store == NULL || bzw_store_is_read_only (self->store))
    return G_SOURCE_REMOVE;

  if (!bzw_map_graph_save_positions (self->graph, self->store, &error))
    g_warning ("Cannot save the map positions: %s", error->message);
  else
    self->dirty = FALSE;

  return G_SOURCE_REMOVE;
}

void
_bzw_map_widget_schedule_save (BzwMapWidget *self)
{
  if (self->store == NULL || bzw_store_is_read_only (self->store))
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add_seconds (SAVE_DELAY_S, save_cb, self);
}

void
_bzw_map_widget_save_now (BzwMapWidget *self)
{
  if (self->save_id == 0)
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  save_cb (self);
}

/* Glides the node into the middle of the viewport, zooming to @scale. */
static void
animate_to_node (BzwMapWidget     *self,
                 const BzwMapNode *node,
                 double            scale)
{
  self->anchor_x = node->x;
  self->anchor_y = node->y;
  _bzw_map_widget_node_to_screen (self, node, &self->from_x, &self->from_y);
  self->to_x = self->view.width / 2.0;
  self->to_y = self->view.height / 2.0;
  self->from_scale = self->view.scale;
  self->to_scale = scale;
  self->animation_start = 0;
  self->animating = TRUE;
  self->auto_fit = FALSE;
  _bzw_map_widget_ensure_ticking (self);
}

/* Brings the node into view: centred and zoomed in far enough to read when
 * @focus is set, else only panned if it lies near the edge or outside.
 */
void
_bzw_map_widget_reveal_node (BzwMapWidget *self,
                             int           index,
                             gboolean      focus)
{
  BzwMapNode *node = _bzw_map_widget_get_node (self, index);
  double x, y;
  double margin = 48.0;

  if (node == NULL || self->view.width <= 0)
    return;

  _bzw_map_widget_node_to_screen (self, node, &x, &y);
  if (!focus && x >= margin && y >= margin &&
      x <= self->view.width - margin && y <= self->view.height - margin)
    return;

  animate_to_node (self, node, focus ? MAX (self->view.scale, FOCUS_SCALE) : self->view.scale);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (widget);
  gboolean busy = FALSE;

  if (self->layout != NULL && !bzw_map_layout_is_settled (self->layout))
    {
      gint64 start = g_get_monotonic_time ();

      do
        bzw_map_layout_step (self->layout);
      while (!bzw_map_layout_is_settled (self->layout) &&
             g_get_monotonic_time () - start < LAYOUT_BUDGET_US);

      self->dirty = TRUE;
      if (bzw_map_layout_is_settled (self->layout))
        _bzw_map_widget_schedule_save (self);
      else
        busy = TRUE;

      if (self->auto_fit)
        _bzw_map_widget_fit_view (self);
      _bzw_map_widget_update_popover_position (self);
      gtk_widget_queue_draw (widget);
    }

  if (self->animating)
    {
      gint64 now = gdk_frame_clock_get_frame_time (clock);
      double t, e;

      if (self->animation_start == 0)
        self->animation_start = now;
      t = CLAMP ((now - self->animation_start) / (double) ANIMATION_US, 0.0, 1.0);
      e = 1.0 - pow (1.0 - t, 3.0);
      self->view.scale = self->from_scale * pow (self->to_scale / self->from_scale, e);
      self->view.offset_x = self->from_x + (self->to_x - self->from_x) * e - self->anchor_x * self->view.scale;
      self->view.offset_y = self->from_y + (self->to_y - self->from_y) * e - self->anchor_y * self->view.scale;
      if (t >= 1.0)
        self->animating = FALSE;
      else
        busy = TRUE;

      _bzw_map_widget_update_popover_position (self);
      gtk_widget_queue_draw (widget);
    }

  if (!busy)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

void
_bzw_map_widget_stop_animation (BzwMapWidget *self)
{
  self->animating = FALSE;
  self->auto_fit = FALSE;
}

void
_bzw_map_widget_zoom_at (BzwMapWidget *self,
                         double        factor,
                         double        x,
                         double        y)
{
  _bzw_map_widget_stop_animation (self);
  bzw_map_view_zoom_at (&self->view, factor, x, y);
  _bzw_map_widget_update_popover_position (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_bzw_map_widget_snapshot (GtkWidget   *widget,
                                         GtkSnapshot *snapshot)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->renderer == NULL)
    return;

  self->view.width = width;
  self->view.height = height;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  bzw_map_renderer_draw (self->renderer, cr, &self->view);
  _bzw_map_widget_draw_connect (self, cr);
  _bzw_map_widget_draw_edge_focus (self, cr);

  if (gtk_widget_has_visible_focus (widget))
    {
      AdwStyleManager *manager = adw_style_manager_get_default ();

      if (adw_style_manager_get_dark (manager))
        cairo_set_source_rgba (cr, 0.384, 0.627, 0.918, 0.6);
      else
        cairo_set_source_rgba (cr, 0.208, 0.518, 0.894, 0.5);
      cairo_set_line_width (cr, 2.0);
      cairo_rectangle (cr, 1.0, 1.0, width - 2.0, height - 2.0);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

void
_bzw_map_widget_size_allocate (GtkWidget *widget,
                                              int        width,
                                              int        height,
                                              int        baseline)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (widget);
  int old_width = self->view.width;
  int old_height = self->view.height;

  self->view.width = width;
  self->view.height = height;

  if (self->auto_fit)
    _bzw_map_widget_fit_view (self);
  else if (old_width > 0 && old_height > 0)
    {
      /* Keep the middle in the middle. */
      self->view.offset_x += (width - old_width) / 2.0;
      self->view.offset_y += (height - old_height) / 2.0;
    }

  _bzw_map_widget_update_popover_position (self);
  if (gtk_widget_get_visible (self->popover))
    gtk_popover_present (GTK_POPOVER (self->popover));
}

void
bzw_map_widget_zoom (BzwMapWidget *self,
                     double        factor)
{
  g_return_if_fail (BZW_IS_MAP_WIDGET (self));
  g_return_if_fail (factor > 0.0);

  _bzw_map_widget_zoom_at (self, factor, self->view.width / 2.0, self->view.height / 2.0);
}

void
bzw_map_widget_fit (BzwMapWidget *self)
{
  BzwMapView target;

  g_return_if_fail (BZW_IS_MAP_WIDGET (self));

  if (self->graph == NULL || self->renderer == NULL)
    return;

  target = self->view;
  fit_visible (self, &target);
  self->view.scale = target.scale;
  self->view.offset_x = target.offset_x;
  self->view.offset_y = target.offset_y;
  self->animating = FALSE;
  self->auto_fit = self->layout != NULL && !bzw_map_layout_is_settled (self->layout);
  _bzw_map_widget_update_popover_position (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
