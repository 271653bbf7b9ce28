/* hash.c -- deterministic hashing with xxHash (XXH3).  The output is
** specified by xxHash and the same on every platform and compiler. */
#include "recoupe_int.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

uint64_t rcp__hash64(const void *p, size_t n, uint64_t seed) {
  return (uint64_t)XXH3_64bits_withSeed(p, n, (XXH64_hash_t)seed);
}

void rcp__hash128(const void *p, size_t n, uint64_t out[2]) {
  XXH128_hash_t h = XXH3_128bits(p, n);
  out[0] = h.high64;
  out[1] = h.low64;
}
