/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-caldav-sync"

#include "config.h"

#include "bzw-caldav-sync.h"

#include "bzw-caldav-merge.h"
#include "bzw-caldav-occasions.h"
#include "bzw-ical-items.h"
#include "bzw-store-caldav.h"
#include "bzw-sync-changes.h"
#include "bzw-sync-pull.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* One two-way sync of the journal (encounters, favours, referrals), the
 * relationships and the talking points with a CalDAV calendar, one
 * resource per item (UID.ics) in the archive's iCalendar mapping, by
 * ETags, like the contacts (bzw-carddav-sync.c):
 *
 * 1. What changed in the calendar since the last sync, as for the address
 *    book (bzw-sync-changes.c): its ctag when nothing did, else a
 *    sync-collection REPORT with the remembered token, or a listing of
 *    every resource and its ETag.
 * 2. Pull: what is new or changed there is fetched by calendar-multiget in
 *    batches, each applied as it comes in one transaction; a favour whose
 *    encounter is not here yet waits for the end of the pull.  An item
 *    changed on both sides is merged property by property
 *    (bzw-caldav-merge.c).  A synced item
 *    the server no longer has is deleted here unless it changed here.
 * 3. Push: every item whose text differs from the one last synced is
 *    written with If-Match (If-None-Match for a new one), a synced item
 *    gone here is deleted with If-Match; a 412 waits for the next sync.
 * The rows of sync_items are written in the transactions of their batch,
 * so a sync cut off in the middle leaves both sides consistent and the
 * next one picks up where it stopped.  Run it after the contacts: the
 * items name people by their vCard UID.
 * 4. The occasions (bzw-caldav-occasions.c): the calendar export's items,
 *    one way; the pull leaves their resources, recorded or marked, alone.
 *    They are compared with what the server has: the ETags of the rows
 *    of sync_items as they were before the pull, with what changed there
 *    since (all of them when the calendar was listed whole).
 */

#define CALENDAR_TYPE "text/calendar; charset=utf-8"

/* The calendar's ctag and sync-token, kept like the address book's. */
static const BzwSyncStateKeys state_keys = {
  "caldav-collection", "caldav-ctag", "caldav-sync-token", ""
};

/* The journal's state (bzw_store_dup_journal_state()) as the last sync that
 * went through began.
 */
#define SETTING_STATE "caldav-journal-state"

typedef struct
{
  BzwStore       *store;
  BzwDavClient   *client;
  char           *calendar;  /* unescaped path */
  BzwSyncSummary *summary;
  BzwIcalItems   *items;
  GHashTable     *rows;      /* uid → BzwSyncItem */
  GHashTable     *local;     /* uid → BzwIcalItem, as the app writes it now */
  GHashTable     *occasions; /* path → ETag of the occasions' rows, not in rows */
  char           *state;     /* bzw_store_dup_journal_state() as the sync began */
  gboolean        same;      /* … and as the last sync that went through began */
  GPtrArray      *later;     /* favours waiting for their encounters, NULL at the end of the pull */
} Run;

/* The rows of sync_items, without the occasions'. */
static gboolean
read_rows (Run     *run,
           GError **error)
{
  g_clear_pointer (&run->rows, g_hash_table_unref);
  run->rows = bzw_store_list_sync_items (run->store, error);
  if (run->rows != NULL)
    {
      GHashTableIter iter;
      gpointer row;

      g_hash_table_remove_all (run->occasions);
      g_hash_table_iter_init (&iter, run->rows);
      while (g_hash_table_iter_next (&iter, NULL, &row))
        {
          BzwSyncItem *item = row;

          /* Ours are skipped whatever their ETag, another's while it stays. */
          if (g_str_equal (item->kind, BZW_CALDAV_OCCASION_KIND))
            g_hash_table_replace (run->occasions, g_strdup (item->href), NULL);
          else if (g_str_equal (item->kind, BZW_CALDAV_OCCASION_FOREIGN_KIND))
            g_hash_table_replace (run->occasions, g_strdup (item->href), g_strdup (item->etag));
          else
            continue;
          g_hash_table_iter_remove (&iter);
        }
    }
  return run->rows != NULL;
}

