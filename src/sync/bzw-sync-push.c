/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-sync-push"

#include "config.h"

#include "bzw-sync-push.h"

#include "bzw-sync-changes.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* What the CardDAV sync (bzw-carddav-sync.c) and the CalDAV sync
 * (bzw-caldav-sync.c) do alike: the paths of the resources, the batches,
 * and the push's uploads and deletes with If-Match, whose rows are
 * recorded BZW_SYNC_BATCH at a time in one transaction each; a 412 is
 * left for the caller (a card fetched and merged at once, an item at the
 * next sync).
 */

void
bzw_sync_meter_start (BzwSyncMeter *meter,
                      BzwDavClient *client)
{
  meter->requests = bzw_dav_client_get_n_requests (client);
  meter->waited = bzw_dav_client_get_waited (client);
}

/* Adds the requests and the waiting since bzw_sync_meter_start() to @summary. */
void
bzw_sync_meter_stop (BzwSyncMeter   *meter,
                     BzwDavClient   *client,
                     BzwSyncSummary *summary)
{
  summary->requests += bzw_dav_client_get_n_requests (client) - meter->requests;
  summary->waited += bzw_dav_client_get_waited (client) - meter->waited;
}

/* The unescaped path of the collection at @href, or NULL with an error. */
char *
bzw_sync_collection_path (BzwDavClient  *client,
                          const char    *href,
                          GError       **error)
{
  char *path = bzw_sync_member_path (client, href);

  if (path == NULL)
    g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED,
                 _("“%s” is no address on the server."), href);
  return path;
}

char *
bzw_sync_escape_path (const char *path)
{
  return g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
}

/* Where a new resource of @uid goes in @collection: the uid when it is
 * safe in a path, else a random one; @suffix is its ending (".vcf").
 */
char *
bzw_sync_new_path (const char *collection,
                   const char *uid,
                   const char *suffix)
{
  g_autofree char *name = NULL;
  gboolean safe = *uid != '\0' && strlen (uid) < 200;

  for (const char *p = uid; safe && *p != '\0'; p++)
    safe = g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.';

  name = safe ? g_strdup (uid) : g_uuid_string_random ();
  return g_strconcat (collection, g_str_has_suffix (collection, "/") ? "" : "/",
                      name, suffix, NULL);
}

/* The batch of @all that begins at @start, without owning its members. */
GPtrArray *
bzw_sync_batch (GPtrArray *all,
                guint      start)
{
  GPtrArray *batch = g_ptr_array_new ();

  for (guint i = start; i < all->len && i < start + BZW_SYNC_BATCH; i++)
    g_ptr_array_add (batch, g_ptr_array_index (all, i));
  return batch;
}

/* @rows (uid → row) by the href at @href_offset of each row, not owned. */
GHashTable *
bzw_sync_rows_by_path (GHashTable *rows,
                       gsize       href_offset)
{
  GHashTable *paths = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    g_hash_table_insert (paths, G_STRUCT_MEMBER (char *, row, href_offset), row);
  return paths;
}

static void
done_clear (gpointer data)
{
  BzwSyncDone *done = data;

  g_free (done->href);
  g_free (done->etag);
}

void
bzw_sync_push_clear (BzwSyncPush *push)
{
  g_clear_pointer (&push->done, g_array_unref);
}

/* Records the rows waiting, in one transaction. */
gboolean
bzw_sync_push_flush (BzwSyncPush  *push,
                     GError      **error)
{
  gboolean ok = TRUE;

  if (push->done == NULL || push->done->len == 0)
    return TRUE;
  if (!bzw_store_begin (push->store, error))
    return FALSE;

  for (guint i = 0; ok && i < push->done->len; i++)
    ok = push->record (push->store, &g_array_index (push->done, BzwSyncDone, i), error);

  g_array_set_size (push->done, 0);
  return bzw_store_finish (push->store, ok, error);
}

/* Takes @done (its href and etag too) to record, and records a full batch. */
gboolean
bzw_sync_push_add (BzwSyncPush        *push,
                   const BzwSyncDone  *done,
                   GError            **error)
{
  if (push->done == NULL)
    {
      push->done = g_array_new (FALSE, TRUE, sizeof (BzwSyncDone));
      g_array_set_clear_func (push->done, done_clear);
    }
  g_array_append_vals (push->done, done, 1);
  return push->done->len < BZW_SYNC_BATCH || bzw_sync_push_flush (push, error);
}

