#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The CardDAV sync against a real Radicale on 127.0.0.1, beside vdirsyncer
on the same server (run by build-aux/bench.py; prints JSON lines).

1. First sync of 1,000 contacts into an empty database, beside vdirsyncer's
   first download of the same address book into an empty folder, taken in
   turns, median of each (goal: not slower).
2. A sync with nothing to do over 10,000 contacts (goal ≤ 1 s).
3. One contact changed among 10,000, here and on the server (goal ≤ 0.5 s).

Times are of the whole `beziehungsweise --sync` process, start-up
included, with its CPU time and the server's share beside them: the time
its requests waited for Radicale's answers (BZW_SYNC_STATS), so what the
client costs is the rest.  For the sync with nothing to do the server's
floor is shown too: the same PROPFIND of the address book's ctag sent by a
bare HTTP client.  The cards (the synthetic network of make-network, as the app
writes vCards) are put straight into Radicale's storage, so the setup does
not wait for 10,000 uploads; Radicale's first listing of them (its cache,
minutes on a loaded machine) is made before anything is measured.

  bench-sync.py BUILD
"""

import json
import os
import resource
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

build = sys.argv[1]
runs = int(os.environ.get("BZW_BENCH_SYNC_RUNS", "3"))
binary = os.path.join(build, "src", "app", "beziehungsweise")


def add(name, value, unit, goal=None, ratio=None):
    row = {"group": "sync", "name": name, "value": round(value, 2), "unit": unit}
    if goal is not None:
        row["goal"] = goal
    if ratio is not None:
        row["ratio"] = round(ratio, 2)
    print(json.dumps(row, ensure_ascii=False), flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def counts(line):
    """Uploaded, downloaded, conflicts of the line --sync prints."""
    return [int(word) for word in line.replace(",", " ").split() if word.isdigit()]


def split_cards(path):
    cards, current = [], []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            current.append(line)
            if line.startswith("END:VCARD"):
                cards.append("".join(current))
                current = []
    return cards


def make_collection(storage, name, cards):
    folder = os.path.join(storage, "collection-root", "anna", name)
    os.makedirs(folder)
    with open(os.path.join(folder, ".Radicale.props"), "w") as f:
        json.dump({"tag": "VADDRESSBOOK", "D:displayname": name}, f)
    for i, card in enumerate(cards):
        with open(os.path.join(folder, f"{i:05d}.vcf"), "w", encoding="utf-8", newline="") as f:
            f.write(card)
    return f"/anna/{name}/"


class Bench:
    def __init__(self, home):
        self.home = home
        self.env = dict(os.environ, LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8", HOME=home,
                        XDG_DATA_HOME=os.path.join(home, "data"), GSETTINGS_BACKEND="memory",
                        BZW_SYNC_PASSWORD="geheim", BZW_SYNC_STATS="1")
        self.env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self.port = free_port()
        self.server = None

    def app(self, db, *args):
        start = time.monotonic()
        cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        r = subprocess.run([binary, f"--database={db}", *args], env=self.env, capture_output=True,
                           text=True, timeout=900)
        took = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
        if r.returncode != 0:
            raise RuntimeError(f"{args} failed: {r.stderr.strip()}")
        said = dict(line.split(": ", 1) for line in r.stderr.splitlines() if ": " in line)
        requests = int(said.get("requests", "0"))
        # BZW_SYNC_STATS: the time the requests waited for the server's answers.
        self.server_s = float(said.get("server", "0 s").split()[0])
        return took, requests, r.stdout.strip()

    def account(self, db, book):
        self.app(db, f"--sync-account=http://anna@127.0.0.1:{self.port}/")
        with sqlite3.connect(db) as c:
            c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync-addressbook', ?)", (book,))

    def start(self):
        config = os.path.join(self.home, "radicale.conf")
        with open(config, "w") as f:
            f.write(f"[server]\nhosts = 127.0.0.1:{self.port}\n[auth]\ntype = none\n"
                    f"[storage]\nfilesystem_folder = {self.home}/storage\n[logging]\nlevel = warning\n")
        self.server = subprocess.Popen(["radicale", "--config", config], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=2)
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("Radicale did not start")
                time.sleep(0.2)

    def stop(self):
        if self.server is not None and self.server.poll() is None:
            self.server.send_signal(signal.SIGTERM)
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()

    def request(self, method, path, body, depth):
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=body.encode(), method=method,
                                     headers={"Depth": depth, "Content-Type": "application/xml"})
        start = time.monotonic()
        urllib.request.urlopen(req, timeout=1800).read()
        return time.monotonic() - start

    def warm(self, book):
        """Radicale's first listing and first sync-token of a collection."""
        self.request("PROPFIND", book, '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/>'
                     '</d:prop></d:propfind>', "1")
        self.request("REPORT", book, '<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token/>'
                     '<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>', "1")

    def ctag_floor(self, book):
        return self.request("PROPFIND", book, '<?xml version="1.0"?><d:propfind xmlns:d="DAV:" xmlns:cs='
                            '"http://calendarserver.org/ns/"><d:prop><cs:getctag/></d:prop></d:propfind>', "0")

    def vdirsyncer(self, book, folder):
        status = folder + ".status"
        config = folder + ".conf"
        with open(config, "w") as f:
            f.write(f'[general]\nstatus_path = "{status}"\n\n[pair p]\na = "ordner"\nb = "server"\n'
                    f'collections = null\n\n[storage ordner]\ntype = "filesystem"\npath = "{folder}"\n'
                    f'fileext = ".vcf"\n\n[storage server]\ntype = "carddav"\n'
                    f'url = "http://127.0.0.1:{self.port}{book}"\nusername = "anna"\npassword = "x"\n')
        os.makedirs(folder)
        r = subprocess.run(["vdirsyncer", "-c", config, "discover", "p"], env=self.env, input="y\n" * 4,
                           capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            raise RuntimeError(f"vdirsyncer discover failed: {r.stderr[-1500:]}")
        start = time.monotonic()
        r = subprocess.run(["vdirsyncer", "-c", config, "sync"], env=self.env, capture_output=True,
                           text=True, timeout=900)
        took = time.monotonic() - start
        if r.returncode != 0:
            raise RuntimeError(f"vdirsyncer failed: {r.stderr[-1500:]}")
        n = len([name for name in os.listdir(folder) if name.endswith(".vcf")])
        return took, n


def first_sync(bench, small, n_small):
    app_s, vdir_s, cpu, server = [], [], [], []
    for i in range(runs):
        took, n = bench.vdirsyncer(small, os.path.join(bench.home, f"folder-{i}"))
        if n != n_small:
            raise RuntimeError(f"vdirsyncer brought {n} of {n_small} cards")
        vdir_s.append(took)
        db = os.path.join(bench.home, f"first-{i}.db")
        bench.account(db, small)
        took, requests, line = bench.app(db, "--sync")
        with sqlite3.connect(db) as c:
            if c.execute("SELECT count(*) FROM contacts").fetchone()[0] != n_small:
                raise RuntimeError(f"the first sync brought {line}")
        app_s.append(took)
        cpu.append(bench.cpu)
        server.append(bench.server_s)
    vdir = statistics.median(vdir_s)
    app = statistics.median(app_s)
    add(f"First download of {n_small:,} contacts, vdirsyncer (floor), median of {runs}", vdir, "s")
    add(f"First sync of {n_small:,} contacts, Beziehungsweise ({requests} requests), median of {runs}",
        app, "s", "≤ 1× vdirsyncer", app / vdir)
    add("… its CPU time", statistics.median(cpu), "s")
    add("… of which waiting for the server", statistics.median(server), "s")


def changed_one(bench, db, big):
    here, there, cpu_here, cpu_there, server_here, server_there = [], [], [], [], [], []
    with sqlite3.connect(db) as c:
        uid, = c.execute("SELECT uid FROM contacts ORDER BY uid LIMIT 1").fetchone()
        href, = c.execute("SELECT href FROM sync_cards ORDER BY uid DESC LIMIT 1").fetchone()
    for i in range(runs):
        with sqlite3.connect(db) as c:
            c.execute("UPDATE contacts SET role = ? WHERE uid = ?", (f"Rolle {i}", uid))
        took, requests_here, line = bench.app(db, "--sync")
        if counts(line)[0] != 1:
            raise RuntimeError(f"a change here gave {line}")
        here.append(took)
        cpu_here.append(bench.cpu)
        server_here.append(bench.server_s)

        get = urllib.request.Request(f"http://127.0.0.1:{bench.port}{href}")
        card = urllib.request.urlopen(get, timeout=60).read().decode()
        card = card.replace("END:VCARD", f"NOTE:Notiz {i}\r\nEND:VCARD") if "NOTE:" not in card else \
            "\n".join(f"NOTE:Notiz {i}" if l.startswith("NOTE:") else l for l in card.split("\n"))
        put = urllib.request.Request(f"http://127.0.0.1:{bench.port}{href}", data=card.encode(), method="PUT",
                                     headers={"Content-Type": "text/vcard; charset=utf-8"})
        urllib.request.urlopen(put, timeout=60).read()
        took, requests_there, line = bench.app(db, "--sync")
        if counts(line)[1] != 1:
            raise RuntimeError(f"a change on the server gave {line}")
        there.append(took)
        cpu_there.append(bench.cpu)
        server_there.append(bench.server_s)
    add(f"Sync of one contact changed here among 10,000 ({requests_here} requests), median of {runs}",
        statistics.median(here), "s", "≤ 0.5 s", statistics.median(here) / 0.5)
    add("… its CPU time", statistics.median(cpu_here), "s")
    add("… of which waiting for the server", statistics.median(server_here), "s")
    add(f"Sync of one contact changed on the server among 10,000 ({requests_there} requests), median of {runs}",
        statistics.median(there), "s", "≤ 0.5 s", statistics.median(there) / 0.5)
    add("… its CPU time", statistics.median(cpu_there), "s")
    add("… of which waiting for the server", statistics.median(server_there), "s")


def big_sync(bench, big, n_big):
    db = os.path.join(bench.home, "big.db")
    bench.account(db, big)
    took, requests, line = bench.app(db, "--sync")
    add(f"First sync of {n_big:,} contacts, Beziehungsweise ({requests} requests)", took, "s")
    bench.app(db, "--sync")
    times, cpu, floor, server = [], [], [], []
    for _ in range(max(runs, 5)):
        floor.append(bench.ctag_floor(big))
        took, requests, line = bench.app(db, "--sync")
        if counts(line) != [0, 0, 0]:
            raise RuntimeError(f"a sync with nothing to do said {line}")
        times.append(took)
        cpu.append(bench.cpu)
        server.append(bench.server_s)
    add(f"Radicale's answer to the ctag PROPFIND over {n_big:,} cards alone (server floor), median of "
        f"{max(runs, 5)}", statistics.median(floor), "s")
    add(f"Sync with nothing to do over {n_big:,} contacts ({requests} requests), median of {max(runs, 5)}",
        statistics.median(times), "s", "≤ 1 s", statistics.median(times) / 1.0)
    add("… its CPU time (process start to exit)", statistics.median(cpu), "s")
    add("… of which waiting for the server (both ctags)", statistics.median(server), "s")
    add("… the client's own share (the whole sync less the waiting)",
        statistics.median([t - w for t, w in zip(times, server)]), "s")
    changed_one(bench, db, big)


def main():
    with tempfile.TemporaryDirectory(prefix="bzw-bench-sync-", ignore_cleanup_errors=True) as home:
        bench = Bench(home)
        network = os.path.join(home, "network.db")
        subprocess.run([os.path.join(build, "tests", "bench", "make-network"), network, "10000", "0"],
                       check=True, env=bench.env)
        vcf = os.path.join(home, "network.vcf")
        bench.app(network, f"--export-vcard={vcf}")
        cards = [c for c in split_cards(vcf) if "KIND:group" not in c]
        small = make_collection(os.path.join(home, "storage"), "klein", cards[:1000])
        big = make_collection(os.path.join(home, "storage"), "gross", cards[:10000])
        bench.start()
        try:
            # Radicale's caches first, so both clients meet a warm server.
            bench.warm(small)
            bench.warm(big)
            first_sync(bench, small, len(cards[:1000]))
            big_sync(bench, big, len(cards[:10000]))
        finally:
            bench.stop()


main()
