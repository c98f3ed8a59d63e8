/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-vcard-reader"

#include "config.h"

#include "bzw-vcard-private.h"

#include "bzw-io-util.h"
#include "bzw-vcard-reader.h"

#include <stdlib.h>
#include <string.h>

/* A property line becomes a field of the contact with a label made from
 * its types or its item group's X-ABLabel; a line the model has no place
 * for is kept in the contact's "extra", so the writer gives it back.
 */

/* Labels */

static const char * const known_types[] = {
  "home", "work", "other", "mobile", "main", "fax", "pager", "video",
  "car", "isdn", "modem", "bbs", "textphone", "text",
};

static const char * const ignored_types[] = {
  "pref", "voice", "internet", "x400", "msg", "dom", "intl", "postal", "parcel",
  "jpeg", "jpg", "png", "gif", "uri", "url", "x-",
};

static int
type_index (const char * const *list,
            guint               n,
            const char         *type)
{
  for (guint k = 0; k < n; k++)
    if (g_ascii_strcasecmp (type, list[k]) == 0)
      return k;

  return -1;
}

static char *
label_from_types (BzwVcardLine *line)
{
  g_autoptr(GPtrArray) types = _bzw_vcard_line_get_types (line);
  g_autoptr(GString) label = g_string_new (NULL);
  gboolean present[G_N_ELEMENTS (known_types)] = { FALSE, };

  for (guint i = 0; i < types->len; i++)
    {
      const char *type = g_ptr_array_index (types, i);
      int k;

      if (g_ascii_strcasecmp (type, "cell") == 0)
        type = "mobile";
      if ((k = type_index (known_types, G_N_ELEMENTS (known_types), type)) >= 0)
        present[k] = TRUE;
    }

  for (guint k = 0; k < G_N_ELEMENTS (known_types); k++)
    {
      if (!present[k])
        continue;
      if (label->len > 0)
        g_string_append_c (label, ' ');
      g_string_append (label, known_types[k]);
    }

  for (guint i = 0; i < types->len; i++)
    {
      const char *type = g_ptr_array_index (types, i);

      if (g_ascii_strcasecmp (type, "cell") == 0 ||
          type_index (known_types, G_N_ELEMENTS (known_types), type) >= 0 ||
          type_index (ignored_types, G_N_ELEMENTS (ignored_types), type) >= 0)
        continue;

      /* "x-Büro" is a custom label. */
      if (g_ascii_strncasecmp (type, "x-", 2) == 0)
        type += 2;
      if (label->len > 0)
        g_string_append_c (label, ' ');
      g_string_append (label, type);
    }

  return label->len > 0 ? g_strdup (label->str) : NULL;
}

char *
_bzw_vcard_group_key (const char *group)
{
  return g_ascii_strdown (group, -1);
}

/* The label of a grouped property (item1.X-ABLabel) wins over its types. */
static char *
field_label (BzwVcardCard *ctx,
             BzwVcardLine *line)
{
  if (line->group != NULL)
    {
      g_autofree char *key = _bzw_vcard_group_key (line->group);
      const char *label = g_hash_table_lookup (ctx->group_labels, key);

      if (label != NULL)
        {
          g_hash_table_add (ctx->used_groups, g_steal_pointer (&key));
          return g_strdup (label);
        }
    }

  return label_from_types (line);
}

static int
field_pref (BzwVcardLine *line)
{
  const char *pref = _bzw_vcard_line_get_param (line, "PREF");

  if (pref != NULL)
    {
      int n = atoi (pref);

      return CLAMP (n, 1, 100);
    }

  return _bzw_vcard_line_has_type (line, "pref") ? 1 : 0;
}

void
_bzw_vcard_add_field (BzwVcardCard *ctx,
                      BzwVcardLine *line,
                      BzwFieldKind  kind,
                      const char   *value,
                      const char   *fallback_label)
{
  g_autofree char *label = field_label (ctx, line);
  GPtrArray *fields;
  BzwContactField *field;

  bzw_contact_add_field (ctx->card->contact, kind,
                         label != NULL ? label : fallback_label, value);
  fields = bzw_contact_get_fields (ctx->card->contact);
  field = g_ptr_array_index (fields, fields->len - 1);
  field->pref = field_pref (line);
  field->group = g_strdup (line->group);
}

/* Keeping lines */

static gboolean
needs_quotes (const char *value)
{
  return strpbrk (value, ",;:") != NULL;
}

static void
append_param_value (GString    *out,
                    const char *value)
{
  gboolean quote = needs_quotes (value);

  if (quote)
    g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "^n");
      else if (*p == '"')
        g_string_append (out, "^'");
      else if (*p == '^')
        g_string_append (out, "^^");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/* Keeps a line the model has no place for, so the writer gives it back.
 * Lines already in the form vCard 4.0 allows stay byte for byte; lines in
 * 2.1's dialects are rewritten as 4.0: bare types get a name, the value is
 * decoded from quoted-printable and its charset into escaped UTF-8.
 */
void
_bzw_vcard_keep_line (BzwVcardCard *ctx,
                      BzwVcardLine *line)
{
  gboolean qp = _bzw_vcard_line_is_encoding (line, "QUOTED-PRINTABLE", "QP");
  gboolean charset = _bzw_vcard_line_get_param (line, "CHARSET") != NULL;

  if (ctx->extra->len > 0)
    g_string_append_c (ctx->extra, '\n');

  if (!line->normalize && !qp && !charset && g_utf8_validate (line->raw, line->raw_len, NULL))
    {
      g_string_append_len (ctx->extra, line->raw, line->raw_len);
      return;
    }

  if (line->group != NULL)
    {
      g_string_append (ctx->extra, line->group);
      g_string_append_c (ctx->extra, '.');
    }
  g_string_append (ctx->extra, line->name);

  for (guint i = 0; i < line->params->len; i++)
    {
      BzwVcardParam *param = g_ptr_array_index (line->params, i);

      if (strcmp (param->key, "CHARSET") == 0 || (qp && strcmp (param->key, "ENCODING") == 0))
        continue;

      g_string_append_c (ctx->extra, ';');
      g_string_append (ctx->extra, param->key);
      if (param->values->len == 0)
        continue;
      g_string_append_c (ctx->extra, '=');
      for (guint j = 0; j < param->values->len; j++)
        {
          const char *value = g_ptr_array_index (param->values, j);

          if (j > 0)
            g_string_append_c (ctx->extra, ',');
          if (strcmp (param->key, "ENCODING") == 0 && g_ascii_strcasecmp (value, "BASE64") == 0)
            value = "b";
          append_param_value (ctx->extra, value);
        }
    }
  g_string_append_c (ctx->extra, ':');

  if (qp || charset)
    {
      g_autofree char *text = _bzw_vcard_line_dup_text (line);

      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '\r' && p[1] == '\n')
            continue;
          if (*p == '\r' || *p == '\n')
            g_string_append (ctx->extra, "\\n");
          else
            g_string_append_c (ctx->extra, *p);
        }
    }
  else
    {
      g_autofree char *text = bzw_io_to_utf8 (line->value, line->value_len, NULL);

      g_string_append (ctx->extra, text);
    }
}
