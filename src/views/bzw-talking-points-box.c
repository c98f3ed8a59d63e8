/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-talking-points-box"

#include "config.h"

#include "bzw-talking-points-box.h"

#include "bzw-store-occasions.h"

#include <glib/gi18n.h>

/* In the encounter editor: the open talking points („Beim nächsten Mal
 * ansprechen“) of the people taking part, each with a check to tick it
 * off when the encounter is saved.
 */
struct _BzwTalkingPointsBox
{
  GtkWidget  parent_instance;

  BzwStore  *store;
  GtkWidget *heading;
  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (BzwTalkingPointsBox, bzw_talking_points_box, GTK_TYPE_WIDGET)

static void
bzw_talking_points_box_dispose (GObject *object)
{
  BzwTalkingPointsBox *self = BZW_TALKING_POINTS_BOX (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bzw_talking_points_box_parent_class)->dispose (object);
}

static void
bzw_talking_points_box_class_init (BzwTalkingPointsBoxClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_talking_points_box_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
bzw_talking_points_box_init (BzwTalkingPointsBox *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->heading = gtk_label_new (_("Bring Up Next Time"));
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_widget_set_parent (self->heading, GTK_WIDGET (self));

  self->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Bring Up Next Time"), -1);
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
bzw_talking_points_box_new (BzwStore *store)
{
  BzwTalkingPointsBox *self = g_object_new (BZW_TYPE_TALKING_POINTS_BOX, NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

static void
add_points_of (BzwTalkingPointsBox *self,
               gint64               contact_id,
               gboolean             with_name)
{
  g_autoptr(GPtrArray) points = bzw_store_list_talking_points (self->store, contact_id, FALSE, NULL);
  g_autofree char *name = with_name ? bzw_store_dup_contact_name (self->store, contact_id) : NULL;

  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      BzwTalkingPoint *point = g_ptr_array_index (points, i);
      g_autofree char *label = name != NULL ? g_strdup_printf ("%s: %s", name, bzw_talking_point_get_text (point))
                                            : g_strdup (bzw_talking_point_get_text (point));
      GtkWidget *check = gtk_check_button_new_with_label (label);

      /* Raised at this encounter, most likely: ticked, to be unticked. */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_tooltip_text (check, _("Ticked off when the encounter is saved"));
      g_object_set_data (G_OBJECT (check), "bzw-id", GSIZE_TO_POINTER (bzw_talking_point_get_id (point)));
      gtk_box_append (GTK_BOX (self->list), check);
    }
}

/**
 * bzw_talking_points_box_set_people:
 * @participants: (element-type BzwParty): the encounter's participants
 *
 * Lists the open talking points of the contacts among @participants.
 */
void
bzw_talking_points_box_set_people (BzwTalkingPointsBox *self,
                                   GArray              *participants)
{
  GtkWidget *child;
  guint n_contacts = 0;

  g_return_if_fail (BZW_IS_TALKING_POINTS_BOX (self));

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_box_remove (GTK_BOX (self->list), child);

  for (guint i = 0; i < participants->len; i++)
    if (g_array_index (participants, BzwParty, i).contact_id != 0)
      n_contacts++;

  for (guint i = 0; i < participants->len; i++)
    {
      gint64 id = g_array_index (participants, BzwParty, i).contact_id;

      if (id != 0)
        add_points_of (self, id, n_contacts > 1);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), gtk_widget_get_first_child (self->list) != NULL);
}

/* Returns: (transfer full) (element-type gint64): the ticked talking points. */
GArray *
bzw_talking_points_box_dup_checked (BzwTalkingPointsBox *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (BZW_IS_TALKING_POINTS_BOX (self), ids);

  for (GtkWidget *child = gtk_widget_get_first_child (self->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "bzw-id"));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
        g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * bzw_talking_points_box_save_encounter:
 *
 * Saves @encounter and ticks off the checked talking points, in one
 * transaction, as raised at the encounter's time.
 */
gboolean
bzw_talking_points_box_save_encounter (BzwTalkingPointsBox  *self,
                                       BzwEncounter         *encounter,
                                       GError              **error)
{
  g_autoptr(GArray) ids = bzw_talking_points_box_dup_checked (self);
  gint64 when = MIN (bzw_encounter_get_happened_at (encounter), g_get_real_time () / G_USEC_PER_SEC);
  gboolean ok;

  if (!bzw_store_begin (self->store, error))
    return FALSE;

  ok = bzw_store_save_encounter (self->store, encounter, error) &&
       bzw_store_set_talking_points_done (self->store, ids, MAX (when, 1), error);

  return bzw_store_finish (self->store, ok, error);
}
