/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-id-set.h"
#include "bzw-store-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

static void
ensure_uid (GObject *object)
{
  g_autofree char *uid = NULL;

  g_object_get (object, "uid", &uid, NULL);
  if (uid == NULL)
    {
      g_autofree char *fresh = g_uuid_string_random ();

      g_object_set (object, "uid", fresh, NULL);
    }
}

static void
bind_party (sqlite3_stmt   *stmt,
            int             index,
            const BzwParty *party)
{
  _bzw_store_bind_id (stmt, index, party->contact_id);
  _bzw_store_bind_text (stmt, index + 1, party->contact_id > 0 ? NULL : party->name);
}

static void
column_party (sqlite3_stmt *stmt,
              int           column,
              BzwParty     *party)
{
  party->contact_id = sqlite3_column_int64 (stmt, column);
  g_free (party->name);
  party->name = g_strdup (_bzw_store_column_text (stmt, column + 1));
}

static gboolean
validate_value (gint64   value_cents,
                GError **error)
{
  if (value_cents < 0)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("The value cannot be negative."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_sides (const BzwParty  *a,
                const BzwParty  *b,
                GError         **error)
{
  if (bzw_party_is_me (a) && bzw_party_is_me (b))
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("Both sides cannot be “Me”; choose a contact for one of them."));
      return FALSE;
    }

  if (a->contact_id > 0 && a->contact_id == b->contact_id)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("Both sides are the same person."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_day (const char  *day,
              GError     **error)
{
  if (day == NULL)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("The entry needs a date."));
      return FALSE;
    }

  return _bzw_store_validate_date (day, _("Date"), error);
}

/* Sets the row id of a new row, or reports a row that no longer exists.
 * A new row with the uid of a deleted one (an undo) takes its tombstone
 * back.
 */
static gboolean
finish_save (BzwStore   *self,
             GObject    *object,
             gboolean    is_new,
             GError    **error)
{
  if (is_new)
    {
      g_autofree char *uid = NULL;
      sqlite3_stmt *stmt;

      g_object_set (object, "id", (gint64) sqlite3_last_insert_rowid (self->db), NULL);
      g_object_get (object, "uid", &uid, NULL);
      stmt = _bzw_store_prepare (self, "DELETE FROM tombstones WHERE uid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
      return _bzw_store_step_done (self, stmt, error);
    }

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND,
                           _("The entry no longer exists."));
      return FALSE;
    }

  return TRUE;
}

gboolean
bzw_store_save_encounter (BzwStore      *self,
                          BzwEncounter  *encounter,
                          GError       **error)
{
  GArray *participants;
  gboolean is_new;
  sqlite3_stmt *stmt;
  gint64 now = _bzw_store_now ();
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (BZW_IS_ENCOUNTER (encounter), FALSE);

  participants = bzw_encounter_get_participants (encounter);
  if (participants->len == 0)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("An encounter needs at least one person."));
      return FALSE;
    }

  is_new = bzw_encounter_get_id (encounter) == 0;
  ensure_uid (G_OBJECT (encounter));

  if (!bzw_store_begin (self, error))
    return FALSE;

  if (is_new)
    stmt = _bzw_store_prepare (self,
                               "INSERT INTO encounters (uid, created, modified, happened_at, channel, place, notes)"
                               " VALUES (?2, ?3, ?3, ?4, ?5, ?6, ?7)",
                               error);
  else
    stmt = _bzw_store_prepare (self,
                               "UPDATE encounters SET uid = ?2, modified = ?3, happened_at = ?4, channel = ?5,"
                               " place = ?6, notes = ?7 WHERE id = ?1",
                               error);

  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, bzw_encounter_get_id (encounter));
      sqlite3_bind_text (stmt, 2, bzw_encounter_get_uid (encounter), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, now);
      sqlite3_bind_int64 (stmt, 4, bzw_encounter_get_happened_at (encounter));
      sqlite3_bind_text (stmt, 5, bzw_channel_to_string (bzw_encounter_get_channel (encounter)), -1, SQLITE_STATIC);
      _bzw_store_bind_text (stmt, 6, bzw_encounter_get_place (encounter));
      _bzw_store_bind_text (stmt, 7, bzw_encounter_get_notes (encounter));
      ok = _bzw_store_step_done (self, stmt, error) && finish_save (self, G_OBJECT (encounter), is_new, error);
    }

  if (ok)
    {
      stmt = _bzw_store_prepare (self, "DELETE FROM encounter_participants WHERE encounter_id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, bzw_encounter_get_id (encounter));
          ok = _bzw_store_step_done (self, stmt, error);
        }
    }

  for (guint i = 0; ok && i < participants->len; i++)
    {
      const BzwParty *party = &g_array_index (participants, BzwParty, i);

      stmt = _bzw_store_prepare (self,
                                 "INSERT INTO encounter_participants (encounter_id, contact_id, name)"
                                 " VALUES (?1, ?2, coalesce (?3, ''))",
                                 error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, bzw_encounter_get_id (encounter));
          bind_party (stmt, 2, party);
          ok = _bzw_store_step_done (self, stmt, error);
        }
    }

  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_CONTACTS, 0);
  else if (is_new)
    bzw_encounter_set_id (encounter, 0);

  return bzw_store_finish (self, ok, error);
}

