/* extract_meta.c -- metadata for the extractor: dates in any common French
** or English form to ISO 8601, line classifiers (date lines, bylines,
** credit lines, site furniture by its words), title cleaning and the choice
** among candidates (src/recoupe_int.h: rcp_xmeta).
**
** Matching works on a folded copy of the text (ASCII lower case, Latin
** accents removed, typographic quotes and spaces made plain): "À LIRE
** AUSSI" and "a lire aussi" fold the same.  Every classifier looks at a
** bounded prefix (FOLD_MAX bytes), so the cost per block is constant.
**
** Rules are about the words sites use, never about one site: they must
** make sense on pages recoupe has never seen.  This file does not walk
** HTML (extract_html.c) nor split text into lines (extract_text.c).
*/
#include "recoupe_int.h"

#include <ctype.h>  /* isdigit */
#include <stdio.h>  /* snprintf */
#include <string.h> /* memcmp, strlen */

#define FOLD_MAX 512

/* ------------------------------------------------------------------ */
/* Folding                                                            */
/* ------------------------------------------------------------------ */

/* Folds s[0..n) into out (at most cap-1 bytes + NUL); returns the length.
** When map is given, map[i] is the offset in s of out[i]. */
static size_t fold(const char *s, size_t n, char *out, size_t cap, uint16_t *map) {
  const unsigned char *p = (const unsigned char *)s;
  size_t o = 0, i = 0;
#define PUT(c) do { if (o + 1 < cap) { if (map) map[o] = (uint16_t)i; out[o++] = (char)(c); } } while (0)
  while (i < n && o + 2 < cap) {
    unsigned c = p[i];
    if (c < 0x80) { PUT(c >= 'A' && c <= 'Z' ? c + 32 : c); i++; continue; }
    if (c == 0xC3 && i + 1 < n) {
      unsigned d = p[i + 1] | 0x20; /* lower case: 0x80-0x9E -> 0xA0-0xBE */
      char b = 0;
      if (d >= 0xA0 && d <= 0xA5) b = 'a';
      else if (d == 0xA7) b = 'c';
      else if (d >= 0xA8 && d <= 0xAB) b = 'e';
      else if (d >= 0xAC && d <= 0xAF) b = 'i';
      else if (d == 0xB1) b = 'n';
      else if (d >= 0xB2 && d <= 0xB6) b = 'o';
      else if (d >= 0xB9 && d <= 0xBC) b = 'u';
      else if (d == 0xBD || d == 0xBF) b = 'y';
      if (b) { PUT(b); i += 2; continue; }
    }
    if (c == 0xC5 && i + 1 < n && (p[i + 1] == 0x93 || p[i + 1] == 0x92)) { PUT('o'); PUT('e'); i += 2; continue; }
    if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) { PUT(' '); i += 2; continue; }
    if (c == 0xC2 && i + 1 < n && (p[i + 1] == 0xAB || p[i + 1] == 0xBB)) { PUT('"'); i += 2; continue; }
    if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80) {
      unsigned d = p[i + 2];
      if (d == 0x98 || d == 0x99) { PUT('\''); i += 3; continue; }
      if (d == 0x9C || d == 0x9D) { PUT('"'); i += 3; continue; }
      if (d == 0x93 || d == 0x94) { PUT('-'); i += 3; continue; }
      if (d == 0xAF || (d >= 0x80 && d <= 0x8A)) { PUT(' '); i += 3; continue; }
    }
    PUT(c); i++;
  }
#undef PUT
  out[o] = 0;
  return o;
}

static int is_al(int c) { return (c >= 'a' && c <= 'z') || (c & 0x80); }
static int is_dg(int c) { return c >= '0' && c <= '9'; }

/* Does folded f start with word w (followed by a non-letter)? */
static int starts_word(const char *f, const char *w) {
  size_t k = strlen(w);
  if (strncmp(f, w, k) != 0) return 0;
  return !is_al((unsigned char)f[k]);
}
static int starts(const char *f, const char *w) { return strncmp(f, w, strlen(w)) == 0; }

static size_t count_words(const char *f) {
  size_t w = 0;
  int in = 0;
  for (; *f; f++) {
    int a = is_al((unsigned char)*f) || is_dg((unsigned char)*f);
    if (a && !in) w++;
    in = a;
  }
  return w;
}

/* ------------------------------------------------------------------ */
/* Dates                                                              */
/* ------------------------------------------------------------------ */

