/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-follow-up-ui"

#include "config.h"

#include "bzw-follow-up-ui.h"

#include "bzw-occasion.h"
#include "bzw-store-occasions.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>
#include <string.h>

/* „Wiedervorlage“ and „Später erinnern“ in the window: the menus of quick
 * choices, the contact page's group, and what the window's actions
 * win.follow-up and win.snooze do.  Both actions take (contact id,
 * choice); a choice is a quick one ("week", "tomorrow", …), "date" to
 * pick one in a dialog, "clear", "done" (a follow-up), or a day
 * "YYYY-MM-DD" (for a follow-up optionally followed by a newline and the
 * note), which is what the undo of a toast sets back.
 */

typedef struct
{
  const char *label;
  const char *choice;
} Choice;

static const Choice snooze_choices[] = {
  { N_("_Tomorrow"), "tomorrow" },
  { N_("_Next Week"), "next-week" },
  { N_("In a _Month"), "next-month" },
  { N_("Pick a _Date …"), "date" },
};

static const Choice follow_up_choices[] = {
  { N_("In a _Week"), "week" },
  { N_("In _Two Weeks"), "two-weeks" },
  { N_("In a _Month"), "month" },
  { N_("Pick a _Date …"), "date" },
};

static GMenuModel *
make_menu (const char   *action,
           gint64        contact_id,
           const Choice *choices,
           guint         n_choices)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < n_choices; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(choices[i].label), NULL);

      g_menu_item_set_action_and_target (item, action, "(xs)", contact_id, choices[i].choice);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

/* Morgen, Nächste Woche, In einem Monat, a date: for win.snooze. */
GMenuModel *
bzw_follow_up_ui_snooze_menu (gint64 contact_id)
{
  return make_menu ("win.snooze", contact_id, snooze_choices, G_N_ELEMENTS (snooze_choices));
}

/* In einer Woche, In zwei Wochen, In einem Monat, a date: for win.follow-up. */
GMenuModel *
bzw_follow_up_ui_follow_up_menu (gint64 contact_id)
{
  return make_menu ("win.follow-up", contact_id, follow_up_choices, G_N_ELEMENTS (follow_up_choices));
}

static GtkWidget *
menu_button (const char *icon_name,
             const char *label,
             GMenuModel *menu)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), icon_name);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

/* „Später erinnern“ on a row that names a due contact. */
GtkWidget *
bzw_follow_up_ui_snooze_button (gint64      contact_id,
                                const char *name)
{
  g_autoptr(GMenuModel) menu = bzw_follow_up_ui_snooze_menu (contact_id);
  /* Translators: a button on the row of a due contact; %s is the name. */
  g_autofree char *label = g_strdup_printf (_("Remind me later about %s"), name);

  return menu_button ("media-playback-pause-symbolic", label, menu);
}

static GtkWidget *
action_button (const char *icon_name,
               const char *label,
               const char *action,
               gint64      contact_id,
               const char *choice)
{
  GtkWidget *button = bzw_ui_row_button (icon_name, label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xs)", contact_id, choice);
  return button;
}

static char *
today_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static GtkWidget *
follow_up_row (BzwContact *contact)
{
  gint64 id = bzw_contact_get_id (contact);
  const char *day = bzw_contact_get_follow_up_on (contact);
  const char *note = bzw_contact_get_follow_up_note (contact);
  g_autoptr(GMenuModel) menu = bzw_follow_up_ui_follow_up_menu (id);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *today = today_string ();
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (day == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No follow-up"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Bring this person back to mind on a day you choose"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button ("appointment-new-symbolic",
                                                                    _("Set Follow-up"), menu));
      return row;
    }

  date = bzw_ui_format_date (day);
  /* Translators: %s is the date of a follow-up („Wiedervorlage“). */
  if (g_strcmp0 (day, today) == 0)
    title = g_strdup (_("Follow up today"));
  else
    title = g_strdup_printf (g_strcmp0 (day, today) < 0 ? _("Follow up now (since %s)") : _("Follow up on %s"), date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), note != NULL ? note : _("Follow-up"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("appointment-soon-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button ("document-edit-symbolic",
                                                                _("Change Follow-up"), menu));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button ("edit-clear-symbolic", _("Remove Follow-up"),
                                                                  "win.follow-up", id, "clear"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button ("object-select-symbolic", _("Follow-up Done"),
                                                                  "win.follow-up", id, "done"));
  return row;
}

