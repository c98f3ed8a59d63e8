/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every export writes its file through BzwOutputFile: a new file is 0600,
 * an existing file keeps its mode, a FIFO or a terminal is written directly
 * and stays what it was, a folder or a socket is refused.  Checked on the
 * mechanism and on each export (vCard, map, overview PDF).
 */

#include "config.h"

#include "bzw-demo.h"
#include "bzw-map-export.h"
#include "bzw-output-file.h"
#include "bzw-overview-renderer.h"
#include "bzw-store.h"
#include "bzw-vcard-writer.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

typedef gboolean (*ExportFunc) (BzwStore    *store,
                                const char  *path,
                                GError     **error);

static BzwStore *demo_store;
static char *demo_dir;

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bzw-output-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Nothing but @expected is left in @dir: no temporary files. */
static void
assert_dir_holds (const char *dir,
                  guint       expected)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  g_assert_cmpuint (n, ==, expected);
}

static void
test_new_and_existing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bzw_output_file_set_contents (path, "one", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (path), ==, 0600);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (bzw_output_file_set_contents (path, "two", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (path), ==, 0640);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "two");
  assert_dir_holds (dir, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_symlink_kept (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "target.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "link.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("target.txt", link), ==, 0);

  g_assert_true (bzw_output_file_set_contents (link, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");

  g_unlink (link);
  g_unlink (target);
  g_rmdir (dir);
}

static void
test_refused (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *sock_path = g_build_filename (dir, "socket", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "file", NULL);
  g_autoptr(GError) error = NULL;
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int sock;

  g_assert_false (bzw_output_file_set_contents (dir, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  sock = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (sock, >=, 0);
  g_strlcpy (addr.sun_path, sock_path, sizeof addr.sun_path);
  g_assert_cmpint (bind (sock, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_false (bzw_output_file_set_contents (sock_path, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  close (sock);

  g_assert_false (bzw_output_file_set_contents (missing, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  /* Only the socket: no temporary file left behind. */
  assert_dir_holds (dir, 1);
  g_unlink (sock_path);
  g_rmdir (dir);
}

typedef struct
{
  char    *path;
  GString *read;
} Reader;

static gpointer
read_fifo_thread (gpointer data)
{
  Reader *reader = data;
  char buf[4096];
  int fd = g_open (reader->path, O_RDONLY | O_CLOEXEC, 0);
  gssize n;

  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_string_append_len (reader->read, buf, n);
  close (fd);
  return NULL;
}

/* Writes @path (a FIFO) with @export while a thread reads it; returns what
 * arrived.  The FIFO must still be a FIFO afterwards.
 */
static GString *
export_to_fifo (ExportFunc  export,
                const char *path)
{
  Reader reader = { (char *) path, g_string_new (NULL) };
  g_autoptr(GError) error = NULL;
  GThread *thread;
  GStatBuf st;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  thread = g_thread_new ("reader", read_fifo_thread, &reader);
  g_assert_true (export (demo_store, path, &error));
  g_assert_no_error (error);
  g_thread_join (thread);

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_unlink (path);
  return reader.read;
}

static void
test_fifo (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "fifo", NULL);
  Reader reader = { path, g_string_new (NULL) };
  g_autoptr(GError) error = NULL;
  GThread *thread;
  GStatBuf st;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  thread = g_thread_new ("reader", read_fifo_thread, &reader);
  g_assert_true (bzw_output_file_set_contents (path, "through the pipe", 16, &error));
  g_assert_no_error (error);
  g_thread_join (thread);
  g_assert_cmpstr (reader.read->str, ==, "through the pipe");
  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  assert_dir_holds (dir, 1);

  g_string_free (reader.read, TRUE);
  g_unlink (path);
  g_rmdir (dir);
}

/* A terminal is a character device: written directly, never replaced. */
static void
test_terminal (void)
{
  g_autoptr(GError) error = NULL;
  const char *name;
  char buf[64] = { 0 };
  GStatBuf before, after;
  int master = posix_openpt (O_RDWR | O_NOCTTY);

  if (master < 0 || grantpt (master) != 0 || unlockpt (master) != 0 || (name = ptsname (master)) == NULL)
    {
      g_test_skip ("no pseudo terminal");
      return;
    }

  g_assert_cmpint (g_stat (name, &before), ==, 0);
  g_assert_true (S_ISCHR (before.st_mode));
  g_assert_true (bzw_output_file_set_contents (name, "tty", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (name, &after), ==, 0);
  g_assert_true (S_ISCHR (after.st_mode));
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (read (master, buf, sizeof buf - 1), ==, 3);
  g_assert_cmpstr (buf, ==, "tty");
  close (master);
}

static gboolean
export_vcard (BzwStore    *store,
              const char  *path,
              GError     **error)
{
  return bzw_vcard_export_store (store, NULL, path, error);
}

static gboolean
export_pdf (BzwStore    *store,
            const char  *path,
            GError     **error)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();

  return bzw_overview_write_pdf (store, options, path, error);
}

static void
check_export (ExportFunc   export,
              const char  *name,
              const char  *magic)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *fifo = g_strconcat (dir, "/fifo-", name, NULL);
  g_autoptr(GError) error = NULL;
  GString *piped;

  g_assert_true (export (demo_store, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (path), ==, 0600);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (export (demo_store, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (path), ==, 0640);

  piped = export_to_fifo (export, fifo);
  g_assert_true (g_str_has_prefix (piped->str, magic));
  g_string_free (piped, TRUE);

  assert_dir_holds (dir, 1);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_vcard (void)
{
  check_export (export_vcard, "contacts.vcf", "BEGIN:VCARD");
}

static void
test_export_map (void)
{
  check_export (bzw_map_export_store_to_file, "map.svg", "<?xml");
  check_export (bzw_map_export_store_to_file, "map.png", "\x89PNG");
  check_export (bzw_map_export_store_to_file, "map.pdf", "%PDF");
}

static void
test_export_overview (void)
{
  check_export (export_pdf, "overview.pdf", "%PDF");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 6, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  umask (022);

  demo_dir = make_temp_dir ();
  db_path = g_build_filename (demo_dir, "demo.db", NULL);
  demo_store = bzw_store_open (db_path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_demo_fill (demo_store, now, &error));
  g_assert_no_error (error);

  g_test_add_func ("/io/output-file/new-and-existing", test_new_and_existing);
  g_test_add_func ("/io/output-file/symlink-kept", test_symlink_kept);
  g_test_add_func ("/io/output-file/refused", test_refused);
  g_test_add_func ("/io/output-file/fifo", test_fifo);
  g_test_add_func ("/io/output-file/terminal", test_terminal);
  g_test_add_func ("/io/output-file/export-vcard", test_export_vcard);
  g_test_add_func ("/io/output-file/export-map", test_export_map);
  g_test_add_func ("/io/output-file/export-overview", test_export_overview);

  status = g_test_run ();

  g_clear_object (&demo_store);
  for (const char * const *suffix = (const char * const[]) { "", "-wal", "-shm", NULL }; *suffix; suffix++)
    {
      g_autofree char *file = g_strconcat (db_path, *suffix, NULL);

      g_unlink (file);
    }
  g_rmdir (demo_dir);
  g_free (demo_dir);
  return status;
}
