/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store-private.h"
#include "bzw-store-stats.h"

G_BEGIN_DECLS

/* What the files of the statistics share (bzw-store-stats*.c); the
 * definitions of each figure are at the top of bzw-store-stats.c.
 */

/* The name to show, as in bzw_contact_dup_best_name(), or NULL. */
#define NAME_OR_NULL_SQL(c) \
  "coalesce (nullif (" c ".display_name, ''), nullif (trim (coalesce (" c ".given_name, '') || ' ' ||" \
  " coalesce (" c ".family_name, '')), ''), " c ".organisation)"

#define NAME_SQL(c) "coalesce (" NAME_OR_NULL_SQL (c) ", '')"

#define IS_ME(side) "(" side "_id IS NULL AND " side "_name IS NULL)"

/* Contact ids are mostly dense: a table from id to position makes the
 * lookup for every row of the journal a single memory access.  Sparse ids
 * fall back to a binary search.
 */
typedef struct
{
  const GArray *activity;
  gint64        min_id;
  gsize         span;
  guint        *positions;
} IdIndex;

void                _bzw_id_index_init   (IdIndex       *index,
                                          const GArray  *activity);
void                _bzw_id_index_clear  (IdIndex       *index);
BzwContactActivity *_bzw_id_index_lookup (const IdIndex *index,
                                          gint64         contact_id);

const GArray       *_bzw_stats_ensure_activity (BzwStore      *self,
                                                GDateTime     *now,
                                                const GArray  *activity,
                                                GArray       **own,
                                                GError       **error);

G_END_DECLS
