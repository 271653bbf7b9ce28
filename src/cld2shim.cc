// cld2shim.cc -- a C entry point to CLD2 (Compact Language Detector 2,
// Debian libcld2), which is C++.  Only src/analyze.c calls it.
//
// rcp__cld2_detect returns the ISO 639-1 code CLD2 gives ("fr", "en", ...;
// "un" when unknown), sets *reliable and *percent (share of the text in
// that language).  The text must be valid UTF-8 (analyze checks it); CLD2
// is thread-safe (read-only tables), so this needs no state.
#include <cstddef>
#include <cstdio>
#include <cld2/public/compact_lang_det.h>

extern "C" const char *rcp__cld2_detect(const char *buf, int len, int *reliable, int *percent);

extern "C" const char *rcp__cld2_detect(const char *buf, int len, int *reliable, int *percent) {
  CLD2::Language lang3[3];
  int pct3[3];
  int text_bytes = 0;
  bool rel = false;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummary(buf, len, true, lang3, pct3,
                                                       &text_bytes, &rel);
  *reliable = rel ? 1 : 0;
  *percent = pct3[0];
  return CLD2::LanguageCode(lang);
}
