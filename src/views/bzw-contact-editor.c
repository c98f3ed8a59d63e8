/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-contact-editor"

#include "config.h"

#include "bzw-contact-editor.h"
#include "bzw-contact-picker.h"
#include "bzw-field-group.h"
#include "bzw-photo.h"
#include "bzw-labels.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>
#include <string.h>

/* Creates or edits a contact.  Nothing is saved until every field is
 * valid; a field that is not is marked and explained in German.
 */
struct _BzwContactEditor
{
  AdwWindow           parent_instance;

  BzwStore           *store;
  BzwContact         *contact;
  GPtrArray          *circle_switches;

  AdwEntryRow        *additional_row;
  BzwFieldGroup      *addresses_group;
  AdwAvatar          *avatar;
  AdwEntryRow        *birthday_row;
  GtkListBox         *circles_box;
  AdwPreferencesGroup *circles_group;
  BzwFieldGroup      *dates_group;
  AdwEntryRow        *department_row;
  AdwEntryRow        *display_row;
  BzwFieldGroup      *emails_group;
  GtkLabel           *error_label;
  AdwEntryRow        *family_row;
  AdwEntryRow        *given_row;
  GtkSpinButton      *ideal_spin;
  BzwFieldGroup      *impp_group;
  GtkSpinButton      *latest_spin;
  AdwEntryRow        *met_how_row;
  GtkSwitch          *met_in_person_switch;
  BzwContactPicker   *met_via_picker;
  AdwActionRow       *met_via_row;
  AdwEntryRow        *met_on_row;
  AdwEntryRow        *nickname_row;
  GtkTextView        *notes_view;
  AdwEntryRow        *offers_row;
  AdwEntryRow        *organisation_row;
  AdwPreferencesPage *page;
  BzwFieldGroup      *phones_group;
  AdwEntryRow        *prefix_row;
  BzwFieldGroup      *related_group;
  GtkButton          *remove_photo_button;
  AdwEntryRow        *role_row;
  GtkButton          *save_button;
  AdwEntryRow        *seeks_row;
  AdwEntryRow        *suffix_row;
  AdwComboRow        *trust_row;
  AdwEntryRow        *trust_for_row;
  BzwFieldGroup      *urls_group;
};

G_DEFINE_FINAL_TYPE (BzwContactEditor, bzw_contact_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static const char *
get_entry (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The avatar shows the name as it is typed. */
static void
update_avatar (BzwContactEditor *self)
{
  g_autoptr(GdkPaintable) photo = bzw_ui_dup_photo_paintable (self->contact);
  g_autofree char *name = g_strjoin (" ", get_entry (self->given_row), get_entry (self->family_row), NULL);

  /* Initials of given and family name, never of a title. */
  g_strstrip (name);
  adw_avatar_set_text (self->avatar, name[0] != '\0' ? name : get_entry (self->organisation_row));
  adw_avatar_set_custom_image (self->avatar, photo);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_photo_button), photo != NULL);
}

static void
clear_error (GtkEditable      *editable,
             BzwContactEditor *self)
{
  bzw_ui_clear_invalid (GTK_WIDGET (editable));
  update_avatar (self);
}

static void
show_error (BzwContactEditor *self,
            GtkWidget        *field,
            const char       *message)
{
  bzw_ui_show_invalid (self->error_label, field, message);
}

static gboolean
read_date (BzwContactEditor  *self,
           AdwEntryRow       *row,
           char             **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = bzw_ui_parse_date (get_entry (row), &error);

  if (iso == NULL)
    {
      show_error (self, GTK_WIDGET (row), error->message);
      return FALSE;
    }

  *out = g_steal_pointer (&iso);
  return TRUE;
}

