/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"
#include "bzw-vcard-writer.h"

G_BEGIN_DECLS

/* The command-line options that write a file and exit without a window. */

gboolean bzw_cli_print_overview (BzwStore    *store,
                                 const char  *path,
                                 const char  *contacts,
                                 const char  *grouping,
                                 gboolean     map_page,
                                 GError     **error);

gboolean bzw_cli_print_briefing (BzwStore    *store,
                                 const char  *path,
                                 const char  *contact,
                                 GDateTime   *now,
                                 GError     **error);

gboolean bzw_cli_import         (BzwStore    *store,
                                 const char  *path,
                                 GError     **error);
gboolean bzw_cli_parse_vcard_version (const char       *text,
                                      BzwVcardVersion  *version,
                                      GError          **error);
gboolean bzw_cli_export_vcard   (BzwStore         *store,
                                 const char       *path,
                                 const char       *circle,
                                 BzwVcardVersion   version,
                                 GError          **error);
gboolean bzw_cli_export_calendar (BzwStore    *store,
                                  const char  *path,
                                  GDateTime   *now,
                                  GError     **error);
gboolean bzw_cli_export_archive (BzwStore    *store,
                                 const char  *path,
                                 GError     **error);
gboolean bzw_cli_parse_map_size  (const char  *text,
                                  int         *width,
                                  int         *height,
                                  GError     **error);
gboolean bzw_cli_export_map     (BzwStore    *store,
                                 const char  *path,
                                 int          width,
                                 int          height,
                                 GError     **error);

gboolean bzw_cli_set_sync_account    (BzwStore            *store,
                                     const char          *url,
                                     GError             **error);
gboolean bzw_cli_sync                (BzwStore            *store,
                                     GError             **error);

G_END_DECLS
