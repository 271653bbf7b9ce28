/* templates.c -- site templates learned from the corpus: a block that
** recurs on many pages of one site is boilerplate, even when nothing on the
** page gives it away (a site's "about us" paragraph, a newsletter prompt in
** plain words, a footer line the extractor kept).
**
** Counting: for every page, its site key (the host of its canonical URL or
** URL, else its site name) and the set of its blocks' keys (64-bit hash of
** the block with case, digits and punctuation folded, seeded by the site)
** go into one open-addressing table: site key -> pages seen, block key ->
** pages of that site containing the block.  Counting is exact and does not
** depend on the order pages are observed in.
**
** Filtering: once a site has RCP_TPL_MIN_SITE pages, a block found on at
** least RCP_TPL_MIN_PAGES of them and on RCP_TPL_SHARE of them is removed
** from a page's blocks (d->text rebuilt).  Safeguards: never every block
** of a page, and when the recurring blocks are most of the page's text (a
** page updated several times, a reprint) only the short ones go.
**
** Invariants: observe mutates (serial, in input order); filter only reads
** (safe from many threads once observing is done).  Counts persist in the
** store (src/store_templates.c): `delta` is what was observed since the
** last save.  This file does not parse HTML nor decide anything within one
** page (the extractor does).
*/
#include "recoupe_int.h"

#include <stdlib.h> /* qsort */
#include <string.h> /* memset */

#define RCP_TPL_MIN_SITE 5     /* pages of a site before filtering it */
#define RCP_TPL_MIN_PAGES 4    /* a template block is on at least this many pages */
#define RCP_TPL_SHARE 0.3      /* ... and on this share of the site's pages */
#define RCP_TPL_MAX_BLOCK 1200 /* longer blocks are never template (not counted) */
#define RCP_TPL_SEED_SITE UINT64_C(0x73697465)  /* "site" */
#define RCP_TPL_MAX_ENTRIES ((size_t)1 << 28)

struct rcp_templates {
  uint64_t *keys;    /* 0 = empty slot */
  uint32_t *total;   /* pages, loaded + observed */
  uint32_t *delta;   /* pages observed since the last save */
  size_t cap, n;     /* cap is a power of two */
};

int rcp__templates_new(rcp_templates **out) {
  *out = NULL;
  rcp_templates *t = rcp__calloc(1, sizeof *t);
  if (!t) return RCP_ENOMEM;
  t->cap = 1024;
  t->keys = rcp__calloc(t->cap, sizeof *t->keys);
  t->total = rcp__calloc(t->cap, sizeof *t->total);
  t->delta = rcp__calloc(t->cap, sizeof *t->delta);
  if (!t->keys || !t->total || !t->delta) { rcp__templates_free(t); return RCP_ENOMEM; }
  *out = t;
  return RCP_OK;
}

void rcp__templates_free(rcp_templates *t) {
  if (!t) return;
  rcp__free(t->keys);
  rcp__free(t->total);
  rcp__free(t->delta);
  rcp__free(t);
}

static size_t slot_of(const rcp_templates *t, uint64_t key) {
  size_t m = t->cap - 1, i = (size_t)(key ^ (key >> 29)) & m;
  while (t->keys[i] && t->keys[i] != key) i = (i + 1) & m;
  return i;
}

static int grow(rcp_templates *t) {
  size_t nc = t->cap * 2;
  if (nc > RCP_TPL_MAX_ENTRIES) return RCP_ETOOBIG;
  rcp_templates nt = {0};
  nt.cap = nc;
  nt.keys = rcp__calloc(nc, sizeof *nt.keys);
  nt.total = rcp__calloc(nc, sizeof *nt.total);
  nt.delta = rcp__calloc(nc, sizeof *nt.delta);
  if (!nt.keys || !nt.total || !nt.delta) {
    rcp__free(nt.keys); rcp__free(nt.total); rcp__free(nt.delta);
    return RCP_ENOMEM;
  }
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->keys[i]) continue;
    size_t j = slot_of(&nt, t->keys[i]);
    nt.keys[j] = t->keys[i];
    nt.total[j] = t->total[i];
    nt.delta[j] = t->delta[i];
  }
  rcp__free(t->keys); rcp__free(t->total); rcp__free(t->delta);
  t->keys = nt.keys; t->total = nt.total; t->delta = nt.delta; t->cap = nc;
  return RCP_OK;
}

