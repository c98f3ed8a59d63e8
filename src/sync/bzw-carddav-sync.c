/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-carddav-sync"

#include "config.h"

#include "bzw-carddav-sync-private.h"
#include "bzw-dav-multistatus.h"
#include "bzw-store-sync.h"
#include "bzw-sync-pull.h"
#include "bzw-vcard-reader.h"
#include "bzw-vcard-writer.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* One two-way sync of the contacts with a CardDAV address book.
 *
 * 1. What changed on the server since the last sync (bzw-sync-changes.c):
 *    one PROPFIND of the address book's ctag when nothing did, else a
 *    sync-collection REPORT (RFC 6578) or a listing of every ETag.
 * 2. Pull: every card that is new or whose ETag changed is fetched with
 *    addressbook-multiget in batches and applied, one transaction per
 *    batch (bzw-carddav-apply.c).  A synced card the server no longer has
 *    deletes the contact here, unless it changed here since: then it is
 *    uploaded again, never dropped.  Then the server's state is remembered.
 * 3. Push: every contact whose revision moved since its card was synced
 *    (bzw-carddav-apply.c) and whose card differs from the one last synced is
 *    written with If-Match (or If-None-Match for a new one), as vCard 4.0
 *    or, to a server that does not take 4.0, as 3.0; a synced card whose
 *    contact is gone here is deleted with If-Match.  A card that changed
 *    on the server meanwhile (412) is fetched again, merged and written
 *    once more; a second 412 is left for the next sync.
 * The rows of sync_cards are written in the transactions of their batch,
 * so a sync cut off in the middle leaves both sides consistent and the
 * next one picks up where it stopped.
 */

/* The address book's ctag and sync-token, remembered in these settings;
 * its PROPFIND asks which vCard versions it takes too.
 */
static const BzwSyncStateKeys state_keys = {
  "carddav-collection", "carddav-ctag", "carddav-sync-token", "<card:supported-address-data/>"
};

static gboolean
record_card (BzwStore           *store,
             const BzwSyncDone  *done,
             GError            **error)
{
  return done->text != NULL
         ? bzw_store_record_sync_card (store, done->uid, done->href, done->etag, done->text,
                                       done->revision, error)
         : bzw_store_delete_sync_card (store, done->uid, error);
}

/* A downloaded card; one that cannot be read is left out, a store error
 * ends the batch.
 */
