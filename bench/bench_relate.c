/* bench_relate.c -- measures analysis, fingerprints and relations on the
** OrangeSum 2020 stream (../shared/data/orangesum), ECB+ and generated
** corpora.  Never part of pass/fail: bench/relate.sh runs it and prints the
** figures docs/benchmarks.md records.
**
**   bench_relate speed STREAM                analysis+fingerprint MB/s (1 core)
**   bench_relate groups STREAM DUPGROUPS     dup_groups recall, differing groups
**   bench_relate lsh STREAM                  LSH recall vs exact all-pairs J >= 0.8
**   bench_relate sample STREAM N SEED        N random related pairs, for reading
**   bench_relate lang FILE.jsonl.gz FIELD LANG   language accuracy
**   bench_relate rewrites DIR                rewrite recall / false rewrites
**   bench_relate big N STREAM                N generated pages: speed, index bytes, RSS
**   bench_relate minhash STREAM N SEED       estimate vs exact J on N random stream pairs
*/
#include "recoupe_int.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <zlib.h>
#include <dirent.h>

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

/* ---- reading records ---------------------------------------------- */

typedef struct rec {
  char *id, *title, *text, *date;
  int64_t pub;
  size_t len;
} rec;

static char *xstrdup(const char *s) { return s ? strdup(s) : NULL; }

static char *read_line(gzFile f, char **buf, size_t *cap) {
  size_t n = 0;
  for (;;) {
    if (*cap - n < 2) { *cap = *cap ? *cap * 2 : 1 << 16; *buf = realloc(*buf, *cap); }
    if (!gzgets(f, *buf + n, (int)(*cap - n))) return n ? *buf : NULL;
    n += strlen(*buf + n);
    if (n && (*buf)[n - 1] == '\n') return *buf;
  }
}

/* OrangeSum stream: text = title, heading, article as three blocks. */
static rec *load_stream(const char *path, size_t *n) {
  gzFile f = gzopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  rec *r = NULL;
  size_t k = 0, cap = 0, bcap = 0;
  char *buf = NULL;
  while (read_line(f, &buf, &bcap)) {
    json_error_t e;
    json_t *o = json_loads(buf, 0, &e);
    if (!o) continue;
    if (k == cap) { cap = cap ? cap * 2 : 1024; r = realloc(r, cap * sizeof *r); }
    const char *t = json_string_value(json_object_get(o, "title"));
    const char *h = json_string_value(json_object_get(o, "heading"));
    const char *a = json_string_value(json_object_get(o, "article"));
    const char *p = json_string_value(json_object_get(o, "published"));
    json_t *id = json_object_get(o, "id");
    char idb[64];
    if (json_is_integer(id)) snprintf(idb, sizeof idb, "%lld", (long long)json_integer_value(id));
    else snprintf(idb, sizeof idb, "%s", json_string_value(id) ? json_string_value(id) : "?");
    size_t len = strlen(t ? t : "") + strlen(h ? h : "") + strlen(a ? a : "") + 8;
    char *txt = malloc(len);
    snprintf(txt, len, "%s\n\n%s\n\n%s", t ? t : "", h ? h : "", a ? a : "");
    r[k].id = xstrdup(idb);
    r[k].title = xstrdup(t ? t : "");
    r[k].text = txt;
    r[k].len = strlen(txt);
    r[k].date = xstrdup(json_string_value(json_object_get(o, "date")));
    r[k].pub = p ? rcp__parse_iso(p) : INT64_MIN;
    k++;
    json_decref(o);
  }
  free(buf);
  gzclose(f);
  if (getenv("LIMIT") && (size_t)atol(getenv("LIMIT")) < k) k = (size_t)atol(getenv("LIMIT"));
  *n = k;
  return r;
}

static int cmp_rec(const void *x, const void *y) {
  const rec *a = x, *b = y;
  if (a->pub != b->pub) return a->pub < b->pub ? -1 : 1;
  return strcmp(a->id, b->id);
}

