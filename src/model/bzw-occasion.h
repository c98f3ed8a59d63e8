/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BzwYearlyDate:
 * @year: the year of the first occasion (birth, wedding), or 0 when unknown
 * @month: 1–12
 * @day: 1–31
 *
 * A date that comes back every year: a birthday, an anniversary.
 */
typedef struct
{
  int year;
  int month;
  int day;
} BzwYearlyDate;

/**
 * BzwSnooze:
 * @BZW_SNOOZE_TOMORROW: „Morgen“
 * @BZW_SNOOZE_NEXT_WEEK: „Nächste Woche“: the coming Monday
 * @BZW_SNOOZE_NEXT_MONTH: „In einem Monat“: the same day next month, or its last day
 *
 * The quick choices of „Später erinnern“.
 */
typedef enum
{
  BZW_SNOOZE_TOMORROW,
  BZW_SNOOZE_NEXT_WEEK,
  BZW_SNOOZE_NEXT_MONTH,
} BzwSnooze;

gboolean     bzw_yearly_date_parse         (const char          *text,
                                            BzwYearlyDate       *date);
char        *bzw_yearly_date_to_string     (const BzwYearlyDate *date);
GDate       *bzw_yearly_date_next          (const BzwYearlyDate *date,
                                            const GDate         *today);
int          bzw_yearly_date_days_until    (const BzwYearlyDate *date,
                                            const GDate         *today);
int          bzw_yearly_date_years_on      (const BzwYearlyDate *date,
                                            const GDate         *on);
gboolean     bzw_yearly_date_remind_today  (const BzwYearlyDate *date,
                                            int                  lead_days,
                                            const GDate         *today);
GDate       *bzw_snooze_until              (BzwSnooze            snooze,
                                            const GDate         *today);
gboolean     bzw_snooze_is_active          (const GDate         *until,
                                            const GDate         *today);
GDate       *bzw_occasion_suggested_day    (const GDate         *due,
                                            const BzwYearlyDate *birthday,
                                            const GDate         *today);
const char  *bzw_name_day_lookup           (const char          *given_name,
                                            int                 *month,
                                            int                 *day);

G_END_DECLS
