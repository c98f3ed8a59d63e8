/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-page"

#include "config.h"

#include "bzw-map-page.h"

#include "bzw-map-widget.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

/* The "Karte" screen: the map under a bar with its search, filters, legend
 * and export.
 */
struct _BzwMapPage
{
  GtkWidget       parent_instance;

  GHashTable     *hidden_circles;
  GtkFileChooserNative *export_dialog;

  BzwMapWidget   *map;
  GtkSearchEntry *search_entry;
  GtkButton      *open_button;
  GtkMenuButton  *path_button;
  GtkSearchEntry *path_entry;
  GtkLabel       *path_label;
  GtkCheckButton *relationships_check;
  GtkCheckButton *favours_check;
  GtkCheckButton *referrals_check;
  GtkCheckButton *cycles_check;
  GtkDropDown    *time_dropdown;
  GtkBox         *circles_box;
  GtkCheckButton *second_degree_check;
  GtkCheckButton *archived_check;
  GtkToggleButton *legend_button;
};

G_DEFINE_FINAL_TYPE (BzwMapPage, bzw_map_page, GTK_TYPE_WIDGET)

enum {
  OPEN_CONTACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define NO_CIRCLE_ID 0

static void
toast (BzwMapPage *self,
       const char *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
show_error (BzwMapPage   *self,
            const char   *heading,
            const GError *error)
{
  bzw_ui_show_error (GTK_WIDGET (self), heading, error);
}

/* „Wie erreiche ich …?“: the path in words under the bar. */
static void
path_changed_cb (BzwMapPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->path_entry));
  const char *text = bzw_map_widget_show_path (self->map, query);

  if (text == NULL && *query != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->path_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->path_entry), "error");

  if (text == NULL && *query != '\0')
    {
      /* Translators: %s is what was typed into „Wie erreiche ich …?“. */
      g_autofree char *none = g_strdup_printf (_("Nobody on the map matches “%s”"), query);

      gtk_label_set_text (self->path_label, none);
    }
  else
    {
      gtk_label_set_text (self->path_label, text != NULL ? text : "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->path_label), *query != '\0');
}

/* Enter closes the popover and gives the map the keyboard. */
static void
path_activate_cb (BzwMapPage *self)
{
  gtk_menu_button_popdown (self->path_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

static void
map_reloaded_path (BzwMapPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->path_entry));

  if (*query != '\0')
    path_changed_cb (self);
}

static void
apply_circles (BzwMapPage *self)
{
  BzwMapGraph *graph = bzw_map_widget_get_graph (self->map);
  g_autoptr(GArray) shown = NULL;
  gint64 id = NO_CIRCLE_ID;

  if (graph == NULL || g_hash_table_size (self->hidden_circles) == 0)
    {
      bzw_map_widget_set_circles (self->map, NULL);
      return;
    }

  shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!g_hash_table_contains (self->hidden_circles, &id))
    g_array_append_val (shown, id);
  for (guint i = 0; i < bzw_map_graph_get_n_circles (graph); i++)
    {
      id = bzw_map_graph_get_circle (graph, i)->id;
      if (!g_hash_table_contains (self->hidden_circles, &id))
        g_array_append_val (shown, id);
    }

  bzw_map_widget_set_circles (self->map, shown);
}

static void
circle_toggled_cb (GtkCheckButton *check,
                   BzwMapPage     *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "bzw-circle-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->hidden_circles, id);
  else
    g_hash_table_add (self->hidden_circles, g_memdup2 (id, sizeof *id));

  apply_circles (self);
}

static void
add_circle_check (BzwMapPage *self,
                  gint64      id,
                  const char *name)
{
  GtkWidget *check = gtk_check_button_new_with_label (name);

  g_object_set_data_full (G_OBJECT (check), "bzw-circle-id", g_memdup2 (&id, sizeof id), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !g_hash_table_contains (self->hidden_circles, &id));
  g_signal_connect_object (check, "toggled", G_CALLBACK (circle_toggled_cb), self, 0);
  gtk_box_append (self->circles_box, check);
}

