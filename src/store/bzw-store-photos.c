/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store-photos"

#include "config.h"

#include "bzw-photo.h"
#include "bzw-store-photos.h"

/* Photos imported before they were bounded on import may be of any size,
 * and every drawing decodes them.  Once per database, when it is opened for
 * writing, each stored photo larger than BZW_PHOTO_MAX_SIDE is scaled down
 * (bzw_photo_bound()); one too large to decode at all is left as it is,
 * since it is never decoded.  The setting "photos-bounded" records that the
 * pass ran: it is not a schema change, so it needs no migration script.
 */

#define SETTING "photos-bounded"

typedef struct
{
  gint64  id;
  GBytes *photo;
} Photo;

static void
photo_clear (Photo *photo)
{
  g_clear_pointer (&photo->photo, g_bytes_unref);
}

/* The stored photos that are larger than a photo is kept, scaled down. */
static gboolean
read_large_photos (BzwStore  *self,
                   GArray    *photos,
                   GError   **error)
{
  sqlite3_stmt *stmt = _bzw_store_prepare (self, "SELECT id, photo FROM contacts WHERE photo IS NOT NULL", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      g_autoptr(GBytes) bounded = bzw_photo_bound (bytes, NULL);
      Photo photo = { sqlite3_column_int64 (stmt, 0), NULL };

      if (bounded == NULL || g_bytes_equal (bounded, bytes))
        continue;

      photo.photo = g_steal_pointer (&bounded);
      g_array_append_val (photos, photo);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _bzw_store_set_error (self, error, "read photos");

  return TRUE;
}

/**
 * _bzw_store_bound_photos:
 *
 * Runs the pass described above unless it ran on this database before.
 * Called by bzw_store_open() on a store opened for writing.
 */
gboolean
_bzw_store_bound_photos (BzwStore  *self,
                         GError   **error)
{
  g_autofree char *done = NULL;
  g_autoptr(GArray) photos = NULL;
  gboolean ok;

  if (self->read_only)
    return TRUE;

  done = bzw_store_dup_setting (self, SETTING);
  if (g_strcmp0 (done, "1") == 0)
    return TRUE;

  /* A write: a file whose check was deferred is checked first. */
  if (self->check_deferred && !bzw_store_check_integrity (self, TRUE, error))
    return FALSE;

  photos = g_array_new (FALSE, FALSE, sizeof (Photo));
  g_array_set_clear_func (photos, (GDestroyNotify) photo_clear);

  if (!bzw_store_begin (self, error))
    return FALSE;

  ok = read_large_photos (self, photos, error);
  for (guint i = 0; ok && i < photos->len; i++)
    {
      Photo *photo = &g_array_index (photos, Photo, i);
      sqlite3_stmt *stmt = _bzw_store_prepare (self, "UPDATE contacts SET photo = ?2 WHERE id = ?1", error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, photo->id);
          sqlite3_bind_blob (stmt, 2, g_bytes_get_data (photo->photo, NULL),
                             g_bytes_get_size (photo->photo), SQLITE_TRANSIENT);
          ok = _bzw_store_step_done (self, stmt, error);
        }
    }
  if (photos->len > 0)
    g_debug ("Scaled down %u stored photos", photos->len);

  ok = ok && bzw_store_set_setting (self, SETTING, "1", error);
  return bzw_store_finish (self, ok, error);
}
