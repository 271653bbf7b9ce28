/* analyze.c -- stage 3: words, sentences, folding, stopwords, stems and
** language of a document's text.
**
** Algorithm.  Blocks (d->blocks, else the text cut at blank lines) are cut
** into sentences by a rule-based scanner: a break after . ! ? … (and the
** closing quotes or brackets that follow) when the next character is an
** upper-case letter, a digit, an opening quote or a dash, except after a
** title abbreviation (M. Mme Dr St. Mr ...) or an initial; a single newline
** inside a block breaks unless the next line starts in lower case.  Words
** are runs of letters, digits and marks; French elisions (l' d' j' m' n' s'
** t' c' qu' jusqu' lorsqu' puisqu' quoiqu' presqu', with ' ’ or ʼ) are
** dropped, hyphenated words stay whole except inverted pronouns (dit-il,
** a-t-elle), English possessive 's is dropped, numbers keep their grouping
** ("12 000", "7.169.550", "2,5", "20 %": norm "12000", "7169550", "2.5",
** "20%").  Folding (case fold; accent strip for norm) uses a table built
** once from utf8proc for U+0000..U+2FFF (utf8proc itself beyond), so the
** hot loop never calls utf8proc.  Stems: Snowball (libstemmer) on the
** case-folded word, then accents stripped (RESOURCES §1.1), memoised in a
** per-thread cache.  Language: CLD2 on the first 512 bytes (src/cld2shim.cc),
** else the share of Snowball stopwords (data/stopwords/) for fr/en.
**
** Invariants: tokens lie inside one sentence, sentences inside one block;
** every token has non-empty norm and stem; output lives in d->arena and
** depends only on the text (never on the thread or the cache state).
** Not done here: entities, dates, figures (facts stage); NFC is assumed
** (extraction normalises), decomposed input still tokenises.
*/
#include "recoupe_int.h"

#include <libstemmer.h> /* sb_stemmer_* */
#include <pthread.h>    /* pthread_once, pthread_key_* */
#include <stdlib.h>     /* malloc, free (utf8proc results) */
#include <string.h>     /* memcpy, memcmp, strcmp */
#include <sys/mman.h>   /* mmap, madvise: the stem cache on huge pages */
#include <utf8proc.h>   /* utf8proc_map, utf8proc_category */
#define XXH_INLINE_ALL
#include <xxhash.h>     /* XXH3_64bits */

/* rcp__hash64(p, n, 0), inlined (XXH3 with seed 0 is XXH3_64bits): the
** hot loops hash every word and its stem, most of them a few bytes long. */
static inline uint64_t hash0(const void *p, size_t n) { return (uint64_t)XXH3_64bits(p, n); }

const char *rcp__cld2_detect(const char *buf, int len, int *reliable, int *percent);

/* ================================================================== */
/* Character table                                                    */
/* ================================================================== */

#define TAB_N 0x3000
enum { C_WORD = 1, C_UPPER = 2, C_DIGIT = 4, C_MARK = 8, C_LOWER = 16 };

typedef struct cpinfo {
  uint8_t cls;
  uint8_t flen, nlen;    /* bytes of fold / norm */
  uint32_t foff, noff;   /* offsets in pool */
} cpinfo;

static cpinfo g_tab[TAB_N];
static char *g_pool;          /* fold + norm strings; lives for the process */
static size_t g_pool_n;

/* Stopword sets: 64-bit hashes of the norm forms, open addressing. */
#define STOP_SLOTS 1024
static uint64_t g_stop[4][STOP_SLOTS];
/* A filter before the table: bit (h >> 20) % 4096 of each stopword hash,
** 2 KB for the four lists (stays in L1); most words are not stopwords. */
#define STOP_FBITS 4096
static uint64_t g_stopf[4][STOP_FBITS / 64];
static inline unsigned stopf_bit(uint64_t h) { return (unsigned)(h >> 20) & (STOP_FBITS - 1); }
static uint8_t g_stopmark[4][STOP_SLOTS];   /* 1: a distinctive mark word */   /* norm forms: 0 fr, 1 en; folded with accents: 2 fr, 3 en */
static const char *const stop_fr[] = {
#include "../data/stopwords/fr.inc"
};
static const char *const stop_en[] = {
#include "../data/stopwords/en.inc"
};

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static pthread_key_t g_key;
static int g_init_ok;

static unsigned cat_cls(int32_t cp) {
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return C_WORD | C_UPPER;
  case UTF8PROC_CATEGORY_LL: return C_WORD | C_LOWER;
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return C_WORD;
  case UTF8PROC_CATEGORY_ND: return C_WORD | C_DIGIT;
  case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return C_WORD;
  case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    return C_WORD | C_MARK;
  default: return 0;
  }
}

static size_t enc(int32_t cp, char *o) {
  return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)o);
}

/* Fold one code point through utf8proc; out holds at most 32 bytes. */
static size_t fold_cp(int32_t cp, int strip, char *out) {
  char in[8];
  size_t n = enc(cp, in);
  utf8proc_uint8_t *r = NULL;
  int opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
  if (strip) opt |= UTF8PROC_STRIPMARK | UTF8PROC_COMPAT;
  utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)n, &r,
                                    (utf8proc_option_t)opt);
  size_t k = 0;
  if (m > 0 && m <= 24) {
    /* our own mappings: ligatures, apostrophes, hyphens */
    const char *s = (const char *)r;
    if (strip && strcmp(s, "\xc5\x93") == 0) s = "oe";        /* œ */
    else if (strip && strcmp(s, "\xc3\xa6") == 0) s = "ae";   /* æ */
    k = strlen(s);
    memcpy(out, s, k);
  } else if (m < 0 || m > 24) {
    memcpy(out, in, n);
    k = n;
  }
  free(r);   /* utf8proc allocates with malloc */
  return k;
}

