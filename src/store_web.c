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
** articles, then highest id.  The filter is rcp__story_where (store.c),
** the same as rcp__store_stories_list's.
*/
#include "store_int.h"

#include <stdlib.h> /* free */
#include <string.h> /* strlen */

int rcp__store_story_briefs(rcp_store *s, const rcp_story_filter *f, char **out) {
  *out = NULL;
  rcp_story_filter none;
  memset(&none, 0, sizeof none);
  if (!f) f = &none;
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
  rcp_story_where w;
  int rc = rcp__story_where(&q, f, &w);
  if (rc != RCP_OK) { rcp__buf_free(&q); return rc; }
#define ORDER " ORDER BY s.last_pub IS NULL, s.last_pub / 86400 DESC, s.n_articles DESC, s.id DESC"
  rcp__buf_adds(&q, ORDER " LIMIT ?9 OFFSET ?10) k JOIN stories s ON s.id = k.id" ORDER ")");
#undef ORDER
  sqlite3_stmt *st;
  RCP_TRY(rcp__story_where_prepare(s, &q, f, &w, &st));
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
  rcp__story_where_free(&w);
  return rc;
}
