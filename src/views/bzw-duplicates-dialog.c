/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-duplicates-dialog"

#include "config.h"

#include "bzw-duplicates-dialog.h"
#include "bzw-store-duplicates.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

/* „Doppelte Kontakte“: pairs of contacts that are likely one person, side
 * by side with the reason; the user chooses which one to keep and merges
 * them.  A toast takes the merge back.
 */

#define MAX_PAIRS 200

struct _BzwDuplicatesDialog
{
  AdwWindow        parent_instance;

  BzwStore        *store;
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *list;
  GtkLabel        *summary;
  guint            refresh_id;
};

G_DEFINE_FINAL_TYPE (BzwDuplicatesDialog, bzw_duplicates_dialog, ADW_TYPE_WINDOW)

static void refresh (BzwDuplicatesDialog *self);

static char *
describe (BzwContact *contact)
{
  GPtrArray *fields = bzw_contact_get_fields (contact);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *parts[] = { bzw_contact_get_organisation (contact), bzw_contact_get_role (contact) };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", parts[i]);

  for (guint i = 0; i < fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, i);

      if (field->kind == BZW_FIELD_EMAIL || field->kind == BZW_FIELD_PHONE)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", field->value);
    }

  if (text->len == 0)
    g_string_append (text, _("No further details"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
undo_cb (AdwToast     *toast,
         BzwMergeUndo *undo)
{
  BzwDuplicatesDialog *self = g_object_get_data (G_OBJECT (toast), "bzw-dialog");
  BzwStore *store = g_object_get_data (G_OBJECT (toast), "bzw-store");
  g_autoptr(GError) error = NULL;

  if (!bzw_store_undo_merge (store, undo, &error))
    {
      g_warning ("Cannot undo a merge: %s", error->message);
      return;
    }

  if (self != NULL)
    refresh (self);
}

static void
undo_free_notify (gpointer  data,
                  GClosure *closure)
{
  bzw_merge_undo_free (data);
}

static void
merge_clicked_cb (GtkButton           *button,
                  BzwDuplicatesDialog *self)
{
  GtkCheckButton *keep_a = g_object_get_data (G_OBJECT (button), "bzw-keep-a");
  gint64 a = *(gint64 *) g_object_get_data (G_OBJECT (button), "bzw-a");
  gint64 b = *(gint64 *) g_object_get_data (G_OBJECT (button), "bzw-b");
  gint64 keep = gtk_check_button_get_active (keep_a) ? a : b;
  gint64 other = keep == a ? b : a;
  g_autoptr(BzwContact) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  BzwMergeUndo *undo;
  AdwToast *toast;

  undo = bzw_store_merge_contacts_undoable (self->store, keep, other, &error);
  if (undo == NULL)
    {
      bzw_ui_show_error (GTK_WIDGET (self), _("The Contacts Could Not Be Merged"), error);
      return;
    }

  kept = bzw_store_dup_contact (self->store, keep, NULL);
  name = kept != NULL ? bzw_contact_dup_best_name (kept) : g_strdup ("");
  title = g_strdup_printf (_("Merged into “%s”"), name);
  toast = bzw_ui_undo_toast_new (title, G_CALLBACK (undo_cb), undo, undo_free_notify);
  g_object_set_data_full (G_OBJECT (toast), "bzw-store", g_object_ref (self->store), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "bzw-dialog", self);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  refresh (self);
}

static GtkWidget *
side_box (BzwContact     *contact,
          GtkCheckButton *group,
          GtkCheckButton **out_check)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *name = bzw_contact_dup_best_name (contact);
  g_autofree char *details = describe (contact);
  g_autofree char *keep_label = g_strdup_printf (_("Keep “%s”"), name);
  GtkWidget *check = gtk_check_button_new_with_label (name);
  GtkWidget *label = gtk_label_new (details);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (gtk_widget_get_last_child (check) != NULL ? gtk_widget_get_last_child (check) : check,
                            "heading");
  gtk_widget_set_tooltip_text (check, keep_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, keep_label, -1);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_box_append (GTK_BOX (box), check);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 28);
  gtk_box_append (GTK_BOX (box), label);

  *out_check = GTK_CHECK_BUTTON (check);
  return box;
}

