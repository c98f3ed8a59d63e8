/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-caldav-occasions"

#include "config.h"

#include "bzw-caldav-occasions.h"

#include "bzw-calendar-export.h"
#include "bzw-calendar-writer.h"
#include "bzw-store-caldav.h"

#include <string.h>

/* The items of the calendar export (bzw-calendar-export.c: birthdays,
 * anniversaries, follow-ups, keep-in-touch dates, promised favours) in the
 * journal's CalDAV calendar, one way: the app owns them.  After the
 * journal's push every item whose text differs from the one recorded is
 * written to UID.ics (If-None-Match: * when the server has none, else
 * If-Match with the ETag just listed, so the newer upload wins), recorded
 * in sync_items with the kind "occasion"; recorded occasions no longer
 * exported are deleted with If-Match.  Each carries a marker property, so
 * the journal's pull leaves them alone in every installation: one it
 * fetched is recorded with the kind "occasion-foreign" (not fetched again
 * while its ETag stays), and an installation that exports the same UID
 * with the same text (apart from DTSTAMP) only records it as its own.  The recorded text is written with a fixed
 * DTSTAMP, so nothing changed means nothing uploaded.
 *
 * Collecting the occasions reads every contact and the dashboard's
 * promised favours, so it is skipped when it cannot give anything new:
 * after a push that wrote everything, the day, the calendar and the
 * store's state of what occasions are made of
 * (bzw_store_dup_occasions_state()) are remembered; a sync on the same
 * day whose calendar did not change on the server and whose state is the
 * same does not collect them again.
 */

#define MARKER "X-BEZIEHUNGSWEISE-OCCASION"
#define SETTING_STATE "caldav-occasions-state"
#define CALENDAR_TYPE "text/calendar; charset=utf-8"
#define BATCH 50

/**
 * bzw_caldav_occasion_is_marked:
 *
 * Returns: whether @data is an occasion some installation uploaded
 */
gboolean
bzw_caldav_occasion_is_marked (const char *data)
{
  for (const char *p = data; p != NULL && (p = strstr (p, "\n" MARKER)) != NULL; p++)
    if (p[strlen ("\n" MARKER)] == ':' || p[strlen ("\n" MARKER)] == ';')
      return TRUE;
  return FALSE;
}

/**
 * bzw_caldav_occasion_record_foreign:
 *
 * Records the marked resource @data the pull fetched, inside the
 * caller's transaction, so the pull skips it while its ETag stays.
 */
gboolean
bzw_caldav_occasion_record_foreign (BzwStore   *store,
                                    const char *path,
                                    const char *etag,
                                    const char *data,
                                    GError    **error)
{
  const char *at = strstr (data, "\nUID:");
  g_autofree char *uid = NULL;

  if (at == NULL)
    return TRUE;
  at += strlen ("\nUID:");
  uid = g_strndup (at, strcspn (at, "\r\n"));
  if (uid[0] == '\0')
    return TRUE;
  return bzw_store_set_sync_item (store, uid, BZW_CALDAV_OCCASION_FOREIGN_KIND, path, etag, data,
                                  error);
}

/* @item as a calendar of its own with the marker, its DTSTAMP @stamp. */
static char *
occasion_text (BzwCalendarItem *item,
               GDateTime       *stamp)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autofree char *text = NULL;
  const char *at;

  g_ptr_array_add (one, item);
  text = bzw_calendar_write (one, stamp);
  at = strstr (text, "\r\nUID:");
  if (at == NULL)
    return g_steal_pointer (&text);
  return g_strdup_printf ("%.*s\r\n" MARKER ":1%s", (int) (at - text), text, at);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* @text unfolded, without DTSTAMP and PRODID, its lines sorted: what two
 * installations compare (a server may write the lines anew).
 */
static char *
normalized (const char *text)
{
  g_autoptr(GString) unfolded = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GString) result = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n' && (p[1] == ' ' || p[1] == '\t'))
        {
          p++;
          continue;
        }
      g_string_append_c (unfolded, *p);
    }

  lines = g_strsplit (unfolded->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' &&
        g_ascii_strncasecmp (lines[i], "DTSTAMP", 7) != 0 &&
        g_ascii_strncasecmp (lines[i], "PRODID", 6) != 0)
      g_ptr_array_add (kept, lines[i]);
  g_ptr_array_sort (kept, compare_lines);

  for (guint i = 0; i < kept->len; i++)
    g_string_append_printf (result, "%s\n", (const char *) g_ptr_array_index (kept, i));
  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* UID.ics, the same in every installation (a hash of a uid unsafe in a path). */