/* Every item as the app writes it now, to compare with the rows. */
static gboolean
render_local (Run     *run,
              GError **error)
{
  g_clear_pointer (&run->local, g_hash_table_unref);
  g_clear_pointer (&run->items, bzw_ical_items_free);

  run->items = bzw_ical_items_new (run->store, error);
  run->local = run->items != NULL ? bzw_ical_items_list (run->items, error) : NULL;
  if (run->local == NULL)
    return FALSE;

  run->summary->items_rendered += g_hash_table_size (run->local);
  return TRUE;
}

static gboolean
read_local (Run     *run,
            GError **error)
{
  return read_rows (run, error) && render_local (run, error);
}

/* Whether the journal may have changed here since the last sync, or a
 * synced item is gone on the server: then the items are written to
 * compare (render_local()); else there is nothing to push, and nothing to
 * merge a download with.
 */
static gboolean
needs_local (Run            *run,
             BzwSyncChanges *changes)
{
  GHashTableIter iter;
  gpointer row;

  if (!run->same)
    return TRUE;
  if (changes->unchanged && g_hash_table_size (changes->gone) == 0)
    return FALSE;

  g_hash_table_iter_init (&iter, run->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    if (bzw_sync_changes_is_gone (changes, ((BzwSyncItem *) row)->href))
      return TRUE;
  return FALSE;
}

/* path → ETag of every resource in the calendar as far as this sync
 * knows: the rows before the pull with the changes listed since, or the
 * whole listing.  A row without an ETag is there all the same ("*").
 */
static GHashTable *
server_state (Run             *run,
              BzwSyncChanges  *changes,
              GError         **error)
{
  g_autoptr(GHashTable) server = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (!changes->complete)
    {
      g_autoptr(GHashTable) rows = bzw_store_list_sync_items (run->store, error);

      if (rows == NULL)
        return NULL;
      g_hash_table_iter_init (&iter, rows);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          BzwSyncItem *row = value;

          g_hash_table_replace (server, g_strdup (row->href), g_strdup (row->etag != NULL ? row->etag : "*"));
        }
      g_hash_table_iter_init (&iter, changes->gone);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_remove (server, key);
    }

  g_hash_table_iter_init (&iter, changes->changed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (server, g_strdup (key), g_strdup (value));
  return g_steal_pointer (&server);
}

/* What @fetched does here, inside the caller's transaction.  A favour
 * whose encounter is not here yet waits in run->later for the end of the
 * pull.
 */
static gboolean
apply (gpointer         user_data,
       BzwSyncFetched  *fetched,
       GError         **error)
{
  Run *run = user_data;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(BzwIcalItem) remote = bzw_ical_items_read (run->items, fetched->data, &read_error);
  g_autoptr(BzwIcalItem) saved = NULL;
  g_autoptr(GError) save_error = NULL;
  g_autofree char *stored = NULL;
  BzwSyncItem *row;
  BzwIcalItem *local;

  if (bzw_caldav_occasion_is_marked (fetched->data))
    return bzw_caldav_occasion_record_foreign (run->store, fetched->path, fetched->etag,
                                               fetched->data, error);
  if (remote == NULL)
    {
      /* Not ours, or a person not here yet: tried again next time. */
      g_debug ("%s: %s", fetched->path, read_error->message);
      return TRUE;
    }
  if (remote->waits && run->later != NULL)
    {
      g_ptr_array_add (run->later, bzw_sync_fetched_copy (fetched));
      return TRUE;
    }

  row = g_hash_table_lookup (run->rows, remote->uid);
  local = g_hash_table_lookup (run->local, remote->uid);
  stored = g_strdup (remote->text);
  /* The same on both sides (an upload whose answer was lost, say). */
  if (local != NULL && g_str_equal (local->text, remote->text))
    return bzw_store_set_sync_item (run->store, remote->uid, remote->kind, fetched->path,
                                    fetched->etag, stored, error);

  if (local != NULL && (row == NULL || !g_str_equal (local->text, row->item)))
    {
      g_autofree char *merged = NULL;
      guint conflicts = 0;

      merged = bzw_caldav_merge (row != NULL ? row->item : NULL, local->text, remote->text,
                                 &conflicts);
      run->summary->conflicts += conflicts > 0 ? 1 : 0;
      saved = bzw_ical_items_read (run->items, merged, error);
      /* The base stays what the server has, so the push uploads the merge. */
      if (saved == NULL)
        return FALSE;
    }
  else
    saved = g_steal_pointer (&remote);

  if (!bzw_ical_items_save (run->items, saved, &save_error))
    {
      if (!g_error_matches (save_error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&save_error));
          return FALSE;
        }
      /* An item this store refuses is left on the server, unrecorded:
       * it is not deleted there and comes again next time.
       */
      g_debug ("%s: %s", fetched->path, save_error->message);
      return TRUE;
    }
  if (remote == NULL)
    {
      g_free (stored);
      stored = g_strdup (saved->text);
    }

  run->summary->downloaded++;
  return bzw_store_set_sync_item (run->store, saved->uid, saved->kind, fetched->path, fetched->etag,
                                  stored, error);
}

