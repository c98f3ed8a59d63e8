/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-sync-page"

#include "config.h"

#include "bzw-sync-page.h"

#include "bzw-dav-client.h"
#include "bzw-dav-discovery.h"
#include "bzw-store-sync.h"
#include "bzw-sync-account.h"

#include <glib/gi18n.h>

/* Preferences → „Synchronisation“: the server, the user name and the
 * password (into the Secret Service, never the database), the explicit
 * override for http:// to a host that is not loopback, „Verbinden“ (which
 * finds the address books in a thread and lets the user pick one),
 * „Trennen“ with undo.  The account itself is bzw-sync-account.c; the
 * background sync is told through the scheduler.
 */

struct _BzwSyncPage
{
  AdwPreferencesPage  parent_instance;

  BzwStore           *store;
  BzwSyncScheduler   *scheduler;
  GCancellable       *cancellable;
  GPtrArray          *hrefs;        /* the address books in the order of book_names */
  char               *url;          /* the account being set up */
  gboolean            filling;

  GtkWidget          *server_row;
  GtkWidget          *user_row;
  GtkWidget          *password_row;
  GtkWidget          *http_row;
  GtkWidget          *http_switch;
  GtkWidget          *connect_button;
  GtkWidget          *disconnect_button;
  GtkWidget          *spinner;
  GtkWidget          *status_label;
  GtkWidget          *book_group;
  GtkWidget          *book_row;
  GtkStringList      *book_names;
};

G_DEFINE_FINAL_TYPE (BzwSyncPage, bzw_sync_page, ADW_TYPE_PREFERENCES_PAGE)

/* What the discovery thread gets and gives back. */
typedef struct
{
  char      *url;
  char      *password;   /* nullable: the keyring's or the environment's */
  gboolean   allow_http;
  GPtrArray *books;      /* BzwDavResponse */
} Discovery;

static void
discovery_free (Discovery *discovery)
{
  g_free (discovery->url);
  g_free (discovery->password);
  g_clear_pointer (&discovery->books, g_ptr_array_unref);
  g_free (discovery);
}

static void
show_status (BzwSyncPage *self,
             const char  *text,
             gboolean     error)
{
  gtk_label_set_text (GTK_LABEL (self->status_label), text != NULL ? text : "");
  if (error)
    gtk_widget_add_css_class (self->status_label, "error");
  else
    gtk_widget_remove_css_class (self->status_label, "error");
}

static void
toast (BzwSyncPage *self,
       AdwToast    *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
set_busy (BzwSyncPage *self,
          gboolean     busy)
{
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_sensitive (self->connect_button, !busy);
}

static void
update_disconnect (BzwSyncPage *self)
{
  g_autofree char *url = self->store != NULL ? bzw_sync_account_dup_url (self->store) : NULL;

  gtk_widget_set_sensitive (self->disconnect_button, url != NULL);
}

/* The warning row turns red while http:// to another host is allowed. */
static void
fields_changed_cb (BzwSyncPage *self)
{
  const char *server = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  gboolean http = g_ascii_strncasecmp (server, "http://", 7) == 0;

  if (http && gtk_switch_get_active (GTK_SWITCH (self->http_switch)))
    gtk_widget_add_css_class (self->http_row, "error");
  else
    gtk_widget_remove_css_class (self->http_row, "error");
}

static void
discover_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Discovery *discovery = task_data;
  g_autoptr(BzwDavClient) client = NULL;
  g_autofree char *password = NULL;
  GError *error = NULL;

  password = discovery->password != NULL ? g_strdup (discovery->password)
                                         : bzw_sync_dup_password (discovery->url);
  client = bzw_dav_client_new_full (discovery->url, password, discovery->allow_http, &error);
  if (client != NULL)
    discovery->books = bzw_dav_discover_addressbooks (client, &error);

  if (discovery->books == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static const char *
book_href (BzwSyncPage *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->book_row));

  return selected < self->hrefs->len ? g_ptr_array_index (self->hrefs, selected) : NULL;
}

static gboolean
save_account (BzwSyncPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *href = book_href (self);

  if (href == NULL || self->url == NULL)
    return FALSE;

  if (!bzw_sync_account_connect (self->store, self->url, href,
                                 gtk_switch_get_active (GTK_SWITCH (self->http_switch)), &error))
    {
      show_status (self, error->message, TRUE);
      return FALSE;
    }

  update_disconnect (self);
  if (self->scheduler != NULL)
    bzw_sync_scheduler_trigger (self->scheduler, BZW_SYNC_TRIGGER_SETTINGS);
  return TRUE;
}

