/* facts_quotes.c -- quotations and their speakers.
**
** Quotes are the text between « and » (nesting counted), “ and ”, or a pair
** of ASCII double quotes in one block; a quote of fewer than three words is
** a term ("l'agribashing"), not a quotation.  The speaker is found, in this
** order: after the closing mark (", a déclaré X", ", selon X", ", explique
** X", "said X"), then before the opening mark in the same sentence ("X a
** déclaré : «", "selon X, «", "X said"), among the entity mentions already
** extracted (people first, then organisations); "a-t-il ajouté" takes the
** last person named before the quote.
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
    "explained", "noted", "declared", "tweeted", "argued", "warned", NULL};
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
  /* after: skip , - and up to 4 words looking for a speech verb */
  size_t k = qe + 1;
  if (k < x->n && (x->t[k].key[0] == ',' || x->t[k].key[0] == '-')) k++;
  for (size_t s = k; s < x->n && s < k + 5; s++) {
    if (x->t[s].flags & FX_BREAK) break;
    if (x->t[s].kind == FX_WORD && is_speech(x->t[s].key)) {
      /* inverted subject: "a déclaré Jean Dupont", "a-t-il ajouté" */
      uint32_t a = x->t[s].off, b = a + 160;
      size_t end = s;
      while (end < x->n && end < s + 20 && x->t[end].key[0] != '.' && !(x->t[end].flags & FX_BREAK)) end++;
      if (end < x->n) b = x->t[end].off;
      const rcp_entity_mention *m = ent_in(d, a, b, 0);
      if (m) return m->canon && m->type == RCP_ENT_PERSON && m->canon[1] != ':' ? m->canon : m->name;
      /* pronoun: last person before the quote */
      for (size_t p = qe + 1; p <= s + 3 && p < x->n; p++)
        if (fx_is(x, p, "il") || fx_is(x, p, "elle") || fx_is(x, p, "t-il") || fx_is(x, p, "t-elle") ||
            strstr(x->t[p].key, "-t-il") || strstr(x->t[p].key, "-t-elle") || strstr(x->t[p].key, "-il") ||
            strstr(x->t[p].key, "-elle") || fx_is(x, p, "he") || fx_is(x, p, "she")) {
          const rcp_entity_mention *lp = ent_in(d, x->t[qb].off > 3000 ? x->t[qb].off - 3000 : 0, x->t[qb].off, 1);
          if (lp) return lp->name;
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
      if (m) return m->name;
      break;
    }
  }
  return NULL;
}

int rcp__facts_quotes(fx_doc *x, rcp_doc *d) {
  size_t cap = 0;
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
  return RCP_OK;
}
