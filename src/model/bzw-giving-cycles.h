/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BZW_GIVING_CYCLE_MAX_LENGTH 4

/* Someone gave something to someone: favours done and referrals given,
 * added up per pair.  Contact id 0 is „Ich“.
 */
typedef struct
{
  gint64 from_id;
  gint64 to_id;
  guint  count;
  gint64 value_cents;
} BzwGivingEdge;

/* Ich → contact_ids[0] → … → contact_ids[length - 2] → Ich. */
typedef struct
{
  guint   length;
  gint64  contact_ids[BZW_GIVING_CYCLE_MAX_LENGTH - 1];
  char   *names[BZW_GIVING_CYCLE_MAX_LENGTH - 1];
  gint64  value_cents;
  guint   count;
} BzwGivingCycle;

GArray *bzw_giving_cycles_find (const BzwGivingEdge *edges,
                                gsize                n_edges,
                                guint                max_length,
                                guint                max_cycles,
                                guint               *n_found);

G_END_DECLS
