/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

/* What the parts of BzwOverviewRenderer share: the data load () gathers
 * (bzw-overview-data.c), the pagination (bzw-overview-paginate.c), the
 * painting (bzw-overview-paint.c) and the PDF output (bzw-overview-pdf.c).
 */

#include <pango/pangocairo.h>

#include "bzw-map-graph.h"
#include "bzw-overview-renderer.h"

G_BEGIN_DECLS

#define FONT_FAMILY "Cantarell, DejaVu Sans"

/* Sizes in points. */
#define TITLE_SIZE       20.0
#define SUBTITLE_SIZE     9.0
#define RUNNING_SIZE      8.5
#define HEADING_SIZE     11.5
#define BODY_SIZE         8.0
#define NAME_SIZE         8.5
#define SMALL_SIZE        7.0
#define COLUMN_HEAD_SIZE  6.5
#define FOOTER_SIZE       7.0

#define CELL_PAD_X        4.0
#define CELL_PAD_Y        3.5
#define HEADING_GAP       9.0
#define NOTES_INDENT      8.0

/* Colours as 0xRRGGBB, from the GNOME palette. */
#define INK          0x241f31
#define SECONDARY    0x5e5c64
#define FAINT        0x77767b
#define RULE         0xc0bfbc
#define STRONG_RULE  0x3d3846
#define ZEBRA        0xf2f1ef
#define OVERDUE      0xc01c28

/* Markup sizes are in 1024ths of a point. */
#define PT(x) ((int) ((x) * PANGO_SCALE))

typedef enum
{
  COL_NAME,
  COL_ORG,
  COL_PHONE,
  COL_EMAIL,
  COL_LAST,
  COL_DUE,
  N_COLUMNS
} Column;

/* Shares of the width left after the two date columns; phone and e-mail
 * take what their entries need within the bounds below, organisations the
 * rest (bzw-overview-paginate.c).
 */
static const double flexible_weights[] = { 0.26, 0.23, 0.20, 0.31 };
#define MIN_ORG_SHARE   0.20
#define MIN_PHONE_SHARE 0.14
#define MAX_PHONE_SHARE 0.20
#define MIN_EMAIL_SHARE 0.24

typedef enum
{
  ENTRY_HEADING,
  ENTRY_ROW,
} EntryKind;

typedef struct
{
  char  *title;
  char  *color;
  guint  n_rows;
} Group;

typedef struct
{
  gint64  contact_id;
  GDate   due;
  char   *cells[N_COLUMNS];
  char   *notes;
  char   *email_broken;
  guint   n_emails;
  gboolean use_email_broken;
  double  cells_height;
  double  notes_height;
} Row;

typedef struct
{
  EntryKind kind;
  guint     index;
} Entry;

/* One heading or row as placed on a page. */
typedef struct
{
  EntryKind kind;
  guint     index;
  guint     continued : 1;
  guint     zebra : 1;
  guint     top : 1;
  double    y;
} Placement;

typedef struct
{
  guint    first;
  guint    n;
  gboolean is_map;
} Page;

struct _BzwOverviewRenderer
{
  GObject                 parent_instance;

  BzwStore               *store;
  BzwOverviewOptions     *options;

  /* What load () gathered. */
  gboolean                loaded;
  gboolean                include_map;
  BzwMapGraph            *map_graph;
  BzwOverviewGrouping     grouping;
  guint                   n_contacts;
  GArray                 *groups;
  GArray                 *rows;
  GArray                 *entries;
  char                   *user_name;
  char                   *date_long;
  char                   *date_short;
  char                   *summary;
  char                   *count_text;

  /* What paginate () worked out. */
  PangoContext           *pango;
  PangoLayout            *layout;
  double                  width;
  double                  height;
  double                  column_x[N_COLUMNS + 1];
  double                  first_header_height;
  double                  running_header_height;
  double                  column_head_height;
  double                  footer_height;
  double                  heading_height;
  double                  max_notes_height;
  GArray                  *placements;
  GArray                  *pages;
};

/* bzw-overview-renderer.c */
void         _bzw_overview_clear_loaded       (BzwOverviewRenderer *self);
void         _bzw_overview_clear_pagination   (BzwOverviewRenderer *self);

/* bzw-overview-data.c */
const char  *_bzw_overview_short_date_format  (void);

/* bzw-overview-paginate.c: measuring, shared with the painting */
PangoLayout *_bzw_overview_prepare_layout     (BzwOverviewRenderer *self,
                                               double               size,
                                               gboolean             bold,
                                               double               width);
double       _bzw_overview_layout_height      (PangoLayout         *layout);
double       _bzw_overview_layout_baseline    (PangoLayout         *layout);
PangoLayout *_bzw_overview_column_head_layout (BzwOverviewRenderer *self,
                                               Column               column);
PangoLayout *_bzw_overview_cell_layout        (BzwOverviewRenderer *self,
                                               const Row           *row,
                                               Column               column);
PangoLayout *_bzw_overview_notes_layout       (BzwOverviewRenderer *self,
                                               const Row           *row);
double       _bzw_overview_notes_x            (BzwOverviewRenderer *self);
double       _bzw_overview_row_height         (const Row           *row);
double       _bzw_overview_body_bottom        (BzwOverviewRenderer *self);

G_END_DECLS
