#!/bin/sh
# stories_orangesum.sh [--show] [BENCH_OPTS] -- the story checks of issue 5
# on the OrangeSum 2020 stream (13,869 French articles in publication
# order): clusters it with bench_cluster (default parameters, window 7
# days, the relate stage and the entity pass first, as `recoupe add` does), then bench/stories_checks.py reports spans, recurring titles, and
# the two read samples against the verdicts in bench/stories_verdicts.txt.
# --show prints the samples to read.  Run from the repository root.
set -eu
D=../shared/data/orangesum
[ -f "$D/stream_2020.jsonl.gz" ] || { echo "no $D: skipped"; exit 0; }
show=""
[ "${1:-}" = "--show" ] && { show="--show"; shift; }
OUT=${OUT:-bench/out}
mkdir -p "$OUT"
sh bench/build_bench.sh >/dev/null
zcat "$D/stream_2020.jsonl.gz" | build/bench_cluster orangesum --relate \
  --assign "$OUT/os_assign.jsonl" --links "$OUT/os_links.jsonl" "$@"
python3 bench/stories_checks.py "$D/stream_2020.jsonl.gz" "$D/dup_groups.jsonl.gz" \
  "$OUT/os_assign.jsonl" "$OUT/os_links.jsonl" --verdicts bench/stories_verdicts.txt $show
