/* dedup.c -- rcp_dedup: the relate stage over documents in memory, without
** a store (`recoupe dedup`).  The documents are related in publication
** order (pages without a date after the dated ones; input order breaks
** ties), each to those before it, with the same index and rules as
** `recoupe add` (src/relate.c), so copies of one text relate to the one
** published first whatever the order of the files; rewrites are aligned
** against the given documents.
** Output: one rcp_relation per related pair, a = the original (published
** first; input order breaks ties), sorted by b then a. */
#include "recoupe_int.h"

#include <stdlib.h> /* realloc, free, qsort */
#include <stdint.h> /* uintptr_t, uint64_t */
#include <string.h> /* memcpy, memset, strlen */

/* Bytes of a string with its NUL, 0 for NULL. */
static size_t ssz(const char *s) { return s ? strlen(s) + 1 : 0; }

static const char *scopy(char **p, const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  memcpy(*p, s, n);
  const char *r = *p;
  *p += n;
  return r;
}

/* ---- slim documents ---------------------------------------------- */
/* What rcp_dedup keeps of a document between reading and relating: the
** metadata, the text, the sentences and the fingerprint, and of each token
** only what the relation rules read (src/relate.c: hash, stem hash, flags,
** and whether its length is 1, 2 or more) -- 18 bytes instead of the 48 of
** an rcp_token and its two strings, 10 when the stem hash is the word's
** own hash (56 % of the 2020 stream's tokens: stopwords, numbers, words
** Snowball leaves whole), which is then not stored.  A stream of 13,869 pages then keeps
** about a quarter of the memory, and malloc reuses the freed arenas instead
** of faulting in new pages.  A slim document has no tokens (toks NULL,
** ntoks 0: any other reader sees a document without words) and raw ==
** slim_mark; rcp_dedup expands it to a full rcp_doc (tokens without norms,
** stems and offsets) for the time it is related or fetched. */
static const char slim_mark[1] = "";

typedef struct slim {
  size_t n;                 /* tokens */
  uint64_t *hash;
  uint64_t *shash;          /* the stem hashes of the tokens flagged OWN_STEM, in order */
  uint8_t *flags, *len;     /* len: min(len, 255) */
} slim;

/* In a slim token's flags (the RCP_TOK_* flags fit in the low 5 bits):
** its stem hash differs from its hash and is the next one in shash. */
#define OWN_STEM 0x80
_Static_assert(RCP_TOK_PUNCT < OWN_STEM, "a token flag collides with OWN_STEM");

#define SLIM_OFF ((sizeof(rcp_doc) + 15) & ~(size_t)15)
#define SLIM_HDR ((sizeof(slim) + 15) & ~(size_t)15)

static int is_slim(const rcp_doc *d) { return d->raw == slim_mark; }
static slim *slim_of(const rcp_doc *d) { return (slim *)(void *)((unsigned char *)(uintptr_t)d + SLIM_OFF); }