/* Every labelled value of the editor, in the order of its groups. */
static gboolean
read_fields (BzwContactEditor *self,
             BzwContact       *contact)
{
  BzwFieldGroup *groups[] = {
    self->emails_group, self->phones_group, self->addresses_group, self->urls_group,
    self->impp_group, self->dates_group, self->related_group,
  };
  GPtrArray *fields = bzw_contact_get_fields (contact);

  bzw_contact_clear_fields (contact);
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *invalid = NULL;

      if (!bzw_field_group_collect (groups[i], fields, &invalid, &error))
        {
          show_error (self, invalid, error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
get_notes (BzwContactEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
save_with_introducer (BzwContactEditor  *self,
                      BzwContact        *contact,
                      GError           **error)
{
  gint64 introducer = bzw_contact_picker_get_contact_id (self->met_via_picker);
  gboolean ok;

  if (!bzw_store_begin (self->store, error))
    return FALSE;

  ok = bzw_store_save_contact (self->store, contact, error) &&
       bzw_store_set_introducer (self->store, bzw_contact_get_id (contact), introducer, error);

  return bzw_store_finish (self->store, ok, ok ? error : NULL) && ok;
}

static void
save_cb (BzwContactEditor *self)
{
  g_autoptr(BzwContact) contact = bzw_contact_copy (self->contact);
  g_autoptr(GArray) circles = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *birthday = NULL;
  g_autofree char *met_on = NULL;
  g_autofree char *notes = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  bzw_contact_set_prefix (contact, get_entry (self->prefix_row));
  bzw_contact_set_given_name (contact, get_entry (self->given_row));
  bzw_contact_set_additional_names (contact, get_entry (self->additional_row));
  bzw_contact_set_family_name (contact, get_entry (self->family_row));
  bzw_contact_set_suffix (contact, get_entry (self->suffix_row));
  bzw_contact_set_nickname (contact, get_entry (self->nickname_row));
  bzw_contact_set_organisation (contact, get_entry (self->organisation_row));
  bzw_contact_set_department (contact, get_entry (self->department_row));
  bzw_contact_set_role (contact, get_entry (self->role_row));

  /* Without a display name of its own, the name follows its parts. */
  bzw_contact_set_display_name (contact, get_entry (self->display_row));
  if (bzw_contact_get_display_name (contact) == NULL)
    {
      g_autofree char *name = NULL;

      bzw_contact_set_display_name (contact, NULL);
      name = bzw_contact_dup_best_name (contact);
      bzw_contact_set_display_name (contact, name);
    }

  if (!read_fields (self, contact))
    return;

  if (!read_date (self, self->birthday_row, &birthday) || !read_date (self, self->met_on_row, &met_on))
    return;
  bzw_contact_set_birthday (contact, birthday);
  bzw_contact_set_met_on (contact, met_on);
  bzw_contact_set_met_how (contact, get_entry (self->met_how_row));
  bzw_contact_set_met_in_person (contact, gtk_switch_get_active (self->met_in_person_switch));
  bzw_contact_set_offers (contact, get_entry (self->offers_row));
  bzw_contact_set_seeks (contact, get_entry (self->seeks_row));
  bzw_contact_set_trust (contact, adw_combo_row_get_selected (self->trust_row));
  bzw_contact_set_trust_for (contact, get_entry (self->trust_for_row));
  bzw_contact_set_interval_ideal (contact, gtk_spin_button_get_value_as_int (self->ideal_spin));
  bzw_contact_set_interval_max (contact, gtk_spin_button_get_value_as_int (self->latest_spin));
  notes = get_notes (self);
  bzw_contact_set_notes (contact, g_strstrip (notes));

  for (guint i = 0; i < self->circle_switches->len; i++)
    {
      GtkSwitch *toggle = g_ptr_array_index (self->circle_switches, i);
      gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (toggle), "bzw-id");

      if (gtk_switch_get_active (toggle))
        g_array_append_val (circles, id);
    }
  bzw_contact_set_circle_ids (contact, circles);

  /* The contact and through whom I met it: one transaction. */
  if (!save_with_introducer (self, contact, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, bzw_contact_get_id (contact));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A photo file is read up to this size; it is kept much smaller. */
#define PHOTO_FILE_MAX (20 * 1024 * 1024)

static void
photo_chosen_cb (GtkNativeDialog  *native,
                 int               response,
                 BzwContactEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bounded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL)
    return;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }
  if (length > PHOTO_FILE_MAX)
    {
      show_error (self, NULL, _("The picture is too large. Please choose a file of at most 20 MB."));
      return;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  bounded = bzw_photo_bound (bytes, &error);
  if (bounded == NULL)
    {
      show_error (self, NULL, error->message);
      return;
    }

  bzw_contact_set_photo (self->contact, bounded);
  bzw_contact_set_photo_uri (self->contact, NULL);
  update_avatar (self);
}

static void
choose_photo_cb (BzwContactEditor *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose Photo"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (photo_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
remove_photo_cb (BzwContactEditor *self)
{
  bzw_contact_set_photo (self->contact, NULL);
  bzw_contact_set_photo_uri (self->contact, NULL);
  update_avatar (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->page));
}

static void
cancel_cb (BzwContactEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
save_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  save_cb (BZW_CONTACT_EDITOR (widget));
  return TRUE;
}

static void
fill_circles (BzwContactEditor *self)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (self->store, NULL);

  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);
      const char *name = bzw_circle_get_name (circle);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      gint64 *id = g_new (gint64, 1);

      /* A switch per circle: unlike a check button in GTK 4.8 it can be
       * toggled by assistive technology too.  The row names it.
       */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);

      *id = bzw_circle_get_id (circle);
      g_object_set_data_full (G_OBJECT (toggle), "bzw-id", id, g_free);
      gtk_switch_set_active (GTK_SWITCH (toggle), bzw_contact_has_circle (self->contact, *id));
      gtk_list_box_append (self->circles_box, row);
      g_ptr_array_add (self->circle_switches, toggle);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->circles_group), self->circle_switches->len > 0);
}

