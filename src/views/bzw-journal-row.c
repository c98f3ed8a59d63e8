/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-journal-row"

#include "config.h"

#include "bzw-journal-row.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

struct _BzwJournalRow
{
  GtkWidget       parent_instance;

  BzwJournalItem *item;

  GtkButton      *advance_button;
  GtkLabel       *date_label;
  GtkImage       *icon;
  GtkLabel       *month_label;
  GtkLabel       *state_label;
  GtkLabel       *summary_label;
  GtkLabel       *title_label;
};

G_DEFINE_FINAL_TYPE (BzwJournalRow, bzw_journal_row, GTK_TYPE_WIDGET)

/* One click moves a favour or referral on to its next state. */
static void
advance_clicked_cb (BzwJournalRow *self)
{
  if (self->item == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "journal.advance", "(ix)",
                              (int) bzw_journal_item_get_kind (self->item),
                              bzw_journal_item_get_id (self->item));
}

static void
bzw_journal_row_dispose (GObject *object)
{
  BzwJournalRow *self = BZW_JOURNAL_ROW (object);

  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_JOURNAL_ROW);
  G_OBJECT_CLASS (bzw_journal_row_parent_class)->dispose (object);
}

static void
bzw_journal_row_class_init (BzwJournalRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_journal_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-journal-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwJournalRow, advance_button);
  gtk_widget_class_bind_template_child (widget_class, BzwJournalRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, BzwJournalRow, icon);
  gtk_widget_class_bind_template_child (widget_class, BzwJournalRow, month_label);
  gtk_widget_class_bind_template_child (widget_class, BzwJournalRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, BzwJournalRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BzwJournalRow, title_label);
  gtk_widget_class_bind_template_callback (widget_class, advance_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bzw_journal_row_init (BzwJournalRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bzw_journal_row_new (void)
{
  return g_object_new (BZW_TYPE_JOURNAL_ROW, NULL);
}

BzwJournalItem *
bzw_journal_row_get_item (BzwJournalRow *self)
{
  g_return_val_if_fail (BZW_IS_JOURNAL_ROW (self), NULL);

  return self->item;
}

void
bzw_journal_row_set_item (BzwJournalRow  *self,
                          BzwJournalItem *item)
{
  const char *month;
  const char *state;
  const char *next;
  g_autofree char *date = NULL;
  g_autofree char *advance = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (BZW_IS_JOURNAL_ROW (self));

  g_set_object (&self->item, item);
  if (item == NULL)
    return;

  month = bzw_journal_item_get_month (item);
  state = bzw_journal_item_get_state (item);
  next = bzw_journal_item_get_next_state (item);
  date = bzw_ui_format_unix_date (bzw_journal_item_get_when (item));

  gtk_label_set_label (self->month_label, month != NULL ? month : "");
  gtk_widget_set_visible (GTK_WIDGET (self->month_label), month != NULL);
  gtk_image_set_from_icon_name (self->icon, bzw_journal_item_get_icon_name (item));
  gtk_label_set_label (self->title_label, bzw_journal_item_get_title (item));
  gtk_label_set_label (self->summary_label, bzw_journal_item_get_summary (item));
  gtk_label_set_label (self->date_label, date);
  gtk_label_set_label (self->state_label, state != NULL ? state : "");
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), state != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->advance_button), next != NULL);
  if (next != NULL)
    {
      /* Translators: a button that moves a favour or referral on, e.g. to „Zugesagt“. */
      advance = g_strdup_printf (_("Mark as “%s”"), next);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->advance_button), advance);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->advance_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, advance, -1);
    }

  label = g_strdup_printf ("%s, %s, %s%s%s", date, bzw_journal_item_get_title (item),
                           bzw_journal_item_get_summary (item),
                           state != NULL ? ", " : "", state != NULL ? state : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
