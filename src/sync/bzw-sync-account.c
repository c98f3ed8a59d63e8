/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-sync-account"

#include "config.h"

#include "bzw-sync-account.h"

#include "bzw-dav-client.h"
#include "bzw-dav-discovery.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

/* The sync account: its address (with the user, never the password) in
 * the database's settings, the address book found on the server beside
 * it, the password from the environment (headless) or the Secret Service.
 */

#define SETTING_URL         "sync-account"
#define SETTING_ADDRESSBOOK "sync-addressbook"

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
       bzw_store_set_setting (store, SETTING_ADDRESSBOOK, NULL, error);
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

/* One two-way sync of the account stored in @store. */
gboolean
bzw_sync_account_run (BzwStore        *store,
                      BzwSyncSummary  *summary,
                      GError         **error)
{
  g_autofree char *url = bzw_sync_account_dup_url (store);
  g_autofree char *password = NULL;
  g_autofree char *addressbook = NULL;
  g_autoptr(BzwDavClient) client = NULL;

  if (url == NULL)
    {
      g_set_error_literal (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED,
                           _("No sync account is set; set one with --sync-account=URL."));
      return FALSE;
    }

  password = bzw_sync_dup_password (url);
  client = bzw_dav_client_new (url, password, error);
  if (client == NULL)
    return FALSE;

  addressbook = find_addressbook (store, client, error);
  return addressbook != NULL && bzw_carddav_sync (store, client, addressbook, summary, error);
}
