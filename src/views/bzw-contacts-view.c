/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-contacts-view"

#include "config.h"

#include "bzw-contact-editor.h"
#include "bzw-contact-list-view.h"
#include "bzw-contact-page.h"
#include "bzw-contact-picker.h"
#include "bzw-contacts-view.h"
#include "bzw-relationship-dialog.h"
#include "bzw-labels.h"

#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

/* The "Kontakte" screen: the list beside the page of the selected contact,
 * folding into one column on narrow windows.
 */
struct _BzwContactsView
{
  GtkWidget           parent_instance;

  BzwStore           *store;

  AdwLeaflet         *leaflet;
  BzwContactListView *list_view;
  BzwContactPage     *page;
  GtkStack           *page_stack;
  AdwStatusPage      *selection_page;
  GtkBox             *selection_circles;
  GtkWidget          *back_button;
};

G_DEFINE_FINAL_TYPE (BzwContactsView, bzw_contacts_view, GTK_TYPE_WIDGET)

static GtkWindow *
get_window (BzwContactsView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
update_actions (BzwContactsView *self)
{
  gboolean has_contact = bzw_contact_page_get_contact_id (self->page) != 0 &&
                         g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "contact") == 0;
  gboolean writable = !bzw_store_is_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.edit", has_contact && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.delete", has_contact && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.toggle-archived", has_contact && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.add-relationship", has_contact && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.log-encounter", has_contact && writable);
}

static void
show_contact (BzwContactsView *self,
              gint64           id)
{
  bzw_contact_page_set_contact_id (self->page, id);
  gtk_stack_set_visible_child_name (self->page_stack, id != 0 ? "contact" : "none");
  update_actions (self);
}

static void
toggle_circle_cb (GtkButton       *button,
                  BzwContactsView *self)
{
  gint64 circle_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bzw-id"));
  gboolean add = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "bzw-add"));
  g_autoptr(GArray) ids = bzw_contact_list_view_dup_selected_ids (self->list_view);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = bzw_store_begin (self->store, &error);
  for (guint i = 0; ok && i < ids->len; i++)
    ok = bzw_store_set_circle_member (self->store, g_array_index (ids, gint64, i), circle_id, add, &error);

  if (ok)
    ok = bzw_store_commit (self->store, &error);
  else if (error != NULL && !g_error_matches (error, BZW_STORE_ERROR, BZW_STORE_ERROR_READ_ONLY))
    bzw_store_rollback (self->store);

  if (!ok)
    bzw_ui_show_error (GTK_WIDGET (self), _("The Circles Could Not Be Changed"), error);
}

/* Several contacts selected: offer to put them into circles at once. */
static void
show_multi_selection (BzwContactsView *self,
                      guint            n)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (self->store, NULL);
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Contact Selected",
                                                         "%u Contacts Selected", n), n);
  GtkWidget *child;

  adw_status_page_set_title (self->selection_page, title);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->selection_circles))) != NULL)
    gtk_box_remove (self->selection_circles, child);

  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (bzw_circle_get_name (circle));

      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (row), label);

      for (int add = 1; add >= 0; add--)
        {
          g_autofree char *tooltip = g_strdup_printf (add ? _("Add the selected contacts to “%s”")
                                                          : _("Remove the selected contacts from “%s”"),
                                                      bzw_circle_get_name (circle));
          GtkWidget *button = gtk_button_new_with_label (add ? _("Add") : _("Remove"));

          gtk_widget_set_tooltip_text (button, tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
          g_object_set_data (G_OBJECT (button), "bzw-id", GSIZE_TO_POINTER (bzw_circle_get_id (circle)));
          g_object_set_data (G_OBJECT (button), "bzw-add", GINT_TO_POINTER (add));
          g_signal_connect (button, "clicked", G_CALLBACK (toggle_circle_cb), self);
          gtk_box_append (GTK_BOX (row), button);
        }

      gtk_box_append (self->selection_circles, row);
    }

  /* Its large icon is loaded only when the page is shown. */
  adw_status_page_set_icon_name (self->selection_page, "edit-select-all-symbolic");
  gtk_stack_set_visible_child_name (self->page_stack, "selection");
  update_actions (self);
}

