/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-ical-items"

#include "config.h"

#include "bzw-ical-items.h"

#include "bzw-calendar-writer-private.h"
#include "bzw-ical-journal-private.h"
#include "bzw-store-io.h"
#include "bzw-store-item-conflicts.h"
#include "bzw-store-occasions.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The journal one item at a time, for the CalDAV sync: each entry,
 * relationship and talking point as a VCALENDAR of its own with the
 * archive's mapping (bzw-ical-journal-map.c), and such a VCALENDAR back
 * into the store, over the row of the same UID when there is one.  The
 * text leaves DTSTAMP out, so the same item always reads the same; the
 * upload adds it (bzw_ical_item_stamp()).  The X-BZW-CONFLICT lines a
 * merge put into an item (sync/bzw-caldav-merge.c) are taken out when it
 * is read and kept in the store when it is saved.
 */

struct _BzwIcalItems
{
  BzwStore   *store;
  BzwIcalIds  ids;
};

void
bzw_ical_item_free (BzwIcalItem *item)
{
  if (item == NULL)
    return;

  g_free (item->uid);
  g_free (item->kind);
  g_free (item->text);
  g_free (item->conflicts);
  g_clear_object (&item->object);
  g_free (item);
}

static gint64 *
id_dup (gint64 id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  return copy;
}

static char *
text_of_component (icalcomponent *comp)
{
  icalcomponent *calendar = _bzw_calendar_new_vcalendar ();

  icalcomponent_add_component (calendar, comp);
  return _bzw_calendar_free_to_text (calendar);
}

/* The first component of ours in @calendar, or NULL. */
static icalcomponent *
find_entry (icalcomponent *calendar)
{
  for (icalcomponent *comp = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       comp != NULL;
       comp = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    if (_bzw_ical_entry_kind (comp) != NULL && icalcomponent_get_uid (comp) != NULL)
      return comp;

  return NULL;
}

/**
 * bzw_ical_item_stamp:
 *
 * Returns: (transfer full): @text with DTSTAMP @stamp, as it is uploaded
 */
char *
bzw_ical_item_stamp (const char *text,
                     GDateTime  *stamp)
{
  icalcomponent *calendar = icalparser_parse_string (text);
  icalcomponent *comp = calendar != NULL ? find_entry (calendar) : NULL;

  if (comp == NULL)
    {
      g_clear_pointer (&calendar, icalcomponent_free);
      return g_strdup (text);
    }

  icalcomponent_add_property (comp, icalproperty_new_dtstamp (_bzw_calendar_ical_time (stamp)));
  return _bzw_calendar_free_to_text (calendar);
}

static gboolean
fill_encounters (BzwIcalItems  *items,
                 GPtrArray     *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      GObject *entry = g_ptr_array_index (entries, i);

      if (BZW_IS_ENCOUNTER (entry))
        g_hash_table_insert (items->ids.encounter_uids,
                             id_dup (bzw_encounter_get_id (BZW_ENCOUNTER (entry))),
                             g_strdup (bzw_encounter_get_uid (BZW_ENCOUNTER (entry))));
    }

  return TRUE;
}

/**
 * bzw_ical_items_new:
 *
 * Reads what writing an item needs: every contact's UID and name, every
 * encounter's UID.  Make it after the contacts are synced.
 *
 * Returns: (transfer full): the items of @store, or %NULL on error
 */
BzwIcalItems *
bzw_ical_items_new (BzwStore  *store,
                    GError   **error)
{
  g_autoptr(BzwIcalItems) items = g_new0 (BzwIcalItems, 1);
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  items->store = g_object_ref (store);
  items->ids.encounter_uids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (!_bzw_ical_ids_fill_contacts (&items->ids, store, error))
    return NULL;

  entries = _bzw_ical_dup_entries (store, error);
  if (entries == NULL || !fill_encounters (items, entries))
    return NULL;

  return g_steal_pointer (&items);
}

void
bzw_ical_items_free (BzwIcalItems *items)
{
  if (items == NULL)
    return;

  _bzw_ical_ids_clear (&items->ids);
  g_clear_object (&items->store);
  g_free (items);
}

static BzwIcalItem *
item_of (BzwIcalItems *items,
         GObject      *object)
{
  icalcomponent *comp = _bzw_ical_from_object (object, &items->ids);
  BzwIcalItem *item = g_new0 (BzwIcalItem, 1);

  item->uid = g_strdup (icalcomponent_get_uid (comp));
  item->kind = g_strdup (_bzw_ical_entry_kind (comp));
  item->text = text_of_component (comp);
  return item;
}

static void
add_all (BzwIcalItems *items,
         GHashTable   *table,
         GPtrArray    *objects)
{
  for (guint i = 0; i < objects->len; i++)
    {
      BzwIcalItem *item = item_of (items, g_ptr_array_index (objects, i));

      g_hash_table_replace (table, item->uid, item);
    }
}

/**
 * bzw_ical_items_list:
 *
 * Returns: (transfer full): a table of UID to #BzwIcalItem: every entry,
 *   relationship and talking point of the store as the app writes it now
 */
