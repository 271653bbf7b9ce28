#!/bin/sh
# sample_pairs_relate.sh [N] [SEED] -- relates the OrangeSum 2020 stream and
# prints N random related pairs (seed SEED) with the start and the end of
# both texts, for a person to judge; then bench/pair_diff.py shows each pair
# sentence by sentence (bench/out/sample_pairs_read.txt).  Verdicts are kept
# in bench/data/sample_pairs_verdicts.tsv (docs/benchmarks.md gives the result).
set -eu
cd "$(dirname "$0")/.."
sh bench/relate.sh none >/dev/null
bench/out/bench_relate sample ../shared/data/orangesum/stream_2020.jsonl.gz "${1:-50}" "${2:-2020}" |
  tee bench/out/sample_pairs.txt
python3 bench/pair_diff.py ../shared/data/orangesum/stream_2020.jsonl.gz bench/out/sample_pairs.txt \
  > bench/out/sample_pairs_read.txt
echo "read: bench/out/sample_pairs_read.txt" >&2
