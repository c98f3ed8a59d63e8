/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Bulk queries behind the „Überblick“, the map and the printout.
 *
 * Definitions (the README quotes them):
 *
 * - „Ich“ is a favour or referral side with neither contact nor name.
 * - Given: a favour from me in state done, or a referral I gave (any
 *   state: a referral counts when it is passed on, not when it closes).
 *   Received: the same towards me.  Value is value_cents as entered
 *   (estimated value of a favour, business value of a referral).
 * - „Zeit, sich zu melden“: contacts that are not archived, have a
 *   keep-in-touch rhythm and are due or overdue (bzw-keep-in-touch.c).
 * - „Lange nicht gesehen“: contacts that are not archived, had at least one
 *   encounter, and none since the same calendar day twelve months ago.
 *   Contacts never met are not listed there: there is nothing to renew.
 * - Met in the last 12 months: not archived, an encounter on or after that
 *   day.
 * - „Nur online bekannt“: not archived, not marked as met in person, and no
 *   encounter in person or at an event (the same rule as the contact list
 *   filter).
 * - Promised favours: from me, state promised; earliest due date first,
 *   those without a due date last.
 * - Referrals awaiting thanks: referrals to me from someone else, any
 *   state, not marked thanked; oldest first.
 * - Second-degree reach: every contact row is someone I know of, but not
 *   everyone is someone I know directly.  First degree: contacts marked as
 *   met in person, taking part in any encounter, on the other side of a
 *   favour or referral with me, or whom I referred to someone.  Second
 *   degree: contacts that are not first degree, not archived, and are
 *   linked to a first-degree contact by a relationship, a favour between
 *   them, or a referral on which both appear (as giver, receiver or the
 *   person referred).  Third-degree contacts are not counted.
 * - Encounters per week: weeks start on Monday at local midnight; each
 *   encounter counts once, however many took part.
 * - Cycles of giving and introduction suggestions: see
 *   bzw-giving-cycles.c and bzw-introductions.c.  Archived contacts are
 *   left out of the suggestions, not out of the cycles (what was given
 *   stays given).
 *
 * Speed: the overview of 10,000 contacts and 50,000 journal entries must
 * take well under 100 ms.  Per-contact subqueries (the last encounter of
 * each contact) cost about 150 ms there, so bzw_store_stats_scan_journal()
 * reads the encounters and participants tables once each, joins them in C
 * and derives the activity, strength, first-degree ties and the weekly
 * chart in that one pass; the due, long-unseen and second-degree lists take
 * its result.  No index was added to the schema.
 */

#define G_LOG_DOMAIN "bzw-store-stats"

#include "config.h"

#include "bzw-store-stats.h"

#include "bzw-migrations.h"
#include "bzw-store-defense.h"
#include "bzw-store-private.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The name to show, as in bzw_contact_dup_best_name(), or NULL. */
#define NAME_OR_NULL_SQL(c) \
  "coalesce (nullif (" c ".display_name, ''), nullif (trim (coalesce (" c ".given_name, '') || ' ' ||" \
  " coalesce (" c ".family_name, '')), ''), " c ".organisation)"

#define NAME_SQL(c) "coalesce (" NAME_OR_NULL_SQL (c) ", '')"

#define IS_ME(side) "(" side "_id IS NULL AND " side "_name IS NULL)"

static gboolean
finish_rows (BzwStore      *self,
             sqlite3_stmt  *stmt,
             int            rc,
             const char    *what,
             GError       **error)
{
  gboolean ok = rc == SQLITE_DONE;

  if (!ok)
    _bzw_store_set_error (self, error, what);
  sqlite3_reset (stmt);
  return ok;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (_bzw_store_column_text (stmt, column));
}

/**
 * bzw_store_stats_begin_snapshot:
 *
 * Starts a read transaction so that the following queries see one state of
 * the database, even while another connection writes.  Does nothing inside
 * a transaction.
 */
gboolean
bzw_store_stats_begin_snapshot (BzwStore  *self,
                                GError   **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (self->depth > 0 || !sqlite3_get_autocommit (self->db))
    return TRUE;

  return _bzw_store_exec (self, "BEGIN DEFERRED", error);
}

