/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-contact.h"
#include "bzw-importer.h"
#include "bzw-store.h"

G_BEGIN_DECLS

/* What the importer matches a card by: the UIDs, e-mail addresses and
 * normalised names of the contacts in the store, read at one moment.
 */
typedef struct _BzwImportKeys BzwImportKeys;

BzwImportKeys  *_bzw_import_keys_new     (BzwStore       *store,
                                          GError        **error);
void            _bzw_import_keys_free    (BzwImportKeys  *keys);
gboolean        _bzw_import_keys_has_uid (BzwImportKeys  *keys,
                                          const char     *uid);
BzwImportMatch  _bzw_import_keys_match   (BzwImportKeys  *keys,
                                          BzwContact     *contact,
                                          gint64         *match_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwImportKeys, _bzw_import_keys_free)

G_END_DECLS
