/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Imports a generated 10,000-contact vCard file into a fresh store and
 * prints JSON lines: seconds (and seconds of CPU of all threads, which a
 * machine shared with others disturbs least), contacts per second, peak
 * RSS; also an export of the result and the floors the import is
 * measured against: reading alone, and raw SQLite inserts of the same
 * 10,000 contacts (then with their 60,000 fields, then also with 20,000
 * memberships and the search index built once) into the app's schema with
 * one prepared statement each, in one transaction, as the store commits.
 */

#include "config.h"

#include "bzw-importer.h"
#include "bzw-store.h"
#include "bzw-vcard-reader.h"
#include "bzw-vcard-writer.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define N_CONTACTS 10000

static const char * const given[] = {
  "Anna", "Bernd", "Clara", "Dieter", "Emma", "Frank", "Greta", "Hans", "Ines", "Jürgen",
  "Käthe", "Lars", "Mia", "Nils", "Olga", "Paul", "Rita", "Sven", "Tanja", "Uwe",
};
static const char * const family[] = {
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
  "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
  "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
};
static const char * const circles[] = {
  "Familie", "Freunde", "Ehemalige Kollegen", "Verein", "Alumni", "Kunden", "Empfehlungsgruppe",
};

/* The same file on every run: a fixed seed. */
static char *
generate (gsize *length)
{
  GString *out = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (20240601);

  for (guint i = 0; i < N_CONTACTS; i++)
    {
      const char *g = given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))];
      const char *f = family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))];
      guint version = i % 3;

      g_string_append (out, "BEGIN:VCARD\r\n");
      g_string_append (out, version == 0 ? "VERSION:3.0\r\n" : version == 1 ? "VERSION:4.0\r\n" : "VERSION:2.1\r\n");
      g_string_append_printf (out, "UID:bench-%08u\r\n", i);
      g_string_append_printf (out, "FN:%s %s %u\r\nN:%s;%s;;;\r\n", g, f, i, f, g);
      g_string_append_printf (out, "ORG:Firma %u GmbH;Abteilung %u\r\nTITLE:Rolle %u\r\n",
                              g_rand_int_range (rand, 0, 500), i % 7, i % 13);
      g_string_append_printf (out, "EMAIL;TYPE=work:person%u@firma.example\r\n", i);
      g_string_append_printf (out, "EMAIL;TYPE=home:p%u@privat.example\r\n", i);
      g_string_append_printf (out, "TEL;TYPE=cell:+49 170 %07u\r\nTEL;TYPE=work:+49 30 %07u\r\n",
                              g_rand_int_range (rand, 0, 9999999), i);
      g_string_append_printf (out, "ADR;TYPE=home:;;Straße %u;Berlin;;%05u;Deutschland\r\n",
                              i % 200, 10000 + i % 9000);
      g_string_append_printf (out, "BDAY:%04u-%02u-%02u\r\n", 1950 + i % 50, 1 + i % 12, 1 + i % 28);
      g_string_append_printf (out, "item1.URL:https://example.org/%u\r\nitem1.X-ABLabel:Blog\r\n", i);
      if (version == 2)
        g_string_append (out, "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Notiz mit Umlauten =C3=A4=C3=B6=C3=BC=\r\n"
                              " und einer Fortsetzung=0D=0Azweite Zeile\r\n");
      else
        g_string_append (out, "NOTE:Kennengelernt bei einer Veranstaltung\\, dann öfter gesprochen.\\nZweite Zeile\r\n");
      g_string_append_printf (out, "CATEGORIES:%s,%s\r\n",
                              circles[i % G_N_ELEMENTS (circles)], circles[(i / 7) % G_N_ELEMENTS (circles)]);
      g_string_append (out, "X-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/example\r\n");
      g_string_append (out, "END:VCARD\r\n");
    }

  g_rand_free (rand);
  *length = out->len;
  return g_string_free (out, FALSE);
}

static gboolean
exec_sql (sqlite3    *db,
          const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;

  g_printerr ("bench-io: %s: %s\n", sql, sqlite3_errmsg (db));
  return FALSE;
}

static void
bind_take (sqlite3_stmt *stmt,
           int           index,
           char         *text)
{
  sqlite3_bind_text (stmt, index, text, -1, g_free);
}

typedef enum
{
  FLOOR_CONTACTS,
  FLOOR_FIELDS,
  FLOOR_ALL,  /* fields, 2 circles each and the search index built at the end */
} FloorRows;

