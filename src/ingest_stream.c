/* ingest_stream.c -- the byte stream under every reader: a file descriptor or
** a memory block, plain or gzip, read through a sliding window.
**
** gzip is inflated with zlib in streaming mode (inflateInit2 with 16+15
** window bits: gzip wrapper only).  At Z_STREAM_END the next raw bytes are
** checked for the gzip magic; if present, inflateReset starts the next member
** (multi-member files, as every .warc.gz is), so any size streams in bounded
** memory (RESOURCES.md 5.4).  Zero padding after the last member is ignored;
** other trailing bytes and a member cut short are reported once as a gzip
** error at the decompressed offset where the good data ends.
**
** Invariants: buf[pos..len) are the unread bytes; base + pos is the offset of
** the next byte in the decompressed stream; the window only grows when a
** caller peeks at more than it holds.  Errors are sticky (s->err); once set,
** the stream ends.  It does not interpret the bytes.
*/
#include "ingest_int.h"

#include <errno.h>  /* errno, EINTR */
#include <string.h> /* memchr, memcpy, memmove, strerror */
#include <unistd.h> /* read, close */
#include <stdio.h>  /* snprintf */

#define CHUNK ((size_t)1 << 16) /* free space kept at the end of the window */

static void set_err(rcp__stream *s, int why, const char *msg) {
  if (s->err) return;
  s->err = why;
  s->err_off = s->base + s->len;
  snprintf(s->errmsg, sizeof s->errmsg, "%s", msg);
  s->eof = 1;
}

/* Reads up to n bytes from the source into dst.  Returns bytes read; 0 at
** the end or on error (then s->err is set). */
static size_t src_read(rcp__stream *s, unsigned char *dst, size_t n) {
  if (s->fd < 0) {
    size_t k = s->memlen - s->mempos;
    if (k > n) k = n;
    memcpy(dst, s->mem + s->mempos, k);
    s->mempos += k;
    s->raw_read += k;
    return k;
  }
  for (;;) {
    ssize_t k = read(s->fd, dst, n);
    if (k >= 0) { s->raw_read += (uint64_t)k; return (size_t)k; }
    if (errno == EINTR) continue;
    char m[140];
    snprintf(m, sizeof m, "read error: %s", strerror(errno));
    set_err(s, RCP_SKIP_UNREADABLE, m);
    return 0;
  }
}

/* Makes sure at least `want` raw bytes are buffered (compacting first).
** Returns the number available. */
static size_t raw_more(rcp__stream *s, size_t want) {
  if (s->rawpos > 0) {
    memmove(s->raw, s->raw + s->rawpos, s->rawlen - s->rawpos);
    s->rawlen -= s->rawpos;
    s->rawpos = 0;
  }
  while (s->rawlen < want && !s->raw_eof) {
    size_t k = src_read(s, s->raw + s->rawlen, RCP__RAW_CAP - s->rawlen);
    if (k == 0) s->raw_eof = 1;
    s->rawlen += k;
  }
  return s->rawlen;
}

static int common_open(rcp__stream *s) {
  s->raw = rcp__malloc(RCP__RAW_CAP);
  s->cap = 4 * CHUNK;
  s->buf = rcp__malloc(s->cap);
  if (!s->raw || !s->buf) {
    rcp__free(s->raw); rcp__free(s->buf);
    s->raw = s->buf = NULL;
    return RCP_ENOMEM;
  }
  raw_more(s, 2);
  if (s->rawlen >= 2 && s->raw[0] == 0x1f && s->raw[1] == 0x8b) {
    if (inflateInit2(&s->z, 16 + 15) != Z_OK) {
      rcp__free(s->raw); rcp__free(s->buf);
      s->raw = s->buf = NULL;
      return RCP_ENOMEM;
    }
    s->gz = 1;
    s->z_init = 1;
  }
  return RCP_OK;
}

int rcp__stream_open_fd(rcp__stream *s, int fd, int own) {
  memset(s, 0, sizeof *s);
  s->fd = fd;
  s->own_fd = own;
  int rc = common_open(s);
  if (rc != RCP_OK && own) close(fd);
  return rc;
}

