/* ingest_warc.c -- stage 1: WARC 1.0 / 1.1 files (ISO 28500), plain or
** gzip (one member per record, or any other split: the stream does not care).
**
** A record is a version line "WARC/1.x", header lines "Name: value" up to a
** blank line, then Content-Length bytes of content.  `response` records hold
** an HTTP response: its status line and headers are removed, the body is
** de-chunked (Transfer-Encoding: chunked) and inflated (Content-Encoding:
** gzip, x-gzip, deflate; or gzip bytes with no header) when the bytes say
** so, and the charset of the HTTP
** Content-Type is passed on as the declared charset.  `resource` records
** hold the payload directly, typed by the record's own Content-Type.
** WARC-Target-URI gives the url, WARC-Date the fetch time; the id is
** path#offset, the offset of the "WARC/" line in the decompressed stream.
**
** Skipped silently (they are not pages, and crawls hold many of them):
** request, metadata, warcinfo, revisit, conversion and continuation records;
** HTTP statuses other than 2xx; payloads whose media type is not HTML or
** text (images, CSS, scripts, PDF, JSON...).  Reported with the offset of
** the record: a malformed header (then the reader skips to the next line
** that starts with "WARC/1."), a record cut short, a page over the cap.
*/
#include "ingest_int.h"

#include <stdlib.h> /* strtoull */
#include <string.h> /* memchr, strncasecmp */

#define HEADER_CAP ((size_t)1 << 20)   /* all header lines of one record */
#define LINE_CAP ((size_t)64 << 10)

/* ------------------------------------------------------------------ */
/* Headers                                                             */

struct hdr { const char *v; size_t n; };

static void trim(const char **v, size_t *n) {
  while (*n && (**v == ' ' || **v == '\t')) { (*v)++; (*n)--; }
  while (*n && ((*v)[*n - 1] == ' ' || (*v)[*n - 1] == '\t' || (*v)[*n - 1] == '\r' || (*v)[*n - 1] == '\n')) (*n)--;
}

/* Finds header `name` in a block of "Name: value" lines (p[0..n)). */
static int find_header(const char *p, size_t n, const char *name, struct hdr *out) {
  size_t nl = strlen(name);
  size_t i = 0;
  while (i < n) {
    const char *e = memchr(p + i, '\n', n - i);
    size_t end = e ? (size_t)(e - p) : n;
    if (end - i > nl && strncasecmp(p + i, name, nl) == 0 && p[i + nl] == ':') {
      out->v = p + i + nl + 1;
      out->n = end - (i + nl + 1);
      trim(&out->v, &out->n);
      return 1;
    }
    i = end + 1;
  }
  return 0;
}

static int hdr_is(const struct hdr *h, const char *s) {
  size_t k = strlen(s);
  return h->n >= k && strncasecmp(h->v, s, k) == 0;
}

/* The media type of a Content-Type value: 1 html, 0 text, -1 sniff, -2 not a page. */
static int media_kind(const struct hdr *ct) {
  if (!ct || ct->n == 0) return -1;
  if (hdr_is(ct, "text/html") || hdr_is(ct, "application/xhtml+xml")) return 1;
  if (hdr_is(ct, "text/plain")) return 0;
  if (hdr_is(ct, "application/octet-stream") || hdr_is(ct, "unknown") || hdr_is(ct, "*/*")) return -1;
  return -2;
}

/* ------------------------------------------------------------------ */
/* HTTP payload                                                        */

/* Removes chunked transfer coding from p[0..n) into out.  0 if the bytes
** are not chunked after all (then out is left empty). */
static int dechunk(const char *p, size_t n, rcp_buf *out) {
  size_t i = 0;
  rcp__buf_reset(out);
  for (;;) {
    size_t j = i;
    uint64_t len = 0;
    int digits = 0;
    while (j < n) {
      char c = p[j];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
              c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) break;
      if (len > (UINT64_C(1) << 40)) return 0;
      len = len * 16 + (uint64_t)d;
      digits++;
      j++;
    }
    if (!digits) return out->n > 0; /* a cut-off stream: keep what we have */
    const char *e = memchr(p + j, '\n', n - j);
    if (!e) return out->n > 0;
    i = (size_t)(e - p) + 1;
    if (len == 0) return 1;
    if (len > n - i) len = n - i; /* truncated chunk */
    if (rcp__buf_add(out, p + i, (size_t)len) != RCP_OK) return out->err == RCP_ENOMEM ? -1 : 0;
    i += (size_t)len;
    if (i < n && p[i] == '\r') i++;
    if (i < n && p[i] == '\n') i++;
    if (i >= n) return 1;
  }
}

