#!/bin/sh
# browser.t.sh -- the web UI in a real browser: `recoupe serve` over a store
# built from examples/, pages opened in headless Chromium (--dump-dom and
# --screenshot): the story list, a story page, a filter.  Only 127.0.0.1
# is contacted (background networking, sync and updates off).  Skipped with
# a message only where Chromium is not installed (`make deps` installs
# Debian's chromium package).  The screenshot of the
# story page is copied to $RECOUPE_SCREENSHOT when set (the README's
# docs/screenshot-story.png is made that way).
. "$(dirname "$0")/lib.sh"

CHROMIUM=${CHROMIUM:-}
for c in /usr/bin/chromium /usr/bin/chromium-browser chromium chromium-browser; do
  [ -n "$CHROMIUM" ] && break
  command -v "$c" >/dev/null 2>&1 && CHROMIUM=$(command -v "$c")
done
if [ -z "$CHROMIUM" ]; then echo "skip browser: Chromium is not installed (apt-get install chromium)"; finish; exit 0; fi
[ -d "$EX" ] || { fail "examples/ directory present" "$EX"; finish; exit 1; }

DB="$TMP/ex.db"
run --quiet add --db "$DB" "$EX"
expect_rc 0 "store built from examples/"

"$RECOUPE" serve --db "$DB" --port 0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; rm -rf "$TMP"' EXIT
i=0
while [ $i -lt 100 ] && ! grep -q "serving on" "$TMP/serve.out" 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
url=$(sed -n 's/^serving on \(http:\/\/127\.0\.0\.1:[0-9]*\)\/$/\1/p' "$TMP/serve.out")
[ -n "$url" ] && pass "server up" || { fail "server up" "$(cat "$TMP/serve.err")"; finish; exit 1; }

# the story about the floods (French, several sources), from the store
sid=$("$RECOUPE" stories --db "$DB" | awk '/Crues dans le Gard/ { print $1; exit }')
[ -n "$sid" ] && pass "found a story to open ($sid)" || fail "found a story to open"

browse() { # browse NAME ARGS... : one headless Chromium run, its own profile
  name=$1; shift
  prof="$TMP/profile-$name"
  mkdir -p "$prof"
  timeout 45 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --no-proxy-server --user-data-dir="$prof" \
    "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"
}
# four pages at once: the whole test stays well under a minute
browse list --dump-dom "$url/" &
b1=$!
browse story --dump-dom "$url/stories/$sid" &
b2=$!
browse filter --dump-dom "$url/?lang=en" &
b3=$!
browse shot --window-size=900,1600 --hide-scrollbars --screenshot="$TMP/story.png" "$url/stories/$sid" &
b4=$!
wait $b1 $b2 $b3 $b4

L="$TMP/list.out"; S="$TMP/story.out"; F="$TMP/filter.out"
expect "grep -q '<ul class=\"stories\">' '$L'" "story list rendered by the browser"
n=$(grep -o 'class="t"' "$L" | wc -l)
expect "[ $n -ge 3 ]" "story list shows the example stories ($n)"
expect "grep -q 'Crues dans le Gard' '$L' && grep -q 'night-train' '$L'" "French and English stories listed"
expect "grep -q '<form class=\"filters\"' '$L'" "filter form present"
expect "grep -q '<h1>' '$S' && grep -q 'Points clés' '$S'" "story page: title and key points"
expect "grep -q 'Résumé rapide' '$S' && grep -q '<h2>Sources</h2>' '$S'" "story page: summary and sources"
expect "grep -q '<svg class=\"pubtime\"' '$S' && grep -q '<svg class=\"copygraph\"' '$S'" "story page: both pictures"
expect "grep -q 'href=\"/articles/' '$S'" "citations link to articles"
expect "! grep -q 'class=\"cite\">\[[0-9]' '$S'" "every citation number is a link"
expect "grep -q 'Infos Express' '$S' && grep -q 'copie de' '$S'" "story page: sources with their relations"
expect "grep -q 'night-train' '$F' && ! grep -q 'Crues dans le Gard' '$F'" "language filter keeps only English stories"
expect "[ -s '$TMP/story.png' ] && [ \"\$(head -c 4 '$TMP/story.png' | od -An -c | tr -d ' ')\" = '211PNG' ]" "screenshot saved"
if [ -n "${RECOUPE_SCREENSHOT:-}" ] && [ -s "$TMP/story.png" ]; then cp "$TMP/story.png" "$RECOUPE_SCREENSHOT"; fi

kill -TERM $pid 2>/dev/null
wait $pid 2>/dev/null
finish
