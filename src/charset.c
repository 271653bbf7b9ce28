/* charset.c -- stage 1: bytes of any charset to valid UTF-8.
**
** Which charset, first match wins (after the WHATWG Encoding standard and
** the HTML "encoding sniffing algorithm"):
**   1. a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE);
**   2. the declared charset (HTTP Content-Type, given by the caller);
**   3. for HTML, a prescan of the first 8 KB for <meta charset> and
**      <meta http-equiv="Content-Type" content="...charset=...">; for any
**      page, an XML declaration <?xml ... encoding="..."?>;
**   4. bytes that are valid UTF-8 are UTF-8;
**   5. uchardet on the first 256 KB (when it holds at least 8 non-ASCII
**      bytes: with fewer it only guesses); 6. windows-1252.
** Labels go through a WHATWG-style table, so iso-8859-1, latin1 and ascii
** mean windows-1252 (as browsers do), and unknown labels are ignored.  A
** label from steps 2-3 that names a single-byte charset is overridden when
** the bytes are valid UTF-8 with multi-byte sequences, and a declared
** UTF-8 is ignored (steps 4-6 decide) when most non-ASCII bytes are not
** valid UTF-8: both are mislabelled pages, common in old archives.
** iconv converts; a byte it cannot convert becomes U+FFFD; NUL is dropped.
**
** Invariant: the output is valid UTF-8 without NUL, NUL-terminated.  This
** file does not parse HTML beyond the prescan.
*/
#include "ingest_int.h"

#include <errno.h>              /* EILSEQ, E2BIG, EINVAL */
#include <iconv.h>              /* iconv_open, iconv */
#include <string.h>             /* memcpy, memchr, strlen */
#include <uchardet/uchardet.h>  /* uchardet_new, uchardet_get_charset */

#define PRESCAN 8192
#define DETECT_MAX ((size_t)256 << 10)

/* ------------------------------------------------------------------ */
/* Labels                                                              */

struct enc { const char *name; const char *iconv; int single; const char *labels; };

