/* alloc.c -- the one allocation hook of the library.
**
** Every allocation of recoupe goes through rcp__malloc/rcp__realloc/rcp__free
** so that tests can fail the Nth allocation (curl "torture", SQLite fault
** injection) and check that each failure returns RCP_ENOMEM and leaks nothing.
** The hook is process-wide and must be set before any other call.  jansson
** keeps the C allocator: its parser reports an allocation failure as a
** syntax error, which would turn an injected failure into a skipped record.
*/
#include "recoupe_int.h"

#include <stdlib.h> /* malloc, realloc, free */
#include <string.h> /* memcpy, strlen */

static void *std_malloc(size_t n, void *ud) { (void)ud; return malloc(n ? n : 1); }
static void *std_realloc(void *p, size_t n, void *ud) { (void)ud; return realloc(p, n ? n : 1); }
static void std_free(void *p, void *ud) { (void)ud; free(p); }

static rcp_allocator g_alloc = { std_malloc, std_realloc, std_free, NULL };

void rcp_set_allocator(const rcp_allocator *a) {
  if (a && a->malloc_fn && a->realloc_fn && a->free_fn) g_alloc = *a;
  else { g_alloc.malloc_fn = std_malloc; g_alloc.realloc_fn = std_realloc;
         g_alloc.free_fn = std_free; g_alloc.ud = NULL; }
}

void *rcp__malloc(size_t n) { return g_alloc.malloc_fn(n, g_alloc.ud); }
void *rcp__realloc(void *p, size_t n) {
  if (!p) return g_alloc.malloc_fn(n, g_alloc.ud);
  return g_alloc.realloc_fn(p, n, g_alloc.ud);
}
void rcp__free(void *p) { if (p) g_alloc.free_fn(p, g_alloc.ud); }

void *rcp__calloc(size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) return NULL;
  void *p = rcp__malloc(n * size);
  if (p) memset(p, 0, n * size);
  return p;
}

char *rcp__strndup(const char *s, size_t n) {
  char *p = rcp__malloc(n + 1);
  if (!p) return NULL;
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *rcp__strdup(const char *s) { return s ? rcp__strndup(s, strlen(s)) : NULL; }
