/* extract_html.c -- main text and metadata candidates of an HTML page.
**
** Algorithm (docs/extraction.md):
**  1. One iterative walk of the myhtml tree (src/html.h) builds a flat list
**     of elements (block-level ones only, in document order, each with its
**     parent, its class/id/tag cue and the range of blocks under it) and of
**     text blocks (text between block boundaries, whitespace collapsed, with
**     the share of it inside links).  <head>, <meta>, <link>, JSON-LD,
**     <time> and itemprop give metadata candidates on the way.
**  2. Content scoring (in the spirit of Readability, Arc90 2009): every
**     paragraph-like block gives points to its container, half to the next
**     ancestor, a sixth to the third; an element's score is scaled by its
**     link density and its cue.  The best element and those of its siblings
**     that score close to it form the article region.
**  3. Blocks of the region are classified one by one: boilerplate subtrees
**     inside it (share bars, related lists, captions), link lists, site
**     furniture by its words, date lines and bylines (to metadata), credit
**     lines (to credited_source); what remains is the text in reading order.
**
** Invariants: the walk is iterative (no recursion, any depth); every loop
** is linear in the number of nodes or blocks, or bounded by a constant
** (ancestor propagation: 3 levels).  This file does not choose among
** metadata candidates (extract_meta.c) nor normalise text (extract.c).
*/
#include "recoupe_int.h"
#include "html.h"

#include <assert.h>  /* assert */
#include <jansson.h> /* JSON-LD */
#include <pthread.h> /* pthread_once */
#include <string.h>  /* memcmp, strlen */

#define EL_MAX ((size_t)1 << 26)
#ifndef CLIMB_REL
#define CLIMB_REL 0.1       /* climb when the ancestor adds this share of text */
#endif
#ifndef CLIMB_ABS
#define CLIMB_ABS 80        /* ... and at least this many characters */
#endif
#ifndef LEAD_MIN_CHARS
#define LEAD_MIN_CHARS 200  /* a lead paragraph before the body */
#endif
#ifndef CLIMB_MIN_CHARS
#define CLIMB_MIN_CHARS 40  /* a block this long reads as text */
#endif

/* Element cue bits */
enum {
  C_NEG = 1,       /* boilerplate by tag or class (nav, share, related...) */
  C_WEAK = 2,      /* weaker hint (header, meta) */
  C_POS = 4,       /* article body by class */
  C_BODY = 8,      /* itemprop=articleBody and the like: strong positive */
  C_CAPTION = 16,  /* figure captions and credits */
  C_META = 32,     /* byline, dates, author box */
  C_NEGW = 64      /* weaker boilerplate hint (widget, modal, teaser...) */
};

typedef struct xel {
  int32_t parent;
  uint8_t tag;           /* rcp_htag */
  uint8_t cue;           /* C_* of this element */
  uint32_t negc;         /* C_NEG elements on the path root..self */
  int32_t nneg;          /* nearest C_NEG/C_NEGW element on that path, or -1 */
  uint32_t b0, b1;       /* blocks [b0, b1) lie under it */
  uint32_t chars, links; /* text and link text under it (code points) */
  float score;
} xel;

/* Block flags */
enum { B_CAPTION = 1, B_INNEG = 2, B_H = 4, B_LINKONLY = 8, B_PRE = 16, B_META = 32, B_QUOTE = 64, B_LI = 128 };

typedef struct xblk {
  uint32_t off, len;     /* in w->txt */
  uint32_t chars, links;
  int32_t el;            /* owner element */
  uint8_t kind;          /* rcp_block_kind */
  uint8_t hlevel;
  uint16_t flags;
} xblk;

typedef struct walk {
  rcp_doc *d;
  rcp_xmeta *m;
  rcp_buf txt;           /* block texts; a '\n' separates blocks */
  xel *els; size_t nel, capel;
  xblk *bl; size_t nbl, capbl;
  /* current block */
  size_t cur_off;
  uint32_t cur_links;
  int lastsp;
  int rc;
  int h1_seen;
  struct cue_slot *cues; /* CUE_CACHE entries */
} walk;

/* ------------------------------------------------------------------ */
/* Cues                                                               */
/* ------------------------------------------------------------------ */

