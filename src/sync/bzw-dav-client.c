/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-dav-client"

#include "config.h"

#include "bzw-dav-client.h"

#include "bzw-dav-multistatus.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

/* A small synchronous WebDAV client over libsoup-3.0: one session, the
 * user's name and password answered once per request (a wrong password
 * fails at once instead of asking again), absolute and relative hrefs
 * resolved against the account's address.  Runs in whatever thread calls
 * it; the command line calls it directly, the window will from a worker.
 */

/* Radicale takes more than 30 s for its first listing of 10,000 cards. */
#define TIMEOUT_SECONDS 120

struct _BzwDavClient
{
  GObject      parent_instance;
  SoupSession *session;
  char        *base;      /* the account's address without the user */
  char        *user;
  char        *password;  /* nullable */
  guint        n_requests;
  gint64       waited;
};

G_DEFINE_FINAL_TYPE (BzwDavClient, bzw_dav_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (bzw-dav-error-quark, bzw_dav_error)

void
bzw_dav_reply_free (BzwDavReply *reply)
{
  if (reply == NULL)
    return;

  g_clear_pointer (&reply->body, g_bytes_unref);
  g_free (reply->etag);
  g_free (reply->location);
  g_free (reply);
}

static gboolean
is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * bzw_dav_url_is_allowed:
 *
 * HTTPS for every host, plain HTTP only for loopback.
 */
gboolean
bzw_dav_url_is_allowed (const char  *url,
                        GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || scheme == NULL || g_uri_get_host (uri) == NULL ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED,
                   _("“%s” is no server address; write it like https://anna@cloud.example.org/."), url);
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !is_loopback (g_uri_get_host (uri)))
    {
      g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_INSECURE,
                   _("The server %s is reached without encryption; use an address with https://."),
                   g_uri_get_host (uri));
      return FALSE;
    }

  return TRUE;
}

static void
bzw_dav_client_finalize (GObject *object)
{
  BzwDavClient *self = BZW_DAV_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->base);
  g_free (self->user);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  G_OBJECT_CLASS (bzw_dav_client_parent_class)->finalize (object);
}

static void
bzw_dav_client_class_init (BzwDavClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bzw_dav_client_finalize;
}

static void
bzw_dav_client_init (BzwDavClient *self)
{
  self->session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                                 "user-agent", "Beziehungsweise/" PACKAGE_VERSION,
                                                 NULL);
}

/**
 * bzw_dav_client_new:
 * @url: the account, with the user in it: `https://anna@cloud.example.org/`
 * @password: (nullable): the password, or %NULL to send none
 *
 * Returns: (transfer full): the client, or %NULL when @url is refused
 */
BzwDavClient *
bzw_dav_client_new (const char  *url,
                    const char  *password,
                    GError     **error)
{
  return bzw_dav_client_new_full (url, password, FALSE, error);
}

/**
 * bzw_dav_client_new_full:
 * @allow_http: whether plain HTTP is allowed to a host that is not
 *   loopback (the account's explicit override)
 *
 * Like bzw_dav_client_new().
 */
BzwDavClient *
bzw_dav_client_new_full (const char  *url,
                         const char  *password,
                         gboolean     allow_http,
                         GError     **error)
{
  g_autoptr(BzwDavClient) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) bare = NULL;
  g_autoptr(GError) refused = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  if (!bzw_dav_url_is_allowed (url, &refused) &&
      !(allow_http && g_error_matches (refused, BZW_DAV_ERROR, BZW_DAV_ERROR_INSECURE)))
    {
      g_propagate_error (error, g_steal_pointer (&refused));
      return NULL;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, error);
  if (uri == NULL)
    return NULL;

  self = g_object_new (BZW_TYPE_DAV_CLIENT, NULL);
  self->user = g_uri_unescape_string (g_uri_get_user (uri) != NULL ? g_uri_get_user (uri) : "", NULL);
  self->password = g_strdup (password);
  bare = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                      g_uri_get_port (uri), *g_uri_get_path (uri) != '\0' ? g_uri_get_path (uri) : "/",
                      NULL, NULL);
  self->base = g_uri_to_string (bare);
  return g_steal_pointer (&self);
}

