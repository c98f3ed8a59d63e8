/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-carddav-merge"

#include "config.h"

#include "bzw-carddav-merge.h"

#include <string.h>

/* A three-way merge of one vCard, property by property.  The cards are
 * the base (as last synced), the local one (as the writer makes it now)
 * and the remote one (as the server has it now).  For each property name
 * (FN, EMAIL, X-BZW-OFFERS, …) the lines of that name are compared as a
 * whole: what changed on one side only is taken from that side; what
 * changed on both sides to different lines is a conflict: the local lines
 * stay and the remote ones are kept beside them as X-BZW-CONFLICT lines
 * (their original line as the value), which the reader keeps verbatim in
 * the contact's extra and the writer writes back: nothing is dropped.
 */

typedef struct
{
  GPtrArray  *names;  /* property names in order of first appearance */
  GHashTable *lines;  /* name → GString of its lines, "\r\n" after each */
} Card;

static void
card_clear (Card *card)
{
  g_clear_pointer (&card->names, g_ptr_array_unref);
  g_clear_pointer (&card->lines, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Card, card_clear)

static void
free_gstring (gpointer data)
{
  g_string_free (data, TRUE);
}

/* "item1.EMAIL;TYPE=work:x" → "EMAIL". */
static char *
property_name (const char *line)
{
  gsize end = strcspn (line, ";:");
  const char *dot = memchr (line, '.', end);
  const char *start = dot != NULL ? dot + 1 : line;

  return g_ascii_strup (start, end - (start - line));
}

static gboolean
is_frame (const char *name)
{
  return g_str_equal (name, "BEGIN") || g_str_equal (name, "END") || g_str_equal (name, "VERSION") ||
         g_str_equal (name, "PRODID") || g_str_equal (name, "REV");
}

static void
card_read (Card       *card,
           const char *text)
{
  g_autoptr(GString) unfolded = g_string_new (text != NULL ? text : "");
  g_auto(GStrv) lines = NULL;

  card->names = g_ptr_array_new_with_free_func (g_free);
  card->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_gstring);

  g_string_replace (unfolded, "\r\n", "\n", 0);
  g_string_replace (unfolded, "\n ", "", 0);
  g_string_replace (unfolded, "\n\t", "", 0);
  lines = g_strsplit (unfolded->str, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      GString *same;

      if (lines[i][0] == '\0')
        continue;

      name = property_name (lines[i]);
      if (is_frame (name))
        continue;

      same = g_hash_table_lookup (card->lines, name);
      if (same == NULL)
        {
          same = g_string_new (NULL);
          g_ptr_array_add (card->names, g_strdup (name));
          g_hash_table_insert (card->lines, g_steal_pointer (&name), same);
        }
      g_string_append (same, lines[i]);
      g_string_append (same, "\r\n");
    }
}

static const char *
lines_of (Card       *card,
          const char *name)
{
  GString *lines = g_hash_table_lookup (card->lines, name);

  return lines != NULL ? lines->str : "";
}

/* Keeps each of @remote's lines as an X-BZW-CONFLICT line. */
static void
append_conflict (GString    *out,
                 const char *remote)
{
  g_auto(GStrv) lines = g_strsplit (remote, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_string_append_printf (out, "X-BZW-CONFLICT:%s\r\n", lines[i]);
}

static void
merge_property (GString    *out,
                const char *b,
                const char *l,
                const char *r,
                guint      *n_conflicts)
{
  if (g_str_equal (l, r) || g_str_equal (r, b))
    g_string_append (out, l);
  else if (g_str_equal (l, b))
    g_string_append (out, r);
  else
    {
      g_string_append (out, l);
      append_conflict (out, r);
      (*n_conflicts)++;
    }
}

/**
 * bzw_carddav_merge:
 * @base: (nullable): the card as last synced, or %NULL when there is none
 *   (then every difference is a conflict)
 * @n_conflicts: (out): how many properties changed on both sides
 *
 * Returns: (transfer full): the merged vCard 4.0
 */
char *
bzw_carddav_merge (const char *base,
                   const char *local,
                   const char *remote,
                   guint      *n_conflicts)
{
  g_auto(Card) b = { 0 };
  g_auto(Card) l = { 0 };
  g_auto(Card) r = { 0 };
  GString *out = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\n");

  g_return_val_if_fail (local != NULL && remote != NULL && n_conflicts != NULL, NULL);

  *n_conflicts = 0;
  card_read (&b, base);
  card_read (&l, local);
  card_read (&r, remote);

  for (guint i = 0; i < l.names->len; i++)
    {
      const char *name = g_ptr_array_index (l.names, i);

      merge_property (out, lines_of (&b, name), lines_of (&l, name), lines_of (&r, name), n_conflicts);
    }

  for (guint i = 0; i < r.names->len; i++)
    {
      const char *name = g_ptr_array_index (r.names, i);

      if (!g_hash_table_contains (l.lines, name))
        merge_property (out, lines_of (&b, name), "", lines_of (&r, name), n_conflicts);
    }

  g_string_append (out, "END:VCARD\r\n");
  return g_string_free (out, FALSE);
}
