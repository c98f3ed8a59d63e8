/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-graph"

#include "config.h"

#include "bzw-map-graph.h"

#include "bzw-enums.h"
#include "bzw-photo.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

struct _BzwMapGraph
{
  gatomicrefcount  ref_count;
  GArray          *nodes;
  GArray          *edges;
  GHashTable      *by_contact;
  GArray          *circles;
  guint64          serial;

  /* Adjacency in compressed rows, rebuilt when the serial changes. */
  guint64          adjacency_serial;
  guint           *adjacency_start;
  guint           *adjacency;

  /* Strongly connected components of the giving graph. */
  guint64          cycles_serial;
  guint           *component;
  guint           *component_size;
};

G_DEFINE_BOXED_TYPE (BzwMapGraph, bzw_map_graph, bzw_map_graph_ref, bzw_map_graph_unref)

#define SECONDS_PER_DAY   86400.0
#define STRENGTH_HALF_LIFE_DAYS 180.0
#define STRENGTH_WINDOW_DAYS    365.0
#define STRENGTH_SATURATION     6.0

static const BzwMapColor me_color = { 0.208f, 0.518f, 0.894f, 1.0f };      /* Blue 3 */
static const BzwMapColor no_circle_color = { 0.604f, 0.600f, 0.588f, 1.0f }; /* Light 5 */

static void
clear_circle (gpointer data)
{
  BzwMapCircle *circle = data;

  g_clear_pointer (&circle->name, g_free);
}

static void
clear_node (gpointer data)
{
  BzwMapNode *node = data;

  g_clear_pointer (&node->label, g_free);
  g_clear_pointer (&node->initials, g_free);
  g_clear_pointer (&node->photo, cairo_surface_destroy);
  g_clear_pointer (&node->circle_ids, g_array_unref);
}

BzwMapGraph *
bzw_map_graph_new (void)
{
  BzwMapGraph *self = g_new0 (BzwMapGraph, 1);
  guint me;

  g_atomic_ref_count_init (&self->ref_count);
  self->nodes = g_array_new (FALSE, TRUE, sizeof (BzwMapNode));
  g_array_set_clear_func (self->nodes, clear_node);
  self->edges = g_array_new (FALSE, TRUE, sizeof (BzwMapEdge));
  self->by_contact = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->circles = g_array_new (FALSE, TRUE, sizeof (BzwMapCircle));
  g_array_set_clear_func (self->circles, clear_circle);
  self->serial = 1;

  /* Translators: the user in the centre of the relationship map. */
  me = bzw_map_graph_add_node (self, 0, _("Me"), _("Me"));
  g_assert (me == 0);
  bzw_map_graph_get_node (self, 0)->color = me_color;
  bzw_map_graph_get_node (self, 0)->radius = 30.0;
  bzw_map_graph_get_node (self, 0)->strength = 1.0;
  bzw_map_graph_get_node (self, 0)->pinned = TRUE;
  bzw_map_graph_get_node (self, 0)->placed = TRUE;

  return self;
}

BzwMapGraph *
bzw_map_graph_ref (BzwMapGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bzw_map_graph_unref (BzwMapGraph *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_hash_table_unref (self->by_contact);
  g_array_unref (self->circles);
  g_free (self->adjacency_start);
  g_free (self->adjacency);
  g_free (self->component);
  g_free (self->component_size);
  g_free (self);
}

guint
bzw_map_graph_get_n_nodes (BzwMapGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->nodes->len;
}

BzwMapNode *
bzw_map_graph_get_node (BzwMapGraph *self,
                        guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);

  return &g_array_index (self->nodes, BzwMapNode, index);
}

/**
 * bzw_map_graph_get_nodes:
 *
 * Returns: (transfer none): the nodes as one array, valid until a node is
 *   added.
 */
BzwMapNode *
bzw_map_graph_get_nodes (BzwMapGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (BzwMapNode *) (gpointer) self->nodes->data;
}

