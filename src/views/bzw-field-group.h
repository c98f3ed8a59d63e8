/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-contact.h"

G_BEGIN_DECLS

#define BZW_TYPE_FIELD_GROUP (bzw_field_group_get_type ())

G_DECLARE_FINAL_TYPE (BzwFieldGroup, bzw_field_group, BZW, FIELD_GROUP, AdwPreferencesGroup)

BzwFieldKind bzw_field_group_get_kind   (BzwFieldGroup  *self);
void         bzw_field_group_set_kind   (BzwFieldGroup  *self,
                                         BzwFieldKind    kind);
void         bzw_field_group_set_fields (BzwFieldGroup  *self,
                                         GPtrArray      *fields);
GtkWidget   *bzw_field_group_add_field  (BzwFieldGroup  *self,
                                         const char     *label,
                                         const char     *value);
guint        bzw_field_group_get_n_rows (BzwFieldGroup  *self);
gboolean     bzw_field_group_collect    (BzwFieldGroup  *self,
                                         GPtrArray      *fields,
                                         GtkWidget     **invalid,
                                         GError        **error);

G_END_DECLS
