/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-contact.h"

G_BEGIN_DECLS

char *bzw_contact_fold_email       (const char *email);
char *bzw_contact_normalize_phone  (const char *phone);
void  bzw_contact_merge            (BzwContact *into,
                                    BzwContact *from);
char *bzw_contact_describe_merge   (BzwContact *into,
                                    BzwContact *from);

G_END_DECLS