/* The raw floor: a fresh database of the app's schema (without the search
 * index triggers, the revision triggers of fields and memberships and the
 * CHECK constraints, which the import's bulk transaction suspends too), 10,000 contact rows and,
 * with FLOOR_FIELDS, 6 field rows each, with FLOOR_ALL also 2 memberships
 * each and the search index built at the end, inserted with prepared
 * statements in one transaction with the store's settings.  Returns
 * seconds, or -1.
 */
static double
raw_insert_floor (const char *dir,
                  FloorRows   rows)
{
  static const char * const names[] = { "floor", "floor-fields", "floor-all" };
  static guint run;
  g_autofree char *name = g_strdup_printf ("%s-%u.db", names[rows], run++);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gboolean fields = rows != FLOOR_CONTACTS;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = bzw_store_open (path, BZW_STORE_OPEN_DEFAULT, &error);
  sqlite3_stmt *contact = NULL;
  sqlite3_stmt *field = NULL;
  sqlite3_stmt *member = NULL;
  sqlite3 *db = NULL;
  gint64 start;
  double seconds = -1;

  if (store == NULL)
    return -1;
  g_clear_object (&store);

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      !exec_sql (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                     "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA ignore_check_constraints = ON;"
                     "DROP TRIGGER contacts_fts_insert; DROP TRIGGER contact_fields_fts_insert;"
                     "DROP TRIGGER contact_revisions_field_insert; DROP TRIGGER contact_revisions_circle_insert") ||
      sqlite3_prepare_v2 (db, "INSERT INTO contacts (uid, created, modified, display_name, given_name,"
                              " family_name, organisation, role, birthday, notes, sort_key)"
                              " VALUES (?1, 1, 1, ?2, 'Anna', 'Müller', ?3, 'Rolle', '1970-01-01',"
                              " 'Kennengelernt bei einer Veranstaltung', ?2)", -1, &contact, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO contact_fields (contact_id, kind, label, value, pref, position)"
                              " VALUES (?1, ?2, 'work', ?3, 0, ?4)", -1, &field, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO contact_circles (contact_id, circle_id) VALUES (?1, ?2)",
                          -1, &member, NULL) != SQLITE_OK ||
      (rows == FLOOR_ALL &&
       !exec_sql (db, "INSERT INTO circles (id, uid, created, modified, name)"
                      " VALUES (1, 'c1', 1, 1, 'Familie'), (2, 'c2', 1, 1, 'Freunde')")))
    goto out;

  start = g_get_monotonic_time ();
  if (!exec_sql (db, "BEGIN IMMEDIATE"))
    goto out;
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      static const char * const kinds[] = { "email", "email", "phone", "phone", "address", "url" };
      gint64 id;

      bind_take (contact, 1, g_strdup_printf ("bench-%08u", i));
      bind_take (contact, 2, g_strdup_printf ("Anna Müller %u", i));
      bind_take (contact, 3, g_strdup_printf ("Firma %u GmbH", i % 500));
      if (sqlite3_step (contact) != SQLITE_DONE)
        goto out;
      sqlite3_reset (contact);
      id = sqlite3_last_insert_rowid (db);

      for (guint k = 0; fields && k < G_N_ELEMENTS (kinds); k++)
        {
          sqlite3_bind_int64 (field, 1, id);
          sqlite3_bind_text (field, 2, kinds[k], -1, SQLITE_STATIC);
          bind_take (field, 3, k < 2 ? g_strdup_printf ("person%u@firma.example", i * 8 + k)
                                    : g_strdup_printf ("+49 30 %07u", i * 8 + k));
          sqlite3_bind_int (field, 4, k);
          if (sqlite3_step (field) != SQLITE_DONE)
            goto out;
          sqlite3_reset (field);
        }

      for (gint64 circle = 1; rows == FLOOR_ALL && circle <= 2; circle++)
        {
          sqlite3_bind_int64 (member, 1, id);
          sqlite3_bind_int64 (member, 2, circle);
          if (sqlite3_step (member) != SQLITE_DONE)
            goto out;
          sqlite3_reset (member);
        }
    }
  if (rows == FLOOR_ALL &&
      !exec_sql (db, "INSERT INTO contacts_fts (rowid, name, organisation, role, emails, notes)"
                     " SELECT c.id, c.display_name, c.organisation, c.role,"
                     "        (SELECT group_concat (value, ' ') FROM contact_fields"
                     "          WHERE contact_id = c.id AND kind = 'email'), c.notes"
                     "   FROM contacts c"))
    goto out;
  if (exec_sql (db, "COMMIT"))
    seconds = (g_get_monotonic_time () - start) / 1e6;

