/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_RECOMMEND_DIALOG (bzw_recommend_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BzwRecommendDialog, bzw_recommend_dialog, BZW, RECOMMEND_DIALOG, AdwWindow)

GtkWidget *bzw_recommend_dialog_new (GtkWindow *parent,
                                     BzwStore  *store);

G_END_DECLS
