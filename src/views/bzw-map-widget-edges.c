/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-widget"

#include "config.h"

#include "bzw-map-widget-private.h"

#include "bzw-labels.h"
#include "bzw-relationship-dialog.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

/* The relationships of the selected contact by keyboard: Page Down and
 * Page Up go round its lines clockwise from twelve o'clock, Enter edits the
 * focused one, Escape goes back to the contact.  The focused line has a
 * ring of its own and tells screen readers what it is.
 */

typedef struct
{
  guint  edge;
  double angle;
} EdgeItem;

static int
compare_edge_items (gconstpointer a,
                    gconstpointer b)
{
  const EdgeItem *x = a;
  const EdgeItem *y = b;

  if (x->angle != y->angle)
    return x->angle < y->angle ? -1 : 1;
  return x->edge < y->edge ? -1 : (x->edge > y->edge);
}

static int
other_end (const BzwMapEdge *edge,
           int               node)
{
  return (int) edge->source == node ? (int) edge->target : (int) edge->source;
}

/* The visible relationship lines of @node, clockwise. */
static GArray *
dup_node_edges (BzwMapWidget *self,
                int           node)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (EdgeItem));
  BzwMapNode *origin = _bzw_map_widget_get_node (self, node);

  if (origin == NULL || (self->view.edge_kinds & BZW_MAP_EDGE_MASK (BZW_MAP_EDGE_RELATIONSHIP)) == 0)
    return items;

  for (guint i = 0; i < bzw_map_graph_get_n_edges (self->graph); i++)
    {
      BzwMapEdge *edge = bzw_map_graph_get_edge (self->graph, i);
      BzwMapNode *other;
      EdgeItem item = { i, 0.0 };

      if (edge->kind != BZW_MAP_EDGE_RELATIONSHIP ||
          ((int) edge->source != node && (int) edge->target != node) ||
          !_bzw_map_widget_is_visible (self, other_end (edge, node)))
        continue;

      other = bzw_map_graph_get_node (self->graph, other_end (edge, node));
      item.angle = atan2 (other->x - origin->x, -(other->y - origin->y));
      if (item.angle < 0)
        item.angle += 2 * G_PI;
      g_array_append_val (items, item);
    }

  g_array_sort (items, compare_edge_items);
  return items;
}

static char *
dup_contact_name (BzwMapWidget *self,
                  int           index)
{
  BzwMapNode *node = _bzw_map_widget_get_node (self, index);

  return g_strdup (node != NULL ? node->label : "?");
}

/* The stored relationship behind the focused line. */
static BzwRelationship *
dup_focused_relationship (BzwMapWidget *self)
{
  BzwMapEdge *edge = bzw_map_graph_get_edge (self->graph, self->focus_edge);
  gint64 a = _bzw_map_widget_get_node (self, edge->source)->contact_id;
  gint64 b = _bzw_map_widget_get_node (self, edge->target)->contact_id;
  g_autoptr(GPtrArray) rels = bzw_store_list_relationships (self->store, a, NULL);

  for (guint i = 0; rels != NULL && i < rels->len; i++)
    {
      BzwRelationship *rel = g_ptr_array_index (rels, i);

      if (bzw_relationship_get_a_id (rel) == b || bzw_relationship_get_b_id (rel) == b)
        return g_object_ref (rel);
    }

  return NULL;
}

/* „Beziehung: Anna Klein – Bernd Schröder“ and, as the description, the
 * kind as the selected contact's side reads it.
 */