/* Every distinct document of dup_groups.jsonl.gz, in publication order. */
static rec *load_groups_docs(const char *path, size_t *n) {
  gzFile f = gzopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  rec *r = NULL;
  size_t k = 0, cap = 0, bcap = 0;
  char *buf = NULL;
  while (read_line(f, &buf, &bcap)) {
    json_error_t e;
    json_t *o = json_loads(buf, 0, &e);
    if (!o) continue;
    json_t *ds = json_object_get(o, "docs");
    for (size_t i = 0; i < json_array_size(ds); i++) {
      json_t *d = json_array_get(ds, i);
      char idb[64];
      snprintf(idb, sizeof idb, "%lld", (long long)json_integer_value(json_object_get(d, "id")));
      int seen = 0;
      for (size_t j = 0; j < k && !seen; j++) seen = !strcmp(r[j].id, idb);
      if (seen) continue;
      if (k == cap) { cap = cap ? cap * 2 : 1024; r = realloc(r, cap * sizeof *r); }
      const char *t = json_string_value(json_object_get(d, "title"));
      const char *h = json_string_value(json_object_get(d, "heading"));
      const char *a = json_string_value(json_object_get(d, "article"));
      const char *p = json_string_value(json_object_get(d, "published"));
      size_t len = strlen(t ? t : "") + strlen(h ? h : "") + strlen(a ? a : "") + 8;
      char *txt = malloc(len);
      snprintf(txt, len, "%s\n\n%s\n\n%s", t ? t : "", h ? h : "", a ? a : "");
      r[k].id = xstrdup(idb);
      r[k].title = xstrdup(t ? t : "");
      r[k].text = txt;
      r[k].len = strlen(txt);
      r[k].date = xstrdup(json_string_value(json_object_get(d, "date")));
      r[k].pub = p ? rcp__parse_iso(p) : INT64_MIN;
      k++;
    }
    json_decref(o);
  }
  free(buf);
  gzclose(f);
  qsort(r, k, sizeof *r, cmp_rec);
  *n = k;
  return r;
}

static rcp_doc *mk(const char *text, size_t len, int64_t pub) {
  rcp_page p;
  memset(&p, 0, sizeof p);
  p.body = text;
  p.body_len = len;
  rcp_doc *d = NULL;
  if (rcp__doc_new(NULL, &p, &d) != RCP_OK) return NULL;
  d->text = d->raw;
  d->text_len = d->raw_len;
  d->pub_time = pub;
  return d;
}

static rcp_doc *process(const char *text, size_t len, int64_t pub) {
  rcp_doc *d = mk(text, len, pub);
  if (!d) return NULL;
  if (rcp__analyze(NULL, d) != RCP_OK || rcp__fingerprint(NULL, d) != RCP_OK) { rcp_doc_free(d); return NULL; }
  return d;
}

/* ---- relating a stream -------------------------------------------- */

typedef struct prel { size_t a, b; const char *kind; double score; } prel;

static rcp_doc **g_docs;
static size_t g_ndocs;
static const rcp_doc *fetch(void *ud, size_t idx, rcp_doc **owned) {
  (void)ud; *owned = NULL;
  return idx < g_ndocs ? g_docs[idx] : NULL;
}

/* Relates docs in order; returns pairs (a earlier in input, b later). */
static prel *relate_all(rcp_doc **docs, size_t n, size_t *np, double *cpu, size_t *ixbytes, size_t *winbytes) {
  rcp_relidx *ix = NULL;
  rcp_ctx *ctx = NULL;
  rcp_ctx_open(&ctx, NULL, NULL);
  if (rcp__relidx_new(ctx, &ix) != RCP_OK) exit(3);
  g_docs = docs; g_ndocs = n;
  rcp__relidx_set_fetch(ix, fetch, NULL);
  prel *out = NULL;
  size_t k = 0, cap = 0;
  double t0 = cpu_now();
  for (size_t i = 0; i < n; i++) {
    docs[i]->rowid = (int64_t)i + 1;
    rcp_rel *r; size_t nr;
    if (rcp__relate_doc(ix, docs[i], &r, &nr) != RCP_OK) exit(3);
    for (size_t j = 0; j < nr; j++) {
      if (k == cap) { cap = cap ? cap * 2 : 1024; out = realloc(out, cap * sizeof *out); }
      out[k].a = (size_t)r[j].other - 1; out[k].b = i; out[k].kind = r[j].kind; out[k].score = r[j].score;
      k++;
    }
    rcp__free(r);
  }
  if (cpu) *cpu = cpu_now() - t0;
  size_t np2 = 0;
  size_t b = rcp__relidx_bytes(ix, &np2, winbytes);
  if (ixbytes) *ixbytes = b;
  rcp__relidx_free(ix);
  rcp_ctx_free(ctx);
  *np = k;
  return out;
}

