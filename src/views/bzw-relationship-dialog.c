/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-relationship-dialog"

#include "config.h"

#include "bzw-relationship-dialog.h"

#include "bzw-contact-picker.h"
#include "bzw-labels.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

/* The questions that add, change and remove a relationship between two
 * contacts, as the map asks them: who (a contact picker, unless both are
 * known), the kind, the strength and, when changing, since when and a
 * note.  Every write goes through the store in one transaction and ends
 * with a toast that can take it back.
 */

#define DEFAULT_STRENGTH 3

/* What „Rückgängig“ restores: @before is the row as it was (NULL when it
 * was added, then @added_id goes again); a removed row comes back with its
 * UID.
 */
typedef struct
{
  BzwStore        *store;
  BzwRelationship *before;
  gint64           added_id;
  gboolean         removed;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_clear_object (&undo->store);
  g_clear_object (&undo->before);
  g_free (undo);
}

static void
undo_cb (AdwToast *toast,
         Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (undo->before == NULL)
    {
      ok = bzw_store_delete_relationship (undo->store, undo->added_id, &error);
    }
  else
    {
      g_autoptr(BzwRelationship) again = bzw_relationship_copy (undo->before);

      if (undo->removed)
        bzw_relationship_set_id (again, 0);
      ok = bzw_store_save_relationship (undo->store, again, &error);
    }

  if (!ok)
    g_warning ("Cannot undo a change of a relationship: %s", error->message);
}

static void
toast_undo (GtkWidget       *widget,
            BzwStore        *store,
            const char      *title,
            BzwRelationship *before,
            gint64           added_id,
            gboolean         removed)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->store = g_object_ref (store);
  undo->before = before != NULL ? bzw_relationship_copy (before) : NULL;
  undo->added_id = added_id;
  undo->removed = removed;
  bzw_ui_toast (widget, bzw_ui_undo_toast_new (title, G_CALLBACK (undo_cb), undo, undo_free));
}

static char *
dup_name (BzwStore *store,
          gint64    id)
{
  g_autoptr(BzwContact) contact = bzw_store_dup_contact (store, id, NULL);

  return contact != NULL ? bzw_contact_dup_best_name (contact) : g_strdup ("?");
}

/* The form */

static void
attach_row (GtkGrid    *grid,
            int         row,
            const char *mnemonic,
            const char *name,
            GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
}

static GtkWidget *
new_kind_drop_down (const char *kind)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *drop;
  const BzwLabel *kinds;
  guint n_kinds;
  guint selected = 0;

  kinds = bzw_labels_relationship_kinds (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      gtk_string_list_append (names, _(kinds[i].label));
      if (g_strcmp0 (kind, kinds[i].id) == 0)
        selected = i;
    }

  /* A kind of the user's own (from an import) stays one to choose. */
  if (kind != NULL && g_strcmp0 (bzw_labels_relationship_kind (kind), kind) == 0)
    {
      gtk_string_list_append (names, kind);
      selected = n_kinds;
    }

  drop = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop), selected);
  bzw_ui_name_drop_down (GTK_DROP_DOWN (drop), _("Kind of relationship"));
  return drop;
}

static const char *
selected_kind (GtkDropDown *drop,
               const char  *own_kind)
{
  const BzwLabel *kinds;
  guint n_kinds;
  guint selected = gtk_drop_down_get_selected (drop);

  kinds = bzw_labels_relationship_kinds (&n_kinds);
  if (selected < n_kinds)
    return kinds[selected].id;
  return own_kind != NULL ? own_kind : kinds[n_kinds - 1].id;
}

static GtkWidget *
new_strength_spin (int strength)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 5, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), CLAMP (strength, 1, 5));
  gtk_widget_set_tooltip_text (spin, _("1 for a loose acquaintance, 5 for a close one"));
  return spin;
}

static GtkWidget *
new_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  return grid;
}

/* What the answer of the dialog that adds or changes a relationship
 * reads: the store, the relationship as it was (when changing), the
 * fields the dialog has (the others NULL) and the two contacts (when
 * adding).  The dialog holds it.
 */
typedef struct
{
  BzwStore         *store;
  BzwRelationship  *before;
  BzwContactPicker *picker;
  GtkDropDown      *kind;
  GtkSpinButton    *strength;
  GtkEditable      *since;
  GtkEditable      *note;
  gint64            a_id;
  gint64            b_id;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->store);
  g_clear_object (&form->before);
  g_free (form);
}

static Form *
get_form (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "bzw-form");
}

