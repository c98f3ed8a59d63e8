#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The suppressions of LeakSanitizer (build-aux/lsan.supp) name platform
# leaks by their function; they must not hide a leak of our own that was
# allocated through GLib.  Runs planted-leak (a g_strdup() never freed) under
# them and expects LeakSanitizer to report it, with the function that
# leaked (the slow unwinder sees through GLib, which has no frame pointers
# here).  Skips (77) in a build
# without AddressSanitizer.
#
#   check-planted-leak.sh PLANTED-LEAK SUPPRESSIONS B_SANITIZE

set -u

binary=$1
suppressions=$2
sanitize=$3

case "$sanitize" in
  *address*) ;;
  *) echo "1..0 # SKIP not an AddressSanitizer build"; exit 77 ;;
esac

output=$(ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 \
         LSAN_OPTIONS="suppressions=$suppressions:print_suppressions=0" \
         "$binary" 2>&1)
status=$?

echo "1..1"
if [ $status -ne 0 ] && grep -q "ERROR: LeakSanitizer: detected memory leaks" <<< "$output" &&
   grep -q "plant_leak" <<< "$output"; then
  echo "ok 1 - LeakSanitizer reports a g_strdup() leak under the project's suppressions"
  exit 0
fi

echo "not ok 1 - the planted leak was not reported (exit $status)"
sed 's/^/# /' <<< "$output"
exit 1
