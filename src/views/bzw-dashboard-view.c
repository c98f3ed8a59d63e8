/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-dashboard-view"

#include "config.h"

#include "bzw-bar-chart.h"
#include "bzw-keep-in-touch.h"
#include "bzw-labels.h"
#include "bzw-dashboard-occasions.h"
#include "bzw-dashboard-view.h"
#include "bzw-follow-up-ui.h"
#include "bzw-dashboard.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>
#include <string.h>

/* The "Überblick": whom to get in touch with, who has not been seen for a
 * long time, what I promised, which referrals wait for a thank-you, how
 * giving and receiving went, and how the relationship muscle grows.  It is
 * computed in a worker thread on a connection of its own.
 */

#define MAX_ROWS 8

struct _BzwDashboardView
{
  GtkWidget     parent_instance;

  BzwStore     *store;
  GCancellable *cancellable;
  guint         reload_id;
  gboolean      stale;

  GtkWidget    *scroller;
  GtkBox       *content;
  GPtrArray    *sections;
  GtkFlowBox   *figures;
  GtkWidget    *charts;
  BzwBarChart  *give_take_chart;
  BzwBarChart  *muscle_chart;
  GtkLabel     *give_take_summary;
  GtkLabel     *muscle_summary;
};

G_DEFINE_FINAL_TYPE (BzwDashboardView, bzw_dashboard_view, GTK_TYPE_WIDGET)

static void
open_contact_cb (GtkWidget *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "bzw-id"));

  gtk_widget_activate_action (row, "win.show-contact", "x", id);
}

static void
log_encounter_cb (GtkWidget *button)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bzw-id"));

  gtk_widget_activate_action (button, "win.log-encounter", "x", id);
}

static void
thank_cb (GtkWidget       *button,
          BzwDashboardView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bzw-id"));
  g_autoptr(BzwReferral) referral = bzw_store_dup_referral (self->store, id, NULL);
  g_autoptr(GError) error = NULL;

  if (referral == NULL)
    return;

  bzw_referral_set_thanked (referral, TRUE);
  if (!bzw_store_save_referral (self->store, referral, &error))
    g_warning ("Cannot mark a referral as thanked: %s", error->message);
}

static GtkWidget *
add_section (BzwDashboardView *self,
             const char      *title,
             const char      *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  /* Lists come between the figures and the charts. */
  gtk_box_insert_child_after (self->content, group,
                              self->sections->len > 0 ? g_ptr_array_index (self->sections, self->sections->len - 1)
                                                      : GTK_WIDGET (self->figures));
  g_ptr_array_add (self->sections, group);
  return group;
}

