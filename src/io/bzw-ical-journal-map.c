/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-ical-journal"

#include "config.h"

#include "bzw-ical-journal-private.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The journal as iCalendar components and back; the mapping itself is
 * described in bzw-ical-journal-private.h.  libical escapes and folds.
 */

#define PARTY_PARAM "X-BZW-PARTY"

/* Writing */

static void
add_x (icalcomponent *comp,
       const char    *name,
       const char    *value)
{
  icalproperty *prop;

  if (value == NULL || value[0] == '\0')
    return;

  prop = icalproperty_new_x (value);
  icalproperty_set_x_name (prop, name);
  icalcomponent_add_property (comp, prop);
}

static void
add_x_int (icalcomponent *comp,
           const char    *name,
           gint64         value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  add_x (comp, name, text);
}

static const char *
lookup_id (GHashTable *table,
           gint64      id)
{
  return table != NULL && id > 0 ? g_hash_table_lookup (table, &id) : NULL;
}

/* A contact by its UID, someone deleted by name, "Ich" not at all. */
static void
add_party (icalcomponent    *comp,
           const char       *name,
           const BzwParty   *party,
           const BzwIcalIds *ids)
{
  const char *uid = lookup_id (ids->contact_uids, party->contact_id);
  icalproperty *prop;
  icalparameter *param;

  if (uid != NULL)
    {
      add_x (comp, name, uid);
      return;
    }

  if (party->name == NULL || party->name[0] == '\0')
    return;

  prop = icalproperty_new_x (party->name);
  icalproperty_set_x_name (prop, name);
  param = icalparameter_new_x ("NAME");
  icalparameter_set_xname (param, PARTY_PARAM);
  icalproperty_add_parameter (prop, param);
  icalcomponent_add_property (comp, prop);
}

static const char *
party_name (const BzwParty   *party,
            const BzwIcalIds *ids)
{
  const char *name = lookup_id (ids->contact_names, party->contact_id);

  if (name != NULL)
    return name;
  if (party->name != NULL && party->name[0] != '\0')
    return party->name;
  /* Translators: the user as one side of an entry, in a calendar. */
  return _("Me");
}

static gboolean
parse_day (const char *day,
           int        *year,
           int        *month,
           int        *day_of_month)
{
  /* GDate's year is unsigned: a year before 1 would pass as one far on. */
  return day != NULL && sscanf (day, "%4d-%2d-%2d", year, month, day_of_month) == 3 &&
         *year >= 1 && g_date_valid_dmy (*day_of_month, *month, *year);
}

static void
add_date (icalcomponent *comp,
          icalproperty  *(*new_prop) (struct icaltimetype),
          const char    *day)
{
  struct icaltimetype date = icaltime_null_date ();

  if (!parse_day (day, &date.year, &date.month, &date.day))
    return;

  date.is_date = 1;
  icalcomponent_add_property (comp, new_prop (date));
}

static icalcomponent *
new_component (icalcomponent_kind  kind,
               const char         *entry,
               const char         *uid)
{
  icalcomponent *comp = icalcomponent_new (kind);

  icalcomponent_add_property (comp, icalproperty_new_uid (uid));
  add_x (comp, "X-BZW-ENTRY", entry);
  return comp;
}