static size_t *uf;
static size_t uf_find(size_t x) { while (uf[x] != x) { uf[x] = uf[uf[x]]; x = uf[x]; } return x; }
static void uf_union(size_t a, size_t b) { a = uf_find(a); b = uf_find(b); if (a != b) uf[a < b ? b : a] = a < b ? a : b; }

static rcp_doc **process_all(rec *r, size_t n, double *cpu, size_t *bytes) {
  rcp_doc **d = malloc(n * sizeof *d);
  double t0 = cpu_now();
  size_t by = 0;
  for (size_t i = 0; i < n; i++) {
    d[i] = process(r[i].text, r[i].len, r[i].pub);
    d[i]->title = rcp__arena_strdup(d[i]->arena, r[i].title);   /* as ingest sets it from "title" */
    by += r[i].len;
  }
  if (cpu) *cpu = cpu_now() - t0;
  if (bytes) *bytes = by;
  return d;
}

/* ---- modes -------------------------------------------------------- */

static int mode_speed(const char *path) {
  size_t n;
  rec *r = load_stream(path, &n);
  double best = 1e9, first = 0;
  size_t bytes = 0;
  for (int rep = 0; rep < 3; rep++) {
    double t0 = cpu_now();
    bytes = 0;
    for (size_t i = 0; i < n; i++) {
      rcp_doc *d = process(r[i].text, r[i].len, r[i].pub);
      bytes += r[i].len;
      rcp_doc_free(d);
    }
    double t = cpu_now() - t0;
    if (t < best) best = t;
    if (rep == 0) first = t;   /* the stem cache starts empty: as in one `recoupe` run */
  }
  /* split: analysis only */
  double t0 = cpu_now();
  for (size_t i = 0; i < n; i++) {
    rcp_doc *d = mk(r[i].text, r[i].len, r[i].pub);
    rcp__analyze(NULL, d);
    rcp_doc_free(d);
  }
  double ta = cpu_now() - t0;
  printf("speed: %zu docs, %.1f MB of text; analysis+fingerprints %.3f s CPU = %.1f MB/s, %.0f docs/s (best of 3; "
         "first pass, stem cache empty: %.3f s = %.1f MB/s); analysis alone %.1f MB/s\n",
         n, bytes / 1e6, best, bytes / 1e6 / best, n / best, first, bytes / 1e6 / first, bytes / 1e6 / ta);
  return 0;
}

