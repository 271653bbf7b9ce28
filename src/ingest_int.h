/* ingest_int.h -- private to the ingest stage (src/ingest*.c, src/charset.c).
**
** The reader (struct rcp_reader) walks a list of inputs prepared at open
** time and reads one file at a time through a byte stream (struct
** rcp__stream) that hides where bytes come from (a file descriptor, or
** memory) and whether they are gzip-compressed.  Each file has a kind
** (one page, JSON Lines, a JSON document, WARC); the kind's reader fills
** r->page and returns one page per call.  Offsets are always counted in the
** decompressed stream.  Nothing here is part of the public API.
*/
#ifndef RCP_INGEST_INT_H
#define RCP_INGEST_INT_H

#include "recoupe_int.h"

#include <zlib.h> /* z_stream */

/* ---- byte stream: fd or memory, plain or gzip (any number of members) */

#define RCP__RAW_CAP ((size_t)1 << 18)    /* raw read size */

typedef struct rcp__stream {
  int fd;                      /* -1: memory source */
  int own_fd;                  /* close fd on rcp__stream_close */
  const unsigned char *mem;    /* memory source (not owned) */
  size_t memlen, mempos;
  unsigned char *raw;          /* owned; raw (compressed) bytes */
  size_t rawpos, rawlen;
  int raw_eof;
  uint64_t raw_read;           /* raw bytes taken from the source */
  int gz;                      /* 1: the source is gzip */
  int z_init, z_member_done;
  z_stream z;
  unsigned char *buf;          /* owned; decompressed window */
  size_t pos, len, cap;        /* unread bytes are buf[pos..len) */
  uint64_t base;               /* stream offset of buf[0] */
  int eof;                     /* no more bytes will come */
  int err;                     /* RCP_SKIP_GZIP / RCP_SKIP_UNREADABLE, sticky */
  int nomem;                   /* allocation failed (fatal) */
  uint64_t err_off;            /* stream offset where the error was seen */
  char errmsg[160];
} rcp__stream;

/* Opens a stream over fd (own: close it at the end) or memory.  Sniffs the
** gzip magic.  Returns RCP_OK or RCP_ENOMEM (then nothing needs closing). */
int rcp__stream_open_fd(rcp__stream *s, int fd, int own);
int rcp__stream_open_mem(rcp__stream *s, const void *p, size_t n);
void rcp__stream_close(rcp__stream *s);
/* Offset of the next unread byte in the decompressed stream. */
static inline uint64_t rcp__stream_off(const rcp__stream *s) { return s->base + s->pos; }
/* Makes at least `want` unread bytes available if the stream has them;
** *p points at them.  Returns how many are available (less at the end). */
size_t rcp__stream_peek(rcp__stream *s, size_t want, const unsigned char **p);
/* Consumes n bytes (n <= what peek returned). */
static inline void rcp__stream_advance(rcp__stream *s, size_t n) { s->pos += n; }
/* Reads one line (with its '\n', if any) into line (reset first).  Bytes
** past max are dropped and *toobig set.  Returns 0 at the end of the
** stream (nothing read), 1 otherwise. */
int rcp__stream_getline(rcp__stream *s, rcp_buf *line, size_t max, int *toobig);
/* Appends up to n bytes to out (NULL: discard them).  Returns the number
** of bytes consumed from the stream (less than n at the end). */
uint64_t rcp__stream_read(rcp__stream *s, uint64_t n, rcp_buf *out);

/* ---- gzip in memory (HTTP Content-Encoding) ------------------------ */
/* Inflates gzip or zlib or raw deflate data into out, up to max bytes.
** Returns RCP_OK, RCP_ETOOBIG, RCP_EPARSE or RCP_ENOMEM. */
int rcp__inflate_mem(const unsigned char *in, size_t n, rcp_buf *out, size_t max);

/* ---- charsets (charset.c) ----------------------------------------- */
/* The charset named by a Content-Type value ("text/html; charset=x"):
** 1 and *name set to our canonical name, or 0 if none or unknown. */
int rcp__charset_from_ctype(const char *ctype, size_t n, const char **name);

/* ---- the reader ---------------------------------------------------- */

enum { RCP__IN_FILE = 0, RCP__IN_STDIN, RCP__IN_MEM, RCP__IN_ERROR };
enum { RCP__K_NONE = 0, RCP__K_PAGE, RCP__K_JSONL, RCP__K_JSON, RCP__K_WARC };

struct rcp__input {
  char *path;          /* owned */
  int type;            /* RCP__IN_* */
  uint64_t size;       /* file size when known */
  int why;             /* RCP__IN_ERROR: skip reason */
  char *msg;           /* RCP__IN_ERROR: owned message */
};

struct json_t;

