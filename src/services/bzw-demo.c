/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-demo"

#include "config.h"

#include "bzw-demo.h"

#include "bzw-demo-private.h"
#include "bzw-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * The example network: the contacts, circles, relationships and journal of
 * a self-employed UX designer in Köln, three years deep.  Everything is made
 * up; names of firms are invented, e-mail addresses use the example domains
 * and phone numbers come from the ranges reserved for fiction.  The content
 * is German on purpose: it is what a German user would type.
 *
 * The data are in bzw-demo-data.c; this file turns them into rows, through
 * the Filler of bzw-demo-filler.c.
 *
 * Everything random comes from one GRand with a fixed seed and all times
 * count back from @now, so two fills at the same @now are identical, uids
 * included.
 */

#define DEMO_SEED   20240917u

/* Lower-case ASCII for an e-mail address: "Thi Lan Yılmaz" → "thilan.yilmaz". */
static char *
dup_mail_part (const char *text)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autofree char *ascii = NULL;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case 0xe4: g_string_append (s, "ae"); break;
        case 0xf6: g_string_append (s, "oe"); break;
        case 0xfc: g_string_append (s, "ue"); break;
        case 0xdf: g_string_append (s, "ss"); break;
        case 0x131: g_string_append_c (s, 'i'); break;
        case ' ': break;
        default: g_string_append_unichar (s, c); break;
        }
    }

  ascii = g_str_to_ascii (s->str, "C");
  g_string_truncate (s, 0);
  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-')
      g_string_append_c (s, *p);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const DemoCity *
find_city (const char *name)
{
  for (guint i = 0; i < _bzw_demo_n_cities; i++)
    if (g_str_equal (_bzw_demo_cities[i].city, name))
      return &_bzw_demo_cities[i];

  return &_bzw_demo_cities[0];
}

gboolean
_bzw_demo_add_circles (Filler  *filler,
                       GError **error)
{
  for (guint i = 0; i < N_CIRCLES; i++)
    {
      g_autoptr(BzwCircle) circle = bzw_circle_new ();
      g_autofree char *uid = _bzw_demo_dup_uid (filler);

      bzw_circle_set_uid (circle, uid);
      bzw_circle_set_name (circle, _bzw_demo_circles[i].name);
      bzw_circle_set_color (circle, _bzw_demo_circles[i].color);
      bzw_circle_set_interval_ideal (circle, _bzw_demo_circles[i].ideal);
      bzw_circle_set_interval_max (circle, _bzw_demo_circles[i].max);
      bzw_circle_set_position (circle, i);
      if (!bzw_store_save_circle (filler->store, circle, error))
        return FALSE;
      filler->circle_ids[i] = bzw_circle_get_id (circle);
    }

  return TRUE;
}

