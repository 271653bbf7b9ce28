/* pipeline.c -- composes the stages into `add`: the one place that knows
** their order.
**
**   read a batch of pages (serial: the reader's pages live until the next
**   call, so each is copied into its own document)
**   -> extract on the thread pool (slot i = page i, so nothing depends on
**      the thread count); site templates, serially in input order;
**      analyze and fingerprint on the thread pool
**   -> in one transaction, in input order: skip what is already stored,
**      store the article, relate it to earlier ones, put it in a story;
**      then recompute facts and digest of every story the batch touched.
**
** A batch is one transaction: a crash (kill -9) loses at most the batch in
** flight.  Batches have a fixed size in pages, so the same input gives the
** same batches.  Memory is bounded by one batch plus the live indexes.
*/
#include "recoupe_int.h"

#include <jansson.h> /* json_object, json_dumps */
#include <stdio.h>   /* snprintf */
#include <stdlib.h>  /* free */
#include <string.h>  /* memset */

#define BATCH_PAGES 256
#define BATCH_BYTES ((uint64_t)64 << 20)

typedef struct slot {
  rcp_doc *doc;        /* owned until freed at the end of the batch */
  int rc;              /* result of processing */
  int64_t offset;      /* for messages */
  char *where;         /* malloc'd, for messages: the file, then the record
                          id when the record named one ("a.jsonl\0n12") */
  size_t where_id;     /* offset of the record id in `where`, or 0 */
} slot;

typedef struct batch {
  rcp_ctx *ctx;
  slot *slots;
  size_t n;
} batch;

/* Extraction of one slot (runs on a worker thread). */
static void extract_slot(void *ud, size_t i, int worker) {
  (void)worker;
  batch *b = ud;
  slot *s = &b->slots[i];
  if (s->rc == RCP_OK) s->rc = rcp__extract(b->ctx, s->doc);
}

/* Analysis and fingerprint of one slot (runs on a worker thread). */
static void analyze_slot(void *ud, size_t i, int worker) {
  (void)worker;
  batch *b = ud;
  slot *s = &b->slots[i];
  if (s->rc == RCP_OK) s->rc = rcp__analyze(b->ctx, s->doc);
  if (s->rc == RCP_OK) s->rc = rcp__fingerprint(b->ctx, s->doc);
  /* the people a page names, for the story clustering (docs/stories.md) */
  if (s->rc == RCP_OK) s->rc = rcp__facts_entities_only(b->ctx, s->doc);
}

/* Site templates, serially in input order: each page is counted, then
** cleaned with the counts of the pages before it and itself.  The result
** depends on the input order only, never on batch boundaries or threads;
** a site's first pages are cleaned less than its later ones (`recoupe
** extract` makes two passes instead). */
static int templates_batch(rcp_ctx *ctx, batch *b) {
  if (!ctx->opts.use_templates) return RCP_OK;
  for (size_t i = 0; i < b->n; i++) {
    slot *s = &b->slots[i];
    if (s->rc != RCP_OK) continue;
    /* the page itself counts once even if it was stored before */
    uint64_t raw[2];
    rcp__doc_page_key(s->doc, raw);
    if (rcp__store_find_article(ctx->store, s->doc->id, raw)) continue;
    RCP_TRY(rcp_templates_observe(ctx, s->doc));
    size_t removed = 0;
    int rc = rcp_templates_apply(ctx, s->doc, &removed);
    if (rc == RCP_ENOMEM) return rc;
    if (rc != RCP_OK) s->rc = rc;
  }
  return RCP_OK;
}

/* The digest of a story whose articles changed.  The store is read and
** written serially; analysis, facts and the digest run on the pool, one
** story a task, so the digests do not depend on the thread count. */
typedef struct refresh_job {
  rcp_ctx *ctx;
  rcp_story_view *v;   /* NULL: merged away meanwhile */
  char *txt;           /* the digest JSON (jansson's allocation) */
  int rc;
} refresh_job;

static void refresh_slot(void *ud, size_t i, int worker) {
  (void)worker;
  refresh_job *j = &((refresh_job *)ud)[i];
  if (!j->v) return;
  j->rc = rcp__story_prepare(j->ctx, j->v);
  json_t *obj = j->rc == RCP_OK ? json_object() : NULL;
  if (j->rc == RCP_OK && !obj) j->rc = RCP_ENOMEM;
  if (j->rc == RCP_OK) j->rc = rcp__story_facts(j->ctx, j->v, obj);
  if (j->rc == RCP_OK) j->rc = rcp__digest(j->ctx, j->v, obj);
  if (j->rc == RCP_OK) {
    j->txt = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    if (!j->txt) j->rc = RCP_ENOMEM;
  }
  json_decref(obj);
}

