/* render_md.c -- stage 9: the Markdown rendering of story digests, and the
** pieces every rendering shares (section labels in the story's language,
** dates written out, citation numbers).
**
** Input is a story JSON object (the DESIGN.md contract plus the digest
** keys of digest.c and the facts keys); absent keys are skipped, so a story
** without facts or digest still renders.  Every citation [n] is the
** article's number in the story's "sources" list (else its "articles"
** list), linked to the article's URL when it has an http(s) one.  Text is
** escaped for Markdown (and for the HTML a Markdown viewer may pass).
** Not here: HTML (render_html.c), reading the store (stories.c).
*/
#include "recoupe_int.h"

#include <jansson.h> /* json_object_get, json_array_foreach */
#include <stdio.h>   /* snprintf */
#include <stdlib.h>  /* atoi */
#include <string.h>  /* strcmp, strncmp */

/* Disagreements shown, and values shown for each: a story followed for
** days (death tolls rising) can have dozens; the JSON keeps them all. */
#define MAX_DISAGREEMENTS 8
#define MAX_VALUES 6

/* ================================================================== */
/* Labels and dates                                                   */
/* ================================================================== */

static const rcp__labels labels_fr = {
  "Points clés", "Résumé rapide", "Chiffres et divergences", "Qui, où", "Chronologie", "Sources",
  "articles", "article", "sources indépendantes", "source indépendante", "première parution",
  "original", "copie de", "réécriture de", "mise à jour de", "traduction de", "source créditée",
  "Histoires", "Histoires liées", "même fil", "Aucune histoire.", "dernière parution"
};
static const rcp__labels labels_en = {
  "Key points", "Quick summary", "Figures and disagreements", "Who, where", "Timeline", "Sources",
  "articles", "article", "independent sources", "independent source", "first published",
  "original", "copy of", "rewrite of", "update of", "translation of", "credited source",
  "Stories", "Related stories", "storyline", "No stories.", "latest article"
};

const rcp__labels *rcp__labels_for(const char *lang) {
  return lang && strncmp(lang, "fr", 2) == 0 ? &labels_fr : &labels_en;
}

static const char *const months_fr[] = { "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre" };
static const char *const months_fr_short[] = { "janv.", "févr.", "mars", "avr.", "mai", "juin",
  "juil.", "août", "sept.", "oct.", "nov.", "déc." };
