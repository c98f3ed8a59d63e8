-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 2: the contact list reads its order, with the archived
-- flag, from one covering index instead of visiting every row.

DROP INDEX contacts_sort;
CREATE INDEX contacts_order ON contacts (sort_key, id, archived);

PRAGMA user_version = 2;
