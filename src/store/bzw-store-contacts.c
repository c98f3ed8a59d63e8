/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-id-set.h"
#include "bzw-name-order.h"
#include "bzw-store-private.h"
#include "bzw-store-io.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#define CONTACT_COLUMNS BZW_CONTACT_COLUMNS ("photo")

/* The statements of bzw_store_save_contact(), which a bulk transaction
 * runs without the CHECK constraints (see _bzw_store_prepare_unchecked()).
 */
#define INSERT_FIELD_SQL \
  "INSERT INTO contact_fields (contact_id, kind, label, value, pref, position," \
  " item_group) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"

#define INSERT_CIRCLE_SQL \
  "INSERT OR IGNORE INTO contact_circles (contact_id, circle_id) VALUES (?1, ?2)"

#define INSERT_CONTACT_SQL \
  "INSERT INTO contacts (" CONTACT_COLUMNS ", sort_key) VALUES" \
  " (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16," \
  " ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?30, ?31, ?32, ?33, ?29)"

#define UPDATE_CONTACT_SQL \
  "UPDATE contacts SET uid = ?2, created = ?3, modified = ?4, display_name = ?5," \
  " prefix = ?6, given_name = ?7, additional_names = ?8, family_name = ?9," \
  " suffix = ?10, nickname = ?11, organisation = ?12, role = ?13, birthday = ?14," \
  " photo = ?15, photo_uri = ?16, met_how = ?17, met_on = ?18," \
  " met_in_person = ?19, offers = ?20, seeks = ?21, trust = ?22, trust_for = ?23," \
  " interval_ideal_days = ?24, interval_max_days = ?25, notes = ?26," \
  " archived = ?27, extra = ?28, department = ?30, follow_up_on = ?31," \
  " follow_up_note = ?32, snoozed_until = ?33, sort_key = ?29 WHERE id = ?1"

/* The contact's own rhythm, else the tightest of its circles'. */
#define IDEAL_DAYS_SQL \
  "coalesce (c.interval_ideal_days, (SELECT min (ci.interval_ideal_days) FROM contact_circles cc " \
  " JOIN circles ci ON ci.id = cc.circle_id WHERE cc.contact_id = c.id))"

/* @what names the field untranslated (N_()): it is translated only for
 * the error, not for every contact an import saves.
 */
gboolean
_bzw_store_validate_date (const char  *text,
                          const char  *what,
                          GError     **error)
{
  int year = 0;
  int month;
  int day;
  gboolean ok;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  if (strncmp (text, "--", 2) == 0)
    ok = sscanf (text, "--%2d-%2d", &month, &day) == 2 && strlen (text) == 7;
  else
    ok = sscanf (text, "%4d-%2d-%2d", &year, &month, &day) == 3 && strlen (text) == 10;

  /* Without a year, 29 February is allowed. */
  if (ok)
    ok = g_date_valid_dmy (day, month, year > 0 ? year : 2000);

  if (!ok)
    g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                 /* Translators: %s names the field, e.g. "Geburtstag". */
                 _("%s: this date does not exist."), _(what));

  return ok;
}

static gboolean
validate_contact (BzwContact  *contact,
                  GError     **error)
{
  GPtrArray *fields = bzw_contact_get_fields (contact);
  g_autofree char *name = bzw_contact_dup_best_name (contact);

  if (name[0] == '\0')
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("A contact needs a name, an organisation or an e-mail address."));
      return FALSE;
    }

  if (!_bzw_store_validate_date (bzw_contact_get_birthday (contact), N_("Birthday"), error) ||
      !_bzw_store_validate_date (bzw_contact_get_met_on (contact), N_("Met on"), error) ||
      !_bzw_store_validate_date (bzw_contact_get_follow_up_on (contact), N_("Follow-up"), error) ||
      !_bzw_store_validate_date (bzw_contact_get_snoozed_until (contact), N_("Remind later"), error))
    return FALSE;

  for (guint i = 0; i < fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, i);

      if (field->kind == BZW_FIELD_EMAIL && strchr (field->value, '@') == NULL)
        {
          g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                       _("“%s” is not an e-mail address: the “@” is missing."), field->value);
          return FALSE;
        }
    }

  return TRUE;
}

/* The key the list sorts by: the German name order of the model
 * (bzw-name-order.c), family or given name first as the user chose.
 */
