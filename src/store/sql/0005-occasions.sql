-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 5: dates that bring people back.
--
-- Per contact a follow-up („Wiedervorlage“: the day and what it is about)
-- and a snooze („Später erinnern“: not due before that day), as calendar
-- days 'YYYY-MM-DD'.  Per circle the days before a birthday or anniversary
-- its members are to be remembered (0: on the day).  Talking points
-- („Beim nächsten Mal ansprechen“): what to raise with a contact next
-- time, ticked off with the time they were raised.  An encounter saved
-- with a date still to come is planned until it is confirmed (or saved
-- again) after that date.

ALTER TABLE contacts ADD COLUMN follow_up_on TEXT;
ALTER TABLE contacts ADD COLUMN follow_up_note TEXT;
ALTER TABLE contacts ADD COLUMN snoozed_until TEXT;

ALTER TABLE encounters ADD COLUMN planned INTEGER NOT NULL DEFAULT 0 CHECK (planned IN (0, 1));

ALTER TABLE circles ADD COLUMN lead_days INTEGER NOT NULL DEFAULT 0
  CHECK (lead_days BETWEEN 0 AND 365);

CREATE TABLE talking_points (
  id         INTEGER PRIMARY KEY,
  uid        TEXT NOT NULL UNIQUE,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  text       TEXT NOT NULL,
  created    INTEGER NOT NULL,
  done_at    INTEGER
);

CREATE INDEX talking_points_contact ON talking_points (contact_id, done_at, created);

CREATE TRIGGER talking_points_tombstone AFTER DELETE ON talking_points BEGIN
  INSERT OR REPLACE INTO tombstones (uid, kind, deleted_at) VALUES (old.uid, 'talking-point', unixepoch ());
END;

PRAGMA user_version = 5;
