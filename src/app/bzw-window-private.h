/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-sync-scheduler.h"
#include "bzw-sync-status.h"
#include "bzw-window.h"

G_BEGIN_DECLS

struct _BzwWindow
{
  AdwApplicationWindow  parent_instance;

  BzwStore             *store;
  char                 *store_path;
  GSettings            *settings;
  GtkWidget            *contacts_view;
  GtkWidget            *journal_view;
  GtkWidget            *map_page;
  GtkWidget            *overview_view;
  gulong                views_paint_handler;
  guint                 views_idle_id;
  gboolean              drawn;

  GtkButton            *add_button;
  GtkStack             *contacts_stack;
  GtkBox               *content_box;
  AdwStatusPage        *error_page;
  GtkStack             *journal_stack;
  GtkStack             *main_stack;
  GtkStack             *map_stack;
  GtkMenuButton        *menu_button;
  GtkButton            *open_read_only_button;
  GtkStack             *overview_stack;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  guint                 switcher_bar_id;
  AdwToastOverlay      *toast_overlay;

  /* Backups, preferences and the daily reminder: bzw-window-care.c. */
  GtkButton            *open_other_button;
  GtkButton            *restore_backup_button;
  GtkButton            *try_again_button;
  gulong                care_paint_handler;
  guint                 care_timeout_id;
  gboolean              care_started;

  /* The background sync: bzw-window-sync.c. */
  BzwSyncStatus        *sync_status;
  BzwSyncScheduler     *sync_scheduler;
  BzwStore             *sync_store;
  gulong                sync_paint_handler;
  gboolean              sync_started;
};

void _bzw_window_set_store  (BzwWindow    *self,
                             BzwStore     *store);
void _bzw_window_fail_store (BzwWindow    *self,
                             const GError *error);
void _bzw_window_toast      (BzwWindow    *self,
                             const char   *title);
void _bzw_window_show_error (BzwWindow    *self,
                             const char   *heading,
                             const GError *error);

void _bzw_window_reopen           (BzwWindow         *self,
                                   const char        *path,
                                   BzwStoreOpenFlags  flags);
GtkWidget *_bzw_window_ensure_view           (BzwWindow      *self,
                                              const char     *name);
GtkWidget *_bzw_window_ensure_contacts_view  (BzwWindow      *self);
void       _bzw_window_actions_class_init    (GtkWidgetClass *widget_class);
void       _bzw_window_actions_init          (BzwWindow      *self);

void _bzw_window_care_class_init  (GtkWidgetClass *widget_class);
void _bzw_window_care_init        (BzwWindow      *self);
void _bzw_window_care_dispose     (BzwWindow      *self);
void _bzw_window_show_recovery    (BzwWindow      *self,
                                   const GError   *error);

void              _bzw_window_sync_class_init    (GtkWidgetClass *widget_class);
void              _bzw_window_sync_init          (BzwWindow      *self);
void              _bzw_window_sync_dispose       (BzwWindow      *self);
BzwSyncScheduler *_bzw_window_get_sync_scheduler (BzwWindow      *self);

G_END_DECLS
