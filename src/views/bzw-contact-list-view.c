/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-contact-list-view"

#include "config.h"

#include "bzw-contact-list-view.h"
#include "bzw-circle-menu.h"
#include "bzw-contact-list.h"
#include "bzw-contact-row.h"
#include "bzw-due.h"

#include "bzw-ui-utils.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* GTK 4.8's list view makes a row for up to 200 items as soon as it is in
 * a window, far more than a window shows.  Until the list is first on
 * screen it sees only as many contacts as rows fit into the window (or on
 * the tallest monitor, for a maximized one; a row is at least ROW_HEIGHT
 * high: the avatar and its margins), then all.
 */
#define ROW_HEIGHT 52
#define MIN_FIRST_ROWS 12

struct _BzwContactListView
{
  GtkWidget          parent_instance;

  BzwStore          *store;
  BzwNameOrder       name_display;
  BzwContactList    *list;
  GtkSliceListModel *slice;
  GtkMultiSelection *selection;
  BzwDue            *due;
  GArray            *circle_ids;
  BzwCircleMenu     *circle_menu;
  GtkWidget         *context_menu;

  GtkDropDown       *circle_dropdown;
  GtkLabel          *count_label;
  GtkCheckButton    *archived_check;
  GtkCheckButton    *due_check;
  GtkMenuButton     *filter_button;
  GtkStack          *list_stack;
  AdwStatusPage     *no_results_page;
  GtkListView       *list_view;
  GtkCheckButton    *online_check;
  GtkSearchEntry    *search_entry;

  gulong             paint_handler;
  guint              all_rows_id;
};

G_DEFINE_FINAL_TYPE (BzwContactListView, bzw_contact_list_view, GTK_TYPE_WIDGET)

enum {
  CONTACT_ACTIVATED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_count (BzwContactListView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts", n), n);

  gtk_label_set_label (self->count_label, text);
  /* Its large icon is loaded only when the page is shown. */
  if (n == 0)
    adw_status_page_set_icon_name (self->no_results_page, "edit-find-symbolic");
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "no-results");
}

static void
apply_filters (BzwContactListView *self)
{
  guint selected = gtk_drop_down_get_selected (self->circle_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  BzwContactQuery query = {
    text[0] != '\0' ? text : NULL,
    selected > 0 && selected <= self->circle_ids->len
      ? g_array_index (self->circle_ids, gint64, selected - 1) : 0,
    gtk_check_button_get_active (self->due_check),
    gtk_check_button_get_active (self->online_check),
    gtk_check_button_get_active (self->archived_check),
  };
  gboolean filtered = query.circle_id != 0 || query.due_only || query.online_only || query.include_archived;

  bzw_contact_list_set_query (self->list, &query);

  if (filtered)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");

  update_count (self);
}

static void
search_changed_cb (BzwContactListView *self)
{
  apply_filters (self);
}

static void
stop_search_cb (BzwContactListView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
filters_changed_cb (BzwContactListView *self)
{
  if (self->list != NULL)
    apply_filters (self);
}

static void
activate_cb (BzwContactListView *self,
             guint               position)
{
  gint64 id = bzw_contact_list_get_id (self->list, position);

  if (id != 0)
    g_signal_emit (self, signals[CONTACT_ACTIVATED], 0, id);
}

static void
reload_circles (BzwContactListView *self)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (self->store, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 selected_id = 0;
  guint selected = gtk_drop_down_get_selected (self->circle_dropdown);
  guint new_selected = 0;

  if (selected > 0 && selected <= self->circle_ids->len)
    selected_id = g_array_index (self->circle_ids, gint64, selected - 1);

  g_array_set_size (self->circle_ids, 0);
  gtk_string_list_append (names, _("All circles"));

  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);
      gint64 id = bzw_circle_get_id (circle);

      g_array_append_val (self->circle_ids, id);
      gtk_string_list_append (names, bzw_circle_get_name (circle));
      if (id == selected_id)
        new_selected = i + 1;
    }

  gtk_drop_down_set_model (self->circle_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->circle_dropdown, new_selected);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, bzw_contact_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             BzwContactListView       *self)
{
  BzwContactRow *row = BZW_CONTACT_ROW (gtk_list_item_get_child (item));
  BzwContact *contact = gtk_list_item_get_item (item);
  g_autofree char *tooltip = NULL;
  int level;

  bzw_contact_row_set_name_display (row, self->name_display);
  bzw_contact_row_set_contact (row, contact);
  level = bzw_due_get_level (self->due, contact, &tooltip);
  bzw_contact_row_set_due (row, level, tooltip);
}

