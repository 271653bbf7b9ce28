/* fuzz_facts.c -- the facts stage on arbitrary bytes: spans stay in bounds,
** the same input gives the same facts, and the story level accepts the
** result (the input is split in two articles at its first NUL or middle). */
#include "recoupe_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static rcp_doc *doc(const uint8_t *p, size_t n, const char *id) {
  rcp_page pg;
  memset(&pg, 0, sizeof pg);
  pg.id = id; pg.body = (const char *)p; pg.body_len = n;
  rcp_doc *d = NULL;
  if (rcp__doc_new(NULL, &pg, &d) != RCP_OK) return NULL;
  d->text = d->raw; d->text_len = d->raw_len;
  d->pub_time = n & 1 ? 1791763200 /* 2026-10-12 */ : INT64_MIN;
  d->lang = n & 2 ? "en" : "fr";
  if (rcp__facts(NULL, d) != RCP_OK) { rcp_doc_free(d); return NULL; }
  for (size_t i = 0; i < d->nents; i++) if (d->ents[i].off + d->ents[i].len > n) abort();
  for (size_t i = 0; i < d->ndates; i++) if (d->dates[i].off + d->dates[i].len > n) abort();
  for (size_t i = 0; i < d->nfigs; i++) if (d->figs[i].off + d->figs[i].len > n) abort();
  for (size_t i = 0; i < d->nquotes; i++) if (d->quotes[i].off + d->quotes[i].len > n) abort();
  return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *z = memchr(data, 0, size);
  size_t cut = z ? (size_t)(z - data) : size / 2;
  rcp_doc *a = doc(data, cut, "a1"), *b = doc(data + cut, size - cut, "a2"), *c = doc(data, cut, "a1");
  if (a && c && (a->nents != c->nents || a->ndates != c->ndates || a->nfigs != c->nfigs ||
                 a->nquotes != c->nquotes))
    abort();
  if (a && b) {
    rcp_doc *docs[2] = {a, b};
    rcp_story_rel rel = {1, 0, "rewrite", 0.5};
    rcp_story_view v = {1, docs, 2, &rel, size & 4 ? 1 : 0};
    json_t *o = json_object();
    if (rcp__story_facts(NULL, &v, o) == RCP_OK) {
      char *s = json_dumps(o, JSON_COMPACT);
      if (!s) abort();
      free(s);
    }
    json_decref(o);
  }
  rcp_doc_free(a); rcp_doc_free(b); rcp_doc_free(c);
  return 0;
}
