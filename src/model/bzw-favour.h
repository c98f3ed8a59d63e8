/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>
#include "bzw-enums.h"

G_BEGIN_DECLS


#define BZW_TYPE_FAVOUR (bzw_favour_get_type ())

G_DECLARE_FINAL_TYPE (BzwFavour, bzw_favour, BZW, FAVOUR, GObject)

BzwFavour *         bzw_favour_new              (void);
BzwFavour *         bzw_favour_copy             (BzwFavour *self);
gint64              bzw_favour_get_id           (BzwFavour *self);
void                bzw_favour_set_id           (BzwFavour *self,
                                                 gint64 id);
const char *        bzw_favour_get_uid          (BzwFavour *self);
void                bzw_favour_set_uid          (BzwFavour *self,
                                                 const char *uid);
const char *        bzw_favour_get_day          (BzwFavour *self);
void                bzw_favour_set_day          (BzwFavour *self,
                                                 const char *day);
BzwFavourDirection  bzw_favour_get_direction    (BzwFavour *self);
void                bzw_favour_set_direction    (BzwFavour *self,
                                                 BzwFavourDirection direction);
BzwFavourState      bzw_favour_get_state        (BzwFavour *self);
void                bzw_favour_set_state        (BzwFavour *self,
                                                 BzwFavourState state);
const char *        bzw_favour_get_description  (BzwFavour *self);
void                bzw_favour_set_description  (BzwFavour *self,
                                                 const char *description);
gint64              bzw_favour_get_value_cents  (BzwFavour *self);
void                bzw_favour_set_value_cents  (BzwFavour *self,
                                                 gint64 value_cents);
const char *        bzw_favour_get_due          (BzwFavour *self);
void                bzw_favour_set_due          (BzwFavour *self,
                                                 const char *due);
gint64              bzw_favour_get_encounter_id (BzwFavour *self);
void                bzw_favour_set_encounter_id (BzwFavour *self,
                                                 gint64 encounter_id);


const BzwParty *bzw_favour_get_from (BzwFavour      *self);
void            bzw_favour_set_from (BzwFavour      *self,
                                     const BzwParty *from);
const BzwParty *bzw_favour_get_to   (BzwFavour      *self);
void            bzw_favour_set_to   (BzwFavour      *self,
                                     const BzwParty *to);


G_END_DECLS