static gboolean
record_item (BzwStore           *store,
             const BzwSyncDone  *done,
             GError            **error)
{
  return done->text != NULL
         ? bzw_store_set_sync_item (store, done->uid, done->kind, done->href, done->etag,
                                    done->text, error)
         : bzw_store_delete_sync_item (store, done->uid, error);
}

/* A synced item the server no longer has: gone here too, unless changed
 * here; then the push uploads it as new.
 */
static gboolean
item_gone (gpointer   user_data,
           gpointer   row_data,
           GError   **error)
{
  Run *run = user_data;
  BzwSyncItem *row = row_data;
  /* A row gone there: needs_local() had the items written. */
  BzwIcalItem *local = g_hash_table_lookup (run->local, row->uid);
  gboolean deleted = FALSE;
  gboolean ok = TRUE;

  if (local != NULL && g_str_equal (local->text, row->item))
    ok = bzw_ical_items_delete (run->items, row->kind, row->uid, &deleted, error);
  if (deleted)
    {
      run->summary->downloaded++;
      g_hash_table_remove (run->local, row->uid);
    }
  return ok;
}

static gboolean
pull (Run             *run,
      BzwSyncChanges  *changes,
      GError         **error)
{
  BzwSyncPull pull = { run->store, run->client, run->calendar, &state_keys, TRUE,
                       G_STRUCT_OFFSET (BzwSyncItem, href), G_STRUCT_OFFSET (BzwSyncItem, etag),
                       record_item, apply, item_gone, run };
  g_autoptr(GPtrArray) wanted = bzw_sync_pull_wanted (&pull, changes, run->rows, run->occasions);
  g_autoptr(GPtrArray) later = g_ptr_array_new_with_free_func (bzw_sync_fetched_free);
  gboolean ok;

  if ((wanted->len > 0 || needs_local (run, changes)) && run->local == NULL && !render_local (run, error))
    return FALSE;

  run->later = later;
  ok = bzw_sync_pull_fetch (&pull, wanted, error);
  run->later = NULL;
  /* The favours that waited for their encounters, in batches too. */
  for (guint start = 0; ok && start < later->len; start += BZW_SYNC_BATCH)
    {
      g_autoptr(GPtrArray) batch = bzw_sync_batch (later, start);

      ok = bzw_sync_pull_apply (&pull, batch, error);
    }

  /* The batches changed rows and items (nothing fetched: nothing to read). */
  return ok && (wanted->len == 0 || read_local (run, error)) &&
         bzw_sync_pull_deletes (&pull, changes, run->rows, error);
}

/* Uploads @item; FALSE only for an error that ends the sync.  A 412
 * waits for the next sync, which merges it.
 */
static gboolean
upload (Run           *run,
        BzwSyncPush   *push,
        BzwIcalItem   *item,
        BzwSyncItem   *row,
        GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamped = bzw_ical_item_stamp (item->text, now);
  BzwSyncDone d = { item->uid, item->kind, NULL, NULL, item->text, 0, NULL };

  return bzw_sync_push_put (push, &d, run->calendar, ".ics", row != NULL ? row->href : NULL,
                            row != NULL ? row->etag : NULL, stamped, error);
}