/* Adds `pages` to key (loaded counts when delta is 0). */
static int add(rcp_templates *t, uint64_t key, uint32_t pages, int delta) {
  if ((t->n + 1) * 4 > t->cap * 3) RCP_TRY(grow(t));
  size_t i = slot_of(t, key);
  if (!t->keys[i]) { t->keys[i] = key; t->n++; }
  t->total[i] = t->total[i] + pages < t->total[i] ? UINT32_MAX : t->total[i] + pages;
  if (delta) t->delta[i] += pages;
  return RCP_OK;
}

static uint32_t count_of(const rcp_templates *t, uint64_t key) {
  size_t i = slot_of(t, key);
  return t->keys[i] ? t->total[i] : 0;
}

int rcp__templates_load_entry(rcp_templates *t, uint64_t key, uint32_t pages) {
  return key ? add(t, key, pages, 0) : RCP_OK;
}

int rcp__templates_foreach_delta(rcp_templates *t, int (*cb)(void *ud, uint64_t key, uint32_t pages), void *ud) {
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->keys[i] || !t->delta[i]) continue;
    RCP_TRY(cb(ud, t->keys[i], t->delta[i]));
  }
  return RCP_OK;
}

void rcp__templates_saved(rcp_templates *t) {
  memset(t->delta, 0, t->cap * sizeof *t->delta);
}

/* ------------------------------------------------------------------ */
/* Keys                                                               */
/* ------------------------------------------------------------------ */

/* The site of a page: host of its canonical URL or URL ("www." dropped),
** else its site name.  0 when it has none. */
static uint64_t site_key(const rcp_doc *d) {
  const char *u = d->canonical ? d->canonical : d->url;
  const char *p = u ? strstr(u, "://") : NULL;
  if (p) {
    p += 3;
    size_t n = strcspn(p, "/?#:");
    if (n > 4 && !strncmp(p, "www.", 4)) { p += 4; n -= 4; }
    if (n) return rcp__hash64(p, n, RCP_TPL_SEED_SITE) | 1;
  }
  if (d->site && *d->site) return rcp__hash64(d->site, strlen(d->site), RCP_TPL_SEED_SITE) | 1;
  return 0;
}

/* Key of a block: letters lower-cased, each run of digits as one '0',
** ASCII punctuation and spaces dropped ("© 2024 Le Site." = "© 2025 le site"). */
static uint64_t block_key(uint64_t site, const char *s, size_t n) {
  char buf[RCP_TPL_MAX_BLOCK];
  size_t o = 0;
  int digit = 0;
  if (n > RCP_TPL_MAX_BLOCK) return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= '0' && c <= '9') { if (!digit) buf[o++] = '0'; digit = 1; continue; }
    digit = 0;
    if (c >= 'A' && c <= 'Z') buf[o++] = (char)(c + 32);
    else if (c >= 0x80 || (c >= 'a' && c <= 'z')) buf[o++] = (char)c;
  }
  if (o < 3) return 0; /* too little to say anything */
  return rcp__hash64(buf, o, site) | 1;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

int rcp__templates_observe(rcp_templates *t, const rcp_doc *d) {
  if (!t || !d) return RCP_EINVAL;
  uint64_t site = site_key(d);
  if (!site || !d->nblocks) return RCP_OK;
  uint64_t *k = rcp__malloc(d->nblocks * sizeof *k);
  if (!k) return RCP_ENOMEM;
  size_t nk = 0;
  for (size_t i = 0; i < d->nblocks; i++) {
    uint64_t bk = block_key(site, d->blocks[i].text, d->blocks[i].len);
    if (bk && bk != site) k[nk++] = bk;
  }
  qsort(k, nk, sizeof *k, cmp_u64);
  int rc = add(t, site, 1, 1);
  for (size_t i = 0; i < nk && rc == RCP_OK; i++)
    if (i == 0 || k[i] != k[i - 1]) rc = add(t, k[i], 1, 1); /* once per page */
  rcp__free(k);
  return rc;
}

