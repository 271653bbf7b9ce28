/* test_ingest_jsonl.c -- rcp__jsonl_scan, the JSON Lines record reader that
** bypasses jansson: every line it accepts must give jansson's values (each
** accepted case below is compared with jansson field by field), and every
** line it does not read exactly like jansson must be left untouched for
** jansson (escapes, surrogates, numbers, bad input).  The reader's warnings
** for bad lines name the file and the offset as before. */
#include "test.h"
#include "ingest_int.h"

#include <jansson.h>
#include <stdlib.h>

/* Scans a copy of line; 1 if accepted.  Accepted: compares every field with
** jansson's.  Refused: checks the copy is unchanged.  *out: the fields
** (strings copied into buf, which the caller frees). */
static int scan_vs_jansson(const char *line, rcp__jfield f[RCP__JF_COUNT], char **buf) {
  size_t n = strlen(line);
  char *p = malloc(n + 1);
  memcpy(p, line, n + 1);
  *buf = p;
  int ok = rcp__jsonl_scan(p, n, f);
  if (!ok) {
    CHECK(memcmp(p, line, n) == 0);
    return 0;
  }
  json_error_t err;
  json_t *o = json_loadb(line, n, JSON_ALLOW_NUL, &err);
  CHECK(o && json_is_object(o));
  if (o && json_is_object(o)) {
    rcp__jfield g[RCP__JF_COUNT];
    rcp__jf_from_json(o, g);
    for (int k = 0; k < RCP__JF_COUNT; k++) {
      CHECK_INT(f[k].type, g[k].type);
      if (f[k].type == RCP__JV_STRING && g[k].type == RCP__JV_STRING) {
        CHECK_INT(f[k].n, g[k].n);
        CHECK(f[k].n == g[k].n && memcmp(f[k].s, g[k].s, f[k].n) == 0);
        CHECK(f[k].s[f[k].n] == 0);
      }
      if (f[k].type == RCP__JV_INT) CHECK_INT(f[k].i, g[k].i);
    }
  }
  json_decref(o);
  return 1;
}

static int jansson_ok(const char *line) {
  json_error_t err;
  json_t *o = json_loadb(line, strlen(line), JSON_ALLOW_NUL, &err);
  int ok = o != NULL;
  json_decref(o);
  return ok;
}

struct warns { int n; uint64_t off[4]; char msg[4][200]; };

static void on_warn(void *ud, const char *file, uint64_t off, int why, const char *msg) {
  struct warns *w = ud;
  (void)why;
  if (w->n < 4) {
    w->off[w->n] = off;
    snprintf(w->msg[w->n], sizeof w->msg[w->n], "%s: %s", file, msg);
  }
  w->n++;
}

