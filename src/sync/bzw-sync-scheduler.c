/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-sync-scheduler"

#include "config.h"

#include "bzw-sync-scheduler.h"

#include "bzw-dav-client.h"
#include "bzw-store.h"
#include "bzw-sync-account.h"


/* The window's background sync: the same two-way sync as --sync, run in
 * a GTask thread on a connection of its own (the window's store follows
 * it through its watch for other connections).  It runs after the first
 * frame, a few seconds after a change here, every few minutes and when
 * asked.  The rules of when (bzw_sync_may_start(), bzw_sync_retry_delay())
 * are plain functions so a test can read them: a server that does not
 * answer is tried again later, more rarely each time; a wrong password
 * stops the sync until the settings change or the user asks.
 *
 * The scheduler lives in the main thread; only the thread function runs
 * elsewhere, and it shares nothing with the scheduler but its copy of the
 * database's path and the result it hands back.
 */

struct _BzwSyncScheduler
{
  GObject         parent_instance;
  char           *path;
  BzwSyncState    state;
  gint64          last_sync;   /* real time in µs of the last sync that went through, or 0 */
  char           *message;     /* why the last sync failed, nullable */
  guint           n_failures;  /* failed syncs in a row */
  BzwSyncSummary  summary;     /* of the last sync that went through */
  gboolean        pending;     /* asked again while running */
  BzwSyncTrigger  pending_trigger;
  guint           timer_id;
  guint           debounce_id;
};

G_DEFINE_FINAL_TYPE (BzwSyncScheduler, bzw_sync_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the thread hands back. */
typedef struct
{
  gboolean        no_account;
  BzwSyncSummary  summary;
} SyncResult;

static void run (BzwSyncScheduler *self);

/**
 * bzw_sync_retry_delay:
 * @state: how the last sync ended
 * @n_failures: failed syncs in a row, this one included
 *
 * Returns: the seconds until the next sync by itself, or 0 for none
 *   until something asks for one
 */
guint
bzw_sync_retry_delay (BzwSyncState state,
                      guint        n_failures)
{
  guint delay = BZW_SYNC_RETRY_SECONDS;

  switch (state)
    {
    case BZW_SYNC_STATE_DONE:
      return BZW_SYNC_PERIOD_SECONDS;
    case BZW_SYNC_STATE_OFFLINE:
    case BZW_SYNC_STATE_FAILED:
      for (guint i = 1; i < n_failures && delay < BZW_SYNC_RETRY_MAX; i++)
        delay *= 2;
      /* Offline is usually short (a train, a lid closed): never wait
       * longer than the usual period for it.
       */
      return MIN (delay, state == BZW_SYNC_STATE_OFFLINE ? BZW_SYNC_PERIOD_SECONDS : BZW_SYNC_RETRY_MAX);
    case BZW_SYNC_STATE_NO_ACCOUNT:
    case BZW_SYNC_STATE_WAITING:
    case BZW_SYNC_STATE_RUNNING:
    case BZW_SYNC_STATE_BLOCKED:
    default:
      return 0;
    }
}

/**
 * bzw_sync_may_start:
 *
 * Whether @trigger starts a sync in @state.  The user and a change of the
 * settings always do (but not twice at once); a change here only when the
 * last sync did not fail, so a server that is down is not asked again on
 * every key; nothing by itself after a wrong password.
 */
gboolean
bzw_sync_may_start (BzwSyncState   state,
                    BzwSyncTrigger trigger)
{
  if (state == BZW_SYNC_STATE_RUNNING)
    return FALSE;
  if (trigger == BZW_SYNC_TRIGGER_USER || trigger == BZW_SYNC_TRIGGER_SETTINGS)
    return TRUE;

  switch (state)
    {
    case BZW_SYNC_STATE_WAITING:
    case BZW_SYNC_STATE_DONE:
      return TRUE;
    case BZW_SYNC_STATE_OFFLINE:
    case BZW_SYNC_STATE_FAILED:
      return trigger != BZW_SYNC_TRIGGER_LOCAL;
    case BZW_SYNC_STATE_NO_ACCOUNT:
      return trigger == BZW_SYNC_TRIGGER_START;
    case BZW_SYNC_STATE_BLOCKED:
    case BZW_SYNC_STATE_RUNNING:
    default:
      return FALSE;
    }
}

/**
 * bzw_sync_state_for_error:
 *
 * How a failed sync counts: no answer is offline; a refused password,
 * address or certificate blocks until the settings change; anything else
 * failed.
 */
BzwSyncState
bzw_sync_state_for_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, BZW_SYNC_STATE_FAILED);

  if (error->domain == BZW_DAV_ERROR)
    switch (error->code)
      {
      case BZW_DAV_ERROR_NETWORK:
        return BZW_SYNC_STATE_OFFLINE;
      case BZW_DAV_ERROR_UNAUTHORIZED:
      case BZW_DAV_ERROR_FORBIDDEN:
      case BZW_DAV_ERROR_INSECURE:
      case BZW_DAV_ERROR_CERTIFICATE:
        return BZW_SYNC_STATE_BLOCKED;
      default:
        return BZW_SYNC_STATE_FAILED;
      }

  if (g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return BZW_SYNC_STATE_OFFLINE;

  return BZW_SYNC_STATE_FAILED;
}

