/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Synthetic networks of any size for benchmarks, from a seed.  The random
 * draws happen in a fixed order (one generator, one pass), so a seed and
 * @now always give the same network.
 */

#define G_LOG_DOMAIN "bzw-demo"

#include "config.h"

#include "bzw-demo.h"

#include "bzw-demo-private.h"

static const char * const synthetic_given[] = {
  "Anna", "Ben", "Clara", "David", "Emma", "Finn", "Greta", "Hannes", "Ida", "Jonas", "Karla",
  "Leon", "Mia", "Noah", "Olga", "Paul", "Rosa", "Sami", "Tilda", "Umut", "Vera", "Wim",
  "Xenia", "Yusuf", "Zoe", "Jürgen", "Sören", "Małgorzata", "Ayşe", "Đorđe", "Chiara", "Mehmet",
};

static const char * const synthetic_family[] = {
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
  "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
  "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Weiß", "Öztürk",
  "Nowak", "Nguyen", "Romano", "Kowalski", "Yılmaz", "Papadopoulos", "Iwanowa",
};

static const char * const synthetic_orgs[] = {
  NULL, NULL, "Rheinland Versicherung AG", "Pixelwerk Digitalagentur", "Steuerkanzlei Becker",
  "Veedel Logistik GmbH", "Stadtbibliothek", "Fahrradmanufaktur", "Kanzlei Kaya", "Datenhafen AG",
};

static const char * const synthetic_offers[] = {
  NULL, "Steuerberatung", "Fotografie", "Webentwicklung", "Versicherungen", "Texte", "Druck",
  "Eventplanung", "IT-Betreuung", "Übersetzungen",
};

#define PICK(filler, table) ((table)[g_rand_int_range ((filler)->rand, 0, G_N_ELEMENTS (table))])

static BzwContact *
synthetic_contact (Filler *filler,
                   guint   i)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autofree char *uid = _bzw_demo_dup_uid (filler);
  const char *given = PICK (filler, synthetic_given);
  const char *family = PICK (filler, synthetic_family);
  g_autofree char *display = g_strdup_printf ("%s %s", given, family);
  g_autofree char *mail = g_strdup_printf ("kontakt%u@example.org", i);
  g_autoptr(GArray) circle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_circles = g_rand_int_range (filler->rand, 0, 3);

  bzw_contact_set_uid (contact, uid);
  bzw_contact_set_display_name (contact, display);
  bzw_contact_set_given_name (contact, given);
  bzw_contact_set_family_name (contact, family);
  bzw_contact_set_organisation (contact, PICK (filler, synthetic_orgs));
  bzw_contact_set_offers (contact, PICK (filler, synthetic_offers));
  bzw_contact_set_seeks (contact, PICK (filler, synthetic_offers));
  bzw_contact_set_met_in_person (contact, g_rand_int_range (filler->rand, 0, 10) != 0);
  bzw_contact_set_trust (contact, g_rand_int_range (filler->rand, BZW_TRUST_UNKNOWN, BZW_TRUST_YES + 1));
  bzw_contact_set_times (contact, filler->now_unix - g_rand_int_range (filler->rand, 1, YEARS3_DAYS) * DAY, 0);
  bzw_contact_add_field (contact, BZW_FIELD_EMAIL, NULL, mail);

  for (guint c = 0; c < n_circles; c++)
    {
      gint64 circle_id = filler->circle_ids[g_rand_int_range (filler->rand, 0, N_CIRCLES)];

      g_array_append_val (circle_ids, circle_id);
    }
  bzw_contact_set_circle_ids (contact, circle_ids);

  return g_steal_pointer (&contact);
}

