/* cmd_dedup.c -- `recoupe dedup [--json] INPUT...`: which pages copy,
** update or rewrite which, without a store.
**
** Text output: one block per group of related pages (connected by any
** relation), the original first (published first; input order breaks
** ties), each member with its publication date, site and credited source,
** then the relations "B <- A kind score" (B derives from A).
** --json: one JSON object per relation {"a","b","kind","score"} (a the
** original, ids as in the input), then one {"groups":[...]} object.
** Exit 0 when pages were read, 1 when none could be, 2 on a usage error. */
#include "cli.h"

#include <jansson.h> /* json_pack, json_dumpf */
#include <stdlib.h>  /* calloc, free, qsort */
#include <string.h>  /* strcmp */

typedef struct member { size_t doc; const char *pub; } member;

static size_t *g_parent;
static size_t find(size_t x) {
  while (g_parent[x] != x) { g_parent[x] = g_parent[g_parent[x]]; x = g_parent[x]; }
  return x;
}

/* Published first (missing dates last), then input order. */
static int cmp_member(const void *x, const void *y) {
  const member *a = x, *b = y;
  if (a->pub && b->pub) { int c = strcmp(a->pub, b->pub); if (c) return c; }
  else if (a->pub != b->pub) return a->pub ? -1 : 1;
  return a->doc < b->doc ? -1 : a->doc > b->doc;
}

static const char *or_dash(const char *s) { return s && *s ? s : "-"; }

