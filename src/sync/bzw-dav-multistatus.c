/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-dav-multistatus"

#include "config.h"

#include "bzw-dav-multistatus.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

/* A multistatus body larger than this is refused. */
#define MAX_BODY (64 * 1024 * 1024)

void
bzw_dav_response_free (BzwDavResponse *response)
{
  if (response == NULL)
    return;

  g_free (response->href);
  g_free (response->etag);
  g_free (response->ctag);
  g_free (response->displayname);
  g_free (response->address_data);
  g_free (response->principal);
  g_free (response->addressbook_home);
  g_free (response->sync_token);
  g_free (response->calendar_data);
  g_free (response->calendar_home);
  g_free (response);
}

static gboolean
is (xmlNode    *node,
    const char *ns,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->ns != NULL && node->ns->href != NULL &&
         strcmp ((const char *) node->ns->href, ns) == 0 &&
         strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
child (xmlNode    *node,
       const char *ns,
       const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is (c, ns, name))
      return c;
  return NULL;
}

/* The text of @node, trimmed, or NULL when it is empty. */
static char *
dup_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return NULL;

  content = xmlNodeGetContent (node);
  text = g_strstrip (g_strdup ((const char *) content));
  xmlFree (content);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* "HTTP/1.1 200 OK" → 200; anything else → 0. */
static guint
parse_status (xmlNode *node)
{
  g_autofree char *text = dup_text (node);
  const char *space;

  if (text == NULL || (space = strchr (text, ' ')) == NULL)
    return 0;

  return (guint) g_ascii_strtoull (space + 1, NULL, 10);
}

/* Whether the supported-report-set @node names sync-collection, inside
 * <report> as RFC 3253 has it or straight in <supported-report> as
 * Xandikos writes it.
 */
