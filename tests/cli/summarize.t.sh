#!/bin/sh
# summarize.t.sh -- `recoupe summarize`: text and JSONL modes, errors.
. "$(dirname "$0")/lib.sh"

run summarize --sentences 2 "$DATA/digest/fr1.txt"
expect_rc 0 "summarizes a French text file"
expect_out "12 000 foyers" "keeps the lead fact"
expect_no_out "Lire aussi" "drops boilerplate"

run summarize "$DATA/digest/fr1.txt" "$DATA/digest/en1.txt"
expect_rc 0 "two files"
expect_out "== " "names each page when there are several"

run summarize --jsonl --sentences 1 "$DATA/digest/in.jsonl"
expect_rc 1 "bad lines make the exit status 1"
expect_out '{"id":"a1","summary":"' "writes id and summary"
expect_out '{"id":2,' "keeps a numeric id"
expect_out '"id":"x"' "reads the body field"
expect_err "in.jsonl:3: invalid JSON" "names the bad line"
expect_err 'in.jsonl:5: no "text" field' "names the line without text"
[ "$(echo "$out" | wc -l)" -eq 3 ] && pass "one line per good record" || fail "one line per good record" "$out"

run_stdin "$DATA/digest/in.jsonl" summarize --jsonl -
expect_out '"id":"a1"' "reads standard input"

run summarize --sentences 0 x
expect_rc 2 "--sentences 0 is a usage error"
run summarize --bogus
expect_rc 2 "unknown option"
run summarize
expect_rc 2 "no input"
printf '' > "$TMP/empty.jsonl"
run summarize --jsonl "$TMP/empty.jsonl"
expect_rc 0 "empty JSONL gives nothing"
run summarize --jsonl "$TMP/missing.jsonl"
expect_rc 1 "missing file fails"
finish
