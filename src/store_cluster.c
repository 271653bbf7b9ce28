/* store_cluster.c -- the stories in the store (stage 6): the tables of
** migration 2 in store.c and every query on them.
**
** Tables: stories (one row per story, with the clusterer's state blob while
** it is live, the merge it went into, and the digest JSON the later stages
** write), story_articles (article -> story, one row per article),
** story_links (storylines between stories), cluster_state (document
** frequencies and counters of the clusterer, as blobs: the frequency
** sketch as a base blob "df" plus one small delta blob "dfd:<seq>" a batch,
** folded into the base once the deltas outweigh it).
**
** Invariants: a merged-away story keeps its row with merged_into set and no
** articles, so its id still resolves; resolution follows merged_into at most
** 64 hops (merges always point to an older, smaller id, so there is no
** cycle).  This file does no clustering: src/cluster.c decides, this stores.
*/
#include "store_int.h"

#include <stdio.h>  /* snprintf */
#include <string.h> /* strlen, memcpy */

static char *dup_col(sqlite3_stmt *st, int i) {
  const unsigned char *t = sqlite3_column_text(st, i);
  return t ? rcp__strndup((const char *)t, (size_t)sqlite3_column_bytes(st, i)) : NULL;
}

static int64_t int_or_min(sqlite3_stmt *st, int i) {
  return sqlite3_column_type(st, i) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, i);
}

static void bind_time(sqlite3_stmt *st, int i, int64_t t) {
  if (t == INT64_MIN) sqlite3_bind_null(st, i);
  else sqlite3_bind_int64(st, i, t);
}

/* ---- clusterer persistence ---------------------------------------- */

int rcp__store_story_put(rcp_store *s, const rcp_story_rec *r) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s,
    "INSERT INTO stories(id,title,language,first_pub,last_pub,event_day,n_articles,closed,"
    "merged_into,state,closed_seq) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)"
    " ON CONFLICT(id) DO UPDATE SET title=COALESCE(?2,title), language=COALESCE(?3,language),"
    " first_pub=?4, last_pub=?5, event_day=?6, n_articles=?7, closed=?8, merged_into=?9, state=?10,"
    " closed_seq=?11",
    &st));
  sqlite3_bind_int64(st, 1, r->id);
  rcp__store_bind_text(st, 2, r->title);
  rcp__store_bind_text(st, 3, r->language);
  bind_time(st, 4, r->first_pub);
  bind_time(st, 5, r->last_pub);
  bind_time(st, 6, r->event_day);
  sqlite3_bind_int64(st, 7, r->n_articles);
  sqlite3_bind_int(st, 8, r->closed);
  if (r->merged_into) sqlite3_bind_int64(st, 9, r->merged_into); else sqlite3_bind_null(st, 9);
  if (r->state) sqlite3_bind_blob(st, 10, r->state, (int)r->state_len, SQLITE_STATIC);
  else sqlite3_bind_null(st, 10);
  if (r->closed_seq) sqlite3_bind_int64(st, 11, r->closed_seq); else sqlite3_bind_null(st, 11);
  int rc = sqlite3_step(st);
  rcp__store_done(s, st);
  return rc == SQLITE_DONE ? RCP_OK : rcp__store_fail(s, "write story");
}

int rcp__store_story_add_article(rcp_store *s, int64_t story, int64_t article) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "INSERT OR REPLACE INTO story_articles(article,story) VALUES(?,?)", &st));
  sqlite3_bind_int64(st, 1, article);
  sqlite3_bind_int64(st, 2, story);
  int rc = sqlite3_step(st);
  rcp__store_done(s, st);
  return rc == SQLITE_DONE ? RCP_OK : rcp__store_fail(s, "write story article");
}

