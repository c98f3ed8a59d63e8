/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Keep-in-touch rhythm
 * ====================
 *
 * A rhythm has two thresholds in days: the ideal interval (after which the
 * person is „fällig“, shown yellow) and the latest interval (after which
 * they are „überfällig“, shown red).
 *
 * Which rhythm applies, threshold by threshold: the contact's own value if
 * set, else the tightest (smallest) value among the circles the contact is
 * in.  When only one threshold is known, the other does not exist: with no
 * latest interval a contact never turns red; with no ideal interval the
 * latest one is also the ideal one.  An ideal interval longer than the
 * latest is cut to the latest.
 *
 * The count starts at the calendar day of the last encounter (any channel),
 * or at the day the contact was added when there was none.  Everything is
 * counted in whole calendar days in the local time zone: an encounter at
 * 23:30 and one at 00:30 the next day are a day apart, a day with a DST
 * switch is one day, and 29 February is a day like any other.
 *
 *   due_ideal  = since + ideal days
 *   due_latest = since + latest days
 *   state      = overdue  if today > due_latest
 *                due      if today ≥ due_ideal
 *                ok       otherwise
 *
 * So on the ideal date itself the person is due, and on the latest date
 * they are still only due; the day after it they are overdue.
 *
 * Then the dates the user set (bzw_keep_in_touch_apply_dates()):
 *
 * - a follow-up („Wiedervorlage“) makes the contact due on its day, with or
 *   without a rhythm; when it comes before the rhythm's ideal date it is
 *   the date shown.  A follow-up alone never makes anyone overdue.
 * - a snooze („Später erinnern“) holds until its day: before it the
 *   contact is not due (in rhythm, due on the snooze day); on that day the
 *   rules above apply again as if there had been no snooze.
 * - a birthday is a natural moment: when the contact falls due within a
 *   week of it (before or after), that day is suggested (@occasion).  A
 *   birthday without a year counts the same; 29 February is 28 February
 *   in a common year (bzw-occasion.c).
 */

#define G_LOG_DOMAIN "bzw-keep-in-touch"

#include "config.h"

#include "bzw-keep-in-touch.h"
#include "bzw-model-util.h"
#include "bzw-occasion.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MAX_INTERVAL_DAYS 36525

static int
tighter (int a,
         int b)
{
  if (a <= 0)
    return MAX (b, 0);
  if (b <= 0)
    return a;
  return MIN (a, b);
}

/**
 * bzw_rhythm_resolve:
 * @own: (nullable): the contact's own rhythm
 * @circles: (array length=n_circles): the rhythms of the contact's circles
 *
 * Returns: the rhythm that applies to the contact.
 */
BzwRhythm
bzw_rhythm_resolve (const BzwRhythm *own,
                    const BzwRhythm *circles,
                    guint            n_circles)
{
  BzwRhythm result = { 0, 0 };
  BzwRhythm tightest = { 0, 0 };

  g_return_val_if_fail (circles != NULL || n_circles == 0, result);

  for (guint i = 0; i < n_circles; i++)
    {
      tightest.ideal_days = tighter (tightest.ideal_days, circles[i].ideal_days);
      tightest.latest_days = tighter (tightest.latest_days, circles[i].latest_days);
    }

  result.ideal_days = own != NULL && own->ideal_days > 0 ? own->ideal_days : tightest.ideal_days;
  result.latest_days = own != NULL && own->latest_days > 0 ? own->latest_days : tightest.latest_days;

  if (result.ideal_days > 0 && result.latest_days > 0 && result.ideal_days > result.latest_days)
    result.ideal_days = result.latest_days;

  return result;
}

gboolean
bzw_rhythm_is_set (const BzwRhythm *rhythm)
{
  return rhythm != NULL && (rhythm->ideal_days > 0 || rhythm->latest_days > 0);
}

/**
 * bzw_date_from_unix:
 *
 * Sets @date to the calendar day of @unix_time in @tz.
 */
void
bzw_date_from_unix (GDate     *date,
                    gint64     unix_time,
                    GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (date != NULL);
  g_return_if_fail (tz != NULL);

  g_date_clear (date, 1);
  if (utc == NULL)
    return;

  local = g_date_time_to_timezone (utc, tz);
  bzw_date_from_date_time (date, local);
}

