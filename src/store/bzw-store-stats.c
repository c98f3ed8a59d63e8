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
 */

#define G_LOG_DOMAIN "bzw-store-stats"

#include "config.h"

#include "bzw-store-stats.h"

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

#define LAST_ENCOUNTER_BY_CONTACT_SQL \
  "(SELECT p.contact_id AS id, max (e.happened_at) AS last FROM encounter_participants p" \
  " JOIN encounters e ON e.id = p.encounter_id WHERE p.contact_id IS NOT NULL GROUP BY p.contact_id)"

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

/* Strength events */

typedef void (*EventFunc) (gint64                  contact_id,
                           const BzwStrengthEvent *event,
                           gpointer                user_data);

static gboolean
walk_events (BzwStore   *self,
             gint64      contact_id,
             EventFunc   func,
             gpointer    user_data,
             GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (contact_id > 0)
    stmt = _bzw_store_prepare (self,
                               "SELECT p.contact_id, e.happened_at, e.channel,"
                               " (SELECT count (*) FROM encounter_participants q WHERE q.encounter_id = e.id)"
                               " FROM encounter_participants p JOIN encounters e ON e.id = p.encounter_id"
                               " WHERE p.contact_id = ?1",
                               error);
  else
    stmt = _bzw_store_prepare (self,
                               "SELECT p.contact_id, e.happened_at, e.channel, n.n"
                               " FROM encounter_participants p JOIN encounters e ON e.id = p.encounter_id"
                               " JOIN (SELECT encounter_id, count (*) AS n FROM encounter_participants"
                               "       GROUP BY encounter_id) n ON n.encounter_id = p.encounter_id"
                               " WHERE p.contact_id IS NOT NULL",
                               error);
  if (stmt == NULL)
    return FALSE;

  if (contact_id > 0)
    sqlite3_bind_int64 (stmt, 1, contact_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwStrengthEvent event = { 0 };

      event.kind = BZW_STRENGTH_ENCOUNTER;
      event.when = sqlite3_column_int64 (stmt, 1);
      if (!bzw_channel_from_string (_bzw_store_column_text (stmt, 2), &event.channel))
        continue;
      event.n_participants = sqlite3_column_int (stmt, 3);
      func (sqlite3_column_int64 (stmt, 0), &event, user_data);
    }
  if (!finish_rows (self, stmt, rc, "strength encounters", error))
    return FALSE;

  /* Favours (not declined) and referrals between me and the contact. */
  if (contact_id > 0)
    stmt = _bzw_store_prepare (self,
                               "SELECT ?1, unixepoch (day, '+12 hours'), 0 FROM favours"
                               " WHERE state <> 'declined' AND ((to_id = ?1 AND " IS_ME ("from") ")"
                               "                             OR (from_id = ?1 AND " IS_ME ("to") "))"
                               " UNION ALL "
                               "SELECT ?1, unixepoch (day, '+12 hours'), 1 FROM referrals"
                               " WHERE (receiver_id = ?1 AND " IS_ME ("giver") ")"
                               "    OR (giver_id = ?1 AND " IS_ME ("receiver") ")",
                               error);
  else
    stmt = _bzw_store_prepare (self,
                               "SELECT coalesce (from_id, to_id), unixepoch (day, '+12 hours'), 0 FROM favours"
                               " WHERE state <> 'declined'"
                               "   AND ((to_id IS NOT NULL AND " IS_ME ("from") ")"
                               "     OR (from_id IS NOT NULL AND " IS_ME ("to") "))"
                               " UNION ALL "
                               "SELECT coalesce (giver_id, receiver_id), unixepoch (day, '+12 hours'), 1 FROM referrals"
                               " WHERE (receiver_id IS NOT NULL AND " IS_ME ("giver") ")"
                               "    OR (giver_id IS NOT NULL AND " IS_ME ("receiver") ")",
                               error);
  if (stmt == NULL)
    return FALSE;

  if (contact_id > 0)
    sqlite3_bind_int64 (stmt, 1, contact_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwStrengthEvent event = { 0 };

      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        continue;

      event.kind = sqlite3_column_int (stmt, 2) == 0 ? BZW_STRENGTH_FAVOUR : BZW_STRENGTH_REFERRAL;
      event.when = sqlite3_column_int64 (stmt, 1);
      func (sqlite3_column_int64 (stmt, 0), &event, user_data);
    }

  return finish_rows (self, stmt, rc, "strength favours", error);
}

static void
append_event (gint64                  contact_id,
              const BzwStrengthEvent *event,
              gpointer                user_data)
{
  g_array_append_val ((GArray *) user_data, *event);
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

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (contact_id > 0, NULL);

  if (!walk_events (self, contact_id, append_event, events, error))
    return NULL;

  return g_steal_pointer (&events);
}

typedef struct
{
  GArray                 *activity;
  BzwStrengthAccumulator *acc;
  gint64                  recent_since;
} ActivityData;

