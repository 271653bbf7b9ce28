#!/bin/sh
# bench_ingest.sh [--runs=N] -- reader speed (pages/s, MB/s, peak RSS) of
# stage 1 alone, on three inputs from ../shared/data:
#   1. orangesum/stream_2020.jsonl.gz (13,869 JSON Lines records, gzip);
#   2. extraction/*/html (357 gzip-compressed HTML pages, one per file);
#   3. a .warc.gz made here from those 357 pages, 10 times over (one gzip
#      member per record, HTTP response records, as crawlers write them).
# Run from anywhere after `make`.  Results: docs/benchmarks.md "## ingest".
set -eu
cd "$(dirname "$0")/.."
B=${BUILD:-build}
RUNS=${1:---runs=3}
D=../shared/data
[ -f "$B/librecoupe.a" ] || make --no-print-directory lib
LIBS="-lmodest -lutf8proc -lstemmer -lcld2 -ljansson -lsqlite3 -lmicrohttpd -luchardet -lz -lstdc++ -lpthread -lm"
${CC:-cc} -std=c17 -O2 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Iinclude -o "$B/bench_ingest" \
  bench/bench_ingest.c "$B/librecoupe.a" $LIBS
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load $(cut -d' ' -f1 /proc/loadavg)"

echo "== JSON Lines (gzip): $D/orangesum/stream_2020.jsonl.gz"
"$B/bench_ingest" "$RUNS" "$D/orangesum/stream_2020.jsonl.gz"

echo "== HTML files (gzip): $D/extraction/*/html"
"$B/bench_ingest" "$RUNS" "$D/extraction/aeb/html" "$D/extraction/tev-fr/html" "$D/extraction/orangesum-pages/html"

W=$(mktemp /tmp/bench-ingest-XXXXXX.warc.gz)
trap 'rm -f "$W" "$W.page"' EXIT
i=0
while [ $i -lt 10 ]; do
  for f in "$D"/extraction/*/html/*.html.gz; do
    zcat "$f" > "$W.page"
    n=$(wc -c < "$W.page")
    { printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bench.example/%d/%s\r\n' $i "${f##*/}"
      printf 'WARC-Date: 2026-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n'
      printf 'Content-Length: %d\r\n\r\n' $((n + 60))
      printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'  # 60 bytes
      cat "$W.page"; printf '\r\n\r\n'; } | gzip -n -1 >> "$W"
  done
  i=$((i + 1))
done
echo "== WARC (gzip, one member per record): $(ls -l "$W" | awk '{print $5}') bytes"
"$B/bench_ingest" "$RUNS" "$W"