static void
selection_changed_cb (BzwContactsView *self)
{
  g_autoptr(GArray) ids = bzw_contact_list_view_dup_selected_ids (self->list_view);

  if (ids->len > 1)
    show_multi_selection (self, ids->len);
  else
    show_contact (self, ids->len == 1 ? g_array_index (ids, gint64, 0) : 0);
}

static void
contact_activated_cb (BzwContactsView *self,
                      gint64           id)
{
  show_contact (self, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->page));
}

static void
open_contact_cb (BzwContactsView *self,
                 gint64           id)
{
  bzw_contacts_view_show_contact (self, id);
}

static void
back_clicked_cb (BzwContactsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
editor_saved_cb (BzwContactsView *self,
                 gint64           id)
{
  bzw_contacts_view_show_contact (self, id);
}

static void
open_editor (BzwContactsView *self,
             BzwContact      *contact)
{
  GtkWidget *editor = bzw_contact_editor_new (get_window (self), self->store, contact);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BzwContactsView *self = BZW_CONTACTS_VIEW (widget);
  g_autoptr(BzwContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  contact = bzw_store_dup_contact (self->store, bzw_contact_page_get_contact_id (self->page), &error);
  if (contact == NULL)
    {
      bzw_ui_show_error (GTK_WIDGET (self), _("The Contact Cannot Be Edited"), error);
      return;
    }

  open_editor (self, contact);
}

static void
toggle_archived_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BzwContactsView *self = BZW_CONTACTS_VIEW (widget);
  g_autoptr(BzwContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  contact = bzw_store_dup_contact (self->store, bzw_contact_page_get_contact_id (self->page), &error);
  if (contact != NULL)
    {
      bzw_contact_set_archived (contact, !bzw_contact_get_archived (contact));
      if (bzw_store_save_contact (self->store, contact, &error))
        {
          name = bzw_contact_dup_best_name (contact);
          message = g_strdup_printf (bzw_contact_get_archived (contact) ? _("“%s” archived")
                                                                        : _("“%s” taken out of the archive"),
                                     name);
          bzw_ui_toast (GTK_WIDGET (self), adw_toast_new (message));
          return;
        }
    }

  bzw_ui_show_error (GTK_WIDGET (self), _("The Contact Cannot Be Archived"), error);
}

static void
undo_delete_cb (AdwToast           *toast_,
                BzwContactSnapshot *snapshot)
{
  BzwStore *store = g_object_get_data (G_OBJECT (toast_), "bzw-store");
  g_autoptr(GError) error = NULL;

  if (!bzw_store_restore_contact (store, snapshot, &error))
    g_warning ("Cannot restore a deleted contact: %s", error->message);
}

static void
snapshot_free_notify (gpointer  data,
                      GClosure *closure)
{
  bzw_contact_snapshot_free (data);
}

static void
delete_contact (BzwContactsView *self,
                gint64           id,
                BzwDeleteMode    mode)
{
  g_autoptr(BzwContact) contact = bzw_store_dup_contact (self->store, id, NULL);
  g_autofree char *name = contact != NULL ? bzw_contact_dup_best_name (contact) : g_strdup ("");
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  BzwContactSnapshot *snapshot;
  AdwToast *undo_toast;

  snapshot = bzw_store_delete_contact_undoable (self->store, id, mode, &error);
  if (snapshot == NULL)
    {
      bzw_ui_show_error (GTK_WIDGET (self), _("The Contact Cannot Be Deleted"), error);
      return;
    }

  show_contact (self, 0);

  title = g_strdup_printf (_("“%s” deleted"), name);
  undo_toast = bzw_ui_undo_toast_new (title, G_CALLBACK (undo_delete_cb),
                                      snapshot, snapshot_free_notify);
  g_object_set_data_full (G_OBJECT (undo_toast), "bzw-store", g_object_ref (self->store), g_object_unref);
  bzw_ui_toast (GTK_WIDGET (self), undo_toast);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BzwContactsView  *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "bzw-id"));

  if (g_strcmp0 (response, "keep") == 0)
    delete_contact (self, id, BZW_DELETE_KEEP_ENTRIES);
  else if (g_strcmp0 (response, "delete") == 0)
    delete_contact (self, id, BZW_DELETE_WITH_ENTRIES);
}

