/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "bzw-occasions.h"
#include "bzw-store-occasions.h"
#include "bzw-store-stats.h"

G_BEGIN_DECLS

#define BZW_DASHBOARD_N_MONTHS          12
#define BZW_DASHBOARD_N_WEEKS           52
#define BZW_DASHBOARD_MAX_INTRODUCTIONS 20
#define BZW_DASHBOARD_MAX_CYCLES        20
#define BZW_DASHBOARD_OCCASION_DAYS     30
#define BZW_DASHBOARD_MAX_PLANNED       8

/* Everything the „Überblick“ dashboard shows, computed in one go.  Plain data: safe
 * to hand from a worker thread to the main thread.
 */
typedef struct
{
  gint64       computed_at;          /* Unix time of “now” */
  guint        n_contacts;           /* not archived */
  guint        n_met_last_year;      /* with an encounter in the last 12 months */
  guint        n_online_only;        /* „nur online bekannt“ */
  GArray      *activity;             /* BzwContactActivity of every contact, by id */
  GArray      *due;                  /* BzwDueContact, due and overdue, most urgent first */
  GArray      *occasions;            /* BzwUpcomingOccasion in the next 30 days, soonest first */
  GArray      *follow_ups;           /* BzwFollowUpRow up to 30 days ahead, earliest first */
  GArray      *planned;              /* BzwPlannedRow, encounters still to come, soonest first */
  GArray      *past_planned;         /* BzwPlannedRow, planned ones whose time has come, unconfirmed */
  GArray      *long_unseen;          /* BzwUnseenContact, longest unseen first */
  GArray      *introducers;          /* BzwIntroducer, who introduced most first */
  GArray      *promised_favours;     /* BzwPromisedFavour */
  GArray      *unthanked_referrals;  /* BzwUnthankedReferral */
  GArray      *give_take_months;     /* BzwGiveTakeMonth × 12, oldest first */
  BzwGiveTake  give_take_total;      /* the sum of those months */
  GArray      *encounters_per_week;  /* BzwWeekEncounters × 52, oldest first */
  GArray      *second_degree;        /* gint64 contact ids */
  GArray      *introductions;        /* BzwIntroduction, best first */
  GArray      *giving_cycles;        /* BzwGivingCycle, shortest first */
  guint        n_giving_cycles;      /* all cycles, also those not listed */
} BzwDashboard;

BzwDashboard *bzw_dashboard_compute           (const char           *db_path,
                                              GDateTime            *now,
                                              GError              **error);
BzwDashboard *bzw_dashboard_compute_for_store (BzwStore             *store,
                                              GDateTime            *now,
                                              GError              **error);
void          bzw_dashboard_compute_async     (const char           *db_path,
                                              GDateTime            *now,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
BzwDashboard *bzw_dashboard_compute_finish    (GAsyncResult         *result,
                                              GError              **error);
void          bzw_dashboard_free              (BzwDashboard         *dashboard);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwDashboard, bzw_dashboard_free)

G_END_DECLS
