/* fingerprint.c -- stage 4: exact hash, MinHash, SimHash and LSH keys of an
** analysed document.
**
** Exact: XXH3-128 of the token norms (each as its 64-bit hash, little-endian)
** in order: two texts that differ only in case, accents, spacing,
** punctuation or elided articles get the same exact hash.
** Shingles: word 3-grams of the token norms (all words, stopwords included;
** a text of 1 or 2 words is one shingle), each a 64-bit hash mixed with
** ctx->opts.seed.  nshingles counts distinct shingles.
** MinHash: one-permutation hashing (Li, Owen, Zhang 2012): the top 7 bits of
** a shingle hash choose one of K = 128 bins, the low 32 bits are its value,
** each bin keeps its minimum; empty bins are filled by "optimal
** densification" (Shrivastava 2017): bin i borrows from the first non-empty
** bin of a seeded probe sequence.  The estimate is the share of equal bins;
** for texts of >= 128 shingles its standard error is about
** sqrt(J(1-J)/128) <= 0.044 (measured in tests/test_fingerprint.c and
** docs/relate.md); shorter texts have fewer independent bins.
** SimHash (Charikar 2002): 64 bits over the stems of non-stopwords.
** LSH: RCP_LSH_BANDS bands of RCP_MINHASH_K / RCP_LSH_BANDS rows.
** Invariants: the same text and seed give the same bits on every machine
** (xxHash, fixed-width integers, explicit little-endian byte order); the
** stage only reads d->toks and writes d->fp.  It does not compare documents.
*/
#include "recoupe_int.h"

#include <pthread.h> /* pthread_once */
#include <string.h> /* memset, memcpy */

static inline uint64_t fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= UINT64_C(0xff51afd7ed558ccd);
  k ^= k >> 33;
  k *= UINT64_C(0xc4ceb9fe1a85ec53);
  k ^= k >> 33;
  return k;
}

static inline uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

/* Hash of the shingle (a, b, c) of token hashes, under seed. */
static inline uint64_t shingle3(uint64_t a, uint64_t b, uint64_t c, uint64_t seed) {
  return fmix64(rotl64(a, 42) ^ rotl64(b, 21) ^ c ^ seed);
}

/* Number of distinct values of v[0..n), with tab (cap a power of two
** >= 2n, zeroed) as an open-addressing set.  Value 0 is counted apart. */
static size_t distinct_u64(const uint64_t *v, size_t n, uint64_t *tab, size_t cap) {
  size_t d = 0;
  int zero = 0;
  for (size_t i = 0; i < n; i++) {
    uint64_t x = v[i];
    if (!x) { zero = 1; continue; }
    size_t s = (size_t)(x ^ (x >> 29)) & (cap - 1);
    while (tab[s] && tab[s] != x) s = (s + 1) & (cap - 1);
    if (!tab[s]) { tab[s] = x; d++; }
  }
  return d + (size_t)zero;
}

static uint64_t g_spread[256];   /* byte v -> bit k of v in byte k */
static pthread_once_t g_spread_once = PTHREAD_ONCE_INIT;
static void spread_init(void) {
  for (int v = 0; v < 256; v++) {
    uint64_t e = 0;
    for (int b = 0; b < 8; b++) if (v >> b & 1) e |= UINT64_C(1) << (8 * b);
    g_spread[v] = e;
  }
}

/* MinHash (OPH + densification) of the shingle hashes. */
static void minhash_of(const uint64_t *sh, size_t n, uint64_t seed, uint32_t out[RCP_MINHASH_K]) {
  uint32_t mins[RCP_MINHASH_K];
  uint8_t full[RCP_MINHASH_K];
  memset(full, 0, sizeof full);
  for (int i = 0; i < RCP_MINHASH_K; i++) mins[i] = UINT32_MAX;
  for (size_t i = 0; i < n; i++) {
    uint64_t x = sh[i];
    unsigned bin = (unsigned)(x >> 57);   /* 128 bins */
    uint32_t v = (uint32_t)x;
    uint32_t m = mins[bin];               /* UINT32_MAX until the bin is hit */
    mins[bin] = v < m ? v : m;            /* branchless: shingle bins are random */
    full[bin] = 1;
  }
  for (int i = 0; i < RCP_MINHASH_K; i++) {
    if (full[i] || n == 0) { out[i] = mins[i]; continue; }
    /* optimal densification: probe bins with a seeded sequence */
    uint32_t v = UINT32_MAX;
    for (uint64_t att = 1; att < 100000; att++) {
      unsigned j = (unsigned)(fmix64(seed ^ ((uint64_t)i << 32) ^ att) & (RCP_MINHASH_K - 1));
      if (full[j]) { v = mins[j]; break; }
    }
    out[i] = v;
  }
}

