#!/usr/bin/env python3
"""eval_facts.py -- scores facts predictions against the hand-labelled set.

    python3 bench/eval_facts.py GOLD.jsonl PRED.jsonl [--split heldout | --skip N] [-v]

Entities: exact surface span and type (PER, LOC, ORG), as multisets per
article; predictions of type OTH are not scored.  Dates: a gold point date
is found when a predicted date's text overlaps it (one contains the other)
and resolves to the same value at the gold precision (day YYYY-MM-DD, month
YYYY-MM, year YYYY, week W<monday>); durations (P<qty><unit>) likewise.
"dates to the right day" is P/R over day-precision points.  Figures: the
quantity, the qualifier and the unit (folded, plural s ignored) must all be
right, on overlapping text.  --split heldout scores only the articles after
the first 20 (the first 20 were looked at while tuning the rules); --skip N scores the
articles after the first N (--skip 62: the 8 labelled last, see docs/facts.md).
"""
import json, sys, unicodedata

def fold(s):
    if s is None:
        return ""
    s = unicodedata.normalize("NFKD", s.replace("\u2019", "'").casefold())
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return " ".join(s.replace("œ", "oe").split())

def unit_key(u):
    u = fold(u)
    if len(u) > 3 and u[-1] in "sx" and u not in ("pays", "mois", "fois", "voix", "prix"):
        u = u[:-1]
    return u

QUAL = {"more than": "plus de", "about": "environ", "nearly": "près de", "at least": "au moins",
        "up to": "jusqu'à", "less than": "moins de"}

def overlap(a, b):
    a, b = fold(a), fold(b)
    return a in b or b in a

def prf(tp, npred, ngold):
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

def greedy(gold, pred, ok):
    used = [False] * len(pred)
    tp = 0
    misses = []
    for g in gold:
        hit = False
        for j, p in enumerate(pred):
            if not used[j] and ok(g, p):
                used[j] = True
                tp += 1
                hit = True
                break
        if not hit:
            misses.append(g)
    extra = [p for j, p in enumerate(pred) if not used[j]]
    return tp, misses, extra

def main():
    gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
    pred = {o["id"]: o for o in (json.loads(l) for l in open(sys.argv[2], encoding="utf-8"))}
    verbose = "-v" in sys.argv
    if "--split" in sys.argv and sys.argv[sys.argv.index("--split") + 1] == "heldout":
        gold = gold[20:]
    if "--skip" in sys.argv:
        gold = gold[int(sys.argv[sys.argv.index("--skip") + 1]):]
    c = {k: [0, 0, 0] for k in ("ent", "PER", "LOC", "ORG", "day", "point", "dur", "fig")}
    for g in gold:
        p = pred.get(g["id"], {"ents": [], "dates": [], "figs": []})
        # entities
        ge = [(n, t) for n, t in g["ents"]]
        pe = [(e[0], e[1]) for e in p["ents"] if e[1] in ("PER", "LOC", "ORG")]
        tp, miss, extra = greedy(ge, pe, lambda a, b: a == b)
        c["ent"][0] += tp; c["ent"][1] += len(pe); c["ent"][2] += len(ge)
        for t in ("PER", "LOC", "ORG"):
            gt = [x for x in ge if x[1] == t]; pt = [x for x in pe if x[1] == t]
            tpt, _, _ = greedy(gt, pt, lambda a, b: a == b)
            c[t][0] += tpt; c[t][1] += len(pt); c[t][2] += len(gt)
        if verbose and (miss or extra):
            print(f"[{g['id']}] ents missed {miss} extra {extra}")
        # dates
        def kind(v):
            return "dur" if v.startswith("P") else "day" if len(v) == 10 and v[4] == "-" else "point"
        for k in ("day", "point", "dur"):
            gd = [d for d in g["dates"] if kind(d[1]) == k]
            pdd = [d for d in p["dates"] if kind(d[1]) == k]
            tp, miss, extra = greedy(gd, pdd, lambda a, b: overlap(a[0], b[0]) and a[1] == b[1])
            c[k][0] += tp; c[k][1] += len(pdd); c[k][2] += len(gd)
            if verbose and (miss or extra):
                print(f"[{g['id']}] dates/{k} missed {miss} extra {extra}")
        # figures
        def fig_ok(a, b):
            return (overlap(a[0], b[0]) and abs(a[1] - b[1]) <= 1e-6 * max(1.0, abs(a[1]))
                    and QUAL.get(a[2], a[2]) == QUAL.get(b[2], b[2]) and unit_key(a[3]) == unit_key(b[3]))
        tp, miss, extra = greedy(g["figs"], p["figs"], fig_ok)
        c["fig"][0] += tp; c["fig"][1] += len(p["figs"]); c["fig"][2] += len(g["figs"])
        if verbose and (miss or extra):
            print(f"[{g['id']}] figs missed {miss} extra {[e[:4] for e in extra]}")
    print(f"articles: {len(gold)}")
    names = {"ent": "entities (span+type)", "PER": "  persons", "LOC": "  places", "ORG": "  organisations",
             "day": "dates to the right day", "point": "dates, month/year/week", "dur": "durations",
             "fig": "figures (number+qualifier+unit)"}
    print(f"{'kind':34} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for k in ("ent", "PER", "LOC", "ORG", "day", "point", "dur", "fig"):
        tp, npred, ngold = c[k]
        P, R, F = prf(tp, npred, ngold)
        print(f"{names[k]:34} {ngold:5d} {npred:5d} {tp:5d} {P:6.3f} {R:6.3f} {F:6.3f}")
    quotes(sys.argv[1], pred, {g["id"] for g in gold})

def quotes(gold_path, pred, ids):
    """Quotes: a gold quote is found when a predicted quote of its article
    starts like it (folded, first 30 characters); its speaker is right when
    the folded names are equal or end with the same word ("Ardern" /
    "Jacinda Ardern").  Speaker P = right / predicted speakers (of found
    quotes), R = right / gold quotes with a speaker."""
    import os
    qpath = os.path.join(os.path.dirname(gold_path), "quotes_gold.tsv")
    if not os.path.exists(qpath):
        return
    gq = {}
    for line in open(qpath, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        aid, _, prefix, spk = (line.rstrip("\n").split("\t") + [""])[:4]
        if aid in ids:
            gq.setdefault(aid, []).append((prefix, spk))
    found = ngold = right = npred_spk = ngold_spk = 0
    for aid, qs in gq.items():
        pq = list(pred.get(aid, {}).get("quotes", []))
        used = [False] * len(pq)
        for prefix, spk in qs:
            ngold += 1
            ngold_spk += bool(spk)
            for j, (text, ps) in enumerate(pq):
                if not used[j] and fold(text)[:30] == fold(prefix)[:30]:
                    used[j] = True
                    found += 1
                    if ps:
                        npred_spk += 1
                        a, b = fold(ps), fold(spk)
                        if b and (a == b or a.split()[-1] == b.split()[-1]):
                            right += 1
                    break
    P, R, F = prf(right, npred_spk, ngold_spk)
    print(f"{'quotes found':34} {ngold:5d} {'':>5} {found:5d} {'':>6} {found / max(1, ngold):6.3f}")
    print(f"{'quote speakers':34} {ngold_spk:5d} {npred_spk:5d} {right:5d} {P:6.3f} {R:6.3f} {F:6.3f}")

if __name__ == "__main__":
    main()
