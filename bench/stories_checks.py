#!/usr/bin/env python3
"""stories_checks.py -- checks of the story clustering on the OrangeSum 2020
stream (issue 5), from the output of `bench_cluster orangesum --assign`.

usage: stories_checks.py STREAM.jsonl.gz DUP_GROUPS.jsonl.gz ASSIGN.jsonl LINKS.jsonl
                         [--window DAYS] [--verdicts FILE] [--show] [--seed N]

1. span: no story lasts longer than its window (first to last publication).
2. recurring titles: in dup_groups, two pages with the same title (a title
   published on 3 days or more), on different days, with different text,
   must be in different stories.
3. 30 random stories with >= 3 articles (seed 2020, or --seed N for
   another sample of the same run): printed with --show, and
   counted against the reader's verdicts ("story KEY yes|no note" lines,
   KEY from the story's articles, so a verdict holds across runs).
4. every story of >= 3 articles whose articles match a verdict of any
   earlier sample (the bank of verdicts): how many, how many one event.
5. the 30 pairs of stories with articles on the same day whose texts are the
   most similar (TF-IDF cosine of titles + headings): printed with --show,
   counted against verdicts ("pair KEY KEY merge|keep note").
Standard library only.
"""
import collections, datetime, gzip, hashlib, json, math, random, re, sys

STOP = set("""le la les de des du un une et a au aux en dans par pour sur qui que
quoi est sont ont il elle ils elles ne pas plus ce cette ces son sa ses se d l
qu n s avec apres avant selon mais ou donc or ni car leur leurs y on nous vous
je tu lui eux été être avoir fait comme tout tous toute toutes très bien entre
sans sous vers chez depuis dont été deux trois""".split())


def words(t):
    return [w for w in re.findall(r"[a-zà-ÿœæ0-9]+", t.lower()) if w not in STOP and len(w) > 2]