/**
 * bzw_follow_up_ui_group:
 *
 * The contact page's „Wiedervorlage“: the follow-up with its quick
 * choices, and a snooze while it holds.
 */
GtkWidget *
bzw_follow_up_ui_group (BzwContact *contact)
{
  GtkWidget *group = adw_preferences_group_new ();
  const char *snoozed = bzw_contact_get_snoozed_until (contact);
  g_autofree char *today = today_string ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Follow-up"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), follow_up_row (contact));

  if (snoozed != NULL && g_strcmp0 (snoozed, today) > 0)
    {
      g_autofree char *date = bzw_ui_format_date (snoozed);
      g_autofree char *title = g_strdup_printf (_("Remind again on %s"), date);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not due before then"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("media-playback-pause-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 action_button ("edit-clear-symbolic", _("Remind as Usual"),
                                                "win.snooze", bzw_contact_get_id (contact), "clear"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

/* „Beim nächsten Mal ansprechen“ */

static void
toast_dismissed_cb (AdwToast  *toast,
                    GtkWidget *overlay)
{
  if (g_object_get_data (G_OBJECT (overlay), "bzw-follow-up-toast") == toast)
    g_object_set_data (G_OBJECT (overlay), "bzw-follow-up-toast", NULL);
}

/* Shows @toast in place of one of ours still shown: only the undo of the
 * last change is offered.
 */
static void
show_toast (GtkWidget *widget,
            AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *previous;

  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }

  previous = g_object_get_data (G_OBJECT (overlay), "bzw-follow-up-toast");
  if (previous != NULL)
    adw_toast_dismiss (previous);
  g_object_set_data (G_OBJECT (overlay), "bzw-follow-up-toast", toast);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
point_toast (GtkWidget  *widget,
             const char *title,
             gint64      point_id)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.reopen-talking-point");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (point_id));
  show_toast (widget, toast);
}

static void
point_done_cb (GtkButton *button,
               BzwStore  *store)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bzw-id"));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_TOAST_OVERLAY);

  g_array_append_val (ids, id);
  /* The page is rebuilt by the change: the toast goes to the overlay. */
  if (!bzw_store_set_talking_points_done (store, ids, g_get_real_time () / G_USEC_PER_SEC, &error))
    bzw_ui_show_error (GTK_WIDGET (button), _("The Talking Point Could Not Be Changed"), error);
  else if (overlay != NULL)
    point_toast (overlay, _("Talking point ticked off"), id);
}

static void
point_add_cb (AdwEntryRow *row,
              BzwStore    *store)
{
  g_autoptr(BzwTalkingPoint) point = bzw_talking_point_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    return;

  bzw_talking_point_set_contact_id (point, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "bzw-id")));
  bzw_talking_point_set_text (point, text);
  if (!bzw_store_save_talking_point (store, point, &error))
    bzw_ui_show_error (GTK_WIDGET (row), _("The Talking Point Could Not Be Added"), error);
}

static void
point_add_clicked_cb (GtkButton   *button,
                      AdwEntryRow *row)
{
  point_add_cb (row, g_object_get_data (G_OBJECT (button), "bzw-store"));
}

static void
point_delete_cb (GtkButton *button,
                 BzwStore  *store)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bzw-id"));
  g_autoptr(GError) error = NULL;

  if (!bzw_store_delete_talking_point (store, id, &error))
    bzw_ui_show_error (GTK_WIDGET (button), _("The Talking Point Could Not Be Removed"), error);
}

