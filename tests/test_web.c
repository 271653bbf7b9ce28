/* test_web.c -- the web UI: request parsing (src/web_query.c) and answers
** over a store built from the fixtures (src/web.c, src/digest_article.c). */
#include "test.h"

#include <jansson.h>
#include <stdlib.h> /* free */

TEST_SUITE(web_parse) {
  static const struct { const char *uri; int status, route; const char *id; } cases[] = {
    { "/", 200, RCP__WEB_INDEX, NULL },
    { "/index.html", 200, RCP__WEB_INDEX, NULL },
    { "/?q=crues+gard&lang=fr&since=2026-10-01&until=2026-10-31&min_sources=2", 200, RCP__WEB_INDEX, NULL },
    { "/?q=&site=&entity=", 200, RCP__WEB_INDEX, NULL },
    { "/stories/s12", 200, RCP__WEB_STORY, "s12" },
    { "/stories/s12/", 200, RCP__WEB_STORY, "s12" },
    { "/articles/a%20b%2Fc", 200, RCP__WEB_ARTICLE, "a b/c" },
    { "/api/stories", 200, RCP__WEB_API_STORIES, NULL },
    { "/api/stories?limit=10&page=2&pretty=1", 200, RCP__WEB_API_STORIES, NULL },
    { "/api/stories/s1", 200, RCP__WEB_API_STORY, "s1" },
    { "/api/articles/x", 200, RCP__WEB_API_ARTICLE, "x" },
    { "/nope", 404, 0, NULL },
    { "/stories/a/b", 404, 0, NULL },
    { "/api", 404, 0, NULL },
    { "", 400, 0, NULL },
    { "stories", 400, 0, NULL },
    { "/?since=2026-13-01", 400, RCP__WEB_INDEX, NULL },
    { "/?since=yesterday", 400, RCP__WEB_INDEX, NULL },
    { "/?since=2026-10-10&until=2026-10-01", 400, RCP__WEB_INDEX, NULL },
    { "/?lang=FR", 400, RCP__WEB_INDEX, NULL },
    { "/?lang=<b>", 400, RCP__WEB_INDEX, NULL },
    { "/?min_sources=-1", 400, RCP__WEB_INDEX, NULL },
    { "/?min_sources=99999999999", 400, RCP__WEB_INDEX, NULL },
    { "/?page=0", 400, RCP__WEB_INDEX, NULL },
    { "/api/stories?limit=100000", 400, RCP__WEB_API_STORIES, NULL },
    { "/?bogus=1", 400, RCP__WEB_INDEX, NULL },
    { "/?q=%ZZ", 400, RCP__WEB_INDEX, NULL },
    { "/?q=%", 400, RCP__WEB_INDEX, NULL },
    { "/?q=%0A", 400, RCP__WEB_INDEX, NULL },
    { "/?q=%FF%FE", 400, RCP__WEB_INDEX, NULL },
    { "/stories/%00", 400, RCP__WEB_STORY, NULL },
    { "/?pretty=2", 400, RCP__WEB_INDEX, NULL },
  };
  TEST("routes, ids and statuses") {
    rcp__web_req *r = malloc(sizeof *r);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      int st = rcp__web_parse(cases[i].uri, strlen(cases[i].uri), r);
      if (st != cases[i].status) fprintf(stderr, "  uri %s: %d %s\n", cases[i].uri, st, r->err);
      CHECK_INT(st, cases[i].status);
      if (cases[i].route) CHECK_INT(r->route, cases[i].route);
      if (cases[i].id && st == 200) CHECK_STR(r->id, cases[i].id);
      if (st != 200) CHECK(r->err[0] != 0);
    }
    free(r);
  }
  TEST("filter values are decoded") {
    rcp__web_req *r = malloc(sizeof *r);
    const char *u = "/?q=Saint-Priest+usine&lang=fr&site=lyon%2Dmatin.example&entity=Claire%20Lemoine"
                    "&since=2026-03-01&min_sources=2&min_articles=3&page=4";
    CHECK_INT(rcp__web_parse(u, strlen(u), r), 200);
    CHECK_STR(r->filter.query, "Saint-Priest usine");
    CHECK_STR(r->filter.language, "fr");
    CHECK_STR(r->filter.site, "lyon-matin.example");
    CHECK_STR(r->filter.entity, "Claire Lemoine");
    CHECK_STR(r->filter.since, "2026-03-01");
    CHECK(r->filter.until == NULL);
    CHECK_INT(r->filter.min_sources, 2);
    CHECK_INT(r->filter.min_articles, 3);
    CHECK_INT(r->page, 4);
    free(r);
  }
  TEST("size cap: 413 over the limit") {
    size_t n = RCP__WEB_URI_MAX + 10;
    char *u = malloc(n + 1);
    memset(u, 'a', n);
    u[0] = '/'; u[1] = '?'; u[2] = 'q'; u[3] = '=';
    u[n] = 0;
    rcp__web_req *r = malloc(sizeof *r);
    CHECK_INT(rcp__web_parse(u, n, r), 413);
    /* a value over the value cap is a 400 */
    CHECK_INT(rcp__web_parse(u, 600, r), 400);
    free(r);
    free(u);
  }
}

