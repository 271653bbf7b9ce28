/* cluster.c -- stage 6: online, time-aware story clustering
** (docs/stories.md says it all at more length, with how parameters were chosen).
**
** Each article becomes a sparse vector in four families of features (stems,
** title stems, capitalised names and name spans, numbers), each in its own
** hash namespace, weighted (1 + ln tf) * ln(1 + N/df) with document
** frequencies in a count-min sketch (2 rows x 2^20, fixed memory).  Each
** family keeps its heaviest features and is normalised on its own; the
** similarity to a story's centroid (the sum of its articles' vectors) is the
** mean of one cosine per family, times a time factor: 1 within a day of the
** story's event days, exp(-(gap-1)/tau) beyond, unk_time when only one side
** has a day.  The event day is the written date closest to the publication
** day ("mardi", "le 6 janvier"; a dateline when there is no publication
** date).  An article joins the best live story at >= join, else starts one
** (single-pass clustering with centroids, TDT "topic tracking": Allan et al.
** 1998).  A story never spans more than window_days and closes after
** window_days without news: live stories are all that is held in memory.
** An article that also comes close to a second live story whose centroid is
** close to the first merges them (the older id survives).  A new or growing
** story close to an earlier one it could not join (time, recurring title)
** is linked to it as a storyline; closed stories stay findable as small
** signatures in a ring of 8,192.  A round-up page (a digest of several
** events, told by its section lead-ins and the countries spread over it)
** is a story of its own: it joins, and is joined by pages of another kind,
** only as a copy (docs/stories.md, "Round-ups").
**
** Order: rcp__cluster_doc only records features; rcp__cluster_flush sorts
** the batch by (publication time or else event day, content hash, record id)
** and clusters it in that order; stories close only when a later day
** arrives, never at a batch's end, and a live story's state is saved bit
** for bit.  So a batch gives the same stories in any order, and batches in
** publication order (one `add` or several) give the stories of one batch.
** Persistence: the state of the live stories a batch touched, and a delta
** of the sketch cells it changed (see "the frequency sketch in the store").
** This file does no SQL (src/store_cluster.c) and no text analysis.
*/
#include "recoupe_int.h"

#include <ctype.h>    /* isalnum, tolower: daily bulletins */
#include <math.h>     /* log, exp, sqrt */
#include <pthread.h>  /* pthread_once: the month-name table */
#include <stdlib.h>   /* qsort */
#include <stdio.h>    /* snprintf: delta keys */
#include <string.h>   /* memset, memcpy, strlen */
#include <strings.h>  /* strncasecmp */
#include <utf8proc.h> /* utf8proc_map: title words folded like tokens */

#define DF_BITS 20
#define DF_SIZE (1u << DF_BITS)
#define DAY 86400

enum { FAM_STEM = 0, FAM_TITLE, FAM_NAME, FAM_NUM, FAM_COUNT };
#define FAM_SERIES 7   /* key of a story's title, to find recurring titles */
#define FAM_RU 6       /* one key whose weight counts a story's round-up pages */

void rcp__cluster_params_default(rcp_cluster_params *p) {
  p->join = 0.20;
  p->merge = 0.40;
  p->storyline = 0.15;
  p->w_stem = 1.0;
  p->w_title = 1.0;
  p->w_name = 1.0;
  p->w_num = 1.0;
  p->tau_days = 3.0;
  p->geo_eps = 0;
  p->merge_pre = 0.5;
  p->max_post = 64;
  p->max_cands = 16;
  p->max_feats = 100;
  p->query_feats = 24;
  p->unk_time = 0.6;
  p->prune = 0.25;
  p->merge_series = 0.8;
  p->name_cap = 2.0;
  p->merge_one_pub = 1.0;
  p->name_cap_later = 1.0;
  p->later_w = 0.9;
  p->roundup = 1;
  p->roundup_join = 0.5;
  p->series_update = 1;
  p->bulletin = 1;
}

/* ================================================================== */
/* Small containers                                                   */
/* ================================================================== */

static uint64_t mix64(uint64_t x) {
  x ^= x >> 33; x *= UINT64_C(0xff51afd7ed558ccd);
  x ^= x >> 33; x *= UINT64_C(0xc4ceb9fe1a85ec53);
  x ^= x >> 33;
  return x ? x : 1;          /* 0 is the empty key of the maps */
}

/* A feature key: the hash in its family's namespace, the family in the low
** three bits (so a centroid knows each key's family). */
static uint64_t fkey(int fam, uint64_t h) {
  uint64_t k = (mix64(h + UINT64_C(0x9e3779b97f4a7c15) * (uint64_t)(fam + 1)) & ~UINT64_C(7)) | (uint64_t)fam;
  return k ? k : 8;
}
#define FAM_OF(k) ((int)((k) & 7))

/* Open addressing, linear probing, backward-shift deletion: u64 -> float. */
typedef struct fmap { uint64_t *k; float *v; uint32_t cap, n; } fmap;

static void fmap_free(fmap *m) { rcp__free(m->k); rcp__free(m->v); memset(m, 0, sizeof *m); }

static int fmap_grow(fmap *m) {
  uint32_t ncap = m->cap ? m->cap * 2 : 64;
  uint64_t *k = rcp__calloc(ncap, sizeof *k);
  float *v = rcp__calloc(ncap, sizeof *v);
  if (!k || !v) { rcp__free(k); rcp__free(v); return RCP_ENOMEM; }
  for (uint32_t i = 0; i < m->cap; i++) {
    if (!m->k[i]) continue;
    uint32_t j = (uint32_t)m->k[i] & (ncap - 1);
    while (k[j]) j = (j + 1) & (ncap - 1);
    k[j] = m->k[i]; v[j] = m->v[i];
  }
  rcp__free(m->k); rcp__free(m->v);
  m->k = k; m->v = v; m->cap = ncap;
  return RCP_OK;
}

static float fmap_get(const fmap *m, uint64_t key) {
  if (!m->cap) return 0;
  for (uint32_t j = (uint32_t)key & (m->cap - 1);; j = (j + 1) & (m->cap - 1)) {
    if (m->k[j] == key) return m->v[j];
    if (!m->k[j]) return 0;
  }
}

/* Adds d to key's value; *isnew tells whether the key was absent. */
static int fmap_add(fmap *m, uint64_t key, float d, float *old, int *isnew) {
  if ((m->n + 1) * 4 > m->cap * 3) RCP_TRY(fmap_grow(m));
  uint32_t j = (uint32_t)key & (m->cap - 1);
  while (m->k[j] && m->k[j] != key) j = (j + 1) & (m->cap - 1);
  *isnew = !m->k[j];
  if (*isnew) { m->k[j] = key; m->v[j] = 0; m->n++; }
  *old = m->v[j];
  m->v[j] += d;
  return RCP_OK;
}

/* u64 -> list of u32 (story slots), for the inverted index, and
** u64 -> u32 (article row id -> story slot). */
typedef struct plist { uint32_t *s; uint32_t n, cap; } plist;
typedef struct pmap { uint64_t *k; plist *v; uint32_t cap, n; } pmap;
typedef struct umap { uint64_t *k; uint32_t *v; uint32_t cap, n; } umap;

#define DEFINE_MAP(name, vtype)                                                     \
  static int name##_grow(name *m) {                                                 \
    uint32_t ncap = m->cap ? m->cap * 2 : 256;                                      \
    uint64_t *k = rcp__calloc(ncap, sizeof *k);                                     \
    vtype *v = rcp__calloc(ncap, sizeof *v);                                        \
    if (!k || !v) { rcp__free(k); rcp__free(v); return RCP_ENOMEM; }                \
    for (uint32_t i = 0; i < m->cap; i++) {                                         \
      if (!m->k[i]) continue;                                                       \
      uint32_t j = (uint32_t)m->k[i] & (ncap - 1);                                  \
      while (k[j]) j = (j + 1) & (ncap - 1);                                        \
      k[j] = m->k[i]; v[j] = m->v[i];                                               \
    }                                                                               \
    rcp__free(m->k); rcp__free(m->v);                                               \
    m->k = k; m->v = v; m->cap = ncap;                                              \
    return RCP_OK;                                                                  \
  }                                                                                 \
  static vtype *name##_find(const name *m, uint64_t key) {                          \
    if (!m->cap) return NULL;                                                       \
    for (uint32_t j = (uint32_t)key & (m->cap - 1);; j = (j + 1) & (m->cap - 1)) {  \
      if (m->k[j] == key) return &m->v[j];                                          \
      if (!m->k[j]) return NULL;                                                    \
    }                                                                               \
  }                                                                                 \
  static vtype *name##_put(name *m, uint64_t key) {                                 \
    if ((m->n + 1) * 4 > m->cap * 3 && name##_grow(m) != RCP_OK) return NULL;       \
    uint32_t j = (uint32_t)key & (m->cap - 1);                                      \
    while (m->k[j] && m->k[j] != key) j = (j + 1) & (m->cap - 1);                   \
    if (!m->k[j]) { m->k[j] = key; memset(&m->v[j], 0, sizeof m->v[j]); m->n++; }   \
    return &m->v[j];                                                                \
  }                                                                                 \
  /* backward-shift deletion keeps probe chains intact without tombstones */       \
  static void name##_del(name *m, uint64_t key) {                                   \
    if (!m->cap) return;                                                            \
    uint32_t mask = m->cap - 1, j = (uint32_t)key & mask;                           \
    while (m->k[j] != key) { if (!m->k[j]) return; j = (j + 1) & mask; }           \
    for (uint32_t i = j, k2 = (j + 1) & mask;; k2 = (k2 + 1) & mask) {              \
      if (!m->k[k2]) { m->k[i] = 0; break; }                                        \
      uint32_t home = (uint32_t)m->k[k2] & mask;                                    \
      /* move k2 back to i unless its home lies cyclically in (i, k2] */            \
      if ((i <= k2) ? (home <= i || home > k2) : (home <= i && home > k2)) {        \
        m->k[i] = m->k[k2]; m->v[i] = m->v[k2]; i = k2;                             \
      }                                                                             \
    }                                                                               \
    m->n--;                                                                         \
  }

DEFINE_MAP(pmap, plist)
DEFINE_MAP(umap, uint32_t)

/* ================================================================== */
/* State                                                              */
/* ================================================================== */

typedef struct feat { uint64_t h; float w; uint8_t fam; } feat;

typedef struct member {
  int64_t a;                   /* article row id */
  uint64_t th;                 /* its folded title's hash (0: none) */
  int64_t day;                 /* its publication day (else event day), INT64_MIN */
} member;

typedef struct story {
  int64_t id;                  /* store row id (shown "s<id>") */
  fmap c;                      /* owned: centroid, sum of member vectors */
  double norm2;                /* squared L2 norm of c */
  double nf2[4];               /* squared L2 norm of each family's part of c */
  int64_t first, last;         /* publication time range, INT64_MIN if unknown */
  int64_t dlo, dhi;            /* event-day range (day numbers), INT64_MIN if unknown */
  uint32_t n;                  /* articles */
  uint64_t title_h;            /* folded title of its first article, 0 if none */
  member *arts;                /* owned: the member articles */
  uint32_t narts, carts;
  char *title;                 /* owned: title of its first article (new stories only) */
  char lang[8];
  uint32_t stamp, cidx;        /* candidate dedup, index among candidates */
  int64_t line;                /* the story it is linked to as a storyline, 0 if none yet */
  uint32_t lchk;               /* its article count when the ring was last searched for one */
  int used, dirty, touched;
} story;

/* A closed story, remembered to link later stories to it (storylines):
** its heaviest centroid features, normalised.  RING of them, FIFO. */
#define RING 8192
#define SIG_FEATS 32
typedef struct sig {
  int64_t id, dlo, dhi;
  uint64_t title_h;
  feat f[SIG_FEATS];
  uint32_t nf, stamp, cidx;
  int used;
} sig;

typedef struct pend {          /* one document recorded by rcp__cluster_doc */
  int64_t rowid, pub_time, day;     /* day: event day number or INT64_MIN */
  int64_t pday;                     /* local publication day, INT64_MIN if unknown */
  uint64_t exact[2];
  char *ext_id, *title;             /* owned */
  char lang[8];
  uint64_t title_h;
  feat *f; uint32_t nf;             /* owned: distinct features, w = raw tf */
  int ru;                           /* a round-up page (roundup_info) */
  int bul;                          /* a daily bulletin (rcp__cluster_is_bulletin) */
  struct { int64_t other; float score; int copy; } *rel; uint32_t nrel; /* owned */
} pend;

struct rcp_clusterer {
  rcp_ctx *ctx;
  rcp_cluster_params p;
  rcp_cluster_observer obs;
  uint32_t *df;                /* owned: 2 x DF_SIZE count-min sketch */
  uint64_t ndocs;              /* documents counted in df */
  int64_t now;                 /* latest publication time clustered */
  int64_t next_id;             /* next story id */
  story *st; uint32_t nst, cst;  /* story slots */
  uint32_t *freel; uint32_t nfree, cfree;
  uint32_t nlive;
  pmap post;                   /* feature -> live story slots */
  umap art;                    /* live article row id -> story slot */
  pend *pend; size_t npend, cpend;
  int64_t *touched; size_t ntouched, ctouched;
  uint32_t stamp;
  sig *ring;                   /* owned: RING closed stories */
  uint32_t ring_next, sstamp;
  pmap rpost;                  /* feature -> ring entries */
  int64_t closes;              /* stories closed so far (closed_seq) */
  int window;                  /* days */
  int df_dirty;
  uint64_t *dfbits;            /* owned: sketch cells changed since the last save */
  uint64_t df_seq;             /* next delta blob number */
  size_t df_log;               /* bytes of delta blobs since the base was written */
};

void rcp__cluster_set_params(rcp_clusterer *c, const rcp_cluster_params *p) { c->p = *p; }
void rcp__cluster_observe(rcp_clusterer *c, const rcp_cluster_observer *o) {
  if (o) c->obs = *o; else memset(&c->obs, 0, sizeof c->obs);
}
size_t rcp__cluster_live(const rcp_clusterer *c) { return c->nlive; }

