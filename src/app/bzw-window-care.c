/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-window-care"

#include "config.h"

#include "bzw-backups.h"
#include "bzw-preferences-window.h"
#include "bzw-reminder.h"
#include "bzw-restore-dialog.h"
#include "bzw-store-occasions.h"
#include "bzw-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Taking care of the data and of the user's relationships: backups (make
 * one, restore one, check the database), the recovery page when the
 * database cannot be opened, the preferences, and the daily „Zeit, sich zu
 * melden“ notification.  After the first frame the window finishes the
 * check of the database that opening left out (in a thread), then makes
 * the daily backup and checks for due contacts, then checks again every
 * hour.
 */

#define CARE_RECHECK_SECONDS   (60 * 60)
typedef struct
{
  BzwWindow *window;
  char      *backup_path;
  guint      timeout_id;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  g_clear_handle_id (&job->timeout_id, g_source_remove);
  g_clear_object (&job->window);
  g_free (job->backup_path);
  g_free (job);
}

static const char *
get_store_path (BzwWindow *self)
{
  if (self->store_path == NULL)
    self->store_path = bzw_store_dup_default_path ();

  return self->store_path;
}

/* "~/…" for a path in the home folder: shorter in a toast. */
static char *
dup_display_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  if (len > 1 && g_str_has_prefix (dir, home) && (dir[len] == '/' || dir[len] == '\0'))
    return g_strconcat ("~", dir + len, NULL);

  return g_steal_pointer (&dir);
}

static void
update_actions (BzwWindow *self)
{
  gboolean has_store = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-backup", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-database", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup",
                                 !has_store || !bzw_store_is_read_only (self->store));
}

/* Backups */

static void
create_backup_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *title = NULL;

  if (self->store == NULL)
    return;

  path = bzw_backups_create_now (self->store, &error);
  if (path == NULL)
    {
      _bzw_window_show_error (self, _("The Backup Could Not Be Made"), error);
      return;
    }

  dir = dup_display_dir (path);
  /* Translators: %s is a folder. */
  title = g_strdup_printf (_("Backup saved in “%s”"), dir);
  _bzw_window_toast (self, title);
}

static void
run_restore (RestoreJob *job)
{
  BzwWindow *self = job->window;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;
  const char *path = get_store_path (self);
  gboolean restored;

  restored = bzw_backups_restore (path, job->backup_path, now, &previous, &error);
  _bzw_window_reopen (self, path, BZW_STORE_OPEN_DEFAULT);

  if (!restored)
    _bzw_window_show_error (self, _("The Backup Could Not Be Restored"), error);
  else if (self->store != NULL)
    _bzw_window_toast (self, _("Backup restored. The previous state was kept as a backup."));
}

static gboolean
restore_when_closed_cb (gpointer data)
{
  RestoreJob *job = data;

  run_restore (job);
  return G_SOURCE_REMOVE;
}

static void
restore_cb (BzwRestoreDialog *dialog,
            const char       *backup_path,
            BzwWindow        *self)
{
  RestoreJob *job = g_new0 (RestoreJob, 1);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  gtk_window_destroy (GTK_WINDOW (dialog));

  job->window = g_object_ref (self);
  job->backup_path = g_strdup (backup_path);

  if (self->store == NULL)
    {
      run_restore (job);
      restore_job_free (job);
      return;
    }

  /* The database must be closed before it is replaced: the views, the
   * window and the application let go of it, and the connection is closed
   * at once, so that anything still holding the store gets errors instead
   * of writing into the file that is being replaced.
   */
  {
    g_autoptr(BzwStore) store = g_object_ref (self->store);

    _bzw_window_set_store (self, NULL);
    if (app != NULL)
      bzw_application_release_store (BZW_APPLICATION (app));
    bzw_store_close (store);
  }

  g_idle_add_full (G_PRIORITY_DEFAULT, restore_when_closed_cb, job, (GDestroyNotify) restore_job_free);
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  GtkWidget *dialog = bzw_restore_dialog_new (GTK_WINDOW (self), get_store_path (self));

  g_signal_connect_object (dialog, "restore", G_CALLBACK (restore_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   BzwWindow        *self)
{
  if (g_strcmp0 (response, "restore") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.restore-backup", NULL);
}

static void
check_database_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->store == NULL)
    return;

  if (bzw_store_check_integrity (self->store, FALSE, &error))
    {
      /* Translators: %s is the database file. */
      body = g_strdup_printf (_("The full integrity check found no problems in “%s”."),
                              bzw_store_get_path (self->store));
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The Database Is Intact"), body));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
    }
  else
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           bzw_backups_get_recovery_heading (error),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      if (bzw_backups_get_recovery_actions (get_store_path (self), error) & BZW_RECOVERY_RESTORE_BACKUP)
        {
          adw_message_dialog_add_response (dialog, "restore", _("_Restore From Backup…"));
          adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
        }
      g_signal_connect_object (dialog, "response", G_CALLBACK (check_response_cb), self, 0);
    }

  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
try_again_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);

  _bzw_window_reopen (self, get_store_path (self), BZW_STORE_OPEN_DEFAULT);
}

