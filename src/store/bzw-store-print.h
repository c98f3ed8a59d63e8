/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

GPtrArray      *bzw_store_list_contacts_for_print (BzwStore               *self,
                                                   GArray                 *ids,
                                                   GError                **error);

G_END_DECLS
