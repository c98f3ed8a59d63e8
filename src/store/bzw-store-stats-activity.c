/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Strength events and the one pass over the journal that yields each
 * contact's activity, strength and first-degree ties and the weekly chart.
 * The definitions of the figures are at the top of bzw-store-stats.c.
 */

#define G_LOG_DOMAIN "bzw-store-stats"

#include "config.h"

#include "bzw-store-stats-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

static gboolean
read_event_row (sqlite3_stmt     *stmt,
                int               kind_column,
                BzwStrengthEvent *event)
{
  int kind = sqlite3_column_int (stmt, kind_column);

  /* 0: a declined favour, 3: someone I referred; both are direct ties
   * that do not count for the strength.
   */
  if (kind == 0 || kind == 3 || sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    return FALSE;

  memset (event, 0, sizeof *event);
  event->kind = kind == 1 ? BZW_STRENGTH_FAVOUR : BZW_STRENGTH_REFERRAL;
  event->when = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/**
 * bzw_store_stats_list_strength_events:
 *
 * Returns: (transfer full) (element-type BzwStrengthEvent): every dated
 *   contact with @contact_id that counts for the strength, in no order.
 */
GArray *
bzw_store_stats_list_strength_events (BzwStore  *self,
                                      gint64     contact_id,
                                      GError   **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (BzwStrengthEvent));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (contact_id > 0, NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT e.happened_at, e.channel,"
                             " (SELECT count (*) FROM encounter_participants q WHERE q.encounter_id = e.id)"
                             " FROM encounter_participants p JOIN encounters e ON e.id = p.encounter_id"
                             " WHERE p.contact_id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwStrengthEvent event = { 0 };

      event.kind = BZW_STRENGTH_ENCOUNTER;
      event.when = sqlite3_column_int64 (stmt, 0);
      if (!bzw_channel_from_string (_bzw_store_column_text (stmt, 1), &event.channel))
        continue;
      event.n_participants = sqlite3_column_int (stmt, 2);
      g_array_append_val (events, event);
    }
  if (!_bzw_store_finish_rows (self, stmt, rc, "strength encounters", error))
    return NULL;

  stmt = _bzw_store_prepare (self,
                             "SELECT ?1, unixepoch (day, '+12 hours'), state <> 'declined' FROM favours"
                             " WHERE (to_id = ?1 AND " IS_ME ("from") ") OR (from_id = ?1 AND " IS_ME ("to") ")"
                             " UNION ALL "
                             "SELECT ?1, unixepoch (day, '+12 hours'), 2 FROM referrals"
                             " WHERE (receiver_id = ?1 AND " IS_ME ("giver") ")"
                             "    OR (giver_id = ?1 AND " IS_ME ("receiver") ")",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwStrengthEvent event;

      if (read_event_row (stmt, 2, &event))
        g_array_append_val (events, event);
    }
  if (!_bzw_store_finish_rows (self, stmt, rc, "strength favours", error))
    return NULL;

  return g_steal_pointer (&events);
}

void
_bzw_id_index_init (IdIndex      *index,
               const GArray *activity)
{
  const BzwContactActivity *items = (const BzwContactActivity *) (gconstpointer) activity->data;

  memset (index, 0, sizeof *index);
  index->activity = activity;
  if (activity->len == 0)
    return;

  index->min_id = items[0].contact_id;
  index->span = items[activity->len - 1].contact_id - index->min_id + 1;
  if (index->span > 4 * (gsize) activity->len + 1024)
    return;

  index->positions = g_new (guint, index->span);
  memset (index->positions, 0xff, index->span * sizeof (guint));
  for (guint i = 0; i < activity->len; i++)
    index->positions[items[i].contact_id - index->min_id] = i;
}

void
_bzw_id_index_clear (IdIndex *index)
{
  g_clear_pointer (&index->positions, g_free);
}

BzwContactActivity *
_bzw_id_index_lookup (const IdIndex *index,
                 gint64         contact_id)
{
  guint position;

  if (index->positions == NULL)
    return (BzwContactActivity *) bzw_contact_activity_find (index->activity, contact_id);

  if (contact_id < index->min_id || (guint64) (contact_id - index->min_id) >= index->span)
    return NULL;

  position = index->positions[contact_id - index->min_id];
  if (position == G_MAXUINT)
    return NULL;

  return &g_array_index (index->activity, BzwContactActivity, position);
}

typedef struct
{
  GArray                 *activity;
  IdIndex                 index;
  BzwStrengthAccumulator *acc;
  gint64                  recent_since;
  GArray                 *weeks;
  const gint64           *bounds;
} Scan;

/**
 * bzw_contact_activity_find:
 * @activity: (element-type BzwContactActivity): as from
 *   bzw_store_stats_list_activity()
 *
 * Returns: (nullable): the entry of @contact_id
 */
const BzwContactActivity *
bzw_contact_activity_find (const GArray *activity,
                           gint64        contact_id)
{
  const BzwContactActivity *items;
  guint lo = 0, hi;

  g_return_val_if_fail (activity != NULL, NULL);

  /* A binary search without a callback: this runs for every row of the
   * journal.
   */
  items = (const BzwContactActivity *) (gconstpointer) activity->data;
  hi = activity->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (items[mid].contact_id < contact_id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < activity->len && items[lo].contact_id == contact_id ? &items[lo] : NULL;
}

/* @event is NULL for a direct tie that does not count for the strength. */
static void
scan_add (Scan                   *scan,
          gint64                  contact_id,
          const BzwStrengthEvent *event)
{
  BzwContactActivity *activity;

  activity = _bzw_id_index_lookup (&scan->index, contact_id);
  if (activity == NULL)
    return;

  activity->direct = TRUE;
  if (event == NULL)
    return;

  bzw_strength_accumulator_add (&scan->acc[activity - (BzwContactActivity *) (gpointer) scan->activity->data],
                                event);

  if (event->kind == BZW_STRENGTH_ENCOUNTER)
    {
      activity->n_encounters++;
      activity->last_encounter = MAX (activity->last_encounter, event->when);
      if (event->when >= scan->recent_since)
        activity->n_recent++;
      if (event->channel == BZW_CHANNEL_IN_PERSON || event->channel == BZW_CHANNEL_EVENT)
        activity->in_person = TRUE;
    }
}

static void
scan_add_week (Scan                   *scan,
               const BzwStrengthEvent *event)
{
  guint lo = 0, hi = scan->weeks->len;
  BzwWeekEncounters *week;

  if (event->when < scan->bounds[0] || event->when >= scan->bounds[hi])
    return;

  /* The week w with bounds[w] <= when < bounds[w + 1]. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (event->when >= scan->bounds[mid])
        lo = mid;
      else
        hi = mid;
    }

  week = &g_array_index (scan->weeks, BzwWeekEncounters, lo);
  week->n_encounters++;
  if (event->channel == BZW_CHANNEL_IN_PERSON || event->channel == BZW_CHANNEL_EVENT)
    week->n_in_person++;
}

typedef struct
{
  guint  encounter;
  gint64 contact_id;
} Participation;

/* The encounters and who took part: their strength events and weeks. */
static gboolean
scan_encounters (BzwStore  *self,
                 Scan      *scan,
                 GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (BzwStrengthEvent));
  g_autoptr(GArray) participations = g_array_new (FALSE, FALSE, sizeof (Participation));
  sqlite3_stmt *stmt;
  int rc;

  /* Two plain table scans joined here are several times faster than a
   * join in SQL ordered by encounter, which each encounter's size needs.
   */
  stmt = _bzw_store_prepare (self, "SELECT id, happened_at, channel FROM encounters ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      BzwStrengthEvent event = { 0 };

      event.kind = BZW_STRENGTH_ENCOUNTER;
      event.when = sqlite3_column_int64 (stmt, 1);
      if (!bzw_channel_from_string (_bzw_store_column_text (stmt, 2), &event.channel))
        event.kind = BZW_N_STRENGTH_KINDS;
      g_array_append_val (ids, id);
      g_array_append_val (events, event);
    }
  if (!_bzw_store_finish_rows (self, stmt, rc, "scan encounters", error))
    return FALSE;

  stmt = _bzw_store_prepare (self, "SELECT encounter_id, contact_id FROM encounter_participants", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 encounter_id = sqlite3_column_int64 (stmt, 0);
      const gint64 *sorted = (const gint64 *) (gconstpointer) ids->data;
      guint lo = 0, hi = ids->len;
      Participation participation;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (sorted[mid] < encounter_id)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo == ids->len || sorted[lo] != encounter_id)
        continue;

      participation.encounter = lo;
      g_array_index (events, BzwStrengthEvent, participation.encounter).n_participants++;

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          participation.contact_id = sqlite3_column_int64 (stmt, 1);
          g_array_append_val (participations, participation);
        }
    }
  if (!_bzw_store_finish_rows (self, stmt, rc, "scan participants", error))
    return FALSE;

  for (guint i = 0; i < participations->len; i++)
    {
      const Participation *participation = &g_array_index (participations, Participation, i);
      const BzwStrengthEvent *event = &g_array_index (events, BzwStrengthEvent, participation->encounter);

      if (event->kind == BZW_STRENGTH_ENCOUNTER)
        scan_add (scan, participation->contact_id, event);
    }

  if (scan->weeks != NULL)
    for (guint i = 0; i < events->len; i++)
      {
        const BzwStrengthEvent *event = &g_array_index (events, BzwStrengthEvent, i);

        if (event->kind == BZW_STRENGTH_ENCOUNTER)
          scan_add_week (scan, event);
      }

  return TRUE;
}