GHashTable *
bzw_ical_items_list (BzwIcalItems  *items,
                     GError       **error)
{
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) relationships = NULL;
  g_autoptr(GPtrArray) points = NULL;

  g_return_val_if_fail (items != NULL, NULL);

  if ((entries = _bzw_ical_dup_entries (items->store, error)) == NULL ||
      (relationships = bzw_store_list_relationships (items->store, 0, error)) == NULL ||
      (points = bzw_store_list_talking_points (items->store, 0, TRUE, error)) == NULL)
    return NULL;

  table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                 (GDestroyNotify) bzw_ical_item_free);
  add_all (items, table, entries);
  add_all (items, table, relationships);
  add_all (items, table, points);
  return g_steal_pointer (&table);
}

static gint64
resolve_cb (const char *table,
            const char *uid,
            gpointer    data)
{
  BzwIcalItems *items = data;

  return bzw_store_find_row_by_uid (items->store, table, uid);
}

/* The decoded X-BZW-CONFLICT lines of @comp, or %NULL when it has none. */
static char *
conflicts_of (icalcomponent *comp)
{
  g_autoptr(GString) lines = NULL;

  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    {
      const char *value = icalproperty_get_x (prop);
      g_autofree guchar *decoded = NULL;
      gsize len = 0;

      if (g_ascii_strcasecmp (icalproperty_get_x_name (prop), "X-BZW-CONFLICT") != 0 || value == NULL)
        continue;
      decoded = g_base64_decode (value, &len);
      if (len == 0 || !g_utf8_validate ((const char *) decoded, len, NULL) ||
          memchr (decoded, '\t', len) == NULL || memchr (decoded, '\0', len) != NULL)
        continue;
      if (lines == NULL)
        lines = g_string_new (NULL);
      g_string_append_len (lines, (const char *) decoded, len);
      if (decoded[len - 1] != '\n')
        g_string_append_c (lines, '\n');
    }

  return lines != NULL ? g_string_free (g_steal_pointer (&lines), FALSE) : NULL;
}

/**
 * bzw_ical_items_read:
 * @text: one VCALENDAR as a server holds it
 *
 * Reads the item in @text and writes it again the app's way, so it can be
 * compared with what was synced before.  A favour whose encounter is not
 * here (yet) is read without it and marked as waiting.
 *
 * Returns: (transfer full): the item with its object, or %NULL with
 *   %G_IO_ERROR_INVALID_DATA when @text holds no item of ours or names a
 *   contact that is not here
 */
BzwIcalItem *
bzw_ical_items_read (BzwIcalItems  *items,
                     const char    *text,
                     GError       **error)
{
  icalcomponent *calendar;
  icalcomponent *comp;
  g_autoptr(GObject) object = NULL;
  g_autofree char *conflicts = NULL;
  gboolean waits;
  BzwIcalItem *item;

  g_return_val_if_fail (items != NULL && text != NULL, NULL);

  calendar = _bzw_ical_parse (text, -1);
  comp = calendar != NULL ? find_entry (calendar) : NULL;
  object = comp != NULL ? _bzw_ical_to_object (comp, resolve_cb, items) : NULL;
  waits = BZW_IS_FAVOUR (object) && bzw_favour_get_encounter_id (BZW_FAVOUR (object)) == 0 &&
          icalcomponent_get_first_property (comp, ICAL_RELATEDTO_PROPERTY) != NULL;
  conflicts = object != NULL ? conflicts_of (comp) : NULL;
  g_clear_pointer (&calendar, icalcomponent_free);
  if (object == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("An entry in the calendar cannot be read or names a contact that is not here."));
      return NULL;
    }

  item = item_of (items, object);
  item->object = g_steal_pointer (&object);
  item->waits = waits;
  item->conflicts = g_steal_pointer (&conflicts);
  return item;
}

/* The name of the property of a conflict line "NAME\tLINE". */
static char *
conflict_name (const char *line)
{
  const char *tab = strchr (line, '\t');

  return tab != NULL ? g_strndup (line, tab - line) : g_strdup (line);
}

/* Keeps @item's conflicts in the store, in place of those kept before of
 * the same properties.
 */
static gboolean
keep_conflicts (BzwIcalItems  *items,
                BzwIcalItem   *item,
                GError       **error)
{
  g_autofree char *old = bzw_store_dup_item_conflict (items->store, item->uid);
  g_auto(GStrv) old_lines = g_strsplit (old != NULL ? old : "", "\n", -1);
  g_auto(GStrv) new_lines = g_strsplit (item->conflicts, "\n", -1);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; new_lines[i] != NULL; i++)
    if (new_lines[i][0] != '\0')
      g_hash_table_add (names, conflict_name (new_lines[i]));

  for (guint i = 0; old_lines[i] != NULL; i++)
    {
      g_autofree char *name = conflict_name (old_lines[i]);

      if (old_lines[i][0] != '\0' && !g_hash_table_contains (names, name))
        g_string_append_printf (lines, "%s\n", old_lines[i]);
    }
  g_string_append (lines, item->conflicts);

  return bzw_store_set_item_conflict (items->store, item->uid, lines->str, error);
}

