/* ingest_json.c -- stage 1: JSON Lines files and JSON documents.
**
** A record is an object {"id","url","html" or "text","title","published",
** "site","language"} (DESIGN.md "Inputs"), with the names other tools use:
** text from "text", "article", "body" or "content"; HTML from "html" or
** "raw_html" (HTML wins when both are given); published from "published",
** "date" or "datePublished"; url from "url" or "link".  A record with a
** "heading" (the OrangeSum layout) reads as one text: title, blank line,
** heading, blank line, article.  The id is the record's "id" (a string or a
** number), else path#offset for JSON Lines, the path for a one-object .json
** file, and path[i] for element i of an array.
**
** JSON Lines are read one line at a time (lines up to 2 x page_cap bytes,
** since escaping grows HTML); each line is repaired to valid UTF-8 (invalid
** bytes become U+FFFD, NUL bytes dropped) before json_loadb, as RESOURCES.md
** 5.2 advises, so one bad byte does not lose the record.  A .json file is
** loaded whole (up to 1 GiB or page_cap, the larger); if it holds several
** top-level values it is read again as JSON Lines.  Bad lines are reported
** with their offset and skipped.
*/
#include "ingest_int.h"

#include <jansson.h> /* json_loadb, json_object_get */
#include <stdio.h>   /* snprintf */
#include <string.h>  /* memchr, strstr */

#define JSON_DOC_CAP ((size_t)1 << 30)

/* ---- the fields a record is read from ----------------------------- */

const char *const rcp__jf_names[RCP__JF_COUNT] = {
  "id", "url", "link", "published", "date", "datePublished", "title", "site", "language",
  "lang", "fetched", "html", "raw_html", "text", "article", "body", "content", "heading",
};

void rcp__jf_from_json(json_t *o, rcp__jfield f[RCP__JF_COUNT]) {
  for (int k = 0; k < RCP__JF_COUNT; k++) {
    json_t *v = json_object_get(o, rcp__jf_names[k]);
    rcp__jfield *x = &f[k];
    memset(x, 0, sizeof *x);
    if (!v) continue;
    if (json_is_string(v)) { x->type = RCP__JV_STRING; x->s = json_string_value(v); x->n = json_string_length(v); }
    else if (json_is_integer(v)) { x->type = RCP__JV_INT; x->i = (long long)json_integer_value(v); }
    else if (json_is_real(v)) { x->type = RCP__JV_REAL; x->d = json_real_value(v); }
    else x->type = RCP__JV_OTHER;
  }
}

/* First non-empty string among the given fields (-1-terminated). */
static const char *get_str(const rcp__jfield *f, const int *keys, size_t *len) {
  for (int i = 0; keys[i] >= 0; i++) {
    const rcp__jfield *x = &f[keys[i]];
    if (x->type == RCP__JV_STRING && x->n > 0) {
      if (len) *len = x->n;
      return x->s;
    }
  }
  return NULL;
}

