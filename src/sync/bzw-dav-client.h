/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BZW_DAV_ERROR (bzw_dav_error_quark ())

typedef enum
{
  BZW_DAV_ERROR_INSECURE,       /* http:// to a host that is not loopback */
  BZW_DAV_ERROR_UNAUTHORIZED,   /* 401: wrong user name or password */
  BZW_DAV_ERROR_FORBIDDEN,      /* 403 */
  BZW_DAV_ERROR_NOT_FOUND,      /* 404, 410 */
  BZW_DAV_ERROR_PRECONDITION,   /* 412: the ETag no longer matches */
  BZW_DAV_ERROR_FULL,           /* 507 */
  BZW_DAV_ERROR_NETWORK,        /* no answer at all */
  BZW_DAV_ERROR_FAILED,         /* any other answer */
  BZW_DAV_ERROR_SYNC_TOKEN,     /* the sync-token is no longer valid (RFC 6578) */
  BZW_DAV_ERROR_CERTIFICATE,    /* the server's TLS certificate was not accepted */
} BzwDavError;

/* What one request got back. */
typedef struct
{
  guint   status;
  GBytes *body;
  char   *etag;      /* the ETag header, nullable */
  char   *location;  /* the Location header, nullable */
} BzwDavReply;

#define BZW_TYPE_DAV_CLIENT (bzw_dav_client_get_type ())

G_DECLARE_FINAL_TYPE (BzwDavClient, bzw_dav_client, BZW, DAV_CLIENT, GObject)

GQuark        bzw_dav_error_quark           (void);
gboolean      bzw_dav_url_is_allowed        (const char    *url,
                                             GError       **error);
BzwDavClient *bzw_dav_client_new            (const char    *url,
                                             const char    *password,
                                             GError       **error);
BzwDavClient *bzw_dav_client_new_full       (const char    *url,
                                             const char    *password,
                                             gboolean       allow_http,
                                             GError       **error);
const char   *bzw_dav_client_get_user       (BzwDavClient  *self);
const char   *bzw_dav_client_get_base       (BzwDavClient  *self);
char         *bzw_dav_client_resolve        (BzwDavClient  *self,
                                             const char    *href);
guint         bzw_dav_client_get_n_requests (BzwDavClient  *self);
gint64        bzw_dav_client_get_waited     (BzwDavClient  *self);
BzwDavReply  *bzw_dav_client_request        (BzwDavClient  *self,
                                             const char    *method,
                                             const char    *href,
                                             const char    *depth,
                                             const char    *if_match,
                                             gboolean       if_none_match,
                                             const char    *content_type,
                                             const char    *body,
                                             GError       **error);
GPtrArray    *bzw_dav_client_propfind       (BzwDavClient  *self,
                                             const char    *href,
                                             const char    *depth,
                                             const char    *props,
                                             GError       **error);
GPtrArray    *bzw_dav_client_multiget       (BzwDavClient  *self,
                                             const char    *href,
                                             GPtrArray     *hrefs,
                                             gboolean       calendar,
                                             GError       **error);
GPtrArray    *bzw_dav_client_sync_collection (BzwDavClient *self,
                                               const char   *href,
                                               const char   *token,
                                               char        **new_token,
                                               GError      **error);
BzwDavReply  *bzw_dav_client_put            (BzwDavClient  *self,
                                             const char    *href,
                                             const char    *card,
                                             const char    *if_match,
                                             GError       **error);
gboolean      bzw_dav_client_delete         (BzwDavClient  *self,
                                             const char    *href,
                                             const char    *if_match,
                                             GError       **error);
gboolean      bzw_dav_client_mkcol_addressbook (BzwDavClient *self,
                                                const char   *href,
                                                const char   *name,
                                                GError      **error);
GPtrArray    *bzw_dav_client_multistatus    (BzwDavClient  *self,
                                             const char    *method,
                                             const char    *href,
                                             const char    *depth,
                                             const char    *body,
                                             GError       **error);
BzwDavReply  *bzw_dav_client_put_typed      (BzwDavClient  *self,
                                             const char    *href,
                                             const char    *content_type,
                                             const char    *data,
                                             const char    *if_match,
                                             GError       **error);
gboolean      bzw_dav_client_mkcalendar     (BzwDavClient  *self,
                                             const char    *href,
                                             const char    *name,
                                             GError       **error);
void          bzw_dav_reply_free            (BzwDavReply   *reply);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwDavReply, bzw_dav_reply_free)

G_END_DECLS