out:
  if (seconds < 0 && db != NULL)
    g_printerr ("bench-io: raw floor: %s\n", sqlite3_errmsg (db));
  sqlite3_finalize (contact);
  sqlite3_finalize (field);
  sqlite3_finalize (member);
  sqlite3_close (db);
  return seconds;
}

/* Seconds of CPU of every thread of the process so far, or of the
 * calling thread alone.
 */
static double
cpu_seconds (clockid_t clock)
{
  struct timespec t;

  clock_gettime (clock, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static double
peak_rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;
  double kib = 0;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  if ((line = strstr (status, "VmHWM:")) != NULL)
    kib = g_ascii_strtod (line + strlen ("VmHWM:"), NULL);

  return kib / 1024.0;
}

/* How often each timing is taken; the median is printed, so that one run
 * slowed by the machine's neighbours does not decide the figure. */
#define RUNS 3

typedef struct
{
  double seconds;
  double cpu;         /* all threads */
  double writer_cpu;  /* the calling thread: the import's writing */
} Timing;

static int
compare_timings (gconstpointer a,
                 gconstpointer b)
{
  const Timing *x = a;
  const Timing *y = b;

  return (x->seconds > y->seconds) - (x->seconds < y->seconds);
}

static Timing
median_timing (Timing runs[RUNS])
{
  qsort (runs, RUNS, sizeof (Timing), compare_timings);
  return runs[RUNS / 2];
}

/* The median of RUNS raw floors of @rows, or -1. */
static double
median_floor (const char *dir,
              FloorRows   rows)
{
  Timing runs[RUNS] = { { 0 } };

  for (guint i = 0; i < RUNS; i++)
    if ((runs[i].seconds = raw_insert_floor (dir, rows)) < 0)
      return -1;

  return median_timing (runs).seconds;
}

/* The whole --import of @vcf into a fresh store at @db: read the file,
 * preview, one transaction.  Returns FALSE with a message printed.
 */
static gboolean
time_import (const char *vcf,
             const char *db,
             Timing     *timing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = bzw_store_open (db, BZW_STORE_OPEN_DEFAULT, &error);
  BzwImportSummary summary = { 0 };
  gint64 start;
  double cpu, thread_cpu;

  if (store == NULL)
    {
      g_printerr ("bench-io: %s\n", error->message);
      return FALSE;
    }

  start = g_get_monotonic_time ();
  cpu = cpu_seconds (CLOCK_PROCESS_CPUTIME_ID);
  thread_cpu = cpu_seconds (CLOCK_THREAD_CPUTIME_ID);
  if (!bzw_importer_import_file (store, vcf, BZW_IMPORT_ACTION_MERGE, &summary, NULL, &error))
    {
      g_printerr ("bench-io: %s\n", error->message);
      return FALSE;
    }
  timing->cpu = cpu_seconds (CLOCK_PROCESS_CPUTIME_ID) - cpu;
  timing->writer_cpu = cpu_seconds (CLOCK_THREAD_CPUTIME_ID) - thread_cpu;
  timing->seconds = (g_get_monotonic_time () - start) / 1e6;

  if (summary.added != N_CONTACTS || bzw_store_count_contacts (store) != N_CONTACTS)
    {
      g_printerr ("bench-io: imported %u contacts, expected %u\n", summary.added, N_CONTACTS);
      return FALSE;
    }

  return TRUE;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bzw-bench-io-XXXXXX", &error);
  g_autofree char *vcf = NULL;
  g_autofree char *db = NULL;
  Timing imports[RUNS] = { { 0 } };
  Timing import;
  g_autofree char *export = NULL;
  g_autofree char *data = NULL;
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(BzwParseResult) parsed = NULL;
  gsize length;
  gint64 start;
  double parse_s, export_s, floor_s, floor_fields_s, floor_all_s;
  double parse_cpu, cpu;

  setlocale (LC_ALL, "");
  /* SQLite as the app sets it up, for the floors too. */
  bzw_store_init_sqlite ();

  if (dir == NULL)
    {
      g_printerr ("bench-io: %s\n", error->message);
      return 1;
    }

  vcf = g_build_filename (dir, "contacts.vcf", NULL);
  db = g_build_filename (dir, "bench-0.db", NULL);
  export = g_build_filename (dir, "export.vcf", NULL);

  data = generate (&length);
  if (!g_file_set_contents (vcf, data, length, &error))
    {
      g_printerr ("bench-io: %s\n", error->message);
      return 1;
    }

  /* Reading alone. */
  start = g_get_monotonic_time ();
  cpu = cpu_seconds (CLOCK_PROCESS_CPUTIME_ID);
  parsed = bzw_vcard_reader_parse (data, length);
  parse_cpu = cpu_seconds (CLOCK_PROCESS_CPUTIME_ID) - cpu;
  parse_s = (g_get_monotonic_time () - start) / 1e6;
  if (parsed->cards->len != N_CONTACTS)
    {
      g_printerr ("bench-io: read %u cards, expected %u\n", parsed->cards->len, N_CONTACTS);
      return 1;
    }
  g_clear_pointer (&parsed, bzw_parse_result_unref);
  g_clear_pointer (&data, g_free);

  floor_s = median_floor (dir, FLOOR_CONTACTS);
  floor_fields_s = median_floor (dir, FLOOR_FIELDS);
  floor_all_s = median_floor (dir, FLOOR_ALL);
  if (floor_s < 0 || floor_fields_s < 0 || floor_all_s < 0)
    return 1;

  for (guint i = 0; i < RUNS; i++)
    {
      g_autofree char *name = g_strdup_printf ("bench-%u.db", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!time_import (vcf, path, &imports[i]))
        return 1;
    }
  import = median_timing (imports);

  store = bzw_store_open (db, BZW_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("bench-io: %s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  if (!bzw_vcard_export_store (store, NULL, export, &error))
    {
      g_printerr ("bench-io: %s\n", error->message);
      return 1;
    }
  export_s = (g_get_monotonic_time () - start) / 1e6;

  printf ("{\"group\": \"io\", \"name\": \"Import of 10,000 vCards into a fresh store\", "
          "\"value\": %.3f, \"unit\": \"s\", \"goal\": \"≤ 0.35 s\", \"ratio\": %.3f}\n",
          import.seconds, import.seconds / 0.35);
  printf ("{\"group\": \"io\", \"name\": \"Floor: reading 10,000 vCards (%.1f MiB), no store\", "
          "\"value\": %.3f, \"unit\": \"s\"}\n", length / (1024.0 * 1024.0), parse_s);
  printf ("{\"group\": \"io\", \"name\": \"Floor: raw SQLite insert of 10,000 contact rows\", "
          "\"value\": %.3f, \"unit\": \"s\"}\n", floor_s);
  printf ("{\"group\": \"io\", \"name\": \"Floor: the same with 60,000 field rows\", "
          "\"value\": %.3f, \"unit\": \"s\"}\n", floor_fields_s);
  printf ("{\"group\": \"io\", \"name\": \"Floor: the same with 20,000 memberships and the search index\", "
          "\"value\": %.3f, \"unit\": \"s\"}\n", floor_all_s);
  printf ("{\"group\": \"io\", \"name\": \"The import's CPU time, all threads\", "
          "\"value\": %.3f, \"unit\": \"s\"}\n", import.cpu);
  printf ("{\"group\": \"io\", \"name\": \"The import's CPU time in the writing thread (the critical path)\", "
          "\"value\": %.3f, \"unit\": \"s\"}\n", import.writer_cpu);
  printf ("{\"group\": \"io\", \"name\": \"Floor: CPU time of reading alone, all threads\", "
          "\"value\": %.3f, \"unit\": \"s\"}\n", parse_cpu);
  printf ("{\"group\": \"io\", \"name\": \"Import rate\", \"value\": %.0f, \"unit\": \"contacts/s\", "
          "\"goal\": \"≥ 10,000/s\"}\n", N_CONTACTS / import.seconds);
  printf ("{\"group\": \"io\", \"name\": \"Export of 10,000 contacts as vCard 4.0\", "
          "\"value\": %.3f, \"unit\": \"s\"}\n", export_s);
  printf ("{\"group\": \"io\", \"name\": \"Peak RSS of the import benchmark\", "
          "\"value\": %.1f, \"unit\": \"MiB\"}\n", peak_rss_mib ());

  g_clear_object (&store);
  remove_dir (dir);
  return 0;
}
