/* store.c -- the SQLite store: open, schema migrations, transactions,
** articles and metadata.  Other stages keep their tables in store_<stage>.c.
**
** Invariants: one batch of `add` is one transaction, so a crash loses at
** most the batch in flight and never corrupts earlier data (WAL mode,
** synchronous=NORMAL is durable across process crashes; FULL would add
** power-loss durability at the cost of one fsync per batch).  Re-adding a
** page already stored (same record id, or same exact content hash) is
** detected by rcp__store_find_article and changes nothing.  "Same content"
** is the same page as read (raw bytes); the same article text on another
** page (a copy on another site) is a new article, related as a duplicate.
**
** Migrations: `migrations[]` is append-only; the store's user_version is
** the number of migrations applied.  A store newer than this program is
** refused rather than damaged.
*/
#include "store_int.h"

#include <stdio.h>  /* snprintf */
#include <string.h> /* memcpy, strcmp, strlen */

static const char *const migrations[] = {
  /* 1: articles, metadata */
  "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
  "CREATE TABLE articles("
  "  id INTEGER PRIMARY KEY,"           /* row id */
  "  ext_id TEXT NOT NULL UNIQUE,"      /* record id: the JSON \"id\" */
  "  source TEXT, url TEXT, fetched TEXT,"
  "  title TEXT, author TEXT, published TEXT, updated TEXT, pub_time INTEGER,"
  "  site TEXT, canonical TEXT, language TEXT, credited_source TEXT,"
  "  is_html INTEGER, text TEXT NOT NULL,"
  "  hash BLOB NOT NULL,"               /* 16 bytes: XXH3-128 of the normalised text */
  "  raw_hash BLOB NOT NULL,"           /* 16 bytes: XXH3-128 of the page as read */
  "  minhash BLOB, simhash INTEGER,"
  "  added INTEGER NOT NULL"            /* batch sequence number */
  ");"
  "CREATE INDEX articles_hash ON articles(hash);"
  "CREATE INDEX articles_raw_hash ON articles(raw_hash);"
  "CREATE INDEX articles_time ON articles(pub_time);",
  /* 2: stories (stage 6, src/store_cluster.c) */
  "CREATE TABLE stories("
  "  id INTEGER PRIMARY KEY,"           /* shown as \"s<id>\" */
  "  title TEXT, language TEXT,"
  "  first_pub INTEGER, last_pub INTEGER," /* unix seconds, NULL if unknown */
  "  event_day INTEGER,"                /* unix seconds at 00:00 UTC, NULL if unknown */
  "  n_articles INTEGER NOT NULL DEFAULT 0,"
  "  closed INTEGER NOT NULL DEFAULT 0," /* 1: out of the live window (or merged) */
  "  merged_into INTEGER,"              /* the story that absorbed this one */
  "  closed_seq INTEGER,"               /* order in which stories closed */
  "  state BLOB,"                       /* clusterer state of a live story */
  "  digest TEXT"                       /* JSON object written by facts + digest */
  ");"
  "CREATE INDEX stories_live ON stories(closed);"
  "CREATE INDEX stories_last ON stories(last_pub);"
  "CREATE TABLE story_articles(article INTEGER PRIMARY KEY, story INTEGER NOT NULL);"
  "CREATE INDEX story_articles_story ON story_articles(story);"
  "CREATE TABLE story_links(a INTEGER NOT NULL, b INTEGER NOT NULL, kind TEXT NOT NULL,"
  "  score REAL, PRIMARY KEY(a, b, kind));"
  "CREATE INDEX story_links_b ON story_links(b);"
  "CREATE TABLE cluster_state(key TEXT PRIMARY KEY, value BLOB);",  /* document frequencies, counters */
  /* 3: relate (src/store_relate.c): what the relation index reloads, and
  **    the relations (a derives from or relates to the earlier b) */
  "CREATE TABLE relate_pages("
  "  article INTEGER PRIMARY KEY REFERENCES articles(id),"
  "  sig BLOB NOT NULL,"                /* 128 bytes: low byte of each MinHash slot */
  "  nshingles INTEGER NOT NULL, tmin INTEGER, exact INTEGER NOT NULL"
  ");"
  "CREATE TABLE relations("
  "  a INTEGER NOT NULL REFERENCES articles(id),"   /* the page related when it was added */
  "  b INTEGER NOT NULL REFERENCES articles(id),"   /* an earlier page */
  "  kind TEXT NOT NULL, score REAL NOT NULL,"
  "  direction INTEGER NOT NULL,"       /* +1: a derives from b; -1: b derives from a */
  "  PRIMARY KEY(a, b)"
  ");"
  "CREATE INDEX relations_b ON relations(b);",
  /* 4: site templates (src/store_templates.c): pages seen per site key and
  **    per block-of-a-site key (64-bit hashes, src/templates.c) */
  "CREATE TABLE templates(key INTEGER PRIMARY KEY, pages INTEGER NOT NULL);",
  /* 5: relate state across runs (src/store_relate.c): per page, the rewrite
  **    window's sampled anchors (4-byte little-endian words; NULL for a
  **    duplicate, or a page stored before this migration) and headline key;
  **    the document-frequency sketch */
  "ALTER TABLE relate_pages ADD COLUMN anch BLOB;"
  "ALTER TABLE relate_pages ADD COLUMN title INTEGER;"
  "CREATE TABLE relate_state(key TEXT PRIMARY KEY, value BLOB);",
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int rcp__store_fail(rcp_store *s, const char *what) {
  int code = sqlite3_errcode(s->db);
  snprintf(s->errmsg, sizeof s->errmsg, "%s: %s", what, sqlite3_errmsg(s->db));
  if (s->ctx) rcp__err(s->ctx, RCP_EDB, "store: %s", s->errmsg);
  return code == SQLITE_NOMEM ? RCP_ENOMEM : RCP_EDB;
}

const char *rcp__store_errmsg(const rcp_store *s) { return s ? s->errmsg : ""; }

int rcp__store_prepare(rcp_store *s, const char *sql, sqlite3_stmt **st) {
  if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
    return rcp__store_fail(s, "prepare");
  return RCP_OK;
}

int rcp__store_stmt(rcp_store *s, const char *sql, sqlite3_stmt **st) {
  int cached = 0;
  for (int i = 0; i < s->ncache; i++)
    if (strcmp(s->cache[i].sql, sql) == 0) {
      if (s->cache[i].busy) { cached = 1; break; }  /* nested use: an uncached one */
      s->cache[i].busy = 1;
      *st = s->cache[i].st;
      return RCP_OK;
    }
  RCP_TRY(rcp__store_prepare(s, sql, st));
  char *key = !cached && s->ncache < RCP_STMT_CACHE ? rcp__strdup(sql) : NULL;
  if (key) s->cache[s->ncache++] = (rcp_stmt_slot){ key, *st, 1 };
  return RCP_OK;
}

void rcp__store_done(rcp_store *s, sqlite3_stmt *st) {
  if (!st) return;
  for (int i = 0; i < s->ncache; i++)
    if (s->cache[i].st == st) {
      sqlite3_reset(st);
      sqlite3_clear_bindings(st);
      s->cache[i].busy = 0;
      return;
    }
  sqlite3_finalize(st);
}

int rcp__store_blob_get(rcp_store *s, const char *sql, const char *what, const char *key,
                        void **p, size_t *n) {
  *p = NULL;
  *n = 0;
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, sql, &st));
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  int rc = RCP_OK, sr = sqlite3_step(st);
  if (sr == SQLITE_ROW) {
    size_t len = (size_t)sqlite3_column_bytes(st, 0);
    const void *b = sqlite3_column_blob(st, 0);
    *p = rcp__malloc(len ? len : 1);
    if (!*p) rc = RCP_ENOMEM;
    else { if (len) memcpy(*p, b, len); *n = len; }
  } else if (sr != SQLITE_DONE) rc = rcp__store_fail(s, what);
  rcp__store_done(s, st);
  return rc;
}

