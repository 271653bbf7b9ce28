/* cmd_show.c -- `recoupe show [--json] STORY|ARTICLE`: one story (by its id
** "s12", an id merged into it, or the record id of one of its articles)
** with its articles, their dates, sites and relations, and its digest. */
#include "cli.h"

#include <jansson.h> /* reading back the JSON for the human view */
#include <stdlib.h>  /* free */
#include <string.h>  /* strcmp */
#include <unistd.h>  /* access */

static const char *str(json_t *o, const char *k) { return json_string_value(json_object_get(o, k)); }

static void print_story(json_t *st) {
  const char *title = str(st, "title");
  printf("%s  %s\n", str(st, "id"), title ? title : "(no title)");
  if (str(st, "merged_from")) printf("(%s was merged into %s)\n", str(st, "merged_from"), str(st, "id"));
  json_t *arts = json_object_get(st, "articles");
  printf("language %s · event %s · first %s · last %s · %zu article%s\n",
         str(st, "language") ? str(st, "language") : "?",
         str(st, "event_date") ? str(st, "event_date") : "?",
         str(st, "first_published") ? str(st, "first_published") : "?",
         str(st, "last_published") ? str(st, "last_published") : "?",
         json_array_size(arts), json_array_size(arts) == 1 ? "" : "s");
  json_t *rel = json_object_get(st, "related_stories");
  for (size_t i = 0; i < json_array_size(rel); i++) {
    json_t *r = json_array_get(rel, i);
    printf("%s %s (%s)", i ? "," : "related:", str(r, "id"), str(r, "kind"));
    if (i + 1 == json_array_size(rel)) printf("\n");
  }
  const char *summary = str(st, "summary");
  if (summary) printf("\n%s\n", summary);
  /* where the sources disagree (facts stage): one line per thing */
  json_t *dis = json_object_get(st, "disagreements");
  for (size_t i = 0; i < json_array_size(dis); i++) {
    json_t *d = json_array_get(dis, i), *vals = json_object_get(d, "values");
    printf("%sdisagreement (%s) on %s:", i ? "" : "\n", str(d, "kind") ? str(d, "kind") : "?",
           str(d, "about") ? str(d, "about") : "?");
    for (size_t k = 0; k < json_array_size(vals); k++) {
      json_t *v = json_array_get(vals, k);
      printf("%s \"%s\" (%zu article%s, %lld independent)", k ? " vs" : "", str(v, "text") ? str(v, "text") : "?",
             json_array_size(json_object_get(v, "articles")), json_array_size(json_object_get(v, "articles")) == 1 ? "" : "s",
             (long long)json_integer_value(json_object_get(v, "independent")));
    }
    printf("\n");
  }
  printf("\n");
  for (size_t i = 0; i < json_array_size(arts); i++) {
    json_t *a = json_array_get(arts, i);
    const char *pub = str(a, "published"), *site = str(a, "site"), *t = str(a, "title");
    printf("%3zu. %s  %s  %s  %s\n", i + 1, str(a, "id"), pub ? pub : "(no date)",
           site ? site : "-", t ? t : "(no title)");
    if (str(a, "author")) printf("       by %s\n", str(a, "author"));
    if (str(a, "source") && strcmp(str(a, "source"), str(a, "id")) != 0)
      printf("       %s\n", str(a, "source"));
    if (str(a, "credited_source")) printf("       credits %s\n", str(a, "credited_source"));
    json_t *rs = json_object_get(a, "relations");
    for (size_t k = 0; k < json_array_size(rs); k++) {
      json_t *r = json_array_get(rs, k);
      /* "rewrite of X" when X is the original; "original of X (rewrite)"
      ** when this article is */
      const char *orig = str(r, "original");
      if (orig && str(a, "id") && strcmp(orig, str(a, "id")) == 0)
        printf("       original of %s (%s, %.2f)\n", str(r, "to"), str(r, "kind"),
               json_number_value(json_object_get(r, "score")));
      else
        printf("       %s of %s (%.2f)\n", str(r, "kind"), str(r, "to"),
               json_number_value(json_object_get(r, "score")));
    }
  }
}

int cmd_show(int argc, char **argv) {
  int json = 0;
  const char *db = g_cli.db, *v, *id = NULL;
  for (int i = 1; i < argc; i++) {
    if (cli_opt_flag(argc, argv, &i, "--json")) json = 1;
    else if (cli_opt_value(argc, argv, &i, "--db", &v)) { if (!v) return cli_usage("show"); db = v; }
    else if (argv[i][0] == '-' && argv[i][1]) { cli_err("show: unknown option %s", argv[i]); return cli_usage("show"); }
    else if (!id) id = argv[i];
    else { cli_err("show: one story at a time"); return cli_usage("show"); }
  }
  if (!id) return cli_usage("show");
  if (!db) db = "recoupe.db";
  if (access(db, F_OK) != 0) { cli_err("show: no store at %s (run recoupe add first)", db); return EXIT_FAIL; }
  rcp_ctx *ctx = NULL;
  if (cli_ctx_open(&ctx, db) != RCP_OK) return EXIT_FAIL;
  char *out = NULL;
  int status = EXIT_OK;
  int rc = rcp_story_json(ctx, id, json, &out);
  if (rc != RCP_OK) {
    cli_err("show: %s", *rcp_errmsg(ctx) ? rcp_errmsg(ctx) : rcp_strerror(rc));
    status = EXIT_FAIL;
  } else if (json) {
    printf("%s\n", out);
  } else {
    json_t *st = json_loads(out, 0, NULL);
    if (st) print_story(st);
    else { cli_err("show: out of memory"); status = EXIT_FAIL; }
    json_decref(st);
  }
  free(out);
  rcp_ctx_free(ctx);
  return status;
}