BzwEncounter *
bzw_store_dup_encounter (BzwStore  *self,
                         gint64     id,
                         GError   **error)
{
  g_autoptr(BzwEncounter) encounter = NULL;
  sqlite3_stmt *stmt;
  BzwChannel channel = BZW_CHANNEL_IN_PERSON;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT id, uid, happened_at, channel, place, notes FROM encounters WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND,
                           _("The entry no longer exists."));
      return NULL;
    }

  encounter = bzw_encounter_new ();
  bzw_encounter_set_id (encounter, sqlite3_column_int64 (stmt, 0));
  bzw_encounter_set_uid (encounter, _bzw_store_column_text (stmt, 1));
  bzw_encounter_set_happened_at (encounter, sqlite3_column_int64 (stmt, 2));
  bzw_channel_from_string (_bzw_store_column_text (stmt, 3), &channel);
  bzw_encounter_set_channel (encounter, channel);
  bzw_encounter_set_place (encounter, _bzw_store_column_text (stmt, 4));
  bzw_encounter_set_notes (encounter, _bzw_store_column_text (stmt, 5));
  sqlite3_reset (stmt);

  stmt = _bzw_store_prepare (self,
                             "SELECT p.contact_id, CASE WHEN p.contact_id IS NULL THEN p.name END"
                             " FROM encounter_participants p WHERE p.encounter_id = ?1 ORDER BY p.rowid",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    bzw_encounter_add_participant (encounter, sqlite3_column_int64 (stmt, 0), _bzw_store_column_text (stmt, 1));
  sqlite3_reset (stmt);

  return g_steal_pointer (&encounter);
}

