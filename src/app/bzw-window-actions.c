/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-window"

#include "config.h"

#include "bzw-archive.h"
#include "bzw-circles-dialog.h"
#include "bzw-cli.h"
#include "bzw-contacts-view.h"
#include "bzw-demo.h"
#include "bzw-duplicates-dialog.h"
#include "bzw-entry-editor.h"
#include "bzw-follow-up-ui.h"
#include "bzw-import-dialog.h"
#include "bzw-journal-view.h"
#include "bzw-map-page.h"
#include "bzw-print-operation.h"
#include "bzw-store-occasions.h"
#include "bzw-recommend-dialog.h"
#include "bzw-vcard-writer.h"
#include "bzw-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* The window's actions: new contact and entry, import and export, search,
 * print, the dialogs of the contacts screen and opening another database.
 */

/* Switches to the contacts screen; NULL when it cannot be built. */
static BzwContactsView *
show_contacts (BzwWindow *self)
{
  if (_bzw_window_ensure_contacts_view (self) == NULL)
    return NULL;

  adw_view_stack_set_visible_child_name (self->stack, "contacts");
  return BZW_CONTACTS_VIEW (self->contacts_view);
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!bzw_demo_fill (self->store, now, &error))
    {
      _bzw_window_show_error (self, _("The Example Network Could Not Be Loaded"), error);
      return;
    }

  _bzw_window_toast (self, _("Example network loaded"));
}

static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BzwContactsView *view = show_contacts (BZW_WINDOW (widget));

  if (view != NULL)
    bzw_contacts_view_new_contact (view);
}

/* Ctrl+J, and "Begegnung eintragen" on a contact page with its id; Ctrl+J
 * on a contact's page starts with that contact too.
 */
static void
quick_add_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 contact_id = parameter != NULL ? g_variant_get_int64 (parameter) : 0;
  GtkWidget *editor;

  if (self->store == NULL || bzw_store_is_read_only (self->store))
    return;

  if (contact_id == 0 && self->contacts_view != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "contacts") == 0)
    contact_id = bzw_contacts_view_get_shown_contact_id (BZW_CONTACTS_VIEW (self->contacts_view));

  editor = bzw_entry_editor_new (GTK_WINDOW (self), self->store, contact_id != 0 ? BZW_JOURNAL_ENCOUNTER : 0,
                                 0, contact_id, &error);
  if (editor != NULL)
    gtk_window_present (GTK_WINDOW (editor));
}

/* „Wiedervorlage“ and „Später erinnern“, from any screen: (contact id, choice). */
static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);

  if (self->store == NULL || bzw_store_is_read_only (self->store))
    return;

  /* From inside the overlay, so the undo toast finds it. */
  if (g_str_equal (action_name, "win.reopen-talking-point"))
    bzw_follow_up_ui_reopen_point (GTK_WIDGET (self->toast_overlay), self->store, parameter);
  else if (g_str_equal (action_name, "win.snooze"))
    bzw_follow_up_ui_snooze (GTK_WIDGET (self->toast_overlay), self->store, parameter);
  else
    bzw_follow_up_ui_set (GTK_WIDGET (self->toast_overlay), self->store, parameter);
}

/* The question of a planned encounter whose time has come: it took place,
 * or it is changed in the editor (another day, or deleted there).
 */
static void
planned_encounter_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  if (self->store == NULL || bzw_store_is_read_only (self->store))
    return;

  if (g_str_equal (action_name, "win.confirm-encounter"))
    {
      if (!bzw_store_confirm_encounter (self->store, id, &error))
        _bzw_window_show_error (self, _("The Encounter Could Not Be Changed"), error);
      return;
    }

  editor = bzw_entry_editor_new (GTK_WINDOW (self), self->store, BZW_JOURNAL_ENCOUNTER, id, 0, &error);
  if (editor != NULL)
    gtk_window_present (GTK_WINDOW (editor));
  else if (error != NULL)
    _bzw_window_show_error (self, _("The Encounter Could Not Be Changed"), error);
}

