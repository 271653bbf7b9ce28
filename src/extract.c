/* extract.c -- stage 2 entry point: the article and its metadata out of one
** page (docs/extraction.md describes the design).
**
** rcp__extract dispatches to the HTML extractor (extract_html.c) or the
** plain-text line classifier (extract_text.c); both fill an rcp_xmeta of
** metadata candidates and an rcp_xout of blocks.  This file holds what they
** share: whitespace collapsing with UTF-8 repair, the block list, and the
** final copy of the blocks into the document's arena (NFC, joined by a
** blank line).
**
** Invariants: every string written to the doc is valid UTF-8, NFC, with no
** NUL, no control character and no run of white space; the output depends
** only on the page and its record hints.  Time and memory are linear in the
** page size (every per-block test looks at a bounded prefix).
*/
#include "recoupe_int.h"

#include <stdlib.h>   /* free (utf8proc's buffers) */
#include <string.h>   /* memcpy */
#include <utf8proc.h> /* utf8proc_map: NFC */

/* Scratch buffers are capped like the doc arena. */
#define XOUT_MAX ((size_t)512 << 20)

/* ------------------------------------------------------------------ */
/* Whitespace and UTF-8                                               */
/* ------------------------------------------------------------------ */

/* Length of a valid UTF-8 sequence at p (1..4) or 0. */
static size_t seq_len(const unsigned char *p, size_t n) {
  unsigned c = p[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;
    if (c == 0xED && p[1] >= 0xA0) return 0;
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

int rcp__x_collapse(rcp_buf *b, const char *s, size_t n, int *lastsp_io) {
  int lastsp = *lastsp_io; /* a local: the hot loop must not store through a pointer */
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, run = 0; /* bytes [i - run, i) are plain and pending */
#define FLUSH() do { if (run) { if (rcp__buf_add(b, p + i - run, run) != RCP_OK) return (*lastsp_io = lastsp, b->err); run = 0; } } while (0)
  const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
  while (i < n) {
    /* 8 bytes at a time while they are printable ASCII and single spaces:
    ** all part of the run */
    while (i + 8 <= n) {
      uint64_t x;
      memcpy(&x, p + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
      x = __builtin_bswap64(x);   /* byte k of the text in bits 8k..8k+7 */
#endif
      if (x & high) break;                                       /* non-ASCII */
      if (((x + ones * (0x80 - 0x20)) & high) != high) break;     /* a control */
      if ((x + ones) & high) break;                              /* DEL */
      uint64_t y = x ^ (ones * ' ');
      uint64_t sp = ~((y + UINT64_C(0x7F7F7F7F7F7F7F7F)) | y) & high;   /* high bit: a space */
      if (sp & ((sp << 8) | (lastsp ? 0x80u : 0u))) break;       /* two spaces in a row */
      run += 8; i += 8;
      lastsp = (sp >> 63) != 0;
    }
    if (i >= n) break;
    unsigned c = p[i];
    if (c >= 0x21 && c < 0x7F) { run++; i++; lastsp = 0; continue; }
    if (c == ' ' && !lastsp) { run++; i++; lastsp = 1; continue; } /* one space between words: part of the run */
    int space = 0, drop = 0;
    size_t k = 1;
    if (c < 0x80) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') space = 1;
      else drop = 1; /* NUL, other controls, DEL */
    } else {
      k = seq_len(p + i, n - i);
      if (k == 0) {
        FLUSH();
        if (rcp__buf_add(b, "\xEF\xBF\xBD", 3) != RCP_OK) return (*lastsp_io = lastsp, b->err);
        lastsp = 0;
        i++;
        continue;
      }
      if (k == 2 && c == 0xC2 && p[i + 1] == 0xA0) space = 1;                 /* NBSP */
      else if (k == 2 && c == 0xC2 && p[i + 1] == 0xAD) drop = 1;             /* soft hyphen */
      else if (k == 2 && c == 0xC2 && p[i + 1] < 0xA0) drop = 1;              /* C1 controls */
      else if (k == 3 && c == 0xE2 && p[i + 1] == 0x80) {
        unsigned d = p[i + 2];
        if (d <= 0x8A || d == 0xA8 || d == 0xA9 || d == 0xAF) space = 1;     /* U+2000-200A, LS, PS, NNBSP */
        else if (d >= 0x8B && d <= 0x8F) drop = 1;                           /* ZW space/joiners, marks */
      } else if (k == 3 && c == 0xE2 && p[i + 1] == 0x81 && p[i + 2] == 0xA0) drop = 1; /* word joiner */
      else if (k == 3 && c == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x80) space = 1; /* ideographic space */
      else if (k == 3 && c == 0xEF && p[i + 1] == 0xBB && p[i + 2] == 0xBF) drop = 1; /* BOM */
    }
    if (space) {
      FLUSH();
      if (!lastsp) { if (rcp__buf_addc(b, ' ') != RCP_OK) return (*lastsp_io = lastsp, b->err); lastsp = 1; }
      i += k;
      continue;
    }
    if (drop) { FLUSH(); i += k; continue; }
    run += k; i += k; lastsp = 0;
  }
  FLUSH();
#undef FLUSH
  *lastsp_io = lastsp;
  return RCP_OK;
}

size_t rcp__x_chars(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
  return c;
}

/* ------------------------------------------------------------------ */
/* Blocks                                                             */
/* ------------------------------------------------------------------ */

int rcp__xout_add(rcp_xout *o, int kind, const char *s, size_t n) {
  while (n && s[0] == ' ') { s++; n--; }
  while (n && s[n - 1] == ' ') n--;
  if (!n) return RCP_OK;
  if (o->n == o->cap) {
    size_t nc = o->cap ? o->cap * 2 : 64;
    if (nc > ((size_t)1 << 26)) return RCP_ETOOBIG;
    void *nb = rcp__realloc(o->b, nc * sizeof *o->b);
    if (!nb) return RCP_ENOMEM;
    o->b = nb;
    o->cap = nc;
  }
  if (!o->text.max) rcp__buf_init(&o->text, XOUT_MAX);
  size_t off = o->text.n;
  if (off + n > UINT32_MAX) return RCP_ETOOBIG;
  RCP_TRY(rcp__buf_add(&o->text, s, n));
  o->b[o->n].off = (uint32_t)off;
  o->b[o->n].len = (uint32_t)n;
  o->b[o->n].kind = kind;
  o->n++;
  return RCP_OK;
}

void rcp__xout_free(rcp_xout *o) {
  rcp__buf_free(&o->text);
  rcp__free(o->b);
  memset(o, 0, sizeof *o);
}

/* Could NFC change this text?  Only code points that combine with what
** precedes them (combining marks, Indic and Hangul vowel signs and jamo,
** kana voicing marks) or that NFC replaces (singletons such as U+2126,
** CJK compatibility ideographs) can; text without any is already NFC.
** A conservative superset of the Unicode NFC_QC=No/Maybe ranges. */
static int nfc_relevant(uint32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x0374 && c <= 0x0387) || (c >= 0x0483 && c <= 0x0489) ||
         (c >= 0x0591 && c <= 0x05C7) || (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) ||
         c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) || (c >= 0x0711 && c <= 0x07FF) ||
         (c >= 0x0816 && c <= 0x0DFF) || (c >= 0x0F00 && c <= 0x0FFF) || (c >= 0x1000 && c <= 0x10FF) ||
         (c >= 0x1100 && c <= 0x11FF) || (c >= 0x1AB0 && c <= 0x1B7F) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x1F00 && c <= 0x1FFF) || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0x2126 && c <= 0x212B) ||
         (c >= 0x2329 && c <= 0x232A) || (c >= 0x2ADC && c <= 0x2ADC) || (c >= 0x302A && c <= 0x302F) ||
         (c >= 0x3099 && c <= 0x309A) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFB1D && c <= 0xFB4F) ||
         (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0x10000 && c <= 0x1D1FF && c >= 0x11000) ||
         (c >= 0x2F800 && c <= 0x2FA1F);
}