/* Favours and referrals between me and a contact, and whom I referred. */
static gboolean
scan_ties (BzwStore  *self,
           Scan      *scan,
           GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _bzw_store_prepare (self,
                             "SELECT coalesce (from_id, to_id), unixepoch (day, '+12 hours'), state <> 'declined'"
                             "  FROM favours"
                             " WHERE (to_id IS NOT NULL AND " IS_ME ("from") ")"
                             "    OR (from_id IS NOT NULL AND " IS_ME ("to") ")"
                             " UNION ALL "
                             "SELECT coalesce (giver_id, receiver_id), unixepoch (day, '+12 hours'), 2 FROM referrals"
                             " WHERE (receiver_id IS NOT NULL AND " IS_ME ("giver") ")"
                             "    OR (giver_id IS NOT NULL AND " IS_ME ("receiver") ")"
                             " UNION ALL "
                             "SELECT referred_id, NULL, 3 FROM referrals"
                             " WHERE referred_id IS NOT NULL AND " IS_ME ("giver"),
                             error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwStrengthEvent fr;

      scan_add (scan, sqlite3_column_int64 (stmt, 0), read_event_row (stmt, 2, &fr) ? &fr : NULL);
    }

  return _bzw_store_finish_rows (self, stmt, rc, "scan favours", error);
}

