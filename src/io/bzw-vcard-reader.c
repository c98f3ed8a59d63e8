/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-vcard-reader"

#include "config.h"

#include "bzw-vcard-reader.h"

#include "bzw-io-util.h"
#include "bzw-photo.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* The reader works in three steps.  The bytes are cut into physical lines
 * and unfolded into logical lines on bytes, before any decoding, so a
 * character split across a fold is joined again; 2.1's quoted-printable
 * soft line breaks and unindented base64 blocks are joined here too.  Each
 * logical line is then split into group, name, parameters and raw value.
 * Finally the lines between BEGIN:VCARD and END:VCARD become a contact,
 * decoding and unescaping each value the way its property needs.  Lines
 * the model has no place for are kept verbatim in the contact's "extra".
 */

typedef struct
{
  char      *key;     /* upper-case */
  GPtrArray *values;  /* (element-type utf8) */
} Param;

typedef struct
{
  guint      line;
  char      *group;
  char      *name;
  char      *uname;
  GPtrArray *params;
  char      *value;
  gsize      value_len;
  char      *raw;
  gsize      raw_len;
  gboolean   normalize;
} Line;

typedef struct
{
  GString  *text;
  guint     line;
  gboolean  too_long;
  gboolean  params_known;
  gboolean  is_qp;
  gboolean  is_base64;
} Logical;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;
  /* The next physical line, once peeked. */
  gboolean    peeked;
  const char *peek_start;
  gsize       peek_len;
  guint       peek_line;
} Cursor;

typedef struct
{
  BzwParseResult *result;
  BzwParsedCard  *card;
  GPtrArray      *lines;
  GHashTable     *group_labels;
  GHashTable     *used_groups;
  GString        *extra;
  GString        *notes;
  int             version;
  gboolean        has_title;
  gboolean        has_photo;
} CardContext;

static void
param_free (gpointer data)
{
  Param *param = data;

  g_free (param->key);
  g_ptr_array_unref (param->values);
  g_free (param);
}

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->group);
  g_free (line->name);
  g_free (line->uname);
  g_clear_pointer (&line->params, g_ptr_array_unref);
  g_free (line->value);
  g_free (line->raw);
  g_free (line);
}

/* Physical lines */

static gboolean
cursor_peek (Cursor      *c,
             const char **start,
             gsize       *len,
             guint       *line)
{
  const char *p;
  const char *end;

  if (!c->peeked)
    {
      if (c->pos >= c->length)
        return FALSE;

      p = c->data + c->pos;
      end = c->data + c->length;
      c->peek_start = p;
      while (p < end && *p != '\n' && *p != '\r')
        p++;
      c->peek_len = p - c->peek_start;
      c->peek_line = ++c->line;
      if (p < end && *p == '\r')
        {
          p++;
          if (p < end && *p == '\n')
            p++;
        }
      else if (p < end && *p == '\n')
        {
          p++;
        }
      c->pos = p - c->data;
      c->peeked = TRUE;
    }

  *start = c->peek_start;
  *len = c->peek_len;
  *line = c->peek_line;
  return TRUE;
}

static void
cursor_consume (Cursor *c)
{
  c->peeked = FALSE;
}

/* Appends bytes to a logical line, within the size limit.  NUL bytes are
 * dropped: no text in a vCard has them.
 */
static void
logical_append (Logical    *l,
                const char *bytes,
                gsize       len)
{
  if (l->too_long || len == 0)
    return;

  if (l->text->len + len > BZW_VCARD_MAX_LINE_SIZE)
    {
      l->too_long = TRUE;
      return;
    }

  if (memchr (bytes, '\0', len) == NULL)
    {
      g_string_append_len (l->text, bytes, len);
      return;
    }

  for (gsize i = 0; i < len; i++)
    if (bytes[i] != '\0')
      g_string_append_c (l->text, bytes[i]);
}

static const char *
find_value_colon (const char *s,
                  gsize       len)
{
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '"')
        quoted = !quoted;
      else if (s[i] == ':' && !quoted)
        return s + i;
    }

  return NULL;
}

