/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_ENTRY_EDITOR (bzw_entry_editor_get_type ())

G_DECLARE_FINAL_TYPE (BzwEntryEditor, bzw_entry_editor, BZW, ENTRY_EDITOR, AdwWindow)

GtkWidget *bzw_entry_editor_new (GtkWindow       *parent,
                                 BzwStore        *store,
                                 BzwJournalKind   kind,
                                 gint64           id,
                                 gint64           contact_id,
                                 GError         **error);

G_END_DECLS
