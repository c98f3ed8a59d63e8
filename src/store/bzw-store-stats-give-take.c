/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Favours and referrals: what is promised, what awaits thanks, and the
 * balance of give and take.
 * The definitions of the figures are at the top of bzw-store-stats.c.
 */

#define G_LOG_DOMAIN "bzw-store-stats"

#include "config.h"

#include "bzw-store-stats-private.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const BzwColumn promised_columns[] = {
  BZW_COLUMN (BzwPromisedFavour, favour_id, BZW_COLUMN_INT64),
  BZW_COLUMN (BzwPromisedFavour, to_id, BZW_COLUMN_INT64),
  BZW_COLUMN (BzwPromisedFavour, to_name, BZW_COLUMN_TEXT),
  BZW_COLUMN (BzwPromisedFavour, description, BZW_COLUMN_TEXT),
  BZW_COLUMN (BzwPromisedFavour, day, BZW_COLUMN_TEXT),
  BZW_COLUMN (BzwPromisedFavour, due, BZW_COLUMN_TEXT),
  BZW_COLUMN (BzwPromisedFavour, value_cents, BZW_COLUMN_INT64),
};

static const BzwRowReader promised_reader =
  BZW_ROW_READER (promised_columns, NULL, "list_promised_favours");

static const BzwColumn unthanked_columns[] = {
  BZW_COLUMN (BzwUnthankedReferral, referral_id, BZW_COLUMN_INT64),
  BZW_COLUMN (BzwUnthankedReferral, giver_id, BZW_COLUMN_INT64),
  BZW_COLUMN (BzwUnthankedReferral, giver_name, BZW_COLUMN_TEXT),
  BZW_COLUMN (BzwUnthankedReferral, referred_id, BZW_COLUMN_INT64),
  BZW_COLUMN (BzwUnthankedReferral, referred_name, BZW_COLUMN_TEXT),
  BZW_COLUMN (BzwUnthankedReferral, day, BZW_COLUMN_TEXT),
  { BZW_COLUMN_SKIP, 0 },  /* state: read_unthanked_state() */
  BZW_COLUMN (BzwUnthankedReferral, value_cents, BZW_COLUMN_INT64),
};

static const BzwColumn give_take_columns[] = {
  BZW_COLUMN (BzwContactGiveTake, contact_id, BZW_COLUMN_INT64),
  BZW_COLUMN (BzwContactGiveTake, give_take.n_given, BZW_COLUMN_INT),
  BZW_COLUMN (BzwContactGiveTake, give_take.given_cents, BZW_COLUMN_INT64),
  BZW_COLUMN (BzwContactGiveTake, give_take.n_received, BZW_COLUMN_INT),
  BZW_COLUMN (BzwContactGiveTake, give_take.received_cents, BZW_COLUMN_INT64),
};

static const BzwRowReader give_take_reader =
  BZW_ROW_READER (give_take_columns, NULL, "list_give_take");

static void
read_unthanked_state (sqlite3_stmt *stmt,
                      gpointer      row)
{
  BzwUnthankedReferral *item = row;

  item->state = BZW_REFERRAL_GIVEN;
  bzw_referral_state_from_string (_bzw_store_column_text (stmt, 6), &item->state);
}

static const BzwRowReader unthanked_reader =
  BZW_ROW_READER (unthanked_columns, read_unthanked_state, "list_unthanked_referrals");

static void
clear_promised (BzwPromisedFavour *favour)
{
  g_clear_pointer (&favour->to_name, g_free);
  g_clear_pointer (&favour->description, g_free);
  g_clear_pointer (&favour->day, g_free);
  g_clear_pointer (&favour->due, g_free);
}

/**
 * bzw_store_stats_list_promised_favours:
 *
 * Returns: (transfer full) (element-type BzwPromisedFavour): favours I
 *   promised (from me, state promised), earliest due date first, those
 *   without one last.
 */
