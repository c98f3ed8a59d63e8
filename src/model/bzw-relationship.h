/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS


#define BZW_TYPE_RELATIONSHIP (bzw_relationship_get_type ())

G_DECLARE_FINAL_TYPE (BzwRelationship, bzw_relationship, BZW, RELATIONSHIP, GObject)

BzwRelationship * bzw_relationship_new          (void);
BzwRelationship * bzw_relationship_copy         (BzwRelationship *self);
gint64            bzw_relationship_get_id       (BzwRelationship *self);
void              bzw_relationship_set_id       (BzwRelationship *self,
                                                 gint64 id);
const char *      bzw_relationship_get_uid      (BzwRelationship *self);
void              bzw_relationship_set_uid      (BzwRelationship *self,
                                                 const char *uid);
gint64            bzw_relationship_get_a_id     (BzwRelationship *self);
void              bzw_relationship_set_a_id     (BzwRelationship *self,
                                                 gint64 a_id);
gint64            bzw_relationship_get_b_id     (BzwRelationship *self);
void              bzw_relationship_set_b_id     (BzwRelationship *self,
                                                 gint64 b_id);
const char *      bzw_relationship_get_kind     (BzwRelationship *self);
void              bzw_relationship_set_kind     (BzwRelationship *self,
                                                 const char *kind);
int               bzw_relationship_get_strength (BzwRelationship *self);
void              bzw_relationship_set_strength (BzwRelationship *self,
                                                 int strength);
const char *      bzw_relationship_get_since    (BzwRelationship *self);
void              bzw_relationship_set_since    (BzwRelationship *self,
                                                 const char *since);
const char *      bzw_relationship_get_note     (BzwRelationship *self);
void              bzw_relationship_set_note     (BzwRelationship *self,
                                                 const char *note);



G_END_DECLS