/* name (what we report), iconv name, single-byte?, labels (space separated,
** lower case; the name itself is always a label). */
static const struct enc encs[] = {
  { "utf-8", "UTF-8", 0, "unicode-1-1-utf-8 utf8 x-unicode20utf8 unicode20utf8" },
  { "windows-1252", "CP1252", 1, "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 "
    "iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 "
    "us-ascii x-cp1252 x-user-defined" },
  { "iso-8859-15", "ISO-8859-15", 1, "csisolatin9 iso8859-15 iso885915 iso_8859-15 l9 latin9 latin-9" },
  { "iso-8859-2", "ISO-8859-2", 1, "csisolatin2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2" },
  { "iso-8859-3", "ISO-8859-3", 1, "csisolatin3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 l3 latin3" },
  { "iso-8859-4", "ISO-8859-4", 1, "csisolatin4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 l4 latin4" },
  { "iso-8859-5", "ISO-8859-5", 1, "csisolatincyrillic cyrillic iso-ir-144 iso8859-5 iso88595 iso_8859-5" },
  { "iso-8859-6", "ISO-8859-6", 1, "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 "
    "iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6" },
  { "iso-8859-7", "ISO-8859-7", 1, "csisolatingreek ecma-118 elot_928 greek greek8 iso-ir-126 "
    "iso8859-7 iso88597 iso_8859-7 sun_eu_greek" },
  { "iso-8859-8", "ISO-8859-8", 1, "csiso88598e csisolatinhebrew hebrew iso-8859-8-e iso-ir-138 "
    "iso8859-8 iso88598 iso_8859-8 visual iso-8859-8-i csiso88598i logical" },
  { "iso-8859-10", "ISO-8859-10", 1, "csisolatin6 iso-ir-157 iso8859-10 iso885910 l6 latin6" },
  { "iso-8859-13", "ISO-8859-13", 1, "iso8859-13 iso885913" },
  { "iso-8859-14", "ISO-8859-14", 1, "iso8859-14 iso885914" },
  { "iso-8859-16", "ISO-8859-16", 1, "iso8859-16 iso885916" },
  { "windows-1250", "CP1250", 1, "cp1250 x-cp1250" },
  { "windows-1251", "CP1251", 1, "cp1251 x-cp1251" },
  { "windows-1253", "CP1253", 1, "cp1253 x-cp1253" },
  { "windows-1254", "CP1254", 1, "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 "
    "iso_8859-9 l5 latin5 x-cp1254" },
  { "windows-1255", "CP1255", 1, "cp1255 x-cp1255" },
  { "windows-1256", "CP1256", 1, "cp1256 x-cp1256" },
  { "windows-1257", "CP1257", 1, "cp1257 x-cp1257" },
  { "windows-1258", "CP1258", 1, "cp1258 x-cp1258" },
  { "windows-874", "CP874", 1, "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620" },
  { "koi8-r", "KOI8-R", 1, "cskoi8r koi koi8 koi8_r" },
  { "koi8-u", "KOI8-U", 1, "koi8-ru" },
  { "ibm866", "IBM866", 1, "866 cp866 csibm866" },
  { "macintosh", "MACINTOSH", 1, "csmacintosh mac x-mac-roman" },
  { "x-mac-cyrillic", "MAC-CYRILLIC", 1, "x-mac-ukrainian mac-cyrillic" },
  { "gbk", "GBK", 0, "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 iso-ir-58 x-gbk" },
  { "gb18030", "GB18030", 0, "" },
  { "big5", "BIG5-HKSCS", 0, "big5-hkscs cn-big5 csbig5 x-x-big5" },
  { "euc-jp", "EUC-JP", 0, "cseucpkdfmtjapanese x-euc-jp" },
  { "iso-2022-jp", "ISO-2022-JP", 0, "csiso2022jp" },
  { "shift_jis", "CP932", 0, "csshiftjis ms932 ms_kanji shift-jis sjis windows-31j x-sjis" },
  { "euc-kr", "CP949", 0, "cseuckr csksc56011987 iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 "
    "ksc5601 ksc_5601 windows-949 uhc" },
  { "utf-16le", "UTF-16LE", 0, "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16" },
  { "utf-16be", "UTF-16BE", 0, "unicodefffe" },
  { "utf-32le", "UTF-32LE", 0, "utf-32" },
  { "utf-32be", "UTF-32BE", 0, "" },
};

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* The encoding of a label (trimmed, any case), or NULL if unknown. */
static const struct enc *lookup(const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\t' || *s == '"' || *s == '\'')) { s++; n--; }
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '"' || s[n - 1] == '\'')) n--;
  if (n == 0 || n > 40) return NULL;
  char k[48];
  for (size_t i = 0; i < n; i++) k[i] = (char)lower((unsigned char)s[i]);
  k[n] = 0;
  for (size_t i = 0; i < sizeof encs / sizeof *encs; i++) {
    if (strcmp(encs[i].name, k) == 0) return &encs[i];
    const char *l = encs[i].labels;
    while (*l) {
      const char *e = strchr(l, ' ');
      size_t len = e ? (size_t)(e - l) : strlen(l);
      if (len == n && memcmp(l, k, n) == 0) return &encs[i];
      if (!e) break;
      l = e + 1;
    }
  }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Declarations inside the bytes                                       */

/* Finds "charset=VALUE" in s (a Content-Type value or a meta content). */
static const struct enc *charset_param(const char *s, size_t n) {
  for (size_t i = 0; i + 7 <= n; i++) {
    if (strncasecmp(s + i, "charset", 7) != 0) continue;
    size_t j = i + 7;
    while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
    if (j >= n || s[j] != '=') continue;
    j++;
    while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
    char q = 0;
    if (j < n && (s[j] == '"' || s[j] == '\'')) q = s[j++];
    size_t k = j;
    while (k < n && s[k] != q && s[k] != ';' && s[k] != ',' && s[k] != ' ' && s[k] != '"' && s[k] != '\'') k++;
    return lookup(s + j, k - j);
  }
  return NULL;
}

