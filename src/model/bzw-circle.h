/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS


#define BZW_TYPE_CIRCLE (bzw_circle_get_type ())

G_DECLARE_FINAL_TYPE (BzwCircle, bzw_circle, BZW, CIRCLE, GObject)

BzwCircle *  bzw_circle_new                (void);
BzwCircle *  bzw_circle_copy               (BzwCircle *self);
gint64       bzw_circle_get_id             (BzwCircle *self);
void         bzw_circle_set_id             (BzwCircle *self,
                                            gint64 id);
const char * bzw_circle_get_uid            (BzwCircle *self);
void         bzw_circle_set_uid            (BzwCircle *self,
                                            const char *uid);
const char * bzw_circle_get_name           (BzwCircle *self);
void         bzw_circle_set_name           (BzwCircle *self,
                                            const char *name);
const char * bzw_circle_get_color          (BzwCircle *self);
void         bzw_circle_set_color          (BzwCircle *self,
                                            const char *color);
int          bzw_circle_get_interval_ideal (BzwCircle *self);
void         bzw_circle_set_interval_ideal (BzwCircle *self,
                                            int interval_ideal);
int          bzw_circle_get_interval_max   (BzwCircle *self);
void         bzw_circle_set_interval_max   (BzwCircle *self,
                                            int interval_max);
int          bzw_circle_get_position       (BzwCircle *self);
void         bzw_circle_set_position       (BzwCircle *self,
                                            int position);
int          bzw_circle_get_lead_days      (BzwCircle *self);
void         bzw_circle_set_lead_days      (BzwCircle *self,
                                            int lead_days);



G_END_DECLS
