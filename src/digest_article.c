/* digest_article.c -- one article as JSON (rcp_article_json): what the web
** UI's article page and /api/articles/ID show.
**
** The object holds the article's metadata and extracted text as stored,
** its story ("story": "s12"), its relations as the story contract lists
** them ("relations", each with the related article's number and name in
** the story: "to_n", "to_name"), and its role in the story's digest
** ("role", "of", "of_n", "of_name", "n": its citation number).  Reads through the store's own functions and
** rcp_story_json, so it shows exactly what the story page shows.
** Not here: any computation; unknown ids are RCP_ENOTFOUND.
*/
#include "recoupe_int.h"

#include <jansson.h> /* json_object, json_dumps */
#include <stdio.h>   /* snprintf */
#include <stdlib.h>  /* free */
#include <string.h>  /* strcmp */

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* The story's entry for article id in arr ("articles" or "sources"). */
static json_t *find_in(json_t *story, const char *arr, const char *key, const char *id) {
  size_t i;
  json_t *x;
  json_array_foreach(json_object_get(story, arr), i, x) {
    json_t *v = json_object_get(x, key);
    if (json_is_string(v) && strcmp(json_string_value(v), id) == 0) return x;
  }
  return NULL;
}

int rcp_article_json(rcp_ctx *ctx, const char *id, int pretty, char **out) {
  *out = NULL;
  if (!ctx || !id) return RCP_EINVAL;
  if (!ctx->store) return rcp__err(ctx, RCP_EINVAL, "articles need a store (--db)");
  int64_t row = rcp__store_find_article(ctx->store, id, NULL);
  if (!row) return rcp__err(ctx, RCP_ENOTFOUND, "no article %s", id);
  rcp_doc *d = NULL;
  int rc = rcp__store_get_article(ctx->store, ctx, row, &d);
  if (rc != RCP_OK) return rc;
  json_t *o = json_object();
  if (!o) { rcp_doc_free(d); return RCP_ENOMEM; }
  json_object_set_new(o, "id", str_or_null(d->id));
  json_object_set_new(o, "source", str_or_null(d->source));
  json_object_set_new(o, "url", str_or_null(d->url));
  json_object_set_new(o, "canonical", str_or_null(d->canonical));
  json_object_set_new(o, "site", str_or_null(d->site));
  json_object_set_new(o, "title", str_or_null(d->title));
  json_object_set_new(o, "author", str_or_null(d->author));
  json_object_set_new(o, "published", str_or_null(d->published));
  json_object_set_new(o, "updated", str_or_null(d->updated));
  json_object_set_new(o, "language", str_or_null(d->language));
  json_object_set_new(o, "credited_source", str_or_null(d->credited_source));
  json_object_set_new(o, "fetched", str_or_null(d->fetched));
  json_object_set_new(o, "text", d->text ? json_stringn(d->text, d->text_len) : json_string(""));
  rcp_doc_free(d);
  /* its story: relations and role as the story shows them */
  char *sj = NULL;
  int src = rcp_story_json(ctx, id, 0, &sj);
  json_t *story = src == RCP_OK ? json_loads(sj, 0, NULL) : NULL;
  free(sj);
  if (src != RCP_OK && src != RCP_ENOTFOUND) { json_decref(o); return src; }
  json_t *rels = NULL;
  if (story) {
    json_object_set(o, "story", json_object_get(story, "id"));
    json_object_set(o, "story_title", json_object_get(story, "title"));
    json_t *a = find_in(story, "articles", "id", id);
    if (a && json_is_array(json_object_get(a, "relations")))
      rels = json_deep_copy(json_object_get(a, "relations"));
    /* each related article's number and name in the story's sources */
    size_t k;
    json_t *x;
    json_array_foreach(rels, k, x) {
      json_t *to = json_object_get(x, "to");
      json_t *ts = json_is_string(to) ? find_in(story, "sources", "article", json_string_value(to)) : NULL;
      if (!ts) continue;
      const char *nm;
      size_t nl = rcp__source_name(ts, &nm);
      json_object_set(x, "to_n", json_object_get(ts, "n"));
      json_object_set_new(x, "to_name", json_stringn(nm, nl));
    }
    json_t *s = find_in(story, "sources", "article", id);
    if (s) {
      json_object_set(o, "n", json_object_get(s, "n"));
      json_object_set(o, "role", json_object_get(s, "role"));
      if (json_object_get(s, "of")) json_object_set(o, "of", json_object_get(s, "of"));
      if (json_object_get(s, "of_n")) json_object_set(o, "of_n", json_object_get(s, "of_n"));
      json_t *os = json_is_string(json_object_get(s, "of"))
                   ? find_in(story, "sources", "article", json_string_value(json_object_get(s, "of"))) : NULL;
      if (os) {
        const char *nm;
        size_t nl = rcp__source_name(os, &nm);
        json_object_set_new(o, "of_name", json_stringn(nm, nl));
      }
    }
    json_decref(story);
  } else {
    json_object_set_new(o, "story", json_null());
  }
  json_object_set_new(o, "relations", rels ? rels : json_array());
  char *t = json_dumps(o, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6) | (pretty ? JSON_INDENT(2) : JSON_COMPACT));
  json_decref(o);
  if (!t) return RCP_ENOMEM;
  *out = t;
  return RCP_OK;
}