static int mode_groups(const char *stream, const char *groups) {
  size_t n;
  rec *r = strcmp(stream, "-") ? load_stream(stream, &n) : load_groups_docs(groups, &n);
  double tp, tr;
  size_t bytes;
  rcp_doc **docs = process_all(r, n, &tp, &bytes);
  size_t np, ixb, winb;
  prel *p = relate_all(docs, n, &np, &tr, &ixb, &winb);
  printf("stream: %zu docs, %.1f MB; analysis+fingerprints %.2f s CPU; relate %.2f s CPU; %zu relations\n",
         n, bytes / 1e6, tp, tr, np);
  printf("index: %zu bytes = %.1f bytes/page (+ rewrite window and df sketch %zu bytes)\n",
         ixb, (double)ixb / n, winb);
  size_t kinds[6] = { 0 };
  const char *kn[] = { "duplicate", "near_duplicate", "contains", "update", "rewrite" };
  for (size_t i = 0; i < np; i++) for (int k = 0; k < 5; k++) if (!strcmp(p[i].kind, kn[k])) kinds[k]++;
  printf("kinds:");
  for (int k = 0; k < 5; k++) printf(" %s %zu", kn[k], kinds[k]);
  printf("\n");
  /* id -> index */
  uf = malloc(n * sizeof *uf);
  for (size_t i = 0; i < n; i++) uf[i] = i;
  for (size_t i = 0; i < np; i++) uf_union(p[i].a, p[i].b);
  gzFile f = gzopen(groups, "rb");
  if (!f) { perror(groups); return 2; }
  char *buf = NULL;
  size_t bcap = 0, ident = 0, ident_ok = 0, diff = 0, outside = 0;
  FILE *rep = fopen("bench/out/differing_groups.txt", "w");
  while (read_line(f, &buf, &bcap)) {
    json_error_t e;
    json_t *o = json_loads(buf, 0, &e);
    if (!o) continue;
    json_t *ds = json_object_get(o, "docs");
    size_t m = json_array_size(ds);
    int same = 1;
    const char *a0 = json_string_value(json_object_get(json_array_get(ds, 0), "article"));
    for (size_t i = 1; i < m; i++) {
      const char *ai = json_string_value(json_object_get(json_array_get(ds, i), "article"));
      if (!a0 || !ai || strcmp(a0, ai)) same = 0;
    }
    /* indexes of the members in the stream */
    size_t idx[64], mi = 0;
    for (size_t i = 0; i < m && mi < 64; i++) {
      char idb[32];
      snprintf(idb, sizeof idb, "%lld", (long long)json_integer_value(json_object_get(json_array_get(ds, i), "id")));
      for (size_t j = 0; j < n; j++) if (!strcmp(r[j].id, idb)) { idx[mi++] = j; break; }
    }
    int all = 1;                 /* the members present in this input */
    for (size_t i = 1; i < mi; i++) if (uf_find(idx[i]) != uf_find(idx[0])) all = 0;
    if (mi < 2) { outside += same; json_decref(o); continue; }   /* not (wholly) in this stream */
    if (same) { ident++; ident_ok += all; if (!all) printf("MISSED identical group %lld\n", (long long)json_integer_value(json_object_get(o, "group"))); }
    else {
      diff++;
      if (rep) {
        fprintf(rep, "== group %lld (%zu docs)\n", (long long)json_integer_value(json_object_get(o, "group")), m);
        for (size_t i = 0; i < mi; i++) {
          fprintf(rep, "  [%zu] %s %s %.70s (%zu B)\n", i, r[idx[i]].id, r[idx[i]].date, r[idx[i]].title, r[idx[i]].len);
        }
        for (size_t i = 0; i < mi; i++) for (size_t j = i + 1; j < mi; j++) {
          size_t a = idx[i] < idx[j] ? idx[i] : idx[j], b = idx[i] < idx[j] ? idx[j] : idx[i];
          const char *kind = "-";
          double sc = 0;
          for (size_t q = 0; q < np; q++) if ((p[q].a == a && p[q].b == b)) { kind = p[q].kind; sc = p[q].score; }
          double jj = rcp__minhash_jaccard(&docs[a]->fp, &docs[b]->fp);
          fprintf(rep, "    %zu-%zu: %s %.2f (J~%.2f, nsh %u/%u)\n", i, j, kind, sc, jj, docs[a]->fp.nshingles, docs[b]->fp.nshingles);
        }
      }
    }
    json_decref(o);
  }
  if (rep) fclose(rep);
  printf("dup_groups: identical-body groups %zu, all members related %zu (recall %.4f); differing groups %zu (see bench/out/differing_groups.txt); "
         "identical-body groups with fewer than 2 members in this input: %zu\n",
         ident, ident_ok, ident ? (double)ident_ok / ident : 0, diff, outside);
  return 0;
}

/* ---- exact all-pairs Jaccard >= t (prefix filtering, Bayardo 2007) ---- */

typedef struct shset { uint64_t *h; size_t n; } shset;

static void shingles_of(const rcp_doc *d, shset *s) {
  size_t n = d->ntoks, ns = n >= 3 ? n - 2 : (n ? 1 : 0);
  s->h = malloc((ns ? ns : 1) * 8);
  for (size_t i = 0; i + 2 < n; i++)
    s->h[i] = d->toks[i].hash * 0x9E3779B97F4A7C15ULL ^ (d->toks[i + 1].hash * 31 + d->toks[i + 2].hash * 17);
  if (n && n < 3) s->h[0] = d->toks[0].hash;
  s->n = ns;
}

static int cmpu64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static double exact_j(const shset *a, const shset *b) {
  size_t i = 0, j = 0, inter = 0;
  while (i < a->n && j < b->n) { if (a->h[i] == b->h[j]) { inter++; i++; j++; } else if (a->h[i] < b->h[j]) i++; else j++; }
  return a->n + b->n - inter ? (double)inter / (double)(a->n + b->n - inter) : 1.0;
}

