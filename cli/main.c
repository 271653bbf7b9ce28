/* main.c -- the recoupe command: global options, then a subcommand from the
** table (git.c style).  Exit 0 on success, 1 on failure, 2 on usage errors. */
#include "cli.h"

#include <errno.h>   /* errno */
#include <limits.h>  /* INT_MAX */
#include <stdarg.h>  /* va_list */
#include <stdlib.h>  /* free, strtol */
#include <string.h>  /* strcmp */
#include <sys/time.h>/* gettimeofday */
#include <unistd.h>  /* isatty */

cli_globals g_cli = { 0, 0, 0, NULL };

static const struct cmd {
  const char *name;
  cmd_fn fn;
  const char *usage;
  const char *help;
  const char *options;  /* shown by `recoupe help CMD` and `recoupe CMD --help` */
} cmds[] = {
  { "add", cmd_add, "add [--db FILE] [--threads N] INPUT...", "read pages into the store: extract, relate, cluster",
    "  --db FILE      the store (default ./recoupe.db; created if missing)\n"
    "  --threads N    extraction threads (0 = one per core; the output is the same)\n"
    "  --quiet        no progress and no per-page warnings\n"
    "  --verbose      also say how many stories the pages updated\n"
    "Pages already in the store (same content at the same URL) are not added twice.\n"
    "Exit 1 when no page of the input could be read.\n" },
  { "run", cmd_run, "run [--db FILE] --out DIR INPUT...", "add, then write DIR/stories.json, stories.md, index.html",
    "  --db FILE      the store (default ./recoupe.db)\n"
    "  --out DIR      where stories.json, stories.md and index.html are written\n"
    "  --threads N, --quiet, --verbose   as for add\n" },
  { "stories", cmd_stories,
    "stories [--db FILE] [--json] [--since DATE] [--until DATE] [--language L]\n"
    "                       [--site S] [--query WORDS] [--min-articles N] [--min-sources N] [--limit N]",
    "list the stories in the store, newest news first",
    "  --json            the stories as the JSON array of stories.json\n"
    "  --since, --until  YYYY-MM-DD: stories with news on or after / on or before that day\n"
    "  --language L      stories in that language (fr, en, ...)\n"
    "  --site S          stories with an article from that site\n"
    "  --query WORDS     stories whose title or text holds the words\n"
    "  --min-articles N  stories of N articles or more\n"
    "  --min-sources N   stories told by N independent sources or more\n"
    "  --limit N         at most N stories\n" },
  { "show", cmd_show, "show [--db FILE] [--json] STORY|ARTICLE", "one story (or article) with its articles, relations and digest",
    "  STORY is a story id (s12; a story merged into another answers with it),\n"
    "  ARTICLE an article id as given in the input or shown by show.\n"
    "  --json         the story as one object of stories.json\n" },
  { "extract", cmd_extract, "extract [--json] [--no-templates] INPUT...", "print the article text and metadata of each page",
    "  --json          one JSON object a page: text, title, author, dates, site, language...\n"
    "  --no-templates  do not learn site templates across the pages given\n" },
  { "dedup", cmd_dedup, "dedup [--json] INPUT...", "find copies, updates and rewrites among the pages",
    "  --json         JSON Lines: one {\"a\", \"b\", \"kind\", \"score\"} a relation, then the groups\n" },
  { "summarize", cmd_summarize, "summarize [--sentences N] [--jsonl] INPUT...", "extractive summary of single articles",
    "  --sentences N  sentences in each summary (1 to 100, default 3)\n"
    "  --jsonl        INPUT holds {\"id\", \"text\"} lines; write {\"id\", \"summary\"} lines\n" },
  { "serve", cmd_serve, "serve [--db FILE] [--port N] [--bind ADDR]", "local web UI over the store",
    "  --port N       port (default 8080; 0 = any free port)\n"
    "  --bind ADDR    address to listen on (default 127.0.0.1)\n" },
  { "help", cmd_help, "help [COMMAND]", "this help, or a command's", "" },
};
#define NCMDS (sizeof cmds / sizeof cmds[0])

