/* summarize.c -- sentence preparation and extractive selection, shared by
** `recoupe summarize` (rcp_summarize) and the story digest (digest.c).
**
** Algorithm: every sentence gets a linear score over nine features: position
** (1/(1+i), first, relative i/n), length (log of words, distance of the
** length from 20 words), centrality (cosine of the sentence's content-word
** counts with those of the rest of the text, after Radev et al. 2004,
** "Centroid-based summarization"), starting with a quote or dash, holding a
** digit.  The weights were fitted by coordinate ascent on ROUGE-1 over 2,000
** articles of the OrangeSum 2020 stream (never on the test set that
** bench/eval_summaries.sh scores).  The k best sentences are returned in text
** order; a sentence that leans on the one before it ("Il a ajouté que...") is
** only taken together with that one.
**
** Invariants: boilerplate (code, bylines, captions, "Lire aussi") and
** sentences of fewer than 4 words are never selected while others remain.
** Deterministic: no clock, no randomness; ties break by position.
** Not here: abstractive rewriting, cross-article grouping (digest.c).
*/
#include "recoupe_int.h"

#include <math.h>      /* log, sqrt, fabs */
#include <stdlib.h>    /* qsort */
#include <string.h>    /* memchr, memcmp, strlen */
#include <utf8proc.h>  /* utf8proc_iterate, utf8proc_tolower, utf8proc_category */

/* ================================================================== */
/* Stopwords (Snowball lists, BSD licence: snowballstem.org).  Used    */
/* only by the fallback tokenizer; analyzed documents carry the flag.  */
/* ================================================================== */

static const char stop_fr[] =
  " ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez"
  " auriez aurions aurons auront aux avaient avais avait avec avez aviez avions"
  " avons ayant ayante ayantes ayants ayez ayons c ce ces d dans de des du elle"
  " en es est et eu eue eues eurent eus eusse eussent eusses eussiez eussions"
  " eut eux eûmes eût eûtes furent fus fusse fussent fusses fussiez fussions fut"
  " fûmes fût fûtes il j je l la le leur lui m ma mais me mes moi mon même n ne"
  " nos notre nous on ont ou par pas pour qu que qui s sa se sera serai seraient"
  " serais serait seras serez seriez serions serons seront ses soient sois soit"
  " sommes son sont soyez soyons suis sur t ta te tes toi ton tu un une vos votre"
  " vous y à étaient étais était étant étante étantes étants étiez étions été"
  " étée étées étés êtes ";
static const char stop_en[] =
  " a about above after again against all am an and any are aren as at be"
  " because been before being below between both but by can cannot could"
  " couldn did didn do does doesn doing don down during each few for from"
  " further had hadn has hasn have haven having he her here hers herself him"
  " himself his how i if in into is isn it its itself let me more most mustn my"
  " myself no nor not of off on once only or other ought our ours ourselves out"
  " over own same shan she should shouldn so some such than that the their"
  " theirs them themselves then there these they this those through to too"
  " under until up very was wasn we were weren what when where which while who"
  " whom why with won would wouldn you your yours yourself yourselves ";

/* w (lower case, wlen bytes) is in the space-delimited list. */
static bool in_list(const char *list, const char *w, size_t wlen) {
  if (wlen == 0 || wlen > 32) return false;
  char key[40];
  key[0] = ' ';
  memcpy(key + 1, w, wlen);
  key[wlen + 1] = ' ';
  key[wlen + 2] = 0;
  return strstr(list, key) != NULL;
}

/* ================================================================== */
/* Characters                                                         */
/* ================================================================== */

/* Decodes the code point at s[i] (n bytes left); returns its length (>= 1;
** an invalid byte reads as U+FFFD of length 1). */
static size_t cp_at(const char *s, size_t n, int32_t *cp) {
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, cp);
  if (k <= 0) { *cp = 0xFFFD; return 1; }
  return (size_t)k;
}

static bool is_word_cp(int32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

static bool is_space_cp(int32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' ||
         c == 0xA0 || c == 0x202F || c == 0x2009 || c == 0x2007 || c == 0x200B;
}

static bool is_upper_cp(int32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c < 0x80) return false;
  return utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
}

static bool is_lower_cp(int32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c < 0x80) return false;
  return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* May a sentence start with this code point (after a full stop)? */
static bool starts_sentence_cp(int32_t c) {
  return is_upper_cp(c) || (c >= '0' && c <= '9') || c == '"' || c == '(' || c == '-' ||
         c == 0xAB /* « */ || c == 0x201C /* “ */ || c == 0x2013 || c == 0x2014 || c == 0x2018 ||
         c == '\'' || c == '[';
}