/**
 * _bzw_window_show_recovery:
 *
 * Fills the page shown when the database cannot be opened: a heading for
 * @error, its message, and exactly the ways out that make sense for it.
 */
void
_bzw_window_show_recovery (BzwWindow    *self,
                           const GError *error)
{
  BzwRecoveryActions actions = bzw_backups_get_recovery_actions (get_store_path (self), error);
  struct {
    GtkButton          *button;
    BzwRecoveryActions  action;
  } buttons[] = {
    { self->restore_backup_button, BZW_RECOVERY_RESTORE_BACKUP },
    { self->try_again_button, BZW_RECOVERY_TRY_AGAIN },
    { self->open_read_only_button, BZW_RECOVERY_OPEN_READ_ONLY },
    { self->open_other_button, BZW_RECOVERY_OPEN_OTHER },
  };
  gboolean suggested = FALSE;

  adw_status_page_set_title (self->error_page, bzw_backups_get_recovery_heading (error));
  adw_status_page_set_description (self->error_page, error->message);

  /* The first way out offered is the suggested one. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      gboolean offered = (actions & buttons[i].action) != 0;

      gtk_widget_set_visible (GTK_WIDGET (buttons[i].button), offered);
      if (offered && !suggested)
        {
          gtk_widget_add_css_class (GTK_WIDGET (buttons[i].button), "suggested-action");
          suggested = TRUE;
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (buttons[i].button), "suggested-action");
        }
    }
}

/* Preferences */

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  GtkWidget *preferences;

  if (self->settings == NULL)
    return;

  preferences = bzw_preferences_window_new (GTK_WINDOW (self), self->settings, self->store);
  bzw_preferences_window_add_sync (BZW_PREFERENCES_WINDOW (preferences), _bzw_window_get_sync_scheduler (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The daily backup and the daily reminder */

static void
send_reminder (BzwWindow *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(BzwReminder) reminder = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GIcon) icon = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *today = NULL;

  if (self->store == NULL || self->settings == NULL || app == NULL)
    return;

  last_day = g_settings_get_string (self->settings, "last-notification");
  reminder = bzw_reminder_check (self->store, g_settings_get_boolean (self->settings, "notify-due"),
                                 last_day, now, &error);
  if (reminder == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot check for due contacts: %s", error->message);
      return;
    }

  notification = g_notification_new (reminder->title);
  g_notification_set_body (notification, reminder->body);
  icon = g_themed_icon_new (APP_ID);
  g_notification_set_icon (notification, icon);
  g_application_send_notification (app, "due", notification);

  today = bzw_reminder_dup_day (now);
  g_settings_set_string (self->settings, "last-notification", today);
  g_debug ("Sent the reminder for %u due contacts", reminder->n_due);
}

static void
make_daily_backup (BzwWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;

  if (self->store == NULL)
    return;

  if (!bzw_backups_maybe_daily (self->store, now, &created, &error))
    {
      g_autofree char *title = NULL;

      /* Translators: %s says why, e.g. the disk is full. */
      title = g_strdup_printf (_("Today’s backup could not be made: %s"), error->message);
      _bzw_window_toast (self, title);
      return;
    }

  if (created != NULL)
    g_debug ("Made the daily backup");
}

static gboolean
recheck_cb (gpointer data)
{
  send_reminder (BZW_WINDOW (data));
  return G_SOURCE_CONTINUE;
}

static gboolean
daily_cb (gpointer data)
{
  BzwWindow *self = data;

  make_daily_backup (self);
  send_reminder (self);
  if (self->care_timeout_id == 0)
    self->care_timeout_id = g_timeout_add_seconds (CARE_RECHECK_SECONDS, recheck_cb, self);
  return G_SOURCE_REMOVE;
}

static void
schedule_daily (BzwWindow *self)
{
  g_idle_add_full (G_PRIORITY_LOW, daily_cb, g_object_ref (self), g_object_unref);
}

/* The deferred check of the database */

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (bzw_store_check_file (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
check_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  BzwWindow *self = BZW_WINDOW (source_object);
  g_autoptr(BzwStore) store = user_data;
  g_autoptr(GError) error = NULL;

  /* Another database was opened meanwhile: it was checked when opened. */
  if (store != self->store)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_debug ("The deferred check of the database failed");
      _bzw_window_fail_store (self, error);
      return;
    }

  g_debug ("The deferred check of the database found no problems");
  schedule_daily (self);
}

/* The daily backup copies the database: it waits for the check. */
static gboolean
start_check_cb (gpointer data)
{
  BzwWindow *self = data;
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL || !bzw_store_is_check_deferred (self->store))
    {
      schedule_daily (self);
      return G_SOURCE_REMOVE;
    }

  task = g_task_new (self, NULL, check_done_cb, g_object_ref (self->store));
  g_task_set_source_tag (task, start_check_cb);
  g_task_set_task_data (task, g_strdup (bzw_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, check_thread);
  return G_SOURCE_REMOVE;
}

/* The work starts once the first frame is on screen. */
static void
after_paint_cb (GdkFrameClock *clock,
                BzwWindow     *self)
{
  g_clear_signal_handler (&self->care_paint_handler, clock);
  if (!self->care_started)
    {
      self->care_started = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, start_check_cb, g_object_ref (self), g_object_unref);
    }
}

static void
map_cb (BzwWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->care_started || self->care_paint_handler != 0 || clock == NULL)
    return;

  self->care_paint_handler = g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                                        self, 0);
}

