#!/usr/bin/env python3
"""facts_disagree_sample.py -- draws seeded random samples of the
disagreements of a run (stories.json) and prints each with what a person
needs to judge it: the values, the articles that give each value (site,
publication time, title) and the sentences the values come from.

    recoupe run --db /tmp/s.db --out /tmp/s ../shared/data/orangesum/stream_2020.jsonl.gz
    python3 bench/facts_disagree_sample.py /tmp/s/stories.json \
        ../shared/data/orangesum/stream_2020.jsonl.gz --seed 1 --n 30 [--kind figure]
    python3 bench/facts_disagree_sample.py /tmp/s/stories.json STREAM --counts
    python3 bench/facts_disagree_sample.py --score bench/data/facts/disagree_verdicts.tsv

Sentences: figures, the sentence of each article that contains the value's
text; dates, the lede (title, standfirst and first two sentences: where the
event date is read); names, the sentences that contain the spelling.
Verdicts are written by hand in bench/data/facts/disagree_verdicts.tsv
(columns: seed, kind, n, story, about, verdict, why; verdict real|false).
The sample is drawn with random.Random(seed) over the disagreements of one
kind in the order of stories.json, so a given stories.json and seed always
give the same sample.
"""
import argparse, gzip, json, random, re, sys
from collections import Counter, defaultdict

SENT = re.compile(r"(?<=[.!?»])\s+(?=[«\"A-ZÀ-Ý0-9])|\n\s*\n")


def sentences(text):
    out = []
    for para in re.split(r"\n\s*\n", text):
        out += [s.strip() for s in SENT.split(para) if s and s.strip()]
    return out


def load_texts(path, ids):
    texts = {}
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            i = str(r.get("id"))
            if i in ids and i not in texts:
                texts[i] = (r.get("title", "").strip() + "\n\n" + r.get("heading", "").strip() + "\n\n" +
                            r.get("article", "").strip())
    return texts


def fold(s):
    import unicodedata
    s = unicodedata.normalize("NFD", s.lower().replace("\u2019", "'"))
    return "".join(c for c in s if not unicodedata.combining(c))


def find_sents(text, needle, limit=3):
    ss = sentences(text)
    n = fold(needle)
    hits = [(k, s) for k, s in enumerate(ss) if n in fold(s)]
    return hits[:limit]


def collect(stories):
    out = defaultdict(list)
    for st in stories:
        for d in st.get("disagreements", []):
            out[d["kind"]].append((st, d))
    return out


def show(st, d, texts, k, seed):
    arts = {a["id"]: a for a in st["articles"]}
    print("=" * 100)
    print(f"[{d['kind']} #{k} seed {seed}] story {st['id']} ({len(st['articles'])} articles, "
          f"{st.get('independent_sources')} sources): {st['title']}")
    print(f"  about: {d['about']}")
    for v in d["values"]:
        print(f"  VALUE «{v['text']}»  articles {','.join(v['articles'])}  independent {v.get('independent')}")
        for aid in v["articles"][:2]:
            a = arts.get(aid, {})
            rel = ",".join(f"{r['kind']}:{r['to']}" for r in a.get("relations", []))
            print(f"    - {aid} {a.get('site')} {a.get('published')} «{(a.get('title') or '')[:90]}» {rel}")
            t = texts.get(aid, "")
            if d["kind"] == "date":
                for s in sentences(t)[:4]:
                    print(f"        | {s[:300]}")
            else:
                for si, s in find_sents(t, v["text"]):
                    print(f"        | (s{si}) {s[:400]}")
        if len(v["articles"]) > 2:
            print(f"    ... {len(v['articles']) - 2} more")


def score(path):
    c = defaultdict(Counter)
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        p = line.rstrip("\n").split("\t")
        c[(p[0], p[1])][p[5]] += 1
    for (seed, kind), v in sorted(c.items()):
        n = sum(v.values())
        print(f"seed {seed:>12} {kind:7} real {v['real']:3d} / {n:3d} = {v['real'] / n:.2f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("stories", nargs="?")
    ap.add_argument("stream", nargs="?")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--kind", action="append")
    ap.add_argument("--counts", action="store_true")
    ap.add_argument("--score")
    a = ap.parse_args()
    if a.score:
        score(a.score)
        return
    stories = json.load(open(a.stories, encoding="utf-8"))
    by = collect(stories)
    nst = sum(1 for st in stories if st.get("disagreements"))
    print(f"{len(stories)} stories, {sum(1 for st in stories if len(st['articles']) > 1)} of 2+ articles, "
          f"{nst} with a disagreement: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(by.items())))
    if a.counts:
        return
    kinds = a.kind or ["figure", "date", "name"]
    picks = {}
    for kind in kinds:
        rng = random.Random(f"{a.seed}:{kind}")
        items = by.get(kind, [])
        picks[kind] = rng.sample(items, min(a.n, len(items)))
    ids = {aid for kind in picks for st, d in picks[kind] for v in d["values"] for aid in v["articles"][:2]}
    texts = load_texts(a.stream, ids) if a.stream else {}
    for kind in kinds:
        for k, (st, d) in enumerate(picks[kind], 1):
            show(st, d, texts, k, a.seed)


if __name__ == "__main__":
    main()
