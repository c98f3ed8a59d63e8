/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-contact-row"

#include "config.h"

#include "bzw-contact-row.h"
#include "bzw-ui-utils.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _BzwContactRow
{
  GtkWidget     parent_instance;

  BzwContact   *contact;
  BzwNameOrder  name_display;

  AdwAvatar    *avatar;
  GtkImage     *dates_icon;
  GtkImage     *due_icon;
  GtkLabel     *name_label;
  GtkLabel     *subtitle_label;
};

G_DEFINE_FINAL_TYPE (BzwContactRow, bzw_contact_row, GTK_TYPE_WIDGET)

static void
bzw_contact_row_dispose (GObject *object)
{
  BzwContactRow *self = BZW_CONTACT_ROW (object);

  g_clear_object (&self->contact);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_CONTACT_ROW);
  bzw_ui_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (bzw_contact_row_parent_class)->dispose (object);
}

/* A follow-up still to come, or a snooze that holds: an icon that says so. */
static void
update_dates_icon (BzwContactRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *snoozed = bzw_contact_get_snoozed_until (self->contact);
  const char *follow_up = bzw_contact_get_follow_up_on (self->contact);
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  GtkWidget *icon = GTK_WIDGET (self->dates_icon);

  if (snoozed != NULL && g_strcmp0 (snoozed, today) > 0)
    {
      date = bzw_ui_format_date (snoozed);
      /* Translators: a contact's reminder is snoozed; %s is a date. */
      text = g_strdup_printf (_("Remind again on %s"), date);
      gtk_image_set_from_icon_name (self->dates_icon, "media-playback-pause-symbolic");
    }
  else if (follow_up != NULL)
    {
      date = bzw_ui_format_date (follow_up);
      /* Translators: a contact's follow-up („Wiedervorlage“); %s is a date. */
      text = g_strdup_printf (_("Follow up on %s"), date);
      gtk_image_set_from_icon_name (self->dates_icon, "appointment-soon-symbolic");
    }

  gtk_widget_set_visible (icon, text != NULL);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (icon), text) != 0)
    gtk_widget_set_tooltip_text (icon, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "", -1);
}

static void
bzw_contact_row_class_init (BzwContactRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_contact_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwContactRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, BzwContactRow, dates_icon);
  gtk_widget_class_bind_template_child (widget_class, BzwContactRow, due_icon);
  gtk_widget_class_bind_template_child (widget_class, BzwContactRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BzwContactRow, subtitle_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bzw_contact_row_init (BzwContactRow *self)
{
  self->name_display = BZW_NAME_ORDER_GIVEN;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bzw_contact_row_new (void)
{
  return g_object_new (BZW_TYPE_CONTACT_ROW, NULL);
}

BzwContact *
bzw_contact_row_get_contact (BzwContactRow *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT_ROW (self), NULL);

  return self->contact;
}

void
bzw_contact_row_set_contact (BzwContactRow *self,
                             BzwContact    *contact)
{
  g_autofree char *name = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GdkPaintable) photo = NULL;

  g_return_if_fail (BZW_IS_CONTACT_ROW (self));

  if (!g_set_object (&self->contact, contact) || contact == NULL)
    return;

  name = bzw_name_dup_shown_for_contact (contact, self->name_display);
  subtitle = bzw_contact_dup_subtitle (contact);
  photo = bzw_ui_dup_photo_paintable (contact);

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);
  /* Initials of given and family name: „HB“ for „Dr. Heike Brandt“ and
   * for „Brandt, Heike“ too.
   */
  initials = bzw_name_dup_initials_text_for_contact (contact);
  adw_avatar_set_text (self->avatar, initials);
  adw_avatar_set_custom_image (self->avatar, photo);
  update_dates_icon (self);

  if (bzw_contact_get_archived (contact))
    gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_label), "dim-label");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle != NULL ? subtitle : "",
                                  -1);
}

/* How the name is shown, for the next contact set. */
void
bzw_contact_row_set_name_display (BzwContactRow *self,
                                  BzwNameOrder   display)
{
  g_return_if_fail (BZW_IS_CONTACT_ROW (self));

  if (self->name_display == display)
    return;
  self->name_display = display;
  if (self->contact != NULL)
    {
      g_autoptr(BzwContact) contact = g_steal_pointer (&self->contact);

      bzw_contact_row_set_contact (self, contact);
    }
}

/* @level: 0 nothing due, 1 time to get in touch (yellow), 2 overdue (red). */
void
bzw_contact_row_set_due (BzwContactRow *self,
                         int            level,
                         const char    *tooltip)
{
  GtkWidget *icon = GTK_WIDGET (self->due_icon);

  g_return_if_fail (BZW_IS_CONTACT_ROW (self));

  gtk_widget_set_visible (icon, level > 0);
  /* Setting a tooltip asks the display where the pointer is: only when it
   * changes.
   */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (icon), tooltip) != 0)
    gtk_widget_set_tooltip_text (icon, tooltip);
  gtk_widget_remove_css_class (icon, "warning");
  gtk_widget_remove_css_class (icon, "error");
  if (level == 1)
    gtk_widget_add_css_class (icon, "warning");
  else if (level == 2)
    gtk_widget_add_css_class (icon, "error");

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip != NULL ? tooltip : "",
                                  -1);
}
