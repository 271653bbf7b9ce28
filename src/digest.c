/* digest.c -- stage 8: the sourced digest of one story (rcp__digest).
**
** From the story's articles (analyzed, in publication order) and the
** relations among them it adds to the story's JSON object: "title" (the
** headline closest to all the others, not the longest), "language",
** "event_date", "first_published"/"first_publisher", "key_points" (each with
** the articles that carry it and how many independent sources that is),
** "summary" and "summary_sentences", "timeline" (when the articles span
** several days) and "sources" (every article with its role: original, copy,
** rewrite, update, and what it derives from).
**
** Algorithm.  Sentences of every article are prepared (summarize.c) and
** grouped across articles when their content words overlap (Jaccard >= 0.6):
** a group is one statement and the articles that carry it, copied or
** paraphrased.  Independent sources are the connected components of the
** relation graph, also joining articles of one site.  A group's score is its
** centrality (cosine with the story centroid, Radev et al. 2004) times
** 1 + log2(support), support being the independent sources plus 0.3 per
** further article,, plus a lead-position bonus; key points
** are chosen by maximal marginal relevance (Carbonell and Goldstein 1998,
** lambda 0.7) and a group too close to a chosen one (cosine > 0.4) is never
** taken.  The summary is the single-article selection (summarize.c) applied
** to the article closest to the centroid.
**
** Invariants: every sentence shown is a source sentence with its articles;
** boilerplate and sentences that lean on the previous one are never key
** points; output depends only on the view (no clock, ties by position).
** Not here: entities, figures and disagreements (facts stage), rendering.
** Cost bound: at most MAX_DOCS articles (the first and the latest) and
** MAX_SENTS sentences each are read for sentence groups.
*/
#include "recoupe_int.h"

#include <jansson.h> /* json_object_set_new, json_array_append_new */
#include <math.h>    /* sqrt, log2 */
#include <stdlib.h>  /* qsort */
#include <string.h>  /* memset, strcmp */

#define MAX_DOCS 64          /* articles read for sentence groups (bitmask) */
#define FIRST_DOCS 24        /* of which the earliest; the rest the latest */
#define MAX_SENTS 40         /* sentences per article */
#define MIN_WORDS 6
#define MAX_WORDS 70
#define GROUP_JACCARD 0.6
#define MMR_LAMBDA 0.7
#define MAX_REDUNDANT 0.4
#define PARAPHRASE MAX_REDUNDANT
#define MAX_KEY_POINTS 7
#define MIN_KEY_POINTS 3
#define MAX_TIMELINE 10
#define DAY 86400

/* One statement: a sentence and its copies or paraphrases. */
typedef struct group {
  size_t doc, sent;        /* representative: earliest article carrying it */
  uint64_t docs;           /* bitmask over the sampled articles */
  const rcp__sent *s;      /* representative sentence */
  uint64_t *set;           /* sorted unique content words */
  uint32_t nset;
  uint64_t *nums;          /* sorted unique numbers (hashes, also in set) */
  uint32_t nnum;
  int indep;               /* independent sources among docs */
  double support;          /* indep + 0.3 per further article */
  uint32_t pos;            /* smallest sentence index in an article */
  double score;
  bool usable;             /* may be shown alone */
  bool merged;             /* a paraphrase folded into group `into` */
  size_t into;
  bool used;
} group;

typedef struct dctx {
  const rcp_story_view *v;
  rcp_arena *a;
  size_t *sample;          /* view index of sampled article k */
  size_t nsample;
  rcp__sent **sents;       /* per sampled article */
  size_t *nsents;
  int *comp;               /* independence component of each view article */
  group *g;
  size_t ng;
  size_t *gof;             /* group of sentence (per sampled article, flat) */
  size_t *gbase;
} dctx;

/* ------------------------------------------------------------------ */
/* Small helpers                                                      */

static int find(int *p, int x) {
  while (p[x] != x) { p[x] = p[p[x]]; x = p[x]; }
  return x;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

static uint32_t uniq(uint64_t *v, uint32_t n) {
  uint32_t m = 0;
  for (uint32_t i = 0; i < n; i++)
    if (m == 0 || v[m - 1] != v[i]) v[m++] = v[i];
  return m;
}

/* Hashes of the numbers of a sentence, separators removed ("12 000",
** "12,000", "12.000" all give 12000); at most max. */
static uint32_t numbers_of(const char *p, size_t n, uint64_t *out, uint32_t max) {
  uint32_t k = 0;
  for (size_t i = 0; i < n && k < max;) {
    if (!(p[i] >= '0' && p[i] <= '9')) { i++; continue; }
    char digits[32];
    size_t nd = 0;
    while (i < n) {
      if (p[i] >= '0' && p[i] <= '9') { if (nd < sizeof digits) digits[nd++] = p[i]; i++; }
      else if ((p[i] == ' ' || p[i] == ',' || p[i] == '.') && i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '9') i++;
      else if ((unsigned char)p[i] == 0xC2 && i + 2 < n && (unsigned char)p[i + 1] == 0xA0 && p[i + 2] >= '0' && p[i + 2] <= '9') i += 2;
      else if ((unsigned char)p[i] == 0xE2 && i + 3 < n && (unsigned char)p[i + 1] == 0x80 && (unsigned char)p[i + 2] == 0xAF && p[i + 3] >= '0' && p[i + 3] <= '9') i += 3;
      else break;
    }
    out[k++] = rcp__hash64(digits, nd, UINT64_C(0x6e756d62657273));
  }
  return k;
}

static uint32_t inter(const uint64_t *a, uint32_t na, const uint64_t *b, uint32_t nb) {
  uint32_t i = 0, j = 0, k = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else { k++; i++; j++; }
  }
  return k;
}