static void
imported_cb (BzwWindow  *self,
             const char *message)
{
  _bzw_window_toast (self, message);
}

void
bzw_window_import_file (BzwWindow *self,
                         GFile     *file)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->store == NULL || bzw_store_is_read_only (self->store))
    return;

  dialog = bzw_import_dialog_new (GTK_WINDOW (self), self->store, file, &error);
  if (dialog == NULL)
    {
      _bzw_window_show_error (self, _("The File Cannot Be Imported"), error);
      return;
    }

  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    BzwWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      bzw_window_import_file (self, file);
    }

  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Import Contacts"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("vCard, CSV and archive files"));
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_mime_type (filter, "text/x-vcard");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "vcf");
  gtk_file_filter_add_suffix (filter, "vcard");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "eml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The contacts the export's "which" choice names: NULL for all. */
static GArray *
dup_export_ids (BzwWindow   *self,
                const char  *which,
                GError     **error)
{
  BzwContactQuery query = { .include_archived = TRUE };

  if (which == NULL || g_str_equal (which, "all"))
    return NULL;

  if (_bzw_window_ensure_contacts_view (self) == NULL)
    return NULL;

  if (g_str_equal (which, "shown"))
    return bzw_contacts_view_dup_shown_ids (BZW_CONTACTS_VIEW (self->contacts_view));

  /* "circle:ID" */
  query.circle_id = g_ascii_strtoll (which + strlen ("circle:"), NULL, 10);
  return bzw_store_list_contact_ids (self->store, &query, error);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    BzwWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      const char *which = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "which");
      const char *version = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "version");
      g_autoptr(GError) error = NULL;
      GArray *selected = g_object_get_data (G_OBJECT (dialog), "bzw-selected");
      g_autoptr(GArray) ids = selected != NULL ? g_array_ref (selected) : dup_export_ids (self, which, &error);

      if (error == NULL && path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Please choose a local file."));

      if (error != NULL ||
          !bzw_vcard_export_store_as (self->store, ids,
                                      g_strcmp0 (version, "3.0") == 0 ? BZW_VCARD_VERSION_3_0 : BZW_VCARD_VERSION_4_0,
                                      path, &error))
        _bzw_window_show_error (self, _("The Contacts Could Not Be Exported"), error);
      else
        _bzw_window_toast (self, _("Contacts exported as vCard"));
    }

  g_object_unref (dialog);
}

/* Which contacts to export: all, those the list shows, or the contacts
 * of one circle.
 */
static void
add_which_choice (BzwWindow      *self,
                  GtkFileChooser *chooser)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (self->store, NULL);
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (options, g_strdup ("all"));
  g_ptr_array_add (labels, g_strdup (_("All contacts")));
  g_ptr_array_add (options, g_strdup ("shown"));
  g_ptr_array_add (labels, g_strdup (_("The contacts the list shows now")));
  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);

      g_ptr_array_add (options, g_strdup_printf ("circle:%" G_GINT64_FORMAT, bzw_circle_get_id (circle)));
      /* Translators: a choice when exporting contacts; %s is a circle's name. */
      g_ptr_array_add (labels, g_strdup_printf (_("The circle “%s”"), bzw_circle_get_name (circle)));
    }
  g_ptr_array_add (options, NULL);
  g_ptr_array_add (labels, NULL);

  gtk_file_chooser_add_choice (chooser, "which", _("Export"), (const char **) options->pdata,
                               (const char **) labels->pdata);
}

/* The export's file chooser; with @selected (the ids of the contacts
 * selected in the list) it exports those, else it asks which contacts.
 */
