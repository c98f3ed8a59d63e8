/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Times the „Überblick“ on a synthetic network of 10,000 contacts and
 * 50,000 journal entries, built deterministically through the public store
 * API in one transaction.  Prints JSON lines only.
 */

#include "config.h"

#include "bzw-dashboard.h"
#include "bzw-store-stats.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_CONTACTS      10000
#define N_ENCOUNTERS    40000
#define N_FAVOURS        6000
#define N_REFERRALS      4000
#define N_RELATIONSHIPS 15000
#define N_RUNS              5
#define DAY             86400

static const char * const words[] = {
  "Webdesign", "Fotografie", "Steuerberatung", "Buchhaltung", "Übersetzungen", "Englisch",
  "Französisch", "Marketing", "Suchmaschinen", "Texte", "Lektorat", "Coaching", "Führung",
  "Vertrieb", "Immobilien", "Versicherungen", "Finanzierung", "Recht", "Arbeitsrecht",
  "Mietrecht", "Schreinerei", "Elektrik", "Sanitär", "Malerarbeiten", "Gartenbau", "Catering",
  "Events", "Hochzeiten", "Musik", "Video", "Podcast", "Druck", "Grafik", "Logos", "Apps",
  "Datenbanken", "Netzwerke", "Datenschutz", "Sicherheit", "Personal", "Bewerbungen",
  "Gründung", "Förderung", "Fördermittel", "Export", "Logistik", "Einkauf", "Energie",
  "Photovoltaik", "Heizung", "Architektur", "Innenarchitektur", "Möbel", "Reisen", "Hotels",
  "Sprachkurse", "Nachhilfe", "Physiotherapie", "Yoga", "Ernährung",
};

static const char *
pick_word (GRand *rand)
{
  double r = g_rand_double (rand);

  /* Skewed: some offers are common, most are rare. */
  return words[(guint) (G_N_ELEMENTS (words) * r * r)];
}

static char *
pick_phrase (GRand *rand)
{
  guint n = g_rand_int_range (rand, 1, 4);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == n ? " und " : ", ");
      g_string_append (s, pick_word (rand));
    }

  return g_string_free (s, FALSE);
}

static char *
day_string (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (dt, "%Y-%m-%d");
}

static BzwParty
random_side (GRand        *rand,
             const gint64 *ids,
             gint64        other)
{
  gint64 id;

  do
    id = ids[g_rand_int_range (rand, 0, N_CONTACTS)];
  while (id == other);

  return (BzwParty) { id, NULL };
}

