/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-vcard-reader"

#include "config.h"

#include "bzw-vcard-stream.h"

#include "bzw-vcard-private.h"

#include <string.h>

/* A vCard file read piece by piece in a thread of its own, so that the
 * caller can write the cards of one piece while the next is read: the
 * import of a large file takes about as long as the longer of the two
 * instead of both.  The pieces meet between two cards (see
 * _bzw_vcard_find_split()), where the reader keeps nothing from one card
 * to the next, so the cards, the problems, their line numbers and card
 * numbers are those bzw_vcard_reader_parse() gives for the whole file.
 */

/* About this much of the file is one piece. */
#define PIECE_SIZE (128 * 1024)

struct _BzwVcardStream
{
  const char  *data;
  gsize        length;
  GAsyncQueue *pieces;     /* BzwParseResult, then the stream itself as the end */
  GThread     *thread;
  int          cancelled;  /* atomic */
  gboolean     ended;
};

/* The end of the piece that begins at @offset: the start of a card about
 * PIECE_SIZE further on, or the end of the file.
 */
static gsize
piece_end (BzwVcardStream *self,
           gsize           offset)
{
  gsize end = 0;

  if (self->length - offset > 2 * PIECE_SIZE)
    end = _bzw_vcard_find_split (self->data, self->length, offset + PIECE_SIZE);

  return end > offset ? end : self->length;
}

static gpointer
read_thread (gpointer data)
{
  BzwVcardStream *self = data;
  gsize offset = 0;
  guint first_line = 0;
  guint n_cards = 0;

  while (offset < self->length && !g_atomic_int_get (&self->cancelled))
    {
      gsize end = piece_end (self, offset);
      BzwParseResult *piece = bzw_parse_result_new ();
      guint n = _bzw_vcard_parse_range (piece, self->data + offset, end - offset, first_line);

      /* Card numbers count from the start of the file. */
      for (guint i = 0; i < piece->problems->len; i++)
        {
          BzwParseProblem *problem = g_ptr_array_index (piece->problems, i);

          if (problem->card != 0)
            problem->card += n_cards;
        }

      n_cards += n;
      first_line += _bzw_vcard_count_lines (self->data + offset, end - offset);
      offset = end;
      g_async_queue_push (self->pieces, piece);
    }

  g_async_queue_push (self->pieces, self);
  return NULL;
}

/**
 * bzw_vcard_stream_new:
 * @data: UTF-8 text, which must outlive the stream
 *
 * Starts reading the cards of @data in a thread; bzw_vcard_stream_next()
 * hands them out piece by piece.  Without a thread, the whole file is one
 * piece.
 */
BzwVcardStream *
bzw_vcard_stream_new (const char *data,
                      gsize       length)
{
  BzwVcardStream *self = g_new0 (BzwVcardStream, 1);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  self->data = data;
  self->length = length;
  self->pieces = g_async_queue_new ();
  self->thread = g_thread_try_new ("bzw-vcard-stream", read_thread, self, NULL);
  if (self->thread == NULL)
    read_thread (self);

  return self;
}

/**
 * bzw_vcard_stream_next:
 *
 * Waits for the next piece of the file.
 *
 * Returns: (transfer full) (nullable): the cards and problems of the next
 *   piece, in the order of the file, or %NULL after the last one
 */
BzwParseResult *
bzw_vcard_stream_next (BzwVcardStream *self)
{
  gpointer piece;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->ended)
    return NULL;

  piece = g_async_queue_pop (self->pieces);
  if (piece == self)
    {
      self->ended = TRUE;
      return NULL;
    }

  return piece;
}

/* Stops reading (after the piece being read) and frees what was read. */
void
bzw_vcard_stream_free (BzwVcardStream *self)
{
  BzwParseResult *piece;

  if (self == NULL)
    return;

  g_atomic_int_set (&self->cancelled, TRUE);
  if (self->thread != NULL)
    g_thread_join (self->thread);
  while ((piece = g_async_queue_try_pop (self->pieces)) != NULL)
    if ((gpointer) piece != self)
      bzw_parse_result_unref (piece);
  g_async_queue_unref (self->pieces);
  g_free (self);
}
