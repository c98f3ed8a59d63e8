/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>
#include <string.h>

#include "bzw-contact.h"
#include "bzw-parsed-card.h"

/* Shared helpers of the io tests. */

static inline GBytes *
load_data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "io", "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static inline BzwParsedCard *
find_card (BzwParseResult *result,
           const char     *best_name)
{
  for (guint i = 0; i < result->cards->len; i++)
    {
      BzwParsedCard *card = g_ptr_array_index (result->cards, i);
      g_autofree char *name = bzw_contact_dup_best_name (card->contact);

      if (g_strcmp0 (name, best_name) == 0)
        return card;
    }

  g_error ("No card named “%s”", best_name);
  return NULL;
}

static inline const BzwContactField *
find_field (BzwContact   *contact,
            BzwFieldKind  kind,
            const char   *value)
{
  GPtrArray *fields = bzw_contact_get_fields (contact);

  for (guint i = 0; i < fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, i);

      if (field->kind == kind && g_strcmp0 (field->value, value) == 0)
        return field;
    }

  return NULL;
}

static inline guint
count_fields (BzwContact   *contact,
              BzwFieldKind  kind)
{
  GPtrArray *fields = bzw_contact_get_fields (contact);
  guint n = 0;

  for (guint i = 0; i < fields->len; i++)
    if (((const BzwContactField *) g_ptr_array_index (fields, i))->kind == kind)
      n++;

  return n;
}

#define assert_field(contact, kind, value_, label_, pref_)                     \
  G_STMT_START {                                                               \
    const BzwContactField *f_ = find_field ((contact), (kind), (value_));      \
    if (f_ == NULL)                                                            \
      g_error ("%s:%d: no %s field “%s”", __FILE__, __LINE__,                  \
               bzw_field_kind_to_string (kind), (value_));                     \
    g_assert_cmpstr (f_->label, ==, (label_));                                 \
    g_assert_cmpint (f_->pref, ==, (pref_));                                   \
  } G_STMT_END

static inline void
assert_categories (BzwParsedCard *card,
                   const char    *first,
                   ...)
{
  va_list args;
  guint n = 0;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    {
      g_assert_cmpuint (n, <, card->categories->len);
      g_assert_cmpstr (g_ptr_array_index (card->categories, n), ==, name);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (card->categories->len, ==, n);
}

static inline gboolean
extra_has_line (BzwContact *contact,
                const char *line)
{
  g_auto(GStrv) lines = g_strsplit (bzw_contact_get_extra (contact) != NULL ? bzw_contact_get_extra (contact) : "",
                                    "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static inline char *
address (const char *pobox,
         const char *ext,
         const char *street,
         const char *city,
         const char *region,
         const char *code,
         const char *country)
{
  return g_strjoin (BZW_ADDRESS_SEPARATOR, pobox, ext, street, city, region, code, country, NULL);
}

/* Every property of two contacts, field by field.  With @by_best_name a
 * missing display name equals the one made from the name parts, since a
 * vCard always has an FN.
 */
static inline void
assert_contacts_equal (BzwContact *a,
                       BzwContact *b,
                       gboolean    by_best_name)
{
  static const char * const props[] = {
    "prefix", "given-name", "additional-names", "family-name", "suffix", "nickname",
    "organisation", "department", "role", "birthday", "photo-uri", "met-how", "met-on", "offers", "seeks",
    "trust-for", "notes", "extra", "uid",
  };
  GPtrArray *fa = bzw_contact_get_fields (a);
  GPtrArray *fb = bzw_contact_get_fields (b);

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      g_autofree char *va = NULL;
      g_autofree char *vb = NULL;

      g_object_get (a, props[i], &va, NULL);
      g_object_get (b, props[i], &vb, NULL);
      if (g_strcmp0 (va, vb) != 0)
        g_error ("%s differs: “%s” ≠ “%s”", props[i], va, vb);
    }

  if (by_best_name)
    {
      g_autofree char *na = bzw_contact_dup_best_name (a);
      g_autofree char *nb = bzw_contact_dup_best_name (b);

      g_assert_cmpstr (na, ==, nb);
    }
  else
    g_assert_cmpstr (bzw_contact_get_display_name (a), ==, bzw_contact_get_display_name (b));

  g_assert_cmpint (bzw_contact_get_met_in_person (a), ==, bzw_contact_get_met_in_person (b));
  g_assert_cmpint (bzw_contact_get_trust (a), ==, bzw_contact_get_trust (b));
  g_assert_cmpint (bzw_contact_get_interval_ideal (a), ==, bzw_contact_get_interval_ideal (b));
  g_assert_cmpint (bzw_contact_get_interval_max (a), ==, bzw_contact_get_interval_max (b));
  g_assert_cmpint (bzw_contact_get_archived (a), ==, bzw_contact_get_archived (b));
  g_assert_true ((bzw_contact_get_photo (a) == NULL) == (bzw_contact_get_photo (b) == NULL));
  if (bzw_contact_get_photo (a) != NULL)
    g_assert_true (g_bytes_equal (bzw_contact_get_photo (a), bzw_contact_get_photo (b)));

  g_assert_cmpuint (fa->len, ==, fb->len);
  for (guint i = 0; i < fa->len; i++)
    {
      const BzwContactField *x = g_ptr_array_index (fa, i);
      const BzwContactField *y = g_ptr_array_index (fb, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->value, ==, y->value);
      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpint (x->pref, ==, y->pref);
    }
}

static inline void
assert_categories_equal (GPtrArray *a,
                         GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}
