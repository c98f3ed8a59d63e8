/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-graph"

#include "config.h"

#include "bzw-map-graph.h"

#include "bzw-enums.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Reading a BzwMapGraph from the store, and the rules that turn what the
 * store holds into the map's numbers: relation kinds, the strength of a
 * tie, the size of a node, the colour of a circle.
 */

#define SECONDS_PER_DAY   86400.0
#define STRENGTH_HALF_LIFE_DAYS 180.0
#define STRENGTH_WINDOW_DAYS    365.0
#define STRENGTH_SATURATION     6.0

static const BzwMapColor no_circle_color = { 0.604f, 0.600f, 0.588f, 1.0f }; /* Light 5 */

BzwMapRelation
bzw_map_relation_from_kind (const char *kind)
{
  static const struct {
    const char     *prefix;
    BzwMapRelation  relation;
  } table[] = {
    { "family", BZW_MAP_RELATION_FAMILY },
    { "partner", BZW_MAP_RELATION_FAMILY },
    { "spouse", BZW_MAP_RELATION_FAMILY },
    { "friend", BZW_MAP_RELATION_FRIEND },
    { "colleague", BZW_MAP_RELATION_COLLEAGUE },
    { "co-worker", BZW_MAP_RELATION_COLLEAGUE },
    { "business", BZW_MAP_RELATION_BUSINESS },
    { "client", BZW_MAP_RELATION_BUSINESS },
    { "introduced", BZW_MAP_RELATION_INTRODUCED },
  };

  if (kind == NULL)
    return BZW_MAP_RELATION_OTHER;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_ascii_strncasecmp (kind, table[i].prefix, strlen (table[i].prefix)) == 0)
      return table[i].relation;

  return BZW_MAP_RELATION_OTHER;
}

const char *
bzw_map_relation_get_label (BzwMapRelation relation)
{
  switch (relation)
    {
    case BZW_MAP_RELATION_FAMILY:
      return _("Family");
    case BZW_MAP_RELATION_FRIEND:
      return _("Friends");
    case BZW_MAP_RELATION_COLLEAGUE:
      return _("Colleagues");
    case BZW_MAP_RELATION_BUSINESS:
      return _("Business partners");
    case BZW_MAP_RELATION_INTRODUCED:
      return _("Introduced by me");
    case BZW_MAP_RELATION_OTHER:
    case BZW_MAP_N_RELATIONS:
    default:
      return _("Acquaintances");
    }
}

static double
channel_weight (BzwChannel channel)
{
  switch (channel)
    {
    case BZW_CHANNEL_IN_PERSON:
    case BZW_CHANNEL_EVENT:
      return 3.0;
    case BZW_CHANNEL_PHONE:
    case BZW_CHANNEL_VIDEO:
      return 2.0;
    case BZW_CHANNEL_MESSAGE:
    case BZW_CHANNEL_ONLINE:
    case BZW_N_CHANNELS:
    default:
      return 1.0;
    }
}

/**
 * bzw_map_strength_from_encounters:
 * @times: (array length=n): when the encounters happened (Unix seconds)
 * @channels: (array length=n): their channels
 * @now: the time to count from
 *
 * The map's own measure of a relationship's strength until the model has an
 * official one.  Every encounter of the last 365 days counts with the weight
 * of its channel (in person and events 3, phone and video 2, message and
 * online 1), halved for every 180 days of age: s = Σ w · 2^(−age/180).  The
 * sum is mapped onto 0..1 by s / (s + 6), so two recent meetings in person
 * give one half and the value approaches 1 with more.
 *
 * Returns: the strength, 0..1.
 */
double
bzw_map_strength_from_encounters (const gint64     *times,
                                  const BzwChannel *channels,
                                  guint             n,
                                  gint64            now)
{
  double sum = 0.0;

  for (guint i = 0; i < n; i++)
    {
      double age = (now - times[i]) / SECONDS_PER_DAY;

      if (age < 0.0)
        age = 0.0;
      if (age > STRENGTH_WINDOW_DAYS)
        continue;
      sum += channel_weight (channels[i]) * exp2 (-age / STRENGTH_HALF_LIFE_DAYS);
    }

  return sum / (sum + STRENGTH_SATURATION);
}