void
bzw_store_stats_end_snapshot (BzwStore *self)
{
  g_return_if_fail (BZW_IS_STORE (self));

  if (self->depth == 0 && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}

/**
 * bzw_stats_year_before:
 *
 * Returns: (transfer full): local midnight of the same calendar day twelve
 *   months before @now (28 February for 29 February).
 */
GDateTime *
bzw_stats_year_before (GDateTime *now)
{
  GDate day;

  g_return_val_if_fail (now != NULL, NULL);

  bzw_date_from_date_time (&day, now);
  g_date_subtract_months (&day, 12);
  return bzw_date_to_local_midnight (&day, g_date_time_get_timezone (now));
}

/* Reading */

/**
 * bzw_store_stats_open_reader:
 *
 * Opens a second, read-only connection to a database that the app has open
 * already, e.g. for a worker thread.  Unlike bzw_store_open() it does not
 * check the whole file again (PRAGMA quick_check reads every page): the
 * app's own connection did so when it opened the file.  The file must exist
 * and have the current schema.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
BzwStore *
bzw_store_stats_open_reader (const char  *path,
                             GError     **error)
{
  g_autoptr(BzwStore) self = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND,
                   _("The database “%s” does not exist."), path);
      return NULL;
    }

  self = g_object_new (BZW_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = TRUE;

  if (sqlite3_open_v2 (path, &self->db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                       NULL) != SQLITE_OK)
    {
      _bzw_store_set_error (self, error, "open reader");
      return NULL;
    }

  _bzw_store_defend_connection (self->db, FALSE);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version != BZW_SCHEMA_VERSION)
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Beziehungsweise database. The file was left unchanged."), path);
      return NULL;
    }

  /* Room for the pages of one pass over the journal, read through a
   * memory map rather than a read() per page.
   */
  if (!_bzw_store_exec (self, "PRAGMA cache_size = -16384", error) ||
      !_bzw_store_exec (self, "PRAGMA mmap_size = 268435456", error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Strength events */

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
  if (!finish_rows (self, stmt, rc, "strength encounters", error))
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
  if (!finish_rows (self, stmt, rc, "strength favours", error))
    return NULL;

  return g_steal_pointer (&events);
}

/* One pass over the journal */

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

static void
id_index_init (IdIndex      *index,
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

static void
id_index_clear (IdIndex *index)
{
  g_clear_pointer (&index->positions, g_free);
}

static BzwContactActivity *
id_index_lookup (const IdIndex *index,
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

  activity = id_index_lookup (&scan->index, contact_id);
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

static gboolean
scan_journal (BzwStore  *self,
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
  if (!finish_rows (self, stmt, rc, "scan encounters", error))
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
  if (!finish_rows (self, stmt, rc, "scan participants", error))
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

  /* Favours and referrals between me and a contact, and whom I referred. */
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

  return finish_rows (self, stmt, rc, "scan favours", error);
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
  if (!finish_rows (self, stmt, rc, "list_activity", error))
    return FALSE;

  if (weeks != NULL)
    week_list = new_weeks (now, n_weeks, &bounds);

  acc = g_new0 (BzwStrengthAccumulator, MAX (list->len, 1));
  scan.activity = list;
  id_index_init (&scan.index, list);
  scan.acc = acc;
  scan.recent_since = g_date_time_to_unix (year_ago);
  scan.weeks = week_list;
  scan.bounds = bounds;

  ok = scan_journal (self, &scan, error);
  id_index_clear (&scan.index);
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

/* Keep in touch */

static void
clear_due_contact (gpointer data)
{
  BzwDueContact *due = data;

  g_clear_pointer (&due->name, g_free);
}

static void
compute_due (BzwDueContact *due,
             int            own_ideal,
             int            own_latest,
             int            circles_ideal,
             int            circles_latest,
             GDateTime     *now)
{
  BzwRhythm own = { own_ideal, own_latest };
  BzwRhythm circles = { circles_ideal, circles_latest };
  BzwRhythm rhythm = bzw_rhythm_resolve (&own, &circles, 1);

  bzw_keep_in_touch_compute (&due->keep_in_touch, &rhythm, due->last_encounter, due->added, now);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const BzwDueContact *da = a;
  const BzwDueContact *db = b;
  int cmp = bzw_keep_in_touch_compare (&da->keep_in_touch, &db->keep_in_touch);

  if (cmp != 0)
    return cmp;

  return da->contact_id < db->contact_id ? -1 : da->contact_id > db->contact_id ? 1 : 0;
}

/* The circles' rhythm of a contact is the tightest value of each threshold;
 * min () skips the circles without one.
 */
#define CIRCLE_RHYTHM_SQL \
  "(SELECT cc.contact_id AS id, min (ci.interval_ideal_days) AS ideal, min (ci.interval_max_days) AS latest" \
  "  FROM contact_circles cc JOIN circles ci ON ci.id = cc.circle_id GROUP BY cc.contact_id)"

/**
 * bzw_store_stats_list_due:
 * @include_ok: also list contacts with a rhythm that are not due yet
 * @activity: (nullable) (element-type BzwContactActivity): the result of
 *   bzw_store_stats_list_activity() for @now if at hand, to save a pass
 *   over the journal
 *
 * Returns: (transfer full) (element-type BzwDueContact): „Zeit, sich zu
 *   melden“: contacts that are not archived and are due or overdue, the
 *   most urgent first (see bzw_keep_in_touch_compare()).
 */
GArray *
bzw_store_stats_list_due (BzwStore      *self,
                          GDateTime     *now,
                          gboolean       include_ok,
                          const GArray  *activity,
                          GError       **error)
{
  g_autoptr(GArray) own_activity = NULL;
  g_autoptr(GArray) due = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (activity == NULL)
    {
      if ((own_activity = bzw_store_stats_list_activity (self, now, error)) == NULL)
        return NULL;
      activity = own_activity;
    }

  stmt = _bzw_store_prepare (self,
                             "SELECT c.id, " NAME_SQL ("c") ", c.interval_ideal_days, c.interval_max_days,"
                             " r.ideal, r.latest, c.created"
                             " FROM contacts c LEFT JOIN " CIRCLE_RHYTHM_SQL " r ON r.id = c.id"
                             " WHERE c.archived = 0"
                             "   AND coalesce (c.interval_ideal_days, c.interval_max_days, r.ideal, r.latest)"
                             "       IS NOT NULL",
                             error);
  if (stmt == NULL)
    return NULL;

  due = g_array_new (FALSE, TRUE, sizeof (BzwDueContact));
  g_array_set_clear_func (due, clear_due_contact);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwDueContact item = { 0 };
      const BzwContactActivity *found;

      item.contact_id = sqlite3_column_int64 (stmt, 0);
      item.added = sqlite3_column_int64 (stmt, 6);
      found = bzw_contact_activity_find (activity, item.contact_id);
      item.last_encounter = found != NULL ? found->last_encounter : 0;
      compute_due (&item,
                   sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3),
                   sqlite3_column_int (stmt, 4), sqlite3_column_int (stmt, 5),
                   now);

      if (item.keep_in_touch.state == BZW_KEEP_IN_TOUCH_NONE ||
          (item.keep_in_touch.state == BZW_KEEP_IN_TOUCH_OK && !include_ok))
        continue;

      item.name = dup_column (stmt, 1);
      g_array_append_val (due, item);
    }
  if (!finish_rows (self, stmt, rc, "list_due", error))
    return NULL;

  g_array_sort (due, compare_due);
  return g_steal_pointer (&due);
}

/**
 * bzw_store_stats_get_keep_in_touch:
 * @result: (out caller-allocates): the keep-in-touch state of the contact
 *
 * Returns: %FALSE with @error set when the contact does not exist.
 */
gboolean
bzw_store_stats_get_keep_in_touch (BzwStore        *self,
                                   gint64           contact_id,
                                   GDateTime       *now,
                                   BzwKeepInTouch  *result,
                                   GError         **error)
{
  BzwDueContact item = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  stmt = _bzw_store_prepare (self,
                             "SELECT c.interval_ideal_days, c.interval_max_days,"
                             " (SELECT min (ci.interval_ideal_days) FROM contact_circles cc"
                             "   JOIN circles ci ON ci.id = cc.circle_id WHERE cc.contact_id = c.id),"
                             " (SELECT min (ci.interval_max_days) FROM contact_circles cc"
                             "   JOIN circles ci ON ci.id = cc.circle_id WHERE cc.contact_id = c.id),"
                             " c.created,"
                             " (SELECT max (e.happened_at) FROM encounter_participants p"
                             "   JOIN encounters e ON e.id = p.encounter_id WHERE p.contact_id = c.id)"
                             " FROM contacts c WHERE c.id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND,
                             _("The contact no longer exists."));
      else
        _bzw_store_set_error (self, error, "get_keep_in_touch");
      sqlite3_reset (stmt);
      return FALSE;
    }

  item.added = sqlite3_column_int64 (stmt, 4);
  item.last_encounter = sqlite3_column_int64 (stmt, 5);
  compute_due (&item,
               sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
               sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3),
               now);
  sqlite3_reset (stmt);
  *result = item.keep_in_touch;
  return TRUE;
}

static void
clear_unseen (gpointer data)
{
  BzwUnseenContact *unseen = data;

  g_clear_pointer (&unseen->name, g_free);
}

static int
compare_unseen (gconstpointer a,
                gconstpointer b)
{
  const BzwUnseenContact *ua = a;
  const BzwUnseenContact *ub = b;

  if (ua->last_encounter != ub->last_encounter)
    return ua->last_encounter < ub->last_encounter ? -1 : 1;

  return ua->contact_id < ub->contact_id ? -1 : ua->contact_id > ub->contact_id ? 1 : 0;
}

/**
 * bzw_store_stats_list_long_unseen:
 * @activity: (nullable) (element-type BzwContactActivity): see
 *   bzw_store_stats_list_due()
 *
 * Returns: (transfer full) (element-type BzwUnseenContact): „Lange nicht
 *   gesehen“: contacts not archived whose last encounter is before the same
 *   day twelve months ago, the longest unseen first.
 */
GArray *
bzw_store_stats_list_long_unseen (BzwStore      *self,
                                  GDateTime     *now,
                                  const GArray  *activity,
                                  GError       **error)
{
  g_autoptr(GArray) own_activity = NULL;
  g_autoptr(GArray) unseen = NULL;
  g_autoptr(GDateTime) year_ago = NULL;
  sqlite3_stmt *stmt;
  gint64 cutoff;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (activity == NULL)
    {
      if ((own_activity = bzw_store_stats_list_activity (self, now, error)) == NULL)
        return NULL;
      activity = own_activity;
    }

  year_ago = bzw_stats_year_before (now);
  cutoff = g_date_time_to_unix (year_ago);

  unseen = g_array_new (FALSE, TRUE, sizeof (BzwUnseenContact));
  g_array_set_clear_func (unseen, clear_unseen);
  for (guint i = 0; i < activity->len; i++)
    {
      const BzwContactActivity *item = &g_array_index (activity, BzwContactActivity, i);

      if (!item->archived && item->n_encounters > 0 && item->last_encounter < cutoff)
        {
          BzwUnseenContact entry = { item->contact_id, NULL, item->last_encounter };

          g_array_append_val (unseen, entry);
        }
    }

  g_array_sort (unseen, compare_unseen);

  stmt = _bzw_store_prepare (self, "SELECT " NAME_SQL ("c") " FROM contacts c WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < unseen->len; i++)
    {
      BzwUnseenContact *entry = &g_array_index (unseen, BzwUnseenContact, i);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, entry->contact_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        entry->name = dup_column (stmt, 0);
      else if (!finish_rows (self, stmt, rc, "long unseen names", error))
        return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&unseen);
}

/* Favours and referrals */

static void
clear_promised (gpointer data)
{
  BzwPromisedFavour *favour = data;

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
  int rc;

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
  g_array_set_clear_func (favours, clear_promised);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwPromisedFavour item;

      item.favour_id = sqlite3_column_int64 (stmt, 0);
      item.to_id = sqlite3_column_int64 (stmt, 1);
      item.to_name = dup_column (stmt, 2);
      item.description = dup_column (stmt, 3);
      item.day = dup_column (stmt, 4);
      item.due = dup_column (stmt, 5);
      item.value_cents = sqlite3_column_int64 (stmt, 6);
      g_array_append_val (favours, item);
    }
  if (!finish_rows (self, stmt, rc, "list_promised_favours", error))
    return NULL;

  return g_steal_pointer (&favours);
}

static void
clear_unthanked (gpointer data)
{
  BzwUnthankedReferral *referral = data;

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
  int rc;

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
  g_array_set_clear_func (referrals, clear_unthanked);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwUnthankedReferral item;

      item.referral_id = sqlite3_column_int64 (stmt, 0);
      item.giver_id = sqlite3_column_int64 (stmt, 1);
      item.giver_name = dup_column (stmt, 2);
      item.referred_id = sqlite3_column_int64 (stmt, 3);
      item.referred_name = dup_column (stmt, 4);
      item.day = dup_column (stmt, 5);
      item.state = BZW_REFERRAL_GIVEN;
      bzw_referral_state_from_string (_bzw_store_column_text (stmt, 6), &item.state);
      item.value_cents = sqlite3_column_int64 (stmt, 7);
      g_array_append_val (referrals, item);
    }
  if (!finish_rows (self, stmt, rc, "list_unthanked_referrals", error))
    return NULL;

  return g_steal_pointer (&referrals);
}