static icalcomponent *
from_encounter (BzwEncounter     *encounter,
                const BzwIcalIds *ids)
{
  icalcomponent *comp = new_component (ICAL_VJOURNAL_COMPONENT, "encounter", bzw_encounter_get_uid (encounter));
  GArray *participants = bzw_encounter_get_participants (encounter);
  g_autoptr(GString) summary = g_string_new (bzw_channel_get_label (bzw_encounter_get_channel (encounter)));
  struct icaltimetype when = icaltime_from_timet_with_zone (bzw_encounter_get_happened_at (encounter), 0,
                                                            icaltimezone_get_utc_timezone ());

  icalcomponent_add_property (comp, icalproperty_new_dtstart (when));
  /* A plan not yet confirmed is a draft for other calendars. */
  icalcomponent_add_property (comp, icalproperty_new_status (bzw_encounter_get_planned (encounter)
                                                             ? ICAL_STATUS_DRAFT : ICAL_STATUS_FINAL));
  add_x (comp, "X-BZW-CHANNEL", bzw_channel_to_string (bzw_encounter_get_channel (encounter)));
  if (bzw_encounter_get_planned (encounter))
    add_x_int (comp, "X-BZW-PLANNED", 1);
  for (guint i = 0; i < participants->len; i++)
    {
      const BzwParty *party = &g_array_index (participants, BzwParty, i);

      add_party (comp, "X-BZW-PARTICIPANT", party, ids);
      g_string_append (summary, i == 0 ? ": " : ", ");
      g_string_append (summary, party_name (party, ids));
    }
  icalcomponent_add_property (comp, icalproperty_new_summary (summary->str));
  if (bzw_encounter_get_place (encounter) != NULL)
    icalcomponent_add_property (comp, icalproperty_new_location (bzw_encounter_get_place (encounter)));
  if (bzw_encounter_get_notes (encounter) != NULL)
    icalcomponent_add_property (comp, icalproperty_new_description (bzw_encounter_get_notes (encounter)));
  return comp;
}

static const icalproperty_status favour_status[] = {
  [BZW_FAVOUR_OPEN] = ICAL_STATUS_NEEDSACTION,
  [BZW_FAVOUR_PROMISED] = ICAL_STATUS_INPROCESS,
  [BZW_FAVOUR_DONE] = ICAL_STATUS_COMPLETED,
  [BZW_FAVOUR_DECLINED] = ICAL_STATUS_CANCELLED,
};

static icalcomponent *
from_favour (BzwFavour        *favour,
             const BzwIcalIds *ids)
{
  icalcomponent *comp = new_component (ICAL_VTODO_COMPONENT, "favour", bzw_favour_get_uid (favour));
  const char *encounter_uid = lookup_id (ids->encounter_uids, bzw_favour_get_encounter_id (favour));
  const char *description = bzw_favour_get_description (favour);

  add_date (comp, icalproperty_new_dtstart, bzw_favour_get_day (favour));
  add_date (comp, icalproperty_new_due, bzw_favour_get_due (favour));
  if (description != NULL && description[0] != '\0')
    icalcomponent_add_property (comp, icalproperty_new_summary (description));
  icalcomponent_add_property (comp, icalproperty_new_status (favour_status[bzw_favour_get_state (favour)]));
  add_x (comp, "X-BZW-STATE", bzw_favour_state_to_string (bzw_favour_get_state (favour)));
  add_x (comp, "X-BZW-DIRECTION", bzw_favour_direction_to_string (bzw_favour_get_direction (favour)));
  add_party (comp, "X-BZW-FROM", bzw_favour_get_from (favour), ids);
  add_party (comp, "X-BZW-TO", bzw_favour_get_to (favour), ids);
  if (bzw_favour_get_value_cents (favour) > 0)
    add_x_int (comp, "X-BZW-VALUE-CENTS", bzw_favour_get_value_cents (favour));
  if (encounter_uid != NULL)
    icalcomponent_add_property (comp, icalproperty_new_relatedto (encounter_uid));
  return comp;
}