static char *
dup_birthday (Filler           *filler,
              const DemoPerson *p)
{
  int roll = g_rand_int_range (filler->rand, 0, 100);
  int year = g_rand_int_range (filler->rand, 1956, 2001);
  int month = g_rand_int_range (filler->rand, 1, 13);
  int day = g_rand_int_range (filler->rand, 1, 29);

  /* Family birthdays are all known; of others, some only by day. */
  if (p->circles & FAM)
    {
      if (p->role != NULL && strstr (p->role, "Ruhestand") != NULL)
        year -= 20;
      if (p->role == NULL)
        year = 1938;
      return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
    }

  if (roll < 25)
    return NULL;
  if (roll < 45)
    return g_strdup_printf ("--%02d-%02d", month, day);

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* The e-mail addresses, phones, address and website of person @i. */
static void
add_person_fields (Filler     *filler,
                   BzwContact *contact,
                   guint       i)
{
  const DemoPerson *p = &_bzw_demo_people[i];
  const DemoCity *city = find_city (p->city);
  g_autofree char *given = dup_mail_part (p->given);
  g_autofree char *family = dup_mail_part (p->family);
  g_autofree char *mobile = NULL;

  if (!(p->flags & NO_MAIL))
    {
      g_autofree char *private_mail = g_strdup_printf ("%s.%s@%s", given, family,
                                                       i % 3 == 0 ? "example.net" : "example.org");

      bzw_contact_add_field (contact, BZW_FIELD_EMAIL, "privat", private_mail);
      if (p->org != NULL)
        {
          g_autofree char *work_mail = g_strdup_printf ("%c.%s@example.com", given[0], family);

          bzw_contact_add_field (contact, BZW_FIELD_EMAIL, "Arbeit", work_mail);
        }
    }

  mobile = g_strdup_printf ("+49 %s %03u %04u", i % 2 == 0 ? "176" : "152",
                            g_rand_int_range (filler->rand, 100, 1000),
                            g_rand_int_range (filler->rand, 0, 10000));
  bzw_contact_add_field (contact, BZW_FIELD_PHONE, "mobil", mobile);

  if (p->org != NULL || i % 3 == 1)
    {
      g_autofree char *phone = g_strdup_printf ("%s %03u", city->landline,
                                                g_rand_int_range (filler->rand, 0, 1000));

      bzw_contact_add_field (contact, BZW_FIELD_PHONE, p->org != NULL ? "Arbeit" : "privat", phone);
    }

  if (i % 2 == 0 || (p->circles & (KUN | EMP)))
    {
      g_autofree char *street = g_strdup_printf ("%s %u",
                                                 _bzw_demo_streets[g_rand_int_range (filler->rand, 0,
                                                                           _bzw_demo_n_streets)],
                                                 g_rand_int_range (filler->rand, 1, 120));
      const char *parts[] = { "", "", street, city->city, "", city->postcode,
                              g_str_has_prefix (city->landline, "+49") ? "Deutschland"
                                                                        : "" , NULL };
      g_autofree char *address = g_strjoinv (BZW_ADDRESS_SEPARATOR, (char **) parts);

      bzw_contact_add_field (contact, BZW_FIELD_ADDRESS, p->org != NULL ? "Arbeit" : "privat", address);
    }

  if (p->org != NULL && (p->circles & (KUN | EMP)))
    {
      g_autofree char *url = g_strdup_printf ("https://%s.example.com/", family);

      bzw_contact_add_field (contact, BZW_FIELD_URL, "Website", url);
    }
}

static BzwContact *
person_contact (Filler *filler,
                guint   i)
{
  const DemoPerson *p = &_bzw_demo_people[i];
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GArray) circle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *uid = _bzw_demo_dup_uid (filler);
  g_autofree char *display = NULL;
  g_autofree char *birthday = dup_birthday (filler, p);
  int met_days = p->met_days;

  display = p->prefix != NULL ? g_strdup_printf ("%s %s %s", p->prefix, p->given, p->family)
                              : g_strdup_printf ("%s %s", p->given, p->family);

  bzw_contact_set_uid (contact, uid);
  bzw_contact_set_display_name (contact, display);
  bzw_contact_set_prefix (contact, p->prefix);
  bzw_contact_set_given_name (contact, p->given);
  bzw_contact_set_family_name (contact, p->family);
  bzw_contact_set_organisation (contact, p->org);
  bzw_contact_set_role (contact, p->role);
  bzw_contact_set_birthday (contact, birthday);
  bzw_contact_set_met_how (contact, p->met_how);
  if (met_days > 0)
    {
      g_autofree char *met_on = _bzw_demo_dup_day (filler, met_days);

      bzw_contact_set_met_on (contact, met_on);
    }
  bzw_contact_set_met_in_person (contact, !(p->flags & ONLINE));
  bzw_contact_set_offers (contact, p->offers);
  bzw_contact_set_seeks (contact, p->seeks);
  bzw_contact_set_trust (contact, p->trust);
  bzw_contact_set_trust_for (contact, p->trust_for);
  bzw_contact_set_notes (contact, p->notes);
  bzw_contact_set_archived (contact, (p->flags & ARCHIVED) != 0);

  /* The journal of this app starts three years ago. */
  bzw_contact_set_times (contact,
                         filler->now_unix - (MIN (met_days > 0 ? met_days : YEARS3_DAYS, YEARS3_DAYS) +
                                             g_rand_int_range (filler->rand, 1, 20)) * DAY,
                         0);

  /* A few close people get their own rhythm, tighter than the circle's. */
  if (i == P_HILDEGARD || i == P_MAXIMILIAN)
    {
      bzw_contact_set_interval_ideal (contact, 120);
      bzw_contact_set_interval_max (contact, 365);
    }
  else if (i == P_IRMGARD)
    {
      bzw_contact_set_interval_ideal (contact, 10);
      bzw_contact_set_interval_max (contact, 21);
    }
  else if (i == P_HEIKE || i == P_VANESSA)
    {
      bzw_contact_set_interval_ideal (contact, 21);
      bzw_contact_set_interval_max (contact, 45);
    }

  add_person_fields (filler, contact, i);

  for (guint c = 0; c < N_CIRCLES; c++)
    if (p->circles & (1u << c))
      g_array_append_val (circle_ids, filler->circle_ids[c]);
  bzw_contact_set_circle_ids (contact, circle_ids);

  return g_steal_pointer (&contact);
}

