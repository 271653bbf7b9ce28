/* web.c -- the local web UI (`recoupe serve`): libmicrohttpd in front of
** the story contract and the HTML renderings.
**
**   /                     story list with filters (date range, language,
**                         site, entity, minimum sources) and search, paged
**   /stories/ID           story page (digest, SVG pictures, sources)
**   /articles/ID          article page (metadata, relations, text)
**   /api/stories          JSON array (same filters; limit, page)
**   /api/stories/ID       one story (JSON contract)
**   /api/articles/ID      one article (rcp_article_json)
**
** The request target goes through rcp__web_parse (pure, fuzzed) before
** anything reads the store: 400 with a message for bad parameters, 404 for
** unknown paths and ids, 413 over the size cap, 405 for other methods.
** The daemon runs one internal thread, so the context and its SQLite
** connection are used by one thread at a time; the store is in WAL mode, so
** pages read while `recoupe add` writes.  Binds 127.0.0.1 unless told.
** Every page is self-contained (inline style, no script, no external
** resource) and sent with a Content-Security-Policy that forbids scripts.
*/
#include "recoupe_int.h"

#include <arpa/inet.h>   /* inet_pton, htons */
#include <jansson.h>     /* json_loads */
#include <microhttpd.h>  /* MHD_start_daemon */
#include <netinet/in.h>  /* sockaddr_in */
#include <stdio.h>       /* snprintf */
#include <stdlib.h>      /* free */
#include <string.h>      /* memset, strlen */
#include <time.h>        /* nanosleep */

#define BODY_MAX ((size_t)64 << 20)
#define UPLOAD_MAX ((size_t)64 << 10)

/* ================================================================== */
/* Pages                                                              */
/* ================================================================== */

static void h(rcp_buf *b, const char *s) { if (s) rcp__buf_html(b, s, strlen(s)); }

static const char *str_of(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static int error_page(rcp_buf *b, int status, const char *msg) {
  rcp__buf_reset(b);
  char t[32];
  snprintf(t, sizeof t, "%d", status);
  rcp__html_page_begin(b, t, "en", 1);
  rcp__buf_printf(b, "<h1>%d</h1>\n<p class=\"err\">", status);
  h(b, msg);
  rcp__buf_adds(b, "</p>\n<p><a href=\"/\">Stories</a></p>\n");
  rcp__html_page_end(b);
  return b->err;
}

/* A query string for the current filters, with one page number. */
static void query_of(rcp_buf *b, const rcp_story_filter *f, int page) {
  static const char *const names[] = { "since", "until", "lang", "site", "entity", "q" };
  const char *vals[] = { f->since, f->until, f->language, f->site, f->entity, f->query };
  char sep = '?';
  for (int i = 0; i < 6; i++) {
    if (!vals[i]) continue;
    rcp__buf_addc(b, sep); sep = '&';
    rcp__buf_adds(b, names[i]);
    rcp__buf_addc(b, '=');
    for (const unsigned char *p = (const unsigned char *)vals[i]; *p; p++) {
      if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
          *p == '-' || *p == '_' || *p == '.')
        rcp__buf_addc(b, (char)*p);
      else rcp__buf_printf(b, "%%%02X", *p);
    }
  }
  if (f->min_sources) { rcp__buf_printf(b, "%cmin_sources=%d", sep, f->min_sources); sep = '&'; }
  if (f->min_articles) { rcp__buf_printf(b, "%cmin_articles=%d", sep, f->min_articles); sep = '&'; }
  if (page > 1) rcp__buf_printf(b, "%cpage=%d", sep, page);
}

static void input(rcp_buf *b, const char *type, const char *name, const char *label, const char *val) {
  /* a date field shows no placeholder: its label is written beside it */
  bool date = strcmp(type, "date") == 0;
  if (date) rcp__buf_printf(b, "<label>%s ", label);
  rcp__buf_printf(b, "<input type=\"%s\" name=\"%s\" aria-label=\"%s\" placeholder=\"%s\" value=\"", type, name, label, label);
  h(b, val);
  rcp__buf_adds(b, date ? "\"></label>" : "\">");
}

