/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading the journal: encounters, favours and referrals merged newest
 * first, by contact, by search text and page by page.
 */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-id-set.h"
#include "bzw-store-private.h"
#include "bzw-model-util.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

  int order = BZW_CMP (y->when, x->when);

  return order != 0 ? order : BZW_CMP (y->id, x->id);
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

  g_return_val_if_fail (BZW_IS_STORE (self), 0);

  stmt = _bzw_store_prepare (self,
                             "SELECT (SELECT count(*) FROM encounters) + (SELECT count(*) FROM favours)"
                             " + (SELECT count(*) FROM referrals)",
                             NULL);
  return _bzw_store_step_int64 (stmt, 0);
}
