/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *bzw_caldav_merge (const char *base,
                        const char *local,
                        const char *remote,
                        guint      *conflicts);

G_END_DECLS