static GtkWidget *
add_contact_row (GtkWidget  *group,
                 gint64      contact_id,
                 const char *title,
                 const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (contact_id != 0)
    {
      g_object_set_data (G_OBJECT (row), "bzw-id", GSIZE_TO_POINTER (contact_id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (open_contact_cb), NULL);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
row_button (GtkWidget  *row,
            const char *label,
            const char *tooltip,
            gint64      id)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "bzw-id", GSIZE_TO_POINTER (id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static void
add_figure (BzwDashboardView *self,
            const char      *number,
            const char      *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (number);
  GtkWidget *label = gtk_label_new (caption);
  g_autofree char *accessible = g_strdup_printf ("%s %s", number, caption);

  gtk_widget_add_css_class (box, "card");
  g_object_set (box, "margin-start", 0, NULL);
  gtk_widget_set_size_request (box, 180, -1);
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_set_margin_top (value, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_flow_box_append (self->figures, box);
}

static char *
format_number (guint n)
{
  return g_strdup_printf ("%u", n);
}

/* Me → A → B → Me: giving that comes back through someone else.  Me → A →
 * Me is plain give and take, not a cycle.
 */
static gboolean
is_cycle_through_others (const BzwGivingCycle *cycle)
{
  return cycle->length >= 3;
}

static guint
count_cycles_through_others (const BzwDashboard *o)
{
  guint n = 0;

  for (guint i = 0; i < o->giving_cycles->len; i++)
    if (is_cycle_through_others (&g_array_index (o->giving_cycles, BzwGivingCycle, i)))
      n++;
  return n;
}

static void
show_figures (BzwDashboardView   *self,
              const BzwDashboard *o)
{
  g_autofree char *met = format_number (o->n_met_last_year);
  g_autofree char *met_caption = g_strdup_printf (_("of %u contacts met in the last 12 months"), o->n_contacts);
  g_autofree char *online = format_number (o->n_online_only);
  g_autofree char *reach = format_number (o->second_degree->len);
  g_autofree char *cycles = format_number (count_cycles_through_others (o));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures))) != NULL)
    gtk_flow_box_remove (self->figures, child);

  add_figure (self, met, met_caption);
  add_figure (self, online, _("known only online"));
  /* A tile that says 0 looks broken: it shows only when it means something. */
  if (o->second_degree->len > 0)
    add_figure (self, reach, _("second-degree contacts within reach"));
  if (count_cycles_through_others (o) > 0)
    add_figure (self, cycles, _("cycles of giving through your network"));
}

/* „Anstehende Anlässe“ and the follow-ups that are due. */
static gboolean
has_name_day (const GArray *occasions)
{
  for (guint i = 0; i < occasions->len; i++)
    if (g_array_index (occasions, BzwUpcomingOccasion, i).name_day)
      return TRUE;
  return FALSE;
}

static void
show_occasions (BzwDashboardView   *self,
                const BzwDashboard *o)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (o->computed_at);
  GtkWidget *banner = bzw_dashboard_planned_banner_new (o);
  GtkWidget *group;

  /* A planned encounter whose time has come: did it take place? */
  if (banner != NULL)
    {
      gtk_box_prepend (self->content, banner);
      g_ptr_array_add (self->sections, banner);
    }

  if (o->follow_ups->len > 0)
    {
      group = add_section (self, _("Follow-ups"), NULL);
      bzw_dashboard_follow_ups_fill (group, o, now);
    }

  if (o->planned->len > 0)
    {
      group = add_section (self, C_("encounters", "Planned"), NULL);
      bzw_dashboard_planned_fill (group, o);
    }

  if (o->occasions->len == 0)
    return;

  group = add_section (self, _("Upcoming Occasions"),
                       has_name_day (o->occasions) ? _("Birthdays, anniversaries and name days in the next 30 days")
                                                   : _("Birthdays and anniversaries in the next 30 days"));
  bzw_dashboard_occasions_fill (group, o, now);
}

static void
show_due (BzwDashboardView   *self,
          const BzwDashboard *o)
{
  guint n_due = o->due->len - bzw_dashboard_count_due_follow_ups (o);
  GtkWidget *group = add_section (self, _("Time to Get in Touch"),
                                  n_due == 0 ? _("Everyone is within their rhythm. Well done!") : NULL);
  guint shown = 0;

  for (guint i = 0; i < o->due->len && shown < MAX_ROWS; i++)
    {
      const BzwDueContact *due = &g_array_index (o->due, BzwDueContact, i);
      g_autofree char *description = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *row;
      GtkWidget *button;

      if (due->keep_in_touch.reason == BZW_DUE_BY_FOLLOW_UP)
        continue;

      shown++;
      description = bzw_keep_in_touch_dup_description (&due->keep_in_touch);
      tooltip = g_strdup_printf (_("Log an encounter with %s"), due->name);
      row = add_contact_row (group, due->contact_id, due->name, description);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bzw_follow_up_ui_snooze_button (due->contact_id, due->name));
      button = row_button (row, _("Log Encounter"), tooltip, due->contact_id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_signal_connect (button, "clicked", G_CALLBACK (log_encounter_cb), NULL);
      if (due->keep_in_touch.state == BZW_KEEP_IN_TOUCH_OVERDUE)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");

          gtk_widget_add_css_class (icon, "error");
          gtk_widget_set_tooltip_text (icon, description);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
    }

  if (n_due > MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                            n_due - MAX_ROWS),
                                               n_due - MAX_ROWS);

      add_contact_row (group, 0, more, _("Filter the contact list by “Due” to see everyone."));
    }
}

static void
show_unseen (BzwDashboardView   *self,
             const BzwDashboard *o)
{
  GtkWidget *group;

  if (o->long_unseen->len == 0)
    return;

  group = add_section (self, _("Not Seen for a Long Time"), _("No encounter for more than twelve months."));
  for (guint i = 0; i < MIN (o->long_unseen->len, MAX_ROWS); i++)
    {
      const BzwUnseenContact *unseen = &g_array_index (o->long_unseen, BzwUnseenContact, i);
      g_autofree char *date = bzw_ui_format_unix_date (unseen->last_encounter);
      g_autofree char *subtitle = g_strdup_printf (_("Last encounter on %s"), date);

      add_contact_row (group, unseen->contact_id, unseen->name, subtitle);
    }
}

