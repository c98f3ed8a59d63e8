/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-caldav-merge"

#include "config.h"

#include "bzw-caldav-merge.h"

#include <libical/ical.h>

/* The three-way merge of one journal item, property by property: a
 * property (all its instances, by name) changed on one side only takes
 * that side; changed on both sides to different values keeps the local one
 * and counts a conflict.  The server's side of a conflict goes into the
 * merged item as one X-BZW-CONFLICT property per property name, its value
 * the base64 of lines "NAME\tLINE" (LINE the server's unfolded content
 * line, empty when the server has none), which bzw_ical_items_read()
 * takes out and bzw_ical_items_save() keeps in the store for the user to
 * settle.  The texts are as the app writes them, so equal values read
 * equal.
 */

static icalcomponent *
first_component (icalcomponent *calendar)
{
  return calendar != NULL ? icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT) : NULL;
}

static const char *
name_of (icalproperty *prop)
{
  icalproperty_kind kind = icalproperty_isa (prop);

  return kind == ICAL_X_PROPERTY ? icalproperty_get_x_name (prop) : icalproperty_kind_to_string (kind);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Every instance of the property @name in @comp, one per line, sorted. */
static char *
values_of (icalcomponent *comp,
           const char    *name)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (comp == NULL)
    return g_strdup ("");

  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_ANY_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_ANY_PROPERTY))
    if (g_strcmp0 (name_of (prop), name) == 0)
      g_ptr_array_add (lines, icalproperty_as_ical_string_r (prop));

  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("", (char **) lines->pdata);
}

static void
add_names (GHashTable    *names,
           icalcomponent *comp)
{
  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_ANY_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_ANY_PROPERTY))
    g_hash_table_add (names, g_strdup (name_of (prop)));
}

/* Replaces every @name of @target by those of @source. */
static void
take_property (icalcomponent *target,
               icalcomponent *source,
               const char    *name)
{
  g_autoptr(GPtrArray) old = g_ptr_array_new ();

  for (icalproperty *prop = icalcomponent_get_first_property (target, ICAL_ANY_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (target, ICAL_ANY_PROPERTY))
    if (g_strcmp0 (name_of (prop), name) == 0)
      g_ptr_array_add (old, prop);
  for (guint i = 0; i < old->len; i++)
    {
      icalcomponent_remove_property (target, g_ptr_array_index (old, i));
      icalproperty_free (g_ptr_array_index (old, i));
    }

  for (icalproperty *prop = icalcomponent_get_first_property (source, ICAL_ANY_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (source, ICAL_ANY_PROPERTY))
    if (g_strcmp0 (name_of (prop), name) == 0)
      icalcomponent_add_property (target, icalproperty_new_clone (prop));
}

/* Adds the server's side of the conflicting property @name to @merged. */
static void
add_conflict (icalcomponent *merged,
              const char    *name,
              const char    *remote)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GString) unfolded = g_string_new (remote);
  g_auto(GStrv) remote_lines = NULL;
  g_autofree char *encoded = NULL;
  icalproperty *prop;

  g_string_replace (unfolded, "\r\n ", "", 0);
  g_string_replace (unfolded, "\r\n\t", "", 0);
  remote_lines = g_strsplit (unfolded->str, "\r\n", -1);
  for (guint i = 0; remote_lines[i] != NULL; i++)
    if (remote_lines[i][0] != '\0')
      g_string_append_printf (lines, "%s\t%s\n", name, remote_lines[i]);
  if (lines->len == 0)
    g_string_append_printf (lines, "%s\t\n", name);

  encoded = g_base64_encode ((const guchar *) lines->str, lines->len);
  prop = icalproperty_new_x (encoded);
  icalproperty_set_x_name (prop, "X-BZW-CONFLICT");
  icalcomponent_add_property (merged, prop);
}

static void
merge_into (icalcomponent *merged,
            icalcomponent *base,
            icalcomponent *remote,
            guint         *conflicts)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer name;

  add_names (names, merged);
  add_names (names, remote);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      g_autofree char *b = values_of (base, name);
      g_autofree char *l = values_of (merged, name);
      g_autofree char *r = values_of (remote, name);

      if (g_str_equal (l, r) || g_str_equal (r, b) || g_str_equal (name, "X-BZW-CONFLICT"))
        continue;
      if (g_str_equal (l, b))
        take_property (merged, remote, name);
      else
        {
          add_conflict (merged, name, r);
          (*conflicts)++;
        }
    }
}

/**
 * bzw_caldav_merge:
 * @base: (nullable): the item as last synced, or %NULL
 * @conflicts: (out): properties changed on both sides
 *
 * Returns: (transfer full): the merged item (one VCALENDAR); without a
 *   base or when a text cannot be read, @local
 */
char *
bzw_caldav_merge (const char *base,
                  const char *local,
                  const char *remote,
                  guint      *conflicts)
{
  icalcomponent *base_cal = base != NULL ? icalparser_parse_string (base) : NULL;
  icalcomponent *local_cal = icalparser_parse_string (local);
  icalcomponent *remote_cal = icalparser_parse_string (remote);
  icalcomponent *merged = first_component (local_cal);
  char *text;

  *conflicts = 0;
  if (first_component (base_cal) == NULL || merged == NULL || first_component (remote_cal) == NULL)
    {
      *conflicts = 1;
      text = g_strdup (local);
    }
  else
    {
      merge_into (merged, first_component (base_cal), first_component (remote_cal), conflicts);
      text = icalcomponent_as_ical_string_r (local_cal);
    }

  g_clear_pointer (&base_cal, icalcomponent_free);
  g_clear_pointer (&local_cal, icalcomponent_free);
  g_clear_pointer (&remote_cal, icalcomponent_free);
  return text;
}
