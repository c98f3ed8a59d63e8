/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-dav-client.h"
#include "bzw-sync-account.h"
#include "bzw-sync-conflicts.h"
#include "bzw-sync-scheduler.h"
#include "bzw-test-fixture.h"

#include <string.h>

/* The background sync's rules, and the scheduler on a real database
 * against a port where nothing listens (offline) and a small HTTP server
 * that refuses every password (blocked: no retry storm).  The conflicts
 * of a merge are settled on a real store.
 */

static void
test_rules (void)
{
  /* A sync that went through: again after the period. */
  g_assert_cmpuint (bzw_sync_retry_delay (BZW_SYNC_STATE_DONE, 0), ==, BZW_SYNC_PERIOD_SECONDS);

  /* Offline: 30 s, doubling, never longer than the period. */
  g_assert_cmpuint (bzw_sync_retry_delay (BZW_SYNC_STATE_OFFLINE, 1), ==, 30);
  g_assert_cmpuint (bzw_sync_retry_delay (BZW_SYNC_STATE_OFFLINE, 2), ==, 60);
  g_assert_cmpuint (bzw_sync_retry_delay (BZW_SYNC_STATE_OFFLINE, 3), ==, 120);
  g_assert_cmpuint (bzw_sync_retry_delay (BZW_SYNC_STATE_OFFLINE, 50), ==, BZW_SYNC_PERIOD_SECONDS);

  /* A server error: the same steps, up to half an hour. */
  g_assert_cmpuint (bzw_sync_retry_delay (BZW_SYNC_STATE_FAILED, 4), ==, 240);
  g_assert_cmpuint (bzw_sync_retry_delay (BZW_SYNC_STATE_FAILED, 50), ==, BZW_SYNC_RETRY_MAX);

  /* A wrong password, or no account: never by itself. */
  g_assert_cmpuint (bzw_sync_retry_delay (BZW_SYNC_STATE_BLOCKED, 1), ==, 0);
  g_assert_cmpuint (bzw_sync_retry_delay (BZW_SYNC_STATE_NO_ACCOUNT, 0), ==, 0);

  g_assert_true (bzw_sync_may_start (BZW_SYNC_STATE_DONE, BZW_SYNC_TRIGGER_LOCAL));
  g_assert_true (bzw_sync_may_start (BZW_SYNC_STATE_WAITING, BZW_SYNC_TRIGGER_START));
  g_assert_false (bzw_sync_may_start (BZW_SYNC_STATE_OFFLINE, BZW_SYNC_TRIGGER_LOCAL));
  g_assert_true (bzw_sync_may_start (BZW_SYNC_STATE_OFFLINE, BZW_SYNC_TRIGGER_TIMER));
  g_assert_false (bzw_sync_may_start (BZW_SYNC_STATE_BLOCKED, BZW_SYNC_TRIGGER_TIMER));
  g_assert_false (bzw_sync_may_start (BZW_SYNC_STATE_BLOCKED, BZW_SYNC_TRIGGER_LOCAL));
  g_assert_true (bzw_sync_may_start (BZW_SYNC_STATE_BLOCKED, BZW_SYNC_TRIGGER_USER));
  g_assert_true (bzw_sync_may_start (BZW_SYNC_STATE_BLOCKED, BZW_SYNC_TRIGGER_SETTINGS));
  g_assert_false (bzw_sync_may_start (BZW_SYNC_STATE_NO_ACCOUNT, BZW_SYNC_TRIGGER_TIMER));
  g_assert_false (bzw_sync_may_start (BZW_SYNC_STATE_RUNNING, BZW_SYNC_TRIGGER_USER));
}

static void
test_errors (void)
{
  g_autoptr(GError) offline = g_error_new_literal (BZW_DAV_ERROR, BZW_DAV_ERROR_NETWORK, "x");
  g_autoptr(GError) refused = g_error_new_literal (BZW_DAV_ERROR, BZW_DAV_ERROR_UNAUTHORIZED, "x");
  g_autoptr(GError) insecure = g_error_new_literal (BZW_DAV_ERROR, BZW_DAV_ERROR_INSECURE, "x");
  g_autoptr(GError) certificate = g_error_new_literal (BZW_DAV_ERROR, BZW_DAV_ERROR_CERTIFICATE, "x");
  g_autoptr(GError) full = g_error_new_literal (BZW_DAV_ERROR, BZW_DAV_ERROR_FULL, "x");

  g_assert_cmpint (bzw_sync_state_for_error (offline), ==, BZW_SYNC_STATE_OFFLINE);
  g_assert_cmpint (bzw_sync_state_for_error (refused), ==, BZW_SYNC_STATE_BLOCKED);
  g_assert_cmpint (bzw_sync_state_for_error (insecure), ==, BZW_SYNC_STATE_BLOCKED);
  g_assert_cmpint (bzw_sync_state_for_error (certificate), ==, BZW_SYNC_STATE_BLOCKED);
  g_assert_cmpint (bzw_sync_state_for_error (full), ==, BZW_SYNC_STATE_FAILED);
}