static const char *const months_en[] = { "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December" };
static const char *const months_en_short[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
  "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Reads "YYYY-MM-DD" and an optional "THH:MM" as written (no time zone
** conversion: the publisher's local time is what readers expect). */
static bool parse_ymd(const char *s, int *y, int *m, int *d, int *hh, int *mm) {
  *hh = *mm = -1;
  if (!s || strlen(s) < 10) return false;
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  *y = atoi(s);
  *m = (s[5] - '0') * 10 + (s[6] - '0');
  *d = (s[8] - '0') * 10 + (s[9] - '0');
  if (*m < 1 || *m > 12 || *d < 1 || *d > 31) return false;
  if ((s[10] == 'T' || s[10] == ' ') && strlen(s) >= 16 && s[13] == ':' &&
      s[11] >= '0' && s[11] <= '9' && s[12] >= '0' && s[12] <= '9' &&
      s[14] >= '0' && s[14] <= '9' && s[15] >= '0' && s[15] <= '9') {
    *hh = (s[11] - '0') * 10 + (s[12] - '0');
    *mm = (s[14] - '0') * 10 + (s[15] - '0');
    if (*hh > 23 || *mm > 59) *hh = *mm = -1;
  }
  return true;
}

void rcp__fmt_related(const char *event_date, const char *kind, const char *lang,
                      const rcp__labels *L, char *out, size_t cap) {
  char date[64];
  rcp__fmt_date_long(event_date, lang, date, sizeof date);
  if (kind && strcmp(kind, "storyline") == 0) kind = L->storyline;
  snprintf(out, cap, "%s%s%s", date, date[0] && kind ? ", " : "", kind ? kind : "");
}

void rcp__fmt_date_long(const char *iso, const char *lang, char *out, size_t cap) {
  int y, m, d, hh, mm;
  if (!cap) return;
  out[0] = 0;
  if (!parse_ymd(iso, &y, &m, &d, &hh, &mm)) return;
  if (lang && strncmp(lang, "fr", 2) == 0)
    snprintf(out, cap, "%d%s %s %d", d, d == 1 ? "er" : "", months_fr[m - 1], y);
  else
    snprintf(out, cap, "%d %s %d", d, months_en[m - 1], y);
}

void rcp__fmt_month(const char *iso, const char *lang, char *out, size_t cap) {
  int y, m, d, hh, mm;
  if (!cap) return;
  out[0] = 0;
  if (!parse_ymd(iso, &y, &m, &d, &hh, &mm)) return;
  snprintf(out, cap, "%s %d", lang && strncmp(lang, "fr", 2) == 0 ? months_fr[m - 1] : months_en[m - 1], y);
}

void rcp__fmt_date_short(const char *iso, const char *lang, char *out, size_t cap) {
  int y, m, d, hh, mm;
  if (!cap) return;
  out[0] = 0;
  if (!parse_ymd(iso, &y, &m, &d, &hh, &mm)) return;
  bool fr = lang && strncmp(lang, "fr", 2) == 0;
  int k = snprintf(out, cap, "%d %s %d", d, fr ? months_fr_short[m - 1] : months_en_short[m - 1], y);
  if (hh >= 0 && k > 0 && (size_t)k < cap) snprintf(out + k, cap - (size_t)k, " %02d:%02d", hh, mm);
}

/* ================================================================== */
/* Citations                                                          */
/* ================================================================== */

static const char *str_of(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

int rcp__cite_number(json_t *story, const char *id) {
  if (!id) return 0;
  size_t i;
  json_t *x;
  json_t *src = json_object_get(story, "sources");
  if (json_is_array(src) && json_array_size(src)) {
    json_array_foreach(src, i, x) {
      const char *a = str_of(x, "article");
      if (a && strcmp(a, id) == 0) {
        json_t *n = json_object_get(x, "n");
        return json_is_integer(n) ? (int)json_integer_value(n) : (int)i + 1;
      }
    }
  }
  json_t *arts = json_object_get(story, "articles");
  json_array_foreach(arts, i, x) {
    const char *a = json_is_string(x) ? json_string_value(x) : str_of(x, "id");
    if (a && strcmp(a, id) == 0) return (int)i + 1;
  }
  return 0;
}

static bool is_http(const char *u) {
  return u && (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0);
}

const char *rcp__article_url(json_t *story, const char *id) {
  if (!id) return NULL;
  size_t i;
  json_t *x;
  json_t *src = json_object_get(story, "sources");
  json_array_foreach(src, i, x) {
    const char *a = str_of(x, "article");
    if (a && strcmp(a, id) == 0) {
      if (is_http(str_of(x, "url"))) return str_of(x, "url");
      if (is_http(str_of(x, "source"))) return str_of(x, "source");
    }
  }
  json_t *arts = json_object_get(story, "articles");
  json_array_foreach(arts, i, x) {
    const char *a = str_of(x, "id");
    if (a && strcmp(a, id) == 0) {
      if (is_http(str_of(x, "url"))) return str_of(x, "url");
      if (is_http(str_of(x, "source"))) return str_of(x, "source");
    }
  }
  return NULL;
}

/* The name a reader knows a source by: its site, else the host of its
** http(s) URL, else the file name of its path, else its id.  Returns the
** length; *p points into the entry's strings ("" when it has none). */
size_t rcp__source_name(json_t *entry, const char **p) {
  const char *s = str_of(entry, "site");
  if (s && s[0]) { *p = s; return strlen(s); }
  const char *u = str_of(entry, "url");
  if (!is_http(u)) u = str_of(entry, "source");
  if (is_http(u)) {
    const char *h = strstr(u, "://") + 3;
    size_t n = strcspn(h, "/?#");
    if (n) { *p = h; return n; }
  }
  const char *src = str_of(entry, "source");
  if (src && src[0]) {
    const char *b = strrchr(src, '/');
    b = b && b[1] ? b + 1 : src;
    *p = b;
    return strlen(b);
  }
  s = str_of(entry, "article");
  if (!s) s = str_of(entry, "id");
  *p = s ? s : "";
  return strlen(*p);
}

/* ": " in English, " : " in French (thin typography left to the reader). */
const char *rcp__colon(const char *lang) {
  return lang && strncmp(lang, "fr", 2) == 0 ? " : " : ": ";
}

/* ================================================================== */
/* Markdown                                                           */
/* ================================================================== */

/* Escapes Markdown specials; newlines become spaces. */
static int md_text(rcp_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|':
        rcp__buf_addc(b, '\\');
        rcp__buf_addc(b, c);
        break;
      case '<': rcp__buf_adds(b, "&lt;"); break;
      case '>': rcp__buf_adds(b, "&gt;"); break;
      case '&': rcp__buf_adds(b, "&amp;"); break;
      case '\n': case '\r': case '\t': rcp__buf_addc(b, ' '); break;
      default: rcp__buf_addc(b, c);
    }
  }
  return b->err;
}

