/* recoupe.h -- public API of recoupe, a news engine that turns crawled pages
** into cross-checked stories.  Anything not declared here is private.
**
** Conventions (see docs/internals.md):
**   - every fallible function returns an rcp_rc; detail text is in
**     rcp_errmsg(ctx) where a context is given;
**   - out-parameters come last; on failure *out is NULL and nothing needs
**     freeing;
**   - text is UTF-8, passed as (pointer, length) where it may not be
**     NUL-terminated;
**   - the library never prints and never exits.
*/
#ifndef RECOUPE_H
#define RECOUPE_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t, int64_t */
#include <stdio.h>  /* FILE */

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define RCP_API __attribute__((visibility("default")))
#else
#define RCP_API
#endif

#define RCP_VERSION_MAJOR 0
#define RCP_VERSION_MINOR 1
#define RCP_VERSION_PATCH 0
#define RCP_VERSION_STRING "0.1.0"

/* Result codes.  Frozen once released: append only. */
typedef enum {
  RCP_OK = 0,
  RCP_ENOMEM,    /* out of memory (or an injected allocation failure) */
  RCP_EINVAL,    /* caller bug: bad argument */
  RCP_ETOOBIG,   /* input over a configured limit */
  RCP_EPARSE,    /* malformed input */
  RCP_EIO,       /* read/write error; errno kept in the message */
  RCP_EDB,       /* store error; see rcp_errmsg */
  RCP_ENOTFOUND, /* no such file, record, story */
  RCP_ECHARSET,  /* text could not be converted to UTF-8 */
  RCP_EBINARY,   /* input is not text */
  RCP_EEMPTY,    /* input is empty */
  RCP_EDONE,     /* iterator exhausted (not an error) */
  RCP_RC_COUNT
} rcp_rc;

RCP_API const char *rcp_version(void);       /* "0.1.0" */
RCP_API const char *rcp_strerror(int rc);    /* static string, never NULL */

/* ------------------------------------------------------------------ */
/* Allocation hook.  All library allocation goes through it.  Passing  */
/* NULL restores malloc/realloc/free.  Not thread-safe: set it before  */
/* any other call.                                                     */
typedef struct rcp_allocator {
  void *(*malloc_fn)(size_t n, void *ud);
  void *(*realloc_fn)(void *p, size_t n, void *ud);
  void (*free_fn)(void *p, void *ud);
  void *ud;
} rcp_allocator;
RCP_API void rcp_set_allocator(const rcp_allocator *a);

/* ------------------------------------------------------------------ */
/* Options and context                                                 */

typedef struct rcp_opts {
  const char *db_path;      /* store file; NULL = no store (extract/dedup) */
  int threads;              /* worker threads for per-document stages; 0 = cores */
  size_t doc_cap;           /* per-document arena cap in bytes (default 64 MiB) */
  size_t page_cap;          /* largest page read, bytes (default 64 MiB) */
  int window_days;          /* a story closes after this many days without news (default 7) */
  uint64_t seed;            /* hashing seed (default fixed; same bits everywhere) */
  int use_templates;        /* learn site templates across pages (default 1) */
} rcp_opts;

RCP_API void rcp_opts_default(rcp_opts *o);

typedef struct rcp_ctx rcp_ctx;

/* Opens a context; if opts->db_path is set, opens (creating or migrating)
** the store.  On failure *out is NULL; if errmsg is not NULL it receives a
** malloc'd message the caller frees with free(). */
RCP_API int rcp_ctx_open(rcp_ctx **out, const rcp_opts *opts, char **errmsg);
RCP_API void rcp_ctx_free(rcp_ctx *ctx); /* NULL is a no-op */
RCP_API const char *rcp_errmsg(const rcp_ctx *ctx); /* last detail; owned by ctx */

/* ------------------------------------------------------------------ */
/* Ingest: read pages from files, directories, or standard input ("-").*/

typedef struct rcp_page {
  const char *id;        /* record id: JSONL "id", else path, else path#offset */
  const char *source;    /* file path (or "-") where the page was read */
  uint64_t offset;       /* byte offset of the record in its (decompressed) file */
  const char *url;       /* target URL, or NULL */
  const char *fetched;   /* fetch time, ISO 8601, or NULL */
  const char *published; /* publication date given by the record, or NULL */
  const char *title;     /* title given by the record, or NULL */
  const char *site;      /* site given by the record, or NULL */
  const char *language;  /* language given by the record, or NULL */
  const char *charset;   /* charset the bytes were converted from ("utf-8", ...) */
  const char *body;      /* UTF-8, NUL-terminated */
  size_t body_len;
  int is_html;           /* 1 = HTML, 0 = plain text */
} rcp_page;

