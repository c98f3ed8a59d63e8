/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "bzw-overview-options.h"
#include "bzw-store.h"

G_BEGIN_DECLS

/* A4 in points, and the margins the PDF uses.  The print dialog should set
 * the same margins on its GtkPageSetup so print and PDF look alike.
 */
#define BZW_OVERVIEW_A4_WIDTH          595.2756
#define BZW_OVERVIEW_A4_HEIGHT         841.8898
#define BZW_OVERVIEW_MARGIN_SIDE_MM    15.0
#define BZW_OVERVIEW_MARGIN_TOP_MM     14.0
#define BZW_OVERVIEW_MARGIN_BOTTOM_MM  12.0

#define BZW_TYPE_OVERVIEW_RENDERER (bzw_overview_renderer_get_type ())

G_DECLARE_FINAL_TYPE (BzwOverviewRenderer, bzw_overview_renderer, BZW, OVERVIEW_RENDERER, GObject)

BzwOverviewRenderer *bzw_overview_renderer_new               (BzwStore               *store,
                                                              BzwOverviewOptions     *options);
gboolean             bzw_overview_renderer_load              (BzwOverviewRenderer    *self,
                                                              GError                **error);
guint                bzw_overview_renderer_get_n_contacts    (BzwOverviewRenderer    *self);
gboolean             bzw_overview_renderer_get_due_date      (BzwOverviewRenderer    *self,
                                                              gint64                  contact_id,
                                                              GDate                  *due);
int                  bzw_overview_renderer_paginate          (BzwOverviewRenderer    *self,
                                                              cairo_t                *cr,
                                                              double                  width,
                                                              double                  height);
int                  bzw_overview_renderer_get_n_pages       (BzwOverviewRenderer    *self);
void                 bzw_overview_renderer_draw_page         (BzwOverviewRenderer    *self,
                                                              cairo_t                *cr,
                                                              int                     page_nr);
gboolean             bzw_overview_renderer_write_pdf         (BzwOverviewRenderer    *self,
                                                              const char             *path,
                                                              GError                **error);

gboolean             bzw_overview_write_pdf                  (BzwStore               *store,
                                                              BzwOverviewOptions     *options,
                                                              const char             *path,
                                                              GError                **error);

G_END_DECLS