static gboolean
build_store (BzwStore  *store,
             gint64     now,
             GError   **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250618);
  g_autofree gint64 *ids = g_new (gint64, N_CONTACTS);
  gint64 circles[7];
  static const char * const circle_names[] = {
    "Familie", "Freunde", "Ehemalige Kollegen", "Verein", "Alumni", "Kunden", "Empfehlungsgruppe",
  };
  static const int ideal[] = { 14, 30, 180, 60, 365, 60, 14 };
  static const int latest[] = { 30, 60, 365, 120, 730, 90, 30 };
  static const BzwChannel channels[] = {
    BZW_CHANNEL_IN_PERSON, BZW_CHANNEL_IN_PERSON, BZW_CHANNEL_IN_PERSON, BZW_CHANNEL_PHONE,
    BZW_CHANNEL_PHONE, BZW_CHANNEL_VIDEO, BZW_CHANNEL_MESSAGE, BZW_CHANNEL_MESSAGE,
    BZW_CHANNEL_ONLINE, BZW_CHANNEL_EVENT,
  };
  gboolean ok = TRUE;

  if (!bzw_store_begin_bulk (store, error))
    return FALSE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (circles); i++)
    {
      g_autoptr(BzwCircle) circle = bzw_circle_new ();

      bzw_circle_set_name (circle, circle_names[i]);
      bzw_circle_set_interval_ideal (circle, ideal[i]);
      bzw_circle_set_interval_max (circle, latest[i]);
      ok = bzw_store_save_circle (store, circle, error);
      circles[i] = bzw_circle_get_id (circle);
    }

  for (guint i = 0; ok && i < N_CONTACTS; i++)
    {
      g_autoptr(BzwContact) contact = bzw_contact_new ();
      g_autoptr(GArray) member_of = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *name = g_strdup_printf ("Kontakt %05u Beispiel", i);

      bzw_contact_set_display_name (contact, name);
      bzw_contact_set_times (contact, now - g_rand_int_range (rand, 30, 5 * 365) * (gint64) DAY, 0);
      bzw_contact_set_met_in_person (contact, g_rand_int_range (rand, 0, 10) < 4);
      bzw_contact_set_archived (contact, g_rand_int_range (rand, 0, 50) == 0);
      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          g_autofree char *offers = pick_phrase (rand);

          bzw_contact_set_offers (contact, offers);
        }
      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          g_autofree char *seeks = pick_phrase (rand);

          bzw_contact_set_seeks (contact, seeks);
        }
      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          bzw_contact_set_interval_ideal (contact, g_rand_int_range (rand, 7, 90));
          bzw_contact_set_interval_max (contact, bzw_contact_get_interval_ideal (contact) * 2);
        }
      for (guint c = 0; c < G_N_ELEMENTS (circles); c++)
        if (g_rand_int_range (rand, 0, 8) == 0)
          g_array_append_val (member_of, circles[c]);
      bzw_contact_set_circle_ids (contact, member_of);

      ok = bzw_store_save_contact (store, contact, error);
      ids[i] = bzw_contact_get_id (contact);
    }

  for (guint i = 0; ok && i < N_RELATIONSHIPS; i++)
    {
      g_autoptr(BzwRelationship) relationship = bzw_relationship_new ();
      gint64 a = ids[g_rand_int_range (rand, 0, N_CONTACTS)];

      bzw_relationship_set_a_id (relationship, a);
      bzw_relationship_set_b_id (relationship, random_side (rand, ids, a).contact_id);
      ok = bzw_store_save_relationship (store, relationship, error);
    }

  for (guint i = 0; ok && i < N_ENCOUNTERS; i++)
    {
      g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
      BzwChannel channel = channels[g_rand_int_range (rand, 0, G_N_ELEMENTS (channels))];
      guint n = channel == BZW_CHANNEL_EVENT ? g_rand_int_range (rand, 3, 25) : g_rand_int_range (rand, 1, 3);
      /* Recent weeks are busier than three years ago. */
      double r = g_rand_double (rand);

      bzw_encounter_set_happened_at (encounter, now - (gint64) (r * r * 3 * 365 * DAY));
      bzw_encounter_set_channel (encounter, channel);
      for (guint p = 0; p < n; p++)
        {
          gint64 id = ids[g_rand_int_range (rand, 0, N_CONTACTS)];

          if (!bzw_encounter_has_participant (encounter, id))
            bzw_encounter_add_participant (encounter, id, NULL);
        }
      ok = bzw_store_save_encounter (store, encounter, error);
    }

  for (guint i = 0; ok && i < N_FAVOURS; i++)
    {
      g_autoptr(BzwFavour) favour = bzw_favour_new ();
      g_autofree char *day = day_string (now - g_rand_int_range (rand, 0, 2 * 365) * (gint64) DAY);
      guint kind = g_rand_int_range (rand, 0, 10);
      BzwParty a = random_side (rand, ids, 0);
      BzwParty b = random_side (rand, ids, a.contact_id);

      bzw_favour_set_day (favour, day);
      bzw_favour_set_from (favour, kind < 4 ? &BZW_PARTY_ME : &a);
      bzw_favour_set_to (favour, kind >= 4 && kind < 8 ? &BZW_PARTY_ME : &b);
      bzw_favour_set_state (favour, (BzwFavourState) g_rand_int_range (rand, 0, BZW_N_FAVOUR_STATES));
      bzw_favour_set_direction (favour, (BzwFavourDirection) g_rand_int_range (rand, 0, BZW_N_FAVOUR_DIRECTIONS));
      bzw_favour_set_value_cents (favour, g_rand_int_range (rand, 0, 50) * 1000);
      bzw_favour_set_description (favour, "Hilfe bei etwas");
      ok = bzw_store_save_favour (store, favour, error);
    }

  for (guint i = 0; ok && i < N_REFERRALS; i++)
    {
      g_autoptr(BzwReferral) referral = bzw_referral_new ();
      g_autofree char *day = day_string (now - g_rand_int_range (rand, 0, 2 * 365) * (gint64) DAY);
      guint kind = g_rand_int_range (rand, 0, 10);
      BzwParty a = random_side (rand, ids, 0);
      BzwParty b = random_side (rand, ids, a.contact_id);
      BzwParty c = random_side (rand, ids, 0);

      bzw_referral_set_day (referral, day);
      bzw_referral_set_giver (referral, kind < 4 ? &BZW_PARTY_ME : &a);
      bzw_referral_set_receiver (referral, kind >= 4 && kind < 8 ? &BZW_PARTY_ME : &b);
      bzw_referral_set_referred (referral, &c);
      bzw_referral_set_state (referral, (BzwReferralState) g_rand_int_range (rand, 0, BZW_N_REFERRAL_STATES));
      bzw_referral_set_value_cents (referral, g_rand_int_range (rand, 0, 100) * 10000);
      bzw_referral_set_thanked (referral, g_rand_boolean (rand));
      ok = bzw_store_save_referral (store, referral, error);
    }

  if (!ok)
    {
      bzw_store_rollback (store);
      return FALSE;
    }

  return bzw_store_commit (store, error);
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static void
print_figure (const char *name,
              double      value,
              const char *unit,
              const char *goal,
              double      ratio)
{
  g_autoptr(GString) line = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (line, "{\"group\": \"stats\", \"name\": \"%s\", \"value\": %s, \"unit\": \"%s\"",
                          name, g_ascii_formatd (number, sizeof number, "%.2f", value), unit);
  if (goal != NULL)
    g_string_append_printf (line, ", \"goal\": \"%s\"", goal);
  if (ratio >= 0.0)
    g_string_append_printf (line, ", \"ratio\": %s", g_ascii_formatd (number, sizeof number, "%.3f", ratio));
  g_string_append (line, "}");
  /* Raw UTF-8: g_print() would convert to the locale's charset. */
  g_string_append_c (line, '\n');
  fputs (line->str, stdout);
  fflush (stdout);
}

