/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "bzw-enums.h"

G_BEGIN_DECLS

/* The property plumbing the model types share: setters that store a value
 * and notify only when it changed, and get_property/set_property/copy/
 * finalize driven by a table of the fields behind the properties.
 */

typedef enum
{
  BZW_MODEL_NONE,     /* no field: PROP_0, or a property with code of its own */
  BZW_MODEL_STRING,   /* char *; NULL and "" both mean unset, stored as NULL */
  BZW_MODEL_INT,      /* int, also an enum stored as int */
  BZW_MODEL_BOOLEAN,  /* gboolean, stored as TRUE or FALSE */
  BZW_MODEL_INT64,    /* gint64 */
  BZW_MODEL_DOUBLE,   /* double */
  BZW_MODEL_PARTY,    /* BzwParty, no property: only copied and freed */
} BzwModelType;

typedef struct
{
  BzwModelType type;
  gsize        offset;
} BzwModelField;

/* -1, 0 or 1 as @a is less than, equal to or greater than @b: the heart of
 * a compare function, one key after the other.
 */
#define BZW_CMP(a, b) (((a) > (b)) - ((a) < (b)))

/* One entry of a field table indexed by property id; the members without
 * a property (BZW_MODEL_PARTY) follow the properties, from N_PROPS on.
 */
#define BZW_MODEL_FIELD(Struct, member, type) { (type), G_STRUCT_OFFSET (Struct, member) }

gboolean    bzw_model_set_string    (gpointer             object,
                                     char               **slot,
                                     const char          *value,
                                     GParamSpec          *pspec);
gboolean    bzw_model_set_int       (gpointer             object,
                                     int                 *slot,
                                     int                  value,
                                     GParamSpec          *pspec);
gboolean    bzw_model_set_boolean   (gpointer             object,
                                     gboolean            *slot,
                                     gboolean             value,
                                     GParamSpec          *pspec);
gboolean    bzw_model_set_int64     (gpointer             object,
                                     gint64              *slot,
                                     gint64               value,
                                     GParamSpec          *pspec);
gboolean    bzw_model_set_double    (gpointer             object,
                                     double              *slot,
                                     double               value,
                                     GParamSpec          *pspec);

void        bzw_model_get_property  (GObject             *object,
                                     const BzwModelField *fields,
                                     guint                n_fields,
                                     guint                prop_id,
                                     GValue              *value,
                                     GParamSpec          *pspec);
void        bzw_model_set_property  (GObject             *object,
                                     const BzwModelField *fields,
                                     guint                n_fields,
                                     guint                prop_id,
                                     const GValue        *value,
                                     GParamSpec          *pspec);
void        bzw_model_copy_fields   (gpointer             dest,
                                     gconstpointer        src,
                                     const BzwModelField *fields,
                                     guint                n_fields);
void        bzw_model_free_fields   (gpointer             object,
                                     const BzwModelField *fields,
                                     guint                n_fields);

/* For hash tables keyed by a pair of ids: @key points at a struct that
 * begins with two gint64 ids (BzwKnownPair, BzwDuplicatePair).
 */
guint       bzw_id_pair_hash        (gconstpointer        key);
gboolean    bzw_id_pair_equal       (gconstpointer        a,
                                     gconstpointer        b);

G_END_DECLS
