/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-name-order"

#include "config.h"

#include "bzw-name-order.h"

#include "bzw-contact.h"

#include <string.h>

/* The order of a German address book (DIN 5007-1): by family name, then
 * given name; academic titles and forms of address do not count; umlauts
 * sort with their base letter (Ä as A, ß as ss); name particles such as
 * „von“ or „van“ go behind the given name („Weizsäcker, Richard von“).  A
 * card with only an organisation sorts by it.  The key is made of these
 * base letters and compared byte by byte, so it is the same in every
 * locale: the window, the printout and the command line agree.
 */

static const char * const titles[] = {
  "dr", "prof", "dipl", "dr.-ing", "dr-ing", "ing", "mag", "med", "rer", "nat", "phil",
  "jur", "oec", "pol", "h.c", "hc", "habil", "herr", "frau", "hr", "fr", "mr", "mrs", "ms",
  "sir", "priv.-doz", "pd",
};

static const char * const particles[] = {
  "von", "vom", "van", "de", "der", "den", "zu", "zum", "zur", "ten", "ter", "da", "di",
  "del", "della", "le", "la", "du", "dos", "das", "y", "und",
};

static gboolean
word_in (const char         *word,
         const char * const *list,
         gsize               n)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  gsize len = strlen (folded);

  /* "Dr." and "Dr" alike; "Dipl.-Ing." counts by its first part. */
  while (len > 0 && folded[len - 1] == '.')
    folded[--len] = '\0';

  for (gsize i = 0; i < n; i++)
    if (g_str_equal (folded, list[i]))
      return TRUE;

  return FALSE;
}

/**
 * bzw_name_is_title:
 *
 * Whether @word is an academic title or a form of address („Dr.“,
 * „Prof.“, „Dipl.-Ing.“, „Herr“, …) that sorting leaves out.
 */
gboolean
bzw_name_is_title (const char *word)
{
  g_autofree char *head = NULL;
  const char *dash;

  g_return_val_if_fail (word != NULL, FALSE);

  if (word_in (word, titles, G_N_ELEMENTS (titles)))
    return TRUE;

  /* "Dipl.-Kfm.", "Dr.rer.nat.": the part before the first "-" or inner "." */
  dash = strpbrk (word, "-.");
  if (dash == NULL || dash == word || dash[1] == '\0')
    return FALSE;
  head = g_strndup (word, dash - word);
  return word_in (head, titles, G_N_ELEMENTS (titles));
}

static gboolean
is_particle (const char *word)
{
  return g_unichar_islower (g_utf8_get_char (word)) &&
         word_in (word, particles, G_N_ELEMENTS (particles));
}

/* A name's parts, owned. */
typedef struct
{
  char *given;
  char *family;
  char *particles;
  char *prefix;
} Split;

static void
split_clear (Split *split)
{
  g_free (split->given);
  g_free (split->family);
  g_free (split->particles);
  g_free (split->prefix);
}

static char *
join_words (char  **words,
            guint   from,
            guint   to)
{
  GString *s = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, words[i]);
    }

  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* How many of the first @n @words are titles ("Dr.", "Prof.") or empty. */
static guint
count_titles (char  **words,
              guint   n)
{
  guint first = 0;

  while (first < n && (words[first][0] == '\0' || bzw_name_is_title (words[first])))
    first++;
  return first;
}

/* Moves leading lowercase particles of @family ("von Weizsäcker") into
 * split->particles.
 */
static void
take_particles (Split      *split,
                const char *family)
{
  g_auto(GStrv) words = g_strsplit (family, " ", -1);
  guint n = g_strv_length (words);
  guint first = 0;

  while (first + 1 < n && is_particle (words[first]))
    first++;

  split->particles = join_words (words, 0, first);
  split->family = join_words (words, first, n);
}

/* What follows the comma of „Weizsäcker, Dr. Richard von“: titles, given
 * names, and trailing particles.
 */
static void
split_after_comma (Split      *split,
                   const char *rest)
{
  g_auto(GStrv) words = g_strsplit_set (rest, " \t", -1);
  guint n = g_strv_length (words);
  guint first = count_titles (words, n);
  guint last = n;

  while (last > first + 1 && (words[last - 1][0] == '\0' || is_particle (words[last - 1])))
    last--;

  split->prefix = join_words (words, 0, first);
  split->given = join_words (words, first, last);
  if (split->particles == NULL)
    split->particles = join_words (words, last, n);
}