guint
bzw_map_graph_get_n_edges (BzwMapGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->edges->len;
}

BzwMapEdge *
bzw_map_graph_get_edge (BzwMapGraph *self,
                        guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->edges->len, NULL);

  return &g_array_index (self->edges, BzwMapEdge, index);
}

BzwMapEdge *
bzw_map_graph_get_edges (BzwMapGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (BzwMapEdge *) (gpointer) self->edges->data;
}

gboolean
bzw_map_graph_lookup (BzwMapGraph *self,
                      gint64       contact_id,
                      guint       *index)
{
  gpointer value;

  g_return_val_if_fail (self != NULL, FALSE);

  if (contact_id == 0)
    {
      if (index != NULL)
        *index = 0;
      return TRUE;
    }

  if (!g_hash_table_lookup_extended (self->by_contact, &contact_id, NULL, &value))
    return FALSE;

  if (index != NULL)
    *index = GPOINTER_TO_UINT (value);
  return TRUE;
}

/**
 * bzw_map_graph_add_node:
 * @contact_id: the contact, unique in the graph
 *
 * Adds a node with the neutral colour and no position yet (the layout places
 * it next to its neighbours).
 *
 * Returns: the index of the node.
 */
guint
bzw_map_graph_add_node (BzwMapGraph *self,
                        gint64       contact_id,
                        const char  *label,
                        const char  *initials)
{
  BzwMapNode node = { 0 };
  guint index;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (contact_id > 0 || self->nodes->len == 0, 0);
  g_return_val_if_fail (!bzw_map_graph_lookup (self, contact_id, NULL) || self->nodes->len == 0, 0);

  node.contact_id = contact_id;
  node.label = g_strdup (label != NULL ? label : "");
  node.initials = g_strdup (initials != NULL ? initials : "");
  node.color = no_circle_color;
  node.radius = bzw_map_node_radius_for_activity (0);
  node.days_since = -1;

  index = self->nodes->len;
  g_array_append_val (self->nodes, node);
  if (contact_id > 0)
    g_hash_table_insert (self->by_contact, g_memdup2 (&contact_id, sizeof contact_id), GUINT_TO_POINTER (index));
  self->serial++;

  return index;
}

guint
bzw_map_graph_add_edge (BzwMapGraph    *self,
                        BzwMapEdgeKind  kind,
                        guint           source,
                        guint           target,
                        double          weight)
{
  BzwMapEdge edge = { 0 };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (source < self->nodes->len, 0);
  g_return_val_if_fail (target < self->nodes->len, 0);
  g_return_val_if_fail (kind < BZW_MAP_N_EDGE_KINDS, 0);

  edge.kind = kind;
  edge.relation = BZW_MAP_RELATION_OTHER;
  edge.source = source;
  edge.target = target;
  edge.weight = weight;
  edge.count = 1;
  g_array_append_val (self->edges, edge);
  self->serial++;

  return self->edges->len - 1;
}

/**
 * bzw_map_graph_add_circle:
 *
 * Records a circle for the legend; nodes name their circles by id.
 */
void
bzw_map_graph_add_circle (BzwMapGraph       *self,
                          gint64             id,
                          const char        *name,
                          const BzwMapColor *color)
{
  BzwMapCircle circle = { id, g_strdup (name != NULL ? name : ""), *color };

  g_return_if_fail (self != NULL);
  g_return_if_fail (color != NULL);

  g_array_append_val (self->circles, circle);
  self->serial++;
}

guint
bzw_map_graph_get_n_circles (BzwMapGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->circles->len;
}

const BzwMapCircle *
bzw_map_graph_get_circle (BzwMapGraph *self,
                          guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->circles->len, NULL);

  return &g_array_index (self->circles, BzwMapCircle, index);
}

