/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-cli"

#include "config.h"

#include "bzw-cli.h"

#include "bzw-archive.h"
#include "bzw-briefing.h"
#include "bzw-calendar-export.h"
#include "bzw-importer.h"
#include "bzw-map-export.h"
#include "bzw-output-file.h"
#include "bzw-overview-options.h"
#include "bzw-overview-renderer.h"
#include "bzw-sync-account.h"
#include "bzw-vcard-writer.h"

#include <glib/gi18n.h>
#include <string.h>

gboolean
bzw_cli_print_overview (BzwStore    *store,
                        const char  *path,
                        const char  *contacts,
                        const char  *grouping,
                        gboolean     map_page,
                        GError     **error)
{
  g_autoptr(BzwOverviewOptions) options = bzw_overview_options_new ();

  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” does not end in “.pdf”; the overview is written as PDF."), path);
      return FALSE;
    }

  if ((contacts != NULL && !bzw_overview_options_parse_selection (options, store, contacts, error)) ||
      (grouping != NULL && !bzw_overview_options_parse_grouping (options, grouping, error)))
    return FALSE;

  bzw_overview_options_set_include_map (options, map_page);
  return bzw_overview_write_pdf (store, options, path, error);
}

/* --print-briefing=FILE.pdf --briefing-contact=NAME-OR-ID: the meeting
 * brief of one contact, one A4 page.
 */
gboolean
bzw_cli_print_briefing (BzwStore    *store,
                        const char  *path,
                        const char  *contact,
                        GDateTime   *now,
                        GError     **error)
{
  g_autoptr(BzwBriefing) briefing = NULL;
  gint64 id;

  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” does not end in “.pdf”; the meeting brief is written as PDF."), path);
      return FALSE;
    }
  if (contact == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("--print-briefing needs --briefing-contact=NAME-OR-ID: whose brief to write."));
      return FALSE;
    }

  id = bzw_briefing_find_contact (store, contact, error);
  if (id == 0)
    return FALSE;

  briefing = bzw_briefing_new (store, id);
  return bzw_briefing_load (briefing, now, error) && bzw_briefing_write_pdf (briefing, path, error);
}

/* Imports in one transaction; contacts already there are merged.  Cards
 * that cannot be read are named with their line on stderr; they do not
 * stop the others.
 */
gboolean
bzw_cli_import (BzwStore    *store,
                const char  *path,
                GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  BzwImportSummary summary = { 0 };

  if (!bzw_importer_import_file (store, path, BZW_IMPORT_ACTION_MERGE, &summary, &problems, error))
    return FALSE;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const BzwParseProblem *problem = g_ptr_array_index (problems, i);

      /* Translators: a card of an imported file that could not be read. */
      g_printerr (_("Line %u: %s\n"), problem->line, problem->message);
    }

  g_print (_("%u new, %u merged, %u skipped, %u could not be read\n"),
           summary.added, summary.merged, summary.skipped, summary.failed);
  if (summary.entries + summary.relationships + summary.entries_skipped + summary.entries_failed > 0)
    /* Translators: the second line after importing an archive. */
    g_print (_("%u journal entries, %u relationships; %u already there, %u could not be read\n"),
             summary.entries, summary.relationships, summary.entries_skipped, summary.entries_failed);
  return TRUE;
}

/* "4.0" (the default) or "3.0", for --vcard-version. */
gboolean
bzw_cli_parse_vcard_version (const char       *text,
                             BzwVcardVersion  *version,
                             GError          **error)
{
  if (text == NULL || g_str_equal (text, "4.0") || g_str_equal (text, "4"))
    *version = BZW_VCARD_VERSION_4_0;
  else if (g_str_equal (text, "3.0") || g_str_equal (text, "3"))
    *version = BZW_VCARD_VERSION_3_0;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is no vCard version this app writes; use 4.0 or 3.0."), text);
      return FALSE;
    }

  return TRUE;
}

/* The id of the circle called @name (case does not matter), or 0. */
static gint64
find_circle (BzwStore    *store,
             const char  *name,
             GError     **error)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (store, error);
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  if (circles == NULL)
    return 0;

  for (guint i = 0; i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);
      g_autofree char *folded = g_utf8_casefold (bzw_circle_get_name (circle), -1);

      if (g_str_equal (folded, wanted))
        return bzw_circle_get_id (circle);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no circle called “%s”."), name);
  return 0;
}