/* Class and id words, by what they say about the element.  part=1: the
** word must be a whole token or a '-'/'_'-separated part ("nav" in
** "main-nav", not in "canvas"). */
typedef struct cueword { const char *w; uint8_t len; uint8_t cue; uint8_t part; } cueword;
static const cueword cuewords[] = {
  {"articlebody", 11, C_BODY, 0},
  {"article-body", 12, C_BODY, 0},
  {"article__body", 13, C_BODY, 0},
  {"article_body", 12, C_BODY, 0},
  {"article-content", 15, C_BODY, 0},
  {"article__content", 16, C_BODY, 0},
  {"article_content", 15, C_BODY, 0},
  {"articlecontent", 14, C_BODY, 0},
  {"entry-content", 13, C_BODY, 0},
  {"post-content", 12, C_BODY, 0},
  {"post-body", 9, C_BODY, 0},
  {"postbody", 8, C_BODY, 0},
  {"story-body", 10, C_BODY, 0},
  {"storybody", 9, C_BODY, 0},
  {"article-text", 12, C_BODY, 0},
  {"articletext", 11, C_BODY, 0},
  {"article__text", 13, C_BODY, 0},
  {"text-article", 12, C_BODY, 0},
  {"content-body", 12, C_BODY, 0},
  {"body-text", 9, C_BODY, 0},
  {"bodytext", 8, C_BODY, 0},
  {"article-texte", 13, C_BODY, 0},
  {"texte-article", 13, C_BODY, 0},
  {"main-text", 9, C_BODY, 0},
  {"story-content", 13, C_BODY, 0},
  {"entry-body", 10, C_BODY, 0},
  {"news-text", 9, C_BODY, 0},
  {"article-detail", 14, C_BODY, 0},
  {"rich-text", 9, C_BODY, 0},
  {"richtext", 8, C_BODY, 0},
  {"caption", 7, C_CAPTION, 0},
  {"legende", 7, C_CAPTION, 0},
  {"legend", 6, C_CAPTION, 0},
  {"credit", 6, C_CAPTION, 0},
  {"copyright", 9, C_CAPTION, 0},
  {"figcaption", 10, C_CAPTION, 0},
  {"comment", 7, C_NEG, 0},
  {"share", 5, C_NEG, 0},
  {"sharing", 7, C_NEG, 0},
  {"social", 6, C_NEG, 0},
  {"related", 7, C_NEG, 0},
  {"recommend", 9, C_NEG, 0},
  {"newsletter", 10, C_NEG, 0},
  {"cookie", 6, C_NEG, 0},
  {"consent", 7, C_NEG, 0},
  {"breadcrumb", 10, C_NEG, 0},
  {"sidebar", 7, C_NEG, 0},
  {"widget", 6, C_NEGW, 0},
  {"footer", 6, C_NEG, 0},
  {"navbar", 6, C_NEG, 0},
  {"navigation", 10, C_NEG, 0},
  {"menu", 4, C_NEG, 0},
  {"promo", 5, C_NEGW, 0},
  {"advert", 6, C_NEG, 0},
  {"banner", 6, C_NEGW, 0},
  {"sponsor", 7, C_NEG, 0},
  {"outbrain", 8, C_NEG, 0},
  {"taboola", 7, C_NEG, 0},
  {"popup", 5, C_NEGW, 0},
  {"modal", 5, C_NEGW, 0},
  {"subscribe", 9, C_NEGW, 0},
  {"signup", 6, C_NEGW, 0},
  {"toolbar", 7, C_NEGW, 0},
  {"pagination", 10, C_NEGW, 0},
  {"pager", 5, C_NEGW, 0},
  {"masthead", 8, C_NEGW, 0},
  {"skiplink", 8, C_NEGW, 0},
  {"skip-link", 9, C_NEGW, 0},
  {"readmore", 8, C_NEG, 0},
  {"read-more", 9, C_NEG, 0},
  {"lire-aussi", 10, C_NEG, 0},
  {"lireaussi", 9, C_NEG, 0},
  {"a-lire", 6, C_NEG, 0},
  {"alire", 5, C_NEG, 0},
  {"voir-aussi", 10, C_NEG, 0},
  {"trending", 8, C_NEG, 0},
  {"popular", 7, C_NEG, 0},
  {"most-read", 9, C_NEG, 0},
  {"mostread", 8, C_NEG, 0},
  {"teaser", 6, C_NEGW, 0},
  {"disqus", 6, C_NEG, 0},
  {"login", 5, C_NEGW, 0},
  {"search", 6, C_NEGW, 0},
  {"sr-only", 7, C_NEGW, 0},
  {"visually-hidden", 15, C_NEGW, 0},
  {"screen-reader", 13, C_NEGW, 0},
  {"hidden", 6, C_NEGW, 0},
  {"tagcloud", 8, C_NEG, 0},
  {"tag-list", 8, C_NEG, 0},
  {"taglist", 7, C_NEG, 0},
  {"tags", 4, C_NEG, 0},
  {"keywords", 8, C_NEGW, 0},
  {"topics", 6, C_NEGW, 0},
  {"rating", 6, C_NEGW, 0},
  {"reaction", 8, C_NEGW, 0},
  {"follow", 6, C_NEGW, 0},
  {"partage", 7, C_NEG, 0},
  {"partager", 8, C_NEG, 0},
  {"abonnement", 10, C_NEGW, 0},
  {"bandeau", 7, C_NEGW, 0},
  {"publicite", 9, C_NEG, 0},
  {"dfp", 3, C_NEGW, 0},
  {"gpt-ad", 6, C_NEGW, 0},
  {"adslot", 6, C_NEGW, 0},
  {"ad-slot", 7, C_NEGW, 0},
  {"adunit", 6, C_NEGW, 0},
  {"ad-container", 12, C_NEG, 0},
  {"ad-wrapper", 10, C_NEG, 0},
  {"native-ad", 9, C_NEG, 0},
  {"outstream", 9, C_NEG, 0},
  {"print", 5, C_NEGW, 0},
  {"embed-video", 11, C_NEGW, 0},
  {"more-stories", 12, C_NEG, 0},
  {"more-articles", 13, C_NEG, 0},
  {"other-articles", 14, C_NEG, 0},
  {"autres-articles", 15, C_NEG, 0},
  {"same-topic", 10, C_NEG, 0},
  {"also", 4, C_NEGW, 0},
  {"next-article", 12, C_NEG, 0},
  {"prev-next", 9, C_NEGW, 0},
  {"author-bio", 10, C_NEG, 0},
  {"bio-box", 7, C_NEG, 0},
  {"authorbox", 9, C_NEG, 0},
  {"about-author", 12, C_NEG, 0},
  {"rebond", 6, C_NEG, 0},
  {"encadre-liens", 13, C_NEG, 0},
  {"playlist", 8, C_NEGW, 0},
  {"carousel", 8, C_NEGW, 0},
  {"nav", 3, C_NEG, 1},
  {"ad", 2, C_NEG, 1},
  {"ads", 3, C_NEG, 1},
  {"pub", 3, C_NEG, 1},
  {"tag", 3, C_NEG, 1},
  {"aside", 5, C_NEG, 1},
  {"foot", 4, C_NEG, 1},
  {"promo", 5, C_NEGW, 1},
  {"cta", 3, C_NEGW, 1},
  {"rs", 2, C_NEGW, 1},
  {"byline", 6, C_META, 0},
  {"author", 6, C_META, 0},
  {"auteur", 6, C_META, 0},
  {"signature", 9, C_META, 0},
  {"dateline", 8, C_META, 0},
  {"timestamp", 9, C_META, 0},
  {"article-meta", 12, C_META, 0},
  {"post-meta", 9, C_META, 0},
  {"entry-meta", 10, C_META, 0},
  {"article-info", 12, C_META, 0},
  {"publish", 7, C_META, 0},
  {"posted-on", 9, C_META, 0},
  {"updated", 7, C_META, 0},
  {"date", 4, C_META, 1},
  {"time", 4, C_META, 1},
  {"meta", 4, C_META, 1},
  {"info", 4, C_META, 1},
  {"article", 7, C_POS, 0},
  {"content", 7, C_POS, 0},
  {"story", 5, C_POS, 0},
  {"entry", 5, C_POS, 0},
  {"post", 4, C_POS, 0},
  {"text", 4, C_POS, 0},
  {"texte", 5, C_POS, 0},
  {"contenu", 7, C_POS, 0},
  {"corps", 5, C_POS, 0},
  {"body", 4, C_POS, 0},
  {"chapo", 5, C_POS, 0},
  {"chapeau", 7, C_POS, 0},
  {"main", 4, C_POS, 0},
  {"lead", 4, C_POS, 0},
  {"intro", 5, C_POS, 0},
  {"header", 6, C_WEAK, 1},
  {"head", 4, C_WEAK, 1}
};
#define NCUEWORDS (sizeof cuewords / sizeof cuewords[0])
/* Words by their first two bytes: cue_head[CUE_PAIR(c0, c1)] is 1 + the
** first word starting with a pair of that bucket (0: none), cue_next[i]
** 1 + the next one.  Most byte pairs of a class name start no word, so a
** token costs about one lookup per byte. */
#define CUE_BUCKETS 4096
#define CUE_PAIR(c0, c1) ((((unsigned)(unsigned char)(c0) * 67u) ^ (unsigned)(unsigned char)(c1) * 13u) & (CUE_BUCKETS - 1))
static uint16_t cue_head[CUE_BUCKETS], cue_next[NCUEWORDS];
static pthread_once_t cue_once = PTHREAD_ONCE_INIT;

static void cue_init(void) {
  for (size_t i = NCUEWORDS; i-- > 0;) {
    assert(cuewords[i].len >= 2); /* the pair index needs two bytes */
    uint16_t *head = &cue_head[CUE_PAIR(cuewords[i].w[0], cuewords[i].w[1])];
    cue_next[i] = *head;
    *head = (uint16_t)(i + 1);
  }
}

/* Does t[0..n) start with the literal p (and go on after it)? */
#define HAS_PREFIX(t, n, p) ((n) > sizeof p - 1 && !memcmp((t), p, sizeof p - 1))

static int token_cue(const char *t, size_t n) {
  switch (t[0]) { /* one test per token instead of twelve */
  /* "has-sidebar", "with-comments", "no-ads": state classes, not regions;
  ** taxonomy classes of blog engines ("tag-economie", "category-sport") */
  case 'c':
    if (HAS_PREFIX(t, n, "category-") || HAS_PREFIX(t, n, "categorie-")) return 0;
    break;
  case 'f': if (HAS_PREFIX(t, n, "format-")) return 0; break;
  case 'h': if (HAS_PREFIX(t, n, "has-")) return 0; break;
  case 'i': if (HAS_PREFIX(t, n, "is-")) return 0; break;
  case 'n': if (HAS_PREFIX(t, n, "no-")) return 0; break;
  case 'p': if (HAS_PREFIX(t, n, "page-")) return 0; break;
  case 's': if (HAS_PREFIX(t, n, "status-")) return 0; break;
  case 't':
    if (HAS_PREFIX(t, n, "tag-") || HAS_PREFIX(t, n, "type-") || HAS_PREFIX(t, n, "template-")) return 0;
    break;
  case 'w': if (HAS_PREFIX(t, n, "with-")) return 0; break;
  default: break;
  }
  int cue = 0;
  for (size_t i = 0; i + 1 < n; i++) {
    for (unsigned k = cue_head[CUE_PAIR(t[i], t[i + 1])]; k; k = cue_next[k - 1]) {
      const cueword *cw = &cuewords[k - 1];
      if (i + cw->len > n || t[i] != cw->w[0] || t[i + 1] != cw->w[1] ||
          memcmp(t + i + 2, cw->w + 2, cw->len - 2u) != 0) continue;
      if (cw->part) {
        int lb = i == 0 || t[i - 1] == '-' || t[i - 1] == '_';
        size_t e = i + cw->len;
        int rb = e == n || t[e] == '-' || t[e] == '_' || (t[e] >= '0' && t[e] <= '9');
        if (!lb || !rb) continue;
      }
      cue |= cw->cue;
    }
  }
  if (cue & C_BODY) return C_BODY;
  if (cue & C_CAPTION) return C_CAPTION;
  if (cue & C_NEG) return C_NEG;
  if (cue & C_NEGW) return C_NEGW;
  if (cue & C_META) return C_META;
  if (cue & C_POS) return C_POS;
  return cue & C_WEAK;
}

/* Cue of a class or id value: the union over its tokens. */
static int value_cue(const char *v, size_t n) {
  int cue = 0;
  pthread_once(&cue_once, cue_init);
  {
    if (n > 512) n = 512;
    size_t i = 0;
    while (i < n) {
      while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n')) i++;
      size_t j = i;
      char tok[96];
      size_t k = 0;
      while (j < n && v[j] != ' ' && v[j] != '\t' && v[j] != '\n') {
        if (k < sizeof tok - 1) { char c = v[j]; tok[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c); }
        j++;
      }
      if (k) cue |= token_cue(tok, k);
      i = j;
    }
  }
  return cue;
}

