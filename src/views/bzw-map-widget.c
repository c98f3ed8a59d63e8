/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-widget"

#include "config.h"

#include "bzw-map-widget.h"

#include "bzw-map-export.h"
#include "bzw-map-layout.h"
#include "bzw-map-renderer.h"
#include "bzw-output-file.h"
#include "bzw-ui-utils.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

/* The relationship map on the screen.  The layout runs on the main thread
 * in slices of at most LAYOUT_BUDGET_US per frame until it settles, so input
 * never waits for it; positions go back to the store a second after the
 * layout settled or a node was moved.
 */

#define LAYOUT_BUDGET_US   8000
#define SAVE_DELAY_S       1
#define RELOAD_DELAY_MS    150
#define ANIMATION_US       250000
#define FIT_MARGIN         40.0
#define FOCUS_SCALE        0.9
#define DRAG_THRESHOLD     4.0
#define KEY_ZOOM           1.25
#define KEY_MOVE_PX        16.0
#define PIN_HIT_RADIUS     9.0
#define NO_DRAG            (-2)
#define PAN_DRAG           (-1)

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

  guint             loaded : 1;
  guint             needs_reload : 1;
  guint             auto_fit : 1;
  guint             dirty : 1;
  guint             animating : 1;
  guint             drag_moved : 1;
};

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

/* Helpers */

static BzwMapNode *
get_node (BzwMapWidget *self,
          int           index)
{
  if (self->graph == NULL || index < 0 || (guint) index >= bzw_map_graph_get_n_nodes (self->graph))
    return NULL;

  return bzw_map_graph_get_node (self->graph, index);
}

static gboolean
is_visible (BzwMapWidget *self,
            guint         index)
{
  BzwMapView view = self->view;

  /* Dimmed counts as visible; without the highlight this is O(n). */
  view.highlight_neighbours = FALSE;
  return bzw_map_renderer_node_is_visible (self->renderer, &view, index);
}

static void
node_to_screen (BzwMapWidget     *self,
                const BzwMapNode *node,
                double           *x,
                double           *y)
{
  *x = node->x * self->view.scale + self->view.offset_x;
  *y = node->y * self->view.scale + self->view.offset_y;
}

static double
node_screen_radius (BzwMapWidget     *self,
                    const BzwMapNode *node)
{
  return MAX (node->radius * self->view.scale, 6.0);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data);

