/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* One property of a contact changed here and on the server to different
 * values (bzw-carddav-merge.c), for the user to settle.
 */
typedef struct
{
  char *property;  /* "EMAIL", "TEL", "X-BZW-OFFERS", … */
  char *label;     /* the property for people: „E-Mail“ */
  char *local;     /* the values here, one a line */
  char *remote;    /* the values on the server, one a line */
} BzwSyncConflict;

void        bzw_sync_conflict_free        (BzwSyncConflict  *conflict);
GPtrArray  *bzw_sync_conflicts_list       (BzwStore         *store,
                                           BzwContact       *contact);
BzwContact *bzw_sync_conflict_settle      (BzwStore         *store,
                                           gint64            contact_id,
                                           const char       *property,
                                           gboolean          keep_remote,
                                           GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwSyncConflict, bzw_sync_conflict_free)

G_END_DECLS
