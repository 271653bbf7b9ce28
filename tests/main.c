/* main.c -- unit-test runner: runs every TEST_SUITE (the list is generated
** by the Makefile into suites.h) or the ones named on the command line, and
** ends with the line "N passed, N failed". */
#include "test.h"

#include <stdlib.h> /* getenv, exit, mkdtemp */
#include <unistd.h> /* access */

int t_passed, t_failed, t_cur_failed;
const char *t_cur_name = "";
const char *t_data_dir = "tests/data";
static int t_verbose;

void t_begin(const char *name) { t_cur_name = name; t_cur_failed = 0; }
void t_end(void) {
  if (t_cur_failed) t_failed++; else t_passed++;
  if (t_verbose) fprintf(stderr, "%s %s\n", t_cur_failed ? "FAIL" : "ok  ", t_cur_name);
}

const char *t_path(const char *rel) {
  static char p[4096];
  snprintf(p, sizeof p, "%s/%s", t_data_dir, rel);
  return p;
}

char *t_read(const char *rel, size_t *len) {
  FILE *f = fopen(t_path(rel), "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap);
  for (size_t k; b && (k = fread(b + n, 1, cap - n - 1, f)) > 0;) {
    n += k;
    if (cap - n < 2) { char *nb = realloc(b, cap * 2); if (!nb) { free(b); b = NULL; } else { b = nb; cap *= 2; } }
  }
  fclose(f);
  if (b) b[n] = 0;
  if (len) *len = n;
  return b;
}

static char tmpdir[256];
static void rm_tmp(void) {
  if (tmpdir[0]) {
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", tmpdir);
  }
}
const char *t_tmpdir(void) {
  if (!tmpdir[0]) {
    snprintf(tmpdir, sizeof tmpdir, "/tmp/recoupe-unit-XXXXXX");
    if (!mkdtemp(tmpdir)) { perror("mkdtemp"); exit(1); }
    atexit(rm_tmp);
  }
  return tmpdir;
}

rcp_ctx *t_store_ctx(const char *name) {
  static char db[512];          /* rcp_ctx_open reads the path once */
  snprintf(db, sizeof db, "%s/%s", t_tmpdir(), name);
  rcp_opts o;
  rcp_opts_default(&o);
  o.db_path = db;
  rcp_ctx *ctx = NULL;
  if (rcp_ctx_open(&ctx, &o, NULL) != RCP_OK) { rcp_ctx_free(ctx); return NULL; }
  return ctx;
}

#define X(name) void suite_##name(void);
#include "suites.h"
#undef X

static const struct { const char *name; void (*fn)(void); } suites[] = {
#define X(name) { #name, suite_##name },
#include "suites.h"
#undef X
  { NULL, NULL }
};

int main(int argc, char **argv) {
  if (getenv("TEST_VERBOSE")) t_verbose = 1;
  if (getenv("TEST_DATA")) t_data_dir = getenv("TEST_DATA");
  for (size_t i = 0; suites[i].name; i++) {
    int want = argc < 2;
    for (int a = 1; a < argc; a++) if (strcmp(argv[a], suites[i].name) == 0) want = 1;
    if (!want) continue;
    int before = t_failed;
    suites[i].fn();
    if (t_verbose || t_failed != before)
      fprintf(stderr, "suite %s: %d failed\n", suites[i].name, t_failed - before);
  }
  printf("%d passed, %d failed\n", t_passed, t_failed);
  return t_failed ? 1 : 0;
}