static gboolean
has_sync_report (xmlNode *node)
{
  for (xmlNode *s = node->children; s != NULL; s = s->next)
    {
      xmlNode *report;

      if (!is (s, BZW_DAV_NS, "supported-report"))
        continue;
      report = child (s, BZW_DAV_NS, "report");
      if (child (report != NULL ? report : s, BZW_DAV_NS, "sync-collection") != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Whether the supported-address-data @node names vCard 4.0. */
static gboolean
has_vcard4 (xmlNode *node)
{
  for (xmlNode *t = node->children; t != NULL; t = t->next)
    {
      xmlChar *version;
      gboolean four;

      if (!is (t, BZW_CARDDAV_NS, "address-data-type"))
        continue;
      version = xmlGetNoNsProp (t, (const xmlChar *) "version");
      four = version != NULL && strcmp ((const char *) version, "4.0") == 0;
      xmlFree (version);
      if (four)
        return TRUE;
    }

  return FALSE;
}

/* The properties of CalDAV (RFC 4791). */
static void
read_caldav_prop (BzwDavResponse *response,
                  xmlNode        *p)
{
  if (is (p, BZW_CALDAV_NS, "calendar-data") && response->calendar_data == NULL)
    response->calendar_data = dup_text (p);
  else if (is (p, BZW_CALDAV_NS, "calendar-home-set") && response->calendar_home == NULL)
    response->calendar_home = dup_text (child (p, BZW_DAV_NS, "href"));
}

static void
read_prop (BzwDavResponse *response,
           xmlNode        *prop)
{
  for (xmlNode *p = prop->children; p != NULL; p = p->next)
    {
      if (is (p, BZW_DAV_NS, "getetag") && response->etag == NULL)
        response->etag = dup_text (p);
      else if (is (p, BZW_CS_NS, "getctag") && response->ctag == NULL)
        response->ctag = dup_text (p);
      else if (is (p, BZW_DAV_NS, "displayname") && response->displayname == NULL)
        response->displayname = dup_text (p);
      else if (is (p, BZW_CARDDAV_NS, "address-data") && response->address_data == NULL)
        response->address_data = dup_text (p);
      else if (is (p, BZW_DAV_NS, "current-user-principal") && response->principal == NULL)
        response->principal = dup_text (child (p, BZW_DAV_NS, "href"));
      else if (is (p, BZW_CARDDAV_NS, "addressbook-home-set") && response->addressbook_home == NULL)
        response->addressbook_home = dup_text (child (p, BZW_DAV_NS, "href"));
      else if (is (p, BZW_DAV_NS, "sync-token") && response->sync_token == NULL)
        response->sync_token = dup_text (p);
      else if (is (p, BZW_DAV_NS, "supported-report-set"))
        response->has_sync_collection = has_sync_report (p);
      else if (is (p, BZW_CARDDAV_NS, "supported-address-data"))
        {
          response->has_address_data_types = TRUE;
          response->has_vcard4 = has_vcard4 (p);
        }
      else if (is (p, BZW_DAV_NS, "resourcetype"))
        {
          response->is_collection = child (p, BZW_DAV_NS, "collection") != NULL;
          response->is_addressbook = child (p, BZW_CARDDAV_NS, "addressbook") != NULL;
          response->is_calendar = child (p, BZW_CALDAV_NS, "calendar") != NULL;
        }
      else
        read_caldav_prop (response, p);
    }
}

static BzwDavResponse *
read_response (xmlNode *node)
{
  BzwDavResponse *response = g_new0 (BzwDavResponse, 1);

  response->href = dup_text (child (node, BZW_DAV_NS, "href"));
  response->status = parse_status (child (node, BZW_DAV_NS, "status"));

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      xmlNode *prop;
      guint status;

      if (!is (c, BZW_DAV_NS, "propstat"))
        continue;

      status = parse_status (child (c, BZW_DAV_NS, "status"));
      prop = child (c, BZW_DAV_NS, "prop");
      if (prop != NULL && status >= 200 && status < 300)
        read_prop (response, prop);
    }

  return response;
}

/**
 * bzw_dav_multistatus_parse:
 *
 * Reads a 207 Multi-Status body.  Responses without an href are left out.
 * The parser loads no DTD, substitutes no entities and reaches no network;
 * a body with a document type declaration is refused.
 *
 * Returns: (transfer full) (element-type BzwDavResponse): the responses,
 *   or %NULL when the body is no multistatus
 */
GPtrArray *
bzw_dav_multistatus_parse (const char  *data,
                           gsize        length,
                           GError     **error)
{
  return bzw_dav_multistatus_parse_full (data, length, NULL, error);
}

/**
 * bzw_dav_multistatus_parse_full:
 * @sync_token: (out) (optional) (nullable): the multistatus' own
 *   sync-token, the answer of a sync-collection REPORT (RFC 6578)
 *
 * Like bzw_dav_multistatus_parse().
 */
GPtrArray *
bzw_dav_multistatus_parse_full (const char  *data,
                                gsize        length,
                                char       **sync_token,
                                GError     **error)
{
  g_autoptr(GPtrArray) responses = NULL;
  xmlDoc *doc;
  xmlNode *root;

  if (sync_token != NULL)
    *sync_token = NULL;
  if (data == NULL || length == 0 || length > MAX_BODY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The server’s answer is empty or too large."));
      return NULL;
    }

  doc = xmlReadMemory (data, (int) length, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  /* No server sends a DTD; one could only declare entities that expand. */
  if (root == NULL || doc->intSubset != NULL || doc->extSubset != NULL ||
      !is (root, BZW_DAV_NS, "multistatus"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The server’s answer is not a WebDAV multistatus."));
      xmlFreeDoc (doc);
      return NULL;
    }

  responses = g_ptr_array_new_with_free_func ((GDestroyNotify) bzw_dav_response_free);
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      BzwDavResponse *response;

      if (sync_token != NULL && *sync_token == NULL && is (c, BZW_DAV_NS, "sync-token"))
        *sync_token = dup_text (c);
      if (!is (c, BZW_DAV_NS, "response"))
        continue;

      response = read_response (c);
      if (response->href == NULL)
        bzw_dav_response_free (response);
      else
        g_ptr_array_add (responses, response);
    }

  xmlFreeDoc (doc);
  return g_steal_pointer (&responses);
}