GArray *
bzw_store_stats_list_promised_favours (BzwStore  *self,
                                       GError   **error)
{
  g_autoptr(GArray) favours = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT f.id, f.to_id, coalesce (" NAME_OR_NULL_SQL ("c") ", f.to_name, ''),"
                             " f.description, f.day, f.due, f.value_cents"
                             " FROM favours f LEFT JOIN contacts c ON c.id = f.to_id"
                             " WHERE f.from_id IS NULL AND f.from_name IS NULL AND f.state = 'promised'"
                             " ORDER BY f.due IS NULL, f.due, f.day, f.id",
                             error);
  if (stmt == NULL)
    return NULL;

  favours = g_array_new (FALSE, TRUE, sizeof (BzwPromisedFavour));
  g_array_set_clear_func (favours, (GDestroyNotify) clear_promised);
  if (!_bzw_store_read_rows (self, stmt, favours, &promised_reader, error))
    return NULL;

  return g_steal_pointer (&favours);
}

static void
clear_unthanked (BzwUnthankedReferral *referral)
{
  g_clear_pointer (&referral->giver_name, g_free);
  g_clear_pointer (&referral->referred_name, g_free);
  g_clear_pointer (&referral->day, g_free);
}

/**
 * bzw_store_stats_list_unthanked_referrals:
 *
 * Returns: (transfer full) (element-type BzwUnthankedReferral): referrals
 *   someone gave me and I have not thanked for yet, oldest first.
 */
GArray *
bzw_store_stats_list_unthanked_referrals (BzwStore  *self,
                                          GError   **error)
{
  g_autoptr(GArray) referrals = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT r.id, r.giver_id, coalesce (" NAME_OR_NULL_SQL ("g") ", r.giver_name, ''),"
                             " r.referred_id, coalesce (" NAME_OR_NULL_SQL ("d") ", r.referred_name, ''),"
                             " r.day, r.state, r.value_cents"
                             " FROM referrals r LEFT JOIN contacts g ON g.id = r.giver_id"
                             " LEFT JOIN contacts d ON d.id = r.referred_id"
                             " WHERE r.receiver_id IS NULL AND r.receiver_name IS NULL AND r.thanked = 0"
                             "   AND NOT (r.giver_id IS NULL AND r.giver_name IS NULL)"
                             " ORDER BY r.day, r.id",
                             error);
  if (stmt == NULL)
    return NULL;

  referrals = g_array_new (FALSE, TRUE, sizeof (BzwUnthankedReferral));
  g_array_set_clear_func (referrals, (GDestroyNotify) clear_unthanked);
  if (!_bzw_store_read_rows (self, stmt, referrals, &unthanked_reader, error))
    return NULL;

  return g_steal_pointer (&referrals);
}

/**
 * bzw_store_stats_give_take_by_month:
 * @n_months: how many calendar months, ending with the month of @now
 *
 * Returns: (transfer full) (element-type BzwGiveTakeMonth): @n_months
 *   entries, oldest first, with what I gave and received in each.
 */
GArray *
bzw_store_stats_give_take_by_month (BzwStore   *self,
                                    GDateTime  *now,
                                    guint       n_months,
                                    GError    **error)
{
  g_autoptr(GArray) months = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  sqlite3_stmt *stmt;
  GDate first, after;
  int first_year, first_month;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (n_months > 0, NULL);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  after = first;
  g_date_add_months (&after, 1);
  g_date_subtract_months (&first, n_months - 1);
  first_year = g_date_get_year (&first);
  first_month = g_date_get_month (&first);

  months = g_array_new (FALSE, TRUE, sizeof (BzwGiveTakeMonth));
  for (guint i = 0; i < n_months; i++)
    {
      BzwGiveTakeMonth month = { 0 };
      int m = first_month - 1 + i;

      month.year = first_year + m / 12;
      month.month = m % 12 + 1;
      g_array_append_val (months, month);
    }

  start = g_strdup_printf ("%04d-%02d-01", first_year, first_month);
  end = g_strdup_printf ("%04d-%02d-01", g_date_get_year (&after), g_date_get_month (&after));

  stmt = _bzw_store_prepare (self,
                             "SELECT substr (day, 1, 7), given, count (*), sum (value_cents) FROM ("
                             "  SELECT day, " IS_ME ("from") " AS given, value_cents FROM favours"
                             "   WHERE day >= ?1 AND day < ?2 AND state = 'done'"
                             "     AND (" IS_ME ("from") " OR " IS_ME ("to") ")"
                             "  UNION ALL"
                             "  SELECT day, " IS_ME ("giver") ", value_cents FROM referrals"
                             "   WHERE day >= ?1 AND day < ?2"
                             "     AND (" IS_ME ("giver") " OR " IS_ME ("receiver") "))"
                             " GROUP BY 1, 2",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *ym = _bzw_store_column_text (stmt, 0);
      int year, month, index;
      BzwGiveTake *gt;

      if (ym == NULL || sscanf (ym, "%4d-%2d", &year, &month) != 2)
        continue;

      index = (year - first_year) * 12 + (month - first_month);
      if (index < 0 || (guint) index >= n_months)
        continue;

      gt = &g_array_index (months, BzwGiveTakeMonth, index).give_take;
      if (sqlite3_column_int (stmt, 1))
        {
          gt->n_given += sqlite3_column_int (stmt, 2);
          gt->given_cents += sqlite3_column_int64 (stmt, 3);
        }
      else
        {
          gt->n_received += sqlite3_column_int (stmt, 2);
          gt->received_cents += sqlite3_column_int64 (stmt, 3);
        }
    }
  if (!_bzw_store_finish_rows (self, stmt, rc, "give_take_by_month", error))
    return NULL;

  return g_steal_pointer (&months);
}