void
_bzw_map_widget_update_edge_accessible (BzwMapWidget *self)
{
  BzwMapEdge *edge = bzw_map_graph_get_edge (self->graph, self->focus_edge);
  int other = other_end (edge, self->view.selected);
  gint64 me = _bzw_map_widget_get_node (self, self->view.selected)->contact_id;
  g_autofree char *name = dup_contact_name (self, self->view.selected);
  g_autofree char *other_name = dup_contact_name (self, other);
  g_autoptr(BzwRelationship) rel = self->store != NULL ? dup_focused_relationship (self) : NULL;
  g_autofree char *label = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;

  /* Translators: the focused line on the map; the names of its two ends. */
  label = g_strdup_printf (_("Relationship: %s – %s"), name, other_name);
  if (rel != NULL)
    subtitle = bzw_labels_relationship_subtitle (bzw_relationship_get_kind (rel),
                                                 bzw_relationship_get_a_id (rel) == me,
                                                 other_name,
                                                 bzw_relationship_get_strength (rel),
                                                 bzw_relationship_get_since (rel));
  /* Translators: %s is like „Kollegen · Stärke 4 von 5“. */
  description = g_strdup_printf (_("%s. Enter edits the relationship, Escape goes back to the contact"),
                                 subtitle != NULL ? subtitle : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
_bzw_map_widget_focus_edge (BzwMapWidget *self,
                            int           edge)
{
  if (self->focus_edge == edge)
    return;

  self->focus_edge = edge;
  _bzw_map_widget_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Page Down (@step 1) or Page Up (-1): the next line of the selected
 * contact, or back to the contact after the last.
 */
void
_bzw_map_widget_step_edge (BzwMapWidget *self,
                           int           step)
{
  g_autoptr(GArray) items = dup_node_edges (self, self->view.selected);
  int position = -1;
  int next;

  if (items->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  for (guint i = 0; i < items->len; i++)
    if ((int) g_array_index (items, EdgeItem, i).edge == self->focus_edge)
      position = i;

  if (position < 0)
    next = step > 0 ? 0 : (int) items->len - 1;
  else
    next = position + step;

  if (next < 0 || next >= (int) items->len)
    _bzw_map_widget_focus_edge (self, -1);
  else
    _bzw_map_widget_focus_edge (self, g_array_index (items, EdgeItem, next).edge);
}

/* Enter on a focused line. */
void
_bzw_map_widget_edit_focused_edge (BzwMapWidget *self)
{
  BzwMapEdge *edge = bzw_map_graph_get_edge (self->graph, self->focus_edge);
  gint64 a = _bzw_map_widget_get_node (self, edge->source)->contact_id;
  gint64 b = _bzw_map_widget_get_node (self, edge->target)->contact_id;

  if (self->store == NULL || bzw_store_is_read_only (self->store))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  _bzw_map_widget_stop_animation (self);
  _bzw_map_widget_hide_popover (self);
  if (!bzw_relationship_dialog_edit_between (GTK_WIDGET (self), self->store, a, b))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* A ring around the focused line, in the colour of the focus ring. */
void
_bzw_map_widget_draw_edge_focus (BzwMapWidget *self,
                                 cairo_t      *cr)
{
  BzwMapEdge *edge;
  double ax, ay, ar, bx, by, br, length, ux, uy;

  if (self->focus_edge < 0 || self->renderer == NULL)
    return;

  edge = bzw_map_graph_get_edge (self->graph, self->focus_edge);
  if (!bzw_map_renderer_get_node_disc (self->renderer, &self->view, edge->source, &ax, &ay, &ar) ||
      !bzw_map_renderer_get_node_disc (self->renderer, &self->view, edge->target, &bx, &by, &br))
    return;

  length = hypot (bx - ax, by - ay);
  if (length < ar + br + 1.0)
    return;
  ux = (bx - ax) / length;
  uy = (by - ay) / length;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (cr);
  cairo_move_to (cr, ax + ux * (ar + 3.0), ay + uy * (ar + 3.0));
  cairo_line_to (cr, bx - ux * (br + 3.0), by - uy * (br + 3.0));
  cairo_set_source_rgba (cr, 0.208, 0.518, 0.894, 0.5);
  cairo_set_line_width (cr, 10.0);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, 1.0, 1.0, 1.0, 0.9);
  cairo_set_line_width (cr, 5.0);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, 0.208, 0.518, 0.894, 1.0);
  cairo_set_line_width (cr, 3.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}