/* A store from the fixtures: two stories (French and English). */
static rcp_ctx *web_store(void) {
  char db[512];
  snprintf(db, sizeof db, "%s/web.db", t_tmpdir());
  remove(db);
  rcp_opts o;
  rcp_opts_default(&o);
  o.db_path = db;
  o.threads = 1;
  rcp_ctx *ctx = NULL;
  if (rcp_ctx_open(&ctx, &o, NULL) != RCP_OK) return NULL;
  char p1[512], p2[512];
  snprintf(p1, sizeof p1, "%s", t_path("digest/story-fr.jsonl"));
  snprintf(p2, sizeof p2, "%s", t_path("digest/story-en.jsonl"));
  const char *paths[2] = { p1, p2 };
  rcp_reader *r = NULL;
  rcp_add_stats st;
  memset(&st, 0, sizeof st);
  if (rcp_reader_open(&r, paths, 2, &o, NULL, NULL) != RCP_OK ||
      rcp_add(ctx, r, NULL, NULL, NULL, &st) != RCP_OK) {
    rcp_reader_free(r);
    rcp_ctx_free(ctx);
    return NULL;
  }
  rcp_reader_free(r);
  return ctx;
}

static int get(rcp_ctx *ctx, const char *uri, rcp_buf *b, const char **ctype) {
  rcp__web_req *r = malloc(sizeof *r);
  int status = 0;
  rcp__web_parse(uri, strlen(uri), r);
  rcp__web_respond(ctx, r, &status, ctype, b);
  free(r);
  return status;
}

static bool has(const rcp_buf *b, const char *s) { return b->p && strstr(b->p, s) != NULL; }