/* Class values repeat within a page: their cue is cached by hash. */
#define CUE_CACHE 1024
typedef struct cue_slot { uint64_t h; int cue; } cue_slot;

static int cached_cue(cue_slot *cache, const char *v, size_t n) {
  uint64_t h = rcp__hash64(v, n, 0) | 1;
  cue_slot *s = &cache[h & (CUE_CACHE - 1)];
  if (s->h == h) return s->cue;
  s->h = h;
  s->cue = value_cue(v, n);
  return s->cue;
}

/* The attributes the walk looks at, gathered in one pass. */
typedef struct eattrs {
  const char *cls, *id, *itemprop, *role, *style, *rel, *aria_hidden;
  size_t ncls, nid, nitemprop, nrole, nstyle, nrel, naria_hidden;
  int hidden;
} eattrs;

static void gather(const rcp_hnode *nd, eattrs *a) {
  memset(a, 0, sizeof *a);
  for (const rcp_hattr *x = rcp__hnode_attrs(nd); x; x = rcp__hattr_next(x)) {
    size_t l;
    const char *k = rcp__hattr_name(x, &l);
#define ATTR(name, f) if (l == sizeof name - 1 && !memcmp(k, name, l)) { a->f = rcp__hattr_value(x, &a->n##f); continue; }
    switch (k[0]) {
    case 'c': ATTR("class", cls); break;
    case 'i': ATTR("id", id); ATTR("itemprop", itemprop); break;
    case 'r': ATTR("role", role); ATTR("rel", rel); break;
    case 's': ATTR("style", style); break;
    case 'a': ATTR("aria-hidden", aria_hidden); break;
    case 'h': if (l == 6 && !memcmp(k, "hidden", 6)) a->hidden = 1; break;
    default: break;
    }
#undef ATTR
  }
}

/* Cue of an element from class, id, role, itemprop. */
static int attr_cue(const eattrs *a, cue_slot *cache) {
  int cue = 0;
  size_t n;
  if (a->cls && a->ncls) cue |= cached_cue(cache, a->cls, a->ncls);
  if (a->id && a->nid) cue |= value_cue(a->id, a->nid);
  const char *v = a->itemprop;
  n = a->nitemprop;
  if (v) {
    if (n == 11 && !strncasecmp(v, "articleBody", 11)) cue |= C_BODY;
    else if (n == 11 && !strncasecmp(v, "description", 11)) cue |= C_POS;
    else if (n >= 4 && (!strncasecmp(v, "date", 4) || !strncasecmp(v, "author", 6))) cue |= C_META;
  }
  v = a->role;
  n = a->nrole;
  if (v) {
    if ((n == 10 && !strncmp(v, "navigation", 10)) || (n == 6 && !strncmp(v, "banner", 6)) ||
        (n == 11 && !strncmp(v, "contentinfo", 11)) || (n == 13 && !strncmp(v, "complementary", 13)) ||
        (n == 6 && !strncmp(v, "search", 6)) || (n == 6 && !strncmp(v, "dialog", 6)) ||
        (n == 9 && !strncmp(v, "alertdialog", 9)) || (n == 4 && !strncmp(v, "menu", 4)))
      cue |= C_NEG;
    else if ((n == 4 && !strncmp(v, "main", 4)) || (n == 7 && !strncmp(v, "article", 7))) cue |= C_POS;
  }
  /* Priority: a body marker wins over everything; negative over meta. */
  if (cue & C_BODY) return C_BODY | (cue & C_POS);
  if (cue & C_NEG) return C_NEG;
  if (cue & C_CAPTION) return C_CAPTION;
  if (cue & C_NEGW) return C_NEGW;
  return cue;
}

static int hidden(const eattrs *a) {
  if (a->hidden) return 1;
  const char *v = a->style;
  size_t n = a->nstyle;
  if (v && n < 2048) {
    for (size_t i = 0; i + 7 <= n; i++) {
      if (!strncasecmp(v + i, "display", 7)) {
        size_t j = i + 7;
        while (j < n && (v[j] == ' ' || v[j] == ':')) j++;
        if (j + 4 <= n && !strncasecmp(v + j, "none", 4)) return 1;
      }
      if (!strncasecmp(v + i, "visibility", 7) && i + 10 <= n) {
        size_t j = i + 10;
        while (j < n && (v[j] == ' ' || v[j] == ':')) j++;
        if (j + 6 <= n && !strncasecmp(v + j, "hidden", 6)) return 1;
      }
    }
  }
  if (a->aria_hidden && a->naria_hidden == 4 && !strncmp(a->aria_hidden, "true", 4)) return 1;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Tags                                                               */
/* ------------------------------------------------------------------ */

static int is_block(rcp_htag t) {
  switch (t) {
  case RCP_H_ADDRESS: case RCP_H_ARTICLE: case RCP_H_ASIDE: case RCP_H_BLOCKQUOTE: case RCP_H_BODY:
  case RCP_H_CAPTION: case RCP_H_CENTER: case RCP_H_DD: case RCP_H_DETAILS: case RCP_H_DIALOG:
  case RCP_H_DIV: case RCP_H_DL: case RCP_H_DT: case RCP_H_FIELDSET: case RCP_H_FIGCAPTION:
  case RCP_H_FIGURE: case RCP_H_FOOTER: case RCP_H_FORM: case RCP_H_H1: case RCP_H_H2: case RCP_H_H3:
  case RCP_H_H4: case RCP_H_H5: case RCP_H_H6: case RCP_H_HEADER: case RCP_H_HGROUP: case RCP_H_HR:
  case RCP_H_HTML: case RCP_H_LEGEND: case RCP_H_LI: case RCP_H_MAIN: case RCP_H_MENU: case RCP_H_NAV:
  case RCP_H_OL: case RCP_H_P: case RCP_H_PRE: case RCP_H_SECTION: case RCP_H_SUMMARY: case RCP_H_TABLE:
  case RCP_H_TBODY: case RCP_H_TD: case RCP_H_TFOOT: case RCP_H_TH: case RCP_H_THEAD: case RCP_H_TR:
  case RCP_H_UL: case RCP_H_DOCUMENT: case RCP_H_XMP:
    return 1;
  default:
    return 0;
  }
}

static int is_skipped(rcp_htag t) {
  switch (t) {
  case RCP_H_SCRIPT: case RCP_H_STYLE: case RCP_H_NOSCRIPT: case RCP_H_TEMPLATE: case RCP_H_SVG:
  case RCP_H_MATH: case RCP_H_IFRAME: case RCP_H_BUTTON: case RCP_H_SELECT: case RCP_H_OPTION:
  case RCP_H_TEXTAREA: case RCP_H_INPUT: case RCP_H_OBJECT: case RCP_H_EMBED: case RCP_H_CANVAS:
  case RCP_H_VIDEO: case RCP_H_AUDIO: case RCP_H_MAP: case RCP_H_COMMENT: case RCP_H_LABEL:
    return 1;
  default:
    return 0;
  }
}

static int hlevel_of(rcp_htag t) {
  switch (t) {
  case RCP_H_H1: return 1; case RCP_H_H2: return 2; case RCP_H_H3: return 3;
  case RCP_H_H4: return 4; case RCP_H_H5: return 5; case RCP_H_H6: return 6;
  default: return 0;
  }
}

/* ------------------------------------------------------------------ */
/* Metadata from <meta>, <link>, JSON-LD                              */
/* ------------------------------------------------------------------ */

static const char *adup(walk *w, const char *s, size_t n) {
  /* collapse white space; cap the length */
  if (n > 4096) n = 4096;
  rcp_buf b;
  rcp__buf_init(&b, 8192);
  int sp = 1;
  rcp__x_collapse(&b, s, n, &sp);
  size_t l = b.n;
  while (l && b.p[l - 1] == ' ') l--;
  const char *r = l ? rcp__arena_strndup(w->d->arena, b.p, l) : NULL;
  rcp__buf_free(&b);
  return r;
}

static int ieq(const char *a, size_t n, const char *b) {
  return strlen(b) == n && strncasecmp(a, b, n) == 0;
}

static void on_meta(walk *w, const rcp_hnode *nd) {
  size_t kn, cn;
  const char *k = rcp__hnode_attr(nd, "property", &kn);
  if (!k) k = rcp__hnode_attr(nd, "name", &kn);
  if (!k) k = rcp__hnode_attr(nd, "itemprop", &kn);
  const char *c = rcp__hnode_attr(nd, "content", &cn);
  if (!c) {
    const char *he = rcp__hnode_attr(nd, "http-equiv", &kn);
    (void)he;
    return;
  }
  if (!k) {
    k = rcp__hnode_attr(nd, "http-equiv", &kn);
    if (k && ieq(k, kn, "content-language") && !w->m->lang_meta) w->m->lang_meta = adup(w, c, cn);
    return;
  }
  rcp_xmeta *m = w->m;
#define SET(field) do { if (!m->field) m->field = adup(w, c, cn); } while (0)
  if (ieq(k, kn, "og:title")) SET(og_title);
  else if (ieq(k, kn, "twitter:title")) SET(tw_title);
  else if (ieq(k, kn, "title") || ieq(k, kn, "dc.title")) SET(meta_title);
  else if (ieq(k, kn, "og:site_name")) SET(og_site);
  else if (ieq(k, kn, "application-name")) SET(app_name);
  else if (ieq(k, kn, "og:url")) SET(og_url);
  else if (ieq(k, kn, "author") || ieq(k, kn, "article:author") || ieq(k, kn, "dc.creator") ||
           ieq(k, kn, "parsely-author") || ieq(k, kn, "sailthru.author") || ieq(k, kn, "byl") ||
           ieq(k, kn, "dcterms.creator")) {
    if (cn && strncmp(c, "http", 4) != 0) {
      if (ieq(k, kn, "byl") && cn > 3 && !strncasecmp(c, "by ", 3)) { c += 3; cn -= 3; }
      SET(meta_author);
    }
  } else if (ieq(k, kn, "article:published_time") || ieq(k, kn, "og:article:published_time") ||
             ieq(k, kn, "datepublished") || ieq(k, kn, "date") || ieq(k, kn, "pubdate") ||
             ieq(k, kn, "publishdate") || ieq(k, kn, "publish-date") || ieq(k, kn, "dc.date") ||
             ieq(k, kn, "dc.date.issued") || ieq(k, kn, "dcterms.created") || ieq(k, kn, "dcterms.date") ||
             ieq(k, kn, "dcterms.issued") || ieq(k, kn, "sailthru.date") || ieq(k, kn, "parsely-pub-date") ||
             ieq(k, kn, "article.published") || ieq(k, kn, "og:published_time") ||
             ieq(k, kn, "published_time") || ieq(k, kn, "release_date") || ieq(k, kn, "created"))
    SET(pub_meta);
  else if (ieq(k, kn, "article:modified_time") || ieq(k, kn, "og:updated_time") || ieq(k, kn, "datemodified") ||
           ieq(k, kn, "dcterms.modified") || ieq(k, kn, "last-modified") || ieq(k, kn, "article.updated") ||
           ieq(k, kn, "og:article:modified_time"))
    SET(mod_meta);
  else if (ieq(k, kn, "og:locale") || ieq(k, kn, "language") || ieq(k, kn, "dc.language") ||
           ieq(k, kn, "content-language"))
    SET(lang_meta);
  else if (kn < 64) {
    /* other date names: "DC:date", "citation_publication_date", "bepress_citation_date" */
    char lk[64];
    for (size_t i = 0; i < kn; i++) lk[i] = (char)(k[i] >= 'A' && k[i] <= 'Z' ? k[i] + 32 : k[i]);
    lk[kn] = 0;
    if (strstr(lk, "modif") || strstr(lk, "updat")) SET(mod_meta2);
    else if ((strstr(lk, "date") || strstr(lk, "publish")) && !strstr(lk, "expir") && !strstr(lk, "valid"))
      SET(pub_meta2);
  }
#undef SET
}

static const char *json_str(walk *w, json_t *v) {
  if (json_is_string(v)) return adup(w, json_string_value(v), json_string_length(v));
  return NULL;
}

/* "author": "X" | {"name": "X"} | [ ... ] -> "X, Y" */
static const char *json_names(walk *w, json_t *v) {
  if (json_is_string(v)) return json_str(w, v);
  if (json_is_object(v)) return json_str(w, json_object_get(v, "name"));
  if (json_is_array(v)) {
    const char *acc = NULL;
    size_t i;
    json_t *x;
    json_array_foreach(v, i, x) {
      if (i >= 6) break;
      const char *s = json_names(w, x);
      if (!s) continue;
      acc = acc ? rcp__arena_printf(w->d->arena, "%s, %s", acc, s) : s;
    }
    return acc;
  }
  return NULL;
}

static int is_article_type(json_t *t) {
  static const char *const types[] = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
    "LiveBlogPosting", "TechArticle", "ScholarlyArticle", "Report", "SocialMediaPosting", "WebPage", NULL};
  if (json_is_string(t)) {
    for (int i = 0; types[i]; i++) if (!strcmp(json_string_value(t), types[i])) return i == 13 ? 1 : 2;
    return 0;
  }
  if (json_is_array(t)) {
    size_t i;
    json_t *x;
    int best = 0;
    json_array_foreach(t, i, x) { int r = is_article_type(x); if (r > best) best = r; }
    return best;
  }
  return 0;
}

