/* test_digest.c -- sentence preparation, single-article summaries and the
** story digest (src/summarize.c, src/digest.c). */
#include "test.h"

#include <stdlib.h> /* free, getenv */

static bool has(const char *hay, const char *needle) { return hay && strstr(hay, needle) != NULL; }

TEST_SUITE(summarize) {
  TEST("junk and dependent sentences are recognised") {
    static const struct { const char *s; int junk, dep; } cases[] = {
      { "Lire aussi : les images des inondations.", 1, 0 },
      { "Par Jean Martin", 1, 0 },
      { "window.pvp_12 = new Pvp('dm', {idDM: \"x\"});", 1, 0 },
      { "Photo : AFP", 1, 0 },
      { "Il a ajouté que les secours resteraient mobilisés.", 0, 1 },
      { "He added that the water was still rising.", 0, 1 },
      { "Cette décision a surpris les élus.", 0, 1 },
      { "Le préfet a déclenché le plan ORSEC.", 0, 0 },
      { "« Nous ne lâcherons rien », a déclaré la ministre.", 0, 0 },
      /* the impersonal "il" names nobody */
      { "Il est tombé 80 millimètres de pluie en une heure.", 0, 0 },
      { "Il y a eu plus de 450 interventions depuis lundi.", 0, 0 },
      { "Selon Météo-France, il est tombé 80 millimètres de pluie.", 0, 0 },
      /* a subject pronoun after an opening phrase leans on what came before */
      { "Longue de 8,9 kilomètres, elle compte 17 stations.", 0, 1 },
      { "Mardi soir, il a annoncé sa démission.", 0, 1 },
      { "On Monday, she said the dam would hold.", 0, 1 },
      { "Selon le préfet, les routes resteront fermées.", 0, 0 },
      { "« Ce qui compte, ce sont les actes », a-t-il insisté devant la presse.", 0, 1 },
      { "Les secours sont prêts, estime-t-elle, mais la nuit sera longue.", 0, 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      size_t n = strlen(cases[i].s);
      CHECK_INT(rcp__sent_is_junk(cases[i].s, n), cases[i].junk);
      CHECK_INT(rcp__sent_is_dependent(cases[i].s, n), cases[i].dep);
    }
  }
  TEST("splitter keeps abbreviations and initials, cuts glued paragraphs") {
    rcp_arena *a = rcp__arena_new(1 << 20);
    const char *t = "M. Dupont est arrivé à 10 h. J. Martin l'attendait.La réunion a duré une heure! "
                    "Elle s'est terminée vers midi.";
    rcp__sent *s = NULL;
    size_t n = 0;
    CHECK_INT(rcp__sents_of_text(a, t, strlen(t), "fr", &s, &n), RCP_OK);
    CHECK_INT(n, 4);
    if (n == 4) {
      CHECK(strncmp(t + s[0].off, "M. Dupont", 9) == 0);
      CHECK(strncmp(t + s[1].off, "J. Martin", 9) == 0);
      CHECK(strncmp(t + s[2].off, "La réunion", 10) == 0);
      CHECK(s[3].flags & RCP__SENT_DEP);
    }
    rcp__arena_free(a);
  }
  TEST("a quote cut in two and a glued subheading are not shown alone") {
    rcp_arena *a = rcp__arena_new(1 << 20);
    const char *t = "Les hôpitaux de la capitale sont saturés.- \"Catastrophe\" -La mission de l'ONU a parlé. "
                    "J'ai tout vu dans ma vie, mais rien de tel\", a dit un habitant du port. "
                    "« Nous avons eu beaucoup d'eau », a expliqué la maire de la ville.";
    rcp__sent *s = NULL;
    size_t n = 0;
    CHECK_INT(rcp__sents_of_text(a, t, strlen(t), "fr", &s, &n), RCP_OK);
    CHECK(n >= 3);
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
      const char *p = t + s[i].off;
      if (strncmp(p, "Les hôpitaux", 13) == 0) { seen++; CHECK(s[i].flags & RCP__SENT_JUNK); }
      if (strncmp(p, "J'ai tout vu", 12) == 0) { seen++; CHECK(s[i].flags & RCP__SENT_DEP); }
      if (strncmp(p, "« Nous", 7) == 0) { seen++; CHECK(!(s[i].flags & (RCP__SENT_DEP | RCP__SENT_JUNK))); }
    }
    CHECK_INT(seen, 3);
    rcp__arena_free(a);
  }
  TEST("French article: lead facts, no boilerplate, no orphan") {
    size_t len;
    char *t = t_read("digest/fr1.txt", &len);
    CHECK(t != NULL);
    char *out = NULL;
    CHECK_INT(rcp_summarize(NULL, t, len, "fr", 2, &out), RCP_OK);
    CHECK(has(out, "12 000 foyers"));
    CHECK(!has(out, "Lire aussi"));
    CHECK(!has(out, "Par Jean"));
    free(out);
    /* with 5 sentences, "Il a ajouté" comes only after its antecedent */
    CHECK_INT(rcp_summarize(NULL, t, len, "fr", 5, &out), RCP_OK);
    if (has(out, "Il a ajouté")) CHECK(has(out, "plan ORSEC"));
    CHECK(!has(out, "Lire aussi"));
    free(out);
    free(t);
  }
  TEST("English article") {
    size_t len;
    char *t = t_read("digest/en1.txt", &len);
    char *out = NULL;
    CHECK_INT(rcp_summarize(NULL, t, len, "en", 2, &out), RCP_OK);
    CHECK(has(out, "Heavy rain"));
    CHECK(!has(out, "Read more"));
    free(out);
    free(t);
  }
  TEST("edge inputs: empty, no stop, binary, bad count") {
    char *out = NULL;
    CHECK_INT(rcp_summarize(NULL, "", 0, NULL, 2, &out), RCP_OK);
    CHECK_STR(out, "");
    free(out);
    CHECK_INT(rcp_summarize(NULL, "one fragment", 12, NULL, 2, &out), RCP_OK);
    CHECK_STR(out, "one fragment");
    free(out);
    const char bin[] = "\xff\xfe\x00\x01 abc. \x80\x81 Def ghi jkl mno.";
    CHECK_INT(rcp_summarize(NULL, bin, sizeof bin - 1, NULL, 2, &out), RCP_OK);
    CHECK(out != NULL);
    free(out);
    out = (char *)1;
    CHECK_INT(rcp_summarize(NULL, "x", 1, NULL, 0, &out), RCP_EINVAL);
    CHECK(out == NULL);
  }
  TEST("deterministic") {
    size_t len;
    char *t = t_read("digest/fr1.txt", &len);
    char *a = NULL, *b = NULL;
    rcp_summarize(NULL, t, len, "fr", 3, &a);
    rcp_summarize(NULL, t, len, "fr", 3, &b);
    CHECK_STR(a, b);
    free(a); free(b); free(t);
  }
}

