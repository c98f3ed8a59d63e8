/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-import-dialog"

#include "config.h"

#include "bzw-import-dialog.h"
#include "bzw-importer.h"

#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

/* The preview before an import: how many contacts are new, how many are
 * there already (merge, skip or add them anyway), which cards could not be
 * read and why, and for CSV files which column becomes what.  Nothing is
 * written before "Importieren", and then everything in one transaction.
 */
struct _BzwImportDialog
{
  AdwWindow    parent_instance;

  BzwStore    *store;
  BzwImporter *importer;
  gboolean     filling;

  GtkWidget   *page;
  GtkWidget   *summary_group;
  GtkWidget   *matches_row;
  GtkWidget   *problems_group;
  GtkWidget   *columns_group;
  GtkWidget   *import_button;
  GPtrArray   *problem_rows;
  GPtrArray   *summary_rows;
};

G_DEFINE_FINAL_TYPE (BzwImportDialog, bzw_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_rows (GtkWidget *group,
            GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_summary_row (BzwImportDialog *self,
                 const char      *title,
                 const char      *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->summary_group), row);
  g_ptr_array_add (self->summary_rows, row);
}

/* An archive brings the journal and the relationships along. */
static void
add_journal_row (BzwImportDialog *self)
{
  guint n_entries = bzw_importer_get_n_entries (self->importer);
  guint n_relationships = bzw_importer_get_n_relationships (self->importer);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (n_entries + n_relationships == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u journal entry", "%u journal entries", n_entries),
                           n_entries);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u relationship", "and %u relationships",
                                           n_relationships),
                              n_relationships);
  add_summary_row (self, title, subtitle);
}

static void
update_preview (BzwImportDialog *self)
{
  guint n_new = bzw_importer_get_n_new (self->importer);
  guint n_matches = bzw_importer_get_n_matches (self->importer);
  GPtrArray *problems = bzw_importer_get_problems (self->importer);
  g_autoptr(GPtrArray) circles = bzw_importer_dup_new_circles (self->importer);
  g_autofree char *new_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new contact", "%u new contacts", n_new),
                                               n_new);

  clear_rows (self->summary_group, self->summary_rows);
  add_summary_row (self, new_text, NULL);

  if (circles != NULL && circles->len > 0)
    {
      g_autofree char *joined = NULL;
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new circle", "%u new circles",
                                                             circles->len),
                                                circles->len);

      g_ptr_array_add (circles, NULL);
      joined = g_strjoinv (", ", (char **) circles->pdata);
      add_summary_row (self, title, joined);
    }

  add_journal_row (self);

  gtk_widget_set_visible (self->matches_row, n_matches > 0);
  if (n_matches > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u contact is already there",
                                                             "%u contacts are already there", n_matches),
                                                n_matches);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->matches_row), title);
    }

  clear_rows (self->problems_group, self->problem_rows);
  gtk_widget_set_visible (self->problems_group, problems != NULL && problems->len > 0);
  for (guint i = 0; problems != NULL && i < MIN (problems->len, 50); i++)
    {
      const BzwParseProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = g_strdup_printf (_("Line %u"), problem->line);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->problems_group), row);
      g_ptr_array_add (self->problem_rows, row);
    }

  gtk_widget_set_sensitive (self->import_button, n_new + n_matches > 0);
}

static void
matches_changed_cb (BzwImportDialog *self)
{
  static const BzwImportAction actions[] = {
    BZW_IMPORT_ACTION_MERGE, BZW_IMPORT_ACTION_SKIP, BZW_IMPORT_ACTION_ADD,
  };
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->matches_row));

  bzw_importer_set_match_action (self->importer, actions[MIN (selected, G_N_ELEMENTS (actions) - 1)]);
}

static void
column_changed_cb (AdwComboRow     *row,
                   GParamSpec      *pspec,
                   BzwImportDialog *self)
{
  BzwCsvReader *reader = bzw_importer_get_csv_reader (self->importer);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "bzw-column"));
  g_autoptr(GError) error = NULL;

  if (self->filling || reader == NULL)
    return;

  bzw_csv_reader_set_target (reader, column, adw_combo_row_get_selected (row),
                             bzw_csv_reader_get_label (reader, column));
  if (!bzw_importer_reload_csv (self->importer, &error))
    g_warning ("Cannot read the file again: %s", error->message);
  update_preview (self);
}