int rcp__store_story_merge(rcp_store *s, int64_t from, int64_t into) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "UPDATE story_articles SET story=? WHERE story=?", &st));
  sqlite3_bind_int64(st, 1, into);
  sqlite3_bind_int64(st, 2, from);
  int rc = sqlite3_step(st);
  rcp__store_done(s, st);
  if (rc != SQLITE_DONE) return rcp__store_fail(s, "merge stories");
  /* storylines of the merged-away story now belong to the survivor */
  RCP_TRY(rcp__store_stmt(s, "UPDATE OR IGNORE story_links SET a=?1 WHERE a=?2", &st));
  sqlite3_bind_int64(st, 1, into);
  sqlite3_bind_int64(st, 2, from);
  rc = sqlite3_step(st);
  rcp__store_done(s, st);
  if (rc != SQLITE_DONE) return rcp__store_fail(s, "merge story links");
  RCP_TRY(rcp__store_stmt(s, "UPDATE OR IGNORE story_links SET b=?1 WHERE b=?2", &st));
  sqlite3_bind_int64(st, 1, into);
  sqlite3_bind_int64(st, 2, from);
  rc = sqlite3_step(st);
  rcp__store_done(s, st);
  if (rc != SQLITE_DONE) return rcp__store_fail(s, "merge story links");
  RCP_TRY(rcp__store_stmt(s, "DELETE FROM story_links WHERE a=?1 OR b=?1 OR a=b", &st));
  sqlite3_bind_int64(st, 1, from);
  rc = sqlite3_step(st);
  rcp__store_done(s, st);
  return rc == SQLITE_DONE ? RCP_OK : rcp__store_fail(s, "merge story links");
}

int rcp__store_story_link(rcp_store *s, int64_t a, int64_t b, const char *kind, double score) {
  sqlite3_stmt *st;
  if (a == b) return RCP_OK;
  if (a > b) { int64_t t = a; a = b; b = t; }
  RCP_TRY(rcp__store_stmt(s, "INSERT OR REPLACE INTO story_links(a,b,kind,score) VALUES(?,?,?,?)", &st));
  sqlite3_bind_int64(st, 1, a);
  sqlite3_bind_int64(st, 2, b);
  sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_double(st, 4, score);
  int rc = sqlite3_step(st);
  rcp__store_done(s, st);
  return rc == SQLITE_DONE ? RCP_OK : rcp__store_fail(s, "write story link");
}

int rcp__store_live_stories(rcp_store *s, int (*fn)(void *ud, int64_t id, const void *p, size_t n),
                            void *ud) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s,
    "SELECT id, state FROM stories WHERE closed=0 AND state IS NOT NULL ORDER BY id", &st));
  int rc = RCP_OK, sr;
  while (rc == RCP_OK && (sr = sqlite3_step(st)) == SQLITE_ROW)
    rc = fn(ud, sqlite3_column_int64(st, 0), sqlite3_column_blob(st, 1),
            (size_t)sqlite3_column_bytes(st, 1));
  if (rc == RCP_OK && sr != SQLITE_DONE) rc = rcp__store_fail(s, "read live stories");
  rcp__store_done(s, st);
  return rc;
}

int rcp__store_closed_stories(rcp_store *s, int limit,
                              int (*fn)(void *ud, int64_t id, const void *p, size_t n), void *ud) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s,
    "SELECT id, state FROM (SELECT id, state, closed_seq FROM stories WHERE closed=1"
    " AND merged_into IS NULL AND state IS NOT NULL ORDER BY closed_seq DESC LIMIT ?)"
    " ORDER BY closed_seq", &st));
  sqlite3_bind_int(st, 1, limit);
  int rc = RCP_OK, sr;
  while (rc == RCP_OK && (sr = sqlite3_step(st)) == SQLITE_ROW)
    rc = fn(ud, sqlite3_column_int64(st, 0), sqlite3_column_blob(st, 1),
            (size_t)sqlite3_column_bytes(st, 1));
  if (rc == RCP_OK && sr != SQLITE_DONE) rc = rcp__store_fail(s, "read closed stories");
  rcp__store_done(s, st);
  return rc;
}

int rcp__store_cluster_get(rcp_store *s, const char *key, void **p, size_t *n) {
  return rcp__store_blob_get(s, "SELECT value FROM cluster_state WHERE key=?", "read cluster state", key, p, n);
}

int rcp__store_cluster_put(rcp_store *s, const char *key, const void *p, size_t n) {
  return rcp__store_blob_put(s, "INSERT OR REPLACE INTO cluster_state(key,value) VALUES(?,?)",
                             "write cluster state", key, p, n);
}

/* The upper bound of the keys that start with prefix: prefix with its last
** byte raised (prefixes here are short ASCII, "dfd:"). */
static int prefix_end(const char *prefix, char *end, size_t cap) {
  size_t n = strlen(prefix);
  if (n == 0 || n + 1 > cap || (unsigned char)prefix[n - 1] == 0xFF) return RCP_EINVAL;
  memcpy(end, prefix, n + 1);
  end[n - 1] = (char)(prefix[n - 1] + 1);
  return RCP_OK;
}