static gboolean
contains_ci (const char *haystack,
             gsize       len,
             const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (g_ascii_strncasecmp (haystack + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static void
logical_check_params (Logical *l)
{
  const char *colon;
  gsize n;

  if (l->params_known)
    return;

  colon = find_value_colon (l->text->str, l->text->len);
  if (colon == NULL)
    return;

  n = colon - l->text->str;
  l->params_known = TRUE;
  l->is_qp = contains_ci (l->text->str, n, "QUOTED-PRINTABLE");
  l->is_base64 = contains_ci (l->text->str, n, "BASE64") || contains_ci (l->text->str, n, "ENCODING=B");
}

static gboolean
is_base64_line (const char *s,
                gsize       len)
{
  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '+' && s[i] != '/' && s[i] != '=' &&
        s[i] != ' ' && s[i] != '\t')
      return FALSE;

  return TRUE;
}

static gboolean
is_card_delimiter (const char *s,
                   gsize       len)
{
  return (len >= 9 && g_ascii_strncasecmp (s, "END:VCARD", 9) == 0) ||
         (len >= 11 && g_ascii_strncasecmp (s, "BEGIN:VCARD", 11) == 0);
}

/* Reads the next logical line, or returns FALSE at the end. */
static gboolean
next_logical (Cursor  *c,
              Logical *l)
{
  const char *start;
  gsize len;
  guint line;

  g_string_truncate (l->text, 0);
  l->too_long = FALSE;
  l->params_known = FALSE;
  l->is_qp = FALSE;
  l->is_base64 = FALSE;

  /* Blank lines between and inside cards mean nothing. */
  for (;;)
    {
      if (!cursor_peek (c, &start, &len, &line))
        return FALSE;
      cursor_consume (c);
      if (len > 0)
        break;
    }

  l->line = line;
  logical_append (l, start, len);

  while (cursor_peek (c, &start, &len, &line))
    {
      logical_check_params (l);

      if (len > 0 && (start[0] == ' ' || start[0] == '\t'))
        {
          logical_append (l, start + 1, len - 1);
          cursor_consume (c);
          continue;
        }

      if (l->is_qp && l->text->len > 0 && l->text->str[l->text->len - 1] == '=' &&
          len > 0 && !is_card_delimiter (start, len))
        {
          g_string_truncate (l->text, l->text->len - 1);
          logical_append (l, start, len);
          cursor_consume (c);
          continue;
        }

      if (l->is_base64)
        {
          if (len == 0)
            {
              cursor_consume (c);
              break;
            }
          if (is_base64_line (start, len))
            {
              logical_append (l, start, len);
              cursor_consume (c);
              continue;
            }
        }

      break;
    }

  return TRUE;
}

/* Logical lines */

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

/* RFC 6868: ^n is a newline, ^' a double quote, ^^ a caret. */
static char *
param_value_decode (const char *s,
                    gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '^' && i + 1 < len)
        {
          char n = s[i + 1];

          if (n == 'n' || n == 'N')
            {
              g_string_append_c (out, '\n');
              i++;
              continue;
            }
          if (n == '\'')
            {
              g_string_append_c (out, '"');
              i++;
              continue;
            }
          if (n == '^')
            {
              g_string_append_c (out, '^');
              i++;
              continue;
            }
        }
      g_string_append_c (out, s[i]);
    }

  /* Parameter values become labels: they must be text. */
  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      char *text = bzw_io_to_utf8 (out->str, out->len, NULL);

      g_string_free (out, TRUE);
      return text;
    }

  return g_string_free (out, FALSE);
}

static Param *
line_add_param (Line       *line,
                const char *key)
{
  Param *param = g_new0 (Param, 1);

  param->key = g_ascii_strup (key, -1);
  param->values = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (line->params, param);
  return param;
}

/* A 2.1 parameter without a name: an encoding, or else a type. */
static void
line_add_bare_param (Line       *line,
                     const char *value)
{
  Param *param;

  if (g_ascii_strcasecmp (value, "QUOTED-PRINTABLE") == 0 || g_ascii_strcasecmp (value, "BASE64") == 0 ||
      g_ascii_strcasecmp (value, "8BIT") == 0 || g_ascii_strcasecmp (value, "7BIT") == 0)
    param = line_add_param (line, "ENCODING");
  else
    param = line_add_param (line, "TYPE");

  g_ptr_array_add (param->values, g_strdup (value));
  line->normalize = TRUE;
}

/* Splits "group.NAME;KEY=a,b;BARE:value".  Returns NULL and sets @reason
 * when the line is not a property line.
 */
