/* SPDX-License-Identifier: GPL-3.0-or-later */

/* BzwContactField, a labelled value of a contact (e-mail, phone, address,
 * ...), and the names of its kinds.  Declared in bzw-contact.h.
 */

#define G_LOG_DOMAIN "bzw-contact"

#include "config.h"

#include "bzw-contact.h"

G_DEFINE_BOXED_TYPE (BzwContactField, bzw_contact_field, bzw_contact_field_copy, bzw_contact_field_free)

static const char * const field_kind_names[] = {
  "email", "phone", "address", "url", "impp", "date", "related",
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_kind_names) == BZW_N_FIELD_KINDS);

BzwContactField *
bzw_contact_field_new (BzwFieldKind  kind,
                       const char   *label,
                       const char   *value)
{
  BzwContactField *field = g_new0 (BzwContactField, 1);

  field->kind = kind;
  field->label = (label != NULL && label[0] != '\0') ? g_strdup (label) : NULL;
  field->value = g_strdup (value != NULL ? value : "");
  return field;
}

BzwContactField *
bzw_contact_field_copy (const BzwContactField *field)
{
  BzwContactField *copy = bzw_contact_field_new (field->kind, field->label, field->value);

  copy->pref = field->pref;
  copy->group = g_strdup (field->group);
  return copy;
}

void
bzw_contact_field_free (BzwContactField *field)
{
  if (field == NULL)
    return;

  g_free (field->label);
  g_free (field->value);
  g_free (field->group);
  g_free (field);
}

const char *
bzw_field_kind_to_string (BzwFieldKind kind)
{
  g_return_val_if_fail (kind < BZW_N_FIELD_KINDS, NULL);

  return field_kind_names[kind];
}

gboolean
bzw_field_kind_from_string (const char   *string,
                            BzwFieldKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_kind_names); i++)
    {
      if (g_strcmp0 (string, field_kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}
