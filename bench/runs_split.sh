#!/bin/sh
# runs_split.sh -- does `recoupe add` in several runs give the same store as
# one run?  Adds the OrangeSum 2020 stream (13,869 articles, ../shared/data)
# to one store in one run, then to other stores in several runs split at
# given line numbers, and compares with sqlite3, by record id (not row id):
#   - relations: rows (a, b, kind, score rounded to 1e-6, direction) of one
#     store missing from the other, each way;
#   - stories: the story of each article, as the set of its members (named
#     by its first member); stories of the one-run store whose member set is
#     not a story of the other store, articles whose story differs, and
#     articles whose story has another id (s<id>) in the other store.
# Reports counts measured in this run; never pass/fail.
#
#   sh bench/runs_split.sh [SPLITS...]
# SPLITS: comma-separated line numbers where a new run starts; default
# "5000,10000" (three runs of 5,000 / 5,000 / 3,869 pages), "6913" and
# "2,300,7777" (a first run of one page, then split points inside a batch of 256 pages).
set -eu
cd "$(dirname "$0")/.."
DATA=../shared/data/orangesum/stream_2020.jsonl.gz
[ -f "$DATA" ] || { echo "runs_split: $DATA not found (the shared data sets are needed)"; exit 0; }
B=${BUILD:-build}
[ -x "$B/recoupe" ] || make --no-print-directory all >/dev/null
command -v sqlite3 >/dev/null || { echo "runs_split: sqlite3 is needed"; exit 0; }
OUT=bench/out/runs
mkdir -p "$OUT"
[ $# -gt 0 ] || set -- 5000,10000 6913 2,300,7777
gzip -dc "$DATA" > "$OUT/stream.jsonl"
total=$(wc -l < "$OUT/stream.jsonl")

fresh() { rm -f "$1" "$1-wal" "$1-shm"; }
add() {   # add DB FILE: one run; prints its CPU time
  /usr/bin/time -f '%U %S' -o "$OUT/time" "$B/recoupe" --quiet add --db "$1" "$2"
  awk '{ printf "%.2f", $1 + $2 }' "$OUT/time"
}

one=$OUT/one.db
fresh "$one"
cpu=$(add "$one" "$OUT/stream.jsonl")
echo "one run: $total pages, cpu $cpu s, $(sqlite3 "$one" 'SELECT count(*) FROM relations') relations," \
     "$(sqlite3 "$one" 'SELECT count(DISTINCT story) FROM story_articles') stories"

for splits in "$@"; do
  db=$OUT/split.db
  fresh "$db"
  from=1 cpus=""
  for to in $(echo "$splits" | tr ',' ' ') $((total + 1)); do
    sed -n "${from},$((to - 1))p" "$OUT/stream.jsonl" > "$OUT/part.jsonl"
    cpus="$cpus $(add "$db" "$OUT/part.jsonl")"
    from=$to
  done
  sqlite3 "$db" <<SQL > "$OUT/cmp.txt"
ATTACH '$one' AS o;
CREATE TEMP VIEW rel_s AS SELECT x.ext_id AS a, y.ext_id AS b, kind, round(score, 6) AS score, direction
  FROM main.relations r JOIN main.articles x ON x.id = r.a JOIN main.articles y ON y.id = r.b;
CREATE TEMP VIEW rel_o AS SELECT x.ext_id AS a, y.ext_id AS b, kind, round(score, 6) AS score, direction
  FROM o.relations r JOIN o.articles x ON x.id = r.a JOIN o.articles y ON y.id = r.b;
-- each article's story, named by the story's first member (record id)
CREATE TEMP TABLE st_s AS SELECT x.ext_id AS art, (SELECT y.ext_id FROM main.story_articles m
  JOIN main.articles y ON y.id = m.article WHERE m.story = sa.story ORDER BY m.article LIMIT 1) AS first
  FROM main.story_articles sa JOIN main.articles x ON x.id = sa.article;
CREATE TEMP TABLE st_o AS SELECT x.ext_id AS art, (SELECT y.ext_id FROM o.story_articles m
  JOIN o.articles y ON y.id = m.article WHERE m.story = sa.story ORDER BY m.article LIMIT 1) AS first
  FROM o.story_articles sa JOIN o.articles x ON x.id = sa.article;
CREATE TEMP TABLE sets_s AS SELECT first, group_concat(art, ' ') AS members
  FROM (SELECT * FROM st_s ORDER BY first, art) GROUP BY first;
CREATE TEMP TABLE sets_o AS SELECT first, group_concat(art, ' ') AS members
  FROM (SELECT * FROM st_o ORDER BY first, art) GROUP BY first;
SELECT (SELECT count(*) FROM rel_o), (SELECT count(*) FROM rel_s),
  (SELECT count(*) FROM (SELECT * FROM rel_o EXCEPT SELECT * FROM rel_s)),
  (SELECT count(*) FROM (SELECT * FROM rel_s EXCEPT SELECT * FROM rel_o)),
  (SELECT count(*) FROM sets_o), (SELECT count(*) FROM sets_s),
  (SELECT count(*) FROM (SELECT members FROM sets_o EXCEPT SELECT members FROM sets_s)),
  (SELECT count(*) FROM st_o JOIN st_s USING (art) WHERE st_o.first <> st_s.first),
  (SELECT count(*) FROM o.articles), (SELECT count(*) FROM main.articles),
  (SELECT count(*) FROM o.story_articles x JOIN o.articles ax ON ax.id = x.article
     JOIN main.articles ay ON ay.ext_id = ax.ext_id JOIN main.story_articles y ON y.article = ay.id
     WHERE x.story <> y.story);
SQL
  IFS='|' read -r ro rs ro_only rs_only so ss so_only art_diff ao as id_diff < "$OUT/cmp.txt"
  echo "runs split at $splits: articles $as (one run $ao), cpu per run:$cpus s"
  echo "  relations: $rs (one run $ro); only in one run: $ro_only; only in split runs: $rs_only"
  echo "  stories: $ss (one run $so); of one run's stories, not in the split store: $so_only;" \
       "articles in another story: $art_diff; articles whose story has another id: $id_diff"
  if [ "$ro_only" -gt 0 ] || [ "$rs_only" -gt 0 ]; then
    sqlite3 "$db" "ATTACH '$one' AS o;
      SELECT '  one run only: ' || x.ext_id || ' -> ' || y.ext_id || ' ' || kind || ' ' || round(score, 3)
        FROM o.relations r JOIN o.articles x ON x.id = r.a JOIN o.articles y ON y.id = r.b
      EXCEPT SELECT '  one run only: ' || x.ext_id || ' -> ' || y.ext_id || ' ' || kind || ' ' || round(score, 3)
        FROM main.relations r JOIN main.articles x ON x.id = r.a JOIN main.articles y ON y.id = r.b
      LIMIT 10;
      SELECT '  split only: ' || x.ext_id || ' -> ' || y.ext_id || ' ' || kind || ' ' || round(score, 3)
        FROM main.relations r JOIN main.articles x ON x.id = r.a JOIN main.articles y ON y.id = r.b
      EXCEPT SELECT '  split only: ' || x.ext_id || ' -> ' || y.ext_id || ' ' || kind || ' ' || round(score, 3)
        FROM o.relations r JOIN o.articles x ON x.id = r.a JOIN o.articles y ON y.id = r.b
      LIMIT 10;"
  fi
done
rm -f "$OUT/stream.jsonl" "$OUT/part.jsonl"
