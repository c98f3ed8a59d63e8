/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-contact-merge.h"
#include "bzw-introductions.h"
#include "bzw-model-util.h"
#include "bzw-store-duplicates.h"
#include "bzw-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Likely duplicates and merging them
 * ==================================
 *
 * Two contacts look like one person when they share an e-mail address
 * (case ignored) or their names are the same once normalised: case and
 * accents ignored (ä as ae, ß as ss), punctuation and runs of blanks as one
 * space, and titles such as „Dr.“ or „Prof.“ left out.
 *
 * Merging keeps one of them and moves everything of the other onto it in
 * one transaction: its fields (bzw_contact_merge()), journal links,
 * relationships (without the one between the two and without a second one
 * to the same person), circles and, if the kept one has none, its map
 * position.  Then the other is deleted.
 */

struct _BzwMergeUndo
{
  gint64              keep_id;
  BzwContactSnapshot *keep;
  BzwContactSnapshot *other;
};

/* Words left out of names, folded. */
static const char * const titles[] = {
  "dr", "prof", "herr", "frau", "hr", "fr", "mr", "mrs", "ms", "dipl", "ing", "med", "dent",
  "rer", "nat", "phil", "jur", "pol", "oec", "hc", "mag", "phd",
};

static gboolean
is_title (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (strcmp (word, titles[i]) == 0)
      return TRUE;

  return FALSE;
}

/**
 * bzw_duplicates_normalize_name:
 *
 * Returns: (transfer full): @name as duplicates are found by: folded
 *   (see bzw_words_fold()), words joined by single spaces, titles left out;
 *   "" when nothing is left.
 */
char *
bzw_duplicates_normalize_name (const char *name)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) result = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");

  folded = bzw_words_fold (name);
  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0 && !is_title (word->str))
        {
          if (result->len > 0)
            g_string_append_c (result, ' ');
          g_string_append_len (result, word->str, word->len);
        }
      g_string_truncate (word, 0);

      if (c == 0)
        break;
    }

  return g_string_free (g_steal_pointer (&result), FALSE);
}

static void
add_pair (GHashTable         *pairs,
          gint64              a,
          gint64              b,
          BzwDuplicateReason  reason)
{
  BzwDuplicatePair key = { MIN (a, b), MAX (a, b), 0 };
  BzwDuplicatePair *pair = g_hash_table_lookup (pairs, &key);

  if (pair == NULL)
    {
      pair = g_new (BzwDuplicatePair, 1);
      *pair = key;
      g_hash_table_add (pairs, pair);
    }
  pair->reason |= reason;
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const BzwDuplicatePair *pa = a;
  const BzwDuplicatePair *pb = b;

  int order = BZW_CMP (pa->a_id, pb->a_id);

  return order != 0 ? order : BZW_CMP (pa->b_id, pb->b_id);
}

/**
 * bzw_store_find_duplicates:
 *
 * Returns: (transfer full) (element-type BzwDuplicatePair): the pairs of
 *   contacts that are likely one person, by the lower id.  Of several
 *   contacts with one name, each is paired with the first.
 */
