/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Dates that bring people back: a contact's follow-up („Wiedervorlage“)
 * and snooze („Später erinnern“), and the talking points („Beim nächsten
 * Mal ansprechen“).
 */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-store-occasions.h"

#include "bzw-store-stats-private.h"

#include <glib/gi18n-lib.h>

static gboolean
finish_contact_write (BzwStore  *self,
                      gboolean   ok,
                      gint64     contact_id,
                      GError   **error)
{
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND,
                           _("The contact no longer exists."));
      ok = FALSE;
    }
  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CONTACTS, contact_id);

  return bzw_store_finish (self, ok, error);
}

/**
 * bzw_store_set_follow_up:
 * @day: (nullable): "YYYY-MM-DD", or %NULL to clear the follow-up
 * @note: (nullable): what the follow-up is about
 *
 * Sets or clears the contact's „Wiedervorlage“.
 */
gboolean
bzw_store_set_follow_up (BzwStore    *self,
                         gint64       contact_id,
                         const char  *day,
                         const char  *note,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (day != NULL && (day[0] == '\0' || day[0] == '-'))
    day = NULL;
  if (!_bzw_store_validate_date (day, N_("Follow-up"), error))
    return FALSE;
  if (day == NULL || (note != NULL && note[0] == '\0'))
    note = NULL;

  if (!bzw_store_begin (self, error))
    return FALSE;

  stmt = _bzw_store_prepare (self,
                             "UPDATE contacts SET follow_up_on = ?2, follow_up_note = ?3, modified = ?4"
                             " WHERE id = ?1",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, contact_id);
      _bzw_store_bind_text (stmt, 2, day);
      _bzw_store_bind_text (stmt, 3, note);
      sqlite3_bind_int64 (stmt, 4, _bzw_store_now ());
      ok = _bzw_store_step_done (self, stmt, error);
    }

  return finish_contact_write (self, ok, contact_id, error);
}

/**
 * bzw_store_set_snoozed_until:
 * @day: (nullable): "YYYY-MM-DD", or %NULL to wake the contact up
 *
 * „Später erinnern“: the contact is not due before @day.
 */
gboolean
bzw_store_set_snoozed_until (BzwStore    *self,
                             gint64       contact_id,
                             const char  *day,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (day != NULL && day[0] == '\0')
    day = NULL;
  if (!_bzw_store_validate_date (day, N_("Remind later"), error))
    return FALSE;

  if (!bzw_store_begin (self, error))
    return FALSE;

  stmt = _bzw_store_prepare (self, "UPDATE contacts SET snoozed_until = ?2, modified = ?3 WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, contact_id);
      _bzw_store_bind_text (stmt, 2, day);
      sqlite3_bind_int64 (stmt, 3, _bzw_store_now ());
      ok = _bzw_store_step_done (self, stmt, error);
    }

  return finish_contact_write (self, ok, contact_id, error);
}

/**
 * bzw_store_list_talking_points:
 * @contact_id: a contact, or 0 for the talking points of every contact
 * @include_done: whether to list those ticked off, too
 *
 * Returns: (transfer full) (element-type BzwTalkingPoint): open ones
 *   first, then by the time they were noted
 */
GPtrArray *
bzw_store_list_talking_points (BzwStore  *self,
                               gint64     contact_id,
                               gboolean   include_done,
                               GError   **error)
{
  g_autoptr(GPtrArray) points = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT id, uid, contact_id, text, created, done_at FROM talking_points"
                             " WHERE (?1 = 0 OR contact_id = ?1) AND (?2 = 1 OR done_at IS NULL)"
                             " ORDER BY done_at IS NOT NULL, created, id",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int (stmt, 2, include_done ? 1 : 0);
  points = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwTalkingPoint *point = bzw_talking_point_new ();

      bzw_talking_point_set_id (point, sqlite3_column_int64 (stmt, 0));
      bzw_talking_point_set_uid (point, _bzw_store_column_text (stmt, 1));
      bzw_talking_point_set_contact_id (point, sqlite3_column_int64 (stmt, 2));
      bzw_talking_point_set_text (point, _bzw_store_column_text (stmt, 3));
      bzw_talking_point_set_created (point, sqlite3_column_int64 (stmt, 4));
      bzw_talking_point_set_done_at (point, sqlite3_column_int64 (stmt, 5));
      g_ptr_array_add (points, point);
    }

  if (!_bzw_store_finish_rows (self, stmt, rc, "list_talking_points", error))
    return NULL;

  return g_steal_pointer (&points);
}