/**
 * bzw_map_node_radius_for_activity:
 * @weight: journal entries of the last year
 *
 * Returns: the radius of a contact's circle in map units: 14 for none,
 *   growing with the square root of the activity up to 28.
 */
double
bzw_map_node_radius_for_activity (double weight)
{
  return 14.0 + MIN (14.0, 3.5 * sqrt (MAX (weight, 0.0)));
}

gboolean
bzw_map_color_parse (const char  *spec,
                     BzwMapColor *color)
{
  guint64 value;
  char *end = NULL;

  if (spec == NULL || spec[0] != '#' || strlen (spec) != 7)
    return FALSE;

  value = g_ascii_strtoull (spec + 1, &end, 16);
  if (end == NULL || *end != '\0')
    return FALSE;

  color->red = ((value >> 16) & 0xff) / 255.0f;
  color->green = ((value >> 8) & 0xff) / 255.0f;
  color->blue = (value & 0xff) / 255.0f;
  color->alpha = 1.0f;
  return TRUE;
}

/* Reading a graph from the store. */

typedef struct
{
  GArray *times;
  GArray *channels;
  guint   activity;
  gboolean with_me;
} ContactFacts;

static void
contact_facts_free (ContactFacts *facts)
{
  g_array_unref (facts->times);
  g_array_unref (facts->channels);
  g_free (facts);
}

static ContactFacts *
facts_for (GHashTable *facts,
           gint64      contact_id)
{
  ContactFacts *f = g_hash_table_lookup (facts, &contact_id);

  if (f == NULL)
    {
      f = g_new0 (ContactFacts, 1);
      f->times = g_array_new (FALSE, FALSE, sizeof (gint64));
      f->channels = g_array_new (FALSE, FALSE, sizeof (BzwChannel));
      g_hash_table_insert (facts, g_memdup2 (&contact_id, sizeof contact_id), f);
    }

  return f;
}

/* Adds @value to the directed edge of @kind from @a to @b, or makes it. */
static void
add_giving (BzwMapGraph    *self,
            GHashTable     *pairs,
            BzwMapEdgeKind  kind,
            const BzwParty *from,
            const BzwParty *to,
            double          value,
            gint64          when)
{
  guint a, b;
  guint64 key;
  gpointer found;

  if ((from->contact_id == 0 && !bzw_party_is_me (from)) ||
      (to->contact_id == 0 && !bzw_party_is_me (to)))
    return;
  if (!bzw_map_graph_lookup (self, from->contact_id, &a) || !bzw_map_graph_lookup (self, to->contact_id, &b) ||
      a == b)
    return;

  key = ((guint64) kind << 62) | ((guint64) a << 31) | b;
  if (g_hash_table_lookup_extended (pairs, &key, NULL, &found))
    {
      BzwMapEdge *e = bzw_map_graph_get_edge (self, GPOINTER_TO_UINT (found));

      e->weight += value;
      e->count++;
      e->last = MAX (e->last, when);
    }
  else
    {
      guint i = bzw_map_graph_add_edge (self, kind, a, b, value);

      bzw_map_graph_get_edge (self, i)->last = when;
      g_hash_table_insert (pairs, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (i));
    }
}

