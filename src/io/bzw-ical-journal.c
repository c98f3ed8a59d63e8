/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-ical-journal"

#include "config.h"

#include "bzw-ical-journal-private.h"

#include "bzw-calendar-writer-private.h"
#include "bzw-store-io.h"
#include "bzw-store-occasions.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

/* The whole journal and every relationship as one iCalendar file, and back
 * into a store: the archive's calendar part.  What each entry becomes is
 * in bzw-ical-journal-map.c.
 */

struct _BzwIcalJournal
{
  icalcomponent *calendar;
  GPtrArray     *components;  /* (element-type icalcomponent) ours, borrowed from @calendar */
  guint          n_relationships;
  guint          n_talking_points;
};

static gint64 *
id_dup (gint64 id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  return copy;
}

void
_bzw_ical_ids_clear (BzwIcalIds *ids)
{
  g_clear_pointer (&ids->contact_uids, g_hash_table_unref);
  g_clear_pointer (&ids->contact_names, g_hash_table_unref);
  g_clear_pointer (&ids->encounter_uids, g_hash_table_unref);
}

gboolean
_bzw_ical_ids_fill_contacts (BzwIcalIds  *ids,
                             BzwStore    *store,
                             GError     **error)
{
  g_autoptr(GPtrArray) keys = bzw_store_list_contact_keys (store, error);

  if (keys == NULL)
    return FALSE;

  ids->contact_uids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ids->contact_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < keys->len; i++)
    {
      BzwContactKey *key = g_ptr_array_index (keys, i);

      g_hash_table_insert (ids->contact_uids, id_dup (key->id), g_strdup (key->uid));
      g_hash_table_insert (ids->contact_names, id_dup (key->id), g_strdup (key->display_name));
    }
  return TRUE;
}

/* Every journal entry, oldest first, as BzwEncounter, BzwFavour and
 * BzwReferral objects.
 */
GPtrArray *
_bzw_ical_dup_entries (BzwStore  *store,
                       GError   **error)
{
  g_autoptr(GArray) refs = bzw_store_list_journal (store, NULL, error);
  g_autoptr(GPtrArray) entries = NULL;

  if (refs == NULL)
    return NULL;

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = refs->len; i > 0; i--)
    {
      const BzwJournalRef *ref = &g_array_index (refs, BzwJournalRef, i - 1);
      gpointer entry = NULL;

      if (ref->kind == BZW_JOURNAL_ENCOUNTER)
        entry = bzw_store_dup_encounter (store, ref->id, error);
      else if (ref->kind == BZW_JOURNAL_FAVOUR)
        entry = bzw_store_dup_favour (store, ref->id, error);
      else if (ref->kind == BZW_JOURNAL_REFERRAL)
        entry = bzw_store_dup_referral (store, ref->id, error);
      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}

/* The entries, then the relationships, then the talking points. */
static char *
write_components (GPtrArray        *entries,
                  GPtrArray        *relationships,
                  GPtrArray        *points,
                  const BzwIcalIds *ids,
                  GDateTime        *stamp)
{
  icalcomponent *calendar = _bzw_calendar_new_vcalendar ();
  struct icaltimetype when = _bzw_calendar_ical_time (stamp);
  guint n_first = entries->len + relationships->len;

  for (guint i = 0; i < n_first + points->len; i++)
    {
      GObject *object;
      icalcomponent *comp;

      if (i < entries->len)
        object = g_ptr_array_index (entries, i);
      else if (i < n_first)
        object = g_ptr_array_index (relationships, i - entries->len);
      else
        object = g_ptr_array_index (points, i - n_first);
      comp = _bzw_ical_from_object (object, ids);

      icalcomponent_add_property (comp, icalproperty_new_dtstamp (when));
      icalcomponent_add_component (calendar, comp);
    }

  return _bzw_calendar_free_to_text (calendar);
}

/**
 * bzw_ical_journal_write_store:
 * @stamp: the time of the export (DTSTAMP)
 *
 * Returns: (transfer full): every encounter, favour, referral and
 *   relationship of @store as iCalendar text, or %NULL on error
 */
char *
bzw_ical_journal_write_store (BzwStore   *store,
                              GDateTime  *stamp,
                              GError    **error)
{
  BzwIcalIds ids = { NULL, };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) relationships = NULL;
  g_autoptr(GPtrArray) points = NULL;
  char *text = NULL;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (stamp != NULL, NULL);

  if (_bzw_ical_ids_fill_contacts (&ids, store, error) &&
      (entries = _bzw_ical_dup_entries (store, error)) != NULL &&
      (relationships = bzw_store_list_relationships (store, 0, error)) != NULL &&
      (points = bzw_store_list_talking_points (store, 0, TRUE, error)) != NULL)
    {
      ids.encounter_uids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < entries->len; i++)
        {
          GObject *entry = g_ptr_array_index (entries, i);

          if (BZW_IS_ENCOUNTER (entry))
            g_hash_table_insert (ids.encounter_uids, id_dup (bzw_encounter_get_id (BZW_ENCOUNTER (entry))),
                                 (gpointer) bzw_encounter_get_uid (BZW_ENCOUNTER (entry)));
        }
      text = write_components (entries, relationships, points, &ids, stamp);
    }

  _bzw_ical_ids_clear (&ids);
  return text;
}

/* Reading */

void
bzw_ical_journal_free (BzwIcalJournal *journal)
{
  if (journal == NULL)
    return;

  g_clear_pointer (&journal->components, g_ptr_array_unref);
  g_clear_pointer (&journal->calendar, icalcomponent_free);
  g_free (journal);
}

