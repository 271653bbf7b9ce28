#!/usr/bin/env python3
"""roundup_labels.py -- precision and recall of the round-up detector
(rcp__cluster_is_roundup, src/cluster.c) on the pages labelled by hand in
bench/data/roundup_labels.tsv.

usage: roundup_labels.py [TRACE [STREAM.jsonl.gz]]

Without TRACE, the detector's answers are those recorded in the file (when
it was labelled).  With TRACE (the standard error of a trace build of
bench_cluster over the stream: its "R row ... detected" lines), they are
read again from it, so a changed detector is measured on the same labels:
  BUILD=build-trace CPPFLAGS=-DRCP_CLUSTER_TRACE sh bench/build_bench.sh
  zcat STREAM | build-trace/bench_cluster orangesum --relate 2>TRACE >/dev/null
Precision is measured on the "detected" sample (only pages still detected
count), recall on the "random" and "covid" samples (pages labelled
round-up, detected or not).
"""
import gzip, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    rows = []
    for l in open(os.path.join(HERE, 'data', 'roundup_labels.tsv'), encoding='utf-8'):
        if l.startswith('#') or l.startswith('id\t'): continue
        i, smp, det, lab, note = l.rstrip('\n').split('\t', 4)
        rows.append([i, smp, int(det), lab])
    if len(argv) > 1:
        stream = argv[2] if len(argv) > 2 else os.path.join(HERE, '..', '..', 'shared', 'data', 'orangesum',
                                                           'stream_2020.jsonl.gz')
        order = [str(json.loads(l)['id']) for l in gzip.open(stream, 'rt', encoding='utf-8')]
        det = {}
        for l in open(argv[1], encoding='utf-8'):
            p = l.split()
            if p and p[0] == 'R': det[order[int(p[1]) - 1]] = int(p[-1])
        for r in rows: r[2] = det.get(r[0], 0)
    d = [r for r in rows if r[1] == 'detected' and r[2]]
    n = len(d)
    for name, labs in (('round-ups', {'roundup'}), ('several events (round-ups, timelines)', {'roundup', 'timeline'}),
                       ('not one event (round-ups, timelines, surveys)', {'roundup', 'timeline', 'survey'})):
        k = sum(1 for r in d if r[3] in labs)
        print(f'precision, {name}: {k}/{n} = {k / max(n, 1):.2f}')
    for smp in ('random', 'covid'):
        s = [r for r in rows if r[1] == smp]
        ru = [r for r in s if r[3] == 'roundup']
        fp = [r for r in s if r[3] == 'single' and r[2]]
        print(f'{smp} sample ({len(s)} pages): {len(ru)} round-ups, {sum(r[2] for r in ru)} detected; '
              f'{len(fp)} single-event pages detected')
    ru = [r for r in rows if r[1] in ('random', 'covid') and r[3] == 'roundup']
    print(f'recall on the random and covid samples: {sum(r[2] for r in ru)}/{len(ru)}')


if __name__ == '__main__':
    main(sys.argv)
