/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "bzw-store.h"

G_BEGIN_DECLS

/* The margins of the brief, as of the overview. */
#define BZW_BRIEFING_MARGIN_SIDE_MM    15.0
#define BZW_BRIEFING_MARGIN_TOP_MM     14.0
#define BZW_BRIEFING_MARGIN_BOTTOM_MM  12.0

#define BZW_TYPE_BRIEFING (bzw_briefing_get_type ())

G_DECLARE_FINAL_TYPE (BzwBriefing, bzw_briefing, BZW, BRIEFING, GObject)

BzwBriefing *bzw_briefing_new           (BzwStore     *store,
                                         gint64        contact_id);
gboolean     bzw_briefing_load          (BzwBriefing  *self,
                                         GDateTime    *now,
                                         GError      **error);
const char  *bzw_briefing_get_name      (BzwBriefing  *self);
void         bzw_briefing_draw          (BzwBriefing  *self,
                                         cairo_t      *cr,
                                         double        width,
                                         double        height);
gboolean     bzw_briefing_write_pdf     (BzwBriefing  *self,
                                         const char   *path,
                                         GError      **error);
gint64       bzw_briefing_find_contact  (BzwStore     *store,
                                         const char   *name_or_id,
                                         GError      **error);

G_END_DECLS