static icalcomponent *
from_referral (BzwReferral      *referral,
               const BzwIcalIds *ids)
{
  icalcomponent *comp = new_component (ICAL_VJOURNAL_COMPONENT, "referral", bzw_referral_get_uid (referral));
  g_autofree char *summary = NULL;

  add_date (comp, icalproperty_new_dtstart, bzw_referral_get_day (referral));
  icalcomponent_add_property (comp, icalproperty_new_status (ICAL_STATUS_FINAL));
  /* Translators: a referral in a calendar: giver → receiver: who was referred. */
  summary = g_strdup_printf (_("%s → %s: %s"), party_name (bzw_referral_get_giver (referral), ids),
                             party_name (bzw_referral_get_receiver (referral), ids),
                             party_name (bzw_referral_get_referred (referral), ids));
  icalcomponent_add_property (comp, icalproperty_new_summary (summary));
  add_party (comp, "X-BZW-GIVER", bzw_referral_get_giver (referral), ids);
  add_party (comp, "X-BZW-RECEIVER", bzw_referral_get_receiver (referral), ids);
  add_party (comp, "X-BZW-REFERRED", bzw_referral_get_referred (referral), ids);
  add_x_int (comp, "X-BZW-EFFORT", bzw_referral_get_effort (referral));
  add_x (comp, "X-BZW-STATE", bzw_referral_state_to_string (bzw_referral_get_state (referral)));
  if (bzw_referral_get_value_cents (referral) > 0)
    add_x_int (comp, "X-BZW-VALUE-CENTS", bzw_referral_get_value_cents (referral));
  add_x_int (comp, "X-BZW-THANKED", bzw_referral_get_thanked (referral) ? 1 : 0);
  if (bzw_referral_get_notes (referral) != NULL)
    icalcomponent_add_property (comp, icalproperty_new_description (bzw_referral_get_notes (referral)));
  return comp;
}

static icalcomponent *
from_relationship (BzwRelationship  *relationship,
                   const BzwIcalIds *ids)
{
  icalcomponent *comp = new_component (ICAL_VJOURNAL_COMPONENT, "relationship",
                                       bzw_relationship_get_uid (relationship));
  BzwParty a = { bzw_relationship_get_a_id (relationship), NULL };
  BzwParty b = { bzw_relationship_get_b_id (relationship), NULL };
  g_autofree char *summary = g_strdup_printf ("%s – %s", party_name (&a, ids), party_name (&b, ids));

  add_date (comp, icalproperty_new_dtstart, bzw_relationship_get_since (relationship));
  icalcomponent_add_property (comp, icalproperty_new_summary (summary));
  add_party (comp, "X-BZW-A", &a, ids);
  add_party (comp, "X-BZW-B", &b, ids);
  add_x (comp, "X-BZW-KIND", bzw_relationship_get_kind (relationship));
  add_x_int (comp, "X-BZW-STRENGTH", bzw_relationship_get_strength (relationship));
  if (bzw_relationship_get_note (relationship) != NULL)
    icalcomponent_add_property (comp, icalproperty_new_description (bzw_relationship_get_note (relationship)));
  return comp;
}

static icalcomponent *
from_talking_point (BzwTalkingPoint  *point,
                    const BzwIcalIds *ids)
{
  icalcomponent *comp = new_component (ICAL_VTODO_COMPONENT, "talking-point", bzw_talking_point_get_uid (point));
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  gint64 done_at = bzw_talking_point_get_done_at (point);

  icalcomponent_add_property (comp, icalproperty_new_summary (bzw_talking_point_get_text (point)));
  icalcomponent_add_property (comp, icalproperty_new_created (
    icaltime_from_timet_with_zone (bzw_talking_point_get_created (point), 0, utc)));
  add_x (comp, "X-BZW-CONTACT", lookup_id (ids->contact_uids, bzw_talking_point_get_contact_id (point)));
  icalcomponent_add_property (comp, icalproperty_new_status (done_at > 0 ? ICAL_STATUS_COMPLETED
                                                                         : ICAL_STATUS_NEEDSACTION));
  if (done_at > 0)
    icalcomponent_add_property (comp, icalproperty_new_completed (icaltime_from_timet_with_zone (done_at, 0, utc)));
  return comp;
}

