/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-conflict-ui"

#include "config.h"

#include "bzw-conflict-ui.h"

#include "bzw-sync-conflicts.h"
#include "bzw-sync-item-conflicts.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

/* The contact page's conflicts from the sync (sync/bzw-sync-conflicts.c):
 * a group at the top, one row „Konflikt: E-Mail“ per property with the
 * value here and the server's, and a button to keep either.  Settling
 * writes one transaction and offers „Rückgängig“; the page reads the
 * contact again after the store's change, and the row is gone.  The
 * journal shows the conflicts of its entries, relationships and talking
 * points (sync/bzw-sync-item-conflicts.c) the same way, one row per entry
 * and property, and the contact page those of them that concern its
 * contact, in a second group.
 */

static void
undo_cb (AdwToast *toast,
         gpointer  user_data)
{
  BzwStore *store = g_object_get_data (G_OBJECT (toast), "bzw-store");
  BzwContact *before = g_object_get_data (G_OBJECT (toast), "bzw-before");
  g_autoptr(GError) error = NULL;

  if (!bzw_store_save_contact (store, before, &error))
    g_warning ("Cannot undo the settled conflict: %s", error->message);
}

static void
item_undo_cb (AdwToast *toast,
              gpointer  user_data)
{
  BzwStore *store = g_object_get_data (G_OBJECT (toast), "bzw-store");
  BzwSyncItemSettled *before = g_object_get_data (G_OBJECT (toast), "bzw-before");
  g_autoptr(GError) error = NULL;

  if (!bzw_sync_item_conflict_undo (store, before, &error))
    g_warning ("Cannot undo the settled conflict: %s", error->message);
}

/* Says on @overlay (nullable) that a conflict was settled, with an undo
 * that puts @before back, or, @before %NULL, what went wrong.
 */
static void
toast_settled (GtkWidget      *overlay,
               BzwStore       *store,
               gpointer        before,
               GDestroyNotify  before_free,
               GCallback       undo,
               const GError   *error)
{
  AdwToast *toast;

  if (before == NULL)
    toast = adw_toast_new (error->message);
  else
    {
      toast = bzw_ui_undo_toast_new (_("Conflict settled"), undo, NULL, NULL);
      g_object_set_data_full (G_OBJECT (toast), "bzw-store", g_object_ref (store), g_object_unref);
      g_object_set_data_full (G_OBJECT (toast), "bzw-before", before, before_free);
    }

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
settle_clicked_cb (GtkButton *button,
                   BzwStore  *store)
{
  const char *property = g_object_get_data (G_OBJECT (button), "bzw-property");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bzw-contact"));
  gboolean keep_remote = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "bzw-remote"));
  GtkWidget *ancestor = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GtkWidget) overlay = ancestor != NULL ? g_object_ref (ancestor) : NULL;
  g_autoptr(GError) error = NULL;
  BzwContact *before;

  /* The page is rebuilt by the save; the overlay is held for the toast. */
  before = bzw_sync_conflict_settle (store, id, property, keep_remote, &error);
  toast_settled (overlay, store, before, g_object_unref, G_CALLBACK (undo_cb), error);
}

static void
settle_item_clicked_cb (GtkButton *button,
                        BzwStore  *store)
{
  const char *uid = g_object_get_data (G_OBJECT (button), "bzw-uid");
  const char *property = g_object_get_data (G_OBJECT (button), "bzw-property");
  gboolean keep_remote = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "bzw-remote"));
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GError) error = NULL;
  BzwSyncItemSettled *settled;

  /* The group is rebuilt when idle after the store's change. */
  settled = bzw_sync_item_conflict_settle (store, uid, property, keep_remote, &error);
  toast_settled (overlay, store, settled, (GDestroyNotify) bzw_sync_item_settled_free,
                 G_CALLBACK (item_undo_cb), error);
}

/* A button that keeps this app's value of @what or the server's: it
 * calls @clicked_cb with @store, and carries @property and which one.
 */
