/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-carddav-merge.h"
#include "bzw-dav-multistatus.h"

#include <string.h>

/* Shaped like Radicale's and Nextcloud's answers: other prefixes, a
 * propstat with 404 for a property the server lacks, an empty etag.
 */
static const char listing[] =
  "<?xml version=\"1.0\"?>\n"
  "<multistatus xmlns=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:carddav\" xmlns:CS=\"http://calendarserver.org/ns/\">"
  "<response><href>/anna/kontakte/</href><propstat><prop>"
  "<resourcetype><collection/><C:addressbook/></resourcetype><CS:getctag>\"c1\"</CS:getctag>"
  "<displayname>Kontakte</displayname></prop><status>HTTP/1.1 200 OK</status></propstat></response>"
  "<response><href>/anna/kontakte/a%20b.vcf</href><propstat><prop><getetag>\"e1\"</getetag>"
  "<resourcetype/></prop><status>HTTP/1.1 200 OK</status></propstat>"
  "<propstat><prop><displayname/></prop><status>HTTP/1.1 404 Not Found</status></propstat></response>"
  "<response><href>/anna/kontakte/gone.vcf</href><status>HTTP/1.1 404 Not Found</status></response>"
  "<response><propstat><prop><getetag>\"x\"</getetag></prop></propstat></response>"
  "</multistatus>";

static const char discovery[] =
  "<d:multistatus xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\"><d:response>"
  "<d:href>/</d:href><d:propstat><d:prop>"
  "<d:current-user-principal><d:href>/anna/</d:href></d:current-user-principal>"
  "<card:addressbook-home-set>\n  <d:href> /anna/ </d:href>\n</card:addressbook-home-set>"
  "<d:getetag></d:getetag>"
  "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>";

static void
test_listing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) responses = bzw_dav_multistatus_parse (listing, strlen (listing), &error);
  BzwDavResponse *book, *card, *gone;

  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 3);  /* the one without href is left out */

  book = g_ptr_array_index (responses, 0);
  g_assert_true (book->is_collection && book->is_addressbook);
  g_assert_cmpstr (book->ctag, ==, "\"c1\"");
  g_assert_cmpstr (book->displayname, ==, "Kontakte");
  g_assert_null (book->etag);

  card = g_ptr_array_index (responses, 1);
  g_assert_cmpstr (card->href, ==, "/anna/kontakte/a%20b.vcf");
  g_assert_cmpstr (card->etag, ==, "\"e1\"");
  g_assert_false (card->is_collection);
  g_assert_null (card->displayname);  /* in the 404 propstat */

  gone = g_ptr_array_index (responses, 2);
  g_assert_cmpuint (gone->status, ==, 404);
  g_assert_null (gone->etag);
}

static void
test_discovery (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) responses = bzw_dav_multistatus_parse (discovery, strlen (discovery), &error);
  BzwDavResponse *root;

  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 1);
  root = g_ptr_array_index (responses, 0);
  g_assert_cmpstr (root->principal, ==, "/anna/");
  g_assert_cmpstr (root->addressbook_home, ==, "/anna/");
  g_assert_null (root->etag);  /* empty */
}

