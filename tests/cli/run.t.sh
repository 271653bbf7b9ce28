# run.t.sh -- `recoupe run INPUT... --out DIR`: the three files and the JSON
# contract of DESIGN.md; bad inputs given to `add` leave the store intact.
. "$(dirname "$0")/lib.sh"

# q SQL -- one value computed by SQLite's JSON functions over stories.json.
J="$TMP/out/stories.json"
q() { sqlite3 :memory: "$1" 2>&1; }

run run --db "$TMP/run.db" --out "$TMP/out" "$EX"
expect_rc 0 "run examples/ exits 0"
expect_err "wrote" "run says what it wrote"
for f in stories.json stories.md index.html; do
  expect "[ -s '$TMP/out/$f' ]" "run writes $f"
done
expect "[ \"\$(q \"select json_valid(readfile('$J'))\")\" = 1 ]" "stories.json is valid JSON"
expect "[ \"\$(q \"select json_type(readfile('$J'))\")\" = array ]" "stories.json is an array"

# Every story has the fields of the contract, with their JSON types.
bad=$(q "select json_extract(s.value,'\$.id') from json_each(readfile('$J')) s
  where json_type(s.value,'\$.id') <> 'text' or json_type(s.value,'\$.title') <> 'text'
     or json_type(s.value,'\$.language') <> 'text'
     or json_type(s.value,'\$.event_date') not in ('text','null')
     or json_type(s.value,'\$.first_published') not in ('text','null')
     or json_type(s.value,'\$.last_published') not in ('text','null')
     or json_type(s.value,'\$.articles') <> 'array'
     or json_type(s.value,'\$.independent_sources') <> 'integer'
     or json_type(s.value,'\$.key_points') <> 'array'
     or json_type(s.value,'\$.summary') <> 'text'
     or json_type(s.value,'\$.entities') <> 'array'
     or json_type(s.value,'\$.figures') <> 'array'
     or json_type(s.value,'\$.disagreements') not in ('array')
     or json_type(s.value,'\$.related_stories') <> 'array'")
expect "[ -z \"$bad\" ]" "every story has the contract's fields and types ($bad)"

bad=$(q "select json_extract(a.value,'\$.id') from json_each(readfile('$J')) s,
  json_each(s.value,'\$.articles') a
  where json_type(a.value,'\$.id') <> 'text' or json_type(a.value,'\$.source') <> 'text'
     or json_type(a.value,'\$.relations') <> 'array'
     or json_type(a.value,'\$.title') not in ('text','null')
     or json_type(a.value,'\$.site') not in ('text','null')
     or json_type(a.value,'\$.published') not in ('text','null')")
expect "[ -z \"$bad\" ]" "every article has id, source, relations ($bad)"

bad=$(q "select 1 from json_each(readfile('$J')) s, json_each(s.value,'\$.key_points') k
  where json_type(k.value,'\$.text') <> 'text' or json_type(k.value,'\$.articles') <> 'array'
     or json_type(k.value,'\$.independent') <> 'integer' or json_array_length(k.value,'\$.articles') < 1")
expect "[ -z \"$bad\" ]" "every key point has text, articles and an independent count"

bad=$(q "select 1 from json_each(readfile('$J')) s, json_each(s.value,'\$.entities') e
  where json_type(e.value,'\$.name') <> 'text' or json_type(e.value,'\$.type') <> 'text'
     or json_type(e.value,'\$.variants') <> 'array' or json_type(e.value,'\$.articles') <> 'array'")
expect "[ -z \"$bad\" ]" "every entity has name, type, variants, articles"

bad=$(q "select 1 from json_each(readfile('$J')) s, json_each(s.value,'\$.figures') f
  where json_type(f.value,'\$.text') <> 'text' or json_type(f.value,'\$.article') <> 'text'
     or json_type(f.value,'\$.quantity') not in ('integer','real')")
expect "[ -z \"$bad\" ]" "every figure has text, article and a numeric quantity"

# Key points cite articles of their own story only.
bad=$(q "select k.value from json_each(readfile('$J')) s, json_each(s.value,'\$.key_points') kp,
  json_each(kp.value,'\$.articles') k
  where k.value not in (select json_extract(a.value,'\$.id') from json_each(s.value,'\$.articles') a)")
expect "[ -z \"$bad\" ]" "key points cite only the story's own articles"

# The stories of examples/ (see docs/examples.md).
n=$(q "select json_array_length(readfile('$J'))")
expect "[ '$n' -eq 4 ]" "examples/ gives four stories ($n)"
gard=$(q "select json_array_length(s.value,'\$.articles') from json_each(readfile('$J')) s
  where json_extract(s.value,'\$.event_date') like '2026-10-1%' and json_extract(s.value,'\$.language') = 'fr'
    and json_extract(s.value,'\$.title') like '%Gard%'")
expect "[ '$gard' = 5 ]" "the October Gard floods are one story of five pages ($gard)"
july=$(q "select count(*) from json_each(readfile('$J')) s where json_extract(s.value,'\$.event_date') like '2026-07-%'")
expect "[ '$july' = 1 ]" "the July storm at the same place is a story of its own"
expect "grep -q '^## ' '$TMP/out/stories.md'" "stories.md has a section per story"
expect "grep -q '<a ' '$TMP/out/index.html'" "index.html links the stories"

# Same input, same output: a second run into a fresh store writes the same stories.json.
run --quiet run --db "$TMP/run2.db" --out "$TMP/out2" "$EX"
expect "cmp -s '$TMP/out/stories.json' '$TMP/out2/stories.json'" "a second run gives the same stories.json"

# The copy that credits its original: the credit is a field, not text.
run extract --json "$EX/gard-crues/actu-flash-crues.html"
expect_out '"credited_source":"https://www.lecourrierdugard.example/gard/2026/10/13/crues-dans-le-gard-12000-foyers-prives-d-electricite"' \
  "extract: a 'Source : URL' line becomes credited_source"
expect_no_out 'Source :' "extract: and leaves the text"

# The same text at two URLs is two publications (related as duplicates);
# the same record read again is already stored.
T1="La commune de Valbrune a inauguré samedi sa nouvelle médiathèque, installée dans l'ancienne gare. Le bâtiment, rénové pendant deux ans, accueille 40 000 livres et une salle de concerts. Le maire a salué un projet attendu depuis dix ans par les habitants du bourg."
printf '{"id":"u1","url":"https://a.example/mediatheque","text":"%s"}\n{"id":"u2","url":"https://b.example/valbrune-mediatheque","text":"%s"}\n' "$T1" "$T1" >"$TMP/twourls.jsonl"
run add --db "$TMP/urls.db" "$TMP/twourls.jsonl"
expect_err "2 added, 0 already stored" "same text at two URLs: both stored"
run --quiet stories --db "$TMP/urls.db" --json
expect_out '"kind": "duplicate"' "same text at two URLs: related as duplicates"
printf '{"id":"u3","url":"https://a.example/mediatheque","text":"%s"}\n' "$T1" >"$TMP/again.jsonl"
run add --db "$TMP/urls.db" "$TMP/again.jsonl"
expect_err "0 added, 1 already stored" "same text at the same URL under another id: already stored"

# Usage errors.
run run --db "$TMP/u.db" "$EX"
expect_rc 2 "run without --out is a usage error"
: >"$TMP/afile"
run run --db "$TMP/f.db" --out "$TMP/afile" "$EX"
expect_rc 1 "--out naming a file fails"
expect_err "afile" "and names it"

# Bad inputs given to add: one line naming the file, the rest is read, the
# store keeps what it had.  (Reader details are in ingest.t.sh.)
I="$DATA/ingest"
DB="$TMP/bad.db"
run --quiet add --db "$DB" "$EX/gard-orage-juillet"
before=$(sqlite3 "$DB" "select count(*) from articles")
# file:exit code (1 when no page of the file could be read)
for fw in bad/truncated.html.gz:1 bad/badline.jsonl:0 bad/nofield.jsonl:1 bad/cut.jsonl.gz:0 \
          bad/fake.html:1 bad/prog:1 bad/empty.txt:1 bad/image.png:1; do
  f=${fw%:*}; want=${fw##*:}
  run add --db "$DB" "$I/$f"
  expect_rc "$want" "add $f: exit code $want"
  expect_err "$(basename "$f")" "add $f: the file is named"
  expect "[ \"\$(sqlite3 '$DB' 'PRAGMA integrity_check')\" = ok ]" "add $f: the store passes integrity_check"
  now=$(sqlite3 "$DB" "select count(*) from articles")
  expect "[ '$now' -ge '$before' ]" "add $f: no stored article lost ($before -> $now)"
  before=$now
done
run add --db "$DB" "$I/bad/truncated.html.gz" "$I/dir/a.html"
expect_rc 0 "add: a truncated gzip beside a good page exits 0"
expect_err "1 skipped" "add: the count says one skipped"
# A record whose page has no article text is named by its file, offset and id.
printf '{"id":"ok1","url":"https://a.example/ok","text":"%s"}\n{"id":"nav2","url":"https://a.example/nav","text":"<nav>Accueil</nav>"}\n' \
  "Le conseil municipal a voté mardi le budget de la commune pour l'année prochaine, après un long débat." |
  gzip >"$TMP/navonly.jsonl.gz"
run add --db "$DB" "$TMP/navonly.jsonl.gz"
expect_rc 0 "add: a record without article text beside a good one exits 0"
expect_err "navonly.jsonl.gz@" "add: the empty record is named by its file and offset"
expect_err "record nav2: no article text found" "add: and by its id"
run add --db "$DB" "$I/bad/fake.html"
expect_rc 1 "add: only a binary file exits 1"
expect_err "binary" "add: and says why"

finish