/* Fills r->page from the record's fields (which live until the next call:
** in r->rec, or in r->line for a record read by rcp__jsonl_scan). */
static int record(rcp_reader *r, uint64_t off, const rcp__jfield *f, const char *fallback_id) {
  enum { ID = RCP__JF_ID };
  static const int k_html[] = { RCP__JF_HTML, RCP__JF_RAW_HTML, -1 };
  static const int k_text[] = { RCP__JF_TEXT, RCP__JF_ARTICLE, RCP__JF_BODY, RCP__JF_CONTENT, -1 };
  static const int k_pub[] = { RCP__JF_PUBLISHED, RCP__JF_DATE, RCP__JF_DATEPUBLISHED, -1 };
  static const int k_url[] = { RCP__JF_URL, RCP__JF_LINK, -1 };
  static const int k_title[] = { RCP__JF_TITLE, -1 };
  static const int k_head[] = { RCP__JF_HEADING, -1 };
  static const int k_art[] = { RCP__JF_ARTICLE, -1 };
  static const int k_site[] = { RCP__JF_SITE, -1 };
  static const int k_lang[] = { RCP__JF_LANGUAGE, RCP__JF_LANG, -1 };
  static const int k_fetched[] = { RCP__JF_FETCHED, -1 };
  rcp_page *pg = &r->page;
  const rcp__jfield *id = &f[ID];
  if (id->type == RCP__JV_STRING && id->n > 0) pg->id = id->s;
  else if (id->type == RCP__JV_INT) pg->id = rcp__arena_printf(r->scratch, "%lld", id->i);
  else if (id->type == RCP__JV_REAL) pg->id = rcp__arena_printf(r->scratch, "%.17g", id->d);
  else if (fallback_id) pg->id = rcp__arena_strdup(r->scratch, fallback_id);
  else pg->id = rcp__arena_printf(r->scratch, "%s#%llu", r->path, (unsigned long long)off);
  if (!pg->id) return -RCP_ENOMEM;
  pg->url = get_str(f, k_url, NULL);
  pg->published = get_str(f, k_pub, NULL);
  pg->title = get_str(f, k_title, NULL);
  pg->site = get_str(f, k_site, NULL);
  pg->language = get_str(f, k_lang, NULL);
  pg->fetched = get_str(f, k_fetched, NULL);
  size_t n = 0;
  const char *body = get_str(f, k_html, &n);
  int is_html = 1;
  if (!body) {
    is_html = 0;
    size_t hl = 0, al = 0, tl = 0;
    const char *head = get_str(f, k_head, &hl);
    const char *art = get_str(f, k_art, &al);
    const char *title = get_str(f, k_title, &tl);
    if (head && f[RCP__JF_TEXT].type != RCP__JV_STRING) {
      /* OrangeSum layout: title, heading, article as one text */
      rcp__buf_reset(&r->tmp);
      if (title && tl) { rcp__buf_add(&r->tmp, title, tl); rcp__buf_add(&r->tmp, "\n\n", 2); }
      rcp__buf_add(&r->tmp, head, hl);
      if (art && al) { rcp__buf_add(&r->tmp, "\n\n", 2); rcp__buf_add(&r->tmp, art, al); }
      if (r->tmp.err == RCP_ENOMEM) return -RCP_ENOMEM;
      if (r->tmp.err) {
        rcp__ingest_skip(r, off, RCP_SKIP_TOOBIG, "record over the page cap");
        return RCP__NEXT_SKIP;
      }
      body = r->tmp.p ? r->tmp.p : "";
      n = r->tmp.n;
    } else {
      body = get_str(f, k_text, &n);
    }
  }
  if (!body) {
    static const int k_any[] = { RCP__JF_HTML, RCP__JF_RAW_HTML, RCP__JF_TEXT, RCP__JF_ARTICLE,
                                 RCP__JF_BODY, RCP__JF_CONTENT, RCP__JF_HEADING, -1 };
    for (int i = 0; k_any[i] >= 0; i++)
      if (f[k_any[i]].type == RCP__JV_STRING) {
        rcp__ingest_skip(r, off, RCP_SKIP_EMPTY, "empty \"%s\"", rcp__jf_names[k_any[i]]);
        return RCP__NEXT_SKIP;
      }
    rcp__ingest_skip(r, off, RCP_SKIP_FIELD, "record has no \"html\" or \"text\" field");
    return RCP__NEXT_SKIP;
  }
  return rcp__ingest_body(r, off, body, n, NULL, is_html, 1);
}

/* Fills r->page from the jansson value o (taken: r->rec owns it from now on). */
static int record_json(rcp_reader *r, uint64_t off, json_t *o, const char *fallback_id) {
  int rc = rcp__ingest_page_begin(r, off);
  if (rc != RCP_OK) { json_decref(o); return -rc; }
  r->rec = o;
  if (!json_is_object(o)) {
    rcp__ingest_skip(r, off, RCP_SKIP_JSON, "not a JSON object");
    return RCP__NEXT_SKIP;
  }
  rcp__jfield f[RCP__JF_COUNT];
  rcp__jf_from_json(o, f);
  return record(r, off, f, fallback_id);
}

