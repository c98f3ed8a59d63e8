/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_OVERVIEW_VIEW (bzw_overview_view_get_type ())

G_DECLARE_FINAL_TYPE (BzwOverviewView, bzw_overview_view, BZW, OVERVIEW_VIEW, GtkWidget)

GtkWidget *bzw_overview_view_new (BzwStore *store);

G_END_DECLS
