#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""build-aux/dev bench: every figure measured side by side in one run.

1. Start-up: time from process start to the first painted frame of the app
   on a database of 10,000 contacts and 50,000 journal entries, against a
   bare libadwaita window built from the same tree (the floor), alternating
   runs, median of each; and the memory in use at that frame.
2. Every `bench-*` program of the build, each printing JSON lines.
3. The CardDAV sync against a local Radicale beside vdirsyncer
   (tests/bench/bench-sync.py; skipped when radicale or vdirsyncer is
   missing).

Prints a table and writes bench-results.json.  Runs under the display and
session bus that build-aux/dev provides; GSK_RENDERER=cairo unless set.

  bench.py [BUILD] [--only start-up|sync|bench-NAME]…

--only runs just the start-up or sync group or just the named bench programs (and
then writes no bench-results.json, which holds the figures of a full run).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser(description="Every figure measured side by side in one run.")
parser.add_argument("build", nargs="?", default="_build-bench", help="the build folder (default: _build-bench)")
parser.add_argument("--only", action="append", metavar="GROUP",
                    help="run only the start-up group or only this bench program (e.g. bench-journal); repeatable")
args = parser.parse_args()

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
build = os.path.join(top, args.build)
runs = int(os.environ.get("BZW_BENCH_RUNS", "10"))
renderer = os.environ.setdefault("GSK_RENDERER", "cairo")
results = []


def add(group, name, value, unit, goal=None, ratio=None):
    row = {"group": group, "name": name, "value": round(value, 2), "unit": unit}
    if goal is not None:
        row["goal"] = goal
    if ratio is not None:
        row["ratio"] = round(ratio, 2)
    results.append(row)
    print(json.dumps(row, ensure_ascii=False), flush=True)


def first_frame(argv, env):
    start = time.monotonic()
    p = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in p.stdout:
        if line.startswith("first-frame"):
            elapsed = (time.monotonic() - start) * 1000.0
            rss = int(line.split()[1]) if len(line.split()) > 1 else 0
            p.wait(timeout=30)
            return elapsed, rss
    p.wait(timeout=30)
    raise RuntimeError(f"{argv[0]} ended without a first frame")


def startup():
    # The synthetic network is 22 MB: gone with the folder after the run.
    with tempfile.TemporaryDirectory(prefix="bzw-bench-") as home:
        measure_startup(home)


def measure_startup(home):
    db = os.path.join(home, "network.db")
    t = time.monotonic()
    # Written in the locale the app runs in, so its sort keys are current.
    subprocess.run([os.path.join(build, "tests", "bench", "make-network"), db, "10000", "50000"], check=True,
                   env=dict(os.environ, LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8"))
    add("start-up", "Synthetic network written (10,000 contacts, 50,000 entries)", time.monotonic() - t, "s")

    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"), GSETTINGS_BACKEND="memory",
               BZW_BENCH_FIRST_FRAME="1", LANG="de_DE.UTF-8")
    app = [os.path.join(build, "src", "app", "beziehungsweise"), f"--database={db}"]
    floor = [os.path.join(build, "tests", "bench", "startup-floor")]

    # One warm-up each so both start from a warm page cache.
    first_frame(app, env)
    first_frame(floor, env)
    app_ms, floor_ms, app_rss, floor_rss = [], [], [], []
    for _ in range(runs):
        ms, rss = first_frame(floor, env)
        floor_ms.append(ms)
        floor_rss.append(rss)
        ms, rss = first_frame(app, env)
        app_ms.append(ms)
        app_rss.append(rss)

    floor_median = statistics.median(floor_ms)
    app_median = statistics.median(app_ms)
    add("start-up", f"First frame, bare libadwaita window (floor), median of {runs}, {renderer}",
        floor_median, "ms")
    add("start-up", f"First frame, Beziehungsweise with 10,000 contacts and 50,000 entries, median of {runs}",
        app_median, "ms", "≤ 1.5× the floor", app_median / floor_median)
    add("start-up", "Memory in use at the first frame, floor", statistics.median(floor_rss) / 1024, "MB")
    add("start-up", "Memory in use at the first frame, Beziehungsweise", statistics.median(app_rss) / 1024, "MB")


def programs():
    found = []
    for root, _, files in os.walk(os.path.join(build, "tests")):
        for name in files:
            path = os.path.join(root, name)
            if name.startswith("bench-") and os.access(path, os.X_OK) and "." not in name:
                found.append(path)
    for path in sorted(found):
        if args.only and os.path.basename(path) not in args.only:
            continue
        print(f"# {os.path.basename(path)}", flush=True)
        p = subprocess.run([path], capture_output=True, text=True, timeout=900, cwd=os.path.dirname(path))
        if p.returncode != 0:
            add("errors", f"{os.path.basename(path)} failed with {p.returncode}", 0, "")
            sys.stderr.write(p.stderr[-2000:])
        for line in p.stdout.splitlines():
            line = line.strip()
            if line.startswith("{"):
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue
                results.append(row)
                print(json.dumps(row, ensure_ascii=False), flush=True)


def sync():
    if shutil.which("radicale") is None or shutil.which("vdirsyncer") is None:
        add("errors", "sync skipped: radicale or vdirsyncer is missing", 0, "")
        return
    print("# bench-sync.py", flush=True)
    p = subprocess.run(["/usr/bin/python3", os.path.join(top, "tests", "bench", "bench-sync.py"), build],
                       capture_output=True, text=True, timeout=3600)
    if p.returncode != 0:
        add("errors", f"bench-sync.py failed with {p.returncode}", 0, "")
        sys.stderr.write(p.stderr[-2000:])
    for line in p.stdout.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            results.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)


def table():
    width = max(len(r["name"]) for r in results) if results else 10
    print()
    print(f"{'group':<10} {'figure':<{width}} {'value':>12}  {'unit':<6} {'goal':<22} ratio")
    print("-" * (width + 64))
    for r in results:
        ratio = f"{r['ratio']:.2f}" if "ratio" in r else ""
        print(f"{r['group']:<10} {r['name']:<{width}} {r['value']:>12.2f}  {r['unit']:<6} {r.get('goal', ''):<22} {ratio}")


if not args.only or "start-up" in args.only:
    startup()
if not args.only or any(name not in ("start-up", "sync") for name in args.only):
    programs()
if not args.only or "sync" in args.only:
    sync()
table()
if args.only:
    sys.exit(0)
with open(os.path.join(top, "bench-results.json"), "w", encoding="utf-8") as f:
    json.dump({"renderer": renderer, "results": results}, f, ensure_ascii=False, indent=2)
print(f"\nwrote {os.path.join(top, 'bench-results.json')}")
