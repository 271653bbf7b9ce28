/* story.c -- the story-level view the facts and digest stages read: a
** story's articles loaded from the store, analyzed and with their facts,
** in publication order, with the relations among them. */
#include "recoupe_int.h"


int rcp__story_load(rcp_ctx *ctx, int64_t story, rcp_story_view **out) {
  RCP_TRY(rcp__story_read(ctx, story, out));
  int rc = rcp__story_prepare(ctx, *out);
  if (rc != RCP_OK) { rcp__story_view_free(*out); *out = NULL; }
  return rc;
}

int rcp__story_prepare(rcp_ctx *ctx, rcp_story_view *v) {
  int rc = RCP_OK;
  for (size_t i = 0; i < v->ndocs && rc == RCP_OK; i++) {
    rc = rcp__analyze(ctx, v->docs[i]);
    if (rc == RCP_OK) rc = rcp__facts(ctx, v->docs[i]);
  }
  return rc;
}

int rcp__story_read(rcp_ctx *ctx, int64_t story, rcp_story_view **out) {
  *out = NULL;
  int64_t *ids = NULL;
  size_t n = 0;
  RCP_TRY(rcp__store_story_articles(ctx->store, story, &ids, &n));
  if (n == 0) { rcp__free(ids); return RCP_ENOTFOUND; }
  rcp_story_view *v = rcp__calloc(1, sizeof *v);
  int rc = v ? RCP_OK : RCP_ENOMEM;
  if (rc == RCP_OK && !(v->docs = rcp__calloc(n, sizeof *v->docs))) rc = RCP_ENOMEM;
  if (rc == RCP_OK) v->id = story;
  for (size_t i = 0; i < n && rc == RCP_OK; i++) {
    rcp_doc *d = NULL;
    rc = rcp__store_get_article(ctx->store, ctx, ids[i], &d);
    if (rc == RCP_OK) v->docs[v->ndocs++] = d;
  }
  /* relations among the story's articles: each stored pair once, as
  ** (a derives from b) */
  size_t cap = 0;
  for (size_t i = 0; i < v->ndocs && rc == RCP_OK; i++) {
    rcp_rel *rels = NULL;
    size_t nr = 0;
    rc = rcp__store_relations_of(ctx->store, ids[i], &rels, &nr);
    for (size_t k = 0; k < nr && rc == RCP_OK; k++) {
      size_t j = 0;
      while (j < n && ids[j] != rels[k].other) j++;
      if (j == n || j <= i) continue;          /* outside the story, or seen from j */
      if (v->nrels == cap) {
        size_t nc = cap ? cap * 2 : 16;
        rcp_story_rel *q = rcp__realloc(v->rels, nc * sizeof *q);
        if (!q) { rc = RCP_ENOMEM; break; }
        v->rels = q;
        cap = nc;
      }
      rcp_story_rel *r = &v->rels[v->nrels++];
      r->a = rels[k].direction >= 0 ? i : j;
      r->b = rels[k].direction >= 0 ? j : i;
      r->kind = rels[k].kind;
      r->score = rels[k].score;
    }
    rcp__free(rels);
  }
  rcp__free(ids);
  if (rc != RCP_OK) { rcp__story_view_free(v); return rc; }
  *out = v;
  return RCP_OK;
}

void rcp__story_view_free(rcp_story_view *v) {
  if (!v) return;
  for (size_t i = 0; i < v->ndocs; i++) rcp_doc_free(v->docs[i]);
  rcp__free(v->docs);
  rcp__free(v->rels);
  rcp__free(v);
}