static const struct { const char *name; int m; } months[] = {
  {"janvier", 1}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"mai", 5},
  {"juin", 6}, {"juillet", 7}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
  {"novembre", 11}, {"decembre", 12},
  {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5},
  {"june", 6}, {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10},
  {"november", 11}, {"december", 12},
  {"janv", 1}, {"fevr", 2}, {"fev", 2}, {"avr", 4}, {"juil", 7}, {"sept", 9},
  {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
  {"aug", 8}, {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
};

/* Month name at f (a whole word, optional '.'); sets *len. */
static int month_at(const char *f, size_t *len) {
  for (size_t i = 0; i < sizeof months / sizeof months[0]; i++) {
    if (f[0] != months[i].name[0]) continue;
    size_t k = strlen(months[i].name);
    if (strncmp(f, months[i].name, k) == 0 && !is_al((unsigned char)f[k])) {
      if (f[k] == '.') k++;
      *len = k;
      return months[i].m;
    }
  }
  return 0;
}

static int num_at(const char *f, int maxd, size_t *len) {
  int v = 0, k = 0;
  while (k < maxd && is_dg((unsigned char)f[k])) { v = v * 10 + (f[k] - '0'); k++; }
  if (k == 0 || is_dg((unsigned char)f[k])) return -1;
  *len = (size_t)k;
  return v;
}

static int valid_ymd(int y, int m, int d) {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Time after a date: " a 14h05", ", 14:05", " at 2:05 pm", "T14:05:00+01:00".
** Writes "THH:MM:SS[zone]" into tz (cap 20) or "" when none. */
static void time_at(const char *f, char *out, size_t cap) {
  out[0] = 0;
  size_t i = 0;
  /* connectors */
  for (int guard = 0; guard < 4; guard++) {
    while (f[i] == ' ' || f[i] == ',' || f[i] == '-' || f[i] == '|' || f[i] == '/') i++;
    if (starts_word(f + i, "a")) i += 1;
    else if (starts_word(f + i, "at")) i += 2;
    else if (starts_word(f + i, "le")) i += 2;
    else if (starts_word(f + i, "vers")) i += 4;
    else if (f[i] == 't' && is_dg((unsigned char)f[i + 1])) i += 1;
    else break;
  }
  size_t k;
  int h = num_at(f + i, 2, &k);
  if (h < 0 || h > 23) return;
  i += k;
  if (f[i] != ':' && f[i] != 'h') return;
  int hsep = f[i] == 'h';
  i++;
  int mi = 0, s = 0;
  if (is_dg((unsigned char)f[i])) {
    mi = num_at(f + i, 2, &k);
    if (mi < 0 || mi > 59) return;
    i += k;
  } else if (!hsep) return;
  if (f[i] == ':' && is_dg((unsigned char)f[i + 1])) {
    s = num_at(f + i + 1, 2, &k);
    if (s < 0 || s > 60) s = 0; else i += k + 1;
  }
  while (f[i] == '.' && is_dg((unsigned char)f[i + 1])) { i++; while (is_dg((unsigned char)f[i])) i++; }
  size_t j = i;
  while (f[j] == ' ') j++;
  if ((starts_word(f + j, "pm") || starts_word(f + j, "p.m")) && h < 12) h += 12;
  else if ((starts_word(f + j, "am") || starts_word(f + j, "a.m")) && h == 12) h = 0;
  char zone[8] = "";
  if (f[i] == ' ' && (f[i + 1] == '+' || f[i + 1] == '-') && is_dg((unsigned char)f[i + 2])) i++;
  if (f[i] == 'z') snprintf(zone, sizeof zone, "Z");
  else if ((f[i] == '+' || f[i] == '-') && is_dg((unsigned char)f[i + 1]) && is_dg((unsigned char)f[i + 2])) {
    int oh = (f[i + 1] - '0') * 10 + (f[i + 2] - '0'), om = 0;
    size_t q = i + 3;
    if (f[q] == ':') q++;
    if (is_dg((unsigned char)f[q]) && is_dg((unsigned char)f[q + 1])) om = (f[q] - '0') * 10 + (f[q + 1] - '0');
    if (oh <= 14 && om < 60) snprintf(zone, sizeof zone, "%c%02d:%02d", f[i], oh, om);
  }
  snprintf(out, cap, "T%02d:%02d:%02d%s", h, mi, s, zone);
}

/* "YYYY-MM-DD" plus the time part; fields are range-checked by valid_ymd
 * and time_at, the masks only tell the compiler the widths. */
static void iso_out(char out[32], int y, int m, int d, const char *tm) {
  snprintf(out, 32, "%04u-%02u-%02u%.19s", (unsigned)y % 10000u, (unsigned)m % 100u,
           (unsigned)d % 100u, tm);
}

/* A date starting exactly at f; writes ISO into out.  Returns its length in f or 0. */
static size_t date_at(const char *f, int mdy, char out[32]) {
  size_t k, i = 0;
  int y, m, d;
  char tm[20];
  if (!is_dg((unsigned char)f[0])) {
    /* English "March 3, 2025" / "Mar. 3 2025" */
    m = month_at(f, &k);
    if (!m) return 0;
    i = k;
    while (f[i] == ' ') i++;
    d = num_at(f + i, 2, &k);
    if (d < 1) return 0;
    i += k;
    if (starts(f + i, "st") || starts(f + i, "nd") || starts(f + i, "rd") || starts(f + i, "th")) i += 2;
    while (f[i] == ',' || f[i] == ' ') i++;
    y = num_at(f + i, 4, &k);
    if (k != 4 || !valid_ymd(y, m, d)) return 0;
    i += k;
    time_at(f + i, tm, sizeof tm);
    iso_out(out, y, m, d, tm);
    return i;
  }
  int a = num_at(f, 4, &k);
  if (a < 0) return 0;
  i = k;
  if (k == 4 && (f[i] == '-' || f[i] == '/' || f[i] == '.') && is_dg((unsigned char)f[i + 1])) {
    char sep = f[i];
    m = num_at(f + i + 1, 2, &k);
    if (m < 0 || f[i + 1 + k] != sep) return 0;
    i += 1 + k + 1;
    d = num_at(f + i, 2, &k);
    if (d < 0 || !valid_ymd(a, m, d)) return 0;
    i += k;
    time_at(f + i, tm, sizeof tm);
    iso_out(out, a, m, d, tm);
    return i;
  }
  if (k > 2) return 0;
  if ((f[i] == '/' || f[i] == '.' || f[i] == '-') && is_dg((unsigned char)f[i + 1])) {
    char sep = f[i];
    int b = num_at(f + i + 1, 2, &k);
    if (b < 0 || f[i + 1 + k] != sep) return 0;
    i += 1 + k + 1;
    y = num_at(f + i, 4, &k);
    if (y < 0) return 0;
    if (k == 2) y += 2000;
    else if (k != 4) return 0;
    i += k;
    d = a; m = b;
    if ((mdy && a <= 12) || b > 12) { d = b; m = a; }
    if (!valid_ymd(y, m, d)) return 0;
    time_at(f + i, tm, sizeof tm);
    iso_out(out, y, m, d, tm);
    return i;
  }
  /* "12 mars 2025", "1er mars 2025", "3 March, 2025" */
  d = a;
  if (starts(f + i, "er")) i += 2;
  else if (starts(f + i, "st") || starts(f + i, "nd") || starts(f + i, "rd") || starts(f + i, "th")) i += 2;
  while (f[i] == ' ') i++;
  m = month_at(f + i, &k);
  if (!m) return 0;
  i += k;
  while (f[i] == ' ' || f[i] == ',') i++;
  y = num_at(f + i, 4, &k);
  if (k != 4 || !valid_ymd(y, m, d)) return 0;
  i += k;
  time_at(f + i, tm, sizeof tm);
  iso_out(out, y, m, d, tm);
  return i;
}

static int date_folded(const char *f, int mdy, int anywhere, char out[32]) {
  size_t i = 0;
  while (f[i] == ' ') i++;
  for (; f[i]; i++) {
    if (i == 0 || !is_al((unsigned char)f[i - 1])) {
      if ((is_dg((unsigned char)f[i]) && (i == 0 || !is_dg((unsigned char)f[i - 1]))) || is_al((unsigned char)f[i]))
        if (date_at(f + i, mdy, out)) return 1;
    }
    if (!anywhere) {
      /* allow a leading weekday or "le" before the date */
      if (is_al((unsigned char)f[i])) {
        size_t j = i;
        while (is_al((unsigned char)f[j])) j++;
        if (j - i > 9) return 0;
        while (f[j] == ' ' || f[j] == ',' || f[j] == '.') j++;
        if (date_at(f + j, mdy, out)) return 1;
        return 0;
      }
    }
  }
  return 0;
}

int rcp__x_date(const char *s, size_t n, int mdy, int anywhere, char out[32]) {
  char f[FOLD_MAX];
  if (!s) return 0;
  fold(s, n, f, sizeof f, NULL);
  out[0] = 0;
  return date_folded(f, mdy, anywhere, out);
}

/* ------------------------------------------------------------------ */
/* Line classifiers                                                   */
/* ------------------------------------------------------------------ */

static const char *const pub_words[] = {
  "publie le", "publie :", "publie", "mis en ligne le", "mis en ligne", "paru le",
  "published on", "published:", "published", "posted on", "posted:", "posted",
  "date de publication", "cree le", "le ", "on ", NULL };
static const char *const upd_words[] = {
  "mis a jour le", "mis a jour :", "mis a jour", "mise a jour le", "mise a jour :", "mise a jour",
  "modifie le", "modifie :", "modifie", "actualise le", "actualise", "derniere mise a jour",
  "maj", "updated on", "updated:", "updated", "last updated", "modified", NULL };

int rcp__x_dateline(const char *s, size_t n, int mdy, char pub[32], char upd[32]) {
  char f[FOLD_MAX];
  pub[0] = upd[0] = 0;
  if (n > 200) return 0;
  int digit = 0; /* every date form recognised has digits */
  for (size_t i = 0; i < n && !digit; i++) digit = s[i] >= '0' && s[i] <= '9';
  if (!digit) return 0;
  size_t fl = fold(s, n, f, sizeof f, NULL);
  if (count_words(f) > 24) return 0;
  /* Scan for "published"/"updated" markers followed by a date. */
  int found = 0;
  for (size_t i = 0; i < fl; i++) {
    if (i && is_al((unsigned char)f[i - 1])) continue;
    if (!strchr("pmcdloua", f[i])) continue; /* first letters of the markers */
    int which = 0;
    size_t k = 0;
    for (int j = 0; upd_words[j]; j++)
      if (starts(f + i, upd_words[j])) { which = 2; k = strlen(upd_words[j]); break; }
    if (!which)
      for (int j = 0; pub_words[j]; j++)
        if (starts(f + i, pub_words[j])) { which = 1; k = strlen(pub_words[j]); break; }
    if (!which) continue;
    int weak = which == 1 && (starts(f + i, "le ") || starts(f + i, "on "));
    char iso[32];
    const char *q = f + i + k;
    while (*q == ' ' || *q == ':' || *q == ',') q++;
    if (date_folded(q, mdy, 0, iso)) {
      if (which == 1 && !pub[0]) memcpy(pub, iso, 32);
      if (which == 2 && !upd[0]) memcpy(upd, iso, 32);
      found |= weak ? 1 : 2;
    }
    i += k - 1; /* "mis a jour le 7 ...": "le" is part of this marker */
  }
  if (!found) {
    /* A line that is only a date ("12 mars 2025 à 14h05", "March 3, 2025"). */
    char iso[32];
    if (date_folded(f, mdy, 0, iso)) {
      size_t w = count_words(f);
      if (w <= 9) { memcpy(pub, iso, 32); return 1; }
    }
    return 0;
  }
  /* The line is a date line if it is short: "Le 12 mars 2025 à 10h" is
  ** one, "Le 12 mars 2025, le gouvernement a annoncé ..." is a sentence. */
  size_t w = count_words(f);
  return (found & 2) ? w <= 20 : w <= 8;
}

/* A person-name-like run: capitalised words, particles, initials. */
static int namelike(const char *s, size_t n) {
  size_t words = 0, caps = 0;
  size_t i = 0;
  while (i < n) {
    while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '&')) i++;
    if (i >= n) break;
    size_t j = i;
    while (j < n && s[j] != ' ' && s[j] != ',') j++;
    words++;
    unsigned char c = (unsigned char)s[i];
    if ((c >= 'A' && c <= 'Z') || c == 0xC3 || c >= 0xC4) caps++;
    else {
      static const char *const parts[] = {"de", "du", "des", "d'", "van", "von", "der", "le", "la", "et", "and", "ben", "al", "da", "di", "dos", "el", NULL};
      int ok = 0;
      for (int p = 0; parts[p]; p++) {
        size_t k = strlen(parts[p]);
        if ((j - i == k || (parts[p][k - 1] == '\'' && j - i > k)) && strncmp(s + i, parts[p], k) == 0) ok = 1;
      }
      if (!ok) return 0;
    }
    i = j;
  }
  return words >= 1 && words <= 12 && caps >= 1;
}