/* Uploads @body to the href of @done (an unescaped path) with its
 * If-Match (NULL: a new one); FALSE only for an error that ends the sync.  A 412
 * adds the path to the push's stale paths and records nothing.  Else the
 * row of @done goes with the new ETag.
 */
gboolean
bzw_sync_push_upload (BzwSyncPush        *push,
                      const BzwSyncDone  *done,
                      const char         *body,
                      GError            **error)
{
  g_autofree char *escaped = bzw_sync_escape_path (done->href);
  g_autoptr(BzwDavReply) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  BzwSyncDone d = *done;

  reply = bzw_dav_client_put_typed (push->client, escaped, push->content_type, body, done->if_match,
                                    &local_error);
  if (reply == NULL)
    {
      if (!g_error_matches (local_error, BZW_DAV_ERROR, BZW_DAV_ERROR_PRECONDITION))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("A resource changed on the server meanwhile; it is merged");
      if (push->stale != NULL)
        g_ptr_array_add (push->stale, g_strdup (done->href));
      return TRUE;
    }

  d.href = g_strdup (done->href);
  d.etag = g_steal_pointer (&reply->etag);
  d.if_match = NULL;
  push->summary->uploaded++;
  return bzw_sync_push_add (push, &d, error);
}

/* Uploads @body as the row of @done: to @href, with If-Match @etag (none
 * known: "*"), where the server has it, else as a new resource of
 * @collection named after the UID with @suffix.
 */
gboolean
bzw_sync_push_put (BzwSyncPush        *push,
                   const BzwSyncDone  *done,
                   const char         *collection,
                   const char         *suffix,
                   const char         *href,
                   const char         *etag,
                   const char         *body,
                   GError            **error)
{
  g_autofree char *path = href != NULL ? g_strdup (href) : bzw_sync_new_path (collection, done->uid, suffix);
  BzwSyncDone d = *done;

  d.href = path;
  d.if_match = href == NULL ? NULL : etag != NULL ? etag : "*";
  return bzw_sync_push_upload (push, &d, body, error);
}

/* Deletes the synced resource at the href of @done (an unescaped path)
 * with its If-Match and forgets the row of its uid; FALSE only for an error
 * that ends the sync.  A 412 (changed there meanwhile) forgets the row
 * all the same: the next pull brings it back.
 */
gboolean
bzw_sync_push_delete (BzwSyncPush        *push,
                      const BzwSyncDone  *done,
                      GError            **error)
{
  g_autofree char *escaped = bzw_sync_escape_path (done->href);
  g_autoptr(GError) local_error = NULL;
  BzwSyncDone d = { done->uid, done->kind, NULL, NULL, NULL, 0, NULL };

  if (!bzw_dav_client_delete (push->client, escaped, done->if_match, &local_error) &&
      !g_error_matches (local_error, BZW_DAV_ERROR, BZW_DAV_ERROR_PRECONDITION))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (local_error == NULL)
    push->summary->uploaded++;
  return bzw_sync_push_add (push, &d, error);
}

/* Deletes on the server every row of @rows (by UID; their href and ETag
 * at @href_offset and @etag_offset) whose UID @keep does not hold, and
 * records them; what was deleted is recorded even when an error ends it.
 */
gboolean
bzw_sync_push_deletes (BzwSyncPush  *push,
                       GHashTable   *rows,
                       gsize         href_offset,
                       gsize         etag_offset,
                       GHashTable   *keep,
                       GError      **error)
{
  GHashTableIter iter;
  gpointer uid;
  gpointer row;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &uid, &row))
    {
      BzwSyncDone d = { uid, NULL, G_STRUCT_MEMBER (char *, row, href_offset), NULL, NULL, 0,
                        G_STRUCT_MEMBER (char *, row, etag_offset) };

      if (!g_hash_table_contains (keep, uid) && !bzw_sync_push_delete (push, &d, error))
        {
          bzw_sync_push_flush (push, NULL);
          return FALSE;
        }
    }

  return bzw_sync_push_flush (push, error);
}
