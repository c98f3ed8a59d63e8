/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-map-declutter.h"
#include "bzw-map-renderer.h"

#include <math.h>
#include <pango/pangocairo.h>

/* What the parts of BzwMapRenderer share: bzw-map-renderer.c keeps the
 * view, the caches and the visibility, bzw-map-renderer-palette.c the
 * colours, bzw-map-renderer-place.c places discs and names on the screen
 * and draws the names, bzw-map-renderer-edges.c draws the lines and
 * arrows, bzw-map-renderer-nodes.c the nodes, bzw-map-renderer-legend.c
 * the legend, bzw-map-renderer-hit.c finds what is under the pointer.
 */

G_BEGIN_DECLS

#define LABEL_FONT       "Cantarell, Sans"
#define LABEL_SIZE       12
#define INITIALS_SIZE    12
#define LEGEND_SIZE      12
#define MAX_LABELS       800
#define ME_MIN_RADIUS    15.0
#define DISC_GAP         2.0
#define NUDGE_ROUNDS     40
#define NUDGE_PROGRESS   0.02
#define ZOOM_BUCKET      1.1
#define REF_SLOTS        4
#define PLACE_MARGIN     40.0
#define LABEL_PAD_X      2.0
#define ME_COLOR_DISTANCE 0.35
#define ME_WIDTH_LEVELS  5
#define ME_ALPHA_LEVELS  8
#define VALUE_LEVELS     6
#define ARROW_BEND       0.18
#define ME_LENGTH_BUDGET 60000.0
#define DASH_MIN_SCALE   0.45
#define RELATION_MIN_ZOOM 0.8
#define FAST_LINES_MIN   400
#define FAST_NODES_MIN   400

typedef struct
{
  BzwMapColor background;
  BzwMapColor text;
  BzwMapColor label_back;
  BzwMapColor me_edge;
  BzwMapColor relation;
  BzwMapColor favour;
  BzwMapColor referral;
  BzwMapColor cycle;
  BzwMapColor selection;
  BzwMapColor hover;
  BzwMapColor outline;
  BzwMapColor legend_back;
  BzwMapColor legend_border;
} Palette;

enum {
  BUCKET_ME = 0,
  BUCKET_RELATION = BUCKET_ME + ME_WIDTH_LEVELS * ME_ALPHA_LEVELS * 2,
  BUCKET_FAVOUR = BUCKET_RELATION + BZW_MAP_N_RELATIONS * 5 * 2,
  BUCKET_REFERRAL = BUCKET_FAVOUR + VALUE_LEVELS * 2 * 2,
  N_BUCKETS = BUCKET_REFERRAL + VALUE_LEVELS * 2 * 2,
};

enum {
  VIS_HIDDEN = 0,
  VIS_SHOWN = 1,
  VIS_DIMMED = 2,
};

typedef enum
{
  DASH_SOLID,
  DASH_DASHED,
  DASH_DOTTED,
} DashKind;

/* The styles of relationships, as the legend lists them. */
typedef enum
{
  STYLE_FAMILY,
  STYLE_FRIEND,
  STYLE_WORK,
  STYLE_OTHER,
  STYLE_INTRODUCED,
  N_RELATION_STYLES
} StyleGroup;

typedef struct
{
  StyleGroup group;
  DashKind   dash;
  double     width;
  gboolean   mine;
} RelationStyle;

/* The discs pushed apart for one zoom bucket (bzw-map-renderer-place.c). */
typedef struct
{
  int     bucket;
  guint64 used;
  double *x;
  double *y;
  double *r;   /* the radius at the bucket's top, less where discs had to shrink */
} RefSlot;

/* A zoom bucket being pushed apart ahead (bzw-map-renderer-ahead.c). */
typedef struct _AheadJob AheadJob;

/* A node's circle on the screen. */
typedef struct
{
  double x;
  double y;
  double r;
} Disc;

struct _BzwMapRenderer
{
  BzwMapGraph           *graph;
  guint64                serial;
  guint                  n_nodes;
  guint                  n_edges;

