/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_CONTACT_PICKER (bzw_contact_picker_get_type ())

G_DECLARE_FINAL_TYPE (BzwContactPicker, bzw_contact_picker, BZW, CONTACT_PICKER, GtkWidget)

GtkWidget  *bzw_contact_picker_new            (BzwStore         *store,
                                               const char       *placeholder);
gint64      bzw_contact_picker_get_contact_id (BzwContactPicker *self);
const char *bzw_contact_picker_get_text       (BzwContactPicker *self);
void        bzw_contact_picker_set_contact_id (BzwContactPicker *self,
                                               gint64            id);
void        bzw_contact_picker_set_text       (BzwContactPicker *self,
                                               const char       *text);
void        bzw_contact_picker_exclude        (BzwContactPicker *self,
                                               gint64            id);

G_END_DECLS
