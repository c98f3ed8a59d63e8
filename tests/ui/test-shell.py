#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: the window opens in German, the view switcher switches (also
at the bottom of a narrow window), the example network loads, the shortcuts
window opens, and a list started with contacts gets a row for each."""

import os
import subprocess

from bzwtest import App, Atspi, Tap, fail

tap = Tap()

with App() as app:
    if app.frame.get_name() != "Beziehungsweise":
        fail(f"window title is “{app.frame.get_name()}”")
    tap.ok("the window opens with its title")

    for view in ("Kontakte", "Journal", "Karte", "Überblick"):
        app.find(Atspi.Role.PAGE_TAB, view)
    tap.ok("the view switcher shows the four views in German")

    # A narrow window gets the switcher at the bottom (built only then).
    wide = len(app.find_all(Atspi.Role.PAGE_TAB, "Journal"))
    ids = subprocess.run(["xdotool", "search", "--pid", str(app.process.pid)],
                         capture_output=True, text=True).stdout.split()
    subprocess.run(["xdotool", "windowsize", ids[-1], "400", "700"], check=True)
    app.wait(lambda: len(app.find_all(Atspi.Role.PAGE_TAB, "Journal")) == wide + 1,
             "the view switcher at the bottom of a narrow window")
    subprocess.run(["xdotool", "windowsize", ids[-1], "1100", "720"], check=True)
    tap.ok("a narrow window shows the view switcher at the bottom")

    app.find(Atspi.Role.LABEL, "Noch keine Kontakte")
    tap.ok("an empty database shows the contacts empty state")

    app.find(Atspi.Role.LABEL, "Noch keine Einträge")
    app.find(Atspi.Role.LABEL, "Noch nichts zu überblicken")
    for view in ("Journal", "Karte", "Überblick", "Kontakte"):
        app.select_view(view)
    tap.ok("the switcher switches between the views, each with its empty state")

    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Beispielnetzwerk laden"))
    shown = app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$")
    (count,), = app.query("SELECT count(*) FROM contacts WHERE archived = 0")
    if count < 80 or shown.get_name() != f"{count} Kontakte":
        fail(f"the list shows “{shown.get_name()}” for {count} contacts in the database")
    tap.ok(f"the example network loads and the list shows it ({shown.get_name()})")

    mode = os.stat(app.database).st_mode & 0o777
    if mode != 0o600:
        fail(f"database mode is {oct(mode)}")
    tap.ok("the database file is private (0600)")

    # The shortcuts window is built on first use, not with the window.
    def shortcuts_window():
        for j in range(app.app.get_child_count()):
            child = app.app.get_child_at_index(j)
            if child is not None and child != app.frame and \
                    app.find_all(Atspi.Role.LABEL, "Tastenkürzel anzeigen", root=child):
                return child
        return None
    app.key("ctrl+question")
    app.wait(shortcuts_window, "the shortcuts window after Ctrl+?")
    tap.ok("Ctrl+? opens the keyboard shortcuts")

# A database with contacts at start-up: the first frame has rows only for
# what the window shows, then the list has one for every contact.
with App("--demo") as app:
    label = app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$", timeout=20)
    n = int(label.get_name().split()[0])
    contacts = app.find(Atspi.Role.LIST, "Kontakte")
    app.wait(lambda: contacts.get_child_count() == n, f"a row for each of the {n} contacts")
    tap.ok(f"started with {n} contacts, the list soon has a row for each")

tap.done()