static void
show_export_dialog (BzwWindow *self,
                    GArray    *selected)
{
  const char *versions[] = { "4.0", "3.0", NULL };
  const char *version_labels[] = { _("vCard 4.0"), _("vCard 3.0 (for older address books)"), NULL };
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (selected != NULL ? _("Export Selected Contacts") : _("Export Contacts as vCard"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Contacts.vcf"));
  if (selected != NULL)
    g_object_set_data_full (G_OBJECT (native), "bzw-selected", g_array_ref (selected),
                            (GDestroyNotify) g_array_unref);
  else
    add_which_choice (self, GTK_FILE_CHOOSER (native));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "version", _("Format"), versions, version_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "version", "4.0");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  show_export_dialog (BZW_WINDOW (widget), NULL);
}

/* From the contacts selected in the list. */
static void
export_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  g_autoptr(GArray) ids = NULL;

  if (_bzw_window_ensure_contacts_view (self) == NULL)
    return;

  ids = bzw_contacts_view_dup_selected_ids (BZW_CONTACTS_VIEW (self->contacts_view));
  if (ids->len == 0)
    {
      _bzw_window_toast (self, _("No contact is selected in the list."));
      return;
    }

  show_export_dialog (self, ids);
}

static void
export_archive_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            BzwWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !bzw_archive_export_store (self->store, path, &error))
        {
          if (error == NULL)
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Please choose a local file."));
          _bzw_window_show_error (self, _("The Archive Could Not Be Written"), error);
        }
      else
        {
          _bzw_window_toast (self, _("Everything saved as an archive"));
        }
    }

  g_object_unref (dialog);
}

/* The whole network in one file of open formats (bzw-archive.c), which
 * "Import Contacts…" reads back.
 */
static void
export_archive_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the file name an archive is saved as; %s is today's date. */
  g_autofree char *name = g_strdup_printf (_("Beziehungsweise-Archive-%s.eml"), day);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Save Everything as an Archive"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (export_archive_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_calendar_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             BzwWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GError) error = NULL;

      if (path == NULL || !bzw_cli_export_calendar (self->store, path, now, &error))
        {
          if (error == NULL)
            g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Please choose a local file."));
          _bzw_window_show_error (self, _("The Calendar Could Not Be Written"), error);
        }
      else
        {
          _bzw_window_toast (self, _("Calendar exported"));
        }
    }

  g_object_unref (dialog);
}

/* The same file as --export-calendar: birthdays, anniversaries,
 * follow-ups, due dates and promised favours for the user's own calendar.
 */
static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export Calendar"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the file name the calendar is saved as. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Beziehungsweise-Dates.ics"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (export_calendar_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         BzwWindow     *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  bzw_window_import_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

static void
show_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BzwContactsView *view = show_contacts (BZW_WINDOW (widget));

  if (view != NULL)
    bzw_contacts_view_show_contact (view, g_variant_get_int64 (parameter));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  const char *view = adw_view_stack_get_visible_child_name (self->stack);

  if (self->store == NULL || bzw_store_is_empty (self->store))
    return;

  if (g_strcmp0 (view, "journal") == 0)
    {
      bzw_journal_view_focus_search (BZW_JOURNAL_VIEW (_bzw_window_ensure_view (self, "journal")));
      return;
    }

  if (g_strcmp0 (view, "map") == 0)
    {
      bzw_map_page_focus_search (BZW_MAP_PAGE (_bzw_window_ensure_view (self, "map")));
      return;
    }

  _bzw_window_ensure_contacts_view (self);
  if (g_strcmp0 (view, "contacts") != 0)
    adw_view_stack_set_visible_child_name (self->stack, "contacts");
  bzw_contacts_view_focus_search (BZW_CONTACTS_VIEW (self->contacts_view));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               BzwWindow               *self)
{
  const GError *failure = bzw_print_operation_get_failure (BZW_PRINT_OPERATION (operation));
  const char *title = g_object_get_data (G_OBJECT (operation), "bzw-error-title");
  g_autoptr(GError) error = NULL;

  if (failure != NULL)
    _bzw_window_show_error (self, _("Nothing to Print"), failure);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _bzw_window_show_error (self, title, error);
    }

  /* The reference taken when the dialog opened. */
  g_object_unref (operation);
}