static bool is_close_cp(int32_t c) {
  return c == '"' || c == ')' || c == 0xBB /* » */ || c == 0x201D /* ” */ || c == 0x2019 || c == ']';
}

static bool is_term_cp(int32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

/* Abbreviations after which "." does not end a sentence (lower case). */
static const char abbrevs[] =
  " m mm mme mmes mlle mlles dr pr st ste me mgr etc cf av apr jc no p vol art gen"
  " col lt cdt sgt mr mrs ms jr sr prof gov sen rep rev vs fig ed eds inc ltd co"
  " corp dept univ approx env tel ";

/* ================================================================== */
/* Fallback sentence splitter.                                        */
/* TO BE REPLACED by the analysis stage's sentences (issue 4) once it  */
/* lands: rcp__sents_of_doc already prefers d->sents when present.     */
/* ================================================================== */

typedef struct span { uint32_t off, len; } span;

/* Is text[a, b) the chunk before a full stop an abbreviation or initial? */
static bool is_abbrev(const char *t, size_t a, size_t b) {
  size_t s = b;
  while (s > a && !is_space_cp((unsigned char)t[s - 1])) s--;
  /* strip trailing dots of the chunk ("U.S" stays) */
  char w[24];
  size_t n = 0;
  if (b - s > sizeof w - 2) return false;
  for (size_t i = s; i < b && n < sizeof w - 1; i++) {
    unsigned char c = (unsigned char)t[i];
    if (c == '.' || c == '(' || c == '"') continue;
    w[n++] = (char)c;
  }
  w[n] = 0;
  if (n == 0) return false;
  int32_t cp;
  size_t k = cp_at(w, n, &cp);
  if (k == n && is_upper_cp(cp)) return true; /* "J." initial */
  for (size_t i = 0; i < n; i++)
    if (w[i] >= 'A' && w[i] <= 'Z') w[i] = (char)(w[i] + 32);
  return in_list(abbrevs, w, n);
}

static int add_span(rcp_arena *a, span **v, size_t *n, size_t *cap, size_t off, size_t end,
                    const char *t) {
  while (off < end && is_space_cp((unsigned char)t[off])) off++;
  while (end > off) {
    unsigned char c = (unsigned char)t[end - 1];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') end--;
    else if (end - off >= 2 && (unsigned char)t[end - 2] == 0xC2 && c == 0xA0) end -= 2;
    else break;
  }
  if (end <= off) return RCP_OK;
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 32;
    span *nv = rcp__arena_alloc(a, nc * sizeof *nv);
    if (!nv) return rcp__arena_error(a);
    if (*n) memcpy(nv, *v, *n * sizeof *nv);
    *v = nv; *cap = nc;
  }
  (*v)[*n].off = (uint32_t)off;
  (*v)[*n].len = (uint32_t)(end - off);
  (*n)++;
  return RCP_OK;
}

static int split_sentences(rcp_arena *a, const char *t, size_t len, span **out, size_t *nout) {
  span *v = NULL;
  size_t n = 0, cap = 0, start = 0, i = 0;
  int rc = RCP_OK;
  while (i < len && rc == RCP_OK) {
    int32_t c;
    size_t k = cp_at(t + i, len - i, &c);
    if (c == '\n') {
      rc = add_span(a, &v, &n, &cap, start, i, t);
      start = i + 1;
      i += k;
      continue;
    }
    if (!is_term_cp(c)) { i += k; continue; }
    /* a run of terminal punctuation, then closing quotes */
    size_t p0 = i, j = i;
    int nterm = 0;
    int32_t d;
    while (j < len) {
      size_t kk = cp_at(t + j, len - j, &d);
      if (!is_term_cp(d)) break;
      j += kk; nterm++;
    }
    size_t endp = j;
    if (j < len) {
      size_t kk = cp_at(t + j, len - j, &d);
      if (is_close_cp(d)) { j += kk; endp = j; }
    }
    /* whitespace, then a sentence start */
    size_t ws = j;
    while (j < len) {
      size_t kk = cp_at(t + j, len - j, &d);
      if (!is_space_cp(d) || d == '\n') break;
      j += kk;
    }
    bool cut = false;
    if (j < len) {
      size_t kk = cp_at(t + j, len - j, &d);
      (void)kk;
      if (starts_sentence_cp(d)) {
        if (j > ws) {
          cut = !(nterm == 1 && c == '.' && is_abbrev(t, start, p0));
        } else {
          /* glued paragraphs ("jeudi.Le"): two lower-case letters before */
          int32_t l1 = 0, l2 = 0;
          size_t q = p0;
          if (q > start) { size_t b = q - 1; while (b > start && ((unsigned char)t[b] & 0xC0) == 0x80) b--; cp_at(t + b, q - b, &l1); q = b; }
          if (q > start) { size_t b = q - 1; while (b > start && ((unsigned char)t[b] & 0xC0) == 0x80) b--; cp_at(t + b, q - b, &l2); }
          cut = is_lower_cp(l1) && is_lower_cp(l2) && (is_upper_cp(d) || d == 0xAB || d == '"');
        }
      }
    } else {
      cut = true;
    }
    if (cut) {
      rc = add_span(a, &v, &n, &cap, start, endp, t);
      start = j;
    }
    i = j > i ? j : i + k;
  }
  if (rc == RCP_OK) rc = add_span(a, &v, &n, &cap, start, len, t);
  *out = v;
  *nout = n;
  return rc;
}

