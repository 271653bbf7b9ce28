/* store_web.c -- the web UI's story list: one light query (read only, no
** table of its own).
**
** rcp__store_story_briefs answers a page of the story list with what the
** list shows and nothing more: id, title, language, event date, last
** publication, article count, independent sources, first publisher and
** the first key point, read from the story row and a few paths of its
** digest object (json_extract), as a JSON array built by SQLite.  The
** full contract (rcp_stories_json) reads every article row and the whole
** digest of each story, about 4-8 ms a story on the 13,869-article store.
** Two steps keep the cost bounded: the filter and the order pick the
** page's ids over narrow columns, and only those rows have their digest
** read.  Order: newest day of last publication (UTC) first, then most
** articles, then highest id.  The filter conditions mean what they mean in
** rcp__store_stories_list (src/store_cluster.c); keep the two in step.
*/
#include "store_int.h"

#include <stdlib.h> /* free */
#include <string.h> /* strlen */

/* Day start of an ISO date, or INT64_MIN. */
static int64_t iso_day(const char *d) {
  int64_t t = rcp__parse_iso(d);
  return t == INT64_MIN ? t : t - ((t % 86400) + 86400) % 86400;
}

/* "%word%" with LIKE's specials escaped by '\' (rcp__malloc'd; NULL if
** out of memory). */
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