/* "Dr. Heike Brandt", "Brandt, Heike", "Richard von Weizsäcker". */
static void
split_display (Split      *split,
               const char *display)
{
  g_autofree char *copy = g_strstrip (g_strdup (display));
  const char *comma = strchr (copy, ',');
  g_auto(GStrv) words = NULL;
  guint n;
  g_autofree char *family = NULL;
  guint first;
  guint family_at;

  if (comma != NULL)
    {
      g_autofree char *rest = g_strdup (comma + 1);

      family = g_strstrip (g_strndup (copy, comma - copy));
      take_particles (split, family);
      split_after_comma (split, g_strstrip (rest));
      return;
    }

  words = g_strsplit_set (copy, " \t", -1);
  n = g_strv_length (words);
  first = count_titles (words, n);
  split->prefix = join_words (words, 0, first);
  if (first == n)
    return;

  family_at = n - 1;
  while (family_at > first && words[family_at][0] == '\0')
    family_at--;
  while (family_at > first + 1 && is_particle (words[family_at - 1]))
    family_at--;

  split->given = join_words (words, first, family_at);
  family = join_words (words, family_at, n);
  take_particles (split, family != NULL ? family : "");
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_str_equal (g_strstrip (fa), g_strstrip (fb));
}

static void
split_parts (const BzwNameParts *parts,
             Split              *split)
{
  memset (split, 0, sizeof *split);

  if (parts->family != NULL && parts->family[0] != '\0')
    {
      take_particles (split, parts->family);
      split->given = parts->given != NULL && parts->given[0] != '\0' ? g_strdup (parts->given) : NULL;
      split->prefix = g_strdup (parts->prefix);
      return;
    }

  if (parts->given != NULL && parts->given[0] != '\0')
    {
      split->given = g_strdup (parts->given);
      split->prefix = g_strdup (parts->prefix);
      return;
    }

  /* A card of a company: its display name is the organisation's name. */
  if (parts->display != NULL && parts->display[0] != '\0' && !same_text (parts->display, parts->organisation))
    split_display (split, parts->display);
}

/* Base letters, lower case, for comparing: "Ä" → "a", "ß" → "ss", other
 * marks dropped, hyphens and punctuation as a space.
 */
static void
append_folded (GString    *out,
               const char *text)
{
  g_autofree char *decomposed = NULL;
  gboolean space = FALSE;

  if (text == NULL)
    return;

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return;

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x00DF || c == 0x1E9E)
        {
          g_string_append (out, "ss");
          space = FALSE;
          continue;
        }
      if (!g_unichar_isalnum (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space && out->len > 0 && out->str[out->len - 1] != '\x01')
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
}

/* Appends one field of the key; fields are separated by \x01, which sorts
 * before every letter, so „Berg, Zoe“ comes before „Bergmann, Anna“.
 */
static void
append_field (GString    *out,
              const char *text)
{
  if (out->len > 0)
    g_string_append_c (out, '\x01');
  append_folded (out, text);
}

/**
 * bzw_name_dup_sort_string:
 *
 * The folded text the list sorts by, fields separated by U+0001: for
 * %BZW_NAME_ORDER_FAMILY "brandt\1heike", for %BZW_NAME_ORDER_GIVEN
 * "heike\1brandt".  Titles are left out, particles go last.  Without a
 * person's name, the organisation, else the display name.
 */
char *
bzw_name_dup_sort_string (const BzwNameParts *parts,
                          BzwNameOrder        order)
{
  GString *out = g_string_new (NULL);
  Split split;

  g_return_val_if_fail (parts != NULL, NULL);

  split_parts (parts, &split);

  if (split.family == NULL && split.given == NULL)
    append_field (out, parts->organisation != NULL ? parts->organisation : parts->display);
  else if (order == BZW_NAME_ORDER_FAMILY)
    {
      append_field (out, split.family);
      append_field (out, split.given);
      append_field (out, parts->additional);
      append_field (out, split.particles);
    }
  else
    {
      append_field (out, split.given);
      append_field (out, parts->additional);
      append_field (out, split.particles);
      append_field (out, split.family);
    }

  split_clear (&split);
  return g_string_free (out, FALSE);
}

/**
 * bzw_name_dup_sort_key:
 *
 * The key that contacts are sorted by, compared byte by byte
 * (memcmp/SQLite BLOB order).  It is the sort string followed by the
 * case-folded display name, so names equal in their base letters
 * („Muller“, „Müller“) keep a fixed order.
 */
char *
bzw_name_dup_sort_key (const BzwNameParts *parts,
                       BzwNameOrder        order)
{
  g_autofree char *sort = bzw_name_dup_sort_string (parts, order);
  g_autofree char *folded = parts->display != NULL ? g_utf8_casefold (parts->display, -1) : g_strdup ("");

  return g_strconcat (sort, "\x01\x01", folded, NULL);
}

/**
 * bzw_name_dup_shown:
 *
 * The name as the list shows it: for %BZW_NAME_ORDER_FAMILY „Brandt, Dr.
 * Heike“, for %BZW_NAME_ORDER_GIVEN the display name („Dr. Heike Brandt“).
 * Without a person's name, the display name or the organisation.
 */