/* Give and take */

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
  if (!finish_rows (self, stmt, rc, "give_take_by_month", error))
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

  return finish_rows (self, stmt, rc, "get_give_take", error);
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
  int rc;

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
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwContactGiveTake item;

      item.contact_id = sqlite3_column_int64 (stmt, 0);
      item.give_take.n_given = sqlite3_column_int (stmt, 1);
      item.give_take.given_cents = sqlite3_column_int64 (stmt, 2);
      item.give_take.n_received = sqlite3_column_int (stmt, 3);
      item.give_take.received_cents = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (list, item);
    }
  if (!finish_rows (self, stmt, rc, "list_give_take", error))
    return NULL;

  return g_steal_pointer (&list);
}

/* Counts and the muscle chart */

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
  if (!finish_rows (self, stmt, rc, "encounters_by_week", error))
    return NULL;

  return g_steal_pointer (&weeks);
}

static gboolean
count_query (BzwStore      *self,
             sqlite3_stmt  *stmt,
             guint         *count,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *count = sqlite3_column_int (stmt, 0);
      rc = SQLITE_DONE;
    }

  return finish_rows (self, stmt, rc, "count", error);
}

/* Contacts that are not archived. */
gboolean
bzw_store_stats_count_contacts (BzwStore  *self,
                                guint     *n_active,
                                GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_active != NULL, FALSE);

  stmt = _bzw_store_prepare (self, "SELECT count (*) FROM contacts WHERE archived = 0", error);
  return stmt != NULL && count_query (self, stmt, n_active, error);
}

