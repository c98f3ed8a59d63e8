/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-caldav-merge.h"
#include "bzw-demo.h"
#include "bzw-ical-items.h"
#include "bzw-store-io.h"
#include "bzw-store-item-conflicts.h"
#include "bzw-sync-item-conflicts.h"
#include "bzw-test-fixture.h"

#include <libical/ical.h>
#include <string.h>

/* The journal one item at a time (io/bzw-ical-items.c) and the merge of
 * one item (sync/bzw-caldav-merge.c) on the example network in a real
 * database file.
 */

static void
close_store (BzwTestStore  *fixture,
             gconstpointer  data)
{
  bzw_test_store_close (fixture);
}

static void
fill (BzwTestStore *fixture)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;

  bzw_test_store_open (fixture, "caldav.db");
  g_assert_true (bzw_demo_fill (fixture->store, now, &error));
  g_assert_no_error (error);
}

/* Every item read back is the same text: what a server gives back does
 * not look changed.
 */
static void
test_round_trip (BzwTestStore  *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwIcalItems) items = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  fill (fixture);
  items = bzw_ical_items_new (fixture->store, &error);
  g_assert_no_error (error);
  table = bzw_ical_items_list (items, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (table), >, 100);

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BzwIcalItem *item = value;
      g_autofree char *stamped = NULL;
      g_autoptr(BzwIcalItem) back = NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      g_assert_null (strstr (item->text, "DTSTAMP"));
      stamped = bzw_ical_item_stamp (item->text, now);
      g_assert_nonnull (strstr (stamped, "DTSTAMP"));
      back = bzw_ical_items_read (items, stamped, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (back->uid, ==, item->uid);
      g_assert_cmpstr (back->kind, ==, item->kind);
      g_assert_cmpstr (back->text, ==, item->text);
      g_assert_false (back->waits);
      g_hash_table_add (kinds, item->kind);
    }

  g_assert_true (g_hash_table_contains (kinds, "encounter"));
  g_assert_true (g_hash_table_contains (kinds, "favour"));
  g_assert_true (g_hash_table_contains (kinds, "referral"));
  g_assert_true (g_hash_table_contains (kinds, "relationship"));
}

static char *
edit (const char *text,
      void      (*set) (icalcomponent *, const char *),
      const char *value)
{
  icalcomponent *calendar = icalparser_parse_string (text);
  char *edited;

  set (icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT), value);
  edited = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  return edited;
}

static BzwIcalItem *
first_encounter (GHashTable *table)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_str_equal (((BzwIcalItem *) value)->kind, "encounter"))
      return value;

  g_assert_not_reached ();
}

/* Different properties changed on both sides merge; the same property
 * changed on both sides keeps this side's value and counts a conflict;
 * the merge saved over the row changes that row, not a new one.
 */
static void
test_merge (BzwTestStore  *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwIcalItems) items = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autofree char *local = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *other = NULL;
  g_autofree char *conflicting = NULL;
  g_autoptr(BzwIcalItem) result = NULL;
  g_autoptr(BzwEncounter) saved = NULL;
  BzwIcalItem *base;
  guint conflicts = 9;
  gint64 id;

  fill (fixture);
  items = bzw_ical_items_new (fixture->store, &error);
  table = bzw_ical_items_list (items, &error);
  g_assert_no_error (error);
  base = first_encounter (table);
  id = bzw_store_find_row_by_uid (fixture->store, "encounters", base->uid);
  g_assert_cmpint (id, >, 0);

  local = edit (base->text, icalcomponent_set_location, "Café am Dom");
  remote = edit (base->text, icalcomponent_set_description, "Über die Messe gesprochen");
  merged = bzw_caldav_merge (base->text, local, remote, &conflicts);
  g_assert_cmpuint (conflicts, ==, 0);

  result = bzw_ical_items_read (items, merged, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_ical_items_save (items, result, &error));
  g_assert_no_error (error);
  saved = bzw_store_dup_encounter (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bzw_encounter_get_place (saved), ==, "Café am Dom");
  g_assert_cmpstr (bzw_encounter_get_notes (saved), ==, "Über die Messe gesprochen");

  other = edit (base->text, icalcomponent_set_location, "Bahnhof");
  conflicting = bzw_caldav_merge (base->text, local, other, &conflicts);
  g_assert_cmpuint (conflicts, ==, 1);
  g_assert_nonnull (strstr (conflicting, "Café am Dom"));
  g_assert_null (strstr (conflicting, "Bahnhof"));
}

