/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-io"

#include "config.h"

#include "bzw-io-util.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* Windows-1252 at 0x80..0x9F; the five unassigned bytes map to the C1
 * controls of the same value, as browsers and Outlook's readers do.
 */
static const guint16 cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/* Never fails: every byte has a character.  NUL bytes are dropped. */
char *
bzw_io_windows1252_to_utf8 (const char *bytes,
                            gsize       length)
{
  GString *out = g_string_sized_new (length + length / 8 + 1);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = bytes[i];

      if (c == 0)
        continue;
      if (c < 0x80)
        g_string_append_c (out, c);
      else if (c < 0xA0)
        g_string_append_unichar (out, cp1252_high[c - 0x80]);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
charset_is (const char *charset,
            const char *name)
{
  return g_ascii_strcasecmp (charset, name) == 0;
}

/* Turns bytes in @charset (NULL when unknown) into valid UTF-8, never
 * failing: bytes that are valid UTF-8 are taken as such when no charset is
 * named, anything else is read as Windows-1252, which is what Outlook
 * writes when it names none.
 */
char *
bzw_io_to_utf8 (const char *bytes,
                gsize       length,
                const char *charset)
{
  const char *end;

  if (charset != NULL && charset[0] != '\0' &&
      !charset_is (charset, "UTF-8") && !charset_is (charset, "UTF8") &&
      !charset_is (charset, "US-ASCII") && !charset_is (charset, "ASCII"))
    {
      if (charset_is (charset, "WINDOWS-1252") || charset_is (charset, "CP1252") ||
          charset_is (charset, "ISO-8859-1") || charset_is (charset, "ISO8859-1") ||
          charset_is (charset, "LATIN1"))
        return bzw_io_windows1252_to_utf8 (bytes, length);

      if (length < 64 * 1024 * 1024)
        {
          g_autofree char *converted = g_convert (bytes, length, "UTF-8", charset, NULL, NULL, NULL);

          if (converted != NULL && g_utf8_validate (converted, -1, NULL))
            return g_steal_pointer (&converted);
        }
    }

  /* An empty value may come as NULL; it is "" either way. */
  if (length == 0)
    return g_strdup ("");

  if (g_utf8_validate (bytes, length, &end) && memchr (bytes, 0, length) == NULL)
    return g_strndup (bytes, length);

  return bzw_io_windows1252_to_utf8 (bytes, length);
}

static gboolean
parse_digits (const char *s,
              int         n,
              int        *value)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }

  *value = v;
  return TRUE;
}

