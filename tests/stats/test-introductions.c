/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-introductions.h"

#include <string.h>

static void
assert_words (const char *text,
              const char *expected)
{
  g_autoptr(GPtrArray) words = bzw_words_significant (text);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, g_ptr_array_index (words, i));
    }

  g_assert_cmpstr (joined->str, ==, expected);
}

static void
test_fold (void)
{
  g_autofree char *a = bzw_words_fold ("Übersetzungen");
  g_autofree char *b = bzw_words_fold ("STRAẞE und Größe");
  g_autofree char *c = bzw_words_fold ("Café Crème");
  /* Decomposed u + combining diaeresis. */
  g_autofree char *d = bzw_words_fold ("Mu\xcc\x88ller");

  g_assert_cmpstr (a, ==, "uebersetzungen");
  g_assert_cmpstr (b, ==, "strasse und groesse");
  g_assert_cmpstr (c, ==, "cafe creme");
  g_assert_cmpstr (d, ==, "mueller");
}

static void
test_significant_words (void)
{
  assert_words ("Suche jemanden für die neue Webseite und Fotos", "webseit foto");
  assert_words ("Webseiten, Webseite; WEBSEITE", "webseit");
  assert_words ("Übersetzungen ins Englische", "uebersetzung englisch");
  assert_words ("Kunden Kunde Kurs Kurse Prozesse Prozess", "kund kurs prozess");
  assert_words ("IT, KI und so", "");
  assert_words (NULL, "");
  assert_words ("Steuerberatung für Gründer:innen", "steuerberatung gruend innen");
}

static void
test_offer_meets (void)
{
  const char *offers = "Korrekturlesen, Kinderbetreuung im Notfall";

  /* The same word, folded and stemmed. */
  g_assert_true (bzw_words_offer_meets (offers, "Korrekturlesen"));
  g_assert_true (bzw_words_offer_meets (offers, " korrekturlesen "));
  g_assert_true (bzw_words_offer_meets (offers, "KINDERBETREUUNG"));
  /* Its beginning, as while typing, at every length. */
  for (guint len = 1; len <= strlen ("Korrekturlesen"); len++)
    {
      g_autofree char *typed = g_strndup ("Korrekturlesen", len);

      g_assert_true (bzw_words_offer_meets (offers, typed) == (len >= 3));
    }
  /* A part of a compound, and every word of the need. */
  g_assert_true (bzw_words_offer_meets (offers, "Betreuung"));
  g_assert_true (bzw_words_offer_meets (offers, "Betreuung im Notfall"));
  g_assert_true (bzw_words_offer_meets ("Steuerberatung für Gründer", "Beratung für Gründerinnen") == FALSE);
  g_assert_true (bzw_words_offer_meets ("Steuerberatung für Gründer", "Beratung Gründer"));
  g_assert_true (bzw_words_offer_meets ("Größen ändern", "groesse"));
  /* Not: a word nobody offers, only stop words, nothing offered. */
  g_assert_false (bzw_words_offer_meets (offers, "Korrekturlesen Steuer"));
  g_assert_false (bzw_words_offer_meets (offers, "lesen"));
  g_assert_false (bzw_words_offer_meets (offers, "und die"));
  g_assert_false (bzw_words_offer_meets (offers, ""));
  g_assert_false (bzw_words_offer_meets (NULL, "Korrekturlesen"));
  g_assert_false (bzw_words_offer_meets ("Korrekturlesen", NULL));
}

