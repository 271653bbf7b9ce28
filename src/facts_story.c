/* facts_story.c -- stage 7 at story level: entities merged across the
** articles of a story, figures, disagreements and independent sources.
**
** Independence: articles linked by a relation (duplicate, near_duplicate,
** contains, update, rewrite: view->rels) are one source; union-find over the
** relations gives the source groups, and every count of support is a count
** of groups, not of articles.
** Entities: mentions are grouped by gazetteer id when they have one
** ("c:FRA", "o:nato": OTAN/NATO, Élysée/Elysee, Maison Blanche/White House),
** else by the document-level full name of a bare surname, else by their
** folded key; groups of one type are then merged when their
** transliteration keys are equal (Zelensky/Zelenskyy/Selenskyj), when a bare
** surname matches the last word of exactly one full name in the story
** ("Hidalgo" -> "Anne Hidalgo"), when an acronym spells the initials of a
** name (OMS / Organisation mondiale de la santé), when two names of places
** or organisations have the same words in another order, a gazetteer span
** standing for its id and particles dropped ("EU Council" / "Council of the
** EU" / "Council of the European Union"), or when the folded keys
** are within Jaro-Winkler RCP_FX_JW of each other with the same first word
** (threshold chosen on the stream's names: docs/facts.md).  The canonical
** name is the most frequent full form.
** Disagreements (rules and their measurement: docs/facts.md and
** docs/benchmarks.md): figures about the same thing, given for one moment
** (articles published within RCP_FX_FIG_HOURS, stated days equal), whose
** value intervals cannot overlap, taking the qualifier into account ("plus de 40" = (40, inf) fits
** 45; "40" and "45" do not).  The same thing: same `about` key, the same
** stated day when both have one (a day to the day in the figure's sentence,
** or of the same value elsewhere in its article: "12 000 foyers mardi" and
** "6 000 foyers mercredi" are two moments), and predicates that share a
** content stem when both have one ("privés d'électricité" / "sans
** électricité", privation words being one stem; not "évacuées" /
** "blessées").  Any two articles may disagree, a rewrite with its original
** included (a rewrite that changes a figure diverges; each value's support
** is still counted in independent sources), except an article and its
** "update".  Articles that give several values for one thing at one moment
** are left out of that thing.  Round numbers and written decimals are
** approximate ("70 000" = 70 000 ± 5 000, "29,3" = 29,3 ± 0,05); "plus de
** 80" meets "80"; two exact counts of 1 000 or more within 5 % are two
** readings of a running count; values more than 3 times apart are counts
** of different things; figures that state no day compare only within one
** publication day; only lede figures (first RCP_FX_LEDE_SENTS sentences)
** are compared; parts ("dont"), others ("autres"), earlier values
** ("contre"), range bounds, rates, measures and money are not.  Also:
** explicit lede dates of one statement that differ (date_conflict), and a
** person spelt differently by two sources that each keep to one spelling.
** Not done: translation of `about` keys across languages, time-varying
** tolls (a later article may legitimately update a figure: it shows as a
** disagreement, with its articles, for the reader to judge).
*/
#include "facts_int.h"

#include <jansson.h> /* json_* */
#include <math.h>    /* fabs, floor, fmod, fmax, INFINITY */
#include <stdio.h>   /* snprintf */
#include <stdlib.h>  /* qsort */
#include <string.h>  /* strcmp */

/* Jaro-Winkler thresholds on transliteration keys, chosen on the OrangeSum
** stream (docs/facts.md): persons, and other names. */
#ifndef RCP_FX_JW
#define RCP_FX_JW 0.94
#endif
#ifndef RCP_FX_JW_OTHER
#define RCP_FX_JW_OTHER 0.97
#endif

/* ---- union-find ----------------------------------------------------- */
static size_t uf_find(size_t *p, size_t i) {
  while (p[i] != i) { p[i] = p[p[i]]; i = p[i]; }
  return i;
}
static void uf_union(size_t *p, size_t a, size_t b) {
  a = uf_find(p, a); b = uf_find(p, b);
  if (a == b) return;
  if (a < b) p[b] = a; else p[a] = b;   /* smallest index is the root: deterministic */
}

/* Number of distinct source groups among the articles flagged in `on`. */
static size_t independent(const size_t *src, const unsigned char *on, size_t n, unsigned char *seen) {
  size_t k = 0;
  memset(seen, 0, n);
  for (size_t i = 0; i < n; i++)
    if (on[i] && !seen[src[i]]) { seen[src[i]] = 1; k++; }
  return k;
}

static json_t *ids_array(const rcp_story_view *v, const unsigned char *on) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < v->ndocs; i++)
    if (on[i]) json_array_append_new(a, json_string(v->docs[i]->id ? v->docs[i]->id : ""));
  return a;
}

/* ---- entities ------------------------------------------------------- */

typedef struct ment { size_t doc; const rcp_entity_mention *m; size_t group; } ment;

static int ntoks(const char *key) {
  int n = 1;
  for (const char *p = key; *p; p++) if (*p == ' ') n++;
  return n;
}
static const char *last_word(const char *key) {
  const char *s = strrchr(key, ' ');
  return s ? s + 1 : key;
}
static size_t first_word(const char *key, char *out, size_t cap) {
  size_t l = 0;
  while (key[l] && key[l] != ' ' && l + 1 < cap) { out[l] = key[l]; l++; }
  out[l] = 0;
  return l;
}

/* The digits of two names, in order, are the same ("Cayman GT4" is not
** "Cayman GTS"). */
static int same_digits(const char *a, const char *b) {
  for (;;) {
    while (*a && (*a < '0' || *a > '9')) a++;
    while (*b && (*b < '0' || *b > '9')) b++;
    if (*a != *b) return 0;
    if (!*a) return 1;
    a++; b++;
  }
}
static int letters_only(const char *k) {
  for (; *k; k++) if ((*k >= '0' && *k <= '9') || *k == '.') return 0;
  return 1;
}

/* Two persons with one first name are one person spelt two ways only when
** their surnames are one typo apart (two for surnames of 8 letters or
** more): "Springora" / "Spingora", "Loukachenko" / "Loukachneko", not
** "François Baroin" / "François Bayrou", whose full names are as close. */
static int surname_typo(const char *ka, const char *kb) {
  const char *a = last_word(ka), *b = last_word(kb);
  size_t la = strlen(a), lb = strlen(b);
  if (la > 63 || lb > 63) return 0;
  size_t row[64], prev[64];
  for (size_t j = 0; j <= lb; j++) prev[j] = j;
  for (size_t i = 1; i <= la; i++) {
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t c = prev[j - 1] + (a[i - 1] != b[j - 1]);
      if (prev[j] + 1 < c) c = prev[j] + 1;
      if (row[j - 1] + 1 < c) c = row[j - 1] + 1;
      row[j] = c;
    }
    memcpy(prev, row, (lb + 1) * sizeof *row);
  }
  size_t mn = la < lb ? la : lb;
  return prev[lb] <= (mn >= 8 ? 2u : 1u);
}