/* Why a record or file was skipped. */
typedef enum {
  RCP_SKIP_UNREADABLE = 0, /* path missing or unreadable */
  RCP_SKIP_BINARY,         /* not text */
  RCP_SKIP_EMPTY,          /* no bytes or no text */
  RCP_SKIP_GZIP,           /* truncated or corrupt gzip */
  RCP_SKIP_WARC,           /* malformed WARC record */
  RCP_SKIP_JSON,           /* invalid JSON line */
  RCP_SKIP_FIELD,          /* JSON record without html/text */
  RCP_SKIP_CHARSET,        /* could not convert to UTF-8 */
  RCP_SKIP_TOOBIG,         /* over the page size cap */
  RCP_SKIP_DUPLICATE,      /* already in the store (same id or same content) */
  RCP_SKIP_COUNT
} rcp_skip;

RCP_API const char *rcp_skip_name(int why); /* "unreadable", "binary", ... */

typedef struct rcp_ingest_stats {
  uint64_t files;                    /* files opened */
  uint64_t pages;                    /* pages returned */
  uint64_t bytes;                    /* input bytes consumed (decompressed) */
  uint64_t skipped[RCP_SKIP_COUNT];  /* by reason */
  uint64_t raw_bytes;                /* file bytes read, as stored (compressed):
                                        compare with rcp_reader_total_bytes */
} rcp_ingest_stats;

/* Called for every skipped file or record: file path, byte offset (0 for
** whole files), reason and a one-line message. */
typedef void (*rcp_warn_fn)(void *ud, const char *file, uint64_t offset,
                            int why, const char *msg);

typedef struct rcp_reader rcp_reader;

/* Opens a reader over paths (files, directories walked recursively in
** sorted order, or "-" for standard input).  Nothing is read yet. */
RCP_API int rcp_reader_open(rcp_reader **out, const char *const *paths,
                            size_t npaths, const rcp_opts *opts,
                            rcp_warn_fn warn, void *ud);
/* Next page: RCP_OK and *page set (owned by the reader, valid until the
** next call), RCP_EDONE at the end.  Broken records are reported through
** warn and skipped; this returns another code only for a fatal error. */
RCP_API int rcp_reader_next(rcp_reader *r, const rcp_page **page);
RCP_API const rcp_ingest_stats *rcp_reader_stats(const rcp_reader *r);
/* Total input bytes known in advance (sum of file sizes), for progress/ETA. */
RCP_API uint64_t rcp_reader_total_bytes(const rcp_reader *r);
RCP_API void rcp_reader_free(rcp_reader *r);

/* ------------------------------------------------------------------ */
/* Documents: one page processed by the per-document stages.           */

typedef struct rcp_doc rcp_doc;

/* Copies the page into a new document and runs extraction, analysis and
** fingerprinting.  On failure *out is NULL. */
RCP_API int rcp_doc_process(rcp_ctx *ctx, const rcp_page *page, rcp_doc **out);
RCP_API void rcp_doc_free(rcp_doc *d);

/* Article metadata and text as extracted.  Strings live in the doc and
** stay valid until rcp_doc_free; absent fields are NULL. */
typedef struct rcp_meta {
  const char *id, *source, *url;
  const char *title, *author;
  const char *published;       /* ISO 8601 date or date-time */
  const char *updated;
  const char *site, *canonical, *language, *credited_source;
  const char *text;            /* main text, blocks separated by blank lines */
  size_t text_len;
} rcp_meta;
RCP_API void rcp_doc_meta(const rcp_doc *d, rcp_meta *out);

/* Writes the DESIGN.md "extract --json" object for d as one line on f. */
RCP_API int rcp_doc_write_json(const rcp_doc *d, FILE *f);

/* Site templates (blocks that recur on many pages of one site are
** boilerplate): call rcp_templates_observe on every page of the input
** first, then rcp_templates_apply on each page, which removes those blocks
** from its text (*removed, may be NULL, gets their number).  Counts live in
** ctx (loaded from its store on first use).  Not thread-safe: observe
** serially; apply may run in parallel once observing is over. */
RCP_API int rcp_templates_observe(rcp_ctx *ctx, const rcp_doc *d);
RCP_API int rcp_templates_apply(rcp_ctx *ctx, rcp_doc *d, size_t *removed);

