/* bench_extract.c -- extraction speed and predictions over a set of pages.
**
**   bench_extract [--repeat N] [--jsonl OUT] [--urls ID_URL.tsv] [--parse-only]
**                 [--templates] FILE...
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

int main(int argc, char **argv) {
  int repeat = 1, parse_only = 0, templates = 0;
  const char *jsonl = NULL, *urls = NULL;
  page *pg = NULL;
  size_t np = 0, cap = 0, bytes = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--jsonl") && i + 1 < argc) jsonl = argv[++i];
    else if (!strcmp(argv[i], "--urls") && i + 1 < argc) urls = argv[++i];
    else if (!strcmp(argv[i], "--parse-only")) parse_only = 1;
    else if (!strcmp(argv[i], "--templates")) templates = 1;
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
         parse_only ? "parse" : "extract", np, repeat, bytes / 1e6, n / dt, bytes * (double)repeat / 1e6 / dt,
         n / dc, bytes * (double)repeat / 1e6 / dc, ru.ru_maxrss / 1024.0, failed);
  if (parse_only) printf("nodes per pass: %zu\n", nodes / (size_t)(repeat > 0 ? repeat : 1));
  if (tpl) printf("templates: %zu blocks removed\n", tpl_removed);
  rcp__templates_free(tpl);
  rcp__html_thread_cleanup();
  rcp_ctx_free(ctx);
  for (size_t i = 0; i < np; i++) { free(pg[i].body); free(pg[i].id); free(pg[i].url); }
  free(pg);
  return failed ? 1 : 0;
}