/* Sets @date to the calendar day of @date_time in its own time zone. */
void
bzw_date_from_date_time (GDate     *date,
                         GDateTime *date_time)
{
  int year, month, day;

  g_return_if_fail (date != NULL);
  g_return_if_fail (date_time != NULL);

  g_date_time_get_ymd (date_time, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/**
 * bzw_date_to_local_midnight:
 *
 * Returns: (transfer full): the start of @date in @tz.
 */
GDateTime *
bzw_date_to_local_midnight (const GDate *date,
                            GTimeZone   *tz)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (tz != NULL, NULL);

  return g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
}

/**
 * bzw_keep_in_touch_compute:
 * @result: (out caller-allocates): where to write the result
 * @rhythm: the resolved rhythm, see bzw_rhythm_resolve()
 * @last_encounter: Unix time of the last encounter, 0 if none
 * @added: Unix time the contact was added
 * @now: the current time, in the user's time zone
 */
void
bzw_keep_in_touch_compute (BzwKeepInTouch  *result,
                           const BzwRhythm *rhythm,
                           gint64           last_encounter,
                           gint64           added,
                           GDateTime       *now)
{
  GTimeZone *tz;
  GDate today;

  g_return_if_fail (result != NULL);
  g_return_if_fail (rhythm != NULL);
  g_return_if_fail (now != NULL);

  memset (result, 0, sizeof *result);
  g_date_clear (&result->since, 1);
  g_date_clear (&result->due_ideal, 1);
  g_date_clear (&result->due_latest, 1);
  g_date_clear (&result->follow_up, 1);
  g_date_clear (&result->snoozed_until, 1);
  g_date_clear (&result->occasion, 1);
  result->rhythm = *rhythm;
  /* A hundred years is as good as never; it keeps GDate in its range. */
  result->rhythm.ideal_days = CLAMP (rhythm->ideal_days, 0, MAX_INTERVAL_DAYS);
  result->rhythm.latest_days = CLAMP (rhythm->latest_days, 0, MAX_INTERVAL_DAYS);
  rhythm = &result->rhythm;

  tz = g_date_time_get_timezone (now);
  bzw_date_from_date_time (&today, now);

  if (last_encounter > 0)
    bzw_date_from_unix (&result->since, last_encounter, tz);
  else if (added > 0)
    bzw_date_from_unix (&result->since, added, tz);
  else
    result->since = today;

  if (!bzw_rhythm_is_set (rhythm) || !g_date_valid (&result->since))
    {
      result->state = BZW_KEEP_IN_TOUCH_NONE;
      return;
    }

  if (rhythm->latest_days > 0)
    {
      result->due_latest = result->since;
      g_date_add_days (&result->due_latest, rhythm->latest_days);
      result->days_past_latest = g_date_days_between (&result->due_latest, &today);
    }

  result->due_ideal = result->since;
  g_date_add_days (&result->due_ideal,
                   rhythm->ideal_days > 0 ? rhythm->ideal_days : rhythm->latest_days);
  result->days_overdue = g_date_days_between (&result->due_ideal, &today);

  if (rhythm->latest_days > 0 && result->days_past_latest > 0)
    result->state = BZW_KEEP_IN_TOUCH_OVERDUE;
  else if (result->days_overdue >= 0)
    result->state = BZW_KEEP_IN_TOUCH_DUE;
  else
    result->state = BZW_KEEP_IN_TOUCH_OK;
}

/* "YYYY-MM-DD" into @date; FALSE (and @date invalid) for anything else. */
static gboolean
parse_day (const char *text,
           GDate      *date)
{
  BzwYearlyDate day;

  g_date_clear (date, 1);
  if (text == NULL || !bzw_yearly_date_parse (text, &day) || day.year <= 0)
    return FALSE;
  if (!g_date_valid_dmy (day.day, day.month, day.year))
    return FALSE;
  g_date_set_dmy (date, day.day, day.month, day.year);
  return TRUE;
}

static void
set_state_from_due_ideal (BzwKeepInTouch *result,
                          const GDate    *today)
{
  result->days_overdue = g_date_days_between (&result->due_ideal, today);
  if (result->state == BZW_KEEP_IN_TOUCH_OVERDUE)
    return;
  result->state = result->days_overdue >= 0 ? BZW_KEEP_IN_TOUCH_DUE : BZW_KEEP_IN_TOUCH_OK;
}

static void
apply_follow_up (BzwKeepInTouch *result,
                 const GDate    *today)
{
  /* The rhythm's date stays when it comes first (or has passed). */
  if (result->state != BZW_KEEP_IN_TOUCH_NONE && g_date_valid (&result->due_ideal) &&
      g_date_compare (&result->due_ideal, &result->follow_up) <= 0)
    return;

  result->due_ideal = result->follow_up;
  result->reason = BZW_DUE_BY_FOLLOW_UP;
  set_state_from_due_ideal (result, today);
}

/* A snooze moves the due date to its end, never earlier. */
static void
apply_snooze (BzwKeepInTouch *result,
              const GDate    *today)
{
  if (g_date_valid (&result->due_ideal) && g_date_compare (&result->due_ideal, &result->snoozed_until) >= 0)
    return;

  result->due_ideal = result->snoozed_until;
  result->state = BZW_KEEP_IN_TOUCH_OK;
  result->days_past_latest = 0;
  set_state_from_due_ideal (result, today);
}

/**
 * bzw_keep_in_touch_apply_dates:
 * @result: the result of bzw_keep_in_touch_compute()
 * @follow_up_on: (nullable): the contact's „Wiedervorlage“, "YYYY-MM-DD"
 * @snoozed_until: (nullable): the day a snooze ends, "YYYY-MM-DD"
 * @birthday: (nullable): the contact's birthday ("YYYY-MM-DD" or "--MM-DD")
 * @now: the current time, in the user's time zone
 *
 * Adds the follow-up, the snooze and the occasion to @result (see the
 * rule at the top of this file).
 */
void
bzw_keep_in_touch_apply_dates (BzwKeepInTouch *result,
                               const char     *follow_up_on,
                               const char     *snoozed_until,
                               const char     *birthday,
                               GDateTime      *now)
{
  BzwYearlyDate yearly;
  GDate today;

  g_return_if_fail (result != NULL);
  g_return_if_fail (now != NULL);

  bzw_date_from_date_time (&today, now);

  if (parse_day (follow_up_on, &result->follow_up))
    apply_follow_up (result, &today);

  if (result->state != BZW_KEEP_IN_TOUCH_NONE && parse_day (snoozed_until, &result->snoozed_until))
    {
      if (bzw_snooze_is_active (&result->snoozed_until, &today))
        apply_snooze (result, &today);
      else
        g_date_clear (&result->snoozed_until, 1);
    }
  else
    g_date_clear (&result->snoozed_until, 1);

  if (result->state != BZW_KEEP_IN_TOUCH_NONE && result->state != BZW_KEEP_IN_TOUCH_OVERDUE &&
      birthday != NULL && bzw_yearly_date_parse (birthday, &yearly))
    {
      g_autoptr(GDate) day = bzw_occasion_suggested_day (&result->due_ideal, &yearly, &today);

      if (day != NULL)
        result->occasion = *day;
    }
}

static BzwRhythm
circle_rhythm (BzwCircle *circle)
{
  BzwRhythm rhythm = { bzw_circle_get_interval_ideal (circle), bzw_circle_get_interval_max (circle) };

  return rhythm;
}

/**
 * bzw_keep_in_touch_compute_for_contact:
 * @result: (out caller-allocates): where to write the result
 * @contact: a contact with its circle ids, last encounter and creation time
 * @circles: (element-type BzwCircle) (nullable): the circles, e.g. all of
 *   bzw_store_list_circles(); those the contact is not in are skipped
 * @now: the current time, in the user's time zone
 *
 * The one rule of when to get in touch, for every place that shows it: the
 * contact list, the contact page, the printout, the reminder and the
 * Überblick.
 */
void
bzw_keep_in_touch_compute_for_contact (BzwKeepInTouch *result,
                                       BzwContact     *contact,
                                       GPtrArray      *circles,
                                       GDateTime      *now)
{
  BzwRhythm own = { bzw_contact_get_interval_ideal (contact), bzw_contact_get_interval_max (contact) };
  g_autoptr(GArray) mine = g_array_new (FALSE, FALSE, sizeof (BzwRhythm));
  GArray *circle_ids;
  BzwRhythm rhythm;

  g_return_if_fail (BZW_IS_CONTACT (contact));

  circle_ids = bzw_contact_get_circle_ids (contact);
  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);

      for (guint j = 0; j < circle_ids->len; j++)
        {
          if (g_array_index (circle_ids, gint64, j) == bzw_circle_get_id (circle))
            {
              BzwRhythm r = circle_rhythm (circle);

              g_array_append_val (mine, r);
              break;
            }
        }
    }

  rhythm = bzw_rhythm_resolve (&own, (const BzwRhythm *) (gpointer) mine->data, mine->len);
  bzw_keep_in_touch_compute (result, &rhythm, bzw_contact_get_last_encounter (contact),
                             bzw_contact_get_created (contact), now);
  bzw_keep_in_touch_apply_dates (result, bzw_contact_get_follow_up_on (contact),
                                 bzw_contact_get_snoozed_until (contact), bzw_contact_get_birthday (contact), now);
}

