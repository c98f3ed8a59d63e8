/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_CIRCLE_MENU (bzw_circle_menu_get_type ())

G_DECLARE_FINAL_TYPE (BzwCircleMenu, bzw_circle_menu, BZW, CIRCLE_MENU, GObject)

BzwCircleMenu *bzw_circle_menu_new          (BzwStore      *store);
void           bzw_circle_menu_set_contacts (BzwCircleMenu *self,
                                             GArray        *contact_ids);
GMenuModel    *bzw_circle_menu_get_model    (BzwCircleMenu *self);
GActionGroup  *bzw_circle_menu_get_actions  (BzwCircleMenu *self);

G_END_DECLS
