/* relate.c -- stage 5: how a new page relates to the pages before it.
**
** Candidates.  (1) Exact: a map from the exact hash to the first page with
** it gives `duplicate` at once (duplicates are not indexed further, so fifty
** copies of one dispatch cost one LSH entry).  (2) LSH: 14 bands of 4 rows
** over the low 8 bits of the first 56 MinHash slots (P[candidate] =
** 1-(1-J^4)^14: 0.9994 at J = 0.8, 0.59 at 0.5); the bucket tables hold only
** page numbers, and a slot matches when the page's own stored band bytes
** equal the probe, so no key is stored twice.  (3) Rewrites share few
** shingles: pages of the last day (by publication time) keep a bottom-8
** sketch of their anchors (numbers and capitalised non-initial words) and
** the key of their headline, found through posting tables (anchor -> pages,
** headline -> pages, rebuilt as pages leave the window); two pages sharing
** 3 sampled anchors are compared sentence by sentence (weighted overlap of
** content stems; weights from a count-min sketch of stem document
** frequencies) and on their names and numbers; two pages with the same
** headline within 12 hours, on their names and numbers.
** Verification: Jaccard from the 128 8-bit slots (corrected for chance
** collisions), containment = |A n B| / min(|A|, |B|) from the Jaccard and
** the shingle counts.  Kinds and thresholds: docs/relate.md.
** Direction: the page published first is the original (publication time,
** then input order).  Nothing is ever deleted.
** Memory: per page 4 (row id) + 128 (signature) + 4 (shingles) + 4 (time) +
** 8 (exact hash) bytes, plus 4-byte hash-table slots at load 0.6..0.75
** (15 per indexed page); arrays grow by 1/4: <= 300 bytes per page
** (bench/bench_relate.c measures it).  The rewrite window is bounded by
** time, not by the archive.
** Determinism: the result depends only on the pages and their order, not
** on where runs or batches begin: an index opened over a store replays the
** window from the stored pages and reads the frequency sketch
** (rcp__relidx_save), so it holds what it held when the last run stopped
** (docs/relate.md, "State across runs").
*/
#include "recoupe_int.h"

#include <math.h>   /* log */
#include <stdlib.h> /* qsort */
#include <string.h> /* memcpy, memset, strcmp */

#define LSH_B 14              /* bands in the index */
#define LSH_R 4               /* rows per band: one byte each */
#define SIG_N RCP_MINHASH_K   /* bytes of the stored signature */
#define ANCH_K 8              /* bottom-k anchors per page */
#define ANCH_MIN 3            /* shared sampled anchors to align */
#define MAX_CAND 256          /* candidates verified per page */
#define DF_W 65536            /* count-min sketch width (x2 rows) */

/* Thresholds (docs/relate.md gives their reasons). */
#define T_NEAR 0.70           /* Jaccard: near_duplicate */
#define T_NEAR_LATE 0.50      /* Jaccard: near_duplicate republished later */
#define T_CONTAIN 0.80        /* containment of the smaller: contains */
#define T_UPDATE_J 0.20       /* Jaccard for an update (with the time check) */
#define T_UPDATE_C 0.50       /* containment for an update */
#define UPDATE_MIN (36 * 60)  /* an update follows its dispatch within 36 hours */
#define T_REWRITE 0.34        /* mean aligned coverage of the two texts */
#define T_SENT 0.40           /* coverage of a sentence by a sentence pair */
#define REWRITE_MIN (24 * 60) /* a rewrite follows its original within a day */
#define EDITION_MIN (12 * 60) /* past this, a page may be another edition of a bulletin */
#define MIN_NUMBERS 4         /* ... judged on its numbers when it has this many */
#define T_NUMBERS 0.5         /* share of its numbers kept for a copy or an update */
#define T_TITLE_FACTS 0.5     /* share of the earlier version's names and numbers in a same-headline version */
#define T_FACTS 0.75          /* share of the derived text's names and numbers in the original */

typedef struct live {          /* a page of the rewrite window */
  uint32_t idx;
  int32_t tmin;
  uint32_t anch[ANCH_K];
  uint32_t title;              /* title key (title_key), 0 if none */
  uint8_t nanch;
} live;

/* Postings of the window: (key << 32 | idx) in an open-addressing table
** (0 empty), several entries per key.  Entries of pages that left the
** window stay until the next rebuild (window_index_rebuild). */
typedef struct pmap { uint64_t *v; size_t cap, used; } pmap;

struct rcp_relidx {
  rcp_ctx *ctx;
  uint64_t seed;
  /* per page, by index (input order) */
  size_t n, cap;
  uint32_t *rowid;             /* store row ids (< 2^32) or input positions */
  uint8_t *sig;                /* SIG_N bytes per page */
  uint32_t *nsh;
  int32_t *tmin;               /* publication minute, or INT32_MIN */
  uint64_t *exact;             /* exact[0] of the page */
  uint32_t *xmap; size_t xcap, xused;   /* exact hash -> idx+1 */
  uint32_t *lsh; size_t lcap, lused;    /* (band, bytes) -> idx+1 */
  /* rewrite window */
  live *win; size_t wn, wcap, whead;    /* ring [whead, wn) */
  pmap amap, tmap;             /* window postings: anchor -> idx, title key -> idx */
  int32_t newest;
  uint16_t *df;                /* 2 x DF_W counters */
  uint32_t ndocs;
  int df_dirty;                /* changed since rcp__relidx_save */
  /* documents for alignment: dedup gives them, the store loads them */
  const rcp_doc *(*fetch)(void *ud, size_t idx, rcp_doc **owned);
  void *fetch_ud;
};

static inline uint64_t mix(uint64_t k) {
  k ^= k >> 33; k *= UINT64_C(0xff51afd7ed558ccd);
  k ^= k >> 33; k *= UINT64_C(0xc4ceb9fe1a85ec53);
  k ^= k >> 33;
  return k;
}

/* ================================================================== */
/* Hash tables of page numbers                                        */
/* ================================================================== */

