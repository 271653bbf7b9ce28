/* facts_quotes.c -- quotations and their speakers.
**
** Quotes are the text between « and » (nesting counted), “ and ”, or a pair
** of ASCII double quotes in one block; a quote of fewer than three words is
** a term ("l'agribashing"), not a quotation.  The speaker is found, in this
** order: after the closing mark (", a déclaré X", ", selon X", ", explique
** X", "said X"), then before the opening mark in the same sentence ("X a
** déclaré : «", "selon X, «", "X said"), among the entity mentions already
** extracted (people first, then organisations); "a-t-il ajouté",
** "raconte-t-il", "écrit-il" and a role as subject ("a assuré le
** président", with no name after it) take the last person named before
** the quote; a bare surname is shown as the full name it stands for; a
** quote with no speaker takes the speaker of another quote of its sentence
** ('« X » et « Y », a-t-il déclaré').
** Not done: quotes spanning blocks, indirect speech.
*/
#include "facts_int.h"

#include <string.h> /* strcmp */

static int is_speech(const char *k) {
  static const char *const t[] = {"declare", "affirme", "explique", "ajoute", "souligne", "estime",
    "assure", "indique", "precise", "dit", "confie", "lance", "martele", "clame", "denonce", "insiste",
    "poursuit", "conclut", "rappelle", "juge", "selon", "raconte", "temoigne", "observe", "note",
    "reconnait", "admet", "avertit", "previent", "regrette", "deplore", "se", "commente", "tweete",
    "ecrit", "repond", "annonce", "detaille", "resume", "tranche", "s'insurge", "s'agace",
    "s'inquiete", "s'est", "said", "says", "told", "added", "according", "wrote", "stated",
    "explained", "noted", "declared", "tweeted", "argued", "warned", "poursuivi", "tempete", "specifie",
    "balaie", "glisse", "ajoutant", "affirmait", "expliquait", "declarait", "lache", "ironise", "souffle",
    "assene", "reagi", "reagit", "interroge", "plaide", "accuse", "fustige", "salue", "prevenu",
    "averti", "confirme", "promet", "promis", "reclame", "exhorte", "appelle", NULL};
  for (int i = 0; t[i]; i++) if (fx_eq(k, t[i])) return 1;
  return 0;
}

/* The first person/organisation mention starting in [a, b) (byte offsets). */
static const rcp_entity_mention *ent_in(const rcp_doc *d, uint32_t a, uint32_t b, int last) {
  const rcp_entity_mention *best = NULL;
  for (int pass = 0; pass < 2 && !best; pass++) {
    rcp_ent_type want = pass == 0 ? RCP_ENT_PERSON : RCP_ENT_ORG;
    for (size_t i = 0; i < d->nents; i++) {
      const rcp_entity_mention *m = &d->ents[i];
      if (m->off < a || m->off >= b || m->type != want) continue;
      if (!best || (last ? m->off > best->off : m->off < best->off)) best = m;
    }
  }
  return best;
}

/* Nouns of people's roles after a speech verb: "a assuré le président". */
static int person_role(const char *k) {
  static const char *const t[] = {"ministre", "president", "presidente", "premier", "premiere", "maire",
    "chef", "cheffe", "secretaire", "porte-parole", "directeur", "directrice", "patron", "patronne",
    "depute", "deputee", "senateur", "senatrice", "prefet", "prefete", "procureur", "procureure",
    "ancien", "ancienne", "candidat", "candidate", "dirigeant", "dirigeante", "milliardaire",
    "entraineur", "selectionneur", "professeur", "pr", "dr", "infectiologue", "epidemiologiste",
    "chanteur", "chanteuse", "acteur", "actrice", "avocat", "avocate", "guide", "souverain", "reine",
    "roi", "pape", "general", "commissaire", "gouverneur", "gouverneure", "eurodepute", "eurodeputee",
    "president-directeur", "pdg", "fondateur", "fondatrice", "leader", NULL};
  for (int i = 0; t[i]; i++) if (fx_eq(k, t[i])) return 1;
  return 0;
}

/* A person's display name: the full name a bare surname stands for. */
static const char *person_name(const rcp_doc *d, const rcp_entity_mention *m) {
  if (m->type == RCP_ENT_PERSON && m->canon && m->canon[1] != ':')
    for (size_t i = 0; i < d->nents; i++)
      if (d->ents[i].key && !strcmp(d->ents[i].key, m->canon)) return d->ents[i].name;
  return m->name;
}