static int mode_lsh(const char *path) {
  size_t n;
  rec *r = load_stream(path, &n);
  rcp_doc **docs = process_all(r, n, NULL, NULL);
  shset *S = calloc(n, sizeof *S);
  for (size_t i = 0; i < n; i++) {
    shingles_of(docs[i], &S[i]);
    qsort(S[i].h, S[i].n, 8, cmpu64);
    size_t u = 0;
    for (size_t k = 0; k < S[i].n; k++) if (!k || S[i].h[k] != S[i].h[k - 1]) S[i].h[u++] = S[i].h[k];
    S[i].n = u;
  }
  /* global frequency order: rank = hash mixed (any fixed total order is exact for prefix filtering) */
  const double t = 0.8;
  /* inverted index over prefixes: shingle -> list of docs; use sorting of (key, doc) pairs */
  size_t tot = 0;
  for (size_t i = 0; i < n; i++) tot += S[i].n ? S[i].n - (size_t)ceil(t * S[i].n) + 1 : 0;
  uint64_t (*pp)[2] = malloc(tot * sizeof *pp);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (!S[i].n) continue;
    size_t pl = S[i].n - (size_t)ceil(t * S[i].n) + 1;
    for (size_t q = 0; q < pl; q++) { pp[k][0] = S[i].h[q]; pp[k][1] = i; k++; }
  }
  qsort(pp, k, sizeof *pp, cmpu64);   /* sorts by key (first word) */
  /* candidate pairs within each key run */
  size_t pairs = 0, cap = 0, checked = 0;
  size_t (*P)[2] = NULL;
  for (size_t a = 0; a < k;) {
    size_t b = a;
    while (b < k && pp[b][0] == pp[a][0]) b++;
    for (size_t x = a; x < b; x++) for (size_t y = x + 1; y < b; y++) {
      size_t i = pp[x][1], j = pp[y][1];
      if (i == j) continue;
      if (i > j) { size_t tmp = i; i = j; j = tmp; }
      double lo = S[i].n < S[j].n ? S[i].n : S[j].n, hi = S[i].n < S[j].n ? S[j].n : S[i].n;
      if (lo < t * hi) continue;
      checked++;
      if (exact_j(&S[i], &S[j]) >= t) {
        if (pairs == cap) { cap = cap ? cap * 2 : 1024; P = realloc(P, cap * sizeof *P); }
        P[pairs][0] = i; P[pairs][1] = j; pairs++;
      }
    }
    a = b;
  }
  /* dedupe pairs */
  qsort(P, pairs, sizeof *P, cmpu64);
  size_t u = 0;
  for (size_t q = 0; q < pairs; q++) if (!u || P[q][0] != P[u - 1][0] || P[q][1] != P[u - 1][1]) { P[u][0] = P[q][0]; P[u][1] = P[q][1]; u++; }
  pairs = u;
  /* what the index found */
  size_t np;
  prel *p = relate_all(docs, n, &np, NULL, NULL, NULL);
  /* canonical of exact duplicates */
  size_t *canon = malloc(n * sizeof *canon);
  for (size_t i = 0; i < n; i++) canon[i] = i;
  for (size_t q = 0; q < np; q++) if (!strcmp(p[q].kind, "duplicate")) canon[p[q].b] = canon[p[q].a];
  /* relation set keyed by (min,max) */
  uint64_t *rk = malloc((np + 1) * 8);
  for (size_t q = 0; q < np; q++) { size_t a = p[q].a < p[q].b ? p[q].a : p[q].b, b = p[q].a < p[q].b ? p[q].b : p[q].a; rk[q] = (uint64_t)a << 32 | b; }
  qsort(rk, np, 8, cmpu64);
  size_t found = 0, nondup = 0, nondup_found = 0;
  for (size_t q = 0; q < pairs; q++) {
    size_t a = canon[P[q][0]], b = canon[P[q][1]];
    if (a == b) { found++; continue; }
    nondup++;
    nondup_found++;   /* decremented below when missed */
    if (a > b) { size_t tmp = a; a = b; b = tmp; }
    uint64_t key = (uint64_t)a << 32 | b;
    if (bsearch(&key, rk, np, 8, cmpu64)) found++;
    else if (nondup_found--, getenv("VERBOSE")) printf("missed %s %s J=%.3f\n", r[P[q][0]].id, r[P[q][1]].id, exact_j(&S[P[q][0]], &S[P[q][1]]));
  }
  printf("lsh: %zu pairs with exact Jaccard >= %.1f (all-pairs, prefix filtering, %zu verified); related by the index %zu: recall %.4f; "
         "of them %zu pairs not exact duplicates (through the LSH): %zu found, recall %.4f\n",
         pairs, t, checked, found, pairs ? (double)found / pairs : 1.0, nondup, nondup_found, nondup ? (double)nondup_found / nondup : 1.0);
  return 0;
}

