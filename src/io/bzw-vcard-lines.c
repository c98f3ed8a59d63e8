/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-vcard-reader"

#include "config.h"

#include "bzw-vcard-private.h"

#include "bzw-io-util.h"
#include "bzw-vcard-reader.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Bytes to property lines.  The bytes are cut into physical lines and
 * unfolded into logical lines on bytes, before any decoding, so a
 * character split across a fold is joined again; 2.1's quoted-printable
 * soft line breaks and unindented base64 blocks are joined here too.  Each
 * logical line is then split into group, name, parameters and raw value.
 * The value helpers at the end decode quoted-printable and undo the
 * escapes of TEXT values.
 */

static void
param_free (BzwVcardParam *param)
{
  g_free (param->key);
  g_ptr_array_unref (param->values);
  g_free (param);
}

void
_bzw_vcard_line_free (gpointer data)
{
  BzwVcardLine *line = data;

  g_free (line->group);
  g_free (line->name);
  g_free (line->uname);
  g_clear_pointer (&line->params, g_ptr_array_unref);
  g_free (line->value);
  g_free (line->raw);
  g_free (line);
}

/* Physical lines */

/* Any run of CR and LF is one line end: iPhones write "CR CR LF", and a
 * base64 photo or a folded line continues after it.  Blank lines mean
 * nothing in a vCard, so none is lost; the line count follows the LFs (or
 * the CRs where there is no LF), as an editor shows them.
 */
static const char *
skip_line_end (BzwVcardCursor *c,
               const char     *p,
               const char     *end)
{
  guint n_lf = 0;
  guint n_cr = 0;

  while (p < end && (*p == '\r' || *p == '\n'))
    {
      if (*p == '\n')
        n_lf++;
      else
        n_cr++;
      p++;
    }

  if (n_lf > 1)
    c->line += n_lf - 1;
  else if (n_lf == 0 && n_cr > 1)
    c->line += n_cr - 1;
  return p;
}

static gboolean
cursor_peek (BzwVcardCursor  *c,
             const char     **start,
             gsize           *len,
             guint           *line)
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
      p = skip_line_end (c, p, end);
      c->pos = p - c->data;
      c->peeked = TRUE;
    }

  *start = c->peek_start;
  *len = c->peek_len;
  *line = c->peek_line;
  return TRUE;
}

static void
cursor_consume (BzwVcardCursor *c)
{
  c->peeked = FALSE;
}

/* Appends bytes to a logical line, within the size limit.  NUL bytes are
 * dropped: no text in a vCard has them.
 */
static void
logical_append (BzwVcardLogical *l,
                const char      *bytes,
                gsize            len)
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

gboolean
_bzw_vcard_contains_ci (const char *haystack,
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
logical_check_params (BzwVcardLogical *l)
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
  l->is_qp = _bzw_vcard_contains_ci (l->text->str, n, "QUOTED-PRINTABLE");
  l->is_base64 = _bzw_vcard_contains_ci (l->text->str, n, "BASE64") ||
                 _bzw_vcard_contains_ci (l->text->str, n, "ENCODING=B");
}

gboolean
_bzw_vcard_is_base64_line (const char *s,
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

/* The number of lines the cursor counts in @data, as the line number of
 * the last one.
 */
guint
_bzw_vcard_count_lines (const char *data,
                        gsize       length)
{
  BzwVcardCursor c = { data, length, 0, 0, };
  const char *start;
  gsize len;
  guint line;

  while (cursor_peek (&c, &start, &len, &line))
    cursor_consume (&c);

  return c.line;
}

/* Reads the next logical line, or returns FALSE at the end. */
gboolean
_bzw_vcard_next_logical (BzwVcardCursor  *c,
                         BzwVcardLogical *l)
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
          if (_bzw_vcard_is_base64_line (start, len))
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

static BzwVcardParam *
line_add_param (BzwVcardLine *line,
                const char   *key)
{
  BzwVcardParam *param = g_new0 (BzwVcardParam, 1);

  param->key = g_ascii_strup (key, -1);
  param->values = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (line->params, param);
  return param;
}

/* A 2.1 parameter without a name: an encoding, or else a type. */
static void
line_add_bare_param (BzwVcardLine *line,
                     const char   *value)
{
  BzwVcardParam *param;

  if (g_ascii_strcasecmp (value, "QUOTED-PRINTABLE") == 0 || g_ascii_strcasecmp (value, "BASE64") == 0 ||
      g_ascii_strcasecmp (value, "8BIT") == 0 || g_ascii_strcasecmp (value, "7BIT") == 0)
    param = line_add_param (line, "ENCODING");
  else
    param = line_add_param (line, "TYPE");

  g_ptr_array_add (param->values, g_strdup (value));
  line->normalize = TRUE;
}

/* "group.NAME" up to the first ";" or ":", into @line; *@pp is left on
 * that separator.  Returns why it is no property name, or NULL.
 */
static inline const char *
parse_name (BzwVcardLine  *line,
            const char    *s,
            const char    *end,
            const char   **pp)
{
  const char *p = s;
  const char *name_start = s;
  const char *dot = NULL;

  while (p < end && *p != ';' && *p != ':')
    {
      if (*p == '.' && dot == NULL)
        dot = p;
      else if (!is_name_char (*p))
        return N_("The property name contains characters that are not allowed.");
      p++;
    }

  if (p == end)
    return N_("The line has no “:” between name and value.");

  if (dot != NULL)
    {
      line->group = g_strndup (name_start, dot - name_start);
      name_start = dot + 1;
    }
  line->name = g_strndup (name_start, p - name_start);
  if (line->name[0] == '\0' || (line->group != NULL && line->group[0] == '\0'))
    return N_("The line has no property name.");
  line->uname = g_ascii_strup (line->name, -1);

  *pp = p;
  return NULL;
}

/* The values of one parameter after its "=": "a,b", any of them quoted
 * so it may hold ";", ":" and ",".  Returns where they end.
 */
static inline const char *
parse_param_values (BzwVcardParam *param,
                    const char    *p,
                    const char    *end)
{
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
      return p;
    }
}

