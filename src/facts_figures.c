/* facts_figures.c -- figures: a number, its qualifier, its unit and what it
** counts ("plus de 12 000 foyers", "15 % des voix", "une dizaine de blessés",
** "1,5 milliard d'euros", "trente pays").
**
** Over the facts tokens: a number is a digit token (thousands groups and
** decimal commas already read by the scanner) or a number word ("trente",
** "quatre-vingt-dix", "twenty"), optionally scaled ("millions", "milliard")
** or an approximate noun ("une dizaine" = 10, qualifier "environ").  The
** qualifier is read backwards ("plus de", "près de", "environ", "au moins",
** "jusqu'à", "moins de", "more than" ...), the unit forwards: "%", a currency
** sign or word, else the next noun; "de X" after it gives what is counted
** ("chefs de gouvernement", "% des voix").  about = folded key of what is
** counted, with the plural -s/-x of its head dropped, for grouping across
** articles.
** Skipped: numbers the date extractor consumed, ordinals, times (14h30,
** 10:45), scores (3-1), bare number words without a unit, bare years.
*/
#include "facts_int.h"

#include <stdio.h>  /* snprintf */
#include <string.h> /* strcmp, strlen */

/* ---- number words --------------------------------------------------- */

static double unit_word(const char *w) {
  static const struct { const char *w; double v; } t[] = {
    {"zero", 0}, {"deux", 2}, {"trois", 3}, {"quatre", 4}, {"cinq", 5}, {"six", 6}, {"sept", 7},
    {"huit", 8}, {"neuf", 9}, {"dix", 10}, {"onze", 11}, {"douze", 12}, {"treize", 13},
    {"quatorze", 14}, {"quinze", 15}, {"seize", 16}, {"vingt", 20}, {"vingts", 20}, {"trente", 30},
    {"quarante", 40}, {"cinquante", 50}, {"soixante", 60}, {"cent", 100}, {"cents", 100},
    {"mille", 1000}, {"un", 1}, {"une", 1}, {"et", -2},
    {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8},
    {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"seventy", 70},
    {"eighty", 80}, {"ninety", 90}, {"hundred", 100}, {"thousand", 1000}, {"dozen", 12},
    {NULL, 0}};
  for (int i = 0; t[i].w; i++) if (fx_eq(w, t[i].w)) return t[i].v;
  return -1;
}

double rcp__fx_numword(const char *key) {
  /* hyphenated compounds: trente-cinq, quatre-vingt-dix, vingt-et-un, dix-sept */
  char part[32];
  double total = 0, cur = 0;
  int n = 0;
  const char *p = key;
  if (strlen(key) > 60) return -1;
  for (;;) {
    const char *e = strchr(p, '-');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    if (l == 0 || l >= sizeof part) return -1;
    memcpy(part, p, l);
    part[l] = 0;
    double v = unit_word(part);
    if (v == -1) return -1;
    if (v == -2) { if (n == 0 || !e) return -1; }
    else if (v == 1 && n == 0 && !e) return -1;          /* "un" alone is not a figure */
    else if (v == 100) cur = (cur ? cur : 1) * 100;
    else if (v == 1000) { total += (cur ? cur : 1) * 1000; cur = 0; }
    else if (v == 20 && cur == 4) cur = 80;              /* quatre-vingt */
    else if (v == 20 && cur > 0 && cur < 20) cur *= 20;
    else cur += v;
    n++;
    if (!e) break;
    p = e + 1;
  }
  double r = total + cur;
  return r > 0 ? r : (fx_eq(key, "zero") ? 0 : -1);
}

static double scale_word(const char *w) {
  static const struct { const char *w; double v; } t[] = {
    {"million", 1e6}, {"millions", 1e6}, {"milliard", 1e9}, {"milliards", 1e9}, {"md", 1e9},
    {"mds", 1e9}, {"mrd", 1e9}, {"mrds", 1e9}, {"billion", 1e9}, {"billions", 1e9},
    {"trillion", 1e12}, {"mille", 1e3}, {"thousand", 1e3}, {"k", 1e3}, {"m", 1e6}, {NULL, 0}};
  for (int i = 0; t[i].w; i++) if (fx_eq(w, t[i].w)) return t[i].v;
  return 0;
}