static int mode_sample(const char *path, int want, unsigned seed) {
  size_t n;
  rec *r = load_stream(path, &n);
  rcp_doc **docs = process_all(r, n, NULL, NULL);
  size_t np;
  prel *p = relate_all(docs, n, &np, NULL, NULL, NULL);
  srand(seed);
  if (getenv("KIND")) {   /* only one kind */
    size_t k = 0;
    for (size_t q = 0; q < np; q++) if (!strcmp(p[q].kind, getenv("KIND"))) p[k++] = p[q];
    np = k;
  }
  printf("# %zu relations in the stream; %d sampled with seed %u\n", np, want, seed);
  for (int s = 0; s < want && np; s++) {
    size_t q = ((size_t)rand() * 65536u + (size_t)rand()) % np;
    rec *a = &r[p[q].a], *b = &r[p[q].b];
    printf("=== pair %d: %s -> %s  kind %s score %.2f\n", s + 1, a->id, b->id, p[q].kind, p[q].score);
    printf("A %s %s | %.300s\n", a->id, a->date, a->text);
    printf("B %s %s | %.300s\n", b->id, b->date, b->text);
    /* tail of both */
    printf("A-end ...%s\n", a->len > 200 ? a->text + a->len - 200 : a->text);
    printf("B-end ...%s\n", b->len > 200 ? b->text + b->len - 200 : b->text);
  }
  return 0;
}

static int mode_minhash(const char *path, int want, unsigned seed) {
  size_t n;
  rec *r = load_stream(path, &n);
  rcp_doc **docs = process_all(r, n, NULL, NULL);
  srand(seed);
  int within = 0;
  double sum = 0, worst = 0;
  for (int s = 0; s < want; s++) {
    size_t i = (size_t)rand() % n, j = (size_t)rand() % n;
    shset a, b;
    shingles_of(docs[i], &a); shingles_of(docs[j], &b);
    /* the library's own shingle hashing differs; compare sets of token triples */
    qsort(a.h, a.n, 8, cmpu64); qsort(b.h, b.n, 8, cmpu64);
    size_t u = 0; for (size_t k = 0; k < a.n; k++) if (!k || a.h[k] != a.h[k - 1]) a.h[u++] = a.h[k]; a.n = u;
    u = 0; for (size_t k = 0; k < b.n; k++) if (!k || b.h[k] != b.h[k - 1]) b.h[u++] = b.h[k]; b.n = u;
    double ej = exact_j(&a, &b), est = rcp__minhash_jaccard(&docs[i]->fp, &docs[j]->fp);
    double e = fabs(ej - est);
    sum += e; if (e > worst) worst = e;
    within += e <= 0.05;
    free(a.h); free(b.h);
  }
  printf("minhash on %d random stream pairs: %d within +-0.05, mean abs error %.4f, worst %.4f\n", want, within, sum / want, worst);
  return 0;
}

static int mode_lang(const char *path, const char *field, const char *want) {
  gzFile f = gzopen(path, "rb");
  if (!f) { perror(path); return 2; }
  char *buf = NULL;
  size_t bcap = 0, n = 0, ok = 0, unk = 0;
  char other[256] = "";
  while (read_line(f, &buf, &bcap)) {
    json_error_t e;
    json_t *o = json_loads(buf, 0, &e);
    if (!o) continue;
    json_t *v = json_object_get(o, field);
    char *text = NULL;
    if (json_is_string(v)) text = strdup(json_string_value(v));
    else if (json_is_array(v)) {
      size_t tl = 0;
      for (size_t i = 0; i < json_array_size(v); i++) tl += strlen(json_string_value(json_array_get(v, i))) + 1;
      text = malloc(tl + 1); text[0] = 0;
      for (size_t i = 0; i < json_array_size(v); i++) { strcat(text, json_string_value(json_array_get(v, i))); strcat(text, " "); }
    }
    if (text) {
      rcp_doc *d = mk(text, strlen(text), INT64_MIN);
      rcp__analyze(NULL, d);
      n++;
      if (!strcmp(d->lang, want)) ok++;
      else { if (!strcmp(d->lang, "un")) unk++; if (strlen(other) < 200) { strcat(other, d->lang); strcat(other, " "); } }
      rcp_doc_free(d);
      free(text);
    }
    json_decref(o);
  }
  printf("lang %s (%s): %zu docs, %zu detected as %s (accuracy %.4f), %zu unknown; others: %s\n",
         path, field, n, ok, want, n ? (double)ok / n : 0, unk, other);
  return 0;
}

