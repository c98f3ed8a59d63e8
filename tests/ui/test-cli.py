#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line: options that write a file run without a window, exit
non-zero with a clear German message on bad input, and never leave a
half-written file or a changed database behind."""

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

n = 0


def ok(description):
    global n
    n += 1
    print(f"ok {n} - {description}", flush=True)


def fail(message):
    print(f"not ok - {message}", flush=True)
    sys.exit(1)


home = tempfile.mkdtemp(prefix="bzw-cli-")
env = dict(os.environ, LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8", LANGUAGE="", HOME=home,
           XDG_DATA_HOME=os.path.join(home, "data"), GSETTINGS_BACKEND="memory")
env.pop("DISPLAY", None)
env.pop("WAYLAND_DISPLAY", None)


def run(*args):
    return subprocess.run([os.environ["BZW_BINARY"], *args], env=env, capture_output=True, text=True, timeout=120)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def count(db, table):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        return c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


p = run("--version")
if p.returncode != 0 or not re.match(r"^Beziehungsweise \d+\.\d+\.\d+$", p.stdout.strip()):
    fail(f"--version printed {p.stdout!r}")
ok("--version prints the version")

db = os.path.join(home, "a.db")
pdf = os.path.join(home, "overview.pdf")
p = run(f"--database={db}", "--demo", f"--print-overview={pdf}")
if p.returncode != 0 or not os.path.exists(pdf):
    fail(f"--demo --print-overview failed: {p.stderr}")
if os.stat(db).st_mode & 0o777 != 0o600:
    fail("the database is not private")
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
if pages < 2 or "A4" not in info:
    fail(f"unexpected PDF: {info}")
ok(f"--demo fills the database and --print-overview writes an A4 PDF of {pages} pages")

def pdf_text(path, page):
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-raw", "-enc", "UTF-8", path, "-"],
                          capture_output=True, text=True).stdout


# A German address book: by family name, titles left out.
text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout
lines = text.splitlines()
heading_b, heading_c = lines.index("B"), lines.index("C")
brandt = next(i for i, line in enumerate(lines) if "Dr. Heike Brandt" in line)
if not heading_b < brandt < heading_c:
    fail(f"„Dr. Heike Brandt“ is printed at line {brandt}, not under „B“ ({heading_b}–{heading_c})")
ok("the overview lists „Dr. Heike Brandt“ under B: by family name, the title left out")

with_map = os.path.join(home, "overview-map.pdf")
p = run(f"--database={db}", f"--print-overview={with_map}", "--print-map-page")
if p.returncode != 0 or not os.path.exists(with_map):
    fail(f"--print-overview --print-map-page failed: {p.stderr}")
info = subprocess.run(["pdfinfo", with_map], capture_output=True, text=True).stdout
map_pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
last = pdf_text(with_map, map_pages)
if map_pages != pages + 1 or "Beziehungskarte" not in last:
    fail(f"--print-map-page: {map_pages} pages after {pages}, last page {last[:200]!r}")
with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
    names = [r[0] for r in c.execute("SELECT given_name || ' ' || family_name FROM contacts"
                                     " WHERE given_name IS NOT NULL AND family_name IS NOT NULL")]
shown = [name for name in names if name in last]
if len(shown) < 10:
    fail(f"the map page shows {len(shown)} names of the network: {last[:400]!r}")
ok(f"--print-overview --print-map-page adds the map with {len(shown)} names as page {map_pages}")

before = digest(db)
p = run(f"--database={db}", "--demo")
if p.returncode == 0 or "leere Datenbank" not in p.stderr or digest(db) != before:
    fail(f"--demo on a full database: exit {p.returncode}, {p.stderr!r}")
ok("--demo refuses a database that has data, in German, and changes nothing")

bad = os.path.join(home, "overview.txt")
p = run(f"--database={db}", f"--print-overview={bad}")
if p.returncode == 0 or os.path.exists(bad) or "„" not in p.stderr:
    fail("--print-overview accepted a file that is not a PDF")
ok("--print-overview refuses a name that is not .pdf and writes nothing")

# The meeting brief of one contact: one A4 page with the name, by full
# name or by a word that finds only that contact.
brief = os.path.join(home, "brief.pdf")
p = run(f"--database={db}", f"--print-briefing={brief}", "--briefing-contact=Dr. Heike Brandt")
if p.returncode != 0 or not os.path.exists(brief) or os.stat(brief).st_mode & 0o777 != 0o600:
    fail(f"--print-briefing failed: {p.stderr}")
info = subprocess.run(["pdfinfo", brief], capture_output=True, text=True).stdout
text = " ".join(pdf_text(brief, 1).split())
if "Pages: 1" not in " ".join(info.split()) or "A4" not in info or "Dr. Heike Brandt" not in text \
        or "GESPRÄCHSVORBEREITUNG" not in text or "Letzte Begegnungen" not in text:
    fail(f"--print-briefing wrote {info!r}: {text[:300]!r}")
ok("--print-briefing --briefing-contact writes the brief of one contact on one A4 page, 0600")

for args, why in (([f"--print-briefing={brief}.2.pdf"], "braucht --briefing-contact"),
                  (["--briefing-contact=Heike"], "nur zusammen mit --print-briefing"),
                  ([f"--print-briefing={brief}.2.pdf", "--briefing-contact=Niemand Unbekannt"],
                   "keinen Kontakt namens „Niemand Unbekannt“")):
    p = run(f"--database={db}", *args)
    if p.returncode == 0 or why not in p.stderr or os.path.exists(f"{brief}.2.pdf"):
        fail(f"{args}: exit {p.returncode}, {p.stderr!r}")
ok("--print-briefing without a contact, --briefing-contact alone and an unknown name fail in German, "
   "writing nothing")

vcf = os.path.join(home, "all.vcf")
p = run(f"--database={db}", f"--export-vcard={vcf}")
contacts = count(db, "contacts")
with open(vcf, encoding="utf-8") as f:
    text = f.read()
if p.returncode != 0 or text.count("BEGIN:VCARD") != contacts or "VERSION:4.0" not in text:
    fail("--export-vcard did not write every contact as vCard 4.0")
if os.stat(vcf).st_mode & 0o777 != 0o600:
    fail("the vCard file is not private")
ok(f"--export-vcard writes all {contacts} contacts as vCard 4.0, mode 0600")

vcf3 = os.path.join(home, "all-3.0.vcf")
p = run(f"--database={db}", f"--export-vcard={vcf3}", "--vcard-version=3.0")
with open(vcf3, encoding="utf-8") as f:
    text3 = f.read()
if p.returncode != 0 or text3.count("BEGIN:VCARD") != contacts or text3.count("VERSION:3.0") != contacts \
        or "VERSION:4.0" in text3:
    fail(f"--vcard-version=3.0 did not write every contact as vCard 3.0: {p.stderr!r}")
# One circle: its contacts only, by name in any case, in the version asked for.
with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
    circle, wanted = c.execute("SELECT ci.name, count(*) FROM circles ci JOIN contact_circles cc"
                               " ON cc.circle_id = ci.id GROUP BY ci.id ORDER BY count(*) DESC LIMIT 1").fetchone()
    members = sorted(r[0] for r in c.execute("SELECT co.uid FROM contacts co JOIN contact_circles cc"
                                             " ON cc.contact_id = co.id JOIN circles ci ON ci.id = cc.circle_id"
                                             " WHERE ci.name = ?", (circle,)))
in_circle = os.path.join(home, "circle.vcf")
p = run(f"--database={db}", f"--export-vcard={in_circle}", f"--export-circle={circle.upper()}",
        "--vcard-version=3.0")
with open(in_circle, encoding="utf-8") as f:
    text_circle = f.read()
uids = sorted(u.removeprefix("urn:uuid:") for u in re.findall(r"^UID:(.*?)\r?$", text_circle, re.M))
if p.returncode != 0 or text_circle.count("BEGIN:VCARD") != wanted or uids != members \
        or text_circle.count("VERSION:3.0") != wanted:
    fail(f"--export-circle={circle.upper()} wrote {text_circle.count('BEGIN:VCARD')} cards for {wanted} members:"
         f" {p.stderr!r}")
nowhere = os.path.join(home, "nowhere.vcf")
p = run(f"--database={db}", f"--export-vcard={nowhere}", "--export-circle=Gibt es nicht")
if p.returncode == 0 or os.path.exists(nowhere) or "Kreis" not in p.stderr:
    fail(f"an unknown circle was not refused: {p.returncode}, {p.stderr!r}")
p = run(f"--database={db}", "--export-circle=Familie")
if p.returncode == 0 or "--export-vcard" not in p.stderr:
    fail(f"--export-circle without --export-vcard was not refused: {p.returncode}, {p.stderr!r}")
ok(f"--export-circle=„{circle.upper()}“ writes the {wanted} contacts of that circle; an unknown circle is refused")

fresh3 = os.path.join(home, "c.db")
p = run(f"--database={fresh3}", f"--import={vcf3}")
if p.returncode != 0 or count(fresh3, "contacts") != contacts:
    fail(f"the vCard 3.0 export read back {count(fresh3, 'contacts')} of {contacts}: {p.stderr}")
bad3 = os.path.join(home, "bad.vcf")
p = run(f"--database={db}", f"--export-vcard={bad3}", "--vcard-version=2.1")
if p.returncode == 0 or os.path.exists(bad3) or "4.0 oder 3.0" not in p.stderr:
    fail(f"--vcard-version=2.1 was not refused: {p.returncode}, {p.stderr!r}")
ok("--vcard-version=3.0 writes vCard 3.0 that reads back whole; an unknown version is refused")

fresh = os.path.join(home, "b.db")
p = run(f"--database={fresh}", f"--import={vcf}")
if p.returncode != 0 or count(fresh, "contacts") != contacts:
    fail(f"--import brought {count(fresh, 'contacts')} of {contacts}: {p.stderr}")
p = run(f"--database={fresh}", f"--import={vcf}")
if p.returncode != 0 or count(fresh, "contacts") != contacts or f"{contacts} zusammengeführt" not in p.stdout:
    fail(f"a second import did not merge: {p.stdout!r}")
ok("--import reads the export back whole, and a second import merges instead of doubling")

binary = os.path.join(home, "photo.csv")
with open(binary, "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 100)
p = run(f"--database={fresh}", f"--import={binary}")
lines = p.stderr.strip().splitlines()
if p.returncode == 0 or len(lines) != 1 or "Binärdaten" not in lines[0] or count(fresh, "contacts") != contacts:
    fail(f"a binary file named .csv: exit {p.returncode}, {len(lines)} lines: {p.stderr[:300]!r}")
unreadable = os.path.join(home, "unreadable.vcf")
with open(unreadable, "w", encoding="utf-8") as f:
    f.write("BEGIN:VCARD\nVERSION:3.0\nNOTE:nur eine Notiz\nEND:VCARD\n")
p = run(f"--database={fresh}", f"--import={unreadable}")
if p.returncode == 0 or "Kein Kontakt der Datei konnte gelesen werden. Zeile 1" not in p.stderr:
    fail(f"a file without one readable card: exit {p.returncode}, {p.stderr!r}")
ok("a binary file is refused with one German sentence, and a file without one readable card fails")

svg = os.path.join(home, "map.svg")
p = run(f"--database={db}", f"--export-map={svg}")
with open(svg, encoding="utf-8") as f:
    drawing = f.read()
# Names that find no free place are left out (the map declutters); most
# of the example network's are there.
with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
    names = [n for (n,) in c.execute("SELECT given_name || ' ' || family_name FROM contacts"
                                     " WHERE archived = 0 AND given_name IS NOT NULL AND family_name IS NOT NULL")]
named = [n for n in names if n in drawing]
if p.returncode != 0 or len(named) < len(names) * 0.4:
    fail(f"--export-map did not write the map with its labels: {len(named)} of {len(names)} names")
gif = os.path.join(home, "map.gif")
p = run(f"--database={db}", f"--export-map={gif}")
if p.returncode == 0 or os.path.exists(gif):
    fail("--export-map accepted .gif")
ok("--export-map writes an SVG with the names and refuses an unknown format")

foreign = os.path.join(home, "notes.txt")
with open(foreign, "w", encoding="utf-8") as f:
    f.write("Einkaufsliste\n")
before = digest(foreign)
p = run(f"--database={foreign}", f"--print-overview={pdf}")
if p.returncode == 0 or "keine Beziehungsweise-Datenbank" not in p.stderr or digest(foreign) != before:
    fail(f"a foreign file: {p.stderr!r}")
if os.path.exists(foreign + "-wal") or os.path.exists(foreign + "-journal"):
    fail("files were created next to a foreign file")
ok("a file that is not a database is refused in German and left byte for byte")

# The exports only read: on a database the user may not write they work,
# and leave it as it was.  Tests run as root in CI, where every file is
# writable, so the exports run as the unprivileged user nobody there.
ro_dir = tempfile.mkdtemp(prefix="bzw-cli-ro-")
out_dir = tempfile.mkdtemp(prefix="bzw-cli-out-")
ro_db = os.path.join(ro_dir, "beziehungsweise.db")
with sqlite3.connect(db) as src, sqlite3.connect(ro_db) as dst:
    src.backup(dst)
os.chmod(ro_db, 0o444)
os.chmod(ro_dir, 0o555)
os.chmod(out_dir, 0o777)
before = digest(ro_db)
as_user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
ro_env = dict(env, HOME=out_dir, XDG_DATA_HOME=os.path.join(out_dir, "data"))
for option, name in (("--print-overview", "overview.pdf"), ("--export-map", "map.png"),
                     ("--export-vcard", "contacts.vcf")):
    out = os.path.join(out_dir, name)
    p = subprocess.run([*as_user, os.environ["BZW_BINARY"], f"--database={ro_db}", f"{option}={out}"],
                       env=ro_env, capture_output=True, text=True, timeout=120)
    if p.returncode != 0 or not os.path.exists(out) or os.path.getsize(out) == 0:
        fail(f"{option} on a read-only database: {p.returncode} {p.stderr!r}")
    if os.stat(out).st_mode & 0o777 != 0o600:
        fail(f"{option} wrote {name} with mode {os.stat(out).st_mode & 0o777:o}, not 600")
if digest(ro_db) != before or sorted(os.listdir(ro_dir)) != ["beziehungsweise.db"]:
    fail(f"the read-only database was changed: {os.listdir(ro_dir)}")
ok("--print-overview, --export-map and --export-vcard work on a read-only database and write 0600")

missing = os.path.join(home, "tippfehler.db")
p = run(f"--database={missing}", f"--print-overview={pdf}")
if p.returncode == 0 or os.path.exists(missing) or "gibt es nicht" not in p.stderr:
    fail(f"--print-overview with a mistyped --database: {p.returncode} {p.stderr!r}")
ok("--print-overview with a mistyped --database creates no database")

other = os.path.join(home, "other-app.db")
with sqlite3.connect(other) as o:
    o.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    o.execute("PRAGMA user_version = 3")
before = digest(other)
p = run(f"--database={other}", f"--export-vcard={os.path.join(home, 'other.vcf')}")
if p.returncode == 0 or "keine Beziehungsweise-Datenbank" not in p.stderr or "neueren" in p.stderr \
   or digest(other) != before:
    fail(f"another program's SQLite file with user_version 3: {p.stderr!r}")
ok("another program's SQLite file with a higher user_version is called foreign, not newer")

trap = os.path.join(home, "trap.db")
with sqlite3.connect(db) as src, sqlite3.connect(trap) as dst:
    src.backup(dst)
with sqlite3.connect(trap) as t:
    t.execute("CREATE TABLE loot (body TEXT)")
    t.execute("CREATE TRIGGER steal AFTER INSERT ON encounters BEGIN"
              " INSERT INTO loot SELECT notes FROM contacts; END")
    t.execute("CREATE VIEW everything AS SELECT * FROM contacts")
before = digest(trap)
p = run(f"--database={trap}", f"--export-vcard={os.path.join(home, 'trap.vcf')}")
if p.returncode == 0 or "keine Beziehungsweise-Datenbank" not in p.stderr or digest(trap) != before:
    fail(f"a database with a foreign trigger and view: {p.stderr!r}")
ok("a database with a trigger or view that is not ours is refused as foreign")

# The dates of the network for the user's calendar, read with a real
# iCalendar parser: every birthday a yearly event, stable UIDs, 0600.
import icalendar  # noqa: E402  (python3-icalendar, installed by build-aux/dev)
ics = os.path.join(home, "termine.ics")
p = run(f"--database={db}", f"--export-calendar={ics}")
if p.returncode != 0 or not os.path.exists(ics):
    fail(f"--export-calendar failed: {p.stderr}")
if os.stat(ics).st_mode & 0o777 != 0o600:
    fail("the calendar file is not private")
with open(ics, "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
events = [c for c in cal.walk("VEVENT")]
todos = [c for c in cal.walk("VTODO")]
with sqlite3.connect(db) as c:
    (birthdays,), = c.execute("SELECT count(*) FROM contacts WHERE birthday IS NOT NULL").fetchall()
if len(events) != birthdays or not all(e.get("RRULE")["FREQ"] == ["YEARLY"] for e in events):
    fail(f"{len(events)} yearly events for {birthdays} birthdays")
if not todos or not all(t.get("DUE") is not None for t in todos):
    fail("no keep-in-touch tasks with a due date")
first = sorted(str(c.get("UID")) for c in events + todos)
p = run(f"--database={db}", f"--export-calendar={ics}")
with open(ics, "rb") as f:
    again = sorted(str(c.get("UID")) for c in icalendar.Calendar.from_ical(f.read()).walk()
                   if c.name in ("VEVENT", "VTODO"))
if first != again:
    fail("the UIDs changed between two exports")
ok(f"--export-calendar writes {len(events)} birthdays and {len(todos)} tasks, 0600, with stable UIDs")

# The whole network as one archive: a MIME message of a vCard and an
# iCalendar part, read with Python's own parsers, and read back into an
# empty database, count for count.
import email  # noqa: E402
archive = os.path.join(home, "archiv.eml")
p = run(f"--database={db}", f"--export-archive={archive}")
if p.returncode != 0 or not os.path.exists(archive):
    fail(f"--export-archive failed: {p.stderr}")
if os.stat(archive).st_mode & 0o777 != 0o600:
    fail("the archive is not private")
with open(archive, "rb") as f:
    message = email.message_from_bytes(f.read())
parts = {part.get_filename(): part.get_payload(decode=True) for part in message.walk() if part.get_filename()}
if message.get_content_type() != "multipart/mixed" or sorted(parts) != ["journal.ics", "kontakte.vcf"]:
    fail(f"the archive has the parts {sorted(parts)}")
journal = icalendar.Calendar.from_ical(parts["journal.ics"])
kinds = [str(c.get("X-BZW-ENTRY")) for c in journal.walk() if c.name in ("VJOURNAL", "VTODO")]
tables = ["contacts", "circles", "contact_circles", "contact_fields", "relationships", "encounters",
          "encounter_participants", "favours", "referrals"]
counts = {t: count(db, t) for t in tables}
if (kinds.count("encounter") != counts["encounters"] or kinds.count("favour") != counts["favours"] or
        kinds.count("referral") != counts["referrals"] or kinds.count("relationship") != counts["relationships"]):
    fail(f"the journal part does not hold the journal: {len(kinds)} components")
cards = parts["kontakte.vcf"].decode().count("BEGIN:VCARD")
if cards != counts["contacts"] + counts["circles"]:
    fail(f"{cards} vCards for {counts['contacts']} contacts and {counts['circles']} circles")
ok(f"--export-archive writes {cards} vCards and {len(kinds)} iCalendar entries as one MIME file, 0600")

empty = os.path.join(home, "leer.db")
p = run(f"--database={empty}", f"--import={archive}")
if p.returncode != 0 or "Journaleinträge" not in p.stdout:
    fail(f"importing the archive failed: {p.stdout!r} {p.stderr!r}")
again = {t: count(empty, t) for t in tables}
if again != counts:
    fail(f"the archive read back {again}, not {counts}")
p = run(f"--database={empty}", f"--import={archive}")
if p.returncode != 0 or {t: count(empty, t) for t in tables} != counts or not p.stdout.startswith("0 neu"):
    fail(f"importing the archive twice changed the database: {p.stdout!r}")
ok("--import of the archive into an empty database gives back the network, count for count; twice adds nothing")

broken = os.path.join(home, "kaputt.eml")
with open(archive, "rb") as f:
    data = f.read()
with open(broken, "wb") as f:
    f.write(data.replace(b"BEGIN:VCALENDAR", b"BEGIN:VKALENDER", 1))
p = run(f"--database={empty}", f"--import={broken}")
if p.returncode == 0 or "iCalendar" not in p.stderr or {t: count(empty, t) for t in tables} != counts:
    fail(f"a broken archive: {p.returncode} {p.stderr!r}")
ok("an archive with a broken journal is refused and the database is left alone")

print(f"1..{n}")