int rcp__store_blob_put(rcp_store *s, const char *sql, const char *what, const char *key,
                        const void *p, size_t n) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, sql, &st));
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_blob(st, 2, p, (int)n, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  rcp__store_done(s, st);
  return rc == SQLITE_DONE ? RCP_OK : rcp__store_fail(s, what);
}

void rcp__store_bind_text(sqlite3_stmt *st, int i, const char *v) {
  if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
  else sqlite3_bind_null(st, i);
}

int rcp__store_exec(rcp_store *s, const char *sql) {
  char *msg = NULL;
  if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
    snprintf(s->errmsg, sizeof s->errmsg, "%s", msg ? msg : "exec failed");
    if (s->ctx) rcp__err(s->ctx, RCP_EDB, "store: %s", s->errmsg);
    sqlite3_free(msg);
    return RCP_EDB;
  }
  return RCP_OK;
}

static int user_version(rcp_store *s, int *v) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
    return rcp__store_fail(s, "read schema version");
  int rc = sqlite3_step(st);
  *v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
  sqlite3_finalize(st);
  return rc == SQLITE_ROW ? RCP_OK : rcp__store_fail(s, "read schema version");
}

static int migrate(rcp_store *s) {
  int v;
  RCP_TRY(user_version(s, &v));
  if (v > NMIGRATIONS) {
    snprintf(s->errmsg, sizeof s->errmsg,
             "the store has schema version %d, newer than this recoupe (%d); refusing to touch it",
             v, NMIGRATIONS);
    rcp__err(s->ctx, RCP_EDB, "store: %s", s->errmsg);
    return RCP_EDB;
  }
  if (v == NMIGRATIONS) return RCP_OK;
  RCP_TRY(rcp__store_exec(s, "BEGIN IMMEDIATE"));
  for (int i = v; i < NMIGRATIONS; i++) {
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", i + 1);
    if (rcp__store_exec(s, migrations[i]) != RCP_OK || rcp__store_exec(s, pragma) != RCP_OK) {
      sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
      return RCP_EDB;
    }
  }
  return rcp__store_exec(s, "COMMIT");
}