static int index_page(rcp_ctx *ctx, const rcp__web_req *r, int *status, rcp_buf *b) {
  rcp_story_filter f = r->filter;
  f.limit = RCP__WEB_PAGE + 1;             /* one more: is there a next page? */
  f.offset = (r->page - 1) * RCP__WEB_PAGE;
  char *js = NULL;
  if (!ctx->store) return rcp__err(ctx, RCP_EINVAL, "stories need a store (--db)");
  /* the light list query: what the list shows, not the whole contract */
  int rc = rcp__store_story_briefs(ctx->store, &f, &js);
  if (rc == RCP_EINVAL) { *status = 400; return error_page(b, 400, "bad date in the filter (want YYYY-MM-DD)"); }
  if (rc != RCP_OK) return rc;
  json_t *arr = json_loads(js, 0, NULL);
  rcp__free(js);
  if (!json_is_array(arr)) { json_decref(arr); return RCP_EPARSE; }
  bool more = json_array_size(arr) > RCP__WEB_PAGE;
  if (more) json_array_remove(arr, RCP__WEB_PAGE);
  rcp__html_page_begin(b, "recoupe", "en", 1);
  rcp__buf_adds(b, "<h1>Stories</h1>\n<form class=\"filters\" method=\"get\" action=\"/\">");
  input(b, "search", "q", "Search", r->filter.query);
  input(b, "date", "since", "Since", r->filter.since);
  input(b, "date", "until", "Until", r->filter.until);
  rcp__buf_adds(b, "<select name=\"lang\" aria-label=\"Language\"><option value=\"\">any language</option>");
  static const char *const langs[][2] = { { "fr", "français" }, { "en", "English" } };
  for (int i = 0; i < 2; i++)
    rcp__buf_printf(b, "<option value=\"%s\"%s>%s</option>", langs[i][0],
                    r->filter.language && strcmp(r->filter.language, langs[i][0]) == 0 ? " selected" : "", langs[i][1]);
  rcp__buf_adds(b, "</select>");
  input(b, "text", "site", "Site", r->filter.site);
  input(b, "text", "entity", "Person, place, organisation", r->filter.entity);
  char ms[16] = "";
  if (r->filter.min_sources) snprintf(ms, sizeof ms, "%d", r->filter.min_sources);
  rcp__buf_adds(b, "<input type=\"number\" min=\"0\" name=\"min_sources\" aria-label=\"Minimum sources\" "
                   "placeholder=\"min. sources\" value=\"");
  h(b, ms);
  rcp__buf_adds(b, "\"><button type=\"submit\">Filter</button></form>\n");
  rcp__html_story_list(b, arr, 1);   /* in the query's order */
  if (r->page > 1 || more) {
    rcp__buf_adds(b, "<p class=\"pager\">");
    if (r->page > 1) { rcp__buf_adds(b, "<a rel=\"prev\" href=\"/"); query_of(b, &r->filter, r->page - 1); rcp__buf_adds(b, "\">← newer</a> "); }
    if (more) { rcp__buf_adds(b, "<a rel=\"next\" href=\"/"); query_of(b, &r->filter, r->page + 1); rcp__buf_adds(b, "\">older →</a>"); }
    rcp__buf_adds(b, "</p>\n");
  }
  rcp__html_page_end(b);
  json_decref(arr);
  return b->err;
}

static int story_page(rcp_ctx *ctx, const rcp__web_req *r, int *status, rcp_buf *b) {
  char *js = NULL;
  int rc = rcp_story_json(ctx, r->id, 0, &js);
  if (rc == RCP_ENOTFOUND || rc == RCP_EINVAL) { *status = 404; return error_page(b, 404, "no such story"); }
  if (rc != RCP_OK) return rc;
  json_t *s = json_loads(js, 0, NULL);
  free(js);
  if (!s) return RCP_EPARSE;
  /* related stories by their title and date, read from their rows (a
  ** storyline holds a few) */
  size_t i;
  json_t *k;
  json_array_foreach(json_object_get(s, "related_stories"), i, k) {
    const char *rid = str_of(k, "id");
    if (i >= 8 || !rid || rid[0] != 's') continue;
    char *end;
    long long n = strtoll(rid + 1, &end, 10);
    rcp_story_row row;
    if (*end || n <= 0 || rcp__store_story_get(ctx->store, (int64_t)n, &row) != RCP_OK) continue;
    json_t *d = row.digest ? json_loads(row.digest, 0, NULL) : NULL;
    const char *t = str_of(d, "title") ? str_of(d, "title") : row.title;
    if (t) json_object_set_new(k, "title", json_string(t));
    if (str_of(d, "event_date")) json_object_set_new(k, "event_date", json_string(str_of(d, "event_date")));
    json_decref(d);
    rcp__free(row.title); rcp__free(row.language); rcp__free(row.digest);
  }
  rcp__html_page_begin(b, str_of(s, "title") ? str_of(s, "title") : r->id, str_of(s, "language"), 1);
  rc = rcp__html_story(b, s, 1);
  rcp__buf_adds(b, "<p class=\"meta\"><a href=\"/api/stories/");
  rcp__html_id_path(b, str_of(s, "id") ? str_of(s, "id") : r->id, 1);
  rcp__buf_adds(b, "\">JSON</a></p>\n");
  rcp__html_page_end(b);
  json_decref(s);
  return rc ? rc : b->err;
}