void
bzw_map_graph_set_node_activity (BzwMapGraph *self,
                                 guint        index,
                                 double       weight)
{
  BzwMapNode *node = bzw_map_graph_get_node (self, index);

  g_return_if_fail (node != NULL);

  node->weight = weight;
  if (index > 0)
    node->radius = bzw_map_node_radius_for_activity (weight);
  self->serial++;
}

/**
 * bzw_map_graph_get_serial:
 *
 * Returns: a number that changes whenever nodes or edges are added or
 *   bzw_map_graph_changed() is called, so caches know when to rebuild.
 */
guint64
bzw_map_graph_get_serial (BzwMapGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->serial;
}

void
bzw_map_graph_changed (BzwMapGraph *self)
{
  g_return_if_fail (self != NULL);

  self->serial++;
}

static void
ensure_adjacency (BzwMapGraph *self)
{
  guint n = self->nodes->len;
  g_autofree guint *fill = NULL;

  if (self->adjacency_serial == self->serial && self->adjacency_start != NULL)
    return;

  g_free (self->adjacency_start);
  g_free (self->adjacency);
  self->adjacency_start = g_new0 (guint, n + 1);
  self->adjacency = g_new (guint, 2 * MAX (self->edges->len, 1));

  for (guint i = 0; i < self->edges->len; i++)
    {
      const BzwMapEdge *e = &g_array_index (self->edges, BzwMapEdge, i);

      self->adjacency_start[e->source + 1]++;
      self->adjacency_start[e->target + 1]++;
    }
  for (guint i = 0; i < n; i++)
    self->adjacency_start[i + 1] += self->adjacency_start[i];

  fill = g_memdup2 (self->adjacency_start, sizeof (guint) * n);
  for (guint i = 0; i < self->edges->len; i++)
    {
      const BzwMapEdge *e = &g_array_index (self->edges, BzwMapEdge, i);

      self->adjacency[fill[e->source]++] = e->target;
      self->adjacency[fill[e->target]++] = e->source;
    }

  self->adjacency_serial = self->serial;
}

/**
 * bzw_map_graph_get_neighbours:
 *
 * Returns: (array length=n_neighbours): the nodes joined to @index by any
 *   edge (a node may appear more than once), valid until the graph changes.
 */
const guint *
bzw_map_graph_get_neighbours (BzwMapGraph *self,
                              guint        index,
                              guint       *n_neighbours)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);

  ensure_adjacency (self);
  *n_neighbours = self->adjacency_start[index + 1] - self->adjacency_start[index];
  return self->adjacency + self->adjacency_start[index];
}

/**
 * bzw_map_graph_copy_positions:
 * @from: an older graph of the same store
 *
 * Takes the positions and pins of the nodes @from has too, matched by
 * contact id, so a graph read again keeps its picture.
 *
 * Returns: how many nodes got a position.
 */
guint
bzw_map_graph_copy_positions (BzwMapGraph *self,
                              BzwMapGraph *from)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (from != NULL, 0);

  for (guint i = 1; i < self->nodes->len; i++)
    {
      BzwMapNode *node = &g_array_index (self->nodes, BzwMapNode, i);
      const BzwMapNode *old;
      guint j;

      if (!bzw_map_graph_lookup (from, node->contact_id, &j))
        continue;

      old = &g_array_index (from->nodes, BzwMapNode, j);
      if (!old->placed)
        continue;

      node->x = old->x;
      node->y = old->y;
      node->pinned = old->pinned;
      node->placed = TRUE;
      n++;
    }

  self->serial++;
  return n;
}

/**
 * bzw_map_graph_dup_positions:
 *
 * Returns: (transfer full) (element-type BzwMapPosition): the positions of
 *   all placed contacts, for bzw_store_save_map_positions().
 */
