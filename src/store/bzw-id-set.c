/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-id-set.h"

#include <string.h>

struct _BzwIdSet
{
  guint64 *words;
  gsize    n_words;
  guint    size;
};

BzwIdSet *
bzw_id_set_new (void)
{
  return g_new0 (BzwIdSet, 1);
}

void
bzw_id_set_free (BzwIdSet *self)
{
  if (self == NULL)
    return;

  g_free (self->words);
  g_free (self);
}

void
bzw_id_set_add (BzwIdSet *self,
                gint64    id)
{
  gsize word;
  guint64 bit;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id >= 0);

  word = (gsize) (id / 64);
  if (word >= self->n_words)
    {
      gsize n = MAX (MAX (self->n_words * 2, word + 1), 64);

      self->words = g_renew (guint64, self->words, n);
      memset (self->words + self->n_words, 0, (n - self->n_words) * sizeof (guint64));
      self->n_words = n;
    }

  bit = G_GUINT64_CONSTANT (1) << (id % 64);
  if ((self->words[word] & bit) == 0)
    {
      self->words[word] |= bit;
      self->size++;
    }
}

gboolean
bzw_id_set_contains (const BzwIdSet *self,
                     gint64          id)
{
  gsize word;

  if (id < 0)
    return FALSE;

  word = (gsize) (id / 64);
  return word < self->n_words && (self->words[word] & (G_GUINT64_CONSTANT (1) << (id % 64))) != 0;
}

guint
bzw_id_set_get_size (const BzwIdSet *self)
{
  return self->size;
}

/* Steps @stmt to its end and adds the integer of its first column of every
 * row.  Returns FALSE when the statement failed (its error is on the
 * connection); the caller resets it.
 */
gboolean
bzw_id_set_add_rows (BzwIdSet     *self,
                     sqlite3_stmt *stmt)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    bzw_id_set_add (self, sqlite3_column_int64 (stmt, 0));

  return rc == SQLITE_DONE;
}

/* The smallest member greater than @after (-1 for the first one), or -1
 * when there is none: for walking the set in order.
 */
gint64
bzw_id_set_next (const BzwIdSet *self,
                 gint64          after)
{
  gint64 id = after + 1;
  gsize word;

  if (id < 0)
    id = 0;

  word = (gsize) (id / 64);
  if (word >= self->n_words)
    return -1;

  /* The rest of the first word, then whole words. */
  {
    guint64 bits = self->words[word] & (~G_GUINT64_CONSTANT (0) << (id % 64));

    while (bits == 0)
      {
        if (++word >= self->n_words)
          return -1;
        bits = self->words[word];
      }

    return (gint64) word * 64 + __builtin_ctzll (bits);
  }
}