int rcp__x_date_label(const char *s, size_t n) {
  char f[64];
  if (n > 40) return 0;
  fold(s, n, f, sizeof f, NULL);
  size_t l = strlen(f);
  while (l && (f[l - 1] == ' ' || f[l - 1] == ':')) f[--l] = 0;
  static const char *const labels[] = {"mise en ligne", "mis en ligne", "mis en ligne le", "publie le", "publie",
    "date de publication", "date", "publication", "published", "published on", "posted on", "paru le", NULL};
  for (int i = 0; labels[i]; i++) if (!strcmp(f, labels[i])) return 1;
  return 0;
}

/* Does s start a date: a digit, "1er", a weekday or a month name? */
static int date_word(const char *s, size_t n) {
  char f[24];
  fold(s, n < 16 ? n : 16, f, sizeof f, NULL);
  if (is_dg((unsigned char)f[0])) return 1;
  static const char *const days[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", NULL};
  for (int i = 0; days[i]; i++) if (starts_word(f, days[i])) return 1;
  size_t k;
  return month_at(f, &k) != 0;
}

int rcp__x_byline(const char *s, size_t n, char *out, size_t cap) {
  char f[FOLD_MAX];
  out[0] = 0;
  if (n > 160 || n < 4) return 0;
  fold(s, n, f, sizeof f, NULL);
  size_t k = 0;
  if (starts(f, "par ")) k = 4;
  else if (starts(f, "by ")) k = 3;
  else if (starts(f, "ecrit par ")) k = 10;
  else if (starts(f, "written by ")) k = 11;
  else if (starts(f, "texte : ")) k = 8;
  else if (starts(f, "auteur : ")) k = 9;
  else if (starts(f, "author: ")) k = 8;
  else return 0;
  /* fold keeps ASCII positions for the prefix (all ASCII). */
  const char *p = s + k;
  size_t m = n - k;
  while (m && *p == ' ') { p++; m--; }
  /* Cut at a date, a separator, "le 12 ...", "avec AFP", "pour ...". */
  size_t end = m;
  for (size_t i = 0; i < m; i++) {
    if (p[i] == '|' || p[i] == '\n' || p[i] == '(' || p[i] == '/' || (unsigned char)p[i] == 0xE2) { end = i; break; }
    if (p[i] >= '0' && p[i] <= '9') { end = i; break; }
    if (i && p[i - 1] == ' ') {
      /* "le 12 mars", "le lundi": a date; "Loïc Le Clerc": a name */
      if ((i + 3 <= m && (!strncmp(p + i, "le ", 3) || !strncmp(p + i, "Le ", 3)) && date_word(p + i + 3, m - i - 3)) || !strncmp(p + i, "avec ", 5) ||
          !strncmp(p + i, "pour ", 5) || !strncmp(p + i, "on ", 3) || !strncmp(p + i, "Publi", 5) ||
          !strncmp(p + i, "publi", 5) || !strncmp(p + i, "Mis ", 4) || !strncmp(p + i, "mis ", 4) ||
          !strncmp(p + i, "Updated", 7) || !strncmp(p + i, "Published", 9) || !strncmp(p + i, "- ", 2) ||
          !strncmp(p + i, "et l'AFP", 8)) { end = i; break; }
    }
  }
  while (end && (p[end - 1] == ' ' || p[end - 1] == ',' || p[end - 1] == '-' || p[end - 1] == '.' ||
                 p[end - 1] == ':')) end--;
  /* "By Hannah Fischer, Luxembourg", "Par Jean Dupont, envoyé spécial":
  ** after a comma only another full name stays ("By Jane Doe, John Smith") */
  for (size_t i = 0; i < end; i++) {
    if (p[i] != ',') continue;
    size_t a = i + 1, b = a, words = 0;
    while (a < end && p[a] == ' ') a++;
    while (b < end && p[b] != ',') b++;
    for (size_t j = a; j < b; j++) words += (j == a || p[j - 1] == ' ') && p[j] != ' ';
    if (words < 2 || !namelike(p + a, b - a)) { end = i; break; }
    i = b - 1;
  }
  while (end && (p[end - 1] == ' ' || p[end - 1] == ',')) end--;
  if (end < 2 || end >= cap || !namelike(p, end)) return 0;
  memcpy(out, p, end);
  out[end] = 0;
  return 1;
}

/* News agencies recognised in running text (folded forms). */
static const struct { const char *f, *name; } agencies[] = {
  {"agence france-presse", "AFP"}, {"agence france presse", "AFP"}, {"afp", "AFP"},
  {"reuters", "Reuters"}, {"associated press", "AP"}, {"ap", "AP"},
  {"belga", "Belga"}, {"ansa", "ANSA"}, {"dpa", "DPA"}, {"efe", "EFE"},
  {"bloomberg", "Bloomberg"}, {"xinhua", "Xinhua"}, {"keystone-ats", "Keystone-ATS"},
  {"ats", "ATS"}, {"relaxnews", "Relaxnews"}, {"etx studio", "ETX Studio"}, {"kyodo", "Kyodo"},
  {"tass", "TASS"}, {"ria novosti", "RIA Novosti"}, {"anadolu", "Anadolu"}, {"upi", "UPI"},
  {"yonhap", "Yonhap"}, {"europa press", "Europa Press"}, {"apa", "APA"},
  {"press association", "PA"}, {"afp-services", "AFP"}, {"6medias", "6Medias"},
};

/* Agency at folded f (whole word): its name, else NULL; *len its length. */
static const char *agency_at(const char *f, size_t *len) {
  for (size_t i = 0; i < sizeof agencies / sizeof agencies[0]; i++) {
    if (f[0] != agencies[i].f[0]) continue;
    size_t k = strlen(agencies[i].f);
    if (strncmp(f, agencies[i].f, k) == 0 && !is_al((unsigned char)f[k]) && !is_dg((unsigned char)f[k])) {
      *len = k;
      return agencies[i].name;
    }
  }
  return NULL;
}

static void copy_trim(const char *p, size_t m, char *out, size_t cap) {
  while (m && (*p == ' ' || *p == ':')) { p++; m--; }
  while (m && (p[m - 1] == ' ' || p[m - 1] == '.' || p[m - 1] == ')' || p[m - 1] == ',')) m--;
  if (m >= cap) { /* cut at a character boundary */
    m = cap - 1;
    while (m && ((unsigned char)p[m] & 0xC0) == 0x80) m--;
  }
  memcpy(out, p, m);
  out[m] = 0;
}

int rcp__x_credit_line(const char *s, size_t n, char *out, size_t cap) {
  char f[FOLD_MAX];
  uint16_t map[FOLD_MAX];
  out[0] = 0;
  if (n > 300) return 0;
  size_t fl = fold(s, n, f, sizeof f, map);
  size_t i = 0, k;
  while (f[i] == ' ' || f[i] == '(' || f[i] == '-' || f[i] == '[') i++;
  const char *ag;
  if (starts(f + i, "sources") || starts(f + i, "source")) {
    size_t j = i + (starts(f + i, "sources") ? 7 : 6);
    while (f[j] == ' ') j++;
    if (f[j] != ':') return 0;
    j++;
    while (f[j] == ' ') j++;
    /* a URL is one word however many hyphens its path has */
    int url = starts(f + j, "http://") || starts(f + j, "https://") || starts(f + j, "www.");
    if (!f[j] || (url ? strchr(f + j, ' ') != NULL : count_words(f + j) > 14)) return 0;
    size_t off = map[j];
    copy_trim(s + off, n - off, out, cap);
    return out[0] != 0;
  }
  if (starts(f + i, "avec ") || starts(f + i, "with ")) i += 5;
  else if (starts(f + i, "(c) ")) i += 4;
  else if ((unsigned char)f[i] == 0xC2 && (unsigned char)f[i + 1] == 0xA9) { i += 2; while (f[i] == ' ') i++; }
  if ((ag = agency_at(f + i, &k)) != NULL) {
    /* the rest may only be other agencies, years, "et", "and", "/" */
    size_t j = i + k;
    for (;;) {
      while (f[j] == ' ' || f[j] == ',' || f[j] == '/' || f[j] == ')' || f[j] == '.' || f[j] == '-' || f[j] == ']') j++;
      if (!f[j]) break;
      if (starts_word(f + j, "et") || starts_word(f + j, "and")) { j += f[j] == 'e' ? 2 : 3; continue; }
      if (starts_word(f + j, "agences") || starts_word(f + j, "agencies")) { j += 7 + (f[j] == 'a' && f[j + 6] == 'e' ? 1 : 0); continue; }
      size_t k2;
      if (agency_at(f + j, &k2)) { j += k2; continue; }
      if (is_dg((unsigned char)f[j])) { while (is_dg((unsigned char)f[j])) j++; continue; }
      return 0;
    }
    snprintf(out, cap, "%s", ag);
    return 1;
  }
  if (starts(f + i, "agences") && count_words(f) <= 3) { snprintf(out, cap, "agences"); return 1; }
  (void)fl;
  return 0;
}

int rcp__x_credit_inline(const char *s, size_t n, char *out, size_t cap) {
  char f[FOLD_MAX];
  out[0] = 0;
  fold(s, n, f, sizeof f, NULL);
  static const char *const lead[] = {
    "selon l'", "selon ", "rapporte l'", "rapporte ", "a rapporte l'", "a rapporte ",
    "according to ", "told ", "reported by ", "via l'", "(avec ", "avec l'", "d'apres l'", NULL };
  for (const char *q = strchr(f, '('); q; q = strchr(q + 1, '(')) {
    size_t k;
    const char *ag = agency_at(q + 1, &k);
    if (ag && q[1 + k] == ')') { snprintf(out, cap, "%s", ag); return 1; }
  }
  for (int j = 0; lead[j]; j++) {
    size_t L = strlen(lead[j]);
    for (const char *q = strstr(f, lead[j]); q; q = strstr(q + 1, lead[j])) {
      if (q > f && is_al((unsigned char)q[-1])) continue;
      size_t k;
      const char *ag = agency_at(q + L, &k);
      if (ag && strcmp(lead[j], "told ") != 0) { snprintf(out, cap, "%s", ag); return 1; }
    }
  }
  return 0;
}

/* The site's own name in a footer or staff line: "© Radio Cévennes 2026
** — Tous droits réservés", "Copyright © 2025 The Gazette. All rights
** reserved.", "Par la rédaction de Radio Cévennes".  An agency after ©
** is a credit (rcp__x_credit_line), not the site. */
int rcp__x_site_line(const char *s, size_t n, char *out, size_t cap) {
  char f[FOLD_MAX];
  uint16_t map[FOLD_MAX];
  out[0] = 0;
  if (n > 200 || cap < 2) return 0;
  size_t fl = fold(s, n, f, sizeof f, map), i = 0, k;
  while (f[i] == ' ') i++;
  int copy = 0;
  if (starts_word(f + i, "copyright")) { i += 9; copy = 1; while (f[i] == ' ') i++; }
  if ((unsigned char)f[i] == 0xC2 && (unsigned char)f[i + 1] == 0xA9) { i += 2; copy = 1; }
  else if (starts(f + i, "(c)")) { i += 3; copy = 1; }
  if (!copy) {
    /* "Par la rédaction de X", "La rédaction de X" */
    if (starts(f + i, "par ")) i += 4;
    if (!starts(f + i, "la redaction ")) return 0;
    i += 13;
    if (starts(f + i, "de ")) i += 3;
    else if (starts(f + i, "d'")) i += 2;
    else if (starts(f + i, "du ")) i += 3;
    else return 0;
  }
  /* skip years ("2026", "2010-2026") and separators */
  for (;;) {
    while (f[i] == ' ' || f[i] == '-' || f[i] == ',' || f[i] == ':') i++;
    if (is_dg((unsigned char)f[i])) { while (is_dg((unsigned char)f[i])) i++; continue; }
    break;
  }
  if (!f[i] || agency_at(f + i, &k) || starts_word(f + i, "photo") || starts_word(f + i, "photos") ||
      starts_word(f + i, "tous") || starts_word(f + i, "all")) return 0;
  /* the name runs to a separator, a year or "tous droits" / "all rights" */
  size_t e = i;
  while (e < fl) {
    char c = f[e];
    if (c == '|' || (c == '.' && (e + 1 >= fl || f[e + 1] == ' ')) || c == ',' || c == ';' || c == '(' ||
        (c == '-' && e > i && f[e - 1] == ' ' && f[e + 1] == ' ')) break;
    if ((unsigned char)c == 0xC2 && ((unsigned char)f[e + 1] == 0xB7 || (unsigned char)f[e + 1] == 0xA9)) break;
    if ((unsigned char)c == 0xE2 && (unsigned char)f[e + 1] == 0x80 && (unsigned char)f[e + 2] == 0xA2) break;
    if (e > i && f[e - 1] == ' ' && (is_dg((unsigned char)c) || starts_word(f + e, "tous") ||
        starts_word(f + e, "all") || starts_word(f + e, "droits"))) break;
    e++;
  }
  while (e > i && f[e - 1] == ' ') e--;
  size_t words = 0;
  for (size_t j = i; j < e; j++) words += (j == i || f[j - 1] == ' ') && f[j] != ' ';
  int letter = 0;
  for (size_t j = i; j < e && !letter; j++) letter = is_al((unsigned char)f[j]);
  if (!letter || words > 6 || e - i < 2) return 0;
  size_t a = map[i], b = e < fl ? map[e] : n;
  while (b > a && s[b - 1] == ' ') b--;
  if (b - a >= cap) return 0;
  memcpy(out, s + a, b - a);
  out[b - a] = 0;
  return 1;
}

/* A menu line: three or more short items between '|', '·' or '•'
** ("Radio Cévennes | Accueil | Infos | Sport"), no sentence in it. */
static int menu_line(const char *g) {
  size_t items = 0, w = 0, maxw = 0;
  int in = 0;
  for (const char *q = g;; q++) {
    unsigned char c = (unsigned char)*q;
    int sep = c == 0 || c == '|' || (c == 0xC2 && (unsigned char)q[1] == 0xB7) ||
              (c == 0xE2 && (unsigned char)q[1] == 0x80 && (unsigned char)q[2] == 0xA2);
    if (sep) {
      if (w) { items++; if (w > maxw) maxw = w; }
      else if (c) return 0; /* an empty item: not a plain list */
      w = 0;
      in = 0;
      if (!c) break;
      continue;
    }
    if (c == '.' || c == '!' || c == '?' || c == ';') return 0;
    int a = is_al(c) || is_dg(c);
    if (a && !in) w++;
    in = a;
  }
  return items >= 3 && maxw <= 4;
}

/* Site furniture.  prefix: the block starts with it and is short;       */
/* whole: the block is only that (plus punctuation or a count).          */
static const char *const boiler_prefix[] = {
  "a lire aussi", "a lire egalement", "lire aussi", "lire egalement", "lire la suite", "voir aussi",
  "a voir aussi", "a voir egalement", "sur le meme sujet", "dans la meme rubrique", "a decouvrir",
  "cela pourrait vous interesser", "ceci pourrait vous interesser", "ces articles pourraient",
  "vous aimerez aussi", "vous aimerez egalement", "vous pourriez aussi aimer", "les plus lus",
  "laisser un commentaire", "laissez un commentaire", "ajouter un commentaire", "reagir a cet article",
  "abonnez-vous", "inscrivez-vous", "s'inscrire a la newsletter", "recevez notre newsletter",
  "recevez gratuitement", "ne manquez", "newsletter", "la newsletter", "notre newsletter",
  "ce site utilise des cookies", "nous utilisons des cookies", "en poursuivant votre navigation",
  "en continuant a naviguer", "en poursuivant la navigation", "nos partenaires et nous",
  "tous droits reserves", "mentions legales", "politique de confidentialite", "plan du site",
  "retour en haut", "suivez-nous", "telechargez l'application", "contenus sponsorises",
  "contenu sponsorise", "la suite apres cette publicite", "la suite apres la publicite",
  "article reserve aux abonnes", "cet article est reserve", "il vous reste", "deja abonne",
  "partager sur", "partager l'article", "partager cet article", "envoyer par e-mail", "imprimer l'article",
  "signaler un contenu", "signaler un abus", "vous avez repere une erreur", "vous souhaitez reagir",
  "cet article vous a plu", "credit photo", "credits photo", "photo d'illustration",
  "read more", "read also", "also read", "related articles", "related stories", "related content",
  "related:", "more from", "more stories", "you may also like", "you might also like", "recommended for you",
  "leave a comment", "leave a reply", "post a comment", "share this", "share on", "share via",
  "subscribe to", "sign up for", "sign up to", "get our newsletter", "this site uses cookies",
  "we use cookies", "this website uses cookies", "by continuing to", "all rights reserved",
  "privacy policy", "terms of use", "terms of service", "skip to", "follow us", "click here",
  "back to top", "most popular", "most read", "continue reading", "filed under", "posted in",
  "tags:", "tags :", "mots-cles", "mots cles", "topics:", "categories:", "image:", "image :",
  "photo:", "photo :", "photos :", "credit:", "credit :", "illustration :", "copyright",
  "(c) ", "advertisement", "sponsored", "permalien", "permalink", "lien permanent", "loading", "chargement", "votre navigateur",
  "your browser", "javascript", "we're sorry", "this video", "cette video", "watch:", "regarder :",
  NULL };
static const char *const boiler_whole[] = {
  "share", "partager", "partagez", "tweet", "tweeter", "email", "e-mail", "imprimer", "print",
  "commentaires", "commentaire", "comments", "comment", "reagir", "reagissez", "publicite",
  "pub", "annonce", "advertisement", "newsletter", "newsletters", "menu", "accueil", "home",
  "rechercher", "search", "fermer", "close", "connexion", "se connecter", "login", "log in",
  "sign in", "s'abonner", "subscribe", "abonnez-vous", "suivre", "follow", "facebook", "twitter",
  "linkedin", "whatsapp", "pinterest", "messenger", "instagram", "youtube", "copier le lien",
  "copy link", "lire plus", "voir plus", "en savoir plus", "learn more", "see more", "more",
  "plus", "suivant", "precedent", "next", "previous", "top", "x", "ok", "accepter", "refuser",
  "tout accepter", "tout refuser", "ecouter", "ecouter l'article", "listen", "video", "videos",
  "photos", "diaporama", "galerie", "lire", "voir", "play", "replay", "direct", "live", "en direct",
  "sommaire", "a la une", "contents", "table of contents", "related", "advertising",
  NULL };

/* Glued category names: "EconomieCultureHigh TechSante" (folded case is
** lost, so this looks at the original bytes). */
static int glued(const char *s, size_t n, size_t words) {
  size_t trans = 0;
  const unsigned char *p = (const unsigned char *)s;
  /* a strip of names has no sentence punctuation and no CJK text */
  for (size_t i = 0; i < n; i++)
    if (p[i] == '.' || p[i] == ',' || p[i] == ';' || p[i] == '!' || p[i] == '?' || (p[i] >= 0xE3 && p[i] <= 0xED)) return 0;
  for (size_t i = 1; i < n; i++) {
    unsigned c = p[i], b = p[i - 1];
    int upper = (c >= 'A' && c <= 'Z') || (c == 0xC3 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9E);
    int lower_before = (b >= 'a' && b <= 'z') || (b >= 0xA0 && b <= 0xBF && i >= 2 && p[i - 2] == 0xC3);
    if (upper && lower_before) trans++;
  }
  /* "iPhone", "McDonald" are one transition among many words */
  if (trans >= 2 && trans >= words) return 1;
  if (trans >= 3 && trans * 3 >= words) return 1;
  return 0;
}

/* Words that, in a short heading, open a section of links or prompts
** rather than article text ("Sur le même sujet", "Related stories"). */
static const char *const section_words[] = {
  "sur le sujet", "sur le meme sujet", "sur ce sujet", "a lire", "lire aussi", "lire egalement", "voir aussi",
  "a voir", "articles lies", "articles similaires", "autres articles", "nos articles", "derniers articles",
  "dernieres actualites", "dans la meme rubrique", "dans la meme categorie", "les plus lus", "les plus partages",
  "a decouvrir", "en continu", "commentaires", "reactions", "partager", "partagez", "newsletter", "mots-cles",
  "mots cles", "publicite", "sponsoris", "recommand", "vous aimerez", "pourrait vous interesser", "nos partenaires",
  "related", "more from", "more on", "more stories", "more news", "also read", "read more", "read next",
  "most read", "most popular", "popular", "trending", "latest", "you may", "you might", "comments",
  "share this", "tags", "topics", "sponsored", "recommended", "elsewhere", "further reading", "see also", NULL };

int rcp__x_boiler_heading(const char *s, size_t n) {
  char f[FOLD_MAX];
  if (n > 160) return 0;
  fold(s, n, f, sizeof f, NULL);
  if (count_words(f) > 8) return 0;
  for (int j = 0; section_words[j]; j++) {
    const char *q = strstr(f, section_words[j]);
    if (q && (q == f || !is_al((unsigned char)q[-1]))) return 1;
  }
  return rcp__x_boiler(s, n);
}

/* Photo captions and credits: "Roman Prymula, photo: Archives", "(Getty Images)". */
static int caption_credit(const char *g, size_t words) {
  static const char *const w[] = {"photo:", "photo :", "photos:", "photos :", ", photo", "(photo", "credit photo",
    "credits photo", "photo credit", "getty images", "afp photo", "/ afp", "/afp", "foto:", "image:", "image :",
    "\xc2\xa9", "(c) ", "shutterstock", "istock", "illustration :", "capture d'ecran", "screenshot", NULL};
  if (words > 20) return 0;
  for (int j = 0; w[j]; j++) if (strstr(g, w[j])) return 1;
  return 0;
}

int rcp__x_boiler(const char *s, size_t n) {
  char f[FOLD_MAX];
  size_t fl = fold(s, n < FOLD_MAX ? n : FOLD_MAX, f, sizeof f, NULL);
  size_t i = 0;
  while (f[i] == ' ' || f[i] == '>' || f[i] == '-' || f[i] == '|' || f[i] == '*' || f[i] == '#' ||
         f[i] == '[' || f[i] == '(' || (unsigned char)f[i] >= 0x80) {
    if ((unsigned char)f[i] >= 0x80) {
      /* skip a leading symbol (arrow, bullet, emoji), not a letter */
      unsigned char c = (unsigned char)f[i];
      /* Latin-1 punctuation, U+2000-2BFF (arrows, bullets), emoji */
      if (!(c == 0xC2 || c == 0xE2 || (c == 0xF0 && (unsigned char)f[i + 1] == 0x9F))) break;
      i++;
      while ((unsigned char)f[i] >= 0x80 && (unsigned char)f[i] < 0xC0) i++;
      continue;
    }
    i++;
  }
  const char *g = f + i;
  size_t words = count_words(g);
  if (words == 0) return 1; /* punctuation or symbols only */
  /* whole-block matches (trailing punctuation, counts, arrows ignored) */
  if (words <= 4) {
    size_t e = fl;
    while (e > i && !is_al((unsigned char)f[e - 1])) e--;
    size_t L = e - i;
    for (int j = 0; boiler_whole[j]; j++)
      if (g[0] == boiler_whole[j][0] && strlen(boiler_whole[j]) == L && strncmp(g, boiler_whole[j], L) == 0) return 1;
  }
  if (words <= 40) {
    for (int j = 0; boiler_prefix[j]; j++)
      if (g[0] == boiler_prefix[j][0] && starts(g, boiler_prefix[j])) return 1;
  }
  if (caption_credit(g, words)) return 1;
  /* cookie/consent prompts */
  if (words <= 80 && strstr(g, "cookie") && (strstr(g, "accept") || strstr(g, "consent") || strstr(g, "navigation") || strstr(g, "parametr"))) return 1;
  /* breadcrumbs: "Accueil > Actualite > Monde" */
  if (words <= 20 && (starts_word(g, "accueil") || starts_word(g, "home") || starts_word(g, "vous etes ici"))) {
    if (strchr(g, '>') || strstr(g, "\xe2\x80\xba") || strstr(g, "\xc2\xbb") || strchr(g, '/') || strstr(g, "\xe2\x86\x92")) return 1;
  }
  if (glued(s, n < FOLD_MAX ? n : FOLD_MAX, words)) return 1;
  if (words <= 30 && menu_line(g)) return 1;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Choosing the metadata                                              */
/* ------------------------------------------------------------------ */

/* Compare after folding and keeping only letters and digits. */
static size_t key_of(const char *s, char *out, size_t cap) {
  char f[FOLD_MAX];
  size_t fl = fold(s, strlen(s), f, sizeof f, NULL), o = 0;
  for (size_t i = 0; i < fl && o + 1 < cap; i++)
    if (is_al((unsigned char)f[i]) || is_dg((unsigned char)f[i])) out[o++] = f[i];
  out[o] = 0;
  return o;
}

static int same_text(const char *a, const char *b) {
  if (!a || !b) return 0;
  char ka[FOLD_MAX], kb[FOLD_MAX];
  size_t la = key_of(a, ka, sizeof ka), lb = key_of(b, kb, sizeof kb);
  return la > 0 && la == lb && memcmp(ka, kb, la) == 0;
}

/* Does a contain b (as keys)? */
static int contains_text(const char *a, const char *b) {
  if (!a || !b) return 0;
  char ka[FOLD_MAX], kb[FOLD_MAX];
  size_t la = key_of(a, ka, sizeof ka), lb = key_of(b, kb, sizeof kb);
  return lb >= 8 && la >= lb && strstr(ka, kb) != NULL;
}

/* Strips " | Site", " - Site", " – Site", " — Site", " : Site", " » Site",
** and the same as a prefix ("Site | Title"), when the part looks like the
** site (matches site or host) or is short compared with the rest. */
static const char *clean_title(rcp_arena *a, const char *t, const char *site, const char *host) {
  if (!t) return NULL;
  static const char *const seps[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb ", " / ", " \xe2\x80\xa2 ", " \xc2\xb7 ", NULL};
  size_t n = strlen(t);
  for (int round = 0; round < 3; round++) {
    size_t best = 0, bl = 0;
    int at_end = 1;
    for (int j = 0; seps[j]; j++) {
      size_t sl = strlen(seps[j]);
      /* last occurrence: suffix */
      for (size_t i = n; i-- > 0;) {
        if (i + sl <= n && memcmp(t + i, seps[j], sl) == 0) {
          if (i > best) { best = i; bl = sl; at_end = 1; }
          break;
        }
      }
    }
    if (!best) break;
    const char *tail = t + best + bl;
    size_t tl = n - best - bl;
    char tail0[256];
    snprintf(tail0, sizeof tail0, "%.*s", (int)(tl < 255 ? tl : 255), tail);
    int is_site = (site && (same_text(tail0, site) || contains_text(tail0, site) || contains_text(site, tail0))) ||
                  (host && contains_text(host, tail0));
    size_t tw = 0;
    { char f[256]; fold(tail0, strlen(tail0), f, sizeof f, NULL); tw = count_words(f); }
    if (is_site || (tw <= 4 && tl * 3 < best)) { n = best; continue; }
    (void)at_end;
    break;
  }
  /* prefix "Site | Title" */
  if (site) {
    for (int j = 0; seps[j]; j++) {
      size_t sl = strlen(seps[j]);
      const char *q = strstr(t, seps[j]);
      if (q && (size_t)(q - t) < n) {
        char head[256];
        snprintf(head, sizeof head, "%.*s", (int)((size_t)(q - t) < 255 ? (size_t)(q - t) : 255), t);
        if (same_text(head, site)) { size_t off = (size_t)(q - t) + sl; t += off; n -= off; }
        break;
      }
    }
  }
  while (n && t[n - 1] == ' ') n--;
  while (n && *t == ' ') { t++; n--; }
  return n ? rcp__arena_strndup(a, t, n) : NULL;
}

static const char *host_of(rcp_arena *a, const char *url) {
  if (!url) return NULL;
  const char *p = strstr(url, "://");
  if (!p) return NULL;
  p += 3;
  size_t n = strcspn(p, "/?#:");
  if (n > 4 && !strncmp(p, "www.", 4)) { p += 4; n -= 4; }
  return n && rcp__utf8_valid(p, n) ? rcp__arena_strndup(a, p, n) : NULL;
}

static const char *norm_date(rcp_arena *a, const char *s, int mdy) {
  char iso[32];
  if (!s) return NULL;
  if (!rcp__x_date(s, strlen(s), mdy, 0, iso)) return NULL;
  return rcp__arena_strdup(a, iso);
}

/* Date from the URL: /2025/03/12/ or /2025-03-12 or /20250312. */
static const char *url_date(rcp_arena *a, const char *url) {
  if (!url) return NULL;
  size_t n = strlen(url);
  for (size_t i = 0; i + 10 <= n; i++) {
    if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
    const char *p = url + i + 1;
    int y = 0, m = 0, d = 0;
    if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
        isdigit((unsigned char)p[3])) {
      y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
      char sep = p[4];
      if ((sep == '/' || sep == '-') && isdigit((unsigned char)p[5]) && isdigit((unsigned char)p[6]) && p[7] == sep &&
          isdigit((unsigned char)p[8]) && isdigit((unsigned char)p[9])) {
        m = (p[5] - '0') * 10 + (p[6] - '0');
        d = (p[8] - '0') * 10 + (p[9] - '0');
      } else if (isdigit((unsigned char)sep) && isdigit((unsigned char)p[5]) && isdigit((unsigned char)p[6]) &&
                 isdigit((unsigned char)p[7]) && !isdigit((unsigned char)p[8])) {
        m = (p[4] - '0') * 10 + (p[5] - '0');
        d = (p[6] - '0') * 10 + (p[7] - '0');
      }
      if (valid_ymd(y, m, d)) return rcp__arena_printf(a, "%04d-%02d-%02d", y, m, d);
    }
  }
  return NULL;
}

static const char *lang_of(rcp_arena *a, const char *s) {
  if (!s) return NULL;
  while (*s == ' ') s++;
  size_t n = 0;
  char b[4];
  while (n < 3 && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))) {
    b[n] = (char)(s[n] | 0x20);
    n++;
  }
  if (n < 2 || (s[n] && s[n] != '-' && s[n] != '_' && s[n] != ' ' && s[n] != ',' && s[n] != ';')) return NULL;
  return rcp__arena_strndup(a, b, n);
}