static double approx_word(const char *w) {
  static const struct { const char *w; double v; } t[] = {
    {"dizaine", 10}, {"douzaine", 12}, {"quinzaine", 15}, {"vingtaine", 20}, {"trentaine", 30},
    {"quarantaine", 40}, {"cinquantaine", 50}, {"soixantaine", 60}, {"centaine", 100},
    {"millier", 1000}, {"dozen", 12}, {NULL, 0}};
  for (int i = 0; t[i].w; i++) if (fx_eq(w, t[i].w)) return t[i].v;
  return 0;
}

/* ---- qualifiers ----------------------------------------------------- */

static size_t qualifier_before(const fx_doc *x, size_t i, const char **q) {
  static const struct { const char *w[3]; size_t n; const char *q; } t[] = {
    {{"pas", "moins", "de"}, 3, "au moins"}, {{"pas", "moins", "d'"}, 3, "au moins"},
    {{"un", "peu", "plus"}, 3, "plus de"},
    {{"plus", "de"}, 2, "plus de"}, {{"plus", "d'"}, 2, "plus de"},
    {{"moins", "de"}, 2, "moins de"}, {{"moins", "d'"}, 2, "moins de"},
    {{"pres", "de"}, 2, "près de"}, {{"pres", "d'"}, 2, "près de"},
    {{"au", "moins"}, 2, "au moins"}, {{"jusqu'", "a"}, 2, "jusqu'à"}, {{"jusqu'", "au"}, 2, "jusqu'à"},
    {{"autour", "de"}, 2, "environ"}, {{"autour", "d'"}, 2, "environ"},
    {{"au-dela", "de"}, 2, "plus de"}, {{"au-dela", "d'"}, 2, "plus de"},
    {{"more", "than"}, 2, "more than"}, {{"less", "than"}, 2, "less than"},
    {{"fewer", "than"}, 2, "less than"}, {{"at", "least"}, 2, "at least"}, {{"up", "to"}, 2, "up to"},
    {{"environ"}, 1, "environ"}, {{"quelque"}, 1, "environ"}, {{"quelques"}, 1, "environ"},
    {{"presque"}, 1, "près de"}, {{"quasiment"}, 1, "près de"}, {{"approximativement"}, 1, "environ"},
    {{"about"}, 1, "about"}, {{"around"}, 1, "about"}, {{"nearly"}, 1, "nearly"},
    {{"almost"}, 1, "nearly"}, {{"some"}, 1, "about"}, {{"over"}, 1, "more than"},
    {{"roughly"}, 1, "about"}, {{"approximately"}, 1, "about"},
    {{NULL}, 0, NULL}};
  for (int k = 0; t[k].n; k++) {
    if (i < t[k].n) continue;
    if (rcp__fx_seq(x, i - t[k].n, t[k].w, t[k].n)) { *q = t[k].q; return t[k].n; }
  }
  *q = NULL;
  return 0;
}

/* Words that cannot be what a number counts. */
static int not_unit(const char *w) {
  static const char *const t[] = {"et", "ou", "a", "au", "aux", "de", "du", "des", "d'", "en", "sur",
    "pour", "par", "dans", "avec", "qui", "que", "qu'", "contre", "ont", "sont", "est", "etait",
    "sans", "selon", "le", "la", "les", "l'", "un", "une", "ce", "cet", "cette", "ces", "se", "s'",
    "il", "elle", "ils", "elles", "on", "y", "ne", "n'", "pas", "plus", "moins", "apres", "avant",
    "entre", "vers", "lors", "dont", "ainsi", "deja", "encore", "aussi", "meme", "tous", "toutes",
    "and", "or", "the", "of", "in", "on", "at", "for", "to", "by", "with", "from", "is", "are",
    "was", "were", "has", "have", "had", "that", "which", "who", "as", "than", "but", "not",
    "voire", "soit", "mais", "puis", "donc", "car", "si", "comme", "parmi", "chez", "depuis",
    "pendant", "durant", "jusqu'", "au-dela", "environ", NULL};
  for (int i = 0; t[i]; i++) if (fx_eq(w, t[i])) return 1;
  return 0;
}

