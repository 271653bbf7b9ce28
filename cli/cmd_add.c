/* cmd_add.c -- `recoupe add INPUT...` and `recoupe run --out DIR INPUT...`:
** read pages into the store (extract, relate, cluster, facts, digest), and
** for run, write the digest files. */
#include "cli.h"

#include <errno.h>    /* errno */
#include <stdlib.h>   /* calloc, free */
#include <string.h>   /* strcmp, strerror */
#include <sys/stat.h> /* mkdir */

/* Parses INPUT... and the options shared by add and run. */
static int parse(int argc, char **argv, const char *cmd, const char ***inputs,
                 size_t *n, const char **db, const char **outdir) {
  *inputs = calloc((size_t)argc + 1, sizeof **inputs);
  *n = 0;
  if (!*inputs) return EXIT_FAIL;
  for (int i = 1; i < argc; i++) {
    const char *v;
    if (cli_opt_value(argc, argv, &i, "--db", &v)) {
      if (!v) { cli_err("%s: --db needs a file", cmd); return cli_usage(cmd); }
      *db = v;
    } else if (outdir && cli_opt_value(argc, argv, &i, "--out", &v)) {
      if (!v) { cli_err("%s: --out needs a directory", cmd); return cli_usage(cmd); }
      *outdir = v;
    } else if (cli_opt_flag(argc, argv, &i, "--quiet")) g_cli.quiet = 1;
    else if (cli_opt_flag(argc, argv, &i, "--verbose")) g_cli.verbose = 1;
    else if (cli_opt_value(argc, argv, &i, "--threads", &v)) {
      if (!cli_count(cmd, "--threads", v, &g_cli.threads)) return cli_usage(cmd);
    } else if (argv[i][0] == '-' && argv[i][1]) {
      cli_err("%s: unknown option %s", cmd, argv[i]);
      return cli_usage(cmd);
    } else (*inputs)[(*n)++] = argv[i];
  }
  if (*n == 0) { cli_err("%s: no input given", cmd); return cli_usage(cmd); }
  if (outdir && !*outdir) { cli_err("%s: --out DIR is required", cmd); return cli_usage(cmd); }
  return EXIT_OK;
}

static void warn_progress(void *ud, const char *file, uint64_t off, int why, const char *msg) {
  cli_progress *p = ud;
  if (p->on) fputs("\r\033[K", stderr);
  cli_warn(NULL, file, off, why, msg);
}

/* Adds inputs to the store of ctx; prints the counts.  Returns an exit code. */
static int add_inputs(rcp_ctx *ctx, const char **inputs, size_t n) {
  rcp_reader *r = NULL;
  cli_progress prog;
  cli_progress_start(&prog, "add", 0);
  int rc = rcp_reader_open(&r, inputs, n, NULL, warn_progress, &prog);
  if (rc != RCP_OK) { cli_err("add: %s", rcp_strerror(rc)); return EXIT_FAIL; }
  prog.total_bytes = rcp_reader_total_bytes(r);
  rcp_add_stats st;
  rc = rcp_add(ctx, r, cli_progress_update, warn_progress, &prog, &st);
  cli_progress_end(&prog);
  cli_print_ingest(&st.ingest, st.added, st.duplicates);
  if (!g_cli.quiet && g_cli.verbose)
    fprintf(stderr, "recoupe: %llu stories updated\n", (unsigned long long)st.stories);
  rcp_reader_free(r);
  if (rc != RCP_OK) {
    cli_err("add: %s: %s", rcp_strerror(rc), rcp_errmsg(ctx));
    return EXIT_FAIL;
  }
  if (st.added + st.duplicates == 0) {
    cli_err("add: no page could be read");
    return EXIT_FAIL;
  }
  return EXIT_OK;
}

int cmd_add(int argc, char **argv) {
  const char **inputs = NULL, *db = g_cli.db ? g_cli.db : "recoupe.db";
  size_t n = 0;
  int status = parse(argc, argv, "add", &inputs, &n, &db, NULL);
  rcp_ctx *ctx = NULL;
  if (status == EXIT_OK) status = cli_ctx_open(&ctx, db) == RCP_OK ? EXIT_OK : EXIT_FAIL;
  if (status == EXIT_OK) status = add_inputs(ctx, inputs, n);
  rcp_ctx_free(ctx);
  free(inputs);
  return status;
}

int cmd_run(int argc, char **argv) {
  const char **inputs = NULL, *db = g_cli.db ? g_cli.db : "recoupe.db", *outdir = NULL;
  size_t n = 0;
  int status = parse(argc, argv, "run", &inputs, &n, &db, &outdir);
  rcp_ctx *ctx = NULL;
  if (status == EXIT_OK && mkdir(outdir, 0777) != 0 && errno != EEXIST) {
    cli_err("run: cannot create %s: %s", outdir, strerror(errno));
    status = EXIT_FAIL;
  }
  if (status == EXIT_OK) status = cli_ctx_open(&ctx, db) == RCP_OK ? EXIT_OK : EXIT_FAIL;
  if (status == EXIT_OK) status = add_inputs(ctx, inputs, n);
  if (status == EXIT_OK) {
    int rc = rcp_render_site(ctx, outdir);
    if (rc != RCP_OK) {
      cli_err("run: writing %s: %s", outdir, rcp_errmsg(ctx));
      status = EXIT_FAIL;
    } else if (!g_cli.quiet) {
      fprintf(stderr, "recoupe: wrote %s/stories.json, %s/stories.md, %s/index.html\n",
              outdir, outdir, outdir);
    }
  }
  rcp_ctx_free(ctx);
  free(inputs);
  return status;
}
