/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-occasions"

#include "config.h"

#include "bzw-occasions.h"

#include "bzw-keep-in-touch.h"
#include "bzw-occasion.h"
#include "bzw-store-occasions.h"

/* Birthdays and anniversaries that come soon: for the Überblick's
 * „Anstehende Anlässe“ and the daily reminder, which reminds of each from
 * the lead time of the contact's circles before it up to the day.  The
 * rules of a yearly date (29 February, the year unknown) are the model's
 * (bzw-occasion.c).
 */

static void
clear_occasion (gpointer data)
{
  BzwUpcomingOccasion *occasion = data;

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

/* Every occasion with the days until it within @max_days, or within its
 * lead time when @max_days is negative.
 */
static GArray *
list_occasions (BzwStore   *store,
                GDateTime  *now,
                int         max_days,
                GError    **error)
{
  g_autoptr(GArray) rows = bzw_store_list_yearly_dates (store, error);
  g_autoptr(GArray) occasions = NULL;
  GDate today;

  if (rows == NULL)
    return NULL;

  bzw_date_from_date_time (&today, now);
  occasions = g_array_new (FALSE, TRUE, sizeof (BzwUpcomingOccasion));
  g_array_set_clear_func (occasions, clear_occasion);
  for (guint i = 0; i < rows->len; i++)
    {
      const BzwYearlyDateRow *row = &g_array_index (rows, BzwYearlyDateRow, i);
      BzwUpcomingOccasion occasion = { 0 };
      g_autoptr(GDate) next = NULL;
      BzwYearlyDate date;

      if (!bzw_yearly_date_parse (row->date, &date))
        continue;
      occasion.days_until = bzw_yearly_date_days_until (&date, &today);
      if (occasion.days_until > (max_days >= 0 ? max_days : row->lead_days))
        continue;

      next = bzw_yearly_date_next (&date, &today);
      occasion.day = *next;
      occasion.years = bzw_yearly_date_years_on (&date, next);
      occasion.contact_id = row->contact_id;
      occasion.name = g_strdup (row->name);
      occasion.label = g_strdup (row->label);
      occasion.lead_days = row->lead_days;
      g_array_append_val (occasions, occasion);
    }

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
