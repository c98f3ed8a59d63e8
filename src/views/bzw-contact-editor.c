/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-contact-editor"

#include "config.h"

#include "bzw-contact-editor.h"
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
  GPtrArray          *email_rows;
  GPtrArray          *phone_rows;
  GPtrArray          *circle_switches;

  AdwEntryRow        *additional_row;
  AdwEntryRow        *birthday_row;
  GtkListBox         *circles_box;
  AdwPreferencesGroup *circles_group;
  AdwEntryRow        *display_row;
  AdwPreferencesGroup *emails_group;
  GtkLabel           *error_label;
  AdwEntryRow        *family_row;
  AdwEntryRow        *given_row;
  GtkSpinButton      *ideal_spin;
  GtkSpinButton      *latest_spin;
  AdwEntryRow        *met_how_row;
  GtkSwitch          *met_in_person_switch;
  AdwEntryRow        *met_on_row;
  AdwEntryRow        *nickname_row;
  GtkTextView        *notes_view;
  AdwEntryRow        *offers_row;
  AdwEntryRow        *organisation_row;
  AdwPreferencesGroup *phones_group;
  AdwPreferencesPage *page;
  AdwEntryRow        *role_row;
  GtkButton          *save_button;
  AdwEntryRow        *seeks_row;
  AdwComboRow        *trust_row;
  AdwEntryRow        *trust_for_row;
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

static void
clear_error (GtkEditable *editable)
{
  bzw_ui_clear_invalid (GTK_WIDGET (editable));
}

static void
remove_value_row_cb (GtkButton *button,
                     gpointer   user_data)
{
  BzwContactEditor *self = user_data;
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);
  AdwPreferencesGroup *group;

  if (row == NULL)
    return;

  if (g_ptr_array_remove (self->email_rows, row))
    group = self->emails_group;
  else if (g_ptr_array_remove (self->phone_rows, row))
    group = self->phones_group;
  else
    return;

  adw_preferences_group_remove (group, row);
}

/* An entry row for one e-mail address or phone number, with a field for
 * its label (e.g. "Arbeit") kept as data.
 */
static AdwEntryRow *
add_value_row (BzwContactEditor *self,
               BzwFieldKind      kind,
               const char       *value,
               const char       *label)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());
  const char *title = kind == BZW_FIELD_EMAIL ? _("E-mail address") : _("Phone number");
  const char *remove_label = kind == BZW_FIELD_EMAIL ? _("Remove e-mail address") : _("Remove phone number");
  GtkWidget *remove = bzw_ui_row_button ("user-trash-symbolic", remove_label);
  g_autofree char *full_title = label != NULL ? g_strdup_printf ("%s (%s)", title, label) : g_strdup (title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), full_title);
  set_entry (row, value);
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), TRUE);
  if (kind == BZW_FIELD_EMAIL)
    adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_EMAIL);
  else
    adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_PHONE);
  g_object_set_data_full (G_OBJECT (row), "bzw-label", g_strdup (label), g_free);
  g_signal_connect (row, "changed", G_CALLBACK (clear_error), NULL);

  g_signal_connect (remove, "clicked", G_CALLBACK (remove_value_row_cb), self);
  adw_entry_row_add_suffix (row, remove);

  if (kind == BZW_FIELD_EMAIL)
    {
      g_ptr_array_add (self->email_rows, row);
      adw_preferences_group_add (self->emails_group, GTK_WIDGET (row));
    }
  else
    {
      g_ptr_array_add (self->phone_rows, row);
      adw_preferences_group_add (self->phones_group, GTK_WIDGET (row));
    }

  return row;
}

static void
add_email_cb (BzwContactEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (add_value_row (self, BZW_FIELD_EMAIL, NULL, NULL)));
}

static void
add_phone_cb (BzwContactEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (add_value_row (self, BZW_FIELD_PHONE, NULL, NULL)));
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

static gboolean
read_values (BzwContactEditor *self,
             BzwContact       *contact,
             GPtrArray        *rows,
             BzwFieldKind      kind)
{
  for (guint i = 0; i < rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (rows, i);
      g_autofree char *value = g_strstrip (g_strdup (get_entry (row)));
      BzwContactField *field;

      if (value[0] == '\0')
        continue;

      if (kind == BZW_FIELD_EMAIL && strchr (value, '@') == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not an e-mail address: the “@” is missing."),
                                                      value);

          show_error (self, GTK_WIDGET (row), message);
          return FALSE;
        }

      bzw_contact_add_field (contact, kind, g_object_get_data (G_OBJECT (row), "bzw-label"), value);
      field = g_ptr_array_index (bzw_contact_get_fields (contact), bzw_contact_get_fields (contact)->len - 1);
      field->pref = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "bzw-pref"));
      field->group = g_strdup (g_object_get_data (G_OBJECT (row), "bzw-group"));
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

