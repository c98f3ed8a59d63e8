/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_IMPORT_DIALOG (bzw_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BzwImportDialog, bzw_import_dialog, BZW, IMPORT_DIALOG, AdwWindow)

GtkWidget *bzw_import_dialog_new (GtkWindow  *parent,
                                  BzwStore   *store,
                                  GFile      *file,
                                  GError    **error);

G_END_DECLS
