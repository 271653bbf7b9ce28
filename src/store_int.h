/* store_int.h -- private to src/store*.c: the SQLite handle and helpers.
** Each stage that persists state has its own src/store_<stage>.c with its
** tables (created by a migration registered in store.c) and its queries. */
#ifndef RCP_STORE_INT_H
#define RCP_STORE_INT_H

#include "recoupe_int.h"

#include <sqlite3.h>

struct rcp_store {
  sqlite3 *db;            /* owned */
  rcp_ctx *ctx;           /* not owned: for error messages */
  int in_tx;
  char errmsg[512];
};

/* Records sqlite's message for rc and returns RCP_EDB (or RCP_ENOMEM). */
int rcp__store_fail(rcp_store *s, const char *what);
/* Prepares a statement (cached by sqlite3_prepare_v3 PERSISTENT). */
int rcp__store_prepare(rcp_store *s, const char *sql, sqlite3_stmt **st);
/* Binds a C string or NULL. */
void rcp__store_bind_text(sqlite3_stmt *st, int i, const char *s);

#endif