static GtkWidget *
point_row (BzwStore        *store,
           BzwTalkingPoint *point)
{
  const char *text = bzw_talking_point_get_text (point);
  gint64 id = bzw_talking_point_get_id (point);
  g_autofree char *tick_label = g_strdup_printf (_("Tick off “%s”"), text);
  g_autofree char *delete_label = g_strdup_printf (_("Remove “%s”"), text);
  g_autofree char *noted = bzw_ui_format_unix_date (bzw_talking_point_get_created (point));
  g_autofree char *subtitle = g_strdup_printf (_("Noted on %s"), noted);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *done = bzw_ui_row_button ("object-select-symbolic", tick_label);
  GtkWidget *delete = bzw_ui_row_button ("user-trash-symbolic", delete_label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (done), "bzw-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (done, "clicked", G_CALLBACK (point_done_cb), store, 0);
  g_object_set_data (G_OBJECT (delete), "bzw-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (delete, "clicked", G_CALLBACK (point_delete_cb), store, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("mail-unread-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
  return row;
}

/**
 * bzw_follow_up_ui_talking_points_group:
 *
 * The contact page's „Beim nächsten Mal ansprechen“: the open talking
 * points, each to tick off or remove, and a row to add one.
 */
GtkWidget *
bzw_follow_up_ui_talking_points_group (BzwStore   *store,
                                       BzwContact *contact)
{
  g_autoptr(GPtrArray) points = bzw_store_list_talking_points (store, bzw_contact_get_id (contact), FALSE, NULL);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = adw_entry_row_new ();
  GtkWidget *add_button = bzw_ui_row_button ("list-add-symbolic", _("Add Talking Point"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Bring Up Next Time"));
  for (guint i = 0; points != NULL && i < points->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), point_row (store, g_ptr_array_index (points, i)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Something to raise next time"));
  g_object_set_data (G_OBJECT (add), "bzw-id", GSIZE_TO_POINTER (bzw_contact_get_id (contact)));
  g_signal_connect_object (add, "entry-activated", G_CALLBACK (point_add_cb), store, 0);
  g_signal_connect_object (add_button, "clicked", G_CALLBACK (point_add_clicked_cb), add, 0);
  g_object_set_data (G_OBJECT (add_button), "bzw-store", store);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (add), add_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
  return group;
}

/* The undo of ticking a talking point off: win.reopen-talking-point. */
void
bzw_follow_up_ui_reopen_point (GtkWidget *widget,
                               BzwStore  *store,
                               GVariant  *parameter)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  g_array_append_val (ids, id);
  if (!bzw_store_set_talking_points_done (store, ids, 0, &error))
    bzw_ui_show_error (widget, _("The Talking Point Could Not Be Changed"), error);
}

/* Choosing a day */

static char *
day_after (int days,
           int months)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_full (now, 0, months, days, 0, 0, 0);

  return g_date_time_format (then, "%Y-%m-%d");
}

static char *
snooze_day (const char *choice)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  BzwSnooze snooze = g_str_equal (choice, "tomorrow") ? BZW_SNOOZE_TOMORROW
                     : g_str_equal (choice, "next-week") ? BZW_SNOOZE_NEXT_WEEK : BZW_SNOOZE_NEXT_MONTH;
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autoptr(GDate) until = bzw_snooze_until (snooze, today);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (until), g_date_get_month (until),
                          g_date_get_day (until));
}

typedef struct
{
  GtkWidget *widget;
  BzwStore  *store;
  gint64     contact_id;
  gboolean   follow_up;
} DateRequest;

static void
date_request_free (DateRequest *request)
{
  g_clear_object (&request->widget);
  g_clear_object (&request->store);
  g_free (request);
}

static void
date_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  DateRequest      *request)
{
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (dialog), "bzw-calendar");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "bzw-note");
  g_autoptr(GDateTime) picked = NULL;
  g_autofree char *choice = NULL;
  g_autofree char *day = NULL;

  if (g_strcmp0 (response, "set") != 0)
    return;

  picked = gtk_calendar_get_date (calendar);
  day = g_date_time_format (picked, "%Y-%m-%d");
  choice = note != NULL ? g_strconcat (day, "\n", gtk_editable_get_text (note), NULL) : g_strdup (day);
  if (request->follow_up)
    bzw_follow_up_ui_set (request->widget, request->store, g_variant_new ("(xs)", request->contact_id, choice));
  else
    bzw_follow_up_ui_snooze (request->widget, request->store, g_variant_new ("(xs)", request->contact_id, choice));
}