static gboolean
read_journal (BzwMapGraph              *self,
              BzwStore                 *store,
              const BzwMapGraphOptions *options,
              gint64                    now,
              GHashTable               *facts,
              GError                  **error)
{
  BzwJournalQuery query = { NULL, TRUE, TRUE, TRUE, 0 };
  g_autoptr(GArray) refs = NULL;
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  refs = bzw_store_list_journal (store, &query, error);
  if (refs == NULL)
    return FALSE;

  for (guint i = 0; i < refs->len; i++)
    {
      const BzwJournalRef *ref = &g_array_index (refs, BzwJournalRef, i);
      gboolean recent = (now - ref->when) / SECONDS_PER_DAY <= STRENGTH_WINDOW_DAYS;

      if ((options->since != 0 && ref->when < options->since) ||
          (options->until != 0 && ref->when > options->until))
        continue;

      if (ref->kind == BZW_JOURNAL_ENCOUNTER)
        {
          g_autoptr(BzwEncounter) encounter = bzw_store_dup_encounter (store, ref->id, error);
          GArray *participants;
          BzwChannel channel;
          gint64 when;

          if (encounter == NULL)
            return FALSE;

          participants = bzw_encounter_get_participants (encounter);
          channel = bzw_encounter_get_channel (encounter);
          when = bzw_encounter_get_happened_at (encounter);
          for (guint j = 0; j < participants->len; j++)
            {
              const BzwParty *p = &g_array_index (participants, BzwParty, j);
              ContactFacts *f;

              if (p->contact_id <= 0)
                continue;

              f = facts_for (facts, p->contact_id);
              g_array_append_val (f->times, when);
              g_array_append_val (f->channels, channel);
              f->with_me = TRUE;
              if (recent)
                f->activity++;
            }
        }
      else if (ref->kind == BZW_JOURNAL_FAVOUR)
        {
          g_autoptr(BzwFavour) favour = bzw_store_dup_favour (store, ref->id, error);
          const BzwParty *sides[2];

          if (favour == NULL)
            return FALSE;

          if (bzw_favour_get_state (favour) == BZW_FAVOUR_DECLINED)
            continue;

          sides[0] = bzw_favour_get_from (favour);
          sides[1] = bzw_favour_get_to (favour);
          add_giving (self, pairs, BZW_MAP_EDGE_FAVOUR, sides[0], sides[1],
                      bzw_favour_get_value_cents (favour) / 100.0, ref->when);
          for (guint j = 0; j < 2; j++)
            if (sides[j]->contact_id > 0)
              {
                ContactFacts *f = facts_for (facts, sides[j]->contact_id);

                f->with_me |= bzw_party_is_me (sides[1 - j]);
                if (recent)
                  f->activity++;
              }
        }
      else if (ref->kind == BZW_JOURNAL_REFERRAL)
        {
          g_autoptr(BzwReferral) referral = bzw_store_dup_referral (store, ref->id, error);
          const BzwParty *sides[3];

          if (referral == NULL)
            return FALSE;

          sides[0] = bzw_referral_get_giver (referral);
          sides[1] = bzw_referral_get_receiver (referral);
          sides[2] = bzw_referral_get_referred (referral);
          add_giving (self, pairs, BZW_MAP_EDGE_REFERRAL, sides[0], sides[1],
                      bzw_referral_get_value_cents (referral) / 100.0, ref->when);
          for (guint j = 0; j < 3; j++)
            if (sides[j]->contact_id > 0)
              {
                ContactFacts *f = facts_for (facts, sides[j]->contact_id);

                f->with_me |= j < 2 && bzw_party_is_me (sides[1 - j]);
                if (recent)
                  f->activity++;
              }
        }
    }

  return TRUE;
}