char *
bzw_name_dup_shown (const BzwNameParts *parts,
                    BzwNameOrder        order)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Split split;

  g_return_val_if_fail (parts != NULL, NULL);

  if (order == BZW_NAME_ORDER_GIVEN && parts->display != NULL && parts->display[0] != '\0')
    return g_strdup (parts->display);

  split_parts (parts, &split);
  if (order == BZW_NAME_ORDER_FAMILY && split.family != NULL && split.given != NULL)
    {
      g_string_append (out, split.family);
      g_string_append (out, ",");
      if (split.prefix != NULL)
        g_string_append_printf (out, " %s", split.prefix);
      g_string_append_printf (out, " %s", split.given);
      if (parts->family != NULL && parts->additional != NULL && parts->additional[0] != '\0')
        g_string_append_printf (out, " %s", parts->additional);
      if (split.particles != NULL)
        g_string_append_printf (out, " %s", split.particles);
    }
  split_clear (&split);

  if (out->len > 0)
    return g_string_free (g_steal_pointer (&out), FALSE);
  if (parts->display != NULL && parts->display[0] != '\0')
    return g_strdup (parts->display);
  if (parts->given != NULL || parts->family != NULL)
    return g_strjoin (" ", parts->given != NULL ? parts->given : "", parts->family != NULL ? parts->family : "", NULL);
  return g_strdup (parts->organisation != NULL ? parts->organisation : "");
}

/**
 * bzw_name_order_to_string:
 *
 * The order as it is stored in settings: "family" or "given".
 */
const char *
bzw_name_order_to_string (BzwNameOrder order)
{
  return order == BZW_NAME_ORDER_GIVEN ? "given" : "family";
}

BzwNameOrder
bzw_name_order_from_string (const char *text)
{
  return g_strcmp0 (text, "given") == 0 ? BZW_NAME_ORDER_GIVEN : BZW_NAME_ORDER_FAMILY;
}

/* The parts of a contact's name, borrowed from @contact. */
static void
parts_of_contact (BzwContact   *contact,
                  const char   *best,
                  BzwNameParts *parts)
{
  const char *display = bzw_contact_get_display_name (contact);

  parts->prefix = bzw_contact_get_prefix (contact);
  parts->given = bzw_contact_get_given_name (contact);
  parts->additional = bzw_contact_get_additional_names (contact);
  parts->family = bzw_contact_get_family_name (contact);
  parts->suffix = bzw_contact_get_suffix (contact);
  parts->display = display != NULL ? display : best;
  parts->organisation = bzw_contact_get_organisation (contact);
}

/**
 * bzw_name_dup_sort_key_for_contact:
 *
 * The sort key of a contact (see bzw_name_dup_sort_key()).
 */
char *
bzw_name_dup_sort_key_for_contact (BzwContact   *contact,
                                   BzwNameOrder  order)
{
  g_autofree char *best = bzw_contact_dup_best_name (contact);
  BzwNameParts parts;

  parts_of_contact (contact, best, &parts);
  return bzw_name_dup_sort_key (&parts, order);
}

/**
 * bzw_name_dup_shown_for_contact:
 * @display: %BZW_NAME_ORDER_GIVEN shows the name as it is written („Dr.
 *   Heike Brandt“), %BZW_NAME_ORDER_FAMILY family name first („Brandt,
 *   Dr. Heike“)
 *
 * The name of a contact as the list shows it.
 */
char *
bzw_name_dup_shown_for_contact (BzwContact   *contact,
                                BzwNameOrder  display)
{
  g_autofree char *best = bzw_contact_dup_best_name (contact);
  BzwNameParts parts;

  if (display == BZW_NAME_ORDER_GIVEN)
    return g_steal_pointer (&best);

  parts_of_contact (contact, best, &parts);
  return bzw_name_dup_shown (&parts, display);
}

/**
 * bzw_name_dup_initials_text_for_contact:
 *
 * The name an avatar takes its initials from: given and family name
 * without titles („Heike Brandt“ for „Dr. Heike Brandt“ and for
 * „Brandt, Dr. Heike“), else the words of the shown name that are no
 * titles.
 */
char *
bzw_name_dup_initials_text_for_contact (BzwContact *contact)
{
  const char *given = bzw_contact_get_given_name (contact);
  const char *family = bzw_contact_get_family_name (contact);
  g_autofree char *best = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) halves = NULL;

  if (given != NULL || family != NULL)
    {
      g_string_append (text, given != NULL ? given : "");
      g_string_append_printf (text, "%s%s", text->len > 0 && family != NULL ? " " : "",
                              family != NULL ? family : "");
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  /* „Brandt, Heike“ is read as „Heike Brandt“. */
  best = bzw_contact_dup_best_name (contact);
  halves = g_strsplit (best, ",", 2);
  for (int h = g_strv_length (halves) - 1; h >= 0; h--)
    {
      g_auto(GStrv) words = g_strsplit_set (halves[h], " \t", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0' && !bzw_name_is_title (words[i]))
          g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", words[i]);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : g_steal_pointer (&best);
}
