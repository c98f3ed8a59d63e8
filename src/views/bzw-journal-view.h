/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_JOURNAL_VIEW (bzw_journal_view_get_type ())

G_DECLARE_FINAL_TYPE (BzwJournalView, bzw_journal_view, BZW, JOURNAL_VIEW, GtkWidget)

GtkWidget *bzw_journal_view_new          (BzwStore       *store);
void       bzw_journal_view_focus_search (BzwJournalView *self);

G_END_DECLS
