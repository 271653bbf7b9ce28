/* render_site.c -- stage 9: the files a run writes (rcp_render_site) and
** the Markdown of one story (rcp_story_markdown).
**
** rcp_render_site reads every story as the JSON contract (rcp_stories_json),
** writes it as DIR/stories.json (one story a line), then DIR/stories.md (one section a story),
** DIR/index.html (the list, newest and largest first: the first 200,
** then links to one page a month, DIR/index-YYYY-MM.html) and
** DIR/stories/ID.html (one page a story).  The three top files are written
** to a temporary name and renamed, so a reader never sees half of one.
** Rendering works on the parsed JSON only: whatever the store holds is
** shown through the same contract other programs read.
*/
#include "recoupe_int.h"

#include <errno.h>     /* errno */
#include <jansson.h>   /* json_loadb, json_dumpb */
#include <stdio.h>     /* fopen, rename */
#include <stdlib.h>    /* free */
#include <string.h>    /* strerror, strlen */
#include <sys/stat.h>  /* mkdir */

#define PAGE_MAX ((size_t)256 << 20)
#define INDEX_MAX 200   /* stories on index.html; the rest by month */

/* Writes n bytes to path directly (story pages: thousands of them, where
** the extra rename would double the directory work). */
static int write_direct(rcp_ctx *ctx, const char *path, const char *p, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f) return rcp__err(ctx, RCP_EIO, "%s: %s", path, strerror(errno));
  int rc = RCP_OK;
  if (n && fwrite(p, 1, n, f) != n) rc = rcp__err(ctx, RCP_EIO, "%s: %s", path, strerror(errno));
  if (fclose(f) != 0 && rc == RCP_OK) rc = rcp__err(ctx, RCP_EIO, "%s: %s", path, strerror(errno));
  return rc;
}

/* Writes n bytes to path through path.tmp and a rename. */
static int write_file(rcp_ctx *ctx, const char *path, const char *p, size_t n) {
  size_t pl = strlen(path);
  char *tmp = rcp__malloc(pl + 5);
  if (!tmp) return RCP_ENOMEM;
  memcpy(tmp, path, pl);
  memcpy(tmp + pl, ".tmp", 5);
  FILE *f = fopen(tmp, "wb");
  int rc = RCP_OK;
  if (!f) rc = rcp__err(ctx, RCP_EIO, "%s: %s", tmp, strerror(errno));
  else {
    if (n && fwrite(p, 1, n, f) != n) rc = rcp__err(ctx, RCP_EIO, "%s: %s", tmp, strerror(errno));
    if (fclose(f) != 0 && rc == RCP_OK) rc = rcp__err(ctx, RCP_EIO, "%s: %s", tmp, strerror(errno));
    if (rc == RCP_OK && rename(tmp, path) != 0) rc = rcp__err(ctx, RCP_EIO, "%s: %s", path, strerror(errno));
    if (rc != RCP_OK) remove(tmp);
  }
  rcp__free(tmp);
  return rc;
}

static int make_dir(rcp_ctx *ctx, const char *path) {
  if (mkdir(path, 0777) == 0 || errno == EEXIST) {
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return RCP_OK;
    return rcp__err(ctx, RCP_EIO, "%s: not a directory", path);
  }
  return rcp__err(ctx, RCP_EIO, "%s: %s", path, strerror(errno));
}

static int buf_rc(const rcp_buf *b) { return b->err ? b->err : RCP_OK; }

int rcp_story_markdown(rcp_ctx *ctx, const char *id, char **out) {
  *out = NULL;
  if (!id) return rcp__err(ctx, RCP_EINVAL, "markdown: no story id");
  char *js = NULL;
  int rc = rcp_story_json(ctx, id, 0, &js);
  if (rc != RCP_OK) return rc;
  json_error_t jerr;
  json_t *story = json_loads(js, 0, &jerr);
  free(js);
  if (!story) return rcp__err(ctx, RCP_EPARSE, "markdown: story JSON: %s", jerr.text);
  rcp_buf b;
  rcp__buf_init(&b, PAGE_MAX);
  rc = rcp__md_story(&b, story);
  json_decref(story);
  if (rc == RCP_OK) rc = buf_rc(&b);
  if (rc == RCP_OK) *out = rcp__buf_take(&b);
  if (rc == RCP_OK && !*out) rc = RCP_ENOMEM;
  rcp__buf_free(&b);
  return rc;
}

