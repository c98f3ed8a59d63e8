-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 7: what the CalDAV sync knows of each journal entry,
-- relationship and talking point on the server, like sync_cards for the
-- contacts.  One row per item that is on the server: the item's uid, what
-- it is (encounter, favour, referral, relationship, talking-point: the
-- archive's X-BZW-ENTRY), the resource's href in the calendar, the ETag the
-- server gave it and the item as it was last synced (one VCALENDAR as the
-- app writes it, without DTSTAMP), the base of a three-way merge.  A row
-- whose item is gone was deleted here since the last sync (the tombstone);
-- a row whose href the server no longer lists was deleted there.

CREATE TABLE IF NOT EXISTS sync_items (
  uid  TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  href TEXT NOT NULL UNIQUE,
  etag TEXT,
  item TEXT NOT NULL
) WITHOUT ROWID;

PRAGMA user_version = 7;
