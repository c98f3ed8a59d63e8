/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "bzw-overview-renderer.h"
#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_PRINT_OPERATION (bzw_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (BzwPrintOperation, bzw_print_operation, BZW, PRINT_OPERATION, GtkPrintOperation)

BzwPrintOperation *bzw_print_operation_new         (BzwStore          *store,
                                                    GSettings         *settings,
                                                    GArray            *shown_ids);
BzwPrintOperation *bzw_print_operation_new_briefing (BzwStore          *store,
                                                    GSettings         *settings,
                                                    gint64             contact_id);
const GError      *bzw_print_operation_get_failure (BzwPrintOperation *self);

G_END_DECLS