static void
password_stored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(BzwSyncPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (bzw_sync_store_password_finish (result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_debug ("No Secret Service: %s", error->message);
  show_status (self, _("Connected. There is no keyring in this session, so the password was not saved: "
                       "the sync reads it from the environment variable BZW_SYNC_PASSWORD."), TRUE);
}

static void
fill_books (BzwSyncPage *self,
            GPtrArray   *books)
{
  g_autofree char *current = bzw_sync_account_dup_addressbook (self->store);
  guint selected = 0;

  self->filling = TRUE;
  g_ptr_array_set_size (self->hrefs, 0);
  gtk_string_list_splice (self->book_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->book_names)), NULL);
  for (guint i = 0; i < books->len; i++)
    {
      BzwDavResponse *book = g_ptr_array_index (books, i);
      const char *name = book->displayname != NULL && *book->displayname != '\0' ? book->displayname : book->href;

      if (g_strcmp0 (book->href, current) == 0)
        selected = i;
      g_ptr_array_add (self->hrefs, g_strdup (book->href));
      gtk_string_list_append (self->book_names, name);
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->book_row), selected);
  gtk_widget_set_visible (self->book_group, TRUE);
  self->filling = FALSE;
}

static void
discover_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BzwSyncPage *self = BZW_SYNC_PAGE (object);
  Discovery *discovery = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, error->message, TRUE);
      return;
    }

  fill_books (self, discovery->books);
  if (!save_account (self))
    return;

  show_status (self, _("Connected. The first sync starts now."), FALSE);
  if (*password != '\0')
    bzw_sync_store_password (self->url, password, self->cancellable, password_stored_cb, g_object_ref (self));
}

static void
connect_clicked_cb (BzwSyncPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;
  g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  gboolean allow_http = gtk_switch_get_active (GTK_SWITCH (self->http_switch));
  Discovery *discovery;

  url = bzw_sync_account_build_url (gtk_editable_get_text (GTK_EDITABLE (self->server_row)), user, &error);
  if (url != NULL && !bzw_dav_url_is_allowed (url, &error) &&
      allow_http && g_error_matches (error, BZW_DAV_ERROR, BZW_DAV_ERROR_INSECURE))
    g_clear_error (&error);
  if (error != NULL)
    {
      show_status (self, error->message, TRUE);
      return;
    }

  g_free (self->url);
  self->url = g_strdup (url);
  discovery = g_new0 (Discovery, 1);
  discovery->url = g_steal_pointer (&url);
  discovery->password = *password != '\0' ? g_strdup (password) : NULL;
  discovery->allow_http = allow_http;

  set_busy (self, TRUE);
  show_status (self, _("Looking for address books …"), FALSE);
  task = g_task_new (self, self->cancellable, discover_done_cb, NULL);
  g_task_set_source_tag (task, connect_clicked_cb);
  g_task_set_task_data (task, discovery, (GDestroyNotify) discovery_free);
  g_task_run_in_thread (task, discover_thread);
}

static void
book_selected_cb (BzwSyncPage *self)
{
  if (!self->filling && save_account (self))
    show_status (self, _("The address book was changed. The sync starts afresh with it."), FALSE);
}

/* What „Rückgängig“ after „Trennen“ puts back. */
typedef struct
{
  BzwSyncPage *page;
  char        *url;
  char        *addressbook;
  gboolean     allow_http;
  GHashTable  *rows;
  gboolean     undone;
} Disconnected;

static void
disconnected_free (gpointer data)
{
  Disconnected *gone = data;

  /* The password leaves the keyring only when the undo is past. */
  if (!gone->undone)
    bzw_sync_forget_password (gone->url);
  g_clear_object (&gone->page);
  g_free (gone->url);
  g_free (gone->addressbook);
  g_clear_pointer (&gone->rows, g_hash_table_unref);
  g_free (gone);
}

static void
disconnected_notify (gpointer  data,
                     GClosure *closure)
{
  disconnected_free (data);
}

static void
undo_disconnect_cb (AdwToast     *toast,
                    Disconnected *gone)
{
  BzwSyncPage *self = gone->page;
  g_autoptr(GError) error = NULL;

  if (!bzw_sync_account_restore (self->store, gone->url, gone->addressbook, gone->allow_http, gone->rows,
                                 &error))
    {
      show_status (self, error->message, TRUE);
      return;
    }

  gone->undone = TRUE;
  update_disconnect (self);
  show_status (self, _("Connected again."), FALSE);
  if (self->scheduler != NULL)
    bzw_sync_scheduler_trigger (self->scheduler, BZW_SYNC_TRIGGER_SETTINGS);
}

