-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 3: the department of a contact.
--
-- vCard's ORG is the organisation followed by its units ("ORG:Firma;
-- Einkauf;Team Nord").  The organisation keeps the first part; the units
-- go here, so an export writes them back as separate parts.  Existing
-- contacts have none.

ALTER TABLE contacts ADD COLUMN department TEXT;

PRAGMA user_version = 3;
