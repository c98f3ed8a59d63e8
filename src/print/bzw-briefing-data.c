/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-briefing"

#include "config.h"

#include "bzw-briefing-private.h"

#include "bzw-labels.h"
#include "bzw-map-graph.h"
#include "bzw-store-occasions.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* What the meeting brief shows, gathered from the store in one go: the
 * contact, the facts of the header and the sections of the page.
 */

static void
clear_item (gpointer data)
{
  BriefingItem *item = data;

  g_free (item->when);
  g_free (item->title);
  g_free (item->detail);
}

static void
clear_fact (gpointer data)
{
  g_free (((BriefingFact *) data)->value);
}

void
_bzw_briefing_clear (BzwBriefing *self)
{
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->initials, g_free);
  g_clear_pointer (&self->date_long, g_free);
  g_clear_pointer (&self->photo, cairo_surface_destroy);
  g_clear_pointer (&self->facts, g_array_unref);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_clear_pointer (&self->sections[i].heading, g_free);
      g_clear_pointer (&self->sections[i].empty, g_free);
      g_clear_pointer (&self->sections[i].items, g_array_unref);
      self->sections[i].n_more = 0;
    }
  self->loaded = FALSE;
}

static void
start_section (BzwBriefing       *self,
               BriefingSectionId  id,
               char              *heading,
               const char        *empty)
{
  BriefingSection *section = &self->sections[id];

  section->heading = heading;
  section->empty = g_strdup (empty);
  section->items = g_array_new (FALSE, TRUE, sizeof (BriefingItem));
  g_array_set_clear_func (section->items, clear_item);
}

/* Takes @title and @detail; past @max items only counts them.  Returns
 * whether the item was added.
 */
static gboolean
add_item (BzwBriefing       *self,
          BriefingSectionId  id,
          guint              max,
          char              *when,
          char              *title,
          char              *detail)
{
  BriefingSection *section = &self->sections[id];
  BriefingItem item = { when, title, detail, FALSE };

  if (section->items->len >= max)
    {
      section->n_more++;
      clear_item (&item);
      return FALSE;
    }
  g_array_append_val (section->items, item);
  return TRUE;
}

static BriefingItem *
last_item (BzwBriefing       *self,
           BriefingSectionId  id)
{
  GArray *items = self->sections[id].items;

  return &g_array_index (items, BriefingItem, items->len - 1);
}

static void
add_fact (BzwBriefing *self,
          const char  *label,
          char        *value)
{
  BriefingFact fact = { label, value };

  if (value == NULL || value[0] == '\0')
    {
      g_free (value);
      return;
    }
  g_array_append_val (self->facts, fact);
}

static char *
format_unix (gint64      when,
             const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, format) : NULL;
}

/* "YYYY-MM-DD" in the short format; anything else as it is. */
static char *
format_day (const char *day)
{
  int y, m, d;
  g_autoptr(GDateTime) date = NULL;

  if (day == NULL)
    return NULL;
  if (sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y) ||
      (date = g_date_time_new_utc (y, m, d, 12, 0, 0)) == NULL)
    return g_strdup (day);

  return g_date_time_format (date, _("%Y-%m-%d"));
}

static char *
join_nonempty (const char *separator,
               const char *a,
               const char *b)
{
  if (a == NULL || a[0] == '\0')
    return g_strdup (b);
  if (b == NULL || b[0] == '\0')
    return g_strdup (a);
  return g_strconcat (a, separator, b, NULL);
}

