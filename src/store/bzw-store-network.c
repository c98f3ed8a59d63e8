/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Circles and relationships: how the contacts are grouped and who knows
 * whom.
 */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-store-private.h"

#include <glib/gi18n-lib.h>

/* Circles */

static void
bind_circle (sqlite3_stmt *stmt,
             gpointer      object)
{
  BzwCircle *circle = object;

  sqlite3_bind_text (stmt, 4, bzw_circle_get_name (circle), -1, SQLITE_TRANSIENT);
  _bzw_store_bind_text (stmt, 5, bzw_circle_get_color (circle));
  _bzw_store_bind_id (stmt, 6, bzw_circle_get_interval_ideal (circle));
  _bzw_store_bind_id (stmt, 7, bzw_circle_get_interval_max (circle));
  sqlite3_bind_int (stmt, 8, bzw_circle_get_position (circle));
  sqlite3_bind_int (stmt, 9, bzw_circle_get_lead_days (circle));
}

static const BzwRowSave circle_row = {
  .insert_sql = "INSERT INTO circles (uid, created, modified, name, color,"
                " interval_ideal_days, interval_max_days, position, lead_days)"
                " VALUES (?2, ?3, ?3, ?4, coalesce (?5, '#3584e4'), ?6, ?7, ?8, ?9)",
  .update_sql = "UPDATE circles SET uid = ?2, modified = ?3, name = ?4,"
                " color = coalesce (?5, color), interval_ideal_days = ?6,"
                " interval_max_days = ?7, position = ?8, lead_days = ?9 WHERE id = ?1",
  .bind = bind_circle,
  .what = BZW_STORE_CHANGE_CIRCLES,
};

gboolean
bzw_store_save_circle (BzwStore   *self,
                       BzwCircle  *circle,
                       GError    **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (BZW_IS_CIRCLE (circle), FALSE);

  if (bzw_circle_get_name (circle) == NULL)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("A circle needs a name."));
      return FALSE;
    }

  return _bzw_store_save_row (self, G_OBJECT (circle), &circle_row, error);
}

gboolean
bzw_store_delete_circle (BzwStore  *self,
                         gint64     id,
                         GError   **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  return _bzw_store_write_id (self, "DELETE FROM circles WHERE id = ?1", id,
                              BZW_STORE_CHANGE_CIRCLES | BZW_STORE_CHANGE_CONTACTS, 0, error);
}

/**
 * bzw_store_list_circles:
 *
 * Returns: (transfer full) (element-type BzwCircle): all circles in their
 *   order.
 */
GPtrArray *
bzw_store_list_circles (BzwStore  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) circles = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT id, uid, name, color, interval_ideal_days, interval_max_days, position,"
                             " lead_days"
                             " FROM circles ORDER BY position, name, id",
                             error);
  if (stmt == NULL)
    return NULL;

  circles = g_ptr_array_new_with_free_func (g_object_unref);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BzwCircle *circle = bzw_circle_new ();

      bzw_circle_set_id (circle, sqlite3_column_int64 (stmt, 0));
      bzw_circle_set_uid (circle, _bzw_store_column_text (stmt, 1));
      bzw_circle_set_name (circle, _bzw_store_column_text (stmt, 2));
      bzw_circle_set_color (circle, _bzw_store_column_text (stmt, 3));
      bzw_circle_set_interval_ideal (circle, sqlite3_column_int (stmt, 4));
      bzw_circle_set_interval_max (circle, sqlite3_column_int (stmt, 5));
      bzw_circle_set_position (circle, sqlite3_column_int (stmt, 6));
      bzw_circle_set_lead_days (circle, sqlite3_column_int (stmt, 7));
      g_ptr_array_add (circles, circle);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&circles);
}