/* Runs the main loop until @scheduler is out of RUNNING. */
static void
wait_idle (BzwSyncScheduler *scheduler)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (bzw_sync_scheduler_get_state (scheduler) == BZW_SYNC_STATE_RUNNING && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (bzw_sync_scheduler_get_state (scheduler), !=, BZW_SYNC_STATE_RUNNING);
}

/* Spins the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, address, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
set_account (BzwTestStore *fixture,
             guint16       port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://anna@127.0.0.1:%u/", port);

  g_assert_true (bzw_sync_account_set (fixture->store, url, &error));
  g_assert_no_error (error);
}

static void
test_no_account (void)
{
  BzwTestStore fixture = { 0 };
  g_autoptr(BzwSyncScheduler) scheduler = NULL;

  bzw_test_store_open (&fixture, "sync.db");
  scheduler = bzw_sync_scheduler_new (fixture.path);
  bzw_sync_scheduler_trigger (scheduler, BZW_SYNC_TRIGGER_START);
  wait_idle (scheduler);
  g_assert_cmpint (bzw_sync_scheduler_get_state (scheduler), ==, BZW_SYNC_STATE_NO_ACCOUNT);

  /* A change here starts nothing without an account. */
  bzw_sync_scheduler_trigger (scheduler, BZW_SYNC_TRIGGER_LOCAL);
  g_assert_cmpint (bzw_sync_scheduler_get_state (scheduler), ==, BZW_SYNC_STATE_NO_ACCOUNT);
  bzw_test_store_close (&fixture);
}

static void
test_offline (void)
{
  BzwTestStore fixture = { 0 };
  g_autoptr(BzwSyncScheduler) scheduler = NULL;

  bzw_test_store_open (&fixture, "sync.db");
  set_account (&fixture, free_port ());
  scheduler = bzw_sync_scheduler_new (fixture.path);

  bzw_sync_scheduler_trigger (scheduler, BZW_SYNC_TRIGGER_START);
  g_assert_cmpint (bzw_sync_scheduler_get_state (scheduler), ==, BZW_SYNC_STATE_RUNNING);
  wait_idle (scheduler);
  g_assert_cmpint (bzw_sync_scheduler_get_state (scheduler), ==, BZW_SYNC_STATE_OFFLINE);
  g_assert_cmpuint (bzw_sync_scheduler_get_n_failures (scheduler), ==, 1);
  g_assert_nonnull (bzw_sync_scheduler_get_message (scheduler));
  g_assert_cmpint (bzw_sync_scheduler_get_last_sync (scheduler), ==, 0);

  /* Changes here wait for the retry; the user does not. */
  bzw_sync_scheduler_trigger (scheduler, BZW_SYNC_TRIGGER_LOCAL);
  g_assert_cmpint (bzw_sync_scheduler_get_state (scheduler), ==, BZW_SYNC_STATE_OFFLINE);
  bzw_sync_scheduler_trigger (scheduler, BZW_SYNC_TRIGGER_USER);
  g_assert_cmpint (bzw_sync_scheduler_get_state (scheduler), ==, BZW_SYNC_STATE_RUNNING);
  wait_idle (scheduler);
  g_assert_cmpuint (bzw_sync_scheduler_get_n_failures (scheduler), ==, 2);
  bzw_test_store_close (&fixture);
}

