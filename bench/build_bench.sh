#!/bin/sh
# build_bench.sh -- builds build/bench_cluster (bench/bench_cluster.c) over
# the library; `make` first.
set -eu
B=${BUILD:-build}
make -s lib BUILD="$B"
cc -std=c17 -O2 -g -Iinclude -Isrc -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
  -o "$B/bench_cluster" bench/bench_cluster.c "$B/librecoupe.a" \
  -lmodest -lutf8proc -lstemmer -lcld2 -ljansson -lsqlite3 -lmicrohttpd -luchardet -lz -lstdc++ -lpthread -lm
