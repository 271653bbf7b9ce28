/* arena.c -- per-document arena: bump allocation in geometrically growing
** chunks, freed all at once (after zstd's cwksp and stb's string arena).
**
** Invariants: every pointer returned is 16-byte aligned and lives until
** rcp__arena_free; the sum of chunk sizes never exceeds the cap, so one
** hostile page cannot take more than the cap; a failed allocation leaves the
** arena usable (the caller decides whether to stop) and records why.
*/
#include "recoupe_int.h"

#include <stdio.h>  /* vsnprintf */
#include <string.h> /* memcpy, memset, strlen */

#define ARENA_MIN_CHUNK 4096
#define ALIGN 16

typedef struct chunk {
  struct chunk *next;
  size_t size, used;       /* bytes of data[] */
  _Alignas(16) unsigned char data[];
} chunk;

struct rcp_arena {
  chunk *head;             /* current chunk first */
  size_t total;            /* bytes of all chunks */
  size_t cap;              /* limit on total */
  size_t next_size;        /* next chunk size */
  int err;
};

rcp_arena *rcp__arena_new(size_t cap) {
  rcp_arena *a = rcp__calloc(1, sizeof *a);
  if (!a) return NULL;
  a->cap = cap ? cap : (size_t)64 << 20;
  a->next_size = ARENA_MIN_CHUNK;
  return a;
}

void rcp__arena_free(rcp_arena *a) {
  if (!a) return;
  for (chunk *c = a->head, *n; c; c = n) { n = c->next; rcp__free(c); }
  rcp__free(a);
}

void *rcp__arena_alloc(rcp_arena *a, size_t n) {
  if (!a) return NULL;
  if (n == 0) n = 1;
  if (n > SIZE_MAX - ALIGN) { a->err = RCP_ETOOBIG; return NULL; }
  n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
  chunk *c = a->head;
  if (!c || c->size - c->used < n) {
    size_t size = a->next_size;
    while (size < n) size *= 2;
    if (size > a->cap - (a->total < a->cap ? a->total : a->cap) || a->total >= a->cap) {
      /* shrink to what the cap still allows, if that is enough */
      size_t left = a->total < a->cap ? a->cap - a->total : 0;
      if (left < n + sizeof(chunk)) { a->err = RCP_ETOOBIG; return NULL; }
      size = left - sizeof(chunk);
    }
    c = rcp__malloc(sizeof(chunk) + size);
    if (!c) { a->err = RCP_ENOMEM; return NULL; }
    c->size = size; c->used = 0; c->next = a->head; a->head = c;
    a->total += size + sizeof(chunk);
    if (a->next_size < ((size_t)8 << 20)) a->next_size *= 2;
  }
  void *p = c->data + c->used;
  c->used += n;
  return p;
}

void *rcp__arena_calloc(rcp_arena *a, size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) { if (a) a->err = RCP_ETOOBIG; return NULL; }
  void *p = rcp__arena_alloc(a, n * size);
  if (p) memset(p, 0, n * size);
  return p;
}

char *rcp__arena_strndup(rcp_arena *a, const char *s, size_t n) {
  if (!s) return NULL;
  char *p = rcp__arena_alloc(a, n + 1);
  if (!p) return NULL;
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *rcp__arena_strdup(rcp_arena *a, const char *s) {
  return s ? rcp__arena_strndup(a, s, strlen(s)) : NULL;
}

char *rcp__arena_printf(rcp_arena *a, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *p = n < 0 ? NULL : rcp__arena_alloc(a, (size_t)n + 1);
  if (p) vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}

size_t rcp__arena_used(const rcp_arena *a) { return a ? a->total : 0; }
int rcp__arena_error(const rcp_arena *a) { return a && a->err ? a->err : RCP_ENOMEM; }