int rcp__charset_from_ctype(const char *ctype, size_t n, const char **name) {
  const struct enc *e = charset_param(ctype, n);
  *name = e ? e->name : NULL;
  return e != NULL;
}

static int is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/'; }

/* Reads one attribute at p[*i]: name and value spans.  0 at the tag end. */
static int attr(const char *p, size_t n, size_t *i, const char **an, size_t *anl,
                const char **av, size_t *avl) {
  size_t j = *i;
  while (j < n && is_space((unsigned char)p[j])) j++;
  if (j >= n || p[j] == '>') { *i = j; return 0; }
  *an = p + j;
  while (j < n && !is_space((unsigned char)p[j]) && p[j] != '=' && p[j] != '>') j++;
  *anl = (size_t)(p + j - *an);
  *av = p + j; *avl = 0;
  while (j < n && (p[j] == ' ' || p[j] == '\t' || p[j] == '\n' || p[j] == '\r')) j++;
  if (j < n && p[j] == '=') {
    j++;
    while (j < n && (p[j] == ' ' || p[j] == '\t' || p[j] == '\n' || p[j] == '\r')) j++;
    if (j < n && (p[j] == '"' || p[j] == '\'')) {
      char q = p[j++];
      *av = p + j;
      while (j < n && p[j] != q) j++;
      *avl = (size_t)(p + j - *av);
      if (j < n) j++;
    } else {
      *av = p + j;
      while (j < n && !is_space((unsigned char)p[j]) && p[j] != '>') j++;
      *avl = (size_t)(p + j - *av);
    }
  }
  *i = j;
  return 1;
}

/* The HTML prescan (simplified from the HTML standard, 13.2.3.2). */
static const struct enc *prescan(const char *p, size_t n) {
  if (n > PRESCAN) n = PRESCAN;
  for (size_t i = 0; i < n; i++) {
    if (p[i] != '<') continue;
    if (i + 4 <= n && memcmp(p + i, "<!--", 4) == 0) {
      const char *e = NULL;
      for (size_t k = i + 4; k + 3 <= n; k++) if (memcmp(p + k, "-->", 3) == 0) { e = p + k; break; }
      if (!e) return NULL;
      i = (size_t)(e - p) + 2;
      continue;
    }
    if (i + 6 <= n && strncasecmp(p + i, "<meta", 5) == 0 && is_space((unsigned char)p[i + 5])) {
      size_t j = i + 5;
      const char *an, *av;
      size_t anl, avl;
      int http_ct = 0;
      const struct enc *cs = NULL, *content = NULL;
      int got_cs = 0;
      while (attr(p, n, &j, &an, &anl, &av, &avl)) {
        if (anl == 7 && strncasecmp(an, "charset", 7) == 0 && !got_cs) { got_cs = 1; cs = lookup(av, avl); }
        else if (anl == 10 && strncasecmp(an, "http-equiv", 10) == 0 && avl == 12 &&
                 strncasecmp(av, "content-type", 12) == 0) http_ct = 1;
        else if (anl == 7 && strncasecmp(an, "content", 7) == 0) content = charset_param(av, avl);
      }
      const struct enc *e = got_cs ? cs : http_ct ? content : NULL;
      if (e) {
        /* a meta cannot declare UTF-16/32: the page is then UTF-8 */
        if (strncmp(e->name, "utf-16", 6) == 0 || strncmp(e->name, "utf-32", 6) == 0) e = &encs[0];
        return e;
      }
      i = j;
      continue;
    }
    /* any other tag, end tag, <! or <?: skip to its end */
    if (i + 1 < n && (p[i + 1] == '/' || p[i + 1] == '!' || p[i + 1] == '?' ||
                      (lower((unsigned char)p[i + 1]) >= 'a' && lower((unsigned char)p[i + 1]) <= 'z'))) {
      const char *gt = memchr(p + i, '>', n - i);
      if (!gt) return NULL;
      i = (size_t)(gt - p);
    }
  }
  return NULL;
}

