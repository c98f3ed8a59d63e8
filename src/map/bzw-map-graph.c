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

static const BzwMapColor me_color = { 0.208f, 0.518f, 0.894f, 1.0f };      /* Blue 3 */
static const BzwMapColor no_circle_color = { 0.604f, 0.600f, 0.588f, 1.0f }; /* Light 5 */

static void
clear_circle (BzwMapCircle *circle)
{
  g_clear_pointer (&circle->name, g_free);
}

static void
clear_node (BzwMapNode *node)
{
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
  g_array_set_clear_func (self->nodes, (GDestroyNotify) clear_node);
  self->edges = g_array_new (FALSE, TRUE, sizeof (BzwMapEdge));
  self->by_contact = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->circles = g_array_new (FALSE, TRUE, sizeof (BzwMapCircle));
  g_array_set_clear_func (self->circles, (GDestroyNotify) clear_circle);
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

/* The favours and referrals as compressed rows: the targets of node i are
 * out[out_start[i]] to out[out_start[i + 1] - 1].
 */
static guint *
giving_rows (BzwMapGraph  *self,
             guint       **out_start_out)
{
  guint n = self->nodes->len;
  guint *out_start = g_new0 (guint, n + 1);
  g_autofree guint *fill = NULL;
  guint *out;

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

  *out_start_out = out_start;
  return out;
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
  g_autofree int *index = NULL;
  int *low;
  g_autofree gboolean *on_stack = NULL;
  g_autofree guint *stack = NULL;
  g_autofree guint *call = NULL;
  guint *call_pos;
  guint sp = 0;
  int counter = 0;
  guint n_components = 0;

  if (self->cycles_serial == self->serial && self->component != NULL)
    return;

  out = giving_rows (self, &out_start);

  g_free (self->component);
  g_free (self->component_size);
  self->component = g_new (guint, n);
  self->component_size = g_new0 (guint, n);
  /* low and call_pos share the allocations of index and call. */
  index = g_new (int, 2 * n);
  low = index + n;
  on_stack = g_new0 (gboolean, n);
  stack = g_new (guint, n);
  call = g_new (guint, 2 * n);
  call_pos = call + n;
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
