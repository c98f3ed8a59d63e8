/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-widget"

#include "config.h"

#include "bzw-map-widget-private.h"

#include "bzw-map-export.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* The relationship map on the screen.  The layout runs on the main thread
 * in slices of at most LAYOUT_BUDGET_US per frame until it settles, so input
 * never waits for it; positions go back to the store a second after the
 * layout settled or a node was moved.
 */

G_DEFINE_FINAL_TYPE (BzwMapWidget, bzw_map_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_ID,
  N_PROPS
};

enum {
  OPEN_CONTACT,
  START_SEARCH,
  RELOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_bzw_map_widget_select_node (BzwMapWidget *self,
                             int           index)
{
  if (self->focus_edge >= 0)
    {
      self->focus_edge = -1;
      _bzw_map_widget_update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  if (self->view.selected == index)
    return;

  self->view.selected = index;
  _bzw_map_widget_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

void
_bzw_map_widget_open_node (BzwMapWidget *self,
                           int           index)
{
  BzwMapNode *node = _bzw_map_widget_get_node (self, index);

  if (node == NULL || index == 0)
    return;

  g_signal_emit (self, signals[OPEN_CONTACT], 0, node->contact_id);
}

/* A zoom bucket made ahead is ready (bzw_map_renderer_set_ahead()). */
static void
queue_draw_cb (gpointer data)
{
  gtk_widget_queue_draw (GTK_WIDGET (data));
}

static void
reload (BzwMapWidget *self)
{
  BzwMapGraphOptions options = { 0 };
  g_autoptr(BzwMapGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  BzwMapNode *old_selected = _bzw_map_widget_get_node (self, self->view.selected);
  gint64 selected_id = old_selected != NULL ? old_selected->contact_id : -1;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint index;

  g_clear_handle_id (&self->reload_id, g_source_remove);

  if (self->store == NULL)
    return;

  /* Archived contacts keep their place and are hidden by the view. */
  options.include_archived = TRUE;
  options.now = now;
  if (self->time_window == BZW_MAP_TIME_YEAR)
    options.since = now - 365 * 86400;
  else if (self->time_window == BZW_MAP_TIME_QUARTER)
    options.since = now - 91 * 86400;

  graph = bzw_map_graph_new_from_store_full (self->store, &options, &error);
  if (graph == NULL)
    {
      g_warning ("Cannot read the map: %s", error->message);
      return;
    }

  if (self->graph != NULL)
    bzw_map_graph_copy_positions (graph, self->graph);

  g_clear_pointer (&self->layout, bzw_map_layout_free);
  g_clear_pointer (&self->graph, bzw_map_graph_unref);
  self->graph = g_steal_pointer (&graph);
  self->layout = bzw_map_layout_new (self->graph, 0);

  if (self->renderer == NULL)
    {
      self->renderer = bzw_map_renderer_new (self->graph);
      /* The next zoom steps' discs pushed apart before they are needed. */
      bzw_map_renderer_set_ahead (self->renderer, queue_draw_cb, self);
    }
  else
    bzw_map_renderer_set_graph (self->renderer, self->graph);

  self->loaded = TRUE;
  self->needs_reload = FALSE;

  _bzw_map_widget_hide_popover (self);
  self->view.hover = -1;
  self->drag_node = NO_DRAG;
  self->connect_from = self->connect_to = -1;
  self->focus_edge = -1;
  self->view.selected = -1;
  if (selected_id >= 0 && bzw_map_graph_lookup (self->graph, selected_id, &index))
    self->view.selected = index;
  if (selected_id >= 0 && self->view.selected < 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
  _bzw_map_widget_update_path (self);

  _bzw_map_widget_update_accessible (self);
  _bzw_map_widget_ensure_ticking (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[RELOADED], 0);
}

void
_bzw_map_widget_ensure_loaded (BzwMapWidget *self)
{
  if (!self->loaded || self->needs_reload)
    reload (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (user_data);

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (BzwMapWidget *self,
                  guint         what,
                  gint64        id,
                  BzwStore     *store)
{
  /* Our own saves announce BZW_STORE_CHANGE_MAP only. */
  if ((what & ~BZW_STORE_CHANGE_MAP) == 0 || !self->loaded)
    return;

  self->needs_reload = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
}

static void
dark_changed_cb (BzwMapWidget   *self,
                 GParamSpec     *pspec,
                 AdwStyleManager *manager)
{
  self->view.style = adw_style_manager_get_dark (manager) ? BZW_MAP_STYLE_DARK : BZW_MAP_STYLE_LIGHT;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
bzw_map_widget_map (GtkWidget *widget)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (widget);

  GTK_WIDGET_CLASS (bzw_map_widget_parent_class)->map (widget);

  _bzw_map_widget_ensure_loaded (self);
  if (self->auto_fit)
    _bzw_map_widget_fit_view (self);
  _bzw_map_widget_ensure_ticking (self);
}

static void
bzw_map_widget_unmap (GtkWidget *widget)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (widget);

  _bzw_map_widget_hide_popover (self);
  _bzw_map_widget_save_now (self);
  GTK_WIDGET_CLASS (bzw_map_widget_parent_class)->unmap (widget);
}

static void
bzw_map_widget_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = 120;
  *natural = 480;
}

static void
bzw_map_widget_dispose (GObject *object)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (object);

  _bzw_map_widget_save_now (self);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  if (self->renderer != NULL)
    bzw_map_renderer_set_ahead (self->renderer, NULL, NULL);

  G_OBJECT_CLASS (bzw_map_widget_parent_class)->dispose (object);
}

static void
bzw_map_widget_finalize (GObject *object)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (object);

  g_clear_pointer (&self->layout, bzw_map_layout_free);
  g_clear_pointer (&self->renderer, bzw_map_renderer_free);
  g_clear_pointer (&self->graph, bzw_map_graph_unref);
  g_clear_pointer (&self->view.circles, g_array_unref);
  g_clear_pointer (&self->path, g_array_unref);
  g_clear_pointer (&self->path_text, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bzw_map_widget_parent_class)->finalize (object);
}

static void
bzw_map_widget_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SELECTED_ID:
      g_value_set_int64 (value, bzw_map_widget_get_selected_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bzw_map_widget_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bzw_map_widget_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bzw_map_widget_class_init (BzwMapWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bzw_map_widget_dispose;
  object_class->finalize = bzw_map_widget_finalize;
  object_class->get_property = bzw_map_widget_get_property;
  object_class->set_property = bzw_map_widget_set_property;

  widget_class->focus = _bzw_map_widget_focus;
  widget_class->snapshot = _bzw_map_widget_snapshot;
  widget_class->size_allocate = _bzw_map_widget_size_allocate;
  widget_class->map = bzw_map_widget_map;
  widget_class->unmap = bzw_map_widget_unmap;
  widget_class->measure = bzw_map_widget_measure;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BZW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BzwMapWidget::open-contact:
   * @id: the contact to open
   *
   * A node was double-clicked, or Enter was pressed on the selected one.
   */
  signals[OPEN_CONTACT] = g_signal_new ("open-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * BzwMapWidget::start-search:
   * @text: what was typed
   *
   * Typing on the map starts a search.
   */
  signals[START_SEARCH] = g_signal_new ("start-search", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * BzwMapWidget::reloaded:
   *
   * The map was read again from the store, e.g. the circles may differ.
   */
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  _bzw_map_widget_install_edit_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "bzw-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bzw_map_widget_init (BzwMapWidget *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  bzw_map_view_init (&self->view, 0, 0);
  self->view.width = self->view.height = 0;
  self->view.highlight_neighbours = TRUE;
  self->drag_node = NO_DRAG;
  self->auto_fit = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  _bzw_map_widget_create_popover (self);
  _bzw_map_widget_create_menu (self);
  _bzw_map_widget_add_pointer_controllers (self);
  _bzw_map_widget_add_key_controller (self);

  self->view.style = adw_style_manager_get_dark (manager) ? BZW_MAP_STYLE_DARK : BZW_MAP_STYLE_LIGHT;
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  _bzw_map_widget_update_accessible (self);
}

GtkWidget *
bzw_map_widget_new (BzwStore *store)
{
  g_return_val_if_fail (store == NULL || BZW_IS_STORE (store), NULL);

  return g_object_new (BZW_TYPE_MAP_WIDGET, "store", store, NULL);
}

BzwStore *
bzw_map_widget_get_store (BzwMapWidget *self)
{
  g_return_val_if_fail (BZW_IS_MAP_WIDGET (self), NULL);

  return self->store;
}

/**
 * bzw_map_widget_set_store:
 *
 * Shows the map of @store.  It is read when the widget is first shown.
 */
void
bzw_map_widget_set_store (BzwMapWidget *self,
                          BzwStore     *store)
{
  g_return_if_fail (BZW_IS_MAP_WIDGET (self));
  g_return_if_fail (store == NULL || BZW_IS_STORE (store));

  if (self->store == store)
    return;

  _bzw_map_widget_save_now (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->layout, bzw_map_layout_free);
  g_clear_pointer (&self->graph, bzw_map_graph_unref);
  self->loaded = FALSE;
  self->auto_fit = TRUE;
  self->view.selected = self->view.hover = -1;

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        reload (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * bzw_map_widget_get_graph:
 *
 * Returns: (transfer none) (nullable): the map as last read, loading it
 *   first if needed
 */
BzwMapGraph *
bzw_map_widget_get_graph (BzwMapWidget *self)
{
  g_return_val_if_fail (BZW_IS_MAP_WIDGET (self), NULL);

  _bzw_map_widget_ensure_loaded (self);
  return self->graph;
}

void
bzw_map_widget_set_edge_kinds (BzwMapWidget *self,
                               guint         edge_kinds)
{
  g_return_if_fail (BZW_IS_MAP_WIDGET (self));

  self->view.edge_kinds = edge_kinds | BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_ME);
  _bzw_map_widget_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
bzw_map_widget_get_edge_kinds (BzwMapWidget *self)
{
  g_return_val_if_fail (BZW_IS_MAP_WIDGET (self), 0);

  return self->view.edge_kinds;
}

/**
 * bzw_map_widget_set_circles:
 * @circle_ids: (element-type gint64) (nullable): the circles to show, 0 for
 *   contacts in none; %NULL shows all
 */
void
bzw_map_widget_set_circles (BzwMapWidget *self,
                            GArray       *circle_ids)
{
  g_return_if_fail (BZW_IS_MAP_WIDGET (self));

  g_clear_pointer (&self->view.circles, g_array_unref);
  if (circle_ids != NULL)
    self->view.circles = g_array_ref (circle_ids);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bzw_map_widget_set_hide_archived (BzwMapWidget *self,
                                  gboolean      hide_archived)
{
  g_return_if_fail (BZW_IS_MAP_WIDGET (self));

  self->view.hide_archived = !!hide_archived;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bzw_map_widget_set_second_degree (BzwMapWidget *self,
                                  gboolean      second_degree)
{
  g_return_if_fail (BZW_IS_MAP_WIDGET (self));

  self->view.second_degree = !!second_degree;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bzw_map_widget_set_highlight_cycles (BzwMapWidget *self,
                                     gboolean      highlight_cycles)
{
  g_return_if_fail (BZW_IS_MAP_WIDGET (self));

  self->view.highlight_cycles = !!highlight_cycles;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bzw_map_widget_set_show_legend (BzwMapWidget *self,
                                gboolean      show_legend)
{
  g_return_if_fail (BZW_IS_MAP_WIDGET (self));

  self->view.show_legend = !!show_legend;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bzw_map_widget_set_time_window:
 *
 * Counts only the journal entries of the given span for favours, referrals
 * and activity.  The map is read again; positions stay.
 */
void
bzw_map_widget_set_time_window (BzwMapWidget     *self,
                                BzwMapTimeWindow  time_window)
{
  g_return_if_fail (BZW_IS_MAP_WIDGET (self));

  if (self->time_window == time_window)
    return;

  self->time_window = time_window;
  if (self->loaded)
    reload (self);
}

/**
 * bzw_map_widget_get_selected_id:
 *
 * Returns: the selected contact, 0 for "Ich", -1 for none
 */
gint64
bzw_map_widget_get_selected_id (BzwMapWidget *self)
{
  BzwMapNode *node;

  g_return_val_if_fail (BZW_IS_MAP_WIDGET (self), -1);

  node = _bzw_map_widget_get_node (self, self->view.selected);
  return node != NULL ? node->contact_id : -1;
}

gboolean
bzw_map_widget_select_contact (BzwMapWidget *self,
                               gint64        contact_id)
{
  guint index;

  g_return_val_if_fail (BZW_IS_MAP_WIDGET (self), FALSE);

  _bzw_map_widget_ensure_loaded (self);
  if (self->graph == NULL || !bzw_map_graph_lookup (self->graph, contact_id, &index))
    return FALSE;

  _bzw_map_widget_select_node (self, index);
  _bzw_map_widget_reveal_node (self, index, FALSE);
  return TRUE;
}

/**
 * bzw_map_widget_open_selected:
 *
 * Emits BzwMapWidget::open-contact for the selected contact, if any.
 */
void
bzw_map_widget_open_selected (BzwMapWidget *self)
{
  g_return_if_fail (BZW_IS_MAP_WIDGET (self));

  _bzw_map_widget_open_node (self, self->view.selected);
}

gboolean
bzw_map_widget_is_settled (BzwMapWidget *self)
{
  g_return_val_if_fail (BZW_IS_MAP_WIDGET (self), FALSE);

  return self->layout != NULL && bzw_map_layout_is_settled (self->layout);
}

/* Lays out whatever has no place yet, for a drawing off the screen. */
static void
settle_for_drawing (BzwMapWidget *self)
{
  _bzw_map_widget_ensure_loaded (self);
  if (self->layout != NULL && !bzw_map_layout_is_settled (self->layout))
    {
      bzw_map_layout_run_until_settled (self->layout, 3000);
      self->dirty = TRUE;
      _bzw_map_widget_schedule_save (self);
    }
}

/**
 * bzw_map_widget_export:
 * @path: where to write; .png, .svg or .pdf picks the format
 * @whole_map: the whole map in the light style with its legend beside it,
 *   else the part on the screen as it is shown
 *
 * Writes the map with the current filters.  A failure leaves no file.
 *
 * Returns: whether the file was written
 */
gboolean
bzw_map_widget_export (BzwMapWidget  *self,
                       const char    *path,
                       gboolean       whole_map,
                       GError       **error)
{
  BzwMapView options;

  g_return_val_if_fail (BZW_IS_MAP_WIDGET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  settle_for_drawing (self);
  if (self->graph == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The map could not be read."));
      return FALSE;
    }

  if (whole_map)
    {
      options = self->view;
      options.selected = options.hover = -1;
      options.style = BZW_MAP_STYLE_LIGHT;
      return bzw_map_export_to_file_full (self->graph, path, &options, error);
    }

  /* The part on the screen, as large as the widget. */
  return bzw_map_export_view_to_file (self->graph, path, &self->view, error);
}