static void
ask_for_date (GtkWidget  *widget,
              BzwStore   *store,
              BzwContact *contact,
              gboolean    follow_up)
{
  DateRequest *request = g_new0 (DateRequest, 1);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *calendar = gtk_calendar_new ();
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = bzw_contact_dup_best_name (contact);

  request->widget = g_object_ref (widget);
  request->store = g_object_ref (store);
  request->contact_id = bzw_contact_get_id (contact);
  request->follow_up = follow_up;

  dialog = bzw_ui_question_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                follow_up ? _("Follow-up") : _("Remind Later"), name,
                                "set", follow_up ? _("_Set Follow-up") : _("_Remind Then"),
                                ADW_RESPONSE_SUGGESTED);
  tomorrow = g_date_time_add_days (now, 1);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), tomorrow);
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  follow_up ? _("Day of the follow-up") : _("Day to be reminded again"), -1);
  gtk_box_append (GTK_BOX (box), calendar);
  g_object_set_data (G_OBJECT (dialog), "bzw-calendar", calendar);
  if (follow_up)
    {
      GtkWidget *note = gtk_entry_new ();
      const char *current = bzw_contact_get_follow_up_note (contact);

      gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("What about (optional)"));
      gtk_editable_set_text (GTK_EDITABLE (note), current != NULL ? current : "");
      gtk_entry_set_activates_default (GTK_ENTRY (note), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("What the follow-up is about"), -1);
      gtk_box_append (GTK_BOX (box), note);
      g_object_set_data (G_OBJECT (dialog), "bzw-note", note);
    }
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_data (dialog, "response", G_CALLBACK (date_response_cb), request,
                         (GClosureNotify) (void (*) (void)) date_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A toast that says what was done, with an undo that sets @previous back. */
static void
toast_with_undo (GtkWidget  *widget,
                 const char *title,
                 const char *action,
                 gint64      contact_id,
                 const char *previous)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, action);
  adw_toast_set_action_target_value (toast, g_variant_new ("(xs)", contact_id, previous));
  show_toast (widget, toast);
}

/* The contact and the choice of a (contact id, choice) parameter, or NULL
 * when the contact is gone or a day is still to be asked for (it is asked
 * here).
 */
static BzwContact *
take_parameter (GtkWidget  *widget,
                BzwStore   *store,
                GVariant   *parameter,
                gboolean    follow_up,
                char      **choice)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (parameter);
  BzwContact *contact;
  gint64 id;

  g_variant_get (owned, "(xs)", &id, choice);
  contact = bzw_store_dup_contact (store, id, NULL);
  if (contact != NULL && g_str_equal (*choice, "date"))
    {
      ask_for_date (widget, store, contact, follow_up);
      g_clear_object (&contact);
    }

  return contact;
}

/**
 * bzw_follow_up_ui_snooze:
 * @parameter: (contact id, choice) of win.snooze
 *
 * „Später erinnern“: snoozes the contact, or asks for the day.
 */
