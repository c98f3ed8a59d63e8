/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* What an import needs to recognise contacts it has seen before. */
typedef struct
{
  gint64   id;
  char    *uid;
  char    *display_name;
  char    *given_name;
  char    *family_name;
  char    *organisation;
  GStrv    emails;
} BzwContactKey;

void       bzw_contact_key_free        (BzwContactKey  *key);
GPtrArray *bzw_store_list_contact_keys (BzwStore       *self,
                                        GError        **error);
gint64     bzw_store_find_row_by_uid   (BzwStore       *self,
                                        const char     *table,
                                        const char     *uid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwContactKey, bzw_contact_key_free)

G_END_DECLS
