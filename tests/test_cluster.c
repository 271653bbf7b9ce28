/* test_cluster.c -- stage 6: stories.  Order independence within a batch,
** two batches = one batch, same place months apart = two stories linked as a
** storyline, a recurring title on two days = two stories, merges keep the
** old id answering, window closing, the JSON views over the store, numeric
** and URL dates, and one person in otherwise different wording (name_cap).
** Fixtures: tests/data/cluster/events.jsonl (French and English). */
#include "test.h"

#include <jansson.h>
#include <stdlib.h>

/* ---- documents from the fixture -------------------------------------- */

static const char *const stop[] = {
  "le", "la", "les", "de", "des", "du", "un", "une", "et", "a", "au", "aux", "en", "dans", "par",
  "pour", "sur", "qui", "que", "est", "ont", "the", "of", "in", "on", "and", "to", "at", "by",
  "for", "after", "has", "have", "is", "was", "as", "from", "their", "its", "an", "se", "ne",
  "n", "l", "d", "plus", "most", "them", "with", NULL };

/* A plain tokenizer for when the analysis stage gives no tokens (it is a
** placeholder until issue 4 lands): words, lower case, crude stems. */
static void simple_tokens(rcp_doc *d) {
  const char *t = d->text;
  size_t n = d->text_len, cap = n / 2 + 16, nt = 0;
  rcp_token *tk = rcp__arena_calloc(d->arena, cap, sizeof *tk);
  int sent0 = 1;
  uint32_t sent = 0;
  for (size_t i = 0; i < n && nt < cap;) {
    unsigned char ch = (unsigned char)t[i];
    if (!(ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
      if (ch == '.' || ch == '!' || ch == '?') { sent0 = 1; sent++; }
      i++;
      continue;
    }
    size_t s = i;
    while (i < n) {
      unsigned char c2 = (unsigned char)t[i];
      if (!(c2 >= 0x80 || (c2 >= 'a' && c2 <= 'z') || (c2 >= 'A' && c2 <= 'Z') || (c2 >= '0' && c2 <= '9'))) break;
      if (c2 == 0xE2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0x99) break;
      i++;
    }
    rcp_token *k = &tk[nt++];
    k->off = (uint32_t)s; k->len = (uint32_t)(i - s);
    char *w = rcp__arena_strndup(d->arena, t + s, i - s);
    int all_digits = 1;
    for (char *p = w; *p; p++) {
      if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
      if (*p < '0' || *p > '9') all_digits = 0;
    }
    k->norm = w;
    size_t wl = strlen(w);
    k->stem = wl > 4 && w[wl - 1] == 's' ? rcp__arena_strndup(d->arena, w, wl - 1) : w;
    k->hash = rcp__hash64(k->norm, strlen(k->norm), 0);
    k->shash = rcp__hash64(k->stem, strlen(k->stem), 0);
    k->sent = sent;
    if ((ch >= 'A' && ch <= 'Z') || (ch == 0xC3 && s + 1 < n && (unsigned char)t[s + 1] >= 0x80 &&
                                     (unsigned char)t[s + 1] <= 0x9E)) k->flags |= RCP_TOK_CAP;
    if (all_digits) k->flags |= RCP_TOK_NUM;
    for (int q = 0; stop[q]; q++) if (strcmp(stop[q], w) == 0) k->flags |= RCP_TOK_STOP;
    if (sent0) k->flags |= RCP_TOK_SENT0;
    sent0 = 0;
  }
  d->toks = tk;
  d->ntoks = nt;
}

/* A page as the pipeline leaves it before clustering: its given title,
** date and site, its body as the text, analysed (tokens made by hand when
** the analyser finds none), with its exact hash. */
static rcp_doc *ready_doc(rcp_ctx *ctx, const rcp_page *p) {
  rcp_doc *d = NULL;
  if (rcp__doc_new(ctx, p, &d) != RCP_OK) return NULL;
  d->title = d->in_title;
  d->published = d->in_published;
  d->site = d->in_site;
  d->text = d->raw;
  d->text_len = d->raw_len;
  d->pub_time = rcp__parse_iso(d->published);
  rcp__analyze(ctx, d);
  if (d->ntoks == 0) simple_tokens(d);
  rcp__hash128(d->text, d->text_len, d->fp.exact);
  return d;
}

typedef struct fixture { rcp_doc **d; size_t n; } fixture;

static rcp_doc *make_doc(rcp_ctx *ctx, json_t *o) {
  rcp_page p;
  memset(&p, 0, sizeof p);
  p.id = json_string_value(json_object_get(o, "id"));
  p.source = "events.jsonl";
  p.title = json_string_value(json_object_get(o, "title"));
  p.published = json_string_value(json_object_get(o, "published"));
  p.site = json_string_value(json_object_get(o, "site"));
  p.body = json_string_value(json_object_get(o, "text"));
  p.body_len = strlen(p.body);
  return ready_doc(ctx, &p);
}

static fixture load_fixture(rcp_ctx *ctx) {
  fixture f = { NULL, 0 };
  char *txt = t_read("cluster/events.jsonl", NULL);
  if (!txt) return f;
  f.d = calloc(64, sizeof *f.d);
  for (char *line = strtok(txt, "\n"); line && f.n < 64; line = strtok(NULL, "\n")) {
    json_t *o = json_loads(line, 0, NULL);
    if (o) { f.d[f.n] = make_doc(ctx, o); if (f.d[f.n]) { f.d[f.n]->rowid = (int64_t)f.n + 1; f.n++; } }
    json_decref(o);
  }
  free(txt);
  return f;
}

static void free_fixture(fixture *f) {
  for (size_t i = 0; i < f->n; i++) rcp_doc_free(f->d[i]);
  free(f->d);
}

static rcp_doc *by_id(const fixture *f, const char *id) {
  for (size_t i = 0; i < f->n; i++) if (strcmp(f->d[i]->id, id) == 0) return f->d[i];
  return NULL;
}

/* ---- what the clusterer did ----------------------------------------- */

typedef struct seen {
  int64_t story[64];            /* by article row id */
  int64_t merged[64][2]; int nmerged;
  int64_t links[64][2]; int nlinks;
} seen;

static void on_assign(void *ud, int64_t a, int64_t s) { seen *x = ud; if (a > 0 && a < 64) x->story[a] = s; }
static void on_merge(void *ud, int64_t from, int64_t into) {
  seen *x = ud;
  if (x->nmerged < 64) { x->merged[x->nmerged][0] = from; x->merged[x->nmerged][1] = into; x->nmerged++; }
  for (int i = 0; i < 64; i++) if (x->story[i] == from) x->story[i] = into;
}
static void on_link(void *ud, int64_t a, int64_t b, const char *kind) {
  seen *x = ud;
  (void)kind;
  if (x->nlinks < 64) { x->links[x->nlinks][0] = a; x->links[x->nlinks][1] = b; x->nlinks++; }
}

/* Clusters docs (in the given order) in one batch, or two batches split at
** `split` with the clusterer reopened from the store in between. */
static int run(rcp_ctx *ctx, rcp_doc **docs, size_t n, size_t split, seen *out) {
  memset(out, 0, sizeof *out);
  rcp_cluster_observer o = { on_assign, on_merge, on_link, out };
  int rc = RCP_OK;
  size_t from = 0;
  while (from < n && rc == RCP_OK) {
    size_t to = split && from < split ? split : n;
    rcp_clusterer *c = NULL;
    rc = rcp__cluster_open(ctx, &c);
    if (rc != RCP_OK) return rc;
    rcp__cluster_observe(c, &o);
    if (ctx->store) rc = rcp__store_begin(ctx->store);
    if (ctx->store && rc == RCP_OK) rc = rcp__store_meta_set(ctx->store, "batch", "1");
    for (size_t i = from; i < to && rc == RCP_OK; i++) {
      int64_t st;
      if (ctx->store) {
        docs[i]->rowid = 0;
        rc = rcp__store_put_article(ctx->store, docs[i]);
      }
      if (rc == RCP_OK) rc = rcp__cluster_doc(c, docs[i], NULL, 0, &st);
    }
    int64_t *touched = NULL;
    size_t nt = 0;
    if (rc == RCP_OK) rc = rcp__cluster_flush(c, &touched, &nt);
    rcp__free(touched);
    if (rc != RCP_OK) fprintf(stderr, "run: %s\n", rcp_errmsg(ctx));
    if (ctx->store) rc = rc == RCP_OK ? rcp__store_commit(ctx->store) : (rcp__store_rollback(ctx->store), rc);
    rcp__cluster_free(c);
    from = to;
  }
  return rc;
}

static int same(const seen *a, const seen *b, const fixture *f) {
  for (size_t i = 0; i < f->n; i++) {
    int64_t r = f->d[i]->rowid;
    if (a->story[r] != b->story[r]) return 0;
  }
  return 1;
}

static rcp_ctx *open_ctx(const char *db) {
  rcp_opts o;
  rcp_opts_default(&o);
  o.db_path = db;
  rcp_ctx *ctx = NULL;
  char *msg = NULL;
  rcp_ctx_open(&ctx, &o, &msg);
  free(msg);
  return ctx;
}

/* The state blobs the store holds, folded into one hash (in store order). */
typedef struct blobs { int n; size_t len; uint64_t hash; } blobs;
static int add_blob(void *ud, int64_t id, const void *p, size_t n) {
  blobs *b = ud;
  b->n++;
  b->len += n;
  b->hash = rcp__hash64(p, n, b->hash ^ (uint64_t)id);
  return RCP_OK;
}

static int64_t story_of(const seen *s, const fixture *f, const char *id) {
  rcp_doc *d = by_id(f, id);
  return d ? s->story[d->rowid] : -1;
}

static int linked(const seen *s, int64_t a, int64_t b) {
  for (int i = 0; i < s->nlinks; i++)
    if ((s->links[i][0] == a && s->links[i][1] == b) || (s->links[i][0] == b && s->links[i][1] == a)) return 1;
  return 0;
}

/* A page with an optional title, URL and publication time, analysed. */
static rcp_doc *page_full(rcp_ctx *ctx, const char *id, const char *title, const char *text,
                          const char *published, const char *url, int64_t rowid) {
  rcp_page p;
  memset(&p, 0, sizeof p);
  p.id = id; p.source = "-"; p.title = title; p.body = text; p.body_len = strlen(text);
  p.published = published; p.url = url;
  rcp_doc *d = ready_doc(ctx, &p);
  if (d) d->rowid = rowid;
  return d;
}

/* A page without a title. */
static rcp_doc *page(rcp_ctx *ctx, const char *id, const char *text, const char *published,
                     const char *url, int64_t rowid) {
  return page_full(ctx, id, NULL, text, published, url, rowid);
}

/* A page with a title, no URL. */
static rcp_doc *titled(rcp_ctx *ctx, const char *id, const char *title, const char *text,
                       const char *published, int64_t rowid) {
  return page_full(ctx, id, title, text, published, NULL, rowid);
}

/* text without its "- Section title -" lines, into out (cap bytes). */
static void drop_sections(const char *text, char *out, size_t cap) {
  size_t n = 0;
  for (const char *q = text; *q && n + 1 < cap; q++) {
    if (*q == '-' && (q == text || q[-1] == '\n' || q[1] == '\n')) {
      while (*q && *q != '\n') q++;
      if (!*q) break;
      continue;
    }
    out[n++] = *q;
  }
  out[n] = 0;
}

/* Runs the facts stage's entity pass on the pages (as `recoupe add` does
** before clustering); NULL pages are skipped. */
static int with_ents(rcp_ctx *ctx, rcp_doc **d, size_t n) {
  int rc = RCP_OK;
  for (size_t i = 0; i < n && rc == RCP_OK; i++) if (d[i]) rc = rcp__facts_entities_only(ctx, d[i]);
  return rc;
}

/* The round-up detector's answers on two pages, after the entity pass. */
static void roundup_two(rcp_ctx *ctx, const char *a, int want_a, const char *b, int want_b) {
  rcp_doc *d[2] = { page(ctx, "ra", a, "2020-05-16T20:00:00+02:00", NULL, 1),
                    page(ctx, "rb", b, "2020-05-16T20:00:00+02:00", NULL, 2) };
  CHECK(d[0] && d[1]);
  CHECK_INT(with_ents(ctx, d, 2), RCP_OK);
  if (d[0]) CHECK_INT(rcp__cluster_is_roundup(d[0]), want_a);
  if (d[1]) CHECK_INT(rcp__cluster_is_roundup(d[1]), want_b);
  for (int i = 0; i < 2; i++) rcp_doc_free(d[i]);
}

/* Clusters docs in one batch with the given parameters (no store), each
** with the relations rels[i] (nrels[i] of them) when rels is given. */
static int run_rels(rcp_ctx *ctx, rcp_doc **docs, size_t n, const rcp_cluster_params *P,
                    const rcp_rel *const *rels, const size_t *nrels, seen *out) {
  memset(out, 0, sizeof *out);
  rcp_cluster_observer o = { on_assign, on_merge, on_link, out };
  rcp_clusterer *c = NULL;
  int rc = rcp__cluster_open(ctx, &c);
  if (rc != RCP_OK) return rc;
  rcp__cluster_set_params(c, P);
  rcp__cluster_observe(c, &o);
  for (size_t i = 0; i < n && rc == RCP_OK; i++) {
    int64_t st;
    rc = rcp__cluster_doc(c, docs[i], rels ? rels[i] : NULL, rels ? nrels[i] : 0, &st);
  }
  int64_t *touched = NULL;
  size_t nt = 0;
  if (rc == RCP_OK) rc = rcp__cluster_flush(c, &touched, &nt);
  rcp__free(touched);
  rcp__cluster_free(c);
  return rc;
}

/* Clusters docs in one batch with the given parameters (no store). */
static int run_params(rcp_ctx *ctx, rcp_doc **docs, size_t n, const rcp_cluster_params *P, seen *out) {
  return run_rels(ctx, docs, n, P, NULL, NULL, out);
}

TEST_SUITE(cluster) {
  rcp_ctx *ctx = open_ctx(NULL);
  fixture f = load_fixture(ctx);
  TEST("fixture loads") { CHECK_INT(f.n, 10); }
  if (f.n != 10) { free_fixture(&f); rcp_ctx_free(ctx); return; }

  seen a, b;
  TEST("events become stories; months apart = two stories in one storyline") {
    CHECK_INT(run(ctx, f.d, f.n, 0, &a), RCP_OK);
    int64_t ma = story_of(&a, &f, "ma1"), va = story_of(&a, &f, "va1"), mb = story_of(&a, &f, "mb1");
    CHECK(ma > 0 && va > 0 && mb > 0);
    CHECK_INT(story_of(&a, &f, "ma2"), ma);
    CHECK_INT(story_of(&a, &f, "ma3"), ma);
    CHECK_INT(story_of(&a, &f, "va2"), va);
    CHECK_INT(story_of(&a, &f, "va3"), va);
    CHECK_INT(story_of(&a, &f, "mb2"), mb);
    CHECK(ma != va && ma != mb && va != mb);
    CHECK(linked(&a, ma, mb));
    CHECK(!linked(&a, ma, va));
  }
  TEST("a recurring title on two days: two stories, one storyline") {
    int64_t c1 = story_of(&a, &f, "cv1"), c2 = story_of(&a, &f, "cv2");
    CHECK(c1 > 0 && c2 > 0 && c1 != c2);
    CHECK(linked(&a, c1, c2));
  }
  TEST("order independence: any order of one batch gives the same stories and ids") {
    rcp_doc *rev[10];
    for (size_t i = 0; i < 10; i++) rev[i] = f.d[9 - i];
    CHECK_INT(run(ctx, rev, 10, 0, &b), RCP_OK);
    CHECK(same(&a, &b, &f));
    rcp_doc *mix[10];
    for (size_t i = 0; i < 10; i++) mix[i] = f.d[(i * 7 + 3) % 10];
    CHECK_INT(run(ctx, mix, 10, 0, &b), RCP_OK);
    CHECK(same(&a, &b, &f));
    CHECK_INT(b.nlinks, a.nlinks);
  }
  TEST("window: a story closes after window_days without news") {
    rcp_clusterer *c = NULL;
    CHECK_INT(rcp__cluster_open(ctx, &c), RCP_OK);
    int64_t st;
    rcp__cluster_doc(c, by_id(&f, "ma1"), NULL, 0, &st);
    rcp__cluster_doc(c, by_id(&f, "ma2"), NULL, 0, &st);
    int64_t *t = NULL;
    size_t nt = 0;
    CHECK_INT(rcp__cluster_flush(c, &t, &nt), RCP_OK);
    CHECK_INT(nt, 1);
    rcp__free(t);
    CHECK_INT(rcp__cluster_live(c), 1);
    rcp__cluster_doc(c, by_id(&f, "cv2"), NULL, 0, &st);   /* 2020: older, no effect on now */
    rcp__cluster_doc(c, by_id(&f, "va1"), NULL, 0, &st);   /* a year later */
    CHECK_INT(rcp__cluster_flush(c, &t, &nt), RCP_OK);
    rcp__free(t);
    CHECK_INT(rcp__cluster_live(c), 1);                    /* only the Valencia story */
    rcp__cluster_free(c);
  }

  /* ---- with a store ---- */
  char db1[300], db2[300];
  snprintf(db1, sizeof db1, "%s/c1.db", t_tmpdir());
  snprintf(db2, sizeof db2, "%s/c2.db", t_tmpdir());
  rcp_ctx *s1 = open_ctx(db1), *s2 = open_ctx(db2);
  TEST("two batches (the store in between) = one batch") {
    CHECK(s1 && s2);
    /* publication order, split in the middle */
    rcp_doc *ord[10];
    for (size_t i = 0; i < 10; i++) ord[i] = f.d[i];
    for (size_t i = 1; i < 10; i++)
      for (size_t k = i; k > 0 && ord[k]->pub_time < ord[k - 1]->pub_time; k--) {
        rcp_doc *x = ord[k]; ord[k] = ord[k - 1]; ord[k - 1] = x;
      }
    seen one, two;
    CHECK_INT(run(s1, ord, 10, 0, &one), RCP_OK);
    CHECK_INT(run(s2, ord, 10, 5, &two), RCP_OK);
    int ok = 1;
    for (size_t i = 0; i < 10; i++) if (one.story[ord[i]->rowid] != two.story[ord[i]->rowid]) ok = 0;
    CHECK(ok);
    CHECK_INT(one.nlinks, two.nlinks);
    char *j1 = NULL, *j2 = NULL;
    CHECK_INT(rcp_stories_json(s1, NULL, 0, &j1), RCP_OK);
    CHECK_INT(rcp_stories_json(s2, NULL, 0, &j2), RCP_OK);
    CHECK(j1 && j2 && strcmp(j1, j2) == 0);
    CHECK(j1 && strstr(j1, "\"storyline\"") != NULL);
    CHECK(j1 && strstr(j1, "\"id\":\"ma1\"") != NULL);
    free(j1); free(j2);
    /* every split point: the same stories, and the clusterer's saved state
    ** the same byte for byte (live stories: centroid layout, norms,
    ** storyline fields; closed ones: signatures) */
    blobs b1 = { 0 };
    CHECK_INT(rcp__store_live_stories(s1->store, add_blob, &b1), RCP_OK);
    CHECK_INT(rcp__store_closed_stories(s1->store, 100, add_blob, &b1), RCP_OK);
    CHECK(b1.n > 0);
    for (size_t split = 1; split < 10; split++) {
      char dbn[300];
      snprintf(dbn, sizeof dbn, "%s/c2-%zu.db", t_tmpdir(), split);
      rcp_ctx *sn = open_ctx(dbn);
      CHECK(sn != NULL);
      if (!sn) break;
      seen sp;
      CHECK_INT(run(sn, ord, 10, split, &sp), RCP_OK);
      int same_st = 1;
      for (size_t i = 0; i < 10; i++) if (one.story[ord[i]->rowid] != sp.story[ord[i]->rowid]) same_st = 0;
      blobs b2 = { 0 };
      CHECK_INT(rcp__store_live_stories(sn->store, add_blob, &b2), RCP_OK);
      CHECK_INT(rcp__store_closed_stories(sn->store, 100, add_blob, &b2), RCP_OK);
      if (!same_st || b1.n != b2.n || b1.len != b2.len || b1.hash != b2.hash)
        fprintf(stderr, "split at %zu: stories %s, state %d/%zu vs %d/%zu\n", split,
                same_st ? "same" : "differ", b1.n, b1.len, b2.n, b2.len);
      CHECK(same_st);
      CHECK(b1.n == b2.n && b1.len == b2.len && b1.hash == b2.hash);
      rcp_ctx_free(sn);
    }
  }
  TEST("story JSON: by id, by article id, unknown id, filters") {
    char *j = NULL;
    CHECK_INT(rcp_story_json(s1, "s1", 0, &j), RCP_OK);
    CHECK(j && strstr(j, "\"id\":\"s1\"") && strstr(j, "\"articles\":[") && strstr(j, "\"related_stories\""));
    free(j); j = NULL;
    CHECK_INT(rcp_story_json(s1, "va2", 0, &j), RCP_OK);
    CHECK(j && strstr(j, "Valencia"));
    free(j); j = NULL;
    CHECK_INT(rcp_story_json(s1, "s999", 0, &j), RCP_ENOTFOUND);
    CHECK(j == NULL);
    CHECK_INT(rcp_story_json(s1, "", 0, &j), RCP_ENOTFOUND);
    rcp_story_filter fl;
    memset(&fl, 0, sizeof fl);
    fl.min_articles = 3;
    CHECK_INT(rcp_stories_json(s1, &fl, 0, &j), RCP_OK);
    json_t *arr = j ? json_loads(j, 0, NULL) : NULL;
    CHECK_INT(json_array_size(arr), 2);           /* Al Haouz 2023, Valencia */
    json_decref(arr);
    free(j); j = NULL;
    memset(&fl, 0, sizeof fl);
    fl.since = "2024-01-01";
    fl.language = NULL;
    CHECK_INT(rcp_stories_json(s1, &fl, 0, &j), RCP_OK);
    arr = j ? json_loads(j, 0, NULL) : NULL;
    CHECK_INT(json_array_size(arr), 2);           /* Al Haouz 2024, Valencia */
    json_decref(arr);
    free(j); j = NULL;
    fl.since = "not a date";
    CHECK_INT(rcp_stories_json(s1, &fl, 0, &j), RCP_EINVAL);
    memset(&fl, 0, sizeof fl);
    fl.query = "magnitude 4,9";
    CHECK_INT(rcp_stories_json(s1, &fl, 1, &j), RCP_OK);
    arr = j ? json_loads(j, 0, NULL) : NULL;
    CHECK_INT(json_array_size(arr), 1);
    json_decref(arr);
    free(j); j = NULL;
  }
  TEST("the digest object is merged into the story JSON") {
    int64_t id = 0;
    CHECK_INT(rcp__store_story_resolve(s1->store, 1, &id), RCP_OK);
    CHECK_INT(rcp__store_put_digest(s1->store, id, "{\"summary\":\"Un séisme.\",\"independent_sources\":3}"), RCP_OK);
    char *j = NULL;
    CHECK_INT(rcp_story_json(s1, "s1", 0, &j), RCP_OK);
    CHECK(j && strstr(j, "\"summary\":\"Un séisme.\"") && strstr(j, "\"independent_sources\":3"));
    free(j);
    int64_t *ids = NULL;
    size_t n = 0;
    int64_t ma = 0;
    CHECK_INT(rcp__store_article_story(s1->store, "ma1", &ma), RCP_OK);
    CHECK_INT(rcp__store_story_articles(s1->store, ma, &ids, &n), RCP_OK);
    CHECK_INT(n, 3);
    rcp__free(ids);
  }
  rcp_ctx_free(s1);
  rcp_ctx_free(s2);

  TEST("a bridging article merges two live stories; the old id still answers") {
    char db3[300];
    snprintf(db3, sizeof db3, "%s/c3.db", t_tmpdir());
    rcp_ctx *s3 = open_ctx(db3);
    CHECK(s3 != NULL);
    /* two halves of one event told apart, then an article with both */
    json_t *o1 = json_pack("{s:s,s:s,s:s,s:s}", "id", "m1", "published", "2025-02-03T08:00:00Z",
      "title", "Grève des contrôleurs aériens à Orly",
      "text", "Les contrôleurs aériens sont en grève à Orly. Les vols sont annulés à Orly ce lundi.");
    json_t *o2 = json_pack("{s:s,s:s,s:s,s:s}", "id", "m2", "published", "2025-02-03T09:00:00Z",
      "title", "Pagaille dans les trains du RER B",
      "text", "Le trafic du RER B est interrompu. Les usagers du RER B attendent sur les quais.");
    json_t *o3 = json_pack("{s:s,s:s,s:s,s:s}", "id", "m3", "published", "2025-02-03T10:00:00Z",
      "title", "Grève à Orly et pagaille sur le RER B",
      "text", "Les contrôleurs aériens sont en grève à Orly et les vols sont annulés. "
              "Le trafic du RER B est interrompu et les usagers attendent sur les quais.");
    rcp_doc *m[3] = { make_doc(s3, o1), make_doc(s3, o2), make_doc(s3, o3) };
    json_decref(o1); json_decref(o2); json_decref(o3);
    CHECK(m[0] && m[1] && m[2]);
    seen x;
    memset(&x, 0, sizeof x);
    rcp_cluster_observer ob = { on_assign, on_merge, on_link, &x };
    int rc = RCP_OK;
    for (int batch = 0; batch < 3 && m[0] && m[1] && m[2]; batch++) {  /* one article a batch */
      rcp_clusterer *c = NULL;
      rc = rcp__cluster_open(s3, &c);
      if (rc != RCP_OK) break;
      rcp_cluster_params p;
      rcp__cluster_params_default(&p);
      p.join = 0.2; p.merge = 0.3;
      rcp__cluster_set_params(c, &p);
      rcp__cluster_observe(c, &ob);
      rcp__store_begin(s3->store);
      rcp__store_meta_set(s3->store, "batch", "1");
      rcp__store_put_article(s3->store, m[batch]);
      int64_t st;
      rcp__cluster_doc(c, m[batch], NULL, 0, &st);
      int64_t *t = NULL;
      size_t nt = 0;
      rc = rcp__cluster_flush(c, &t, &nt);
      if (batch == 2) {
        CHECK_INT(nt, 1);
        CHECK(nt == 1 && t[0] == 1);   /* the merged-away story is not reported */
      }
      rcp__free(t);
      rcp__store_commit(s3->store);
      rcp__cluster_free(c);
    }
    CHECK_INT(rc, RCP_OK);
    CHECK_INT(x.nmerged, 1);
    CHECK(x.merged[0][0] == 2 && x.merged[0][1] == 1);
    char *j = NULL;
    CHECK_INT(rcp_story_json(s3, "s2", 0, &j), RCP_OK);
    CHECK(j && strstr(j, "\"id\":\"s1\"") && strstr(j, "\"merged_from\":\"s2\"") &&
          strstr(j, "\"m2\"") && strstr(j, "\"m3\""));
    free(j);
    int64_t id = 0;
    CHECK_INT(rcp__store_story_resolve(s3->store, 2, &id), RCP_OK);
    CHECK_INT(id, 1);
    CHECK_INT(rcp_stories_json(s3, NULL, 0, &j), RCP_OK);
    json_t *arr = j ? json_loads(j, 0, NULL) : NULL;
    CHECK_INT(json_array_size(arr), 1);
    json_decref(arr);
    free(j);
    for (int i = 0; i < 3; i++) rcp_doc_free(m[i]);
    rcp_ctx_free(s3);
  }
  TEST("empty and odd documents") {
    rcp_clusterer *c = NULL;
    CHECK_INT(rcp__cluster_open(ctx, &c), RCP_OK);
    rcp_page p;
    memset(&p, 0, sizeof p);
    p.id = "empty"; p.body = ""; p.body_len = 0;
    rcp_doc *d = NULL;
    CHECK_INT(rcp__doc_new(ctx, &p, &d), RCP_OK);
    d->rowid = 1;
    int64_t st;
    CHECK_INT(rcp__cluster_doc(c, d, NULL, 0, &st), RCP_OK);
    d->title = "\xff\xfe binary \x01 title";
    d->rowid = 2;
    CHECK_INT(rcp__cluster_doc(c, d, NULL, 0, &st), RCP_OK);
    int64_t *t = NULL;
    size_t nt = 0;
    CHECK_INT(rcp__cluster_flush(c, &t, &nt), RCP_OK);
    CHECK_INT(nt, 2);                   /* nothing in common: two stories */
    rcp__free(t);
    CHECK_INT(rcp__cluster_flush(c, &t, &nt), RCP_OK);
    CHECK_INT(nt, 0);
    rcp__free(t);
    rcp_doc_free(d);
    rcp__cluster_free(c);
  }
  TEST("numeric dates and URL dates tell two events years apart") {
    /* the same wording two years apart, dated only by a numeric date
    ** (day over 12: either order) or only by the page's URL: two stories;
    ** undated, they would be one */
    const char *txt = "Police say a 59-year-old woman was killed by a hit-and-run driver in Queens. "
                      "The driver was arrested and charged with manslaughter, police said.";
    char t1[400], t2[400];
    snprintf(t1, sizeof t1, "Updated 09/14/2013 01:03 PM %s", txt);
    snprintf(t2, sizeof t2, "Updated 14/09/2015 01:03 PM %s", txt);
    rcp_doc *d[4] = {
      page(ctx, "n1", t1, NULL, NULL, 1), page(ctx, "n2", t2, NULL, NULL, 2),
      page(ctx, "u1", txt, NULL, "http://news.example/2013/09/14/queens-hit-and-run", 3),
      page(ctx, "u2", txt, NULL, "http://news.example/20150914/queens-hit-and-run", 4),
    };
    CHECK(d[0] && d[1] && d[2] && d[3]);
    seen s;
    CHECK_INT(run(ctx, d, 2, 0, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[2] > 0 && s.story[1] != s.story[2]);
    CHECK_INT(run(ctx, d + 2, 2, 0, &s), RCP_OK);
    CHECK(s.story[3] > 0 && s.story[4] > 0 && s.story[3] != s.story[4]);
    rcp_doc *same2[2] = { page(ctx, "x1", txt, NULL, NULL, 5), page(ctx, "x2", txt, NULL, NULL, 6) };
    CHECK_INT(run(ctx, same2, 2, 0, &s), RCP_OK);
    CHECK(s.story[5] > 0 && s.story[5] == s.story[6]);
    for (int i = 0; i < 4; i++) rcp_doc_free(d[i]);
    rcp_doc_free(same2[0]);
    rcp_doc_free(same2[1]);
  }
  TEST("one person named in otherwise different wording: two stories") {
    rcp_doc *d[2] = {
      page(ctx, "v1", "Le ministre Olivier Véran a vu ses indemnités d'élu local rabotées par la préfecture de "
           "l'Isère. Le conseil municipal de Grenoble avait voté un montant jugé trop élevé par le contrôle de "
           "légalité. Une délibération rectificative sera présentée aux conseillers lors de la prochaine séance.",
           "2020-06-14T10:00:00+02:00", NULL, 1),
      page(ctx, "v2", "Pour Olivier Véran, le gros de l'épidémie est derrière nous. Les hospitalisations reculent "
           "depuis trois semaines et les services de réanimation se vident, mais la vigilance reste de mise "
           "face au virus : masques, gestes barrières et dépistage massif restent recommandés.",
           "2020-06-14T18:00:00+02:00", NULL, 2),
    };
    CHECK(d[0] && d[1]);
    seen s;
    CHECK_INT(run(ctx, d, 2, 0, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[2] > 0 && s.story[1] != s.story[2]);
    rcp_doc_free(d[0]);
    rcp_doc_free(d[1]);
  }
  TEST("a one-article story days older does not merge through a bridging page") {
    /* the bridging test above, with the one-article story three days
    ** before the others: a page of another day that stayed alone was not
    ** left out by the order (the stream chained topics day by day so) */
    rcp_doc *d[3] = {
      page(ctx, "o1", "Grève des contrôleurs aériens à Orly. Les contrôleurs aériens sont en grève à Orly. "
           "Les vols sont annulés à Orly ce lundi.", "2025-02-03T08:00:00Z", NULL, 1),
      page(ctx, "o2", "Pagaille dans les trains du RER B. Le trafic du RER B est interrompu. Les usagers du "
           "RER B attendent sur les quais.", "2025-02-06T09:00:00Z", NULL, 2),
      page(ctx, "o3", "Grève à Orly et pagaille sur le RER B. Les contrôleurs aériens sont en grève à Orly et "
           "les vols sont annulés. Le trafic du RER B est interrompu et les usagers attendent sur les quais.",
           "2025-02-06T10:00:00Z", NULL, 3),
    };
    CHECK(d[0] && d[1] && d[2]);
    rcp_cluster_params p;
    rcp__cluster_params_default(&p);
    seen s;
    CHECK_INT(run_params(ctx, d, 3, &p, &s), RCP_OK);
    CHECK_INT(s.nmerged, 0);
    CHECK(s.story[1] > 0 && s.story[2] > 0 && s.story[1] != s.story[2] && s.story[3] == s.story[2]);
    p.merge_one_pub = 0;               /* without the rule: merged at join */
    CHECK_INT(run_params(ctx, d, 3, &p, &s), RCP_OK);
    CHECK_INT(s.nmerged, 1);
    CHECK(s.story[1] == s.story[2] && s.story[2] == s.story[3]);
    for (int i = 0; i < 3; i++) rcp_doc_free(d[i]);
  }
  TEST("the same person on a later day, in other words: another story") {
    /* names count at most once the stems' cosine for a page of a later
    ** day than the story's last (twice on its days): on the stream, one
    ** senator's statements of several days were one story */
    rcp_doc *d[2] = {
      page(ctx, "r1", "Bruno Retailleau, président du groupe LR au Sénat, juge que les inconvénients du "
           "confinement deviennent supérieurs aux bénéfices. Bruno Retailleau demande au gouvernement "
           "de rouvrir les commerces et les écoles dans les départements peu touchés par le virus.",
           "2020-04-20T10:00:00+02:00", NULL, 1),
      page(ctx, "r2", "Pour sortir de la crise, il faudra accepter de travailler davantage, estime Bruno "
           "Retailleau au Sénat. Les salariés travailleraient trente-sept heures payées trente-cinq "
           "pendant un an pour relancer l'économie.",
           "2020-04-21T10:00:00+02:00", NULL, 2),
    };
    CHECK(d[0] && d[1]);
    rcp_cluster_params p;
    rcp__cluster_params_default(&p);
    seen s;
    CHECK_INT(run_params(ctx, d, 2, &p, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[2] > 0 && s.story[1] != s.story[2]);
    p.name_cap_later = 0;              /* without the rule: one story */
    CHECK_INT(run_params(ctx, d, 2, &p, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[1] == s.story[2]);
    /* the same page on the same day: names count twice the stems, it joins */
    rcp__cluster_params_default(&p);
    rcp_doc *e[2] = { d[0], page(ctx, "r3", "Pour sortir de la crise, il faudra accepter de travailler davantage, "
           "estime Bruno Retailleau au Sénat. Les salariés travailleraient trente-sept heures payées "
           "trente-cinq pendant un an pour relancer l'économie.", "2020-04-20T18:00:00+02:00", NULL, 3) };
    CHECK(e[1] != NULL);
    CHECK_INT(run_params(ctx, e, 2, &p, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[1] == s.story[3]);
    rcp_doc_free(e[1]);
    for (int i = 0; i < 2; i++) rcp_doc_free(d[i]);
  }
  TEST("a page revised the next morning under its title joins its story; a series' episode does not") {
    /* an evening page and its longer version of the next morning, which
    ** the relate stage calls an update (not a copy: score < 0.8): one
    ** title on two days is how a series looks, but no other story holds
    ** this title, so it is the page revised (series_update) */
    rcp_doc *d[3] = {
      titled(ctx, "g1", "Incendie : la raffinerie de Donges en feu, les riverains confinés",
             "Un incendie s'est déclaré mardi soir dans la raffinerie de Donges, en Loire-Atlantique. "
             "Les pompiers luttent contre les flammes et les riverains sont confinés chez eux.",
             "2025-03-11T22:30:00+01:00", 2),
      titled(ctx, "g2", "Incendie : la raffinerie de Donges en feu, les riverains confinés",
             "Les pompiers ont lutté toute la nuit contre l'incendie de la raffinerie de Donges. "
             "Le feu est maîtrisé mercredi matin, le confinement des riverains est levé et une "
             "enquête est ouverte sur l'origine du sinistre.",
             "2025-03-12T07:45:00+01:00", 3),
      /* the same title two days before, on another fire: with it, the title
      ** recurs (an episode of a series), and the rule does not apply */
      titled(ctx, "g0", "Incendie : la raffinerie de Donges en feu, les riverains confinés",
             "Dimanche, un feu de broussailles a menacé un entrepôt près de Saint-Nazaire, sans "
             "faire de blessé.", "2025-03-09T15:00:00+01:00", 1),
    };
    CHECK(d[0] && d[1] && d[2]);
    rcp_rel up = { 2, "update", 0.65, 1 };
    const rcp_rel *rels[3] = { NULL, &up, NULL };
    size_t nrels[3] = { 0, 1, 0 };
    rcp_cluster_params p;
    rcp__cluster_params_default(&p);
    seen s;
    CHECK_INT(run_rels(ctx, d, 2, &p, rels, nrels, &s), RCP_OK);
    CHECK(s.story[2] > 0 && s.story[2] == s.story[3]);
    p.series_update = 0;               /* without the rule: an episode, two stories */
    CHECK_INT(run_rels(ctx, d, 2, &p, rels, nrels, &s), RCP_OK);
    CHECK(s.story[2] > 0 && s.story[3] > 0 && s.story[2] != s.story[3]);
    rcp__cluster_params_default(&p);   /* the title held by an earlier story too */
    rcp_doc *e[3] = { d[2], d[0], d[1] };
    const rcp_rel *erels[3] = { NULL, NULL, &up };
    size_t enrels[3] = { 0, 0, 1 };
    CHECK_INT(run_rels(ctx, e, 3, &p, erels, enrels, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[2] > 0 && s.story[3] > 0);
    CHECK(s.story[3] != s.story[2] && s.story[2] != s.story[1]);
    for (int i = 0; i < 3; i++) rcp_doc_free(d[i]);
  }
  TEST("a page of a later day must come closer: its similarity counts x later_w") {
    /* the highest join at which the later page still joins its story,
    ** found by bisection without the rule; with it (later_w 0.9) the page
    ** stays apart at 0.95 x that bar and joins at 0.85 x; on the story's
    ** own day the rule does not apply */
    const char *damage = "Après le passage de la tempête Alex, le Morbihan compte ses dégâts : toitures "
      "arrachées, arbres couchés sur les routes, foyers encore privés d'électricité. Les pompiers de "
      "Bretagne sont intervenus plus de mille fois.";
    rcp_doc *d[3] = {
      page(ctx, "t1", "La tempête Alex a frappé la Bretagne dans la nuit. Des rafales à 180 km/h ont été "
           "relevées à Belle-Île et des milliers de foyers sont privés d'électricité dans le Morbihan. "
           "Météo-France maintient la vigilance rouge pour les vents violents.",
           "2020-10-02T08:00:00+02:00", NULL, 1),
      page(ctx, "t2", damage, "2020-10-03T09:00:00+02:00", NULL, 2),   /* the next day */
      page(ctx, "t3", damage, "2020-10-02T19:00:00+02:00", NULL, 3),   /* the story's day */
    };
    CHECK(d[0] && d[1] && d[2]);
    rcp_cluster_params p;
    rcp__cluster_params_default(&p);
    CHECK(p.later_w < 1.0);
    seen s;
    p.later_w = 1.0;
    double lo = 0.01, hi = 1.0;        /* joins at lo, not at hi */
    for (int k = 0; k < 20; k++) {
      p.join = (lo + hi) / 2;
      CHECK_INT(run_params(ctx, d, 2, &p, &s), RCP_OK);
      if (s.story[1] == s.story[2]) lo = p.join; else hi = p.join;
    }
    CHECK(lo > 0.05 && lo < 0.9);
    rcp__cluster_params_default(&p);
    p.join = lo * 0.95;
    CHECK_INT(run_params(ctx, d, 2, &p, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[2] > 0 && s.story[1] != s.story[2]);
    p.join = lo * 0.85;
    CHECK_INT(run_params(ctx, d, 2, &p, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[1] == s.story[2]);
    rcp_doc *e[2] = { d[0], d[2] };    /* the same page on the story's day */
    p.join = lo * 0.95;
    CHECK_INT(run_params(ctx, e, 2, &p, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[1] == s.story[3]);
    for (int i = 0; i < 3; i++) rcp_doc_free(d[i]);
  }
  /* ---- round-ups (docs/stories.md, "Round-ups") ---- */
  const char *ru_text =
    "Coronavirus : l'Italie rouvre ses frontières, le Japon lève l'état d'urgence\n\n"
    "- L'Italie rouvre ses frontières -\n\n"
    "L'Italie rouvrira ses frontières aux touristes européens le 3 juin, a annoncé samedi le gouvernement "
    "de Giuseppe Conte. Les visiteurs venus de l'Union européenne n'auront plus à observer de quarantaine.\n\n"
    "- Fin de l'état d'urgence au Japon -\n\n"
    "Le Japon a levé l'état d'urgence dans la plupart de ses départements. Tokyo et Osaka restent soumis "
    "aux restrictions jusqu'à la fin du mois.\n\n"
    "- Record de décès au Brésil -\n\n"
    "Le Brésil a enregistré 1.188 morts en vingt-quatre heures, un record. Le président Jair Bolsonaro "
    "continue de dénoncer les mesures de confinement des gouverneurs.\n\n"
    "- Les églises rouvrent en Allemagne -\n\n"
    "En Allemagne, les fidèles ont retrouvé les églises et les mosquées, avec des masques et à distance. "
    "Berlin prévoit une réunion des régions mercredi.\n\n"
    "- Plages ouvertes en Espagne -\n\n"
    "En Espagne, les plages de Barcelone ont rouvert aux promeneurs. Madrid reste en phase zéro du "
    "déconfinement.\n\n"
    "- Plus de 330.000 morts -\n\n"
    "La pandémie a fait plus de 330.000 morts dans le monde, selon un bilan établi samedi. Les Etats-Unis "
    "sont le pays le plus touché, devant le Royaume-Uni, l'Italie, la France et l'Espagne.";
  const char *it1 =
    "L'Italie rouvre ses frontières aux touristes européens. Le gouvernement de Giuseppe Conte a annoncé "
    "samedi que l'Italie rouvrira ses frontières aux visiteurs de l'Union européenne le 3 juin, sans "
    "quarantaine. Les régions italiennes pourront aussi lever les restrictions de déplacement entre elles. "
    "Le secteur du tourisme, qui pèse 13 % du PIB italien, attendait cette annonce pour sauver la saison.";
  const char *it2 =
    "Tourisme : l'Italie rouvre ses frontières le 3 juin. Les touristes européens pourront entrer en "
    "Italie sans quarantaine à partir du 3 juin, a annoncé samedi Giuseppe Conte. Le gouvernement italien "
    "veut sauver la saison touristique, le tourisme représentant 13 % du PIB. Les déplacements entre "
    "régions italiennes seront aussi de nouveau autorisés.";
  TEST("round-up detector: sections on many countries; one event naming a few is not one") {
    rcp_doc *d[3] = { page(ctx, "ru", ru_text, "2020-05-16T20:00:00+02:00", NULL, 1),
                      page(ctx, "i1", it1, "2020-05-16T18:00:00+02:00", NULL, 2),
                      page(ctx, "i2", "Un séisme de magnitude 6,1 a frappé samedi le nord du Japon, sans faire "
                           "de victime. Les autorités du Japon ont levé l'alerte au tsunami. La Chine et la Corée "
                           "du Sud ont proposé leur aide, la Russie a envoyé des sauveteurs dans les îles voisines.",
                           "2020-05-16T18:00:00+02:00", NULL, 3) };
    CHECK(d[0] && d[1] && d[2]);
    CHECK_INT(with_ents(ctx, d, 3), RCP_OK);
    if (d[0]) CHECK_INT(rcp__cluster_is_roundup(d[0]), 1);
    if (d[1]) CHECK_INT(rcp__cluster_is_roundup(d[1]), 0);
    if (d[2]) CHECK_INT(rcp__cluster_is_roundup(d[2]), 0);   /* five countries, one event */
    /* the same round-up without its section lead-ins: countries that open
    ** sentences, spread over the page */
    char flat[2000];
    drop_sections(ru_text, flat, sizeof flat);
    rcp_doc *e = page(ctx, "ru2", flat, "2020-05-16T20:00:00+02:00", NULL, 4);
    CHECK(e != NULL);
    CHECK_INT(with_ents(ctx, &e, 1), RCP_OK);
    if (e) CHECK_INT(rcp__cluster_is_roundup(e), 1);
    rcp_doc_free(e);
    for (int i = 0; i < 3; i++) rcp_doc_free(d[i]);
  }
  TEST("round-up detector: a world wrap of three sections naming twelve countries") {
    /* the same text with its section lead-ins (a wrap) and without them
    ** (lists of countries in four sentences: not enough to say) */
    const char *wrap =
      "Le déconfinement s'étend dans le monde.\n\n"
      "- En Europe -\n\n"
      "L'Italie, l'Espagne, la Grèce, le Portugal et l'Autriche rouvrent leurs musées et leurs plages.\n\n"
      "- Aux Amériques -\n\n"
      "Le Brésil, le Mexique, le Pérou et le Chili comptent toujours plus de malades chaque jour.\n\n"
      "- En Asie -\n\n"
      "La Chine, le Japon, l'Inde et la Corée du Sud surveillent de nouveaux foyers.";
    char flat[1000];
    drop_sections(wrap, flat, sizeof flat);
    roundup_two(ctx, wrap, 1, flat, 0);
  }
  TEST("round-up detector: a page with a protagonist is about one event") {
    /* a fugitive's arrest that tells his flight country by country: with
    ** him named in every sentence it is one event; the same sentences with
    ** "il" read as a page spread over countries, a round-up */
    const char *who =
      "Jean Dufresne a été arrêté samedi près de Lyon après vingt ans de cavale. En Belgique, Jean Dufresne "
      "avait vécu cinq ans sous un faux nom. Au Kenya, Jean Dufresne s'était caché chez des proches. En "
      "Allemagne, la police avait perdu la trace de Jean Dufresne en 2010. Au Portugal, Jean Dufresne avait "
      "ouvert un commerce de vin. En Suisse, des enquêteurs avaient retrouvé des comptes de Jean Dufresne. "
      "En Italie, Jean Dufresne avait été condamné par défaut. Jean Dufresne doit être présenté lundi à un "
      "juge d'instruction.";
    const char *nobody =
      "Un homme a été arrêté samedi près de Lyon après vingt ans de cavale. En Belgique, il avait vécu cinq "
      "ans sous un faux nom. Au Kenya, il s'était caché chez des proches. En Allemagne, la police avait "
      "perdu sa trace en 2010. Au Portugal, il avait ouvert un commerce de vin. En Suisse, des enquêteurs "
      "avaient retrouvé ses comptes. En Italie, il avait été condamné par défaut. Il doit être présenté "
      "lundi à un juge d'instruction.";
    roundup_two(ctx, who, 0, nobody, 1);
  }
  TEST("a round-up joins no event story; the event's pages stay together") {
    /* an event, the day's round-up led by it, the event again: the
    ** round-up is a story of its own (it would mix the Italy story with
    ** Japan, Brazil, Germany and Spain) */
    rcp_doc *d[3] = { page(ctx, "e1", it1, "2020-05-16T18:00:00+02:00", NULL, 1),
                      page(ctx, "r1", ru_text, "2020-05-16T20:00:00+02:00", NULL, 2),
                      page(ctx, "e2", it2, "2020-05-16T21:00:00+02:00", NULL, 3) };
    CHECK(d[0] && d[1] && d[2]);
    CHECK_INT(with_ents(ctx, d, 3), RCP_OK);
    rcp_cluster_params p;
    rcp__cluster_params_default(&p);
    seen s;
    CHECK_INT(run_params(ctx, d, 3, &p, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[1] == s.story[3] && s.story[2] > 0 && s.story[2] != s.story[1]);
    p.roundup = 0;                     /* without the rule: the round-up joins the event */
    CHECK_INT(run_params(ctx, d, 3, &p, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[1] == s.story[2] && s.story[2] == s.story[3]);
    /* the round-up first: the event's page does not join it */
    rcp_doc *e[2] = { page(ctx, "r2", ru_text, "2020-05-16T17:00:00+02:00", NULL, 4),
                      page(ctx, "e3", it1, "2020-05-16T18:00:00+02:00", NULL, 5) };
    CHECK(e[0] && e[1]);
    CHECK_INT(with_ents(ctx, e, 2), RCP_OK);
    rcp__cluster_params_default(&p);
    CHECK_INT(run_params(ctx, e, 2, &p, &s), RCP_OK);
    CHECK(s.story[4] > 0 && s.story[5] > 0 && s.story[4] != s.story[5]);
    p.roundup = 0;
    CHECK_INT(run_params(ctx, e, 2, &p, &s), RCP_OK);
    CHECK(s.story[4] > 0 && s.story[4] == s.story[5]);
    for (int i = 0; i < 2; i++) rcp_doc_free(e[i]);
    for (int i = 0; i < 3; i++) rcp_doc_free(d[i]);
  }
  TEST("a page revised into a round-up under its title joins its story (series_update)") {
    /* the evening's version of a page names more countries and reads as
    ** a round-up; the relate stage calls it an update of the afternoon's
    ** page, under the same title: the page revised, not a digest joining
    ** an event's story */
    const char *title = "Coronavirus : l'Italie rouvre ses frontières, le Japon lève l'état d'urgence";
    rcp_doc *d[2] = { titled(ctx, "v1", title, it1, "2020-05-16T16:00:00+02:00", 1),
                      titled(ctx, "v2", title, ru_text, "2020-05-16T20:00:00+02:00", 2) };
    CHECK(d[0] && d[1]);
    CHECK_INT(with_ents(ctx, d, 2), RCP_OK);
    if (d[0] && d[1]) {
      CHECK_INT(rcp__cluster_is_roundup(d[0]), 0);
      CHECK_INT(rcp__cluster_is_roundup(d[1]), 1);
    }
    rcp_rel up = { 1, "update", 0.6, 1 };
    const rcp_rel *rels[2] = { NULL, &up };
    size_t nrels[2] = { 0, 1 };
    rcp_cluster_params p;
    rcp__cluster_params_default(&p);
    seen s;
    CHECK_INT(run_rels(ctx, d, 2, &p, rels, nrels, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[1] == s.story[2]);
    p.series_update = 0;               /* without the rule: the round-up stays apart */
    CHECK_INT(run_rels(ctx, d, 2, &p, rels, nrels, &s), RCP_OK);
    CHECK(s.story[1] > 0 && s.story[2] > 0 && s.story[1] != s.story[2]);
    for (int i = 0; i < 2; i++) rcp_doc_free(d[i]);
  }
  TEST("editions of one day's round-up are one story; another round-up is not") {
    /* the same title at 08:00 and 19:00 with other items: one story; a
    ** round-up under another title the same day: a story of its own */
    const char *ed2 =
      "- La Russie enregistre un vaccin -\n\n"
      "La Russie a annoncé avoir enregistré un vaccin contre le virus, le premier au monde selon Moscou. "
      "L'Organisation mondiale de la santé appelle à la prudence.\n\n"
      "- Reconfinement en Nouvelle-Zélande -\n\n"
      "La Nouvelle-Zélande a reconfiné Auckland après quatre nouveaux cas. Les écoles de la ville ferment.\n\n"
      "- Récession au Royaume-Uni -\n\n"
      "Le Royaume-Uni est entré en récession, avec une chute de 20 % du PIB au deuxième trimestre.\n\n"
      "- Masques en Belgique -\n\n"
      "En Belgique, le port du masque devient obligatoire dans les rues commerçantes de Bruxelles.\n\n"
      "- Rentrée au Mexique -\n\n"
      "Au Mexique, la rentrée scolaire se fera à la télévision, a annoncé le gouvernement.\n\n"
      "- Plus de 740.000 morts -\n\n"
      "La pandémie a fait plus de 740.000 morts dans le monde. Les Etats-Unis, le Brésil, le Mexique, l'Inde "
      "et le Royaume-Uni sont les pays les plus endeuillés.";
    json_t *o[3] = {
      json_pack("{s:s,s:s,s:s,s:s}", "id", "p1", "published", "2020-05-16T08:00:00+02:00",
                "title", "Coronavirus : le point sur la pandémie", "text", ru_text),
      json_pack("{s:s,s:s,s:s,s:s}", "id", "p2", "published", "2020-05-16T19:00:00+02:00",
                "title", "Coronavirus : le point sur la pandémie", "text", ed2),
      json_pack("{s:s,s:s,s:s,s:s}", "id", "p3", "published", "2020-05-16T21:00:00+02:00",
                "title", "Virus : la Russie enregistre un vaccin, Auckland reconfiné", "text", ed2) };
    rcp_doc *d[3];
    for (int i = 0; i < 3; i++) {
      d[i] = make_doc(ctx, o[i]);
      json_decref(o[i]);
      CHECK(d[i] != NULL);
      if (d[i]) d[i]->rowid = i + 1;
    }
    CHECK_INT(with_ents(ctx, d, 3), RCP_OK);
    if (d[0] && d[1] && d[2]) {
      CHECK_INT(rcp__cluster_is_roundup(d[0]), 1);
      CHECK_INT(rcp__cluster_is_roundup(d[1]), 1);
      rcp_cluster_params p;
      rcp__cluster_params_default(&p);
      p.roundup_join = 2;              /* no similarity is enough: editions only */
      seen s;
      CHECK_INT(run_params(ctx, d, 2, &p, &s), RCP_OK);
      CHECK(s.story[1] > 0 && s.story[1] == s.story[2]);
      rcp_doc *e[2] = { d[0], d[2] };
      CHECK_INT(run_params(ctx, e, 2, &p, &s), RCP_OK);
      CHECK(s.story[1] > 0 && s.story[3] > 0 && s.story[1] != s.story[3]);
    }
    for (int i = 0; i < 3; i++) rcp_doc_free(d[i]);
  }
  /* ---- daily bulletins (docs/stories.md, "Daily bulletins") ---- */
  TEST("a title giving the last 24 hours' or the new figures is a daily bulletin") {
    static const char *const yes[] = {
      "Coronavirus : 57 nouveaux décès en 24 heures",
      "Coronavirus : 5.091 décès à l'hôpital, 588 de plus en 24h",
      "Covid-19: la situation se dégrade, 2.846 nouveaux cas en 24H",
      "Grippe : 120 hospitalisations sur 24 heures dans la région",
      "Virus : 300 cas ces dernières 24 heures au Brésil",
      "Coronavirus: plus faible bilan quotidien depuis début avril",
      "UK records 4,322 new cases in 24 hours",
      "India reports 900 deaths in the past 24 hours",
      "Rougeole : 45 nouveaux cas dans le Var",
      "Ebola : sept nouveaux décès en RDC",
      "Dengue : les nouvelles contaminations repartent à la hausse",
      "Measles: 30 new cases in New York",
    };
    static const char *const no[] = {
      "Les 24 Heures du Mans 2020 reportées en septembre",
      "Kenya: 24 heures dans la vie de Nairobi sous couvre-feu",
      "Pollution: le port sous surveillance 24 heures sur 24",
      "Trump promet une décision dans les 24 heures",
      "Le plan de relance prévoit 24 milliards en 2024",
      "La ligne 24 hors service pour travaux",
      "",
    };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) CHECK_INT(rcp__cluster_is_bulletin(yes[i]), 1);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) CHECK_INT(rcp__cluster_is_bulletin(no[i]), 0);
    CHECK_INT(rcp__cluster_is_bulletin(NULL), 0);
  }
  TEST("a daily bulletin joins another day's story only as a copy") {
    /* the next day's figures, in the same words, are another event: a
    ** story of their own, linked to the day before's as a storyline;
    ** another report of the same day's figures joins */
    rcp_doc *d[3] = {
      titled(ctx, "b1", "Coronavirus : 412 nouveaux décès en 24 heures",
             "La France a enregistré 412 nouveaux décès du coronavirus en 24 heures à l'hôpital, selon "
             "la Direction générale de la santé. Le nombre de patients en réanimation continue de baisser, "
             "à 5.210, et les hôpitaux comptent 28.000 malades hospitalisés.",
             "2020-04-20T19:30:00+02:00", 1),
      titled(ctx, "b2", "Coronavirus : 389 nouveaux décès en 24 heures",
             "La France a enregistré 389 nouveaux décès du coronavirus en 24 heures à l'hôpital, selon "
             "la Direction générale de la santé. Le nombre de patients en réanimation continue de baisser, "
             "à 5.053, et les hôpitaux comptent 27.500 malades hospitalisés.",
             "2020-04-21T19:30:00+02:00", 2),
      titled(ctx, "b3", "Covid-19 : 412 morts de plus en 24h, la réanimation se vide",
             "Selon la Direction générale de la santé, 412 nouveaux décès du coronavirus ont été "
             "enregistrés en 24 heures à l'hôpital. Le nombre de patients en réanimation continue de "
             "baisser, à 5.210.",
             "2020-04-20T20:10:00+02:00", 3),
    };
    CHECK(d[0] && d[1] && d[2]);
    if (d[0] && d[1] && d[2]) {
      rcp_cluster_params p;
      rcp__cluster_params_default(&p);
      CHECK_INT(p.bulletin, 1);
      seen s;
      CHECK_INT(run_params(ctx, d, 2, &p, &s), RCP_OK);
      CHECK(s.story[1] > 0 && s.story[2] > 0 && s.story[1] != s.story[2]);
      CHECK(linked(&s, s.story[1], s.story[2]));
      rcp_doc *e[2] = { d[0], d[2] };  /* the same day's figures, other words */
      CHECK_INT(run_params(ctx, e, 2, &p, &s), RCP_OK);
      CHECK(s.story[1] > 0 && s.story[1] == s.story[3]);
      p.bulletin = 0;                  /* without the rule: the next day's figures join */
      CHECK_INT(run_params(ctx, d, 2, &p, &s), RCP_OK);
      CHECK(s.story[1] > 0 && s.story[1] == s.story[2]);
    }
    for (int i = 0; i < 3; i++) rcp_doc_free(d[i]);
  }
  free_fixture(&f);
  rcp_ctx_free(ctx);
}