static void ld_object(walk *w, json_t *o, int depth) {
  if (depth > 4) return;
  if (json_is_array(o)) {
    size_t i;
    json_t *x;
    json_array_foreach(o, i, x) { if (i > 64) break; ld_object(w, x, depth + 1); }
    return;
  }
  if (!json_is_object(o)) return;
  json_t *g = json_object_get(o, "@graph");
  if (g) ld_object(w, g, depth + 1);
  int at = is_article_type(json_object_get(o, "@type"));
  if (!at) return;
  rcp_xmeta *m = w->m;
  if (at == 1) { /* WebPage: only what an article did not give */
    if (!m->ld_headline) m->ld_headline = json_str(w, json_object_get(o, "headline"));
    return;
  }
  if (!m->ld_headline) m->ld_headline = json_str(w, json_object_get(o, "headline"));
  if (!m->ld_headline) m->ld_headline = json_str(w, json_object_get(o, "name"));
  if (!m->pub_ld) m->pub_ld = json_str(w, json_object_get(o, "datePublished"));
  if (!m->mod_ld) m->mod_ld = json_str(w, json_object_get(o, "dateModified"));
  if (!m->ld_author) m->ld_author = json_names(w, json_object_get(o, "author"));
  if (!m->ld_publisher) {
    json_t *p = json_object_get(o, "publisher");
    if (json_is_object(p)) m->ld_publisher = json_str(w, json_object_get(p, "name"));
  }
  if (!m->ld_lang) m->ld_lang = json_str(w, json_object_get(o, "inLanguage"));
  if (!m->ld_body) {
    json_t *b = json_object_get(o, "articleBody");
    if (json_is_string(b)) m->ld_body = rcp__arena_strndup(w->d->arena, json_string_value(b), json_string_length(b));
  }
}

static void on_jsonld(walk *w, const rcp_hnode *nd) {
  for (const rcp_hnode *c = rcp__hnode_child(nd); c; c = rcp__hnode_next(c)) {
    size_t n;
    const char *s = rcp__hnode_text(c, &n);
    if (!s || n == 0 || n > ((size_t)4 << 20)) continue;
    json_error_t err;
    json_t *j = json_loadb(s, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    if (!j) continue;
    ld_object(w, j, 0);
    json_decref(j);
  }
}

/* ------------------------------------------------------------------ */
/* The walk                                                           */
/* ------------------------------------------------------------------ */

static int new_el(walk *w, int32_t parent, rcp_htag tag, int cue) {
  if (w->nel == w->capel) {
    size_t nc = w->capel ? w->capel * 2 : 256;
    if (nc > EL_MAX) return -1;
    xel *ne = rcp__realloc(w->els, nc * sizeof *ne);
    if (!ne) return -1;
    w->els = ne;
    w->capel = nc;
  }
  xel *e = &w->els[w->nel];
  memset(e, 0, sizeof *e);
  e->parent = parent;
  e->tag = (uint8_t)tag;
  e->cue = (uint8_t)cue;
  e->negc = (parent >= 0 ? w->els[parent].negc : 0) + ((cue & C_NEG) ? 1 : 0);
  e->nneg = (cue & (C_NEG | C_NEGW)) ? (int32_t)w->nel : parent >= 0 ? w->els[parent].nneg : -1;
  e->b0 = e->b1 = (uint32_t)w->nbl;
  return (int)w->nel++;
}

/* Commas, the ideographic and full-width ones too (sentence structure). */
static uint32_t commas(const char *s, size_t n) {
  uint32_t c = 0;
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == ',') c++;
    else if (i + 2 < n && ((p[i] == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x81) ||
                           (p[i] == 0xEF && p[i + 1] == 0xBC && p[i + 2] == 0x8C))) c++;
  }
  return c;
}