/* Makes room for used+1 entries at load <= 0.75: returns 0 when the table
** is unchanged, 1 when it was replaced by an empty larger one (the caller
** re-inserts), -1 on ENOMEM (the table is unchanged). */
static int tab_grow(uint32_t **t, size_t *cap, size_t used) {
  if (*cap && (used + 1) * 4 <= *cap * 3) return 0;
  size_t nc = *cap ? *cap + *cap / 4 : 1024;
  while ((used + 1) * 4 > nc * 3) nc += nc / 4;
  uint32_t *nt = rcp__calloc(nc, sizeof *nt);
  if (!nt) return -1;
  rcp__free(*t);   /* callers rebuild from the page arrays */
  *t = nt;
  *cap = nc;
  return 1;
}

static inline uint32_t band_bytes(const uint8_t *sig, int b) {
  const uint8_t *p = sig + b * LSH_R;
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline size_t band_slot(int b, uint32_t key, size_t cap) {
  return (size_t)(mix(((uint64_t)b << 32) | key) % cap);
}

static void lsh_put(rcp_relidx *ix, uint32_t idx) {
  const uint8_t *sig = ix->sig + (size_t)idx * SIG_N;
  for (int b = 0; b < LSH_B; b++) {
    size_t s = band_slot(b, band_bytes(sig, b), ix->lcap);
    while (ix->lsh[s]) s = s + 1 == ix->lcap ? 0 : s + 1;
    ix->lsh[s] = idx + 1;
    ix->lused++;
  }
}

static void xmap_put(rcp_relidx *ix, uint32_t idx) {
  size_t s = (size_t)(mix(ix->exact[idx]) % ix->xcap);
  while (ix->xmap[s]) s = s + 1 == ix->xcap ? 0 : s + 1;
  ix->xmap[s] = idx + 1;
  ix->xused++;
}

/* Is idx the first page with its exact hash (so it is in the LSH)? */
static uint32_t xmap_find(const rcp_relidx *ix, uint64_t h) {
  if (!ix->xcap) return 0;
  size_t s = (size_t)(mix(h) % ix->xcap);
  while (ix->xmap[s]) {
    if (ix->exact[ix->xmap[s] - 1] == h) return ix->xmap[s];
    s = s + 1 == ix->xcap ? 0 : s + 1;
  }
  return 0;
}

static int reserve(rcp_relidx *ix) {
  if (ix->n < ix->cap) return RCP_OK;
  size_t nc = ix->cap ? ix->cap + ix->cap / 4 : 1024;
  uint32_t *r = rcp__realloc(ix->rowid, nc * sizeof *r);
  if (!r) return RCP_ENOMEM;
  ix->rowid = r;
  uint8_t *s = rcp__realloc(ix->sig, nc * SIG_N);
  if (!s) return RCP_ENOMEM;
  ix->sig = s;
  uint32_t *n = rcp__realloc(ix->nsh, nc * sizeof *n);
  if (!n) return RCP_ENOMEM;
  ix->nsh = n;
  int32_t *t = rcp__realloc(ix->tmin, nc * sizeof *t);
  if (!t) return RCP_ENOMEM;
  ix->tmin = t;
  uint64_t *e = rcp__realloc(ix->exact, nc * sizeof *e);
  if (!e) return RCP_ENOMEM;
  ix->exact = e;
  ix->cap = nc;
  return RCP_OK;
}

/* Adds page data (copied into the index) and indexes it. */
static int add_page(rcp_relidx *ix, int64_t rowid, const uint8_t sig[SIG_N], uint32_t nsh,
                    int32_t tmin, uint64_t exact, uint32_t *idx_out) {
  if (rowid <= 0 || rowid > (int64_t)UINT32_MAX || ix->n >= UINT32_MAX - 1) return RCP_ETOOBIG;
  RCP_TRY(reserve(ix));
  uint32_t idx = (uint32_t)ix->n;
  ix->rowid[idx] = (uint32_t)rowid;
  memcpy(ix->sig + (size_t)idx * SIG_N, sig, SIG_N);
  ix->nsh[idx] = nsh;
  ix->tmin[idx] = tmin;
  ix->exact[idx] = exact;
  ix->n++;
  *idx_out = idx;
  if (!xmap_find(ix, exact)) {
    int g = tab_grow(&ix->xmap, &ix->xcap, ix->xused);
    if (g < 0) return RCP_ENOMEM;
    if (g == 1) {   /* rebuilt: every first page of its hash */
      ix->xused = 0;
      for (uint32_t i = 0; i < idx; i++) if (!xmap_find(ix, ix->exact[i])) xmap_put(ix, i);
    }
    xmap_put(ix, idx);
    if (nsh > 0) {
      g = tab_grow(&ix->lsh, &ix->lcap, ix->lused + LSH_B);
      if (g < 0) return RCP_ENOMEM;
      if (g == 1) {
        ix->lused = 0;
        for (uint32_t i = 0; i < idx; i++)
          if (ix->nsh[i] > 0 && xmap_find(ix, ix->exact[i]) == i + 1) lsh_put(ix, i);
      }
      lsh_put(ix, idx);
    }
  }
  return RCP_OK;
}

/* ================================================================== */
/* Store-backed fetch                                                 */
/* ================================================================== */

static const rcp_doc *store_fetch(void *ud, size_t idx, rcp_doc **owned) {
  rcp_relidx *ix = ud;
  *owned = NULL;
  if (!ix->ctx->store) return NULL;
  rcp_doc *d = NULL;
  if (rcp__store_get_article(ix->ctx->store, ix->ctx, ix->rowid[idx], &d) != RCP_OK) return NULL;
  if (rcp__analyze(ix->ctx, d) != RCP_OK) { rcp_doc_free(d); return NULL; }
  *owned = d;
  return d;
}

static void window_expire(rcp_relidx *ix);
static int ring_push(rcp_relidx *ix, uint32_t idx, int32_t tmin);
static int window_index_rebuild(rcp_relidx *ix, size_t extra);
static uint8_t anchors_of(const rcp_doc *d, uint64_t seed, uint32_t out[ANCH_K]);
static uint32_t title_key(const rcp_doc *d);

/* Reloading the index replays, page by page in row (= input) order, what
** rcp__relate_doc did to the index and to the rewrite window: the same
** duplicate test, the same expiries at the same moments, the same window
** times.  So the window ring holds the same pages, from the same first
** one, as at the end of the run that stored them; their anchors and
** headline keys are read afterwards, for the window's pages only
** (window_reload). */
static int load_cb(void *ud, int64_t rowid, const uint8_t *sig, uint32_t nsh, int32_t tmin,
                   uint64_t exact) {
  rcp_relidx *ix = ud;
  uint32_t idx;
  uint32_t dup = nsh ? xmap_find(ix, exact) : 0;
  if (!dup && nsh) window_expire(ix);
  RCP_TRY(add_page(ix, rowid, sig, nsh, tmin, exact, &idx));
  if (dup) return RCP_OK;
  if (tmin != INT32_MIN && tmin > ix->newest) ix->newest = tmin;
  return ring_push(ix, idx, tmin == INT32_MIN ? ix->newest : tmin);
}

typedef struct wload { rcp_relidx *ix; size_t w; int rc; } wload;

/* Fills the anchors and headline key of the ring entry of rowid (rows of
** duplicates, which are not in the ring, are passed over).  A page stored
** before the window columns existed gets them from its stored text. */
static int window_cb(void *ud, int64_t rowid, int has, const uint32_t *anch, int na,
                     uint32_t title) {
  wload *wl = ud;
  rcp_relidx *ix = wl->ix;
  while (wl->w < ix->wn && ix->rowid[ix->win[wl->w].idx] < rowid) wl->w++;
  if (wl->w == ix->wn || ix->rowid[ix->win[wl->w].idx] != rowid) return RCP_OK;
  live *l = &ix->win[wl->w++];
  if (has) {
    l->nanch = (uint8_t)(na < ANCH_K ? na : ANCH_K);
    memcpy(l->anch, anch, l->nanch * sizeof *anch);
    l->title = title;
  } else if (ix->fetch) {
    rcp_doc *owned = NULL;
    const rcp_doc *d = ix->fetch(ix->fetch_ud, l->idx, &owned);
    if (d) {
      l->nanch = anchors_of(d, ix->seed, l->anch);
      l->title = title_key(d);
    }
    rcp_doc_free(owned);
  }
  return RCP_OK;
}

/* The window's anchors and headline keys, and its posting tables. */
static int window_reload(rcp_relidx *ix) {
  if (ix->whead == ix->wn) return RCP_OK;
  wload wl = { ix, ix->whead, RCP_OK };
  RCP_TRY(rcp__store_relate_window(ix->ctx->store, ix->rowid[ix->win[ix->whead].idx], window_cb, &wl));
  return window_index_rebuild(ix, 1024);
}

/* The document-frequency sketch: "df" = ndocs (4 bytes) then the 2 x DF_W
** counters, little-endian.  Absent in a store written before it was kept:
** the sketch then starts empty, as it did. */
static int df_load(rcp_relidx *ix) {
  uint8_t *b = NULL;
  size_t n = 0;
  RCP_TRY(rcp__store_relate_state_get(ix->ctx->store, "df", &b, &n));
  if (b && n == 4 + 4 * (size_t)DF_W) {
    ix->ndocs = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    for (size_t i = 0; i < 2 * (size_t)DF_W; i++)
      ix->df[i] = (uint16_t)(b[4 + 2 * i] | b[5 + 2 * i] << 8);
  }
  rcp__free(b);
  return RCP_OK;
}

int rcp__relidx_save(rcp_relidx *ix) {
  if (!ix || !ix->ctx || !ix->ctx->store || !ix->df_dirty) return RCP_OK;
  size_t n = 4 + 4 * (size_t)DF_W;
  uint8_t *b = rcp__malloc(n);
  if (!b) return RCP_ENOMEM;
  for (int k = 0; k < 4; k++) b[k] = (uint8_t)(ix->ndocs >> (8 * k));
  for (size_t i = 0; i < 2 * (size_t)DF_W; i++) {
    b[4 + 2 * i] = (uint8_t)ix->df[i];
    b[5 + 2 * i] = (uint8_t)(ix->df[i] >> 8);
  }
  int rc = rcp__store_relate_state_put(ix->ctx->store, "df", b, n);
  rcp__free(b);
  if (rc == RCP_OK) ix->df_dirty = 0;
  return rc;
}

int rcp__relidx_new(rcp_ctx *ctx, rcp_relidx **out) {
  *out = NULL;
  rcp_relidx *ix = rcp__calloc(1, sizeof *ix);
  if (!ix) return RCP_ENOMEM;
  ix->ctx = ctx;
  ix->seed = ctx && ctx->opts.seed ? ctx->opts.seed : RCP_DEFAULT_SEED;
  ix->newest = INT32_MIN;
  ix->df = rcp__calloc(2 * DF_W, sizeof *ix->df);
  int rc = ix->df ? RCP_OK : RCP_ENOMEM;
  if (rc == RCP_OK && ctx && ctx->store) {
    ix->fetch = store_fetch;
    ix->fetch_ud = ix;
    rc = rcp__store_relate_load(ctx->store, load_cb, ix);
    if (rc == RCP_OK) rc = window_reload(ix);
    if (rc == RCP_OK) rc = df_load(ix);
  }
  if (rc != RCP_OK) { rcp__relidx_free(ix); return rc; }
  *out = ix;
  return RCP_OK;
}

void rcp__relidx_set_fetch(rcp_relidx *ix, const rcp_doc *(*fetch)(void *, size_t, rcp_doc **),
                           void *ud) {
  ix->fetch = fetch;
  ix->fetch_ud = ud;
}

void rcp__relidx_free(rcp_relidx *ix) {
  if (!ix) return;
  rcp__free(ix->rowid); rcp__free(ix->sig); rcp__free(ix->nsh);
  rcp__free(ix->tmin); rcp__free(ix->exact);
  rcp__free(ix->xmap); rcp__free(ix->lsh);
  rcp__free(ix->win); rcp__free(ix->df);
  rcp__free(ix->amap.v); rcp__free(ix->tmap.v);
  rcp__free(ix);
}

size_t rcp__relidx_bytes(const rcp_relidx *ix, size_t *npages, size_t *window_bytes) {
  size_t per = sizeof(uint32_t) + SIG_N + 4 + 4 + 8;
  if (npages) *npages = ix->n;
  if (window_bytes)
    *window_bytes = ix->wcap * sizeof(live) + 2 * DF_W * sizeof(uint16_t) +
                    (ix->amap.cap + ix->tmap.cap) * sizeof(uint64_t);
  return ix->cap * per + (ix->xcap + ix->lcap) * sizeof(uint32_t);
}

/* ================================================================== */
/* Relating                                                           */
/* ================================================================== */

static int32_t minute_of(int64_t t) {
  if (t == INT64_MIN) return INT32_MIN;
  int64_t m = t / 60;
  if (m <= INT32_MIN) return INT32_MIN + 1;
  if (m > INT32_MAX) return INT32_MAX;
  return (int32_t)m;
}

static void sig_of(const rcp_fingerprint *fp, uint8_t sig[SIG_N]) {
  for (int i = 0; i < SIG_N; i++) sig[i] = (uint8_t)fp->minhash[i];
}

/* Jaccard estimate from 8-bit slots, corrected for chance collisions. */
static double jaccard8(const uint8_t *a, const uint8_t *b) {
  int same = 0;
  for (int i = 0; i < SIG_N; i++) same += a[i] == b[i];
  double m = (double)same / SIG_N;
  double j = (m - 1.0 / 256) / (1.0 - 1.0 / 256);
  return j < 0 ? 0 : j > 1 ? 1 : j;
}

/* Key of the headline: its letters and digits, ASCII lower-cased (other
** bytes kept), hashed; 0 for no title or a short one (under 20 such
** bytes or 4 words: "Accueil", "Direct", a section name). */
static uint32_t title_key(const rcp_doc *d) {
  if (!d->title) return 0;
  char b[256];
  size_t k = 0, words = 0;
  int inword = 0;
  for (const unsigned char *p = (const unsigned char *)d->title; *p && k < sizeof b; p++) {
    unsigned c = *p;
    int alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (alnum) { b[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c); words += !inword; }
    inword = alnum;
  }
  if (k < 20 || words < 4) return 0;
  uint32_t h = (uint32_t)rcp__hash64(b, k, 0x7469746c65ULL);
  return h ? h : 1;
}

/* Anchors: numbers and capitalised words that do not start a sentence. */
static uint8_t anchors_of(const rcp_doc *d, uint64_t seed, uint32_t out[ANCH_K]) {
  uint8_t n = 0;
  for (size_t i = 0; i < d->ntoks; i++) {
    const rcp_token *t = &d->toks[i];
    int num = (t->flags & RCP_TOK_NUM) && t->len >= 2;
    int name = (t->flags & RCP_TOK_CAP) && !(t->flags & (RCP_TOK_SENT0 | RCP_TOK_STOP)) && t->len >= 3;
    if (!num && !name) continue;
    uint32_t h = (uint32_t)mix(t->hash ^ seed);
    if (h == 0) h = 1;
    /* insert into the sorted bottom-k, without duplicates */
    int k = n;
    int dup = 0;
    for (int j = 0; j < n; j++) if (out[j] == h) { dup = 1; break; }
    if (dup) continue;
    if (n == ANCH_K && h >= out[ANCH_K - 1]) continue;
    if (n < ANCH_K) n++;
    k = n - 1;
    while (k > 0 && out[k - 1] > h) { out[k] = out[k - 1]; k--; }
    out[k] = h;
  }
  return n;
}

/* ---- document frequencies of stems (count-min sketch, 2 rows) ---- */
static void df_add(rcp_relidx *ix, const rcp_doc *d) {
  /* each distinct stem once: use a small local set of hashes */
  uint64_t seen[1024];
  memset(seen, 0, sizeof seen);
  for (size_t i = 0; i < d->ntoks; i++) {
    const rcp_token *t = &d->toks[i];
    if (t->flags & RCP_TOK_STOP) continue;
    uint64_t h = t->shash | 1;
    size_t s = (size_t)(h & 1023);
    int found = 0;
    for (int p = 0; p < 1024 && seen[s]; p++) {
      if (seen[s] == h) { found = 1; break; }
      s = (s + 1) & 1023;
    }
    if (found) continue;
    if (!seen[s]) seen[s] = h;
    size_t a = (size_t)(h >> 16) % DF_W, b = (size_t)(h >> 40) % DF_W;
    if (ix->df[a] < UINT16_MAX) ix->df[a]++;
    if (ix->df[DF_W + b] < UINT16_MAX) ix->df[DF_W + b]++;
  }
  ix->ndocs++;
  ix->df_dirty = 1;
}

static double idf(const rcp_relidx *ix, uint64_t shash) {
  uint64_t h = shash | 1;
  unsigned a = ix->df[(size_t)(h >> 16) % DF_W], b = ix->df[DF_W + (size_t)(h >> 40) % DF_W];
  unsigned df = a < b ? a : b;
  return log((ix->ndocs + 10.0) / (df + 1.0));
}

/* ---- sentence alignment --------------------------------------- */

typedef struct sset { uint64_t *h; double *w; size_t n; double tot; } sset;

static int sent_sets(const rcp_relidx *ix, const rcp_doc *d, sset **out, size_t *nout,
                     uint64_t **hb, double **wb) {
  size_t nc = 0;
  for (size_t i = 0; i < d->ntoks; i++) if (!(d->toks[i].flags & RCP_TOK_STOP)) nc++;
  sset *ss = rcp__calloc(d->nsents ? d->nsents : 1, sizeof *ss);
  uint64_t *h = rcp__malloc((nc ? nc : 1) * sizeof *h);
  double *w = rcp__malloc((nc ? nc : 1) * sizeof *w);
  if (!ss || !h || !w) { rcp__free(ss); rcp__free(h); rcp__free(w); return RCP_ENOMEM; }
  size_t k = 0;
  for (size_t s = 0; s < d->nsents; s++) {
    const rcp_sentence *z = &d->sents[s];
    ss[s].h = h + k;
    ss[s].w = w + k;
    for (uint32_t t = z->tok0; t < z->tok0 + z->ntok && t < d->ntoks; t++) {
      const rcp_token *tk = &d->toks[t];
      if (tk->flags & RCP_TOK_STOP) continue;
      int dup = 0;
      for (size_t q = 0; q < ss[s].n; q++) if (ss[s].h[q] == tk->shash) { dup = 1; break; }
      if (dup) continue;
      double wt = idf(ix, tk->shash);
      if (tk->flags & (RCP_TOK_NUM)) wt *= 1.5;
      else if ((tk->flags & RCP_TOK_CAP) && !(tk->flags & RCP_TOK_SENT0)) wt *= 1.3;
      ss[s].h[ss[s].n] = tk->shash;
      ss[s].w[ss[s].n] = wt;
      ss[s].n++;
      ss[s].tot += wt;
      k++;
    }
  }
  *out = ss; *nout = d->nsents; *hb = h; *wb = w;
  return RCP_OK;
}

/* Share of the content weight of the shorter text in sentences that align
** with a sentence of the other text. */
static double align_score(const rcp_relidx *ix, const rcp_doc *a, const rcp_doc *b) {
  sset *sa = NULL, *sb = NULL;
  size_t na = 0, nb = 0;
  uint64_t *ha = NULL, *hb = NULL;
  double *wa = NULL, *wb = NULL;
  double score = 0;
  if (sent_sets(ix, a, &sa, &na, &ha, &wa) != RCP_OK) return 0;
  if (sent_sets(ix, b, &sb, &nb, &hb, &wb) != RCP_OK) goto out;
  double tota = 0, totb = 0;
  for (size_t i = 0; i < na; i++) tota += sa[i].tot;
  for (size_t i = 0; i < nb; i++) totb += sb[i].tot;
  if (tota <= 0 || totb <= 0) goto out;
  /* how much of the derived text a is found, sentence by sentence, in b */
  const sset *x = sa, *y = sb;
  size_t nx = na, ny = nb;
  double totx = tota;
  double got = 0;
  double tsent = T_SENT;
  /* stem -> mask of the sentences of y holding it (sentences past 62 share
  ** bit 63), so x[i] against every pair (y[j], y[j+1]) costs one lookup
  ** per word */
  size_t ycount = 0;
  for (size_t j = 0; j < ny; j++) ycount += y[j].n;
  size_t cap = 64;
  while (cap < 2 * ycount) cap *= 2;
  uint64_t *keys = rcp__calloc(cap, sizeof *keys), *masks = rcp__calloc(cap, sizeof *masks);
  if (!keys || !masks) { rcp__free(keys); rcp__free(masks); goto out; }
  for (size_t j = 0; j < ny; j++)
    for (size_t q = 0; q < y[j].n; q++) {
      uint64_t h = y[j].h[q] | 1;
      size_t s = (size_t)(h ^ (h >> 31)) & (cap - 1);
      while (keys[s] && keys[s] != h) s = (s + 1) & (cap - 1);
      keys[s] = h;
      masks[s] |= UINT64_C(1) << (j < 63 ? j : 63);
    }
  double acc[64];
  for (size_t i = 0; i < nx; i++) {
    if (x[i].n < 3) continue;
    memset(acc, 0, sizeof acc);
    for (size_t p = 0; p < x[i].n; p++) {
      uint64_t h = x[i].h[p] | 1;
      size_t s = (size_t)(h ^ (h >> 31)) & (cap - 1);
      while (keys[s] && keys[s] != h) s = (s + 1) & (cap - 1);
      if (!keys[s]) continue;
      /* pair j covers sentences j and j+1 */
      uint64_t pm = masks[s] | (masks[s] >> 1);
      while (pm) {
        int j = __builtin_ctzll(pm);
        acc[j] += x[i].w[p];
        pm &= pm - 1;
      }
    }
    double best = 0;
    for (int j = 0; j < 64; j++) if (acc[j] > best) best = acc[j];
    best /= x[i].tot;
    if (best >= tsent) got += x[i].tot * best;
  }
  rcp__free(keys);
  rcp__free(masks);
  score = got / totx;
out:
  rcp__free(sa); rcp__free(sb); rcp__free(ha); rcp__free(hb); rcp__free(wa); rcp__free(wb);
  return score;
}

/* Share of the facts of the text with fewer of them (numbers, names) found
** in the other text: rewrites keep the facts, follow-ups change them. */
static double fact_overlap(const rcp_doc *a, const rcp_doc *b) {   /* share of a's facts in b */
  uint64_t fa[512], fb[512];
  size_t na = 0, nb = 0;
  for (int side = 0; side < 2; side++) {
    const rcp_doc *d = side ? b : a;
    uint64_t *f = side ? fb : fa;
    size_t *n = side ? &nb : &na;
    for (size_t i = 0; i < d->ntoks && *n < 512; i++) {
      const rcp_token *t = &d->toks[i];
      int num = (t->flags & RCP_TOK_NUM) && t->len >= 2;
      int name = (t->flags & RCP_TOK_CAP) && !(t->flags & (RCP_TOK_SENT0 | RCP_TOK_STOP)) && t->len >= 3;
      if (!num && !name) continue;
      size_t k = 0;
      while (k < *n && f[k] != t->hash) k++;
      if (k == *n) f[(*n)++] = t->hash;
    }
  }
  if (!na || !nb) return 0;
  size_t hit = 0;
  const uint64_t *x = fa, *y = fb;
  size_t nx = na, ny = nb;
  for (size_t i = 0; i < nx; i++)
    for (size_t j = 0; j < ny; j++) if (x[i] == y[j]) { hit++; break; }
  return (double)hit / (double)nx;
}

/* Share of the distinct numbers of a (two characters or more) found in b;
** *na gets their count. */
static double number_overlap(const rcp_doc *a, const rcp_doc *b, size_t *na_out) {
  uint64_t fa[256], fb[1024];
  size_t na = 0, nb = 0;
  for (size_t i = 0; i < a->ntoks && na < 256; i++) {
    const rcp_token *t = &a->toks[i];
    if (!(t->flags & RCP_TOK_NUM) || t->len < 2) continue;
    size_t k = 0;
    while (k < na && fa[k] != t->hash) k++;
    if (k == na) fa[na++] = t->hash;
  }
  for (size_t i = 0; i < b->ntoks && nb < 1024; i++)
    if ((b->toks[i].flags & RCP_TOK_NUM) && b->toks[i].len >= 2) fb[nb++] = b->toks[i].hash;
  *na_out = na;
  if (!na) return 1;
  size_t hit = 0;
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb; j++) if (fa[i] == fb[j]) { hit++; break; }
  return (double)hit / (double)na;
}