/**
 * bzw_ical_items_save:
 * @item: an item from bzw_ical_items_read()
 *
 * Saves @item's object over the row of its UID (or as a new row), and
 * the server's side of its conflicts when it has any, inside the caller's
 * transaction, and writes @item's text again from it.
 */
gboolean
bzw_ical_items_save (BzwIcalItems  *items,
                     BzwIcalItem   *item,
                     GError       **error)
{
  gint64 id;
  BzwIcalItem *saved;

  g_return_val_if_fail (items != NULL && item != NULL && item->object != NULL, FALSE);

  id = bzw_store_find_row_by_uid (items->store, _bzw_ical_table_of (item->kind), item->uid);
  g_object_set (item->object, "id", id, NULL);
  if (!_bzw_ical_save_entry (items->store, item->object, error))
    return FALSE;
  if (item->conflicts != NULL && !keep_conflicts (items, item, error))
    return FALSE;

  if (BZW_IS_ENCOUNTER (item->object))
    g_hash_table_replace (items->ids.encounter_uids,
                          id_dup (bzw_encounter_get_id (BZW_ENCOUNTER (item->object))),
                          g_strdup (item->uid));

  saved = item_of (items, item->object);
  g_free (item->text);
  item->text = g_steal_pointer (&saved->text);
  bzw_ical_item_free (saved);
  return TRUE;
}

static gboolean
delete_row (BzwStore    *store,
            const char  *kind,
            gint64       id,
            GError     **error)
{
  if (g_str_equal (kind, "encounter"))
    return bzw_store_delete_journal_entry (store, BZW_JOURNAL_ENCOUNTER, id, error);
  if (g_str_equal (kind, "favour"))
    return bzw_store_delete_journal_entry (store, BZW_JOURNAL_FAVOUR, id, error);
  if (g_str_equal (kind, "referral"))
    return bzw_store_delete_journal_entry (store, BZW_JOURNAL_REFERRAL, id, error);
  if (g_str_equal (kind, "relationship"))
    return bzw_store_delete_relationship (store, id, error);
  return bzw_store_delete_talking_point (store, id, error);
}

/**
 * bzw_ical_items_delete:
 * @deleted: (out): whether there was such a row
 *
 * Deletes the row of @kind with @uid, inside the caller's transaction.
 */
gboolean
bzw_ical_items_delete (BzwIcalItems  *items,
                       const char    *kind,
                       const char    *uid,
                       gboolean      *deleted,
                       GError       **error)
{
  const char *table = _bzw_ical_table_of (kind);
  gint64 id = table != NULL ? bzw_store_find_row_by_uid (items->store, table, uid) : 0;

  g_return_val_if_fail (items != NULL && deleted != NULL, FALSE);

  *deleted = id != 0;
  if (id != 0 && !bzw_store_set_item_conflict (items->store, uid, NULL, error))
    return FALSE;
  return id == 0 || delete_row (items->store, kind, id, error);
}

static GObject *
dup_listed (GPtrArray  *objects,
            const char *uid)
{
  for (guint i = 0; objects != NULL && i < objects->len; i++)
    {
      g_autofree char *other = NULL;

      g_object_get (g_ptr_array_index (objects, i), "uid", &other, NULL);
      if (g_strcmp0 (other, uid) == 0)
        return g_object_ref (g_ptr_array_index (objects, i));
    }

  return NULL;
}

static GObject *
dup_object (BzwStore    *store,
            const char  *uid,
            GError     **error)
{
  g_autoptr(GPtrArray) relationships = NULL;
  g_autoptr(GPtrArray) points = NULL;
  GObject *object;
  gint64 id;

  if ((id = bzw_store_find_row_by_uid (store, "encounters", uid)) != 0)
    return G_OBJECT (bzw_store_dup_encounter (store, id, error));
  if ((id = bzw_store_find_row_by_uid (store, "favours", uid)) != 0)
    return G_OBJECT (bzw_store_dup_favour (store, id, error));
  if ((id = bzw_store_find_row_by_uid (store, "referrals", uid)) != 0)
    return G_OBJECT (bzw_store_dup_referral (store, id, error));

  relationships = bzw_store_list_relationships (store, 0, error);
  if (relationships == NULL)
    return NULL;
  if ((object = dup_listed (relationships, uid)) != NULL)
    return object;

  points = bzw_store_list_talking_points (store, 0, TRUE, error);
  return points != NULL ? dup_listed (points, uid) : NULL;
}

/**
 * bzw_ical_items_dup:
 *
 * Returns: (transfer full): the entry, relationship or talking point
 *   @uid as the app writes it now, or %NULL with %G_IO_ERROR_NOT_FOUND
 */
BzwIcalItem *
bzw_ical_items_dup (BzwIcalItems  *items,
                    const char    *uid,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GObject) object = NULL;
  BzwIcalItem *item;

  g_return_val_if_fail (items != NULL && uid != NULL, NULL);

  object = dup_object (items->store, uid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (object == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The entry no longer exists."));
      return NULL;
    }

  item = item_of (items, object);
  item->object = g_steal_pointer (&object);
  return item;
}
