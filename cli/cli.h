/* cli.h -- shared by the cli/ files only: the subcommand signature, option
** helpers, progress display and the warning printer.  The CLI sees only the
** public header. */
#ifndef RCP_CLI_H
#define RCP_CLI_H

#include "recoupe.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit codes: 0 ok, 1 failure, 2 usage error. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Global options, parsed by main.c before the subcommand. */
typedef struct cli_globals {
  int quiet, verbose;
  int threads;
  const char *db;          /* --db FILE (default ./recoupe.db) */
} cli_globals;
extern cli_globals g_cli;

typedef int (*cmd_fn)(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_dedup(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_summarize(int argc, char **argv);
int cmd_help(int argc, char **argv);

/* Prints "recoupe CMD: usage: ..." to stderr and returns EXIT_USAGE. */
int cli_usage(const char *cmd);
/* Prints "recoupe: msg" on stderr (printf-style). */
void cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Option parsing: consumes argv[*i] if it is opt (with its value for
** opts that take one: "--db FILE" or "--db=FILE"). */
bool cli_opt_flag(int argc, char **argv, int *i, const char *name);
bool cli_opt_value(int argc, char **argv, int *i, const char *name, const char **val);
/* A whole number >= 0 given to option OPT of command CMD: true and *out set,
** or false after saying what was wrong ("stories: --limit takes a whole
** number >= 0, not 'abc'"). */
bool cli_count(const char *cmd, const char *opt, const char *v, int *out);

/* The warning printer for rcp_reader: "recoupe: FILE[@OFFSET]: REASON: MSG". */
void cli_warn(void *ud, const char *file, uint64_t offset, int why, const char *msg);

/* Progress on stderr when it is a terminal and not --quiet. */
typedef struct cli_progress {
  bool on;
  double t0, last;
  uint64_t total_bytes;
  const char *what;
} cli_progress;
void cli_progress_start(cli_progress *p, const char *what, uint64_t total_bytes);
void cli_progress_update(void *p, uint64_t pages, uint64_t bytes);
void cli_progress_end(cli_progress *p);

/* Prints the ingest count line: "read N pages from F files; skipped: ...". */
void cli_print_ingest(const rcp_ingest_stats *st, uint64_t added, uint64_t dups);

/* Opens a context with the global options (and the store if db != NULL). */
int cli_ctx_open(rcp_ctx **ctx, const char *db);

/* Checks and closes stdout; returns EXIT_FAIL on a write error. */
int cli_close_stdout(int rc);

#endif
