/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "bzw-map-graph.h"
#include "bzw-store.h"

G_BEGIN_DECLS

/* Which part of the journal the map counts. */
typedef enum
{
  BZW_MAP_TIME_ALL,
  BZW_MAP_TIME_YEAR,
  BZW_MAP_TIME_QUARTER,
} BzwMapTimeWindow;

#define BZW_TYPE_MAP_WIDGET (bzw_map_widget_get_type ())

G_DECLARE_FINAL_TYPE (BzwMapWidget, bzw_map_widget, BZW, MAP_WIDGET, GtkWidget)

GtkWidget   *bzw_map_widget_new                 (BzwStore          *store);
BzwStore    *bzw_map_widget_get_store           (BzwMapWidget      *self);
void         bzw_map_widget_set_store           (BzwMapWidget      *self,
                                                 BzwStore          *store);
BzwMapGraph *bzw_map_widget_get_graph           (BzwMapWidget      *self);

void         bzw_map_widget_set_edge_kinds      (BzwMapWidget      *self,
                                                 guint              edge_kinds);
guint        bzw_map_widget_get_edge_kinds      (BzwMapWidget      *self);
void         bzw_map_widget_set_circles         (BzwMapWidget      *self,
                                                 GArray            *circle_ids);
void         bzw_map_widget_set_hide_archived   (BzwMapWidget      *self,
                                                 gboolean           hide_archived);
void         bzw_map_widget_set_second_degree   (BzwMapWidget      *self,
                                                 gboolean           second_degree);
void         bzw_map_widget_set_highlight_cycles (BzwMapWidget     *self,
                                                 gboolean           highlight_cycles);
void         bzw_map_widget_set_show_legend     (BzwMapWidget      *self,
                                                 gboolean           show_legend);
void         bzw_map_widget_set_time_window     (BzwMapWidget      *self,
                                                 BzwMapTimeWindow   time_window);

void         bzw_map_widget_zoom                (BzwMapWidget      *self,
                                                 double             factor);
void         bzw_map_widget_fit                 (BzwMapWidget      *self);
gboolean     bzw_map_widget_search              (BzwMapWidget      *self,
                                                 const char        *text);
gint64       bzw_map_widget_get_selected_id     (BzwMapWidget      *self);
gboolean     bzw_map_widget_select_contact      (BzwMapWidget      *self,
                                                 gint64             contact_id);
void         bzw_map_widget_open_selected       (BzwMapWidget      *self);
const char  *bzw_map_widget_show_path          (BzwMapWidget      *self,
                                                 const char        *query);
gboolean     bzw_map_widget_is_settled          (BzwMapWidget      *self);

gboolean     bzw_map_widget_export              (BzwMapWidget      *self,
                                                 const char        *path,
                                                 gboolean           whole_map,
                                                 GError           **error);

G_END_DECLS