gboolean
bzw_store_save_favour (BzwStore   *self,
                       BzwFavour  *favour,
                       GError    **error)
{
  gboolean is_new;
  sqlite3_stmt *stmt;
  gint64 now = _bzw_store_now ();
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (BZW_IS_FAVOUR (favour), FALSE);

  if (!validate_sides (bzw_favour_get_from (favour), bzw_favour_get_to (favour), error) ||
      !validate_day (bzw_favour_get_day (favour), error) ||
      !_bzw_store_validate_date (bzw_favour_get_due (favour), _("Due"), error) ||
      !validate_value (bzw_favour_get_value_cents (favour), error))
    return FALSE;

  is_new = bzw_favour_get_id (favour) == 0;
  ensure_uid (G_OBJECT (favour));

  if (!bzw_store_begin (self, error))
    return FALSE;

  if (is_new)
    stmt = _bzw_store_prepare (self,
                               "INSERT INTO favours (uid, created, modified, day, from_id, from_name, to_id, to_name,"
                               " direction, state, description, value_cents, due, encounter_id)"
                               " VALUES (?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, coalesce (?11, ''), ?12, ?13, ?14)",
                               error);
  else
    stmt = _bzw_store_prepare (self,
                               "UPDATE favours SET uid = ?2, modified = ?3, day = ?4, from_id = ?5, from_name = ?6,"
                               " to_id = ?7, to_name = ?8, direction = ?9, state = ?10,"
                               " description = coalesce (?11, ''), value_cents = ?12, due = ?13,"
                               " encounter_id = ?14 WHERE id = ?1",
                               error);

  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, bzw_favour_get_id (favour));
      sqlite3_bind_text (stmt, 2, bzw_favour_get_uid (favour), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, now);
      sqlite3_bind_text (stmt, 4, bzw_favour_get_day (favour), -1, SQLITE_TRANSIENT);
      bind_party (stmt, 5, bzw_favour_get_from (favour));
      bind_party (stmt, 7, bzw_favour_get_to (favour));
      sqlite3_bind_text (stmt, 9, bzw_favour_direction_to_string (bzw_favour_get_direction (favour)),
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, bzw_favour_state_to_string (bzw_favour_get_state (favour)), -1, SQLITE_STATIC);
      _bzw_store_bind_text (stmt, 11, bzw_favour_get_description (favour));
      sqlite3_bind_int64 (stmt, 12, bzw_favour_get_value_cents (favour));
      _bzw_store_bind_text (stmt, 13, bzw_favour_get_due (favour));
      _bzw_store_bind_id (stmt, 14, bzw_favour_get_encounter_id (favour));
      ok = _bzw_store_step_done (self, stmt, error) && finish_save (self, G_OBJECT (favour), is_new, error);
    }

  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_JOURNAL, 0);
  else if (is_new)
    bzw_favour_set_id (favour, 0);

  return bzw_store_finish (self, ok, error);
}

BzwFavour *
bzw_store_dup_favour (BzwStore  *self,
                      gint64     id,
                      GError   **error)
{
  g_autoptr(BzwFavour) favour = NULL;
  BzwParty party = { 0 };
  BzwFavourDirection direction = BZW_FAVOUR_ASKED;
  BzwFavourState state = BZW_FAVOUR_OPEN;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT id, uid, day, from_id, from_name, to_id, to_name, direction, state,"
                             " description, value_cents, due, encounter_id FROM favours WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND,
                           _("The entry no longer exists."));
      return NULL;
    }

  favour = bzw_favour_new ();
  bzw_favour_set_id (favour, sqlite3_column_int64 (stmt, 0));
  bzw_favour_set_uid (favour, _bzw_store_column_text (stmt, 1));
  bzw_favour_set_day (favour, _bzw_store_column_text (stmt, 2));
  column_party (stmt, 3, &party);
  bzw_favour_set_from (favour, &party);
  column_party (stmt, 5, &party);
  bzw_favour_set_to (favour, &party);
  bzw_party_clear (&party);
  bzw_favour_direction_from_string (_bzw_store_column_text (stmt, 7), &direction);
  bzw_favour_set_direction (favour, direction);
  bzw_favour_state_from_string (_bzw_store_column_text (stmt, 8), &state);
  bzw_favour_set_state (favour, state);
  bzw_favour_set_description (favour, _bzw_store_column_text (stmt, 9));
  bzw_favour_set_value_cents (favour, sqlite3_column_int64 (stmt, 10));
  bzw_favour_set_due (favour, _bzw_store_column_text (stmt, 11));
  bzw_favour_set_encounter_id (favour, sqlite3_column_int64 (stmt, 12));
  sqlite3_reset (stmt);

  return g_steal_pointer (&favour);
}