static void
ensure_ticking (BzwMapWidget *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Like bzw_map_view_fit(), but only over the visible nodes, and leaving out
 * the few that drifted far from all others, so that one lone contact does not
 * shrink the whole map.  Zoom out or pan to reach them.
 */
static void
fit_visible (BzwMapWidget *self,
             BzwMapView   *view)
{
  guint n = bzw_map_graph_get_n_nodes (self->graph);
  g_autoptr(GArray) distances = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  double limit = G_MAXDOUBLE;
  double w, h, sw, sh;

  for (guint i = 0; i < n; i++)
    if (is_visible (self, i))
      {
        BzwMapNode *node = bzw_map_graph_get_node (self->graph, i);
        double d = hypot (node->x, node->y);

        g_array_append_val (distances, d);
      }

  if (distances->len >= 20)
    {
      g_array_sort (distances, compare_doubles);
      limit = 1.15 * g_array_index (distances, double, (guint) (0.95 * (distances->len - 1)));
    }

  for (guint i = 0; i < n; i++)
    {
      BzwMapNode *node = bzw_map_graph_get_node (self->graph, i);

      if (!is_visible (self, i) || hypot (node->x, node->y) > limit)
        continue;

      x1 = MIN (x1, node->x - node->radius);
      y1 = MIN (y1, node->y - node->radius);
      x2 = MAX (x2, node->x + node->radius);
      y2 = MAX (y2, node->y + node->radius);
    }

  if (x1 > x2)
    x1 = x2 = y1 = y2 = 0.0;

  /* Room below for the labels of the lowest nodes. */
  w = MAX (x2 - x1, 1.0);
  h = MAX (y2 - y1, 1.0);
  sw = MAX (view->width - 2.0 * FIT_MARGIN, 1.0);
  sh = MAX (view->height - 2.0 * FIT_MARGIN - 16.0, 1.0);
  view->scale = MIN (1.5, MIN (sw / w, sh / h));
  view->offset_x = view->width / 2.0 - (x1 + x2) / 2.0 * view->scale;
  view->offset_y = (view->height - 16.0) / 2.0 - (y1 + y2) / 2.0 * view->scale;
}

static void
fit_view (BzwMapWidget *self)
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

static void
schedule_save (BzwMapWidget *self)
{
  if (self->store == NULL || bzw_store_is_read_only (self->store))
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add_seconds (SAVE_DELAY_S, save_cb, self);
}

static void
save_now (BzwMapWidget *self)
{
  if (self->save_id == 0)
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  save_cb (self);
}

/* Texts about a node, for the hover popover and for screen readers. */

static const char *
strength_word (double strength)
{
  if (strength >= 0.66)
    return C_("strength", "strong");
  if (strength >= 0.33)
    return C_("strength", "medium");
  if (strength > 0.0)
    return C_("strength", "weak");
  return C_("strength", "none yet");
}

static GPtrArray *
dup_node_details (BzwMapWidget *self,
                  guint         index)
{
  BzwMapNode *node = bzw_map_graph_get_node (self->graph, index);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BzwContact) contact = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *last = NULL;

  if (index == 0)
    {
      guint n = bzw_map_graph_get_n_nodes (self->graph) - 1;

      g_ptr_array_add (lines, g_strdup (_("The centre of your network")));
      g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact on the map",
                                                            "%u contacts on the map", n), n));
      return lines;
    }

  if (self->store != NULL)
    contact = bzw_store_dup_contact (self->store, node->contact_id, NULL);

  if (contact != NULL)
    {
      subtitle = bzw_contact_dup_subtitle (contact);
      last = bzw_ui_format_unix_date (bzw_contact_get_last_encounter (contact));
    }

  if (subtitle != NULL && *subtitle != '\0')
    g_ptr_array_add (lines, g_steal_pointer (&subtitle));

  if (node->second_degree)
    g_ptr_array_add (lines, g_strdup (_("Known through your contacts")));
  else
    /* Translators: %s is strong, medium, weak or none yet. */
    g_ptr_array_add (lines, g_strdup_printf (_("Relationship strength: %s"), strength_word (node->strength)));

  if (last != NULL)
    /* Translators: %s is a date. */
    g_ptr_array_add (lines, g_strdup_printf (_("Last contact: %s"), last));
  else
    g_ptr_array_add (lines, g_strdup (_("No encounter yet")));

  if (node->archived)
    g_ptr_array_add (lines, g_strdup (_("Archived")));
  if (node->pinned)
    g_ptr_array_add (lines, g_strdup (_("Pinned to its place")));

  return lines;
}

static void
update_accessible (BzwMapWidget *self)
{
  BzwMapNode *node = get_node (self, self->view.selected);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *description = NULL;

  if (node == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship map"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Tab and the arrow keys choose a contact, Enter opens it"),
                                      -1);
      return;
    }

  lines = dup_node_details (self, self->view.selected);
  g_ptr_array_insert (lines, 0, g_strdup (node->label));
  g_ptr_array_add (lines, NULL);
  description = g_strjoinv (". ", (char **) lines->pdata);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, node->label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* The hover popover */

static void
update_popover_position (BzwMapWidget *self)
{
  BzwMapNode *node = get_node (self, self->view.hover);
  GdkRectangle rect;
  double x, y, r;

  if (node == NULL || !gtk_widget_get_visible (self->popover))
    return;

  node_to_screen (self, node, &x, &y);
  r = node_screen_radius (self, node);
  rect.x = (int) floor (x - r);
  rect.y = (int) floor (y - r);
  rect.width = rect.height = (int) ceil (2 * r);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
}

