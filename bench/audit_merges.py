#!/usr/bin/env python3
"""audit_merges.py -- samples the name merges the story level makes, for a
hand judgement of their precision.

    build/facts_run stories ../shared/data/orangesum/stream_2020.jsonl.gz 12 > build/stories.jsonl
    python3 bench/audit_merges.py build/stories.jsonl 150 > sample.tsv   # then judge each line
    python3 bench/audit_merges.py --score bench/data/facts/merges_judged.tsv

A merge pair is (canonical name, variant) of one entity whose folded forms
differ (case and accents alone are not counted).  Stories are pseudo-stories:
12 consecutive articles of one section and day of the OrangeSum stream, so
the pairs include merges across articles.  Seeded sample: deterministic.
"""
import json, random, sys, unicodedata

def fold(s):
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if unicodedata.category(c) != "Mn").replace("-", " ")

def main():
    if sys.argv[1] == "--score":
        ok = bad = 0
        for line in open(sys.argv[2], encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            v = line.rstrip("\n").split("\t")[0]
            ok += v == "ok"; bad += v == "bad"
        print(f"judged {ok + bad}: {ok} right, {bad} wrong, precision {ok / (ok + bad):.3f}")
        return
    pairs = set()
    for l in open(sys.argv[1], encoding="utf-8"):
        o = json.loads(l)
        for e in o["entities"]:
            canon = e["name"]
            for v in e["variants"]:
                if fold(v) != fold(canon):
                    pairs.add((canon, v, e["type"]))
    pairs = sorted(pairs)
    random.seed(6)
    n = int(sys.argv[2])
    print(f"# {len(pairs)} distinct merge pairs; sample of {n}; columns: verdict, canonical, variant, type")
    for p in random.sample(pairs, min(n, len(pairs))):
        print("?\t" + "\t".join(p))

if __name__ == "__main__":
    main()
