/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-calendar-export.h"
#include "bzw-calendar-writer.h"
#include "bzw-demo.h"
#include "bzw-test-fixture.h"

#include <libical/ical.h>

typedef struct
{
  BzwTestStore base;
  GDateTime   *now;
} Fixture;

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  bzw_test_store_open (&fixture->base, "calendar.db");
  fixture->now = g_date_time_new_local (2026, 12, 6, 10, 0, 0);
  g_assert_true (bzw_demo_fill (fixture->base.store, fixture->now, &error));
  g_assert_no_error (error);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_date_time_unref (fixture->now);
  bzw_test_store_close (&fixture->base);
}

static guint
count_prefix (GPtrArray  *items,
              const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    if (g_str_has_prefix (((BzwCalendarItem *) g_ptr_array_index (items, i))->uid, prefix))
      n++;
  return n;
}

/* Every birthday of the example network is a yearly event, every contact
 * with a rhythm a task; the text parses with libical and names them.
 */
static void
test_example_network (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = bzw_calendar_export_collect (fixture->base.store, fixture->now, &error);
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  BzwContactQuery query = { NULL, };
  g_autoptr(GArray) ids = bzw_store_list_contact_ids (fixture->base.store, &query, &error);
  guint with_birthday = 0;

  g_assert_no_error (error);
  g_assert_nonnull (items);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BzwContact) contact = bzw_store_dup_contact (fixture->base.store, g_array_index (ids, gint64, i), NULL);

      if (bzw_contact_get_birthday (contact) != NULL)
        with_birthday++;
    }
  g_assert_cmpuint (with_birthday, >, 0);
  g_assert_cmpuint (count_prefix (items, "birthday-"), ==, with_birthday);
  g_assert_cmpuint (count_prefix (items, "keep-in-touch-"), >, 0);

  text = bzw_calendar_export_text (fixture->base.store, fixture->now, &error);
  g_assert_no_error (error);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, (int) with_birthday);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTODO_COMPONENT), ==,
                   (int) (items->len - with_birthday));
  g_assert_nonnull (strstr (text, "SUMMARY:Birthday of "));
  icalcomponent_free (calendar);
}

/* Exported twice, a day apart: the same UIDs, so a calendar updates. */
static void
test_stable_uids (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (fixture->now, 1);
  g_autoptr(GPtrArray) first = bzw_calendar_export_collect (fixture->base.store, fixture->now, NULL);
  g_autoptr(GPtrArray) second = bzw_calendar_export_collect (fixture->base.store, tomorrow, NULL);
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_true (g_hash_table_add (uids, ((BzwCalendarItem *) g_ptr_array_index (first, i))->uid));
  for (guint i = 0; i < second->len; i++)
    g_assert_true (g_hash_table_contains (uids, ((BzwCalendarItem *) g_ptr_array_index (second, i))->uid));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/services/calendar-export/example-network", Fixture, NULL, setup, test_example_network, teardown);
  g_test_add ("/services/calendar-export/stable-uids", Fixture, NULL, setup, test_stable_uids, teardown);

  return g_test_run ();
}