static int stop_add(int l, const char *w, int strip) {
  char buf[64];
  size_t k = 0;
  for (const unsigned char *p = (const unsigned char *)w; *p;) {
    int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
    if (n <= 0) return -1;
    p += n;
    char t[32];
    size_t m = fold_cp(cp, strip, t);
    if (cp == 0x2019) { t[0] = '\''; m = 1; }
    if (k + m >= sizeof buf) return -1;
    memcpy(buf + k, t, m);
    k += m;
  }
  uint64_t h = rcp__hash64(buf, k, 0);
  size_t i = (size_t)h & (STOP_SLOTS - 1);
  while (g_stop[l][i] && g_stop[l][i] != h) i = (i + 1) & (STOP_SLOTS - 1);
  g_stop[l][i] = h;
  g_stopf[l][stopf_bit(h) / 64] |= UINT64_C(1) << (stopf_bit(h) % 64);
  return 0;
}

static void tls_destroy(void *p);
/* Title abbreviations and others after which "." does not end a sentence
** even before an upper-case word (folded, without the dot).  "etc" is not
** here on purpose: it often ends a sentence. */
static const char *const abbrevs[] = {
  "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "sr",
  "mr", "mrs", "ms", "messrs", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "rev", "hon",
  "sen", "rep", "gov", "no", "p", "pp", "vol", "art", "ch", "chap", "fig", "cf", "av", "bd",
  "boul", "env", "approx", "vs", "jr", "janv", "fevr", "avr", "juil", "sept", "oct", "nov",
  "dec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "ste", "cie", "ets", "dept",
  "ave", "inc", "ltd", "co", "corp", NULL
};

#define ABBR_SLOTS 256
static uint64_t g_abbr[ABBR_SLOTS];

/* Distinctive function words: frequent in French (resp. English) text and
** rare in the other languages of the Latin script, so a high share of them
** decides the language without CLD2. */
static const char *const fr_marks[] = { "le", "les", "des", "et", "est", "du", "une", "dans",
                                        "pour", "qui", "au", "sur", "pas", "aux", "il", NULL };
static const char *const en_marks[] = { "the", "of", "and", "to", "is", "was", "that", "with",
                                        "for", "on", "by", "are", "it", "from", NULL };


static void init_once(void) {
  size_t cap = (size_t)TAB_N * 12;
  g_pool = malloc(cap);   /* process-lifetime table: plain malloc, not the hook */
  if (!g_pool) return;
  for (int32_t cp = 0; cp < TAB_N; cp++) {
    cpinfo *c = &g_tab[cp];
    if (cp < 0x80) {
      if ((cp >= 'a' && cp <= 'z')) c->cls = C_WORD | C_LOWER;
      else if (cp >= 'A' && cp <= 'Z') c->cls = C_WORD | C_UPPER;
      else if (cp >= '0' && cp <= '9') c->cls = C_WORD | C_DIGIT;
      char ch = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
      c->foff = c->noff = (uint32_t)g_pool_n;
      g_pool[g_pool_n++] = ch;
      c->flen = c->nlen = 1;
      continue;
    }
    c->cls = (uint8_t)((cp >= 0xD800 && cp < 0xE000) ? 0 : cat_cls(cp));
    char t[32];
    size_t m = (cp >= 0xD800 && cp < 0xE000) ? 0 : fold_cp(cp, 0, t);
    if (g_pool_n + 64 > cap) break;
    c->foff = (uint32_t)g_pool_n; c->flen = (uint8_t)m;
    memcpy(g_pool + g_pool_n, t, m); g_pool_n += m;
    m = (cp >= 0xD800 && cp < 0xE000) ? 0 : fold_cp(cp, 1, t);
    c->noff = (uint32_t)g_pool_n; c->nlen = (uint8_t)m;
    memcpy(g_pool + g_pool_n, t, m); g_pool_n += m;
  }
  for (size_t i = 0; i < sizeof stop_fr / sizeof *stop_fr; i++) {
    stop_add(0, stop_fr[i], 1);
    stop_add(2, stop_fr[i], 0);
  }
  for (size_t i = 0; i < sizeof stop_en / sizeof *stop_en; i++) {
    stop_add(1, stop_en[i], 1);
    stop_add(3, stop_en[i], 0);
  }
  for (int l = 0; l < 2; l++)
    for (int i = 0; (l ? en_marks : fr_marks)[i]; i++) {
      const char *w = (l ? en_marks : fr_marks)[i];
      uint64_t h = rcp__hash64(w, strlen(w), 0);
      for (size_t k = (size_t)h & (STOP_SLOTS - 1); g_stop[2 + l][k]; k = (k + 1) & (STOP_SLOTS - 1))
        if (g_stop[2 + l][k] == h) g_stopmark[2 + l][k] = 1;
    }
  for (int a = 0; abbrevs[a]; a++) {
    uint64_t h = rcp__hash64(abbrevs[a], strlen(abbrevs[a]), 0);
    size_t k = (size_t)h & (ABBR_SLOTS - 1);
    while (g_abbr[k]) k = (k + 1) & (ABBR_SLOTS - 1);
    g_abbr[k] = h;
  }
  if (pthread_key_create(&g_key, tls_destroy) != 0) return;
  g_init_ok = 1;
}

static inline __attribute__((always_inline)) unsigned cls_of(int32_t cp) {
  if (cp < 0) return 0;
  if (cp < TAB_N) return g_tab[cp].cls;
  return cat_cls(cp);
}

/* Decodes one code point at s[i] (i < n): returns its length; *cp = -1 for
** an invalid byte (length 1). */
static inline __attribute__((always_inline)) size_t dec(const unsigned char *s, size_t n, size_t i, int32_t *cp) {
  unsigned c = s[i];
  if (c < 0x80) { *cp = (int32_t)c; return 1; }
  size_t left = n - i;
  if (c >= 0xC2 && c < 0xE0) {
    if (left >= 2 && (s[i + 1] & 0xC0) == 0x80) { *cp = (int32_t)((c & 0x1F) << 6 | (s[i + 1] & 0x3F)); return 2; }
  } else if (c >= 0xE0 && c < 0xF0) {
    if (left >= 3 && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      int32_t v = (int32_t)((c & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F));
      if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) { *cp = v; return 3; }
    }
  } else if (c >= 0xF0 && c < 0xF5) {
    if (left >= 4 && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 && (s[i + 3] & 0xC0) == 0x80) {
      int32_t v = (int32_t)((c & 0x07) << 18 | (s[i + 1] & 0x3F) << 12 | (s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F));
      if (v >= 0x10000 && v <= 0x10FFFF) { *cp = v; return 4; }
    }
  }
  *cp = -1;
  return 1;
}

