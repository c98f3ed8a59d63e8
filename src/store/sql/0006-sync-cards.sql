-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 6: what the CardDAV sync knows of each contact on the
-- server.  One row per contact that is on the server: the contact's uid,
-- the card's href (its path on the server), the ETag the server gave it
-- and the card as it was last synced (the vCard the writer made, or the
-- one downloaded), the common base of a three-way merge.  A row whose
-- contact is gone was deleted here since the last sync; a row whose href
-- the server no longer lists was deleted there.  Written not to depend on
-- any table of version 5.

CREATE TABLE IF NOT EXISTS sync_cards (
  uid  TEXT PRIMARY KEY,
  href TEXT NOT NULL UNIQUE,
  etag TEXT,
  card TEXT NOT NULL
) WITHOUT ROWID;

PRAGMA user_version = 6;
