/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Introduction suggestions
 * ========================
 *
 * „A sucht, was B bietet“: contact A is a good introduction for contact B
 * when the words of what A is looking for („sucht“) meet the words of what
 * B offers („bietet“), and A and B do not know each other yet (no
 * relationship between them, in either direction).
 *
 * Words are compared folded: case is ignored, ä/ö/ü count as ae/oe/ue and
 * ß as ss (so „Übersetzung“ meets „uebersetzung“), other accents are
 * dropped.  A word is significant when it has at least three letters and is
 * not a German (or common English) stop word; a light stemmer removes one
 * German ending (-ern, -en, -er, -es, -e, -s) when four letters remain, so
 * „Webseiten“ meets „Webseite“ and „Kunden“ meets „Kunde“.
 *
 * Rare words say more than common ones: each shared word scores
 * ln (1 + N / n), N being the number of contacts who offer anything and n
 * those who offer this word.  A word offered by more than a tenth of them
 * (and by more than 25) is too common to suggest anyone.  Suggestions come
 * best first: highest score, then most shared words.
 */

#define G_LOG_DOMAIN "bzw-introductions"

#include "config.h"

#include "bzw-introductions.h"

#include "bzw-model-util.h"

#include <math.h>
#include <string.h>

#define MIN_WORD_CHARS    3
#define MIN_STEM_CHARS    4
#define COMMON_MIN_OFFERS 25
#define COMMON_SHARE      10

static const char * const stop_words[] = {
  /* German */
  "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander", "andere",
  "anderen", "anderer", "anderes", "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist", "bitte",
  "da", "damit", "dann", "das", "dass", "dem", "den", "denen", "der", "des", "deren", "dessen", "die",
  "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein", "eine",
  "einem", "einen", "einer", "eines", "einige", "er", "es", "etwa", "etwas", "euch", "euer", "für",
  "gegen", "ganz", "gern", "gerne", "gibt", "gut", "gute", "guten", "guter", "hab", "habe", "haben",
  "hat", "hatte", "hier", "hin", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer",
  "im", "immer", "in", "ins", "ist", "ja", "je", "jede", "jedem", "jeden", "jeder", "jedes", "jemand",
  "jemanden", "jetzt", "kann", "kein", "keine", "keinen", "können", "könnte", "mal", "man", "mehr",
  "mein", "meine", "meinem", "meinen", "meiner", "mich", "mir", "mit", "möchte", "muss", "nach",
  "neu", "neue", "neuen", "neuer", "nicht", "nichts", "noch", "nur", "ob", "oder", "ohne", "sehr",
  "sein", "seine", "seinem", "seinen", "seiner", "sich", "sie", "sind", "so", "solche", "soll",
  "sollte", "sowie", "über", "um", "und", "uns", "unser", "unsere", "unter", "viel", "viele", "vom",
  "von", "vor", "war", "waren", "was", "weg", "weil", "welche", "welchen", "welcher", "wenn", "wer",
  "werden", "wie", "wieder", "will", "wir", "wird", "wo", "wollen", "zu", "zum", "zur", "zwischen",
  /* What people write around their offers and goals */
  "biete", "bieten", "bietet", "angebot", "suche", "suchen", "sucht", "gesucht", "brauche",
  "brauchen", "braucht", "hilfe", "helfe", "helfen", "hilft", "unterstützung", "kontakt", "kontakte",
  "kontakten", "thema", "themen", "bereich", "bereichen", "rund", "zwecks", "bzw", "usw", "etc",
  /* English */
  "and", "the", "for", "with", "from", "into", "about", "looking", "offer", "offers", "offering",
  "need", "needs", "help", "some", "any", "our", "your", "you", "are", "can",
};

static GHashTable *
get_stop_words (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
        g_hash_table_add (words, bzw_words_fold (stop_words[i]));

      g_once_init_leave (&table, words);
    }

  return table;
}

/**
 * bzw_words_fold:
 *
 * Returns: (transfer full): @text in lower case, with ä/ö/ü as ae/oe/ue,
 *   ß as ss and other accents removed.
 */
char *
bzw_words_fold (const char *text)
{
  g_autofree char *nfc = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) mapped = NULL;
  GString *result;

  g_return_val_if_fail (text != NULL, NULL);

  /* Most words are plain ASCII: nothing to normalise. */
  {
    const char *p = text;

    while (*p != '\0' && (guchar) *p < 0x80)
      p++;
    if (*p == '\0')
      return g_ascii_strdown (text, -1);
  }

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (nfc, -1);
  mapped = g_string_sized_new (strlen (folded) + 8);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case 0x00E4: /* ä */
          g_string_append (mapped, "ae");
          break;
        case 0x00F6: /* ö */
          g_string_append (mapped, "oe");
          break;
        case 0x00FC: /* ü */
          g_string_append (mapped, "ue");
          break;
        case 0x00DF: /* ß */
          g_string_append (mapped, "ss");
          break;
        default:
          g_string_append_unichar (mapped, c);
          break;
        }
    }

  decomposed = g_utf8_normalize (mapped->str, mapped->len, G_NORMALIZE_NFD);
  result = g_string_sized_new (mapped->len);
  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

