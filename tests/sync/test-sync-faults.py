#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Faults between the app and a real Radicale on 127.0.0.1, made by a
small proxy in front of it: the connection cut after N requests in the
middle of an upload and of a download leaves both databases consistent
(integrity_check, every row that came from the server recorded in the same
transaction as its sync row, so no half-applied batch) and the next sync
converges; 403, 507 and 401 answers give one clear German line and a
non-zero exit.  A server whose certificate this computer does not trust
(a self-signed one, made by the test) is refused with one German line,
and nothing is sent."""

import http.server
import os
import ssl
import subprocess
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from davtest import (ok, fail, done, make_home, start_server, start_proxy, make_env, run, sync,  # noqa: E402
                     query, execute, integrity, same_network, n_items, stop_all, USER)

home = make_home()
server_port = start_server("radicale", home)
proxy_port, faults = start_proxy(server_port)
env = make_env(home)
url = f"http://{USER}@127.0.0.1:{proxy_port}/"
db_a = os.path.join(home, "a.db")
db_b = os.path.join(home, "b.db")


def failing_sync(db, *words):
    """A --sync that must fail with one German line holding @words."""
    r = run(env, db, "--sync")
    lines = r.stderr.strip().splitlines()
    if r.returncode == 0 or len(lines) != 1 or not all(w in lines[0] for w in words):
        fail(f"expected one line with {words}, got {r.returncode} {r.stderr!r} {r.stdout!r}")
    return lines[0]


def consistent(db, fresh):
    """integrity_check; in a database that only received (@fresh), every
    contact and item has its sync row, written in the same transaction."""
    integrity(db)
    if fresh:
        cards = query(db, "SELECT count(*) FROM sync_cards")[0][0]
        items = query(db, "SELECT count(*) FROM sync_items WHERE kind NOT LIKE 'occasion%'")[0][0]
        contacts = query(db, "SELECT count(*) FROM contacts")[0][0]
        if (contacts, n_items(db)) != (cards, items):
            fail(f"half-applied: {contacts} contacts for {cards} synced cards, "
                 f"{n_items(db)} items for {items} synced items")
        return contacts, n_items(db)
    return None


try:
    r = run(env, db_a, "--demo", f"--sync-account={url}")
    if r.returncode != 0:
        fail(f"--demo --sync-account failed: {r.stderr}")
    execute(db_a, "DELETE FROM encounters WHERE id NOT IN (SELECT id FROM encounters ORDER BY id LIMIT 80)")
    execute(db_a, "DELETE FROM relationships WHERE id NOT IN (SELECT id FROM relationships ORDER BY id LIMIT 40)")
    total = query(db_a, "SELECT count(*) FROM contacts")[0][0] + n_items(db_a)

    # Cut in the contacts' upload; a server that makes no calendar; a cut
    # in the journal's upload.
    faults.reset(cut_after=40)
    line = failing_sync(db_a, "antwortet nicht")
    consistent(db_a, False)
    ok(f"A's upload cut after 40 requests: exit non-zero, one line ({line[:60]} …), database intact")
    faults.reset(status=501, match=lambda method, path: method == "MKCALENDAR")
    line = failing_sync(db_a, "Kontakte sind abgeglichen", "Kalender")
    if query(db_a, "SELECT count(*) FROM sync_cards")[0][0] != query(db_a, "SELECT count(*) FROM contacts")[0][0]:
        fail("the contacts were not all synced before the calendar failed")
    ok(f"no calendar on the server: {line}")
    faults.reset(cut_after=60)
    line = failing_sync(db_a, "antwortet nicht")
    consistent(db_a, False)
    if query(db_a, "SELECT count(*) FROM sync_items")[0][0] == 0:
        fail("the cut journal upload recorded nothing of what it uploaded")
    ok("A's journal upload cut after 60 requests: exit non-zero, the items uploaded so far recorded")
    faults.reset()
    up, _, _ = sync(env, db_a)
    if up == 0 or up > total:
        fail(f"the sync after the cuts uploaded {up} of {total}")
    sync(env, db_a, [0, 0, 0])
    ok(f"the next sync of A converges ({up} of {total} still to upload), then has nothing to do")

    # Cut B's download after every 5 requests until a sync gets through:
    # each round keeps the batches it applied whole and gets further.
    run(env, db_b, f"--sync-account={url}")
    seen = []
    for _ in range(20):
        faults.reset(cut_after=5)
        r = run(env, db_b, "--sync")
        seen.append(consistent(db_b, True))
        if r.returncode == 0:
            break
        if len(r.stderr.strip().splitlines()) != 1 or "antwortet nicht" not in r.stderr:
            fail(f"a cut download said {r.stderr!r}")
    else:
        fail(f"B's download does not get through cuts after 5 requests: {seen}")
    faults.reset()
    if len(seen) < 3 or len(set(seen)) < 3:
        fail(f"the cuts did not stop B's download in different places: {seen}")
    same_network(db_a, db_b, "after the cut downloads")
    sync(env, db_b, [0, 0, 0])
    ok(f"B's download, cut after every 5 requests, never half-applies a batch and gets further each time "
       f"(contacts, items: {seen}); then B has A's whole network")

    enc = query(db_a, "SELECT uid FROM encounters ORDER BY uid LIMIT 1")[0][0]
    execute(db_a, "UPDATE encounters SET notes = 'Nach dem Ausfall' WHERE uid = ?", enc)
    faults.reset(status=403, match=lambda method, path: method == "PUT" and path.endswith(".ics"))
    line = failing_sync(db_a, "Kalender", "erlaubt")
    ok(f"403 on the calendar: {line}")
    faults.reset(status=507, match=lambda method, path: method == "PUT" and path.endswith(".ics"))
    line = failing_sync(db_a, "Kalender", "Platz")
    ok(f"507 on the calendar: {line}")
    faults.reset(status=401, match=lambda method, path: "beziehungsweise" in path)
    line = failing_sync(db_a, "Passwort")
    ok(f"401 on the calendar: {line}")
    faults.reset(status=403, match=lambda method, path: method == "PROPFIND")
    line = failing_sync(db_a, "erlaubt")
    ok(f"403 on the first request: {line}")
    consistent(db_a, False)
    faults.reset()
    sync(env, db_a, [1, 0, 0])
    sync(env, db_b, [0, 1, 0])
    same_network(db_a, db_b, "after the refused uploads")
    if query(db_b, "SELECT notes FROM encounters WHERE uid = ?", enc) != [("Nach dem Ausfall",)]:
        fail("the edit refused before did not arrive")
    ok("after the refusals the next sync uploads the edit and B gets it")

    # HTTPS with a self-signed certificate: refused, never passed over.
    key, cert = os.path.join(home, "key.pem"), os.path.join(home, "cert.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PROPFIND(self):
            seen.append(self.path)
            self.send_response(207)
            self.end_headers()

        def log_message(self, *args):
            pass

    tls = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    tls.socket = context.wrap_socket(tls.socket, server_side=True)
    threading.Thread(target=tls.serve_forever, daemon=True).start()
    db_c = os.path.join(home, "c.db")
    r = run(env, db_c, f"--sync-account=https://{USER}@127.0.0.1:{tls.server_address[1]}/")
    if r.returncode != 0:
        fail(f"--sync-account with https failed: {r.stderr}")
    line = failing_sync(db_c, "Zertifikat", "nicht anerkannt")
    tls.shutdown()
    if seen:
        fail(f"the app sent requests past the refused certificate: {seen}")
    ok(f"a self-signed certificate is refused, nothing sent: {line}")
finally:
    stop_all()

done()