static gboolean
push (Run     *run,
      GError **error)
{
  g_auto(BzwSyncPush) push = { run->store, run->client, run->summary, record_item, CALENDAR_TYPE,
                               NULL, NULL };
  GHashTableIter iter;
  gpointer uid, item;


  g_hash_table_iter_init (&iter, run->local);
  while (g_hash_table_iter_next (&iter, &uid, &item))
    {
      BzwSyncItem *row = g_hash_table_lookup (run->rows, uid);

      if (row != NULL && g_str_equal (row->item, ((BzwIcalItem *) item)->text))
        continue;

      if (!upload (run, &push, item, row, error))
        {
          /* What was uploaded so far is recorded; the error wins. */
          bzw_sync_push_flush (&push, NULL);
          return FALSE;
        }
    }

  return bzw_sync_push_flush (&push, error) &&
         bzw_sync_push_deletes (&push, run->rows, G_STRUCT_OFFSET (BzwSyncItem, href),
                                G_STRUCT_OFFSET (BzwSyncItem, etag), run->local, error);
}

/* The dav client's words for 403 and 507 speak of the address book. */
static void
reword_error (GError *error)
{
  const char *message = NULL;

  if (g_error_matches (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FORBIDDEN))
    message = _("The server does not allow this account to change the calendar of the journal.");
  else if (g_error_matches (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FULL))
    message = _("The server has no space left for the calendar of the journal.");
  else if (g_error_matches (error, BZW_DAV_ERROR, BZW_DAV_ERROR_NOT_FOUND))
    message = _("The calendar of the journal is not on the server (any more).");

  if (message != NULL)
    {
      g_free (error->message);
      error->message = g_strdup (message);
    }
}

static void
run_clear (Run *run)
{
  g_free (run->calendar);
  g_clear_pointer (&run->rows, g_hash_table_unref);
  g_clear_pointer (&run->local, g_hash_table_unref);
  g_clear_pointer (&run->items, bzw_ical_items_free);
  g_clear_pointer (&run->occasions, g_hash_table_unref);
  g_free (run->state);
}

/* The journal's state as the sync begins, and whether it is the one the
 * last sync that went through began with.
 */
static gboolean
read_state (Run     *run,
            GError **error)
{
  g_autofree char *last = bzw_store_dup_setting (run->store, SETTING_STATE);

  run->state = bzw_store_dup_journal_state (run->store, error);
  run->same = run->state != NULL && g_strcmp0 (last, run->state) == 0;
  return run->state != NULL;
}

/**
 * bzw_caldav_sync:
 * @calendar: the calendar's href (from bzw_dav_discover_calendar())
 * @summary: (inout): what the sync did, added to what it holds
 *
 * Runs one two-way sync of the journal (see above).
 */
gboolean
bzw_caldav_sync (BzwStore        *store,
                 BzwDavClient    *client,
                 const char      *calendar,
                 BzwSyncSummary  *summary,
                 GError         **error)
{
  Run run = { store, client, NULL, summary, NULL, NULL, NULL, NULL, NULL, FALSE, NULL };
  g_autoptr(BzwSyncChanges) changes = NULL;
  g_autoptr(GHashTable) server = NULL;
  g_autoptr(GError) local_error = NULL;
  BzwSyncMeter meter;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (client), FALSE);

  bzw_sync_meter_start (&meter, client);
  run.occasions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.calendar = bzw_sync_collection_path (client, calendar, &local_error);
  ok = run.calendar != NULL &&
       (changes = bzw_sync_changes_list (store, client, run.calendar, &state_keys, NULL,
                                         &local_error)) != NULL;
  ok = ok && (server = server_state (&run, changes, &local_error)) != NULL;
  ok = ok && read_state (&run, &local_error) && read_rows (&run, &local_error) &&
       pull (&run, changes, &local_error);
  /* Not written: nothing changed here since the last sync. */
  ok = ok && (run.local == NULL || push (&run, &local_error));
  ok = ok && (run.same || bzw_store_set_setting (store, SETTING_STATE, run.state, &local_error));
  ok = ok && bzw_caldav_occasions_push (store, client, run.calendar, server, changes->unchanged, &local_error);

  bzw_sync_meter_stop (&meter, client, summary);
  run_clear (&run);
  if (!ok)
    {
      reword_error (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return ok;
}

/**
 * bzw_caldav_sync_forget:
 *
 * Forgets the calendar's remembered state, in the caller's transaction:
 * the next sync lists it whole (for rows of sync_items forgotten).
 */
gboolean
bzw_caldav_sync_forget (BzwStore  *store,
                        GError   **error)
{
  return bzw_sync_changes_forget (store, &state_keys, error) && bzw_caldav_occasions_forget (store, error) &&
         bzw_store_set_setting (store, SETTING_STATE, NULL, error);
}
