#!/bin/sh
# eval_facts.sh -- builds bench/facts_run, scores the facts stage on the
# hand-labelled French set and times it on the OrangeSum stream.
#   sh bench/eval_facts.sh            (from the repository root, after make)
set -eu
B=${BUILD:-build}
make --no-print-directory lib >/dev/null
cc -std=c17 -O2 -Iinclude -Isrc -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -o "$B/facts_run" bench/facts_run.c \
  "$B/librecoupe.a" -lmodest -lutf8proc -lstemmer -lcld2 -ljansson -lsqlite3 -lmicrohttpd -luchardet -lz -lstdc++ -lpthread -lm
"$B/facts_run" predict bench/data/facts/texts.jsonl > "$B/facts_pred.jsonl" 2>/dev/null
python3 bench/eval_facts.py bench/data/facts/gold.jsonl "$B/facts_pred.jsonl" "$@"
S=../shared/data/orangesum/stream_2020.jsonl.gz
if [ -f "$S" ]; then echo "== speed: $S"; "$B/facts_run" bench "$S"; fi
