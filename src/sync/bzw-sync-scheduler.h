/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "bzw-carddav-sync.h"

G_BEGIN_DECLS

/* Where the background sync stands. */
typedef enum
{
  BZW_SYNC_STATE_NO_ACCOUNT,    /* no account is set */
  BZW_SYNC_STATE_WAITING,       /* an account, not synced yet in this session */
  BZW_SYNC_STATE_RUNNING,
  BZW_SYNC_STATE_DONE,          /* the last sync went through */
  BZW_SYNC_STATE_OFFLINE,       /* the server did not answer; tried again later */
  BZW_SYNC_STATE_FAILED,        /* the server answered with an error; tried again later */
  BZW_SYNC_STATE_BLOCKED,       /* wrong password or refused address: no retry until the settings change */
} BzwSyncState;

/* What starts a sync. */
typedef enum
{
  BZW_SYNC_TRIGGER_START,       /* after the window's first frame */
  BZW_SYNC_TRIGGER_LOCAL,       /* a change here, debounced */
  BZW_SYNC_TRIGGER_TIMER,       /* the periodic sync or a retry */
  BZW_SYNC_TRIGGER_USER,        /* „Jetzt synchronisieren“ */
  BZW_SYNC_TRIGGER_SETTINGS,    /* the account was changed */
} BzwSyncTrigger;

#define BZW_SYNC_PERIOD_SECONDS   (5 * 60)
#define BZW_SYNC_DEBOUNCE_SECONDS 5
#define BZW_SYNC_RETRY_SECONDS    30
#define BZW_SYNC_RETRY_MAX        (30 * 60)

#define BZW_TYPE_SYNC_SCHEDULER (bzw_sync_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (BzwSyncScheduler, bzw_sync_scheduler, BZW, SYNC_SCHEDULER, GObject)

guint             bzw_sync_retry_delay               (BzwSyncState       state,
                                                      guint              n_failures);
gboolean          bzw_sync_may_start                 (BzwSyncState       state,
                                                      BzwSyncTrigger     trigger);
BzwSyncState      bzw_sync_state_for_error           (const GError      *error);

BzwSyncScheduler *bzw_sync_scheduler_new             (const char        *path);
void              bzw_sync_scheduler_trigger         (BzwSyncScheduler  *self,
                                                      BzwSyncTrigger     trigger);
BzwSyncState      bzw_sync_scheduler_get_state       (BzwSyncScheduler  *self);
gint64            bzw_sync_scheduler_get_last_sync   (BzwSyncScheduler  *self);
const char       *bzw_sync_scheduler_get_message     (BzwSyncScheduler  *self);
guint             bzw_sync_scheduler_get_n_failures  (BzwSyncScheduler  *self);
const BzwSyncSummary *bzw_sync_scheduler_get_summary (BzwSyncScheduler  *self);

G_END_DECLS
