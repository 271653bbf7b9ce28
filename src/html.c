/* html.c -- src/html.h over myhtml (libmodest-dev, HTML5 tree building).
**
** One myhtml instance and one tree per thread, created on first use and
** kept (thread-local): creating them costs about as much as parsing a small
** page (docs/extraction.md has the figures).  After a page larger than
** RCP_HTML_KEEP bytes the tree is destroyed rather than cleaned, so a worker
** does not keep the memory of its largest page for the rest of the run.
**
** Invariants: a thread holds at most one parsed page; node pointers are
** myhtml's own nodes and die with rcp__html_free.  This file does not
** decode charsets (the input is UTF-8) nor walk the tree (the extractor does).
*/
#include "recoupe_int.h"
#include "html.h"

#include <myhtml/api.h> /* myhtml_* */
#include <pthread.h>    /* pthread_key_create: free the parser at thread exit */
#include <string.h>     /* strlen */

#define RCP_HTML_KEEP ((size_t)4 << 20)
#define RCP_HTML_MAX_DEPTH 512  /* nesting kept; real pages stay under ~100 */
/* Tags kept: myhtml needs a few hundred bytes per node, so a page of a
** million tiny tags would take half a gigabyte.  Real pages have a few
** thousand tags; past this many, tags are removed and their text stays. */
#define RCP_HTML_MAX_TAGS 200000

struct rcp_html {
  myhtml_tree_t *tree;  /* the thread's tree; not owned */
  size_t n;             /* bytes parsed */
  char *flat;           /* owned: the page with over-deep tags cut, or NULL */
};

static _Thread_local myhtml_t *tl_mh;          /* owned by the thread */
static _Thread_local myhtml_tree_t *tl_tree;   /* owned by the thread */
static _Thread_local struct rcp_html tl_page;  /* the page in use */
static _Thread_local int tl_busy;

void rcp__html_thread_cleanup(void) {
  if (tl_tree) myhtml_tree_destroy(tl_tree);
  if (tl_mh) myhtml_destroy(tl_mh);
  tl_tree = NULL;
  tl_mh = NULL;
  tl_busy = 0;
}

static pthread_key_t exit_key;
static pthread_once_t exit_once = PTHREAD_ONCE_INIT;
static void on_thread_exit(void *unused) { (void)unused; rcp__html_thread_cleanup(); }
static void make_key(void) { (void)pthread_key_create(&exit_key, on_thread_exit); }

static int ensure_parser(void) {
  if (!tl_mh) {
    /* A worker thread that ends frees its parser by itself. */
    pthread_once(&exit_once, make_key);
    (void)pthread_setspecific(exit_key, &tl_page);
    tl_mh = myhtml_create();
    if (!tl_mh) return RCP_ENOMEM;
    if (myhtml_init(tl_mh, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK) {
      myhtml_destroy(tl_mh);
      tl_mh = NULL;
      return RCP_ENOMEM;
    }
  }
  if (!tl_tree) {
    tl_tree = myhtml_tree_create();
    if (!tl_tree) return RCP_ENOMEM;
    if (myhtml_tree_init(tl_tree, tl_mh) != MyHTML_STATUS_OK) {
      myhtml_tree_destroy(tl_tree);
      tl_tree = NULL;
      return RCP_ENOMEM;
    }
  }
  return RCP_OK;
}

/* ------------------------------------------------------------------ */
/* Depth guard.  myhtml's tree builder looks through the stack of open
** elements for many tags, so its time grows with depth x tags: 100,000
** nested <div> take half a minute.  A linear pre-scan (an approximate
** tokenizer: comments, raw-text elements, quoted attributes) tracks the
** nesting of ordinary elements; start tags past RCP_HTML_MAX_DEPTH are
** dropped with their end tags, and the text stays.  The number of tags is
** capped the same way (RCP_HTML_MAX_TAGS).  Pages within the limits (all
** real ones) are parsed as they are. */

static int ieqn(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c != b[i]) return 0;
  }
  return 1;
}