/* The payload of one response/resource record into r->page. */
static int payload(rcp_reader *r, uint64_t off, const char *p, size_t n, int http,
                   const struct hdr *rec_ct) {
  struct hdr ct = { 0 }, te = { 0 }, ce = { 0 };
  int have_ct = 0;
  if (http) {
    /* status line */
    const char *e = memchr(p, '\n', n);
    if (n < 12 || strncmp(p, "HTTP/", 5) != 0 || !e) {
      rcp__ingest_skip(r, off, RCP_SKIP_WARC, "response record without an HTTP status line");
      return RCP__NEXT_SKIP;
    }
    const char *sp = memchr(p, ' ', (size_t)(e - p));
    int status = sp && sp + 4 <= e ? atoi(sp + 1) : 0;
    /* the header block ends at the first empty line (CRLF or LF) */
    size_t hs = (size_t)(e - p) + 1, he = n, body = n;
    for (size_t i = hs - 1; i < n; i++) {
      if (p[i] != '\n') continue;
      size_t nx = i + 1;
      if (nx < n && p[nx] == '\r') nx++;
      if (nx < n && p[nx] == '\n') { he = i + 1; body = nx + 1; break; }
    }
    if (status < 200 || status > 299) return RCP__NEXT_SKIP; /* redirects, errors: not pages */
    have_ct = find_header(p + hs, he - hs, "Content-Type", &ct);
    find_header(p + hs, he - hs, "Transfer-Encoding", &te);
    find_header(p + hs, he - hs, "Content-Encoding", &ce);
    p += body;
    n -= body;
  } else if (rec_ct) {
    ct = *rec_ct;
    have_ct = 1;
  }
  int kind = media_kind(have_ct ? &ct : NULL);
  if (kind == -2) return RCP__NEXT_SKIP; /* images, CSS, scripts...: not pages */
  if (te.n && hdr_is(&te, "chunked")) {
    int ok = dechunk(p, n, &r->tmp);
    if (ok < 0) return -RCP_ENOMEM;
    if (ok) { p = r->tmp.p ? r->tmp.p : ""; n = r->tmp.n; }
  }
  if (ce.n && (hdr_is(&ce, "gzip") || hdr_is(&ce, "x-gzip") || hdr_is(&ce, "deflate"))) {
    rcp__buf_reset(&r->aux);
    int rc = rcp__inflate_mem((const unsigned char *)p, n, &r->aux, r->page_cap);
    if (rc == RCP_ENOMEM) return -RCP_ENOMEM;
    if (rc == RCP_ETOOBIG) {
      rcp__ingest_skip(r, off, RCP_SKIP_TOOBIG, "decompressed page over the cap of %zu bytes", r->page_cap);
      return RCP__NEXT_SKIP;
    }
    /* RCP_EPARSE: many crawlers store the body already decoded; keep it */
    if (rc == RCP_OK) { p = r->aux.p ? r->aux.p : ""; n = r->aux.n; }
  } else if (!ce.n && n >= 2 && (unsigned char)p[0] == 0x1f && (unsigned char)p[1] == 0x8b) {
    /* gzip bytes without a Content-Encoding header (some crawlers) */
    rcp__buf_reset(&r->aux);
    int rc = rcp__inflate_mem((const unsigned char *)p, n, &r->aux, r->page_cap);
    if (rc == RCP_ENOMEM) return -RCP_ENOMEM;
    if (rc == RCP_OK) { p = r->aux.p ? r->aux.p : ""; n = r->aux.n; }
  } else if (ce.n && !hdr_is(&ce, "identity")) {
    const unsigned char *u = (const unsigned char *)p;
    if (!(n >= 2 && u[0] == '<')) {
      rcp__ingest_skip(r, off, RCP_SKIP_BINARY, "unsupported Content-Encoding: %.*s", (int)ce.n, ce.v);
      return RCP__NEXT_SKIP;
    }
  }
  if (n == 0) {
    rcp__ingest_skip(r, off, RCP_SKIP_EMPTY, "empty payload");
    return RCP__NEXT_SKIP;
  }
  const char *declared = NULL;
  if (have_ct) rcp__charset_from_ctype(ct.v, ct.n, &declared);
  return rcp__ingest_body(r, off, p, n, declared, kind, 0);
}

/* ------------------------------------------------------------------ */
/* Records                                                             */

static int is_version(const rcp_buf *l) {
  return l->n >= 8 && memcmp(l->p, "WARC/1.", 7) == 0;
}

/* Reports the stream error that ended the file (one warning), or `msg`. */
static int cut_short(rcp_reader *r, uint64_t off, const char *msg) {
  if (r->s.err) rcp__ingest_skip(r, r->s.err_off, r->s.err, "%s", r->s.errmsg);
  else rcp__ingest_skip(r, off, RCP_SKIP_WARC, "%s", msg);
  return RCP__NEXT_EOF;
}

