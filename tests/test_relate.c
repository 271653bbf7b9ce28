/* test_relate.c -- stage 5: each kind of relation, direction, recurring
** titles, rewrites vs same-topic articles, determinism, and the store:
** relations persisted and the index reloaded across contexts. */
#include "test.h"

#include <stdlib.h> /* free */

static const char *P[] = {
  "Plus de 12 000 foyers étaient privés d'électricité mardi soir dans le Gard après les violents orages qui ont frappé le département.",
  "Le préfet a déclenché le plan ORSEC dans la nuit de lundi à mardi, et des renforts de pompiers sont arrivés des départements voisins.",
  "À Alès, la rivière est sortie de son lit et plusieurs routes ont été coupées, selon Météo-France qui maintient sa vigilance orange.",
  "Les écoles resteront fermées mercredi dans une vingtaine de communes, a annoncé le rectorat de Montpellier dans un communiqué.",
  "Enedis indique que ses équipes travaillent à rétablir le courant et espère raccorder la plupart des foyers d'ici jeudi matin.",
  "Le maire de Nîmes a ouvert deux gymnases pour accueillir les habitants évacués, dont une centaine ont passé la nuit sur place.",
  "Selon les premiers relevés, il est tombé l'équivalent de deux mois de pluie en six heures sur les Cévennes, un record depuis 2002.",
  "Les assureurs rappellent que les sinistrés doivent déclarer leurs dommages dans les cinq jours suivant la publication de l'arrêté.",
};

/* A processed doc from text (blocks at blank lines) published at t. */
static rcp_doc *rdoc(const char *id, const char *text, int64_t t) {
  rcp_page p;
  memset(&p, 0, sizeof p);
  p.id = id;
  p.body = text;
  p.body_len = strlen(text);
  rcp_doc *d = NULL;
  if (rcp__doc_new(NULL, &p, &d) != RCP_OK) return NULL;
  d->text = d->raw;
  d->text_len = d->raw_len;
  d->pub_time = t;
  if (rcp__analyze(NULL, d) != RCP_OK || rcp__fingerprint(NULL, d) != RCP_OK) { rcp_doc_free(d); return NULL; }
  return d;
}

/* Paragraphs P[i] for the bits of mask, joined by blank lines. */
static char *paras(unsigned mask, const char *extra) {
  static char b[8192];
  size_t k = 0;
  b[0] = 0;
  for (int i = 0; i < 8; i++)
    if (mask >> i & 1) k += (size_t)snprintf(b + k, sizeof b - k, "%s%s", k ? "\n\n" : "", P[i]);
  if (extra) snprintf(b + k, sizeof b - k, "\n\n%s", extra);
  return b;
}

/* Relates two docs; returns the kind of their relation (or "-"), with a/b. */
static const char *rel2(rcp_doc *x, rcp_doc *y, size_t *a, double *score) {
  rcp_doc *docs[2] = { x, y };
  rcp_relation *r = NULL;
  size_t n = 0;
  const char *kind = "-";
  if (rcp_dedup(NULL, docs, 2, &r, &n) == RCP_OK && n > 0) {
    kind = r[0].kind;
    if (a) *a = r[0].a;
    if (score) *score = r[0].score;
  }
  free(r);
  return kind;
}

#define DAY 86400

/* A dispatch and its later version, rewritten with the same facts (the
** update and run-split tests). */
static const char *const gard_first =
  "Le préfet du Gard Jean Dupont a déclenché mardi le plan ORSEC à Alès, où 12 000 foyers sont privés de courant. "
  "Enedis espère rétablir le réseau jeudi, selon Météo-France qui maintient la vigilance rouge sur les Cévennes.";
