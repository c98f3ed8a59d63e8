/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_MAP_PAGE (bzw_map_page_get_type ())

G_DECLARE_FINAL_TYPE (BzwMapPage, bzw_map_page, BZW, MAP_PAGE, GtkWidget)

GtkWidget *bzw_map_page_new          (BzwStore   *store);
void       bzw_map_page_focus_search (BzwMapPage *self);

G_END_DECLS
