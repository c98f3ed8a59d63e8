/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_DASHBOARD_VIEW (bzw_dashboard_view_get_type ())

G_DECLARE_FINAL_TYPE (BzwDashboardView, bzw_dashboard_view, BZW, DASHBOARD_VIEW, GtkWidget)

GtkWidget *bzw_dashboard_view_new (BzwStore *store);

G_END_DECLS
