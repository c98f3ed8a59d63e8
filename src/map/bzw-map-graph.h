/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "bzw-store.h"

G_BEGIN_DECLS

/* The kinds of lines on the map.  The values are bits of a filter mask. */
typedef enum
{
  BZW_MAP_EDGE_ME,
  BZW_MAP_EDGE_RELATIONSHIP,
  BZW_MAP_EDGE_FAVOUR,
  BZW_MAP_EDGE_REFERRAL,
  BZW_MAP_N_EDGE_KINDS
} BzwMapEdgeKind;

#define BZW_MAP_EDGE_MASK(kind) (1u << (kind))
#define BZW_MAP_EDGE_MASK_ALL   ((1u << BZW_MAP_N_EDGE_KINDS) - 1)

/* Kinds of relationships between contacts; each has its own dash pattern. */
typedef enum
{
  BZW_MAP_RELATION_FAMILY,
  BZW_MAP_RELATION_FRIEND,
  BZW_MAP_RELATION_COLLEAGUE,
  BZW_MAP_RELATION_BUSINESS,
  BZW_MAP_RELATION_INTRODUCED,
  BZW_MAP_RELATION_OTHER,
  BZW_MAP_N_RELATIONS
} BzwMapRelation;

typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} BzwMapColor;

/* A node.  Node 0 is "Ich" (contact id 0), fixed at the origin.
 *
 * @weight: activity, the number of journal entries of the last year;
 * @radius: in map units, grows with @weight;
 * @strength: 0..1, the strength of the relationship to "Ich";
 * @days_since: days since the last encounter, or -1 for never;
 * @circle_id: the first circle, or 0;
 * @trust: whether I would recommend them (the contact's trust);
 * @second_degree: known only through a relationship with one of my contacts.
 */
typedef struct
{
  gint64       contact_id;
  char        *label;
  char        *initials;
  BzwMapColor  color;
  double       weight;
  double       radius;
  double       strength;
  int          days_since;
  gint64       circle_id;
  GArray      *circle_ids;
  BzwTrust     trust;
  guint        pinned : 1;
  guint        placed : 1;
  guint        archived : 1;
  guint        second_degree : 1;
  double       x;
  double       y;
  cairo_surface_t *photo;
} BzwMapNode;

/* An edge between two nodes (indexes into the node array).  Favours and
 * referrals go from @source to @target; they are summed per pair.
 *
 * @weight: me: the strength 0..1; relationship: its strength 1..5;
 *   favour and referral: the value in euros;
 * @count: how many journal entries the edge stands for;
 * @last: the time of the newest of them (Unix seconds), or 0.
 */
typedef struct
{
  BzwMapEdgeKind kind;
  BzwMapRelation relation;
  guint          source;
  guint          target;
  double         weight;
  guint          count;
  gint64         last;
} BzwMapEdge;

/* What to read from the store.  @since and @until bound the journal
 * (0 for open); @now is the time the ages count from (0 for the clock).
 */
typedef struct
{
  gboolean include_archived;
  gint64   since;
  gint64   until;
  gint64   now;
} BzwMapGraphOptions;

/* A circle as the legend shows it. */
typedef struct
{
  gint64       id;
  char        *name;
  BzwMapColor  color;
} BzwMapCircle;

typedef struct _BzwMapGraph BzwMapGraph;

#define BZW_TYPE_MAP_GRAPH (bzw_map_graph_get_type ())

GType              bzw_map_graph_get_type             (void) G_GNUC_CONST;
BzwMapGraph       *bzw_map_graph_new                  (void);
BzwMapGraph       *bzw_map_graph_new_from_store       (BzwStore                 *store,
                                                       GError                  **error);
BzwMapGraph       *bzw_map_graph_new_from_store_full  (BzwStore                 *store,
                                                       const BzwMapGraphOptions *options,
                                                       GError                  **error);
BzwMapGraph       *bzw_map_graph_ref                  (BzwMapGraph              *self);
void               bzw_map_graph_unref                (BzwMapGraph              *self);

guint              bzw_map_graph_get_n_nodes          (BzwMapGraph              *self);
BzwMapNode        *bzw_map_graph_get_node             (BzwMapGraph              *self,
                                                       guint                     index);
BzwMapNode        *bzw_map_graph_get_nodes            (BzwMapGraph              *self);
guint              bzw_map_graph_get_n_edges          (BzwMapGraph              *self);
BzwMapEdge        *bzw_map_graph_get_edge             (BzwMapGraph              *self,
                                                       guint                     index);
BzwMapEdge        *bzw_map_graph_get_edges            (BzwMapGraph              *self);
gboolean           bzw_map_graph_lookup               (BzwMapGraph              *self,
                                                       gint64                    contact_id,
                                                       guint                    *index);

guint              bzw_map_graph_add_node             (BzwMapGraph              *self,
                                                       gint64                    contact_id,
                                                       const char               *label,
                                                       const char               *initials);
guint              bzw_map_graph_add_edge             (BzwMapGraph              *self,
                                                       BzwMapEdgeKind            kind,
                                                       guint                     source,
                                                       guint                     target,
                                                       double                    weight);
void               bzw_map_graph_add_circle           (BzwMapGraph              *self,
                                                       gint64                    id,
                                                       const char               *name,
                                                       const BzwMapColor        *color);
guint              bzw_map_graph_get_n_circles        (BzwMapGraph              *self);
const BzwMapCircle *bzw_map_graph_get_circle          (BzwMapGraph              *self,
                                                       guint                     index);
void               bzw_map_graph_set_node_activity    (BzwMapGraph              *self,
                                                       guint                     index,
                                                       double                    weight);

const guint       *bzw_map_graph_get_neighbours       (BzwMapGraph              *self,
                                                       guint                     index,
                                                       guint                    *n_neighbours);
guint              bzw_map_graph_copy_positions       (BzwMapGraph              *self,
                                                       BzwMapGraph              *from);
GArray            *bzw_map_graph_dup_positions        (BzwMapGraph              *self);
gboolean           bzw_map_graph_save_positions       (BzwMapGraph              *self,
                                                       BzwStore                 *store,
                                                       GError                  **error);
void               bzw_map_graph_get_bounds           (BzwMapGraph              *self,
                                                       double                   *x1,
                                                       double                   *y1,
                                                       double                   *x2,
                                                       double                   *y2);
gboolean           bzw_map_graph_edge_in_cycle        (BzwMapGraph              *self,
                                                       guint                     edge);
guint64            bzw_map_graph_get_serial           (BzwMapGraph              *self);
void               bzw_map_graph_changed              (BzwMapGraph              *self);

BzwMapRelation     bzw_map_relation_from_kind         (const char               *kind);
const char        *bzw_map_relation_get_label         (BzwMapRelation            relation);
double             bzw_map_strength_from_encounters   (const gint64             *times,
                                                       const BzwChannel         *channels,
                                                       guint                     n,
                                                       gint64                    now);
double             bzw_map_node_radius_for_activity   (double                    weight);
gboolean           bzw_map_color_parse                (const char               *spec,
                                                       BzwMapColor              *color);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwMapGraph, bzw_map_graph_unref)

cairo_surface_t *bzw_map_photo_new (GBytes *bytes,
                                    int     size);

G_END_DECLS
