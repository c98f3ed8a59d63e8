/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "bzw-journal-item.h"

G_BEGIN_DECLS

#define BZW_TYPE_JOURNAL_ROW (bzw_journal_row_get_type ())

G_DECLARE_FINAL_TYPE (BzwJournalRow, bzw_journal_row, BZW, JOURNAL_ROW, GtkWidget)

GtkWidget      *bzw_journal_row_new      (void);
BzwJournalItem *bzw_journal_row_get_item (BzwJournalRow  *self);
void            bzw_journal_row_set_item (BzwJournalRow  *self,
                                          BzwJournalItem *item);

G_END_DECLS