/* Does `later` add news to `earlier`?  A sentence of `later` that is not
** in `earlier` (same words in the same order) and reads as prose (8 words
** or more, ending with . ! ? » " or …) is added text; it is news when it
** holds a number (two characters or more) that `earlier` does not have:
** "6 000 foyers restaient privés de courant", "15 000" for "12 000".
** Menus, bylines, share bars and changed headlines are not prose; a
** corrected typo adds no number.  Returns 1 when news was added. */
static int adds_news(const rcp_doc *later, const rcp_doc *earlier) {
  enum { NS = 1024, NN = 1024 };
  uint64_t sh[NS], nums[NN];
  size_t ns = 0, nn = 0;
  for (size_t i = 0; i < earlier->nsents && ns < NS; i++) {
    const rcp_sentence *z = &earlier->sents[i];
    uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (uint32_t k = z->tok0; k < z->tok0 + z->ntok; k++) h = mix(h ^ earlier->toks[k].hash);
    sh[ns++] = h;
  }
  for (size_t i = 0; i < earlier->ntoks && nn < NN; i++)
    if ((earlier->toks[i].flags & RCP_TOK_NUM) && earlier->toks[i].len >= 2) nums[nn++] = earlier->toks[i].hash;
  for (size_t i = 0; i < later->nsents; i++) {
    const rcp_sentence *z = &later->sents[i];
    if (z->ntok < 8 || z->len < 2) continue;
    const unsigned char *e = (const unsigned char *)later->text + z->off + z->len;
    int prose = e[-1] == '.' || e[-1] == '!' || e[-1] == '?' || e[-1] == '"' ||
                (z->len >= 2 && e[-2] == 0xC2 && e[-1] == 0xBB) ||                 /* » */
                (z->len >= 3 && e[-3] == 0xE2 && e[-2] == 0x80 && e[-1] == 0xA6);  /* … */
    if (!prose) continue;
    uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (uint32_t k = z->tok0; k < z->tok0 + z->ntok; k++) h = mix(h ^ later->toks[k].hash);
    size_t q = 0;
    while (q < ns && sh[q] != h) q++;
    if (q < ns) continue;                       /* a sentence of the earlier page */
    for (uint32_t k = z->tok0; k < z->tok0 + z->ntok; k++) {
      const rcp_token *t = &later->toks[k];
      if (!(t->flags & RCP_TOK_NUM) || t->len < 2) continue;
      size_t m = 0;
      while (m < nn && nums[m] != t->hash) m++;
      if (m == nn) return 1;
    }
  }
  return 0;
}

