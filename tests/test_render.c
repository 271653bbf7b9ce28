/* test_render.c -- Markdown, HTML and the static site from story JSON
** (src/render_md.c, src/render_html.c, src/render_svg.c, src/render_site.c). */
#include "test.h"

#include <jansson.h>
#include <stdlib.h> /* free, getenv */
#include <sys/stat.h> /* stat */

/* Story objects as stories.c and the digest make them, from fixtures. */
static size_t rd_load(const char *rel, rcp_doc **docs, size_t max) {
  FILE *f = fopen(t_path(rel), "rb");
  if (!f) return 0;
  char line[16384];
  size_t n = 0;
  while (n < max && fgets(line, sizeof line, f)) {
    json_t *o = json_loads(line, 0, NULL);
    if (!o) continue;
    rcp_page p;
    memset(&p, 0, sizeof p);
    p.id = json_string_value(json_object_get(o, "id"));
    p.source = rel;
    p.url = json_string_value(json_object_get(o, "url"));
    p.published = json_string_value(json_object_get(o, "published"));
    p.title = json_string_value(json_object_get(o, "title"));
    p.site = json_string_value(json_object_get(o, "site"));
    p.language = json_string_value(json_object_get(o, "language"));
    p.body = json_string_value(json_object_get(o, "text"));
    p.body_len = p.body ? strlen(p.body) : 0;
    if (p.body && rcp_doc_process(NULL, &p, &docs[n]) == RCP_OK) n++;
    json_decref(o);
  }
  fclose(f);
  return n;
}

static json_t *story_of(const char *rel, const char *id, rcp_story_rel *rels, size_t nrels) {
  rcp_doc *docs[8] = { 0 };
  size_t n = rd_load(rel, docs, 8);
  rcp_story_view v;
  memset(&v, 0, sizeof v);
  v.docs = docs; v.ndocs = n; v.rels = rels; v.nrels = nrels;
  json_t *o = json_object();
  json_object_set_new(o, "id", json_string(id));
  json_t *arts = json_array();
  for (size_t i = 0; i < n; i++) {
    json_t *a = json_object();
    json_object_set_new(a, "id", json_string(docs[i]->id));
    json_object_set_new(a, "source", json_string(docs[i]->url));
    json_object_set_new(a, "site", json_string(docs[i]->site));
    json_object_set_new(a, "published", json_string(docs[i]->published));
    json_array_append_new(arts, a);
  }
  json_object_set_new(o, "articles", arts);
  if (n) json_object_set_new(o, "last_published", json_string(docs[n - 1]->published));
  rcp__digest(NULL, &v, o);
  for (size_t i = 0; i < n; i++) rcp_doc_free(docs[i]);
  return o;
}

/* Facts keys as the facts stage writes them, with hostile text. */
static void add_facts(json_t *o) {
  json_t *e = json_loads("[{\"name\":\"Claire Lemoine\",\"type\":\"person\",\"role\":\"préfète\",\"articles\":[\"fr-a1\"]},"
                         "{\"name\":\"Saint-Priest\",\"type\":\"place\",\"articles\":[\"fr-a1\",\"fr-a3\"]},"
                         "{\"name\":\"<script>alert(1)</script>\",\"type\":\"organization\",\"articles\":[\"fr-a2\"]}]", 0, NULL);
  json_object_set_new(o, "entities", e);
  json_t *d = json_loads("[{\"about\":\"pompiers mobilisés\",\"values\":[{\"text\":\"plus de 80 pompiers\",\"articles\":[\"fr-a1\",\"fr-a2\"]},"
                         "{\"text\":\"une centaine de sapeurs-pompiers\",\"articles\":[\"fr-a3\"]}]}]", 0, NULL);
  json_object_set_new(o, "disagreements", d);
  json_t *f = json_loads("[{\"quantity\":120,\"unit\":\"salariés\",\"text\":\"120 salariés\",\"article\":\"fr-a1\"}]", 0, NULL);
  json_object_set_new(o, "figures", f);
  json_object_set_new(o, "independent_sources", json_integer(2));
}