/* ---- JSON Lines records without jansson ------------------------------
** Reading the 2020 stream spent a fifth of `recoupe dedup` in jansson,
** which builds a value and a hash table entry for every field and copies
** every string.  A record is one flat object whose fields are strings,
** integers, true/false/null or lists of those, so rcp__jsonl_scan reads
** it in place: a first pass checks the whole line by the JSON grammar and
** notes where the fields record() reads are, a second decodes their
** escapes in place (a decoded string is never longer than its source) and
** ends each with a NUL.  Anything it does not handle exactly as jansson
** does (a real number, an integer of 19 digits or more, an escape in a
** key, a lone surrogate, a control character, nesting deeper than 32,
** any syntax error) leaves the line untouched for jansson, which reads it
** or reports the error as before.  The fuzz target `jsonl` checks that
** every line it accepts gives jansson's values. */

#define SCAN_DEPTH 32

static const uint64_t ONES = UINT64_C(0x0101010101010101), HIGHS = UINT64_C(0x8080808080808080);

/* Nonzero if a byte of w is '"', '\\' or below 0x20. */
static inline uint64_t special8(uint64_t w) {
  uint64_t q = w ^ (ONES * '"'), b = w ^ (ONES * '\\');
  return (((q - ONES) & ~q) | ((b - ONES) & ~b) | (w - ONES * 0x20)) & ~w & HIGHS;
}

static inline int ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static const char *skip_ws(const char *p, const char *e) {
  while (p < e && ws(*p)) p++;
  return p;
}

static int hex4(const char *p, const char *e) {
  if (e - p < 4) return -1;
  int v = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/* p at '"': checks the string; returns the byte after its closing quote, or
** NULL.  *esc is set when it holds an escape. */
static const char *scan_string(const char *p, const char *e, int *esc) {
  p++;
  *esc = 0;
  for (;;) {
    while (e - p >= 8) {
      uint64_t w;
      memcpy(&w, p, 8);
      if (special8(w)) break;
      p += 8;
    }
    if (p >= e) return NULL;
    unsigned char c = (unsigned char)*p;
    if (c == '"') return p + 1;
    if (c < 0x20) return NULL;
    if (c != '\\') { p++; continue; }
    *esc = 1;
    if (e - p < 2) return NULL;
    switch (p[1]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        p += 2;
        break;
      case 'u': {
        int cp = hex4(p + 2, e);
        if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return NULL;
        p += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          int lo = e - p >= 2 && p[0] == '\\' && p[1] == 'u' ? hex4(p + 2, e) : -1;
          if (lo < 0xDC00 || lo > 0xDFFF) return NULL;
          p += 6;
        }
        break;
      }
      default: return NULL;
    }
  }
}

/* Decodes the checked string body s[0..n) (between its quotes) in place and
** ends it with a NUL (where its closing quote was at the latest).  Returns
** the decoded length. */
static size_t decode_string(char *s, size_t n) {
  char *w = s, *p = s, *e = s + n;
  while (p < e) {
    char *bs = memchr(p, '\\', (size_t)(e - p));
    size_t k = bs ? (size_t)(bs - p) : (size_t)(e - p);
    if (w != p) memmove(w, p, k);
    w += k;
    p += k;
    if (!bs) break;
    char c = p[1];
    p += 2;
    switch (c) {
      case 'b': *w++ = '\b'; break;
      case 'f': *w++ = '\f'; break;
      case 'n': *w++ = '\n'; break;
      case 'r': *w++ = '\r'; break;
      case 't': *w++ = '\t'; break;
      case 'u': {
        long cp = hex4(p, e);
        p += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(p + 2, e) - 0xDC00);
          p += 6;
        }
        unsigned char *u = (unsigned char *)w;
        if (cp < 0x80) { u[0] = (unsigned char)cp; w += 1; }
        else if (cp < 0x800) { u[0] = (unsigned char)(0xC0 | cp >> 6); u[1] = (unsigned char)(0x80 | (cp & 0x3F)); w += 2; }
        else if (cp < 0x10000) {
          u[0] = (unsigned char)(0xE0 | cp >> 12); u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
          u[2] = (unsigned char)(0x80 | (cp & 0x3F)); w += 3;
        } else {
          u[0] = (unsigned char)(0xF0 | cp >> 18); u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
          u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (unsigned char)(0x80 | (cp & 0x3F)); w += 4;
        }
        break;
      }
      default: *w++ = c; break; /* " \ / */
    }
  }
  *w = 0;
  return (size_t)(w - s);
}

