# usage.t.sh -- global options, help, usage errors and exit codes.
. "$(dirname "$0")/lib.sh"

run --version
expect_rc 0 "--version exits 0"
expect_out "recoupe 0." "--version prints the version"

run help
expect_rc 0 "help exits 0"
for c in add run stories show extract dedup summarize serve; do
  expect_out "  $c " "help lists $c"
done

run help add
expect_out "usage: recoupe add" "help COMMAND prints its usage"

run
expect_rc 2 "no command is a usage error"

run frobnicate
expect_rc 2 "unknown command exits 2"
expect_err "no such command: frobnicate" "unknown command is named"

run add
expect_rc 2 "add without input exits 2"
expect_err "usage: recoupe add" "add without input prints its usage"

run add --bogus x
expect_rc 2 "unknown option exits 2"
expect_err "unknown option --bogus" "unknown option is named"

run run examples
expect_rc 2 "run without --out exits 2"

run extract
expect_rc 2 "extract without input exits 2"

run --threads
expect_rc 2 "--threads without a value exits 2"

# Numbers given to options are whole numbers >= 0; anything else is named.
for ov in "--threads two" "--threads -1" "--threads 3x"; do
  run $ov stories
  expect_rc 2 "recoupe $ov: usage error"
  expect_err "takes a whole number" "recoupe $ov: says what it wants"
done
for ov in "--min-articles abc" "--min-sources 1.5" "--limit -2" "--limit ''"; do
  eval "run stories --db \"\$TMP/none.db\" $ov"
  expect_rc 2 "stories $ov: usage error, not a silent 0"
done
run stories --db "$TMP/none.db" --min-articles abc
expect_err "--min-articles takes a whole number >= 0, not 'abc'" "stories: the bad value is named"
run add --threads two x
expect_rc 2 "add --threads two: usage error"

# Every command answers --help (and -h) with its usage and options, exit 0.
for c in add run stories show extract dedup summarize serve; do
  run $c --help
  expect_rc 0 "$c --help exits 0"
  expect_out "usage: recoupe $c" "$c --help prints its usage on stdout"
done
run stories -h
expect_out "--min-sources N" "stories -h lists every option"
run help stories
expect_out "--until" "help stories lists every option"

finish