static char *
occasion_path (const char *calendar,
               const char *uid)
{
  g_autofree char *name = NULL;
  gboolean safe = *uid != '\0' && strlen (uid) < 200;

  for (const char *p = uid; safe && *p != '\0'; p++)
    safe = g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || *p == '@';

  name = safe ? g_strdup (uid) : g_compute_checksum_for_string (G_CHECKSUM_SHA1, uid, -1);
  return g_strconcat (calendar, g_str_has_suffix (calendar, "/") ? "" : "/", name, ".ics", NULL);
}

static char *
escape_path (const char *path)
{
  return g_uri_escape_string (path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
}

/* What a push did: resources written or deleted, uploads that met a 412. */
typedef struct
{
  guint written;
  guint missed;
} Counts;

/* Rows to write (item NULL: to delete), in one transaction. */
static gboolean
record (BzwStore   *store,
        GPtrArray  *done,
        GError    **error)
{
  gboolean ok = TRUE;

  if (done->len == 0)
    return TRUE;
  if (!bzw_store_begin (store, error))
    return FALSE;

  for (guint i = 0; ok && i < done->len; i++)
    {
      BzwSyncItem *d = g_ptr_array_index (done, i);

      ok = d->item != NULL
           ? bzw_store_set_sync_item (store, d->uid, d->kind, d->href, d->etag, d->item, error)
           : bzw_store_delete_sync_item (store, d->uid, error);
    }

  g_ptr_array_set_size (done, 0);
  return bzw_store_finish (store, ok, error);
}

static void
add_done (GPtrArray  *done,
          const char *uid,
          const char *href,
          const char *etag,
          const char *item)
{
  BzwSyncItem *d = g_new0 (BzwSyncItem, 1);

  d->uid = g_strdup (uid);
  d->kind = g_strdup (BZW_CALDAV_OCCASION_KIND);
  d->href = g_strdup (href);
  d->etag = g_strdup (etag);
  d->item = g_strdup (item);
  g_ptr_array_add (done, d);
}

/* Uploads @item where needed; FALSE only for an error that ends the sync. */
static gboolean
push_one (BzwDavClient     *client,
          const char       *calendar,
          GHashTable       *server,
          GHashTable       *rows,
          BzwCalendarItem  *item,
          GDateTime        *now,
          GDateTime        *epoch,
          GPtrArray        *done,
          Counts           *counts,
          GError          **error)
{
  g_autofree char *recorded = occasion_text (item, epoch);
  BzwSyncItem *row = g_hash_table_lookup (rows, item->uid);
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  g_autoptr(BzwDavReply) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *server_etag;
  const char *data = NULL;

  if (row != NULL && g_str_equal (row->kind, BZW_CALDAV_OCCASION_FOREIGN_KIND))
    {
      /* Another installation's: ours now, written unless the same. */
      data = row->item;
      path = g_strdup (row->href);
      row = NULL;
    }
  else if (row != NULL && !g_str_equal (row->kind, BZW_CALDAV_OCCASION_KIND))
    return TRUE;  /* a uid of the journal: not ours to write */
  if (row != NULL && g_str_equal (row->item, recorded))
    return TRUE;

  if (path == NULL)
    path = row != NULL ? g_strdup (row->href) : occasion_path (calendar, item->uid);
  server_etag = g_hash_table_lookup (server, path);

  /* Another installation uploaded it: the same text is only recorded. */
  if (row == NULL && server_etag != NULL && data != NULL)
    {
      g_autofree char *theirs = normalized (data);
      g_autofree char *ours = normalized (recorded);

      if (theirs != NULL && g_str_equal (theirs, ours))
        {
          add_done (done, item->uid, path, server_etag, recorded);
          return TRUE;
        }
    }

  text = occasion_text (item, now);
  escaped = escape_path (path);
  reply = bzw_dav_client_put_typed (client, escaped, CALENDAR_TYPE, text, server_etag, &local_error);
  if (reply == NULL)
    {
      if (!g_error_matches (local_error, BZW_DAV_ERROR, BZW_DAV_ERROR_PRECONDITION))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("%s changed on the server meanwhile; the next sync writes it", path);
      counts->missed++;
      return TRUE;
    }

  add_done (done, item->uid, path, reply->etag, recorded);
  counts->written++;
  return TRUE;
}

/* Recorded occasions no longer exported: deleted there. */
static gboolean
push_deletes (BzwStore        *store,
              BzwDavClient    *client,
              GHashTable      *server,
              GHashTable      *rows,
              GHashTable      *exported,
              GPtrArray       *done,
              Counts          *counts,
              GError         **error)
{
  GHashTableIter iter;
  gpointer row_data;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &row_data))
    {
      BzwSyncItem *row = row_data;
      g_autofree char *escaped = NULL;
      g_autoptr(GError) local_error = NULL;

      /* Another installation's occasion gone from the server. */
      if (g_str_equal (row->kind, BZW_CALDAV_OCCASION_FOREIGN_KIND) &&
          !g_hash_table_contains (server, row->href) && !g_hash_table_contains (exported, row->uid))
        add_done (done, row->uid, row->href, NULL, NULL);
      if (!g_str_equal (row->kind, BZW_CALDAV_OCCASION_KIND) ||
          g_hash_table_contains (exported, row->uid))
        continue;

      /* Gone there already, or written anew by another installation
       * (412): the newer upload wins, only the row goes.
       */
      escaped = escape_path (row->href);
      if (g_hash_table_contains (server, row->href) &&
          !bzw_dav_client_delete (client, escaped, row->etag, &local_error) &&
          !g_error_matches (local_error, BZW_DAV_ERROR, BZW_DAV_ERROR_PRECONDITION) &&
          !g_error_matches (local_error, BZW_DAV_ERROR, BZW_DAV_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          record (store, done, NULL);
          return FALSE;
        }
      if (local_error == NULL && g_hash_table_contains (server, row->href))
        counts->written++;
      add_done (done, row->uid, row->href, NULL, NULL);
      if (done->len >= BATCH && !record (store, done, error))
        return FALSE;
    }

  return record (store, done, error);
}

