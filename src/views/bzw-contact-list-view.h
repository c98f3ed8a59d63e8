/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "bzw-contact-list.h"
#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_CONTACT_LIST_VIEW (bzw_contact_list_view_get_type ())

G_DECLARE_FINAL_TYPE (BzwContactListView, bzw_contact_list_view, BZW, CONTACT_LIST_VIEW, GtkWidget)

GtkWidget *bzw_contact_list_view_new_for_list     (BzwContactList     *list);
GArray    *bzw_contact_list_view_dup_selected_ids (BzwContactListView *self);
GArray    *bzw_contact_list_view_dup_shown_ids    (BzwContactListView *self);
void       bzw_contact_list_view_select           (BzwContactListView *self,
                                                   gint64              id);
void       bzw_contact_list_view_focus_search     (BzwContactListView *self);

G_END_DECLS
