/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-journal-view"

#include "config.h"

#include "bzw-conflict-ui.h"
#include "bzw-entry-editor.h"
#include "bzw-journal-list.h"
#include "bzw-journal-row.h"
#include "bzw-journal-view.h"

#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

/* The "Journal" screen: every encounter, favour and referral, newest first
 * and grouped by month, with kind filters and a full-text search; above
 * them what the sync found changed here and on the server
 * (bzw-conflict-ui.c), read again when idle after the store's changes.
 */
struct _BzwJournalView
{
  GtkWidget           parent_instance;

  BzwStore           *store;
  BzwJournalList     *list;
  GtkSingleSelection *selection;

  GtkWidget          *box;
  GtkWidget          *conflicts_scroller;
  GtkWidget          *conflicts_clamp;
  guint               conflicts_idle;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *encounters_toggle;
  GtkToggleButton    *favours_toggle;
  GtkToggleButton    *referrals_toggle;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (BzwJournalView, bzw_journal_view, GTK_TYPE_WIDGET)

static GtkWindow *
get_window (BzwJournalView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
update_count (BzwJournalView *self)
{
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n), n);

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "no-results");
}

static void
apply_filters (BzwJournalView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  BzwJournalQuery query = {
    text[0] != '\0' ? text : NULL,
    gtk_toggle_button_get_active (self->encounters_toggle),
    gtk_toggle_button_get_active (self->favours_toggle),
    gtk_toggle_button_get_active (self->referrals_toggle),
    0,
  };

  if (self->list == NULL)
    return;

  bzw_journal_list_set_query (self->list, &query);
  update_count (self);
}

static void
open_entry (BzwJournalView *self,
            BzwJournalKind  kind,
            gint64          id)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *editor = bzw_entry_editor_new (get_window (self), self->store, kind, id, 0, &error);

  if (editor == NULL)
    {
      bzw_ui_show_error (GTK_WIDGET (self), _("The Entry Cannot Be Opened"), error);
      return;
    }

  gtk_window_present (GTK_WINDOW (editor));
}

static void
activate_cb (BzwJournalView *self,
             guint           position)
{
  g_autoptr(BzwJournalItem) item = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (item != NULL)
    open_entry (self, bzw_journal_item_get_kind (item), bzw_journal_item_get_id (item));
}

/* Moves a favour or referral on to its next state. */
static void
advance_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  bzw_ui_advance_entry (widget, BZW_JOURNAL_VIEW (widget)->store, parameter);
}

typedef struct
{
  BzwStore       *store;
  BzwJournalKind  kind;
  GObject        *entry;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->store);
  g_object_unref (undo->entry);
  g_free (undo);
}