/* "copie de" / "copy of" (dir 0: this page derives from the other), or
** "copié par" / "copied by" (dir 1: the other derives from this one). */
static const char *rel_label(const char *kind, const char *lang, int dir) {
  static const struct { const char *kind, *fr0, *en0, *fr1, *en1; } t[] = {
    { "duplicate", "copie de", "copy of", "copié par", "copied by" },
    { "near_duplicate", "copie de", "copy of", "copié par", "copied by" },
    { "copy", "copie de", "copy of", "copié par", "copied by" },
    { "rewrite", "réécriture de", "rewrite of", "réécrit par", "rewritten by" },
    { "update", "mise à jour de", "update of", "mis à jour par", "updated by" },
    { "contains", "mise à jour de", "update of", "mis à jour par", "updated by" },
    { "translation", "traduction de", "translation of", "traduit par", "translated by" },
  };
  bool fr = lang && strncmp(lang, "fr", 2) == 0;
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
    if (strcmp(kind, t[i].kind) == 0) return dir ? (fr ? t[i].fr1 : t[i].en1) : (fr ? t[i].fr0 : t[i].en0);
  return kind;
}

static int article_page(rcp_ctx *ctx, const rcp__web_req *r, int *status, rcp_buf *b) {
  char *js = NULL;
  int rc = rcp_article_json(ctx, r->id, 0, &js);
  if (rc == RCP_ENOTFOUND || rc == RCP_EINVAL) { *status = 404; return error_page(b, 404, "no such article"); }
  if (rc != RCP_OK) return rc;
  json_t *a = json_loads(js, 0, NULL);
  free(js);
  if (!a) return RCP_EPARSE;
  const char *lang = str_of(a, "language");
  bool fr = lang && strncmp(lang, "fr", 2) == 0;
  const char *title = str_of(a, "title") ? str_of(a, "title") : r->id;
  const rcp__labels *L = rcp__labels_for(lang);
  rcp__html_page_begin(b, title, lang, 1);
  rcp__buf_adds(b, "<article class=\"doc\"><h1>");
  h(b, title);
  rcp__buf_adds(b, "</h1>\n<table class=\"kv\">\n");
  static const char *const keys[][3] = {
    { "site", "Site", "Site" }, { "author", "Auteur", "Author" }, { "published", "Publié", "Published" },
    { "updated", "Mis à jour", "Updated" }, { "language", "Langue", "Language" },
    { "credited_source", "Source créditée", "Credited source" }, { "url", "URL", "URL" },
    { "source", "Fichier", "Read from" }, { "id", "Identifiant", "Id" } };
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
    const char *v = str_of(a, keys[i][0]);
    if (!v) continue;
    rcp__buf_printf(b, "<tr><td>%s</td><td>", fr ? keys[i][1] : keys[i][2]);
    char when[64] = "";
    if (strcmp(keys[i][0], "published") == 0 || strcmp(keys[i][0], "updated") == 0)
      rcp__fmt_date_short(v, lang, when, sizeof when);
    if (when[0]) {
      rcp__buf_adds(b, "<time datetime=\""); h(b, v); rcp__buf_adds(b, "\">"); h(b, when); rcp__buf_adds(b, "</time>");
    } else if (strncmp(v, "http://", 7) == 0 || strncmp(v, "https://", 8) == 0) {
      rcp__buf_adds(b, "<a href=\""); h(b, v); rcp__buf_adds(b, "\" rel=\"noopener\">"); h(b, v); rcp__buf_adds(b, "</a>");
    } else h(b, v);
    rcp__buf_adds(b, "</td></tr>\n");
  }
  const char *story = str_of(a, "story");
  if (story) {
    rcp__buf_printf(b, "<tr><td>%s</td><td><a href=\"/stories/", fr ? "Histoire" : "Story");
    rcp__html_id_path(b, story, 1);
    rcp__buf_adds(b, "\">");
    h(b, str_of(a, "story_title") ? str_of(a, "story_title") : story);
    rcp__buf_adds(b, "</a>");
    json_t *n = json_object_get(a, "n");
    rcp__buf_adds(b, "<br>");
    if (json_is_integer(n)) rcp__buf_printf(b, "[%lld] ", (long long)json_integer_value(n));
    const char *role = str_of(a, "role");
    const char *of = str_of(a, "of");
    if (role) {
      rcp__buf_adds(b, "<span class=\"role "); h(b, role); rcp__buf_adds(b, "\">");
      h(b, of ? rel_label(role, lang, 0) : L->original);
      rcp__buf_adds(b, "</span>");
    }
    if (of) {
      rcp__buf_adds(b, " <a href=\"/articles/");
      rcp__html_id_path(b, of, 1);
      rcp__buf_adds(b, "\">");
      json_t *on = json_object_get(a, "of_n");
      if (json_is_integer(on)) rcp__buf_printf(b, "[%lld] ", (long long)json_integer_value(on));
      h(b, str_of(a, "of_name") ? str_of(a, "of_name") : of);
      rcp__buf_adds(b, "</a>");
    }
    rcp__buf_adds(b, "</td></tr>\n");
  }
  rcp__buf_adds(b, "</table>\n");
  json_t *rels = json_object_get(a, "relations");
  if (json_array_size(rels)) {
    rcp__buf_printf(b, "<h2>%s</h2>\n<ul>\n", fr ? "Relations" : "Relations");
    size_t i;
    json_t *x;
    json_array_foreach(rels, i, x) {
      const char *to = str_of(x, "to"), *orig = str_of(x, "original"), *kind = str_of(x, "kind");
      /* "copie de" when the other page is the original, "copié par" when
      ** this one is; the relation's own name when neither is known */
      int dir = orig && to && strcmp(orig, to) == 0 ? 0 : orig && strcmp(orig, r->id) == 0 ? 1 : -1;
      rcp__buf_adds(b, "<li>");
      h(b, dir >= 0 && kind ? rel_label(kind, lang, dir) : kind);
      if (to) {
        rcp__buf_adds(b, " <a href=\"/articles/"); rcp__html_id_path(b, to, 1); rcp__buf_adds(b, "\">");
        json_t *tn = json_object_get(x, "to_n");
        if (json_is_integer(tn)) rcp__buf_printf(b, "[%lld] ", (long long)json_integer_value(tn));
        h(b, str_of(x, "to_name") ? str_of(x, "to_name") : to);
        rcp__buf_adds(b, "</a>");
      }
      json_t *sc = json_object_get(x, "score");
      if (json_is_number(sc)) rcp__buf_printf(b, " <span class=\"meta\">(score %.2f)</span>", json_number_value(sc));
      rcp__buf_adds(b, "</li>\n");
    }
    rcp__buf_adds(b, "</ul>\n");
  }
  rcp__buf_printf(b, "<h2>%s</h2>\n<div class=\"text\">\n", fr ? "Texte" : "Text");
  const char *t = str_of(a, "text");
  for (const char *p = t; p && *p;) {
    const char *e = strstr(p, "\n\n");
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n) { rcp__buf_adds(b, "<p>"); rcp__buf_html(b, p, n); rcp__buf_adds(b, "</p>\n"); }
    p += n;
    while (*p == '\n') p++;
  }
  rcp__buf_adds(b, "</div></article>\n<p class=\"meta\"><a href=\"/api/articles/");
  rcp__html_id_path(b, r->id, 1);
  rcp__buf_adds(b, "\">JSON</a></p>\n");
  rcp__html_page_end(b);
  json_decref(a);
  return b->err;
}

