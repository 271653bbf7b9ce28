/* extract_text.c -- plain-text pages, line by line.
**
** A page saved as text keeps its site's menus, category strips, "Publié
** le :" lines and footers.  Each line is classified from its own features
** (length in words, final punctuation, capitalisation, the phrase
** classifiers of extract_meta.c): title, byline, date, credit, boilerplate,
** short (a menu item or a heading), article.  Runs of two or more short
** lines are menus; a single short line between article lines is a heading;
** short lines before the first or after the last article line are page
** furniture, except the title.  Wrapped lines of one paragraph are joined.
**
** Linear in the page size; each classifier reads a bounded prefix.  This
** file does not learn site templates (templates.c does, across pages).
*/
#include "recoupe_int.h"

#include <stdint.h> /* uint64_t */
#include <string.h> /* memchr, memcpy */

enum { L_BLANK, L_BOIL, L_TITLE, L_META, L_SHORT, L_ART, L_HEAD };

typedef struct xline {
  uint32_t off, len;   /* collapsed text in the scratch buffer */
  uint32_t words;
  uint8_t cls, endp, lower0;
} xline;

/* Words: runs between spaces with a letter or digit in them (":" and
** "|" alone are not words).  Counted as the starts of runs, 8 bytes at a
** time, less the runs of punctuation alone; only a run that starts with
** punctuation is read byte by byte. */
static inline int word_byte(unsigned c) {
  return (c - '0') < 10u || ((c | 0x20u) - 'a') < 26u || c >= 0x80u;
}

/* 1 if the run of non-spaces at s[i..n) has a word byte */
static int run_has_word(const unsigned char *s, size_t i, size_t n) {
  for (; i < n && s[i] != ' '; i++) if (word_byte(s[i])) return 1;
  return 0;
}

static uint32_t words_of(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080),
                 low7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
  uint32_t w = 0;
  uint64_t prev = 0x80;   /* high bit of byte 0: the byte before is a space */
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    memcpy(&x, s + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);   /* byte k of the text in bits 8k..8k+7 */
#endif
    uint64_t y = x ^ (ones * ' ');
    uint64_t sp = ~(((y & low7) + low7) | y | low7);           /* high bit: a space */
    uint64_t st = ~sp & high & ((sp << 8) | prev);              /* a run starts */
    prev = sp >> 56;
    if (!st) continue;
    w += (uint32_t)__builtin_popcountll(st);
    uint64_t x7 = x & low7, l7 = (x | ones * 0x20) & low7;
    uint64_t digit = (x7 + ones * (0x80 - '0')) & ~(x7 + ones * (0x7F - '9')) & high;
    uint64_t letter = (l7 + ones * (0x80 - 'a')) & ~(l7 + ones * (0x7F - 'z')) & high;
    uint64_t bad = st & ~(x | digit | letter);                  /* starts with punctuation */
    while (bad) {
      size_t k = i + (size_t)__builtin_ctzll(bad) / 8;
      if (!run_has_word(s, k, n)) w--;
      bad &= bad - 1;
    }
  }
  int prev_sp = (prev & 0x80) != 0;
  for (; i < n; i++) {
    int sp = s[i] == ' ';
    if (!sp && prev_sp && run_has_word(s, i, n)) w++;
    prev_sp = sp;
  }
  return w;
}

static int end_punct(const char *s, size_t n) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == ')' || s[n - 1] == '\'')) n--;
  if (!n) return 0;
  char c = s[n - 1];
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return 1;
  if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xBB) return 1; /* » */
  if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
      ((unsigned char)s[n - 1] == 0xA6 || (unsigned char)s[n - 1] == 0x9D)) return 1; /* … ” */
  return 0;
}

/* Does s[0..n) contain w[0..k)? */
static int has_bytes(const char *s, size_t n, const char *w, size_t k) {
  for (size_t i = 0; k && i + k <= n; i++) {
    const char *p = memchr(s + i, w[0], n - k + 1 - i);
    if (!p) return 0;
    i = (size_t)(p - s);
    if (memcmp(p, w, k) == 0) return 1;
  }
  return 0;
}

static int same_key(const char *a, size_t an, const char *b) {
  size_t bn = strlen(b);
  return an == bn && strncasecmp(a, b, an) == 0;
}