/**
 * bzw_ical_journal_parse:
 *
 * Reads an iCalendar file and keeps the components this app wrote (those
 * with X-BZW-ENTRY); the others are left out.
 *
 * Returns: (transfer full): the journal, or %NULL when the text is no
 *   iCalendar
 */
BzwIcalJournal *
bzw_ical_journal_parse (const char  *text,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(BzwIcalJournal) journal = g_new0 (BzwIcalJournal, 1);

  journal->components = g_ptr_array_new ();
  journal->calendar = _bzw_ical_parse (text, length);
  if (journal->calendar == NULL || icalcomponent_isa (journal->calendar) != ICAL_VCALENDAR_COMPONENT)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The journal part is not an iCalendar file."));
      return NULL;
    }

  for (icalcomponent *comp = icalcomponent_get_first_component (journal->calendar, ICAL_ANY_COMPONENT);
       comp != NULL;
       comp = icalcomponent_get_next_component (journal->calendar, ICAL_ANY_COMPONENT))
    {
      const char *kind = _bzw_ical_entry_kind (comp);

      if (kind == NULL)
        continue;
      g_ptr_array_add (journal->components, comp);
      if (g_str_equal (kind, "relationship"))
        journal->n_relationships++;
      else if (g_str_equal (kind, "talking-point"))
        journal->n_talking_points++;
    }

  return g_steal_pointer (&journal);
}

/* Encounters, favours and referrals in the file. */
guint
bzw_ical_journal_get_n_entries (BzwIcalJournal *journal)
{
  g_return_val_if_fail (journal != NULL, 0);

  return journal->components->len - journal->n_relationships - journal->n_talking_points;
}

guint
bzw_ical_journal_get_n_relationships (BzwIcalJournal *journal)
{
  g_return_val_if_fail (journal != NULL, 0);

  return journal->n_relationships;
}

/* The table of the entries of @kind ("encounter", …), or %NULL. */
const char *
_bzw_ical_table_of (const char *kind)
{
  static const char * const tables[][2] = {
    { "encounter", "encounters" },
    { "favour", "favours" },
    { "referral", "referrals" },
    { "relationship", "relationships" },
    { "talking-point", "talking_points" },
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (kind, tables[i][0]))
      return tables[i][1];

  return NULL;
}

/* Saves an entry of the journal, a relationship or a talking point. */
gboolean
_bzw_ical_save_entry (BzwStore  *store,
                      GObject   *object,
                      GError   **error)
{
  if (BZW_IS_ENCOUNTER (object))
    return bzw_store_save_encounter (store, BZW_ENCOUNTER (object), error);
  if (BZW_IS_FAVOUR (object))
    return bzw_store_save_favour (store, BZW_FAVOUR (object), error);
  if (BZW_IS_REFERRAL (object))
    return bzw_store_save_referral (store, BZW_REFERRAL (object), error);
  if (BZW_IS_TALKING_POINT (object))
    return bzw_store_save_talking_point (store, BZW_TALKING_POINT (object), error);
  return bzw_store_save_relationship (store, BZW_RELATIONSHIP (object), error);
}

/* One component into the store; an entry that is already there is left
 * out, one that the store refuses (no known participant, say) is counted
 * as failed.  FALSE only when writing failed.
 */
static gboolean
import_component (icalcomponent         *comp,
                  BzwStore              *store,
                  BzwIcalResolve         resolve,
                  gpointer               data,
                  BzwIcalJournalCounts  *counts,
                  GError               **error)
{
  const char *kind = _bzw_ical_entry_kind (comp);
  const char *table = _bzw_ical_table_of (kind);
  g_autoptr(GObject) object = NULL;
  g_autoptr(GError) local_error = NULL;

  if (table == NULL)
    return TRUE;

  if (bzw_store_find_row_by_uid (store, table, icalcomponent_get_uid (comp)) != 0)
    {
      counts->skipped++;
      return TRUE;
    }

  object = _bzw_ical_to_object (comp, resolve, data);
  if (object == NULL)
    {
      counts->failed++;
      return TRUE;
    }

  if (!_bzw_ical_save_entry (store, object, &local_error))
    {
      if (!g_error_matches (local_error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      counts->failed++;
      return TRUE;
    }

  if (BZW_IS_RELATIONSHIP (object))
    counts->relationships++;
  else if (BZW_IS_TALKING_POINT (object))
    counts->talking_points++;
  else
    counts->entries++;
  return TRUE;
}

/**
 * bzw_ical_journal_import:
 * @resolve: finds a contact by its vCard UID (and an encounter by its UID)
 * @counts: (out caller-allocates): what was done
 *
 * Saves the entries and relationships into @store; the caller holds the
 * transaction.  Encounters come first, so a favour finds the encounter it
 * belongs to.
 */
gboolean
bzw_ical_journal_import (BzwIcalJournal        *journal,
                         BzwStore              *store,
                         BzwIcalResolve         resolve,
                         gpointer               data,
                         BzwIcalJournalCounts  *counts,
                         GError               **error)
{
  g_return_val_if_fail (journal != NULL, FALSE);
  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (resolve != NULL && counts != NULL, FALSE);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < journal->components->len; i++)
      {
        icalcomponent *comp = g_ptr_array_index (journal->components, i);
        gboolean is_encounter = g_strcmp0 (_bzw_ical_entry_kind (comp), "encounter") == 0;

        if ((pass == 0) != is_encounter)
          continue;
        if (!import_component (comp, store, resolve, data, counts, error))
          return FALSE;
      }

  return TRUE;
}