int rcp__store_story_briefs(rcp_store *s, const rcp_story_filter *f, char **out) {
  *out = NULL;
  rcp_story_filter none;
  memset(&none, 0, sizeof none);
  if (!f) f = &none;
  int64_t since = f->since ? iso_day(f->since) : INT64_MIN;
  int64_t until = f->until ? iso_day(f->until) : INT64_MIN;
  if ((f->since && since == INT64_MIN) || (f->until && until == INT64_MIN)) return RCP_EINVAL;
  rcp_buf q;
  rcp__buf_init(&q, 1 << 16);
  rcp__buf_adds(&q,
    "SELECT json_group_array(json(b)) FROM (SELECT json_object("
    "'id', 's' || s.id,"
    "'title', COALESCE(json_extract(s.digest,'$.title'), s.title),"
    "'language', COALESCE(json_extract(s.digest,'$.language'), s.language),"
    "'event_date', COALESCE(json_extract(s.digest,'$.event_date'),"
    "  date(COALESCE(s.event_day, s.first_pub), 'unixepoch')),"
    "'last_published', CASE WHEN s.last_pub IS NULL THEN NULL"
    "  ELSE strftime('%Y-%m-%dT%H:%M:%SZ', s.last_pub, 'unixepoch') END,"
    "'article_count', s.n_articles,"
    "'independent_sources', json_extract(s.digest,'$.independent_sources'),"
    "'source_groups', json_extract(s.digest,'$.source_groups'),"
    "'first_publisher', json_extract(s.digest,'$.first_publisher'),"
    "'key_points', CASE WHEN json_extract(s.digest,'$.key_points[0].text') IS NULL THEN json_array()"
    "  ELSE json_array(json_object('text', json_extract(s.digest,'$.key_points[0].text'))) END,"
    "'summary', CASE WHEN json_extract(s.digest,'$.key_points[0].text') IS NULL"
    "  THEN json_extract(s.digest,'$.summary') END"
    ") AS b FROM (SELECT s.id FROM stories s WHERE s.merged_into IS NULL AND s.n_articles > 0");
  if (f->since) rcp__buf_adds(&q, " AND s.last_pub >= ?1");
  if (f->until) rcp__buf_adds(&q, " AND s.first_pub < ?2");
  if (f->language) rcp__buf_adds(&q, " AND s.language = ?3");
  if (f->min_articles > 0) rcp__buf_adds(&q, " AND s.n_articles >= ?4");
  if (f->site)
    rcp__buf_adds(&q, " AND EXISTS(SELECT 1 FROM story_articles sa JOIN articles a ON a.id=sa.article"
                      " WHERE sa.story=s.id AND a.site = ?5)");
  /* LIKE '%word%' is instr(lower(x), lower(word)) > 0 (both fold ASCII
  ** only) without a lowered copy of every text: a third of the CPU */
  if (f->query)
    rcp__buf_adds(&q, " AND EXISTS(SELECT 1 FROM story_articles sa JOIN articles a ON a.id=sa.article"
                      " WHERE sa.story=s.id AND (a.title LIKE ?6 ESCAPE '\\' OR a.text LIKE ?6 ESCAPE '\\'))");
  /* the raw digest first (cheap), then the entities alone */
  if (f->entity)
    rcp__buf_adds(&q, " AND s.digest LIKE ?11 ESCAPE '\\'"
                      " AND instr(lower(COALESCE(json_extract(s.digest,'$.entities'),'')), lower(?7)) > 0");
  /* no story has more independent sources than articles: the column
  ** first, the digest only for the stories that pass it */
  if (f->min_sources > 0)
    rcp__buf_adds(&q, " AND s.n_articles >= ?8 AND COALESCE(json_extract(s.digest,'$.independent_sources'),"
                      " (SELECT COUNT(DISTINCT COALESCE(a.site, a.url, a.source)) FROM story_articles sa"
                      "  JOIN articles a ON a.id=sa.article WHERE sa.story=s.id)) >= ?8");
#define ORDER " ORDER BY s.last_pub IS NULL, s.last_pub / 86400 DESC, s.n_articles DESC, s.id DESC"
  rcp__buf_adds(&q, ORDER " LIMIT ?9 OFFSET ?10) k JOIN stories s ON s.id = k.id" ORDER ")");
#undef ORDER
  if (q.err) { int e = q.err; rcp__buf_free(&q); return e; }
  sqlite3_stmt *st;
  int rc = rcp__store_prepare(s, q.p, &st);
  rcp__buf_free(&q);
  RCP_TRY(rc);
  if (f->since) sqlite3_bind_int64(st, 1, since);
  if (f->until) sqlite3_bind_int64(st, 2, until + 86400);   /* inclusive day */
  if (f->language) sqlite3_bind_text(st, 3, f->language, -1, SQLITE_STATIC);
  if (f->min_articles > 0) sqlite3_bind_int(st, 4, f->min_articles);
  if (f->site) sqlite3_bind_text(st, 5, f->site, -1, SQLITE_STATIC);
  char *qpat = f->query ? like_pattern(f->query) : NULL;
  char *epat = f->entity ? like_pattern(f->entity) : NULL;
  if ((f->query && !qpat) || (f->entity && !epat)) {
    rcp__free(qpat); rcp__free(epat);
    sqlite3_finalize(st);
    return RCP_ENOMEM;
  }
  if (f->query) sqlite3_bind_text(st, 6, qpat, -1, SQLITE_STATIC);
  if (f->entity) sqlite3_bind_text(st, 7, f->entity, -1, SQLITE_STATIC);
  if (f->entity) sqlite3_bind_text(st, 11, epat, -1, SQLITE_STATIC);
  if (f->min_sources > 0) sqlite3_bind_int(st, 8, f->min_sources);
  sqlite3_bind_int(st, 9, f->limit > 0 ? f->limit : -1);
  sqlite3_bind_int(st, 10, f->offset > 0 ? f->offset : 0);
  if (sqlite3_step(st) == SQLITE_ROW) {
    const char *t = (const char *)sqlite3_column_text(st, 0);
    size_t n = t ? strlen(t) : 0;
    *out = rcp__malloc(n + 3);
    if (!*out) rc = RCP_ENOMEM;
    else if (t) memcpy(*out, t, n + 1);
    else memcpy(*out, "[]", 3);
  } else {
    rc = rcp__store_fail(s, "list stories");
  }
  sqlite3_finalize(st);
  rcp__free(qpat);
  rcp__free(epat);
  return rc;
}
