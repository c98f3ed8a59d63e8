/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-parsed-card"

#include "config.h"

#include "bzw-parsed-card.h"

typedef struct
{
  BzwParseResult result;
  gatomicrefcount ref_count;
} RealResult;

G_DEFINE_BOXED_TYPE (BzwParseResult, bzw_parse_result, bzw_parse_result_ref, bzw_parse_result_unref)

BzwParsedCard *
bzw_parsed_card_new (guint line)
{
  BzwParsedCard *card = g_new0 (BzwParsedCard, 1);

  card->contact = bzw_contact_new ();
  card->categories = g_ptr_array_new_with_free_func (g_free);
  card->members = g_ptr_array_new_with_free_func (g_free);
  card->line = line;
  return card;
}

void
bzw_parsed_card_free (BzwParsedCard *card)
{
  if (card == NULL)
    return;

  g_clear_object (&card->contact);
  g_clear_pointer (&card->categories, g_ptr_array_unref);
  g_clear_pointer (&card->members, g_ptr_array_unref);
  g_free (card->color);
  g_free (card);
}

/* Adds a circle name, trimmed, once. */
void
bzw_parsed_card_add_category (BzwParsedCard *card,
                              const char    *name)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;

  g_return_if_fail (card != NULL);

  if (name == NULL)
    return;

  trimmed = g_strstrip (g_strdup (name));
  if (trimmed[0] == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    return;

  /* Google's system group that every contact is in. */
  if (g_ascii_strcasecmp (trimmed, "myContacts") == 0 || g_ascii_strcasecmp (trimmed, "* myContacts") == 0)
    return;

  folded = g_utf8_casefold (trimmed, -1);
  for (guint i = 0; i < card->categories->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (card->categories, i), -1);

      if (g_strcmp0 (folded, other) == 0)
        return;
    }

  g_ptr_array_add (card->categories, g_steal_pointer (&trimmed));
}

static void
problem_free (BzwParseProblem *problem)
{
  g_free (problem->message);
  g_free (problem->name);
  g_free (problem);
}

BzwParseResult *
bzw_parse_result_new (void)
{
  RealResult *real = g_new0 (RealResult, 1);

  g_atomic_ref_count_init (&real->ref_count);
  real->result.cards = g_ptr_array_new_with_free_func ((GDestroyNotify) bzw_parsed_card_free);
  real->result.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  return &real->result;
}

BzwParseResult *
bzw_parse_result_ref (BzwParseResult *result)
{
  RealResult *real = (RealResult *) result;

  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_ref_count_inc (&real->ref_count);
  return result;
}

void
bzw_parse_result_unref (BzwParseResult *result)
{
  RealResult *real = (RealResult *) result;

  if (result == NULL)
    return;

  if (!g_atomic_ref_count_dec (&real->ref_count))
    return;

  g_ptr_array_unref (result->cards);
  g_ptr_array_unref (result->problems);
  g_free (real);
}

static void
add_problem_va (BzwParseResult *result,
                guint           line,
                gboolean        skipped,
                guint           card,
                const char     *name,
                const char     *format,
                va_list         args)
{
  BzwParseProblem *problem = g_new0 (BzwParseProblem, 1);

  problem->message = g_strdup_vprintf (format, args);
  problem->line = line;
  problem->skipped = skipped;
  problem->card = card;
  if (name != NULL && name[0] != '\0' && g_utf8_validate (name, -1, NULL))
    problem->name = g_strdup (name);
  g_ptr_array_add (result->problems, problem);
}

void
bzw_parse_result_add_problem (BzwParseResult *result,
                              guint           line,
                              gboolean        skipped,
                              const char     *format,
                              ...)
{
  va_list args;

  va_start (args, format);
  add_problem_va (result, line, skipped, 0, NULL, format, args);
  va_end (args);
}

/**
 * bzw_parse_result_add_card_problem:
 * @card: the card's number in the file, from 1
 * @name: (nullable): the name the card gives itself
 *
 * Reports a card that was left out, with its number and name so that the
 * preview can say who it was.
 */
void
bzw_parse_result_add_card_problem (BzwParseResult *result,
                                   guint           line,
                                   guint           card,
                                   const char     *name,
                                   const char     *format,
                                   ...)
{
  va_list args;

  va_start (args, format);
  add_problem_va (result, line, TRUE, card, name, format, args);
  va_end (args);
}

/* The number of cards that were left out. */
guint
bzw_parse_result_count_skipped (BzwParseResult *result)
{
  guint n = 0;

  g_return_val_if_fail (result != NULL, 0);

  for (guint i = 0; i < result->problems->len; i++)
    if (((BzwParseProblem *) g_ptr_array_index (result->problems, i))->skipped)
      n++;

  return n;
}