static inline int cp_at(const unsigned char *s, size_t n, size_t i) {
  int32_t cp;
  if (i >= n) return -1;
  dec(s, n, i, &cp);
  return cp;
}

/* Appends the folded (strip=0) or normalised (strip=1) form of cp; an
** invalid byte (cp -1 from dec) appends nothing. */
static inline size_t fold_into(int32_t cp, int strip, char *o) {
  if (cp < 0) return 0;
  if (cp < TAB_N) {
    const cpinfo *c = &g_tab[cp];
    if (strip) { memcpy(o, g_pool + c->noff, c->nlen); return c->nlen; }
    memcpy(o, g_pool + c->foff, c->flen);
    return c->flen;
  }
  return fold_cp(cp, strip, o);
}

static inline int is_apos(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }
static inline int is_hyph(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
static inline int is_hspace(int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007;
}
static inline int is_space(int32_t cp) { return is_hspace(cp) || cp == '\n' || cp == '\r'; }
static inline int is_term(int32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }
static inline int is_close(int32_t cp) {
  return cp == 0xBB || cp == 0x201D || cp == 0x2019 || cp == ')' || cp == ']' || cp == 0x203A;
}
static inline int is_open(int32_t cp) {
  return cp == 0xAB || cp == 0x201C || cp == '"' || cp == 0x2018 || cp == 0x201E || cp == 0x2039;
}
static inline int is_dash(int32_t cp) { return cp == 0x2014 || cp == 0x2013 || cp == '-'; }

/* ================================================================== */
/* Per-thread state: stemmers, stem cache, scratch vectors            */
/* ================================================================== */

#define NSTEM 8
/* 256 K slots (half used at most): the 2020 stream's ~95,000 distinct
** words fit, where 128 K slots started over twice per pass */
#define SC_BITS 18
#define SC_SLOTS (1u << SC_BITS)
#define SC_POOL (1u << 22)

typedef struct sc_ent { uint64_t h, sh; uint32_t koff, soff; uint16_t klen, slen; } sc_ent;   /* sh: hash of the stem */

typedef struct tok1 {          /* pass-1 token */
  uint32_t off, len;           /* span */
  uint32_t foff, flen;         /* folded form in tls->fold */
  uint32_t noff, nlen;         /* norm in tls->fold */
  uint64_t nhash, fhash;       /* hashes of norm and fold (words only) */
  uint32_t sent;
  uint16_t flags;
} tok1;

typedef struct tls {
  char lang[NSTEM][8];
  struct sb_stemmer *st[NSTEM];
  int nst;
  sc_ent *sc; size_t sc_used;
  char *scpool; size_t scpool_n;
  void *sc_map; size_t sc_maplen;  /* the mapping holding sc and scpool, if mmap'd */
  tok1 *toks; size_t ntoks, ctoks;
  rcp_sentence *sents; size_t nsents, csents;
  char *fold; size_t nfold, cfold;
  char *str; size_t cstr;      /* pass-2 strings before the arena copy */
  size_t *soff; size_t csoff;  /* per token: norm offset, stem offset */
} tls;

static void tls_destroy(void *p) {
  tls *t = p;
  if (!t) return;
  for (int i = 0; i < t->nst; i++) if (t->st[i]) sb_stemmer_delete(t->st[i]);
  if (t->sc_map) munmap(t->sc_map, t->sc_maplen);
  else { rcp__free(t->sc); rcp__free(t->scpool); }
  rcp__free(t->toks);
  rcp__free(t->sents);
  rcp__free(t->fold);
  rcp__free(t->str);
  rcp__free(t->soff);
  rcp__free(t);
}

static tls *tls_get(void) {
  pthread_once(&g_once, init_once);
  if (!g_init_ok) return NULL;
  tls *t = pthread_getspecific(g_key);
  if (t) return t;
  t = rcp__calloc(1, sizeof *t);
  if (!t) return NULL;
  if (pthread_setspecific(g_key, t) != 0) { rcp__free(t); return NULL; }
  return t;
}

void rcp__analyze_thread_cleanup(void) {
  pthread_once(&g_once, init_once);
  if (!g_init_ok) return;
  tls *t = pthread_getspecific(g_key);
  if (t) { tls_destroy(t); pthread_setspecific(g_key, NULL); }
}

static int grow(void **p, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return RCP_OK;
  size_t nc = *cap ? *cap : 256;
  while (nc < need) nc *= 2;
  void *q = rcp__realloc(*p, nc * elem);
  if (!q) return RCP_ENOMEM;
  *p = q;
  *cap = nc;
  return RCP_OK;
}

static struct sb_stemmer *stemmer_for(tls *t, const char *lang) {
  for (int i = 0; i < t->nst; i++)
    if (strcmp(t->lang[i], lang) == 0) return t->st[i];
  if (t->nst == NSTEM || strlen(lang) >= 8) return NULL;
  struct sb_stemmer *s = strcmp(lang, "un") ? sb_stemmer_new(lang, "UTF_8") : NULL;
  strcpy(t->lang[t->nst], lang);
  t->st[t->nst++] = s;   /* NULL remembered too: no stemmer for this language */
  return s;
}

/* ================================================================== */
/* Sentences                                                          */
/* ================================================================== */

/* Is the word just before the '.' at i an abbreviation or an initial? */
static int no_break_before(const unsigned char *s, size_t lo, size_t i) {
  size_t j = i;
  while (j > lo) {
    size_t k = j - 1;
    while (k > lo && (s[k] & 0xC0) == 0x80) k--;
    int32_t cp;
    dec(s, i, k, &cp);
    if (!(cls_of(cp) & C_WORD) || (cls_of(cp) & C_DIGIT)) break;
    j = k;
    if (i - j > 12) return 0;
  }
  if (j == i) return 0;
  /* count code points, fold */
  char w[48];
  size_t wn = 0, ncp = 0;
  int upper1 = 0;
  for (size_t k = j; k < i;) {
    int32_t cp;
    k += dec(s, i, k, &cp);
    if (cp < 0) return 0;             /* an invalid byte: not a word */
    if (ncp == 0) upper1 = (cls_of(cp) & C_UPPER) != 0;
    ncp++;
    if (wn + 32 < sizeof w) wn += fold_into(cp, 1, w + wn);
  }
  if (ncp == 1 && upper1) return 1;   /* initial: "J. Martin", "U.S." */
  uint64_t h = rcp__hash64(w, wn, 0);
  for (size_t k = (size_t)h & (ABBR_SLOTS - 1); g_abbr[k]; k = (k + 1) & (ABBR_SLOTS - 1))
    if (g_abbr[k] == h) return 1;
  return 0;
}

typedef struct scan {
  const unsigned char *s;
  size_t n;
  tls *t;
  uint32_t block;
  int lang_en;
} scan;

static int tokenize(scan *sc, size_t b, size_t e, uint32_t sent);

static int emit_sentence(scan *sc, size_t b, size_t e) {
  const unsigned char *s = sc->s;
  while (b < e) { int32_t cp; size_t l = dec(s, e, b, &cp); if (!is_space(cp)) break; b += l; }
  while (e > b) {
    size_t k = e - 1;
    while (k > b && (s[k] & 0xC0) == 0x80) k--;
    int32_t cp;
    dec(s, e, k, &cp);
    if (!is_space(cp)) break;
    e = k;
  }
  if (e <= b) return RCP_OK;
  tls *t = sc->t;
  size_t tok0 = t->ntoks;
  RCP_TRY(tokenize(sc, b, e, (uint32_t)t->nsents));
  if (t->ntoks == tok0) return RCP_OK;   /* no word: not a sentence */
  RCP_TRY(grow((void **)&t->sents, &t->csents, t->nsents + 1, sizeof *t->sents));
  rcp_sentence *z = &t->sents[t->nsents++];
  z->off = (uint32_t)b; z->len = (uint32_t)(e - b);
  z->tok0 = (uint32_t)tok0; z->ntok = (uint32_t)(t->ntoks - tok0);
  z->block = sc->block;
  t->toks[tok0].flags |= RCP_TOK_SENT0;
  return RCP_OK;
}

static int split_block(scan *sc, size_t b0, size_t b1) {
  const unsigned char *s = sc->s;
  size_t st = b0, i = b0;
  while (i < b1) {
    unsigned char ch = s[i];
    if (ch != '\n' && ch != '.' && ch != '!' && ch != '?' && ch != 0xE2) { i++; continue; }
    int32_t c;
    size_t l = dec(s, b1, i, &c);
    if (c == '\n') {
      size_t j = i + 1;
      int32_t n = -1;
      while (j < b1) { size_t k = dec(s, b1, j, &n); if (!is_space(n)) break; j += k; n = -1; }
      if (j >= b1 || !(cls_of(n) & C_LOWER)) { RCP_TRY(emit_sentence(sc, st, i)); st = j; }
      i = j;
      continue;
    }
    if (!is_term(c)) { i += l; continue; }
    size_t j = i + l;
    int run = 1;
    for (;;) {
      int32_t c2;
      if (j >= b1) break;
      size_t k = dec(s, b1, j, &c2);
      if (!is_term(c2)) break;
      j += k; run++;
    }
    if (c == '.' && run == 1 && no_break_before(s, b0, i)) { i = j; continue; }
    /* closing quotes and brackets after the punctuation belong to the sentence */
    size_t e = j, k = j;
    for (;;) {
      size_t m = k;
      int32_t c3 = -1;
      while (m < b1) { size_t q = dec(s, b1, m, &c3); if (!is_hspace(c3)) break; m += q; c3 = -1; }
      if (m < b1 && (is_close(c3) || (c3 == '"' && m == e))) {
        k = e = m + dec(s, b1, m, &c3);
        continue;
      }
      break;
    }
    size_t m = e;
    int32_t n = -1;
    while (m < b1) { size_t q = dec(s, b1, m, &n); if (!is_space(n)) break; m += q; n = -1; }
    if (m >= b1) { RCP_TRY(emit_sentence(sc, st, e)); st = m; i = m; continue; }
    int brk;
    unsigned nc = cls_of(n);
    if (m > e)
      brk = (nc & (C_UPPER | C_DIGIT)) || is_open(n) || is_dash(n) || n == '(' || n == '[' ||
            n == 0x2022 || n == 0xBF || n == 0xA1;
    else {
      /* glued sentences ("jeudi.Le"): a word of 2+ chars, then Upper+lower */
      brk = 0;
      if ((nc & C_UPPER) && i > b0) {
        int32_t p, n2;
        size_t pk = i - 1;
        while (pk > b0 && (s[pk] & 0xC0) == 0x80) pk--;
        dec(s, b1, pk, &p);
        size_t nl = dec(s, b1, m, &n2);
        int32_t after = cp_at(s, b1, m + nl);
        if ((cls_of(p) & C_WORD) && (cls_of(after) & C_LOWER) && !no_break_before(s, b0, i)) {
          /* previous word must have 2+ code points */
          size_t pk2 = pk;
          int32_t pp = -1;
          if (pk2 > b0) { pk2--; while (pk2 > b0 && (s[pk2] & 0xC0) == 0x80) pk2--; dec(s, b1, pk2, &pp); }
          brk = (cls_of(pp) & C_WORD) != 0;
        }
      }
    }
    if (brk) { RCP_TRY(emit_sentence(sc, st, e)); st = m; i = m; }
    else i = j;
  }
  return emit_sentence(sc, st, b1);
}

/* ================================================================== */
/* Words                                                              */
/* ================================================================== */

static const char *const elisions[] = {
  "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
  "presqu", NULL
};
static const char *const clitics[] = {
  "il", "elle", "on", "ils", "elles", "je", "tu", "nous", "vous", "t", "ce", NULL
};

/* Folded (strip=1) form of s[b, e) into w (cap wcap); returns length or
** wcap when too long. */
static size_t fold_span(const unsigned char *s, size_t b, size_t e, char *w, size_t wcap) {
  size_t k = 0;
  for (size_t i = b; i < e;) {
    int32_t cp;
    i += dec(s, e, i, &cp);
    if (k + 32 >= wcap) return wcap;
    k += fold_into(cp, 1, w + k);
  }
  return k;
}

static int in_list(const char *w, size_t n, const char *const *list) {
  for (int i = 0; list[i]; i++) if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0) return 1;
  return 0;
}

