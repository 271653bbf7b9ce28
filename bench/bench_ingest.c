/* bench_ingest.c -- speed of the reader alone (stage 1): pages/s and MB/s
** over the inputs given (default: the OrangeSum stream).  Reads every page
** and prints one line per run (wall clock, and CPU time, which a busy
** machine disturbs less) plus the best run.  Never pass/fail.  Built and
** run by bench/bench_ingest.sh [--runs=N] [INPUT...]. */
#include "recoupe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h> /* getrusage */
#include <time.h>         /* clock_gettime */

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
         (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static void count_warn(void *ud, const char *f, uint64_t o, int w, const char *m) {
  (void)f; (void)o; (void)w; (void)m;
  (*(uint64_t *)ud)++;
}

int main(int argc, char **argv) {
  int runs = 3;
  const char *def[] = { "../shared/data/orangesum/stream_2020.jsonl.gz" };
  const char *const *paths = def;
  size_t n = 1;
  if (argc > 1 && strncmp(argv[1], "--runs=", 7) == 0) { runs = atoi(argv[1] + 7); argv++; argc--; }
  if (argc > 1) { paths = (const char *const *)(argv + 1); n = (size_t)(argc - 1); }
  double best = 0;
  for (int k = 0; k < runs; k++) {
    rcp_reader *r = NULL;
    uint64_t warns = 0, body = 0, html = 0;
    double t0 = now(), c0 = cpu();
    int rc = rcp_reader_open(&r, paths, n, NULL, count_warn, &warns);
    if (rc != RCP_OK) { fprintf(stderr, "open: %s\n", rcp_strerror(rc)); return 1; }
    const rcp_page *p;
    while ((rc = rcp_reader_next(r, &p)) == RCP_OK) {
      body += p->body_len;
      html += (uint64_t)p->is_html;
    }
    double dt = now() - t0, dc = cpu() - c0;
    const rcp_ingest_stats *st = rcp_reader_stats(r);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double pps = (double)st->pages / dt;
    printf("run %d: %llu pages (%llu html) in %.3f s: %.0f pages/s, %.1f MB/s decompressed input "
           "(%.1f MB), %.1f MB/s file bytes (%.1f MB), %.1f MB body; %llu skipped; peak RSS %ld MB; "
           "CPU %.3f s: %.0f pages/CPU-s, %.1f MB/CPU-s\n",
           k + 1, (unsigned long long)st->pages, (unsigned long long)html, dt, pps,
           (double)st->bytes / 1e6 / dt, (double)st->bytes / 1e6, (double)st->raw_bytes / 1e6 / dt,
           (double)st->raw_bytes / 1e6, (double)body / 1e6, (unsigned long long)warns,
           ru.ru_maxrss / 1024, dc, (double)st->pages / dc, (double)st->bytes / 1e6 / dc);
    if (pps > best) best = pps;
    rcp_reader_free(r);
    if (rc != RCP_EDONE) { fprintf(stderr, "next: %s\n", rcp_strerror(rc)); return 1; }
  }
  printf("best: %.0f pages/s\n", best);
  return 0;
}
