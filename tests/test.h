/* test.h -- the unit-test harness (after sds testhelp.h).
**
** A test file declares suites:
**     TEST_SUITE(arena) { CHECK(1 + 1 == 2); ... }
** Every TEST_SUITE is found by the Makefile and run by tests/main.c; CHECK
** failures are printed with file and line; each TEST(name) inside a suite
** counts as one test.  The runner ends with "N passed, N failed".
*/
#ifndef RCP_TEST_H
#define RCP_TEST_H

#include "recoupe_int.h"

#include <stdio.h>
#include <string.h>

extern int t_passed, t_failed, t_cur_failed;
extern const char *t_cur_name;
extern const char *t_data_dir;   /* tests/data */

void t_begin(const char *name);
void t_end(void);

#define CHECK(c) do { if (!(c)) { t_cur_failed = 1; fprintf(stderr, \
    "FAIL %s:%d: [%s] %s\n", __FILE__, __LINE__, t_cur_name, #c); } } while (0)
#define CHECK_STR(a, b) do { const char *t_a = (a), *t_b = (b); \
    if (!t_a || !t_b || strcmp(t_a, t_b) != 0) { t_cur_failed = 1; fprintf(stderr, \
    "FAIL %s:%d: [%s] %s == %s: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
    t_cur_name, #a, #b, t_a ? t_a : "(null)", t_b ? t_b : "(null)"); } } while (0)
#define CHECK_INT(a, b) do { long long t_a = (long long)(a), t_b = (long long)(b); \
    if (t_a != t_b) { t_cur_failed = 1; fprintf(stderr, \
    "FAIL %s:%d: [%s] %s == %s: got %lld, want %lld\n", __FILE__, __LINE__, \
    t_cur_name, #a, #b, t_a, t_b); } } while (0)

/* One named test inside a suite: TEST("arena grows") { ... } */
#define TEST(name) for (int t_once = (t_begin(name), 1); t_once; t_once = (t_end(), 0))

#define TEST_SUITE(name) void suite_##name(void); void suite_##name(void)

/* Reads a whole file under tests/data (malloc'd, NUL-terminated), or NULL. */
char *t_read(const char *rel, size_t *len);
/* Path of a file under tests/data, in a static buffer. */
const char *t_path(const char *rel);
/* A fresh temporary directory (static buffer), removed at exit. */
const char *t_tmpdir(void);
/* A context with a store at NAME in the temporary directory, or NULL. */
rcp_ctx *t_store_ctx(const char *name);

#endif