int rcp__store_cluster_scan(rcp_store *s, const char *prefix,
                            int (*fn)(void *ud, const char *key, const void *p, size_t n), void *ud) {
  char end[64];
  RCP_TRY(prefix_end(prefix, end, sizeof end));
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "SELECT key, value FROM cluster_state WHERE key >= ?1 AND key < ?2"
                                " ORDER BY key", &st));
  sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, end, -1, SQLITE_STATIC);
  int rc = RCP_OK, sr;
  while (rc == RCP_OK && (sr = sqlite3_step(st)) == SQLITE_ROW)
    rc = fn(ud, (const char *)sqlite3_column_text(st, 0), sqlite3_column_blob(st, 1),
            (size_t)sqlite3_column_bytes(st, 1));
  if (rc == RCP_OK && sr != SQLITE_DONE) rc = rcp__store_fail(s, "read cluster state");
  rcp__store_done(s, st);
  return rc;
}

int rcp__store_cluster_del_prefix(rcp_store *s, const char *prefix) {
  char end[64];
  RCP_TRY(prefix_end(prefix, end, sizeof end));
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "DELETE FROM cluster_state WHERE key >= ?1 AND key < ?2", &st));
  sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, end, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  rcp__store_done(s, st);
  return rc == SQLITE_DONE ? RCP_OK : rcp__store_fail(s, "delete cluster state");
}

int rcp__store_max_story(rcp_store *s, int64_t *id) {
  sqlite3_stmt *st;
  *id = 0;
  RCP_TRY(rcp__store_stmt(s, "SELECT COALESCE(MAX(id),0) FROM stories", &st));
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *id = sqlite3_column_int64(st, 0);
  rcp__store_done(s, st);
  return rc == SQLITE_ROW ? RCP_OK : rcp__store_fail(s, "read stories");
}

/* ---- queries for the pipeline and the views ----------------------- */

int rcp__store_story_resolve(rcp_store *s, int64_t story, int64_t *out) {
  sqlite3_stmt *st;
  *out = 0;
  RCP_TRY(rcp__store_stmt(s, "SELECT merged_into FROM stories WHERE id=?", &st));
  int rc = RCP_ENOTFOUND;
  for (int hop = 0; hop < 64; hop++) {
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, story);
    int sr = sqlite3_step(st);
    if (sr == SQLITE_DONE) { rc = RCP_ENOTFOUND; break; }
    if (sr != SQLITE_ROW) { rc = rcp__store_fail(s, "resolve story"); break; }
    if (sqlite3_column_type(st, 0) == SQLITE_NULL) { *out = story; rc = RCP_OK; break; }
    story = sqlite3_column_int64(st, 0);
  }
  rcp__store_done(s, st);
  return rc;
}

int rcp__store_story_articles(rcp_store *s, int64_t story, int64_t **ids, size_t *n) {
  *ids = NULL;
  *n = 0;
  int64_t id;
  int rc = rcp__store_story_resolve(s, story, &id);
  if (rc == RCP_ENOTFOUND) return RCP_OK;
  RCP_TRY(rc);
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s,
    "SELECT a.id FROM story_articles sa JOIN articles a ON a.id=sa.article WHERE sa.story=?"
    " ORDER BY a.pub_time IS NULL, a.pub_time, a.id", &st));
  sqlite3_bind_int64(st, 1, id);
  size_t cap = 0;
  int sr;
  while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
    if (*n == cap) {
      size_t nc = cap ? cap * 2 : 16;
      int64_t *p = rcp__realloc(*ids, nc * sizeof *p);
      if (!p) { rc = RCP_ENOMEM; break; }
      *ids = p; cap = nc;
    }
    (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
  }
  if (rc == RCP_OK && sr != SQLITE_DONE) rc = rcp__store_fail(s, "read story articles");
  rcp__store_done(s, st);
  if (rc != RCP_OK) { rcp__free(*ids); *ids = NULL; *n = 0; }
  return rc;
}

int rcp__store_put_digest(rcp_store *s, int64_t story, const char *json) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "UPDATE stories SET digest=? WHERE id=?", &st));
  rcp__store_bind_text(st, 1, json);
  sqlite3_bind_int64(st, 2, story);
  int rc = sqlite3_step(st);
  rcp__store_done(s, st);
  return rc == SQLITE_DONE ? RCP_OK : rcp__store_fail(s, "write digest");
}

