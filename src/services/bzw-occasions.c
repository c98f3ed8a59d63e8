/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-occasions"

#include "config.h"

#include "bzw-occasions.h"

#include "bzw-keep-in-touch.h"
#include "bzw-occasion.h"
#include "bzw-store-occasions.h"

/* Birthdays and anniversaries that come soon, and name days when they
 * are switched on (bzw_store_get_name_days()): for the Überblick's
 * „Anstehende Anlässe“ and the daily reminder, which reminds of each from
 * the lead time of the contact's circles before it up to the day.  The
 * rules of a yearly date (29 February, the year unknown) and the table of
 * name days are the model's (bzw-occasion.c).
 */

static void
clear_occasion (BzwUpcomingOccasion *occasion)
{
  g_clear_pointer (&occasion->name, g_free);
  g_clear_pointer (&occasion->label, g_free);
}

static int
compare_occasions (gconstpointer a,
                   gconstpointer b)
{
  const BzwUpcomingOccasion *x = a;
  const BzwUpcomingOccasion *y = b;
  int order = x->days_until - y->days_until;

  return order != 0 ? order : g_utf8_collate (x->name, y->name);
}

/* The yearly date of @row: its date, or its given name's name day. */
static gboolean
row_date (const BzwYearlyDateRow *row,
          BzwYearlyDate          *date)
{
  if (row->given_name == NULL)
    return bzw_yearly_date_parse (row->date, date);

  date->year = 0;
  return bzw_name_day_lookup (row->given_name, &date->month, &date->day) != NULL;
}

/* Adds the occasions of @rows with the days until them within @max_days,
 * or within their lead time when @max_days is negative.
 */
static void
add_occasions (GArray      *occasions,
               GArray      *rows,
               const GDate *today,
               int          max_days)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const BzwYearlyDateRow *row = &g_array_index (rows, BzwYearlyDateRow, i);
      BzwUpcomingOccasion occasion = { 0 };
      g_autoptr(GDate) next = NULL;
      BzwYearlyDate date;

      if (!row_date (row, &date))
        continue;
      occasion.days_until = bzw_yearly_date_days_until (&date, today);
      if (occasion.days_until > (max_days >= 0 ? max_days : row->lead_days))
        continue;

      next = bzw_yearly_date_next (&date, today);
      occasion.day = *next;
      occasion.years = bzw_yearly_date_years_on (&date, next);
      occasion.contact_id = row->contact_id;
      occasion.name = g_strdup (row->name);
      occasion.name_day = row->given_name != NULL;
      occasion.label = g_strdup (occasion.name_day ? "name-day" : row->label);
      occasion.lead_days = row->lead_days;
      g_array_append_val (occasions, occasion);
    }
}

static GArray *
list_occasions (BzwStore   *store,
                GDateTime  *now,
                int         max_days,
                GError    **error)
{
  g_autoptr(GArray) rows = bzw_store_list_yearly_dates (store, error);
  g_autoptr(GArray) names = NULL;
  g_autoptr(GArray) occasions = NULL;
  GDate today;

  if (rows == NULL)
    return NULL;
  if (bzw_store_get_name_days (store) && (names = bzw_store_list_given_names (store, error)) == NULL)
    return NULL;

  bzw_date_from_date_time (&today, now);
  occasions = g_array_new (FALSE, TRUE, sizeof (BzwUpcomingOccasion));
  g_array_set_clear_func (occasions, (GDestroyNotify) clear_occasion);
  add_occasions (occasions, rows, &today, max_days);
  if (names != NULL)
    add_occasions (occasions, names, &today, max_days);

  g_array_sort (occasions, compare_occasions);
  return g_steal_pointer (&occasions);
}

/**
 * bzw_occasions_list_upcoming:
 * @n_days: how far ahead: 30 shows the coming month, today included
 *
 * Returns: (transfer full) (element-type BzwUpcomingOccasion): the
 *   occasions of contacts that are not archived in the next @n_days, the
 *   soonest first
 */
GArray *
bzw_occasions_list_upcoming (BzwStore   *store,
                             GDateTime  *now,
                             int         n_days,
                             GError    **error)
{
  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return list_occasions (store, now, MAX (n_days, 0), error);
}

/**
 * bzw_occasions_list_to_remind:
 *
 * Returns: (transfer full) (element-type BzwUpcomingOccasion): the
 *   occasions the reminder names today: those within the lead time of
 *   the contact's circles (only the day itself without one)
 */
GArray *
bzw_occasions_list_to_remind (BzwStore   *store,
                              GDateTime  *now,
                              GError    **error)
{
  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return list_occasions (store, now, -1, error);
}
