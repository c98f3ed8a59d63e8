/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the CalDAV sync's reader of one item
 * (io/bzw-ical-items.c): bzw_ical_items_read() on a real store in a
 * temporary file whose contacts have the UIDs of the seeds, the item read
 * back from what the app writes of it (the same text again: what a server
 * gives back must not look changed), saved and rolled back, stamped for
 * the upload, and merged three ways (sync/bzw-caldav-merge.c) against
 * what the app writes of it, with the conflicts it keeps read back.
 */

#include "config.h"

#include "bzw-caldav-merge.h"
#include "bzw-ical-items.h"
#include "bzw-store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static BzwStore *store;
static BzwIcalItems *items;

static void
add_contact (const char *uid,
             const char *given,
             const char *family)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();

  bzw_contact_set_uid (contact, uid);
  bzw_contact_set_given_name (contact, given);
  bzw_contact_set_family_name (contact, family);
  if (!bzw_store_save_contact (store, contact, NULL))
    abort ();
}

static void
open_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bzw-fuzz-items-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fuzz.db", NULL);

  store = bzw_store_open (path, 0, NULL);
  if (store == NULL)
    abort ();
  add_contact ("urn:uuid:0b6a1f0e-0000-4000-8000-00000000000a", "Anna", "Albrecht");
  add_contact ("urn:uuid:0b6a1f0e-0000-4000-8000-00000000000b", "Bernd", "Brandt");
  add_contact ("urn:uuid:0b6a1f0e-0000-4000-8000-00000000000c", "Clara", "Conrad");
  add_contact ("urn:uuid:0b6a1f0e-0000-4000-8000-00000000000d", "Dieter", "Dorn");
  items = bzw_ical_items_new (store, NULL);
  if (items == NULL)
    abort ();
}

/* What the app writes of an item reads back as the same text. */
static void
check_round_trip (BzwIcalItem *item)
{
  g_autoptr(BzwIcalItem) again = bzw_ical_items_read (items, item->text, NULL);

  if (again == NULL || g_strcmp0 (again->uid, item->uid) != 0 ||
      g_strcmp0 (again->kind, item->kind) != 0 || g_strcmp0 (again->text, item->text) != 0)
    __builtin_trap ();
}

static void
save_and_roll_back (BzwIcalItem *item)
{
  g_autoptr(GError) error = NULL;

  if (item->waits || !bzw_store_begin (store, NULL))
    return;
  if (bzw_ical_items_save (items, item, &error))
    check_round_trip (item);
  bzw_store_rollback (store);
}

static void
merge (const char  *text,
       BzwIcalItem *item)
{
  guint conflicts = 0;
  g_autofree char *merged = bzw_caldav_merge (text, item->text, text, &conflicts);
  g_autofree char *kept = bzw_caldav_merge (item->text, item->text, text, &conflicts);
  g_autoptr(BzwIcalItem) back = bzw_ical_items_read (items, kept, NULL);

  if (merged == NULL || kept == NULL)
    __builtin_trap ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 12, 7, 6, 0, 0);
  g_autoptr(BzwIcalItem) item = NULL;
  g_autofree char *stamped = NULL;

  if (store == NULL)
    open_store ();

  stamped = bzw_ical_item_stamp (text, stamp);
  item = bzw_ical_items_read (items, text, NULL);
  if (item == NULL)
    return 0;
  if (item->uid == NULL || item->kind == NULL || item->text == NULL ||
      strstr (item->text, "\nDTSTAMP") != NULL)
    __builtin_trap ();

  check_round_trip (item);
  merge (text, item);
  save_and_roll_back (item);
  return 0;
}