void
bzw_follow_up_ui_snooze (GtkWidget *widget,
                         BzwStore  *store,
                         GVariant  *parameter)
{
  g_autofree char *choice = NULL;
  g_autoptr(BzwContact) contact = take_parameter (widget, store, parameter, FALSE, &choice);
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  if (contact == NULL)
    return;
  id = bzw_contact_get_id (contact);

  if (g_str_equal (choice, "tomorrow") || g_str_equal (choice, "next-week") || g_str_equal (choice, "next-month"))
    day = snooze_day (choice);
  else if (!g_str_equal (choice, "clear"))
    day = g_strndup (choice, 10);

  previous = g_strdup (bzw_contact_get_snoozed_until (contact));
  if (!bzw_store_set_snoozed_until (store, id, day, &error))
    {
      bzw_ui_show_error (widget, _("The Reminder Could Not Be Changed"), error);
      return;
    }

  if (day != NULL)
    {
      g_autofree char *date = bzw_ui_format_date (day);
      g_autofree char *name = bzw_contact_dup_best_name (contact);

      /* Translators: %s is a name, %s a date. */
      title = g_strdup_printf (_("%s: reminder on %s"), name, date);
    }
  else
    title = g_strdup (_("Reminded as usual again"));
  toast_with_undo (widget, title, "win.snooze", id, previous != NULL ? previous : "clear");
}

static void
log_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 GtkWidget        *widget)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "bzw-id"));

  if (g_strcmp0 (response, "log") == 0)
    gtk_widget_activate_action (widget, "win.log-encounter", "x", id);
}

/* A follow-up done: was there an encounter to write down? */
static void
offer_encounter (GtkWidget  *widget,
                 BzwContact *contact)
{
  g_autofree char *name = bzw_contact_dup_best_name (contact);
  g_autofree char *body = g_strdup_printf (_("Write down how you followed up with %s?"), name);
  AdwMessageDialog *dialog = bzw_ui_question_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                  _("Follow-up Done"), body,
                                                  "log", _("_Log Encounter"), ADW_RESPONSE_SUGGESTED);

  adw_message_dialog_set_response_label (dialog, "cancel", _("_Not Now"));
  g_object_set_data (G_OBJECT (dialog), "bzw-id", GSIZE_TO_POINTER (bzw_contact_get_id (contact)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (log_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
follow_up_day (const char *choice)
{
  if (g_str_equal (choice, "week"))
    return day_after (7, 0);
  if (g_str_equal (choice, "two-weeks"))
    return day_after (14, 0);
  if (g_str_equal (choice, "month"))
    return day_after (0, 1);
  return g_strndup (choice, 10);
}

/**
 * bzw_follow_up_ui_set:
 * @parameter: (contact id, choice) of win.follow-up
 *
 * Sets, changes, clears or completes the contact's „Wiedervorlage“; a
 * quick choice keeps the note.  Completing it offers to log the encounter.
 */
void
bzw_follow_up_ui_set (GtkWidget *widget,
                      BzwStore  *store,
                      GVariant  *parameter)
{
  g_autofree char *choice = NULL;
  g_autoptr(BzwContact) contact = take_parameter (widget, store, parameter, TRUE, &choice);
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  const char *note;
  gint64 id;

  if (contact == NULL)
    return;
  id = bzw_contact_get_id (contact);

  note = bzw_contact_get_follow_up_note (contact);
  if (!g_str_equal (choice, "clear") && !g_str_equal (choice, "done"))
    {
      day = follow_up_day (choice);
      if (strchr (choice, '\n') != NULL)
        note = strchr (choice, '\n') + 1;
    }
  if (bzw_contact_get_follow_up_on (contact) != NULL)
    previous = g_strconcat (bzw_contact_get_follow_up_on (contact), "\n", note != NULL ? note : "", NULL);

  if (!bzw_store_set_follow_up (store, id, day, note, &error))
    {
      bzw_ui_show_error (widget, _("The Follow-up Could Not Be Changed"), error);
      return;
    }

  if (day != NULL)
    {
      g_autofree char *date = bzw_ui_format_date (day);

      title = g_strdup_printf (_("Follow up on %s"), date);
    }
  else
    title = g_strdup (g_str_equal (choice, "done") ? _("Follow-up Done") : _("Follow-up removed"));
  toast_with_undo (widget, title, "win.follow-up", id, previous != NULL ? previous : "clear");

  if (g_str_equal (choice, "done"))
    offer_encounter (widget, contact);
}