/* A server that answers every request with 401, counting them. */
static gboolean
refuse_cb (GThreadedSocketService *service,
           GSocketConnection      *connection,
           GObject                *source,
           gpointer                user_data)
{
  static const char answer[] = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\"\r\n"
                               "Content-Length: 0\r\nConnection: close\r\n\r\n";
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GString) request = g_string_new (NULL);
  char buffer[1024];
  gssize n;

  while (strstr (request->str, "\r\n\r\n") == NULL &&
         (n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (request, buffer, n);

  g_atomic_int_inc ((int *) user_data);
  g_output_stream_write_all (out, answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
test_wrong_password (void)
{
  BzwTestStore fixture = { 0 };
  g_autoptr(BzwSyncScheduler) scheduler = NULL;
  g_autoptr(GSocketService) service = g_threaded_socket_service_new (2);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  int requests = 0;
  int after_first;
  int one_sync;

  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error));
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (refuse_cb), &requests);
  g_socket_service_start (service);

  bzw_test_store_open (&fixture, "sync.db");
  set_account (&fixture, g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  scheduler = bzw_sync_scheduler_new (fixture.path);

  bzw_sync_scheduler_trigger (scheduler, BZW_SYNC_TRIGGER_START);
  wait_idle (scheduler);
  g_assert_cmpint (bzw_sync_scheduler_get_state (scheduler), ==, BZW_SYNC_STATE_BLOCKED);
  g_assert_nonnull (strstr (bzw_sync_scheduler_get_message (scheduler), "anna"));
  after_first = g_atomic_int_get (&requests);
  g_assert_cmpint (after_first, >=, 1);

  /* No retry storm: neither the timer nor changes here ask again. */
  bzw_sync_scheduler_trigger (scheduler, BZW_SYNC_TRIGGER_TIMER);
  bzw_sync_scheduler_trigger (scheduler, BZW_SYNC_TRIGGER_LOCAL);
  spin (BZW_SYNC_DEBOUNCE_SECONDS * 1000 + 500);
  g_assert_cmpint (bzw_sync_scheduler_get_state (scheduler), ==, BZW_SYNC_STATE_BLOCKED);
  g_assert_cmpint (g_atomic_int_get (&requests), ==, after_first);

  /* The user, or new settings, may try again. */
  bzw_sync_scheduler_trigger (scheduler, BZW_SYNC_TRIGGER_USER);
  wait_idle (scheduler);
  one_sync = g_atomic_int_get (&requests) - after_first;
  g_assert_cmpint (one_sync, >=, 1);
  g_assert_cmpint (bzw_sync_scheduler_get_state (scheduler), ==, BZW_SYNC_STATE_BLOCKED);

  /* New settings while a sync runs: one more sync right after it, even
   * though that one ended blocked; a change here meanwhile adds none.
   */
  after_first = g_atomic_int_get (&requests);
  bzw_sync_scheduler_trigger (scheduler, BZW_SYNC_TRIGGER_USER);
  bzw_sync_scheduler_trigger (scheduler, BZW_SYNC_TRIGGER_SETTINGS);
  bzw_sync_scheduler_trigger (scheduler, BZW_SYNC_TRIGGER_LOCAL);
  wait_idle (scheduler);
  g_assert_cmpint (g_atomic_int_get (&requests) - after_first, ==, 2 * one_sync);
  g_assert_cmpint (bzw_sync_scheduler_get_state (scheduler), ==, BZW_SYNC_STATE_BLOCKED);

  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  bzw_test_store_close (&fixture);
}

static gint64
add_conflicted (BzwStore *store)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;

  bzw_contact_set_given_name (contact, "Anton");
  bzw_contact_set_family_name (contact, "Abel");
  bzw_contact_set_organisation (contact, "Abel Hier AG");
  bzw_contact_set_extra (contact, "X-BZW-CONFLICT:ORG:Abel Server GmbH\n"
                                  "X-BZW-CONFLICT:NOTE:vom Server\n"
                                  "X-OTHER-CLIENT:bleibt");
  g_assert_true (bzw_store_save_contact (store, contact, &error));
  g_assert_no_error (error);
  return bzw_contact_get_id (contact);
}

