/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-sync-status"

#include "config.h"

#include "bzw-sync-status.h"

#include <glib/gi18n.h>

/* The quiet sync status at the start of the header (the end is narrow
 * beside the centred view switcher): the „Jetzt synchronisieren“ button
 * (win.sync-now), then „Synchronisiert vor 2 Minuten“, a spinner while it
 * runs, „Offline“, or an error with a „Details“ button that shows the
 * message.  Nothing shows while no account is set.
 */

#define REFRESH_SECONDS 30

struct _BzwSyncStatus
{
  GtkWidget         parent_instance;
  BzwSyncScheduler *scheduler;
  GtkWidget        *box;
  GtkWidget        *spinner;
  GtkWidget        *label;
  GtkWidget        *details_button;
  GtkWidget        *sync_button;
  guint             refresh_id;
};

G_DEFINE_FINAL_TYPE (BzwSyncStatus, bzw_sync_status, GTK_TYPE_WIDGET)

/**
 * bzw_sync_status_describe:
 * @last_sync: the real time (µs) of the last sync that went through, or 0
 * @now: the real time now (µs)
 *
 * Returns: (transfer full): the status line for @state
 */
char *
bzw_sync_status_describe (BzwSyncState state,
                          gint64       last_sync,
                          gint64       now)
{
  gint64 minutes = last_sync > 0 ? MAX (now - last_sync, 0) / G_USEC_PER_SEC / 60 : 0;

  switch (state)
    {
    case BZW_SYNC_STATE_RUNNING:
      return g_strdup (_("Syncing …"));
    case BZW_SYNC_STATE_OFFLINE:
      return g_strdup (_("Offline"));
    case BZW_SYNC_STATE_FAILED:
      return g_strdup (_("Sync failed"));
    case BZW_SYNC_STATE_BLOCKED:
      return g_strdup (_("Sync stopped"));
    case BZW_SYNC_STATE_WAITING:
    case BZW_SYNC_STATE_NO_ACCOUNT:
      return g_strdup (_("Not synced yet"));
    case BZW_SYNC_STATE_DONE:
    default:
      break;
    }

  if (minutes < 1)
    return g_strdup (_("Synced just now"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced %d minute ago", "Synced %d minutes ago",
                                         minutes), (int) minutes);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Synced %d hour ago", "Synced %d hours ago",
                                       minutes / 60), (int) (minutes / 60));
}

static void
update (BzwSyncStatus *self)
{
  BzwSyncState state = self->scheduler != NULL ? bzw_sync_scheduler_get_state (self->scheduler)
                                               : BZW_SYNC_STATE_NO_ACCOUNT;
  gint64 last = self->scheduler != NULL ? bzw_sync_scheduler_get_last_sync (self->scheduler) : 0;
  g_autofree char *text = bzw_sync_status_describe (state, last, g_get_real_time ());
  gboolean failed = state == BZW_SYNC_STATE_FAILED || state == BZW_SYNC_STATE_BLOCKED;

  gtk_widget_set_visible (self->box, state != BZW_SYNC_STATE_NO_ACCOUNT);
  gtk_label_set_text (GTK_LABEL (self->label), text);
  gtk_widget_set_visible (self->spinner, state == BZW_SYNC_STATE_RUNNING);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), state == BZW_SYNC_STATE_RUNNING);
  gtk_widget_set_visible (self->details_button, failed);
  /* Offline stays quiet, but says why on hover: a certificate the
   * connection refused is reported as no answer, too.
   */
  gtk_widget_set_tooltip_text (self->label, state == BZW_SYNC_STATE_OFFLINE || failed
                                            ? bzw_sync_scheduler_get_message (self->scheduler) : NULL);
  if (failed)
    gtk_widget_add_css_class (self->label, "error");
  else
    gtk_widget_remove_css_class (self->label, "error");
}

static gboolean
refresh_cb (gpointer data)
{
  update (data);
  return G_SOURCE_CONTINUE;
}

static void
details_response_cb (BzwSyncStatus *self,
                     const char    *response)
{
  if (g_strcmp0 (response, "settings") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.sync-settings", NULL);
}

static void
details_clicked_cb (BzwSyncStatus *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *message;
  GtkWidget *dialog;

  if (self->scheduler == NULL)
    return;

  message = bzw_sync_scheduler_get_message (self->scheduler);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The Sync Failed"), message);
  if (bzw_sync_scheduler_get_state (self->scheduler) == BZW_SYNC_STATE_BLOCKED)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", message != NULL ? message : "",
                                    _("The app does not try again until the sync settings change or you sync by hand."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "settings", _("_Settings …"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (details_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bzw_sync_status_dispose (GObject *object)
{
  BzwSyncStatus *self = BZW_SYNC_STATUS (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->scheduler);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (bzw_sync_status_parent_class)->dispose (object);
}

static void
bzw_sync_status_class_init (BzwSyncStatusClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_sync_status_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bzwsyncstatus");
}

static void
bzw_sync_status_init (BzwSyncStatus *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->sync_button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->sync_button), "win.sync-now");
  gtk_widget_set_tooltip_text (self->sync_button, _("Sync Now (F5)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sync Now"), -1);
  gtk_box_append (GTK_BOX (self->box), self->sync_button);

  self->spinner = gtk_spinner_new ();
  gtk_box_append (GTK_BOX (self->box), self->spinner);

  self->label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->label, "dim-label");
  gtk_widget_add_css_class (self->label, "caption");
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (self->box), self->label);

  self->details_button = gtk_button_new_with_mnemonic (_("_Details"));
  gtk_widget_add_css_class (self->details_button, "flat");
  gtk_widget_set_valign (self->details_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->details_button, _("Why the sync failed"));
  g_signal_connect_swapped (self->details_button, "clicked", G_CALLBACK (details_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->box), self->details_button);

  update (self);
}

GtkWidget *
bzw_sync_status_new (void)
{
  return g_object_new (BZW_TYPE_SYNC_STATUS, NULL);
}

void
bzw_sync_status_set_scheduler (BzwSyncStatus    *self,
                               BzwSyncScheduler *scheduler)
{
  g_return_if_fail (BZW_IS_SYNC_STATUS (self));
  g_return_if_fail (scheduler == NULL || BZW_IS_SYNC_SCHEDULER (scheduler));

  if (self->scheduler == scheduler)
    return;

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_set_object (&self->scheduler, scheduler);
  if (scheduler != NULL)
    g_signal_connect_object (scheduler, "notify::state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (scheduler != NULL)
    self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
  update (self);
}
