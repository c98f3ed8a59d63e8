/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-carddav-apply"

#include "config.h"

#include "bzw-carddav-merge.h"
#include "bzw-carddav-sync-private.h"
#include "bzw-store-sync.h"
#include "bzw-vcard-reader.h"
#include "bzw-vcard-writer.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The local side of a sync: the contacts that may have changed since
 * their last sync as the vCard writer makes them (the form in which the
 * sync compares cards), and what a downloaded card does to the store.
 * All cards are compared in the writer's form: a card from the server is
 * read and written again before it meets the base, so another client's
 * formatting is no change.  Which contacts to write says the store's
 * revision of each contact (schema 8, kept by triggers on everything a
 * card is made of) against the one remembered with its synced card: a
 * sync with nothing to do writes no card at all.
 */

static gint64 *
dup_id (gint64 id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  return copy;
}

static gboolean
read_circles (BzwSyncRun  *run,
              GError     **error)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (run->store, error);

  if (circles == NULL)
    return FALSE;

  g_clear_pointer (&run->circle_names, g_hash_table_unref);
  g_clear_pointer (&run->circle_ids, g_hash_table_unref);
  run->circle_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  run->circle_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);
      gint64 id = bzw_circle_get_id (circle);

      g_hash_table_insert (run->circle_names, dup_id (id), g_strdup (bzw_circle_get_name (circle)));
      g_hash_table_insert (run->circle_ids, g_utf8_casefold (bzw_circle_get_name (circle), -1), dup_id (id));
    }

  return TRUE;
}

/* The contact as vCard 4.0 with its circles, as the sync compares it. */
char *
_bzw_sync_write_card (BzwSyncRun *run,
                      BzwContact *contact)
{
  GArray *ids = bzw_contact_get_circle_ids (contact);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *name = g_hash_table_lookup (run->circle_names, &g_array_index (ids, gint64, i));

      if (name != NULL)
        g_ptr_array_add (categories, (gpointer) name);
    }
  g_ptr_array_add (categories, NULL);

  bzw_vcard_writer_append_contact_as (out, contact, (const char * const *) categories->pdata,
                                      BZW_VCARD_VERSION_4_0);
  return g_strdup (out->str);
}

/* Writes the contact @uid as the sync compares it, with the card last
 * synced beside it when it has one.
 */
