/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-dashboard-view"

#include "config.h"

#include "bzw-dashboard-occasions.h"

#include "bzw-follow-up-ui.h"
#include "bzw-keep-in-touch.h"
#include "bzw-labels.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>

/* The Überblick's „Anstehende Anlässe“ (birthdays and anniversaries of the
 * next 30 days, week by week) and the follow-ups that are due.
 */

static void
open_contact_cb (GtkListBoxRow *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "bzw-id"));

  gtk_widget_activate_action (GTK_WIDGET (row), "win.show-contact", "x", id);
}

static GtkWidget *
contact_row (gint64      contact_id,
             const char *title,
             const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "bzw-id", GSIZE_TO_POINTER (contact_id));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (open_contact_cb), NULL);
  return row;
}

/* „Geburtstag · Sa., 14.03. · wird 40“, „Hochzeitstag · heute · 10 Jahre“,
 * „Geburtstag · 02.04. · Jahr unbekannt“, „Namenstag · morgen“.
 */
static char *
occasion_subtitle (const BzwUpcomingOccasion *occasion)
{
  const char *kind = occasion->label == NULL ? _("Birthday") : bzw_labels_field_label (occasion->label);
  g_autofree char *when = NULL;
  g_autofree char *years = NULL;
  char day[64];

  g_date_strftime (day, sizeof day, "%a, %d.%m.", &occasion->day);
  when = occasion->days_until == 0 ? g_strdup (_("today"))
         : occasion->days_until == 1 ? g_strdup (_("tomorrow")) : g_strdup (day);

  if (occasion->name_day)
    /* „Namenstag · morgen“: a name day counts no years. */
    return g_strdup_printf ("%s · %s", kind, when);
  if (occasion->years < 0)
    years = g_strdup (_("Year unknown"));
  else if (occasion->label == NULL)
    /* Translators: the age on a birthday to come. */
    years = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "turns %d", "turns %d", occasion->years),
                             occasion->years);
  else
    /* Translators: the years an anniversary counts. */
    years = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", occasion->years),
                             occasion->years);

  return g_strdup_printf ("%s · %s · %s", kind, when, years);
}

/* „Diese Woche“, „Nächste Woche“, „Woche ab 23.03.“: weeks from Monday. */
static char *
week_title (int         week,
            const GDate *monday)
{
  char day[32];

  if (week == 0)
    return g_strdup (_("This Week"));
  if (week == 1)
    return g_strdup (_("Next Week"));
  g_date_strftime (day, sizeof day, "%d.%m.", monday);
  /* Translators: a heading among the occasions; %s is the date of a Monday. */
  return g_strdup_printf (_("Week of %s"), day);
}

static GtkWidget *
add_week (GtkWidget   *box,
          int          week,
          const GDate *monday)
{
  g_autofree char *title = week_title (week, monday);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 6);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  return list;
}

/**
 * bzw_dashboard_occasions_fill:
 *
 * Fills @group with the occasions of the next 30 days, week by week.
 */
void
bzw_dashboard_occasions_fill (GtkWidget          *group,
                              const BzwDashboard *o,
                              GDateTime          *now)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = NULL;
  GDate monday;
  int current_week = -1;

  bzw_date_from_date_time (&monday, now);
  g_date_subtract_days (&monday, g_date_get_weekday (&monday) - G_DATE_MONDAY);

  for (guint i = 0; i < o->occasions->len; i++)
    {
      const BzwUpcomingOccasion *occasion = &g_array_index (o->occasions, BzwUpcomingOccasion, i);
      g_autofree char *subtitle = occasion_subtitle (occasion);
      int week = g_date_days_between (&monday, &occasion->day) / 7;

      if (week != current_week)
        {
          GDate start = monday;

          g_date_add_days (&start, week * 7);
          list = add_week (box, week, &start);
          current_week = week;
        }
      gtk_list_box_append (GTK_LIST_BOX (list), contact_row (occasion->contact_id, occasion->name, subtitle));
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
}

/* Contacts in the due list because of their follow-up. */
guint
bzw_dashboard_count_due_follow_ups (const BzwDashboard *o)
{
  guint n = 0;

  for (guint i = 0; i < o->due->len; i++)
    if (g_array_index (o->due, BzwDueContact, i).keep_in_touch.reason == BZW_DUE_BY_FOLLOW_UP)
      n++;
  return n;
}