/* ------------------------------------------------------------------ */
/* Story digests over fixtures (no store needed)                      */

#include <jansson.h>

/* The fixtures are JSON Lines records; each becomes a page (so the test
** does not depend on the JSONL reader). */
static size_t load_docs(const char *rel, rcp_doc **docs, size_t max) {
  FILE *f = fopen(t_path(rel), "rb");
  if (!f) return 0;
  char line[16384];
  size_t n = 0;
  while (n < max && fgets(line, sizeof line, f)) {
    json_t *o = json_loads(line, 0, NULL);
    if (!o) continue;
    rcp_page p;
    memset(&p, 0, sizeof p);
    p.id = json_string_value(json_object_get(o, "id"));
    p.source = rel;
    p.url = json_string_value(json_object_get(o, "url"));
    p.published = json_string_value(json_object_get(o, "published"));
    p.title = json_string_value(json_object_get(o, "title"));
    p.site = json_string_value(json_object_get(o, "site"));
    p.language = json_string_value(json_object_get(o, "language"));
    p.body = json_string_value(json_object_get(o, "text"));
    p.body_len = p.body ? strlen(p.body) : 0;
    if (p.body && rcp_doc_process(NULL, &p, &docs[n]) == RCP_OK) n++;
    json_decref(o);
  }
  fclose(f);
  return n;
}

