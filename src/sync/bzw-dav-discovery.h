/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-dav-client.h"

G_BEGIN_DECLS

char *bzw_dav_discover_addressbook (BzwDavClient  *client,
                                    GError       **error);

G_END_DECLS