/* Text weight in characters; a CJK ideograph or kana counts for two
** (one carries about as much as a short Latin word). */
static uint32_t weight(const char *s, size_t n) {
  uint32_t c = 0;
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n; i++) {
    c += (p[i] & 0xC0) != 0x80;
    c += p[i] >= 0xE3 && p[i] <= 0xE9;
  }
  return c;
}

/* Ends the current block: it belongs to element el. */
static void flush(walk *w, int32_t el, uint16_t flags) {
  size_t end = w->txt.n;
  size_t s = w->cur_off;
  while (s < end && w->txt.p[s] == ' ') s++;
  size_t e = end;
  while (e > s && w->txt.p[e - 1] == ' ') e--;
  if (e > s && w->rc == RCP_OK) {
    if (w->nbl == w->capbl) {
      size_t nc = w->capbl ? w->capbl * 2 : 256;
      xblk *nb = nc <= EL_MAX ? rcp__realloc(w->bl, nc * sizeof *nb) : NULL;
      if (!nb) { w->rc = nc <= EL_MAX ? RCP_ENOMEM : RCP_ETOOBIG; return; }
      w->bl = nb;
      w->capbl = nc;
    }
    xblk *b = &w->bl[w->nbl++];
    memset(b, 0, sizeof *b);
    b->off = (uint32_t)s;
    b->len = (uint32_t)(e - s);
    b->chars = weight(w->txt.p + s, e - s);
    b->links = w->cur_links > b->chars ? b->chars : w->cur_links;
    b->el = el;
    b->flags = flags;
    rcp_htag t = el >= 0 ? (rcp_htag)w->els[el].tag : RCP_H_OTHER;
    int hl = hlevel_of(t);
    b->hlevel = (uint8_t)hl;
    if (hl) { b->kind = RCP_BLOCK_HEADING; b->flags |= B_H; }
    else if (t == RCP_H_LI || t == RCP_H_DD || t == RCP_H_DT || (flags & B_LI)) b->kind = RCP_BLOCK_LIST_ITEM;
    else if (t == RCP_H_BLOCKQUOTE || (flags & B_QUOTE)) b->kind = RCP_BLOCK_QUOTE;
    else if (t == RCP_H_TD || t == RCP_H_TH) b->kind = b->chars < 200 ? RCP_BLOCK_TABLE : RCP_BLOCK_PARAGRAPH;
    else b->kind = RCP_BLOCK_PARAGRAPH;
    if (b->links * 10 >= b->chars * 9) b->flags |= B_LINKONLY;
    if (rcp__buf_addc(&w->txt, '\n') != RCP_OK) w->rc = w->txt.err;
  } else {
    w->txt.n = s > end ? end : s; /* drop white space */
    if (w->txt.p) w->txt.p[w->txt.n] = 0;
  }
  w->cur_off = w->txt.n;
  w->cur_links = 0;
  w->lastsp = 1;
}

typedef struct frame {
  const rcp_hnode *nd;
  int32_t el;        /* element record opened by this node, or -1 */
  int32_t owner;     /* element owning text at this level */
  uint16_t flags;    /* inline flags in force inside this node */
  uint8_t tag;
  uint8_t link;      /* inside <a> */
  size_t mark;       /* txt.n when entered (for h1, author, time text) */
  uint8_t grab;      /* 1 h1, 2 author, 3 time/date, 4 author by class */
} frame;

static void text_of(walk *w, size_t from, char *out, size_t cap) {
  size_t o = 0;
  int sp = 1;
  for (size_t i = from; i < w->txt.n && o + 1 < cap; i++) {
    char c = w->txt.p[i] == '\n' ? ' ' : w->txt.p[i];
    if (c == ' ' && sp) continue;
    sp = c == ' ';
    out[o++] = c;
  }
  if (o + 1 >= cap) { /* cut: drop a possibly incomplete last character */
    while (o && ((unsigned char)out[o - 1] & 0xC0) == 0x80) o--;
    if (o && (unsigned char)out[o - 1] >= 0xC0) o--;
  }
  while (o && out[o - 1] == ' ') o--;
  out[o] = 0;
}

/* A class value with a token that names the author's element exactly
** ("author", "byline", "vcard author"; not "comment-author"). */
static int author_class(const char *v, size_t n) {
  static const char *const toks[] = {"author", "auteur", "byline", "author-name", "authorname",
    "article-author", "post-author", "entry-author", "author_name", NULL};
  size_t i = 0;
  while (i < n) {
    while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n')) i++;
    size_t j = i;
    while (j < n && v[j] != ' ' && v[j] != '\t' && v[j] != '\n') j++;
    for (int k = 0; toks[k]; k++)
      if (strlen(toks[k]) == j - i && !strncasecmp(v + i, toks[k], j - i)) return 1;
    i = j;
  }
  return 0;
}