/* ---- the window ------------------------------------------------- */

static size_t pmap_slot(uint32_t key, size_t cap) {
  return (size_t)(mix(key) & (cap - 1));
}

static void pmap_put(pmap *m, uint32_t key, uint32_t idx) {   /* room checked by the caller */
  size_t s = pmap_slot(key, m->cap);
  while (m->v[s]) s = (s + 1) & (m->cap - 1);
  m->v[s] = (uint64_t)key << 32 | idx;
  m->used++;
}

/* Rebuilds both posting tables from the live window, sized for `extra`
** more pages: at most half full. */
static int window_index_rebuild(rcp_relidx *ix, size_t extra) {
  size_t live_n = ix->wn - ix->whead + extra;
  size_t acap = 1024, tcap = 256;
  while (acap < 4 * ANCH_K * live_n) acap *= 2;
  while (tcap < 4 * live_n) tcap *= 2;
  uint64_t *a = rcp__calloc(acap, sizeof *a), *t = rcp__calloc(tcap, sizeof *t);
  if (!a || !t) { rcp__free(a); rcp__free(t); return RCP_ENOMEM; }
  rcp__free(ix->amap.v); rcp__free(ix->tmap.v);
  ix->amap = (pmap){ a, acap, 0 };
  ix->tmap = (pmap){ t, tcap, 0 };
  for (size_t w = ix->whead; w < ix->wn; w++) {
    const live *l = &ix->win[w];
    for (int k = 0; k < l->nanch; k++) pmap_put(&ix->amap, l->anch[k], l->idx);
    if (l->title) pmap_put(&ix->tmap, l->title, l->idx);
  }
  return RCP_OK;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* Appends v to the growable array *a (cap *cap, length *n). */
static int push_u64(uint64_t **a, size_t *cap, size_t *n, uint64_t v) {
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 256;
    uint64_t *q = rcp__realloc(*a, nc * sizeof *q);
    if (!q) return RCP_ENOMEM;
    *a = q;
    *cap = nc;
  }
  (*a)[(*n)++] = v;
  return RCP_OK;
}

