/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-circles-dialog"

#include "config.h"

#include "bzw-circles-dialog.h"
#include "bzw-store-recommend.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

/* „Kreise verwalten“: every circle with its name, colour and keep-in-touch
 * rhythm (ideal, and at the latest), a row to add one, and deleting with a
 * toast that brings the circle back with its members.
 */

struct _BzwCirclesDialog
{
  AdwWindow           parent_instance;

  BzwStore           *store;
  AdwToastOverlay    *toast_overlay;
  AdwPreferencesPage *page;
  GPtrArray          *groups;
  AdwEntryRow        *new_row;
};

G_DEFINE_FINAL_TYPE (BzwCirclesDialog, bzw_circles_dialog, ADW_TYPE_WINDOW)

static void rebuild (BzwCirclesDialog *self);

static void
show_error (BzwCirclesDialog *self,
            const GError     *error)
{
  bzw_ui_show_error (GTK_WIDGET (self), _("The Circle Could Not Be Saved"), error);
}

static void
save (BzwCirclesDialog *self,
      BzwCircle        *circle)
{
  g_autoptr(GError) error = NULL;

  if (!bzw_store_save_circle (self->store, circle, &error))
    show_error (self, error);
}

static void
name_apply_cb (AdwEntryRow      *row,
               BzwCirclesDialog *self)
{
  BzwCircle *circle = g_object_get_data (G_OBJECT (row), "bzw-circle");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (name[0] == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (row), bzw_circle_get_name (circle));
      return;
    }

  bzw_circle_set_name (circle, name);
  save (self, circle);
  adw_preferences_group_set_title (g_object_get_data (G_OBJECT (row), "bzw-group"), name);
}

static void
color_set_cb (GtkColorButton   *button,
              BzwCirclesDialog *self)
{
  BzwCircle *circle = g_object_get_data (G_OBJECT (button), "bzw-circle");
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5), (int) (rgba.green * 255 + 0.5),
                           (int) (rgba.blue * 255 + 0.5));
  bzw_circle_set_color (circle, color);
  save (self, circle);
}

/* What a row of days of a circle sets. */
enum {
  DAYS_IDEAL,
  DAYS_LATEST,
  DAYS_LEAD,
};

static void
interval_changed_cb (GtkSpinButton    *spin,
                     BzwCirclesDialog *self)
{
  BzwCircle *circle = g_object_get_data (G_OBJECT (spin), "bzw-circle");
  int days = gtk_spin_button_get_value_as_int (spin);

  switch (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "bzw-kind")))
    {
    case DAYS_LATEST:
      bzw_circle_set_interval_max (circle, days);
      break;
    case DAYS_LEAD:
      bzw_circle_set_lead_days (circle, days);
      break;
    default:
      bzw_circle_set_interval_ideal (circle, days);
      break;
    }
  save (self, circle);
}

static void
undo_delete_cb (AdwToast         *toast,
                BzwCirclesDialog *self)
{
  BzwCircle *circle = g_object_get_data (G_OBJECT (toast), "bzw-circle");
  GArray *members = g_object_get_data (G_OBJECT (toast), "bzw-members");
  g_autoptr(GError) error = NULL;

  if (!bzw_store_restore_circle (self->store, circle, members, &error))
    show_error (self, error);
  rebuild (self);
}

static void
delete_clicked_cb (GtkButton        *button,
                   BzwCirclesDialog *self)
{
  BzwCircle *circle = g_object_get_data (G_OBJECT (button), "bzw-circle");
  g_autoptr(GArray) members = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  members = bzw_store_list_circle_members (self->store, bzw_circle_get_id (circle), &error);
  if (members == NULL || !bzw_store_delete_circle (self->store, bzw_circle_get_id (circle), &error))
    {
      show_error (self, error);
      return;
    }

  title = g_strdup_printf (_("Circle “%s” deleted"), bzw_circle_get_name (circle));
  toast = bzw_ui_undo_toast_new (title, G_CALLBACK (undo_delete_cb), self, NULL);
  g_object_set_data_full (G_OBJECT (toast), "bzw-circle", g_object_ref (circle), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "bzw-members", g_steal_pointer (&members),
                          (GDestroyNotify) g_array_unref);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  rebuild (self);
}