static gboolean
scan_journal (BzwStore  *self,
              Scan      *scan,
              GError   **error)
{
  return scan_encounters (self, scan, error) && scan_ties (self, scan, error);
}

static GArray *
new_weeks (GDateTime  *now,
           guint       n_weeks,
           gint64    **bounds_out)
{
  GArray *weeks = g_array_new (FALSE, TRUE, sizeof (BzwWeekEncounters));
  gint64 *bounds = g_new (gint64, n_weeks + 1);
  GTimeZone *tz = g_date_time_get_timezone (now);
  GDate monday;

  bzw_date_from_date_time (&monday, now);
  g_date_subtract_days (&monday, g_date_get_weekday (&monday) - G_DATE_MONDAY);
  g_date_subtract_days (&monday, 7 * (n_weeks - 1));

  for (guint i = 0; i <= n_weeks; i++)
    {
      g_autoptr(GDateTime) start = bzw_date_to_local_midnight (&monday, tz);

      bounds[i] = g_date_time_to_unix (start);
      if (i < n_weeks)
        {
          BzwWeekEncounters item = { 0 };

          item.monday = monday;
          g_array_append_val (weeks, item);
        }
      g_date_add_days (&monday, 7);
    }

  *bounds_out = bounds;
  return weeks;
}

/**
 * bzw_store_stats_scan_journal:
 * @n_weeks: how many weeks of the muscle chart, 0 for none
 * @activity: (out) (transfer full): see bzw_store_stats_list_activity()
 * @weeks: (out) (optional) (transfer full): see
 *   bzw_store_stats_encounters_by_week()
 *
 * Goes over the whole journal once and returns both the activity of every
 * contact and the encounters per week.
 */
gboolean
bzw_store_stats_scan_journal (BzwStore   *self,
                              GDateTime  *now,
                              guint       n_weeks,
                              GArray    **activity,
                              GArray    **weeks,
                              GError    **error)
{
  g_autoptr(GArray) list = NULL;
  g_autoptr(GArray) week_list = NULL;
  g_autoptr(GDateTime) year_ago = NULL;
  g_autofree BzwStrengthAccumulator *acc = NULL;
  g_autofree gint64 *bounds = NULL;
  Scan scan = { 0 };
  sqlite3_stmt *stmt;
  gboolean ok;
  gint64 now_unix;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);
  g_return_val_if_fail (weeks == NULL || n_weeks > 0, FALSE);

  now_unix = g_date_time_to_unix (now);
  year_ago = bzw_stats_year_before (now);

  stmt = _bzw_store_prepare (self, "SELECT id, archived, met_in_person FROM contacts ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  list = g_array_new (FALSE, TRUE, sizeof (BzwContactActivity));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwContactActivity item = { 0 };

      item.contact_id = sqlite3_column_int64 (stmt, 0);
      item.archived = sqlite3_column_int (stmt, 1) != 0;
      item.met_in_person = sqlite3_column_int (stmt, 2) != 0;
      g_array_append_val (list, item);
    }
  if (!_bzw_store_finish_rows (self, stmt, rc, "list_activity", error))
    return FALSE;

  if (weeks != NULL)
    week_list = new_weeks (now, n_weeks, &bounds);

  acc = g_new0 (BzwStrengthAccumulator, MAX (list->len, 1));
  scan.activity = list;
  _bzw_id_index_init (&scan.index, list);
  scan.acc = acc;
  scan.recent_since = g_date_time_to_unix (year_ago);
  scan.weeks = week_list;
  scan.bounds = bounds;

  ok = scan_journal (self, &scan, error);
  _bzw_id_index_clear (&scan.index);
  if (!ok)
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      BzwContactActivity *item = &g_array_index (list, BzwContactActivity, i);

      item->strength = bzw_strength_accumulator_value (&acc[i], now_unix);
      item->online_only = !item->met_in_person && !item->in_person;
      if (item->met_in_person)
        item->direct = TRUE;
    }

  *activity = g_steal_pointer (&list);
  if (weeks != NULL)
    *weeks = g_steal_pointer (&week_list);
  return TRUE;
}

