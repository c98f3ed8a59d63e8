/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-recommend-dialog"

#include "config.h"

#include "bzw-labels.h"
#include "bzw-recommend-dialog.h"
#include "bzw-store-recommend.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

/* „Wen kann ich empfehlen?“: the user types a need and sees the contacts
 * who offer it, trusted ones first, each with a button to open them.
 */

#define MAX_RESULTS 100

struct _BzwRecommendDialog
{
  AdwWindow       parent_instance;

  BzwStore       *store;
  GtkSearchEntry *entry;
  GtkStack       *stack;
  GtkListBox     *list;
  AdwStatusPage  *empty_page;
};

G_DEFINE_FINAL_TYPE (BzwRecommendDialog, bzw_recommend_dialog, ADW_TYPE_WINDOW)

static void
open_clicked_cb (GtkButton          *button,
                 BzwRecommendDialog *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "bzw-id");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-contact", "x", id);
  gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
result_row (BzwRecommendDialog *self,
            BzwContact         *contact)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = bzw_contact_dup_best_name (contact);
  g_autofree char *open_label = g_strdup_printf (_("Open “%s”"), name);
  g_autoptr(GString) offer = g_string_new (bzw_contact_get_offers (contact));
  BzwTrust trust = bzw_contact_get_trust (contact);
  g_autofree char *escaped_name = g_markup_escape_text (name, -1);
  g_autofree char *escaped_offer = NULL;
  GtkWidget *trust_label;
  GtkWidget *button;
  gint64 id = bzw_contact_get_id (contact);

  if (bzw_contact_get_role (contact) != NULL)
    g_string_append_printf (offer, "%s%s", offer->len > 0 ? " · " : "", bzw_contact_get_role (contact));
  if (bzw_contact_get_organisation (contact) != NULL)
    g_string_append_printf (offer, "%s%s", offer->len > 0 ? " · " : "", bzw_contact_get_organisation (contact));
  escaped_offer = g_markup_escape_text (offer->str, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_offer);

  trust_label = gtk_label_new (bzw_labels_trust (trust));
  gtk_widget_add_css_class (trust_label, trust == BZW_TRUST_YES ? "success"
                                         : trust == BZW_TRUST_NO ? "error"
                                         : trust == BZW_TRUST_WITH_CARE ? "warning" : "dim-label");
  gtk_widget_set_tooltip_text (trust_label, _("Would I recommend them?"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), trust_label);

  button = bzw_ui_row_button ("go-next-symbolic", open_label);
  g_object_set_data_full (G_OBJECT (button), "bzw-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (open_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

static void
search_changed_cb (BzwRecommendDialog *self)
{
  const char *need = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (need == NULL || need[0] == '\0')
    {
      adw_status_page_set_title (self->empty_page, _("Whom Can I Recommend?"));
      adw_status_page_set_description (self->empty_page,
                                       _("Type what someone needs, such as “tax adviser” or “web design”, "
                                         "to see who offers it. Those you would recommend come first."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  ids = bzw_store_find_recommendations (self->store, need, MAX_RESULTS, &error);
  if (ids == NULL)
    g_warning ("Cannot look for recommendations: %s", error->message);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(BzwContact) contact = bzw_store_dup_contact (self->store, g_array_index (ids, gint64, i), NULL);

      if (contact != NULL)
        gtk_list_box_append (self->list, result_row (self, contact));
    }

  if (ids == NULL || ids->len == 0)
    {
      adw_status_page_set_title (self->empty_page, _("Nobody Offers That Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("No contact’s offer, role or organisation matches. "
                                         "Note on a contact page what they are good at."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
bzw_recommend_dialog_dispose (GObject *object)
{
  BzwRecommendDialog *self = BZW_RECOMMEND_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_RECOMMEND_DIALOG);
  G_OBJECT_CLASS (bzw_recommend_dialog_parent_class)->dispose (object);
}

static void
bzw_recommend_dialog_class_init (BzwRecommendDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_recommend_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-recommend-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwRecommendDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BzwRecommendDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, BzwRecommendDialog, list);
  gtk_widget_class_bind_template_child (widget_class, BzwRecommendDialog, stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bzw_recommend_dialog_init (BzwRecommendDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  search_changed_cb (self);
}

GtkWidget *
bzw_recommend_dialog_new (GtkWindow *parent,
                          BzwStore  *store)
{
  BzwRecommendDialog *self;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  self = g_object_new (BZW_TYPE_RECOMMEND_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return GTK_WIDGET (self);
}
