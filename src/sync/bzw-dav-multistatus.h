/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BZW_DAV_NS      "DAV:"
#define BZW_CARDDAV_NS  "urn:ietf:params:xml:ns:carddav"
#define BZW_CS_NS       "http://calendarserver.org/ns/"
#define BZW_CALDAV_NS   "urn:ietf:params:xml:ns:caldav"

/* One <response> of a WebDAV multistatus (RFC 4918), with the properties
 * the sync reads.  Only properties of a propstat with a 2xx status are
 * taken; a property that is missing stays NULL.
 */
typedef struct
{
  char     *href;            /* as the server wrote it, percent-encoded */
  guint     status;          /* the response's own status, or 0 when it has propstats */
  char     *etag;
  char     *ctag;
  char     *displayname;
  char     *address_data;
  char     *principal;       /* current-user-principal/href */
  char     *addressbook_home; /* addressbook-home-set/href */
  gboolean  is_collection;
  gboolean  is_addressbook;
  char     *sync_token;      /* the collection's sync-token (RFC 6578) */
  gboolean  has_sync_collection;    /* sync-collection in supported-report-set */
  gboolean  has_address_data_types; /* supported-address-data was given */
  gboolean  has_vcard4;             /* … and names vCard 4.0 */
  char     *calendar_data;          /* CalDAV: calendar-data */
  char     *calendar_home;          /* CalDAV: calendar-home-set/href */
  gboolean  is_calendar;
} BzwDavResponse;

void       bzw_dav_response_free      (BzwDavResponse  *response);
GPtrArray *bzw_dav_multistatus_parse  (const char      *data,
                                       gsize            length,
                                       GError         **error);
GPtrArray *bzw_dav_multistatus_parse_full (const char      *data,
                                           gsize            length,
                                           char           **sync_token,
                                           GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwDavResponse, bzw_dav_response_free)

G_END_DECLS
