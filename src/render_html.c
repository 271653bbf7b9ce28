/* render_html.c -- stage 9: HTML of story digests, for the static site
** (rcp_render_site) and the web UI (web.c).
**
** One page shell (inline style sheet, system fonts, a single column that
** reads on a phone and a desktop; nothing is fetched from the network), the
** story page (title, counts, key points, summary, figures and
** disagreements, people and places, timeline, the two SVG pictures, sources
** with their relations) and the story list.  Every citation number links to
** its article: the article page in the web UI, else the article's URL, else
** its line in the source list.  Every string from the data goes through
** rcp__buf_html; URLs are only put in href when they are http(s).
** Not here: reading the store, HTTP (web.c), Markdown (render_md.c).
*/
#include "recoupe_int.h"

#include <jansson.h> /* json_object_get, json_array_foreach */
#include <stdlib.h>  /* qsort */
#include <string.h>  /* strcmp, strlen */

/* Disagreements shown, and values shown for each: a story followed for
** days (death tolls rising) can have dozens; the JSON keeps them all. */
#define MAX_DISAGREEMENTS 8
#define MAX_VALUES 6

static const char css[] =
  ":root{--fg:#1d1d1f;--muted:#5f6368;--bg:#fff;--line:#e3e3e3;--accent:#0b57d0;"
  "--orig:#1b7f3b;--copy:#c5221f;--rewrite:#e37400;--update:#7b3fb5}"
  "@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--muted:#9aa0a6;--bg:#1f1f1f;"
  "--line:#3c4043;--accent:#8ab4f8}}"
  "*{box-sizing:border-box}"
  "body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.55 system-ui,-apple-system,"
  "'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}"
  "header.top{border-bottom:1px solid var(--line);padding:.6rem 1rem}"
  "header.top a{color:var(--fg);font-weight:700;text-decoration:none}"
  "main{max-width:46rem;margin:0 auto;padding:1rem}"
  "h1{font-size:1.6rem;line-height:1.25;margin:.4rem 0}"
  "h2{font-size:1.1rem;margin:1.6rem 0 .4rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}"
  "a{color:var(--accent)}"
  ".meta{color:var(--muted);font-size:.92rem;margin:.2rem 0}"
  ".cite{font-size:.85rem;white-space:nowrap;color:var(--muted)}"
  "ul,ol{padding-left:1.3rem}li{margin:.35rem 0}"
  ".stories{list-style:none;padding:0}.stories li{border-bottom:1px solid var(--line);padding:.7rem 0}"
  ".stories a.t{font-weight:600;font-size:1.08rem;text-decoration:none}"
  ".lead{margin:.2rem 0;font-size:.95rem}"
  ".role{font-size:.8rem;padding:0 .35rem;border-radius:.6rem;color:#fff;background:var(--orig)}"
  ".role.copy{background:var(--copy)}.role.rewrite{background:var(--rewrite)}"
  ".role.update,.role.translation{background:var(--update)}"
  "figure{margin:1rem 0;overflow-x:auto}figcaption{color:var(--muted);font-size:.85rem}"
  "svg text{fill:var(--fg);font:11px system-ui,sans-serif}"
  "form.filters{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 1rem}"
  "form.filters input,form.filters select{font:inherit;font-size:.9rem;padding:.25rem .4rem;"
  "max-width:100%;border:1px solid var(--line);border-radius:.3rem;background:var(--bg);color:var(--fg)}"
  "form.filters input[type=search]{flex:1 1 12rem}"
  "form.filters label{display:flex;gap:.3rem;align-items:center;font-size:.9rem;color:var(--muted)}"
  ".text p{margin:.6rem 0}table.kv td{padding:.1rem .6rem .1rem 0;vertical-align:top}"
  ".pager{margin:1rem 0}.err{color:var(--copy)}"
  "@media (max-width:600px){body{font-size:16px}h1{font-size:1.35rem}main{padding:.7rem}}";

/* ================================================================== */
/* Helpers                                                            */
/* ================================================================== */

