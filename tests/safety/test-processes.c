/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Other processes: one killed with SIGKILL in the middle of its writes
 * loses nothing it reported as committed; two processes writing at once
 * either wait for each other or fail with a clear message, and lose nothing.
 */

#include "config.h"

#include "safety-common.h"

#include <locale.h>
#include <signal.h>

#define KILL_ROUNDS 20

typedef struct
{
  char *dir;
  char *path;
  char *helper;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("bzw-processes-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "beziehungsweise.db", NULL);
  fixture->helper = g_test_build_filename (G_TEST_BUILT, "safety", "bzw-safety-helper", NULL);
  g_assert_true (g_file_test (fixture->helper, G_FILE_TEST_IS_EXECUTABLE));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  safety_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->helper);
}

static GSubprocess *
spawn_helper (Fixture    *fixture,
              const char *mode,
              const char *arg)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              fixture->helper, mode, fixture->path, arg, NULL);
  g_assert_no_error (error);
  return process;
}

static char *
read_line (GDataInputStream *stream)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (stream, NULL, NULL, &error);

  g_assert_no_error (error);
  return line;
}

typedef struct
{
  char   kind;
  gint64 id;
  char  *name;
} Report;

static void
report_clear (gpointer data)
{
  g_free (((Report *) data)->name);
}

/* Kill test: a helper writes small committed entries through the store API
 * (about two thousand in all) and reports each on a pipe; it is killed with
 * SIGKILL at a random moment, the database is opened again and checked, and
 * every reported entry must be there.  The random moments come from the
 * test's seed (--seed to repeat a run).
 */
static void
test_kill (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GArray) reports = g_array_new (FALSE, TRUE, sizeof (Report));
  guint total_rows = 0;
  guint losses = 0;
  guint max_round = 0;
  guint min_round = G_MAXUINT;

  g_array_set_clear_func (reports, report_clear);
  safety_make_store (fixture->path, 0);

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GDataInputStream) stream = NULL;
      g_autoptr(BzwStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *round_name = g_strdup_printf ("R%u", round);
      guint before = reports->len;
      guint target;
      gboolean killed;
      guint in_round;
      char *line;
      int rows;

      process = spawn_helper (fixture, "write", round_name);
      stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

      /* Let it commit a random number of entries, then kill it a random
       * fraction of a commit later; every line it wrote before it died is
       * still in the pipe.
       */
      target = g_test_rand_int_range (20, 200);
      killed = FALSE;
      while ((line = read_line (stream)) != NULL)
        {
          Report report = { 0 };
          char name[64] = { 0 };

          if (sscanf (line, "%c %" G_GINT64_FORMAT " %63s", &report.kind, &report.id, name) != 3)
            g_error ("Bad report “%s”", line);
          report.name = g_strdup (name);
          g_array_append_val (reports, report);
          g_free (line);

          if (!killed && reports->len - before >= target)
            {
              g_usleep (g_test_rand_int_range (0, 8000));
              g_subprocess_force_exit (process);
              killed = TRUE;
            }
        }
      g_assert_true (killed);

      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (process));
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

      in_round = reports->len - before;
      max_round = MAX (max_round, in_round);
      min_round = MIN (min_round, in_round);

      /* Open again as the app would, and check everything. */
      store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (bzw_store_check_integrity (store, FALSE, &error));
      g_assert_no_error (error);

      for (guint i = 0; i < reports->len; i++)
        {
          Report *report = &g_array_index (reports, Report, i);
          g_autoptr(GError) lookup_error = NULL;

          if (report->kind == 'c')
            {
              g_autoptr(BzwContact) contact = bzw_store_dup_contact (store, report->id, &lookup_error);

              if (contact == NULL || g_strcmp0 (bzw_contact_get_display_name (contact), report->name) != 0)
                losses++;
            }
          else
            {
              g_autoptr(BzwFavour) favour = bzw_store_dup_favour (store, report->id, &lookup_error);

              if (favour == NULL || g_strcmp0 (bzw_favour_get_description (favour), report->name) != 0)
                losses++;
            }
        }

      /* At most the one write in flight is there without a report. */
      rows = bzw_store_count_contacts (store) + bzw_store_count_journal (store);
      g_assert_cmpint (rows, >=, (int) reports->len);
      g_assert_cmpint (rows, <=, (int) reports->len + (int) round + 1);
      total_rows = rows;
    }

  g_test_message ("Kill test: %u rounds, %u commits reported (%u to %u a round), %u rows found, %u lost",
                  KILL_ROUNDS, reports->len, min_round, max_round, total_rows, losses);
  g_assert_cmpuint (losses, ==, 0);
  g_assert_cmpuint (reports->len, >=, KILL_ROUNDS * 20);
}

