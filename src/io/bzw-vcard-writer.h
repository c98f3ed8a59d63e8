/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "bzw-circle.h"
#include "bzw-contact.h"
#include "bzw-store.h"

G_BEGIN_DECLS

typedef enum
{
  BZW_VCARD_VERSION_4_0,
  BZW_VCARD_VERSION_3_0,
} BzwVcardVersion;

void      bzw_vcard_writer_append_contact    (GString             *out,
                                              BzwContact          *contact,
                                              const char * const  *categories);
void      bzw_vcard_writer_append_contact_as (GString             *out,
                                              BzwContact          *contact,
                                              const char * const  *categories,
                                              BzwVcardVersion      version);
void      bzw_vcard_writer_append_circle     (GString             *out,
                                              BzwCircle           *circle);
char     *bzw_vcard_writer_write_contact     (BzwContact          *contact,
                                              const char * const  *categories);
char     *bzw_vcard_writer_write_store       (BzwStore            *store,
                                              GArray              *ids,
                                              gsize               *length,
                                              GError             **error);
char     *bzw_vcard_writer_write_store_as    (BzwStore            *store,
                                              GArray              *ids,
                                              BzwVcardVersion      version,
                                              gsize               *length,
                                              GError             **error);
gboolean  bzw_vcard_export_store             (BzwStore            *store,
                                              GArray              *ids,
                                              const char          *path,
                                              GError             **error);
gboolean  bzw_vcard_export_store_as          (BzwStore            *store,
                                              GArray              *ids,
                                              BzwVcardVersion      version,
                                              const char          *path,
                                              GError             **error);

G_END_DECLS