static gboolean
read_contacts (BzwMapGraph              *self,
               BzwStore                 *store,
               const BzwMapGraphOptions *options,
               GHashTable               *circle_colors,
               GError                  **error)
{
  BzwContactQuery query = { 0 };
  g_autoptr(GArray) ids = NULL;

  query.include_archived = options->include_archived;
  ids = bzw_store_list_contact_ids (store, &query, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BzwContact) contact = bzw_store_dup_contact (store, g_array_index (ids, gint64, i), error);
      g_autofree char *name = NULL;
      g_autofree char *initials = NULL;
      GArray *circles;
      BzwMapNode *node;
      guint index;

      if (contact == NULL)
        return FALSE;

      name = bzw_contact_dup_best_name (contact);
      initials = bzw_contact_dup_initials (contact);
      index = bzw_map_graph_add_node (self, bzw_contact_get_id (contact), name, initials);
      node = bzw_map_graph_get_node (self, index);
      node->archived = bzw_contact_get_archived (contact);
      node->trust = bzw_contact_get_trust (contact);
      if (bzw_contact_get_photo (contact) != NULL)
        node->photo = bzw_map_photo_new (bzw_contact_get_photo (contact), 64);
      /* Borrow the last encounter; turned into days later. */
      node->days_since = -1;
      node->x = (double) bzw_contact_get_last_encounter (contact);

      circles = bzw_contact_get_circle_ids (contact);
      if (circles != NULL && circles->len > 0)
        {
          const BzwMapColor *color;

          node->circle_ids = g_array_copy (circles);
          node->circle_id = g_array_index (circles, gint64, 0);
          color = g_hash_table_lookup (circle_colors, &node->circle_id);
          if (color != NULL)
            node->color = *color;
        }

      /* Someone I know at least by how we met is a contact of the first degree. */
      node->second_degree = bzw_contact_get_met_on (contact) == NULL &&
                            bzw_contact_get_met_how (contact) == NULL &&
                            !bzw_contact_get_met_in_person (contact);
    }

  return TRUE;
}

BzwMapGraph *
bzw_map_graph_new_from_store (BzwStore  *store,
                              GError   **error)
{
  return bzw_map_graph_new_from_store_full (store, NULL, error);
}

/* Circles and their colours, by circle id. */
static GHashTable *
read_circles (BzwMapGraph  *self,
              BzwStore     *store,
              GError      **error)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (store, error);
  GHashTable *colors;

  if (circles == NULL)
    return NULL;

  colors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);
      gint64 id = bzw_circle_get_id (circle);
      BzwMapColor color;

      if (!bzw_map_color_parse (bzw_circle_get_color (circle), &color))
        color = no_circle_color;
      g_hash_table_insert (colors, g_memdup2 (&id, sizeof id), g_memdup2 (&color, sizeof color));
      bzw_map_graph_add_circle (self, id, bzw_circle_get_name (circle), &color);
    }

  return colors;
}

/* Strength, size and degree of each contact from what the journal says. */
static void
apply_facts (BzwMapGraph *self,
             GHashTable  *facts,
             gint64       now)
{
  guint n = bzw_map_graph_get_n_nodes (self);

  for (guint i = 1; i < n; i++)
    {
      BzwMapNode *node = bzw_map_graph_get_node (self, i);
      ContactFacts *f = g_hash_table_lookup (facts, &node->contact_id);
      gint64 last = (gint64) node->x;

      node->x = 0.0;
      if (last > 0)
        node->days_since = (int) MAX (0, (now - last) / 86400);

      if (f != NULL)
        {
          node->strength = bzw_map_strength_from_encounters ((const gint64 *) (gpointer) f->times->data,
                                                             (const BzwChannel *) (gpointer) f->channels->data,
                                                             f->times->len, now);
          node->weight = f->activity;
          node->radius = bzw_map_node_radius_for_activity (node->weight);
          if (f->with_me)
            node->second_degree = FALSE;
        }
      if (last > 0)
        node->second_degree = FALSE;
    }
}

/* Relationships: a second-degree contact needs a first-degree one who
 * knows them, else they are simply a contact I have not met yet.  Every
 * first-degree contact gets its line from "Ich".
 */
