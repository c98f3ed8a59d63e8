-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 1: the whole domain of Beziehungsweise.
--
-- Every syncable row has a stable uid and created/modified times (Unix
-- seconds, UTC).  Deleting a row leaves a tombstone so the data can later be
-- synchronised with CardDAV/CalDAV servers.  Calendar dates are stored as
-- ISO 8601 text ('1985-12-15', or '--12-15' when the year is unknown) so no
-- date ever shifts through a time zone.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;

CREATE TABLE tombstones (
  uid        TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  deleted_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE contacts (
  id                  INTEGER PRIMARY KEY,
  uid                 TEXT NOT NULL UNIQUE,
  created             INTEGER NOT NULL,
  modified            INTEGER NOT NULL,
  display_name        TEXT NOT NULL DEFAULT '',
  prefix              TEXT,
  given_name          TEXT,
  additional_names    TEXT,
  family_name         TEXT,
  suffix              TEXT,
  nickname            TEXT,
  sort_key            TEXT NOT NULL DEFAULT '',
  organisation        TEXT,
  role                TEXT,
  birthday            TEXT,
  photo               BLOB,
  photo_uri           TEXT,
  met_how             TEXT,
  met_on              TEXT,
  met_in_person       INTEGER NOT NULL DEFAULT 0 CHECK (met_in_person IN (0, 1)),
  offers              TEXT,
  seeks               TEXT,
  trust               INTEGER NOT NULL DEFAULT 0 CHECK (trust BETWEEN 0 AND 3),
  trust_for           TEXT,
  interval_ideal_days INTEGER CHECK (interval_ideal_days IS NULL OR interval_ideal_days > 0),
  interval_max_days   INTEGER CHECK (interval_max_days IS NULL OR interval_max_days > 0),
  notes               TEXT,
  archived            INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  extra               TEXT
);

CREATE INDEX contacts_sort ON contacts (sort_key, id);

-- Labelled multi-valued fields: e-mails, phones, addresses, web links and
-- more.  For addresses the value holds the seven vCard ADR components joined
-- by U+001F.
CREATE TABLE contact_fields (
  id         INTEGER PRIMARY KEY,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('email', 'phone', 'address', 'url', 'impp', 'date', 'related')),
  label      TEXT,
  value      TEXT NOT NULL,
  pref       INTEGER NOT NULL DEFAULT 0,
  position   INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX contact_fields_contact ON contact_fields (contact_id, kind, position);
CREATE INDEX contact_fields_value ON contact_fields (kind, value COLLATE NOCASE);

CREATE TABLE circles (
  id                  INTEGER PRIMARY KEY,
  uid                 TEXT NOT NULL UNIQUE,
  created             INTEGER NOT NULL,
  modified            INTEGER NOT NULL,
  name                TEXT NOT NULL,
  color               TEXT NOT NULL DEFAULT '#3584e4',
  interval_ideal_days INTEGER CHECK (interval_ideal_days IS NULL OR interval_ideal_days > 0),
  interval_max_days   INTEGER CHECK (interval_max_days IS NULL OR interval_max_days > 0),
  position            INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE contact_circles (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  circle_id  INTEGER NOT NULL REFERENCES circles (id) ON DELETE CASCADE,
  PRIMARY KEY (contact_id, circle_id)
) WITHOUT ROWID;

CREATE INDEX contact_circles_circle ON contact_circles (circle_id, contact_id);

-- Who knows whom.  "Ich" is the centre of the network and never a row.
CREATE TABLE relationships (
  id        INTEGER PRIMARY KEY,
  uid       TEXT NOT NULL UNIQUE,
  created   INTEGER NOT NULL,
  modified  INTEGER NOT NULL,
  a_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  b_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  kind      TEXT NOT NULL DEFAULT 'acquaintance',
  strength  INTEGER NOT NULL DEFAULT 3 CHECK (strength BETWEEN 1 AND 5),
  since     TEXT,
  note      TEXT,
  CHECK (a_id <> b_id)
);

CREATE INDEX relationships_a ON relationships (a_id);
CREATE INDEX relationships_b ON relationships (b_id);

CREATE TABLE encounters (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  created     INTEGER NOT NULL,
  modified    INTEGER NOT NULL,
  happened_at INTEGER NOT NULL,
  channel     TEXT NOT NULL CHECK (channel IN ('in-person', 'phone', 'video', 'message', 'online', 'event')),
  place       TEXT,
  notes       TEXT
);

CREATE INDEX encounters_time ON encounters (happened_at, id);

-- A participant whose contact was deleted keeps the name it had.
CREATE TABLE encounter_participants (
  encounter_id INTEGER NOT NULL REFERENCES encounters (id) ON DELETE CASCADE,
  contact_id   INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  name         TEXT NOT NULL DEFAULT ''
);

CREATE INDEX encounter_participants_encounter ON encounter_participants (encounter_id);
CREATE INDEX encounter_participants_contact ON encounter_participants (contact_id);

-- A side with contact NULL and name NULL is "Ich"; contact NULL with a name
-- is a person whose contact was deleted but whose entries were kept.
CREATE TABLE favours (
  id           INTEGER PRIMARY KEY,
  uid          TEXT NOT NULL UNIQUE,
  created      INTEGER NOT NULL,
  modified     INTEGER NOT NULL,
  day          TEXT NOT NULL,
  from_id      INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  from_name    TEXT,
  to_id        INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  to_name      TEXT,
  direction    TEXT NOT NULL CHECK (direction IN ('asked', 'offered')),
  state        TEXT NOT NULL CHECK (state IN ('open', 'promised', 'done', 'declined')),
  description  TEXT NOT NULL DEFAULT '',
  value_cents  INTEGER NOT NULL DEFAULT 0 CHECK (value_cents >= 0),
  due          TEXT,
  encounter_id INTEGER REFERENCES encounters (id) ON DELETE SET NULL
);

CREATE INDEX favours_day ON favours (day, id);
CREATE INDEX favours_from ON favours (from_id);
CREATE INDEX favours_to ON favours (to_id);

CREATE TABLE referrals (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,
  created       INTEGER NOT NULL,
  modified      INTEGER NOT NULL,
  day           TEXT NOT NULL,
  giver_id      INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  giver_name    TEXT,
  receiver_id   INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  receiver_name TEXT,
  referred_id   INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  referred_name TEXT,
  effort        INTEGER NOT NULL DEFAULT 1 CHECK (effort BETWEEN 1 AND 5),
  state         TEXT NOT NULL CHECK (state IN ('given', 'contacted', 'meeting', 'won', 'lost')),
  value_cents   INTEGER NOT NULL DEFAULT 0 CHECK (value_cents >= 0),
  thanked       INTEGER NOT NULL DEFAULT 0 CHECK (thanked IN (0, 1)),
  notes         TEXT
);

CREATE INDEX referrals_day ON referrals (day, id);
CREATE INDEX referrals_giver ON referrals (giver_id);
CREATE INDEX referrals_receiver ON referrals (receiver_id);
CREATE INDEX referrals_referred ON referrals (referred_id);

-- Stored positions of the relationship map; "Ich" sits at the origin.
CREATE TABLE map_positions (
  contact_id INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
  x          REAL NOT NULL,
  y          REAL NOT NULL,
  pinned     INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
);

-- Tombstones for every syncable table.
CREATE TRIGGER contacts_tombstone AFTER DELETE ON contacts BEGIN
  INSERT OR REPLACE INTO tombstones (uid, kind, deleted_at) VALUES (old.uid, 'contact', unixepoch ());
END;
CREATE TRIGGER circles_tombstone AFTER DELETE ON circles BEGIN
  INSERT OR REPLACE INTO tombstones (uid, kind, deleted_at) VALUES (old.uid, 'circle', unixepoch ());
END;
CREATE TRIGGER relationships_tombstone AFTER DELETE ON relationships BEGIN
  INSERT OR REPLACE INTO tombstones (uid, kind, deleted_at) VALUES (old.uid, 'relationship', unixepoch ());
END;
CREATE TRIGGER encounters_tombstone AFTER DELETE ON encounters BEGIN
  INSERT OR REPLACE INTO tombstones (uid, kind, deleted_at) VALUES (old.uid, 'encounter', unixepoch ());
END;
CREATE TRIGGER favours_tombstone AFTER DELETE ON favours BEGIN
  INSERT OR REPLACE INTO tombstones (uid, kind, deleted_at) VALUES (old.uid, 'favour', unixepoch ());
END;
CREATE TRIGGER referrals_tombstone AFTER DELETE ON referrals BEGIN
  INSERT OR REPLACE INTO tombstones (uid, kind, deleted_at) VALUES (old.uid, 'referral', unixepoch ());
END;

-- Restoring a row (undo) takes its tombstone back.
CREATE TRIGGER contacts_untombstone AFTER INSERT ON contacts BEGIN
  DELETE FROM tombstones WHERE uid = new.uid;
END;

-- Full-text search over contacts.  The row id is the contact id.
CREATE VIRTUAL TABLE contacts_fts USING fts5 (
  name, organisation, role, emails, notes, offers, seeks,
  tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO contacts_fts (rowid, name, organisation, role, emails, notes, offers, seeks)
  VALUES (new.id,
          coalesce (new.display_name, '') || ' ' || coalesce (new.nickname, ''),
          new.organisation, new.role,
          (SELECT group_concat (value, ' ') FROM contact_fields
            WHERE contact_id = new.id AND kind = 'email'),
          new.notes, new.offers, new.seeks);
END;

CREATE TRIGGER contacts_fts_update AFTER UPDATE OF display_name, nickname, organisation, role, notes, offers, seeks ON contacts BEGIN
  UPDATE contacts_fts
     SET name = coalesce (new.display_name, '') || ' ' || coalesce (new.nickname, ''),
         organisation = new.organisation, role = new.role,
         notes = new.notes, offers = new.offers, seeks = new.seeks
   WHERE rowid = new.id;
END;

CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
  DELETE FROM contacts_fts WHERE rowid = old.id;
END;

CREATE TRIGGER contact_fields_fts_insert AFTER INSERT ON contact_fields WHEN new.kind = 'email' BEGIN
  UPDATE contacts_fts
     SET emails = (SELECT group_concat (value, ' ') FROM contact_fields
                    WHERE contact_id = new.contact_id AND kind = 'email')
   WHERE rowid = new.contact_id;
END;

CREATE TRIGGER contact_fields_fts_delete AFTER DELETE ON contact_fields WHEN old.kind = 'email' BEGIN
  UPDATE contacts_fts
     SET emails = (SELECT group_concat (value, ' ') FROM contact_fields
                    WHERE contact_id = old.contact_id AND kind = 'email')
   WHERE rowid = old.contact_id;
END;

-- Full-text search over the journal.  The row id encodes the entry:
-- id * 4 + 1 for encounters, + 2 for favours, + 3 for referrals.
CREATE VIRTUAL TABLE journal_fts USING fts5 (
  body,
  tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER encounters_fts_insert AFTER INSERT ON encounters BEGIN
  INSERT INTO journal_fts (rowid, body) VALUES (new.id * 4 + 1, coalesce (new.place, '') || ' ' || coalesce (new.notes, ''));
END;
CREATE TRIGGER encounters_fts_update AFTER UPDATE OF place, notes ON encounters BEGIN
  UPDATE journal_fts SET body = coalesce (new.place, '') || ' ' || coalesce (new.notes, '') WHERE rowid = new.id * 4 + 1;
END;
CREATE TRIGGER encounters_fts_delete AFTER DELETE ON encounters BEGIN
  DELETE FROM journal_fts WHERE rowid = old.id * 4 + 1;
END;

CREATE TRIGGER favours_fts_insert AFTER INSERT ON favours BEGIN
  INSERT INTO journal_fts (rowid, body) VALUES (new.id * 4 + 2, new.description);
END;
CREATE TRIGGER favours_fts_update AFTER UPDATE OF description ON favours BEGIN
  UPDATE journal_fts SET body = new.description WHERE rowid = new.id * 4 + 2;
END;
CREATE TRIGGER favours_fts_delete AFTER DELETE ON favours BEGIN
  DELETE FROM journal_fts WHERE rowid = old.id * 4 + 2;
END;

CREATE TRIGGER referrals_fts_insert AFTER INSERT ON referrals BEGIN
  INSERT INTO journal_fts (rowid, body) VALUES (new.id * 4 + 3, coalesce (new.referred_name, '') || ' ' || coalesce (new.notes, ''));
END;
CREATE TRIGGER referrals_fts_update AFTER UPDATE OF referred_name, notes ON referrals BEGIN
  UPDATE journal_fts SET body = coalesce (new.referred_name, '') || ' ' || coalesce (new.notes, '') WHERE rowid = new.id * 4 + 3;
END;
CREATE TRIGGER referrals_fts_delete AFTER DELETE ON referrals BEGIN
  DELETE FROM journal_fts WHERE rowid = old.id * 4 + 3;
END;

PRAGMA user_version = 1;
