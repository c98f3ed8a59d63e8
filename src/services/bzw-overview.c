/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The „Überblick“ in one call.  It lives beside the store because it reads
 * through it, but holds no SQL: every query is in bzw-store-stats.c.
 *
 * bzw_overview_compute() opens a connection of its own, read-only, on the
 * database file, because an SQLite connection must not be shared between
 * threads (see bzw_store_stats_open_reader()); all queries run in one read
 * transaction, so the figures agree with each other even while the app
 * writes.
 */

#define G_LOG_DOMAIN "bzw-overview"

#include "config.h"

#include "bzw-overview.h"

typedef struct
{
  char      *db_path;
  GDateTime *now;
} ComputeData;

static void
compute_data_free (gpointer data)
{
  ComputeData *compute = data;

  g_free (compute->db_path);
  g_date_time_unref (compute->now);
  g_free (compute);
}

void
bzw_overview_free (BzwOverview *overview)
{
  if (overview == NULL)
    return;

  g_clear_pointer (&overview->activity, g_array_unref);
  g_clear_pointer (&overview->due, g_array_unref);
  g_clear_pointer (&overview->long_unseen, g_array_unref);
  g_clear_pointer (&overview->promised_favours, g_array_unref);
  g_clear_pointer (&overview->unthanked_referrals, g_array_unref);
  g_clear_pointer (&overview->give_take_months, g_array_unref);
  g_clear_pointer (&overview->encounters_per_week, g_array_unref);
  g_clear_pointer (&overview->second_degree, g_array_unref);
  g_clear_pointer (&overview->introductions, g_array_unref);
  g_clear_pointer (&overview->giving_cycles, g_array_unref);
  g_free (overview);
}

static gboolean
compute_parts (BzwStore     *store,
               GDateTime    *now,
               BzwOverview  *overview,
               GError      **error)
{
  /* One pass over the journal serves the activity, the counts, the due and
   * long-unseen lists, the reach and the muscle chart.
   */
  if (!bzw_store_stats_scan_journal (store, now, BZW_OVERVIEW_N_WEEKS, &overview->activity,
                                     &overview->encounters_per_week, error))
    return FALSE;

  bzw_contact_activity_count (overview->activity, &overview->n_contacts, &overview->n_met_last_year,
                              &overview->n_online_only);

  if ((overview->due = bzw_store_stats_list_due (store, now, FALSE, overview->activity, error)) == NULL ||
      (overview->long_unseen = bzw_store_stats_list_long_unseen (store, now, overview->activity, error)) == NULL ||
      (overview->promised_favours = bzw_store_stats_list_promised_favours (store, error)) == NULL ||
      (overview->unthanked_referrals = bzw_store_stats_list_unthanked_referrals (store, error)) == NULL)
    return FALSE;

  overview->give_take_months = bzw_store_stats_give_take_by_month (store, now, BZW_OVERVIEW_N_MONTHS, error);
  if (overview->give_take_months == NULL)
    return FALSE;

  for (guint i = 0; i < overview->give_take_months->len; i++)
    {
      const BzwGiveTake *month = &g_array_index (overview->give_take_months, BzwGiveTakeMonth, i).give_take;

      overview->give_take_total.n_given += month->n_given;
      overview->give_take_total.given_cents += month->given_cents;
      overview->give_take_total.n_received += month->n_received;
      overview->give_take_total.received_cents += month->received_cents;
    }

  if ((overview->second_degree = bzw_store_stats_list_second_degree (store, overview->activity, error)) == NULL ||
      (overview->introductions = bzw_store_stats_list_introductions (store, BZW_OVERVIEW_MAX_INTRODUCTIONS,
                                                                     error)) == NULL ||
      (overview->giving_cycles = bzw_store_stats_list_giving_cycles (store, BZW_GIVING_CYCLE_MAX_LENGTH,
                                                                     BZW_OVERVIEW_MAX_CYCLES,
                                                                     &overview->n_giving_cycles, error)) == NULL)
    return FALSE;

  return TRUE;
}

/**
 * bzw_overview_compute_for_store:
 *
 * Computes the overview on @store, in the calling thread, which must be
 * the thread that uses @store.
 *
 * Returns: (transfer full): the overview, or %NULL with @error set
 */
BzwOverview *
bzw_overview_compute_for_store (BzwStore   *store,
                                GDateTime  *now,
                                GError    **error)
{
  g_autoptr(BzwOverview) overview = NULL;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!bzw_store_stats_begin_snapshot (store, error))
    return NULL;

  overview = g_new0 (BzwOverview, 1);
  overview->computed_at = g_date_time_to_unix (now);
  ok = compute_parts (store, now, overview, error);
  bzw_store_stats_end_snapshot (store);

  if (!ok)
    return NULL;

  return g_steal_pointer (&overview);
}

/**
 * bzw_overview_compute:
 * @db_path: the database file
 * @now: the current time, in the user's time zone
 *
 * Opens its own read-only connection to @db_path, so it may run in any
 * thread, e.g. in a #GTask.  The app must have opened @db_path with
 * bzw_store_open() before, which checks and migrates the file.
 *
 * Returns: (transfer full): the overview, or %NULL with @error set
 */
BzwOverview *
bzw_overview_compute (const char  *db_path,
                      GDateTime   *now,
                      GError     **error)
{
  g_autoptr(BzwStore) store = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  store = bzw_store_stats_open_reader (db_path, error);
  if (store == NULL)
    return NULL;

  return bzw_overview_compute_for_store (store, now, error);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  GError *error = NULL;
  BzwOverview *overview;

  if (g_task_return_error_if_cancelled (task))
    return;

  overview = bzw_overview_compute (data->db_path, data->now, &error);
  if (overview == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, overview, (GDestroyNotify) bzw_overview_free);
}

/**
 * bzw_overview_compute_async:
 *
 * Runs bzw_overview_compute() in a worker thread.
 */
void
bzw_overview_compute_async (const char          *db_path,
                            GDateTime           *now,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (now != NULL);

  data = g_new0 (ComputeData, 1);
  data->db_path = g_strdup (db_path);
  data->now = g_date_time_ref (now);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bzw_overview_compute_async);
  g_task_set_task_data (task, data, compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

BzwOverview *
bzw_overview_compute_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
