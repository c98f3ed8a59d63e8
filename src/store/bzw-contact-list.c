/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-contact-list"

#include "config.h"

#include "bzw-contact-list.h"
#include "bzw-store-private.h"

#include <string.h>

/* A list model of contacts that holds only their ids, in list order, and
 * loads a contact from SQLite when a row asks for it.  A small cache keeps
 * the rows on screen at hand; memory does not grow with the rows scrolled
 * past.
 */

#define CACHE_SIZE 256

struct _BzwContactList
{
  GObject     parent_instance;

  BzwStore   *store;
  GArray     *ids;
  char       *text;
  gint64      circle_id;
  gboolean    due_only;
  gboolean    online_only;
  gboolean    include_archived;

  GHashTable *cache;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BzwContactList, bzw_contact_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
bzw_contact_list_get_item_type (GListModel *model)
{
  return BZW_TYPE_CONTACT;
}

static guint
bzw_contact_list_get_n_items (GListModel *model)
{
  return BZW_CONTACT_LIST (model)->ids->len;
}

/* The rows on screen hold their own references, so dropping the whole
 * cache when it is full costs at most one reload of the visible rows.
 */
static void
cache_put (BzwContactList *self,
           BzwContact     *contact)
{
  gint64 *key;

  if (g_hash_table_size (self->cache) >= CACHE_SIZE)
    g_hash_table_remove_all (self->cache);

  key = g_new (gint64, 1);
  *key = bzw_contact_get_id (contact);
  g_hash_table_replace (self->cache, key, g_object_ref (contact));
}

static gpointer
bzw_contact_list_get_item (GListModel *model,
                           guint       position)
{
  BzwContactList *self = BZW_CONTACT_LIST (model);
  g_autoptr(GError) error = NULL;
  BzwContact *contact;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  contact = g_hash_table_lookup (self->cache, &id);
  if (contact != NULL)
    return g_object_ref (contact);

  contact = bzw_store_dup_contact (self->store, id, &error);
  if (contact == NULL)
    {
      /* A row deleted by another process; show it empty until reloaded. */
      g_debug ("Cannot load contact: %s", error->message);
      contact = bzw_contact_new ();
      bzw_contact_set_id (contact, id);
      return contact;
    }

  cache_put (self, contact);
  return contact;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bzw_contact_list_get_item_type;
  iface->get_n_items = bzw_contact_list_get_n_items;
  iface->get_item = bzw_contact_list_get_item;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  return a->len == b->len && (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

static void
reload (BzwContactList *self,
        gint64          changed_id,
        gboolean        all_changed)
{
  BzwContactQuery query = {
    self->text, self->circle_id, self->due_only, self->online_only, self->include_archived
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = bzw_store_list_contact_ids (self->store, &query, &error);
  guint old_len = self->ids->len;

  if (ids == NULL)
    {
      g_warning ("Cannot list contacts: %s", error->message);
      return;
    }

  if (all_changed)
    g_hash_table_remove_all (self->cache);
  else if (changed_id != 0)
    g_hash_table_remove (self->cache, &changed_id);

  if (same_ids (ids, self->ids))
    {
      if (all_changed && ids->len > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, ids->len, ids->len);
      else if (changed_id != 0)
        {
          guint pos = bzw_contact_list_find (self, changed_id);

          if (pos != G_MAXUINT)
            g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 1);
        }
      return;
    }

  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);
}

static void
store_changed_cb (BzwContactList *self,
                  guint           what,
                  gint64          id,
                  BzwStore       *store)
{
  /* The journal changes last contacts and due dates of many rows. */
  if (what & (BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_CIRCLES))
    reload (self, 0, TRUE);
  else if (what & BZW_STORE_CHANGE_CONTACTS)
    reload (self, id, id == 0);
}

static void
bzw_contact_list_dispose (GObject *object)
{
  BzwContactList *self = BZW_CONTACT_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  if (self->cache != NULL)
    g_hash_table_remove_all (self->cache);

  G_OBJECT_CLASS (bzw_contact_list_parent_class)->dispose (object);
}

static void
bzw_contact_list_finalize (GObject *object)
{
  BzwContactList *self = BZW_CONTACT_LIST (object);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->text);

  G_OBJECT_CLASS (bzw_contact_list_parent_class)->finalize (object);
}

static void
bzw_contact_list_class_init (BzwContactListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bzw_contact_list_dispose;
  object_class->finalize = bzw_contact_list_finalize;
}

static void
bzw_contact_list_init (BzwContactList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

BzwContactList *
bzw_contact_list_new (BzwStore *store)
{
  BzwContactList *self;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  self = g_object_new (BZW_TYPE_CONTACT_LIST, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self, 0, TRUE);
  return self;
}

BzwStore *
bzw_contact_list_get_store (BzwContactList *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT_LIST (self), NULL);

  return self->store;
}

void
bzw_contact_list_set_query (BzwContactList        *self,
                            const BzwContactQuery *query)
{
  g_return_if_fail (BZW_IS_CONTACT_LIST (self));
  g_return_if_fail (query != NULL);

  if (g_strcmp0 (self->text, query->text) == 0 &&
      self->circle_id == query->circle_id &&
      self->due_only == query->due_only &&
      self->online_only == query->online_only &&
      self->include_archived == query->include_archived)
    return;

  g_free (self->text);
  self->text = g_strdup (query->text);
  self->circle_id = query->circle_id;
  self->due_only = query->due_only;
  self->online_only = query->online_only;
  self->include_archived = query->include_archived;
  reload (self, 0, FALSE);
}

const char *
bzw_contact_list_get_text (BzwContactList *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT_LIST (self), NULL);

  return self->text;
}

void
bzw_contact_list_set_text (BzwContactList *self,
                           const char     *text)
{
  BzwContactQuery query = {
    text, self->circle_id, self->due_only, self->online_only, self->include_archived
  };

  g_return_if_fail (BZW_IS_CONTACT_LIST (self));

  bzw_contact_list_set_query (self, &query);
}

gint64
bzw_contact_list_get_id (BzwContactList *self,
                         guint           position)
{
  g_return_val_if_fail (BZW_IS_CONTACT_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

/* Returns G_MAXUINT when @id is not in the list. */
guint
bzw_contact_list_find (BzwContactList *self,
                       gint64          id)
{
  g_return_val_if_fail (BZW_IS_CONTACT_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

GArray *
bzw_contact_list_dup_ids (BzwContactList *self)
{
  GArray *copy;

  g_return_val_if_fail (BZW_IS_CONTACT_LIST (self), NULL);

  copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->ids->len);
  g_array_append_vals (copy, self->ids->data, self->ids->len);
  return copy;
}

guint
bzw_contact_list_get_n_cached (BzwContactList *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT_LIST (self), 0);

  return g_hash_table_size (self->cache);
}
