/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-field-group"

#include "config.h"

#include "bzw-field-group.h"

#include "bzw-labels.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>
#include <string.h>

/* The labelled values of one kind in the contact editor: e-mail addresses,
 * phone numbers, postal addresses, web links, messengers, dates or related
 * persons.  Each value is a row with a choice of label and a button that
 * removes it; the add button comes after the rows, so Tab goes from the
 * last value on to it.  An address is an expander row with a field for
 * each part, in the order a German address is written.
 */
struct _BzwFieldGroup
{
  AdwPreferencesGroup  parent_instance;

  BzwFieldKind         kind;
  GtkListBox          *list;
  GtkWidget           *add_button;
  GtkLabel            *add_label;
};

G_DEFINE_FINAL_TYPE (BzwFieldGroup, bzw_field_group, ADW_TYPE_PREFERENCES_GROUP)

/* What the group says of its kind: the title of a value's field, the
 * add button, the remove button.
 */
typedef struct
{
  const char *value_title;
  const char *add_label;
  const char *remove_label;
} KindTexts;

static const KindTexts kind_texts[BZW_N_FIELD_KINDS] = {
  [BZW_FIELD_EMAIL] = { N_("E-mail address"), N_("Add E-mail Address"), N_("Remove e-mail address") },
  [BZW_FIELD_PHONE] = { N_("Phone number"), N_("Add Phone Number"), N_("Remove phone number") },
  [BZW_FIELD_ADDRESS] = { N_("Address"), N_("Add Address"), N_("Remove address") },
  [BZW_FIELD_URL] = { N_("Web address"), N_("Add Website"), N_("Remove website") },
  [BZW_FIELD_IMPP] = { N_("Messenger address"), N_("Add Messenger"), N_("Remove messenger") },
  [BZW_FIELD_DATE] = { N_("Date (e.g. 15.12.1985, or 15.12.)"), N_("Add Date"), N_("Remove date") },
  [BZW_FIELD_RELATED] = { N_("Name"), N_("Add Related Person"), N_("Remove related person") },
};

/* The parts of an address the editor shows, by their index among vCard's
 * seven ADR parts, in German order.  The post office box (0) and the
 * extended address (1) are kept as they were.
 */
static const struct
{
  guint       part;
  const char *title;
} address_parts[] = {
  { 2, N_("Street and number") },
  { 5, N_("Postcode") },
  { 3, N_("City") },
  { 4, N_("Region") },
  { 6, N_("Country") },
};

#define N_ADR_PARTS 7

/* The choice of a value's label: no label, the usual ones for the kind,
 * the value's own words, and last „Eigene Bezeichnung …“, which asks for
 * words of the user's own.
 */
typedef struct
{
  GtkDropDown   *drop;
  GtkStringList *names;
  GPtrArray     *ids;        /* of char *: NULL for no label; parallel to names */
  guint          previous;   /* the choice before „Eigene Bezeichnung …“ */
  gboolean       restoring;
} LabelChoice;

static void
label_choice_free (LabelChoice *choice)
{
  g_ptr_array_unref (choice->ids);
  g_free (choice);
}

static LabelChoice *
get_choice (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "bzw-label-choice");
}

static void
select_quietly (LabelChoice *choice,
                guint        position)
{
  choice->restoring = TRUE;
  gtk_drop_down_set_selected (choice->drop, position);
  choice->restoring = FALSE;
  choice->previous = position;
}

/* Adds @label before „Eigene Bezeichnung …“; returns its position. */
static guint
insert_label (LabelChoice *choice,
              const char  *label)
{
  guint position = choice->ids->len - 1;

  g_ptr_array_insert (choice->ids, position, g_strdup (label));
  gtk_string_list_splice (choice->names, position, 0,
                          (const char * const []) { bzw_labels_field_label (label), NULL });
  return position;
}

static void
custom_label_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          GtkDropDown      *drop)
{
  LabelChoice *choice = g_object_get_data (G_OBJECT (drop), "bzw-label-choice");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "bzw-entry");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  /* Inserting moves the selection on, which must not ask again. */
  choice->restoring = TRUE;
  if (g_str_equal (response, "apply") && text[0] != '\0')
    choice->previous = insert_label (choice, text);
  choice->restoring = FALSE;
  select_quietly (choice, choice->previous);
}

static void
custom_label_activate_cb (GtkEntry         *entry,
                          AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "apply");
}