/* End of the run of word characters starting at i. */
static size_t word_end(const unsigned char *s, size_t e, size_t i) {
  while (i < e) {
    if (s[i] < 0x80) {
      if (!(g_tab[s[i]].cls & C_WORD)) break;
      i++;
      continue;
    }
    int32_t cp;
    size_t l = dec(s, e, i, &cp);
    if (!(cls_of(cp) & C_WORD)) break;
    i += l;
  }
  return i;
}

static size_t digits_end(const unsigned char *s, size_t e, size_t i) {
  while (i < e && s[i] >= '0' && s[i] <= '9') i++;
  return i;
}

static int push_tok(scan *sc, size_t b, size_t e, uint32_t sent, uint16_t flags) {
  tls *t = sc->t;
  const unsigned char *s = sc->s;
  RCP_TRY(grow((void **)&t->toks, &t->ctoks, t->ntoks + 1, sizeof *t->toks));
  /* room for fold + norm: each code point folds to at most 32 bytes */
  RCP_TRY(grow((void **)&t->fold, &t->cfold, t->nfold + 2 * 32 * (e - b) + 64, 1));
  tok1 *k = &t->toks[t->ntoks];
  k->off = (uint32_t)b; k->len = (uint32_t)(e - b);
  k->sent = sent;
  k->flags = flags;
  int32_t c0;
  dec(s, e, b, &c0);
  if (cls_of(c0) & C_UPPER) k->flags |= RCP_TOK_CAP;
  if (flags & RCP_TOK_NUM) {
    /* numbers: norm built here; the lang decides ',' vs '.' later (pass 2) */
    k->foff = k->noff = (uint32_t)t->nfold;
    k->flen = k->nlen = 0;
    t->ntoks++;
    return RCP_OK;
  }
  char *f = t->fold + t->nfold;
  size_t fl = 0;
  int pure_ascii = 1;
  size_t i0 = b;
  /* ASCII prefix: the fold of an ASCII character is its lower case */
  while (i0 < e && s[i0] < 0x80 && s[i0] != '\'') {
    unsigned c = s[i0++];
    f[fl++] = (char)(c + ((c - 'A') < 26u ? 32u : 0u));
  }
  for (size_t i = i0; i < e;) {
    int32_t cp;
    size_t l = dec(s, e, i, &cp);
    i += l;
    if (cp < 0) continue;
    if (cp >= 0x80) pure_ascii = 0;
    if (is_apos(cp)) f[fl++] = '\'';
    else if (is_hyph(cp)) f[fl++] = '-';
    else fl += fold_into(cp, 0, f + fl);
  }
  k->foff = (uint32_t)t->nfold; k->flen = (uint32_t)fl;
  t->nfold += fl;
  if (pure_ascii) {
    k->noff = k->foff; k->nlen = k->flen;
  } else {
    char *nn = t->fold + t->nfold;
    size_t nl = 0;
    for (size_t i = b; i < e;) {
      int32_t cp;
      size_t l = dec(s, e, i, &cp);
      i += l;
      if (cp < 0) continue;
      if (is_apos(cp)) nn[nl++] = '\'';
      else if (is_hyph(cp)) nn[nl++] = '-';
      else nl += fold_into(cp, 1, nn + nl);
    }
    k->noff = (uint32_t)t->nfold; k->nlen = (uint32_t)nl;
    t->nfold += nl;
  }
  if (k->nlen == 0 || k->flen == 0) return RCP_OK;   /* marks only: dropped */
  k->nhash = hash0(t->fold + k->noff, k->nlen);
  k->fhash = pure_ascii ? k->nhash : hash0(t->fold + k->foff, k->flen);
  t->ntoks++;
  return RCP_OK;
}