int rcp__fingerprint(const rcp_ctx *ctx, rcp_doc *d) {
  uint64_t seed = ctx && ctx->opts.seed ? ctx->opts.seed : RCP_DEFAULT_SEED;
  rcp_fingerprint *fp = &d->fp;
  memset(fp, 0, sizeof *fp);
  size_t n = d->ntoks;
  /* one scratch block: token hashes (LE bytes), shingles, a hash set */
  size_t ns = n >= 3 ? n - 2 : (n ? 1 : 0);
  size_t tcap = 16;
  while (tcap < 2 * ns) tcap *= 2;
  size_t words = n + ns + tcap + 1;
  /* most pages fit on the stack (32 KB); only the set needs zeroing */
  uint64_t local[4096];
  uint64_t *buf = words <= sizeof local / sizeof *local ? local : rcp__malloc(words * sizeof *buf);
  if (!buf) return RCP_ENOMEM;
  uint64_t *th = buf, *sh = buf + n, *tab = sh + ns;
  memset(tab, 0, tcap * sizeof *tab);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  for (size_t i = 0; i < n; i++) th[i] = d->toks[i].hash;
#else
  unsigned char *le = (unsigned char *)th;
  for (size_t i = 0; i < n; i++) {
    uint64_t h = d->toks[i].hash;
    for (int b = 0; b < 8; b++) le[8 * i + (size_t)b] = (unsigned char)(h >> (8 * b));
  }
#endif
  rcp__hash128(th, n * 8, fp->exact);
  /* shingles */
  if (n >= 3) {
    for (size_t i = 0; i + 2 < n; i++)
      sh[i] = shingle3(d->toks[i].hash, d->toks[i + 1].hash, d->toks[i + 2].hash, seed);
  } else if (n > 0) {
    sh[0] = shingle3(d->toks[0].hash, n > 1 ? d->toks[1].hash : 0, 0, seed);
  }
  size_t nd = distinct_u64(sh, ns, tab, tcap);
  fp->nshingles = (uint32_t)(nd > UINT32_MAX ? UINT32_MAX : nd);
  minhash_of(sh, ns, seed, fp->minhash);   /* duplicates do not change a minimum */
  /* SimHash over the stems of content words.  Bit counts are kept 8 to a
  ** uint64 (one byte each, SWAR) and flushed every 255 features. */
  pthread_once(&g_spread_once, spread_init);
  const uint64_t *spread = g_spread;
  uint32_t ones[64];
  memset(ones, 0, sizeof ones);
  uint64_t lane[8];
  memset(lane, 0, sizeof lane);
  size_t nf = 0, pend = 0;
  for (size_t i = 0; i <= n; i++) {
    if (pend == 255 || (i == n && pend)) {
      for (int j = 0; j < 8; j++) {
        for (int b = 0; b < 8; b++) ones[8 * j + b] += (uint32_t)(lane[j] >> (8 * b) & 0xFF);
        lane[j] = 0;
      }
      pend = 0;
    }
    if (i == n) break;
    if (d->toks[i].flags & RCP_TOK_STOP) continue;
    uint64_t h = fmix64(d->toks[i].shash ^ seed);
    for (int j = 0; j < 8; j++) lane[j] += spread[(h >> (8 * j)) & 0xFF];
    nf++;
    pend++;
  }
  uint64_t sim = 0;
  for (int b = 0; b < 64; b++) if (2 * (size_t)ones[b] > nf) sim |= UINT64_C(1) << b;
  fp->simhash = nf ? sim : 0;
  fp->valid = true;
  if (buf != local) rcp__free(buf);
  return RCP_OK;
}

double rcp__minhash_jaccard(const rcp_fingerprint *a, const rcp_fingerprint *b) {
  if (a->nshingles == 0 && b->nshingles == 0) return 1.0;
  if (a->nshingles == 0 || b->nshingles == 0) return 0.0;
  int same = 0;
  for (int i = 0; i < RCP_MINHASH_K; i++) same += a->minhash[i] == b->minhash[i];
  return (double)same / RCP_MINHASH_K;
}

void rcp__lsh_keys(const rcp_fingerprint *fp, uint64_t keys[RCP_LSH_BANDS]) {
  enum { ROWS = RCP_MINHASH_K / RCP_LSH_BANDS };
  for (int b = 0; b < RCP_LSH_BANDS; b++) {
    unsigned char le[ROWS * 4];
    for (int r = 0; r < ROWS; r++)
      for (int k = 0; k < 4; k++) le[4 * r + k] = (unsigned char)(fp->minhash[b * ROWS + r] >> (8 * k));
    keys[b] = rcp__hash64(le, sizeof le, (uint64_t)b);
  }
}