#define REFRESH_CHUNK 32   /* stories held in memory at once */

static int refresh_stories(rcp_ctx *ctx, rcp_pool *pool, const int64_t *ids, size_t n) {
  refresh_job jobs[REFRESH_CHUNK];
  int rc = RCP_OK;
  for (size_t at = 0; at < n && rc == RCP_OK; at += REFRESH_CHUNK) {
    size_t m = n - at < REFRESH_CHUNK ? n - at : REFRESH_CHUNK;
    memset(jobs, 0, sizeof jobs);
    for (size_t k = 0; k < m && rc == RCP_OK; k++) {
      jobs[k].ctx = ctx;
      rc = rcp__story_read(ctx, ids[at + k], &jobs[k].v);
      if (rc == RCP_ENOTFOUND) rc = RCP_OK;            /* merged away meanwhile */
    }
    if (rc == RCP_OK) rcp__pool_run(pool, m, refresh_slot, jobs);
    for (size_t k = 0; k < m; k++) {
      if (rc == RCP_OK) rc = jobs[k].rc;
      if (rc == RCP_OK && jobs[k].txt) rc = rcp__store_put_digest(ctx->store, ids[at + k], jobs[k].txt);
      free(jobs[k].txt);
      rcp__story_view_free(jobs[k].v);
    }
  }
  return rc;
}

static int skip_reason(int rc) {
  switch (rc) {
    case RCP_ETOOBIG: return RCP_SKIP_TOOBIG;
    case RCP_EEMPTY: return RCP_SKIP_EMPTY;
    case RCP_EBINARY: return RCP_SKIP_BINARY;
    case RCP_ECHARSET: return RCP_SKIP_CHARSET;
    default: return RCP_SKIP_EMPTY;
  }
}

/* Where a page came from, for messages: its file, and after a NUL the
** record id when the record named one (not the "path#offset" the reader
** makes up); the offset is given beside it. */
static char *page_where(const rcp_page *p, size_t *id_at) {
  const char *src = p->source ? p->source : "-";
  size_t ls = strlen(src);
  *id_at = 0;
  if (!p->id || strncmp(p->id, src, ls) == 0) return rcp__strdup(src);
  size_t li = strlen(p->id);
  char *w = rcp__malloc(ls + li + 2);
  if (!w) return NULL;
  memcpy(w, src, ls + 1);
  memcpy(w + ls + 1, p->id, li + 1);
  *id_at = ls + 1;
  return w;
}

/* The serial part of one batch, inside its transaction. */
static int store_batch(rcp_ctx *ctx, rcp_pool *pool, batch *b, rcp_relidx *ix, rcp_clusterer *cl,
                       rcp_warn_fn warn, void *ud, rcp_add_stats *st) {
  rcp_store *s = ctx->store;
  int rc = RCP_OK;
  char *seq = NULL;
  RCP_TRY(rcp__store_meta_get(s, "batch", &seq));
  char next[32];
  snprintf(next, sizeof next, "%lld", (seq ? atoll(seq) : 0) + 1);
  rcp__free(seq);
  RCP_TRY(rcp__store_meta_set(s, "batch", next));
  for (size_t i = 0; i < b->n && rc == RCP_OK; i++) {
    slot *sl = &b->slots[i];
    rcp_doc *d = sl->doc;
    if (sl->rc == RCP_OK && (!d->text || d->text_len == 0)) sl->rc = RCP_EEMPTY;
    if (sl->rc == RCP_ENOMEM) return RCP_ENOMEM;
    if (sl->rc != RCP_OK) {
      int why = skip_reason(sl->rc);
      st->ingest.skipped[why]++;
      st->failed++;
      if (warn) {
        const char *what = sl->rc == RCP_EEMPTY ? "no article text found" : rcp_strerror(sl->rc);
        char msg[256];
        if (sl->where_id) snprintf(msg, sizeof msg, "record %.120s: %s", sl->where + sl->where_id, what);
        warn(ud, sl->where, (uint64_t)sl->offset, why, sl->where_id ? msg : what);
      }
      continue;
    }
    uint64_t raw[2];
    rcp__doc_page_key(d, raw);
    if (rcp__store_find_article(s, d->id, raw)) {
      st->duplicates++;
      st->ingest.skipped[RCP_SKIP_DUPLICATE]++;
      continue;
    }
    rc = rcp__store_put_article(s, d);
    rcp_rel *rels = NULL;
    size_t nrels = 0;
    int64_t story = 0;
    if (rc == RCP_OK) rc = rcp__relate_doc(ix, d, &rels, &nrels);
    if (rc == RCP_OK) rc = rcp__cluster_doc(cl, d, rels, nrels, &story);
    rcp__free(rels);
    if (rc == RCP_OK) st->added++;
  }
  int64_t *touched = NULL;
  size_t ntouched = 0;
  if (rc == RCP_OK && ctx->templates) rc = rcp__store_templates_save(s, ctx->templates);
  if (rc == RCP_OK) rc = rcp__relidx_save(ix);   /* what the next run's index reloads */
  if (rc == RCP_OK) rc = rcp__cluster_flush(cl, &touched, &ntouched);
  if (rc == RCP_OK) rc = refresh_stories(ctx, pool, touched, ntouched);
  st->stories += ntouched;
  rcp__free(touched);
  return rc;
}