/* The whole file at an absolute path (malloc'd, NUL-terminated) or NULL. */
static char *t_read_abs(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (p && fread(p, 1, (size_t)n, f) != (size_t)n) { free(p); p = NULL; }
  if (p) p[n] = 0;
  fclose(f);
  return p;
}

static bool has(const char *hay, const char *needle) { return hay && strstr(hay, needle) != NULL; }

static size_t count(const char *hay, const char *needle) {
  size_t n = 0, l = strlen(needle);
  for (const char *p = hay; p && (p = strstr(p, needle)); p += l) n++;
  return n;
}

static rcp_story_rel fr_rels[] = { { 1, 0, "duplicate", 0.98 }, { 2, 0, "rewrite", 0.6 }, { 3, 0, "update", 0.8 } };

TEST_SUITE(render) {
  TEST("dates and labels") {
    char d[64];
    rcp__fmt_date_long("2026-10-14T10:00:00+02:00", "fr", d, sizeof d);
    CHECK_STR(d, "14 octobre 2026");
    rcp__fmt_date_long("2026-03-01", "fr", d, sizeof d);
    CHECK_STR(d, "1er mars 2026");
    rcp__fmt_date_long("2026-10-14", "en", d, sizeof d);
    CHECK_STR(d, "14 October 2026");
    rcp__fmt_date_short("2026-10-13T21:04:00+02:00", "fr", d, sizeof d);
    CHECK_STR(d, "13 oct. 2026 21:04");
    rcp__fmt_date_short("garbage", "fr", d, sizeof d);
    CHECK_STR(d, "");
    rcp__fmt_date_long(NULL, "fr", d, sizeof d);
    CHECK_STR(d, "");
    CHECK_STR(rcp__labels_for("fr")->key_points, "Points clés");
    CHECK_STR(rcp__labels_for("en")->key_points, "Key points");
    CHECK_STR(rcp__labels_for(NULL)->summary, "Quick summary");
  }
  TEST("Markdown of a French story: sections, citations, escaping") {
    json_t *s = story_of("digest/story-fr.jsonl", "s1", fr_rels, 3);
    add_facts(s);
    rcp_buf b;
    rcp__buf_init(&b, 1 << 22);
    CHECK_INT(rcp__md_story(&b, s), RCP_OK);
    const char *md = b.p;
    if (getenv("RENDER_DUMP")) fprintf(stderr, "%s\n", md);
    CHECK(has(md, "## Incendie"));
    CHECK(has(md, "### Points clés"));
    CHECK(has(md, "### Résumé rapide"));
    CHECK(has(md, "### Chiffres et divergences"));
    CHECK(has(md, "### Qui, où"));
    CHECK(has(md, "### Chronologie"));
    CHECK(has(md, "### Sources"));
    CHECK(has(md, "4 articles · 2 sources indépendantes · première parution : lyon-matin.example"));
    CHECK(has(md, "[1](https://lyon-matin.example/faits-divers/incendie-saint-priest)"));
    CHECK(has(md, "copie de \\[[1](#src-s1-1)\\]"));
    CHECK(has(md, "réécriture de \\[[1](#src-s1-1)\\]"));
    CHECK(has(md, "mise à jour de \\[[1](#src-s1-1)\\]"));
    CHECK(!has(md, "<script>"));
    CHECK(has(md, "&lt;script&gt;"));
    /* every citation number is a link: the URL, else the source's line */
    CHECK(!has(md, "\\[1,"));
    CHECK(!has(md, ", 2,"));
    CHECK(!has(md, ", 2\\]"));
    rcp__buf_free(&b);
    json_t *arts = json_object_get(s, "sources");
    size_t i;
    json_t *x;
    json_array_foreach(arts, i, x) { json_object_del(x, "url"); json_object_del(x, "source"); }
    json_array_foreach(json_object_get(s, "articles"), i, x) json_object_del(x, "source");
    rcp__buf_init(&b, 1 << 22);
    CHECK_INT(rcp__md_story(&b, s), RCP_OK);
    md = b.p;
    CHECK(has(md, "[1](#src-s1-1)"));
    CHECK(has(md, "1. <a id=\"src-s1-1\"></a>"));
    CHECK(!has(md, "](http"));
    /* no bare number between the brackets of a citation */
    for (const char *p = md; (p = strstr(p, " \\[")) != NULL; p += 3)
      if (p[3] >= '0' && p[3] <= '9') { CHECK(!"bare citation number"); break; }
    rcp__buf_free(&b);
    json_decref(s);
  }
  TEST("HTML of a story: every citation is a link, all text escaped") {
    json_t *s = story_of("digest/story-fr.jsonl", "s1", fr_rels, 3);
    add_facts(s);
    json_object_set_new(s, "title", json_string("Feu \"géant\" <b>à</b> Saint-Priest & environs"));
    rcp_buf b;
    rcp__buf_init(&b, 1 << 22);
    rcp__html_page_begin(&b, "t", "fr", 2);
    CHECK_INT(rcp__html_story(&b, s, 2), RCP_OK);
    rcp__html_page_end(&b);
    const char *html = b.p;
    if (getenv("RENDER_DUMP")) fprintf(stderr, "%s\n", html);
    CHECK(has(html, "<h1>Feu &quot;géant&quot; &lt;b&gt;à&lt;/b&gt; Saint-Priest &amp; environs</h1>"));
    CHECK(!has(html, "<script>"));
    CHECK(!has(html, "<b>"));
    CHECK(has(html, "<h2>Points clés</h2>"));
    CHECK(has(html, "<svg class=\"pubtime\""));
    CHECK(has(html, "<svg class=\"copygraph\""));
    CHECK(has(html, "id=\"src-4\""));
    /* citations: every number inside a cite span is a link */
    CHECK(count(html, "<span class=\"cite\">[<a href=\"https://") >= 3);
    CHECK(!has(html, "<span class=\"cite\">[1"));
    /* no external resources */
    CHECK(!has(html, "<script"));
    CHECK(!has(html, "<link"));
    CHECK(!has(html, "src=\"http"));
    CHECK(has(html, "name=\"viewport\""));
    rcp__buf_reset(&b);
    CHECK_INT(rcp__html_story(&b, s, 1), RCP_OK);
    CHECK(has(b.p, "<a href=\"/articles/fr-a1\""));
    rcp__buf_free(&b);
    json_decref(s);
  }
  TEST("English story gets English labels; a story without digest still renders") {
    json_t *s = story_of("digest/story-en.jsonl", "s2", NULL, 0);
    rcp_buf b;
    rcp__buf_init(&b, 1 << 22);
    CHECK_INT(rcp__md_story(&b, s), RCP_OK);
    CHECK(has(b.p, "### Key points"));
    CHECK(has(b.p, "2 independent sources"));
    CHECK(!has(b.p, "Points clés"));
    /* English typography: no space before the colon */
    CHECK(has(b.p, "first published: "));
    CHECK(!has(b.p, " : "));
    json_decref(s);
    rcp__buf_reset(&b);
    json_t *bare = json_loads("{\"id\":\"s9\",\"articles\":[{\"id\":\"x1\",\"source\":\"/tmp/x1.html\",\"site\":\"a.example\"}]}", 0, NULL);
    CHECK_INT(rcp__md_story(&b, bare), RCP_OK);
    CHECK(has(b.p, "## s9"));
    CHECK(has(b.p, "1. <a id=\"src-s9-1\"></a>a.example"));
    rcp__buf_reset(&b);
    CHECK_INT(rcp__html_story(&b, bare, 0), RCP_OK);
    CHECK(has(b.p, "<h1>s9</h1>"));
    rcp__buf_reset(&b);
    json_t *junk = json_loads("{\"id\":5,\"title\":[],\"key_points\":{},\"sources\":\"x\",\"articles\":[1,null]}", 0, NULL);
    CHECK_INT(rcp__md_story(&b, junk), RCP_OK);
    CHECK_INT(rcp__html_story(&b, junk, 1), RCP_OK);
    CHECK_INT(rcp__md_story(&b, NULL), RCP_EINVAL);
    json_decref(junk);
    json_decref(bare);
    rcp__buf_free(&b);
  }
  TEST("static site: files, order, links") {
    json_t *arr = json_array();
    json_array_append_new(arr, story_of("digest/story-fr.jsonl", "s1", fr_rels, 3));
    json_array_append_new(arr, story_of("digest/story-en.jsonl", "s2", NULL, 0));
    /* a storyline: shown by the other story's title and date, linked */
    json_object_set_new(json_array_get(arr, 0), "related_stories",
                        json_loads("[{\"id\":\"s2\",\"kind\":\"storyline\"}]", 0, NULL));
    const char *t2 = json_string_value(json_object_get(json_array_get(arr, 1), "title"));
    char dir[512];
    snprintf(dir, sizeof dir, "%s/site", t_tmpdir());
    mkdir(dir, 0777);
    CHECK_INT(rcp__render_site_json(NULL, arr, dir), RCP_OK);
    char p[600];
    struct stat st;
    snprintf(p, sizeof p, "%s/index.html", dir);
    CHECK(stat(p, &st) == 0);
    snprintf(p, sizeof p, "%s/stories/s1.html", dir);
    CHECK(stat(p, &st) == 0);
    snprintf(p, sizeof p, "%s/stories/s2.html", dir);
    CHECK(stat(p, &st) == 0);
    snprintf(p, sizeof p, "%s/stories.md", dir);
    CHECK(stat(p, &st) == 0);
    snprintf(p, sizeof p, "%s/stories/s1.html", dir);
    FILE *f = fopen(p, "rb");
    char page[1 << 16];
    size_t pn = f ? fread(page, 1, sizeof page - 1, f) : 0;
    page[pn] = 0;
    if (f) fclose(f);
    CHECK(has(page, "Histoires liées : <a href=\"s2.html\">"));
    CHECK(t2 && !strchr(t2, '\'') && has(page, t2));
    CHECK(has(page, "même fil)"));
    /* newest first: the English story (May) before the French one (March) */
    CHECK_STR(json_string_value(json_object_get(json_array_get(arr, 0), "id")), "s2");
    json_decref(arr);
    /* more than 200 stories: index.html the newest 200, then a page a month */
    json_t *many = json_array();
    for (int k = 1; k <= 230; k++) {
      char id[16], title[32], when[32];
      snprintf(id, sizeof id, "s%d", k);
      snprintf(title, sizeof title, "Story number %d", k);
      snprintf(when, sizeof when, "2026-%02d-%02dT10:00:00Z", k <= 100 ? 4 : 5, k % 28 + 1);
      json_array_append_new(many, json_pack("{s:s, s:s, s:s, s:s, s:[{s:s}]}", "id", id, "title", title,
                                            "language", "en", "last_published", when,
                                            "articles", "id", "a"));
    }
    char dir2[512];
    snprintf(dir2, sizeof dir2, "%s/site-many", t_tmpdir());
    mkdir(dir2, 0777);
    CHECK_INT(rcp__render_site_json(NULL, many, dir2), RCP_OK);
    json_decref(many);
    snprintf(p, sizeof p, "%s/index.html", dir2);
    char *idx = t_read_abs(p);
    CHECK(idx != NULL);
    CHECK_INT((int)count(idx, "class=\"t\""), 200);
    CHECK(has(idx, "<a href=\"index-2026-05.html\">May 2026</a> (130)"));
    CHECK(has(idx, "<a href=\"index-2026-04.html\">April 2026</a> (100)"));
    free(idx);
    snprintf(p, sizeof p, "%s/index-2026-04.html", dir2);
    idx = t_read_abs(p);
    CHECK(idx && count(idx, "class=\"t\"") == 100);
    CHECK(has(idx, "Story number 7<"));
    free(idx);
    /* an unwritable directory is an I/O error */
    json_t *one = json_array();
    CHECK_INT(rcp__render_site_json(NULL, one, "/proc/no/such/dir"), RCP_EIO);
    json_decref(one);
  }
}
