/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-parsed-card.h"

G_BEGIN_DECLS

typedef struct _BzwVcardStream BzwVcardStream;

BzwVcardStream *bzw_vcard_stream_new  (const char     *data,
                                       gsize           length);
BzwParseResult *bzw_vcard_stream_next (BzwVcardStream *self);
void            bzw_vcard_stream_free (BzwVcardStream *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwVcardStream, bzw_vcard_stream_free)

G_END_DECLS