const char *
bzw_dav_client_get_user (BzwDavClient *self)
{
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), NULL);

  return self->user;
}

const char *
bzw_dav_client_get_base (BzwDavClient *self)
{
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), NULL);

  return self->base;
}

guint
bzw_dav_client_get_n_requests (BzwDavClient *self)
{
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), 0);

  return self->n_requests;
}

/* The time (µs) the requests so far spent waiting for the server: sending,
 * the server's work and reading its answer.
 */
gint64
bzw_dav_client_get_waited (BzwDavClient *self)
{
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), 0);

  return self->waited;
}

/* @href (absolute or a path) as an absolute address on the server. */
char *
bzw_dav_client_resolve (BzwDavClient *self,
                        const char   *href)
{
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), NULL);

  return g_uri_resolve_relative (self->base, href, G_URI_FLAGS_ENCODED, NULL);
}

static gboolean
authenticate_cb (SoupMessage *message,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 gpointer     user_data)
{
  BzwDavClient *self = user_data;

  /* Basic was sent with the request (see below); asked again means the
   * password was wrong: no second try.  Other schemes get one answer.
   */
  if (retrying || self->password == NULL || g_ascii_strcasecmp (soup_auth_get_scheme_name (auth), "Basic") == 0)
    return FALSE;

  soup_auth_authenticate (auth, self->user, self->password);
  return TRUE;
}

static gboolean
check_status (BzwDavClient  *self,
              guint          status,
              const char    *method,
              GError       **error)
{
  if (status >= 200 && status < 400)
    return TRUE;

  switch (status)
    {
    case 401:
      g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_UNAUTHORIZED,
                   _("The server refused user name or password of %s."), self->user);
      break;
    case 403:
      g_set_error_literal (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FORBIDDEN,
                           _("The server does not allow this account to change the address book."));
      break;
    case 404:
    case 410:
      g_set_error_literal (error, BZW_DAV_ERROR, BZW_DAV_ERROR_NOT_FOUND,
                           _("The address book is not on the server (any more)."));
      break;
    case 412:
      g_set_error_literal (error, BZW_DAV_ERROR, BZW_DAV_ERROR_PRECONDITION,
                           _("A card changed on the server during the sync."));
      break;
    case 507:
      g_set_error_literal (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FULL,
                           _("The server has no space left for the address book."));
      break;
    default:
      g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED,
                   _("The server answered %s with the error %u."), method, status);
      break;
    }

  return FALSE;
}

/**
 * bzw_dav_client_request:
 *
 * Sends one request and reads the whole answer.  An HTTP error is no
 * #GError here: the caller looks at the status; only no answer at all is.
 *
 * Returns: (transfer full): the reply, or %NULL when the server could not
 *   be reached
 */