static const char *str_of(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static void h(rcp_buf *b, const char *s) { if (s) rcp__buf_html(b, s, strlen(s)); }

static bool is_http(const char *u) {
  return u && (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0);
}

/* Path-safe form of an id: %XX in web URL paths (the server decodes
** them), _XX in the static site's file names. */
static void id_path_m(rcp_buf *b, const char *id, int web) {
  static const char hex[] = "0123456789ABCDEF";
  for (const unsigned char *p = (const unsigned char *)(id ? id : ""); *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
        *p == '-' || *p == '_')
      rcp__buf_addc(b, (char)*p);
    else { rcp__buf_addc(b, web == 1 ? '%' : '_'); rcp__buf_addc(b, hex[*p >> 4]); rcp__buf_addc(b, hex[*p & 15]); }
  }
}

void rcp__html_id_path(rcp_buf *b, const char *id, int web) { id_path_m(b, id, web); }

static const char *story_lang(json_t *story) {
  const char *l = str_of(story, "language");
  return l ? l : "en";
}

/* href of article id: web page, URL, or its line in the sources. */
static void article_href(rcp_buf *b, json_t *story, const char *id, int n, int web) {
  if (web == 1) { rcp__buf_adds(b, "/articles/"); id_path_m(b, id, 1); return; }
  const char *u = rcp__article_url(story, id);
  if (u) h(b, u);
  else rcp__buf_printf(b, "#src-%d", n);
}

static void cites(rcp_buf *b, json_t *story, json_t *ids, int web) {
  size_t i;
  json_t *x;
  int any = 0;
  json_array_foreach(ids, i, x) {
    if (!json_is_string(x)) continue;
    int n = rcp__cite_number(story, json_string_value(x));
    if (!n) continue;
    rcp__buf_adds(b, any ? ", " : " <span class=\"cite\">[");
    rcp__buf_adds(b, "<a href=\"");
    article_href(b, story, json_string_value(x), n, web);
    rcp__buf_printf(b, "\" title=\"");
    h(b, json_string_value(x));
    rcp__buf_printf(b, "\">%d</a>", n);
    any = 1;
  }
  if (any) rcp__buf_adds(b, "]</span>");
}

static size_t narticles(json_t *story) {
  size_t n = json_array_size(json_object_get(story, "articles"));
  if (!n) n = json_array_size(json_object_get(story, "sources"));
  json_t *c = json_object_get(story, "article_count");
  if (!n && json_is_integer(c)) n = (size_t)json_integer_value(c);
  return n;
}

static void meta_line(rcp_buf *b, json_t *story, const rcp__labels *L) {
  char date[64];
  rcp__fmt_date_long(str_of(story, "event_date"), story_lang(story), date, sizeof date);
  size_t n = narticles(story);
  json_t *ind = json_object_get(story, "independent_sources");
  if (!json_is_integer(ind)) ind = json_object_get(story, "source_groups");
  const char *sep = "";
  if (date[0]) { h(b, date); sep = " · "; }
  rcp__buf_printf(b, "%s%zu %s", sep, n, n == 1 ? L->article : L->articles);
  if (json_is_integer(ind))
    rcp__buf_printf(b, " · %lld %s", (long long)json_integer_value(ind),
                    json_integer_value(ind) == 1 ? L->indep1 : L->indep);
  const char *fp = str_of(story, "first_publisher");
  if (fp) { rcp__buf_printf(b, " · %s%s", L->first_pub, rcp__colon(story_lang(story))); h(b, fp); }
}

/* ================================================================== */
/* Page shell                                                         */
/* ================================================================== */

