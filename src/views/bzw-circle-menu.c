/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-circle-menu"

#include "config.h"

#include "bzw-circle-menu.h"

#include <glib/gi18n.h>
#include <string.h>

/* The circles as a menu of check items for some contacts: one for the
 * contact page's ⋮ menu and its circle chips, one for a row's context menu
 * in the list.  An item is checked when every one of the contacts is in
 * the circle; choosing it puts all of them in, or takes all of them out, in
 * one transaction.  Insert the actions under the prefix "circles".
 */
struct _BzwCircleMenu
{
  GObject              parent_instance;

  BzwStore            *store;
  GArray              *contact_ids;
  GMenu               *model;
  GSimpleActionGroup  *actions;
};

G_DEFINE_FINAL_TYPE (BzwCircleMenu, bzw_circle_menu, G_TYPE_OBJECT)

static void
set_members (BzwCircleMenu *self,
             gint64         circle_id,
             gboolean       member)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!bzw_store_begin (self->store, &error))
    {
      g_warning ("Cannot change a circle: %s", error->message);
      return;
    }

  ok = TRUE;
  for (guint i = 0; ok && i < self->contact_ids->len; i++)
    ok = bzw_store_set_circle_member (self->store, g_array_index (self->contact_ids, gint64, i),
                                      circle_id, member, &error);

  if (!bzw_store_finish (self->store, ok, ok ? &error : NULL) || !ok)
    g_warning ("Cannot change a circle: %s", error != NULL ? error->message : "");
}

static void
change_state_cb (GSimpleAction *action,
                 GVariant      *state,
                 BzwCircleMenu *self)
{
  gint64 circle_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (action), "bzw-id"));

  g_simple_action_set_state (action, state);
  set_members (self, circle_id, g_variant_get_boolean (state));
}

/* The contacts of the menu, each read once for all the check marks. */
static GPtrArray *
read_contacts (BzwCircleMenu *self)
{
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->contact_ids->len; i++)
    {
      BzwContact *contact = bzw_store_dup_contact (self->store, g_array_index (self->contact_ids, gint64, i), NULL);

      if (contact != NULL)
        g_ptr_array_add (contacts, contact);
    }
  return contacts;
}

/* Whether every one of @contacts is in @circle_id. */
static gboolean
all_in_circle (GPtrArray *contacts,
               gint64     circle_id)
{
  for (guint i = 0; i < contacts->len; i++)
    if (!bzw_contact_has_circle (g_ptr_array_index (contacts, i), circle_id))
      return FALSE;

  return contacts->len > 0;
}

static void
rebuild (BzwCircleMenu *self)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (self->store, NULL);
  g_autoptr(GPtrArray) contacts = read_contacts (self);
  g_autoptr(GMenu) section = g_menu_new ();
  g_auto(GStrv) old = g_action_group_list_actions (G_ACTION_GROUP (self->actions));

  for (guint i = 0; old[i] != NULL; i++)
    g_action_map_remove_action (G_ACTION_MAP (self->actions), old[i]);
  g_menu_remove_all (self->model);

  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);
      gint64 id = bzw_circle_get_id (circle);
      g_autofree char *name = g_strdup_printf ("circle-%" G_GINT64_FORMAT, id);
      g_autofree char *detailed = g_strconcat ("circles.", name, NULL);
      g_autoptr(GSimpleAction) action = NULL;

      action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (all_in_circle (contacts, id)));
      g_object_set_data (G_OBJECT (action), "bzw-id", GSIZE_TO_POINTER (id));
      g_signal_connect (action, "change-state", G_CALLBACK (change_state_cb), self);
      g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
      g_menu_append (self->model, bzw_circle_get_name (circle), detailed);
    }

  g_menu_append (section, _("_Manage Circles…"), "win.manage-circles");
  g_menu_append_section (self->model, NULL, G_MENU_MODEL (section));
}

/* The check marks again, after a contact changed: the actions stay. */
static void
update_states (BzwCircleMenu *self)
{
  g_auto(GStrv) names = g_action_group_list_actions (G_ACTION_GROUP (self->actions));
  g_autoptr(GPtrArray) contacts = read_contacts (self);

  for (guint i = 0; names[i] != NULL; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i]);
      gint64 circle_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (action), "bzw-id"));

      g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (all_in_circle (contacts, circle_id)));
    }
}

static void
store_changed_cb (BzwCircleMenu  *self,
                  BzwStoreChange  what,
                  gint64          id)
{
  if (what & BZW_STORE_CHANGE_CIRCLES)
    rebuild (self);
  else if (what & BZW_STORE_CHANGE_CONTACTS)
    update_states (self);
}

/* The contacts the menu puts in and takes out of circles. */
void
bzw_circle_menu_set_contacts (BzwCircleMenu *self,
                              GArray        *contact_ids)
{
  guint n = contact_ids != NULL ? contact_ids->len : 0;

  g_return_if_fail (BZW_IS_CIRCLE_MENU (self));

  /* The same contacts again (the page after a change): only the check
   * marks change, so an open menu keeps its items.
   */
  if (n == self->contact_ids->len &&
      (n == 0 || memcmp (contact_ids->data, self->contact_ids->data, n * sizeof (gint64)) == 0))
    {
      update_states (self);
      return;
    }

  g_array_set_size (self->contact_ids, 0);
  if (n > 0)
    g_array_append_vals (self->contact_ids, contact_ids->data, n);
  rebuild (self);
}

GMenuModel *
bzw_circle_menu_get_model (BzwCircleMenu *self)
{
  g_return_val_if_fail (BZW_IS_CIRCLE_MENU (self), NULL);

  return G_MENU_MODEL (self->model);
}

GActionGroup *
bzw_circle_menu_get_actions (BzwCircleMenu *self)
{
  g_return_val_if_fail (BZW_IS_CIRCLE_MENU (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

static void
bzw_circle_menu_dispose (GObject *object)
{
  BzwCircleMenu *self = BZW_CIRCLE_MENU (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->model);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->contact_ids, g_array_unref);

  G_OBJECT_CLASS (bzw_circle_menu_parent_class)->dispose (object);
}

static void
bzw_circle_menu_class_init (BzwCircleMenuClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bzw_circle_menu_dispose;
}

static void
bzw_circle_menu_init (BzwCircleMenu *self)
{
  self->contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->model = g_menu_new ();
  self->actions = g_simple_action_group_new ();
}

BzwCircleMenu *
bzw_circle_menu_new (BzwStore *store)
{
  BzwCircleMenu *self = g_object_new (BZW_TYPE_CIRCLE_MENU, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  rebuild (self);
  return self;
}