static const char *const gard_later =
  "Privés d'électricité depuis la nuit, quelque 12 000 foyers attendent toujours le retour du courant autour d'Alès. "
  "Jean Dupont, préfet du Gard, avait activé le dispositif ORSEC dès mardi matin. "
  "Météo-France n'a pas levé son alerte rouge pour les Cévennes, et Enedis ne promet rien avant jeudi. "
  "Dans les gymnases ouverts par la mairie, des dizaines de familles ont passé une nuit blanche, sans nouvelles de leurs voisins.";

TEST_SUITE(relate_kinds) {
  TEST("duplicate: same text, other spacing and case") {
    char t[8192];
    snprintf(t, sizeof t, "%s", paras(0xFF, NULL));
    rcp_doc *a = rdoc("a", t, 1000 * DAY), *b = rdoc("b", t, 1000 * DAY + 3600);
    size_t orig = 9;
    CHECK_STR(rel2(a, b, &orig, NULL), "duplicate");
    CHECK_INT(orig, 0);
    rcp_doc_free(a); rcp_doc_free(b);
  }
  TEST("near_duplicate: a corrected word and another headline") {
    char t[8192], u[8192];
    snprintf(t, sizeof t, "Orages dans le Gard\n\n%s", paras(0xFF, NULL));
    snprintf(u, sizeof u, "Gard : des milliers de foyers sans courant\n\n%s", paras(0xFF, NULL));
    char *p = strstr(u, "vingtaine");
    if (p) memcpy(p, "trentaine", 9);
    rcp_doc *a = rdoc("a", t, 1000 * DAY), *b = rdoc("b", u, 1000 * DAY + 600);
    CHECK_STR(rel2(a, b, NULL, NULL), "near_duplicate");
    rcp_doc_free(a); rcp_doc_free(b);
  }
  TEST("contains: the original plus added paragraphs, days later") {
    char t[8192];
    snprintf(t, sizeof t, "%s", paras(0x0F, NULL));
    rcp_doc *a = rdoc("a", t, 1000 * DAY), *b = rdoc("b", paras(0xFF, NULL), 1005 * DAY);
    CHECK_STR(rel2(a, b, NULL, NULL), "contains");
    rcp_doc_free(a); rcp_doc_free(b);
  }
  TEST("update: half of the dispatch rewritten the same evening") {
    char t[8192];
    snprintf(t, sizeof t, "%s", paras(0x0F, NULL));
    rcp_doc *a = rdoc("a", t, 1000 * DAY),
            *b = rdoc("b", paras(0x33, "Le bilan provisoire fait état de deux blessés légers, a précisé la préfecture du Gard mardi soir."), 1000 * DAY + 4 * 3600);
    CHECK_STR(rel2(a, b, NULL, NULL), "update");
    rcp_doc_free(a); rcp_doc_free(b);
  }
  TEST("update: a near copy published later with a paragraph of new figures") {
    char t[8192];
    snprintf(t, sizeof t, "%s", paras(0xFF, NULL));
    rcp_doc *a = rdoc("a", t, 1000 * DAY),
            *b = rdoc("b", paras(0xFF, "Mercredi en fin de matinée, Enedis indiquait que 6 000 foyers restaient privés de courant dans le département."),
                      1000 * DAY + 15 * 3600);
    CHECK_STR(rel2(a, b, NULL, NULL), "update");
    rcp_doc_free(a); rcp_doc_free(b);
  }
  TEST("update: a figure changed in the same text") {
    char t[8192], u[8192];
    snprintf(t, sizeof t, "%s", paras(0xFF, NULL));
    snprintf(u, sizeof u, "%s", paras(0xFF, NULL));
    char *p = strstr(u, "12 000");
    if (p) memcpy(p, "15 000", 6);
    rcp_doc *a = rdoc("a", t, 1000 * DAY), *b = rdoc("b", u, 1000 * DAY + 3 * 3600);
    CHECK_STR(rel2(a, b, NULL, NULL), "update");
    rcp_doc_free(a); rcp_doc_free(b);
  }
  TEST("near_duplicate: the copy with another site's menu, byline and share bar") {
    char t[8192], u[8192];
    snprintf(t, sizeof t, "%s", paras(0xFF, NULL));
    snprintf(u, sizeof u, "Radio Cévennes | Accueil | Infos | Sport | Météo | Podcasts | Direct\n\n"
             "Par la rédaction de Radio Cévennes\n\n%s\n\nPartager : Facebook | X | WhatsApp | E-mail\n\n"
             "Écouter Radio Cévennes en direct sur 98.4 FM\n\n© Radio Cévennes 2026", paras(0xFF, NULL));
    rcp_doc *a = rdoc("a", t, 1000 * DAY), *b = rdoc("b", u, 1000 * DAY + 5 * 3600);
    CHECK_STR(rel2(a, b, NULL, NULL), "near_duplicate");
    rcp_doc_free(a); rcp_doc_free(b);
  }
  TEST("update: the same headline hours later, the dispatch rewritten with its facts") {
    static const char *headline = "Crues dans le Gard : des milliers de foyers privés d'électricité";
    for (int k = 0; k < 3; k++) {
      /* k 0: same headline, 5 hours later: a version of the dispatch; 1: another
      ** headline: a rewrite by another hand; 2: same headline 3 days later */
      rcp_doc *a = rdoc("a", gard_first, 1000 * DAY), *b = rdoc("b", gard_later, k == 2 ? 1003 * DAY : 1000 * DAY + 5 * 3600);
      if (!a || !b) { CHECK(0); rcp_doc_free(a); rcp_doc_free(b); continue; }
      a->title = headline;
      b->title = k == 1 ? "Alès : nuit blanche dans les gymnases pour les familles sinistrées" : headline;
      CHECK_STR(rel2(a, b, NULL, NULL), k == 0 ? "update" : k == 1 ? "rewrite" : "-");
      rcp_doc_free(a); rcp_doc_free(b);
    }
  }
  TEST("direction: the page published first is the original, whatever the input order") {
    char t[8192];
    snprintf(t, sizeof t, "%s", paras(0xFF, NULL));
    rcp_doc *late = rdoc("late", t, 1001 * DAY), *early = rdoc("early", paras(0x0F, NULL), 1000 * DAY);
    size_t orig = 9;
    CHECK_STR(rel2(late, early, &orig, NULL), "contains");
    CHECK_INT(orig, 1);   /* docs[1], published first */
    rcp_doc_free(late); rcp_doc_free(early);
  }
  TEST("a recurring title on another day with another text is not related") {
    char t[8192], u[8192];
    snprintf(t, sizeof t, "Coronavirus : le point sur la pandémie dans le monde\n\n%s", paras(0x0F, NULL));
    snprintf(u, sizeof u, "Coronavirus : le point sur la pandémie dans le monde\n\n%s", paras(0xF0, NULL));
    rcp_doc *a = rdoc("a", t, 1000 * DAY), *b = rdoc("b", u, 1003 * DAY);
    CHECK_STR(rel2(a, b, NULL, NULL), "-");
    rcp_doc_free(a); rcp_doc_free(b);
  }
  TEST("empty pages relate to nothing") {
    rcp_doc *a = rdoc("a", "", 0), *b = rdoc("b", "", 0);
    CHECK_STR(rel2(a, b, NULL, NULL), "-");
    rcp_doc_free(a); rcp_doc_free(b);
  }
}