static int md_s(rcp_buf *b, const char *s) { return s ? md_text(b, s, strlen(s)) : b->err; }

/* A URL inside (...): spaces and parentheses percent-encoded. */
static void md_url(rcp_buf *b, const char *u) {
  for (; *u; u++) {
    if (*u == ' ') rcp__buf_adds(b, "%20");
    else if (*u == '(') rcp__buf_adds(b, "%28");
    else if (*u == ')') rcp__buf_adds(b, "%29");
    else if (*u == '<' || *u == '>' || (unsigned char)*u < 0x20) rcp__buf_printf(b, "%%%02X", (unsigned char)*u);
    else rcp__buf_addc(b, *u);
  }
}

/* Anchor of source n of a story in stories.md: "src-ID-n" (the id made
** file-safe), put before the source's line by md_sources. */
static void md_anchor(rcp_buf *b, json_t *story, int n) {
  rcp__buf_adds(b, "src-");
  rcp__html_id_path(b, str_of(story, "id"), 0);
  rcp__buf_printf(b, "-%d", n);
}

/* " [1, 3]", each number a link to its article: its http(s) URL, else its
** line in the story's source list. */
static void md_cites(rcp_buf *b, json_t *story, json_t *ids) {
  size_t i;
  json_t *x;
  int any = 0;
  json_array_foreach(ids, i, x) {
    if (!json_is_string(x)) continue;
    int n = rcp__cite_number(story, json_string_value(x));
    if (!n) continue;
    rcp__buf_adds(b, any ? ", " : " \\[");
    const char *u = rcp__article_url(story, json_string_value(x));
    rcp__buf_printf(b, "[%d](", n);
    if (u) md_url(b, u);
    else { rcp__buf_addc(b, '#'); md_anchor(b, story, n); }
    rcp__buf_addc(b, ')');
    any = 1;
  }
  if (any) rcp__buf_adds(b, "\\]");
}

static const char *story_lang(json_t *story) {
  const char *l = str_of(story, "language");
  return l ? l : "en";
}

/* The line under the title: date, counts, first publisher. */
static void md_meta(rcp_buf *b, json_t *story, const rcp__labels *L) {
  char date[64];
  const char *lang = story_lang(story);
  rcp__fmt_date_long(str_of(story, "event_date"), lang, date, sizeof date);
  size_t narts = json_array_size(json_object_get(story, "articles"));
  if (!narts) narts = json_array_size(json_object_get(story, "sources"));
  json_t *ind = json_object_get(story, "independent_sources");
  if (!json_is_integer(ind)) ind = json_object_get(story, "source_groups");
  const char *sep = "";
  if (date[0]) { md_s(b, date); sep = " · "; }
  rcp__buf_printf(b, "%s%zu %s", sep, narts, narts == 1 ? L->article : L->articles);
  if (json_is_integer(ind))
    rcp__buf_printf(b, " · %lld %s", (long long)json_integer_value(ind),
                    json_integer_value(ind) == 1 ? L->indep1 : L->indep);
  const char *fp = str_of(story, "first_publisher");
  if (fp) { rcp__buf_printf(b, " · %s%s", L->first_pub, rcp__colon(lang)); md_s(b, fp); }
  rcp__buf_addc(b, '\n');
}