/* p at the first byte of a number: checks an integer of at most 18 digits
** (no overflow possible); returns the byte after it, or NULL (reals too). */
static const char *scan_int(const char *p, const char *e, long long *v) {
  int neg = 0;
  if (p < e && *p == '-') { neg = 1; p++; }
  const char *d = p;
  long long x = 0;
  while (p < e && *p >= '0' && *p <= '9') {
    if (p - d < 18) x = x * 10 + (*p - '0');
    p++;
  }
  size_t nd = (size_t)(p - d);
  if (nd == 0 || nd > 18 || (nd > 1 && *d == '0')) return NULL;
  if (p < e && (*p == '.' || *p == 'e' || *p == 'E')) return NULL;
  *v = neg ? -x : x;
  return p;
}

/* Skips one checked value; returns the byte after it, or NULL. */
static const char *skip_value(const char *p, const char *e, int depth) {
  int esc;
  long long v;
  if (p >= e) return NULL;
  switch (*p) {
    case '"': return scan_string(p, e, &esc);
    case 't': return e - p >= 4 && memcmp(p, "true", 4) == 0 ? p + 4 : NULL;
    case 'f': return e - p >= 5 && memcmp(p, "false", 5) == 0 ? p + 5 : NULL;
    case 'n': return e - p >= 4 && memcmp(p, "null", 4) == 0 ? p + 4 : NULL;
    case '[': case '{': {
      char close = *p == '[' ? ']' : '}';
      if (depth >= SCAN_DEPTH) return NULL;
      p = skip_ws(p + 1, e);
      if (p < e && *p == close) return p + 1;
      for (;;) {
        if (close == '}') {
          if (p >= e || *p != '"' || !(p = scan_string(p, e, &esc)) || esc) return NULL;
          p = skip_ws(p, e);
          if (p >= e || *p != ':') return NULL;
          p = skip_ws(p + 1, e);
        }
        if (!(p = skip_value(p, e, depth + 1))) return NULL;
        p = skip_ws(p, e);
        if (p >= e) return NULL;
        if (*p == close) return p + 1;
        if (*p != ',') return NULL;
        p = skip_ws(p + 1, e);
      }
    }
    default: return *p == '-' || (*p >= '0' && *p <= '9') ? scan_int(p, e, &v) : NULL;
  }
}

/* The field named k[0..n), or -1. */
static int field_of(const char *k, size_t n) {
  for (int i = 0; i < RCP__JF_COUNT; i++)
    if (k[0] == rcp__jf_names[i][0] && strlen(rcp__jf_names[i]) == n && memcmp(k, rcp__jf_names[i], n) == 0)
      return i;
  return -1;
}

