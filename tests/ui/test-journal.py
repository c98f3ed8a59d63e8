#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: the journal with the example network.  Log an encounter from a
contact page, add a favour and move it on to „Erledigt“ with the one-click
button, add a referral with a value and mark it thanked in the Überblick;
each step is checked in the database and in the Überblick."""

import re

from bzwtest import App, Atspi, Tap, fail

tap = Tap()
MARK = "e2e-4711"


def field(app, root, name):
    """The text field of a labelled row in the entry editor; the visible page's first."""
    return app.find(Atspi.Role.TEXT, f"{name} {name}", root=root)


def pick_contact(app, root, mnemonic, placeholder_index, placeholder, name):
    """Types @name into a contact picker and picks the first match: the
    label's mnemonic focuses the picker, Enter takes the first match."""
    entries = app.wait(lambda: app.find_all(Atspi.Role.TEXT, placeholder, root=root),
                       f"contact picker “{placeholder}”")
    entry = entries[placeholder_index]
    app.type_text(entry, name)
    matches = app.find(Atspi.Role.LIST, "Passende Kontakte", root=root)
    app.wait(lambda: matches.get_child_count() > 0, "a matching contact")
    app.keys_to(root.get_name(), mnemonic, "Return")
    app.wait(lambda: matches.get_child_count() == 0, f"“{name}” to be picked")


def label_matching(app, pattern):
    return app.find_matching(Atspi.Role.LABEL, pattern)


def number(text, pattern):
    m = re.search(pattern, text)
    if not m:
        fail(f"“{text}” does not match /{pattern}/")
    return int(m.group(1))


