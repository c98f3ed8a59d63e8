/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* One property of a journal entry, relationship or talking point changed
 * here and on the server to different values (bzw-caldav-merge.c), for
 * the user to settle.
 */
typedef struct
{
  char *uid;       /* the item's */
  char *title;     /* the item for people: „Gefallen: Lebenslauf lesen“ */
  char *property;  /* "DESCRIPTION", "X-BZW-STATE", … */
  char *label;     /* the property for people: „Notizen“ */
  char *local;     /* the values here, one a line */
  char *remote;    /* the values on the server, one a line */
  GStrv contacts;  /* the UIDs of the contacts the item concerns */
} BzwSyncItemConflict;

/* What settling changed, for the undo. */
typedef struct _BzwSyncItemSettled BzwSyncItemSettled;

void                bzw_sync_item_conflict_free   (BzwSyncItemConflict  *conflict);
void                bzw_sync_item_settled_free    (BzwSyncItemSettled   *settled);
GPtrArray          *bzw_sync_item_conflicts_list  (BzwStore             *store,
                                                   GError              **error);
BzwSyncItemSettled *bzw_sync_item_conflict_settle (BzwStore             *store,
                                                   const char           *uid,
                                                   const char           *property,
                                                   gboolean              keep_remote,
                                                   GError              **error);
gboolean            bzw_sync_item_conflict_undo   (BzwStore             *store,
                                                   BzwSyncItemSettled   *settled,
                                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwSyncItemConflict, bzw_sync_item_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwSyncItemSettled, bzw_sync_item_settled_free)

G_END_DECLS
