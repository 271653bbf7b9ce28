/* facts_scan.c -- stage 7 entry point and the word scanner of the fact
** extractors.
**
** rcp__facts() scans d->text once into light tokens (words, numbers with
** their value, punctuation; French elision split off: l' d' qu'), then runs
** the extractors in a fixed order: dates, figures (which skip the numbers
** dates consumed), entities, quotes.  Folding: NFKD-style decomposition with
** utf8proc, marks stripped, case folded, typographic apostrophes and dashes
** mapped to ASCII; numbers: "12 000", "54.000" (French thousands), "2,5".
** Invariants: token spans are in bounds and ordered; every output lives in
** d->arena; scratch memory goes through rcp__malloc and is freed here.
** Not done here: morphology, tagging; sentence splitting is a fallback
** (abbreviations, glued paragraphs "fin.Début") used only when the analysis
** stage left d->sents empty.
*/
#include "facts_int.h"

#include <stdio.h>    /* snprintf */
#include <string.h>   /* memcpy, strcmp */
#include <utf8proc.h> /* utf8proc_iterate, utf8proc_get_property */

/* ================================================================== */
/* UTF-8 and folding                                                  */
/* ================================================================== */

static int32_t next_cp(const char *s, size_t n, size_t i, size_t *len) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                        (utf8proc_ssize_t)(n - i), &cp);
  if (k <= 0) { *len = 1; return 0xFFFD; }
  *len = (size_t)k;
  return cp;
}

static int is_space_cp(int32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || c == 0x202F || (c >= 0x2000 && c <= 0x200B) || c == 0x3000 ||
         c == 0xFEFF;
}
static int is_apos_cp(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC; }
static int is_dash_cp(int32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

static int cat_of(int32_t c) { return utf8proc_get_property(c)->category; }
static int is_letter_cp(int32_t c) {
  if (c < 128) return (c | 32) >= 'a' && (c | 32) <= 'z';
  int k = cat_of(c);
  return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
         (k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME);
}
static int is_upper_cp(int32_t c) {
  if (c < 128) return c >= 'A' && c <= 'Z';
  int k = cat_of(c);
  return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}
static int is_digit_cp(int32_t c) { return c >= '0' && c <= '9'; }

static size_t put_cp(char *out, size_t o, size_t cap, int32_t c) {
  utf8proc_uint8_t b[4];
  utf8proc_ssize_t k = utf8proc_encode_char(c, b);
  if (o + (size_t)k + 1 > cap) return o;
  memcpy(out + o, b, (size_t)k);
  return o + (size_t)k;
}

size_t rcp__fx_fold(const char *s, size_t n, char *out, size_t cap) {
  size_t o = 0;
  if (cap == 0) return 0;
  for (size_t i = 0; i < n;) {
    unsigned char ch = (unsigned char)s[i];
    if (ch < 128) {
      char c = (char)ch;
      if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
      if (!(c == ' ' && (o == 0 || out[o - 1] == ' ')) && o + 2 <= cap) out[o++] = c;
      i++;
      continue;
    }
    size_t k;
    int32_t c = next_cp(s, n, i, &k);
    i += k;
    if (is_apos_cp(c)) c = '\'';
    else if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) c = '-';
    else if (is_space_cp(c)) c = ' ';
    if (c < 128) {
      if (!(c == ' ' && (o == 0 || out[o - 1] == ' ')) && o + 2 <= cap) out[o++] = (char)c;
      continue;
    }
    if (c == 0x0153 || c == 0x0152) { if (o + 3 <= cap) { out[o++] = 'o'; out[o++] = 'e'; } continue; }
    if (c == 0x00E6 || c == 0x00C6) { if (o + 3 <= cap) { out[o++] = 'a'; out[o++] = 'e'; } continue; }
    utf8proc_int32_t buf[8];
    int bc = 0;
    utf8proc_ssize_t m = utf8proc_decompose_char(c, buf, 8,
        UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &bc);
    if (m < 0 || m > 8) { o = put_cp(out, o, cap, c); continue; }
    for (utf8proc_ssize_t j = 0; j < m; j++) o = put_cp(out, o, cap, buf[j]);
  }
  while (o > 0 && out[o - 1] == ' ') o--;
  out[o] = 0;
  return o;
}