gboolean
bzw_store_save_referral (BzwStore     *self,
                         BzwReferral  *referral,
                         GError      **error)
{
  gboolean is_new;
  sqlite3_stmt *stmt;
  gint64 now = _bzw_store_now ();
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (BZW_IS_REFERRAL (referral), FALSE);

  if (!validate_sides (bzw_referral_get_giver (referral), bzw_referral_get_receiver (referral), error) ||
      !validate_day (bzw_referral_get_day (referral), error) ||
      !validate_value (bzw_referral_get_value_cents (referral), error))
    return FALSE;

  if (bzw_referral_get_referred (referral)->contact_id == 0 && bzw_party_is_me (bzw_referral_get_referred (referral)))
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("Who was referred? Choose a contact or enter a name."));
      return FALSE;
    }

  is_new = bzw_referral_get_id (referral) == 0;
  ensure_uid (G_OBJECT (referral));

  if (!bzw_store_begin (self, error))
    return FALSE;

  if (is_new)
    stmt = _bzw_store_prepare (self,
                               "INSERT INTO referrals (uid, created, modified, day, giver_id, giver_name,"
                               " receiver_id, receiver_name, referred_id, referred_name, effort, state,"
                               " value_cents, thanked, notes)"
                               " VALUES (?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                               " coalesce (?10, (SELECT display_name FROM contacts WHERE id = ?9)),"
                               " ?11, ?12, ?13, ?14, ?15)",
                               error);
  else
    stmt = _bzw_store_prepare (self,
                               "UPDATE referrals SET uid = ?2, modified = ?3, day = ?4, giver_id = ?5,"
                               " giver_name = ?6, receiver_id = ?7, receiver_name = ?8, referred_id = ?9,"
                               " referred_name = coalesce (?10, (SELECT display_name FROM contacts WHERE id = ?9)),"
                               " effort = ?11, state = ?12, value_cents = ?13, thanked = ?14, notes = ?15"
                               " WHERE id = ?1",
                               error);

  ok = stmt != NULL;
  if (ok)
    {
      const BzwParty *referred = bzw_referral_get_referred (referral);

      sqlite3_bind_int64 (stmt, 1, bzw_referral_get_id (referral));
      sqlite3_bind_text (stmt, 2, bzw_referral_get_uid (referral), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, now);
      sqlite3_bind_text (stmt, 4, bzw_referral_get_day (referral), -1, SQLITE_TRANSIENT);
      bind_party (stmt, 5, bzw_referral_get_giver (referral));
      bind_party (stmt, 7, bzw_referral_get_receiver (referral));
      /* The referred name is kept even with a contact, for the search. */
      _bzw_store_bind_id (stmt, 9, referred->contact_id);
      _bzw_store_bind_text (stmt, 10, referred->contact_id > 0 ? NULL : referred->name);
      sqlite3_bind_int (stmt, 11, CLAMP (bzw_referral_get_effort (referral), 1, 5));
      sqlite3_bind_text (stmt, 12, bzw_referral_state_to_string (bzw_referral_get_state (referral)),
                         -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 13, bzw_referral_get_value_cents (referral));
      sqlite3_bind_int (stmt, 14, bzw_referral_get_thanked (referral));
      _bzw_store_bind_text (stmt, 15, bzw_referral_get_notes (referral));
      ok = _bzw_store_step_done (self, stmt, error) && finish_save (self, G_OBJECT (referral), is_new, error);
    }

  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_JOURNAL, 0);
  else if (is_new)
    bzw_referral_set_id (referral, 0);

  return bzw_store_finish (self, ok, error);
}