static int needs_nfc(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n; i++) {
    unsigned b = p[i];
    if (b < 0xCC) continue;              /* ASCII, Latin-1..U+02FF, continuation bytes */
    uint32_t c;
    if (b < 0xE0) { if (i + 1 >= n) return 1; c = ((b & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu); }
    else if (b < 0xF0) { if (i + 2 >= n) return 1; c = ((b & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu); }
    else { if (i + 3 >= n) return 1; c = ((b & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) | ((p[i + 2] & 0x3Fu) << 6) | (p[i + 3] & 0x3Fu); }
    if (nfc_relevant(c)) return 1;
  }
  return 0;
}

int rcp__x_output(rcp_doc *d, rcp_xout *o) {
  rcp_arena *a = d->arena;
  size_t total = 0;
  for (size_t i = 0; i < o->n; i++) total += o->b[i].len + 2;
  d->blocks = o->n ? rcp__arena_calloc(a, o->n, sizeof *d->blocks) : NULL;
  if (o->n && !d->blocks) return rcp__arena_error(a);
  rcp_buf t;
  rcp__buf_init(&t, XOUT_MAX);
  int rc = RCP_OK;
  size_t nb = 0;
  for (size_t i = 0; i < o->n && rc == RCP_OK; i++) {
    const char *s = o->text.p + o->b[i].off;
    size_t n = o->b[i].len;
    utf8proc_uint8_t *nfc = NULL;
    if (needs_nfc(s, n)) {
      utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &nfc,
                                        UTF8PROC_STABLE | UTF8PROC_COMPOSE);
      if (r >= 0) { s = (const char *)nfc; n = (size_t)r; }
      else nfc = NULL;
    }
    char *bt = rcp__arena_strndup(a, s, n);
    if (!bt) rc = rcp__arena_error(a);
    if (rc == RCP_OK && nb) rc = rcp__buf_add(&t, "\n\n", 2);
    size_t off = t.n;
    if (rc == RCP_OK) rc = rcp__buf_add(&t, s, n);
    free(nfc);
    if (rc != RCP_OK) break;
    d->blocks[nb].kind = (rcp_block_kind)o->b[i].kind;
    d->blocks[nb].text = bt;
    d->blocks[nb].len = n;
    d->blocks[nb].off = off;
    nb++;
  }
  if (rc == RCP_OK) {
    char *txt = rcp__arena_strndup(a, t.n ? t.p : "", t.n);
    if (!txt) rc = rcp__arena_error(a);
    d->text = txt;
    d->text_len = txt ? t.n : 0;
    d->nblocks = nb;
  }
  (void)total;
  rcp__buf_free(&t);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                        */
/* ------------------------------------------------------------------ */

int rcp__extract(const rcp_ctx *ctx, rcp_doc *d) {
  rcp_xmeta m;
  rcp_xout o;
  memset(&m, 0, sizeof m);
  memset(&o, 0, sizeof o);
  int rc = d->is_html ? rcp__extract_html(ctx, d, &m, &o) : rcp__extract_text(ctx, d, &m, &o);
  if (rc == RCP_OK) rc = rcp__x_finish(d, &m);
  if (rc == RCP_OK) rc = rcp__x_output(d, &o);
  rcp__xout_free(&o);
  return rc;
}