size_t rcp__cluster_bytes(const rcp_clusterer *c) {
  size_t b = sizeof *c + (size_t)2 * DF_SIZE * sizeof(uint32_t) + (size_t)2 * DF_SIZE / 8;
  b += (size_t)c->cst * sizeof(story) + (size_t)c->cfree * 4;
  for (uint32_t i = 0; i < c->nst; i++) {
    const story *s = &c->st[i];
    b += (size_t)s->c.cap * 12 + (size_t)s->carts * sizeof(member) + (s->title ? strlen(s->title) + 1 : 0);
  }
  b += (size_t)c->post.cap * (8 + sizeof(plist));
  for (uint32_t i = 0; i < c->post.cap; i++) if (c->post.k[i]) b += (size_t)c->post.v[i].cap * 4;
  b += (size_t)c->art.cap * 12 + (size_t)RING * sizeof(sig);
  b += (size_t)c->rpost.cap * (8 + sizeof(plist));
  for (uint32_t i = 0; i < c->rpost.cap; i++) if (c->rpost.k[i]) b += (size_t)c->rpost.v[i].cap * 4;
  return b;
}

/* ---- document frequencies ------------------------------------------ */

static uint32_t df_get(const rcp_clusterer *c, uint64_t h) {
  uint32_t a = c->df[h & (DF_SIZE - 1)], b = c->df[DF_SIZE + ((h >> 32) & (DF_SIZE - 1))];
  return a < b ? a : b;
}

static void df_add(rcp_clusterer *c, uint64_t h) {
  size_t ia = h & (DF_SIZE - 1), ib = DF_SIZE + ((h >> 32) & (DF_SIZE - 1));
  if (c->df[ia] < UINT32_MAX) c->df[ia]++;
  if (c->df[ib] < UINT32_MAX) c->df[ib]++;
  c->dfbits[ia >> 6] |= UINT64_C(1) << (ia & 63);   /* saved as a delta */
  c->dfbits[ib >> 6] |= UINT64_C(1) << (ib & 63);
}

/* ================================================================== */
/* Features of one document                                           */
/* ================================================================== */

/* Folds s like the analyzer folds tokens (NFC, case fold, accents off) and
** calls fn for each word hash (rcp__hash64 seed 0 of the folded word, with a
** French elision "l'", "qu'" ... removed). */
static int title_words(const char *s, uint64_t *out, int max) {
  if (!s || !*s) return 0;
  utf8proc_uint8_t *f = NULL;
  if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &f, UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                   UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) < 0) return 0;
  int n = 0;
  const unsigned char *p = f;
  while (*p && n < max) {
    while (*p && !(*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))) p++;
    const unsigned char *w = p;
    while (*p && (*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))) {
      /* ’ (E2 80 99) and ' end an elided article */
      if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99) break;
      p++;
    }
    size_t len = (size_t)(p - w);
    if (*p == '\'' || (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99)) {
      if (len <= 2 || (len <= 6 && len >= 2 && w[len - 2] == 'q' && w[len - 1] == 'u')) {
        p += *p == '\'' ? 1 : 3;     /* elision: drop "l'", "qu'", "jusqu'" */
        continue;
      }
    }
    if (len) out[n++] = rcp__hash64(w, len, 0);
    if (*p == '\'') p++;
    else if (p[0] == 0xE2) p += 3;
  }
  free(f);
  return n;
}

static uint64_t title_hash(const char *s) {
  uint64_t w[64];
  int n = title_words(s, w, 64);
  if (n < 2) return 0;           /* one-word titles say nothing of a series */
  uint64_t h = 0;
  for (int i = 0; i < n; i++) h = mix64(h ^ w[i]);
  return h;
}

/* ---- the event day: a dateline or a date near the top -------------- */