static void
save_cb (BzwContactEditor *self)
{
  g_autoptr(BzwContact) contact = bzw_contact_copy (self->contact);
  g_autoptr(GArray) circles = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) bzw_contact_field_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *birthday = NULL;
  g_autofree char *met_on = NULL;
  g_autofree char *notes = NULL;
  GPtrArray *fields = bzw_contact_get_fields (contact);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  bzw_contact_set_given_name (contact, get_entry (self->given_row));
  bzw_contact_set_additional_names (contact, get_entry (self->additional_row));
  bzw_contact_set_family_name (contact, get_entry (self->family_row));
  bzw_contact_set_nickname (contact, get_entry (self->nickname_row));
  bzw_contact_set_organisation (contact, get_entry (self->organisation_row));
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

  /* Fields this dialog does not edit stay as they are. */
  for (guint i = 0; i < fields->len; i++)
    {
      BzwContactField *field = g_ptr_array_index (fields, i);

      if (field->kind != BZW_FIELD_EMAIL && field->kind != BZW_FIELD_PHONE)
        g_ptr_array_add (kept, bzw_contact_field_copy (field));
    }
  bzw_contact_clear_fields (contact);
  if (!read_values (self, contact, self->email_rows, BZW_FIELD_EMAIL) ||
      !read_values (self, contact, self->phone_rows, BZW_FIELD_PHONE))
    return;
  for (guint i = 0; i < kept->len; i++)
    g_ptr_array_add (fields, bzw_contact_field_copy (g_ptr_array_index (kept, i)));

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

  if (!bzw_store_save_contact (self->store, contact, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, bzw_contact_get_id (contact));
  gtk_window_destroy (GTK_WINDOW (self));
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

  set_entry (self->given_row, bzw_contact_get_given_name (c));
  set_entry (self->additional_row, bzw_contact_get_additional_names (c));
  set_entry (self->family_row, bzw_contact_get_family_name (c));
  set_entry (self->nickname_row, bzw_contact_get_nickname (c));
  set_entry (self->organisation_row, bzw_contact_get_organisation (c));
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

  for (guint i = 0; i < fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, i);

      if (field->kind == BZW_FIELD_EMAIL || field->kind == BZW_FIELD_PHONE)
        {
          AdwEntryRow *row = add_value_row (self, field->kind, field->value, field->label);

          /* Kept for saving: the preference and Apple's group of the value. */
          g_object_set_data (G_OBJECT (row), "bzw-pref", GINT_TO_POINTER (field->pref));
          g_object_set_data_full (G_OBJECT (row), "bzw-group", g_strdup (field->group), g_free);
        }
    }

  /* A new contact starts with one empty row of each. */
  if (self->email_rows->len == 0)
    add_value_row (self, BZW_FIELD_EMAIL, NULL, NULL);
  if (self->phone_rows->len == 0)
    add_value_row (self, BZW_FIELD_PHONE, NULL, NULL);

  fill_circles (self);
}

static void
bzw_contact_editor_dispose (GObject *object)
{
  BzwContactEditor *self = BZW_CONTACT_EDITOR (object);

  g_clear_pointer (&self->email_rows, g_ptr_array_unref);
  g_clear_pointer (&self->phone_rows, g_ptr_array_unref);
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-contact-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, additional_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, birthday_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, circles_box);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, circles_group);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, display_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, emails_group);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, family_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, given_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, ideal_spin);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, latest_spin);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, met_how_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, met_in_person_switch);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, met_on_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, nickname_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, offers_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, page);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, phones_group);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, seeks_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, trust_for_row);
  gtk_widget_class_bind_template_child (widget_class, BzwContactEditor, trust_row);
  gtk_widget_class_bind_template_callback (widget_class, add_email_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_phone_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_error);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, bzw_ui_close_window_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
}

static void
bzw_contact_editor_init (BzwContactEditor *self)
{
  g_autoptr(GtkStringList) trust = gtk_string_list_new (NULL);

  self->email_rows = g_ptr_array_new ();
  self->phone_rows = g_ptr_array_new ();
  self->circle_switches = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

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
  gtk_window_set_title (GTK_WINDOW (self), contact != NULL ? _("Edit Contact") : _("New Contact"));
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->given_row));
  return GTK_WIDGET (self);
}