BzwReferral *
bzw_store_dup_referral (BzwStore  *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(BzwReferral) referral = NULL;
  BzwParty party = { 0 };
  BzwReferralState state = BZW_REFERRAL_GIVEN;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT id, uid, day, giver_id, giver_name, receiver_id, receiver_name,"
                             " referred_id, referred_name, effort, state, value_cents, thanked, notes"
                             " FROM referrals WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_FOUND,
                           _("The entry no longer exists."));
      return NULL;
    }

  referral = bzw_referral_new ();
  bzw_referral_set_id (referral, sqlite3_column_int64 (stmt, 0));
  bzw_referral_set_uid (referral, _bzw_store_column_text (stmt, 1));
  bzw_referral_set_day (referral, _bzw_store_column_text (stmt, 2));
  column_party (stmt, 3, &party);
  bzw_referral_set_giver (referral, &party);
  column_party (stmt, 5, &party);
  bzw_referral_set_receiver (referral, &party);
  column_party (stmt, 7, &party);
  bzw_referral_set_referred (referral, &party);
  bzw_party_clear (&party);
  bzw_referral_set_effort (referral, sqlite3_column_int (stmt, 9));
  bzw_referral_state_from_string (_bzw_store_column_text (stmt, 10), &state);
  bzw_referral_set_state (referral, state);
  bzw_referral_set_value_cents (referral, sqlite3_column_int64 (stmt, 11));
  bzw_referral_set_thanked (referral, sqlite3_column_int (stmt, 12));
  bzw_referral_set_notes (referral, _bzw_store_column_text (stmt, 13));
  sqlite3_reset (stmt);

  return g_steal_pointer (&referral);
}

gboolean
bzw_store_delete_journal_entry (BzwStore        *self,
                                BzwJournalKind   kind,
                                gint64           id,
                                GError         **error)
{
  const BzwStoreChange what = BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_CONTACTS;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  switch (kind)
    {
    case BZW_JOURNAL_ENCOUNTER:
      return _bzw_store_write_id (self, "DELETE FROM encounters WHERE id = ?1", id, what, 0, error);

    case BZW_JOURNAL_FAVOUR:
      return _bzw_store_write_id (self, "DELETE FROM favours WHERE id = ?1", id, what, 0, error);

    case BZW_JOURNAL_REFERRAL:
      return _bzw_store_write_id (self, "DELETE FROM referrals WHERE id = ?1", id, what, 0, error);

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* What the user typed as one quoted FTS5 prefix phrase, so no character
 * of it is read as query syntax; NULL for no text.
 */
static char *
journal_fts_query (const char *text)
{
  g_autoptr(GString) q = NULL;

  /* Only spaces: no search. */
  if (text == NULL || text[strspn (text, " \t\n\r")] == '\0')
    return NULL;

  q = g_string_new ("\"");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (q, '"');
      g_string_append_c (q, *p);
    }
  g_string_append (q, "\"*");
  return g_string_free (g_steal_pointer (&q), FALSE);
}

/**
 * bzw_store_match_journal:
 * @text: what the user typed
 * @n_by_kind: (out caller-allocates) (array fixed-size=4) (optional): how
 *   many matches of each #BzwJournalKind there are
 *
 * The entries whose text matches @text as bzw_store_list_journal() finds
 * them, unordered, as a set of keys made by bzw_journal_ref_key(): one
 * FTS5 lookup, for filtering the timeline while it streams.
 *
 * Returns: (transfer full): the set, or %NULL with @error set
 */
BzwIdSet *
bzw_store_match_journal (BzwStore    *self,
                         const char  *text,
                         guint       *n_by_kind,
                         GError     **error)
{
  g_autofree char *fts = journal_fts_query (text);
  g_autoptr(BzwIdSet) matches = bzw_id_set_new ();
  guint counts[4] = { 0, };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  if (n_by_kind != NULL)
    memset (n_by_kind, 0, sizeof counts);

  if (fts == NULL)
    return g_steal_pointer (&matches);

  /* The row id of journal_fts is the key: id * 4 + kind. */
  stmt = _bzw_store_prepare (self, "SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);

      bzw_id_set_add (matches, key);
      counts[key % 4]++;
    }

  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "match_journal");
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  if (n_by_kind != NULL)
    memcpy (n_by_kind, counts, sizeof counts);
  return g_steal_pointer (&matches);
}

static int
compare_refs_newest_first (gconstpointer a,
                           gconstpointer b)
{
  const BzwJournalRef *x = a;
  const BzwJournalRef *y = b;

  if (x->when != y->when)
    return x->when > y->when ? -1 : 1;

  return (x->id < y->id) - (x->id > y->id);
}

