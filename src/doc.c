/* doc.c -- documents and the context: creation, the per-document pipeline
** (extract -> analyze -> fingerprint -> facts), metadata and the
** "extract --json" object.  The stages themselves live in their own files. */
#include "recoupe_int.h"

#include <jansson.h> /* json_object, json_dumpf */
#include <stdlib.h>  /* free */
#include <string.h>  /* strlen */

void rcp_opts_default(rcp_opts *o) {
  memset(o, 0, sizeof *o);
  o->threads = 0;
  o->doc_cap = (size_t)256 << 20;
  o->page_cap = (size_t)64 << 20;
  o->window_days = 7;
  o->seed = RCP_DEFAULT_SEED;
  o->use_templates = 1;
}

struct rcp_store;
int rcp__store_open(rcp_ctx *ctx, const char *path, struct rcp_store **out);
void rcp__store_close(struct rcp_store *s);

int rcp_ctx_open(rcp_ctx **out, const rcp_opts *opts, char **errmsg) {
  *out = NULL;
  if (errmsg) *errmsg = NULL;
  rcp_ctx *ctx = rcp__calloc(1, sizeof *ctx);
  if (!ctx) return RCP_ENOMEM;
  if (opts) ctx->opts = *opts;
  else rcp_opts_default(&ctx->opts);
  rcp_opts def;
  rcp_opts_default(&def);
  if (!ctx->opts.doc_cap) ctx->opts.doc_cap = def.doc_cap;
  if (!ctx->opts.page_cap) ctx->opts.page_cap = def.page_cap;
  if (ctx->opts.window_days <= 0) ctx->opts.window_days = def.window_days;
  if (!ctx->opts.seed) ctx->opts.seed = def.seed;
  int rc = RCP_OK;
  if (ctx->opts.db_path) rc = rcp__store_open(ctx, ctx->opts.db_path, &ctx->store);
  if (rc != RCP_OK) {
    if (errmsg) *errmsg = rcp__strdup(ctx->errmsg);
    rcp_ctx_free(ctx);
    return rc;
  }
  *out = ctx;
  return RCP_OK;
}

void rcp_ctx_free(rcp_ctx *ctx) {
  if (!ctx) return;
  rcp__templates_free(ctx->templates);
  rcp__store_close(ctx->store);
  rcp__free(ctx);
}

int rcp__doc_new(const rcp_ctx *ctx, const rcp_page *p, rcp_doc **out) {
  *out = NULL;
  rcp_arena *a = rcp__arena_new(ctx ? ctx->opts.doc_cap : 0);
  if (!a) return RCP_ENOMEM;
  rcp_doc *d = rcp__arena_calloc(a, 1, sizeof *d);
  if (!d) { rcp__arena_free(a); return RCP_ENOMEM; }
  d->arena = a;
  d->pub_time = INT64_MIN;
  d->id = rcp__arena_strdup(a, p->id ? p->id : p->source);
  d->source = rcp__arena_strdup(a, p->source);
  d->url = rcp__arena_strdup(a, p->url);
  d->fetched = rcp__arena_strdup(a, p->fetched);
  d->in_title = rcp__arena_strdup(a, p->title);
  d->in_published = rcp__arena_strdup(a, p->published);
  d->in_site = rcp__arena_strdup(a, p->site);
  d->in_language = rcp__arena_strdup(a, p->language);
  d->raw = rcp__arena_strndup(a, p->body ? p->body : "", p->body ? p->body_len : 0);
  d->raw_len = p->body ? p->body_len : 0;
  d->is_html = p->is_html;
  if (!d->raw || (p->id && !d->id)) {
    int rc = rcp__arena_error(a);
    rcp__arena_free(a);
    return rc;
  }
  *out = d;
  return RCP_OK;
}

void rcp_doc_free(rcp_doc *d) {
  if (d) rcp__arena_free(d->arena);
}

int rcp_doc_process(rcp_ctx *ctx, const rcp_page *page, rcp_doc **out) {
  *out = NULL;
  rcp_doc *d = NULL;
  int rc = rcp__doc_new(ctx, page, &d);
  if (rc == RCP_OK) rc = rcp__extract(ctx, d);
  if (rc == RCP_OK) rc = rcp__analyze(ctx, d);
  if (rc == RCP_OK) rc = rcp__fingerprint(ctx, d);
  if (rc == RCP_OK) rc = rcp__facts(ctx, d);
  if (rc != RCP_OK) {
    rcp_doc_free(d);
    return rc;
  }
  *out = d;
  return RCP_OK;
}

void rcp_doc_meta(const rcp_doc *d, rcp_meta *m) {
  memset(m, 0, sizeof *m);
  m->id = d->id; m->source = d->source; m->url = d->url;
  m->title = d->title; m->author = d->author;
  m->published = d->published; m->updated = d->updated;
  m->site = d->site; m->canonical = d->canonical;
  m->language = d->language ? d->language : d->lang;
  m->credited_source = d->credited_source;
  m->text = d->text ? d->text : "";
  m->text_len = d->text ? d->text_len : 0;
}

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

int rcp_doc_write_json(const rcp_doc *d, FILE *f) {
  rcp_meta m;
  rcp_doc_meta(d, &m);
  json_t *o = json_object();
  if (!o) return RCP_ENOMEM;
  json_object_set_new(o, "id", str_or_null(m.id));
  json_object_set_new(o, "source", str_or_null(m.url ? m.url : m.source));
  json_object_set_new(o, "title", str_or_null(m.title));
  json_object_set_new(o, "author", str_or_null(m.author));
  json_object_set_new(o, "published", str_or_null(m.published));
  json_object_set_new(o, "updated", str_or_null(m.updated));
  json_object_set_new(o, "site", str_or_null(m.site));
  json_object_set_new(o, "canonical", str_or_null(m.canonical));
  json_object_set_new(o, "language", str_or_null(m.language));
  json_object_set_new(o, "credited_source", str_or_null(m.credited_source));
  json_object_set_new(o, "text", json_stringn(m.text, m.text_len));
  int rc = json_dumpf(o, f, JSON_PRESERVE_ORDER | JSON_COMPACT) == 0 ? RCP_OK : RCP_EIO;
  if (rc == RCP_OK && fputc('\n', f) == EOF) rc = RCP_EIO;
  json_decref(o);
  return rc;
}

void rcp__doc_page_key(const rcp_doc *d, uint64_t out[2]) {
  rcp__hash128(d->raw, d->raw_len, out);
  if (!d->url || !*d->url) return;
  uint64_t both[4];
  rcp__hash128(d->url, strlen(d->url), both);
  both[2] = out[0];
  both[3] = out[1];
  rcp__hash128(both, sizeof both, out);
}