static void free_batch(batch *b) {
  for (size_t i = 0; i < b->n; i++) {
    rcp_doc_free(b->slots[i].doc);
    rcp__free(b->slots[i].where);
  }
  b->n = 0;
}

int rcp_add(rcp_ctx *ctx, rcp_reader *r, rcp_progress_fn progress,
            rcp_warn_fn warn, void *ud, rcp_add_stats *st) {
  rcp_add_stats dummy;
  if (!st) st = &dummy;
  memset(st, 0, sizeof *st);
  if (!ctx || !r) return RCP_EINVAL;
  if (!ctx->store) return rcp__err(ctx, RCP_EINVAL, "add needs a store (--db)");
  rcp_pool *pool = NULL;
  rcp_relidx *ix = NULL;
  rcp_clusterer *cl = NULL;
  batch b = { ctx, NULL, 0 };
  int rc = rcp__pool_new(&pool, ctx->opts.threads);
  if (rc == RCP_OK) rc = rcp__relidx_new(ctx, &ix);
  if (rc == RCP_OK) rc = rcp__cluster_open(ctx, &cl);
  if (rc == RCP_OK && !(b.slots = rcp__calloc(BATCH_PAGES, sizeof *b.slots))) rc = RCP_ENOMEM;
  uint64_t pages = 0;
  int eof = 0;
  while (rc == RCP_OK && !eof) {
    /* 1. read a batch (serial) */
    uint64_t bytes = 0;
    while (b.n < BATCH_PAGES && bytes < BATCH_BYTES) {
      const rcp_page *p;
      int rrc = rcp_reader_next(r, &p);
      if (rrc == RCP_EDONE) { eof = 1; break; }
      if (rrc != RCP_OK) { rc = rcp__err(ctx, rrc, "reading input: %s", rcp_strerror(rrc)); break; }
      slot *sl = &b.slots[b.n++];
      memset(sl, 0, sizeof *sl);
      sl->where = page_where(p, &sl->where_id);
      sl->offset = p->offset;
      sl->rc = rcp__doc_new(ctx, p, &sl->doc);
      if (!sl->where || sl->rc == RCP_ENOMEM) { rc = RCP_ENOMEM; break; }
      bytes += p->body_len;
    }
    if (rc != RCP_OK || b.n == 0) break;
    /* 2. per-document stages: extract (parallel), site templates
    ** (serial, input order), analyze and fingerprint (parallel) */
    rcp__pool_run(pool, b.n, extract_slot, &b);
    rc = templates_batch(ctx, &b);
    if (rc != RCP_OK) break;
    rcp__pool_run(pool, b.n, analyze_slot, &b);
    /* 3. order-dependent stages, one transaction */
    rc = rcp__store_begin(ctx->store);
    if (rc == RCP_OK) rc = store_batch(ctx, pool, &b, ix, cl, warn, ud, st);
    if (rc == RCP_OK) rc = rcp__store_commit(ctx->store);
    else {
      rcp__store_rollback(ctx->store);
      /* the in-memory indexes may hold the rolled-back batch: stop here */
    }
    pages += b.n;
    free_batch(&b);
    if (progress) progress(ud, pages, rcp_reader_stats(r)->raw_bytes);
  }
  free_batch(&b);
  rcp__free(b.slots);
  /* the reader's counts, plus the pages skipped after reading */
  rcp_ingest_stats is = *rcp_reader_stats(r);
  for (int i = 0; i < RCP_SKIP_COUNT; i++) is.skipped[i] += st->ingest.skipped[i];
  st->ingest = is;
  rcp__cluster_free(cl);
  rcp__relidx_free(ix);
  rcp__pool_free(pool);
  return rc;
}
