#!/bin/sh
# eval_ecbplus.sh [SPLIT...] [-- BENCH_OPTS] -- B-cubed F1 of the story
# clustering on ECB+ (../shared/data/ecbplus; 772 English documents, 66
# stories), each split clustered on its own, scored by
# ../shared/tools/score_clusters.py.  Parameters are the defaults of
# rcp__cluster_params_default (chosen on train) unless BENCH_OPTS say
# otherwise (e.g. -- --join 0.25).  Run from the repository root after `make`.
set -eu
D=../shared/data/ecbplus/ecbplus_docs.jsonl.gz
B=${BUILD:-build}
[ -f "$D" ] || { echo "no $D: skipped"; exit 0; }
splits=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do splits="$splits $1"; shift; done
[ $# -gt 0 ] && shift
[ -n "$splits" ] || splits="train dev"
sh bench/build_bench.sh >/dev/null
OUT=${OUT:-bench/out}
mkdir -p "$OUT"
for s in $splits; do
  zcat "$D" | "$B/bench_cluster" ecbplus --split "$s" --pred "$OUT/ecbplus_$s.pred.jsonl" "$@" >"$OUT/ecbplus_$s.log"
  printf '%s: ' "$s"
  python3 ../shared/tools/score_clusters.py "$D" "$OUT/ecbplus_$s.pred.jsonl" --split "$s" | tail -n 1
done
