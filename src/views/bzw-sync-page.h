/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"
#include "bzw-sync-scheduler.h"

G_BEGIN_DECLS

#define BZW_TYPE_SYNC_PAGE (bzw_sync_page_get_type ())

G_DECLARE_FINAL_TYPE (BzwSyncPage, bzw_sync_page, BZW, SYNC_PAGE, AdwPreferencesPage)

GtkWidget *bzw_sync_page_new (BzwStore         *store,
                              BzwSyncScheduler *scheduler);

G_END_DECLS
