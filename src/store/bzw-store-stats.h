/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-giving-cycles.h"
#include "bzw-introductions.h"
#include "bzw-keep-in-touch.h"
#include "bzw-store.h"
#include "bzw-strength.h"

G_BEGIN_DECLS

/* What the map, the contact list and the overview need per contact. */
typedef struct
{
  gint64   contact_id;
  gint64   last_encounter;   /* Unix time, 0 if none */
  guint    n_encounters;
  guint    n_recent;         /* encounters in the last 12 months */
  double   strength;         /* 0…1, see bzw-strength.c */
  gboolean archived;
  gboolean met_in_person;    /* as marked on the contact */
  gboolean in_person;        /* an encounter in person or at an event */
  gboolean online_only;      /* „nur online bekannt“: neither of the two */
  gboolean direct;           /* first degree, see bzw-store-stats.c */
} BzwContactActivity;

/* „Zeit, sich zu melden“ */
typedef struct
{
  gint64          contact_id;
  char           *name;
  gint64          last_encounter;
  gint64          added;
  BzwKeepInTouch  keep_in_touch;
  char           *note;          /* of the follow-up, or NULL */
} BzwDueContact;

/* „Über wen Sie Menschen kennengelernt haben“: who introduced how many. */
typedef struct
{
  gint64  contact_id;
  char   *name;
  guint   n_introduced;
} BzwIntroducer;

/* „Lange nicht gesehen“ */
typedef struct
{
  gint64  contact_id;
  char   *name;
  gint64  last_encounter;
} BzwUnseenContact;

/* A favour I promised and have not done yet. */
typedef struct
{
  gint64  favour_id;
  gint64  to_id;
  char   *to_name;
  char   *description;
  char   *day;
  char   *due;             /* ISO date, or NULL */
  gint64  value_cents;
} BzwPromisedFavour;

/* A referral someone gave me that I have not thanked for yet. */
typedef struct
{
  gint64            referral_id;
  gint64            giver_id;
  char             *giver_name;
  gint64            referred_id;
  char             *referred_name;
  char             *day;
  BzwReferralState  state;
  gint64            value_cents;
} BzwUnthankedReferral;

/* What I gave and what I received: favours done and referrals. */
typedef struct
{
  guint  n_given;
  gint64 given_cents;
  guint  n_received;
  gint64 received_cents;
} BzwGiveTake;

typedef struct
{
  int         year;
  int         month;
  BzwGiveTake give_take;
} BzwGiveTakeMonth;

typedef struct
{
  gint64      contact_id;
  BzwGiveTake give_take;
} BzwContactGiveTake;

/* The muscle chart: encounters in the week starting on @monday. */
typedef struct
{
  GDate monday;
  guint n_encounters;
  guint n_in_person;       /* in person or at an event */
} BzwWeekEncounters;

BzwStore *bzw_store_stats_open_reader           (const char     *path,
                                                 GError        **error);
gboolean  bzw_store_stats_begin_snapshot        (BzwStore       *self,
                                                 GError        **error);
void      bzw_store_stats_end_snapshot          (BzwStore       *self);

GDateTime *bzw_stats_year_before                (GDateTime      *now);

gboolean  bzw_store_stats_scan_journal          (BzwStore       *self,
                                                 GDateTime      *now,
                                                 guint           n_weeks,
                                                 GArray        **activity,
                                                 GArray        **weeks,
                                                 GError        **error);
GArray   *bzw_store_stats_list_activity         (BzwStore       *self,
                                                 GDateTime      *now,
                                                 GError        **error);
const BzwContactActivity *
          bzw_contact_activity_find             (const GArray   *activity,
                                                 gint64          contact_id);
void      bzw_contact_activity_count            (const GArray   *activity,
                                                 guint          *n_active,
                                                 guint          *n_met_recently,
                                                 guint          *n_online_only);
GArray   *bzw_store_stats_list_strength_events  (BzwStore       *self,
                                                 gint64          contact_id,
                                                 GError        **error);
GArray   *bzw_store_stats_list_due              (BzwStore       *self,
                                                 GDateTime      *now,
                                                 gboolean        include_ok,
                                                 const GArray   *activity,
                                                 GError        **error);
gboolean  bzw_store_stats_get_keep_in_touch     (BzwStore       *self,
                                                 gint64          contact_id,
                                                 GDateTime      *now,
                                                 BzwKeepInTouch *result,
                                                 GError        **error);
GArray   *bzw_store_stats_list_introducers      (BzwStore       *self,
                                                 guint           limit,
                                                 GError        **error);
GArray   *bzw_store_stats_list_long_unseen      (BzwStore       *self,
                                                 GDateTime      *now,
                                                 const GArray   *activity,
                                                 GError        **error);
GArray   *bzw_store_stats_list_promised_favours (BzwStore       *self,
                                                 GError        **error);
GArray   *bzw_store_stats_list_unthanked_referrals (BzwStore    *self,
                                                 GError        **error);
GArray   *bzw_store_stats_give_take_by_month    (BzwStore       *self,
                                                 GDateTime      *now,
                                                 guint           n_months,
                                                 GError        **error);
gboolean  bzw_store_stats_get_give_take         (BzwStore       *self,
                                                 gint64          contact_id,
                                                 BzwGiveTake    *result,
                                                 GError        **error);
GArray   *bzw_store_stats_list_give_take        (BzwStore       *self,
                                                 GError        **error);
GArray   *bzw_store_stats_encounters_by_week    (BzwStore       *self,
                                                 GDateTime      *now,
                                                 guint           n_weeks,
                                                 GError        **error);
gboolean  bzw_store_stats_count_contacts        (BzwStore       *self,
                                                 guint          *n_active,
                                                 GError        **error);
gboolean  bzw_store_stats_count_met_since       (BzwStore       *self,
                                                 gint64          since,
                                                 guint          *n_met,
                                                 GError        **error);
gboolean  bzw_store_stats_count_online_only     (BzwStore       *self,
                                                 guint          *n_online_only,
                                                 GError        **error);
GArray   *bzw_store_stats_list_second_degree    (BzwStore       *self,
                                                 const GArray   *activity,
                                                 GError        **error);
GArray   *bzw_store_stats_list_introductions    (BzwStore       *self,
                                                 guint           max_results,
                                                 GError        **error);
GArray   *bzw_store_stats_list_giving_cycles    (BzwStore       *self,
                                                 guint           max_length,
                                                 guint           max_cycles,
                                                 guint          *n_found,
                                                 GError        **error);

G_END_DECLS
