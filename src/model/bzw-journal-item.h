/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "bzw-enums.h"

G_BEGIN_DECLS

#define BZW_TYPE_JOURNAL_ITEM (bzw_journal_item_get_type ())

G_DECLARE_FINAL_TYPE (BzwJournalItem, bzw_journal_item, BZW, JOURNAL_ITEM, GObject)

/* One row of the journal timeline, ready to show: what happened, with whom,
 * when, and whether it can move on to a next state.
 */
BzwJournalItem *bzw_journal_item_new            (BzwJournalKind  kind,
                                                 gint64          id,
                                                 gint64          when);
BzwJournalKind  bzw_journal_item_get_kind       (BzwJournalItem *self);
gint64          bzw_journal_item_get_id         (BzwJournalItem *self);
gint64          bzw_journal_item_get_when       (BzwJournalItem *self);
const char     *bzw_journal_item_get_title      (BzwJournalItem *self);
const char     *bzw_journal_item_get_summary    (BzwJournalItem *self);
const char     *bzw_journal_item_get_icon_name  (BzwJournalItem *self);
const char     *bzw_journal_item_get_state      (BzwJournalItem *self);
const char     *bzw_journal_item_get_next_state (BzwJournalItem *self);
const char     *bzw_journal_item_get_month      (BzwJournalItem *self);
void            bzw_journal_item_set_texts      (BzwJournalItem *self,
                                                 const char     *title,
                                                 const char     *summary,
                                                 const char     *icon_name,
                                                 const char     *state,
                                                 const char     *next_state);
void            bzw_journal_item_set_month      (BzwJournalItem *self,
                                                 const char     *month);

G_END_DECLS