static double set_cos(const group *x, const group *y) {
  if (!x->nset || !y->nset) return 0;
  return inter(x->set, x->nset, y->set, y->nset) / sqrt((double)x->nset * (double)y->nset);
}

/* Redundancy of two statements: the cosine of their word sets, or 1 when
** they give the same two figures or more and one gives no other ("Longue
** de 8,9 kilomètres, elle compte 17 stations" / "La ligne de 8,9 km
** dessert 17 stations": few words in common, the same facts). */
static double redundancy(const group *x, const group *y) {
  double cs = set_cos(x, y);
  uint32_t nmin = x->nnum < y->nnum ? x->nnum : y->nnum;
  if (nmin >= 2 && inter(x->nums, x->nnum, y->nums, y->nnum) == nmin) return 1.0;
  return cs;
}

static const char *doc_lang(const rcp_doc *d) {
  if (d->lang && strcmp(d->lang, "un") != 0) return d->lang;
  if (d->language && d->language[0]) return d->language;
  return NULL;
}

/* The name readers know a source by: its site, else its URL's host, else
** the file name of its path, else its id (a pointer into d, or a copy of
** the host in a, whose life is the digest's). */
static const char *doc_name(const rcp_doc *d, rcp_arena *a) {
  if (d->site && d->site[0]) return d->site;
  const char *u = d->url ? d->url : d->source;
  if (u && (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0)) {
    const char *h = strstr(u, "://") + 3;
    size_t n = strcspn(h, "/?#");
    char *p = n ? rcp__arena_alloc(a, n + 1) : NULL;
    if (p) { memcpy(p, h, n); p[n] = 0; return p; }
  }
  if (d->source && d->source[0]) {
    const char *b = strrchr(d->source, '/');
    return b && b[1] ? b + 1 : d->source;
  }
  return d->id ? d->id : "";
}


/* ------------------------------------------------------------------ */
/* Independence and roles                                             */

static int components(dctx *c) {
  const rcp_story_view *v = c->v;
  c->comp = rcp__arena_calloc(c->a, v->ndocs ? v->ndocs : 1, sizeof *c->comp);
  if (!c->comp) return rcp__arena_error(c->a);
  for (size_t i = 0; i < v->ndocs; i++) c->comp[i] = (int)i;
  for (size_t r = 0; r < v->nrels; r++) {
    const rcp_story_rel *e = &v->rels[r];
    if (e->a >= v->ndocs || e->b >= v->ndocs) continue;
    int x = find(c->comp, (int)e->a), y = find(c->comp, (int)e->b);
    if (x != y) c->comp[x > y ? x : y] = x < y ? x : y;
  }
  /* one site is one source */
  for (size_t i = 0; i < v->ndocs; i++)
    for (size_t j = 0; j < i; j++)
      if (v->docs[i]->site && v->docs[j]->site && strcmp(v->docs[i]->site, v->docs[j]->site) == 0) {
        int x = find(c->comp, (int)i), y = find(c->comp, (int)j);
        if (x != y) c->comp[x > y ? x : y] = x < y ? x : y;
        break;
      }
  for (size_t i = 0; i < v->ndocs; i++) c->comp[i] = find(c->comp, (int)i);
  return RCP_OK;
}

static int count_indep(const dctx *c, uint64_t docs) {
  int seen[MAX_DOCS];
  int n = 0;
  for (size_t k = 0; k < c->nsample; k++) {
    if (!(docs >> k & 1)) continue;
    int comp = c->comp[c->sample[k]];
    bool dup = false;
    for (int i = 0; i < n; i++) if (seen[i] == comp) { dup = true; break; }
    if (!dup) seen[n++] = comp;
  }
  return n;
}

static const char *role_name(const char *kind) {
  if (!kind) return "original";
  if (strcmp(kind, "duplicate") == 0 || strcmp(kind, "near_duplicate") == 0) return "copy";
  if (strcmp(kind, "rewrite") == 0) return "rewrite";
  if (strcmp(kind, "update") == 0 || strcmp(kind, "contains") == 0) return "update";
  if (strcmp(kind, "translation") == 0) return "translation";
  return kind;
}

/* ------------------------------------------------------------------ */
/* Sentence groups                                                    */

static int sample_docs(dctx *c) {
  const rcp_story_view *v = c->v;
  size_t n = v->ndocs < MAX_DOCS ? v->ndocs : MAX_DOCS;
  c->sample = rcp__arena_calloc(c->a, n ? n : 1, sizeof *c->sample);
  if (!c->sample) return rcp__arena_error(c->a);
  if (v->ndocs <= MAX_DOCS) {
    for (size_t i = 0; i < n; i++) c->sample[i] = i;
  } else {
    for (size_t i = 0; i < FIRST_DOCS; i++) c->sample[i] = i;
    for (size_t i = FIRST_DOCS; i < MAX_DOCS; i++) c->sample[i] = v->ndocs - (MAX_DOCS - i);
  }
  c->nsample = n;
  return RCP_OK;
}

