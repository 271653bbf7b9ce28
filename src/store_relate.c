/* store_relate.c -- the relate stage's tables (migrations 3 and 5 in
** store.c): relate_pages holds what rcp__relidx_new reloads (the 128-byte
** signature, shingle count, publication minute and exact hash of every
** related page, and for the rewrite window its sampled anchors and
** headline key), relations holds every relation found, relate_state the
** document-frequency sketch (written once per batch).  Both are written inside the
** batch's transaction by rcp__relate_doc, so they never disagree with
** the articles table.  Integers are stored as SQLite integers (no byte
** order issue); the signature is a byte string. */
#include "store_int.h"

#include <string.h> /* strcmp, strlen, memcpy */

int rcp__store_relate_load(rcp_store *s,
                           int (*cb)(void *ud, int64_t rowid, const uint8_t *sig, uint32_t nsh,
                                     int32_t tmin, uint64_t exact),
                           void *ud) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "SELECT article,sig,nshingles,tmin,exact FROM relate_pages"
                                " ORDER BY article", &st));
  int rc = RCP_OK, step;
  while (rc == RCP_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
    const void *sig = sqlite3_column_blob(st, 1);
    if (!sig || sqlite3_column_bytes(st, 1) != RCP_MINHASH_K) continue;
    int32_t tmin = sqlite3_column_type(st, 3) == SQLITE_NULL ? INT32_MIN
                   : (int32_t)sqlite3_column_int64(st, 3);
    rc = cb(ud, sqlite3_column_int64(st, 0), sig, (uint32_t)sqlite3_column_int64(st, 2), tmin,
            (uint64_t)sqlite3_column_int64(st, 4));
  }
  if (rc == RCP_OK && step != SQLITE_DONE) rc = rcp__store_fail(s, "load relate index");
  rcp__store_done(s, st);
  return rc;
}

int rcp__store_relate_put_page(rcp_store *s, int64_t rowid, const uint8_t *sig, uint32_t nsh,
                               int32_t tmin, uint64_t exact, const uint32_t *anch, int na,
                               uint32_t title) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "INSERT OR REPLACE INTO relate_pages(article,sig,nshingles,tmin,exact,"
                                "anch,title) VALUES(?,?,?,?,?,?,?)", &st));
  sqlite3_bind_int64(st, 1, rowid);
  sqlite3_bind_blob(st, 2, sig, RCP_MINHASH_K, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 3, nsh);
  if (tmin == INT32_MIN) sqlite3_bind_null(st, 4); else sqlite3_bind_int64(st, 4, tmin);
  sqlite3_bind_int64(st, 5, (sqlite3_int64)exact);
  if (na < 0) {   /* not in the rewrite window (a duplicate) */
    sqlite3_bind_null(st, 6);
    sqlite3_bind_null(st, 7);
  } else {
    /* anchors as 4-byte little-endian words; an empty blob (not NULL)
    ** when the page has none */
    uint8_t b[4 * 16];
    if (na > 16) na = 16;
    for (int i = 0; i < na; i++)
      for (int k = 0; k < 4; k++) b[4 * i + k] = (uint8_t)(anch[i] >> (8 * k));
    sqlite3_bind_blob(st, 6, b, 4 * na, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 7, title);
  }
  int rc = sqlite3_step(st);
  rcp__store_done(s, st);
  return rc == SQLITE_DONE ? RCP_OK : rcp__store_fail(s, "write relate index");
}

int rcp__store_relate_window(rcp_store *s, int64_t from,
                             int (*cb)(void *ud, int64_t rowid, int has, const uint32_t *anch,
                                       int na, uint32_t title),
                             void *ud) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "SELECT article,anch,title FROM relate_pages WHERE article >= ?"
                                " ORDER BY article", &st));
  sqlite3_bind_int64(st, 1, from);
  int rc = RCP_OK, step;
  while (rc == RCP_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
    uint32_t anch[16];
    int na = 0, has = sqlite3_column_type(st, 1) == SQLITE_BLOB;
    if (has) {
      const uint8_t *b = sqlite3_column_blob(st, 1);
      int nb = sqlite3_column_bytes(st, 1);
      for (int i = 0; b && i + 4 <= nb && na < 16; i += 4)
        anch[na++] = (uint32_t)b[i] | (uint32_t)b[i + 1] << 8 | (uint32_t)b[i + 2] << 16 |
                     (uint32_t)b[i + 3] << 24;
    }
    rc = cb(ud, sqlite3_column_int64(st, 0), has, anch, na,
            (uint32_t)sqlite3_column_int64(st, 2));
  }
  if (rc == RCP_OK && step != SQLITE_DONE) rc = rcp__store_fail(s, "load relate window");
  rcp__store_done(s, st);
  return rc;
}

