/* pool.c -- a fixed pool of pthreads for the per-document stages.
**
** rcp__pool_run(p, n, f, ud) calls f(ud, i, worker) once for every i in
** [0, n) and returns when all calls are done.  Workers take indexes from a
** shared atomic counter; whatever f writes goes to slot i, so the result does
** not depend on the thread count or on scheduling.  The calling thread works
** too (as worker 0).  With one thread everything runs inline, in order.
*/
#include "recoupe_int.h"

#include <pthread.h>   /* pthread_* */
#include <stdatomic.h> /* atomic_size_t */
#include <unistd.h>    /* sysconf */

struct rcp_pool {
  int nthreads;              /* workers including the caller */
  pthread_t *tids;           /* owned; nthreads - 1 of them */
  pthread_mutex_t mu;
  pthread_cond_t go, done;
  uint64_t generation;       /* bumped for every run */
  int running;               /* helper threads still working on this run */
  int quit;
  /* the current job */
  void (*f)(void *, size_t, int);
  void *ud;
  size_t n;
  atomic_size_t next;
};

typedef struct { rcp_pool *p; int worker; } worker_arg;

static void work(rcp_pool *p, int worker) {
  for (;;) {
    size_t i = atomic_fetch_add(&p->next, 1);
    if (i >= p->n) break;
    p->f(p->ud, i, worker);
  }
}

static void *worker_main(void *arg) {
  worker_arg *wa = arg;
  rcp_pool *p = wa->p;
  int worker = wa->worker;
  rcp__free(wa);
  uint64_t seen = 0;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    while (!p->quit && p->generation == seen) pthread_cond_wait(&p->go, &p->mu);
    if (p->quit) break;
    seen = p->generation;
    pthread_mutex_unlock(&p->mu);
    work(p, worker);
    pthread_mutex_lock(&p->mu);
    if (--p->running == 0) pthread_cond_signal(&p->done);
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

int rcp__ncpu(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

int rcp__pool_new(rcp_pool **out, int threads) {
  *out = NULL;
  if (threads <= 0) threads = rcp__ncpu();
  rcp_pool *p = rcp__calloc(1, sizeof *p);
  if (!p) return RCP_ENOMEM;
  p->nthreads = 1;
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->go, NULL);
  pthread_cond_init(&p->done, NULL);
  if (threads > 1) {
    p->tids = rcp__calloc((size_t)threads - 1, sizeof *p->tids);
    if (!p->tids) { rcp__pool_free(p); return RCP_ENOMEM; }
    for (int i = 1; i < threads; i++) {
      worker_arg *wa = rcp__malloc(sizeof *wa);
      if (!wa) break;
      wa->p = p; wa->worker = i;
      if (pthread_create(&p->tids[i - 1], NULL, worker_main, wa) != 0) {
        rcp__free(wa);
        break;
      }
      p->nthreads++;
    }
  }
  *out = p;
  return RCP_OK;
}

void rcp__pool_free(rcp_pool *p) {
  if (!p) return;
  pthread_mutex_lock(&p->mu);
  p->quit = 1;
  pthread_cond_broadcast(&p->go);
  pthread_mutex_unlock(&p->mu);
  for (int i = 0; i < p->nthreads - 1; i++) pthread_join(p->tids[i], NULL);
  pthread_mutex_destroy(&p->mu);
  pthread_cond_destroy(&p->go);
  pthread_cond_destroy(&p->done);
  rcp__free(p->tids);
  rcp__free(p);
}

int rcp__pool_threads(const rcp_pool *p) { return p ? p->nthreads : 1; }

void rcp__pool_run(rcp_pool *p, size_t n, void (*f)(void *, size_t, int), void *ud) {
  if (!p || p->nthreads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; i++) f(ud, i, 0);
    return;
  }
  pthread_mutex_lock(&p->mu);
  p->f = f; p->ud = ud; p->n = n;
  atomic_store(&p->next, 0);
  p->running = p->nthreads - 1;
  p->generation++;
  pthread_cond_broadcast(&p->go);
  pthread_mutex_unlock(&p->mu);
  work(p, 0);
  pthread_mutex_lock(&p->mu);
  while (p->running > 0) pthread_cond_wait(&p->done, &p->mu);
  pthread_mutex_unlock(&p->mu);
}