/* A sentence-ending period, not the one of "M." or "Dr.". */
static int end_dot(const fx_doc *x, size_t i) {
  if (x->t[i].key[0] != '.') return 0;
  return !(i > 0 && x->t[i - 1].kind == FX_WORD && (x->t[i - 1].flags & FX_CAP) && x->t[i - 1].len <= 3);
}

/* Incises with a subject pronoun: "raconte-t-il", "écrit-il", "a-t-elle". */
static int incise_pronoun(const fx_tok *t) {
  const char *k = t->key;
  size_t l = strlen(k);
  return t->kind == FX_WORD && l > 3 &&
         ((l > 3 && !strcmp(k + l - 3, "-il")) || (l > 5 && !strcmp(k + l - 5, "-elle")) ||
          (l > 4 && !strcmp(k + l - 4, "-ils")) || (l > 6 && !strcmp(k + l - 6, "-elles")));
}

static int add_quote(rcp_doc *d, size_t *cap, const fx_doc *x, size_t qb, size_t qe, const char *speaker) {
  /* qb, qe: tokens of the opening and closing marks */
  uint32_t b = x->t[qb].off + x->t[qb].len, e = x->t[qe].off;
  while (b < e && (x->text[b] == ' ' || (unsigned char)x->text[b] == 0xC2)) {
    if ((unsigned char)x->text[b] == 0xC2 && b + 1 < e && (unsigned char)x->text[b + 1] == 0xA0) b += 2;
    else if (x->text[b] == ' ') b++;
    else break;
  }
  while (e > b && x->text[e - 1] == ' ') e--;
  if (e >= 2 && e - 2 >= b && (unsigned char)x->text[e - 2] == 0xC2 && (unsigned char)x->text[e - 1] == 0xA0) e -= 2;
  rcp_quote *a = rcp__fx_grow(d->arena, d->quotes, d->nquotes, cap, sizeof *a);
  if (!a) return rcp__arena_error(d->arena);
  d->quotes = a;
  rcp_quote *q = &a[d->nquotes];
  memset(q, 0, sizeof *q);
  q->off = b;
  q->len = e - b;
  q->sent = x->t[qb].sent;
  q->text = rcp__arena_strndup(d->arena, x->text + b, e - b);
  q->speaker = speaker ? rcp__arena_strdup(d->arena, speaker) : NULL;
  if (!q->text || (speaker && !q->speaker)) return rcp__arena_error(d->arena);
  d->nquotes++;
  return RCP_OK;
}

static int is_open(const fx_tok *t) { return fx_eq(t->key, "\xc2\xab") || fx_eq(t->key, "\xe2\x80\x9c"); }
static int is_close(const fx_tok *t) { return fx_eq(t->key, "\xc2\xbb") || fx_eq(t->key, "\xe2\x80\x9d"); }

