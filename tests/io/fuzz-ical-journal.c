/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the journal's iCalendar reader (the archive's
 * calendar part): bzw_ical_journal_parse, and every component turned into
 * an encounter, favour, referral or relationship with every UID resolved
 * to a contact, then written back with the same mapping and read again:
 * what the writer writes of an entry, the reader reads as the same kind.
 */

#include "config.h"

#include "bzw-ical-journal-private.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Every UID is a contact (or encounter) of its own; ids → UIDs for the
 * writer.
 */
static gint64
resolve_cb (const char *table,
            const char *uid,
            gpointer    data)
{
  BzwIcalIds *ids = data;
  GHashTable *uids = g_str_equal (table, "encounters") ? ids->encounter_uids : ids->contact_uids;
  gint64 *id = g_new (gint64, 1);

  *id = (gint64) g_hash_table_size (uids) + 1;
  g_hash_table_insert (uids, id, g_strdup (uid));
  if (uids == ids->contact_uids)
    g_hash_table_insert (ids->contact_names, g_memdup2 (id, sizeof *id), g_strdup (uid));
  return *id;
}

static void
round_trip (icalcomponent *comp,
            BzwIcalIds    *ids)
{
  GObject *object = _bzw_ical_to_object (comp, resolve_cb, ids);
  icalcomponent *again;
  char *text;
  icalcomponent *parsed;

  if (object == NULL)
    return;

  again = _bzw_ical_from_object (object, ids);
  text = icalcomponent_as_ical_string_r (again);
  parsed = icalparser_parse_string (text);
  if (parsed == NULL || g_strcmp0 (_bzw_ical_entry_kind (parsed), _bzw_ical_entry_kind (comp)) != 0)
    __builtin_trap ();

  icalcomponent_free (parsed);
  free (text);
  icalcomponent_free (again);
  g_object_unref (object);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  BzwIcalIds ids = { NULL, };
  BzwIcalJournal *journal = bzw_ical_journal_parse ((const char *) data, size, NULL);
  char *copy;
  icalcomponent *calendar;

  if (journal == NULL)
    return 0;
  bzw_ical_journal_get_n_entries (journal);
  bzw_ical_journal_get_n_relationships (journal);
  bzw_ical_journal_free (journal);

  ids.contact_uids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ids.contact_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ids.encounter_uids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  copy = g_strndup ((const char *) data, size);
  calendar = icalparser_parse_string (copy);
  for (icalcomponent *comp = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       comp != NULL;
       comp = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    round_trip (comp, &ids);

  icalcomponent_free (calendar);
  g_free (copy);
  g_hash_table_unref (ids.contact_uids);
  g_hash_table_unref (ids.contact_names);
  g_hash_table_unref (ids.encounter_uids);
  return 0;
}