static void
ask_custom_label (GtkDropDown *drop)
{
  GtkWidget *entry = gtk_entry_new ();
  AdwMessageDialog *dialog;

  dialog = bzw_ui_question_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (drop))),
                                _("Own Label"), _("How should this value be labelled?"),
                                "apply", _("_Apply"), ADW_RESPONSE_SUGGESTED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("e.g. Holiday home"));
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "bzw-entry", entry);
  g_signal_connect (entry, "activate", G_CALLBACK (custom_label_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (custom_label_response_cb), drop, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
label_selected_cb (GtkDropDown *drop,
                   GParamSpec  *pspec,
                   LabelChoice *choice)
{
  guint selected = gtk_drop_down_get_selected (drop);

  if (choice->restoring || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected == choice->ids->len - 1)
    ask_custom_label (drop);
  else
    choice->previous = selected;
}

/* A drop-down of labels for a value of @kind, with @label chosen. */
static GtkWidget *
label_drop_down_new (BzwFieldKind  kind,
                     const char   *label)
{
  const char * const *presets = bzw_labels_field_presets (kind);
  LabelChoice *choice = g_new0 (LabelChoice, 1);
  guint selected = 0;

  choice->names = gtk_string_list_new (NULL);
  choice->ids = g_ptr_array_new_with_free_func (g_free);
  /* Translators: the choice of a value without a label, e.g. an e-mail
   * address that is neither private nor for work.
   */
  gtk_string_list_append (choice->names, _("No label"));
  g_ptr_array_add (choice->ids, NULL);
  for (guint i = 0; presets[i] != NULL; i++)
    {
      gtk_string_list_append (choice->names, bzw_labels_field_label (presets[i]));
      g_ptr_array_add (choice->ids, g_strdup (presets[i]));
      if (label != NULL && g_ascii_strcasecmp (label, presets[i]) == 0)
        selected = i + 1;
    }
  gtk_string_list_append (choice->names, _("Own Label…"));
  g_ptr_array_add (choice->ids, NULL);
  if (label != NULL && label[0] != '\0' && selected == 0)
    selected = insert_label (choice, label);

  choice->drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (choice->names), NULL));
  gtk_drop_down_set_selected (choice->drop, selected);
  choice->previous = selected;
  gtk_widget_set_valign (GTK_WIDGET (choice->drop), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (choice->drop), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (choice->drop), _("Choose a label"));
  bzw_ui_name_drop_down (choice->drop, _("Label"));
  g_object_set_data_full (G_OBJECT (choice->drop), "bzw-label-choice", choice, (GDestroyNotify) label_choice_free);
  g_signal_connect (choice->drop, "notify::selected", G_CALLBACK (label_selected_cb), choice);
  return GTK_WIDGET (choice->drop);
}

static const char *
get_label (GtkWidget *row)
{
  LabelChoice *choice = get_choice (row);
  guint selected = gtk_drop_down_get_selected (choice->drop);

  return selected < choice->ids->len ? g_ptr_array_index (choice->ids, selected) : NULL;
}

static void
update_visibility (BzwFieldGroup *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->list), bzw_field_group_get_n_rows (self) > 0);
}

static void
remove_clicked_cb (GtkButton *button,
                   GtkWidget *row)
{
  BzwFieldGroup *self = BZW_FIELD_GROUP (gtk_widget_get_ancestor (row, BZW_TYPE_FIELD_GROUP));

  gtk_list_box_remove (self->list, row);
  update_visibility (self);
  /* The focus stays in the group instead of falling to the window. */
  gtk_widget_grab_focus (self->add_button);
}

static void
entry_row_add_suffix (gpointer   row,
                      GtkWidget *widget)
{
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), widget);
}

static void
expander_row_add_action (gpointer   row,
                         GtkWidget *widget)
{
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), widget);
}

/* Puts the label choice and the remove button at the end of @row. */
static void
add_suffixes (BzwFieldGroup *self,
              GtkWidget     *row,
              const char    *label,
              void         (*add) (gpointer row, GtkWidget *widget))
{
  GtkWidget *drop = label_drop_down_new (self->kind, label);
  GtkWidget *remove = bzw_ui_row_button ("user-trash-symbolic", _(kind_texts[self->kind].remove_label));

  g_object_set_data (G_OBJECT (row), "bzw-label-choice", get_choice (drop));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), row);
  /* An expander row puts each action before the ones it has. */
  add (row, add == expander_row_add_action ? remove : drop);
  add (row, add == expander_row_add_action ? drop : remove);
}

static void
clear_invalid_cb (GtkEditable *editable)
{
  bzw_ui_clear_invalid (GTK_WIDGET (editable));
}

static AdwEntryRow *
entry_row_new (const char *title,
               const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), TRUE);
  g_signal_connect (row, "changed", G_CALLBACK (clear_invalid_cb), NULL);
  return row;
}

