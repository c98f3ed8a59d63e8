/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-backups"

#include "config.h"

#include "bzw-backups-sweep.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

static gboolean
is_part_name (const char *name)
{
  return g_str_has_suffix (name, ".part") || g_str_has_suffix (name, ".part-journal") ||
         g_str_has_suffix (name, ".part-wal") || g_str_has_suffix (name, ".part-shm");
}

/**
 * _bzw_backups_sweep_parts:
 * @dir: the backup folder
 *
 * Removes what a backup that was cut short left in @dir: regular files
 * named *.part (and their -journal, -wal, -shm) that were last written
 * more than %BZW_BACKUPS_STALE_PART_SECONDS ago, so that a backup being
 * written right now by another process is left alone.  Called before each
 * backup.
 *
 * Returns: how many files were removed
 */
guint
_bzw_backups_sweep_parts (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint n = 0;

  if (d == NULL)
    return 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_part_name (name))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
          now - (gint64) st.st_mtime < BZW_BACKUPS_STALE_PART_SECONDS)
        continue;

      if (g_unlink (path) == 0)
        n++;
    }

  if (n > 0)
    g_debug ("Removed %u files of backups that were cut short", n);

  return n;
}