/* Rewrites: DIR/pairs.tsv lines "kind\tfileA\tfileB" (kind: rewrite or topic). */
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  *len = fread(b, 1, (size_t)n, f);
  b[*len] = 0;
  fclose(f);
  return b;
}

static int mode_rewrites(const char *dir) {
  char p[4096];
  snprintf(p, sizeof p, "%s/pairs.tsv", dir);
  FILE *f = fopen(p, "r");
  if (!f) { perror(p); return 2; }
  char line[1024];
  int nrw = 0, rw_ok = 0, rw_related = 0, ntopic = 0, topic_false = 0, topic_related = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n') continue;
    char kind[32], fa[256], fb[256];
    if (sscanf(line, "%31s %255s %255s", kind, fa, fb) != 3) continue;
    size_t la, lb;
    snprintf(p, sizeof p, "%s/%s", dir, fa);
    char *ta = slurp(p, &la);
    snprintf(p, sizeof p, "%s/%s", dir, fb);
    char *tb = slurp(p, &lb);
    rcp_doc *docs[2] = { process(ta, la, 1600000000), process(tb, lb, 1600003600) };
    rcp_relation *rels = NULL;
    size_t nr = 0;
    rcp_dedup(NULL, docs, 2, &rels, &nr);
    const char *k = nr ? rels[0].kind : "-";
    double sc = nr ? rels[0].score : 0;
    if (!strcmp(kind, "rewrite")) { nrw++; rw_ok += nr && !strcmp(k, "rewrite"); rw_related += nr > 0; }
    else { ntopic++; topic_false += nr && !strcmp(k, "rewrite"); topic_related += nr > 0; }
    printf("%-8s %-28s %-28s -> %s %.2f\n", kind, fa, fb, k, sc);
    free(rels);
    rcp_doc_free(docs[0]); rcp_doc_free(docs[1]);
    free(ta); free(tb);
  }
  fclose(f);
  printf("rewrites: %d pairs, %d found as rewrite (recall %.3f), %d related at all; same-topic pairs: %d, %d false rewrite, %d related at all\n",
         nrw, rw_ok, nrw ? (double)rw_ok / nrw : 0, rw_related, ntopic, topic_false, topic_related);
  return 0;
}

/* ---- generated corpus --------------------------------------------- */

static uint64_t rs = 88172645463325252ULL;
static uint64_t xr(void) { rs ^= rs << 13; rs ^= rs >> 7; rs ^= rs << 17; return rs; }

