#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: taking care of the data and of relationships.  The daily
backup and the „Zeit, sich zu melden“ notification after start-up, a backup
from the main menu, the name in the preferences, the restore dialog,
and „Datenbank prüfen“.  The recovery page is in test-recovery.py."""

import glob
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

from bzwtest import TIMEOUT_SCALE, App, Atspi, Tap, fail

tap = Tap()


def top_level(app, name, timeout=10.0):
    def find():
        for j in range(app.app.get_child_count()):
            child = app.app.get_child_at_index(j)
            if child is not None and child.get_name() == name:
                return child
        return None
    return app.wait(find, f"window “{name}”", timeout)


def top_level_gone(app, name, timeout=10.0):
    app.wait(lambda: all(app.app.get_child_at_index(j).get_name() != name
                         for j in range(app.app.get_child_count())), f"window “{name}” to close", timeout)


def menu(app, item):
    button = app.wait(lambda: next((n for n in app.find_all(Atspi.Role.PUSH_BUTTON, "Hauptmenü")
                                    if Atspi.Action.get_n_actions(n) > 0), None), "the main menu button")
    app.click(button)
    app.click(app.find(Atspi.Role.MENU_ITEM, item))


def keys(window_title, *names):
    App.keys_to(window_title, *names)


def confirm_restore(app):
    dialog = top_level(app, "Diese Sicherung wiederherstellen?")
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "_Wiederherstellen", root=dialog, contains=True))


def backups(app, kind):
    folder = os.path.join(os.path.dirname(app.database), "backups")
    return sorted(glob.glob(os.path.join(folder, f"{os.path.basename(app.database)}.{kind}-*.db")))


def query(path, sql, *params):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute(sql, params).fetchall()


def mode(path):
    return os.stat(path).st_mode & 0o777


# A notification server of our own on the test's session bus.
spool = tempfile.mkdtemp(prefix="bzw-notify-")
sent = os.path.join(spool, "sent.jsonl")
server = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(__file__), "fake_notifications.py"), sent])
deadline = time.monotonic() + 10 * TIMEOUT_SCALE
while not os.path.exists(sent + ".ready"):
    if time.monotonic() > deadline or server.poll() is not None:
        print("# no notification server could be started: skipping the notification step")
        break
    time.sleep(0.1)

try:
    with App("--demo") as app:
        # 1. After the first frame: the daily backup and the reminder.
        daily = app.wait(lambda: backups(app, "daily"), "the daily backup")
        (contacts,), = app.query("SELECT count(*) FROM contacts")
        (shown,), = app.query("SELECT count(*) FROM contacts WHERE archived = 0")
        if mode(daily[0]) != 0o600 or query(daily[0], "SELECT count(*) FROM contacts") != [(contacts,)]:
            fail(f"the daily backup is {oct(mode(daily[0]))} with "
                 f"{query(daily[0], 'SELECT count(*) FROM contacts')} contacts of {contacts}")
        tap.ok(f"the daily backup is made after start-up: private, all {contacts} contacts")

        if os.path.exists(sent + ".ready"):
            def notified():
                if not os.path.exists(sent):
                    return None
                with open(sent, encoding="utf-8") as f:
                    return [json.loads(line) for line in f]
            calls = app.wait(notified, "the due notification")
            body = re.match(r"^(\d+) Kontakte warten darauf, von Ihnen zu hören: (.+?)(,| und) ", calls[0]["body"])
            if len(calls) != 1 or calls[0]["summary"] != "Zeit, sich zu melden" or body is None:
                fail(f"notifications sent: {calls}")
            app.select_view("Überblick")
            due_list = app.find(Atspi.Role.LIST, "Zeit, sich zu melden")
            first = due_list.get_child_at_index(0).get_name()
            if not first.startswith(body.group(2)):
                fail(f"the notification names {body.group(2)} first, the Überblick {first}")
            tap.ok(f"one notification „Zeit, sich zu melden“: {calls[0]['body'][:60]}…")

        # 2. „Sicherung erstellen …“
        menu(app, "Sicherung erstellen …")
        manual = app.wait(lambda: backups(app, "manual"), "the backup made by hand")[0]
        app.toast(Atspi.Role.LABEL, r"^Sicherung in „.*backups“ gespeichert$")
        if mode(manual) != 0o600 or query(manual, "SELECT count(*) FROM contacts") != [(contacts,)]:
            fail(f"the backup is {oct(mode(manual))}")
        tap.ok("„Sicherung erstellen …“ writes a private backup and says where")

        # 3. A change after the backup: the name for the printout.
        keys("Beziehungsweise", "ctrl+comma")
        prefs = top_level(app, "Einstellungen")
        name = "Erika Mustermann"
        entry = app.find(Atspi.Role.TEXT, "Ihr Name", root=prefs, contains=True)
        app.type_text(entry, name)
        keys("Einstellungen", "Escape")
        top_level_gone(app, "Einstellungen")
        app.wait(lambda: app.query("SELECT value FROM meta WHERE key = 'user-name'") == [(name,)],
                 "the name in the database")
        tap.ok("the preferences write the name for the printout into the database")

        # 4. Restore the backup made by hand.
        menu(app, "Aus Sicherung wiederherstellen …")
        dialog = top_level(app, "Aus Sicherung wiederherstellen")
        buttons = app.find_all(Atspi.Role.PUSH_BUTTON, root=dialog)
        restore = [b for b in buttons if (b.get_name() or "").startswith("Die Sicherung vom ")]
        labels = app.labels(root=dialog)
        kinds = [l for l in labels if "Sicherung ·" in l or "Von Hand erstellte Sicherung" in l]
        if len(restore) != 2 or not any(re.match(r"^Von Hand erstellte Sicherung · \d+ Kontakte · ", k)
                                        for k in kinds) \
                or not any(re.match(r"^\d\d\.\d\d\.\d{4}, \d\d:\d\d$", l) for l in labels):
            fail(f"the restore dialog shows {labels}")
        tap.ok("the restore dialog lists both backups with German date, kind and number of contacts")

        # The newest is the one made by hand, before the name was set.
        app.click(restore[0])
        confirm = top_level(app, "Diese Sicherung wiederherstellen?")
        app.click(app.find(Atspi.Role.PUSH_BUTTON, "_Wiederherstellen", root=confirm, contains=True))
        app.wait(lambda: backups(app, "restore"), "the previous state kept as a backup")
        app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$", timeout=20)
        if app.query("SELECT value FROM meta WHERE key = 'user-name'") != []:
            fail("the restored database still has the name set after the backup")
        kept = backups(app, "restore")[0]
        if mode(kept) != 0o600 or query(kept, "SELECT value FROM meta WHERE key = 'user-name'") != [(name,)]:
            fail("the state before the restore was not kept as a private backup")
        tap.ok("restoring the backup from the menu brings back its state and keeps the previous one")

        # 5. „Datenbank prüfen“
        menu(app, "Datenbank prüfen")
        app.wait(lambda: any(app.find_all(Atspi.Role.LABEL, "Die Datenbank ist in Ordnung",
                                          root=app.app.get_child_at_index(j))
                             for j in range(app.app.get_child_count())), "the result of the check")
        tap.ok("„Datenbank prüfen“ reports an intact database")

finally:
    server.terminate()
    server.wait()

shutil.rmtree(spool, ignore_errors=True)
tap.done()
