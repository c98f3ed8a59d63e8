/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-model-util"

#include "config.h"

#include "bzw-model-util.h"

#include <string.h>

static gboolean
set_scalar (gpointer       object,
            gpointer       slot,
            gconstpointer  value,
            gsize          size,
            GParamSpec    *pspec)
{
  if (memcmp (slot, value, size) == 0)
    return FALSE;

  memcpy (slot, value, size);
  g_object_notify_by_pspec (G_OBJECT (object), pspec);
  return TRUE;
}

static gsize
scalar_size (BzwModelType type)
{
  switch (type)
    {
    case BZW_MODEL_INT:
    case BZW_MODEL_BOOLEAN:
      return sizeof (int);
    case BZW_MODEL_INT64:
      return sizeof (gint64);
    case BZW_MODEL_DOUBLE:
      return sizeof (double);
    case BZW_MODEL_NONE:
    case BZW_MODEL_STRING:
    case BZW_MODEL_PARTY:
    default:
      g_assert_not_reached ();
    }
}

/* Stores a copy of @value in @slot and notifies @pspec, unless it is
 * already there. "" is stored as NULL so "unset" has one spelling.
 */
gboolean
bzw_model_set_string (gpointer     object,
                      char       **slot,
                      const char  *value,
                      GParamSpec  *pspec)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (object), pspec);
  return TRUE;
}

/* The numeric setters compare the stored bytes: for a double that means
 * 0.0 and -0.0 differ and a NaN equals itself, which is what "changed"
 * should mean for a stored value.
 */
gboolean
bzw_model_set_int (gpointer    object,
                   int        *slot,
                   int         value,
                   GParamSpec *pspec)
{
  return set_scalar (object, slot, &value, sizeof value, pspec);
}

gboolean
bzw_model_set_boolean (gpointer    object,
                       gboolean   *slot,
                       gboolean    value,
                       GParamSpec *pspec)
{
  return bzw_model_set_int (object, slot, !!value, pspec);
}

gboolean
bzw_model_set_int64 (gpointer    object,
                     gint64     *slot,
                     gint64      value,
                     GParamSpec *pspec)
{
  return set_scalar (object, slot, &value, sizeof value, pspec);
}

gboolean
bzw_model_set_double (gpointer    object,
                      double     *slot,
                      double      value,
                      GParamSpec *pspec)
{
  return set_scalar (object, slot, &value, sizeof value, pspec);
}

/* The slot of property @prop_id in @object and its type, or NULL (with
 * GLib's warning) for an id the table does not know.
 */
static gpointer
field_slot (GObject             *object,
            const BzwModelField *fields,
            guint                n_fields,
            guint                prop_id,
            GParamSpec          *pspec,
            BzwModelType        *type)
{
  if (prop_id >= n_fields ||
      fields[prop_id].type == BZW_MODEL_NONE || fields[prop_id].type == BZW_MODEL_PARTY)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return NULL;
    }

  *type = fields[prop_id].type;
  return G_STRUCT_MEMBER_P (object, fields[prop_id].offset);
}

void
bzw_model_get_property (GObject             *object,
                        const BzwModelField *fields,
                        guint                n_fields,
                        guint                prop_id,
                        GValue              *value,
                        GParamSpec          *pspec)
{
  BzwModelType type = BZW_MODEL_NONE;
  gpointer slot = field_slot (object, fields, n_fields, prop_id, pspec, &type);

  if (slot == NULL)
    return;

  switch (type)
    {
    case BZW_MODEL_STRING:
      g_value_set_string (value, *(char **) slot);
      break;
    case BZW_MODEL_INT:
      g_value_set_int (value, *(int *) slot);
      break;
    case BZW_MODEL_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) slot);
      break;
    case BZW_MODEL_INT64:
      g_value_set_int64 (value, *(gint64 *) slot);
      break;
    case BZW_MODEL_DOUBLE:
      g_value_set_double (value, *(double *) slot);
      break;
    case BZW_MODEL_NONE:
    case BZW_MODEL_PARTY:
    default:
      g_assert_not_reached ();
    }
}

void
bzw_model_set_property (GObject             *object,
                        const BzwModelField *fields,
                        guint                n_fields,
                        guint                prop_id,
                        const GValue        *value,
                        GParamSpec          *pspec)
{
  union { int i; gint64 i64; double d; } scalar;
  BzwModelType type = BZW_MODEL_NONE;
  gpointer slot = field_slot (object, fields, n_fields, prop_id, pspec, &type);

  if (slot == NULL)
    return;

  switch (type)
    {
    case BZW_MODEL_STRING:
      bzw_model_set_string (object, slot, g_value_get_string (value), pspec);
      return;
    case BZW_MODEL_INT:
      scalar.i = g_value_get_int (value);
      break;
    case BZW_MODEL_BOOLEAN:
      scalar.i = !!g_value_get_boolean (value);
      break;
    case BZW_MODEL_INT64:
      scalar.i64 = g_value_get_int64 (value);
      break;
    case BZW_MODEL_DOUBLE:
      scalar.d = g_value_get_double (value);
      break;
    case BZW_MODEL_NONE:
    case BZW_MODEL_PARTY:
    default:
      g_assert_not_reached ();
    }

  set_scalar (object, slot, &scalar, scalar_size (type), pspec);
}

/* Copies every field of the table from @src to @dest without notifying:
 * for a fresh copy of an object.
 */
void
bzw_model_copy_fields (gpointer             dest,
                       gconstpointer        src,
                       const BzwModelField *fields,
                       guint                n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      gpointer to = G_STRUCT_MEMBER_P (dest, fields[i].offset);
      gconstpointer from = (const guint8 *) src + fields[i].offset;

      if (fields[i].type == BZW_MODEL_STRING)
        {
          g_free (*(char **) to);
          *(char **) to = g_strdup (*(char * const *) from);
        }
      else if (fields[i].type == BZW_MODEL_PARTY)
        {
          bzw_party_copy_into (to, from);
        }
      else if (fields[i].type != BZW_MODEL_NONE)
        {
          memcpy (to, from, scalar_size (fields[i].type));
        }
    }
}

/* Frees the string and party fields of the table: for finalize. */
void
bzw_model_free_fields (gpointer             object,
                       const BzwModelField *fields,
                       guint                n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      gpointer slot = G_STRUCT_MEMBER_P (object, fields[i].offset);

      if (fields[i].type == BZW_MODEL_STRING)
        g_clear_pointer ((char **) slot, g_free);
      else if (fields[i].type == BZW_MODEL_PARTY)
        bzw_party_clear (slot);
    }
}

guint
bzw_id_pair_hash (gconstpointer key)
{
  const gint64 *ids = key;

  return g_int64_hash (&ids[0]) * 31 + g_int64_hash (&ids[1]);
}

gboolean
bzw_id_pair_equal (gconstpointer a,
                   gconstpointer b)
{
  const gint64 *pa = a;
  const gint64 *pb = b;

  return pa[0] == pb[0] && pa[1] == pb[1];
}
