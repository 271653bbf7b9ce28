#!/bin/sh
# bench_render.sh [DB] -- the site `recoupe run` writes, timed alone on the
# OrangeSum 2020 stream (13,869 articles): builds the store with
# `recoupe add` when DB does not exist (default build/bench-stream.db), then
# times rcp_render_site (stories.json, stories.md, index.html, one page per
# story) with bench/bench_render.c.  Target (issue 7): under 10 s of CPU.
# Results: docs/benchmarks.md "## digests and web".
set -eu
cd "$(dirname "$0")/.."
B=${BUILD:-build}
DB=${1:-$B/bench-stream.db}
S=../shared/data/orangesum/stream_2020.jsonl.gz
[ -f "$S" ] || { echo "no $S: skipped"; exit 0; }
make --no-print-directory all >/dev/null
# link the objects of the current sources (not the archive: its weak
# placeholders could shadow the real functions)
OBJS=$(for f in src/*.c src/*.cc; do [ -f "$f" ] && echo "$B/${f%.*}.o"; done)
LIBS="-lmodest -lutf8proc -lstemmer -lcld2 -ljansson -lsqlite3 -lmicrohttpd -luchardet -lz -lstdc++ -lpthread -lm"
${CC:-cc} -std=c17 -O2 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Iinclude -o "$B/bench_render" \
  bench/bench_render.c $OBJS $LIBS
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load $(cut -d' ' -f1 /proc/loadavg)"
if [ ! -f "$DB" ]; then
  echo "== building $DB (recoupe add, once)"
  /usr/bin/time -f "add: %U s user, %S s sys, %e s wall" "$B/recoupe" --quiet add --db "$DB" "$S"
fi
# a fresh directory on the repository's file system (a /tmp full of just-deleted
# files makes ext4 inode allocation, hence system time, much slower)
OUT=$(mktemp -d "$B/bench-site-XXXXXX")
trap 'rm -rf "$OUT"' EXIT
echo "== render site from $DB"
"$B/bench_render" "$DB" "$OUT"
echo "stories: $(ls "$OUT/stories" | wc -l) pages; $(du -sh "$OUT" | cut -f1) in all (stories.json $(du -h "$OUT/stories.json" | cut -f1), stories.md $(du -h "$OUT/stories.md" | cut -f1))"
