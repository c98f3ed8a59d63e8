/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-contact.h"

G_BEGIN_DECLS

/* Translated words for stored values, shared by the views, the printout
 * and the map.
 */

typedef struct
{
  const char *id;
  const char *label;
} BzwLabel;

const char     *bzw_labels_trust                  (BzwTrust      trust);
char           *bzw_labels_field                  (BzwFieldKind  kind,
                                                   const char   *label);
const char     *bzw_labels_field_label            (const char   *label);
const char * const *bzw_labels_field_presets      (BzwFieldKind  kind);
const char     *bzw_labels_field_kind             (BzwFieldKind  kind);
char           *bzw_labels_format_address         (const char   *value);
char           *bzw_labels_rhythm                 (int           ideal_days,
                                                   int           latest_days);
const BzwLabel *bzw_labels_relationship_kinds     (guint        *n_kinds);
const char     *bzw_labels_relationship_kind      (const char   *kind);
char           *bzw_labels_format_euros           (gint64        cents);
char           *bzw_labels_relationship_seen_from (const char   *kind,
                                                   gboolean      from_a,
                                                   const char   *other);
char           *bzw_labels_relationship_subtitle  (const char   *kind,
                                                   gboolean      from_a,
                                                   const char   *other,
                                                   int           strength,
                                                   const char   *since);

G_END_DECLS
