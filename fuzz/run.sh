#!/bin/sh
# run.sh SECONDS [TARGET...] -- builds the fuzz/fuzz_*.c targets (all, or
# the ones named) with clang's libFuzzer + ASan + UBSan and runs each for
# SECONDS over a copy of its corpus.  A crash leaves its input as
# build-fuzz/crash-* (add it to fuzz/corpus/<target>/ once fixed); the run
# goes on with the next target and fails at the end if any crashed.
set -u
secs=${1:-60}; shift 2>/dev/null || true
mkdir -p build-fuzz
make --no-print-directory lib BUILD=build-fuzz CC=clang CXX=clang++ OPT=-O1 \
  SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" >/dev/null || exit 1
targets=${*:-$(ls fuzz/fuzz_*.c | sed 's|fuzz/fuzz_\(.*\)\.c|\1|')}
bad=""
for name in $targets; do
  clang -std=c17 -O1 -g -Iinclude -Isrc -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
    -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer \
    -o "build-fuzz/fuzz_$name" "fuzz/fuzz_$name.c" build-fuzz/src/*.o \
    -lmodest -lutf8proc -lstemmer -lcld2 -ljansson -lsqlite3 -lmicrohttpd -luchardet -lz -lstdc++ -lpthread -lm \
    || { bad="$bad $name(build)"; continue; }
  mkdir -p "build-fuzz/corpus_$name" "fuzz/corpus/$name"
  cp -n fuzz/corpus/"$name"/* "build-fuzz/corpus_$name"/ 2>/dev/null || true
  echo "fuzz $name for ${secs}s"
  if ! (cd build-fuzz && "./fuzz_$name" -max_total_time="$secs" -max_len=65536 \
          -print_final_stats=1 "corpus_$name" 2>"fuzz_$name.log"); then
    bad="$bad $name"
    grep -E "ERROR|runtime error|Test unit written" "build-fuzz/fuzz_$name.log" | head -5
  else
    grep -E "stat::number_of_executed_units" "build-fuzz/fuzz_$name.log"
  fi
done
if [ -n "$bad" ]; then echo "fuzz: crashes in:$bad (logs in build-fuzz/)"; exit 1; fi
echo "fuzz: all targets ran clean"