int rcp__stream_open_mem(rcp__stream *s, const void *p, size_t n) {
  memset(s, 0, sizeof *s);
  s->fd = -1;
  s->mem = p;
  s->memlen = n;
  return common_open(s);
}

void rcp__stream_close(rcp__stream *s) {
  if (s->z_init) inflateEnd(&s->z);
  if (s->own_fd && s->fd >= 0) close(s->fd);
  rcp__free(s->raw);
  rcp__free(s->buf);
  memset(s, 0, sizeof *s);
  s->fd = -1;
}

/* Compacts the window and keeps CHUNK bytes free at its end.  0 or -1. */
static int make_room(rcp__stream *s) {
  if (s->pos > 0) {
    memmove(s->buf, s->buf + s->pos, s->len - s->pos);
    s->base += s->pos;
    s->len -= s->pos;
    s->pos = 0;
  }
  if (s->cap - s->len < CHUNK) {
    size_t cap = s->cap * 2;
    unsigned char *b = rcp__realloc(s->buf, cap);
    if (!b) { s->nomem = 1; s->eof = 1; return -1; }
    s->buf = b;
    s->cap = cap;
  }
  return 0;
}

/* Inflates into the window until it produces something or the stream ends. */
static void fill_gz(rcp__stream *s) {
  for (;;) {
    if (s->z_member_done) {
      size_t avail = raw_more(s, 2) - s->rawpos;
      if (avail == 0) { s->eof = 1; return; }
      const unsigned char *q = s->raw + s->rawpos;
      if (avail >= 2 && q[0] == 0x1f && q[1] == 0x8b) {
        inflateReset(&s->z);
        s->z_member_done = 0;
      } else {
        /* zero padding after the last member is common and harmless */
        int zeros = 1;
        for (;;) {
          for (size_t i = s->rawpos; i < s->rawlen; i++) if (s->raw[i]) { zeros = 0; break; }
          if (!zeros) break;
          s->rawpos = s->rawlen;
          if (raw_more(s, 1) == 0) break;
        }
        if (!zeros) set_err(s, RCP_SKIP_GZIP, "trailing garbage after the last gzip member");
        s->eof = 1;
        return;
      }
    }
    if (s->rawpos == s->rawlen && raw_more(s, 1) == 0) {
      if (!s->err) set_err(s, RCP_SKIP_GZIP, "truncated gzip: unexpected end of compressed data");
      s->eof = 1;
      return;
    }
    s->z.next_in = s->raw + s->rawpos;
    s->z.avail_in = (uInt)(s->rawlen - s->rawpos);
    s->z.next_out = s->buf + s->len;
    s->z.avail_out = (uInt)(s->cap - s->len);
    int zr = inflate(&s->z, Z_NO_FLUSH);
    s->rawpos = s->rawlen - s->z.avail_in;
    size_t produced = (s->cap - s->len) - s->z.avail_out;
    s->len += produced;
    if (zr == Z_STREAM_END) s->z_member_done = 1;
    else if (zr == Z_BUF_ERROR) {
      /* no progress possible: input exhausted; loop refills or ends */
      if (s->rawpos < s->rawlen && produced == 0) {
        set_err(s, RCP_SKIP_GZIP, "corrupt gzip: no progress");
        return;
      }
    } else if (zr == Z_MEM_ERROR) {
      s->nomem = 1; s->eof = 1;
      return;
    } else if (zr != Z_OK) {
      char m[140];
      snprintf(m, sizeof m, "corrupt gzip: %s", s->z.msg ? s->z.msg : "data error");
      set_err(s, RCP_SKIP_GZIP, m);
      return;
    }
    if (produced) return;
  }
}