static int tokenize(scan *sc, size_t b, size_t e, uint32_t sent) {
  const unsigned char *s = sc->s;
  size_t i = b;
  while (i < e) {
    if (s[i] < 0x80 && !(g_tab[s[i]].cls & C_WORD)) { i++; continue; }
    int32_t cp;
    size_t l = dec(s, e, i, &cp);
    unsigned c = cls_of(cp);
    if (!(c & C_WORD) || (c & C_MARK)) { i += l; continue; }
    size_t ts = i, te;
    if (c & C_DIGIT) {
      size_t j = digits_end(s, e, i);
      if (j == i) j = i + l;            /* non-ASCII digit */
      size_t g1 = j - i;
      int seps = 0;
      for (;;) {
        if (j + 1 < e && (s[j] == ',' || s[j] == '.') && s[j + 1] >= '0' && s[j + 1] <= '9') {
          j = digits_end(s, e, j + 1); seps++; continue;
        }
        /* "12 000": a space (or NBSP, NNBSP, thin space) and exactly 3 digits */
        int32_t sp;
        if (j < e && !seps && g1 <= 3) {
          size_t sl = dec(s, e, j, &sp);
          if (is_hspace(sp) && sp != '\t') {
            size_t d = digits_end(s, e, j + sl);
            if (d - (j + sl) == 3 && !(cls_of(cp_at(s, e, d)) & C_WORD)) {
              j = d;
              /* further groups */
              for (;;) {
                if (j >= e) break;
                size_t sl2 = dec(s, e, j, &sp);
                if (!is_hspace(sp) || sp == '\t') break;
                size_t d2 = digits_end(s, e, j + sl2);
                if (d2 - (j + sl2) != 3 || (cls_of(cp_at(s, e, d2)) & C_WORD)) break;
                j = d2;
              }
              if (j + 1 < e && s[j] == ',' && s[j + 1] >= '0' && s[j + 1] <= '9')
                j = digits_end(s, e, j + 1);
              break;
            }
          }
        }
        break;
      }
      j = word_end(s, e, j);            /* 1er, 14h30, 20km */
      size_t k = j;
      while (k < e) { int32_t q; size_t ql = dec(s, e, k, &q); if (!is_hspace(q)) break; k += ql; }
      if (k < e && s[k] == '%') j = k + 1;
      te = j;
      RCP_TRY(push_tok(sc, ts, te, sent, RCP_TOK_NUM));
      i = te;
      continue;
    }
    size_t j = word_end(s, e, i);
    te = 0;
    for (;;) {
      int32_t jc;
      if (j >= e) break;
      size_t jl = dec(s, e, j, &jc);
      int32_t nx = cp_at(s, e, j + jl);
      unsigned ncls = cls_of(nx);
      if (is_apos(jc) && (ncls & C_WORD) && !(ncls & C_MARK)) {
        char w[64];
        size_t wn = fold_span(s, ts, j, w, sizeof w);
        if (wn < sizeof w && in_list(w, wn, elisions)) {   /* l'homme -> homme */
          ts = j + jl;
          j = word_end(s, e, ts);
          continue;
        }
        size_t we = word_end(s, e, j + jl);
        if (we == j + jl + 1 && (s[j + jl] == 's' || s[j + jl] == 'S')) {   /* Macron's */
          te = j;
          j = we;
          break;
        }
        j = we;                           /* aujourd'hui, don't */
        continue;
      }
      if (is_hyph(jc) && (ncls & C_WORD) && !(ncls & C_MARK)) {
        size_t we = word_end(s, e, j + jl);
        char w[64];
        size_t wn = fold_span(s, j + jl, we, w, sizeof w);
        int32_t after = cp_at(s, e, we);
        if (wn < sizeof w && in_list(w, wn, clitics) && !(cls_of(after) & C_WORD)) {
          break;                          /* dit-il, a-t-elle: split */
        }
        j = we;
        continue;
      }
      break;
    }
    if (!te) te = j;
    RCP_TRY(push_tok(sc, ts, te, sent, 0));
    i = j;
    /* skip "-t-" and the clitic's hyphen: the scanner skips non-word chars,
    ** and a lone "t" between hyphens is dropped here */
    if (i < e && is_hyph(cp_at(s, e, i))) {
      size_t q = i + dec(s, e, i, &cp);
      if (q < e && (s[q] == 't' || s[q] == 'T') && q + 1 < e && is_hyph(cp_at(s, e, q + 1))) i = q + 1;
    }
  }
  return RCP_OK;
}

