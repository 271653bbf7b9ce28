#!/usr/bin/env python3
"""stories_purity.py -- a proxy for mixed stories on the OrangeSum stream,
to compare settings between hand readings (bench/stories_orangesum.sh
counts the read samples; this is not a target).

usage: stories_purity.py STREAM.jsonl.gz ASSIGN.jsonl

Of the stories of 3 or more articles, the share that holds an article whose
title + heading has a TF-IDF cosine under 0.1 with the rest of its story
(articles with the same title as it left out).  Standard library only.
"""
import collections, gzip, json, math, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stories_checks import load_docs, tfidf_normalise, words


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    docs = load_docs(argv[1])
    st = collections.defaultdict(list)
    for l in open(argv[2], encoding='utf-8'):
        o = json.loads(l)
        st[o['story']].append(o['id'])
    df = collections.Counter(); vec = {}
    for i, d in docs.items():
        c = collections.Counter(words(d['title'] + ' ' + (d.get('heading') or '')))
        vec[i] = c; df.update(c.keys())
    tfidf_normalise(vec, df)
    big = bad = arts = 0
    for ids in st.values():
        if len(ids) < 3: continue
        big += 1; worst = 1.0
        for i in ids:
            rest = collections.Counter()
            for j in ids:
                if j != i and docs[j]['title'] != docs[i]['title']:
                    for w, x in vec[j].items(): rest[w] += x
            if not rest: continue
            norm = math.sqrt(sum(x * x for x in rest.values()))
            sim = sum(x * rest.get(w, 0) for w, x in vec[i].items()) / norm
            if sim < 0.1: arts += 1
            worst = min(worst, sim)
        if worst < 0.1: bad += 1
    print(f'stories of >= 3 articles: {big}; with an article of title cosine < 0.1 to the rest: '
          f'{bad} ({bad / max(big, 1):.3f}); such articles: {arts}')


if __name__ == '__main__':
    main(sys.argv)