/* The slim copy of d in a new arena; NULL on ENOMEM (d is then kept whole). */
static rcp_doc *slim_copy(const rcp_ctx *ctx, const rcp_doc *d) {
  const char *strs[] = { d->id, d->source, d->url, d->fetched, d->in_title, d->in_published,
                         d->in_site, d->in_language, d->title, d->author, d->published,
                         d->updated, d->site, d->canonical, d->language, d->credited_source,
                         d->lang };
  size_t nstr = 0;
  for (size_t k = 0; k < sizeof strs / sizeof *strs; k++) nstr += ssz(strs[k]);
  size_t n = d->ntoks, ntext = d->text ? d->text_len + 1 : 0, nown = 0;
  for (size_t i = 0; i < n; i++) nown += d->toks[i].shash != d->toks[i].hash;
  size_t total = SLIM_OFF + SLIM_HDR + n * (sizeof(uint64_t) + 2) + nown * sizeof(uint64_t)
                 + d->nsents * sizeof *d->sents + ntext + nstr + 16;
  /* a cap just over the blob: the arena's one chunk is the blob's size,
  ** not the next power of two (a third less memory to fault in); nothing
  ** else is allocated in a slim document's arena */
  size_t cap = ctx && ctx->opts.doc_cap ? ctx->opts.doc_cap : 0;
  if (!cap || total + 128 < cap) cap = total + 128;
  rcp_arena *a = rcp__arena_new(cap);
  unsigned char *blob = a ? rcp__arena_alloc(a, total) : NULL;
  if (!blob) { rcp__arena_free(a); return NULL; }
  rcp_doc *c = (rcp_doc *)(void *)blob;   /* 16-aligned */
  *c = *d;
  c->arena = a;
  slim *z = slim_of(c);
  unsigned char *p = blob + SLIM_OFF + SLIM_HDR;
  z->n = n;
  z->hash = (uint64_t *)(void *)p; p += n * sizeof(uint64_t);
  z->shash = (uint64_t *)(void *)p; p += nown * sizeof(uint64_t);
  c->sents = NULL;
  if (d->nsents) {   /* 4-byte fields: aligned after the 8-byte arrays */
    c->sents = (rcp_sentence *)(void *)p;
    memcpy(c->sents, d->sents, d->nsents * sizeof *d->sents);
    p += d->nsents * sizeof *d->sents;
  }
  z->flags = p; p += n;
  z->len = p; p += n;
  for (size_t i = 0, j = 0; i < n; i++) {
    const rcp_token *t = &d->toks[i];
    z->hash[i] = t->hash;
    z->flags[i] = (uint8_t)(t->flags & ~OWN_STEM);
    if (t->shash != t->hash) { z->shash[j++] = t->shash; z->flags[i] |= OWN_STEM; }
    z->len[i] = (uint8_t)(t->len < 255 ? t->len : 255);
  }
  char *q = (char *)p;
  if (d->text) { memcpy(q, d->text, ntext); c->text = q; q += ntext; }
  c->id = scopy(&q, d->id); c->source = scopy(&q, d->source); c->url = scopy(&q, d->url);
  c->fetched = scopy(&q, d->fetched); c->in_title = scopy(&q, d->in_title);
  c->in_published = scopy(&q, d->in_published); c->in_site = scopy(&q, d->in_site);
  c->in_language = scopy(&q, d->in_language); c->title = scopy(&q, d->title);
  c->author = scopy(&q, d->author); c->published = scopy(&q, d->published);
  c->updated = scopy(&q, d->updated); c->site = scopy(&q, d->site);
  c->canonical = scopy(&q, d->canonical); c->language = scopy(&q, d->language);
  c->credited_source = scopy(&q, d->credited_source); c->lang = scopy(&q, d->lang);
  c->raw = slim_mark;
  c->raw_len = 0;
  c->toks = NULL; c->ntoks = 0;
  c->blocks = NULL; c->nblocks = 0;
  c->ents = NULL; c->nents = 0; c->dates = NULL; c->ndates = 0;
  c->figs = NULL; c->nfigs = 0; c->quotes = NULL; c->nquotes = 0;
  return c;
}

/* A slim document expanded into reusable memory: x->doc, valid until the
** next expansion into x (the relation rules read one fetched document at a
** time, and no rule allocates in a document's arena: arena NULL).
** Its tokens have hash, stem hash, flags, length and sentence, empty norms
** and stems.  NULL on ENOMEM. */
typedef struct xpand { rcp_doc doc; rcp_token *toks; size_t cap; } xpand;

