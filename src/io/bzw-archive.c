/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-archive"

#include "config.h"

#include "bzw-archive.h"

#include "bzw-ical-journal.h"
#include "bzw-output-file.h"
#include "bzw-vcard-writer.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The whole network as one file in open formats: a MIME message (RFC 2046
 * multipart/mixed, what e-mail attachments are) of two parts, the
 * contacts and circles as vCard 4.0 ("kontakte.vcf", the circles as
 * KIND:group cards) and the journal and relationships as iCalendar
 * ("journal.ics", see bzw-ical-journal-private.h).  It stays text; any mail
 * program opens it and saves the two files, `munpack` or Python's email
 * module split it, and the parts are what --export-vcard and a calendar
 * read.  Nothing but GLib is needed to write or read it.
 */

#define ARCHIVE_HEADER "X-Beziehungsweise-Archive"
#define SNIFF_LENGTH   4096

static char *
new_boundary (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  /* "=_" cannot start a line of a vCard or iCalendar file. */
  return g_strconcat ("=_bzw-archive-", uuid, NULL);
}

static void
append_part (GString    *out,
             const char *boundary,
             const char *media_type,
             const char *filename,
             const char *body)
{
  g_string_append_printf (out, "--%s\r\n", boundary);
  g_string_append_printf (out, "Content-Type: %s; charset=utf-8\r\n", media_type);
  g_string_append_printf (out, "Content-Disposition: attachment; filename=\"%s\"\r\n", filename);
  g_string_append (out, "Content-Transfer-Encoding: 8bit\r\n\r\n");
  g_string_append (out, body);
  if (!g_str_has_suffix (body, "\r\n"))
    g_string_append (out, "\r\n");
}

static char *
write_contacts (BzwStore  *store,
                GError   **error)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (store, error);
  g_autofree char *contacts = NULL;
  GString *out;

  if (circles == NULL)
    return NULL;
  contacts = bzw_vcard_writer_write_store (store, NULL, NULL, error);
  if (contacts == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < circles->len; i++)
    bzw_vcard_writer_append_circle (out, g_ptr_array_index (circles, i));
  g_string_append (out, contacts);
  return g_string_free (out, FALSE);
}

/**
 * bzw_archive_write_store:
 * @stamp: the time of the archive
 *
 * Returns: (transfer full): the archive of @store, or %NULL on error
 */