static GtkWidget *
value_row_new (BzwFieldGroup *self,
               const char    *label,
               const char    *value)
{
  g_autofree char *shown = self->kind == BZW_FIELD_DATE ? bzw_ui_format_date (value) : g_strdup (value);
  AdwEntryRow *row = entry_row_new (_(kind_texts[self->kind].value_title), shown);

  switch (self->kind)
    {
    case BZW_FIELD_EMAIL:
      adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_EMAIL);
      break;
    case BZW_FIELD_PHONE:
      adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_PHONE);
      break;
    case BZW_FIELD_URL:
      adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_URL);
      break;
    case BZW_FIELD_ADDRESS:
    case BZW_FIELD_IMPP:
    case BZW_FIELD_DATE:
    case BZW_FIELD_RELATED:
    case BZW_N_FIELD_KINDS:
    default:
      break;
    }

  add_suffixes (self, GTK_WIDGET (row), label, entry_row_add_suffix);
  return GTK_WIDGET (row);
}

static char **
address_parts_of_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "bzw-address-parts");
}

static AdwEntryRow *
address_part_row (GtkWidget *row,
                  guint      i)
{
  return g_ptr_array_index ((GPtrArray *) g_object_get_data (G_OBJECT (row), "bzw-part-rows"), i);
}

/* The seven ADR parts of an address row, joined as the model keeps them. */
static char *
dup_address_value (GtkWidget *row)
{
  char **parts = address_parts_of_row (row);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;
  gboolean empty = TRUE;

  for (guint i = 0; i < N_ADR_PARTS; i++)
    {
      g_autofree char *part = g_strdup (parts[i]);

      for (guint j = 0; j < G_N_ELEMENTS (address_parts); j++)
        if (address_parts[j].part == i)
          {
            g_free (part);
            part = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (address_part_row (row, j)))));
          }
      empty = empty && part[0] == '\0';
      g_strv_builder_add (builder, part);
    }

  if (empty)
    return NULL;
  joined = g_strv_builder_end (builder);
  return g_strjoinv (BZW_ADDRESS_SEPARATOR, joined);
}

static void
update_address_title (GtkWidget *row)
{
  g_autofree char *value = dup_address_value (row);
  g_autofree char *text = value != NULL ? bzw_labels_format_address (value) : NULL;
  g_auto(GStrv) lines = text != NULL ? g_strsplit (text, "\n", -1) : NULL;
  g_autofree char *one_line = lines != NULL ? g_strjoinv (", ", lines) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), one_line != NULL ? one_line : _("New address"));
}

static GtkWidget *
address_row_new (BzwFieldGroup *self,
                 const char    *label,
                 const char    *value)
{
  GtkWidget *row = adw_expander_row_new ();
  g_auto(GStrv) split = g_strsplit (value != NULL ? value : "", BZW_ADDRESS_SEPARATOR, N_ADR_PARTS);
  char **parts = g_new0 (char *, N_ADR_PARTS + 1);
  GPtrArray *part_rows = g_ptr_array_new ();

  for (guint i = 0; i < N_ADR_PARTS; i++)
    parts[i] = g_strdup (i < g_strv_length (split) ? split[i] : "");
  g_object_set_data_full (G_OBJECT (row), "bzw-address-parts", parts, (GDestroyNotify) g_strfreev);
  g_object_set_data_full (G_OBJECT (row), "bzw-part-rows", part_rows, (GDestroyNotify) g_ptr_array_unref);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  for (guint j = 0; j < G_N_ELEMENTS (address_parts); j++)
    {
      AdwEntryRow *part = entry_row_new (_(address_parts[j].title), parts[address_parts[j].part]);

      g_signal_connect_swapped (part, "changed", G_CALLBACK (update_address_title), row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), GTK_WIDGET (part));
      g_ptr_array_add (part_rows, part);
    }

  add_suffixes (self, row, label, expander_row_add_action);
  update_address_title (row);
  return row;
}

BzwFieldKind
bzw_field_group_get_kind (BzwFieldGroup *self)
{
  g_return_val_if_fail (BZW_IS_FIELD_GROUP (self), BZW_FIELD_EMAIL);

  return self->kind;
}

/**
 * bzw_field_group_add_field:
 * @label: (nullable): its label, an id such as "work" or the user's words
 * @value: (nullable): the value as the model keeps it
 *
 * Adds a row for a value after the others.
 *
 * Returns: (transfer none): the row
 */
GtkWidget *
bzw_field_group_add_field (BzwFieldGroup *self,
                           const char    *label,
                           const char    *value)
{
  GtkWidget *row;

  g_return_val_if_fail (BZW_IS_FIELD_GROUP (self), NULL);

  if (self->kind == BZW_FIELD_ADDRESS)
    row = address_row_new (self, label, value);
  else
    row = value_row_new (self, label, value);

  gtk_list_box_append (self->list, row);
  update_visibility (self);
  return row;
}

