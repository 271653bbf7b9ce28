#!/bin/sh
# bench_add.sh -- pages/s and peak memory of `recoupe add` over the OrangeSum
# 2020 stream (13,869 French articles, ../shared/data).  Reports counts and
# rates measured in this run; never pass/fail.
#
#   sh bench/bench_add.sh [THREADS]
set -eu
cd "$(dirname "$0")/.."
DATA=../shared/data/orangesum/stream_2020.jsonl.gz
[ -f "$DATA" ] || { echo "bench_add: $DATA not found (the shared data sets are needed)"; exit 0; }
B=${BUILD:-build}
[ -x "$B/recoupe" ] || make --no-print-directory all >/dev/null
mkdir -p bench/out
threads=${1:-0}
db=bench/out/add-stream.db
rm -f "$db" "$db-wal" "$db-shm"
/usr/bin/time -f '%e %U %S %M' -o bench/out/add.time \
  "$B/recoupe" --quiet --threads "$threads" add --db "$db" "$DATA"
read -r wall user sys rss < bench/out/add.time
# Baseline in the same run: extraction alone over the same input (stages 1-2).
/usr/bin/time -f '%e %U %S %M' -o bench/out/extract.time \
  "$B/recoupe" --quiet --threads "$threads" extract --json "$DATA" >/dev/null
read -r xwall xuser xsys xrss < bench/out/extract.time
read_pages=$(gzip -dc "$DATA" | wc -l)
pages=$(sqlite3 "$db" "SELECT count(*) FROM articles")
stories=$(sqlite3 "$db" "SELECT count(*) FROM stories" 2>/dev/null || echo "?")
size=$(stat -c %s "$db")
echo "add: $pages articles stored, $stories stories, threads=$threads"
awk -v p="$pages" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v z="$size" 'BEGIN {
  printf "add: wall %.2f s, cpu %.2f s, %.0f pages/s (wall), peak RSS %.1f MB, store %.1f MB (%.0f bytes/page)\n",
         w, u + s, p / w, r / 1024, z / 1048576, z / p }'
awk -v n="$read_pages" -v w="$wall" -v u="$user" -v s="$sys" -v xw="$xwall" -v xu="$xuser" -v xs="$xsys" -v xr="$xrss" 'BEGIN {
  printf "add: %d pages read, %.0f pages/s (wall), %.0f pages per CPU-second\n", n, n / w, n / (u + s)
  printf "baseline extract --json alone: wall %.2f s, cpu %.2f s, %.0f pages/s, peak RSS %.1f MB\n", xw, xu + xs, n / xw, xr / 1024
  printf "add / extract: %.2fx the CPU time, %.2fx the wall time\n", (u + s) / (xu + xs), w / xw }'
