/* facts_int.h -- private to src/facts*.c: the word scanner shared by the
** fact extractors, folding helpers and the gazetteer lookups.
**
** The extractors (dates, figures, entities, quotes) do not need the analysis
** stage: they run over their own light token stream (rcp__fx_scan), built
** once per document from d->text.  Tokens are byte spans of the text with a
** folded ASCII-ish key (lower case, accents stripped, ' and - normalised),
** so every extractor matches keywords with strcmp on small strings.
*/
#ifndef RCP_FACTS_INT_H
#define RCP_FACTS_INT_H

#include "recoupe_int.h"

enum { FX_WORD = 0, FX_NUM, FX_PUNCT };
enum {
  FX_CAP = 1,      /* first letter upper case */
  FX_ALLCAP = 2,   /* every letter upper case, >= 2 letters */
  FX_SENT0 = 4,    /* first token of a sentence */
  FX_ORD = 8,      /* number with an ordinal suffix: 1er, 2e, 3rd */
  FX_GLUE = 16,    /* no space between this token and the previous one */
  FX_ELIDED = 32,  /* word ends with an elision apostrophe: l' d' qu' */
  FX_BREAK = 64,   /* a block break ("\n\n") comes right before this token */
  FX_GROUPED = 128 /* number written with thousands separators */
};

typedef struct fx_tok {
  uint32_t off, len;   /* span in the text */
  uint32_t sent;       /* sentence index */
  uint16_t kind, flags;
  uint16_t ndig;       /* digits in a number (all groups) */
  const char *key;     /* folded form; owned by the fx_doc pool */
  double val;          /* value of a number token */
} fx_tok;

typedef struct fx_doc {
  const char *text; size_t len;
  fx_tok *t; size_t n, cap;     /* rcp__malloc'd */
  char *pool; size_t pn, pcap;  /* rcp__malloc'd: folded keys */
  unsigned char *used;          /* per token: consumed by an earlier extractor */
  int lang_en;                  /* text is English */
  int64_t pub_day;              /* publication day (00:00 UTC) or INT64_MIN */
  int err;
} fx_doc;

/* Scans text into tokens; sentence indexes come from d->sents when the
** analysis stage filled them, else from a built-in splitter.  Returns
** RCP_OK or RCP_ENOMEM; free with rcp__fx_free in any case. */
int rcp__fx_scan(fx_doc *x, const rcp_doc *d);
void rcp__fx_free(fx_doc *x);

/* Folds s into out (cap bytes, NUL-terminated): lower case, marks stripped,
** oe/ae expanded, ’ -> ', dashes -> -, spaces collapsed.  Returns length. */
size_t rcp__fx_fold(const char *s, size_t n, char *out, size_t cap);
/* Transliteration key of a folded key (Zelensky/Zelenskyy/Selenskyj ->
** one form).  Returns length. */
size_t rcp__fx_translit(const char *key, char *out, size_t cap);
/* Initials of the content words of a folded name ("organisation mondiale
** de la sante" -> "oms"), into out (cap bytes). */
void rcp__fx_initials(const char *key, char *out, size_t cap);
/* Jaro-Winkler similarity of two byte strings, in [0, 1]. */
double rcp__fx_jaro_winkler(const char *a, const char *b);

/* String equality with the first byte compared inline: word-list scans
** are the hot path of the extractors, and most candidates differ there. */
static inline int fx_eq(const char *a, const char *b) {
  return a[0] == b[0] && __builtin_strcmp(a, b) == 0;
}

/* Does token i have folded key k? */
static inline int fx_is(const fx_doc *x, size_t i, const char *k) {
  return i < x->n && x->t[i].key[0] == k[0] && __builtin_strcmp(x->t[i].key, k) == 0;
}
/* Same, for a token that is followed by no text break: tokens i..i+m */
int rcp__fx_seq(const fx_doc *x, size_t i, const char *const *words, size_t m);

/* Makes room for one more element in an arena array (doubling, old copy
** left in the arena).  Returns the (maybe moved) array or NULL on failure. */
void *rcp__fx_grow(rcp_arena *a, void *arr, size_t n, size_t *cap, size_t size);
/* Text of tokens [i, j] as an arena string. */
char *rcp__fx_span(const fx_doc *x, rcp_arena *a, size_t i, size_t j);

/* Extractors: append to d's arrays (arena). */
int rcp__facts_dates(fx_doc *x, rcp_doc *d);
int rcp__facts_figures(fx_doc *x, rcp_doc *d);
int rcp__facts_entities(fx_doc *x, rcp_doc *d);
int rcp__facts_quotes(fx_doc *x, rcp_doc *d);

/* Small number words: "deux" -> 2 ... ; returns < 0 when not one. */
double rcp__fx_numword(const char *key);
/* Day number (days since 1970-01-01) of a civil date, and back. */
int64_t rcp__fx_days(int y, int m, int dd);
void rcp__fx_civil(int64_t days, int *y, int *m, int *dd);

/* ---- gazetteers (src/facts_gaz.c, generated from data/ by
** scripts/gazetteer_c.py; src/facts_lex.c looks them up) -------------- */
typedef struct fx_gaz_hit {
  char type;          /* 'L' place, 'O' organisation, 'P' person */
  const char *id;     /* static: canonical group id ("c:FRA", "g:2988507", "o:nato") */
  const char *name;   /* static: canonical display name */
  uint32_t rank;      /* population or 0: larger wins among homonyms */
} fx_gaz_hit;
/* Generated tables (src/facts_gaz.c), sorted by key (bytes). */
typedef struct fx_gaz_row {
  const char *key;    /* folded form */
  const char *id;     /* canonical group id */
  const char *name;   /* canonical display name */
  uint32_t rank;      /* population, or a fixed rank for countries/orgs */
  char type;          /* 'L' place, 'O' organisation, 'D' demonym */
} fx_gaz_row;
extern const fx_gaz_row rcp__fx_gaz_rows[];
extern const size_t rcp__fx_gaz_nrows;
extern const char *const rcp__fx_first_rows[];
extern const size_t rcp__fx_first_nrows;
/* Looks up a folded key; returns 1 and fills *hit with the best entry. */
int rcp__fx_gaz(const char *key, fx_gaz_hit *hit);
/* Is this folded key a known first name? */
int rcp__fx_firstname(const char *key);

#endif