static int run_walk(walk *w, const rcp_hnode *root) {
  size_t capst = 256, nst = 0;
  frame *st = rcp__malloc(capst * sizeof *st);
  if (!st) return RCP_ENOMEM;
  int rootel = new_el(w, -1, RCP_H_DOCUMENT, 0);
  if (rootel < 0) { rcp__free(st); return RCP_ENOMEM; }
  st[nst++] = (frame){root, rootel, rootel, 0, RCP_H_DOCUMENT, 0, 0, 0};
  const rcp_hnode *nd = rcp__hnode_child(root);
  int in_head = 0;
  eattrs ea;
  while (nst && w->rc == RCP_OK) {
    if (nd) {
      frame *top = &st[nst - 1];
      rcp_htag t = rcp__hnode_tag(nd);
      int descend = 0;
      frame f = {nd, -1, top->owner, top->flags, (uint8_t)t, top->link, w->txt.n, 0};
      if (t == RCP_H_TEXT) {
        if (!in_head) {
          size_t n;
          const char *s = rcp__hnode_text(nd, &n);
          if (s && n) {
            size_t before = w->txt.n;
            int r = rcp__x_collapse(&w->txt, s, n, &w->lastsp);
            if (r != RCP_OK) { w->rc = r; break; }
            if (top->link) w->cur_links += weight(w->txt.p + before, w->txt.n - before);
          }
        }
      } else if (t == RCP_H_META) {
        on_meta(w, nd);
      } else if (t == RCP_H_LINK) {
        size_t rn, hn;
        const char *rel = rcp__hnode_attr(nd, "rel", &rn);
        const char *href = rcp__hnode_attr(nd, "href", &hn);
        if (rel && href && ieq(rel, rn, "canonical") && !w->m->canonical) w->m->canonical = adup(w, href, hn);
      } else if (t == RCP_H_SCRIPT) {
        size_t tn;
        const char *ty = rcp__hnode_attr(nd, "type", &tn);
        if (ty && ieq(ty, tn, "application/ld+json")) on_jsonld(w, nd);
      } else if (t == RCP_H_TITLE) {
        if (!w->m->html_title && !w->els[top->owner].negc) {
          const rcp_hnode *c = rcp__hnode_child(nd);
          size_t n;
          const char *s = c ? rcp__hnode_text(c, &n) : NULL;
          if (s) w->m->html_title = adup(w, s, n);
        }
      } else if (t == RCP_H_HEAD) {
        in_head = rcp__hnode_child(nd) != NULL; /* reset when the frame is left */
        f.el = -1;
        descend = 1;
      } else if (t == RCP_H_HTML) {
        size_t ln;
        const char *l = rcp__hnode_attr(nd, "lang", &ln);
        if (!l) l = rcp__hnode_attr(nd, "xml:lang", &ln);
        if (l && !w->m->lang_html) w->m->lang_html = adup(w, l, ln);
        descend = 1;
        f.el = new_el(w, top->owner, t, 0);
        if (f.el < 0) { w->rc = RCP_ENOMEM; break; }
        f.owner = f.el;
      } else if (t == RCP_H_BR || t == RCP_H_HR) {
        if (!in_head) flush(w, top->owner, top->flags);
      } else if (t == RCP_H_IMG || is_skipped(t) || in_head) {
        if (in_head && t != RCP_H_OTHER) descend = 0;
        else if (in_head) descend = 1;  /* unknown tags in head: look inside for meta */
      } else if ((gather(nd, &ea), hidden(&ea))) {
        /* skipped with its subtree */
      } else {
        descend = 1;
        int cue = attr_cue(&ea, w->cues);
        if (t == RCP_H_NAV || t == RCP_H_ASIDE || t == RCP_H_FOOTER || t == RCP_H_MENU || t == RCP_H_DIALOG) cue |= C_NEG;
        if (t == RCP_H_FIGCAPTION || t == RCP_H_CAPTION) cue |= C_CAPTION;
        if (t == RCP_H_HEADER) cue |= C_WEAK;
        if (t == RCP_H_ADDRESS) cue |= C_META;
        if (t == RCP_H_BODY) cue = 0; /* page-level classes say nothing */
        if (t == RCP_H_TIME) {
          size_t dn;
          const char *dt = rcp__hnode_attr(nd, "datetime", &dn);
          size_t ipn = ea.nitemprop;
          const char *ip = ea.itemprop;
          if (dt) {
            if (ip && ieq(ip, ipn, "dateModified")) { if (!w->m->mod_meta) w->m->mod_meta = adup(w, dt, dn); }
            else if (ip && ieq(ip, ipn, "datePublished")) { if (!w->m->pub_item) w->m->pub_item = adup(w, dt, dn); }
            else if (!w->m->pub_time_el && !w->els[top->owner].negc) w->m->pub_time_el = adup(w, dt, dn);
          }
        } else {
          size_t ipn = ea.nitemprop;
          const char *ip = ea.itemprop;
          if (ip && ieq(ip, ipn, "datePublished") && !w->m->pub_item) {
            size_t cn;
            const char *c = rcp__hnode_attr(nd, "content", &cn);
            if (!c) c = rcp__hnode_attr(nd, "datetime", &cn);
            if (c) w->m->pub_item = adup(w, c, cn);
            else f.grab = 3;
          } else if (ip && ieq(ip, ipn, "author") && !w->m->dom_author) {
            f.grab = 2;
          }
          if (ea.rel && ieq(ea.rel, ea.nrel, "author") && !w->m->dom_author) f.grab = 2;
          else if (!f.grab && !w->m->cls_author && ea.cls && author_class(ea.cls, ea.ncls) && !w->els[top->owner].negc)
            f.grab = 4;
        }
        if (t == RCP_H_A) f.link = 1;
        /* Block elements keep their cue in their record (judged later
        ** against their size); inline ones mark their text. */
        if (!is_block(t)) {
          if (cue & (C_NEG | C_NEGW)) f.flags |= B_INNEG;
          if (cue & C_CAPTION) f.flags |= B_CAPTION;
          if (cue & C_META) f.flags |= B_META;
        }
        if (t == RCP_H_PRE) f.flags |= B_PRE;
        if (t == RCP_H_BLOCKQUOTE) f.flags |= B_QUOTE;
        if (t == RCP_H_LI) f.flags |= B_LI;
        if (t == RCP_H_H1 && w->m->nh1 < 4 && !w->els[top->owner].negc) { f.grab = 1; }
        if (is_block(t)) {
          flush(w, top->owner, top->flags);
          f.el = new_el(w, top->owner, t, cue);
          if (f.el < 0) { w->rc = RCP_ENOMEM; break; }
          f.owner = f.el;
          f.mark = w->txt.n;
        }
      }
      if (descend && rcp__hnode_child(nd)) {
        if (nst == capst) {
          size_t nc = capst * 2;
          frame *ns = nc <= EL_MAX ? rcp__realloc(st, nc * sizeof *ns) : NULL;
          if (!ns) { w->rc = nc <= EL_MAX ? RCP_ENOMEM : RCP_ETOOBIG; break; }
          st = ns;
          capst = nc;
        }
        st[nst++] = f;
        nd = rcp__hnode_child(nd);
        continue;
      }
      if (descend && f.el >= 0) { /* empty block element */
        w->els[f.el].b1 = (uint32_t)w->nbl;
      }
      nd = rcp__hnode_next(nd);
      continue;
    }
    /* leave the node on top of the stack */
    frame f = st[--nst];
    if (f.tag == RCP_H_HEAD) in_head = 0;
    if (f.grab) {
      char buf[512];
      text_of(w, f.mark, buf, sizeof buf);
      if (buf[0]) {
        if (f.grab == 1) {
          const char *h = adup(w, buf, strlen(buf));
          if (!w->m->h1) w->m->h1 = h;
          if (w->m->nh1 < 4) w->m->h1s[w->m->nh1++] = h;
        }
        else if (f.grab == 2 && !w->m->dom_author && strlen(buf) < 100) w->m->dom_author = adup(w, buf, strlen(buf));
        else if (f.grab == 3 && !w->m->pub_item) w->m->pub_item = adup(w, buf, strlen(buf));
        else if (f.grab == 4 && !w->m->cls_author && strlen(buf) < 100) w->m->cls_author = adup(w, buf, strlen(buf));
      }
    }
    if (f.el >= 0) {
      flush(w, f.el, f.flags);
      w->els[f.el].b1 = (uint32_t)w->nbl;
    }
    if (!nst) break;
    nd = rcp__hnode_next(f.nd);
  }
  flush(w, rootel, 0);
  w->els[rootel].b1 = (uint32_t)w->nbl;
  rcp__free(st);
  return w->rc;
}

/* ------------------------------------------------------------------ */
/* Scoring and selection                                              */
/* ------------------------------------------------------------------ */

static int para_owner(rcp_htag t) {
  switch (t) {
  case RCP_H_P: case RCP_H_LI: case RCP_H_DD: case RCP_H_DT: case RCP_H_BLOCKQUOTE: case RCP_H_PRE:
  case RCP_H_TD: case RCP_H_TH: case RCP_H_H1: case RCP_H_H2: case RCP_H_H3: case RCP_H_H4: case RCP_H_H5:
  case RCP_H_H6: case RCP_H_FIGCAPTION: case RCP_H_CAPTION:
    return 1;
  default:
    return 0;
  }
}

static void score(walk *w) {
  /* subtree totals: elements are in pre-order, so children follow parents */
  for (size_t i = 0; i < w->nbl; i++) {
    xblk *b = &w->bl[i];
    w->els[b->el].chars += b->chars;
    w->els[b->el].links += b->links;
  }
  for (size_t i = w->nel; i-- > 1;) {
    xel *e = &w->els[i];
    if (e->parent >= 0) { w->els[e->parent].chars += e->chars; w->els[e->parent].links += e->links; }
  }
  for (size_t i = 0; i < w->nbl; i++) {
    xblk *b = &w->bl[i];
    if (b->chars < 25 || (b->flags & (B_H | B_CAPTION))) continue;
    double ld = (double)b->links / b->chars;
    if (ld > 0.5) continue;
    double s = 1.0 + commas(w->txt.p + b->off, b->len) + (b->chars / 100.0 > 3 ? 3 : b->chars / 100.0);
    s *= 1.0 - ld;
    int32_t e = b->el;
    if (para_owner((rcp_htag)w->els[e].tag) && w->els[e].parent >= 0) e = w->els[e].parent;
    static const double div[] = {1.0, 2.0, 6.0};
    for (int lv = 0; lv < 3 && e >= 0; lv++) {
      w->els[e].score += (float)(s / div[lv]);
      e = w->els[e].parent;
    }
  }
  for (size_t i = 0; i < w->nel; i++) {
    xel *e = &w->els[i];
    if (e->score <= 0) continue;
    double ld = e->chars ? (double)e->links / e->chars : 0;
    double f = 1.0 - ld;
    if (e->negc) f *= 0.25;             /* inside comments, related lists... */
    if (e->cue & C_NEGW) f *= 0.6;
    if (e->cue & C_META) f *= 0.5;
    if (e->cue & C_CAPTION) f *= 0.2;
    if (e->cue & C_POS) f *= 1.25;
    if (e->cue & C_BODY) f *= 1.6;
    if (e->tag == RCP_H_ARTICLE || e->tag == RCP_H_MAIN) f *= 1.15;
    e->score = (float)(e->score * f);
  }
}

/* Effective cues below a region root: bad[i] for every element of the
** root's subtree (indices root..end), the C_NEG / C_CAPTION / C_META bits
** of it and its ancestors up to the root.  A cue on an element that holds
** a large part of the region's text is a framework class ("elementor-
** widget", "post-meta-wrapper"), not boilerplate, and is ignored. */
static size_t region_cues(const walk *w, int32_t root, uint8_t *bad) {
  const xel *re = &w->els[root];
  double big = 0.4 * re->chars;
  bad[root] = 0;
  size_t i = (size_t)root + 1;
  for (; i < w->nel; i++) {
    const xel *e = &w->els[i];
    if (e->parent < root) break; /* pre-order: the subtree is contiguous */
    uint8_t c = 0;
    if (e->chars < big) {
      if (e->cue & (C_NEG | C_NEGW)) c |= C_NEG;
      if ((e->cue & C_CAPTION) && e->chars < 600) c |= C_CAPTION;
      if ((e->cue & C_META) && e->chars < 400) c |= C_META;
    }
    bad[i] = (uint8_t)(0x80 | (bad[e->parent] & 0x7F) | c);
  }
  return i;
}

