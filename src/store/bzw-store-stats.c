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
#include "bzw-store-stats-private.h"
#include "bzw-model-util.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

  bzw_store_init_sqlite ();
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

/* Keep in touch */

static void
clear_due_contact (BzwDueContact *due)
{
  g_clear_pointer (&due->name, g_free);
  g_clear_pointer (&due->note, g_free);
}

/* The rule itself is the model's (bzw_rhythm_resolve(),
 * bzw_keep_in_touch_compute() and bzw_keep_in_touch_apply_dates()); the
 * circles come in already reduced to their tightest values by
 * CIRCLE_RHYTHM_SQL.  @stmt has the contact's own rhythm, the circles'
 * and then its follow-up, snooze and birthday from @column on.
 */
static void
compute_due (BzwDueContact *due,
             sqlite3_stmt  *stmt,
             int            column,
             GDateTime     *now)
{
  BzwRhythm own = { sqlite3_column_int (stmt, column), sqlite3_column_int (stmt, column + 1) };
  BzwRhythm circles = { sqlite3_column_int (stmt, column + 2), sqlite3_column_int (stmt, column + 3) };
  BzwRhythm rhythm = bzw_rhythm_resolve (&own, &circles, 1);

  bzw_keep_in_touch_compute (&due->keep_in_touch, &rhythm, due->last_encounter, due->added, now);
  bzw_keep_in_touch_apply_dates (&due->keep_in_touch,
                                 _bzw_store_column_text (stmt, column + 4),
                                 _bzw_store_column_text (stmt, column + 5),
                                 _bzw_store_column_text (stmt, column + 6),
                                 now);
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
                             " r.ideal, r.latest, c.follow_up_on, c.snoozed_until, c.birthday, c.created, c.follow_up_note"
                             " FROM contacts c LEFT JOIN " CIRCLE_RHYTHM_SQL " r ON r.id = c.id"
                             " WHERE c.archived = 0"
                             "   AND coalesce (c.interval_ideal_days, c.interval_max_days, r.ideal, r.latest,"
                             "                 c.follow_up_on) IS NOT NULL",
                             error);
  if (stmt == NULL)
    return NULL;

  due = g_array_new (FALSE, TRUE, sizeof (BzwDueContact));
  g_array_set_clear_func (due, (GDestroyNotify) clear_due_contact);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwDueContact item = { 0 };
      const BzwContactActivity *found;

      item.contact_id = sqlite3_column_int64 (stmt, 0);
      item.added = sqlite3_column_int64 (stmt, 9);
      found = bzw_contact_activity_find (activity, item.contact_id);
      item.last_encounter = found != NULL ? found->last_encounter : 0;
      compute_due (&item, stmt, 2, now);

      if (item.keep_in_touch.state == BZW_KEEP_IN_TOUCH_NONE ||
          (item.keep_in_touch.state == BZW_KEEP_IN_TOUCH_OK && !include_ok))
        continue;

      item.name = _bzw_store_column_dup_text (stmt, 1);
      item.note = _bzw_store_column_dup_text (stmt, 10);
      g_array_append_val (due, item);
    }
  if (!_bzw_store_finish_rows (self, stmt, rc, "list_due", error))
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
                             " c.follow_up_on, c.snoozed_until, c.birthday, c.created,"
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

  item.added = sqlite3_column_int64 (stmt, 7);
  item.last_encounter = sqlite3_column_int64 (stmt, 8);
  compute_due (&item, stmt, 0, now);
  sqlite3_reset (stmt);
  *result = item.keep_in_touch;
  return TRUE;
}

static void
clear_unseen (BzwUnseenContact *unseen)
{
  g_clear_pointer (&unseen->name, g_free);
}

static int
compare_unseen (gconstpointer a,
                gconstpointer b)
{
  const BzwUnseenContact *ua = a;
  const BzwUnseenContact *ub = b;

  int order = BZW_CMP (ua->last_encounter, ub->last_encounter);

  return order != 0 ? order : BZW_CMP (ua->contact_id, ub->contact_id);
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

  activity = _bzw_stats_ensure_activity (self, now, activity, &own_activity, error);
  if (activity == NULL)
    return NULL;

  year_ago = bzw_stats_year_before (now);
  cutoff = g_date_time_to_unix (year_ago);

  unseen = g_array_new (FALSE, TRUE, sizeof (BzwUnseenContact));
  g_array_set_clear_func (unseen, (GDestroyNotify) clear_unseen);
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
        entry->name = _bzw_store_column_dup_text (stmt, 0);
      else if (!_bzw_store_finish_rows (self, stmt, rc, "long unseen names", error))
        return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&unseen);
}

/* Counts */

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

  return _bzw_store_finish_rows (self, stmt, rc, "count", error);
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
