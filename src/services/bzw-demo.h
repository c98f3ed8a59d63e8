/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* The ids of the relationship kinds the example network uses. */
#define BZW_DEMO_KIND_FAMILY           "family"
#define BZW_DEMO_KIND_PARTNER          "partner"
#define BZW_DEMO_KIND_FRIEND           "friend"
#define BZW_DEMO_KIND_COLLEAGUE        "colleague"
#define BZW_DEMO_KIND_BUSINESS_PARTNER "business-partner"
#define BZW_DEMO_KIND_INTRODUCED_BY_ME "introduced-by-me"
#define BZW_DEMO_KIND_ACQUAINTANCE     "acquaintance"

gboolean bzw_demo_fill           (BzwStore   *store,
                                  GDateTime  *now,
                                  GError    **error);
gboolean bzw_demo_fill_synthetic (BzwStore   *store,
                                  guint       n_contacts,
                                  guint       n_entries,
                                  guint32     seed,
                                  GDateTime  *now,
                                  GError    **error);

G_END_DECLS
