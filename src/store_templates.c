/* store_templates.c -- site-template counts in the store (migration 4 in
** store.c): one row per key of src/templates.c (a site, or a block of a
** site, as a 64-bit hash stored as a SQLite integer) with the number of
** pages it was seen on.  Saving adds what was observed since the last save
** (INSERT ... ON CONFLICT DO UPDATE pages = pages + excluded.pages), inside
** the caller's transaction, so counts never disagree with the articles. */
#include "store_int.h"

int rcp__store_templates_load(rcp_store *s, rcp_templates *t) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "SELECT key, pages FROM templates", &st));
  int rc = RCP_OK, step;
  while (rc == RCP_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
    sqlite3_int64 p = sqlite3_column_int64(st, 1);
    rc = rcp__templates_load_entry(t, (uint64_t)sqlite3_column_int64(st, 0),
                                   p < 0 ? 0 : p > UINT32_MAX ? UINT32_MAX : (uint32_t)p);
  }
  if (rc == RCP_OK && step != SQLITE_DONE) rc = rcp__store_fail(s, "load templates");
  rcp__store_done(s, st);
  return rc;
}

typedef struct save_ctx { rcp_store *s; sqlite3_stmt *st; } save_ctx;

static int save_one(void *ud, uint64_t key, uint32_t pages) {
  save_ctx *c = ud;
  sqlite3_reset(c->st);
  sqlite3_bind_int64(c->st, 1, (sqlite3_int64)key);
  sqlite3_bind_int64(c->st, 2, pages);
  return sqlite3_step(c->st) == SQLITE_DONE ? RCP_OK : rcp__store_fail(c->s, "save templates");
}

int rcp__store_templates_save(rcp_store *s, rcp_templates *t) {
  save_ctx c = {s, NULL};
  RCP_TRY(rcp__store_stmt(s, "INSERT INTO templates(key, pages) VALUES(?, ?)"
                                " ON CONFLICT(key) DO UPDATE SET pages = pages + excluded.pages", &c.st));
  int rc = rcp__templates_foreach_delta(t, save_one, &c);
  rcp__store_done(s, c.st);
  if (rc == RCP_OK) rcp__templates_saved(t);
  return rc;
}