/**
 * bzw_keep_in_touch_compare:
 *
 * Orders the most urgent first: overdue before due before ok before no
 * rhythm; among the overdue, the longest past the latest date first; else
 * the longest past the ideal date first.
 */
int
bzw_keep_in_touch_compare (const BzwKeepInTouch *a,
                           const BzwKeepInTouch *b)
{
  int order = BZW_CMP (b->state, a->state);

  if (order == 0 && a->state == BZW_KEEP_IN_TOUCH_OVERDUE)
    order = BZW_CMP (b->days_past_latest, a->days_past_latest);
  if (order == 0)
    order = BZW_CMP (b->days_overdue, a->days_overdue);
  return order;
}

const char *
bzw_keep_in_touch_state_to_string (BzwKeepInTouchState state)
{
  switch (state)
    {
    case BZW_KEEP_IN_TOUCH_OK:
      return "ok";
    case BZW_KEEP_IN_TOUCH_DUE:
      return "due";
    case BZW_KEEP_IN_TOUCH_OVERDUE:
      return "overdue";
    case BZW_KEEP_IN_TOUCH_NONE:
    default:
      return "none";
    }
}

const char *
bzw_keep_in_touch_state_get_label (BzwKeepInTouchState state)
{
  switch (state)
    {
    case BZW_KEEP_IN_TOUCH_OK:
      /* Translators: keep-in-touch state: there is time left. */
      return C_("keep-in-touch state", "In rhythm");
    case BZW_KEEP_IN_TOUCH_DUE:
      /* Translators: keep-in-touch state: past the ideal interval (yellow). */
      return C_("keep-in-touch state", "Due");
    case BZW_KEEP_IN_TOUCH_OVERDUE:
      /* Translators: keep-in-touch state: past the latest interval (red). */
      return C_("keep-in-touch state", "Overdue");
    case BZW_KEEP_IN_TOUCH_NONE:
    default:
      /* Translators: keep-in-touch state: the contact has no rhythm. */
      return C_("keep-in-touch state", "No rhythm");
    }
}

