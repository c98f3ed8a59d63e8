/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-contact-list.h"
#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_CONTACTS_VIEW (bzw_contacts_view_get_type ())

G_DECLARE_FINAL_TYPE (BzwContactsView, bzw_contacts_view, BZW, CONTACTS_VIEW, GtkWidget)

GtkWidget *bzw_contacts_view_new           (BzwStore        *store);
GtkWidget *bzw_contacts_view_new_for_list  (BzwContactList  *list);
void       bzw_contacts_view_new_contact   (BzwContactsView *self);
void       bzw_contacts_view_show_contact  (BzwContactsView *self,
                                            gint64           id);
void       bzw_contacts_view_focus_search  (BzwContactsView *self);
GArray    *bzw_contacts_view_dup_shown_ids (BzwContactsView *self);
GArray    *bzw_contacts_view_dup_selected_ids (BzwContactsView *self);
gint64     bzw_contacts_view_get_shown_contact_id (BzwContactsView *self);

G_END_DECLS