static int
compare_activity_id (const void *key,
                     const void *element)
{
  gint64 id = *(const gint64 *) key;
  const BzwContactActivity *activity = element;

  return id < activity->contact_id ? -1 : id > activity->contact_id ? 1 : 0;
}

static void
add_activity_event (gint64                  contact_id,
                    const BzwStrengthEvent *event,
                    gpointer                user_data)
{
  ActivityData *data = user_data;
  BzwContactActivity *activity;
  gsize index;

  activity = bsearch (&contact_id, data->activity->data, data->activity->len,
                      sizeof (BzwContactActivity), compare_activity_id);
  if (activity == NULL)
    return;

  index = activity - (BzwContactActivity *) data->activity->data;
  bzw_strength_accumulator_add (&data->acc[index], event);

  if (event->kind == BZW_STRENGTH_ENCOUNTER)
    {
      activity->n_encounters++;
      activity->last_encounter = MAX (activity->last_encounter, event->when);
      if (event->when >= data->recent_since)
        activity->n_recent++;
    }
}

/**
 * bzw_store_stats_list_activity:
 *
 * Returns: (transfer full) (element-type BzwContactActivity): one entry per
 *   contact, archived ones included, sorted by contact id (so it can be
 *   searched with bsearch()), with the last encounter, the number of
 *   encounters in all and in the last 12 months, and the strength at @now.
 */
GArray *
bzw_store_stats_list_activity (BzwStore   *self,
                               GDateTime  *now,
                               GError    **error)
{
  g_autoptr(GArray) activity = NULL;
  g_autoptr(GDateTime) year_ago = NULL;
  g_autofree BzwStrengthAccumulator *acc = NULL;
  ActivityData data;
  sqlite3_stmt *stmt;
  gint64 now_unix;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  now_unix = g_date_time_to_unix (now);
  year_ago = bzw_stats_year_before (now);

  stmt = _bzw_store_prepare (self, "SELECT id, archived FROM contacts ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  activity = g_array_new (FALSE, TRUE, sizeof (BzwContactActivity));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwContactActivity item = { 0 };

      item.contact_id = sqlite3_column_int64 (stmt, 0);
      item.archived = sqlite3_column_int (stmt, 1) != 0;
      g_array_append_val (activity, item);
    }
  if (!finish_rows (self, stmt, rc, "list_activity", error))
    return NULL;

  acc = g_new0 (BzwStrengthAccumulator, MAX (activity->len, 1));
  data.activity = activity;
  data.acc = acc;
  data.recent_since = g_date_time_to_unix (year_ago);

  if (!walk_events (self, 0, add_activity_event, &data, error))
    return NULL;

  for (guint i = 0; i < activity->len; i++)
    g_array_index (activity, BzwContactActivity, i).strength = bzw_strength_accumulator_value (&acc[i], now_unix);

  return g_steal_pointer (&activity);
}

/* Keep in touch */

static void
clear_due_contact (gpointer data)
{
  BzwDueContact *due = data;

  g_clear_pointer (&due->name, g_free);
}