typedef struct sel { int32_t el; } sel;

/* Bylines and date lines near the region (the article's header usually
** sits just before its body): up to META_BEFORE blocks before it. */
#define META_BEFORE 40
#define META_AFTER 20
/* One short line of the article's header; "Accueil | Par X | 12 mars 2025"
** is looked at segment by segment.  after: only an explicit label and
** its date count (comments after the body carry dates too). */
static void meta_line(walk *w, const char *s, size_t n, int after) {
  rcp_xmeta *m = w->m;
  char name[256], pub[32], upd[32];
  if (after) return;
  int by = 0; /* a byline often carries the date too: "Par Jean Dupont le 7 mai 2020" */
  if (!m->byline_author && rcp__x_byline(s, n, name, sizeof name)) {
    m->byline_author = rcp__arena_strdup(w->d->arena, name);
    by = 1;
  }
  if (rcp__x_dateline(s, n, m->mdy, pub, upd)) {
    if (pub[0] && !m->pub_text) m->pub_text = rcp__arena_strdup(w->d->arena, pub);
    if (upd[0] && !m->mod_text) m->mod_text = rcp__arena_strdup(w->d->arena, upd);
    return;
  }
  if (by) return;
  /* segments between '|', '\xc2\xb7' (middle dot), '\xe2\x80\xa2' (bullet) */
  size_t i = 0, start = 0;
  int segs = 0;
  while (i <= n && segs < 8) {
    int sep = i == n || s[i] == '|' ? 1 : (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xB7) ? 2
            : (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0xA2) ? 3 : 0;
    if (!sep) { i++; continue; }
    if (start > 0 || i < n) {
      const char *q = s + start;
      size_t l = i - start;
      while (l && *q == ' ') { q++; l--; }
      while (l && q[l - 1] == ' ') l--;
      if (l) {
        if (!m->byline_author && rcp__x_byline(q, l, name, sizeof name))
          m->byline_author = rcp__arena_strdup(w->d->arena, name);
        else if (rcp__x_dateline(q, l, m->mdy, pub, upd)) {
          if (pub[0] && !m->pub_text) m->pub_text = rcp__arena_strdup(w->d->arena, pub);
          if (upd[0] && !m->mod_text) m->mod_text = rcp__arena_strdup(w->d->arena, upd);
        }
      }
      segs++;
    }
    i += (size_t)sep;
    start = i;
    if (i == n) break;
  }
}

static void meta_lines(walk *w, uint32_t from, uint32_t to, int after) {
  rcp_xmeta *m = w->m;
  char pub[32], upd[32];
  for (uint32_t i = from; i < to; i++) {
    xblk *b = &w->bl[i];
    const char *s = w->txt.p + b->off;
    size_t n = b->len;
    if (n >= 200 || (b->flags & (B_INNEG | B_CAPTION))) continue;
    if (!m->pub_text && i + 1 < w->nbl && rcp__x_date_label(s, n)) {
      const xblk *nb = &w->bl[i + 1];
      if (nb->len < 60 && rcp__x_dateline(w->txt.p + nb->off, nb->len, m->mdy, pub, upd) && pub[0])
        m->pub_text = rcp__arena_strdup(w->d->arena, pub);
    } else {
      meta_line(w, s, n, after);
    }
  }
}

/* The lead (standfirst, chapô): article-like text between the title (the
** page's first <h1>) and the body, when the body region starts after it
** and close to it.  Long headings there are leads set in <h2>. */
#define LEAD_MAX 30
static int lead(walk *w, rcp_xout *o, uint32_t b0) {
  uint32_t from = b0 > LEAD_MAX ? b0 - LEAD_MAX : 0, h1 = UINT32_MAX;
  for (uint32_t i = b0; i-- > from;)
    if (w->bl[i].hlevel == 1) { h1 = i; break; }
  if (h1 == UINT32_MAX) return RCP_OK;
  uint32_t tneg = w->els[w->bl[h1].el].negc;
  char tmp[256], pub[32], upd[32];
  for (uint32_t i = h1 + 1; i < b0; i++) {
    xblk *b = &w->bl[i];
    const char *s = w->txt.p + b->off;
    size_t n = b->len;
    if (b->chars < LEAD_MIN_CHARS || b->links * 5 > b->chars) continue;
    if ((b->flags & (B_INNEG | B_CAPTION | B_META)) || w->els[b->el].negc > tneg) continue;
    if (w->els[b->el].cue & (C_NEG | C_NEGW | C_CAPTION | C_META)) continue;
    if (rcp__x_byline(s, n, tmp, sizeof tmp) || rcp__x_dateline(s, n, w->m->mdy, pub, upd) ||
        rcp__x_credit_line(s, n, tmp, sizeof tmp) || rcp__x_boiler(s, n)) continue;
    int rc = rcp__xout_add(o, RCP_BLOCK_PARAGRAPH, s, n);
    if (rc != RCP_OK) return rc;
  }
  return RCP_OK;
}

static int emit_pass(walk *w, rcp_xout *o, const int32_t *reg, size_t nreg, int use_cues, uint8_t *bad,
                     size_t *cue_dropped, size_t *kept);

/* Emits the region's blocks.  Class/id cues are hints: when obeying them
** would drop nearly all the text of the region (a live blog whose entries
** are "live-comment"s), the region is emitted again without them. */
static int emit(walk *w, rcp_xout *o, const int32_t *reg, size_t nreg) {
  uint8_t *bad = rcp__malloc(w->nel ? w->nel : 1);
  if (!bad) return RCP_ENOMEM;
  if (nreg) {
    uint32_t b0 = w->els[reg[0]].b0;
    meta_lines(w, b0 > META_BEFORE ? b0 - META_BEFORE : 0, b0, 0);
    uint32_t b1 = w->els[reg[nreg - 1]].b1;
    meta_lines(w, b1, b1 + META_AFTER < w->nbl ? b1 + META_AFTER : (uint32_t)w->nbl, 1);
    int r2 = lead(w, o, b0);
    if (r2 != RCP_OK) { rcp__free(bad); return r2; }
  }
  size_t n0 = o->n, t0 = o->text.n, dropped = 0, kept = 0;
  int rc = emit_pass(w, o, reg, nreg, 1, bad, &dropped, &kept);
  if (rc == RCP_OK && dropped > 500 && kept * 4 < dropped) {
    o->n = n0;
    o->text.n = t0;
    rc = emit_pass(w, o, reg, nreg, 0, bad, &dropped, &kept);
  }
  rcp__free(bad);
  /* trailing headings with nothing after them are section furniture */
  while (rc == RCP_OK && o->n && o->b[o->n - 1].kind == RCP_BLOCK_HEADING) { o->text.n = o->b[o->n - 1].off; o->n--; }
  return rc;
}

static int emit_pass(walk *w, rcp_xout *o, const int32_t *reg, size_t nreg, int use_cues, uint8_t *bad,
                     size_t *cue_dropped, size_t *kept) {
  rcp_xmeta *m = w->m;
  char name[256], src[256], pub[32], upd[32];
  *cue_dropped = *kept = 0;
  int in_section = 0; /* inside a "related stories" section */
  /* first and last block of the region */
  for (size_t r = 0; r < nreg; r++) {
    int32_t root = reg[r];
    xel *re = &w->els[root];
    region_cues(w, root, bad);
    bad[root] = 0x80;
    for (uint32_t i = re->b0; i < re->b1; i++) {
      xblk *b = &w->bl[i];
      const char *s = w->txt.p + b->off;
      size_t n = b->len;
      /* metadata lines, wherever they are */
      if (n < 200) {
        if (!m->byline_author && rcp__x_byline(s, n, name, sizeof name)) {
          m->byline_author = rcp__arena_strdup(w->d->arena, name);
          continue;
        }
        if (rcp__x_dateline(s, n, m->mdy, pub, upd)) {
          if (pub[0] && !m->pub_text) m->pub_text = rcp__arena_strdup(w->d->arena, pub);
          if (upd[0] && !m->mod_text) m->mod_text = rcp__arena_strdup(w->d->arena, upd);
          continue;
        }
      }
      uint8_t eb = use_cues ? bad[b->el] : 0;
      uint16_t bf = use_cues ? b->flags : 0;
      if ((eb & (C_NEG | C_CAPTION)) || (bf & (B_INNEG | B_CAPTION)) ||
          (((eb & C_META) || (bf & B_META)) && n < 200)) {
        *cue_dropped += b->chars;
        continue;
      }
      if (b->hlevel == 1) continue; /* the title */
      if (b->hlevel) {
        in_section = rcp__x_boiler_heading(s, n);
        if (in_section) continue;
      } else if (in_section) {
        /* the section is links and teasers; real paragraphs end it */
        if (b->kind != RCP_BLOCK_PARAGRAPH || b->chars < 100 || b->links * 5 > b->chars) continue;
        in_section = 0;
      }
      double ld = b->chars ? (double)b->links / b->chars : 0;
      if (ld > 0.5 && (b->chars < 300 || ld > 0.8)) continue;
      if (n < 300 && rcp__x_credit_line(s, n, src, sizeof src)) {
        if (!m->credit) m->credit = rcp__arena_strdup(w->d->arena, src);
        continue;
      }
      if (rcp__x_boiler(s, n)) continue;
      if (!m->credit_inline && rcp__x_credit_inline(s, n, src, sizeof src))
        m->credit_inline = rcp__arena_strdup(w->d->arena, src);
      int r2 = rcp__xout_add(o, b->kind, s, n);
      if (r2 != RCP_OK) return r2;
      *kept += b->chars;
    }
  }
  return RCP_OK;
}

