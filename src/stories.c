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

/* Relations of an article, from the relate stage's table: one object per
** related page, best score first, {"kind", "to": its id, "score",
** "original": the id of the pair's original (the page published first)}.
** `to` is named from the story's rows, else looked up in the store (a
** copy clustered into another story).  NULL on allocation failure. */
static json_t *relations(rcp_ctx *ctx, const rcp_article_row *a, const rcp_article_row *all, size_t n) {
  rcp_rel *rels = NULL;
  size_t nr = 0;
  json_t *arr = json_array();
  if (!arr || rcp__store_relations_of(ctx->store, a->rowid, &rels, &nr) != RCP_OK) return arr;
  for (size_t k = 0; k < nr; k++) {
    const char *to = NULL;
    char *owned = NULL;
    for (size_t j = 0; j < n && !to; j++) if (all[j].rowid == rels[k].other) to = all[j].ext_id;
    if (!to && rcp__store_article_ext_id(ctx->store, rels[k].other, &owned) == RCP_OK) to = owned;
    if (to) {
      json_t *x = json_pack("{s:s, s:s, s:f, s:s}", "kind", rels[k].kind, "to", to,
                            "score", rels[k].score,
                            "original", rels[k].direction >= 0 ? to : a->ext_id);
      if (!x || json_array_append_new(arr, x) != 0) { rcp__free(owned); json_decref(arr); arr = NULL; break; }
    }
    rcp__free(owned);
  }
  rcp__free(rels);
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
  json_t *ja = json_array();
  for (size_t i = 0; i < na; i++) {
    const rcp_article_row *a = &arts[i];
    json_t *x = json_object();
    json_object_set_new(x, "id", json_string(a->ext_id));
    json_object_set_new(x, "source", str_or_null(a->url ? a->url : a->source));
    json_object_set_new(x, "site", str_or_null(a->site));
    json_object_set_new(x, "title", str_or_null(a->title));
    json_object_set_new(x, "published", str_or_null(a->published));
    json_object_set_new(x, "author", str_or_null(a->author));
    json_object_set_new(x, "credited_source", str_or_null(a->credited_source));
    json_t *rels = relations(ctx, a, arts, na);
    json_object_set_new(x, "relations", rels ? rels : json_array());
    json_array_append_new(ja, x);
  }
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