/* Contacts not archived with an encounter at or after @since. */
gboolean
bzw_store_stats_count_met_since (BzwStore  *self,
                                 gint64     since,
                                 guint     *n_met,
                                 GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_met != NULL, FALSE);

  stmt = _bzw_store_prepare (self,
                             "SELECT count (*) FROM contacts c WHERE c.archived = 0 AND c.id IN ("
                             " SELECT p.contact_id FROM encounters e"
                             " JOIN encounter_participants p ON p.encounter_id = e.id"
                             " WHERE e.happened_at >= ?1)",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, since);
  return count_query (self, stmt, n_met, error);
}

/* „Nur online bekannt“, the same rule as the contact list's filter. */
gboolean
bzw_store_stats_count_online_only (BzwStore  *self,
                                   guint     *n_online_only,
                                   GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_online_only != NULL, FALSE);

  stmt = _bzw_store_prepare (self,
                             "SELECT count (*) FROM contacts c"
                             " WHERE c.archived = 0 AND c.met_in_person = 0 AND c.id NOT IN ("
                             "  SELECT p.contact_id FROM encounter_participants p"
                             "  JOIN encounters e ON e.id = p.encounter_id"
                             "  WHERE p.contact_id IS NOT NULL AND e.channel IN ('in-person', 'event'))",
                             error);
  return stmt != NULL && count_query (self, stmt, n_online_only, error);
}

