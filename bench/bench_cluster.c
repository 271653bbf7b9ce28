/* bench_cluster.c -- story clustering on its own, after analysis: reads
** JSON Lines on stdin, analyzes each document (timed apart), clusters them
** in batches as the pipeline does, and writes what it decided.
**
**   bench_cluster ecbplus  [--split S] [opts] < ecbplus_docs.jsonl
**       fields doc_id, split, sentences (no dates, no titles)
**   bench_cluster orangesum [opts] < stream_2020.jsonl
**       fields id, title, heading, article, published
**   bench_cluster gen N [opts]
**       N synthetic documents (tokens made directly, no text), 3,000 a
**       day, for memory over a long stream
** opts: --pred FILE   one {"id","cluster"} per document (after merges)
**       --assign FILE one {"id","story","published","title"} per document
**       --links FILE  one {"a","b","kind"} per storyline link
**       --batch N (256) --window DAYS (7) --join X --merge X --storyline X
**       --w-title X --w-name X --w-num X --w-stem X --tau X --max-feats N
**       --query-feats N --name-cap X --merge-series X --unk-time X --prune X
**       --roundup 0|1 --roundup-join X  the round-up rule (docs/stories.md)
**       --series-update 0|1
**       --bulletin 0|1  the daily-bulletin rule (docs/stories.md)
**       --ecb-raw     ECB+ text as given (tokenised), not detokenised
**       --order-seed N  another order among pages of one time (ECB+)
**       --no-ents     without the entity pass (names from capitals only)
**       --relate      run the relate stage before clustering, as `recoupe
**                     add` does (copies and updates join their original's
**                     story); timed apart, every document kept in memory
** Prints documents, stories, clustering docs/s, peak RSS and clusterer
** bytes.  Never pass/fail.
*/
#include "recoupe_int.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* CPU time of this thread: the clustering runs here, analysis on the pool's
** threads, and the machine may be shared (wall time would count others). */
static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long rss_kb(void) {   /* current resident set, from /proc */
  FILE *f = fopen("/proc/self/statm", "r");
  long pages = 0, res = 0;
  if (f) { if (fscanf(f, "%ld %ld", &pages, &res) != 2) res = 0; fclose(f); }
  return res * 4;
}

/* union-find over story ids, for merges */
static int64_t *uf; static size_t ufn;
static int64_t find(int64_t x) {
  while ((size_t)x < ufn && uf[x] != x) x = uf[x] = uf[uf[x]];
  return x;
}
static void grow_uf(int64_t x) {
  if ((size_t)x < ufn) return;
  size_t n = ufn ? ufn : 1024;
  while (n <= (size_t)x) n *= 2;
  uf = realloc(uf, n * sizeof *uf);
  for (size_t i = ufn; i < n; i++) uf[i] = (int64_t)i;
  ufn = n;
}

static int64_t *story_of; static size_t nstory_of;   /* by article row id */
static FILE *links_f;
static int keep_assign;   /* per-document tables only when written out (not in gen) */
static void on_assign(void *ud, int64_t a, int64_t s) {
  (void)ud;
  if (!keep_assign) return;
  grow_uf(s);
  if ((size_t)a >= nstory_of) {
    size_t n = nstory_of ? nstory_of * 2 : 1024;
    while (n <= (size_t)a) n *= 2;
    story_of = realloc(story_of, n * sizeof *story_of);
    memset(story_of + nstory_of, 0, (n - nstory_of) * sizeof *story_of);
    nstory_of = n;
  }
  story_of[a] = s;
}
static void on_merge(void *ud, int64_t from, int64_t into) {
  (void)ud;
  if (!keep_assign) return;
  grow_uf(from); grow_uf(into);
  uf[find(from)] = find(into);
}
static void on_link(void *ud, int64_t a, int64_t b, const char *kind) {
  (void)ud;
  if (links_f) fprintf(links_f, "{\"a\":%lld,\"b\":%lld,\"kind\":\"%s\"}\n", (long long)a, (long long)b, kind);
}