static char *
dup_sort_key (BzwStore   *self,
              BzwContact *contact)
{
  return bzw_name_dup_sort_key_for_contact (contact, self->name_order);
}

gboolean
_bzw_store_update_sort_key (BzwStore    *self,
                            BzwContact  *contact,
                            GError     **error)
{
  g_autofree char *key = dup_sort_key (self, contact);
  sqlite3_stmt *stmt;

  stmt = _bzw_store_prepare (self, "UPDATE contacts SET sort_key = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, bzw_contact_get_id (contact));
  sqlite3_bind_blob (stmt, 2, key, strlen (key), SQLITE_TRANSIENT);
  return _bzw_store_step_done (self, stmt, error);
}

/* The texts stay in @c until the statement has run: bound without copies. */
static void
bind_contact (sqlite3_stmt *stmt,
              BzwContact   *c)
{
  GBytes *photo = bzw_contact_get_photo (c);

  sqlite3_bind_int64 (stmt, 1, bzw_contact_get_id (c));
  sqlite3_bind_text (stmt, 2, bzw_contact_get_uid (c), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, bzw_contact_get_created (c));
  sqlite3_bind_int64 (stmt, 4, bzw_contact_get_modified (c));
  sqlite3_bind_text (stmt, 5, bzw_contact_get_display_name (c) != NULL ? bzw_contact_get_display_name (c) : "",
                     -1, SQLITE_STATIC);
  _bzw_store_bind_text_static (stmt, 6, bzw_contact_get_prefix (c));
  _bzw_store_bind_text_static (stmt, 7, bzw_contact_get_given_name (c));
  _bzw_store_bind_text_static (stmt, 8, bzw_contact_get_additional_names (c));
  _bzw_store_bind_text_static (stmt, 9, bzw_contact_get_family_name (c));
  _bzw_store_bind_text_static (stmt, 10, bzw_contact_get_suffix (c));
  _bzw_store_bind_text_static (stmt, 11, bzw_contact_get_nickname (c));
  _bzw_store_bind_text_static (stmt, 12, bzw_contact_get_organisation (c));
  _bzw_store_bind_text_static (stmt, 13, bzw_contact_get_role (c));
  _bzw_store_bind_text_static (stmt, 14, bzw_contact_get_birthday (c));
  if (photo != NULL)
    sqlite3_bind_blob (stmt, 15, g_bytes_get_data (photo, NULL), g_bytes_get_size (photo), SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 15);
  _bzw_store_bind_text_static (stmt, 16, bzw_contact_get_photo_uri (c));
  _bzw_store_bind_text_static (stmt, 17, bzw_contact_get_met_how (c));
  _bzw_store_bind_text_static (stmt, 18, bzw_contact_get_met_on (c));
  sqlite3_bind_int (stmt, 19, bzw_contact_get_met_in_person (c));
  _bzw_store_bind_text_static (stmt, 20, bzw_contact_get_offers (c));
  _bzw_store_bind_text_static (stmt, 21, bzw_contact_get_seeks (c));
  sqlite3_bind_int (stmt, 22, bzw_contact_get_trust (c));
  _bzw_store_bind_text_static (stmt, 23, bzw_contact_get_trust_for (c));
  _bzw_store_bind_id (stmt, 24, bzw_contact_get_interval_ideal (c));
  _bzw_store_bind_id (stmt, 25, bzw_contact_get_interval_max (c));
  _bzw_store_bind_text_static (stmt, 26, bzw_contact_get_notes (c));
  sqlite3_bind_int (stmt, 27, bzw_contact_get_archived (c));
  _bzw_store_bind_text_static (stmt, 28, bzw_contact_get_extra (c));
  _bzw_store_bind_text_static (stmt, 30, bzw_contact_get_department (c));
  _bzw_store_bind_text_static (stmt, 31, bzw_contact_get_follow_up_on (c));
  _bzw_store_bind_text_static (stmt, 32, bzw_contact_get_follow_up_note (c));
  _bzw_store_bind_text_static (stmt, 33, bzw_contact_get_snoozed_until (c));
}

/* A new contact has no fields and circles to replace yet. */
/* Runs @sql, a DELETE with @id as ?1, without the CHECK constraints (see
 * _bzw_store_prepare_unchecked()).
 */
static gboolean
delete_unchecked (BzwStore    *self,
                  const char  *sql,
                  gint64       id,
                  GError     **error)
{
  sqlite3_stmt *stmt = _bzw_store_prepare_unchecked (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return _bzw_store_step_done (self, stmt, error);
}

static gboolean
save_contact_fields (BzwStore    *self,
                     BzwContact  *contact,
                     gboolean     is_new,
                     GError     **error)
{
  GPtrArray *fields = bzw_contact_get_fields (contact);
  GArray *circles = bzw_contact_get_circle_ids (contact);
  gint64 id = bzw_contact_get_id (contact);
  sqlite3_stmt *stmt;

  if (!is_new && !delete_unchecked (self, "DELETE FROM contact_fields WHERE contact_id = ?1", id, error))
    return FALSE;

  for (guint i = 0; i < fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, i);

      stmt = _bzw_store_prepare_unchecked (self, INSERT_FIELD_SQL, error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, bzw_field_kind_to_string (field->kind), -1, SQLITE_STATIC);
      _bzw_store_bind_text_static (stmt, 3, field->label);
      sqlite3_bind_text (stmt, 4, field->value, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, field->pref);
      sqlite3_bind_int (stmt, 6, i);
      _bzw_store_bind_text_static (stmt, 7, field->group);
      if (!_bzw_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (!is_new && !delete_unchecked (self, "DELETE FROM contact_circles WHERE contact_id = ?1", id, error))
    return FALSE;

  for (guint i = 0; i < circles->len; i++)
    {
      stmt = _bzw_store_prepare_unchecked (self, INSERT_CIRCLE_SQL, error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (circles, gint64, i));
      if (!_bzw_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * bzw_store_save_contact:
 *
 * Inserts @contact when its id is 0, else updates it, with its fields and
 * circles, in one transaction.  Sets the id, uid and times on @contact.
 */
gboolean
bzw_store_save_contact (BzwStore    *self,
                        BzwContact  *contact,
                        GError     **error)
{
  gboolean is_new;
  sqlite3_stmt *stmt;
  gint64 now = _bzw_store_now ();
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (BZW_IS_CONTACT (contact), FALSE);

  if (!validate_contact (contact, error))
    return FALSE;

  is_new = bzw_contact_get_id (contact) == 0;

  if (!bzw_store_begin (self, error))
    return FALSE;

  if (is_new)
    {
      if (bzw_contact_get_uid (contact) == NULL)
        {
          g_autofree char *uid = g_uuid_string_random ();

          bzw_contact_set_uid (contact, uid);
        }
      bzw_contact_set_times (contact,
                             bzw_contact_get_created (contact) > 0 ? bzw_contact_get_created (contact) : now,
                             now);
      stmt = _bzw_store_prepare_unchecked (self, INSERT_CONTACT_SQL, error);
    }
  else
    {
      bzw_contact_set_times (contact, bzw_contact_get_created (contact), now);
      stmt = _bzw_store_prepare_unchecked (self, UPDATE_CONTACT_SQL, error);
    }

  ok = stmt != NULL;
  if (ok)
    {
      g_autofree char *sort_key = dup_sort_key (self, contact);

      bind_contact (stmt, contact);
      sqlite3_bind_blob (stmt, 29, sort_key, strlen (sort_key), SQLITE_STATIC);
      ok = _bzw_store_step_done (self, stmt, error);
    }

  if (ok && !is_new && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND,
                           _("The contact no longer exists."));
      ok = FALSE;
    }

  if (ok && is_new)
    bzw_contact_set_id (contact, sqlite3_last_insert_rowid (self->db));

  ok = ok && save_contact_fields (self, contact, is_new, error);

  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CONTACTS, bzw_contact_get_id (contact));
  else if (is_new)
    bzw_contact_set_id (contact, 0);

  return bzw_store_finish (self, ok, error);
}

/* Sets the parts of the name, display_name to organisation in the order
 * of BZW_CONTACT_COLUMNS, from the columns of @stmt from @first on.
 */
static void
read_name_columns (sqlite3_stmt *stmt,
                   int           first,
                   BzwContact   *contact)
{
  bzw_contact_set_display_name (contact, _bzw_store_column_text (stmt, first));
  bzw_contact_set_prefix (contact, _bzw_store_column_text (stmt, first + 1));
  bzw_contact_set_given_name (contact, _bzw_store_column_text (stmt, first + 2));
  bzw_contact_set_additional_names (contact, _bzw_store_column_text (stmt, first + 3));
  bzw_contact_set_family_name (contact, _bzw_store_column_text (stmt, first + 4));
  bzw_contact_set_suffix (contact, _bzw_store_column_text (stmt, first + 5));
  bzw_contact_set_nickname (contact, _bzw_store_column_text (stmt, first + 6));
  bzw_contact_set_organisation (contact, _bzw_store_column_text (stmt, first + 7));
}

/* Sets the contact's own columns from a row of BZW_CONTACT_COLUMNS and
 * one more, the time of the last encounter (BZW_LAST_ENCOUNTER_SQL).
 */
void
_bzw_store_read_contact_columns (sqlite3_stmt *stmt,
                                 BzwContact   *contact)
{
  bzw_contact_set_id (contact, sqlite3_column_int64 (stmt, 0));
  bzw_contact_set_uid (contact, _bzw_store_column_text (stmt, 1));
  bzw_contact_set_times (contact, sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3));
  read_name_columns (stmt, 4, contact);
  bzw_contact_set_role (contact, _bzw_store_column_text (stmt, 12));
  bzw_contact_set_birthday (contact, _bzw_store_column_text (stmt, 13));
  if (sqlite3_column_type (stmt, 14) == SQLITE_BLOB)
    {
      g_autoptr(GBytes) photo = g_bytes_new (sqlite3_column_blob (stmt, 14), sqlite3_column_bytes (stmt, 14));

      bzw_contact_set_photo (contact, photo);
    }
  bzw_contact_set_photo_uri (contact, _bzw_store_column_text (stmt, 15));
  bzw_contact_set_met_how (contact, _bzw_store_column_text (stmt, 16));
  bzw_contact_set_met_on (contact, _bzw_store_column_text (stmt, 17));
  bzw_contact_set_met_in_person (contact, sqlite3_column_int (stmt, 18));
  bzw_contact_set_offers (contact, _bzw_store_column_text (stmt, 19));
  bzw_contact_set_seeks (contact, _bzw_store_column_text (stmt, 20));
  bzw_contact_set_trust (contact, CLAMP (sqlite3_column_int (stmt, 21), BZW_TRUST_UNKNOWN, BZW_TRUST_YES));
  bzw_contact_set_trust_for (contact, _bzw_store_column_text (stmt, 22));
  bzw_contact_set_interval_ideal (contact, sqlite3_column_int (stmt, 23));
  bzw_contact_set_interval_max (contact, sqlite3_column_int (stmt, 24));
  bzw_contact_set_notes (contact, _bzw_store_column_text (stmt, 25));
  bzw_contact_set_archived (contact, sqlite3_column_int (stmt, 26));
  bzw_contact_set_extra (contact, _bzw_store_column_text (stmt, 27));
  bzw_contact_set_department (contact, _bzw_store_column_text (stmt, 28));
  bzw_contact_set_follow_up_on (contact, _bzw_store_column_text (stmt, 29));
  bzw_contact_set_follow_up_note (contact, _bzw_store_column_text (stmt, 30));
  bzw_contact_set_snoozed_until (contact, _bzw_store_column_text (stmt, 31));
  bzw_contact_set_last_encounter (contact, sqlite3_column_int64 (stmt, 32));
}

static gboolean
read_contact_fields (BzwStore    *self,
                     BzwContact  *contact,
                     GError     **error)
{
  sqlite3_stmt *stmt = _bzw_store_prepare (self,
                                           "SELECT kind, label, value, pref, item_group FROM contact_fields"
                                           " WHERE contact_id = ?1 ORDER BY position, id",
                                           error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, bzw_contact_get_id (contact));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      BzwContactField *field;
      BzwFieldKind kind;

      if (!bzw_field_kind_from_string (_bzw_store_column_text (stmt, 0), &kind))
        continue;

      bzw_contact_add_field (contact, kind, _bzw_store_column_text (stmt, 1), _bzw_store_column_text (stmt, 2));
      field = g_ptr_array_index (bzw_contact_get_fields (contact), bzw_contact_get_fields (contact)->len - 1);
      field->pref = sqlite3_column_int (stmt, 3);
      field->group = g_strdup (_bzw_store_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
read_contact_circles (BzwStore    *self,
                      BzwContact  *contact,
                      GError     **error)
{
  g_autoptr(GArray) circles = NULL;
  sqlite3_stmt *stmt;

  stmt = _bzw_store_prepare (self,
                             "SELECT cc.circle_id FROM contact_circles cc JOIN circles ci ON ci.id = cc.circle_id"
                             " WHERE cc.contact_id = ?1 ORDER BY ci.position, ci.id",
                             error);
  if (stmt == NULL)
    return FALSE;

  circles = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, bzw_contact_get_id (contact));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 circle_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (circles, circle_id);
    }
  sqlite3_reset (stmt);
  bzw_contact_set_circle_ids (contact, circles);
  return TRUE;
}

BzwContact *
bzw_store_dup_contact (BzwStore  *self,
                       gint64     id,
                       GError   **error)
{
  g_autoptr(BzwContact) contact = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_read_row (self,
                              "SELECT " CONTACT_COLUMNS ", " BZW_LAST_ENCOUNTER_SQL
                              " FROM contacts c WHERE id = ?1",
                              id, _("The contact no longer exists."), "dup_contact", error);
  if (stmt == NULL)
    return NULL;

  contact = bzw_contact_new ();
  _bzw_store_read_contact_columns (stmt, contact);
  sqlite3_reset (stmt);

  if (!read_contact_fields (self, contact, error) ||
      !read_contact_circles (self, contact, error))
    return NULL;

  return g_steal_pointer (&contact);
}

gboolean
bzw_store_delete_contact (BzwStore  *self,
                          gint64     id,
                          GError   **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  return _bzw_store_write_id (self, "DELETE FROM contacts WHERE id = ?1", id,
                              BZW_STORE_CHANGE_CONTACTS | BZW_STORE_CHANGE_RELATIONSHIPS |
                              BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_MAP,
                              id, error);
}

/* Turns what the user typed into an FTS5 query of quoted prefix terms, so
 * no character of it is read as query syntax.
 */
static char *
fts_query_from_text (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r,;", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

typedef struct
{
  gint64 id;
  gint   archived;
} OrderEntry;

/* Every contact in list order, read once and kept until a row changes:
 * one walk through the covering index contacts_order.
 */
static GArray *
contact_order (BzwStore  *self,
               GError   **error)
{
  gint64 changes = sqlite3_total_changes64 (self->db);
  gint64 data_version = _bzw_store_data_version (self);
  g_autoptr(GArray) order = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (self->contact_order != NULL &&
      self->contact_order_changes == changes &&
      self->contact_order_data_version == data_version)
    return self->contact_order;

  g_clear_pointer (&self->contact_order, g_array_unref);

  stmt = _bzw_store_prepare (self, "SELECT id, archived FROM contacts ORDER BY sort_key, id", error);
  if (stmt == NULL)
    return NULL;

  order = g_array_new (FALSE, FALSE, sizeof (OrderEntry));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OrderEntry entry = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1) };

      g_array_append_val (order, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "list_contact_ids");
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  self->contact_order = g_steal_pointer (&order);
  self->contact_order_changes = changes;
  self->contact_order_data_version = data_version;
  return self->contact_order;
}

/* The list without the filters that need SQL per contact: the order in
 * memory, filtered by the set of full-text matches.  Typing a letter costs
 * one FTS5 lookup and a walk through an array, not a sort of every match.
 */
static GArray *
list_in_order (BzwStore    *self,
               const char  *fts,
               gboolean     include_archived,
               GError     **error)
{
  g_autoptr(BzwIdSet) matches = NULL;
  GArray *order;
  GArray *ids;

  if ((order = contact_order (self, error)) == NULL)
    return NULL;

  if (fts != NULL)
    {
      sqlite3_stmt *stmt = _bzw_store_prepare (self,
                                               "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?1",
                                               error);

      if (stmt == NULL)
        return NULL;

      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
      matches = bzw_id_set_new ();
      if (!bzw_id_set_add_rows (matches, stmt))
        {
          _bzw_store_set_error (self, error, "list_contact_ids");
          sqlite3_reset (stmt);
          return NULL;
        }
      sqlite3_reset (stmt);
    }

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                           matches != NULL ? bzw_id_set_get_size (matches) : order->len);
  for (guint i = 0; i < order->len; i++)
    {
      const OrderEntry *entry = &g_array_index (order, OrderEntry, i);

      if ((include_archived || !entry->archived) &&
          (matches == NULL || bzw_id_set_contains (matches, entry->id)))
        g_array_append_val (ids, entry->id);
    }

  return ids;
}

/**
 * bzw_store_list_contact_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the matching
 *   contacts in the order of the list (German collation of the name).
 */
GArray *
bzw_store_list_contact_ids (BzwStore               *self,
                            const BzwContactQuery  *query,
                            GError                **error)
{
  static const BzwContactQuery all = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *fts = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  if (query == NULL)
    query = &all;

  fts = fts_query_from_text (query->text);

  if (query->circle_id == 0 && !query->due_only && !query->online_only)
    return list_in_order (self, fts, query->include_archived, error);

  /* One statement for every filter; unused filters are bound to NULL/0. */
  stmt = _bzw_store_prepare (self,
                             "SELECT c.id FROM contacts c"
                             " WHERE (?1 IS NULL OR c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?1))"
                             "   AND (?2 IS NULL OR EXISTS (SELECT 1 FROM contact_circles cc"
                             "                              WHERE cc.contact_id = c.id AND cc.circle_id = ?2))"
                             "   AND (?3 = 0 OR ((coalesce (" BZW_LAST_ENCOUNTER_SQL ", c.created)"
                             "                    + " IDEAL_DAYS_SQL " * 86400 < ?6 OR c.follow_up_on <= ?7)"
                             "                   AND (c.snoozed_until IS NULL OR c.snoozed_until <= ?7)))"
                             "   AND (?4 = 0 OR (c.met_in_person = 0 AND NOT EXISTS ("
                             "        SELECT 1 FROM encounter_participants p JOIN encounters e ON e.id = p.encounter_id"
                             "         WHERE p.contact_id = c.id AND e.channel IN ('in-person', 'event'))))"
                             "   AND (?5 = 1 OR c.archived = 0)"
                             " ORDER BY c.sort_key, c.id",
                             error);
  if (stmt == NULL)
    return NULL;

  if (fts != NULL)
    sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  _bzw_store_bind_id (stmt, 2, query->circle_id);
  sqlite3_bind_int (stmt, 3, query->due_only);
  sqlite3_bind_int (stmt, 4, query->online_only);
  sqlite3_bind_int (stmt, 5, query->include_archived);
  sqlite3_bind_int64 (stmt, 6, _bzw_store_now ());
  sqlite3_bind_text (stmt, 7, today, -1, SQLITE_STATIC);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (!_bzw_store_finish_rows (self, stmt, rc, "list_contact_ids", error))
    return NULL;

  return g_steal_pointer (&ids);
}

/**
 * bzw_store_dup_contact_name:
 *
 * The name a contact is shown by (bzw_contact_dup_best_name()), read
 * without the rest of the contact: no photo, no notes, no fields but the
 * first e-mail address.  For lists that name many contacts.
 *
 * Returns: (transfer full) (nullable): the name, or %NULL when there is no
 *   such contact
 */
char *
bzw_store_dup_contact_name (BzwStore *self,
                            gint64    id)
{
  g_autoptr(BzwContact) c = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT display_name, prefix, given_name, additional_names, family_name, suffix,"
                             "       nickname, organisation,"
                             "       (SELECT value FROM contact_fields WHERE contact_id = ?1 AND kind = 'email'"
                             "         ORDER BY position LIMIT 1)"
                             "  FROM contacts WHERE id = ?1",
                             NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  c = bzw_contact_new ();
  read_name_columns (stmt, 0, c);
  if (sqlite3_column_type (stmt, 8) == SQLITE_TEXT)
    bzw_contact_add_field (c, BZW_FIELD_EMAIL, NULL, _bzw_store_column_text (stmt, 8));
  sqlite3_reset (stmt);

  return bzw_contact_dup_best_name (c);
}

guint
bzw_store_count_contacts (BzwStore *self)
{
  g_return_val_if_fail (BZW_IS_STORE (self), 0);

  return _bzw_store_step_int64 (_bzw_store_prepare (self, "SELECT count(*) FROM contacts", NULL), 0);
}

/**
 * bzw_store_find_contact_by_name:
 *
 * Returns: the first contact not archived whose shown name is @name, or 0
 */
gint64
bzw_store_find_contact_by_name (BzwStore   *self,
                                const char *name)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), 0);

  if (name == NULL ||
      (stmt = _bzw_store_prepare (self, "SELECT id FROM contacts WHERE display_name = ?1 AND archived = 0"
                                        " ORDER BY id LIMIT 1", NULL)) == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return _bzw_store_step_int64 (stmt, 0);
}

gint64
bzw_store_find_contact_by_uid (BzwStore   *self,
                               const char *uid)
{
  return bzw_store_find_row_by_uid (self, "contacts", uid);
}