static void
bind_talking_point (sqlite3_stmt *stmt,
                    gpointer      object)
{
  BzwTalkingPoint *point = object;
  gint64 created = bzw_talking_point_get_created (point);

  sqlite3_bind_int64 (stmt, 4, bzw_talking_point_get_contact_id (point));
  sqlite3_bind_text (stmt, 5, bzw_talking_point_get_text (point), -1, SQLITE_TRANSIENT);
  if (created > 0)
    sqlite3_bind_int64 (stmt, 6, created);
  else
    sqlite3_bind_null (stmt, 6);
  _bzw_store_bind_id (stmt, 7, bzw_talking_point_get_done_at (point));
}

static const BzwRowSave talking_point_row = {
  .insert_sql = "INSERT INTO talking_points (uid, contact_id, text, created, done_at)"
                " VALUES (?2, ?4, ?5, coalesce (?6, ?3), ?7)",
  .update_sql = "UPDATE talking_points SET uid = ?2, contact_id = ?4, text = ?5,"
                " created = coalesce (?6, created), done_at = ?7 WHERE id = ?1",
  .bind = bind_talking_point,
  .what = BZW_STORE_CHANGE_CONTACTS,
};

/**
 * bzw_store_save_talking_point:
 *
 * Inserts @point when its id is 0, else updates it.  A new one without a
 * time of its own is noted now.
 */
gboolean
bzw_store_save_talking_point (BzwStore         *self,
                              BzwTalkingPoint  *point,
                              GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (BZW_IS_TALKING_POINT (point), FALSE);

  text = g_strdup (bzw_talking_point_get_text (point));
  if (text == NULL || g_strstrip (text)[0] == '\0' || bzw_talking_point_get_contact_id (point) <= 0)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("A talking point needs a contact and a text."));
      return FALSE;
    }

  return _bzw_store_save_row (self, G_OBJECT (point), &talking_point_row, error);
}

/**
 * bzw_store_set_talking_points_done:
 * @ids: (element-type gint64): the talking points
 * @done_at: when they were raised (Unix seconds), or 0 to open them again
 *
 * Ticks the talking points off, or opens them again, in one transaction.
 */
gboolean
bzw_store_set_talking_points_done (BzwStore  *self,
                                   GArray    *ids,
                                   gint64     done_at,
                                   GError   **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  if (ids->len == 0)
    return TRUE;

  if (!bzw_store_begin (self, error))
    return FALSE;

  for (guint i = 0; ok && i < ids->len; i++)
    {
      sqlite3_stmt *stmt = _bzw_store_prepare (self, "UPDATE talking_points SET done_at = ?2 WHERE id = ?1",
                                               error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
          _bzw_store_bind_id (stmt, 2, done_at);
          ok = _bzw_store_step_done (self, stmt, error);
        }
    }

  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CONTACTS, 0);

  return bzw_store_finish (self, ok, error);
}

gboolean
bzw_store_delete_talking_point (BzwStore  *self,
                                gint64     id,
                                GError   **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  return _bzw_store_write_id (self, "DELETE FROM talking_points WHERE id = ?1", id,
                              BZW_STORE_CHANGE_CONTACTS, 0, error);
}

static void
clear_yearly_date_row (BzwYearlyDateRow *row)
{
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->date, g_free);
  g_clear_pointer (&row->label, g_free);
  g_clear_pointer (&row->given_name, g_free);
}

static const BzwColumn yearly_date_columns[] = {
  BZW_COLUMN (BzwYearlyDateRow, contact_id, BZW_COLUMN_INT64),
  BZW_COLUMN (BzwYearlyDateRow, name, BZW_COLUMN_TEXT),
  BZW_COLUMN (BzwYearlyDateRow, date, BZW_COLUMN_TEXT),
  BZW_COLUMN (BzwYearlyDateRow, label, BZW_COLUMN_TEXT),
  BZW_COLUMN (BzwYearlyDateRow, lead_days, BZW_COLUMN_INT),
};

static const BzwRowReader yearly_date_reader =
  BZW_ROW_READER (yearly_date_columns, NULL, "list_yearly_dates");

