/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-circle.h"
#include "bzw-contact.h"

G_BEGIN_DECLS

int     bzw_next_due_interval_days (BzwContact *contact,
                                    GPtrArray  *circles);
gint64  bzw_next_due_time          (BzwContact *contact,
                                    GPtrArray  *circles);

G_END_DECLS