/* An encounter, favour, referral, relationship or talking point. */
icalcomponent *
_bzw_ical_from_object (GObject          *object,
                       const BzwIcalIds *ids)
{
  if (BZW_IS_ENCOUNTER (object))
    return from_encounter (BZW_ENCOUNTER (object), ids);
  if (BZW_IS_FAVOUR (object))
    return from_favour (BZW_FAVOUR (object), ids);
  if (BZW_IS_REFERRAL (object))
    return from_referral (BZW_REFERRAL (object), ids);
  if (BZW_IS_RELATIONSHIP (object))
    return from_relationship (BZW_RELATIONSHIP (object), ids);
  return from_talking_point (BZW_TALKING_POINT (object), ids);
}

/* Reading */

static icalproperty *
find_x (icalcomponent *comp,
        const char    *name)
{
  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    if (g_ascii_strcasecmp (icalproperty_get_x_name (prop), name) == 0)
      return prop;

  return NULL;
}

static const char *
get_x (icalcomponent *comp,
       const char    *name)
{
  icalproperty *prop = find_x (comp, name);

  return prop != NULL ? icalproperty_get_x (prop) : NULL;
}

static gint64
get_x_int (icalcomponent *comp,
           const char    *name,
           gint64         fallback)
{
  const char *text = get_x (comp, name);
  char *end = NULL;
  gint64 value;

  if (text == NULL)
    return fallback;

  value = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' ? value : fallback;
}

/* @text unfolded, every line ending in CR LF whatever it ended in (a CR
 * alone would end a line when the app's own text is read again).
 * Unfolded before anything else, as a writer may fold inside a character.
 */
static GString *
unfold (const char *text,
        gssize      length)
{
  const char *end = text + (length < 0 ? strlen (text) : (gsize) length);
  GString *lines = g_string_sized_new (end - text);

  for (const char *p = text; p < end && *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n' && p + 1 < end && (p[1] == ' ' || p[1] == '\t'))
        {
          p++;
          continue;
        }
      if (*p == '\n')
        g_string_append_c (lines, '\r');
      g_string_append_c (lines, *p);
    }

  return lines;
}

static gboolean
is_control (char c)
{
  return ((guchar) c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f;
}

/* Parses @text as libical does, after making it what libical reads without
 * loss: unfolded (see unfold()), UTF-8 only (a file or a server may hold
 * anything), no control characters but the tab (iCalendar allows none,
 * and libical leaves them out when it writes, so a UID read with one would
 * not be the UID written), and no escapes but those of RFC 5545 ("\\",
 * "\;", "\,", "\n").  libical reads an unknown escape as a space, which
 * goes when the line is read again if it ends the value, and before a
 * character beyond ASCII replaces only its first byte; it reads "\b" and
 * "\f" as control characters.  So an unknown escape "\x" is read as "x",
 * as the vCard reader does, and "\r" (a writer's "\r\n" for a line break)
 * is left out.
 */
icalcomponent *
_bzw_ical_parse (const char *text,
                 gssize      length)
{
  g_autoptr(GString) lines = unfold (text, length);
  g_autofree char *valid = g_utf8_make_valid (lines->str, lines->len);
  g_autoptr(GString) clean = g_string_sized_new (lines->len);

  for (const char *p = valid; *p != '\0'; p++)
    {
      if (is_control (*p))
        continue;
      if (*p == '\\' && (p[1] == 'r' || p[1] == 'R'))
        p++;
      else if (*p == '\\' && p[1] != '\0' && strchr ("\\;,nN", p[1]) != NULL)
        {
          g_string_append_c (clean, *p++);
          g_string_append_c (clean, *p);
        }
      else if (*p != '\\')
        g_string_append_c (clean, *p);
    }

  return icalparser_parse_string (clean->str);
}

const char *
_bzw_ical_entry_kind (icalcomponent *comp)
{
  return get_x (comp, "X-BZW-ENTRY");
}

static gboolean
is_name_only (icalproperty *prop)
{
  for (icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_X_PARAMETER);
       param != NULL;
       param = icalproperty_get_next_parameter (prop, ICAL_X_PARAMETER))
    if (g_ascii_strcasecmp (icalparameter_get_xname (param), PARTY_PARAM) == 0 &&
        g_ascii_strcasecmp (icalparameter_get_xvalue (param), "NAME") == 0)
      return TRUE;

  return FALSE;
}