static Line *
parse_line (const char  *s,
            gsize        len,
            guint        lineno,
            const char **reason)
{
  Line *line = g_new0 (Line, 1);
  const char *end = s + len;
  const char *p = s;
  const char *name_start = s;
  const char *dot = NULL;

  line->line = lineno;
  line->params = g_ptr_array_new_with_free_func (param_free);

  if (find_value_colon (s, len) == NULL && memchr (s, ':', len) == NULL)
    {
      *reason = N_("The line has no “:” between name and value.");
      line_free (line);
      return NULL;
    }

  while (p < end && *p != ';' && *p != ':')
    {
      if (*p == '.' && dot == NULL)
        dot = p;
      else if (!is_name_char (*p))
        {
          *reason = N_("The property name contains characters that are not allowed.");
          line_free (line);
          return NULL;
        }
      p++;
    }

  if (p == end)
    {
      *reason = N_("The line has no “:” between name and value.");
      line_free (line);
      return NULL;
    }

  if (dot != NULL)
    {
      line->group = g_strndup (name_start, dot - name_start);
      name_start = dot + 1;
    }
  line->name = g_strndup (name_start, p - name_start);
  if (line->name[0] == '\0' || (line->group != NULL && line->group[0] == '\0'))
    {
      *reason = N_("The line has no property name.");
      line_free (line);
      return NULL;
    }
  line->uname = g_ascii_strup (line->name, -1);

  while (p < end && *p == ';')
    {
      const char *key_start = ++p;
      g_autofree char *key = NULL;

      while (p < end && *p != '=' && *p != ';' && *p != ':')
        p++;
      key = bzw_io_to_utf8 (key_start, p - key_start, NULL);
      g_strstrip (key);

      if (p < end && *p == '=')
        {
          Param *param = line_add_param (line, key);

          p++;
          for (;;)
            {
              const char *v_start;

              if (p < end && *p == '"')
                {
                  v_start = ++p;
                  while (p < end && *p != '"')
                    p++;
                  g_ptr_array_add (param->values, param_value_decode (v_start, p - v_start));
                  if (p < end)
                    p++;
                  /* Anything between the closing quote and the next
                   * separator is a writer's mistake; skip it.
                   */
                  while (p < end && *p != ',' && *p != ';' && *p != ':')
                    p++;
                }
              else
                {
                  v_start = p;
                  while (p < end && *p != ',' && *p != ';' && *p != ':')
                    p++;
                  g_ptr_array_add (param->values, param_value_decode (v_start, p - v_start));
                }

              if (p < end && *p == ',')
                {
                  p++;
                  continue;
                }
              break;
            }
        }
      else if (key[0] != '\0')
        {
          line_add_bare_param (line, key);
        }
    }

  if (p >= end || *p != ':')
    {
      *reason = N_("The line has no “:” between name and value.");
      line_free (line);
      return NULL;
    }

  p++;
  line->value_len = end - p;
  line->value = g_strndup (p, line->value_len);
  line->raw_len = len;
  line->raw = g_strndup (s, len);
  return line;
}

/* Parameters */

static const char *
line_get_param (Line       *line,
                const char *key)
{
  for (guint i = 0; i < line->params->len; i++)
    {
      Param *param = g_ptr_array_index (line->params, i);

      if (strcmp (param->key, key) == 0 && param->values->len > 0)
        return g_ptr_array_index (param->values, 0);
    }

  return NULL;
}

/* All TYPE values, split at commas. */
static GPtrArray *
line_get_types (Line *line)
{
  GPtrArray *types = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < line->params->len; i++)
    {
      Param *param = g_ptr_array_index (line->params, i);

      if (strcmp (param->key, "TYPE") != 0)
        continue;

      for (guint j = 0; j < param->values->len; j++)
        {
          g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (param->values, j), ",", -1);

          for (guint k = 0; parts[k] != NULL; k++)
            {
              g_strstrip (parts[k]);
              if (parts[k][0] != '\0')
                g_ptr_array_add (types, g_strdup (parts[k]));
            }
        }
    }

  return types;
}

static gboolean
line_has_type (Line       *line,
               const char *type)
{
  g_autoptr(GPtrArray) types = line_get_types (line);

  for (guint i = 0; i < types->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (types, i), type) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
line_is_encoding (Line       *line,
                  const char *a,
                  const char *b)
{
  const char *encoding = line_get_param (line, "ENCODING");

  return encoding != NULL && (g_ascii_strcasecmp (encoding, a) == 0 ||
                              (b != NULL && g_ascii_strcasecmp (encoding, b) == 0));
}

/* Values */

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static GByteArray *
qp_decode (const char *s,
           gsize       len)
{
  GByteArray *out = g_byte_array_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      guint8 b = s[i];

      if (s[i] == '=')
        {
          int hi = i + 1 < len ? hex_value (s[i + 1]) : -1;
          int lo = i + 2 < len ? hex_value (s[i + 2]) : -1;

          if (hi >= 0 && lo >= 0)
            {
              b = hi * 16 + lo;
              i += 2;
            }
          else if (i + 1 == len)
            {
              continue;
            }
        }
      g_byte_array_append (out, &b, 1);
    }

  return out;
}

/* Decodes base64, skipping whitespace and noise.  Returns NULL when the
 * result would be larger than @max.
 */
static GBytes *
base64_decode_bounded (const char *s,
                       gsize       len,
                       gsize       max)
{
  gsize n_chars = 0;
  guchar *buffer;
  gsize out_len;
  int state = 0;
  guint save = 0;

  /* Every character GLib's decoder does not skip, "=" included. */
  for (gsize i = 0; i < len; i++)
    if (g_ascii_isalnum (s[i]) || s[i] == '+' || s[i] == '/' || s[i] == '=')
      n_chars++;

  if (n_chars / 4 * 3 > max)
    return NULL;

  buffer = g_malloc (n_chars / 4 * 3 + 3);
  out_len = g_base64_decode_step (s, len, buffer, &state, &save);
  return g_bytes_new_take (buffer, out_len);
}

/* The value as UTF-8 text, decoded from quoted-printable or base64 and
 * converted from its charset, but still escaped.
 */
