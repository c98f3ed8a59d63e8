/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-name-order.h"

#include <string.h>

typedef struct
{
  const char *given;
  const char *family;
  const char *display;
  const char *organisation;
  const char *prefix;
} Name;

static char *
key_of (const Name   *name,
        BzwNameOrder  order)
{
  BzwNameParts parts = {
    .prefix = name->prefix,
    .given = name->given,
    .family = name->family,
    .display = name->display,
    .organisation = name->organisation,
  };

  return bzw_name_dup_sort_key (&parts, order);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      order)
{
  g_autofree char *ka = key_of (a, GPOINTER_TO_INT (order));
  g_autofree char *kb = key_of (b, GPOINTER_TO_INT (order));

  return strcmp (ka, kb);
}

static char *
sorted (const Name   *names,
        gsize         n,
        BzwNameOrder  order)
{
  g_autoptr(GArray) array = g_array_new (FALSE, FALSE, sizeof (Name));
  g_autoptr(GString) out = g_string_new (NULL);

  g_array_append_vals (array, names, n);
  g_array_sort_with_data (array, compare_names, GINT_TO_POINTER (order));
  for (guint i = 0; i < array->len; i++)
    {
      const Name *name = &g_array_index (array, Name, i);

      if (out->len > 0)
        g_string_append (out, " | ");
      g_string_append (out, name->display != NULL ? name->display : name->organisation);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The list of a German address book: family name first, titles left out,
 * umlauts with their base letter, shorter family names first.
 */
static void
test_family_order (void)
{
  static const Name names[] = {
    { "Robert", "Vogt", "Dr. Robert Vogt", NULL, "Dr." },
    { "Heike", "Brandt", "Dr. Heike Brandt", NULL, "Dr." },
    { "Anna", "Bergmann", "Anna Bergmann", NULL, NULL },
    { "Zoe", "Berg", "Zoe Berg", NULL, NULL },
    { "Jürgen", "Öztürk", "Jürgen Öztürk", NULL, NULL },
    { "Olaf", "Ott", "Olaf Ott", NULL, NULL },
    { "Uwe", "Müller", "Uwe Müller", NULL, NULL },
    { "Ute", "Mueller", "Ute Mueller", NULL, NULL },
    { "Karl", "Muller", "Karl Muller", NULL, NULL },
    { "Greta", "Strauß", "Greta Strauß", NULL, NULL },
    { "Sven", "Strausberg", "Sven Strausberg", NULL, NULL },
    { NULL, NULL, NULL, "Druckerei Adler GmbH", NULL },
    { NULL, NULL, "Zimmerei Holz & Co.", "Zimmerei Holz & Co.", NULL },
  };
  g_autofree char *list = sorted (names, G_N_ELEMENTS (names), BZW_NAME_ORDER_FAMILY);

  g_assert_cmpstr (list, ==,
                   "Zoe Berg | Anna Bergmann | Dr. Heike Brandt | Druckerei Adler GmbH | "
                   "Ute Mueller | Karl Muller | Uwe Müller | Olaf Ott | Jürgen Öztürk | "
                   "Sven Strausberg | Greta Strauß | Dr. Robert Vogt | Zimmerei Holz & Co.");
}

static void
test_given_order (void)
{
  static const Name names[] = {
    { "Robert", "Vogt", "Dr. Robert Vogt", NULL, "Dr." },
    { "Heike", "Brandt", "Dr. Heike Brandt", NULL, "Dr." },
    { "Ärne", "Zander", "Ärne Zander", NULL, NULL },
    { "Anton", "Zander", "Anton Zander", NULL, NULL },
  };
  g_autofree char *list = sorted (names, G_N_ELEMENTS (names), BZW_NAME_ORDER_GIVEN);

  g_assert_cmpstr (list, ==, "Anton Zander | Ärne Zander | Dr. Heike Brandt | Dr. Robert Vogt");
}

/* Cards with only a display name, as many address books write them. */
static void
test_display_only (void)
{
  static const Name names[] = {
    { NULL, NULL, "Prof. Dr. Ada Zuse", NULL, NULL },
    { NULL, NULL, "Richard von Weizsäcker", NULL, NULL },
    { NULL, NULL, "Brandt, Heike", NULL, NULL },
    { NULL, NULL, "Dipl.-Ing. Carl Wagner", NULL, NULL },
    { NULL, NULL, "Cher", NULL, NULL },
  };
  g_autofree char *list = sorted (names, G_N_ELEMENTS (names), BZW_NAME_ORDER_FAMILY);
  BzwNameParts parts = { .display = "Richard von Weizsäcker" };
  g_autofree char *sort = bzw_name_dup_sort_string (&parts, BZW_NAME_ORDER_FAMILY);
  g_autofree char *shown = bzw_name_dup_shown (&parts, BZW_NAME_ORDER_FAMILY);

  g_assert_cmpstr (list, ==, "Brandt, Heike | Cher | Dipl.-Ing. Carl Wagner | "
                             "Richard von Weizsäcker | Prof. Dr. Ada Zuse");
  g_assert_cmpstr (sort, ==, "weizsacker\001richard\001\001von");
  g_assert_cmpstr (shown, ==, "Weizsäcker, Richard von");
}

static void
test_shown (void)
{
  BzwNameParts titled = { .prefix = "Dr.", .given = "Heike", .family = "Brandt", .display = "Dr. Heike Brandt" };
  BzwNameParts particle = { .given = "Ursula", .family = "von der Leyen", .display = "Ursula von der Leyen" };
  BzwNameParts company = { .organisation = "Druckerei Adler GmbH" };
  BzwNameParts comma = { .display = "Weizsäcker, Dr. Richard von" };
  g_autofree char *a = bzw_name_dup_shown (&titled, BZW_NAME_ORDER_FAMILY);
  g_autofree char *b = bzw_name_dup_shown (&titled, BZW_NAME_ORDER_GIVEN);
  g_autofree char *c = bzw_name_dup_shown (&particle, BZW_NAME_ORDER_FAMILY);
  g_autofree char *d = bzw_name_dup_shown (&company, BZW_NAME_ORDER_FAMILY);
  g_autofree char *e = bzw_name_dup_sort_string (&particle, BZW_NAME_ORDER_FAMILY);
  g_autofree char *f = bzw_name_dup_shown (&comma, BZW_NAME_ORDER_FAMILY);

  g_assert_cmpstr (a, ==, "Brandt, Dr. Heike");
  g_assert_cmpstr (b, ==, "Dr. Heike Brandt");
  g_assert_cmpstr (c, ==, "Leyen, Ursula von der");
  g_assert_cmpstr (d, ==, "Druckerei Adler GmbH");
  g_assert_cmpstr (e, ==, "leyen\001ursula\001\001von der");
  g_assert_cmpstr (f, ==, "Weizsäcker, Dr. Richard von");
}

static void
test_titles (void)
{
  const char *yes[] = { "Dr.", "dr", "Prof.", "Dipl.-Ing.", "Dipl.-Kfm.", "Dr.rer.nat.", "Herr", "Frau", "Mag." };
  const char *no[] = { "Drews", "Professor-Allee", "Ina", "Heike", "Franz" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    g_assert_true (bzw_name_is_title (yes[i]));
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    g_assert_false (bzw_name_is_title (no[i]));
  g_assert_cmpint (bzw_name_order_from_string ("given"), ==, BZW_NAME_ORDER_GIVEN);
  g_assert_cmpint (bzw_name_order_from_string ("anything"), ==, BZW_NAME_ORDER_FAMILY);
  g_assert_cmpstr (bzw_name_order_to_string (BZW_NAME_ORDER_FAMILY), ==, "family");
}

/* Avatars take the initials of given and family name, never of a title. */
static void
test_initials (void)
{
  struct { const char *prefix, *given, *family, *display, *expected; } cases[] = {
    { "Dr.", "Heike", "Brandt", "Dr. Heike Brandt", "Heike Brandt" },
    { NULL, NULL, NULL, "Dr. Heike Brandt", "Heike Brandt" },
    { NULL, NULL, NULL, "Brandt, Prof. Dr. Heike", "Heike Brandt" },
    { NULL, "Ana", NULL, NULL, "Ana" },
    { NULL, NULL, NULL, "Rheinland Versicherung AG", "Rheinland Versicherung AG" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BzwContact) contact = bzw_contact_new ();
      g_autofree char *text = NULL;

      bzw_contact_set_prefix (contact, cases[i].prefix);
      bzw_contact_set_given_name (contact, cases[i].given);
      bzw_contact_set_family_name (contact, cases[i].family);
      bzw_contact_set_display_name (contact, cases[i].display);
      text = bzw_name_dup_initials_text_for_contact (contact);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/name-order/family", test_family_order);
  g_test_add_func ("/model/name-order/given", test_given_order);
  g_test_add_func ("/model/name-order/display-only", test_display_only);
  g_test_add_func ("/model/name-order/shown", test_shown);
  g_test_add_func ("/model/name-order/titles", test_titles);
  g_test_add_func ("/model/name-order/initials", test_initials);

  return g_test_run ();
}