/**
 * bzw_store_stats_get_give_take:
 * @result: (out caller-allocates): what I gave @contact_id and received
 *   from them
 */
gboolean
bzw_store_stats_get_give_take (BzwStore     *self,
                               gint64        contact_id,
                               BzwGiveTake  *result,
                               GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);

  stmt = _bzw_store_prepare (self,
                             "SELECT given, count (*), sum (value_cents) FROM ("
                             "  SELECT 1 AS given, value_cents FROM favours"
                             "   WHERE to_id = ?1 AND state = 'done' AND " IS_ME ("from")
                             "  UNION ALL"
                             "  SELECT 0, value_cents FROM favours"
                             "   WHERE from_id = ?1 AND state = 'done' AND " IS_ME ("to")
                             "  UNION ALL"
                             "  SELECT 1, value_cents FROM referrals WHERE receiver_id = ?1 AND " IS_ME ("giver")
                             "  UNION ALL"
                             "  SELECT 0, value_cents FROM referrals WHERE giver_id = ?1 AND " IS_ME ("receiver")
                             ") GROUP BY given",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 0))
        {
          result->n_given = sqlite3_column_int (stmt, 1);
          result->given_cents = sqlite3_column_int64 (stmt, 2);
        }
      else
        {
          result->n_received = sqlite3_column_int (stmt, 1);
          result->received_cents = sqlite3_column_int64 (stmt, 2);
        }
    }

  return _bzw_store_finish_rows (self, stmt, rc, "get_give_take", error);
}

/**
 * bzw_store_stats_list_give_take:
 *
 * Returns: (transfer full) (element-type BzwContactGiveTake): what I gave
 *   and received per contact, for every contact with any, sorted by id.
 */
GArray *
bzw_store_stats_list_give_take (BzwStore  *self,
                                GError   **error)
{
  g_autoptr(GArray) list = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT id, sum (n_given), sum (given), sum (n_received), sum (received) FROM ("
                             "  SELECT to_id AS id, 1 AS n_given, value_cents AS given, 0 AS n_received,"
                             "         0 AS received FROM favours"
                             "   WHERE to_id IS NOT NULL AND state = 'done' AND " IS_ME ("from")
                             "  UNION ALL"
                             "  SELECT from_id, 0, 0, 1, value_cents FROM favours"
                             "   WHERE from_id IS NOT NULL AND state = 'done' AND " IS_ME ("to")
                             "  UNION ALL"
                             "  SELECT receiver_id, 1, value_cents, 0, 0 FROM referrals"
                             "   WHERE receiver_id IS NOT NULL AND " IS_ME ("giver")
                             "  UNION ALL"
                             "  SELECT giver_id, 0, 0, 1, value_cents FROM referrals"
                             "   WHERE giver_id IS NOT NULL AND " IS_ME ("receiver")
                             ") GROUP BY id ORDER BY id",
                             error);
  if (stmt == NULL)
    return NULL;

  list = g_array_new (FALSE, TRUE, sizeof (BzwContactGiveTake));
  if (!_bzw_store_read_rows (self, stmt, list, &give_take_reader, error))
    return NULL;

  return g_steal_pointer (&list);
}
