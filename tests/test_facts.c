/* test_facts.c -- facts stage: dates, figures, entities, quotes (tables),
** story-level merging, disagreements and independence, hostile inputs and
** allocation failures. */
#include "test.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>

/* Monday 2026-10-12, 08:00 UTC: the publication date of the tables. */
#define PUB "2026-10-12T08:00:00Z"

static rcp_doc *mkdoc(const char *id, const char *text, const char *pub, const char *lang) {
  rcp_page p;
  memset(&p, 0, sizeof p);
  p.id = id;
  p.body = text;
  p.body_len = strlen(text);
  rcp_doc *d = NULL;
  if (rcp__doc_new(NULL, &p, &d) != RCP_OK) return NULL;
  d->text = d->raw;
  d->text_len = d->raw_len;
  d->pub_time = pub ? rcp__parse_iso(pub) : INT64_MIN;
  d->lang = lang;
  return d;
}

static rcp_doc *run(const char *text, const char *lang) {
  rcp_doc *d = mkdoc("a1", text, PUB, lang);
  if (d && rcp__facts(NULL, d) != RCP_OK) { rcp_doc_free(d); return NULL; }
  return d;
}

static const char *day_str(int64_t day, char b[11]) {
  if (day == INT64_MIN) { strcpy(b, "none"); return b; }
  rcp__fmt_day(day * 86400, b);
  return b;
}

static const rcp_date_mention *find_date(const rcp_doc *d, const char *span) {
  for (size_t i = 0; d && i < d->ndates; i++) if (strstr(d->dates[i].text, span)) return &d->dates[i];
  return NULL;
}
static const rcp_figure *find_fig(const rcp_doc *d, const char *span) {
  for (size_t i = 0; d && i < d->nfigs; i++) if (strstr(d->figs[i].text, span)) return &d->figs[i];
  return NULL;
}
static const rcp_entity_mention *find_ent(const rcp_doc *d, const char *name) {
  for (size_t i = 0; d && i < d->nents; i++) if (strcmp(d->ents[i].name, name) == 0) return &d->ents[i];
  return NULL;
}

