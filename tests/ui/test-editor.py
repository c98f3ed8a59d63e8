#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: a contact with every kind of field, made in the editor the
way assistive technology and the keyboard do it: titles and name parts,
department, labelled e-mail, phone, a postal address, a website, a
messenger, an anniversary and a related person, each label chosen in its
drop-down by keyboard, one of them the user's own words.  Read back from
the database, found in the list under its family name, opened again with
every value in place, and a removed value gone after saving."""

import time

from bzwtest import App, Atspi, Tap, fail

tap = Tap()
EDITOR = "Neuer Kontakt"


def button(app, label, timeout=10.0, root=None):
    """A push button by its label; GTK 4.8 names mnemonic buttons "_Label Label"."""
    def matches(node):
        name = app.name_of(node).replace("_", "")
        return name in (label, f"{label} {label}")
    return app.wait(lambda: next((n for n in app.find_all(Atspi.Role.PUSH_BUTTON, root=root or app.app)
                                  if matches(n)), None),
                    f"button “{label}”", timeout)


def fields(app, name, count=1):
    """Text fields (entry rows) by their accessible name, in order, in the
    editor (the window the test works in; the main window's list is not
    searched, so each look stays short)."""
    def editable():
        found = [n for n in app.find_all(None, name, root=app.top_level(app.editor))
                 if n.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY)]
        return found if len(found) >= count else None
    return app.wait(editable, f"{count} field(s) “{name}”")


def label_drop_downs(app):
    """The buttons that open the label choices, in the order of their rows."""
    return [n for n in app.find_all(Atspi.Role.PUSH_BUTTON, "Bezeichnung", root=app.top_level(app.editor))]


def choose_label(app, window, drop, steps):
    """Opens a label drop-down and chooses by keyboard, @steps down from
    the label it has."""
    app.choose(drop, window, *(["Down"] * steps), "Return")


def add(app, label):
    app.click(button(app, label, root=app.top_level(app.editor)))
    time.sleep(0.3)


def fields_of(app, contact_id):
    return app.query("SELECT kind, label, value FROM contact_fields WHERE contact_id = ? ORDER BY kind, position, id",
                     contact_id)


with App() as app:
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Beispielnetzwerk laden"))
    app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$")

    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Neuer Kontakt"))
    app.editor = EDITOR
    app.top_level(EDITOR)
    for name, text in (("Titel (z. B. Dr.)", "Dr."), ("Vorname", "Wiebke"), ("Nachname", "Ödegaard"),
                       ("Namenszusatz (z. B. jun.)", "sen."), ("Spitzname", "Wibi"),
                       ("Organisation", "Nordlicht Reederei"), ("Abteilung", "Einkauf"), ("Rolle", "Leiterin")):
        app.type_text(fields(app, name)[0], text)

    # One e-mail address and one phone number are there from the start.
    app.type_text(fields(app, "E-Mail-Adresse")[0], "wiebke@nordlicht.example")
    app.type_text(fields(app, "Telefonnummer")[0], "+49 40 123456")
    add(app, "Adresse hinzufügen")
    for name, text in (("Straße und Hausnummer", "Hafenstraße 3"), ("Postleitzahl", "20457"), ("Ort", "Hamburg"),
                       ("Land", "Deutschland")):
        app.type_text(fields(app, name)[0], text)
    add(app, "Website hinzufügen")
    app.type_text(fields(app, "Webadresse")[0], "www.nordlicht.example")
    add(app, "Messenger hinzufügen")
    app.type_text(fields(app, "Messenger-Adresse")[0], "xmpp:wiebke@nordlicht.example")
    add(app, "Datum hinzufügen")
    app.type_text(fields(app, "Datum (z. B. 15.12.1985 oder 15.12.)")[0], "01.05.2015")
    add(app, "Bezugsperson hinzufügen")
    # A related person who is one of the contacts is linked by the name.
    (linked,), = app.query("SELECT display_name FROM contacts WHERE archived = 0 ORDER BY id LIMIT 1")
    app.type_text(fields(app, "Name")[-1], linked)
    tap.ok("every kind of field is filled in the editor")

    # The labels, by keyboard: e-mail „Arbeit“ (No label, privat, Arbeit),
    # phone „mobil“, address „privat“, the date „Jahrestag“, the related
    # person „Partner oder Partnerin“; the messenger gets words of its own.
    drops = app.wait(lambda: label_drop_downs(app) if len(label_drop_downs(app)) == 7 else None,
                     "seven label drop-downs")
    for index, steps in ((0, 2), (1, 1), (2, 1), (5, 1), (6, 1)):
        choose_label(app, EDITOR, drops[index], steps)
    # „Ohne Bezeichnung“, privat, Arbeit, Sonstige, „Eigene Bezeichnung …“
    choose_label(app, EDITOR, drops[4], 4)
    app.top_level("Eigene Bezeichnung")
    own = app.wait(lambda: next((n for n in app.find_all(None, "Bezeichnung", root=app.app)
                                 if n.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY)), None),
                   "the field of the own label")
    app.type_text(own, "Jabber")
    app.click(button(app, "Übernehmen"))
    app.top_level_gone("Eigene Bezeichnung")
    tap.ok("labels are chosen by keyboard, one in the user's own words")

    App.keys_to(EDITOR, "ctrl+s")
    app.top_level_gone(EDITOR)
    rows = app.wait(lambda: app.query("SELECT id, prefix, given_name, family_name, suffix, nickname, organisation,"
                                      " department, role FROM contacts WHERE family_name = 'Ödegaard'"),
                    "the new contact in the database")
    contact_id = rows[0][0]
    if rows[0][1:] != ("Dr.", "Wiebke", "Ödegaard", "sen.", "Wibi", "Nordlicht Reederei", "Einkauf", "Leiterin"):
        fail(f"the contact's own columns: {rows[0][1:]}")
    expected = [
        ("address", "home", "\x1f\x1fHafenstraße 3\x1fHamburg\x1f\x1f20457\x1fDeutschland"),
        ("date", "anniversary", "2015-05-01"),
        ("email", "work", "wiebke@nordlicht.example"),
        ("impp", "Jabber", "xmpp:wiebke@nordlicht.example"),
        ("phone", "cell", "+49 40 123456"),
        ("related", "spouse", linked),
        ("url", None, "https://www.nordlicht.example"),
    ]
    if sorted(fields_of(app, contact_id)) != expected:
        fail(f"the fields in the database: {sorted(fields_of(app, contact_id))}")
    tap.ok("the database holds every field with its label")

    # Found in the list under O (Ö sorts with O), between the family names
    # around it.
    contacts = app.find(Atspi.Role.LIST, "Kontakte")
    names = [contacts.get_child_at_index(i).get_child_at_index(0).get_name()
             for i in range(contacts.get_child_count())]
    shown = next((n for n in names if "Ödegaard" in n), None)
    if shown is None:
        fail(f"„Ödegaard“ is not in the list: {names}")
    order = [f for (f,) in app.query("SELECT coalesce (family_name, display_name) FROM contacts"
                                     " WHERE archived = 0 ORDER BY sort_key, id")]
    at = order.index("Ödegaard")
    if not (order[at - 1][0] in "MNOÖ" and order[at + 1][0] in "OÖPQRS"):
        fail(f"„Ödegaard“ stands between {order[at - 1]} and {order[at + 1]}")
    tap.ok(f"the list shows „{shown}“ under O, between {order[at - 1]} and {order[at + 1]}")

    # Open it again: every value is in place; remove the website.
    Atspi.Selection.select_child(contacts, names.index(shown))
    # The page offers to open and to copy the website, and opens the
    # related person, who is a contact.
    app.find(Atspi.Role.PUSH_BUTTON, f"{linked} öffnen", contains=True)
    app.find(Atspi.Role.PUSH_BUTTON, "Website öffnen", contains=True)
    app.find(Atspi.Role.PUSH_BUTTON, "Webadresse kopieren", contains=True)
    tap.ok("the contact page opens and copies the website")
    app.click(button(app, "Bearbeiten"))
    app.editor = "Kontakt bearbeiten"
    app.top_level(app.editor)
    if app.text_of(fields(app, "Abteilung")[0]) != "Einkauf":
        fail("the department is not shown again")
    app.find(None, "Hafenstraße 3, 20457 Hamburg, Deutschland", root=app.app)
    if app.text_of(fields(app, "Datum (z. B. 15.12.1985 oder 15.12.)")[0]) != "01.05.2015":
        fail("the anniversary is not shown again as 01.05.2015")
    app.click(button(app, "Website entfernen", root=app.top_level(app.editor)))
    app.wait(lambda: not [n for n in app.find_all(None, "Webadresse", root=app.top_level(app.editor))
                          if n.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY)], "the website row to go")
    App.keys_to("Kontakt bearbeiten", "ctrl+s")
    app.top_level_gone("Kontakt bearbeiten")
    app.wait(lambda: not app.query("SELECT 1 FROM contact_fields WHERE contact_id = ? AND kind = 'url'", contact_id),
             "the website to be gone from the database")
    if len(fields_of(app, contact_id)) != 6:
        fail(f"after removing the website: {fields_of(app, contact_id)}")
    tap.ok("opened again every value is in place; a removed website is gone after saving")

tap.done()
