/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-carddav-sync.h"

G_BEGIN_DECLS

/* The name of the calendar the journal is synced with. */
#define BZW_CALDAV_CALENDAR_NAME "Beziehungsweise"

gboolean bzw_caldav_sync (BzwStore        *store,
                          BzwDavClient    *client,
                          const char      *calendar,
                          BzwSyncSummary  *summary,
                          GError         **error);

gboolean bzw_caldav_sync_forget (BzwStore  *store,
                                 GError   **error);

G_END_DECLS
