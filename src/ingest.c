/* ingest.c -- stage 1: the reader.  Turns paths (files, directories, "-")
** into pages, one per rcp_reader_next call.
**
** At open time the inputs are expanded into a flat list: a directory is
** walked depth-first with the names of each directory sorted by bytes
** (strcmp), hidden names (".x") skipped, and only page-like names kept
** (.html .htm .xhtml .txt .json .jsonl .warc, any of them + .gz, a bare .gz,
** and names without an extension); a path named explicitly is always read.
** A directory reached again through another link is not read twice.
** Walk errors (missing path, symlink loop, unreadable directory) become
** entries of the list, so every warning comes out in input order.  A file's
** kind comes from its first decompressed bytes and its name (ingest_kind).
** Whole-file pages are read up to opts->page_cap; JSON Lines and WARC are
** streamed record by record, so a file of any size needs bounded memory.
**
** Invariants: every skipped file or record gives exactly one warn call and
** one count in st.skipped; offsets are in the decompressed stream; what
** rcp_reader_next returns stays valid until the next call.  The reader does
** no extraction and never prints.
*/
#include "ingest_int.h"

#include <dirent.h>   /* opendir, readdir */
#include <errno.h>    /* errno */
#include <fcntl.h>    /* open */
#include <jansson.h>  /* json_decref */
#include <stdarg.h>   /* va_list */
#include <stdio.h>    /* vsnprintf */
#include <stdlib.h>   /* qsort */
#include <string.h>   /* strcmp, strrchr, memcmp */
#include <sys/stat.h> /* stat */
#include <unistd.h>   /* close */

#define WALK_MAX_DEPTH 256
#define SNIFF 8192

/* ------------------------------------------------------------------ */
/* Input list                                                          */

static int add_input(rcp_reader *r, const char *path, int type, uint64_t size,
                     int why, const char *msg) {
  if (r->nin == r->cap_in) {
    size_t cap = r->cap_in ? r->cap_in * 2 : 16;
    struct rcp__input *in = rcp__realloc(r->in, cap * sizeof *in);
    if (!in) return RCP_ENOMEM;
    r->in = in;
    r->cap_in = cap;
  }
  struct rcp__input *e = &r->in[r->nin];
  memset(e, 0, sizeof *e);
  e->path = rcp__strdup(path);
  if (!e->path) return RCP_ENOMEM;
  if (msg && !(e->msg = rcp__strdup(msg))) { rcp__free(e->path); return RCP_ENOMEM; }
  e->type = type;
  e->size = size;
  e->why = why;
  r->nin++;
  r->total += size;
  return RCP_OK;
}