static rcp_doc *fdoc(const char *rel, const char *id, int64_t t) {
  size_t n;
  char *s = t_read(rel, &n);
  if (!s) return NULL;
  rcp_doc *d = rdoc(id, s, t);
  free(s);
  return d;
}

TEST_SUITE(relate_rewrites) {
  TEST("French rewrite: other words, same facts") {
    rcp_doc *a = fdoc("relate/rw_fr_a.txt", "a", 1000 * DAY), *b = fdoc("relate/rw_fr_b.txt", "b", 1000 * DAY + 3600);
    CHECK(a && b);
    if (a && b) CHECK_STR(rel2(a, b, NULL, NULL), "rewrite");
    rcp_doc_free(a); rcp_doc_free(b);
  }
  TEST("English rewrite") {
    rcp_doc *a = fdoc("relate/rw_en_a.txt", "a", 1000 * DAY), *b = fdoc("relate/rw_en_b.txt", "b", 1000 * DAY + 3600);
    CHECK(a && b);
    if (a && b) CHECK_STR(rel2(a, b, NULL, NULL), "rewrite");
    rcp_doc_free(a); rcp_doc_free(b);
  }
  TEST("two articles on the same story are not a rewrite") {
    rcp_doc *a = fdoc("relate/topic_fr_a.txt", "a", 1000 * DAY), *b = fdoc("relate/topic_fr_b.txt", "b", 1000 * DAY + 3600);
    CHECK(a && b);
    if (a && b) CHECK(strcmp(rel2(a, b, NULL, NULL), "rewrite") != 0);
    rcp_doc_free(a); rcp_doc_free(b);
  }
  TEST("the same rewrite two days later is not related (rewrites follow within a day)") {
    rcp_doc *a = fdoc("relate/rw_fr_a.txt", "a", 1000 * DAY), *b = fdoc("relate/rw_fr_b.txt", "b", 1002 * DAY);
    if (a && b) CHECK_STR(rel2(a, b, NULL, NULL), "-");
    rcp_doc_free(a); rcp_doc_free(b);
  }
}

