/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-import-dialog"

#include "config.h"

#include "bzw-import-dialog.h"
#include "bzw-importer.h"

#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

/* The preview before an import: who is new, who is there already and
 * what merging would add to them, which cards could not be read and why,
 * and for CSV files which column becomes what.  Each card can be added,
 * merged or skipped on its own, all matches at once too.  Nothing is
 * written before "Importieren", and then everything in one transaction.
 */

/* Rows shown per group; a file of thousands of cards is counted beyond. */
#define MAX_CARD_ROWS 100
struct _BzwImportDialog
{
  AdwWindow    parent_instance;

  BzwStore    *store;
  BzwImporter *importer;
  gboolean     filling;

  GtkWidget   *page;
  GtkWidget   *summary_group;
  GtkWidget   *matches_row;
  GtkWidget   *new_group;
  GtkWidget   *matched_group;
  GtkWidget   *problems_group;
  GtkWidget   *columns_group;
  GtkWidget   *import_button;
  GPtrArray   *problem_rows;
  GPtrArray   *summary_rows;
  GPtrArray   *new_rows;
  GPtrArray   *matched_rows;
  GPtrArray   *drops;  /* (element-type GtkDropDown) (nullable): per card, NULL beyond the rows shown */
};

/* The choices of a card's drop-down, in the order of its strings. */
static const BzwImportAction new_actions[] = {
  BZW_IMPORT_ACTION_ADD, BZW_IMPORT_ACTION_SKIP,
};
static const BzwImportAction matched_actions[] = {
  BZW_IMPORT_ACTION_MERGE, BZW_IMPORT_ACTION_SKIP, BZW_IMPORT_ACTION_ADD,
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

static gboolean
anything_to_import (BzwImportDialog *self)
{
  return bzw_importer_count_action (self->importer, BZW_IMPORT_ACTION_SKIP) <
         bzw_importer_get_n_items (self->importer) ||
         bzw_importer_get_n_groups (self->importer) > 0 ||
         bzw_importer_get_n_entries (self->importer) + bzw_importer_get_n_relationships (self->importer) > 0;
}

static guint
action_position (const BzwImportAction *actions,
                 guint                  n_actions,
                 BzwImportAction        action)
{
  for (guint i = 0; i < n_actions; i++)
    if (actions[i] == action)
      return i;

  return 0;
}

static void
card_action_changed_cb (GtkDropDown     *drop,
                        GParamSpec      *pspec,
                        BzwImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop), "bzw-card"));
  gboolean matched = bzw_importer_get_item_match (self->importer, index) != BZW_IMPORT_MATCH_NONE;
  const BzwImportAction *actions = matched ? matched_actions : new_actions;
  guint n_actions = matched ? G_N_ELEMENTS (matched_actions) : G_N_ELEMENTS (new_actions);
  guint selected = gtk_drop_down_get_selected (drop);

  if (self->filling || selected >= n_actions)
    return;

  bzw_importer_set_item_action (self->importer, index, actions[selected]);
  gtk_widget_set_sensitive (self->import_button, anything_to_import (self));
}

/* What the row of a card says under its name. */
static char *
dup_card_subtitle (BzwImportDialog *self,
                   guint            index)
{
  BzwParsedCard *card = bzw_importer_get_item (self->importer, index);
  g_autofree char *changes = NULL;

  if (bzw_importer_get_item_match (self->importer, index) == BZW_IMPORT_MATCH_NONE)
    return bzw_contact_dup_subtitle (card->contact);

  changes = bzw_importer_dup_item_changes (self->importer, index);
  return changes != NULL ? g_steal_pointer (&changes) : g_strdup (_("Adds nothing new"));
}

static GtkWidget *
card_drop_down_new (BzwImportDialog *self,
                    guint            index,
                    const char      *name)
{
  static const char * const new_choices[] = { N_("Add"), N_("Skip"), NULL };
  static const char * const matched_choices[] = { N_("Merge"), N_("Skip"), N_("Add as New"), NULL };
  gboolean matched = bzw_importer_get_item_match (self->importer, index) != BZW_IMPORT_MATCH_NONE;
  const char * const *choices = matched ? matched_choices : new_choices;
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autofree char *label = NULL;
  GtkWidget *drop;

  for (guint i = 0; choices[i] != NULL; i++)
    gtk_string_list_append (strings, _(choices[i]));

  drop = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL);
  gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop),
                              action_position (matched ? matched_actions : new_actions,
                                               matched ? G_N_ELEMENTS (matched_actions) : G_N_ELEMENTS (new_actions),
                                               bzw_importer_get_item_action (self->importer, index)));
  /* Translators: the accessible name of a card's choice in the import preview; %s is a name. */
  label = g_strdup_printf (_("What to do with %s"), name);
  bzw_ui_name_drop_down (GTK_DROP_DOWN (drop), label);
  gtk_widget_set_tooltip_text (drop, matched ? _("Merge this card with the contact, skip it or add it as a new contact")
                                             : _("Add this card as a new contact or skip it"));
  g_object_set_data (G_OBJECT (drop), "bzw-card", GUINT_TO_POINTER (index));
  g_signal_connect (drop, "notify::selected", G_CALLBACK (card_action_changed_cb), self);
  return drop;
}