int rcp__templates_filter(const rcp_templates *t, rcp_doc *d, size_t *removed) {
  if (removed) *removed = 0;
  if (!t || !d || !d->nblocks) return RCP_OK;
  uint64_t site = site_key(d);
  uint32_t pages = site ? count_of(t, site) : 0;
  if (pages < RCP_TPL_MIN_SITE) return RCP_OK;
  double need = RCP_TPL_SHARE * pages;
  if (need < RCP_TPL_MIN_PAGES) need = RCP_TPL_MIN_PAGES;
  uint8_t *drop = rcp__calloc(d->nblocks, 1);
  if (!drop) return RCP_ENOMEM;
  size_t ndrop = 0, all = 0, gone = 0;
  for (size_t i = 0; i < d->nblocks; i++) {
    all += d->blocks[i].len;
    uint64_t bk = block_key(site, d->blocks[i].text, d->blocks[i].len);
    if (bk && count_of(t, bk) >= need) { drop[i] = 1; ndrop++; gone += d->blocks[i].len; }
  }
  if (ndrop && gone * 2 > all) { /* most of the page recurs: keep its long blocks */
    for (size_t i = 0; i < d->nblocks; i++)
      if (drop[i] && d->blocks[i].len >= 100) { drop[i] = 0; ndrop--; }
  }
  int rc = RCP_OK;
  if (ndrop && ndrop < d->nblocks) {
    size_t len = 0, nb = 0;
    for (size_t i = 0; i < d->nblocks; i++) if (!drop[i]) len += d->blocks[i].len + 2;
    char *txt = rcp__arena_alloc(d->arena, len + 1);
    if (!txt) rc = rcp__arena_error(d->arena);
    else {
      size_t o = 0;
      for (size_t i = 0; i < d->nblocks; i++) {
        if (drop[i]) continue;
        if (nb) { txt[o++] = '\n'; txt[o++] = '\n'; }
        rcp_block b = d->blocks[i];
        memcpy(txt + o, b.text, b.len);
        b.off = o;
        o += b.len;
        d->blocks[nb++] = b;
      }
      txt[o] = 0;
      d->text = txt;
      d->text_len = o;
      d->nblocks = nb;
      if (removed) *removed = ndrop;
    }
  }
  rcp__free(drop);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Public API (include/recoupe.h)                                     */
/* ------------------------------------------------------------------ */

/* ctx->templates, created (and loaded from the store) on first use. */
static int ctx_templates(rcp_ctx *ctx, rcp_templates **out) {
  if (!ctx->templates) {
    rcp_templates *t;
    RCP_TRY(rcp__templates_new(&t));
    int rc = ctx->store ? rcp__store_templates_load(ctx->store, t) : RCP_OK;
    if (rc != RCP_OK) { rcp__templates_free(t); return rc; }
    ctx->templates = t;
  }
  *out = ctx->templates;
  return RCP_OK;
}

int rcp_templates_observe(rcp_ctx *ctx, const rcp_doc *d) {
  if (!ctx || !d) return RCP_EINVAL;
  if (!ctx->opts.use_templates) return RCP_OK;
  rcp_templates *t;
  RCP_TRY(ctx_templates(ctx, &t));
  return rcp__templates_observe(t, d);
}

int rcp_templates_apply(rcp_ctx *ctx, rcp_doc *d, size_t *removed) {
  if (removed) *removed = 0;
  if (!ctx || !d) return RCP_EINVAL;
  if (!ctx->opts.use_templates || !ctx->templates) return RCP_OK;
  return rcp__templates_filter(ctx->templates, d, removed);
}
