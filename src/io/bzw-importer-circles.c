/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-importer"

#include "config.h"

#include "bzw-importer-private.h"

#include "bzw-store-io.h"

/* The circles of an import: each category of a card and each group card
 * (KIND:group) is a circle, found by name or made.
 */

gint64 *
_bzw_importer_id_dup (gint64 id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  return copy;
}

void
_bzw_importer_collect_circles (BzwImporter *self)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (self->store, NULL);

  g_hash_table_remove_all (self->circle_ids);
  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);

      g_hash_table_insert (self->circle_ids, g_utf8_casefold (bzw_circle_get_name (circle), -1),
                           _bzw_importer_id_dup (bzw_circle_get_id (circle)));
    }
}

static char *
group_name (BzwParsedCard *card)
{
  g_autofree char *name = bzw_contact_dup_best_name (card->contact);

  return g_strstrip (g_steal_pointer (&name));
}

static void
add_needed_circle (BzwImporter *self,
                   GPtrArray   *names,
                   GHashTable  *seen,
                   const char  *name)
{
  char *folded = g_utf8_casefold (name, -1);

  if (g_hash_table_contains (self->circle_ids, folded) || g_hash_table_contains (seen, folded))
    {
      g_free (folded);
      return;
    }

  g_hash_table_add (seen, folded);
  g_ptr_array_add (names, g_strdup (name));
}

/**
 * bzw_importer_dup_new_circles:
 *
 * Returns: (transfer full) (element-type utf8): the circles the import
 *   will create, from categories and group cards
 */
GPtrArray *
bzw_importer_dup_new_circles (BzwImporter *self)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (BZW_IS_IMPORTER (self), names);

  for (guint i = 0; i < self->items->len; i++)
    {
      BzwImportItem *item = &g_array_index (self->items, BzwImportItem, i);

      if (item->action == BZW_IMPORT_ACTION_SKIP)
        continue;
      for (guint k = 0; k < item->card->categories->len; k++)
        add_needed_circle (self, names, seen, g_ptr_array_index (item->card->categories, k));
    }

  for (guint i = 0; i < self->groups->len; i++)
    {
      g_autofree char *name = group_name (g_ptr_array_index (self->groups, i));

      if (name[0] != '\0')
        add_needed_circle (self, names, seen, name);
    }

  return names;
}

static void
set_group_attributes (BzwImporter   *self,
                      BzwCircle     *circle,
                      BzwParsedCard *group)
{
  const char *uid = bzw_contact_get_uid (group->contact);

  /* A UID that another circle has already stays with that one. */
  if (uid != NULL && bzw_store_find_row_by_uid (self->store, "circles", uid) == 0)
    bzw_circle_set_uid (circle, uid);
  if (group->color != NULL)
    bzw_circle_set_color (circle, group->color);
  bzw_circle_set_interval_ideal (circle, bzw_contact_get_interval_ideal (group->contact));
  bzw_circle_set_interval_max (circle, bzw_contact_get_interval_max (group->contact));
  bzw_circle_set_position (circle, group->position);
  bzw_circle_set_lead_days (circle, group->lead_days);
}

/* The circle called @name, made when there is none; a group card gives
 * a new circle its UID, colour, rhythm and place.
 */
static gint64
ensure_circle (BzwImporter       *self,
               const char        *name,
               BzwParsedCard     *group,
               BzwImportSummary  *summary,
               GError           **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autoptr(BzwCircle) circle = NULL;
  gint64 *id = g_hash_table_lookup (self->circle_ids, folded);

  if (id != NULL)
    return *id;

  circle = bzw_circle_new ();
  bzw_circle_set_name (circle, name);
  if (group != NULL)
    set_group_attributes (self, circle, group);
  if (!bzw_store_save_circle (self->store, circle, error))
    return 0;

  summary->circles_created++;
  g_hash_table_insert (self->circle_ids, g_steal_pointer (&folded), _bzw_importer_id_dup (bzw_circle_get_id (circle)));
  return bzw_circle_get_id (circle);
}

gboolean
_bzw_importer_add_circles (BzwImporter       *self,
                           BzwContact        *contact,
                           BzwParsedCard     *card,
                           BzwImportSummary  *summary,
                           GError           **error)
{
  for (guint k = 0; k < card->categories->len; k++)
    {
      gint64 id = ensure_circle (self, g_ptr_array_index (card->categories, k), NULL, summary, error);

      if (id == 0)
        return FALSE;
      if (!bzw_contact_has_circle (contact, id))
        g_array_append_val (bzw_contact_get_circle_ids (contact), id);
    }

  return TRUE;
}

gboolean
_bzw_importer_import_groups (BzwImporter       *self,
                             GHashTable        *imported,
                             BzwImportSummary  *summary,
                             GError           **error)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      BzwParsedCard *card = g_ptr_array_index (self->groups, i);
      g_autofree char *name = group_name (card);
      gint64 circle_id;

      if (name[0] == '\0')
        continue;

      circle_id = ensure_circle (self, name, card, summary, error);
      if (circle_id == 0)
        return FALSE;

      for (guint k = 0; k < card->members->len; k++)
        {
          const char *member = g_ptr_array_index (card->members, k);
          gint64 *id = g_hash_table_lookup (imported, member);
          gint64 contact_id = id != NULL ? *id : bzw_store_find_contact_by_uid (self->store, member);

          if (contact_id != 0 &&
              !bzw_store_set_circle_member (self->store, contact_id, circle_id, TRUE, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The circles of the group cards, before the contacts make circles of
 * their categories, so a new circle gets the group card's colour and
 * rhythm.
 */
gboolean
_bzw_importer_create_group_circles (BzwImporter       *self,
                                    BzwImportSummary  *summary,
                                    GError           **error)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      BzwParsedCard *card = g_ptr_array_index (self->groups, i);
      g_autofree char *name = group_name (card);

      if (name[0] != '\0' && ensure_circle (self, name, card, summary, error) == 0)
        return FALSE;
    }

  return TRUE;
}
