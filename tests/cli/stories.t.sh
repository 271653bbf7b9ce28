#!/bin/sh
# stories.t.sh -- `recoupe stories` and `recoupe show`: usage errors, a
# missing store, an empty store, and (once `recoupe add` works) the stories
# of tests/data/cluster/events.jsonl.
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
finish
