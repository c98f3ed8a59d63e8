/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

GPtrArray *bzw_calendar_export_collect (BzwStore    *store,
                                        GDateTime   *now,
                                        GError     **error);
char      *bzw_calendar_export_text    (BzwStore    *store,
                                        GDateTime   *now,
                                        GError     **error);

G_END_DECLS
