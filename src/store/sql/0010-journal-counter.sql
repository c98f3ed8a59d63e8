-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 10: a change marker for the journal's side of the CalDAV
-- sync, so a sync with nothing to do writes no journal item as iCalendar.
--
-- The counter 'journal' of change_counters moves with every change of what
-- the calendar's items are made of: the encounters and who took part, the
-- favours, referrals, relationships and talking points, and of the
-- contacts the UID (items name people by it) and deletes (an item then
-- names the person by name).  The sync remembers the counter as it was
-- when it began (bzw_store_dup_journal_state()); while it stays, and the
-- server has nothing new, there is nothing to compare.  A counter that
-- moved says only that an item may have changed: the sync then writes
-- every item and compares it with the one last synced, as before.

INSERT OR IGNORE INTO change_counters (name, value) VALUES ('journal', 0);

CREATE TRIGGER journal_encounters_insert AFTER INSERT ON encounters BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_encounters_update AFTER UPDATE ON encounters BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_encounters_delete AFTER DELETE ON encounters BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_encounter_participants_insert AFTER INSERT ON encounter_participants BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_encounter_participants_update AFTER UPDATE ON encounter_participants BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_encounter_participants_delete AFTER DELETE ON encounter_participants BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_favours_insert AFTER INSERT ON favours BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_favours_update AFTER UPDATE ON favours BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_favours_delete AFTER DELETE ON favours BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_referrals_insert AFTER INSERT ON referrals BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_referrals_update AFTER UPDATE ON referrals BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_referrals_delete AFTER DELETE ON referrals BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_relationships_insert AFTER INSERT ON relationships BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_relationships_update AFTER UPDATE ON relationships BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_relationships_delete AFTER DELETE ON relationships BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_talking_points_insert AFTER INSERT ON talking_points BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_talking_points_update AFTER UPDATE ON talking_points BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_talking_points_delete AFTER DELETE ON talking_points BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_contact_uid AFTER UPDATE OF uid ON contacts
WHEN new.uid IS NOT old.uid BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;
CREATE TRIGGER journal_contact_delete AFTER DELETE ON contacts BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = 'journal';
END;

PRAGMA user_version = 10;