int rcp__jsonl_scan(char *line, size_t n, rcp__jfield f[RCP__JF_COUNT]) {
  const char *p = line, *e = line + n;
  int esc[RCP__JF_COUNT];
  memset(f, 0, RCP__JF_COUNT * sizeof *f);
  p = skip_ws(p, e);
  if (p >= e || *p != '{') return 0;
  p = skip_ws(p + 1, e);
  if (p < e && *p == '}') p++;
  else for (;;) {
    if (p >= e || *p != '"') return 0;
    const char *k = p + 1;
    int kesc;
    if (!(p = scan_string(p, e, &kesc)) || kesc) return 0;
    int fi = field_of(k, (size_t)(p - 1 - k));
    p = skip_ws(p, e);
    if (p >= e || *p != ':') return 0;
    p = skip_ws(p + 1, e);
    if (p >= e) return 0;
    const char *v = p;
    if (fi < 0) p = skip_value(p, e, 1);
    else if (*p == '"') {
      p = scan_string(p, e, &esc[fi]);
      f[fi].type = RCP__JV_STRING;   /* the last of repeated keys wins, as in jansson */
      f[fi].s = v + 1;
      f[fi].n = p ? (size_t)(p - 1 - (v + 1)) : 0;
    } else if (*p == '-' || (*p >= '0' && *p <= '9')) {
      p = scan_int(p, e, &f[fi].i);
      f[fi].type = RCP__JV_INT;
    } else {
      p = skip_value(p, e, 1);
      f[fi].type = RCP__JV_OTHER;
    }
    if (!p) return 0;
    p = skip_ws(p, e);
    if (p >= e) return 0;
    if (*p == '}') { p++; break; }
    if (*p != ',') return 0;
    p = skip_ws(p + 1, e);
  }
  if (skip_ws(p, e) != e) return 0;
  /* the line is a valid record: decode the strings record() reads */
  for (int i = 0; i < RCP__JF_COUNT; i++) {
    if (f[i].type != RCP__JV_STRING) continue;
    char *s = line + (f[i].s - line);
    if (esc[i]) f[i].n = decode_string(s, f[i].n);
    else s[f[i].n] = 0;
    f[i].s = s;
  }
  return 1;
}

/* 1 if p[0..n) is valid UTF-8 without NUL; ASCII runs go 8 bytes at a time
** (the check is a tenth of JSON Lines reading time otherwise). */
static int clean_utf8(const char *p, size_t n) {
  const unsigned char *u = (const unsigned char *)p;
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, u + i, 8);
      /* no high bit and no zero byte in the word */
      if (!(w & UINT64_C(0x8080808080808080)) &&
          !((w - UINT64_C(0x0101010101010101)) & ~w & UINT64_C(0x8080808080808080))) {
        i += 8;
        continue;
      }
    }
    unsigned char c = u[i];
    if (c == 0) return 0;
    if (c < 0x80) { i++; continue; }
    if (c >= 0xC2 && c < 0xE0 && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) { i += 2; continue; } /* é */
    size_t k = c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
    if (!k || i + k > n || !rcp__utf8_valid(p + i, k)) return 0;
    i += k;
  }
  return 1;
}

/* Parses p[0..n) (any bytes; clean: 1 if known to be valid UTF-8 without
** NUL) into *out; on error fills err. */
static int parse(const char *p, size_t n, int clean, json_t **out, json_error_t *err) {
  const char *q = p;
  char *fixed = NULL;
  if (!clean && !clean_utf8(p, n)) {
    fixed = rcp__malloc(3 * n + 1);
    if (!fixed) return RCP_ENOMEM;
    n = rcp__utf8_sanitize(p, n, fixed);
    q = fixed;
  }
  *out = json_loadb(q, n, JSON_ALLOW_NUL, err);
  rcp__free(fixed);
  return RCP_OK;
}

static int blank(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n') return 0;
  return 1;
}

int rcp__jsonl_next(rcp_reader *r) {
  for (;;) {
    uint64_t off = rcp__stream_off(&r->s);
    int toobig = 0;
    int got = rcp__stream_getline(&r->s, &r->line, 2 * r->page_cap + 1024, &toobig);
    if (r->s.nomem) return -RCP_ENOMEM;
    if (r->s.err && (!got || r->line.n == 0 || r->line.p[r->line.n - 1] != '\n')) {
      /* a cut-off last line is part of the stream error: one report */
      rcp__ingest_skip(r, r->s.err_off, r->s.err, "%s", r->s.errmsg);
      return RCP__NEXT_EOF;
    }
    if (!got) return RCP__NEXT_EOF;
    if (toobig) {
      rcp__ingest_skip(r, off, RCP_SKIP_TOOBIG, "JSON line over %zu bytes", 2 * r->page_cap + 1024);
      return RCP__NEXT_SKIP;
    }
    char *p = r->line.p;
    size_t n = r->line.n;
    if (off == 0 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) { p += 3; n -= 3; }
    if (blank(p, n)) continue;
    int clean = clean_utf8(p, n);
    rcp__jfield f[RCP__JF_COUNT];
    if (clean && rcp__jsonl_scan(p, n, f)) {
      int rc = rcp__ingest_page_begin(r, off);
      if (rc != RCP_OK) return -rc;
      return record(r, off, f, NULL);
    }
    json_t *o = NULL;
    json_error_t err;
    int rc = parse(p, n, clean, &o, &err);
    if (rc != RCP_OK) return -rc;
    if (!o) {
      rcp__ingest_skip(r, off, RCP_SKIP_JSON, "invalid JSON: %s (column %d)", err.text, err.column);
      return RCP__NEXT_SKIP;
    }
    return record_json(r, off, o, NULL);
  }
}

