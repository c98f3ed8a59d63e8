/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_CONTACT_LIST (bzw_contact_list_get_type ())

G_DECLARE_FINAL_TYPE (BzwContactList, bzw_contact_list, BZW, CONTACT_LIST, GObject)

BzwContactList *bzw_contact_list_new              (BzwStore              *store);
BzwStore       *bzw_contact_list_get_store        (BzwContactList        *self);
void            bzw_contact_list_set_query        (BzwContactList        *self,
                                                   const BzwContactQuery *query);
const char     *bzw_contact_list_get_text         (BzwContactList        *self);
void            bzw_contact_list_set_text         (BzwContactList        *self,
                                                   const char            *text);
gint64          bzw_contact_list_get_id           (BzwContactList        *self,
                                                   guint                  position);
guint           bzw_contact_list_find             (BzwContactList        *self,
                                                   gint64                 id);
GArray         *bzw_contact_list_dup_ids          (BzwContactList        *self);
guint           bzw_contact_list_get_n_cached     (BzwContactList        *self);

G_END_DECLS
