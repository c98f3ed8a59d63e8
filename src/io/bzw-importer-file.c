/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-importer"

#include "config.h"

#include "bzw-importer-private.h"

#include "bzw-archive.h"
#include "bzw-io-util.h"
#include "bzw-vcard-reader.h"
#include "bzw-vcard-stream.h"

#include <string.h>

/* --import: a file read and imported in one go, without a preview.  A
 * large vCard file is read piece by piece in a thread (BzwVcardStream)
 * while this thread writes the cards of the pieces already read, in the
 * import's one transaction.  A card that needs the whole file first — a
 * group card (its circle is made before the contacts') or a UID met
 * before in the file (the two cards become one contact) — rolls the
 * transaction back, and the cards, all read by then, are imported as the
 * window's importer does.
 */

/* Smaller files are read whole first. */
#define STREAM_MIN_SIZE (256 * 1024)

typedef struct
{
  GHashTable       *file_uids;  /* UIDs of the cards written */
  GHashTable       *imported;   /* card UID → gint64 contact id */
  BzwImportSummary  summary;
  gboolean          whole;      /* a card needs the whole file */
} Streamed;

static gboolean
is_streamable (const char *data,
               gsize       length)
{
  if (length < STREAM_MIN_SIZE || bzw_io_looks_binary (data, length) ||
      bzw_archive_looks_like (data, length))
    return FALSE;

  /* UTF-16 is converted as a whole by the reader. */
  if ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE)
    return FALSE;

  return bzw_vcard_reader_looks_like (data, length);
}

/* Writes one card as bzw_importer_import() would, or notes that it needs
 * the whole file.
 */
static gboolean
import_card (BzwImporter    *self,
             BzwParsedCard  *card,
             Streamed       *streamed,
             GError        **error)
{
  const char *uid = bzw_contact_get_uid (card->contact);
  BzwImportItem item = { card, BZW_IMPORT_MATCH_NONE, 0, BZW_IMPORT_ACTION_ADD };
  BzwImportItem *last;

  if (card->is_group || (uid != NULL && g_hash_table_contains (streamed->file_uids, uid)))
    {
      streamed->whole = TRUE;
      return TRUE;
    }
  if (uid != NULL)
    g_hash_table_add (streamed->file_uids, g_strdup (uid));

  item.match = _bzw_import_keys_match (self->keys, card->contact, &item.match_id);
  if (item.match != BZW_IMPORT_MATCH_NONE)
    item.action = self->match_action;
  g_array_append_val (self->items, item);
  last = &g_array_index (self->items, BzwImportItem, self->items->len - 1);

  return _bzw_importer_import_item (self, last, streamed->imported, &streamed->summary, error);
}

/* Moves the cards and problems of @piece to the end of the importer's
 * result and writes its cards, until one needs the whole file.
 */
static gboolean
import_piece (BzwImporter     *self,
              BzwParseResult  *piece,
              Streamed        *streamed,
              GError         **error)
{
  guint first = self->result->cards->len;
  gsize n = 0;
  gpointer *cards = g_ptr_array_steal (piece->cards, &n);
  gpointer *problems;

  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (self->result->cards, cards[i]);
  g_free (cards);
  problems = g_ptr_array_steal (piece->problems, &n);
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (self->result->problems, problems[i]);
  g_free (problems);

  for (guint i = first; !streamed->whole && i < self->result->cards->len; i++)
    if (!import_card (self, g_ptr_array_index (self->result->cards, i), streamed, error))
      return FALSE;

  return TRUE;
}

/* Reads the rest of the stream into the importer's result, without
 * writing its cards.
 */
static void
drain (BzwImporter    *self,
       BzwVcardStream *stream,
       Streamed       *streamed)
{
  gboolean whole = streamed->whole;
  BzwParseResult *piece;

  streamed->whole = TRUE;
  while ((piece = bzw_vcard_stream_next (stream)) != NULL)
    {
      import_piece (self, piece, streamed, NULL);
      bzw_parse_result_unref (piece);
    }
  streamed->whole = whole;
}

/* Returns FALSE on an error, and sets *@whole when the cards are to be
 * imported as a whole instead; either way nothing was written.
 */
static gboolean
import_streamed (BzwImporter       *self,
                 const char        *data,
                 gsize              length,
                 BzwImportSummary  *summary,
                 gboolean          *whole,
                 GError           **error)
{
  g_autoptr(BzwVcardStream) stream = bzw_vcard_stream_new (data, length);
  g_autoptr(GHashTable) file_uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Streamed streamed = { file_uids, imported, { 0, }, FALSE };
  BzwParseResult *piece;
  gboolean ok;

  self->format = BZW_IMPORT_FORMAT_VCARD;
  self->result = bzw_parse_result_new ();
  _bzw_importer_collect_circles (self);
  if (!bzw_store_begin_bulk (self->store, error))
    return FALSE;

  self->keys = _bzw_import_keys_new (self->store, error);
  ok = self->keys != NULL;
  while (ok && !streamed.whole && (piece = bzw_vcard_stream_next (stream)) != NULL)
    {
      ok = import_piece (self, piece, &streamed, error);
      bzw_parse_result_unref (piece);
    }

  drain (self, stream, &streamed);
  *whole = ok && (self->result->cards->len == 0 || streamed.whole);
  g_debug (*whole ? "Streamed import: %u cards read, a card needs the whole file"
                  : "Streamed import: %u cards read and written at once",
           self->result->cards->len);
  ok = ok && !*whole && _bzw_importer_check_readable (self, error);
  if (ok)
    ok = bzw_store_commit (self->store, error);
  else
    bzw_store_rollback (self->store);
  _bzw_importer_collect_circles (self);

  if (ok)
    {
      streamed.summary.failed = bzw_parse_result_count_skipped (self->result);
      *summary = streamed.summary;
    }
  return ok;
}

/**
 * bzw_importer_import_file:
 * @match_action: what to do with cards that match a contact
 * @summary: (out caller-allocates) (optional):
 * @problems: (out) (optional) (transfer container) (element-type BzwParseProblem):
 *   what could not be read
 *
 * Reads and imports a vCard or CSV file in one go, as `--import=FILE`
 * does.  On any error nothing is written.
 */
gboolean
bzw_importer_import_file (BzwStore          *store,
                          const char        *path,
                          BzwImportAction    match_action,
                          BzwImportSummary  *summary,
                          GPtrArray        **problems,
                          GError           **error)
{
  g_autoptr(BzwImporter) self = NULL;
  g_autofree char *data = NULL;
  g_autofree char *basename = NULL;
  BzwImportSummary local = { 0, };
  gboolean whole = TRUE;
  gsize length = 0;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = bzw_io_read_capped (path, BZW_IMPORT_MAX_FILE_SIZE, &length, error);
  if (data == NULL)
    return FALSE;

  self = bzw_importer_new (store);
  self->match_deferred = TRUE;
  bzw_importer_set_match_action (self, match_action);

  if (is_streamable (data, length) &&
      !import_streamed (self, data, length, &local, &whole, error) && !whole)
    return FALSE;

  if (whole)
    {
      g_array_set_size (self->items, 0);
      g_clear_pointer (&self->result, bzw_parse_result_unref);
      basename = g_path_get_basename (path);
      if (!bzw_importer_load_data (self, data, length, basename, error) ||
          !bzw_importer_import (self, &local, error))
        return FALSE;
    }

  if (problems != NULL)
    *problems = g_ptr_array_ref (self->result->problems);
  if (summary != NULL)
    *summary = local;
  return TRUE;
}
