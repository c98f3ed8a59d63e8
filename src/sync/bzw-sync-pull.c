/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-sync-pull"

#include "config.h"

#include "bzw-sync-pull.h"

/* What the CardDAV sync (bzw-carddav-sync.c) and the CalDAV sync
 * (bzw-caldav-sync.c) pull alike: the resources new or changed on the
 * server are fetched by multiget BZW_SYNC_BATCH at a time, each batch
 * applied in one transaction as it comes, so a cut sync keeps what it
 * got; the synced resources gone there are settled in one transaction
 * with the collection's state.  What a resource does here is the
 * caller's (BzwSyncPull.apply and .gone).
 */

BzwSyncFetched *
bzw_sync_fetched_copy (const BzwSyncFetched *fetched)
{
  BzwSyncFetched *copy = g_new0 (BzwSyncFetched, 1);

  copy->path = g_strdup (fetched->path);
  copy->etag = g_strdup (fetched->etag);
  copy->data = g_strdup (fetched->data);
  return copy;
}

void
bzw_sync_fetched_free (gpointer data)
{
  BzwSyncFetched *fetched = data;

  g_free (fetched->path);
  g_free (fetched->etag);
  g_free (fetched->data);
  g_free (fetched);
}

/* The paths of @changes to fetch: new, or whose ETag is not the one of
 * their row in @rows (uid → row).  A path of @known (nullable, path →
 * ETag) is left alone while its ETag stays, or always where it has none.
 * The paths are those of @changes, not owned.
 */
GPtrArray *
bzw_sync_pull_wanted (BzwSyncPull    *pull,
                      BzwSyncChanges *changes,
                      GHashTable     *rows,
                      GHashTable     *known)
{
  g_autoptr(GHashTable) by_path = bzw_sync_rows_by_path (rows, pull->href_offset);
  GPtrArray *wanted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer path, etag;

  g_hash_table_iter_init (&iter, changes->changed);
  while (g_hash_table_iter_next (&iter, &path, &etag))
    {
      gpointer row = g_hash_table_lookup (by_path, path);
      gpointer known_etag = NULL;

      if (known != NULL && g_hash_table_lookup_extended (known, path, NULL, &known_etag) &&
          (known_etag == NULL || g_str_equal (known_etag, etag)))
        continue;
      if (row == NULL || g_strcmp0 (G_STRUCT_MEMBER (char *, row, pull->etag_offset), etag) != 0)
        g_ptr_array_add (wanted, path);
    }

  return wanted;
}

/* Applies @fetched (BzwSyncFetched) in one transaction, none when it is empty. */
gboolean
bzw_sync_pull_apply (BzwSyncPull  *pull,
                     GPtrArray    *fetched,
                     GError      **error)
{
  gboolean ok = TRUE;

  if (fetched->len == 0)
    return TRUE;
  if (!bzw_store_begin (pull->store, error))
    return FALSE;

  for (guint i = 0; ok && i < fetched->len; i++)
    ok = pull->apply (pull->user_data, g_ptr_array_index (fetched, i), error);

  return bzw_store_finish (pull->store, ok, error);
}

/* One multiget of @paths (unescaped), what came with data in @fetched. */
static gboolean
multiget (BzwSyncPull  *pull,
          GPtrArray    *paths,
          GPtrArray    *fetched,
          GError      **error)
{
  g_autofree char *escaped = bzw_sync_escape_path (pull->collection);
  g_autoptr(GPtrArray) hrefs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) responses = NULL;

  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (hrefs, bzw_sync_escape_path (g_ptr_array_index (paths, i)));

  responses = bzw_dav_client_multiget (pull->client, escaped, hrefs, pull->calendar, error);
  if (responses == NULL)
    return FALSE;

  for (guint i = 0; i < responses->len; i++)
    {
      BzwDavResponse *response = g_ptr_array_index (responses, i);
      const char *data = pull->calendar ? response->calendar_data : response->address_data;
      BzwSyncFetched *one;

      if (data == NULL)
        continue;
      one = g_new0 (BzwSyncFetched, 1);
      one->path = bzw_sync_member_path (pull->client, response->href);
      one->etag = g_strdup (response->etag);
      one->data = g_strdup (data);
      if (one->path == NULL)
        bzw_sync_fetched_free (one);
      else
        g_ptr_array_add (fetched, one);
    }

  return TRUE;
}

/* Fetches @paths (unescaped) a batch at a time, each batch applied as
 * it comes.
 */
gboolean
bzw_sync_pull_fetch (BzwSyncPull  *pull,
                     GPtrArray    *paths,
                     GError      **error)
{
  for (guint start = 0; start < paths->len; start += BZW_SYNC_BATCH)
    {
      g_autoptr(GPtrArray) batch = bzw_sync_batch (paths, start);
      g_autoptr(GPtrArray) fetched = g_ptr_array_new_with_free_func (bzw_sync_fetched_free);

      if (!multiget (pull, batch, fetched, error) || !bzw_sync_pull_apply (pull, fetched, error))
        return FALSE;
    }

  return TRUE;
}

/* The rows of @rows (uid → row) whose resource the server no longer
 * has: each goes to BzwSyncPull.gone, is forgotten and leaves @rows.
 * Then the collection's state is remembered, in the same transaction.
 */
gboolean
bzw_sync_pull_deletes (BzwSyncPull     *pull,
                       BzwSyncChanges  *changes,
                       GHashTable      *rows,
                       GError         **error)
{
  GHashTableIter iter;
  gpointer uid, row;
  gboolean ok = TRUE;

  if (changes->unchanged && g_hash_table_size (changes->gone) == 0)
    return TRUE;
  if (!bzw_store_begin (pull->store, error))
    return FALSE;

  g_hash_table_iter_init (&iter, rows);
  while (ok && g_hash_table_iter_next (&iter, &uid, &row))
    {
      BzwSyncDone forget = { uid, NULL, NULL, NULL, NULL, 0, NULL };

      if (!bzw_sync_changes_is_gone (changes, G_STRUCT_MEMBER (char *, row, pull->href_offset)))
        continue;

      ok = pull->gone (pull->user_data, row, error);
      ok = ok && pull->record (pull->store, &forget, error);
      g_hash_table_iter_remove (&iter);
    }

  ok = ok && bzw_sync_changes_save (pull->store, pull->client, pull->collection, pull->keys,
                                    changes, error);
  return bzw_store_finish (pull->store, ok, error);
}
