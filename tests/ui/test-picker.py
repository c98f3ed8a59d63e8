#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: the contact picker by keyboard alone.  In every place that
picks a person (quick add: „Mit wem“, a favour's „An“, a referral's „Von“)
typing a fragment, Down to a suggestion and Return links the contact, not
the typed fragment; Escape closes the suggestions and keeps the text; Up
from the first suggestion goes back to what was typed.  Each result is
read back from the database."""


import time

from bzwtest import App, Atspi, Tap, fail

tap = Tap()
MARK = "picker-0815"


def focus_picker(app, root, placeholder, index, mnemonic):
    """Focuses a picker the way a keyboard user does: by its label's mnemonic."""
    entry = app.wait(lambda: (app.find_all(Atspi.Role.TEXT, placeholder, root=root) or [None] * (index + 1))[index],
                     f"the picker “{placeholder}”")
    # A mnemonic reaches only a widget on screen: a page just switched to
    # by a click may not be yet, so a mnemonic that went nowhere is given
    # again (once more only moves the focus to the same picker).
    def focused():
        return app.has_state(entry, Atspi.StateType.FOCUSED)

    for _ in range(4):
        app.keys_to(root.get_name(), mnemonic, delay=150)
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            if focused():
                return entry
            time.sleep(0.1)
    app.keys_to(root.get_name(), mnemonic, delay=150)
    app.wait(focused, f"the picker “{placeholder}” to have the focus")
    return entry


def open_tab(app, root, name):
    tab = app.find(Atspi.Role.PAGE_TAB, name, root=root)
    app.click(tab)
    app.wait(lambda: app.has_state(tab, Atspi.StateType.SELECTED), f"the tab „{name}“ to be selected")


def suggestions(app, root):
    matches = app.find(Atspi.Role.LIST, "Passende Kontakte", root=root)
    app.wait(lambda: matches.get_child_count() > 0, "suggestions")
    return matches


def contact_id(app, name):
    (cid,), = app.query("SELECT id FROM contacts WHERE display_name = ?", name)
    return cid


