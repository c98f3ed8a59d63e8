/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Changes by other processes: an import from a terminal, a sync on the
 * command line or in the window's background thread, a second window.
 * They commit on connections of their own, which SQLite's data_version
 * tells this connection about; the store then announces a change of
 * everything, and the views read afresh.
 *
 * A long sync or import commits many times in a row.  The watch looks
 * once a second while all is quiet, and every 250 ms from the first
 * change it sees until two seconds pass without one.  It announces at
 * most once per 500 ms however many commits it sees, so the window reads
 * its models afresh a few times during a burst of commits, not after
 * each, and once more after the last one, within half a second.
 */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-store-private.h"

/* The check reads no pages, only the header of the write-ahead log in
 * shared memory.
 */
#define QUIET_MS 1000
#define BUSY_MS 250
#define ANNOUNCE_US (500 * G_TIME_SPAN_MILLISECOND)
#define CALM_US (2 * G_TIME_SPAN_SECOND)

#define EVERYTHING (BZW_STORE_CHANGE_CONTACTS | BZW_STORE_CHANGE_CIRCLES | BZW_STORE_CHANGE_RELATIONSHIPS | \
                    BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_MAP)

static void
announce (BzwStore *self)
{
  self->watch_pending = FALSE;
  self->watch_announced = g_get_monotonic_time ();
  g_debug ("The database was changed by another connection");
  _bzw_store_forget_caches (self);
  _bzw_store_changed (self, EVERYTHING, 0);
}

/* Whether another connection committed since the last look. */
static gboolean
look (BzwStore *self)
{
  gint64 version;

  if (self->db == NULL || self->depth > 0)
    return FALSE;

  version = _bzw_store_data_version (self);
  if (version == self->watched_version)
    return FALSE;

  self->watched_version = version;
  self->watch_seen = g_get_monotonic_time ();
  return TRUE;
}

/**
 * bzw_store_check_other_processes:
 *
 * Looks once whether another connection committed a change since the last
 * look, and if so announces a change of everything at once.  Not inside a
 * write.
 *
 * Returns: whether there was such a change
 */
gboolean
bzw_store_check_other_processes (BzwStore *self)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (!look (self) && !self->watch_pending)
    return FALSE;

  announce (self);
  return TRUE;
}

static gboolean watch_cb (gpointer data);

static void
schedule (BzwStore *self,
          gboolean  fast)
{
  self->watch_fast = fast;
  self->watch_id = g_timeout_add (fast ? BUSY_MS : QUIET_MS, watch_cb, self);
}

static gboolean
watch_cb (gpointer data)
{
  BzwStore *self = data;
  gint64 now = g_get_monotonic_time ();
  gboolean fast;

  if (look (self))
    self->watch_pending = TRUE;
  if (self->watch_pending && self->depth == 0 && now - self->watch_announced >= ANNOUNCE_US)
    announce (self);

  fast = self->watch_pending || now - self->watch_seen < CALM_US;
  if (fast == self->watch_fast)
    return G_SOURCE_CONTINUE;

  schedule (self, fast);
  return G_SOURCE_REMOVE;
}

/**
 * bzw_store_watch_other_processes:
 *
 * From now on looks every second (every 250 ms while changes come) whether
 * another process changed the database, in the thread default main
 * context, and announces a change of everything at most every 500 ms
 * (see bzw_store_check_other_processes()).
 */
void
bzw_store_watch_other_processes (BzwStore *self)
{
  g_return_if_fail (BZW_IS_STORE (self));

  if (self->watch_id != 0 || self->db == NULL)
    return;

  self->watched_version = _bzw_store_data_version (self);
  self->watch_seen = G_MININT64 / 2;
  schedule (self, FALSE);
}
