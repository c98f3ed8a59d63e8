/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-occasion"

#include "config.h"

#include "bzw-occasion.h"

#include <stdio.h>
#include <stdlib.h>
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
 * the name, Catholic and Protestant calendars alike), for common given
 * names, their usual spellings and short forms.  Sorted by the bytes of
 * the case-folded name, for bsearch ().
 */
typedef struct
{
  const char *name;
  guint8      month;
  guint8      day;
} NameDay;

static const NameDay name_days[] = {
  { "adam", 12, 24 }, { "agatha", 2, 5 }, { "agnes", 1, 21 }, { "albert", 11, 15 },
  { "alfons", 8, 1 }, { "alois", 6, 21 }, { "aloisius", 6, 21 }, { "ambrosius", 12, 7 },
  { "andrea", 11, 30 }, { "andreas", 11, 30 }, { "angela", 1, 27 }, { "anja", 7, 26 },
  { "anke", 7, 26 }, { "anna", 7, 26 }, { "anne", 7, 26 }, { "annette", 7, 26 }, { "anni", 7, 26 },
  { "annika", 7, 26 }, { "anselm", 4, 21 }, { "ansgar", 2, 3 }, { "anton", 6, 13 },
  { "antonius", 6, 13 }, { "augustin", 8, 28 }, { "augustinus", 8, 28 }, { "balthasar", 1, 6 },
  { "barbara", 12, 4 }, { "barnabas", 6, 11 }, { "bartholomäus", 8, 24 }, { "basilius", 1, 2 },
  { "benedikt", 7, 11 }, { "benjamin", 3, 31 }, { "benno", 6, 16 }, { "bernadette", 4, 16 },
  { "bernd", 8, 20 }, { "bernhard", 8, 20 }, { "birgit", 7, 23 }, { "birgitta", 7, 23 },
  { "blasius", 2, 3 }, { "bonaventura", 7, 15 }, { "bonifatius", 6, 5 }, { "brigitte", 7, 23 },
  { "bruno", 10, 6 }, { "burkhard", 10, 14 }, { "carl", 11, 4 }, { "christa", 7, 24 },
  { "christina", 7, 24 }, { "christine", 7, 24 }, { "christoph", 7, 24 },
  { "christophorus", 7, 24 }, { "clara", 8, 11 }, { "claudia", 3, 20 }, { "clemens", 11, 23 },
  { "cornelius", 9, 16 }, { "cyrill", 2, 14 }, { "cäcilia", 11, 22 }, { "damian", 9, 26 },
  { "david", 12, 29 }, { "dionysius", 10, 9 }, { "dominik", 8, 8 }, { "dominikus", 8, 8 },
  { "dorothea", 2, 6 }, { "edith", 8, 9 }, { "elias", 7, 20 }, { "elisa", 11, 19 },
  { "elisabeth", 11, 19 }, { "elise", 11, 19 }, { "else", 11, 19 }, { "erich", 5, 18 },
  { "eva", 12, 24 }, { "fabian", 1, 20 }, { "felizitas", 3, 7 }, { "fidelis", 4, 24 },
  { "florian", 5, 4 }, { "franz", 10, 4 }, { "franziska", 3, 9 }, { "franziskus", 10, 4 },
  { "friedrich", 7, 18 }, { "gabriel", 9, 29 }, { "gallus", 10, 16 }, { "genoveva", 1, 3 },
  { "georg", 4, 23 }, { "gerda", 3, 17 }, { "gertrud", 3, 17 }, { "gisela", 5, 7 },
  { "godehard", 5, 5 }, { "gregor", 9, 3 }, { "greta", 7, 20 }, { "grete", 7, 20 },
  { "günter", 10, 9 }, { "günther", 10, 9 }, { "hanna", 7, 26 }, { "hannah", 7, 26 },
  { "hannes", 6, 24 }, { "hans", 6, 24 }, { "hedwig", 10, 16 }, { "heinrich", 7, 13 },
  { "heinz", 7, 13 }, { "helena", 8, 18 }, { "helene", 8, 18 }, { "henrik", 7, 13 },
  { "hieronymus", 9, 30 }, { "hilarius", 1, 13 }, { "hildegard", 9, 17 }, { "hubert", 11, 3 },
  { "hugo", 4, 1 }, { "ignatius", 7, 31 }, { "ilse", 11, 19 }, { "ines", 1, 21 },
  { "irmgard", 9, 4 }, { "isidor", 4, 4 }, { "jacob", 7, 25 }, { "jakob", 7, 25 },
  { "jan", 6, 24 }, { "jens", 6, 24 }, { "joachim", 7, 26 }, { "johann", 6, 24 },
  { "johannes", 6, 24 }, { "josef", 3, 19 }, { "joseph", 3, 19 }, { "julia", 5, 22 },
  { "justin", 6, 1 }, { "jörg", 4, 23 }, { "jürgen", 4, 23 }, { "kajetan", 8, 7 },
  { "kamillus", 7, 14 }, { "karin", 11, 25 }, { "karl", 11, 4 }, { "kasimir", 3, 4 },
  { "kaspar", 1, 6 }, { "katharina", 11, 25 }, { "kathrin", 11, 25 }, { "katja", 11, 25 },
  { "katrin", 11, 25 }, { "kerstin", 7, 24 }, { "kilian", 7, 8 }, { "klara", 8, 11 },
  { "klaus", 12, 6 }, { "kolumban", 11, 23 }, { "konrad", 4, 21 }, { "kunigunde", 3, 3 },
  { "lars", 8, 10 }, { "laurentius", 8, 10 }, { "lea", 3, 22 }, { "leo", 11, 10 },
  { "leon", 11, 10 }, { "leonhard", 11, 6 }, { "leopold", 11, 15 }, { "liesel", 11, 19 },
  { "lisa", 11, 19 }, { "lorenz", 8, 10 }, { "louise", 3, 15 }, { "luca", 10, 18 },
  { "lucia", 12, 13 }, { "ludwig", 8, 25 }, { "luise", 3, 15 }, { "lukas", 10, 18 },
  { "luzia", 12, 13 }, { "lydia", 8, 3 }, { "magdalena", 7, 22 }, { "manfred", 1, 28 },
  { "marc", 4, 25 }, { "marco", 4, 25 }, { "margareta", 7, 20 }, { "margarete", 7, 20 },
  { "margarethe", 7, 20 }, { "margit", 7, 20 }, { "maria", 9, 12 }, { "marie", 9, 12 },
  { "markus", 4, 25 }, { "marta", 7, 29 }, { "martha", 7, 29 }, { "martin", 11, 11 },
  { "martina", 1, 30 }, { "mathilde", 3, 14 }, { "matthias", 2, 24 }, { "matthäus", 9, 21 },
  { "max", 10, 12 }, { "maximilian", 10, 12 }, { "meinrad", 1, 21 }, { "melchior", 1, 6 },
  { "michael", 9, 29 }, { "michaela", 9, 29 }, { "michel", 9, 29 }, { "monika", 8, 27 },
  { "moritz", 9, 22 }, { "nico", 12, 6 }, { "nicole", 12, 6 }, { "niklas", 12, 6 },
  { "niko", 12, 6 }, { "nikolaus", 12, 6 }, { "nils", 12, 6 }, { "norbert", 6, 6 },
  { "odilia", 12, 13 }, { "olaf", 7, 29 }, { "oliver", 7, 11 }, { "oskar", 2, 3 },
  { "otmar", 11, 16 }, { "ottilie", 12, 13 }, { "otto", 6, 30 }, { "pankratius", 5, 12 },
  { "patrick", 3, 17 }, { "paul", 6, 29 }, { "paula", 1, 26 }, { "paulus", 6, 29 },
  { "peter", 6, 29 }, { "petra", 6, 29 }, { "petronella", 5, 31 }, { "petrus", 6, 29 },
  { "philipp", 5, 3 }, { "pius", 4, 30 }, { "raimund", 1, 7 }, { "raphael", 9, 29 },
  { "regina", 9, 7 }, { "rita", 5, 22 }, { "robert", 9, 17 }, { "rochus", 8, 16 },
  { "romuald", 6, 19 }, { "rosa", 8, 23 }, { "rudolf", 4, 17 }, { "rupert", 9, 24 },
  { "sabina", 8, 29 }, { "sabine", 8, 29 }, { "scholastika", 2, 10 }, { "sebastian", 1, 20 },
  { "servatius", 5, 13 }, { "silke", 11, 22 }, { "silvester", 12, 31 }, { "simon", 10, 28 },
  { "simone", 10, 28 }, { "sonja", 5, 15 }, { "sophia", 5, 15 }, { "sophie", 5, 15 },
  { "stanislaus", 4, 11 }, { "stefan", 12, 26 }, { "stefanie", 12, 26 }, { "stephan", 12, 26 },
  { "stephanie", 12, 26 }, { "susanna", 8, 11 }, { "susanne", 8, 11 }, { "teresa", 10, 15 },
  { "theo", 11, 9 }, { "theodor", 11, 9 }, { "theresa", 10, 15 }, { "therese", 10, 15 },
  { "thomas", 7, 3 }, { "tim", 1, 26 }, { "timo", 1, 26 }, { "timotheus", 1, 26 },
  { "tobias", 9, 13 }, { "ulrich", 7, 4 }, { "ursula", 10, 21 }, { "valentin", 2, 14 },
  { "veit", 6, 15 }, { "veronika", 2, 4 }, { "vinzenz", 9, 27 }, { "vitus", 6, 15 },
  { "walburga", 2, 25 }, { "wendelin", 10, 20 }, { "wenzel", 9, 28 }, { "werner", 4, 19 },
  { "wilhelm", 1, 10 }, { "willi", 1, 10 }, { "willibrord", 11, 7 }, { "wolfgang", 10, 31 },
  { "wolfram", 3, 20 },
};

static int
compare_name_day (const void *key,
                  const void *entry)
{
  return strcmp (key, ((const NameDay *) entry)->name);
}

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
  g_autofree char *first = NULL;
  g_autofree char *folded = NULL;
  const NameDay *found;
  const char *end;

  if (given_name == NULL)
    return NULL;

  end = strpbrk (given_name, " -");
  first = g_utf8_casefold (given_name, end != NULL ? end - given_name : -1);
  folded = g_utf8_normalize (first, -1, G_NORMALIZE_NFC);
  if (folded == NULL)
    return NULL;

  found = bsearch (folded, name_days, G_N_ELEMENTS (name_days), sizeof (NameDay), compare_name_day);
  if (found == NULL)
    return NULL;
  if (month != NULL)
    *month = found->month;
  if (day != NULL)
    *day = found->day;
  return found->name;
}
