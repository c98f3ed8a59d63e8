/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the WebDAV multistatus reader
 * (bzw_dav_multistatus_parse_full): every answer of a server, from the
 * discovery's PROPFIND to a sync-collection REPORT, goes through it.
 * Every response it returns has an href, and every string it returns is
 * whole, NUL-terminated and valid to read.
 */

#include "config.h"

#include "bzw-dav-multistatus.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static size_t
touch (const char *text)
{
  return text != NULL ? strlen (text) : 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  size_t total = 0;

  responses = bzw_dav_multistatus_parse_full ((const char *) data, size, &token, &error);
  if (responses == NULL)
    {
      if (error == NULL || token != NULL)
        __builtin_trap ();
      return 0;
    }

  total += touch (token);
  for (guint i = 0; i < responses->len; i++)
    {
      BzwDavResponse *response = g_ptr_array_index (responses, i);

      if (response->href == NULL)
        __builtin_trap ();
      total += touch (response->href) + touch (response->etag) + touch (response->ctag) +
               touch (response->displayname) + touch (response->address_data) +
               touch (response->principal) + touch (response->addressbook_home) +
               touch (response->sync_token);
    }

  return total == (size_t) -1;
}
