/* render_svg.c -- stage 9: the two pictures of a story, drawn as inline SVG
** by recoupe itself (no chart library, nothing fetched).
**
**   rcp__svg_timeline: publications over time, one mark per article on a
**     time axis, one lane and one colour per relation (original, copy,
**     rewrite, update); each mark links to its article.
**   rcp__svg_graph: the copy graph, a layered tree: originals at the root
**     (the first publisher first), each article one column to the right of
**     what it derives from, edges coloured by relation.
**
** Input is the story JSON ("sources" of the digest; without it every
** article is drawn as an original).  Text is escaped; at most MAX_NODES
** articles are drawn, the rest counted in a note.  Deterministic layout.
*/
#include "recoupe_int.h"

#include <jansson.h> /* json_object_get, json_array_size */
#include <string.h>  /* strcmp, strlen */

#define MAX_NODES 80
#define W 640

typedef struct node {
  const char *id, *site, *role, *published;
  size_t sitelen;  /* site is (ptr, len): a URL's host or a path's file name */
  int64_t t;
  int of;      /* index of the parent node, -1 for a root */
  int depth, row;
} node;

static const char *str_of(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static void h(rcp_buf *b, const char *s) { if (s) rcp__buf_html(b, s, strlen(s)); }

static int role_lane(const char *role) {
  if (!role || strcmp(role, "original") == 0) return 0;
  if (strcmp(role, "copy") == 0) return 1;
  if (strcmp(role, "rewrite") == 0) return 2;
  return 3;
}

static const char *const lane_color[] = { "#1b7f3b", "#c5221f", "#e37400", "#7b3fb5" };
static const char *const lane_en[] = { "original", "copy", "rewrite", "update" };
static const char *const lane_fr[] = { "original", "copie", "réécriture", "mise à jour" };

/* Collects the nodes from "sources" (or "articles"); returns how many. */
static int nodes_of(json_t *story, node *v, int max, int *total) {
  json_t *src = json_object_get(story, "sources");
  bool digest = json_array_size(src) > 0;
  json_t *list = digest ? src : json_object_get(story, "articles");
  size_t i;
  json_t *s;
  int n = 0;
  *total = (int)json_array_size(list);
  json_array_foreach(list, i, s) {
    if (n >= max) break;
    node *x = &v[n++];
    x->id = str_of(s, digest ? "article" : "id");
    x->sitelen = rcp__source_name(s, &x->site);
    if (!x->sitelen) { x->site = "?"; x->sitelen = 1; }
    x->role = digest ? str_of(s, "role") : NULL;
    x->published = str_of(s, "published");
    x->t = x->published ? rcp__parse_iso(x->published) : INT64_MIN;
    x->of = -1;
    json_t *of = json_object_get(s, "of_n");
    if (digest && json_is_integer(of)) {
      json_int_t k = json_integer_value(of) - 1;
      if (k >= 0 && k < (json_int_t)i && k < max) x->of = (int)k;
    }
  }
  return n;
}

static void link_open(rcp_buf *b, json_t *story, const node *x, int idx, int web) {
  rcp__buf_adds(b, "<a href=\"");
  if (web == 1) {
    rcp__buf_adds(b, "/articles/");
    rcp__html_id_path(b, x->id, 1);
  } else {
    const char *u = rcp__article_url(story, x->id);
    if (u) h(b, u);
    else rcp__buf_printf(b, "#src-%d", idx + 1);
  }
  rcp__buf_adds(b, "\">");
}

int rcp__svg_timeline(rcp_buf *b, json_t *story, int web) {
  node v[MAX_NODES];
  int total;
  int n = nodes_of(story, v, MAX_NODES, &total);
  const char *lang = str_of(story, "language");
  bool fr = lang && strncmp(lang, "fr", 2) == 0;
  int64_t t0 = INT64_MAX, t1 = INT64_MIN;
  for (int i = 0; i < n; i++)
    if (v[i].t != INT64_MIN) { if (v[i].t < t0) t0 = v[i].t; if (v[i].t > t1) t1 = v[i].t; }
  const int left = 96, right = 16, top = 10, lane_h = 24;
  int hgt = top + 4 * lane_h + 30;
  rcp__buf_printf(b, "<svg class=\"pubtime\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
                     "preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">", W, hgt);
  rcp__buf_printf(b, "<title>%s</title>", fr ? "Parutions dans le temps" : "Publications over time");
  for (int l = 0; l < 4; l++) {
    int y = top + l * lane_h + lane_h / 2;
    rcp__buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\" stroke-dasharray=\"2,3\"/>",
                    left, y, W - right, y);
    rcp__buf_printf(b, "<text x=\"4\" y=\"%d\">%s</text>", y + 4, fr ? lane_fr[l] : lane_en[l]);
  }
  int axis = top + 4 * lane_h + 4;
  rcp__buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", left, axis, W - right, axis);
  if (t0 != INT64_MAX) {
    char d0[64], d1[64];
    const char *p0 = NULL, *p1 = NULL;
    for (int i = 0; i < n; i++) {
      if (v[i].t == t0 && !p0) p0 = v[i].published;
      if (v[i].t == t1) p1 = v[i].published;
    }
    rcp__fmt_date_short(p0, lang, d0, sizeof d0);
    rcp__fmt_date_short(p1, lang, d1, sizeof d1);
    rcp__buf_printf(b, "<text x=\"%d\" y=\"%d\">", left, axis + 16);
    h(b, d0);
    rcp__buf_adds(b, "</text>");
    if (t1 > t0) {
      rcp__buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", W - right, axis + 16);
      h(b, d1);
      rcp__buf_adds(b, "</text>");
    }
  }
  double span = t1 > t0 ? (double)(t1 - t0) : 1.0;
  for (int i = 0; i < n; i++) {
    int lane = role_lane(v[i].role);
    double x = v[i].t == INT64_MIN || t0 == INT64_MAX ? left
             : t1 > t0 ? left + 8 + (W - right - left - 16) * ((double)(v[i].t - t0) / span)
             : left + (W - right - left) / 2.0;
    int y = top + lane * lane_h + lane_h / 2;
    link_open(b, story, &v[i], i, web);
    rcp__buf_printf(b, "<circle cx=\"%.1f\" cy=\"%d\" r=\"6\" fill=\"%s\" fill-opacity=\"0.85\" stroke=\"#fff\">"
                       "<title>[%d] ", x, y, lane_color[lane], i + 1);
    rcp__buf_html(b, v[i].site, v[i].sitelen);
    if (v[i].published) { rcp__buf_adds(b, " · "); h(b, v[i].published); }
    rcp__buf_adds(b, "</title></circle></a>");
  }
  if (total > n)
    rcp__buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">+%d</text>", W - right, top + 8, total - n);
  rcp__buf_adds(b, "</svg>");
  return b->err;
}