static const char *
reason_text (BzwDuplicateReason reason)
{
  if ((reason & BZW_DUPLICATE_EMAIL) && (reason & BZW_DUPLICATE_NAME))
    return _("Same name and same e-mail address");
  if (reason & BZW_DUPLICATE_EMAIL)
    return _("Same e-mail address");
  return _("Same name");
}

static GtkWidget *
pair_row (BzwDuplicatesDialog    *self,
          const BzwDuplicatePair *pair,
          BzwContact             *a,
          BzwContact             *b)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *reason = gtk_label_new (reason_text (pair->reason));
  g_autofree char *name_a = bzw_contact_dup_best_name (a);
  g_autofree char *name_b = bzw_contact_dup_best_name (b);
  g_autofree char *merge_label = g_strdup_printf (_("Merge “%s” and “%s”"), name_a, name_b);
  GtkCheckButton *keep_a;
  GtkCheckButton *keep_b;
  GtkWidget *button;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_widget_set_margin_top (outer, 12);
  gtk_widget_set_margin_bottom (outer, 12);

  gtk_box_append (GTK_BOX (sides), side_box (a, NULL, &keep_a));
  gtk_box_append (GTK_BOX (sides), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (sides), side_box (b, keep_a, &keep_b));
  gtk_check_button_set_active (keep_a, TRUE);
  gtk_box_append (GTK_BOX (outer), sides);

  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_widget_set_hexpand (reason, TRUE);
  gtk_widget_add_css_class (reason, "caption");
  gtk_box_append (GTK_BOX (bottom), reason);

  button = gtk_button_new_with_mnemonic (_("_Merge"));
  gtk_widget_set_tooltip_text (button, merge_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, merge_label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "bzw-keep-a", keep_a);
  g_object_set_data_full (G_OBJECT (button), "bzw-a", g_memdup2 (&pair->a_id, sizeof (gint64)), g_free);
  g_object_set_data_full (G_OBJECT (button), "bzw-b", g_memdup2 (&pair->b_id, sizeof (gint64)), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (merge_clicked_cb), self);
  gtk_box_append (GTK_BOX (bottom), button);
  gtk_box_append (GTK_BOX (outer), bottom);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);
  return row;
}

static void
refresh (BzwDuplicatesDialog *self)
{
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  pairs = bzw_store_find_duplicates (self->store, &error);
  if (pairs == NULL)
    {
      g_warning ("Cannot look for duplicates: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  for (guint i = 0; i < pairs->len && shown < MAX_PAIRS; i++)
    {
      const BzwDuplicatePair *pair = &g_array_index (pairs, BzwDuplicatePair, i);
      g_autoptr(BzwContact) a = bzw_store_dup_contact (self->store, pair->a_id, NULL);
      g_autoptr(BzwContact) b = bzw_store_dup_contact (self->store, pair->b_id, NULL);

      if (a == NULL || b == NULL)
        continue;
      gtk_list_box_append (self->list, pair_row (self, pair, a, b));
      shown++;
    }

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u pair of contacts may be one person each. Choose whom to keep; "
                                          "the other’s details, journal entries, relationships and circles move "
                                          "to them.",
                                          "%u pairs of contacts may be one person each. Choose whom to keep; "
                                          "the other’s details, journal entries, relationships and circles move "
                                          "to them.",
                                          pairs->len),
                             pairs->len);
  gtk_label_set_label (self->summary, summary);
  gtk_stack_set_visible_child_name (self->stack, pairs->len > 0 ? "pairs" : "none");
}

static void
bzw_duplicates_dialog_dispose (GObject *object)
{
  BzwDuplicatesDialog *self = BZW_DUPLICATES_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_DUPLICATES_DIALOG);
  G_OBJECT_CLASS (bzw_duplicates_dialog_parent_class)->dispose (object);
}

static void
bzw_duplicates_dialog_class_init (BzwDuplicatesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_duplicates_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-duplicates-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwDuplicatesDialog, list);
  gtk_widget_class_bind_template_child (widget_class, BzwDuplicatesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BzwDuplicatesDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, BzwDuplicatesDialog, toast_overlay);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bzw_duplicates_dialog_init (BzwDuplicatesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bzw_duplicates_dialog_new (GtkWindow *parent,
                           BzwStore  *store)
{
  BzwDuplicatesDialog *self;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  self = g_object_new (BZW_TYPE_DUPLICATES_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  refresh (self);
  return GTK_WIDGET (self);
}