TEST_SUITE(web) {
  rcp_ctx *ctx = web_store();
  TEST("store from fixtures") { CHECK(ctx != NULL); }
  if (!ctx) return;
  rcp_buf b;
  rcp__buf_init(&b, 1 << 24);
  const char *ct;
  TEST("story list, filters, search") {
    CHECK_INT(get(ctx, "/", &b, &ct), 200);
    CHECK(strncmp(ct, "text/html", 9) == 0);
    CHECK(has(&b, "Saint-Priest"));
    CHECK(has(&b, "Old Mill"));
    CHECK(has(&b, "<form class=\"filters\""));
    CHECK(!has(&b, "<script"));
    CHECK_INT(get(ctx, "/?lang=en", &b, &ct), 200);
    CHECK(has(&b, "Old Mill"));
    CHECK(!has(&b, "Saint-Priest"));
    CHECK_INT(get(ctx, "/?q=usine", &b, &ct), 200);
    CHECK(has(&b, "Saint-Priest"));
    CHECK(!has(&b, "Old Mill"));
    /* search folds ASCII case; % and _ are characters, not wildcards */
    CHECK_INT(get(ctx, "/?q=USINE", &b, &ct), 200);
    CHECK(has(&b, "Saint-Priest"));
    CHECK_INT(get(ctx, "/?q=_", &b, &ct), 200);
    CHECK(!has(&b, "Saint-Priest") && !has(&b, "Old Mill"));
    CHECK_INT(get(ctx, "/?q=%25", &b, &ct), 200);
    CHECK(!has(&b, "Saint-Priest") && !has(&b, "Old Mill"));
    CHECK_INT(get(ctx, "/?entity=saint-priest", &b, &ct), 200);
    CHECK(has(&b, "Saint-Priest") && !has(&b, "Old Mill"));
    CHECK_INT(get(ctx, "/?entity=%25", &b, &ct), 200);
    CHECK(!has(&b, "Saint-Priest") && !has(&b, "Old Mill"));
    CHECK_INT(get(ctx, "/?since=2026-05-01", &b, &ct), 200);
    CHECK(!has(&b, "Saint-Priest"));
    CHECK_INT(get(ctx, "/?q=%3Cscript%3E", &b, &ct), 200);
    CHECK(!has(&b, "<script>"));
    CHECK(has(&b, "&lt;script&gt;"));
    CHECK_INT(get(ctx, "/?lang=xx1", &b, &ct), 400);
    CHECK(has(&b, "lang must be"));
  }
  TEST("story list: light query, newest first, lead is the first key point") {
    CHECK_INT(get(ctx, "/api/stories?lang=en", &b, &ct), 200);
    json_t *arr = json_loads(b.p, 0, NULL);
    json_t *kp = json_object_get(json_array_get(arr, 0), "key_points");
    const char *lead = json_string_value(json_object_get(json_array_get(kp, 0), "text"));
    CHECK(lead != NULL);
    rcp_buf e;
    rcp__buf_init(&e, 1 << 16);
    if (lead) rcp__buf_html(&e, lead, strlen(lead));
    CHECK_INT(get(ctx, "/", &b, &ct), 200);
    CHECK(e.p && has(&b, e.p));
    rcp__buf_free(&e);
    json_decref(arr);
    /* the English story (May 2026) before the French one (March 2026) */
    const char *en = strstr(b.p, "Old Mill"), *fr = strstr(b.p, "Saint-Priest");
    CHECK(en && fr && en < fr);
    CHECK(has(&b, "independent source"));
    CHECK(has(&b, "sources indépendantes"));
    CHECK(has(&b, "href=\"/stories/s"));
    CHECK_INT(get(ctx, "/?page=2", &b, &ct), 200);
    CHECK(!has(&b, "Old Mill"));
    CHECK(has(&b, "rel=\"prev\""));
    CHECK_INT(get(ctx, "/?min_articles=4", &b, &ct), 200);
    CHECK(has(&b, "Saint-Priest"));
    CHECK(!has(&b, "Old Mill"));
  }
  TEST("story page and article page") {
    CHECK_INT(get(ctx, "/api/stories?lang=fr", &b, &ct), 200);
    json_t *arr = json_loads(b.p, 0, NULL);
    CHECK(json_array_size(arr) >= 1);
    const char *sid = json_string_value(json_object_get(json_array_get(arr, 0), "id"));
    char u[300];
    snprintf(u, sizeof u, "/stories/%s", sid ? sid : "none");
    CHECK_INT(get(ctx, u, &b, &ct), 200);
    CHECK(has(&b, "<h2>Points clés</h2>"));
    CHECK(has(&b, "<svg class=\"pubtime\""));
    CHECK(has(&b, "<svg class=\"copygraph\""));
    CHECK(has(&b, "href=\"/articles/fr-a1\""));
    json_decref(arr);
    CHECK_INT(get(ctx, "/articles/fr-a1", &b, &ct), 200);
    CHECK(has(&b, "Incendie dans une usine"));
    CHECK(has(&b, "lyon-matin.example"));
    CHECK(has(&b, "href=\"/stories/"));
    /* the copy's page: its role and relation in words, with the other's
    ** number and name; dates written out */
    CHECK_INT(get(ctx, "/articles/fr-a2", &b, &ct), 200);
    CHECK(has(&b, "copie de</span> <a href=\"/articles/fr-a1\">[1] lyon-matin.example</a>"));
    CHECK(has(&b, "<li>copie de <a href=\"/articles/fr-a1\">[1] lyon-matin.example</a>"));
    CHECK(has(&b, "9 mars 2026"));
    CHECK_INT(get(ctx, "/articles/fr-a1", &b, &ct), 200);
    CHECK(has(&b, "copié par <a href=\"/articles/fr-a2\">[2] info-rapide.example</a>"));
    CHECK_INT(get(ctx, "/stories/s999999", &b, &ct), 404);
    CHECK_INT(get(ctx, "/articles/nope", &b, &ct), 404);
  }
  TEST("JSON API") {
    CHECK_INT(get(ctx, "/api/stories", &b, &ct), 200);
    CHECK(strncmp(ct, "application/json", 16) == 0);
    json_t *arr = json_loads(b.p, 0, NULL);
    CHECK_INT(json_array_size(arr), 2);
    json_decref(arr);
    CHECK_INT(get(ctx, "/api/stories?limit=1", &b, &ct), 200);
    arr = json_loads(b.p, 0, NULL);
    CHECK_INT(json_array_size(arr), 1);
    json_decref(arr);
    CHECK_INT(get(ctx, "/api/articles/en-b1", &b, &ct), 200);
    json_t *a = json_loads(b.p, 0, NULL);
    CHECK_STR(json_string_value(json_object_get(a, "id")), "en-b1");
    CHECK(json_is_string(json_object_get(a, "text")));
    CHECK(json_is_string(json_object_get(a, "story")));
    CHECK(json_is_array(json_object_get(a, "relations")));
    json_decref(a);
    CHECK_INT(get(ctx, "/api/stories/nope", &b, &ct), 404);
    CHECK(has(&b, "\"error\""));
    CHECK_INT(get(ctx, "/api/stories?since=bad", &b, &ct), 400);
    CHECK(strncmp(ct, "application/json", 16) == 0);
  }
  rcp__buf_free(&b);
  rcp_ctx_free(ctx);
}