static void
disconnect_clicked_cb (BzwSyncPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) rows = NULL;
  Disconnected *gone = g_new0 (Disconnected, 1);
  AdwToast *undo;

  gone->page = g_object_ref (self);
  gone->url = bzw_sync_account_dup_url (self->store);
  gone->addressbook = bzw_sync_account_dup_addressbook (self->store);
  gone->allow_http = bzw_sync_account_get_allow_http (self->store);
  if (gone->url == NULL || !bzw_sync_account_disconnect (self->store, &gone->rows, &error))
    {
      if (error != NULL)
        show_status (self, error->message, TRUE);
      gone->undone = TRUE;
      disconnected_free (gone);
      return;
    }

  update_disconnect (self);
  gtk_widget_set_visible (self->book_group, FALSE);
  show_status (self, _("Not connected. Your contacts stay here."), FALSE);
  if (self->scheduler != NULL)
    bzw_sync_scheduler_trigger (self->scheduler, BZW_SYNC_TRIGGER_SETTINGS);

  undo = adw_toast_new (_("Sync account removed"));
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (undo, "button-clicked", G_CALLBACK (undo_disconnect_cb), gone,
                         disconnected_notify, 0);
  toast (self, undo);
}

static void
read_account (BzwSyncPage *self)
{
  g_autofree char *url = bzw_sync_account_dup_url (self->store);
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL) : NULL;
  g_autofree char *user = NULL;
  g_autoptr(GUri) bare = NULL;
  g_autofree char *server = NULL;

  update_disconnect (self);
  gtk_switch_set_active (GTK_SWITCH (self->http_switch), bzw_sync_account_get_allow_http (self->store));
  if (uri == NULL)
    {
      show_status (self, _("Not connected."), FALSE);
      return;
    }

  user = g_uri_unescape_string (g_uri_get_user (uri) != NULL ? g_uri_get_user (uri) : "", NULL);
  bare = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                      g_uri_get_port (uri), g_uri_get_path (uri), g_uri_get_query (uri), NULL);
  server = g_uri_to_string (bare);
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user != NULL ? user : "");
  /* Translators: %s is the server's address. */
  {
    g_autofree char *text = g_strdup_printf (_("Connected with %s."), server);

    show_status (self, text, FALSE);
  }
}

static void
bzw_sync_page_dispose (GObject *object)
{
  BzwSyncPage *self = BZW_SYNC_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->scheduler);
  g_clear_pointer (&self->hrefs, g_ptr_array_unref);
  g_clear_pointer (&self->url, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_SYNC_PAGE);
  G_OBJECT_CLASS (bzw_sync_page_parent_class)->dispose (object);
}

static void
bzw_sync_page_class_init (BzwSyncPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_sync_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwSyncPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, BzwSyncPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, BzwSyncPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, BzwSyncPage, http_row);
  gtk_widget_class_bind_template_child (widget_class, BzwSyncPage, http_switch);
  gtk_widget_class_bind_template_child (widget_class, BzwSyncPage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, BzwSyncPage, disconnect_button);
  gtk_widget_class_bind_template_child (widget_class, BzwSyncPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BzwSyncPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, BzwSyncPage, book_group);
  gtk_widget_class_bind_template_child (widget_class, BzwSyncPage, book_row);
  gtk_widget_class_bind_template_child (widget_class, BzwSyncPage, book_names);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, disconnect_clicked_cb);
}

static void
bzw_sync_page_init (BzwSyncPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->hrefs = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_object (self->book_row, "notify::selected", G_CALLBACK (book_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * bzw_sync_page_new:
 * @scheduler: (nullable): the window's background sync, told when the
 *   account changes
 */
GtkWidget *
bzw_sync_page_new (BzwStore         *store,
                   BzwSyncScheduler *scheduler)
{
  BzwSyncPage *self;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (scheduler == NULL || BZW_IS_SYNC_SCHEDULER (scheduler), NULL);

  self = g_object_new (BZW_TYPE_SYNC_PAGE, NULL);
  self->store = g_object_ref (store);
  self->scheduler = scheduler != NULL ? g_object_ref (scheduler) : NULL;
  read_account (self);
  return GTK_WIDGET (self);
}
