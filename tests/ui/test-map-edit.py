#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: work on the map by keyboard alone.  On a contact of the
example network the Menu key opens its menu; „Beziehung hinzufügen …“ asks
for the other person, the kind and the strength and writes the row; the
menu's „Beziehungen bearbeiten …“ changes its strength, then removes it, and
the toast's „Rückgängig“ brings it back as it was; Page Down then puts the
keyboard on the line itself and Enter edits it."""

import os
import shutil
import subprocess
import tempfile
import time

from bzwtest import TIMEOUT_SCALE, App, Atspi, Tap, fail

tap = Tap()

APP_ENV = {"ASAN_OPTIONS": os.environ["ASAN_OPTIONS"] + ":detect_leaks=0"} if "ASAN_OPTIONS" in os.environ else {}


def xdotool(*args):
    subprocess.run(["xdotool", *args], check=True, capture_output=True, timeout=10)


def keys(*names):
    """Keys to the window that has the keyboard (the main one or a dialog)."""
    xdotool("key", "--delay", "120", *names)


def focus_window(title="Beziehungsweise"):
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                         capture_output=True, text=True, timeout=10).stdout.split()
    if not out:
        fail(f"no X window named {title}")
    xdotool("windowfocus", "--sync", out[-1])


def has(node, state):
    try:
        return node.get_state_set().contains(state)
    except Exception:
        return False


def unique_names(app):
    """First-degree contacts whose names share no word with another's."""
    rows = app.query("SELECT id, display_name FROM contacts WHERE archived = 0 ORDER BY id")
    words = {}
    for _, name in rows:
        for word in name.split():
            words[word] = words.get(word, 0) + 1
    return [(i, n) for i, n in rows if len(n.split()) == 2 and all(words[w] == 1 for w in n.split())]


def related(app, a, b):
    return app.query("SELECT id, uid, kind, strength FROM relationships"
                     " WHERE (a_id = ?1 AND b_id = ?2) OR (a_id = ?2 AND b_id = ?1)", a, b)


def select_on_map(app, widget, name):
    """Types the name into the map's search, then Enter gives the map the
    keyboard with that contact selected.  The search runs a moment after
    the text changes: typed again while the contact is selected already,
    the wait below would pass at once and the search select the contact
    anew later, taking the keyboard off a line focused meanwhile (the
    first Page Down of step 4).  So the name is not typed again."""
    entry = app.find(Atspi.Role.ENTRY, "Auf der Karte suchen")
    if app.text_of(entry) != name or widget.get_name() != name:
        app.type_text(entry, name)
    app.wait(lambda: widget.get_name() == name, f"the map to select „{name}“")
    focus_window()
    xdotool("key", "ctrl+f")
    app.wait(lambda: has(entry, Atspi.StateType.FOCUSED), "Ctrl+F to focus the map's search")
    xdotool("key", "Return")
    app.wait(lambda: has(widget, Atspi.StateType.FOCUSED), "the map to get the keyboard focus")


def open_menu_item(app, label, mnemonic):
    """The Menu key opens the selected contact's menu; the underlined
    letter of @label chooses it."""
    keys("Menu")
    app.find(Atspi.Role.MENU_ITEM, label)
    # The menu is there a moment before it has the keyboard (its first
    # item the focus): a letter sent before goes to the map.
    app.wait(lambda: any(has(n, Atspi.StateType.FOCUSED) for n in app.find_all(Atspi.Role.MENU_ITEM, root=app.app)),
             "the menu to have the keyboard")
    keys(mnemonic)


def button(app, label, timeout=10.0, root=None):
    """A push button by its label; GTK 4.8 names mnemonic buttons "_Label Label"."""
    def matches(node):
        try:
            name = (node.get_name() or "").replace("_", "")
        except Exception:
            return False
        return name in (label, f"{label} {label}")
    return app.wait(lambda: next((n for n in app.find_all(Atspi.Role.PUSH_BUTTON, root=root or app.app)
                                  if matches(n)), None),
                    f"button “{label}”", timeout)


def dialog(app, title):
    return app.top_level(title)


workdir = tempfile.mkdtemp(prefix="bzw-map-edit-")
database = os.path.join(workdir, "edit.db")

