/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BZW_TYPE_BAR_CHART (bzw_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (BzwBarChart, bzw_bar_chart, BZW, BAR_CHART, GtkWidget)

GtkWidget *bzw_bar_chart_new        (void);
void       bzw_bar_chart_set_data   (BzwBarChart        *self,
                                     const double       *first,
                                     const double       *second,
                                     guint               n,
                                     const char * const *labels,
                                     const char         *description);
void       bzw_bar_chart_set_colors (BzwBarChart        *self,
                                     const GdkRGBA      *first,
                                     const GdkRGBA      *second);

G_END_DECLS