/* Hostile text in every field a page shows: nothing comes out as markup. */
TEST_SUITE(web_escape) {
  char jl[512], db[512];
  snprintf(jl, sizeof jl, "%s/hostile.jsonl", t_tmpdir());
  snprintf(db, sizeof db, "%s/hostile.db", t_tmpdir());
  remove(db);
  FILE *f = fopen(jl, "wb");
  if (f) {
    fputs("{\"id\": \"x<b>1\", \"site\": \"<img src=x onerror=alert(1)>.example\", \"url\": \"javascript:alert(1)\","
          " \"published\": \"2026-05-04T18:00:00Z\", \"language\": \"en\","
          " \"title\": \"<script>alert(1)</script> & \\\"quotes\\\"\","
          " \"text\": \"The council of <b>Northbridge</b> voted on Monday to close the"
          " Old Mill bridge after engineers found deep cracks in two of its pillars. The closure will last at least"
          " six months, the council said on Tuesday evening.\\n\\nBuses will be diverted through the ring road,"
          " adding about ten minutes to journeys into the centre <script>alert(2)</script>. Mayor Ellen Park said"
          " safety had to come first for everyone.\"}\n", f);
    fclose(f);
  }
  rcp_opts o;
  rcp_opts_default(&o);
  o.db_path = db;
  o.threads = 1;
  rcp_ctx *ctx = NULL;
  rcp_reader *r = NULL;
  rcp_add_stats st;
  memset(&st, 0, sizeof st);
  const char *paths[1] = { jl };
  bool ok = f && rcp_ctx_open(&ctx, &o, NULL) == RCP_OK && rcp_reader_open(&r, paths, 1, &o, NULL, NULL) == RCP_OK &&
            rcp_add(ctx, r, NULL, NULL, NULL, &st) == RCP_OK;
  rcp_reader_free(r);
  TEST("store with hostile text") { CHECK(ok); }
  if (ok) {
    rcp_buf b;
    rcp__buf_init(&b, 1 << 22);
    const char *ct;
    static const char *const pages[] = { "/", "/stories/s1", "/articles/x%3Cb%3E1", "/?q=%3Cscript%3E" };
    TEST("pages escape every field; no javascript: link") {
      for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        CHECK_INT(get(ctx, pages[i], &b, &ct), 200);
        CHECK(!has(&b, "<script"));
        CHECK(!has(&b, "<img"));
        CHECK(!has(&b, "<b>"));
        CHECK(!has(&b, "<i>"));
        CHECK(!has(&b, "href=\"javascript:"));
        if (i < 3) CHECK(has(&b, "&lt;script&gt;"));
      }
      CHECK_INT(get(ctx, "/articles/x%3Cb%3E1", &b, &ct), 200);
      CHECK(has(&b, "&lt;img src=x onerror=alert(1)&gt;.example"));
      /* the JSON API escapes for JSON: the text is a string, not markup */
      CHECK_INT(get(ctx, "/api/articles/x%3Cb%3E1", &b, &ct), 200);
      json_t *a = json_loads(b.p, 0, NULL);
      CHECK(a && strstr(json_string_value(json_object_get(a, "title")), "<script>") != NULL);
      json_decref(a);
    }
    rcp__buf_free(&b);
  }
  rcp_ctx_free(ctx);
}