/* FALSE when the property names a contact that is not there. */
static gboolean
read_party_prop (icalproperty   *prop,
                 BzwIcalResolve  resolve,
                 gpointer        data,
                 BzwParty       *party)
{
  const char *value = prop != NULL ? icalproperty_get_x (prop) : NULL;

  bzw_party_clear (party);
  if (value == NULL || value[0] == '\0')
    return TRUE;

  if (is_name_only (prop))
    {
      party->name = g_strdup (value);
      return TRUE;
    }

  party->contact_id = resolve ("contacts", value, data);
  return party->contact_id != 0;
}

static gboolean
read_party (icalcomponent  *comp,
            const char     *name,
            BzwIcalResolve  resolve,
            gpointer        data,
            BzwParty       *party)
{
  return read_party_prop (find_x (comp, name), resolve, data, party);
}

/* "YYYY-MM-DD" of DTSTART or DUE, or NULL; not after 3000, which libical
 * cannot write, nor before the year 1 ("-0260101" reads as the year -26).
 */
static char *
dup_day (struct icaltimetype time)
{
  if (icaltime_is_null_time (time) || time.year < 1 || time.year > 3000 ||
      !g_date_valid_dmy (time.day, time.month, time.year))
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", time.year, time.month, time.day);
}

/* The seconds of @time, when it is a time the writer can write again:
 * libical writes a year after 3000 as 00000000T000000, and the seconds of
 * a time far off or out of range (month 71) come back as another year.
 */
static gboolean
seconds_of (struct icaltimetype  time,
            gint64              *seconds)
{
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  gint64 t;

  if (icaltime_is_null_time (time) || time.year < 1 || time.year > 3000)
    return FALSE;

  t = icaltime_as_timet_with_zone (time, utc);
  if (icaltime_from_timet_with_zone (t, 0, utc).year != time.year)
    return FALSE;

  *seconds = t;
  return TRUE;
}

static GObject *
to_encounter (icalcomponent  *comp,
              BzwIcalResolve  resolve,
              gpointer        data)
{
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  struct icaltimetype start = icalcomponent_get_dtstart (comp);
  BzwChannel channel = BZW_CHANNEL_IN_PERSON;
  gint64 happened_at = 0;

  if (!seconds_of (start, &happened_at))
    return NULL;

  bzw_encounter_set_happened_at (encounter, happened_at);
  if (bzw_channel_from_string (get_x (comp, "X-BZW-CHANNEL"), &channel))
    bzw_encounter_set_channel (encounter, channel);
  bzw_encounter_set_place (encounter, icalcomponent_get_location (comp));
  bzw_encounter_set_notes (encounter, icalcomponent_get_description (comp));
  bzw_encounter_set_planned (encounter, get_x_int (comp, "X-BZW-PLANNED", 0) != 0);

  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    {
      BzwParty party = { 0, NULL };
      gboolean ok;

      if (g_ascii_strcasecmp (icalproperty_get_x_name (prop), "X-BZW-PARTICIPANT") != 0)
        continue;
      ok = read_party_prop (prop, resolve, data, &party);
      if (ok && !bzw_party_is_me (&party))
        bzw_encounter_add_participant (encounter, party.contact_id, party.name);
      bzw_party_clear (&party);
      if (!ok)
        return NULL;
    }

  return G_OBJECT (g_steal_pointer (&encounter));
}