/* --export-vcard=FILE, with --export-circle=NAME only that circle's
 * contacts (archived ones too, as the whole export has them).
 */
gboolean
bzw_cli_export_vcard (BzwStore         *store,
                      const char       *path,
                      const char       *circle,
                      BzwVcardVersion   version,
                      GError          **error)
{
  BzwContactQuery query = { .include_archived = TRUE };
  g_autoptr(GArray) ids = NULL;

  if (circle == NULL)
    return bzw_vcard_export_store_as (store, NULL, version, path, error);

  query.circle_id = find_circle (store, circle, error);
  if (query.circle_id == 0)
    return FALSE;

  ids = bzw_store_list_contact_ids (store, &query, error);
  return ids != NULL && bzw_vcard_export_store_as (store, ids, version, path, error);
}

/* --export-archive=FILE: the whole network in one file (bzw-archive.c). */
gboolean
bzw_cli_export_archive (BzwStore    *store,
                        const char  *path,
                        GError     **error)
{
  return bzw_archive_export_store (store, path, error);
}

#define MAP_SIZE_MIN 100
#define MAP_SIZE_MAX 10000

/* --map-size=WIDTHxHEIGHT: NULL leaves both 0, the size of the whole map. */
gboolean
bzw_cli_parse_map_size (const char  *text,
                        int         *width,
                        int         *height,
                        GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint64 w = 0, h = 0;

  *width = *height = 0;
  if (text == NULL)
    return TRUE;

  parts = g_strsplit_set (text, "xX", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, MAP_SIZE_MIN, MAP_SIZE_MAX, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, MAP_SIZE_MIN, MAP_SIZE_MAX, &h, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is what was given, e.g. 1280-800; keep WIDTHxHEIGHT as one word. */
                   _("“%s” is not a map size: give it as WIDTHxHEIGHT in pixels, "
                     "each from %d to %d, e.g. 1280x800."),
                   text, MAP_SIZE_MIN, MAP_SIZE_MAX);
      return FALSE;
    }

  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

/* --export-map=FILE: the whole map with its legend beside it, or with
 * --map-size what the window of that size shows after „Einpassen“.
 */
gboolean
bzw_cli_export_map (BzwStore    *store,
                    const char  *path,
                    int          width,
                    int          height,
                    GError     **error)
{
  if (width > 0 && height > 0)
    return bzw_map_export_store_sized (store, path, width, height, error);

  return bzw_map_export_store_to_file (store, path, error);
}

/* --export-calendar=FILE.ics: the dates of the network for the user's own
 * calendar, written 0600 like every export.
 */
gboolean
bzw_cli_export_calendar (BzwStore    *store,
                         const char  *path,
                         GDateTime   *now,
                         GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  text = bzw_calendar_export_text (store, now, error);
  if (text == NULL)
    return FALSE;

  if (!bzw_output_file_set_contents (path, text, strlen (text), &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is a file name, then the reason. */
                   _("The calendar could not be written to “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* --sync-account=URL: the account, never its password. */
gboolean
bzw_cli_set_sync_account (BzwStore    *store,
                          const char  *url,
                          GError     **error)
{
  return bzw_sync_account_set (store, url, error);
}

/* --sync: one two-way sync, one line on stdout. */
gboolean
bzw_cli_sync (BzwStore  *store,
              GError   **error)
{
  BzwSyncSummary summary = { 0 };
  gint64 start = g_get_monotonic_time ();

  if (!bzw_sync_account_run (store, &summary, error))
    return FALSE;

  g_debug ("Sync: %u requests in %.3f s", summary.requests, (g_get_monotonic_time () - start) / 1e6);
  /* For the tests and the bench: what the sync cost, on stderr. */
  if (g_getenv ("BZW_SYNC_STATS") != NULL)
    {
      char waited[G_ASCII_DTOSTR_BUF_SIZE];

      /* The time the requests waited for the server's answers. */
      g_ascii_formatd (waited, sizeof waited, "%.3f", summary.waited / 1e6);
      g_printerr ("requests: %u\nrendered: %u\nitems rendered: %u\nserver: %s s\n", summary.requests,
                  summary.rendered, summary.items_rendered, waited);
    }
  /* Translators: the line after a sync on the command line. */
  g_print (_("%u uploaded, %u downloaded, %u conflicts\n"), summary.uploaded, summary.downloaded, summary.conflicts);
  return TRUE;
}
