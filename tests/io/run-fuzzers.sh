#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets of the vCard and CSV readers (the CSV one
# also with a mapping chosen from the input), of the photo reader, of the
# archive reader, of the journal's iCalendar reader, of the CalDAV sync's
# reader of one item (with the merge of one item, src/sync/bzw-caldav-merge.c)
# and of the WebDAV multistatus reader (tests/sync/fuzz-multistatus.c) with clang
# (-fsanitize=fuzzer,address,undefined, the library code included)
# straight from the sources and runs each for a bounded time on the seed
# corpus in tests/io/data and, when there is one, the target's own seeds in
# tests/io/fuzz-seeds/TARGET.  Exits non-zero when a fuzzer finds a crash, a
# leak or undefined behaviour; the input that did it is left in the work
# directory and printed.
#
#   tests/io/run-fuzzers.sh [SECONDS-PER-TARGET]   (default 30)
#
# BZW_FUZZ_TARGETS="archive ical-journal" runs only those targets.

set -euo pipefail

seconds=${1:-30}
top=$(cd "$(dirname "$0")/../.." && pwd)
work=${BZW_FUZZ_DIR:-$(mktemp -d -t bzw-fuzz-XXXXXX)}
mkdir -p "$work"

command -v clang >/dev/null || { echo "run-fuzzers: clang is missing" >&2; exit 1; }

cat > "$work/config.h" <<'CONFIG'
#pragma once
#define APP_ID "de.bzw.Beziehungsweise"
#define GETTEXT_PACKAGE "beziehungsweise"
#define LOCALEDIR "/usr/local/share/locale"
#define PACKAGE_NAME "Beziehungsweise"
#define PACKAGE_VERSION "fuzz"
#define RESOURCE_PREFIX "/de/bzw/Beziehungsweise"
CONFIG

glib-compile-resources --sourcedir="$top/src/store" --generate-source --manual-register \
  --c-name bzw_store --target="$work/bzw-store-resources.c" "$top/src/store/bzw-store.gresource.xml"
glib-compile-resources --sourcedir="$top/src/store" --generate-header --manual-register \
  --c-name bzw_store --target="$work/bzw-store-resources.h" "$top/src/store/bzw-store.gresource.xml"

pkgs="glib-2.0 gobject-2.0 gio-2.0 sqlite3 cairo pangocairo gdk-pixbuf-2.0 libical libxml-2.0"
cflags="-g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
        -I$work -I$top/src -I$top/src/model -I$top/src/store -I$top/src/io -I$top/src/services -I$top/src/sync $(pkg-config --cflags $pkgs)"
libs="$(pkg-config --libs $pkgs) -lm"
sources="$top/src/model/*.c $top/src/store/*.c $top/src/io/*.c $work/bzw-store-resources.c"

status=0
for target in ${BZW_FUZZ_TARGETS:-vcard csv csv-mapping photo archive ical-journal ical-items multistatus}; do
  echo "run-fuzzers: building fuzz-$target"
  if [ "$target" = multistatus ]; then
    # The multistatus reader needs only GLib and libxml2.
    # shellcheck disable=SC2086
    clang $cflags -o "$work/fuzz-$target" "$top/tests/sync/fuzz-$target.c" \
      "$top/src/sync/bzw-dav-multistatus.c" $libs
  elif [ "$target" = ical-items ]; then
    # shellcheck disable=SC2086
    clang $cflags -o "$work/fuzz-$target" "$top/tests/io/fuzz-$target.c" $sources \
      "$top/src/sync/bzw-caldav-merge.c" $libs
  else
    # shellcheck disable=SC2086
    clang $cflags -o "$work/fuzz-$target" "$top/tests/io/fuzz-$target.c" $sources $libs
  fi

  mkdir -p "$work/corpus-$target"
  seeds=("$top/tests/io/data")
  [ "$target" = multistatus ] && seeds=()
  [ -d "$top/tests/io/fuzz-seeds/$target" ] && seeds+=("$top/tests/io/fuzz-seeds/$target")
  echo "run-fuzzers: running fuzz-$target for ${seconds}s"
  if ! (cd "$work" && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        ASAN_OPTIONS=detect_leaks=1 \
        "./fuzz-$target" -max_total_time="$seconds" -seed="${BZW_FUZZ_SEED:-1}" -timeout=10 -rss_limit_mb=2048 \
          -max_len=65536 -artifact_prefix="$work/crash-$target-" \
          "$work/corpus-$target" "${seeds[@]}" > "$work/fuzz-$target.log" 2>&1); then
    echo "run-fuzzers: fuzz-$target FAILED; see $work/fuzz-$target.log" >&2
    ls "$work"/crash-"$target"-* 2>/dev/null >&2 || true
    tail -40 "$work/fuzz-$target.log" >&2
    status=1
  else
    grep -E "^#[0-9]+.*DONE" "$work/fuzz-$target.log" | tail -1 || true
  fi
done

exit $status