int rcp__json_load(rcp_reader *r) {
  size_t cap = r->page_cap > JSON_DOC_CAP ? r->page_cap : JSON_DOC_CAP;
  rcp__buf_free(&r->docbuf);
  uint64_t got = rcp__stream_read(&r->s, (uint64_t)cap + 1, &r->docbuf);
  if (r->s.nomem || r->docbuf.err == RCP_ENOMEM) return -RCP_ENOMEM;
  if (r->s.err) {
    rcp__ingest_skip(r, r->s.err_off, r->s.err, "%s", r->s.errmsg);
    return 0;
  }
  if (got > cap) {
    rcp__ingest_skip(r, 0, RCP_SKIP_TOOBIG, "JSON file over %zu bytes (use JSON Lines)", cap);
    return 0;
  }
  const char *p = r->docbuf.p ? r->docbuf.p : "";
  size_t n = r->docbuf.n;
  size_t bom = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  json_error_t err;
  json_t *doc = NULL;
  int rc = parse(p + bom, n - bom, 0, &doc, &err);
  if (rc != RCP_OK) return -rc;
  if (!doc && strstr(err.text, "end of file expected")) {
    /* several top-level values: JSON Lines under a .json name.  Read the
    ** bytes again from memory (r->docbuf lives until the file is closed). */
    r->done_raw += r->s.raw_read; /* decompressed bytes: counted by the re-read */
    rcp__stream_close(&r->s);
    if (rcp__stream_open_mem(&r->s, r->docbuf.p, r->docbuf.n) != RCP_OK) {
      r->stream_open = 0;
      return -RCP_ENOMEM;
    }
    r->s.raw_read = 0;
    r->kind = RCP__K_JSONL;
    return 1;
  }
  if (!doc) {
    rcp__ingest_skip(r, (uint64_t)err.position, RCP_SKIP_JSON, "invalid JSON: %s (line %d, column %d)",
                     err.text, err.line, err.column);
    return 0;
  }
  if (!json_is_object(doc) && !json_is_array(doc)) {
    json_decref(doc);
    rcp__ingest_skip(r, 0, RCP_SKIP_JSON, "not a JSON object or array");
    return 0;
  }
  r->doc = doc;
  r->doc_i = 0;
  return 1;
}

int rcp__json_next(rcp_reader *r) {
  json_t *doc = r->doc;
  if (!doc) return RCP__NEXT_EOF;
  if (json_is_object(doc)) {
    if (r->doc_i++ > 0) return RCP__NEXT_EOF;
    return record_json(r, 0, json_incref(doc), r->path);
  }
  if (r->doc_i >= json_array_size(doc)) return RCP__NEXT_EOF;
  size_t i = r->doc_i++;
  char idb[64];
  rcp_buf id;
  rcp__buf_init(&id, 0);
  snprintf(idb, sizeof idb, "[%zu]", i);
  rcp__buf_adds(&id, r->path);
  rcp__buf_adds(&id, idb);
  if (id.err) return -RCP_ENOMEM;
  json_t *el = json_incref(json_array_get(doc, i));
  int rc = record_json(r, 0, el, id.p);
  rcp__buf_free(&id);
  return rc;
}
