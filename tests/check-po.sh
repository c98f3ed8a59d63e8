#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, when POTFILES.in names a file that does not exist, when a
# string in the sources has no German translation, or when po/de.po has a
# fuzzy or untranslated entry or does not pass msgfmt --check.
set -eu
export LC_ALL=C

src=${1:?source root}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
status=0

grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort > "$tmp/listed"
if ! sort -c po/POTFILES.in 2>/dev/null; then
  echo "po/POTFILES.in is not sorted"
  status=1
fi

git_files () {
  if git rev-parse --git-dir >/dev/null 2>&1; then
    git ls-files --cached --others --exclude-standard -- src data
  else
    find src data -type f
  fi
}

git_files | grep -E '\.(c|ui|in)$' | while read -r f; do
  if grep -qE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext) ?\(|translatable="yes"' "$f" || \
     case "$f" in *.desktop.in|*.metainfo.xml.in) true ;; *) false ;; esac; then
    echo "$f"
  fi
done | sort > "$tmp/needed"

missing=$(comm -23 "$tmp/needed" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"
  echo "$missing"
  status=1
fi

while read -r f; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names $f, which does not exist"
    status=1
  fi
done < "$tmp/listed"

xgettext --package-name=beziehungsweise --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --files-from="$tmp/listed" -o "$tmp/beziehungsweise.pot" 2>"$tmp/xgettext.log" || {
  cat "$tmp/xgettext.log"
  exit 1
}

msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" po/de.po "$tmp/beziehungsweise.pot"
stats=$(msgfmt --check -c --statistics -o /dev/null "$tmp/merged.po" 2>&1) || {
  echo "$stats"
  status=1
}
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "po/de.po is incomplete for the current sources: $stats"
    msgattrib --untranslated --only-fuzzy "$tmp/merged.po" 2>/dev/null | grep '^msgid' | head -40 || true
    msgattrib --untranslated "$tmp/merged.po" | grep -A1 '^msgid' | head -80
    status=1
    ;;
esac

own=$(msgfmt --check -c --statistics -o /dev/null po/de.po 2>&1) || { echo "$own"; status=1; }
case "$own" in
  *untranslated*|*fuzzy*) echo "po/de.po has fuzzy or untranslated entries: $own"; status=1 ;;
esac

exit $status
