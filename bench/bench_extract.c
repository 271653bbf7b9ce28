/* bench_extract.c -- extraction speed and predictions over a set of pages.
**
**   bench_extract [--repeat N] [--jsonl OUT] [--urls ID_URL.tsv] [--parse-only]
**                 [--templates] [--parser myhtml|libxml2|gumbo] FILE...
**
** Reads every FILE (.html or .html.gz) into memory first, then runs the
** extraction stage alone (rcp__doc_new + rcp__extract, metadata included)
** over all pages N times on one thread, and prints pages/s, MB/s (of HTML)
** and the peak RSS of the process.  --jsonl writes one object per page
** ({"id", "url", "title", "author", "published", "updated", "site",
** "language", "credited_source", "text"}) for the scorers; the id is the
** file name without .html(.gz).  --parse-only times the HTML parser alone
** (parse + a walk over every node).  --templates first observes every page
** (untimed), then filters site templates from each (src/templates.c).
** --parser NAME times one HTML parser alone, called directly (no depth
** pre-scan): parse, walk every node, count the non-space bytes of text
** outside script/style/noscript (the comparison of docs/extraction.md);
** only when built with -DRCP_BENCH_PARSERS (links libxml2 and gumbo):
**   cc ... -DRCP_BENCH_PARSERS $(pkg-config --cflags libxml-2.0) -o build/bench_parsers \
**      bench/bench_extract.c build/librecoupe.a ... -lxml2 -lgumbo
** Never part of pass/fail.
*/
#include "recoupe_int.h"
#include "html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h> /* getrusage */
#include <time.h>         /* clock_gettime */
#include <zlib.h>         /* gzopen */

typedef struct page { char *id, *url, *body; size_t len; } page;

static char *read_gz(const char *path, size_t *len) {
  gzFile f = gzopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap);
  int k;
  while (b && (k = gzread(f, b + n, (unsigned)(cap - n - 1))) > 0) {
    n += (size_t)k;
    if (cap - n < 2) { char *nb = realloc(b, cap * 2); if (!nb) { free(b); b = NULL; break; } b = nb; cap *= 2; }
  }
  gzclose(f);
  if (b) b[n] = 0;
  *len = n;
  return b;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* CPU time of this thread: stable when other processes share the machine. */
static double cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void json_field(rcp_buf *b, const char *k, const char *v) {
  rcp__buf_printf(b, ",\"%s\":", k);
  if (v) rcp__buf_json_str(b, v, strlen(v));
  else rcp__buf_adds(b, "null");
}

static size_t walk_count(const rcp_hnode *n) {
  size_t c = 0, depth = 0;
  const rcp_hnode *x = n;
  while (x) {
    c++;
    size_t tl;
    if (rcp__hnode_tag(x) == RCP_H_TEXT) (void)rcp__hnode_text(x, &tl);
    const rcp_hnode *ch = rcp__hnode_child(x);
    if (ch) { x = ch; depth++; continue; }
    while (x && !rcp__hnode_next(x) && depth) { x = rcp__hnode_parent(x); depth--; }
    if (!x || !depth) break;
    x = rcp__hnode_next(x);
  }
  return c;
}

#ifdef RCP_BENCH_PARSERS
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <myhtml/api.h>

static size_t nonspace(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++) c += s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r';
  return c;
}

static size_t walk_myhtml(myhtml_tree_node_t *n, int skip) {
  size_t c = 0;
  for (; n; n = myhtml_node_next(n)) {
    myhtml_tag_id_t t = myhtml_node_tag_id(n);
    if (t == MyHTML_TAG__TEXT) {
      size_t l = 0;
      const char *s = myhtml_node_text(n, &l);
      if (s && !skip) c += nonspace(s, l);
      continue;
    }
    int sk = skip || t == MyHTML_TAG_SCRIPT || t == MyHTML_TAG_STYLE || t == MyHTML_TAG_NOSCRIPT;
    c += walk_myhtml(myhtml_node_child(n), sk);
  }
  return c;
}

static size_t walk_xml(xmlNode *n, int skip) {
  size_t c = 0;
  for (; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (!skip && n->content) c += nonspace((const char *)n->content, strlen((const char *)n->content));
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    const char *nm = (const char *)n->name;
    int sk = skip || !strcmp(nm, "script") || !strcmp(nm, "style") || !strcmp(nm, "noscript");
    c += walk_xml(n->children, sk);
  }
  return c;
}

