/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A decompression bomb as a contact photo: a PNG of a few dozen KB that
 * claims 20,000 × 20,000 pixels (1.2 GB decoded).  Its header is read and
 * it is refused everywhere a photo is decoded; the test asserts the bound
 * through the memory the process peaks at, not through time.  Photos that
 * are merely large are scaled down to BZW_PHOTO_MAX_SIDE on import and,
 * once, in a database that holds them already.
 */

#include "config.h"

#include "bzw-map-graph.h"
#include "bzw-photo.h"
#include "bzw-store.h"
#include "bzw-vcard-reader.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/resource.h>

#define BOMB_SIDE 20000

static guint32
crc32_of (const guint8 *data,
          gsize         length,
          guint32       crc)
{
  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
  return ~crc;
}

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  guint32 be_length = GUINT32_TO_BE ((guint32) length);
  guint32 crc = crc32_of ((const guint8 *) type, 4, 0);
  guint32 be_crc;

  crc = crc32_of (data, length, crc);
  be_crc = GUINT32_TO_BE (crc);
  g_byte_array_append (png, (const guint8 *) &be_length, 4);
  g_byte_array_append (png, (const guint8 *) type, 4);
  g_byte_array_append (png, data, length);
  g_byte_array_append (png, (const guint8 *) &be_crc, 4);
}

/* A valid black 1-bit PNG of BOMB_SIDE × BOMB_SIDE pixels. */
static GBytes *
make_bomb (void)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  g_autofree guint8 *row = g_malloc0 (1 + BOMB_SIDE / 8);
  guint8 out[65536];
  guint8 ihdr[13] = { 0 };
  guint32 side = GUINT32_TO_BE (BOMB_SIDE);

  memcpy (ihdr, &side, 4);
  memcpy (ihdr + 4, &side, 4);
  ihdr[8] = 1;  /* bit depth */
  ihdr[9] = 0;  /* greyscale */

  for (int y = 0; y <= BOMB_SIDE; y++)
    {
      gboolean last = y == BOMB_SIDE;
      gsize read = 0, written = 0;
      GConverterResult result;

      do
        {
          gsize in_len = last ? 0 : 1 + BOMB_SIDE / 8;
          g_autoptr(GError) error = NULL;

          result = g_converter_convert (G_CONVERTER (compressor), row + read, in_len - read, out, sizeof out,
                                        last ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                        &read, &written, &error);
          g_assert_no_error (error);
          g_byte_array_append (idat, out, written);
          if (!last && read == in_len)
            break;
          read = last ? 0 : read;
        }
      while (result != G_CONVERTER_FINISHED);
    }

  g_byte_array_append (png, signature, sizeof signature);
  append_chunk (png, "IHDR", ihdr, sizeof ihdr);
  append_chunk (png, "IDAT", idat->data, idat->len);
  append_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static GBytes *bomb;

/* The peak resident size of the process so far, in MB. */
static long
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

static GBytes *
make_jpeg (int width,
           int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, length);
}

static void
test_bomb_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  long before = peak_mb ();
  int w = 0, h = 0;

  g_assert_cmpuint (g_bytes_get_size (bomb), <, 8 * 1024 * 1024);
  g_assert_true (bzw_photo_get_size (bomb, &w, &h));
  g_assert_cmpint (w, ==, BOMB_SIDE);
  g_assert_cmpint (h, ==, BOMB_SIDE);

  pixbuf = bzw_photo_decode (bomb, BZW_PHOTO_MAX_SIDE, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY);
  g_clear_error (&error);

  g_assert_null (bzw_photo_bound (bomb, &error));
  g_assert_error (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY);

  /* Where the map draws photos. */
  g_assert_null (bzw_map_photo_new (bomb, 64));

  /* Decoded, the bomb would take 1.2 GB; refused, nothing near. */
  g_assert_cmpint (peak_mb () - before, <, 64);
}

