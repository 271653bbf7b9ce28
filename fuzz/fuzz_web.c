/* fuzz_web.c -- the web UI's request-to-query mapping on arbitrary request
** targets: always one of the known statuses, a message for every error,
** decoded strings valid UTF-8 without control characters and inside the
** request, the same answer twice.  Also runs the single-article summary on
** the bytes (sentences in bounds, output a substring sequence of the text). */
#include "recoupe_int.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_str(const rcp__web_req *r, const char *s) {
  if (!s) return;
  assert(s >= r->store && s < r->store + sizeof r->store);
  size_t n = strlen(s);
  assert(rcp__utf8_valid(s, n));
  for (size_t i = 0; i < n; i++) assert((unsigned char)s[i] >= 0x20 && s[i] != 0x7f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static rcp__web_req a, b;
  int sa = rcp__web_parse((const char *)data, size, &a);
  int sb = rcp__web_parse((const char *)data, size, &b);
  assert(sa == sb && sa == a.status);
  assert(sa == 200 || sa == 400 || sa == 404 || sa == 413);
  if (sa != 200) assert(a.err[0]);
  else {
    assert(a.route >= RCP__WEB_INDEX && a.route <= RCP__WEB_API_ARTICLE);
    assert(a.route == b.route && a.page >= 1);
    check_str(&a, a.id);
    check_str(&a, a.filter.since); check_str(&a, a.filter.until);
    check_str(&a, a.filter.language); check_str(&a, a.filter.site);
    check_str(&a, a.filter.entity); check_str(&a, a.filter.query);
    assert(!a.id || strlen(a.id) <= RCP__WEB_ID_MAX);
  }
  if (size < 20000) {
    char *s = NULL;
    int rc = rcp_summarize(NULL, (const char *)data, size, NULL, 2, &s);
    assert(rc == RCP_OK && s);
    free(s);
  }
  return 0;
}