int rcp__store_open(rcp_ctx *ctx, const char *path, rcp_store **out) {
  *out = NULL;
  rcp_store *s = rcp__calloc(1, sizeof *s);
  if (!s) return RCP_ENOMEM;
  s->ctx = ctx;
  int rc = RCP_OK;
  if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                      SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK) {
    rc = rcp__err(ctx, RCP_EDB, "cannot open store %s: %s", path,
                  s->db ? sqlite3_errmsg(s->db) : "out of memory");
    goto out;
  }
  sqlite3_busy_timeout(s->db, 10000);
  /* A file that is not a database fails here with "file is not a database". */
  if (rcp__store_exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                         "PRAGMA foreign_keys=ON;") != RCP_OK) {
    rc = rcp__err(ctx, RCP_EDB, "cannot use store %s: %s", path, s->errmsg);
    goto out;
  }
  rc = migrate(s);
  if (rc != RCP_OK) rcp__err(ctx, rc, "cannot use store %s: %s", path, s->errmsg);
out:
  if (rc != RCP_OK) { rcp__store_close(s); return rc; }
  *out = s;
  return RCP_OK;
}

void rcp__store_close(rcp_store *s) {
  if (!s) return;
  if (s->in_tx) rcp__store_rollback(s);
  for (int i = 0; i < s->ncache; i++) {
    sqlite3_finalize(s->cache[i].st);
    rcp__free(s->cache[i].sql);
  }
  sqlite3_close_v2(s->db);
  rcp__free(s);
}

int rcp__store_begin(rcp_store *s) {
  RCP_TRY(rcp__store_exec(s, "BEGIN IMMEDIATE"));
  s->in_tx = 1;
  return RCP_OK;
}

int rcp__store_commit(rcp_store *s) {
  int rc = rcp__store_exec(s, "COMMIT");
  if (rc == RCP_OK) s->in_tx = 0;
  return rc;
}

void rcp__store_rollback(rcp_store *s) {
  sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  s->in_tx = 0;
}