/**
 * bzw_store_stats_list_activity:
 *
 * Returns: (transfer full) (element-type BzwContactActivity): one entry per
 *   contact, archived ones included, sorted by contact id (find one with
 *   bzw_contact_activity_find()), with the last encounter, the number of
 *   encounters in all and in the last 12 months, the strength at @now and
 *   the flags „nur online bekannt“ and first degree.
 */
GArray *
bzw_store_stats_list_activity (BzwStore   *self,
                               GDateTime  *now,
                               GError    **error)
{
  GArray *activity = NULL;

  if (!bzw_store_stats_scan_journal (self, now, 0, &activity, NULL, error))
    return NULL;

  return activity;
}

/**
 * bzw_contact_activity_count:
 * @activity: (element-type BzwContactActivity): as from
 *   bzw_store_stats_list_activity()
 * @n_active: (out) (optional): contacts not archived
 * @n_met_recently: (out) (optional): of those, with an encounter in the
 *   last 12 months
 * @n_online_only: (out) (optional): of those, „nur online bekannt“
 */
void
bzw_contact_activity_count (const GArray *activity,
                            guint        *n_active,
                            guint        *n_met_recently,
                            guint        *n_online_only)
{
  guint active = 0, recent = 0, online = 0;

  g_return_if_fail (activity != NULL);

  for (guint i = 0; i < activity->len; i++)
    {
      const BzwContactActivity *item = &g_array_index (activity, BzwContactActivity, i);

      if (item->archived)
        continue;

      active++;
      if (item->n_recent > 0)
        recent++;
      if (item->online_only)
        online++;
    }

  if (n_active != NULL)
    *n_active = active;
  if (n_met_recently != NULL)
    *n_met_recently = recent;
  if (n_online_only != NULL)
    *n_online_only = online;
}

/**
 * bzw_store_stats_encounters_by_week:
 * @n_weeks: how many weeks, ending with the week of @now
 *
 * Returns: (transfer full) (element-type BzwWeekEncounters): @n_weeks
 *   entries, oldest first.  Weeks start on Monday, local midnight.
 */
GArray *
bzw_store_stats_encounters_by_week (BzwStore   *self,
                                    GDateTime  *now,
                                    guint       n_weeks,
                                    GError    **error)
{
  g_autoptr(GArray) weeks = NULL;
  g_autofree gint64 *bounds = NULL;
  sqlite3_stmt *stmt;
  guint week = 0;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (n_weeks > 0, NULL);

  weeks = new_weeks (now, n_weeks, &bounds);

  stmt = _bzw_store_prepare (self,
                             "SELECT happened_at, channel IN ('in-person', 'event') FROM encounters"
                             " WHERE happened_at >= ?1 AND happened_at < ?2 ORDER BY happened_at",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, bounds[0]);
  sqlite3_bind_int64 (stmt, 2, bounds[n_weeks]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 when = sqlite3_column_int64 (stmt, 0);
      BzwWeekEncounters *item;

      while (week + 1 < n_weeks && when >= bounds[week + 1])
        week++;

      item = &g_array_index (weeks, BzwWeekEncounters, week);
      item->n_encounters++;
      if (sqlite3_column_int (stmt, 1))
        item->n_in_person++;
    }
  if (!_bzw_store_finish_rows (self, stmt, rc, "encounters_by_week", error))
    return NULL;

  return g_steal_pointer (&weeks);
}

/* @activity, or when it is NULL the activity at @now (NULL: the current
 * time) read into @own; NULL with @error set when that fails.
 */
const GArray *
_bzw_stats_ensure_activity (BzwStore      *self,
                            GDateTime     *now,
                            const GArray  *activity,
                            GArray       **own,
                            GError       **error)
{
  g_autoptr(GDateTime) current = NULL;

  if (activity != NULL)
    return activity;

  if (now == NULL)
    now = current = g_date_time_new_now_local ();

  *own = bzw_store_stats_list_activity (self, now, error);
  return *own;
}