/* <?xml version="1.0" encoding="ISO-8859-1"?> at the very start. */
static const struct enc *xml_decl(const char *p, size_t n) {
  if (n < 6 || memcmp(p, "<?xml", 5) != 0) return NULL;
  if (n > 512) n = 512;
  const char *end = memchr(p, '>', n);
  if (!end) return NULL;
  size_t m = (size_t)(end - p);
  for (size_t i = 5; i + 8 <= m; i++) {
    if (memcmp(p + i, "encoding", 8) != 0) continue;
    size_t j = i + 8;
    while (j < m && p[j] == ' ') j++;
    if (j >= m || p[j] != '=') return NULL;
    j++;
    while (j < m && p[j] == ' ') j++;
    if (j >= m || (p[j] != '"' && p[j] != '\'')) return NULL;
    char q = p[j++];
    size_t k = j;
    while (k < m && p[k] != q) k++;
    const struct enc *e = lookup(p + j, k - j);
    /* the declaration is ASCII: if we can read it, it is not UTF-16 */
    if (e && (strncmp(e->name, "utf-16", 6) == 0 || strncmp(e->name, "utf-32", 6) == 0)) e = &encs[0];
    return e;
  }
  return NULL;
}

/* 1 if s is valid UTF-8 and holds at least one multi-byte sequence. */
static int utf8_multibyte(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80) return rcp__utf8_valid(s, n);
  return 0;
}

/* 1 if most non-ASCII bytes of p do not form valid UTF-8 sequences (a
** page declared UTF-8 but written in a legacy charset).  A few stray bytes
** in a real UTF-8 page do not count. */
static int mostly_not_utf8(const char *p, size_t n) {
  const unsigned char *u = (const unsigned char *)p;
  size_t good = 0, bad = 0;
  for (size_t i = 0; i < n;) {
    if (u[i] < 0x80) { i++; continue; }
    size_t k = u[i] >= 0xC2 && u[i] < 0xE0 ? 2 : u[i] >= 0xE0 && u[i] < 0xF0 ? 3 :
               u[i] >= 0xF0 && u[i] < 0xF5 ? 4 : 0;
    if (k && i + k <= n && rcp__utf8_valid(p + i, k)) { good += k; i += k; }
    else { bad++; i++; }
  }
  return bad > good;
}

static const struct enc *detect(const char *p, size_t n) {
  if (n > DETECT_MAX) n = DETECT_MAX;
  size_t high = 0;
  for (size_t i = 0; i < n && high < 8; i++) high += (unsigned char)p[i] >= 0x80;
  if (high < 8) return NULL; /* too little evidence for a statistical guess */
  uchardet_t ud = uchardet_new();
  if (!ud) return NULL;
  const struct enc *e = NULL;
  if (uchardet_handle_data(ud, p, n) == 0) {
    uchardet_data_end(ud);
    const char *cs = uchardet_get_charset(ud);
    if (cs && *cs) e = lookup(cs, strlen(cs));
  }
  uchardet_delete(ud);
  return e;
}

/* ------------------------------------------------------------------ */
/* Conversion                                                          */

/* Removes NUL bytes in place; returns the new length. */
static size_t drop_nul(char *s, size_t n) {
  char *z = memchr(s, 0, n);
  if (!z) return n;
  size_t o = (size_t)(z - s);
  for (size_t i = o; i < n; i++) if (s[i]) s[o++] = s[i];
  return o;
}