static int add_error(rcp_reader *r, const char *path, int why, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int add_error(rcp_reader *r, const char *path, int why, const char *fmt, ...) {
  char msg[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return add_input(r, path, RCP__IN_ERROR, 0, why, msg);
}

/* 1 if a directory walk should read this name (see the file comment). */
static int page_name(const char *name) {
  static const char *const exts[] = { "html", "htm", "xhtml", "txt", "json",
                                      "jsonl", "warc", "gz", NULL };
  size_t n = strlen(name);
  if (n > 3 && strcmp(name + n - 3, ".gz") == 0) n -= 3;
  const char *dot = NULL;
  for (size_t i = n; i > 0; i--) if (name[i - 1] == '.') { dot = name + i - 1; break; }
  if (!dot || dot == name) return 1; /* no extension: read by content */
  size_t el = n - (size_t)(dot + 1 - name);
  for (int i = 0; exts[i]; i++)
    if (strlen(exts[i]) == el && strncasecmp(dot + 1, exts[i], el) == 0) return 1;
  return 0;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

struct ancestor { dev_t dev; ino_t ino; const struct ancestor *up; };

/* Directories already walked: an open-addressing set of (dev, inode), so a
** tree reached through several links is read once and a crafted tree of
** links cannot make the walk exponential. */
struct rcp__seen { uint64_t *t; size_t cap, n; }; /* t: 2 words per slot */

/* 1 if (dev, ino) was added, 0 if already there, -1 on ENOMEM. */
static int seen_add(struct rcp__seen *s, uint64_t dev, uint64_t ino) {
  if (2 * (s->n + 1) > s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 64;
    uint64_t *t = rcp__calloc(cap * 2, sizeof *t);
    if (!t) return -1;
    for (size_t i = 0; i < s->cap; i++) {
      if (!s->t[2 * i] && !s->t[2 * i + 1]) continue;
      uint64_t k[2] = { s->t[2 * i], s->t[2 * i + 1] };
      size_t j = (size_t)rcp__hash64(k, sizeof k, 0) & (cap - 1);
      while (t[2 * j] || t[2 * j + 1]) j = (j + 1) & (cap - 1);
      t[2 * j] = k[0]; t[2 * j + 1] = k[1];
    }
    rcp__free(s->t);
    s->t = t;
    s->cap = cap;
  }
  uint64_t k[2] = { dev + 1, ino }; /* +1: (0, 0) marks an empty slot */
  size_t j = (size_t)rcp__hash64(k, sizeof k, 0) & (s->cap - 1);
  while (s->t[2 * j] || s->t[2 * j + 1]) {
    if (s->t[2 * j] == k[0] && s->t[2 * j + 1] == k[1]) return 0;
    j = (j + 1) & (s->cap - 1);
  }
  s->t[2 * j] = k[0]; s->t[2 * j + 1] = k[1];
  s->n++;
  return 1;
}

static int walk(rcp_reader *r, const char *dir, const struct stat *dst,
                const struct ancestor *up, int depth) {
  for (const struct ancestor *a = up; a; a = a->up)
    if (a->dev == dst->st_dev && a->ino == dst->st_ino)
      return add_error(r, dir, RCP_SKIP_UNREADABLE,
                       "directory symlink loop: this directory is already being read");
  if (depth > WALK_MAX_DEPTH)
    return add_error(r, dir, RCP_SKIP_UNREADABLE, "directory tree deeper than %d levels", WALK_MAX_DEPTH);
  int fresh = seen_add(r->seen, (uint64_t)dst->st_dev, (uint64_t)dst->st_ino);
  if (fresh < 0) return RCP_ENOMEM;
  if (!fresh) return RCP_OK; /* read already, through another link */
  struct ancestor me = { dst->st_dev, dst->st_ino, up };
  DIR *d = opendir(dir);
  if (!d) return add_error(r, dir, RCP_SKIP_UNREADABLE, "cannot open directory: %s", strerror(errno));
  char **names = NULL;
  size_t n = 0, cap = 0;
  int rc = RCP_OK;
  struct dirent *de;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.') continue; /* hidden, "." and ".." */
    if (n == cap) {
      size_t c2 = cap ? cap * 2 : 32;
      char **nn = rcp__realloc(names, c2 * sizeof *nn);
      if (!nn) { rc = RCP_ENOMEM; break; }
      names = nn;
      cap = c2;
    }
    if (!(names[n] = rcp__strdup(de->d_name))) { rc = RCP_ENOMEM; break; }
    n++;
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, cmp_str);
  size_t dl = strlen(dir);
  int slash = dl > 0 && dir[dl - 1] == '/';
  rcp_buf p;
  rcp__buf_init(&p, 0);
  for (size_t i = 0; i < n && rc == RCP_OK; i++) {
    rcp__buf_reset(&p);
    rcp__buf_add(&p, dir, dl);
    if (!slash) rcp__buf_addc(&p, '/');
    if (rcp__buf_adds(&p, names[i]) != RCP_OK) { rc = RCP_ENOMEM; break; }
    struct stat st;
    if (stat(p.p, &st) != 0) {
      rc = add_error(r, p.p, RCP_SKIP_UNREADABLE, "%s%s", strerror(errno),
                     errno == ELOOP ? " (symlink loop)" : "");
    } else if (S_ISDIR(st.st_mode)) {
      rc = walk(r, p.p, &st, &me, depth + 1);
    } else if (S_ISREG(st.st_mode) && page_name(names[i])) {
      rc = add_input(r, p.p, RCP__IN_FILE, (uint64_t)st.st_size, 0, NULL);
    }
  }
  rcp__buf_free(&p);
  for (size_t i = 0; i < n; i++) rcp__free(names[i]);
  rcp__free(names);
  return rc;
}

static int add_path(rcp_reader *r, const char *path) {
  if (strcmp(path, "-") == 0) return add_input(r, "-", RCP__IN_STDIN, 0, 0, NULL);
  struct stat st;
  if (stat(path, &st) != 0)
    return add_error(r, path, RCP_SKIP_UNREADABLE, "%s", strerror(errno));
  if (S_ISDIR(st.st_mode)) return walk(r, path, &st, NULL, 0);
  return add_input(r, path, RCP__IN_FILE, S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0, 0, NULL);
}

static int reader_new(rcp_reader **out, const rcp_opts *opts, rcp_warn_fn warn, void *ud) {
  *out = NULL;
  rcp_reader *r = rcp__calloc(1, sizeof *r);
  if (!r) return RCP_ENOMEM;
  rcp_opts def;
  rcp_opts_default(&def);
  r->page_cap = opts && opts->page_cap ? opts->page_cap : def.page_cap;
  r->warn = warn;
  r->ud = ud;
  r->s.fd = -1;
  rcp__buf_init(&r->body, 0);
  rcp__buf_init(&r->line, 0);
  rcp__buf_init(&r->tmp, 0);
  rcp__buf_init(&r->docbuf, 0);
  rcp__buf_init(&r->aux, 0);
  *out = r;
  return RCP_OK;
}

int rcp_reader_open(rcp_reader **out, const char *const *paths, size_t npaths,
                    const rcp_opts *opts, rcp_warn_fn warn, void *ud) {
  rcp_reader *r;
  RCP_TRY(reader_new(&r, opts, warn, ud));
  struct rcp__seen seen = { NULL, 0, 0 };
  r->seen = &seen;
  int rc = RCP_OK;
  for (size_t i = 0; i < npaths && rc == RCP_OK; i++) rc = add_path(r, paths[i]);
  rcp__free(seen.t);
  r->seen = NULL;
  if (rc != RCP_OK) { rcp_reader_free(r); return rc; }
  *out = r;
  return RCP_OK;
}

int rcp__reader_open_mem(rcp_reader **out, const char *name, const void *p,
                         size_t n, const rcp_opts *opts, rcp_warn_fn warn, void *ud) {
  rcp_reader *r;
  RCP_TRY(reader_new(&r, opts, warn, ud));
  r->mem = p;
  r->memlen = n;
  int rc = add_input(r, name, RCP__IN_MEM, n, 0, NULL);
  if (rc != RCP_OK) { rcp_reader_free(r); return rc; }
  *out = r;
  return RCP_OK;
}

/* ------------------------------------------------------------------ */
/* Helpers for the kind readers                                        */

void rcp__ingest_skip(rcp_reader *r, uint64_t off, int why, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (why >= 0 && why < RCP_SKIP_COUNT) r->st.skipped[why]++;
  if (r->warn) r->warn(r->ud, r->path ? r->path : "?", off, why, msg);
}

char *rcp__ingest_str(rcp_reader *r, const char *s, size_t n) {
  return rcp__arena_strndup(r->scratch, s, n);
}

int rcp__ingest_page_begin(rcp_reader *r, uint64_t off) {
  if (r->rec) { json_decref(r->rec); r->rec = NULL; }
  rcp__arena_free(r->scratch);
  r->scratch = rcp__arena_new(r->page_cap + ((size_t)1 << 20));
  if (!r->scratch) return RCP_ENOMEM;
  memset(&r->page, 0, sizeof r->page);
  r->page.source = r->path;
  r->page.offset = off;
  return RCP_OK;
}

int rcp__ingest_set_id(rcp_reader *r, uint64_t off, int whole) {
  r->page.id = whole ? r->path
                     : rcp__arena_printf(r->scratch, "%s#%llu", r->path, (unsigned long long)off);
  return r->page.id ? RCP_OK : RCP_ENOMEM;
}

int rcp__looks_binary(const unsigned char *p, size_t n, const char **what) {
  static const struct { const char *magic; size_t len; const char *name; } magics[] = {
    { "\x89PNG\r\n\x1a\n", 8, "PNG image" }, { "\x7f" "ELF", 4, "ELF executable" },
    { "GIF87a", 6, "GIF image" }, { "GIF89a", 6, "GIF image" },
    { "\xff\xd8\xff", 3, "JPEG image" }, { "%PDF-", 5, "PDF document" },
    { "PK\x03\x04", 4, "zip archive" }, { "RIFF", 4, "RIFF media" },
    { "\x28\xb5\x2f\xfd", 4, "zstd data" }, { "BZh", 3, "bzip2 data" },
    { "\xfd" "7zXZ", 5, "xz data" }, { "\x00\x00\x01\x00", 4, "icon" },
    { "wOFF", 4, "web font" }, { "wOF2", 4, "web font" },
  };
  *what = NULL;
  if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff)))
    return 0; /* UTF-16/32 BOM: text with NULs */
  for (size_t i = 0; i < sizeof magics / sizeof *magics; i++)
    if (n >= magics[i].len && memcmp(p, magics[i].magic, magics[i].len) == 0) {
      *what = magics[i].name;
      return 1;
    }
  if (n > SNIFF) n = SNIFF;
  size_t nul = 0, ctl = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = p[i];
    if (c == 0) nul++;
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) ctl++;
  }
  /* more than 1% NUL bytes, or more than 10% other control bytes */
  if (nul * 100 > n || (nul + ctl) * 10 > n) {
    *what = nul ? "NUL bytes" : "control bytes";
    return 1;
  }
  return 0;
}

