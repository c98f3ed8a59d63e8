/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-print-operation"

#include "config.h"

#include "bzw-briefing.h"
#include "bzw-overview-options.h"
#include "bzw-overview-renderer.h"
#include "bzw-print-operation.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* Printing the "Kontaktübersicht": the GTK print dialog with preview and a
 * tab of our own for which contacts, the grouping, notes and the map page.
 * The pages come from the same renderer as the command line's PDF, the
 * map page too (drawn by the map core, not by the map on the screen).
 * Made with bzw_print_operation_new_briefing () it prints the meeting
 * brief of one contact instead (BzwBriefing, one page, no tab).
 */
struct _BzwPrintOperation
{
  GtkPrintOperation    parent_instance;

  BzwStore            *store;
  GSettings           *settings;
  GArray              *shown_ids;
  BzwOverviewOptions  *options;
  BzwOverviewRenderer *renderer;
  GArray              *circle_ids;
  BzwBriefing         *briefing;

  GtkDropDown         *selection_dropdown;
  GtkDropDown         *circle_dropdown;
  GtkDropDown         *grouping_dropdown;
  GtkCheckButton      *notes_check;
  GtkCheckButton      *map_check;

  GError              *error;
};

G_DEFINE_FINAL_TYPE (BzwPrintOperation, bzw_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
selection_changed_cb (BzwPrintOperation *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->circle_dropdown),
                            gtk_drop_down_get_selected (self->selection_dropdown) == BZW_OVERVIEW_SELECTION_CIRCLE);
}

static GtkWidget *
labelled (GtkWidget  *grid,
          int         row,
          const char *text,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return widget;
}

static GtkWidget *
bzw_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  BzwPrintOperation *self = BZW_PRINT_OPERATION (operation);
  const char *selections[] = { _("All contacts"), _("One circle"), _("The current search result"),
                               _("Only those due"), NULL };
  const char *groupings[] = { _("Alphabetically"), _("By circle"), NULL };
  g_autoptr(GtkStringList) circle_names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (self->store, NULL);
  g_autofree char *grouping = g_settings_get_string (self->settings, "print-grouping");
  GtkWidget *grid;

  if (self->briefing != NULL)
    return NULL;

  grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  g_object_set (grid, "margin-start", 24, "margin-end", 24, "margin-top", 24, "margin-bottom", 24, NULL);

  self->selection_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (selections));
  labelled (grid, 0, _("_Contacts"), GTK_WIDGET (self->selection_dropdown));

  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      gint64 id = bzw_circle_get_id (g_ptr_array_index (circles, i));

      gtk_string_list_append (circle_names, bzw_circle_get_name (g_ptr_array_index (circles, i)));
      g_array_append_val (self->circle_ids, id);
    }
  self->circle_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&circle_names)), NULL));
  labelled (grid, 1, _("C_ircle"), GTK_WIDGET (self->circle_dropdown));

  self->grouping_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (groupings));
  gtk_drop_down_set_selected (self->grouping_dropdown, g_strcmp0 (grouping, "circle") == 0 ? 1 : 0);
  labelled (grid, 2, _("_Grouping"), GTK_WIDGET (self->grouping_dropdown));

  self->notes_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Print _notes")));
  gtk_check_button_set_active (self->notes_check, g_settings_get_boolean (self->settings, "print-notes"));
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->notes_check), 1, 3, 1, 1);

  self->map_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Add the relationship _map as the last page")));
  gtk_check_button_set_active (self->map_check, g_settings_get_boolean (self->settings, "print-map"));
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->map_check), 1, 4, 1, 1);

  g_signal_connect_swapped (self->selection_dropdown, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  selection_changed_cb (self);
  return grid;
}

static void
bzw_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                         GtkWidget         *widget)
{
  BzwPrintOperation *self = BZW_PRINT_OPERATION (operation);
  BzwOverviewSelection selection;
  guint circle;
  gboolean by_circle;

  if (self->briefing != NULL)
    return;

  selection = gtk_drop_down_get_selected (self->selection_dropdown);
  circle = gtk_drop_down_get_selected (self->circle_dropdown);
  by_circle = gtk_drop_down_get_selected (self->grouping_dropdown) == 1;
  bzw_overview_options_set_selection (self->options, selection);
  if (circle < self->circle_ids->len)
    bzw_overview_options_set_circle_id (self->options, g_array_index (self->circle_ids, gint64, circle));
  bzw_overview_options_set_grouping (self->options,
                                     by_circle ? BZW_OVERVIEW_GROUPING_CIRCLE : BZW_OVERVIEW_GROUPING_ALPHABETICAL);
  bzw_overview_options_set_include_notes (self->options, gtk_check_button_get_active (self->notes_check));
  bzw_overview_options_set_include_map (self->options, gtk_check_button_get_active (self->map_check));

  g_settings_set_string (self->settings, "print-grouping", by_circle ? "circle" : "alphabetical");
  g_settings_set_boolean (self->settings, "print-notes", gtk_check_button_get_active (self->notes_check));
  g_settings_set_boolean (self->settings, "print-map", gtk_check_button_get_active (self->map_check));
}

/* The brief is read afresh when printing starts: one page. */
static void
begin_briefing (BzwPrintOperation *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (!bzw_briefing_load (self->briefing, now, &error))
    {
      g_set_error_literal (&self->error, error->domain, error->code, error->message);
      gtk_print_operation_cancel (GTK_PRINT_OPERATION (self));
      return;
    }
  gtk_print_operation_set_n_pages (GTK_PRINT_OPERATION (self), 1);
}

