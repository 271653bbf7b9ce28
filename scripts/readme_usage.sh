#!/bin/sh
# readme_usage.sh -- prints, as Markdown, each subcommand run on examples/
# with its real output (trimmed), for the "What it prints" part of README.md.
#
#   sh scripts/readme_usage.sh            prints it       (after `make`)
#   sh scripts/readme_usage.sh --update   rewrites README.md between the
#                                         usage:begin and usage:end markers
set -eu
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--update" ]; then
  new=$(mktemp)
  sh "$0" >"$new"
  awk -v f="$new" '
    /<!-- usage:begin -->/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
    /<!-- usage:end -->/ { skip = 0 }
    !skip' README.md >"$new.readme"
  mv "$new.readme" README.md
  rm -f "$new"
  exit 0
fi
R=${RECOUPE:-build/recoupe}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cp -r examples "$T/examples"
cd "$T"

# show CMD... -- the command as typed, then its output (stdout and stderr),
# cut to $LINES lines and $COLS columns so that the README stays readable.
LINES=${LINES:-14}
COLS=${COLS:-150}
show() {
  echo '```console'
  echo "$ recoupe $*"
  "$OLDPWD/$R" "$@" 2>&1 | head -n "$LINES" | LC_ALL=C.UTF-8 sed -E "s/^(.{$COLS}).+/\1…/" || true
  echo '```'
  echo
}

show run --db news.db --out site examples/
show stories --db news.db
s=$("$OLDPWD/$R" stories --db news.db --json | sed -n 's/.*"id": *"\(s[0-9]*\)".*/\1/p' | head -n 1)
gard=$("$OLDPWD/$R" stories --db news.db | awk '/Gard/ && /5 articles/ {print $1; exit}')
LINES=40 show show --db news.db "${gard:-$s}"
LINES=12 show extract examples/gard-crues/actu-flash-crues.html
LINES=16 show dedup examples/gard-crues
show summarize --sentences 2 examples/gard-crues/journal-du-sud-crues.html
show add --db news.db examples/
