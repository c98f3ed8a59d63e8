/* SPDX-License-Identifier: GPL-3.0-or-later */

/* --import reads a large vCard file piece by piece in a thread while it
 * writes the cards already read (bzw-vcard-stream.c, bzw-importer-file.c).
 * The pieces must hold the cards and problems of the whole file, and the
 * database, the summary and the problems must be those of the window's
 * importer, which reads the whole file first; a repeated UID or a group
 * card makes the import start again from the whole file, with the same
 * result as the window's.
 */

#include "config.h"

#include "bzw-importer.h"
#include "bzw-store.h"
#include "bzw-vcard-private.h"
#include "bzw-vcard-stream.h"
#include "bzw-vcard-writer.h"

#include <glib/gstdio.h>
#include <locale.h>

#define N_CARDS 4000

/* The streamed import's last trace: the core logs structured, which
 * g_test_expect_message () does not see.
 */
static char *last_trace;

typedef struct
{
  char     *dir;
  BzwStore *streamed;  /* imported by bzw_importer_import_file () */
  BzwStore *whole;     /* imported as the window does */
} Fixture;

static BzwStore *
open_store (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  BzwStore *store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

/* Two stores with the same two contacts: one that a card matches by its
 * e-mail address, one by its UID.
 */
static void
open_stores (Fixture       *fixture,
             gconstpointer  data)
{
  BzwStore *stores[2];

  fixture->dir = g_dir_make_tmp ("bzw-import-stream-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->streamed = stores[0] = open_store (fixture, "streamed.db");
  fixture->whole = stores[1] = open_store (fixture, "whole.db");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BzwContact) by_mail = bzw_contact_new ();
      g_autoptr(BzwContact) by_uid = bzw_contact_new ();
      g_autoptr(GError) error = NULL;

      bzw_contact_set_uid (by_mail, "schon-da-1");
      bzw_contact_set_display_name (by_mail, "Schon Da");
      bzw_contact_set_notes (by_mail, "Von vorher");
      bzw_contact_add_field (by_mail, BZW_FIELD_EMAIL, NULL, "person7@example.org");
      bzw_contact_set_uid (by_uid, "karte-00011");
      bzw_contact_set_display_name (by_uid, "Auch Schon Da");
      g_assert_true (bzw_store_save_contact (stores[i], by_mail, &error));
      g_assert_true (bzw_store_save_contact (stores[i], by_uid, &error));
      g_assert_no_error (error);
    }
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
close_stores (Fixture       *fixture,
              gconstpointer  data)
{
  g_clear_object (&fixture->streamed);
  g_clear_object (&fixture->whole);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* N_CARDS cards of some 200 bytes with circles, folded lines, line ends of
 * CR CR LF and blank lines between cards; every 301st card has a broken
 * line (and is left out), every 700th has no END:VCARD.
 */
static GString *
make_cards (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < N_CARDS; i++)
    {
      const char *end = i % 3 == 0 ? "\r\r\n" : "\r\n";

      g_string_append_printf (text, "BEGIN:VCARD%sVERSION:3.0%sUID:karte-%05u%s", end, end, i, end);
      g_string_append_printf (text, "FN:Person %u%sN:Person;%u;;;%s", i, end, i, end);
      g_string_append_printf (text, "EMAIL;TYPE=work:person%u@example.org%s", i, end);
      g_string_append_printf (text, "CATEGORIES:Kreis %u%s", i % 5, end);
      g_string_append_printf (text, "NOTE:Eine l\r\n ängere Notiz\\, gefaltet%s", end);
      if (i % 301 == 150)
        g_string_append_printf (text, "KAPUTT OHNE DOPPELPUNKT%s", end);
      if (i % 700 != 350)
        g_string_append_printf (text, "END:VCARD%s", end);
      if (i % 5 == 0)
        g_string_append (text, "\r\n\n");
    }

  g_assert_cmpuint (text->len, >, 512 * 1024);
  return text;
}

static void
assert_problems_equal (GPtrArray *a,
                       GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      BzwParseProblem *pa = g_ptr_array_index (a, i);
      BzwParseProblem *pb = g_ptr_array_index (b, i);

      g_assert_cmpuint (pa->line, ==, pb->line);
      g_assert_cmpuint (pa->card, ==, pb->card);
      g_assert_cmpstr (pa->message, ==, pb->message);
      g_assert_cmpstr (pa->name, ==, pb->name);
      g_assert_cmpint (pa->skipped, ==, pb->skipped);
    }
}

/* The pieces of the stream, one after the other, are the whole file. */
static void
test_pieces (void)
{
  g_autoptr(GString) text = make_cards ();
  g_autoptr(BzwParseResult) serial = bzw_parse_result_new ();
  g_autoptr(BzwParseResult) joined = bzw_parse_result_new ();
  g_autoptr(BzwVcardStream) stream = bzw_vcard_stream_new (text->str, text->len);
  BzwParseResult *piece;
  guint n_pieces = 0;

  _bzw_vcard_parse_range (serial, text->str, text->len, 0);
  while ((piece = bzw_vcard_stream_next (stream)) != NULL)
    {
      for (guint i = 0; i < piece->cards->len; i++)
        g_ptr_array_add (joined->cards, g_ptr_array_steal_index (piece->cards, i--));
      for (guint i = 0; i < piece->problems->len; i++)
        g_ptr_array_add (joined->problems, g_ptr_array_steal_index (piece->problems, i--));
      bzw_parse_result_unref (piece);
      n_pieces++;
    }
  g_assert_null (bzw_vcard_stream_next (stream));

  g_assert_cmpuint (n_pieces, >, 2);
  g_assert_cmpuint (joined->cards->len, ==, serial->cards->len);
  g_assert_cmpuint (joined->cards->len, <, N_CARDS);
  for (guint i = 0; i < serial->cards->len; i++)
    {
      BzwParsedCard *a = g_ptr_array_index (joined->cards, i);
      BzwParsedCard *b = g_ptr_array_index (serial->cards, i);

      g_assert_cmpuint (a->line, ==, b->line);
      g_assert_cmpstr (bzw_contact_get_uid (a->contact), ==, bzw_contact_get_uid (b->contact));
      g_assert_cmpstr (bzw_contact_get_notes (a->contact), ==, "Eine längere Notiz, gefaltet");
    }
  g_assert_cmpuint (serial->problems->len, >, 10);
  assert_problems_equal (joined->problems, serial->problems);
}

