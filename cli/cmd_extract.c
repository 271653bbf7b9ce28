/* cmd_extract.c -- `recoupe extract [--json] [--no-templates] INPUT...`: the
** article text and metadata of every page, as text or one JSON object per
** line.  With several pages, site templates are learned first: a first pass
** over the inputs observes every page (rcp_templates_observe), the second
** removes the blocks that recur on many pages of a site
** (rcp_templates_apply).  Standard input is read once, so no templates. */
#include "cli.h"

#include <stdlib.h> /* calloc */
#include <string.h>

int cmd_extract(int argc, char **argv) {
  int json = 0, templates = 1, i;
  const char **inputs = calloc((size_t)argc, sizeof *inputs);
  size_t ninputs = 0;
  if (!inputs) return EXIT_FAIL;
  for (i = 1; i < argc; i++) {
    if (cli_opt_flag(argc, argv, &i, "--json")) json = 1;
    else if (cli_opt_flag(argc, argv, &i, "--no-templates")) templates = 0;
    else if (argv[i][0] == '-' && argv[i][1]) { free(inputs); cli_err("extract: unknown option %s", argv[i]); return cli_usage("extract"); }
    else inputs[ninputs++] = argv[i];
  }
  if (!ninputs) { free(inputs); return cli_usage("extract"); }
  rcp_ctx *ctx = NULL;
  rcp_reader *r = NULL;
  int rc = cli_ctx_open(&ctx, NULL), status = EXIT_OK;
  for (size_t k = 0; k < ninputs; k++) if (!strcmp(inputs[k], "-")) templates = 0;
  if (rc == RCP_OK && templates) { /* pass 1: learn the site templates */
    rc = rcp_reader_open(&r, inputs, ninputs, NULL, NULL, NULL);
    const rcp_page *p1;
    while (rc == RCP_OK && (rc = rcp_reader_next(r, &p1)) == RCP_OK) {
      rcp_doc *d = NULL;
      if (rcp_doc_process(ctx, p1, &d) != RCP_OK) continue;
      rc = rcp_templates_observe(ctx, d);
      rcp_doc_free(d);
    }
    if (rc == RCP_EDONE) rc = RCP_OK;
    rcp_reader_free(r);
    r = NULL;
  }
  if (rc == RCP_OK) rc = rcp_reader_open(&r, inputs, ninputs, NULL, cli_warn, NULL);
  if (rc != RCP_OK) { cli_err("extract: %s", rcp_strerror(rc)); status = EXIT_FAIL; goto out; }
  const rcp_page *p;
  uint64_t done = 0, failed = 0;
  while ((rc = rcp_reader_next(r, &p)) == RCP_OK) {
    rcp_doc *d = NULL;
    int prc = rcp_doc_process(ctx, p, &d);
    if (prc != RCP_OK) {
      failed++;
      cli_err("%s: %s", p->id ? p->id : p->source, rcp_strerror(prc));
      continue;
    }
    if (templates && rcp_templates_apply(ctx, d, NULL) != RCP_OK) status = EXIT_FAIL;
    if (json) {
      if (rcp_doc_write_json(d, stdout) != RCP_OK) status = EXIT_FAIL;
    } else {
      rcp_meta m;
      rcp_doc_meta(d, &m);
      printf("== %s\n", m.id);
      if (m.title) printf("title: %s\n", m.title);
      if (m.author) printf("author: %s\n", m.author);
      if (m.published) printf("published: %s\n", m.published);
      if (m.updated) printf("updated: %s\n", m.updated);
      if (m.site) printf("site: %s\n", m.site);
      if (m.language) printf("language: %s\n", m.language);
      if (m.credited_source) printf("credited source: %s\n", m.credited_source);
      printf("\n%.*s\n\n", (int)m.text_len, m.text);
    }
    done++;
    rcp_doc_free(d);
  }
  if (rc != RCP_EDONE) { cli_err("extract: %s", rcp_strerror(rc)); status = EXIT_FAIL; }
  cli_print_ingest(rcp_reader_stats(r), 0, 0);
  if (done == 0) status = EXIT_FAIL;
  (void)failed;
out:
  rcp_reader_free(r);
  rcp_ctx_free(ctx);
  free(inputs);
  return status;
}