/* Reach */

static void
mark_second_degree (const IdIndex *index,
                    gboolean      *second,
                    gint64         a_id,
                    gint64         b_id)
{
  const GArray *activity = index->activity;
  const BzwContactActivity *a = id_index_lookup (index, a_id);
  const BzwContactActivity *b = id_index_lookup (index, b_id);

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

  if (activity == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      if ((own_activity = bzw_store_stats_list_activity (self, now, error)) == NULL)
        return NULL;
      activity = own_activity;
    }

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
  id_index_init (&index, activity);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    mark_second_degree (&index, second, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
  id_index_clear (&index);
  if (!finish_rows (self, stmt, rc, "list_second_degree", error))
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
  if (!finish_rows (self, stmt, rc, "list_introductions", error))
    return NULL;

  stmt = _bzw_store_prepare (self, "SELECT a_id, b_id FROM relationships", error);
  if (stmt == NULL)
    return NULL;

  known = g_array_new (FALSE, FALSE, sizeof (BzwKnownPair));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwKnownPair pair = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (known, pair);
    }
  if (!finish_rows (self, stmt, rc, "list_relationships", error))
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
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwGivingEdge edge;

      edge.from_id = sqlite3_column_int64 (stmt, 0);
      edge.to_id = sqlite3_column_int64 (stmt, 1);
      edge.count = sqlite3_column_int (stmt, 2);
      edge.value_cents = sqlite3_column_int64 (stmt, 3);
      g_array_append_val (edges, edge);
    }
  if (!finish_rows (self, stmt, rc, "list_giving_cycles", error))
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
            cycle->names[j] = dup_column (stmt, 0);
          else if (rc != SQLITE_DONE)
            {
              finish_rows (self, stmt, rc, "giving cycle names", error);
              return NULL;
            }
        }
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&cycles);
}