/* A contact with journal entries: ask whether they stay (with the name)
 * or go too.  Either way the toast can undo it.
 */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BzwContactsView *self = BZW_CONTACTS_VIEW (widget);
  gint64 id = bzw_contact_page_get_contact_id (self->page);
  BzwJournalQuery query = { NULL, TRUE, TRUE, TRUE, id };
  g_autoptr(GArray) entries = bzw_store_list_journal (self->store, &query, NULL);
  g_autoptr(BzwContact) contact = bzw_store_dup_contact (self->store, id, NULL);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (contact == NULL)
    return;

  if (entries == NULL || entries->len == 0)
    {
      delete_contact (self, id, BZW_DELETE_KEEP_ENTRIES);
      return;
    }

  name = bzw_contact_dup_best_name (contact);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” appears in %u journal entry. Keep it with the name, or delete it too?",
                                       "“%s” appears in %u journal entries. Keep them with the name, or delete them too?",
                                       entries->len),
                          name, entries->len);
  dialog = bzw_ui_question_new (get_window (self), _("Delete Contact?"), body,
                                "delete", _("Delete _Entries Too"), ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_add_response (dialog, "keep", _("_Keep Entries"));
  adw_message_dialog_set_default_response (dialog, "keep");
  g_object_set_data (G_OBJECT (dialog), "bzw-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The same dialog as on the map (bzw-relationship-dialog.c). */
static void
add_relationship_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BzwContactsView *self = BZW_CONTACTS_VIEW (widget);
  gint64 id = bzw_contact_page_get_contact_id (self->page);

  if (id > 0)
    bzw_relationship_dialog_add (GTK_WIDGET (self), self->store, id, 0);
}

/* „Als „Zugesagt“ markieren“ on a row of the contact's history. */
static void
advance_entry_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  bzw_ui_advance_entry (widget, BZW_CONTACTS_VIEW (widget)->store, parameter);
}

static void
log_encounter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BzwContactsView *self = BZW_CONTACTS_VIEW (widget);

  gtk_widget_activate_action (widget, "win.log-encounter", "x", bzw_contact_page_get_contact_id (self->page));
}

static void
bzw_contacts_view_dispose (GObject *object)
{
  BzwContactsView *self = BZW_CONTACTS_VIEW (object);

  if (self->leaflet != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->leaflet));
      self->leaflet = NULL;
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bzw_contacts_view_parent_class)->dispose (object);
}

static void
bzw_contacts_view_class_init (BzwContactsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_contacts_view_dispose;

  gtk_widget_class_install_action (widget_class, "contact.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "contact.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "contact.toggle-archived", NULL, toggle_archived_action);
  gtk_widget_class_install_action (widget_class, "contact.add-relationship", NULL, add_relationship_action);
  gtk_widget_class_install_action (widget_class, "contact.log-encounter", NULL, log_encounter_action);
  gtk_widget_class_install_action (widget_class, "contact.advance-entry", "(ix)", advance_entry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "contact.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "contact.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bzw_contacts_view_init (BzwContactsView *self)
{
}

static GtkWidget *
build_page_pane (BzwContactsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *none;
  GtkWidget *selection;
  GtkWidget *selection_box;
  GtkWidget *export;

  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the list"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to the list"), -1);
  gtk_widget_set_halign (self->back_button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->back_button, 6);
  gtk_widget_set_margin_top (self->back_button, 6);
  gtk_widget_add_css_class (self->back_button, "flat");
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), self->back_button);

  self->page_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->page_stack), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->page_stack), TRUE);
  gtk_stack_set_hhomogeneous (self->page_stack, FALSE);
  gtk_stack_set_vhomogeneous (self->page_stack, FALSE);

  none = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "avatar-default-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Contact Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none),
                                   _("Choose someone from the list, or press Ctrl+N for a new contact."));
  gtk_stack_add_named (self->page_stack, none, "none");

  self->page = BZW_CONTACT_PAGE (bzw_contact_page_new (self->store));
  g_signal_connect_swapped (self->page, "open-contact", G_CALLBACK (open_contact_cb), self);
  gtk_stack_add_named (self->page_stack, GTK_WIDGET (self->page), "contact");

  selection = adw_status_page_new ();
  self->selection_page = ADW_STATUS_PAGE (selection);
  adw_status_page_set_description (self->selection_page, _("Put them into circles or take them out:"));
  self->selection_circles = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_halign (GTK_WIDGET (self->selection_circles), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (self->selection_circles), 320, -1);
  export = gtk_button_new_with_label (_("Export Selected Contacts…"));
  gtk_widget_set_tooltip_text (export, _("Write the selected contacts to a vCard file"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "win.export-selected");
  gtk_widget_set_halign (export, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (export, "pill");
  selection_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (selection_box), GTK_WIDGET (self->selection_circles));
  gtk_box_append (GTK_BOX (selection_box), export);
  adw_status_page_set_child (self->selection_page, selection_box);
  gtk_stack_add_named (self->page_stack, selection, "selection");

  gtk_stack_set_visible_child_name (self->page_stack, "none");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->page_stack));
  return box;
}