static void
reloaded_cb (BzwMapPage *self)
{
  BzwMapGraph *graph = bzw_map_widget_get_graph (self->map);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->circles_box))) != NULL)
    gtk_box_remove (self->circles_box, child);

  map_reloaded_path (self);
  if (graph == NULL)
    return;

  for (guint i = 0; i < bzw_map_graph_get_n_circles (graph); i++)
    {
      const BzwMapCircle *circle = bzw_map_graph_get_circle (graph, i);

      add_circle_check (self, circle->id, circle->name);
    }
  add_circle_check (self, NO_CIRCLE_ID, _("In no circle"));

  apply_circles (self);
}

static void
filters_changed_cb (BzwMapPage *self)
{
  guint kinds = BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_ME);

  if (gtk_check_button_get_active (self->relationships_check))
    kinds |= BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_RELATIONSHIP);
  if (gtk_check_button_get_active (self->favours_check))
    kinds |= BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_FAVOUR);
  if (gtk_check_button_get_active (self->referrals_check))
    kinds |= BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_REFERRAL);

  bzw_map_widget_set_edge_kinds (self->map, kinds);
  bzw_map_widget_set_highlight_cycles (self->map, gtk_check_button_get_active (self->cycles_check));
  bzw_map_widget_set_second_degree (self->map, gtk_check_button_get_active (self->second_degree_check));
  bzw_map_widget_set_hide_archived (self->map, !gtk_check_button_get_active (self->archived_check));
  bzw_map_widget_set_show_legend (self->map, gtk_toggle_button_get_active (self->legend_button));
}

static void
time_changed_cb (BzwMapPage *self)
{
  static const BzwMapTimeWindow windows[] = { BZW_MAP_TIME_ALL, BZW_MAP_TIME_YEAR, BZW_MAP_TIME_QUARTER };
  guint selected = gtk_drop_down_get_selected (self->time_dropdown);

  if (selected < G_N_ELEMENTS (windows))
    bzw_map_widget_set_time_window (self->map, windows[selected]);
}

static void
search_changed_cb (BzwMapPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (bzw_map_widget_search (self->map, text))
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
}

/* Enter in the search goes to the map, where the found contact is selected. */
static void
search_activate_cb (BzwMapPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

static void
stop_search_cb (BzwMapPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

static void
start_search_cb (BzwMapPage *self,
                 const char *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

static void
selection_changed_cb (BzwMapPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), bzw_map_widget_get_selected_id (self->map) > 0);
}

static void
open_clicked_cb (BzwMapPage *self)
{
  bzw_map_widget_open_selected (self->map);
}

static void
open_contact_cb (BzwMapPage *self,
                 gint64      id)
{
  g_signal_emit (self, signals[OPEN_CONTACT], 0, id);
}

static void
zoom_in_cb (BzwMapPage *self)
{
  bzw_map_widget_zoom (self->map, 1.25);
}

static void
zoom_out_cb (BzwMapPage *self)
{
  bzw_map_widget_zoom (self->map, 0.8);
}

static void
zoom_fit_cb (BzwMapPage *self)
{
  bzw_map_widget_fit (self->map);
}

/* Export */

static void
export_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     BzwMapPage      *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GError) error = NULL;
  const char *area;
  GtkFileFilter *filter;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;

  /* A name without a known ending gets the one of the chosen filter. */
  lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".pdf"))
    {
      const char *suffix;
      char *longer;

      filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      suffix = filter != NULL ? g_object_get_data (G_OBJECT (filter), "bzw-suffix") : NULL;
      longer = g_strconcat (path, suffix != NULL ? suffix : ".png", NULL);
      g_free (path);
      path = longer;
    }

  area = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "area");
  if (!bzw_map_widget_export (self->map, path, g_strcmp0 (area, "view") != 0, &error))
    show_error (self, _("The Map Could Not Be Exported"), error);
  else
    toast (self, _("Map exported"));

