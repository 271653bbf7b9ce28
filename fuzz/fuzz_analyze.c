/* fuzz_analyze.c -- analysis + fingerprints on arbitrary bytes: tokens and
** sentences in bounds and ordered, norms valid UTF-8 when the input is,
** and the same input gives the same result twice; the clusterer's page
** detectors (round-up on the analysed text, daily bulletin on the input
** as a title) answer 0 or 1, the same twice. */
#include "recoupe_int.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static rcp_doc *run(const uint8_t *data, size_t size) {
  rcp_page p;
  memset(&p, 0, sizeof p);
  p.body = (const char *)data;
  p.body_len = size;
  rcp_doc *d = NULL;
  if (rcp__doc_new(NULL, &p, &d) != RCP_OK) return NULL;
  d->text = d->raw;
  d->text_len = d->raw_len;
  int rc = rcp__analyze(NULL, d);
  if (rc == RCP_OK) rc = rcp__fingerprint(NULL, d);
  assert(rc == RCP_OK);
  return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  rcp_doc *a = run(data, size), *b = run(data, size);
  if (!a || !b) { rcp_doc_free(a); rcp_doc_free(b); return 0; }
  int valid = rcp__utf8_valid((const char *)data, size);
  for (size_t i = 0; i < a->ntoks; i++) {
    const rcp_token *t = &a->toks[i];
    assert(t->off + t->len <= size && t->len > 0);
    assert(i == 0 || t->off >= a->toks[i - 1].off + a->toks[i - 1].len);
    assert(t->norm[0] && t->stem[0]);
    assert(!valid || rcp__utf8_valid(t->norm, strlen(t->norm)));
    assert(t->sent < a->nsents);
  }
  for (size_t i = 0; i < a->nsents; i++) {
    const rcp_sentence *s = &a->sents[i];
    assert(s->off + s->len <= size && s->ntok > 0 && s->tok0 + s->ntok <= a->ntoks);
  }
  assert(a->ntoks == b->ntoks && a->nsents == b->nsents);
  assert(memcmp(&a->fp, &b->fp, sizeof a->fp) == 0);
  int ru = rcp__cluster_is_roundup(a);
  assert((ru == 0 || ru == 1) && ru == rcp__cluster_is_roundup(b));
  char *title = malloc(size + 1);
  if (title) {
    memcpy(title, data, size);
    title[size] = 0;
    int bul = rcp__cluster_is_bulletin(title);
    assert((bul == 0 || bul == 1) && bul == rcp__cluster_is_bulletin(title));
    free(title);
  }
  rcp_doc_free(a);
  rcp_doc_free(b);
  return 0;
}