static int build_groups(dctx *c) {
  size_t total = 0;
  c->sents = rcp__arena_calloc(c->a, c->nsample + 1, sizeof *c->sents);
  c->nsents = rcp__arena_calloc(c->a, c->nsample + 1, sizeof *c->nsents);
  c->gbase = rcp__arena_calloc(c->a, c->nsample + 1, sizeof *c->gbase);
  if (!c->sents || !c->nsents || !c->gbase) return rcp__arena_error(c->a);
  for (size_t k = 0; k < c->nsample; k++) {
    const rcp_doc *d = c->v->docs[c->sample[k]];
    RCP_TRY(rcp__sents_of_doc(d, c->a, &c->sents[k], &c->nsents[k]));
    c->gbase[k] = total;
    total += c->nsents[k];
  }
  c->gbase[c->nsample] = total;
  c->gof = rcp__arena_alloc(c->a, (total + 1) * sizeof *c->gof);
  c->g = rcp__arena_calloc(c->a, total + 1, sizeof *c->g);
  if (!c->gof || !c->g) return rcp__arena_error(c->a);
  for (size_t k = 0; k < c->nsample; k++) {
    const rcp_doc *d = c->v->docs[c->sample[k]];
    /* the headline repeated as the first line of the text is not a point */
    uint64_t *tset = NULL;
    uint32_t ntset = 0;
    if (d->title && d->title[0]) {
      rcp__sent *ts = NULL;
      size_t nts = 0;
      RCP_TRY(rcp__sents_of_text(c->a, d->title, strlen(d->title), doc_lang(d), &ts, &nts));
      size_t tot = 0;
      for (size_t q = 0; q < nts; q++) tot += ts[q].ncw;
      tset = rcp__arena_alloc(c->a, (tot + 1) * sizeof *tset);
      if (!tset) return rcp__arena_error(c->a);
      for (size_t q = 0; q < nts; q++) { memcpy(tset + ntset, ts[q].cw, ts[q].ncw * sizeof *tset); ntset += ts[q].ncw; }
      qsort(tset, ntset, sizeof *tset, cmp_u64);
      ntset = uniq(tset, ntset);
    }
    for (size_t i = 0; i < c->nsents[k]; i++) {
      const rcp__sent *s = &c->sents[k][i];
      c->gof[c->gbase[k] + i] = SIZE_MAX;
      if (i >= MAX_SENTS || (s->flags & RCP__SENT_JUNK) || s->nwords < 4 || s->ncw < 2) continue;
      /* content words plus the numbers ("15,000" = "15 000" = "15000"):
      ** figures anchor paraphrases that share few words */
      uint64_t nums[16];
      uint32_t nn = numbers_of(d->text + s->off, s->len, nums, 16);
      uint64_t *set = rcp__arena_alloc(c->a, (s->ncw + nn + 1) * sizeof *set);
      if (!set) return rcp__arena_error(c->a);
      memcpy(set, s->cw, s->ncw * sizeof *set);
      memcpy(set + s->ncw, nums, nn * sizeof *set);
      qsort(set, s->ncw + nn, sizeof *set, cmp_u64);
      uint32_t ns = uniq(set, s->ncw + nn);
      /* join an existing group if close enough */
      size_t best = SIZE_MAX;
      double bestj = GROUP_JACCARD;
      for (size_t g = 0; g < c->ng; g++) {
        group *G = &c->g[g];
        if (G->docs >> k & 1) continue;       /* one sentence per article */
        uint32_t in = inter(set, ns, G->set, G->nset);
        double j = (double)in / (double)(ns + G->nset - in);
        if (j >= bestj) { bestj = j; best = g; }
      }
      (void)d;
      if (best != SIZE_MAX) {
        c->g[best].docs |= (uint64_t)1 << k;
        if (i < c->g[best].pos) c->g[best].pos = (uint32_t)i;
        c->gof[c->gbase[k] + i] = best;
        continue;
      }
      group *G = &c->g[c->ng];
      G->doc = k; G->sent = i; G->s = s;
      G->docs = (uint64_t)1 << k;
      G->set = set; G->nset = ns;
      if (nn) {
        qsort(nums, nn, sizeof *nums, cmp_u64);
        nn = uniq(nums, nn);
        G->nums = rcp__arena_alloc(c->a, nn * sizeof *G->nums);
        if (!G->nums) return rcp__arena_error(c->a);
        memcpy(G->nums, nums, nn * sizeof *G->nums);
        G->nnum = nn;
      }
      G->pos = (uint32_t)i;
      G->usable = !(s->flags & (RCP__SENT_DEP | RCP__SENT_QUESTION | RCP__SENT_NOSTOP)) &&
                  s->nwords >= MIN_WORDS && s->nwords <= MAX_WORDS;
      if (ntset && i < 3) {
        uint32_t in = inter(set, ns, tset, ntset);
        if ((double)in / (double)(ns + ntset - in) >= 0.7) G->usable = false;
      }
      c->gof[c->gbase[k] + i] = c->ng;
      c->ng++;
    }
  }
  return RCP_OK;
}

static size_t slot_of(uint64_t *tk, size_t cap, uint64_t key) {
  uint64_t k = key ? key : 1;
  size_t i = (size_t)(k ^ (k >> 31)) & (cap - 1);
  while (tk[i] && tk[i] != k) i = (i + 1) & (cap - 1);
  tk[i] = k;
  return i;
}