/* Is s[0..n) a web address ("MesOpinions.com", "www.dw.com", "NJ.com")? */
static int webby(const char *s, size_t n) {
  for (size_t i = 0; i + 4 <= n; i++) if (!strncmp(s + i, "www.", 4)) return 1;
  for (size_t i = 1; i < n; i++) {
    if (s[i] != '.' || !is_al((unsigned char)(s[i - 1] | 0x20))) continue;
    size_t k = !strncmp(s + i, ".com", 4) || !strncmp(s + i, ".net", 4) || !strncmp(s + i, ".org", 4) ? 4
             : !strncmp(s + i, ".fr", 3) ? 3 : 0;
    if (k && i + k <= n && (i + k == n || !is_al((unsigned char)s[i + k]))) return 1;
  }
  return 0;
}

/* The author's name(s) with the web addresses that sites append cut off
** ("Troy L. Smith, Cleveland.com", "Amy K. | NJ Advance Media for NJ.com");
** NULL if nothing else is left, or for a URL or an e-mail address. */
static const char *pick_author(rcp_arena *a, const char *s) {
  if (!s || !*s) return NULL;
  if (!strncmp(s, "http", 4) || strchr(s, '@') || strchr(s, '/')) return NULL;
  size_t n = strlen(s);
  if (n > 120) return NULL;
  size_t keep = 0, i = 0;
  while (i < n) { /* segments between ", ", " | " and " (" */
    size_t j = i;
    while (j < n && !(s[j] == ',' || s[j] == '|' || s[j] == '(')) j++;
    if (webby(s + i, j - i)) break;
    keep = j;
    i = j + 1;
  }
  while (keep && (s[keep - 1] == ' ' || s[keep - 1] == ',' || s[keep - 1] == '|' || s[keep - 1] == '(')) keep--;
  if (!keep) return NULL;
  return keep == n ? s : rcp__arena_strndup(a, s, keep);
}