static BzwSyncItemConflict *
find_conflict (GPtrArray  *conflicts,
               const char *uid,
               const char *property)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      BzwSyncItemConflict *conflict = g_ptr_array_index (conflicts, i);

      if (g_str_equal (conflict->uid, uid) && g_str_equal (conflict->property, property))
        return conflict;
    }

  return NULL;
}

static char *
place_of (BzwTestStore *fixture,
          gint64        id)
{
  g_autoptr(BzwEncounter) encounter = bzw_store_dup_encounter (fixture->store, id, NULL);

  return g_strdup (bzw_encounter_get_place (encounter));
}

/* A property changed on both sides: the merge keeps the value here and
 * the store the server's; the list shows both; keeping the server's
 * value writes it in one transaction and forgets the conflict; the undo
 * brings both back; keeping the value here forgets the conflict only; a
 * deleted item takes its conflicts with it.
 */
static void
test_conflict (BzwTestStore  *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwIcalItems) items = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autofree char *local = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *place = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(BzwIcalItem) result = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(BzwSyncItemSettled) settled = NULL;
  BzwSyncItemConflict *conflict;
  BzwIcalItem *base;
  gboolean deleted = FALSE;
  guint n = 0;
  gint64 id;

  fill (fixture);
  items = bzw_ical_items_new (fixture->store, &error);
  table = bzw_ical_items_list (items, &error);
  g_assert_no_error (error);
  base = first_encounter (table);
  id = bzw_store_find_row_by_uid (fixture->store, "encounters", base->uid);

  local = edit (base->text, icalcomponent_set_location, "Café am Dom");
  remote = edit (base->text, icalcomponent_set_location, "Bahnhof; Gleis 3, hinten");
  merged = bzw_caldav_merge (base->text, local, remote, &n);
  g_assert_cmpuint (n, ==, 1);
  result = bzw_ical_items_read (items, merged, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result->conflicts);
  g_assert_null (strstr (result->text, "X-BZW-CONFLICT"));
  g_assert_true (bzw_store_begin (fixture->store, &error));
  g_assert_true (bzw_ical_items_save (items, result, &error));
  g_assert_true (bzw_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  conflicts = bzw_sync_item_conflicts_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = find_conflict (conflicts, base->uid, "LOCATION");
  g_assert_nonnull (conflict);
  g_assert_cmpstr (conflict->local, ==, "Café am Dom");
  g_assert_cmpstr (conflict->remote, ==, "Bahnhof; Gleis 3, hinten");
  g_assert_cmpstr (conflict->label, ==, "Place");
  {
    /* The conflict names the contacts the entry concerns, by UID. */
    g_autoptr(BzwEncounter) encounter = bzw_store_dup_encounter (fixture->store, id, NULL);
    GArray *parties = bzw_encounter_get_participants (encounter);
    guint n_known = 0;

    for (guint i = 0; i < parties->len; i++)
      {
        BzwParty *party = &g_array_index (parties, BzwParty, i);
        g_autoptr(BzwContact) contact = party->contact_id > 0
                                        ? bzw_store_dup_contact (fixture->store, party->contact_id, NULL) : NULL;

        if (contact == NULL)
          continue;
        g_assert_true (g_strv_contains ((const char * const *) conflict->contacts, bzw_contact_get_uid (contact)));
        n_known++;
      }
    g_assert_cmpuint (n_known, >, 0);
    g_assert_cmpuint (g_strv_length (conflict->contacts), ==, n_known);
  }

  settled = bzw_sync_item_conflict_settle (fixture->store, base->uid, "LOCATION", TRUE, &error);
  g_assert_no_error (error);
  place = place_of (fixture, id);
  g_assert_cmpstr (place, ==, "Bahnhof; Gleis 3, hinten");
  g_assert_null (bzw_store_dup_item_conflict (fixture->store, base->uid));
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = bzw_sync_item_conflicts_list (fixture->store, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);

  g_assert_true (bzw_sync_item_conflict_undo (fixture->store, settled, &error));
  g_assert_no_error (error);
  g_clear_pointer (&place, g_free);
  place = place_of (fixture, id);
  g_assert_cmpstr (place, ==, "Café am Dom");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = bzw_sync_item_conflicts_list (fixture->store, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);

  g_clear_pointer (&settled, bzw_sync_item_settled_free);
  settled = bzw_sync_item_conflict_settle (fixture->store, base->uid, "LOCATION", FALSE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&place, g_free);
  place = place_of (fixture, id);
  g_assert_cmpstr (place, ==, "Café am Dom");
  g_assert_null (bzw_store_dup_item_conflict (fixture->store, base->uid));

  /* Settled already: an error, nothing written. */
  g_assert_null (bzw_sync_item_conflict_settle (fixture->store, base->uid, "LOCATION", TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (bzw_sync_item_conflict_undo (fixture->store, settled, &error));
  kept = bzw_store_dup_item_conflict (fixture->store, base->uid);
  g_assert_nonnull (kept);
  g_assert_true (bzw_ical_items_delete (items, base->kind, base->uid, &deleted, &error));
  g_assert_true (deleted);
  g_assert_null (bzw_store_dup_item_conflict (fixture->store, base->uid));
}

static void
set_state (icalcomponent *comp,
           const char    *state)
{
  icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY);

  for (; prop != NULL; prop = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    if (g_str_equal (icalproperty_get_x_name (prop), "X-BZW-STATE"))
      icalproperty_set_x (prop, state);
}

/* A conflict of a favour's state shows the states for people, not the
 * words of the calendar; what the app derives from it (STATUS) is not a
 * conflict of its own.
 */
static void
test_conflict_labels (BzwTestStore  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwIcalItems) items = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *local = NULL;
  g_autofree char *remote = NULL;
  g_autofree char *merged = NULL;
  g_autoptr(BzwIcalItem) result = NULL;
  BzwSyncItemConflict *conflict;
  BzwIcalItem *base = NULL;
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  fill (fixture);
  items = bzw_ical_items_new (fixture->store, &error);
  table = bzw_ical_items_list (items, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, table);
  while (base == NULL && g_hash_table_iter_next (&iter, NULL, &value))
    if (g_str_equal (((BzwIcalItem *) value)->kind, "favour") &&
        strstr (((BzwIcalItem *) value)->text, "X-BZW-STATE:open") != NULL)
      base = value;
  g_assert_nonnull (base);

  local = edit (base->text, set_state, "promised");
  remote = edit (base->text, set_state, "done");
  merged = bzw_caldav_merge (base->text, local, remote, &n);
  g_assert_cmpuint (n, ==, 1);
  result = bzw_ical_items_read (items, merged, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_store_begin (fixture->store, &error));
  g_assert_true (bzw_ical_items_save (items, result, &error));
  g_assert_true (bzw_store_commit (fixture->store, &error));

  conflicts = bzw_sync_item_conflicts_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->property, ==, "X-BZW-STATE");
  g_assert_cmpstr (conflict->label, ==, "State");
  g_assert_cmpstr (conflict->local, ==, bzw_favour_state_get_label (BZW_FAVOUR_PROMISED));
  g_assert_cmpstr (conflict->remote, ==, bzw_favour_state_get_label (BZW_FAVOUR_DONE));
  g_assert_true (g_str_has_prefix (conflict->title, "Favour: "));
}