GArray *
bzw_map_graph_dup_positions (BzwMapGraph *self)
{
  GArray *positions;

  g_return_val_if_fail (self != NULL, NULL);

  positions = g_array_sized_new (FALSE, FALSE, sizeof (BzwMapPosition), self->nodes->len);
  for (guint i = 1; i < self->nodes->len; i++)
    {
      const BzwMapNode *node = &g_array_index (self->nodes, BzwMapNode, i);
      BzwMapPosition pos = { node->contact_id, node->x, node->y, node->pinned };

      if (node->placed)
        g_array_append_val (positions, pos);
    }

  return positions;
}

gboolean
bzw_map_graph_save_positions (BzwMapGraph  *self,
                              BzwStore     *store,
                              GError      **error)
{
  g_autoptr(GArray) positions = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);

  positions = bzw_map_graph_dup_positions (self);
  return bzw_store_save_map_positions (store, (const BzwMapPosition *) (gpointer) positions->data,
                                       positions->len, error);
}

/**
 * bzw_map_graph_get_bounds:
 *
 * The rectangle holding every node with its radius.
 */
void
bzw_map_graph_get_bounds (BzwMapGraph *self,
                          double      *x1,
                          double      *y1,
                          double      *x2,
                          double      *y2)
{
  double a = G_MAXDOUBLE, b = G_MAXDOUBLE, c = -G_MAXDOUBLE, d = -G_MAXDOUBLE;

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const BzwMapNode *node = &g_array_index (self->nodes, BzwMapNode, i);

      a = MIN (a, node->x - node->radius);
      b = MIN (b, node->y - node->radius);
      c = MAX (c, node->x + node->radius);
      d = MAX (d, node->y + node->radius);
    }

  *x1 = a;
  *y1 = b;
  *x2 = c;
  *y2 = d;
}

/* Tarjan's algorithm without recursion over the directed graph of favours
 * and referrals: an edge lies on a giving cycle (A → B → … → A) exactly when
 * both ends are in the same strongly connected component.
 */
static void
ensure_cycles (BzwMapGraph *self)
{
  guint n = self->nodes->len;
  g_autofree guint *out_start = NULL;
  g_autofree guint *out = NULL;
  g_autofree guint *fill = NULL;
  g_autofree int *index = NULL;
  g_autofree int *low = NULL;
  g_autofree gboolean *on_stack = NULL;
  g_autofree guint *stack = NULL;
  g_autofree guint *call = NULL;
  g_autofree guint *call_pos = NULL;
  guint sp = 0;
  int counter = 0;
  guint n_components = 0;

  if (self->cycles_serial == self->serial && self->component != NULL)
    return;

  out_start = g_new0 (guint, n + 1);
  for (guint i = 0; i < self->edges->len; i++)
    {
      const BzwMapEdge *e = &g_array_index (self->edges, BzwMapEdge, i);

      if (e->kind == BZW_MAP_EDGE_FAVOUR || e->kind == BZW_MAP_EDGE_REFERRAL)
        out_start[e->source + 1]++;
    }
  for (guint i = 0; i < n; i++)
    out_start[i + 1] += out_start[i];
  out = g_new (guint, MAX (out_start[n], 1));
  fill = g_memdup2 (out_start, sizeof (guint) * (n + 1));
  for (guint i = 0; i < self->edges->len; i++)
    {
      const BzwMapEdge *e = &g_array_index (self->edges, BzwMapEdge, i);

      if (e->kind == BZW_MAP_EDGE_FAVOUR || e->kind == BZW_MAP_EDGE_REFERRAL)
        out[fill[e->source]++] = e->target;
    }

  g_free (self->component);
  g_free (self->component_size);
  self->component = g_new (guint, n);
  self->component_size = g_new0 (guint, n);
  index = g_new (int, n);
  low = g_new (int, n);
  on_stack = g_new0 (gboolean, n);
  stack = g_new (guint, n);
  call = g_new (guint, n);
  call_pos = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    index[i] = -1;

  for (guint root = 0; root < n; root++)
    {
      guint depth = 0;

      if (index[root] >= 0)
        continue;

      call[depth] = root;
      call_pos[depth] = out_start[root];
      index[root] = low[root] = counter++;
      stack[sp++] = root;
      on_stack[root] = TRUE;

      while (TRUE)
        {
          guint v = call[depth];

          if (call_pos[depth] < out_start[v + 1])
            {
              guint w = out[call_pos[depth]++];

              if (index[w] < 0)
                {
                  depth++;
                  call[depth] = w;
                  call_pos[depth] = out_start[w];
                  index[w] = low[w] = counter++;
                  stack[sp++] = w;
                  on_stack[w] = TRUE;
                }
              else if (on_stack[w])
                {
                  low[v] = MIN (low[v], index[w]);
                }
              continue;
            }

          if (low[v] == index[v])
            {
              guint w;

              do
                {
                  w = stack[--sp];
                  on_stack[w] = FALSE;
                  self->component[w] = n_components;
                  self->component_size[n_components]++;
                }
              while (w != v);
              n_components++;
            }

          if (depth == 0)
            break;
          depth--;
          low[call[depth]] = MIN (low[call[depth]], low[v]);
        }
    }

  self->cycles_serial = self->serial;
}