static void
fill (BzwContactEditor *self)
{
  BzwContact *c = self->contact;
  GPtrArray *fields = bzw_contact_get_fields (c);
  g_autofree char *birthday = bzw_ui_format_date (bzw_contact_get_birthday (c));
  g_autofree char *met_on = bzw_ui_format_date (bzw_contact_get_met_on (c));
  g_autofree char *name_from_parts = NULL;
  g_autoptr(BzwContact) parts_only = bzw_contact_copy (c);

  /* Show the display name only when it differs from the name parts. */
  bzw_contact_set_display_name (parts_only, NULL);
  name_from_parts = bzw_contact_dup_best_name (parts_only);
  if (g_strcmp0 (name_from_parts, bzw_contact_get_display_name (c)) != 0)
    set_entry (self->display_row, bzw_contact_get_display_name (c));

  set_entry (self->prefix_row, bzw_contact_get_prefix (c));
  set_entry (self->given_row, bzw_contact_get_given_name (c));
  set_entry (self->additional_row, bzw_contact_get_additional_names (c));
  set_entry (self->family_row, bzw_contact_get_family_name (c));
  set_entry (self->suffix_row, bzw_contact_get_suffix (c));
  set_entry (self->nickname_row, bzw_contact_get_nickname (c));
  set_entry (self->organisation_row, bzw_contact_get_organisation (c));
  set_entry (self->department_row, bzw_contact_get_department (c));
  set_entry (self->role_row, bzw_contact_get_role (c));
  set_entry (self->birthday_row, birthday);
  set_entry (self->met_how_row, bzw_contact_get_met_how (c));
  set_entry (self->met_on_row, met_on);
  gtk_switch_set_active (self->met_in_person_switch, bzw_contact_get_met_in_person (c));
  set_entry (self->offers_row, bzw_contact_get_offers (c));
  set_entry (self->seeks_row, bzw_contact_get_seeks (c));
  adw_combo_row_set_selected (self->trust_row, bzw_contact_get_trust (c));
  set_entry (self->trust_for_row, bzw_contact_get_trust_for (c));
  gtk_spin_button_set_value (self->ideal_spin, bzw_contact_get_interval_ideal (c));
  gtk_spin_button_set_value (self->latest_spin, bzw_contact_get_interval_max (c));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            bzw_contact_get_notes (c) != NULL ? bzw_contact_get_notes (c) : "", -1);

  bzw_field_group_set_fields (self->emails_group, fields);
  bzw_field_group_set_fields (self->phones_group, fields);
  bzw_field_group_set_fields (self->addresses_group, fields);
  bzw_field_group_set_fields (self->urls_group, fields);
  bzw_field_group_set_fields (self->impp_group, fields);
  bzw_field_group_set_fields (self->dates_group, fields);
  bzw_field_group_set_fields (self->related_group, fields);

  /* A new contact starts with an empty e-mail address and phone number. */
  if (bzw_field_group_get_n_rows (self->emails_group) == 0)
    bzw_field_group_add_field (self->emails_group, NULL, NULL);
  if (bzw_field_group_get_n_rows (self->phones_group) == 0)
    bzw_field_group_add_field (self->phones_group, NULL, NULL);

  update_avatar (self);
  fill_circles (self);
}

