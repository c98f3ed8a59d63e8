/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The property plumbing of the model types (bzw-model-util): setters store
 * and notify only on a change, "" means unset, copies are deep.
 */

#include "config.h"

#include "bzw-circle.h"
#include "bzw-contact.h"
#include "bzw-favour.h"
#include "bzw-referral.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_string_property (void)
{
  g_autoptr(BzwFavour) favour = bzw_favour_new ();
  g_autofree char *read = NULL;
  guint notified = 0;

  g_signal_connect (favour, "notify::description", G_CALLBACK (count_cb), &notified);

  g_object_set (favour, "description", "Umzug helfen", NULL);
  g_assert_cmpstr (bzw_favour_get_description (favour), ==, "Umzug helfen");
  g_assert_cmpuint (notified, ==, 1);

  bzw_favour_set_description (favour, "Umzug helfen");
  g_assert_cmpuint (notified, ==, 1);

  g_object_get (favour, "description", &read, NULL);
  g_assert_cmpstr (read, ==, "Umzug helfen");

  bzw_favour_set_description (favour, "");
  g_assert_null (bzw_favour_get_description (favour));
  g_assert_cmpuint (notified, ==, 2);

  g_object_set (favour, "description", NULL, NULL);
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_number_properties (void)
{
  g_autoptr(BzwReferral) referral = bzw_referral_new ();
  gint64 cents = 0;
  gboolean thanked = FALSE;
  int state = -1;
  guint notified = 0;

  g_signal_connect (referral, "notify", G_CALLBACK (count_cb), &notified);

  g_object_set (referral, "value-cents", (gint64) 12345, "state", BZW_REFERRAL_LOST, NULL);
  g_assert_cmpint (bzw_referral_get_value_cents (referral), ==, 12345);
  g_assert_cmpint (bzw_referral_get_state (referral), ==, BZW_REFERRAL_LOST);
  g_assert_cmpuint (notified, ==, 2);

  bzw_referral_set_thanked (referral, 7);
  g_assert_true (bzw_referral_get_thanked (referral) == TRUE);
  bzw_referral_set_thanked (referral, TRUE);
  g_assert_cmpuint (notified, ==, 3);

  g_object_get (referral, "value-cents", &cents, "thanked", &thanked, "state", &state, NULL);
  g_assert_cmpint (cents, ==, 12345);
  g_assert_true (thanked);
  g_assert_cmpint (state, ==, BZW_REFERRAL_LOST);
}

static void
test_copy_is_deep (void)
{
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(BzwCircle) copy = NULL;

  bzw_circle_set_id (circle, 4);
  bzw_circle_set_name (circle, "Familie");
  bzw_circle_set_interval_max (circle, 30);

  copy = bzw_circle_copy (circle);
  bzw_circle_set_name (circle, "Verein");

  g_assert_cmpint (bzw_circle_get_id (copy), ==, 4);
  g_assert_cmpstr (bzw_circle_get_name (copy), ==, "Familie");
  g_assert_cmpint (bzw_circle_get_interval_max (copy), ==, 30);
}

static void
test_contact_derived_notify (void)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(BzwContact) copy = NULL;
  guint initials = 0;
  guint subtitle = 0;
  int ideal = -1;

  g_signal_connect (contact, "notify::initials", G_CALLBACK (count_cb), &initials);
  g_signal_connect (contact, "notify::subtitle", G_CALLBACK (count_cb), &subtitle);

  g_object_set (contact, "given-name", "Ada", "role", "Mathematikerin", NULL);
  g_assert_cmpuint (initials, ==, 1);
  g_assert_cmpuint (subtitle, ==, 1);

  bzw_contact_set_given_name (contact, "Ada");
  g_assert_cmpuint (initials, ==, 1);

  g_object_set (contact, "interval-ideal", 14, "archived", TRUE, NULL);
  bzw_contact_set_interval_max (contact, -3);
  g_object_get (contact, "interval-ideal", &ideal, NULL);
  g_assert_cmpint (ideal, ==, 14);
  g_assert_cmpint (bzw_contact_get_interval_max (contact), ==, 0);

  copy = bzw_contact_copy (contact);
  g_assert_cmpstr (bzw_contact_get_given_name (copy), ==, "Ada");
  g_assert_cmpstr (bzw_contact_get_role (copy), ==, "Mathematikerin");
  g_assert_true (bzw_contact_get_archived (copy));
  g_assert_cmpint (bzw_contact_get_interval_ideal (copy), ==, 14);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/string-property", test_string_property);
  g_test_add_func ("/model/number-properties", test_number_properties);
  g_test_add_func ("/model/copy-is-deep", test_copy_is_deep);
  g_test_add_func ("/model/contact-derived-notify", test_contact_derived_notify);

  return g_test_run ();
}