static void
bzw_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  BzwPrintOperation *self = BZW_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;
  int n_pages;

  if (self->briefing != NULL)
    {
      begin_briefing (self);
      return;
    }

  g_clear_object (&self->renderer);
  self->renderer = bzw_overview_renderer_new (self->store, self->options);

  if (!bzw_overview_renderer_load (self->renderer, &error))
    {
      g_set_error_literal (&self->error, error->domain, error->code, error->message);
      gtk_print_operation_cancel (operation);
      return;
    }

  n_pages = bzw_overview_renderer_paginate (self->renderer,
                                            gtk_print_context_get_cairo_context (context),
                                            gtk_print_context_get_width (context),
                                            gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
bzw_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  BzwPrintOperation *self = BZW_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (self->briefing != NULL)
    bzw_briefing_draw (self->briefing, cr, gtk_print_context_get_width (context),
                       gtk_print_context_get_height (context));
  else
    bzw_overview_renderer_draw_page (self->renderer, cr, page_nr);
}

static void
bzw_print_operation_dispose (GObject *object)
{
  BzwPrintOperation *self = BZW_PRINT_OPERATION (object);

  g_clear_object (&self->renderer);
  g_clear_object (&self->briefing);
  g_clear_object (&self->options);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->shown_ids, g_array_unref);
  g_clear_pointer (&self->circle_ids, g_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (bzw_print_operation_parent_class)->dispose (object);
}

static void
bzw_print_operation_class_init (BzwPrintOperationClass *klass)
{
  GtkPrintOperationClass *op_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_print_operation_dispose;
  op_class->create_custom_widget = bzw_print_operation_create_custom_widget;
  op_class->custom_widget_apply = bzw_print_operation_custom_widget_apply;
  op_class->begin_print = bzw_print_operation_begin_print;
  op_class->draw_page = bzw_print_operation_draw_page;
}

static void
bzw_print_operation_init (BzwPrintOperation *self)
{
  self->circle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* A4 in German-speaking locales, the system's paper elsewhere. */
static gboolean
prefers_a4 (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "de");
}

/**
 * bzw_print_operation_new:
 * @shown_ids: (nullable): the contacts the list shows now
 */
BzwPrintOperation *
bzw_print_operation_new (BzwStore  *store,
                         GSettings *settings,
                         GArray    *shown_ids)
{
  BzwPrintOperation *self = g_object_new (BZW_TYPE_PRINT_OPERATION, NULL);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autofree char *user_name = g_settings_get_string (settings, "user-name");
  g_autofree char *grouping = g_settings_get_string (settings, "print-grouping");

  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->shown_ids = shown_ids != NULL ? g_array_ref (shown_ids) : g_array_new (FALSE, FALSE, sizeof (gint64));

  self->options = bzw_overview_options_new ();
  bzw_overview_options_set_contact_ids (self->options, self->shown_ids);
  bzw_overview_options_set_grouping (self->options, g_strcmp0 (grouping, "circle") == 0
                                                      ? BZW_OVERVIEW_GROUPING_CIRCLE
                                                      : BZW_OVERVIEW_GROUPING_ALPHABETICAL);
  bzw_overview_options_set_include_notes (self->options, g_settings_get_boolean (settings, "print-notes"));
  bzw_overview_options_set_include_map (self->options, g_settings_get_boolean (settings, "print-map"));
  if (user_name[0] != '\0')
    bzw_overview_options_set_user_name (self->options, user_name);

  if (prefers_a4 ())
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      gtk_page_setup_set_paper_size (setup, a4);
    }
  gtk_page_setup_set_left_margin (setup, BZW_OVERVIEW_MARGIN_SIDE_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, BZW_OVERVIEW_MARGIN_SIDE_MM, GTK_UNIT_MM);
  gtk_page_setup_set_top_margin (setup, BZW_OVERVIEW_MARGIN_TOP_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, BZW_OVERVIEW_MARGIN_BOTTOM_MM, GTK_UNIT_MM);

  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Contact Overview"));
  gtk_print_operation_set_custom_tab_label (GTK_PRINT_OPERATION (self), _("Contact Overview"));
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  return self;
}

/**
 * bzw_print_operation_new_briefing:
 * @contact_id: whose meeting brief to print
 *
 * Prints the meeting brief („Gesprächsvorbereitung“) of one contact, on
 * the paper and with the margins of the overview.
 */
BzwPrintOperation *
bzw_print_operation_new_briefing (BzwStore  *store,
                                  GSettings *settings,
                                  gint64     contact_id)
{
  BzwPrintOperation *self = bzw_print_operation_new (store, settings, NULL);
  g_autofree char *name = bzw_store_dup_contact_name (store, contact_id);
  /* Translators: the print job of a meeting brief; %s is the contact. */
  g_autofree char *job = g_strdup_printf (_("Meeting Brief: %s"), name != NULL ? name : "");

  self->briefing = bzw_briefing_new (store, contact_id);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job);
  return self;
}

/* Why the last run ended without printing, e.g. an empty selection. */
const GError *
bzw_print_operation_get_failure (BzwPrintOperation *self)
{
  g_return_val_if_fail (BZW_IS_PRINT_OPERATION (self), NULL);

  return self->error;
}
