/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-calendar-export.h"
#include "bzw-calendar-writer.h"
#include "bzw-demo.h"
#include "bzw-store-occasions.h"
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

static BzwCalendarItem *
find_item (GPtrArray  *items,
           const char *prefix,
           const char *key)
{
  g_autofree char *uid = g_strconcat (prefix, key, "@beziehungsweise", NULL);

  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (((BzwCalendarItem *) g_ptr_array_index (items, i))->uid, uid))
      return g_ptr_array_index (items, i);
  return NULL;
}

/* A follow-up is a task on its day with its note; an anniversary a yearly
 * event; a circle's lead time is the alarm of its members' birthdays.
 */
static void
test_follow_ups_and_anniversaries (Fixture       *fixture,
                                   gconstpointer  data)
{
  BzwContactQuery query = { NULL, };
  g_autoptr(GArray) ids = bzw_store_list_contact_ids (fixture->base.store, &query, NULL);
  g_autoptr(BzwContact) contact = NULL;
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) circle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *key0 = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  BzwCalendarItem *item;
  gint64 id;

  bzw_circle_set_name (circle, "Nah");
  bzw_circle_set_lead_days (circle, 3);
  g_assert_true (bzw_store_save_circle (fixture->base.store, circle, &error));
  id = bzw_circle_get_id (circle);
  g_array_append_val (circle_ids, id);

  contact = bzw_store_dup_contact (fixture->base.store, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  bzw_contact_set_birthday (contact, "--02-29");
  bzw_contact_add_field (contact, BZW_FIELD_DATE, "anniversary", "2016-12-08");
  bzw_contact_set_circle_ids (contact, circle_ids);
  g_assert_true (bzw_store_save_contact (fixture->base.store, contact, &error));
  g_assert_true (bzw_store_set_follow_up (fixture->base.store, bzw_contact_get_id (contact), "2026-12-10",
                                          "Angebot nachfassen", &error));
  g_assert_no_error (error);

  items = bzw_calendar_export_collect (fixture->base.store, fixture->now, &error);
  g_assert_no_error (error);
  uid = g_strdup (bzw_contact_get_uid (contact));
  key0 = g_strconcat (uid, "-0", NULL);
  name = bzw_contact_dup_best_name (contact);

  item = find_item (items, "follow-up-", uid);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, BZW_CALENDAR_TODO);
  g_assert_cmpint (item->year * 10000 + item->month * 100 + item->day, ==, 20261210);
  g_assert_cmpstr (item->description, ==, "Angebot nachfassen");
  summary = g_strdup_printf ("Follow up with %s", name);
  g_assert_cmpstr (item->summary, ==, summary);

  item = find_item (items, "date-", key0);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, ==, BZW_CALENDAR_YEARLY);
  g_assert_cmpint (item->year, ==, 2016);
  g_assert_cmpint (item->alarm_days, ==, 3);

  item = find_item (items, "birthday-", uid);
  g_assert_nonnull (item);
  g_assert_cmpint (item->year, ==, 0);
  g_assert_cmpint (item->month * 100 + item->day, ==, 229);
  g_assert_cmpint (item->alarm_days, ==, 3);

  /* The follow-up replaces the task of the rhythm for that contact. */
  g_assert_null (find_item (items, "keep-in-touch-", uid));

  text = bzw_calendar_export_text (fixture->base.store, fixture->now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "DESCRIPTION:Angebot nachfassen"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/services/calendar-export/example-network", Fixture, NULL, setup, test_example_network, teardown);
  g_test_add ("/services/calendar-export/stable-uids", Fixture, NULL, setup, test_stable_uids, teardown);
  g_test_add ("/services/calendar-export/follow-ups-and-anniversaries", Fixture, NULL, setup,
              test_follow_ups_and_anniversaries, teardown);

  return g_test_run ();
}
