/* buf.c -- capped growable byte buffer (after curl's dynbuf).
**
** A buffer never grows past its max; on failure (no memory, or over the
** cap) it frees its memory and keeps a sticky error, so a sequence of adds
** can be checked once at the end.  The content is always NUL-terminated.
*/
#include "recoupe_int.h"

#include <stdio.h>  /* vsnprintf */
#include <string.h> /* memcpy, strlen */

void rcp__buf_init(rcp_buf *b, size_t max) {
  b->p = NULL; b->n = 0; b->cap = 0; b->err = 0;
  b->max = max ? max : SIZE_MAX / 2;
}

void rcp__buf_free(rcp_buf *b) {
  rcp__free(b->p);
  b->p = NULL; b->n = 0; b->cap = 0; b->err = 0;
}

void rcp__buf_reset(rcp_buf *b) {
  b->n = 0; b->err = 0;
  if (b->p) b->p[0] = 0;
}

static int fail(rcp_buf *b, int rc) {
  rcp__free(b->p);
  b->p = NULL; b->n = 0; b->cap = 0; b->err = rc;
  return rc;
}

static int grow(rcp_buf *b, size_t add) {
  if (b->err) return b->err;
  if (add > b->max - b->n) return fail(b, RCP_ETOOBIG);
  size_t need = b->n + add + 1;
  if (need <= b->cap) return RCP_OK;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  if (cap > b->max + 1) cap = b->max + 1;
  char *p = rcp__realloc(b->p, cap);
  if (!p) return fail(b, RCP_ENOMEM);
  b->p = p; b->cap = cap;
  return RCP_OK;
}

int rcp__buf_add(rcp_buf *b, const void *p, size_t n) {
  int rc = grow(b, n);
  if (rc) return rc;
  if (n) memcpy(b->p + b->n, p, n);
  b->n += n;
  b->p[b->n] = 0;
  return RCP_OK;
}

int rcp__buf_addc(rcp_buf *b, char c) { return rcp__buf_add(b, &c, 1); }
int rcp__buf_adds(rcp_buf *b, const char *s) { return rcp__buf_add(b, s, strlen(s)); }

int rcp__buf_vprintf(rcp_buf *b, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0) return fail(b, RCP_EINVAL);
  int rc = grow(b, (size_t)n);
  if (rc) return rc;
  vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
  b->n += (size_t)n;
  return RCP_OK;
}

int rcp__buf_printf(rcp_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int rc = rcp__buf_vprintf(b, fmt, ap);
  va_end(ap);
  return rc;
}

char *rcp__buf_take(rcp_buf *b) {
  if (b->err) return NULL;
  if (!b->p && rcp__buf_add(b, "", 0)) return NULL;
  char *p = b->p;
  b->p = NULL; b->n = 0; b->cap = 0;
  return p;
}

int rcp__buf_json_str(rcp_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  int rc = rcp__buf_addc(b, '"');
  size_t run = 0;
  for (size_t i = 0; i < n && !rc; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *esc = NULL;
    char u[7];
    switch (c) {
      case '"': esc = "\\\""; break;
      case '\\': esc = "\\\\"; break;
      case '\n': esc = "\\n"; break;
      case '\r': esc = "\\r"; break;
      case '\t': esc = "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
          u[4] = hex[c >> 4]; u[5] = hex[c & 15]; u[6] = 0;
          esc = u;
        }
    }
    if (esc) {
      if (run) rc = rcp__buf_add(b, s + i - run, run);
      run = 0;
      if (!rc) rc = rcp__buf_adds(b, esc);
    } else {
      run++;
    }
  }
  if (!rc && run) rc = rcp__buf_add(b, s + n - run, run);
  if (!rc) rc = rcp__buf_addc(b, '"');
  return rc;
}

int rcp__buf_html(rcp_buf *b, const char *s, size_t n) {
  int rc = RCP_OK;
  size_t run = 0;
  for (size_t i = 0; i < n && !rc; i++) {
    const char *esc = NULL;
    switch (s[i]) {
      case '<': esc = "&lt;"; break;
      case '>': esc = "&gt;"; break;
      case '&': esc = "&amp;"; break;
      case '"': esc = "&quot;"; break;
      case '\'': esc = "&#39;"; break;
      default: break;
    }
    if (esc) {
      if (run) rc = rcp__buf_add(b, s + i - run, run);
      run = 0;
      if (!rc) rc = rcp__buf_adds(b, esc);
    } else {
      run++;
    }
  }
  if (!rc && run) rc = rcp__buf_add(b, s + n - run, run);
  return rc ? rc : b->err;
}