/* ================================================================== */
/* Boilerplate and dependent sentences                                */
/* ================================================================== */

/* Lower-cases the first bytes of s (ASCII and Latin-1 only) into out. */
static size_t lower_prefix(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0, i = 0;
  /* skip opening quotes, dashes, bullets and spaces */
  while (i < n) {
    int32_t c;
    size_t l = cp_at(s + i, n - i, &c);
    if (is_space_cp(c) || c == '"' || c == 0xAB || c == 0x201C || c == '-' || c == 0x2013 ||
        c == 0x2014 || c == 0x2022 || c == '*' || c == '>' || c == '|')
      i += l;
    else
      break;
  }
  while (i < n && k + 4 < cap) {
    int32_t c;
    size_t l = cp_at(s + i, n - i, &c);
    c = utf8proc_tolower(c);
    utf8proc_ssize_t w = utf8proc_encode_char(c, (utf8proc_uint8_t *)out + k);
    k += (size_t)w;
    i += l;
  }
  out[k] = 0;
  return k;
}

static bool has_prefix(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }

static bool contains(const char *s, size_t n, const char *needle) {
  size_t m = strlen(needle);
  if (m == 0 || m > n) return m == 0;
  /* memchr to each place the first byte stands, then compare the rest */
  for (const char *p = s, *end = s + n - m + 1; p < end && (p = memchr(p, needle[0], (size_t)(end - p))) != NULL; p++)
    if (memcmp(p + 1, needle + 1, m - 1) == 0) return true;
  return false;
}

bool rcp__sent_is_junk(const char *s, size_t n) {
  static const char *const prefixes[] = {
    "lire aussi", "à lire aussi", "a lire aussi", "à lire", "lire la suite", "voir aussi",
    "regarder aussi", "à voir aussi", "read more", "read also", "related:", "see also",
    "photo", "(photo", "crédit", "credit", "©", "(c)", "vidéo -", "video -", "illustration",
    "abonnez", "inscrivez", "newsletter", "sign up", "subscribe", "publié le", "mis à jour",
    "published", "updated", "source :", "source:", "sources :", "avec afp", "(afp)",
    "partager", "share this", "cet article", "this article", "follow us", "suivez-nous",
    "commentaires", "comments", "cookies", "nous utilisons", "we use cookies", "copyright",
    "tous droits", "all rights", "retrouvez", "cliquez", "click here", "advertisement",
    "publicité", "pour aller plus loin", "à découvrir", "découvrez", "en savoir plus",
    "par la rédaction", "by the editors", "legende", "légende", "caption", NULL
  };
  static const char *const inside[] = {
    "window.", "function(", "function (", "document.", "var ", "();", "{", "}", "http://",
    "https://", "www.", "@", "javascript", NULL
  };
  if (n == 0) return true;
  char low[96];
  lower_prefix(s, n, low, sizeof low);
  for (size_t i = 0; prefixes[i]; i++)
    if (has_prefix(low, prefixes[i])) return true;
  for (size_t i = 0; inside[i]; i++)
    if (contains(s, n, inside[i])) return true;
  /* bylines: "Par Jean Dupont" / "By Jane Doe", short, no verb-like end */
  if ((has_prefix(low, "par ") || has_prefix(low, "by ")) && n < 60) return true;
  /* mostly capitals (section strips, shouted captions) */
  size_t up = 0, letters = 0;
  for (size_t i = 0; i < n;) {
    int32_t c;
    i += cp_at(s + i, n - i, &c);
    if (is_upper_cp(c)) { up++; letters++; }
    else if (is_lower_cp(c)) letters++;
  }
  if (letters >= 8 && up * 10 > letters * 6) return true;
  return false;
}