static const char * const month_names[][12] = {
  { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" },
  { "jan", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez" },
  { "jan", "feb", "mrz", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez" },
};

static int
parse_month_name (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);

  if (g_utf8_strlen (folded, -1) < 3)
    return 0;

  for (guint l = 0; l < G_N_ELEMENTS (month_names); l++)
    for (int m = 0; m < 12; m++)
      if (strncmp (folded, month_names[l][m], strlen (month_names[l][m])) == 0)
        return m + 1;

  return 0;
}

static char *
format_date (int year,
             int month,
             int day,
             int omit_year)
{
  /* Apple stores "year unknown" as 1604; some writers use 0000. */
  if (year == 1604 || year == 0 || (omit_year > 0 && year == omit_year))
    year = 0;

  if (month < 1 || month > 12 || day < 1 || day > 31)
    return NULL;
  if (!g_date_valid_dmy (day, month, year > 0 ? year : 2000))
    return NULL;

  if (year > 0)
    return g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  return g_strdup_printf ("--%02d-%02d", month, day);
}

/* "--MMDD" and "--MM-DD", a date without a year; a time after it is cut. */
static char *
parse_date_without_year (char *s)
{
  int month = 0;
  int day = 0;
  char *cut;
  gsize len;

  if ((cut = strchr (s + 2, 'T')) != NULL)
    *cut = '\0';
  len = strlen (s);
  if (len == 6 && parse_digits (s + 2, 2, &month) && parse_digits (s + 4, 2, &day))
    return format_date (0, month, day, 0);
  if (len == 7 && s[4] == '-' && parse_digits (s + 2, 2, &month) && parse_digits (s + 5, 2, &day))
    return format_date (0, month, day, 0);
  return NULL;
}

/* ISO 8601, extended or basic, with an optional time.  Returns FALSE when
 * @s has another form; TRUE with *@date set, NULL for a day that does not
 * exist, when it has this one.
 */
static gboolean
parse_date_iso (const char  *s,
                gsize        len,
                int          omit_year,
                char       **date)
{
  int year = 0;
  int month = 0;
  int day = 0;

  if (!g_ascii_isdigit (s[0]) || len < 8 || !parse_digits (s, 4, &year))
    return FALSE;

  if ((s[4] == '-' && len >= 10 && parse_digits (s + 5, 2, &month) && s[7] == '-' &&
       parse_digits (s + 8, 2, &day) &&
       (len == 10 || s[10] == 'T' || s[10] == ' ' || s[10] == 't')) ||
      (parse_digits (s + 4, 2, &month) && parse_digits (s + 6, 2, &day) &&
       (len == 8 || s[8] == 'T' || s[8] == 't')))
    {
      *date = format_date (year, month, day, omit_year);
      return TRUE;
    }

  return FALSE;
}

/* "15.12.1985", "15.12." (German) and "12/15/1985" (US Outlook); a time
 * after a space is cut.
 */
static char *
parse_date_numeric (char *s,
                    int   omit_year)
{
  char sep = strchr (s, '.') != NULL ? '.' : '/';
  g_auto(GStrv) parts = NULL;
  char *space = strchr (s, ' ');
  const char *a;
  const char *b;
  const char *c;
  int year = 0;
  int x = 0;
  int y = 0;
  guint n;

  if (space != NULL)
    *space = '\0';
  parts = g_strsplit (s, sep == '.' ? "." : "/", 4);
  n = g_strv_length (parts);
  if (n < 2 || n > 3)
    return NULL;

  a = parts[0];
  b = parts[1];
  c = n == 3 ? parts[2] : "";
  if (strlen (a) < 1 || strlen (a) > 2 || strlen (b) < 1 || strlen (b) > 2 ||
      !parse_digits (a, strlen (a), &x) || !parse_digits (b, strlen (b), &y))
    return NULL;
  if (c[0] != '\0' && (strlen (c) != 4 || !parse_digits (c, 4, &year)))
    return NULL;
  if (c[0] == '\0' && sep == '/')
    return NULL;
  if (sep == '.')
    return format_date (year, y, x, omit_year);
  return format_date (year, x, y, omit_year);
}

/* "15 Mar 2023" (LinkedIn), "15. März 2023", "Mar 15, 2023": a month's
 * name and a day, with the year before it (when above 31) or after it.
 */
static char *
parse_date_words (const char *s,
                  int         omit_year)
{
  g_auto(GStrv) words = g_strsplit_set (s, " ,.", 6);
  int numbers[3];
  guint n_numbers = 0;
  int month = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      int v;

      if (words[i][0] == '\0')
        continue;
      if (g_ascii_isdigit (words[i][0]) && strlen (words[i]) <= 4 &&
          parse_digits (words[i], strlen (words[i]), &v))
        {
          if (n_numbers == 2)
            return NULL;
          numbers[n_numbers++] = v;
        }
      else if (month == 0 && (month = parse_month_name (words[i])) != 0)
        ;
      else
        return NULL;
    }

  if (month == 0 || n_numbers == 0)
    return NULL;
  if (n_numbers == 1)
    return numbers[0] <= 31 ? format_date (0, month, numbers[0], 0) : NULL;
  if (numbers[0] > 31)
    return format_date (numbers[0], month, numbers[1], omit_year);
  return format_date (numbers[1], month, numbers[0], omit_year);
}

/* Reads the date forms vCard and CSV exporters write and returns
 * "YYYY-MM-DD", or "--MM-DD" when the year is unknown, or NULL.  A time
 * after the date is ignored, so no date shifts through a time zone.
 * @omit_year is Apple's X-APPLE-OMIT-YEAR, or 0.
 */
char *
bzw_io_parse_date (const char *text,
                   int         omit_year)
{
  g_autofree char *s = NULL;
  char *date = NULL;
  gsize len;

  if (text == NULL)
    return NULL;

  s = g_strstrip (g_strndup (text, 64));
  len = strlen (s);
  if (len == 0)
    return NULL;

  if (len >= 6 && s[0] == '-' && s[1] == '-')
    return parse_date_without_year (s);
  if (parse_date_iso (s, len, omit_year, &date))
    return date;
  if (strchr (s, '.') != NULL || strchr (s, '/') != NULL)
    return parse_date_numeric (s, omit_year);
  return parse_date_words (s, omit_year);
}

gboolean
bzw_io_is_year_unknown (const char *date)
{
  return date != NULL && date[0] == '-' && date[1] == '-';
}

typedef struct
{
  const char *apple;
  const char *label;
} AppleLabel;

static const AppleLabel apple_labels[] = {
  { "Home", "home" },
  { "Work", "work" },
  { "Other", "other" },
  { "Mobile", "mobile" },
  { "Main", "main" },
  { "Pager", "pager" },
  { "HomeFAX", "home fax" },
  { "WorkFAX", "work fax" },
  { "OtherFAX", "other fax" },
  { "HomePage", "homepage" },
  { "Anniversary", "anniversary" },
  { "Mother", "mother" },
  { "Father", "father" },
  { "Parent", "parent" },
  { "Brother", "brother" },
  { "Sister", "sister" },
  { "Child", "child" },
  { "Friend", "friend" },
  { "Spouse", "spouse" },
  { "Partner", "partner" },
  { "Assistant", "assistant" },
  { "Manager", "manager" },
  { "School", "school" },
};

/* "_$!<HomeFAX>!$_" becomes "home fax"; other labels stay as they are. */
char *
bzw_io_apple_label_decode (const char *label)
{
  gsize len;

  if (label == NULL)
    return NULL;

  len = strlen (label);
  if (len > 8 && g_str_has_prefix (label, "_$!<") && g_str_has_suffix (label, ">!$_"))
    {
      g_autofree char *inner = g_strndup (label + 4, len - 8);

      for (guint i = 0; i < G_N_ELEMENTS (apple_labels); i++)
        if (g_ascii_strcasecmp (inner, apple_labels[i].apple) == 0)
          return g_strdup (apple_labels[i].label);

      return g_utf8_strdown (inner, -1);
    }

  return g_strdup (label);
}

/* The inverse of bzw_io_apple_label_decode() for the labels Apple knows. */
char *
bzw_io_apple_label_encode (const char *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (apple_labels); i++)
    if (g_strcmp0 (label, apple_labels[i].label) == 0)
      return g_strdup_printf ("_$!<%s>!$_", apple_labels[i].apple);

  return g_strdup (label);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A name for matching: case-folded, compatibility-normalised, words in
 * sorted order, so "Lovelace, Ada" matches "ada lovelace".
 */
char *
bzw_io_normalize_name (const char *name)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) words = NULL;
  GString *word = g_string_new (NULL);
  GString *out;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_string_free (word, TRUE);
      return g_strdup ("");
    }

  normal = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  folded = g_utf8_casefold (normal != NULL ? normal : name, -1);
  words = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);

  g_ptr_array_sort (words, compare_words);
  out = g_string_new (NULL);
  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (words, i));
    }

  return g_string_free (out, FALSE);
}