static const char *find_speaker(const fx_doc *x, const rcp_doc *d, size_t qb, size_t qe) {
  /* after: skip , - and up to 9 words looking for a speech verb */
  size_t k = qe + 1;
  if (k < x->n && (x->t[k].key[0] == ',' || x->t[k].key[0] == '-')) k++;
  uint32_t before0 = x->t[qb].off > 3000 ? x->t[qb].off - 3000 : 0;
  for (size_t s = k; s < x->n && s < k + 10; s++) {
    if (x->t[s].flags & FX_BREAK) break;
    if (x->t[s].kind == FX_PUNCT && end_dot(x, s)) break;
    /* "raconte-t-il", "écrit-il": the last person named before the quote */
    if (s < k + 2 && incise_pronoun(&x->t[s])) {
      const rcp_entity_mention *lp = ent_in(d, before0, x->t[qb].off, 1);
      if (lp && lp->type == RCP_ENT_PERSON) return person_name(d, lp);
      break;
    }
    if (x->t[s].kind == FX_WORD && is_speech(x->t[s].key)) {
      /* "a assuré le président", "a expliqué le ministre de la Santé": a
      ** role as subject is the last person named before the quote */
      size_t r = s + 1;
      if (r < x->n && (fx_is(x, r, "le") || fx_is(x, r, "la") || fx_is(x, r, "l'"))) r++;
      if (r > s + 1 && r < x->n && person_role(x->t[r].key)) {
        /* "le ministre de la Santé Olivier Véran": a person named after it */
        size_t re = r + 6 < x->n ? r + 6 : x->n - 1;
        const rcp_entity_mention *nm = ent_in(d, x->t[r].off, x->t[re].off + 1, 0);
        if (!nm || nm->type != RCP_ENT_PERSON) {
          const rcp_entity_mention *lp = ent_in(d, before0, x->t[qb].off, 1);
          if (lp && lp->type == RCP_ENT_PERSON) return person_name(d, lp);
        }
      }
      /* inverted subject: "a déclaré Jean Dupont", "a-t-il ajouté" */
      uint32_t a = x->t[s].off, b = a + 160;
      size_t end = s;
      while (end < x->n && end < s + 20 && !end_dot(x, end) && !(x->t[end].flags & FX_BREAK)) end++;
      if (end < x->n) b = x->t[end].off;
      const rcp_entity_mention *m = ent_in(d, a, b, 0);
      if (m) return person_name(d, m);
      /* pronoun: last person before the quote */
      for (size_t p = qe + 1; p <= s + 3 && p < x->n; p++)
        if (fx_is(x, p, "il") || fx_is(x, p, "elle") || fx_is(x, p, "t-il") || fx_is(x, p, "t-elle") ||
            strstr(x->t[p].key, "-t-il") || strstr(x->t[p].key, "-t-elle") || strstr(x->t[p].key, "-il") ||
            strstr(x->t[p].key, "-elle") || fx_is(x, p, "he") || fx_is(x, p, "she")) {
          const rcp_entity_mention *lp = ent_in(d, before0, x->t[qb].off, 1);
          if (lp) return person_name(d, lp);
        }
      break;
    }
    if (x->t[s].kind == FX_WORD && (x->t[s].flags & FX_CAP)) break;
  }
  /* before: same sentence, a speech verb between a name and the quote */
  uint32_t sent = x->t[qb].sent;
  size_t a = qb;
  while (a > 0 && x->t[a - 1].sent == sent && qb - a < 40) a--;
  for (size_t s = qb; s-- > a;) {
    if (x->t[s].kind == FX_WORD && is_speech(x->t[s].key)) {
      const rcp_entity_mention *m = ent_in(d, x->t[a].off, x->t[qb].off, 1);
      if (m) return person_name(d, m);
      break;
    }
  }
  return NULL;
}

int rcp__facts_quotes(fx_doc *x, rcp_doc *d) {
  size_t cap = 0, first = d->nquotes;
  for (size_t i = 0; i < x->n; i++) {
    const fx_tok *t = &x->t[i];
    if (t->kind != FX_PUNCT) continue;
    size_t j = SIZE_MAX;
    if (is_open(t)) {
      int depth = 1;
      for (size_t k = i + 1; k < x->n && k < i + 2000; k++) {
        if (x->t[k].flags & FX_BREAK) break;
        if (is_open(&x->t[k])) depth++;
        else if (is_close(&x->t[k]) && --depth == 0) { j = k; break; }
      }
    } else if (t->key[0] == '"' && !t->key[1]) {
      for (size_t k = i + 1; k < x->n && k < i + 2000; k++) {
        if (x->t[k].flags & FX_BREAK) break;
        if (x->t[k].key[0] == '"' && !x->t[k].key[1]) { j = k; break; }
      }
    }
    if (j == SIZE_MAX) continue;
    size_t words = 0;
    for (size_t k = i + 1; k < j; k++) if (x->t[k].kind != FX_PUNCT) words++;
    if (words >= 3) {
      int rc = add_quote(d, &cap, x, i, j, find_speaker(x, d, i, j));
      if (rc != RCP_OK) return rc;
    }
    i = j;
  }
  /* a quote without a speaker takes the speaker of another quote of its
  ** sentence ('"X" et "Y", a-t-il déclaré'): the next one, else the last */
  for (size_t a = first; a < d->nquotes; a++) {
    if (d->quotes[a].speaker) continue;
    const char *sp = NULL;
    for (size_t b = a + 1; b < d->nquotes && !sp && d->quotes[b].sent == d->quotes[a].sent; b++)
      sp = d->quotes[b].speaker;
    for (size_t b = a; b-- > first && !sp && d->quotes[b].sent == d->quotes[a].sent;) sp = d->quotes[b].speaker;
    d->quotes[a].speaker = sp;
  }
  return RCP_OK;
}