int rcp__store_article_story(rcp_store *s, const char *ext_id, int64_t *story) {
  sqlite3_stmt *st;
  *story = 0;
  RCP_TRY(rcp__store_stmt(s,
    "SELECT sa.story FROM articles a JOIN story_articles sa ON sa.article=a.id WHERE a.ext_id=?", &st));
  sqlite3_bind_text(st, 1, ext_id, -1, SQLITE_STATIC);
  int sr = sqlite3_step(st);
  if (sr == SQLITE_ROW) *story = sqlite3_column_int64(st, 0);
  rcp__store_done(s, st);
  return sr == SQLITE_ROW || sr == SQLITE_DONE ? RCP_OK : rcp__store_fail(s, "find article story");
}

#define STORY_COLS \
  "s.id, s.title, s.language, s.first_pub, s.last_pub, s.event_day, s.n_articles, s.closed," \
  " s.merged_into, s.digest," \
  " (SELECT COUNT(DISTINCT COALESCE(a.site, a.url, a.source)) FROM story_articles sa" \
  "  JOIN articles a ON a.id=sa.article WHERE sa.story=s.id)"

static int story_row(sqlite3_stmt *st, rcp_story_row *r) {
  memset(r, 0, sizeof *r);
  r->id = sqlite3_column_int64(st, 0);
  r->title = dup_col(st, 1);
  r->language = dup_col(st, 2);
  r->first_pub = int_or_min(st, 3);
  r->last_pub = int_or_min(st, 4);
  r->event_day = int_or_min(st, 5);
  r->n_articles = sqlite3_column_int64(st, 6);
  r->closed = sqlite3_column_int(st, 7);
  r->merged_into = sqlite3_column_type(st, 8) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 8);
  r->digest = dup_col(st, 9);
  r->nsites = sqlite3_column_int64(st, 10);
  if ((sqlite3_column_type(st, 1) != SQLITE_NULL && !r->title) ||
      (sqlite3_column_type(st, 2) != SQLITE_NULL && !r->language) ||
      (sqlite3_column_type(st, 9) != SQLITE_NULL && !r->digest)) return RCP_ENOMEM;
  return RCP_OK;
}

void rcp__story_rows_free(rcp_story_row *rows, size_t n) {
  if (!rows) return;
  for (size_t i = 0; i < n; i++) {
    rcp__free(rows[i].title);
    rcp__free(rows[i].language);
    rcp__free(rows[i].digest);
  }
  rcp__free(rows);
}

int rcp__store_story_get(rcp_store *s, int64_t id, rcp_story_row *row) {
  memset(row, 0, sizeof *row);
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "SELECT " STORY_COLS " FROM stories s WHERE s.id=?", &st));
  sqlite3_bind_int64(st, 1, id);
  int sr = sqlite3_step(st), rc;
  if (sr == SQLITE_ROW) rc = story_row(st, row);
  else rc = sr == SQLITE_DONE ? RCP_ENOTFOUND : rcp__store_fail(s, "read story");
  rcp__store_done(s, st);
  if (rc != RCP_OK) {
    rcp__free(row->title); rcp__free(row->language); rcp__free(row->digest);
    memset(row, 0, sizeof *row);
  }
  return rc;
}

int rcp__store_stories_list(rcp_store *s, const rcp_story_filter *f,
                            rcp_story_row **rows, size_t *n) {
  *rows = NULL;
  *n = 0;
  rcp_story_filter none;
  memset(&none, 0, sizeof none);
  if (!f) f = &none;
  rcp_buf q;
  rcp__buf_init(&q, 1 << 16);
  rcp__buf_adds(&q, "SELECT " STORY_COLS " FROM stories s WHERE s.merged_into IS NULL"
                    " AND s.n_articles > 0");
  rcp_story_where w;
  int rc = rcp__story_where(&q, f, &w);
  if (rc != RCP_OK) { rcp__buf_free(&q); return rc; }
  rcp__buf_adds(&q, " ORDER BY s.last_pub IS NULL, s.last_pub DESC, s.id DESC");
  if (f->limit > 0 || f->offset > 0) rcp__buf_adds(&q, " LIMIT ?9 OFFSET ?10");
  sqlite3_stmt *st;
  RCP_TRY(rcp__story_where_prepare(s, &q, f, &w, &st));
  if (f->limit > 0 || f->offset > 0) {
    sqlite3_bind_int(st, 9, f->limit > 0 ? f->limit : -1);
    sqlite3_bind_int(st, 10, f->offset > 0 ? f->offset : 0);
  }
  size_t cap = 0;
  int sr;
  while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
    if (*n == cap) {
      size_t nc = cap ? cap * 2 : 16;
      rcp_story_row *p = rcp__realloc(*rows, nc * sizeof *p);
      if (!p) { rc = RCP_ENOMEM; break; }
      *rows = p; cap = nc;
    }
    rc = story_row(st, &(*rows)[*n]);
    (*n)++;
    if (rc != RCP_OK) break;
  }
  if (rc == RCP_OK && sr != SQLITE_DONE) rc = rcp__store_fail(s, "list stories");
  sqlite3_finalize(st);
  rcp__story_where_free(&w);
  if (rc != RCP_OK) { rcp__story_rows_free(*rows, *n); *rows = NULL; *n = 0; }
  return rc;
}

