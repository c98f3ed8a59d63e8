/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-restore-dialog"

#include "config.h"

#include "bzw-backups.h"
#include "bzw-restore-dialog.h"

#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

/* „Aus Sicherung wiederherstellen“: the backups of one database, newest
 * first, with their date, kind and number of contacts.  Choosing one asks
 * once more and then emits ::restore; the window closes the database,
 * restores and reopens it.  The dialog holds no store, only the path.
 */
struct _BzwRestoreDialog
{
  AdwWindow  parent_instance;

  char      *store_path;
  GtkWidget *stack;
  GtkWidget *group;
};

G_DEFINE_FINAL_TYPE (BzwRestoreDialog, bzw_restore_dialog, ADW_TYPE_WINDOW)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BzwRestoreDialog *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "bzw-backup-path");

  if (g_strcmp0 (response, "restore") == 0)
    g_signal_emit (self, signals[RESTORE], 0, path);
}

static void
restore_clicked_cb (GtkButton        *button,
                    BzwRestoreDialog *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "bzw-backup-path");
  const char *when = g_object_get_data (G_OBJECT (button), "bzw-backup-when");
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is the date and time of the backup. */
  body = g_strdup_printf (_("The database is replaced by the backup of %s. "
                            "The current state is kept as a backup first, so you can go back to it."),
                          when);
  dialog = bzw_ui_question_new (GTK_WINDOW (self), _("Restore This Backup?"), body,
                                "restore", _("_Restore"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "bzw-backup-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_backup_row (BzwRestoreDialog    *self,
                const BzwBackupInfo *info)
{
  g_autofree char *when = bzw_restore_dialog_format_time (info->created);
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  if (info->n_contacts >= 0)
    {
      g_autofree char *contacts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts",
                                                                info->n_contacts),
                                                   (guint) info->n_contacts);

      subtitle = g_strdup_printf ("%s · %s · %s", bzw_backup_kind_get_label (info->kind), contacts, size);
    }
  else
    {
      subtitle = g_strdup_printf ("%s · %s", bzw_backup_kind_get_label (info->kind), _("cannot be read"));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, info->n_contacts >= 0);
  /* Translators: %s is the date and time of a backup. */
  label = g_strdup_printf (_("Restore the backup of %s"), when);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "bzw-backup-path", g_strdup (info->path), g_free);
  g_object_set_data_full (G_OBJECT (button), "bzw-backup-when", g_steal_pointer (&when), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
}

static void
fill (BzwRestoreDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = bzw_backups_list (self->store_path, &error);
  GtkWidget *empty = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-recent-symbolic");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");

  if (backups == NULL)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("The Backups Cannot Be Read"));
      adw_status_page_set_description (ADW_STATUS_PAGE (empty), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }

  if (backups->len == 0)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Backups Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                       _("Beziehungsweise makes a backup on every day you use it. "
                                         "You can also make one now from the main menu."));
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }

  for (guint i = 0; i < backups->len; i++)
    add_backup_row (self, g_ptr_array_index (backups, i));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
}

static void
bzw_restore_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BZW_TYPE_RESTORE_DIALOG);

  G_OBJECT_CLASS (bzw_restore_dialog_parent_class)->dispose (object);
}

static void
bzw_restore_dialog_finalize (GObject *object)
{
  BzwRestoreDialog *self = BZW_RESTORE_DIALOG (object);

  g_free (self->store_path);

  G_OBJECT_CLASS (bzw_restore_dialog_parent_class)->finalize (object);
}

static void
bzw_restore_dialog_class_init (BzwRestoreDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_restore_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = bzw_restore_dialog_finalize;

  /**
   * BzwRestoreDialog::restore:
   * @backup_path: the backup the user chose and confirmed
   */
  signals[RESTORE] = g_signal_new ("restore",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwRestoreDialog, group);
  gtk_widget_class_bind_template_child (widget_class, BzwRestoreDialog, stack);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, bzw_ui_close_window_shortcut, NULL);
}

static void
bzw_restore_dialog_init (BzwRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bzw_restore_dialog_format_time:
 *
 * Returns: when a backup was made, in local time and German form:
 *   "23.11.2026, 14:30".
 */
char *
bzw_restore_dialog_format_time (GDateTime *created)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (created != NULL, NULL);

  local = g_date_time_to_local (created);
  /* Translators: date and time of a backup, see g_date_time_format(). */
  return g_date_time_format (local, _("%Y-%m-%d, %H:%M"));
}

GtkWidget *
bzw_restore_dialog_new (GtkWindow  *parent,
                        const char *store_path)
{
  BzwRestoreDialog *self;

  g_return_val_if_fail (store_path != NULL, NULL);

  self = g_object_new (BZW_TYPE_RESTORE_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store_path = g_strdup (store_path);
  fill (self);
  return GTK_WIDGET (self);
}