/* Number norm: digits, group separators removed, decimal separator '.'. */
static size_t number_norm(const unsigned char *s, size_t b, size_t e, int lang_en, char *o) {
  size_t k = 0;
  int ndots = 0, ncommas = 0;
  for (size_t i = b; i < e; i++) { ndots += s[i] == '.'; ncommas += s[i] == ','; }
  for (size_t i = b; i < e;) {
    int32_t cp;
    size_t l = dec(s, e, i, &cp);
    if (cp == ',' || cp == '.') {
      size_t d = digits_end(s, e, i + 1);
      int three = d - (i + 1) == 3;
      int group;
      if (cp == ',') group = lang_en ? three : 0;
      else group = lang_en ? (ndots > 1) : (three && (ndots > 1 || ncommas == 0) && ndots + ncommas < 3);
      if (cp == '.' && ndots > 1 && !three) group = 0;   /* 12.03.2020 stays */
      if (!group) o[k++] = (cp == ',' && ncommas == 1) ? '.' : (char)cp;
      i += l;
      continue;
    }
    if (is_hspace(cp)) { i += l; continue; }
    if (cp < 0) { i += l; continue; }
    k += fold_into(cp, 1, o + k);
    i += l;
  }
  return k;
}

/* ================================================================== */
/* Stems                                                              */
/* ================================================================== */

/* Stem of the folded word w (via the per-thread cache); writes the
** accent-stripped stem to out (cap >= 4*wn+64), its hash (rcp__hash64,
** seed 0) to *sh, and returns its length. */
/* memcmp(a, b, n) == 0 for the short keys of the stem cache, inline. */
static inline int same_bytes(const char *a, const char *b, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x, y;
    memcpy(&x, a + i, 8); memcpy(&y, b + i, 8);
    if (x != y) return 0;
  }
  for (; i < n; i++) if (a[i] != b[i]) return 0;
  return 1;
}

/* The stem cache (an 8 MB table and a 4 MB pool, read at random: one TLB
** miss a word on 4 KB pages) on transparent huge pages where the kernel
** gives them (madvise mode); else from the allocator.  Zeroed either way. */
static void sc_alloc(tls *t) {
  size_t need = SC_SLOTS * sizeof *t->sc + SC_POOL;
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
  const size_t huge = (size_t)2 << 20;
  size_t len = need + huge;
  void *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m != MAP_FAILED) {
    unsigned char *p = (unsigned char *)(((uintptr_t)m + huge - 1) & ~(uintptr_t)(huge - 1));
    (void)madvise(p, need, MADV_HUGEPAGE);   /* a hint: 4 KB pages work too */
    t->sc_map = m; t->sc_maplen = len;
    t->sc = (sc_ent *)(void *)p;
    t->scpool = (char *)p + SC_SLOTS * sizeof *t->sc;
    return;
  }
#endif
  (void)need;
  t->sc = rcp__calloc(SC_SLOTS, sizeof *t->sc);
  t->scpool = rcp__malloc(SC_POOL);
  if (!t->sc || !t->scpool) { rcp__free(t->sc); rcp__free(t->scpool); t->sc = NULL; t->scpool = NULL; }
}

