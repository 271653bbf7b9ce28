/* stories.c -- the stories of the store as the DESIGN.md JSON contract:
** rcp_stories_json (a filtered array) and rcp_story_json (one story, by its
** id or by an id merged into it).
**
** Each story object is built from its row (id "s<N>", title, language,
** dates), its articles by publication time (with their relations, as the
** relate stage stored them), then every key of its stored digest object
** (written by the facts and digest stages: key_points, summary, entities,
** figures, disagreements, independent_sources, and a better title or
** event_date when they have one), then related_stories (storylines).
** Nothing here decides anything: it reads src/store_cluster.c.
*/
#include "recoupe_int.h"

#include <jansson.h> /* json_t */
#include <stdio.h>   /* snprintf */
#include <stdlib.h>  /* free, strtoll */
#include <string.h>  /* strcmp */

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* "2026-10-13T21:04:00Z" from unix seconds (UTC). */
static json_t *iso_time(int64_t t) {
  if (t == INT64_MIN) return json_null();
  char day[11], b[32];
  rcp__fmt_day(t, day);
  int64_t s = ((t % 86400) + 86400) % 86400;
  snprintf(b, sizeof b, "%sT%02d:%02d:%02dZ", day, (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60));
  return json_string(b);
}

static json_t *iso_day(int64_t t) {
  if (t == INT64_MIN) return json_null();
  char day[11];
  rcp__fmt_day(t, day);
  return json_string(day);
}

/* Relations of the story's articles, from the relate stage's table: one
** object per related page, best score first, {"kind", "to": its id,
** "score", "original": the id of the pair's original (the page published
** first)}.  The relate stage links an exact copy to the first page *stored*
** with its text only, and that page's other relations stand for the whole
** set of copies.  Here each set of exact copies (duplicate links inside the
** story) is shown around its earliest-published member: the others are its
** duplicates, and the set's relations to other pages are the original's.
** `to` outside the story is looked up in the store (a copy clustered into
** another story). */
typedef struct rel_set {
  rcp_rel **rels;     /* stored relations of each article */
  size_t *nrels;
  size_t *rep;        /* index of the earliest member of its exact-copy set */
} rel_set;

static size_t row_index(const rcp_article_row *all, size_t n, int64_t rowid) {
  for (size_t j = 0; j < n; j++) if (all[j].rowid == rowid) return j;
  return n;
}

static int earlier(const rcp_article_row *x, const rcp_article_row *y) {
  if (x->pub_time != y->pub_time) {
    if (x->pub_time == INT64_MIN) return 0;
    if (y->pub_time == INT64_MIN) return 1;
    return x->pub_time < y->pub_time;
  }
  return x->rowid < y->rowid;
}

static size_t set_root(size_t *rep, size_t i) {
  while (rep[i] != i) i = rep[i] = rep[rep[i]];
  return i;
}

static void rel_set_free(rel_set *rs, size_t n) {
  if (rs->rels) for (size_t i = 0; i < n; i++) rcp__free(rs->rels[i]);
  rcp__free(rs->rels); rcp__free(rs->nrels); rcp__free(rs->rep);
}

static int rel_set_load(rcp_ctx *ctx, const rcp_article_row *all, size_t n, rel_set *rs) {
  rs->rels = rcp__calloc(n ? n : 1, sizeof *rs->rels);
  rs->nrels = rcp__calloc(n ? n : 1, sizeof *rs->nrels);
  rs->rep = rcp__calloc(n ? n : 1, sizeof *rs->rep);
  if (!rs->rels || !rs->nrels || !rs->rep) return RCP_ENOMEM;
  for (size_t i = 0; i < n; i++) {
    rs->rep[i] = i;
    RCP_TRY(rcp__store_relations_of(ctx->store, all[i].rowid, &rs->rels[i], &rs->nrels[i]));
  }
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < rs->nrels[i]; k++) {
      if (strcmp(rs->rels[i][k].kind, "duplicate") != 0) continue;
      size_t j = row_index(all, n, rs->rels[i][k].other);
      if (j == n) continue;
      size_t a = set_root(rs->rep, i), b = set_root(rs->rep, j);
      if (a != b) { if (earlier(&all[b], &all[a])) rs->rep[a] = b; else rs->rep[b] = a; }
    }
  for (size_t i = 0; i < n; i++) rs->rep[i] = set_root(rs->rep, i);
  return RCP_OK;
}

/* Appends {kind, to, score, original} unless `to` is already listed with a
** score at least as high; 0 on allocation failure. */
static int rel_put(json_t *arr, const char *kind, const char *to, double score, const char *original) {
  size_t i;
  json_t *x;
  json_array_foreach(arr, i, x) {
    if (strcmp(json_string_value(json_object_get(x, "to")), to) != 0) continue;
    if (json_real_value(json_object_get(x, "score")) >= score) return 1;
    json_array_remove(arr, i);
    break;
  }
  x = json_pack("{s:s, s:s, s:f, s:s}", "kind", kind, "to", to, "score", score, "original", original);
  return x && json_array_append_new(arr, x) == 0;
}

