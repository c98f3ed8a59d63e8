/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-cli"

#include "config.h"

#include "bzw-cli.h"
#include "bzw-overview-options.h"
#include "bzw-overview-renderer.h"

#include <glib/gi18n.h>

gboolean
bzw_cli_print_overview (BzwStore    *store,
                        const char  *path,
                        const char  *contacts,
                        const char  *grouping,
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

  return bzw_overview_write_pdf (store, options, path, error);
}