/* Shows the values of the group's kind among @fields, in their order. */
void
bzw_field_group_set_fields (BzwFieldGroup *self,
                            GPtrArray     *fields)
{
  GtkWidget *child;

  g_return_if_fail (BZW_IS_FIELD_GROUP (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, i);

      if (field->kind == self->kind)
        {
          GtkWidget *row = bzw_field_group_add_field (self, field->label, field->value);

          /* Kept as they were: the preference, and the vCard group
           * that ties the value to properties kept in the contact's extra.
           */
          g_object_set_data (G_OBJECT (row), "bzw-pref", GINT_TO_POINTER (field->pref));
          g_object_set_data_full (G_OBJECT (row), "bzw-group", g_strdup (field->group), g_free);
        }
    }
  update_visibility (self);
}

guint
bzw_field_group_get_n_rows (BzwFieldGroup *self)
{
  guint n = 0;

  g_return_val_if_fail (BZW_IS_FIELD_GROUP (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The value of @row as the model keeps it, checked; NULL for an empty
 * row, which is left out.
 */
static char *
read_value (BzwFieldGroup  *self,
            GtkWidget      *row,
            gboolean       *ok,
            GError        **error)
{
  g_autofree char *text = NULL;

  *ok = TRUE;
  if (self->kind == BZW_FIELD_ADDRESS)
    return dup_address_value (row);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (text[0] == '\0')
    return NULL;

  switch (self->kind)
    {
    case BZW_FIELD_EMAIL:
      if (strchr (text, '@') == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not an e-mail address: the “@” is missing."), text);
          *ok = FALSE;
          return NULL;
        }
      return g_steal_pointer (&text);

    case BZW_FIELD_URL:
      /* „www.beispiel.de“ is meant as a web address. */
      if (strstr (text, ":") == NULL)
        return g_strconcat ("https://", text, NULL);
      return g_steal_pointer (&text);

    case BZW_FIELD_DATE:
      {
        char *iso = bzw_ui_parse_date (text, error);

        *ok = iso != NULL;
        return iso;
      }

    case BZW_FIELD_PHONE:
    case BZW_FIELD_ADDRESS:
    case BZW_FIELD_IMPP:
    case BZW_FIELD_RELATED:
    case BZW_N_FIELD_KINDS:
    default:
      return g_steal_pointer (&text);
    }
}

/**
 * bzw_field_group_collect:
 * @fields: (element-type BzwContactField): where the values go
 * @invalid: (out) (transfer none): the row of a value that is not valid
 *
 * Appends the values of the rows to @fields, leaving out empty rows.
 *
 * Returns: %FALSE with @error and @invalid set if a value is not valid
 */
gboolean
bzw_field_group_collect (BzwFieldGroup  *self,
                         GPtrArray      *fields,
                         GtkWidget     **invalid,
                         GError        **error)
{
  g_return_val_if_fail (BZW_IS_FIELD_GROUP (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      gboolean ok;
      g_autofree char *value = read_value (self, row, &ok, error);
      BzwContactField *field;

      if (!ok)
        {
          *invalid = row;
          return FALSE;
        }
      if (value == NULL)
        continue;

      field = bzw_contact_field_new (self->kind, get_label (row), value);
      field->pref = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "bzw-pref"));
      field->group = g_strdup (g_object_get_data (G_OBJECT (row), "bzw-group"));
      g_ptr_array_add (fields, field);
    }

  return TRUE;
}

static void
add_clicked_cb (BzwFieldGroup *self)
{
  GtkWidget *row = bzw_field_group_add_field (self, NULL, NULL);

  if (ADW_IS_EXPANDER_ROW (row))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (address_part_row (row, 0)));
    }
  else
    gtk_widget_grab_focus (row);
}

static void
bzw_field_group_class_init (BzwFieldGroupClass *klass)
{
}

/* The list of values, then the add button; its label comes with the kind. */
static void
bzw_field_group_init (BzwFieldGroup *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));

  self->add_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->add_label));
  self->add_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->add_button, 6);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->add_button);
}

/**
 * bzw_field_group_set_kind:
 *
 * Makes the group hold values of @kind: e-mail addresses, phone numbers, …
 * Set it once, before the values.
 */
void
bzw_field_group_set_kind (BzwFieldGroup *self,
                          BzwFieldKind   kind)
{
  const char *add_label;

  g_return_if_fail (BZW_IS_FIELD_GROUP (self));
  g_return_if_fail (kind < BZW_N_FIELD_KINDS);

  self->kind = kind;
  add_label = _(kind_texts[kind].add_label);
  gtk_label_set_label (self->add_label, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
}
