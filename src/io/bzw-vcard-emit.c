/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-vcard-writer"

#include "config.h"

#include "bzw-vcard-writer-private.h"

#include "bzw-io-util.h"

#include <string.h>

/* Lines of a vCard as strict readers take them: folded at 75 octets without
 * splitting a UTF-8 character, values escaped the way their property needs,
 * and the fields of a contact with the TYPE its label says, or else an
 * Apple-style "itemN.X-ABLabel".
 */

#define FOLD_WIDTH 75


/* Appends @line folded at 75 octets, never inside a UTF-8 character.  A
 * line break that reached here (in a link, say) is escaped, so it cannot
 * end the line.
 */
void
_bzw_vcard_emit (BzwVcardWriter *w,
                 const char     *line)
{
  g_autoptr(GString) safe = NULL;
  gsize len;
  gsize pos = 0;
  gsize width = FOLD_WIDTH;

  if (strpbrk (line, "\r\n") != NULL)
    {
      safe = g_string_new (NULL);
      for (const char *p = line; *p != '\0'; p++)
        {
          if (*p == '\r' && p[1] == '\n')
            continue;
          if (*p == '\r' || *p == '\n')
            g_string_append (safe, "\\n");
          else
            g_string_append_c (safe, *p);
        }
      line = safe->str;
    }
  len = strlen (line);

  while (len - pos > width)
    {
      gsize n = width;

      while (n > 1 && ((guchar) line[pos + n] & 0xC0) == 0x80)
        n--;
      g_string_append_len (w->out, line + pos, n);
      g_string_append (w->out, "\r\n ");
      pos += n;
      width = FOLD_WIDTH - 1;
    }

  g_string_append (w->out, line + pos);
  g_string_append (w->out, "\r\n");
}

/* TEXT: backslash, comma and newline; in compound values also ";". */
void
_bzw_vcard_append_escaped (GString    *out,
                           const char *value,
                           gboolean    compound)
{
  for (const char *p = value; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, compound ? "\\;" : ";");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* A URI is written as it is; only what the reader would unescape is
 * escaped, so it reads back the same.
 */
void
_bzw_vcard_append_uri (GString    *out,
                       const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
        g_string_append (out, "\\n");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
}

void
_bzw_vcard_emit_text (BzwVcardWriter *w,
                      const char     *name,
                      const char     *value)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  line = g_string_new (name);
  g_string_append_c (line, ':');
  _bzw_vcard_append_escaped (line, value, FALSE);
  _bzw_vcard_emit (w, line->str);
}

char *
_bzw_vcard_date_basic (const char *date)
{
  /* "1985-12-15" → "19851215", "--12-15" → "--1215". */
  if (bzw_io_is_year_unknown (date) && strlen (date) == 7)
    return g_strdup_printf ("--%.2s%.2s", date + 2, date + 5);
  if (strlen (date) == 10)
    return g_strdup_printf ("%.4s%.2s%.2s", date, date + 5, date + 8);
  return NULL;
}

static const char * const phone_types[] = {
  "home", "work", "mobile", "fax", "pager", "video", "textphone", "text", "voice",
};

static const char * const plain_types[] = { "home", "work" };

static const char * const related_types[] = {
  "contact", "acquaintance", "friend", "met", "co-worker", "colleague", "co-resident",
  "neighbor", "child", "parent", "sibling", "spouse", "kin", "muse", "crush", "date",
  "sweetheart", "me", "agent", "emergency",
};

static gboolean
in_list (const char         *word,
         const char * const *list,
         guint               n)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;

  return FALSE;
}

/* ";TYPE=a,b" when every word of @label is a type of @kind, else FALSE. */
static gboolean
types_from_label (BzwFieldKind  kind,
                  const char   *label,
                  GString      *params)
{
  g_auto(GStrv) words = NULL;
  const char * const *list;
  guint n;

  if (label == NULL || label[0] == '\0')
    return TRUE;

  switch (kind)
    {
    case BZW_FIELD_PHONE:
      list = phone_types;
      n = G_N_ELEMENTS (phone_types);
      break;
    case BZW_FIELD_RELATED:
      list = related_types;
      n = G_N_ELEMENTS (related_types);
      break;
    case BZW_FIELD_DATE:
      return FALSE;
    case BZW_FIELD_EMAIL:
    case BZW_FIELD_ADDRESS:
    case BZW_FIELD_URL:
    case BZW_FIELD_IMPP:
    case BZW_N_FIELD_KINDS:
    default:
      list = plain_types;
      n = G_N_ELEMENTS (plain_types);
      break;
    }

  words = g_strsplit (label, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (!in_list (words[i], list, n))
      return FALSE;

  g_string_append (params, ";TYPE=");
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (params, ',');
      g_string_append (params, strcmp (words[i], "mobile") == 0 ? "cell" : words[i]);
    }

  return TRUE;
}

static char *
next_group (BzwVcardWriter *w)
{
  for (;;)
    {
      char *group = g_strdup_printf ("item%u", ++w->next_group);

      if (!g_hash_table_contains (w->reserved_groups, group))
        return group;
      g_free (group);
    }
}

/* The group a field was read with, unless another field of the card (one
 * merged in from another card) has taken it already.
 */
