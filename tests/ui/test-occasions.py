#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: dates that bring people back.  A follow-up („Wiedervorlage“)
set on the contact page shows in the contact list and in the Überblick; a
due contact snoozed from the Überblick („Später erinnern“, „Morgen“)
leaves the due list, and the toast's undo brings it back; a follow-up
marked done offers to log the encounter; talking points („Beim nächsten
Mal ansprechen“) are added and ticked off on the page and offered, ticked,
in the encounter editor; an encounter saved for a day still to come shows
as „Geplant“; each step read back from the database."""

import datetime
import os
import sqlite3
import subprocess
import tempfile

from bzwtest import App, Atspi, Tap, fail

tap = Tap()


def find(app, role, name, timeout=10.0, contains=False):
    """Anywhere in the app: the main window, its dialogs and popovers."""
    return app.find(role, name, root=app.app, timeout=timeout, contains=contains)


def german(day):
    return day.strftime("%d.%m.%Y")


def make_database():
    """The example network, written by the app itself, with one contact
    made overdue: a monthly rhythm and no encounter since it was added a
    year ago."""
    home = tempfile.mkdtemp(prefix="bzw-occasions-")
    path = os.path.join(home, "beziehungsweise.db")
    env = dict(os.environ, GSETTINGS_BACKEND="memory", LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8")
    pdf = os.path.join(home, "overview.pdf")
    subprocess.run([os.environ["BZW_BINARY"], f"--database={path}", "--demo", f"--print-overview={pdf}"],
                   env=env, check=True, capture_output=True)
    # An encounter planned for two days ago, not confirmed since.
    two_days_ago = int((datetime.datetime.now() - datetime.timedelta(days=2)).timestamp())
    with sqlite3.connect(path) as db:
        (julia,), = db.execute("SELECT id FROM contacts WHERE display_name = 'Julia Schäfer'").fetchall()
        db.execute("INSERT INTO encounters (uid, created, modified, happened_at, channel, planned)"
                   " VALUES ('planned-e2e', ?1, ?1, ?2, 'video', 1)", (two_days_ago - 86400 * 5, two_days_ago))
        db.execute("INSERT INTO encounter_participants (encounter_id, contact_id, name)"
                   " VALUES (last_insert_rowid (), ?, '')", (julia,))
    return path


today = datetime.date.today()
in_a_week = today + datetime.timedelta(days=7)
tomorrow = today + datetime.timedelta(days=1)
database = make_database()

with App(database=database) as app:
    # A contact who is not due: Sophie Lange.
    (sophie, name), = app.query("SELECT id, display_name FROM contacts WHERE display_name = 'Sophie Lange'")
    search = app.wait(lambda: next((n for n in app.find_all(None, "Kontakte durchsuchen", root=app.app)
                                    if n.get_role() in (Atspi.Role.TEXT, Atspi.Role.ENTRY)), None), "the search")
    app.type_text(search, name)
    app.wait(lambda: app.shown_names() == [name], "the list to show only Sophie Lange")
    app.open_contact(0)
    find(app, Atspi.Role.LABEL, "Keine Wiedervorlage")
    tap.ok("the contact page shows „Keine Wiedervorlage“")

    # Talking points: two added on the page, one ticked off there.
    for text in ("Nach dem Umzug fragen", "Buchtipp weitergeben"):
        entry = app.find(Atspi.Role.TEXT, "Etwas, das Sie beim nächsten Mal ansprechen möchten")
        app.type_text(entry, text)
        app.click(app.find(Atspi.Role.PUSH_BUTTON, "Gesprächspunkt hinzufügen"))
        app.wait(lambda: (text,) in app.query("SELECT text FROM talking_points WHERE contact_id = ?", sophie),
                 f"„{text}“ in the database")
        find(app, Atspi.Role.LABEL, text)
    app.click(find(app, Atspi.Role.PUSH_BUTTON, "„Buchtipp weitergeben“ abhaken"))
    app.wait(lambda: app.query("SELECT done_at IS NOT NULL FROM talking_points WHERE text = 'Buchtipp weitergeben'")
             == [(1,)], "the talking point to be ticked off in the database")
    app.gone(Atspi.Role.PUSH_BUTTON, "„Buchtipp weitergeben“ abhaken")
    tap.ok("talking points are added on the contact page and ticked off there")

    # „Wiedervorlage setzen“ → „In einer Woche“
    app.click(app.clickable(find(app, None, "Wiedervorlage setzen")))
    app.click(app.menu_item("In einer Woche"))
    app.wait(lambda: app.query("SELECT follow_up_on FROM contacts WHERE id = ?", sophie)
             == [(in_a_week.isoformat(),)], "the follow-up in the database")
    find(app, Atspi.Role.LABEL, f"Wiedervorlage am {german(in_a_week)}")
    tap.ok("„In einer Woche“ sets the follow-up a week ahead, in the database and on the page")

    # The list's row says so with an icon of its own.
    app.find(None, f"Wiedervorlage am {german(in_a_week)}", root=app.find(Atspi.Role.LIST, "Kontakte"))
    tap.ok("the contact list shows the follow-up's icon on the row")

    # The Überblick lists it among the follow-ups.
    app.select_view("Überblick")
    find(app, Atspi.Role.LABEL, "Wiedervorlagen")
    find(app, Atspi.Role.LABEL, f"Wiedervorlage am {german(in_a_week)}")
    find(app, Atspi.Role.LABEL, "Anstehende Anlässe")
    tap.ok("the Überblick lists the follow-up and the upcoming occasions")

    # The encounter planned for two days ago: did it take place?
    asked = (datetime.date.today() - datetime.timedelta(days=2)).strftime("%d.%m.%Y")
    find(app, Atspi.Role.LABEL, f"Fand die geplante Begegnung mit Julia Schäfer am {asked} statt?")
    app.click(find(app, Atspi.Role.PUSH_BUTTON, "Ja, fand statt", contains=True))
    app.wait(lambda: app.query("SELECT planned FROM encounters WHERE uid = 'planned-e2e'") == [(0,)],
             "the encounter to be confirmed in the database")
    app.gone(Atspi.Role.LABEL, f"Fand die geplante Begegnung mit Julia Schäfer am {asked} statt?")
    tap.ok("the Überblick asks whether a planned encounter took place, and „Ja, fand statt“ confirms it")

    # A due contact, snoozed from the Überblick until tomorrow.
    snooze = app.wait(lambda: next(iter(app.find_all(None, "Später an ", root=app.frame, contains=True)), None),
                      "a due contact with „Später erinnern“")
    snoozed_name = App.name_of(snooze)[len("Später an "):-len(" erinnern")]
    (snoozed,), = app.query("SELECT id FROM contacts WHERE display_name = ?", snoozed_name)
    app.click(app.clickable(snooze))
    app.click(app.menu_item("Morgen"))
    app.wait(lambda: app.query("SELECT snoozed_until FROM contacts WHERE id = ?", snoozed)
             == [(tomorrow.isoformat(),)], "the snooze in the database")
    app.wait(lambda: not app.find_all(None, f"Später an {snoozed_name} erinnern", root=app.frame),
             f"{snoozed_name} to leave the due list")
    tap.ok(f"„Später erinnern“ → „Morgen“ snoozes {snoozed_name} until tomorrow and takes them off the due list")

    # The undo of the toast brings them back.
    undo = app.toast(Atspi.Role.PUSH_BUTTON, "^Rückgängig")
    app.click(undo)
    app.wait(lambda: app.query("SELECT snoozed_until FROM contacts WHERE id = ?", snoozed) == [(None,)],
             "the snooze to be undone")
    app.find(None, f"Später an {snoozed_name} erinnern", root=app.frame)
    tap.ok("undo wakes the contact up again, and the due list shows them")

    # Done: the follow-up goes, and the encounter editor is offered.
    app.select_view("Kontakte")
    app.click(find(app, Atspi.Role.PUSH_BUTTON, "Wiedervorlage erledigt"))
    dialog = app.top_level("Wiedervorlage erledigt")
    app.wait(lambda: app.query("SELECT follow_up_on FROM contacts WHERE id = ?", sophie) == [(None,)],
             "the follow-up to be cleared in the database")
    app.click(app.wait(lambda: next((n for n in app.find_all(Atspi.Role.PUSH_BUTTON, root=dialog)
                                     if "Begegnung eintragen" in App.name_of(n).replace("_", "")), None),
                       "„Begegnung eintragen“"))
    editor = app.top_level("Neuer Journaleintrag")
    app.find(None, name, root=editor, contains=True)
    tap.ok("„Wiedervorlage erledigt“ clears the follow-up and opens the encounter editor with the contact")

    # The open talking point is offered, ticked, and ticked off with the encounter.
    point = app.find(Atspi.Role.CHECK_BOX, "Nach dem Umzug fragen", root=editor)
    if not App.has_state(point, Atspi.StateType.CHECKED):
        fail("the talking point is not ticked in the encounter editor")
    if app.find_all(Atspi.Role.CHECK_BOX, "Buchtipp weitergeben", root=editor):
        fail("a talking point ticked off before is offered again")
    # The next meeting is planned: in three days.
    planned_day = today + datetime.timedelta(days=3)
    app.type_text(app.find_all(Atspi.Role.TEXT, "Datum Datum", root=editor)[0], german(planned_day))
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Speichern", root=editor, contains=True))
    app.top_level_gone("Neuer Journaleintrag")
    app.wait(lambda: app.query("SELECT done_at IS NOT NULL FROM talking_points WHERE text = 'Nach dem Umzug fragen'")
             == [(1,)], "the talking point to be ticked off with the encounter")
    tap.ok("the encounter editor shows the open talking point and ticks it off when saved")

    rows = app.query("SELECT e.happened_at FROM encounters e JOIN encounter_participants p ON p.encounter_id = e.id"
                     " WHERE p.contact_id = ? ORDER BY e.happened_at DESC LIMIT 1", sophie)
    if datetime.date.fromtimestamp(rows[0][0]) != planned_day:
        fail(f"the planned encounter is on {datetime.date.fromtimestamp(rows[0][0])}, not {planned_day}")
    app.select_view("Journal")
    app.find(Atspi.Role.LABEL, "Geplant")
    app.select_view("Überblick")
    app.find_matching(Atspi.Role.LABEL, "^Geplant für .*" + german(planned_day))
    tap.ok("an encounter three days ahead shows as „Geplant“ in the journal and the Überblick")

tap.done()