/* An author found only by its element's class: a short name, or a byline. */
static const char *class_author(rcp_arena *a, const char *s) {
  if (!s) return NULL;
  char buf[160];
  size_t n = strlen(s);
  if (rcp__x_byline(s, n, buf, sizeof buf)) return rcp__arena_strdup(a, buf);
  size_t words = 0;
  for (size_t i = 0; i < n; i++) words += (i == 0 || s[i - 1] == ' ') && s[i] != ' ';
  return words >= 2 && words <= 5 && namelike(s, n) ? s : NULL;
}

int rcp__x_finish(rcp_doc *d, rcp_xmeta *m) {
  rcp_arena *a = d->arena;
  /* site and host */
  const char *canon = m->canonical ? m->canonical : m->og_url;
  if (canon && strncmp(canon, "http", 4) != 0) canon = NULL;
  d->canonical = canon;
  const char *host = host_of(a, canon ? canon : d->url);
  if (!host && d->url) host = host_of(a, d->url);
  const char *site = d->in_site;
  if (!site) site = m->og_site;
  if (!site) site = m->ld_publisher;
  if (!site) site = m->app_name;
  if (!site) site = host;
  if (!site) site = m->text_site; /* a page saved as text: its footer */
  d->site = site;

  /* title by agreement */
  const char *og = clean_title(a, m->og_title ? m->og_title : m->tw_title, site, host);
  const char *ht = clean_title(a, m->html_title, site, host);
  const char *ld = clean_title(a, m->ld_headline, site, host);
  const char *h1 = m->h1;
  /* several <h1> (a logo, then the article): the one that agrees */
  for (int i = 0; i < m->nh1; i++)
    if (same_text(m->h1s[i], og) || same_text(m->h1s[i], ld) || same_text(m->h1s[i], ht)) { h1 = m->h1s[i]; break; }
  const char *t = NULL;
  if (d->in_title) t = d->in_title;
  else if (h1 && (same_text(h1, og) || same_text(h1, ld) || same_text(h1, ht))) t = h1;
  else if (og && (same_text(og, ld) || same_text(og, ht))) t = og;
  else if (ld && same_text(ld, ht)) t = ld;
  else if (h1 && (contains_text(m->html_title, h1) || contains_text(m->og_title, h1))) t = h1;
  else if (og) t = og;
  else if (ld) t = ld;
  else if (h1 && ht && contains_text(h1, ht)) t = ht;
  else if (h1) t = h1;
  else t = ht;
  d->title = t;

  /* author */
  const char *au = pick_author(a, m->ld_author);
  if (!au) au = pick_author(a, m->meta_author);
  if (!au) au = pick_author(a, m->dom_author);
  if (!au) au = pick_author(a, m->byline_author);
  if (!au) au = pick_author(a, class_author(a, m->cls_author));
  if (au && site && same_text(au, site)) au = NULL;
  d->author = au;

  /* dates */
  int mdy = m->mdy;
  const char *pub = NULL;
  if (d->in_published) pub = norm_date(a, d->in_published, 0);
  if (!pub) pub = norm_date(a, m->pub_meta, mdy);
  if (!pub) pub = norm_date(a, m->pub_ld, mdy);
  if (!pub) pub = norm_date(a, m->pub_item, mdy);
  if (!pub) pub = norm_date(a, m->pub_text, mdy);
  if (!pub) pub = norm_date(a, m->pub_time_el, mdy);
  if (!pub) pub = norm_date(a, m->pub_meta2, mdy);
  if (!pub) pub = url_date(a, canon ? canon : d->url);
  if (!pub && d->url) pub = url_date(a, d->url);
  d->published = pub;
  const char *upd = norm_date(a, m->mod_meta, mdy);
  if (!upd) upd = norm_date(a, m->mod_ld, mdy);
  if (!upd) upd = norm_date(a, m->mod_text, mdy);
  if (!upd) upd = norm_date(a, m->mod_meta2, mdy);
  d->updated = upd;
  d->pub_time = rcp__parse_iso(pub);

  /* language (declared) */
  const char *lg = lang_of(a, d->in_language);
  if (!lg) lg = lang_of(a, m->lang_html);
  if (!lg) lg = lang_of(a, m->lang_meta);
  if (!lg) lg = lang_of(a, m->ld_lang);
  d->language = lg;

  d->credited_source = m->credit ? m->credit : m->credit_inline;
  return RCP_OK;
}