int64_t rcp__store_find_article(rcp_store *s, const char *ext_id, const uint64_t hash[2]) {
  sqlite3_stmt *st;
  int64_t id = 0;
  if (ext_id) {
    if (rcp__store_stmt(s, "SELECT id FROM articles WHERE ext_id=?", &st) != RCP_OK) return 0;
    sqlite3_bind_text(st, 1, ext_id, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
    rcp__store_done(s, st);
    if (id) return id;
  }
  if (hash) {
    unsigned char h[16];
    for (int i = 0; i < 8; i++) { h[i] = (unsigned char)(hash[0] >> (56 - 8 * i)); h[8 + i] = (unsigned char)(hash[1] >> (56 - 8 * i)); }
    if (rcp__store_stmt(s, "SELECT id FROM articles WHERE raw_hash=? ORDER BY id LIMIT 1", &st) != RCP_OK) return 0;
    sqlite3_bind_blob(st, 1, h, 16, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
    rcp__store_done(s, st);
  }
  return id;
}

int rcp__store_put_article(rcp_store *s, rcp_doc *d) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s,
    "INSERT INTO articles(ext_id,source,url,fetched,title,author,published,updated,pub_time,"
    "site,canonical,language,credited_source,is_html,text,hash,minhash,simhash,raw_hash,added)"
    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
    " (SELECT COALESCE(CAST(value AS INTEGER),0) FROM meta WHERE key='batch'))", &st));
  const char *lang = d->language ? d->language : d->lang;
  rcp__store_bind_text(st, 1, d->id);
  rcp__store_bind_text(st, 2, d->source);
  rcp__store_bind_text(st, 3, d->url);
  rcp__store_bind_text(st, 4, d->fetched);
  rcp__store_bind_text(st, 5, d->title);
  rcp__store_bind_text(st, 6, d->author);
  rcp__store_bind_text(st, 7, d->published);
  rcp__store_bind_text(st, 8, d->updated);
  if (d->pub_time != INT64_MIN) sqlite3_bind_int64(st, 9, d->pub_time); else sqlite3_bind_null(st, 9);
  rcp__store_bind_text(st, 10, d->site);
  rcp__store_bind_text(st, 11, d->canonical);
  rcp__store_bind_text(st, 12, lang);
  rcp__store_bind_text(st, 13, d->credited_source);
  sqlite3_bind_int(st, 14, d->is_html);
  sqlite3_bind_text(st, 15, d->text ? d->text : "", d->text ? (int)d->text_len : 0, SQLITE_TRANSIENT);
  unsigned char h[16], mh[RCP_MINHASH_K * 4];
  for (int i = 0; i < 8; i++) { h[i] = (unsigned char)(d->fp.exact[0] >> (56 - 8 * i)); h[8 + i] = (unsigned char)(d->fp.exact[1] >> (56 - 8 * i)); }
  sqlite3_bind_blob(st, 16, h, 16, SQLITE_TRANSIENT);
  for (int i = 0; i < RCP_MINHASH_K; i++)   /* little-endian, the same on every machine */
    for (int k = 0; k < 4; k++) mh[4 * i + k] = (unsigned char)(d->fp.minhash[i] >> (8 * k));
  sqlite3_bind_blob(st, 17, mh, sizeof mh, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 18, (sqlite3_int64)d->fp.simhash);
  uint64_t raw[2];
  rcp__doc_page_key(d, raw);
  for (int i = 0; i < 8; i++) { h[i] = (unsigned char)(raw[0] >> (56 - 8 * i)); h[8 + i] = (unsigned char)(raw[1] >> (56 - 8 * i)); }
  sqlite3_bind_blob(st, 19, h, 16, SQLITE_TRANSIENT);
  int rc = sqlite3_step(st);
  rcp__store_done(s, st);
  if (rc != SQLITE_DONE) return rcp__store_fail(s, "insert article");
  d->rowid = sqlite3_last_insert_rowid(s->db);
  return RCP_OK;
}

static const char *col(rcp_arena *a, sqlite3_stmt *st, int i) {
  const unsigned char *t = sqlite3_column_text(st, i);
  return t ? rcp__arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(st, i)) : NULL;
}

