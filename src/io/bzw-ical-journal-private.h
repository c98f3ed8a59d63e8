/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <libical/ical.h>

#include "bzw-ical-journal.h"
#include "bzw-talking-point.h"

G_BEGIN_DECLS

/* The mapping between the journal and iCalendar components, in one place
 * (bzw-ical-journal-map.c) for the archive and a later CalDAV sync:
 *
 * - an encounter is a VJOURNAL at its time (DTSTART in UTC), its place
 *   LOCATION, its notes DESCRIPTION, its channel X-BZW-CHANNEL and each
 *   participant an X-BZW-PARTICIPANT with the contact's vCard UID; a
 *   planned one, not yet confirmed, has X-BZW-PLANNED:1 and STATUS:DRAFT;
 * - a favour is a VTODO: DTSTART the day, DUE, SUMMARY the description,
 *   STATUS and X-BZW-STATE the state, X-BZW-DIRECTION, X-BZW-FROM and
 *   X-BZW-TO, X-BZW-VALUE-CENTS, RELATED-TO the encounter's UID;
 * - a referral is a VJOURNAL on its day with X-BZW-GIVER, X-BZW-RECEIVER,
 *   X-BZW-REFERRED, X-BZW-EFFORT, X-BZW-STATE, X-BZW-VALUE-CENTS,
 *   X-BZW-THANKED and its notes as DESCRIPTION;
 * - a relationship is a VJOURNAL with X-BZW-A, X-BZW-B, X-BZW-KIND,
 *   X-BZW-STRENGTH, DTSTART the day since when, DESCRIPTION the note;
 * - a talking point („Beim nächsten Mal ansprechen“) is a VTODO: SUMMARY
 *   the text, CREATED when it was noted, X-BZW-CONTACT the contact,
 *   STATUS COMPLETED and COMPLETED when it was raised.
 *
 * Every component says what it is in X-BZW-ENTRY.  A side that is "Ich"
 * is left out; a person whose contact was deleted is written by name, with
 * the parameter X-BZW-PARTY=NAME.  SUMMARY is for other calendars to show
 * and is not read back (except a favour's, which is its description).
 */

/* Contact id → vCard UID and name, encounter id → UID, for writing. */
typedef struct
{
  GHashTable *contact_uids;    /* gint64* → utf8 */
  GHashTable *contact_names;   /* gint64* → utf8 */
  GHashTable *encounter_uids;  /* gint64* → utf8 */
} BzwIcalIds;

icalcomponent *_bzw_ical_from_object       (GObject            *object,
                                            const BzwIcalIds   *ids);
gboolean       _bzw_ical_ids_fill_contacts (BzwIcalIds        *ids,
                                            BzwStore          *store,
                                            GError           **error);
void           _bzw_ical_ids_clear         (BzwIcalIds         *ids);
GPtrArray     *_bzw_ical_dup_entries       (BzwStore           *store,
                                            GError            **error);
icalcomponent *_bzw_ical_parse             (const char         *text,
                                            gssize              length);
const char    *_bzw_ical_entry_kind        (icalcomponent      *comp);
const char    *_bzw_ical_table_of          (const char         *kind);
gboolean       _bzw_ical_save_entry        (BzwStore           *store,
                                            GObject            *object,
                                            GError            **error);
GObject       *_bzw_ical_to_object         (icalcomponent      *comp,
                                            BzwIcalResolve      resolve,
                                            gpointer            data);

G_END_DECLS