static int cmp_str_p(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Word-order key of a name: its content words, each gazetteer span (up to
** four words, longest first) replaced by its id, particles dropped, sorted
** and joined.  "eu council", "council of the eu" and "council of the
** european union" all give "council o:eu".  Returns the number of items
** (0 when the key does not fit). */
static int bag_key(const char *key, char *out, size_t cap) {
  char buf[256];
  const char *w[24];
  size_t nw = 0;
  if (strlen(key) >= sizeof buf) return 0;
  memcpy(buf, key, strlen(key) + 1);
  for (char *p = buf; *p && nw < 24;) {
    while (*p == ' ') *p++ = 0;
    if (!*p) break;
    w[nw++] = p;
    while (*p && *p != ' ') p++;
  }
  static const char *const parts[] = {"of", "the", "de", "du", "des", "la", "le", "les", "l'", "d'",
    "for", "pour", "and", "et", NULL};
  const char *items[24];
  char ids[24][48];
  size_t ni = 0;
  for (size_t i = 0; i < nw && ni < 24;) {
    size_t got = 0;
    for (size_t len = nw - i < 4 ? nw - i : 4; len >= 1 && !got; len--) {
      char span[256] = "";
      size_t sl = 0;
      for (size_t k = 0; k < len; k++) {
        int n = snprintf(span + sl, sizeof span - sl, "%s%s", k ? " " : "", w[i + k]);
        if (n < 0 || (size_t)n >= sizeof span - sl) { sl = sizeof span; break; }
        sl += (size_t)n;
      }
      if (sl >= sizeof span) continue;
      fx_gaz_hit h;
      /* a span of several words, or a single acronym-like word, that names
      ** an organisation or a place */
      if (rcp__fx_gaz(span, &h) && (h.type == 'O' || h.type == 'L')) {
        snprintf(ids[ni], sizeof ids[ni], "%s", h.id);
        items[ni] = ids[ni];
        ni++;
        i += len;
        got = 1;
      }
    }
    if (got) continue;
    int part = 0;
    for (int k = 0; parts[k] && !part; k++) part = !strcmp(w[i], parts[k]);
    if (!part) items[ni++] = w[i];
    i++;
  }
  if (ni < 2) return 0;
  qsort(items, ni, sizeof *items, cmp_str_p);
  size_t ol = 0;
  for (size_t i = 0; i < ni; i++) {
    int n = snprintf(out + ol, cap - ol, "%s%s", i ? " " : "", items[i]);
    if (n < 0 || (size_t)n >= cap - ol) return 0;
    ol += (size_t)n;
  }
  return (int)ni;
}

static const char *type_name(rcp_ent_type t) {
  return t == RCP_ENT_PERSON ? "person" : t == RCP_ENT_PLACE ? "place" : t == RCP_ENT_ORG ? "organization" : "other";
}

typedef struct egroup {
  const char *key;          /* grouping key (folded or id) */
  rcp_ent_type type;
  size_t root;
} egroup;

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Spelling classes of one person's names per article: sp[i] is the folded
** spelling article i uses (an index into the story's mentions, + 1), 0 when
** it names the person with no name of `words` words, SIZE_MAX when it uses
** two spellings.  Returns 1 when two articles of different source groups
** each use one spelling and the spellings differ. */
static int spell_classes(const rcp_story_view *v, const size_t *src, const ment *ms, size_t nm, size_t *par,
                         size_t root, int words, size_t *sp) {
  char fa[256], fb[256];
  memset(sp, 0, v->ndocs * sizeof *sp);
  for (size_t m = 0; m < nm; m++) {
    if (uf_find(par, ms[m].group) != root) continue;
    size_t i = ms[m].doc;
    rcp__fx_fold(ms[m].m->name, strlen(ms[m].m->name), fa, sizeof fa);
    if (ntoks(fa) != words || sp[i] == SIZE_MAX) continue;
    if (sp[i] == 0) { sp[i] = m + 1; continue; }
    const char *o = ms[sp[i] - 1].m->name;
    rcp__fx_fold(o, strlen(o), fb, sizeof fb);
    if (strcmp(fa, fb) != 0) sp[i] = SIZE_MAX;
  }
  for (size_t i = 0; i < v->ndocs; i++) {
    if (sp[i] == 0 || sp[i] == SIZE_MAX) continue;
    const char *ni = ms[sp[i] - 1].m->name;
    rcp__fx_fold(ni, strlen(ni), fa, sizeof fa);
    for (size_t j = i + 1; j < v->ndocs; j++) {
      if (sp[j] == 0 || sp[j] == SIZE_MAX || src[j] == src[i]) continue;
      const char *nj = ms[sp[j] - 1].m->name;
      rcp__fx_fold(nj, strlen(nj), fb, sizeof fb);
      if (strcmp(fa, fb) != 0) return 1;
    }
  }
  return 0;
}

static int story_entities(const rcp_story_view *v, const size_t *src, json_t *obj, json_t *dis) {
  size_t nm = 0;
  for (size_t i = 0; i < v->ndocs; i++)
    for (size_t j = 0; j < v->docs[i]->nents; j++)
      if (v->docs[i]->ents[j].type != RCP_ENT_OTHER) nm++;
  json_t *arr = json_array();
  if (!arr) return RCP_ENOMEM;
  if (nm == 0) { json_object_set_new(obj, "entities", arr); return RCP_OK; }
  ment *ms = rcp__calloc(nm, sizeof *ms);
  egroup *gs = rcp__calloc(nm, sizeof *gs);
  size_t *par = rcp__calloc(nm, sizeof *par);
  unsigned char *on = rcp__calloc(v->ndocs + 1, 1);
  const char **names = rcp__calloc(nm, sizeof *names);
  size_t *sp = rcp__calloc(v->ndocs + 1, sizeof *sp);
  int rc = RCP_OK;
  if (!ms || !gs || !par || !on || !names || !sp) { rc = RCP_ENOMEM; goto out; }
  size_t k = 0;
  for (size_t i = 0; i < v->ndocs; i++)
    for (size_t j = 0; j < v->docs[i]->nents; j++) {
      const rcp_entity_mention *m = &v->docs[i]->ents[j];
      if (m->type == RCP_ENT_OTHER) continue;
      ms[k].doc = i; ms[k].m = m;
      k++;
    }
  /* initial groups: by id / document canon / key */
  size_t ng = 0;
  for (size_t i = 0; i < nm; i++) {
    const rcp_entity_mention *m = ms[i].m;
    const char *key = m->canon ? m->canon : m->key;
    size_t g;
    for (g = 0; g < ng; g++)
      if (strcmp(gs[g].key, key) == 0 && (gs[g].type == m->type || m->canon)) break;
    if (g == ng) { gs[ng].key = key; gs[ng].type = m->type; gs[ng].root = ng; ng++; }
    ms[i].group = g;
  }
  for (size_t g = 0; g < ng; g++) par[g] = g;
  /* merge groups */
  for (size_t a = 0; a < ng; a++) {
    if (strchr(gs[a].key, ':')) continue;           /* gazetteer ids are final */
    char ta[256], fa[64];
    rcp__fx_translit(gs[a].key, ta, sizeof ta);
    first_word(gs[a].key, fa, sizeof fa);
    int na = ntoks(gs[a].key);
    size_t surname_match = SIZE_MAX, nsur = 0;
    for (size_t b = 0; b < ng; b++) {
      if (a == b || gs[b].type != gs[a].type) continue;
      const char *kb = gs[b].key;
      if (strchr(kb, ':')) {
        /* an unknown name whose acronym is a known organisation's */
        continue;
      }
      char tb[256], fb[64];
      rcp__fx_translit(kb, tb, sizeof tb);
      int nb = ntoks(kb);
      if (strcmp(ta, tb) == 0) { uf_union(par, a, b); continue; }
      if (gs[a].type == RCP_ENT_PERSON && na == 1 && nb >= 2 && letters_only(gs[a].key) &&
          strlen(gs[a].key) >= 3) {
        /* a bare surname: the last word of the full name, spelt the same
        ** (or transliterated, when it is not a first name itself), and not
        ** after a particle ("Ferrari de Modène" is no Mr Modène) */
        const char *lw = last_word(kb);
        size_t pl = (size_t)(lw - kb);
        int particle = pl >= 4 && (strncmp(lw - 4, " de ", 4) == 0 || strncmp(lw - 4, " du ", 4) == 0 ||
                                   (pl >= 3 && strncmp(lw - 3, " d'", 3) == 0));
        char tl[128];
        rcp__fx_translit(lw, tl, sizeof tl);
        if (!particle && (strcmp(lw, gs[a].key) == 0 ||
                          (strcmp(tl, ta) == 0 && !rcp__fx_firstname(gs[a].key))))
          { surname_match = b; nsur++; }
        continue;
      }
      if (na == nb && na >= 2) {
        first_word(kb, fb, sizeof fb);
        /* people: 0.94 with a surname of 4+ letters; other names (products,
        ** ministries, theatres differ by one word) need 0.97 */
        double thr = gs[a].type == RCP_ENT_PERSON && strlen(last_word(gs[a].key)) >= 4 &&
                     strlen(last_word(kb)) >= 4 ? RCP_FX_JW : RCP_FX_JW_OTHER;
        if (strcmp(fa, fb) == 0 && same_digits(gs[a].key, kb) && rcp__fx_jaro_winkler(ta, tb) >= thr &&
            (gs[a].type != RCP_ENT_PERSON || surname_typo(gs[a].key, kb)))
          uf_union(par, a, b);
      }
      if (gs[a].type != RCP_ENT_PERSON && na >= 2 && nb >= 2 && a < b) {
        /* one name in another word order: "EU Council" / "Council of the EU" */
        char ba[256], bb[256];
        int ia = bag_key(gs[a].key, ba, sizeof ba), ib = ia ? bag_key(kb, bb, sizeof bb) : 0;
        if (ia && ia == ib && strcmp(ba, bb) == 0) uf_union(par, a, b);
      }
      if (gs[a].type == RCP_ENT_ORG && na == 1 && nb >= 2) {
        char in[32];
        rcp__fx_initials(kb, in, sizeof in);
        if (strlen(in) >= 2 && strcmp(in, gs[a].key) == 0) uf_union(par, a, b);
      }
    }
    /* not when the word is also an organisation of the story ("Ferrari") */
    if (nsur == 1) {
      int is_org = 0;
      for (size_t b = 0; b < ng; b++)
        if (gs[b].type == RCP_ENT_ORG && (strcmp(gs[b].key, gs[a].key) == 0)) is_org = 1;
      for (size_t i = 0; i < nm && !is_org; i++)
        if (ms[i].m->type == RCP_ENT_ORG && strcmp(ms[i].m->key, gs[a].key) == 0) is_org = 1;
      if (!is_org) uf_union(par, a, surname_match);
    }
  }
  /* one JSON entity per root */
  {
    size_t *order = rcp__calloc(ng, sizeof *order);
    size_t *cnt = rcp__calloc(ng, sizeof *cnt);
    size_t *arts = rcp__calloc(ng, sizeof *arts);
    if (!order || !cnt || !arts) { rcp__free(order); rcp__free(cnt); rcp__free(arts); rc = RCP_ENOMEM; goto out; }
    size_t nr = 0;
    for (size_t g = 0; g < ng; g++) if (uf_find(par, g) == g) order[nr++] = g;
    for (size_t r = 0; r < nr; r++) {
      size_t root = order[r];
      memset(on, 0, v->ndocs);
      for (size_t i = 0; i < nm; i++) if (uf_find(par, ms[i].group) == root) { on[ms[i].doc] = 1; cnt[r]++; }
      for (size_t i = 0; i < v->ndocs; i++) arts[r] += on[i];
    }
    /* sort roots by articles, then mentions (simple selection: small n) */
    for (size_t a = 0; a < nr; a++)
      for (size_t b = a + 1; b < nr; b++)
        if (arts[b] > arts[a] || (arts[b] == arts[a] && cnt[b] > cnt[a])) {
          size_t t = order[a]; order[a] = order[b]; order[b] = t;
          t = cnt[a]; cnt[a] = cnt[b]; cnt[b] = t;
          t = arts[a]; arts[a] = arts[b]; arts[b] = t;
        }
    for (size_t r = 0; r < nr && r < 60; r++) {
      size_t root = order[r];
      size_t nn = 0;
      int tcount[4] = {0, 0, 0, 0};
      memset(on, 0, v->ndocs);
      for (size_t i = 0; i < nm; i++)
        if (uf_find(par, ms[i].group) == root) {
          names[nn++] = ms[i].m->name;
          on[ms[i].doc] = 1;
          tcount[ms[i].m->type]++;
        }
      qsort(names, nn, sizeof *names, cmp_str);
      /* canonical: most frequent full form (more words first), then longest */
      const char *best = NULL;
      size_t bestc = 0;
      int bestw = 0;
      for (size_t i = 0; i < nn;) {
        size_t j = i;
        while (j < nn && strcmp(names[j], names[i]) == 0) j++;
        int w = ntoks(names[i]);
        if (!best || w > bestw || (w == bestw && (j - i > bestc || (j - i == bestc && strlen(names[i]) > strlen(best))))) {
          best = names[i]; bestc = j - i; bestw = w;
        }
        i = j;
      }
      rcp_ent_type t = RCP_ENT_PERSON;
      for (int q = 1; q < 3; q++) if (tcount[q] > tcount[t]) t = (rcp_ent_type)q;
      json_t *e = json_object(), *vars = json_array();
      if (!e || !vars) { json_decref(e); json_decref(vars); rc = RCP_ENOMEM; break; }
      json_object_set_new(e, "name", json_string(best));
      json_object_set_new(e, "type", json_string(type_name(t)));
      size_t nspell = 0;
      char fbest[256];
      rcp__fx_fold(best, strlen(best), fbest, sizeof fbest);
      json_t *spell = json_array();
      for (size_t i = 0; i < nn; i++) {
        if (i > 0 && strcmp(names[i], names[i - 1]) == 0) continue;
        if (strcmp(names[i], best) != 0) json_array_append_new(vars, json_string(names[i]));
        /* names spelt differently: same number of words, other letters */
        char fi[256];
        rcp__fx_fold(names[i], strlen(names[i]), fi, sizeof fi);
        if (t == RCP_ENT_PERSON && ntoks(fi) == ntoks(fbest) && ntoks(fi) >= 2 && spell) {
          json_t *val = json_object();
          memset(on, 0, v->ndocs);
          for (size_t m2 = 0; m2 < nm; m2++)
            if (uf_find(par, ms[m2].group) == root && strcmp(ms[m2].m->name, names[i]) == 0) on[ms[m2].doc] = 1;
          json_object_set_new(val, "text", json_string(names[i]));
          json_object_set_new(val, "articles", ids_array(v, on));
          json_array_append_new(spell, val);
          nspell++;
        }
      }
      if (spell && nspell >= 2) {
        /* only a disagreement between sources: two articles of different
        ** source groups that each keep to one spelling, and whose
        ** spellings differ beyond case and accents.  An article that
        ** spells a name two ways (a typo, glued words "BlanquerMinistre")
        ** disagrees with itself, not with the other sources. */
        int differ = 0;
        if (spell_classes(v, src, ms, nm, par, root, ntoks(fbest), sp)) differ = 1;
        if (differ) {
          json_t *d = json_object();
          json_object_set_new(d, "about", json_string(best));
          json_object_set_new(d, "kind", json_string("name"));
          json_object_set_new(d, "values", spell);
          json_array_append_new(dis, d);
          spell = NULL;
        }
      }
      json_decref(spell);
      memset(on, 0, v->ndocs);
      for (size_t i = 0; i < nm; i++) if (uf_find(par, ms[i].group) == root) on[ms[i].doc] = 1;
      json_object_set_new(e, "variants", vars);
      json_object_set_new(e, "articles", ids_array(v, on));
      json_object_set_new(e, "mentions", json_integer((json_int_t)cnt[r]));
      json_array_append_new(arr, e);
    }
    rcp__free(order); rcp__free(cnt); rcp__free(arts);
  }
out:
  if (rc == RCP_OK) json_object_set_new(obj, "entities", arr);
  else json_decref(arr);
  rcp__free(ms); rcp__free(gs); rcp__free(par); rcp__free(on); rcp__free(names); rcp__free(sp);
  return rc;
}

/* ---- figures and their disagreements -------------------------------- */

/* Interval a figure allows, from its qualifier. */
static void interval(const rcp_figure *f, double *lo, double *hi) {
  double q = f->quantity;
  const char *k = f->qualifier;
  *lo = q; *hi = q;
  if (!k) return;
  if (!strcmp(k, "plus de") || !strcmp(k, "more than")) { *lo = q; *hi = INFINITY; }
  else if (!strcmp(k, "au moins") || !strcmp(k, "at least")) { *lo = q; *hi = INFINITY; }
  else if (!strcmp(k, "moins de") || !strcmp(k, "less than")) { *lo = 0; *hi = q; }
  else if (!strcmp(k, "jusqu'à") || !strcmp(k, "up to")) { *lo = 0; *hi = q; }
  else if (!strcmp(k, "près de") || !strcmp(k, "nearly")) { *lo = q * 0.85; *hi = q; }
  else { *lo = q * 0.85; *hi = q * 1.15; }  /* environ, about, une dizaine */
}

/* Half the rounding unit of a round number of 100 or more ("70 000" is
** 70 000 ± 5 000, "15 millions" 15 000 000 ± 500 000), else 0. */
static double rounding(double q) {
  if (q < 100 || q != floor(q)) return 0;
  double u = 1;
  while (u < q && fmod(q, u * 10) == 0) u *= 10;
  return u >= 100 ? u / 2 : 0;
}

/* Half a unit of the last decimal written in a figure's text ("29,3" ->
** 0.05), else 0. */
static double decimal_half(const char *t) {
  if (!t) return 0;
  for (const char *p = t; *p; p++)
    if ((*p == ',' || *p == '.') && p > t && p[-1] >= '0' && p[-1] <= '9' && p[1] >= '0' && p[1] <= '9') {
      size_t n = 0;
      while (p[1 + n] >= '0' && p[1 + n] <= '9') n++;
      if (n == 3) continue;  /* "5.200": a thousands group, not decimals */
      double h = 0.5;
      for (size_t i = 0; i < n; i++) h /= 10;
      return h;
    }
  return 0;
}

static int compatible(const rcp_figure *a, const rcp_figure *b) {
  double la, ha, lb, hb;
  interval(a, &la, &ha);
  interval(b, &lb, &hb);
  /* round numbers without a qualifier are approximate too; so is the last
  ** decimal written ("29,3 %" is 29,33 % rounded) */
  double ra = a->qualifier ? 0 : rounding(a->quantity), rb = b->qualifier ? 0 : rounding(b->quantity);
  ra += decimal_half(a->text);
  rb += decimal_half(b->text);
  la -= ra; ha += ra; lb -= rb; hb += rb;
  /* two exact counts of a thousand or more within 5 % of each other are
  ** two readings of a running count (a toll updated during the day) */
  if (!a->qualifier && !b->qualifier && a->quantity >= 1000 && b->quantity >= 1000 && !ra && !rb &&
      fabs(a->quantity - b->quantity) <= 0.05 * fmax(a->quantity, b->quantity))
    return 1;
  /* "plus de 40" and "40" are one figure, hedged or not: the closed
  ** bounds let them meet */
  return la <= hb + 1e-9 && lb <= ha + 1e-9;
}

static int skip_about(const rcp_figure *f) {
  /* time spans, ages and bare money or percentages are too often about
  ** different things in one story to be compared */
  static const char *const t[] = {"annee", "mois", "jour", "semaine", "heure", "minute", "fois",
    "euros", "dollars", "livres", "%", "point", "reprise", "etape",
    "partie", "tour", "fois", NULL};
  if (!f->about || !f->unit) return 1;
  for (int i = 0; t[i]; i++) if (strcmp(f->about, t[i]) == 0) return 1;
  /* money in any wording ("375 000 euros d'amende" each, "750 000 euros"
  ** for both): amounts of one story are mostly different amounts */
  if (!strcmp(f->unit, "euros") || !strcmp(f->unit, "dollars") || !strcmp(f->unit, "livres") ||
      !strcmp(f->unit, "\xe2\x82\xac") || !strcmp(f->unit, "$"))
    return 1;
  /* measures of an object rather than counts of an event: temperatures,
  ** engine power and times of a car, speeds ("120 km/h" of a wind at one
  ** place and hour); two of them in one story are mostly two objects */
  static const char *const m[] = {"ch", "cv", "kw", "kwh", "hp", "bhp", "secondes", "seconde", "seconds", "second",
    "s", "sec", "degres", "degre", "degrees", "degree", NULL};
  if (!strncmp(f->unit, "\xc2\xb0", 2)) return 1;
  for (int i = 0; m[i]; i++) if (strcmp(f->unit, m[i]) == 0) return 1;
  return 0;
}

/* A rate ("120 km/h", "3 000 euros/mois"): the figure's text is followed by
** a slash. */
static int rate(const rcp_doc *d, const rcp_figure *f) {
  size_t e = (size_t)f->off + f->len;
  return d->text && e < d->text_len && d->text[e] == '/';
}

typedef struct fref { size_t doc; const rcp_figure *f; int64_t day, pday, pub; int per; int64_t pday0; int abs; } fref;

/* A unit of its own ("%", a currency, degrees) against the noun written
** after the number ("foyers", "km", "kilomètres"): the nouns are compared
** through their key (`about`: "8,9 km" and "8,9 kilomètres" are one figure),
** the units of their own as they are. */
static const char *qual_or_empty(const rcp_figure *f) { return f->qualifier ? f->qualifier : ""; }

static int fixed_unit(const char *u) {
  return !strcmp(u, "%") || !strcmp(u, "euros") || !strcmp(u, "dollars") || !strcmp(u, "livres") ||
         !strncmp(u, "\xc2\xb0", 2);
}

static int same_figure(const rcp_figure *a, const rcp_figure *b) {
  if (a->quantity != b->quantity || strcmp(qual_or_empty(a), qual_or_empty(b)) ||
      strcmp(a->about ? a->about : "", b->about ? b->about : ""))
    return 0;
  return !strcmp(a->unit, b->unit) || (!fixed_unit(a->unit) && !fixed_unit(b->unit));
}

/* The day a figure is stated for: a point date to the day in its sentence
** (the nearest one), else INT64_MIN.  "12 000 foyers mardi soir" and
** "6 000 foyers mercredi" are two moments, not a disagreement. */
/* The last two words before `off` in d->text, folded: w0 the nearest, w1
** the one before.  Returns how many were found (0-2). */
static int last_words(const rcp_doc *d, uint32_t off, char (*w)[48], int k);
static int words_before(const rcp_doc *d, uint32_t off, char w0[48], char w1[48]) {
  char w[2][48];
  int n = last_words(d, off, w, 2);
  memcpy(w0, w[0], 48);
  memcpy(w1, w[1], 48);
  return n;
}

/* The last k words (k <= 3) before `off`, nearest first. */
static int last_words(const rcp_doc *d, uint32_t off, char (*w)[48], int k) {
  for (int i = 0; i < k; i++) w[i][0] = 0;
  if (!d->text || off > d->text_len) return 0;
  size_t from = off > 60 ? off - 60 : 0;
  char key[160];
  size_t n = rcp__fx_fold(d->text + from, off - from, key, sizeof key);
  key[n < sizeof key ? n : sizeof key - 1] = 0;
  /* a decimal comma is part of its number ("53,1") */
  for (size_t q = 1; key[0] && key[q] && key[q + 1]; q++)
    if (key[q] == ',' && key[q - 1] >= '0' && key[q - 1] <= '9' && key[q + 1] >= '0' && key[q + 1] <= '9') key[q] = '.';
  int nw = 0;
  for (size_t i = strlen(key); i > 0 && nw < k;) {
    while (i > 0 && strchr(" ,:;(", key[i - 1])) key[--i] = 0;
    size_t e = i;
    while (i > 0 && !strchr(" ,:;(", key[i - 1])) i--;
    if (i == e || e - i >= 48) break;
    memcpy(w[nw], key + i, e - i + 1);
    nw++;
  }
  return nw;
}

/* A date after "depuis", "since", "until" ("9.444 guérisons depuis le 1er
** mars") is where a count starts or ends, not the day it is given for. */
static int span_date(const rcp_doc *d, const rcp_date_mention *m) {
  char w0[48], w1[48];
  int nw = words_before(d, m->off, w0, w1);
  static const char *const t[] = {"depuis", "since", "until", "jusqu'au", "jusqu'a", "from", NULL};
  for (int i = 0; t[i]; i++)
    if ((nw >= 1 && !strcmp(w0, t[i])) || (nw >= 2 && !strcmp(w1, t[i]))) return 1;
  return 0;
}

static int64_t figure_day(const rcp_doc *d, const rcp_figure *f, int *abs) {
  int64_t best = INT64_MIN;
  *abs = 0;
  uint32_t dist = UINT32_MAX;
  for (size_t i = 0; i < d->ndates; i++) {
    const rcp_date_mention *m = &d->dates[i];
    if (m->sent != f->sent || m->duration || m->day == INT64_MIN || m->precision != 0) continue;
    if (span_date(d, m)) continue;
    uint32_t dd = m->off > f->off ? m->off - f->off : f->off - m->off;
    if (dd < dist) { dist = dd; best = m->day; *abs = !m->relative; }
  }
  return best;
}

/* The year or month a figure is stated for: the nearest month or year in
** its sentence ("2 107 actes en 2019" / "1 986 en 2017"), not after
** "depuis"; *per is 1 for a month, 2 for a year, 0 when there is none. */
static int64_t figure_period(const rcp_doc *d, const rcp_figure *f, int *per) {
  int64_t best = INT64_MIN;
  uint32_t dist = UINT32_MAX;
  *per = 0;
  for (size_t i = 0; i < d->ndates; i++) {
    const rcp_date_mention *m = &d->dates[i];
    if (m->sent != f->sent || m->duration || m->day == INT64_MIN || (m->precision != 1 && m->precision != 2))
      continue;
    if (span_date(d, m)) continue;
    uint32_t dd = m->off > f->off ? m->off - f->off : f->off - m->off;
    if (dd < dist) { dist = dd; best = m->day; *per = m->precision; }
  }
  return best;
}

/* Year * 12 + month of a day number (days since 1970-01-01). */
static int64_t month_of(int64_t day) {
  char b[11];
  rcp__fmt_day(day * 86400, b);
  return atoi(b) * 12 + atoi(b + 5) - 1;
}

/* Content words of what is counted beyond its head, as 5-letter folded
** stems ("foyers privés d'électricité" -> "prive", "elect").  Two figures
** whose descriptions both say more than the head must share one stem to be
** about the same thing ("personnes évacuées" is not "personnes blessées"). */
static size_t what_stems(const char *what, char stems[][6], size_t cap) {
  char key[256];
  if (!what) return 0;
  rcp__fx_fold(what, strlen(what), key, sizeof key);
  static const char *const skip[] = {"etaient", "etait", "sont", "restaient", "restent", "reste", "restait",
    "demeuraient", "demeurent", "etant", "avaient", "seront", "restes", "were", "remain", "remained",
    "been", "have", "dans", "avec", "pour", "from", "with", NULL};
  /* words of privation are one stem: "privés de X" = "sans X" = "without X" */
  static const char *const priv[] = {"sans", "prive", "prives", "privee", "privees", "without", "deprived",
    "lacking", "manquent", "manquaient", NULL};
  size_t n = 0;
  char *save = NULL;
  int first = 1;
  for (char *w = strtok_r(key, " '-", &save); w && n < cap; w = strtok_r(NULL, " '-", &save)) {
    if (first) { first = 0; continue; }  /* the head noun */
    if (strlen(w) < 4) continue;
    int sk = 0;
    for (int i = 0; skip[i] && !sk; i++) sk = !strcmp(w, skip[i]);
    if (sk) continue;
    int pv = 0;
    for (int i = 0; priv[i] && !pv; i++) pv = !strcmp(w, priv[i]);
    snprintf(stems[n], 6, "%.5s", pv ? "~priv" : w);
    n++;
  }
  return n;
}

/* Values more than this factor apart are counts of different things
** ("300 manifestants" / "trois manifestants", "44 millions d'habitants" /
** "1,3 milliard"), not two reports of one count (docs/facts.md). */
#ifndef RCP_FX_LEDE_SENTS
#define RCP_FX_LEDE_SENTS 5
#endif
#ifndef RCP_FX_FIG_RATIO
#define RCP_FX_FIG_RATIO 3.0
#endif

/* Figures that do not both state their day are compared only when their
** articles were published within this many hours of each other: a count
** read in the morning and one read in the evening are two moments of a
** running count (firefighters, arrests, departments on alert), not two
** reports of one. */
#ifndef RCP_FX_FIG_HOURS
#define RCP_FX_FIG_HOURS 3
#endif


/* Are two figures given for one moment?  Their articles were published
** within RCP_FX_FIG_HOURS of each other (within a day when both give the
** same date in full: "dimanche 26 juillet"); when both state a day it is the
** same day ("12 000 foyers mardi soir" / "9 500 foyers dans la soirée de
** mardi"); when only one does, it is the day the other was published
** ("3 430 en réanimation, 266 de moins que lundi", published on Tuesday,
** is not Monday's count).  Without publication times: both state the same
** day, or neither states one. */
static int same_moment(const fref *a, const fref *b) {
  /* a year or a month both state: the same one (a record of 2019 against
  ** that of 2017) */
  if (a->per && b->per) {
    int64_t ma = month_of(a->pday0), mb = month_of(b->pday0);
    if (a->per == 2 || b->per == 2) { ma /= 12; mb /= 12; }
    if (ma != mb) return 0;
  }
  int64_t dt = a->pub == INT64_MIN || b->pub == INT64_MIN ? -1 : a->pub > b->pub ? a->pub - b->pub : b->pub - a->pub;
  int sa = a->day != INT64_MIN, sb = b->day != INT64_MIN;
  if (sa && sb && a->day != b->day) return 0;
  if (dt < 0) return sa == sb;
  /* both give the date in full ("dimanche 26 juillet"): within a day */
  if (sa && sb && a->abs && b->abs) return dt <= 24 * 3600;
  if (dt > (int64_t)RCP_FX_FIG_HOURS * 3600) return 0;
  if (sa && sb) return 1;
  if (a->day != INT64_MIN && a->day != b->pday) return 0;
  if (b->day != INT64_MIN && b->day != a->pday) return 0;
  return 1;
}

static int same_what(const fref *a, const fref *b) {
  char sa[8][6], sb[8][6];
  size_t na = what_stems(a->f->what, sa, 8), nb = what_stems(b->f->what, sb, 8);
  if (!na || !nb) return 1;
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb; j++)
      if (!strcmp(sa[i], sb[j])) return 1;
  return 0;
}

static int same_thing(const fref *a, const fref *b) {
  if (!same_moment(a, b)) return 0;
  double qa = a->f->quantity, qb = b->f->quantity;
  if (qa > 0 && qb > 0 && (qa > qb * RCP_FX_FIG_RATIO || qb > qa * RCP_FX_FIG_RATIO)) return 0;
  return same_what(a, b);
}

/* Is a figure a part of another count, or derived from one ("dont 52 en
** réanimation", "soit 372 nouveaux cas", "including 12 children", "of
** whom 3 ...", "parmi eux 4 ...")?  A part is not the count itself: two
** articles that give different parts do not disagree. */
static int sub_count(const rcp_doc *d, const rcp_figure *f) {
  char w0[48], w1[48];
  /* "cinq autres députés", "four other victims": the rest of a set */
  if (f->text) {
    char t[160];
    rcp__fx_fold(f->text, strlen(f->text), t, sizeof t);
    char *save = NULL;
    for (char *w = strtok_r(t, " ", &save); w; w = strtok_r(NULL, " ", &save))
      if (!strcmp(w, "autres") || !strcmp(w, "autre") || !strcmp(w, "other") || !strcmp(w, "others")) return 1;
  }
  int nw = words_before(d, f->off, w0, w1);
  if (nw == 0) return 0;
  /* the upper bound of a range ("de 53,1 à 54 %", "entre 49,3 et 50,2 %",
  ** "from 10 to 12"): the value is the range, not its bound */
  char w3[3][48];
  if (last_words(d, f->off, w3, 3) == 3 && w1[0] >= '0' && w1[0] <= '9' &&
      ((!strcmp(w3[2], "de") && !strcmp(w0, "a")) || (!strcmp(w3[2], "entre") && !strcmp(w0, "et")) ||
       (!strcmp(w3[2], "from") && !strcmp(w0, "to")) || (!strcmp(w3[2], "between") && !strcmp(w0, "and"))))
    return 1;
  /* "parmi ces trois agents", "parmi eux 4 ..." */
  if (!strcmp(w0, "parmi") || (nw == 2 && !strcmp(w1, "parmi"))) return 1;
  /* "contre 949 samedi soir": an earlier value given for comparison */
  static const char *const one[] = {"dont", "soit", "contre", "including", NULL};
  for (int i = 0; one[i]; i++) if (!strcmp(w0, one[i])) return 1;
  if (nw == 2) {
    char two[100];
    snprintf(two, sizeof two, "%s %s", w1, w0);
    static const char *const pairs[] = {"of whom", "of which", "among them", "among whom", "parmi eux",
      "compared with", "compared to", NULL};
    for (int i = 0; pairs[i]; i++) if (!strcmp(two, pairs[i])) return 1;
  }
  return 0;
}

/* Is b a later edition of a (an "update" relation between them)?  A changed
** figure there is a correction, not a disagreement. */
static int updated(const rcp_story_view *v, size_t a, size_t b) {
  for (size_t r = 0; r < v->nrels; r++)
    if (((v->rels[r].a == a && v->rels[r].b == b) || (v->rels[r].a == b && v->rels[r].b == a)) &&
        v->rels[r].kind && !strcmp(v->rels[r].kind, "update"))
      return 1;
  return 0;
}

static int cmp_fref(const void *a, const void *b) {
  const fref *x = a, *y = b;
  int c = strcmp(x->f->about, y->f->about);
  if (c) return c;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  return x->f->off < y->f->off ? -1 : x->f->off > y->f->off;
}

static int story_figures(const rcp_story_view *v, const size_t *src, json_t *obj, json_t *dis) {
  size_t nf = 0;
  for (size_t i = 0; i < v->ndocs; i++) nf += v->docs[i]->nfigs;
  json_t *figs = json_array();
  if (!figs) return RCP_ENOMEM;
  fref *fs = nf ? rcp__calloc(nf, sizeof *fs) : NULL;
  unsigned char *on = rcp__calloc(v->ndocs + 1, 1), *seen = rcp__calloc(v->ndocs + 1, 1);
  int rc = RCP_OK;
  if ((nf && !fs) || !on || !seen) { rc = RCP_ENOMEM; goto out; }
  /* figures: one entry per distinct (quantity, qualifier, unit, about),
  ** with the first article that gives it and all of them */
  size_t k = 0;
  for (size_t i = 0; i < v->ndocs; i++)
    for (size_t j = 0; j < v->docs[i]->nfigs; j++) {
      const rcp_figure *f = &v->docs[i]->figs[j];
      if (!f->unit) continue;
      fs[k].doc = i; fs[k].f = f; fs[k].day = figure_day(v->docs[i], f, &fs[k].abs); fs[k].pday = INT64_MIN;
      fs[k].pday0 = figure_period(v->docs[i], f, &fs[k].per);
      k++;
    }
  size_t nfs = k;
  /* a figure without a day of its own takes the day of the same value
  ** stated elsewhere in its article (a title repeating the lede) */
  for (size_t a = 0; a < nfs; a++) {
    if (fs[a].day != INT64_MIN) continue;
    for (size_t b = 0; b < nfs; b++)
      if (b != a && fs[b].doc == fs[a].doc && fs[b].day != INT64_MIN && fs[b].f->quantity == fs[a].f->quantity &&
          !strcmp(qual_or_empty(fs[b].f), qual_or_empty(fs[a].f))) { fs[a].day = fs[b].day; fs[a].abs = fs[b].abs; break; }
  }
  /* and the publication day: two tolls that state no day, given on Monday
  ** and on Wednesday, are two moments of a running count */
  for (size_t a = 0; a < nfs; a++) {
    int64_t t = v->docs[fs[a].doc]->pub_time;
    fs[a].pub = t;
    fs[a].pday = t == INT64_MIN ? INT64_MIN : t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  }
  for (size_t a = 0; a < nfs && json_array_size(figs) < 200; a++) {
    int dup = 0;
    for (size_t b = 0; b < a && !dup; b++)
      if (same_figure(fs[b].f, fs[a].f)) dup = 1;
    if (dup) continue;
    memset(on, 0, v->ndocs);
    for (size_t b = a; b < nfs; b++)
      if (same_figure(fs[b].f, fs[a].f)) on[fs[b].doc] = 1;
    json_t *o = json_object();
    if (!o) { rc = RCP_ENOMEM; goto out; }
    json_object_set_new(o, "quantity", json_real(fs[a].f->quantity));
    json_object_set_new(o, "unit", json_string(fs[a].f->unit));
    json_object_set_new(o, "qualifier", fs[a].f->qualifier ? json_string(fs[a].f->qualifier) : json_null());
    json_object_set_new(o, "text", json_string(fs[a].f->text));
    json_object_set_new(o, "about", fs[a].f->about ? json_string(fs[a].f->about) : json_null());
    json_object_set_new(o, "article", json_string(v->docs[fs[a].doc]->id ? v->docs[fs[a].doc]->id : ""));
    json_object_set_new(o, "articles", ids_array(v, on));
    json_object_set_new(o, "independent", json_integer((json_int_t)independent(src, on, v->ndocs, seen)));
    json_array_append_new(figs, o);
  }
  /* disagreements: by about key */
  k = 0;
  /* only the figures of the lede (title, standfirst and first sentences):
  ** the key counts of a story are there; deeper figures are too often
  ** sub-counts and earlier readings of a running toll */
  for (size_t i = 0; i < nfs; i++)
    if (!skip_about(fs[i].f) && fs[i].f->sent < RCP_FX_LEDE_SENTS && !sub_count(v->docs[fs[i].doc], fs[i].f) &&
        !rate(v->docs[fs[i].doc], fs[i].f))
      fs[k++] = fs[i];
  if (k > 1) qsort(fs, k, sizeof *fs, cmp_fref);
  for (size_t a = 0; a < k;) {
    size_t b = a;
    while (b < k && !strcmp(fs[b].f->about, fs[a].f->about)) b++;
    /* drop articles that disagree with themselves on this key, at one
    ** moment and about one thing */
    unsigned char *bad = seen;
    memset(bad, 0, v->ndocs);
    for (size_t i = a; i < b; i++)
      for (size_t j = i + 1; j < b; j++)
        if (fs[j].doc == fs[i].doc && same_thing(&fs[i], &fs[j]) && !compatible(fs[i].f, fs[j].f))
          bad[fs[i].doc] = 1;
    /* conflicts: values from different articles (copies and rewrites
    ** included: a rewrite that changes a figure diverges from its original;
    ** the support of each value is still counted in independent sources) */
    unsigned char *inv = rcp__calloc(b - a, 1);
    if (!inv) { rc = RCP_ENOMEM; goto out; }
    int conflict = 0;
    for (size_t i = a; i < b; i++)
      for (size_t j = i + 1; j < b; j++)
        if (fs[i].doc != fs[j].doc && !bad[fs[i].doc] && !bad[fs[j].doc] && same_thing(&fs[i], &fs[j]) &&
            !updated(v, fs[i].doc, fs[j].doc) && !compatible(fs[i].f, fs[j].f)) {
          conflict = 1;
          inv[i - a] = inv[j - a] = 1;
        }
    if (conflict) {
      json_t *d = json_object(), *vals = json_array();
      unsigned char *done = rcp__calloc(b - a, 1);
      if (!d || !vals || !done) {
        json_decref(d); json_decref(vals); rcp__free(done); rcp__free(inv); rc = RCP_ENOMEM; goto out;
      }
      for (size_t i = a; i < b; i++) {
        if (done[i - a] || !inv[i - a]) continue;
        memset(on, 0, v->ndocs);
        /* every article that gives this value for this moment: the same
        ** stated day counts whenever the article was published (the
        ** original of Tuesday evening and its copy of Wednesday morning) */
        for (size_t j = a; j < b; j++)
          if (!done[j - a] && !bad[fs[j].doc] && fs[j].f->quantity == fs[i].f->quantity &&
              !strcmp(qual_or_empty(fs[j].f), qual_or_empty(fs[i].f)) &&
              (same_thing(&fs[i], &fs[j]) || (fs[i].day != INT64_MIN && fs[i].day == fs[j].day && same_what(&fs[i], &fs[j])))) {
            on[fs[j].doc] = 1;
            done[j - a] = 1;
          }
        json_t *val = json_object();
        json_object_set_new(val, "text", json_string(fs[i].f->text));
        json_object_set_new(val, "quantity", json_real(fs[i].f->quantity));
        json_object_set_new(val, "qualifier", fs[i].f->qualifier ? json_string(fs[i].f->qualifier) : json_null());
        json_object_set_new(val, "articles", ids_array(v, on));
        unsigned char *tmp = rcp__calloc(v->ndocs + 1, 1);
        json_object_set_new(val, "independent", json_integer(tmp ? (json_int_t)independent(src, on, v->ndocs, tmp) : 0));
        rcp__free(tmp);
        json_array_append_new(vals, val);
      }
      rcp__free(done);
      /* shown: the longest description of what is counted among the values */
      const char *what = NULL;
      for (size_t i = a; i < b; i++)
        if (inv[i - a] && fs[i].f->what && (!what || strlen(fs[i].f->what) > strlen(what))) what = fs[i].f->what;
      json_object_set_new(d, "about", json_string(what ? what : fs[a].f->about));
      json_object_set_new(d, "about_key", json_string(fs[a].f->about));
      json_object_set_new(d, "kind", json_string("figure"));
      json_object_set_new(d, "values", vals);
      json_array_append_new(dis, d);
    }
    rcp__free(inv);
    a = b;
  }
out:
  if (rc == RCP_OK) json_object_set_new(obj, "figures", figs);
  else json_decref(figs);
  rcp__free(fs); rcp__free(on); rcp__free(seen);
  return rc;
}

/* ---- dates: candidates for the event date, and lede disagreements ---- */

/* The event date an article gives: its first point date to the day in its
** first two sentences (the lede), else INT64_MIN. */
static const rcp_date_mention *lede_date(const rcp_doc *d, int absolute) {
  uint32_t s0 = d->ndates ? d->dates[0].sent : 0;
  for (size_t i = 0; i < d->ndates; i++) {
    const rcp_date_mention *m = &d->dates[i];
    if (m->duration || m->day == INT64_MIN || m->precision != 0) continue;
    if (absolute && m->relative) return NULL;
    if (m->sent <= s0 + 1 || m->off < 400) return m;
    break;
  }
  return NULL;
}

#ifndef RCP_FX_DATE_SHARED
#define RCP_FX_DATE_SHARED 3
#endif
#ifndef RCP_FX_DATE_SHARE_PCT
#define RCP_FX_DATE_SHARE_PCT 50
#endif

/* Content words of the sentence of a mention (at `off`, sentence `sent`),
** as 5-letter folded stems: words of 4 letters or more, no digits, not a
** function word, weekday or month. */
static size_t sent_stems(const rcp_doc *d, uint32_t sent, uint32_t off, char stems[][6], size_t cap) {
  if (!d->text || off > d->text_len) return 0;
  size_t s0, s1;
  if (d->sents && sent < d->nsents && d->sents[sent].off <= off && off <= d->sents[sent].off + d->sents[sent].len) {
    s0 = d->sents[sent].off;
    s1 = s0 + d->sents[sent].len;
  } else {
    s0 = off > 200 ? off - 200 : 0;
    s1 = off + 200 < d->text_len ? off + 200 : d->text_len;
  }
  char key[1024];
  rcp__fx_fold(d->text + s0, s1 - s0, key, sizeof key);
  static const char *const stop[] = {"dans", "avec", "pour", "sans", "plus", "moins", "selon", "apres", "avant",
    "depuis", "cette", "leur", "leurs", "elle", "elles", "mais", "comme", "tout", "tous", "toute", "toutes",
    "entre", "sont", "etait", "etaient", "avait", "avaient", "fait", "deux", "trois", "quatre", "cinq", "lors",
    "sous", "vers", "contre", "chez", "aussi", "encore", "deja", "alors", "ainsi", "dont", "celui", "celle",
    "ceux", "notamment", "nous", "vous", "ils", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    "dimanche", "janvier", "fevrier", "mars", "avril", "juin", "juillet", "aout", "septembre", "octobre",
    "novembre", "decembre", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "that", "with", "from", "this", "have", "been", "were", "their", "after", "before", "since",
    "about", "which", "when", "said", "they", "there", "will", "would", "also", "dernier", "derniere",
    "prochain", "prochaine", "soir", "matin", "journee", "heures", "semaine", "annee", NULL};
  size_t n = 0;
  char *save = NULL;
  for (char *w = strtok_r(key, " '-.,;:!?\"()[]«»/", &save); w && n < cap; w = strtok_r(NULL, " '-.,;:!?\"()[]«»/", &save)) {
    if (strlen(w) < 4) continue;
    int bad = 0;
    for (const char *p = w; *p && !bad; p++) if ((*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80) bad = 1;
    for (int i = 0; stop[i] && !bad; i++) bad = !strcmp(w, stop[i]);
    if (bad) continue;
    char st[6];
    snprintf(st, sizeof st, "%.5s", w);
    int dup = 0;
    for (size_t k = 0; k < n && !dup; k++) dup = !strcmp(stems[k], st);
    if (!dup) memcpy(stems[n++], st, 6);
  }
  return n;
}

static int64_t pub_day(const rcp_doc *d) {
  int64_t t = d->pub_time;
  return t == INT64_MIN ? INT64_MIN : t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

/* Is a date that of a report: right after a verb of saying or learning? */
static int report_date(const rcp_doc *d, const rcp_date_mention *m) {
  char w0[48], w1[48];
  int nw = words_before(d, m->off, w0, w1);
  static const char *const t[] = {"appris", "annonce", "annoncait", "indique", "estime", "declare", "affirme",
    "assure", "precise", "explique", "confirme", "revele", "rapporte", "souligne", "ajoute", "reagi", "dit",
    "ecrit", "publie", "publiee", "said", "announced", "told", "reported", "confirmed", "stated", NULL};
  for (int i = 0; t[i]; i++)
    if ((nw >= 1 && !strcmp(w0, t[i])) || (nw >= 2 && !strcmp(w1, t[i]))) return 1;
  return 0;
}

/* Does an article name a day anywhere ("mardi", "le 4 août")? */
static int has_day(const rcp_doc *d, int64_t day) {
  for (size_t k = 0; k < d->ndates; k++)
    if (!d->dates[k].duration && d->dates[k].precision == 0 && d->dates[k].day == day) return 1;
  return 0;
}

/* Do two explicit lede dates of articles i and j date one event
** differently?  (See story_dates.) */
static int date_conflict(const rcp_story_view *v, size_t i, const rcp_date_mention *a, size_t j,
                         const rcp_date_mention *b) {
  if (a->day == b->day || a->day - b->day > 7 || b->day - a->day > 7 || updated(v, i, j)) return 0;
  int64_t pi = pub_day(v->docs[i]), pj = pub_day(v->docs[j]);
  if (pj != INT64_MIN && a->day > pj) return 0;
  if (pi != INT64_MIN && b->day > pi) return 0;
  /* the day something was said or learnt ("a-t-on appris vendredi 15
  ** mai", "a estimé mardi 1er septembre") is that of the report */
  if (report_date(v->docs[i], a) || report_date(v->docs[j], b)) return 0;
  /* an article that also names the other day knows both: two moments */
  if (has_day(v->docs[i], b->day) || has_day(v->docs[j], a->day)) return 0;
  char sa[48][6], sb[48][6];
  size_t na = sent_stems(v->docs[i], a->sent, a->off, sa, 48), nb = sent_stems(v->docs[j], b->sent, b->off, sb, 48);
  size_t shared = 0;
  for (size_t x = 0; x < na; x++)
    for (size_t y = 0; y < nb; y++)
      if (!strcmp(sa[x], sb[y])) { shared++; break; }
  /* most of the words of the shorter sentence: the same statement */
  size_t mn = na < nb ? na : nb;
  return shared >= RCP_FX_DATE_SHARED && shared * 100 >= mn * RCP_FX_DATE_SHARE_PCT;
}

static int story_dates(const rcp_story_view *v, const size_t *src, json_t *obj, json_t *dis) {
  int rc = RCP_OK;
  unsigned char *on = rcp__calloc(v->ndocs + 1, 1), *seen = rcp__calloc(v->ndocs + 1, 1);
  int64_t *days = rcp__calloc(v->ndocs + 1, sizeof *days);
  json_t *cands = json_array(), *dates = json_array();
  if (!on || !seen || !days || !cands || !dates) { rc = RCP_ENOMEM; goto out; }
  for (size_t i = 0; i < v->ndocs; i++) {
    const rcp_date_mention *m = lede_date(v->docs[i], 0);
    days[i] = m ? m->day : INT64_MIN;
  }
  /* candidates: distinct lede days by independent support */
  size_t ndist = 0;
  for (size_t i = 0; i < v->ndocs; i++) {
    if (days[i] == INT64_MIN) continue;
    int dup = 0;
    for (size_t j = 0; j < i; j++) if (days[j] == days[i]) dup = 1;
    if (dup) continue;
    memset(on, 0, v->ndocs);
    for (size_t j = i; j < v->ndocs; j++) if (days[j] == days[i]) on[j] = 1;
    char b[11];
    rcp__fmt_day(days[i] * 86400, b);
    json_t *c = json_object();
    json_object_set_new(c, "date", json_string(b));
    json_object_set_new(c, "articles", ids_array(v, on));
    json_object_set_new(c, "independent", json_integer((json_int_t)independent(src, on, v->ndocs, seen)));
    json_array_append_new(cands, c);
    ndist++;
  }
  /* sort candidates by independent support (stable, small) */
  for (size_t a = 0; a < ndist; a++)
    for (size_t b = a + 1; b < ndist; b++) {
      json_int_t ia = json_integer_value(json_object_get(json_array_get(cands, a), "independent"));
      json_int_t ib = json_integer_value(json_object_get(json_array_get(cands, b), "independent"));
      if (ib > ia) {
        json_t *ta = json_incref(json_array_get(cands, a)), *tb = json_incref(json_array_get(cands, b));
        json_array_set_new(cands, a, tb);
        json_array_set_new(cands, b, ta);
      }
    }
  /* the same event dated differently: explicit lede days ("le 9 octobre",
  ** not "mardi", whose differences are mostly other moments of the event)
  ** of two articles of different sources, within a week of each other,
  ** each in the past of the other article too (a day after an article was
  ** published is a later sub-event: the trial after the arrest), and said
  ** in sentences about the same thing (RCP_FX_DATE_SHARED content words in
  ** common, dates and function words aside: "a été libéré mercredi 12" and
  ** "a accordé un entretien jeudi 13" are two events) */
  {
    const rcp_date_mention **lm = rcp__calloc(v->ndocs + 1, sizeof *lm);
    unsigned char *inv = rcp__calloc(v->ndocs + 1, 1);
    if (!lm || !inv) { rcp__free(lm); rcp__free(inv); rc = RCP_ENOMEM; goto out; }
    for (size_t i = 0; i < v->ndocs; i++) lm[i] = lede_date(v->docs[i], 1);
    size_t ninv = 0;
    for (size_t i = 0; i < v->ndocs; i++)
      for (size_t j = i + 1; j < v->ndocs; j++)
        if (lm[i] && lm[j] && src[i] != src[j] && date_conflict(v, i, lm[i], j, lm[j])) {
          ninv += !inv[i] + !inv[j];
          inv[i] = inv[j] = 1;
        }
    if (ninv >= 2) {
      json_t *vals = json_array();
      for (size_t i = 0; vals && i < v->ndocs; i++) {
        if (!inv[i]) continue;
        int dup = 0;
        for (size_t j = 0; j < i && !dup; j++) if (inv[j] && lm[j]->day == lm[i]->day) dup = 1;
        if (dup) continue;
        memset(on, 0, v->ndocs);
        for (size_t j = i; j < v->ndocs; j++) if (inv[j] && lm[j]->day == lm[i]->day) on[j] = 1;
        char b[11];
        rcp__fmt_day(lm[i]->day * 86400, b);
        json_t *val = json_object();
        json_object_set_new(val, "text", json_string(b));
        json_object_set_new(val, "articles", ids_array(v, on));
        json_object_set_new(val, "independent", json_integer((json_int_t)independent(src, on, v->ndocs, seen)));
        json_array_append_new(vals, val);
      }
      json_t *d = json_object();
      json_object_set_new(d, "about", json_string("date"));
      json_object_set_new(d, "kind", json_string("date"));
      json_object_set_new(d, "values", vals);
      json_array_append_new(dis, d);
    }
    rcp__free(lm);
    rcp__free(inv);
  }
  /* every point date of the story, for a timeline: distinct days in order */
  for (size_t i = 0; i < v->ndocs; i++) {
    const rcp_doc *d = v->docs[i];
    for (size_t j = 0; j < d->ndates; j++) {
      const rcp_date_mention *m = &d->dates[j];
      if (m->duration || m->day == INT64_MIN) continue;
      char b[11];
      rcp__fmt_day(m->day * 86400, b);
      json_t *o = NULL;
      size_t at = json_array_size(dates);
      for (size_t q = 0; q < json_array_size(dates); q++) {
        json_t *e = json_array_get(dates, q);
        const char *eb = json_string_value(json_object_get(e, "date"));
        int c = strcmp(eb, b);
        if (c == 0 && json_integer_value(json_object_get(e, "precision_code")) == m->precision) { o = e; break; }
        if (c > 0 && at == json_array_size(dates)) at = q;
      }
      if (!o) {
        if (json_array_size(dates) >= 100) continue;
        o = json_object();
        json_object_set_new(o, "date", json_string(b));
        json_object_set_new(o, "precision", json_string(m->precision == 0 ? "day" : m->precision == 1 ? "month" :
                                                        m->precision == 2 ? "year" : "week"));
        json_object_set_new(o, "precision_code", json_integer(m->precision));
        json_object_set_new(o, "text", json_string(m->text));
        json_object_set_new(o, "articles", json_array());
        json_array_insert_new(dates, at, o);
      }
      json_t *arts = json_object_get(o, "articles");
      const char *id = d->id ? d->id : "";
      int have = 0;
      for (size_t q = 0; q < json_array_size(arts); q++)
        if (!strcmp(json_string_value(json_array_get(arts, q)), id)) have = 1;
      if (!have) json_array_append_new(arts, json_string(id));
    }
  }
  for (size_t q = 0; q < json_array_size(dates); q++) json_object_del(json_array_get(dates, q), "precision_code");
out:
  if (rc == RCP_OK) {
    json_object_set_new(obj, "event_date_candidates", cands);
    json_object_set_new(obj, "dates", dates);
  } else {
    json_decref(cands);
    json_decref(dates);
  }
  rcp__free(on); rcp__free(seen); rcp__free(days);
  return rc;
}

/* ---- entry point ---------------------------------------------------- */

int rcp__story_facts(const rcp_ctx *ctx, const rcp_story_view *v, struct json_t *obj) {
  (void)ctx;
  if (!v || !obj) return RCP_EINVAL;
  size_t n = v->ndocs;
  size_t *src = rcp__calloc(n + 1, sizeof *src);
  unsigned char *on = rcp__calloc(n + 1, 1), *seen = rcp__calloc(n + 1, 1);
  json_t *dis = json_array();
  int rc = RCP_OK;
  if (!src || !on || !seen || !dis) { rc = RCP_ENOMEM; goto out; }
  for (size_t i = 0; i < n; i++) src[i] = i;
  for (size_t r = 0; r < v->nrels; r++)
    if (v->rels[r].a < n && v->rels[r].b < n) uf_union(src, v->rels[r].a, v->rels[r].b);
  for (size_t i = 0; i < n; i++) src[i] = uf_find(src, i);
  memset(on, 1, n);
  json_object_set_new(obj, "independent_sources", json_integer((json_int_t)independent(src, on, n, seen)));
  json_t *groups = json_array();
  for (size_t i = 0; groups && i < n; i++) {
    if (src[i] != i) continue;
    memset(on, 0, n);
    for (size_t j = 0; j < n; j++) if (src[j] == i) on[j] = 1;
    json_array_append_new(groups, ids_array(v, on));
  }
  json_object_set_new(obj, "source_groups", groups ? groups : json_null());
  rc = story_entities(v, src, obj, dis);
  if (rc == RCP_OK) rc = story_figures(v, src, obj, dis);
  if (rc == RCP_OK) rc = story_dates(v, src, obj, dis);
  if (rc == RCP_OK) { json_object_set_new(obj, "disagreements", dis); dis = NULL; }
out:
  json_decref(dis);
  rcp__free(src); rcp__free(on); rcp__free(seen);
  return rc;
}
