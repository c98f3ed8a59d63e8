/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-csv-reader"

#include "config.h"

#include "bzw-csv-private.h"

#include "bzw-io-util.h"

#include <string.h>

/* Bytes to rows: the encoding (UTF-8, UTF-16 with BOM, else Windows-1252),
 * the separator, and RFC 4180 quoting.
 */


char *
_bzw_csv_decode_bytes (const char  *data,
                       gsize        length,
                       const char **encoding)
{
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *encoding = "UTF-8";
      return bzw_io_to_utf8 (data + 3, length - 3, "UTF-8");
    }

  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      char *converted = g_convert (data + 2, length - 2, "UTF-8",
                                   (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                                   NULL, NULL, NULL);

      if (converted != NULL && g_utf8_validate (converted, -1, NULL))
        {
          *encoding = "UTF-16";
          return converted;
        }
      g_free (converted);
    }

  if (length == 0)
    {
      *encoding = "UTF-8";
      return g_strdup ("");
    }

  if (g_utf8_validate (data, length, NULL) && memchr (data, 0, length) == NULL)
    {
      *encoding = "UTF-8";
      return g_strndup (data, length);
    }

  *encoding = "Windows-1252";
  return bzw_io_windows1252_to_utf8 (data, length);
}

/* The separator that splits the first lines into the most columns. */
char
_bzw_csv_detect_delimiter (const char *text)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint best[G_N_ELEMENTS (candidates)] = { 0, };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  guint lines = 0;
  guint winner = 0;

  for (const char *p = text; *p != '\0' && lines < 20; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '\n')
        {
          for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
            {
              best[i] = MAX (best[i], counts[i]);
              counts[i] = 0;
            }
          lines++;
        }
      else if (!quoted)
        {
          for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
            if (*p == candidates[i])
              counts[i]++;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      best[i] = MAX (best[i], counts[i]);
      if (best[i] > best[winner])
        winner = i;
    }

  return candidates[winner];
}

/* RFC 4180, leniently: a quote inside an unquoted field is a character.
 * Returns the rows with the line each starts on.  A quote that is never
 * closed would swallow the rest of the file into one field: then
 * @unclosed_line is set to the line it opens on.
 */
GPtrArray *
_bzw_csv_split_rows (const char *text,
                     char        delimiter,
                     GArray     *lines,
                     guint      *unclosed_line)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;
  guint line = 1;
  guint row_line = 1;
  guint quote_line = 0;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;

  *unclosed_line = 0;
  for (;;)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '\0')
            {
              *unclosed_line = quote_line;
              quoted = FALSE;
            }
          else if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
              continue;
            }
          else if (c == '"')
            {
              quoted = FALSE;
              p++;
              continue;
            }
          else
            {
              if (c == '\n')
                line++;
              if (c != '\r')
                g_string_append_c (field, c);
              p++;
              continue;
            }
        }

      if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = TRUE;
          was_quoted = TRUE;
          quote_line = line;
          p++;
          continue;
        }

      if (c == delimiter || c == '\n' || c == '\0' || (c == '\r' && p[1] != '\n'))
        {
          if (row->len < BZW_CSV_MAX_COLUMNS)
            g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;

          if (c != delimiter)
            {
              gboolean empty = row->len == 1 && ((char *) g_ptr_array_index (row, 0))[0] == '\0';

              if (!empty)
                {
                  g_ptr_array_add (rows, row);
                  g_array_append_val (lines, row_line);
                  row = g_ptr_array_new_with_free_func (g_free);
                }
              else
                g_ptr_array_set_size (row, 0);

              if (c == '\0')
                break;
              line++;
              row_line = line;
            }
          p++;
          continue;
        }

      if (c != '\r')
        g_string_append_c (field, c);
      p++;
    }

  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}