TEST_SUITE(relate_determinism) {
  TEST("same input order, same relations") {
    rcp_doc *d[6];
    d[0] = rdoc("0", paras(0xFF, NULL), 1000 * DAY);
    d[1] = rdoc("1", paras(0x0F, NULL), 1000 * DAY + 60);
    d[2] = rdoc("2", paras(0xFF, NULL), 1000 * DAY + 120);
    d[3] = fdoc("relate/rw_fr_a.txt", "3", 1000 * DAY + 180);
    d[4] = fdoc("relate/rw_fr_b.txt", "4", 1000 * DAY + 240);
    d[5] = rdoc("5", paras(0x3C, NULL), 1000 * DAY + 300);
    rcp_relation *r1 = NULL, *r2 = NULL;
    size_t n1 = 0, n2 = 0;
    CHECK_INT(rcp_dedup(NULL, d, 6, &r1, &n1), RCP_OK);
    CHECK_INT(rcp_dedup(NULL, d, 6, &r2, &n2), RCP_OK);
    CHECK(n1 == n2 && n1 >= 5);
    int same = n1 == n2;
    for (size_t i = 0; same && i < n1; i++)
      same = r1[i].a == r2[i].a && r1[i].b == r2[i].b && !strcmp(r1[i].kind, r2[i].kind) && r1[i].score == r2[i].score;
    CHECK(same);
    free(r1); free(r2);
    for (int i = 0; i < 6; i++) rcp_doc_free(d[i]);
  }
}

/* The same page through rcp_doc_process (full) or rcp_doc_process_dedup
** (slim: tokens kept as hashes and flags until related). */
static rcp_doc *pdoc(const char *id, const char *text, const char *published, int slim) {
  rcp_page p;
  memset(&p, 0, sizeof p);
  p.id = id;
  p.body = text;
  p.body_len = strlen(text);
  p.published = published;
  rcp_doc *d = NULL;
  int rc = slim ? rcp_doc_process_dedup(NULL, &p, &d) : rcp_doc_process(NULL, &p, &d);
  return rc == RCP_OK ? d : NULL;
}

