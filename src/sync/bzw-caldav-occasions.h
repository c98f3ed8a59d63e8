/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-dav-client.h"
#include "bzw-store.h"

G_BEGIN_DECLS

/* The kind of an occasion's row in sync_items. */
#define BZW_CALDAV_OCCASION_KIND "occasion"
/* The kind of a row of an occasion another installation uploaded. */
#define BZW_CALDAV_OCCASION_FOREIGN_KIND "occasion-foreign"

gboolean bzw_caldav_occasion_is_marked (const char      *data);
gboolean bzw_caldav_occasion_record_foreign (BzwStore   *store,
                                             const char *path,
                                             const char *etag,
                                             const char *data,
                                             GError    **error);
gboolean bzw_caldav_occasions_push     (BzwStore        *store,
                                        BzwDavClient    *client,
                                        const char      *calendar,
                                        GHashTable      *server,
                                        gboolean         server_unchanged,
                                        GError         **error);
gboolean bzw_caldav_occasions_forget   (BzwStore        *store,
                                        GError         **error);

G_END_DECLS