/**
 * bzw_store_list_journal_entries:
 * @ids: (element-type gint64): ids of entries of @kind
 * @refs: (element-type BzwJournalRef): where the entries are appended
 *
 * The entries of @kind with the given ids (those of @contact_id only,
 * unless it is 0), newest first, as bzw_store_list_journal_before() orders
 * them: for a search that found few entries of one kind.
 */
gboolean
bzw_store_list_journal_entries (BzwStore        *self,
                                BzwJournalKind   kind,
                                gint64           contact_id,
                                GArray          *ids,
                                GArray          *refs,
                                GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  guint first = refs->len;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  switch (kind)
    {
    case BZW_JOURNAL_ENCOUNTER:
      stmt = _bzw_store_prepare (self,
                                 "SELECT e.happened_at FROM encounters e WHERE e.id = ?1"
                                 "   AND (?2 IS NULL OR EXISTS (SELECT 1 FROM encounter_participants p"
                                 "                              WHERE p.encounter_id = e.id AND p.contact_id = ?2))",
                                 error);
      break;

    case BZW_JOURNAL_FAVOUR:
      stmt = _bzw_store_prepare (self,
                                 "SELECT unixepoch (f.day, '+12 hours') FROM favours f WHERE f.id = ?1"
                                 "   AND (?2 IS NULL OR f.from_id = ?2 OR f.to_id = ?2)",
                                 error);
      break;

    case BZW_JOURNAL_REFERRAL:
      stmt = _bzw_store_prepare (self,
                                 "SELECT unixepoch (r.day, '+12 hours') FROM referrals r WHERE r.id = ?1"
                                 "   AND (?2 IS NULL OR r.giver_id = ?2 OR r.receiver_id = ?2 OR r.referred_id = ?2)",
                                 error);
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  if (stmt == NULL)
    return FALSE;

  _bzw_store_bind_id (stmt, 2, contact_id);
  for (guint i = 0; i < ids->len; i++)
    {
      BzwJournalRef ref = { kind, g_array_index (ids, gint64, i), 0 };
      int rc;

      sqlite3_bind_int64 (stmt, 1, ref.id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          ref.when = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (refs, ref);
        }
      else if (rc != SQLITE_DONE)
        {
          _bzw_store_set_error (self, error, "list_journal_entries");
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  qsort (&g_array_index (refs, BzwJournalRef, first), refs->len - first, sizeof (BzwJournalRef),
         compare_refs_newest_first);
  return TRUE;
}

/**
 * bzw_store_list_journal:
 *
 * Returns: (transfer full) (element-type BzwJournalRef): the matching
 *   entries, newest first.
 */
GArray *
bzw_store_list_journal (BzwStore               *self,
                        const BzwJournalQuery  *query,
                        GError                **error)
{
  static const BzwJournalQuery all = { NULL, TRUE, TRUE, TRUE, 0 };
  g_autoptr(GArray) refs = NULL;
  g_autofree char *fts = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  if (query == NULL)
    query = &all;

  fts = journal_fts_query (query->text);

  /* Dates of favours and referrals count from noon UTC, so a day never
   * slips across midnight in the timeline.  With a search text the query
   * starts from the matches, so it touches only those rows.
   */
  if (fts == NULL)
    stmt = _bzw_store_prepare (self,
                               "SELECT kind, id, t FROM ("
                               "  SELECT 1 AS kind, e.id, e.happened_at AS t FROM encounters e"
                               "   WHERE ?1 = 1 AND (?5 IS NULL OR EXISTS (SELECT 1 FROM encounter_participants p"
                               "                     WHERE p.encounter_id = e.id AND p.contact_id = ?5))"
                               "  UNION ALL"
                               "  SELECT 2, f.id, unixepoch (f.day, '+12 hours') FROM favours f"
                               "   WHERE ?2 = 1 AND (?5 IS NULL OR f.from_id = ?5 OR f.to_id = ?5)"
                               "  UNION ALL"
                               "  SELECT 3, r.id, unixepoch (r.day, '+12 hours') FROM referrals r"
                               "   WHERE ?3 = 1 AND (?5 IS NULL OR r.giver_id = ?5 OR r.receiver_id = ?5"
                               "                     OR r.referred_id = ?5))"
                               " WHERE ?4 IS NULL"
                               " ORDER BY t DESC, kind, id DESC",
                               error);
  else
    stmt = _bzw_store_prepare (self,
                               "WITH m AS (SELECT rowid / 4 AS id, rowid % 4 AS kind FROM journal_fts"
                               "           WHERE journal_fts MATCH ?4)"
                               "SELECT kind, id, t FROM ("
                               "  SELECT 1 AS kind, e.id, e.happened_at AS t FROM m JOIN encounters e ON e.id = m.id"
                               "   WHERE m.kind = 1 AND ?1 = 1"
                               "     AND (?5 IS NULL OR EXISTS (SELECT 1 FROM encounter_participants p"
                               "                                WHERE p.encounter_id = e.id AND p.contact_id = ?5))"
                               "  UNION ALL"
                               "  SELECT 2, f.id, unixepoch (f.day, '+12 hours') FROM m JOIN favours f ON f.id = m.id"
                               "   WHERE m.kind = 2 AND ?2 = 1 AND (?5 IS NULL OR f.from_id = ?5 OR f.to_id = ?5)"
                               "  UNION ALL"
                               "  SELECT 3, r.id, unixepoch (r.day, '+12 hours') FROM m JOIN referrals r ON r.id = m.id"
                               "   WHERE m.kind = 3 AND ?3 = 1 AND (?5 IS NULL OR r.giver_id = ?5 OR r.receiver_id = ?5"
                               "                                    OR r.referred_id = ?5))"
                               " ORDER BY t DESC, kind, id DESC",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, query->encounters);
  sqlite3_bind_int (stmt, 2, query->favours);
  sqlite3_bind_int (stmt, 3, query->referrals);
  if (fts != NULL)
    sqlite3_bind_text (stmt, 4, fts, -1, SQLITE_STATIC);
  _bzw_store_bind_id (stmt, 5, query->contact_id);

  refs = g_array_new (FALSE, FALSE, sizeof (BzwJournalRef));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwJournalRef ref = {
        sqlite3_column_int (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (refs, ref);
    }

  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "list_journal");
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&refs);
}

/**
 * bzw_store_list_journal_before:
 * @kind: which table to read
 * @before_when: (inout): the time of the last entry already read, or
 *   G_MAXINT64 to start at the newest
 * @before_id: (inout): its id, or G_MAXINT64
 *
 * Reads the next @limit entries of one kind, newest first, strictly after
 * the cursor, through the time index: the cost does not grow with the size
 * of the journal.  The kinds are merged by the caller.  Appends to @refs
 * and moves the cursor on.
 *
 * Returns: the number of entries read, or -1 on error
 */
int
bzw_store_list_journal_before (BzwStore        *self,
                               BzwJournalKind   kind,
                               gint64           contact_id,
                               gint64          *before_when,
                               gint64          *before_id,
                               guint            limit,
                               GArray          *refs,
                               GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int n = 0;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), -1);

  /* Favours and referrals are dated by day and count from noon UTC, as in
   * bzw_store_list_journal(); date (?1, 'unixepoch') turns the cursor back
   * into that day.
   */
  switch (kind)
    {
    case BZW_JOURNAL_ENCOUNTER:
      stmt = _bzw_store_prepare (self,
                                 "SELECT e.id, e.happened_at FROM encounters e"
                                 " WHERE (e.happened_at < ?1 OR (e.happened_at = ?1 AND e.id < ?2))"
                                 "   AND (?4 IS NULL OR EXISTS (SELECT 1 FROM encounter_participants p"
                                 "                              WHERE p.encounter_id = e.id AND p.contact_id = ?4))"
                                 " ORDER BY e.happened_at DESC, e.id DESC LIMIT ?3",
                                 error);
      break;

    case BZW_JOURNAL_FAVOUR:
      stmt = _bzw_store_prepare (self,
                                 "SELECT f.id, unixepoch (f.day, '+12 hours') FROM favours f"
                                 " WHERE (f.day < date (?1, 'unixepoch') OR (f.day = date (?1, 'unixepoch') AND f.id < ?2))"
                                 "   AND (?4 IS NULL OR f.from_id = ?4 OR f.to_id = ?4)"
                                 " ORDER BY f.day DESC, f.id DESC LIMIT ?3",
                                 error);
      break;

    case BZW_JOURNAL_REFERRAL:
      stmt = _bzw_store_prepare (self,
                                 "SELECT r.id, unixepoch (r.day, '+12 hours') FROM referrals r"
                                 " WHERE (r.day < date (?1, 'unixepoch') OR (r.day = date (?1, 'unixepoch') AND r.id < ?2))"
                                 "   AND (?4 IS NULL OR r.giver_id = ?4 OR r.receiver_id = ?4 OR r.referred_id = ?4)"
                                 " ORDER BY r.day DESC, r.id DESC LIMIT ?3",
                                 error);
      break;

    default:
      g_return_val_if_reached (-1);
    }

  if (stmt == NULL)
    return -1;

  /* The newest possible cursor is any day far in the future. */
  sqlite3_bind_int64 (stmt, 1, MIN (*before_when, (gint64) 253402300799));
  sqlite3_bind_int64 (stmt, 2, *before_id);
  sqlite3_bind_int (stmt, 3, limit);
  _bzw_store_bind_id (stmt, 4, contact_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BzwJournalRef ref = { kind, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (refs, ref);
      *before_when = ref.when;
      *before_id = ref.id;
      n++;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "list_journal_before");
      return -1;
    }

  return n;
}

