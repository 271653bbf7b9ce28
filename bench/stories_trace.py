#!/usr/bin/env python3
"""stories_trace.py -- why each article of a story joined it: the best
comparison the clusterer made for it, read from a trace build.

usage: stories_trace.py STREAM.jsonl.gz ASSIGN.jsonl TRACE [--verdicts FILE] [KEY...]

TRACE is the standard error of bench_cluster built with -DRCP_CLUSTER_TRACE:
  BUILD=build-trace CPPFLAGS=-DRCP_CLUSTER_TRACE sh bench/build_bench.sh
  zcat STREAM | build-trace/bench_cluster orangesum --relate --assign A.jsonl 2>TRACE
(bench_cluster numbers the stream's lines from 1: the trace's row ids.)
Each of its lines: T row story n sim cs tf later gap bonus cos_stem
cos_title cos_name cos_num ok narts.  The stories printed are those whose
KEY (as in bench/stories_verdicts.txt) is given, or all read in FILE.
For each article: publication, title, then the trace line of its most
similar story (sim cs tf later gap bonus and the four cosines).
"""
import collections, json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stories_checks import load_docs, story_key


def main(argv):
    verd = None
    if '--verdicts' in argv:
        k = argv.index('--verdicts'); verd = argv[k + 1]; argv = argv[:k] + argv[k + 2:]
    if len(argv) < 4:
        sys.exit(__doc__)
    docs = load_docs(argv[1])
    order = list(docs)                      # insertion order = stream order
    row = {i: k + 1 for k, i in enumerate(order)}
    st = collections.defaultdict(list)
    for l in open(argv[2], encoding='utf-8'):
        o = json.loads(l)
        st[o['story']].append(str(o['id']))
    bykey = {story_key(ids): s for s, ids in st.items()}
    best = {}
    for l in open(argv[3], encoding='utf-8'):
        p = l.split()
        if not p or p[0] != 'T' or p[14] != '1': continue
        r, sim = int(p[1]), float(p[4])
        if r not in best or sim > best[r][0]: best[r] = (sim, p)
    want = [(k, '') for k in argv[4:]]
    if verd:
        for l in open(verd, encoding='utf-8'):
            p = l.split(None, 3)
            if len(p) >= 3 and p[0] == 'story': want.append((p[1], ' '.join(p[2:]).strip()))
    for k, note in want:
        if k not in bykey:
            print(f'{k}: not a story of this run'); continue
        print(f'{k} {note[:90]}')
        for i in sorted(st[bykey[k]], key=lambda j: docs[j]['published']):
            b = best.get(row[i])
            print('   %s %-70s %s' % (docs[i]['published'][5:16], docs[i]['title'][:70],
                                     ' '.join(b[1][4:14]) if b else '-'))


if __name__ == '__main__':
    main(sys.argv)