BzwDavReply *
bzw_dav_client_request (BzwDavClient  *self,
                        const char    *method,
                        const char    *href,
                        const char    *depth,
                        const char    *if_match,
                        gboolean       if_none_match,
                        const char    *content_type,
                        const char    *body,
                        GError       **error)
{
  g_autofree char *url = bzw_dav_client_resolve (self, href);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) answer = NULL;
  SoupMessageHeaders *headers;
  BzwDavReply *reply;
  gint64 started;

  message = url != NULL ? soup_message_new (method, url) : NULL;
  if (message == NULL)
    {
      g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED, _("“%s” is no address on the server."), href);
      return NULL;
    }

  headers = soup_message_get_request_headers (message);
  /* Basic at once: one request instead of a refused one and a second
   * that repeats the body.
   */
  if (self->password != NULL)
    {
      g_autofree char *pair = g_strconcat (self->user, ":", self->password, NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
      g_autofree char *value = g_strconcat ("Basic ", encoded, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
      memset (pair, 0, strlen (pair));
    }
  if (depth != NULL)
    soup_message_headers_append (headers, "Depth", depth);
  if (if_match != NULL)
    soup_message_headers_append (headers, "If-Match", if_match);
  if (if_none_match)
    soup_message_headers_append (headers, "If-None-Match", "*");
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, content_type, bytes);
    }
  g_signal_connect (message, "authenticate", G_CALLBACK (authenticate_cb), self);

  self->n_requests++;
  started = g_get_monotonic_time ();
  answer = soup_session_send_and_read (self->session, message, NULL, &local_error);
  self->waited += g_get_monotonic_time () - started;
  if (answer == NULL && local_error->domain == G_TLS_ERROR)
    {
      /* Never passed over: the user checks the address or the server. */
      g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_CERTIFICATE,
                   _("The certificate of the server %s was not accepted (%s); nothing was sent. "
                     "Check the address, or give the server a certificate this computer trusts."),
                   self->base, local_error->message);
      return NULL;
    }
  if (answer == NULL)
    {
      g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_NETWORK,
                   _("The server %s does not answer: %s"), self->base, local_error->message);
      return NULL;
    }

  reply = g_new0 (BzwDavReply, 1);
  reply->status = soup_message_get_status (message);
  reply->body = g_steal_pointer (&answer);
  headers = soup_message_get_response_headers (message);
  reply->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  reply->location = g_strdup (soup_message_headers_get_one (headers, "Location"));
  g_debug ("%s %s: %u", method, href, reply->status);
  return reply;
}

static GPtrArray *
request_multistatus (BzwDavClient  *self,
                     const char    *method,
                     const char    *href,
                     const char    *depth,
                     const char    *body,
                     GError       **error)
{
  g_autoptr(BzwDavReply) reply = NULL;
  const char *data;
  gsize length;

  reply = bzw_dav_client_request (self, method, href, depth, NULL, FALSE,
                                  "application/xml; charset=utf-8", body, error);
  if (reply == NULL || !check_status (self, reply->status, method, error))
    return NULL;

  if (reply->status != 207)
    {
      g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED,
                   _("The server answered %s with the error %u."), method, reply->status);
      return NULL;
    }

  data = g_bytes_get_data (reply->body, &length);
  return bzw_dav_multistatus_parse (data, length, error);
}

/**
 * bzw_dav_client_propfind:
 * @props: the XML of the properties inside <prop>, with the prefixes
 *   d (DAV:), card (CardDAV) and cs (CalendarServer)
 *
 * Returns: (transfer full) (element-type BzwDavResponse): the responses
 */
GPtrArray *
bzw_dav_client_propfind (BzwDavClient  *self,
                         const char    *href,
                         const char    *depth,
                         const char    *props,
                         GError       **error)
{
  g_autofree char *body = NULL;

  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), NULL);

  body = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<d:propfind xmlns:d=\"DAV:\" xmlns:card=\"" BZW_CARDDAV_NS "\""
                          " xmlns:cs=\"" BZW_CS_NS "\"><d:prop>%s</d:prop></d:propfind>", props);
  return request_multistatus (self, "PROPFIND", href, depth, body, error);
}

/**
 * bzw_dav_client_multiget:
 * @hrefs: (element-type utf8): the resources to read, as the server named them
 * @calendar: a calendar-multiget, else an addressbook-multiget
 *
 * One REPORT addressbook-multiget (RFC 6352) for the cards' data and ETags,
 * or calendar-multiget (RFC 4791) for the items'.
 *
 * Returns: (transfer full) (element-type BzwDavResponse): the responses
 */
