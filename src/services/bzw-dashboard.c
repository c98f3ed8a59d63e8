/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The „Überblick“ in one call.  It lives beside the store because it reads
 * through it, but holds no SQL: every query is in bzw-store-stats.c.
 *
 * bzw_dashboard_compute() opens a connection of its own, read-only, on the
 * database file, because an SQLite connection must not be shared between
 * threads (see bzw_store_stats_open_reader()); all queries run in one read
 * transaction, so the figures agree with each other even while the app
 * writes.
 */

#define G_LOG_DOMAIN "bzw-dashboard"

#include "config.h"

#include "bzw-dashboard.h"

typedef struct
{
  char      *db_path;
  GDateTime *now;
} ComputeData;

static void
compute_data_free (ComputeData *compute)
{
  g_free (compute->db_path);
  g_date_time_unref (compute->now);
  g_free (compute);
}

void
bzw_dashboard_free (BzwDashboard *dashboard)
{
  if (dashboard == NULL)
    return;

  g_clear_pointer (&dashboard->activity, g_array_unref);
  g_clear_pointer (&dashboard->due, g_array_unref);
  g_clear_pointer (&dashboard->occasions, g_array_unref);
  g_clear_pointer (&dashboard->follow_ups, g_array_unref);
  g_clear_pointer (&dashboard->planned, g_array_unref);
  g_clear_pointer (&dashboard->past_planned, g_array_unref);
  g_clear_pointer (&dashboard->long_unseen, g_array_unref);
  g_clear_pointer (&dashboard->introducers, g_array_unref);
  g_clear_pointer (&dashboard->promised_favours, g_array_unref);
  g_clear_pointer (&dashboard->unthanked_referrals, g_array_unref);
  g_clear_pointer (&dashboard->give_take_months, g_array_unref);
  g_clear_pointer (&dashboard->encounters_per_week, g_array_unref);
  g_clear_pointer (&dashboard->second_degree, g_array_unref);
  g_clear_pointer (&dashboard->introductions, g_array_unref);
  g_clear_pointer (&dashboard->giving_cycles, g_array_unref);
  g_free (dashboard);
}

/* The follow-ups of the next 30 days, those due included. */
static GArray *
list_follow_ups (BzwStore   *store,
                 GDateTime  *now,
                 GError    **error)
{
  g_autoptr(GDateTime) until = g_date_time_add_days (now, BZW_DASHBOARD_OCCASION_DAYS);
  g_autofree char *day = g_date_time_format (until, "%Y-%m-%d");

  return bzw_store_list_follow_ups (store, day, error);
}