TEST_SUITE(facts_dates) {
  static const struct { const char *text, *lang, *span, *want; int prec; } cases[] = {
    {"Le sommet a eu lieu le 12 mars.", "fr", "12 mars", "2026-03-12", 0},
    {"Le texte a été adopté le 3 février 2026 par les députés.", "fr", "3 février 2026", "2026-02-03", 0},
    {"La loi du 14/07/2025 est entrée en vigueur.", "fr", "14/07/2025", "2025-07-14", 0},
    {"The summit was held on March 12, 2026 in Paris.", "en", "March 12, 2026", "2026-03-12", 0},
    {"The vote was scheduled for March 12.", "en", "March 12", "2026-03-12", 0},
    {"Le sommet se tiendra mardi à Bruxelles.", "fr", "mardi", "2026-10-13", 0},
    {"Les ministres se réunissent mardi.", "fr", "mardi", "2026-10-13", 0},
    {"Il a démissionné jeudi.", "fr", "jeudi", "2026-10-08", 0},
    {"Il a été arrêté lundi dernier à Lyon.", "fr", "lundi dernier", "2026-10-05", 0},
    {"Des milliers de foyers restaient sans courant dans la soirée de mardi.", "fr", "mardi", "2026-10-06", 0},
    {"La réunion aura lieu vendredi prochain.", "fr", "vendredi prochain", "2026-10-16", 0},
    {"Le ministre a parlé hier soir.", "fr", "hier", "2026-10-11", 0},
    {"Les pompiers sont intervenus il y a deux jours.", "fr", "il y a deux jours", "2026-10-10", 0},
    {"Le chantier reprendra la semaine prochaine.", "fr", "semaine prochaine", "2026-10-19", 3},
    {"Le procès s'ouvrira le 1er décembre.", "fr", "1er décembre", "2026-12-01", 0},
    {"Les faits remontent à mai 2019.", "fr", "mai 2019", "2019-05-01", 1},
    {"Il est élu en 2017.", "fr", "2017", "2017-01-01", 2},
    {"He resigned yesterday.", "en", "yesterday", "2026-10-11", 0},
    {"She arrived three days ago.", "en", "three days ago", "2026-10-09", 0},
    {"Le conseil se réunit aujourd'hui.", "fr", "aujourd'hui", "2026-10-12", 0},
    {"Rendez-vous le 2026-11-03 à Paris.", "fr", "2026-11-03", "2026-11-03", 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    TEST(cases[i].text) {
      rcp_doc *d = run(cases[i].text, cases[i].lang);
      const rcp_date_mention *m = find_date(d, cases[i].span);
      char b[11];
      CHECK(m != NULL);
      if (m) {
        CHECK_STR(day_str(m->day, b), cases[i].want);
        CHECK_INT(m->precision, cases[i].prec);
        CHECK(!m->duration);
      }
      rcp_doc_free(d);
    }
  }
  static const struct { const char *text, *lang, *span; double qty; char unit; const char *qual; } durs[] = {
    {"Le conflit dure depuis près de trois ans.", "fr", "depuis près de trois ans", 3, 'Y', "près de"},
    {"Les travaux ont pris plus de 18 mois.", "fr", "plus de 18 mois", 18, 'M', "plus de"},
    {"Il est en poste depuis six semaines.", "fr", "depuis six semaines", 6, 'W', NULL},
    {"The talks lasted for two weeks.", "en", "two weeks", 2, 'W', NULL},
    {"Plus de 380.000 cas ont été déclarés ces sept derniers jours.", "fr", "sept derniers jours", 7, 'D', NULL},
  };
  for (size_t i = 0; i < sizeof durs / sizeof durs[0]; i++) {
    TEST(durs[i].text) {
      rcp_doc *d = run(durs[i].text, durs[i].lang);
      const rcp_date_mention *m = find_date(d, durs[i].span);
      CHECK(m != NULL);
      if (m) {
        CHECK(m->duration);
        CHECK(m->day == INT64_MIN);
        CHECK(m->dur_qty == durs[i].qty);
        CHECK_INT(m->dur_unit, durs[i].unit);
        if (durs[i].qual) CHECK_STR(m->qualifier, durs[i].qual);
        else CHECK(m->qualifier == NULL);
      }
      rcp_doc_free(d);
    }
  }
  TEST("no publication date: relative dates stay unresolved, absolute ones resolve") {
    rcp_doc *d = mkdoc("x", "Il est venu hier, puis le 3 février 2026.", NULL, "fr");
    CHECK_INT(rcp__facts(NULL, d), RCP_OK);
    const rcp_date_mention *h = find_date(d, "hier"), *a = find_date(d, "3 février 2026");
    CHECK(h && h->day == INT64_MIN);
    char b[11];
    CHECK(a && strcmp(day_str(a->day, b), "2026-02-03") == 0);
    rcp_doc_free(d);
  }
  TEST("day numbers are not figures; invalid dates are not dates") {
    rcp_doc *d = run("Le 31 février, 45/13/2020 et le 12 mars 2020.", "fr");
    CHECK(find_date(d, "31 février") == NULL);
    CHECK(find_date(d, "45/13") == NULL);
    CHECK(find_date(d, "12 mars 2020") != NULL);
    CHECK(find_fig(d, "12 mars") == NULL);
    rcp_doc_free(d);
  }
}

TEST_SUITE(facts_figures) {
  static const struct { const char *text, *lang, *span; double qty; const char *qual, *unit, *about; } cases[] = {
    {"Des représentants de 42 pays étaient présents.", "fr", "42 pays", 42, NULL, "pays", "pays"},
    {"Ils ont réuni 18 chefs de gouvernement à Paris.", "fr", "18 chefs de gouvernement", 18, NULL, "chefs", "chef de gouvernement"},
    {"Le parti a obtenu 15 % des voix.", "fr", "15 % des voix", 15, NULL, "%", "voix"},
    {"Il a été condamné à 10 ans de prison.", "fr", "10 ans", 10, NULL, "ans", NULL},
    {"Plus de 12 000 foyers étaient privés d'électricité.", "fr", "Plus de 12 000 foyers", 12000, "plus de", "foyers", "foyer"},
    {"Environ 300 personnes ont manifesté.", "fr", "Environ 300 personnes", 300, "environ", "personnes", "personne"},
    {"Près de 54.000 Français ont répondu.", "fr", "Près de 54.000 Français", 54000, "près de", "Français", NULL},
    {"Au moins 40 morts ont été recensés.", "fr", "Au moins 40 morts", 40, "au moins", "morts", "mort"},
    {"La prime peut aller jusqu'à 500 euros.", "fr", "jusqu'à 500 euros", 500, "jusqu'à", "euros", NULL},
    {"Trente pays ont signé.", "fr", "Trente pays", 30, NULL, "pays", "pays"},
    {"Une dizaine de blessés ont été évacués.", "fr", "Une dizaine de blessés", 10, "environ", "blessés", "blesse"},
    {"Le plan coûtera 1,5 milliard d'euros.", "fr", "1,5 milliard d'euros", 1.5e9, NULL, "euros", NULL},
    {"Le taux atteint 2,5 % cette année.", "fr", "2,5 %", 2.5, NULL, "%", NULL},
    {"More than 200 people were evacuated.", "en", "More than 200 people", 200, "more than", "people", "people"},
    {"Il y a eu quatre-vingt-dix victimes.", "fr", "quatre-vingt-dix victimes", 90, NULL, "victimes", "victime"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    TEST(cases[i].text) {
      rcp_doc *d = run(cases[i].text, cases[i].lang);
      const rcp_figure *f = find_fig(d, cases[i].span);
      CHECK(f != NULL);
      if (f) {
        CHECK(fabs(f->quantity - cases[i].qty) < 1e-6 * (cases[i].qty + 1));
        if (cases[i].qual) CHECK_STR(f->qualifier, cases[i].qual);
        else CHECK(f->qualifier == NULL);
        CHECK_STR(f->unit, cases[i].unit);
        if (cases[i].about) CHECK_STR(f->about, cases[i].about);
      }
      rcp_doc_free(d);
    }
  }
  TEST("times, ordinals, scores, years and names with digits are not figures") {
    rcp_doc *d = run("À 14h30, le 2e tour a vu un score de 3-1 en 2019 pour le Covid-19 et le G7.", "fr");
    CHECK(find_fig(d, "14") == NULL);
    CHECK(find_fig(d, "2e") == NULL);
    CHECK(find_fig(d, "3") == NULL);
    CHECK(find_fig(d, "2019") == NULL);
    CHECK(find_fig(d, "19") == NULL);
    CHECK_INT(d ? d->nfigs : 99, 0);
    rcp_doc_free(d);
  }
}

TEST_SUITE(facts_entities) {
  static const struct { const char *text, *lang, *name; rcp_ent_type type; } cases[] = {
    {"La maire de Paris Anne Hidalgo a répondu.", "fr", "Anne Hidalgo", RCP_ENT_PERSON},
    {"La maire de Paris Anne Hidalgo a répondu.", "fr", "Paris", RCP_ENT_PLACE},
    {"Selon M. Macron, rien n'est décidé.", "fr", "Macron", RCP_ENT_PERSON},
    {"Le président Emmanuel Macron est arrivé.", "fr", "Emmanuel Macron", RCP_ENT_PERSON},
    {"La ministre de la Santé Agnès Buzyn a parlé.", "fr", "Agnès Buzyn", RCP_ENT_PERSON},
    {"Le Premier ministre Édouard Philippe a tranché.", "fr", "Édouard Philippe", RCP_ENT_PERSON},
    {"Le porte-parole de l'OTAN a démenti.", "fr", "OTAN", RCP_ENT_ORG},
    {"La présidente de la Commission, Ursula von der Leyen, a parlé.", "fr", "Ursula von der Leyen", RCP_ENT_PERSON},
    {"Le régime de Bachar al-Assad a répondu.", "fr", "Bachar al-Assad", RCP_ENT_PERSON},
    {"Le général Charles de Gaulle est mort en 1970.", "fr", "Charles de Gaulle", RCP_ENT_PERSON},
    {"Des crues ont touché Alès et le Gard.", "fr", "Alès", RCP_ENT_PLACE},
    {"Des crues ont touché Alès et le Gard.", "fr", "Gard", RCP_ENT_PLACE},
    {"Le secrétaire général des Nations unies a appelé au calme.", "fr", "Nations unies", RCP_ENT_ORG},
    {"L'Organisation mondiale de la santé (OMS) alerte.", "fr", "Organisation mondiale de la santé", RCP_ENT_ORG},
    {"L'Organisation mondiale de la santé (OMS) alerte.", "fr", "OMS", RCP_ENT_ORG},
    {"Kiev a demandé l'aide de l'Ukraine.", "fr", "Ukraine", RCP_ENT_PLACE},
    {"Le Conseil constitutionnel a censuré la loi.", "fr", "Conseil constitutionnel", RCP_ENT_ORG},
    {"L'Université de Clermont-Ferrand recrute.", "fr", "Université de Clermont-Ferrand", RCP_ENT_ORG},
    {"The White House said on Monday that NATO would meet.", "en", "White House", RCP_ENT_ORG},
    {"Le texte de la Commission de régulation de l'énergie (CRE) est paru.", "fr",
     "Commission de régulation de l'énergie", RCP_ENT_ORG},
    {"Une discussion entre le président et Satya Nadella, le patron du groupe, a eu lieu.", "fr", "Satya Nadella",
     RCP_ENT_PERSON},
    {"avait précisé le procureur-adjoint de Perpignan, Luc-André Lenormand.", "fr", "Luc-André Lenormand",
     RCP_ENT_PERSON},
    {"Il a été hospitalisé à l'hôpital parisien Georges Pompidou lundi.", "fr", "Georges Pompidou", RCP_ENT_ORG},
    {"La reine Elizabeth perd son trône à la Barbade.", "fr", "Elizabeth", RCP_ENT_PERSON},
    {"Trump et Biden, duel à distance.\n\nLe président Donald Trump a parlé.", "fr", "Trump", RCP_ENT_PERSON},
    {"Le candidat fait campagne vendredi dans le Minnesota.", "fr", "Minnesota", RCP_ENT_PLACE},
    {"La grande région minière de l'Iron Range a voté.", "fr", "Iron Range", RCP_ENT_PLACE},
    {"Cette année, Paris Photo a renoncé à sa foire.", "fr", "Paris Photo", RCP_ENT_ORG},
    {"Le gouvernement d'Irlande du Nord a répondu.", "fr", "Irlande du Nord", RCP_ENT_PLACE},
    {"Selon les informations du Parisien, la fête est annulée.", "fr", "Parisien", RCP_ENT_ORG},
    {"Le directeur de l'Opéra de Paris quitte ses fonctions.", "fr", "Opéra de Paris", RCP_ENT_ORG},
    {"Il l'a dit dans un entretien au Figaro jeudi.", "fr", "Figaro", RCP_ENT_ORG},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    TEST(cases[i].name) {
      rcp_doc *d = run(cases[i].text, cases[i].lang);
      const rcp_entity_mention *m = find_ent(d, cases[i].name);
      CHECK(m != NULL);
      if (m) CHECK_INT(m->type, cases[i].type);
      if (!m && d) for (size_t k = 0; k < d->nents; k++) fprintf(stderr, "  got [%s] %d\n", d->ents[k].name, d->ents[k].type);
      rcp_doc_free(d);
    }
  }
  TEST("a bare surname takes the identity of the full name") {
    rcp_doc *d = run("Anne Hidalgo a été réélue. Mme Hidalgo a remercié ses électeurs.", "fr");
    const rcp_entity_mention *m = find_ent(d, "Hidalgo");
    CHECK(m && m->type == RCP_ENT_PERSON && m->canon && strcmp(m->canon, "anne hidalgo") == 0);
    rcp_doc_free(d);
  }
  TEST("the acronym in brackets shares its expansion's identity") {
    rcp_doc *d = run("L'Organisation mondiale de la santé (OMS) alerte.", "fr");
    const rcp_entity_mention *a = find_ent(d, "Organisation mondiale de la santé"), *b = find_ent(d, "OMS");
    CHECK(a && b && a->canon && b->canon && strcmp(a->canon, b->canon) == 0);
    rcp_doc_free(d);
  }
  TEST("demonyms and sentence-initial function words are not entities") {
    rcp_doc *d = run("Les Français votent. Selon eux, Le vote compte.", "fr");
    CHECK(find_ent(d, "Français") == NULL);
    CHECK(find_ent(d, "Les") == NULL);
    CHECK(find_ent(d, "Selon") == NULL);
    rcp_doc_free(d);
  }
  TEST("a newspaper's name without its capitalised article needs a press context") {
    rcp_doc *d = run("Il est devenu champion du Monde en 2018.", "fr");
    const rcp_entity_mention *m = find_ent(d, "Monde");
    CHECK(m == NULL || m->type != RCP_ENT_ORG);
    rcp_doc_free(d);
  }
  TEST("an organisation head word alone at a sentence start is a common noun") {
    rcp_doc *d = run("Services from Brussels to Prague should open in 2027. Agency staff said nothing.", "en");
    CHECK(find_ent(d, "Services") == NULL);
    CHECK(find_ent(d, "Agency") == NULL);
    CHECK(find_ent(d, "Brussels") != NULL);
    rcp_doc_free(d);
    d = run("Conseil municipal : le vote est reporté. Le Conseil a tranché.", "fr");
    const rcp_entity_mention *m = find_ent(d, "Conseil");
    CHECK(m != NULL);  /* it recurs capitalised mid-sentence */
    rcp_doc_free(d);
  }
}

TEST_SUITE(facts_quotes) {
  static const struct { const char *text, *lang, *quote, *speaker; } cases[] = {
    {"« Nous ne céderons pas », a déclaré Jean Dupont mardi.", "fr", "Nous ne céderons pas", "Jean Dupont"},
    {"Selon Marie Durand, « la situation est grave ».", "fr", "la situation est grave", "Marie Durand"},
    {"Pierre Martin a affirmé : « Nous avons tout essayé ».", "fr", "Nous avons tout essayé", "Pierre Martin"},
    {"\"We will not give up,\" said John Smith.", "en", "We will not give up,", "John Smith"},
    {"Le mot « agribashing » est apparu. « Il faut agir vite », a-t-il dit.", "fr", "Il faut agir vite", NULL},
    {"Le maire Arnaud Péricard a réagi. « Je n'ai pas obtenu de garanties fermes », écrit-il.", "fr",
     "Je n'ai pas obtenu de garanties fermes", "Arnaud Péricard"},
    {"Le ministre Franck Riester a parlé. « Il y a eu un conseil de défense », a indiqué le ministre sur Europe 1.",
     "fr", "Il y a eu un conseil de défense", "Franck Riester"},
    {"Emmanuel Macron a parlé à l'Élysée. Ce moment est « une étape qui est indispensable » et qu'« il faut "
     "aborder avec calme », a-t-il déclaré.", "fr", "une étape qui est indispensable", "Emmanuel Macron"},
    {"Stéphane Lissner partira. « J'ai choisi de m'effacer », a indiqué M. Lissner au Monde.", "fr",
     "J'ai choisi de m'effacer", "Stéphane Lissner"},
    {"« La lutte est un devoir », a poursuivi Ali Khamenei.", "fr", "La lutte est un devoir", "Ali Khamenei"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    TEST(cases[i].quote) {
      rcp_doc *d = run(cases[i].text, cases[i].lang);
      const rcp_quote *q = NULL;
      for (size_t k = 0; d && k < d->nquotes; k++) if (strcmp(d->quotes[k].text, cases[i].quote) == 0) q = &d->quotes[k];
      CHECK(q != NULL);
      if (q && cases[i].speaker) CHECK_STR(q->speaker, cases[i].speaker);
      /* a quote of fewer than three words is a term, not a quotation */
      for (size_t k = 0; d && k < d->nquotes; k++) CHECK(strcmp(d->quotes[k].text, "agribashing") != 0);
      rcp_doc_free(d);
    }
  }
}

/* ---- story level ----------------------------------------------------- */

/* A story of n articles with their own publication times and language. */
static json_t *story_at(const char *const *texts, const char *const *pubs, size_t n, const char *lang,
                        const rcp_story_rel *rels, size_t nrels) {
  rcp_doc *docs[8];
  char id[8];
  for (size_t i = 0; i < n; i++) {
    snprintf(id, sizeof id, "a%zu", i + 1);
    docs[i] = mkdoc(id, texts[i], pubs[i], lang);
    if (!docs[i] || rcp__facts(NULL, docs[i]) != RCP_OK) return NULL;
  }
  rcp_story_view v;
  memset(&v, 0, sizeof v);
  v.id = 1;
  v.docs = docs;
  v.ndocs = n;
  v.rels = (rcp_story_rel *)(uintptr_t)rels;
  v.nrels = nrels;
  json_t *o = json_object();
  int rc = rcp__story_facts(NULL, &v, o);
  for (size_t i = 0; i < n; i++) rcp_doc_free(docs[i]);
  if (rc != RCP_OK) { json_decref(o); return NULL; }
  return o;
}

/* A French story of n articles published at PUB. */
static json_t *story(const char *const *texts, size_t n, const rcp_story_rel *rels, size_t nrels) {
  const char *pubs[8];
  for (size_t i = 0; i < n && i < 8; i++) pubs[i] = PUB;
  return story_at(texts, pubs, n, "fr", rels, nrels);
}

static json_t *entity_named(json_t *o, const char *name) {
  json_t *es = json_object_get(o, "entities");
  for (size_t i = 0; i < json_array_size(es); i++) {
    json_t *e = json_array_get(es, i);
    if (!strcmp(json_string_value(json_object_get(e, "name")), name)) return e;
    json_t *vs = json_object_get(e, "variants");
    for (size_t k = 0; k < json_array_size(vs); k++)
      if (!strcmp(json_string_value(json_array_get(vs, k)), name)) return e;
  }
  return NULL;
}

static size_t count_kind(json_t *o, const char *kind) {
  json_t *ds = json_object_get(o, "disagreements");
  size_t n = 0;
  for (size_t i = 0; i < json_array_size(ds); i++)
    if (!strcmp(json_string_value(json_object_get(json_array_get(ds, i), "kind")), kind)) n++;
  return n;
}

TEST_SUITE(facts_story) {
  TEST("transliterations merge: Zelensky / Zelenskyy / Zelenskyi / Selenskyj") {
    const char *t[] = {"Le président ukrainien Volodymyr Zelensky est à Paris.",
                       "Le président ukrainien Volodymyr Zelenskyy a parlé.",
                       "Le président ukrainien Volodymyr Zelenskyi a répondu.",
                       "Le président ukrainien Wolodymyr Selenskyj a remercié."};
    json_t *o = story(t, 4, NULL, 0);
    json_t *a = entity_named(o, "Volodymyr Zelensky"), *b = entity_named(o, "Wolodymyr Selenskyj");
    CHECK(a != NULL && a == b);
    CHECK(a && json_array_size(json_object_get(a, "articles")) == 4);
    CHECK(a && !strcmp(json_string_value(json_object_get(a, "type")), "person"));
    CHECK(count_kind(o, "name") == 1);
    json_decref(o);
  }
  TEST("accents, acronyms and French/English names merge") {
    const char *t[] = {"L'Élysée a confirmé. L'OTAN se réunit. La Maison Blanche se tait.",
                       "L'Elysee a démenti. L'organisation NATO se réunit. La White House a parlé."};
    json_t *o = story(t, 2, NULL, 0);
    json_t *e1 = entity_named(o, "Élysée"), *e2 = entity_named(o, "Elysee");
    CHECK(e1 && e1 == e2);
    CHECK(entity_named(o, "OTAN") && entity_named(o, "OTAN") == entity_named(o, "NATO"));
    CHECK(entity_named(o, "Maison Blanche") && entity_named(o, "Maison Blanche") == entity_named(o, "White House"));
    json_decref(o);
  }
  TEST("one name in another word order, with an acronym for a part, merges") {
    const char *t[] = {"The plan was approved, the Council of the EU said.", "The EU Council approved the plan.",
                       "Le Conseil de l'Union européenne a approuvé le plan.",
                       "The Council of the European Union approved it."};
    json_t *o = story(t, 4, NULL, 0);
    json_t *a = entity_named(o, "Council of the EU");
    CHECK(a && a == entity_named(o, "EU Council"));
    CHECK(a && a == entity_named(o, "Council of the European Union"));
    json_decref(o);
    /* not a subset: "Banque de France" is not "Banque centrale européenne" */
    const char *t2[] = {"La Banque de France a publié.", "La France a répondu à la Banque centrale européenne."};
    o = story(t2, 2, NULL, 0);
    CHECK(entity_named(o, "Banque de France") != entity_named(o, "Banque centrale européenne"));
    json_decref(o);
  }
  TEST("a bare surname in another article joins the full name") {
    const char *t[] = {"La maire Anne Hidalgo a été réélue à Paris.", "Mme Hidalgo a remercié les électeurs."};
    json_t *o = story(t, 2, NULL, 0);
    json_t *e = entity_named(o, "Anne Hidalgo");
    CHECK(e && e == entity_named(o, "Hidalgo"));
    CHECK(e && json_array_size(json_object_get(e, "articles")) == 2);
    json_decref(o);
  }
  TEST("different people with one surname stay apart") {
    const char *t[] = {"Le ministre Bruno Le Maire a parlé.", "La députée Marine Le Pen a répondu. Le député Jean-Marie Le Pen aussi."};
    json_t *o = story(t, 2, NULL, 0);
    CHECK(entity_named(o, "Marine Le Pen") != entity_named(o, "Jean-Marie Le Pen"));
    json_decref(o);
  }
  TEST("figures: 40 vs 45 disagree; plus de 40 vs 45 do not") {
    const char *t1[] = {"Le séisme a fait 40 morts mardi.", "Le séisme a fait 45 morts mardi."};
    json_t *o = story(t1, 2, NULL, 0);
    CHECK(count_kind(o, "figure") == 1);
    json_t *d = json_array_get(json_object_get(o, "disagreements"), 0);
    CHECK(d && !strcmp(json_string_value(json_object_get(d, "about_key")), "mort"));
    CHECK(d && !strcmp(json_string_value(json_object_get(d, "about")), "morts"));
    CHECK(d && json_array_size(json_object_get(d, "values")) == 2);
    json_decref(o);
    const char *t2[] = {"Le séisme a fait plus de 40 morts mardi.", "Le séisme a fait 45 morts mardi."};
    o = story(t2, 2, NULL, 0);
    CHECK(o && count_kind(o, "figure") == 0);
    json_decref(o);
    const char *t3[] = {"Le séisme a fait plus de 40 morts mardi.", "Le séisme a fait 38 morts mardi."};
    o = story(t3, 2, NULL, 0);
    CHECK(o && count_kind(o, "figure") == 1);
    json_decref(o);
  }
  TEST("the disagreement says what is counted, as written") {
    const char *t[] = {"Plus de 12 000 foyers privés d'électricité.", "Quelque 9 500 foyers restaient sans courant."};
    json_t *o = story(t, 2, NULL, 0);
    json_t *d = json_array_get(json_object_get(o, "disagreements"), 0);
    CHECK(d && !strcmp(json_string_value(json_object_get(d, "about")), "foyers privés d'électricité"));
    json_decref(o);
  }
  TEST("a rewrite that changes a figure disagrees with its original") {
    const char *t[] = {"Plus de 12 000 foyers étaient privés d'électricité mardi soir.",
                       "Selon Enedis, 9 500 foyers restaient sans électricité dans la soirée de mardi."};
    rcp_story_rel rel = {1, 0, "rewrite", 0.7};
    json_t *o = story(t, 2, &rel, 1);
    CHECK(o && json_integer_value(json_object_get(o, "independent_sources")) == 1);
    CHECK(o && count_kind(o, "figure") == 1);
    json_t *d = json_array_get(json_object_get(o, "disagreements"), 0);
    CHECK(d && !strcmp(json_string_value(json_object_get(d, "about")), "foyers privés d'électricité"));
    json_decref(o);
    /* an update of the same article corrects, it does not disagree */
    rcp_story_rel upd = {1, 0, "update", 0.9};
    o = story(t, 2, &upd, 1);
    CHECK(o && count_kind(o, "figure") == 0);
    json_decref(o);
  }
  TEST("only the figures of the lede are compared") {
    const char *t[] = {"Le séisme a fait 40 morts mardi. Les secours sont là. Les routes sont coupées. "
                       "La pluie tombe. Le vent souffle. Le froid arrive. Un village compte 12 blessés mardi.",
                       "Le séisme a fait 40 morts mardi. Les secours sont là. Les routes sont coupées. "
                       "La pluie tombe. Le vent souffle. Le froid arrive. Un autre village compte 25 blessés mardi."};
    json_t *o = story(t, 2, NULL, 0);
    CHECK(o && count_kind(o, "figure") == 0);
    json_decref(o);
  }
  TEST("figures stated for different days are two moments, not a disagreement") {
    const char *t[] = {"Plus de 12 000 foyers étaient privés d'électricité mardi soir.",
                       "Plus de 12 000 foyers étaient privés d'électricité mardi. Mercredi, 6 000 foyers restaient privés de courant.",
                       "Mercredi matin, 8 000 foyers restaient sans électricité."};
    json_t *o = story(t, 3, NULL, 0);
    /* mardi: one value; mercredi: 6 000 vs 8 000 disagree, the 12 000 is not in it */
    CHECK(o && count_kind(o, "figure") == 1);
    json_t *d = json_array_get(json_object_get(o, "disagreements"), 0);
    json_t *vals = d ? json_object_get(d, "values") : NULL;
    CHECK(json_array_size(vals) == 2);
    for (size_t i = 0; i < json_array_size(vals); i++)
      CHECK(json_real_value(json_object_get(json_array_get(vals, i), "quantity")) < 10000);
    json_decref(o);
  }
  TEST("what is counted: different predicates are different things") {
    static const struct { const char *a, *b; int dis; } c[] = {
      {"Environ 200 personnes ont été évacuées mardi.", "Au moins 50 personnes ont été blessées mardi.", 0},
      {"Environ 200 personnes ont été évacuées mardi.", "Quelque 120 personnes ont été évacuées mardi.", 1},
      {"Plus de 12 000 foyers privés de courant.", "Quelque 9 500 foyers sans électricité.", 1},
      {"Le séisme a fait 40 morts.", "Au total, 45 morts ont été recensés.", 1},
      /* round numbers, written decimals, running counts, hedges */
      {"Le pays compte 70.000 décès mardi.", "Le pays compte 71.000 décès mardi.", 0},
      {"Le pays compte 70.000 décès mardi.", "Le pays compte 76.000 décès mardi.", 1},
      {"On recense 1.769.776 cas mardi.", "On recense 1.778.515 cas mardi.", 0},
      {"Le navire transportait 12,5 tonnes de fioul.", "Le navire transportait 12,54 tonnes de fioul.", 0},
      {"Plus de 80 écoles sont fermées.", "Au total, 80 écoles sont fermées.", 0},
      {"La plaie mesure 20 cm.", "La plaie mesure 25 cm.", 1},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
      const char *t[] = {c[i].a, c[i].b};
      json_t *o = story(t, 2, NULL, 0);
      CHECK(o && count_kind(o, "figure") == (size_t)c[i].dis);
      json_decref(o);
    }
  }
  TEST("copies count once: independent sources and support") {
    const char *t[] = {"Plus de 12 000 foyers privés d'électricité.", "Plus de 12 000 foyers privés d'électricité.",
                       "Quelque 9 500 foyers privés d'électricité."};
    rcp_story_rel rel = {1, 0, "duplicate", 1.0};
    json_t *o = story(t, 3, &rel, 1);
    CHECK(o && json_integer_value(json_object_get(o, "independent_sources")) == 2);
    CHECK(o && count_kind(o, "figure") == 1);
    json_t *fig = json_array_get(json_object_get(o, "figures"), 0);
    CHECK(fig && json_integer_value(json_object_get(fig, "independent")) == 1);
    CHECK(fig && json_array_size(json_object_get(fig, "articles")) == 2);
    CHECK(fig && !strcmp(json_string_value(json_object_get(fig, "article")), "a1"));
    json_decref(o);
  }
  TEST("one figure in two spellings of its unit is one figure: km / kilomètres, ans / années") {
    const char *t[] = {"La ligne de 8,9 km dessert 17 stations. Le chantier a duré trois ans.",
                       "La ligne, longue de 8,9 kilomètres, a coûté 270 millions d'euros. Il a fallu trois années.",
                       "The 8.9 kilometre line opened."};
    json_t *o = story(t, 3, NULL, 0);
    json_t *figs = o ? json_object_get(o, "figures") : NULL;
    size_t n89 = 0, n3 = 0;
    for (size_t i = 0; i < json_array_size(figs); i++) {
      json_t *f = json_array_get(figs, i);
      double q = json_real_value(json_object_get(f, "quantity"));
      if (q > 8.89 && q < 8.91) {
        n89++;
        CHECK(json_array_size(json_object_get(f, "articles")) == 3);
      }
      if (q == 3) {
        n3++;
        CHECK(json_array_size(json_object_get(f, "articles")) == 2);
      }
    }
    CHECK(n89 == 1);
    CHECK(n3 == 1);
    json_decref(o);
    /* different units stay apart: 8,9 km is not 8,9 m nor 8,9 tonnes */
    const char *t2[] = {"La ligne de 8,9 km est ouverte.", "Un mur de 8,9 mètres.", "Un bloc de 8,9 tonnes."};
    o = story(t2, 3, NULL, 0);
    figs = o ? json_object_get(o, "figures") : NULL;
    n89 = 0;
    for (size_t i = 0; i < json_array_size(figs); i++) {
      double q = json_real_value(json_object_get(json_array_get(figs, i), "quantity"));
      if (q > 8.89 && q < 8.91) n89++;
    }
    CHECK(n89 == 3);
    json_decref(o);
  }
  TEST("an article that gives several values for one thing is not a disagreement") {
    const char *t[] = {"Il y avait 8 intrusions en 2017 et 16 intrusions en 2018.", "On compte 16 intrusions en 2018."};
    json_t *o = story(t, 2, NULL, 0);
    CHECK(o && count_kind(o, "figure") == 0);
    json_decref(o);
  }
  TEST("the same event dated differently") {
    const char *t[] = {"Le séisme a frappé le 10 octobre la région.", "Le séisme a frappé le 9 octobre la région."};
    json_t *o = story(t, 2, NULL, 0);
    CHECK(o && count_kind(o, "date") == 1);
    CHECK(o && json_array_size(json_object_get(o, "event_date_candidates")) == 2);
    json_decref(o);
  }
  /* ---- false alarms on the stream (docs/facts.md, "Disagreements") ---- */
  TEST("a count read hours apart is a running count, not a disagreement (fr, en)") {
    const char *fr[] = {"Quelque 900 pompiers sont mobilisés.", "Quelque 1 300 pompiers sont mobilisés."};
    const char *en[] = {"About 900 firefighters were deployed.", "About 1300 firefighters were deployed."};
    const char *apart[] = {"2026-10-14T14:00:00Z", "2026-10-14T19:00:00Z"};
    const char *close[] = {"2026-10-14T14:00:00Z", "2026-10-14T15:30:00Z"};
    json_t *o = story_at(fr, apart, 2, "fr", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 0);
    json_decref(o);
    o = story_at(fr, close, 2, "fr", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 1);
    json_decref(o);
    o = story_at(en, apart, 2, "en", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 0);
    json_decref(o);
    o = story_at(en, close, 2, "en", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 1);
    json_decref(o);
    /* both say "lundi": a daily toll growing during the day */
    const char *t[] = {"Lundi, deux nouveaux décès ont été enregistrés.", "Lundi, quatre nouveaux décès ont été enregistrés."};
    const char *day[] = {"2026-10-12T13:00:00Z", "2026-10-12T19:00:00Z"};
    o = story_at(t, day, 2, "fr", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 0);
    json_decref(o);
  }
  TEST("one date given in full by both holds for a day; a weekday alone for 3 hours (fr, en)") {
    const char *pubs[] = {"2026-10-11T19:00:00Z", "2026-10-12T11:00:00Z"};
    const char *fr[] = {"Dimanche 11 octobre, 11 secrétaires d'Etat ont été nommés.",
                        "Dimanche 11 octobre, douze secrétaires d'Etat ont été nommés."};
    json_t *o = story_at(fr, pubs, 2, "fr", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 1);
    json_decref(o);
    const char *en[] = {"On October 11, 11 ministers were appointed.", "On October 11, twelve ministers were appointed."};
    o = story_at(en, pubs, 2, "en", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 1);
    json_decref(o);
    const char *wk[] = {"Dimanche, 11 secrétaires d'Etat ont été nommés.", "Dimanche, douze secrétaires d'Etat ont été nommés."};
    o = story_at(wk, pubs, 2, "fr", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 0);
    json_decref(o);
  }
  TEST("a day stated by one figure must be the day the other was published") {
    /* Tuesday's articles: Monday's count against today's */
    const char *t[] = {"Lundi, 3 696 patients étaient en réanimation.", "Au total, 3 430 patients sont en réanimation."};
    const char *tue[] = {"2026-10-13T18:00:00Z", "2026-10-13T19:00:00Z"};
    json_t *o = story_at(t, tue, 2, "fr", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 0);
    json_decref(o);
    /* "depuis lundi" is where a count starts, not the day it is given for */
    const char *t2[] = {"Depuis lundi, 40 personnes ont été évacuées.", "Au total, 45 personnes ont été évacuées."};
    const char *wed[] = {"2026-10-14T10:00:00Z", "2026-10-14T11:00:00Z"};
    o = story_at(t2, wed, 2, "fr", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 1);
    json_decref(o);
  }
  TEST("figures stated for different years are two moments (fr, en)") {
    const char *p[] = {PUB, PUB};
    const char *fr[] = {"Au total, 2 107 actes ont été enregistrés en 2019.", "Au total, 1 986 actes avaient été enregistrés en 2017."};
    json_t *o = story_at(fr, p, 2, "fr", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 0);
    json_decref(o);
    const char *en[] = {"In 2019, 210 incidents were recorded.", "In 2017, 180 incidents were recorded."};
    o = story_at(en, p, 2, "en", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 0);
    json_decref(o);
    const char *same[] = {"In 2019, 210 incidents were recorded.", "In 2019, 180 incidents were recorded."};
    o = story_at(same, p, 2, "en", NULL, 0);
    CHECK(o && count_kind(o, "figure") == 1);
    json_decref(o);
  }
  TEST("parts, other members, earlier values and measures are not the count (fr, en)") {
    static const struct { const char *a, *b, *lang; } c[] = {
      {"L'accident a fait des victimes, dont 6 blessés, mardi.", "L'accident a fait 10 blessés mardi.", "fr"},
      {"The crash left victims, including 6 injured, on Tuesday.", "The crash left 10 injured on Tuesday.", "en"},
      {"Il a blessé quatre autres personnes mardi.", "Il a blessé au moins sept autres personnes mardi.", "fr"},
      {"He injured four other people on Tuesday.", "He injured at least seven other people on Tuesday.", "en"},
      {"Parmi ces trois agents, l'un a été mis en examen.", "Quatre agents ont été mis en examen.", "fr"},
      {"Le pays a désormais moins de malades, contre 16 400 malades hier.", "Le pays compte 14 200 malades.", "fr"},
      {"Des vents de 120 km/h ont touché la côte.", "Des vents de 150 km/h ont touché la côte.", "fr"},
      {"Winds of 120 km/h hit the coast.", "Winds of 150 km/h hit the coast.", "en"},
      {"La voiture atteint 100 km/h en 3,3 secondes.", "La voiture atteint 100 km/h en 3,8 secondes.", "fr"},
      {"Il fait 35 °C à Lyon.", "Il fait 20 °C à Lyon.", "fr"},
      {"Il l'emporterait avec de 53,1 à 54 % des voix.", "Il l'emporte avec 53 % des voix.", "fr"},
      {"Polls gave him between 53.1 and 54 % of the vote.", "Polls gave him 53 % of the vote.", "en"},
      {"Ils devront payer 750 000 euros d'amende.", "Elle devra payer 375 000 euros d'amende.", "fr"},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
      const char *t[] = {c[i].a, c[i].b}, *p[] = {PUB, PUB};
      json_t *o = story_at(t, p, 2, c[i].lang, NULL, 0);
      CHECK(o && count_kind(o, "figure") == 0);
      json_decref(o);
    }
  }
  TEST("names: only sources that each keep to one spelling disagree (fr, en)") {
    /* one article with two spellings: a typo inside a source */
    const char *one[] = {"Le président Alexandre Loukachenko a parlé. Alexandre Loukachneko a ensuite quitté la salle."};
    json_t *o = story(one, 1, NULL, 0);
    CHECK(o && count_kind(o, "name") == 0);
    json_decref(o);
    const char *two[] = {"President Alexander Lukashenko spoke on Monday.", "President Alexander Lukashneko spoke on Monday."};
    const char *p[] = {PUB, PUB};
    o = story_at(two, p, 2, "en", NULL, 0);
    CHECK(o && count_kind(o, "name") == 1);
    json_decref(o);
    /* a copy is the same source */
    rcp_story_rel dup = {1, 0, "duplicate", 1.0};
    o = story_at(two, p, 2, "en", &dup, 1);
    CHECK(o && count_kind(o, "name") == 0);
    json_decref(o);
    /* an article that also spells it right is not a source that spells it otherwise */
    const char *mixed[] = {"Le président Alexandre Loukachenko a parlé.",
                           "Alexandre Loukachneko a parlé. Alexandre Loukachenko a ensuite quitté la salle."};
    o = story(mixed, 2, NULL, 0);
    CHECK(o && count_kind(o, "name") == 0);
    json_decref(o);
  }
  TEST("two people with one first name are not one name spelt two ways") {
    const char *t[] = {"Le maire François Baroin a parlé.", "Le député François Bayrou a répondu."};
    json_t *o = story(t, 2, NULL, 0);
    CHECK(o && entity_named(o, "François Baroin") != entity_named(o, "François Bayrou"));
    CHECK(o && count_kind(o, "name") == 0);
    json_decref(o);
    const char *t2[] = {"La romancière Vanessa Springora a parlé.", "La romancière Vanessa Spingora a répondu."};
    o = story(t2, 2, NULL, 0);
    CHECK(o && entity_named(o, "Vanessa Springora") == entity_named(o, "Vanessa Spingora"));
    json_decref(o);
  }
  TEST("dates of two sub-events are not one event dated differently (fr, en)") {
    const char *p[] = {PUB, PUB};
    /* a day after the other article was published is a later sub-event */
    const char *later[] = {"Le séisme a frappé le 10 octobre la région.", "Le séisme a frappé le 14 octobre la région."};
    json_t *o = story(later, 2, NULL, 0);
    CHECK(o && count_kind(o, "date") == 0);
    json_decref(o);
    /* an article that names both days tells two moments */
    const char *both[] = {"Le séisme a frappé le 10 octobre la région.",
                          "Le séisme a frappé le 9 octobre la région, puis une réplique le 10 octobre."};
    o = story(both, 2, NULL, 0);
    CHECK(o && count_kind(o, "date") == 0);
    json_decref(o);
    /* the day something was said is that of the report */
    const char *said[] = {"The earthquake struck the region on October 9.",
                          "The earthquake struck the region, officials announced October 10."};
    o = story_at(said, p, 2, "en", NULL, 0);
    CHECK(o && count_kind(o, "date") == 0);
    json_decref(o);
    /* sentences about different things */
    const char *other[] = {"Le séisme a frappé le 10 octobre la région.",
                           "Le ministre a visité le 9 octobre une école de Lyon avec le maire."};
    o = story(other, 2, NULL, 0);
    CHECK(o && count_kind(o, "date") == 0);
    json_decref(o);
    const char *same[] = {"The earthquake struck the northern region on October 9.",
                          "The earthquake struck the northern region on October 10."};
    o = story_at(same, p, 2, "en", NULL, 0);
    CHECK(o && count_kind(o, "date") == 1);
    json_decref(o);
  }
  TEST("empty story") {
    rcp_story_view v;
    memset(&v, 0, sizeof v);
    json_t *o = json_object();
    CHECK_INT(rcp__story_facts(NULL, &v, o), RCP_OK);
    CHECK(json_integer_value(json_object_get(o, "independent_sources")) == 0);
    CHECK(json_array_size(json_object_get(o, "entities")) == 0);
    json_decref(o);
  }
}

/* ---- hostile inputs -------------------------------------------------- */

static long fail_at = -1, alloc_count = 0;
static void *f_malloc(size_t n, void *ud) { (void)ud; if (++alloc_count == fail_at) return NULL; return malloc(n ? n : 1); }
static void *f_realloc(void *p, size_t n, void *ud) { (void)ud; if (++alloc_count == fail_at) return NULL; return realloc(p, n ? n : 1); }
static void f_free(void *p, void *ud) { (void)ud; free(p); }
static const rcp_allocator failing = { f_malloc, f_realloc, f_free, NULL };

TEST_SUITE(facts_inputs) {
  TEST("empty, NULL and binary text") {
    rcp_doc *d = run("", "fr");
    CHECK(d && d->nents == 0 && d->ndates == 0 && d->nfigs == 0 && d->nquotes == 0);
    rcp_doc_free(d);
    d = mkdoc("b", "x", PUB, NULL);
    d->text = NULL; d->text_len = 0;
    CHECK_INT(rcp__facts(NULL, d), RCP_OK);
    rcp_doc_free(d);
    CHECK_INT(rcp__facts(NULL, NULL), RCP_EINVAL);
    static const char bin[] = "\xff\xfe\x00\x01\xc3\x28 12 \xe2\x82 mars \xf0\x9f\x98\x80 « ";
    d = mkdoc("c", "x", PUB, "fr");
    d->text = bin; d->text_len = sizeof bin - 1;
    CHECK_INT(rcp__facts(NULL, d), RCP_OK);
    for (size_t i = 0; i < d->nents; i++) CHECK(d->ents[i].off + d->ents[i].len <= d->text_len);
    rcp_doc_free(d);
  }
  TEST("huge text: spans in bounds, deterministic") {
    const char *unit = "Le 12 mars, plus de 40 morts à Paris selon l'OMS. « Il faut agir », a déclaré Anne Hidalgo. ";
    size_t ul = strlen(unit), reps = 20000;
    char *big = malloc(ul * reps + 1);
    for (size_t i = 0; i < reps; i++) memcpy(big + i * ul, unit, ul);
    big[ul * reps] = 0;
    rcp_doc *d = run(big, "fr");
    CHECK(d != NULL);
    CHECK(d && d->nfigs == reps && d->ndates == reps);
    for (size_t i = 0; d && i < d->nents; i++) CHECK(d->ents[i].off + d->ents[i].len <= d->text_len);
    rcp_doc *d2 = run(big, "fr");
    CHECK(d && d2 && d->nents == d2->nents && d->nquotes == d2->nquotes);
    rcp_doc_free(d);
    rcp_doc_free(d2);
    free(big);
  }
  TEST("unterminated quotes and brackets") {
    rcp_doc *d = run("« Il a dit ceci sans fin. \" et encore ( OMS", "fr");
    CHECK(d != NULL);
    rcp_doc_free(d);
  }
  TEST("allocation failures return ENOMEM and leak nothing") {
    const char *text = "Le 12 mars, plus de 40 morts à Paris selon l'OMS. « Il faut agir », a déclaré Anne Hidalgo.";
    int ok = 0;
    for (fail_at = 1; fail_at < 400 && !ok; fail_at++) {
      rcp_doc *d = mkdoc("f", text, PUB, "fr");
      alloc_count = 0;
      rcp_set_allocator(&failing);
      int rc = rcp__facts(NULL, d);
      rcp_set_allocator(NULL);
      CHECK(rc == RCP_OK || rc == RCP_ENOMEM);
      if (rc == RCP_OK) ok = 1;
      rcp_doc_free(d);
    }
    fail_at = -1;
    CHECK(ok);
  }
}