int rcp__store_get_article(rcp_store *s, const rcp_ctx *ctx, int64_t rowid, rcp_doc **out) {
  *out = NULL;
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s,
    "SELECT ext_id,source,url,fetched,title,author,published,updated,pub_time,site,canonical,"
    "language,credited_source,is_html,text,hash,minhash,simhash FROM articles WHERE id=?", &st));
  sqlite3_bind_int64(st, 1, rowid);
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    rcp__store_done(s, st);
    return rc == SQLITE_DONE ? RCP_ENOTFOUND : rcp__store_fail(s, "read article");
  }
  rcp_page p;
  memset(&p, 0, sizeof p);
  const char *text = (const char *)sqlite3_column_text(st, 14);
  p.body = text ? text : "";
  p.body_len = (size_t)sqlite3_column_bytes(st, 14);
  p.id = (const char *)sqlite3_column_text(st, 0);
  p.source = (const char *)sqlite3_column_text(st, 1);
  rcp_doc *d = NULL;
  rc = rcp__doc_new(ctx, &p, &d);
  if (rc == RCP_OK) {
    rcp_arena *a = d->arena;
    d->url = col(a, st, 2); d->fetched = col(a, st, 3);
    d->title = col(a, st, 4); d->author = col(a, st, 5);
    d->published = col(a, st, 6); d->updated = col(a, st, 7);
    d->pub_time = sqlite3_column_type(st, 8) == SQLITE_NULL ? INT64_MIN : sqlite3_column_int64(st, 8);
    d->site = col(a, st, 9); d->canonical = col(a, st, 10);
    d->language = col(a, st, 11); d->credited_source = col(a, st, 12);
    d->is_html = sqlite3_column_int(st, 13);
    d->text = d->raw; d->text_len = d->raw_len;   /* stored text is the extracted text */
    const unsigned char *h = sqlite3_column_blob(st, 15);
    if (h && sqlite3_column_bytes(st, 15) == 16)
      for (int i = 0; i < 8; i++) { d->fp.exact[0] = d->fp.exact[0] << 8 | h[i]; d->fp.exact[1] = d->fp.exact[1] << 8 | h[8 + i]; }
    const unsigned char *mh = sqlite3_column_blob(st, 16);
    if (mh && sqlite3_column_bytes(st, 16) == RCP_MINHASH_K * 4) {
      for (int i = 0; i < RCP_MINHASH_K; i++)
        d->fp.minhash[i] = (uint32_t)mh[4 * i] | (uint32_t)mh[4 * i + 1] << 8 |
                           (uint32_t)mh[4 * i + 2] << 16 | (uint32_t)mh[4 * i + 3] << 24;
      d->fp.valid = true;
    }
    d->fp.simhash = (uint64_t)sqlite3_column_int64(st, 17);
    d->rowid = rowid;
  }
  rcp__store_done(s, st);
  if (rc != RCP_OK) return rc;
  *out = d;
  return RCP_OK;
}

int64_t rcp__store_article_count(rcp_store *s) {
  sqlite3_stmt *st;
  if (rcp__store_stmt(s, "SELECT count(*) FROM articles", &st) != RCP_OK) return -1;
  int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  rcp__store_done(s, st);
  return n;
}

int rcp__store_meta_get(rcp_store *s, const char *key, char **out) {
  *out = NULL;
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "SELECT value FROM meta WHERE key=?", &st));
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  int rc = RCP_OK;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
    *out = rcp__strdup((const char *)sqlite3_column_text(st, 0));
    if (!*out) rc = RCP_ENOMEM;
  }
  rcp__store_done(s, st);
  return rc;
}

int rcp__store_meta_set(rcp_store *s, const char *key, const char *value) {
  sqlite3_stmt *st;
  RCP_TRY(rcp__store_stmt(s, "INSERT OR REPLACE INTO meta(key,value) VALUES(?,?)", &st));
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  rcp__store_bind_text(st, 2, value);
  int rc = sqlite3_step(st);
  rcp__store_done(s, st);
  return rc == SQLITE_DONE ? RCP_OK : rcp__store_fail(s, "write meta");
}

/* ---- the story filter as SQL (see store_int.h) ---------------------- */

/* Day start (unix seconds) of an ISO date, or INT64_MIN. */
static int64_t iso_day(const char *d) {
  int64_t t = rcp__parse_iso(d);
  return t == INT64_MIN ? t : t - ((t % 86400) + 86400) % 86400;
}

/* "%word%" with LIKE's specials escaped by '\' (NULL if out of memory). */
static char *like_pattern(const char *w) {
  size_t n = strlen(w);
  char *p = rcp__malloc(2 * n + 3);
  if (!p) return NULL;
  size_t k = 0;
  p[k++] = '%';
  for (size_t i = 0; i < n; i++) {
    if (w[i] == '%' || w[i] == '_' || w[i] == '\\') p[k++] = '\\';
    p[k++] = w[i];
  }
  p[k++] = '%';
  p[k] = 0;
  return p;
}