static GObject *
to_favour (icalcomponent  *comp,
           BzwIcalResolve  resolve,
           gpointer        data)
{
  g_autoptr(BzwFavour) favour = bzw_favour_new ();
  g_autofree char *day = dup_day (icalcomponent_get_dtstart (comp));
  g_autofree char *due = dup_day (icalcomponent_get_due (comp));
  icalproperty *related = icalcomponent_get_first_property (comp, ICAL_RELATEDTO_PROPERTY);
  BzwFavourDirection direction = BZW_FAVOUR_ASKED;
  BzwFavourState state = BZW_FAVOUR_OPEN;
  BzwParty from = { 0, NULL };
  BzwParty to = { 0, NULL };
  gboolean ok;

  if (day == NULL)
    return NULL;

  bzw_favour_set_day (favour, day);
  bzw_favour_set_due (favour, due);
  bzw_favour_set_description (favour, icalcomponent_get_summary (comp));
  if (bzw_favour_direction_from_string (get_x (comp, "X-BZW-DIRECTION"), &direction))
    bzw_favour_set_direction (favour, direction);
  if (bzw_favour_state_from_string (get_x (comp, "X-BZW-STATE"), &state))
    bzw_favour_set_state (favour, state);
  bzw_favour_set_value_cents (favour, MAX (get_x_int (comp, "X-BZW-VALUE-CENTS", 0), 0));
  if (related != NULL)
    bzw_favour_set_encounter_id (favour, resolve ("encounters", icalproperty_get_relatedto (related), data));

  ok = read_party (comp, "X-BZW-FROM", resolve, data, &from) && read_party (comp, "X-BZW-TO", resolve, data, &to);
  bzw_favour_set_from (favour, &from);
  bzw_favour_set_to (favour, &to);
  bzw_party_clear (&from);
  bzw_party_clear (&to);

  return ok ? G_OBJECT (g_steal_pointer (&favour)) : NULL;
}

