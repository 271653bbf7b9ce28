/* cmd_summarize.c -- `recoupe summarize [--sentences N] [--jsonl] INPUT...`:
** the digest's sentence selection for single articles.
**
** Without --jsonl every INPUT is read as pages (HTML, text, JSONL, WARC...),
** the article text is extracted and its summary printed: the summary alone
** for one page, "== ID" then the summary for several.  With --jsonl every
** INPUT ("-" for standard input) holds one {"id", "text"} object a line and
** one {"id", "summary"} line is written for each, in input order; a line
** that is not such an object is reported with its file and line number and
** skipped (exit 1 at the end). */
#include "cli.h"

#include <jansson.h> /* json_loadb, json_dumps */
#include <stdlib.h>  /* calloc, free, strtol */
#include <string.h>  /* strcmp */

/* Text field of a record: "text", else the common names of other tools. */
static const char *record_text(json_t *o, size_t *len) {
  static const char *const names[] = { "text", "article", "body", "content", NULL };
  for (size_t i = 0; names[i]; i++) {
    json_t *v = json_object_get(o, names[i]);
    if (json_is_string(v)) { *len = json_string_length(v); return json_string_value(v); }
  }
  return NULL;
}

static int summarize_jsonl(rcp_ctx *ctx, const char *path, int nsent, uint64_t *bad) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) { cli_err("summarize: %s: cannot open", path); (*bad)++; return EXIT_FAIL; }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  unsigned long lineno = 0;
  int status = EXIT_OK;
  while ((n = getline(&line, &cap, f)) >= 0) {
    lineno++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
    if (n == 0) continue;
    json_error_t jerr;
    json_t *o = json_loadb(line, (size_t)n, 0, &jerr);
    size_t tlen = 0;
    const char *text = o && json_is_object(o) ? record_text(o, &tlen) : NULL;
    if (!text) {
      cli_err("summarize: %s:%lu: %s", path, lineno,
              !o ? "invalid JSON" : !json_is_object(o) ? "not an object" : "no \"text\" field");
      json_decref(o);
      (*bad)++;
      status = EXIT_FAIL;
      continue;
    }
    json_t *lang = json_object_get(o, "language");
    char *sum = NULL;
    int rc = rcp_summarize(ctx, text, tlen, json_is_string(lang) ? json_string_value(lang) : NULL,
                           nsent, &sum);
    if (rc != RCP_OK) {
      cli_err("summarize: %s:%lu: %s", path, lineno, rcp_errmsg(ctx));
      json_decref(o);
      (*bad)++;
      status = EXIT_FAIL;
      continue;
    }
    json_t *id = json_object_get(o, "id");
    json_t *res = json_object();
    json_object_set(res, "id", id ? id : json_null());
    json_object_set_new(res, "summary", json_string(sum));
    char *s = json_dumps(res, JSON_COMPACT);
    if (s) { fputs(s, stdout); fputc('\n', stdout); free(s); }
    else status = EXIT_FAIL;
    json_decref(res);
    json_decref(o);
    free(sum);
  }
  free(line);
  if (ferror(f)) { cli_err("summarize: %s: read error", path); status = EXIT_FAIL; }
  if (f != stdin) fclose(f);
  return status;
}

int cmd_summarize(int argc, char **argv) {
  int jsonl = 0, nsent = 3, i;
  const char **inputs = calloc((size_t)argc, sizeof *inputs);
  size_t ninputs = 0;
  if (!inputs) return EXIT_FAIL;
  for (i = 1; i < argc; i++) {
    const char *v;
    if (cli_opt_flag(argc, argv, &i, "--jsonl")) jsonl = 1;
    else if (cli_opt_value(argc, argv, &i, "--sentences", &v)) {
      char *end = NULL;
      long k = v ? strtol(v, &end, 10) : 0;
      if (!v || *end || k < 1 || k > 100) {
        free(inputs);
        cli_err("summarize: --sentences takes a number from 1 to 100");
        return cli_usage("summarize");
      }
      nsent = (int)k;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      free(inputs);
      cli_err("summarize: unknown option %s", argv[i]);
      return cli_usage("summarize");
    } else inputs[ninputs++] = argv[i];
  }
  if (!ninputs) { free(inputs); return cli_usage("summarize"); }
  rcp_ctx *ctx = NULL;
  rcp_reader *r = NULL;
  int status = EXIT_OK;
  int rc = cli_ctx_open(&ctx, NULL);
  if (rc != RCP_OK) { free(inputs); return EXIT_FAIL; }
  if (jsonl) {
    uint64_t bad = 0;
    for (size_t k = 0; k < ninputs; k++)
      if (summarize_jsonl(ctx, inputs[k], nsent, &bad) != EXIT_OK) status = EXIT_FAIL;
    goto out;
  }
  rc = rcp_reader_open(&r, inputs, ninputs, NULL, cli_warn, NULL);
  if (rc != RCP_OK) { cli_err("summarize: %s", rcp_strerror(rc)); status = EXIT_FAIL; goto out; }
  const rcp_page *p;
  uint64_t done = 0;
  /* Buffer one page's output so that "== ID" headers are printed only when
  ** there are several pages. */
  char *pending = NULL, *pending_id = NULL;
  while ((rc = rcp_reader_next(r, &p)) == RCP_OK) {
    rcp_doc *d = NULL;
    int prc = rcp_doc_process(ctx, p, &d);
    if (prc != RCP_OK) {
      cli_err("summarize: %s: %s", p->id ? p->id : p->source, rcp_strerror(prc));
      status = EXIT_FAIL;
      continue;
    }
    rcp_meta m;
    rcp_doc_meta(d, &m);
    char *sum = NULL;
    prc = rcp_summarize(ctx, m.text, m.text_len, m.language, nsent, &sum);
    if (prc != RCP_OK) {
      cli_err("summarize: %s: %s", m.id, rcp_errmsg(ctx));
      status = EXIT_FAIL;
    } else {
      if (pending) {
        printf("== %s\n%s\n\n", pending_id, pending);
        free(pending); free(pending_id);
      }
      pending = sum;
      pending_id = strdup(m.id ? m.id : "");
      done++;
    }
    rcp_doc_free(d);
  }
  if (pending) {
    if (done > 1) printf("== %s\n%s\n\n", pending_id, pending);
    else printf("%s\n", pending);
  }
  free(pending); free(pending_id);
  if (rc != RCP_EDONE) { cli_err("summarize: %s", rcp_strerror(rc)); status = EXIT_FAIL; }
  if (done == 0) status = EXIT_FAIL;
out:
  rcp_reader_free(r);
  rcp_ctx_free(ctx);
  free(inputs);
  return status;
}
