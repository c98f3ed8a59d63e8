/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reach: second-degree contacts, introductions and cycles of giving.
 * The definitions of the figures are at the top of bzw-store-stats.c.
 */

#define G_LOG_DOMAIN "bzw-store-stats"

#include "config.h"

#include "bzw-store-stats-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

static const BzwColumn known_columns[] = {
  BZW_COLUMN (BzwKnownPair, a_id, BZW_COLUMN_INT64),
  BZW_COLUMN (BzwKnownPair, b_id, BZW_COLUMN_INT64),
};

static const BzwRowReader known_reader =
  BZW_ROW_READER (known_columns, NULL, "list_relationships");

static const BzwColumn edge_columns[] = {
  BZW_COLUMN (BzwGivingEdge, from_id, BZW_COLUMN_INT64),
  BZW_COLUMN (BzwGivingEdge, to_id, BZW_COLUMN_INT64),
  BZW_COLUMN (BzwGivingEdge, count, BZW_COLUMN_INT),
  BZW_COLUMN (BzwGivingEdge, value_cents, BZW_COLUMN_INT64),
};

static const BzwRowReader edge_reader =
  BZW_ROW_READER (edge_columns, NULL, "list_giving_cycles");

static void
mark_second_degree (const IdIndex *index,
                    gboolean      *second,
                    gint64         a_id,
                    gint64         b_id)
{
  const GArray *activity = index->activity;
  const BzwContactActivity *a = _bzw_id_index_lookup (index, a_id);
  const BzwContactActivity *b = _bzw_id_index_lookup (index, b_id);

  if (a == NULL || b == NULL)
    return;

  if (a->direct && !b->direct && !b->archived)
    second[b - (const BzwContactActivity *) (gconstpointer) activity->data] = TRUE;
  if (b->direct && !a->direct && !a->archived)
    second[a - (const BzwContactActivity *) (gconstpointer) activity->data] = TRUE;
}

/**
 * bzw_store_stats_list_second_degree:
 * @activity: (nullable) (element-type BzwContactActivity): see
 *   bzw_store_stats_list_due()
 *
 * Returns: (transfer full) (element-type gint64): the ids of second-degree
 *   contacts (see the top of this file), sorted.
 */
GArray *
bzw_store_stats_list_second_degree (BzwStore      *self,
                                    const GArray  *activity,
                                    GError       **error)
{
  g_autoptr(GArray) own_activity = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree gboolean *second = NULL;
  IdIndex index;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  activity = _bzw_stats_ensure_activity (self, NULL, activity, &own_activity, error);
  if (activity == NULL)
    return NULL;

  /* Every pair of contacts who know each other, by any link. */
  stmt = _bzw_store_prepare (self,
                             "SELECT a_id, b_id FROM relationships"
                             " UNION ALL SELECT from_id, to_id FROM favours"
                             "  WHERE from_id IS NOT NULL AND to_id IS NOT NULL"
                             " UNION ALL SELECT giver_id, receiver_id FROM referrals"
                             "  WHERE giver_id IS NOT NULL AND receiver_id IS NOT NULL"
                             " UNION ALL SELECT giver_id, referred_id FROM referrals"
                             "  WHERE giver_id IS NOT NULL AND referred_id IS NOT NULL"
                             " UNION ALL SELECT receiver_id, referred_id FROM referrals"
                             "  WHERE receiver_id IS NOT NULL AND referred_id IS NOT NULL",
                             error);
  if (stmt == NULL)
    return NULL;

  second = g_new0 (gboolean, MAX (activity->len, 1));
  _bzw_id_index_init (&index, activity);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    mark_second_degree (&index, second, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
  _bzw_id_index_clear (&index);
  if (!_bzw_store_finish_rows (self, stmt, rc, "list_second_degree", error))
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < activity->len; i++)
    if (second[i])
      g_array_append_val (ids, g_array_index (activity, BzwContactActivity, i).contact_id);

  return g_steal_pointer (&ids);
}

/**
 * bzw_store_stats_list_introductions:
 *
 * Returns: (transfer full) (element-type BzwIntroduction): who could be
 *   introduced to whom, best first (see bzw-introductions.c); contacts that
 *   are archived are left out.
 */