/* Adding */

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 GtkWidget        *widget)
{
  Form *form = get_form (dialog);
  BzwStore *store = form->store;
  gint64 b_id = form->b_id;
  g_autoptr(BzwRelationship) rel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;

  if (form->picker != NULL)
    b_id = bzw_contact_picker_get_contact_id (form->picker);

  rel = bzw_relationship_new ();
  bzw_relationship_set_a_id (rel, form->a_id);
  bzw_relationship_set_b_id (rel, b_id);
  bzw_relationship_set_kind (rel, selected_kind (form->kind, NULL));
  bzw_relationship_set_strength (rel, gtk_spin_button_get_value_as_int (form->strength));

  if (b_id == 0 || !bzw_store_save_relationship (store, rel, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                             _("Choose the other person from your contacts."));
      bzw_ui_show_error (widget, _("The Relationship Cannot Be Added"), error);
      return;
    }

  name = dup_name (store, b_id);
  /* Translators: %s is the name of the other person. */
  title = g_strdup_printf (_("Relationship to %s added"), name);
  toast_undo (widget, store, title, NULL, bzw_relationship_get_id (rel), FALSE);
}

static void
picker_changed_cb (BzwContactPicker *picker,
                   AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "add", bzw_contact_picker_get_contact_id (picker) != 0);
}

static AdwMessageDialog *
new_dialog (GtkWidget  *widget,
            BzwStore   *store,
            const char *heading,
            const char *body,
            const char *response,
            const char *label)
{
  AdwMessageDialog *dialog = bzw_ui_question_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body,
                                                  response, label, ADW_RESPONSE_SUGGESTED);
  Form *form = g_new0 (Form, 1);

  form->store = g_object_ref (store);
  g_object_set_data_full (G_OBJECT (dialog), "bzw-form", form, (GDestroyNotify) form_free);
  return dialog;
}

/**
 * bzw_relationship_dialog_add:
 * @widget: where the toast appears; the dialog stands over its window
 * @a_id: the contact the relationship starts from
 * @b_id: the other contact, or 0 to ask for it with a contact picker
 *
 * Asks for the kind and strength of a new relationship and adds it.
 */
