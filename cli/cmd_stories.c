/* cmd_stories.c -- `recoupe stories [--json] [--since DATE] [--until DATE]
** [--language L] [--site S] [--query WORDS] [--min-articles N]
** [--min-sources N] [--limit N]`: the stories of the store, newest news
** first; one line each (id, date, articles, sites, title) or the DESIGN.md
** JSON array. */
#include "cli.h"

#include <jansson.h> /* reading back the JSON for the human listing */
#include <stdlib.h>  /* free */
#include <string.h>  /* strcmp */
#include <unistd.h>  /* access */

static const char *day_of(json_t *o, const char *key) {
  const char *s = json_string_value(json_object_get(o, key));
  return s ? s : "-";
}

static void print_line(json_t *st) {
  json_t *arts = json_object_get(st, "articles");
  size_t n = json_array_size(arts);
  /* distinct sites, in order of first appearance, at most 3 shown */
  const char *sites[3];
  size_t nsites = 0, shown = 0;
  for (size_t i = 0; i < n; i++) {
    const char *s = json_string_value(json_object_get(json_array_get(arts, i), "site"));
    if (!s) continue;
    int seen = 0;
    for (size_t k = 0; k < i && !seen; k++) {
      const char *t = json_string_value(json_object_get(json_array_get(arts, k), "site"));
      if (t && strcmp(s, t) == 0) seen = 1;
    }
    if (seen) continue;
    if (shown < 3) sites[shown++] = s;
    nsites++;
  }
  const char *date = day_of(st, "first_published");
  const char *title = json_string_value(json_object_get(st, "title"));
  printf("%-7s %.10s  %3zu article%s  %zu site%s", json_string_value(json_object_get(st, "id")),
         date, n, n == 1 ? " " : "s", nsites, nsites == 1 ? " " : "s");
  for (size_t i = 0; i < shown; i++) printf("%s%s", i ? ", " : "  (", sites[i]);
  if (shown) printf("%s)", nsites > shown ? ", ..." : "");
  printf("  %s\n", title ? title : "(no title)");
}

int cmd_stories(int argc, char **argv) {
  int json = 0;
  const char *db = g_cli.db, *v;
  rcp_story_filter f;
  memset(&f, 0, sizeof f);
  for (int i = 1; i < argc; i++) {
    if (cli_opt_flag(argc, argv, &i, "--json")) json = 1;
    else if (cli_opt_value(argc, argv, &i, "--db", &v)) { if (!v) return cli_usage("stories"); db = v; }
    else if (cli_opt_value(argc, argv, &i, "--since", &v)) { if (!v) return cli_usage("stories"); f.since = v; }
    else if (cli_opt_value(argc, argv, &i, "--until", &v)) { if (!v) return cli_usage("stories"); f.until = v; }
    else if (cli_opt_value(argc, argv, &i, "--language", &v)) { if (!v) return cli_usage("stories"); f.language = v; }
    else if (cli_opt_value(argc, argv, &i, "--site", &v)) { if (!v) return cli_usage("stories"); f.site = v; }
    else if (cli_opt_value(argc, argv, &i, "--query", &v)) { if (!v) return cli_usage("stories"); f.query = v; }
    else if (cli_opt_value(argc, argv, &i, "--min-articles", &v)) {
      if (!cli_count("stories", "--min-articles", v, &f.min_articles)) return cli_usage("stories");
    } else if (cli_opt_value(argc, argv, &i, "--min-sources", &v)) {
      if (!cli_count("stories", "--min-sources", v, &f.min_sources)) return cli_usage("stories");
    } else if (cli_opt_value(argc, argv, &i, "--limit", &v)) {
      if (!cli_count("stories", "--limit", v, &f.limit)) return cli_usage("stories");
    } else { cli_err("stories: unknown argument %s", argv[i]); return cli_usage("stories"); }
  }
  if (!db) db = "recoupe.db";
  if (access(db, F_OK) != 0) { cli_err("stories: no store at %s (run recoupe add first)", db); return EXIT_FAIL; }
  rcp_ctx *ctx = NULL;
  if (cli_ctx_open(&ctx, db) != RCP_OK) return EXIT_FAIL;
  char *out = NULL;
  int status = EXIT_OK;
  int rc = rcp_stories_json(ctx, &f, json, &out);
  if (rc != RCP_OK) {
    cli_err("stories: %s", *rcp_errmsg(ctx) ? rcp_errmsg(ctx) : rcp_strerror(rc));
    status = rc == RCP_EINVAL ? EXIT_USAGE : EXIT_FAIL;
  } else if (json) {
    printf("%s\n", out);
  } else {
    json_t *arr = json_loads(out, 0, NULL);
    for (size_t i = 0; i < json_array_size(arr); i++) print_line(json_array_get(arr, i));
    if (!arr) { cli_err("stories: out of memory"); status = EXIT_FAIL; }
    json_decref(arr);
  }
  free(out);
  rcp_ctx_free(ctx);
  return status;
}