/* „Kennengelernt über …“, counted: who opens doors for me. */
static void
show_introducers (BzwDashboardView   *self,
                  const BzwDashboard *o)
{
  GtkWidget *group;

  if (o->introducers->len == 0)
    return;

  group = add_section (self, _("Who Introduced You to Others"),
                       _("The contacts through whom you met others (“Met through” in the editor)."));
  for (guint i = 0; i < o->introducers->len; i++)
    {
      const BzwIntroducer *introducer = &g_array_index (o->introducers, BzwIntroducer, i);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Introduced you to %u contact",
                                                                "Introduced you to %u contacts",
                                                                introducer->n_introduced),
                                                   introducer->n_introduced);

      add_contact_row (group, introducer->contact_id, introducer->name, subtitle);
    }
}

static void
show_promised (BzwDashboardView   *self,
               const BzwDashboard *o)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  GtkWidget *group;

  if (o->promised_favours->len == 0)
    return;

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  group = add_section (self, _("Favours I Promised"), NULL);
  for (guint i = 0; i < MIN (o->promised_favours->len, MAX_ROWS); i++)
    {
      const BzwPromisedFavour *f = &g_array_index (o->promised_favours, BzwPromisedFavour, i);
      g_autofree char *due = bzw_ui_format_date (f->due);
      gboolean overdue = f->due != NULL && strcmp (f->due, today) < 0;
      g_autofree char *subtitle = due == NULL ? g_strdup_printf (_("For %s"), f->to_name)
                                  : overdue ? g_strdup_printf (_("For %s, overdue since %s"), f->to_name, due)
                                  : g_strdup_printf (_("For %s, due by %s"), f->to_name, due);
      GtkWidget *row = add_contact_row (group, f->to_id, f->description, subtitle);

      if (overdue)
        gtk_widget_add_css_class (row, "error");
    }
}

static void
show_unthanked (BzwDashboardView   *self,
                const BzwDashboard *o)
{
  GtkWidget *group;

  if (o->unthanked_referrals->len == 0)
    return;

  group = add_section (self, _("Referrals Awaiting Thanks"),
                       _("Someone recommended you. A short thank-you keeps giving alive."));
  for (guint i = 0; i < MIN (o->unthanked_referrals->len, MAX_ROWS); i++)
    {
      const BzwUnthankedReferral *r = &g_array_index (o->unthanked_referrals, BzwUnthankedReferral, i);
      g_autofree char *title = g_strdup_printf (_("%s recommended you to %s"), r->giver_name, r->referred_name);
      g_autofree char *date = bzw_ui_format_date (r->day);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", date, bzw_referral_state_get_label (r->state));
      g_autofree char *tooltip = g_strdup_printf (_("Mark the referral by %s as thanked"), r->giver_name);
      GtkWidget *row = add_contact_row (group, r->giver_id, title, subtitle);
      GtkWidget *button = row_button (row, _("Thanked"), tooltip, r->referral_id);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_signal_connect (button, "clicked", G_CALLBACK (thank_cb), self);
    }
}

static void
show_give_take (BzwDashboardView   *self,
                const BzwDashboard *o)
{
  double given[BZW_DASHBOARD_N_MONTHS];
  double received[BZW_DASHBOARD_N_MONTHS];
  char *labels[BZW_DASHBOARD_N_MONTHS];
  g_autofree char *given_text = bzw_labels_format_euros (o->give_take_total.given_cents);
  g_autofree char *received_text = bzw_labels_format_euros (o->give_take_total.received_cents);
  g_autofree char *summary = NULL;
  guint n = MIN (o->give_take_months->len, BZW_DASHBOARD_N_MONTHS);

  for (guint i = 0; i < n; i++)
    {
      const BzwGiveTakeMonth *m = &g_array_index (o->give_take_months, BzwGiveTakeMonth, i);
      g_autoptr(GDateTime) dt = g_date_time_new_utc (m->year, m->month, 1, 0, 0, 0);

      given[i] = m->give_take.given_cents / 100.0 + m->give_take.n_given;
      received[i] = m->give_take.received_cents / 100.0 + m->give_take.n_received;
      labels[i] = g_date_time_format (dt, "%b");
    }

  /* Translators: the sums of the last twelve months; no debt is implied. */
  summary = g_strdup_printf (_("In the last twelve months you gave %u times (worth %s) and received %u times (worth %s)."),
                             o->give_take_total.n_given, given_text,
                             o->give_take_total.n_received, received_text);
  gtk_label_set_label (self->give_take_summary, summary);
  bzw_bar_chart_set_data (self->give_take_chart, given, received, n, (const char * const *) labels, summary);

  for (guint i = 0; i < n; i++)
    g_free (labels[i]);
}