with App("--demo") as app:
    title = "Neuer Journaleintrag"

    # 1. Quick add: „Mit wem“, type a fragment, Down, Return.
    app.key("ctrl+j")
    editor = app.top_level(title)
    entry = focus_picker(app, editor, "Namen eingeben", 0, "alt+m")
    app.type_text(entry, "Jul")
    suggestions(app, editor)
    app.keys_to(title, "Down", "Return", delay=150)
    participants = app.find(Atspi.Role.LIST, "Beteiligte", root=editor)
    app.wait(lambda: "Julia Schäfer" in app.labels(root=participants), "Julia Schäfer among the participants")
    if app.text_of(entry) != "":
        fail(f"the picker still holds “{app.text_of(entry)}” after picking")
    tap.ok("„Jul“, Down, Return adds Julia Schäfer as a participant and empties the picker")

    app.type_text(app.find(Atspi.Role.TEXT, "Notizen Notizen", root=editor), f"Mittagessen {MARK}")
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Speichern", root=editor, contains=True))
    app.top_level_gone(title)
    rows = app.query("SELECT p.contact_id FROM encounters e"
                     " JOIN encounter_participants p ON p.encounter_id = e.id WHERE e.notes = ?",
                     f"Mittagessen {MARK}")
    if rows != [(contact_id(app, "Julia Schäfer"),)]:
        fail(f"the encounter's participants in the database: {rows}")
    tap.ok("the saved encounter links Julia Schäfer's contact, no free-text name")

    # 2. A favour to someone: the second suggestion by Down, Down, Return.
    app.key("ctrl+j")
    editor = app.top_level(title)
    open_tab(app, editor, "Gefallen")
    entry = focus_picker(app, editor, "Ich – oder einen Namen eingeben", 1, "alt+n")
    app.type_text(entry, "a")
    matches = suggestions(app, editor)
    if matches.get_child_count() < 2:
        fail("fewer than two suggestions for „a“")
    second = app.labels(root=matches.get_child_at_index(1))[0].split(" — ")[0]
    app.keys_to(title, "Down", "Down", "Return", delay=150)
    app.wait(lambda: app.text_of(entry) == second, f"the picker to show “{second}”")
    app.wait(lambda: matches.get_child_count() == 0 or not app.has_state(matches, Atspi.StateType.SHOWING),
             "the suggestions to close")
    app.type_text(app.find(Atspi.Role.TEXT, "Was Was", root=editor), f"Umzugshilfe {MARK}")
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Speichern", root=editor, contains=True))
    app.top_level_gone(title)
    rows = app.query("SELECT from_id, to_id FROM favours WHERE description = ?", f"Umzugshilfe {MARK}")
    if rows != [(None, contact_id(app, second))]:
        fail(f"the favour in the database: {rows}")
    tap.ok(f"Down, Down, Return picks the second suggestion ({second}) and the favour links that contact")

    # 3. Escape keeps the typed text as a free name; Up from the first
    #    suggestion goes back to the text.
    app.key("ctrl+j")
    editor = app.top_level(title)
    open_tab(app, editor, "Empfehlung")
    entry = focus_picker(app, editor, "Ich – oder einen Namen eingeben", 2, "alt+v")
    app.type_text(entry, "Anna")
    matches = suggestions(app, editor)
    app.keys_to(title, "Down", "Up", "Escape", delay=150)
    app.wait(lambda: not app.has_state(matches, Atspi.StateType.SHOWING), "Escape to close the suggestions")
    if app.text_of(entry) != "Anna":
        fail(f"after Escape the picker holds “{app.text_of(entry)}”")
    app.keys_to(title, "Down", "Return", delay=150)
    app.wait(lambda: app.text_of(entry) == "Anna Klein", "Down, Return to pick Anna Klein")
    app.type_text(app.find(Atspi.Role.TEXT, "Ein Kontakt oder ein beliebiger Name", root=editor), f"Kanzlei {MARK}")
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Speichern", root=editor, contains=True))
    app.top_level_gone(title)
    rows = app.query("SELECT giver_id FROM referrals WHERE referred_name = ?", f"Kanzlei {MARK}")
    if rows != [(contact_id(app, "Anna Klein"),)]:
        fail(f"the referral in the database: {rows}")
    tap.ok("Escape keeps the typed text; Down, Return then links Anna Klein as the referral's giver")

    # 4. Ctrl+J opens with the focus in „Mit wem“; on a contact's page it
    #    starts with that contact and the focus in the notes; Ctrl+Return
    #    saves from the notes.
    app.select_view("Journal")
    app.key("ctrl+j")
    editor = app.top_level(title)
    picker = app.find(Atspi.Role.TEXT, "Namen eingeben", root=editor)
    app.wait(lambda: app.has_state(picker, Atspi.StateType.FOCUSED), "the focus in „Mit wem“")
    app.keys_to(title, "Escape", delay=150)
    app.top_level_gone(title)
    tap.ok("Ctrl+J opens the quick add with the focus in „Mit wem“")

    app.select_view("Kontakte")
    person = app.open_contact(0)
    app.key("ctrl+j")
    editor = app.top_level(title)
    participants = app.find(Atspi.Role.LIST, "Beteiligte", root=editor)
    app.wait(lambda: person in app.labels(root=participants), f"{person} among the participants")
    notes = app.find(Atspi.Role.TEXT, "Notizen Notizen", root=editor)
    app.wait(lambda: app.has_state(notes, Atspi.StateType.FOCUSED), "the focus in the notes")
    app.type_text(notes, f"Telefonat {MARK}")
    app.keys_to(title, "ctrl+Return", delay=150)
    app.top_level_gone(title)
    rows = app.query("SELECT p.contact_id FROM encounters e"
                     " JOIN encounter_participants p ON p.encounter_id = e.id WHERE e.notes = ?",
                     f"Telefonat {MARK}")
    if rows != [(contact_id(app, person),)]:
        fail(f"the encounter saved with Ctrl+Return: {rows}")
    tap.ok(f"Ctrl+J on {person}’s page starts with them, the focus in the notes; Ctrl+Return saves")

tap.done()
