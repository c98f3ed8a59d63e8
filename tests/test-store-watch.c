/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-test-fixture.h"

/* The store's watch for other connections (store/bzw-store-watch.c) in a
 * running main loop: a burst of commits by another connection, as a long
 * sync or an import from a terminal makes them, is announced a few times,
 * not once per commit, and the last commit is announced too.
 */

#define COMMITS 60

typedef struct
{
  char          *path;
  GMutex         lock;
  gboolean       done;
  gint64         started;   /* monotonic µs of the first commit */
  gint64         finished;  /* of the last */
  guint          announced;
  guint          counted;   /* contacts the store counted at the last announcement */
} Burst;

static void
changed_cb (BzwStore *store,
            guint     what,
            gint64    id,
            Burst    *burst)
{
  burst->announced++;
  burst->counted = bzw_store_count_contacts (store);
}

/* Another connection commits COMMITS contacts, one transaction each. */
static gpointer
write_burst (gpointer data)
{
  Burst *burst = data;
  g_autoptr(BzwStore) other = bzw_store_open (burst->path, BZW_STORE_OPEN_SECOND, NULL);

  g_assert_nonnull (other);
  burst->started = g_get_monotonic_time ();
  for (guint i = 0; i < COMMITS; i++)
    {
      g_autoptr(BzwContact) contact = bzw_contact_new ();
      g_autofree char *name = g_strdup_printf ("Terminal %u", i);

      bzw_contact_set_given_name (contact, name);
      g_assert_true (bzw_store_save_contact (other, contact, NULL));
      /* A sync's batches come a little apart. */
      g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }

  g_mutex_lock (&burst->lock);
  burst->finished = g_get_monotonic_time ();
  burst->done = TRUE;
  g_mutex_unlock (&burst->lock);
  bzw_store_close (other);
  return NULL;
}

static gboolean
burst_done (Burst *burst)
{
  gboolean done;

  g_mutex_lock (&burst->lock);
  done = burst->done;
  g_mutex_unlock (&burst->lock);
  return done;
}

static void
test_burst (BzwTestStore  *fixture,
            gconstpointer  data)
{
  Burst burst = { NULL, };
  g_autoptr(GThread) thread = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  guint bound;

  bzw_test_store_open (fixture, "watch.db");
  burst.path = fixture->path;
  g_mutex_init (&burst.lock);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), &burst);
  bzw_store_watch_other_processes (fixture->store);

  thread = g_thread_new ("burst", write_burst, &burst);
  /* Until the window shows the last commit; the deadline only ends a hang. */
  while (!(burst_done (&burst) && burst.counted == COMMITS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (g_steal_pointer (&thread));

  g_assert_cmpuint (burst.counted, ==, COMMITS);
  /* At most one announcement per 500 ms of the burst and of the 750 ms
   * after it in which the last commit is announced, one at its start.
   */
  bound = (guint) ((burst.finished - burst.started) / (500 * G_TIME_SPAN_MILLISECOND)) + 3;
  g_test_message ("%u commits in %" G_GINT64_FORMAT " ms announced %u times (at most %u)",
                  COMMITS, (burst.finished - burst.started) / 1000, burst.announced, bound);
  g_assert_cmpuint (burst.announced, >=, 1);
  g_assert_cmpuint (burst.announced, <=, bound);
  g_mutex_clear (&burst.lock);
}

/* Nothing committed elsewhere, nothing announced: the watch is quiet. */
static void
test_quiet (BzwTestStore  *fixture,
            gconstpointer  data)
{
  Burst burst = { NULL, };
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  guint own;

  bzw_test_store_open (fixture, "quiet.db");
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), &burst);
  bzw_store_watch_other_processes (fixture->store);
  bzw_contact_set_given_name (contact, "Eigene");
  g_assert_true (bzw_store_save_contact (fixture->store, contact, NULL));
  own = burst.announced;

  /* Our own commit is announced by the write, and the watch does not see
   * it again however often it looks.
   */
  for (guint i = 0; i < 5; i++)
    g_assert_false (bzw_store_check_other_processes (fixture->store));
  g_assert_cmpuint (burst.announced, ==, own);
}

static void
close_store (BzwTestStore  *fixture,
             gconstpointer  data)
{
  bzw_test_store_close (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/watch/burst", BzwTestStore, NULL, NULL, test_burst, close_store);
  g_test_add ("/store/watch/quiet", BzwTestStore, NULL, NULL, test_quiet, close_store);
  return g_test_run ();
}