static void md_figures(rcp_buf *b, json_t *story, const rcp__labels *L) {
  json_t *dis = json_object_get(story, "disagreements");
  json_t *figs = json_object_get(story, "figures");
  if (!json_array_size(dis) && !json_array_size(figs)) return;
  rcp__buf_printf(b, "\n### %s\n\n", L->figures);
  bool fr = strncmp(story_lang(story), "fr", 2) == 0;
  size_t i, j;
  json_t *d, *v;
  json_array_foreach(dis, i, d) {
    if (i == MAX_DISAGREEMENTS) {
      rcp__buf_printf(b, "- (+%zu)\n", json_array_size(dis) - i);
      break;
    }
    rcp__buf_adds(b, "- ");
    md_s(b, str_of(d, "about"));
    rcp__buf_adds(b, fr ? " : " : ": ");
    json_t *vals = json_object_get(d, "values");
    json_array_foreach(vals, j, v) {
      if (j == MAX_VALUES) { rcp__buf_printf(b, " · (+%zu)", json_array_size(vals) - j); break; }
      if (j) rcp__buf_adds(b, " · ");
      rcp__buf_adds(b, fr ? "« " : "“");
      md_s(b, str_of(v, "text"));
      rcp__buf_adds(b, fr ? " »" : "”");
      md_cites(b, story, json_object_get(v, "articles"));
    }
    rcp__buf_addc(b, '\n');
  }
  /* figures not already in a disagreement, at most 8 */
  size_t shown = 0;
  json_array_foreach(figs, i, d) {
    if (shown >= 8) break;
    const char *t = str_of(d, "text");
    if (!t) continue;
    bool in_dis = false;
    json_t *dd;
    size_t k;
    json_array_foreach(dis, k, dd) {
      json_array_foreach(json_object_get(dd, "values"), j, v)
        if (str_of(v, "text") && strcmp(str_of(v, "text"), t) == 0) in_dis = true;
    }
    if (in_dis) continue;
    rcp__buf_adds(b, "- ");
    md_s(b, t);
    json_t *one = json_array();
    if (str_of(d, "article")) json_array_append_new(one, json_string(str_of(d, "article")));
    md_cites(b, story, json_object_get(d, "articles") ? json_object_get(d, "articles") : one);
    json_decref(one);
    rcp__buf_addc(b, '\n');
    shown++;
  }
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

static void md_entities(rcp_buf *b, json_t *story, const rcp__labels *L) {
  json_t *ents = json_object_get(story, "entities");
  if (!json_array_size(ents)) return;
  rcp__buf_printf(b, "\n### %s\n\n", L->who);
  size_t i;
  json_t *e;
  int n = 0;
  /* persons, organisations, then places: the order the facts stage gives
  ** within each type */
  static const char *const types[] = { "person", "organization", "place", NULL };
  for (int t = 0; types[t]; t++)
    json_array_foreach(ents, i, e) {
      const char *ty = str_of(e, "type");
      if (!ty || strcmp(ty, types[t]) != 0 || n >= 20 || !str_of(e, "name")) continue;
      if (name_seen(ents, i, str_of(e, "name"))) continue;
      if (n++) rcp__buf_adds(b, " · ");
      md_s(b, str_of(e, "name"));
      const char *role = str_of(e, "role");
      if (role) { rcp__buf_adds(b, " ("); md_s(b, role); rcp__buf_addc(b, ')'); }
    }
  rcp__buf_addc(b, '\n');
}

static void md_sources(rcp_buf *b, json_t *story, const rcp__labels *L) {
  json_t *src = json_object_get(story, "sources");
  const char *lang = story_lang(story);
  size_t i;
  json_t *s;
  rcp__buf_printf(b, "\n### %s\n\n", L->sources);
  if (!json_array_size(src)) {
    /* no digest: the contract's article list */
    json_array_foreach(json_object_get(story, "articles"), i, s) {
      char when[64];
      rcp__fmt_date_short(str_of(s, "published"), lang, when, sizeof when);
      rcp__buf_printf(b, "%zu. <a id=\"", i + 1);
      md_anchor(b, story, (int)i + 1);
      rcp__buf_adds(b, "\"></a>");
      const char *site;
      size_t sl = rcp__source_name(s, &site);
      const char *u = rcp__article_url(story, str_of(s, "id"));
      if (u) { rcp__buf_addc(b, '['); md_text(b, site, sl); rcp__buf_adds(b, "]("); md_url(b, u); rcp__buf_addc(b, ')'); }
      else md_text(b, site, sl);
      if (when[0]) { rcp__buf_adds(b, ", "); md_s(b, when); }
      rcp__buf_addc(b, '\n');
    }
    return;
  }
  json_array_foreach(src, i, s) {
    char when[64];
    rcp__fmt_date_short(str_of(s, "published"), lang, when, sizeof when);
    json_t *nn = json_object_get(s, "n");
    int n = json_is_integer(nn) ? (int)json_integer_value(nn) : (int)i + 1;
    rcp__buf_printf(b, "%d. <a id=\"", n);
    md_anchor(b, story, n);
    rcp__buf_adds(b, "\"></a>");
    const char *site;
    size_t sl = rcp__source_name(s, &site);
    const char *u = rcp__article_url(story, str_of(s, "article"));
    if (u) { rcp__buf_addc(b, '['); md_text(b, site, sl); rcp__buf_adds(b, "]("); md_url(b, u); rcp__buf_addc(b, ')'); }
    else md_text(b, site, sl);
    if (when[0]) { rcp__buf_adds(b, ", "); md_s(b, when); }
    const char *role = str_of(s, "role");
    json_t *of = json_object_get(s, "of_n");
    rcp__buf_adds(b, " — ");
    if (!role || strcmp(role, "original") == 0 || !json_is_integer(of)) rcp__buf_adds(b, L->original);
    else {
      const char *what = strcmp(role, "copy") == 0 ? L->copy_of : strcmp(role, "rewrite") == 0 ? L->rewrite_of
                       : strcmp(role, "translation") == 0 ? L->translation_of : L->update_of;
      int on = (int)json_integer_value(of);
      rcp__buf_printf(b, "%s \\[[%d](#", what, on);
      md_anchor(b, story, on);
      rcp__buf_adds(b, ")\\]");
    }
    const char *cr = str_of(s, "credited_source");
    if (cr) {
      rcp__buf_printf(b, " · %s%s", L->credited, rcp__colon(lang));
      if (is_http(cr)) { rcp__buf_addc(b, '<'); md_url(b, cr); rcp__buf_addc(b, '>'); }
      else md_s(b, cr);
    }
    rcp__buf_addc(b, '\n');
  }
}

int rcp__md_story(rcp_buf *b, json_t *story) {
  if (!json_is_object(story)) return RCP_EINVAL;
  const rcp__labels *L = rcp__labels_for(story_lang(story));
  size_t i;
  json_t *k;
  if (str_of(story, "id")) {
    rcp__buf_adds(b, "<a id=\"story-");
    rcp__html_id_path(b, str_of(story, "id"), 0);
    rcp__buf_adds(b, "\"></a>\n\n");
  }
  rcp__buf_adds(b, "## ");
  const char *title = str_of(story, "title");
  md_s(b, title && title[0] ? title : str_of(story, "id"));
  rcp__buf_addc(b, '\n');
  md_meta(b, story, L);
  json_t *kp = json_object_get(story, "key_points");
  if (json_array_size(kp)) {
    rcp__buf_printf(b, "\n### %s\n\n", L->key_points);
    json_array_foreach(kp, i, k) {
      rcp__buf_adds(b, "- ");
      md_s(b, str_of(k, "text"));
      md_cites(b, story, json_object_get(k, "articles"));
      rcp__buf_addc(b, '\n');
    }
  }
  json_t *ss = json_object_get(story, "summary_sentences");
  if (json_array_size(ss)) {
    rcp__buf_printf(b, "\n### %s\n\n", L->summary);
    json_array_foreach(ss, i, k) {
      if (i) rcp__buf_addc(b, ' ');
      md_s(b, str_of(k, "text"));
      md_cites(b, story, json_object_get(k, "articles"));
    }
    rcp__buf_addc(b, '\n');
  } else if (str_of(story, "summary") && str_of(story, "summary")[0]) {
    rcp__buf_printf(b, "\n### %s\n\n", L->summary);
    md_s(b, str_of(story, "summary"));
    rcp__buf_addc(b, '\n');
  }
  md_figures(b, story, L);
  md_entities(b, story, L);
  json_t *tl = json_object_get(story, "timeline");
  if (json_array_size(tl)) {
    rcp__buf_printf(b, "\n### %s\n\n", L->timeline);
    json_array_foreach(tl, i, k) {
      char date[64];
      rcp__fmt_date_long(str_of(k, "date"), story_lang(story), date, sizeof date);
      rcp__buf_adds(b, "- ");
      md_s(b, date);
      rcp__buf_adds(b, " — ");
      md_s(b, str_of(k, "text"));
      md_cites(b, story, json_object_get(k, "articles"));
      rcp__buf_addc(b, '\n');
    }
  }
  md_sources(b, story, L);
  json_t *rel = json_object_get(story, "related_stories");
  if (json_array_size(rel)) {
    rcp__buf_printf(b, "\n%s%s", L->related, rcp__colon(story_lang(story)));
    json_array_foreach(rel, i, k) {
      const char *rid = str_of(k, "id"), *rt = str_of(k, "title");
      if (!rid) continue;
      if (i) rcp__buf_adds(b, ", ");
      /* a link to its section (the anchor before each "## ") */
      rcp__buf_addc(b, '[');
      md_s(b, rt && rt[0] ? rt : rid);
      rcp__buf_adds(b, "](#story-");
      rcp__html_id_path(b, rid, 0);
      rcp__buf_addc(b, ')');
      char note[192];
      rcp__fmt_related(str_of(k, "event_date"), str_of(k, "kind"), story_lang(story), L, note, sizeof note);
      if (note[0]) { rcp__buf_adds(b, " ("); md_s(b, note); rcp__buf_addc(b, ')'); }
    }
    rcp__buf_addc(b, '\n');
  }
  return b->err;
}
