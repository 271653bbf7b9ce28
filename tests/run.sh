#!/bin/sh
# run.sh BUILD -- every test: the unit runner, the CLI tests and the fuzz
# corpus replay.  Ends with the grand total "N passed, N failed".
set -u
B=${1:-build}
total_p=0; total_f=0
add() { # parse a "N passed, N failed" line from file $1
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
  if [ -z "$line" ]; then total_f=$((total_f + 1)); echo "  (no summary line: counted as one failure)"; return; fi
  p=$(echo "$line" | sed 's/ passed.*//'); f=$(echo "$line" | sed 's/.*passed, \([0-9]*\) failed.*/\1/')
  total_p=$((total_p + p)); total_f=$((total_f + f))
}
log=$(mktemp); trap 'rm -f "$log"' EXIT

echo "== unit"
"$B/unit" >"$log" 2>&1; cat "$log"; add "$log"

echo "== cli"
RECOUPE="$PWD/$B/recoupe" sh tests/cli/run.sh >"$log" 2>&1; cat "$log"; add "$log"

echo "== fuzz corpus replay"
p=0; f=0
for r in "$B"/fuzz/replay_*; do
  [ -x "$r" ] || continue
  name=${r##*/replay_}
  if [ -d "fuzz/corpus/$name" ]; then
    if "$r" "fuzz/corpus/$name" >"$log" 2>&1; then p=$((p + 1)); echo "ok   replay $name ($(ls fuzz/corpus/$name | wc -l) inputs)"
    else f=$((f + 1)); cat "$log"; echo "FAIL replay $name"; fi
  fi
done
total_p=$((total_p + p)); total_f=$((total_f + f))

echo "$total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
