#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: the „Karte“ view of the example network.  Search a contact on
the map, read its details as a screen reader does, open it in the contacts
view, move and pin it with the keyboard, and find it where it was left after
the app was started again."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

from bzwtest import TIMEOUT_SCALE, App, Atspi, Tap, fail

tap = Tap()


def xdotool(*args):
    subprocess.run(["xdotool", *args], check=True, capture_output=True, timeout=10)


def focus_window():
    """Gives the X window the keyboard; there is no window manager."""
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Beziehungsweise$"],
                         capture_output=True, text=True, timeout=10).stdout.split()
    if not out:
        fail("no X window named Beziehungsweise")
    xdotool("windowfocus", "--sync", out[-1])


def reopen(database, contact_id, name, x, y):
    """The second start: the contact is still pinned where it was left."""
    with App(database=database, env=APP_ENV) as app:
        app.select_view("Karte")
        widget = map_widget(app)
        entry = app.find(Atspi.Role.ENTRY, "Auf der Karte suchen")
        app.type_text(entry, name)
        app.wait(lambda: widget.get_name() == name, f"the map to select „{name}“ again")
        if "angeheftet" not in description(widget):
            fail(f"after a restart the map does not know {name} is pinned: „{description(widget)}“")
        # Let the layout run and save once more: the pinned contact stays.
        time.sleep(3)
        again = stable_position(app, contact_id)
        if again[2] != 1 or abs(again[0] - x) > 1e-6 or abs(again[1] - y) > 1e-6:
            fail(f"after a restart {name} is at {again}, not at ({x}, {y})")
        tap.ok(f"after a restart {name} is still pinned at ({x:.0f}, {y:.0f})")


def map_widget(app):
    return app.find(Atspi.Role.IMAGE, "Beziehungskarte")


def focused(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.FOCUSED)
    except Exception:
        return False


def focus_map(app, node):
    """Ctrl+F goes to the map's search, Enter from there to the map."""
    entry = app.find(Atspi.Role.ENTRY, "Auf der Karte suchen")
    focus_window()
    xdotool("key", "ctrl+f")
    app.wait(lambda: focused(entry), "Ctrl+F to focus the map's search")
    xdotool("key", "Return")
    app.wait(lambda: focused(node), "the map to get the keyboard focus")


def description(node):
    return node.get_description() or ""


def position(app, contact_id):
    rows = app.query("SELECT x, y, pinned FROM map_positions WHERE contact_id = ?", contact_id)
    return rows[0] if rows else None


def stable_position(app, contact_id, timeout=20.0):
    """The stored position once the layout has settled and saved it."""
    last = None
    deadline = time.monotonic() + timeout * TIMEOUT_SCALE
    while time.monotonic() < deadline:
        now = position(app, contact_id)
        if now is not None and now == last:
            return now
        last = now
        time.sleep(1.5)
    fail(f"the position of contact {contact_id} did not settle: {last}")


# Under the sanitizers the app's exit status must tell crashes only: at exit
# LeakSanitizer reports 128 bytes from an already unloaded platform module,
# with or without the map, which no suppression can name.
APP_ENV = {"ASAN_OPTIONS": os.environ["ASAN_OPTIONS"] + ":detect_leaks=0"} if "ASAN_OPTIONS" in os.environ else {}

if len(sys.argv) > 1 and sys.argv[1] == "--reopen":
    tap.n = int(sys.argv[7])
    reopen(sys.argv[2], int(sys.argv[3]), sys.argv[4], float(sys.argv[5]), float(sys.argv[6]))
    sys.exit(0)


workdir = tempfile.mkdtemp(prefix="bzw-map-e2e-")
database = os.path.join(workdir, "map.db")