static int ieq_prefix(const char *p, size_t n, const char *lit) {
  size_t k = strlen(lit);
  if (n < k) return 0;
  return strncasecmp(p, lit, k) == 0;
}

int rcp__looks_html(const char *p, size_t n) {
  static const char *const tags[] = { "<!doctype html", "<html", "<head", "<body",
    "<p>", "<p ", "<div", "<br", "<meta", "<title", "<article", "<h1", "<h2",
    "<a href", "<table", "<span", "<section", "<main", NULL };
  if (n > SNIFF) n = SNIFF;
  for (size_t i = 0; i < n; i++) {
    if (p[i] != '<') continue;
    for (int t = 0; tags[t]; t++)
      if (ieq_prefix(p + i, n - i, tags[t])) return 1;
  }
  return 0;
}

static int only_space(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (c == 0xc2 && i + 1 < n && (unsigned char)p[i + 1] == 0xa0) { i++; continue; } /* nbsp */
    if (c == 0xef && i + 2 < n && (unsigned char)p[i + 1] == 0xbb && (unsigned char)p[i + 2] == 0xbf) { i += 2; continue; }
    return 0;
  }
  return 1;
}

int rcp__ingest_body(rcp_reader *r, uint64_t off, const char *p, size_t n,
                     const char *declared, int is_html, int utf8_only) {
  if (n > r->page_cap) {
    rcp__ingest_skip(r, off, RCP_SKIP_TOOBIG, "page of %zu bytes over the cap of %zu bytes", n, r->page_cap);
    return RCP__NEXT_SKIP;
  }
  const char *what;
  if (!utf8_only && rcp__looks_binary((const unsigned char *)p, n, &what)) {
    rcp__ingest_skip(r, off, RCP_SKIP_BINARY, "binary content (%s)", what);
    return RCP__NEXT_SKIP;
  }
  const char *used = "utf-8";
  rcp__buf_reset(&r->body);
  if (utf8_only) {
    /* already valid UTF-8 (jansson checks strings): drop NULs, copy */
    const char *z = memchr(p, 0, n);
    if (!z) {
      if (rcp__buf_add(&r->body, p, n) != RCP_OK) return -RCP_ENOMEM;
    } else {
      for (size_t i = 0; i < n; i++)
        if (p[i] && rcp__buf_addc(&r->body, p[i]) != RCP_OK) return -RCP_ENOMEM;
      if (!r->body.p && rcp__buf_add(&r->body, "", 0) != RCP_OK) return -RCP_ENOMEM;
    }
  } else {
    char *u = NULL;
    size_t ulen = 0;
    int rc = rcp__to_utf8(p, n, declared, is_html, &u, &ulen, &used);
    if (rc == RCP_ENOMEM) return -RCP_ENOMEM;
    if (rc != RCP_OK) {
      rcp__ingest_skip(r, off, RCP_SKIP_CHARSET, "cannot convert from %s to UTF-8",
                       declared ? declared : "the detected charset");
      return RCP__NEXT_SKIP;
    }
    rc = rcp__buf_add(&r->body, u, ulen);
    rcp__free(u);
    if (rc != RCP_OK) return -RCP_ENOMEM;
  }
  if (!r->body.p || only_space(r->body.p, r->body.n)) {
    rcp__ingest_skip(r, off, RCP_SKIP_EMPTY, n ? "no text" : "empty");
    return RCP__NEXT_SKIP;
  }
  r->page.body = r->body.p;
  r->page.body_len = r->body.n;
  r->page.charset = used;
  r->page.is_html = is_html >= 0 ? is_html : rcp__looks_html(r->body.p, r->body.n);
  return RCP__NEXT_PAGE;
}

