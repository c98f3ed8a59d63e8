/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_CONTACT_EDITOR (bzw_contact_editor_get_type ())

G_DECLARE_FINAL_TYPE (BzwContactEditor, bzw_contact_editor, BZW, CONTACT_EDITOR, AdwWindow)

GtkWidget *bzw_contact_editor_new (GtkWindow  *parent,
                                   BzwStore   *store,
                                   BzwContact *contact);

G_END_DECLS