/* Renders the parsed stories into dir (stories.json is written by the
** caller).  Exposed for tests through rcp__render_site_json. */
/* Gives each related story its title and event date from the array (a
** storyline reads better as "Orages dans le Gard (9 juillet 2026)" than
** as "s1"), through an object keyed by story id. */
static void name_related(json_t *stories) {
  json_t *by = json_object();
  if (!by) return;
  size_t i, j;
  json_t *s, *r;
  json_array_foreach(stories, i, s) {
    json_t *id = json_object_get(s, "id");
    if (json_is_string(id)) json_object_set(by, json_string_value(id), s);
  }
  json_array_foreach(stories, i, s) {
    json_array_foreach(json_object_get(s, "related_stories"), j, r) {
      json_t *id = json_object_get(r, "id");
      json_t *o = json_is_string(id) ? json_object_get(by, json_string_value(id)) : NULL;
      if (!o || json_object_get(r, "title")) continue;
      if (json_is_string(json_object_get(o, "title"))) json_object_set(r, "title", json_object_get(o, "title"));
      if (json_is_string(json_object_get(o, "event_date"))) json_object_set(r, "event_date", json_object_get(o, "event_date"));
    }
  }
  json_decref(by);
}

/* "2020-09" of a story's latest article, or "" (no date). */
static void month_of(json_t *s, char out[8]) {
  json_t *t = json_object_get(s, "last_published");
  if (!json_is_string(t)) t = json_object_get(s, "first_published");
  if (!json_is_string(t)) t = json_object_get(s, "event_date");
  const char *v = json_is_string(t) ? json_string_value(t) : "";
  out[0] = 0;
  if (strlen(v) >= 7 && v[4] == '-') { memcpy(out, v, 7); out[7] = 0; }
}

/* One list page: title, the stories, and (index only) the months. */
static int write_list(rcp_ctx *ctx, json_t *list, json_t *months, const char *title, const char *lang,
                      const char *file, const char *dir, rcp_buf *b, rcp_buf *path) {
  rcp__buf_reset(b);
  rcp__html_page_begin(b, title, lang, 0);
  rcp__buf_adds(b, "<h1>");
  rcp__buf_html(b, title, strlen(title));
  rcp__buf_adds(b, "</h1>\n");
  rcp__html_story_list(b, list, 0);
  if (json_array_size(months)) {
    bool fr = lang && strncmp(lang, "fr", 2) == 0;
    rcp__buf_printf(b, "<h2>%s</h2>\n<ul class=\"months\">\n", fr ? "Par mois" : "By month");
    size_t i;
    json_t *m;
    json_array_foreach(months, i, m) {
      const char *ym = json_string_value(json_object_get(m, "month"));
      char name[64];
      char iso[11];
      snprintf(iso, sizeof iso, "%s-01", ym ? ym : "");
      rcp__fmt_month(iso, lang, name, sizeof name);
      rcp__buf_printf(b, "<li><a href=\"index-%s.html\">%s</a> (%lld)</li>\n", ym && ym[0] ? ym : "undated",
                      name[0] ? name : (fr ? "sans date" : "undated"),
                      (long long)json_integer_value(json_object_get(m, "n")));
    }
    rcp__buf_adds(b, "</ul>\n");
  }
  rcp__html_page_end(b);
  rcp__buf_reset(path);
  rcp__buf_printf(path, "%s/%s", dir, file);
  int rc = buf_rc(b);
  if (rc == RCP_OK) rc = buf_rc(path);
  if (rc == RCP_OK) rc = write_file(ctx, path->p, b->p, b->n);
  return rc;
}