bool rcp__sent_is_dependent(const char *s, size_t n) {
  static const char *const prefixes[] = {
    /* French: pronouns and anaphoric openers, connectives */
    "il ", "elle ", "ils ", "elles ", "il a ", "celui-ci", "celle-ci", "ceux-ci", "ce dernier",
    "cette dernière", "ces derniers", "ces dernières", "lui ", "mais ", "pourtant", "cependant",
    "toutefois", "néanmoins", "en outre", "par ailleurs", "de plus", "d'autre part",
    "d’autre part", "de son côté", "de leur côté", "pour sa part", "pour leur part",
    "selon lui", "selon elle", "selon eux", "d'après lui", "d’après lui", "et ", "or ",
    "ainsi,", "aussi,", "en revanche", "au contraire", "là ", "ici ", "cela ", "ça ", "ceci ",
    /* English */
    "he ", "she ", "they ", "it ", "this ", "these ", "those ", "but ", "however", "also ",
    "meanwhile", "moreover", "furthermore", "in addition", "still,", "yet ", "and ",
    "his ", "her ", "their ", "that ", NULL
  };
  /* the impersonal French "il" names nothing: "Il y a", "Il faut",
  ** "Il est tombé 80 mm", "Il est prévu de" stand alone */
  static const char *const impersonal[] = {
    "il y a ", "il y avait ", "il y aura ", "il y a eu ", "il faut ", "il fallait ", "il faudra ",
    "il s'agit ", "il s’agit ", "il existe ", "il reste ", "il restait ", "il manque ",
    "il pleut", "il neige", "il est tombé ", "il était tombé ", "il tombait ",
    "il est prévu ", "il est possible ", "il est probable ", "il est impossible ",
    "il est nécessaire ", "il est interdit ", "il est question ", "il n'y a ", "il n’y a ", NULL
  };
  char low[64];
  lower_prefix(s, n, low, sizeof low);
  for (size_t i = 0; impersonal[i]; i++)
    if (has_prefix(low, impersonal[i])) return false;
  for (size_t i = 0; prefixes[i]; i++)
    if (has_prefix(low, prefixes[i])) return true;
  /* a subject pronoun after an opening phrase refers back too: "Longue
  ** de 8,9 km, elle compte 17 stations", "On Monday, he said" */
  static const char *const subj[] = { " il ", " elle ", " ils ", " elles ", " he ", " she ",
                                      " they ", " it ", NULL };
  for (const char *comma = low; (comma = strchr(comma, ',')) != NULL && comma - low < 48; comma++)
    for (size_t i = 0; subj[i]; i++)
      if (has_prefix(comma + 1, subj[i])) {
        bool imp = false;
        for (size_t k = 0; impersonal[k] && !imp; k++) imp = has_prefix(comma + 2, impersonal[k]);
        if (!imp) return true;
      }
  /* "Cette décision..." refers back; "Ce mardi" does not */
  if (has_prefix(low, "cette ") || has_prefix(low, "ces ") || has_prefix(low, "cet ")) return true;
  /* a reported-speech tail that names nobody: "a-t-il ajouté", "a-t-elle
  ** insisté", "estime-t-il", "dit-elle" (an inverted subject pronoun) */
  static const char *const tails[] = { "-t-il ", "-t-il,", "-t-il.", "-t-elle ", "-t-elle,",
    "-t-elle.", "-t-ils ", "-t-elles ", "dit-il", "dit-elle", "he added", "she added", NULL };
  for (size_t i = 0; tails[i]; i++)
    if (contains(s, n, tails[i])) return true;
  return false;
}