/* Text of blocks [b0, b1) that reads like article text, as seen from
** element top (blocks inside boilerplate below top do not count); linky
** gets the text of link-heavy blocks. */
static void text_kinds(const walk *w, uint32_t b0, uint32_t b1, int32_t top, double *good, double *linky,
                       int *teasers) {
  int after_link = 0;
  for (uint32_t i = b0; i < b1; i++) {
    const xblk *b = &w->bl[i];
    if (w->els[b->el].nneg > top || (b->flags & (B_CAPTION | B_INNEG))) continue;
    if (b->links * 2 > b->chars) { *linky += b->chars; after_link = 1; continue; }
    if (b->flags & B_H) continue;
    if (b->chars >= CLIMB_MIN_CHARS && b->links * 4 <= b->chars) {
      *good += b->chars;
      if (after_link) ++*teasers; /* a linked headline, then its summary */
      after_link = 0;
    }
  }
}

/* Climbs from the best element to its ancestors while an ancestor adds
** article-like text around it (a lead paragraph in the header, a body
** split across sibling containers) and not mainly links. */
static int32_t climb(const walk *w, int32_t cur) {
  double gcur = 0, lcur = 0;
  int32_t commit = cur;
  int tz = 0;
  text_kinds(w, w->els[cur].b0, w->els[cur].b1, cur, &gcur, &lcur, &tz);
  for (int guard = 0; guard < 64; guard++) {
    int32_t p = w->els[cur].parent;
    if (p < 0) break;
    const xel *pe = &w->els[p];
    if (pe->tag == RCP_H_BODY || pe->tag == RCP_H_HTML || pe->tag == RCP_H_DOCUMENT || (pe->cue & C_NEG)) break;
    double g = 0, l = 0;
    int teasers = 0;
    text_kinds(w, pe->b0, w->els[cur].b0, p, &g, &l, &teasers);
    text_kinds(w, w->els[cur].b1, pe->b1, p, &g, &l, &teasers);
    if (teasers >= 3) break; /* a list of other articles with their summaries */
    if (g == 0 && l == 0) { cur = p; continue; } /* a wrapper: look further up */
    double need = CLIMB_REL * gcur;
    if (need < CLIMB_ABS) need = CLIMB_ABS;
    if (g < need || g < l) break;
    cur = commit = p;
    gcur += g;
  }
  return commit;
}

static int select_region(walk *w, int32_t *reg, size_t cap, size_t *nreg) {
  int32_t best = 0;
  float bs = -1;
  for (size_t i = 1; i < w->nel; i++)
    if (w->els[i].score > bs) { bs = w->els[i].score; best = (int32_t)i; }
  *nreg = 0;
  if (bs <= 0) { reg[(*nreg)++] = 0; return 0; }
  best = climb(w, best);
  bs = w->els[best].score > bs ? w->els[best].score : bs;
  int32_t par = w->els[best].parent;
  if (par < 0) { reg[(*nreg)++] = best; return 0; }
  float thr = bs * 0.2f > 10 ? bs * 0.2f : 10;
  /* siblings in document order: elements whose parent is par */
  xel *pe = &w->els[par];
  (void)pe;
  size_t first = (size_t)par + 1;
  for (size_t i = first; i < w->nel && *nreg < cap; i++) {
    xel *e = &w->els[i];
    if (e->b0 >= w->els[par].b1 && e->b0 > w->els[best].b1) break;
    if (e->parent != par) continue;
    if ((int32_t)i == best) { reg[(*nreg)++] = (int32_t)i; continue; }
    if (e->cue & (C_NEG | C_NEGW | C_CAPTION)) continue;
    if (e->score >= thr) { reg[(*nreg)++] = (int32_t)i; continue; }
    /* a paragraph sibling with real text */
    if (e->tag == RCP_H_P && e->chars >= 80 && e->links * 4 < e->chars) { reg[(*nreg)++] = (int32_t)i; continue; }
  }
  if (*nreg == 0) reg[(*nreg)++] = best;
  return 0;
}

#ifdef RCP_XDEBUG
#include <stdio.h>
static void debug_dump(walk *w, const int32_t *reg, size_t nreg) {
  for (size_t i = 0; i < w->nel; i++) {
    xel *e = &w->els[i];
    if (e->score < 3) continue;
    int in = 0;
    for (size_t r = 0; r < nreg; r++) in |= reg[r] == (int32_t)i;
    fprintf(stderr, "%c el %zu parent %d tag %d cue %d negc %u score %.1f chars %u links %u blocks %u-%u\n",
            in ? '*' : ' ', i, e->parent, e->tag, e->cue, e->negc, e->score, e->chars, e->links, e->b0, e->b1);
  }
  for (size_t i = 0; i < w->nbl; i++) {
    xblk *b = &w->bl[i];
    fprintf(stderr, "  b%zu el %d k%d f%x c%u l%u: %.80s\n", i, b->el, b->kind, b->flags, b->chars, b->links, w->txt.p + b->off);
  }
}
#endif

int rcp__extract_html(const rcp_ctx *ctx, rcp_doc *d, rcp_xmeta *m, rcp_xout *o) {
  (void)ctx;
  rcp_html *h = NULL;
  int rc = rcp__html_parse(d->raw, d->raw_len, &h);
  if (rc != RCP_OK) return rc;
  walk w;
  memset(&w, 0, sizeof w);
  w.d = d;
  w.m = m;
  w.lastsp = 1;
  rcp__buf_init(&w.txt, 3 * d->raw_len + 1024); /* U+FFFD for bad bytes */
  w.cues = rcp__calloc(CUE_CACHE, sizeof *w.cues);
  rc = w.cues ? rcp__buf_add(&w.txt, "", 0) : RCP_ENOMEM;
  if (rc == RCP_OK) rc = run_walk(&w, rcp__html_document(h));
  rcp__html_free(h);
  if (rc == RCP_OK) {
    if (m->lang_html && (!strncasecmp(m->lang_html, "en-us", 5) || !strcasecmp(m->lang_html, "en"))) m->mdy = 1;
    score(&w);
    size_t nreg = 0, cap = w.nel < 4096 ? w.nel + 1 : 4096;
    int32_t *reg = rcp__malloc(cap * sizeof *reg);
    if (!reg) rc = RCP_ENOMEM;
    if (rc == RCP_OK) select_region(&w, reg, cap, &nreg);
#ifdef RCP_XDEBUG
    if (rc == RCP_OK) debug_dump(&w, reg, nreg);
#endif
    if (rc == RCP_OK) rc = emit(&w, o, reg, nreg);
    rcp__free(reg);
    /* No site name in the markup: the footer's "© Site 2026" (used only
    ** when the page has no URL either; rcp__x_finish). */
    if (rc == RCP_OK && !m->og_site && !m->ld_publisher && !m->app_name) {
      char name[256];
      for (size_t i = w.nbl, k = 0; i-- > 0 && k < 40 && !m->text_site; k++) {
        const char *t = w.txt.p + w.bl[i].off;
        unsigned char c = (unsigned char)t[0];
        if (w.bl[i].len < 200 && (c == 0xC2 || c == 'C' || c == 'c' || c == '(' || c == 'P' || c == 'L') &&
            rcp__x_site_line(t, w.bl[i].len, name, sizeof name))
          m->text_site = rcp__arena_strdup(d->arena, name);
      }
    }
  }
  rcp__buf_free(&w.txt);
  rcp__free(w.cues);
  rcp__free(w.els);
  rcp__free(w.bl);
  return rc;
}