TEST_SUITE(relate_dedup_slim) {
  TEST("slim dedup documents give the same relations as full ones") {
    char *rwa = t_read("relate/rw_fr_a.txt", NULL), *rwb = t_read("relate/rw_fr_b.txt", NULL);
    CHECK(rwa && rwb);
    const char *texts[7], *dates[7] = {
      "2020-03-01T10:00:00Z", "2020-03-01T10:01:00Z", "2020-03-01T10:02:00Z", "2020-03-01T10:03:00Z",
      "2020-03-01T10:04:00Z", "2020-03-01T10:05:00Z", "2020-03-04T10:00:00Z" };
    char *own[7] = { 0 };
    unsigned masks[7] = { 0xFF, 0x0F, 0xFF, 0, 0, 0x3C, 0xFF };
    for (int i = 0; i < 7; i++) {
      if (i == 3) { texts[i] = rwa ? rwa : ""; continue; }
      if (i == 4) { texts[i] = rwb ? rwb : ""; continue; }
      own[i] = strdup(paras(masks[i], i == 5 ? "Un bilan de 14 blessés a été publié jeudi." : NULL));
      texts[i] = own[i];
    }
    rcp_doc *full[7], *slim[7];
    char id[7][12];
    for (int i = 0; i < 7; i++) {
      snprintf(id[i], sizeof id[i], "%d", i);
      full[i] = pdoc(id[i], texts[i], dates[i], 0);
      slim[i] = pdoc(id[i], texts[i], dates[i], 1);
      CHECK(full[i] && slim[i]);
    }
    int ok = 1;
    for (int i = 0; i < 7; i++) ok = ok && full[i] && slim[i];
    if (ok) {
      rcp_meta m;
      rcp_doc_meta(slim[3], &m);   /* metadata and text survive */
      CHECK_STR(m.id, "3");
      CHECK(m.text_len > 100);
      rcp_relation *r1 = NULL, *r2 = NULL;
      size_t n1 = 0, n2 = 0;
      CHECK_INT(rcp_dedup(NULL, full, 7, &r1, &n1), RCP_OK);
      CHECK_INT(rcp_dedup(NULL, slim, 7, &r2, &n2), RCP_OK);
      CHECK(n1 >= 5);
      CHECK(n1 == n2);
      int same = n1 == n2, rewrite = 0;
      for (size_t i = 0; same && i < n1; i++) {
        same = r1[i].a == r2[i].a && r1[i].b == r2[i].b && !strcmp(r1[i].kind, r2[i].kind) && r1[i].score == r2[i].score;
        rewrite += !strcmp(r1[i].kind, "rewrite");
      }
      CHECK(same);
      CHECK(rewrite >= 1);   /* the alignment ran on expanded slim pages */
      free(r1); free(r2);
    }
    for (int i = 0; i < 7; i++) { rcp_doc_free(full[i]); rcp_doc_free(slim[i]); free(own[i]); }
    free(rwa); free(rwb);
  }
}