/* ------------------------------------------------------------------ */
/* Files                                                               */

/* The name without a trailing .gz, lower-cased extension in ext[8]. */
static void name_ext(const char *path, char ext[8]) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen(base);
  if (n > 3 && strcasecmp(base + n - 3, ".gz") == 0) n -= 3;
  ext[0] = 0;
  for (size_t i = n; i > 0; i--)
    if (base[i - 1] == '.') {
      size_t el = n - i;
      if (el < 8) {
        for (size_t j = 0; j < el; j++) ext[j] = (char)(base[i + j] | 0x20);
        ext[el] = 0;
      }
      return;
    }
}

/* Decides the kind of the open file from its first bytes and its name. */
static int file_kind(rcp_reader *r) {
  const unsigned char *p;
  size_t n = rcp__stream_peek(&r->s, SNIFF, &p);
  if (n >= 7 && memcmp(p, "WARC/1.", 7) == 0) return RCP__K_WARC;
  char ext[8];
  name_ext(r->path, ext);
  if (strcmp(ext, "warc") == 0) return RCP__K_WARC;
  size_t i = 0;
  if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) i = 3;
  while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) i++;
  int obj = i < n && p[i] == '{', arr = i < n && p[i] == '[';
  if (strcmp(ext, "jsonl") == 0) return RCP__K_JSONL;
  if (strcmp(ext, "json") == 0) return RCP__K_JSON;
  if (strcmp(ext, "html") == 0 || strcmp(ext, "htm") == 0 || strcmp(ext, "xhtml") == 0 ||
      strcmp(ext, "txt") == 0)
    return RCP__K_PAGE;
  if (obj) return RCP__K_JSONL;
  if (arr) return RCP__K_JSON;
  return RCP__K_PAGE;
}

