/* test_fingerprint.c -- stage 4: pinned bits, determinism, invariance to
** case/accents/spacing, and the MinHash property test (1,000 random pairs
** against the exact Jaccard of the shingle sets). */
#include "test.h"

#include <math.h>   /* fabs, sqrt */
#include <stdlib.h> /* malloc, free, qsort */

static rcp_doc *fpdoc(const rcp_ctx *ctx, const char *s) {
  rcp_page p;
  memset(&p, 0, sizeof p);
  p.body = s;
  p.body_len = strlen(s);
  rcp_doc *d = NULL;
  if (rcp__doc_new(ctx, &p, &d) != RCP_OK) return NULL;
  d->text = d->raw;
  d->text_len = d->raw_len;
  if (rcp__analyze(ctx, d) != RCP_OK || rcp__fingerprint(ctx, d) != RCP_OK) { rcp_doc_free(d); return NULL; }
  return d;
}

static const char *T1 =
  "Plus de 12 000 foyers \xc3\xa9taient priv\xc3\xa9s d'\xc3\xa9lectricit\xc3\xa9 mardi soir dans le Gard. "
  "Le pr\xc3\xa9" "fet a d\xc3\xa9" "clench\xc3\xa9 le plan ORSEC dans la nuit de lundi \xc3\xa0 mardi.";

TEST_SUITE(fingerprint_pinned) {
  TEST("same bits for the same text and seed (pinned)") {
    rcp_doc *d = fpdoc(NULL, T1);
    CHECK(d && d->fp.valid);
    if (!d) return;
    if (getenv("PRINT_PINS"))
      fprintf(stderr, "exact %016llx %016llx mh %08x %08x %08x sim %016llx nsh %u\n",
              (unsigned long long)d->fp.exact[0], (unsigned long long)d->fp.exact[1],
              d->fp.minhash[0], d->fp.minhash[1], d->fp.minhash[127],
              (unsigned long long)d->fp.simhash, d->fp.nshingles);
    CHECK_INT(d->fp.nshingles, 24);
    CHECK(d->fp.exact[0] == UINT64_C(0x7c6a6e3fdf008f8c));
    CHECK(d->fp.exact[1] == UINT64_C(0xf8c49da92e5bcff1));
    CHECK(d->fp.minhash[0] == 0x044430a5u);
    CHECK(d->fp.minhash[1] == 0x0c5915d0u);
    CHECK(d->fp.minhash[127] == 0x6d18979du);
    CHECK(d->fp.simhash == UINT64_C(0xec6cd82617e1b9f8));
    rcp_doc_free(d);
  }
  TEST("case, accents, spacing and punctuation do not change the exact hash") {
    rcp_doc *a = fpdoc(NULL, "L'\xc3\x89t\xc3\xa9 sera chaud, dit-il.");
    rcp_doc *b = fpdoc(NULL, "l\xe2\x80\x99" "ete   SERA chaud dit il");
    rcp_doc *c = fpdoc(NULL, "L'\xc3\xa9t\xc3\xa9 sera froid, dit-il.");
    CHECK(a && b && c);
    CHECK(a->fp.exact[0] == b->fp.exact[0] && a->fp.exact[1] == b->fp.exact[1]);
    CHECK(rcp__minhash_jaccard(&a->fp, &b->fp) == 1.0);
    CHECK(a->fp.simhash == b->fp.simhash);
    CHECK(a->fp.exact[0] != c->fp.exact[0]);
    rcp_doc_free(a); rcp_doc_free(b); rcp_doc_free(c);
  }
  TEST("another seed gives other bits") {
    rcp_opts o;
    rcp_opts_default(&o);
    o.seed = 42;
    rcp_ctx *ctx = NULL;
    CHECK_INT(rcp_ctx_open(&ctx, &o, NULL), RCP_OK);
    rcp_doc *a = fpdoc(NULL, T1), *b = fpdoc(ctx, T1);
    CHECK(a && b);
    CHECK(memcmp(a->fp.minhash, b->fp.minhash, sizeof a->fp.minhash) != 0);
    CHECK(a->fp.exact[0] == b->fp.exact[0]);   /* exact hash is seed-free */
    uint64_t ka[RCP_LSH_BANDS], kb[RCP_LSH_BANDS];
    rcp__lsh_keys(&a->fp, ka);
    rcp__lsh_keys(&a->fp, kb);
    CHECK(memcmp(ka, kb, sizeof ka) == 0);
    rcp_doc_free(a); rcp_doc_free(b);
    rcp_ctx_free(ctx);
  }
  TEST("empty and tiny texts") {
    rcp_doc *a = fpdoc(NULL, ""), *b = fpdoc(NULL, "Bonjour"), *c = fpdoc(NULL, "Bonjour");
    CHECK(a && b && c);
    CHECK_INT(a->fp.nshingles, 0);
    CHECK_INT(b->fp.nshingles, 1);
    CHECK(rcp__minhash_jaccard(&b->fp, &c->fp) == 1.0);
    CHECK(rcp__minhash_jaccard(&a->fp, &b->fp) == 0.0);
    rcp_doc_free(a); rcp_doc_free(b); rcp_doc_free(c);
  }
}