int rcp__store_relate_state_get(rcp_store *s, const char *key, uint8_t **val, size_t *n) {
  void *p = NULL;
  int rc = rcp__store_blob_get(s, "SELECT value FROM relate_state WHERE key=?", "read relate state", key, &p, n);
  *val = p;
  return rc;
}

int rcp__store_relate_state_put(rcp_store *s, const char *key, const uint8_t *val, size_t n) {
  return rcp__store_blob_put(s, "INSERT OR REPLACE INTO relate_state(key,value) VALUES(?,?)",
                             "write relate state", key, val, n);
}

int rcp__store_relate_put_rel(rcp_store *s, int64_t a, const rcp_rel *r) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "INSERT OR REPLACE INTO relations(a,b,kind,score,direction)"
                                " VALUES(?,?,?,?,?)", &st));
  sqlite3_bind_int64(st, 1, a);
  sqlite3_bind_int64(st, 2, r->other);
  sqlite3_bind_text(st, 3, r->kind, -1, SQLITE_STATIC);
  sqlite3_bind_double(st, 4, r->score);
  sqlite3_bind_int(st, 5, r->direction);
  int rc = sqlite3_step(st);
  rcp__store_done(s, st);
  return rc == SQLITE_DONE ? RCP_OK : rcp__store_fail(s, "write relation");
}

/* The kind names as static strings (rcp_rel.kind is static). */
static const char *kind_static(const char *k) {
  static const char *const kinds[] = { "duplicate", "near_duplicate", "contains", "update",
                                       "rewrite", NULL };
  for (int i = 0; kinds[i]; i++) if (k && strcmp(k, kinds[i]) == 0) return kinds[i];
  return "related";
}

int rcp__store_relations_of(rcp_store *s, int64_t rowid, rcp_rel **out, size_t *n) {
  *out = NULL;
  *n = 0;
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "SELECT b,kind,score,direction FROM relations WHERE a=?1"
                                " UNION ALL SELECT a,kind,score,-direction FROM relations WHERE b=?1"
                                " ORDER BY 3 DESC, 1", &st));
  sqlite3_bind_int64(st, 1, rowid);
  rcp_rel *r = NULL;
  size_t k = 0, cap = 0;
  int rc = RCP_OK, step;
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    if (k == cap) {
      size_t nc = cap ? cap * 2 : 8;
      rcp_rel *q = rcp__realloc(r, nc * sizeof *q);
      if (!q) { rc = RCP_ENOMEM; break; }
      r = q;
      cap = nc;
    }
    r[k].other = sqlite3_column_int64(st, 0);
    r[k].kind = kind_static((const char *)sqlite3_column_text(st, 1));
    r[k].score = sqlite3_column_double(st, 2);
    r[k].direction = sqlite3_column_int(st, 3);
    k++;
  }
  if (rc == RCP_OK && step != SQLITE_DONE) rc = rcp__store_fail(s, "read relations");
  rcp__store_done(s, st);
  if (rc != RCP_OK) { rcp__free(r); return rc; }
  *out = r;
  *n = k;
  return RCP_OK;
}

int rcp__store_article_ext_id(rcp_store *s, int64_t rowid, char **out) {
  *out = NULL;
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "SELECT ext_id FROM articles WHERE id=?", &st));
  sqlite3_bind_int64(st, 1, rowid);
  int rc, step = sqlite3_step(st);
  if (step == SQLITE_ROW) {
    const char *t = (const char *)sqlite3_column_text(st, 0);
    size_t n = t ? strlen(t) : 0;
    *out = rcp__malloc(n + 1);
    if (*out) { memcpy(*out, t ? t : "", n); (*out)[n] = 0; }
    rc = *out ? RCP_OK : RCP_ENOMEM;
  } else {
    rc = step == SQLITE_DONE ? RCP_ENOTFOUND : rcp__store_fail(s, "read article id");
  }
  rcp__store_done(s, st);
  return rc;
}