size_t rcp__fx_translit(const char *key, char *out, size_t cap) {
  /* One spelling for the usual romanisations of Slavic and Arabic names:
  ** z->s, w->v, j/y->i, kh->h, ou->u, ck->k, c->k (not before e/i),
  ** ph->f, th->t, sch/sh/ch->sh... then doubled letters collapsed and a
  ** final run of i's reduced to one: Zelenskyy, Zelenskyi, Selenskyj,
  ** Zelensky -> selenski. */
  size_t o = 0;
  if (cap == 0) return 0;
  for (size_t i = 0; key[i] && o + 2 < cap; i++) {
    char c = key[i], nx = key[i + 1];
    char r = c;
    if (c == 'z') r = 's';
    else if (c == 'w') r = 'v';
    else if (c == 'j' || c == 'y') r = 'i';
    else if (c == 'k' && nx == 'h') { r = 'h'; i++; }
    else if (c == 'o' && nx == 'u') { r = 'u'; i++; }
    else if (c == 'c' && nx == 'k') { r = 'k'; i++; }
    else if (c == 'p' && nx == 'h') { r = 'f'; i++; }
    else if (c == 't' && nx == 'h') { r = 't'; i++; }
    else if (c == 's' && nx == 'c' && key[i + 2] == 'h') { r = 's'; i += 2; }
    else if (c == 'c' && nx == 'h') { r = 's'; i++; }
    else if (c == 'c' && nx != 'e' && nx != 'i' && nx != 'y') r = 'k';
    else if (c == 'e' && (nx == 'y' || nx == 'i') && (key[i + 2] == 0 || key[i + 2] == ' ')) { r = 'i'; i++; }
    else if (c == '-' || c == '\'') r = ' ';
    if (o > 0 && out[o - 1] == r && r != ' ') continue;     /* doubled letters */
    if (r == ' ' && (o == 0 || out[o - 1] == ' ')) continue;
    out[o++] = r;
  }
  out[o] = 0;
  return o;
}

double rcp__fx_jaro_winkler(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la == 0 && lb == 0) return 1.0;
  if (la == 0 || lb == 0 || la > 64 || lb > 64) return fx_eq(a, b) ? 1.0 : 0.0;
  size_t win = (la > lb ? la : lb) / 2;
  win = win > 0 ? win - 1 : 0;
  unsigned char ma[64] = {0}, mb[64] = {0};
  size_t m = 0;
  for (size_t i = 0; i < la; i++) {
    size_t lo = i > win ? i - win : 0, hi = i + win + 1 < lb ? i + win + 1 : lb;
    for (size_t j = lo; j < hi; j++)
      if (!mb[j] && a[i] == b[j]) { ma[i] = mb[j] = 1; m++; break; }
  }
  if (m == 0) return 0.0;
  size_t t = 0, j = 0;
  for (size_t i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[j]) j++;
    if (a[i] != b[j]) t++;
    j++;
  }
  double md = (double)m;
  double jaro = (md / (double)la + md / (double)lb + (md - (double)t / 2.0) / md) / 3.0;
  size_t p = 0;
  while (p < 4 && p < la && p < lb && a[p] == b[p]) p++;
  return jaro + (double)p * 0.1 * (1.0 - jaro);
}

/* Initials of the content words of a folded name: "organisation mondiale de
** la sante" -> "oms". */
void rcp__fx_initials(const char *key, char *out, size_t cap) {
  static const char *const skip[] = {"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "of",
                                     "the", "and", "pour", "en", "sur", "for", NULL};
  size_t o = 0;
  const char *p = key;
  while (*p && o + 1 < cap) {
    while (*p == ' ' || *p == '-') p++;
    const char *e = p;
    while (*e && *e != ' ' && *e != '-') e++;
    if (e > p) {
      int sk = 0;
      for (int i = 0; skip[i]; i++)
        if ((size_t)(e - p) == strlen(skip[i]) && strncmp(p, skip[i], (size_t)(e - p)) == 0) sk = 1;
      if (!sk && p[0] == 'l' && p[1] == '\'') p += 2;
      if (!sk && p[0] == 'd' && p[1] == '\'') p += 2;
      if (!sk && p < e) out[o++] = *p;
    }
    p = e;
  }
  out[o] = 0;
}