int rcp__warc_next(rcp_reader *r) {
  int toobig;
  for (;;) {
    /* the version line; blank lines between records are skipped */
    uint64_t off = rcp__stream_off(&r->s);
    if (!rcp__stream_getline(&r->s, &r->line, LINE_CAP, &toobig)) {
      if (r->s.nomem) return -RCP_ENOMEM;
      if (r->s.err) return cut_short(r, off, "");
      return RCP__NEXT_EOF;
    }
    if (r->s.nomem) return -RCP_ENOMEM;
    if (!toobig && r->line.n <= 2 && (r->line.p[0] == '\n' || r->line.p[0] == '\r')) continue;
    if (toobig || !is_version(&r->line)) {
      if (r->s.err && rcp__stream_off(&r->s) >= r->s.err_off) return cut_short(r, off, "");
      if (!r->warc_resync)
        rcp__ingest_skip(r, off, RCP_SKIP_WARC, "malformed WARC record: no \"WARC/1.x\" version line");
      r->warc_resync = 1;
      continue;
    }
    r->warc_resync = 0;
    /* header lines up to a blank line */
    rcp__buf_reset(&r->tmp);
    int ended = 0, bad = 0;
    while (rcp__stream_getline(&r->s, &r->line, LINE_CAP, &toobig)) {
      if (r->s.nomem) return -RCP_ENOMEM;
      if (toobig) { bad = 1; break; }
      if (r->line.n <= 2 && (r->line.p[0] == '\n' || r->line.p[0] == '\r')) { ended = 1; break; }
      if (r->line.p[0] != ' ' && r->line.p[0] != '\t' && !memchr(r->line.p, ':', r->line.n)) { bad = 1; break; }
      if (r->tmp.n + r->line.n > HEADER_CAP) { bad = 1; break; }
      if (rcp__buf_add(&r->tmp, r->line.p, r->line.n) != RCP_OK) return -RCP_ENOMEM;
    }
    if (r->s.nomem) return -RCP_ENOMEM;
    if (!ended && !bad) return cut_short(r, off, "WARC record cut short inside its header");
    struct hdr len = { 0 }, type = { 0 }, uri = { 0 }, date = { 0 }, ct = { 0 };
    const char *h = r->tmp.p ? r->tmp.p : "";
    if (!bad && !find_header(h, r->tmp.n, "Content-Length", &len)) bad = 2;
    char *endp = NULL;
    uint64_t clen = 0;
    if (!bad) {
      char num[32];
      if (len.n == 0 || len.n >= sizeof num) bad = 2;
      else {
        memcpy(num, len.v, len.n);
        num[len.n] = 0;
        clen = strtoull(num, &endp, 10);
        if (*endp || num[0] == '-') bad = 2;
      }
    }
    if (bad) {
      rcp__ingest_skip(r, off, RCP_SKIP_WARC, bad == 2 ? "malformed WARC header: no valid Content-Length"
                                                      : "malformed WARC header line");
      r->warc_resync = 1;
      continue;
    }
    find_header(h, r->tmp.n, "WARC-Type", &type);
    int resp = hdr_is(&type, "response") && type.n == 8;
    int res = hdr_is(&type, "resource") && type.n == 8;
    int has_ct = find_header(h, r->tmp.n, "Content-Type", &ct);
    if (resp && has_ct && !hdr_is(&ct, "application/http")) resp = 0; /* dns:, etc. */
    if (!resp && !res) {
      uint64_t got = rcp__stream_read(&r->s, clen, NULL);
      if (got < clen) return cut_short(r, off, "WARC record cut short inside its content");
      continue;
    }
    if (clen > (uint64_t)r->page_cap + HEADER_CAP) {
      uint64_t got = rcp__stream_read(&r->s, clen, NULL);
      if (got < clen) return cut_short(r, off, "WARC record cut short inside its content");
      rcp__ingest_skip(r, off, RCP_SKIP_TOOBIG, "record of %llu bytes over the page cap",
                       (unsigned long long)clen);
      return RCP__NEXT_SKIP;
    }
    int rc = rcp__ingest_page_begin(r, off);
    if (rc != RCP_OK) return -rc;
    if ((rc = rcp__ingest_set_id(r, off, 0)) != RCP_OK) return -rc;
    if (find_header(h, r->tmp.n, "WARC-Target-URI", &uri)) {
      if (uri.n >= 2 && uri.v[0] == '<' && uri.v[uri.n - 1] == '>') { uri.v++; uri.n -= 2; }
      if (uri.n && !(r->page.url = rcp__ingest_str(r, uri.v, uri.n))) return -RCP_ENOMEM;
    }
    if (find_header(h, r->tmp.n, "WARC-Date", &date) && date.n &&
        !(r->page.fetched = rcp__ingest_str(r, date.v, date.n)))
      return -RCP_ENOMEM;
    rcp__buf_reset(&r->line);
    uint64_t got = rcp__stream_read(&r->s, clen, &r->line);
    if (r->s.nomem || r->line.err == RCP_ENOMEM) return -RCP_ENOMEM;
    if (got < clen) return cut_short(r, off, "WARC record cut short inside its content");
    return payload(r, off, r->line.p ? r->line.p : "", r->line.n, resp, has_ct ? &ct : NULL);
  }
}