static void
set_state (BzwSyncScheduler *self,
           BzwSyncState      state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  SyncResult *result = g_new0 (SyncResult, 1);

  /* The window has the file open: the thread's connection is a second
   * one (see BZW_STORE_OPEN_SECOND).
   */
  store = bzw_store_open (path, BZW_STORE_OPEN_SECOND, &error);
  url = store != NULL ? bzw_sync_account_dup_url (store) : NULL;

  if (url == NULL && error == NULL)
    result->no_account = TRUE;
  else if (store == NULL || !bzw_sync_account_run (store, &result->summary, &error))
    {
      g_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (store != NULL)
    bzw_store_close (store);
  g_task_return_pointer (task, result, g_free);
}

static gboolean
timer_cb (gpointer data)
{
  BzwSyncScheduler *self = data;

  self->timer_id = 0;
  bzw_sync_scheduler_trigger (self, BZW_SYNC_TRIGGER_TIMER);
  return G_SOURCE_REMOVE;
}

static void
arm_timer (BzwSyncScheduler *self)
{
  guint delay = bzw_sync_retry_delay (self->state, self->n_failures);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (delay > 0)
    self->timer_id = g_timeout_add_seconds (delay, timer_cb, self);
}

static void
finish (BzwSyncScheduler *self,
        SyncResult       *result,
        GError           *error)
{
  g_clear_pointer (&self->message, g_free);

  if (result != NULL && result->no_account)
    {
      self->n_failures = 0;
      set_state (self, BZW_SYNC_STATE_NO_ACCOUNT);
    }
  else if (result != NULL)
    {
      self->n_failures = 0;
      self->summary = result->summary;
      self->last_sync = g_get_real_time ();
      set_state (self, BZW_SYNC_STATE_DONE);
    }
  else
    {
      self->n_failures++;
      self->message = g_strdup (error->message);
      g_debug ("Sync failed (%u in a row): %s", self->n_failures, error->message);
      set_state (self, bzw_sync_state_for_error (error));
    }
}

static void
sync_done_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  BzwSyncScheduler *self = BZW_SYNC_SCHEDULER (object);
  g_autoptr(GError) error = NULL;
  g_autofree SyncResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  finish (self, result, error);
  arm_timer (self);

  /* What was asked meanwhile, judged by the new state: new settings or
   * the user still try after a refused password, a change here does not.
   */
  if (self->pending)
    {
      self->pending = FALSE;
      if (bzw_sync_may_start (self->state, self->pending_trigger))
        run (self);
    }
}

static void
run (BzwSyncScheduler *self)
{
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  set_state (self, BZW_SYNC_STATE_RUNNING);

  task = g_task_new (self, NULL, sync_done_cb, NULL);
  g_task_set_source_tag (task, run);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, sync_thread);
}

static gboolean
debounce_cb (gpointer data)
{
  BzwSyncScheduler *self = data;

  self->debounce_id = 0;
  if (bzw_sync_may_start (self->state, BZW_SYNC_TRIGGER_LOCAL))
    run (self);
  return G_SOURCE_REMOVE;
}

