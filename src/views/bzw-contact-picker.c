/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-contact-picker"

#include "config.h"

#include "bzw-contact-list.h"
#include "bzw-contact-picker.h"

#include <glib/gi18n.h>

/* An entry that completes contact names as one types: the matches appear
 * below it; Down and Up move through them while the focus stays in the
 * entry, Enter picks the one the keyboard is on (or the first), Escape
 * closes them, a click picks one.  What was typed without picking is kept
 * as free text (for a person who is not a contact).
 */

#define MAX_MATCHES 6

struct _BzwContactPicker
{
  GtkWidget       parent_instance;

  BzwStore       *store;
  BzwContactList *list;
  gint64          contact_id;
  gint64          excluded_id;
  gboolean        setting_text;

  GtkWidget      *box;
  GtkWidget      *entry;
  GtkWidget      *matches;
};

G_DEFINE_FINAL_TYPE (BzwContactPicker, bzw_contact_picker, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_entry_text (BzwContactPicker *self,
                const char       *text)
{
  self->setting_text = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->setting_text = FALSE;
}

static void
clear_matches (BzwContactPicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->matches)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->matches), child);
  gtk_widget_set_visible (self->matches, FALSE);
}

static void
pick (BzwContactPicker *self,
      gint64            id)
{
  g_autoptr(BzwContact) contact = id != 0 ? bzw_store_dup_contact (self->store, id, NULL) : NULL;
  g_autofree char *name = contact != NULL ? bzw_contact_dup_best_name (contact) : NULL;

  self->contact_id = contact != NULL ? id : 0;
  if (name != NULL)
    set_entry_text (self, name);
  clear_matches (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
row_activated_cb (BzwContactPicker *self,
                  GtkListBoxRow    *row)
{
  pick (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "bzw-id")));
  gtk_widget_grab_focus (self->entry);
}

/* Shows the contacts that match the entry's text. */
static void
show_matches (BzwContactPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  guint shown = 0;

  clear_matches (self);
  if (text[0] == '\0')
    return;

  bzw_contact_list_set_text (self->list, text);
  for (guint i = 0; shown < MAX_MATCHES && i < g_list_model_get_n_items (G_LIST_MODEL (self->list)); i++)
    {
      g_autoptr(BzwContact) contact = g_list_model_get_item (G_LIST_MODEL (self->list), i);
      g_autofree char *name = bzw_contact_dup_best_name (contact);
      g_autofree char *subtitle = bzw_contact_dup_subtitle (contact);
      g_autofree char *label_text = subtitle != NULL ? g_strdup_printf ("%s — %s", name, subtitle)
                                                     : g_strdup (name);
      GtkWidget *label;
      GtkWidget *row;

      if (bzw_contact_get_id (contact) == self->excluded_id)
        continue;

      label = gtk_label_new (label_text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "bzw-id", GSIZE_TO_POINTER (bzw_contact_get_id (contact)));
      gtk_list_box_append (GTK_LIST_BOX (self->matches), row);
      shown++;
    }

  gtk_widget_set_visible (self->matches, shown > 0);
}

static void
text_changed_cb (BzwContactPicker *self)
{
  if (self->setting_text)
    return;

  self->contact_id = 0;
  clear_matches (self);
  g_signal_emit (self, signals[CHANGED], 0);
  show_matches (self);
}

/* The suggestion the keyboard is on: the selected row, else none. */
static GtkListBoxRow *
current_row (BzwContactPicker *self)
{
  if (!gtk_widget_get_visible (self->matches))
    return NULL;

  return gtk_list_box_get_selected_row (GTK_LIST_BOX (self->matches));
}

/* Moves the keyboard's suggestion by @delta rows.  The focus stays in the
 * entry, as in any completion: typing goes on, Up from the first row goes
 * back to the typed text.
 */
static void
move_selection (BzwContactPicker *self,
                int               delta)
{
  GtkListBox *box = GTK_LIST_BOX (self->matches);
  GtkListBoxRow *row = current_row (self);
  int index = row != NULL ? gtk_list_box_row_get_index (row) + delta : (delta > 0 ? 0 : -1);
  GtkListBoxRow *next = index >= 0 ? gtk_list_box_get_row_at_index (box, index) : NULL;

  if (next == NULL && index >= 0)
    return;

  if (next != NULL)
    gtk_list_box_select_row (box, next);
  else
    gtk_list_box_unselect_all (box);
}

