/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

char     *bzw_recommend_query_from_need  (const char  *need);
GArray   *bzw_store_find_recommendations (BzwStore    *self,
                                          const char  *need,
                                          guint        limit,
                                          GError     **error);

/* Circles: what the management dialog needs to delete with undo. */
GArray   *bzw_store_list_circle_members  (BzwStore    *self,
                                          gint64       circle_id,
                                          GError     **error);
gboolean  bzw_store_restore_circle       (BzwStore    *self,
                                          BzwCircle   *circle,
                                          GArray      *member_ids,
                                          GError     **error);

G_END_DECLS