int rcp__svg_graph(rcp_buf *b, json_t *story, int web) {
  node v[MAX_NODES];
  int total;
  int n = nodes_of(story, v, MAX_NODES, &total);
  const char *lang = str_of(story, "language");
  bool fr = lang && strncmp(lang, "fr", 2) == 0;
  /* depth: parents come earlier in the list (the view is in time order) */
  int maxd = 0;
  for (int i = 0; i < n; i++) {
    v[i].depth = v[i].of >= 0 ? v[v[i].of].depth + 1 : 0;
    if (v[i].depth > 6) v[i].depth = 6;
    if (v[i].depth > maxd) maxd = v[i].depth;
  }
  /* rows: depth-first order from each root, so children sit near parents */
  int order[MAX_NODES], no = 0;
  int stack[MAX_NODES], ns = 0;
  bool done[MAX_NODES] = { 0 };
  for (int r = 0; r < n; r++) {
    if (v[r].of >= 0 || done[r]) continue;
    stack[ns++] = r;
    while (ns) {
      int x = stack[--ns];
      if (done[x]) continue;
      done[x] = true;
      order[no++] = x;
      for (int c = n - 1; c >= 0; c--)
        if (v[c].of == x && !done[c] && ns < MAX_NODES) stack[ns++] = c;
    }
  }
  for (int i = 0; i < n; i++) if (!done[i]) order[no++] = i;
  for (int k = 0; k < no; k++) v[order[k]].row = k;
  const int row_h = 26, top = 14;
  int col_w = maxd ? (W - 150) / maxd : 0;
  if (col_w > 170) col_w = 170;
  int hgt = top + no * row_h + 6;
  rcp__buf_printf(b, "<svg class=\"copygraph\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
                     "preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">", W, hgt);
  rcp__buf_printf(b, "<title>%s</title>", fr ? "Graphe des reprises" : "Copy graph");
  for (int i = 0; i < n; i++) {
    if (v[i].of < 0) continue;
    const node *p = &v[v[i].of];
    int x1 = 12 + p->depth * col_w, y1 = top + p->row * row_h;
    int x2 = 12 + v[i].depth * col_w, y2 = top + v[i].row * row_h;
    /* an elbow: down from under the parent's circle, then right along the
    ** child's row, so no edge crosses a label (labels sit right of their
    ** circle, one node a row) */
    rcp__buf_printf(b, "<path d=\"M%d %d C%d %d %d %d %d %d\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>",
                    x1, y1 + 6, x1, y2, x1, y2, x2 - 7, y2, lane_color[role_lane(v[i].role)]);
  }
  for (int i = 0; i < n; i++) {
    int x = 12 + v[i].depth * col_w, y = top + v[i].row * row_h;
    int lane = role_lane(v[i].role);
    link_open(b, story, &v[i], i, web);
    rcp__buf_printf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"%s\"/>", x, y, lane_color[lane]);
    rcp__buf_printf(b, "<text x=\"%d\" y=\"%d\">[%d] ", x + 10, y + 4, i + 1);
    /* labels are cut at 28 bytes on a UTF-8 boundary */
    const char *s = v[i].site;
    size_t len = v[i].sitelen;
    if (len > 28) {
      len = 28;
      while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) len--;
      rcp__buf_html(b, s, len);
      rcp__buf_adds(b, "…");
    } else rcp__buf_html(b, s, len);
    if (v[i].of >= 0) rcp__buf_printf(b, " · %s", fr ? lane_fr[lane] : lane_en[lane]);
    rcp__buf_adds(b, "</text></a>");
  }
  if (total > n)
    rcp__buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">+%d</text>", W - 8, top, total - n);
  rcp__buf_adds(b, "</svg>");
  return b->err;
}
