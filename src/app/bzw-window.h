/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-application.h"
#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_WINDOW (bzw_window_get_type ())

G_DECLARE_FINAL_TYPE (BzwWindow, bzw_window, BZW, WINDOW, AdwApplicationWindow)

BzwWindow *bzw_window_new (BzwApplication *app,
                           BzwStore       *store,
                           const GError   *store_error);

void       bzw_window_import_file (BzwWindow      *self,
                                   GFile          *file);

G_END_DECLS
