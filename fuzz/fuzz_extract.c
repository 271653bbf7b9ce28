/* fuzz_extract.c -- extraction of arbitrary bytes, as HTML (first byte even)
** or plain text (odd).  Properties: never crashes or leaks, the text is valid
** UTF-8 with no NUL, the blocks lie inside it, and a second run gives the
** same text (determinism). */
#include "recoupe_int.h"

#include <string.h>

static rcp_doc *extract(const uint8_t *data, size_t size, int is_html) {
  rcp_page p;
  memset(&p, 0, sizeof p);
  p.id = "fuzz"; p.source = "fuzz"; p.url = "https://example.org/2025/03/12/page";
  p.body = (const char *)data; p.body_len = size; p.is_html = is_html;
  rcp_doc *d = NULL;
  if (rcp__doc_new(NULL, &p, &d) != RCP_OK) return NULL;
  if (rcp__extract(NULL, d) != RCP_OK) { rcp_doc_free(d); return NULL; }
  return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  int is_html = !(data[0] & 1);
  rcp_doc *a = extract(data + 1, size - 1, is_html), *b = extract(data + 1, size - 1, is_html);
  if ((a == NULL) != (b == NULL)) __builtin_trap();
  if (a) {
    if (!rcp__utf8_valid(a->text, a->text_len) || strlen(a->text) != a->text_len) __builtin_trap();
    if (a->text_len != b->text_len || memcmp(a->text, b->text, a->text_len) != 0) __builtin_trap();
    for (size_t i = 0; i < a->nblocks; i++)
      if (a->blocks[i].off + a->blocks[i].len > a->text_len) __builtin_trap();
    const char *f[] = {a->title, a->author, a->published, a->site, a->credited_source};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
      if (f[i] && !rcp__utf8_valid(f[i], strlen(f[i]))) __builtin_trap();
  }
  rcp_doc_free(a);
  rcp_doc_free(b);
  return 0;
}