static const char *const months[] = {
  "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
  "octobre", "novembre", "decembre",
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};
static const char *const wdays[] = {
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* Month and weekday names are found by the hash of the token's norm (the
** analyzer's rcp__hash64 seed 0): one table lookup per token, no strcmp. */
static uint64_t g_month_h[37], g_wday_h[14];
static pthread_once_t g_names_once = PTHREAD_ONCE_INIT;
static void names_init(void) {
  for (int i = 0; i < 36; i++) g_month_h[i] = rcp__hash64(months[i], strlen(months[i]), 0);
  g_month_h[36] = rcp__hash64("sept", 4, 0);
  for (int i = 0; i < 14; i++) g_wday_h[i] = rcp__hash64(wdays[i], strlen(wdays[i]), 0);
}

static int month_of(const rcp_token *t) {
  for (int i = 0; i < 37; i++)
    if (t->hash == g_month_h[i]) return i == 36 ? 9 : i % 12 + 1;
  return 0;
}

static int wday_of(const rcp_token *t) {   /* 1..7 (Monday = 1), 0 if none */
  for (int i = 0; i < 14; i++) if (t->hash == g_wday_h[i]) return i % 7 + 1;
  return 0;
}

static int num_of(const rcp_token *t, int lo, int hi) {
  if (!t->norm || !*t->norm) return -1;
  int v = 0;
  const char *s = t->norm;
  for (; *s; s++) {
    if (*s < '0' || *s > '9') break;
    v = v * 10 + (*s - '0');
    if (v > 100000) return -1;
  }
  /* "1er", "6th", "2nd" */
  if (*s && strcmp(s, "er") && strcmp(s, "st") && strcmp(s, "nd") && strcmp(s, "rd") && strcmp(s, "th"))
    return -1;
  return s == t->norm || v < lo || v > hi ? -1 : v;
}

static int64_t civil_days(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static int64_t day_of(int64_t t) { return t == INT64_MIN ? t : (t >= 0 ? t / DAY : (t - DAY + 1) / DAY); }

/* The publication day where it was published: the UTC time shifted by the
** offset written in the date ("2020-06-10T00:13:28+02:00" is 10 June, not
** 9 June); UTC when the date gives none.  INT64_MIN when unknown. */
static int64_t local_day(const rcp_doc *d) {
  if (d->pub_time == INT64_MIN) return INT64_MIN;
  int64_t off = 0;
  const char *s = d->published;
  size_t n = s ? strlen(s) : 0;
  if (n >= 16 && s[10] == 'T') {             /* ...T..:..(:..)(.fff)+HH:MM or +HHMM */
    const char *z = s + n;
    if (n >= 6 && (z[-6] == '+' || z[-6] == '-') && z[-3] == ':' && z[-5] >= '0' && z[-5] <= '9')
      off = ((z[-5] - '0') * 10 + (z[-4] - '0')) * 3600 + ((z[-2] - '0') * 10 + (z[-1] - '0')) * 60,
      off = z[-6] == '-' ? -off : off;
    else if (n >= 5 && (z[-5] == '+' || z[-5] == '-') && z[-4] >= '0' && z[-4] <= '9')
      off = ((z[-4] - '0') * 10 + (z[-3] - '0')) * 3600 + ((z[-2] - '0') * 10 + (z[-1] - '0')) * 60,
      off = z[-5] == '-' ? -off : off;
    if (off < -14 * 3600 || off > 14 * 3600) off = 0;
  }
  return day_of(d->pub_time + off);
}

static int year_of_day(int64_t day) {
  char b[11];
  rcp__fmt_day(day * DAY, b);
  return (b[0] - '0') * 1000 + (b[1] - '0') * 100 + (b[2] - '0') * 10 + (b[3] - '0');
}

/* A date written in the page's URL ("/2013/09/14/", "/2009/Feb/02/",
** "/20130914/", "2009-02-03-", "_2013_09_14_"): news sites put the
** publication day there.  The day number, or INT64_MIN when none. */
static int url_month(const char *s) {
  static const char m3[] = "janfebmaraprmayjunjulaugsepoctnovdec";
  for (int i = 0; i < 12; i++) {
    int ok = 1;
    for (int k = 0; k < 3 && ok; k++) ok = (s[k] | 0x20) == m3[3 * i + k];
    if (ok && !((s[3] | 0x20) >= 'a' && (s[3] | 0x20) <= 'z')) return i + 1;
  }
  return 0;
}

static int64_t url_day(const char *u) {
  if (!u) return INT64_MIN;
  const char *p = strstr(u, "://");
  p = p ? strchr(p + 3, '/') : NULL;         /* the path: no dates in host names */
  if (!p) return INT64_MIN;
  for (; *p; p++) {
    if (p[-1] >= '0' && p[-1] <= '9') continue;
    if (!((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0'))) continue;
    int y = 0, k = 0;
    for (; k < 4 && p[k] >= '0' && p[k] <= '9'; k++) y = y * 10 + (p[k] - '0');
    if (k < 4) continue;
    const char *q = p + 4;
    int m = 0, dd = 0;
    if (q[0] >= '0' && q[0] <= '9') {          /* YYYYMMDD and nothing more */
      if (!(q[1] >= '0' && q[1] <= '9' && q[2] >= '0' && q[2] <= '9' && q[3] >= '0' && q[3] <= '9') ||
          (q[4] >= '0' && q[4] <= '9'))
        continue;
      m = (q[0] - '0') * 10 + (q[1] - '0');
      dd = (q[2] - '0') * 10 + (q[3] - '0');
    } else {
      char sep = q[0];
      if (sep != '/' && sep != '-' && sep != '_') continue;
      q++;
      if (q[0] >= '0' && q[0] <= '9' && q[1] >= '0' && q[1] <= '9') { m = (q[0] - '0') * 10 + (q[1] - '0'); q += 2; }
      else if ((m = url_month(q))) q += 3;
      else continue;
      if (q[0] != sep || !(q[1] >= '0' && q[1] <= '9')) continue;
      q++;
      dd = q[0] - '0';
      if (q[1] >= '0' && q[1] <= '9') dd = dd * 10 + (q[1] - '0'), q++;
      if (q[1] >= '0' && q[1] <= '9') continue;
    }
    if (y < 1990 || y > 2100 || m < 1 || m > 12 || dd < 1 || dd > 31) continue;
    return civil_days(y, m, dd);
  }
  return INT64_MIN;
}


/* "14/09/2013", "09/14/2013", "2013-09-14" at token i (three number tokens
** joined by one '/' or '-' each, nothing else between): the day number, or
** INT64_MIN.  Day and month in either order when one of them is over 12;
** else month first in English (the US order), day first otherwise.  *used:
** tokens read. */
static int64_t numeric_date(const rcp_doc *d, size_t i, int en, size_t *used) {
  if (i + 2 >= d->ntoks) return INT64_MIN;
  const rcp_token *t = &d->toks[i];
  for (int k = 0; k < 3; k++) if (!(t[k].flags & RCP_TOK_NUM)) return INT64_MIN;
  char sep = 0;
  for (int k = 0; k < 2; k++) {
    if (t[k + 1].off != t[k].off + t[k].len + 1) return INT64_MIN;
    char c = d->text[t[k].off + t[k].len];
    if ((c != '/' && c != '-') || (sep && c != sep)) return INT64_MIN;
    sep = c;
  }
  int a = num_of(&t[0], 1, 2100), b = num_of(&t[1], 1, 31), y = num_of(&t[2], 1, 2100), m, dd;
  if (a < 0 || b < 0 || y < 0) return INT64_MIN;
  if (a >= 1900 && t[0].len == 4 && sep == '-') { m = b; dd = y; y = a; }   /* ISO: 2013-09-14 */
  else {
    if (y < 1900 || t[2].len != 4 || a > 31) return INT64_MIN;
    if (a > 12) { dd = a; m = b; }
    else if (b > 12 || en) { m = a; dd = b; }
    else { dd = a; m = b; }
  }
  if (m < 1 || m > 12 || dd < 1 || dd > 31 || y < 1900 || y > 2100) return INT64_MIN;
  *used = 3;
  return civil_days(y, m, dd);
}

/* The event day from the dates written in the first tokens: "6 janvier
** (2020)", "January 6(, 2020)", "mardi" (relative to the publication day).
** A date without a year takes the publication year (or the one before when
** that would put it in the future).  With a publication day, of the dates
** between 14 days before it and the day after, the one closest to it (an
** article names its event's day, and also past days it refers back to:
** "la réunion du 24 juin"); without one, the first date (a dateline).
** INT64_MIN when none. */
static int64_t event_day(const rcp_doc *d) {
  int64_t pday = local_day(d), best = INT64_MIN;
  size_t lim = d->ntoks < 80 ? d->ntoks : 80;
  const char *lang = d->language ? d->language : d->lang;
  int en = lang && lang[0] == 'e' && lang[1] == 'n';
  for (size_t i = 0; i < lim; i++) {
    const rcp_token *t = &d->toks[i];
    int m = 0, dd = -1, y = -1;
    int64_t ed;
    size_t used = 0;
    if ((t->flags & RCP_TOK_NUM) && (ed = numeric_date(d, i, en, &used)) != INT64_MIN) {
      i += used - 1;
    } else if ((m = month_of(t))) {
      if (i > 0) dd = num_of(&d->toks[i - 1], 1, 31);
      size_t j = i + 1;
      if (dd < 0 && j < d->ntoks) { dd = num_of(&d->toks[j], 1, 31); if (dd > 0) j++; }
      if (dd < 0) continue;
      if (j < d->ntoks) y = num_of(&d->toks[j], 1900, 2100);
      if (y < 0) {
        if (pday == INT64_MIN) continue;
        y = year_of_day(pday);
        if (civil_days(y, m, dd) > pday + 1) y--;
      }
      ed = civil_days(y, m, dd);
    } else if (pday != INT64_MIN) {
      int w = wday_of(t);
      if (!w) continue;
      /* "samedi 29 février": the date that follows says it */
      if (i + 1 < d->ntoks && num_of(&d->toks[i + 1], 1, 31) > 0) continue;
      /* the most recent such weekday on or before the publication day
      ** (1970-01-01 was a Thursday: weekday index 3, Monday = 0), or the
      ** next day ("dimanche" in a Saturday's paper: tomorrow, not six
      ** days ago) */
      int64_t wd = ((pday % 7) + 7 + 3) % 7, want = w - 1;
      ed = pday - ((wd - want + 7) % 7);
      if (ed == pday - 6) ed = pday + 1;
    } else continue;
    if (pday == INT64_MIN) return ed;
    if (ed > pday + 1 || ed < pday - 14) continue;   /* about something else */
    if (best == INT64_MIN) { best = ed; continue; }
    int64_t dist = ed > pday ? ed - pday : pday - ed, bd = best > pday ? best - pday : pday - best;
    if (dist < bd) best = ed;
  }
  return best;
}

/* ---- features ------------------------------------------------------- */

static int feat_cmp_h(const void *a, const void *b) {
  const feat *x = a, *y = b;
  return x->h < y->h ? -1 : x->h > y->h;
}

static int feat_cmp_w(const void *a, const void *b) {
  const feat *x = a, *y = b;
  if (x->w != y->w) return x->w > y->w ? -1 : 1;
  return x->h < y->h ? -1 : x->h > y->h;
}

/* Sorts a short array of features (insertion sort: no allocation, unlike
** glibc's qsort; the comparators are total orders, so the result is the
** one qsort gives). */
static void feat_isort(feat *f, uint32_t n, int (*cmp)(const void *, const void *)) {
  for (uint32_t i = 1; i < n; i++) {
    feat x = f[i];
    uint32_t j = i;
    while (j > 0 && cmp(&x, &f[j - 1]) < 0) { f[j] = f[j - 1]; j--; }
    f[j] = x;
  }
}

/* Sifts f[r] down the max-heap (by key) f[0..n). */
static void sift_h(feat *f, uint32_t r, uint32_t n) {
  for (;;) {
    uint32_t c2 = 2 * r + 1;
    if (c2 >= n) return;
    if (c2 + 1 < n && f[c2 + 1].h > f[c2].h) c2++;
    if (f[r].h >= f[c2].h) return;
    feat t = f[r]; f[r] = f[c2]; f[c2] = t;
    r = c2;
  }
}

/* Sorts f[0..n) by key (the keys are distinct, so the order is the one
** any sort gives): heapsort, no allocation. */
static void feat_sort_h(feat *f, uint32_t n) {
  for (uint32_t i = n / 2; i-- > 0;) sift_h(f, i, n);
  for (uint32_t end = n; end > 1;) {
    end--;
    feat t = f[0]; f[0] = f[end]; f[end] = t;
    sift_h(f, 0, end);
  }
}

/* Moves the k heaviest of f[0..n) (feat_cmp_w order; k < n) to f[0..k),
** in no particular order: quickselect (Lomuto partition, median-of-three
** pivot).  The result depends only on the input: deterministic. */
static void select_top(feat *f, uint32_t n, uint32_t k) {
  uint32_t lo = 0, hi = n - 1;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    feat t;
    if (feat_cmp_w(&f[mid], &f[lo]) < 0) { t = f[mid]; f[mid] = f[lo]; f[lo] = t; }
    if (feat_cmp_w(&f[hi], &f[lo]) < 0) { t = f[hi]; f[hi] = f[lo]; f[lo] = t; }
    if (feat_cmp_w(&f[mid], &f[hi]) < 0) { t = f[mid]; f[mid] = f[hi]; f[hi] = t; }
    feat piv = f[hi];              /* the median of the three, at hi */
    uint32_t st = lo;
    for (uint32_t i = lo; i < hi; i++)
      if (feat_cmp_w(&f[i], &piv) < 0) { t = f[i]; f[i] = f[st]; f[st] = t; st++; }
    t = f[st]; f[st] = f[hi]; f[hi] = t;
    if (st == k) return;
    if (st < k) lo = st + 1; else hi = st - 1;
  }
}

static int is_name_tok(const rcp_token *t) {
  return (t->flags & RCP_TOK_CAP) && !(t->flags & (RCP_TOK_STOP | RCP_TOK_NUM | RCP_TOK_PUNCT));
}

/* Hash of an entity key, word by word (words separated by spaces, hyphens
** or dots: "jean-luc" = "jean luc"), "mt"/"st"/"ft" read as
** "mount"/"saint"/"fort". */
static uint64_t ent_hash(const char *k, size_t n) {
  uint64_t h = 0;
  size_t i = 0;
  while (i < n) {
    while (i < n && (k[i] == ' ' || k[i] == '-' || k[i] == '.')) i++;
    size_t b = i;
    while (i < n && k[i] != ' ' && k[i] != '-' && k[i] != '.') i++;
    if (i == b) break;
    const char *w = k + b;
    size_t wl = i - b;
    if (wl == 2 && w[0] == 'm' && w[1] == 't') { w = "mount"; wl = 5; }
    else if (wl == 2 && w[0] == 's' && w[1] == 't') { w = "saint"; wl = 5; }
    else if (wl == 2 && w[0] == 'f' && w[1] == 't') { w = "fort"; wl = 4; }
    h = mix64(h ^ rcp__hash64(w, wl, 0));
  }
  return h;
}

/* Raw features of d (w = term count), distinct, sorted by key.  Names are
** runs of capitalised words inside a sentence; a lone capitalised word that
** starts a sentence is not one. */
static int doc_features(const rcp_doc *d, feat **out, uint32_t *nout) {
  *out = NULL;
  *nout = 0;
  uint64_t tw[64];
  int ntw = title_words(d->title, tw, 64);
  uint64_t tmask = 0;                /* a one-word Bloom filter of the title words */
  for (int k = 0; k < ntw; k++) tmask |= UINT64_C(1) << (tw[k] & 63);
  size_t cap = d->ntoks * 3 + 8 + d->nents;
  feat *f = rcp__malloc(cap * sizeof *f);
  if (!f) return RCP_ENOMEM;
  size_t n = 0, run0 = 0, runlen = 0;
  /* people named, as the facts stage keys them (when it ran first): the
  ** full name without its title or role ("Dr Mark Vinar" -> "mark vinar"),
  ** a bare surname as the full name the page gives */
  for (size_t k = 0; k < d->nents; k++) {
    const rcp_entity_mention *e = &d->ents[k];
    if (e->type != RCP_ENT_PERSON) continue;
    const char *key = e->canon ? e->canon : e->key;
    f[n++] = (feat){ fkey(FAM_NAME, ent_hash(key, strlen(key))), 1, FAM_NAME };
  }
  for (size_t i = 0; i <= d->ntoks; i++) {
    const rcp_token *t = i < d->ntoks ? &d->toks[i] : NULL;
    int name = t && is_name_tok(t);
    if (runlen && (!name || (t->flags & RCP_TOK_SENT0))) {   /* a run ends */
      if (!(runlen == 1 && (d->toks[run0].flags & RCP_TOK_SENT0))) {
        uint64_t span = 0;
        for (size_t k = run0; k < run0 + runlen; k++) {
          f[n++] = (feat){ fkey(FAM_NAME, d->toks[k].hash), 1, FAM_NAME };
          span = mix64(span ^ d->toks[k].hash);
        }
        if (runlen >= 2) f[n++] = (feat){ fkey(FAM_NAME, span), 1, FAM_NAME };
      }
      runlen = 0;
    }
    if (name) { if (!runlen) run0 = i; runlen++; }
    if (!t || (t->flags & RCP_TOK_PUNCT)) continue;
    if (t->flags & RCP_TOK_NUM) { f[n++] = (feat){ fkey(FAM_NUM, t->hash), 1, FAM_NUM }; continue; }
    if (t->flags & RCP_TOK_STOP) continue;
    if (t->len < 2) continue;
    f[n++] = (feat){ fkey(FAM_STEM, t->shash), 1, FAM_STEM };
    if (tmask & (UINT64_C(1) << (t->hash & 63)))
      for (int k = 0; k < ntw; k++)
        if (tw[k] == t->hash) { f[n++] = (feat){ fkey(FAM_TITLE, t->shash), 1, FAM_TITLE }; break; }
  }
  /* distinct keys with their counts, through a small hash table (the
  ** order of f stays the order of first occurrence: no sort needed) */
  uint32_t cap2 = 64;
  while (cap2 < 2 * n) cap2 *= 2;
  uint32_t *slot = rcp__calloc(cap2, sizeof *slot);   /* 1-based index into f */
  if (!slot) { rcp__free(f); return RCP_ENOMEM; }
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    uint32_t j = (uint32_t)(f[i].h >> 7) & (cap2 - 1);
    while (slot[j] && f[slot[j] - 1].h != f[i].h) j = (j + 1) & (cap2 - 1);
    if (slot[j]) {
      if (f[i].fam != FAM_TITLE) f[slot[j] - 1].w += 1;  /* a title word counts once */
    } else {
      f[m] = f[i];
      slot[j] = (uint32_t)++m;
    }
  }
  rcp__free(slot);
  *out = f;
  *nout = (uint32_t)m;
  return RCP_OK;
}

/* ================================================================== */
/* Open, free                                                         */
/* ================================================================== */

static void story_clear(story *s) {
  fmap_free(&s->c);
  rcp__free(s->arts);
  rcp__free(s->title);
  memset(s, 0, sizeof *s);
}

static void pend_clear(pend *p) {
  rcp__free(p->ext_id);
  rcp__free(p->title);
  rcp__free(p->f);
  rcp__free(p->rel);
  memset(p, 0, sizeof *p);
}

void rcp__cluster_free(rcp_clusterer *c) {
  if (!c) return;
  for (uint32_t i = 0; i < c->nst; i++) story_clear(&c->st[i]);
  rcp__free(c->st);
  rcp__free(c->freel);
  for (uint32_t i = 0; i < c->post.cap; i++) if (c->post.k[i]) rcp__free(c->post.v[i].s);
  rcp__free(c->post.k); rcp__free(c->post.v);
  for (uint32_t i = 0; i < c->rpost.cap; i++) if (c->rpost.k[i]) rcp__free(c->rpost.v[i].s);
  rcp__free(c->rpost.k); rcp__free(c->rpost.v);
  rcp__free(c->ring);
  rcp__free(c->art.k); rcp__free(c->art.v);
  for (size_t i = 0; i < c->npend; i++) pend_clear(&c->pend[i]);
  rcp__free(c->pend);
  rcp__free(c->touched);
  rcp__free(c->df);
  rcp__free(c->dfbits);
  rcp__free(c);
}

/* A free story slot (its index), or UINT32_MAX on ENOMEM. */
static uint32_t slot_new(rcp_clusterer *c) {
  if (c->nfree) return c->freel[--c->nfree];
  if (c->nst == c->cst) {
    uint32_t ncap = c->cst ? c->cst * 2 : 64;
    story *p = rcp__realloc(c->st, (size_t)ncap * sizeof *p);
    if (!p) return UINT32_MAX;
    c->st = p; c->cst = ncap;
  }
  memset(&c->st[c->nst], 0, sizeof c->st[0]);
  return c->nst++;
}

static int slot_release(rcp_clusterer *c, uint32_t i) {
  story_clear(&c->st[i]);
  if (c->nfree == c->cfree) {
    uint32_t ncap = c->cfree ? c->cfree * 2 : 64;
    uint32_t *p = rcp__realloc(c->freel, (size_t)ncap * sizeof *p);
    if (!p) return RCP_ENOMEM;
    c->freel = p; c->cfree = ncap;
  }
  c->freel[c->nfree++] = i;
  return RCP_OK;
}

static int post_add(pmap *m, uint64_t key, uint32_t slot) {
  plist *l = pmap_put(m, key);
  if (!l) return RCP_ENOMEM;
  if (l->n == l->cap) {
    uint32_t ncap = l->cap ? l->cap * 2 : 4;
    uint32_t *p = rcp__realloc(l->s, (size_t)ncap * sizeof *p);
    if (!p) return RCP_ENOMEM;
    l->s = p; l->cap = ncap;
  }
  l->s[l->n++] = slot;
  return RCP_OK;
}

static void post_del(pmap *m, uint64_t key, uint32_t slot) {
  plist *l = pmap_find(m, key);
  if (!l) return;
  for (uint32_t i = 0; i < l->n; i++)
    if (l->s[i] == slot) { l->s[i] = l->s[--l->n]; break; }
  if (l->n == 0) { rcp__free(l->s); pmap_del(m, key); }
}

static int art_add(story *s, int64_t a, uint64_t th, int64_t day) {
  if (s->narts == s->carts) {
    uint32_t ncap = s->carts ? s->carts * 2 : 4;
    member *p = rcp__realloc(s->arts, (size_t)ncap * sizeof *p);
    if (!p) return RCP_ENOMEM;
    s->arts = p; s->carts = ncap;
  }
  s->arts[s->narts++] = (member){ a, th, day };
  return RCP_OK;
}

/* Adds the weighted vector v to story slot i (centroid, postings). */
static int story_add_vec(rcp_clusterer *c, uint32_t i, const feat *v, uint32_t nv) {
  for (uint32_t k = 0; k < nv; k++) {
    story *s = &c->st[i];
    float old;
    int isnew;
    RCP_TRY(fmap_add(&s->c, v[k].h, v[k].w, &old, &isnew));
    double nw = (double)old + v[k].w;
    s->norm2 += nw * nw - (double)old * old;
    int fam = FAM_OF(v[k].h);
    if (fam < FAM_COUNT) s->nf2[fam] += nw * nw - (double)old * old;
    if (isnew) RCP_TRY(post_add(&c->post, v[k].h, i));
  }
  return RCP_OK;
}

/* ---- state blob of a live story (little-endian, versioned) ----------- */

static int put_u64(rcp_buf *b, uint64_t v) {
  unsigned char x[8];
  for (int i = 0; i < 8; i++) x[i] = (unsigned char)(v >> (8 * i));
  return rcp__buf_add(b, x, 8);
}
static uint64_t get_u64(const unsigned char **p, const unsigned char *end, int *ok) {
  if (end - *p < 8) { *ok = 0; return 0; }
  uint64_t v = 0;
  for (int i = 0; i < 8; i++) v |= (uint64_t)(*p)[i] << (8 * i);
  *p += 8;
  return v;
}

#define STATE_MAGIC3 UINT64_C(0x3353544f52434552) /* "RECORTS3": weights as u64 */
#define STATE_MAGIC4 UINT64_C(0x3453544f52434552) /* "RECORTS4": weights as u32 */
#define STATE_MAGIC UINT64_C(0x3553544f52434552)  /* "RECORTS5": exact layout */

/* A live story's state, version 5: header; the norms as the bits of their
** doubles, the storyline fields; the centroid table's capacity and each
** entry as (slot u32, key u64, weight u32): a story reloaded from the store
** is bit for bit the one in memory (same table layout, so the same order
** of floating-point sums), which is what makes two batches give exactly
** the stories of one batch.  Versions 3 and 4 are still read (rebuilt by
** insertion: equal up to rounding). */
static void put_u32(rcp_buf *b, uint32_t v) {
  unsigned char x[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                         (unsigned char)(v >> 24) };
  rcp__buf_add(b, x, 4);
}
static uint32_t get_u32(const unsigned char **p, const unsigned char *end, int *ok) {
  if (end - *p < 4) { *ok = 0; return 0; }
  uint32_t v = (uint32_t)(*p)[0] | (uint32_t)(*p)[1] << 8 | (uint32_t)(*p)[2] << 16 | (uint32_t)(*p)[3] << 24;
  *p += 4;
  return v;
}
static uint64_t dbits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static double bitsd(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
#define SIG_MAGIC UINT64_C(0x3347495352434552)   /* "RECRSIG3" */

static int story_state(const story *s, rcp_buf *b) {
  rcp__buf_reset(b);
  put_u64(b, STATE_MAGIC);
  put_u64(b, (uint64_t)s->first); put_u64(b, (uint64_t)s->last);
  put_u64(b, (uint64_t)s->dlo); put_u64(b, (uint64_t)s->dhi);
  put_u64(b, s->n); put_u64(b, s->title_h);
  put_u64(b, dbits(s->norm2));
  for (int f = 0; f < 4; f++) put_u64(b, dbits(s->nf2[f]));
  put_u64(b, (uint64_t)s->line); put_u64(b, s->lchk);
  put_u64(b, s->c.cap);
  put_u64(b, s->c.n);
  for (uint32_t i = 0; i < s->c.cap; i++) {
    if (!s->c.k[i]) continue;
    uint32_t w;
    memcpy(&w, &s->c.v[i], 4);
    put_u32(b, i);
    put_u64(b, s->c.k[i]);
    put_u32(b, w);
  }
  put_u64(b, s->narts);
  for (uint32_t i = 0; i < s->narts; i++) {
    put_u64(b, (uint64_t)s->arts[i].a);
    put_u64(b, s->arts[i].th);
    put_u64(b, (uint64_t)s->arts[i].day);
  }
  return b->err;
}

static int load_story(void *ud, int64_t id, const void *blob, size_t len) {
  rcp_clusterer *c = ud;
  const unsigned char *p = blob, *end = p + len;
  int ok = 1;
  uint64_t magic = get_u64(&p, end, &ok);
  if ((magic != STATE_MAGIC && magic != STATE_MAGIC4 && magic != STATE_MAGIC3) || !ok)
    return RCP_OK;                 /* unknown: leave it */
  uint32_t i = slot_new(c);
  if (i == UINT32_MAX) return RCP_ENOMEM;
  story *s = &c->st[i];
  s->used = 1;
  s->id = id;
  s->first = (int64_t)get_u64(&p, end, &ok); s->last = (int64_t)get_u64(&p, end, &ok);
  s->dlo = (int64_t)get_u64(&p, end, &ok); s->dhi = (int64_t)get_u64(&p, end, &ok);
  s->n = (uint32_t)get_u64(&p, end, &ok); s->title_h = get_u64(&p, end, &ok);
  c->nlive++;
  if (magic == STATE_MAGIC) {
    double n2 = bitsd(get_u64(&p, end, &ok)), f2[4];
    for (int f = 0; f < 4; f++) f2[f] = bitsd(get_u64(&p, end, &ok));
    s->line = (int64_t)get_u64(&p, end, &ok);
    s->lchk = (uint32_t)get_u64(&p, end, &ok);
    uint64_t cap = get_u64(&p, end, &ok), nf = get_u64(&p, end, &ok);
    if (!ok || cap < 64 || cap > (1u << 30) || (cap & (cap - 1)) || nf > cap) return RCP_OK;
    s = &c->st[i];
    s->c.k = rcp__calloc(cap, sizeof *s->c.k);
    s->c.v = rcp__calloc(cap, sizeof *s->c.v);
    if (!s->c.k || !s->c.v) return RCP_ENOMEM;
    s->c.cap = (uint32_t)cap;
    for (uint64_t k = 0; ok && k < nf; k++) {
      uint32_t slot = get_u32(&p, end, &ok);
      uint64_t h = get_u64(&p, end, &ok);
      uint32_t wb = get_u32(&p, end, &ok);
      if (!ok || slot >= cap || !h || c->st[i].c.k[slot]) { ok = 0; break; }
      c->st[i].c.k[slot] = h;
      memcpy(&c->st[i].c.v[slot], &wb, 4);
      c->st[i].c.n++;
      RCP_TRY(post_add(&c->post, h, i));
    }
    s = &c->st[i];
    s->norm2 = n2;
    memcpy(s->nf2, f2, sizeof f2);
  }
  uint64_t nf = magic == STATE_MAGIC ? 0 : get_u64(&p, end, &ok);
  for (uint64_t k = 0; ok && k < nf; k++) {
    uint64_t h = get_u64(&p, end, &ok);
    uint32_t wb = 0;
    if (magic == STATE_MAGIC3) wb = (uint32_t)get_u64(&p, end, &ok);
    else if (end - p < 4) ok = 0;
    else { wb = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; p += 4; }
    if (!ok) break;
    feat f = { h, 0, 0 };
    memcpy(&f.w, &wb, 4);
    RCP_TRY(story_add_vec(c, i, &f, 1));
  }
  uint64_t na = get_u64(&p, end, &ok);
  for (uint64_t k = 0; ok && k < na; k++) {
    int64_t a = (int64_t)get_u64(&p, end, &ok);
    uint64_t th = get_u64(&p, end, &ok);
    int64_t day = (int64_t)get_u64(&p, end, &ok);
    if (!ok) break;
    RCP_TRY(art_add(&c->st[i], a, th, day));
    uint32_t *v = umap_put(&c->art, (uint64_t)a);
    if (!v) return RCP_ENOMEM;
    *v = i;
  }
  return RCP_OK;
}

static int load_sig(void *ud, int64_t id, const void *blob, size_t len);

/* ---- the frequency sketch in the store ------------------------------
** A base blob "df" (the whole sketch, 8 MB) and, for each batch since it
** was written, a delta blob "dfd:<seq, 16 hex digits>": the cells the batch
** changed, in increasing order, each as varint(gap from the previous cell)
** varint(new value).  A delta holds values, not increments, so replaying
** deltas in order over the base gives the sketch.  When the deltas add up
** to more than the base, the base is rewritten and the deltas deleted: the
** bytes written per batch stay proportional to the batch, not to the
** sketch (docs/stories.md). */

static int put_varint(rcp_buf *b, uint64_t v) {
  unsigned char x[10];
  int n = 0;
  do { x[n] = (unsigned char)(v & 0x7f); v >>= 7; if (v) x[n] |= 0x80; n++; } while (v);
  return rcp__buf_add(b, x, (size_t)n);
}

static int get_varint(const unsigned char **p, const unsigned char *end, uint64_t *v) {
  *v = 0;
  for (int sh = 0; *p < end && sh < 64; sh += 7) {
    unsigned char ch = *(*p)++;
    *v |= (uint64_t)(ch & 0x7f) << sh;
    if (!(ch & 0x80)) return 1;
  }
  return 0;
}

static int load_df_delta(void *ud, const char *key, const void *blob, size_t len) {
  rcp_clusterer *c = ud;
  const unsigned char *p = blob, *end = p + len;
  uint64_t at = 0, gap, v;
  int first = 1;
  while (p < end) {
    if (!get_varint(&p, end, &gap) || !get_varint(&p, end, &v)) break;   /* torn: stop */
    at = first ? gap : at + gap;
    first = 0;
    if (at >= (uint64_t)2 * DF_SIZE) break;
    c->df[at] = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
  }
  uint64_t seq = strtoull(key + 4, NULL, 16);
  if (seq + 1 > c->df_seq) c->df_seq = seq + 1;
  c->df_log += len;
  return RCP_OK;
}

static int save_df(rcp_clusterer *c) {
  rcp_store *s = c->ctx->store;
  size_t base = (size_t)2 * DF_SIZE * 4;
  rcp_buf b;
  rcp__buf_init(&b, 0);
  uint64_t prev = 0;
  int first = 1;
  for (size_t w = 0; w < (size_t)2 * DF_SIZE / 64 && !b.err; w++) {
    for (uint64_t bits = c->dfbits[w]; bits; bits &= bits - 1) {
      uint64_t i = (uint64_t)w * 64 + (uint64_t)__builtin_ctzll(bits);
      put_varint(&b, first ? i : i - prev);
      put_varint(&b, c->df[i]);
      prev = i;
      first = 0;
    }
  }
  int rc = b.err;
  if (rc == RCP_OK && c->df_log + b.n <= base) {
    char key[32];
    snprintf(key, sizeof key, "dfd:%016llx", (unsigned long long)c->df_seq);
    rc = rcp__store_cluster_put(s, key, b.p ? b.p : "", b.n);
    if (rc == RCP_OK) { c->df_seq++; c->df_log += b.n; }
  } else if (rc == RCP_OK) {       /* fold: the whole sketch, no deltas */
    rcp__buf_reset(&b);
    for (size_t i = 0; i < (size_t)2 * DF_SIZE; i++) {
      uint32_t v = c->df[i];
      unsigned char x[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                             (unsigned char)(v >> 24) };
      rcp__buf_add(&b, x, 4);
    }
    rc = b.err ? b.err : rcp__store_cluster_put(s, "df", b.p, b.n);
    if (rc == RCP_OK) rc = rcp__store_cluster_del_prefix(s, "dfd:");
    if (rc == RCP_OK) c->df_log = 0;
  }
  rcp__buf_free(&b);
  if (rc == RCP_OK) memset(c->dfbits, 0, (size_t)2 * DF_SIZE / 8);
  return rc;
}

static int load_state(rcp_clusterer *c) {
  rcp_store *s = c->ctx->store;
  void *p = NULL;
  size_t n = 0;
  RCP_TRY(rcp__store_cluster_get(s, "df", &p, &n));
  if (p && n == (size_t)2 * DF_SIZE * 4) {
    const unsigned char *b = p;
    for (size_t i = 0; i < (size_t)2 * DF_SIZE; i++)
      c->df[i] = (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 |
                 (uint32_t)b[4 * i + 2] << 16 | (uint32_t)b[4 * i + 3] << 24;
  }
  rcp__free(p);
  RCP_TRY(rcp__store_cluster_scan(s, "dfd:", load_df_delta, c));
  RCP_TRY(rcp__store_cluster_get(s, "counters", &p, &n));
  if (p && n == 32) {
    const unsigned char *q = p, *e = q + 32;
    int ok = 1;
    c->ndocs = get_u64(&q, e, &ok);
    c->now = (int64_t)get_u64(&q, e, &ok);
    c->next_id = (int64_t)get_u64(&q, e, &ok);
    c->closes = (int64_t)get_u64(&q, e, &ok);
  }
  rcp__free(p);
  int64_t mx;
  RCP_TRY(rcp__store_max_story(s, &mx));
  if (c->next_id <= mx) c->next_id = mx + 1;
  RCP_TRY(rcp__store_closed_stories(s, RING, load_sig, c));
  return rcp__store_live_stories(s, load_story, c);
}

int rcp__cluster_open(rcp_ctx *ctx, rcp_clusterer **out) {
  *out = NULL;
  rcp_clusterer *c = rcp__calloc(1, sizeof *c);
  if (!c) return RCP_ENOMEM;
  c->ctx = ctx;
  rcp__cluster_params_default(&c->p);
  c->now = INT64_MIN;
  c->next_id = 1;
  c->window = ctx && ctx->opts.window_days > 0 ? ctx->opts.window_days : 7;
  pthread_once(&g_names_once, names_init);
  c->df = rcp__calloc((size_t)2 * DF_SIZE, sizeof *c->df);
  c->dfbits = rcp__calloc((size_t)2 * DF_SIZE / 64, sizeof *c->dfbits);
  int rc = c->df && c->dfbits ? RCP_OK : RCP_ENOMEM;
  if (rc == RCP_OK && ctx && ctx->store) rc = load_state(c);
  if (rc != RCP_OK) { rcp__cluster_free(c); return rc; }
  *out = c;
  return RCP_OK;
}

/* ================================================================== */
/* Recording a document                                               */
/* ================================================================== */

/* ================================================================== */
/* Round-ups                                                          */
/* ================================================================== */

/* What tells a round-up page (a digest of several events: AFP's daily
** "le point sur la pandémie", "la Hongrie referme ses frontières, France et
** Allemagne misent sur les masques") from a page about one event: counted
** from the document's sentences and the countries the entity pass found
** (docs/stories.md, "Round-ups"). */
typedef struct ru_info {
  int marks;       /* section lead-ins: "- " after a sentence's end or at a block's start */
  int nsec_cty;    /* distinct countries leading a section (its first country) */
  int ncty;        /* distinct countries named */
  int csents;      /* sentences naming a country */
  int top;         /* of those, the most sentences whose first country is one country */
  int nplace0;     /* distinct countries that open a sentence ("En Allemagne, ...") */
  int nfirst;      /* distinct countries first named in some sentence */
  int topent;      /* the most sentences naming one person or organisation */
} ru_info;

#define RU_MAXC 48
static int ru_cty_index(const char **ids, int *n, const char *id) {
  for (int k = 0; k < *n; k++) if (ids[k] == id || strcmp(ids[k], id) == 0) return k;
  if (*n == RU_MAXC) return -1;
  ids[*n] = id;
  return (*n)++;
}

static void roundup_info(const rcp_doc *d, ru_info *ri) {
  memset(ri, 0, sizeof *ri);
  /* 1. section lead-ins, and where each section starts */
  uint32_t secoff[64];
  int nsec = 0;
  const char *t = d->text;
  for (size_t i = 0; t && i + 2 < d->text_len; i++) {
    const char *h = memchr(t + i, '-', d->text_len - 2 - i);
    if (!h) break;
    i = (size_t)(h - t);
    if (t[i + 1] != ' ') continue;
    size_t j = i;
    while (j > 0 && t[j - 1] == ' ') j--;
    char pc = j ? t[j - 1] : '\n';
    if (!(pc == '.' || pc == '!' || pc == '?' || pc == '\n' || pc == '"' || pc == ')')) continue;
    unsigned char nc = (unsigned char)t[i + 2];
    if (!((nc >= 'A' && nc <= 'Z') || nc >= 0xC3 || nc == '"' || (nc >= '0' && nc <= '9'))) continue;
    ri->marks++;
    if (nsec < 64) secoff[nsec++] = (uint32_t)i;
  }
  /* 2. countries: by sentence, by section */
  const char *ids[RU_MAXC];
  int nid = 0, cnt0[RU_MAXC] = { 0 };
  unsigned char lead0[RU_MAXC] = { 0 }, seclead[RU_MAXC] = { 0 };
  int64_t last_sent = -1;
  int sec = -1, sec_done = 1;
  for (size_t k = 0; k < d->nents; k++) {
    const rcp_entity_mention *e = &d->ents[k];
    if (e->type != RCP_ENT_PLACE || !e->canon || e->canon[0] != 'c' || e->canon[1] != ':') continue;
    int x = ru_cty_index(ids, &nid, e->canon);
    if (x < 0) continue;
    while (sec + 1 < nsec && e->off >= secoff[sec + 1]) { sec++; sec_done = 0; }
    if (!sec_done) { seclead[x] = 1; sec_done = 1; }
    if ((int64_t)e->sent != last_sent) {   /* the sentence's first country */
      last_sent = e->sent;
      ri->csents++;
      cnt0[x]++;
      if (e->sent < d->nsents) {
        const rcp_sentence *s = &d->sents[e->sent];
        uint32_t lim = s->ntok > 2 ? d->toks[s->tok0 + 2].off : s->off + s->len;
        if (e->off < lim) lead0[x] = 1;
      }
    }
  }
  /* 3. the page's protagonist: the person or organisation named in the
  ** most sentences */
  uint64_t pid[RU_MAXC];             /* by the hash of their key */
  int npid = 0, pcnt[RU_MAXC];
  int64_t plast[RU_MAXC];
  for (size_t k = 0; k < d->nents; k++) {
    const rcp_entity_mention *e = &d->ents[k];
    if (e->type != RCP_ENT_PERSON && e->type != RCP_ENT_ORG) continue;
    const char *id = e->canon ? e->canon : e->key;
    if (!id) continue;
    uint64_t h = rcp__hash64(id, strlen(id), 0);
    int x = 0;
    while (x < npid && pid[x] != h) x++;
    if (x == npid) {
      if (npid == RU_MAXC) continue;
      pid[npid] = h; pcnt[npid] = 0; plast[npid] = -1; npid++;
    }
    if ((int64_t)e->sent != plast[x]) { plast[x] = e->sent; pcnt[x]++; }
    if (pcnt[x] > ri->topent) ri->topent = pcnt[x];
  }
  ri->ncty = nid;
  for (int x = 0; x < nid; x++) {
    if (cnt0[x] > ri->top) ri->top = cnt0[x];
    ri->nplace0 += lead0[x];
    ri->nfirst += cnt0[x] > 0;
    ri->nsec_cty += seclead[x];
  }
}

/* A round-up: many section lead-ins ("- La Bavière pressée de
** déconfiner -") whose sections open on different countries, or 3
** lead-ins and 12 countries named (AFP's world wraps under the headline of
** the day's lead item: "Virus: l'UE rouvre ses frontières à 15 pays,
** l'épidémie flambe aux USA"), or countries
** spread over the page: at least 5 named, at least 5 of them the first
** country of some sentence and as many as half the sentences that name one
** (a page about one country's event names others now and then, within the
** sentences about it), none first in more than 40 % of them, and either 3
** of them opening a sentence ("Aux Pays-Bas, les écoles ...") or 4 leading
** a section; or, with 7 or more first in some sentence (a long digest
** whose countries come back), 10 named and 3 opening a sentence or
** leading a section, or 8 named and 3 leading a section.  Measured on a
** hand-labelled sample of the stream (bench/data/roundup_labels.tsv). */
int rcp__cluster_is_roundup(const rcp_doc *d) {
  ru_info ri;
  roundup_info(d, &ri);
  int spread = 10 * ri.top <= 4 * ri.csents;
  /* a protagonist, a person or an organisation named in 6 sentences or
  ** more and in 30 % of them, makes a page about one event (Kabuga's
  ** arrest, which names seven countries of his flight; the EU's list of
  ** the countries it reopens to): a digest's people each live in their
  ** own item (at most 5 sentences and 23 % in the labelled sample) */
  int protagonist = ri.topent >= 6 && 10 * (size_t)ri.topent >= 3 * d->nsents;
  int ru = !protagonist && ((ri.marks >= 6 && ri.nsec_cty >= 3) || (ri.marks >= 3 && ri.ncty >= 12) ||
           (spread && ri.ncty >= 5 && ri.nfirst >= 5 && 2 * ri.nfirst >= ri.csents &&
            (ri.nplace0 >= 3 || ri.nsec_cty >= 4)) ||
           (spread && ri.nfirst >= 7 && ((ri.ncty >= 10 && (ri.nplace0 >= 3 || ri.nsec_cty >= 3)) ||
                                         (ri.ncty >= 8 && ri.nsec_cty >= 3))));
#ifdef RCP_CLUSTER_TRACE
  fprintf(stderr, "R %lld %d %d %d %d %d %d %zu %d %d %d\n", (long long)d->rowid, ri.marks, ri.nsec_cty,
          ri.ncty, ri.csents, ri.top, ri.nplace0, d->nsents, ri.nfirst, ri.topent, ru);
#endif
  return ru;
}

/* A daily bulletin: a title that gives the figures of the last 24 hours
** ("Coronavirus : 57 nouveaux décès en 24 heures", "588 de plus en 24h",
** "ces dernières 24 heures", "in the past 24 hours"), a "bilan
** quotidien", or the new cases or deaths of an epidemic ("833 nouveaux
** décès", "new cases").  Each day's bulletin tells that day's figures:
** another event, as the next episode of a recurring title is
** (docs/stories.md, "Daily bulletins").  "24" must follow one of the
** words below: "les 24 Heures du Mans", "24 heures dans la vie de
** Nairobi" and "sous surveillance 24 heures sur 24" are no bulletins. */
int rcp__cluster_is_bulletin(const char *t) {
  static const char *const before[] = { "en", "sur", "depuis", "dernières", "dernieres",
                                        "in", "past", "last", "over" };
  if (!t) return 0;
  for (const char *q = t; (q = strstr(q, "24")) != NULL; q += 2) {
    if (q > t && isalnum((unsigned char)q[-1])) continue;
    const char *h = q + 2;
    if (*h == ' ') h++;
    if (!(*h == 'h' || *h == 'H')) continue;
    if (isalpha((unsigned char)h[1]) && strncasecmp(h, "heure", 5) != 0 && strncasecmp(h, "hour", 4) != 0)
      continue;
    const char *e = q;
    while (e > t && e[-1] == ' ') e--;
    const char *b = e;
    while (b > t && b[-1] != ' ' && b[-1] != '\'' && b[-1] != '(') b--;
    for (size_t k = 0; k < sizeof before / sizeof *before; k++)
      if (strlen(before[k]) == (size_t)(e - b) && strncasecmp(b, before[k], (size_t)(e - b)) == 0) return 1;
  }
  static const char *const phr[] = { "bilan quotidien", "nouveaux cas", "nouveaux décès",
                                     "nouvelles contaminations", "new cases", "new deaths" };
  char low[512];                     /* the title in ASCII lower case (a long one: its start) */
  size_t n = 0;
  for (; t[n] && n + 1 < sizeof low; n++) low[n] = (char)tolower((unsigned char)t[n]);
  low[n] = 0;
  for (size_t k = 0; k < sizeof phr / sizeof *phr; k++)
    if (strstr(low, phr[k])) return 1;
  return 0;
}

int rcp__cluster_doc(rcp_clusterer *c, const rcp_doc *d, const rcp_rel *rels,
                     size_t nrels, int64_t *story_out) {
  *story_out = 0;
  if (c->npend == c->cpend) {
    size_t ncap = c->cpend ? c->cpend * 2 : 64;
    pend *p = rcp__realloc(c->pend, ncap * sizeof *p);
    if (!p) return RCP_ENOMEM;
    c->pend = p; c->cpend = ncap;
  }
  pend *p = &c->pend[c->npend];
  memset(p, 0, sizeof *p);
  /* copied out of the document: it is freed before the flush */
  p->rowid = d->rowid;
  p->pub_time = d->pub_time;
  p->exact[0] = d->fp.exact[0];
  p->exact[1] = d->fp.exact[1];
  p->ext_id = rcp__strdup(d->id ? d->id : "");
  p->title = d->title ? rcp__strdup(d->title) : NULL;
  const char *lang = d->language ? d->language : d->lang;
  if (lang) { strncpy(p->lang, lang, sizeof p->lang - 1); }
  p->title_h = title_hash(d->title);
  p->ru = c->p.roundup && rcp__cluster_is_roundup(d);
  p->bul = c->p.bulletin && rcp__cluster_is_bulletin(d->title);
  int64_t ed = event_day(d);
  p->pday = local_day(d);
  p->day = ed != INT64_MIN ? ed : p->pday;
  if (p->day == INT64_MIN) p->day = url_day(d->url);   /* no date written: the URL's */
  int rc = (!p->ext_id || (d->title && !p->title)) ? RCP_ENOMEM : RCP_OK;
  if (rc == RCP_OK) rc = doc_features(d, &p->f, &p->nf);
  if (rc == RCP_OK && nrels) {
    p->rel = rcp__malloc(nrels * sizeof *p->rel);
    if (!p->rel) rc = RCP_ENOMEM;
    for (size_t i = 0; rc == RCP_OK && i < nrels; i++) {
      p->rel[p->nrel].other = rels[i].other;
      /* copies and updates belong to the same story; a rewrite counts by its
      ** score.  A copy, or an update that kept most of its original (score
      ** >= 0.8: the page revised), may also join across a recurring title;
      ** a looser "update" is what the next episode of a daily series
      ** ("le point sur la pandémie") looks like to the relate stage. */
      int strong = rels[i].kind && strcmp(rels[i].kind, "rewrite") != 0;
      p->rel[p->nrel].score = strong ? 1.0f : (float)rels[i].score;
      p->rel[p->nrel].copy = rels[i].kind && (strcmp(rels[i].kind, "duplicate") == 0 ||
                                               strcmp(rels[i].kind, "near_duplicate") == 0 ||
                                               (strcmp(rels[i].kind, "update") == 0 && rels[i].score >= 0.8));
#ifdef RCP_CLUSTER_TRACE
      fprintf(stderr, "REL %lld %lld %s %.3f %d\n", (long long)d->rowid, (long long)rels[i].other,
              rels[i].kind ? rels[i].kind : "-", rels[i].score, rels[i].direction);
#endif
      p->nrel++;
    }
  }
  if (rc != RCP_OK) { pend_clear(p); return rc; }
  c->npend++;
  return RCP_OK;
}

/* ================================================================== */
/* Clustering a batch                                                 */
/* ================================================================== */

static int pend_cmp(const void *a, const void *b) {
  const pend *x = a, *y = b;
  /* without a publication time, the day the text gives; unknown go last */
  int64_t tx = x->pub_time != INT64_MIN ? x->pub_time : x->day != INT64_MIN ? x->day * DAY : INT64_MAX;
  int64_t ty = y->pub_time != INT64_MIN ? y->pub_time : y->day != INT64_MIN ? y->day * DAY : INT64_MAX;
  if (tx != ty) return tx < ty ? -1 : 1;
  if (x->exact[0] != y->exact[0]) return x->exact[0] < y->exact[0] ? -1 : 1;
  if (x->exact[1] != y->exact[1]) return x->exact[1] < y->exact[1] ? -1 : 1;
  int k = strcmp(x->ext_id, y->ext_id);
  if (k) return k;
  return x->rowid < y->rowid ? -1 : x->rowid > y->rowid;
}

static int touch(rcp_clusterer *c, story *s) {
  s->dirty = 1;
  if (s->touched) return RCP_OK;
  if (c->ntouched == c->ctouched) {
    size_t ncap = c->ctouched ? c->ctouched * 2 : 64;
    int64_t *p = rcp__realloc(c->touched, ncap * sizeof *p);
    if (!p) return RCP_ENOMEM;
    c->touched = p; c->ctouched = ncap;
  }
  c->touched[c->ntouched++] = s->id;
  s->touched = 1;
  return RCP_OK;
}

/* Writes story s: live (its state blob), closed (its signature blob, for
** storylines after a restart) or merged away (no blob). */
static int persist(rcp_clusterer *c, story *s, int closed, int64_t merged_into,
                   const sig *g, rcp_buf *b) {
  if (!c->ctx || !c->ctx->store) return RCP_OK;
  rcp_story_rec r;
  memset(&r, 0, sizeof r);
  r.id = s->id; r.first_pub = s->first; r.last_pub = s->last;
  r.event_day = s->dlo == INT64_MIN ? INT64_MIN : s->dlo * DAY;
  r.n_articles = merged_into ? 0 : s->n;
  r.closed = closed || merged_into;
  r.merged_into = merged_into;
  r.title = s->title;
  r.language = s->lang[0] ? s->lang : NULL;
  if (!r.closed) {
    RCP_TRY(story_state(s, b));
    r.state = b->p; r.state_len = b->n;
  } else if (g) {
    rcp__buf_reset(b);
    put_u64(b, SIG_MAGIC);
    put_u64(b, g->title_h); put_u64(b, (uint64_t)g->dlo); put_u64(b, (uint64_t)g->dhi);
    put_u64(b, g->nf);
    for (uint32_t k = 0; k < g->nf; k++) {
      uint32_t w;
      memcpy(&w, &g->f[k].w, 4);
      put_u64(b, g->f[k].h);
      put_u64(b, w);
    }
    RCP_TRY(b->err);
    r.state = b->p; r.state_len = b->n;
    r.closed_seq = c->closes;
  }
  return rcp__store_story_put(c->ctx->store, &r);
}

/* Removes story slot i from the live set (closed or merged away). */
static int story_drop(rcp_clusterer *c, uint32_t i) {
  story *s = &c->st[i];
  for (uint32_t k = 0; k < s->c.cap; k++) if (s->c.k[k]) post_del(&c->post, s->c.k[k], i);
  for (uint32_t k = 0; k < s->narts; k++) {
    uint32_t *v = umap_find(&c->art, (uint64_t)s->arts[k].a);
    if (v && *v == i) umap_del(&c->art, (uint64_t)s->arts[k].a);
  }
  c->nlive--;
  return slot_release(c, i);
}

/* ---- the ring of closed stories ------------------------------------ */

static int ring_put(rcp_clusterer *c, const sig *g) {
  if (!c->ring && !(c->ring = rcp__calloc(RING, sizeof *c->ring))) return RCP_ENOMEM;
  uint32_t i = c->ring_next;
  sig *old = &c->ring[i];
  if (old->used) {
    for (uint32_t k = 0; k < old->nf; k++) post_del(&c->rpost, old->f[k].h, i);
    if (old->title_h) post_del(&c->rpost, fkey(FAM_SERIES, old->title_h), i);
  }
  *old = *g;
  old->used = 1;
  old->stamp = 0;
  for (uint32_t k = 0; k < g->nf; k++) RCP_TRY(post_add(&c->rpost, g->f[k].h, i));
  if (g->title_h) RCP_TRY(post_add(&c->rpost, fkey(FAM_SERIES, g->title_h), i));
  c->ring_next = (i + 1) % RING;
  return RCP_OK;
}

/* A closed story's signature, for storylines: the heaviest features of its
** centroid, a fixed share per family (stems 18, title words 6, names 8; no
** numbers: they tell one event from another, not the storyline), each
** family's part normalised to 1, so that it compares with an article or a
** story family by family as live stories do. */
static void story_sig(const story *s, sig *g) {
  static const uint32_t quota[FAM_COUNT] = { 18, 6, 8, 0 };
  feat top[FAM_COUNT][18];
  uint32_t nt[FAM_COUNT] = { 0 };
  memset(g, 0, sizeof *g);
  g->id = s->id; g->dlo = s->dlo; g->dhi = s->dhi; g->title_h = s->title_h;
  for (uint32_t i = 0; i < s->c.cap; i++) {      /* one pass, a small sorted list per family */
    if (!s->c.k[i] || s->c.v[i] <= 0) continue;
    int fm = FAM_OF(s->c.k[i]);
    if (fm >= FAM_COUNT || !quota[fm]) continue;
    feat f = { s->c.k[i], s->c.v[i], (uint8_t)fm }, *t = top[fm];
    uint32_t j = nt[fm] < quota[fm] ? nt[fm]++ : quota[fm];
    if (j == quota[fm] && feat_cmp_w(&f, &t[quota[fm] - 1]) >= 0) continue;
    if (j == quota[fm]) j = quota[fm] - 1;
    while (j > 0 && feat_cmp_w(&f, &t[j - 1]) < 0) { t[j] = t[j - 1]; j--; }
    t[j] = f;
  }
  for (int fm = 0; fm < FAM_COUNT; fm++) {
    double n2 = 0;
    for (uint32_t k = 0; k < nt[fm]; k++) n2 += (double)top[fm][k].w * top[fm][k].w;
    for (uint32_t k = 0; k < nt[fm] && g->nf < SIG_FEATS; k++)
      g->f[g->nf++] = (feat){ top[fm][k].h, (float)(top[fm][k].w / sqrt(n2)), 0 };
  }
  feat_isort(g->f, g->nf, feat_cmp_h);   /* merge-joined with articles */
}

static int load_sig(void *ud, int64_t id, const void *blob, size_t len) {
  rcp_clusterer *c = ud;
  const unsigned char *p = blob, *end = p + len;
  int ok = 1;
  if (get_u64(&p, end, &ok) != SIG_MAGIC || !ok) return RCP_OK;
  sig g;
  memset(&g, 0, sizeof g);
  g.id = id;
  g.title_h = get_u64(&p, end, &ok);
  g.dlo = (int64_t)get_u64(&p, end, &ok);
  g.dhi = (int64_t)get_u64(&p, end, &ok);
  uint64_t nf = get_u64(&p, end, &ok);
  for (uint64_t k = 0; ok && k < nf && k < SIG_FEATS; k++) {
    g.f[k].h = get_u64(&p, end, &ok);
    uint32_t w = (uint32_t)get_u64(&p, end, &ok);
    memcpy(&g.f[k].w, &w, 4);
    if (ok) g.nf++;
  }
  qsort(g.f, g.nf, sizeof g.f[0], feat_cmp_h);
  return ring_put(c, &g);
}

static int close_story(rcp_clusterer *c, uint32_t i, rcp_buf *b) {
  sig g;
  story_sig(&c->st[i], &g);
  RCP_TRY(ring_put(c, &g));
  c->closes++;
  RCP_TRY(persist(c, &c->st[i], 1, 0, &g, b));
  return story_drop(c, i);
}

/* Closes the stories without news for window_days before `now`, in id
** order (not slot order: slots differ after a reload from the store). */
static int id_cmp(const void *a, const void *b) {
  const int64_t *x = a, *y = b;
  return *x < *y ? -1 : *x > *y;
}

static int close_expired(rcp_clusterer *c, rcp_buf *b) {
  if (c->now == INT64_MIN) return RCP_OK;
  int64_t limit = c->now - (int64_t)c->window * DAY;
  size_t n = 0;
  for (uint32_t i = 0; i < c->nst; i++) {
    story *s = &c->st[i];
    if (s->used && s->last != INT64_MIN && s->last < limit) n++;
  }
  if (!n) return RCP_OK;
  int64_t *x = rcp__malloc(n * 2 * sizeof *x);   /* (id, slot) pairs */
  if (!x) return RCP_ENOMEM;
  n = 0;
  for (uint32_t i = 0; i < c->nst; i++) {
    story *s = &c->st[i];
    if (s->used && s->last != INT64_MIN && s->last < limit) { x[2 * n] = s->id; x[2 * n + 1] = i; n++; }
  }
  qsort(x, n, 2 * sizeof *x, id_cmp);
  int rc = RCP_OK;
  for (size_t k = 0; k < n && rc == RCP_OK; k++) rc = close_story(c, (uint32_t)x[2 * k + 1], b);
  rcp__free(x);
  return rc;
}

/* One similarity from the cosines of the families both sides have. */
static double combine_cap(const rcp_cluster_params *P, const double *cf, const int *present, double cap) {
  double famw[FAM_COUNT] = { P->w_stem, P->w_title, P->w_name, P->w_num };
  double num = 0, den = 0;
  for (int f = 0; f < FAM_COUNT; f++) {
    if (!present[f] || famw[f] <= 0) continue;
    double x = cf[f];
    /* a shared name or number says "same event" only with words that
    ** agree too: one person, or one figure, in otherwise different
    ** wording is another event (Olivier Véran's allowances / Olivier
    ** Véran on the epidemic); at most name_cap times the stems' cosine */
    if ((f == FAM_NAME || f == FAM_NUM) && cap > 0 && present[FAM_STEM] && x > cap * cf[FAM_STEM])
      x = cap * cf[FAM_STEM];
    if (P->geo_eps > 0) num += famw[f] * log(x > P->geo_eps ? x : P->geo_eps);
    else num += famw[f] * x;
    den += famw[f];
  }
  if (den <= 0) return 0;
  return P->geo_eps > 0 ? exp(num / den) : num / den;
}

static double combine(const rcp_cluster_params *P, const double *cf, const int *present) {
  return combine_cap(P, cf, present, P->name_cap);
}

/* Similarity of two live stories' centroids, family by family. */
#ifdef RCP_CLUSTER_TRACE
static double g_trace_cf[FAM_COUNT];   /* the last story_sim's cosines, for the trace */
#endif
static double story_sim(const rcp_cluster_params *P, const story *a, const story *b) {
  if (a->c.n > b->c.n) { const story *t = a; a = b; b = t; }
  double dot[FAM_COUNT] = { 0 }, cf[FAM_COUNT];
  int present[FAM_COUNT];
  for (uint32_t i = 0; i < a->c.cap; i++) {
    int f = FAM_OF(a->c.k[i]);
    if (a->c.k[i] && f < FAM_COUNT) dot[f] += (double)a->c.v[i] * fmap_get(&b->c, a->c.k[i]);
  }
  for (int f = 0; f < FAM_COUNT; f++) {
    present[f] = a->nf2[f] > 0 && b->nf2[f] > 0;
    cf[f] = present[f] ? dot[f] / sqrt(a->nf2[f] * b->nf2[f]) : 0;
  }
#ifdef RCP_CLUSTER_TRACE
  memcpy(g_trace_cf, cf, sizeof cf);
#endif
  return combine(P, cf, present);
}

/* Whether s may take an article p at all (a story never spans more than
** the window), and how much the distance in days lowers the similarity. */
static double time_factor(const rcp_clusterer *c, const story *s, const pend *p, int *ok, int64_t *gap) {
  *ok = 1;
  *gap = 0;
  int64_t w = (int64_t)c->window * DAY;
  if (p->pub_time != INT64_MIN && s->first != INT64_MIN) {
    int64_t lo = s->first < p->pub_time ? s->first : p->pub_time;
    int64_t hi = s->last > p->pub_time ? s->last : p->pub_time;
    if (hi - lo > w) { *ok = 0; }
  }
  if (p->day == INT64_MIN && s->dlo == INT64_MIN) return 1.0;
  if (p->day == INT64_MIN || s->dlo == INT64_MIN) return c->p.unk_time;
  int64_t g = p->day < s->dlo ? s->dlo - p->day : p->day > s->dhi ? p->day - s->dhi : 0;
  /* or the publication days, when closer: a date read in the text can be
  ** a background one ("la mort le 25 mai de George Floyd" in a page of
  ** 4 June about a reaction of that day) */
  if (g > 1 && p->pub_time != INT64_MIN && s->first != INT64_MIN) {
    int64_t pd = day_of(p->pub_time), lo = day_of(s->first), hi = day_of(s->last);
    int64_t gp = pd < lo ? lo - pd : pd > hi ? pd - hi : 0;
    if (gp < g) g = gp;
  }
  *gap = g;
  if (g > c->window) *ok = 0;
  return g <= 1 ? 1.0 : exp(-(double)(g - 1) / c->p.tau_days);
}

static void range_add(int64_t *lo, int64_t *hi, int64_t v) {
  if (v == INT64_MIN) return;
  if (*lo == INT64_MIN || v < *lo) *lo = v;
  if (*hi == INT64_MIN || v > *hi) *hi = v;
}

/* Merges live story slot j into slot i (i keeps its id). */
static int story_merge(rcp_clusterer *c, uint32_t i, uint32_t j, rcp_buf *b) {
  story *from = &c->st[j];
  for (uint32_t k = 0; k < from->c.cap; k++) {
    if (!from->c.k[k]) continue;
    feat f = { from->c.k[k], from->c.v[k], 0 };
    RCP_TRY(story_add_vec(c, i, &f, 1));
  }
  story *into = &c->st[i];
  from = &c->st[j];
  for (uint32_t k = 0; k < from->narts; k++) {
    RCP_TRY(art_add(into, from->arts[k].a, from->arts[k].th, from->arts[k].day));
    into = &c->st[i];
    uint32_t *v = umap_find(&c->art, (uint64_t)from->arts[k].a);
    if (v) *v = i;
  }
  from->narts = 0;                /* its articles now belong to i */
  into->n += from->n;
  if (!into->line && from->line != into->id) into->line = from->line;   /* its links move too */
  range_add(&into->first, &into->last, from->first);
  range_add(&into->first, &into->last, from->last);
  range_add(&into->dlo, &into->dhi, from->dlo);
  range_add(&into->dlo, &into->dhi, from->dhi);
  RCP_TRY(touch(c, into));
  if (c->obs.merge) c->obs.merge(c->obs.ud, from->id, into->id);
#ifdef RCP_CLUSTER_TRACE
  fprintf(stderr, "M %lld %lld\n", (long long)from->id, (long long)into->id);
#endif
  if (c->ctx && c->ctx->store) {
    RCP_TRY(persist(c, from, 1, into->id, NULL, b));
    RCP_TRY(rcp__store_story_merge(c->ctx->store, from->id, into->id));
  }
  /* a merged-away story is not reported as touched */
  for (size_t k = 0; k < c->ntouched; k++)
    if (c->touched[k] == from->id) { c->touched[k] = c->touched[--c->ntouched]; break; }
  return story_drop(c, j);
}

typedef struct cand { uint32_t slot; float bonus; double sim; int ok; double hits; int def, copy; } cand;

/* Candidates by shared weight, then older story first.  qsort has no
** user pointer: the story array is passed through this file-level
** variable, set just before the call (the clusterer is single-threaded). */
static const story *g_sort_st;
static int rcand_cmp(const void *a, const void *b) {   /* ring entries: hits, then index */
  const cand *x = a, *y = b;
  if (x->hits != y->hits) return x->hits > y->hits ? -1 : 1;
  return x->slot < y->slot ? -1 : x->slot > y->slot;
}
static int cand_cmp(const void *a, const void *b) {
  const cand *x = a, *y = b;
  if (x->hits != y->hits) return x->hits > y->hits ? -1 : 1;
  int64_t ix = g_sort_st[x->slot].id, iy = g_sort_st[y->slot].id;
  return ix < iy ? -1 : ix > iy;
}

/* The first k of a[0..n) in cmp order, sorted, in a[0..k) (k < n): what
** qsort then truncating gives, since both comparators are total orders,
** without qsort's allocation (quickselect, then insertion sort). */
static void cand_top(cand *a, size_t n, size_t k, int (*cmp)(const void *, const void *)) {
  size_t lo = 0, hi = n - 1;
  cand t;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cmp(&a[mid], &a[lo]) < 0) { t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
    if (cmp(&a[hi], &a[lo]) < 0) { t = a[hi]; a[hi] = a[lo]; a[lo] = t; }
    if (cmp(&a[mid], &a[hi]) < 0) { t = a[mid]; a[mid] = a[hi]; a[hi] = t; }
    size_t st = lo;                /* the median of the three is at hi */
    for (size_t i = lo; i < hi; i++)
      if (cmp(&a[i], &a[hi]) < 0) { t = a[i]; a[i] = a[st]; a[st] = t; st++; }
    t = a[st]; a[st] = a[hi]; a[hi] = t;
    if (st == k) break;
    if (st < k) lo = st + 1; else if (st) hi = st - 1; else break;
  }
  for (size_t i = 1; i < k; i++) {
    t = a[i];
    size_t j = i;
    while (j > 0 && cmp(&t, &a[j - 1]) < 0) { a[j] = a[j - 1]; j--; }
    a[j] = t;
  }
}

static int link_stories(rcp_clusterer *c, int64_t a, int64_t b, double score) {
  if (c->obs.link) c->obs.link(c->obs.ud, a < b ? a : b, a < b ? b : a, "storyline");
  if (c->ctx && c->ctx->store) return rcp__store_story_link(c->ctx->store, a, b, "storyline", score);
  return RCP_OK;
}

/* Links live story slot `at` to the closed story of the ring it is most
** like (its signature against theirs, family by family, numbers left out),
** if that reaches the storyline threshold.  Called as the story grows (at
** 2, 4, 8 ... articles) while it has no storyline: its first article alone
** may say too little of what kind of event it is. */
static int ring_link(rcp_clusterer *c, uint32_t at, cand *rc, size_t ccap) {
  const rcp_cluster_params *P = &c->p;
  if (!c->ring) return RCP_OK;
  sig g;
  story_sig(&c->st[at], &g);
  if (++c->sstamp == 0) { for (uint32_t i = 0; i < RING; i++) c->ring[i].stamp = 0; c->sstamp = 1; }
  size_t nr = 0;
  for (uint32_t k = 0; k < g.nf; k++) {
    if (FAM_OF(g.f[k].h) == FAM_NUM) continue;
    plist *l = pmap_find(&c->rpost, g.f[k].h);
    if (!l || l->n > (uint32_t)P->max_post / 4) continue;
    for (uint32_t x = 0; x < l->n; x++) {
      sig *e = &c->ring[l->s[x]];
      if (e->stamp == c->sstamp) { rc[e->cidx].hits += g.f[k].w; continue; }
      if (nr == ccap) continue;
      e->stamp = c->sstamp;
      e->cidx = (uint32_t)nr;
      rc[nr++] = (cand){ l->s[x], 0, 0, 0, g.f[k].w, 0, 0 };
    }
  }
  if (nr > (size_t)P->max_cands) { cand_top(rc, nr, (size_t)P->max_cands, rcand_cmp); nr = (size_t)P->max_cands; }
  int64_t lid = 0;
  double lsim = 0;
  for (size_t r = 0; r < nr; r++) {
    const sig *e = &c->ring[rc[r].slot];
    if (e->id == g.id) continue;
    double dotf[FAM_COUNT] = { 0 };
    int pa[FAM_COUNT] = { 0 }, pb[FAM_COUNT] = { 0 }, present[FAM_COUNT];
    for (uint32_t z = 0; z < g.nf; z++) if (FAM_OF(g.f[z].h) < FAM_COUNT) pa[FAM_OF(g.f[z].h)] = 1;
    for (uint32_t z = 0; z < e->nf; z++) if (FAM_OF(e->f[z].h) < FAM_COUNT) pb[FAM_OF(e->f[z].h)] = 1;
    for (uint32_t a = 0, z = 0; a < g.nf && z < e->nf;) {   /* both sorted by key */
      if (g.f[a].h < e->f[z].h) a++;
      else if (g.f[a].h > e->f[z].h) z++;
      else { if (FAM_OF(g.f[a].h) < FAM_COUNT) dotf[FAM_OF(g.f[a].h)] += (double)g.f[a].w * e->f[z].w; a++; z++; }
    }
    for (int fm = 0; fm < FAM_COUNT; fm++) present[fm] = pa[fm] && pb[fm] && fm != FAM_NUM;
    double cs = combine(P, dotf, present);
    if (cs >= P->storyline && (!lid || cs > lsim || (cs == lsim && e->id < lid))) { lid = e->id; lsim = cs; }
  }
  if (!lid) return RCP_OK;
  c->st[at].line = lid;
  return link_stories(c, lid, g.id, lsim);
}

/* The ring is searched again each time the story has doubled its articles
** since the last search (2, 4, 8 ...), while it has no storyline. */
static int line_check(rcp_clusterer *c, uint32_t at, cand *rc, size_t ccap) {
  story *s = &c->st[at];
  if (s->line || s->n < 2 || s->n < 2 * s->lchk) return RCP_OK;
  s->lchk = s->n;
  return ring_link(c, at, rc, ccap);
}

/* Whether a story other than s holds the title th: a live one, or a
** closed one of the ring (by the title of its first page). */
static int title_elsewhere(const rcp_clusterer *c, const story *s, uint64_t th) {
  const plist *l = pmap_find(&c->post, fkey(FAM_SERIES, th));
  for (uint32_t x = 0; l && x < l->n; x++)
    if (&c->st[l->s[x]] != s) return 1;
  l = c->ring ? pmap_find(&c->rpost, fkey(FAM_SERIES, th)) : NULL;
  return l && l->n > 0;
}

/* ---- round-ups (docs/stories.md, "Round-ups") ----------------------
** A story counts its round-up pages in the weight of one key of its
** centroid (family FAM_RU: no similarity reads it; saved with the state). */
static uint64_t ru_key(void) { return fkey(FAM_RU, 1); }
static uint64_t bul_key(void) { return fkey(FAM_RU, 2); }   /* counts a story's bulletins */

/* Whether a story is mostly daily bulletins (rcp__cluster_is_bulletin). */
static int bul_story(const story *s) {
  float b = fmap_get(&s->c, bul_key());
  return b > 0 && 2 * b >= (float)s->n;
}

/* Whether story s holds a page of title th on day `day` (publication day,
** else event day): another edition of that page. */
static int ru_has_edition(const story *s, uint64_t th, int64_t day) {
  for (uint32_t k = 0; th && day != INT64_MIN && k < s->narts; k++)
    if (s->arts[k].th == th && s->arts[k].day == day) return 1;
  return 0;
}

/* Whether page p may join story s: 0 yes; 1 no, both are round-ups
** (another digest: a storyline); 2 no.  A round-up and a story holding
** pages of another kind come together only as copies (the relate stage's
** duplicate, near duplicate, or update that kept most of its original).
** A round-up joins a story of round-ups as another edition of one of its
** pages (same title, same publication day: the day's "point sur la
** pandémie" at 08:00 and at 19:10), as an update of one of them (a
** digest revised under a new title), or at roundup_join. */
static int ru_block(const rcp_cluster_params *P, const story *s, const pend *p, int copy, double rel,
                    double sim) {
  float rs = fmap_get(&s->c, ru_key());
  if (rs <= 0 && !p->ru) return 0;
  if (copy) return 0;
  if (p->ru && rs >= (float)s->n) {
    int64_t day = p->pday != INT64_MIN ? p->pday : p->day;
    return ru_has_edition(s, p->title_h, day) || rel >= 1 || sim >= P->roundup_join ? 0 : 1;
  }
  return 2;
}

/* Whether two live stories may merge: not a story of round-ups with one
** that holds other pages; two stories of round-ups when they hold
** editions of one page or at roundup_join. */
static int ru_merge_block(const rcp_cluster_params *P, const story *a, const story *o, double ss) {
  float ra = fmap_get(&a->c, ru_key()), ro = fmap_get(&o->c, ru_key());
  if (ra <= 0 && ro <= 0) return 0;
  if (ra >= (float)a->n && ro >= (float)o->n) {
    for (uint32_t k = 0; k < o->narts; k++) if (ru_has_edition(a, o->arts[k].th, o->arts[k].day)) return 0;
    return ss < P->roundup_join;
  }
  return 1;
}

static int cluster_one(rcp_clusterer *c, pend *p, feat *v, feat *vh, cand *cd, cand *rc,
                       size_t ccap, rcp_buf *b) {
  const rcp_cluster_params *P = &c->p;
  if (p->pub_time != INT64_MIN && (c->now == INT64_MIN || p->pub_time > c->now)) {
    int64_t old = c->now;
    c->now = p->pub_time;
    if (old == INT64_MIN || day_of(old) != day_of(c->now)) RCP_TRY(close_expired(c, b));
  }
  /* 1. document frequencies, then the weighted vector */
  c->ndocs++;
  c->df_dirty = 1;
  double famw[FAM_COUNT] = { P->w_stem, P->w_title, P->w_name, P->w_num };
  uint32_t famcap[FAM_COUNT] = { (uint32_t)P->max_feats, 32, (uint32_t)P->max_feats / 2 + 1, 24 };
  uint32_t nv = 0;
  for (uint32_t k = 0; k < p->nf; k++) {
    if (k + 8 < p->nf) {           /* the sketch is 8 MB: fetch ahead */
      uint64_t h8 = p->f[k + 8].h;
      __builtin_prefetch(&c->df[h8 & (DF_SIZE - 1)], 1);
      __builtin_prefetch(&c->df[DF_SIZE + ((h8 >> 32) & (DF_SIZE - 1))], 1);
    }
    df_add(c, p->f[k].h);          /* the features are distinct: counting then */
    uint32_t df = df_get(c, p->f[k].h);   /* reading each at once is the same */
    double idf = log(1.0 + (double)c->ndocs / (df ? df : 1));
    double w = (1.0 + log(p->f[k].w)) * idf;
    if (w > 0 && famw[p->f[k].fam] > 0) v[nv++] = (feat){ p->f[k].h, (float)w, p->f[k].fam };
  }
  /* each family keeps its heaviest features and is normalised on its own:
  ** the similarity is a weighted mean of one cosine per family.  Grouped
  ** by family (counting sort), cut by selection, no full sort. */
  uint32_t cnt[FAM_COUNT + 1] = { 0 }, at0[FAM_COUNT + 1];
  for (uint32_t k = 0; k < nv; k++) cnt[v[k].fam]++;
  at0[0] = 0;
  for (int fm = 0; fm < FAM_COUNT; fm++) at0[fm + 1] = at0[fm] + cnt[fm];
  {
    uint32_t pos[FAM_COUNT];
    memcpy(pos, at0, sizeof pos);
    for (uint32_t k = 0; k < nv; k++) vh[pos[v[k].fam]++] = v[k];
  }
  uint32_t m = 0;
  int dfam[FAM_COUNT] = { 0 };
  for (int fm = 0; fm < FAM_COUNT; fm++) {
    feat *g = vh + at0[fm];
    uint32_t n = cnt[fm], keep = n < famcap[fm] ? n : famcap[fm];
    if (keep < n) select_top(g, n, keep);
    double n2 = 0;
    for (uint32_t x = 0; x < keep; x++) n2 += (double)g[x].w * g[x].w;
    for (uint32_t x = 0; x < keep; x++) v[m++] = (feat){ g[x].h, (float)(g[x].w / sqrt(n2)), g[x].fam };
    dfam[fm] = keep > 0;
  }
  nv = m;
  /* the heaviest features first (they find the candidates) */
  uint32_t qn = nv < (uint32_t)P->query_feats ? nv : (uint32_t)P->query_feats;
  if (qn < nv) select_top(v, nv, qn);
  feat_isort(v, qn, feat_cmp_w);
  int vh_sorted = 0;   /* vh: v by key, made when the ring needs it */
  /* 2. candidates: stories sharing a top feature (each scored by the
  ** weight it shares: only the max_cands best are compared in full),
  ** stories with the same title, stories of related articles */
  size_t nc = 0;
  if (++c->stamp == 0) { for (uint32_t i = 0; i < c->nst; i++) c->st[i].stamp = 0; c->stamp = 1; }
  uint32_t q = nv < (uint32_t)P->query_feats ? nv : (uint32_t)P->query_feats;
  for (uint32_t k = 0; k <= q; k++) {
    plist *l = k < q ? pmap_find(&c->post, v[k].h)
             : p->title_h ? pmap_find(&c->post, fkey(FAM_SERIES, p->title_h)) : NULL;
    if (!l || (k < q && l->n > (uint32_t)P->max_post)) continue;  /* too common to point anywhere */
    double hit = k < q ? v[k].w : 1e9;
    for (uint32_t x = 0; x < l->n; x++) {
      story *s = &c->st[l->s[x]];
      if (s->stamp == c->stamp) { cd[s->cidx].hits += hit; continue; }
      if (nc == ccap) continue;
      s->stamp = c->stamp;
      s->cidx = (uint32_t)nc;
      cd[nc++] = (cand){ l->s[x], 0, 0, 0, hit, 0, 0 };
    }
  }
  for (uint32_t r = 0; r < p->nrel; r++) {
    uint32_t *slot = umap_find(&c->art, (uint64_t)p->rel[r].other);
    if (!slot) continue;
    story *s = &c->st[*slot];
    if (s->stamp != c->stamp) {
      if (nc == ccap) continue;
      s->stamp = c->stamp;
      s->cidx = (uint32_t)nc;
      cd[nc++] = (cand){ *slot, 0, 0, 0, 0, 0, 0 };
    }
    cd[s->cidx].hits += 1e9;
    if (p->rel[r].score > cd[s->cidx].bonus) cd[s->cidx].bonus = p->rel[r].score;
    if (p->rel[r].copy) cd[s->cidx].copy = 1;
  }
  if (nc > (size_t)P->max_cands) {
    g_sort_st = c->st;
    cand_top(cd, nc, (size_t)P->max_cands, cand_cmp);
    nc = (size_t)P->max_cands;
  }
  /* a candidate that shares far less of the article's heaviest weight than
  ** the best one cannot come close to it: not compared in full (found by
  ** title or by a relation: always compared) */
  double maxq = 0;
  for (size_t k = 0; k < nc; k++) if (fmod(cd[k].hits, 1e9) > maxq) maxq = fmod(cd[k].hits, 1e9);
  /* 3. the best live story (ties: the older id).  A story the article
  ** cannot join (time, series) matters only for a storyline, which only a
  ** new story gets: its full comparison waits until that is known. */
  int64_t pday = p->pday != INT64_MIN ? p->pday : p->day;  /* for series */
  int64_t best = -1, line = -1;
  double bsim = 0, lsim = 0;
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1 && best >= 0 && bsim >= P->join) break;   /* it joins: no storyline */
    for (size_t k = 0; k < nc; k++) {
      story *s = &c->st[cd[k].slot];
      if (pass == 0) {
        cd[k].def = 0;
        if (cd[k].hits < 1e9 && cd[k].hits < P->prune * maxq) { cd[k].sim = 0; cd[k].ok = 0; continue; }
      } else if (!cd[k].def) continue;
      int ok;
      int64_t gap;
      double tf = time_factor(c, s, p, &ok, &gap);
      /* a recurring title ("le point sur la pandémie") already in the story
      ** on another day: another episode of a series, another story (unless
      ** the page is a copy of one of its articles, or an update that kept most
      ** of it; a daily episode reads as a looser
      ** "update" of the day before) */
      int series = 0, titled = 0;
      for (uint32_t m2 = 0; p->title_h && m2 < s->narts && !series; m2++) {
        titled |= s->arts[m2].th == p->title_h;
        series = s->arts[m2].th == p->title_h && s->arts[m2].day != pday;
      }
      /* ... but a page the relate stage calls an update of one of the
      ** story's pages, under a title the story holds, is that page
      ** revised (series_update): it joins as a copy would.  Across days
      ** only if no other story holds the title (live, or closed in the
      ** ring): an episode's title is held by the series' earlier stories,
      ** a page revised and republished the next morning ("Virus : la
      ** Hongrie referme ses frontières" at 22:20, longer at 08:20) has only
      ** its original.  The round-up rule lets it in too: the detector can
      ** tell the two versions apart (the longer one names more countries) */
      int revised = P->series_update && titled && !cd[k].copy && cd[k].bonus >= 1.0f &&
                    (!series || !title_elsewhere(c, s, p->title_h));
      if (revised) series = 0;
      if (series && !cd[k].copy) ok = 0;
      if (pass == 0 && !ok) { cd[k].sim = 0; cd[k].ok = 0; cd[k].def = 1; continue; }
      double dotf[FAM_COUNT] = { 0 };
      for (uint32_t x = 0; x < nv; x++) {
        if (x + 6 < nv) __builtin_prefetch(&s->c.k[(uint32_t)v[x + 6].h & (s->c.cap - 1)]);
        dotf[v[x].fam] += (double)v[x].w * fmap_get(&s->c, v[x].h);
      }
      double cf[FAM_COUNT];
      int present[FAM_COUNT];
      for (int fm = 0; fm < FAM_COUNT; fm++) {
        present[fm] = dfam[fm] && (s->nf2[fm] > 0 || P->geo_eps <= 0) && !(series && fm == FAM_TITLE);
        cf[fm] = present[fm] && s->nf2[fm] > 0 ? dotf[fm] / sqrt(s->nf2[fm]) : 0;
      }
      /* a page of a later publication day than the story's last: the
      ** names and numbers count at most name_cap_later (1) times the
      ** stems' cosine (the same person or country on another day, in
      ** other words, is how a topic chained day by day on the stream), and
      ** its similarity counts later_w (0.9) times (a new day brings new
      ** events on the day before's topics) */
      int later = p->pub_time != INT64_MIN && s->last != INT64_MIN && day_of(p->pub_time) > day_of(s->last);
      double cs = later && P->name_cap_later > 0 ? combine_cap(P, cf, present, P->name_cap_later)
                                                 : combine(P, cf, present);
      double sim = cs * tf * (later ? P->later_w : 1.0);
      int rub = P->roundup && ok ? ru_block(P, s, p, cd[k].copy || revised, cd[k].bonus, cs * tf) : 0;
      if (rub) ok = 0;
      /* a daily bulletin of a later day than the story's last, or any page
      ** of a later day against a story of bulletins: another day's figures */
      if (ok && P->bulletin && later && !cd[k].copy && !revised && (p->bul || bul_story(s))) ok = 0;
      if (ok && cd[k].bonus > sim) sim = cd[k].bonus;
      cd[k].sim = ok ? sim : 0;
      cd[k].ok = ok;
#ifdef RCP_CLUSTER_TRACE
      /* a debugging build (docs/stories.md): one line per comparison */
      fprintf(stderr, "T %lld %lld %u %.4f %.4f %.3f %d %lld %.3f %.4f %.4f %.4f %.4f %d %u\n",
              (long long)p->rowid, (long long)s->id, s->n, sim, cs, tf, later, (long long)gap,
              cd[k].bonus, cf[0], cf[1], cf[2], cf[3], ok, s->narts);
#endif
      /* an earlier story of the same kind this one cannot join: a storyline */
      if ((!ok || gap >= 2 || series) && rub != 2) {   /* an event is no episode of a round-up */
        int pl[FAM_COUNT];             /* numbers name an event, not a storyline */
        memcpy(pl, present, sizeof pl);
        pl[FAM_NUM] = 0;
        double lc = combine(P, cf, pl);
        if (lc >= P->storyline || series) {
          double ls = series || rub == 1 ? 1.0 + lc : lc;   /* another edition of a round-up */
          if (line < 0 || ls > lsim || (ls == lsim && s->id < c->st[line].id)) { line = cd[k].slot; lsim = ls; }
        }
      }
      if (!ok) continue;
      if (best < 0 || sim > bsim || (sim == bsim && s->id < c->st[best].id)) {
        best = cd[k].slot; bsim = sim;
      }
    }
  }
  uint32_t at;
  if (best >= 0 && bsim >= P->join) {
    at = (uint32_t)best;
  } else {
    at = slot_new(c);
    if (at == UINT32_MAX) return RCP_ENOMEM;
    story *s = &c->st[at];
    s->used = 1;
    s->id = c->next_id++;
    s->first = s->last = INT64_MIN;
    s->dlo = s->dhi = INT64_MIN;
    s->title_h = p->title_h;
    s->title = p->title; p->title = NULL;          /* moved */
    if (p->title_h) {              /* weight 0: found by title, adds no similarity */
      feat tk = { fkey(FAM_SERIES, p->title_h), 0, FAM_SERIES };
      RCP_TRY(story_add_vec(c, at, &tk, 1));
    }
    memcpy(s->lang, p->lang, sizeof s->lang);
    c->nlive++;
    int64_t lid = line >= 0 ? c->st[line].id : 0;
    if (!lid && c->ring) {          /* a closed story of the same kind */
      if (++c->sstamp == 0) { for (uint32_t i = 0; i < RING; i++) c->ring[i].stamp = 0; c->sstamp = 1; }
      size_t nr = 0;
      for (uint32_t k = 0; k <= q; k++) {
        plist *l = k < q ? pmap_find(&c->rpost, v[k].h)
                 : p->title_h ? pmap_find(&c->rpost, fkey(FAM_SERIES, p->title_h)) : NULL;
        if (!l || (k < q && l->n > (uint32_t)P->max_post / 4)) continue;
        double hit = k < q ? v[k].w : 1e9;
        for (uint32_t x = 0; x < l->n; x++) {
          sig *g = &c->ring[l->s[x]];
          if (g->stamp == c->sstamp) { rc[g->cidx].hits += hit; continue; }
          if (nr == ccap) continue;
          g->stamp = c->sstamp;
          g->cidx = (uint32_t)nr;
          rc[nr++] = (cand){ l->s[x], 0, 0, 0, hit, 0, 0 };
        }
      }
      if (nr > (size_t)P->max_cands) { cand_top(rc, nr, (size_t)P->max_cands, rcand_cmp); nr = (size_t)P->max_cands; }
      if (nr && !vh_sorted) {
        memcpy(vh, v, nv * sizeof *v);
        feat_sort_h(vh, nv);
        vh_sorted = 1;
      }
      for (size_t r = 0; r < nr; r++) {
        const sig *g = &c->ring[rc[r].slot];
        double dotf[FAM_COUNT] = { 0 };
        int present[FAM_COUNT] = { 0 };
        for (uint32_t z = 0; z < g->nf; z++) if (FAM_OF(g->f[z].h) < FAM_COUNT) present[FAM_OF(g->f[z].h)] = 1;
        for (uint32_t a = 0, z = 0; a < nv && z < g->nf;) {   /* both sorted by key */
          if (vh[a].h < g->f[z].h) a++;
          else if (vh[a].h > g->f[z].h) z++;
          else { dotf[vh[a].fam] += (double)vh[a].w * g->f[z].w; a++; z++; }
        }
        for (int fm = 0; fm < FAM_COUNT; fm++) present[fm] = present[fm] && dfam[fm];
        present[FAM_NUM] = 0;          /* numbers name an event, not a storyline */
        double cs = combine(P, dotf, present);
        int series = p->title_h && p->title_h == g->title_h;
        if (cs < P->storyline && !series) continue;
        double ls = series ? 1.0 + cs : cs;
        if (!lid || ls > lsim || (ls == lsim && g->id < lid)) { lid = g->id; lsim = ls; }
      }
    }
    if (lid) RCP_TRY(link_stories(c, lid, s->id, lsim > 1 ? lsim - 1 : lsim));
    c->st[at].line = lid;
  }
  RCP_TRY(story_add_vec(c, at, v, nv));
  if (p->ru) {                     /* counted by the weight of one key */
    feat rk = { ru_key(), 1, FAM_RU };
    RCP_TRY(story_add_vec(c, at, &rk, 1));
  }
  if (p->bul) {
    feat bk = { bul_key(), 1, FAM_RU };
    RCP_TRY(story_add_vec(c, at, &bk, 1));
  }
  story *s = &c->st[at];
  int newtitle = p->title_h != 0;
  for (uint32_t k = 0; k < s->narts && newtitle; k++) if (s->arts[k].th == p->title_h) newtitle = 0;
  RCP_TRY(art_add(s, p->rowid, p->title_h, pday));
  if (newtitle && at != UINT32_MAX && s->n > 0) {   /* found by this title too (weight 0) */
    feat tk = { fkey(FAM_SERIES, p->title_h), 0, FAM_SERIES };
    RCP_TRY(story_add_vec(c, at, &tk, 1));
    s = &c->st[at];
  }
  uint32_t *slot = umap_put(&c->art, (uint64_t)p->rowid);
  if (!slot) return RCP_ENOMEM;
  *slot = at;
  s->n++;
  RCP_TRY(line_check(c, at, rc, ccap));
  s = &c->st[at];
  range_add(&s->first, &s->last, p->pub_time);
  range_add(&s->dlo, &s->dhi, p->day);
  RCP_TRY(touch(c, s));
  if (c->obs.assign) c->obs.assign(c->obs.ud, p->rowid, s->id);
#ifdef RCP_CLUSTER_TRACE
  fprintf(stderr, "A %lld %lld\n", (long long)p->rowid, (long long)s->id);
#endif
  if (c->ctx && c->ctx->store) RCP_TRY(rcp__store_story_add_article(c->ctx->store, s->id, p->rowid));
  /* 4. an article that bridges two live stories about one event merges
  ** them: the story it joined against the others it came close to, by
  ** their centroids (the older id survives) */
  if (at == (uint32_t)best) {
    for (int round = 0; round < 4; round++) {
      int64_t pick = -1;
      double psim = 0;
      for (size_t k = 0; k < nc; k++) {
        if (!cd[k].ok || cd[k].slot == at || !c->st[cd[k].slot].used) continue;
        if (cd[k].sim < P->join * P->merge_pre) continue;
        story *o = &c->st[cd[k].slot], *a = &c->st[at];
        int64_t lo = a->first, hi = a->last;
        range_add(&lo, &hi, o->first);
        range_add(&lo, &hi, o->last);
        if (lo != INT64_MIN && hi - lo > (int64_t)c->window * DAY) continue;
        double ss = story_sim(P, a, o);
        if (P->roundup && ru_merge_block(P, a, o, ss)) continue;
        /* pages of one title on two days in one story: episodes of a
        ** series, unless the two stories are near copies of each other
        ** (a page republished the next day, with its copies) */
        int series = 0;
        for (uint32_t x = 0; x < o->narts && !series; x++)
          for (uint32_t y = 0; o->arts[x].th && y < a->narts && !series; y++)
            series = a->arts[y].th == o->arts[x].th && a->arts[y].day != o->arts[x].day;
        if (series && ss < P->merge_series) continue;
        if ((a->dlo == INT64_MIN) != (o->dlo == INT64_MIN)) ss *= P->unk_time;
        /* a story of one article merges as that article would join:
        ** the join, asked again now that the other story has grown */
        double thr = o->n == 1 ? P->join : P->merge;
        /* ... but when both have publication days (a stream read in
        ** publication order, not ECB+'s undated pages), a page of another
        ** day that stayed alone was not left out by the order: the
        ** similarity decays with the gap in publication days,
        ** exp(-gap / tau_days) from the first day (the one-article merge
        ** chained topics day by day on the stream), and the bar is
        ** merge_one_pub x join (1: a same-day page, often the event's
        ** explainer, merges as before) */
        if (o->n == 1 && P->merge_one_pub > 0 && a->first != INT64_MIN && o->first != INT64_MIN) {
          int64_t alo = day_of(a->first), ahi = day_of(a->last), olo = day_of(o->first), ohi = day_of(o->last);
          int64_t gp = ohi < alo ? alo - ohi : olo > ahi ? olo - ahi : 0;
          if (gp > 0) ss *= exp(-(double)gp / P->tau_days);
          thr = P->join * P->merge_one_pub;
        }
#ifdef RCP_CLUSTER_TRACE
        fprintf(stderr, "MC %lld %lld %lld %u %u %.4f %.4f %.4f %d cf %.3f %.3f %.3f %.3f\n", (long long)p->rowid,
                (long long)a->id, (long long)o->id, a->n, o->n, cd[k].sim, ss, thr, series,
                g_trace_cf[0], g_trace_cf[1], g_trace_cf[2], g_trace_cf[3]);
#endif
        if (ss >= thr && (pick < 0 || ss > psim)) { pick = cd[k].slot; psim = ss; }
      }
      if (pick < 0) break;
      uint32_t i = at, j = (uint32_t)pick;
      if (c->st[j].id < c->st[i].id) { uint32_t t = i; i = j; j = t; }
      for (size_t k = 0; k < nc; k++) if (cd[k].slot == j) cd[k].ok = 0;
      RCP_TRY(story_merge(c, i, j, b));
      at = i;
      RCP_TRY(line_check(c, at, rc, ccap));
    }
  }
  return RCP_OK;
}

static int save_counters(rcp_clusterer *c) {
  rcp_store *s = c->ctx->store;
  rcp_buf b;
  rcp__buf_init(&b, 0);
  put_u64(&b, c->ndocs);
  put_u64(&b, (uint64_t)c->now);
  put_u64(&b, (uint64_t)c->next_id);
  put_u64(&b, (uint64_t)c->closes);
  int rc = b.err ? b.err : rcp__store_cluster_put(s, "counters", b.p, b.n);
  rcp__buf_free(&b);
  if (rc != RCP_OK || !c->df_dirty) return rc;
  rc = save_df(c);
  if (rc == RCP_OK) c->df_dirty = 0;
  return rc;
}

int rcp__cluster_flush(rcp_clusterer *c, int64_t **touched, size_t *ntouched) {
  *touched = NULL;
  *ntouched = 0;
  int rc = RCP_OK;
  rcp_buf b;
  rcp__buf_init(&b, 0);
  if (c->npend) qsort(c->pend, c->npend, sizeof *c->pend, pend_cmp);
  uint32_t maxf = 0;
  for (size_t i = 0; i < c->npend; i++) if (c->pend[i].nf > maxf) maxf = c->pend[i].nf;
  size_t ccap = 4096;
  feat *v = rcp__malloc(((size_t)maxf + 1) * sizeof *v);
  feat *vh = rcp__malloc(((size_t)maxf + 1) * sizeof *vh);
  cand *cd = rcp__malloc(ccap * sizeof *cd), *rcd = rcp__malloc(ccap * sizeof *rcd);
  if (!v || !vh || !cd || !rcd) rc = RCP_ENOMEM;
  for (size_t i = 0; i < c->npend && rc == RCP_OK; i++)
    rc = cluster_one(c, &c->pend[i], v, vh, cd, rcd, ccap, &b);
  rcp__free(rcd);
  rcp__free(v);
  rcp__free(vh);
  rcp__free(cd);
  for (size_t i = 0; i < c->npend; i++) pend_clear(&c->pend[i]);
  c->npend = 0;
  /* no closing here: stories close when a later day arrives (cluster_one),
  ** so where a batch ends changes nothing */
  /* persist the live stories that changed */
  for (uint32_t i = 0; i < c->nst && rc == RCP_OK; i++) {
    story *s = &c->st[i];
    if (!s->used || !s->dirty) continue;
    rc = persist(c, s, 0, 0, NULL, &b);
    s->dirty = 0;
    s->touched = 0;
    rcp__free(s->title);        /* written once, with the story's first row */
    s->title = NULL;
  }
  if (rc == RCP_OK && c->ctx && c->ctx->store) rc = save_counters(c);
  rcp__buf_free(&b);
  if (rc != RCP_OK) return rc;
  *touched = c->touched;
  *ntouched = c->ntouched;
  c->touched = NULL;
  c->ntouched = c->ctouched = 0;
  return RCP_OK;
}
