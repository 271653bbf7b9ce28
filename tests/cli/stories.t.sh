#!/bin/sh
# stories.t.sh -- `recoupe stories` and `recoupe show`: usage errors, a
# missing store, an empty store, the stories of tests/data/cluster/events.jsonl,
# the same place months apart (examples/gard-orage-juillet, examples/gard-crues:
# two stories, one storyline, the same in one `add` or two), and a merge
# (tests/data/cluster/merge.jsonl, one `add` a page: the older id survives and
# `show` of the merged-away id still answers).
. "$(dirname "$0")/lib.sh"

run stories --db "$TMP/none.db"
expect_rc 1 "stories: a missing store is an error"
expect_err "no store" "stories: says there is no store"

run show
expect_rc 2 "show: no story is a usage error"

run show --db "$TMP/none.db" s1
expect_rc 1 "show: a missing store is an error"

run stories --bogus
expect_rc 2 "stories: an unknown option is a usage error"

: > "$TMP/empty.db"
run stories --db "$TMP/empty.db"
expect_rc 0 "stories: an empty store lists nothing"
expect "[ -z \"\$out\" ]" "stories: no output for no stories"

run stories --db "$TMP/empty.db" --json
expect_rc 0 "stories --json: empty store"
expect "[ \"\$out\" = '[]' ]" "stories --json: an empty array"

run stories --db "$TMP/empty.db" --since yesterday
expect_rc 2 "stories --since: a bad date is a usage error"

run show --db "$TMP/empty.db" s1
expect_rc 1 "show: an unknown story is an error"
expect_err "no story s1" "show: names the story"

# With `recoupe add` (the pipeline), the stories of the fixture.
run add --db "$TMP/ev.db" "$DATA/cluster/events.jsonl"
if [ "$rc" -eq 0 ]; then
  run stories --db "$TMP/ev.db" --json
  expect_rc 0 "stories --json after add"
  expect_out '"id": "ma1"' "stories --json: lists the articles by record id"
  run stories --db "$TMP/ev.db"
  expect_rc 0 "stories after add"
  expect_out "s1 " "stories: one line per story"
  run show --db "$TMP/ev.db" ma1
  expect_rc 0 "show ARTICLE: the story of an article"
  expect_out "lemonde.fr" "show: the sites"
  run show --db "$TMP/ev.db" --json s1
  expect_rc 0 "show --json"
  expect_out '"related_stories"' "show --json: the contract's keys"
fi
# expect_flat TEXT WHAT: stdout, without blanks and newlines, holds TEXT
expect_flat() {
  flat=$(printf '%s' "$out" | tr -d ' \n')
  case "$flat" in *"$1"*) pass "$2" ;; *) fail "$2" "stdout lacks '$1'" ;; esac
}

# The same place and kind of event three months apart: two stories, linked.
run add --db "$TMP/gard1.db" "$EX/gard-orage-juillet" "$EX/gard-crues"
expect_rc 0 "add: the two Gard stories in one run"
run stories --db "$TMP/gard1.db"
expect_rc 0 "stories: the Gard store"
expect "[ \"\$(echo \"\$out\" | wc -l)\" -eq 2 ]" "stories: July storm and October floods are two stories"
expect_out "2026-07-09    2 articles" "stories: the July story has the two July pages"
expect_out "2026-10-13    5 articles" "stories: the October story has the five October pages"
one=$out
run show --db "$TMP/gard1.db" --json "$EX/gard-orage-juillet/radio-cevennes-orage.txt"
expect_rc 0 "show: the July story by one of its pages"
expect_flat '"related_stories":[{"id":"s2","kind":"storyline"}]' "show: July is linked to October as a storyline"
run show --db "$TMP/gard1.db" --json s2
expect_flat '"related_stories":[{"id":"s1","kind":"storyline"}]' "show: October is linked to July as a storyline"
# the same pages in two runs (July today, October tomorrow) give the same stories
run add --db "$TMP/gard2.db" "$EX/gard-orage-juillet"
expect_rc 0 "add: July alone"
run add --db "$TMP/gard2.db" "$EX/gard-crues"
expect_rc 0 "add: October in a second run"
run stories --db "$TMP/gard2.db"
expect "[ \"\$out\" = \"\$one\" ]" "stories: two runs give the stories of one run"
run show --db "$TMP/gard2.db" --json s2
expect_flat '"related_stories":[{"id":"s1","kind":"storyline"}]' "show: the storyline across two runs"

# A merge: a page a run; the fourth page bridges the first two stories.
i=1
while [ $i -le 4 ]; do
  sed -n "${i}p" "$DATA/cluster/merge.jsonl" > "$TMP/m$i.jsonl"
  run add --db "$TMP/merge.db" "$TMP/m$i.jsonl"
  i=$((i + 1))
done
expect_rc 0 "add: four runs of one page"
run stories --db "$TMP/merge.db"
expect "[ \"\$(echo \"\$out\" | wc -l)\" -eq 1 ]" "stories: the two stories were merged into one"
expect_out "s1 " "stories: the older id survives"
run show --db "$TMP/merge.db" s2
expect_rc 0 "show: the merged-away id still answers"
expect_out "(s2 was merged into s1)" "show: says where it went"
expect_out "m2" "show: with the merged story's articles"
run show --db "$TMP/merge.db" --json s2
expect_flat '{"id":"s1","title"' "show --json: the merged-away id resolves to the survivor"
finish