static void
show_muscle (BzwDashboardView   *self,
             const BzwDashboard *o)
{
  double all[BZW_DASHBOARD_N_WEEKS];
  double in_person[BZW_DASHBOARD_N_WEEKS];
  char *labels[BZW_DASHBOARD_N_WEEKS] = { NULL };
  guint n = MIN (o->encounters_per_week->len, BZW_DASHBOARD_N_WEEKS);
  guint total = 0;
  guint total_in_person = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n; i++)
    {
      const BzwWeekEncounters *w = &g_array_index (o->encounters_per_week, BzwWeekEncounters, i);

      in_person[i] = w->n_in_person;
      all[i] = w->n_encounters - w->n_in_person;
      total += w->n_encounters;
      total_in_person += w->n_in_person;
      if (g_date_get_day (&w->monday) <= 7 && g_date_get_month (&w->monday) % 3 == 1)
        {
          char buffer[32];

          g_date_strftime (buffer, sizeof buffer, "%b", &w->monday);
          labels[i] = g_strdup (buffer);
        }
    }

  summary = g_strdup_printf (_("%u encounters in the last 52 weeks, %u of them in person — about %.1f a week."),
                             total, total_in_person, n > 0 ? (double) total / n : 0.0);
  gtk_label_set_label (self->muscle_summary, summary);
  bzw_bar_chart_set_data (self->muscle_chart, in_person, all, n, (const char * const *) labels, summary);

  for (guint i = 0; i < n; i++)
    g_free (labels[i]);
}

static void
show_introductions (BzwDashboardView   *self,
                    const BzwDashboard *o)
{
  GtkWidget *group;

  if (o->introductions->len == 0)
    return;

  group = add_section (self, _("Introductions You Could Make"),
                       _("One of your contacts looks for what another offers."));
  for (guint i = 0; i < MIN (o->introductions->len, MAX_ROWS); i++)
    {
      const BzwIntroduction *intro = &g_array_index (o->introductions, BzwIntroduction, i);
      g_autofree char *title = g_strdup_printf (_("%s and %s"), intro->seeker_name, intro->offerer_name);
      g_autofree char *subtitle = g_strdup_printf (_("%s looks for “%s”, %s offers it"),
                                                   intro->seeker_name, intro->shared_words, intro->offerer_name);

      add_contact_row (group, intro->seeker_id, title, subtitle);
    }
}

static GtkWidget *
add_cycles_section (BzwDashboardView   *self,
                    const BzwDashboard *o,
                    gboolean            through_others,
                    const char         *title,
                    const char         *description)
{
  GtkWidget *group = NULL;
  guint shown = 0;

  for (guint i = 0; i < o->giving_cycles->len && shown < MAX_ROWS; i++)
    {
      const BzwGivingCycle *cycle = &g_array_index (o->giving_cycles, BzwGivingCycle, i);
      g_autoptr(GString) path = NULL;
      g_autofree char *value = NULL;

      if (is_cycle_through_others (cycle) != through_others)
        continue;

      if (group == NULL)
        group = add_section (self, title, description);
      path = g_string_new (_("Me"));
      value = bzw_labels_format_euros (cycle->value_cents);
      for (guint k = 0; k + 1 < cycle->length; k++)
        g_string_append_printf (path, through_others ? " → %s" : " ⇄ %s", cycle->names[k]);
      if (through_others)
        g_string_append_printf (path, " → %s", _("Me"));
      add_contact_row (group, cycle->contact_ids[0], path->str, value);
      shown++;
    }
  return group;
}

static void
show_cycles (BzwDashboardView   *self,
             const BzwDashboard *o)
{
  add_cycles_section (self, o, TRUE, _("Cycles of Giving"),
                      _("What you give can come back through others."));
  add_cycles_section (self, o, FALSE, _("Giving Both Ways"),
                      _("You and these contacts have given to each other."));
}