/**
 * bzw_map_graph_edge_in_cycle:
 *
 * Returns: whether the favour or referral @edge lies on a cycle of giving
 *   through the network (A gives to B, B to C, C back to A).
 */
gboolean
bzw_map_graph_edge_in_cycle (BzwMapGraph *self,
                             guint        edge)
{
  const BzwMapEdge *e;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (edge < self->edges->len, FALSE);

  e = &g_array_index (self->edges, BzwMapEdge, edge);
  if (e->kind != BZW_MAP_EDGE_FAVOUR && e->kind != BZW_MAP_EDGE_REFERRAL)
    return FALSE;

  ensure_cycles (self);
  return self->component[e->source] == self->component[e->target] &&
         self->component_size[self->component[e->source]] > 1;
}

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
contact_facts_free (gpointer data)
{
  ContactFacts *facts = data;

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
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GPtrArray) relationships = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autofree gboolean *linked = NULL;
  gint64 now;
  guint n;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  if (options == NULL)
    options = &defaults;
  now = options->now != 0 ? options->now : g_get_real_time () / G_USEC_PER_SEC;

  self = bzw_map_graph_new ();

  circles = bzw_store_list_circles (store, error);
  if (circles == NULL)
    return NULL;

  circle_colors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);
      gint64 id = bzw_circle_get_id (circle);
      BzwMapColor color;

      if (!bzw_map_color_parse (bzw_circle_get_color (circle), &color))
        color = no_circle_color;
      g_hash_table_insert (circle_colors, g_memdup2 (&id, sizeof id), g_memdup2 (&color, sizeof color));
      bzw_map_graph_add_circle (self, id, bzw_circle_get_name (circle), &color);
    }

  if (!read_contacts (self, store, options, circle_colors, error))
    return NULL;

  relationships = bzw_store_list_relationships (store, 0, error);
  if (relationships == NULL)
    return NULL;

  facts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, contact_facts_free);
  if (!read_journal (self, store, options, now, facts, error))
    return NULL;

  n = self->nodes->len;
  for (guint i = 1; i < n; i++)
    {
      BzwMapNode *node = &g_array_index (self->nodes, BzwMapNode, i);
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

  /* Relationships: a second-degree contact needs a first-degree one who
   * knows them, else they are simply a contact I have not met yet.
   */
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
  for (guint i = 0; i < self->edges->len; i++)
    {
      const BzwMapEdge *e = &g_array_index (self->edges, BzwMapEdge, i);
      const BzwMapNode *s = &g_array_index (self->nodes, BzwMapNode, e->source);
      const BzwMapNode *t = &g_array_index (self->nodes, BzwMapNode, e->target);

      if (e->kind != BZW_MAP_EDGE_RELATIONSHIP)
        continue;
      if (!s->second_degree)
        linked[e->target] = TRUE;
      if (!t->second_degree)
        linked[e->source] = TRUE;
    }
  for (guint i = 1; i < n; i++)
    {
      BzwMapNode *node = &g_array_index (self->nodes, BzwMapNode, i);

      if (node->second_degree && !linked[i])
        node->second_degree = FALSE;
      if (!node->second_degree)
        bzw_map_graph_add_edge (self, BZW_MAP_EDGE_ME, 0, i, node->strength);
    }

  positions = bzw_store_list_map_positions (store, error);
  if (positions == NULL)
    return NULL;

  for (guint i = 0; i < positions->len; i++)
    {
      const BzwMapPosition *pos = &g_array_index (positions, BzwMapPosition, i);
      BzwMapNode *node;
      guint index;

      if (!bzw_map_graph_lookup (self, pos->contact_id, &index) || index == 0)
        continue;

      node = &g_array_index (self->nodes, BzwMapNode, index);
      node->x = pos->x;
      node->y = pos->y;
      node->pinned = pos->pinned;
      node->placed = TRUE;
    }

  self->serial++;
  return g_steal_pointer (&self);
}