static char *
claim_group (BzwVcardWriter        *w,
             const BzwContactField *field)
{
  g_autofree char *key = NULL;

  if (field->group == NULL || w->claimed_groups == NULL)
    return NULL;

  key = g_ascii_strdown (field->group, -1);
  if (g_hash_table_contains (w->claimed_groups, key))
    return NULL;

  g_hash_table_add (w->claimed_groups, g_steal_pointer (&key));
  return g_strdup (field->group);
}

static void
emit_label (BzwVcardWriter *w,
            const char     *group,
            const char     *label)
{
  g_autofree char *apple = bzw_io_apple_label_encode (label);
  g_autoptr(GString) line = g_string_new (group);

  g_string_append (line, ".X-ABLabel:");
  _bzw_vcard_append_escaped (line, apple, FALSE);
  _bzw_vcard_emit (w, line->str);
}

/* The property a field is written as.  A related name with a label TYPE
 * cannot say (and any in 3.0) goes into Apple's X-ABRELATEDNAMES.
 */
static const char *
field_property_name (BzwVcardWriter        *w,
                     const BzwContactField *field,
                     gboolean               labelled)
{
  switch (field->kind)
    {
    case BZW_FIELD_EMAIL:
      return "EMAIL";
    case BZW_FIELD_PHONE:
      return "TEL";
    case BZW_FIELD_ADDRESS:
      return "ADR";
    case BZW_FIELD_URL:
      return "URL";
    case BZW_FIELD_IMPP:
      return "IMPP";
    case BZW_FIELD_RELATED:
      return labelled && w->version == BZW_VCARD_VERSION_4_0 ? "RELATED" : "X-ABRELATEDNAMES";
    case BZW_FIELD_DATE:
      return "X-ABDATE";
    case BZW_N_FIELD_KINDS:
    default:
      break;
    }

  g_assert_not_reached ();
  return NULL;
}

/* ":value", escaped the way the property needs: an address in its seven
 * parts, links as URIs, a date without a year as Apple's 1604.
 */
static void
append_field_value (BzwVcardWriter        *w,
                    const BzwContactField *field,
                    gboolean               labelled,
                    GString               *line)
{
  switch (field->kind)
    {
    case BZW_FIELD_ADDRESS:
      {
        g_auto(GStrv) parts = g_strsplit (field->value, BZW_ADDRESS_SEPARATOR, 7);

        g_string_append_c (line, ':');
        for (guint i = 0; i < 7; i++)
          {
            if (i > 0)
              g_string_append_c (line, ';');
            if (i < g_strv_length (parts))
              _bzw_vcard_append_escaped (line, parts[i], TRUE);
          }
      }
      break;

    case BZW_FIELD_URL:
    case BZW_FIELD_IMPP:
      g_string_append_c (line, ':');
      _bzw_vcard_append_uri (line, field->value);
      break;

    case BZW_FIELD_RELATED:
      if (g_uri_peek_scheme (field->value) == NULL && labelled && w->version == BZW_VCARD_VERSION_4_0)
        g_string_append (line, ";VALUE=text");
      g_string_append_c (line, ':');
      _bzw_vcard_append_escaped (line, field->value, FALSE);
      break;

    case BZW_FIELD_DATE:
      if (bzw_io_is_year_unknown (field->value) && strlen (field->value) == 7)
        g_string_append_printf (line, ";X-APPLE-OMIT-YEAR=1604:1604-%s", field->value + 2);
      else
        g_string_append_printf (line, ":%s", field->value);
      break;

    case BZW_FIELD_EMAIL:
    case BZW_FIELD_PHONE:
    case BZW_N_FIELD_KINDS:
    default:
      g_string_append_c (line, ':');
      _bzw_vcard_append_escaped (line, field->value, FALSE);
      break;
    }
}

void
_bzw_vcard_emit_field (BzwVcardWriter        *w,
                       const BzwContactField *field)
{
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *group = NULL;
  gboolean labelled = types_from_label (field->kind, field->label, params);

  /* vCard 3.0 has no RELATED: Apple's related names carry the label. */
  if (w->version == BZW_VCARD_VERSION_3_0 && field->kind == BZW_FIELD_RELATED)
    {
      g_string_truncate (params, 0);
      labelled = field->label == NULL;
    }

  /* A label TYPE cannot say goes into an "itemN.X-ABLabel" of the field's group. */
  group = claim_group (w, field);
  if (group == NULL && !labelled)
    group = next_group (w);
  if (group != NULL)
    g_string_append_printf (line, "%s.", group);

  g_string_append (line, field_property_name (w, field, labelled));
  g_string_append (line, params->str);
  if (field->pref > 0 && w->version == BZW_VCARD_VERSION_3_0)
    g_string_append (line, params->len > 0 ? ",pref" : ";TYPE=pref");
  else if (field->pref > 0)
    g_string_append_printf (line, ";PREF=%d", CLAMP (field->pref, 1, 100));

  append_field_value (w, field, labelled, line);

  _bzw_vcard_emit (w, line->str);
  if (group != NULL && field->label != NULL && !labelled)
    emit_label (w, group, field->label);
}