/* One page per file: reads it whole (up to the cap). */
static int page_next(rcp_reader *r) {
  rcp__buf_reset(&r->line);
  uint64_t got = rcp__stream_read(&r->s, (uint64_t)r->page_cap + 1, &r->line);
  if (r->s.nomem) return -RCP_ENOMEM;
  r->kind = RCP__K_NONE; /* one page per file, whatever happens */
  if (r->s.err) {
    rcp__ingest_skip(r, r->s.err_off, r->s.err, "%s", r->s.errmsg);
    return RCP__NEXT_EOF;
  }
  if (got > r->page_cap) {
    rcp__ingest_skip(r, 0, RCP_SKIP_TOOBIG, "file over the page cap of %zu bytes", r->page_cap);
    return RCP__NEXT_EOF;
  }
  if (got == 0) {
    rcp__ingest_skip(r, 0, RCP_SKIP_EMPTY, "empty file");
    return RCP__NEXT_EOF;
  }
  int rc = rcp__ingest_page_begin(r, 0);
  if (rc != RCP_OK) return -rc;
  if ((rc = rcp__ingest_set_id(r, 0, 1)) != RCP_OK) return -rc;
  return rcp__ingest_body(r, 0, r->line.p, r->line.n, NULL, -1, 0);
}

static void close_file(rcp_reader *r) {
  if (r->stream_open) {
    r->done_bytes += rcp__stream_off(&r->s) + (r->s.len - r->s.pos);
    r->done_raw += r->s.raw_read;
    rcp__stream_close(&r->s);
    r->stream_open = 0;
  }
  if (r->doc) { json_decref(r->doc); r->doc = NULL; }
  rcp__buf_free(&r->docbuf);
  r->warc_resync = 0;
  r->kind = RCP__K_NONE;
}