/* index.html lists the INDEX_MAX newest stories (all of them when there
** are fewer), then links to index-YYYY-MM.html: every story whose latest
** article is of that month, so the archive is complete month by month
** and no page holds thousands of stories.  stories is sorted. */
static int write_index(rcp_ctx *ctx, json_t *stories, const char *dir, const char *lang,
                       rcp_buf *b, rcp_buf *path) {
  const rcp__labels *L = rcp__labels_for(lang);
  size_t n = json_array_size(stories);
  if (n <= INDEX_MAX) return write_list(ctx, stories, NULL, L->stories, lang, "index.html", dir, b, path);
  json_t *head = json_array(), *months = json_array();
  int rc = head && months ? RCP_OK : RCP_ENOMEM;
  for (size_t i = 0; i < INDEX_MAX && rc == RCP_OK; i++)
    if (json_array_append(head, json_array_get(stories, i))) rc = RCP_ENOMEM;
  /* the months, newest first (the array is sorted by latest article) */
  size_t i = 0;
  while (i < n && rc == RCP_OK) {
    char ym[8], ym2[8];
    month_of(json_array_get(stories, i), ym);
    size_t j = i + 1;
    while (j < n) {
      month_of(json_array_get(stories, j), ym2);
      if (strcmp(ym, ym2) != 0) break;
      j++;
    }
    json_t *page = json_array();
    for (size_t k = i; k < j && page; k++) json_array_append(page, json_array_get(stories, k));
    if (!page) { rc = RCP_ENOMEM; break; }
    char file[32], title[96], name[64], iso[11];
    snprintf(file, sizeof file, "index-%s.html", ym[0] ? ym : "undated");
    snprintf(iso, sizeof iso, "%s-01", ym);
    rcp__fmt_month(iso, lang, name, sizeof name);
    snprintf(title, sizeof title, "%s, %s", L->stories, name[0] ? name : "?");
    rc = write_list(ctx, page, NULL, title, lang, file, dir, b, path);
    json_decref(page);
    if (rc == RCP_OK && json_array_append_new(months, json_pack("{s:s, s:I}", "month", ym, "n", (json_int_t)(j - i))))
      rc = RCP_ENOMEM;
    i = j;
  }
  if (rc == RCP_OK) rc = write_list(ctx, head, months, L->stories, lang, "index.html", dir, b, path);
  json_decref(head);
  json_decref(months);
  return rc;
}

int rcp__render_site_json(rcp_ctx *ctx, json_t *stories, const char *dir) {
  if (!json_is_array(stories)) return rcp__err(ctx, RCP_EPARSE, "render: stories are not an array");
  rcp__stories_sort(stories);
  name_related(stories);
  size_t dl = strlen(dir);
  rcp_buf path, b;
  rcp__buf_init(&path, 4096 + dl);
  rcp__buf_init(&b, PAGE_MAX);
  int rc = RCP_OK;
  size_t i;
  json_t *s;

  /* stories.md */
  const char *lang0 = NULL;
  json_array_foreach(stories, i, s) {
    json_t *l = json_object_get(s, "language");
    if (json_is_string(l)) { lang0 = json_string_value(l); break; }
  }
  const rcp__labels *L0 = rcp__labels_for(lang0);
  rcp__buf_printf(&b, "# %s\n", L0->stories);
  json_array_foreach(stories, i, s) {
    rcp__buf_addc(&b, '\n');
    if ((rc = rcp__md_story(&b, s)) != RCP_OK) break;
  }
  if (!json_array_size(stories)) rcp__buf_printf(&b, "\n%s\n", L0->no_stories);
  rcp__buf_printf(&path, "%s/stories.md", dir);
  if (rc == RCP_OK) rc = buf_rc(&b);
  if (rc == RCP_OK) rc = buf_rc(&path);
  if (rc == RCP_OK) rc = write_file(ctx, path.p, b.p ? b.p : "", b.n);

  /* index.html: the newest INDEX_MAX stories, then one page a month */
  if (rc == RCP_OK) rc = write_index(ctx, stories, dir, lang0, &b, &path);

  /* stories/ID.html */
  if (rc == RCP_OK) {
    rcp__buf_reset(&path);
    rcp__buf_printf(&path, "%s/stories", dir);
    rc = buf_rc(&path);
    if (rc == RCP_OK) rc = make_dir(ctx, path.p);
  }
  json_array_foreach(stories, i, s) {
    if (rc != RCP_OK) break;
    json_t *id = json_object_get(s, "id");
    json_t *title = json_object_get(s, "title");
    json_t *lang = json_object_get(s, "language");
    if (!json_is_string(id)) continue;
    rcp__buf_reset(&b);
    rcp__html_page_begin(&b, json_is_string(title) ? json_string_value(title) : json_string_value(id),
                         json_is_string(lang) ? json_string_value(lang) : NULL, 2);
    rc = rcp__html_story(&b, s, 2);
    rcp__html_page_end(&b);
    rcp__buf_reset(&path);
    rcp__buf_printf(&path, "%s/stories/", dir);
    rcp__html_id_path(&path, json_string_value(id), 0);
    rcp__buf_adds(&path, ".html");
    if (rc == RCP_OK) rc = buf_rc(&b);
    if (rc == RCP_OK) rc = buf_rc(&path);
    if (rc == RCP_OK) rc = write_direct(ctx, path.p, b.p, b.n);
  }
  if (rc == RCP_ENOMEM || rc == RCP_ETOOBIG) rcp__err(ctx, rc, "render: %s", rcp_strerror(rc));
  rcp__buf_free(&b);
  rcp__buf_free(&path);
  return rc;
}

