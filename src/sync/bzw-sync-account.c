/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-sync-account"

#include "config.h"

#include "bzw-sync-account.h"

#include "bzw-caldav-sync.h"
#include "bzw-dav-client.h"
#include "bzw-dav-discovery.h"
#include "bzw-store-caldav.h"
#include "bzw-store-sync.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

/* The sync account: its address (with the user, never the password) in
 * the database's settings, the address book found on the server beside
 * it, the password from the environment (headless) or the Secret Service.
 */

#define SETTING_URL         "sync-account"
#define SETTING_ADDRESSBOOK "sync-addressbook"
#define SETTING_ALLOW_HTTP  "sync-allow-http"
#define SETTING_CALENDAR    "sync-calendar"

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    "de.bzw.Beziehungsweise.Sync", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "NULL", 0 },
    },
    0, 0, 0, 0, 0, 0, 0, 0,
  };

  return &schema;
}

/* Stores @url (checked, without a password) as the account. */
gboolean
bzw_sync_account_set (BzwStore    *store,
                      const char  *url,
                      GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  gboolean ok;

  if (!bzw_dav_url_is_allowed (url, error))
    return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_HAS_PASSWORD, error);
  if (uri == NULL)
    return FALSE;
  if (g_uri_get_password (uri) != NULL)
    {
      g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_INSECURE,
                   _("Leave the password out of the address; it is kept in the keyring or read from %s."),
                   BZW_SYNC_PASSWORD_ENV);
      return FALSE;
    }
  if (g_uri_get_user (uri) == NULL || *g_uri_get_user (uri) == '\0')
    {
      g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED,
                   _("Put the user name in the address, like https://anna@cloud.example.org/."));
      return FALSE;
    }

  if (!bzw_store_begin (store, error))
    return FALSE;
  ok = bzw_store_set_setting (store, SETTING_URL, url, error) &&
       bzw_store_set_setting (store, SETTING_ADDRESSBOOK, NULL, error) &&
       bzw_store_set_setting (store, SETTING_CALENDAR, NULL, error);
  return bzw_store_finish (store, ok, error);
}

char *
bzw_sync_account_dup_url (BzwStore *store)
{
  return bzw_store_dup_setting (store, SETTING_URL);
}

/**
 * bzw_sync_dup_password:
 *
 * The password of the account @url: from %BZW_SYNC_PASSWORD_ENV when it is
 * set, else from the Secret Service.
 *
 * Returns: (transfer full) (nullable): the password, or %NULL when there
 *   is none
 */
char *
bzw_sync_dup_password (const char *url)
{
  const char *env = g_getenv (BZW_SYNC_PASSWORD_ENV);
  g_autoptr(GError) error = NULL;
  char *password;

  if (env != NULL)
    return g_strdup (env);

  password = secret_password_lookup_sync (password_schema (), NULL, &error, "url", url, NULL);
  if (error != NULL)
    g_debug ("No Secret Service: %s", error->message);
  return password;
}

static char *
find_addressbook (BzwStore      *store,
                  BzwDavClient  *client,
                  GError       **error)
{
  char *href = bzw_store_dup_setting (store, SETTING_ADDRESSBOOK);

  if (href != NULL && *href != '\0')
    return href;
  g_free (href);

  href = bzw_dav_discover_addressbook (client, error);
  if (href != NULL && !bzw_store_set_setting (store, SETTING_ADDRESSBOOK, href, error))
    g_clear_pointer (&href, g_free);
  return href;
}

static char *
find_calendar (BzwStore      *store,
               BzwDavClient  *client,
               GError       **error)
{
  char *href = bzw_store_dup_setting (store, SETTING_CALENDAR);

  if (href != NULL && *href != '\0')
    return href;
  g_free (href);

  href = bzw_dav_discover_calendar (client, BZW_CALDAV_CALENDAR_NAME, error);
  if (href == NULL)
    {
      /* Translators: followed by why, e.g. the server's error. */
      g_prefix_error (error,
                      _("The contacts are synced, but the server has no calendar for the journal: "));
      return NULL;
    }
  if (!bzw_store_set_setting (store, SETTING_CALENDAR, href, error))
    g_clear_pointer (&href, g_free);
  return href;
}