/* Opens the print dialog; @error_title heads a failure. */
static void
run_print (BzwWindow         *self,
           BzwPrintOperation *operation,
           const char        *error_title)
{
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (operation), "bzw-error-title", (gpointer) error_title);
  g_signal_connect_object (g_object_ref (operation), "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _bzw_window_show_error (self, error_title, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  g_autoptr(GArray) shown = NULL;
  g_autoptr(BzwPrintOperation) operation = NULL;

  if (self->store == NULL)
    return;

  if (_bzw_window_ensure_contacts_view (self) != NULL)
    shown = bzw_contacts_view_dup_shown_ids (BZW_CONTACTS_VIEW (self->contacts_view));

  operation = bzw_print_operation_new (self->store, self->settings, shown);
  run_print (self, operation, _("The Overview Could Not Be Printed"));
}

/* „Gesprächsvorbereitung drucken …“ of the contact page's ⋮ menu. */
static void
print_briefing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  g_autoptr(BzwPrintOperation) operation = NULL;

  if (self->store == NULL)
    return;

  operation = bzw_print_operation_new_briefing (self->store, self->settings, g_variant_get_int64 (parameter));
  run_print (self, operation, _("The Meeting Brief Could Not Be Printed"));
}

/* The shortcuts window is built when first asked for, not with every
 * window as GtkApplication does with gtk/help-overlay.ui: it is a large
 * tree of widgets.
 */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/app/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, g_variant_get_string (parameter, NULL));
}

static void
open_read_only_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  g_autofree char *path = self->store_path != NULL ? g_strdup (self->store_path) : bzw_store_dup_default_path ();

  _bzw_window_reopen (self, path, BZW_STORE_OPEN_READ_ONLY);
  if (self->store != NULL)
    _bzw_window_toast (self, _("Opened read-only: nothing can be changed"));
}

static void
open_database_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           BzwWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          g_free (self->store_path);
          self->store_path = g_strdup (path);
          _bzw_window_reopen (self, path, BZW_STORE_OPEN_DEFAULT);
        }
    }

  g_object_unref (dialog);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (open_database_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The dialogs of the contacts screen: duplicates, recommendations, circles. */
static void
contacts_dialog_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BzwWindow *self = BZW_WINDOW (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  if (g_str_equal (action_name, "win.find-duplicates"))
    dialog = bzw_duplicates_dialog_new (GTK_WINDOW (self), self->store);
  else if (g_str_equal (action_name, "win.recommend"))
    dialog = bzw_recommend_dialog_new (GTK_WINDOW (self), self->store);
  else
    dialog = bzw_circles_dialog_new (GTK_WINDOW (self), self->store);

  gtk_window_present (GTK_WINDOW (dialog));
}

void
_bzw_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.new-contact", NULL, new_contact_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-briefing", "x", print_briefing_action);
  gtk_widget_class_install_action (widget_class, "win.quick-add", NULL, quick_add_action);
  gtk_widget_class_install_action (widget_class, "win.show-contact", "x", show_contact_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-selected", NULL, export_selected_action);
  gtk_widget_class_install_action (widget_class, "win.export-archive", NULL, export_archive_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.log-encounter", "x", quick_add_action);
  gtk_widget_class_install_action (widget_class, "win.follow-up", "(xs)", follow_up_action);
  gtk_widget_class_install_action (widget_class, "win.snooze", "(xs)", follow_up_action);
  gtk_widget_class_install_action (widget_class, "win.reopen-talking-point", "x", follow_up_action);
  gtk_widget_class_install_action (widget_class, "win.confirm-encounter", "x", planned_encounter_action);
  gtk_widget_class_install_action (widget_class, "win.edit-encounter", "x", planned_encounter_action);
  gtk_widget_class_install_action (widget_class, "win.open-read-only", NULL, open_read_only_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.find-duplicates", NULL, contacts_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.recommend", NULL, contacts_dialog_action);
  gtk_widget_class_install_action (widget_class, "win.manage-circles", NULL, contacts_dialog_action);
}

void
_bzw_window_actions_init (BzwWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