  PangoContext          *context;
  PangoFontDescription  *label_font;
  PangoFontDescription  *initials_font;
  PangoLayout          **labels;
  PangoLayout          **initials;
  int                   *label_w;
  int                   *label_h;
  guint                 *order;
  guint                 *me_order;
  guint                  n_me;
  guint                 *color_index;
  BzwMapColor           *colors;
  guint                  n_colors;
  gboolean               any_pinned;
  gboolean               any_second_degree;
  gboolean               any_archived;
  guint                  relations_present;
  guint                  kinds_present;

  guint8                *visible;
  guint8                *bridge;
  float                 *sx;
  float                 *sy;
  float                 *sr;
  GArray                *buckets[N_BUCKETS];
  GArray                *color_buckets;
  GArray                *dimmed_nodes;
  GArray                *hollow_nodes;
  GArray                *placed_labels;
  guint                  n_labels;

  /* Where the last placement put things, on the screen: the nodes in the
   * viewport as discs pushed apart, and per node its label's corner.
   */
  BzwMapDisc            *discs;
  gboolean              *disc_fixed;
  guint                 *disc_node;
  int                   *disc_of;
  guint                  n_discs;
  gboolean               placed_valid;
  BzwMapView             placed_view;
  guint                  placed_circles;
  double                *placed_pos;
  guint8                *placed_pos_placed;
  /* The discs pushed apart once per zoom bucket, on the scale of its top
   * and without the offset (bzw-map-renderer-place.c); a frame of that
   * bucket scales and moves them.  The last REF_SLOTS buckets are kept, so
   * zooming back and forth pushes nothing apart again.
   */
  RefSlot                refs[REF_SLOTS];
  RefSlot               *ref;
  guint64                ref_clock;
  /* The neighbouring buckets made ahead in a worker; ahead_jobs and
   * ahead_source are guarded by ahead_lock (bzw-map-renderer-ahead.c).
   */
  GThreadPool           *ahead_pool;
  GMutex                 ahead_lock;
  GCond                  ahead_cond;
  GPtrArray             *ahead_jobs;
  GSource               *ahead_source;
  GMainContext          *ahead_context;
  BzwMapRendererReady    ahead_ready;
  gpointer               ahead_data;
  gboolean               frame_valid;
  double                 frame_scale;
  double                 frame_offset_x;
  double                 frame_offset_y;
  int                    frame_width;
  int                    frame_height;
  /* The names placed for that frame, kept for a plain redraw. */
  gboolean               labels_valid;
  int                    labels_hover;
  int                    labels_selected;
  gboolean               labels_legend;
  gboolean               labels_highlight;
  guint                  labels_edge_kinds;
  BzwMapLabelRequest    *label_requests;
  BzwMapLabelPlacement  *label_places;
  float                 *label_x;
  float                 *label_y;

  int                    view_w;
  int                    view_h;
  cairo_surface_t       *mask;
};

