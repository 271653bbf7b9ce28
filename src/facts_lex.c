/* facts_lex.c -- lookups in the compiled-in gazetteers (src/facts_gaz.c,
** generated from the TSV files of data/ by scripts/gazetteer_c.py).
**
** The tables are sorted arrays of static strings, so a lookup is a binary
** search with no start-up cost, no allocation and no file to find at run
** time; they are immutable and safe to share between threads.  Among
** homonyms (Paris the city, Paris in Texas) the row with the largest rank
** (population; organisations and countries rank highest) wins.
*/
#include "facts_int.h"

#include <string.h> /* strcmp */

static size_t lower_bound_gaz(const char *key) {
  size_t lo = 0, hi = rcp__fx_gaz_nrows;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(key, rcp__fx_gaz_rows[mid].key) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

int rcp__fx_gaz(const char *key0, fx_gaz_hit *hit) {
  if (!key0 || !key0[0]) return 0;
  /* keys have spaces for hyphens ("haute loire" for Haute-Loire) */
  char key[256];
  size_t n = 0;
  for (; key0[n] && n + 1 < sizeof key; n++) key[n] = key0[n] == '-' ? ' ' : key0[n];
  key[n] = 0;
  int found = 0;
  for (size_t i = lower_bound_gaz(key); i < rcp__fx_gaz_nrows && strcmp(key, rcp__fx_gaz_rows[i].key) == 0; i++) {
    const fx_gaz_row *r = &rcp__fx_gaz_rows[i];
    if (!found || r->rank > hit->rank) {
      hit->type = r->type;
      hit->id = r->id;
      hit->name = r->name;
      hit->rank = r->rank;
      found = 1;
    }
  }
  return found;
}

static int first_lookup(const char *key) {
  size_t lo = 0, hi = rcp__fx_first_nrows;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(key, rcp__fx_first_rows[mid]);
    if (c == 0) return 1;
    if (c > 0) lo = mid + 1; else hi = mid;
  }
  return 0;
}

int rcp__fx_firstname(const char *key) {
  if (!key || !key[0]) return 0;
  if (first_lookup(key)) return 1;
  /* compound first names: "Luc-André", "Jean-Baptiste", when every part is one */
  const char *h = strchr(key, '-');
  if (!h || strlen(key) >= 64) return 0;
  char part[64];
  const char *p = key;
  for (;;) {
    const char *q = strchr(p, '-');
    size_t l = q ? (size_t)(q - p) : strlen(p);
    if (l < 2) return 0;
    memcpy(part, p, l);
    part[l] = 0;
    if (!first_lookup(part)) return 0;
    if (!q) return 1;
    p = q + 1;
  }
}
