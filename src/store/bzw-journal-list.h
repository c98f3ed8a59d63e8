/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "bzw-journal-item.h"
#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_JOURNAL_LIST (bzw_journal_list_get_type ())

G_DECLARE_FINAL_TYPE (BzwJournalList, bzw_journal_list, BZW, JOURNAL_LIST, GObject)

BzwJournalList *bzw_journal_list_new            (BzwStore              *store);
void            bzw_journal_list_set_query      (BzwJournalList        *self,
                                                 const BzwJournalQuery *query);
void            bzw_journal_list_load_all       (BzwJournalList        *self);
char           *bzw_journal_list_dup_party_name (BzwJournalList        *self,
                                                 const BzwParty        *party);

G_END_DECLS
