/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "bzw-map-graph.h"
#include "bzw-map-renderer.h"

G_BEGIN_DECLS

#define BZW_MAP_EXPORT_ERROR (bzw_map_export_error_quark ())

typedef enum
{
  BZW_MAP_EXPORT_ERROR_UNKNOWN_FORMAT,
  BZW_MAP_EXPORT_ERROR_FAILED,
} BzwMapExportError;

GQuark       bzw_map_export_error_quark   (void);
gboolean     bzw_map_export_to_file       (BzwMapGraph       *graph,
                                           const char        *path,
                                           GError           **error);
gboolean     bzw_map_export_to_file_full  (BzwMapGraph       *graph,
                                           const char        *path,
                                           const BzwMapView  *options,
                                           GError           **error);
gboolean     bzw_map_export_view_to_file  (BzwMapGraph       *graph,
                                           const char        *path,
                                           const BzwMapView  *view,
                                           GError           **error);
gboolean     bzw_map_export_store_to_file (BzwStore          *store,
                                           const char        *path,
                                           GError           **error);
gboolean     bzw_map_export_store_sized   (BzwStore          *store,
                                           const char        *path,
                                           int                width,
                                           int                height,
                                           GError           **error);
void         bzw_map_export_window_view   (BzwMapRenderer    *renderer,
                                           BzwMapView        *view,
                                           int                width,
                                           int                height);

BzwMapGraph *bzw_map_export_read_store    (BzwStore          *store,
                                           GError           **error);
void         bzw_map_export_draw_fitted   (BzwMapGraph       *graph,
                                           cairo_t           *cr,
                                           double             width,
                                           double             height);

G_END_DECLS
