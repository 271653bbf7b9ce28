/* store_int.h -- private to src/store*.c: the SQLite handle and helpers.
** Each stage that persists state has its own src/store_<stage>.c with its
** tables (created by a migration registered in store.c) and its queries. */
#ifndef RCP_STORE_INT_H
#define RCP_STORE_INT_H

#include "recoupe_int.h"

#include <sqlite3.h>

/* Statements of fixed SQL kept prepared for the life of the store: parsing
** SQL was 9 % of `recoupe add`'s CPU when every call prepared its own. */
#define RCP_STMT_CACHE 48
typedef struct rcp_stmt_slot {
  char *sql;              /* owned copy: the key */
  sqlite3_stmt *st;       /* owned */
  int busy;               /* handed out and not yet given back */
} rcp_stmt_slot;

struct rcp_store {
  sqlite3 *db;            /* owned */
  rcp_ctx *ctx;           /* not owned: for error messages */
  int in_tx;
  char errmsg[512];
  rcp_stmt_slot cache[RCP_STMT_CACHE];
  int ncache;
};

/* Records sqlite's message for rc and returns RCP_EDB (or RCP_ENOMEM). */
int rcp__store_fail(rcp_store *s, const char *what);
/* Prepares a statement; the caller finalizes it.  For SQL built at run time. */
int rcp__store_prepare(rcp_store *s, const char *sql, sqlite3_stmt **st);
/* A statement of fixed SQL from the store's cache (prepared on first use),
** given back with rcp__store_done, which resets it and clears its bindings.
** A statement already handed out (a nested use of the same SQL) is prepared
** again, uncached, and finalized by rcp__store_done. */
int rcp__store_stmt(rcp_store *s, const char *sql, sqlite3_stmt **st);
void rcp__store_done(rcp_store *s, sqlite3_stmt *st);
/* A blob by text key in a (key, value) table: sql selects the value for ?1
** (get; *p NULL when absent, to be freed) or stores (?1, ?2) (put); what
** names the operation in error messages. */
int rcp__store_blob_get(rcp_store *s, const char *sql, const char *what, const char *key,
                        void **p, size_t *n);
int rcp__store_blob_put(rcp_store *s, const char *sql, const char *what, const char *key,
                        const void *p, size_t n);
/* Binds a C string or NULL. */
void rcp__store_bind_text(sqlite3_stmt *st, int i, const char *s);

/* The story filter (rcp_story_filter) as SQL over `stories s`, shared by
** the story list (store_cluster.c) and the web UI's list (store_web.c) so
** that a filter means the same in both.  rcp__story_where appends
** " AND ..." conditions to q using parameters ?1 to ?8 and ?11 (?9 and ?10
** are left for LIMIT and OFFSET); RCP_EINVAL for a date that is not ISO.
** rcp__story_where_bind binds them; rcp__story_where_free frees w. */
typedef struct rcp_story_where {
  int64_t since, until;   /* day starts, INT64_MIN when not given */
  char *query_like, *entity_like;
} rcp_story_where;
int rcp__story_where(rcp_buf *q, const rcp_story_filter *f, rcp_story_where *w);
void rcp__story_where_bind(sqlite3_stmt *st, const rcp_story_filter *f, const rcp_story_where *w);
void rcp__story_where_free(rcp_story_where *w);
/* Prepares q (freed in every case) and binds w; on failure frees w. */
int rcp__story_where_prepare(rcp_store *s, rcp_buf *q, const rcp_story_filter *f,
                             rcp_story_where *w, sqlite3_stmt **st);

#endif