/**
 * bzw_map_photo_new:
 * @size: the side of the square in pixels
 *
 * Decodes a contact photo (JPEG, PNG, … through gdk-pixbuf) into a square
 * cairo surface, the middle of the picture scaled to fill it.
 *
 * Returns: (transfer full) (nullable): the surface, or %NULL when the bytes
 *   are not a picture
 */
cairo_surface_t *
bzw_map_photo_new (GBytes *bytes,
                   int     size)
{
  /* Bounded: a picture too large to decode is refused from its header. */
  g_autoptr(GdkPixbuf) pixbuf = bzw_photo_decode (bytes, BZW_PHOTO_MAX_SIDE, NULL);
  g_autoptr(GdkPixbuf) square = NULL;
  cairo_surface_t *surface;
  const guchar *pixels;
  guchar *out;
  int w, h, side, stride, channels, row_stride;

  if (pixbuf == NULL)
    return NULL;

  w = gdk_pixbuf_get_width (pixbuf);
  h = gdk_pixbuf_get_height (pixbuf);
  side = MIN (w, h);
  if (side <= 0)
    return NULL;

  square = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, size, size);
  gdk_pixbuf_fill (square, 0);
  gdk_pixbuf_scale (pixbuf, square, 0, 0, size, size,
                    -(w - side) / 2.0 * size / side, -(h - side) / 2.0 * size / side,
                    (double) size / side, (double) size / side, GDK_INTERP_BILINEAR);
  if (!gdk_pixbuf_get_has_alpha (pixbuf))
    {
      /* gdk_pixbuf_scale keeps the alpha of the destination: make it opaque. */
      guchar *p = gdk_pixbuf_get_pixels (square);

      for (int i = 0; i < size * size; i++)
        p[i * 4 + 3] = 255;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  out = cairo_image_surface_get_data (surface);
  pixels = gdk_pixbuf_get_pixels (square);
  channels = gdk_pixbuf_get_n_channels (square);
  row_stride = gdk_pixbuf_get_rowstride (square);

  /* RGBA to cairo's premultiplied native-endian ARGB. */
  for (int y = 0; y < size; y++)
    {
      const guchar *src = pixels + y * row_stride;
      guint32 *dst = (guint32 *) (gpointer) (out + y * stride);

      for (int x = 0; x < size; x++)
        {
          guint a = src[x * channels + 3];
          guint r = src[x * channels + 0] * a / 255;
          guint g = src[x * channels + 1] * a / 255;
          guint b = src[x * channels + 2] * a / 255;

          dst[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }

  cairo_surface_mark_dirty (surface);
  return surface;
}
