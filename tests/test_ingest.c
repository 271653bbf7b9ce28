/* test_ingest.c -- the reader: directories, files, gzip, JSON Lines, JSON,
** WARC, charsets and every bad input (one warning with file and offset, and
** the rest still read).  Fixtures: tests/data/ingest (make.sh writes them). */
#include "test.h"
#include "ingest_int.h"

#include <stdlib.h>
#include <unistd.h> /* symlink, dup2 */
#include <fcntl.h>  /* open */
#include <sys/stat.h> /* mkdir */

#define MAXP 64
#define MAXW 32

struct got_page { char *id, *body, *url, *title, *published, *charset, *fetched; uint64_t off; int is_html; };
struct got_warn { char *file, *msg; uint64_t off; int why; };
struct got {
  struct got_page p[MAXP]; int np;
  struct got_warn w[MAXW]; int nw;
  int rc;                       /* last rcp_reader_next result */
  rcp_ingest_stats st;
  uint64_t total;
};

static char *dup0(const char *s) { return s ? strdup(s) : NULL; }

static void on_warn(void *ud, const char *file, uint64_t off, int why, const char *msg) {
  struct got *g = ud;
  if (g->nw < MAXW) {
    g->w[g->nw].file = strdup(file); g->w[g->nw].msg = strdup(msg);
    g->w[g->nw].off = off; g->w[g->nw].why = why;
  }
  g->nw++;
}

static void drain(rcp_reader *r, struct got *g) {
  const rcp_page *pg;
  while ((g->rc = rcp_reader_next(r, &pg)) == RCP_OK) {
    CHECK(pg->body != NULL && strlen(pg->body) == pg->body_len);
    CHECK(rcp__utf8_valid(pg->body, pg->body_len));
    CHECK(pg->id != NULL && pg->source != NULL && pg->charset != NULL);
    if (g->np < MAXP) {
      struct got_page *p = &g->p[g->np];
      p->id = dup0(pg->id); p->body = dup0(pg->body); p->url = dup0(pg->url);
      p->title = dup0(pg->title); p->published = dup0(pg->published);
      p->charset = dup0(pg->charset); p->fetched = dup0(pg->fetched);
      p->off = pg->offset; p->is_html = pg->is_html;
    }
    g->np++;
  }
  g->st = *rcp_reader_stats(r);
  g->total = rcp_reader_total_bytes(r);
}

static void got_free(struct got *g) {
  for (int i = 0; i < g->np && i < MAXP; i++) {
    struct got_page *p = &g->p[i];
    free(p->id); free(p->body); free(p->url); free(p->title); free(p->published);
    free(p->charset); free(p->fetched);
  }
  for (int i = 0; i < g->nw && i < MAXW; i++) { free(g->w[i].file); free(g->w[i].msg); }
  memset(g, 0, sizeof *g);
}

/* Reads the given fixture paths (relative to tests/data/ingest). */
static void read_paths(struct got *g, const char *const *rel, size_t n, size_t page_cap) {
  memset(g, 0, sizeof *g);
  char *paths[16];
  for (size_t i = 0; i < n; i++) {
    char b[512];
    snprintf(b, sizeof b, "ingest/%s", rel[i]);
    paths[i] = rel[i][0] == '/' ? strdup(rel[i]) : strdup(t_path(b));
  }
  rcp_opts o;
  rcp_opts_default(&o);
  if (page_cap) o.page_cap = page_cap;
  rcp_reader *r = NULL;
  CHECK_INT(rcp_reader_open(&r, (const char *const *)paths, n, &o, on_warn, g), RCP_OK);
  if (r) drain(r, g);
  rcp_reader_free(r);
  for (size_t i = 0; i < n; i++) free(paths[i]);
}

static void read1(struct got *g, const char *rel) { read_paths(g, &rel, 1, 0); }

static void read_mem_cap(struct got *g, const char *name, const char *p, size_t n, size_t cap) {
  memset(g, 0, sizeof *g);
  rcp_opts o;
  rcp_opts_default(&o);
  if (cap) o.page_cap = cap;
  rcp_reader *r = NULL;
  CHECK_INT(rcp__reader_open_mem(&r, name, p, n, &o, on_warn, g), RCP_OK);
  if (r) drain(r, g);
  rcp_reader_free(r);
}

static void read_mem(struct got *g, const char *name, const char *p, size_t n) {
  read_mem_cap(g, name, p, n, 0);
}

static int has(const char *hay, const char *needle) { return hay && needle && strstr(hay, needle) != NULL; }

static int ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && strcmp(s + a - b, suf) == 0;
}

