#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: the sync in the window, against a real Radicale on
127.0.0.1.  Another client (the command line on a database of its own)
puts cards on the server; the window sets up the account in Preferences →
„Synchronisation“, the first sync brings the cards, „Jetzt
synchronisieren“ brings a card added later, and the header says when it
synced.  Then the same field is changed here and on the server: the
contact page shows „Konflikt: Organisation“, keeping the server's value
settles it in the database, „Rückgängig“ brings the conflict back, keeping
this app's value settles it again, and the next sync takes it to the
server.  The same for a journal entry: a favour's description changed on
both sides shows „Konflikt: Beschreibung“ with both values in the
journal, keeping the server's value writes it, „Rückgängig“ brings the
conflict back, and the next sync uploads the value kept; the page of
the contact the entry concerns shows its conflict too.  The server is
davtest's (tests/sync/davtest.py).  Last the password changes on the
server: the header says
„Synchronisation angehalten“ and „Details“ names the reason."""

import base64
import os
import subprocess
import sys
import urllib.request

from bzwtest import App, Atspi, Tap, fail as bzw_fail

# The server as the sync tests start it (tests/sync/davtest.py): Radicale
# with a password on a free port of 127.0.0.1, stopped at exit.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sync"))
import davtest  # noqa: E402

tap = Tap()

home = davtest.make_home()
port = davtest.start_server("radicale", home)


def fail(message):
    davtest.stop_all()
    bzw_fail(message)


# The other client: the command line on a database of its own.
other = os.path.join(home, "other.db")
cli_env = davtest.make_env(home)


def cli(*args):
    r = subprocess.run([os.environ["BZW_BINARY"], f"--database={other}", *args], env=cli_env,
                       capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        fail(f"{args}: {r.stderr.strip()}")
    return r.stdout


def card(given, family, org):
    return (f"BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:{given.lower()}-{family.lower()}\r\n"
            f"FN:{given} {family}\r\nN:{family};{given};;;\r\nORG:{org}\r\n"
            f"EMAIL:{given.lower()}@server.example\r\nEND:VCARD\r\n")


def import_cards(*cards):
    path = os.path.join(home, "cards.vcf")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(cards))
    cli(f"--import={path}")


def button(app, label, root=None, timeout=10.0):
    """A push button whose name starts with @label, underscores left out:
    GTK 4.8 names a button "_Label Label", or its accessible name and its
    label."""
    def look():
        for n in app.find_all(Atspi.Role.PUSH_BUTTON, root=root):
            try:
                if (n.get_name() or "").replace("_", "").startswith(label):
                    return n
            except Exception:
                continue
        return None
    return app.wait(look, f"button „{label}“", timeout)


def other_query(sql, *params):
    import sqlite3
    with sqlite3.connect(other) as db:
        return db.execute(sql, params).fetchall()


def other_execute(sql, *params):
    import sqlite3
    with sqlite3.connect(other) as db:
        db.execute(sql, params)


import_cards(card("Anton", "Abel", "Abel & Söhne"), card("Berta", "Bauer", "Bauer Bau"),
             card("Sven", "Server", "Serverraum eG"))
cli(f"--sync-account=http://{davtest.USER}@127.0.0.1:{port}/")
cli("--sync")
tap.ok("another client puts three cards on the server")

try:
    with App(env={"BZW_SYNC_PASSWORD": "geheim"}) as app:
        # 1. Preferences → „Synchronisation“.
        app.key("ctrl+comma")
        prefs = app.top_level("Einstellungen")
        tab = app.wait(lambda: next((n for n in app.find_all(name="Synchronisation", root=prefs)
                                     if Atspi.Action.get_n_actions(n) > 0), None),
                       "the page „Synchronisation“ in the preferences")
        app.click(tab)
        app.type_text(app.find(Atspi.Role.TEXT, "Serveradresse", root=prefs, contains=True),
                      f"http://127.0.0.1:{port}/")
        app.type_text(app.find(Atspi.Role.TEXT, "Benutzername", root=prefs, contains=True), "anna")
        password = [n for n in app.find_all(root=prefs)
                    if n.get_role() in (Atspi.Role.PASSWORD_TEXT, Atspi.Role.TEXT)
                    and "Passwort" in (n.get_name() or "")]
        if not password:
            fail("no password field")
        app.type_text(password[0], "geheim")
        app.click(button(app, "Verbinden", root=prefs))
        status = app.find_matching(Atspi.Role.LABEL, r"^Verbunden\.", root=prefs, timeout=30)
        account = app.query("SELECT value FROM meta WHERE key = 'sync-account'")
        if account != [(f"http://anna@127.0.0.1:{port}/",)]:
            fail(f"the account in the database: {account}")
        if any("geheim" in str(row) for row in app.query("SELECT key, value FROM meta")):
            fail("the password is in the database")
        app.find(Atspi.Role.LABEL, "Adressbuch", root=prefs, contains=True)
        tap.ok(f"„Verbinden“ finds the address book and keeps the account ({app.name_of(status)[:60]}…)")

        # 2. The first sync runs by itself; the header says so.
        app.find(Atspi.Role.LABEL, "3 Kontakte", timeout=30)
        app.find(Atspi.Role.LABEL, "Gerade synchronisiert", timeout=30)
        app.keys_to("Einstellungen", "Escape")
        app.top_level_gone("Einstellungen")
        tap.ok("the first sync brings the server's three contacts; the header says „Gerade synchronisiert“")

        # 3. „Jetzt synchronisieren“ brings a card added later elsewhere.
        import_cards(card("Doris", "Dach", "Dachdeckerei Dach"))
        cli("--sync")
        app.click(button(app, "Jetzt synchronisieren"))
        app.find(Atspi.Role.LABEL, "4 Kontakte", timeout=30)
        app.find(Atspi.Role.LABEL, "Doris Dach", timeout=10)
        app.find(Atspi.Role.LABEL, "Gerade synchronisiert", timeout=30)
        tap.ok("„Jetzt synchronisieren“ brings a contact added on the server")

        # 4. The same field changed on both sides: a conflict on the page.
        other_execute("UPDATE contacts SET organisation = 'Abel Server GmbH' WHERE family_name = 'Abel'")
        cli("--sync")
        with __import__("sqlite3").connect(app.database) as db:
            db.execute("UPDATE contacts SET organisation = 'Abel Hier AG' WHERE family_name = 'Abel'")
        app.click(button(app, "Jetzt synchronisieren"))

        def conflicted():
            return app.query("SELECT extra FROM contacts WHERE family_name = 'Abel'"
                             " AND extra LIKE '%X-BZW-CONFLICT:ORG:Abel Server GmbH%'")
        app.wait(conflicted, "the conflict in the database", timeout=30)
        Atspi.Selection.select_child(app.find(Atspi.Role.LIST, "Kontakte"), 0)
        app.find(Atspi.Role.LABEL, "Konflikt: Organisation", timeout=15)
        tap.ok("a field changed here and on the server shows „Konflikt: Organisation“ on the page")

        # 5. Keep the server's value; undo; keep this app's value.
        def organisation():
            return app.query("SELECT organisation, coalesce (extra, '') LIKE '%X-BZW-CONFLICT%'"
                             " FROM contacts WHERE family_name = 'Abel'")[0]
        # The toast's „Rückgängig“ lasts a few seconds: it is taken at once.
        app.click(button(app, "Organisation vom Server behalten"))
        undo = app.toast_button("^Konflikt gelöst$")
        app.wait(lambda: organisation() == ("Abel Server GmbH", 0), "the server's value to stay")
        tap.ok("„Organisation vom Server behalten“ settles the conflict in the database")

        app.click(undo)
        app.wait(lambda: organisation() == ("Abel Hier AG", 1), "the conflict to come back")
        app.find(Atspi.Role.LABEL, "Konflikt: Organisation", timeout=10)
        app.click(button(app, "Organisation aus dieser App behalten"))
        app.wait(lambda: organisation() == ("Abel Hier AG", 0), "this app's value to stay")
        app.gone(Atspi.Role.LABEL, "Konflikt: Organisation")
        tap.ok("„Rückgängig“ brings the conflict back; keeping this app's value settles it, on the page too")

        # 6. The settled card goes to the server by itself (a change here
        # starts a sync a few seconds later).
        def arrived():
            cli("--sync")
            return other_query("SELECT organisation FROM contacts WHERE family_name = 'Abel'") == \
                [("Abel Hier AG",)]
        app.wait(arrived, "the settled value on the other client", timeout=40)
        tap.ok("the settled value reaches the other client through the server")

        # 7. A journal entry changed here and on the server: the journal
        # shows both values; keeping the server's settles it in one
        # write, „Rückgängig“ brings the conflict back, and the next sync
        # uploads the value kept.
        other_execute("INSERT INTO favours (uid, created, modified, day, to_id, direction, state, description)"
                      " SELECT 'gefallen-konflikt', 0, 0, '2026-11-02', id, 'offered', 'open', 'Lebenslauf lesen'"
                      " FROM contacts WHERE family_name = 'Bauer'")
        cli("--sync")
        app.click(button(app, "Jetzt synchronisieren"))

        def favour():
            rows = app.query("SELECT description FROM favours WHERE uid = 'gefallen-konflikt'")
            return rows[0][0] if rows else None

        def item_conflict():
            return app.query("SELECT value FROM meta WHERE key = 'caldav-conflict:gefallen-konflikt'")
        app.wait(lambda: favour() == "Lebenslauf lesen", "the favour from the server", timeout=30)
        # The favour is committed while the sync still runs (its push comes
        # after the pull): the change here waits for its end.  The click
        # put the header on „Wird synchronisiert …“ at once.
        app.find(Atspi.Role.LABEL, "Gerade synchronisiert", timeout=30)
        other_execute("UPDATE favours SET description = 'Lebenslauf lesen und kommentieren'"
                      " WHERE uid = 'gefallen-konflikt'")
        cli("--sync")
        with __import__("sqlite3").connect(app.database) as db:
            db.execute("UPDATE favours SET description = 'Lebenslauf gründlich lesen'"
                       " WHERE uid = 'gefallen-konflikt'")
        app.click(button(app, "Jetzt synchronisieren"))
        app.wait(item_conflict, "the journal's conflict in the database", timeout=30)
        # The pull keeps the conflict; the push uploads the value here after
        # it, in the same sync.
        app.find(Atspi.Role.LABEL, "Gerade synchronisiert", timeout=30)
        (href,), = app.query("SELECT href FROM sync_items WHERE uid = 'gefallen-konflikt'")

        def on_server():
            request = urllib.request.Request(f"http://127.0.0.1:{port}{href}")
            token = base64.b64encode(f"{davtest.USER}:{davtest.PASSWORD}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.read().decode("utf-8").replace("\r\n ", "")
        if "Lebenslauf gründlich lesen" not in on_server():
            fail("the value here did not stay on the server until the conflict is settled")

        app.select_view("Journal")
        app.find(Atspi.Role.LABEL, "Hier und auf dem Server geändert", timeout=15)
        app.find(Atspi.Role.LABEL, "Konflikt: Beschreibung", timeout=15)
        app.find(Atspi.Role.LABEL, "Server: Lebenslauf lesen und kommentieren", contains=True, timeout=10)
        what = "Beschreibung (Gefallen: Lebenslauf gründlich lesen)"
        tap.ok("a journal entry changed here and on the server shows both values in the journal")

        # The page of the contact the entry concerns (the favour is for
        # Berta Bauer) shows it too, with the same choice; Anton Abel's
        # page (still open from step 4, built again after the sync, as
        # the journal was) does not.
        journal_group = "Einträge im Journal, hier und auf dem Server geändert"
        app.select_view("Kontakte")
        app.find(Atspi.Role.LABEL, "Abel Hier AG", contains=True)
        app.gone(Atspi.Role.LABEL, journal_group)
        contacts = app.find(Atspi.Role.LIST, "Kontakte")
        Atspi.Selection.clear_selection(contacts)
        Atspi.Selection.select_child(contacts, 1)
        app.find(Atspi.Role.LABEL, journal_group, timeout=15)
        button(app, f"{what} vom Server behalten")
        # Back to Anton Abel: the journal's buttons are then the only ones.
        Atspi.Selection.clear_selection(contacts)
        Atspi.Selection.select_child(contacts, 0)
        app.gone(Atspi.Role.LABEL, journal_group)
        app.select_view("Journal")
        tap.ok("the contact page of the contact the entry concerns shows its conflict, another's does not")

        app.toast_gone("^Konflikt gelöst$")
        app.click(button(app, f"{what} vom Server behalten"))
        undo = app.toast_button("^Konflikt gelöst$")
        app.wait(lambda: favour() == "Lebenslauf lesen und kommentieren" and not item_conflict(),
                 "the server's value to stay")
        app.click(undo)
        app.wait(lambda: favour() == "Lebenslauf gründlich lesen" and item_conflict(),
                 "the journal's conflict to come back")
        app.find(Atspi.Role.LABEL, "Konflikt: Beschreibung", timeout=10)
        app.click(button(app, f"{what} vom Server behalten"))
        app.wait(lambda: favour() == "Lebenslauf lesen und kommentieren" and not item_conflict(),
                 "the server's value to stay again")
        app.gone(Atspi.Role.LABEL, "Konflikt: Beschreibung")
        tap.ok("keeping the server's value settles the entry; „Rückgängig“ brings the conflict back")

        def uploaded():
            app.click(button(app, "Jetzt synchronisieren"))
            app.find(Atspi.Role.LABEL, "Gerade synchronisiert", timeout=30)
            return "Lebenslauf lesen und kommentieren" in on_server()
        app.wait(uploaded, "the settled entry on the server", timeout=60)
        app.select_view("Kontakte")
        tap.ok("the next sync uploads the value kept")

        # 8. The password changes on the server: one clear message, and
        # the sync stops until asked again.
        with open(os.path.join(home, "htpasswd"), "w") as f:
            f.write("anna:anders\n")
        app.click(button(app, "Jetzt synchronisieren"))
        app.find(Atspi.Role.LABEL, "Synchronisation angehalten", timeout=30)
        app.click(button(app, "Details"))
        dialog = app.top_level("Die Synchronisation ist fehlgeschlagen")
        app.find(Atspi.Role.LABEL, "Der Server hat Benutzername oder Passwort von anna abgelehnt.", root=dialog,
                 contains=True)
        app.click(button(app, "Schließen", root=dialog))
        app.top_level_gone("Die Synchronisation ist fehlgeschlagen")
        tap.ok("a refused password: „Synchronisation angehalten“ and „Details“ says why")
finally:
    davtest.stop_all()

tap.done()
