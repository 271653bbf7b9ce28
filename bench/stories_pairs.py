#!/usr/bin/env python3
"""stories_pairs.py -- article pairs read by hand as a quick check of the
story clustering on the OrangeSum 2020 stream, between readings of the
story samples (bench/stories_orangesum.sh).

usage: stories_pairs.py ASSIGN.jsonl [ASSIGN.jsonl ...]
       stories_pairs.py --sample STREAM.jsonl.gz > new_pairs.jsonl

With ASSIGN files (bench_cluster --assign): for the pairs of
bench/data/story_pairs.tsv, how many the run puts in one story, against
the reader's verdict: pairs of one event in one story (tp), pairs of two
events in one story (fp), precision, recall and accuracy, also on each
half (even and odd lines) so that a change that helps only one half
shows.  The pairs are the ambiguous ones (close but not copies), so
these figures are lower than a random sample of pairs would give.

With --sample: the sampler that made the file (seed 7), printing
{"a","b","cos"} lines to read.  Standard library only.
"""
import collections, datetime, json, os, random, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stories_checks import load_docs, tfidf_normalise, words

PAIRS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'story_pairs.tsv')


def sample(path):
    docs = list(load_docs(path).values())
    df = collections.Counter(); vec = {}
    for i, d in enumerate(docs):
        c = collections.Counter(w[:6] for w in words(d['title'] + ' ' + (d.get('heading') or '') + ' ' + d['article']))
        vec[i] = c; df.update(c.keys())
    tfidf_normalise(vec, df)
    day = [datetime.date.fromisoformat(d['date']).toordinal() for d in docs]
    inv = collections.defaultdict(list)
    for i, v in vec.items():
        for w, _ in sorted(v.items(), key=lambda kv: -kv[1])[:15]: inv[w].append(i)
    cand = set()
    for l in inv.values():
        if len(l) > 400: continue
        for a in range(len(l)):
            for b in range(a + 1, len(l)):
                if abs(day[l[a]] - day[l[b]]) <= 3: cand.add((l[a], l[b]))
    near = []
    for i, j in cand:
        if docs[i]['title'] == docs[j]['title']: continue
        x, y = (vec[i], vec[j]) if len(vec[i]) < len(vec[j]) else (vec[j], vec[i])
        s = sum(w * y.get(k, 0) for k, w in x.items())
        if 0.15 <= s < 0.75: near.append((s, i, j))
    bins = collections.defaultdict(list)
    for s, i, j in sorted(near): bins[int(s * 20)].append((s, i, j))
    rnd = random.Random(7); pick = []
    for b in sorted(bins):
        pick += rnd.sample(bins[b], min(18, len(bins[b])))
    rnd.shuffle(pick)
    for s, i, j in pick:
        print(json.dumps({'a': docs[i]['id'], 'b': docs[j]['id'], 'cos': round(s, 3)}))


def score(paths):
    pairs = []
    for l in open(PAIRS, encoding='utf-8'):
        if l.startswith('#') or not l.strip(): continue
        a, b, same, _ = l.split('\t')
        pairs.append((a, b, int(same)))
    for path in paths:
        st = {}
        for l in open(path, encoding='utf-8'):
            o = json.loads(l)
            st[str(o['id'])] = o['story']
        cells = []
        for half in (None, 0, 1):
            tp = fp = fn = tn = 0
            for k, (a, b, y) in enumerate(pairs):
                if half is not None and k % 2 != half: continue
                one = st[a] == st[b]
                tp += one and y; fp += one and not y; fn += y and not one; tn += not (one or y)
            cells.append((tp, fp, fn, tn))
        tp, fp, fn, tn = cells[0]
        halves = ' '.join(f'{(c[0] + c[3]) / sum(c):.3f}' for c in cells[1:])
        print(f'{path}: {len(pairs)} pairs ({tp + fn} one event); in one story: {tp} of one event, '
              f'{fp} of two; precision {tp / max(tp + fp, 1):.3f} recall {tp / max(tp + fn, 1):.3f} '
              f'accuracy {(tp + tn) / len(pairs):.3f} (halves {halves})')


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--sample':
        sample(sys.argv[2])
    elif len(sys.argv) >= 2 and not sys.argv[1].startswith('-'):
        score(sys.argv[1:])
    else:
        sys.exit(__doc__)