TEST_SUITE(ingest_files) {
  TEST("directory: recursive, sorted, hidden and non-page names skipped") {
    struct got g;
    read1(&g, "dir");
    CHECK_INT(g.rc, RCP_EDONE);
    CHECK_INT(g.nw, 0);
    CHECK_INT(g.np, 6);
    if (g.np == 6) {
      CHECK(ends_with(g.p[0].id, "dir/a.html"));
      CHECK(g.p[0].is_html);
      CHECK(has(g.p[0].body, "Les habitants de Manosque ont passé la nuit"));
      CHECK_STR(g.p[1].id, "c1");
      CHECK_STR(g.p[1].url, "https://example.org/c1");
      CHECK_STR(g.p[1].title, "Marché de Noël");
      CHECK_STR(g.p[1].published, "2026-11-20");
      CHECK(!g.p[1].is_html);
      CHECK_STR(g.p[2].id, "c2");
      CHECK(g.p[2].is_html);
      CHECK(ends_with(g.p[3].id, "dir/deeper/README"));
      CHECK(!g.p[3].is_html);
      CHECK(ends_with(g.p[4].id, "dir/deeper/more/z.html.gz"));
      CHECK(has(g.p[4].body, "la mairie annonce des travaux"));
      CHECK(g.p[4].is_html);
      CHECK(ends_with(g.p[5].id, "dir/sub/b.txt"));
      for (int i = 0; i < g.np; i++) CHECK(!has(g.p[i].body, "hidden file") && !has(g.p[i].body, "color: red"));
    }
    CHECK_INT(g.st.files, 5);
    CHECK_INT(g.st.pages, 6);
    CHECK(g.total > 0);
    CHECK(g.st.raw_bytes == g.total);
    CHECK(g.st.bytes > 0);
    got_free(&g);
  }
  TEST("a file named explicitly is read whatever its extension") {
    struct got g;
    read1(&g, "dir/style.css");
    CHECK_INT(g.np, 1);
    CHECK_INT(g.nw, 0);
    got_free(&g);
  }
  TEST("missing path: one warning naming it; later inputs still read") {
    struct got g;
    const char *in[] = { "/nonexistent/recoupe/x.html", "dir/sub/b.txt" };
    read_paths(&g, in, 2, 0);
    CHECK_INT(g.nw, 1);
    CHECK_INT(g.np, 1);
    if (g.nw) {
      CHECK_STR(g.w[0].file, "/nonexistent/recoupe/x.html");
      CHECK_INT(g.w[0].why, RCP_SKIP_UNREADABLE);
      CHECK_INT(g.w[0].off, 0);
    }
    CHECK_INT(g.st.skipped[RCP_SKIP_UNREADABLE], 1);
    got_free(&g);
  }
  TEST("directory symlink loop: one warning, the rest read") {
    char top[600], sub[650], link[700], f[700];
    snprintf(top, sizeof top, "%s/ingest-loop", t_tmpdir());
    mkdir(top, 0755);
    snprintf(sub, sizeof sub, "%s/loopdir", top);
    snprintf(link, sizeof link, "%s/back", sub);
    snprintf(f, sizeof f, "%s/page.txt", sub);
    mkdir(sub, 0755);
    CHECK(symlink("..", link) == 0);
    FILE *fp = fopen(f, "w");
    if (fp) { fputs("Un texte dans un dossier avec une boucle.\n", fp); fclose(fp); }
    struct got g;
    const char *in[] = { sub };
    read_paths(&g, in, 1, 0);
    /* loopdir/back -> top (walked once) -> top/loopdir (an ancestor: loop) */
    CHECK_INT(g.st.skipped[RCP_SKIP_UNREADABLE], 1);
    CHECK_INT(g.nw, 1);
    if (g.nw) CHECK(has(g.w[0].msg, "loop"));
    CHECK(g.np >= 1);
    got_free(&g);
  }
  TEST("a directory reached twice through links is read once") {
    char top[600], a[650], l1[700], l2[700], f[700];
    snprintf(top, sizeof top, "%s/ingest-twice", t_tmpdir());
    mkdir(top, 0755);
    snprintf(a, sizeof a, "%s/real", top);
    mkdir(a, 0755);
    snprintf(l1, sizeof l1, "%s/link1", top);
    snprintf(l2, sizeof l2, "%s/link2", top);
    CHECK(symlink("real", l1) == 0 && symlink("real", l2) == 0);
    snprintf(f, sizeof f, "%s/p.txt", a);
    FILE *fp = fopen(f, "w");
    if (fp) { fputs("Une page.\n", fp); fclose(fp); }
    struct got g;
    const char *in[] = { top };
    read_paths(&g, in, 1, 0);
    CHECK_INT(g.np, 1);
    CHECK_INT(g.nw, 0);
    if (g.np) CHECK(ends_with(g.p[0].id, "ingest-twice/link1/p.txt"));
    got_free(&g);
  }
  TEST("empty and blank files are skipped as empty") {
    struct got g;
    const char *in[] = { "bad/empty.txt", "bad/blank.txt", "dir/sub/b.txt" };
    read_paths(&g, in, 3, 0);
    CHECK_INT(g.np, 1);
    CHECK_INT(g.nw, 2);
    CHECK_INT(g.st.skipped[RCP_SKIP_EMPTY], 2);
    got_free(&g);
  }
  TEST("binary files (PNG, PNG named .html, ELF) are skipped") {
    struct got g;
    const char *in[] = { "bad/image.png", "bad/fake.html", "bad/prog", "dir/a.html" };
    read_paths(&g, in, 4, 0);
    CHECK_INT(g.np, 1);
    CHECK_INT(g.nw, 3);
    CHECK_INT(g.st.skipped[RCP_SKIP_BINARY], 3);
    if (g.nw == 3) {
      CHECK(ends_with(g.w[1].file, "bad/fake.html"));
      CHECK(has(g.w[1].msg, "PNG"));
      CHECK(has(g.w[2].msg, "ELF"));
    }
    got_free(&g);
  }
  TEST("truncated gzip: one warning with the decompressed offset") {
    struct got g;
    const char *in[] = { "bad/truncated.html.gz", "dir/a.html" };
    read_paths(&g, in, 2, 0);
    CHECK_INT(g.np, 1);
    CHECK_INT(g.nw, 1);
    CHECK_INT(g.st.skipped[RCP_SKIP_GZIP], 1);
    if (g.nw) { CHECK(g.w[0].off > 0); CHECK(has(g.w[0].msg, "truncated")); }
    got_free(&g);
  }
  TEST("page cap: a page over it is skipped as too big, the rest read") {
    struct got g;
    const char *in[] = { "dir/a.html", "dir/sub/b.txt" };
    read_paths(&g, in, 2, 200);
    CHECK_INT(g.np, 1);
    CHECK_INT(g.st.skipped[RCP_SKIP_TOOBIG], 1);
    got_free(&g);
  }
  TEST("page cap inside JSON Lines and WARC: the big record skipped, the next read") {
    char big[2000];
    memset(big, 'x', sizeof big);
    rcp_buf b;
    rcp__buf_init(&b, 0);
    rcp__buf_printf(&b, "{\"text\":\"%.*s\"}\n{\"id\":\"small\",\"text\":\"petit\"}\n", 500, big);
    struct got g;
    read_mem_cap(&g, "cap.jsonl", b.p, b.n, 200);
    CHECK_INT(g.np, 1);
    CHECK_INT(g.st.skipped[RCP_SKIP_TOOBIG], 1);
    if (g.np) CHECK_STR(g.p[0].id, "small");
    got_free(&g);
    rcp__buf_reset(&b);
    rcp__buf_printf(&b, "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\n"
                    "Content-Length: 2000\r\n\r\n%.*s\r\n\r\n"
                    "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\n"
                    "Content-Length: 5\r\n\r\npetit\r\n\r\n", 2000, big);
    read_mem_cap(&g, "cap.warc", b.p, b.n, 1000);
    CHECK_INT(g.np, 1);
    CHECK_INT(g.st.skipped[RCP_SKIP_TOOBIG], 1);
    if (g.np) CHECK_STR(g.p[0].body, "petit");
    got_free(&g);
    rcp__buf_free(&b);
  }
  TEST("no inputs; EDONE is sticky; NULL is a no-op for free") {
    rcp_reader *r = NULL;
    CHECK_INT(rcp_reader_open(&r, NULL, 0, NULL, NULL, NULL), RCP_OK);
    const rcp_page *p = (const rcp_page *)1;
    CHECK_INT(rcp_reader_next(r, &p), RCP_EDONE);
    CHECK(p == NULL);
    CHECK_INT(rcp_reader_next(r, &p), RCP_EDONE);
    CHECK_INT(rcp_reader_total_bytes(r), 0);
    CHECK_INT(rcp_reader_stats(r)->files, 0);
    rcp_reader_free(r);
    rcp_reader_free(NULL);
  }
  TEST("stats: total bytes is the sum of file sizes") {
    struct got g;
    const char *in[] = { "dir/a.html", "dir/sub/b.txt" };
    read_paths(&g, in, 2, 0);
    CHECK_INT(g.total, 331 + 103);
    CHECK_INT(g.st.bytes, 331 + 103);
    got_free(&g);
  }
}