GPtrArray *
bzw_dav_client_multiget (BzwDavClient  *self,
                         const char    *href,
                         GPtrArray     *hrefs,
                         gboolean       calendar,
                         GError       **error)
{
  const char *report = calendar ? "cal:calendar-multiget" : "card:addressbook-multiget";
  g_autoptr(GString) body = g_string_new (NULL);

  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), NULL);

  g_string_append_printf (body, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<%s xmlns:d=\"DAV:\"%s><d:prop><d:getetag/>%s</d:prop>", report,
                          calendar ? " xmlns:cal=\"" BZW_CALDAV_NS "\""
                                   : " xmlns:card=\"" BZW_CARDDAV_NS "\"",
                          calendar ? "<cal:calendar-data/>" : "<card:address-data/>");
  for (guint i = 0; i < hrefs->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (hrefs, i), -1);

      g_string_append_printf (body, "<d:href>%s</d:href>", escaped);
    }
  g_string_append_printf (body, "</%s>", report);
  return request_multistatus (self, "REPORT", href, "1", body->str, error);
}

/**
 * bzw_dav_client_sync_collection:
 * @token: (nullable): the sync-token of the last sync, or %NULL for all
 * @new_token: (out): the token to give next time
 *
 * One REPORT sync-collection (RFC 6578, Depth 1) for what changed in the
 * collection @href since @token: members with their ETags, and those gone
 * with the status 404.  A token the server no longer knows fails with
 * %BZW_DAV_ERROR_SYNC_TOKEN.
 *
 * Returns: (transfer full) (element-type BzwDavResponse): the responses
 */
GPtrArray *
bzw_dav_client_sync_collection (BzwDavClient  *self,
                                const char    *href,
                                const char    *token,
                                char         **new_token,
                                GError       **error)
{
  g_autofree char *escaped = g_markup_escape_text (token != NULL ? token : "", -1);
  g_autofree char *body = NULL;
  g_autoptr(BzwDavReply) reply = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), NULL);
  g_return_val_if_fail (new_token != NULL, NULL);

  *new_token = NULL;
  body = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>%s</d:sync-token>"
                          "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>"
                          "</d:sync-collection>", escaped);
  reply = bzw_dav_client_request (self, "REPORT", href, "1", NULL, FALSE,
                                  "application/xml; charset=utf-8", body, error);
  if (reply == NULL)
    return NULL;

  data = g_bytes_get_data (reply->body, &length);
  /* 403 or 409 with the precondition valid-sync-token: start afresh. */
  if ((reply->status == 403 || reply->status == 409) && length > 0 &&
      g_strstr_len (data, length, "valid-sync-token") != NULL)
    {
      g_set_error_literal (error, BZW_DAV_ERROR, BZW_DAV_ERROR_SYNC_TOKEN,
                           _("The server no longer knows the state of the last sync."));
      return NULL;
    }
  if (!check_status (self, reply->status, "REPORT", error))
    return NULL;
  if (reply->status != 207)
    {
      g_set_error (error, BZW_DAV_ERROR, BZW_DAV_ERROR_FAILED,
                   _("The server answered %s with the error %u."), "REPORT", reply->status);
      return NULL;
    }

  return bzw_dav_multistatus_parse_full (data, length, new_token, error);
}

/**
 * bzw_dav_client_put:
 * @if_match: (nullable): the ETag the card must still have, or %NULL for
 *   a new card (sent with `If-None-Match: *`)
 *
 * Returns: (transfer full): the reply (its etag may be %NULL), or %NULL
 *   with a 412 as %BZW_DAV_ERROR_PRECONDITION
 */
BzwDavReply *
bzw_dav_client_put (BzwDavClient  *self,
                    const char    *href,
                    const char    *card,
                    const char    *if_match,
                    GError       **error)
{
  return bzw_dav_client_put_typed (self, href, "text/vcard; charset=utf-8", card, if_match, error);
}

/* A card already gone counts as deleted. */
gboolean
bzw_dav_client_delete (BzwDavClient  *self,
                       const char    *href,
                       const char    *if_match,
                       GError       **error)
{
  g_autoptr(BzwDavReply) reply = NULL;

  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), FALSE);

  reply = bzw_dav_client_request (self, "DELETE", href, NULL, if_match, FALSE, NULL, NULL, error);
  if (reply == NULL)
    return FALSE;

  return reply->status == 404 || reply->status == 410 || check_status (self, reply->status, "DELETE", error);
}