/* A deleted row is gone; deleting it again finds nothing. */
static void
test_delete (BzwTestStore  *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwIcalItems) items = NULL;
  g_autoptr(GHashTable) table = NULL;
  BzwIcalItem *item;
  gboolean deleted = FALSE;

  fill (fixture);
  items = bzw_ical_items_new (fixture->store, &error);
  table = bzw_ical_items_list (items, &error);
  g_assert_no_error (error);
  item = first_encounter (table);

  g_assert_true (bzw_ical_items_delete (items, item->kind, item->uid, &deleted, &error));
  g_assert_no_error (error);
  g_assert_true (deleted);
  g_assert_cmpint (bzw_store_find_row_by_uid (fixture->store, "encounters", item->uid), ==, 0);
  g_assert_true (bzw_ical_items_delete (items, item->kind, item->uid, &deleted, &error));
  g_assert_false (deleted);
}

/* Drops the property that begins with @start, with its folded lines. */
static void
drop_property (GString    *text,
               const char *start)
{
  char *at = strstr (text->str, start);
  char *next;

  if (at == NULL)
    return;
  next = strstr (at + 2, "\r\n");
  while (next != NULL && next[2] == ' ')
    next = strstr (next + 2, "\r\n");
  g_assert_nonnull (next);
  g_string_erase (text, at - text->str, next - at);
}