static void
show_all_rows (BzwContactListView *self)
{
  g_clear_handle_id (&self->all_rows_id, g_source_remove);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

static gboolean
all_rows_cb (gpointer data)
{
  BzwContactListView *self = data;

  self->all_rows_id = 0;
  show_all_rows (self);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock      *clock,
                BzwContactListView *self)
{
  g_clear_signal_handler (&self->paint_handler, clock);
  if (self->all_rows_id == 0 && gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    self->all_rows_id = g_idle_add (all_rows_cb, self);
}

static int
get_first_height (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GListModel *monitors;
  int width = 0;
  int height = 0;

  if (GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)) &&
      !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    {
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
      if (height > 0)
        return height;
    }

  monitors = gdk_display_get_monitors (gtk_widget_get_display (widget));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }

  return height;
}

static void
bzw_contact_list_view_root (GtkWidget *widget)
{
  BzwContactListView *self = BZW_CONTACT_LIST_VIEW (widget);
  int height = get_first_height (widget);

  /* Before the rows are made: the list view is rooted after this. */
  if (gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->slice, MAX (MIN_FIRST_ROWS, height / ROW_HEIGHT + 1));

  GTK_WIDGET_CLASS (bzw_contact_list_view_parent_class)->root (widget);
}

static void
bzw_contact_list_view_map (GtkWidget *widget)
{
  BzwContactListView *self = BZW_CONTACT_LIST_VIEW (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (bzw_contact_list_view_parent_class)->map (widget);

  clock = gtk_widget_get_frame_clock (widget);
  if (clock != NULL && self->paint_handler == 0 && gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    self->paint_handler = g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), self, 0);
}

static void
bzw_contact_list_view_unmap (GtkWidget *widget)
{
  BzwContactListView *self = BZW_CONTACT_LIST_VIEW (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    g_clear_signal_handler (&self->paint_handler, clock);
  self->paint_handler = 0;

  GTK_WIDGET_CLASS (bzw_contact_list_view_parent_class)->unmap (widget);
}

static void
selection_changed_cb (BzwContactListView *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
store_changed_cb (BzwContactListView *self,
                  guint               what,
                  gint64              id)
{
  if (what & BZW_STORE_CHANGE_CIRCLES)
    {
      bzw_due_reload (self->due);
      reload_circles (self);
    }
  if ((what & BZW_STORE_CHANGE_CONTACTS) && id == 0)
    {
      BzwNameOrder display = bzw_store_get_name_display (self->store);

      /* Shown the other way round: every row is bound anew. */
      if (display != self->name_display)
        {
          guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

          self->name_display = display;
          g_list_model_items_changed (G_LIST_MODEL (self->list), 0, n, n);
        }
    }
  update_count (self);
}

/* The context menu of a row, for the selected contacts. */
static GtkWidget *
context_menu_new (BzwContactListView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) first = g_menu_new ();
  g_autoptr(GMenu) last = g_menu_new ();
  GtkWidget *popover;

  g_menu_append (first, _("_Edit"), "contact.edit");
  g_menu_append_submenu (first, _("C_ircles"), bzw_circle_menu_get_model (self->circle_menu));
  g_menu_append (last, _("_Archive"), "contact.toggle-archived");
  g_menu_append (last, _("_Delete"), "contact.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (first));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (last));

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  return popover;
}

/* Opens the context menu at @x, @y of the list view, for the selection. */
static void
popup_context_menu (BzwContactListView *self,
                    double              x,
                    double              y)
{
  g_autoptr(GArray) ids = bzw_contact_list_view_dup_selected_ids (self);
  double px = x;
  double py = y;

  if (ids->len == 0)
    return;

  bzw_circle_menu_set_contacts (self->circle_menu, ids);
  /* Opened again, the menu starts on its first page, not in „Kreise“. */
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu),
                                   gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (self->context_menu)));
  gtk_widget_translate_coordinates (GTK_WIDGET (self->list_view), GTK_WIDGET (self), x, y, &px, &py);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) px, (int) py, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* A right click selects the row under the pointer, unless it is one of
 * several selected, and opens the context menu.
 */
static void
right_click_cb (GtkGestureClick    *gesture,
                int                 n_press,
                double              x,
                double              y,
                BzwContactListView *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked != NULL ? gtk_widget_get_ancestor (picked, BZW_TYPE_CONTACT_ROW) : NULL;
  BzwContact *contact = row != NULL ? bzw_contact_row_get_contact (BZW_CONTACT_ROW (row)) : NULL;
  guint position;

  if (contact == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  position = bzw_contact_list_find (self->list, bzw_contact_get_id (contact));
  if (position != G_MAXUINT &&
      !gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  popup_context_menu (self, x, y);
}

/* Shift+F10 or the Menu key: the context menu at the focused row. */
static gboolean
context_menu_shortcut (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  BzwContactListView *self = BZW_CONTACT_LIST_VIEW (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)) ||
      !gtk_widget_compute_bounds (focus, GTK_WIDGET (self->list_view), &bounds))
    return FALSE;

  popup_context_menu (self, bounds.origin.x + 24, bounds.origin.y + bounds.size.height / 2);
  return TRUE;
}

