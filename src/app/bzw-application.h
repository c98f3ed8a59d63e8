/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-contact-list.h"
#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_APPLICATION (bzw_application_get_type ())

G_DECLARE_FINAL_TYPE (BzwApplication, bzw_application, BZW, APPLICATION, AdwApplication)

BzwApplication *bzw_application_new           (void);
BzwStore       *bzw_application_get_store     (BzwApplication *self);
GSettings      *bzw_application_get_settings  (BzwApplication *self);
char           *bzw_application_dup_database_path (BzwApplication *self);
void            bzw_application_release_store (BzwApplication *self);
BzwContactList *bzw_application_steal_contact_list (BzwApplication *self,
                                                    BzwStore       *store);

G_END_DECLS