static size_t stem_word(tls *t, struct sb_stemmer *st, int lang_slot, const char *w, size_t wn,
                        uint64_t wh, char *out, uint64_t *sh, int copy) {
  /* copy 0: only the hash is wanted; out is scratch, filled on a miss */
  /* wh: a hash of w (or 0: computed here); the key is compared anyway */
  uint64_t h = (wh ? wh : hash0(w, wn)) ^ ((uint64_t)lang_slot * UINT64_C(0x9E3779B97F4A7C15));
  if (!t->sc) sc_alloc(t);
  size_t slot = (size_t)h & (SC_SLOTS - 1);
  if (t->sc) {
    for (;;) {
      sc_ent *z = &t->sc[slot];
      if (!z->h) break;
      if (z->h == h && z->klen == wn && same_bytes(t->scpool + z->koff, w, wn)) {
        if (copy) memcpy(out, t->scpool + z->soff, z->slen);
        *sh = z->sh;
        return z->slen;
      }
      slot = (slot + 1) & (SC_SLOTS - 1);
    }
  }
  const sb_symbol *r = sb_stemmer_stem(st, (const sb_symbol *)w, (int)wn);
  size_t rl = r ? (size_t)sb_stemmer_length(st) : 0;
  if (!r || rl > wn + 8) { r = (const sb_symbol *)w; rl = wn; }
  size_t k = 0;
  const unsigned char *rs = (const unsigned char *)r;
  for (size_t i = 0; i < rl;) {
    int32_t cp;
    i += dec(rs, rl, i, &cp);
    if (cp < 0) continue;
    if (cp == '\'' || cp == '-') out[k++] = (char)cp;
    else k += fold_into(cp, 1, out + k);
  }
  if (k == 0) { memcpy(out, w, wn); k = wn; }
  *sh = hash0(out, k);
  if (t->sc && wn < 0xFFFF && k < 0xFFFF) {
    if (t->sc_used * 2 >= SC_SLOTS || t->scpool_n + wn + k > SC_POOL) {
      memset(t->sc, 0, SC_SLOTS * sizeof *t->sc);   /* full: start over */
      t->sc_used = 0; t->scpool_n = 0;
      slot = (size_t)h & (SC_SLOTS - 1);
      while (t->sc[slot].h) slot = (slot + 1) & (SC_SLOTS - 1);
    }
    sc_ent *z = &t->sc[slot];
    z->h = h ? h : 1;
    if (z->h != h) { /* h == 0 never matches: leave it uncached */ z->h = 0; return k; }
    z->sh = *sh;
    z->koff = (uint32_t)t->scpool_n; z->klen = (uint16_t)wn;
    memcpy(t->scpool + t->scpool_n, w, wn); t->scpool_n += wn;
    z->soff = (uint32_t)t->scpool_n; z->slen = (uint16_t)k;
    memcpy(t->scpool + t->scpool_n, out, k); t->scpool_n += k;
    t->sc_used++;
  }
  return k;
}

/* 0: not a stopword of list l; 1: a stopword; 2: a stopword and a mark. */
static inline int is_stop(int l, uint64_t h) {
  if (!(g_stopf[l][stopf_bit(h) / 64] >> (stopf_bit(h) % 64) & 1)) return 0;
  size_t i = (size_t)h & (STOP_SLOTS - 1);
  while (g_stop[l][i]) {
    if (g_stop[l][i] == h) return 1 + g_stopmark[l][i];
    i = (i + 1) & (STOP_SLOTS - 1);
  }
  return 0;
}

/* ================================================================== */
/* Language                                                           */
/* ================================================================== */

#define CLD2_PREFIX 512

static const char *detect_lang(const rcp_doc *d, tls *t) {
  /* share of Snowball stopwords (accents kept: à is not a) and of marks */
  size_t fr = 0, en = 0, frm = 0, enm = 0, nw = 0;
  for (size_t i = 0; i < t->ntoks; i++) {
    const tok1 *k = &t->toks[i];
    if (k->flags & RCP_TOK_NUM) continue;
    int f = is_stop(2, k->fhash), e = is_stop(3, k->fhash);
    fr += (size_t)(f != 0);
    en += (size_t)(e != 0);
    frm += (size_t)(f == 2);
    enm += (size_t)(e == 2);
    nw++;
  }
  if (nw >= 40) {   /* decisive without CLD2 */
    if (frm * 100 >= nw * 12 && fr * 100 >= nw * 30 && en * 100 <= nw * 8) return "fr";
    if (enm * 100 >= nw * 15 && en * 100 >= nw * 30 && fr * 100 <= nw * 8) return "en";
  }
  const char *code = "un";
  int rel = 0, pct = 0;
  size_t n = d->text_len < CLD2_PREFIX ? d->text_len : CLD2_PREFIX;
  while (n > 0 && n < d->text_len && ((unsigned char)d->text[n] & 0xC0) == 0x80) n--;
  if (n > 0 && rcp__utf8_valid(d->text, n)) code = rcp__cld2_detect(d->text, (int)n, &rel, &pct);
  if (!code) code = "un";
  if (rel && strcmp(code, "un") != 0) return code;
  /* short or mixed texts: the stopword share */
  if (nw >= 2) {
    if (fr * 5 >= nw && fr * 2 > en * 3) return "fr";
    if (en * 5 >= nw && en * 2 > fr * 3) return "en";
  }
  if (strcmp(code, "un") != 0 && pct >= 50) return code;
  return "un";
}

/* ================================================================== */
/* The stage                                                          */
/* ================================================================== */