/**
 * bzw_io_looks_binary:
 *
 * Whether @data is no text file at all: a picture, an archive, a database
 * or /dev/zero renamed to .vcf or .csv.  Text in UTF-16 with a byte order
 * mark is text; otherwise a NUL byte, or more than one control character
 * in a hundred, in the first 64 KiB means binary.
 */
gboolean
bzw_io_looks_binary (const char *data,
                     gsize       length)
{
  gsize n = MIN (length, 64 * 1024);
  gsize controls = 0;

  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    return FALSE;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = data[i];

      if (c == '\0')
        return TRUE;
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
        controls++;
    }

  return controls * 100 > n;
}

void
bzw_io_set_binary_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("The file holds binary data, not contacts as vCard or CSV."));
}

static void
set_too_large (GError **error,
               gsize    max)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               _("The file is larger than %d MiB."), (int) (max / (1024 * 1024)));
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* Translators: %s are the file name and the reason, from the system. */
               _("The file “%s” could not be read: %s"), name, g_strerror (saved_errno));
}

/**
 * bzw_io_read_capped:
 * @max: the most bytes to read
 *
 * Reads a file of at most @max bytes, NUL-terminated: /dev/zero, a pipe
 * that never ends or a huge file is refused, never read until memory runs
 * out.  Binary data is refused at its first chunk.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
char *
bzw_io_read_capped (const char  *path,
                    gsize        max,
                    gsize       *length,
                    GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  gsize chunk = 1024 * 1024;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return NULL;
    }

  for (;;)
    {
      guint old_len = bytes->len;
      gssize n;

      if (bytes->len > max)
        {
          close (fd);
          set_too_large (error, max);
          return NULL;
        }
      g_byte_array_set_size (bytes, old_len + chunk);
      do
        n = read (fd, bytes->data + old_len, chunk);
      while (n < 0 && errno == EINTR);
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_errno_error (error, saved_errno, path);
          return NULL;
        }
      g_byte_array_set_size (bytes, old_len + n);
      if (n == 0)
        break;

      /* /dev/zero and the like end at their first chunk. */
      if (old_len == 0 && bzw_io_looks_binary ((const char *) bytes->data, bytes->len))
        {
          close (fd);
          bzw_io_set_binary_error (error);
          return NULL;
        }
    }

  close (fd);
  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}
