/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Changes by other processes: an import from a terminal, a sync on the
 * command line, a second window.  They commit on connections of their own,
 * which SQLite's data_version tells this connection about; the store then
 * announces a change of everything, and the views read afresh.
 */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-store-private.h"

/* How often the store looks; the check reads no pages, only the header
 * of the write-ahead log in shared memory.
 */
#define WATCH_SECONDS 2

#define EVERYTHING (BZW_STORE_CHANGE_CONTACTS | BZW_STORE_CHANGE_CIRCLES | BZW_STORE_CHANGE_RELATIONSHIPS | \
                    BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_MAP)

/**
 * bzw_store_check_other_processes:
 *
 * Looks once whether another connection committed a change since the last
 * look, and if so announces a change of everything.  Not inside a write.
 *
 * Returns: whether there was such a change
 */
gboolean
bzw_store_check_other_processes (BzwStore *self)
{
  gint64 version;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (self->db == NULL || self->depth > 0)
    return FALSE;

  version = _bzw_store_data_version (self);
  if (version == self->watched_version)
    return FALSE;

  self->watched_version = version;
  g_debug ("The database was changed by another connection");
  _bzw_store_forget_caches (self);
  _bzw_store_changed (self, EVERYTHING, 0);
  return TRUE;
}

static gboolean
watch_cb (gpointer data)
{
  bzw_store_check_other_processes (data);
  return G_SOURCE_CONTINUE;
}

/**
 * bzw_store_watch_other_processes:
 *
 * From now on looks every few seconds whether another process changed the
 * database (see bzw_store_check_other_processes()), in the thread default
 * main context.
 */
void
bzw_store_watch_other_processes (BzwStore *self)
{
  g_return_if_fail (BZW_IS_STORE (self));

  if (self->watch_id != 0 || self->db == NULL)
    return;

  self->watched_version = _bzw_store_data_version (self);
  self->watch_id = g_timeout_add_seconds (WATCH_SECONDS, watch_cb, self);
}
