/* fuzz_jsonl.c -- rcp__jsonl_scan, the JSON Lines record reader that
** bypasses jansson, against jansson itself: on any valid UTF-8 line without
** NUL, either the scanner leaves the line untouched (jansson reads it), or
** jansson reads the same line as an object and every field the reader uses
** has the same type and the same bytes (strings) or value (integers). */
#include "ingest_int.h"

#include <assert.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (memchr(data, 0, size) || !rcp__utf8_valid((const char *)data, size)) return 0;
  char *line = malloc(size + 1);
  if (!line) return 0;
  memcpy(line, data, size);
  line[size] = 0;
  rcp__jfield f[RCP__JF_COUNT];
  if (!rcp__jsonl_scan(line, size, f)) {
    assert(memcmp(line, data, size) == 0); /* untouched for jansson */
    free(line);
    return 0;
  }
  json_error_t err;
  json_t *o = json_loadb((const char *)data, size, JSON_ALLOW_NUL, &err);
  assert(o && json_is_object(o));
  rcp__jfield g[RCP__JF_COUNT];
  rcp__jf_from_json(o, g);
  for (int k = 0; k < RCP__JF_COUNT; k++) {
    assert(f[k].type == g[k].type);
    if (f[k].type == RCP__JV_STRING) {
      assert(f[k].n == g[k].n && memcmp(f[k].s, g[k].s, f[k].n) == 0);
      assert(f[k].s[f[k].n] == 0);
      assert(f[k].s >= line && f[k].s + f[k].n <= line + size);
    }
    if (f[k].type == RCP__JV_INT) assert(f[k].i == g[k].i);
  }
  json_decref(o);
  free(line);
  return 0;
}
