/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-vcard-reader"

#include "config.h"

#include "bzw-vcard-private.h"

#include <string.h>

/* A large vCard file is read in two halves at once: the second half in a
 * thread of its own, the first in the caller's.  The halves meet between
 * two cards, where the reader keeps nothing from one card to the next, so
 * the cards, the problems, their line numbers and card numbers are the same
 * as when one thread reads the whole file.  Reading is about a third of an
 * import; the store's part cannot be split, as it is one transaction on one
 * connection.
 */

/* Below this size one thread reads the file. */
#define PARALLEL_MIN_SIZE (256 * 1024)

#define END_LINE "END:VCARD"
#define BEGIN_LINE "BEGIN:VCARD"

typedef struct
{
  const char     *file;
  gsize           offset;
  gsize           length;
  BzwParseResult *result;
} Half;

static gboolean
is_line_end (char c)
{
  return c == '\r' || c == '\n';
}

/* The start of a line "BEGIN:VCARD" that follows a line "END:VCARD" (and
 * blank lines) at or after @from, or 0.  Such a line END:VCARD always ends
 * a card, whatever came before it: a folded line goes on with a blank, a
 * quoted-printable soft line break stops at a card's delimiter and base64
 * has no colon.
 */
gsize
_bzw_vcard_find_split (const char *data,
                       gsize       length,
                       gsize       from)
{
  const char *limit = data + length;
  const char *p = data + from;

  while (p < limit && (p = g_strstr_len (p, limit - p, END_LINE)) != NULL)
    {
      const char *q = p + strlen (END_LINE);

      if (p > data && is_line_end (p[-1]) && q < limit && is_line_end (*q))
        {
          while (q < limit && is_line_end (*q))
            q++;
          if ((gsize) (limit - q) > strlen (BEGIN_LINE) &&
              memcmp (q, BEGIN_LINE, strlen (BEGIN_LINE)) == 0 && is_line_end (q[strlen (BEGIN_LINE)]))
            return q - data;
        }
      p++;
    }

  return 0;
}

static gpointer
parse_half_thread (gpointer data)
{
  Half *half = data;
  guint first_line = _bzw_vcard_count_lines (half->file, half->offset);

  _bzw_vcard_parse_range (half->result, half->file + half->offset, half->length, first_line);
  return NULL;
}

/* Moves the cards and problems of @second to the end of @result; the
 * problems' card numbers go on after the @n_first cards of @result.
 */
static void
append_result (BzwParseResult *result,
               BzwParseResult *second,
               guint           n_first)
{
  gsize n = 0;
  gpointer *cards = g_ptr_array_steal (second->cards, &n);
  gpointer *problems;

  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (result->cards, cards[i]);
  g_free (cards);

  problems = g_ptr_array_steal (second->problems, &n);
  for (gsize i = 0; i < n; i++)
    {
      BzwParseProblem *problem = problems[i];

      if (problem->card != 0)
        problem->card += n_first;
      g_ptr_array_add (result->problems, problem);
    }
  g_free (problems);
}

/* Reads the cards of @data into @result, in two threads when it is large. */
void
_bzw_vcard_parse_parallel (BzwParseResult *result,
                           const char     *data,
                           gsize           length)
{
  gsize split = length >= PARALLEL_MIN_SIZE ? _bzw_vcard_find_split (data, length, length / 2) : 0;
  g_autoptr(BzwParseResult) second = NULL;
  Half half;
  GThread *thread;
  guint n_first;

  if (split == 0)
    {
      _bzw_vcard_parse_range (result, data, length, 0);
      return;
    }

  second = bzw_parse_result_new ();
  half = (Half) { data, split, length - split, second };
  thread = g_thread_try_new ("bzw-vcard-reader", parse_half_thread, &half, NULL);
  if (thread == NULL)
    {
      _bzw_vcard_parse_range (result, data, length, 0);
      return;
    }

  n_first = _bzw_vcard_parse_range (result, data, split, 0);
  g_thread_join (thread);
  append_result (result, second, n_first);
}
