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

/* The member at @offset (a char *) of the first of @responses that has
 * one, else @fallback; %NULL when @responses is.
 */
static char *
dup_first_member (GPtrArray  *responses,
                  gsize       offset,
                  const char *fallback)
{
  if (responses == NULL)
    return NULL;

  for (guint i = 0; i < responses->len; i++)
    {
      const char *member = G_STRUCT_MEMBER (const char *, g_ptr_array_index (responses, i), offset);

      if (member != NULL)
        return g_strdup (member);
    }

  return g_strdup (fallback);
}

/* The member at @offset of what a Depth 0 PROPFIND of @prop at @href
 * answers, else @fallback.
 */
static char *
propfind_member (BzwDavClient  *client,
                 const char    *href,
                 const char    *prop,
                 gsize          offset,
                 const char    *fallback,
                 GError       **error)
{
  g_autoptr(GPtrArray) responses = bzw_dav_client_propfind (client, href, "0", prop, error);

  return dup_first_member (responses, offset, fallback);
}

#define PRINCIPAL "<d:current-user-principal/>"
#define PRINCIPAL_OFFSET G_STRUCT_OFFSET (BzwDavResponse, principal)

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

  principal = propfind_member (client, bzw_dav_client_get_base (client), PRINCIPAL,
                               PRINCIPAL_OFFSET, NULL, error);
  if (principal != NULL || (error != NULL && *error != NULL &&
                            !g_error_matches (*error, BZW_DAV_ERROR, BZW_DAV_ERROR_NOT_FOUND) &&
                            !g_error_matches (*error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED)))
    return principal;
  g_clear_error (error);

  well_known = follow_well_known (client);
  if (well_known != NULL)
    principal = propfind_member (client, well_known, PRINCIPAL, PRINCIPAL_OFFSET, NULL, NULL);
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
  /* The principal itself when it names no home: some servers keep their
   * collections there.
   */
  return propfind_member (client, principal, "<card:addressbook-home-set/>",
                          G_STRUCT_OFFSET (BzwDavResponse, addressbook_home), principal, error);
}

/* The collections in the home of the current user's principal that
 * @find_home_func finds (the address books' or the calendars'), with their
 * type and display name; @home is set to the home.
 */
static GPtrArray *
list_home (BzwDavClient  *client,
           char        *(*find_home_func) (BzwDavClient  *client,
                                           const char    *principal,
                                           GError       **error),
           char         **home,
           GError       **error)
{
  g_autofree char *principal = find_principal (client, error);

  if (principal == NULL)
    return NULL;

  *home = find_home_func (client, principal, error);
  if (*home == NULL)
    return NULL;

  return bzw_dav_client_propfind (client, *home, "1", "<d:resourcetype/><d:displayname/>", error);
}

/* Where a collection called @segment in @home goes. */
static char *
new_collection_href (const char *home,
                     const char *segment)
{
  return g_strconcat (home, g_str_has_suffix (home, "/") ? "" : "/", segment, NULL);
}

/* How the collection of one kind is found, and made when there is none. */
typedef struct
{
  char       *(*find_home) (BzwDavClient  *client,
                            const char    *principal,
                            GError       **error);
  gsize         is_kind;   /* the offset of the gboolean of BzwDavResponse that says it is one */
  gboolean      by_name;   /* the one with the name asked for, else the first */
  const char   *segment;   /* where a new one goes in the home */
  gboolean    (*make) (BzwDavClient  *client,
                       const char    *href,
                       const char    *name,
                       GError       **error);
} CollectionKind;

/* The href of the first of @responses of @kind (with @name, if it goes by name). */
static char *
find_collection (GPtrArray            *responses,
                 const CollectionKind *kind,
                 const char           *name)
{
  for (guint i = 0; i < responses->len; i++)
    {
      BzwDavResponse *response = g_ptr_array_index (responses, i);

      if (G_STRUCT_MEMBER (gboolean, response, kind->is_kind) &&
          (!kind->by_name || g_strcmp0 (response->displayname, name) == 0))
        return g_strdup (response->href);
    }

  return NULL;
}