TEST_SUITE(relate_store) {
  TEST("relations are stored and the index reloads across contexts") {
    char db[512];
    snprintf(db, sizeof db, "%s/relate.db", t_tmpdir());
    rcp_opts o;
    rcp_opts_default(&o);
    o.db_path = db;
    char t[8192];
    snprintf(t, sizeof t, "%s", paras(0xFF, NULL));
    /* day 1: one article */
    rcp_ctx *ctx = NULL;
    CHECK_INT(rcp_ctx_open(&ctx, &o, NULL), RCP_OK);
    if (!ctx) return;
    rcp_doc *a = rdoc("a", t, 1000 * DAY);
    CHECK_INT(rcp__store_begin(ctx->store), RCP_OK);
    CHECK_INT(rcp__store_meta_set(ctx->store, "batch", "1"), RCP_OK);   /* as rcp_add does */
    CHECK_INT(rcp__store_put_article(ctx->store, a), RCP_OK);
    rcp_relidx *ix = NULL;
    CHECK_INT(rcp__relidx_new(ctx, &ix), RCP_OK);
    rcp_rel *r = NULL;
    size_t n = 9;
    CHECK_INT(rcp__relate_doc(ix, a, &r, &n), RCP_OK);
    CHECK_INT(n, 0);
    rcp__free(r);
    CHECK_INT(rcp__store_commit(ctx->store), RCP_OK);
    rcp__relidx_free(ix);
    rcp_ctx_free(ctx);
    /* day 2: a new context, a copy with paragraphs added */
    CHECK_INT(rcp_ctx_open(&ctx, &o, NULL), RCP_OK);
    rcp_doc *b = rdoc("b", paras(0xFF, "Un troisième gymnase a été ouvert mercredi à Alès pour les familles évacuées de la vallée."), 1001 * DAY);
    CHECK_INT(rcp__store_begin(ctx->store), RCP_OK);
    CHECK_INT(rcp__store_meta_set(ctx->store, "batch", "2"), RCP_OK);
    CHECK_INT(rcp__store_put_article(ctx->store, b), RCP_OK);
    CHECK_INT(rcp__relidx_new(ctx, &ix), RCP_OK);
    size_t np = 0;
    rcp__relidx_bytes(ix, &np, NULL);
    CHECK_INT(np, 1);
    CHECK_INT(rcp__relate_doc(ix, b, &r, &n), RCP_OK);
    CHECK_INT(n, 1);
    if (n == 1) { CHECK(r[0].other == a->rowid); CHECK_INT(r[0].direction, 1); CHECK_STR(r[0].kind, "near_duplicate"); }
    rcp__free(r);
    CHECK_INT(rcp__store_commit(ctx->store), RCP_OK);
    /* both sides see the relation */
    CHECK_INT(rcp__store_relations_of(ctx->store, a->rowid, &r, &n), RCP_OK);
    CHECK_INT(n, 1);
    if (n == 1) { CHECK(r[0].other == b->rowid); CHECK_INT(r[0].direction, -1); }
    rcp__free(r);
    rcp__relidx_free(ix);
    rcp_ctx_free(ctx);
    rcp_doc_free(a);
    rcp_doc_free(b);
  }
}

/* ---- state across runs ------------------------------------------------ */

typedef struct relrow { int64_t other; const char *kind; double score; int dir; } relrow;
#define RUN_DOCS 9
#define RUN_RELS 4

/* Relates d[0..n) into a new store db, in input order, starting a new run
** (a new context and index, loaded from the store) at each index of cuts;
** each run is one transaction, saved as rcp_add saves a batch.  out[i]
** gets the relations of d[i] (at most RUN_RELS), nout[i] their count. */
static int relate_runs(const char *db, rcp_doc **d, size_t n, const size_t *cuts, size_t ncuts,
                       relrow out[][RUN_RELS], size_t *nout) {
  rcp_opts o;
  rcp_opts_default(&o);
  o.db_path = db;
  size_t i = 0, c = 0;
  int batch = 0;
  while (i < n) {
    size_t end = c < ncuts ? cuts[c++] : n;
    rcp_ctx *ctx = NULL;
    rcp_relidx *ix = NULL;
    char seq[16];
    snprintf(seq, sizeof seq, "%d", ++batch);
    if (rcp_ctx_open(&ctx, &o, NULL) != RCP_OK) return -1;
    int rc = rcp__store_begin(ctx->store);
    if (rc == RCP_OK) rc = rcp__store_meta_set(ctx->store, "batch", seq);
    if (rc == RCP_OK) rc = rcp__relidx_new(ctx, &ix);
    for (; i < end && rc == RCP_OK; i++) {
      rcp_rel *r = NULL;
      size_t k = 0;
      rc = rcp__store_put_article(ctx->store, d[i]);
      if (rc == RCP_OK) rc = rcp__relate_doc(ix, d[i], &r, &k);
      nout[i] = k;
      for (size_t j = 0; j < k && j < RUN_RELS; j++)
        out[i][j] = (relrow){ r[j].other, r[j].kind, r[j].score, r[j].direction };
      rcp__free(r);
    }
    if (rc == RCP_OK) rc = rcp__relidx_save(ix);
    if (rc == RCP_OK) rc = rcp__store_commit(ctx->store);
    rcp__relidx_free(ix);
    rcp_ctx_free(ctx);
    if (rc != RCP_OK) return -1;
  }
  return 0;
}