static int mode_big(size_t want, const char *stream, const char *outpath) {
  size_t n;
  rec *r = load_stream(stream, &n);
  /* sentence pool: every sentence of every stream doc */
  size_t ns = 0, cap = 0;
  struct { const char *p; uint32_t len; } *S = NULL;
  for (size_t i = 0; i < n; i++) {
    rcp_doc *d = mk(r[i].text, r[i].len, INT64_MIN);
    rcp__analyze(NULL, d);
    for (size_t s = 0; s < d->nsents; s++) {
      if (ns == cap) { cap = cap ? cap * 2 : 65536; S = realloc(S, cap * sizeof *S); }
      S[ns].p = r[i].text + d->sents[s].off; S[ns].len = d->sents[s].len; ns++;
    }
    rcp_doc_free(d);
  }
  gzFile out = outpath ? gzopen(outpath, "wb1") : NULL;
  rcp_relidx *ix = NULL;
  rcp_ctx *ctx = NULL;
  rcp_ctx_open(&ctx, NULL, NULL);
  rcp__relidx_new(ctx, &ix);
  /* pages: 70% new (8-20 random sentences, shuffled), 20% copies of a
  ** recent page, 10% copies with a sentence changed or appended */
  char *buf = malloc(1 << 20);
  size_t *lenhist = malloc(want * sizeof *lenhist);
  uint64_t *seeds = malloc(want * sizeof *seeds);
  double t0 = cpu_now();
  size_t bytes = 0, nrel = 0, nd = 0;
  int64_t t = 1577836800;   /* 2020-01-01 */
  for (size_t i = 0; i < want; i++) {
    uint64_t kind = xr() % 10;
    size_t len = 0;
    uint64_t seed;
    if (kind < 7 || i < 100) seed = xr();
    else seed = seeds[i - 1 - xr() % (i < 5000 ? i : 5000)];
    seeds[i] = seed;
    uint64_t save = rs;
    rs = seed | 1;
    int nsent = 8 + (int)(xr() % 13);
    for (int s = 0; s < nsent; s++) {
      size_t q = xr() % ns;
      if (len + S[q].len + 2 >= (1 << 20)) break;
      memcpy(buf + len, S[q].p, S[q].len); len += S[q].len; buf[len++] = ' ';
    }
    rs = save;
    if (kind == 9) {   /* edited copy */
      size_t q = xr() % ns;
      if (len + S[q].len + 2 < (1 << 20)) { memcpy(buf + len, S[q].p, S[q].len); len += S[q].len; }
    }
    buf[len] = 0;
    t += 30 + (int64_t)(xr() % 30);   /* ~2 pages a minute: 1M pages over ~1.5 years */
    if (out) { gzprintf(out, "{\"id\":\"g%zu\",\"text\":", i); json_t *js = json_stringn(buf, len); char *dump = json_dumps(js, JSON_ENCODE_ANY); gzputs(out, dump); gzputs(out, "}\n"); free(dump); json_decref(js); }
    rcp_doc *d = process(buf, len, t);
    d->rowid = (int64_t)i + 1;
    rcp_rel *rl; size_t nr;
    rcp__relate_doc(ix, d, &rl, &nr);
    nrel += nr;
    for (size_t k = 0; k < nr; k++) nd += !strcmp(rl[k].kind, "duplicate");
    rcp__free(rl);
    bytes += len;
    rcp_doc_free(d);
    if ((i + 1) % 100000 == 0) {
      size_t pg, wb, b = rcp__relidx_bytes(ix, &pg, &wb);
      fprintf(stderr, "  %zu pages, %.1f s CPU, index %.1f bytes/page, window %zu KB, RSS %ld MB\n", i + 1, cpu_now() - t0, (double)b / pg, wb / 1024, peak_rss_kb() / 1024);
    }
  }
  double tt = cpu_now() - t0;
  size_t pg, wb, b = rcp__relidx_bytes(ix, &pg, &wb);
  printf("big: %zu generated pages (%.0f MB of text) from %zu stream sentences; %.1f s CPU (%.0f pages/s, %.1f MB/s) for analysis+fingerprints+relate; %zu relations (%zu duplicate); index %zu bytes = %.1f bytes/page; window+df %zu KB; peak RSS %ld MB\n",
         want, bytes / 1e6, ns, tt, want / tt, bytes / 1e6 / tt, nrel, nd, b, (double)b / pg, wb / 1024, peak_rss_kb() / 1024);
  if (out) gzclose(out);
  rcp__relidx_free(ix);
  rcp_ctx_free(ctx);
  (void)lenhist;
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: see the file comment\n"); return 2; }
  const char *m = argv[1];
  if (!strcmp(m, "speed")) return mode_speed(argv[2]);
  if (!strcmp(m, "groups") && argc > 3) return mode_groups(argv[2], argv[3]);
  if (!strcmp(m, "lsh")) return mode_lsh(argv[2]);
  if (!strcmp(m, "sample") && argc > 4) return mode_sample(argv[2], atoi(argv[3]), (unsigned)atoi(argv[4]));
  if (!strcmp(m, "minhash") && argc > 4) return mode_minhash(argv[2], atoi(argv[3]), (unsigned)atoi(argv[4]));
  if (!strcmp(m, "lang") && argc > 4) return mode_lang(argv[2], argv[3], argv[4]);
  if (!strcmp(m, "rewrites")) return mode_rewrites(argv[2]);
  if (!strcmp(m, "big") && argc > 3) return mode_big((size_t)atol(argv[2]), argv[3], argc > 4 ? argv[4] : NULL);
  fprintf(stderr, "unknown mode\n");
  return 2;
}