static void
bzw_contact_editor_dispose (GObject *object)
{
  BzwContactEditor *self = BZW_CONTACT_EDITOR (object);

  g_clear_pointer (&self->circle_switches, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_CONTACT_EDITOR);
  g_clear_object (&self->contact);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bzw_contact_editor_parent_class)->dispose (object);
}

static void
bzw_contact_editor_class_init (BzwContactEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_contact_editor_dispose;

  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (BZW_TYPE_FIELD_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-contact-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, additional_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, addresses_group);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, avatar);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, birthday_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, circles_box);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, circles_group);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, dates_group);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, department_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, display_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, emails_group);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, family_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, given_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, ideal_spin);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, impp_group);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, latest_spin);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, met_how_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, met_in_person_switch);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, met_on_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, met_via_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, nickname_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, offers_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, page);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, phones_group);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, related_group);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, remove_photo_button);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, seeks_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, suffix_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, trust_for_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, trust_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, urls_group);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_photo_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_error);
  gtk_widget_class_bind_template_callback (widget_class, remove_photo_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, bzw_ui_close_window_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
}

static void
bzw_contact_editor_init (BzwContactEditor *self)
{
  g_autoptr(GtkStringList) trust = gtk_string_list_new (NULL);

  self->circle_switches = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  bzw_field_group_set_kind (self->emails_group, BZW_FIELD_EMAIL);
  bzw_field_group_set_kind (self->phones_group, BZW_FIELD_PHONE);
  bzw_field_group_set_kind (self->addresses_group, BZW_FIELD_ADDRESS);
  bzw_field_group_set_kind (self->urls_group, BZW_FIELD_URL);
  bzw_field_group_set_kind (self->impp_group, BZW_FIELD_IMPP);
  bzw_field_group_set_kind (self->dates_group, BZW_FIELD_DATE);
  bzw_field_group_set_kind (self->related_group, BZW_FIELD_RELATED);

  for (BzwTrust t = BZW_TRUST_UNKNOWN; t <= BZW_TRUST_YES; t++)
    gtk_string_list_append (trust, bzw_labels_trust (t));
  adw_combo_row_set_model (self->trust_row, G_LIST_MODEL (trust));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

/**
 * bzw_contact_editor_new:
 * @contact: (nullable): the contact to edit, or %NULL for a new one
 */
GtkWidget *
bzw_contact_editor_new (GtkWindow  *parent,
                        BzwStore   *store,
                        BzwContact *contact)
{
  BzwContactEditor *self = g_object_new (BZW_TYPE_CONTACT_EDITOR,
                                         "transient-for", parent,
                                         "modal", TRUE,
                                         NULL);

  self->store = g_object_ref (store);
  self->contact = contact != NULL ? bzw_contact_copy (contact) : bzw_contact_new ();

  /* „Kennengelernt über …“: a contact, not free text. */
  self->met_via_picker = BZW_CONTACT_PICKER (bzw_contact_picker_new (store, _("Met through")));
  gtk_widget_set_valign (GTK_WIDGET (self->met_via_picker), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->met_via_picker), TRUE);
  adw_action_row_add_suffix (self->met_via_row, GTK_WIDGET (self->met_via_picker));
  /* Alt+Ü puts the keyboard in the picker. */
  adw_action_row_set_activatable_widget (self->met_via_row, GTK_WIDGET (self->met_via_picker));
  if (contact != NULL)
    {
      gint64 introducer = bzw_store_get_introducer (store, bzw_contact_get_id (contact));

      bzw_contact_picker_exclude (self->met_via_picker, bzw_contact_get_id (contact));
      if (introducer > 0)
        bzw_contact_picker_set_contact_id (self->met_via_picker, introducer);
    }
  gtk_window_set_title (GTK_WINDOW (self), contact != NULL ? _("Edit Contact") : _("New Contact"));
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->given_row));
  return GTK_WIDGET (self);
}
