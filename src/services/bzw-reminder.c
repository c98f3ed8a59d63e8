/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-reminder"

#include "config.h"

#include "bzw-reminder.h"

#include "bzw-labels.h"
#include "bzw-occasions.h"
#include "bzw-store-stats.h"

#include <glib/gi18n-lib.h>

void
bzw_reminder_free (BzwReminder *reminder)
{
  if (reminder == NULL)
    return;

  g_free (reminder->title);
  g_free (reminder->body);
  g_free (reminder);
}

/**
 * bzw_reminder_dup_day:
 *
 * Returns: the calendar day of @now in its own time zone, as
 *   "YYYY-MM-DD": the value the app keeps in the "last-notification" key.
 */
char *
bzw_reminder_dup_day (GDateTime *now)
{
  g_return_val_if_fail (now != NULL, NULL);

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * bzw_reminder_is_time:
 * @enabled: whether the user wants the notification at all
 * @last_day: (nullable): the day of the last notification, as written by
 *   bzw_reminder_dup_day(), or "" or %NULL when there was none
 *
 * Returns: %TRUE when no notification went out on the day of @now yet and
 *   notifications are switched on.  A @last_day after today (the clock went
 *   back, or the settings came from another machine) does not block today's.
 */
gboolean
bzw_reminder_is_time (gboolean    enabled,
                      const char *last_day,
                      GDateTime  *now)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (now != NULL, FALSE);

  if (!enabled)
    return FALSE;

  if (last_day == NULL || last_day[0] == '\0')
    return TRUE;

  today = bzw_reminder_dup_day (now);
  return g_strcmp0 (last_day, today) != 0;
}

/* „Anna Berg: Geburtstag heute; Bernd Cordes: Jahrestag in 3 Tagen.“ */
static char *
dup_occasions_text (const GArray *occasions,
                    guint         max_names)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (occasions->len, max_names);

  for (guint i = 0; i < shown; i++)
    {
      const BzwUpcomingOccasion *occasion = &g_array_index (occasions, BzwUpcomingOccasion, i);
      const char *kind = occasion->label == NULL ? _("Birthday") : bzw_labels_field_label (occasion->label);

      if (i > 0)
        g_string_append (text, "; ");
      if (occasion->days_until == 0)
        /* Translators: in the daily reminder: a name, then "Birthday" or an anniversary's label. */
        g_string_append_printf (text, _("%s: %s today"), occasion->name, kind);
      else
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s: %s in %d day", "%s: %s in %d days",
                                                   occasion->days_until),
                                occasion->name, kind, occasion->days_until);
    }

  if (shown < occasions->len)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " and %u more occasion", " and %u more occasions",
                                               occasions->len - shown),
                            occasions->len - shown);
  g_string_append_c (text, '.');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * bzw_reminder_new:
 * @due: (element-type BzwDueContact): the result of
 *   bzw_store_stats_list_due(), the most urgent first
 * @occasions: (element-type BzwUpcomingOccasion) (nullable): the result of
 *   bzw_occasions_list_to_remind()
 * @max_names: how many names each part of the text shows at most
 *
 * Returns: (transfer full) (nullable): the notification's text, or %NULL
 *   when nobody is due and no occasion comes.
 */
BzwReminder *
bzw_reminder_new (const GArray *due,
                  const GArray *occasions,
                  guint         max_names)
{
  g_autoptr(BzwReminder) reminder = NULL;
  g_autofree char *occasions_text = NULL;

  g_return_val_if_fail (due != NULL, NULL);
  g_return_val_if_fail (max_names > 0, NULL);

  if (occasions == NULL || occasions->len == 0)
    return bzw_reminder_new_for_due (due, max_names);

  occasions_text = dup_occasions_text (occasions, max_names);
  reminder = bzw_reminder_new_for_due (due, max_names);
  if (reminder == NULL)
    {
      reminder = g_new0 (BzwReminder, 1);
      reminder->title = g_strdup (_("Birthdays and Anniversaries"));
      reminder->body = g_steal_pointer (&occasions_text);
      reminder->first_contact_id = g_array_index (occasions, BzwUpcomingOccasion, 0).contact_id;
    }
  else
    {
      char *body = g_strconcat (reminder->body, " ", occasions_text, NULL);

      g_free (reminder->body);
      reminder->body = body;
    }
  reminder->n_occasions = occasions->len;
  return g_steal_pointer (&reminder);
}

/**
 * bzw_reminder_new_for_due:
 * @due: (element-type BzwDueContact): the result of
 *   bzw_store_stats_list_due(), the most urgent first
 * @max_names: how many names the text shows at most
 *
 * Returns: (transfer full) (nullable): the notification's text, or %NULL
 *   when nobody is due.
 */
BzwReminder *
bzw_reminder_new_for_due (const GArray *due,
                          guint         max_names)
{
  BzwReminder *reminder;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *list = NULL;
  guint shown;

  g_return_val_if_fail (due != NULL, NULL);
  g_return_val_if_fail (max_names > 0, NULL);

  if (due->len == 0)
    return NULL;

  shown = MIN (due->len, max_names);
  for (guint i = 0; i < shown; i++)
    {
      const BzwDueContact *item = &g_array_index (due, BzwDueContact, i);

      /* All names shown: the last two go with “and”. */
      if (i > 0 && i == shown - 1 && shown == due->len)
        {
          g_autofree char *head = g_string_free (g_steal_pointer (&names), FALSE);

          names = g_string_new (NULL);
          /* Translators: the last two names of a list, e.g. "Anna, Bernd and Clara". */
          g_string_printf (names, _("%s and %s"), head, item->name);
          continue;
        }

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, item->name);
    }

  if (shown < due->len)
    {
      guint rest = due->len - shown;

      list = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u other", "%s and %u others", rest),
                              names->str, rest);
    }
  else
    {
      list = g_strdup (names->str);
    }

  reminder = g_new0 (BzwReminder, 1);
  reminder->n_due = due->len;
  reminder->first_contact_id = g_array_index (due, BzwDueContact, 0).contact_id;
  reminder->title = g_strdup (_("Time to Get in Touch"));
  reminder->body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u contact is waiting to hear from you: %s.",
                                                 "%u contacts are waiting to hear from you: %s.",
                                                 due->len),
                                    due->len, list);
  return reminder;
}

/**
 * bzw_reminder_check:
 * @enabled: the "notify-due" setting
 * @last_day: (nullable): the "last-notification" setting
 *
 * Decides whether the daily notification goes out now and what it says:
 * who is due (by rhythm or follow-up), and the birthdays and anniversaries
 * within the lead time of the contact's circles.
 *
 * Returns: (transfer full) (nullable): the notification, or %NULL with no
 *   error when it is not time (switched off, sent today already, or nobody
 *   is due).  After sending it, store bzw_reminder_dup_day() of @now as the
 *   last notification's day.
 */
BzwReminder *
bzw_reminder_check (BzwStore    *store,
                    gboolean     enabled,
                    const char  *last_day,
                    GDateTime   *now,
                    GError     **error)
{
  g_autoptr(GArray) due = NULL;
  g_autoptr(GArray) occasions = NULL;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bzw_reminder_is_time (enabled, last_day, now))
    return NULL;

  due = bzw_store_stats_list_due (store, now, FALSE, NULL, error);
  if (due == NULL)
    return NULL;
  occasions = bzw_occasions_list_to_remind (store, now, error);
  if (occasions == NULL)
    return NULL;

  g_debug ("%u contacts due, %u occasions", due->len, occasions->len);
  return bzw_reminder_new (due, occasions, BZW_REMINDER_MAX_NAMES);
}
