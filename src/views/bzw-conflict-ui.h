/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

GtkWidget *bzw_conflict_ui_new_group      (BzwStore   *store,
                                           BzwContact *contact);
GtkWidget *bzw_conflict_ui_new_item_group (BzwStore   *store,
                                           const char *contact_uid);

G_END_DECLS