static gboolean
read_relationships (BzwMapGraph  *self,
                    BzwStore     *store,
                    GError      **error)
{
  g_autoptr(GPtrArray) relationships = bzw_store_list_relationships (store, 0, error);
  g_autofree gboolean *linked = NULL;
  guint n = bzw_map_graph_get_n_nodes (self);

  if (relationships == NULL)
    return FALSE;

  linked = g_new0 (gboolean, n);
  for (guint i = 0; i < relationships->len; i++)
    {
      BzwRelationship *rel = g_ptr_array_index (relationships, i);
      guint a, b, e;

      if (!bzw_map_graph_lookup (self, bzw_relationship_get_a_id (rel), &a) ||
          !bzw_map_graph_lookup (self, bzw_relationship_get_b_id (rel), &b))
        continue;

      e = bzw_map_graph_add_edge (self, BZW_MAP_EDGE_RELATIONSHIP, a, b, bzw_relationship_get_strength (rel));
      bzw_map_graph_get_edge (self, e)->relation = bzw_map_relation_from_kind (bzw_relationship_get_kind (rel));
    }
  for (guint i = 0; i < bzw_map_graph_get_n_edges (self); i++)
    {
      const BzwMapEdge *e = bzw_map_graph_get_edge (self, i);
      const BzwMapNode *s = bzw_map_graph_get_node (self, e->source);
      const BzwMapNode *t = bzw_map_graph_get_node (self, e->target);

      if (e->kind != BZW_MAP_EDGE_RELATIONSHIP)
        continue;
      if (!s->second_degree)
        linked[e->target] = TRUE;
      if (!t->second_degree)
        linked[e->source] = TRUE;
    }
  for (guint i = 1; i < n; i++)
    {
      BzwMapNode *node = bzw_map_graph_get_node (self, i);

      if (node->second_degree && !linked[i])
        node->second_degree = FALSE;
      if (!node->second_degree)
        bzw_map_graph_add_edge (self, BZW_MAP_EDGE_ME, 0, i, node->strength);
    }

  return TRUE;
}

/* The stored positions; a node without one is not placed yet. */
static gboolean
read_positions (BzwMapGraph  *self,
                BzwStore     *store,
                GError      **error)
{
  g_autoptr(GArray) positions = bzw_store_list_map_positions (store, error);

  if (positions == NULL)
    return FALSE;

  for (guint i = 0; i < positions->len; i++)
    {
      const BzwMapPosition *pos = &g_array_index (positions, BzwMapPosition, i);
      BzwMapNode *node;
      guint index;

      if (!bzw_map_graph_lookup (self, pos->contact_id, &index) || index == 0)
        continue;

      node = bzw_map_graph_get_node (self, index);
      node->x = pos->x;
      node->y = pos->y;
      node->pinned = pos->pinned;
      node->placed = TRUE;
    }

  return TRUE;
}

/**
 * bzw_map_graph_new_from_store_full:
 * @options: (nullable): what to read; %NULL reads every non-archived contact
 *   and the whole journal
 *
 * Reads the network: every contact as a node coloured by its first circle
 * and sized by its activity, an edge from "Ich" to each contact of the
 * first degree (see bzw_map_strength_from_encounters()), the relationships
 * between contacts, and favours and referrals summed per direction.  Stored
 * positions and pins are applied; contacts without one are left unplaced
 * for the layout.
 *
 * A contact is of the second degree when I have no journal entry with them
 * and no note of how we met, but one of my contacts knows them.
 *
 * Returns: (transfer full): the graph, or %NULL with @error set.
 */
BzwMapGraph *
bzw_map_graph_new_from_store_full (BzwStore                  *store,
                                   const BzwMapGraphOptions  *options,
                                   GError                   **error)
{
  static const BzwMapGraphOptions defaults = { 0 };
  g_autoptr(BzwMapGraph) self = NULL;
  g_autoptr(GHashTable) circle_colors = NULL;
  g_autoptr(GHashTable) facts = NULL;
  gint64 now;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  if (options == NULL)
    options = &defaults;
  now = options->now != 0 ? options->now : g_get_real_time () / G_USEC_PER_SEC;

  self = bzw_map_graph_new ();

  circle_colors = read_circles (self, store, error);
  if (circle_colors == NULL)
    return NULL;

  if (!read_contacts (self, store, options, circle_colors, error))
    return NULL;

  facts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) contact_facts_free);
  if (!read_journal (self, store, options, now, facts, error))
    return NULL;

  apply_facts (self, facts, now);
  if (!read_relationships (self, store, error) || !read_positions (self, store, error))
    return NULL;

  bzw_map_graph_changed (self);
  return g_steal_pointer (&self);
}