int rcp__extract_text(const rcp_ctx *ctx, rcp_doc *d, rcp_xmeta *m, rcp_xout *o) {
  (void)ctx;
  rcp_buf t;
  rcp__buf_init(&t, d->raw_len * 3 + 1024);
  xline *ln = NULL;
  size_t nl = 0, cap = 0;
  /* reserve the page's size at once (the collapsed lines are rarely
  ** longer) instead of growing the buffer from 64 bytes a page */
  int rc = rcp__buf_add(&t, d->raw, d->raw_len);
  rcp__buf_reset(&t);
  const char *p = d->raw, *end = d->raw + d->raw_len;
  /* 1. lines, collapsed */
  while (rc == RCP_OK && p < end) {
    const char *q = memchr(p, '\n', (size_t)(end - p));
    if (!q) q = end;
    if (nl == cap) {
      size_t nc = cap ? cap * 2 : 256;
      xline *nx = rcp__realloc(ln, nc * sizeof *nx);
      if (!nx) { rc = RCP_ENOMEM; break; }
      ln = nx;
      cap = nc;
    }
    size_t off = t.n;
    int sp = 1;
    rc = rcp__x_collapse(&t, p, (size_t)(q - p), &sp);
    if (rc != RCP_OK) break;
    while (t.n > off && t.p[t.n - 1] == ' ') t.n--;
    xline *l = &ln[nl++];
    l->off = (uint32_t)off;
    l->len = (uint32_t)(t.n - off);
    l->words = words_of(t.p + off, l->len);
    l->endp = (uint8_t)end_punct(t.p + off, l->len);
    unsigned char c0 = l->len ? (unsigned char)t.p[off] : 0;
    l->lower0 = (uint8_t)((c0 >= 'a' && c0 <= 'z') || (c0 == 0xC3 && l->len > 1 && (unsigned char)t.p[off + 1] >= 0xA0));
    l->cls = l->len ? L_SHORT : L_BLANK;
    p = q < end ? q + 1 : end;
  }
  if (rc != RCP_OK) goto out;
  /* 2. each line by itself */
  char buf[256], pub[32], upd[32];
  int have_title = 0;
  for (size_t i = 0; i < nl; i++) {
    xline *l = &ln[i];
    if (l->cls == L_BLANK) continue;
    const char *s = t.p + l->off;
    size_t n = l->len;
    if (d->in_title && same_key(s, n, d->in_title)) { l->cls = L_TITLE; have_title = 1; continue; }
    if (n < 200 && !m->byline_author && rcp__x_byline(s, n, buf, sizeof buf)) {
      m->byline_author = rcp__arena_strdup(d->arena, buf);
      l->cls = L_META;
      continue;
    }
    if (n < 200 && rcp__x_dateline(s, n, 0, pub, upd)) {
      if (pub[0] && !m->pub_text) m->pub_text = rcp__arena_strdup(d->arena, pub);
      if (upd[0] && !m->mod_text) m->mod_text = rcp__arena_strdup(d->arena, upd);
      l->cls = L_META;
      continue;
    }
    if (n < 300 && rcp__x_credit_line(s, n, buf, sizeof buf)) {
      if (!m->credit) m->credit = rcp__arena_strdup(d->arena, buf);
      l->cls = L_META;
      continue;
    }
    if (n < 200 && rcp__x_site_line(s, n, buf, sizeof buf)) { l->cls = L_META; continue; } /* "© Site 2026" */
    if (rcp__x_boiler(s, n)) { l->cls = L_BOIL; continue; }
    if (l->words >= 12 || (l->endp && l->words >= 6)) l->cls = L_ART;
  }
  /* A long title looks like text: the first line standing alone (blank
  ** or furniture around it), with no final punctuation, before any
  ** sentence, is the title candidate, not the first paragraph. */
  for (size_t i = 0; i < nl && !have_title; i++) {
    if (ln[i].cls == L_ART && ln[i].endp) break;
    if (ln[i].cls != L_ART || ln[i].words > 30) continue;
    int alone = (i == 0 || ln[i - 1].cls != L_ART) && (i + 1 == nl || ln[i + 1].cls != L_ART);
    if (alone) ln[i].cls = L_SHORT;
    break;
  }
  /* 3. context: a short line that ends a wrapped paragraph belongs to it */
  for (size_t i = 1; i < nl; i++)
    if (ln[i].cls == L_SHORT && ln[i - 1].cls == L_ART && !ln[i - 1].endp &&
        (ln[i].lower0 || ln[i].endp)) ln[i].cls = L_ART;
  /* runs of short lines are menus */
  size_t first = nl, last = 0;
  for (size_t i = 0; i < nl; i++)
    if (ln[i].cls == L_ART) { if (first == nl) first = i; last = i; }
  for (size_t i = 0; i < nl; i++) {
    if (ln[i].cls != L_SHORT) continue;
    size_t j = i;
    while (j < nl && ln[j].cls == L_SHORT) j++;
    /* [i, j) consecutive short lines with no blank between */
    int run = j - i >= 2;
    for (size_t k = i; k < j; k++) {
      int inside = first < nl && k > first && k < last;
      if (!run && inside && ln[k].words <= 20) ln[k].cls = L_HEAD;
      else if (!run && !have_title && first < nl && k < first && ln[k].words >= 3 && !ln[k].endp) {
        ln[k].cls = L_TITLE;
        have_title = 1;
        if (!d->in_title) m->h1 = rcp__arena_strndup(d->arena, t.p + ln[k].off, ln[k].len);
      } else ln[k].cls = L_BOIL;
    }
    i = j - 1;
  }
  /* the site's name: a footer ("© Radio Cévennes 2026") or staff line
  ** ("Par la rédaction de ...") outside the article, the last one first */
  for (size_t i = nl; i-- > 0 && !m->text_site;) {
    if (ln[i].cls == L_BLANK || (first < nl && i >= first && i <= last)) continue;
    if (rcp__x_site_line(t.p + ln[i].off, ln[i].len, buf, sizeof buf))
      m->text_site = rcp__arena_strdup(d->arena, buf);
  }
  /* else the first item of the page's first line, when that line is a
  ** menu ("Radio Cévennes | Accueil | Infos") and the name comes back in
  ** another line outside the article ("Écouter Radio Cévennes en direct"):
  ** a menu item alone could be any section name. */
  size_t top = 0;
  while (top < nl && ln[top].cls == L_BLANK) top++;
  if (!m->text_site && top < nl && ln[top].cls == L_BOIL && ln[top].words >= 4) {
    const char *s0 = t.p + ln[top].off;
    size_t k = 0, n0 = ln[top].len;
    while (k < n0 && s0[k] != '|' && !(k + 1 < n0 && (unsigned char)s0[k] == 0xC2 && (unsigned char)s0[k + 1] == 0xB7) &&
           !(k + 2 < n0 && (unsigned char)s0[k] == 0xE2 && (unsigned char)s0[k + 1] == 0x80 && (unsigned char)s0[k + 2] == 0xA2)) k++;
    size_t e = k;
    while (e && s0[e - 1] == ' ') e--;
    uint32_t w = words_of(s0, e);
    if (k < n0 && e >= 3 && e < sizeof buf && w >= 1 && w <= 5 && !rcp__x_boiler(s0, e)) {
      memcpy(buf, s0, e);
      buf[e] = 0;
      for (size_t i = top + 1; i < nl && !m->text_site; i++) {
        if (ln[i].cls == L_BLANK || ln[i].cls == L_ART || ln[i].cls == L_HEAD || ln[i].cls == L_TITLE) continue;
        if (has_bytes(t.p + ln[i].off, ln[i].len, buf, e)) m->text_site = rcp__arena_strdup(d->arena, buf);
      }
    }
  }
  /* 4. paragraphs: join wrapped lines */
  rcp_buf para;
  rcp__buf_init(&para, t.n + 16);
  int open = 0, kind = RCP_BLOCK_PARAGRAPH;
  for (size_t i = 0; i < nl && rc == RCP_OK; i++) {
    xline *l = &ln[i];
    const char *s = t.p + l->off;
    if (l->cls == L_ART || l->cls == L_HEAD) {
      if (!m->credit_inline && rcp__x_credit_inline(s, l->len, buf, sizeof buf))
        m->credit_inline = rcp__arena_strdup(d->arena, buf);
      int join = open && kind == RCP_BLOCK_PARAGRAPH && l->cls == L_ART && i > 0 && ln[i - 1].cls == L_ART &&
                 (!ln[i - 1].endp || l->lower0);
      if (!join && open) { rc = rcp__xout_add(o, kind, para.p, para.n); rcp__buf_reset(&para); open = 0; }
      if (rc != RCP_OK) break;
      if (open) rc = rcp__buf_addc(&para, ' ');
      if (rc == RCP_OK) rc = rcp__buf_add(&para, s, l->len);
      open = 1;
      kind = l->cls == L_HEAD ? RCP_BLOCK_HEADING : RCP_BLOCK_PARAGRAPH;
    } else if (open) {
      rc = rcp__xout_add(o, kind, para.p, para.n);
      rcp__buf_reset(&para);
      open = 0;
    }
  }
  if (rc == RCP_OK && open) rc = rcp__xout_add(o, kind, para.p, para.n);
  rcp__buf_free(&para);
out:
  rcp__buf_free(&t);
  rcp__free(ln);
  return rc;
}