TEST_SUITE(ingest_jsonl_scan) {
  TEST("accepted records give jansson's fields") {
    static const char *const ok[] = {
      "{\"id\":\"a1\",\"text\":\"du texte\"}\n",
      "  { \"id\" : 19818 , \"date\" : \"2020-01-01\" , \"title\" : \"t\" }  \r\n",
      "{}\n",
      "{\"id\":-0,\"text\":\"x\"}",
      "{\"id\":-123456789012345678,\"text\":\"x\"}",
      "{\"text\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"}",
      "{\"title\":\"\\u00e9t\\u00C9 \\u20ac \\u0041\\u007f\\u0080\\u07ff\\u0800\\uffff\"}",
      "{\"title\":\"emoji \\ud83d\\ude00 and \\uDBFF\\uDFFF\"}",
      "{\"text\":\"NUL \\u0000 inside\",\"id\":\"\\u0000x\"}",
      "{\"text\":\"l'\\\"agribashing\\\"\",\"tags\":[\"a\",\"b\",[1,{\"k\":[true,false,null]}]],\"x\":{}}",
      "{\"text\":\"first\",\"text\":\"second \\n\"}",
      "{\"text\":\"a string\",\"text\":[1,2]}",
      "{\"title\":null,\"url\":true,\"site\":false,\"language\":[],\"lang\":{},\"html\":7}",
      "{\"article\":\"\\u00e9l\\u00e8ve \\u00e0 l\\u2019\\u00e9cole\",\"heading\":\"h\"}",
      "{\"published\":\"2020\",\"date\":\"\",\"datePublished\":\"x\",\"link\":\"l\",\"fetched\":\"f\"}",
      "{\"raw_html\":\"<p>\\u003cb\\u003e</p>\",\"body\":\"b\",\"content\":\"c\",\"heading\":\"\"}",
      "{\"other\":\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\",\"text\":\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"}",
      "{\"text\":\"12345678\\n12345678\\\"12345678\\\\1234567\\u00e91234567\"}",
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
      rcp__jfield f[RCP__JF_COUNT];
      char *buf;
      int got = scan_vs_jansson(ok[i], f, &buf);
      if (!got) fprintf(stderr, "    not accepted: %s\n", ok[i]);
      CHECK(got);
      free(buf);
    }
  }
  TEST("decoded values: escapes, surrogate pairs, NUL, integers, last key wins") {
    rcp__jfield f[RCP__JF_COUNT];
    char *buf;
    CHECK(scan_vs_jansson("{\"title\":\"\\u00e9\\ud83d\\ude00\\n\\u0000.\",\"id\":-42,\"text\":\"a\",\"text\":\"b\"}", f, &buf));
    CHECK_INT(f[RCP__JF_TITLE].n, 2 + 4 + 1 + 1 + 1);
    CHECK(memcmp(f[RCP__JF_TITLE].s, "\xC3\xA9\xF0\x9F\x98\x80\n\0.", 9) == 0);
    CHECK_INT(f[RCP__JF_ID].type, RCP__JV_INT);
    CHECK_INT(f[RCP__JF_ID].i, -42);
    CHECK_STR(f[RCP__JF_TEXT].s, "b");
    CHECK_INT(f[RCP__JF_URL].type, RCP__JV_ABSENT);
    free(buf);
  }
  TEST("lines left to jansson: bad escapes, lone surrogates, reals, bad syntax") {
    static const struct { const char *line; int valid; } no[] = {
      /* valid JSON the scanner leaves to jansson */
      { "{\"id\":1.5,\"text\":\"x\"}", 1 },
      { "{\"id\":1e3,\"text\":\"x\"}", 1 },
      { "{\"id\":1E-3,\"text\":\"x\"}", 1 },
      { "{\"n\":0.5,\"text\":\"x\"}", 1 },
      { "{\"id\":1234567890123456789,\"text\":\"x\"}", 1 },
      { "{\"n\":-98765432109876543210987654321,\"text\":\"x\"}", 0 },  /* jansson: too big */
      { "{\"te\\u0078t\":\"x\"}", 1 },
      { "{\"tags\":{\"k\\n\":1},\"text\":\"x\"}", 1 },
      { "[{\"text\":\"x\"}]", 1 },
      { "\"text\"", 0 },   /* jansson: a top-level string is an error too */
      { "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", 1 },
      { "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],\"text\":\"x\"}", 1 },  /* deeper than the scanner goes */
      /* invalid JSON: jansson reports it */
      { "{\"text\":\"\\ud800\"}", 0 },
      { "{\"text\":\"\\ud800x\"}", 0 },
      { "{\"text\":\"\\ud800\\u0041\"}", 0 },
      { "{\"text\":\"\\udc00\"}", 0 },
      { "{\"text\":\"\\uDFFF\\uD800\"}", 0 },
      { "{\"text\":\"\\u12\"}", 0 },
      { "{\"text\":\"\\u12g4\"}", 0 },
      { "{\"text\":\"\\x41\"}", 0 },
      { "{\"text\":\"\\'\"}", 0 },
      { "{\"text\":\"tab\there\"}", 0 },
      { "{\"text\":\"line\nbreak\"}", 0 },
      { "{\"text\":\"x\"} trailing", 0 },
      { "{\"text\":\"x\"}{\"text\":\"y\"}", 0 },
      { "{\"text\":\"unterminated}", 0 },
      { "{\"text\" \"x\"}", 0 },
      { "{\"text\":\"x\",}", 0 },
      { "{\"text\":\"x\"", 0 },
      { "{text:\"x\"}", 0 },
      { "{\"id\":01,\"text\":\"x\"}", 0 },
      { "{\"id\":-,\"text\":\"x\"}", 0 },
      { "{\"id\":+1,\"text\":\"x\"}", 0 },
      { "{\"a\":tru,\"text\":\"x\"}", 0 },
      { "{\"a\":nul}", 0 },
      { "{\"a\":[1,],\"text\":\"x\"}", 0 },
      { "{\"a\":[1 2]}", 0 },
      { "{\"a\":{\"b\"}}", 0 },
      { "{\"text\":\"x\"\\", 0 },
      { "", 0 },
      { "{", 0 },
      { "\\", 0 },
    };
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
      rcp__jfield f[RCP__JF_COUNT];
      char *buf;
      int got = scan_vs_jansson(no[i].line, f, &buf);
      if (got) fprintf(stderr, "    accepted: %s\n", no[i].line);
      CHECK(!got);
      if (jansson_ok(no[i].line) != no[i].valid) fprintf(stderr, "    jansson differs: %s\n", no[i].line);
      CHECK_INT(jansson_ok(no[i].line), no[i].valid);
      free(buf);
    }
  }
  TEST("through the reader: jansson's errors keep file and offset; reals still read") {
    const char *l0 = "{\"id\":\"a\",\"text\":\"premier\"}\n";
    const char *l1 = "{\"id\":\"b\",\"text\":\"\\ud800 seul\"}\n";
    const char *l2 = "{\"id\":2.5,\"text\":\"r\\u00e9el\"}\n";
    const char *l3 = "{\"id\":\"c\",\"text\":\"x\"} de trop\n";
    const char *l4 = "{\"id\":\"d\",\"text\":\"\\u00e9t\\u00e9\",\"tags\":[\"x\"]}\n";
    char s[512];
    snprintf(s, sizeof s, "%s%s%s%s%s", l0, l1, l2, l3, l4);
    rcp_opts o;
    rcp_opts_default(&o);
    rcp_reader *r = NULL;
    struct warns w = { 0 };
    CHECK_INT(rcp__reader_open_mem(&r, "m.jsonl", s, strlen(s), &o, on_warn, &w), RCP_OK);
    const rcp_page *pg;
    const char *ids[3] = { "a", "2.5", "d" };
    const char *bodies[3] = { "premier", "r\xC3\xA9" "el", "\xC3\xA9t\xC3\xA9" };
    int np = 0, rc;
    while ((rc = rcp_reader_next(r, &pg)) == RCP_OK) {
      if (np < 3) { CHECK_STR(pg->id, ids[np]); CHECK_STR(pg->body, bodies[np]); }
      np++;
    }
    CHECK_INT(rc, RCP_EDONE);
    CHECK_INT(np, 3);
    CHECK_INT(rcp_reader_stats(r)->skipped[RCP_SKIP_JSON], 2);
    CHECK_INT(w.n, 2);
    if (w.n == 2) {
      CHECK_INT(w.off[0], strlen(l0));
      CHECK(strstr(w.msg[0], "m.jsonl") && strstr(w.msg[0], "invalid Unicode"));
      CHECK_INT(w.off[1], strlen(l0) + strlen(l1) + strlen(l2));
      CHECK(strstr(w.msg[1], "m.jsonl") && strstr(w.msg[1], "end of file expected"));
    }
    rcp_reader_free(r);
  }
}