try:
    with App("--demo", database=database, env=APP_ENV) as app:
        app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$", timeout=20)

        # A first-degree contact whose name no other contact shares a word with.
        rows = app.query("SELECT id, display_name FROM contacts WHERE archived = 0 ORDER BY id")
        words = {}
        for _, name in rows:
            for word in name.split():
                words[word] = words.get(word, 0) + 1
        linked = {i for (i,) in app.query("SELECT DISTINCT contact_id FROM encounter_participants WHERE contact_id IS NOT NULL")}
        candidates = [(i, n) for i, n in rows
                      if i in linked and len(n.split()) == 2 and all(words[w] == 1 for w in n.split())]
        if not candidates:
            fail("the example network has no contact with a unique name")
        contact_id, name = candidates[len(candidates) // 2]

        app.select_view("Karte")
        widget = map_widget(app)
        tap.ok("the Karte view shows the map as an accessible image „Beziehungskarte“")

        entry = app.find(Atspi.Role.ENTRY, "Auf der Karte suchen")
        app.type_text(entry, name)
        app.wait(lambda: widget.get_name() == name and name in description(widget),
                 f"the map to select „{name}“ (it shows „{widget.get_name()}“)")
        details = description(widget)
        if "Beziehungsstärke" not in details and "Bekannt über" not in details:
            fail(f"the description lacks the strength: „{details}“")
        if "Letzter Kontakt" not in details and "Noch keine Begegnung" not in details:
            fail(f"the description lacks the last contact: „{details}“")
        tap.ok(f"typing „{name}“ into the map search selects {name}; its description reads „{details}“")

        open_button = app.find(Atspi.Role.PUSH_BUTTON, "Kontakt öffnen")
        app.click(open_button)
        contacts_tab = app.find(Atspi.Role.PAGE_TAB, "Kontakte")
        app.wait(lambda: app.has_state(contacts_tab, Atspi.StateType.SELECTED), "the contacts view to open")

        def page_shows_name():
            for label in app.find_all(Atspi.Role.LABEL, name):
                parent, in_list = label.get_parent(), False
                while parent is not None:
                    if parent.get_role() == Atspi.Role.LIST_ITEM:
                        in_list = True
                        break
                    parent = parent.get_parent()
                if not in_list:
                    return True
            return False

        app.wait(page_shows_name, f"the contact page of „{name}“")
        tap.ok("„Kontakt öffnen“ on the map shows the contact in the contacts view")

        app.select_view("Karte")
        widget = map_widget(app) if widget.get_name() != name else widget
        before = stable_position(app, contact_id)
        if before[2]:
            fail(f"{name} is pinned before anyone moved it")
        focus_map(app, widget)
        if widget.get_name() != name:
            fail(f"going to the map changed the selection to „{widget.get_name()}“")
        xdotool("key", "Tab")
        app.wait(lambda: widget.get_name() not in (name, "Beziehungskarte") and focused(widget),
                 "Tab to select the next contact on the map")
        following = widget.get_name()
        xdotool("key", "shift+Tab")
        app.wait(lambda: widget.get_name() == name and focused(widget), "Shift+Tab to go back")
        tap.ok(f"Tab goes from {name} to {following} and Shift+Tab back, staying on the map")
        for _ in range(6):
            xdotool("key", "alt+Right")
        for _ in range(3):
            xdotool("key", "alt+Down")
        app.wait(lambda: "angeheftet" in description(widget), "the description to say the contact is pinned")
        app.wait(lambda: (position(app, contact_id) or (0, 0, 0))[2] == 1, "the pinned position to be saved")
        after = stable_position(app, contact_id)
        moved_x, moved_y = after[0] - before[0], after[1] - before[1]
        if not (moved_x > 0 and moved_y > 0 and moved_x > 1.5 * moved_y):
            fail(f"Alt+Right ×6 and Alt+Down ×3 moved {name} by ({moved_x:.1f}, {moved_y:.1f})")
        tap.ok(f"Alt+arrow keys move and pin {name} by ({moved_x:.0f}, {moved_y:.0f}); the store has it")

        # Quit as a user does: an instance ended by SIGTERM leaves the AT-SPI
        # registry of this session unable to see the next one.
        focus_window()
        xdotool("key", "ctrl+q")
        try:
            app.process.wait(timeout=15 * TIMEOUT_SCALE)
        except subprocess.TimeoutExpired:
            fail("Ctrl+Q did not quit the app")
        if app.process.returncode != 0:
            fail(f"the app quit with {app.process.returncode}")
        if position(app, contact_id) != after:
            fail(f"quitting moved {name} from {after} to {position(app, contact_id)}")
        tap.ok("Ctrl+Q quits; the stored position stays")

    # The second start runs on a session bus of its own: in one session the
    # AT-SPI registry of GTK 4.8 does not always see a second instance.
    # Only its TAP lines pass: the services of that bus write to its stdout.
    result = subprocess.run(["dbus-run-session", "--", sys.executable, os.path.abspath(__file__), "--reopen",
                             database, str(contact_id), name, repr(after[0]), repr(after[1]), str(tap.n)],
                            stdout=subprocess.PIPE, text=True, timeout=120 * TIMEOUT_SCALE)
    for line in result.stdout.splitlines():
        if line.startswith(("ok ", "not ok ", "#")):
            print(line, flush=True)
    if result.returncode != 0:
        raise SystemExit(result.returncode)
    tap.n += 1
finally:
    shutil.rmtree(workdir, ignore_errors=True)

tap.done()