/* Words that end the description of what is counted. */
static int stop_what(const fx_doc *x, size_t k) {
  static const char *const t[] = {"ont", "sont", "etaient", "etait", "est", "a", "avaient", "avait",
    "seront", "sera", "restaient", "restent", "et", "ou", "qui", "que", "dans", "en", "selon", "depuis",
    "pour", "par", "sur", "avec", "au", "aux", "le", "la", "les", "un", "une", "ce", "cette", "se",
    "ne", "n'", "il", "elle", "ils", "elles", "on", "y", "lors", "apres", "avant", "mardi", "lundi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "were", "was", "are", "is",
    "have", "had", "and", "or", "in", "on", "at", "for", "by", "with", "the", "a", NULL};
  if (x->t[k].flags & FX_CAP) return 1;
  for (int i = 0; t[i]; i++) if (fx_eq(x->t[k].key, t[i])) return 1;
  return rcp__fx_numword(x->t[k].key) >= 0;
}
/* Copulas and auxiliaries between what is counted and its predicate. */
static int copula(const char *k) {
  static const char *const t[] = {"etaient", "etait", "sont", "est", "restaient", "restent", "reste",
    "restait", "demeuraient", "demeurent", "etant", "ont", "avaient", "ete", "restes", "seront",
    "were", "was", "are", "is", "remain", "remained", "been", "have", "had", NULL};
  for (int i = 0; t[i]; i++) if (fx_eq(k, t[i])) return 1;
  return 0;
}
/* First word of a predicate: a lower-case word that is not a function
** word, or "sans"/"without" ("sans électricité"). */
static int predicate_start(const fx_doc *x, size_t k) {
  if (fx_is(x, k, "sans") || fx_is(x, k, "without")) return 1;
  return !stop_what(x, k) && !not_unit(x->t[k].key) && !copula(x->t[k].key);
}
static int is_link(const char *k) {
  return fx_eq(k, "de") || fx_eq(k, "d'") || fx_eq(k, "du") || fx_eq(k, "des") || fx_eq(k, "l'") || fx_eq(k, "of");
}

/* Adjectives that come before the counted noun: "19 nouveaux cas". */
static int pre_adj(const char *w) {
  static const char *const t[] = {"nouveaux", "nouvelles", "nouveau", "nouvelle", "autres", "premiers",
    "premieres", "derniers", "dernieres", "petits", "petites", "grands", "grandes", "gros", "grosses",
    "seuls", "seules", "anciens", "anciennes", "principaux", "principales", "jeunes", "hauts",
    "new", "other", "more", "additional", "young", "small", "large", "big", NULL};
  for (int i = 0; t[i]; i++) if (fx_eq(w, t[i])) return 1;
  return 0;
}

static const char *currency(const char *k) {
  if (fx_eq(k, "\xe2\x82\xac") || fx_eq(k, "euro") || fx_eq(k, "euros")) return "euros";
  if (fx_eq(k, "$") || fx_eq(k, "dollar") || fx_eq(k, "dollars")) return "dollars";
  if (fx_eq(k, "\xc2\xa3") || fx_eq(k, "livres")) return "livres";
  return NULL;
}

/* Folded key of what is counted, head made singular: "foyers privés" -> "foyer".
** Units of measure and of time written in full, abbreviated or in English
** get one key, so "8,9 km" and "8,9 kilomètres", "trois ans" and "trois
** années" are one figure in a story. */
static void head_key(const char *k, char *out, size_t cap) {
  static const struct { const char *w, *key; } syn[] = {
    {"an", "annee"}, {"ans", "annee"}, {"year", "annee"}, {"jour", "jour"}, {"day", "jour"},
    {"week", "semaine"}, {"month", "mois"}, {"hour", "heure"}, {"min", "minute"},
    {"km", "km"}, {"kilometre", "km"}, {"kilometer", "km"},
    {"m", "metre"}, {"meter", "metre"}, {"cm", "cm"}, {"centimetre", "cm"}, {"centimeter", "cm"},
    {"mm", "mm"}, {"millimetre", "mm"}, {"millimeter", "mm"},
    {"kg", "kg"}, {"kilo", "kg"}, {"kilogramme", "kg"}, {"kilogram", "kg"},
    {"ha", "hectare"}, {"l", "litre"}, {"liter", "litre"}, {"degree", "degre"}, {NULL, NULL}};
  size_t l = strlen(k);
  if (l >= cap) l = cap - 1;
  memcpy(out, k, l);
  out[l] = 0;
  if (l > 3 && (out[l - 1] == 's' || out[l - 1] == 'x') && out[l - 2] != 's' &&
      strcmp(out, "pays") != 0 && strcmp(out, "mois") != 0 && strcmp(out, "fois") != 0 &&
      strcmp(out, "voix") != 0 && strcmp(out, "prix") != 0)
    out[l - 1] = 0;
  for (int i = 0; syn[i].w; i++)
    if (fx_eq(out, syn[i].w)) {
      snprintf(out, cap, "%s", syn[i].key);
      break;
    }
}

