/* cmd_serve.c -- `recoupe serve [--db FILE] [--port N] [--bind ADDR]`: the
** local web UI over the store, until SIGINT or SIGTERM.  Binds 127.0.0.1
** unless --bind says otherwise; --port 0 picks a free port.  Prints the
** address on standard output once listening ("serving on http://...") and
** flushes it, so scripts can wait for that line. */
#include "cli.h"

#include <signal.h>  /* sigaction */
#include <stdlib.h>  /* strtol */
#include <string.h>  /* strchr, memset */

static volatile int g_stop;

static void on_signal(int sig) {
  (void)sig;
  g_stop = 1;
}

static void on_ready(void *ud, const char *bind, int port) {
  (void)ud;
  if (strchr(bind, ':')) printf("serving on http://[%s]:%d/\n", bind, port);
  else printf("serving on http://%s:%d/\n", bind, port);
  fflush(stdout);
}

int cmd_serve(int argc, char **argv) {
  const char *db = g_cli.db ? g_cli.db : "recoupe.db";
  const char *bind = "127.0.0.1";
  int port = 8080;
  for (int i = 1; i < argc; i++) {
    const char *v;
    if (cli_opt_value(argc, argv, &i, "--db", &v)) {
      if (!v) return cli_usage("serve");
      db = v;
    } else if (cli_opt_value(argc, argv, &i, "--port", &v)) {
      char *end = NULL;
      long p = v ? strtol(v, &end, 10) : -1;
      if (!v || *end || p < 0 || p > 65535) {
        cli_err("serve: --port takes a number from 0 to 65535");
        return cli_usage("serve");
      }
      port = (int)p;
    } else if (cli_opt_value(argc, argv, &i, "--bind", &v)) {
      if (!v || !v[0]) return cli_usage("serve");
      bind = v;
    } else {
      cli_err("serve: unknown argument %s", argv[i]);
      return cli_usage("serve");
    }
  }
  FILE *f = fopen(db, "rb");
  if (!f) {
    cli_err("serve: no store %s (build one with `recoupe add --db %s INPUT...`)", db, db);
    return EXIT_FAIL;
  }
  fclose(f);
  rcp_ctx *ctx = NULL;
  if (cli_ctx_open(&ctx, db) != RCP_OK) return EXIT_FAIL;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
  int rc = rcp_serve(ctx, bind, port, &g_stop, on_ready, NULL);
  if (rc != RCP_OK) cli_err("serve: %s", rcp_errmsg(ctx));
  rcp_ctx_free(ctx);
  return rc == RCP_OK ? EXIT_OK : EXIT_FAIL;
}