static gboolean
add_people (Filler  *filler,
            GError **error)
{
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(BzwContact) contact = person_contact (filler, i);

      if (!bzw_store_save_contact (filler->store, contact, error))
        return FALSE;

      filler->contact_ids[i] = bzw_contact_get_id (contact);
    }

  return TRUE;
}

static int
first_circle (const DemoPerson *p)
{
  for (int c = 0; c < N_CIRCLES; c++)
    if (p->circles & (1u << c))
      return c;

  return C_FREUNDE;
}

static gboolean
add_relationship (Filler      *filler,
                  int          a,
                  int          b,
                  const char  *kind,
                  const char  *note,
                  GError     **error)
{
  g_autoptr(BzwRelationship) rel = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *since = NULL;
  int lo = MIN (a, b);
  int hi = MAX (a, b);
  gpointer key = GINT_TO_POINTER (lo * 1000 + hi + 1);
  int met;

  if (a == b || g_hash_table_contains (filler->pairs, key))
    return TRUE;
  g_hash_table_add (filler->pairs, key);

  rel = bzw_relationship_new ();
  uid = _bzw_demo_dup_uid (filler);
  met = MAX (_bzw_demo_people[a].met_days, _bzw_demo_people[b].met_days);
  since = _bzw_demo_dup_day (filler, met > 0 ? g_rand_int_range (filler->rand, 30, met + 1)
                                   : g_rand_int_range (filler->rand, 2000, 9000));

  bzw_relationship_set_uid (rel, uid);
  bzw_relationship_set_a_id (rel, filler->contact_ids[a]);
  bzw_relationship_set_b_id (rel, filler->contact_ids[b]);
  bzw_relationship_set_kind (rel, kind);
  bzw_relationship_set_strength (rel, g_str_equal (kind, BZW_DEMO_KIND_FAMILY) ||
                                      g_str_equal (kind, BZW_DEMO_KIND_PARTNER)
                                      ? g_rand_int_range (filler->rand, 4, 6)
                                      : g_rand_int_range (filler->rand, 1, 6));
  bzw_relationship_set_since (rel, since);
  bzw_relationship_set_note (rel, note);

  if (!bzw_store_save_relationship (filler->store, rel, error))
    return FALSE;

  filler->n_relationships++;
  return TRUE;
}