/* Paraphrases: a group whose words are close to those of a group carried
** by more articles (cosine >= PARAPHRASE) joins it, as one statement.
** Leader clustering in order of support, so chains do not drift. */
static int merge_paraphrases(dctx *c) {
  size_t *ord = rcp__arena_alloc(c->a, (c->ng + 1) * sizeof *ord);
  size_t *lead = rcp__arena_alloc(c->a, (c->ng + 1) * sizeof *lead);
  if (!ord || !lead) return rcp__arena_error(c->a);
  for (size_t g = 0; g < c->ng; g++) ord[g] = g;
  /* insertion sort by (articles desc, index asc): stable and deterministic */
  for (size_t i = 1; i < c->ng; i++) {
    size_t x = ord[i], j = i;
    int px = __builtin_popcountll(c->g[x].docs);
    while (j > 0 && __builtin_popcountll(c->g[ord[j - 1]].docs) < px) { ord[j] = ord[j - 1]; j--; }
    ord[j] = x;
  }
  size_t nl = 0;
  for (size_t i = 0; i < c->ng; i++) {
    group *G = &c->g[ord[i]];
    size_t best = SIZE_MAX;
    double bestc = PARAPHRASE;
    for (size_t l = 0; l < nl; l++) {
      group *Lg = &c->g[lead[l]];
      if ((Lg->docs & G->docs) == G->docs) continue;   /* nothing new */
      double cs = set_cos(G, Lg);
      if (cs >= bestc) { bestc = cs; best = lead[l]; }
    }
    if (best == SIZE_MAX) { lead[nl++] = ord[i]; continue; }
    group *Lg = &c->g[best];
    Lg->docs |= G->docs;
    if (G->pos < Lg->pos) Lg->pos = G->pos;
    G->merged = true;
    G->into = best;
    G->usable = false;
  }
  return RCP_OK;
}

/* Centrality of each group against the centroid of all groups. */
static int score_groups(dctx *c) {
  /* centroid: word -> weight, as a merged sorted list */
  /* word -> summed independent sources of the groups using it */
  size_t n = 0;
  for (size_t g = 0; g < c->ng; g++) {
    group *G = &c->g[g];
    G->indep = count_indep(c, G->docs);
    if (G->merged) continue;
    G->support = G->indep + 0.3 * (double)(__builtin_popcountll(G->docs) - G->indep);
    n += G->nset;
  }
  size_t cap = 16;
  while (cap < n * 2 + 2) cap <<= 1;
  uint64_t *tk = rcp__arena_calloc(c->a, cap, sizeof *tk);
  double *tv = rcp__arena_calloc(c->a, cap, sizeof *tv);
  if (!tk || !tv) return rcp__arena_error(c->a);
#define SLOT(key) slot_of(tk, cap, (key))
  /* a paraphrase folded into a statement still says it in other words:
  ** its words count once per article (else a statement that every source
  ** rewrote would look less central than one sentence of one article) */
  for (size_t g = 0; g < c->ng; g++) {
    double w = c->g[g].merged ? (double)__builtin_popcountll(c->g[g].docs) : c->g[g].support;
    for (uint32_t i = 0; i < c->g[g].nset; i++) tv[SLOT(c->g[g].set[i])] += w;
  }
  double norm = 0;
  for (size_t i = 0; i < cap; i++) norm += tv[i] * tv[i];
  norm = sqrt(norm) + 1e-9;
  for (size_t g = 0; g < c->ng; g++) {
    group *G = &c->g[g];
    double dot = 0;
    double own = G->merged ? (double)__builtin_popcountll(G->docs) : G->support;
    for (uint32_t i = 0; i < G->nset; i++) dot += tv[SLOT(G->set[i])] - own;
    double cen = G->nset ? dot / (norm * sqrt((double)G->nset)) : 0;
    G->score = cen * (1.0 + log2(G->support > 1 ? G->support : 1)) +
               0.15 / (1.0 + (double)G->pos) + ((G->s->flags & RCP__SENT_DIGIT) ? 0.02 : 0);
  }
#undef SLOT
  return RCP_OK;
}

/* ------------------------------------------------------------------ */
/* JSON pieces                                                        */

static json_t *articles_of(const dctx *c, uint64_t docs) {
  json_t *a = json_array();
  if (!a) return NULL;
  for (size_t k = 0; k < c->nsample; k++)
    if (docs >> k & 1) json_array_append_new(a, json_string(c->v->docs[c->sample[k]]->id));
  return a;
}

static json_t *sentence_obj(const dctx *c, const group *G) {
  const rcp_doc *d = c->v->docs[c->sample[G->doc]];
  json_t *o = json_object();
  if (!o) return NULL;
  json_object_set_new(o, "text", json_stringn(d->text + G->s->off, G->s->len));
  json_object_set_new(o, "articles", articles_of(c, G->docs));
  json_object_set_new(o, "independent", json_integer(G->indep));
  return o;
}

static int set_new(json_t *obj, const char *key, json_t *val) {
  if (!val) return RCP_ENOMEM;
  return json_object_set_new(obj, key, val) == 0 ? RCP_OK : RCP_ENOMEM;
}

/* ------------------------------------------------------------------ */
/* Parts of the digest                                                */