/* ================================================================== */
/* Sentence preparation                                               */
/* ================================================================== */

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static void set_flags(rcp__sent *s, const char *text) {
  const char *p = text + s->off;
  s->flags = 0;
  int32_t c;
  cp_at(p, s->len, &c);
  if (c == '"' || c == 0xAB || c == 0x201C || c == '-' || c == 0x2013 || c == 0x2014)
    s->flags |= RCP__SENT_QUOTE0;
  for (uint32_t i = 0; i < s->len; i++)
    if (p[i] >= '0' && p[i] <= '9') { s->flags |= RCP__SENT_DIGIT; break; }
  if (rcp__sent_is_junk(p, s->len)) s->flags |= RCP__SENT_JUNK;
  if (rcp__sent_is_dependent(p, s->len)) s->flags |= RCP__SENT_DEP;
  /* a quote cut in two ("J'ai tout vu, mais rien de tel", a dit...) is
  ** not shown alone: straight quotes in odd number, or « and » unpaired;
  ** a subheading glued between two paragraphs ("saturés.- \"Catastrophe\"
  ** -La mission...") is not a sentence as the source wrote it */
  int dq = 0, lq = 0, rq = 0;
  for (uint32_t i = 0; i < s->len; i++) {
    unsigned char ch = (unsigned char)p[i];
    if (ch == '"') dq++;
    else if (ch == 0xC2 && i + 1 < s->len && (unsigned char)p[i + 1] == 0xAB) lq++;
    else if (ch == 0xC2 && i + 1 < s->len && (unsigned char)p[i + 1] == 0xBB) rq++;
    else if ((ch == '.' || ch == '!' || ch == '?') && i + 2 < s->len && p[i + 1] == '-' &&
             (p[i + 2] == ' ' || p[i + 2] == '"' || (p[i + 2] >= 'A' && p[i + 2] <= 'Z')))
      s->flags |= RCP__SENT_JUNK;
  }
  if ((dq & 1) || lq != rq) s->flags |= RCP__SENT_DEP;
  if (s->len && (p[s->len - 1] == '?' || (s->len > 1 && p[s->len - 2] == '?')))
    s->flags |= RCP__SENT_QUESTION;
  /* final punctuation, possibly followed by closing quotes or brackets */
  size_t e = s->len;
  while (e > 0) {
    unsigned char ch = (unsigned char)p[e - 1];
    if (ch == '"' || ch == ')' || ch == ']' || ch == ' ') { e--; continue; }
    if (e >= 2 && (unsigned char)p[e - 2] == 0xC2 && (ch == 0xBB || ch == 0xA0)) { e -= 2; continue; } /* » nbsp */
    if (e >= 3 && (unsigned char)p[e - 3] == 0xE2 && (unsigned char)p[e - 2] == 0x80 &&
        (ch == 0x9D || ch == 0x99 || ch == 0xAF)) { e -= 3; continue; }                            /* ” ’ nnbsp */
    break;
  }
  bool final = e > 0 && (p[e - 1] == '.' || p[e - 1] == '!' || p[e - 1] == '?' || p[e - 1] == ':' ||
                         p[e - 1] == ';' ||
                         (e >= 3 && (unsigned char)p[e - 3] == 0xE2 && (unsigned char)p[e - 2] == 0x80 &&
                          (unsigned char)p[e - 1] == 0xA6));                                   /* … */
  if (!final) s->flags |= RCP__SENT_NOSTOP;
}

/* Words of one span: counts words, collects content-word hashes. */
static int words_of(rcp_arena *a, const char *t, rcp__sent *s, const char *stop) {
  uint64_t buf[256];
  size_t nb = 0, nw = 0;
  char w[128];
  const char *p = t + s->off;
  size_t n = s->len, i = 0;
  uint64_t *all = NULL;
  size_t nall = 0;
  while (i < n) {
    int32_t c;
    size_t k = cp_at(p + i, n - i, &c);
    if (!is_word_cp(c)) { i += k; continue; }
    size_t wl = 0;
    bool digits = true;
    while (i < n) {
      k = cp_at(p + i, n - i, &c);
      if (!is_word_cp(c)) break;
      if (!(c >= '0' && c <= '9')) digits = false;
      int32_t lc = utf8proc_tolower(c);
      if (wl + 4 < sizeof w) wl += (size_t)utf8proc_encode_char(lc, (utf8proc_uint8_t *)w + wl);
      i += k;
    }
    nw++;
    if (digits || wl < 2) continue;
    if (in_list(stop_fr, w, wl) || (stop != stop_fr && in_list(stop, w, wl))) continue;
    buf[nb++] = rcp__hash64(w, wl, 0);
    if (nb == sizeof buf / sizeof buf[0]) {
      uint64_t *na = rcp__arena_alloc(a, (nall + nb) * sizeof *na);
      if (!na) return rcp__arena_error(a);
      if (nall) memcpy(na, all, nall * sizeof *na);
      memcpy(na + nall, buf, nb * sizeof *na);
      all = na; nall += nb; nb = 0;
    }
  }
  uint64_t *cw = rcp__arena_alloc(a, (nall + nb + 1) * sizeof *cw);
  if (!cw) return rcp__arena_error(a);
  if (nall) memcpy(cw, all, nall * sizeof *cw);
  if (nb) memcpy(cw + nall, buf, nb * sizeof *cw);
  s->ncw = (uint32_t)(nall + nb);
  qsort(cw, s->ncw, sizeof *cw, cmp_u64);
  s->cw = cw;
  s->nwords = (uint32_t)nw;
  return RCP_OK;
}

