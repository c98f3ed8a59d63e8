/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-carddav-sync"

#include "config.h"

#include "bzw-carddav-sync-private.h"
#include "bzw-dav-multistatus.h"
#include "bzw-store-sync.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* One two-way sync of the contacts with a CardDAV address book, by ETags.
 *
 * 1. One PROPFIND (Depth 1) lists the cards on the server with their ETags.
 * 2. Pull: every card that is new or whose ETag changed is fetched with
 *    addressbook-multiget in batches and applied, one transaction per
 *    batch (bzw-carddav-apply.c).  A synced card the server no longer has
 *    deletes the contact here, unless it changed here since: then it is
 *    uploaded again, never dropped.
 * 3. Push: every contact whose card differs from the one last synced is
 *    written with If-Match (or If-None-Match for a new one); a synced card
 *    whose contact is gone here is deleted with If-Match.  A card that
 *    changed on the server meanwhile (412) is left for the next sync.
 * The rows of sync_cards are written in the transactions of their batch,
 * so a sync cut off in the middle leaves both sides consistent and the
 * next one picks up where it stopped.
 */

#define BATCH 50

/* The unescaped path of @href, the key of a card on the server. */
static char *
card_path (BzwSyncRun *run,
           const char *href)
{
  g_autofree char *absolute = bzw_dav_client_resolve (run->client, href);
  g_autoptr(GUri) uri = absolute != NULL ? g_uri_parse (absolute, G_URI_FLAGS_ENCODED, NULL) : NULL;

  if (uri == NULL)
    return NULL;
  return g_uri_unescape_string (g_uri_get_path (uri), NULL);
}

static char *
escape_path (const char *path)
{
  return g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
}

/* path → ETag of every card in the address book. */
static GHashTable *
list_server (BzwSyncRun  *run,
             GError     **error)
{
  g_autofree char *escaped = escape_path (run->addressbook);
  g_autoptr(GPtrArray) responses = NULL;
  GHashTable *cards;

  responses = bzw_dav_client_propfind (run->client, escaped, "1", "<d:getetag/><d:resourcetype/>", error);
  if (responses == NULL)
    return NULL;

  cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < responses->len; i++)
    {
      BzwDavResponse *response = g_ptr_array_index (responses, i);
      char *path;

      if (response->is_collection || response->etag == NULL)
        continue;
      path = card_path (run, response->href);
      if (path != NULL)
        g_hash_table_replace (cards, path, g_strdup (response->etag));
    }

  return cards;
}

