/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "bzw-contact.h"
#include "bzw-vcard-writer.h"

G_BEGIN_DECLS

/* The parts of the vCard writer: bzw-vcard-emit.c writes folded, escaped
 * lines and the fields of a contact with their types and labels;
 * bzw-vcard-writer.c writes whole contacts and files.
 */

typedef struct
{
  GString         *out;
  GHashTable      *reserved_groups;  /* lower-case groups of extra and of the fields */
  GHashTable      *claimed_groups;   /* lower-case groups a field was written with */
  guint            next_group;
  BzwVcardVersion  version;
} BzwVcardWriter;

void  _bzw_vcard_emit           (BzwVcardWriter *w,
                                 const char     *line);
void  _bzw_vcard_append_escaped (GString    *out,
                                 const char *value,
                                 gboolean    compound);
void  _bzw_vcard_append_uri     (GString    *out,
                                 const char *value);
void  _bzw_vcard_emit_text      (BzwVcardWriter *w,
                                 const char     *name,
                                 const char     *value);
char *_bzw_vcard_date_basic     (const char *date);
void  _bzw_vcard_emit_field     (BzwVcardWriter        *w,
                                 const BzwContactField *field);

G_END_DECLS