static void
test_conflicts (void)
{
  BzwTestStore fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwContact) contact = NULL;
  g_autoptr(BzwContact) before = NULL;
  g_autoptr(BzwContact) settled = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  BzwSyncConflict *org;
  gint64 id;

  bzw_test_store_open (&fixture, "sync.db");
  id = add_conflicted (fixture.store);
  contact = bzw_store_dup_contact (fixture.store, id, &error);
  conflicts = bzw_sync_conflicts_list (fixture.store, contact);
  g_assert_cmpuint (conflicts->len, ==, 2);
  org = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (org->property, ==, "ORG");
  g_assert_cmpstr (org->local, ==, "Abel Hier AG");
  g_assert_cmpstr (org->remote, ==, "Abel Server GmbH");

  /* The server's organisation: the other conflict and the other client's
   * line stay.
   */
  before = bzw_sync_conflict_settle (fixture.store, id, "ORG", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bzw_contact_get_organisation (before), ==, "Abel Hier AG");
  settled = bzw_store_dup_contact (fixture.store, id, &error);
  g_assert_cmpstr (bzw_contact_get_organisation (settled), ==, "Abel Server GmbH");
  g_assert_cmpstr (bzw_contact_get_given_name (settled), ==, "Anton");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = bzw_sync_conflicts_list (fixture.store, settled);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((BzwSyncConflict *) g_ptr_array_index (conflicts, 0))->property, ==, "NOTE");
  g_assert_nonnull (strstr (bzw_contact_get_extra (settled), "X-OTHER-CLIENT:bleibt"));

  /* The note here: no conflict is left. */
  g_clear_object (&before);
  before = bzw_sync_conflict_settle (fixture.store, id, "NOTE", FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&settled);
  settled = bzw_store_dup_contact (fixture.store, id, &error);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = bzw_sync_conflicts_list (fixture.store, settled);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_null (bzw_contact_get_notes (settled));
  g_assert_cmpstr (bzw_contact_get_organisation (settled), ==, "Abel Server GmbH");
  bzw_test_store_close (&fixture);
}

/* Circles are CATEGORIES on the card: the server's circle is made here
 * when missing, and the contact leaves the circle it had.
 */
static void
test_conflict_circles (void)
{
  BzwTestStore fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwCircle) clients = bzw_circle_new ();
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(BzwContact) before = NULL;
  g_autoptr(BzwContact) settled = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  BzwSyncConflict *conflict;
  gint64 id;

  bzw_test_store_open (&fixture, "sync.db");
  bzw_circle_set_name (clients, "Kunden");
  g_assert_true (bzw_store_save_circle (fixture.store, clients, &error));
  id = bzw_circle_get_id (clients);
  g_array_append_val (ids, id);
  bzw_contact_set_given_name (contact, "Berta");
  bzw_contact_set_circle_ids (contact, ids);
  bzw_contact_set_extra (contact, "X-BZW-CONFLICT:CATEGORIES:Verein");
  g_assert_true (bzw_store_save_contact (fixture.store, contact, &error));
  g_assert_no_error (error);

  conflicts = bzw_sync_conflicts_list (fixture.store, contact);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->local, ==, "Kunden");
  g_assert_cmpstr (conflict->remote, ==, "Verein");

  before = bzw_sync_conflict_settle (fixture.store, bzw_contact_get_id (contact), "CATEGORIES", TRUE, &error);
  g_assert_no_error (error);
  settled = bzw_store_dup_contact (fixture.store, bzw_contact_get_id (contact), &error);
  circles = bzw_store_list_circles (fixture.store, &error);
  g_assert_cmpuint (circles->len, ==, 2);
  for (guint i = 0; i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);

      g_assert_cmpint (bzw_contact_has_circle (settled, bzw_circle_get_id (circle)), ==,
                       g_str_equal (bzw_circle_get_name (circle), "Verein"));
    }

  /* The undo: the contact as it was, in its old circle with its conflict. */
  g_assert_true (bzw_store_save_contact (fixture.store, before, &error));
  g_clear_object (&settled);
  settled = bzw_store_dup_contact (fixture.store, bzw_contact_get_id (contact), &error);
  g_assert_true (bzw_contact_has_circle (settled, id));
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = bzw_sync_conflicts_list (fixture.store, settled);
  g_assert_cmpuint (conflicts->len, ==, 1);
  bzw_test_store_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A wrong password for every account, set before any thread runs; no
   * Secret Service is asked.
   */
  g_setenv (BZW_SYNC_PASSWORD_ENV, "falsch", TRUE);

  g_test_add_func ("/sync/scheduler/rules", test_rules);
  g_test_add_func ("/sync/scheduler/errors", test_errors);
  g_test_add_func ("/sync/scheduler/no-account", test_no_account);
  g_test_add_func ("/sync/scheduler/offline", test_offline);
  g_test_add_func ("/sync/scheduler/wrong-password", test_wrong_password);
  g_test_add_func ("/sync/conflicts/settle", test_conflicts);
  g_test_add_func ("/sync/conflicts/circles", test_conflict_circles);
  return g_test_run ();
}
