# store.t.sh -- the store under add: counts, re-adding, bad stores, bad
# paths, and a kill -9 in the middle of a batch.
. "$(dirname "$0")/lib.sh"
DB="$TMP/s.db"
count() { sqlite3 "$1" "SELECT count(*) FROM articles"; }
digest() { sqlite3 "$1" "SELECT group_concat(ext_id || ':' || hex(hash), ',') FROM (SELECT * FROM articles ORDER BY id)" | cksum; }

run add --db "$DB" "$EX"
expect_rc 0 "add examples exits 0"
expect_err "added" "add prints the count of added pages"
n1=$(count "$DB")
expect "[ '$n1' -ge 8 ]" "the example pages are stored ($n1)"
d1=$(digest "$DB")

run add --db "$DB" "$EX"
expect_rc 0 "re-adding exits 0"
expect_err "0 added, $n1 already stored" "re-adding says every page is already stored"
expect "[ '$(count "$DB")' -eq '$n1' ] && [ '$(digest "$DB")' = '$d1' ]" "re-adding changes nothing"

# the same content under another name is a duplicate too
cp "$EX/gard-crues/courrier-du-gard-crues.html" "$TMP/copy-of-courrier.html"
run add --db "$DB" "$TMP/copy-of-courrier.html"
expect_err "1 already stored" "same content under another path is already stored"
expect "[ '$(count "$DB")' -eq '$n1' ]" "and is not stored twice"

run add --db "$DB" "$TMP/does-not-exist.html"
expect_rc 1 "a missing path alone fails"
expect_err "does-not-exist.html" "the missing path is named"
expect "[ '$(digest "$DB")' = '$d1' ]" "the store is intact after a missing path"

run add --db "$DB" "$TMP/does-not-exist.html" "$EX/gard-orage-juillet"
expect_rc 0 "a missing path among good ones does not fail the run"
expect_err "does-not-exist.html" "the missing path is still reported"

printf 'this is not a database, just text\n' > "$TMP/notadb.db"
cp "$TMP/notadb.db" "$TMP/notadb.orig"
run add --db "$TMP/notadb.db" "$EX"
expect_rc 1 "a store that is not a database fails"
expect_err "notadb.db" "the bad store is named"
expect "cmp -s '$TMP/notadb.db' '$TMP/notadb.orig'" "the bad store file is left untouched"

cp "$DB" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version=999"
run add --db "$TMP/newer.db" "$EX"
expect_rc 1 "a store from a newer recoupe is refused"
expect_err "newer than this recoupe" "and says why"

run add --db "$TMP/no-such-dir/x.db" "$EX"
expect_rc 1 "a store in a missing directory fails"
expect_err "x.db" "and names it"

# same input, same store and stories, on any thread count
"$RECOUPE" --quiet --threads 1 add --db "$TMP/t1.db" "$EX"
"$RECOUPE" --quiet --threads 4 add --db "$TMP/t4.db" "$EX"
"$RECOUPE" --db "$TMP/t1.db" stories --json > "$TMP/t1.json" 2>/dev/null
"$RECOUPE" --db "$TMP/t4.db" stories --json > "$TMP/t4.json" 2>/dev/null
expect "[ '$(digest "$TMP/t1.db")' = '$(digest "$TMP/t4.db")' ]" "1 and 4 threads store the same articles"
expect "[ -s '$TMP/t1.json' ] && cmp -s '$TMP/t1.json' '$TMP/t4.json'" "1 and 4 threads give the same stories"

# standard input
run_stdin "$EX/misc/dispatches.jsonl" add --db "$TMP/stdin.db" -
expect_rc 0 "add - reads standard input"
expect "[ '$(count "$TMP/stdin.db")' -eq 5 ]" "the five JSON Lines records of stdin are stored"

# kill -9 in the middle of add: the store keeps whole batches only and a
# second add completes it to the same content as an uninterrupted run.
python3 - "$TMP/big.jsonl" <<'PY'
import json, sys, random
rnd = random.Random(7)
words = ("pluie orage crue rivière préfet maire école route pont quartier foyer électricité "
         "pompier hélicoptère digue vigilance commune habitant gymnase nuit matin soir").split()
with open(sys.argv[1], "w") as f:
    for i in range(6000):
        text = " ".join(rnd.choice(words) for _ in range(300))
        f.write(json.dumps({"id": "big-%d" % i, "text": "Article %d\n\n%s." % (i, text),
                            "published": "2026-10-%02dT10:00:00Z" % (1 + i % 28)}) + "\n")
PY
"$RECOUPE" --quiet add --db "$TMP/kill.db" "$TMP/big.jsonl" 2>/dev/null &
pid=$!
i=0
while [ $i -lt 200 ]; do
  n=$(sqlite3 "$TMP/kill.db" "SELECT count(*) FROM articles" 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 256 ] && break
  sleep 0.05; i=$((i + 1))
done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
n=$(count "$TMP/kill.db")
expect "[ \"\$(sqlite3 '$TMP/kill.db' 'PRAGMA integrity_check')\" = ok ]" "the store passes integrity_check after kill -9"
expect "[ '$n' -lt 6000 ] && [ \$(( $n % 256 )) -eq 0 ]" "only whole batches are stored after kill -9 ($n articles)"
run --quiet add --db "$TMP/kill.db" "$TMP/big.jsonl"
expect_rc 0 "add after kill -9 succeeds"
"$RECOUPE" --quiet add --db "$TMP/clean.db" "$TMP/big.jsonl"
expect "[ '$(count "$TMP/kill.db")' -eq 6000 ] && [ '$(digest "$TMP/kill.db")' = '$(digest "$TMP/clean.db")' ]" "the resumed store equals an uninterrupted run"

finish