GArray *
bzw_store_find_duplicates (BzwStore  *self,
                           GError   **error)
{
  g_autoptr(GHashTable) pairs = NULL;
  g_autoptr(GHashTable) by_name = NULL;
  g_autoptr(GArray) result = NULL;
  GHashTableIter iter;
  gpointer key;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  pairs = g_hash_table_new_full (bzw_id_pair_hash, bzw_id_pair_equal, g_free, NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT DISTINCT a.contact_id, b.contact_id FROM contact_fields a"
                             " JOIN contact_fields b ON b.kind = 'email'"
                             "  AND b.value = a.value COLLATE NOCASE AND b.contact_id > a.contact_id"
                             " WHERE a.kind = 'email'",
                             error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_pair (pairs, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), BZW_DUPLICATE_EMAIL);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "find_duplicates");
      return NULL;
    }

  stmt = _bzw_store_prepare (self,
                             "SELECT id, display_name, given_name, family_name FROM contacts ORDER BY id",
                             error);
  if (stmt == NULL)
    return NULL;

  by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *display = _bzw_store_column_text (stmt, 1);
      g_autofree char *parts = NULL;
      g_autofree char *normal = NULL;
      gint64 *first;

      if (display == NULL || display[0] == '\0')
        display = parts = g_strjoin (" ", _bzw_store_column_text (stmt, 2) ? _bzw_store_column_text (stmt, 2) : "",
                                     _bzw_store_column_text (stmt, 3) ? _bzw_store_column_text (stmt, 3) : "",
                                     NULL);
      normal = bzw_duplicates_normalize_name (display);
      if (normal[0] == '\0')
        continue;

      first = g_hash_table_lookup (by_name, normal);
      if (first != NULL)
        add_pair (pairs, *first, id, BZW_DUPLICATE_NAME);
      else
        g_hash_table_insert (by_name, g_steal_pointer (&normal), g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "find_duplicates");
      return NULL;
    }

  result = g_array_sized_new (FALSE, FALSE, sizeof (BzwDuplicatePair), g_hash_table_size (pairs));
  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_vals (result, key, 1);
  g_array_sort (result, compare_pairs);

  return g_steal_pointer (&result);
}

/* ?1 is the contact kept, ?2 the one merged into it. */
static const char * const merge_sql[] = {
  /* Journal links; one participant per encounter. */
  "DELETE FROM encounter_participants WHERE contact_id = ?2"
  " AND encounter_id IN (SELECT encounter_id FROM encounter_participants WHERE contact_id = ?1)",
  "UPDATE encounter_participants SET contact_id = ?1 WHERE contact_id = ?2",
  "UPDATE favours SET from_id = ?1 WHERE from_id = ?2",
  "UPDATE favours SET to_id = ?1 WHERE to_id = ?2",
  "UPDATE referrals SET giver_id = ?1 WHERE giver_id = ?2",
  "UPDATE referrals SET receiver_id = ?1 WHERE receiver_id = ?2",
  "UPDATE referrals SET referred_id = ?1 WHERE referred_id = ?2",
  /* Relationships: none between the two, none twice to the same person. */
  "DELETE FROM relationships WHERE (a_id = ?1 AND b_id = ?2) OR (a_id = ?2 AND b_id = ?1)",
  "DELETE FROM relationships WHERE (a_id = ?2 OR b_id = ?2)"
  " AND (CASE WHEN a_id = ?2 THEN b_id ELSE a_id END) IN"
  "     (SELECT CASE WHEN a_id = ?1 THEN b_id ELSE a_id END FROM relationships WHERE a_id = ?1 OR b_id = ?1)",
  "UPDATE relationships SET a_id = ?1 WHERE a_id = ?2",
  "UPDATE relationships SET b_id = ?1 WHERE b_id = ?2",
  "INSERT OR IGNORE INTO contact_circles (contact_id, circle_id)"
  " SELECT ?1, circle_id FROM contact_circles WHERE contact_id = ?2",
  "INSERT OR IGNORE INTO map_positions (contact_id, x, y, pinned)"
  " SELECT ?1, x, y, pinned FROM map_positions WHERE contact_id = ?2",
  "DELETE FROM contacts WHERE id = ?2",
};