try:
    with App("--demo", database=database, env=APP_ENV) as app:
        app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$", timeout=20)
        names = unique_names(app)
        pair = None
        for a_id, a_name in names:
            for b_id, b_name in names:
                if a_id != b_id and not related(app, a_id, b_id):
                    pair = (a_id, a_name, b_id, b_name)
                    break
            if pair:
                break
        if pair is None:
            fail("the example network has no two unrelated contacts with unique names")
        a_id, a_name, b_id, b_name = pair

        app.select_view("Karte")
        widget = app.find(Atspi.Role.IMAGE, "Beziehungskarte")
        select_on_map(app, widget, a_name)

        # 1. Add, by the menu and the keyboard.
        open_menu_item(app, "Beziehung hinzufügen …", "h")
        window = dialog(app, "Beziehung hinzufügen")
        picker = app.find(Atspi.Role.TEXT, "Name der anderen Person", root=window)
        app.type_text(picker, b_name)
        matches = app.find(Atspi.Role.LIST, "Passende Kontakte", root=window)
        app.wait(lambda: matches.get_child_count() > 0, f"„{b_name}“ among the matches")
        App.keys_to("Beziehung hinzufügen", "Return", delay=120)
        app.wait(lambda: matches.get_child_count() == 0, f"„{b_name}“ to be picked")
        App.keys_to("Beziehung hinzufügen", "alt+t", "ctrl+a", "4", "Tab", "alt+h", delay=120)
        app.wait(lambda: related(app, a_id, b_id), "the new relationship in the database")
        rel_id, uid, kind, strength = related(app, a_id, b_id)[0]
        if strength != 4 or not kind:
            fail(f"the new relationship has kind {kind!r} and strength {strength}, not 4")
        tap.ok(f"Menu → „Beziehung hinzufügen …“ on {a_name} adds {a_name}–{b_name} ({kind}, strength 4)")

        # The map reads it back: the line is there, the contact still selected.
        app.wait(lambda: widget.get_name() == a_name and has(widget, Atspi.StateType.FOCUSED),
                 "the map to keep the contact selected and the keyboard")
        tap.ok("after the dialog the map has the keyboard again, with the contact still selected")

        # 2. Edit its strength.
        def edit_dialog():
            open_menu_item(app, "Beziehungen bearbeiten …", "b")
            deadline = time.monotonic() + 10 * TIMEOUT_SCALE
            while time.monotonic() < deadline:
                for j in range(app.app.get_child_count()):
                    child = app.app.get_child_at_index(j)
                    if child is None:
                        continue
                    if child.get_name() == "Beziehung bearbeiten":
                        return child
                    if child.get_name() == "Beziehungen bearbeiten":
                        rows = app.find(Atspi.Role.LIST, "Beziehungen", root=child)
                        labels = [rows.get_child_at_index(k).get_name() for k in range(rows.get_child_count())]
                        index = next((k for k, text in enumerate(labels) if text.startswith(b_name)), None)
                        if index is None:
                            fail(f"„{b_name}“ is not among the relationships of {a_name}: {labels}")
                        App.keys_to("Beziehungen bearbeiten", *(["Down"] * index), "Return", delay=120)
                        return dialog(app, "Beziehung bearbeiten")
                time.sleep(0.2)
            fail("„Beziehungen bearbeiten …“ opened no dialog")

        # A dialog has the keyboard a moment after it is there.
        edit_dialog()
        App.keys_to("Beziehung bearbeiten", "alt+t", "ctrl+a", "2", "Tab", "alt+s", delay=120)
        app.wait(lambda: related(app, a_id, b_id) and related(app, a_id, b_id)[0][3] == 2,
                 "the strength to become 2 in the database")
        if related(app, a_id, b_id)[0][:3] != (rel_id, uid, kind):
            fail(f"editing changed more than the strength: {related(app, a_id, b_id)}")
        tap.ok("„Beziehungen bearbeiten …“ changes the strength to 2; the row keeps its id, UID and kind")

        # 3. Remove, and undo.
        app.wait(lambda: has(widget, Atspi.StateType.FOCUSED), "the map to get the keyboard back")
        edit_dialog()
        App.keys_to("Beziehung bearbeiten", "alt+e", delay=120)
        app.wait(lambda: not related(app, a_id, b_id), "the relationship to go from the database")
        tap.ok("„Entfernen“ removes the relationship")

        # The toast's own button, looked for beside its title: walking the
        # whole app can outlast the toast's ten seconds on a busy machine.
        title = app.find(Atspi.Role.LABEL, "Beziehung entfernt")
        undo = button(app, "Rückgängig", root=title.get_parent().get_parent())
        app.click(undo)
        app.wait(lambda: related(app, a_id, b_id), "„Rückgängig“ to bring the relationship back")
        back = related(app, a_id, b_id)[0]
        if back[1:] != (uid, kind, 2):
            fail(f"after „Rückgängig“ the relationship is {back}, not ({uid}, {kind}, 2)")
        tap.ok("„Rückgängig“ brings it back with its UID, kind and strength")

        # 4. The line itself by keyboard: Page Down goes round the contact's
        # lines, Enter on the focused one edits that relationship.
        select_on_map(app, widget, a_name)
        line = f"Beziehung: {a_name} – {b_name}"
        (n_lines,), = app.query("SELECT count (*) FROM relationships WHERE a_id = ?1 OR b_id = ?1", a_id)
        for _ in range(n_lines):
            keys("Page_Down")
            if widget.get_name() == line:
                break
        else:
            fail(f"Page Down never reached the line {line!r} among {n_lines} (last: {widget.get_name()!r})")
        description = widget.get_description() or ""
        if "Stärke 2 von 5" not in description or "Eingabetaste" not in description:
            fail(f"the focused line is described as {description!r}")
        tap.ok(f"Page Down reaches the line {a_name}–{b_name}; a screen reader hears „{description}“")

        keys("Return")
        dialog(app, "Beziehung bearbeiten")
        App.keys_to("Beziehung bearbeiten", "alt+t", "ctrl+a", "5", "Tab", "alt+s", delay=120)
        app.wait(lambda: related(app, a_id, b_id) and related(app, a_id, b_id)[0][3] == 5,
                 "Enter on the line to edit it: strength 5 in the database")
        tap.ok("Enter on the focused line opens „Beziehung bearbeiten“ for it; its strength becomes 5")
finally:
    shutil.rmtree(workdir, ignore_errors=True)

tap.done()