guint
bzw_store_count_journal (BzwStore *self)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (BZW_IS_STORE (self), 0);

  stmt = _bzw_store_prepare (self,
                             "SELECT (SELECT count(*) FROM encounters) + (SELECT count(*) FROM favours)"
                             " + (SELECT count(*) FROM referrals)",
                             NULL);
  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
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

/**
 * bzw_store_advance_journal_entry:
 * @label: (out) (optional) (transfer none): the label of the new state
 *
 * Moves a favour (offen → zugesagt → erledigt) or a referral (gegeben →
 * kontaktiert → Termin → Auftrag gewonnen) on to its next state.
 *
 * Returns: %FALSE with @error set when there is no next state or the entry
 *   cannot be saved
 */
gboolean
bzw_store_advance_journal_entry (BzwStore        *self,
                                 BzwJournalKind   kind,
                                 gint64           id,
                                 const char     **label,
                                 GError         **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (kind == BZW_JOURNAL_FAVOUR)
    {
      g_autoptr(BzwFavour) favour = bzw_store_dup_favour (self, id, error);
      BzwFavourState next;

      if (favour == NULL)
        return FALSE;
      if (bzw_favour_state_next (bzw_favour_get_state (favour), &next))
        {
          bzw_favour_set_state (favour, next);
          if (label != NULL)
            *label = bzw_favour_state_get_label (next);
          return bzw_store_save_favour (self, favour, error);
        }
    }
  else if (kind == BZW_JOURNAL_REFERRAL)
    {
      g_autoptr(BzwReferral) referral = bzw_store_dup_referral (self, id, error);
      BzwReferralState next;

      if (referral == NULL)
        return FALSE;
      if (bzw_referral_state_next (bzw_referral_get_state (referral), &next))
        {
          bzw_referral_set_state (referral, next);
          if (label != NULL)
            *label = bzw_referral_state_get_label (next);
          return bzw_store_save_referral (self, referral, error);
        }
    }

  g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                       _("The entry has no next state."));
  return FALSE;
}