gboolean
bzw_store_set_circle_member (BzwStore  *self,
                             gint64     contact_id,
                             gint64     circle_id,
                             gboolean   member,
                             GError   **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (!bzw_store_begin (self, error))
    return FALSE;

  if (member)
    stmt = _bzw_store_prepare (self,
                               "INSERT OR IGNORE INTO contact_circles (contact_id, circle_id) VALUES (?1, ?2)",
                               error);
  else
    stmt = _bzw_store_prepare (self,
                               "DELETE FROM contact_circles WHERE contact_id = ?1 AND circle_id = ?2",
                               error);

  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, contact_id);
      sqlite3_bind_int64 (stmt, 2, circle_id);
      ok = _bzw_store_step_done (self, stmt, error);
    }
  _bzw_store_note_contact (self, contact_id);
  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CONTACTS, contact_id);

  return bzw_store_finish (self, ok, error);
}

/* Relationships */

static void
bind_relationship (sqlite3_stmt *stmt,
                   gpointer      object)
{
  BzwRelationship *rel = object;

  sqlite3_bind_int64 (stmt, 4, bzw_relationship_get_a_id (rel));
  sqlite3_bind_int64 (stmt, 5, bzw_relationship_get_b_id (rel));
  _bzw_store_bind_text (stmt, 6, bzw_relationship_get_kind (rel));
  sqlite3_bind_int (stmt, 7, CLAMP (bzw_relationship_get_strength (rel), 1, 5));
  _bzw_store_bind_text (stmt, 8, bzw_relationship_get_since (rel));
  _bzw_store_bind_text (stmt, 9, bzw_relationship_get_note (rel));
}

static const BzwRowSave relationship_row = {
  .insert_sql = "INSERT INTO relationships (uid, created, modified, a_id, b_id, kind, strength,"
                " since, note)"
                " VALUES (?2, ?3, ?3, ?4, ?5, coalesce (?6, 'acquaintance'), ?7, ?8, ?9)",
  .update_sql = "UPDATE relationships SET uid = ?2, modified = ?3, a_id = ?4, b_id = ?5,"
                " kind = coalesce (?6, kind), strength = ?7, since = ?8, note = ?9 WHERE id = ?1",
  .bind = bind_relationship,
  .what = BZW_STORE_CHANGE_RELATIONSHIPS,
};

gboolean
bzw_store_save_relationship (BzwStore         *self,
                             BzwRelationship  *rel,
                             GError          **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (BZW_IS_RELATIONSHIP (rel), FALSE);

  if (bzw_relationship_get_a_id (rel) == bzw_relationship_get_b_id (rel))
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("A relationship needs two different contacts."));
      return FALSE;
    }

  if (!_bzw_store_validate_date (bzw_relationship_get_since (rel), N_("Since"), error))
    return FALSE;

  return _bzw_store_save_row (self, G_OBJECT (rel), &relationship_row, error);
}

gboolean
bzw_store_delete_relationship (BzwStore  *self,
                               gint64     id,
                               GError   **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  return _bzw_store_write_id (self, "DELETE FROM relationships WHERE id = ?1", id,
                              BZW_STORE_CHANGE_RELATIONSHIPS, id, error);
}

/**
 * bzw_store_list_relationships:
 * @contact_id: a contact, or 0 for all relationships
 *
 * Returns: (transfer full) (element-type BzwRelationship):
 */
GPtrArray *
bzw_store_list_relationships (BzwStore  *self,
                              gint64     contact_id,
                              GError   **error)
{
  g_autoptr(GPtrArray) rels = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT id, uid, a_id, b_id, kind, strength, since, note FROM relationships"
                             " WHERE ?1 IS NULL OR a_id = ?1 OR b_id = ?1 ORDER BY id",
                             error);
  if (stmt == NULL)
    return NULL;

  _bzw_store_bind_id (stmt, 1, contact_id);
  rels = g_ptr_array_new_with_free_func (g_object_unref);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BzwRelationship *rel = bzw_relationship_new ();

      bzw_relationship_set_id (rel, sqlite3_column_int64 (stmt, 0));
      bzw_relationship_set_uid (rel, _bzw_store_column_text (stmt, 1));
      bzw_relationship_set_a_id (rel, sqlite3_column_int64 (stmt, 2));
      bzw_relationship_set_b_id (rel, sqlite3_column_int64 (stmt, 3));
      bzw_relationship_set_kind (rel, _bzw_store_column_text (stmt, 4));
      bzw_relationship_set_strength (rel, sqlite3_column_int (stmt, 5));
      bzw_relationship_set_since (rel, _bzw_store_column_text (stmt, 6));
      bzw_relationship_set_note (rel, _bzw_store_column_text (stmt, 7));
      g_ptr_array_add (rels, rel);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&rels);
}

