/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-cli"

#include "config.h"

#include "bzw-cli.h"
#include "bzw-importer.h"
#include "bzw-map-export.h"
#include "bzw-overview-options.h"
#include "bzw-overview-renderer.h"
#include "bzw-vcard-writer.h"

#include <glib/gi18n.h>

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
  return TRUE;
}

gboolean
bzw_cli_export_vcard (BzwStore    *store,
                      const char  *path,
                      GError     **error)
{
  return bzw_vcard_export_store (store, NULL, path, error);
}

gboolean
bzw_cli_export_map (BzwStore    *store,
                    const char  *path,
                    GError     **error)
{
  return bzw_map_export_store_to_file (store, path, error);
}