static char *
line_dup_text (Line *line)
{
  const char *charset = line_get_param (line, "CHARSET");

  if (line_is_encoding (line, "QUOTED-PRINTABLE", "QP"))
    {
      g_autoptr(GByteArray) bytes = qp_decode (line->value, line->value_len);

      return bzw_io_to_utf8 ((const char *) bytes->data, bytes->len, charset);
    }

  if (line_is_encoding (line, "B", "BASE64"))
    {
      g_autoptr(GBytes) bytes = base64_decode_bounded (line->value, line->value_len,
                                                       BZW_VCARD_MAX_LINE_SIZE);
      gsize size;
      const char *data;

      if (bytes == NULL)
        return g_strdup ("");
      data = g_bytes_get_data (bytes, &size);
      return bzw_io_to_utf8 (data, size, charset);
    }

  return bzw_io_to_utf8 (line->value, line->value_len, charset);
}

static void
append_unescaped (GString    *out,
                  const char *s,
                  gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '\\' && i + 1 < len)
        {
          char n = s[i + 1];

          switch (n)
            {
            case 'n':
            case 'N':
              g_string_append_c (out, '\n');
              i++;
              continue;
            case '\\':
            case ',':
            case ';':
            case ':':
              g_string_append_c (out, n);
              i++;
              continue;
            default:
              break;
            }
        }

      /* Quoted-printable text carries real line breaks. */
      if (s[i] == '\r')
        {
          if (i + 1 < len && s[i + 1] == '\n')
            continue;
          g_string_append_c (out, '\n');
          continue;
        }

      g_string_append_c (out, s[i]);
    }
}

static char *
unescape_text (const char *s)
{
  GString *out = g_string_sized_new (strlen (s));

  append_unescaped (out, s, strlen (s));
  return g_string_free (out, FALSE);
}

/* Splits at unescaped @sep and unescapes each part. */
static GPtrArray *
split_unescape (const char *s,
                char        sep)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *start = s;
  const char *p = s;

  for (;;)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p += 2;
          continue;
        }

      if (*p == sep || *p == '\0')
        {
          GString *part = g_string_new (NULL);

          append_unescaped (part, start, p - start);
          g_ptr_array_add (parts, g_string_free (part, FALSE));
          if (*p == '\0')
            break;
          start = p + 1;
        }
      p++;
    }

  return parts;
}