static int by_score_desc(const void *a, const void *b) {
  double x = json_real_value(json_object_get(*(json_t *const *)a, "score"));
  double y = json_real_value(json_object_get(*(json_t *const *)b, "score"));
  if (x != y) return x < y ? 1 : -1;
  return strcmp(json_string_value(json_object_get(*(json_t *const *)a, "to")),
                json_string_value(json_object_get(*(json_t *const *)b, "to")));
}

/* NULL on allocation failure. */
static json_t *relations(rcp_ctx *ctx, size_t ai, const rcp_article_row *all, size_t n, const rel_set *rs) {
  const rcp_article_row *a = &all[ai];
  json_t *arr = json_array();
  if (!arr) return NULL;
  int ok = 1;
  size_t me = rs->rep[ai];
  if (me != ai) ok = rel_put(arr, "duplicate", all[me].ext_id, 1.0, all[me].ext_id);
  for (size_t m = 0; m < n && ok; m++) {
    if (rs->rep[m] != me) continue;
    /* a copy lists its original only; the original lists its copies and
    ** the relations of the whole set to other pages */
    if (me != ai) break;
    if (m != ai) ok = rel_put(arr, "duplicate", all[m].ext_id, 1.0, a->ext_id);
    for (size_t k = 0; k < rs->nrels[m] && ok; k++) {
      const rcp_rel *r = &rs->rels[m][k];
      size_t j = row_index(all, n, r->other);
      if (j < n && rs->rep[j] == me) continue;          /* inside the set */
      char *owned = NULL;
      const char *to = NULL;
      const rcp_article_row *o = NULL;
      if (j < n) { o = &all[rs->rep[j]]; to = o->ext_id; }
      else if (rcp__store_article_ext_id(ctx->store, r->other, &owned) == RCP_OK) to = owned;
      if (to) {
        const char *orig = o ? (earlier(o, a) ? to : a->ext_id)
                             : (r->direction >= 0 ? to : a->ext_id);
        ok = rel_put(arr, r->kind, to, r->score, orig);
      }
      rcp__free(owned);
    }
  }
  if (!ok) { json_decref(arr); return NULL; }
  size_t len = json_array_size(arr);
  if (len > 1) {
    json_t **v = rcp__malloc(len * sizeof *v);
    if (!v) { json_decref(arr); return NULL; }
    for (size_t i = 0; i < len; i++) v[i] = json_incref(json_array_get(arr, i));
    qsort(v, len, sizeof *v, by_score_desc);
    json_array_clear(arr);
    for (size_t i = 0; i < len; i++) json_array_append_new(arr, v[i]);
    rcp__free(v);
  }
  return arr;
}

static int story_object(rcp_ctx *ctx, const rcp_story_row *r, json_t **out) {
  *out = NULL;
  rcp_store *s = ctx->store;
  rcp_article_row *arts = NULL;
  size_t na = 0;
  rcp_story_link *links = NULL;
  size_t nl = 0;
  RCP_TRY(rcp__store_story_article_rows(s, r->id, &arts, &na));
  int rc = rcp__store_story_links(s, r->id, &links, &nl);
  if (rc != RCP_OK) { rcp__article_rows_free(arts, na); return rc; }
  json_t *o = json_object();
  char id[32];
  snprintf(id, sizeof id, "s%lld", (long long)r->id);
  json_object_set_new(o, "id", json_string(id));
  json_object_set_new(o, "title", str_or_null(r->title ? r->title : na ? arts[0].title : NULL));
  json_object_set_new(o, "language", str_or_null(r->language));
  json_object_set_new(o, "event_date", iso_day(r->event_day != INT64_MIN ? r->event_day : r->first_pub));
  /* the first and last articles' own dates as written, else UTC */
  const rcp_article_row *first = NULL, *last = NULL;
  for (size_t i = 0; i < na; i++)
    if (arts[i].pub_time != INT64_MIN) { if (!first) first = &arts[i]; last = &arts[i]; }
  json_object_set_new(o, "first_published", first && first->published ? json_string(first->published)
                                                                       : iso_time(r->first_pub));
  json_object_set_new(o, "last_published", last && last->published ? json_string(last->published)
                                                                    : iso_time(r->last_pub));
  rel_set rs = {0};
  rc = rel_set_load(ctx, arts, na, &rs);
  json_t *ja = json_array();
  for (size_t i = 0; i < na && rc == RCP_OK; i++) {
    const rcp_article_row *a = &arts[i];
    json_t *x = json_object();
    json_object_set_new(x, "id", json_string(a->ext_id));
    json_object_set_new(x, "source", str_or_null(a->url ? a->url : a->source));
    json_object_set_new(x, "site", str_or_null(a->site));
    json_object_set_new(x, "title", str_or_null(a->title));
    json_object_set_new(x, "published", str_or_null(a->published));
    json_object_set_new(x, "author", str_or_null(a->author));
    json_object_set_new(x, "credited_source", str_or_null(a->credited_source));
    json_t *rels = relations(ctx, i, arts, na, &rs);
    if (!rels) rc = RCP_ENOMEM;
    json_object_set_new(x, "relations", rels ? rels : json_array());
    json_array_append_new(ja, x);
  }
  rel_set_free(&rs, na);
  json_object_set_new(o, "articles", ja);
  if (r->digest) {
    json_error_t err;
    json_t *d = json_loads(r->digest, 0, &err);
    if (json_is_object(d)) {
      const char *k;
      json_t *v;
      json_object_foreach(d, k, v) {
        if (strcmp(k, "id") == 0 || strcmp(k, "articles") == 0 || strcmp(k, "related_stories") == 0) continue;
        if (json_is_null(v) && json_object_get(o, k)) continue;
        json_object_set(o, k, v);
      }
    }
    json_decref(d);
  }
  json_t *rel = json_array();
  for (size_t i = 0; i < nl; i++) {
    json_t *x = json_object();
    snprintf(id, sizeof id, "s%lld", (long long)links[i].other);
    json_object_set_new(x, "id", json_string(id));
    json_object_set_new(x, "kind", json_string(links[i].kind));
    json_array_append_new(rel, x);
  }
  json_object_set_new(o, "related_stories", rel);
  rcp__article_rows_free(arts, na);
  rcp__free(links);
  if (rc != RCP_OK) { json_decref(o); return rc; }
  /* jansson reports allocation failure only through NULLs: check the result */
  if (!o || !json_object_get(o, "related_stories") || !json_object_get(o, "articles")) {
    json_decref(o);
    return RCP_ENOMEM;
  }
  *out = o;
  return RCP_OK;
}

