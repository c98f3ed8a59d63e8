/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-application"

#include "config.h"

#include "bzw-application.h"
#include "bzw-cli.h"
#include "bzw-contact-list.h"
#include "bzw-demo.h"
#include "bzw-window.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct _BzwApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  BzwStore       *store;
  GError         *store_error;
  char           *database;

  /* Opening the database and reading the contact list, in a thread while
   * GTK starts up: see bzw_application_startup().
   */
  GThread        *open_thread;
  BzwContactList *first_list;
};

G_DEFINE_FINAL_TYPE (BzwApplication, bzw_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use FILE instead of the default database"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill an empty database with the example network"), NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a vCard (.vcf) or CSV file"), N_("FILE") },
  { "export-vcard", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write all contacts as vCard 4.0"), N_("FILE") },
  { "vcard-version", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write --export-vcard as vCard 4.0 (the default) or 3.0"), N_("VERSION") },
  { "export-circle", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write only the contacts of this circle with --export-vcard"), N_("NAME") },
  { "export-map", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the relationship map as PNG, SVG or PDF, without a window"), N_("FILE") },
  { "map-size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write --export-map as the map window of this size shows it after fitting"), N_("WIDTHxHEIGHT") },
  { "print-overview", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the contact overview as PDF, without a window"), N_("FILE.pdf") },
  { "print-contacts", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Which contacts the overview shows: all, due or circle:NAME"), N_("WHICH") },
  { "print-group", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("How the overview is grouped: alphabetical or circle"), N_("GROUPING") },
  { "print-briefing", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the meeting brief of the contact given with --briefing-contact as PDF, without a window"),
    N_("FILE.pdf") },
  { "briefing-contact", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Whose meeting brief --print-briefing writes: a name or an id"), N_("NAME-OR-ID") },
  { "export-archive", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the whole network as one archive: contacts as vCard, journal and relationships as iCalendar"),
    N_("FILE") },
  { "export-calendar", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write birthdays, keep-in-touch dates and promised favours as iCalendar, without a window"), N_("FILE.ics") },
  { "sync-account", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Sync the contacts with this CardDAV server; the user goes in the address, the password in the keyring or BZW_SYNC_PASSWORD"),
    N_("URL") },
  { "sync", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Sync the contacts with the server once, both ways, without a window"), NULL },
  { "print-map-page", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Add the relationship map as the last page of the overview"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version"), NULL },
  { NULL }
};

static char *
dup_option_path (GVariantDict *options,
                 const char   *name)
{
  g_autofree char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^ay", &value))
    return NULL;

  return g_canonicalize_filename (value, NULL);
}

static void
open_store (BzwApplication    *self,
            BzwStoreOpenFlags  flags)
{
  g_autofree char *path = NULL;

  if (self->store != NULL || self->store_error != NULL)
    return;

  path = self->database != NULL ? g_strdup (self->database) : bzw_store_dup_default_path ();
  self->store = bzw_store_open (path, flags, &self->store_error);
}

typedef struct
{
  char           *path;
  BzwStore       *store;
  GError         *error;
  BzwContactList *list;
} OpenJob;

/* The store is not shared while the thread runs: the main thread takes it
 * only after g_thread_join().
 */
static gpointer
open_thread (gpointer data)
{
  OpenJob *job = data;

  job->store = bzw_store_open (job->path, BZW_STORE_OPEN_DEFER_CHECK, &job->error);
  if (job->store != NULL)
    job->list = bzw_contact_list_new (job->store);

  return job;
}

static void
join_open_thread (BzwApplication *self)
{
  OpenJob *job;

  if (self->open_thread == NULL)
    return;

  job = g_thread_join (g_steal_pointer (&self->open_thread));
  self->store = job->store;
  self->store_error = job->error;
  self->first_list = job->list;
  g_free (job->path);
  g_free (job);
}

/* The exports and the printout only read the database: they open a file
 * that is ours to write as usual (an older one is updated), any other file
 * read-only, and a missing one not at all.
 */
static BzwStoreOpenFlags
reading_flags (BzwApplication *self)
{
  g_autofree char *path = self->database != NULL ? g_strdup (self->database) : bzw_store_dup_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0)
    return BZW_STORE_OPEN_DEFAULT;

  return BZW_STORE_OPEN_READ_ONLY;
}

/* Options that write a file run here, before the application registers, so
 * they never open a window and never talk to a running instance.
 */
static int
bzw_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  BzwApplication *self = BZW_APPLICATION (app);
  g_autofree char *print_overview = dup_option_path (options, "print-overview");
  g_autofree char *print_briefing = dup_option_path (options, "print-briefing");
  g_autofree char *import = dup_option_path (options, "import");
  g_autofree char *export_vcard = dup_option_path (options, "export-vcard");
  g_autofree char *export_map = dup_option_path (options, "export-map");
  g_autofree char *export_calendar = dup_option_path (options, "export-calendar");
  g_autofree char *export_archive = dup_option_path (options, "export-archive");
  const char *print_contacts = NULL;
  const char *print_group = NULL;
  const char *briefing_contact = NULL;
  const char *vcard_version = NULL;
  const char *export_circle = NULL;
  const char *map_size = NULL;
  const char *sync_account = NULL;
  gboolean sync = g_variant_dict_contains (options, "sync");
  int map_width, map_height;
  BzwVcardVersion version;
  gboolean demo = g_variant_dict_contains (options, "demo");
  gboolean print_map_page = g_variant_dict_contains (options, "print-map-page");
  gboolean writes = print_overview != NULL || print_briefing != NULL || import != NULL || export_vcard != NULL || export_map != NULL ||
                    export_calendar != NULL || export_archive != NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  self->database = dup_option_path (options, "database");

  g_variant_dict_lookup (options, "print-contacts", "&s", &print_contacts);
  g_variant_dict_lookup (options, "print-group", "&s", &print_group);
  g_variant_dict_lookup (options, "briefing-contact", "&s", &briefing_contact);
  g_variant_dict_lookup (options, "vcard-version", "&s", &vcard_version);
  g_variant_dict_lookup (options, "export-circle", "&s", &export_circle);
  g_variant_dict_lookup (options, "map-size", "&s", &map_size);
  g_variant_dict_lookup (options, "sync-account", "&s", &sync_account);
  writes = writes || sync || sync_account != NULL;
  if (!bzw_cli_parse_vcard_version (vcard_version, &version, &error) ||
      !bzw_cli_parse_map_size (map_size, &map_width, &map_height, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (export_circle != NULL && export_vcard == NULL)
    {
      g_printerr ("%s\n", _("--export-circle only works together with --export-vcard."));
      return 1;
    }

  if (briefing_contact != NULL && print_briefing == NULL)
    {
      g_printerr ("%s\n", _("--briefing-contact only works together with --print-briefing."));
      return 1;
    }

  if (!demo && !writes)
    return -1;

  open_store (self, demo || import != NULL || sync || sync_account != NULL ? BZW_STORE_OPEN_DEFAULT : reading_flags (self));
  if (self->store == NULL)
    {
      g_printerr ("%s\n", self->store_error->message);
      return 1;
    }

  if (demo && !bzw_demo_fill (self->store, now, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if ((sync_account != NULL && !bzw_cli_set_sync_account (self->store, sync_account, &error)) ||
      (import != NULL && !bzw_cli_import (self->store, import, &error)) ||
      (export_vcard != NULL && !bzw_cli_export_vcard (self->store, export_vcard, export_circle, version, &error)) ||
      (export_map != NULL && !bzw_cli_export_map (self->store, export_map, map_width, map_height, &error)) ||
      (export_archive != NULL && !bzw_cli_export_archive (self->store, export_archive, &error)) ||
      (export_calendar != NULL && !bzw_cli_export_calendar (self->store, export_calendar, now, &error)) ||
      (print_overview != NULL &&
       !bzw_cli_print_overview (self->store, print_overview, print_contacts, print_group, print_map_page,
                                &error)) ||
      (print_briefing != NULL &&
       !bzw_cli_print_briefing (self->store, print_briefing, briefing_contact, now, &error)) ||
      (sync && !bzw_cli_sync (self->store, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* --demo alone opens the window on the filled database. */
  return writes ? 0 : -1;
}

/* For build-aux/bench.py: report the first painted frame and the memory in
 * use then, and quit.  The start-up floor (tests/bench/startup-floor.c)
 * reports the same way.
 */
static void
first_frame_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  g_autofree char *status = NULL;
  const char *rss;

  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, app);
  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  rss = status != NULL ? strstr (status, "VmRSS:") : NULL;
  g_print ("first-frame %ld\n", rss != NULL ? strtol (rss + 6, NULL, 10) : 0L);
  g_application_quit (app);
}

static void
window_mapped_cb (GtkWidget    *window,
                  GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_cb), app);
}

static void
bzw_application_activate (GApplication *app)
{
  BzwApplication *self = BZW_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      /* The quick_check reads every page; the window runs it once it is on
       * screen (see bzw-window-care.c), unless opening has to write.
       */
      join_open_thread (self);
      open_store (self, BZW_STORE_OPEN_DEFER_CHECK);
      window = GTK_WINDOW (bzw_window_new (self, self->store, self->store_error));
      if (g_getenv ("BZW_BENCH_FIRST_FRAME") != NULL)
        g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
    }

  gtk_window_present (window);
}

/* Opening a vCard or CSV file with the app shows the import preview. */
static void
bzw_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GtkWindow *window;

  bzw_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (n_files > 0 && BZW_IS_WINDOW (window))
    bzw_window_import_file (BZW_WINDOW (window), files[0]);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  BzwApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Beziehungsweise developers"), NULL };

  adw_show_about_window (window,
                         "application-name", _("Beziehungsweise"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Beziehungsweise developers"),
                         "developers", developers,
                         "comments", _("A personal networking journal: give first, keep in touch, "
                                       "and see your network grow."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Beziehungsweise developers",
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing through the window saves its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
bzw_application_startup (GApplication *app)
{
  BzwApplication *self = BZW_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.show-view('contacts')", { "<Alt>1", NULL } },
    { "win.show-view('journal')", { "<Alt>2", NULL } },
    { "win.show-view('map')", { "<Alt>3", NULL } },
    { "win.show-view('overview')", { "<Alt>4", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.export", { "<Control><Shift>e", NULL } },
    { "win.new-contact", { "<Control>n", NULL } },
    { "win.quick-add", { "<Control>j", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.recommend", { "<Control>r", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "win.sync-now", { "F5", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  /* The primary instance opens the database and reads its contact list on
   * the other core while GTK starts up.
   */
  if (self->store == NULL && self->store_error == NULL)
    {
      OpenJob *job = g_new0 (OpenJob, 1);

      job->path = bzw_application_dup_database_path (self);
      self->open_thread = g_thread_new ("bzw-open", open_thread, job);
    }

  G_APPLICATION_CLASS (bzw_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
bzw_application_dispose (GObject *object)
{
  BzwApplication *self = BZW_APPLICATION (object);

  join_open_thread (self);
  g_clear_object (&self->first_list);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (bzw_application_parent_class)->dispose (object);
}

static void
bzw_application_class_init (BzwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_application_dispose;
  app_class->handle_local_options = bzw_application_handle_local_options;
  app_class->startup = bzw_application_startup;
  app_class->activate = bzw_application_activate;
  app_class->open = bzw_application_open;
}

static void
bzw_application_init (BzwApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Beziehungsweise keeps your contacts, a journal of encounters, "
                                              "favours and referrals, and a map of your network."));
}

BzwApplication *
bzw_application_new (void)
{
  return g_object_new (BZW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

BzwStore *
bzw_application_get_store (BzwApplication *self)
{
  g_return_val_if_fail (BZW_IS_APPLICATION (self), NULL);

  return self->store;
}

GSettings *
bzw_application_get_settings (BzwApplication *self)
{
  g_return_val_if_fail (BZW_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * bzw_application_dup_database_path:
 *
 * Returns: the database this instance works on: --database, or the default.
 */
char *
bzw_application_dup_database_path (BzwApplication *self)
{
  g_return_val_if_fail (BZW_IS_APPLICATION (self), NULL);

  return self->database != NULL ? g_strdup (self->database) : bzw_store_dup_default_path ();
}

/**
 * bzw_application_steal_contact_list:
 * @store: the store the list is wanted for
 *
 * Returns: (transfer full) (nullable): the list of all contacts read in a
 *   thread while the app started, once, if it belongs to @store
 */
BzwContactList *
bzw_application_steal_contact_list (BzwApplication *self,
                                    BzwStore       *store)
{
  g_return_val_if_fail (BZW_IS_APPLICATION (self), NULL);

  if (self->first_list == NULL || bzw_contact_list_get_store (self->first_list) != store)
    {
      g_clear_object (&self->first_list);
      return NULL;
    }

  return g_steal_pointer (&self->first_list);
}

/**
 * bzw_application_release_store:
 *
 * Drops the application's reference to the store it opened at start-up (and
 * the error it may have failed with), so the window can close the database,
 * e.g. to restore a backup over it.
 */
void
bzw_application_release_store (BzwApplication *self)
{
  g_return_if_fail (BZW_IS_APPLICATION (self));

  g_clear_object (&self->first_list);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
}
