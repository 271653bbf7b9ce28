#!/bin/sh
# eval_summaries.sh [N_SENTENCES] -- ROUGE of `recoupe summarize` on the
# OrangeSum abstract test set (1,500 French articles; reference summaries in
# gold.txt.gz), scored by ../shared/tools/score_rouge.py.
# Run from the repository root after `make`.  Prints the scorer's line and
# the CPU time of the summaries.
set -eu
N=${1:-2}
D=../shared/data/orangesum/summaries/abstracts
B=${BUILD:-build}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
[ -f "$D/source_documents.txt.gz" ] || { echo "no $D: skipped"; exit 0; }
# one {"id", "text", "language"} object a line
zcat "$D/source_documents.txt.gz" | python3 -c '
import json, sys
for i, l in enumerate(sys.stdin):
    print(json.dumps({"id": i, "text": l.rstrip("\n"), "language": "fr"}, ensure_ascii=False))
' > "$T/in.jsonl"
/usr/bin/time -f "cpu %U s user + %S s sys, max rss %M KB" \
  "$B/recoupe" summarize --jsonl --sentences "$N" "$T/in.jsonl" > "$T/out.jsonl"
python3 -c '
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    print(json.loads(l)["summary"].replace("\n", " "))
' "$T/out.jsonl" > "$T/pred.txt"
python3 ../shared/tools/score_rouge.py "$D/gold.txt.gz" "$T/pred.txt"