/* ------------------------------------------------------------------ */
/* The pipeline over the store.                                        */

typedef struct rcp_add_stats {
  rcp_ingest_stats ingest;
  uint64_t added;        /* new articles stored */
  uint64_t duplicates;   /* pages already stored (same id or same content) */
  uint64_t failed;       /* pages that failed processing */
  uint64_t stories;      /* stories touched */
} rcp_add_stats;

/* Progress callback: pages done, input file bytes done (as stored, so
** comparable with rcp_reader_total_bytes). */
typedef void (*rcp_progress_fn)(void *ud, uint64_t pages, uint64_t bytes);

/* Reads every page of r, processes it in parallel, stores it, relates and
** clusters it, all in transactions of one batch each.  Returns RCP_OK even
** when some records were skipped (see stats); RCP_EDB when the store fails. */
/* Pages that fail processing (no article text, over a limit) are reported
** through warn (may be NULL) and counted in stats->ingest.skipped. */
RCP_API int rcp_add(rcp_ctx *ctx, rcp_reader *r, rcp_progress_fn progress,
                    rcp_warn_fn warn, void *ud, rcp_add_stats *stats);

/* Which stories to list. */
typedef struct rcp_story_filter {
  const char *since;     /* ISO date: stories with news on or after it */
  const char *until;     /* ISO date */
  const char *language;  /* "fr", "en", ... */
  const char *site;      /* a site among the story's articles */
  const char *entity;    /* an entity name among the story's */
  const char *query;     /* words in title or text */
  int min_articles;      /* 0 = any */
  int min_sources;       /* independent sources, 0 = any */
  int limit;             /* 0 = all */
  int offset;
} rcp_story_filter;

/* JSON of the DESIGN.md contract: an array of stories (malloc'd string,
** free with free()). */
RCP_API int rcp_stories_json(rcp_ctx *ctx, const rcp_story_filter *f,
                             int pretty, char **out);
/* One story (by id "s12", or an id merged into another) as JSON; the
** story's full record including digest.  RCP_ENOTFOUND if unknown. */
RCP_API int rcp_story_json(rcp_ctx *ctx, const char *id, int pretty, char **out);
/* One article as JSON (metadata, text, relations). */
RCP_API int rcp_article_json(rcp_ctx *ctx, const char *id, int pretty, char **out);

/* Renderings of one story or all stories. */
RCP_API int rcp_story_markdown(rcp_ctx *ctx, const char *id, char **out);
/* Writes DIR/stories.json, DIR/stories.md, DIR/index.html and story pages. */
RCP_API int rcp_render_site(rcp_ctx *ctx, const char *dir);

/* ------------------------------------------------------------------ */
/* Dedup without a store: relations among the given documents.         */

typedef struct rcp_relation {
  size_t a, b;          /* indexes into the docs array (a published first) */
  const char *kind;     /* "duplicate", "near_duplicate", "contains", "update", "rewrite" */
  double score;
} rcp_relation;

/* Relates docs[0..n) to each other.  *rels is malloc'd; free with free(). */
RCP_API int rcp_dedup(rcp_ctx *ctx, rcp_doc *const *docs, size_t n,
                      rcp_relation **rels, size_t *nrels);
/* rcp_doc_process without the facts stage: what rcp_dedup needs. */
RCP_API int rcp_doc_process_dedup(rcp_ctx *ctx, const rcp_page *page, rcp_doc **out);

/* ------------------------------------------------------------------ */
/* Single-article extractive summary (the digest's sentence selection).*/
/* Writes up to nsent sentences of text into *out (malloc'd). */
RCP_API int rcp_summarize(rcp_ctx *ctx, const char *text, size_t len,
                          const char *lang, int nsent, char **out);

/* ------------------------------------------------------------------ */
/* Local web UI over the store (libmicrohttpd): serves until *stop      */
/* becomes nonzero (set it from a signal handler).  bind NULL means     */
/* "127.0.0.1"; port 0 picks a free port.  ready (may be NULL) is called */
/* once listening, with the address and the port actually bound.        */
typedef void (*rcp_ready_fn)(void *ud, const char *bind, int port);
RCP_API int rcp_serve(rcp_ctx *ctx, const char *bind, int port, volatile int *stop,
                      rcp_ready_fn ready, void *ud);

#ifdef __cplusplus
}
#endif
#endif /* RECOUPE_H */