/* For CSV: each column with what it becomes, as recognised or as chosen. */
static void
fill_columns (BzwImportDialog *self)
{
  BzwCsvReader *reader = bzw_importer_get_csv_reader (self->importer);
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);
  const char *format;

  gtk_widget_set_visible (self->columns_group, reader != NULL);
  if (reader == NULL)
    return;

  format = bzw_csv_reader_get_format (reader);
  if (format != NULL)
    {
      g_autofree char *description = g_strdup_printf (_("Recognised as an export from %s. Check what each column becomes."),
                                                      format);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->columns_group), description);
    }

  for (BzwCsvTarget t = 0; t < BZW_CSV_N_TARGETS; t++)
    gtk_string_list_append (targets, bzw_csv_target_get_title (t));

  self->filling = TRUE;
  for (guint c = 0; c < bzw_csv_reader_get_n_columns (reader); c++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *sample = bzw_csv_reader_get_sample (reader, c);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bzw_csv_reader_get_header (reader, c));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (sample != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (targets));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), bzw_csv_reader_get_target (reader, c));
      g_object_set_data (G_OBJECT (row), "bzw-column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->columns_group), row);
    }
  self->filling = FALSE;
}

static void
import_cb (BzwImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  BzwImportSummary summary = { 0 };
  g_autofree char *message = NULL;

  if (!bzw_importer_import (self->importer, &summary, &error))
    {
      bzw_ui_show_error (GTK_WIDGET (self), _("Nothing Was Imported"), error);
      return;
    }

  /* Translators: the numbers of contacts added and merged. */
  if (summary.entries + summary.relationships > 0)
    /* Translators: after importing an archive: contacts added, merged, journal entries added. */
    message = g_strdup_printf (_("Imported: %u new, %u merged, %u journal entries"),
                               summary.added, summary.merged, summary.entries);
  else
    message = g_strdup_printf (_("Imported: %u new, %u merged"), summary.added, summary.merged);
  g_signal_emit (self, signals[IMPORTED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_cb (BzwImportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
bzw_import_dialog_dispose (GObject *object)
{
  BzwImportDialog *self = BZW_IMPORT_DIALOG (object);

  g_clear_object (&self->importer);
  g_clear_object (&self->store);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (bzw_import_dialog_parent_class)->dispose (object);
}

static void
bzw_import_dialog_class_init (BzwImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_import_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, BzwImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, BzwImportDialog, matches_row);
  gtk_widget_class_bind_template_child (widget_class, BzwImportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, BzwImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, BzwImportDialog, summary_group);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_cb);
  gtk_widget_class_bind_template_callback (widget_class, matches_changed_cb);

  signals[IMPORTED] = g_signal_new ("imported",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, bzw_ui_close_window_shortcut, NULL);
}

static void
bzw_import_dialog_init (BzwImportDialog *self)
{
  self->problem_rows = g_ptr_array_new ();
  self->summary_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bzw_import_dialog_new:
 *
 * Reads @file and returns the preview, or %NULL with @error set when the
 * file cannot be read at all.
 */
GtkWidget *
bzw_import_dialog_new (GtkWindow  *parent,
                       BzwStore   *store,
                       GFile      *file,
                       GError    **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *title = NULL;
  g_autoptr(BzwImporter) importer = bzw_importer_new (store);
  BzwImportDialog *self;

  if (path == NULL || !bzw_importer_load_file (importer, path, error))
    {
      if (path == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("“%s” is not a local file."), basename);
      return NULL;
    }

  self = g_object_new (BZW_TYPE_IMPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->importer = g_steal_pointer (&importer);

  /* Translators: %s is a file name. */
  title = g_strdup_printf (_("Import “%s”"), basename);
  gtk_window_set_title (GTK_WINDOW (self), title);
  fill_columns (self);
  update_preview (self);
  return GTK_WIDGET (self);
}