struct rcp_reader {
  struct rcp__input *in;   /* owned; inputs in reading order */
  size_t nin, cap_in, cur;
  uint64_t total;          /* sum of file sizes */
  size_t page_cap;
  rcp_warn_fn warn; void *ud;
  rcp_ingest_stats st;
  const void *mem; size_t memlen; /* RCP__IN_MEM source (not owned) */
  struct rcp__seen *seen;  /* directories walked; during open only */
  /* the file being read */
  int kind;                /* RCP__K_*; NONE when no file is open */
  const char *path;        /* in[cur-1].path */
  rcp__stream s;
  int stream_open;
  uint64_t done_bytes, done_raw; /* of files already closed */
  struct json_t *doc;      /* RCP__K_JSON: the whole document */
  size_t doc_i;            /* next array element */
  /* the page being returned */
  rcp_page page;
  rcp_arena *scratch;      /* owned; small strings of the current page */
  rcp_buf body;            /* owned; the page body */
  rcp_buf line;            /* owned; JSONL line / WARC header / payload */
  rcp_buf tmp;             /* owned; scratch */
  rcp_buf docbuf;          /* owned; a whole .json file */
  rcp_buf aux;             /* owned; inflated HTTP payload */
  int warc_resync;         /* skipping to the next "WARC/1." line */
  struct json_t *rec;      /* current JSON record (released on next call) */
};

/* Result of a kind's next(): the file is done, a page is in r->page, a
** record was skipped (and reported), or -rc for a fatal error (ENOMEM). */
enum { RCP__NEXT_EOF = 0, RCP__NEXT_PAGE = 1, RCP__NEXT_SKIP = 2 };

/* Reports a skipped record: one warn call and one count. */
void rcp__ingest_skip(rcp_reader *r, uint64_t off, int why, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Resets r->page and the scratch arena for a new record.  RCP_ENOMEM. */
int rcp__ingest_page_begin(rcp_reader *r, uint64_t off);
/* Sets r->page.id to "path#off" (or path when whole is 1). */
int rcp__ingest_set_id(rcp_reader *r, uint64_t off, int whole);
/* Converts bytes to the page body: charset conversion (declared may be
** NULL), binary and empty checks, page kind (is_html: -1 sniff, 0/1 as
** given).  Returns RCP__NEXT_PAGE, RCP__NEXT_SKIP when the record was
** skipped (already reported), or a negative rcp_rc for a fatal error. */
int rcp__ingest_body(rcp_reader *r, uint64_t off, const char *p, size_t n,
                     const char *declared, int is_html, int utf8_only);
/* 1 if the first bytes look like HTML markup. */
int rcp__looks_html(const char *p, size_t n);
/* 1 if the first bytes look binary (magic numbers, NULs, control ratio). */
int rcp__looks_binary(const unsigned char *p, size_t n, const char **what);
/* Copies s[0..n) into the scratch arena (NULL on ENOMEM). */
char *rcp__ingest_str(rcp_reader *r, const char *s, size_t n);

/* Kind readers: each returns an RCP__NEXT_* value, or -rc. */
int rcp__jsonl_next(rcp_reader *r);
int rcp__json_next(rcp_reader *r);
int rcp__json_load(rcp_reader *r);   /* RCP__K_JSON: loads the document */
int rcp__warc_next(rcp_reader *r);

/* ---- JSON records (ingest_json.c) -------------------------------- */
/* The fields a record is read from, by name (rcp__jf_names). */
enum { RCP__JF_ID, RCP__JF_URL, RCP__JF_LINK, RCP__JF_PUBLISHED, RCP__JF_DATE,
       RCP__JF_DATEPUBLISHED, RCP__JF_TITLE, RCP__JF_SITE, RCP__JF_LANGUAGE, RCP__JF_LANG,
       RCP__JF_FETCHED, RCP__JF_HTML, RCP__JF_RAW_HTML, RCP__JF_TEXT, RCP__JF_ARTICLE,
       RCP__JF_BODY, RCP__JF_CONTENT, RCP__JF_HEADING, RCP__JF_COUNT };
enum { RCP__JV_ABSENT = 0, RCP__JV_STRING, RCP__JV_INT, RCP__JV_REAL, RCP__JV_OTHER };
typedef struct rcp__jfield {
  int type;            /* RCP__JV_* */
  const char *s;       /* STRING: the decoded bytes, NUL-terminated */
  size_t n;            /* STRING: their length (they may hold NULs) */
  long long i;         /* INT */
  double d;            /* REAL */
} rcp__jfield;
extern const char *const rcp__jf_names[RCP__JF_COUNT];
/* Fills f from the jansson object o (strings point into o). */
void rcp__jf_from_json(struct json_t *o, rcp__jfield f[RCP__JF_COUNT]);
/* Reads the JSON line p[0..n) (valid UTF-8 without NUL) as one record
** object without jansson: 1 and f filled, the strings decoded in place in
** p; 0 (p untouched) when the line is anything it does not read exactly as
** jansson would (then jansson reads it, or reports the error). */
int rcp__jsonl_scan(char *p, size_t n, rcp__jfield f[RCP__JF_COUNT]);

/* In-memory reader over one input named `name` (tests and fuzzing). */
int rcp__reader_open_mem(rcp_reader **out, const char *name, const void *p,
                         size_t n, const rcp_opts *opts, rcp_warn_fn warn, void *ud);

#endif /* RCP_INGEST_INT_H */
