/* web_query.c -- the web UI's request-to-query mapping: a pure function of
** the raw request target ("/api/stories?lang=fr&min_sources=2"), fuzzed by
** fuzz/fuzz_web.c.
**
** It splits path and query, percent-decodes both (RFC 3986; '+' is a space
** in the query, as HTML forms send it), checks every value and fills a
** route, an id and an rcp_story_filter whose strings point into the request
** struct.  Every bad input has an answer: 413 when the target is over
** RCP__WEB_URI_MAX, 404 for an unknown path, 400 with a message for a bad
** parameter (unknown name, bad date, non-number, invalid UTF-8, control
** characters, over-long value).  Empty values count as absent (forms send
** them).  No allocation, no I/O: the result lives in the struct.
*/
#include "recoupe_int.h"

#include <stdio.h>   /* snprintf */
#include <string.h>  /* memset, strcmp */

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static int fail(rcp__web_req *r, int status, const char *msg) {
  r->status = status;
  snprintf(r->err, sizeof r->err, "%s", msg);
  return status;
}

/* Decodes s[0, n) into the request's string store; NULL on a bad escape,
** invalid UTF-8, control characters or a full store. */
static const char *decode(rcp__web_req *r, const char *s, size_t n, bool plus) {
  if (r->used + n + 1 > sizeof r->store) return NULL;
  char *out = r->store + r->used;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= n) return NULL;
      int hi = hexval(s[i + 1]), lo = hexval(s[i + 2]);
      if (hi < 0 || lo < 0) return NULL;
      c = (char)(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus) {
      c = ' ';
    }
    unsigned char u = (unsigned char)c;
    if (u < 0x20 || u == 0x7f) return NULL;
    out[k++] = c;
  }
  out[k] = 0;
  if (!rcp__utf8_valid(out, k)) return NULL;
  r->used += k + 1;
  return out;
}

/* "YYYY-MM-DD" with a real month and day. */
static bool is_date(const char *s) {
  if (strlen(s) != 10) return false;
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static bool to_int(const char *s, long lo, long hi, int *out) {
  long v = 0;
  if (!*s || strlen(s) > 9) return false;
  for (const char *p = s; *p; p++) {
    if (*p < '0' || *p > '9') return false;
    v = v * 10 + (*p - '0');
  }
  if (v < lo || v > hi) return false;
  *out = (int)v;
  return true;
}

/* One query parameter. */
static int param(rcp__web_req *r, const char *k, const char *v) {
  char msg[128];
  if (!v[0]) return 0;                     /* empty form field: absent */
  if (strlen(v) > RCP__WEB_VALUE_MAX) {
    snprintf(msg, sizeof msg, "parameter %.40s is too long", k);
    return fail(r, 400, msg);
  }
  if (strcmp(k, "since") == 0 || strcmp(k, "until") == 0) {
    if (!is_date(v)) {
      snprintf(msg, sizeof msg, "%s must be a date YYYY-MM-DD", k);
      return fail(r, 400, msg);
    }
    if (k[0] == 's') r->filter.since = v; else r->filter.until = v;
  } else if (strcmp(k, "lang") == 0 || strcmp(k, "language") == 0) {
    size_t n = strlen(v);
    if (n < 2 || n > 3) return fail(r, 400, "lang must be a language code such as fr or en");
    for (size_t i = 0; i < n; i++)
      if (v[i] < 'a' || v[i] > 'z') return fail(r, 400, "lang must be a language code such as fr or en");
    r->filter.language = v;
  } else if (strcmp(k, "site") == 0) {
    r->filter.site = v;
  } else if (strcmp(k, "entity") == 0) {
    r->filter.entity = v;
  } else if (strcmp(k, "q") == 0) {
    r->filter.query = v;
  } else if (strcmp(k, "min_sources") == 0) {
    if (!to_int(v, 0, 100000, &r->filter.min_sources)) return fail(r, 400, "min_sources must be a number from 0 to 100000");
  } else if (strcmp(k, "min_articles") == 0) {
    if (!to_int(v, 0, 1000000, &r->filter.min_articles)) return fail(r, 400, "min_articles must be a number from 0 to 1000000");
  } else if (strcmp(k, "page") == 0) {
    if (!to_int(v, 1, 1000000, &r->page)) return fail(r, 400, "page must be a number from 1 to 1000000");
  } else if (strcmp(k, "limit") == 0) {
    if (!to_int(v, 1, RCP__WEB_LIMIT_MAX, &r->limit)) return fail(r, 400, "limit must be a number from 1 to 500");
  } else if (strcmp(k, "pretty") == 0) {
    if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) return fail(r, 400, "pretty must be 0 or 1");
    r->pretty = v[0] == '1';
  } else {
    snprintf(msg, sizeof msg, "unknown parameter %.60s", k);
    return fail(r, 400, msg);
  }
  return 0;
}

