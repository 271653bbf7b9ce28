/* error.c -- result codes to text, and the context's error message. */
#include "recoupe_int.h"

#include <stdio.h>  /* vsnprintf */

static const char *const rc_text[RCP_RC_COUNT] = {
  [RCP_OK] = "ok",
  [RCP_ENOMEM] = "out of memory",
  [RCP_EINVAL] = "invalid argument",
  [RCP_ETOOBIG] = "input over the size limit",
  [RCP_EPARSE] = "malformed input",
  [RCP_EIO] = "input/output error",
  [RCP_EDB] = "store error",
  [RCP_ENOTFOUND] = "not found",
  [RCP_ECHARSET] = "cannot convert to UTF-8",
  [RCP_EBINARY] = "binary data, not text",
  [RCP_EEMPTY] = "empty input",
  [RCP_EDONE] = "done",
};

const char *rcp_strerror(int rc) {
  if (rc < 0 || rc >= RCP_RC_COUNT || !rc_text[rc]) return "unknown error";
  return rc_text[rc];
}

const char *rcp_version(void) { return RCP_VERSION_STRING; }

static const char *const skip_text[RCP_SKIP_COUNT] = {
  [RCP_SKIP_UNREADABLE] = "unreadable",
  [RCP_SKIP_BINARY] = "binary",
  [RCP_SKIP_EMPTY] = "empty",
  [RCP_SKIP_GZIP] = "bad gzip",
  [RCP_SKIP_WARC] = "bad WARC",
  [RCP_SKIP_JSON] = "bad JSON",
  [RCP_SKIP_FIELD] = "missing field",
  [RCP_SKIP_CHARSET] = "bad charset",
  [RCP_SKIP_TOOBIG] = "too big",
  [RCP_SKIP_DUPLICATE] = "already stored",
};

const char *rcp_skip_name(int why) {
  if (why < 0 || why >= RCP_SKIP_COUNT) return "unknown";
  return skip_text[why];
}

int rcp__err(rcp_ctx *ctx, int rc, const char *fmt, ...) {
  if (ctx) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
    va_end(ap);
  }
  return rc;
}

const char *rcp_errmsg(const rcp_ctx *ctx) {
  if (!ctx) return "no context";
  return ctx->errmsg[0] ? ctx->errmsg : "no error";
}