/**
 * bzw_store_list_map_positions:
 *
 * Returns: (transfer full) (element-type BzwMapPosition):
 */
GArray *
bzw_store_list_map_positions (BzwStore  *self,
                              GError   **error)
{
  g_autoptr(GArray) positions = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self, "SELECT contact_id, x, y, pinned FROM map_positions ORDER BY contact_id",
                             error);
  if (stmt == NULL)
    return NULL;

  positions = g_array_new (FALSE, FALSE, sizeof (BzwMapPosition));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BzwMapPosition pos = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_double (stmt, 1),
        sqlite3_column_double (stmt, 2),
        sqlite3_column_int (stmt, 3),
      };

      g_array_append_val (positions, pos);
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&positions);
}

gboolean
bzw_store_save_map_positions (BzwStore              *self,
                              const BzwMapPosition  *positions,
                              guint                  n_positions,
                              GError               **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (!bzw_store_begin (self, error))
    return FALSE;

  for (guint i = 0; ok && i < n_positions; i++)
    {
      sqlite3_stmt *stmt = _bzw_store_prepare (self,
                                               "INSERT OR REPLACE INTO map_positions (contact_id, x, y, pinned)"
                                               " SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM contacts WHERE id = ?1)",
                                               error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, positions[i].contact_id);
          sqlite3_bind_double (stmt, 2, positions[i].x);
          sqlite3_bind_double (stmt, 3, positions[i].y);
          sqlite3_bind_int (stmt, 4, positions[i].pinned);
          ok = _bzw_store_step_done (self, stmt, error);
        }
    }

  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_MAP, 0);

  return bzw_store_finish (self, ok, error);
}

/* „Kennengelernt über …“: a relationship of the kind "introducer" from the
 * contact who introduced me (a_id) to the contact (b_id).
 */

/**
 * bzw_store_get_introducer:
 *
 * Returns: the contact through whom I met @contact_id, or 0
 */
gint64
bzw_store_get_introducer (BzwStore *self,
                          gint64    contact_id)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), 0);

  stmt = _bzw_store_prepare (self,
                             "SELECT a_id FROM relationships WHERE kind = 'introducer' AND b_id = ?1"
                             " ORDER BY id LIMIT 1",
                             NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  return _bzw_store_step_int64 (stmt, 0);
}

/**
 * bzw_store_set_introducer:
 * @introducer_id: the contact through whom I met @contact_id, or 0 for none
 *
 * Sets who introduced me to @contact_id, in one transaction: the
 * relationship of the kind "introducer" is added, moved to another
 * introducer, or removed.
 */
gboolean
bzw_store_set_introducer (BzwStore  *self,
                          gint64     contact_id,
                          gint64     introducer_id,
                          GError   **error)
{
  gint64 current;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  current = bzw_store_get_introducer (self, contact_id);
  if (current == introducer_id)
    return TRUE;

  if (!bzw_store_begin (self, error))
    return FALSE;

  stmt = _bzw_store_prepare (self, "DELETE FROM relationships WHERE kind = 'introducer' AND b_id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, contact_id);
      ok = _bzw_store_step_done (self, stmt, error);
    }

  if (ok && introducer_id > 0)
    {
      g_autoptr(BzwRelationship) rel = bzw_relationship_new ();

      bzw_relationship_set_a_id (rel, introducer_id);
      bzw_relationship_set_b_id (rel, contact_id);
      bzw_relationship_set_kind (rel, "introducer");
      bzw_relationship_set_strength (rel, 3);
      ok = bzw_store_save_relationship (self, rel, error);
    }
  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_RELATIONSHIPS, contact_id);

  return bzw_store_finish (self, ok, error);
}