GtkWidget *
bzw_contacts_view_new (BzwStore *store)
{
  g_autoptr(BzwContactList) list = NULL;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  list = bzw_contact_list_new (store);
  return bzw_contacts_view_new_for_list (list);
}

/**
 * bzw_contacts_view_new_for_list:
 * @list: all contacts of a store, unfiltered
 *
 * The contacts screen on @list's store, its list showing @list.
 */
GtkWidget *
bzw_contacts_view_new_for_list (BzwContactList *list)
{
  BzwContactsView *self;
  GtkWidget *sidebar;
  AdwLeafletPage *page;

  g_return_val_if_fail (BZW_IS_CONTACT_LIST (list), NULL);

  self = g_object_new (BZW_TYPE_CONTACTS_VIEW, NULL);
  self->store = g_object_ref (bzw_contact_list_get_store (list));
  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->leaflet), GTK_WIDGET (self));

  self->list_view = BZW_CONTACT_LIST_VIEW (bzw_contact_list_view_new_for_list (list));
  sidebar = GTK_WIDGET (self->list_view);
  gtk_widget_set_size_request (sidebar, 300, -1);
  g_signal_connect_swapped (self->list_view, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->list_view, "contact-activated", G_CALLBACK (contact_activated_cb), self);
  adw_leaflet_append (self->leaflet, sidebar);

  page = adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_page_set_navigatable (page, FALSE);
  adw_leaflet_append (self->leaflet, build_page_pane (self));

  update_actions (self);
  return GTK_WIDGET (self);
}

void
bzw_contacts_view_new_contact (BzwContactsView *self)
{
  g_return_if_fail (BZW_IS_CONTACTS_VIEW (self));

  open_editor (self, NULL);
}

void
bzw_contacts_view_show_contact (BzwContactsView *self,
                                gint64           id)
{
  g_return_if_fail (BZW_IS_CONTACTS_VIEW (self));

  bzw_contact_list_view_select (self->list_view, id);
  show_contact (self, id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
bzw_contacts_view_focus_search (BzwContactsView *self)
{
  g_return_if_fail (BZW_IS_CONTACTS_VIEW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  bzw_contact_list_view_focus_search (self->list_view);
}

/* The contact whose page is on screen, or 0. */
gint64
bzw_contacts_view_get_shown_contact_id (BzwContactsView *self)
{
  g_return_val_if_fail (BZW_IS_CONTACTS_VIEW (self), 0);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "contact") != 0)
    return 0;
  return bzw_contact_page_get_contact_id (self->page);
}

GArray *
bzw_contacts_view_dup_shown_ids (BzwContactsView *self)
{
  g_return_val_if_fail (BZW_IS_CONTACTS_VIEW (self), NULL);

  return bzw_contact_list_view_dup_shown_ids (self->list_view);
}

/* The contacts selected in the list, in list order. */
GArray *
bzw_contacts_view_dup_selected_ids (BzwContactsView *self)
{
  g_return_val_if_fail (BZW_IS_CONTACTS_VIEW (self), NULL);

  return bzw_contact_list_view_dup_selected_ids (self->list_view);
}