int rcp__sents_of_text(rcp_arena *a, const char *text, size_t len, const char *lang,
                       rcp__sent **out, size_t *nout) {
  *out = NULL;
  *nout = 0;
  span *sp = NULL;
  size_t n = 0;
  RCP_TRY(split_sentences(a, text, len, &sp, &n));
  rcp__sent *v = rcp__arena_calloc(a, n ? n : 1, sizeof *v);
  if (!v) return rcp__arena_error(a);
  /* French and English stopwords both apply to French text (quotes, names) */
  const char *stop = (lang && strncmp(lang, "en", 2) == 0) ? stop_en : stop_fr;
  for (size_t i = 0; i < n; i++) {
    v[i].off = sp[i].off;
    v[i].len = sp[i].len;
    RCP_TRY(words_of(a, text, &v[i], stop));
    set_flags(&v[i], text);
  }
  *out = v;
  *nout = n;
  return RCP_OK;
}

int rcp__sents_of_doc(const rcp_doc *d, rcp_arena *a, rcp__sent **out, size_t *nout) {
  *out = NULL;
  *nout = 0;
  if (!d->text) return RCP_OK;
  if (d->nsents == 0 || !d->toks)
    return rcp__sents_of_text(a, d->text, d->text_len, d->lang ? d->lang : d->language, out, nout);
  rcp__sent *v = rcp__arena_calloc(a, d->nsents, sizeof *v);
  if (!v) return rcp__arena_error(a);
  for (size_t i = 0; i < d->nsents; i++) {
    const rcp_sentence *s = &d->sents[i];
    v[i].off = s->off;
    v[i].len = s->len;
    uint64_t *cw = rcp__arena_alloc(a, (s->ntok + 1) * sizeof *cw);
    if (!cw) return rcp__arena_error(a);
    uint32_t nc = 0, nw = 0;
    for (uint32_t k = s->tok0; k < s->tok0 + s->ntok && k < d->ntoks; k++) {
      const rcp_token *t = &d->toks[k];
      if (t->flags & RCP_TOK_PUNCT) continue;
      nw++;
      if (t->flags & (RCP_TOK_STOP | RCP_TOK_NUM)) continue;
      if (t->len < 2) continue;
      cw[nc++] = t->shash ? t->shash : t->hash;  /* stems: paraphrases meet */
    }
    qsort(cw, nc, sizeof *cw, cmp_u64);
    v[i].cw = cw;
    v[i].ncw = nc;
    v[i].nwords = nw;
    set_flags(&v[i], d->text);
  }
  *out = v;
  *nout = d->nsents;
  return RCP_OK;
}

/* ================================================================== */
/* Scoring and selection                                              */
/* ================================================================== */

/* Weights of the linear score (see the file-top comment for the fit). */
static const double W_POS = 1.2, W_FIRST = -0.6, W_LOGLEN = 0.1, W_LENDEV = -0.45,
                    W_CENTRAL = 1.4, W_QUOTE0 = -0.25, W_DIGIT = 0.25, W_RELPOS = -0.55;
#define MIN_WORDS 4

/* Open-addressing counts of 64-bit keys. */
typedef struct wcount { uint64_t key; double n; } wcount;
typedef struct wtable { wcount *v; size_t mask; } wtable;

static int wt_init(rcp_arena *a, wtable *t, size_t want) {
  size_t cap = 16;
  while (cap < want * 2) cap <<= 1;
  t->v = rcp__arena_calloc(a, cap, sizeof *t->v);
  if (!t->v) return rcp__arena_error(a);
  t->mask = cap - 1;
  return RCP_OK;
}

static wcount *wt_slot(const wtable *t, uint64_t key) {
  uint64_t k = key ? key : 1;
  size_t i = (size_t)(k ^ (k >> 29)) & t->mask;
  while (t->v[i].key && t->v[i].key != k) i = (i + 1) & t->mask;
  t->v[i].key = k;
  return &t->v[i];
}