/* Makes a collection called @name with @method (MKCOL, MKCALENDAR): the
 * body is @head, the display name and @tail.
 */
static gboolean
make_collection (BzwDavClient  *self,
                 const char    *method,
                 const char    *href,
                 const char    *head,
                 const char    *name,
                 const char    *tail,
                 GError       **error)
{
  g_autoptr(BzwDavReply) reply = NULL;
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *body = g_strconcat ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", head,
                                       "<d:displayname>", escaped, "</d:displayname>", tail, NULL);

  reply = bzw_dav_client_request (self, method, href, NULL, NULL, FALSE,
                                  "application/xml; charset=utf-8", body, error);
  return reply != NULL && check_status (self, reply->status, method, error);
}

/* An extended MKCOL (RFC 5689) that makes an address book called @name. */
gboolean
bzw_dav_client_mkcol_addressbook (BzwDavClient  *self,
                                  const char    *href,
                                  const char    *name,
                                  GError       **error)
{
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), FALSE);

  return make_collection (self, "MKCOL", href,
                          "<d:mkcol xmlns:d=\"DAV:\" xmlns:card=\"" BZW_CARDDAV_NS "\"><d:set><d:prop>"
                          "<d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>",
                          name,
                          "</d:prop></d:set></d:mkcol>",
                          error);
}

/* CalDAV (RFC 4791): what the calendar sync (bzw-caldav-sync.c) needs. */

/**
 * bzw_dav_client_multistatus:
 * @body: the whole XML body of a PROPFIND or REPORT
 *
 * Returns: (transfer full) (element-type BzwDavResponse): the responses of
 *   the 207 answer, or %NULL with an error
 */
GPtrArray *
bzw_dav_client_multistatus (BzwDavClient  *self,
                            const char    *method,
                            const char    *href,
                            const char    *depth,
                            const char    *body,
                            GError       **error)
{
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), NULL);

  return request_multistatus (self, method, href, depth, body, error);
}

/**
 * bzw_dav_client_put_typed:
 * @if_match: (nullable): as for bzw_dav_client_put()
 *
 * Like bzw_dav_client_put(), for a resource of @content_type.
 */
BzwDavReply *
bzw_dav_client_put_typed (BzwDavClient  *self,
                          const char    *href,
                          const char    *content_type,
                          const char    *data,
                          const char    *if_match,
                          GError       **error)
{
  g_autoptr(BzwDavReply) reply = NULL;

  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), NULL);

  reply = bzw_dav_client_request (self, "PUT", href, NULL, if_match, if_match == NULL,
                                  content_type, data, error);
  if (reply == NULL || !check_status (self, reply->status, "PUT", error))
    return NULL;

  return g_steal_pointer (&reply);
}

/* MKCALENDAR (RFC 4791) of a calendar called @name for journal entries,
 * tasks and the events of the occasions.
 */
gboolean
bzw_dav_client_mkcalendar (BzwDavClient  *self,
                           const char    *href,
                           const char    *name,
                           GError       **error)
{
  g_return_val_if_fail (BZW_IS_DAV_CLIENT (self), FALSE);

  return make_collection (self, "MKCALENDAR", href,
                          "<cal:mkcalendar xmlns:d=\"DAV:\" xmlns:cal=\"" BZW_CALDAV_NS "\"><d:set><d:prop>",
                          name,
                          "<cal:supported-calendar-component-set><cal:comp name=\"VJOURNAL\"/>"
                          "<cal:comp name=\"VTODO\"/><cal:comp name=\"VEVENT\"/>"
                          "</cal:supported-calendar-component-set>"
                          "</d:prop></d:set></cal:mkcalendar>",
                          error);
}