/* ---- property test ------------------------------------------------- */

static uint64_t rng_state;
static uint64_t rnd(void) {   /* splitmix64 */
  uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
  z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static int cmpu(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* Exact Jaccard of the word-3-gram sets of two token-hash sequences. */
static double exact_jaccard(const rcp_doc *a, const rcp_doc *b) {
  size_t na = a->ntoks - 2, nb = b->ntoks - 2;
  uint64_t *x = malloc(na * 8), *y = malloc(nb * 8);
  for (size_t i = 0; i < na; i++) x[i] = a->toks[i].hash * 3 ^ a->toks[i + 1].hash * 5 ^ a->toks[i + 2].hash * 7;
  for (size_t i = 0; i < nb; i++) y[i] = b->toks[i].hash * 3 ^ b->toks[i + 1].hash * 5 ^ b->toks[i + 2].hash * 7;
  qsort(x, na, 8, cmpu); qsort(y, nb, 8, cmpu);
  size_t ux = 0, uy = 0;
  for (size_t i = 0; i < na; i++) if (!i || x[i] != x[i - 1]) x[ux++] = x[i];
  for (size_t i = 0; i < nb; i++) if (!i || y[i] != y[i - 1]) y[uy++] = y[i];
  size_t i = 0, j = 0, inter = 0;
  while (i < ux && j < uy) { if (x[i] == y[j]) { inter++; i++; j++; } else if (x[i] < y[j]) i++; else j++; }
  free(x); free(y);
  return (double)inter / (double)(ux + uy - inter);
}

TEST_SUITE(fingerprint_minhash_property) {
  TEST("1,000 random pairs: estimate vs exact Jaccard") {
    static const char *syl[] = { "ba", "co", "di", "fe", "gu", "la", "mi", "no", "pa", "ri",
                                 "sa", "tu", "ve", "zo", "que", "tion", "ment", "ar", "el", "on" };
    rng_state = 12345;
    int within = 0, n = 1000, worst_ok = 1;
    double sum_err = 0;
    char *ta = malloc(1 << 16), *tb = malloc(1 << 16);
    for (int p = 0; p < n; p++) {
      /* a random text of 150..600 words; b: a copy with a share of words replaced */
      int nw = 150 + (int)(rnd() % 450);
      double edit = (double)(rnd() % 1000) / 1000.0 * 0.5;
      size_t ka = 0, kb = 0;
      for (int w = 0; w < nw; w++) {
        char word[16];
        int ns = 2 + (int)(rnd() % 3);
        size_t wl = 0;
        for (int s = 0; s < ns; s++) { const char *y = syl[rnd() % 20]; size_t l = strlen(y); memcpy(word + wl, y, l); wl += l; }
        memcpy(ta + ka, word, wl); ka += wl; ta[ka++] = ' ';
        if ((double)(rnd() % 10000) / 10000.0 < edit) { memcpy(tb + kb, "xq", 2); kb += 2; kb += (size_t)sprintf(tb + kb, "%u", (unsigned)(rnd() % 100000)); }
        else { memcpy(tb + kb, word, wl); kb += wl; }
        tb[kb++] = ' ';
      }
      ta[ka] = 0; tb[kb] = 0;
      rcp_doc *a = fpdoc(NULL, ta), *b = fpdoc(NULL, tb);
      if (!a || !b) { CHECK(0); rcp_doc_free(a); rcp_doc_free(b); break; }
      double j = exact_jaccard(a, b), est = rcp__minhash_jaccard(&a->fp, &b->fp);
      double err = fabs(j - est), sigma = sqrt(j * (1 - j) / RCP_MINHASH_K);
      sum_err += err;
      within += err <= 0.05;
      if (err > 4 * sigma + 0.03) { worst_ok = 0; fprintf(stderr, "pair %d: J %.3f est %.3f\n", p, j, est); }
      rcp_doc_free(a); rcp_doc_free(b);
    }
    free(ta); free(tb);
    if (getenv("PRINT_PINS"))
      fprintf(stderr, "minhash property: %d/%d within 0.05, mean abs error %.4f\n", within, n, sum_err / n);
    CHECK(worst_ok);                    /* no pair beyond 4 standard errors */
    CHECK(sum_err / n <= 0.03);         /* mean absolute error */
    CHECK(within >= 850);               /* share within +-0.05 (K=128: sigma <= 0.044) */
  }
}