static void
test_not_multistatus (void)
{
  const char *bodies[] = {
    "", "<html><body>502</body></html>", "<multistatus xmlns=\"urn:other\"/>", "<d:multistatus xmlns:d=\"DAV:\"",
    "<!DOCTYPE m [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><multistatus xmlns=\"DAV:\"><response>"
    "<href>&e;</href></response></multistatus>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) responses = bzw_dav_multistatus_parse (bodies[i], strlen (bodies[i]), &error);

      /* An external entity is never read: no href with the file's text. */
      if (responses != NULL)
        for (guint j = 0; j < responses->len; j++)
          g_assert_null (strstr (((BzwDavResponse *) g_ptr_array_index (responses, j))->href, "root:"));
      else
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

/* A PROPFIND of the address book as the sync sends it, and the answer of
 * a sync-collection REPORT (RFC 6578): the token is the multistatus' own.
 */
static const char collection[] =
  "<d:multistatus xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\""
  " xmlns:cs=\"http://calendarserver.org/ns/\"><d:response><d:href>/anna/kontakte/</d:href>"
  "<d:propstat><d:prop><cs:getctag>\"42\"</cs:getctag><d:sync-token>data:,42</d:sync-token>"
  "<d:supported-report-set><d:supported-report><d:report><card:addressbook-multiget/></d:report>"
  "</d:supported-report><d:supported-report><d:report><d:sync-collection/></d:report>"
  "</d:supported-report></d:supported-report-set><card:supported-address-data>"
  "<card:address-data-type content-type=\"text/vcard\" version=\"3.0\"/>"
  "<card:address-data-type content-type=\"text/vcard\" version=\"4.0\"/>"
  "</card:supported-address-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>"
  "</d:response></d:multistatus>";

static const char sync_report[] =
  "<multistatus xmlns=\"DAV:\"><response><href>/anna/kontakte/1.vcf</href><propstat><prop>"
  "<getetag>\"e2\"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response>"
  "<response><href>/anna/kontakte/2.vcf</href><status>HTTP/1.1 404 Not Found</status></response>"
  "<sync-token>http://radicale.org/ns/sync/7</sync-token></multistatus>";

/* Xandikos leaves out the <report> around the report's name. */
static const char xandikos[] =
  "<ns0:multistatus xmlns:ns0=\"DAV:\" xmlns:ns1=\"urn:ietf:params:xml:ns:carddav\"><ns0:response>"
  "<ns0:href>/anna/contacts/addressbook/</ns0:href><ns0:propstat><ns0:status>HTTP/1.1 200 OK</ns0:status>"
  "<ns0:prop><ns0:supported-report-set><ns0:supported-report><ns1:addressbook-multiget /></ns0:supported-report>"
  "<ns0:supported-report><ns0:sync-collection /></ns0:supported-report></ns0:supported-report-set>"
  "</ns0:prop></ns0:propstat></ns0:response></ns0:multistatus>";

static void
test_collection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) responses = bzw_dav_multistatus_parse (collection, strlen (collection), &error);
  BzwDavResponse *book;

  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 1);
  book = g_ptr_array_index (responses, 0);
  g_assert_cmpstr (book->ctag, ==, "\"42\"");
  g_assert_cmpstr (book->sync_token, ==, "data:,42");
  g_assert_true (book->has_sync_collection);
  g_assert_true (book->has_address_data_types);
  g_assert_true (book->has_vcard4);

  g_clear_pointer (&responses, g_ptr_array_unref);
  responses = bzw_dav_multistatus_parse (xandikos, strlen (xandikos), &error);
  g_assert_no_error (error);
  book = g_ptr_array_index (responses, 0);
  g_assert_true (book->has_sync_collection);
  g_assert_false (book->has_address_data_types);
  g_assert_false (book->has_vcard4);
}

static void
test_sync_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GPtrArray) responses = NULL;

  responses = bzw_dav_multistatus_parse_full (sync_report, strlen (sync_report), &token, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "http://radicale.org/ns/sync/7");
  g_assert_cmpuint (responses->len, ==, 2);
  g_assert_cmpstr (((BzwDavResponse *) g_ptr_array_index (responses, 0))->etag, ==, "\"e2\"");
  g_assert_cmpuint (((BzwDavResponse *) g_ptr_array_index (responses, 1))->status, ==, 404);
  g_assert_false (((BzwDavResponse *) g_ptr_array_index (responses, 0))->has_sync_collection);
}

/* Entities that expand a thousandfold are never expanded: a body with a
 * DTD is no multistatus.
 */
static void
test_entities (void)
{
  const char body[] =
    "<!DOCTYPE d:multistatus [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><d:multistatus xmlns:d=\"DAV:\"><d:response>"
    "<d:href>/&c;</d:href></d:response></d:multistatus>";
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GPtrArray) responses = bzw_dav_multistatus_parse_full (body, strlen (body), &token, &error);

  g_assert_null (responses);
  g_assert_null (token);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

#define CARD(body) "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:u1\r\n" body "END:VCARD\r\n"

static void
test_merge (void)
{
  const char *base = CARD ("FN:Anna\r\nORG:Alt\r\nX-BZW-OFFERS:Rat\r\nNOTE:n\r\n");
  const char *local = CARD ("FN:Anna\r\nORG:Neu\r\nX-BZW-OFFERS:Rat\r\nNOTE:hier\r\n");
  const char *remote = CARD ("FN:Anna\r\nORG:Alt\r\nX-BZW-OFFERS:Tat\r\nNOTE:dort\r\nTEL:1\r\n");
  g_autofree char *merged = NULL;
  guint conflicts = 0;

  merged = bzw_carddav_merge (base, local, remote, &conflicts);
  g_assert_nonnull (strstr (merged, "ORG:Neu\r\n"));
  g_assert_nonnull (strstr (merged, "X-BZW-OFFERS:Tat\r\n"));
  g_assert_nonnull (strstr (merged, "TEL:1\r\n"));
  /* Both changed the note: the local one stays, the other is kept. */
  g_assert_nonnull (strstr (merged, "NOTE:hier\r\n"));
  g_assert_nonnull (strstr (merged, "X-BZW-CONFLICT:NOTE:dort\r\n"));
  g_assert_cmpuint (conflicts, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/multistatus/listing", test_listing);
  g_test_add_func ("/sync/multistatus/discovery", test_discovery);
  g_test_add_func ("/sync/multistatus/not-multistatus", test_not_multistatus);
  g_test_add_func ("/sync/multistatus/collection", test_collection);
  g_test_add_func ("/sync/multistatus/sync-report", test_sync_report);
  g_test_add_func ("/sync/multistatus/entities", test_entities);
  g_test_add_func ("/sync/merge/three-way", test_merge);
  return g_test_run ();
}