static int api(rcp_ctx *ctx, const rcp__web_req *r, int *status, rcp_buf *b) {
  char *js = NULL;
  int rc;
  if (r->route == RCP__WEB_API_STORIES) {
    rcp_story_filter f = r->filter;
    f.limit = r->limit ? r->limit : 100;
    f.offset = (r->page - 1) * f.limit;
    rc = rcp_stories_json(ctx, &f, r->pretty, &js);
    if (rc == RCP_EINVAL) *status = 400;
  } else if (r->route == RCP__WEB_API_STORY) {
    rc = rcp_story_json(ctx, r->id, r->pretty, &js);
    if (rc == RCP_ENOTFOUND || rc == RCP_EINVAL) *status = 404;
  } else {
    rc = rcp_article_json(ctx, r->id, r->pretty, &js);
    if (rc == RCP_ENOTFOUND || rc == RCP_EINVAL) *status = 404;
  }
  if (*status != 200) {
    free(js);
    rcp__buf_reset(b);
    rcp__buf_adds(b, "{\"error\":");
    const char *m = *status == 404 ? "not found" : rcp_errmsg(ctx);
    rcp__buf_json_str(b, m, strlen(m));
    rcp__buf_adds(b, "}\n");
    return b->err;
  }
  if (rc != RCP_OK) return rc;
  rcp__buf_adds(b, js);
  rcp__buf_addc(b, '\n');
  free(js);
  return b->err;
}