/* stories.json: the compact array with a newline before each story, so
** the file is both small and greppable (any JSON reader takes it).  One
** linear pass over the compact text: a top-level comma is one outside any
** string at depth 1. */
static int write_stories_json(rcp_ctx *ctx, const char *js, const char *dir) {
  size_t n = strlen(js);
  rcp_buf b, path;
  rcp__buf_init(&b, n + n / 16 + 64);
  rcp__buf_init(&path, 4096 + strlen(dir));
  rcp__buf_printf(&path, "%s/stories.json", dir);
  int depth = 0;
  bool str = false, esc = false;
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    char c = js[i];
    bool nl_before = false, nl_after = false;
    if (str) {
      if (esc) esc = false;
      else if (c == '\\') esc = true;
      else if (c == '"') str = false;
    } else if (c == '"') str = true;
    else if (c == '[' || c == '{') { if (depth == 0) nl_after = true; depth++; }
    else if (c == ']' || c == '}') { depth--; if (depth == 0) nl_before = true; }
    else if (c == ',' && depth == 1) nl_after = true;
    if (nl_before) { rcp__buf_add(&b, js + i - run, run); run = 0; rcp__buf_addc(&b, '\n'); }
    run++;
    if (nl_after) { rcp__buf_add(&b, js + i + 1 - run, run); run = 0; rcp__buf_addc(&b, '\n'); }
  }
  rcp__buf_add(&b, js + n - run, run);
  rcp__buf_addc(&b, '\n');
  int rc = buf_rc(&b);
  if (rc == RCP_OK) rc = buf_rc(&path);
  if (rc == RCP_OK) rc = write_file(ctx, path.p, b.p, b.n);
  rcp__buf_free(&b);
  rcp__buf_free(&path);
  return rc;
}

int rcp_render_site(rcp_ctx *ctx, const char *dir) {
  if (!dir || !dir[0]) return rcp__err(ctx, RCP_EINVAL, "render: no output directory");
  int rc = make_dir(ctx, dir);
  if (rc != RCP_OK) return rc;
  char *js = NULL;
  rc = rcp_stories_json(ctx, NULL, 0, &js);
  if (rc != RCP_OK) return rc;
  /* the contract as the store gives it, before the pages sort by date */
  rc = write_stories_json(ctx, js, dir);
  json_t *stories = NULL;
  if (rc == RCP_OK) {
    json_error_t jerr;
    stories = json_loads(js, 0, &jerr);
    if (!stories) rc = rcp__err(ctx, RCP_EPARSE, "render: stories JSON: %s", jerr.text);
  }
  free(js);
  if (rc == RCP_OK) rc = rcp__render_site_json(ctx, stories, dir);
  json_decref(stories);
  return rc;
}