/* Writes the deleted entry back under its uid, as a new row. */
static void
undo_delete_cb (AdwToast *toast_,
                Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_object_set (undo->entry, "id", (gint64) 0, NULL);
  if (undo->kind == BZW_JOURNAL_ENCOUNTER)
    ok = bzw_store_save_encounter (undo->store, BZW_ENCOUNTER (undo->entry), &error);
  else if (undo->kind == BZW_JOURNAL_FAVOUR)
    ok = bzw_store_save_favour (undo->store, BZW_FAVOUR (undo->entry), &error);
  else
    ok = bzw_store_save_referral (undo->store, BZW_REFERRAL (undo->entry), &error);

  if (!ok)
    g_warning ("Cannot restore a deleted entry: %s", error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BzwJournalView *self = BZW_JOURNAL_VIEW (widget);
  g_autoptr(BzwJournalItem) item = gtk_single_selection_get_selected_item (self->selection) != NULL
    ? g_object_ref (gtk_single_selection_get_selected_item (self->selection)) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) entry = NULL;
  AdwToast *undo_toast;
  Undo *undo;
  BzwJournalKind kind;
  gint64 id;

  if (item == NULL)
    return;

  kind = bzw_journal_item_get_kind (item);
  id = bzw_journal_item_get_id (item);
  if (kind == BZW_JOURNAL_ENCOUNTER)
    entry = G_OBJECT (bzw_store_dup_encounter (self->store, id, &error));
  else if (kind == BZW_JOURNAL_FAVOUR)
    entry = G_OBJECT (bzw_store_dup_favour (self->store, id, &error));
  else
    entry = G_OBJECT (bzw_store_dup_referral (self->store, id, &error));

  if (entry == NULL || !bzw_store_delete_journal_entry (self->store, kind, id, &error))
    {
      bzw_ui_show_error (GTK_WIDGET (self), _("The Entry Cannot Be Deleted"), error);
      return;
    }

  undo = g_new0 (Undo, 1);
  undo->store = g_object_ref (self->store);
  undo->kind = kind;
  undo->entry = g_steal_pointer (&entry);

  undo_toast = adw_toast_new (_("Entry deleted"));
  adw_toast_set_button_label (undo_toast, _("_Undo"));
  adw_toast_set_priority (undo_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (undo_toast, "button-clicked", G_CALLBACK (undo_delete_cb), undo, undo_free, 0);
  bzw_ui_toast (GTK_WIDGET (self), undo_toast);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, bzw_journal_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  bzw_journal_row_set_item (BZW_JOURNAL_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
list_changed_cb (BzwJournalView *self)
{
  update_count (self);
}

static GtkWidget *
toggle (BzwJournalView *self,
        const char     *label,
        const char     *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect_swapped (button, "toggled", G_CALLBACK (apply_filters), self);
  return button;
}

static gboolean
show_conflicts_cb (gpointer data)
{
  BzwJournalView *self = data;
  GtkWidget *group = bzw_conflict_ui_new_item_group (self->store, NULL);

  self->conflicts_idle = 0;
  adw_clamp_set_child (ADW_CLAMP (self->conflicts_clamp), group);
  gtk_widget_set_visible (self->conflicts_scroller, group != NULL);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (BzwJournalView *self,
                  guint           what)
{
  if (self->conflicts_idle == 0 && (what & (BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_RELATIONSHIPS |
                                            BZW_STORE_CHANGE_CONTACTS)) != 0)
    self->conflicts_idle = g_idle_add (show_conflicts_cb, self);
}

/* The timeline is read when the view is first shown, not at start-up. */
static void
bzw_journal_view_map (GtkWidget *widget)
{
  BzwJournalView *self = BZW_JOURNAL_VIEW (widget);

  GTK_WIDGET_CLASS (bzw_journal_view_parent_class)->map (widget);

  if (self->list != NULL)
    return;

  self->list = bzw_journal_list_new (self->store);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  apply_filters (self);
  show_conflicts_cb (self);
}

static void
bzw_journal_view_dispose (GObject *object)
{
  BzwJournalView *self = BZW_JOURNAL_VIEW (object);

  g_clear_handle_id (&self->conflicts_idle, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bzw_journal_view_parent_class)->dispose (object);
}

static void
bzw_journal_view_class_init (BzwJournalViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_journal_view_dispose;
  widget_class->map = bzw_journal_view_map;

  gtk_widget_class_install_action (widget_class, "journal.advance", "(ix)", advance_action);
  gtk_widget_class_install_action (widget_class, "journal.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "journal.delete", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bzw_journal_view_init (BzwJournalView *self)
{
}

GtkWidget *
bzw_journal_view_new (BzwStore *store)
{
  BzwJournalView *self = g_object_new (BZW_TYPE_JOURNAL_VIEW, NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *kinds = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->store = g_object_ref (store);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  g_object_set (bar, "margin-start", 12, "margin-end", 12, "margin-top", 6, "margin-bottom", 6, NULL);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search the journal"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the journal"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (apply_filters), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search_entry));

  gtk_widget_add_css_class (kinds, "linked");
  self->encounters_toggle = GTK_TOGGLE_BUTTON (toggle (self, _("Encounters"), _("Show encounters")));
  self->favours_toggle = GTK_TOGGLE_BUTTON (toggle (self, _("Favours"), _("Show favours")));
  self->referrals_toggle = GTK_TOGGLE_BUTTON (toggle (self, _("Referrals"), _("Show referrals")));
  gtk_box_append (GTK_BOX (kinds), GTK_WIDGET (self->encounters_toggle));
  gtk_box_append (GTK_BOX (kinds), GTK_WIDGET (self->favours_toggle));
  gtk_box_append (GTK_BOX (kinds), GTK_WIDGET (self->referrals_toggle));
  gtk_box_append (GTK_BOX (bar), kinds);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.quick-add");
  gtk_widget_set_tooltip_text (add, _("New Journal Entry (Ctrl+J)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Journal Entry"), -1);
  gtk_box_append (GTK_BOX (bar), add);
  gtk_box_append (GTK_BOX (self->box), bar);

  self->conflicts_clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (self->conflicts_clamp), 860);
  g_object_set (self->conflicts_clamp, "margin-start", 12, "margin-end", 12, "margin-bottom", 12, NULL);
  /* Many conflicts scroll; the timeline stays in sight. */
  self->conflicts_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->conflicts_scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->conflicts_scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->conflicts_scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->conflicts_scroller), self->conflicts_clamp);
  gtk_widget_set_visible (self->conflicts_scroller, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->conflicts_scroller);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journal"), -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Matches"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Try other words or show more kinds of entries."));

  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_stack), TRUE);
  gtk_stack_add_named (self->list_stack, scroller, "list");
  gtk_stack_add_named (self->list_stack, empty, "no-results");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list_stack));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  g_object_set (self->count_label, "margin-start", 12, "margin-top", 6, "margin-bottom", 6, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->count_label));

  return GTK_WIDGET (self);
}

void
bzw_journal_view_focus_search (BzwJournalView *self)
{
  g_return_if_fail (BZW_IS_JOURNAL_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
