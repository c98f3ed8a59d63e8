/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store-private.h"

G_BEGIN_DECLS

gboolean _bzw_store_bound_photos (BzwStore  *self,
                                  GError   **error);

G_END_DECLS