/* full: norm and stem strings of each token in the arena; without
** (rcp__analyze_lite), toks[i].norm and .stem are "" -- the hashes, flags,
** spans and sentences are the same. */
static int analyze(const rcp_ctx *ctx, rcp_doc *d, int full) {
  (void)ctx;
  d->toks = NULL; d->ntoks = 0;
  d->sents = NULL; d->nsents = 0;
  d->lang = "un";
  if (!d->text || d->text_len == 0) return RCP_OK;
  if (d->text_len >= UINT32_MAX / 2) return RCP_ETOOBIG;
  tls *t = tls_get();
  if (!t) return RCP_ENOMEM;
  t->ntoks = t->nsents = t->nfold = 0;
  scan sc = { (const unsigned char *)d->text, d->text_len, t, 0, 0 };

  /* pass 1: blocks -> sentences -> tokens (spans, folded forms) */
  if (d->nblocks > 0) {
    for (size_t b = 0; b < d->nblocks; b++) {
      size_t o = d->blocks[b].off, l = d->blocks[b].len;
      if (o > d->text_len) continue;
      if (l > d->text_len - o) l = d->text_len - o;
      sc.block = (uint32_t)b;
      RCP_TRY(split_block(&sc, o, o + l));
    }
  } else {
    size_t b0 = 0, i = 0;
    uint32_t blk = 0;
    const char *s = d->text;
    while (i <= d->text_len) {
      if (i < d->text_len && s[i] != '\n') {
        const char *nl = memchr(s + i, '\n', d->text_len - i);
        i = nl ? (size_t)(nl - s) : d->text_len;
        continue;
      }
      if (i == d->text_len || (s[i] == '\n' && i + 1 < d->text_len && s[i + 1] == '\n')) {
        sc.block = blk;
        RCP_TRY(split_block(&sc, b0, i));
        if (i == d->text_len) break;
        while (i < d->text_len && (s[i] == '\n' || s[i] == '\r')) i++;
        b0 = i;
        blk++;
        continue;
      }
      i++;
    }
  }

  /* language */
  d->lang = detect_lang(d, t);
  int lang_en = strcmp(d->lang, "en") == 0;
  int stop_l = strcmp(d->lang, "fr") == 0 ? 0 : lang_en ? 1 : -1;
  struct sb_stemmer *st = stemmer_for(t, d->lang);
  int lang_slot = 0;
  for (int i = 0; i < t->nst; i++) if (strcmp(t->lang[i], d->lang) == 0) lang_slot = i;

  /* pass 2: norms, stems, hashes, flags into the arena */
  size_t nt = t->ntoks;
  rcp_token *toks = nt ? rcp__arena_alloc(d->arena, nt * sizeof *toks) : NULL;
  rcp_sentence *sents = t->nsents ? rcp__arena_alloc(d->arena, t->nsents * sizeof *sents) : NULL;
  if ((nt && !toks) || (t->nsents && !sents)) return rcp__arena_error(d->arena);
  if (t->nsents) memcpy(sents, t->sents, t->nsents * sizeof *sents);
  /* strings: norm + stem of each token, NUL-terminated, first into the
  ** per-thread buffer, then copied to the arena at their exact size */
  RCP_TRY(grow((void **)&t->soff, &t->csoff, 2 * nt + 1, sizeof *t->soff));
  size_t pn = 0;
  for (size_t i = 0; i < nt; i++) {
    const tok1 *k = &t->toks[i];
    rcp_token *o = &toks[i];
    if (st && t->sc) {
      /* the stem cache is larger than the CPU caches: fetch the slot of a
      ** word 16 tokens ahead (same key as stem_word computes), and the key
      ** in the pool that the slot, fetched 8 tokens ago, points to */
      const uint64_t lk = (uint64_t)lang_slot * UINT64_C(0x9E3779B97F4A7C15);
      if (i + 16 < nt && !(t->toks[i + 16].flags & RCP_TOK_NUM))
        __builtin_prefetch(&t->sc[(size_t)(t->toks[i + 16].fhash ^ lk) & (SC_SLOTS - 1)]);
      if (i + 8 < nt && !(t->toks[i + 8].flags & RCP_TOK_NUM)) {
        const sc_ent *z = &t->sc[(size_t)(t->toks[i + 8].fhash ^ lk) & (SC_SLOTS - 1)];
        if (z->h) __builtin_prefetch(t->scpool + z->koff);
      }
    }
    o->off = k->off; o->len = k->len; o->sent = k->sent; o->flags = k->flags;
    /* bound: 32 bytes per code point of norm or of the stem */
    size_t need = (k->flags & RCP_TOK_NUM) ? 32 * (size_t)k->len : k->nlen;
    need += 32 * ((size_t)k->flen + 8) + 2;
    RCP_TRY(grow((void **)&t->str, &t->cstr, pn + need, 1));
    char *norm = t->str + pn;
    if (!full) {
      /* the hashes and flags only; the scratch strings are not kept */
      if (k->flags & RCP_TOK_NUM) o->hash = hash0(norm, number_norm(sc.s, k->off, k->off + k->len, lang_en, norm));
      else o->hash = k->nhash;
      if (stop_l >= 0 && !(k->flags & RCP_TOK_NUM) && is_stop(stop_l, o->hash)) o->flags |= RCP_TOK_STOP;
      if (st && !(k->flags & RCP_TOK_NUM)) (void)stem_word(t, st, lang_slot, t->fold + k->foff, k->flen, k->fhash, norm, &o->shash, 0);
      else o->shash = o->hash;
      o->norm = o->stem = "";
      continue;
    }
    size_t nl;
    if (k->flags & RCP_TOK_NUM) nl = number_norm(sc.s, k->off, k->off + k->len, lang_en, norm);
    else { memcpy(norm, t->fold + k->noff, k->nlen); nl = k->nlen; }
    norm[nl] = 0;
    t->soff[2 * i] = pn;
    pn += nl + 1;
    o->hash = (k->flags & RCP_TOK_NUM) ? hash0(norm, nl) : k->nhash;
    if (stop_l >= 0 && !(k->flags & RCP_TOK_NUM) && is_stop(stop_l, o->hash)) o->flags |= RCP_TOK_STOP;
    if (st && !(k->flags & RCP_TOK_NUM)) {
      char *stem = t->str + pn;
      size_t sl = stem_word(t, st, lang_slot, t->fold + k->foff, k->flen, k->fhash, stem, &o->shash, 1);
      stem[sl] = 0;
      t->soff[2 * i + 1] = pn;
      pn += sl + 1;
    } else {
      t->soff[2 * i + 1] = t->soff[2 * i];
      o->shash = o->hash;
    }
  }
  char *pool = pn ? rcp__arena_alloc(d->arena, pn) : NULL;
  if (pn && !pool) return rcp__arena_error(d->arena);
  if (pn) memcpy(pool, t->str, pn);
  for (size_t i = 0; i < nt && full; i++) {
    toks[i].norm = pool + t->soff[2 * i];
    toks[i].stem = pool + t->soff[2 * i + 1];
  }
  d->toks = toks; d->ntoks = nt;
  d->sents = sents; d->nsents = t->nsents;
  return RCP_OK;
}

int rcp__analyze(const rcp_ctx *ctx, rcp_doc *d) { return analyze(ctx, d, 1); }

/* For rcp_doc_process_dedup (src/dedup.c), which keeps of each token only
** its hashes, flags and length; declared there, not in recoupe_int.h. */
int rcp__analyze_lite(const rcp_ctx *ctx, rcp_doc *d);

int rcp__analyze_lite(const rcp_ctx *ctx, rcp_doc *d) { return analyze(ctx, d, 0); }