/* What the pre-scan needs to know of a tag name. */
enum { TAG_COUNTED = 0, TAG_VOID, TAG_AUTO, TAG_RAW };
static const struct { const char *name; uint8_t len, kind; } tag_kinds[] = {
  {"area", 4, TAG_VOID}, {"base", 4, TAG_VOID}, {"br", 2, TAG_VOID}, {"col", 3, TAG_VOID},
  {"embed", 5, TAG_VOID}, {"hr", 2, TAG_VOID}, {"img", 3, TAG_VOID}, {"input", 5, TAG_VOID},
  {"link", 4, TAG_VOID}, {"meta", 4, TAG_VOID}, {"param", 5, TAG_VOID}, {"source", 6, TAG_VOID},
  {"track", 5, TAG_VOID}, {"wbr", 3, TAG_VOID}, {"keygen", 6, TAG_VOID},
  /* closed implicitly by their next sibling or parent: never deep */
  {"p", 1, TAG_AUTO}, {"li", 2, TAG_AUTO}, {"dt", 2, TAG_AUTO}, {"dd", 2, TAG_AUTO},
  {"option", 6, TAG_AUTO}, {"optgroup", 8, TAG_AUTO}, {"tr", 2, TAG_AUTO}, {"td", 2, TAG_AUTO},
  {"th", 2, TAG_AUTO}, {"tbody", 5, TAG_AUTO}, {"thead", 5, TAG_AUTO}, {"tfoot", 5, TAG_AUTO},
  {"rb", 2, TAG_AUTO}, {"rt", 2, TAG_AUTO}, {"rp", 2, TAG_AUTO}, {"colgroup", 8, TAG_AUTO},
  {"caption", 7, TAG_AUTO}, {"html", 4, TAG_AUTO}, {"head", 4, TAG_AUTO}, {"body", 4, TAG_AUTO},
  /* raw text: their content is not markup */
  {"script", 6, TAG_RAW}, {"style", 5, TAG_RAW}, {"textarea", 8, TAG_RAW}, {"title", 5, TAG_RAW},
  {"xmp", 3, TAG_RAW}, {"iframe", 6, TAG_RAW}, {"noembed", 7, TAG_RAW}, {"noframes", 8, TAG_RAW},
  {"noscript", 8, TAG_RAW}, {"plaintext", 9, TAG_RAW},
};

/* tag_kinds indexed by (length, first letter): kind_at[l][c - 'a'] is
** 1 + the first entry with that length and first letter (0: none), and
** kind_next[i] 1 + the next such entry.  Every tag of a page goes through
** tag_kind, so it must not scan the table. */
#define NKINDS (sizeof tag_kinds / sizeof tag_kinds[0])
static uint8_t kind_at[10][26], kind_next[NKINDS];
static pthread_once_t kind_once = PTHREAD_ONCE_INIT;

static void kind_init(void) {
  for (size_t i = NKINDS; i-- > 0;) {
    uint8_t *head = &kind_at[tag_kinds[i].len][tag_kinds[i].name[0] - 'a'];
    kind_next[i] = *head;
    *head = (uint8_t)(i + 1);
  }
}

static int tag_kind(const char *nm, size_t l) {
  if (l > 9 || l == 0) return TAG_COUNTED;
  unsigned c0 = (unsigned)((unsigned char)(nm[0] | 0x20) - 'a');
  if (c0 >= 26) return TAG_COUNTED;
  for (unsigned i = kind_at[l][c0]; i; i = kind_next[i - 1])
    if (ieqn(nm, tag_kinds[i - 1].name, l)) return tag_kinds[i - 1].kind;
  return TAG_COUNTED;
}

typedef struct cut { size_t a, b; } cut;

/* Appends [a, b) to the cut list (merged with the last one if they touch);
** 0 on allocation failure (the list is then freed). */
static int add_cut(cut **cuts, size_t *nc, size_t *cap, size_t a, size_t b) {
  if (*nc && (*cuts)[*nc - 1].b == a) { (*cuts)[*nc - 1].b = b; return 1; }
  if (*nc == *cap) {
    size_t ncap = *cap ? *cap * 2 : 64;
    cut *nx = rcp__realloc(*cuts, ncap * sizeof *nx);
    if (!nx) { rcp__free(*cuts); *cuts = NULL; return 0; }
    *cuts = nx;
    *cap = ncap;
  }
  (*cuts)[*nc].a = a;
  (*cuts)[*nc].b = b;
  (*nc)++;
  return 1;
}