void rcp__article_rows_free(rcp_article_row *rows, size_t n) {
  if (!rows) return;
  for (size_t i = 0; i < n; i++) {
    rcp_article_row *r = &rows[i];
    rcp__free(r->ext_id); rcp__free(r->source); rcp__free(r->url); rcp__free(r->site);
    rcp__free(r->title); rcp__free(r->published); rcp__free(r->author);
    rcp__free(r->credited_source);
  }
  rcp__free(rows);
}

int rcp__store_story_article_rows(rcp_store *s, int64_t story, rcp_article_row **rows, size_t *n) {
  *rows = NULL;
  *n = 0;
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s,
    "SELECT a.id, a.pub_time, a.ext_id, a.source, a.url, a.site, a.title, a.published, a.author,"
    " a.credited_source FROM story_articles sa JOIN articles a ON a.id=sa.article"
    " WHERE sa.story=? ORDER BY a.pub_time IS NULL, a.pub_time, a.id", &st));
  sqlite3_bind_int64(st, 1, story);
  size_t cap = 0;
  int rc = RCP_OK, sr;
  while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
    if (*n == cap) {
      size_t nc = cap ? cap * 2 : 16;
      rcp_article_row *p = rcp__realloc(*rows, nc * sizeof *p);
      if (!p) { rc = RCP_ENOMEM; break; }
      *rows = p; cap = nc;
    }
    rcp_article_row *r = &(*rows)[(*n)++];
    memset(r, 0, sizeof *r);
    r->rowid = sqlite3_column_int64(st, 0);
    r->pub_time = int_or_min(st, 1);
    r->ext_id = dup_col(st, 2); r->source = dup_col(st, 3); r->url = dup_col(st, 4);
    r->site = dup_col(st, 5); r->title = dup_col(st, 6); r->published = dup_col(st, 7);
    r->author = dup_col(st, 8); r->credited_source = dup_col(st, 9);
    if (!r->ext_id) { rc = RCP_ENOMEM; break; }
  }
  if (rc == RCP_OK && sr != SQLITE_DONE) rc = rcp__store_fail(s, "read story articles");
  rcp__store_done(s, st);
  if (rc != RCP_OK) { rcp__article_rows_free(*rows, *n); *rows = NULL; *n = 0; }
  return rc;
}

int rcp__store_story_links(rcp_store *s, int64_t story, rcp_story_link **links, size_t *n) {
  *links = NULL;
  *n = 0;
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s,
    "SELECT CASE WHEN a=?1 THEN b ELSE a END, kind, score FROM story_links"
    " WHERE a=?1 OR b=?1 ORDER BY 1, 2", &st));
  sqlite3_bind_int64(st, 1, story);
  size_t cap = 0;
  int rc = RCP_OK, sr;
  while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
    if (*n == cap) {
      size_t nc = cap ? cap * 2 : 8;
      rcp_story_link *p = rcp__realloc(*links, nc * sizeof *p);
      if (!p) { rc = RCP_ENOMEM; break; }
      *links = p; cap = nc;
    }
    rcp_story_link *l = &(*links)[(*n)++];
    l->other = sqlite3_column_int64(st, 0);
    snprintf(l->kind, sizeof l->kind, "%s", (const char *)sqlite3_column_text(st, 1));
    l->score = sqlite3_column_double(st, 2);
  }
  if (rc == RCP_OK && sr != SQLITE_DONE) rc = rcp__store_fail(s, "read story links");
  rcp__store_done(s, st);
  if (rc != RCP_OK) { rcp__free(*links); *links = NULL; *n = 0; }
  return rc;
}
