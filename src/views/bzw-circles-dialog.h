/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_CIRCLES_DIALOG (bzw_circles_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BzwCirclesDialog, bzw_circles_dialog, BZW, CIRCLES_DIALOG, AdwWindow)

GtkWidget *bzw_circles_dialog_new (GtkWindow *parent,
                                   BzwStore  *store);

G_END_DECLS
