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

/* "introducer" reads per direction: a_id introduced me to b_id; other
 * kinds read the same from both sides.
 */
static void
test_relationship_direction (void)
{
  g_autofree char *introducer_side = bzw_labels_relationship_seen_from ("introducer", TRUE, "Bernd Schröder");
  g_autofree char *introduced_side = bzw_labels_relationship_seen_from ("introducer", FALSE, "Anna Klein");
  g_autofree char *friend_a = bzw_labels_relationship_seen_from ("friend", TRUE, "Bernd Schröder");
  g_autofree char *friend_b = bzw_labels_relationship_seen_from ("friend", FALSE, "Anna Klein");
  g_autofree char *subtitle = bzw_labels_relationship_subtitle ("introducer", TRUE, "Bernd Schröder", 3, "2019-04-01");
  g_autofree char *other_subtitle = bzw_labels_relationship_subtitle ("introducer", FALSE, "Anna Klein", 3, NULL);

  g_assert_cmpstr (introducer_side, ==, "Introduced you to Bernd Schröder");
  g_assert_cmpstr (introduced_side, ==, "You met through Anna Klein");
  g_assert_cmpstr (friend_a, ==, bzw_labels_relationship_kind ("friend"));
  g_assert_cmpstr (friend_a, ==, friend_b);
  g_assert_cmpstr (subtitle, ==, "Introduced you to Bernd Schröder · strength 3 of 5 · since 2019");
  g_assert_cmpstr (other_subtitle, ==, "You met through Anna Klein · strength 3 of 5");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/labels/field", test_field_labels);
  g_test_add_func ("/model/labels/relationship-direction", test_relationship_direction);

  return g_test_run ();
}