static void
bzw_sync_scheduler_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BzwSyncScheduler *self = BZW_SYNC_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bzw_sync_scheduler_dispose (GObject *object)
{
  BzwSyncScheduler *self = BZW_SYNC_SCHEDULER (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  G_OBJECT_CLASS (bzw_sync_scheduler_parent_class)->dispose (object);
}

static void
bzw_sync_scheduler_finalize (GObject *object)
{
  BzwSyncScheduler *self = BZW_SYNC_SCHEDULER (object);

  g_free (self->path);
  g_free (self->message);
  G_OBJECT_CLASS (bzw_sync_scheduler_parent_class)->finalize (object);
}

static void
bzw_sync_scheduler_class_init (BzwSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bzw_sync_scheduler_get_property;
  object_class->dispose = bzw_sync_scheduler_dispose;
  object_class->finalize = bzw_sync_scheduler_finalize;

  /* A BzwSyncState; an int, so the core needs no enum types. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, BZW_SYNC_STATE_NO_ACCOUNT, BZW_SYNC_STATE_BLOCKED,
                      BZW_SYNC_STATE_WAITING, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bzw_sync_scheduler_init (BzwSyncScheduler *self)
{
  self->state = BZW_SYNC_STATE_WAITING;
}

/**
 * bzw_sync_scheduler_new:
 * @path: the database, which the sync opens on a connection of its own
 */
BzwSyncScheduler *
bzw_sync_scheduler_new (const char *path)
{
  BzwSyncScheduler *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (BZW_TYPE_SYNC_SCHEDULER, NULL);
  self->path = g_strdup (path);
  return self;
}

/**
 * bzw_sync_scheduler_trigger:
 *
 * Asks for a sync: at once, or for %BZW_SYNC_TRIGGER_LOCAL a few seconds
 * after the last change.  What the state does not allow is ignored; a
 * change or a request while a sync runs makes one more sync after it.
 */
void
bzw_sync_scheduler_trigger (BzwSyncScheduler *self,
                            BzwSyncTrigger    trigger)
{
  g_return_if_fail (BZW_IS_SYNC_SCHEDULER (self));

  if (trigger == BZW_SYNC_TRIGGER_SETTINGS)
    self->n_failures = 0;

  if (self->state == BZW_SYNC_STATE_RUNNING)
    {
      if (trigger == BZW_SYNC_TRIGGER_USER || trigger == BZW_SYNC_TRIGGER_SETTINGS)
        self->pending_trigger = trigger;
      else if (!self->pending)
        self->pending_trigger = BZW_SYNC_TRIGGER_LOCAL;
      self->pending |= trigger != BZW_SYNC_TRIGGER_TIMER;
      return;
    }
  if (!bzw_sync_may_start (self->state, trigger))
    return;

  if (trigger == BZW_SYNC_TRIGGER_LOCAL)
    {
      g_clear_handle_id (&self->debounce_id, g_source_remove);
      self->debounce_id = g_timeout_add_seconds (BZW_SYNC_DEBOUNCE_SECONDS, debounce_cb, self);
      return;
    }

  run (self);
}

BzwSyncState
bzw_sync_scheduler_get_state (BzwSyncScheduler *self)
{
  g_return_val_if_fail (BZW_IS_SYNC_SCHEDULER (self), BZW_SYNC_STATE_NO_ACCOUNT);

  return self->state;
}

/* The real time (µs) of the last sync that went through, or 0. */
gint64
bzw_sync_scheduler_get_last_sync (BzwSyncScheduler *self)
{
  g_return_val_if_fail (BZW_IS_SYNC_SCHEDULER (self), 0);

  return self->last_sync;
}

/* Why the last sync failed, or %NULL. */
const char *
bzw_sync_scheduler_get_message (BzwSyncScheduler *self)
{
  g_return_val_if_fail (BZW_IS_SYNC_SCHEDULER (self), NULL);

  return self->message;
}

guint
bzw_sync_scheduler_get_n_failures (BzwSyncScheduler *self)
{
  g_return_val_if_fail (BZW_IS_SYNC_SCHEDULER (self), 0);

  return self->n_failures;
}

const BzwSyncSummary *
bzw_sync_scheduler_get_summary (BzwSyncScheduler *self)
{
  g_return_val_if_fail (BZW_IS_SYNC_SCHEDULER (self), NULL);

  return &self->summary;
}