GArray *
bzw_store_stats_list_introductions (BzwStore  *self,
                                    guint      max_results,
                                    GError   **error)
{
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) known = NULL;
  g_autoptr(GStringChunk) strings = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT c.id, " NAME_SQL ("c") ", c.offers, c.seeks FROM contacts c"
                             " WHERE c.archived = 0 AND (c.offers IS NOT NULL OR c.seeks IS NOT NULL)"
                             " ORDER BY c.id",
                             error);
  if (stmt == NULL)
    return NULL;

  strings = g_string_chunk_new (4096);
  candidates = g_array_new (FALSE, FALSE, sizeof (BzwIntroductionCandidate));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwIntroductionCandidate candidate;

      candidate.id = sqlite3_column_int64 (stmt, 0);
      candidate.name = g_string_chunk_insert_const (strings, _bzw_store_column_text (stmt, 1));
      candidate.offers = _bzw_store_column_text (stmt, 2) != NULL
                         ? g_string_chunk_insert (strings, _bzw_store_column_text (stmt, 2)) : NULL;
      candidate.seeks = _bzw_store_column_text (stmt, 3) != NULL
                        ? g_string_chunk_insert (strings, _bzw_store_column_text (stmt, 3)) : NULL;
      g_array_append_val (candidates, candidate);
    }
  if (!_bzw_store_finish_rows (self, stmt, rc, "list_introductions", error))
    return NULL;

  stmt = _bzw_store_prepare (self, "SELECT a_id, b_id FROM relationships", error);
  if (stmt == NULL)
    return NULL;

  known = g_array_new (FALSE, FALSE, sizeof (BzwKnownPair));
  if (!_bzw_store_read_rows (self, stmt, known, &known_reader, error))
    return NULL;

  return bzw_introductions_find ((const BzwIntroductionCandidate *) (gpointer) candidates->data, candidates->len,
                                 (const BzwKnownPair *) (gpointer) known->data, known->len,
                                 max_results);
}

/**
 * bzw_store_stats_list_giving_cycles:
 * @max_length: the longest cycle, 2…4 edges
 * @max_cycles: how many to return at most
 * @n_found: (out) (optional): how many there are in all
 *
 * Returns: (transfer full) (element-type BzwGivingCycle): cycles of giving
 *   through me, with the names of the contacts on the way.
 */
GArray *
bzw_store_stats_list_giving_cycles (BzwStore  *self,
                                    guint      max_length,
                                    guint      max_cycles,
                                    guint     *n_found,
                                    GError   **error)
{
  g_autoptr(GArray) edges = NULL;
  g_autoptr(GArray) cycles = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT s, t, count (*), sum (v) FROM ("
                             "  SELECT CASE WHEN from_id IS NOT NULL THEN from_id WHEN from_name IS NULL THEN 0 END AS s,"
                             "         CASE WHEN to_id IS NOT NULL THEN to_id WHEN to_name IS NULL THEN 0 END AS t,"
                             "         value_cents AS v FROM favours WHERE state = 'done'"
                             "  UNION ALL"
                             "  SELECT CASE WHEN giver_id IS NOT NULL THEN giver_id WHEN giver_name IS NULL THEN 0 END,"
                             "         CASE WHEN receiver_id IS NOT NULL THEN receiver_id"
                             "              WHEN receiver_name IS NULL THEN 0 END,"
                             "         value_cents FROM referrals"
                             ") WHERE s IS NOT NULL AND t IS NOT NULL GROUP BY s, t",
                             error);
  if (stmt == NULL)
    return NULL;

  edges = g_array_new (FALSE, FALSE, sizeof (BzwGivingEdge));
  if (!_bzw_store_read_rows (self, stmt, edges, &edge_reader, error))
    return NULL;

  cycles = bzw_giving_cycles_find ((const BzwGivingEdge *) (gpointer) edges->data, edges->len,
                                   max_length, max_cycles, n_found);

  stmt = _bzw_store_prepare (self, "SELECT " NAME_SQL ("c") " FROM contacts c WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < cycles->len; i++)
    {
      BzwGivingCycle *cycle = &g_array_index (cycles, BzwGivingCycle, i);

      for (guint j = 0; j + 1 < cycle->length; j++)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, cycle->contact_ids[j]);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            cycle->names[j] = _bzw_store_column_dup_text (stmt, 0);
          else if (rc != SQLITE_DONE)
            {
              _bzw_store_finish_rows (self, stmt, rc, "giving cycle names", error);
              return NULL;
            }
        }
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&cycles);
}

static void
clear_introducer (gpointer data)
{
  g_clear_pointer (&((BzwIntroducer *) data)->name, g_free);
}

/**
 * bzw_store_stats_list_introducers:
 * @limit: how many at most
 *
 * Returns: (transfer full) (element-type BzwIntroducer): the contacts
 *   through whom I met others („Kennengelernt über …“), the one who
 *   introduced most first.
 */
GArray *
bzw_store_stats_list_introducers (BzwStore  *self,
                                  guint      limit,
                                  GError   **error)
{
  g_autoptr(GArray) introducers = g_array_new (FALSE, TRUE, sizeof (BzwIntroducer));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  g_array_set_clear_func (introducers, clear_introducer);
  stmt = _bzw_store_prepare (self,
                             "SELECT c.id, " NAME_SQL ("c") ", count (*) FROM relationships r"
                             " JOIN contacts c ON c.id = r.a_id"
                             " WHERE r.kind = 'introducer' AND c.archived = 0"
                             " GROUP BY c.id ORDER BY count (*) DESC, c.sort_key, c.id LIMIT ?1",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwIntroducer introducer = {
        sqlite3_column_int64 (stmt, 0),
        _bzw_store_column_dup_text (stmt, 1),
        sqlite3_column_int (stmt, 2),
      };

      g_array_append_val (introducers, introducer);
    }
  if (!_bzw_store_finish_rows (self, stmt, rc, "list_introducers", error))
    return NULL;

  return g_steal_pointer (&introducers);
}