/* @folded must come from bzw_words_fold(). */
gboolean
bzw_words_is_stop_word (const char *folded)
{
  return g_hash_table_contains (get_stop_words (), folded);
}

static char *
stem (const char *folded)
{
  static const char * const endings[] = { "ern", "en", "er", "es", "e", "s" };
  gsize len = strlen (folded);

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      gsize end_len = strlen (endings[i]);

      if (len <= end_len || !g_str_has_suffix (folded, endings[i]))
        continue;
      if (endings[i][0] == 's' && folded[len - end_len - 1] == 's')
        continue;
      if (g_utf8_strlen (folded, len - end_len) < MIN_STEM_CHARS)
        continue;

      return g_strndup (folded, len - end_len);
    }

  return g_strdup (folded);
}

/* A significant word: its stem and the word as written.  One allocation
 * holds both strings behind the struct, so g_free() frees a token.
 */
typedef struct
{
  const char *stem;
  const char *original;
} Token;

static Token *
token_new (const char *stem,
           const char *original)
{
  gsize stem_size = strlen (stem) + 1;
  gsize original_size = strlen (original) + 1;
  Token *token = g_malloc (sizeof (Token) + stem_size + original_size);
  char *text = (char *) (token + 1);

  memcpy (text, stem, stem_size);
  memcpy (text + stem_size, original, original_size);
  token->stem = text;
  token->original = text + stem_size;
  return token;
}

static void
add_word (GPtrArray  *tokens,
          const char *start,
          gsize       len)
{
  g_autofree char *original = g_strndup (start, len);
  g_autofree char *folded = bzw_words_fold (original);
  g_autofree char *stemmed = NULL;

  if (g_utf8_strlen (folded, -1) < MIN_WORD_CHARS || bzw_words_is_stop_word (folded))
    return;

  stemmed = stem (folded);
  for (guint i = 0; i < tokens->len; i++)
    if (strcmp (((Token *) g_ptr_array_index (tokens, i))->stem, stemmed) == 0)
      return;

  g_ptr_array_add (tokens, token_new (stemmed, original));
}

/* The significant words of @text, each once, in order. */
static GPtrArray *
tokenize (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return tokens;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (start == NULL)
            start = p;
        }
      else if (start != NULL)
        {
          add_word (tokens, start, p - start);
          start = NULL;
        }
    }
  if (start != NULL)
    add_word (tokens, start, p - start);

  return tokens;
}

/**
 * bzw_words_significant:
 *
 * Returns: (transfer full) (element-type utf8): the folded, stemmed,
 *   significant words of @text, each once, in order.
 */
GPtrArray *
bzw_words_significant (const char *text)
{
  g_autoptr(GPtrArray) tokens = tokenize (text);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tokens->len; i++)
    g_ptr_array_add (words, g_strdup (((Token *) g_ptr_array_index (tokens, i))->stem));

  return words;
}

/* Whether @word (folded, stemmed) is met by @offered (folded, stemmed):
 * the same word, its beginning while it is still being typed, or a part
 * of a compound („beratung“ in „steuerberatung“) of at least
 * MIN_STEM_CHARS letters.
 */
static gboolean
word_meets (const char *word,
            const char *offered)
{
  if (g_str_has_prefix (offered, word))
    return TRUE;
  return g_utf8_strlen (word, -1) >= MIN_STEM_CHARS && strstr (offered, word) != NULL;
}

/**
 * bzw_words_offer_meets:
 * @offers: (nullable): what someone offers, as written
 * @need: (nullable): what is looked for, as written
 *
 * Whether every significant word of @need is met by a word of @offers,
 * both folded and stemmed like bzw_words_significant(): the same word,
 * its beginning („korrektur“ for „Korrekturlesen“) or a part of a
 * compound („Beratung“ in „Steuerberatung“).
 *
 * Returns: %TRUE when @need has significant words and @offers meets all
 */
gboolean
bzw_words_offer_meets (const char *offers,
                       const char *need)
{
  g_autoptr(GPtrArray) wanted = NULL;
  g_autoptr(GPtrArray) offered = NULL;

  if (offers == NULL || need == NULL)
    return FALSE;

  wanted = bzw_words_significant (need);
  if (wanted->len == 0)
    return FALSE;

  offered = bzw_words_significant (offers);
  for (guint i = 0; i < wanted->len; i++)
    {
      gboolean met = FALSE;

      for (guint j = 0; j < offered->len && !met; j++)
        met = word_meets (g_ptr_array_index (wanted, i), g_ptr_array_index (offered, j));
      if (!met)
        return FALSE;
    }

  return TRUE;
}

