/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

GMenuModel *bzw_follow_up_ui_snooze_menu    (gint64      contact_id);
GMenuModel *bzw_follow_up_ui_follow_up_menu (gint64      contact_id);
GtkWidget  *bzw_follow_up_ui_snooze_button  (gint64      contact_id,
                                             const char *name);
GtkWidget  *bzw_follow_up_ui_group          (BzwContact *contact);
GtkWidget  *bzw_follow_up_ui_talking_points_group
                                            (BzwStore   *store,
                                             BzwContact *contact);
void        bzw_follow_up_ui_reopen_point   (GtkWidget  *widget,
                                             BzwStore   *store,
                                             GVariant   *parameter);
void        bzw_follow_up_ui_snooze         (GtkWidget  *widget,
                                             BzwStore   *store,
                                             GVariant   *parameter);
void        bzw_follow_up_ui_set            (GtkWidget  *widget,
                                             BzwStore   *store,
                                             GVariant   *parameter);

G_END_DECLS
