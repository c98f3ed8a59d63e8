/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_CONTACT_PAGE (bzw_contact_page_get_type ())

G_DECLARE_FINAL_TYPE (BzwContactPage, bzw_contact_page, BZW, CONTACT_PAGE, GtkWidget)

GtkWidget *bzw_contact_page_new            (BzwStore       *store);
gint64     bzw_contact_page_get_contact_id (BzwContactPage *self);
void       bzw_contact_page_set_contact_id (BzwContactPage *self,
                                            gint64          id);

G_END_DECLS
