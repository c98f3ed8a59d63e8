/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-widget"

#include "config.h"

#include "bzw-map-widget-private.h"

#include "bzw-map-path.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>
#include <math.h>

/* Texts about a node, for the hover popover and for screen readers. */


static GPtrArray *
dup_node_details (BzwMapWidget *self,
                  guint         index)
{
  BzwMapNode *node = bzw_map_graph_get_node (self->graph, index);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BzwContact) contact = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *last = NULL;

  if (index == 0)
    {
      /* The contacts the map shows now: archived and filtered ones not. */
      guint n = bzw_map_renderer_count_contacts (self->renderer, &self->view);

      g_ptr_array_add (lines, g_strdup (_("The centre of your network")));
      g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact on the map",
                                                            "%u contacts on the map", n), n));
      return lines;
    }

  if (self->store != NULL)
    contact = bzw_store_dup_contact (self->store, node->contact_id, NULL);

  if (contact != NULL)
    {
      subtitle = bzw_contact_dup_subtitle (contact);
      last = bzw_ui_format_unix_date (bzw_contact_get_last_encounter (contact));
    }

  if (subtitle != NULL && *subtitle != '\0')
    g_ptr_array_add (lines, g_steal_pointer (&subtitle));

  if (node->second_degree)
    g_ptr_array_add (lines, g_strdup (_("Known through your contacts")));
  else
    /* Translators: %s is strong, medium, weak or none yet. */
    g_ptr_array_add (lines, g_strdup_printf (_("Relationship strength: %s"), bzw_map_strength_word (node->strength)));

  if (last != NULL)
    /* Translators: %s is a date. */
    g_ptr_array_add (lines, g_strdup_printf (_("Last contact: %s"), last));
  else
    g_ptr_array_add (lines, g_strdup (_("No encounter yet")));

  if (node->archived)
    g_ptr_array_add (lines, g_strdup (_("Archived")));
  if (node->pinned)
    g_ptr_array_add (lines, g_strdup (_("Pinned to its place")));

  return lines;
}

void
_bzw_map_widget_update_accessible (BzwMapWidget *self)
{
  BzwMapNode *node = _bzw_map_widget_get_node (self, self->view.selected);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *description = NULL;

  if (node == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship map"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Tab and the arrow keys choose a contact, Enter opens it, "
                                        "Page Down goes through its relationships"),
                                      -1);
      return;
    }

  if (self->focus_edge >= 0)
    {
      _bzw_map_widget_update_edge_accessible (self);
      return;
    }

  lines = dup_node_details (self, self->view.selected);
  g_ptr_array_insert (lines, 0, g_strdup (node->label));
  if (self->path_text != NULL)
    /* Translators: %s is „Bernd: über Anna (stark) → Bernd (mittel)“. */
    g_ptr_array_add (lines, g_strdup_printf (_("Marked path: %s"), self->path_text));
  g_ptr_array_add (lines, NULL);
  description = g_strjoinv (". ", (char **) lines->pdata);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, node->label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
_bzw_map_widget_update_popover_position (BzwMapWidget *self)
{
  BzwMapNode *node = _bzw_map_widget_get_node (self, self->view.hover);
  GdkRectangle rect;
  double x, y, r;

  if (node == NULL || !gtk_widget_get_visible (self->popover))
    return;

  /* Where the node is drawn, which may be a little off its place. */
  bzw_map_renderer_get_node_disc (self->renderer, &self->view, self->view.hover, &x, &y, &r);
  r = MAX (r, 6.0);
  rect.x = (int) floor (x - r);
  rect.y = (int) floor (y - r);
  rect.width = rect.height = (int) ceil (2 * r);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
}

void
_bzw_map_widget_hide_popover (BzwMapWidget *self)
{
  if (gtk_widget_get_visible (self->popover))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

void
_bzw_map_widget_show_popover (BzwMapWidget *self)
{
  BzwMapNode *node = _bzw_map_widget_get_node (self, self->view.hover);
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *details = NULL;

  if (node == NULL)
    {
      _bzw_map_widget_hide_popover (self);
      return;
    }

  lines = dup_node_details (self, self->view.hover);
  if (node->pinned)
    g_ptr_array_add (lines, g_strdup (_("Double-click the pin or press Alt+Backspace to release it")));
  g_ptr_array_add (lines, NULL);
  details = g_strjoinv ("\n", (char **) lines->pdata);

  gtk_label_set_text (self->popover_title, node->label);
  gtk_label_set_text (self->popover_details, details);

  if (!gtk_widget_get_visible (self->popover))
    gtk_popover_popup (GTK_POPOVER (self->popover));
  _bzw_map_widget_update_popover_position (self);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

void
_bzw_map_widget_set_hover (BzwMapWidget *self,
                           int           hover)
{
  if (self->view.hover == hover)
    return;

  self->view.hover = hover;
  if (hover >= 0)
    _bzw_map_widget_show_popover (self);
  else
    _bzw_map_widget_hide_popover (self);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The hover details. */
void
_bzw_map_widget_create_popover (BzwMapWidget *self)
{
  GtkWidget *box;

  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_TOP);
  gtk_widget_set_can_target (self->popover, FALSE);
  gtk_widget_set_can_focus (self->popover, FALSE);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (box, 4);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  self->popover_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->popover_title, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->popover_title), "heading");
  self->popover_details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->popover_details, 0.0);
  gtk_label_set_max_width_chars (self->popover_details, 40);
  gtk_label_set_wrap (self->popover_details, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->popover_details), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->popover_title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->popover_details));
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
}