/* Sum of c*(tot-c) over the runs of a sorted hash list, and its norm. */
static void run_dot(const wtable *tot, const uint64_t *cw, uint32_t n, double *dot, double *norm2) {
  *dot = 0; *norm2 = 0;
  for (uint32_t i = 0; i < n;) {
    uint32_t j = i;
    while (j < n && cw[j] == cw[i]) j++;
    double c = j - i;
    double t = wt_slot(tot, cw[i])->n;
    *dot += c * (t - c);
    *norm2 += c * c;
    i = j;
  }
}

int rcp__summ_scores(rcp_arena *a, const rcp__sent *s, size_t n, double *score) {
  if (n == 0) return RCP_OK;
  /* kept: enough words and not boilerplate; if none, everything is kept */
  size_t nkept = 0, total = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i].nwords >= MIN_WORDS && !(s[i].flags & RCP__SENT_JUNK)) nkept++;
    total += s[i].ncw;
  }
  bool all = nkept == 0;
  wtable tot = { NULL, 0 };
  RCP_TRY(wt_init(a, &tot, total + 1));
  for (size_t i = 0; i < n; i++) {
    if (!all && (s[i].nwords < MIN_WORDS || (s[i].flags & RCP__SENT_JUNK))) continue;
    for (uint32_t k = 0; k < s[i].ncw; k++) wt_slot(&tot, s[i].cw[k])->n += 1;
  }
  double tnorm = 0;
  for (size_t i = 0; i <= tot.mask; i++) tnorm += tot.v[i].n * tot.v[i].n;
  tnorm = sqrt(tnorm) + 1e-9;
  size_t rank = 0, nk = all ? n : nkept;
  for (size_t i = 0; i < n; i++) {
    if (!all && (s[i].nwords < MIN_WORDS || (s[i].flags & RCP__SENT_JUNK))) {
      score[i] = -1e9;
      continue;
    }
    double dot, n2;
    run_dot(&tot, s[i].cw, s[i].ncw, &dot, &n2);
    double cosv = s[i].ncw ? dot / (tnorm * (sqrt(n2) + 1e-9)) : 0;
    double L = s[i].nwords;
    score[i] = W_POS / (1.0 + (double)rank) + (rank == 0 ? W_FIRST : 0) + W_LOGLEN * log(L + 1) +
               W_LENDEV * fabs(log((L + 1) / 20.0)) + W_CENTRAL * cosv +
               ((s[i].flags & RCP__SENT_QUOTE0) ? W_QUOTE0 : 0) +
               ((s[i].flags & RCP__SENT_DIGIT) ? W_DIGIT : 0) + W_RELPOS * (double)rank / (double)nk;
    rank++;
  }
  return RCP_OK;
}

size_t rcp__summ_pick(const rcp__sent *s, size_t n, const double *score, int k, size_t *idx) {
  if (k <= 0 || n == 0) return 0;
  size_t got = 0;
  /* selection by score (ties: earlier first), O(n*k) */
  unsigned char *taken = rcp__calloc(n, 1);
  if (!taken) return 0;
  while (got < (size_t)k) {
    size_t best = n;
    for (size_t i = 0; i < n; i++) {
      if (taken[i] || score[i] <= -1e8) continue;
      if (best == n || score[i] > score[best]) best = i;
    }
    if (best == n) break;
    taken[best] = 1;
    /* a dependent sentence comes with the one before it, if room is left */
    if ((s[best].flags & RCP__SENT_DEP) && best > 0 && !taken[best - 1]) {
      if (got + 2 <= (size_t)k && score[best - 1] > -1e8) {
        taken[best - 1] = 1;
        got++;
      } else {
        taken[best] = 2; /* skipped */
        continue;
      }
    }
    got++;
  }
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (taken[i] == 1) idx[m++] = i;
  rcp__free(taken);
  return m;
}


/* ================================================================== */
/* Language guess (fr / en) from stopword shares: a cheap second       */
/* opinion when the analysis says "un" or has not run.                 */
/* ================================================================== */

const char *rcp__guess_lang(const char *t, size_t n) {
  size_t fr = 0, en = 0, words = 0;
  char w[40];
  for (size_t i = 0; i < n && words < 2000;) {
    int32_t c;
    size_t k = cp_at(t + i, n - i, &c);
    if (!is_word_cp(c)) { i += k; continue; }
    size_t wl = 0;
    while (i < n) {
      k = cp_at(t + i, n - i, &c);
      if (!is_word_cp(c)) break;
      if (wl + 4 < sizeof w) wl += (size_t)utf8proc_encode_char(utf8proc_tolower(c), (utf8proc_uint8_t *)w + wl);
      i += k;
    }
    words++;
    if (wl < 2) continue;   /* "a", "l", "d": ambiguous */
    if (in_list(stop_fr, w, wl)) fr++;
    if (in_list(stop_en, w, wl)) en++;
  }
  if (fr + en < 3) return "un";
  return fr >= en ? "fr" : "en";
}