/* The day, the calendar and what the occasions are made of. */
static char *
dup_state (BzwStore    *store,
           const char  *calendar,
           GDateTime   *now,
           GError     **error)
{
  g_autofree char *made_of = bzw_store_dup_occasions_state (store, error);
  g_autofree char *day = g_date_time_format (now, "%F");

  return made_of != NULL ? g_strjoin (" ", day, made_of, calendar, NULL) : NULL;
}

/* Remembers @state (NULL: forgets it) in one transaction. */
static gboolean
save_state (BzwStore    *store,
            const char  *state,
            GError     **error)
{
  if (!bzw_store_begin (store, error))
    return FALSE;
  return bzw_store_finish (store, bzw_store_set_setting (store, SETTING_STATE, state, error), error);
}

/**
 * bzw_caldav_occasions_forget:
 *
 * Forgets what the last push wrote, in the caller's transaction (for
 * rows of sync_items forgotten): the next push collects them again.
 */
gboolean
bzw_caldav_occasions_forget (BzwStore  *store,
                             GError   **error)
{
  return bzw_store_set_setting (store, SETTING_STATE, NULL, error);
}

/* Writes @items and deletes the recorded occasions not among them. */
static gboolean
push_items (BzwStore      *store,
            BzwDavClient  *client,
            const char    *calendar,
            GHashTable    *server,
            GPtrArray     *items,
            GDateTime     *now,
            Counts        *counts,
            GError       **error)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GHashTable) exported = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func ((GDestroyNotify) bzw_sync_item_free);

  rows = bzw_store_list_sync_items (store, error);
  if (rows == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      BzwCalendarItem *item = g_ptr_array_index (items, i);

      g_hash_table_add (exported, item->uid);
      if (!push_one (client, calendar, server, rows, item, now, epoch, done, counts, error))
        {
          /* What was uploaded so far is recorded; the error wins. */
          record (store, done, NULL);
          return FALSE;
        }
      if (done->len >= BATCH && !record (store, done, error))
        return FALSE;
    }

  return record (store, done, error) &&
         push_deletes (store, client, server, rows, exported, done, counts, error);
}

/**
 * bzw_caldav_occasions_push:
 * @calendar: the calendar's unescaped path
 * @server: path → ETag of the calendar's resources, as far as this sync
 *   knows them
 * @server_unchanged: whether the calendar did not change on the server
 *   since the last sync
 *
 * Writes the export's items to the calendar (see above).
 */
gboolean
bzw_caldav_occasions_push (BzwStore        *store,
                           BzwDavClient    *client,
                           const char      *calendar,
                           GHashTable      *server,
                           gboolean         server_unchanged,
                           GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *state = dup_state (store, calendar, now, error);
  g_autofree char *last = bzw_store_dup_setting (store, SETTING_STATE);
  Counts counts = { 0, 0 };

  if (state == NULL)
    return FALSE;
  if (server_unchanged && g_strcmp0 (state, last) == 0)
    {
      g_debug ("The occasions are the ones written last time");
      return TRUE;
    }

  items = bzw_calendar_export_collect (store, now, error);
  if (items == NULL || !push_items (store, client, calendar, server, items, now, &counts, error))
    return FALSE;

  g_debug ("%u occasions written or deleted, %u to write next time", counts.written, counts.missed);
  /* An upload that met a 412 is tried again next time. */
  return save_state (store, counts.missed == 0 ? state : NULL, error);
}
