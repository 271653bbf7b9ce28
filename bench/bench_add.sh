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
pages=$(sqlite3 "$db" "SELECT count(*) FROM articles")
stories=$(sqlite3 "$db" "SELECT count(*) FROM stories" 2>/dev/null || echo "?")
size=$(stat -c %s "$db")
echo "add: $pages articles stored, $stories stories, threads=$threads"
awk -v p="$pages" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v z="$size" 'BEGIN {
  printf "add: wall %.2f s, cpu %.2f s, %.0f pages/s (wall), peak RSS %.1f MB, store %.1f MB (%.0f bytes/page)\n",
         w, u + s, p / w, r / 1024, z / 1048576, z / p }'
