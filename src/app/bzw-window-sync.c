/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-window-sync"

#include "config.h"

#include "bzw-window-private.h"

#include "bzw-preferences-window.h"
#include "bzw-sync-status.h"

#include <glib/gi18n.h>

/* The window's side of the background sync (sync/bzw-sync-scheduler.c):
 * the scheduler for the window's database, started after the first frame,
 * told about changes made here, „Jetzt synchronisieren“ (win.sync-now, F5,
 * enabled while a sync runs too: the scheduler then runs one more after it)
 * and the sync settings (win.sync-settings).  The sync writes on its own
 * connection; the window's store sees its commits through the watch for
 * other connections (store/bzw-store-watch.c), which announces a change
 * of everything with no id: that is no change made here, so it starts no
 * sync of its own.
 */

#define EVERYTHING (BZW_STORE_CHANGE_CONTACTS | BZW_STORE_CHANGE_CIRCLES | BZW_STORE_CHANGE_RELATIONSHIPS | \
                    BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_MAP)

static void
store_changed_cb (BzwWindow *self,
                  guint      what,
                  gint64     id)
{
  if (self->sync_scheduler == NULL)
    return;
  if (what == EVERYTHING && id == 0)
    return;
  if ((what & (BZW_STORE_CHANGE_CONTACTS | BZW_STORE_CHANGE_CIRCLES | BZW_STORE_CHANGE_RELATIONSHIPS |
               BZW_STORE_CHANGE_JOURNAL)) != 0)
    bzw_sync_scheduler_trigger (self->sync_scheduler, BZW_SYNC_TRIGGER_LOCAL);
}

/* A scheduler for the window's database, or none while there is none or it
 * is read-only.
 */
static void
update_scheduler (BzwWindow *self)
{
  const char *path = self->store != NULL && !bzw_store_is_read_only (self->store) ? bzw_store_get_path (self->store)
                                                                                  : NULL;

  if (self->sync_scheduler != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sync_scheduler, self);
      g_clear_object (&self->sync_scheduler);
    }
  if (self->sync_store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->sync_store, store_changed_cb, self);
      g_clear_object (&self->sync_store);
    }

  if (path != NULL && self->sync_started)
    {
      self->sync_scheduler = bzw_sync_scheduler_new (path);
      self->sync_store = g_object_ref (self->store);
      g_signal_connect_object (self->sync_store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      bzw_sync_scheduler_trigger (self->sync_scheduler, BZW_SYNC_TRIGGER_START);
    }

  bzw_sync_status_set_scheduler (self->sync_status, self->sync_scheduler);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-now", self->sync_scheduler != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-settings", self->sync_scheduler != NULL);
}

static void
after_paint_cb (GdkFrameClock *clock,
                BzwWindow     *self)
{
  g_clear_signal_handler (&self->sync_paint_handler, clock);
  if (self->sync_started)
    return;

  self->sync_started = TRUE;
  update_scheduler (self);
}

static void
map_cb (BzwWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->sync_started || self->sync_paint_handler != 0 || clock == NULL)
    return;

  self->sync_paint_handler = g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), self, 0);
}

static void
store_notify_cb (BzwWindow *self)
{
  if (self->sync_store != self->store)
    update_scheduler (self);
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);

  if (self->sync_scheduler == NULL)
    return;

  if (bzw_sync_scheduler_get_state (self->sync_scheduler) == BZW_SYNC_STATE_NO_ACCOUNT)
    {
      gtk_widget_activate_action (widget, "win.sync-settings", NULL);
      return;
    }
  bzw_sync_scheduler_trigger (self->sync_scheduler, BZW_SYNC_TRIGGER_USER);
}

static void
sync_settings_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  GtkWidget *preferences;

  if (self->settings == NULL || self->store == NULL)
    return;

  preferences = bzw_preferences_window_new (GTK_WINDOW (self), self->settings, self->store);
  bzw_preferences_window_add_sync (BZW_PREFERENCES_WINDOW (preferences), self->sync_scheduler);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sync");
  gtk_window_present (GTK_WINDOW (preferences));
}

BzwSyncScheduler *
_bzw_window_get_sync_scheduler (BzwWindow *self)
{
  return self->sync_scheduler;
}

void
_bzw_window_sync_dispose (BzwWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_clear_signal_handler (&self->sync_paint_handler, clock);
  self->sync_paint_handler = 0;
  if (self->sync_scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->sync_scheduler, self);
  g_clear_object (&self->sync_scheduler);
  g_clear_object (&self->sync_store);
}

void
_bzw_window_sync_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (BZW_TYPE_SYNC_STATUS);
  gtk_widget_class_bind_template_child (widget_class, BzwWindow, sync_status);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, sync_now_action);
  gtk_widget_class_install_action (widget_class, "win.sync-settings", NULL, sync_settings_action);
}

void
_bzw_window_sync_init (BzwWindow *self)
{
  g_signal_connect (self, "notify::store", G_CALLBACK (store_notify_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-now", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-settings", FALSE);
}
