#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: create a contact with two e-mail addresses and a circle in
the editor, find it by searching, edit it, delete it and undo, and merge
two duplicates; each step read back from the window and from the
database."""

import subprocess
import time

from bzwtest import App, Atspi, Tap, fail

tap = Tap()

NAME = "Quirin Zwiebelmeier"
EMAILS = ["quirin@zwiebel.example", "q.zwiebelmeier@verein.example"]


def find(app, role, name, timeout=10.0, contains=False):
    """Anywhere in the app: the main window and its dialogs."""
    return app.find(role, name, root=app.app, timeout=timeout, contains=contains)


def button(app, label, timeout=10.0):
    """A push button by its label; GTK 4.8 names mnemonic buttons "_Label Label"."""
    def matches(node):
        try:
            name = (node.get_name() or "").replace("_", "")
        except Exception:
            return False  # a widget that went away meanwhile
        return name in (label, f"{label} {label}")
    return app.wait(lambda: next((n for n in app.find_all(Atspi.Role.PUSH_BUTTON, root=app.app) if matches(n)), None),
                    f"button “{label}”", timeout)


def no_button(app, label):
    def name_of(node):
        try:
            return (node.get_name() or "").replace("_", "")
        except Exception:
            return ""

    def absent():
        return not any(name_of(n) in (label, f"{label} {label}")
                       for n in app.find_all(Atspi.Role.PUSH_BUTTON, root=app.app))
    app.wait(absent, f"button “{label}” to disappear")


def fields(app, name):
    """Text fields (entry rows) by their accessible name, in order."""
    def editable():
        found = [n for n in app.find_all(None, name, root=app.app)
                 if n.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY, Atspi.Role.PASSWORD_TEXT)]
        return found
    return app.wait(editable, f"field “{name}”")


def contact_rows(app):
    return app.query("SELECT id, given_name, family_name, display_name, offers FROM contacts"
                     " WHERE family_name = 'Zwiebelmeier' OR display_name LIKE '%Zwiebelmeier%' ORDER BY id")


def emails_of(app, contact_id):
    return sorted(v for (v,) in app.query("SELECT value FROM contact_fields WHERE contact_id = ? AND kind = 'email'",
                                          contact_id))


def key(app, keys):
    subprocess.run(["xdotool", "key", "--clearmodifiers", keys], check=False)


def open_menu(app, name):
    """A menu button is clicked through the toggle button inside it."""
    button_ = app.find(None, name)
    inner = [button_] + [button_.get_child_at_index(i) for i in range(button_.get_child_count())]
    app.click(next(n for n in inner if Atspi.Action.get_n_actions(n) > 0))


def fill_editor(app, given, family, emails, circle=None):
    app.click(find(app, Atspi.Role.PUSH_BUTTON, "Neuer Kontakt"))
    button(app, "Speichern")
    app.type_text(fields(app, "Vorname")[0], given)
    app.type_text(fields(app, "Nachname")[0], family)
    while len(fields(app, "E-Mail-Adresse")) < len(emails):
        app.click(find(app, Atspi.Role.PUSH_BUTTON, "E-Mail-Adresse hinzufügen"))
        time.sleep(0.2)
    for field, value in zip(fields(app, "E-Mail-Adresse"), emails):
        app.type_text(field, value)
    if circle is not None:
        # Each circle is a switch in the editor, named after the circle.
        toggle = app.wait(lambda: next((n for n in app.find_all(None, circle, root=app.app)
                                        if n.get_role() == Atspi.Role.CHECK_BOX), None),
                          f"the switch of the circle „{circle}“")
        app.click(toggle)
        app.wait(lambda: toggle.get_state_set().contains(Atspi.StateType.CHECKED),
                 f"the switch of „{circle}“ to be on")
    app.click(button(app, "Speichern"))
    no_button(app, "Speichern")


with App() as app:
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Beispielnetzwerk laden"))
    app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$")
    (verein,), = app.query("SELECT id FROM circles WHERE name = 'Verein'")
    tap.ok("the example network is loaded, with the circle „Verein“")

    # Create
    fill_editor(app, "Quirin", "Zwiebelmeier", EMAILS, circle="Verein")
    rows = app.wait(lambda: contact_rows(app), "the new contact in the database")
    if len(rows) != 1:
        fail(f"expected one new contact, found {rows}")
    contact_id = rows[0][0]
    if emails_of(app, contact_id) != sorted(EMAILS):
        fail(f"e-mails in the database: {emails_of(app, contact_id)}")
    if app.query("SELECT circle_id FROM contact_circles WHERE contact_id = ?", contact_id) != [(verein,)]:
        fail("the contact is not in the circle „Verein“ in the database")
    find(app, Atspi.Role.LABEL, NAME)
    find(app, Atspi.Role.LABEL, EMAILS[1], contains=True)
    find(app, Atspi.Role.LABEL, "Verein")
    tap.ok("a contact with two e-mail addresses and the circle „Verein“ is created in the editor")

    # Search
    search = fields(app, "Kontakte durchsuchen")[0]
    app.type_text(search, "Zwiebel")
    app.find_matching(Atspi.Role.LABEL, r"^1 Kontakt$")
    app.wait(lambda: app.shown_names() == [NAME], "the list to show only the contact")
    # All contacts again first: „1 Kontakt“ from the search by name would
    # pass for the search by e-mail before it is applied.
    app.type_text(search, "")
    app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]+ Kontakte$")
    app.type_text(search, "verein.example")
    app.find_matching(Atspi.Role.LABEL, r"^1 Kontakt$")
    app.type_text(search, "")
    app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]+ Kontakte$")
    tap.ok("searching by name and by e-mail finds the contact, and only it")

    # Edit
    app.type_text(search, "Zwiebelmeier")
    app.find_matching(Atspi.Role.LABEL, r"^1 Kontakt$")
    app.wait(lambda: app.shown_names() == [NAME], "the list with one row")
    app.open_contact(0)
    app.click(button(app, "Bearbeiten"))
    offers = fields(app, "Was sie anbieten")[0]
    app.type_text(offers, "Zwiebelkuchen für Vereinsfeste")
    app.click(button(app, "Speichern"))
    no_button(app, "Speichern")
    app.wait(lambda: app.query("SELECT offers FROM contacts WHERE id = ?", contact_id)
             == [("Zwiebelkuchen für Vereinsfeste",)], "the edited offer in the database")
    find(app, Atspi.Role.LABEL, "Zwiebelkuchen für Vereinsfeste")
    if emails_of(app, contact_id) != sorted(EMAILS):
        fail("editing lost an e-mail address")
    tap.ok("editing the contact changes the offer, keeps the e-mail addresses, and the page shows it")

    # Delete and undo
    open_menu(app, "Weitere Aktionen")
    app.click(app.wait(lambda: next((n for n in app.find_all(None, "Löschen", root=app.app)
                                     if n.get_role() in (Atspi.Role.MENU_ITEM, Atspi.Role.PUSH_BUTTON)), None),
                       "the menu item „Löschen“"))
    app.wait(lambda: not contact_rows(app), "the contact to be deleted from the database")
    undo = app.toast_button("^„.*“ gelöscht$")
    app.click(undo)
    app.wait(lambda: contact_rows(app), "the contact to come back")
    if emails_of(app, contact_id) != sorted(EMAILS):
        fail("undo did not restore the e-mail addresses")
    if app.query("SELECT circle_id FROM contact_circles WHERE contact_id = ?", contact_id) != [(verein,)]:
        fail("undo did not restore the circle")
    app.find_matching(Atspi.Role.LABEL, r"^1 Kontakt$")
    tap.ok("deleting the contact removes it; „Rückgängig“ brings it back with its e-mails and circle")

    # Merge two duplicates
    app.type_text(search, "")
    fill_editor(app, "Quirin", "Zwiebelmeier", [EMAILS[0].upper(), "quirin@privat.example"])
    app.wait(lambda: len(contact_rows(app)) == 2, "the duplicate in the database")
    open_menu(app, "Kontakte filtern")
    app.click(find(app, Atspi.Role.PUSH_BUTTON, "Doppelte finden …"))
    dialog = app.window("^Doppelte Kontakte$")
    merge = app.wait(lambda: next((n for n in app.find_all(Atspi.Role.PUSH_BUTTON, root=dialog)
                                   if "zusammenführen" in app.name_of(n).replace("_", "").lower()), None),
                     "the merge button of the pair")
    app.click(merge)
    rows = app.wait(lambda: len(contact_rows(app)) == 1 and contact_rows(app), "one contact after the merge")
    if rows[0][0] != contact_id:
        fail("the merge did not keep the first contact")
    merged = emails_of(app, contact_id)
    if merged != sorted(EMAILS + ["quirin@privat.example"]):
        fail(f"the merged contact has the e-mails {merged}")
    if rows[0][4] != "Zwiebelkuchen für Vereinsfeste":
        fail("the merge lost the offer")
    tap.ok("the duplicate is merged into the first contact with all e-mail addresses")

tap.done()
