#!/usr/bin/env python3
"""facts_sample.py -- draws the texts of the facts labelled set from the
OrangeSum stream (deterministic: every 199th article from the 7th, skipping
exact duplicates), as title + heading + the first ~600 characters of the
body cut at a sentence end.  Writes bench/data/facts/texts.jsonl; the labels
are written by hand in bench/data/facts/gold.jsonl (rules: docs/facts.md).

    python3 bench/facts_sample.py ../shared/data/orangesum/stream_2020.jsonl.gz 70
"""
import gzip, json, re, sys

def cut(body, limit=600):
    if len(body) <= limit:
        return body
    ends = [m.end() for m in re.finditer(r"[.!?»\"](?=\s|[A-ZÀ-Ý«\"])", body) if m.end() <= limit]
    return body[:ends[-1]] if ends else body[:limit]

def main():
    path, n = sys.argv[1], int(sys.argv[2])
    out, seen = [], set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i < 7 or (i - 7) % 199:
                continue
            r = json.loads(line)
            if r["article"] in seen:
                continue
            seen.add(r["article"])
            text = r["title"].strip() + "\n\n" + r["heading"].strip() + "\n\n" + cut(r["article"].strip())
            out.append({"id": str(r["id"]), "published": r["published"], "text": text})
            if len(out) == n:
                break
    with open("bench/data/facts/texts.jsonl", "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(len(out), "texts")

if __name__ == "__main__":
    main()
