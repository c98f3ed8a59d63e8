/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"
#include "bzw-sync-scheduler.h"

G_BEGIN_DECLS

#define BZW_TYPE_PREFERENCES_WINDOW (bzw_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BzwPreferencesWindow, bzw_preferences_window, BZW, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *bzw_preferences_window_new (GtkWindow *parent,
                                       GSettings *settings,
                                       BzwStore  *store);
void       bzw_preferences_window_add_sync (BzwPreferencesWindow *self,
                                            BzwSyncScheduler     *scheduler);

G_END_DECLS