static void
test_suggestions (void)
{
  BzwIntroductionCandidate candidates[] = {
    { 1, "Anna", "Buchhaltung", "Suche eine neue Webseite und gute Fotografie" },
    { 2, "Bernd", "Webseiten und Online-Shops", NULL },
    { 3, "Clara", "Fotografie für Firmen", "Übersetzung ins Englische" },
    { 4, "Dieter", "Übersetzungen Englisch, Französisch", "Buchhaltung" },
    { 5, "Eva", "und die für mit", NULL },
    { 6, "Frank", NULL, "Webseite, Fotografie" },
  };
  /* Anna and Clara know each other already. */
  BzwKnownPair known[] = { { 3, 1 } };
  g_autoptr(GArray) intros = NULL;
  gboolean seen[7][7] = { { FALSE } };

  intros = bzw_introductions_find (candidates, G_N_ELEMENTS (candidates), known, G_N_ELEMENTS (known), 50);

  for (guint i = 0; i < intros->len; i++)
    {
      const BzwIntroduction *intro = &g_array_index (intros, BzwIntroduction, i);

      g_assert_cmpint (intro->seeker_id, !=, intro->offerer_id);
      seen[intro->seeker_id][intro->offerer_id] = TRUE;
      if (i > 0)
        g_assert_cmpfloat (intro->score, <=, g_array_index (intros, BzwIntroduction, i - 1).score);
    }

  /* Anna seeks a website (Bernd) and photography (Clara, but known). */
  g_assert_true (seen[1][2]);
  g_assert_false (seen[1][3]);
  /* Frank seeks both: Bernd and Clara. */
  g_assert_true (seen[6][2]);
  g_assert_true (seen[6][3]);
  /* Clara seeks a translation into English: Dieter, umlaut and plural. */
  g_assert_true (seen[3][4]);
  /* Dieter seeks bookkeeping: Anna. */
  g_assert_true (seen[4][1]);
  /* Stop words match nothing. */
  for (guint i = 0; i < 7; i++)
    g_assert_false (seen[i][5]);
  g_assert_cmpuint (intros->len, ==, 5);

  /* Frank meets Clara on one word, Clara meets Dieter on two. */
  for (guint i = 0; i < intros->len; i++)
    {
      const BzwIntroduction *intro = &g_array_index (intros, BzwIntroduction, i);

      if (intro->seeker_id == 6 && intro->offerer_id == 3)
        {
          g_assert_cmpstr (intro->shared_words, ==, "Fotografie");
          g_assert_cmpstr (intro->seeker_name, ==, "Frank");
          g_assert_cmpstr (intro->offerer_name, ==, "Clara");
          g_assert_cmpuint (intro->n_shared, ==, 1);
        }
      if (intro->seeker_id == 3)
        {
          g_assert_cmpstr (intro->shared_words, ==, "Übersetzungen, Englisch");
          g_assert_cmpuint (intro->n_shared, ==, 2);
        }
    }

  /* Clara–Dieter shares two words and comes first. */
  g_assert_cmpint (g_array_index (intros, BzwIntroduction, 0).seeker_id, ==, 3);
}

/* A word that half of many offer is too common to suggest anyone. */
static void
test_common_words (void)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (BzwIntroductionCandidate));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) intros = NULL;

  for (guint i = 1; i <= 100; i++)
    {
      BzwIntroductionCandidate c = { i, NULL, NULL, NULL };
      char *name = g_strdup_printf ("Person %u", i);

      g_ptr_array_add (names, name);
      c.name = name;
      c.offers = i % 2 == 0 ? "Beratung" : "Gartenbau";
      if (i == 1)
        {
          c.offers = "Schreinerei";
          c.seeks = "Beratung, Schreinerei";
        }
      if (i == 3)
        c.seeks = "Schreinerei";
      g_array_append_val (candidates, c);
    }

  intros = bzw_introductions_find ((BzwIntroductionCandidate *) (gpointer) candidates->data, candidates->len,
                                   NULL, 0, 50);
  g_assert_cmpuint (intros->len, ==, 1);
  g_assert_cmpint (g_array_index (intros, BzwIntroduction, 0).seeker_id, ==, 3);
  g_assert_cmpint (g_array_index (intros, BzwIntroduction, 0).offerer_id, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/introductions/fold", test_fold);
  g_test_add_func ("/stats/introductions/significant-words", test_significant_words);
  g_test_add_func ("/stats/introductions/offer-meets", test_offer_meets);
  g_test_add_func ("/stats/introductions/suggestions", test_suggestions);
  g_test_add_func ("/stats/introductions/common-words", test_common_words);

  return g_test_run ();
}
