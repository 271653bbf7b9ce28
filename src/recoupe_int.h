/* recoupe_int.h -- internal declarations shared across src/ (like sqliteInt.h).
**
** The document model (struct rcp_doc) is what every per-document stage reads
** and writes; the story model (struct rcp_story) is what cluster, facts and
** digest share.  Stages do not call each other: src/pipeline.c composes them.
** Only src/store*.c include <sqlite3.h>.
**
** Sections, one per stage; each stage owns its section.  Keep each section's
** declarations next to each other so parallel work does not collide.
*/
#ifndef RECOUPE_INT_H
#define RECOUPE_INT_H

#include "../include/recoupe.h"

#include <stdarg.h>  /* va_list */
#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t, uint64_t */

/* ================================================================== */
/* Core: allocation, errors, arena, buffers, hashing, thread pool     */
/* ================================================================== */

/* Every allocation goes through these (the rcp_set_allocator hook). */
void *rcp__malloc(size_t n);
void *rcp__calloc(size_t n, size_t size);   /* zeroed; overflow-checked */
void *rcp__realloc(void *p, size_t n);
void rcp__free(void *p);
char *rcp__strndup(const char *s, size_t n); /* NULL on failure */
char *rcp__strdup(const char *s);

/* Forward an error; fail with a code if a condition holds. */
#define RCP_TRY(expr) do { int rcp__rc = (expr); if (rcp__rc != RCP_OK) return rcp__rc; } while (0)
#define RCP_FAIL_IF(cond, code) do { if (cond) return (code); } while (0)

