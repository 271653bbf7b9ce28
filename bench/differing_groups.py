#!/usr/bin/env python3
"""differing_groups.py REPORT DUPGROUPS -- summarises bench/out/differing_groups.txt
(written by `bench_relate groups - DUPGROUPS`): for the OrangeSum groups whose
bodies differ, (1) the groups whose pages all appeared within 36 hours
(versions of one dispatch): how many are related into one component, (2) the
pairs of pages published more than 36 hours apart (recurring titles, or a
republication): related or not, split by the pair's MinHash Jaccard."""
import gzip, json, re, sys, datetime, itertools

def ts(p):
    try: return datetime.datetime.fromisoformat(p).timestamp()
    except Exception: return None

pub = {}
for l in gzip.open(sys.argv[2], 'rt'):
    for d in json.loads(l)['docs']:
        pub[str(d['id'])] = ts(d.get('published') or '')
txt = open(sys.argv[1], errors='replace').read()
win = [0, 0]; far = {}; far_rel = []
for g in txt.split('== group ')[1:]:
    lines = g.split('\n')
    gid = lines[0].split()[0]
    ids = [re.match(r'\s+\[\d+\] (\S+)', l).group(1) for l in lines if re.match(r'\s+\[\d+\]', l)]
    n = len(ids)
    par = list(range(n))
    def f(x):
        while par[x] != x: x = par[x]
        return x
    J = {}; K = {}
    for l in lines:
        m = re.match(r'\s+(\d+)-(\d+): (\S+) [\d.]+ \(J~([\d.]+)', l)
        if not m: continue
        a, b = int(m.group(1)), int(m.group(2))
        J[a, b] = float(m.group(4)); K[a, b] = m.group(3)
        if m.group(3) != '-': par[f(a)] = f(b)
    t = [pub.get(i) for i in ids]
    if None in t: continue
    if max(t) - min(t) <= 36 * 3600:
        win[0] += 1; win[1] += len(set(f(i) for i in range(n))) == 1
    for a, b in itertools.combinations(range(n), 2):
        if abs(t[a] - t[b]) <= 36 * 3600: continue
        hi = J[a, b] >= 0.5
        rel = f(a) == f(b)
        far[hi, rel] = far.get((hi, rel), 0) + 1
        if rel and not hi: far_rel.append((gid, ids[a], ids[b], J[a, b], K[a, b]))
print(f"groups within 36 h (versions of one dispatch): {win[0]}, related into one component: {win[1]}")
for hi in (False, True):
    print(f"pairs more than 36 h apart with Jaccard {'>=' if hi else '<'} 0.5: "
          f"{far.get((hi, True), 0)} related, {far.get((hi, False), 0)} not related")
for x in far_rel: print("  related far pair with low Jaccard: group %s %s %s J %.2f %s" % x)