static size_t pick_title(const dctx *c) {
  const rcp_story_view *v = c->v;
  size_t best = SIZE_MAX;
  double bestv = -1;
  rcp__sent **ts = rcp__arena_calloc(c->a, v->ndocs + 1, sizeof *ts);
  if (!ts) return SIZE_MAX;
  for (size_t i = 0; i < v->ndocs; i++) {
    const rcp_doc *d = v->docs[i];
    size_t n = 0;
    if (!d->title || !d->title[0]) continue;
    if (rcp__sents_of_text(c->a, d->title, strlen(d->title), doc_lang(d), &ts[i], &n) != RCP_OK || n == 0)
      ts[i] = NULL;
    else if (n > 1) {
      /* a title of several sentences: merge their words into the first */
      size_t tot = 0;
      for (size_t k = 0; k < n; k++) tot += ts[i][k].ncw;
      uint64_t *cw = rcp__arena_alloc(c->a, (tot + 1) * sizeof *cw);
      if (!cw) return SIZE_MAX;
      tot = 0;
      for (size_t k = 0; k < n; k++) { memcpy(cw + tot, ts[i][k].cw, ts[i][k].ncw * sizeof *cw); tot += ts[i][k].ncw; }
      ts[i][0].cw = cw; ts[i][0].ncw = (uint32_t)tot;
    }
  }
  for (size_t i = 0; i < v->ndocs; i++) {
    if (!ts[i]) continue;
    double sum = 0;
    uint32_t ni = ts[i][0].ncw;
    for (size_t j = 0; j < v->ndocs; j++) {
      if (j == i || !ts[j] || !ni || !ts[j][0].ncw) continue;
      /* cosine of word sets (lists may repeat: fine for titles) */
      sum += inter(ts[i][0].cw, ni, ts[j][0].cw, ts[j][0].ncw) / sqrt((double)ni * ts[j][0].ncw);
    }
    /* closeness to the key statements: shared words with the top groups */
    double cen = 0;
    for (size_t g = 0; g < c->ng && g < 400; g++)
      if (c->g[g].usable && ni)
        cen += c->g[g].score * inter(ts[i][0].cw, ni, c->g[g].set, c->g[g].nset) / sqrt((double)ni * c->g[g].nset);
    /* very short or very long headlines are rarely the representative one */
    double len = (double)ts[i][0].nwords;
    double val = sum + 0.5 * cen - (len < 4 ? 0.5 : 0) - (len > 25 ? 0.3 : 0);
    if (val > bestv + 1e-12) { bestv = val; best = i; }
  }
  return best;
}