/* The live window pages (idx >= lo) sharing at least ANCH_MIN of the na
** sampled anchors (via 2) or the headline key tkey (via 4): *hits gets
** (idx << 8 | via), ascending, each page once.  The same pages, in the
** same order, as comparing the new page with every page of the window. */
static int window_hits(const rcp_relidx *ix, const uint32_t *anch, uint8_t na, uint32_t tkey,
                       uint32_t lo, uint64_t **hits, size_t *hcap, size_t *nh) {
  *nh = 0;
  int rc = RCP_OK;
  if (na >= ANCH_MIN)
    for (int k = 0; k < na && rc == RCP_OK; k++)
      for (size_t s = pmap_slot(anch[k], ix->amap.cap); ix->amap.v[s] && rc == RCP_OK;
           s = (s + 1) & (ix->amap.cap - 1))
        if ((uint32_t)(ix->amap.v[s] >> 32) == anch[k] && (uint32_t)ix->amap.v[s] >= lo)
          rc = push_u64(hits, hcap, nh, (uint64_t)(uint32_t)ix->amap.v[s] << 8 | 2);
  if (tkey)
    for (size_t s = pmap_slot(tkey, ix->tmap.cap); ix->tmap.v[s] && rc == RCP_OK;
         s = (s + 1) & (ix->tmap.cap - 1))
      if ((uint32_t)(ix->tmap.v[s] >> 32) == tkey && (uint32_t)ix->tmap.v[s] >= lo)
        rc = push_u64(hits, hcap, nh, (uint64_t)(uint32_t)ix->tmap.v[s] << 8 | 4);
  if (rc != RCP_OK || !*nh) return rc;
  uint64_t *h = *hits;
  qsort(h, *nh, sizeof *h, cmp_u64);
  /* runs of one idx: count its anchor hits, or its title hit */
  size_t out = 0;
  for (size_t i = 0; i < *nh;) {
    uint64_t idx = h[i] >> 8;
    size_t j = i, anchors = 0;
    uint8_t via = 0;
    while (j < *nh && h[j] >> 8 == idx) {
      if ((h[j] & 0xFF) == 2) anchors++; else via |= 4;
      j++;
    }
    if (anchors >= ANCH_MIN) via |= 2;
    if (via) h[out++] = idx << 8 | via;
    i = j;
  }
  *nh = out;
  return RCP_OK;
}