void
bzw_relationship_dialog_add (GtkWidget *widget,
                             BzwStore  *store,
                             gint64     a_id,
                             gint64     b_id)
{
  g_autofree char *a_name = NULL;
  g_autofree char *b_name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  Form *form;
  GtkWidget *grid = new_grid ();
  GtkWidget *picker = NULL;
  GtkWidget *kind = new_kind_drop_down (NULL);
  GtkWidget *strength = new_strength_spin (DEFAULT_STRENGTH);
  int row = 0;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (BZW_IS_STORE (store));
  g_return_if_fail (a_id > 0 && a_id != b_id);

  a_name = dup_name (store, a_id);
  if (b_id > 0)
    {
      b_name = dup_name (store, b_id);
      /* Translators: both are names of contacts. */
      body = g_strdup_printf (_("How does %s know %s?"), a_name, b_name);
    }
  else
    {
      /* Translators: %s is the name of a contact. */
      body = g_strdup_printf (_("Whom does %s know, and how?"), a_name);
    }

  dialog = new_dialog (widget, store, _("Add Relationship"), body, "add", _("_Add"));

  if (b_id <= 0)
    {
      picker = bzw_contact_picker_new (store, _("Name of the other person"));
      bzw_contact_picker_exclude (BZW_CONTACT_PICKER (picker), a_id);
      attach_row (GTK_GRID (grid), row++, _("_Person"), _("Name of the other person"), picker);
      adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
      g_signal_connect (picker, "changed", G_CALLBACK (picker_changed_cb), dialog);
    }
  attach_row (GTK_GRID (grid), row++, _("_Kind"), _("Kind of relationship"), kind);
  attach_row (GTK_GRID (grid), row++, _("S_trength (1–5)"), _("Strength (1–5)"), strength);

  adw_message_dialog_set_extra_child (dialog, grid);
  form = get_form (dialog);
  form->picker = picker != NULL ? BZW_CONTACT_PICKER (picker) : NULL;
  form->kind = GTK_DROP_DOWN (kind);
  form->strength = GTK_SPIN_BUTTON (strength);
  form->a_id = a_id;
  form->b_id = MAX (b_id, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (picker != NULL ? picker : kind);
}

/* Changing and removing */

static void
remove_relationship (GtkWidget       *widget,
                     BzwStore        *store,
                     BzwRelationship *rel)
{
  g_autoptr(GError) error = NULL;

  if (!bzw_store_delete_relationship (store, bzw_relationship_get_id (rel), &error))
    {
      bzw_ui_show_error (widget, _("The Relationship Cannot Be Removed"), error);
      return;
    }

  toast_undo (widget, store, _("Relationship removed"), rel, 0, TRUE);
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  GtkWidget        *widget)
{
  Form *form = get_form (dialog);
  BzwStore *store = form->store;
  BzwRelationship *before = form->before;
  g_autoptr(BzwRelationship) rel = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  const char *note;

  if (g_strcmp0 (response, "remove") == 0)
    {
      remove_relationship (widget, store, before);
      return;
    }
  if (g_strcmp0 (response, "save") != 0)
    return;

  iso = bzw_ui_parse_date (gtk_editable_get_text (form->since), &error);
  note = gtk_editable_get_text (form->note);
  rel = bzw_relationship_copy (before);
  bzw_relationship_set_kind (rel, selected_kind (form->kind, bzw_relationship_get_kind (before)));
  bzw_relationship_set_strength (rel, gtk_spin_button_get_value_as_int (form->strength));
  bzw_relationship_set_since (rel, iso != NULL && *iso != '\0' ? iso : NULL);
  bzw_relationship_set_note (rel, *note != '\0' ? note : NULL);

  if (iso == NULL || !bzw_store_save_relationship (store, rel, &error))
    {
      bzw_ui_show_error (widget, _("The Relationship Cannot Be Changed"), error);
      return;
    }

  toast_undo (widget, store, _("Relationship changed"), before, 0, FALSE);
}

/* „Seit“ must read as a date before the change can be saved. */
static void
since_changed_cb (GtkEditable      *since,
                  AdwMessageDialog *dialog)
{
  g_autofree char *iso = bzw_ui_parse_date (gtk_editable_get_text (since), NULL);

  adw_message_dialog_set_response_enabled (dialog, "save", iso != NULL);
  if (iso != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (since), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (since), "error");
}

/**
 * bzw_relationship_dialog_edit:
 *
 * Asks for the kind, strength, since and note of @relationship and saves
 * them, or removes it.
 */
void
bzw_relationship_dialog_edit (GtkWidget       *widget,
                              BzwStore        *store,
                              BzwRelationship *relationship)
{
  g_autofree char *a_name = NULL;
  g_autofree char *b_name = NULL;
  g_autofree char *body = NULL;
  g_autofree char *since_text = NULL;
  AdwMessageDialog *dialog;
  Form *form;
  GtkWidget *grid = new_grid ();
  GtkWidget *kind = new_kind_drop_down (bzw_relationship_get_kind (relationship));
  GtkWidget *strength = new_strength_spin (bzw_relationship_get_strength (relationship));
  GtkWidget *since = gtk_entry_new ();
  GtkWidget *note = gtk_entry_new ();

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (BZW_IS_STORE (store));
  g_return_if_fail (BZW_IS_RELATIONSHIP (relationship));

  a_name = dup_name (store, bzw_relationship_get_a_id (relationship));
  b_name = dup_name (store, bzw_relationship_get_b_id (relationship));
  /* Translators: both are names of contacts. */
  body = g_strdup_printf (_("%s and %s"), a_name, b_name);
  dialog = new_dialog (widget, store, _("Edit Relationship"), body, "save", _("_Save"));
  adw_message_dialog_add_response (dialog, "remove", _("_Remove"));
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);

  since_text = bzw_ui_format_date (bzw_relationship_get_since (relationship));
  gtk_editable_set_text (GTK_EDITABLE (since), since_text != NULL ? since_text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (since), _("DD.MM.YYYY"));
  gtk_entry_set_activates_default (GTK_ENTRY (since), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (note), bzw_relationship_get_note (relationship) != NULL
                                              ? bzw_relationship_get_note (relationship) : "");
  gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);

  attach_row (GTK_GRID (grid), 0, _("_Kind"), _("Kind of relationship"), kind);
  attach_row (GTK_GRID (grid), 1, _("S_trength (1–5)"), _("Strength (1–5)"), strength);
  attach_row (GTK_GRID (grid), 2, _("S_ince"), _("Since"), since);
  attach_row (GTK_GRID (grid), 3, _("_Note"), _("Note"), note);

  adw_message_dialog_set_extra_child (dialog, grid);
  form = get_form (dialog);
  form->before = bzw_relationship_copy (relationship);
  form->kind = GTK_DROP_DOWN (kind);
  form->strength = GTK_SPIN_BUTTON (strength);
  form->since = GTK_EDITABLE (since);
  form->note = GTK_EDITABLE (note);
  g_signal_connect (since, "changed", G_CALLBACK (since_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (strength);
}

static BzwRelationship *
find_between (BzwStore *store,
              gint64    a_id,
              gint64    b_id)
{
  g_autoptr(GPtrArray) rels = bzw_store_list_relationships (store, a_id, NULL);

  for (guint i = 0; rels != NULL && i < rels->len; i++)
    {
      BzwRelationship *rel = g_ptr_array_index (rels, i);

      if ((bzw_relationship_get_a_id (rel) == a_id && bzw_relationship_get_b_id (rel) == b_id) ||
          (bzw_relationship_get_a_id (rel) == b_id && bzw_relationship_get_b_id (rel) == a_id))
        return g_object_ref (rel);
    }

  return NULL;
}

/**
 * bzw_relationship_dialog_edit_between:
 *
 * Edits the relationship between two contacts, as a click on its line.
 *
 * Returns: whether there is one
 */
gboolean
bzw_relationship_dialog_edit_between (GtkWidget *widget,
                                      BzwStore  *store,
                                      gint64     a_id,
                                      gint64     b_id)
{
  g_autoptr(BzwRelationship) rel = NULL;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);

  rel = find_between (store, a_id, b_id);
  if (rel == NULL)
    return FALSE;

  bzw_relationship_dialog_edit (widget, store, rel);
  return TRUE;
}

