/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-sync-changes"

#include "config.h"

#include "bzw-sync-changes.h"

#include <string.h>

/* What changed in a collection (the address book, the journal's calendar)
 * since the last sync, with as few requests as the server allows:
 *
 * 1. One PROPFIND (Depth 0) of the collection reads its getctag
 *    (CalendarServer), whether it offers the REPORT sync-collection and
 *    what the caller asks besides (the vCard versions of an address
 *    book).  A ctag equal to the one remembered: nothing changed there,
 *    no second request.  (Not the sync-token: the report gives it, and
 *    Radicale takes seconds to compute it for 10,000 cards.)
 * 2. Else a sync-collection REPORT (RFC 6578) with the remembered token
 *    lists the members changed and deleted since; without a token it
 *    lists them all, and gives the first token.
 * 3. A server without sync-collection, or one that forgot the token or
 *    refuses the report: one PROPFIND (Depth 1) lists every member with
 *    its ETag, and no token is remembered.
 *
 * The ctag and the token are remembered per collection (its absolute
 * address) in the database's settings named by the caller's
 * #BzwSyncStateKeys, written after the pull applied everything they stand
 * for (bzw_sync_changes_save()); a sync cut off before that asks again
 * from the old state.  Both are read before the listing, so a change made
 * during a sync is seen by the next one.
 */

void
bzw_sync_changes_free (BzwSyncChanges *changes)
{
  if (changes == NULL)
    return;

  g_clear_pointer (&changes->changed, g_hash_table_unref);
  g_clear_pointer (&changes->gone, g_hash_table_unref);
  g_free (changes->ctag);
  g_free (changes->token);
  g_free (changes);
}

static BzwSyncChanges *
changes_new (void)
{
  BzwSyncChanges *changes = g_new0 (BzwSyncChanges, 1);

  changes->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  changes->gone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return changes;
}

static char *
escape_path (const char *path)
{
  return g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
}

/**
 * bzw_sync_member_path:
 *
 * Returns: (transfer full) (nullable): the unescaped path of @href, the
 *   key of a member of a collection on the server
 */
char *
bzw_sync_member_path (BzwDavClient *client,
                      const char   *href)
{
  g_autofree char *absolute = bzw_dav_client_resolve (client, href);
  g_autoptr(GUri) uri = absolute != NULL ? g_uri_parse (absolute, G_URI_FLAGS_ENCODED, NULL) : NULL;

  if (uri == NULL)
    return NULL;
  return g_uri_unescape_string (g_uri_get_path (uri), NULL);
}

/**
 * bzw_sync_changes_is_gone:
 *
 * Returns: whether the member @path, synced before, is gone from the
 *   server
 */
gboolean
bzw_sync_changes_is_gone (BzwSyncChanges *changes,
                          const char     *path)
{
  if (changes->complete)
    return !g_hash_table_contains (changes->changed, path);
  return g_hash_table_contains (changes->gone, path) && !g_hash_table_contains (changes->changed, path);
}

/* The state remembered for the collection @path: @key's value, or NULL
 * when it belongs to another one.
 */
static char *
dup_state (BzwStore               *store,
           BzwDavClient           *client,
           const char             *path,
           const BzwSyncStateKeys *keys,
           const char             *key)
{
  g_autofree char *collection = bzw_store_dup_setting (store, keys->collection_key);
  g_autofree char *here = bzw_dav_client_resolve (client, path);

  if (collection == NULL || here == NULL || !g_str_equal (collection, here))
    return NULL;
  return bzw_store_dup_setting (store, key);
}

/* Reads the members of @responses into @changes. */
static void
add_members (BzwDavClient   *client,
             const char     *path,
             BzwSyncChanges *changes,
             GPtrArray      *responses)
{
  for (guint i = 0; i < responses->len; i++)
    {
      BzwDavResponse *response = g_ptr_array_index (responses, i);
      char *member;

      if (response->is_collection)
        continue;
      if (response->status == 404 || response->status == 410)
        {
          member = bzw_sync_member_path (client, response->href);
          if (member != NULL)
            g_hash_table_add (changes->gone, member);
          continue;
        }
      if (response->etag == NULL)
        continue;
      member = bzw_sync_member_path (client, response->href);
      if (member != NULL && !g_str_equal (member, path))
        g_hash_table_replace (changes->changed, member, g_strdup (response->etag));
      else
        g_free (member);
    }
}

/* The collection's own properties; a missing one stays NULL / FALSE. */
static BzwDavResponse *
read_collection (BzwDavClient            *client,
                 const char              *path,
                 const BzwSyncStateKeys  *keys,
                 GError                 **error)
{
  g_autofree char *escaped = escape_path (path);
  g_autofree char *props = g_strconcat ("<cs:getctag/><d:supported-report-set/>", keys->props, NULL);
  g_autoptr(GPtrArray) responses = NULL;

  responses = bzw_dav_client_propfind (client, escaped, "0", props, error);
  if (responses == NULL)
    return NULL;
  if (responses->len == 0)
    return g_new0 (BzwDavResponse, 1);
  return g_ptr_array_steal_index (responses, 0);
}