static void window_expire(rcp_relidx *ix) {
  if (ix->newest == INT32_MIN) return;
  int64_t lim = (int64_t)ix->newest - REWRITE_MIN;   /* rewrites follow within a day */
  while (ix->whead < ix->wn && ix->win[ix->whead].tmin < lim) ix->whead++;
  if (ix->whead > 1024 && ix->whead * 2 > ix->wn) {   /* compact the ring */
    memmove(ix->win, ix->win + ix->whead, (ix->wn - ix->whead) * sizeof *ix->win);
    ix->wn -= ix->whead;
    ix->whead = 0;
  }
}

/* Appends a page to the window ring, without anchors or postings. */
static int ring_push(rcp_relidx *ix, uint32_t idx, int32_t tmin) {
  if (ix->wn == ix->wcap) {
    size_t nc = ix->wcap ? ix->wcap * 2 : 256;
    live *w = rcp__realloc(ix->win, nc * sizeof *w);
    if (!w) return RCP_ENOMEM;
    ix->win = w;
    ix->wcap = nc;
  }
  live *l = &ix->win[ix->wn++];
  memset(l, 0, sizeof *l);
  l->idx = idx;
  l->tmin = tmin;
  return RCP_OK;
}

static int window_add(rcp_relidx *ix, uint32_t idx, int32_t tmin, const uint32_t *anch, uint8_t na,
                      uint32_t title) {
  if (!ix->amap.v || 2 * (ix->amap.used + ANCH_K) > ix->amap.cap ||
      2 * (ix->tmap.used + 1) > ix->tmap.cap)
    RCP_TRY(window_index_rebuild(ix, 1024));
  RCP_TRY(ring_push(ix, idx, tmin));
  live *l = &ix->win[ix->wn - 1];
  memcpy(l->anch, anch, na * sizeof *anch);
  l->nanch = na;
  l->title = title;
  for (int k = 0; k < na; k++) pmap_put(&ix->amap, anch[k], idx);
  if (title) pmap_put(&ix->tmap, title, idx);
  return RCP_OK;
}

