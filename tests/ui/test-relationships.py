#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: relationships on the contact page.  A relationship of an
example contact is edited from its row (strength, since, note: read back
from the database and shown on the page), a new one is added with the
page's add button and the keyboard picker, and removed with undo."""

import subprocess

from bzwtest import App, Atspi, Tap, fail

tap = Tap()


def keys(*names):
    subprocess.run(["xdotool", "key", "--delay", "120", *names], check=True, timeout=10)


def button(app, label, timeout=10.0, contains=False):
    """A push button by its label; GTK 4.8 names mnemonic buttons "_Label Label"."""
    def matches(node):
        name = app.name_of(node).replace("_", "")
        return label in name if contains else name in (label, f"{label} {label}")
    return app.wait(lambda: next((n for n in app.find_all(Atspi.Role.PUSH_BUTTON, root=app.app) if matches(n)), None),
                    f"button “{label}”", timeout)


def field(app, name, root):
    """A text field by its accessible name; with a mnemonic label GTK 4.8
    names it twice ("Seit Seit")."""
    def look():
        return next((n for n in app.find_all(None, None, root=root)
                     if n.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY)
                     and app.name_of(n) in (name, f"{name} {name}")), None)
    return app.wait(look, f"field “{name}”")


def relationship(app, rel_id):
    rows = app.query("SELECT strength, since, note, uid FROM relationships WHERE id = ?", rel_id)
    return rows[0] if rows else None


def between(app, a, b):
    return app.query("SELECT id, uid, kind, strength FROM relationships"
                     " WHERE (a_id = ?1 AND b_id = ?2) OR (a_id = ?2 AND b_id = ?1)", a, b)


