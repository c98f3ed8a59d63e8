/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-demo"

#include "config.h"

#include "bzw-demo-private.h"
#include "bzw-store.h"

#include <glib/gi18n-lib.h>

/* The Filler both made-up networks are written through, the example
 * network (bzw-demo.c) and the synthetic one of the benchmarks
 * (bzw-demo-synthetic.c): seeded uids, days and moments counted back from
 * the fill's „now“, and the one bulk transaction around a fill.
 */

/* A uid in the form of a random UUID, but from the seeded generator. */
char *
_bzw_demo_dup_uid (Filler *filler)
{
  guint32 a = g_rand_int (filler->rand);
  guint32 b = g_rand_int (filler->rand);
  guint32 c = g_rand_int (filler->rand);
  guint32 d = g_rand_int (filler->rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          a, b >> 16, b & 0xfff, 0x8000 | ((c >> 16) & 0x3fff), c & 0xffff, d);
}

char *
_bzw_demo_dup_day (Filler *filler,
                   int     days_ago)
{
  g_autoptr(GDateTime) then = g_date_time_add_days (filler->now, -days_ago);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* A moment on the day @days_ago (at least 1), at a plausible hour. */
gint64
_bzw_demo_moment (Filler *filler,
                  int     days_ago,
                  int     first_hour,
                  int     last_hour)
{
  g_autoptr(GDateTime) then = g_date_time_add_days (filler->now, -MAX (days_ago, 1));
  g_autoptr(GDateTime) midnight = g_date_time_new_utc (g_date_time_get_year (then),
                                                       g_date_time_get_month (then),
                                                       g_date_time_get_day_of_month (then),
                                                       0, 0, 0);
  int hour = g_rand_int_range (filler->rand, first_hour, last_hour + 1);
  int minute = g_rand_int_range (filler->rand, 0, 4) * 15;

  return g_date_time_to_unix (midnight) + hour * 3600 + minute * 60;
}

gboolean
_bzw_demo_check_empty (BzwStore  *store,
                       GError   **error)
{
  if (!bzw_store_is_empty (store))
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_EMPTY,
                           _("The example network can only be added to an empty database. "
                             "This database already contains data; nothing was changed."));
      return FALSE;
    }

  return TRUE;
}

/* Fills an empty @store in one bulk transaction: sets up a Filler as
 * @plan says, with @pairs (taken), and lets the plan's fill function add
 * the rows.
 */
gboolean
_bzw_demo_run (BzwStore            *store,
               GDateTime           *now,
               const BzwDemoPlan   *plan,
               GHashTable          *pairs,
               GError             **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) owned_pairs = pairs;
  g_autofree gint64 *contact_ids = NULL;
  Filler filler = { 0 };
  gboolean ok;

  if (!_bzw_demo_check_empty (store, error))
    return FALSE;

  rand = g_rand_new_with_seed (plan->seed);
  contact_ids = g_new0 (gint64, MAX (plan->n_contacts, 1));

  filler.store = store;
  filler.rand = rand;
  filler.now = now;
  filler.now_unix = g_date_time_to_unix (now);
  filler.contact_ids = contact_ids;
  filler.pairs = owned_pairs;

  if (!bzw_store_begin_bulk (store, error))
    return FALSE;

  ok = plan->fill (&filler, plan->data, error);

  return bzw_store_finish (store, ok, error);
}