char *
bzw_archive_write_store (BzwStore   *store,
                         GDateTime  *stamp,
                         gsize      *length,
                         GError    **error)
{
  g_autofree char *contacts = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *boundary = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GDateTime) utc = NULL;
  GString *out;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (stamp != NULL, NULL);

  contacts = write_contacts (store, error);
  if (contacts == NULL)
    return NULL;
  journal = bzw_ical_journal_write_store (store, stamp, error);
  if (journal == NULL)
    return NULL;

  do
    {
      g_free (boundary);
      boundary = new_boundary ();
    }
  while (strstr (contacts, boundary) != NULL || strstr (journal, boundary) != NULL);

  utc = g_date_time_to_utc (stamp);
  date = g_date_time_format (utc, "%a, %d %b %Y %H:%M:%S +0000");

  out = g_string_new ("MIME-Version: 1.0\r\n");
  g_string_append_printf (out, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n", boundary);
  g_string_append (out, "Content-Transfer-Encoding: 8bit\r\n");
  g_string_append (out, ARCHIVE_HEADER ": 1\r\n");
  g_string_append (out, "Subject: Beziehungsweise archive\r\n");
  g_string_append_printf (out, "Date: %s\r\n\r\n", date);
  g_string_append (out, "An archive of Beziehungsweise: the contacts as vCard 4.0, the journal and the\r\n"
                        "relationships as iCalendar, as the two attachments of this MIME message.\r\n\r\n");
  append_part (out, boundary, "text/vcard", "kontakte.vcf", contacts);
  append_part (out, boundary, "text/calendar", "journal.ics", journal);
  g_string_append_printf (out, "--%s--\r\n", boundary);

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * bzw_archive_export_store:
 *
 * Writes the archive of @store to @path through a #BzwOutputFile, so a
 * file is never left half-written.  This is `--export-archive=FILE`.
 */
gboolean
bzw_archive_export_store (BzwStore    *store,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = bzw_archive_write_store (store, now, &length, error);
  if (data == NULL)
    return FALSE;

  if (!bzw_output_file_set_contents (path, data, length, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is a file name, then the reason. */
                   _("The archive could not be written to “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Reading */

/* The end of the header block at @from: the offset after its empty line,
 * or 0 when there is none.
 */
static gsize
headers_end (const char *data,
             gsize       length,
             gsize       from)
{
  for (gsize i = from; i < length; i++)
    {
      if (data[i] != '\n')
        continue;
      if (i + 1 < length && data[i + 1] == '\n')
        return i + 2;
      if (i + 2 < length && data[i + 1] == '\r' && data[i + 2] == '\n')
        return i + 3;
    }

  return 0;
}

/* The value of header @name in a header block, or NULL; a header folded
 * over several lines is joined.
 */
static char *
dup_header (const char *headers,
            gsize       length,
            const char *name)
{
  g_autofree char *block = g_ascii_strdown (headers, length);
  g_autofree char *key = g_strconcat ("\n", name, ":", NULL);
  g_autofree char *lines = g_strconcat ("\n", block, NULL);
  const char *start = strstr (lines, key);
  g_autoptr(GString) value = NULL;
  gsize offset;

  if (start == NULL)
    return NULL;

  /* The value as written, not lowered: boundaries are case-sensitive. */
  offset = (gsize) (start - lines) - 1 + strlen (key);
  value = g_string_new (NULL);
  for (;;)
    {
      gsize n = strcspn (headers + offset, "\r\n");

      g_string_append_len (value, headers + offset, n);
      offset += n;
      while (offset < length && (headers[offset] == '\r' || headers[offset] == '\n'))
        {
          offset++;
          if (headers[offset - 1] == '\n')
            break;
        }
      if (offset >= length || (headers[offset] != ' ' && headers[offset] != '\t'))
        break;
    }

  return g_strstrip (g_string_free (g_steal_pointer (&value), FALSE));
}

/**
 * bzw_archive_looks_like:
 *
 * Returns: whether @data starts as a MIME message of several parts
 */
gboolean
bzw_archive_looks_like (const char *data,
                        gsize       length)
{
  gsize n = MIN (length, SNIFF_LENGTH);
  gsize end = headers_end (data, n, 0);
  g_autofree char *type = NULL;
  g_autofree char *version = NULL;

  if (end == 0)
    return FALSE;

  version = dup_header (data, end, "mime-version");
  type = dup_header (data, end, "content-type");
  return version != NULL && type != NULL && g_ascii_strncasecmp (type, "multipart/", 10) == 0;
}

static char *
dup_boundary (const char *content_type)
{
  const char *p = content_type;

  while ((p = strchr (p, ';')) != NULL)
    {
      p++;
      while (*p == ' ' || *p == '\t')
        p++;
      if (g_ascii_strncasecmp (p, "boundary=", 9) != 0)
        continue;
      p += 9;
      if (*p == '"')
        return g_strndup (p + 1, strcspn (p + 1, "\""));
      return g_strndup (p, strcspn (p, "; \t"));
    }

  return NULL;
}

/* The offset of the next line that starts with "--" @boundary, or -1. */
static gssize
find_delimiter (const char *data,
                gsize       length,
                gsize       from,
                const char *delimiter)
{
  gsize n = strlen (delimiter);

  for (gsize i = from; i + n <= length; i++)
    if ((i == 0 || data[i - 1] == '\n') && memcmp (data + i, delimiter, n) == 0)
      return (gssize) i;

  return -1;
}

static GBytes *
part_body (const char *part,
           gsize       length,
           const char *encoding)
{
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "base64") == 0)
    {
      g_autofree char *text = g_strndup (part, length);
      gsize size = 0;
      guchar *bytes = g_base64_decode (text, &size);

      return g_bytes_new_take (bytes, size);
    }

  return g_bytes_new (part, length);
}

/* Files one part of the archive as the contacts or the calendar. */
static void
take_part (const char  *part,
           gsize        length,
           GBytes     **vcard,
           GBytes     **calendar)
{
  gsize end = headers_end (part, length, 0);
  g_autofree char *type = NULL;
  g_autofree char *encoding = NULL;
  GBytes **slot = NULL;

  if (end == 0 && length > 1 && (part[0] == '\n' || (part[0] == '\r' && part[1] == '\n')))
    end = part[0] == '\n' ? 1 : 2;
  if (end == 0)
    return;

  type = dup_header (part, end, "content-type");
  encoding = dup_header (part, end, "content-transfer-encoding");
  if (type != NULL && (g_ascii_strncasecmp (type, "text/vcard", 10) == 0 ||
                       g_ascii_strncasecmp (type, "text/x-vcard", 12) == 0))
    slot = vcard;
  else if (type != NULL && g_ascii_strncasecmp (type, "text/calendar", 13) == 0)
    slot = calendar;

  if (slot != NULL && *slot == NULL)
    *slot = part_body (part + end, length - end, encoding);
}

/**
 * bzw_archive_split:
 * @vcard: (out) (transfer full): the contacts part
 * @calendar: (out) (transfer full) (nullable): the journal part, %NULL
 *   when the archive has none
 *
 * Cuts an archive into its vCard and iCalendar parts.
 */
gboolean
bzw_archive_split (const char  *data,
                   gsize        length,
                   GBytes     **vcard,
                   GBytes     **calendar,
                   GError     **error)
{
  gsize end = headers_end (data, MIN (length, SNIFF_LENGTH), 0);
  g_autofree char *type = end > 0 ? dup_header (data, end, "content-type") : NULL;
  g_autofree char *boundary = type != NULL ? dup_boundary (type) : NULL;
  g_autofree char *delimiter = NULL;
  gssize at;

  g_return_val_if_fail (vcard != NULL && calendar != NULL, FALSE);

  *vcard = NULL;
  *calendar = NULL;
  if (boundary == NULL || boundary[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The archive names no boundary between its parts."));
      return FALSE;
    }

  delimiter = g_strconcat ("--", boundary, NULL);
  at = find_delimiter (data, length, end, delimiter);
  while (at >= 0)
    {
      gsize start = (gsize) at + strlen (delimiter);
      gssize next;
      gsize stop;

      if (start + 2 <= length && data[start] == '-' && data[start + 1] == '-')
        break;
      while (start < length && data[start] != '\n')
        start++;
      start = MIN (start + 1, length);
      next = find_delimiter (data, length, start, delimiter);
      stop = next >= 0 ? (gsize) next : length;
      /* The line break before a delimiter belongs to the delimiter. */
      if (stop > start && data[stop - 1] == '\n')
        stop--;
      if (stop > start && data[stop - 1] == '\r')
        stop--;
      take_part (data + start, stop - start, vcard, calendar);
      at = next;
    }

  if (*vcard == NULL)
    {
      g_clear_pointer (calendar, g_bytes_unref);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The archive has no part with contacts (text/vcard)."));
      return FALSE;
    }

  return TRUE;
}
