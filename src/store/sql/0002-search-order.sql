-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 2: the contact list reads its order from one covering
-- index, and a bulk write (an import, the example network) can defer the
-- contact search index to its end.
--
-- Every statement that changes a full-text table through a trigger makes
-- FTS5 write its pending index data to disk.  While the meta row
-- 'search-index-deferred' exists (only ever inside the transaction of a
-- bulk write, see bzw_store_begin_bulk()), the triggers note the contact
-- in search_index_pending instead, and the bulk write indexes all of them
-- with two statements before it commits.

DROP INDEX contacts_sort;
CREATE INDEX contacts_order ON contacts (sort_key, id, archived);

CREATE TABLE search_index_pending (
  contact_id INTEGER PRIMARY KEY
);

DROP TRIGGER contacts_fts_insert;
DROP TRIGGER contacts_fts_update;
DROP TRIGGER contact_fields_fts_insert;
DROP TRIGGER contact_fields_fts_delete;

CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search-index-deferred') BEGIN
  INSERT INTO contacts_fts (rowid, name, organisation, role, emails, notes, offers, seeks)
  VALUES (new.id,
          coalesce (new.display_name, '') || ' ' || coalesce (new.nickname, ''),
          new.organisation, new.role,
          (SELECT group_concat (value, ' ') FROM contact_fields
            WHERE contact_id = new.id AND kind = 'email'),
          new.notes, new.offers, new.seeks);
END;

CREATE TRIGGER contacts_fts_update AFTER UPDATE OF display_name, nickname, organisation, role, notes, offers, seeks ON contacts
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search-index-deferred') BEGIN
  UPDATE contacts_fts
     SET name = coalesce (new.display_name, '') || ' ' || coalesce (new.nickname, ''),
         organisation = new.organisation, role = new.role,
         notes = new.notes, offers = new.offers, seeks = new.seeks
   WHERE rowid = new.id;
END;

CREATE TRIGGER contact_fields_fts_insert AFTER INSERT ON contact_fields
WHEN new.kind = 'email' AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search-index-deferred') BEGIN
  UPDATE contacts_fts
     SET emails = (SELECT group_concat (value, ' ') FROM contact_fields
                    WHERE contact_id = new.contact_id AND kind = 'email')
   WHERE rowid = new.contact_id;
END;

CREATE TRIGGER contact_fields_fts_delete AFTER DELETE ON contact_fields
WHEN old.kind = 'email' AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search-index-deferred') BEGIN
  UPDATE contacts_fts
     SET emails = (SELECT group_concat (value, ' ') FROM contact_fields
                    WHERE contact_id = old.contact_id AND kind = 'email')
   WHERE rowid = old.contact_id;
END;

CREATE TRIGGER contacts_fts_defer_insert AFTER INSERT ON contacts
WHEN EXISTS (SELECT 1 FROM meta WHERE key = 'search-index-deferred') BEGIN
  INSERT OR IGNORE INTO search_index_pending (contact_id) VALUES (new.id);
END;

CREATE TRIGGER contacts_fts_defer_update AFTER UPDATE OF display_name, nickname, organisation, role, notes, offers, seeks ON contacts
WHEN EXISTS (SELECT 1 FROM meta WHERE key = 'search-index-deferred') BEGIN
  INSERT OR IGNORE INTO search_index_pending (contact_id) VALUES (new.id);
END;

CREATE TRIGGER contact_fields_fts_defer AFTER INSERT ON contact_fields
WHEN new.kind = 'email' AND EXISTS (SELECT 1 FROM meta WHERE key = 'search-index-deferred') BEGIN
  INSERT OR IGNORE INTO search_index_pending (contact_id) VALUES (new.contact_id);
END;

CREATE TRIGGER contact_fields_fts_defer_delete AFTER DELETE ON contact_fields
WHEN old.kind = 'email' AND EXISTS (SELECT 1 FROM meta WHERE key = 'search-index-deferred') BEGIN
  INSERT OR IGNORE INTO search_index_pending (contact_id) VALUES (old.contact_id);
END;

-- A contact deleted during a bulk write needs no indexing at its end.
CREATE TRIGGER contacts_fts_defer_delete AFTER DELETE ON contacts BEGIN
  DELETE FROM search_index_pending WHERE contact_id = old.id;
END;

PRAGMA user_version = 2;