static size_t walk_gumbo(const GumboNode *n, int skip) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA)
    return skip ? 0 : nonspace(n->v.text.text, strlen(n->v.text.text));
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) return 0;
  const GumboVector *ch = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children : &n->v.element.children;
  int sk = skip;
  if (n->type == GUMBO_NODE_ELEMENT) {
    GumboTag t = n->v.element.tag;
    sk = skip || t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT;
  }
  size_t c = 0;
  for (unsigned i = 0; i < ch->length; i++) c += walk_gumbo(ch->data[i], sk);
  return c;
}

/* Parses and walks one page with the named parser; the text byte count. */
static size_t parse_with(const char *parser, const char *s, size_t n) {
  static myhtml_t *mh;
  static myhtml_tree_t *tree;
  if (!strcmp(parser, "myhtml")) {
    if (!mh) {
      mh = myhtml_create();
      myhtml_init(mh, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
      tree = myhtml_tree_create();
      myhtml_tree_init(tree, mh);
    }
    myhtml_parse(tree, MyENCODING_UTF_8, s, n);
    size_t c = walk_myhtml(myhtml_node_child(myhtml_tree_get_document(tree)), 0);
    myhtml_tree_clean(tree);
    return c;
  }
  if (!strcmp(parser, "libxml2")) {
    htmlDocPtr doc = htmlReadMemory(s, (int)n, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                    HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    size_t c = doc ? walk_xml(xmlDocGetRootElement(doc), 0) : 0;
    xmlFreeDoc(doc);
    return c;
  }
  if (!strcmp(parser, "gumbo")) {
    GumboOutput *o = gumbo_parse_with_options(&kGumboDefaultOptions, s, n);
    size_t c = walk_gumbo(o->document, 0);
    gumbo_destroy_output(&kGumboDefaultOptions, o);
    return c;
  }
  fprintf(stderr, "unknown parser %s\n", parser);
  exit(2);
}
#endif

int main(int argc, char **argv) {
  int repeat = 1, parse_only = 0, templates = 0;
  const char *jsonl = NULL, *urls = NULL, *parser = NULL;
  page *pg = NULL;
  size_t np = 0, cap = 0, bytes = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--jsonl") && i + 1 < argc) jsonl = argv[++i];
    else if (!strcmp(argv[i], "--urls") && i + 1 < argc) urls = argv[++i];
    else if (!strcmp(argv[i], "--parse-only")) parse_only = 1;
    else if (!strcmp(argv[i], "--templates")) templates = 1;
    else if (!strcmp(argv[i], "--parser") && i + 1 < argc) parser = argv[++i];
    else {
      if (np == cap) { cap = cap ? cap * 2 : 256; pg = realloc(pg, cap * sizeof *pg); if (!pg) return 1; }
      page *p = &pg[np];
      p->body = read_gz(argv[i], &p->len);
      if (!p->body) { fprintf(stderr, "%s: cannot read\n", argv[i]); continue; }
      const char *base = strrchr(argv[i], '/');
      base = base ? base + 1 : argv[i];
      size_t bl = strcspn(base, ".");
      p->id = strndup(base, bl);
      p->url = NULL;
      bytes += p->len;
      np++;
    }
  }
  if (urls) {
    FILE *f = fopen(urls, "r");
    char line[8192];
    while (f && fgets(line, sizeof line, f)) {
      line[strcspn(line, "\r\n")] = 0;
      char *tab = strchr(line, '\t');
      if (!tab) continue;
      *tab = 0;
      for (size_t i = 0; i < np; i++)
        if (!strcmp(pg[i].id, line)) pg[i].url = strdup(tab + 1);
    }
    if (f) fclose(f);
  }
  rcp_ctx *ctx = NULL;
  if (rcp_ctx_open(&ctx, NULL, NULL) != RCP_OK) return 1;
  FILE *out = jsonl ? fopen(jsonl, "w") : NULL;
  rcp_templates *tpl = NULL;
  size_t tpl_removed = 0;
  if (templates) { /* pass 1 (not timed): observe every page */
    if (rcp__templates_new(&tpl) != RCP_OK) return 1;
    for (size_t i = 0; i < np; i++) {
      rcp_page in;
      memset(&in, 0, sizeof in);
      in.id = pg[i].id; in.source = pg[i].id; in.url = pg[i].url;
      in.body = pg[i].body; in.body_len = pg[i].len; in.is_html = 1;
      rcp_doc *d = NULL;
      if (rcp__doc_new(ctx, &in, &d) == RCP_OK && rcp__extract(ctx, d) == RCP_OK) rcp__templates_observe(tpl, d);
      rcp_doc_free(d);
    }
  }
  size_t failed = 0, nodes = 0;
  double t0 = now(), c0 = cpu();
  for (int r = 0; r < repeat; r++) {
    for (size_t i = 0; i < np; i++) {
      if (parser) {
#ifdef RCP_BENCH_PARSERS
        nodes += parse_with(parser, pg[i].body, pg[i].len);
#else
        fprintf(stderr, "--parser needs a build with -DRCP_BENCH_PARSERS\n");
        return 2;
#endif
        continue;
      }
      if (parse_only) {
        rcp_html *h;
        if (rcp__html_parse(pg[i].body, pg[i].len, &h) != RCP_OK) { failed++; continue; }
        nodes += walk_count(rcp__html_document(h));
        rcp__html_free(h);
        continue;
      }
      rcp_page in;
      memset(&in, 0, sizeof in);
      in.id = pg[i].id; in.source = pg[i].id; in.url = pg[i].url;
      in.body = pg[i].body; in.body_len = pg[i].len; in.is_html = 1;
      rcp_doc *d = NULL;
      int rc = rcp__doc_new(ctx, &in, &d);
      if (rc == RCP_OK) rc = rcp__extract(ctx, d);
      if (rc != RCP_OK) { failed++; fprintf(stderr, "%s: %s\n", pg[i].id, rcp_strerror(rc)); }
      if (rc == RCP_OK && tpl) {
        size_t rm = 0;
        rc = rcp__templates_filter(tpl, d, &rm);
        if (r == 0) tpl_removed += rm;
      }
      if (rc == RCP_OK && out && r == 0) {
        rcp_buf b;
        rcp__buf_init(&b, 0);
        rcp__buf_adds(&b, "{\"id\":");
        rcp__buf_json_str(&b, d->id, strlen(d->id));
        json_field(&b, "url", d->url);
        json_field(&b, "title", d->title);
        json_field(&b, "author", d->author);
        json_field(&b, "published", d->published);
        json_field(&b, "updated", d->updated);
        json_field(&b, "site", d->site);
        json_field(&b, "canonical", d->canonical);
        json_field(&b, "language", d->language);
        json_field(&b, "credited_source", d->credited_source);
        rcp__buf_adds(&b, ",\"text\":");
        rcp__buf_json_str(&b, d->text ? d->text : "", d->text_len);
        rcp__buf_adds(&b, "}\n");
        fwrite(b.p, 1, b.n, out);
        rcp__buf_free(&b);
      }
      rcp_doc_free(d);
    }
  }
  double dt = now() - t0, dc = cpu() - c0;
  if (out) fclose(out);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double n = (double)np * repeat;
  printf("%s: %zu pages x %d, %.1f MB: %.0f pages/s, %.1f MB/s (CPU time: %.0f pages/s, %.1f MB/s), "
         "peak RSS %.1f MB, %zu failed\n",
         parser ? parser : parse_only ? "parse" : "extract", np, repeat, bytes / 1e6, n / dt, bytes * (double)repeat / 1e6 / dt,
         n / dc, bytes * (double)repeat / 1e6 / dc, ru.ru_maxrss / 1024.0, failed);
  if (parse_only) printf("nodes per pass: %zu\n", nodes / (size_t)(repeat > 0 ? repeat : 1));
  if (parser) printf("text bytes (non-space) per pass: %zu\n", nodes / (size_t)(repeat > 0 ? repeat : 1));
  if (tpl) printf("templates: %zu blocks removed\n", tpl_removed);
  rcp__templates_free(tpl);
  rcp__html_thread_cleanup();
  rcp_ctx_free(ctx);
  for (size_t i = 0; i < np; i++) { free(pg[i].body); free(pg[i].id); free(pg[i].url); }
  free(pg);
  return failed ? 1 : 0;
}
