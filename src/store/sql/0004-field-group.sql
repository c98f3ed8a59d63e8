-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 4: the vCard group of a contact's field.
--
-- Apple ties properties together by a group: "item2.ADR" and
-- "item2.X-ABADR" (the address format), "item1.EMAIL" and
-- "item1.X-ABLabel".  The field keeps its group here; the other properties
-- of the group stay in the contact's extra, and an export writes the field
-- with the same group again.  Existing fields have none.

ALTER TABLE contact_fields ADD COLUMN item_group TEXT;

PRAGMA user_version = 4;
