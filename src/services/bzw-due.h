/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-keep-in-touch.h"
#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_TYPE_DUE (bzw_due_get_type ())

G_DECLARE_FINAL_TYPE (BzwDue, bzw_due, BZW, DUE, GObject)

BzwDue *bzw_due_new       (BzwStore        *store);
void    bzw_due_reload    (BzwDue          *self);
void    bzw_due_compute   (BzwDue          *self,
                           BzwContact      *contact,
                           GDateTime       *now,
                           BzwKeepInTouch  *result);
int     bzw_due_get_level (BzwDue          *self,
                           BzwContact      *contact,
                           char           **tooltip);

G_END_DECLS
