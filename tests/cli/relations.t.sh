# relations.t.sh -- the relations of each article in stories.json and in
# `recoupe show`, on examples/: the copies of the Courrier du Gard article
# (examples/gard-crues) relate to it as duplicate or near_duplicate, the
# rewrite as `rewrite`, each naming the original.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

run add --db "$TMP/ex.db" examples/
expect_rc 0 "add examples/"
run stories --db "$TMP/ex.db" --json
expect_rc 0 "stories --json"
echo "$out" > "$TMP/stories.json"
G=examples/gard-crues
check() {  # check ARTICLE "KINDS" TO "what"
  if python3 - "$TMP/stories.json" "$G/$1" "$2" "$G/$3" <<'PY'
import json, sys
stories, art, kinds, to = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3].split(), sys.argv[4]
for s in stories:
    for a in s["articles"]:
        if a["id"] == art:
            ok = [r for r in a["relations"]
                  if r["to"] == to and r["kind"] in kinds and r["original"] == to and 0 < r["score"] <= 1]
            sys.exit(0 if ok else 1)
sys.exit(1)
PY
  then pass "$4"; else fail "$4" "$(grep -o "\"id\": \"$G/$1\"" "$TMP/stories.json")"; fi
}
check infos-express-crues.html "duplicate near_duplicate" courrier-du-gard-crues.html \
  "the verbatim copy is a duplicate of the original"
check actu-flash-crues.html "duplicate near_duplicate" courrier-du-gard-crues.html \
  "the copy with another headline is a near_duplicate of the original"
check journal-du-sud-crues.html "rewrite" courrier-du-gard-crues.html \
  "the rewrite in other words is a rewrite of the original"
check radio-cevennes-crues.txt "update" courrier-du-gard-crues.html \
  "the later plain-text version with a paragraph of new figures is an update"
# the reverse side: the original lists its copies, and is their original
expect "python3 -c 'import json,sys
a=[a for s in json.load(open(sys.argv[1])) for a in s[\"articles\"] if a[\"id\"].endswith(\"courrier-du-gard-crues.html\")][0]
sys.exit(0 if len(a[\"relations\"]) >= 4 and all(r[\"original\"] == a[\"id\"] for r in a[\"relations\"]) else 1)' '$TMP/stories.json'" \
  "the original lists its four derived pages"
# the July storm page of another story is not related to the October floods
expect "python3 -c 'import json,sys
a=[a for s in json.load(open(sys.argv[1])) for a in s[\"articles\"] if \"gard-orage-juillet\" in a[\"id\"]]
sys.exit(0 if a and not any(\"gard-crues\" in r[\"to\"] for x in a for r in x[\"relations\"]) else 1)' '$TMP/stories.json'" \
  "pages of another event are not related"

# `recoupe dedup` gives the same relations whatever the order of the files:
# the page published first is the one the others derive from
run dedup $G
expect_rc 0 "dedup examples/gard-crues"
for p in "infos-express-crues.html <- $G/courrier-du-gard-crues.html  duplicate" \
         "actu-flash-crues.html <- $G/courrier-du-gard-crues.html  duplicate" \
         "journal-du-sud-crues.html <- $G/courrier-du-gard-crues.html  rewrite" \
         "radio-cevennes-crues.txt <- $G/courrier-du-gard-crues.html  update"; do
  expect_out "$p" "dedup: ${p%% *} derives from the original"
done

run show --db "$TMP/ex.db" "$G/journal-du-sud-crues.html"
expect_rc 0 "show an article's story"
expect_out "rewrite of $G/courrier-du-gard-crues.html" "show prints the relations"
# One `recoupe add` per page gives the relations of one `recoupe add` of
# all of them: each run reloads the index, the rewrite window (sampled
# anchors, headline keys) and the word frequencies the rewrite scores use.
files=$(ls "$G" | sed "s|^|$G/|")
run add --db "$TMP/one.db" $files
expect_rc 0 "add the gard-crues pages in one run"
for f in $files; do "$RECOUPE" add --db "$TMP/runs.db" "$f" >/dev/null 2>&1 || fail "add $f in its own run"; done
rels() { sqlite3 "$1" "SELECT x.ext_id, y.ext_id, kind, round(score, 6), direction FROM relations r
  JOIN articles x ON x.id = r.a JOIN articles y ON y.id = r.b ORDER BY 1, 2"; }
rels "$TMP/one.db" > "$TMP/rels-one.txt"
rels "$TMP/runs.db" > "$TMP/rels-runs.txt"
expect "grep -q 'journal-du-sud-crues.html|$G/[a-z-]*crues.html|rewrite' '$TMP/rels-one.txt'" \
  "one run: the rewrite is related"
expect "grep -q 'journal-du-sud-crues.html|$G/[a-z-]*crues.html|rewrite' '$TMP/rels-runs.txt'" \
  "a run per page: the rewrite of a page of an earlier run is related"
expect "[ -s '$TMP/rels-one.txt' ] && cmp -s '$TMP/rels-one.txt' '$TMP/rels-runs.txt'" \
  "a run per page: the same relations, kinds and scores as one run"
# A store written before the window was kept (no anchors, no headline
# keys, no word frequencies): the window's pages are analysed again from
# their stored text, and the rewrite is still found.
for f in $(echo "$files" | grep -v journal-du-sud); do
  "$RECOUPE" add --db "$TMP/old.db" "$f" >/dev/null 2>&1 || fail "add $f to the old store"
done
sqlite3 "$TMP/old.db" "UPDATE relate_pages SET anch = NULL, title = NULL; DELETE FROM relate_state"
run add --db "$TMP/old.db" "$G/journal-du-sud-crues.html"
expect_rc 0 "add the rewrite to a store without the window columns"
expect "rels '$TMP/old.db' | grep -q 'journal-du-sud-crues.html|$G/[a-z-]*crues.html|rewrite'" \
  "a store without the window columns: the rewrite is related"
finish
