#!/usr/bin/env python3
"""pair_diff.py STREAM SAMPLE -- for each pair of a `bench_relate sample`
output, prints what a reader needs to judge it: for a duplicate, whether the
two texts are equal (after lower-casing and dropping punctuation and spacing);
otherwise both texts sentence by sentence, '=' for a sentence found in the
other text, '+' for one that is not."""
import gzip, json, re, sys
docs = {}
for l in gzip.open(sys.argv[1], 'rt'):
    o = json.loads(l)
    docs[str(o['id'])] = o
def text(o): return '\n\n'.join(x or '' for x in (o.get('title'), o.get('heading'), o.get('article')))
def norm(s): return re.sub(r'[\W_]+', '', s.lower())
def sents(s): return [x for x in re.split(r'(?<=[.!?"»])\s*(?=[A-ZÀ-Ý"«-])|\n+', s) if x.strip()]
for l in open(sys.argv[2], errors='replace'):
    m = re.match(r'=== pair (\d+): (\S+) -> (\S+)  kind (\S+) score (\S+)', l)
    if not m: continue
    n, a, b, kind, sc = m.groups()
    A, B = docs[a], docs[b]
    head = f"pair {n}: {a} ({A['published']}) -> {b} ({B['published']}) {kind} {sc}"
    if kind == 'duplicate':
        eq = norm(text(A)) == norm(text(B))
        print(head, '| texts equal after normalisation' if eq else '| TEXTS DIFFER')
        continue
    print('=' * 100); print(head)
    sa, sb = sents(text(A)), sents(text(B))
    na, nb = {norm(x) for x in sa}, {norm(x) for x in sb}
    for tag, ss, other in (('A', sa, nb), ('B', sb, na)):
        print(f"--- {tag}: {sum(norm(x) in other for x in ss)}/{len(ss)} sentences in the other")
        for x in ss: print(('  = ' if norm(x) in other else '  + ') + x[:220])