static gboolean
compute_parts (BzwStore     *store,
               GDateTime    *now,
               BzwDashboard  *dashboard,
               GError      **error)
{
  /* One pass over the journal serves the activity, the counts, the due and
   * long-unseen lists, the reach and the muscle chart.
   */
  if (!bzw_store_stats_scan_journal (store, now, BZW_DASHBOARD_N_WEEKS, &dashboard->activity,
                                     &dashboard->encounters_per_week, error))
    return FALSE;

  bzw_contact_activity_count (dashboard->activity, &dashboard->n_contacts, &dashboard->n_met_last_year,
                              &dashboard->n_online_only);

  if ((dashboard->due = bzw_store_stats_list_due (store, now, FALSE, dashboard->activity, error)) == NULL ||
      (dashboard->occasions = bzw_occasions_list_upcoming (store, now, BZW_DASHBOARD_OCCASION_DAYS,
                                                           error)) == NULL ||
      (dashboard->follow_ups = list_follow_ups (store, now, error)) == NULL ||
      (dashboard->planned = bzw_store_list_planned (store, g_date_time_to_unix (now), BZW_DASHBOARD_MAX_PLANNED,
                                                    error)) == NULL ||
      (dashboard->past_planned = bzw_store_list_past_planned (store, g_date_time_to_unix (now), error)) == NULL ||
      (dashboard->long_unseen = bzw_store_stats_list_long_unseen (store, now, dashboard->activity, error)) == NULL ||
      (dashboard->introducers = bzw_store_stats_list_introducers (store, 5, error)) == NULL ||
      (dashboard->promised_favours = bzw_store_stats_list_promised_favours (store, error)) == NULL ||
      (dashboard->unthanked_referrals = bzw_store_stats_list_unthanked_referrals (store, error)) == NULL)
    return FALSE;

  dashboard->give_take_months = bzw_store_stats_give_take_by_month (store, now, BZW_DASHBOARD_N_MONTHS, error);
  if (dashboard->give_take_months == NULL)
    return FALSE;

  for (guint i = 0; i < dashboard->give_take_months->len; i++)
    {
      const BzwGiveTake *month = &g_array_index (dashboard->give_take_months, BzwGiveTakeMonth, i).give_take;

      dashboard->give_take_total.n_given += month->n_given;
      dashboard->give_take_total.given_cents += month->given_cents;
      dashboard->give_take_total.n_received += month->n_received;
      dashboard->give_take_total.received_cents += month->received_cents;
    }

  if ((dashboard->second_degree = bzw_store_stats_list_second_degree (store, dashboard->activity, error)) == NULL ||
      (dashboard->introductions = bzw_store_stats_list_introductions (store, BZW_DASHBOARD_MAX_INTRODUCTIONS,
                                                                     error)) == NULL ||
      (dashboard->giving_cycles = bzw_store_stats_list_giving_cycles (store, BZW_GIVING_CYCLE_MAX_LENGTH,
                                                                     BZW_DASHBOARD_MAX_CYCLES,
                                                                     &dashboard->n_giving_cycles, error)) == NULL)
    return FALSE;

  return TRUE;
}

/**
 * bzw_dashboard_compute_for_store:
 *
 * Computes the dashboard on @store, in the calling thread, which must be
 * the thread that uses @store.
 *
 * Returns: (transfer full): the dashboard, or %NULL with @error set
 */
BzwDashboard *
bzw_dashboard_compute_for_store (BzwStore   *store,
                                GDateTime  *now,
                                GError    **error)
{
  g_autoptr(BzwDashboard) dashboard = NULL;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!bzw_store_stats_begin_snapshot (store, error))
    return NULL;

  dashboard = g_new0 (BzwDashboard, 1);
  dashboard->computed_at = g_date_time_to_unix (now);
  ok = compute_parts (store, now, dashboard, error);
  bzw_store_stats_end_snapshot (store);

  if (!ok)
    return NULL;

  return g_steal_pointer (&dashboard);
}

/**
 * bzw_dashboard_compute:
 * @db_path: the database file
 * @now: the current time, in the user's time zone
 *
 * Opens its own read-only connection to @db_path, so it may run in any
 * thread, e.g. in a #GTask.  The app must have opened @db_path with
 * bzw_store_open() before, which checks and migrates the file.
 *
 * Returns: (transfer full): the dashboard, or %NULL with @error set
 */
BzwDashboard *
bzw_dashboard_compute (const char  *db_path,
                      GDateTime   *now,
                      GError     **error)
{
  g_autoptr(BzwStore) store = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  store = bzw_store_stats_open_reader (db_path, error);
  if (store == NULL)
    return NULL;

  return bzw_dashboard_compute_for_store (store, now, error);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  GError *error = NULL;
  BzwDashboard *dashboard;

  if (g_task_return_error_if_cancelled (task))
    return;

  dashboard = bzw_dashboard_compute (data->db_path, data->now, &error);
  if (dashboard == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dashboard, (GDestroyNotify) bzw_dashboard_free);
}

/**
 * bzw_dashboard_compute_async:
 *
 * Runs bzw_dashboard_compute() in a worker thread.
 */
void
bzw_dashboard_compute_async (const char          *db_path,
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
  g_task_set_source_tag (task, bzw_dashboard_compute_async);
  g_task_set_task_data (task, data, (GDestroyNotify) compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

BzwDashboard *
bzw_dashboard_compute_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