static void
read_due_row (sqlite3_stmt  *stmt,
              GDateTime     *now,
              BzwDueContact *due)
{
  BzwRhythm own, circles, rhythm;

  due->contact_id = sqlite3_column_int64 (stmt, 0);
  own.ideal_days = sqlite3_column_int (stmt, 2);
  own.latest_days = sqlite3_column_int (stmt, 3);
  circles.ideal_days = sqlite3_column_int (stmt, 4);
  circles.latest_days = sqlite3_column_int (stmt, 5);
  due->added = sqlite3_column_int64 (stmt, 6);
  due->last_encounter = sqlite3_column_int64 (stmt, 7);

  rhythm = bzw_rhythm_resolve (&own, &circles, 1);
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

#define RHYTHM_COLUMNS \
  "c.id, " NAME_SQL ("c") ", c.interval_ideal_days, c.interval_max_days," \
  " (SELECT min (ci.interval_ideal_days) FROM contact_circles cc JOIN circles ci ON ci.id = cc.circle_id" \
  "   WHERE cc.contact_id = c.id)," \
  " (SELECT min (ci.interval_max_days) FROM contact_circles cc JOIN circles ci ON ci.id = cc.circle_id" \
  "   WHERE cc.contact_id = c.id)," \
  " c.created"

/**
 * bzw_store_stats_list_due:
 * @include_ok: also list contacts with a rhythm that are not due yet
 *
 * Returns: (transfer full) (element-type BzwDueContact): „Zeit, sich zu
 *   melden“: contacts that are not archived and are due or overdue, the
 *   most urgent first (see bzw_keep_in_touch_compare()).
 */
GArray *
bzw_store_stats_list_due (BzwStore   *self,
                          GDateTime  *now,
                          gboolean    include_ok,
                          GError    **error)
{
  g_autoptr(GArray) due = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT " RHYTHM_COLUMNS ", l.last FROM contacts c"
                             " LEFT JOIN " LAST_ENCOUNTER_BY_CONTACT_SQL " l ON l.id = c.id"
                             " WHERE c.archived = 0",
                             error);
  if (stmt == NULL)
    return NULL;

  due = g_array_new (FALSE, TRUE, sizeof (BzwDueContact));
  g_array_set_clear_func (due, clear_due_contact);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwDueContact item = { 0 };

      read_due_row (stmt, now, &item);
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
                             "SELECT " RHYTHM_COLUMNS ","
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

  read_due_row (stmt, now, &item);
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

/**
 * bzw_store_stats_list_long_unseen:
 *
 * Returns: (transfer full) (element-type BzwUnseenContact): „Lange nicht
 *   gesehen“: contacts not archived whose last encounter is before the same
 *   day twelve months ago, the longest unseen first.
 */
GArray *
bzw_store_stats_list_long_unseen (BzwStore   *self,
                                  GDateTime  *now,
                                  GError    **error)
{
  g_autoptr(GArray) unseen = NULL;
  g_autoptr(GDateTime) year_ago = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  year_ago = bzw_stats_year_before (now);
  stmt = _bzw_store_prepare (self,
                             "SELECT c.id, " NAME_SQL ("c") ", l.last FROM " LAST_ENCOUNTER_BY_CONTACT_SQL " l"
                             " JOIN contacts c ON c.id = l.id"
                             " WHERE c.archived = 0 AND l.last < ?1"
                             " ORDER BY l.last, c.sort_key, c.id",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (year_ago));

  unseen = g_array_new (FALSE, TRUE, sizeof (BzwUnseenContact));
  g_array_set_clear_func (unseen, clear_unseen);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwUnseenContact item;

      item.contact_id = sqlite3_column_int64 (stmt, 0);
      item.name = dup_column (stmt, 1);
      item.last_encounter = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (unseen, item);
    }
  if (!finish_rows (self, stmt, rc, "list_long_unseen", error))
    return NULL;

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
  GTimeZone *tz;
  sqlite3_stmt *stmt;
  GDate monday;
  guint week = 0;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (n_weeks > 0, NULL);

  tz = g_date_time_get_timezone (now);
  bzw_date_from_date_time (&monday, now);
  g_date_subtract_days (&monday, g_date_get_weekday (&monday) - G_DATE_MONDAY);
  g_date_subtract_days (&monday, 7 * (n_weeks - 1));

  weeks = g_array_new (FALSE, TRUE, sizeof (BzwWeekEncounters));
  bounds = g_new (gint64, n_weeks + 1);
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

/**
 * bzw_store_stats_list_second_degree:
 *
 * Returns: (transfer full) (element-type gint64): the ids of second-degree
 *   contacts (see the top of this file), sorted.
 */
GArray *
bzw_store_stats_list_second_degree (BzwStore  *self,
                                    GError   **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "WITH first (id) AS ("
                             "  SELECT id FROM contacts WHERE met_in_person = 1"
                             "  UNION SELECT contact_id FROM encounter_participants WHERE contact_id IS NOT NULL"
                             "  UNION SELECT to_id FROM favours WHERE to_id IS NOT NULL AND " IS_ME ("from")
                             "  UNION SELECT from_id FROM favours WHERE from_id IS NOT NULL AND " IS_ME ("to")
                             "  UNION SELECT receiver_id FROM referrals WHERE receiver_id IS NOT NULL AND " IS_ME ("giver")
                             "  UNION SELECT giver_id FROM referrals WHERE giver_id IS NOT NULL AND " IS_ME ("receiver")
                             "  UNION SELECT referred_id FROM referrals WHERE referred_id IS NOT NULL AND " IS_ME ("giver")
                             "),"
                             " linked (id) AS ("
                             "  SELECT r.b_id FROM relationships r JOIN first f ON f.id = r.a_id"
                             "  UNION SELECT r.a_id FROM relationships r JOIN first f ON f.id = r.b_id"
                             "  UNION SELECT x.to_id FROM favours x JOIN first f ON f.id = x.from_id"
                             "  UNION SELECT x.from_id FROM favours x JOIN first f ON f.id = x.to_id"
                             "  UNION SELECT x.receiver_id FROM referrals x JOIN first f ON f.id = x.giver_id"
                             "  UNION SELECT x.referred_id FROM referrals x JOIN first f ON f.id = x.giver_id"
                             "  UNION SELECT x.giver_id FROM referrals x JOIN first f ON f.id = x.receiver_id"
                             "  UNION SELECT x.referred_id FROM referrals x JOIN first f ON f.id = x.receiver_id"
                             "  UNION SELECT x.giver_id FROM referrals x JOIN first f ON f.id = x.referred_id"
                             "  UNION SELECT x.receiver_id FROM referrals x JOIN first f ON f.id = x.referred_id"
                             ")"
                             " SELECT c.id FROM contacts c JOIN linked l ON l.id = c.id"
                             " WHERE c.archived = 0 AND c.id NOT IN (SELECT id FROM first)"
                             " ORDER BY c.id",
                             error);
  if (stmt == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!finish_rows (self, stmt, rc, "list_second_degree", error))
    return NULL;

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