typedef struct fctx { fx_doc *x; rcp_doc *d; size_t cap; } fctx;

int rcp__facts_figures(fx_doc *x, rcp_doc *d) {
  fctx c = {x, d, 0};
  for (size_t i = 0; i < x->n; i++) {
    if (x->used[i]) continue;
    const fx_tok *t = &x->t[i];
    double v = -1, q_approx = 0;
    size_t b = i, e = i;           /* span of the figure */
    const char *q = NULL;
    if (t->kind == FX_NUM) {
      if (t->flags & FX_ORD) continue;
      /* times and scores: 14h30, 10:45, 3-1; numbers inside names: "n° 5" */
      if (i + 1 < x->n && (x->t[i + 1].flags & FX_GLUE) &&
          (fx_is(x, i + 1, "h") || (x->t[i + 1].key[0] == 'h' && x->t[i + 1].kind == FX_WORD && x->t[i + 1].len <= 3 &&
                                    strspn(x->t[i + 1].key + 1, "0123456789") == x->t[i + 1].len - 1)))
        continue;
      if (i + 2 < x->n && (x->t[i + 1].key[0] == ':' || x->t[i + 1].key[0] == '-' || x->t[i + 1].key[0] == '/') &&
          (x->t[i + 1].flags & FX_GLUE) && (x->t[i + 2].flags & FX_GLUE) && x->t[i + 2].kind == FX_NUM) {
        i += 2;
        continue;
      }
      if (i > 0 && (x->t[i].flags & FX_GLUE) && (x->t[i - 1].key[0] == '-' || x->t[i - 1].key[0] == ':' ||
                                                 x->t[i - 1].key[0] == '/'))
        continue;
      if (i > 0 && (fx_is(x, i - 1, "n") || fx_is(x, i - 1, "no") || fx_is(x, i - 1, "numero") ||
                    fx_is(x, i - 1, "article") || fx_is(x, i - 1, "page") || fx_is(x, i - 1, "chapitre")))
        continue;
      if (i > 0 && x->t[i - 1].kind == FX_WORD && (x->t[i - 1].flags & FX_CAP) &&
          !(x->t[i - 1].flags & FX_SENT0) && (x->t[i].flags & FX_GLUE))
        continue;
      /* codes: "(66)", "01", "années 70" */
      if (i > 0 && i + 1 < x->n && x->t[i - 1].key[0] == '(' && x->t[i + 1].key[0] == ')') continue;
      if (t->ndig >= 2 && x->text[t->off] == '0' && !(t->flags & FX_GROUPED) && t->val == (int)t->val) continue;
      if (i > 0 && (fx_is(x, i - 1, "annees") || fx_is(x, i - 1, "annee"))) continue;
      v = t->val;
    } else if (t->kind == FX_WORD) {
      double a = approx_word(t->key);
      if (a > 0 && i > 0 && (fx_is(x, i - 1, "une") || fx_is(x, i - 1, "un") || fx_is(x, i - 1, "a") ||
                             fx_is(x, i - 1, "la") || fx_is(x, i - 1, "d'une") || fx_is(x, i - 1, "d'un"))) {
        v = a; q_approx = 1; b = i - 1;
      } else {
        double w = rcp__fx_numword(t->key);
        if (w < 2) continue;
        v = w;
      }
    } else {
      continue;
    }
    /* scale: "1,5 million", "trois milliards" */
    size_t j = i + 1;
    if (j < x->n && !x->used[j] && scale_word(x->t[j].key) > 0 &&
        !(x->t[j].key[0] == 'm' && x->t[j].key[1] == 0 && !(x->t[j].flags & FX_GLUE)) &&
        !(x->t[j].key[0] == 'k' && x->t[j].key[1] == 0 && !(x->t[j].flags & FX_GLUE))) {
      v *= scale_word(x->t[j].key);
      e = j;
      j++;
    }
    /* "près d'une dizaine" keeps the written qualifier; "une dizaine" alone
    ** is approximate */
    size_t qn = qualifier_before(x, b, &q);
    b -= qn;
    if (!q && q_approx) q = x->lang_en ? "about" : "environ";
    /* unit */
    const char *unit = NULL;
    char about[160] = "";
    size_t ue = e, unit_tok = 0;
    if (j < x->n && !(x->t[j].flags & FX_BREAK)) {
      const fx_tok *u = &x->t[j];
      int of = 0;
      if (u->kind == FX_PUNCT && fx_eq(u->key, "%")) { unit = "%"; ue = j; }
      else if (u->kind == FX_PUNCT && fx_eq(u->key, "\xc2\xb0")) {
        unit = "\xc2\xb0";
        ue = j;
        if (j + 1 < x->n && (x->t[j + 1].flags & FX_GLUE) && (fx_is(x, j + 1, "c") || fx_is(x, j + 1, "f"))) {
          unit = fx_is(x, j + 1, "c") ? "\xc2\xb0" "C" : "\xc2\xb0" "F";
          ue = j + 1;
        }
      }
      else if (fx_is(x, j, "pour") && fx_is(x, j + 1, "cent")) { unit = "%"; ue = j + 1; }
      else if (fx_is(x, j, "percent") || fx_is(x, j, "pourcent")) { unit = "%"; ue = j; }
      else if (currency(u->key)) { unit = currency(u->key); ue = j; }
      else {
        size_t k = j;
        if ((fx_is(x, k, "de") || fx_is(x, k, "d'") || fx_is(x, k, "of")) && (e > i || q_approx)) { k++; of = 1; }
        if (k + 1 < x->n && pre_adj(x->t[k].key) && x->t[k + 1].kind == FX_WORD) k++;  /* "19 nouveaux cas" */
        /* ranges: "de 5 à 10 euros", "10 ou 20 centimes": the unit of the second */
        if (k + 2 < x->n && (fx_is(x, k, "a") || fx_is(x, k, "ou") || fx_is(x, k, "et") || fx_is(x, k, "-")) &&
            x->t[k + 1].kind == FX_NUM && x->t[k + 2].kind == FX_WORD && !not_unit(x->t[k + 2].key)) {
          const char *cu = currency(x->t[k + 2].key);
          if (cu) { unit = cu; ue = e; }
          else if (!(x->t[k + 2].flags & FX_ALLCAP) && rcp__fx_numword(x->t[k + 2].key) < 0) {
            unit = ""; unit_tok = k + 2; ue = e;
            head_key(x->t[k + 2].key, about, sizeof about);
          }
          k = x->n;  /* the range is not one figure: keep the text to the number */
        }
        if (k < x->n && !(x->t[k].flags & FX_BREAK) && !unit) {
          const fx_tok *w = &x->t[k];
          if (currency(w->key)) { unit = currency(w->key); ue = k; }
          else if (w->kind == FX_WORD && !not_unit(w->key) && !(w->flags & FX_ALLCAP) &&
                   rcp__fx_numword(w->key) < 0 && scale_word(w->key) == 0) {
            unit = "";  /* set from the text below */
            ue = k;
            unit_tok = k;
          }
        }
        (void)of;
      }
      if (unit && ue > e) {
        /* what is counted: "% des voix", "chefs de gouvernement" */
        size_t k = ue + 1;
        if (k + 1 < x->n && (fx_is(x, k, "de") || fx_is(x, k, "d'") || fx_is(x, k, "des") ||
                             fx_is(x, k, "du") || fx_is(x, k, "of")) &&
            x->t[k + 1].kind == FX_WORD && !not_unit(x->t[k + 1].key) && !(x->t[k + 1].flags & FX_CAP) &&
            !(x->t[k + 1].flags & FX_BREAK) && rcp__fx_numword(x->t[k + 1].key) < 0) {
          if (unit[0] == '%' || fx_eq(unit, "euros") || fx_eq(unit, "dollars")) {
            snprintf(about, sizeof about, "%s", x->t[k + 1].key);
          } else {
            char hk[64];
            head_key(x->t[ue].key, hk, sizeof hk);
            snprintf(about, sizeof about, "%s de %s", hk, x->t[k + 1].key);
          }
          if (unit[0] == '%') ue = k + 1;
          else if (!(fx_eq(unit, "euros") || fx_eq(unit, "dollars"))) ue = k + 1;
        } else if (unit[0] == 0) {
          head_key(x->t[ue].key, about, sizeof about);
        } else {
          snprintf(about, sizeof about, "%s", unit);
        }
      }
    }
    /* a small number after a name is part of it: "Europe 1", "CAC 40" */
    if (!unit && t->kind == FX_NUM && b == i && i > 0 && x->t[i - 1].kind == FX_WORD &&
        (x->t[i - 1].flags & FX_CAP) && !(x->t[i - 1].flags & FX_SENT0))
      continue;
    /* bare number words and bare 4-digit years are not figures */
    if (!unit && t->kind == FX_WORD && !q_approx) continue;
    if (!unit && t->kind == FX_NUM && t->ndig == 4 && !(t->flags & FX_GROUPED) && v >= 1900 && v <= 2100) continue;
    if (unit) e = ue;
    rcp_figure *a = rcp__fx_grow(d->arena, d->figs, d->nfigs, &c.cap, sizeof *a);
    if (!a) return rcp__arena_error(d->arena);
    d->figs = a;
    rcp_figure *f = &a[d->nfigs];
    memset(f, 0, sizeof *f);
    f->off = x->t[b].off;
    f->len = x->t[e].off + x->t[e].len - f->off;
    f->quantity = v;
    f->qualifier = q;
    f->sent = x->t[i].sent;
    f->text = rcp__fx_span(x, d->arena, b, e);
    if (unit && unit[0] == 0) {
      /* the unit is the head noun as written (not its "de X" complement) */
      f->unit = rcp__arena_strndup(d->arena, x->text + x->t[unit_tok].off, x->t[unit_tok].len);
    } else {
      f->unit = unit ? unit : NULL;
    }
    f->about = about[0] ? rcp__arena_strdup(d->arena, about) : NULL;
    /* what is counted, as written: the unit and its complement, up to a
    ** verb or punctuation ("foyers privés d'électricité") */
    if (unit && unit[0] == 0) {
      size_t we = unit_tok, k = unit_tok + 1;
      while (k < x->n && k < unit_tok + 6 && x->t[k].kind == FX_WORD && !(x->t[k].flags & FX_BREAK) &&
             !stop_what(x, k)) {
        if (!is_link(x->t[k].key)) we = k;
        k++;
      }
      /* a predicate after a copula is part of what is counted: "foyers
      ** étaient privés d'électricité", "foyers restaient sans électricité" */
      if (we + 1 == k && k < x->n && copula(x->t[k].key) && !(x->t[k].flags & FX_BREAK)) {
        size_t p = k + 1;
        if (p < x->n && copula(x->t[p].key)) p++;  /* "ont été", "sont restés" */
        size_t pe = 0;
        for (size_t m = p; m < x->n && m < p + 5 && x->t[m].kind == FX_WORD && !(x->t[m].flags & FX_BREAK) &&
                           (m == p ? predicate_start(x, m) : !stop_what(x, m));
             m++)
          if (!is_link(x->t[m].key)) pe = m;
        if (pe) {
          /* shown without the copula: "foyers privés d'électricité" */
          const char *h = rcp__fx_span(x, d->arena, unit_tok, k - 1), *pr = rcp__fx_span(x, d->arena, p, pe);
          f->what = h && pr ? rcp__arena_printf(d->arena, "%s %s", h, pr) : NULL;
          if (!f->what) return rcp__arena_error(d->arena);
        }
      }
      if (!f->what) f->what = rcp__fx_span(x, d->arena, unit_tok, we);
    } else if (unit && about[0]) {
      f->what = rcp__arena_printf(d->arena, "%s %s", unit, about);
    }
    if (!f->text || (unit && !f->unit) || (about[0] && !f->about)) return rcp__arena_error(d->arena);
    d->nfigs++;
    for (size_t k = b; k <= e; k++) x->used[k] = 1;
    i = e;
  }
  return RCP_OK;
}
