/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "bzw-contact.h"
#include "bzw-store.h"

G_BEGIN_DECLS

void      bzw_vcard_writer_append_contact (GString             *out,
                                           BzwContact          *contact,
                                           const char * const  *categories);
char     *bzw_vcard_writer_write_contact  (BzwContact          *contact,
                                           const char * const  *categories);
char     *bzw_vcard_writer_write_store    (BzwStore            *store,
                                           GArray              *ids,
                                           gsize               *length,
                                           GError             **error);
gboolean  bzw_vcard_export_store          (BzwStore            *store,
                                           GArray              *ids,
                                           const char          *path,
                                           GError             **error);

G_END_DECLS
