/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-sync-scheduler.h"

G_BEGIN_DECLS

#define BZW_TYPE_SYNC_STATUS (bzw_sync_status_get_type ())

G_DECLARE_FINAL_TYPE (BzwSyncStatus, bzw_sync_status, BZW, SYNC_STATUS, GtkWidget)

GtkWidget *bzw_sync_status_new           (void);
void       bzw_sync_status_set_scheduler (BzwSyncStatus    *self,
                                          BzwSyncScheduler *scheduler);
char      *bzw_sync_status_describe      (BzwSyncState      state,
                                          gint64            last_sync,
                                          gint64            now);

G_END_DECLS