static void
hide_popover (BzwMapWidget *self)
{
  if (gtk_widget_get_visible (self->popover))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
show_popover (BzwMapWidget *self)
{
  BzwMapNode *node = get_node (self, self->view.hover);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *details = NULL;

  if (node == NULL)
    {
      hide_popover (self);
      return;
    }

  lines = dup_node_details (self, self->view.hover);
  if (node->pinned)
    g_ptr_array_add (lines, g_strdup (_("Double-click the pin or press Alt+Backspace to release it")));
  g_ptr_array_add (lines, NULL);
  details = g_strjoinv ("\n", (char **) lines->pdata);

  gtk_label_set_text (self->popover_title, node->label);
  gtk_label_set_text (self->popover_details, details);

  if (!gtk_widget_get_visible (self->popover))
    gtk_popover_popup (GTK_POPOVER (self->popover));
  update_popover_position (self);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
set_hover (BzwMapWidget *self,
           int           hover)
{
  if (self->view.hover == hover)
    return;

  self->view.hover = hover;
  if (hover >= 0)
    show_popover (self);
  else
    hide_popover (self);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Selection and navigation */

/* Glides the node into the middle of the viewport, zooming to @scale. */
static void
animate_to_node (BzwMapWidget     *self,
                 const BzwMapNode *node,
                 double            scale)
{
  self->anchor_x = node->x;
  self->anchor_y = node->y;
  node_to_screen (self, node, &self->from_x, &self->from_y);
  self->to_x = self->view.width / 2.0;
  self->to_y = self->view.height / 2.0;
  self->from_scale = self->view.scale;
  self->to_scale = scale;
  self->animation_start = 0;
  self->animating = TRUE;
  self->auto_fit = FALSE;
  ensure_ticking (self);
}

/* Brings the node into view: centred and zoomed in far enough to read when
 * @focus is set, else only panned if it lies near the edge or outside.
 */
static void
reveal_node (BzwMapWidget *self,
             int           index,
             gboolean      focus)
{
  BzwMapNode *node = get_node (self, index);
  double x, y;
  double margin = 48.0;

  if (node == NULL || self->view.width <= 0)
    return;

  node_to_screen (self, node, &x, &y);
  if (!focus && x >= margin && y >= margin &&
      x <= self->view.width - margin && y <= self->view.height - margin)
    return;

  animate_to_node (self, node, focus ? MAX (self->view.scale, FOCUS_SCALE) : self->view.scale);
}

static void
select_node (BzwMapWidget *self,
             int           index)
{
  if (self->view.selected == index)
    return;

  self->view.selected = index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

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

      if (!is_visible (self, i))
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
  BzwMapNode *origin = get_node (self, from);
  double best = G_MAXDOUBLE;
  int found = -1;

  if (origin == NULL)
    return -1;

  for (guint i = 0; i < bzw_map_graph_get_n_nodes (self->graph); i++)
    {
      BzwMapNode *node = bzw_map_graph_get_node (self->graph, i);
      double vx, vy, along, across, score;

      if ((int) i == from || !is_visible (self, i))
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

static void
move_node_by (BzwMapWidget *self,
              int           index,
              double        screen_dx,
              double        screen_dy)
{
  BzwMapNode *node = get_node (self, index);

  /* "Ich" stays in the middle. */
  if (node == NULL || index == 0)
    return;

  node->x += screen_dx / self->view.scale;
  node->y += screen_dy / self->view.scale;
  node->pinned = TRUE;
  node->placed = TRUE;
  bzw_map_graph_changed (self->graph);
  self->dirty = TRUE;
  ensure_ticking (self);
  update_popover_position (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
unpin_node (BzwMapWidget *self,
            int           index)
{
  BzwMapNode *node = get_node (self, index);

  if (node == NULL || !node->pinned)
    return;

  node->pinned = FALSE;
  bzw_map_graph_changed (self->graph);
  self->dirty = TRUE;
  ensure_ticking (self);
  schedule_save (self);
  update_accessible (self);
  if (self->view.hover == index)
    show_popover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
open_node (BzwMapWidget *self,
           int           index)
{
  BzwMapNode *node = get_node (self, index);

  if (node == NULL || index == 0)
    return;

  g_signal_emit (self, signals[OPEN_CONTACT], 0, node->contact_id);
}

static gboolean
hit_pin (BzwMapWidget *self,
         int           index,
         double        x,
         double        y)
{
  BzwMapNode *node = get_node (self, index);
  double sx, sy, r, s;

  if (node == NULL || !node->pinned)
    return FALSE;

  /* Where the renderer draws the head of the pin. */
  node_to_screen (self, node, &sx, &sy);
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
      if (hit_pin (self, i, x, y) && is_visible (self, i))
        return i;

  return hit;
}

/* Loading */

static void
reload (BzwMapWidget *self)
{
  BzwMapGraphOptions options = { 0 };
  g_autoptr(BzwMapGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  BzwMapNode *old_selected = get_node (self, self->view.selected);
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
    self->renderer = bzw_map_renderer_new (self->graph);
  else
    bzw_map_renderer_set_graph (self->renderer, self->graph);

  self->loaded = TRUE;
  self->needs_reload = FALSE;

  hide_popover (self);
  self->view.hover = -1;
  self->drag_node = NO_DRAG;
  self->view.selected = -1;
  if (selected_id >= 0 && bzw_map_graph_lookup (self->graph, selected_id, &index))
    self->view.selected = index;
  if (selected_id >= 0 && self->view.selected < 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);

  update_accessible (self);
  ensure_ticking (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[RELOADED], 0);
}

static void
ensure_loaded (BzwMapWidget *self)
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

/* Frame clock */

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
        schedule_save (self);
      else
        busy = TRUE;

      if (self->auto_fit)
        fit_view (self);
      update_popover_position (self);
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

      update_popover_position (self);
      gtk_widget_queue_draw (widget);
    }

  if (!busy)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Input */

static void
stop_animation (BzwMapWidget *self)
{
  self->animating = FALSE;
  self->auto_fit = FALSE;
}

static void
zoom_at (BzwMapWidget *self,
         double        factor,
         double        x,
         double        y)
{
  stop_animation (self);
  bzw_map_view_zoom_at (&self->view, factor, x, y);
  update_popover_position (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

  set_hover (self, hit_node_or_pin (self, x, y));
}

static void
leave_cb (BzwMapWidget             *self,
          GtkEventControllerMotion *controller)
{
  self->pointer_x = self->view.width / 2.0;
  self->pointer_y = self->view.height / 2.0;
  if (self->drag_node == NO_DRAG)
    set_hover (self, -1);
}

static gboolean
scroll_cb (BzwMapWidget             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  if (dy == 0.0)
    return FALSE;

  zoom_at (self, pow (1.2, -dy), self->pointer_x, self->pointer_y);
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

  zoom_at (self, self->zoom_start_scale * scale / self->view.scale, x, y);
}

static void
drag_begin_cb (BzwMapWidget   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  int hit = hit_node (self, x, y);
  BzwMapNode *node = get_node (self, hit);

  self->drag_moved = FALSE;
  if (node != NULL && hit > 0)
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
      hide_popover (self);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  if (self->drag_node == PAN_DRAG)
    {
      stop_animation (self);
      self->view.offset_x = self->drag_start_x + dx;
      self->view.offset_y = self->drag_start_y + dy;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  node = get_node (self, self->drag_node);
  if (node == NULL)
    return;

  node->x = self->drag_start_x + dx / self->view.scale;
  node->y = self->drag_start_y + dy / self->view.scale;
  node->pinned = TRUE;
  node->placed = TRUE;
  bzw_map_graph_changed (self->graph);
  self->dirty = TRUE;
  self->auto_fit = FALSE;
  ensure_ticking (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (BzwMapWidget   *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  gboolean moved_node = self->drag_moved && self->drag_node >= 0;

  self->drag_node = NO_DRAG;
  if (!self->drag_moved)
    return;

  self->drag_moved = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  if (moved_node)
    {
      update_accessible (self);
      schedule_save (self);
    }
  set_hover (self, -1);
  set_hover (self, hit_node_or_pin (self, self->pointer_x, self->pointer_y));
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
        unpin_node (self, hit);
      else
        open_node (self, hit);
      return;
    }

  if (n_press == 1 && hit >= 0)
    select_node (self, hit);
}

static void
click_released_cb (BzwMapWidget    *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  /* A click on the empty background clears the selection. */
  if (n_press == 1 && !self->drag_moved && hit_node_or_pin (self, x, y) < 0)
    select_node (self, -1);
}

static gboolean
key_pressed_cb (BzwMapWidget          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean alt = (mods & GDK_ALT_MASK) != 0;
  double dx = 0.0, dy = 0.0;
  gunichar c;

  if (self->graph == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      dx = -1.0;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dx = 1.0;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      dy = -1.0;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      dy = 1.0;
      break;
    default:
      break;
    }

  if ((dx != 0.0 || dy != 0.0) && (mods & ~(GDK_ALT_MASK | GDK_SHIFT_MASK)) == 0)
    {
      if (alt)
        {
          double step = (mods & GDK_SHIFT_MASK) ? KEY_MOVE_PX / 4.0 : KEY_MOVE_PX;

          if (self->view.selected > 0)
            {
              move_node_by (self, self->view.selected, dx * step, dy * step);
              reveal_node (self, self->view.selected, FALSE);
              schedule_save (self);
            }
        }
      else if (self->view.selected < 0)
        {
          select_node (self, 0);
          reveal_node (self, 0, FALSE);
        }
      else
        {
          int next = find_in_direction (self, self->view.selected, dx, dy);

          if (next >= 0)
            {
              select_node (self, next);
              reveal_node (self, next, FALSE);
            }
          else
            gtk_widget_error_bell (GTK_WIDGET (self));
        }
      return TRUE;
    }

  if (mods == GDK_ALT_MASK && keyval == GDK_KEY_BackSpace)
    {
      unpin_node (self, self->view.selected);
      return TRUE;
    }

  if ((mods & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
    case GDK_KEY_equal:
      zoom_at (self, KEY_ZOOM, self->view.width / 2.0, self->view.height / 2.0);
      return TRUE;

    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom_at (self, 1.0 / KEY_ZOOM, self->view.width / 2.0, self->view.height / 2.0);
      return TRUE;

    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      bzw_map_widget_fit (self);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      open_node (self, self->view.selected);
      return TRUE;

    case GDK_KEY_Escape:
      if (self->view.selected < 0)
        return FALSE;
      select_node (self, -1);
      return TRUE;

    default:
      break;
    }

  /* Typing starts the search. */
  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && g_unichar_isgraph (c))
    {
      char text[8] = { 0 };

      g_unichar_to_utf8 (c, text);
      g_signal_emit (self, signals[START_SEARCH], 0, text);
      return TRUE;
    }

  return FALSE;
}

/* GtkWidget */

static gboolean
bzw_map_widget_focus (GtkWidget        *widget,
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

  ensure_loaded (self);
  order = dup_tab_order (self);

  if (!gtk_widget_has_focus (widget))
    {
      gtk_widget_grab_focus (widget);
      if (order->len > 0 && (self->view.selected < 0 || !is_visible (self, self->view.selected)))
        {
          next = g_array_index (order, guint, direction == GTK_DIR_TAB_FORWARD ? 0 : order->len - 1);
          select_node (self, next);
          reveal_node (self, next, FALSE);
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
  select_node (self, next);
  reveal_node (self, next, FALSE);
  return TRUE;
}

static void
bzw_map_widget_snapshot (GtkWidget   *widget,
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

static void
bzw_map_widget_size_allocate (GtkWidget *widget,
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
    fit_view (self);
  else if (old_width > 0 && old_height > 0)
    {
      /* Keep the middle in the middle. */
      self->view.offset_x += (width - old_width) / 2.0;
      self->view.offset_y += (height - old_height) / 2.0;
    }

  update_popover_position (self);
  if (gtk_widget_get_visible (self->popover))
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
bzw_map_widget_map (GtkWidget *widget)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (widget);

  GTK_WIDGET_CLASS (bzw_map_widget_parent_class)->map (widget);

  ensure_loaded (self);
  if (self->auto_fit)
    fit_view (self);
  ensure_ticking (self);
}

static void
bzw_map_widget_unmap (GtkWidget *widget)
{
  BzwMapWidget *self = BZW_MAP_WIDGET (widget);

  hide_popover (self);
  save_now (self);
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

  save_now (self);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);

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

  widget_class->focus = bzw_map_widget_focus;
  widget_class->snapshot = bzw_map_widget_snapshot;
  widget_class->size_allocate = bzw_map_widget_size_allocate;
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

  gtk_widget_class_set_css_name (widget_class, "bzw-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bzw_map_widget_init (BzwMapWidget *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkWidget *box;
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

  /* The hover details. */
  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_TOP);
  gtk_widget_set_can_target (self->popover, FALSE);
  gtk_widget_set_can_focus (self->popover, FALSE);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (box, 4);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  self->popover_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->popover_title, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->popover_title), "heading");
  self->popover_details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->popover_details, 0.0);
  gtk_label_set_max_width_chars (self->popover_details, 40);
  gtk_label_set_wrap (self->popover_details, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->popover_details), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->popover_title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->popover_details));
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);

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

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  self->view.style = adw_style_manager_get_dark (manager) ? BZW_MAP_STYLE_DARK : BZW_MAP_STYLE_LIGHT;
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  update_accessible (self);
}

/* Public API */

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

  save_now (self);
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

  ensure_loaded (self);
  return self->graph;
}

void
bzw_map_widget_set_edge_kinds (BzwMapWidget *self,
                               guint         edge_kinds)
{
  g_return_if_fail (BZW_IS_MAP_WIDGET (self));

  self->view.edge_kinds = edge_kinds | BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_ME);
  update_accessible (self);
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

void
bzw_map_widget_zoom (BzwMapWidget *self,
                     double        factor)
{
  g_return_if_fail (BZW_IS_MAP_WIDGET (self));
  g_return_if_fail (factor > 0.0);

  zoom_at (self, factor, self->view.width / 2.0, self->view.height / 2.0);
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
  update_popover_position (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

  ensure_loaded (self);
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
            select_node (self, index);
            reveal_node (self, index, TRUE);
            return TRUE;
          }
      }

  return FALSE;
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

  node = get_node (self, self->view.selected);
  return node != NULL ? node->contact_id : -1;
}

gboolean
bzw_map_widget_select_contact (BzwMapWidget *self,
                               gint64        contact_id)
{
  guint index;

  g_return_val_if_fail (BZW_IS_MAP_WIDGET (self), FALSE);

  ensure_loaded (self);
  if (self->graph == NULL || !bzw_map_graph_lookup (self->graph, contact_id, &index))
    return FALSE;

  select_node (self, index);
  reveal_node (self, index, FALSE);
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

  open_node (self, self->view.selected);
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
  ensure_loaded (self);
  if (self->layout != NULL && !bzw_map_layout_is_settled (self->layout))
    {
      bzw_map_layout_run_until_settled (self->layout, 3000);
      self->dirty = TRUE;
      schedule_save (self);
    }
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws @view in the format of @path into @data. */
static gboolean
write_view (BzwMapWidget      *self,
            const char        *path,
            GByteArray        *data,
            const BzwMapView  *view,
            GError           **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int scale = 1;

  if (g_str_has_suffix (lower, ".png"))
    {
      scale = 2;
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width * scale, view->height * scale);
    }
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create_for_stream (append_cb, data, view->width, view->height);
  else
    surface = cairo_pdf_surface_create_for_stream (append_cb, data, view->width, view->height);

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  bzw_map_renderer_draw (self->renderer, cr, view);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && scale != 1)
    status = cairo_surface_write_to_png_stream (surface, append_cb, data);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/* The part of the map on the screen, as large as the widget.  The file is
 * written through a #BzwOutputFile (0600 when new, never replacing a
 * device).
 */
static gboolean
export_view (BzwMapWidget  *self,
             const char    *path,
             GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) local_error = NULL;
  BzwMapView view = self->view;

  view.hover = -1;
  view.draw_background = TRUE;
  view.width = MAX (view.width, 1);
  view.height = MAX (view.height, 1);

  if (!write_view (self, path, data, &view, &local_error) ||
      !bzw_output_file_set_contents (path, data->data, data->len, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write the map to “%s”: %s"), display,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
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
  g_autofree char *lower = NULL;
  g_autofree char *base = NULL;
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

  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".pdf"))
    {
      base = g_path_get_basename (path);
      g_set_error (error, BZW_MAP_EXPORT_ERROR, BZW_MAP_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Cannot export the map as “%s”: the file name must end in .png, .svg or .pdf."), base);
      return FALSE;
    }

  return export_view (self, path, error);
}

/**
 * bzw_map_widget_draw_for_print:
 * @cr: the area to draw into, starting at (0, 0), in points
 *
 * Draws the whole map fitted into @width × @height in the light style, with
 * a smaller legend to the right or below, whichever leaves the map the
 * larger square.  Selection and filters of the screen are left out.
 */
void
bzw_map_widget_draw_for_print (BzwMapWidget *self,
                               cairo_t      *cr,
                               double        width,
                               double        height)
{
  const double legend_scale = 0.75;
  const double gap = 12.0;
  BzwMapView view;
  double legend_w, legend_h;
  double right_w, below_h;
  gboolean beside;

  g_return_if_fail (BZW_IS_MAP_WIDGET (self));
  g_return_if_fail (cr != NULL);

  settle_for_drawing (self);
  if (self->graph == NULL || self->renderer == NULL)
    return;

  bzw_map_view_init (&view, (int) width, (int) height);
  view.draw_background = FALSE;
  view.style = BZW_MAP_STYLE_LIGHT;
  bzw_map_renderer_measure_legend (self->renderer, &view, &legend_w, &legend_h);
  legend_w *= legend_scale;
  legend_h *= legend_scale;

  right_w = width - legend_w - gap;
  below_h = height - legend_h - gap;
  beside = MIN (right_w, height) >= MIN (width, below_h);

  if (beside)
    view.width = (int) MAX (right_w, 1.0);
  else
    view.height = (int) MAX (below_h, 1.0);

  bzw_map_view_fit (&view, self->graph, 8.0);
  cairo_save (cr);
  bzw_map_renderer_draw (self->renderer, cr, &view);
  cairo_restore (cr);

  cairo_save (cr);
  if (beside)
    cairo_translate (cr, width - legend_w, 0.0);
  else
    cairo_translate (cr, 0.0, height - legend_h);
  cairo_scale (cr, legend_scale, legend_scale);
  bzw_map_renderer_draw_legend (self->renderer, cr, &view, 0.0, 0.0);
  cairo_restore (cr);
}