static json_t *digest_of(rcp_doc **docs, size_t n, rcp_story_rel *rels, size_t nrels) {
  rcp_story_view v;
  memset(&v, 0, sizeof v);
  v.id = 1; v.docs = docs; v.ndocs = n; v.rels = rels; v.nrels = nrels;
  json_t *o = json_object();
  if (rcp__digest(NULL, &v, o) != RCP_OK) { json_decref(o); return NULL; }
  if (getenv("DIGEST_DUMP")) {
    char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fprintf(stderr, "%s\n", s);
    free(s);
  }
  return o;
}

static bool array_has_str(json_t *a, const char *s) {
  size_t i;
  json_t *x;
  json_array_foreach(a, i, x) if (json_is_string(x) && strcmp(json_string_value(x), s) == 0) return true;
  return false;
}

TEST_SUITE(digest) {
  TEST("French story: title, points, sources, roles") {
    rcp_doc *docs[8] = { 0 };
    size_t n = load_docs("digest/story-fr.jsonl", docs, 8);
    CHECK_INT(n, 4);
    rcp_story_rel rels[] = { { 1, 0, "duplicate", 0.98 }, { 2, 0, "rewrite", 0.6 }, { 3, 0, "update", 0.8 } };
    json_t *o = digest_of(docs, n, rels, 3);
    CHECK(o != NULL);
    if (o) {
      CHECK_STR(json_string_value(json_object_get(o, "language")), "fr");
      const char *title = json_string_value(json_object_get(o, "title"));
      CHECK(title != NULL);
      /* not the longest headline (fr-a2's) */
      CHECK(title && !strstr(title, "spectaculaire"));
      CHECK_STR(json_string_value(json_object_get(o, "event_date")), "2026-03-09");
      CHECK_STR(json_string_value(json_object_get(o, "first_publisher")), "lyon-matin.example");
      json_t *kp = json_object_get(o, "key_points");
      CHECK(json_array_size(kp) >= 3 && json_array_size(kp) <= 7);
      size_t i;
      json_t *k;
      json_array_foreach(kp, i, k) {
        const char *t = json_string_value(json_object_get(k, "text"));
        CHECK(t && !strstr(t, "Lire aussi") && !strstr(t, "Par Luc") && !strstr(t, "Il a ajouté"));
        CHECK(json_array_size(json_object_get(k, "articles")) >= 1);
        CHECK(json_integer_value(json_object_get(k, "independent")) >= 1);
        /* each key point's text is a sentence of one of its articles */
        json_t *arts = json_object_get(k, "articles");
        bool found = false;
        for (size_t d = 0; d < n; d++)
          if (array_has_str(arts, docs[d]->id) && strstr(docs[d]->text, t)) found = true;
        CHECK(found);
      }
      /* the opening statement is carried by the original, its copy and the update */
      json_t *k0 = json_array_get(kp, 0);
      CHECK(json_array_size(json_object_get(k0, "articles")) >= 3);
      /* copies and the same site are not independent: at most 2 groups here */
      CHECK(json_integer_value(json_object_get(o, "source_groups")) == 1);
      const char *sum = json_string_value(json_object_get(o, "summary"));
      CHECK(sum && strlen(sum) > 40);
      CHECK(json_array_size(json_object_get(o, "summary_sentences")) >= 2);
      json_t *src = json_object_get(o, "sources");
      CHECK_INT(json_array_size(src), 4);
      CHECK_STR(json_string_value(json_object_get(json_array_get(src, 0), "role")), "original");
      CHECK_STR(json_string_value(json_object_get(json_array_get(src, 1), "role")), "copy");
      CHECK_STR(json_string_value(json_object_get(json_array_get(src, 2), "role")), "rewrite");
      CHECK_STR(json_string_value(json_object_get(json_array_get(src, 3), "role")), "update");
      CHECK_STR(json_string_value(json_object_get(json_array_get(src, 3), "of")), "fr-a1");
      /* two publication days: a timeline */
      CHECK(json_array_size(json_object_get(o, "timeline")) == 2);
      json_decref(o);
    }
    for (size_t i = 0; i < n; i++) rcp_doc_free(docs[i]);
  }
  TEST("exact copies linked to a later copy: shown around the earliest") {
    /* as the relate stage stores them: each new page to its best match
    ** only, here the copy fr-a2 (index 1); a0 and a1 are exact copies, a2
    ** rewrites a1, a3 updates a1 */
    rcp_doc *docs[8] = { 0 };
    size_t n = load_docs("digest/story-fr.jsonl", docs, 8);
    CHECK_INT(n, 4);
    rcp_story_rel rels[] = { { 1, 0, "duplicate", 1.0 }, { 2, 1, "rewrite", 0.5 }, { 3, 1, "update", 0.8 } };
    /* and the same with the direction reversed between the two copies */
    rcp_story_rel rev[] = { { 0, 1, "duplicate", 1.0 }, { 2, 1, "rewrite", 0.5 }, { 3, 1, "update", 0.8 } };
    for (int t = 0; t < 2; t++) {
      json_t *o = digest_of(docs, n, t ? rev : rels, 3);
      json_t *src = json_object_get(o, "sources");
      CHECK_STR(json_string_value(json_object_get(json_array_get(src, 0), "role")), "original");
      CHECK_STR(json_string_value(json_object_get(json_array_get(src, 1), "role")), "copy");
      CHECK_INT(json_integer_value(json_object_get(json_array_get(src, 1), "of_n")), 1);
      CHECK_STR(json_string_value(json_object_get(json_array_get(src, 2), "role")), "rewrite");
      CHECK_INT(json_integer_value(json_object_get(json_array_get(src, 2), "of_n")), 1);
      CHECK_STR(json_string_value(json_object_get(json_array_get(src, 3), "role")), "update");
      CHECK_STR(json_string_value(json_object_get(json_array_get(src, 3), "of")), "fr-a1");
      json_decref(o);
    }
    for (size_t i = 0; i < n; i++) rcp_doc_free(docs[i]);
  }
  TEST("English story without relations: independent sources") {
    rcp_doc *docs[4] = { 0 };
    size_t n = load_docs("digest/story-en.jsonl", docs, 4);
    CHECK_INT(n, 2);
    json_t *o = digest_of(docs, n, NULL, 0);
    CHECK(o != NULL);
    if (o) {
      CHECK_STR(json_string_value(json_object_get(o, "language")), "en");
      CHECK_INT(json_integer_value(json_object_get(o, "source_groups")), 2);
      json_t *kp = json_object_get(o, "key_points");
      CHECK(json_array_size(kp) >= 2);
      CHECK(json_object_get(o, "timeline") == NULL);
      size_t i;
      json_t *k;
      json_array_foreach(kp, i, k) CHECK(!strstr(json_string_value(json_object_get(k, "text")), "He added"));
      json_decref(o);
    }
    for (size_t i = 0; i < n; i++) rcp_doc_free(docs[i]);
  }
  TEST("empty story and a story of one empty article") {
    json_t *o = digest_of(NULL, 0, NULL, 0);
    CHECK(o != NULL);
    json_decref(o);
    rcp_page p;
    memset(&p, 0, sizeof p);
    p.id = "e"; p.source = "e"; p.body = ""; p.body_len = 0;
    rcp_doc *d = NULL;
    CHECK_INT(rcp__doc_new(NULL, &p, &d), RCP_OK);
    o = digest_of(&d, 1, NULL, 0);
    CHECK(o != NULL);
    CHECK_INT(json_array_size(json_object_get(o, "key_points")), 0);
    json_decref(o);
    rcp_doc_free(d);
  }
}