/* Does s[0..n) contain the ASCII lower-case word w, case-insensitively? */
static int has_ci(const char *s, size_t n, const char *w) {
  size_t k = strlen(w);
  for (size_t i = 0; i + k <= n; i++)
    if ((s[i] | 0x20) == w[0] && ieqn(s + i, w, k)) return 1;
  return 0;
}

/* Ranges to drop (malloc'd in *cuts) so that no element nests deeper than
** the limit; returns their number (0: parse the page as it is), or -1 on
** allocation failure. */
static long depth_cuts(const char *s, size_t n, cut **cuts) {
  size_t depth = 0, dropped = 0, nc = 0, cap = 0, i = 0, ntags = 0;
  *cuts = NULL;
  while (i < n) {
    const char *lt = memchr(s + i, '<', n - i);
    if (!lt) break;
    i = (size_t)(lt - s);
    if (i + 3 < n && lt[1] == '!' && lt[2] == '-' && lt[3] == '-') {
      size_t j = i + 4;
      while (j + 2 < n && !(s[j] == '-' && s[j + 1] == '-' && s[j + 2] == '>')) j++;
      i = j + 3;
      continue;
    }
    int end = i + 1 < n && lt[1] == '/';
    size_t j = i + 1 + (size_t)end;
    if (j >= n || !((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))) { i++; continue; }
    size_t nm = j;
    while (j < n && s[j] != ' ' && s[j] != '>' && s[j] != '/' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r') j++;
    size_t nl = j - nm;
    /* skip attributes to the closing '>'; a quoted value in one memchr */
    while (j < n && s[j] != '>') {
      if (s[j] == '"' || s[j] == '\'') {
        const char *qe = memchr(s + j + 1, s[j], n - j - 1);
        j = qe ? (size_t)(qe - s) + 1 : n;
      } else {
        j++;
      }
    }
    int selfclose = j > 0 && j < n && s[j - 1] == '/';
    size_t tag_end = j < n ? j + 1 : n;
    int kind = tag_kind(s + nm, nl), counted = kind == TAG_COUNTED || kind == TAG_RAW;
    int drop = 0;
    if (++ntags > RCP_HTML_MAX_TAGS) drop = 1; /* the rest stays as text */
    else if (end) {
      if (counted) {
        if (dropped) { dropped--; drop = 1; }
        else if (depth) depth--;
      }
    } else if (counted && !selfclose) {
      if (depth >= RCP_HTML_MAX_DEPTH) { dropped++; drop = 1; }
      else depth++;
    }
    if (drop && !add_cut(cuts, &nc, &cap, i, tag_end)) return -1;
    size_t tag_start = i;
    i = tag_end;
    if (!end && !drop && !selfclose && nl == 3 && ieqn(s + nm, "svg", 3)) {
      /* Inline SVG (icons: thousands of path nodes) is skipped whole by
      ** the extractor: cut its content up to "</svg", unless another
      ** <svg> opens first (nesting: keep it all). */
      size_t k = i;
      int nested = 0;
      while (k + 4 < n) {
        const char *e = memchr(s + k, '<', n - k - 4);
        if (!e) break;
        k = (size_t)(e - s);
        if (e[1] == '/' && ieqn(e + 2, "svg", 3)) break;
        if (ieqn(e + 1, "svg", 3)) { nested = 1; break; }
        k++;
      }
      if (!nested && k + 4 < n && s[k] == '<' && k > i) {
        if (!add_cut(cuts, &nc, &cap, i, k)) return -1;
        i = k;
      }
    }
    if (!end && kind == TAG_RAW) { /* skip to </name */
      int comment = 0; /* "<!--" inside a script: escaped states, keep it whole */
      while (i < n) {
        const char *e = memchr(s + i, '<', n - i);
        if (!e) { i = n; break; }
        i = (size_t)(e - s);
        if (i + 2 + nl <= n && e[1] == '/') { /* the name, case-insensitively */
          size_t k = 0;
          while (k < nl && ((e[2 + k] | 0x20) == (s[nm + k] | 0x20))) k++;
          if (k == nl) break;
        }
        if (i + 3 < n && e[1] == '!' && e[2] == '-' && e[3] == '-') comment = 1;
        i++;
      }
      /* The content of <script> (except JSON-LD) and <style> is never
      ** read by the extractor: cut it, so the parser does not copy it.
      ** Scripts are a third of the bytes of many news pages. */
      int script = nl == 6 && ieqn(s + nm, "script", 6), style = nl == 5 && ieqn(s + nm, "style", 5);
      if (i < n && i > tag_end && !comment && (style || (script && !has_ci(s + tag_start, tag_end - tag_start, "json"))))
        if (!add_cut(cuts, &nc, &cap, tag_end, i)) return -1;
    }
  }
  return (long)nc;
}

int rcp__html_parse(const char *s, size_t n, rcp_html **out) {
  *out = NULL;
  if (tl_busy) return RCP_EINVAL;
  int rc = ensure_parser();
  if (rc != RCP_OK) return rc;
  cut *cuts = NULL;
  pthread_once(&kind_once, kind_init);
  long nc = depth_cuts(s, n, &cuts);
  if (nc < 0) return RCP_ENOMEM;
  char *flat = NULL;
  if (nc > 0) { /* a copy without the cut ranges */
    flat = rcp__malloc(n + 1);
    if (!flat) { rcp__free(cuts); return RCP_ENOMEM; }
    size_t o = 0, at = 0;
    for (long k = 0; k < nc; k++) {
      memcpy(flat + o, s + at, cuts[k].a - at);
      o += cuts[k].a - at;
      at = cuts[k].b;
    }
    memcpy(flat + o, s + at, n - at);
    o += n - at;
    flat[o] = 0;
    s = flat;
    n = o;
  }
  rcp__free(cuts);
  tl_page.flat = flat;
  /* Not MyHTML_TREE_PARSE_FLAGS_SKIP_WHITESPACE_TOKEN: with it this myhtml
  ** drops the text of some <script> elements (JSON-LD). */
  myhtml_tree_parse_flags_set(tl_tree, MyHTML_TREE_PARSE_FLAGS_CLEAN);
  if (myhtml_parse(tl_tree, MyENCODING_UTF_8, s, n) != MyHTML_STATUS_OK) {
    /* The tree may hold partial state: start afresh next time. */
    myhtml_tree_destroy(tl_tree);
    tl_tree = NULL;
    rcp__free(tl_page.flat);
    tl_page.flat = NULL;
    return RCP_EPARSE;
  }
  tl_page.tree = tl_tree;
  tl_page.n = n;
  tl_busy = 1;
  *out = &tl_page;
  return RCP_OK;
}

void rcp__html_free(rcp_html *h) {
  if (!h || h != &tl_page) return;
  if (h->n > RCP_HTML_KEEP) {
    myhtml_tree_destroy(tl_tree);
    tl_tree = NULL;
  } else {
    myhtml_tree_clean(tl_tree);
  }
  tl_page.tree = NULL;
  rcp__free(tl_page.flat);
  tl_page.flat = NULL;
  tl_busy = 0;
}

const rcp_hnode *rcp__html_document(const rcp_html *h) {
  return (const rcp_hnode *)myhtml_tree_get_document(h->tree);
}

/* myhtml's accessors take non-const nodes; the tree is never modified. */
#define MN(n) ((myhtml_tree_node_t *)(uintptr_t)(n))

const rcp_hnode *rcp__hnode_child(const rcp_hnode *n) {
  return (const rcp_hnode *)myhtml_node_child(MN(n));
}
const rcp_hnode *rcp__hnode_next(const rcp_hnode *n) {
  return (const rcp_hnode *)myhtml_node_next(MN(n));
}
const rcp_hnode *rcp__hnode_parent(const rcp_hnode *n) {
  return (const rcp_hnode *)myhtml_node_parent(MN(n));
}

rcp_htag rcp__hnode_tag(const rcp_hnode *n) {
  myhtml_tree_node_t *m = MN(n);
  myhtml_tag_id_t t = myhtml_node_tag_id(m);
  if (t != MyHTML_TAG__TEXT && t != MyHTML_TAG__COMMENT &&
      myhtml_node_namespace(m) == MyHTML_NAMESPACE_SVG) return RCP_H_SVG;
  switch (t) {
  case MyHTML_TAG__TEXT: return RCP_H_TEXT;
  case MyHTML_TAG__COMMENT: return RCP_H_COMMENT;
  case MyHTML_TAG__UNDEF: return m == myhtml_tree_get_document(myhtml_node_tree(m)) ? RCP_H_DOCUMENT : RCP_H_OTHER;
  case MyHTML_TAG_A: return RCP_H_A;
  case MyHTML_TAG_ADDRESS: return RCP_H_ADDRESS;
  case MyHTML_TAG_ARTICLE: return RCP_H_ARTICLE;
  case MyHTML_TAG_ASIDE: return RCP_H_ASIDE;
  case MyHTML_TAG_AUDIO: return RCP_H_AUDIO;
  case MyHTML_TAG_B: return RCP_H_B;
  case MyHTML_TAG_BLOCKQUOTE: return RCP_H_BLOCKQUOTE;
  case MyHTML_TAG_BODY: return RCP_H_BODY;
  case MyHTML_TAG_BR: return RCP_H_BR;
  case MyHTML_TAG_BUTTON: return RCP_H_BUTTON;
  case MyHTML_TAG_CANVAS: return RCP_H_CANVAS;
  case MyHTML_TAG_CAPTION: return RCP_H_CAPTION;
  case MyHTML_TAG_CENTER: return RCP_H_CENTER;
  case MyHTML_TAG_CITE: return RCP_H_CITE;
  case MyHTML_TAG_CODE: return RCP_H_CODE;
  case MyHTML_TAG_DD: return RCP_H_DD;
  case MyHTML_TAG_DETAILS: return RCP_H_DETAILS;
  case MyHTML_TAG_DIALOG: return RCP_H_DIALOG;
  case MyHTML_TAG_DIV: return RCP_H_DIV;
  case MyHTML_TAG_DL: return RCP_H_DL;
  case MyHTML_TAG_DT: return RCP_H_DT;
  case MyHTML_TAG_EM: return RCP_H_EM;
  case MyHTML_TAG_EMBED: return RCP_H_EMBED;
  case MyHTML_TAG_FIELDSET: return RCP_H_FIELDSET;
  case MyHTML_TAG_FIGCAPTION: return RCP_H_FIGCAPTION;
  case MyHTML_TAG_FIGURE: return RCP_H_FIGURE;
  case MyHTML_TAG_FONT: return RCP_H_FONT;
  case MyHTML_TAG_FOOTER: return RCP_H_FOOTER;
  case MyHTML_TAG_FORM: return RCP_H_FORM;
  case MyHTML_TAG_FRAMESET: return RCP_H_FRAMESET;
  case MyHTML_TAG_H1: return RCP_H_H1;
  case MyHTML_TAG_H2: return RCP_H_H2;
  case MyHTML_TAG_H3: return RCP_H_H3;
  case MyHTML_TAG_H4: return RCP_H_H4;
  case MyHTML_TAG_H5: return RCP_H_H5;
  case MyHTML_TAG_H6: return RCP_H_H6;
  case MyHTML_TAG_HEAD: return RCP_H_HEAD;
  case MyHTML_TAG_HEADER: return RCP_H_HEADER;
  case MyHTML_TAG_HGROUP: return RCP_H_HGROUP;
  case MyHTML_TAG_HR: return RCP_H_HR;
  case MyHTML_TAG_HTML: return RCP_H_HTML;
  case MyHTML_TAG_I: return RCP_H_I;
  case MyHTML_TAG_IFRAME: return RCP_H_IFRAME;
  case MyHTML_TAG_IMG: return RCP_H_IMG;
  case MyHTML_TAG_INPUT: return RCP_H_INPUT;
  case MyHTML_TAG_LABEL: return RCP_H_LABEL;
  case MyHTML_TAG_LEGEND: return RCP_H_LEGEND;
  case MyHTML_TAG_LI: return RCP_H_LI;
  case MyHTML_TAG_LINK: return RCP_H_LINK;
  case MyHTML_TAG_MAIN: return RCP_H_MAIN;
  case MyHTML_TAG_MAP: return RCP_H_MAP;
  case MyHTML_TAG_MATH: return RCP_H_MATH;
  case MyHTML_TAG_MENU: return RCP_H_MENU;
  case MyHTML_TAG_META: return RCP_H_META;
  case MyHTML_TAG_NAV: return RCP_H_NAV;
  case MyHTML_TAG_NOSCRIPT: return RCP_H_NOSCRIPT;
  case MyHTML_TAG_OBJECT: return RCP_H_OBJECT;
  case MyHTML_TAG_OL: return RCP_H_OL;
  case MyHTML_TAG_OPTION: return RCP_H_OPTION;
  case MyHTML_TAG_P: return RCP_H_P;
  case MyHTML_TAG_PRE: return RCP_H_PRE;
  case MyHTML_TAG_Q: return RCP_H_Q;
  case MyHTML_TAG_SCRIPT: return RCP_H_SCRIPT;
  case MyHTML_TAG_SECTION: return RCP_H_SECTION;
  case MyHTML_TAG_SELECT: return RCP_H_SELECT;
  case MyHTML_TAG_SMALL: return RCP_H_SMALL;
  case MyHTML_TAG_SOURCE: return RCP_H_SOURCE;
  case MyHTML_TAG_SPAN: return RCP_H_SPAN;
  case MyHTML_TAG_STRONG: return RCP_H_STRONG;
  case MyHTML_TAG_STYLE: return RCP_H_STYLE;
  case MyHTML_TAG_SUB: return RCP_H_SUB;
  case MyHTML_TAG_SUMMARY: return RCP_H_SUMMARY;
  case MyHTML_TAG_SUP: return RCP_H_SUP;
  case MyHTML_TAG_SVG: return RCP_H_SVG;
  case MyHTML_TAG_TABLE: return RCP_H_TABLE;
  case MyHTML_TAG_TBODY: return RCP_H_TBODY;
  case MyHTML_TAG_TD: return RCP_H_TD;
  case MyHTML_TAG_TEMPLATE: return RCP_H_TEMPLATE;
  case MyHTML_TAG_TEXTAREA: return RCP_H_TEXTAREA;
  case MyHTML_TAG_TFOOT: return RCP_H_TFOOT;
  case MyHTML_TAG_TH: return RCP_H_TH;
  case MyHTML_TAG_THEAD: return RCP_H_THEAD;
  case MyHTML_TAG_TIME: return RCP_H_TIME;
  case MyHTML_TAG_TITLE: return RCP_H_TITLE;
  case MyHTML_TAG_TR: return RCP_H_TR;
  case MyHTML_TAG_U: return RCP_H_U;
  case MyHTML_TAG_UL: return RCP_H_UL;
  case MyHTML_TAG_VIDEO: return RCP_H_VIDEO;
  case MyHTML_TAG_WBR: return RCP_H_WBR;
  case MyHTML_TAG_XMP: return RCP_H_XMP;
  default: return RCP_H_OTHER;
  }
}

const char *rcp__hnode_name(const rcp_hnode *n, size_t *len) {
  myhtml_tree_node_t *m = MN(n);
  size_t l = 0;
  const char *s = myhtml_tag_name_by_id(myhtml_node_tree(m), myhtml_node_tag_id(m), &l);
  if (!s) { s = ""; l = 0; }
  if (len) *len = l;
  return s;
}

const char *rcp__hnode_text(const rcp_hnode *n, size_t *len) {
  size_t l = 0;
  const char *s = myhtml_node_text(MN(n), &l);
  if (len) *len = s ? l : 0;
  return s;
}

const char *rcp__hnode_attr(const rcp_hnode *n, const char *name, size_t *len) {
  myhtml_tree_attr_t *a = myhtml_attribute_by_key(MN(n), name, strlen(name));
  if (!a) { if (len) *len = 0; return NULL; }
  size_t l = 0;
  const char *v = myhtml_attribute_value(a, &l);
  if (!v) { v = ""; l = 0; }
  if (len) *len = l;
  return v;
}

const rcp_hattr *rcp__hnode_attrs(const rcp_hnode *n) {
  return (const rcp_hattr *)myhtml_node_attribute_first(MN(n));
}

#define MA(a) ((myhtml_tree_attr_t *)(uintptr_t)(a))

const rcp_hattr *rcp__hattr_next(const rcp_hattr *a) {
  return (const rcp_hattr *)myhtml_attribute_next(MA(a));
}

const char *rcp__hattr_name(const rcp_hattr *a, size_t *len) {
  size_t l = 0;
  const char *s = myhtml_attribute_key(MA(a), &l);
  if (!s) { s = ""; l = 0; }
  if (len) *len = l;
  return s;
}

const char *rcp__hattr_value(const rcp_hattr *a, size_t *len) {
  size_t l = 0;
  const char *s = myhtml_attribute_value(MA(a), &l);
  if (!s) { s = ""; l = 0; }
  if (len) *len = l;
  return s;
}
