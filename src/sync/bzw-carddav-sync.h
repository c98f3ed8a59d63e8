/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-dav-client.h"
#include "bzw-store.h"

G_BEGIN_DECLS

/* What one sync did. */
typedef struct
{
  guint uploaded;    /* cards written or deleted on the server */
  guint downloaded;  /* cards added, changed or deleted here */
  guint conflicts;   /* cards changed on both sides in the same property */
  guint requests;    /* HTTP requests sent */
  guint rendered;    /* contacts written as vCard to compare (those whose revision moved) */
  guint items_rendered; /* journal items written as iCalendar to compare (all or none) */
  gint64 waited;     /* µs spent waiting for the server's answers */
} BzwSyncSummary;

gboolean bzw_carddav_sync (BzwStore        *store,
                           BzwDavClient    *client,
                           const char      *addressbook,
                           BzwSyncSummary  *summary,
                           GError         **error);

gboolean bzw_carddav_sync_forget (BzwStore  *store,
                                  GError   **error);

G_END_DECLS