/* Enter picks the suggestion the keyboard is on, else the first one. */
static void
entry_activate_cb (BzwContactPicker *self)
{
  GtkListBoxRow *row = current_row (self);

  if (row == NULL && gtk_widget_get_visible (self->matches))
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->matches), 0);
  if (row != NULL)
    row_activated_cb (self, row);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BzwContactPicker      *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  /* Down on typed text whose suggestions were closed opens them again. */
  if (!gtk_widget_get_visible (self->matches))
    {
      if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || self->contact_id != 0)
        return FALSE;
      show_matches (self);
      if (!gtk_widget_get_visible (self->matches))
        return FALSE;
    }

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* Handled here, not left to "activate": a dialog must not take the
       * Return as its default response while a suggestion is on offer.
       */
      entry_activate_cb (self);
      return TRUE;

    case GDK_KEY_Escape:
      clear_matches (self);
      return TRUE;

    default:
      break;
    }

  return FALSE;
}

/* Return or space on a suggestion that has the focus (reached with Tab)
 * picks it, whatever GtkListBox's own cursor knows of it.
 */
static gboolean
row_key_pressed_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    BzwContactPicker      *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (self->matches);

  if (focus == NULL || !GTK_IS_LIST_BOX_ROW (focus))
    return FALSE;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter &&
      keyval != GDK_KEY_ISO_Enter && keyval != GDK_KEY_space)
    return FALSE;

  row_activated_cb (self, GTK_LIST_BOX_ROW (focus));
  return TRUE;
}

static void
bzw_contact_picker_dispose (GObject *object)
{
  BzwContactPicker *self = BZW_CONTACT_PICKER (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bzw_contact_picker_parent_class)->dispose (object);
}

static gboolean
bzw_contact_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (BZW_CONTACT_PICKER (widget)->entry);
}

/* A row or label whose mnemonic names the picker puts the keyboard in it. */
static gboolean
bzw_contact_picker_mnemonic_activate (GtkWidget *widget,
                                      gboolean   group_cycling)
{
  return gtk_widget_grab_focus (widget);
}

static void
bzw_contact_picker_class_init (BzwContactPickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_contact_picker_dispose;
  widget_class->grab_focus = bzw_contact_picker_grab_focus;
  widget_class->mnemonic_activate = bzw_contact_picker_mnemonic_activate;

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bzw_contact_picker_init (BzwContactPicker *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *row_keys = gtk_event_controller_key_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->entry = gtk_entry_new ();
  gtk_entry_set_input_hints (GTK_ENTRY (self->entry), GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_box_append (GTK_BOX (self->box), self->entry);

  self->matches = gtk_list_box_new ();
  gtk_widget_add_css_class (self->matches, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->matches), GTK_SELECTION_SINGLE);
  gtk_widget_set_visible (self->matches, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->matches),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Matching contacts"), -1);
  gtk_box_append (GTK_BOX (self->box), self->matches);

  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->matches, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (self->entry, keys);
  g_signal_connect (row_keys, "key-pressed", G_CALLBACK (row_key_pressed_cb), self);
  gtk_event_controller_set_propagation_phase (row_keys, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (self->matches, row_keys);
}

GtkWidget *
bzw_contact_picker_new (BzwStore   *store,
                        const char *placeholder)
{
  BzwContactPicker *self = g_object_new (BZW_TYPE_CONTACT_PICKER, NULL);

  self->store = g_object_ref (store);
  self->list = bzw_contact_list_new (store);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  return GTK_WIDGET (self);
}

/* The picked contact, or 0 when the text is free. */
gint64
bzw_contact_picker_get_contact_id (BzwContactPicker *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT_PICKER (self), 0);

  return self->contact_id;
}

const char *
bzw_contact_picker_get_text (BzwContactPicker *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT_PICKER (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
bzw_contact_picker_set_contact_id (BzwContactPicker *self,
                                   gint64            id)
{
  g_return_if_fail (BZW_IS_CONTACT_PICKER (self));

  pick (self, id);
}

/* Leaves a contact out of the matches, e.g. the other side. */
void
bzw_contact_picker_exclude (BzwContactPicker *self,
                            gint64            id)
{
  g_return_if_fail (BZW_IS_CONTACT_PICKER (self));

  self->excluded_id = id;
}

/* Sets free text, e.g. a name that is not a contact, without matches. */
void
bzw_contact_picker_set_text (BzwContactPicker *self,
                             const char       *text)
{
  g_return_if_fail (BZW_IS_CONTACT_PICKER (self));

  self->contact_id = 0;
  set_entry_text (self, text != NULL ? text : "");
  clear_matches (self);
}