void
bzw_introduction_clear (BzwIntroduction *introduction)
{
  g_clear_pointer (&introduction->seeker_name, g_free);
  g_clear_pointer (&introduction->offerer_name, g_free);
  g_clear_pointer (&introduction->shared_words, g_free);
}

static BzwKnownPair
ordered_pair (gint64 a,
              gint64 b)
{
  return (BzwKnownPair) { MIN (a, b), MAX (a, b) };
}

typedef struct
{
  guint  seeker;
  guint  offerer;
  guint  n_shared;
  double score;
} Match;

typedef struct
{
  const BzwIntroductionCandidate *candidates;
} SortData;

static int
compare_matches (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Match *ma = a;
  const Match *mb = b;
  const SortData *data = user_data;

  const BzwIntroductionCandidate *candidates = data->candidates;
  int order = BZW_CMP (mb->score, ma->score);

  if (order == 0)
    order = BZW_CMP (mb->n_shared, ma->n_shared);
  if (order == 0)
    order = BZW_CMP (candidates[ma->seeker].id, candidates[mb->seeker].id);
  if (order == 0)
    order = BZW_CMP (candidates[ma->offerer].id, candidates[mb->offerer].id);
  return order;
}

static gboolean
would_keep (GArray         *matches,
            const Match    *match,
            guint           max,
            const SortData *data)
{
  if (max == 0)
    return FALSE;

  return matches->len < max ||
         compare_matches (match, &g_array_index (matches, Match, max - 1), (gpointer) data) < 0;
}

/* Keeps the @max best matches in @matches, sorted best first: there may be
 * many more pairs than are shown.
 */
static void
keep_best (GArray         *matches,
           const Match    *match,
           guint           max,
           const SortData *data)
{
  guint lo = 0, hi = matches->len;

  if (!would_keep (matches, match, max, data))
    return;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (compare_matches (&g_array_index (matches, Match, mid), match, (gpointer) data) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  g_array_insert_val (matches, lo, *match);
  if (matches->len > max)
    g_array_set_size (matches, max);
}

/* The words of every candidate, and who offers which word. */
typedef struct
{
  const BzwIntroductionCandidate *candidates;
  gsize                           n_candidates;
  GPtrArray                      *offers;        /* of GPtrArray of Token, per candidate */
  GPtrArray                      *seeks;
  GHashTable                     *postings;      /* stem → GArray of candidate index */
  guint                           n_offerers;
  guint                           common_limit;  /* a word offered more often is too common */
} WordIndex;

static void
word_index_init (WordIndex                      *index,
                 const BzwIntroductionCandidate *candidates,
                 gsize                           n_candidates)
{
  index->candidates = candidates;
  index->n_candidates = n_candidates;
  index->offers = g_ptr_array_new_full (n_candidates, (GDestroyNotify) g_ptr_array_unref);
  index->seeks = g_ptr_array_new_full (n_candidates, (GDestroyNotify) g_ptr_array_unref);
  index->postings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  index->n_offerers = 0;

  for (gsize i = 0; i < n_candidates; i++)
    {
      GPtrArray *o = tokenize (candidates[i].offers);

      g_ptr_array_add (index->offers, o);
      g_ptr_array_add (index->seeks, tokenize (candidates[i].seeks));
      if (o->len > 0)
        index->n_offerers++;

      for (guint j = 0; j < o->len; j++)
        {
          Token *token = g_ptr_array_index (o, j);
          GArray *list = g_hash_table_lookup (index->postings, token->stem);
          guint position = i;

          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (index->postings, (gpointer) token->stem, list);
            }
          g_array_append_val (list, position);
        }
    }

  index->common_limit = MAX (COMMON_MIN_OFFERS, index->n_offerers / COMMON_SHARE);
}

static void
word_index_clear (WordIndex *index)
{
  /* The postings point into the tokens: they go first. */
  g_clear_pointer (&index->postings, g_hash_table_unref);
  g_clear_pointer (&index->seeks, g_ptr_array_unref);
  g_clear_pointer (&index->offers, g_ptr_array_unref);
}

static GHashTable *
new_known_pairs (const BzwKnownPair *known,
                 gsize               n_known)
{
  GHashTable *known_pairs = g_hash_table_new_full (bzw_id_pair_hash, bzw_id_pair_equal, g_free, NULL);

  for (gsize i = 0; i < n_known; i++)
    {
      BzwKnownPair *pair = g_new (BzwKnownPair, 1);

      *pair = ordered_pair (known[i].a_id, known[i].b_id);
      g_hash_table_add (known_pairs, pair);
    }

  return known_pairs;
}