/* A server's text that libical would read with a loss is read whole: a
 * line folded inside a character, a CR CR LF line end, an escape before a
 * character beyond ASCII (libical replaces only its first byte), escapes
 * libical reads as control characters or as a space that goes when it ends
 * the value, bytes that are no UTF-8.  What the
 * app writes of it is valid UTF-8 and reads back as the same text.
 */
static void
test_odd_text (BzwTestStore  *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwIcalItems) items = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(BzwIcalItem) item = NULL;
  g_autoptr(BzwIcalItem) again = NULL;
  g_autoptr(GString) text = NULL;
  const char *end;
  const char *place;

  fill (fixture);
  items = bzw_ical_items_new (fixture->store, &error);
  table = bzw_ical_items_list (items, &error);
  g_assert_no_error (error);
  text = g_string_new (first_encounter (table)->text);
  drop_property (text, "\r\nLOCATION");
  end = strstr (text->str, "END:VJOURNAL");
  g_assert_nonnull (end);
  g_string_insert (text, end - text->str,
                   "LOCATION:Caf\xc3\r\n \xa9 \x01\\\xc3\xa4u\\\xe2\x80\x9c\\,x\xad\\f\\r\\b\\`\r\r\n");

  item = bzw_ical_items_read (items, text->str, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (item->text, -1, NULL));
  place = bzw_encounter_get_place (BZW_ENCOUNTER (item->object));
  g_assert_cmpstr (place, ==, "Caf\xc3\xa9 \xc3\xa4u\xe2\x80\x9c,x\xef\xbf\xbd" "fb`");

  again = bzw_ical_items_read (items, item->text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->text, ==, item->text);
}

/* A day before the year 1 ("-0260101" reads as the year -26, which GDate
 * takes for 65510) is no day: the referral is not read, rather than
 * written back as a date no one can read.
 */
static void
test_year_before_one (BzwTestStore  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwIcalItems) items = NULL;
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(BzwIcalItem) item = NULL;
  g_autoptr(GString) text = NULL;
  GHashTableIter iter;
  gpointer value;
  const char *end;

  fill (fixture);
  items = bzw_ical_items_new (fixture->store, &error);
  table = bzw_ical_items_list (items, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, table);
  while (text == NULL && g_hash_table_iter_next (&iter, NULL, &value))
    if (g_str_equal (((BzwIcalItem *) value)->kind, "referral"))
      text = g_string_new (((BzwIcalItem *) value)->text);
  g_assert_nonnull (text);

  item = bzw_ical_items_read (items, text->str, &error);
  g_assert_no_error (error);
  g_clear_pointer (&item, bzw_ical_item_free);

  drop_property (text, "\r\nDTSTART");
  end = strstr (text->str, "END:VJOURNAL");
  g_assert_nonnull (end);
  g_string_insert (text, end - text->str, "DTSTART;VALUE=DATE:-0260101\r\n");
  item = bzw_ical_items_read (items, text->str, &error);
  g_assert_null (item);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync/caldav-items/year-before-one", BzwTestStore, NULL,
              NULL, test_year_before_one, close_store);
  g_test_add ("/sync/caldav-items/round-trip", BzwTestStore, NULL,
              NULL, test_round_trip, close_store);
  g_test_add ("/sync/caldav-items/merge", BzwTestStore, NULL,
              NULL, test_merge, close_store);
  g_test_add ("/sync/caldav-items/conflict", BzwTestStore, NULL,
              NULL, test_conflict, close_store);
  g_test_add ("/sync/caldav-items/conflict-labels", BzwTestStore, NULL,
              NULL, test_conflict_labels, close_store);
  g_test_add ("/sync/caldav-items/delete", BzwTestStore, NULL,
              NULL, test_delete, close_store);
  g_test_add ("/sync/caldav-items/odd-text", BzwTestStore, NULL,
              NULL, test_odd_text, close_store);
  return g_test_run ();
}