static GtkWidget *
settle_button (BzwStore   *store,
               const char *what,
               const char *property,
               gboolean    keep_remote,
               GCallback   clicked_cb)
{
  g_autofree char *name = NULL;
  GtkWidget *button;

  button = gtk_button_new_with_mnemonic (keep_remote ? _("Keep _Server’s") : _("Keep _Mine"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, keep_remote ? _("Keep the value from the server")
                                                   : _("Keep the value in this app"));
  /* Translators: the accessible name of a button; %s is a field such as „E-Mail“. */
  name = g_strdup_printf (keep_remote ? _("Keep the server's %s") : _("Keep this app's %s"), what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "bzw-property", g_strdup (property), g_free);
  g_object_set_data (G_OBJECT (button), "bzw-remote", GINT_TO_POINTER (keep_remote));
  g_signal_connect_object (button, "clicked", clicked_cb, store, 0);
  return button;
}

/* The row of the field @label with both values, under the entry @item
 * (nullable: a contact's own), and the buttons to keep either.
 */
static GtkWidget *
conflict_row (const char *label,
              const char *local,
              const char *remote,
              const char *item,
              GtkWidget  *keep_mine,
              GtkWidget  *keep_remote)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *values = NULL;

  /* Translators: %s is a field such as „E-Mail“. */
  title = g_strdup_printf (_("Conflict: %s"), label);
  /* Translators: the two values of a field changed here and on the server. */
  values = g_strdup_printf (_("Here: %s\nServer: %s"),
                            *local != '\0' ? local : _("(empty)"),
                            *remote != '\0' ? remote : _("(empty)"));
  if (item != NULL)
    {
      g_autofree char *with_item = g_strdup_printf ("%s\n%s", item, values);

      g_free (values);
      values = g_steal_pointer (&with_item);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), values);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), keep_mine);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), keep_remote);
  return row;
}

static GtkWidget *
contact_conflict_row (BzwStore        *store,
                      BzwContact      *contact,
                      BzwSyncConflict *conflict)
{
  GtkWidget *buttons[2];

  for (int remote = 0; remote < 2; remote++)
    {
      buttons[remote] = settle_button (store, conflict->label, conflict->property, remote,
                                       G_CALLBACK (settle_clicked_cb));
      g_object_set_data (G_OBJECT (buttons[remote]), "bzw-contact",
                         GSIZE_TO_POINTER (bzw_contact_get_id (contact)));
    }
  return conflict_row (conflict->label, conflict->local, conflict->remote, NULL,
                       buttons[FALSE], buttons[TRUE]);
}

static GtkWidget *
item_conflict_row (BzwStore            *store,
                   BzwSyncItemConflict *conflict)
{
  g_autofree char *what = g_strdup_printf ("%s (%s)", conflict->label, conflict->title);
  GtkWidget *buttons[2];

  for (int remote = 0; remote < 2; remote++)
    {
      buttons[remote] = settle_button (store, what, conflict->property, remote,
                                       G_CALLBACK (settle_item_clicked_cb));
      g_object_set_data_full (G_OBJECT (buttons[remote]), "bzw-uid", g_strdup (conflict->uid),
                              g_free);
    }
  return conflict_row (conflict->label, conflict->local, conflict->remote, conflict->title,
                       buttons[FALSE], buttons[TRUE]);
}

/* The group of the conflicts on top of a page: @description says what
 * stays until the user chooses.
 */
static GtkWidget *
conflicts_group (const char *title,
                 const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_add_css_class (group, "bzw-conflicts");
  return group;
}

/**
 * bzw_conflict_ui_new_group:
 *
 * Returns: (transfer floating) (nullable): the group of @contact's
 *   conflicts, or %NULL when there are none
 */
GtkWidget *
bzw_conflict_ui_new_group (BzwStore   *store,
                           BzwContact *contact)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  GtkWidget *group;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (BZW_IS_CONTACT (contact), NULL);

  conflicts = bzw_sync_conflicts_list (store, contact);
  if (conflicts->len == 0)
    return NULL;

  group = conflicts_group (_("Changed Here and on the Server"),
                           _("Both values are kept until you choose which one stays."));
  for (guint i = 0; i < conflicts->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               contact_conflict_row (store, contact,
                                                     g_ptr_array_index (conflicts, i)));
  return group;
}

/**
 * bzw_conflict_ui_new_item_group:
 * @contact_uid: (nullable): only the items that concern this contact
 *
 * Returns: (transfer floating) (nullable): the group of the conflicts of
 *   the journal's entries, relationships and talking points (of those
 *   that concern the contact with @contact_uid), or %NULL when there are
 *   none
 */
GtkWidget *
bzw_conflict_ui_new_item_group (BzwStore   *store,
                                const char *contact_uid)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group = NULL;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  conflicts = bzw_sync_item_conflicts_list (store, &error);
  if (conflicts == NULL)
    {
      g_warning ("Cannot list the journal's conflicts: %s", error->message);
      return NULL;
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      BzwSyncItemConflict *conflict = g_ptr_array_index (conflicts, i);

      if (contact_uid != NULL && !g_strv_contains ((const char * const *) conflict->contacts, contact_uid))
        continue;
      if (group == NULL)
        group = conflicts_group (contact_uid != NULL ? _("Journal Entries Changed Here and on the Server")
                                                     : _("Changed Here and on the Server"),
                                 _("Until you choose, the value here stays, on the server too."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), item_conflict_row (store, conflict));
    }
  return group;
}
