/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-introductions.h"
#include "bzw-store-private.h"
#include "bzw-store-recommend.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* „Wen kann ich empfehlen?“
 * =========================
 *
 * The user names a need („Steuerberater“) and gets the contacts whose offer,
 * role or organisation matches, trusted ones first: „ja“, then „mit
 * Vorsicht“, then unknown; those the user would not recommend come last.
 * Among equals the better full-text match (bm25) comes first, then the
 * list order.
 *
 * Each word of the need becomes a prefix term after a light stemmer has
 * removed one German ending, so „Steuerberater“ also finds
 * „Steuerberatung“ and „Webseiten“ finds „Webseite“.  Any word may match.
 */

#define MIN_WORD_CHARS 3
#define MIN_STEM_CHARS 4

static char *
stem (const char *word)
{
  static const char * const endings[] = { "innen", "ern", "ung", "en", "er", "es", "in", "e", "s" };
  gsize len = strlen (word);

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      gsize end_len = strlen (endings[i]);

      if (len <= end_len || !g_str_has_suffix (word, endings[i]))
        continue;
      if (g_utf8_strlen (word, len - end_len) < MIN_STEM_CHARS)
        continue;

      return g_strndup (word, len - end_len);
    }

  return g_strdup (word);
}

/**
 * bzw_recommend_query_from_need:
 *
 * Returns: (transfer full) (nullable): the FTS5 query for @need, or %NULL
 *   when it has no word to search for.
 */
char *
bzw_recommend_query_from_need (const char *need)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autofree char *lower = NULL;
  guint n = 0;

  if (need == NULL || !g_utf8_validate (need, -1, NULL))
    return NULL;

  lower = g_utf8_strdown (need, -1);
  for (const char *p = lower; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *folded = NULL;
      g_autofree char *stemmed = NULL;

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        folded = bzw_words_fold (word->str);

      if (folded != NULL && g_utf8_strlen (word->str, -1) >= MIN_WORD_CHARS &&
          !bzw_words_is_stop_word (folded))
        {
          stemmed = stem (word->str);
          g_string_append (query, n++ == 0 ? "\"" : " OR \"");
          g_string_append (query, stemmed);
          g_string_append (query, "\"*");
        }
      g_string_truncate (word, 0);

      if (c == 0)
        break;
    }

  if (n == 0)
    return NULL;

  g_string_prepend (query, "{offers role organisation} : (");
  g_string_append_c (query, ')');
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * bzw_store_find_recommendations:
 * @need: what the user looks for, as typed
 * @limit: the most results, or 0 for all
 *
 * Returns: (transfer full) (element-type gint64): the ids of the contacts
 *   who offer what @need names, trusted ones first; archived contacts are
 *   left out.
 */
GArray *
bzw_store_find_recommendations (BzwStore    *self,
                                const char  *need,
                                guint        limit,
                                GError     **error)
{
  g_autofree char *fts = bzw_recommend_query_from_need (need);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  if (fts == NULL)
    return g_steal_pointer (&ids);

  stmt = _bzw_store_prepare (self,
                             "SELECT c.id FROM contacts_fts JOIN contacts c ON c.id = contacts_fts.rowid"
                             " WHERE contacts_fts MATCH ?1 AND c.archived = 0"
                             " ORDER BY CASE c.trust WHEN 3 THEN 0 WHEN 2 THEN 1 WHEN 0 THEN 2 ELSE 3 END,"
                             "          bm25 (contacts_fts), c.sort_key, c.id"
                             " LIMIT ?2",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "find_recommendations");
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * bzw_store_list_circle_members:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the contacts
 *   in the circle.
 */
GArray *
bzw_store_list_circle_members (BzwStore  *self,
                               gint64     circle_id,
                               GError   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BZW_IS_STORE (self), NULL);

  stmt = _bzw_store_prepare (self,
                             "SELECT contact_id FROM contact_circles WHERE circle_id = ?1 ORDER BY contact_id",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, circle_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _bzw_store_set_error (self, error, "list_circle_members");
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * bzw_store_restore_circle:
 * @circle: a deleted circle, as it was listed (its uid is kept)
 * @member_ids: (element-type gint64): the contacts that were in it
 *
 * Writes a deleted circle back with its members in one transaction.
 * Contacts deleted since are left out.  Sets the new id on @circle.
 */
gboolean
bzw_store_restore_circle (BzwStore   *self,
                          BzwCircle  *circle,
                          GArray     *member_ids,
                          GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);
  g_return_val_if_fail (BZW_IS_CIRCLE (circle), FALSE);

  if (!bzw_store_begin (self, error))
    return FALSE;

  bzw_circle_set_id (circle, 0);
  ok = bzw_store_save_circle (self, circle, error);

  for (guint i = 0; ok && member_ids != NULL && i < member_ids->len; i++)
    {
      stmt = _bzw_store_prepare (self,
                                 "INSERT OR IGNORE INTO contact_circles (contact_id, circle_id)"
                                 " SELECT id, ?2 FROM contacts WHERE id = ?1",
                                 error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, g_array_index (member_ids, gint64, i));
          sqlite3_bind_int64 (stmt, 2, bzw_circle_get_id (circle));
          ok = _bzw_store_step_done (self, stmt, error);
          _bzw_store_note_contact (self, g_array_index (member_ids, gint64, i));
        }
    }

  if (ok)
    {
      stmt = _bzw_store_prepare (self, "DELETE FROM tombstones WHERE uid = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, bzw_circle_get_uid (circle), -1, SQLITE_TRANSIENT);
          ok = _bzw_store_step_done (self, stmt, error);
        }
    }

  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CIRCLES | BZW_STORE_CHANGE_CONTACTS, 0);

  return bzw_store_finish (self, ok, error);
}
