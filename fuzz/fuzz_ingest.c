/* fuzz_ingest.c -- the reader over arbitrary bytes, read in memory as each
** kind of input (the name decides when the content does not): every page
** must be valid UTF-8 without NUL, of the length it claims; the reader must
** end with RCP_EDONE (never a crash, never another code). */
#include "ingest_int.h"

#include <assert.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void warn(void *ud, const char *f, uint64_t off, int why, const char *msg) {
  (void)ud; (void)off;
  assert(f && msg && why >= 0 && why < RCP_SKIP_COUNT);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const names[] = { "f.warc", "f.jsonl", "f.json", "f.html", "f" };
  rcp_opts o;
  rcp_opts_default(&o);
  o.page_cap = 1 << 20;
  /* the first byte picks the name, so the fuzzer reaches every reader */
  const char *name = names[size ? data[0] % 5 : 4];
  rcp_reader *r = NULL;
  if (rcp__reader_open_mem(&r, name, data, size, &o, warn, NULL) != RCP_OK) return 0;
  const rcp_page *p;
  int rc;
  while ((rc = rcp_reader_next(r, &p)) == RCP_OK) {
    assert(p->body && strlen(p->body) == p->body_len);
    assert(rcp__utf8_valid(p->body, p->body_len));
    assert(p->id && p->source && p->charset);
  }
  assert(rc == RCP_EDONE);
  rcp_reader_free(r);
  return 0;
}