/* A stream given up after its first piece stops its thread. */
static void
test_given_up (void)
{
  g_autoptr(GString) text = make_cards ();
  BzwVcardStream *stream = bzw_vcard_stream_new (text->str, text->len);
  g_autoptr(BzwParseResult) first = bzw_vcard_stream_next (stream);

  g_assert_nonnull (first);
  g_assert_cmpuint (first->cards->len, >, 0);
  bzw_vcard_stream_free (stream);
}

/* The store's contacts as vCards, without the times of writing. */
static char *
dup_contacts (BzwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cards = bzw_vcard_writer_write_store (store, NULL, NULL, &error);
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  lines = g_strsplit (cards, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "REV:"))
      g_string_append_printf (out, "%s\n", lines[i]);

  return g_string_free (out, FALSE);
}

static GLogWriterOutput
record_trace_cb (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if (g_strcmp0 (domain, "bzw-importer") == 0 && message != NULL &&
      g_str_has_prefix (message, "Streamed"))
    {
      g_free (last_trace);
      last_trace = g_strdup (message);
    }

  return g_log_writer_default (level, fields, n_fields, data);
}

/* Imports @text into both stores, each its way, and compares; the
 * streamed import says in its trace (@how) whether it wrote the cards as
 * they were read or needed the whole file.
 */
static void
import_both (Fixture          *fixture,
             GString          *text,
             const char       *how,
             BzwImportSummary *summary)
{
  g_autofree char *path = g_build_filename (fixture->dir, "karten.vcf", NULL);
  g_autoptr(BzwImporter) importer = bzw_importer_new (fixture->whole);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *streamed = NULL;
  g_autofree char *whole = NULL;
  BzwImportSummary other = { 0, };

  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_clear_pointer (&last_trace, g_free);
  g_assert_true (bzw_importer_import_file (fixture->streamed, path, BZW_IMPORT_ACTION_MERGE,
                                           summary, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (last_trace);
  g_assert_true (g_pattern_match_simple (how, last_trace));

  g_assert_true (bzw_importer_load_data (importer, text->str, text->len, "karten.vcf", &error));
  g_assert_true (bzw_importer_import (importer, &other, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (summary->added, ==, other.added);
  g_assert_cmpuint (summary->merged, ==, other.merged);
  g_assert_cmpuint (summary->skipped, ==, other.skipped);
  g_assert_cmpuint (summary->failed, ==, other.failed);
  g_assert_cmpuint (summary->circles_created, ==, other.circles_created);
  assert_problems_equal (problems, bzw_importer_get_problems (importer));

  streamed = dup_contacts (fixture->streamed);
  whole = dup_contacts (fixture->whole);
  g_assert_cmpstr (streamed, ==, whole);
}

static void
test_same_as_window (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) text = make_cards ();
  BzwImportSummary summary;

  import_both (fixture, text, "Streamed import: * written at once", &summary);
  g_assert_cmpuint (summary.merged, ==, 2);
  g_assert_cmpuint (summary.circles_created, ==, 5);
  g_assert_cmpuint (summary.failed, >, 10);
  g_assert_cmpuint (summary.added + summary.merged + summary.failed, ==, N_CARDS);
  g_assert_cmpuint (bzw_store_count_contacts (fixture->streamed), ==, summary.added + 2);
}

/* A UID met again at the end, and a group card after the contacts: the
 * import starts again from the whole file.
 */
static void
test_whole_file_again (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) text = make_cards ();
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GError) error = NULL;
  BzwImportSummary summary;
  gboolean coloured = FALSE;

  g_string_append (text, "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:karte-03999\r\nFN:Person 3999\r\n"
                         "TEL:+49 30 1234567\r\nEND:VCARD\r\n"
                         "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nUID:kreis-1\r\nFN:Kreis 1\r\n"
                         "X-BZW-COLOR:#e01b24\r\nMEMBER:urn:uuid:karte-00001\r\nEND:VCARD\r\n");
  import_both (fixture, text, "Streamed import: * needs the whole file", &summary);
  g_assert_cmpuint (summary.added + summary.merged + summary.failed, ==, N_CARDS);

  circles = bzw_store_list_circles (fixture->streamed, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < circles->len; i++)
    if (g_str_equal (bzw_circle_get_name (circles->pdata[i]), "Kreis 1"))
      coloured = g_str_equal (bzw_circle_get_color (circles->pdata[i]), "#e01b24");
  g_assert_true (coloured);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (record_trace_cb, NULL, NULL);

  g_test_add_func ("/io/import-stream/pieces", test_pieces);
  g_test_add_func ("/io/import-stream/given-up", test_given_up);
  g_test_add ("/io/import-stream/same-as-window", Fixture, NULL,
              open_stores, test_same_as_window, close_stores);
  g_test_add ("/io/import-stream/whole-file-again", Fixture, NULL,
              open_stores, test_whole_file_again, close_stores);

  return g_test_run ();
}