/**
 * bzw_keep_in_touch_dup_description:
 *
 * Returns: (transfer full) (nullable): a short phrase such as „In 5 Tagen
 *   fällig“ or „Seit 3 Tagen überfällig“, or %NULL without a rhythm.
 */
char *
bzw_keep_in_touch_dup_description (const BzwKeepInTouch *kit)
{
  int n;

  g_return_val_if_fail (kit != NULL, NULL);

  switch (kit->state)
    {
    case BZW_KEEP_IN_TOUCH_OK:
      n = -kit->days_overdue;
      if (n == 1)
        return g_strdup (_("Due tomorrow"));
      /* Translators: when to get in touch next; %d is a number of days. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due in %d day", "Due in %d days", n), n);

    case BZW_KEEP_IN_TOUCH_DUE:
      n = kit->days_overdue;
      if (n == 0)
        return g_strdup (_("Due today"));
      /* Translators: past the ideal date to get in touch; %d is a number of days. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due for %d day", "Due for %d days", n), n);

    case BZW_KEEP_IN_TOUCH_OVERDUE:
      n = kit->days_past_latest;
      /* Translators: past the latest date to get in touch; %d is a number of days. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue for %d day", "Overdue for %d days", n), n);

    case BZW_KEEP_IN_TOUCH_NONE:
    default:
      return NULL;
    }
}
