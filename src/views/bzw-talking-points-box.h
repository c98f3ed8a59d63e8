/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_TALKING_POINTS_BOX (bzw_talking_points_box_get_type ())

G_DECLARE_FINAL_TYPE (BzwTalkingPointsBox, bzw_talking_points_box, BZW, TALKING_POINTS_BOX, GtkWidget)

GtkWidget *bzw_talking_points_box_new            (BzwStore            *store);
void       bzw_talking_points_box_set_people     (BzwTalkingPointsBox *self,
                                                  GArray              *participants);
GArray    *bzw_talking_points_box_dup_checked    (BzwTalkingPointsBox *self);
gboolean   bzw_talking_points_box_save_encounter (BzwTalkingPointsBox *self,
                                                  BzwEncounter        *encounter,
                                                  GError             **error);

G_END_DECLS
