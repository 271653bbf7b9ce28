#!/usr/bin/env python3
"""Score extracted metadata: title exact match and publication day.

usage: score_extract_meta.py SET PREDICTIONS.jsonl [--per-page]

SET: tev-fr (title, date from evaldata-fr.json where given) or
orangesum-pages (title from gold.jsonl; the day from "published" of the
OrangeSum stream for the pages it shares with the set, joined on the URL).  Title match is exact after NFC and white-space
normalisation; the date is the first 10 characters (YYYY-MM-DD).
Prints 'SET title=... (N pages) day=... (N pages)', and for tev-fr, whose
reference names authors, 'author=... (N pages)' (exact after the same
normalisation; no target, for information).
"""
import json, os, sys, unicodedata

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'data', 'extraction')


def norm(s):
    return ' '.join(unicodedata.normalize('NFC', s or '').split())


def main(argv):
    args = [a for a in argv[1:] if not a.startswith('--')]
    per = '--per-page' in argv
    if len(args) != 2: sys.exit(__doc__)
    st, path = args
    pred = {}
    for line in open(path, encoding='utf-8'):
        o = json.loads(line); pred[str(o['id'])] = o
    gold = []  # (id, title, date)
    authors = {}
    if st == 'tev-fr':
        ev = json.load(open(os.path.join(DATA, 'tev-fr', 'evaldata-fr.json'), encoding='utf-8'))
        for k, e in ev.items():
            pid = os.path.basename(e['file']).split('.')[0]
            gold.append((pid, e.get('title'), e.get('date')))
            if e.get('author'): authors[pid] = e['author']
    elif st == 'orangesum-pages':
        # gold.jsonl has no dates; the OrangeSum stream has "published" for
        # the pages it shares with this set (joined on the URL).
        pubs = {}
        stream = os.path.join(DATA, '..', 'orangesum', 'stream_2020.jsonl.gz')
        if os.path.exists(stream):
            import gzip
            for line in gzip.open(stream, 'rt', encoding='utf-8'):
                o = json.loads(line)
                if o.get('url') and o.get('published'): pubs[o['url']] = o['published']
        for line in open(os.path.join(DATA, 'orangesum-pages', 'gold.jsonl'), encoding='utf-8'):
            g = json.loads(line); gold.append((str(g['id']), g.get('title'), pubs.get(g.get('url'))))
    else:
        sys.exit(__doc__)
    tn = tok = dn = dok = 0
    for pid, title, date in gold:
        p = pred.get(pid, {})
        if title:
            tn += 1; ok = norm(p.get('title')) == norm(title); tok += ok
            if per and not ok: print(f'{pid} title: got {norm(p.get("title"))!r} want {norm(title)!r}')
        if date:
            dn += 1; ok = (p.get('published') or '')[:10] == date[:10]; dok += ok
            if per and not ok: print(f'{pid} date: got {p.get("published")!r} want {date!r}')
    t = tok / tn if tn else float('nan'); d = dok / dn if dn else float('nan')
    extra = ''
    if authors:
        aok = 0
        for pid, a in authors.items():
            ok = norm(pred.get(pid, {}).get('author')) == norm(a); aok += ok
            if per and not ok: print(f'{pid} author: got {pred.get(pid, {}).get("author")!r} want {a!r}')
        extra = f' author={aok / len(authors):.4f} ({len(authors)} pages)'
    print(f'{st} title={t:.4f} ({tn} pages) day={d:.4f} ({dn} pages){extra}')


if __name__ == '__main__':
    main(sys.argv)