/* One two-way sync of the account stored in @store: the contacts, then
 * the journal, which names them.
 */
gboolean
bzw_sync_account_run (BzwStore        *store,
                      BzwSyncSummary  *summary,
                      GError         **error)
{
  g_autofree char *url = bzw_sync_account_dup_url (store);
  g_autofree char *password = NULL;
  g_autofree char *addressbook = NULL;
  g_autofree char *calendar = NULL;
  g_autoptr(BzwDavClient) client = NULL;

  if (url == NULL)
    {
      g_set_error_literal (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED,
                           _("No sync account is set; set one with --sync-account=URL."));
      return FALSE;
    }

  password = bzw_sync_dup_password (url);
  client = bzw_dav_client_new_full (url, password, bzw_sync_account_get_allow_http (store), error);
  if (client == NULL)
    return FALSE;

  addressbook = find_addressbook (store, client, error);
  if (addressbook == NULL || !bzw_carddav_sync (store, client, addressbook, summary, error))
    return FALSE;

  calendar = find_calendar (store, client, error);
  return calendar != NULL && bzw_caldav_sync (store, client, calendar, summary, error);
}

/* Forgets what the sync knew of the cards and items on the server, inside the
 * caller's transaction: for another server or address book, the next
 * sync starts afresh (matching cards by UID) instead of taking cards
 * missing there for deleted ones.
 */
static gboolean
forget_sync_cards (BzwStore  *store,
                   GError   **error)
{
  g_autoptr(GHashTable) rows = bzw_store_list_sync_cards (store, error);
  GHashTableIter iter;
  gpointer uid;

  if (rows == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &uid, NULL))
    if (!bzw_store_delete_sync_card (store, uid, error))
      return FALSE;

  /* What the server's collections were at the last sync goes with them:
   * the next sync lists them whole.
   */
  if (!bzw_carddav_sync_forget (store, error) || !bzw_caldav_sync_forget (store, error))
    return FALSE;

  /* The journal's items likewise, and the calendar is looked for again. */
  g_clear_pointer (&rows, g_hash_table_unref);
  rows = bzw_store_list_sync_items (store, error);
  if (rows == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &uid, NULL))
    if (!bzw_store_delete_sync_item (store, uid, error))
      return FALSE;

  return bzw_store_set_setting (store, SETTING_CALENDAR, NULL, error);
}

/**
 * bzw_sync_account_connect:
 * @url: the account, with the user and without a password
 * @addressbook: the href of the address book to sync
 * @allow_http: whether plain HTTP is allowed to a host that is not
 *   loopback
 *
 * Stores the account as the preferences set it up, in one transaction.
 */
gboolean
bzw_sync_account_connect (BzwStore    *store,
                          const char  *url,
                          const char  *addressbook,
                          gboolean     allow_http,
                          GError     **error)
{
  g_autofree char *old_url = NULL;
  g_autofree char *old_book = NULL;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (url != NULL && addressbook != NULL, FALSE);

  if (!bzw_store_begin (store, error))
    return FALSE;

  old_url = bzw_store_dup_setting (store, SETTING_URL);
  old_book = bzw_store_dup_setting (store, SETTING_ADDRESSBOOK);
  ok = bzw_store_set_setting (store, SETTING_URL, url, error) &&
       bzw_store_set_setting (store, SETTING_ADDRESSBOOK, addressbook, error) &&
       bzw_store_set_setting (store, SETTING_ALLOW_HTTP, allow_http ? "1" : NULL, error);
  if (ok && (g_strcmp0 (old_url, url) != 0 || g_strcmp0 (old_book, addressbook) != 0))
    ok = forget_sync_cards (store, error);

  return bzw_store_finish (store, ok, error);
}

/**
 * bzw_sync_account_disconnect:
 * @forgotten: (out) (optional) (transfer full): what the sync knew of the
 *   cards (uid → #BzwSyncCard), for bzw_sync_account_restore()
 *
 * Forgets the account and what the sync knew, in one transaction; the
 * contacts stay.
 */
