# SPDX-License-Identifier: GPL-3.0-or-later
"""What the sync tests share: a real CardDAV/CalDAV server (Radicale or
Xandikos) started on a free port of 127.0.0.1, a small HTTP proxy in front
of it that can cut connections or answer with an error, the app's command
line and the database read back with sqlite3."""

import atexit
import http.client
import http.server
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

USER = "anna"
PASSWORD = "geheim"
n = 0
_cleanups = []


def ok(description):
    global n
    n += 1
    print(f"ok {n} - {description}", flush=True)


def stop_all():
    while _cleanups:
        _cleanups.pop()()


# A test that ends by an exception leaves no server running.
atexit.register(stop_all)


def fail(message):
    print(f"not ok - {message}", flush=True)
    stop_all()
    sys.exit(1)


def done():
    stop_all()
    print(f"1..{n}")


def skip(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_home():
    home = tempfile.mkdtemp(prefix="bzw-sync-")
    _cleanups.insert(0, lambda: shutil.rmtree(home, ignore_errors=True))
    return home


def _wait_for(port, what):
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    fail(f"{what} did not start")


def start_server(kind, home):
    """Starts Radicale (with a password) or Xandikos (none) on a free port;
    returns the port.  Stopped by done() or fail()."""
    if shutil.which(kind) is None:
        skip(f"{kind} is not installed")
    port = free_port()
    log = open(os.path.join(home, f"{kind}.log"), "w")
    if kind == "radicale":
        with open(os.path.join(home, "htpasswd"), "w") as f:
            f.write(f"{USER}:{PASSWORD}\n")
        config = os.path.join(home, "radicale.conf")
        with open(config, "w") as f:
            f.write(f"""[server]
hosts = 127.0.0.1:{port}
[auth]
type = htpasswd
htpasswd_filename = {home}/htpasswd
htpasswd_encryption = plain
[storage]
filesystem_folder = {home}/storage
[logging]
level = warning
""")
        args = ["radicale", "--config", config]
    elif kind == "xandikos":
        args = ["xandikos", "-d", os.path.join(home, "xandikos"), "-l", "127.0.0.1", "-p", str(port),
                "--defaults", "--current-user-principal", f"/{USER}/"]
    else:
        fail(f"unknown server {kind}")
    server = subprocess.Popen(args, stdout=log, stderr=log)

    def stop():
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    _cleanups.append(stop)
    _wait_for(port, kind)
    return port


class Faults:
    """What the proxy does: cut every request after the first `cut_after`
    (None: never), answer `status` to the requests `match` accepts."""

    def __init__(self):
        self.lock = threading.Lock()
        self.count = 0
        self.cut_after = None
        self.status = None
        self.match = None

    def reset(self, cut_after=None, status=None, match=None):
        with self.lock:
            self.count = 0
            self.cut_after = cut_after
            self.status = status
            self.match = match


def start_proxy(upstream_port):
    """A proxy on a free port of 127.0.0.1 in front of the server; returns
    (port, faults)."""
    faults = Faults()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            with faults.lock:
                faults.count += 1
                cut = faults.cut_after is not None and faults.count > faults.cut_after
                status = faults.status if faults.match and faults.match(self.command, self.path) else None
            if cut:
                # The server is gone: no answer, the connection closed.
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if status is not None:
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
            conn = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
            conn.request(self.command, self.path, body=body, headers=headers)
            answer = conn.getresponse()
            data = answer.read()
            self.send_response(answer.status, answer.reason)
            for k, v in answer.getheaders():
                if k.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            conn.close()

    for method in ("GET", "PUT", "DELETE", "PROPFIND", "REPORT", "MKCOL", "MKCALENDAR", "OPTIONS", "HEAD",
                   "PROPPATCH"):
        setattr(Handler, f"do_{method}", Handler.forward)

    port = free_port()
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    proxy.daemon_threads = True
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    _cleanups.append(lambda: (proxy.shutdown(), proxy.server_close()))
    return port, faults


def make_env(home):
    env = dict(os.environ, LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8", LANGUAGE="", HOME=home,
               XDG_DATA_HOME=os.path.join(home, "data"), GSETTINGS_BACKEND="memory",
               BZW_SYNC_PASSWORD=PASSWORD)
    env.pop("DISPLAY", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


def run(env, db, *args, password=PASSWORD):
    e = dict(env, BZW_SYNC_PASSWORD=password)
    return subprocess.run([os.environ["BZW_BINARY"], f"--database={db}", *args],
                          env=e, capture_output=True, text=True, timeout=300)


def sync(env, db, expect=None):
    """One --sync that must succeed; returns [uploaded, downloaded, conflicts]."""
    start = time.monotonic()
    r = run(env, db, "--sync")
    took = time.monotonic() - start
    if r.returncode != 0:
        fail(f"--sync of {os.path.basename(db)} failed: {r.stderr.strip()}")
    line = r.stdout.strip()
    if "hochgeladen" not in line or "heruntergeladen" not in line or "Konflikte" not in line:
        fail(f"--sync said {line!r}")
    counts = [int(word) for word in line.replace(",", "").split() if word.isdigit()]
    if expect is not None and counts != expect:
        fail(f"--sync of {os.path.basename(db)} said {line!r}, expected {expect}")
    print(f"# --sync of {os.path.basename(db)}: {line} in {took:.2f} s", flush=True)
    return counts


def query(db, sql, *args):
    with sqlite3.connect(db) as c:
        return c.execute(sql, args).fetchall()


def execute(db, sql, *args):
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA foreign_keys = ON")
        c.execute(sql, args)


def integrity(db):
    result = query(db, "PRAGMA integrity_check")
    if result != [("ok",)]:
        fail(f"{os.path.basename(db)} is damaged: {result}")
    fk = query(db, "PRAGMA foreign_key_check")
    if fk:
        fail(f"{os.path.basename(db)} has dangling references: {fk[:3]}")


# The network read back, keyed by UIDs so two databases compare.
NETWORK = {
    "contacts": "SELECT uid, display_name, organisation, offers, seeks, trust, notes FROM contacts",
    "circles": "SELECT c.uid, k.name FROM contact_circles cc JOIN contacts c ON c.id = cc.contact_id"
               " JOIN circles k ON k.id = cc.circle_id",
    "encounters": "SELECT uid, happened_at, channel, place, notes FROM encounters",
    "participants": "SELECT e.uid, c.uid, p.name FROM encounter_participants p JOIN encounters e"
                    " ON e.id = p.encounter_id LEFT JOIN contacts c ON c.id = p.contact_id",
    "favours": "SELECT f.uid, f.day, f.description, f.state, f.direction, f.value_cents, f.due,"
               " a.uid, b.uid, e.uid FROM favours f LEFT JOIN contacts a ON a.id = f.from_id"
               " LEFT JOIN contacts b ON b.id = f.to_id LEFT JOIN encounters e ON e.id = f.encounter_id",
    "referrals": "SELECT r.uid, r.day, r.state, r.effort, r.thanked, r.notes, g.uid, v.uid, x.uid"
                 " FROM referrals r LEFT JOIN contacts g ON g.id = r.giver_id LEFT JOIN contacts v"
                 " ON v.id = r.receiver_id LEFT JOIN contacts x ON x.id = r.referred_id",
    "relationships": "SELECT r.uid, a.uid, b.uid, r.kind, r.strength, r.since, r.note FROM relationships r"
                     " JOIN contacts a ON a.id = r.a_id JOIN contacts b ON b.id = r.b_id",
    "talking_points": "SELECT t.uid, c.uid, t.text, t.done_at IS NOT NULL FROM talking_points t"
                      " JOIN contacts c ON c.id = t.contact_id",
}


def network(db):
    return {part: sorted(query(db, sql), key=repr) for part, sql in NETWORK.items()}


def same_network(db_a, db_b, what):
    a, b = network(db_a), network(db_b)
    for part in NETWORK:
        if a[part] != b[part]:
            only_a = [r for r in a[part] if r not in b[part]]
            only_b = [r for r in b[part] if r not in a[part]]
            fail(f"{what}: {part} differ: {len(only_a)} only in A, e.g. {only_a[:1]};"
                 f" {len(only_b)} only in B, e.g. {only_b[:1]}")
    return a


def n_items(db):
    """Journal entries, relationships and talking points: the calendar's items."""
    return sum(query(db, f"SELECT count(*) FROM {t}")[0][0]
               for t in ("encounters", "favours", "referrals", "relationships", "talking_points"))