static gboolean
read_changed (BzwSyncRun          *run,
              const char          *uid,
              BzwContactRevision  *contact,
              BzwSyncCard         *row,
              GError             **error)
{
  g_autoptr(BzwContact) saved = bzw_store_dup_contact (run->store, contact->id, error);
  g_autoptr(GError) local_error = NULL;

  if (saved == NULL)
    return FALSE;
  if (row != NULL && row->card == NULL)
    {
      row->card = bzw_store_dup_sync_card_text (run->store, uid, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  g_hash_table_insert (run->texts, (gpointer) uid, _bzw_sync_write_card (run, saved));
  run->summary->rendered++;
  return TRUE;
}

static gboolean
read_contacts (BzwSyncRun  *run,
               GError     **error)
{
  GHashTableIter iter;
  gpointer uid, contact;

  run->rows = bzw_store_list_sync_card_states (run->store, error);
  run->uids = run->rows != NULL ? bzw_store_list_contact_revisions (run->store, error) : NULL;
  if (run->uids == NULL)
    return FALSE;

  run->texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_iter_init (&iter, run->uids);
  while (g_hash_table_iter_next (&iter, &uid, &contact))
    {
      BzwSyncCard *row = g_hash_table_lookup (run->rows, uid);
      gint64 revision = ((BzwContactRevision *) contact)->revision;

      /* Unchanged since its card was synced: nothing to write. */
      if (row != NULL && row->revision != 0 && row->revision == revision)
        continue;
      if (!read_changed (run, uid, contact, row, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _bzw_sync_changed_here:
 *
 * Returns: whether the contact @uid differs here from its card last
 *   synced (a contact without one has changed)
 */
gboolean
_bzw_sync_changed_here (BzwSyncRun *run,
                        const char *uid)
{
  const char *local = g_hash_table_lookup (run->texts, uid);
  BzwSyncCard *row = g_hash_table_lookup (run->rows, uid);

  if (local == NULL)
    return row == NULL && g_hash_table_contains (run->uids, uid);
  return row == NULL || row->card == NULL || !g_str_equal (local, row->card);
}

/* Reads every contact's uid, id and card, and the synced rows. */
gboolean
_bzw_sync_read_local (BzwSyncRun  *run,
                      GError     **error)
{
  gboolean ok;

  g_clear_pointer (&run->rows, g_hash_table_unref);
  g_clear_pointer (&run->uids, g_hash_table_unref);
  g_clear_pointer (&run->texts, g_hash_table_unref);

  /* One transaction: a consistent picture, and SQLite locks the file once
   * instead of once per statement.
   */
  if (!bzw_store_begin (run->store, error))
    return FALSE;
  ok = read_circles (run, error) && read_contacts (run, error);
  return bzw_store_finish (run->store, ok, error);
}

/* The circles named in @card's CATEGORIES, made when missing. */
static gboolean
set_circles (BzwSyncRun     *run,
             BzwParsedCard  *card,
             GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; card->categories != NULL && i < card->categories->len; i++)
    {
      const char *name = g_ptr_array_index (card->categories, i);
      g_autofree char *folded = g_utf8_casefold (name, -1);
      gint64 *id = g_hash_table_lookup (run->circle_ids, folded);

      if (id == NULL)
        {
          g_autoptr(BzwCircle) circle = bzw_circle_new ();

          bzw_circle_set_name (circle, name);
          if (!bzw_store_save_circle (run->store, circle, error))
            return FALSE;
          id = dup_id (bzw_circle_get_id (circle));
          g_hash_table_insert (run->circle_ids, g_steal_pointer (&folded), id);
          g_hash_table_insert (run->circle_names, dup_id (*id), g_strdup (name));
        }
      g_array_append_val (ids, *id);
    }

  bzw_contact_set_circle_ids (card->contact, ids);
  return TRUE;
}

static BzwParsedCard *
first_contact (BzwParseResult *result)
{
  for (guint i = 0; i < result->cards->len; i++)
    {
      BzwParsedCard *card = g_ptr_array_index (result->cards, i);

      if (!card->is_group)
        return card;
    }

  return NULL;
}

/* Saves @card over the contact @id (0: a new one) and returns its card as
 * the writer makes it from the store.
 */
static char *
save_card (BzwSyncRun     *run,
           BzwParsedCard  *card,
           gint64          id,
           GError        **error)
{
  g_autoptr(BzwContact) saved = NULL;

  if (!set_circles (run, card, error))
    return NULL;

  if (id != 0)
    {
      g_autoptr(BzwContact) old = bzw_store_dup_contact (run->store, id, error);

      if (old == NULL)
        return NULL;
      bzw_contact_set_id (card->contact, id);
      bzw_contact_set_times (card->contact, bzw_contact_get_created (old), 0);
    }

  if (!bzw_store_save_contact (run->store, card->contact, error))
    return NULL;

  saved = bzw_store_dup_contact (run->store, bzw_contact_get_id (card->contact), error);
  return saved != NULL ? _bzw_sync_write_card (run, saved) : NULL;
}

/* Reads @data, in the writer's form too. */
static BzwParseResult *
parse_card (const char     *data,
            const char     *href,
            GError        **error)
{
  g_autoptr(BzwParseResult) result = bzw_vcard_reader_parse (data, strlen (data));
  BzwParsedCard *card = first_contact (result);

  if (card == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The card %s on the server cannot be read."), href);
      return NULL;
    }

  if (bzw_contact_get_uid (card->contact) == NULL)
    {
      g_autofree char *base = g_path_get_basename (href);

      if (g_str_has_suffix (base, ".vcf"))
        base[strlen (base) - 4] = '\0';
      bzw_contact_set_uid (card->contact, base);
    }

  return g_steal_pointer (&result);
}

/* Keeps the tables of @run in step with a card just applied, so the push
 * of the same sync needs no second reading of every contact.  A card at
 * an href new for its uid might have taken the href of another uid's row
 * (the store replaces that row): then the tables are read again.
 */
static void
remember (BzwSyncRun         *run,
          const char         *uid,
          BzwContactRevision  saved,
          const BzwSyncCard  *recorded,
          char               *text)
{
  BzwSyncCard *old = g_hash_table_lookup (run->rows, uid);
  BzwSyncCard *row = g_new0 (BzwSyncCard, 1);
  BzwContactRevision *contact = NULL;
  gpointer key = NULL;

  if (old == NULL || !g_str_equal (old->href, recorded->href))
    run->reread = TRUE;

  row->uid = g_strdup (uid);
  row->href = g_strdup (recorded->href);
  row->etag = g_strdup (recorded->etag);
  row->card = g_strdup (recorded->card);
  row->revision = recorded->revision;
  g_hash_table_replace (run->rows, row->uid, row);

  if (!g_hash_table_lookup_extended (run->uids, uid, &key, (gpointer *) &contact))
    {
      key = g_strdup (uid);
      contact = g_new (BzwContactRevision, 1);
      g_hash_table_insert (run->uids, key, contact);
    }
  *contact = saved;
  g_hash_table_replace (run->texts, key, text);
}

/**
 * _bzw_sync_apply_card:
 *
 * What the card @data at @href does here, inside the caller's transaction:
 * a new contact; the contact replaced when it did not change here since
 * the last sync; else the three-way merge (bzw-carddav-merge.c), whose
 * result the push of the same sync uploads.
 */
gboolean
_bzw_sync_apply_card (BzwSyncRun  *run,
                      const char  *href,
                      const char  *etag,
                      const char  *data,
                      GError     **error)
{
  g_autoptr(BzwParseResult) result = parse_card (data, href, error);
  g_autofree char *remote = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;
  BzwContactRevision saved = { 0, 0 };
  BzwSyncCard recorded = { NULL, (char *) href, (char *) etag, NULL, 0 };
  BzwParsedCard *card;
  const char *uid;
  const BzwSyncCard *row;
  const char *local;
  BzwContactRevision *contact;

  if (result == NULL)
    return FALSE;

  card = first_contact (result);
  uid = bzw_contact_get_uid (card->contact);
  contact = g_hash_table_lookup (run->uids, uid);
  row = g_hash_table_lookup (run->rows, uid);
  local = g_hash_table_lookup (run->texts, uid);

  if (!set_circles (run, card, error))
    return FALSE;
  remote = _bzw_sync_write_card (run, card->contact);

  if (contact != NULL && _bzw_sync_changed_here (run, uid))
    {
      g_autofree char *merged = NULL;
      g_autoptr(BzwParseResult) merged_result = NULL;
      guint conflicts = 0;

      merged = bzw_carddav_merge (row != NULL ? row->card : NULL, local, remote, &conflicts);

      run->summary->conflicts += conflicts > 0 ? 1 : 0;
      merged_result = parse_card (merged, href, error);
      if (merged_result == NULL)
        return FALSE;
      /* The base is what the server has, so the push uploads the merge. */
      text = save_card (run, first_contact (merged_result), contact->id, error);
      stored = g_strdup (remote);
      saved.id = contact->id;
    }
  else
    {
      text = save_card (run, card, contact != NULL ? contact->id : 0, error);
      stored = g_strdup (text);
      saved.id = bzw_contact_get_id (card->contact);
    }
  if (text == NULL)
    return FALSE;

  /* The card recorded is the contact's own unless a merge is to go up. */
  saved.revision = bzw_store_get_contact_revision (run->store, saved.id);
  recorded.card = stored;
  recorded.revision = g_str_equal (stored, text) ? saved.revision : 0;
  if (!bzw_store_record_sync_card (run->store, uid, href, etag, stored, recorded.revision, error))
    return FALSE;

  run->summary->downloaded++;
  remember (run, uid, saved, &recorded, g_steal_pointer (&text));
  return TRUE;
}