static char *
circle_names (BzwStore   *store,
              BzwContact *contact)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (store, NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);

      if (!bzw_contact_has_circle (contact, bzw_circle_get_id (circle)))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, bzw_circle_get_name (circle));
    }
  if (names->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
gather_header (BzwBriefing *self,
               BzwContact  *contact)
{
  gint64 introducer = bzw_store_get_introducer (self->store, self->contact_id);
  g_autofree char *met_on = format_day (bzw_contact_get_met_on (contact));
  g_autofree char *follow_up = format_day (bzw_contact_get_follow_up_on (contact));
  GBytes *photo = bzw_contact_get_photo (contact);
  g_autofree char *how = NULL;

  self->name = bzw_contact_dup_best_name (contact);
  self->subtitle = bzw_contact_dup_subtitle (contact);
  self->initials = bzw_contact_dup_initials (contact);
  if (photo != NULL)
    self->photo = bzw_map_photo_new (photo, 160);

  if (introducer > 0)
    add_fact (self, _("Met through"), bzw_store_dup_contact_name (self->store, introducer));
  how = join_nonempty (" · ", bzw_contact_get_met_how (contact), met_on);
  /* Translators: on the meeting brief, how and when you met: „Kennengelernt“. */
  add_fact (self, C_("meeting brief", "Met"),
            join_nonempty (" · ", how, bzw_contact_get_met_in_person (contact) ? NULL : _("Known only online")));
  add_fact (self, _("Circles"), circle_names (self->store, contact));
  add_fact (self, _("Phone"), g_strdup (bzw_contact_get_first_value (contact, BZW_FIELD_PHONE)));
  add_fact (self, _("E-mail"), g_strdup (bzw_contact_get_first_value (contact, BZW_FIELD_EMAIL)));
  add_fact (self, _("Follow-up"), join_nonempty (" · ", follow_up, bzw_contact_get_follow_up_note (contact)));
}

static gboolean
gather_points (BzwBriefing  *self,
               GError      **error)
{
  g_autoptr(GPtrArray) points = bzw_store_list_talking_points (self->store, self->contact_id, FALSE, error);

  if (points == NULL)
    return FALSE;

  start_section (self, SECTION_POINTS, g_strdup (_("Bring Up Next Time")), _("Nothing noted"));
  for (guint i = 0; i < points->len; i++)
    add_item (self, SECTION_POINTS, BRIEFING_MAX_POINTS, NULL,
              g_strdup (bzw_talking_point_get_text (g_ptr_array_index (points, i))), NULL);
  return TRUE;
}

static void
gather_text (BzwBriefing       *self,
             BriefingSectionId  id,
             const char        *heading,
             const char        *text)
{
  start_section (self, id, g_strdup (heading), _("Nothing noted"));
  if (text != NULL && text[0] != '\0')
    add_item (self, id, 1, NULL, g_strdup (text), NULL);
}

/* The name of a party, or NULL for „Ich“. */
static char *
party_name (BzwBriefing    *self,
            const BzwParty *party)
{
  if (bzw_party_is_me (party))
    return NULL;
  if (party->contact_id > 0)
    return bzw_store_dup_contact_name (self->store, party->contact_id);
  return g_strdup (party->name);
}

/* "promised · due 20.12.2026 · from Tobias Krämer" */
static char *
favour_detail (BzwBriefing *self,
               BzwFavour   *favour,
               gboolean     from_them)
{
  const BzwParty *other = from_them ? bzw_favour_get_to (favour) : bzw_favour_get_from (favour);
  g_autoptr(GString) detail = g_string_new (bzw_favour_state_get_label (bzw_favour_get_state (favour)));
  g_autofree char *due = format_day (bzw_favour_get_due (favour));
  g_autofree char *name = party_name (self, other);

  if (due != NULL)
    {
      g_string_append (detail, " · ");
      /* Translators: %s is a date. */
      g_string_append_printf (detail, _("due %s"), due);
    }
  if (name != NULL)
    {
      g_string_append (detail, " · ");
      /* Translators: of an open favour, for whom or by whom: „für Anna“, „von Anna“. */
      g_string_append_printf (detail, from_them ? _("for %s") : _("from %s"), name);
    }
  return g_string_free (g_steal_pointer (&detail), FALSE);
}

static gboolean
favour_is_open (BzwFavour *favour)
{
  BzwFavourState state = bzw_favour_get_state (favour);

  return state == BZW_FAVOUR_OPEN || state == BZW_FAVOUR_PROMISED;
}

/* Open favours both ways: what they do (for me or others), and what is
 * done for them; those past their due date are marked.
 */
static gboolean
gather_favours (BzwBriefing  *self,
                const char   *given,
                GDateTime    *now,
                GError      **error)
{
  BzwJournalQuery query = { .favours = TRUE, .contact_id = self->contact_id };
  g_autoptr(GArray) refs = bzw_store_list_journal (self->store, &query, error);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  BriefingSectionId section;

  if (refs == NULL)
    return FALSE;

  /* Translators: headings of the open favours on the meeting brief; %s is a given name. */
  start_section (self, SECTION_FOR_THEM, g_strdup_printf (_("Open: for %s"), given), _("No open favours"));
  start_section (self, SECTION_FROM_THEM, g_strdup_printf (_("Open: from %s"), given), _("No open favours"));
  for (guint i = 0; i < refs->len; i++)
    {
      g_autoptr(BzwFavour) favour = bzw_store_dup_favour (self->store,
                                                          g_array_index (refs, BzwJournalRef, i).id, NULL);
      gboolean from_them;

      if (favour == NULL || !favour_is_open (favour))
        continue;
      from_them = bzw_favour_get_from (favour)->contact_id == self->contact_id;
      section = from_them ? SECTION_FROM_THEM : SECTION_FOR_THEM;
      if (add_item (self, section, BRIEFING_MAX_FAVOURS, NULL, g_strdup (bzw_favour_get_description (favour)),
                    favour_detail (self, favour, from_them)) &&
          bzw_favour_get_due (favour) != NULL && strcmp (bzw_favour_get_due (favour), today) < 0)
        last_item (self, section)->overdue = TRUE;
    }
  return TRUE;
}

/* "Phone · Café Lotte" */
static char *
encounter_title (BzwEncounter *encounter)
{
  return join_nonempty (" · ", bzw_channel_get_label (bzw_encounter_get_channel (encounter)),
                        bzw_encounter_get_place (encounter));
}

/* The last encounters, newest first; the next plan goes in the header.
 * Only the encounters shown are read; the others are counted.
 */
static gboolean
gather_encounters (BzwBriefing  *self,
                   gint64        now,
                   GError      **error)
{
  BzwJournalQuery query = { .encounters = TRUE, .contact_id = self->contact_id };
  g_autoptr(GArray) refs = bzw_store_list_journal (self->store, &query, error);
  BriefingSection *section;
  g_autofree char *planned = NULL;

  if (refs == NULL)
    return FALSE;

  start_section (self, SECTION_ENCOUNTERS, g_strdup (_("Last Encounters")), _("No encounters yet"));
  section = &self->sections[SECTION_ENCOUNTERS];
  for (guint i = 0; i < refs->len; i++)
    {
      const BzwJournalRef *ref = &g_array_index (refs, BzwJournalRef, i);
      g_autoptr(BzwEncounter) encounter = NULL;
      g_autofree char *date = NULL;

      if (ref->when <= now && section->items->len >= BRIEFING_MAX_ENCOUNTERS)
        {
          section->n_more++;
          continue;
        }
      encounter = bzw_store_dup_encounter (self->store, ref->id, NULL);
      if (encounter == NULL)
        continue;
      date = format_unix (ref->when, _("%Y-%m-%d"));
      if (ref->when > now)
        {
          /* Newest first: the last one seen is the next. */
          g_autofree char *title = encounter_title (encounter);

          g_free (planned);
          planned = join_nonempty (" · ", date, title);
          continue;
        }
      add_item (self, SECTION_ENCOUNTERS, BRIEFING_MAX_ENCOUNTERS, g_steal_pointer (&date),
                encounter_title (encounter), g_strdup (bzw_encounter_get_notes (encounter)));
    }
  add_fact (self, C_("encounter", "Planned"), g_steal_pointer (&planned));
  return TRUE;
}

/* The contacts they know, by the relationships between contacts. */
static gboolean
gather_shared (BzwBriefing  *self,
               GError      **error)
{
  g_autoptr(GPtrArray) relationships = bzw_store_list_relationships (self->store, self->contact_id, error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (relationships == NULL)
    return FALSE;

  start_section (self, SECTION_SHARED, g_strdup (_("Shared Contacts")), _("None known"));
  for (guint i = 0; i < relationships->len; i++)
    {
      BzwRelationship *relationship = g_ptr_array_index (relationships, i);
      gint64 other = bzw_relationship_get_a_id (relationship) == self->contact_id
                       ? bzw_relationship_get_b_id (relationship)
                       : bzw_relationship_get_a_id (relationship);
      char *name;

      if (other <= 0 || other == self->contact_id || g_hash_table_contains (seen, &other))
        continue;
      name = bzw_store_dup_contact_name (self->store, other);
      if (name == NULL)
        continue;
      g_hash_table_add (seen, g_memdup2 (&other, sizeof other));
      add_item (self, SECTION_SHARED, BRIEFING_MAX_SHARED, NULL, name,
                g_strdup (bzw_labels_relationship_kind (bzw_relationship_get_kind (relationship))));
    }
  return TRUE;
}

/**
 * _bzw_briefing_gather:
 *
 * Reads everything the brief shows.  Fails when the contact is gone.
 */
gboolean
_bzw_briefing_gather (BzwBriefing  *self,
                      GDateTime    *now,
                      GError      **error)
{
  g_autoptr(BzwContact) contact = bzw_store_dup_contact (self->store, self->contact_id, error);
  const char *given;

  _bzw_briefing_clear (self);
  if (contact == NULL)
    return FALSE;

  self->facts = g_array_new (FALSE, TRUE, sizeof (BriefingFact));
  g_array_set_clear_func (self->facts, clear_fact);
  self->date_long = g_date_time_format (now, _("%B %-d, %Y"));
  gather_header (self, contact);
  given = bzw_contact_get_given_name (contact);
  if (given == NULL || given[0] == '\0')
    given = self->name;

  gather_text (self, SECTION_SEEKS, _("Is looking for"), bzw_contact_get_seeks (contact));
  gather_text (self, SECTION_OFFERS, _("Offers"), bzw_contact_get_offers (contact));
  if (!gather_points (self, error) ||
      !gather_favours (self, given, now, error) ||
      !gather_encounters (self, g_date_time_to_unix (now), error) ||
      !gather_shared (self, error))
    {
      _bzw_briefing_clear (self);
      return FALSE;
    }

  self->loaded = TRUE;
  return TRUE;
}