gboolean
bzw_sync_account_disconnect (BzwStore    *store,
                             GHashTable **forgotten,
                             GError     **error)
{
  g_autoptr(GHashTable) rows = NULL;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);

  if (!bzw_store_begin (store, error))
    return FALSE;

  rows = bzw_store_list_sync_cards (store, error);
  ok = rows != NULL &&
       bzw_store_set_setting (store, SETTING_URL, NULL, error) &&
       bzw_store_set_setting (store, SETTING_ADDRESSBOOK, NULL, error) &&
       bzw_store_set_setting (store, SETTING_ALLOW_HTTP, NULL, error) &&
       forget_sync_cards (store, error);
  if (!bzw_store_finish (store, ok, error))
    return FALSE;

  if (forgotten != NULL)
    *forgotten = g_steal_pointer (&rows);
  return TRUE;
}

/* The undo of bzw_sync_account_disconnect(), in one transaction. */
gboolean
bzw_sync_account_restore (BzwStore    *store,
                          const char  *url,
                          const char  *addressbook,
                          gboolean     allow_http,
                          GHashTable  *rows,
                          GError     **error)
{
  GHashTableIter iter;
  gpointer value;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);

  if (!bzw_store_begin (store, error))
    return FALSE;

  ok = bzw_store_set_setting (store, SETTING_URL, url, error) &&
       bzw_store_set_setting (store, SETTING_ADDRESSBOOK, addressbook, error) &&
       bzw_store_set_setting (store, SETTING_ALLOW_HTTP, allow_http ? "1" : NULL, error);
  if (rows != NULL)
    {
      g_hash_table_iter_init (&iter, rows);
      while (ok && g_hash_table_iter_next (&iter, NULL, &value))
        {
          BzwSyncCard *card = value;

          ok = bzw_store_set_sync_card (store, card->uid, card->href, card->etag, card->card, error);
        }
    }

  return bzw_store_finish (store, ok, error);
}

char *
bzw_sync_account_dup_addressbook (BzwStore *store)
{
  return bzw_store_dup_setting (store, SETTING_ADDRESSBOOK);
}

gboolean
bzw_sync_account_get_allow_http (BzwStore *store)
{
  g_autofree char *value = bzw_store_dup_setting (store, SETTING_ALLOW_HTTP);

  return g_strcmp0 (value, "1") == 0;
}

/**
 * bzw_sync_account_build_url:
 * @server: the server's address as the user wrote it; https:// when it
 *   names no scheme
 * @user: the user name
 *
 * Returns: (transfer full): the account's address with the user in it,
 *   or %NULL with an error
 */
char *
bzw_sync_account_build_url (const char  *server,
                            const char  *user,
                            GError     **error)
{
  g_autofree char *full = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) with_user = NULL;

  g_return_val_if_fail (server != NULL && user != NULL, NULL);

  server += strspn (server, " \t");
  full = strstr (server, "://") != NULL ? g_strdup (server) : g_strconcat ("https://", server, NULL);
  g_strchomp (full);
  uri = g_uri_parse (full, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' || *user == '\0')
    {
      g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED,
                   _("“%s” is no server address; write it like https://cloud.example.org/."), server);
      return NULL;
    }

  escaped = g_uri_escape_string (user, NULL, FALSE);
  with_user = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), escaped, g_uri_get_host (uri),
                           g_uri_get_port (uri), *g_uri_get_path (uri) != '\0' ? g_uri_get_path (uri) : "/",
                           g_uri_get_query (uri), NULL);
  return g_uri_to_string (with_user);
}

static void
store_password_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * bzw_sync_store_password:
 *
 * Keeps the password of @url in the Secret Service.  Fails when there is
 * none (a headless session): then the sync reads %BZW_SYNC_PASSWORD_ENV.
 */
void
bzw_sync_store_password (const char          *url,
                         const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *label = NULL;

  g_task_set_source_tag (task, bzw_sync_store_password);
  /* Translators: the name of the password in the keyring; %s is the account. */
  label = g_strdup_printf (_("Beziehungsweise sync: %s"), url);
  secret_password_store (password_schema (), SECRET_COLLECTION_DEFAULT, label, password, cancellable,
                         store_password_cb, task, "url", url, NULL);
}

gboolean
bzw_sync_store_password_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Removes the password of @url from the Secret Service, if it is there. */
void
bzw_sync_forget_password (const char *url)
{
  g_return_if_fail (url != NULL);

  secret_password_clear (password_schema (), NULL, NULL, NULL, "url", url, NULL);
}