static const rcp_doc *slim_expand_into(const rcp_doc *d, xpand *x) {
  const slim *z = slim_of(d);
  if (z->n > x->cap) {
    size_t nc = x->cap ? x->cap : 1024;
    while (nc < z->n) nc *= 2;
    rcp_token *q = rcp__realloc(x->toks, nc * sizeof *q);
    if (!q) return NULL;
    for (size_t i = x->cap; i < nc; i++) {   /* the same in every expansion */
      q[i].off = 0;
      q[i].norm = "";
      q[i].stem = "";
    }
    x->toks = q;
    x->cap = nc;
  }
  rcp_doc *e = &x->doc;
  *e = *d;
  e->arena = NULL;
  e->raw = "";
  rcp_token *t = x->toks;
  const uint64_t *sh = z->shash;
  for (size_t i = 0; i < z->n; i++) {
    uint8_t f = z->flags[i];
    t[i].len = z->len[i];
    t[i].hash = z->hash[i];
    t[i].shash = f & OWN_STEM ? *sh++ : z->hash[i];
    t[i].sent = 0;
    t[i].flags = f & (uint8_t)~OWN_STEM;
  }
  for (size_t s = 0; s < d->nsents; s++)
    for (uint32_t k = d->sents[s].tok0; k < d->sents[s].tok0 + d->sents[s].ntok && k < z->n; k++)
      t[k].sent = (uint32_t)s;
  e->toks = z->n ? t : NULL;
  e->ntoks = z->n;
  return e;
}

/* rcp__analyze without the norm and stem strings, which a slim document
** drops (src/analyze.c) */
int rcp__analyze_lite(const rcp_ctx *ctx, rcp_doc *d);

/* Extraction, analysis and fingerprints; the document returned keeps only
** what rcp_dedup and rcp_doc_meta read (see slim_copy).  The page's body is
** read in place (not copied into the document's arena): it outlives the
** call, and the slim copy does not keep it. */
int rcp_doc_process_dedup(rcp_ctx *ctx, const rcp_page *page, rcp_doc **out) {
  *out = NULL;
  rcp_doc *d = NULL;
  rcp_page pg = *page;
  pg.body = NULL;
  pg.body_len = 0;
  int rc = rcp__doc_new(ctx, &pg, &d);
  if (rc == RCP_OK && page->body) { d->raw = page->body; d->raw_len = page->body_len; }
  if (rc == RCP_OK) rc = rcp__extract(ctx, d);
  if (rc == RCP_OK) rc = rcp__analyze_lite(ctx, d);
  if (rc == RCP_OK) rc = rcp__fingerprint(ctx, d);
  if (rc != RCP_OK) { rcp_doc_free(d); return rc; }
  rcp_doc *c = slim_copy(ctx, d);
  if (c) { rcp_doc_free(d); d = c; }
  else if (d->raw == page->body) {   /* kept whole: its own copy of the body */
    char *raw = rcp__arena_strndup(d->arena, d->raw, d->raw_len);
    if (!raw) { rcp_doc_free(d); return RCP_ENOMEM; }
    d->raw = raw;
  }
  *out = d;
  return RCP_OK;
}

typedef struct fetch_ud { rcp_doc *const *docs; const size_t *order; size_t n; xpand x; } fetch_ud;

/* idx: position in the relating order */
static const rcp_doc *fetch_doc(void *ud, size_t idx, rcp_doc **owned) {
  fetch_ud *f = ud;
  *owned = NULL;
  if (idx >= f->n) return NULL;
  const rcp_doc *d = f->docs[f->order[idx]];
  if (!is_slim(d)) return d;
  return slim_expand_into(d, &f->x);
}

typedef struct ord { int64_t t; size_t i; } ord;

static int cmp_ord(const void *x, const void *y) {
  const ord *a = x, *b = y;
  int ua = a->t == INT64_MIN, ub = b->t == INT64_MIN;
  if (ua != ub) return ua - ub;               /* undated pages last */
  if (!ua && a->t != b->t) return a->t < b->t ? -1 : 1;
  return a->i < b->i ? -1 : a->i > b->i;
}

static int cmp_relation(const void *x, const void *y) {
  const rcp_relation *a = x, *b = y;
  size_t la = a->a > a->b ? a->a : a->b, lb = b->a > b->b ? b->a : b->b;
  if (la != lb) return la < lb ? -1 : 1;
  size_t ea = a->a < a->b ? a->a : a->b, eb = b->a < b->b ? b->a : b->b;
  return ea < eb ? -1 : ea > eb;
}