static const BzwColumn given_name_columns[] = {
  BZW_COLUMN (BzwYearlyDateRow, contact_id, BZW_COLUMN_INT64),
  BZW_COLUMN (BzwYearlyDateRow, name, BZW_COLUMN_TEXT),
  BZW_COLUMN (BzwYearlyDateRow, given_name, BZW_COLUMN_TEXT),
  BZW_COLUMN (BzwYearlyDateRow, lead_days, BZW_COLUMN_INT),
};

static const BzwRowReader given_name_reader =
  BZW_ROW_READER (given_name_columns, NULL, "list_given_names");

/**
 * bzw_store_list_yearly_dates:
 *
 * Returns: (transfer full) (element-type BzwYearlyDateRow): the birthdays
 *   and date fields of the contacts that are not archived, each with the
 *   longest lead time of the contact's circles (0 without one)
 */
GArray *
bzw_store_list_yearly_dates (BzwStore  *self,
                             GError   **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT d.contact_id, " NAME_SQL ("c") ", d.day, d.label,"
                             " coalesce ((SELECT max (ci.lead_days) FROM contact_circles cc"
                             "   JOIN circles ci ON ci.id = cc.circle_id WHERE cc.contact_id = c.id), 0)"
                             " FROM (SELECT id AS contact_id, birthday AS day, NULL AS label, -1 AS position"
                             "         FROM contacts WHERE birthday IS NOT NULL"
                             "       UNION ALL"
                             "       SELECT contact_id, value, label, position FROM contact_fields"
                             "        WHERE kind = 'date') d"
                             " JOIN contacts c ON c.id = d.contact_id"
                             " WHERE c.archived = 0"
                             " ORDER BY c.sort_key, c.id, d.position",
                             error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, TRUE, sizeof (BzwYearlyDateRow));
  g_array_set_clear_func (rows, (GDestroyNotify) clear_yearly_date_row);
  if (!_bzw_store_read_rows (self, stmt, rows, &yearly_date_reader, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/**
 * bzw_store_list_given_names:
 *
 * Returns: (transfer full) (element-type BzwYearlyDateRow): the given
 *   names of the contacts that are not archived, for their name days, each
 *   with the longest lead time of the contact's circles
 */
GArray *
bzw_store_list_given_names (BzwStore  *self,
                            GError   **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT c.id, " NAME_SQL ("c") ", c.given_name,"
                             " coalesce ((SELECT max (ci.lead_days) FROM contact_circles cc"
                             "   JOIN circles ci ON ci.id = cc.circle_id WHERE cc.contact_id = c.id), 0)"
                             " FROM contacts c"
                             " WHERE c.archived = 0 AND c.given_name IS NOT NULL"
                             " ORDER BY c.sort_key, c.id",
                             error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, TRUE, sizeof (BzwYearlyDateRow));
  g_array_set_clear_func (rows, (GDestroyNotify) clear_yearly_date_row);
  if (!_bzw_store_read_rows (self, stmt, rows, &given_name_reader, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/* Whether name days count as occasions: off unless switched on. */
gboolean
bzw_store_get_name_days (BzwStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  value = bzw_store_dup_setting (self, "name-days");
  return g_strcmp0 (value, "true") == 0;
}

/**
 * bzw_store_set_name_days:
 * @shown: whether name days count as occasions
 *
 * Kept in the database, so the Überblick (on a connection of its own),
 * the reminder and the command line agree; announced as a change of the
 * contacts, so the Überblick reads its occasions again.
 */
gboolean
bzw_store_set_name_days (BzwStore  *self,
                         gboolean   shown,
                         GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (!shown == !bzw_store_get_name_days (self))
    return TRUE;

  if (!bzw_store_begin (self, error))
    return FALSE;
  ok = bzw_store_set_setting (self, "name-days", shown ? "true" : "false", error);
  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CONTACTS, 0);
  return bzw_store_finish (self, ok, error);
}

static void
clear_follow_up_row (BzwFollowUpRow *row)
{
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->day, g_free);
  g_clear_pointer (&row->note, g_free);
  g_clear_pointer (&row->snoozed_until, g_free);
}

/**
 * bzw_store_list_follow_ups:
 * @until: the last day, "YYYY-MM-DD"
 *
 * Returns: (transfer full) (element-type BzwFollowUpRow): the follow-ups of
 *   contacts that are not archived up to @until (those past included), the
 *   earliest first
 */
GArray *
bzw_store_list_follow_ups (BzwStore    *self,
                           const char  *until,
                           GError     **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);
  g_return_val_if_fail (until != NULL, NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT c.id, " NAME_SQL ("c") ", c.follow_up_on, c.follow_up_note, c.snoozed_until"
                             " FROM contacts c"
                             " WHERE c.follow_up_on IS NOT NULL AND c.follow_up_on <= ?1 AND c.archived = 0"
                             " ORDER BY c.follow_up_on, c.sort_key, c.id",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, until, -1, SQLITE_TRANSIENT);
  rows = g_array_new (FALSE, TRUE, sizeof (BzwFollowUpRow));
  g_array_set_clear_func (rows, (GDestroyNotify) clear_follow_up_row);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwFollowUpRow row = { 0 };

      row.contact_id = sqlite3_column_int64 (stmt, 0);
      row.name = _bzw_store_column_dup_text (stmt, 1);
      row.day = _bzw_store_column_dup_text (stmt, 2);
      row.note = _bzw_store_column_dup_text (stmt, 3);
      row.snoozed_until = _bzw_store_column_dup_text (stmt, 4);
      g_array_append_val (rows, row);
    }

  if (!_bzw_store_finish_rows (self, stmt, rc, "list_follow_ups", error))
    return NULL;

  return g_steal_pointer (&rows);
}

