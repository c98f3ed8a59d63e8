/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "bzw-store.h"

G_BEGIN_DECLS

void bzw_relationship_dialog_add          (GtkWidget       *widget,
                                           BzwStore        *store,
                                           gint64           a_id,
                                           gint64           b_id);
void bzw_relationship_dialog_edit         (GtkWidget       *widget,
                                           BzwStore        *store,
                                           BzwRelationship *relationship);
gboolean bzw_relationship_dialog_edit_between (GtkWidget   *widget,
                                           BzwStore        *store,
                                           gint64           a_id,
                                           gint64           b_id);
void bzw_relationship_dialog_choose       (GtkWidget       *widget,
                                           BzwStore        *store,
                                           gint64           contact_id);

G_END_DECLS