static GtkWidget *
interval_row (BzwCirclesDialog *self,
              BzwCircle        *circle,
              int               kind)
{
  static const char * const titles[] = {
    [DAYS_IDEAL] = N_("Ideally every (days)"),
    [DAYS_LATEST] = N_("At the latest after (days)"),
    [DAYS_LEAD] = N_("Remind of birthdays and anniversaries (days before)"),
  };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, kind == DAYS_LEAD ? 365 : 3650, 1);
  const char *title = _(titles[kind]);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", bzw_circle_get_name (circle), title);
  int value = kind == DAYS_LATEST ? bzw_circle_get_interval_max (circle)
              : kind == DAYS_LEAD ? bzw_circle_get_lead_days (circle) : bzw_circle_get_interval_ideal (circle);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind == DAYS_LEAD ? _("0 means on the day")
                                                                       : _("0 means no rhythm"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (spin), "bzw-circle", g_object_ref (circle), g_object_unref);
  g_object_set_data (G_OBJECT (spin), "bzw-kind", GINT_TO_POINTER (kind));
  g_signal_connect (spin, "value-changed", G_CALLBACK (interval_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

static GtkWidget *
circle_group (BzwCirclesDialog *self,
              BzwCircle        *circle)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  GtkWidget *color = gtk_color_button_new ();
  g_autofree char *color_label = g_strdup_printf (_("Colour of “%s”"), bzw_circle_get_name (circle));
  g_autofree char *delete_label = g_strdup_printf (_("Delete circle “%s”"), bzw_circle_get_name (circle));
  GtkWidget *delete = bzw_ui_row_button ("user-trash-symbolic", delete_label);
  g_autofree char *name_label = g_strdup_printf (_("Name of “%s”"), bzw_circle_get_name (circle));
  GdkRGBA rgba;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), bzw_circle_get_name (circle));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), bzw_circle_get_name (circle));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name_row), GTK_ACCESSIBLE_PROPERTY_LABEL, name_label, -1);
  g_object_set_data_full (G_OBJECT (name_row), "bzw-circle", g_object_ref (circle), g_object_unref);
  g_object_set_data (G_OBJECT (name_row), "bzw-group", group);
  g_signal_connect (name_row, "apply", G_CALLBACK (name_apply_cb), self);

  if (!gdk_rgba_parse (&rgba, bzw_circle_get_color (circle) != NULL ? bzw_circle_get_color (circle) : "#3584e4"))
    gdk_rgba_parse (&rgba, "#3584e4");
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (color), color_label);
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (color, color_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (color), GTK_ACCESSIBLE_PROPERTY_LABEL, color_label, -1);
  g_object_set_data_full (G_OBJECT (color), "bzw-circle", g_object_ref (circle), g_object_unref);
  g_signal_connect (color, "color-set", G_CALLBACK (color_set_cb), self);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (name_row), color);

  g_object_set_data_full (G_OBJECT (delete), "bzw-circle", g_object_ref (circle), g_object_unref);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), delete);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), name_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), interval_row (self, circle, DAYS_IDEAL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), interval_row (self, circle, DAYS_LATEST));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), interval_row (self, circle, DAYS_LEAD));
  return group;
}

static void
add_apply_cb (AdwEntryRow      *row,
              BzwCirclesDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(BzwCircle) circle = NULL;
  g_autoptr(GError) error = NULL;

  if (name[0] == '\0')
    return;

  circles = bzw_store_list_circles (self->store, NULL);
  circle = bzw_circle_new ();
  bzw_circle_set_name (circle, name);
  bzw_circle_set_position (circle, circles != NULL ? (int) circles->len : 0);
  if (!bzw_store_save_circle (self->store, circle, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  rebuild (self);
}

static void
rebuild (BzwCirclesDialog *self)
{
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  circles = bzw_store_list_circles (self->store, &error);
  if (circles == NULL)
    {
      g_warning ("Cannot list circles: %s", error->message);
      return;
    }

  for (guint i = 0; i < circles->len; i++)
    {
      GtkWidget *group = circle_group (self, g_ptr_array_index (circles, i));

      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }
}

static void
bzw_circles_dialog_dispose (GObject *object)
{
  BzwCirclesDialog *self = BZW_CIRCLES_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_CIRCLES_DIALOG);
  G_OBJECT_CLASS (bzw_circles_dialog_parent_class)->dispose (object);
}

static void
bzw_circles_dialog_class_init (BzwCirclesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_circles_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-circles-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwCirclesDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, BzwCirclesDialog, page);
  gtk_widget_class_bind_template_child (widget_class, BzwCirclesDialog, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, add_apply_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bzw_circles_dialog_init (BzwCirclesDialog *self)
{
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bzw_circles_dialog_new (GtkWindow *parent,
                        BzwStore  *store)
{
  BzwCirclesDialog *self;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  self = g_object_new (BZW_TYPE_CIRCLES_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  rebuild (self);
  return GTK_WIDGET (self);
}