static char *
strip_dup (const char *s)
{
  return g_strstrip (g_strdup (s != NULL ? s : ""));
}

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
label_from_types (Line *line)
{
  g_autoptr(GPtrArray) types = line_get_types (line);
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

static char *
group_key (const char *group)
{
  return g_ascii_strdown (group, -1);
}

/* The label of a grouped property (item1.X-ABLabel) wins over its types. */
static char *
field_label (CardContext *ctx,
             Line        *line)
{
  if (line->group != NULL)
    {
      g_autofree char *key = group_key (line->group);
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
field_pref (Line *line)
{
  const char *pref = line_get_param (line, "PREF");

  if (pref != NULL)
    {
      int n = atoi (pref);

      return CLAMP (n, 1, 100);
    }

  return line_has_type (line, "pref") ? 1 : 0;
}

static void
add_field (CardContext  *ctx,
           Line         *line,
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
static void
keep_line (CardContext *ctx,
           Line        *line)
{
  gboolean qp = line_is_encoding (line, "QUOTED-PRINTABLE", "QP");
  gboolean charset = line_get_param (line, "CHARSET") != NULL;

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
      Param *param = g_ptr_array_index (line->params, i);

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
      g_autofree char *text = line_dup_text (line);

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

/* Properties */

static void
read_name (CardContext *ctx,
           const char  *text)
{
  g_autoptr(GPtrArray) parts = split_unescape (text, ';');
  BzwContact *c = ctx->card->contact;
  char *values[5] = { NULL, };

  for (guint i = 0; i < MIN (parts->len, 5); i++)
    values[i] = g_strstrip ((char *) g_ptr_array_index (parts, i));

  bzw_contact_set_family_name (c, values[0]);
  bzw_contact_set_given_name (c, values[1]);
  bzw_contact_set_additional_names (c, values[2]);
  bzw_contact_set_prefix (c, values[3]);
  bzw_contact_set_suffix (c, values[4]);
}

static char *
join_nonempty (GPtrArray  *parts,
               const char *sep)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      char *part = g_strstrip ((char *) g_ptr_array_index (parts, i));

      if (part[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, sep);
      g_string_append (out, part);
    }

  return g_string_free (out, FALSE);
}

static void
read_address (CardContext *ctx,
              Line        *line,
              const char  *text)
{
  g_autoptr(GPtrArray) parts = split_unescape (text, ';');
  GString *value = g_string_new (NULL);
  gboolean empty = TRUE;

  for (guint i = 0; i < 7; i++)
    {
      const char *part = i < parts->len ? g_strstrip ((char *) g_ptr_array_index (parts, i)) : "";

      if (i > 0)
        g_string_append (value, BZW_ADDRESS_SEPARATOR);
      g_string_append (value, part);
      if (part[0] != '\0')
        empty = FALSE;
    }

  if (!empty)
    add_field (ctx, line, BZW_FIELD_ADDRESS, value->str, NULL);
  g_string_free (value, TRUE);
}

/* A photo is stored at most BZW_PHOTO_MAX_SIDE pixels large; one whose
 * header claims too many pixels to decode is left out.
 */
static void
set_bounded_photo (CardContext *ctx,
                   Line        *line,
                   GBytes      *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bounded = bzw_photo_bound (bytes, &error);

  if (bounded == NULL)
    {
      bzw_parse_result_add_problem (ctx->result, line->line, FALSE,
                                    /* Translators: %s is the reason, from bzw-photo.c. */
                                    _("The photo was left out: %s"), error->message);
      return;
    }

  bzw_contact_set_photo (ctx->card->contact, bounded);
}

static gboolean
set_photo_bytes (CardContext *ctx,
                 Line        *line,
                 const char  *b64,
                 gsize        len)
{
  g_autoptr(GBytes) bytes = base64_decode_bounded (b64, len, BZW_VCARD_MAX_PHOTO_SIZE);

  if (bytes == NULL)
    {
      bzw_parse_result_add_problem (ctx->result, line->line, FALSE,
                                    _("The photo is larger than %d MiB and was left out."),
                                    BZW_VCARD_MAX_PHOTO_SIZE / (1024 * 1024));
      return TRUE;
    }

  if (g_bytes_get_size (bytes) == 0)
    return FALSE;

  set_bounded_photo (ctx, line, bytes);
  return TRUE;
}

static void
read_photo (CardContext *ctx,
            Line        *line)
{
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  const char *value_type = line_get_param (line, "VALUE");

  if (ctx->has_photo)
    {
      keep_line (ctx, line);
      return;
    }

  if (line_is_encoding (line, "B", "BASE64"))
    {
      if (set_photo_bytes (ctx, line, line->value, line->value_len))
        ctx->has_photo = TRUE;
      return;
    }

  escaped = bzw_io_to_utf8 (line->value, line->value_len, NULL);
  text = unescape_text (escaped);
  g_strstrip (text);

  if (g_ascii_strncasecmp (text, "data:", 5) == 0)
    {
      const char *comma = strchr (text, ',');

      if (comma != NULL)
        {
          g_autofree char *meta = g_strndup (text + 5, comma - text - 5);

          if (contains_ci (meta, strlen (meta), ";base64"))
            {
              if (set_photo_bytes (ctx, line, comma + 1, strlen (comma + 1)))
                ctx->has_photo = TRUE;
              return;
            }
          else if (strlen (comma + 1) <= BZW_VCARD_MAX_PHOTO_SIZE)
            {
              g_autoptr(GBytes) bytes = g_uri_unescape_bytes (comma + 1, -1, NULL, NULL);

              if (bytes != NULL && g_bytes_get_size (bytes) > 0)
                {
                  set_bounded_photo (ctx, line, bytes);
                  ctx->has_photo = TRUE;
                  return;
                }
            }
        }
      keep_line (ctx, line);
      return;
    }

  /* A link is kept as a link; nothing is ever fetched. */
  if ((value_type != NULL && (g_ascii_strcasecmp (value_type, "uri") == 0 ||
                              g_ascii_strcasecmp (value_type, "url") == 0)) ||
      g_uri_peek_scheme (text) != NULL)
    {
      bzw_contact_set_photo_uri (ctx->card->contact, text);
      ctx->has_photo = TRUE;
      return;
    }

  /* Some writers leave out ENCODING on base64 data. */
  if (strlen (text) >= 64 && is_base64_line (text, strlen (text)) &&
      set_photo_bytes (ctx, line, text, strlen (text)))
    {
      ctx->has_photo = TRUE;
      return;
    }

  keep_line (ctx, line);
}

static int
omit_year (Line *line)
{
  const char *omit = line_get_param (line, "X-APPLE-OMIT-YEAR");

  return omit != NULL ? atoi (omit) : 0;
}

static void
read_date_field (CardContext *ctx,
                 Line        *line,
                 const char  *text,
                 const char  *fallback_label)
{
  g_autofree char *date = bzw_io_parse_date (text, omit_year (line));

  if (date == NULL)
    {
      keep_line (ctx, line);
      return;
    }

  add_field (ctx, line, BZW_FIELD_DATE, date, fallback_label);
}

static void
append_note (CardContext *ctx,
             const char  *text)
{
  if (text[0] == '\0')
    return;
  if (ctx->notes->len > 0)
    g_string_append (ctx->notes, "\n\n");
  g_string_append (ctx->notes, text);
}

static gboolean
parse_int (const char *text,
           int         min,
           int         max,
           int        *value)
{
  char *end = NULL;
  gint64 v;

  v = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || v < min || v > max)
    return FALSE;

  *value = v;
  return TRUE;
}

/* Our own properties, so an export of this app reads back whole. */
static gboolean
read_bzw_property (CardContext *ctx,
                   Line        *line,
                   const char  *text)
{
  BzwContact *c = ctx->card->contact;
  const char *name = line->uname + strlen ("X-BZW-");
  int v;

  if (strcmp (name, "MET-HOW") == 0)
    bzw_contact_set_met_how (c, text);
  else if (strcmp (name, "OFFERS") == 0)
    bzw_contact_set_offers (c, text);
  else if (strcmp (name, "SEEKS") == 0)
    bzw_contact_set_seeks (c, text);
  else if (strcmp (name, "TRUST-FOR") == 0)
    bzw_contact_set_trust_for (c, text);
  else if (strcmp (name, "MET-ON") == 0)
    {
      g_autofree char *date = bzw_io_parse_date (text, 0);

      if (date == NULL)
        return FALSE;
      bzw_contact_set_met_on (c, date);
    }
  else if (strcmp (name, "MET-IN-PERSON") == 0 && parse_int (text, 0, 1, &v))
    bzw_contact_set_met_in_person (c, v);
  else if (strcmp (name, "ARCHIVED") == 0 && parse_int (text, 0, 1, &v))
    bzw_contact_set_archived (c, v);
  else if (strcmp (name, "TRUST") == 0 && parse_int (text, BZW_TRUST_UNKNOWN, BZW_TRUST_YES, &v))
    bzw_contact_set_trust (c, v);
  else if (strcmp (name, "INTERVAL-IDEAL") == 0 && parse_int (text, 1, 100000, &v))
    bzw_contact_set_interval_ideal (c, v);
  else if (strcmp (name, "INTERVAL-MAX") == 0 && parse_int (text, 1, 100000, &v))
    bzw_contact_set_interval_max (c, v);
  else
    return FALSE;

  return TRUE;
}

static void
read_line (CardContext *ctx,
           Line        *line)
{
  BzwContact *c = ctx->card->contact;
  const char *name = line->uname;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;

  if (strcmp (name, "VERSION") == 0 || strcmp (name, "PRODID") == 0 || strcmp (name, "REV") == 0 ||
      strcmp (name, "BEGIN") == 0 || strcmp (name, "END") == 0)
    return;

  /* Labels are read before the other lines; unused ones are kept below. */
  if (strcmp (name, "X-ABLABEL") == 0)
    return;

  if (strcmp (name, "PHOTO") == 0)
    {
      read_photo (ctx, line);
      return;
    }

  escaped = line_dup_text (line);

  if (strcmp (name, "N") == 0)
    {
      read_name (ctx, escaped);
      return;
    }

  if (strcmp (name, "ADR") == 0)
    {
      read_address (ctx, line, escaped);
      return;
    }

  if (strcmp (name, "ORG") == 0)
    {
      g_autoptr(GPtrArray) parts = split_unescape (escaped, ';');
      g_autofree char *org = join_nonempty (parts, ", ");

      if (bzw_contact_get_organisation (c) == NULL)
        bzw_contact_set_organisation (c, org);
      else
        keep_line (ctx, line);
      return;
    }

  if (strcmp (name, "CATEGORIES") == 0)
    {
      g_autoptr(GPtrArray) parts = split_unescape (escaped, ',');

      for (guint i = 0; i < parts->len; i++)
        bzw_parsed_card_add_category (ctx->card, g_ptr_array_index (parts, i));
      return;
    }

  if (strcmp (name, "NICKNAME") == 0)
    {
      g_autoptr(GPtrArray) parts = split_unescape (escaped, ',');
      g_autofree char *nick = join_nonempty (parts, ", ");

      if (bzw_contact_get_nickname (c) == NULL)
        bzw_contact_set_nickname (c, nick);
      else
        keep_line (ctx, line);
      return;
    }

  text = unescape_text (escaped);

  if (strcmp (name, "FN") == 0)
    {
      g_strstrip (text);
      if (bzw_contact_get_display_name (c) == NULL)
        bzw_contact_set_display_name (c, text);
      else
        keep_line (ctx, line);
    }
  else if (strcmp (name, "TITLE") == 0 && bzw_contact_get_role (c) == NULL)
    bzw_contact_set_role (c, g_strstrip (text));
  else if (strcmp (name, "ROLE") == 0 && !ctx->has_title && bzw_contact_get_role (c) == NULL)
    bzw_contact_set_role (c, g_strstrip (text));
  else if (strcmp (name, "NOTE") == 0)
    append_note (ctx, text);
  else if (strcmp (name, "UID") == 0 && bzw_contact_get_uid (c) == NULL)
    {
      const char *uid = g_strstrip (text);

      if (g_ascii_strncasecmp (uid, "urn:uuid:", 9) == 0)
        uid += 9;
      if (uid[0] != '\0')
        bzw_contact_set_uid (c, uid);
    }
  else if (strcmp (name, "BDAY") == 0 && bzw_contact_get_birthday (c) == NULL)
    {
      g_autofree char *date = bzw_io_parse_date (text, omit_year (line));

      if (date != NULL)
        bzw_contact_set_birthday (c, date);
      else
        keep_line (ctx, line);
    }
  else if (strcmp (name, "EMAIL") == 0)
    {
      char *value = g_strstrip (text);

      if (g_ascii_strncasecmp (value, "mailto:", 7) == 0)
        value += 7;
      if (strchr (value, '@') != NULL)
        add_field (ctx, line, BZW_FIELD_EMAIL, value, NULL);
      else if (value[0] != '\0')
        keep_line (ctx, line);
    }
  else if (strcmp (name, "TEL") == 0)
    {
      char *value = g_strstrip (text);

      if (g_ascii_strncasecmp (value, "tel:", 4) == 0)
        value += 4;
      if (value[0] != '\0')
        add_field (ctx, line, BZW_FIELD_PHONE, value, NULL);
    }
  else if (strcmp (name, "URL") == 0)
    {
      if (g_strstrip (text)[0] != '\0')
        add_field (ctx, line, BZW_FIELD_URL, text, NULL);
    }
  else if (strcmp (name, "IMPP") == 0)
    {
      if (g_strstrip (text)[0] != '\0')
        add_field (ctx, line, BZW_FIELD_IMPP, text, NULL);
    }
  else if (strcmp (name, "ANNIVERSARY") == 0 || strcmp (name, "X-ANNIVERSARY") == 0 ||
           strcmp (name, "X-EVOLUTION-ANNIVERSARY") == 0)
    read_date_field (ctx, line, text, "anniversary");
  else if (strcmp (name, "X-ABDATE") == 0)
    read_date_field (ctx, line, text, NULL);
  else if (strcmp (name, "RELATED") == 0 || strcmp (name, "X-ABRELATEDNAMES") == 0)
    {
      if (g_strstrip (text)[0] != '\0')
        add_field (ctx, line, BZW_FIELD_RELATED, text, NULL);
    }
  else if (strcmp (name, "KIND") == 0 || strcmp (name, "X-ADDRESSBOOKSERVER-KIND") == 0)
    {
      g_strstrip (text);
      if (g_ascii_strcasecmp (text, "group") == 0)
        ctx->card->is_group = TRUE;
      else if (g_ascii_strcasecmp (text, "individual") != 0)
        keep_line (ctx, line);
    }
  else if (strcmp (name, "MEMBER") == 0 || strcmp (name, "X-ADDRESSBOOKSERVER-MEMBER") == 0)
    {
      const char *member = g_strstrip (text);

      if (g_ascii_strncasecmp (member, "urn:uuid:", 9) == 0)
        member += 9;
      if (member[0] != '\0')
        g_ptr_array_add (ctx->card->members, g_strdup (member));
    }
  else if (g_str_has_prefix (name, "X-BZW-"))
    {
      if (!read_bzw_property (ctx, line, text))
        keep_line (ctx, line);
    }
  else
    keep_line (ctx, line);
}

/* A card needs something to be called by. */
static gboolean
ensure_name (CardContext *ctx)
{
  BzwContact *c = ctx->card->contact;
  g_autofree char *name = bzw_contact_dup_best_name (c);
  const char *fallback;

  if (name[0] != '\0')
    return TRUE;

  if (ctx->card->is_group)
    return FALSE;

  fallback = bzw_contact_get_first_value (c, BZW_FIELD_PHONE);
  if (fallback == NULL)
    fallback = bzw_contact_get_first_value (c, BZW_FIELD_URL);
  if (fallback == NULL)
    fallback = bzw_contact_get_first_value (c, BZW_FIELD_IMPP);
  if (fallback == NULL)
    return FALSE;

  bzw_contact_set_display_name (c, fallback);
  return TRUE;
}

static void
build_card (BzwParseResult *result,
            GPtrArray      *lines,
            guint           start_line)
{
  g_autoptr(BzwParsedCard) card = bzw_parsed_card_new (start_line);
  CardContext ctx = { 0, };

  ctx.result = result;
  ctx.card = card;
  ctx.lines = lines;
  ctx.group_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx.used_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.extra = g_string_new (NULL);
  ctx.notes = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (strcmp (line->uname, "VERSION") == 0)
        ctx.version = line->value[0] == '2' ? 21 : line->value[0] == '3' ? 30 : 40;
      else if (strcmp (line->uname, "TITLE") == 0)
        ctx.has_title = TRUE;
      else if (strcmp (line->uname, "X-ABLABEL") == 0 && line->group != NULL)
        {
          g_autofree char *escaped = line_dup_text (line);
          g_autofree char *text = unescape_text (escaped);

          g_strstrip (text);
          if (text[0] != '\0')
            g_hash_table_replace (ctx.group_labels, group_key (line->group),
                                  bzw_io_apple_label_decode (text));
        }
    }

  for (guint i = 0; i < lines->len; i++)
    read_line (&ctx, g_ptr_array_index (lines, i));

  /* Labels whose property was not read stay with the kept lines. */
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      g_autofree char *key = NULL;

      if (strcmp (line->uname, "X-ABLABEL") != 0)
        continue;
      key = line->group != NULL ? group_key (line->group) : NULL;
      if (key == NULL || !g_hash_table_contains (ctx.used_groups, key))
        keep_line (&ctx, line);
    }

  bzw_contact_set_notes (card->contact, ctx.notes->str);
  bzw_contact_set_extra (card->contact, ctx.extra->str);

  if (ensure_name (&ctx))
    g_ptr_array_add (result->cards, g_steal_pointer (&card));
  else
    bzw_parse_result_add_problem (result, start_line, TRUE, "%s",
                                  _("The card has no name, organisation, e-mail address or phone number."));

  g_hash_table_unref (ctx.group_labels);
  g_hash_table_unref (ctx.used_groups);
  g_string_free (ctx.extra, TRUE);
  g_string_free (ctx.notes, TRUE);
}

/* Files */

static gboolean
value_is (Line       *line,
          const char *word)
{
  g_autofree char *value = strip_dup (line->value);

  return g_ascii_strcasecmp (value, word) == 0;
}

gboolean
bzw_vcard_reader_looks_like (const char *data,
                             gsize       length)
{
  gsize n = MIN (length, 4096);

  if (data == NULL)
    return FALSE;

  return contains_ci (data, n, "BEGIN:VCARD") ||
         contains_ci (data, n, "BEGIN:\r\n VCARD") || contains_ci (data, n, "BEGIN:\n VCARD");
}

/**
 * bzw_vcard_reader_parse:
 * @data: the bytes of a vCard file, in any version or mix of versions
 *
 * Reads every card.  A card that cannot be read is reported with its line
 * number and left out; the others are read on.  Never fails as a whole.
 *
 * Returns: (transfer full): the cards and the problems
 */
BzwParseResult *
bzw_vcard_reader_parse (const char *data,
                        gsize       length)
{
  BzwParseResult *result = bzw_parse_result_new ();
  g_autofree char *converted = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  Cursor cursor = { 0, };
  Logical logical = { 0, };
  gboolean in_card = FALSE;
  guint card_line = 0;
  guint error_line = 0;
  const char *error_reason = NULL;

  if (data == NULL)
    return result;

  /* UTF-16 with a byte order mark, as some Windows tools write it. */
  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      gsize out_len = 0;

      converted = g_convert (data + 2, length - 2, "UTF-8",
                             (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                             NULL, &out_len, NULL);
      if (converted != NULL)
        {
          data = converted;
          length = out_len;
        }
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  cursor.data = data;
  cursor.length = length;
  logical.text = g_string_new (NULL);
  lines = g_ptr_array_new_with_free_func (line_free);

  while (next_logical (&cursor, &logical))
    {
      const char *reason = NULL;
      Line *line;

      if (logical.too_long)
        {
          if (in_card && error_reason == NULL)
            {
              error_reason = N_("A line of the card is too long.");
              error_line = logical.line;
            }
          continue;
        }

      line = parse_line (logical.text->str, logical.text->len, logical.line, &reason);

      if (line != NULL && strcmp (line->uname, "BEGIN") == 0 && line->group == NULL && value_is (line, "VCARD"))
        {
          if (in_card)
            bzw_parse_result_add_problem (result, card_line, TRUE, "%s",
                                          _("The card does not end with END:VCARD."));
          g_ptr_array_set_size (lines, 0);
          in_card = TRUE;
          card_line = logical.line;
          error_reason = NULL;
          line_free (line);
          continue;
        }

      if (!in_card)
        {
          /* Anything between cards is ignored. */
          if (line != NULL)
            line_free (line);
          continue;
        }

      if (line != NULL && strcmp (line->uname, "END") == 0 && value_is (line, "VCARD"))
        {
          line_free (line);
          in_card = FALSE;

          if (error_reason != NULL)
            bzw_parse_result_add_problem (result, error_line, TRUE,
                                          /* Translators: the card that begins on line %u. */
                                          _("Card on line %u: %s"), card_line, _(error_reason));
          else
            build_card (result, lines, card_line);

          g_ptr_array_set_size (lines, 0);
          continue;
        }

      if (line == NULL)
        {
          if (error_reason == NULL)
            {
              error_reason = reason;
              error_line = logical.line;
            }
          continue;
        }

      if (error_reason == NULL)
        g_ptr_array_add (lines, line);
      else
        line_free (line);
    }

  if (in_card)
    bzw_parse_result_add_problem (result, card_line, TRUE, "%s",
                                  _("The card does not end with END:VCARD."));

  g_string_free (logical.text, TRUE);
  return result;
}