/* ---- classification --------------------------------------------- */

typedef struct cand { uint32_t idx; uint8_t via; } cand;   /* via: 1 lsh, 2 anchors, 4 title */

static int add_rel(rcp_rel **r, size_t *n, size_t *cap, int64_t other, const char *kind,
                   double score, int dir) {
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 8;
    rcp_rel *q = rcp__realloc(*r, nc * sizeof *q);
    if (!q) return RCP_ENOMEM;
    *r = q;
    *cap = nc;
  }
  rcp_rel *x = &(*r)[(*n)++];
  x->other = other;
  x->kind = kind;
  x->score = score;
  x->direction = dir;
  return RCP_OK;
}

static int cmp_rel(const void *a, const void *b) {
  const rcp_rel *x = a, *y = b;
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  return x->other < y->other ? -1 : x->other > y->other;
}

/* direction: +1 when the new page derives from the other. */
static int direction(int32_t tnew, int32_t told) {
  if (tnew != INT32_MIN && told != INT32_MIN && tnew < told) return -1;
  return +1;
}

int rcp__relate_doc(rcp_relidx *ix, const rcp_doc *d, rcp_rel **rels, size_t *nrels) {
  *rels = NULL;
  *nrels = 0;
  rcp_rel *out = NULL;
  size_t nout = 0, cout = 0;
  int rc = RCP_OK;
  uint8_t sig[SIG_N];
  sig_of(&d->fp, sig);
  int32_t tmin = minute_of(d->pub_time);
  uint64_t exact = d->fp.exact[0];
  uint32_t nsh = d->fp.nshingles;
  int64_t rowid = d->rowid ? d->rowid : (int64_t)ix->n + 1;
  cand cands[MAX_CAND];
  size_t nc = 0;
  uint64_t *hits = NULL;
  size_t hcap = 0, nh = 0;
  uint32_t anch[ANCH_K];
  uint8_t na = anchors_of(d, ix->seed, anch);
  uint32_t tkey = title_key(d);

  uint32_t dup = nsh ? xmap_find(ix, exact) : 0;
  if (dup) {
    uint32_t o = dup - 1;
    rc = add_rel(&out, &nout, &cout, ix->rowid[o], "duplicate", 1.0, direction(tmin, ix->tmin[o]));
  } else if (nsh) {
    /* LSH candidates */
    for (int b = 0; b < LSH_B && ix->lcap; b++) {
      uint32_t key = band_bytes(sig, b);
      size_t s = band_slot(b, key, ix->lcap);
      while (ix->lsh[s]) {
        uint32_t o = ix->lsh[s] - 1;
        if (band_bytes(ix->sig + (size_t)o * SIG_N, b) == key) {
          size_t q = 0;
          while (q < nc && cands[q].idx != o) q++;
          if (q == nc && nc < MAX_CAND) { cands[nc].idx = o; cands[nc].via = 1; nc++; }
        }
        s = s + 1 == ix->lcap ? 0 : s + 1;
      }
    }
    /* anchor candidates from the window */
    window_expire(ix);
    if ((na >= ANCH_MIN || tkey) && ix->whead < ix->wn && ix->amap.v) {
      /* window pages sharing ANCH_MIN sampled anchors or the headline,
      ** through the posting tables, in window (idx) order: entries are
      ** (idx << 8 | via) */
      uint32_t lo = ix->win[ix->whead].idx;
      rc = window_hits(ix, anch, na, tkey, lo, &hits, &hcap, &nh);
      for (size_t h = 0; h < nh && rc == RCP_OK; h++) {
        uint32_t hidx = (uint32_t)(hits[h] >> 8);
        uint8_t via = (uint8_t)(hits[h] & 0xFF);
        size_t q = 0;
        while (q < nc && cands[q].idx != hidx) q++;
        if (q == nc && nc < MAX_CAND) { cands[nc].idx = hidx; cands[nc].via = via; nc++; }
        else if (q < nc) cands[q].via |= via;
      }
    }
    for (size_t c = 0; c < nc && rc == RCP_OK; c++) {
      uint32_t o = cands[c].idx;
      double j = jaccard8(sig, ix->sig + (size_t)o * SIG_N);
      double sa = nsh, sb = ix->nsh[o];
      double inter = j * (sa + sb) / (1 + j);
      double small = sa < sb ? sa : sb, big = sa < sb ? sb : sa;
      double cont = small > 0 ? inter / small : 0;
      if (cont > 1) cont = 1;
      int dir = direction(tmin, ix->tmin[o]);
      int64_t dt = (tmin == INT32_MIN || ix->tmin[o] == INT32_MIN) ? 0
                   : (int64_t)tmin - ix->tmin[o];
      if (dt < 0) dt = -dt;
      const char *kind = NULL;
      double score = 0;
      if (j >= T_NEAR) { kind = "near_duplicate"; score = j; }
      else if (cont >= T_CONTAIN && small <= 0.85 * big) { kind = "contains"; score = cont; }
      else if ((j >= T_UPDATE_J || cont >= T_UPDATE_C) && dt <= UPDATE_MIN) {
        kind = "update"; score = j > cont ? j : cont;
      } else if (j >= T_NEAR_LATE) { kind = "near_duplicate"; score = j; }
      else if ((cands[c].via & 2) && j < T_UPDATE_J && ix->fetch &&
               dt <= REWRITE_MIN) {
        rcp_doc *owned = NULL;
        const rcp_doc *od = ix->fetch(ix->fetch_ud, o, &owned);
        if (od) {
          /* the derived page is the later one */
          const rcp_doc *later = dir > 0 ? d : od, *earlier = dir > 0 ? od : d;
          double fo = fact_overlap(later, earlier);
          double sc = 0;
          if (fo >= T_FACTS)
            sc = (align_score(ix, later, earlier) + align_score(ix, earlier, later)) / 2;
          if (sc >= T_REWRITE &&
              fo >= T_FACTS) { kind = "rewrite"; score = sc; }
        }
        rcp_doc_free(owned);
      }
      if ((!kind || strcmp(kind, "rewrite") == 0) && (cands[c].via & 4) && dt <= EDITION_MIN && ix->fetch) {
        /* the same headline within hours: a later version of the dispatch,
        ** rewritten and extended, when it keeps the facts of the first
        ** (a rewrite by another hand changes the headline too) */
        rcp_doc *owned = NULL;
        const rcp_doc *od = ix->fetch(ix->fetch_ud, o, &owned);
        if (od && fact_overlap(dir > 0 ? od : d, dir > 0 ? d : od) >= T_TITLE_FACTS) {
          kind = "update";
          score = j > cont ? j : cont;
        }
        rcp_doc_free(owned);
      }
      if (kind && strcmp(kind, "near_duplicate") == 0 && dt <= UPDATE_MIN && ix->fetch) {
        /* a near copy published later with added news (a paragraph with
        ** new figures, or figures changed) is a later version: update */
        rcp_doc *owned = NULL;
        const rcp_doc *od = ix->fetch(ix->fetch_ud, o, &owned);
        if (od && adds_news(dir > 0 ? d : od, dir > 0 ? od : d)) kind = "update";
        rcp_doc_free(owned);
      }
      if (kind && strcmp(kind, "rewrite") != 0 && dt > EDITION_MIN && ix->fetch) {
        /* another day's edition of a recurring bulletin: same template,
        ** new figures.  Not a copy of the earlier page. */
        rcp_doc *owned = NULL;
        const rcp_doc *od = ix->fetch(ix->fetch_ud, o, &owned);
        if (od) {
          size_t nn = 0;
          double nov = number_overlap(dir > 0 ? d : od, dir > 0 ? od : d, &nn);
          if (nn >= MIN_NUMBERS && nov < T_NUMBERS) kind = NULL;
        }
        rcp_doc_free(owned);
      }
      if (kind) rc = add_rel(&out, &nout, &cout, ix->rowid[o], kind, score, dir);
    }
  }
  uint32_t idx = 0;
  if (rc == RCP_OK) rc = add_page(ix, rowid, sig, nsh, tmin, exact, &idx);
  if (rc == RCP_OK && !dup) {
    df_add(ix, d);
    if (tmin != INT32_MIN && tmin > ix->newest) ix->newest = tmin;
    rc = window_add(ix, idx, tmin == INT32_MIN ? ix->newest : tmin, anch, na, tkey);
  }
  if (rc == RCP_OK && nout > 1) qsort(out, nout, sizeof *out, cmp_rel);
  if (rc == RCP_OK && ix->ctx && ix->ctx->store && d->rowid) {
    rc = rcp__store_relate_put_page(ix->ctx->store, d->rowid, sig, nsh, tmin, exact, anch,
                                    dup ? -1 : na, tkey);
    for (size_t i = 0; i < nout && rc == RCP_OK; i++)
      rc = rcp__store_relate_put_rel(ix->ctx->store, d->rowid, &out[i]);
  }
  rcp__free(hits);
  if (rc != RCP_OK) { rcp__free(out); return rc; }
  *rels = out;
  *nrels = nout;
  return RCP_OK;
}
