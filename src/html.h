/* html.h -- the project's own small HTML interface: parse a UTF-8 page into
** a tree and walk it (tag, attributes, text).  The extractor sees only this;
** src/html.c implements it over myhtml (libmodest-dev), and another parser
** (libxml2) could implement it with no change to the extractor.
**
** Threading: each thread has its own parser (thread-local, created on first
** use); a thread holds at most one parsed page at a time, so a page must be
** freed (rcp__html_free) before that thread parses the next.  Nodes and the
** strings they return are valid until rcp__html_free.
**
** It does not decode charsets (input must already be UTF-8), run scripts,
** or apply CSS.
*/
#ifndef RCP_HTML_H
#define RCP_HTML_H

#include <stddef.h> /* size_t */

/* The tags the extractor distinguishes; everything else is RCP_H_OTHER
** (its name is still available through rcp__hnode_name). */
typedef enum {
  RCP_H_OTHER = 0, RCP_H_TEXT, RCP_H_COMMENT, RCP_H_DOCUMENT,
  RCP_H_A, RCP_H_ADDRESS, RCP_H_ARTICLE, RCP_H_ASIDE, RCP_H_AUDIO, RCP_H_B,
  RCP_H_BLOCKQUOTE, RCP_H_BODY, RCP_H_BR, RCP_H_BUTTON, RCP_H_CANVAS,
  RCP_H_CAPTION, RCP_H_CENTER, RCP_H_CITE, RCP_H_CODE, RCP_H_DD,
  RCP_H_DETAILS, RCP_H_DIALOG, RCP_H_DIV, RCP_H_DL, RCP_H_DT, RCP_H_EM,
  RCP_H_EMBED, RCP_H_FIELDSET, RCP_H_FIGCAPTION, RCP_H_FIGURE, RCP_H_FONT,
  RCP_H_FOOTER, RCP_H_FORM, RCP_H_FRAMESET, RCP_H_H1, RCP_H_H2, RCP_H_H3,
  RCP_H_H4, RCP_H_H5, RCP_H_H6, RCP_H_HEAD, RCP_H_HEADER, RCP_H_HGROUP,
  RCP_H_HR, RCP_H_HTML, RCP_H_I, RCP_H_IFRAME, RCP_H_IMG, RCP_H_INPUT,
  RCP_H_LABEL, RCP_H_LEGEND, RCP_H_LI, RCP_H_LINK, RCP_H_MAIN, RCP_H_MAP,
  RCP_H_MATH, RCP_H_MENU, RCP_H_META, RCP_H_NAV, RCP_H_NOSCRIPT,
  RCP_H_OBJECT, RCP_H_OL, RCP_H_OPTION, RCP_H_P, RCP_H_PICTURE, RCP_H_PRE,
  RCP_H_Q, RCP_H_SCRIPT, RCP_H_SECTION, RCP_H_SELECT, RCP_H_SMALL,
  RCP_H_SOURCE, RCP_H_SPAN, RCP_H_STRONG, RCP_H_STYLE, RCP_H_SUB,
  RCP_H_SUMMARY, RCP_H_SUP, RCP_H_SVG, RCP_H_TABLE, RCP_H_TBODY, RCP_H_TD,
  RCP_H_TEMPLATE, RCP_H_TEXTAREA, RCP_H_TFOOT, RCP_H_TH, RCP_H_THEAD,
  RCP_H_TIME, RCP_H_TITLE, RCP_H_TR, RCP_H_U, RCP_H_UL, RCP_H_VIDEO,
  RCP_H_WBR, RCP_H_XMP,
  RCP_H_COUNT
} rcp_htag;

typedef struct rcp_html rcp_html;   /* a parsed page */
typedef struct rcp_hnode rcp_hnode; /* a node of it (opaque) */

/* Parses s[0..n) (UTF-8; NUL bytes allowed) with this thread's parser.
** RCP_OK and *out set, or RCP_ENOMEM / RCP_EPARSE with *out NULL.
** RCP_EINVAL if this thread still holds an unfreed page. */
int rcp__html_parse(const char *s, size_t n, rcp_html **out);
/* Releases the page (the thread's parser is kept for the next page). */
void rcp__html_free(rcp_html *h);
/* Frees this thread's parser (call when a worker thread ends; optional). */
void rcp__html_thread_cleanup(void);

/* The document node (parent of <html>). */
const rcp_hnode *rcp__html_document(const rcp_html *h);

/* Tree navigation; NULL at the end. */
const rcp_hnode *rcp__hnode_child(const rcp_hnode *n);
const rcp_hnode *rcp__hnode_next(const rcp_hnode *n);
const rcp_hnode *rcp__hnode_parent(const rcp_hnode *n);

rcp_htag rcp__hnode_tag(const rcp_hnode *n);
/* Lower-case tag name (e.g. "div", "amp-img"); "" for text. */
const char *rcp__hnode_name(const rcp_hnode *n, size_t *len);
/* Text of a text or comment node (entities decoded), else NULL. */
const char *rcp__hnode_text(const rcp_hnode *n, size_t *len);
/* Value of attribute `name` (lower case), or NULL if absent. */
const char *rcp__hnode_attr(const rcp_hnode *n, const char *name, size_t *len);

/* Attributes in document order: first, next (NULL at the end); names are
** lower case. */
typedef struct rcp_hattr rcp_hattr;
const rcp_hattr *rcp__hnode_attrs(const rcp_hnode *n);
const rcp_hattr *rcp__hattr_next(const rcp_hattr *a);
const char *rcp__hattr_name(const rcp_hattr *a, size_t *len);
const char *rcp__hattr_value(const rcp_hattr *a, size_t *len); /* "" when none */

#endif