static void
test_large_scaled (void)
{
  g_autoptr(GBytes) large = make_jpeg (3000, 2000);
  g_autoptr(GBytes) small = make_jpeg (400, 300);
  g_autoptr(GBytes) bounded = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) not_a_picture = g_bytes_new_static ("hello", 5);
  g_autoptr(GBytes) unknown = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  int w = 0, h = 0;

  bounded = bzw_photo_bound (large, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_photo_get_size (bounded, &w, &h));
  g_assert_cmpint (w, ==, BZW_PHOTO_MAX_SIDE);
  g_assert_cmpint (h, ==, 341);

  kept = bzw_photo_bound (small, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (kept, small));

  unknown = bzw_photo_bound (not_a_picture, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (unknown, not_a_picture));

  pixbuf = bzw_photo_decode (large, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 100);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 67);
}

static void
test_vcard_import (void)
{
  g_autofree char *b64 = g_base64_encode (g_bytes_get_data (bomb, NULL), g_bytes_get_size (bomb));
  g_autoptr(GBytes) large = make_jpeg (2000, 2000);
  g_autofree char *b64_large = g_base64_encode (g_bytes_get_data (large, NULL), g_bytes_get_size (large));
  g_autofree char *text = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bomb\r\n"
                                           "PHOTO;ENCODING=b;TYPE=PNG:%s\r\nEND:VCARD\r\n"
                                           "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Large\r\n"
                                           "PHOTO;ENCODING=b;TYPE=JPEG:%s\r\nEND:VCARD\r\n",
                                           b64, b64_large);
  g_autoptr(BzwParseResult) result = bzw_vcard_reader_parse (text, strlen (text));
  BzwParsedCard *bomb_card, *large_card;
  int w = 0, h = 0;

  g_assert_cmpuint (result->cards->len, ==, 2);
  bomb_card = g_ptr_array_index (result->cards, 0);
  large_card = g_ptr_array_index (result->cards, 1);

  g_assert_null (bzw_contact_get_photo (bomb_card->contact));
  g_assert_cmpuint (result->problems->len, ==, 1);

  g_assert_true (bzw_photo_get_size (bzw_contact_get_photo (large_card->contact), &w, &h));
  g_assert_cmpint (w, ==, BZW_PHOTO_MAX_SIDE);
  g_assert_cmpint (h, ==, BZW_PHOTO_MAX_SIDE);
}

/* Photos stored before they were bounded are scaled down once, when the
 * database is next opened for writing.
 */
static void
test_stored_scaled (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bzw-photo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "photos.db", NULL);
  g_autoptr(GBytes) large = make_jpeg (1600, 1200);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(BzwContact) read_back = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  gint64 id;
  int w = 0, h = 0;

  g_assert_no_error (error);
  bzw_contact_set_display_name (contact, "Old Photo");
  g_assert_true (bzw_store_save_contact (store, contact, &error));
  g_assert_no_error (error);
  id = bzw_contact_get_id (contact);
  g_clear_object (&store);

  /* As an older version stored it: full size, and the pass not yet run. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE contacts SET photo = ?2 WHERE id = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_blob (stmt, 2, g_bytes_get_data (large, NULL), g_bytes_get_size (large), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM meta WHERE key = 'photos-bounded'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* Read-only: nothing changes. */
  store = bzw_store_open (path, BZW_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  read_back = bzw_store_dup_contact (store, id, &error);
  g_assert_true (g_bytes_equal (bzw_contact_get_photo (read_back), large));
  g_clear_object (&read_back);
  g_clear_object (&store);

  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  read_back = bzw_store_dup_contact (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_photo_get_size (bzw_contact_get_photo (read_back), &w, &h));
  g_assert_cmpint (w, ==, BZW_PHOTO_MAX_SIDE);
  g_assert_cmpint (h, ==, 384);
  g_clear_object (&store);

  for (const char * const *suffix = (const char * const[]) { "", "-wal", "-shm", NULL }; *suffix; suffix++)
    {
      g_autofree char *file = g_strconcat (path, *suffix, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  bomb = make_bomb ();

  g_test_add_func ("/io/photo/bomb-refused", test_bomb_refused);
  g_test_add_func ("/io/photo/large-scaled", test_large_scaled);
  g_test_add_func ("/io/photo/vcard-import", test_vcard_import);
  g_test_add_func ("/io/photo/stored-scaled", test_stored_scaled);

  status = g_test_run ();
  g_bytes_unref (bomb);
  return status;
}