TEST_SUITE(ingest_json) {
  TEST("JSON Lines: a bad line in the middle is reported, the others read") {
    struct got g;
    read1(&g, "bad/badline.jsonl");
    CHECK_INT(g.np, 2);
    CHECK_INT(g.nw, 1);
    if (g.np == 2) { CHECK_STR(g.p[0].id, "j1"); CHECK_STR(g.p[1].id, "j3"); }
    if (g.nw) {
      CHECK_INT(g.w[0].why, RCP_SKIP_JSON);
      CHECK_INT(g.w[0].off, 73);          /* the second line starts there */
      CHECK(ends_with(g.w[0].file, "bad/badline.jsonl"));
    }
    got_free(&g);
  }
  TEST("record without html/text: missing field; empty text: empty; array line: not an object") {
    struct got g;
    const char *in[] = { "bad/nofield.jsonl", "bad/emptyrec.jsonl" };
    read_paths(&g, in, 2, 0);
    CHECK_INT(g.np, 1);
    CHECK_INT(g.st.skipped[RCP_SKIP_FIELD], 1);
    CHECK_INT(g.st.skipped[RCP_SKIP_EMPTY], 1);
    CHECK_INT(g.st.skipped[RCP_SKIP_JSON], 1);
    CHECK_INT(g.nw, 3);
    if (g.nw == 3) { CHECK_INT(g.w[0].off, 0); CHECK_INT(g.w[2].off, 25); }
    got_free(&g);
  }
  TEST("gzip cut inside the second member: first records kept, one gzip warning") {
    struct got g;
    read1(&g, "bad/cut.jsonl.gz");
    CHECK(g.np >= 2);   /* g1 and the complete lines of member two */
    CHECK(g.np < 101);
    if (g.np) CHECK_STR(g.p[0].id, "g1");
    CHECK_INT(g.nw, 1);
    CHECK_INT(g.st.skipped[RCP_SKIP_GZIP], 1);
    if (g.nw) CHECK(g.w[0].off > 60);
    got_free(&g);
  }
  TEST("trailing garbage after a gzip member: records kept, one warning") {
    struct got g;
    read1(&g, "bad/trailing.jsonl.gz");
    CHECK_INT(g.np, 1);
    CHECK_INT(g.nw, 1);
    CHECK_INT(g.st.skipped[RCP_SKIP_GZIP], 1);
    got_free(&g);
  }
  TEST("OrangeSum layout: title, heading and article as one text; numeric id") {
    struct got g;
    read1(&g, "json/orangesum.jsonl");
    CHECK_INT(g.np, 1);
    if (g.np) {
      CHECK_STR(g.p[0].id, "42");
      CHECK_STR(g.p[0].published, "2020-03-02");
      CHECK_STR(g.p[0].body, "Municipales : la campagne s'achève\n\nLes candidats ont tenu leurs "
                "derniers meetings samedi.\n\nÀ Rennes comme à Brest, les équipes ont distribué "
                "des tracts jusqu'au soir.");
      CHECK(!g.p[0].is_html);
    }
    got_free(&g);
  }
  TEST("JSON array: aliases, path[i] ids, non-object element reported") {
    struct got g;
    read1(&g, "json/array.json");
    CHECK_INT(g.np, 3);
    CHECK_INT(g.nw, 1);
    if (g.np == 3) {
      CHECK_STR(g.p[0].id, "a1");
      CHECK_STR(g.p[0].url, "https://example.org/a1");
      CHECK_STR(g.p[0].published, "2026-01-02");
      CHECK(g.p[0].is_html);
      CHECK(ends_with(g.p[1].id, "json/array.json[1]"));
      CHECK_STR(g.p[1].body, "Deuxième élément, sans id.");
      CHECK(ends_with(g.p[2].id, "json/array.json[3]"));
    }
    got_free(&g);
  }
  TEST("JSON object over several lines; JSON Lines named .json") {
    struct got g;
    const char *in[] = { "json/object.json", "json/lines.json" };
    read_paths(&g, in, 2, 0);
    CHECK_INT(g.np, 3);
    CHECK_INT(g.nw, 0);
    if (g.np == 3) {
      CHECK(ends_with(g.p[0].id, "json/object.json"));
      CHECK(g.p[0].is_html);
      CHECK_STR(g.p[0].title, "Objet");
      CHECK_STR(g.p[0].published, "2026-02-03");
      CHECK_STR(g.p[1].id, "l1");
      CHECK_STR(g.p[2].id, "l2");
      CHECK_INT(g.p[2].off, 60);
    }
    CHECK_INT(g.st.bytes, g.total);  /* the re-read of lines.json counts once */
    CHECK_INT(g.st.raw_bytes, g.total);
    got_free(&g);
  }
  TEST("invalid UTF-8 in a JSON line becomes U+FFFD; \\u0000 is dropped") {
    struct got g;
    const char *in[] = { "json/latin1-byte.jsonl", "json/nul-escape.jsonl" };
    read_paths(&g, in, 2, 0);
    CHECK_INT(g.np, 2);
    if (g.np == 2) {
      CHECK_STR(g.p[0].body, "Invalid byte \xEF\xBF\xBD in a JSON line.");
      CHECK_STR(g.p[1].body, "NUL escape  inside.");
    }
    got_free(&g);
  }
  TEST("an empty html falls back to text; empty bodies are empty, not missing") {
    struct got g;
    const char *s = "{\"html\":\"\",\"text\":\"du texte\"}\n{\"text\":\"\"}\n{\"title\":\"t\"}\n";
    read_mem(&g, "m.jsonl", s, strlen(s));
    CHECK_INT(g.np, 1);
    if (g.np) { CHECK_STR(g.p[0].body, "du texte"); CHECK(!g.p[0].is_html); }
    CHECK_INT(g.st.skipped[RCP_SKIP_EMPTY], 1);
    CHECK_INT(g.st.skipped[RCP_SKIP_FIELD], 1);
    got_free(&g);
  }
  TEST("records without id get path#offset") {
    struct got g;
    const char *s = "{\"text\":\"un\"}\n\n{\"text\":\"deux\"}\n";
    read_mem(&g, "mem.jsonl", s, strlen(s));
    CHECK_INT(g.np, 2);
    if (g.np == 2) { CHECK_STR(g.p[0].id, "mem.jsonl#0"); CHECK_STR(g.p[1].id, "mem.jsonl#15"); }
    got_free(&g);
  }
}

