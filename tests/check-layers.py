#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the layering of src/ (src/DESIGN.md) on the sources themselves.

The build already rejects an upward include, because each layer is compiled
with the include directories of the layers below it only; this test says
which file broke the rule and why, and also checks what the compiler cannot:
that no core layer includes GTK or libadwaita, that SQL stays in store/, and
that no source file is longer than MAX_LINES unless a comment near its top
says why ("longer than 800 lines": STYLE.md, Layout).
"""
import pathlib
import re
import sys

LAYERS = ["model", "store", "io", "services", "sync", "map", "print", "views", "app"]
CORE = LAYERS[:LAYERS.index("views")]
GTK_HEADERS = re.compile(r'#include\s*<(gtk/|adwaita\.h|gdk/)')
SQL = re.compile(r'\bsqlite3_|#include\s*<sqlite3\.h>')
INCLUDE = re.compile(r'#include\s*"(bzw-[^"]+\.h)"')
MAX_LINES = 800
LONG_REASON = re.compile(r'longer than 800 lines', re.IGNORECASE)


def main(root):
    src = pathlib.Path(root) / "src"
    home = {}
    for layer in LAYERS:
        for header in (src / layer).glob("*.h"):
            home[header.name] = layer
    problems = []
    for layer in LAYERS:
        folder = src / layer
        if not folder.is_dir():
            problems.append(f"src/{layer}/ is missing")
            continue
        rank = LAYERS.index(layer)
        for path in sorted(folder.rglob("*.[ch]")):
            text = path.read_text(encoding="utf-8")
            name = path.relative_to(root)
            for header in INCLUDE.findall(text):
                other = home.get(header)
                if other is None:
                    continue  # generated headers (resources)
                if LAYERS.index(other) > rank:
                    problems.append(f"{name}: includes {header} of {other}/, a higher layer than {layer}/")
            if layer in CORE and GTK_HEADERS.search(text):
                problems.append(f"{name}: includes GTK, but {layer}/ is part of the GTK-free core")
            if layer != "store" and SQL.search(text):
                problems.append(f"{name}: uses SQLite; SQL stays in store/")
            lines = text.count("\n")
            top = "\n".join(text.split("\n")[:40])
            if lines > MAX_LINES and not LONG_REASON.search(top):
                problems.append(f"{name}: {lines} lines, over {MAX_LINES} without a reason at its top")
    for folder in sorted(p.name for p in src.iterdir() if p.is_dir()):
        if folder not in LAYERS:
            problems.append(f"src/{folder}/ is not a layer of src/DESIGN.md")
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems of layering or size in {len(home)} headers and their sources")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
