# dedup.t.sh -- `recoupe dedup`: groups and relations as text and JSON Lines.
. "$(dirname "$0")/lib.sh"

# three pages: a dispatch, a copy with another title, and an unrelated page
P1="Plus de 12 000 foyers étaient privés d'électricité mardi soir dans le Gard après les violents orages. Le préfet a déclenché le plan ORSEC dans la nuit de lundi à mardi. À Alès, la rivière est sortie de son lit et plusieurs routes ont été coupées, selon Météo-France. Les écoles resteront fermées mercredi dans une vingtaine de communes, a annoncé le rectorat."
cat > "$TMP/pages.jsonl" <<JSON
{"id": "orig", "published": "2026-10-13T21:04:00+02:00", "site": "midilibre.fr", "text": "Orages dans le Gard\n\n$P1"}
{"id": "copy", "published": "2026-10-14T08:00:00+02:00", "site": "actu-flash.example", "text": "Gard : des foyers sans courant\n\n$P1"}
{"id": "other", "published": "2026-10-14T09:00:00+02:00", "text": "Le festival de jazz de Marciac a annoncé mardi sa programmation pour l'été prochain, avec une quarantaine de concerts sous le grand chapiteau."}
JSON

run dedup "$TMP/pages.jsonl"
expect_rc 0 "dedup exits 0"
expect_out "== group 1: 2 pages, original orig" "one group, the original first"
expect_out "copy <- orig  duplicate 1.00" "the copy derives from the original"
expect_out "3 pages, 1 relation, 1 group" "summary line"
expect_no_out "other" "the unrelated page is in no group"

run dedup --json "$TMP/pages.jsonl"
expect_rc 0 "dedup --json exits 0"
expect_out '{"a":"orig","b":"copy","kind":"duplicate","score":1' "one JSON line per relation"
expect_out '"groups":[{"members":["orig","copy"],"original":"orig"' "a groups object"
expect "[ \$(echo \"\$out\" | wc -l) -eq 2 ]" "two JSON lines"

# the same pages in another order: the earlier page is still the original
{ sed -n 2p "$TMP/pages.jsonl"; sed -n 1p "$TMP/pages.jsonl"; } > "$TMP/rev.jsonl"
run dedup --json "$TMP/rev.jsonl"
expect_out '{"a":"orig","b":"copy"' "original by publication time, not input order"

run dedup
expect_rc 2 "no input is a usage error"
run dedup --bogus "$TMP/pages.jsonl"
expect_rc 2 "unknown option is a usage error"
printf '' > "$TMP/empty.txt"
run dedup "$TMP/empty.txt"
expect_rc 1 "no readable page fails"
run dedup "$TMP/missing.jsonl"
expect_rc 1 "missing file fails"
finish