static gboolean
run_merge_sql (BzwStore  *self,
               gint64     keep_id,
               gint64     other_id,
               GError   **error)
{
  _bzw_store_note_contact (self, keep_id);
  for (guint i = 0; i < G_N_ELEMENTS (merge_sql); i++)
    {
      sqlite3_stmt *stmt = _bzw_store_prepare (self, merge_sql[i], error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, keep_id);
      sqlite3_bind_int64 (stmt, 2, other_id);
      if (!_bzw_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Must run inside a transaction. */
static gboolean
merge (BzwStore  *self,
       gint64     keep_id,
       gint64     other_id,
       GError   **error)
{
  g_autoptr(BzwContact) keep = NULL;
  g_autoptr(BzwContact) other = NULL;

  if (keep_id == other_id)
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("A contact cannot be merged with itself."));
      return FALSE;
    }

  if ((keep = bzw_store_dup_contact (self, keep_id, error)) == NULL ||
      (other = bzw_store_dup_contact (self, other_id, error)) == NULL)
    return FALSE;

  bzw_contact_merge (keep, other);

  return bzw_store_save_contact (self, keep, error) &&
         run_merge_sql (self, keep_id, other_id, error);
}

/**
 * bzw_store_merge_contacts:
 * @keep_id: the contact that stays
 * @other_id: the contact merged into it and then deleted
 *
 * Merges two contacts in one transaction, keeping every field and journal
 * link of both.  On error nothing has changed.
 */
gboolean
bzw_store_merge_contacts (BzwStore  *self,
                          gint64     keep_id,
                          gint64     other_id,
                          GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (!bzw_store_begin (self, error))
    return FALSE;

  ok = merge (self, keep_id, other_id, error);
  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CONTACTS | BZW_STORE_CHANGE_CIRCLES |
                              BZW_STORE_CHANGE_RELATIONSHIPS | BZW_STORE_CHANGE_JOURNAL |
                              BZW_STORE_CHANGE_MAP, 0);

  return bzw_store_finish (self, ok, error);
}

void
bzw_merge_undo_free (BzwMergeUndo *undo)
{
  if (undo == NULL)
    return;

  bzw_contact_snapshot_free (undo->keep);
  bzw_contact_snapshot_free (undo->other);
  g_free (undo);
}

gint64
bzw_merge_undo_get_kept_id (BzwMergeUndo *undo)
{
  g_return_val_if_fail (undo != NULL, 0);

  return undo->keep_id;
}

/**
 * bzw_store_merge_contacts_undoable:
 *
 * Like bzw_store_merge_contacts(), and returns what is needed to take the
 * merge back with bzw_store_undo_merge().
 *
 * Returns: (transfer full): the undo data, or %NULL on error
 */
BzwMergeUndo *
bzw_store_merge_contacts_undoable (BzwStore  *self,
                                   gint64     keep_id,
                                   gint64     other_id,
                                   GError   **error)
{
  g_autoptr(BzwMergeUndo) undo = NULL;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  if (!bzw_store_begin (self, error))
    return NULL;

  undo = g_new0 (BzwMergeUndo, 1);
  undo->keep_id = keep_id;
  ok = (undo->keep = _bzw_store_capture_contact (self, keep_id, error)) != NULL &&
       (undo->other = _bzw_store_capture_contact (self, other_id, error)) != NULL &&
       merge (self, keep_id, other_id, error);

  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CONTACTS | BZW_STORE_CHANGE_CIRCLES |
                              BZW_STORE_CHANGE_RELATIONSHIPS | BZW_STORE_CHANGE_JOURNAL |
                              BZW_STORE_CHANGE_MAP, 0);

  if (!bzw_store_finish (self, ok, error))
    return NULL;

  return g_steal_pointer (&undo);
}

/**
 * bzw_store_undo_merge:
 *
 * Puts both contacts back as they were before the merge, with their own
 * fields, circles, relationships, map positions and journal links, in one
 * transaction.
 */
gboolean
bzw_store_undo_merge (BzwStore      *self,
                      BzwMergeUndo  *undo,
                      GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!bzw_store_begin (self, error))
    return FALSE;

  /* The merged contact goes with all it holds; both snapshots write back
   * every row as it was, the links of the journal included.  Rows of the
   * one restored first point at the other, so foreign keys are checked at
   * the end of the transaction.
   */
  ok = _bzw_store_exec (self, "PRAGMA defer_foreign_keys = ON", error);
  stmt = ok ? _bzw_store_prepare (self, "DELETE FROM contacts WHERE id = ?1", error) : NULL;
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, undo->keep_id);
      ok = _bzw_store_step_done (self, stmt, error);
    }

  ok = ok &&
       bzw_store_restore_contact (self, undo->keep, error) &&
       bzw_store_restore_contact (self, undo->other, error);

  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CONTACTS | BZW_STORE_CHANGE_CIRCLES |
                              BZW_STORE_CHANGE_RELATIONSHIPS | BZW_STORE_CHANGE_JOURNAL |
                              BZW_STORE_CHANGE_MAP, 0);

  return bzw_store_finish (self, ok, error);
}