/* The href of the collection of @kind in the current user's home, made
 * and called @name when there is none.
 */
static char *
discover_collection (BzwDavClient          *client,
                     const CollectionKind  *kind,
                     const char            *name,
                     GError               **error)
{
  g_autofree char *home = NULL;
  g_autofree char *created = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  char *found;

  responses = list_home (client, kind->find_home, &home, error);
  if (responses == NULL)
    return NULL;

  found = find_collection (responses, kind, name);
  if (found != NULL)
    return found;

  created = new_collection_href (home, kind->segment);
  if (!kind->make (client, created, name, error))
    return NULL;

  return g_steal_pointer (&created);
}

static const CollectionKind addressbook_kind = {
  find_home, G_STRUCT_OFFSET (BzwDavResponse, is_addressbook), FALSE, "kontakte/",
  bzw_dav_client_mkcol_addressbook
};

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
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (client), NULL);

  /* Translators: the name of the address book the app makes on the server. */
  return discover_collection (client, &addressbook_kind, _("Contacts"), error);
}

/**
 * bzw_dav_discover_addressbooks:
 *
 * Every address book of the account, for the user to pick one; a new one
 * called „Kontakte“ when there is none.
 *
 * Returns: (transfer full) (element-type BzwDavResponse): the address
 *   books (href and displayname), or %NULL with an error
 */
GPtrArray *
bzw_dav_discover_addressbooks (BzwDavClient  *client,
                               GError       **error)
{
  g_autofree char *home = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) bzw_dav_response_free);
  BzwDavResponse *created;

  g_return_val_if_fail (BZW_IS_DAV_CLIENT (client), NULL);

  responses = list_home (client, find_home, &home, error);
  if (responses == NULL)
    return NULL;

  for (guint i = 0; i < responses->len; i++)
    if (((BzwDavResponse *) g_ptr_array_index (responses, i))->is_addressbook)
      g_ptr_array_add (found, g_ptr_array_steal_index (responses, i--));
  if (found->len > 0)
    return g_steal_pointer (&found);

  created = g_new0 (BzwDavResponse, 1);
  created->href = new_collection_href (home, "kontakte/");
  created->displayname = g_strdup (_("Contacts"));
  created->is_addressbook = TRUE;
  g_ptr_array_add (found, created);
  if (!bzw_dav_client_mkcol_addressbook (client, created->href, created->displayname, error))
    return NULL;

  return g_steal_pointer (&found);
}

/* Finding the calendar of the journal (RFC 4791): the principal's
 * calendar-home-set and in it the calendar called @name (the app's own,
 * for journal entries and tasks beside the user's other calendars), made
 * with MKCALENDAR when there is none.
 */

#define CALDAV_PROPFIND(props) \
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:propfind xmlns:d=\"DAV:\"" \
  " xmlns:cal=\"" BZW_CALDAV_NS "\"><d:prop>" props "</d:prop></d:propfind>"

static char *
find_calendar_home (BzwDavClient  *client,
                    const char    *principal,
                    GError       **error)
{
  g_autoptr(GPtrArray) responses = NULL;

  responses = bzw_dav_client_multistatus (client, "PROPFIND", principal, "0",
                                          CALDAV_PROPFIND ("<cal:calendar-home-set/>"), error);
  return dup_first_member (responses, G_STRUCT_OFFSET (BzwDavResponse, calendar_home), principal);
}

static const CollectionKind calendar_kind = {
  find_calendar_home, G_STRUCT_OFFSET (BzwDavResponse, is_calendar), TRUE, "beziehungsweise/",
  bzw_dav_client_mkcalendar
};

/**
 * bzw_dav_discover_calendar:
 * @name: the calendar's display name
 *
 * Returns: (transfer full): the href of the calendar to sync the journal
 *   with, or %NULL with an error
 */
char *
bzw_dav_discover_calendar (BzwDavClient  *client,
                           const char    *name,
                           GError       **error)
{
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (client), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return discover_collection (client, &calendar_kind, name, error);
}