/* The best @max_results matches of a seeker with an offerer who do not
 * know each other yet, scored by the shared words' rarity.
 */
static GArray *
find_matches (const WordIndex *index,
              GHashTable      *known_pairs,
              guint            max_results)
{
  const BzwIntroductionCandidate *candidates = index->candidates;
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autofree double *scores = g_new0 (double, MAX (index->n_candidates, 1));
  g_autofree guint *shared = g_new0 (guint, MAX (index->n_candidates, 1));
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  SortData sort_data = { candidates };

  for (gsize i = 0; i < index->n_candidates; i++)
    {
      GPtrArray *s = g_ptr_array_index (index->seeks, i);

      for (guint j = 0; j < s->len; j++)
        {
          Token *token = g_ptr_array_index (s, j);
          GArray *list = g_hash_table_lookup (index->postings, token->stem);
          double idf;

          if (list == NULL || list->len > index->common_limit)
            continue;

          idf = log1p ((double) index->n_offerers / list->len);
          for (guint k = 0; k < list->len; k++)
            {
              guint b = g_array_index (list, guint, k);

              if (b == i || candidates[b].id == candidates[i].id)
                continue;
              if (shared[b] == 0)
                g_array_append_val (touched, b);
              shared[b]++;
              scores[b] += idf;
            }
        }

      for (guint k = 0; k < touched->len; k++)
        {
          guint b = g_array_index (touched, guint, k);
          BzwKnownPair pair = ordered_pair (candidates[i].id, candidates[b].id);
          Match match = { i, b, shared[b], scores[b] };

          /* Look the pair up only when it would make the list. */
          if (would_keep (matches, &match, max_results, &sort_data) &&
              !g_hash_table_contains (known_pairs, &pair))
            keep_best (matches, &match, max_results, &sort_data);
          shared[b] = 0;
          scores[b] = 0.0;
        }
      g_array_set_size (touched, 0);
    }

  return matches;
}

/* The shared words as the offerer wrote them, in the offer's order. */
static char *
dup_shared_words (const WordIndex *index,
                  const Match     *match)
{
  GPtrArray *s = g_ptr_array_index (index->seeks, match->seeker);
  GPtrArray *o = g_ptr_array_index (index->offers, match->offerer);
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint j = 0; j < o->len; j++)
    {
      Token *token = g_ptr_array_index (o, j);
      GArray *list = g_hash_table_lookup (index->postings, token->stem);

      if (list->len > index->common_limit)
        continue;
      for (guint k = 0; k < s->len; k++)
        if (strcmp (((Token *) g_ptr_array_index (s, k))->stem, token->stem) == 0)
          {
            if (words->len > 0)
              g_string_append (words, ", ");
            g_string_append (words, token->original);
            break;
          }
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

/**
 * bzw_introductions_find:
 * @candidates: (array length=n_candidates): contacts with what they offer
 *   and seek
 * @known: (array length=n_known): pairs who already know each other
 * @max_results: how many suggestions to return at most
 *
 * Returns: (transfer full) (element-type BzwIntroduction): suggestions,
 *   best first.
 */
GArray *
bzw_introductions_find (const BzwIntroductionCandidate *candidates,
                        gsize                           n_candidates,
                        const BzwKnownPair             *known,
                        gsize                           n_known,
                        guint                           max_results)
{
  g_autoptr(GHashTable) known_pairs = NULL;
  g_autoptr(GArray) matches = NULL;
  WordIndex index;
  GArray *result;

  g_return_val_if_fail (candidates != NULL || n_candidates == 0, NULL);
  g_return_val_if_fail (known != NULL || n_known == 0, NULL);

  result = g_array_new (FALSE, TRUE, sizeof (BzwIntroduction));
  g_array_set_clear_func (result, (GDestroyNotify) bzw_introduction_clear);

  known_pairs = new_known_pairs (known, n_known);
  word_index_init (&index, candidates, n_candidates);
  matches = find_matches (&index, known_pairs, max_results);

  for (guint m = 0; m < matches->len && m < max_results; m++)
    {
      const Match *match = &g_array_index (matches, Match, m);
      BzwIntroduction intro = { 0 };

      intro.seeker_id = candidates[match->seeker].id;
      intro.seeker_name = g_strdup (candidates[match->seeker].name);
      intro.offerer_id = candidates[match->offerer].id;
      intro.offerer_name = g_strdup (candidates[match->offerer].name);
      intro.shared_words = dup_shared_words (&index, match);
      intro.n_shared = match->n_shared;
      intro.score = match->score;
      g_array_append_val (result, intro);
    }

  word_index_clear (&index);

  return result;
}
