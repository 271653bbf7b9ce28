#!/bin/sh
# run.sh -- runs every tests/cli/*.t.sh against $RECOUPE; each script sources
# lib.sh and prints its own "N passed, N failed"; this prints the total.
set -u
: "${RECOUPE:?set RECOUPE to the recoupe binary}"
export RECOUPE
dir=$(cd "$(dirname "$0")" && pwd)
p=0; f=0
for t in "$dir"/*.t.sh; do
  [ -f "$t" ] || continue
  out=$(sh "$t" 2>&1); rc=$?
  echo "$out"
  line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
  if [ -z "$line" ]; then f=$((f + 1)); echo "FAIL $(basename "$t"): no summary (exit $rc)"; continue; fi
  p=$((p + $(echo "$line" | sed 's/ passed.*//')))
  f=$((f + $(echo "$line" | sed 's/.*passed, \([0-9]*\) failed.*/\1/')))
done
echo "$p passed, $f failed"
