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

/* First non-empty string value among the given keys (NULL-terminated). */
static const char *get_str(json_t *o, const char *const *keys, size_t *len) {
  for (int i = 0; keys[i]; i++) {
    json_t *v = json_object_get(o, keys[i]);
    if (json_is_string(v) && json_string_length(v) > 0) {
      if (len) *len = json_string_length(v);
      return json_string_value(v);
    }
  }
  return NULL;
}

/* Fills r->page from the object o (taken: r->rec owns it from now on). */
static int record(rcp_reader *r, uint64_t off, json_t *o, const char *fallback_id) {
  static const char *const k_html[] = { "html", "raw_html", NULL };
  static const char *const k_text[] = { "text", "article", "body", "content", NULL };
  static const char *const k_pub[] = { "published", "date", "datePublished", NULL };
  static const char *const k_url[] = { "url", "link", NULL };
  static const char *const k_title[] = { "title", NULL };
  static const char *const k_head[] = { "heading", NULL };
  static const char *const k_art[] = { "article", NULL };
  static const char *const k_site[] = { "site", NULL };
  static const char *const k_lang[] = { "language", "lang", NULL };
  static const char *const k_fetched[] = { "fetched", NULL };
  int rc = rcp__ingest_page_begin(r, off);
  if (rc != RCP_OK) { json_decref(o); return -rc; }
  r->rec = o;
  if (!json_is_object(o)) {
    rcp__ingest_skip(r, off, RCP_SKIP_JSON, "not a JSON object");
    return RCP__NEXT_SKIP;
  }
  rcp_page *pg = &r->page;
  json_t *id = json_object_get(o, "id");
  if (json_is_string(id) && json_string_length(id) > 0) pg->id = json_string_value(id);
  else if (json_is_integer(id))
    pg->id = rcp__arena_printf(r->scratch, "%lld", (long long)json_integer_value(id));
  else if (json_is_real(id)) pg->id = rcp__arena_printf(r->scratch, "%.17g", json_real_value(id));
  else if (fallback_id) pg->id = rcp__arena_strdup(r->scratch, fallback_id);
  else pg->id = rcp__arena_printf(r->scratch, "%s#%llu", r->path, (unsigned long long)off);
  if (!pg->id) return -RCP_ENOMEM;
  pg->url = get_str(o, k_url, NULL);
  pg->published = get_str(o, k_pub, NULL);
  pg->title = get_str(o, k_title, NULL);
  pg->site = get_str(o, k_site, NULL);
  pg->language = get_str(o, k_lang, NULL);
  pg->fetched = get_str(o, k_fetched, NULL);
  size_t n = 0;
  const char *body = get_str(o, k_html, &n);
  int is_html = 1;
  if (!body) {
    is_html = 0;
    size_t hl = 0, al = 0, tl = 0;
    const char *head = get_str(o, k_head, &hl);
    const char *art = get_str(o, k_art, &al);
    const char *title = get_str(o, k_title, &tl);
    if (head && !json_is_string(json_object_get(o, "text"))) {
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
      body = get_str(o, k_text, &n);
    }
  }
  if (!body) {
    static const char *const k_any[] = { "html", "raw_html", "text", "article", "body",
                                         "content", "heading", NULL };
    for (int i = 0; k_any[i]; i++)
      if (json_is_string(json_object_get(o, k_any[i]))) {
        rcp__ingest_skip(r, off, RCP_SKIP_EMPTY, "empty \"%s\"", k_any[i]);
        return RCP__NEXT_SKIP;
      }
    rcp__ingest_skip(r, off, RCP_SKIP_FIELD, "record has no \"html\" or \"text\" field");
    return RCP__NEXT_SKIP;
  }
  return rcp__ingest_body(r, off, body, n, NULL, is_html, 1);
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
    size_t k = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
    if (!k || i + k > n || !rcp__utf8_valid(p + i, k)) return 0;
    i += k;
  }
  return 1;
}

/* Parses p[0..n) (any bytes) into *out; on error fills err. */
static int parse(rcp_reader *r, const char *p, size_t n, json_t **out, json_error_t *err) {
  const char *q = p;
  char *fixed = NULL;
  if (!clean_utf8(p, n)) {
    fixed = rcp__malloc(3 * n + 1);
    if (!fixed) return RCP_ENOMEM;
    n = rcp__utf8_sanitize(p, n, fixed);
    q = fixed;
  }
  (void)r;
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
    const char *p = r->line.p;
    size_t n = r->line.n;
    if (off == 0 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) { p += 3; n -= 3; }
    if (blank(p, n)) continue;
    json_t *o = NULL;
    json_error_t err;
    int rc = parse(r, p, n, &o, &err);
    if (rc != RCP_OK) return -rc;
    if (!o) {
      rcp__ingest_skip(r, off, RCP_SKIP_JSON, "invalid JSON: %s (column %d)", err.text, err.column);
      return RCP__NEXT_SKIP;
    }
    return record(r, off, o, NULL);
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
  int rc = parse(r, p + bom, n - bom, &doc, &err);
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
    return record(r, 0, json_incref(doc), r->path);
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
  int rc = record(r, 0, el, id.p);
  rcp__buf_free(&id);
  return rc;
}