int rcp__html_page_begin(rcp_buf *b, const char *title, const char *lang, int web) {
  rcp__buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
  h(b, lang && lang[0] ? lang : "en");
  rcp__buf_adds(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
  h(b, title);
  rcp__buf_adds(b, "</title>\n<style>");
  rcp__buf_adds(b, css);
  rcp__buf_adds(b, "</style>\n</head>\n<body>\n<header class=\"top\"><a href=\"");
  rcp__buf_adds(b, web == 1 ? "/" : web == 2 ? "../index.html" : "index.html");
  rcp__buf_adds(b, "\">recoupe</a></header>\n<main>\n");
  return b->err;
}

int rcp__html_page_end(rcp_buf *b) {
  rcp__buf_adds(b, "</main>\n</body>\n</html>\n");
  return b->err;
}

/* ================================================================== */
/* Story page                                                         */
/* ================================================================== */

static void figures(rcp_buf *b, json_t *story, const rcp__labels *L, int web) {
  json_t *dis = json_object_get(story, "disagreements");
  json_t *figs = json_object_get(story, "figures");
  if (!json_array_size(dis) && !json_array_size(figs)) return;
  bool fr = strncmp(story_lang(story), "fr", 2) == 0;
  rcp__buf_printf(b, "<section class=\"figures\"><h2>%s</h2>\n<ul>\n", L->figures);
  size_t i, j, k;
  json_t *d, *v, *dd;
  json_array_foreach(dis, i, d) {
    if (i == MAX_DISAGREEMENTS) {
      rcp__buf_printf(b, "<li class=\"meta\">(+%zu)</li>\n", json_array_size(dis) - i);
      break;
    }
    rcp__buf_adds(b, "<li class=\"disagreement\"><strong>");
    h(b, str_of(d, "about"));
    rcp__buf_adds(b, fr ? "</strong> : " : "</strong>: ");
    json_t *vals = json_object_get(d, "values");
    json_array_foreach(vals, j, v) {
      if (j == MAX_VALUES) { rcp__buf_printf(b, " · (+%zu)", json_array_size(vals) - j); break; }
      if (j) rcp__buf_adds(b, " · ");
      rcp__buf_adds(b, fr ? "« " : "“");
      h(b, str_of(v, "text"));
      rcp__buf_adds(b, fr ? " »" : "”");
      cites(b, story, json_object_get(v, "articles"), web);
    }
    rcp__buf_adds(b, "</li>\n");
  }
  size_t shown = 0;
  json_array_foreach(figs, i, d) {
    const char *t = str_of(d, "text");
    if (!t || shown >= 8) continue;
    bool in_dis = false;
    json_array_foreach(dis, k, dd) {
      json_array_foreach(json_object_get(dd, "values"), j, v)
        if (str_of(v, "text") && strcmp(str_of(v, "text"), t) == 0) in_dis = true;
    }
    if (in_dis) continue;
    rcp__buf_adds(b, "<li>");
    h(b, t);
    json_t *arts = json_object_get(d, "articles");
    json_t *one = NULL;
    if (!arts && str_of(d, "article")) {
      one = json_array();
      json_array_append_new(one, json_string(str_of(d, "article")));
      arts = one;
    }
    cites(b, story, arts, web);
    json_decref(one);
    rcp__buf_adds(b, "</li>\n");
    shown++;
  }
  rcp__buf_adds(b, "</ul></section>\n");
}

/* Was this name already shown (same name, earlier in the list, of a type
** shown before or at the same rank)?  Names repeat across types. */
static bool name_seen(json_t *ents, size_t upto, const char *name) {
  static const char *const order[] = { "person", "organization", "place", NULL };
  size_t i;
  json_t *e;
  const char *ty_now = NULL;
  json_t *cur = json_array_get(ents, upto);
  ty_now = str_of(cur, "type");
  int rank_now = 3;
  for (int k = 0; order[k]; k++) if (ty_now && strcmp(ty_now, order[k]) == 0) rank_now = k;
  json_array_foreach(ents, i, e) {
    const char *nm = str_of(e, "name"), *ty = str_of(e, "type");
    if (!nm || !ty || strcmp(nm, name) != 0 || i == upto) continue;
    int rank = 3;
    for (int k = 0; order[k]; k++) if (strcmp(ty, order[k]) == 0) rank = k;
    if (rank < rank_now || (rank == rank_now && i < upto)) return true;
  }
  return false;
}

static void entities(rcp_buf *b, json_t *story, const rcp__labels *L) {
  json_t *ents = json_object_get(story, "entities");
  if (!json_array_size(ents)) return;
  rcp__buf_printf(b, "<section class=\"who\"><h2>%s</h2>\n<p>", L->who);
  static const char *const types[] = { "person", "organization", "place", NULL };
  size_t i;
  json_t *e;
  int n = 0;
  for (int t = 0; types[t]; t++)
    json_array_foreach(ents, i, e) {
      const char *ty = str_of(e, "type");
      if (!ty || strcmp(ty, types[t]) != 0 || n >= 20 || !str_of(e, "name")) continue;
      if (name_seen(ents, i, str_of(e, "name"))) continue;
      if (n++) rcp__buf_adds(b, " · ");
      rcp__buf_printf(b, "<span class=\"ent %s\">", types[t]);
      h(b, str_of(e, "name"));
      const char *role = str_of(e, "role");
      if (role) { rcp__buf_adds(b, " ("); h(b, role); rcp__buf_addc(b, ')'); }
      rcp__buf_adds(b, "</span>");
    }
  rcp__buf_adds(b, "</p></section>\n");
}

static void sources(rcp_buf *b, json_t *story, const rcp__labels *L, int web) {
  const char *lang = story_lang(story);
  json_t *src = json_object_get(story, "sources");
  rcp__buf_printf(b, "<section class=\"sources\"><h2>%s</h2>\n<ol>\n", L->sources);
  size_t i;
  json_t *s;
  bool digest = json_array_size(src) > 0;
  json_t *list = digest ? src : json_object_get(story, "articles");
  json_array_foreach(list, i, s) {
    const char *id = str_of(s, digest ? "article" : "id");
    json_t *nn = json_object_get(s, "n");
    long long n = digest && json_is_integer(nn) ? (long long)json_integer_value(nn) : (long long)i + 1;
    char when[64];
    rcp__fmt_date_short(str_of(s, "published"), lang, when, sizeof when);
    rcp__buf_printf(b, "<li id=\"src-%lld\" value=\"%lld\">", n, n);
    const char *site;
    size_t sl = rcp__source_name(s, &site);
    const char *u = rcp__article_url(story, id);
    if (is_http(u)) { rcp__buf_adds(b, "<a href=\""); h(b, u); rcp__buf_adds(b, "\" rel=\"noopener\">"); rcp__buf_html(b, site, sl); rcp__buf_adds(b, "</a>"); }
    else if (web == 1) { rcp__buf_adds(b, "<a href=\"/articles/"); id_path_m(b, id, 1); rcp__buf_adds(b, "\">"); rcp__buf_html(b, site, sl); rcp__buf_adds(b, "</a>"); }
    else rcp__buf_html(b, site, sl);
    if (when[0]) { rcp__buf_adds(b, ", "); h(b, when); }
    const char *role = digest ? str_of(s, "role") : NULL;
    json_t *of = json_object_get(s, "of_n");
    rcp__buf_adds(b, " — ");
    if (!role || strcmp(role, "original") == 0 || !json_is_integer(of)) {
      if (digest) rcp__buf_printf(b, "<span class=\"role original\">%s</span>", L->original);
    } else {
      const char *what = strcmp(role, "copy") == 0 ? L->copy_of : strcmp(role, "rewrite") == 0 ? L->rewrite_of
                       : strcmp(role, "translation") == 0 ? L->translation_of : L->update_of;
      rcp__buf_adds(b, "<span class=\"role ");
      h(b, role);
      rcp__buf_printf(b, "\">%s</span> <a href=\"#src-%lld\">[%lld]</a>", what,
                      (long long)json_integer_value(of), (long long)json_integer_value(of));
    }
    const char *cr = str_of(s, "credited_source");
    if (cr) {
      rcp__buf_printf(b, " · %s%s", L->credited, rcp__colon(lang));
      if (is_http(cr)) { rcp__buf_adds(b, "<a href=\""); h(b, cr); rcp__buf_adds(b, "\" rel=\"noopener\">"); h(b, cr); rcp__buf_adds(b, "</a>"); }
      else h(b, cr);
    }
    const char *t = str_of(s, "title");
    if (t || web == 1) {
      rcp__buf_adds(b, "<br><span class=\"meta\">");
      if (web == 1) { rcp__buf_adds(b, "<a href=\"/articles/"); id_path_m(b, id, 1); rcp__buf_adds(b, "\">"); }
      h(b, t ? t : id);
      if (web == 1) rcp__buf_adds(b, "</a>");
      rcp__buf_adds(b, "</span>");
    }
    rcp__buf_adds(b, "</li>\n");
  }
  rcp__buf_adds(b, "</ol></section>\n");
}

int rcp__html_story(rcp_buf *b, json_t *story, int web) {
  if (!json_is_object(story)) return RCP_EINVAL;
  const char *lang = story_lang(story);
  const rcp__labels *L = rcp__labels_for(lang);
  size_t i;
  json_t *k;
  const char *title = str_of(story, "title");
  rcp__buf_adds(b, "<article class=\"story\" lang=\"");
  h(b, lang);
  rcp__buf_adds(b, "\">\n<h1>");
  h(b, title && title[0] ? title : str_of(story, "id"));
  rcp__buf_adds(b, "</h1>\n<p class=\"meta\">");
  meta_line(b, story, L);
  rcp__buf_adds(b, "</p>\n");
  json_t *kp = json_object_get(story, "key_points");
  if (json_array_size(kp)) {
    rcp__buf_printf(b, "<section class=\"points\"><h2>%s</h2>\n<ul>\n", L->key_points);
    json_array_foreach(kp, i, k) {
      rcp__buf_adds(b, "<li>");
      h(b, str_of(k, "text"));
      cites(b, story, json_object_get(k, "articles"), web);
      rcp__buf_adds(b, "</li>\n");
    }
    rcp__buf_adds(b, "</ul></section>\n");
  }
  json_t *ss = json_object_get(story, "summary_sentences");
  if (json_array_size(ss) || (str_of(story, "summary") && str_of(story, "summary")[0])) {
    rcp__buf_printf(b, "<section class=\"summary\"><h2>%s</h2>\n<p>", L->summary);
    if (json_array_size(ss))
      json_array_foreach(ss, i, k) {
        if (i) rcp__buf_addc(b, ' ');
        h(b, str_of(k, "text"));
        cites(b, story, json_object_get(k, "articles"), web);
      }
    else h(b, str_of(story, "summary"));
    rcp__buf_adds(b, "</p></section>\n");
  }
  figures(b, story, L, web);
  entities(b, story, L);
  json_t *tl = json_object_get(story, "timeline");
  if (json_array_size(tl)) {
    rcp__buf_printf(b, "<section class=\"timeline\"><h2>%s</h2>\n<ul>\n", L->timeline);
    json_array_foreach(tl, i, k) {
      char date[64];
      rcp__fmt_date_long(str_of(k, "date"), lang, date, sizeof date);
      rcp__buf_adds(b, "<li><strong>");
      h(b, date);
      rcp__buf_adds(b, "</strong> — ");
      h(b, str_of(k, "text"));
      cites(b, story, json_object_get(k, "articles"), web);
      rcp__buf_adds(b, "</li>\n");
    }
    rcp__buf_adds(b, "</ul></section>\n");
  }
  if (narticles(story) > 1) {
    bool fr = strncmp(lang, "fr", 2) == 0;
    rcp__buf_printf(b, "<section class=\"pictures\"><h2>%s</h2>\n<figure>", fr ? "Parutions et reprises" : "Publications and copies");
    rcp__svg_timeline(b, story, web);
    rcp__buf_printf(b, "<figcaption>%s</figcaption></figure>\n<figure>",
                    fr ? "Parutions dans le temps, par relation (original, copie, réécriture, mise à jour)."
                       : "Publications over time, by relation (original, copy, rewrite, update).");
    rcp__svg_graph(b, story, web);
    rcp__buf_printf(b, "<figcaption>%s</figcaption></figure></section>\n",
                    fr ? "Qui a repris qui : le premier éditeur à la racine."
                       : "Who copied whom: the first publisher at the root.");
  }
  sources(b, story, L, web);
  json_t *rel = json_object_get(story, "related_stories");
  if (json_array_size(rel)) {
    rcp__buf_printf(b, "<p class=\"meta\">%s%s", L->related, rcp__colon(lang));
    json_array_foreach(rel, i, k) {
      const char *rid = str_of(k, "id");
      if (!rid) continue;
      if (i) rcp__buf_adds(b, ", ");
      rcp__buf_adds(b, "<a href=\"");
      if (web == 1) rcp__buf_adds(b, "/stories/");
      id_path_m(b, rid, web);
      if (web != 1) rcp__buf_adds(b, ".html");
      rcp__buf_adds(b, "\">");
      const char *rt = str_of(k, "title");
      h(b, rt && rt[0] ? rt : rid);
      rcp__buf_adds(b, "</a>");
      char note[192];
      rcp__fmt_related(str_of(k, "event_date"), str_of(k, "kind"), lang, L, note, sizeof note);
      if (note[0]) { rcp__buf_adds(b, " ("); h(b, note); rcp__buf_addc(b, ')'); }
    }
    rcp__buf_adds(b, "</p>\n");
  }
  rcp__buf_adds(b, "</article>\n");
  return b->err;
}

/* ================================================================== */
/* Story list                                                         */
/* ================================================================== */

static const char *last_pub(json_t *s) {
  const char *t = str_of(s, "last_published");
  if (!t) t = str_of(s, "first_published");
  if (!t) t = str_of(s, "event_date");
  return t ? t : "";
}

static int cmp_story(const void *pa, const void *pb) {
  json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
  /* newest day first, then largest, then id */
  int c = strncmp(last_pub(b), last_pub(a), 10);
  if (c) return c;
  size_t na = narticles(a), nb = narticles(b);
  if (na != nb) return na < nb ? 1 : -1;
  const char *ia = str_of(a, "id"), *ib = str_of(b, "id");
  return strcmp(ia ? ia : "", ib ? ib : "");
}

void rcp__stories_sort(json_t *stories) {
  size_t n = json_array_size(stories);
  if (n < 2) return;
  json_t **v = rcp__malloc(n * sizeof *v);
  if (!v) return;
  for (size_t i = 0; i < n; i++) v[i] = json_incref(json_array_get(stories, i));
  qsort(v, n, sizeof *v, cmp_story);
  json_array_clear(stories);
  for (size_t i = 0; i < n; i++) json_array_append_new(stories, v[i]);
  rcp__free(v);
}

int rcp__html_story_list(rcp_buf *b, json_t *stories, int web) {
  size_t i;
  json_t *s;
  rcp__buf_adds(b, "<ul class=\"stories\">\n");
  json_array_foreach(stories, i, s) {
    const char *id = str_of(s, "id");
    const rcp__labels *L = rcp__labels_for(story_lang(s));
    rcp__buf_adds(b, "<li><a class=\"t\" href=\"");
    rcp__buf_adds(b, web == 1 ? "/stories/" : "stories/");
    id_path_m(b, id, web);
    if (web != 1) rcp__buf_adds(b, ".html");
    rcp__buf_adds(b, "\">");
    const char *title = str_of(s, "title");
    h(b, title && title[0] ? title : id);
    rcp__buf_adds(b, "</a>\n<p class=\"meta\">");
    meta_line(b, s, L);
    /* the list is ordered by the latest article: say it when that is
    ** another day than the event's */
    const char *lp = str_of(s, "last_published"), *ev = str_of(s, "event_date");
    if (lp && ev && strlen(lp) >= 10 && strncmp(lp, ev, 10) != 0) {
      char day[11], when[64];
      memcpy(day, lp, 10);
      day[10] = 0;
      rcp__fmt_date_short(day, story_lang(s), when, sizeof when);
      if (when[0]) { rcp__buf_printf(b, " · %s%s", L->latest, rcp__colon(story_lang(s))); h(b, when); }
    }
    rcp__buf_adds(b, "</p>");
    const char *lead = NULL;
    json_t *kp = json_object_get(s, "key_points");
    if (json_array_size(kp)) lead = str_of(json_array_get(kp, 0), "text");
    if (!lead) lead = str_of(s, "summary");
    if (lead && lead[0]) {
      size_t n = strlen(lead);
      rcp__buf_adds(b, "<p class=\"lead\">");
      if (n > 260) {
        size_t cut = 260;
        while (cut > 0 && ((unsigned char)lead[cut] & 0xC0) == 0x80) cut--;
        rcp__buf_html(b, lead, cut);
        rcp__buf_adds(b, "…");
      } else h(b, lead);
      rcp__buf_adds(b, "</p>");
    }
    rcp__buf_adds(b, "</li>\n");
  }
  rcp__buf_adds(b, "</ul>\n");
  if (json_array_size(stories) == 0)
    rcp__buf_printf(b, "<p class=\"meta\">%s</p>\n", rcp__labels_for(NULL)->no_stories);
  return b->err;
}
