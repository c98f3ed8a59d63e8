/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-output-file"

#include "config.h"

#include "bzw-output-file.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

struct _BzwOutputFile
{
  char     *path;      /* where the data goes in the end */
  char     *tmp_path;  /* NULL when written directly */
  int       fd;
  gboolean  committed;
};

/* The messages are reasons only: the caller says what was written where. */
static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
}

static void
refuse (GError   **error,
        gboolean   is_dir)
{
  if (is_dir)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                         /* Translators: why a file cannot be written. */
                         _("it is a folder, not a file"));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         /* Translators: why a file cannot be written. */
                         _("it is neither a file nor a device nor a pipe"));
}

/* A character device or a FIFO: opened for writing as it is, never
 * truncated or replaced.
 */
static gboolean
open_direct (BzwOutputFile  *self,
             GError        **error)
{
  self->fd = g_open (self->path, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (self->fd < 0)
    {
      set_errno_error (error, errno);
      return FALSE;
    }

  return TRUE;
}

/* A temporary file beside the target, 0600, or with the mode (and, for
 * root, the owner) of the file it will replace.
 */
static gboolean
open_temporary (BzwOutputFile  *self,
                const GStatBuf *existing,
                GError        **error)
{
  self->tmp_path = g_strconcat (self->path, ".XXXXXX", NULL);
  self->fd = g_mkstemp_full (self->tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->tmp_path, g_free);
      set_errno_error (error, saved_errno);
      return FALSE;
    }

  if (existing != NULL)
    {
      if (geteuid () == 0 && fchown (self->fd, existing->st_uid, existing->st_gid) != 0)
        g_debug ("Cannot keep the owner of an output file: %s", g_strerror (errno));
      if (fchmod (self->fd, existing->st_mode & 07777) != 0)
        g_debug ("Cannot keep the mode of an output file: %s", g_strerror (errno));
    }

  return TRUE;
}

/**
 * bzw_output_file_open:
 * @path: the file to write
 *
 * Looks at what @path is and opens it for writing: a temporary file beside
 * a regular (or new) file, the device or FIFO itself otherwise.  A path
 * that is a symbolic link to a regular file writes that file and keeps the
 * link.
 *
 * Returns: (transfer full) (nullable): the open file, or %NULL
 */
BzwOutputFile *
bzw_output_file_open (const char  *path,
                      GError     **error)
{
  g_autoptr(BzwOutputFile) self = NULL;
  GStatBuf st;
  GStatBuf lst;
  gboolean exists;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (BzwOutputFile, 1);
  self->fd = -1;
  self->path = g_strdup (path);

  exists = g_stat (path, &st) == 0;
  if (!exists && errno != ENOENT)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  if (!exists)
    return open_temporary (self, NULL, error) ? g_steal_pointer (&self) : NULL;

  if (S_ISCHR (st.st_mode) || S_ISFIFO (st.st_mode))
    return open_direct (self, error) ? g_steal_pointer (&self) : NULL;

  if (!S_ISREG (st.st_mode))
    {
      refuse (error, S_ISDIR (st.st_mode));
      return NULL;
    }

  if (g_lstat (path, &lst) == 0 && S_ISLNK (lst.st_mode))
    {
      char *target = realpath (path, NULL);

      if (target == NULL)
        {
          set_errno_error (error, errno);
          return NULL;
        }
      g_free (self->path);
      self->path = g_strdup (target);
      free (target);
    }

  return open_temporary (self, &st, error) ? g_steal_pointer (&self) : NULL;
}

/* The descriptor to write to: the temporary file or the device. */
int
bzw_output_file_get_fd (BzwOutputFile *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->fd;
}

/* Whether the data goes straight to a device or FIFO. */
gboolean
bzw_output_file_is_direct (BzwOutputFile *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->tmp_path == NULL;
}

gboolean
bzw_output_file_write (BzwOutputFile  *self,
                       const void     *data,
                       gsize           length,
                       GError        **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  while (length > 0)
    {
      gssize n = write (self->fd, p, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_errno_error (error, n < 0 ? errno : EIO);
          return FALSE;
        }
      p += n;
      length -= n;
    }

  return TRUE;
}

/**
 * bzw_output_file_commit:
 *
 * Finishes the file: a temporary file is synced and renamed over the
 * target, a device or FIFO is closed.  On failure the target is as it was.
 */
gboolean
bzw_output_file_commit (BzwOutputFile  *self,
                        GError        **error)
{
  int fd;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  fd = self->fd;
  self->fd = -1;

  if (self->tmp_path == NULL)
    {
      if (close (fd) != 0 && errno != EINTR)
        {
          set_errno_error (error, errno);
          return FALSE;
        }
      self->committed = TRUE;
      return TRUE;
    }

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_errno_error (error, saved_errno);
      return FALSE;
    }
  if (close (fd) != 0 || g_rename (self->tmp_path, self->path) != 0)
    {
      set_errno_error (error, errno);
      return FALSE;
    }

  self->committed = TRUE;
  return TRUE;
}

/* Closes the file; a temporary file that was not committed is removed. */
void
bzw_output_file_free (BzwOutputFile *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->tmp_path != NULL && !self->committed)
    g_unlink (self->tmp_path);

  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self);
}

/**
 * bzw_output_file_set_contents:
 *
 * Writes @data to @path as bzw_output_file_open() describes.
 */
gboolean
bzw_output_file_set_contents (const char  *path,
                              const void  *data,
                              gsize        length,
                              GError     **error)
{
  g_autoptr(BzwOutputFile) file = bzw_output_file_open (path, error);

  return file != NULL &&
         bzw_output_file_write (file, data, length, error) &&
         bzw_output_file_commit (file, error);
}