static gboolean
fetch_batch (BzwSyncRun  *run,
             GPtrArray   *paths,
             GError     **error)
{
  g_autofree char *escaped = escape_path (run->addressbook);
  g_autoptr(GPtrArray) hrefs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) responses = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (hrefs, escape_path (g_ptr_array_index (paths, i)));

  responses = bzw_dav_client_multiget (run->client, escaped, hrefs, error);
  if (responses == NULL || !bzw_store_begin (run->store, error))
    return FALSE;

  for (guint i = 0; ok && i < responses->len; i++)
    {
      BzwDavResponse *response = g_ptr_array_index (responses, i);
      g_autofree char *path = card_path (run, response->href);
      g_autoptr(GError) card_error = NULL;

      if (path == NULL || response->address_data == NULL)
        continue;
      if (!_bzw_sync_apply_card (run, path, response->etag, response->address_data, &card_error))
        {
          /* A card that cannot be read is left out; a store error ends the batch. */
          if (g_error_matches (card_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
            g_warning ("%s", card_error->message);
          else
            {
              g_propagate_error (error, g_steal_pointer (&card_error));
              ok = FALSE;
            }
        }
    }

  return bzw_store_finish (run->store, ok, error);
}

static GHashTable *
rows_by_path (BzwSyncRun *run)
{
  GHashTable *paths = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, run->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    g_hash_table_insert (paths, ((BzwSyncCard *) row)->href, row);
  return paths;
}

/* Synced cards the server no longer has: the contact goes too, unless it
 * changed here since the last sync.
 */
static gboolean
pull_deletes (BzwSyncRun  *run,
              GHashTable  *server,
              GError     **error)
{
  GHashTableIter iter;
  gpointer row_data;
  gboolean ok = TRUE;

  if (!bzw_store_begin (run->store, error))
    return FALSE;

  g_hash_table_iter_init (&iter, run->rows);
  while (ok && g_hash_table_iter_next (&iter, NULL, &row_data))
    {
      BzwSyncCard *row = row_data;
      const char *local = g_hash_table_lookup (run->texts, row->uid);
      gint64 *id = g_hash_table_lookup (run->uids, row->uid);

      if (g_hash_table_contains (server, row->href))
        continue;

      if (id != NULL && local != NULL && g_str_equal (local, row->card))
        {
          ok = bzw_store_delete_contact (run->store, *id, error);
          run->summary->downloaded++;
        }
      ok = ok && bzw_store_delete_sync_card (run->store, row->uid, error);
    }

  return bzw_store_finish (run->store, ok, error);
}

static gboolean
pull (BzwSyncRun  *run,
      GHashTable  *server,
      GError     **error)
{
  g_autoptr(GHashTable) by_path = rows_by_path (run);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer path, etag;

  g_hash_table_iter_init (&iter, server);
  while (g_hash_table_iter_next (&iter, &path, &etag))
    {
      BzwSyncCard *row = g_hash_table_lookup (by_path, path);

      if (row == NULL || g_strcmp0 (row->etag, etag) != 0)
        g_ptr_array_add (wanted, path);
    }

  for (guint start = 0; start < wanted->len; start += BATCH)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new ();

      for (guint i = start; i < wanted->len && i < start + BATCH; i++)
        g_ptr_array_add (batch, g_ptr_array_index (wanted, i));
      if (!fetch_batch (run, batch, error))
        return FALSE;
    }

  return pull_deletes (run, server, error);
}

/* Where a new card of @uid goes: the uid when it is safe in a path. */
static char *
new_card_path (BzwSyncRun *run,
               const char *uid)
{
  g_autofree char *name = NULL;
  gboolean safe = *uid != '\0' && strlen (uid) < 200;

  for (const char *p = uid; safe && *p != '\0'; p++)
    safe = g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.';

  name = safe ? g_strdup (uid) : g_uuid_string_random ();
  return g_strconcat (run->addressbook, g_str_has_suffix (run->addressbook, "/") ? "" : "/",
                      name, ".vcf", NULL);
}

/* A row to write after its upload, in the transaction of its batch. */
typedef struct
{
  const char *uid;
  char       *href;
  char       *etag;
  const char *card;   /* NULL: the card was deleted */
} Done;

static void
done_clear (gpointer data)
{
  Done *done = data;

  g_free (done->href);
  g_free (done->etag);
}

static gboolean
record (BzwSyncRun  *run,
        GArray      *done,
        GError     **error)
{
  gboolean ok = TRUE;

  if (done->len == 0)
    return TRUE;
  if (!bzw_store_begin (run->store, error))
    return FALSE;

  for (guint i = 0; ok && i < done->len; i++)
    {
      Done *d = &g_array_index (done, Done, i);

      ok = d->card != NULL
           ? bzw_store_set_sync_card (run->store, d->uid, d->href, d->etag, d->card, error)
           : bzw_store_delete_sync_card (run->store, d->uid, error);
    }

  g_array_set_size (done, 0);
  return bzw_store_finish (run->store, ok, error);
}

/* Uploads @card; FALSE only for an error that ends the sync. */
static gboolean
upload (BzwSyncRun  *run,
        const char  *uid,
        const char  *card,
        BzwSyncCard *row,
        GArray      *done,
        GError     **error)
{
  g_autofree char *path = row != NULL ? g_strdup (row->href) : new_card_path (run, uid);
  g_autofree char *escaped = escape_path (path);
  g_autoptr(BzwDavReply) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  Done d = { uid, NULL, NULL, card };

  reply = bzw_dav_client_put (run->client, escaped, card,
                              row == NULL ? NULL : row->etag != NULL ? row->etag : "*", &local_error);
  if (reply == NULL)
    {
      if (!g_error_matches (local_error, BZW_DAV_ERROR, BZW_DAV_ERROR_PRECONDITION))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("A card changed on the server meanwhile; the next sync merges it");
      return TRUE;
    }

  d.href = g_steal_pointer (&path);
  d.etag = g_steal_pointer (&reply->etag);
  g_array_append_val (done, d);
  run->summary->uploaded++;
  return TRUE;
}