static gboolean
read_referral_parties (BzwReferral    *referral,
                       icalcomponent  *comp,
                       BzwIcalResolve  resolve,
                       gpointer        data)
{
  static const char * const names[] = { "X-BZW-GIVER", "X-BZW-RECEIVER", "X-BZW-REFERRED" };
  void (*setters[]) (BzwReferral *, const BzwParty *) = {
    bzw_referral_set_giver, bzw_referral_set_receiver, bzw_referral_set_referred,
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      BzwParty party = { 0, NULL };
      gboolean ok = read_party (comp, names[i], resolve, data, &party);

      setters[i] (referral, &party);
      bzw_party_clear (&party);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static GObject *
to_referral (icalcomponent  *comp,
             BzwIcalResolve  resolve,
             gpointer        data)
{
  g_autoptr(BzwReferral) referral = bzw_referral_new ();
  g_autofree char *day = dup_day (icalcomponent_get_dtstart (comp));
  BzwReferralState state = BZW_REFERRAL_GIVEN;

  if (day == NULL || !read_referral_parties (referral, comp, resolve, data))
    return NULL;

  bzw_referral_set_day (referral, day);
  bzw_referral_set_effort (referral, CLAMP (get_x_int (comp, "X-BZW-EFFORT", 1), 1, 5));
  if (bzw_referral_state_from_string (get_x (comp, "X-BZW-STATE"), &state))
    bzw_referral_set_state (referral, state);
  bzw_referral_set_value_cents (referral, MAX (get_x_int (comp, "X-BZW-VALUE-CENTS", 0), 0));
  bzw_referral_set_thanked (referral, get_x_int (comp, "X-BZW-THANKED", 0) != 0);
  bzw_referral_set_notes (referral, icalcomponent_get_description (comp));
  return G_OBJECT (g_steal_pointer (&referral));
}

static GObject *
to_relationship (icalcomponent  *comp,
                 BzwIcalResolve  resolve,
                 gpointer        data)
{
  g_autoptr(BzwRelationship) relationship = bzw_relationship_new ();
  g_autofree char *since = dup_day (icalcomponent_get_dtstart (comp));
  BzwParty a = { 0, NULL };
  BzwParty b = { 0, NULL };
  gboolean ok = read_party (comp, "X-BZW-A", resolve, data, &a) && read_party (comp, "X-BZW-B", resolve, data, &b);

  bzw_relationship_set_a_id (relationship, a.contact_id);
  bzw_relationship_set_b_id (relationship, b.contact_id);
  bzw_party_clear (&a);
  bzw_party_clear (&b);
  if (!ok || bzw_relationship_get_a_id (relationship) == 0 || bzw_relationship_get_b_id (relationship) == 0)
    return NULL;

  if (get_x (comp, "X-BZW-KIND") != NULL)
    bzw_relationship_set_kind (relationship, get_x (comp, "X-BZW-KIND"));
  bzw_relationship_set_strength (relationship, CLAMP (get_x_int (comp, "X-BZW-STRENGTH", 3), 1, 5));
  bzw_relationship_set_since (relationship, since);
  bzw_relationship_set_note (relationship, icalcomponent_get_description (comp));
  return G_OBJECT (g_steal_pointer (&relationship));
}

static gint64
get_utc_time (icalcomponent     *comp,
              icalproperty_kind  kind)
{
  icalproperty *prop = icalcomponent_get_first_property (comp, kind);
  gint64 t = 0;

  if (prop == NULL)
    return 0;
  if (!seconds_of (kind == ICAL_CREATED_PROPERTY ? icalproperty_get_created (prop) : icalproperty_get_completed (prop),
                   &t))
    return 0;
  return t;
}

static GObject *
to_talking_point (icalcomponent  *comp,
                  BzwIcalResolve  resolve,
                  gpointer        data)
{
  g_autoptr(BzwTalkingPoint) point = bzw_talking_point_new ();
  const char *contact = get_x (comp, "X-BZW-CONTACT");
  gint64 contact_id = contact != NULL ? resolve ("contacts", contact, data) : 0;

  if (contact_id == 0 || icalcomponent_get_summary (comp) == NULL)
    return NULL;

  bzw_talking_point_set_contact_id (point, contact_id);
  bzw_talking_point_set_text (point, icalcomponent_get_summary (comp));
  bzw_talking_point_set_created (point, get_utc_time (comp, ICAL_CREATED_PROPERTY));
  if (icalcomponent_get_status (comp) == ICAL_STATUS_COMPLETED)
    bzw_talking_point_set_done_at (point, MAX (get_utc_time (comp, ICAL_COMPLETED_PROPERTY), 1));
  return G_OBJECT (g_steal_pointer (&point));
}

/**
 * _bzw_ical_to_object:
 * @resolve: finds the contacts and encounters the component names
 *
 * Returns: (transfer full) (nullable): a #BzwEncounter, #BzwFavour,
 *   #BzwReferral, #BzwRelationship or #BzwTalkingPoint with the component's UID and id 0, or
 *   %NULL when the component is not one of ours or names a contact that
 *   is not there
 */
GObject *
_bzw_ical_to_object (icalcomponent  *comp,
                     BzwIcalResolve  resolve,
                     gpointer        data)
{
  const char *kind = _bzw_ical_entry_kind (comp);
  const char *uid = icalcomponent_get_uid (comp);
  GObject *object = NULL;

  if (kind == NULL || uid == NULL || uid[0] == '\0')
    return NULL;

  if (g_str_equal (kind, "encounter"))
    object = to_encounter (comp, resolve, data);
  else if (g_str_equal (kind, "favour"))
    object = to_favour (comp, resolve, data);
  else if (g_str_equal (kind, "referral"))
    object = to_referral (comp, resolve, data);
  else if (g_str_equal (kind, "relationship"))
    object = to_relationship (comp, resolve, data);
  else if (g_str_equal (kind, "talking-point"))
    object = to_talking_point (comp, resolve, data);

  if (object != NULL)
    g_object_set (object, "uid", uid, NULL);
  return object;
}