static int event_date(const dctx *c, char out[11]) {
  const rcp_story_view *v = c->v;
  out[0] = 0;
  int64_t first = INT64_MAX, last = INT64_MIN;
  for (size_t i = 0; i < v->ndocs; i++) {
    int64_t t = v->docs[i]->pub_time;
    if (t == INT64_MIN) continue;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  /* resolved day mentions: count the sources naming each day */
  int64_t best = INT64_MIN;
  int bestn = 0;
  for (size_t i = 0; i < v->ndocs; i++)
    for (size_t k = 0; k < v->docs[i]->ndates; k++) {
      const rcp_date_mention *m = &v->docs[i]->dates[k];
      if (m->day == INT64_MIN || m->precision != 0 || m->duration) continue;
      if (first != INT64_MAX && (m->day > last + DAY || m->day < first - 30 * (int64_t)DAY)) continue;
      int n = 0;
      int seen[256];
      int ns = 0;
      for (size_t j = 0; j < v->ndocs; j++) {
        bool has = false;
        for (size_t q = 0; q < v->docs[j]->ndates && !has; q++)
          has = v->docs[j]->dates[q].day == m->day && v->docs[j]->dates[q].precision == 0 &&
                !v->docs[j]->dates[q].duration;
        if (!has) continue;
        bool dup = false;
        for (int s = 0; s < ns; s++) if (seen[s] == c->comp[j]) { dup = true; break; }
        if (!dup && ns < 256) { seen[ns++] = c->comp[j]; n++; }
      }
      if (n > bestn || (n == bestn && m->day < best)) { bestn = n; best = m->day; }
    }
  if (best != INT64_MIN) rcp__fmt_day(best, out);
  else if (first != INT64_MAX) rcp__fmt_day(first, out);
  return RCP_OK;
}

/* Display order of key points: independent sources, then articles, then
** the earlier place in an article (news puts the main fact first). */
static bool shown_before(const group *x, const group *y) {
  if (x->indep != y->indep) return x->indep > y->indep;
  int px = __builtin_popcountll(x->docs), py = __builtin_popcountll(y->docs);
  if (px != py) return px > py;
  if (x->pos != y->pos) return x->pos < y->pos;
  return x->score > y->score;
}

static int key_points(dctx *c, json_t *obj) {
  json_t *arr = json_array();
  if (!arr) return RCP_ENOMEM;
  size_t chosen[MAX_KEY_POINTS];
  size_t nc = 0;
  double top = 0;
  while (nc < MAX_KEY_POINTS) {
    size_t best = SIZE_MAX;
    double bestv = -1e18;
    for (size_t g = 0; g < c->ng; g++) {
      group *G = &c->g[g];
      if (!G->usable || G->used) continue;
      double red = 0;
      for (size_t k = 0; k < nc; k++) {
        double s = redundancy(G, &c->g[chosen[k]]);
        if (s > red) red = s;
      }
      if (red > MAX_REDUNDANT) continue;
      double v = MMR_LAMBDA * G->score - (1 - MMR_LAMBDA) * red;
      if (v > bestv + 1e-12) { bestv = v; best = g; }
    }
    if (best == SIZE_MAX) break;
    if (nc == 0) top = c->g[best].score;
    else if (nc >= MIN_KEY_POINTS && c->g[best].score < 0.45 * top) break;
    c->g[best].used = true;
    chosen[nc++] = best;
  }
  /* shown most corroborated first, then in the order of the articles */
  for (size_t i = 1; i < nc; i++) {
    size_t x = chosen[i], j = i;
    while (j > 0 && shown_before(&c->g[x], &c->g[chosen[j - 1]])) { chosen[j] = chosen[j - 1]; j--; }
    chosen[j] = x;
  }
  for (size_t k = 0; k < nc; k++) {
    json_t *o = sentence_obj(c, &c->g[chosen[k]]);
    if (!o || json_array_append_new(arr, o)) { json_decref(arr); return RCP_ENOMEM; }
  }
  return set_new(obj, "key_points", arr);
}

/* The article closest to the centroid (ties: earliest). */
static size_t central_doc(const dctx *c) {
  size_t best = 0;
  double bestv = -1;
  for (size_t k = 0; k < c->nsample; k++) {
    double sum = 0;
    for (size_t g = 0; g < c->ng; g++)
      if (!c->g[g].merged && (c->g[g].docs >> k & 1)) sum += c->g[g].score;
    /* prefer originals: a copy has the same sentences anyway */
    if (sum > bestv + 1e-12) { bestv = sum; best = k; }
  }
  return best;
}

static int summary(dctx *c, json_t *obj) {
  if (c->nsample == 0) return RCP_OK;
  size_t k = central_doc(c);
  const rcp_doc *d = c->v->docs[c->sample[k]];
  size_t n = c->nsents[k];
  const rcp__sent *s = c->sents[k];
  double *score = rcp__arena_calloc(c->a, n + 1, sizeof *score);
  size_t idx[4];
  if (!score) return rcp__arena_error(c->a);
  RCP_TRY(rcp__summ_scores(c->a, s, n, score));
  /* never a sentence that is boilerplate for the story either */
  for (size_t i = 0; i < n; i++)
    if (s[i].nwords < MIN_WORDS || (s[i].flags & RCP__SENT_NOSTOP)) score[i] = -1e9;
  /* the summary leads with its best sentence, then says what the key
  ** points do not: a sentence shown as a key point (or close to one) is
  ** taken again only when the article has nothing else to offer */
  size_t lead = SIZE_MAX;
  for (size_t i = 0; i < n; i++)
    if (score[i] > -1e8 && (lead == SIZE_MAX || score[i] > score[lead])) lead = i;
  for (size_t i = 0; i < n; i++) {
    size_t g = c->gof[c->gbase[k] + i];
    while (g != SIZE_MAX && c->g[g].merged) g = c->g[g].into;
    if (i == lead || g == SIZE_MAX || score[i] <= -1e8) continue;
    bool shown = c->g[g].used;
    for (size_t h = 0; h < c->ng && !shown; h++)
      shown = c->g[h].used && redundancy(&c->g[g], &c->g[h]) > MAX_REDUNDANT;
    if (shown) score[i] -= 1e6;
  }
  int want = n >= 12 ? 4 : 3;
  size_t m = rcp__summ_pick(s, n, score, want, idx);
  json_t *arr = json_array();
  rcp_buf b;
  rcp__buf_init(&b, (size_t)1 << 20);
  if (!arr) return RCP_ENOMEM;
  for (size_t i = 0; i < m; i++) {
    size_t g = idx[i] < n ? c->gof[c->gbase[k] + idx[i]] : SIZE_MAX;
    while (g != SIZE_MAX && c->g[g].merged) g = c->g[g].into;
    json_t *o = json_object();
    json_object_set_new(o, "text", json_stringn(d->text + s[idx[i]].off, s[idx[i]].len));
    if (g != SIZE_MAX) {
      json_object_set_new(o, "articles", articles_of(c, c->g[g].docs));
      json_object_set_new(o, "independent", json_integer(c->g[g].indep));
    } else {
      json_t *a = json_array();
      json_array_append_new(a, json_string(d->id));
      json_object_set_new(o, "articles", a);
      json_object_set_new(o, "independent", json_integer(1));
    }
    json_array_append_new(arr, o);
    if (i) rcp__buf_addc(&b, ' ');
    rcp__buf_add(&b, d->text + s[idx[i]].off, s[idx[i]].len);
  }
  int rc = b.err;
  if (rc == RCP_OK) rc = set_new(obj, "summary", json_stringn(b.p ? b.p : "", b.n));
  if (rc == RCP_OK) rc = set_new(obj, "summary_sentences", arr);
  else json_decref(arr);
  rcp__buf_free(&b);
  return rc;
}

static int64_t day_of(int64_t t) {
  return t == INT64_MIN ? INT64_MIN : t - ((t % DAY) + DAY) % DAY;
}

static int timeline(dctx *c, json_t *obj) {
  const rcp_story_view *v = c->v;
  /* distinct publication days */
  int64_t days[MAX_DOCS];
  int counts[MAX_DOCS];
  size_t nd = 0;
  for (size_t k = 0; k < c->nsample; k++) {
    int64_t t = v->docs[c->sample[k]]->pub_time;
    if (t == INT64_MIN) continue;
    int64_t day = day_of(t);
    size_t i = 0;
    while (i < nd && days[i] != day) i++;
    if (i == nd) { days[nd] = day; counts[nd] = 0; nd++; }
    counts[i]++;
  }
  if (nd < 2) return RCP_OK;
  /* sort days ascending (few of them) */
  for (size_t i = 1; i < nd; i++)
    for (size_t j = i; j > 0 && days[j] < days[j - 1]; j--) {
      int64_t t = days[j]; days[j] = days[j - 1]; days[j - 1] = t;
      int x = counts[j]; counts[j] = counts[j - 1]; counts[j - 1] = x;
    }
  json_t *arr = json_array();
  if (!arr) return RCP_ENOMEM;
  size_t shown = 0;
  for (size_t i = 0; i < nd && shown < MAX_TIMELINE; i++) {
    /* the statement first published that day and new (not a paraphrase
    ** of one published on an earlier day) that the key points would show
    ** first: most corroborated, then earliest in its article, then most
    ** central */
    size_t best = SIZE_MAX;
    for (size_t g = 0; g < c->ng; g++) {
      group *G = &c->g[g];
      if (!G->usable) continue;
      int64_t t = day_of(v->docs[c->sample[G->doc]]->pub_time);
      if (t != days[i]) continue;
      if (best != SIZE_MAX && !shown_before(G, &c->g[best])) continue;
      bool old = false;
      for (size_t h = 0; h < c->ng && !old && i > 0; h++) {
        int64_t th = day_of(v->docs[c->sample[c->g[h].doc]]->pub_time);
        if (th != INT64_MIN && th < days[i] && redundancy(G, &c->g[h]) > 0.4) old = true;
      }
      if (!old) best = g;
    }
    if (best == SIZE_MAX) continue;
    json_t *o = sentence_obj(c, &c->g[best]);
    char day[11];
    rcp__fmt_day(days[i], day);
    json_object_set_new(o, "date", json_string(day));
    json_object_set_new(o, "new_articles", json_integer(counts[i]));
    json_array_append_new(arr, o);
    shown++;
  }
  return set_new(obj, "timeline", arr);
}

static int sources(dctx *c, json_t *obj) {
  const rcp_story_view *v = c->v;
  json_t *arr = json_array();
  if (!arr) return RCP_ENOMEM;
  /* Exact copies form sets: the relate stage links a new page to its
  ** best match only, so of three identical pages the third may be linked
  ** to the second alone.  Each set is shown around its earliest member
  ** (the view is in publication order: the smallest index): the others
  ** are its copies, and a relation to any member is one to it. */
  int *rep = rcp__arena_alloc(c->a, (v->ndocs + 1) * sizeof *rep);
  if (!rep) { json_decref(arr); return rcp__arena_error(c->a); }
  for (size_t i = 0; i < v->ndocs; i++) rep[i] = (int)i;
  for (size_t r = 0; r < v->nrels; r++) {
    const rcp_story_rel *e = &v->rels[r];
    if (e->a >= v->ndocs || e->b >= v->ndocs || !e->kind || strcmp(e->kind, "duplicate") != 0) continue;
    int x = find(rep, (int)e->a), y = find(rep, (int)e->b);
    if (x != y) rep[x > y ? x : y] = x < y ? x : y;
  }
  for (size_t i = 0; i < v->ndocs; i++) rep[i] = find(rep, (int)i);
  for (size_t i = 0; i < v->ndocs; i++) {
    const rcp_doc *d = v->docs[i];
    /* a copy in a set: of its earliest member; else the strongest relation
    ** where this article (or, for the set's first, one of its copies)
    ** derives from an article outside its set */
    const rcp_story_rel *best = NULL;
    rcp_story_rel copy_rel;
    size_t of = SIZE_MAX;
    if (rep[i] != (int)i) {
      copy_rel.a = i; copy_rel.b = (size_t)rep[i]; copy_rel.kind = "duplicate"; copy_rel.score = 1.0;
      for (size_t r = 0; r < v->nrels; r++) {
        const rcp_story_rel *e = &v->rels[r];
        if (e->a < v->ndocs && e->b < v->ndocs && rep[e->a] == rep[i] && rep[e->b] == rep[i] &&
            (e->a == i || e->b == i) && e->kind && strcmp(e->kind, "duplicate") == 0)
          copy_rel.score = e->score;
      }
      best = &copy_rel;
      of = (size_t)rep[i];
    } else {
      for (size_t r = 0; r < v->nrels; r++) {
        const rcp_story_rel *e = &v->rels[r];
        if (e->a >= v->ndocs || e->b >= v->ndocs || rep[e->a] != (int)i || rep[e->b] == (int)i) continue;
        if (!best || e->score > best->score) { best = e; of = (size_t)rep[e->b]; }
      }
    }
    json_t *o = json_object();
    if (!o) { json_decref(arr); return RCP_ENOMEM; }
    json_object_set_new(o, "n", json_integer((json_int_t)i + 1));
    json_object_set_new(o, "article", json_string(d->id));
    json_object_set_new(o, "site", d->site ? json_string(d->site) : json_null());
    const char *url = d->canonical ? d->canonical : d->url;
    json_object_set_new(o, "url", url ? json_string(url) : json_null());
    json_object_set_new(o, "source", d->source ? json_string(d->source) : json_null());
    json_object_set_new(o, "title", d->title ? json_string(d->title) : json_null());
    json_object_set_new(o, "published", d->published ? json_string(d->published) : json_null());
    json_object_set_new(o, "role", json_string(role_name(best ? best->kind : NULL)));
    if (best) {
      json_object_set_new(o, "of", json_string(v->docs[of]->id));
      json_object_set_new(o, "of_n", json_integer((json_int_t)of + 1));
      json_object_set_new(o, "score", json_real(best->score));
    }
    if (d->credited_source) json_object_set_new(o, "credited_source", json_string(d->credited_source));
    json_object_set_new(o, "group", json_integer(c->comp[i] + 1));
    json_array_append_new(arr, o);
  }
  return set_new(obj, "sources", arr);
}

/* ------------------------------------------------------------------ */

int rcp__digest(const rcp_ctx *ctx, const rcp_story_view *v, struct json_t *obj) {
  if (!v || !obj) return RCP_EINVAL;
  dctx c;
  memset(&c, 0, sizeof c);
  c.v = v;
  c.a = rcp__arena_new(ctx && ctx->opts.doc_cap ? ctx->opts.doc_cap : 0);
  if (!c.a) return RCP_ENOMEM;
  int rc = components(&c);
  if (rc == RCP_OK) rc = sample_docs(&c);
  if (rc == RCP_OK) rc = build_groups(&c);
  if (rc == RCP_OK) rc = merge_paraphrases(&c);
  if (rc == RCP_OK) rc = score_groups(&c);
#ifdef RCP_DIGEST_DEBUG
  for (size_t g = 0; g < c.ng; g++)
    fprintf(stderr, "g%zu doc%zu n=%d ind=%d sup=%.1f use=%d score=%.3f nset=%u %.*s\n", g, c.g[g].doc,
            __builtin_popcountll(c.g[g].docs), c.g[g].indep, c.g[g].support, c.g[g].usable, c.g[g].score,
            c.g[g].nset, (int)c.g[g].s->len, v->docs[c.sample[c.g[g].doc]]->text + c.g[g].s->off);
#endif
  /* language: majority of the articles' (analysis, declared, or guessed) */
  if (rc == RCP_OK) {
    int fr = 0, en = 0, other = 0;
    const char *oth = NULL;
    for (size_t i = 0; i < v->ndocs; i++) {
      const rcp_doc *d = v->docs[i];
      const char *l = doc_lang(d);
      if (!l && d->text) l = rcp__guess_lang(d->text, d->text_len < 4000 ? d->text_len : 4000);
      if (!l || strcmp(l, "un") == 0) continue;
      if (strncmp(l, "fr", 2) == 0) fr++;
      else if (strncmp(l, "en", 2) == 0) en++;
      else { other++; oth = l; }
    }
    const char *lang = fr >= en && fr >= other ? (fr ? "fr" : (oth ? oth : "en"))
                     : en >= other ? "en" : oth;
    char l2[3] = { lang[0], lang[1] ? lang[1] : 0, 0 };
    rc = set_new(obj, "language", json_string(l2));
  }
  if (rc == RCP_OK) {
    size_t t = pick_title(&c);
    if (t != SIZE_MAX) rc = set_new(obj, "title", json_string(v->docs[t]->title));
    else if (c.ng) {
      const group *G = &c.g[0];
      const rcp_doc *d = v->docs[c.sample[G->doc]];
      rc = set_new(obj, "title", json_stringn(d->text + G->s->off, G->s->len));
    } else rc = set_new(obj, "title", json_string(""));
  }
  if (rc == RCP_OK) {
    char day[11];
    event_date(&c, day);
    rc = set_new(obj, "event_date", day[0] ? json_string(day) : json_null());
  }
  if (rc == RCP_OK && v->ndocs) {
    /* first publication: the earliest dated article (the view is sorted) */
    size_t f = 0;
    for (size_t i = 0; i < v->ndocs; i++)
      if (v->docs[i]->pub_time != INT64_MIN &&
          (v->docs[f]->pub_time == INT64_MIN || v->docs[i]->pub_time < v->docs[f]->pub_time)) f = i;
    const rcp_doc *d = v->docs[f];
    rc = set_new(obj, "first_publisher", json_string(doc_name(d, c.a)));
    if (rc == RCP_OK) rc = set_new(obj, "first_article", json_string(d->id));
    int ncomp = 0;
    for (size_t i = 0; i < v->ndocs; i++) if (c.comp[i] == (int)i) ncomp++;
    if (rc == RCP_OK) rc = set_new(obj, "source_groups", json_integer(ncomp));
  }
  if (rc == RCP_OK) rc = key_points(&c, obj);
  if (rc == RCP_OK) rc = summary(&c, obj);
  if (rc == RCP_OK) rc = timeline(&c, obj);
  if (rc == RCP_OK) rc = sources(&c, obj);
  if (rc != RCP_OK && rc != RCP_ENOMEM && rc != RCP_ETOOBIG) rc = RCP_ENOMEM;
  rcp__arena_free(c.a);
  return rc;
}