static GtkWidget *
card_row_new (BzwImportDialog *self,
              guint            index)
{
  BzwParsedCard *card = bzw_importer_get_item (self->importer, index);
  g_autofree char *name = bzw_contact_dup_best_name (card->contact);
  g_autofree char *subtitle = dup_card_subtitle (self, index);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *drop = card_drop_down_new (self, index, name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), drop);
  g_ptr_array_index (self->drops, index) = drop;
  return row;
}

static void
add_more_row (GtkWidget *group,
              GPtrArray *rows,
              guint      n_more)
{
  g_autofree char *title = NULL;
  GtkWidget *row;

  if (n_more == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", n_more), n_more);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (rows, row);
}

/* One row per card, new ones and matched ones apart. */
static void
fill_cards (BzwImportDialog *self)
{
  guint n_items = bzw_importer_get_n_items (self->importer);
  guint n_new = 0;
  guint n_matched = 0;

  clear_rows (self->new_group, self->new_rows);
  clear_rows (self->matched_group, self->matched_rows);
  g_ptr_array_set_size (self->drops, 0);
  g_ptr_array_set_size (self->drops, n_items);

  self->filling = TRUE;
  for (guint i = 0; i < n_items; i++)
    {
      gboolean matched = bzw_importer_get_item_match (self->importer, i) != BZW_IMPORT_MATCH_NONE;
      GtkWidget *group = matched ? self->matched_group : self->new_group;
      GPtrArray *rows = matched ? self->matched_rows : self->new_rows;
      guint *n = matched ? &n_matched : &n_new;

      if ((*n)++ >= MAX_CARD_ROWS)
        continue;

      g_ptr_array_add (rows, card_row_new (self, i));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (rows, rows->len - 1));
    }
  self->filling = FALSE;

  add_more_row (self->new_group, self->new_rows, n_new > MAX_CARD_ROWS ? n_new - MAX_CARD_ROWS : 0);
  add_more_row (self->matched_group, self->matched_rows, n_matched > MAX_CARD_ROWS ? n_matched - MAX_CARD_ROWS : 0);
  gtk_widget_set_visible (self->new_group, n_new > 0);
  gtk_widget_set_visible (self->matched_group, n_matched > 0);
}

/* Who could not be read: the card's name or number, the line and why. */
static GtkWidget *
problem_row_new (const BzwParseProblem *problem)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (problem->name != NULL)
    title = g_strdup (problem->name);
  else if (problem->card > 0)
    /* Translators: the number of a card in a vCard file. */
    title = g_strdup_printf (_("Card %u"), problem->card);

  if (problem->name != NULL && problem->card > 0)
    /* Translators: the number of a card, a line number and why the card could not be read. */
    subtitle = g_strdup_printf (_("Card %u, line %u: %s"), problem->card, problem->line, problem->message);
  else if (title != NULL)
    /* Translators: a line number and why a card could not be read. */
    subtitle = g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
  else
    {
      title = g_strdup (problem->message);
      subtitle = g_strdup_printf (_("Line %u"), problem->line);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  return row;
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
  for (guint i = 0; problems != NULL && i < MIN (problems->len, MAX_CARD_ROWS); i++)
    {
      GtkWidget *row = problem_row_new (g_ptr_array_index (problems, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->problems_group), row);
      g_ptr_array_add (self->problem_rows, row);
    }
  if (problems != NULL && problems->len > MAX_CARD_ROWS)
    add_more_row (self->problems_group, self->problem_rows, problems->len - MAX_CARD_ROWS);

  fill_cards (self);
  gtk_widget_set_sensitive (self->import_button, anything_to_import (self));
}

/* "All matches" sets each matched card's choice. */
static void
sync_matched_drops (BzwImportDialog *self)
{
  self->filling = TRUE;
  for (guint i = 0; i < self->drops->len; i++)
    {
      GtkDropDown *drop = g_ptr_array_index (self->drops, i);

      if (drop == NULL || bzw_importer_get_item_match (self->importer, i) == BZW_IMPORT_MATCH_NONE)
        continue;
      gtk_drop_down_set_selected (drop, action_position (matched_actions, G_N_ELEMENTS (matched_actions),
                                                         bzw_importer_get_item_action (self->importer, i)));
    }
  self->filling = FALSE;
  gtk_widget_set_sensitive (self->import_button, anything_to_import (self));
}

static void
matches_changed_cb (BzwImportDialog *self)
{
  static const BzwImportAction actions[] = {
    BZW_IMPORT_ACTION_MERGE, BZW_IMPORT_ACTION_SKIP, BZW_IMPORT_ACTION_ADD,
  };
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->matches_row));

  bzw_importer_set_match_action (self->importer, actions[MIN (selected, G_N_ELEMENTS (actions) - 1)]);
  sync_matched_drops (self);
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
  g_clear_pointer (&self->new_rows, g_ptr_array_unref);
  g_clear_pointer (&self->matched_rows, g_ptr_array_unref);
  g_clear_pointer (&self->drops, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, BzwImportDialog, matched_group);
  gtk_widget_class_bind_template_child (widget_class, BzwImportDialog, matches_row);
  gtk_widget_class_bind_template_child (widget_class, BzwImportDialog, new_group);
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
  self->new_rows = g_ptr_array_new ();
  self->matched_rows = g_ptr_array_new ();
  self->drops = g_ptr_array_new ();
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