/* Every member, by sync-collection (@token: the last state, or NULL) or
 * by PROPFIND; FALSE with %BZW_DAV_ERROR_SYNC_TOKEN when the token is stale.
 */
static gboolean
list_members (BzwDavClient    *client,
              const char      *path,
              BzwSyncChanges  *changes,
              gboolean         by_report,
              const char      *token,
              GError         **error)
{
  g_autofree char *escaped = escape_path (path);
  g_autoptr(GPtrArray) responses = NULL;
  g_autofree char *new_token = NULL;

  if (by_report)
    responses = bzw_dav_client_sync_collection (client, escaped, token, &new_token, error);
  else
    responses = bzw_dav_client_propfind (client, escaped, "1", "<d:getetag/><d:resourcetype/>", error);
  if (responses == NULL)
    return FALSE;

  add_members (client, path, changes, responses);
  changes->complete = token == NULL;
  if (by_report)
    {
      g_free (changes->token);
      changes->token = g_steal_pointer (&new_token);
    }
  return TRUE;
}

/* After the ctag: what the report (or the listing) says. */
static gboolean
list_changes (BzwStore                *store,
              BzwDavClient            *client,
              const char              *path,
              const BzwSyncStateKeys  *keys,
              BzwDavResponse          *collection,
              BzwSyncChanges          *changes,
              GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *token = NULL;
  gboolean by_report;

  by_report = collection->has_sync_collection || collection->sync_token != NULL;
  token = by_report ? dup_state (store, client, path, keys, keys->token_key) : NULL;
  if (list_members (client, path, changes, by_report, token, &local_error))
    return TRUE;
  if (g_error_matches (local_error, BZW_DAV_ERROR, BZW_DAV_ERROR_NETWORK) ||
      g_error_matches (local_error, BZW_DAV_ERROR, BZW_DAV_ERROR_UNAUTHORIZED) ||
      !by_report)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A forgotten token, or a report the server does not answer after all. */
  g_clear_pointer (&changes->token, g_free);
  g_debug ("sync-collection failed (%s); listing every member", local_error->message);
  g_hash_table_remove_all (changes->changed);
  g_hash_table_remove_all (changes->gone);
  return list_members (client, path, changes, FALSE, NULL, error);
}

/**
 * bzw_sync_changes_list:
 * @path: the collection's unescaped path
 * @collection: (out) (optional): the collection's own properties
 *
 * What changed in the collection since the last sync (see above).
 *
 * Returns: (transfer full): the changes, or %NULL with an error
 */
BzwSyncChanges *
bzw_sync_changes_list (BzwStore                *store,
                       BzwDavClient            *client,
                       const char              *path,
                       const BzwSyncStateKeys  *keys,
                       BzwDavResponse         **collection,
                       GError                 **error)
{
  g_autoptr(BzwSyncChanges) changes = changes_new ();
  g_autoptr(BzwDavResponse) read = NULL;
  g_autofree char *ctag = NULL;

  read = read_collection (client, path, keys, error);
  if (read == NULL)
    return NULL;

  changes->ctag = g_strdup (read->ctag);
  ctag = dup_state (store, client, path, keys, keys->ctag_key);
  if (ctag != NULL && g_strcmp0 (ctag, read->ctag) == 0)
    {
      g_debug ("%s did not change since the last sync", path);
      changes->unchanged = TRUE;
    }
  else if (!list_changes (store, client, path, keys, read, changes, error))
    return NULL;

  if (collection != NULL)
    *collection = g_steal_pointer (&read);
  return g_steal_pointer (&changes);
}

/**
 * bzw_sync_changes_save:
 *
 * Remembers the state of the collection @path that the pull has applied,
 * in the caller's transaction.
 */
gboolean
bzw_sync_changes_save (BzwStore                *store,
                       BzwDavClient            *client,
                       const char              *path,
                       const BzwSyncStateKeys  *keys,
                       BzwSyncChanges          *changes,
                       GError                 **error)
{
  g_autofree char *here = bzw_dav_client_resolve (client, path);

  return bzw_store_set_setting (store, keys->collection_key, here, error) &&
         bzw_store_set_setting (store, keys->ctag_key, changes->ctag, error) &&
         bzw_store_set_setting (store, keys->token_key, changes->token, error);
}

/**
 * bzw_sync_changes_forget:
 *
 * Forgets the remembered state, in the caller's transaction: the next
 * sync lists every member.
 */
gboolean
bzw_sync_changes_forget (BzwStore                *store,
                         const BzwSyncStateKeys  *keys,
                         GError                 **error)
{
  return bzw_store_set_setting (store, keys->collection_key, NULL, error) &&
         bzw_store_set_setting (store, keys->ctag_key, NULL, error) &&
         bzw_store_set_setting (store, keys->token_key, NULL, error);
}
