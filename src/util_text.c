/* util_text.c -- small text helpers shared by the stages: UTF-8 validation
** and repair, ISO 8601 dates.  Nothing language-specific lives here. */
#include "recoupe_int.h"

#include <string.h> /* memcpy */
#include <time.h>   /* struct tm */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n) {
  unsigned char c = s[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;          /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0;         /* surrogate */
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;
    if (c == 0xF4 && s[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

bool rcp__utf8_valid(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    size_t k = utf8_seq(p + i, n - i);
    if (!k) return false;
    i += k;
  }
  return true;
}

size_t rcp__utf8_sanitize(const char *in, size_t n, char *out) {
  const unsigned char *p = (const unsigned char *)in;
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    size_t k = utf8_seq(p + i, n - i);
    if (k && !(k == 1 && p[i] == 0)) {
      memcpy(out + o, p + i, k);
      o += k; i += k;
    } else if (k) {                    /* NUL byte: drop it */
      i++;
    } else {                           /* U+FFFD */
      out[o++] = (char)0xEF; out[o++] = (char)0xBF; out[o++] = (char)0xBD;
      i++;
    }
  }
  out[o] = 0;
  return o;
}

static int digits(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int64_t rcp__parse_iso(const char *s) {
  if (!s) return INT64_MIN;
  size_t n = strlen(s);
  if (n < 10 || s[4] != '-' || s[7] != '-') return INT64_MIN;
  int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return INT64_MIN;
  int64_t t = days_from_civil(y, m, d) * 86400;
  if (n >= 16 && (s[10] == 'T' || s[10] == ' ') && s[13] == ':') {
    int hh = digits(s + 11, 2), mm = digits(s + 14, 2), ss = 0;
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return t;
    size_t i = 16;
    if (n >= 19 && s[16] == ':') { ss = digits(s + 17, 2); if (ss < 0 || ss > 60) ss = 0; i = 19; }
    while (i < n && (s[i] == '.' || (s[i] >= '0' && s[i] <= '9'))) i++;
    t += hh * 3600 + mm * 60 + ss;
    if (i < n && (s[i] == '+' || s[i] == '-') && n - i >= 3) {
      int oh = digits(s + i + 1, 2), om = 0;
      if (n - i >= 6 && s[i + 3] == ':') om = digits(s + i + 4, 2);
      else if (n - i >= 5) { om = digits(s + i + 3, 2); if (om < 0) om = 0; }
      if (oh >= 0 && om >= 0) t -= (s[i] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    }
  }
  return t;
}

void rcp__fmt_day(int64_t t, char out[11]) {
  int64_t z = (t >= 0 ? t : t - 86399) / 86400 + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = (int)(doy - (153 * mp + 2) / 5 + 1);
  int m = (int)(mp < 10 ? mp + 3 : mp - 9);
  y += m <= 2;
  if (y < 0 || y > 9999) { memcpy(out, "0000-00-00", 11); return; }
  out[0] = (char)('0' + y / 1000); out[1] = (char)('0' + y / 100 % 10);
  out[2] = (char)('0' + y / 10 % 10); out[3] = (char)('0' + y % 10);
  out[4] = '-'; out[5] = (char)('0' + m / 10); out[6] = (char)('0' + m % 10);
  out[7] = '-'; out[8] = (char)('0' + d / 10); out[9] = (char)('0' + d % 10);
  out[10] = 0;
}
