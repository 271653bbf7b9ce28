#!/bin/sh
# eval_extraction.sh [OUTDIR] -- predictions for the three extraction sets
# of ../shared/data/extraction and their scores (word/snippet/bag-of-words
# F1 with ../shared/tools/score_extraction.py; title and date with
# bench/score_extract_meta.py).  Builds bench/bench_extract first.
# Run from the repository root.  Never part of pass/fail.
set -eu
OUT=${1:-build/eval}
DATA=../shared/data/extraction
TOOLS=../shared/tools
mkdir -p "$OUT"
make --no-print-directory lib >/dev/null
cc -std=c17 -O2 -g -Iinclude -Isrc -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
  -o build/bench_extract bench/bench_extract.c build/librecoupe.a \
  -lmodest -lutf8proc -lstemmer -lcld2 -ljansson -lsqlite3 -lmicrohttpd -luchardet -lz -lstdc++ -lpthread -lm
python3 - "$DATA" "$OUT" <<'PY'
import json, os, sys
data, out = sys.argv[1], sys.argv[2]
gt = json.load(open(os.path.join(data, 'aeb', 'ground-truth.json'), encoding='utf-8'))
with open(os.path.join(out, 'aeb.urls'), 'w') as f:
    for k, v in gt.items(): f.write(f"{k}\t{v.get('url') or ''}\n")
ev = json.load(open(os.path.join(data, 'tev-fr', 'evaldata-fr.json'), encoding='utf-8'))
with open(os.path.join(out, 'tev-fr.urls'), 'w') as f:
    for k, v in ev.items():
        if k.startswith('http'): f.write(f"{os.path.basename(v['file']).split('.')[0]}\t{k}\n")
with open(os.path.join(out, 'orangesum-pages.urls'), 'w') as f:
    for line in open(os.path.join(data, 'orangesum-pages', 'gold.jsonl'), encoding='utf-8'):
        g = json.loads(line); f.write(f"{g['id']}\t{g.get('url') or ''}\n")
PY
# TEMPLATES=1: learn site templates over each set first (two passes).
for set in aeb tev-fr orangesum-pages; do
  ./build/bench_extract ${TEMPLATES:+--templates} --urls "$OUT/$set.urls" --jsonl "$OUT/$set.jsonl" \
    "$DATA/$set"/html/*.html.gz >/dev/null
  python3 "$TOOLS/score_extraction.py" "$set" "$OUT/$set.jsonl" | tail -n 1
done
for set in tev-fr orangesum-pages; do
  python3 bench/score_extract_meta.py "$set" "$OUT/$set.jsonl" | tail -n 1
done