static void
show (BzwDashboardView   *self,
      const BzwDashboard *o)
{
  for (guint i = 0; i < self->sections->len; i++)
    gtk_box_remove (self->content, g_ptr_array_index (self->sections, i));
  g_ptr_array_set_size (self->sections, 0);

  show_figures (self, o);
  show_occasions (self, o);
  show_due (self, o);
  show_unthanked (self, o);
  show_promised (self, o);
  show_unseen (self, o);
  show_introducers (self, o);
  show_introductions (self, o);
  show_cycles (self, o);
  show_give_take (self, o);
  show_muscle (self, o);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BzwDashboardView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwDashboard) dashboard = bzw_dashboard_compute_finish (result, &error);

  if (dashboard == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot compute the dashboard: %s", error->message);
      return;
    }

  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    show (self, dashboard);
}

static gboolean
reload_cb (gpointer data)
{
  BzwDashboardView *self = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->reload_id = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  bzw_dashboard_compute_async (bzw_store_get_path (self->store), now, self->cancellable,
                              computed_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Many writes in a row cost one computation, and a hidden view none. */
static void
store_changed_cb (BzwDashboardView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (300, reload_cb, self);
}

static void
bzw_dashboard_view_map (GtkWidget *widget)
{
  BzwDashboardView *self = BZW_DASHBOARD_VIEW (widget);

  GTK_WIDGET_CLASS (bzw_dashboard_view_parent_class)->map (widget);

  if (self->stale)
    {
      self->stale = FALSE;
      g_clear_handle_id (&self->reload_id, g_source_remove);
      reload_cb (self);
    }
}

static GtkWidget *
chart_section (BzwDashboardView  *self,
               const char       *title,
               const char       *legend,
               BzwBarChart     **chart,
               GtkLabel        **summary)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *legend_label = gtk_label_new (NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_label_set_markup (GTK_LABEL (legend_label), legend);
  gtk_label_set_xalign (GTK_LABEL (legend_label), 0);
  gtk_widget_add_css_class (legend_label, "caption");
  *chart = BZW_BAR_CHART (bzw_bar_chart_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (*chart), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  *summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (*summary, TRUE);
  gtk_label_set_xalign (*summary, 0);
  gtk_widget_add_css_class (GTK_WIDGET (*summary), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*chart));
  gtk_box_append (GTK_BOX (box), legend_label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*summary));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  return group;
}

static void
bzw_dashboard_view_dispose (GObject *object)
{
  BzwDashboardView *self = BZW_DASHBOARD_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bzw_dashboard_view_parent_class)->dispose (object);
}

static void
bzw_dashboard_view_class_init (BzwDashboardViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_dashboard_view_dispose;
  widget_class->map = bzw_dashboard_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bzw_dashboard_view_init (BzwDashboardView *self)
{
  self->sections = g_ptr_array_new ();
}

GtkWidget *
bzw_dashboard_view_new (BzwStore *store)
{
  BzwDashboardView *self = g_object_new (BZW_TYPE_DASHBOARD_VIEW, NULL);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *charts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GdkRGBA blue;
  GdkRGBA green;
  GdkRGBA light_blue;

  self->charts = charts;

  self->store = g_object_ref (store);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  g_object_set (self->content, "margin-start", 12, "margin-end", 12, "margin-top", 24, "margin-bottom", 24, NULL);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);

  self->figures = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->figures, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (self->figures, TRUE);
  gtk_flow_box_set_max_children_per_line (self->figures, 4);
  gtk_flow_box_set_column_spacing (self->figures, 12);
  gtk_flow_box_set_row_spacing (self->figures, 12);
  gtk_box_append (self->content, GTK_WIDGET (self->figures));

  gtk_box_append (GTK_BOX (charts),
                  chart_section (self, _("Giving and Receiving"),
                                 _("<span foreground=\"#3584e4\">■</span> given   "
                                   "<span foreground=\"#2ec27e\">■</span> received, by value"),
                                 &self->give_take_chart, &self->give_take_summary));
  gtk_box_append (GTK_BOX (charts),
                  chart_section (self, _("Relationship Muscle"),
                                 _("<span foreground=\"#1c71d8\">■</span> in person   "
                                   "<span foreground=\"#99c1f1\">■</span> by phone, video or message, per week"),
                                 &self->muscle_chart, &self->muscle_summary));
  gtk_box_append (self->content, charts);

  gdk_rgba_parse (&blue, "#1c71d8");
  gdk_rgba_parse (&light_blue, "#99c1f1");
  bzw_bar_chart_set_colors (self->muscle_chart, &blue, &light_blue);
  gdk_rgba_parse (&blue, "#3584e4");
  gdk_rgba_parse (&green, "#2ec27e");
  bzw_bar_chart_set_colors (self->give_take_chart, &blue, &green);

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  self->stale = TRUE;
  return GTK_WIDGET (self);
}