int rcp__web_respond(rcp_ctx *ctx, const rcp__web_req *r, int *status, const char **ctype, rcp_buf *b) {
  bool json = r->route == RCP__WEB_API_STORIES || r->route == RCP__WEB_API_STORY ||
              r->route == RCP__WEB_API_ARTICLE;
  *ctype = json ? "application/json; charset=utf-8" : "text/html; charset=utf-8";
  *status = r->status;
  rcp__buf_reset(b);
  if (r->status != 200) {
    if (json || r->route == 0) {
      if (!json) return error_page(b, r->status, r->err);
      rcp__buf_adds(b, "{\"error\":");
      rcp__buf_json_str(b, r->err, strlen(r->err));
      rcp__buf_adds(b, "}\n");
      return b->err;
    }
    return error_page(b, r->status, r->err);
  }
  int rc;
  switch (r->route) {
    case RCP__WEB_INDEX: rc = index_page(ctx, r, status, b); break;
    case RCP__WEB_STORY: rc = story_page(ctx, r, status, b); break;
    case RCP__WEB_ARTICLE: rc = article_page(ctx, r, status, b); break;
    default: rc = api(ctx, r, status, b); break;
  }
  if (rc != RCP_OK) {
    *status = 500;
    *ctype = "text/html; charset=utf-8";
    error_page(b, 500, rcp_errmsg(ctx)[0] ? rcp_errmsg(ctx) : rcp_strerror(rc));
  }
  return RCP_OK;
}

/* ================================================================== */
/* HTTP (libmicrohttpd)                                               */
/* ================================================================== */

typedef struct conn {
  char *uri;          /* owned: the raw request target, capped */
  size_t urilen;
  bool toolong;
  size_t upload;      /* request body bytes seen */
} conn;

typedef struct server {
  rcp_ctx *ctx;
  rcp_buf body;
} server;

/* Called by MHD with the raw request target, before it decodes anything. */
static void *uri_log(void *cls, const char *uri, struct MHD_Connection *c) {
  (void)cls; (void)c;
  conn *k = rcp__calloc(1, sizeof *k);
  if (!k) return NULL;
  size_t n = uri ? strlen(uri) : 0;
  if (n > RCP__WEB_URI_MAX) { k->toolong = true; n = 0; }
  k->uri = rcp__strndup(uri ? uri : "", n);
  k->urilen = n;
  return k;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t) {
  (void)cls; (void)c; (void)t;
  conn *k = *con_cls;
  if (k) { rcp__free(k->uri); rcp__free(k); }
  *con_cls = NULL;
}