static void
clear_planned_row (BzwPlannedRow *row)
{
  g_clear_pointer (&row->people, g_free);
}

static GArray *
read_planned_rows (BzwStore      *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (BzwPlannedRow));
  int rc;

  g_array_set_clear_func (rows, (GDestroyNotify) clear_planned_row);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwPlannedRow row = { 0 };

      row.encounter_id = sqlite3_column_int64 (stmt, 0);
      row.happened_at = sqlite3_column_int64 (stmt, 1);
      row.first_contact_id = sqlite3_column_int64 (stmt, 2);
      row.people = _bzw_store_column_dup_text (stmt, 3);
      g_array_append_val (rows, row);
    }

  if (!_bzw_store_finish_rows (self, stmt, rc, "list_planned", error))
    return NULL;

  return g_steal_pointer (&rows);
}

#define PLANNED_COLUMNS_SQL \
  "SELECT e.id, e.happened_at," \
  " (SELECT min (p.contact_id) FROM encounter_participants p WHERE p.encounter_id = e.id)," \
  " (SELECT group_concat (coalesce (" NAME_OR_NULL_SQL ("c") ", p.name), ', ')" \
  "    FROM encounter_participants p LEFT JOIN contacts c ON c.id = p.contact_id" \
  "   WHERE p.encounter_id = e.id)" \
  " FROM encounters e"

/**
 * bzw_store_list_planned:
 * @after: Unix time: the encounters after it are listed
 * @limit: how many at most
 *
 * Returns: (transfer full) (element-type BzwPlannedRow): the encounters
 *   still to come, the soonest first
 */
GArray *
bzw_store_list_planned (BzwStore  *self,
                        gint64     after,
                        guint      limit,
                        GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self, PLANNED_COLUMNS_SQL " WHERE e.happened_at > ?1 ORDER BY e.happened_at, e.id LIMIT ?2",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, after);
  sqlite3_bind_int (stmt, 2, limit);
  return read_planned_rows (self, stmt, error);
}

/**
 * bzw_store_list_past_planned:
 * @now: Unix time
 *
 * Returns: (transfer full) (element-type BzwPlannedRow): the planned
 *   encounters whose time has come and that nobody confirmed yet, the
 *   oldest first
 */
GArray *
bzw_store_list_past_planned (BzwStore  *self,
                             gint64     now,
                             GError   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self, PLANNED_COLUMNS_SQL " WHERE e.planned = 1 AND e.happened_at <= ?1"
                             " ORDER BY e.happened_at, e.id",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, now);
  return read_planned_rows (self, stmt, error);
}

/* The planned encounter took place. */
gboolean
bzw_store_confirm_encounter (BzwStore  *self,
                             gint64     encounter_id,
                             GError   **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  return _bzw_store_write_id (self, "UPDATE encounters SET planned = 0 WHERE id = ?1", encounter_id,
                              BZW_STORE_CHANGE_JOURNAL, 0, error);
}
