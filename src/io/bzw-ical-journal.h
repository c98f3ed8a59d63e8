/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "bzw-store.h"

G_BEGIN_DECLS

/* What an import of the journal did. */
typedef struct
{
  guint entries;        /* encounters, favours and referrals added */
  guint relationships;  /* relationships added */
  guint talking_points; /* talking points added */
  guint skipped;        /* already there (same UID) */
  guint failed;         /* could not be read, or name no known contact */
} BzwIcalJournalCounts;

/* The contact of a vCard UID, or an encounter of an iCalendar UID: 0 when
 * there is none.  @table is "contacts" or "encounters".
 */
typedef gint64 (*BzwIcalResolve) (const char *table,
                                  const char *uid,
                                  gpointer    data);

typedef struct _BzwIcalJournal BzwIcalJournal;

char           *bzw_ical_journal_write_store         (BzwStore              *store,
                                                      GDateTime             *stamp,
                                                      GError               **error);
BzwIcalJournal *bzw_ical_journal_parse               (const char            *text,
                                                      gsize                  length,
                                                      GError               **error);
void            bzw_ical_journal_free                (BzwIcalJournal        *journal);
guint           bzw_ical_journal_get_n_entries       (BzwIcalJournal        *journal);
guint           bzw_ical_journal_get_n_relationships (BzwIcalJournal        *journal);
gboolean        bzw_ical_journal_import              (BzwIcalJournal        *journal,
                                                      BzwStore              *store,
                                                      BzwIcalResolve         resolve,
                                                      gpointer               data,
                                                      BzwIcalJournalCounts  *counts,
                                                      GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwIcalJournal, bzw_ical_journal_free)

G_END_DECLS
