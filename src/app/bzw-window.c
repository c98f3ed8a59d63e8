/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-window"

#include "config.h"

#include "bzw-window-private.h"

#include "bzw-application.h"
#include "bzw-contacts-view.h"
#include "bzw-dashboard-view.h"
#include "bzw-journal-view.h"
#include "bzw-map-page.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (BzwWindow, bzw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_bzw_window_toast (BzwWindow  *self,
                   const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
_bzw_window_show_error (BzwWindow    *self,
                        const char   *heading,
                        const GError *error)
{
  bzw_ui_show_error (GTK_WIDGET (self), heading, error);
}

/* The empty states and the recovery page are built when first needed,
 * from bzw-window-pages.ui: most databases never show them.
 */
static GObject *
build_page (const char  *id,
            GtkBuilder **builder)
{
  const char *ids[] = { id, NULL };
  g_autoptr(GError) error = NULL;

  *builder = gtk_builder_new ();
  if (!gtk_builder_add_objects_from_resource (*builder, RESOURCE_PREFIX "/app/bzw-window-pages.ui",
                                              ids, &error))
    g_error ("Cannot build %s: %s", id, error->message);

  return gtk_builder_get_object (*builder, id);
}

static void
ensure_empty_page (GtkStack   *stack,
                   const char *id)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_stack_get_child_by_name (stack, "empty") == NULL)
    gtk_stack_add_named (stack, GTK_WIDGET (build_page (id, &builder)), "empty");
}

/* Shows each view's empty state while the database holds nothing. */
static void
update_empty_states (BzwWindow *self)
{
  gboolean empty = self->store == NULL || bzw_store_is_empty (self->store);
  GtkStack *stacks[] = { self->contacts_stack, self->journal_stack, self->map_stack, self->overview_stack };
  const char *ids[] = { "contacts_empty", "journal_empty", "map_empty", "overview_empty" };

  for (guint i = 0; i < G_N_ELEMENTS (stacks); i++)
    {
      /* A view not built yet is built when it is shown. */
      if (empty && self->store != NULL)
        {
          ensure_empty_page (stacks[i], ids[i]);
          gtk_stack_set_visible_child_name (stacks[i], "empty");
        }
      else if (!empty && gtk_stack_get_child_by_name (stacks[i], "content") != NULL)
        {
          gtk_stack_set_visible_child_name (stacks[i], "content");
        }
    }

  if (self->store != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo",
                                   empty && !bzw_store_is_read_only (self->store));
}

static void
store_changed_cb (BzwWindow *self,
                  guint      what,
                  gint64     id,
                  BzwStore  *store)
{
  update_empty_states (self);
}

static void
ensure_error_page (BzwWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->error_page != NULL)
    return;

  self->error_page = ADW_STATUS_PAGE (build_page ("error_page", &builder));
  self->restore_backup_button = GTK_BUTTON (gtk_builder_get_object (builder, "restore_backup_button"));
  self->try_again_button = GTK_BUTTON (gtk_builder_get_object (builder, "try_again_button"));
  self->open_read_only_button = GTK_BUTTON (gtk_builder_get_object (builder, "open_read_only_button"));
  self->open_other_button = GTK_BUTTON (gtk_builder_get_object (builder, "open_other_button"));
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->error_page), "error");
}

static void
show_store_error (BzwWindow    *self,
                  const GError *error)
{
  ensure_error_page (self);
  _bzw_window_show_recovery (self, error);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-contact", FALSE);
}

/**
 * _bzw_window_fail_store:
 *
 * The database turned out to be unusable after it was opened (its deferred
 * check failed): the window, the views and the application let go of it,
 * the connection is closed without writing, and the recovery page explains
 * @error.
 */
void
_bzw_window_fail_store (BzwWindow    *self,
                        const GError *error)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(BzwStore) store = self->store != NULL ? g_object_ref (self->store) : NULL;

  _bzw_window_set_store (self, NULL);
  if (app != NULL)
    bzw_application_release_store (BZW_APPLICATION (app));
  if (store != NULL)
    bzw_store_close (store);

  show_store_error (self, error);
}

static void
map_open_contact_cb (BzwWindow *self,
                     gint64     id)
{
  if (_bzw_window_ensure_contacts_view (self) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->stack, "contacts");
  bzw_contacts_view_show_contact (BZW_CONTACTS_VIEW (self->contacts_view), id);
}

/* A view is built when it is first shown or needed, not at start-up: the
 * first frame waits only for the view on screen.
 */
