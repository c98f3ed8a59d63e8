/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-labels.h"

#include <string.h>

/* A label that says what the kind says is not repeated: „Website“, not
 * „Website (Website)“; others stand in brackets, known ones translated.
 */
static void
test_field_labels (void)
{
  g_autofree char *plain = bzw_labels_field (BZW_FIELD_URL, NULL);
  g_autofree char *same = NULL;
  g_autofree char *work = bzw_labels_field (BZW_FIELD_EMAIL, "work");
  g_autofree char *own = bzw_labels_field (BZW_FIELD_PHONE, "Ferienhaus");

  same = bzw_labels_field (BZW_FIELD_URL, plain);
  g_assert_cmpstr (same, ==, plain);
  g_assert_true (g_str_has_suffix (work, ")"));
  g_assert_nonnull (strchr (work, '('));
  g_assert_true (g_str_has_suffix (own, " (Ferienhaus)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/labels/field", test_field_labels);

  return g_test_run ();
}
