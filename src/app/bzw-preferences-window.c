/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-preferences-window"

#include "config.h"

#include "bzw-preferences-window.h"

#include "bzw-sync-page.h"

#include <glib/gi18n.h>

/* Preferences: how names are sorted and shown, the user's name for the
 * printout, the printout's grouping, the daily „Zeit, sich zu melden“
 * notification and whether name days are occasions (the window copies
 * that into the database, see bzw-window-care.c).  The name order lives in the database, so the window, the
 * printout and the command line agree; the rest in GSettings, and the
 * user's name also in the database, where --print-overview finds it.
 * The page „Synchronisation“ is views/bzw-sync-page.c.
 */
struct _BzwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  BzwStore             *store;
  GtkWidget            *name_row;
  GtkWidget            *grouping_row;
  GtkWidget            *notify_switch;
  GtkWidget            *name_days_switch;
  GtkWidget            *names_group;
  GtkWidget            *sort_row;
  GtkWidget            *display_row;
};

G_DEFINE_FINAL_TYPE (BzwPreferencesWindow, bzw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *groupings[] = { "alphabetical", "circle" };

static gboolean
grouping_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *grouping = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (groupings); i++)
    if (g_strcmp0 (grouping, groupings[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
grouping_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (groupings))
    return NULL;

  return g_variant_new_string (groupings[selected]);
}

/* The name goes into the database when the window closes, not on every
 * key: one small transaction instead of many.
 */
static void
save_name_to_store (BzwPreferencesWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || bzw_store_is_read_only (self->store))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  stored = bzw_store_dup_setting (self->store, "user-name");
  if (g_strcmp0 (name, stored != NULL ? stored : "") == 0)
    return;

  if (!bzw_store_set_setting (self->store, "user-name", name, &error))
    g_warning ("Cannot save the user's name: %s", error->message);
}

static void
name_changed_cb (BzwPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  g_settings_set_string (self->settings, "user-name", name);
}

static gboolean
bzw_preferences_window_close_request (GtkWindow *window)
{
  save_name_to_store (BZW_PREFERENCES_WINDOW (window));

  return GTK_WINDOW_CLASS (bzw_preferences_window_parent_class)->close_request (window);
}

/* The rows list family name first as 0, given name first as 1. */
static BzwNameOrder
order_of_row (GtkWidget *row,
              gboolean   display)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  if (display)
    return selected == 1 ? BZW_NAME_ORDER_FAMILY : BZW_NAME_ORDER_GIVEN;
  return selected == 1 ? BZW_NAME_ORDER_GIVEN : BZW_NAME_ORDER_FAMILY;
}

static void
names_changed_cb (BzwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!bzw_store_set_name_order (self->store, order_of_row (self->sort_row, FALSE), &error) ||
      !bzw_store_set_name_display (self->store, order_of_row (self->display_row, TRUE), &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
bzw_preferences_window_dispose (GObject *object)
{
  BzwPreferencesWindow *self = BZW_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (bzw_preferences_window_parent_class)->dispose (object);
}

static void
bzw_preferences_window_class_init (BzwPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_preferences_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = bzw_preferences_window_close_request;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/app/bzw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwPreferencesWindow, grouping_row);
  gtk_widget_class_bind_template_child (widget_class, BzwPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, BzwPreferencesWindow, notify_switch);
  gtk_widget_class_bind_template_child (widget_class, BzwPreferencesWindow, name_days_switch);
  gtk_widget_class_bind_template_child (widget_class, BzwPreferencesWindow, names_group);
  gtk_widget_class_bind_template_child (widget_class, BzwPreferencesWindow, sort_row);
  gtk_widget_class_bind_template_child (widget_class, BzwPreferencesWindow, display_row);
}

static void
bzw_preferences_window_init (BzwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bzw_preferences_window_new (GtkWindow *parent,
                            GSettings *settings,
                            BzwStore  *store)
{
  BzwPreferencesWindow *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || BZW_IS_STORE (store), NULL);

  self = g_object_new (BZW_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
  self->settings = g_object_ref (settings);
  self->store = store != NULL ? g_object_ref (store) : NULL;

  /* GSettings first; a database filled from the command line may know the
   * name when the settings do not.
   */
  name = g_settings_get_string (settings, "user-name");
  if (name[0] == '\0' && store != NULL)
    {
      g_autofree char *stored = bzw_store_dup_setting (store, "user-name");

      if (stored != NULL)
        {
          g_free (name);
          name = g_steal_pointer (&stored);
        }
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (name_changed_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind_with_mapping (settings, "print-grouping", self->grouping_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, grouping_get_mapping, grouping_set_mapping,
                                NULL, NULL);
  g_settings_bind (settings, "notify-due", self->notify_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "name-days", self->name_days_switch, "active", G_SETTINGS_BIND_DEFAULT);

  gtk_widget_set_visible (self->names_group, store != NULL && !bzw_store_is_read_only (store));
  if (store != NULL)
    {
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->sort_row),
                                  bzw_store_get_name_order (store) == BZW_NAME_ORDER_GIVEN ? 1 : 0);
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->display_row),
                                  bzw_store_get_name_display (store) == BZW_NAME_ORDER_FAMILY ? 1 : 0);
      g_signal_connect_object (self->sort_row, "notify::selected", G_CALLBACK (names_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->display_row, "notify::selected", G_CALLBACK (names_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  return GTK_WIDGET (self);
}

/**
 * bzw_preferences_window_add_sync:
 * @scheduler: (nullable): the window's background sync
 *
 * Adds the page „Synchronisation“, when the database can be written.
 */
void
bzw_preferences_window_add_sync (BzwPreferencesWindow *self,
                                 BzwSyncScheduler     *scheduler)
{
  g_return_if_fail (BZW_IS_PREFERENCES_WINDOW (self));

  if (self->store == NULL || bzw_store_is_read_only (self->store))
    return;

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (bzw_sync_page_new (self->store, scheduler)));
}