/* Context: long-lived state shared by stages (read-only during parallel work). */
struct rcp_store;        /* src/store.c */
struct rcp_templates;    /* src/templates.c: learned site boilerplate */
struct rcp_lexicon;      /* src/analyze.c: stopwords etc. */
struct rcp_ctx {
  rcp_opts opts;
  struct rcp_store *store;          /* owned; NULL when no db_path */
  struct rcp_templates *templates;  /* owned; may be NULL */
  char errmsg[512];                 /* last detail */
};
/* printf-style: sets ctx->errmsg (ctx may be NULL) and returns rc. */
int rcp__err(rcp_ctx *ctx, int rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- arena: one per document; freed all at once; capped. ---------- */
typedef struct rcp_arena rcp_arena;
rcp_arena *rcp__arena_new(size_t cap);          /* NULL on ENOMEM */
void rcp__arena_free(rcp_arena *a);             /* NULL is a no-op */
void *rcp__arena_alloc(rcp_arena *a, size_t n); /* 16-aligned; NULL on cap/ENOMEM */
void *rcp__arena_calloc(rcp_arena *a, size_t n, size_t size);
char *rcp__arena_strndup(rcp_arena *a, const char *s, size_t n);
char *rcp__arena_strdup(rcp_arena *a, const char *s); /* NULL s gives NULL */
char *rcp__arena_printf(rcp_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
size_t rcp__arena_used(const rcp_arena *a);
/* Why the last allocation failed: RCP_ENOMEM or RCP_ETOOBIG. */
int rcp__arena_error(const rcp_arena *a);

/* ---- capped growable byte buffer (curl dynbuf style). -------------- */
/* On failure the buffer frees itself and stays unusable until reset.  */
typedef struct rcp_buf {
  char *p;      /* owned; malloc'd; NUL-terminated when n > 0 */
  size_t n;     /* bytes used */
  size_t cap;   /* bytes allocated */
  size_t max;   /* hard limit on n */
  int err;      /* sticky error: RCP_ENOMEM / RCP_ETOOBIG */
} rcp_buf;
void rcp__buf_init(rcp_buf *b, size_t max);
void rcp__buf_free(rcp_buf *b);   /* back to empty; keeps max */
void rcp__buf_reset(rcp_buf *b);  /* n = 0, keeps memory, clears err */
int rcp__buf_add(rcp_buf *b, const void *p, size_t n);
int rcp__buf_addc(rcp_buf *b, char c);
int rcp__buf_adds(rcp_buf *b, const char *s);
int rcp__buf_printf(rcp_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int rcp__buf_vprintf(rcp_buf *b, const char *fmt, va_list ap);
/* Takes the malloc'd string (never NULL on success: "" for empty). */
char *rcp__buf_take(rcp_buf *b);
/* Appends s as a JSON string literal (quotes and escapes). */
int rcp__buf_json_str(rcp_buf *b, const char *s, size_t n);
/* Appends s escaped for HTML text and attributes. */
int rcp__buf_html(rcp_buf *b, const char *s, size_t n);

/* ---- hashing: xxHash, same bits on every machine. ------------------ */
uint64_t rcp__hash64(const void *p, size_t n, uint64_t seed);
void rcp__hash128(const void *p, size_t n, uint64_t out[2]);
/* The key of a page as read: XXH3-128 of its content and, when the input
** gave one, its URL.  The same page read again has the same key; the same
** text published at two URLs is two pages (related as duplicates). */
void rcp__doc_page_key(const rcp_doc *d, uint64_t out[2]);
#define RCP_DEFAULT_SEED UINT64_C(0x7265636f75706521) /* "recoupe!" */

/* ---- thread pool: run f(i) for i in [0, n) on the workers. --------- */
/* Work is split by index, so results written to slot i do not depend   */
/* on the thread count.  threads <= 1 runs inline.                       */
typedef struct rcp_pool rcp_pool;
int rcp__pool_new(rcp_pool **out, int threads);
void rcp__pool_free(rcp_pool *p);
int rcp__pool_threads(const rcp_pool *p);
/* f gets (ud, i, worker) with worker in [0, threads) for per-thread state. */
void rcp__pool_run(rcp_pool *p, size_t n,
                   void (*f)(void *ud, size_t i, int worker), void *ud);
int rcp__ncpu(void);

/* ---- small text utilities (src/util_text.c) ------------------------ */
/* Length of the longest valid UTF-8 prefix... and sanitizing copy:     */
/* invalid sequences become U+FFFD.  Returns bytes written to out (cap  */
/* must be >= 3*n+1).                                                   */
size_t rcp__utf8_sanitize(const char *in, size_t n, char *out);
bool rcp__utf8_valid(const char *s, size_t n);
/* Parse/format ISO 8601.  Returns unix seconds (UTC) or INT64_MIN.    */
int64_t rcp__parse_iso(const char *s);
/* Formats t as "YYYY-MM-DD" (10 chars + NUL) into out[11]. */
void rcp__fmt_day(int64_t t, char out[11]);


/* ---- store (src/store*.c: the only files that include <sqlite3.h>) --- */
/* store.c holds articles and metadata; each later stage keeps its own   */
/* tables and queries in src/store_<stage>.c over src/store_int.h.        */
/* Schema in docs/internals.md.  Ids: articles have a row id (int64) and  */
/* their record id (ext_id, the "id" of the JSON outputs); stories have a */
/* row id shown as "s<N>".  All writes of one batch are one transaction.  */
struct rcp_store;
typedef struct rcp_store rcp_store;
int rcp__store_open(rcp_ctx *ctx, const char *path, rcp_store **out);
void rcp__store_close(rcp_store *s);
int rcp__store_begin(rcp_store *s);
int rcp__store_commit(rcp_store *s);
void rcp__store_rollback(rcp_store *s);
const char *rcp__store_errmsg(const rcp_store *s);
/* Row id of an article with this ext_id or this page key (rcp__doc_page_key:
** the same page read again), else 0. */
int64_t rcp__store_find_article(rcp_store *s, const char *ext_id, const uint64_t hash[2]);
/* Inserts the extracted article with its fingerprint; sets d->rowid. */
int rcp__store_put_article(rcp_store *s, rcp_doc *d);
/* Loads an article into a new doc (text and metadata, not analyzed).  */
int rcp__store_get_article(rcp_store *s, const rcp_ctx *ctx, int64_t rowid, rcp_doc **out);
int64_t rcp__store_article_count(rcp_store *s);
/* Generic key/value metadata (schema version, counters, parameters). */
int rcp__store_meta_get(rcp_store *s, const char *key, char **out); /* *out NULL if absent */
int rcp__store_meta_set(rcp_store *s, const char *key, const char *value);
/* Runs SQL with no result (for stages that own their own tables,      */
/* through functions added in their own section of store.c).            */
int rcp__store_exec(rcp_store *s, const char *sql);

/* ================================================================== */
/* Document model                                                     */
/* ================================================================== */

typedef enum {
  RCP_BLOCK_PARAGRAPH = 0,
  RCP_BLOCK_HEADING,
  RCP_BLOCK_LIST_ITEM,
  RCP_BLOCK_QUOTE,
  RCP_BLOCK_TABLE,
  RCP_BLOCK_TITLE    /* the article title when it is part of the text */
} rcp_block_kind;

typedef struct rcp_block {
  rcp_block_kind kind;
  const char *text;  /* arena; NUL-terminated; NFC UTF-8 */
  size_t len;
  size_t off;        /* byte offset of the block in doc->text */
} rcp_block;

/* Token flags */
enum {
  RCP_TOK_STOP = 1,    /* stopword */
  RCP_TOK_CAP = 2,     /* starts with a capital letter in the text */
  RCP_TOK_NUM = 4,     /* number ("12 000", "2,5") */
  RCP_TOK_SENT0 = 8,   /* first word of its sentence */
  RCP_TOK_PUNCT = 16   /* punctuation kept as a token (rare) */
};

typedef struct rcp_token {
  uint32_t off, len;   /* span in doc->text */
  const char *norm;    /* arena: case- and accent-folded form, elision removed */
  const char *stem;    /* arena: Snowball stem (of the case-folded form), accents stripped */
  uint64_t hash;       /* hash of norm (rcp__hash64, seed 0) */
  uint64_t shash;      /* hash of stem */
  uint32_t sent;       /* index of its sentence */
  uint16_t flags;
} rcp_token;

typedef struct rcp_sentence {
  uint32_t off, len;   /* span in doc->text */
  uint32_t tok0, ntok; /* tokens [tok0, tok0+ntok) */
  uint32_t block;      /* index of the block it belongs to */
} rcp_sentence;

#define RCP_MINHASH_K 128   /* MinHash slots (one-permutation hashing) */
#define RCP_LSH_BANDS 32    /* LSH bands of RCP_MINHASH_K / RCP_LSH_BANDS rows */

typedef struct rcp_fingerprint {
  uint64_t exact[2];                  /* XXH3-128 of the normalised text */
  uint32_t minhash[RCP_MINHASH_K];
  uint64_t simhash;
  uint32_t nshingles;                 /* distinct shingles */
  bool valid;
} rcp_fingerprint;

/* Facts (stage 7), per document. */
typedef enum { RCP_ENT_PERSON = 0, RCP_ENT_PLACE, RCP_ENT_ORG, RCP_ENT_OTHER } rcp_ent_type;
typedef struct rcp_entity_mention {
  uint32_t off, len;       /* span in doc->text */
  rcp_ent_type type;
  const char *name;        /* arena: surface form */
  const char *key;         /* arena: normalised key for merging */
  uint32_t sent;
  /* added by the facts stage */
  const char *canon;       /* arena or static: canonical group id from a
                              gazetteer ("c:FRA", "o:nato") or the document's
                              full name for a bare surname; NULL if none */
  const char *role;        /* arena: title/role cue seen before ("ministre"), or NULL */
} rcp_entity_mention;

typedef struct rcp_date_mention {
  uint32_t off, len;
  int64_t day;             /* resolved day (unix seconds at 00:00 UTC), or INT64_MIN */
  int precision;           /* 0 day, 1 month, 2 year */
  bool relative;           /* resolved against the publication date */
  bool duration;           /* a duration ("depuis trois ans"), not a point */
  const char *text;        /* arena */
  uint32_t sent;
  /* added by the facts stage: precision 3 is a week ("la semaine prochaine");
  ** a duration has no day (INT64_MIN) but an amount and a unit. */
  double dur_qty;          /* duration amount (3 for "trois ans"), else 0 */
  char dur_unit;           /* 'Y' 'M' 'W' 'D' 'h' 'm' (minutes), or 0 */
  const char *qualifier;   /* arena: "près de", "plus de", ... or NULL */
} rcp_date_mention;

typedef struct rcp_figure {
  uint32_t off, len;
  double quantity;
  const char *unit;        /* arena: what is counted ("foyers", "%", "pays") */
  const char *qualifier;   /* arena: "plus de", "environ", ... or NULL */
  const char *about;       /* arena: normalised key of what is counted */
  const char *text;        /* arena: the span as written */
  uint32_t sent;
  /* added by the facts stage */
  const char *what;        /* arena: what is counted as written, with its
                              complement ("foyers privés d'électricité"), or NULL */
} rcp_figure;

typedef struct rcp_quote {
  uint32_t off, len;
  const char *text;        /* arena */
  const char *speaker;     /* arena, or NULL */
  uint32_t sent;
} rcp_quote;

struct rcp_doc {
  rcp_arena *arena;            /* owns everything below */
  /* input (copied from the rcp_page) */
  const char *id, *source, *url, *fetched;
  const char *in_title, *in_published, *in_site, *in_language;
  const char *raw; size_t raw_len;  /* UTF-8 page */
  int is_html;
  /* extract (stage 2) */
  const char *title, *author, *published, *updated;
  const char *site, *canonical, *language, *credited_source;
  rcp_block *blocks; size_t nblocks;
  const char *text; size_t text_len; /* blocks joined with "\n\n" */
  int64_t pub_time;            /* unix seconds of published, or INT64_MIN */
  /* analyze (stage 3) */
  const char *lang;            /* detected language "fr", "en", ... ("un" unknown) */
  rcp_token *toks; size_t ntoks;
  rcp_sentence *sents; size_t nsents;
  /* fingerprint (stage 4) */
  rcp_fingerprint fp;
  /* facts (stage 7) */
  rcp_entity_mention *ents; size_t nents;
  rcp_date_mention *dates; size_t ndates;
  rcp_figure *figs; size_t nfigs;
  rcp_quote *quotes; size_t nquotes;
  /* set by the pipeline */
  int64_t rowid;               /* store row id, 0 if not stored */
};

/* Creates an empty document with its arena, copying the page. */
int rcp__doc_new(const rcp_ctx *ctx, const rcp_page *page, rcp_doc **out);

/* ================================================================== */
/* Stages.  Each is a pure function of the doc (and read-only ctx).   */
/* ================================================================== */

/* ---- ingest (src/ingest_*.c, src/charset.c) ------------------------ */
/* Converts bytes of a declared charset (may be NULL) to UTF-8: BOM,     */
/* declared, <meta charset> (is_html != 0), XML declaration, valid UTF-8, */
/* uchardet, windows-1252 (docs/ingest.md).  *out: rcp__malloc'd, valid  */
/* UTF-8 without NUL, NUL-terminated; *used_charset a static name.       */
/* RCP_OK, RCP_ENOMEM, or RCP_ECHARSET (no converter at all).            */
int rcp__to_utf8(const char *in, size_t n, const char *declared, int is_html,
                 char **out, size_t *outlen, const char **used_charset);

/* ---- HTML parsing behind our own interface (src/html.c) ------------ */
/* See src/html.h for the node API (wraps myhtml). */

/* ---- extract (src/extract*.c) --------------------------------------- */
/* Fills title, author, dates, site, canonical, language (declared),      */
/* credited_source, blocks and text from doc->raw.                        */
int rcp__extract(const rcp_ctx *ctx, rcp_doc *d);

/* Metadata candidates gathered from one page (arena strings or NULL);   */
/* src/extract_meta.c chooses among them (rcp__x_finish).                */
typedef struct rcp_xmeta {
  const char *og_title, *tw_title, *ld_headline, *h1, *html_title, *meta_title;
  const char *h1s[4]; int nh1;   /* the first <h1> texts */
  const char *og_site, *ld_publisher, *app_name;
  const char *meta_author, *ld_author, *dom_author, *byline_author;
  const char *cls_author;         /* text of an element of class "author" / "byline" */
  const char *pub_meta, *pub_ld, *pub_item, *pub_time_el, *pub_text, *pub_url;
  const char *mod_meta, *mod_ld, *mod_text;
  const char *pub_meta2, *mod_meta2;  /* other <meta> names with a date */
  const char *canonical, *og_url, *lang_html, *lang_meta, *ld_lang;
  const char *ld_body;           /* JSON-LD articleBody (a hint) */
  const char *credit, *credit_inline;
  const char *text_site;          /* the site's name from a footer or staff line */
  int mdy;                       /* dates like 03/12/2025 are month first */
} rcp_xmeta;

/* Output under construction: blocks and their text (malloc'd scratch). */
typedef struct rcp_xout {
  rcp_buf text;                  /* block texts back to back */
  struct rcp_xob { uint32_t off, len; int kind; } *b;
  size_t n, cap;
} rcp_xout;
int rcp__xout_add(rcp_xout *o, int kind, const char *s, size_t n);
void rcp__xout_free(rcp_xout *o);

/* Text helpers shared by the HTML and plain-text extractors.            */
/* Appends s[0..n) to b with runs of white space (Unicode spaces too)    */
/* collapsed to one ASCII space and zero-width characters dropped;       */
/* *lastsp carries "the last byte written was a space" across calls.     */
int rcp__x_collapse(rcp_buf *b, const char *s, size_t n, int *lastsp);
size_t rcp__x_chars(const char *s, size_t n);           /* code points */
/* Any date string ("2025-03-12T14:05:00+01:00", "12 mars 2025 à 14h05",
** "March 3, 2025", "12/03/2025") to ISO 8601 in out; 1 if found.  With
** anywhere=0 the date must start the string (after spaces). */
int rcp__x_date(const char *s, size_t n, int mdy, int anywhere, char out[32]);
/* Line classifiers: 1 if the whole line (block) is of that kind.         */
/* Date line ("Publié le 12 mars 2025", "Mis à jour le ..."): fills pub/   */
/* upd (either may stay ""), returns 1 if the line is only dates.        */
int rcp__x_dateline(const char *s, size_t n, int mdy, char pub[32], char upd[32]);
/* A label alone before a date ("Mise en ligne", "Publié le :"). */
int rcp__x_date_label(const char *s, size_t n);
/* Byline ("Par Jean Dupont", "By Jane Doe"): name into out (cap bytes). */
int rcp__x_byline(const char *s, size_t n, char *out, size_t cap);
/* The site's name in a line ("© Radio Cévennes 2026 — Tous droits", "Par */
/* la rédaction de X"): into out; 1 if found. */
int rcp__x_site_line(const char *s, size_t n, char *out, size_t cap);
/* Credit line ("Source : AFP", "(AFP)", "avec Reuters"): source in out. */
int rcp__x_credit_line(const char *s, size_t n, char *out, size_t cap);
/* Credit inside a sentence ("selon l'AFP", "PARIS (AFP) -"): 1 if found. */
int rcp__x_credit_inline(const char *s, size_t n, char *out, size_t cap);
/* Site furniture by its words ("À lire aussi", cookie and newsletter    */
/* prompts, share bars, breadcrumbs, glued category strips): 1 if so.     */
int rcp__x_boiler(const char *s, size_t n);
/* A short heading that opens a section of links or prompts ("Sur le même
** sujet", "Related stories") rather than article text. */
int rcp__x_boiler_heading(const char *s, size_t n);
/* Chooses the metadata among the candidates and writes the doc's fields. */
int rcp__x_finish(rcp_doc *d, rcp_xmeta *m);
/* Moves the blocks of o into d (NFC, arena) and joins d->text. */
int rcp__x_output(rcp_doc *d, rcp_xout *o);
/* Plain-text pages (src/extract_text.c). */
int rcp__extract_text(const rcp_ctx *ctx, rcp_doc *d, rcp_xmeta *m, rcp_xout *o);
/* HTML pages (src/extract_html.c). */
int rcp__extract_html(const rcp_ctx *ctx, rcp_doc *d, rcp_xmeta *m, rcp_xout *o);

/* ---- site templates (src/templates.c, src/store_templates.c) ------- */
/* Blocks that recur on many pages of one site are boilerplate.  Use:     */
/*   rcp__templates_new (or ctx->templates, loaded from the store with    */
/*   rcp__store_templates_load); for every new page after rcp__extract,   */
/*   serially and in input order, rcp__templates_observe; then, before    */
/*   analyze, rcp__templates_filter on each page (read-only: parallel);   */
/*   at the end of the batch, in its transaction,                         */
/*   rcp__store_templates_save.  See docs/extraction.md.                  */
typedef struct rcp_templates rcp_templates;
int rcp__templates_new(rcp_templates **out);
void rcp__templates_free(rcp_templates *t);     /* NULL is a no-op */
/* Counts the page's site and its distinct blocks (mutates t). */
int rcp__templates_observe(rcp_templates *t, const rcp_doc *d);
/* Removes from d the blocks that are templates of its site and rebuilds
** d->text (arena); *removed gets their number.  Reads t only. */
int rcp__templates_filter(const rcp_templates *t, rcp_doc *d, size_t *removed);
/* For the store: load one counted key; visit and clear what is unsaved. */
int rcp__templates_load_entry(rcp_templates *t, uint64_t key, uint32_t pages);
int rcp__templates_foreach_delta(rcp_templates *t, int (*cb)(void *ud, uint64_t key, uint32_t pages), void *ud);
void rcp__templates_saved(rcp_templates *t);
struct rcp_store;
int rcp__store_templates_load(struct rcp_store *s, rcp_templates *t);
/* Adds the unsaved counts to the store (in the caller's transaction). */
int rcp__store_templates_save(struct rcp_store *s, rcp_templates *t);

/* ---- analyze (src/analyze.c) ---------------------------------------- */
/* Tokens, sentences, stems, stopwords, language (doc->lang).            */
int rcp__analyze(const rcp_ctx *ctx, rcp_doc *d);
/* Per-thread resources (stemmers) are created lazily and thread-local. */
void rcp__analyze_thread_cleanup(void);

/* ---- fingerprint (src/fingerprint.c) -------------------------------- */
int rcp__fingerprint(const rcp_ctx *ctx, rcp_doc *d);
/* Jaccard estimate of two MinHash signatures. */
double rcp__minhash_jaccard(const rcp_fingerprint *a, const rcp_fingerprint *b);
/* LSH band keys of a signature (RCP_LSH_BANDS of them). */
void rcp__lsh_keys(const rcp_fingerprint *fp, uint64_t keys[RCP_LSH_BANDS]);

/* ---- facts (src/facts_*.c) ------------------------------------------ */
int rcp__facts(const rcp_ctx *ctx, rcp_doc *d);
/* Only the entities (d->ents): the scanner and the entity rules, without
** the dates and figures that come first in rcp__facts (so a token they
** would have taken may start a name).  For the story clustering. */
int rcp__facts_entities_only(const rcp_ctx *ctx, rcp_doc *d);

/* ================================================================== */
/* Order-dependent and story-level stages.  src/pipeline.c calls them  */
/* in this order for every batch of `add`:                             */
/*   for each new doc, in input order: store_put_article, relate_doc,   */
/*   cluster_doc; then for each story touched: story_facts, digest,    */
/*   store_put_digest.  All inside the batch's transaction.            */
/* ================================================================== */

/* One relation of a new document to an earlier one (stage 5). */
typedef struct rcp_rel {
  int64_t other;           /* row id of the earlier article */
  const char *kind;        /* static string: "duplicate", "near_duplicate",
                              "contains", "update", "rewrite" */
  double score;            /* in [0, 1] */
  int direction;           /* +1: the new doc derives from other (other is the
                              original); -1: other derives from the new doc
                              (the new doc was published earlier) */
} rcp_rel;

/* ---- relate (src/relate.c, src/store_relate.c) --------------------- */
typedef struct rcp_relidx rcp_relidx;
/* The candidate index: loads what it needs from ctx->store (if any). */
int rcp__relidx_new(rcp_ctx *ctx, rcp_relidx **out);
void rcp__relidx_free(rcp_relidx *ix);
/* Relates d (analyzed, fingerprinted, d->rowid set when stored) to the
** documents already in the index, then adds it.  *rels is malloc'd (free
** with rcp__free), sorted by descending score; relations are also written
** to the store when there is one. */
int rcp__relate_doc(rcp_relidx *ix, const rcp_doc *d, rcp_rel **rels, size_t *nrels);
/* Without a store: how the index gets an earlier page (by index in input
** order) to align sentences for rewrites; *owned, if set, is freed by the
** caller.  With a store, pages are loaded from it. */
void rcp__relidx_set_fetch(rcp_relidx *ix,
                           const rcp_doc *(*fetch)(void *ud, size_t idx, rcp_doc **owned),
                           void *ud);
/* Bytes held by the index (per-page arrays and tables); *npages pages;
** *window_bytes: the rewrite window and the frequency sketch. */
size_t rcp__relidx_bytes(const rcp_relidx *ix, size_t *npages, size_t *window_bytes);
/* With a store: writes what the index keeps besides its pages (the
** document-frequency sketch) so that a later rcp__relidx_new starts from
** the same state; call once per batch, inside its transaction. */
int rcp__relidx_save(rcp_relidx *ix);
/* src/store_relate.c: the index's pages and the relations in the store. */
int rcp__store_relate_load(rcp_store *s,
                           int (*cb)(void *ud, int64_t rowid, const uint8_t *sig, uint32_t nsh,
                                     int32_t tmin, uint64_t exact),
                           void *ud);
/* anch: the page's na sampled anchors (na < 0: not in the rewrite window),
** title: its headline key. */
int rcp__store_relate_put_page(rcp_store *s, int64_t rowid, const uint8_t *sig, uint32_t nsh,
                               int32_t tmin, uint64_t exact, const uint32_t *anch, int na,
                               uint32_t title);
/* The window columns of the pages from row id `from` on, in row order;
** has = 0 for a page stored without them (NULL). */
int rcp__store_relate_window(rcp_store *s, int64_t from,
                             int (*cb)(void *ud, int64_t rowid, int has, const uint32_t *anch,
                                       int na, uint32_t title),
                             void *ud);
/* relate_state blobs; *val malloc'd (rcp__free), NULL when the key is absent. */
int rcp__store_relate_state_get(rcp_store *s, const char *key, uint8_t **val, size_t *n);
int rcp__store_relate_state_put(rcp_store *s, const char *key, const uint8_t *val, size_t n);
int rcp__store_relate_put_rel(rcp_store *s, int64_t a, const rcp_rel *r);
/* Every relation of an article (either side), other = the other page,
** direction from this article's point of view; *out malloc'd (rcp__free). */
int rcp__store_relations_of(rcp_store *s, int64_t rowid, rcp_rel **out, size_t *n);
/* The record id (ext_id) of an article row; *out malloc'd (rcp__free);
** RCP_ENOTFOUND when there is no such row. */
int rcp__store_article_ext_id(rcp_store *s, int64_t rowid, char **out);

/* ---- cluster (src/cluster.c, src/store_cluster.c) ------------------ */
typedef struct rcp_clusterer rcp_clusterer;
/* Loads the live stories from ctx->store (if any). */
int rcp__cluster_open(rcp_ctx *ctx, rcp_clusterer **out);
void rcp__cluster_free(rcp_clusterer *c);
/* Puts d into the best live story or a new one; *story gets its row id. */
int rcp__cluster_doc(rcp_clusterer *c, const rcp_doc *d, const rcp_rel *rels,
                     size_t nrels, int64_t *story);
/* End of batch: persists state; *touched (malloc'd) lists the stories
** whose membership changed since the last call (merged-away ones excluded). */
int rcp__cluster_flush(rcp_clusterer *c, int64_t **touched, size_t *ntouched);
/* Whether d reads as a round-up page (several events: sections or
** sentences led by many different countries); needs the entity pass. */
int rcp__cluster_is_roundup(const rcp_doc *d);
/* Whether a title reads as a daily bulletin (the last 24 hours' figures, an
** epidemic's new cases or deaths); NULL: 0. */
int rcp__cluster_is_bulletin(const char *title);
/* Note: rcp__cluster_doc only records the document's features; the batch
** is clustered in rcp__cluster_flush, in (publication time, content hash,
** record id) order, so that the order of a batch does not matter (see
** docs/stories.md).  *story is therefore 0 after rcp__cluster_doc. */

/* Tunable parameters (defaults: rcp__cluster_params_default; chosen on the
** ECB+ train split, see docs/stories.md and bench/eval_ecbplus.sh). */
typedef struct rcp_cluster_params {
  double join;        /* min similarity of a doc to a story to join it */
  double merge;       /* min centroid similarity of two live stories a doc bridges */
  double storyline;   /* min similarity to link a new story to an earlier one */
  double w_title, w_name, w_num, w_stem; /* feature-family weights */
  double tau_days;    /* time decay (days) past one day of distance */
  double geo_eps;     /* > 0: families' cosines combined by a weighted geometric
                         mean, each floored at geo_eps; 0: arithmetic mean */
  double merge_pre;   /* a story is a merge candidate if the article's similarity
                         to it is >= merge_pre * join */
  int max_feats;      /* features kept per document */
  int query_feats;    /* top features used to find candidate stories */
  int max_post;       /* a feature held by more stories than this finds none */
  int max_cands;      /* candidate stories compared in full */
  double unk_time;    /* time factor when only one side (article or story) has a day */
  double prune;       /* candidates sharing < prune x the best one's query weight are skipped */
  double merge_series; /* min centroid similarity to merge two stories holding one title on two days */
  double name_cap;    /* > 0: the names' and numbers' cosines count at most name_cap x the stems' */
  double merge_one_pub; /* a one-article story merges into one with publication days at
                           join x this, its similarity decayed by the publication-day gap */
  double name_cap_later; /* > 0: name_cap for a page published on a later day than the story's last */
  double later_w;     /* a page of a later publication day than the story's last: similarity x this */
  int roundup;        /* 1: round-up pages (digests of several events) join and are joined
                         only by copies or near copies (docs/stories.md, "Round-ups"); 0: off */
  double roundup_join; /* a round-up joins another round-up's story at this similarity */
  int series_update;  /* 1: a page the relate stage calls an update of one of a story's pages, under a
                         title the story holds, is that page revised: it joins as a copy would, past
                         the round-up rule, and past the recurring-title rule when no other story
                         (live or in the ring) holds the title (a revision, not an episode) */
  int bulletin;       /* 1: a daily bulletin (a title giving figures "en 24 heures") joins a story
                         of an earlier publication day, or a story mostly of bulletins is joined
                         from a later day, only by a copy (docs/stories.md, "Daily bulletins") */
} rcp_cluster_params;
void rcp__cluster_params_default(rcp_cluster_params *p);
void rcp__cluster_set_params(rcp_clusterer *c, const rcp_cluster_params *p);
/* Observers (tests, bench): every assignment of an article to a story and
** every merge, as they happen inside rcp__cluster_flush. */
typedef struct rcp_cluster_observer {
  void (*assign)(void *ud, int64_t article, int64_t story);
  void (*merge)(void *ud, int64_t from, int64_t into);
  void (*link)(void *ud, int64_t a, int64_t b, const char *kind);
  void *ud;
} rcp_cluster_observer;
void rcp__cluster_observe(rcp_clusterer *c, const rcp_cluster_observer *o);
size_t rcp__cluster_live(const rcp_clusterer *c);   /* live stories */
size_t rcp__cluster_bytes(const rcp_clusterer *c);  /* heap bytes held (approx.) */

/* ---- stories in the store (src/store_cluster.c) -------------------- */
/* Ids of a story's articles, by publication time (then row id); the    */
/* story id is resolved through merges first.  *ids malloc'd.            */
int rcp__store_story_articles(rcp_store *s, int64_t story, int64_t **ids, size_t *n);
/* The story a (possibly merged-away) id now lives in; RCP_ENOTFOUND.    */
int rcp__store_story_resolve(rcp_store *s, int64_t story, int64_t *out);
/* Stores the digest JSON object of a story (facts + digest stages).    */
int rcp__store_put_digest(rcp_store *s, int64_t story, const char *json);
/* The story holding an article (by record id), 0 if none.              */
int rcp__store_article_story(rcp_store *s, const char *ext_id, int64_t *story);
typedef struct rcp_story_row {
  int64_t id;
  int64_t first_pub, last_pub, event_day;  /* INT64_MIN when unknown */
  int64_t n_articles, nsites;
  int64_t merged_into;                     /* 0 when not merged */
  int closed;
  char *title, *language, *digest;         /* owned; malloc'd; may be NULL */
} rcp_story_row;
typedef struct rcp_article_row {
  int64_t rowid, pub_time;                 /* pub_time INT64_MIN when unknown */
  char *ext_id, *source, *url, *site, *title, *published, *author, *credited_source;
} rcp_article_row;
typedef struct rcp_story_link { int64_t other; char kind[16]; double score; } rcp_story_link;
/* Stories matching f (not merged away), newest news first.  *rows malloc'd. */
int rcp__store_stories_list(rcp_store *s, const rcp_story_filter *f,
                            rcp_story_row **rows, size_t *n);
int rcp__store_story_get(rcp_store *s, int64_t id, rcp_story_row *row); /* ENOTFOUND */
void rcp__story_rows_free(rcp_story_row *rows, size_t n);
int rcp__store_story_article_rows(rcp_store *s, int64_t story, rcp_article_row **rows, size_t *n);
void rcp__article_rows_free(rcp_article_row *rows, size_t n);
int rcp__store_story_links(rcp_store *s, int64_t story, rcp_story_link **links, size_t *n);
/* A page of the web UI's story list as a JSON array of light story objects
** (id, title, language, event_date, last_published, article_count,
** independent_sources, source_groups, first_publisher, key_points: the
** first one only), newest day first, then largest (src/store_web.c).
** *out is rcp__malloc'd; RCP_EINVAL for a bad date in f. */
int rcp__store_story_briefs(rcp_store *s, const rcp_story_filter *f, char **out);
/* Clusterer persistence (used by src/cluster.c only). */
typedef struct rcp_story_rec {
  int64_t id, first_pub, last_pub, event_day, n_articles, merged_into;
  int64_t closed_seq;                      /* 0 while live */
  int closed;
  const char *title, *language;            /* NULL keeps the stored value */
  const void *state; size_t state_len;     /* NULL clears it */
} rcp_story_rec;
int rcp__store_story_put(rcp_store *s, const rcp_story_rec *r);
int rcp__store_story_add_article(rcp_store *s, int64_t story, int64_t article);
int rcp__store_story_merge(rcp_store *s, int64_t from, int64_t into);
int rcp__store_story_link(rcp_store *s, int64_t a, int64_t b, const char *kind, double score);
/* Loads every live story's state blob: fn(ud, id, blob, len). */
int rcp__store_live_stories(rcp_store *s, int (*fn)(void *ud, int64_t id, const void *p, size_t n),
                            void *ud);
/* The state blobs of the `limit` most recently closed stories, oldest first. */
int rcp__store_closed_stories(rcp_store *s, int limit,
                              int (*fn)(void *ud, int64_t id, const void *p, size_t n), void *ud);
int rcp__store_cluster_get(rcp_store *s, const char *key, void **p, size_t *n); /* *p NULL if absent */
int rcp__store_cluster_put(rcp_store *s, const char *key, const void *p, size_t n);
/* Every cluster_state row whose key starts with prefix, in key order; and
** deleting them. */
int rcp__store_cluster_scan(rcp_store *s, const char *prefix,
                            int (*fn)(void *ud, const char *key, const void *p, size_t n), void *ud);
int rcp__store_cluster_del_prefix(rcp_store *s, const char *prefix);
int rcp__store_max_story(rcp_store *s, int64_t *id);

/* Store side of clustering (src/store_cluster.c), used by the pipeline:
** row ids of a story's articles by publication time (malloc'd; *n = 0 and
** RCP_OK for an unknown story), and the story's digest object (JSON text
** written by the facts and digest stages; stories.c merges its keys into
** the story's JSON). */
int rcp__store_story_articles(rcp_store *s, int64_t story, int64_t **ids, size_t *n);
int rcp__store_put_digest(rcp_store *s, int64_t story, const char *json);

/* ---- story-level view for facts and digest ------------------------- */
typedef struct rcp_story_rel { size_t a, b; const char *kind; double score; } rcp_story_rel;
typedef struct rcp_story_view {
  int64_t id;
  rcp_doc **docs; size_t ndocs;    /* analyzed, with facts; by publication time */
  rcp_story_rel *rels; size_t nrels; /* among docs; a derives from b */
} rcp_story_view;
/* Loads a story's articles from the store and runs analyze + facts on them:
** rcp__story_read (the store: its articles and their relations; serial),
** then rcp__story_prepare (analysis and facts of each article; needs no
** store, so stories can be prepared on the pool's threads). */
int rcp__story_load(rcp_ctx *ctx, int64_t story, rcp_story_view **out);
int rcp__story_read(rcp_ctx *ctx, int64_t story, rcp_story_view **out);
int rcp__story_prepare(rcp_ctx *ctx, rcp_story_view *v);
void rcp__story_view_free(rcp_story_view *v);

/* The story JSON object under construction (jansson's json_t). */
struct json_t;
/* stage 7: adds "entities", "figures", "disagreements",
** "independent_sources" (and per-article independence) to obj. */
int rcp__story_facts(const rcp_ctx *ctx, const rcp_story_view *v, struct json_t *obj);
/* stage 8: adds "title", "event_date", "key_points", "summary", "timeline"
** and anything else of the digest to obj. */
int rcp__digest(const rcp_ctx *ctx, const rcp_story_view *v, struct json_t *obj);


/* ---- digest (src/summarize.c, src/digest*.c, src/render_*.c, src/web*.c) */
/* A sentence prepared for extractive selection. */
typedef struct rcp__sent {
  uint32_t off, len;       /* span in the text (doc->text) */
  uint32_t nwords;         /* words (letters or digits) */
  uint64_t *cw;            /* arena: content-word hashes, sorted (repeats kept) */
  uint32_t ncw;
  uint16_t flags;          /* RCP__SENT_* */
} rcp__sent;
enum {
  RCP__SENT_QUOTE0 = 1,    /* starts with a quote or a dash */
  RCP__SENT_DIGIT = 2,     /* holds a digit */
  RCP__SENT_JUNK = 4,      /* boilerplate, caption, byline, code */
  RCP__SENT_DEP = 8,       /* leans on the sentence before ("Il a ajouté que") */
  RCP__SENT_QUESTION = 16,
  RCP__SENT_NOSTOP = 32    /* no final punctuation: a headline, caption, label */
};
/* Sentences of d (the analysis' when present, else the fallback splitter),
** allocated in a. */
int rcp__sents_of_doc(const rcp_doc *d, rcp_arena *a, rcp__sent **out, size_t *n);
int rcp__sents_of_text(rcp_arena *a, const char *text, size_t len, const char *lang,
                       rcp__sent **out, size_t *n);
/* Single-text scores (higher is more summary-worthy; <= -1e8: never). */
int rcp__summ_scores(rcp_arena *a, const rcp__sent *s, size_t n, double *score);
/* Up to k sentence indexes by score, in text order; returns how many. */
size_t rcp__summ_pick(const rcp__sent *s, size_t n, const double *score, int k, size_t *idx);
bool rcp__sent_is_junk(const char *s, size_t n);
bool rcp__sent_is_dependent(const char *s, size_t n);
/* "fr", "en" or "un" from the share of stopwords of each language. */
const char *rcp__guess_lang(const char *t, size_t n);

/* Renderings of story JSON objects (the contract plus the digest keys).
** All text is escaped for its target; absent keys are skipped. */
struct json_t;
typedef struct rcp__labels {
  const char *key_points, *summary, *figures, *who, *timeline, *sources;
  const char *articles, *article, *indep, *indep1, *first_pub;
  const char *original, *copy_of, *rewrite_of, *update_of, *translation_of, *credited;
  const char *stories, *related, *storyline, *no_stories, *latest;
} rcp__labels;
const rcp__labels *rcp__labels_for(const char *lang);
/* "14 octobre 2026" / "14 October 2026" from an ISO date; "" if unparsable. */
void rcp__fmt_date_long(const char *iso, const char *lang, char *out, size_t cap);
/* A related story's note, unescaped: "9 juillet 2026, même fil" (its
** event day, its link kind in the labels' words); "" when it has neither. */
void rcp__fmt_related(const char *event_date, const char *kind, const char *lang,
                      const rcp__labels *L, char *out, size_t cap);
/* "octobre 2026" / "October 2026" from an ISO date; "" if unparsable. */
void rcp__fmt_month(const char *iso, const char *lang, char *out, size_t cap);
/* "13 oct. 2026 21:04" / "13 Oct 2026 21:04" (the time only when given). */
void rcp__fmt_date_short(const char *iso, const char *lang, char *out, size_t cap);
/* Citation numbers: article id -> n (1-based) from "sources" or "articles". */
int rcp__cite_number(struct json_t *story, const char *article_id);
/* Link target of an article: its http(s) URL, else NULL. */
const char *rcp__article_url(struct json_t *story, const char *article_id);
/* A source's name for readers (site, URL host, file name, id) as (ptr, len)
** into the entry's strings; the entry is one of "sources" or "articles". */
size_t rcp__source_name(struct json_t *entry, const char **p);
/* The label-value separator of the language: " : " (fr), ": " (else). */
const char *rcp__colon(const char *lang);
/* Markdown section of one story (## title ...). */
int rcp__md_story(rcp_buf *b, struct json_t *story);
/* HTML: pages of the static site (web = 0: relative links to
** stories/ID.html) or of the web UI (web = 1: /stories/ID, /articles/ID). */
int rcp__html_page_begin(rcp_buf *b, const char *title, const char *lang, int web);
int rcp__html_page_end(rcp_buf *b);
int rcp__html_story(rcp_buf *b, struct json_t *story, int web);
int rcp__html_story_list(rcp_buf *b, struct json_t *stories, int web);
/* An id as a URL path segment (web = 1: %XX) or file name (else _XX). */
void rcp__html_id_path(rcp_buf *b, const char *id, int web);
/* Sorts a story array newest first (last publication day), then largest. */
void rcp__stories_sort(struct json_t *stories);
/* Writes stories.md, index.html and stories/ID.html of a parsed story
** array into dir (sorts the array).  rcp_render_site = rcp_stories_json +
** stories.json + this. */
int rcp__render_site_json(rcp_ctx *ctx, struct json_t *stories, const char *dir);
/* SVG pictures of a story: publications over time coloured by relation,
** and the copy graph rooted at the first publisher. */
int rcp__svg_timeline(rcp_buf *b, struct json_t *story, int web);
int rcp__svg_graph(rcp_buf *b, struct json_t *story, int web);


/* ---- web UI (src/web*.c) ------------------------------------------- */
#define RCP__WEB_URI_MAX 4096      /* longer request targets: 413 */
#define RCP__WEB_VALUE_MAX 200     /* longest query value */
#define RCP__WEB_ID_MAX 255        /* longest id in a path */
#define RCP__WEB_LIMIT_MAX 500     /* most stories per API answer */
#define RCP__WEB_PAGE 30           /* stories per HTML page */
enum {
  RCP__WEB_INDEX = 1, RCP__WEB_STORY, RCP__WEB_ARTICLE,
  RCP__WEB_API_STORIES, RCP__WEB_API_STORY, RCP__WEB_API_ARTICLE
};
/* A parsed request: route, id and filter (strings point into store). */
typedef struct rcp__web_req {
  int status;              /* 200, or 400 / 404 / 413 with err */
  int route;               /* RCP__WEB_* */
  const char *id;          /* decoded id (story, article) or NULL */
  bool id_bad;
  rcp_story_filter filter;
  int page, limit, pretty;
  char err[160];
  char store[RCP__WEB_URI_MAX + 64];
  size_t used;
} rcp__web_req;
/* Pure: maps a raw request target to a request; returns r->status. */
int rcp__web_parse(const char *uri, size_t n, rcp__web_req *r);
/* Answers a GET: status, content type (static string) and body. */
int rcp__web_respond(rcp_ctx *ctx, const rcp__web_req *r, int *status, const char **ctype,
                     rcp_buf *body);

#endif /* RECOUPE_INT_H */
