/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BZW_TYPE_RESTORE_DIALOG (bzw_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BzwRestoreDialog, bzw_restore_dialog, BZW, RESTORE_DIALOG, AdwWindow)

GtkWidget *bzw_restore_dialog_new         (GtkWindow   *parent,
                                           const char  *store_path);
char      *bzw_restore_dialog_format_time (GDateTime   *created);

G_END_DECLS
