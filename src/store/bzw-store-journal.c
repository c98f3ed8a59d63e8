/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-id-set.h"
#include "bzw-store-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

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
referred_is_a_side (BzwReferral *referral)
{
  gint64 referred = bzw_referral_get_referred (referral)->contact_id;

  return referred > 0 &&
         (referred == bzw_referral_get_giver (referral)->contact_id ||
          referred == bzw_referral_get_receiver (referral)->contact_id);
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

  return _bzw_store_validate_date (day, N_("Date"), error);
}

static void
bind_encounter (sqlite3_stmt *stmt,
                gpointer      object)
{
  BzwEncounter *encounter = object;

  sqlite3_bind_int64 (stmt, 4, bzw_encounter_get_happened_at (encounter));
  sqlite3_bind_text (stmt, 5, bzw_channel_to_string (bzw_encounter_get_channel (encounter)), -1, SQLITE_STATIC);
  _bzw_store_bind_text (stmt, 6, bzw_encounter_get_place (encounter));
  _bzw_store_bind_text (stmt, 7, bzw_encounter_get_notes (encounter));
  sqlite3_bind_int (stmt, 8, bzw_encounter_get_planned (encounter));
}

/* Replaces the participants of a saved encounter. */
static gboolean
save_participants (BzwStore  *self,
                   GObject   *object,
                   GError   **error)
{
  BzwEncounter *encounter = BZW_ENCOUNTER (object);
  GArray *participants = bzw_encounter_get_participants (encounter);
  sqlite3_stmt *stmt;

  stmt = _bzw_store_prepare (self, "DELETE FROM encounter_participants WHERE encounter_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bzw_encounter_get_id (encounter));
  if (!_bzw_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < participants->len; i++)
    {
      stmt = _bzw_store_prepare (self,
                                 "INSERT INTO encounter_participants (encounter_id, contact_id, name)"
                                 " VALUES (?1, ?2, coalesce (?3, ''))",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, bzw_encounter_get_id (encounter));
      bind_party (stmt, 2, &g_array_index (participants, BzwParty, i));
      if (!_bzw_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static const BzwRowSave encounter_row = {
  /* Saved with a date still to come, an encounter is planned; one read
   * back as planned (an undo, the archive) stays so.
   */
  .insert_sql = "INSERT INTO encounters (uid, created, modified, happened_at, channel, place, notes, planned)"
                " VALUES (?2, ?3, ?3, ?4, ?5, ?6, ?7, ?4 > ?3 OR ?8)",
  .update_sql = "UPDATE encounters SET uid = ?2, modified = ?3, happened_at = ?4, channel = ?5,"
                " place = ?6, notes = ?7, planned = ?4 > ?3 OR ?8 WHERE id = ?1",
  .bind = bind_encounter,
  .what = BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_CONTACTS,
  .journal = TRUE,
  .after = save_participants,
};

gboolean
bzw_store_save_encounter (BzwStore      *self,
                          BzwEncounter  *encounter,
                          GError       **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (BZW_IS_ENCOUNTER (encounter), FALSE);

  if (bzw_encounter_get_participants (encounter)->len == 0)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("An encounter needs at least one person."));
      return FALSE;
    }

  return _bzw_store_save_row (self, G_OBJECT (encounter), &encounter_row, error);
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

  stmt = _bzw_store_read_row (self,
                              "SELECT id, uid, happened_at, channel, place, notes, planned FROM encounters WHERE id = ?1",
                              id, _("The entry no longer exists."), NULL, error);
  if (stmt == NULL)
    return NULL;

  encounter = bzw_encounter_new ();
  bzw_encounter_set_id (encounter, sqlite3_column_int64 (stmt, 0));
  bzw_encounter_set_uid (encounter, _bzw_store_column_text (stmt, 1));
  bzw_encounter_set_happened_at (encounter, sqlite3_column_int64 (stmt, 2));
  bzw_channel_from_string (_bzw_store_column_text (stmt, 3), &channel);
  bzw_encounter_set_channel (encounter, channel);
  bzw_encounter_set_place (encounter, _bzw_store_column_text (stmt, 4));
  bzw_encounter_set_notes (encounter, _bzw_store_column_text (stmt, 5));
  bzw_encounter_set_planned (encounter, sqlite3_column_int (stmt, 6));
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

static void
bind_favour (sqlite3_stmt *stmt,
             gpointer      object)
{
  BzwFavour *favour = object;

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
}

static const BzwRowSave favour_row = {
  .insert_sql = "INSERT INTO favours (uid, created, modified, day, from_id, from_name, to_id, to_name,"
                " direction, state, description, value_cents, due, encounter_id)"
                " VALUES (?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, coalesce (?11, ''), ?12, ?13, ?14)",
  .update_sql = "UPDATE favours SET uid = ?2, modified = ?3, day = ?4, from_id = ?5, from_name = ?6,"
                " to_id = ?7, to_name = ?8, direction = ?9, state = ?10,"
                " description = coalesce (?11, ''), value_cents = ?12, due = ?13,"
                " encounter_id = ?14 WHERE id = ?1",
  .bind = bind_favour,
  .what = BZW_STORE_CHANGE_JOURNAL,
  .journal = TRUE,
};

gboolean
bzw_store_save_favour (BzwStore   *self,
                       BzwFavour  *favour,
                       GError    **error)
{
  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (BZW_IS_FAVOUR (favour), FALSE);

  if (!validate_sides (bzw_favour_get_from (favour), bzw_favour_get_to (favour), error) ||
      !validate_day (bzw_favour_get_day (favour), error) ||
      !_bzw_store_validate_date (bzw_favour_get_due (favour), N_("Due"), error) ||
      !validate_value (bzw_favour_get_value_cents (favour), error))
    return FALSE;

  return _bzw_store_save_row (self, G_OBJECT (favour), &favour_row, error);
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

  stmt = _bzw_store_read_row (self,
                              "SELECT id, uid, day, from_id, from_name, to_id, to_name, direction, state,"
                              " description, value_cents, due, encounter_id FROM favours WHERE id = ?1",
                              id, _("The entry no longer exists."), NULL, error);
  if (stmt == NULL)
    return NULL;

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

static void
bind_referral (sqlite3_stmt *stmt,
               gpointer      object)
{
  BzwReferral *referral = object;
  const BzwParty *referred = bzw_referral_get_referred (referral);

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
}

static const BzwRowSave referral_row = {
  .insert_sql = "INSERT INTO referrals (uid, created, modified, day, giver_id, giver_name,"
                " receiver_id, receiver_name, referred_id, referred_name, effort, state,"
                " value_cents, thanked, notes)"
                " VALUES (?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                " coalesce (?10, (SELECT display_name FROM contacts WHERE id = ?9)),"
                " ?11, ?12, ?13, ?14, ?15)",
  .update_sql = "UPDATE referrals SET uid = ?2, modified = ?3, day = ?4, giver_id = ?5,"
                " giver_name = ?6, receiver_id = ?7, receiver_name = ?8, referred_id = ?9,"
                " referred_name = coalesce (?10, (SELECT display_name FROM contacts WHERE id = ?9)),"
                " effort = ?11, state = ?12, value_cents = ?13, thanked = ?14, notes = ?15"
                " WHERE id = ?1",
  .bind = bind_referral,
  .what = BZW_STORE_CHANGE_JOURNAL,
  .journal = TRUE,
};

gboolean
bzw_store_save_referral (BzwStore     *self,
                         BzwReferral  *referral,
                         GError      **error)
{
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

  /* Nobody is referred to themselves, nor refers themselves. */
  if (referred_is_a_side (referral))
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("The person referred cannot also be the one who gives or receives the referral."));
      return FALSE;
    }

  return _bzw_store_save_row (self, G_OBJECT (referral), &referral_row, error);
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

  stmt = _bzw_store_read_row (self,
                              "SELECT id, uid, day, giver_id, giver_name, receiver_id, receiver_name,"
                              " referred_id, referred_name, effort, state, value_cents, thanked, notes"
                              " FROM referrals WHERE id = ?1",
                              id, _("The entry no longer exists."), NULL, error);
  if (stmt == NULL)
    return NULL;

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