static gboolean
add_relationships (Filler  *filler,
                   GError **error)
{
  static const struct { int a, b; const char *kind; const char *note; } fixed[] = {
    { P_JONAS, P_AYLIN, BZW_DEMO_KIND_PARTNER, "Verheiratet seit 2017" },
    { P_GISELA, P_RUEDIGER, BZW_DEMO_KIND_PARTNER, NULL },
    { P_AYLIN, P_EMRE, BZW_DEMO_KIND_FAMILY, "Geschwister" },
    { P_ANNA, P_HEIKE, BZW_DEMO_KIND_COLLEAGUE, "Beide bei der Rheinland Versicherung" },
    { P_OLIVER, P_SAMUEL, BZW_DEMO_KIND_COLLEAGUE, "Datenhafen AG" },
    { P_SOPHIE, P_JULIA, BZW_DEMO_KIND_FRIEND, NULL },
    { P_TOBIAS, P_HANNAH, BZW_DEMO_KIND_COLLEAGUE, "Lehrer an Nachbarschulen" },
    { P_MEHMET, P_CHIARA, BZW_DEMO_KIND_FRIEND, NULL },
    { P_MEHMET, P_ELIF, BZW_DEMO_KIND_FAMILY, "Cousine" },
    { P_MEHMET, P_YUSUF, BZW_DEMO_KIND_FRIEND, "Gastro-Kollegen aus Ehrenfeld" },
    { P_URSULA, P_ROBERT, BZW_DEMO_KIND_COLLEAGUE, "Früher in der gleichen Klinik" },
    { P_KLAUS, P_BIRGIT, BZW_DEMO_KIND_ACQUAINTANCE, NULL },
    { P_CLAUDIA, P_THOMAS, BZW_DEMO_KIND_BUSINESS_PARTNER, "Mandant" },
    { P_FRANK, P_WOLFGANG, BZW_DEMO_KIND_BUSINESS_PARTNER, "Kunde" },
    { P_DOMINIK, P_CARINA, BZW_DEMO_KIND_BUSINESS_PARTNER, NULL },
    { P_VANESSA, P_LARS, BZW_DEMO_KIND_ACQUAINTANCE, NULL },
    { P_MARLENE, P_NINA, BZW_DEMO_KIND_FRIEND, NULL },
    { P_DAVID, P_PAUL, BZW_DEMO_KIND_BUSINESS_PARTNER, NULL },
    { P_MARKUS, P_DAVID, BZW_DEMO_KIND_ACQUAINTANCE, "Konkurrenten, die sich mögen" },
    { P_JANA, P_HENRIK, BZW_DEMO_KIND_ACQUAINTANCE, "Gemeinsamer Vortrag" },
    { P_LISA, P_SANDRA, BZW_DEMO_KIND_ACQUAINTANCE, NULL },
    { P_MATTHIAS, P_CARINA, BZW_DEMO_KIND_ACQUAINTANCE, "Gründungsberatung" },
    { P_KASIA, P_PIOTR, BZW_DEMO_KIND_BUSINESS_PARTNER, NULL },
    { P_LAURA, P_TIM, BZW_DEMO_KIND_COLLEAGUE, NULL },
    { P_FELIX, P_MARLENE, BZW_DEMO_KIND_COLLEAGUE, "Journalisten" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (!add_relationship (filler, fixed[i].a, fixed[i].b, fixed[i].kind, fixed[i].note, error))
      return FALSE;

  /* Whom I introduced to whom. */
  for (guint i = 0; i < _bzw_demo_n_referrals; i++)
    {
      const DemoReferral *r = &_bzw_demo_referrals[i];

      if (r->giver == ME && r->referred != ME && r->effort >= 3 &&
          !add_relationship (filler, r->receiver, r->referred, BZW_DEMO_KIND_INTRODUCED_BY_ME, NULL, error))
        return FALSE;
    }

  /* Within a circle people know each other, some better than others. */
  for (int c = 0; c < N_CIRCLES; c++)
    for (int a = 0; a < N_PEOPLE; a++)
      for (int b = a + 1; b < N_PEOPLE; b++)
        {
          const char *kind = _bzw_demo_circles[c].relationship_kind;

          if (!(_bzw_demo_people[a].circles & _bzw_demo_people[b].circles & (1u << c)) ||
              g_rand_double (filler->rand) >= _bzw_demo_circles[c].relationship_odds)
            continue;

          if (c == C_VEREIN || c == C_ALUMNI)
            kind = g_rand_boolean (filler->rand) ? BZW_DEMO_KIND_FRIEND : BZW_DEMO_KIND_ACQUAINTANCE;

          if (!add_relationship (filler, a, b, kind, NULL, error))
            return FALSE;
        }

  return TRUE;
}

static BzwChannel
pick_channel (Filler           *filler,
              const DemoPerson *p)
{
  static const BzwChannel online[] = {
    BZW_CHANNEL_VIDEO, BZW_CHANNEL_VIDEO, BZW_CHANNEL_MESSAGE, BZW_CHANNEL_ONLINE, BZW_CHANNEL_PHONE,
  };
  int roll = g_rand_int_range (filler->rand, 0, 100);

  if (p->flags & ONLINE)
    return online[g_rand_int_range (filler->rand, 0, G_N_ELEMENTS (online))];

  /* Far away people are mostly called. */
  if (!g_str_equal (p->city, "Köln") && roll < 45)
    return roll < 30 ? BZW_CHANNEL_PHONE : BZW_CHANNEL_VIDEO;

  if (roll < 42)
    return BZW_CHANNEL_IN_PERSON;
  if (roll < 62)
    return BZW_CHANNEL_PHONE;
  if (roll < 72)
    return BZW_CHANNEL_VIDEO;
  if (roll < 88)
    return BZW_CHANNEL_MESSAGE;
  if (roll < 94)
    return BZW_CHANNEL_ONLINE;

  return BZW_CHANNEL_EVENT;
}

static gboolean
save_encounter (Filler      *filler,
                gint64       when,
                BzwChannel   channel,
                const char  *place,
                const char  *notes,
                const int   *who,
                guint        n_who,
                GError     **error)
{
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  g_autofree char *uid = _bzw_demo_dup_uid (filler);

  bzw_encounter_set_uid (encounter, uid);
  bzw_encounter_set_happened_at (encounter, when);
  bzw_encounter_set_channel (encounter, channel);
  bzw_encounter_set_place (encounter, place);
  bzw_encounter_set_notes (encounter, notes);
  for (guint i = 0; i < n_who; i++)
    bzw_encounter_add_participant (encounter, filler->contact_ids[who[i]], NULL);

  return bzw_store_save_encounter (filler->store, encounter, error);
}

static gboolean
add_person_encounters (Filler  *filler,
                       GError **error)
{
  for (int i = 0; i < N_PEOPLE; i++)
    {
      const DemoPerson *p = &_bzw_demo_people[i];
      int circle = first_circle (p);
      int start = MIN (p->met_days > 0 ? p->met_days : YEARS3_DAYS, YEARS3_DAYS);
      double day = p->last;

      if (p->every <= 0)
        continue;

      while (day < start)
        {
          BzwChannel channel = pick_channel (filler, p);
          const char *place = NULL;
          const char *notes = _bzw_demo_circle_notes[circle][g_rand_int_range (filler->rand, 0, 8)];
          int who[3] = { i, 0, 0 };
          guint n_who = 1;
          gint64 when;

          switch (channel)
            {
            case BZW_CHANNEL_IN_PERSON:
              place = g_rand_boolean (filler->rand)
                      ? _bzw_demo_cafes[g_rand_int_range (filler->rand, 0, _bzw_demo_n_cafes)]
                      : _bzw_demo_circle_places[circle][g_rand_int_range (filler->rand, 0, 3)];
              when = _bzw_demo_moment (filler, (int) day, 8, 20);
              break;

            case BZW_CHANNEL_EVENT:
              place = _bzw_demo_event_places[g_rand_int_range (filler->rand, 0, _bzw_demo_n_event_places)];
              notes = "Zufällig getroffen und kurz geplaudert.";
              when = _bzw_demo_moment (filler, (int) day, 17, 20);
              break;

            case BZW_CHANNEL_ONLINE:
              place = g_rand_boolean (filler->rand) ? "LinkedIn" : "Mastodon";
              notes = "Auf einen Beitrag geantwortet, kurzer Austausch.";
              when = _bzw_demo_moment (filler, (int) day, 7, 22);
              break;

            case BZW_CHANNEL_MESSAGE:
              place = g_rand_boolean (filler->rand) ? "Signal" : "E-Mail";
              when = _bzw_demo_moment (filler, (int) day, 7, 22);
              break;

            default:
              when = _bzw_demo_moment (filler, (int) day, 9, 20);
              break;
            }

          /* Now and then somebody else of the same circle comes along. */
          if (channel == BZW_CHANNEL_IN_PERSON && g_rand_int_range (filler->rand, 0, 100) < 15)
            {
              int other = g_rand_int_range (filler->rand, 0, N_PEOPLE);

              if (other != i && (_bzw_demo_people[other].circles & p->circles) && !(_bzw_demo_people[other].flags & ONLINE))
                who[n_who++] = other;
            }

          if (!save_encounter (filler, when, channel, place, notes, who, n_who, error))
            return FALSE;

          /* Not every call ends up in the journal. */
          day += p->every * g_rand_double_range (filler->rand, 1.5, 3.5);
        }
    }

  return TRUE;
}

/* A circle that meets every @every days from @first on, until @until days
 * ago: each member who knew me by then comes with a chance of @percent.
 */
typedef struct
{
  int         first;
  int         until;
  int         every;
  guint       circle;
  int         percent;
  int         hour_from;
  int         hour_to;
  int         minutes;
  const char *place;
  const char *const *notes;   /* one at random of 8, or NULL for @note */
  const char *note;
} Meeting;

/* Who of @meeting's circle comes on @day; returns how many. */
static guint
choose_attendees (Filler        *filler,
                  const Meeting *meeting,
                  int            day,
                  int           *who)
{
  guint n_who = 0;

  for (int i = 0; i < N_PEOPLE; i++)
    if ((_bzw_demo_people[i].circles & meeting->circle) && day >= _bzw_demo_people[i].last &&
        day < _bzw_demo_people[i].met_days && g_rand_int_range (filler->rand, 0, 100) < meeting->percent)
      who[n_who++] = i;
  return n_who;
}

static gboolean
add_meetings (Filler         *filler,
              const Meeting  *meeting,
              GError        **error)
{
  for (int day = meeting->first; day < meeting->until; day += meeting->every)
    {
      int who[N_PEOPLE];
      guint n_who = choose_attendees (filler, meeting, day, who);
      const char *note = meeting->note;
      gint64 when;

      if (n_who == 0)
        continue;

      if (meeting->notes != NULL)
        note = meeting->notes[g_rand_int_range (filler->rand, 0, 8)];
      when = _bzw_demo_moment (filler, day, meeting->hour_from, meeting->hour_to) + meeting->minutes * 60;
      if (!save_encounter (filler, when, BZW_CHANNEL_EVENT, meeting->place, note, who, n_who, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_group_encounters (Filler  *filler,
                      GError **error)
{
  /* The referral group meets every Thursday for breakfast, since the
   * day I joined it; the club has an evening every month.
   */
  const Meeting breakfast = {
    3, _bzw_demo_people[P_CLAUDIA].met_days, 7, EMP, 75, 6, 6, 30,
    _bzw_demo_circle_places[C_EMPFEHLUNG][0], _bzw_demo_circle_notes[C_EMPFEHLUNG], NULL,
  };
  const Meeting club = {
    12, YEARS3_DAYS, 30, VER, 50, 18, 19, 0, "Bootshaus des Ruderclubs", NULL, "Vereinsabend.",
  };

  return add_meetings (filler, &breakfast, error) && add_meetings (filler, &club, error);
}

/* The contact id of the person @who of the example, 0 for "Ich" (ME). */
static gint64
party_id (Filler *filler,
          int     who)
{
  return who == ME ? 0 : filler->contact_ids[who];
}

static gboolean
add_favours (Filler  *filler,
             GError **error)
{
  for (guint i = 0; i < _bzw_demo_n_favours; i++)
    {
      const DemoFavour *f = &_bzw_demo_favours[i];
      g_autoptr(BzwFavour) favour = bzw_favour_new ();
      g_autofree char *uid = _bzw_demo_dup_uid (filler);
      g_autofree char *day = _bzw_demo_dup_day (filler, MIN (f->days_ago, YEARS3_DAYS - 10));
      BzwParty from = { party_id (filler, f->from), NULL };
      BzwParty to = { party_id (filler, f->to), NULL };

      bzw_favour_set_uid (favour, uid);
      bzw_favour_set_day (favour, day);
      bzw_favour_set_from (favour, &from);
      bzw_favour_set_to (favour, &to);
      bzw_favour_set_direction (favour, f->direction);
      bzw_favour_set_state (favour, f->state);
      bzw_favour_set_description (favour, f->description);
      bzw_favour_set_value_cents (favour, (gint64) f->euros * 100);

      if (f->state == BZW_FAVOUR_OPEN || f->state == BZW_FAVOUR_PROMISED)
        {
          /* Some are due already, which the overview shows. */
          g_autofree char *due = _bzw_demo_dup_day (filler, f->days_ago - g_rand_int_range (filler->rand, 7, 45));

          bzw_favour_set_due (favour, due);
        }

      if (!bzw_store_save_favour (filler->store, favour, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_referrals (Filler  *filler,
               GError **error)
{
  for (guint i = 0; i < _bzw_demo_n_referrals; i++)
    {
      const DemoReferral *r = &_bzw_demo_referrals[i];
      g_autoptr(BzwReferral) referral = bzw_referral_new ();
      g_autofree char *uid = _bzw_demo_dup_uid (filler);
      g_autofree char *day = _bzw_demo_dup_day (filler, MIN (r->days_ago, YEARS3_DAYS - 10));
      BzwParty giver = { party_id (filler, r->giver), NULL };
      BzwParty receiver = { party_id (filler, r->receiver), NULL };
      BzwParty referred = { party_id (filler, r->referred), (char *) r->referred_name };

      bzw_referral_set_uid (referral, uid);
      bzw_referral_set_day (referral, day);
      bzw_referral_set_giver (referral, &giver);
      bzw_referral_set_receiver (referral, &receiver);
      bzw_referral_set_referred (referral, &referred);
      bzw_referral_set_effort (referral, r->effort);
      bzw_referral_set_state (referral, r->state);
      bzw_referral_set_value_cents (referral, (gint64) r->euros * 100);
      bzw_referral_set_thanked (referral, r->thanked);
      bzw_referral_set_notes (referral, r->notes);

      if (!bzw_store_save_referral (filler->store, referral, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_example (Filler   *filler,
              gpointer  data,
              GError  **error)
{
  gboolean ok = _bzw_demo_add_circles (filler, error) &&
                add_people (filler, error) &&
                add_relationships (filler, error) &&
                add_person_encounters (filler, error) &&
                add_group_encounters (filler, error) &&
                add_favours (filler, error) &&
                add_referrals (filler, error);

  g_debug ("Example network: %u relationships", filler->n_relationships);
  return ok;
}

/**
 * bzw_demo_fill:
 * @store: an empty store
 * @now: the moment the example network ends; its journal covers the three
 *   years before
 *
 * Fills @store with the example network of a freelance UX designer in Köln
 * in one transaction.  A store that is not empty is refused with
 * %BZW_STORE_ERROR_NOT_EMPTY and left as it was.
 */
gboolean
bzw_demo_fill (BzwStore   *store,
               GDateTime  *now,
               GError    **error)
{
  BzwDemoPlan plan = { DEMO_SEED, N_PEOPLE, fill_example, NULL };

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return _bzw_demo_run (store, now, &plan, g_hash_table_new (NULL, NULL), error);
}
