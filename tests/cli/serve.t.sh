#!/bin/sh
# serve.t.sh -- `recoupe serve`: starts on a free port of 127.0.0.1 over a
# store built from the digest fixtures, answers pages, API, errors (400,
# 404, 405, 413), keeps answering while `recoupe add` writes, stops on
# SIGTERM.  Skipped (with a message) only where curl is missing.
. "$(dirname "$0")/lib.sh"

if ! command -v curl >/dev/null 2>&1; then echo "skip serve: curl not installed"; finish; exit 0; fi
DB="$TMP/web.db"
run --quiet add --db "$DB" "$DATA/digest/story-fr.jsonl"
expect_rc 0 "store built"

run serve --db "$TMP/missing.db" --port 0
expect_rc 1 "a missing store is an error"
expect_err "no store" "says the store is missing"
run serve --db "$DB" --port 99999
expect_rc 2 "bad port is a usage error"
run serve --db "$DB" --bind not-an-address --port 0
expect_rc 1 "bad bind address fails"

"$RECOUPE" serve --db "$DB" --port 0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q "serving on" "$TMP/serve.out" 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
url=$(sed -n 's/^serving on \(http:\/\/127\.0\.0\.1:[0-9]*\)\/$/\1/p' "$TMP/serve.out")
[ -n "$url" ] && pass "listens on 127.0.0.1" || fail "listens on 127.0.0.1" "$(cat "$TMP/serve.out" "$TMP/serve.err")"

code() { curl -s -o "$TMP/body" -w '%{http_code}' --max-time 10 "$@"; }
expect "[ \"\$(code \"$url/\")\" = 200 ]" "story list 200"
expect "grep -q 'Saint-Priest' '$TMP/body'" "story list shows the story"
sid=$(curl -s --max-time 10 "$url/api/stories" | sed -n 's/^\[{"id": *"\(s[0-9]*\)".*/\1/p')
[ -n "$sid" ] && pass "API lists the story" || fail "API lists the story"
expect "[ \"\$(code \"$url/stories/$sid\")\" = 200 ]" "story page 200"
expect "grep -q 'Points clés' '$TMP/body' && grep -q '<svg class=\"copygraph\"' '$TMP/body'" "story page has the digest and the pictures"
expect "[ \"\$(code \"$url/articles/fr-a1\")\" = 200 ]" "article page 200"
expect "[ \"\$(code \"$url/api/articles/fr-a1\")\" = 200 ] && grep -q '\"relations\"' '$TMP/body'" "article JSON"
expect "[ \"\$(code \"$url/stories/s424242\")\" = 404 ]" "unknown story 404"
expect "[ \"\$(code \"$url/api/articles/nope\")\" = 404 ]" "unknown article 404"
expect "[ \"\$(code \"$url/no/such/page\")\" = 404 ]" "unknown page 404"
expect "[ \"\$(code \"$url/?since=2026-99-01\")\" = 400 ] && grep -q 'since must be a date' '$TMP/body'" "bad date 400 with a message"
expect "[ \"\$(code \"$url/api/stories?min_sources=many\")\" = 400 ]" "bad number 400"
expect "[ \"\$(code \"$url/?q=%3Cscript%3Ealert(1)%3C/script%3E\")\" = 200 ] && ! grep -q '<script>' '$TMP/body'" "search text is escaped"
long=$(head -c 6000 /dev/zero | tr '\0' a)
expect "[ \"\$(code \"$url/?q=$long\")\" = 413 ]" "over-long request 413"
expect "[ \"\$(code -X POST --data x=1 \"$url/\")\" = 405 ]" "POST 405"
head -c 100000 /dev/zero | tr '\0' a > "$TMP/big"
expect "[ \"\$(code -X POST --data-binary @$TMP/big \"$url/\")\" = 413 ]" "big body 413"
expect "curl -sI --max-time 10 \"$url/\" | grep -qi 'content-security-policy: default-src .none.'" "CSP forbids scripts"

# reads while `recoupe add` writes to the same store
"$RECOUPE" --quiet add --db "$DB" "$DATA/digest/story-en.jsonl" >/dev/null 2>&1 &
apid=$!
ok=1
for k in 1 2 3 4 5 6 7 8; do [ "$(code "$url/")" = 200 ] || ok=0; done
wait $apid
[ $ok -eq 1 ] && pass "answers while add writes" || fail "answers while add writes"
expect "[ \"\$(code \"$url/api/stories?lang=en\")\" = 200 ] && grep -q 'Old Mill' '$TMP/body'" "sees what add wrote"

kill -TERM $pid 2>/dev/null
i=0
while [ $i -lt 100 ] && kill -0 $pid 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
if kill -0 $pid 2>/dev/null; then kill -KILL $pid; fail "stops on SIGTERM"; else pass "stops on SIGTERM"; fi
wait $pid 2>/dev/null
expect "[ $? -eq 0 ]" "exits 0"
finish