static bool path_is(const char *p, size_t n, const char *want) {
  size_t w = strlen(want);
  return n == w && memcmp(p, want, w) == 0;
}

/* p[0, n) starts with prefix: then the rest is an id. */
static bool path_id(rcp__web_req *r, const char *p, size_t n, const char *prefix) {
  size_t w = strlen(prefix);
  if (n <= w || memcmp(p, prefix, w) != 0) return false;
  const char *id = p + w;
  size_t idn = n - w;
  if (idn && id[idn - 1] == '/') idn--;    /* tolerate a trailing slash */
  if (!idn || memchr(id, '/', idn)) return false;
  if (idn > RCP__WEB_ID_MAX * 3) { r->id = NULL; return true; }
  r->id = decode(r, id, idn, false);
  if (r->id && (!r->id[0] || strlen(r->id) > RCP__WEB_ID_MAX)) r->id = NULL;
  if (!r->id) r->id_bad = true;
  return true;
}

int rcp__web_parse(const char *uri, size_t n, rcp__web_req *r) {
  memset(r, 0, sizeof *r);
  r->status = 200;
  r->page = 1;
  if (n > RCP__WEB_URI_MAX) return fail(r, 413, "request target too long");
  if (!uri || n == 0 || uri[0] != '/') return fail(r, 400, "request target must start with /");
  size_t pl = 0;
  while (pl < n && uri[pl] != '?' && uri[pl] != '#') pl++;
  const char *p = uri;
  /* route */
  if (path_is(p, pl, "/") || path_is(p, pl, "/index.html") || path_is(p, pl, "/stories") ||
      path_is(p, pl, "/stories/"))
    r->route = RCP__WEB_INDEX;
  else if (path_is(p, pl, "/api/stories") || path_is(p, pl, "/api/stories/"))
    r->route = RCP__WEB_API_STORIES;
  else if (path_id(r, p, pl, "/api/stories/")) r->route = RCP__WEB_API_STORY;
  else if (path_id(r, p, pl, "/api/articles/")) r->route = RCP__WEB_API_ARTICLE;
  else if (path_id(r, p, pl, "/stories/")) r->route = RCP__WEB_STORY;
  else if (path_id(r, p, pl, "/articles/")) r->route = RCP__WEB_ARTICLE;
  else return fail(r, 404, "no such page");
  if (r->id_bad) return fail(r, 400, "bad id in the path");
  /* query */
  if (pl < n && uri[pl] == '?') {
    size_t i = pl + 1;
    while (i < n && uri[i] != '#') {
      size_t j = i;
      while (j < n && uri[j] != '&' && uri[j] != '#') j++;
      if (j > i) {
        size_t eq = i;
        while (eq < j && uri[eq] != '=') eq++;
        const char *k = decode(r, uri + i, eq - i, true);
        const char *v = eq < j ? decode(r, uri + eq + 1, j - eq - 1, true) : decode(r, "", 0, true);
        if (!k || !v) return fail(r, 400, "bad percent-encoding or characters in the query");
        if (param(r, k, v)) return r->status;
      }
      i = j < n && uri[j] == '&' ? j + 1 : j;
    }
  }
  if (r->filter.since && r->filter.until && strcmp(r->filter.since, r->filter.until) > 0)
    return fail(r, 400, "since is after until");
  return 200;
}