static enum MHD_Result send_resp(struct MHD_Connection *c, int status, const char *ctype, const char *p, size_t n) {
  struct MHD_Response *resp = MHD_create_response_from_buffer(n, (void *)(uintptr_t)p, MHD_RESPMEM_MUST_COPY);
  if (!resp) return MHD_NO;
  MHD_add_response_header(resp, "Content-Type", ctype);
  MHD_add_response_header(resp, "Content-Security-Policy",
                          "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(resp, "Cache-Control", "no-store");
  enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, resp);
  MHD_destroy_response(resp);
  return ret;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *upload_data, size_t *upload_size,
                               void **con_cls) {
  (void)url; (void)version; (void)upload_data;
  server *sv = cls;
  conn *k = *con_cls;
  if (!k) return MHD_NO;
  /* request body: counted and dropped; only its size matters */
  if (*upload_size) {
    k->upload += *upload_size;
    *upload_size = 0;
    return MHD_YES;
  }
  /* a declared body over the cap is refused before it is read */
  const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
  if (cl && strtoull(cl, NULL, 10) > UPLOAD_MAX) k->upload = UPLOAD_MAX + 1;
  rcp__web_req *r = rcp__malloc(sizeof *r);
  if (!r) return MHD_NO;
  int status;
  const char *ctype;
  if (k->toolong || k->upload > UPLOAD_MAX) {
    memset(r, 0, sizeof *r);
    r->status = 413;
    snprintf(r->err, sizeof r->err, "%s", k->toolong ? "request target too long" : "request body too large");
  } else if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
    memset(r, 0, sizeof *r);
    r->status = 405;
    snprintf(r->err, sizeof r->err, "only GET is served");
  } else {
    rcp__web_parse(k->uri, k->urilen, r);
  }
  rcp__web_respond(sv->ctx, r, &status, &ctype, &sv->body);
  rcp__free(r);
  enum MHD_Result ret;
  if (sv->body.err) {
    rcp__buf_reset(&sv->body);
    ret = send_resp(c, 500, "text/plain; charset=utf-8", "out of memory\n", 14);
  } else {
    ret = send_resp(c, status, ctype, sv->body.p ? sv->body.p : "", sv->body.n);
  }
  if (sv->body.cap > ((size_t)4 << 20)) rcp__buf_free(&sv->body);   /* keep memory small */
  else rcp__buf_reset(&sv->body);
  return ret;
}

int rcp_serve(rcp_ctx *ctx, const char *bind, int port, volatile int *stop, rcp_ready_fn ready, void *ud) {
  if (!ctx || !stop) return RCP_EINVAL;
  if (!ctx->store) return rcp__err(ctx, RCP_EINVAL, "serve needs a store (--db)");
  if (port < 0 || port > 65535) return rcp__err(ctx, RCP_EINVAL, "port must be 0..65535");
  if (!bind || !bind[0]) bind = "127.0.0.1";
  struct sockaddr_in a4;
  struct sockaddr_in6 a6;
  memset(&a4, 0, sizeof a4);
  memset(&a6, 0, sizeof a6);
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL;
  const struct sockaddr *sa;
  if (inet_pton(AF_INET, bind, &a4.sin_addr) == 1) {
    a4.sin_family = AF_INET;
    a4.sin_port = htons((uint16_t)port);
    sa = (const struct sockaddr *)&a4;
  } else if (inet_pton(AF_INET6, bind, &a6.sin6_addr) == 1) {
    a6.sin6_family = AF_INET6;
    a6.sin6_port = htons((uint16_t)port);
    sa = (const struct sockaddr *)&a6;
    flags |= MHD_USE_IPv6;
  } else {
    return rcp__err(ctx, RCP_EINVAL, "bind address %s is not an IPv4 or IPv6 address", bind);
  }
  server sv;
  sv.ctx = ctx;
  rcp__buf_init(&sv.body, BODY_MAX);
  struct MHD_Daemon *d = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, handler, &sv,
      MHD_OPTION_SOCK_ADDR, sa,
      MHD_OPTION_URI_LOG_CALLBACK, uri_log, NULL,
      MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 << 10,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned)64,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
      MHD_OPTION_END);
  if (!d) {
    rcp__buf_free(&sv.body);
    return rcp__err(ctx, RCP_EIO, "cannot listen on %s port %d (in use, or not allowed)", bind, port);
  }
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  int bound = info ? (int)info->port : port;
  if (ready) ready(ud, bind, bound);
  struct timespec ts = { 0, 50 * 1000 * 1000 };
  while (!*stop) nanosleep(&ts, NULL);
  MHD_stop_daemon(d);
  rcp__buf_free(&sv.body);
  return RCP_OK;
}