TEST_SUITE(ingest_warc) {
  TEST("WARC: responses and resources read; other records, images, redirects skipped silently") {
    struct got g;
    read1(&g, "warc/crawl.warc");
    CHECK_INT(g.np, 4);
    CHECK_INT(g.nw, 0);
    size_t flen = 0;
    char *file = t_read("ingest/warc/crawl.warc", &flen);
    if (g.np == 4 && file) {
      for (int i = 0; i < 4; i++) {
        CHECK(g.p[i].off < flen && strncmp(file + g.p[i].off, "WARC/1.1\r\n", 10) == 0);
        char want[600];
        snprintf(want, sizeof want, "%s#%llu", t_path("ingest/warc/crawl.warc"), (unsigned long long)g.p[i].off);
        CHECK_STR(g.p[i].id, want);
        CHECK(g.p[i].fetched && strncmp(g.p[i].fetched, "2026-10-14T08:", 14) == 0);
      }
      CHECK_STR(g.p[0].url, "https://www.example.fr/crue");
      CHECK(strncmp(g.p[0].body, "<!DOCTYPE html>", 15) == 0);  /* HTTP headers removed */
      CHECK(has(g.p[0].body, "6,20 mètres à Orléans"));
      CHECK(g.p[0].is_html);
      CHECK_STR(g.p[1].url, "https://www.example.fr/herault");
      CHECK_STR(g.p[1].charset, "windows-1252");            /* from the HTTP header */
      CHECK(has(g.p[1].body, "Le préfet de l’Hérault a levé l’alerte à Béziers."));
      CHECK_STR(g.p[2].url, "https://www.example.fr/budget");  /* chunked + gzip */
      CHECK(has(g.p[2].body, "Réponse compressée et découpée : le conseil régional vote son budget."));
      CHECK_STR(g.p[3].url, "https://www.example.fr/depeche.txt");
      CHECK(!g.p[3].is_html);
      CHECK(has(g.p[3].body, "le trafic reprend sur la ligne Paris-Lyon"));
    }
    free(file);
    got_free(&g);
  }
  TEST("multi-member .warc.gz with a malformed record in the middle") {
    struct got g;
    read1(&g, "warc/multi.warc.gz");
    CHECK_INT(g.np, 2);
    CHECK_INT(g.nw, 1);
    if (g.np == 2) {
      CHECK_STR(g.p[0].url, "https://www.example.fr/m1");
      CHECK_INT(g.p[0].off, 0);
      CHECK_STR(g.p[1].url, "https://www.example.fr/m3");
      CHECK(has(g.p[1].body, "le col rouvre samedi"));
    }
    if (g.nw) {
      CHECK_INT(g.w[0].why, RCP_SKIP_WARC);
      CHECK(g.w[0].off > 0 && g.w[0].off < g.p[1].off);
      CHECK(ends_with(g.w[0].file, "warc/multi.warc.gz"));
    }
    got_free(&g);
  }
  TEST("truncated .warc.gz, garbage before a record, record cut short") {
    struct got g;
    const char *in[] = { "warc/truncated.warc.gz", "warc/badversion.warc", "warc/cut.warc" };
    read_paths(&g, in, 3, 0);
    CHECK_INT(g.np, 3);
    CHECK_INT(g.nw, 3);
    CHECK_INT(g.st.skipped[RCP_SKIP_GZIP], 1);
    CHECK_INT(g.st.skipped[RCP_SKIP_WARC], 2);
    if (g.nw == 3) {
      CHECK(g.w[0].off > 0);
      CHECK_INT(g.w[1].off, 0);
      CHECK(g.w[2].off > 0);
      CHECK(has(g.w[2].msg, "cut short"));
    }
    got_free(&g);
  }
  TEST("WARC: a gzip body without Content-Encoding is inflated") {
    const char *html = "<html><body><p>Corps compressé sans en-tête.</p></body></html>";
    unsigned char gz[512];
    z_stream z;
    memset(&z, 0, sizeof z);
    CHECK(deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    z.next_in = (unsigned char *)(uintptr_t)html;
    z.avail_in = (uInt)strlen(html);
    z.next_out = gz;
    z.avail_out = sizeof gz;
    CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
    size_t gzn = sizeof gz - z.avail_out;
    deflateEnd(&z);
    const char *http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
    rcp_buf b;
    rcp__buf_init(&b, 0);
    rcp__buf_printf(&b, "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\n"
                    "Content-Length: %zu\r\n\r\n%s", strlen(http) + gzn, http);
    rcp__buf_add(&b, gz, gzn);
    rcp__buf_adds(&b, "\r\n\r\n");
    struct got g;
    read_mem(&g, "gz.warc", b.p, b.n);
    CHECK_INT(g.np, 1);
    if (g.np) CHECK_STR(g.p[0].body, html);
    got_free(&g);
    rcp__buf_free(&b);
  }
  TEST("WARC from memory: HTTP edge cases") {
    static const struct { const char *in; int pages, warns; const char *want; } cases[] = {
      /* LF-only HTTP header, no Content-Type: sniffed as HTML */
      { "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 32\r\n\r\nHTTP/1.0 200 OK\n\n<p>bonjour</p>\n\r\n\r\n", 1, 0, "<p>bonjour</p>\n" },
      /* status 404: skipped silently */
      { "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 26\r\n\r\nHTTP/1.1 404 Not Found\r\n\r\n\r\n\r\n", 0, 0, NULL },
      /* no HTTP status line in a response: reported */
      { "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n", 0, 1, NULL },
      /* Content-Length not a number */
      { "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 12x\r\n\r\nhello\r\n\r\n", 0, 1, NULL },
      /* header line without a colon */
      { "WARC/1.0\r\nWARC-Type resource\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n", 0, 1, NULL },
      /* header cut by the end of the file */
      { "WARC/1.0\r\nWARC-Type: resource\r\n", 0, 1, NULL },
      /* resource with a charset in its record Content-Type */
      { "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Length: 5\r\n\r\ncaf\xe9!\r\n\r\n", 1, 0, "café!" },
      /* a zero-length resource: empty */
      { "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 0\r\n\r\n\r\n\r\n", 0, 1, NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
      struct got g;
      read_mem(&g, "mem.warc", cases[i].in, strlen(cases[i].in));
      CHECK_INT(g.np, cases[i].pages);
      CHECK_INT(g.nw, cases[i].warns);
      if (cases[i].want && g.np) CHECK_STR(g.p[0].body, cases[i].want);
      if (g.np != cases[i].pages || g.nw != cases[i].warns) fprintf(stderr, "  case %zu\n", i);
      got_free(&g);
    }
  }
}

TEST_SUITE(ingest_charset) {
  TEST("windows-1252 French page without declaration is sniffed") {
    struct got g;
    read1(&g, "charset/cp1252.html");
    CHECK_INT(g.np, 1);
    if (g.np) {
      CHECK_STR(g.p[0].charset, "windows-1252");
      CHECK(has(g.p[0].body, "L’été a été marqué par une sécheresse « historique »"));
      CHECK(has(g.p[0].body, "45 €"));
      CHECK(has(g.p[0].body, "les œufs comme le bœuf"));
    }
    got_free(&g);
  }
  TEST("ISO-8859-1 declared in a meta is read as windows-1252") {
    struct got g;
    read1(&g, "charset/latin1-meta.html");
    CHECK_INT(g.np, 1);
    if (g.np) {
      CHECK_STR(g.p[0].charset, "windows-1252");
      CHECK(has(g.p[0].body, "La fête du village a réuni plus de 3 000 personnes à Saint-Émilion"));
      CHECK(has(g.p[0].body, "L’adjoint au maire s’en félicite."));
    }
    got_free(&g);
  }
  TEST("UTF-8 BOM wins over a meta, and is removed") {
    struct got g;
    read1(&g, "charset/utf8-bom.html");
    CHECK_INT(g.np, 1);
    if (g.np) {
      CHECK_STR(g.p[0].charset, "utf-8");
      CHECK(strncmp(g.p[0].body, "<html>", 6) == 0);
      CHECK(has(g.p[0].body, "Déjà vu : la grève des contrôleurs reprend à Orléans."));
    }
    got_free(&g);
  }
  TEST("UTF-16LE and UTF-16BE with BOM") {
    struct got g;
    const char *in[] = { "charset/utf16le-bom.html", "charset/utf16be-bom.txt" };
    read_paths(&g, in, 2, 0);
    CHECK_INT(g.np, 2);
    CHECK_INT(g.nw, 0);
    if (g.np == 2) {
      CHECK_STR(g.p[0].charset, "utf-16le");
      CHECK(g.p[0].is_html);
      CHECK(has(g.p[0].body, "<p>Élection municipale à Besançon : le second tour aura lieu dimanche.</p>"));
      CHECK_STR(g.p[1].charset, "utf-16be");
      CHECK(!g.p[1].is_html);
      CHECK(has(g.p[1].body, "la médiathèque de Poitiers ferme en août."));
    }
    got_free(&g);
  }
  TEST("XML declaration names the charset") {
    struct got g;
    read1(&g, "charset/xmldecl.xhtml");
    CHECK_INT(g.np, 1);
    if (g.np) { CHECK_STR(g.p[0].charset, "iso-8859-15"); CHECK(has(g.p[0].body, "Le prix passe à 12 € : hausse")); }
    got_free(&g);
  }
  TEST("invalid UTF-8 becomes U+FFFD and NUL bytes are dropped") {
    struct got g;
    read1(&g, "charset/invalid-utf8.html");
    CHECK_INT(g.np, 1);
    if (g.np) {
      CHECK(has(g.p[0].body, "Café ok, then bad \xEF\xBF\xBD\xEF\xBF\xBD bytes and a NUL  here."));
      CHECK_STR(g.p[0].charset, "utf-8");
    }
    got_free(&g);
  }
  TEST("rcp__to_utf8: table of declared charsets and sniffing") {
    static const struct { const char *in; const char *declared; int html; const char *want, *cs; } cases[] = {
      { "caf\xe9", "ISO-8859-1", 0, "café", "windows-1252" },
      { "caf\xe9", " \"latin1\" ", 0, "café", "windows-1252" },
      { "\x93quote\x94", "us-ascii", 0, "“quote”", "windows-1252" },
      { "caf\xc3\xa9", "iso-8859-1", 0, "café", "utf-8" },         /* mislabelled UTF-8 */
      { "caf\xe9", "no-such-charset", 0, "café", "windows-1252" },  /* ignored label, sniffed */
      { "\xa4", "iso-8859-15", 0, "€", "iso-8859-15" },
      { "\xc1\xe5", "koi8-r", 0, "аЕ", "koi8-r" },
      { "<meta charset=\"windows-1251\">\xcf\xf0\xe8", NULL, 1, "<meta charset=\"windows-1251\">При", "windows-1251" },
      { "<!-- <meta charset=koi8-r> --><meta charset=utf-8>ok", NULL, 1, "<!-- <meta charset=koi8-r> --><meta charset=utf-8>ok", "utf-8" },
      { "<meta charset=\"utf-16\">x", NULL, 1, "<meta charset=\"utf-16\">x", "utf-8" },
      { "plain ascii", NULL, 0, "plain ascii", "utf-8" },
      { "<meta charset=utf-8>caf\xe9 cr\xe8me", NULL, 1, "<meta charset=utf-8>café crème", "windows-1252" },
      { "caf\xe9 cr\xe8me", "utf-8", 0, "café crème", "windows-1252" },  /* HTTP says UTF-8: wrong */
      { "caf\xc3\xa9 cr\xc3\xa8me \xff", "utf-8", 0, "café crème \xEF\xBF\xBD", "utf-8" }, /* one stray byte */
      { "", NULL, 0, "", "utf-8" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
      char *out = NULL;
      size_t n = 0;
      const char *cs = NULL;
      int rc = rcp__to_utf8(cases[i].in, strlen(cases[i].in), cases[i].declared, cases[i].html, &out, &n, &cs);
      CHECK_INT(rc, RCP_OK);
      CHECK_STR(out, cases[i].want);
      CHECK_STR(cs, cases[i].cs);
      if (out) CHECK_INT(n, strlen(out));
      rcp__free(out);
    }
  }
  TEST("rcp__to_utf8: UTF-16 odd length and lone surrogate give U+FFFD") {
    const char in[] = "\xff\xfe" "a\0" "\x00\xd8" "b\0" "c";
    char *out = NULL;
    size_t n = 0;
    const char *cs = NULL;
    CHECK_INT(rcp__to_utf8(in, sizeof in - 1, NULL, 0, &out, &n, &cs), RCP_OK);
    CHECK(out && rcp__utf8_valid(out, n));
    CHECK(out && out[0] == 'a' && has(out, "\xEF\xBF\xBD"));
    rcp__free(out);
  }
}

TEST_SUITE(ingest_stdin) {
  TEST("stdin: JSON Lines and a gzip page are sniffed") {
    const char *files[] = { "ingest/stdin/records.jsonl", "ingest/stdin/page.html.gz" };
    int want[] = { 2, 1 };
    for (int k = 0; k < 2; k++) {
      int saved = dup(0);
      int fd = open(t_path(files[k]), O_RDONLY);
      CHECK(fd >= 0);
      if (fd < 0) continue;
      dup2(fd, 0);
      close(fd);
      struct got g;
      const char *in[] = { "-" };
      memset(&g, 0, sizeof g);
      rcp_reader *r = NULL;
      CHECK_INT(rcp_reader_open(&r, in, 1, NULL, on_warn, &g), RCP_OK);
      if (r) drain(r, &g);
      rcp_reader_free(r);
      dup2(saved, 0);
      close(saved);
      CHECK_INT(g.np, want[k]);
      CHECK_INT(g.nw, 0);
      if (k == 0 && g.np == 2) { CHECK_STR(g.p[0].id, "s1"); CHECK_STR(g.p[1].id, "s2"); }
      if (k == 1 && g.np == 1) { CHECK_STR(g.p[0].id, "-"); CHECK(g.p[0].is_html); }
      got_free(&g);
    }
  }
}

/* Failure injection: every allocation failure gives RCP_ENOMEM, no leak. */
static long fail_at = -1, n_alloc = 0;
static void *f_malloc(size_t n, void *ud) { (void)ud; if (++n_alloc == fail_at) return NULL; return malloc(n ? n : 1); }
static void *f_realloc(void *p, size_t n, void *ud) { (void)ud; if (++n_alloc == fail_at) return NULL; return realloc(p, n ? n : 1); }
static void f_free(void *p, void *ud) { (void)ud; free(p); }

static int read_all_counting(const char *path, int *pages) {
  rcp_reader *r = NULL;
  const char *in[] = { path };
  int rc = rcp_reader_open(&r, in, 1, NULL, NULL, NULL);
  *pages = 0;
  if (rc != RCP_OK) return rc;
  const rcp_page *pg;
  while ((rc = rcp_reader_next(r, &pg)) == RCP_OK) (*pages)++;
  rcp_reader_free(r);
  return rc == RCP_EDONE ? RCP_OK : rc;
}

TEST_SUITE(ingest_alloc) {
  TEST("allocation failures return RCP_ENOMEM") {
    static const rcp_allocator failing = { f_malloc, f_realloc, f_free, NULL };
    const char *paths[] = { "ingest/dir", "ingest/json/array.json", "ingest/charset/utf16le-bom.html",
                            "ingest/warc/crawl.warc", "ingest/warc/multi.warc.gz", "ingest/json/lines.json" };
    for (int k = 0; k < 6; k++) {
      char path[600];
      snprintf(path, sizeof path, "%s", t_path(paths[k]));
      int want = 0;
      CHECK_INT(read_all_counting(path, &want), RCP_OK);
      int ok = 0;
      for (fail_at = 1; fail_at < 2000; fail_at++) {
        n_alloc = 0;
        rcp_set_allocator(&failing);
        int pages = 0;
        int rc = read_all_counting(path, &pages);
        rcp_set_allocator(NULL);
        if (rc == RCP_OK) { ok = 1; CHECK_INT(pages, want); break; }
        CHECK_INT(rc, RCP_ENOMEM);
        if (rc != RCP_ENOMEM) break;
      }
      fail_at = -1;
      CHECK(ok);
    }
  }
}