#define TIME_PART(label, expr)                                                \
  G_STMT_START {                                                              \
    double part_times[N_RUNS];                                                \
    for (guint run = 0; run < N_RUNS; run++)                                  \
      {                                                                       \
        gint64 part_start = g_get_monotonic_time ();                          \
        g_autoptr(GArray) result = (expr);                                    \
        part_times[run] = (g_get_monotonic_time () - part_start) / 1000.0;    \
        if (result == NULL)                                                   \
          g_error ("%s failed: %s", label, error->message);                  \
      }                                                                       \
    print_figure (label, median (part_times, N_RUNS), "ms", NULL, -1.0);      \
  } G_STMT_END

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2025, 6, 18, 12, 0, 0);
  g_autofree char *dir = g_dir_make_tmp ("bzw-bench-stats-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GArray) activity = NULL;
  double times[N_RUNS];
  double cpu_times[N_RUNS];
  gboolean keep = FALSE;
  gint64 start;
  guint n;

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.db", NULL);

  /* bench-stats --keep=FILE leaves the synthetic database in FILE. */
  if (argc > 1 && g_str_has_prefix (argv[1], "--keep="))
    {
      g_free (path);
      path = g_strdup (argv[1] + strlen ("--keep="));
      keep = TRUE;
    }

  store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  if (!build_store (store, g_date_time_to_unix (now), &error))
    g_error ("Cannot build the store: %s", error->message);
  print_figure ("Build synthetic store (10,000 contacts, 50,000 entries, one transaction)",
                (g_get_monotonic_time () - start) / 1e6, "s", NULL, -1.0);

  /* The whole overview, on its own read-only connection, as the view runs
   * it; the app's connection stays open as it would.
   */
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(BzwDashboard) overview = NULL;
      double cpu_start = thread_cpu_ms ();

      start = g_get_monotonic_time ();
      overview = bzw_dashboard_compute (path, now, &error);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      cpu_times[run] = thread_cpu_ms () - cpu_start;
      if (overview == NULL)
        g_error ("Overview failed: %s", error->message);
    }
  {
    double p50 = median (times, N_RUNS);

    print_figure ("bzw_dashboard_compute, 10,000 contacts / 50,000 entries (p50 of 5)", p50, "ms",
                  "≤ 100 ms", p50 / 100.0);
    /* CPU time of the thread: what the wall time would be on an idle
     * machine, less sensitive to other work on it.
     */
    p50 = median (cpu_times, N_RUNS);
    print_figure ("bzw_dashboard_compute, CPU time of the thread (p50 of 5)", p50, "ms", "≤ 100 ms", p50 / 100.0);
  }

  /* Its parts, on the open connection. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(BzwStore) reader = NULL;

      start = g_get_monotonic_time ();
      reader = bzw_store_stats_open_reader (path, &error);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      if (reader == NULL)
        g_error ("%s", error->message);
    }
  print_figure ("Part: open the reader connection", median (times, N_RUNS), "ms", NULL, -1.0);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(BzwStore) checked = NULL;

      start = g_get_monotonic_time ();
      checked = bzw_store_open (path, BZW_STORE_OPEN_READ_ONLY, &error);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      if (checked == NULL)
        g_error ("%s", error->message);
    }
  print_figure ("Not used: bzw_store_open read-only (with quick_check)", median (times, N_RUNS), "ms", NULL, -1.0);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GArray) scanned_activity = NULL;
      g_autoptr(GArray) scanned_weeks = NULL;

      start = g_get_monotonic_time ();
      if (!bzw_store_stats_scan_journal (store, now, 52, &scanned_activity, &scanned_weeks, &error))
        g_error ("%s", error->message);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      if (run == 0)
        activity = g_steal_pointer (&scanned_activity);
    }
  print_figure ("Part: one pass over the journal (activity, strength, weeks)", median (times, N_RUNS), "ms",
                NULL, -1.0);

  TIME_PART ("Part: due contacts", bzw_store_stats_list_due (store, now, FALSE, activity, &error));
  TIME_PART ("Part: long unseen", bzw_store_stats_list_long_unseen (store, now, activity, &error));
  TIME_PART ("Part: promised favours", bzw_store_stats_list_promised_favours (store, &error));
  TIME_PART ("Part: referrals awaiting thanks", bzw_store_stats_list_unthanked_referrals (store, &error));
  TIME_PART ("Part: give and take by month", bzw_store_stats_give_take_by_month (store, now, 12, &error));
  TIME_PART ("Part: second-degree reach", bzw_store_stats_list_second_degree (store, activity, &error));
  TIME_PART ("Part: introduction suggestions", bzw_store_stats_list_introductions (store, 20, &error));
  TIME_PART ("Part: giving cycles", bzw_store_stats_list_giving_cycles (store, 4, 20, &n, &error));
  TIME_PART ("Not in the overview: due contacts without a pass at hand",
             bzw_store_stats_list_due (store, now, FALSE, NULL, &error));
  TIME_PART ("Not in the overview: encounters per week alone", bzw_store_stats_encounters_by_week (store, now, 52, &error));
  TIME_PART ("Not in the overview: give and take per contact", bzw_store_stats_list_give_take (store, &error));

  for (guint run = 0; run < N_RUNS; run++)
    {
      guint a, b, c;

      start = g_get_monotonic_time ();
      if (!bzw_store_stats_count_contacts (store, &a, &error) ||
          !bzw_store_stats_count_met_since (store, g_date_time_to_unix (now) - 365 * DAY, &b, &error) ||
          !bzw_store_stats_count_online_only (store, &c, &error))
        g_error ("%s", error->message);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  print_figure ("Not in the overview: the three counts in SQL", median (times, N_RUNS), "ms", NULL, -1.0);

  g_clear_object (&store);
  if (!keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_rmdir (dir);

  return 0;
}
