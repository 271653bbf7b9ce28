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
#include <string.h> /* memset */

int rcp_doc_process_dedup(rcp_ctx *ctx, const rcp_page *page, rcp_doc **out) {
  *out = NULL;
  rcp_doc *d = NULL;
  int rc = rcp__doc_new(ctx, page, &d);
  if (rc == RCP_OK) rc = rcp__extract(ctx, d);
  if (rc == RCP_OK) rc = rcp__analyze(ctx, d);
  if (rc == RCP_OK) rc = rcp__fingerprint(ctx, d);
  if (rc != RCP_OK) { rcp_doc_free(d); return rc; }
  *out = d;
  return RCP_OK;
}

typedef struct fetch_ud { rcp_doc *const *docs; const size_t *order; size_t n; } fetch_ud;

/* idx: position in the relating order */
static const rcp_doc *fetch_doc(void *ud, size_t idx, rcp_doc **owned) {
  const fetch_ud *f = ud;
  *owned = NULL;
  return idx < f->n ? f->docs[f->order[idx]] : NULL;
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
  fetch_ud fu = { docs, order, n };
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
    int64_t saved = d->rowid;
    d->rowid = (int64_t)p + 1;   /* index rows are positions in the relating order */
    rcp_rel *r = NULL;
    size_t nr = 0;
    rc = rcp__relate_doc(ix, d, &r, &nr);
    d->rowid = saved;
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
  if (rc != RCP_OK) { free(out); return rc; }
  if (nout > 1) qsort(out, nout, sizeof *out, cmp_relation);
  *rels = out;
  *nrels = nout;
  return RCP_OK;
}