void cli_err(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("recoupe: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

int cli_usage(const char *cmd) {
  for (size_t i = 0; i < NCMDS; i++)
    if (strcmp(cmds[i].name, cmd) == 0) {
      fprintf(stderr, "usage: recoupe %s\n", cmds[i].usage);
      return EXIT_USAGE;
    }
  fprintf(stderr, "usage: recoupe [--quiet|--verbose] [--threads N] COMMAND [ARGS]\n");
  return EXIT_USAGE;
}

static void print_help(FILE *f) {
  fprintf(f, "recoupe %s -- news pages into cross-checked stories\n\n"
             "usage: recoupe [--quiet|--verbose] [--threads N] [--db FILE] COMMAND [ARGS]\n\n"
             "commands:\n", rcp_version());
  for (size_t i = 0; i < NCMDS; i++) fprintf(f, "  %-10s %s\n", cmds[i].name, cmds[i].help);
  fprintf(f, "\nINPUT is a file (.html .htm .xhtml .txt .json .jsonl .warc .warc.gz, or any of\n"
             "them gzipped), a directory (walked recursively), or - for standard input.\n"
             "The store is ./recoupe.db unless --db FILE is given.\n"
             "`recoupe help COMMAND` for a command's usage.\n");
}

static void print_cmd_help(const struct cmd *c) {
  printf("usage: recoupe %s\n\n%s\n", c->usage, c->help);
  if (c->options[0]) printf("\n%s", c->options);
}

int cmd_help(int argc, char **argv) {
  if (argc < 2) { print_help(stdout); return EXIT_OK; }
  for (size_t i = 0; i < NCMDS; i++)
    if (strcmp(cmds[i].name, argv[1]) == 0) {
      print_cmd_help(&cmds[i]);
      return EXIT_OK;
    }
  cli_err("no such command: %s", argv[1]);
  return EXIT_USAGE;
}

bool cli_opt_flag(int argc, char **argv, int *i, const char *name) {
  (void)argc;
  if (strcmp(argv[*i], name) == 0) return true;
  return false;
}

bool cli_opt_value(int argc, char **argv, int *i, const char *name, const char **val) {
  size_t n = strlen(name);
  if (strncmp(argv[*i], name, n) != 0) return false;
  if (argv[*i][n] == '=') { *val = argv[*i] + n + 1; return true; }
  if (argv[*i][n] != 0) return false;
  if (*i + 1 >= argc) { *val = NULL; return true; }  /* caller reports the missing value */
  *val = argv[++*i];
  return true;
}

bool cli_count(const char *cmd, const char *opt, const char *v, int *out) {
  char *end = NULL;
  errno = 0;
  long n = v && *v ? strtol(v, &end, 10) : -1;
  if (!v || !*v || *end || n < 0 || n > INT_MAX || errno) {
    if (v) cli_err("%s%s%s takes a whole number >= 0, not '%s'", cmd, *cmd ? ": " : "", opt, v);
    else cli_err("%s%s%s needs a number", cmd, *cmd ? ": " : "", opt);
    return false;
  }
  *out = (int)n;
  return true;
}

void cli_warn(void *ud, const char *file, uint64_t offset, int why, const char *msg) {
  (void)ud;
  if (g_cli.quiet) return;
  if (offset) fprintf(stderr, "recoupe: %s@%llu: %s: %s\n", file, (unsigned long long)offset, rcp_skip_name(why), msg);
  else fprintf(stderr, "recoupe: %s: %s: %s\n", file, rcp_skip_name(why), msg);
}

static double now(void) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  return (double)tv.tv_sec + tv.tv_usec / 1e6;
}

void cli_progress_start(cli_progress *p, const char *what, uint64_t total_bytes) {
  p->on = !g_cli.quiet && isatty(2);
  p->t0 = p->last = now();
  p->total_bytes = total_bytes;
  p->what = what;
}

void cli_progress_update(void *ud, uint64_t pages, uint64_t bytes) {
  cli_progress *p = ud;
  if (!p->on) return;
  double t = now();
  if (t - p->last < 0.2) return;
  p->last = t;
  double el = t - p->t0, rate = el > 0 ? (double)pages / el : 0;
  fprintf(stderr, "\r%s: %llu pages, %.0f pages/s", p->what, (unsigned long long)pages, rate);
  if (p->total_bytes && bytes && bytes <= p->total_bytes) {
    double eta = el * (double)(p->total_bytes - bytes) / (double)bytes;
    fprintf(stderr, ", %.0f%%, ETA %.0fs", 100.0 * (double)bytes / (double)p->total_bytes, eta);
  }
  fprintf(stderr, "   ");
}

void cli_progress_end(cli_progress *p) {
  if (p->on) fprintf(stderr, "\r\033[K");
}

void cli_print_ingest(const rcp_ingest_stats *st, uint64_t added, uint64_t dups) {
  if (g_cli.quiet) return;
  uint64_t skipped = 0;
  for (int i = 0; i < RCP_SKIP_COUNT; i++) if (i != RCP_SKIP_DUPLICATE) skipped += st->skipped[i];
  fprintf(stderr, "recoupe: read %llu page%s from %llu file%s", (unsigned long long)st->pages,
          st->pages == 1 ? "" : "s", (unsigned long long)st->files, st->files == 1 ? "" : "s");
  if (added || dups) fprintf(stderr, "; %llu added, %llu already stored",
                             (unsigned long long)added, (unsigned long long)dups);
  fprintf(stderr, "; %llu skipped", (unsigned long long)skipped);
  const char *sep = " (";
  for (int i = 0; i < RCP_SKIP_COUNT; i++)
    if (i != RCP_SKIP_DUPLICATE && st->skipped[i]) {
      fprintf(stderr, "%s%llu %s", sep, (unsigned long long)st->skipped[i], rcp_skip_name(i));
      sep = ", ";
    }
  fprintf(stderr, "%s\n", skipped ? ")" : "");
}

int cli_ctx_open(rcp_ctx **ctx, const char *db) {
  rcp_opts o;
  rcp_opts_default(&o);
  o.db_path = db;
  o.threads = g_cli.threads;
  char *msg = NULL;
  int rc = rcp_ctx_open(ctx, &o, &msg);
  if (rc != RCP_OK) {
    cli_err("%s", msg ? msg : rcp_strerror(rc));
    free(msg);
  }
  return rc;
}

int cli_close_stdout(int rc) {
  if (ferror(stdout) || fclose(stdout) != 0) {
    cli_err("error writing to standard output");
    return EXIT_FAIL;
  }
  return rc;
}

int main(int argc, char **argv) {
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
    const char *v;
    if (strcmp(argv[i], "--version") == 0) { printf("recoupe %s\n", rcp_version()); return cli_close_stdout(EXIT_OK); }
    else if (strcmp(argv[i], "--help") == 0) { print_help(stdout); return cli_close_stdout(EXIT_OK); }
    else if (strcmp(argv[i], "--quiet") == 0) g_cli.quiet = 1;
    else if (strcmp(argv[i], "--verbose") == 0) g_cli.verbose = 1;
    else if (cli_opt_value(argc, argv, &i, "--threads", &v)) {
      if (!cli_count("", "--threads", v, &g_cli.threads)) return cli_usage("");
    } else if (cli_opt_value(argc, argv, &i, "--db", &v)) {
      if (!v) return cli_usage("");
      g_cli.db = v;
    } else { cli_err("unknown option %s", argv[i]); return cli_usage(""); }
  }
  if (i >= argc) { print_help(stderr); return EXIT_USAGE; }
  for (size_t c = 0; c < NCMDS; c++)
    if (strcmp(cmds[c].name, argv[i]) == 0) {
      /* `recoupe CMD --help` (or -h) anywhere before a "--" is its help */
      for (int k = i + 1; k < argc && strcmp(argv[k], "--") != 0; k++)
        if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
          print_cmd_help(&cmds[c]);
          return cli_close_stdout(EXIT_OK);
        }
      return cli_close_stdout(cmds[c].fn(argc - i, argv + i));
    }
  cli_err("no such command: %s (see recoupe help)", argv[i]);
  return EXIT_USAGE;
}