/* Choosing which one */

static void
chosen_cb (GtkListBox       *list,
           GtkListBoxRow    *row,
           AdwMessageDialog *dialog)
{
  BzwStore *store = g_object_get_data (G_OBJECT (dialog), "bzw-store");
  GtkWidget *widget = g_object_get_data (G_OBJECT (dialog), "bzw-widget");
  BzwRelationship *rel = g_object_get_data (G_OBJECT (row), "bzw-relationship");

  g_autoptr(BzwRelationship) chosen = g_object_ref (rel);
  g_autoptr(BzwStore) keep_store = g_object_ref (store);
  g_autoptr(GtkWidget) keep_widget = g_object_ref (widget);

  gtk_window_destroy (GTK_WINDOW (dialog));
  bzw_relationship_dialog_edit (keep_widget, keep_store, chosen);
}

static GtkWidget *
new_choice_row (BzwStore        *store,
                gint64           contact_id,
                BzwRelationship *rel)
{
  gint64 other = bzw_relationship_get_a_id (rel) == contact_id ? bzw_relationship_get_b_id (rel)
                                                               : bzw_relationship_get_a_id (rel);
  g_autofree char *name = dup_name (store, other);
  g_autofree char *subtitle = bzw_labels_relationship_subtitle (bzw_relationship_get_kind (rel),
                                                                bzw_relationship_get_a_id (rel) == contact_id,
                                                                name,
                                                                bzw_relationship_get_strength (rel),
                                                                bzw_relationship_get_since (rel));
  g_autofree char *text = g_strdup_printf ("%s — %s", name, subtitle);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_set_data_full (G_OBJECT (row), "bzw-relationship", g_object_ref (rel), g_object_unref);
  return row;
}

/**
 * bzw_relationship_dialog_choose:
 *
 * „Beziehungen bearbeiten …“ of a contact: the one relationship goes
 * straight to its editor, of several the user chooses one first.
 */
void
bzw_relationship_dialog_choose (GtkWidget *widget,
                                BzwStore  *store,
                                gint64     contact_id)
{
  g_autoptr(GPtrArray) rels = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (BZW_IS_STORE (store));

  rels = bzw_store_list_relationships (store, contact_id, NULL);
  if (rels == NULL || rels->len == 0)
    return;
  if (rels->len == 1)
    {
      bzw_relationship_dialog_edit (widget, store, g_ptr_array_index (rels, 0));
      return;
    }

  name = dup_name (store, contact_id);
  /* Translators: %s is the name of a contact. */
  body = g_strdup_printf (_("Which relationship of %s?"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Edit Relationships"), body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");

  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationships"), -1);
  for (guint i = 0; i < rels->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), new_choice_row (store, contact_id, g_ptr_array_index (rels, i)));

  adw_message_dialog_set_extra_child (dialog, list);
  g_object_set_data_full (G_OBJECT (dialog), "bzw-store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "bzw-widget", g_object_ref (widget), g_object_unref);
  g_signal_connect (list, "row-activated", G_CALLBACK (chosen_cb), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)));
}