/* ================================================================== */
/* Public: rcp_summarize                                              */
/* ================================================================== */

int rcp_summarize(rcp_ctx *ctx, const char *text, size_t len, const char *lang, int nsent,
                  char **out) {
  *out = NULL;
  if (!text && len) return rcp__err(ctx, RCP_EINVAL, "summarize: NULL text");
  if (nsent <= 0 || nsent > 1000) return rcp__err(ctx, RCP_EINVAL, "summarize: sentences must be 1..1000");
  if (ctx && ctx->opts.page_cap && len > ctx->opts.page_cap)
    return rcp__err(ctx, RCP_ETOOBIG, "summarize: text over %zu bytes", ctx->opts.page_cap);
  rcp_page page;
  memset(&page, 0, sizeof page);
  page.id = "summarize";
  page.source = "-";
  page.body = text ? text : "";
  page.body_len = len;
  page.language = lang;
  rcp_doc *d = NULL;
  int rc = rcp__doc_new(ctx, &page, &d);
  if (rc != RCP_OK) return rcp__err(ctx, rc, "summarize: %s", rcp_strerror(rc));
  /* The text is already article text: one block per paragraph. */
  char *t = rcp__arena_alloc(d->arena, len * 3 + 1);
  if (!t) { rc = rcp__arena_error(d->arena); goto out; }
  d->text_len = rcp__utf8_sanitize(text ? text : "", len, t);
  d->text = t;
  d->language = d->in_language;
  size_t nb = 1;
  for (size_t i = 0; i + 1 < d->text_len; i++)
    if (t[i] == '\n' && t[i + 1] == '\n') nb++;
  d->blocks = rcp__arena_calloc(d->arena, nb, sizeof *d->blocks);
  if (!d->blocks) { rc = rcp__arena_error(d->arena); goto out; }
  for (size_t i = 0, start = 0; i <= d->text_len; i++) {
    if (i == d->text_len || (t[i] == '\n' && i + 1 < d->text_len && t[i + 1] == '\n')) {
      if (i > start) {
        rcp_block *b = &d->blocks[d->nblocks++];
        b->kind = RCP_BLOCK_PARAGRAPH;
        b->text = rcp__arena_strndup(d->arena, t + start, i - start);
        if (!b->text) { rc = rcp__arena_error(d->arena); goto out; }
        b->len = i - start;
        b->off = start;
      }
      start = i + 2;
      i++;
    }
  }
  rc = rcp__analyze(ctx, d);
  if (rc != RCP_OK) goto out;
  if (lang && (!d->lang || strcmp(d->lang, "un") == 0)) d->lang = lang;
  rcp__sent *s = NULL;
  size_t n = 0;
  rc = rcp__sents_of_doc(d, d->arena, &s, &n);
  if (rc != RCP_OK) goto out;
  double *score = rcp__arena_calloc(d->arena, n ? n : 1, sizeof *score);
  size_t *idx = rcp__arena_calloc(d->arena, (size_t)nsent, sizeof *idx);
  if (!score || !idx) { rc = rcp__arena_error(d->arena); goto out; }
  rc = rcp__summ_scores(d->arena, s, n, score);
  if (rc != RCP_OK) goto out;
  size_t m = rcp__summ_pick(s, n, score, nsent, idx);
  rcp_buf b;
  rcp__buf_init(&b, d->text_len + 16);
  for (size_t i = 0; i < m; i++) {
    if (i) rcp__buf_addc(&b, ' ');
    rcp__buf_add(&b, d->text + s[idx[i]].off, s[idx[i]].len);
  }
  char *res = rcp__buf_take(&b);
  if (!res) { rc = b.err ? b.err : RCP_ENOMEM; rcp__buf_free(&b); goto out; }
  /* the caller frees with free(): copy out of the hook's memory if needed */
  *out = res;
out:
  if (rc != RCP_OK && ctx && rc == RCP_ENOMEM) rcp__err(ctx, rc, "summarize: out of memory");
  rcp_doc_free(d);
  return rc;
}