def tfidf_normalise(vec, df):
    """Counters of words -> unit TF-IDF vectors, in place (df over vec)."""
    n = len(vec)
    for key, c in vec.items():
        v = {w: (1 + math.log(k)) * math.log(n / df[w]) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1
        vec[key] = {w: x / norm for w, x in v.items()}


def story_key(ids):
    """A story's key in the verdicts: its members, not its id (ids change
    with every run; a story with the same articles keeps its verdict)."""
    return hashlib.sha1(','.join(sorted(ids, key=int)).encode()).hexdigest()[:10]


def load_docs(path):
    """The stream's articles by id (a .jsonl.gz of {"id", ...} objects)."""
    docs = {}
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        for l in f:
            o = json.loads(l)
            docs[str(o['id'])] = o
    return docs

def main(argv):
    window = 7
    verdicts = None
    show = '--show' in argv
    argv = [a for a in argv if a != '--show']
    if '--window' in argv:
        k = argv.index('--window'); window = int(argv[k + 1]); argv = argv[:k] + argv[k + 2:]
    seed = 2020
    if '--seed' in argv:
        k = argv.index('--seed'); seed = int(argv[k + 1]); argv = argv[:k] + argv[k + 2:]
    if '--verdicts' in argv:
        k = argv.index('--verdicts'); verdicts = argv[k + 1]; argv = argv[:k] + argv[k + 2:]
    if len(argv) != 5:
        sys.exit(__doc__)
    docs = load_docs(argv[1])
    assign = {}
    for l in open(argv[3], encoding='utf-8'):
        o = json.loads(l)
        assign[o['id']] = o['story']
    links = [json.loads(l) for l in open(argv[4], encoding='utf-8')]
    stories = collections.defaultdict(list)
    for i, s in assign.items():
        stories[s].append(i)

    def mkey(s):
        return story_key(stories[s])

    def when(i):
        return datetime.datetime.fromisoformat(docs[i]['published'])

    # 1. span
    over = 0; longest = 0.0
    for s, ids in stories.items():
        ts = [when(i) for i in ids]
        span = (max(ts) - min(ts)).total_seconds() / 86400
        longest = max(longest, span)
        if span > window: over += 1
    sizes = collections.Counter(min(len(v), 10) for v in stories.values())
    print(f'documents={len(assign)} stories={len(stories)} storyline_links={len(links)}')
    print('story sizes (10 = 10 or more): ' + ' '.join(f'{k}:{sizes[k]}' for k in sorted(sizes)))
    print(f'span: stories longer than {window} days: {over}; longest {longest:.2f} days')

    # 2. recurring titles: a title published on 3 or more different days
    tdays = collections.defaultdict(set)
    for d in docs.values(): tdays[d['title'].strip()].add(d['date'])
    pairs = same = 0; bad = []
    with gzip.open(argv[2], 'rt', encoding='utf-8') as f:
        for l in f:
            g = json.loads(l)
            ds = [d for d in g['docs'] if str(d['id']) in assign]
            for a in range(len(ds)):
                for b in range(a + 1, len(ds)):
                    x, y = ds[a], ds[b]
                    if x['title'].strip() != y['title'].strip(): continue
                    if len(tdays[x['title'].strip()]) < 3: continue
                    if x['date'] == y['date'] or x['article'] == y['article']: continue
                    pairs += 1
                    if assign[str(x['id'])] == assign[str(y['id'])]:
                        same += 1; bad.append((x['id'], y['id'], x['title'][:60]))
    print(f'recurring titles (on >= 3 days): {pairs} pairs of pages (same title, other day, '
          f'other text); in one story: {same}')
    for b in bad[:10]:
        print('   ', b)

    # verdicts
    vs, vp = {}, {}
    if verdicts:
        for l in open(verdicts, encoding='utf-8'):
            p = l.split(None, 3)
            if len(p) >= 3 and p[0] == 'story': vs[p[1]] = p[2]
            if len(p) >= 4 and p[0] == 'pair': vp[tuple(sorted((p[1], p[2])))] = p[3].split()[0]

    # 3. 30 random stories with >= 3 articles
    rnd = random.Random(seed)
    big = sorted(s for s, v in stories.items() if len(v) >= 3)
    sample = rnd.sample(big, min(30, len(big)))
    yes = sum(1 for s in sample if vs.get(mkey(s)) == 'yes')
    no = sum(1 for s in sample if vs.get(mkey(s)) == 'no')
    print(f'sample: {len(sample)} random stories of >= 3 articles ({len(big)} such); '
          f'verdicts: {yes} one event, {no} not, {len(sample) - yes - no} unread')
    # every story of >= 3 articles already read in any sample (the bank):
    # a larger, if not random, count than the 30 drawn
    rb = [vs[mkey(s)] for s in big if mkey(s) in vs]
    print(f'read before (verdicts of any sample that match a story of this run): {len(rb)} stories '
          f'of >= 3 articles, {rb.count("yes")} one event')
    if show:
        for s in sample:
            ids = sorted(stories[s], key=when)
            print(f'  story {mkey(s)} ({len(ids)} articles, id {s}) verdict={vs.get(mkey(s), "?")}')
            for i in ids:
                print(f'      {docs[i]["published"][:16]}  {docs[i]["title"][:110]}')

    # 4. most similar same-day story pairs
    df = collections.Counter(); vec = {}
    for s, ids in stories.items():
        c = collections.Counter()
        for i in ids:
            c.update(words(docs[i]['title'] + ' ' + (docs[i].get('heading') or '')))
        vec[s] = c; df.update(c.keys())
    tfidf_normalise(vec, df)
    byday = collections.defaultdict(set)
    for s, ids in stories.items():
        for i in ids: byday[docs[i]['date']].add(s)
    best = {}
    for day, ss in byday.items():
        ss = sorted(ss)
        for a in range(len(ss)):
            va = vec[ss[a]]
            for b in range(a + 1, len(ss)):
                vb = vec[ss[b]]
                if len(va) > len(vb): x, y = vb, va
                else: x, y = va, vb
                sim = sum(w * y.get(k, 0) for k, w in x.items())
                key = (ss[a], ss[b])
                if sim > best.get(key, -1): best[key] = sim
    top = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:30]
    pk = lambda a, b: tuple(sorted((mkey(a), mkey(b))))
    merge = sum(1 for (a, b), _ in top if vp.get(pk(a, b)) == 'merge')
    keep = sum(1 for (a, b), _ in top if vp.get(pk(a, b)) == 'keep')
    print(f'pairs: 30 most similar same-day story pairs; verdicts: {merge} should have merged, '
          f'{keep} rightly apart, {len(top) - merge - keep} unread')
    if show:
        for (a, b), sim in top:
            ka, kb = pk(a, b)
            print(f'  pair {ka} {kb} sim={sim:.2f} verdict={vp.get((ka, kb), "?")}')
            for s in (a, b):
                for i in sorted(stories[s], key=when)[:6]:
                    print(f'      [{mkey(s)}] {docs[i]["published"][:16]}  {docs[i]["title"][:100]}')


if __name__ == '__main__':
    main(sys.argv)
