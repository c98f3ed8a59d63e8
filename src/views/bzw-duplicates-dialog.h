/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_DUPLICATES_DIALOG (bzw_duplicates_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BzwDuplicatesDialog, bzw_duplicates_dialog, BZW, DUPLICATES_DIALOG, AdwWindow)

GtkWidget *bzw_duplicates_dialog_new (GtkWindow *parent,
                                      BzwStore  *store);

G_END_DECLS
