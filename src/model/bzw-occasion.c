/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-occasion"

#include "config.h"

#include "bzw-occasion.h"

#include <stdio.h>
#include <string.h>

/* Dates that bring people back: birthdays and anniversaries that come
 * every year, the day a snoozed reminder returns, and the day an occasion
 * suggests for getting in touch.  Everything counts in calendar days
 * (GDate), so a change to or from summer time moves nothing.  A date of
 * 29 February falls on 28 February in common years.
 */

/**
 * bzw_yearly_date_parse:
 *
 * Reads "YYYY-MM-DD", "--MM-DD" (vCard 4.0: year unknown), "YYYYMMDD" and
 * "--MMDD".  Returns %FALSE for anything else or an impossible day.
 */
gboolean
bzw_yearly_date_parse (const char    *text,
                       BzwYearlyDate *date)
{
  int year = 0;
  int month = 0;
  int day = 0;
  char rest = '\0';

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  if (sscanf (text, "--%2d-%2d%c", &month, &day, &rest) == 2 ||
      (strlen (text) == 6 && sscanf (text, "--%2d%2d%c", &month, &day, &rest) == 2))
    year = 0;
  else if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3 ||
           (strlen (text) == 8 && sscanf (text, "%4d%2d%2d%c", &year, &month, &day, &rest) == 3))
    {
      if (year < 1)
        return FALSE;
    }
  else
    return FALSE;

  if (month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month (month, year != 0 ? year : 2000))
    return FALSE;

  date->year = year;
  date->month = month;
  date->day = day;
  return TRUE;
}

/* "YYYY-MM-DD", or "--MM-DD" when the year is unknown. */
char *
bzw_yearly_date_to_string (const BzwYearlyDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (date->year == 0)
    return g_strdup_printf ("--%02d-%02d", date->month, date->day);
  return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
}

/* The occasion in @year: 29 February is 28 February in a common year. */
static GDate *
in_year (const BzwYearlyDate *date,
         int                  year)
{
  int day = MIN (date->day, g_date_get_days_in_month (date->month, year));

  return g_date_new_dmy (day, date->month, year);
}

/**
 * bzw_yearly_date_next:
 *
 * The next time the occasion comes, today included.
 */
GDate *
bzw_yearly_date_next (const BzwYearlyDate *date,
                      const GDate         *today)
{
  int year;
  GDate *next;

  g_return_val_if_fail (date != NULL && today != NULL, NULL);

  year = g_date_get_year (today);
  next = in_year (date, year);
  if (g_date_compare (next, today) < 0)
    {
      g_date_free (next);
      next = in_year (date, year + 1);
    }
  return next;
}

/* Days from @today to the next occasion: 0 on the day itself. */
int
bzw_yearly_date_days_until (const BzwYearlyDate *date,
                            const GDate         *today)
{
  g_autoptr(GDate) next = bzw_yearly_date_next (date, today);

  return g_date_days_between (today, next);
}

/**
 * bzw_yearly_date_years_on:
 *
 * How many years the occasion counts on @on (an age, the years of a
 * wedding), or -1 when the year is unknown or lies after @on.
 */
int
bzw_yearly_date_years_on (const BzwYearlyDate *date,
                          const GDate         *on)
{
  g_autoptr(GDate) this_year = NULL;
  int years;

  g_return_val_if_fail (date != NULL && on != NULL, -1);

  if (date->year == 0 || date->year > g_date_get_year (on))
    return -1;

  this_year = in_year (date, g_date_get_year (on));
  years = g_date_get_year (on) - date->year;
  if (g_date_compare (on, this_year) < 0)
    years--;
  return years >= 0 ? years : -1;
}

/**
 * bzw_yearly_date_remind_today:
 * @lead_days: how many days before the occasion to remind (0: on the day)
 *
 * Whether the reminder of the occasion is due on @today: from @lead_days
 * before it up to the day itself.
 */
gboolean
bzw_yearly_date_remind_today (const BzwYearlyDate *date,
                              int                  lead_days,
                              const GDate         *today)
{
  int until = bzw_yearly_date_days_until (date, today);

  return until >= 0 && until <= MAX (lead_days, 0);
}

/**
 * bzw_snooze_until:
 *
 * The day a reminder snoozed on @today comes back.
 */
GDate *
bzw_snooze_until (BzwSnooze    snooze,
                  const GDate *today)
{
  GDate *until;

  g_return_val_if_fail (today != NULL, NULL);

  until = g_date_copy (today);
  switch (snooze)
    {
    case BZW_SNOOZE_TOMORROW:
      g_date_add_days (until, 1);
      break;

    case BZW_SNOOZE_NEXT_WEEK:
      /* The coming Monday; from a Monday, the one after. */
      g_date_add_days (until, 8 - g_date_get_weekday (until));
      break;

    case BZW_SNOOZE_NEXT_MONTH:
      /* GDate clamps 31 January + 1 month to the last day of February. */
      g_date_add_months (until, 1);
      break;

    default:
      g_assert_not_reached ();
    }
  return until;
}

/* A snooze holds until the day it ends, not on that day. */
gboolean
bzw_snooze_is_active (const GDate *until,
                      const GDate *today)
{
  g_return_val_if_fail (today != NULL, FALSE);

  return until != NULL && g_date_valid (until) && g_date_compare (today, until) < 0;
}

