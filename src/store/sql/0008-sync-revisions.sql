-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 8: a change marker per contact for the CardDAV sync, so a
-- sync writes as vCard only the contacts that changed since the last one
-- instead of every contact.
--
-- contact_revisions holds one row per contact.  Its generation comes from
-- AUTOINCREMENT, so it is never given twice: a contact deleted and made
-- again (an undo, an import of the same UID) starts a new generation.
-- bumps counts the changes of what its card is made of since then: the
-- columns of contacts (all but the list's sort_key: a new column that goes
-- into the card is added to contact_revisions_update), its labelled
-- fields, its circles and the names of its circles.  The contact's revision is generation * 2^32 + bumps.
-- sync_cards.revision is the revision of the contact whose card the row
-- holds; NULL (every row of version 7) means unknown, and the sync compares
-- that contact's card once more.  A revision that differs says only that
-- the card may have changed: the sync writes it and compares it with the
-- card last synced, as before.

--
-- dated counts the changes of the columns of contacts that its occasions in
-- the calendar export are made of (its names, dates, follow-up, snooze,
-- rhythm, whether it is archived), compared by value, so an edit of the
-- notes or the role does not move it.
CREATE TABLE IF NOT EXISTS contact_revisions (
  generation INTEGER PRIMARY KEY AUTOINCREMENT,
  contact_id INTEGER NOT NULL UNIQUE REFERENCES contacts (id) ON DELETE CASCADE,
  bumps      INTEGER NOT NULL DEFAULT 0,
  dated      INTEGER NOT NULL DEFAULT 0
);

INSERT INTO contact_revisions (contact_id) SELECT id FROM contacts ORDER BY id;

ALTER TABLE sync_cards ADD COLUMN revision INTEGER;

CREATE TRIGGER contact_revisions_insert AFTER INSERT ON contacts BEGIN
  INSERT OR REPLACE INTO contact_revisions (contact_id) VALUES (new.id);
END;
CREATE TRIGGER contact_revisions_update AFTER UPDATE OF
  uid, created, modified, display_name, prefix, given_name, additional_names, family_name, suffix,
  nickname, organisation, role, birthday, photo, photo_uri, met_how, met_on, met_in_person, offers,
  seeks, trust, trust_for, interval_ideal_days, interval_max_days, notes, archived, extra, department,
  follow_up_on, follow_up_note, snoozed_until
ON contacts BEGIN
  UPDATE contact_revisions SET bumps = bumps + 1 WHERE contact_id = new.id;
END;
CREATE TRIGGER contact_revisions_dated AFTER UPDATE ON contacts
WHEN new.uid IS NOT old.uid OR new.created IS NOT old.created
  OR new.display_name IS NOT old.display_name OR new.prefix IS NOT old.prefix
  OR new.given_name IS NOT old.given_name OR new.additional_names IS NOT old.additional_names
  OR new.family_name IS NOT old.family_name OR new.suffix IS NOT old.suffix
  OR new.nickname IS NOT old.nickname OR new.organisation IS NOT old.organisation
  OR new.birthday IS NOT old.birthday OR new.met_on IS NOT old.met_on
  OR new.interval_ideal_days IS NOT old.interval_ideal_days
  OR new.interval_max_days IS NOT old.interval_max_days OR new.archived IS NOT old.archived
  OR new.follow_up_on IS NOT old.follow_up_on OR new.follow_up_note IS NOT old.follow_up_note
  OR new.snoozed_until IS NOT old.snoozed_until
BEGIN
  UPDATE contact_revisions SET dated = dated + 1 WHERE contact_id = new.id;
END;
CREATE TRIGGER contact_revisions_field_insert AFTER INSERT ON contact_fields BEGIN
  UPDATE contact_revisions SET bumps = bumps + 1 WHERE contact_id = new.contact_id;
END;
CREATE TRIGGER contact_revisions_field_update AFTER UPDATE ON contact_fields BEGIN
  UPDATE contact_revisions SET bumps = bumps + 1 WHERE contact_id IN (old.contact_id, new.contact_id);
END;
CREATE TRIGGER contact_revisions_field_delete AFTER DELETE ON contact_fields BEGIN
  UPDATE contact_revisions SET bumps = bumps + 1 WHERE contact_id = old.contact_id;
END;
CREATE TRIGGER contact_revisions_circle_insert AFTER INSERT ON contact_circles BEGIN
  UPDATE contact_revisions SET bumps = bumps + 1 WHERE contact_id = new.contact_id;
END;
CREATE TRIGGER contact_revisions_circle_delete AFTER DELETE ON contact_circles BEGIN
  UPDATE contact_revisions SET bumps = bumps + 1 WHERE contact_id = old.contact_id;
END;
CREATE TRIGGER contact_revisions_circle_rename AFTER UPDATE OF name ON circles
WHEN new.name IS NOT old.name BEGIN
  UPDATE contact_revisions SET bumps = bumps + 1
   WHERE contact_id IN (SELECT contact_id FROM contact_circles WHERE circle_id = new.id);
END;

-- What else the calendar export's occasions are made of (the circles'
-- lead days and rhythms, the encounters that say when someone is due, the
-- promised favours): one counter that every change of these tables moves,
-- so the CalDAV sync can tell in one query that the occasions it wrote
-- last time are still the ones to write.
CREATE TABLE IF NOT EXISTS change_counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;

INSERT OR IGNORE INTO change_counters (name, value) VALUES ('occasions', 0);

CREATE TRIGGER occasions_circle_insert AFTER INSERT ON circles BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'occasions';
END;
CREATE TRIGGER occasions_circle_update AFTER UPDATE ON circles BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'occasions';
END;
CREATE TRIGGER occasions_circle_delete AFTER DELETE ON circles BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'occasions';
END;
CREATE TRIGGER occasions_encounter_insert AFTER INSERT ON encounters BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'occasions';
END;
CREATE TRIGGER occasions_encounter_update AFTER UPDATE ON encounters BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'occasions';
END;
CREATE TRIGGER occasions_encounter_delete AFTER DELETE ON encounters BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'occasions';
END;
CREATE TRIGGER occasions_participant_insert AFTER INSERT ON encounter_participants BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'occasions';
END;
CREATE TRIGGER occasions_participant_update AFTER UPDATE ON encounter_participants BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'occasions';
END;
CREATE TRIGGER occasions_participant_delete AFTER DELETE ON encounter_participants BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'occasions';
END;
CREATE TRIGGER occasions_favour_insert AFTER INSERT ON favours BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'occasions';
END;
CREATE TRIGGER occasions_favour_update AFTER UPDATE ON favours BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'occasions';
END;
CREATE TRIGGER occasions_favour_delete AFTER DELETE ON favours BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'occasions';
END;

PRAGMA user_version = 8;