static int convert(const struct enc *e, const char *in, size_t n, char **out, size_t *outlen) {
  iconv_t cd = iconv_open("UTF-8", e->iconv);
  if (cd == (iconv_t)-1) return RCP_ECHARSET;
  size_t cap = 3 * n + 16, o = 0;
  char *buf = rcp__malloc(cap);
  if (!buf) { iconv_close(cd); return RCP_ENOMEM; }
  size_t unit = strncmp(e->name, "utf-16", 6) == 0 ? 2 : strncmp(e->name, "utf-32", 6) == 0 ? 4 : 1;
  char *ip = (char *)(uintptr_t)in;
  size_t il = n;
  int rc = RCP_OK;
  while (il > 0) {
    char *op = buf + o;
    size_t ol = cap - o - 4; /* keep room for U+FFFD and NUL */
    size_t k = iconv(cd, &ip, &il, &op, &ol);
    o = (size_t)(op - buf);
    if (k != (size_t)-1) break;
    if (errno == E2BIG) {
      size_t c2 = cap * 2;
      char *b2 = rcp__realloc(buf, c2);
      if (!b2) { rc = RCP_ENOMEM; break; }
      buf = b2; cap = c2;
      continue;
    }
    /* EILSEQ (invalid) or EINVAL (incomplete at the end): U+FFFD */
    memcpy(buf + o, "\xEF\xBF\xBD", 3);
    o += 3;
    size_t skip = unit < il ? unit : il;
    ip += skip; il -= skip;
    iconv(cd, NULL, NULL, NULL, NULL);
    if (cap - o < 16) {
      size_t c2 = cap * 2;
      char *b2 = rcp__realloc(buf, c2);
      if (!b2) { rc = RCP_ENOMEM; break; }
      buf = b2; cap = c2;
    }
  }
  if (rc == RCP_OK) { /* flush a stateful encoding (ISO-2022-JP) */
    char *op = buf + o;
    size_t ol = cap - o - 4;
    iconv(cd, NULL, NULL, &op, &ol);
    o = (size_t)(op - buf);
  }
  iconv_close(cd);
  if (rc != RCP_OK) { rcp__free(buf); return rc; }
  o = drop_nul(buf, o);
  buf[o] = 0;
  *out = buf;
  *outlen = o;
  return RCP_OK;
}

/* UTF-8 input: copy, repairing invalid sequences and dropping NULs. */
static int copy_utf8(const char *in, size_t n, char **out, size_t *outlen) {
  if (rcp__utf8_valid(in, n) && !memchr(in, 0, n)) {
    char *b = rcp__malloc(n + 1);
    if (!b) return RCP_ENOMEM;
    memcpy(b, in, n);
    b[n] = 0;
    *out = b;
    *outlen = n;
    return RCP_OK;
  }
  char *b = rcp__malloc(3 * n + 1);
  if (!b) return RCP_ENOMEM;
  *outlen = rcp__utf8_sanitize(in, n, b);
  *out = b;
  return RCP_OK;
}

int rcp__to_utf8(const char *in, size_t n, const char *declared, int is_html,
                 char **out, size_t *outlen, const char **used_charset) {
  *out = NULL;
  *outlen = 0;
  const unsigned char *u = (const unsigned char *)in;
  const struct enc *e = NULL;
  size_t bom = 0;
  /* 1. byte order mark */
  if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) { e = lookup("utf-8", 5); bom = 3; }
  else if (n >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) { e = lookup("utf-32le", 8); bom = 4; }
  else if (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) { e = lookup("utf-32be", 8); bom = 4; }
  else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) { e = lookup("utf-16le", 8); bom = 2; }
  else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) { e = lookup("utf-16be", 8); bom = 2; }
  in += bom; n -= bom;
  if (!e) {
    /* 2. declared; 3. meta prescan or XML declaration */
    if (declared) e = lookup(declared, strlen(declared));
    if (!e && is_html != 0) e = prescan(in, n);
    if (!e) e = xml_decl(in, n);
    if (e && e->single && utf8_multibyte(in, n)) e = &encs[0];
    if (e == &encs[0] && mostly_not_utf8(in, n)) e = NULL; /* mislabelled legacy page */
    /* 4. valid UTF-8; 5. detector; 6. windows-1252 */
    if (!e && rcp__utf8_valid(in, n)) e = &encs[0];
    if (!e) e = detect(in, n);
    if (!e) e = &encs[1];
  }
  *used_charset = e->name;
  if (e == &encs[0]) return copy_utf8(in, n, out, outlen);
  int rc = convert(e, in, n, out, outlen);
  if (rc == RCP_ECHARSET && e != &encs[1]) { /* iconv lacks it: windows-1252 */
    *used_charset = encs[1].name;
    rc = convert(&encs[1], in, n, out, outlen);
  }
  return rc;
}
