/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "bzw-contact.h"
#include "bzw-name-order.h"

G_BEGIN_DECLS

#define BZW_TYPE_CONTACT_ROW (bzw_contact_row_get_type ())

G_DECLARE_FINAL_TYPE (BzwContactRow, bzw_contact_row, BZW, CONTACT_ROW, GtkWidget)

GtkWidget  *bzw_contact_row_new         (void);
BzwContact *bzw_contact_row_get_contact (BzwContactRow *self);
void        bzw_contact_row_set_contact (BzwContactRow *self,
                                         BzwContact    *contact);
void        bzw_contact_row_set_name_display (BzwContactRow *self,
                                              BzwNameOrder   display);
void        bzw_contact_row_set_due     (BzwContactRow *self,
                                         int            level,
                                         const char    *tooltip);

G_END_DECLS
