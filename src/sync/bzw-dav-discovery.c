/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-dav-discovery"

#include "config.h"

#include "bzw-dav-discovery.h"

#include "bzw-dav-multistatus.h"

#include <glib/gi18n-lib.h>

/* Finding the address book (RFC 6764, RFC 6352): the current user's
 * principal, from the account's address or from /.well-known/carddav; the
 * principal's addressbook-home-set; the first address book in that home,
 * or a new one called „Kontakte“ when there is none.
 */

#define MAX_REDIRECTS 5

static char *
find_principal_at (BzwDavClient  *client,
                   const char    *href,
                   GError       **error)
{
  g_autoptr(GPtrArray) responses = NULL;

  responses = bzw_dav_client_propfind (client, href, "0", "<d:current-user-principal/>", error);
  if (responses == NULL)
    return NULL;

  for (guint i = 0; i < responses->len; i++)
    {
      BzwDavResponse *response = g_ptr_array_index (responses, i);

      if (response->principal != NULL)
        return g_strdup (response->principal);
    }

  return NULL;
}

/* Where /.well-known/carddav leads, following its redirects by hand (a
 * PROPFIND is not redirected by libsoup), or NULL.
 */
static char *
follow_well_known (BzwDavClient *client)
{
  g_autofree char *href = g_strdup ("/.well-known/carddav");

  for (int i = 0; i < MAX_REDIRECTS; i++)
    {
      g_autoptr(BzwDavReply) reply = NULL;

      reply = bzw_dav_client_request (client, "PROPFIND", href, "0", NULL, FALSE,
                                      "application/xml; charset=utf-8",
                                      "<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\"><d:prop>"
                                      "<d:current-user-principal/></d:prop></d:propfind>", NULL);
      if (reply == NULL)
        return NULL;
      if (reply->status < 300 || reply->status >= 400 || reply->location == NULL)
        return reply->status == 207 ? g_steal_pointer (&href) : NULL;

      g_free (href);
      href = g_steal_pointer (&reply->location);
    }

  return NULL;
}

static char *
find_principal (BzwDavClient  *client,
                GError       **error)
{
  g_autofree char *well_known = NULL;
  char *principal;

  principal = find_principal_at (client, bzw_dav_client_get_base (client), error);
  if (principal != NULL || (error != NULL && *error != NULL &&
                            !g_error_matches (*error, BZW_DAV_ERROR, BZW_DAV_ERROR_NOT_FOUND) &&
                            !g_error_matches (*error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED)))
    return principal;
  g_clear_error (error);

  well_known = follow_well_known (client);
  if (well_known != NULL)
    principal = find_principal_at (client, well_known, NULL);
  if (principal == NULL)
    g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_NOT_FOUND,
                 _("No address book service was found at %s."), bzw_dav_client_get_base (client));
  return principal;
}

static char *
find_home (BzwDavClient  *client,
           const char    *principal,
           GError       **error)
{
  g_autoptr(GPtrArray) responses = NULL;

  responses = bzw_dav_client_propfind (client, principal, "0", "<card:addressbook-home-set/>", error);
  if (responses == NULL)
    return NULL;

  for (guint i = 0; i < responses->len; i++)
    {
      BzwDavResponse *response = g_ptr_array_index (responses, i);

      if (response->addressbook_home != NULL)
        return g_strdup (response->addressbook_home);
    }

  /* Some servers keep the address books in the principal itself. */
  return g_strdup (principal);
}

static char *
first_addressbook (GPtrArray *responses)
{
  for (guint i = 0; i < responses->len; i++)
    {
      BzwDavResponse *response = g_ptr_array_index (responses, i);

      if (response->is_addressbook)
        return g_strdup (response->href);
    }

  return NULL;
}

/**
 * bzw_dav_discover_addressbook:
 *
 * Returns: (transfer full): the href of the address book to sync, or
 *   %NULL with an error
 */
char *
bzw_dav_discover_addressbook (BzwDavClient  *client,
                              GError       **error)
{
  g_autofree char *principal = NULL;
  g_autofree char *home = NULL;
  g_autofree char *created = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  char *found;

  g_return_val_if_fail (BZW_IS_DAV_CLIENT (client), NULL);

  principal = find_principal (client, error);
  if (principal == NULL)
    return NULL;

  home = find_home (client, principal, error);
  if (home == NULL)
    return NULL;

  responses = bzw_dav_client_propfind (client, home, "1", "<d:resourcetype/><d:displayname/>", error);
  if (responses == NULL)
    return NULL;

  found = first_addressbook (responses);
  if (found != NULL)
    return found;

  created = g_strconcat (home, g_str_has_suffix (home, "/") ? "" : "/", "kontakte/", NULL);
  /* Translators: the name of the address book the app makes on the server. */
  if (!bzw_dav_client_mkcol_addressbook (client, created, _("Contacts"), error))
    return NULL;

  return g_steal_pointer (&created);
}