static gboolean
apply_card (gpointer         user_data,
            BzwSyncFetched  *fetched,
            GError         **error)
{
  g_autoptr(GError) card_error = NULL;

  if (_bzw_sync_apply_card (user_data, fetched->path, fetched->etag, fetched->data, &card_error))
    return TRUE;
  if (!g_error_matches (card_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    {
      g_propagate_error (error, g_steal_pointer (&card_error));
      return FALSE;
    }
  g_warning ("%s", card_error->message);
  return TRUE;
}

/* A synced card the server no longer has: the contact goes too, unless
 * it changed here since the last sync.
 */
static gboolean
card_gone (gpointer   user_data,
           gpointer   row_data,
           GError   **error)
{
  BzwSyncRun *run = user_data;
  BzwSyncCard *row = row_data;
  BzwContactRevision *contact = g_hash_table_lookup (run->uids, row->uid);

  run->reread = TRUE;
  if (contact == NULL || _bzw_sync_changed_here (run, row->uid))
    return TRUE;

  run->summary->downloaded++;
  return bzw_store_delete_contact (run->store, contact->id, error);
}

static BzwSyncPull
pull_for (BzwSyncRun *run)
{
  BzwSyncPull pull = { run->store, run->client, run->addressbook, &state_keys, FALSE,
                       G_STRUCT_OFFSET (BzwSyncCard, href), G_STRUCT_OFFSET (BzwSyncCard, etag),
                       record_card, apply_card, card_gone, run };

  return pull;
}

static gboolean
pull (BzwSyncRun      *run,
      BzwSyncChanges  *changes,
      GError         **error)
{
  BzwSyncPull pull = pull_for (run);
  g_autoptr(GPtrArray) wanted = bzw_sync_pull_wanted (&pull, changes, run->rows, NULL);

  return bzw_sync_pull_fetch (&pull, wanted, error) &&
         bzw_sync_pull_deletes (&pull, changes, run->rows, error);
}

/* @card (vCard 4.0 as the writer makes it) in the version the server
 * takes.
 */
static char *
card_for_server (BzwSyncRun *run,
                 const char *card)
{
  g_autoptr(BzwParseResult) result = NULL;
  g_autoptr(GString) out = NULL;
  BzwParsedCard *parsed;

  if (run->vcard4)
    return g_strdup (card);

  result = bzw_vcard_reader_parse (card, strlen (card));
  if (result->cards->len == 0)
    return g_strdup (card);

  parsed = g_ptr_array_index (result->cards, 0);
  out = g_string_new (NULL);
  if (parsed->categories != NULL)
    g_ptr_array_add (parsed->categories, NULL);
  bzw_vcard_writer_append_contact_as (out, parsed->contact,
                                      parsed->categories != NULL
                                      ? (const char * const *) parsed->categories->pdata : NULL,
                                      BZW_VCARD_VERSION_3_0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Uploads @card; FALSE only for an error that ends the sync.  A 412
 * notes the card for fetching and merging (see push()).
 */
static gboolean
upload (BzwSyncRun   *run,
        BzwSyncPush  *push,
        const char   *uid,
        GError      **error)
{
  const char *card = g_hash_table_lookup (run->texts, uid);
  BzwSyncCard *row = g_hash_table_lookup (run->rows, uid);
  g_autofree char *body = card_for_server (run, card);
  BzwContactRevision *contact = g_hash_table_lookup (run->uids, uid);
  BzwSyncDone d = { uid, NULL, NULL, NULL, card, contact != NULL ? contact->revision : 0, NULL };

  return bzw_sync_push_put (push, &d, run->addressbook, ".vcf", row != NULL ? row->href : NULL,
                            row != NULL ? row->etag : NULL, body, error);
}

/* The contact @uid did not change its card: its row takes the revision
 * just compared, so the next sync does not write the card again.
 */
static gboolean
remember_revision (BzwSyncRun   *run,
                   BzwSyncPush  *push,
                   const char   *uid,
                   BzwSyncCard  *row,
                   GError      **error)
{
  BzwContactRevision *contact = g_hash_table_lookup (run->uids, uid);
  BzwSyncDone d = { uid, NULL, NULL, NULL, NULL, 0, NULL };

  if (contact == NULL || row->revision == contact->revision)
    return TRUE;

  d.href = g_strdup (row->href);
  d.etag = g_strdup (row->etag);
  d.text = row->card;
  d.revision = contact->revision;
  row->revision = contact->revision;
  return bzw_sync_push_add (push, &d, error);
}

static gboolean
push (BzwSyncRun  *run,
      GError     **error)
{
  g_auto(BzwSyncPush) push = { run->store, run->client, run->summary, record_card,
                               "text/vcard; charset=utf-8", run->stale, NULL };
  GHashTableIter iter;
  gpointer uid;

  g_hash_table_iter_init (&iter, run->texts);
  while (g_hash_table_iter_next (&iter, &uid, NULL))
    {
      BzwSyncCard *row = g_hash_table_lookup (run->rows, uid);

      if (!_bzw_sync_changed_here (run, uid))
        {
          /* Touched but the same card: only its revision is remembered. */
          if (!remember_revision (run, &push, uid, row, error))
            return FALSE;
          continue;
        }

      if (!upload (run, &push, uid, error))
        {
          /* What was uploaded so far is recorded; the error wins. */
          bzw_sync_push_flush (&push, NULL);
          return FALSE;
        }
    }

  return bzw_sync_push_flush (&push, error) &&
         bzw_sync_push_deletes (&push, run->rows, G_STRUCT_OFFSET (BzwSyncCard, href),
                                G_STRUCT_OFFSET (BzwSyncCard, etag), run->uids, error);
}

/* Cards whose upload met a 412 are fetched and merged (the base stays
 * what was last synced), and the merge goes up once more; a second 412
 * is left for the next sync.
 */
static gboolean
push_stale (BzwSyncRun  *run,
            GError     **error)
{
  g_autoptr(GPtrArray) stale = g_steal_pointer (&run->stale);
  BzwSyncPull pull = pull_for (run);

  if (stale->len == 0)
    return TRUE;

  return bzw_sync_pull_fetch (&pull, stale, error) && _bzw_sync_read_local (run, error) && push (run, error);
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
  g_clear_pointer (&run->stale, g_ptr_array_unref);
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
  g_autoptr(BzwSyncChanges) changes = NULL;
  g_autoptr(BzwDavResponse) collection = NULL;
  BzwSyncMeter meter;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (client), FALSE);

  memset (summary, 0, sizeof *summary);
  bzw_sync_meter_start (&meter, client);
  run.addressbook = bzw_sync_collection_path (client, addressbook, error);
  ok = run.addressbook != NULL &&
       (changes = bzw_sync_changes_list (store, client, run.addressbook, &state_keys, &collection,
                                         error)) != NULL;
  /* RFC 6352: without supported-address-data a server takes vCard 3.0. */
  run.vcard4 = ok && collection->has_vcard4;
  ok = ok && _bzw_sync_read_local (&run, error) && pull (&run, changes, error);
  /* A pull that changed more than the tables follow: read them again for the push. */
  if (ok && run.reread)
    ok = _bzw_sync_read_local (&run, error);
  run.stale = g_ptr_array_new_with_free_func (g_free);
  ok = ok && push (&run, error) && push_stale (&run, error);

  bzw_sync_meter_stop (&meter, client, summary);
  run_clear (&run);
  return ok;
}

/**
 * bzw_carddav_sync_forget:
 *
 * Forgets the address book's remembered state, in the caller's
 * transaction: the next sync lists it whole (for rows of sync_cards
 * forgotten).
 */
gboolean
bzw_carddav_sync_forget (BzwStore  *store,
                         GError   **error)
{
  return bzw_sync_changes_forget (store, &state_keys, error);
}