/**
 * bzw_occasion_suggested_day:
 * @due: when the contact is due to be contacted
 * @birthday: (nullable): the contact's birthday
 *
 * A birthday is a natural moment to get in touch: when the contact falls
 * due within a week of it, the birthday is the day suggested.  Returns
 * %NULL when no occasion is near.
 */
GDate *
bzw_occasion_suggested_day (const GDate         *due,
                            const BzwYearlyDate *birthday,
                            const GDate         *today)
{
  g_autoptr(GDate) next = NULL;
  int apart;

  g_return_val_if_fail (due != NULL && today != NULL, NULL);

  if (birthday == NULL)
    return NULL;

  next = bzw_yearly_date_next (birthday, today);
  apart = g_date_days_between (due, next);
  if (apart < -7 || apart > 7)
    return NULL;
  return g_steal_pointer (&next);
}

/* Name days of the German calendar (the saint most widely celebrated under
 * the name), for common given names and their usual spellings.
 */
static const struct
{
  const char *name;
  guint8      month;
  guint8      day;
} name_days[] = {
  { "adam", 12, 24 }, { "agnes", 1, 21 }, { "albert", 11, 15 }, { "andreas", 11, 30 },
  { "anna", 7, 26 }, { "anne", 7, 26 }, { "anton", 6, 13 }, { "antonius", 6, 13 },
  { "barbara", 12, 4 }, { "benedikt", 7, 11 }, { "benno", 6, 16 }, { "bernhard", 8, 20 },
  { "birgit", 7, 23 }, { "birgitta", 7, 23 }, { "bruno", 10, 6 }, { "cäcilia", 11, 22 },
  { "christoph", 7, 24 }, { "clara", 8, 11 }, { "clemens", 11, 23 }, { "dominik", 8, 8 },
  { "dorothea", 2, 6 }, { "elisabeth", 11, 19 }, { "eva", 12, 24 }, { "florian", 5, 4 },
  { "franz", 10, 4 }, { "franziska", 3, 9 }, { "gabriel", 9, 29 }, { "georg", 4, 23 },
  { "gertrud", 3, 17 }, { "gregor", 9, 3 }, { "hans", 6, 24 }, { "hedwig", 10, 16 },
  { "heinrich", 7, 13 }, { "helena", 8, 18 }, { "hildegard", 9, 17 }, { "hubert", 11, 3 },
  { "jakob", 7, 25 }, { "joachim", 7, 26 }, { "johann", 6, 24 }, { "johannes", 6, 24 },
  { "josef", 3, 19 }, { "joseph", 3, 19 }, { "karl", 11, 4 }, { "katharina", 11, 25 },
  { "klara", 8, 11 }, { "konrad", 4, 21 }, { "leonhard", 11, 6 }, { "leopold", 11, 15 },
  { "lorenz", 8, 10 }, { "lucia", 12, 13 }, { "ludwig", 8, 25 }, { "lukas", 10, 18 },
  { "luzia", 12, 13 }, { "magdalena", 7, 22 }, { "margarete", 7, 20 }, { "maria", 9, 12 },
  { "markus", 4, 25 }, { "martin", 11, 11 }, { "martina", 1, 30 }, { "matthias", 2, 24 },
  { "matthäus", 9, 21 }, { "michael", 9, 29 }, { "monika", 8, 27 }, { "nikolaus", 12, 6 },
  { "patrick", 3, 17 }, { "paul", 6, 29 }, { "peter", 6, 29 }, { "philipp", 5, 3 },
  { "raphael", 9, 29 }, { "rosa", 8, 23 }, { "rupert", 9, 24 }, { "sebastian", 1, 20 },
  { "silvester", 12, 31 }, { "simon", 10, 28 }, { "sophia", 5, 15 }, { "sophie", 5, 15 },
  { "stefan", 12, 26 }, { "stephan", 12, 26 }, { "teresa", 10, 15 }, { "theresa", 10, 15 },
  { "thomas", 7, 3 }, { "ulrich", 7, 4 }, { "ursula", 10, 21 }, { "valentin", 2, 14 },
  { "veronika", 2, 4 }, { "vinzenz", 9, 27 }, { "walburga", 2, 25 }, { "wolfgang", 10, 31 },
};

/**
 * bzw_name_day_lookup:
 * @given_name: a given name; of several („Anna Lena“) the first counts
 *
 * Looks up the name day of @given_name.  Returns the name as found in the
 * table, or %NULL when the name has none there.
 */
const char *
bzw_name_day_lookup (const char *given_name,
                     int        *month,
                     int        *day)
{
  g_autofree char *folded = NULL;
  const char *end;

  if (given_name == NULL)
    return NULL;

  end = strpbrk (given_name, " -");
  folded = g_utf8_casefold (given_name, end != NULL ? end - given_name : -1);

  for (gsize i = 0; i < G_N_ELEMENTS (name_days); i++)
    {
      if (!g_str_equal (folded, name_days[i].name))
        continue;
      if (month != NULL)
        *month = name_days[i].month;
      if (day != NULL)
        *day = name_days[i].day;
      return name_days[i].name;
    }
  return NULL;
}