/* One ";KEY=values" or 2.1's bare ";VALUE", from the ";" at *@pp; *@pp is
 * left on the separator after it.
 */
static inline void
parse_param (BzwVcardLine  *line,
             const char   **pp,
             const char    *end)
{
  const char *p = *pp + 1;
  const char *key_start = p;
  g_autofree char *key = NULL;

  while (p < end && *p != '=' && *p != ';' && *p != ':')
    p++;
  key = bzw_io_to_utf8 (key_start, p - key_start, NULL);
  g_strstrip (key);

  if (p < end && *p == '=')
    p = parse_param_values (line_add_param (line, key), p + 1, end);
  else if (key[0] != '\0')
    line_add_bare_param (line, key);

  *pp = p;
}

/* Splits "group.NAME;KEY=a,b;BARE:value".  Returns NULL and sets @reason
 * when the line is not a property line.
 */
BzwVcardLine *
_bzw_vcard_parse_line (const char  *s,
                       gsize        len,
                       guint        lineno,
                       const char **reason)
{
  BzwVcardLine *line = g_new0 (BzwVcardLine, 1);
  const char *no_colon = N_("The line has no “:” between name and value.");
  const char *end = s + len;
  const char *p = s;
  const char *error;

  line->line = lineno;
  line->params = g_ptr_array_new_with_free_func ((GDestroyNotify) param_free);

  if (find_value_colon (s, len) == NULL && memchr (s, ':', len) == NULL)
    error = no_colon;
  else
    error = parse_name (line, s, end, &p);

  if (error == NULL)
    {
      while (p < end && *p == ';')
        parse_param (line, &p, end);
      if (p >= end || *p != ':')
        error = no_colon;
    }

  if (error != NULL)
    {
      *reason = error;
      _bzw_vcard_line_free (line);
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

const char *
_bzw_vcard_line_get_param (BzwVcardLine *line,
                           const char   *key)
{
  for (guint i = 0; i < line->params->len; i++)
    {
      BzwVcardParam *param = g_ptr_array_index (line->params, i);

      if (strcmp (param->key, key) == 0 && param->values->len > 0)
        return g_ptr_array_index (param->values, 0);
    }

  return NULL;
}

/* All TYPE values, split at commas. */
GPtrArray *
_bzw_vcard_line_get_types (BzwVcardLine *line)
{
  GPtrArray *types = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < line->params->len; i++)
    {
      BzwVcardParam *param = g_ptr_array_index (line->params, i);

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

gboolean
_bzw_vcard_line_has_type (BzwVcardLine *line,
                          const char   *type)
{
  g_autoptr(GPtrArray) types = _bzw_vcard_line_get_types (line);

  for (guint i = 0; i < types->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (types, i), type) == 0)
      return TRUE;

  return FALSE;
}

gboolean
_bzw_vcard_line_is_encoding (BzwVcardLine *line,
                             const char   *a,
                             const char   *b)
{
  const char *encoding = _bzw_vcard_line_get_param (line, "ENCODING");

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

GByteArray *
_bzw_vcard_qp_decode (const char *s,
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
              /* An unknown escape "\x" is "x": Gmail and Apple write "\""
               * and "\:".  Keeping the backslash would escape it again on
               * export and grow the value every round trip.
               */
              continue;
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

char *
_bzw_vcard_unescape (const char *s)
{
  GString *out = g_string_sized_new (strlen (s));

  append_unescaped (out, s, strlen (s));
  return g_string_free (out, FALSE);
}

/* Splits at unescaped @sep and unescapes each part. */
GPtrArray *
_bzw_vcard_split_unescape (const char *s,
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

char *
_bzw_vcard_strip_dup (const char *s)
{
  return g_strstrip (g_strdup (s != NULL ? s : ""));
}

/* vCard 2.1 escapes only what the later versions do; any other backslash
 * is text (Outlook's "C:\Daten" in a note), so it is doubled here to
 * survive the unescaping that reads "\x" as "x".
 */
void
_bzw_vcard_protect_backslashes (char **text)
{
  GString *out;

  if (strchr (*text, '\\') == NULL)
    return;

  out = g_string_new (NULL);
  for (const char *p = *text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0' && strchr ("\\,;:nN", p[1]) != NULL)
        {
          g_string_append_c (out, *p);
          g_string_append_c (out, *++p);
          continue;
        }
      if (*p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_free (*text);
  *text = g_string_free (out, FALSE);
}