out:
  g_clear_object (&self->export_dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*", suffix, NULL);

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data_full (G_OBJECT (filter), "bzw-suffix", g_strdup (suffix), g_free);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_clicked_cb (BzwMapPage *self)
{
  static const char *areas[] = { "whole", "view", NULL };
  const char *area_labels[] = { _("The whole map"), _("What is on the screen"), NULL };
  g_autofree char *name = NULL;
  GtkFileChooser *chooser;

  if (self->export_dialog != NULL)
    return;

  self->export_dialog = gtk_file_chooser_native_new (_("Export Map"),
                                                     GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->export_dialog);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_dialog), TRUE);

  add_filter (chooser, _("PNG image"), "image/png", ".png");
  add_filter (chooser, _("SVG drawing"), "image/svg+xml", ".svg");
  add_filter (chooser, _("PDF document"), "application/pdf", ".pdf");
  gtk_file_chooser_add_choice (chooser, "area", _("Area"), areas, area_labels);
  gtk_file_chooser_set_choice (chooser, "area", "whole");

  /* Translators: the suggested file name of an exported map, without ending. */
  name = g_strconcat (_("Relationship map"), ".png", NULL);
  gtk_file_chooser_set_current_name (chooser, name);

  g_signal_connect (self->export_dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_dialog));
}

/* Ctrl+G on the map page opens „Wie erreiche ich …?“. */
static gboolean
reach_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  BzwMapPage *self = BZW_MAP_PAGE (widget);

  gtk_menu_button_popup (self->path_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->path_entry));
  return TRUE;
}

/* GtkWidget */

static void
bzw_map_page_dispose (GObject *object)
{
  BzwMapPage *self = BZW_MAP_PAGE (object);
  GtkWidget *child;

  if (self->export_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->export_dialog, export_response_cb, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_dialog));
      g_clear_object (&self->export_dialog);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_MAP_PAGE);
  /* GTK 4.8 unparents only the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (bzw_map_page_parent_class)->dispose (object);
}

static void
bzw_map_page_finalize (GObject *object)
{
  BzwMapPage *self = BZW_MAP_PAGE (object);

  g_clear_pointer (&self->hidden_circles, g_hash_table_unref);
  G_OBJECT_CLASS (bzw_map_page_parent_class)->finalize (object);
}

static void
bzw_map_page_class_init (BzwMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bzw_map_page_dispose;
  object_class->finalize = bzw_map_page_finalize;

  /**
   * BzwMapPage::open-contact:
   * @id: the contact to show
   *
   * A contact was opened on the map: double-click, Enter or “Open Contact”.
   */
  signals[OPEN_CONTACT] = g_signal_new ("open-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (BZW_TYPE_MAP_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, map);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, path_button);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, path_entry);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, path_label);
  gtk_widget_class_bind_template_callback (widget_class, path_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, path_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, relationships_check);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, favours_check);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, referrals_check);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, cycles_check);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, time_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, circles_box);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, second_degree_check);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, archived_check);
  gtk_widget_class_bind_template_child (widget_class, BzwMapPage, legend_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_contact_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reloaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_out_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_fit_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, reach_shortcut_cb, NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bzw_map_page_init (BzwMapPage *self)
{
  self->hidden_circles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bzw_map_page_new:
 *
 * Returns: the "Karte" screen for @store; the map is read when it is first
 *   shown.
 */
GtkWidget *
bzw_map_page_new (BzwStore *store)
{
  BzwMapPage *self;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  self = g_object_new (BZW_TYPE_MAP_PAGE, NULL);
  bzw_map_widget_set_store (self->map, store);
  return GTK_WIDGET (self);
}

void
bzw_map_page_focus_search (BzwMapPage *self)
{
  g_return_if_fail (BZW_IS_MAP_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