GtkWidget *
_bzw_window_ensure_view (BzwWindow  *self,
                         const char *name)
{
  GtkWidget **view;
  GtkStack *stack;

  if (self->store == NULL || name == NULL)
    return NULL;

  if (g_str_equal (name, "contacts"))
    {
      view = &self->contacts_view;
      stack = self->contacts_stack;
    }
  else if (g_str_equal (name, "journal"))
    {
      view = &self->journal_view;
      stack = self->journal_stack;
    }
  else if (g_str_equal (name, "map"))
    {
      view = &self->map_page;
      stack = self->map_stack;
    }
  else if (g_str_equal (name, "overview"))
    {
      view = &self->overview_view;
      stack = self->overview_stack;
    }
  else
    {
      return NULL;
    }

  if (*view != NULL)
    return *view;

  if (view == &self->contacts_view)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      g_autoptr(BzwContactList) list = NULL;

      if (app != NULL)
        list = bzw_application_steal_contact_list (BZW_APPLICATION (app), self->store);
      *view = list != NULL ? bzw_contacts_view_new_for_list (list) : bzw_contacts_view_new (self->store);
    }
  else if (view == &self->journal_view)
    *view = bzw_journal_view_new (self->store);
  else if (view == &self->overview_view)
    *view = bzw_dashboard_view_new (self->store);
  else
    {
      *view = bzw_map_page_new (self->store);
      g_signal_connect_object (*view, "open-contact", G_CALLBACK (map_open_contact_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_stack_add_named (stack, *view, "content");
  update_empty_states (self);
  return *view;
}

GtkWidget *
_bzw_window_ensure_contacts_view (BzwWindow *self)
{
  return _bzw_window_ensure_view (self, "contacts");
}

/* The views not on screen are built after the first frame, one per idle,
 * so that switching to them later is quick.
 */
static gboolean
build_views_cb (gpointer data)
{
  BzwWindow *self = data;
  const char *names[] = { "contacts", "journal", "overview", "map" };
  GtkWidget *views[] = { self->contacts_view, self->journal_view, self->overview_view, self->map_page };

  for (guint i = 0; self->store != NULL && i < G_N_ELEMENTS (names); i++)
    {
      if (views[i] == NULL)
        {
          _bzw_window_ensure_view (self, names[i]);
          return G_SOURCE_CONTINUE;
        }
    }

  self->views_idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_views (BzwWindow *self)
{
  if (self->drawn && self->store != NULL && self->views_idle_id == 0)
    self->views_idle_id = g_idle_add_full (G_PRIORITY_LOW, build_views_cb, self, NULL);
}

static void
views_after_paint_cb (GdkFrameClock *clock,
                      BzwWindow     *self)
{
  g_clear_signal_handler (&self->views_paint_handler, clock);
  self->drawn = TRUE;
  schedule_views (self);
}

/* The switcher at the bottom is for narrow windows: it is built when the
 * header bar first has no room for the view switcher (after that layout,
 * not during it).
 */
static gboolean
add_switcher_bar_cb (gpointer data)
{
  BzwWindow *self = data;

  self->switcher_bar_id = 0;
  self->switcher_bar = ADW_VIEW_SWITCHER_BAR (adw_view_switcher_bar_new ());
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
  g_object_bind_property (self->switcher_title, "title-visible", self->switcher_bar, "reveal",
                          G_BINDING_SYNC_CREATE);
  gtk_box_append (self->content_box, GTK_WIDGET (self->switcher_bar));
  return G_SOURCE_REMOVE;
}

static void
title_visible_cb (BzwWindow *self)
{
  if (self->switcher_bar == NULL && self->switcher_bar_id == 0 &&
      adw_view_switcher_title_get_title_visible (self->switcher_title))
    self->switcher_bar_id = g_idle_add (add_switcher_bar_cb, self);
}

static void
views_map_cb (BzwWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->drawn || self->views_paint_handler != 0 || clock == NULL)
    return;

  self->views_paint_handler = g_signal_connect_object (clock, "after-paint", G_CALLBACK (views_after_paint_cb),
                                                         self, 0);
}

void
_bzw_window_set_store (BzwWindow *self,
                       BzwStore  *store)
{
  g_return_if_fail (BZW_IS_WINDOW (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);

  g_set_object (&self->store, store);

  /* The views belong to one database; a new one gets new views. */
  if (self->contacts_view != NULL)
    {
      gtk_stack_remove (self->contacts_stack, self->contacts_view);
      self->contacts_view = NULL;
    }
  if (self->journal_view != NULL)
    {
      gtk_stack_remove (self->journal_stack, self->journal_view);
      self->journal_view = NULL;
    }
  if (self->map_page != NULL)
    {
      gtk_stack_remove (self->map_stack, self->map_page);
      self->map_page = NULL;
    }
  if (self->overview_view != NULL)
    {
      gtk_stack_remove (self->overview_stack, self->overview_view);
      self->overview_view = NULL;
    }

  if (store != NULL)
    {
      _bzw_window_ensure_view (self, adw_view_stack_get_visible_child_name (self->stack));
      schedule_views (self);

      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      /* An import from a terminal shows up in the open window. */
      bzw_store_watch_other_processes (store);
      gtk_stack_set_visible_child_name (self->main_stack, "views");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-contact", !bzw_store_is_read_only (store));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.quick-add", !bzw_store_is_read_only (store));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !bzw_store_is_read_only (store));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-duplicates", !bzw_store_is_read_only (store));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.manage-circles", !bzw_store_is_read_only (store));
      adw_view_switcher_title_set_subtitle (self->switcher_title,
                                            bzw_store_is_read_only (store) ? _("Read-only") : NULL);
    }

  update_empty_states (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
_bzw_window_reopen (BzwWindow         *self,
                    const char        *path,
                    BzwStoreOpenFlags  flags)
{
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = bzw_store_open (path, flags, &error);
  if (store == NULL)
    {
      show_store_error (self, error);
      return;
    }

  _bzw_window_set_store (self, store);
}

static void
visible_child_cb (BzwWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  gboolean journal = g_strcmp0 (name, "journal") == 0;
  const char *label = journal ? _("New Journal Entry") : _("New Contact");

  _bzw_window_ensure_view (self, name);
  if (name != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, "last-view", name);

  /* The "+" adds what the view shows. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), journal ? "win.quick-add" : "win.new-contact");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                               journal ? _("New Journal Entry (Ctrl+J)") : _("New Contact (Ctrl+N)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static gboolean
bzw_window_close_request (GtkWindow *window)
{
  BzwWindow *self = BZW_WINDOW (window);
  int width;
  int height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (bzw_window_parent_class)->close_request (window);
}

static void
bzw_window_dispose (GObject *object)
{
  BzwWindow *self = BZW_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_handle_id (&self->views_idle_id, g_source_remove);
  g_clear_handle_id (&self->switcher_bar_id, g_source_remove);
  if (gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    g_clear_signal_handler (&self->views_paint_handler, gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->views_paint_handler = 0;
  _bzw_window_care_dispose (self);
  _bzw_window_sync_dispose (self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->store_path, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_WINDOW);
  G_OBJECT_CLASS (bzw_window_parent_class)->dispose (object);
}

static void
bzw_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BzwWindow *self = BZW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bzw_window_class_init (BzwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bzw_window_dispose;
  object_class->get_property = bzw_window_get_property;
  window_class->close_request = bzw_window_close_request;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, BZW_TYPE_STORE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/app/bzw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, BzwWindow, contacts_stack);
  gtk_widget_class_bind_template_child (widget_class, BzwWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, BzwWindow, journal_stack);
  gtk_widget_class_bind_template_child (widget_class, BzwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BzwWindow, map_stack);
  gtk_widget_class_bind_template_child (widget_class, BzwWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BzwWindow, overview_stack);
  gtk_widget_class_bind_template_child (widget_class, BzwWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BzwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BzwWindow, toast_overlay);

  _bzw_window_actions_class_init (widget_class);

  _bzw_window_care_class_init (widget_class);
  _bzw_window_sync_class_init (widget_class);
}

static void
bzw_window_init (BzwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_child_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (views_map_cb), NULL);
  g_signal_connect_object (self->switcher_title, "notify::title-visible", G_CALLBACK (title_visible_cb),
                           self, G_CONNECT_SWAPPED);
  _bzw_window_actions_init (self);
  _bzw_window_care_init (self);
  _bzw_window_sync_init (self);
}

BzwWindow *
bzw_window_new (BzwApplication *app,
                BzwStore       *store,
                const GError   *store_error)
{
  BzwWindow *self;
  g_autofree char *last_view = NULL;

  g_return_val_if_fail (BZW_IS_APPLICATION (app), NULL);

  self = g_object_new (BZW_TYPE_WINDOW, "application", app, NULL);
  self->settings = g_object_ref (bzw_application_get_settings (app));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_view = g_settings_get_string (self->settings, "last-view");
  adw_view_stack_set_visible_child_name (self->stack, last_view);

  if (store != NULL)
    {
      self->store_path = g_strdup (bzw_store_get_path (store));
      _bzw_window_set_store (self, store);
    }
  else
    {
      self->store_path = bzw_application_dup_database_path (app);
      show_store_error (self, store_error);
    }

  return self;
}
