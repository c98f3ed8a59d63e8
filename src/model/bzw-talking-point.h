/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BZW_TYPE_TALKING_POINT (bzw_talking_point_get_type ())

G_DECLARE_FINAL_TYPE (BzwTalkingPoint, bzw_talking_point, BZW, TALKING_POINT, GObject)

BzwTalkingPoint *bzw_talking_point_new            (void);
gint64           bzw_talking_point_get_id         (BzwTalkingPoint *self);
void             bzw_talking_point_set_id         (BzwTalkingPoint *self,
                                                   gint64           id);
const char      *bzw_talking_point_get_uid        (BzwTalkingPoint *self);
void             bzw_talking_point_set_uid        (BzwTalkingPoint *self,
                                                   const char      *uid);
gint64           bzw_talking_point_get_contact_id (BzwTalkingPoint *self);
void             bzw_talking_point_set_contact_id (BzwTalkingPoint *self,
                                                   gint64           contact_id);
const char      *bzw_talking_point_get_text       (BzwTalkingPoint *self);
void             bzw_talking_point_set_text       (BzwTalkingPoint *self,
                                                   const char      *text);
gint64           bzw_talking_point_get_created    (BzwTalkingPoint *self);
void             bzw_talking_point_set_created    (BzwTalkingPoint *self,
                                                   gint64           created);
gint64           bzw_talking_point_get_done_at    (BzwTalkingPoint *self);
void             bzw_talking_point_set_done_at    (BzwTalkingPoint *self,
                                                   gint64           done_at);
gboolean         bzw_talking_point_is_done        (BzwTalkingPoint *self);

G_END_DECLS