int rcp_dedup(rcp_ctx *ctx, rcp_doc *const *docs, size_t n, rcp_relation **rels, size_t *nrels) {
  *rels = NULL;
  *nrels = 0;
  if (n && !docs) return RCP_EINVAL;
  /* the index must not touch a store here: a context without one */
  rcp_ctx local;
  memset(&local, 0, sizeof local);
  if (ctx) local.opts = ctx->opts;
  else rcp_opts_default(&local.opts);
  if (!local.opts.seed) local.opts.seed = RCP_DEFAULT_SEED;
  if (local.opts.window_days <= 0) local.opts.window_days = 7;
  local.store = NULL;
  rcp_relidx *ix = NULL;
  int rc = rcp__relidx_new(&local, &ix);
  if (rc != RCP_OK) return rc;
  ord *os = rcp__malloc((n ? n : 1) * sizeof *os);
  size_t *order = rcp__malloc((n ? n : 1) * sizeof *order);
  if (!os || !order) { rcp__free(os); rcp__free(order); rcp__relidx_free(ix); return RCP_ENOMEM; }
  for (size_t i = 0; i < n; i++) { os[i].t = docs[i]->pub_time; os[i].i = i; }
  if (n > 1) qsort(os, n, sizeof *os, cmp_ord);
  for (size_t i = 0; i < n; i++) order[i] = os[i].i;
  rcp__free(os);
  fetch_ud fu;
  memset(&fu, 0, sizeof fu);
  fu.docs = docs; fu.order = order; fu.n = n;
  xpand cur;   /* the document being related */
  memset(&cur, 0, sizeof cur);
  rcp__relidx_set_fetch(ix, fetch_doc, &fu);
  rcp_relation *out = NULL;   /* malloc: the caller frees with free() */
  size_t nout = 0, cap = 0;
  for (size_t p = 0; p < n && rc == RCP_OK; p++) {
    size_t i = order[p];
    rcp_doc *d = docs[i];
    if (!d->fp.valid) {   /* not fingerprinted yet */
      if (!d->toks) rc = rcp__analyze(&local, d);
      if (rc == RCP_OK) rc = rcp__fingerprint(&local, d);
      if (rc != RCP_OK) break;
    }
    rcp_doc *rd = d;
    if (is_slim(d)) {
      if (!slim_expand_into(d, &cur)) { rc = RCP_ENOMEM; break; }
      rd = &cur.doc;
    }
    int64_t saved = rd->rowid;
    rd->rowid = (int64_t)p + 1;   /* index rows are positions in the relating order */
    rcp_rel *r = NULL;
    size_t nr = 0;
    rc = rcp__relate_doc(ix, rd, &r, &nr);
    rd->rowid = saved;
    for (size_t k = 0; k < nr && rc == RCP_OK; k++) {
      if (nout == cap) {
        size_t nc = cap ? cap * 2 : 64;
        rcp_relation *q = realloc(out, nc * sizeof *q);
        if (!q) { rc = RCP_ENOMEM; break; }
        out = q;
        cap = nc;
      }
      size_t other = order[(size_t)(r[k].other - 1)];
      rcp_relation *x = &out[nout++];
      x->a = r[k].direction >= 0 ? other : i;
      x->b = r[k].direction >= 0 ? i : other;
      x->kind = r[k].kind;
      x->score = r[k].score;
    }
    rcp__free(r);
  }
  rcp__relidx_free(ix);
  rcp__free(order);
  rcp__free(cur.toks);
  rcp__free(fu.x.toks);
  if (rc != RCP_OK) { free(out); return rc; }
  if (nout > 1) qsort(out, nout, sizeof *out, cmp_relation);
  *rels = out;
  *nrels = nout;
  return RCP_OK;
}
