/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-contact-picker"

#include "config.h"

#include "bzw-contact-list.h"
#include "bzw-contact-picker.h"

#include <glib/gi18n.h>

/* An entry that completes contact names as one types: the matches appear
 * below it, Down and Enter or a click picks one.  What was typed without
 * picking is kept as free text (for a person who is not a contact).
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

static void
text_changed_cb (BzwContactPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  guint shown = 0;

  if (self->setting_text)
    return;

  self->contact_id = 0;
  clear_matches (self);
  g_signal_emit (self, signals[CHANGED], 0);

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

/* Enter picks the first match. */
static void
entry_activate_cb (BzwContactPicker *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->matches), 0);

  if (first != NULL && gtk_widget_get_visible (self->matches))
    row_activated_cb (self, first);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BzwContactPicker      *self)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down || !gtk_widget_get_visible (self->matches))
    return FALSE;

  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->matches), 0);
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
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

static void
bzw_contact_picker_class_init (BzwContactPickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_contact_picker_dispose;
  widget_class->grab_focus = bzw_contact_picker_grab_focus;

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

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->entry = gtk_entry_new ();
  gtk_entry_set_input_hints (GTK_ENTRY (self->entry), GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_box_append (GTK_BOX (self->box), self->entry);

  self->matches = gtk_list_box_new ();
  gtk_widget_add_css_class (self->matches, "boxed-list");
  gtk_widget_set_visible (self->matches, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->matches),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Matching contacts"), -1);
  gtk_box_append (GTK_BOX (self->box), self->matches);

  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->matches, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, keys);
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