/* ---- ECB+ text as pages have it -------------------------------------
** ECB+ gives its documents tokenised ("Reid 's", "`` American Pie ''",
** "09 / 14 / 2013", "http : / / www . ny1 . com / ...").  Real pages are
** not, and the page's URL is not part of its text.  So: the leading URL
** (tokens joined by URL separators, up to two words in a row) becomes the
** page's URL, and the rest is detokenised: no space before , . ; : ! ? )
** 's n't ''; none after ( `` $; `` and '' become "; tokens around "/" and
** a ":" between two numbers are glued ("9:06", "and/or"). */
static int url_sep(const char *t) {
  return strlen(t) == 1 && strchr("/.-_?=&:+#~%", t[0]);
}
static int is_num(const char *t) { return *t >= '0' && *t <= '9'; }
static void ecb_detok(const char *in, rcp_buf *url, rcp_buf *out) {
  char *s = strdup(in), *save = NULL;
  char *tok[8192];
  size_t n = 0;
  for (char *t = strtok_r(s, " ", &save); t && n < 8192; t = strtok_r(NULL, " ", &save)) tok[n++] = t;
  size_t i = 0;
  if (n > 3 && (strcmp(tok[0], "http") == 0 || strcmp(tok[0], "https") == 0) && strcmp(tok[1], ":") == 0) {
    for (; i < n; i++) {
      if (i > 0 && !url_sep(tok[i]) && !url_sep(tok[i - 1])) break;
      rcp__buf_adds(url, tok[i]);
    }
  }
  int glue = 1;                      /* no space before the next token */
  for (; i < n; i++) {
    const char *t = tok[i];
    int q_open = strcmp(t, "``") == 0, q_close = strcmp(t, "''") == 0;
    int nospace_before = q_close || (strlen(t) == 1 && strchr(",.;:!?)]}%", t[0])) ||
                         strcmp(t, "'s") == 0 || strcmp(t, "n't") == 0 || strcmp(t, "'re") == 0 ||
                         strcmp(t, "'ll") == 0 || strcmp(t, "'ve") == 0 || strcmp(t, "'m") == 0 ||
                         strcmp(t, "'d") == 0 || strcmp(t, "/") == 0;
    int numcolon = strcmp(t, ":") == 0 && i > 0 && i + 1 < n && is_num(tok[i - 1]) && is_num(tok[i + 1]);
    if (numcolon) nospace_before = 1;
    if (!glue && !nospace_before) rcp__buf_adds(out, " ");
    rcp__buf_adds(out, q_open || q_close ? "\"" : t);
    glue = q_open || strcmp(t, "/") == 0 || (strlen(t) == 1 && strchr("([{$", t[0])) || numcolon;
  }
  free(s);
}
static int ecb_raw;   /* --ecb-raw: the tokenised text as it is, URL included */

typedef struct item { rcp_doc *d; char *id; rcp_rel *rels; size_t nrels; } item;
typedef struct batchctx { rcp_ctx *ctx; item *it; } batchctx;
static int do_relate;
static int no_ents;     /* --no-ents: without the entity pass (names from capitals only) */
static uint64_t order_seed;   /* --order-seed N: another order among pages of one time (ECB+: undated ones) */   /* --relate: the relate stage before clustering, as `recoupe add` does */
static void analyze_one(void *ud, size_t i, int worker) {
  (void)worker;
  batchctx *b = ud;
  rcp__analyze(b->ctx, b->it[i].d);
  if (!no_ents) rcp__facts_entities_only(b->ctx, b->it[i].d);   /* as the pipeline does */
  if (do_relate) rcp__fingerprint(b->ctx, b->it[i].d);
  else rcp__hash128(b->it[i].d->text, b->it[i].d->text_len, b->it[i].d->fp.exact);
  if (order_seed) b->it[i].d->fp.exact[0] = rcp__hash64(b->it[i].d->fp.exact, 16, order_seed);
}