static void
bzw_contact_list_view_dispose (GObject *object)
{
  BzwContactListView *self = BZW_CONTACT_LIST_VIEW (object);

  g_clear_handle_id (&self->all_rows_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_CONTACT_LIST_VIEW);
  bzw_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->list);
  g_clear_object (&self->due);
  g_clear_object (&self->circle_menu);
  g_clear_object (&self->store);
  g_clear_pointer (&self->circle_ids, g_array_unref);

  G_OBJECT_CLASS (bzw_contact_list_view_parent_class)->dispose (object);
}

static gboolean
bzw_contact_list_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BZW_CONTACT_LIST_VIEW (widget)->list_view));
}

static void
bzw_contact_list_view_class_init (BzwContactListViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_contact_list_view_dispose;
  widget_class->grab_focus = bzw_contact_list_view_grab_focus;
  widget_class->root = bzw_contact_list_view_root;
  widget_class->map = bzw_contact_list_view_map;
  widget_class->unmap = bzw_contact_list_view_unmap;
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, context_menu_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, context_menu_shortcut, NULL);

  signals[CONTACT_ACTIVATED] = g_signal_new ("contact-activated",
                                             G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed",
                                             G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/views/bzw-contact-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwContactListView, archived_check);
  gtk_widget_class_bind_template_child (widget_class, BzwContactListView, circle_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BzwContactListView, count_label);
  gtk_widget_class_bind_template_child (widget_class, BzwContactListView, due_check);
  gtk_widget_class_bind_template_child (widget_class, BzwContactListView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, BzwContactListView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BzwContactListView, list_view);
  gtk_widget_class_bind_template_child (widget_class, BzwContactListView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, BzwContactListView, online_check);
  gtk_widget_class_bind_template_child (widget_class, BzwContactListView, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bzw_contact_list_view_init (BzwContactListView *self)
{
  self->circle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bzw_contact_list_view_new_for_list:
 * @list: all contacts of a store, unfiltered, e.g. read in a thread while
 *   the app started
 *
 * The list view shows @list and applies its filters to it.
 */
GtkWidget *
bzw_contact_list_view_new_for_list (BzwContactList *list)
{
  BzwContactListView *self;
  GtkListItemFactory *factory;
  GtkGesture *gesture;
  BzwStore *store;

  g_return_val_if_fail (BZW_IS_CONTACT_LIST (list), NULL);

  store = bzw_contact_list_get_store (list);
  self = g_object_new (BZW_TYPE_CONTACT_LIST_VIEW, NULL);
  self->store = g_object_ref (store);
  self->due = bzw_due_new (store);
  self->list = g_object_ref (list);
  self->name_display = bzw_store_get_name_display (store);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->list)), 0, MIN_FIRST_ROWS);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->circle_menu = bzw_circle_menu_new (store);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "circles", bzw_circle_menu_get_actions (self->circle_menu));
  self->context_menu = context_menu_new (self);
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (right_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (gesture));

  reload_circles (self);
  update_count (self);
  return GTK_WIDGET (self);
}

/**
 * bzw_contact_list_view_dup_selected_ids:
 *
 * Returns: (transfer full) (element-type gint64): the selected contacts.
 */
GArray *
bzw_contact_list_view_dup_selected_ids (BzwContactListView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (BZW_IS_CONTACT_LIST_VIEW (self), ids);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = bzw_contact_list_get_id (self->list, position);

      if (id != 0)
        g_array_append_val (ids, id);
    }

  return ids;
}

/* The contacts the list shows now, for printing the current search result. */
GArray *
bzw_contact_list_view_dup_shown_ids (BzwContactListView *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT_LIST_VIEW (self), NULL);

  return bzw_contact_list_dup_ids (self->list);
}

void
bzw_contact_list_view_select (BzwContactListView *self,
                              gint64              id)
{
  guint position;

  g_return_if_fail (BZW_IS_CONTACT_LIST_VIEW (self));

  position = bzw_contact_list_find (self->list, id);
  if (position == G_MAXUINT)
    {
      /* Not shown with the current search: clear it so the contact is. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_check_button_set_active (self->due_check, FALSE);
      gtk_check_button_set_active (self->online_check, FALSE);
      gtk_drop_down_set_selected (self->circle_dropdown, 0);
      apply_filters (self);
      position = bzw_contact_list_find (self->list, id);
    }

  if (position == G_MAXUINT)
    return;

  show_all_rows (self);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

void
bzw_contact_list_view_focus_search (BzwContactListView *self)
{
  g_return_if_fail (BZW_IS_CONTACT_LIST_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