static inline void
set_color (cairo_t           *cr,
           const BzwMapColor *c,
           double             alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static inline double
zoom_factor (const BzwMapView *view)
{
  return CLAMP (view->scale, 0.35, 2.0);
}

static inline double
me_opacity (const BzwMapNode *node)
{
  if (node->days_since < 0)
    return 0.14;
  return 0.16 + 0.74 * exp2 (-node->days_since / 365.0);
}

static inline int
value_level (double euros)
{
  return CLAMP ((int) floor (log2 (1.0 + MAX (euros, 0.0) / 25.0)), 0, VALUE_LEVELS - 1);
}

static inline double
value_width (int level)
{
  return 1.4 + 0.8 * level;
}

static inline double
node_screen_radius (const BzwMapView *view,
                    const BzwMapNode *node)
{
  return MAX (node->radius * view->scale, 1.5);
}

const Palette *_bzw_map_renderer_palette             (const BzwMapView *view);
const BzwMapColor *_bzw_map_renderer_me_color        (BzwMapRenderer   *self,
                                                      const BzwMapView *view);
void           _bzw_map_renderer_place_discs         (BzwMapRenderer   *self,
                                                      const BzwMapView *view,
                                                      gboolean          drawing);
RefSlot       *_bzw_map_renderer_find_reference      (BzwMapRenderer   *self,
                                                      int               bucket);
void           _bzw_map_renderer_push_apart          (const BzwMapNode *nodes,
                                                      const guint8     *visible,
                                                      guint             n,
                                                      int               bucket,
                                                      BzwMapDisc       *discs,
                                                      gboolean         *fixed,
                                                      guint            *disc_node,
                                                      double           *x,
                                                      double           *y,
                                                      double           *r);
void           _bzw_map_renderer_init_ahead          (BzwMapRenderer   *self);
void           _bzw_map_renderer_clear_ahead         (BzwMapRenderer   *self);
void           _bzw_map_renderer_forget_ahead        (BzwMapRenderer   *self);
gboolean       _bzw_map_renderer_take_ahead          (BzwMapRenderer   *self,
                                                      int               bucket,
                                                      gboolean          wait,
                                                      RefSlot          *slot);
void           _bzw_map_renderer_plan_ahead          (BzwMapRenderer   *self,
                                                      BzwMapNode       *nodes,
                                                      int               bucket);
void           _bzw_map_renderer_place_labels        (BzwMapRenderer   *self,
                                                      const BzwMapView *view);
PangoLayout   *_bzw_map_renderer_get_label           (BzwMapRenderer   *self,
                                                      guint             i);
void           _bzw_map_renderer_draw_path           (BzwMapRenderer   *self,
                                                      cairo_t          *cr,
                                                      const BzwMapView *view,
                                                      const Palette    *pal,
                                                      gboolean          rings);
void           _bzw_map_renderer_draw_on_top         (BzwMapRenderer   *self,
                                                      cairo_t          *cr,
                                                      const BzwMapView *view,
                                                      const Palette    *pal);
void           _bzw_map_renderer_legend_rect         (BzwMapRenderer   *self,
                                                      const BzwMapView *view,
                                                      BzwMapRect       *rect);
void           _bzw_map_renderer_ensure_caches       (BzwMapRenderer   *self);
void           _bzw_map_renderer_compute_visibility  (BzwMapRenderer   *self,
                                                      const BzwMapView *view);
gboolean       _bzw_map_renderer_edge_shown          (BzwMapRenderer   *self,
                                                      const BzwMapView *view,
                                                      const BzwMapNode *nodes,
                                                      const BzwMapEdge *e);
gboolean       _bzw_map_renderer_edge_dimmed         (BzwMapRenderer   *self,
                                                      const BzwMapView *view,
                                                      const BzwMapEdge *e);
void           _bzw_map_renderer_draw_edges          (BzwMapRenderer   *self,
                                                      cairo_t          *cr,
                                                      const BzwMapView *view,
                                                      const Palette    *pal);
void           _bzw_map_renderer_draw_nodes          (BzwMapRenderer   *self,
                                                      cairo_t          *cr,
                                                      const BzwMapView *view,
                                                      const Palette    *pal);
void           _bzw_map_renderer_draw_labels         (BzwMapRenderer   *self,
                                                      cairo_t          *cr,
                                                      const BzwMapView *view,
                                                      const Palette    *pal);
gboolean       _bzw_map_arrow_geometry               (const Disc       *a,
                                                      const Disc       *b,
                                                      double            head,
                                                      double           *p);
void           _bzw_map_path_arrow_line              (cairo_t          *cr,
                                                      const double     *p);
void           _bzw_map_path_arrow_head              (cairo_t          *cr,
                                                      const double     *p,
                                                      double            head);
void           _bzw_map_relation_style               (BzwMapRelation    relation,
                                                      RelationStyle    *style);
void           _bzw_map_set_relation_dash            (cairo_t          *cr,
                                                      BzwMapRelation    relation,
                                                      double            z);
void           _bzw_map_set_referral_dash            (cairo_t          *cr,
                                                      double            width);
void           _bzw_map_draw_pin                     (cairo_t          *cr,
                                                      double            x,
                                                      double            y,
                                                      double            r,
                                                      const Palette    *pal);

G_END_DECLS