void rcp__story_where_free(rcp_story_where *w) {
  rcp__free(w->query_like);
  rcp__free(w->entity_like);
  w->query_like = w->entity_like = NULL;
}

int rcp__story_where(rcp_buf *q, const rcp_story_filter *f, rcp_story_where *w) {
  memset(w, 0, sizeof *w);
  w->since = f->since ? iso_day(f->since) : INT64_MIN;
  w->until = f->until ? iso_day(f->until) : INT64_MIN;
  if ((f->since && w->since == INT64_MIN) || (f->until && w->until == INT64_MIN)) return RCP_EINVAL;
  if (f->query && !(w->query_like = like_pattern(f->query))) return RCP_ENOMEM;
  if (f->entity && !(w->entity_like = like_pattern(f->entity))) { rcp__story_where_free(w); return RCP_ENOMEM; }
  if (f->since) rcp__buf_adds(q, " AND s.last_pub >= ?1");
  if (f->until) rcp__buf_adds(q, " AND s.first_pub < ?2");
  if (f->language) rcp__buf_adds(q, " AND s.language = ?3");
  if (f->min_articles > 0) rcp__buf_adds(q, " AND s.n_articles >= ?4");
  if (f->site)
    rcp__buf_adds(q, " AND EXISTS(SELECT 1 FROM story_articles sa JOIN articles a ON a.id=sa.article"
                     " WHERE sa.story=s.id AND a.site = ?5)");
  /* LIKE '%word%' is instr(lower(x), lower(word)) > 0 (both fold ASCII
  ** only) without a lowered copy of every text */
  if (f->query)
    rcp__buf_adds(q, " AND EXISTS(SELECT 1 FROM story_articles sa JOIN articles a ON a.id=sa.article"
                     " WHERE sa.story=s.id AND (a.title LIKE ?6 ESCAPE '\\' OR a.text LIKE ?6 ESCAPE '\\'))");
  /* the raw digest first (cheap), then the entities alone */
  if (f->entity)
    rcp__buf_adds(q, " AND s.digest LIKE ?11 ESCAPE '\\'"
                     " AND instr(lower(COALESCE(json_extract(s.digest,'$.entities'),'')), lower(?7)) > 0");
  /* no story has more independent sources than articles: the column
  ** first, the digest only for the stories that pass it */
  if (f->min_sources > 0)
    rcp__buf_adds(q, " AND s.n_articles >= ?8 AND COALESCE(json_extract(s.digest,'$.independent_sources'),"
                     " (SELECT COUNT(DISTINCT COALESCE(a.site, a.url, a.source)) FROM story_articles sa"
                     "  JOIN articles a ON a.id=sa.article WHERE sa.story=s.id)) >= ?8");
  return RCP_OK;
}

void rcp__story_where_bind(sqlite3_stmt *st, const rcp_story_filter *f, const rcp_story_where *w) {
  if (f->since) sqlite3_bind_int64(st, 1, w->since);
  if (f->until) sqlite3_bind_int64(st, 2, w->until + 86400);   /* inclusive day */
  if (f->language) sqlite3_bind_text(st, 3, f->language, -1, SQLITE_STATIC);
  if (f->min_articles > 0) sqlite3_bind_int(st, 4, f->min_articles);
  if (f->site) sqlite3_bind_text(st, 5, f->site, -1, SQLITE_STATIC);
  if (f->query) sqlite3_bind_text(st, 6, w->query_like, -1, SQLITE_STATIC);
  if (f->entity) {
    sqlite3_bind_text(st, 7, f->entity, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 11, w->entity_like, -1, SQLITE_STATIC);
  }
  if (f->min_sources > 0) sqlite3_bind_int(st, 8, f->min_sources);
}

int rcp__story_where_prepare(rcp_store *s, rcp_buf *q, const rcp_story_filter *f,
                             rcp_story_where *w, sqlite3_stmt **st) {
  int rc = q->err ? q->err : rcp__store_prepare(s, q->p, st);
  rcp__buf_free(q);
  if (rc != RCP_OK) { rcp__story_where_free(w); return rc; }
  rcp__story_where_bind(*st, f, w);
  return RCP_OK;
}
