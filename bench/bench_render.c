/* bench_render.c DB OUTDIR -- CPU and wall time of rcp_render_site (the
** site `recoupe run` writes after the stories are built: stories.json,
** stories.md, index.html, one page per story) on an existing store. */
#include "recoupe.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h> /* getrusage */
#include <sys/time.h>     /* gettimeofday */

static double cpu(double *sys) {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  *sys = (double)u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
  return (double)u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + *sys;
}

static double wall(void) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  return (double)tv.tv_sec + tv.tv_usec / 1e6;
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: bench_render DB OUTDIR\n"); return 2; }
  rcp_opts o;
  rcp_opts_default(&o);
  o.db_path = argv[1];
  rcp_ctx *ctx = NULL;
  char *msg = NULL;
  if (rcp_ctx_open(&ctx, &o, &msg) != RCP_OK) { fprintf(stderr, "%s\n", msg ? msg : "open failed"); return 1; }
  double s0, s1;
  double c0 = cpu(&s0), w0 = wall();
  int rc = rcp_render_site(ctx, argv[2]);
  double c1 = cpu(&s1), w1 = wall();
  if (rc != RCP_OK) { fprintf(stderr, "render: %s\n", rcp_errmsg(ctx)); rcp_ctx_free(ctx); return 1; }
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  printf("render_site: %.2f s CPU (%.2f user + %.2f sys), %.2f s wall, max RSS %ld MB\n", c1 - c0,
         (c1 - c0) - (s1 - s0), s1 - s0, w1 - w0, u.ru_maxrss / 1024);
  rcp_ctx_free(ctx);
  return 0;
}