static gboolean
add_synthetic_contacts (Filler  *filler,
                        guint    n_contacts,
                        GError **error)
{
  for (guint i = 0; i < n_contacts; i++)
    {
      g_autoptr(BzwContact) contact = synthetic_contact (filler, i);
      gboolean ok = bzw_store_save_contact (filler->store, contact, error);

      filler->contact_ids[i] = bzw_contact_get_id (contact);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* A spanning tree plus random edges: average degree 3. */
static gboolean
add_synthetic_relationships (Filler  *filler,
                             guint    n_contacts,
                             GError **error)
{
  guint n_edges = n_contacts > 1 ? n_contacts * 3 / 2 : 0;
  GRand *rand = filler->rand;

  for (guint e = 0; e < n_edges; e++)
    {
      guint a = e < n_contacts - 1 ? e + 1 : (guint) g_rand_int_range (rand, 0, n_contacts);
      guint b = (guint) g_rand_int_range (rand, 0, e < n_contacts - 1 ? a : n_contacts);
      gint64 *key;
      g_autoptr(BzwRelationship) rel = NULL;
      g_autofree char *uid = NULL;

      if (a == b)
        continue;

      key = g_new (gint64, 1);
      *key = (gint64) MIN (a, b) * n_contacts + MAX (a, b);
      if (!g_hash_table_add (filler->pairs, key))
        continue;

      rel = bzw_relationship_new ();
      uid = _bzw_demo_dup_uid (filler);
      bzw_relationship_set_uid (rel, uid);
      bzw_relationship_set_a_id (rel, filler->contact_ids[a]);
      bzw_relationship_set_b_id (rel, filler->contact_ids[b]);
      bzw_relationship_set_kind (rel, _bzw_demo_circles[g_rand_int_range (rand, 0, N_CIRCLES)].relationship_kind);
      bzw_relationship_set_strength (rel, g_rand_int_range (rand, 1, 6));
      if (!bzw_store_save_relationship (filler->store, rel, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_synthetic_encounter (Filler          *filler,
                          const char      *uid,
                          int              days_ago,
                          const BzwParty  *a,
                          const BzwParty  *b,
                          GError         **error)
{
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  GRand *rand = filler->rand;

  bzw_encounter_set_uid (encounter, uid);
  bzw_encounter_set_happened_at (encounter, _bzw_demo_moment (filler, days_ago, 8, 20));
  bzw_encounter_set_channel (encounter, g_rand_int_range (rand, 0, BZW_N_CHANNELS));
  bzw_encounter_set_notes (encounter,
                           _bzw_demo_circle_notes[g_rand_int_range (rand, 0, N_CIRCLES)][g_rand_int_range (rand, 0, 8)]);
  bzw_encounter_add_participant (encounter, a->contact_id, NULL);
  if (b->contact_id != 0)
    bzw_encounter_add_participant (encounter, b->contact_id, NULL);
  return bzw_store_save_encounter (filler->store, encounter, error);
}

static gboolean
save_synthetic_favour (Filler          *filler,
                       const char      *uid,
                       const char      *day,
                       const BzwParty  *a,
                       const BzwParty  *b,
                       GError         **error)
{
  g_autoptr(BzwFavour) favour = bzw_favour_new ();
  GRand *rand = filler->rand;
  const DemoFavour *f = &_bzw_demo_favours[g_rand_int_range (rand, 0, _bzw_demo_n_favours)];

  bzw_favour_set_uid (favour, uid);
  bzw_favour_set_day (favour, day);
  bzw_favour_set_from (favour, g_rand_boolean (rand) ? a : b);
  bzw_favour_set_to (favour, bzw_party_equal (bzw_favour_get_from (favour), a) ? b : a);
  bzw_favour_set_direction (favour, g_rand_int_range (rand, 0, BZW_N_FAVOUR_DIRECTIONS));
  bzw_favour_set_state (favour, g_rand_int_range (rand, 0, BZW_N_FAVOUR_STATES));
  bzw_favour_set_description (favour, f->description);
  bzw_favour_set_value_cents (favour, (gint64) f->euros * 100);
  return bzw_store_save_favour (filler->store, favour, error);
}

static gboolean
save_synthetic_referral (Filler          *filler,
                         guint            n_contacts,
                         const char      *uid,
                         const char      *day,
                         const BzwParty  *a,
                         const BzwParty  *b,
                         GError         **error)
{
  g_autoptr(BzwReferral) referral = bzw_referral_new ();
  GRand *rand = filler->rand;
  BzwParty referred = { filler->contact_ids[g_rand_int_range (rand, 0, n_contacts)], NULL };
  BzwReferralState state = g_rand_int_range (rand, 0, BZW_N_REFERRAL_STATES);

  /* Nobody is referred to themselves: then a business by name. */
  if (referred.contact_id == a->contact_id || referred.contact_id == b->contact_id)
    referred = (BzwParty) { 0, (char *) "Neukunde GmbH" };
  bzw_referral_set_uid (referral, uid);
  bzw_referral_set_day (referral, day);
  bzw_referral_set_giver (referral, a);
  bzw_referral_set_receiver (referral, b);
  bzw_referral_set_referred (referral, &referred);
  bzw_referral_set_effort (referral, g_rand_int_range (rand, 1, 6));
  bzw_referral_set_state (referral, state);
  bzw_referral_set_value_cents (referral,
                                state == BZW_REFERRAL_WON ? g_rand_int_range (rand, 1, 500) * 10000 : 0);
  bzw_referral_set_thanked (referral, g_rand_boolean (rand));
  return bzw_store_save_referral (filler->store, referral, error);
}

/* One journal entry: about 70 % encounters, 18 % favours, 12 % referrals. */
static gboolean
add_synthetic_entry (Filler  *filler,
                     guint    n_contacts,
                     GError **error)
{
  GRand *rand = filler->rand;
  const gint64 *ids = filler->contact_ids;
  int roll = g_rand_int_range (rand, 0, 100);
  int days_ago = g_rand_int_range (rand, 1, YEARS3_DAYS + 1);
  BzwParty a = { ids[g_rand_int_range (rand, 0, n_contacts)], NULL };
  BzwParty b = { g_rand_boolean (rand) || n_contacts < 2 ? 0 : ids[g_rand_int_range (rand, 0, n_contacts)],
                 NULL };
  g_autofree char *uid = _bzw_demo_dup_uid (filler);
  g_autofree char *day = _bzw_demo_dup_day (filler, days_ago);

  if (a.contact_id == b.contact_id)
    b.contact_id = 0;

  if (roll < 70)
    return save_synthetic_encounter (filler, uid, days_ago, &a, &b, error);
  else if (roll < 88)
    return save_synthetic_favour (filler, uid, day, &a, &b, error);
  else
    return save_synthetic_referral (filler, n_contacts, uid, day, &a, &b, error);
}

typedef struct
{
  guint n_contacts;
  guint n_entries;
} Size;

static gboolean
fill_synthetic (Filler   *filler,
                gpointer  data,
                GError  **error)
{
  const Size *size = data;
  gboolean ok = _bzw_demo_add_circles (filler, error) &&
                add_synthetic_contacts (filler, size->n_contacts, error) &&
                add_synthetic_relationships (filler, size->n_contacts, error);

  for (guint e = 0; ok && e < size->n_entries && size->n_contacts > 0; e++)
    ok = add_synthetic_entry (filler, size->n_contacts, error);

  return ok;
}

/**
 * bzw_demo_fill_synthetic:
 * @store: an empty store
 * @n_contacts: how many contacts
 * @n_entries: how many journal entries (about 70 % encounters, 18 % favours,
 *   12 % referrals)
 * @seed: the seed of the generator; the same seed and @now give the same
 *   network
 * @now: the journal covers the three years before
 *
 * Fills @store with a made-up network of any size, for benchmarks: the seven
 * circles, @n_contacts contacts, about 1.5 relationships per contact (an
 * average degree of 3) and @n_entries journal entries, in one transaction.
 */
gboolean
bzw_demo_fill_synthetic (BzwStore   *store,
                         guint       n_contacts,
                         guint       n_entries,
                         guint32     seed,
                         GDateTime  *now,
                         GError    **error)
{
  Size size = { n_contacts, n_entries };
  BzwDemoPlan plan = { seed, n_contacts, fill_synthetic, &size };

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return _bzw_demo_run (store, now, &plan,
                        g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL), error);
}
