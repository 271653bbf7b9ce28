#!/bin/sh
# run.sh -- every benchmark (bench/bench_*.sh).  They read ../shared/data and
# print figures; none is pass/fail.  Record the figures in docs/benchmarks.md.
cd "$(dirname "$0")/.."
for b in bench/bench_*.sh; do
  echo "== $b"
  sh "$b" || echo "($b failed)"
done
