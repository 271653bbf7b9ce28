# ingest.t.sh -- the reader through the real binary: `recoupe extract --json`
# on the fixtures of tests/data/ingest.  Every bad input gives one line on
# stderr naming the file (and the offset inside it), the rest is still read;
# exit 1 only when nothing could be read.
. "$(dirname "$0")/lib.sh"
I="$DATA/ingest"

run extract --json "$I/dir"
expect_rc 0 "directory: exit 0"
expect_out '"id":"c1"' "directory: JSONL record inside"
expect_out 'la mairie annonce des travaux' "directory: gzip page inside"
expect_no_out 'hidden file' "directory: hidden file skipped"
expect "[ \$(printf '%s\n' \"\$out\" | grep -c '^{') -eq 6 ]" "directory: six pages"
expect_err 'read 6 pages from 5 files; 0 skipped' "directory: count"

run extract --json "$I/bad/truncated.html.gz" "$I/dir/a.html"
expect_rc 0 "truncated gzip + good page: exit 0"
expect_err "bad/truncated.html.gz@" "truncated gzip: names the file and offset"
expect_err "truncated gzip" "truncated gzip: says why"
expect_out 'Manosque' "truncated gzip: the next file is read"

run extract --json "$I/bad/badline.jsonl"
expect_rc 0 "bad JSON line: exit 0"
expect_err "bad/badline.jsonl@73: bad JSON" "bad JSON line: file, offset, reason"
expect_out '"id":"j1"' "bad JSON line: record before it read"
expect_out '"id":"j3"' "bad JSON line: record after it read"
expect "[ \$(printf '%s\n' \"\$err\" | grep -c badline) -eq 1 ]" "bad JSON line: one message"

run extract --json "$I/bad/nofield.jsonl"
expect_rc 0 "record without text: exit 0"
expect_err "bad/nofield.jsonl: missing field" "record without text: named"
expect_out '"id":"f2"' "record without text: next record read"

run extract --json "$I/bad/cut.jsonl.gz"
expect_rc 0 "gzip cut inside member two: exit 0"
expect_err "bad/cut.jsonl.gz@" "gzip cut: file and offset"
expect_out '"id":"g1"' "gzip cut: first member read"

run extract --json "$I/bad/image.png" "$I/bad/fake.html" "$I/bad/prog"
expect_rc 1 "only binary files: exit 1"
expect_err "bad/fake.html: binary" "binary named .html: named"
expect_err "bad/prog: binary" "ELF: named"
expect_err "3 binary" "binary: counted"

run extract --json "$I/bad/empty.txt"
expect_rc 1 "empty file alone: exit 1"
expect_err "bad/empty.txt: empty" "empty file: named"

run extract --json "$TMP/no/such/file.html" "$I/dir/sub/b.txt"
expect_rc 0 "missing path + good file: exit 0"
expect_err "$TMP/no/such/file.html: unreadable" "missing path: named"

run extract --json "$TMP/no/such/file.html"
expect_rc 1 "missing path alone: exit 1"

mkdir -p "$TMP/loop/a"
ln -s .. "$TMP/loop/a/up"
printf 'Un texte dans une arborescence qui boucle.\n' > "$TMP/loop/a/page.txt"
run extract --json "$TMP/loop"
expect_rc 0 "symlink loop: exit 0"
expect_err "loop/a/up: unreadable: directory symlink loop" "symlink loop: named"
expect "[ \$(printf '%s\n' \"\$err\" | grep -c 'symlink loop') -eq 1 ]" "symlink loop: one message"
expect "[ \$(printf '%s\n' \"\$out\" | grep -c '^{') -eq 1 ]" "symlink loop: the page read once"

run_stdin "$I/stdin/records.jsonl" extract --json -
expect_rc 0 "stdin JSONL: exit 0"
expect_out '"id":"s2"' "stdin JSONL: records read"

run_stdin "$I/stdin/page.html.gz" extract --json -
expect_rc 0 "stdin gzip page: exit 0"
expect_out 'compressée' "stdin gzip page: decompressed"

run extract --json "$I/charset/cp1252.html" "$I/charset/latin1-meta.html" "$I/charset/utf16le-bom.html"
expect_rc 0 "charsets: exit 0"
expect_out 'L’été a été marqué' "windows-1252 page converted"
expect_out 'L’adjoint au maire s’en félicite' "iso-8859-1 meta read as windows-1252"
expect_out 'Élection municipale à Besançon' "UTF-16LE page converted"

run extract --json "$I/warc/multi.warc.gz"
expect_rc 0 "multi-member warc.gz with a malformed record: exit 0"
expect_err "warc/multi.warc.gz@422: bad WARC" "malformed WARC record: file and decompressed offset"
expect_out '"id":"'"$I"'/warc/multi.warc.gz#725"' "record after the malformed one: path#offset id"
expect "[ \$(printf '%s\n' \"\$out\" | grep -c '^{') -eq 2 ]" "multi-member: two pages"

run extract --json "$I/warc/crawl.warc"
expect_rc 0 "WARC crawl: exit 0"
expect_err "read 4 pages from 1 file; 0 skipped" "WARC crawl: images, redirects, requests skipped silently"
expect_out 'le conseil régional vote son budget' "WARC: chunked + gzip HTTP body decoded"

run extract --json "$I/warc/truncated.warc.gz"
expect_rc 0 "truncated warc.gz: exit 0"
expect_err "warc/truncated.warc.gz@" "truncated warc.gz: file and offset"

finish