static void
add_contact (BzwStore   *store,
             const char *name,
             GError    **error)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();

  bzw_contact_set_display_name (contact, name);
  bzw_store_save_contact (store, contact, error);
}

static gint64
wait_for_commit (GSubprocess      *process,
                 GDataInputStream *stream)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = read_line (stream);
  gint64 id = 0;

  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "committed %" G_GINT64_FORMAT, &id), ==, 1);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  return id;
}

/* The window and, say, a command-line import at the same time: the second
 * writer waits while the first holds its transaction briefly.
 */
static void
test_second_writer_waits (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *held = NULL;
  gint64 start;
  gint64 waited;
  gint64 their_id;

  safety_make_store (fixture->path, 1);
  store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  process = spawn_helper (fixture, "hold", "1500");
  stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  held = read_line (stream);
  g_assert_cmpstr (held, ==, "held");

  /* Reading goes on while the other holds its write. */
  g_assert_cmpuint (bzw_store_count_contacts (store), ==, 1);

  start = g_get_monotonic_time ();
  add_contact (store, "Wartet", &error);
  waited = (g_get_monotonic_time () - start) / 1000;
  g_assert_no_error (error);
  g_test_message ("The second writer waited %" G_GINT64_FORMAT " ms", waited);
  g_assert_cmpint (waited, >=, 500);

  their_id = wait_for_commit (process, stream);
  g_assert_cmpuint (bzw_store_count_contacts (store), ==, 3);
  {
    g_autoptr(BzwContact) theirs = bzw_store_dup_contact (store, their_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bzw_contact_get_display_name (theirs), ==, "Gehalten");
  }
}

/* Held longer than the store waits: the second writer gets a clear error,
 * its own data stays with it to try again, and nothing is lost.
 */
static void
test_second_writer_fails_clearly (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *held = NULL;
  gint64 start;
  gint64 waited;

  safety_make_store (fixture->path, 1);
  store = bzw_store_open (fixture->path, BZW_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  process = spawn_helper (fixture, "hold", "7000");
  stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  held = read_line (stream);
  g_assert_cmpstr (held, ==, "held");

  start = g_get_monotonic_time ();
  add_contact (store, "Zu früh", &error);
  waited = (g_get_monotonic_time () - start) / 1000;
  g_assert_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_LOCKED);
  g_test_message ("After %" G_GINT64_FORMAT " ms: %s", waited, error->message);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_assert_cmpint (waited, >=, 4000);
  g_clear_error (&error);
  g_assert_cmpuint (bzw_store_count_contacts (store), ==, 1);

  /* Once the other is done, the same write goes through. */
  wait_for_commit (process, stream);
  add_contact (store, "Zu früh", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bzw_store_count_contacts (store), ==, 3);
  g_assert_true (bzw_store_check_integrity (store, FALSE, &error));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/safety/processes/kill", Fixture, NULL, fixture_set_up, test_kill, fixture_tear_down);
  g_test_add ("/safety/processes/second-writer-waits", Fixture, NULL,
              fixture_set_up, test_second_writer_waits, fixture_tear_down);
  g_test_add ("/safety/processes/second-writer-fails-clearly", Fixture, NULL,
              fixture_set_up, test_second_writer_fails_clearly, fixture_tear_down);

  return g_test_run ();
}