/* --relate keeps every document: the relate stage aligns a page with an
** earlier one (by input index) to tell updates and rewrites. */
static rcp_doc **kept; static size_t nkept, ckept;
static const rcp_doc *fetch_kept(void *ud, size_t idx, rcp_doc **owned) {
  (void)ud; *owned = NULL;
  return idx < nkept ? kept[idx] : NULL;
}

static rcp_doc *make_doc(rcp_ctx *ctx, const char *id, const char *title, const char *text,
                         const char *published, const char *url) {
  rcp_page p;
  memset(&p, 0, sizeof p);
  p.id = id; p.source = "-"; p.title = title; p.published = published; p.url = url;
  p.body = text; p.body_len = strlen(text);
  rcp_doc *d = NULL;
  if (rcp__doc_new(ctx, &p, &d) != RCP_OK) return NULL;
  d->title = d->in_title;
  d->published = d->in_published;
  d->text = d->raw;
  d->text_len = d->raw_len;
  d->pub_time = rcp__parse_iso(d->published);
  return d;
}

/* ---- synthetic documents: events of a few rare words over a common
** vocabulary, 3,000 documents a day, each event living 1-5 days -------- */
static uint64_t rng = 88172645463325252ULL;
static uint64_t xr(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static rcp_doc *gen_doc(rcp_ctx *ctx, uint64_t i, char *idbuf) {
  int64_t t0 = 1577836800;                       /* 2020-01-01 */
  int64_t t = t0 + (int64_t)(i * 86400 / 3000);
  uint64_t day = i / 3000;
  /* an event: id among the ~600 of its day and the 4 days before */
  uint64_t ev = (day - (xr() % (day < 4 ? day + 1 : 5))) * 600 + xr() % 600;
  snprintf(idbuf, 32, "g%llu", (unsigned long long)i);
  rcp_page p;
  memset(&p, 0, sizeof p);
  p.id = idbuf; p.body = "x"; p.body_len = 1;
  rcp_doc *d = NULL;
  if (rcp__doc_new(ctx, &p, &d) != RCP_OK) return NULL;
  d->pub_time = t;
  size_t n = 120;
  rcp_token *tk = rcp__arena_calloc(d->arena, n, sizeof *tk);
  static char words[1 << 16][8];
  static int init;
  if (!init) { for (int w = 0; w < (1 << 16); w++) snprintf(words[w], 8, "w%d", w); init = 1; }
  for (size_t k = 0; k < n; k++) {
    uint64_t h;
    if (k % 4 == 0) h = rcp__hash64(&ev, 8, k % 16);           /* the event's words */
    else { uint64_t r = xr() % 65536; r = r * r / 65536; h = r; } /* Zipf-ish common words */
    tk[k].hash = tk[k].shash = h ? h : 1;
    tk[k].norm = tk[k].stem = words[h % 65536];
    tk[k].len = 3;
    tk[k].flags = (k % 8 == 0) ? RCP_TOK_CAP : 0;
  }
  d->toks = tk;
  d->ntoks = n;
  d->fp.exact[0] = i;
  return d;
}

int main(int argc, char **argv) {
  if (argc < 2) { fprintf(stderr, "usage: bench_cluster ecbplus|orangesum|gen N [opts]\n"); return 2; }
  const char *mode = argv[1], *split = NULL, *pred = NULL, *assign = NULL, *links = NULL;
  uint64_t ngen = 0;
  int ai = 2;
  if (strcmp(mode, "gen") == 0) { if (argc < 3) return 2; ngen = strtoull(argv[2], NULL, 10); ai = 3; }
  rcp_cluster_params P;
  rcp__cluster_params_default(&P);
  int batch = 256, window = 7;
  for (int i = ai; i < argc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : "0";
    if (strcmp(a, "--split") == 0) split = v;
    else if (strcmp(a, "--pred") == 0) pred = v;
    else if (strcmp(a, "--assign") == 0) assign = v;
    else if (strcmp(a, "--links") == 0) links = v;
    else if (strcmp(a, "--batch") == 0) batch = atoi(v);
    else if (strcmp(a, "--window") == 0) window = atoi(v);
    else if (strcmp(a, "--join") == 0) P.join = atof(v);
    else if (strcmp(a, "--merge") == 0) P.merge = atof(v);
    else if (strcmp(a, "--storyline") == 0) P.storyline = atof(v);
    else if (strcmp(a, "--w-title") == 0) P.w_title = atof(v);
    else if (strcmp(a, "--w-name") == 0) P.w_name = atof(v);
    else if (strcmp(a, "--w-num") == 0) P.w_num = atof(v);
    else if (strcmp(a, "--w-stem") == 0) P.w_stem = atof(v);
    else if (strcmp(a, "--tau") == 0) P.tau_days = atof(v);
    else if (strcmp(a, "--geo-eps") == 0) P.geo_eps = atof(v);
    else if (strcmp(a, "--merge-pre") == 0) P.merge_pre = atof(v);
    else if (strcmp(a, "--max-post") == 0) P.max_post = atoi(v);
    else if (strcmp(a, "--max-cands") == 0) P.max_cands = atoi(v);
    else if (strcmp(a, "--max-feats") == 0) P.max_feats = atoi(v);
    else if (strcmp(a, "--query-feats") == 0) P.query_feats = atoi(v);
    else if (strcmp(a, "--unk-time") == 0) P.unk_time = atof(v);
    else if (strcmp(a, "--prune") == 0) P.prune = atof(v);
    else if (strcmp(a, "--name-cap") == 0) P.name_cap = atof(v);
    else if (strcmp(a, "--merge-series") == 0) P.merge_series = atof(v);
    else if (strcmp(a, "--merge-one-pub") == 0) P.merge_one_pub = atof(v);
    else if (strcmp(a, "--name-cap-later") == 0) P.name_cap_later = atof(v);
    else if (strcmp(a, "--later-w") == 0) P.later_w = atof(v);
    else if (strcmp(a, "--roundup") == 0) P.roundup = atoi(v);
    else if (strcmp(a, "--roundup-join") == 0) P.roundup_join = atof(v);
    else if (strcmp(a, "--bulletin") == 0) P.bulletin = atoi(v);
    else if (strcmp(a, "--series-update") == 0) P.series_update = atoi(v);
    else if (strcmp(a, "--ecb-raw") == 0) { ecb_raw = 1; continue; }
    else if (strcmp(a, "--relate") == 0) { do_relate = 1; continue; }
    else if (strcmp(a, "--no-ents") == 0) { no_ents = 1; continue; }
    else if (strcmp(a, "--order-seed") == 0) order_seed = strtoull(v, NULL, 10);
    else { fprintf(stderr, "unknown option %s\n", a); return 2; }
    i++;
  }
  rcp_opts o;
  rcp_opts_default(&o);
  o.window_days = window;
  rcp_ctx *ctx = NULL;
  if (rcp_ctx_open(&ctx, &o, NULL) != RCP_OK) return 1;
  rcp_clusterer *c = NULL;
  if (rcp__cluster_open(ctx, &c) != RCP_OK) return 1;
  rcp__cluster_set_params(c, &P);
  links_f = links ? fopen(links, "w") : NULL;
  keep_assign = !ngen || pred || assign;
  rcp_cluster_observer ob = { on_assign, on_merge, on_link, NULL };
  rcp__cluster_observe(c, &ob);
  rcp_pool *pool = NULL;
  rcp__pool_new(&pool, 0);
  rcp_relidx *ix = NULL;
  if (do_relate) {
    if (rcp__relidx_new(ctx, &ix) != RCP_OK) return 1;
    rcp__relidx_set_fetch(ix, fetch_kept, NULL);
  }
  double t_rel = 0;
  size_t nrel_all = 0;
  FILE *pf = pred ? fopen(pred, "w") : NULL, *af = assign ? fopen(assign, "w") : NULL;
  item *it = calloc((size_t)batch, sizeof *it);
  char **ids = NULL, **titles = NULL, **pubs = NULL;
  size_t nids = 0, cids = 0;
  double t_cluster = 0, t_an = 0;
  size_t ndocs = 0, nstories = 0, peak_live = 0, peak_bytes = 0;
  char *line = NULL;
  size_t lcap = 0;
  int eof = 0;
  uint64_t gi = 0;
  while (!eof) {
    size_t n = 0;
    while (n < (size_t)batch) {
      rcp_doc *d = NULL;
      char idb[32];
      const char *title = NULL, *pub = NULL;
      json_t *j = NULL;
      if (ngen) {
        if (gi >= ngen) { eof = 1; break; }
        d = gen_doc(ctx, gi++, idb);
      } else {
        if (getline(&line, &lcap, stdin) < 0) { eof = 1; break; }
        j = json_loads(line, 0, NULL);
        if (!j) continue;
        if (strcmp(mode, "ecbplus") == 0) {
          const char *sp = json_string_value(json_object_get(j, "split"));
          if (split && (!sp || strcmp(sp, split) != 0)) { json_decref(j); continue; }
          rcp_buf b, u, t;
          rcp__buf_init(&b, 0);
          rcp__buf_init(&u, 0);
          rcp__buf_init(&t, 0);
          json_t *ss = json_object_get(j, "sentences");
          for (size_t k = 0; k < json_array_size(ss); k++) {
            if (k) rcp__buf_adds(&b, " ");
            rcp__buf_adds(&b, json_string_value(json_array_get(ss, k)));
          }
          ecb_detok(b.p ? b.p : "", &u, &t);
          snprintf(idb, sizeof idb, "%s", json_string_value(json_object_get(j, "doc_id")));
          /* the page's URL either way; --ecb-raw keeps the text as given */
          d = ecb_raw ? make_doc(ctx, idb, NULL, b.p ? b.p : "", NULL, u.p)
                      : make_doc(ctx, idb, NULL, t.p ? t.p : "", NULL, u.p);
          rcp__buf_free(&b);
          rcp__buf_free(&u);
          rcp__buf_free(&t);
        } else {
          json_t *jid = json_object_get(j, "id");
          if (json_is_integer(jid)) snprintf(idb, sizeof idb, "%lld", (long long)json_integer_value(jid));
          else snprintf(idb, sizeof idb, "%s", json_string_value(jid) ? json_string_value(jid) : "?");
          title = json_string_value(json_object_get(j, "title"));
          pub = json_string_value(json_object_get(j, "published"));
          const char *h = json_string_value(json_object_get(j, "heading"));
          const char *art = json_string_value(json_object_get(j, "article"));
          rcp_buf b;
          rcp__buf_init(&b, 0);
          rcp__buf_printf(&b, "%s\n\n%s\n\n%s", title ? title : "", h ? h : "", art ? art : "");
          d = make_doc(ctx, idb, title, b.p, pub, NULL);
          rcp__buf_free(&b);
        }
      }
      if (!d) { json_decref(j); continue; }
      if (!keep_assign) { d->rowid = (int64_t)++nids; it[n++].d = d; json_decref(j); continue; }
      if (nids == cids) {
        cids = cids ? cids * 2 : 4096;
        ids = realloc(ids, cids * sizeof *ids);
        titles = realloc(titles, cids * sizeof *titles);
        pubs = realloc(pubs, cids * sizeof *pubs);
      }
      ids[nids] = (assign || pred) ? strdup(d->id) : NULL;
      titles[nids] = assign && title ? strdup(title) : NULL;
      pubs[nids] = assign && pub ? strdup(pub) : NULL;
      d->rowid = (int64_t)++nids;
      it[n++].d = d;
      json_decref(j);
    }
    if (!n) break;
    double t0 = now_s();
    if (!ngen) { batchctx bc = { ctx, it }; rcp__pool_run(pool, n, analyze_one, &bc); }
    double t1 = now_s();
    for (size_t i = 0; i < n && ix; i++) {     /* relations: timed apart, as analysis */
      if (nkept == ckept) { ckept = ckept ? ckept * 2 : 4096; kept = realloc(kept, ckept * sizeof *kept); }
      kept[nkept++] = it[i].d;
      if (rcp__relate_doc(ix, it[i].d, &it[i].rels, &it[i].nrels) != RCP_OK) { fprintf(stderr, "relate failed\n"); return 1; }
      nrel_all += it[i].nrels;
    }
    double t1r = now_s();
    t_rel += t1r - t1;
    t1 = t1r;
    for (size_t i = 0; i < n; i++) {
      int64_t st;
      if (rcp__cluster_doc(c, it[i].d, it[i].rels, it[i].nrels, &st) != RCP_OK) { fprintf(stderr, "cluster_doc failed\n"); return 1; }
      rcp__free(it[i].rels);
      it[i].rels = NULL; it[i].nrels = 0;
    }
    int64_t *touched = NULL;
    size_t nt = 0;
    if (rcp__cluster_flush(c, &touched, &nt) != RCP_OK) { fprintf(stderr, "flush failed\n"); return 1; }
    double t2 = now_s();
    rcp__free(touched);
    t_an += t1 - t0;
    t_cluster += t2 - t1;
    if (!ix) for (size_t i = 0; i < n; i++) rcp_doc_free(it[i].d);
    ndocs += n;
    size_t live = rcp__cluster_live(c);
    if (live > peak_live) peak_live = live;
    if (ngen && (ndocs % 100000) < (size_t)batch) {
      size_t by = rcp__cluster_bytes(c);
      if (by > peak_bytes) peak_bytes = by;
      fprintf(stderr, "%zu docs: %zu live stories, clusterer %.1f MB, RSS %.1f MB, %.0f docs/s\n",
              ndocs, live, by / 1048576.0, rss_kb() / 1024.0, ndocs / t_cluster);
    }
  }
  for (size_t r = 1; r <= nids; r++) {
    int64_t s = r < nstory_of ? find(story_of[r]) : 0;
    if (pf) fprintf(pf, "{\"id\":\"%s\",\"cluster\":\"s%lld\"}\n", ids[r - 1], (long long)s);
    if (af) {
      rcp_buf b;
      rcp__buf_init(&b, 0);
      rcp__buf_printf(&b, "{\"id\":\"%s\",\"story\":%lld,\"published\":", ids[r - 1], (long long)s);
      if (pubs[r - 1]) rcp__buf_json_str(&b, pubs[r - 1], strlen(pubs[r - 1])); else rcp__buf_adds(&b, "null");
      rcp__buf_adds(&b, ",\"title\":");
      if (titles[r - 1]) rcp__buf_json_str(&b, titles[r - 1], strlen(titles[r - 1])); else rcp__buf_adds(&b, "null");
      fprintf(af, "%s}\n", b.p);
      rcp__buf_free(&b);
    }
  }
  for (size_t s = 1; s < ufn; s++) if (find((int64_t)s) == (int64_t)s && s < ufn) nstories++;
  /* count stories that received articles */
  {
    char *has = calloc(ufn + 1, 1);
    nstories = 0;
    for (size_t r = 1; r <= nids && r < nstory_of; r++) {
      int64_t s = find(story_of[r]);
      if (!has[s]) { has[s] = 1; nstories++; }
    }
    free(has);
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("documents=%zu stories=%zu peak_live=%zu cluster_s=%.3f cluster_docs_per_s=%.0f analyze_s=%.3f "
         "peak_rss_mb=%.1f clusterer_mb=%.1f\n", ndocs, nstories, peak_live, t_cluster,
         ndocs / (t_cluster > 0 ? t_cluster : 1e-9), t_an, ru.ru_maxrss / 1024.0,
         (peak_bytes ? peak_bytes : rcp__cluster_bytes(c)) / 1048576.0);
  if (ix) printf("relate_s=%.3f relations=%zu\n", t_rel, nrel_all);
  for (size_t i = 0; i < nkept; i++) rcp_doc_free(kept[i]);
  free(kept);
  rcp__relidx_free(ix);
  if (pf) fclose(pf);
  if (af) fclose(af);
  if (links_f) fclose(links_f);
  rcp__cluster_free(c);
  rcp__pool_free(pool);
  rcp_ctx_free(ctx);
  return 0;
}