/* Opens the next input; 1 when a file is open, 0 when it was skipped
** (reported), -rc on a fatal error. */
static int open_next(rcp_reader *r) {
  struct rcp__input *e = &r->in[r->cur++];
  r->path = e->path;
  if (e->type == RCP__IN_ERROR) {
    rcp__ingest_skip(r, 0, e->why, "%s", e->msg);
    return 0;
  }
  int rc;
  if (e->type == RCP__IN_MEM) {
    rc = rcp__stream_open_mem(&r->s, r->mem, r->memlen);
  } else if (e->type == RCP__IN_STDIN) {
    rc = rcp__stream_open_fd(&r->s, 0, 0);
  } else {
    int fd = open(e->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      rcp__ingest_skip(r, 0, RCP_SKIP_UNREADABLE, "cannot open: %s", strerror(errno));
      return 0;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      close(fd);
      rcp__ingest_skip(r, 0, RCP_SKIP_UNREADABLE, "is a directory");
      return 0;
    }
    rc = rcp__stream_open_fd(&r->s, fd, 1);
  }
  if (rc != RCP_OK) return -rc;
  r->stream_open = 1;
  r->st.files++;
  const unsigned char *p;
  size_t n = rcp__stream_peek(&r->s, SNIFF, &p);
  if (r->s.nomem) return -RCP_ENOMEM;
  if (n == 0) {
    if (r->s.err) rcp__ingest_skip(r, r->s.err_off, r->s.err, "%s", r->s.errmsg);
    else rcp__ingest_skip(r, 0, RCP_SKIP_EMPTY, "empty file");
    close_file(r);
    return 0;
  }
  r->kind = file_kind(r);
  const char *what;
  if (r->kind != RCP__K_WARC && rcp__looks_binary(p, n, &what)) {
    rcp__ingest_skip(r, 0, RCP_SKIP_BINARY, "binary file (%s)", what);
    close_file(r);
    return 0;
  }
  if (r->kind == RCP__K_JSON) {
    rc = rcp__json_load(r);
    if (rc < 0) return rc;
    if (rc == 0) { close_file(r); return 0; }
  }
  return 1;
}

static void update_bytes(rcp_reader *r) {
  uint64_t cur = 0, raw = 0;
  if (r->stream_open) { cur = rcp__stream_off(&r->s); raw = r->s.raw_read; }
  r->st.bytes = r->done_bytes + cur;
  r->st.raw_bytes = r->done_raw + raw;
}

int rcp_reader_next(rcp_reader *r, const rcp_page **page) {
  *page = NULL;
  if (!r) return RCP_EINVAL;
  for (;;) {
    if (r->kind == RCP__K_NONE) {
      close_file(r);
      update_bytes(r);
      if (r->cur >= r->nin) return RCP_EDONE;
      int rc = open_next(r);
      if (rc < 0) return -rc;
      if (rc == 0) continue;
    }
    int rc;
    switch (r->kind) {
    case RCP__K_PAGE: rc = page_next(r); break;
    case RCP__K_JSONL: rc = rcp__jsonl_next(r); break;
    case RCP__K_JSON: rc = rcp__json_next(r); break;
    case RCP__K_WARC: rc = rcp__warc_next(r); break;
    default: rc = RCP__NEXT_EOF; break;
    }
    if (rc < 0) return -rc;
    if (rc == RCP__NEXT_EOF) { r->kind = RCP__K_NONE; continue; }
    if (rc == RCP__NEXT_PAGE) {
      r->st.pages++;
      update_bytes(r);
      *page = &r->page;
      return RCP_OK;
    }
    /* RCP__NEXT_SKIP: a record was skipped (reported); go on */
  }
}

const rcp_ingest_stats *rcp_reader_stats(const rcp_reader *r) { return &r->st; }

uint64_t rcp_reader_total_bytes(const rcp_reader *r) { return r ? r->total : 0; }

void rcp_reader_free(rcp_reader *r) {
  if (!r) return;
  close_file(r);
  if (r->rec) json_decref(r->rec);
  for (size_t i = 0; i < r->nin; i++) { rcp__free(r->in[i].path); rcp__free(r->in[i].msg); }
  rcp__free(r->in);
  rcp__arena_free(r->scratch);
  rcp__buf_free(&r->body);
  rcp__buf_free(&r->line);
  rcp__buf_free(&r->tmp);
  rcp__buf_free(&r->docbuf);
  rcp__buf_free(&r->aux);
  rcp__free(r);
}
