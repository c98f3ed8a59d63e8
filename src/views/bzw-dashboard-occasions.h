/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-dashboard.h"

G_BEGIN_DECLS

void  bzw_dashboard_occasions_fill       (GtkWidget          *group,
                                         const BzwDashboard *dashboard,
                                         GDateTime          *now);
void  bzw_dashboard_follow_ups_fill      (GtkWidget          *group,
                                         const BzwDashboard *dashboard,
                                         GDateTime          *now);
guint bzw_dashboard_count_due_follow_ups (const BzwDashboard *dashboard);
void  bzw_dashboard_planned_fill         (GtkWidget          *group,
                                          const BzwDashboard *dashboard);
GtkWidget *bzw_dashboard_planned_banner_new (const BzwDashboard *dashboard);

G_END_DECLS