TEST_SUITE(relate_runs) {
  TEST("relations are the same in one run and in two runs split at any page") {
    /* within one day: a rewrite (found through the window's anchors), a
    ** version under the same headline (the window's headline keys), an
    ** update, an English rewrite, a duplicate; rewrite scores weigh words
    ** by the document frequencies of the pages before */
    const int64_t T = 1000 * (int64_t)DAY;
    rcp_doc *d[RUN_DOCS];
    d[0] = fdoc("relate/rw_fr_a.txt", "r0", T);
    d[1] = rdoc("r1", paras(0xFF, NULL), T + 60);
    d[2] = fdoc("relate/rw_fr_b.txt", "r2", T + 3600);
    d[3] = rdoc("r3", gard_first, T + 2 * 3600);
    d[4] = rdoc("r4", gard_later, T + 7 * 3600);
    d[5] = rdoc("r5", paras(0x0F, "Un troisième gymnase a été ouvert mercredi à Alès pour 350 familles évacuées de la vallée."), T + 8 * 3600);
    d[6] = fdoc("relate/rw_en_a.txt", "r6", T + 9 * 3600);
    d[7] = fdoc("relate/rw_en_b.txt", "r7", T + 10 * 3600);
    d[8] = rdoc("r8", paras(0xFF, NULL), T + 11 * 3600);
    int ok = 1;
    for (int i = 0; i < RUN_DOCS; i++) ok &= d[i] != NULL;
    CHECK(ok);
    if (ok) {
      static const char *headline = "Crues dans le Gard : des milliers de foyers privés d'électricité";
      d[3]->title = headline;
      d[4]->title = headline;
      relrow one[RUN_DOCS][RUN_RELS], split[RUN_DOCS][RUN_RELS];
      size_t n1[RUN_DOCS], n2[RUN_DOCS];
      char db[512];
      snprintf(db, sizeof db, "%s/runs-one.db", t_tmpdir());
      CHECK_INT(relate_runs(db, d, RUN_DOCS, NULL, 0, one, n1), 0);
      /* the relations the split runs must keep */
      CHECK(n1[2] >= 1 && strcmp(one[2][0].kind, "rewrite") == 0);
      CHECK(n1[4] >= 1 && strcmp(one[4][0].kind, "update") == 0);
      CHECK(n1[7] >= 1 && strcmp(one[7][0].kind, "rewrite") == 0);
      CHECK(n1[8] >= 1 && strcmp(one[8][0].kind, "duplicate") == 0);
      for (size_t cut = 1; cut < RUN_DOCS; cut++) {
        snprintf(db, sizeof db, "%s/runs-split-%zu.db", t_tmpdir(), cut);
        CHECK_INT(relate_runs(db, d, RUN_DOCS, &cut, 1, split, n2), 0);
        for (size_t i = 0; i < RUN_DOCS; i++) {
          int same = n1[i] == n2[i];
          for (size_t j = 0; same && j < n1[i] && j < RUN_RELS; j++)
            same = one[i][j].other == split[i][j].other && strcmp(one[i][j].kind, split[i][j].kind) == 0 &&
                   one[i][j].score == split[i][j].score && one[i][j].dir == split[i][j].dir;
          if (!same) fprintf(stderr, "  split before page %zu: page %zu: %zu relations (%s %.4f), one run %zu (%s %.4f)\n",
                             cut, i, n2[i], n2[i] ? split[i][0].kind : "-", n2[i] ? split[i][0].score : 0,
                             n1[i], n1[i] ? one[i][0].kind : "-", n1[i] ? one[i][0].score : 0);
          CHECK(same);
        }
      }
    }
    for (int i = 0; i < RUN_DOCS; i++) rcp_doc_free(d[i]);
  }
}