/* Name days as occasions: a preference in GSettings, copied into the
 * database, where the Überblick's thread and the reminder read it.
 */
static void
sync_name_days (BzwWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->settings == NULL || bzw_store_is_read_only (self->store))
    return;

  if (!bzw_store_set_name_days (self->store, g_settings_get_boolean (self->settings, "name-days"), &error))
    g_warning ("Cannot save whether name days are shown: %s", error->message);
}

static void
store_notify_cb (BzwWindow *self)
{
  update_actions (self);

  if (self->settings != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->settings, sync_name_days, self);
      g_signal_connect_object (self->settings, "changed::name-days", G_CALLBACK (sync_name_days), self,
                               G_CONNECT_SWAPPED);
      sync_name_days (self);
    }

  /* A database opened later (after the recovery page) gets its daily
   * backup and reminder, too.
   */
  if (self->care_started && self->store != NULL)
    schedule_daily (self);
}

void
_bzw_window_care_dispose (BzwWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_clear_handle_id (&self->care_timeout_id, g_source_remove);
  if (clock != NULL)
    g_clear_signal_handler (&self->care_paint_handler, clock);
  self->care_paint_handler = 0;
}

void
_bzw_window_care_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.create-backup", NULL, create_backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.check-database", NULL, check_database_action);
  gtk_widget_class_install_action (widget_class, "win.try-again", NULL, try_again_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
}

void
_bzw_window_care_init (BzwWindow *self)
{
  g_signal_connect (self, "notify::store", G_CALLBACK (store_notify_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  update_actions (self);
}