int cmd_dedup(int argc, char **argv) {
  int json = 0, i, status = EXIT_OK;
  const char **inputs = calloc((size_t)argc, sizeof *inputs);
  size_t ninputs = 0;
  if (!inputs) return EXIT_FAIL;
  for (i = 1; i < argc; i++) {
    if (cli_opt_flag(argc, argv, &i, "--json")) json = 1;
    else if (argv[i][0] == '-' && argv[i][1]) {
      free(inputs);
      cli_err("dedup: unknown option %s", argv[i]);
      return cli_usage("dedup");
    } else inputs[ninputs++] = argv[i];
  }
  if (!ninputs) { free(inputs); return cli_usage("dedup"); }
  rcp_ctx *ctx = NULL;
  rcp_reader *r = NULL;
  rcp_doc **docs = NULL;
  size_t ndocs = 0, cap = 0, nrels = 0;
  rcp_relation *rels = NULL;
  member *mem = NULL;
  int rc = cli_ctx_open(&ctx, NULL);
  if (rc == RCP_OK) rc = rcp_reader_open(&r, inputs, ninputs, NULL, cli_warn, NULL);
  if (rc != RCP_OK) { cli_err("dedup: %s", rcp_strerror(rc)); status = EXIT_FAIL; goto out; }
  const rcp_page *p;
  while ((rc = rcp_reader_next(r, &p)) == RCP_OK) {
    rcp_doc *d = NULL;
    int prc = rcp_doc_process_dedup(ctx, p, &d);
    if (prc != RCP_OK) { cli_err("%s: %s", p->id ? p->id : p->source, rcp_strerror(prc)); continue; }
    if (ndocs == cap) {
      size_t nc = cap ? cap * 2 : 256;
      rcp_doc **q = realloc(docs, nc * sizeof *q);
      if (!q) { rcp_doc_free(d); rc = RCP_ENOMEM; break; }
      docs = q;
      cap = nc;
    }
    docs[ndocs++] = d;
  }
  if (rc != RCP_EDONE) { cli_err("dedup: %s", rcp_strerror(rc)); status = EXIT_FAIL; goto out; }
  if (!ndocs) { cli_err("dedup: no page could be read"); status = EXIT_FAIL; goto out; }
  rc = rcp_dedup(ctx, docs, ndocs, &rels, &nrels);
  if (rc != RCP_OK) { cli_err("dedup: %s", rcp_strerror(rc)); status = EXIT_FAIL; goto out; }

  /* groups: connected components over the relations */
  g_parent = malloc(ndocs * sizeof *g_parent);
  mem = malloc(ndocs * sizeof *mem);
  if (!g_parent || !mem) { status = EXIT_FAIL; goto out; }
  for (size_t k = 0; k < ndocs; k++) g_parent[k] = k;
  for (size_t k = 0; k < nrels; k++) {
    size_t a = find(rels[k].a), b = find(rels[k].b);
    if (a != b) g_parent[a > b ? a : b] = a < b ? a : b;
  }
  size_t nm = 0;
  for (size_t k = 0; k < ndocs; k++) {
    rcp_meta m;
    rcp_doc_meta(docs[k], &m);
    mem[nm].doc = k;
    mem[nm].pub = m.published;
    nm++;
  }
  /* order: by group root, then original first */
  size_t *order = malloc(ndocs * sizeof *order), ngroups = 0;
  if (!order) { status = EXIT_FAIL; goto out; }
  json_t *groups = json ? json_array() : NULL;
  /* members of each group, contiguous: sort indexes by (root, index) */
  size_t *byroot = malloc(ndocs * sizeof *byroot), *start = calloc(ndocs + 1, sizeof *start);
  member *gm = malloc(ndocs * sizeof *gm);
  if (!byroot || !start || !gm) { free(byroot); free(start); free(gm); status = EXIT_FAIL; goto out; }
  for (size_t k = 0; k < ndocs; k++) start[find(k) + 1]++;
  for (size_t k = 0; k < ndocs; k++) start[k + 1] += start[k];
  for (size_t k = 0; k < ndocs; k++) byroot[start[find(k)]++] = k;
  for (size_t k = ndocs; k > 0; k--) start[k] = start[k - 1];
  start[0] = 0;
  for (size_t root = 0; root < ndocs; root++) {
    if (find(root) != root) continue;
    size_t n = 0;
    for (size_t k = start[root]; k < ndocs && find(byroot[k]) == root; k++) gm[n++] = mem[byroot[k]];
    if (n < 2) continue;
    qsort(gm, n, sizeof *gm, cmp_member);
    ngroups++;
    rcp_meta o;
    rcp_doc_meta(docs[gm[0].doc], &o);
    const char *credited = NULL;
    for (size_t k = 0; k < n && !credited; k++) {
      rcp_meta m;
      rcp_doc_meta(docs[gm[k].doc], &m);
      credited = m.credited_source;
    }
    if (json) {
      json_t *ids = json_array();
      for (size_t k = 0; k < n; k++) {
        rcp_meta m;
        rcp_doc_meta(docs[gm[k].doc], &m);
        json_array_append_new(ids, json_string(m.id ? m.id : ""));
      }
      json_t *g = json_pack("{s:o, s:s, s:o, s:o}", "members", ids, "original", o.id ? o.id : "",
                            "first_published", o.published ? json_string(o.published) : json_null(),
                            "credited_source", credited ? json_string(credited) : json_null());
      json_array_append_new(groups, g);
    } else {
      printf("== group %zu: %zu pages, original %s, first published %s, credited source %s\n",
             ngroups, n, or_dash(o.id), or_dash(o.published), or_dash(credited));
      for (size_t k = 0; k < n; k++) {
        rcp_meta m;
        rcp_doc_meta(docs[gm[k].doc], &m);
        printf("  %s %s  published %s  site %s%s%s\n", k ? " " : "*", or_dash(m.id), or_dash(m.published),
               or_dash(m.site), m.credited_source ? "  credits " : "", m.credited_source ? m.credited_source : "");
      }
      for (size_t k = 0; k < nrels; k++) {
        if (find(rels[k].a) != root) continue;
        rcp_meta a, b;
        rcp_doc_meta(docs[rels[k].a], &a);
        rcp_doc_meta(docs[rels[k].b], &b);
        printf("    %s <- %s  %s %.2f\n", or_dash(b.id), or_dash(a.id), rels[k].kind, rels[k].score);
      }
    }
  }
  free(gm);
  free(byroot);
  free(start);
  if (json) {
    for (size_t k = 0; k < nrels; k++) {
      rcp_meta a, b;
      rcp_doc_meta(docs[rels[k].a], &a);
      rcp_doc_meta(docs[rels[k].b], &b);
      json_t *o = json_pack("{s:s, s:s, s:s, s:f}", "a", a.id ? a.id : "", "b", b.id ? b.id : "",
                            "kind", rels[k].kind, "score", (double)(long)(rels[k].score * 1000 + 0.5) / 1000);
      if (o) { json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4)); putchar('\n'); }
      json_decref(o);
    }
    json_t *o = json_pack("{s:o, s:I, s:I}", "groups", groups, "pages", (json_int_t)ndocs,
                          "relations", (json_int_t)nrels);
    if (o) { json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER); putchar('\n'); }
    json_decref(o);
  } else {
    printf("%zu page%s, %zu relation%s, %zu group%s\n", ndocs, ndocs == 1 ? "" : "s",
           nrels, nrels == 1 ? "" : "s", ngroups, ngroups == 1 ? "" : "s");
  }
  free(order);
out:
  for (size_t k = 0; k < ndocs; k++) rcp_doc_free(docs[k]);
  free(docs);
  free(rels);
  free(mem);
  free(g_parent);
  g_parent = NULL;
  rcp_reader_free(r);
  rcp_ctx_free(ctx);
  free(inputs);
  return status;
}