with App("--demo") as app:
    # The Überblick is computed when it is shown.
    app.select_view("Überblick")
    muscle = label_matching(app, r"Begegnungen in den letzten 52 Wochen")
    encounters_before = number(muscle.get_name(), r"^(\d+) Begegnungen")
    give_take = label_matching(app, r"^In den letzten zwölf Monaten haben Sie")
    given_before = number(give_take.get_name(), r"Sie (\d+)-mal gegeben")
    received_before = number(give_take.get_name(), r"und (\d+)-mal erhalten")
    tap.ok(f"the Überblick shows {encounters_before} encounters, {given_before} given, {received_before} received")

    # 1. An encounter, logged from a contact page.
    app.select_view("Kontakte")
    person = app.open_contact(0)
    (person_id,), = app.query("SELECT id FROM contacts WHERE display_name = ?", person)
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Begegnung eintragen", contains=True))
    editor = app.top_level("Neuer Journaleintrag")
    participants = app.find(Atspi.Role.LIST, "Beteiligte", root=editor)
    if person not in [n.get_name() for n in app.find_all(Atspi.Role.LABEL, root=participants)]:
        fail(f"the quick-add dialog does not list {person} as a participant")
    tap.ok(f"„Begegnung eintragen“ on {person}’s page opens the quick-add dialog with {person}")

    app.type_text(field(app, editor, "Notizen"), f"Kaffee am Rhein {MARK}")
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Speichern", root=editor, contains=True))
    app.top_level_gone("Neuer Journaleintrag")
    rows = app.query("SELECT e.channel, p.contact_id FROM encounters e"
                     " JOIN encounter_participants p ON p.encounter_id = e.id WHERE e.notes = ?",
                     f"Kaffee am Rhein {MARK}")
    if rows != [("in-person", person_id)]:
        fail(f"the database holds {rows} for the new encounter")
    tap.ok("the encounter is saved with its participant and notes")

    app.select_view("Überblick")
    app.wait(lambda: number(muscle.get_name(), r"^(\d+) Begegnungen") == encounters_before + 1,
             "the Überblick to count the new encounter")
    tap.ok("the Überblick counts one encounter more")

    # 2. A favour I give, moved on to „Erledigt“ in the journal.
    app.select_view("Journal")
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Neuer Journaleintrag"))
    editor = app.top_level("Neuer Journaleintrag")
    app.click(app.find(Atspi.Role.PAGE_TAB, "Gefallen", root=editor))
    friend = "Amelie Fuchs"
    (friend_id,), = app.query("SELECT id FROM contacts WHERE display_name = ?", friend)
    # Von: empty means „Ich“; An: the second picker with that placeholder.
    pick_contact(app, editor, "alt+n", 1, "Ich – oder einen Namen eingeben", friend)
    app.type_text(field(app, editor, "Was"), f"Lebenslauf gegenlesen {MARK}")
    app.type_text(field(app, editor, "Geschätzter Wert in Euro"), "150")
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Speichern", root=editor, contains=True))
    app.top_level_gone("Neuer Journaleintrag")
    rows = app.query("SELECT from_id, to_id, state, value_cents FROM favours WHERE description = ?",
                     f"Lebenslauf gegenlesen {MARK}")
    if rows != [(None, friend_id, "open", 15000)]:
        fail(f"the database holds {rows} for the new favour")
    tap.ok("the favour from me to a contact is saved, open, worth 150 €")

    journal = app.find(Atspi.Role.LIST, "Journal")

    def favour_button(label):
        item = app.wait(lambda: next((n for n in app.find_all(root=journal, contains=True, name=MARK)
                                      if n.get_role() != Atspi.Role.LABEL
                                      and "Lebenslauf" in (n.get_name() or "")), None),
                        "the favour in the journal")
        return app.find(Atspi.Role.PUSH_BUTTON, label, root=item)

    app.click(favour_button("Als „Zugesagt“ markieren"))
    app.wait(lambda: app.query("SELECT state FROM favours WHERE description = ?",
                               f"Lebenslauf gegenlesen {MARK}") == [("promised",)], "the favour to be promised")
    app.click(favour_button("Als „Erledigt“ markieren"))
    app.wait(lambda: app.query("SELECT state FROM favours WHERE description = ?",
                               f"Lebenslauf gegenlesen {MARK}") == [("done",)], "the favour to be done")
    tap.ok("two clicks in the journal move the favour to „Zugesagt“ and „Erledigt“")

    app.select_view("Überblick")
    app.wait(lambda: number(give_take.get_name(), r"Sie (\d+)-mal gegeben") == given_before + 1,
             "the Überblick to count the favour as given")
    tap.ok("the Überblick counts the done favour as given")
    app.select_view("Journal")

    # 3. A referral someone gave me, worth 2.400 €, then thanked.
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Neuer Journaleintrag"))
    editor = app.top_level("Neuer Journaleintrag")
    app.click(app.find(Atspi.Role.PAGE_TAB, "Empfehlung", root=editor))
    giver = "Anna Klein"
    (giver_id,), = app.query("SELECT id FROM contacts WHERE display_name = ?", giver)
    # The referral page's pickers come after the favour page's two.
    pick_contact(app, editor, "alt+v", 2, "Ich – oder einen Namen eingeben", giver)
    # Long ago, so it heads the list of referrals awaiting thanks (oldest first).
    app.type_text(app.find_all(Atspi.Role.TEXT, "Datum Datum", root=editor)[2], "02.01.2020")
    referred = f"Druckerei Testmann {MARK}"
    app.type_text(app.find(Atspi.Role.TEXT, "Ein Kontakt oder ein beliebiger Name", root=editor), referred)
    app.type_text(field(app, editor, "Auftragswert in Euro"), "2.400")
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Speichern", root=editor, contains=True))
    app.top_level_gone("Neuer Journaleintrag")
    rows = app.query("SELECT day, giver_id, receiver_id, referred_name, state, value_cents, thanked FROM referrals"
                     " WHERE referred_name = ?", referred)
    if rows != [("2020-01-02", giver_id, None, referred, "given", 240000, 0)]:
        fail(f"the database holds {rows} for the new referral")
    tap.ok("the referral from a contact to me is saved, worth 2.400 €, not thanked")

    app.select_view("Überblick")
    title = f"{giver} hat Sie {referred} empfohlen"

    # The Überblick is computed again when it is shown: until then its
    # lists are those from before the referral, and then they go.
    def awaiting_item():
        for lst in app.find_all(Atspi.Role.LIST, "Empfehlungen, für die ein Dank aussteht"):
            found = app.find_all(Atspi.Role.LIST_ITEM, title, root=lst)
            if found:
                return lst, found[0]
        return None
    awaiting, item = app.wait(awaiting_item, f"„{title}“ among the referrals awaiting thanks")
    n_awaiting = awaiting.get_child_count()
    tap.ok("the Überblick lists the referral as awaiting thanks")

    app.click(app.find(Atspi.Role.PUSH_BUTTON, f"Vermerken, dass Sie sich bei {giver} für die Empfehlung bedankt haben", root=item))
    app.wait(lambda: app.query("SELECT thanked FROM referrals WHERE referred_name = ?", referred) == [(1,)],
             "the referral to be thanked in the database")

    def gone_from_list():
        lists = app.find_all(Atspi.Role.LIST, "Empfehlungen, für die ein Dank aussteht")
        return not any(app.find_all(Atspi.Role.LIST_ITEM, title, root=lst) for lst in lists)
    app.wait(gone_from_list, "the thanked referral to leave the list")
    tap.ok(f"„Bedankt“ marks it thanked and the list loses the row ({n_awaiting} before)")

tap.done()