/* ================================================================== */
/* Calendar                                                           */
/* ================================================================== */

int64_t rcp__fx_days(int y, int m, int dd) {
  /* days_from_civil (H. Hinnant) */
  int64_t yy = (int64_t)y - (m <= 2);
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  int64_t yoe = yy - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void rcp__fx_civil(int64_t z, int *y, int *m, int *dd) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *dd = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ================================================================== */
/* Scanner                                                            */
/* ================================================================== */

#define FX_MAX_TOKS 2000000u

static int push_tok(fx_doc *x, const fx_tok *t, const char *key, size_t klen) {
  if (x->n == x->cap) {
    size_t nc = x->cap ? x->cap * 2 : 256;
    if (nc > FX_MAX_TOKS) return x->err = RCP_ETOOBIG;
    fx_tok *nt = rcp__realloc(x->t, nc * sizeof *nt);
    if (!nt) return x->err = RCP_ENOMEM;
    x->t = nt; x->cap = nc;
  }
  if (x->pn + klen + 1 > x->pcap) {
    size_t nc = x->pcap ? x->pcap * 2 : 4096;
    while (nc < x->pn + klen + 1) nc *= 2;
    char *np = rcp__realloc(x->pool, nc);
    if (!np) return x->err = RCP_ENOMEM;
    x->pool = np; x->pcap = nc;
  }
  fx_tok *o = &x->t[x->n++];
  *o = *t;
  o->key = (const char *)(uintptr_t)x->pn;  /* offset; fixed up at the end */
  memcpy(x->pool + x->pn, key, klen);
  x->pool[x->pn + klen] = 0;
  x->pn += klen + 1;
  return RCP_OK;
}

static const char *const elisions[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu",
                                       "jusqu", "lorsqu", "puisqu", "quoiqu", NULL};
static int is_elision(const char *k) {
  for (int i = 0; elisions[i]; i++) if (fx_eq(k, elisions[i])) return 1;
  return 0;
}

/* Abbreviations after which a period does not end a sentence. */
static const char *const abbrevs[] = {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr",
  "st", "ste", "av", "etc", "cf", "no", "vol", "p", "mr", "mrs", "ms", "jr", "sr", "gen",
  "col", "lt", "sgt", "gov", "sen", "rep", "inc", "ltd", "co", "corp", "vs", "env", NULL};
static int is_abbrev(const char *k) {
  if (k[0] && !k[1]) return 1;  /* initials: J. Martin */
  for (int i = 0; abbrevs[i]; i++) if (fx_eq(k, abbrevs[i])) return 1;
  return 0;
}

static int ordinal_suffix(const char *s, size_t n, size_t i, size_t *len) {
  static const char *const suf[] = {"ère", "ème", "eme", "er", "re", "e", "es", "nd", "st", "rd", "th", NULL};
  for (int k = 0; suf[k]; k++) {
    size_t l = strlen(suf[k]);
    if (i + l <= n && memcmp(s + i, suf[k], l) == 0) {
      size_t nl;
      if (i + l == n || !is_letter_cp(next_cp(s, n, i + l, &nl))) { *len = l; return 1; }
    }
  }
  return 0;
}

/* Does a function word that starts sentences begin at s[j] (and end there)? */
static int glued_start(const char *s, size_t n, size_t j) {
  static const char *const t[] = {"de", "du", "des", "le", "la", "les", "un", "une", "il", "elle", "ils",
    "elles", "on", "pour", "selon", "mais", "en", "au", "aux", "dans", "sur", "ce", "cette", "ces", "apres",
    "avant", "depuis", "lors", "alors", "si", "et", "quant", "face", "par", "son", "sa", "ses", "leur",
    "leurs", "cela", "nous", "vous", "je", "a", "the", "in", "this", "ils", "plus", "deux", "trois",
    "une", "dans", "parmi", "outre", "ainsi", "pourtant", "cependant", "enfin", "jusqu'ici", NULL};
  size_t q = j, l;
  char wk[24];
  while (q < n && is_letter_cp(next_cp(s, n, q, &l))) q += l;
  if (q - j >= sizeof wk - 2) return 0;
  size_t wl = rcp__fx_fold(s + j, q - j, wk, sizeof wk);
  if (wl == 0) return 0;
  for (int i = 0; t[i]; i++) if (fx_eq(wk, t[i])) return 1;
  return 0;
}

int rcp__fx_scan(fx_doc *x, const rcp_doc *d) {
  const char *s = d->text ? d->text : "";
  size_t n = d->text ? d->text_len : 0;
  memset(x, 0, sizeof *x);
  x->text = s; x->len = n;
  const char *lg = d->lang && strcmp(d->lang, "un") != 0 ? d->lang
                 : d->language ? d->language : d->in_language;
  x->lang_en = lg && lg[0] == 'e' && lg[1] == 'n';
  x->pub_day = d->pub_time == INT64_MIN ? INT64_MIN
             : (d->pub_time >= 0 ? d->pub_time / 86400 : (d->pub_time - 86399) / 86400);
  char kb[256];
  int newline = 0, brk = 1, space = 1;
  for (size_t i = 0; i < n && x->err == RCP_OK;) {
    size_t k;
    int32_t c = next_cp(s, n, i, &k);
    if (is_space_cp(c)) {
      if (c == '\n') { if (newline) brk = 1; newline = 1; }
      space = 1;
      i += k;
      continue;
    }
    fx_tok t;
    memset(&t, 0, sizeof t);
    t.off = (uint32_t)i;
    if (!space) t.flags |= FX_GLUE;
    if (brk) t.flags |= FX_BREAK;
    newline = 0; brk = 0; space = 0;
    if (is_digit_cp(c)) {
      size_t j = i;
      double v = 0;
      int nd = 0, grp = 0;
      while (j < n && is_digit_cp((unsigned char)s[j])) { v = v * 10 + (s[j] - '0'); nd++; j++; }
      int first = nd;
      for (;;) {  /* thousands groups: "12 000", "12.000", "12,000" (en) */
        size_t sl = 0;
        int32_t sc = j < n ? next_cp(s, n, j, &sl) : 0;
        int sep = sc == ' ' || sc == 0xA0 || sc == 0x202F || sc == 0x2009 ||
                  (sc == '.' && !x->lang_en) || (sc == ',' && x->lang_en);
        if (!sep || first > 3) break;
        size_t q = j + sl;
        if (q + 3 > n || !is_digit_cp((unsigned char)s[q]) || !is_digit_cp((unsigned char)s[q + 1]) ||
            !is_digit_cp((unsigned char)s[q + 2]) || (q + 3 < n && is_digit_cp((unsigned char)s[q + 3])))
          break;
        if (sc == ' ' && nd >= 4 && !grp) break;
        v = v * 1000 + (s[q] - '0') * 100 + (s[q + 1] - '0') * 10 + (s[q + 2] - '0');
        nd += 3; grp = 1;
        j = q + 3;
      }
      /* decimal part: "2,5" (fr), "2.5" (en or not a group) */
      if (j + 1 < n && (s[j] == ',' || s[j] == '.') && is_digit_cp((unsigned char)s[j + 1]) &&
          ((s[j] == ',') != x->lang_en)) {
        double f = 0.1;
        j++;
        while (j < n && is_digit_cp((unsigned char)s[j])) { v += f * (s[j] - '0'); f /= 10; j++; }
      } else if (!x->lang_en && !grp && j + 1 < n && s[j] == '.' && is_digit_cp((unsigned char)s[j + 1])) {
        /* "2.5" in French text: not a group of three, so a decimal point */
        size_t q = j + 1, dd = 0;
        while (q < n && is_digit_cp((unsigned char)s[q])) { q++; dd++; }
        if (dd != 3) {
          double f = 0.1;
          for (j++; j < q; j++) { v += f * (s[j] - '0'); f /= 10; }
        }
      }
      size_t sl;
      if (j < n && ordinal_suffix(s, n, j, &sl)) { t.flags |= FX_ORD; j += sl; }
      t.kind = FX_NUM; t.val = v; t.ndig = (uint16_t)(nd > 65535 ? 65535 : nd);
      if (grp) t.flags |= FX_GROUPED;
      t.len = (uint32_t)(j - i);
      size_t kl = (size_t)snprintf(kb, sizeof kb, "%.*s", (int)(j - i > 200 ? 200 : j - i), s + i);
      push_tok(x, &t, kb, kl < sizeof kb ? kl : sizeof kb - 1);
      i = j;
      continue;
    }
    if (is_letter_cp(c)) {
      size_t j = i + k;
      int upper = is_upper_cp(c), allcap = upper, letters = 1, glued = 0;
      for (;;) {
        if (j >= n) break;
        size_t l;
        int32_t e = next_cp(s, n, j, &l);
        if (is_letter_cp(e) || is_digit_cp(e)) {
          /* paragraphs glued by the source ("GalletDe", "débat.Le" is
          ** handled as punctuation): a capital after a lower-case letter
          ** that starts a function word begins a new sentence */
          if (is_upper_cp(e) && !allcap && letters >= 2 && glued_start(s, n, j)) { glued = 1; break; }
          if (is_letter_cp(e)) { letters++; if (!is_upper_cp(e) && cat_of(e) == UTF8PROC_CATEGORY_LL) allcap = 0; }
          j += l;
          continue;
        }
        size_t l2;
        int32_t f = j + l < n ? next_cp(s, n, j + l, &l2) : 0;
        if (is_dash_cp(e) && (is_letter_cp(f) || is_digit_cp(f))) { j += l; continue; }
        if (is_apos_cp(e) && is_letter_cp(f)) {
          char wk[16];
          size_t wl = rcp__fx_fold(s + i, j - i, wk, sizeof wk);
          if (wl < 8 && is_elision(wk)) { j += l; t.flags |= FX_ELIDED; break; }
          if (fx_eq(wk, "aujourd") || is_upper_cp(f)) { j += l; continue; }
          break;
        }
        if (e == '.' && allcap && letters <= 3 && is_upper_cp(f) && j + l + 1 < n && s[j + l + 1] == '.') {
          j += l;  /* U.S., U.K. */
          continue;
        }
        break;
      }
      if (glued) { brk = 1; space = 1; }
      t.kind = FX_WORD;
      if (upper) t.flags |= FX_CAP;
      if (allcap && letters >= 2) t.flags |= FX_ALLCAP;
      t.len = (uint32_t)(j - i);
      size_t kl = rcp__fx_fold(s + i, j - i, kb, sizeof kb);
      push_tok(x, &t, kb, kl);
      i = j;
      continue;
    }
    t.kind = FX_PUNCT;
    t.len = (uint32_t)k;
    size_t kl = rcp__fx_fold(s + i, k, kb, sizeof kb);
    if (kl == 0) { kb[0] = ' '; kb[1] = 0; kl = 1; }
    push_tok(x, &t, kb, kl);
    i += k;
  }
  if (x->err != RCP_OK) return x->err;
  for (size_t i = 0; i < x->n; i++) x->t[i].key = x->pool + (uintptr_t)x->t[i].key;
  x->used = rcp__calloc(x->n ? x->n : 1, 1);
  if (!x->used) return x->err = RCP_ENOMEM;
  /* sentences */
  if (d->nsents > 0 && d->sents) {
    size_t si = 0;
    for (size_t i = 0; i < x->n; i++) {
      while (si + 1 < d->nsents && d->sents[si + 1].off <= x->t[i].off) si++;
      x->t[i].sent = (uint32_t)si;
      if (i == 0 || x->t[i - 1].sent != si) x->t[i].flags |= FX_SENT0;
    }
  } else {
    uint32_t si = 0;
    int start = 1;
    for (size_t i = 0; i < x->n; i++) {
      fx_tok *t = &x->t[i];
      if ((t->flags & FX_BREAK) && i > 0) { si++; start = 1; }
      t->sent = si;
      if (start && !(t->kind == FX_PUNCT && t->key[0] != '\'')) { t->flags |= FX_SENT0; start = 0; }
      if (t->kind == FX_PUNCT && (t->key[0] == '.' || t->key[0] == '!' || t->key[0] == '?' ||
                                  fx_eq(t->key, "...") || fx_eq(t->key, "\xe2\x80\xa6"))) {
        if (t->key[0] == '.' && i > 0 && x->t[i - 1].kind == FX_WORD && (t->flags & FX_GLUE) &&
            is_abbrev(x->t[i - 1].key))
          continue;
        if (i + 1 < x->n) {
          const fx_tok *nx = &x->t[i + 1];
          int closing = nx->kind == FX_PUNCT && (fx_eq(nx->key, "\xc2\xbb") || nx->key[0] == '"' ||
                                                 fx_eq(nx->key, "\xe2\x80\x9d") || nx->key[0] == ')');
          if (closing) continue;
          if (!(nx->flags & FX_CAP) && nx->kind == FX_WORD) continue;
          if (nx->kind == FX_NUM && t->key[0] == '.' && i > 0 && x->t[i - 1].kind == FX_NUM) continue;
        }
        si++; start = 1;
      }
    }
  }
  return RCP_OK;
}

void rcp__fx_free(fx_doc *x) {
  rcp__free(x->t);
  rcp__free(x->pool);
  rcp__free(x->used);
  memset(x, 0, sizeof *x);
}

int rcp__fx_seq(const fx_doc *x, size_t i, const char *const *words, size_t m) {
  if (i + m > x->n) return 0;
  for (size_t k = 0; k < m; k++) {
    if (strcmp(x->t[i + k].key, words[k]) != 0) return 0;
    if (k > 0 && (x->t[i + k].flags & FX_BREAK)) return 0;
  }
  return 1;
}

/* ================================================================== */
/* Stage entry point                                                  */
/* ================================================================== */

int rcp__facts(const rcp_ctx *ctx, rcp_doc *d) {
  (void)ctx;
  if (!d) return RCP_EINVAL;
  d->ents = NULL; d->nents = 0;
  d->dates = NULL; d->ndates = 0;
  d->figs = NULL; d->nfigs = 0;
  d->quotes = NULL; d->nquotes = 0;
  if (!d->text || d->text_len == 0) return RCP_OK;
  fx_doc x;
  int rc = rcp__fx_scan(&x, d);
  if (rc == RCP_OK) rc = rcp__facts_dates(&x, d);
  if (rc == RCP_OK) rc = rcp__facts_figures(&x, d);
  if (rc == RCP_OK) rc = rcp__facts_entities(&x, d);
  if (rc == RCP_OK) rc = rcp__facts_quotes(&x, d);
  rcp__fx_free(&x);
  return rc;
}

/* The entities alone (d->ents), for the story clustering, which runs
** before the facts of a story: scanner and entity rules only, so a token
** a date or a figure would have taken can start a name here ("Mars").
** Nothing else of d is set. */
int rcp__facts_entities_only(const rcp_ctx *ctx, rcp_doc *d) {
  (void)ctx;
  if (!d) return RCP_EINVAL;
  d->ents = NULL; d->nents = 0;
  if (!d->text || d->text_len == 0) return RCP_OK;
  fx_doc x;
  int rc = rcp__fx_scan(&x, d);
  if (rc == RCP_OK) rc = rcp__facts_entities(&x, d);
  rcp__fx_free(&x);
  return rc;
}

void *rcp__fx_grow(rcp_arena *a, void *arr, size_t n, size_t *cap, size_t size) {
  if (n < *cap) return arr;
  size_t nc = *cap ? *cap * 2 : 16;
  void *na = rcp__arena_alloc(a, nc * size);
  if (!na) return NULL;
  if (n) memcpy(na, arr, n * size);
  *cap = nc;
  return na;
}

char *rcp__fx_span(const fx_doc *x, rcp_arena *a, size_t i, size_t j) {
  size_t b = x->t[i].off, e = x->t[j].off + x->t[j].len;
  return rcp__arena_strndup(a, x->text + b, e - b);
}
