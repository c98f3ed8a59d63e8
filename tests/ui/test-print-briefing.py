#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: the dates and the meeting brief from the window.  The main
menu's „Kalender exportieren …“ writes the file chosen in the file chooser,
read back with a real iCalendar parser (python3-icalendar); the contact
page's ⋮ menu „Gesprächsvorbereitung drucken …“ opens the print dialog,
and printing to a file writes the brief of that contact on one A4 page,
read back with pdfinfo and pdftotext."""

import os
import sqlite3
import subprocess
import tempfile
import time

import icalendar

from bzwtest import App, Atspi, Tap, fail

tap = Tap()
NAME = "Sophie Lange"
TALKING_POINT = "Nach dem neuen Atelier fragen"


def make_database():
    """The example network, written by the app itself, and one talking
    point for the contact whose brief is printed."""
    home = tempfile.mkdtemp(prefix="bzw-briefing-")
    path = os.path.join(home, "beziehungsweise.db")
    env = dict(os.environ, GSETTINGS_BACKEND="memory", LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8")
    subprocess.run([os.environ["BZW_BINARY"], f"--database={path}", "--demo",
                    f"--print-overview={os.path.join(home, 'overview.pdf')}"],
                   env=env, check=True, capture_output=True)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO talking_points (uid, contact_id, text, created)"
                   " SELECT 'tp-e2e', id, ?, unixepoch () FROM contacts WHERE display_name = ?",
                   (TALKING_POINT, NAME))
    return home, path


home, database = make_database()
target = os.path.join(home, "termine.ics")

with App(database=database) as app:
    app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$")

    # „Kalender exportieren …“ from the main menu, through the file chooser.
    button = app.wait(lambda: next((n for n in app.find_all(Atspi.Role.PUSH_BUTTON, "Hauptmenü")
                                    if Atspi.Action.get_n_actions(n) > 0), None), "the main menu button")
    app.click(button)
    app.click(app.menu_item("Kalender exportieren …"))
    chooser = app.top_level("Kalender exportieren")
    entry = app.wait(lambda: next((n for n in app.find_all(Atspi.Role.TEXT, root=chooser)
                                   if Atspi.Accessible.get_editable_text_iface(n) is not None), None),
                     "the file name entry")
    app.type_text(entry, target)
    time.sleep(0.3)
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Speichern", root=chooser, contains=True))
    app.wait(lambda: os.path.exists(target), "the calendar file", timeout=20)
    tap.ok("„Kalender exportieren …“ writes the file chosen in the file chooser")

    with open(target, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    events = list(calendar.walk("VEVENT"))
    (birthdays,), = app.query("SELECT count(*) FROM contacts WHERE birthday IS NOT NULL AND archived = 0")
    yearly = [e for e in events if e.get("RRULE") is not None and e.get("RRULE")["FREQ"] == ["YEARLY"]]
    if birthdays == 0 or len(yearly) < birthdays:
        fail(f"{len(yearly)} yearly events for {birthdays} birthdays")
    if len({str(c.get("UID")) for c in calendar.walk() if c.name in ("VEVENT", "VTODO")}) != \
            len([c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")]):
        fail("two items of the calendar share a UID")
    if os.stat(target).st_mode & 0o777 != 0o600:
        fail("the calendar file is not private")
    tap.ok(f"the calendar reads back with icalendar: {len(yearly)} yearly events for {birthdays} birthdays, "
           "unique UIDs, mode 0600")

    # „Gesprächsvorbereitung drucken …“ from the contact page's ⋮ menu.
    name = NAME
    if app.query("SELECT count(*) FROM talking_points WHERE text = ?", TALKING_POINT) != [(1,)]:
        fail("the talking point was not written")
    search = app.wait(lambda: next((n for n in app.find_all(None, "Kontakte durchsuchen", root=app.app)
                                    if n.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY)), None), "the search")
    app.type_text(search, name)
    app.wait(lambda: app.shown_names() == [name], f"the list to show only {name}")
    app.open_contact(0)
    app.click(app.clickable(app.find(None, "Weitere Aktionen", root=app.app)))
    app.click(app.menu_item("Gesprächsvorbereitung drucken …"))
    dialog = app.window("^Drucken$", timeout=20)
    tabs = app.find(Atspi.Role.PAGE_TAB_LIST, root=dialog)
    if any(app.find_all(Atspi.Role.LABEL, "Kontaktübersicht", root=tabs.get_child_at_index(i))
           for i in range(tabs.get_child_count())):
        fail("the print dialog of the brief has the overview's tab")
    tap.ok("„Gesprächsvorbereitung drucken …“ in the ⋮ menu opens the print dialog, without the overview's tab")

    pages, info, text = app.print_to_file(dialog)
    text = " ".join(text.split())
    if "A4" not in info or pages != 1:
        fail(f"the printed brief is not one A4 page: {info}")
    for expected in ("GESPRÄCHSVORBEREITUNG", name, "Beim nächsten Mal ansprechen", TALKING_POINT,
                     "Gemeinsame Kontakte"):
        if expected not in text:
            fail(f"the printed brief lacks „{expected}“: {text[:400]}")
    tap.ok(f"printing to a file writes the brief of {name} on one A4 page, with the talking point")

tap.done()
