#!/bin/sh
# relate.sh -- builds bench/bench_relate.c against the library and runs the
# analysis / fingerprint / relation benchmarks on ../shared/data.
#   sh bench/relate.sh [MODE]   MODE: all (default), speed, groups, lsh,
#                               sample, minhash, lang, rewrites, big, dedup
set -eu
cd "$(dirname "$0")/.."
D=../shared/data
S=$D/orangesum/stream_2020.jsonl.gz
mkdir -p bench/out
make -s -j2 all >/dev/null
OBJ=$(for f in src/*.c src/*.cc; do o=${f%.*}; echo "build/$o.o"; done)
cc -std=c17 -O2 -g -Iinclude -Isrc -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
  -o bench/out/bench_relate bench/bench_relate.c $OBJ \
  -lmodest -lutf8proc -lstemmer -lcld2 -ljansson -lsqlite3 -lmicrohttpd -luchardet -lz -lstdc++ -lpthread -lm
B=bench/out/bench_relate
mode=${1:-all}
run() { [ "$mode" = all ] || [ "$mode" = "$1" ]; }
run speed && $B speed $S
if run groups; then
  G=$D/orangesum/dup_groups.jsonl.gz
  $B groups - $G   # the documents of the groups alone, in publication order
  cp bench/out/differing_groups.txt bench/out/differing_groups_all.txt
  python3 bench/differing_groups.py bench/out/differing_groups_all.txt $G
  $B groups $S $G | grep -v MISSED   # the whole 2020 stream
fi
run lsh && $B lsh $S
run minhash && $B minhash $S 1000 1
run lang && { $B lang $S article fr; $B lang $S title fr; $B lang $D/ecbplus/ecbplus_docs.jsonl.gz sentences en; }
run rewrites && $B rewrites bench/data/rewrites
run sample && $B sample $S 50 2020 > bench/out/sample_pairs.txt && echo "sample: bench/out/sample_pairs.txt"
if run dedup; then
  # recoupe dedup over the whole stream: CPU time (user+sys) and peak RSS
  /usr/bin/time -f "dedup: %U s user + %S s sys CPU, %e s wall, peak RSS %M KB" \
    ./build/recoupe dedup --json $S > bench/out/dedup_stream.jsonl
  tail -n 1 bench/out/dedup_stream.jsonl | head -c 300; echo
fi
[ "$mode" = big ] && $B big ${2:-1000000} $S ${3:-}
exit 0