with App() as app:
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Beispielnetzwerk laden"))
    app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$")

    # A contact on the first screen of the list with a relationship.
    contacts = app.find(Atspi.Role.LIST, "Kontakte")
    names = [contacts.get_child_at_index(i).get_child_at_index(0).get_name()
             for i in range(contacts.get_child_count())]
    chosen = None
    for index, name in enumerate(names):
        rows = app.query("SELECT r.id, CASE WHEN r.a_id = c.id THEN r.b_id ELSE r.a_id END, c.id FROM relationships r"
                         " JOIN contacts c ON c.id IN (r.a_id, r.b_id)"
                         " WHERE c.given_name || ' ' || c.family_name = ? ORDER BY r.id", name)
        if rows:
            chosen = (index, name, rows[0])
            break
    if chosen is None:
        fail("no contact of the list's first screen has a relationship")
    index, name, (rel_id, other_id, contact_id) = chosen
    (other,), = app.query("SELECT display_name FROM contacts WHERE id = ?", other_id)
    Atspi.Selection.select_child(contacts, index)
    app.find(Atspi.Role.LABEL, "Netzwerken")

    # Edit it from its row.
    app.click(button(app, f"Beziehung zu {other} bearbeiten"))
    window = app.top_level("Beziehung bearbeiten")
    app.type_text(field(app, "Seit", window), "01.03.2019")
    app.type_text(field(app, "Notiz", window), "Über den Ruderclub")
    # A dialog has the keyboard a moment after it is there.
    App.keys_to("Beziehung bearbeiten", "alt+t", "ctrl+a", "2", "Tab", delay=120)
    app.click(button(app, "Speichern"))
    app.wait(lambda: relationship(app, rel_id)[:3] == (2, "2019-03-01", "Über den Ruderclub"),
             "the edited relationship in the database")
    app.find(Atspi.Role.LABEL, "Über den Ruderclub", contains=True)
    tap.ok(f"the relationship {name}–{other} is edited from its row: strength 2, since 01.03.2019, a note")

    # Add one with the page's button and the keyboard picker.
    candidates = app.query("SELECT id, display_name FROM contacts WHERE archived = 0 AND id != ?"
                           " AND id NOT IN (SELECT b_id FROM relationships WHERE a_id = ?1)"
                           " AND id NOT IN (SELECT a_id FROM relationships WHERE b_id = ?1) ORDER BY id", contact_id)
    new_id, new_name = next((i, n) for i, n in candidates if len(n.split()) == 2)
    app.click(button(app, "Beziehung hinzufügen"))
    window = app.top_level("Beziehung hinzufügen")
    picker = app.find(Atspi.Role.TEXT, "Name der anderen Person", root=window)
    app.type_text(picker, new_name)
    matches = app.find(Atspi.Role.LIST, "Passende Kontakte", root=window)
    app.wait(lambda: matches.get_child_count() > 0, f"„{new_name}“ among the matches")
    App.keys_to("Beziehung hinzufügen", "Return", delay=120)
    app.wait(lambda: matches.get_child_count() == 0, f"„{new_name}“ to be picked")
    App.keys_to("Beziehung hinzufügen", "alt+t", "ctrl+a", "4", "Tab", "alt+h", delay=120)
    app.wait(lambda: between(app, contact_id, new_id), "the new relationship in the database")
    added_id, uid, kind, strength = between(app, contact_id, new_id)[0]
    if strength != 4:
        fail(f"the new relationship has strength {strength}")
    button(app, f"Beziehung zu {new_name} bearbeiten")
    tap.ok(f"„Beziehung hinzufügen“ on the page adds {name}–{new_name} with strength 4, shown as a row")

    # Remove it from its row, and undo.
    app.click(button(app, f"Beziehung zu {new_name} bearbeiten"))
    app.top_level("Beziehung bearbeiten")
    App.keys_to("Beziehung bearbeiten", "alt+e", delay=120)
    app.wait(lambda: not between(app, contact_id, new_id), "the relationship to go")
    app.click(app.toast_button("^Beziehung entfernt$"))
    app.wait(lambda: between(app, contact_id, new_id), "„Rückgängig“ to bring it back")
    if between(app, contact_id, new_id)[0][1:] != (uid, kind, 4):
        fail(f"after „Rückgängig“: {between(app, contact_id, new_id)}")
    tap.ok("„Entfernen“ removes it, „Rückgängig“ brings it back with its UID")

    # „Kennengelernt über …“ in the editor: a contact, found again on the page.
    app.click(button(app, "Bearbeiten"))
    window = app.top_level("Kontakt bearbeiten")
    picker = field(app, "Kennengelernt über", window)
    app.type_text(picker, new_name)
    matches = app.find(Atspi.Role.LIST, "Passende Kontakte", root=window)
    app.wait(lambda: matches.get_child_count() > 0, f"„{new_name}“ among the matches")
    # Alt+Ü puts the keyboard in the picker; Return takes the match.
    App.keys_to("Kontakt bearbeiten", "alt+udiaeresis")
    app.wait(lambda: app.has_state(picker, Atspi.StateType.FOCUSED), "Alt+Ü to focus the picker")
    keys("Return")
    app.wait(lambda: matches.get_child_count() == 0, f"„{new_name}“ to be picked")
    app.click(button(app, "Speichern"))
    app.top_level_gone("Kontakt bearbeiten")
    app.wait(lambda: app.query("SELECT a_id FROM relationships WHERE kind = 'introducer' AND b_id = ?", contact_id)
             == [(new_id,)], "the introducer in the database")
    app.find(Atspi.Role.LABEL, "Kennengelernt über")
    button(app, f"{new_name} öffnen", contains=True)
    tap.ok(f"„Kennengelernt über {new_name}“ is chosen in the editor, stored as who introduced us, shown on the page")

    # The relationship rows read it from each side: on this page the
    # introducer's row says whom we met through, on the introducer's page
    # this contact's row says whom they introduced.
    app.find(Atspi.Role.LABEL, f"Kennengelernt über {new_name} · ", contains=True)
    app.click(button(app, f"{new_name} öffnen", contains=True))
    app.find(Atspi.Role.LABEL, f"Hat Ihnen {name} vorgestellt · ", contains=True)
    tap.ok(f"the relationship rows read „Kennengelernt über {new_name}“ on {name}'s page"
           f" and „Hat Ihnen {name} vorgestellt“ on {new_name}'s")

    # The Überblick counts whom I met through whom.
    (n_introduced,), = app.query("SELECT count (*) FROM relationships WHERE kind = 'introducer' AND a_id = ?", new_id)
    app.select_view("Überblick")
    app.find(Atspi.Role.LABEL, "Über wen Sie andere kennengelernt haben", timeout=20)
    expected = f"Hat Sie mit {n_introduced} Kontakt bekannt gemacht" if n_introduced == 1 else \
        f"Hat Sie mit {n_introduced} Kontakten bekannt gemacht"
    app.find(Atspi.Role.LABEL, expected)
    tap.ok(f"the Überblick names {new_name}: „{expected}“")

tap.done()