/* Appends more decompressed bytes to the window (nothing at the end). */
static void fill(rcp__stream *s) {
  if (s->eof) return;
  if (make_room(s) != 0) return;
  if (s->gz) { fill_gz(s); return; }
  if (s->rawpos < s->rawlen) { /* bytes read while sniffing */
    size_t k = s->rawlen - s->rawpos;
    if (k > s->cap - s->len) k = s->cap - s->len;
    memcpy(s->buf + s->len, s->raw + s->rawpos, k);
    s->rawpos += k;
    s->len += k;
    return;
  }
  if (s->raw_eof) { s->eof = 1; return; }
  size_t k = src_read(s, s->buf + s->len, s->cap - s->len);
  if (k == 0) { s->raw_eof = 1; s->eof = 1; }
  s->len += k;
}

size_t rcp__stream_peek(rcp__stream *s, size_t want, const unsigned char **p) {
  while (s->len - s->pos < want && !s->eof) {
    if (s->pos + want + CHUNK > s->cap && s->pos > 0) make_room(s);
    while (s->cap < want + CHUNK) {
      unsigned char *b = rcp__realloc(s->buf, s->cap * 2);
      if (!b) { s->nomem = 1; s->eof = 1; break; }
      s->buf = b;
      s->cap *= 2;
    }
    fill(s);
  }
  *p = s->buf + s->pos;
  size_t k = s->len - s->pos;
  return k < want ? k : want;
}

int rcp__stream_getline(rcp__stream *s, rcp_buf *line, size_t max, int *toobig) {
  int any = 0;
  rcp__buf_reset(line);
  *toobig = 0;
  for (;;) {
    if (s->pos == s->len) {
      fill(s);
      if (s->pos == s->len) return any;
    }
    unsigned char *p = s->buf + s->pos;
    size_t avail = s->len - s->pos;
    unsigned char *nl = memchr(p, '\n', avail);
    size_t take = nl ? (size_t)(nl - p) + 1 : avail;
    any = 1;
    if (!*toobig) {
      if (line->n + take > max) *toobig = 1;
      else if (rcp__buf_add(line, p, take) != RCP_OK) { s->nomem = 1; s->eof = 1; }
    }
    s->pos += take;
    if (nl || s->nomem) return 1;
  }
}

uint64_t rcp__stream_read(rcp__stream *s, uint64_t n, rcp_buf *out) {
  uint64_t got = 0;
  while (got < n) {
    if (s->pos == s->len) {
      fill(s);
      if (s->pos == s->len) break;
    }
    size_t avail = s->len - s->pos;
    if ((uint64_t)avail > n - got) avail = (size_t)(n - got);
    if (out && rcp__buf_add(out, s->buf + s->pos, avail) != RCP_OK) {
      if (out->err == RCP_ENOMEM) { s->nomem = 1; s->eof = 1; }
      out = NULL; /* over its cap: keep consuming, caller sees out->err */
    }
    s->pos += avail;
    got += avail;
  }
  return got;
}

int rcp__inflate_mem(const unsigned char *in, size_t n, rcp_buf *out, size_t max) {
  for (int attempt = 0; attempt < 2; attempt++) {
    z_stream z;
    memset(&z, 0, sizeof z);
    /* 32+15: gzip or zlib header, detected; -15: raw deflate */
    if (inflateInit2(&z, attempt == 0 ? 32 + 15 : -15) != Z_OK) return RCP_ENOMEM;
    rcp__buf_reset(out);
    z.next_in = (unsigned char *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    unsigned char tmp[16384];
    int zr, rc = RCP_OK;
    do {
      z.next_out = tmp;
      z.avail_out = sizeof tmp;
      zr = inflate(&z, Z_NO_FLUSH);
      size_t k = sizeof tmp - z.avail_out;
      if (out->n + k > max) { rc = RCP_ETOOBIG; break; }
      if (rcp__buf_add(out, tmp, k) != RCP_OK) { rc = RCP_ENOMEM; break; }
      if (zr == Z_BUF_ERROR && z.avail_in == 0) break; /* truncated: keep what we have */
    } while (zr == Z_OK);
    inflateEnd(&z);
    if (rc != RCP_OK) return rc;
    if (zr == Z_STREAM_END || (zr == Z_BUF_ERROR && out->n > 0)) return RCP_OK;
    if (zr == Z_MEM_ERROR) return RCP_ENOMEM;
    if (out->n > 0) return RCP_OK;
  }
  return RCP_EPARSE;
}