static int dump(json_t *v, int pretty, char **out) {
  char *t = json_dumps(v, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6) |
                       (pretty ? JSON_INDENT(2) : JSON_COMPACT));
  if (!t) return RCP_ENOMEM;
  /* jansson allocates with malloc: the caller frees with free() */
  *out = t;
  return RCP_OK;
}

int rcp_stories_json(rcp_ctx *ctx, const rcp_story_filter *f, int pretty, char **out) {
  *out = NULL;
  if (!ctx) return RCP_EINVAL;
  if (!ctx->store) return rcp__err(ctx, RCP_EINVAL, "stories need a store (--db)");
  rcp_story_row *rows = NULL;
  size_t n = 0;
  int rc = rcp__store_stories_list(ctx->store, f, &rows, &n);
  if (rc == RCP_EINVAL) return rcp__err(ctx, rc, "bad date in the filter (want YYYY-MM-DD)");
  RCP_TRY(rc);
  json_t *arr = json_array();
  if (!arr) rc = RCP_ENOMEM;
  for (size_t i = 0; i < n && rc == RCP_OK; i++) {
    json_t *o = NULL;
    rc = story_object(ctx, &rows[i], &o);
    if (rc == RCP_OK && json_array_append_new(arr, o) != 0) rc = RCP_ENOMEM;
  }
  rcp__story_rows_free(rows, n);
  if (rc == RCP_OK) rc = dump(arr, pretty, out);
  json_decref(arr);
  return rc;
}

/* Parses "s12" or "12" into 12; 0 when it is not a story id. */
static int64_t parse_story_id(const char *id) {
  if (!id) return 0;
  const char *p = id[0] == 's' || id[0] == 'S' ? id + 1 : id;
  if (*p < '0' || *p > '9') return 0;
  char *end;
  long long v = strtoll(p, &end, 10);
  return *end || v <= 0 ? 0 : (int64_t)v;
}

int rcp_story_json(rcp_ctx *ctx, const char *id, int pretty, char **out) {
  *out = NULL;
  if (!ctx || !id) return RCP_EINVAL;
  if (!ctx->store) return rcp__err(ctx, RCP_EINVAL, "stories need a store (--db)");
  int64_t sid = parse_story_id(id), resolved = 0;
  int rc = sid ? rcp__store_story_resolve(ctx->store, sid, &resolved) : RCP_ENOTFOUND;
  if (rc == RCP_ENOTFOUND) {          /* an article's record id: its story */
    int64_t st = 0;
    RCP_TRY(rcp__store_article_story(ctx->store, id, &st));
    if (st) rc = rcp__store_story_resolve(ctx->store, st, &resolved);
  }
  if (rc == RCP_ENOTFOUND) return rcp__err(ctx, rc, "no story %s", id);
  RCP_TRY(rc);
  rcp_story_row row;
  RCP_TRY(rcp__store_story_get(ctx->store, resolved, &row));
  json_t *o = NULL;
  rc = story_object(ctx, &row, &o);
  if (rc == RCP_OK && sid && sid != resolved) {
    char b[32];
    snprintf(b, sizeof b, "s%lld", (long long)sid);
    json_object_set_new(o, "merged_from", json_string(b));
  }
  rcp__free(row.title); rcp__free(row.language); rcp__free(row.digest);
  if (rc == RCP_OK) rc = dump(o, pretty, out);
  json_decref(o);
  return rc;
}
