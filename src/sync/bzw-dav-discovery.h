/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-dav-client.h"
#include "bzw-dav-multistatus.h"

G_BEGIN_DECLS

char      *bzw_dav_discover_addressbook   (BzwDavClient  *client,
                                          GError       **error);
GPtrArray *bzw_dav_discover_addressbooks (BzwDavClient  *client,
                                          GError       **error);
char      *bzw_dav_discover_calendar      (BzwDavClient  *client,
                                          const char    *name,
                                          GError       **error);

G_END_DECLS