/* „Heute wiedervorlegen · Angebot nachfassen“, „Wiedervorlage am 14.12.2026“. */
static char *
follow_up_subtitle (const BzwFollowUpRow *row,
                    const char           *today,
                    gboolean             *due)
{
  g_autofree char *date = bzw_ui_format_date (row->day);
  g_autofree char *when = NULL;
  gboolean snoozed = row->snoozed_until != NULL && g_strcmp0 (row->snoozed_until, today) > 0;

  *due = !snoozed && g_strcmp0 (row->day, today) <= 0;
  if (snoozed)
    {
      g_autofree char *again = bzw_ui_format_date (row->snoozed_until);

      when = g_strdup_printf (_("Remind again on %s"), again);
    }
  else if (g_strcmp0 (row->day, today) == 0)
    when = g_strdup (_("Follow up today"));
  else if (*due)
    /* Translators: %s is the date of the follow-up. */
    when = g_strdup_printf (_("Follow up since %s"), date);
  else
    when = g_strdup_printf (_("Follow up on %s"), date);

  if (row->note == NULL)
    return g_steal_pointer (&when);
  return g_strdup_printf ("%s · %s", when, row->note);
}

/**
 * bzw_dashboard_follow_ups_fill:
 *
 * Fills @group with the follow-ups of the next 30 days; those due have
 * „Erledigt“ and „Später erinnern“.
 */
void
bzw_dashboard_follow_ups_fill (GtkWidget          *group,
                               const BzwDashboard *o,
                               GDateTime          *now)
{
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  for (guint i = 0; i < o->follow_ups->len; i++)
    {
      const BzwFollowUpRow *follow_up = &g_array_index (o->follow_ups, BzwFollowUpRow, i);
      gboolean due = FALSE;
      g_autofree char *subtitle = follow_up_subtitle (follow_up, today, &due);
      GtkWidget *row = contact_row (follow_up->contact_id, follow_up->name, subtitle);
      GtkWidget *icon = gtk_image_new_from_icon_name ("appointment-soon-symbolic");

      if (due)
        {
          /* Translators: %s is a name. */
          g_autofree char *done_label = g_strdup_printf (_("Follow-up with %s done"), follow_up->name);
          GtkWidget *done = bzw_ui_row_button ("object-select-symbolic", done_label);

          gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "win.follow-up");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (done), "(xs)", follow_up->contact_id, "done");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     bzw_follow_up_ui_snooze_button (follow_up->contact_id, follow_up->name));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
          gtk_widget_add_css_class (icon, "warning");
        }
      else
        gtk_widget_add_css_class (icon, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/**
 * bzw_dashboard_planned_fill:
 *
 * Fills @group with the encounters still to come („Geplant“).
 */
void
bzw_dashboard_planned_fill (GtkWidget          *group,
                            const BzwDashboard *o)
{
  for (guint i = 0; i < o->planned->len; i++)
    {
      const BzwPlannedRow *planned = &g_array_index (o->planned, BzwPlannedRow, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (planned->happened_at);
      g_autofree char *time = g_date_time_format (when, "%a, %d.%m.%Y, %H:%M");
      /* Translators: a planned encounter; %s is its day and time. */
      g_autofree char *subtitle = g_strdup_printf (_("Planned for %s"), time);
      GtkWidget *row = contact_row (planned->first_contact_id,
                                    planned->people != NULL ? planned->people : "", subtitle);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), planned->first_contact_id != 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/**
 * bzw_dashboard_planned_banner_new:
 *
 * Returns: (transfer floating) (nullable): a bar that asks whether the
 *   first planned encounter whose time has come took place, or %NULL
 */
GtkWidget *
bzw_dashboard_planned_banner_new (const BzwDashboard *o)
{
  const BzwPlannedRow *planned;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *day = NULL;
  g_autofree char *question = NULL;
  GtkWidget *bar;
  GtkWidget *label;
  GtkWidget *yes;
  GtkWidget *change;

  if (o->past_planned->len == 0)
    return NULL;

  planned = &g_array_index (o->past_planned, BzwPlannedRow, 0);
  when = g_date_time_new_from_unix_local (planned->happened_at);
  day = g_date_time_format (when, "%d.%m.%Y");
  /* Translators: %s are the people, then the day of a planned encounter. */
  question = g_strdup_printf (_("Did the planned encounter with %s on %s take place?"),
                              planned->people != NULL ? planned->people : "", day);

  bar = gtk_info_bar_new ();
  gtk_info_bar_set_message_type (GTK_INFO_BAR (bar), GTK_MESSAGE_QUESTION);
  label = gtk_label_new (question);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_info_bar_add_child (GTK_INFO_BAR (bar), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);

  yes = gtk_info_bar_add_button (GTK_INFO_BAR (bar), _("_Yes, It Did"), GTK_RESPONSE_YES);
  gtk_widget_set_tooltip_text (yes, _("Count the encounter as held"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (yes), "win.confirm-encounter");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (yes), "x", planned->encounter_id);
  change = gtk_info_bar_add_button (GTK_INFO_BAR (bar), _("_Change …"), GTK_RESPONSE_APPLY);
  gtk_widget_set_tooltip_text (change, _("Move it to another day, or delete it"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (change), "win.edit-encounter");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (change), "x", planned->encounter_id);
  return bar;
}