static gboolean
push_deletes (BzwSyncRun  *run,
              GArray      *done,
              GError     **error)
{
  GHashTableIter iter;
  gpointer row_data;

  g_hash_table_iter_init (&iter, run->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row_data))
    {
      BzwSyncCard *row = row_data;
      g_autofree char *escaped = NULL;
      g_autoptr(GError) local_error = NULL;
      Done d = { row->uid, NULL, NULL, NULL };

      if (g_hash_table_contains (run->uids, row->uid))
        continue;

      escaped = escape_path (row->href);
      if (!bzw_dav_client_delete (run->client, escaped, row->etag, &local_error) &&
          !g_error_matches (local_error, BZW_DAV_ERROR, BZW_DAV_ERROR_PRECONDITION))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* Changed there meanwhile (412): the next pull brings it back. */
      if (local_error == NULL)
        run->summary->uploaded++;
      g_array_append_val (done, d);
      if (done->len >= BATCH && !record (run, done, error))
        return FALSE;
    }

  return record (run, done, error);
}

static gboolean
push (BzwSyncRun  *run,
      GError     **error)
{
  g_autoptr(GArray) done = g_array_new (FALSE, TRUE, sizeof (Done));
  GHashTableIter iter;
  gpointer uid, text;

  g_array_set_clear_func (done, done_clear);

  g_hash_table_iter_init (&iter, run->texts);
  while (g_hash_table_iter_next (&iter, &uid, &text))
    {
      BzwSyncCard *row = g_hash_table_lookup (run->rows, uid);

      if (row != NULL && g_str_equal (row->card, text))
        continue;

      if (!upload (run, uid, text, row, done, error))
        {
          /* What was uploaded so far is recorded; the error wins. */
          record (run, done, NULL);
          return FALSE;
        }
      if (done->len >= BATCH && !record (run, done, error))
        return FALSE;
    }

  return record (run, done, error) && push_deletes (run, done, error);
}

static void
run_clear (BzwSyncRun *run)
{
  g_free (run->addressbook);
  g_clear_pointer (&run->rows, g_hash_table_unref);
  g_clear_pointer (&run->uids, g_hash_table_unref);
  g_clear_pointer (&run->texts, g_hash_table_unref);
  g_clear_pointer (&run->circle_names, g_hash_table_unref);
  g_clear_pointer (&run->circle_ids, g_hash_table_unref);
}

/**
 * bzw_carddav_sync:
 * @addressbook: the address book's href (from bzw_dav_discover_addressbook())
 * @summary: (out caller-allocates): what the sync did
 *
 * Runs one two-way sync of the contacts (see above).
 */
gboolean
bzw_carddav_sync (BzwStore        *store,
                  BzwDavClient    *client,
                  const char      *addressbook,
                  BzwSyncSummary  *summary,
                  GError         **error)
{
  BzwSyncRun run = { store, client, NULL, summary, NULL };
  g_autoptr(GHashTable) server = NULL;
  guint before = bzw_dav_client_get_n_requests (client);
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (client), FALSE);

  memset (summary, 0, sizeof *summary);
  run.addressbook = card_path (&run, addressbook);
  ok = run.addressbook != NULL;
  if (!ok)
    g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED, _("“%s” is no address on the server."), addressbook);

  ok = ok && (server = list_server (&run, error)) != NULL;
  ok = ok && _bzw_sync_read_local (&run, error) && pull (&run, server, error);
  /* The pull changed rows and contacts: read them again for the push. */
  ok = ok && _bzw_sync_read_local (&run, error) && push (&run, error);

  summary->requests = bzw_dav_client_get_n_requests (client) - before;
  run_clear (&run);
  return ok;
}
