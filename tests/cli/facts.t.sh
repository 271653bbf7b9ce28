#!/bin/sh
# facts.t.sh -- the facts stage through the CLI on examples/: the Gard flood
# story gives "plus de 12 000 foyers privés d'électricité" (the original and
# its copies) and "9 500 foyers" (a rewrite) for the same evening; both cannot
# be true, so the disagreement is in stories.json, in `recoupe show` and in
# stories.md, while the later "6 000 foyers" (Wednesday) is a new moment, not
# a disagreement.  The other example stories have none.
. "$(dirname "$0")/lib.sh"

run run --db "$TMP/ex.db" --out "$TMP/out" "$EX"
expect_rc 0 "run on examples/"
J="$TMP/out/stories.json"
expect "[ -s \"$J\" ]" "stories.json written"

# stories.json: exactly one figure disagreement, on the Gard flood story
chk() {
  python3 - "$J" "$1" <<'PY'
import json, sys
stories = json.load(open(sys.argv[1], encoding="utf-8"))
mode = sys.argv[2]
gard = [s for s in stories if any("gard-crues" in a["id"] for a in s["articles"])]
if len(gard) != 1:
    sys.exit(1)
dis = gard[0]["disagreements"] or []
figs = [d for d in dis if d["kind"] == "figure" and d["about_key"] == "foyer"]
if mode == "gard":
    if len(figs) != 1:
        sys.exit(1)
    vals = {(v["quantity"], v["qualifier"]): v for v in figs[0]["values"]}
    hi, lo = vals.get((12000.0, "plus de")), vals.get((9500.0, None))
    ok = (hi and lo and len(vals) == 2
          and any("journal-du-sud" in a for a in lo["articles"])
          and any("courrier-du-gard" in a for a in hi["articles"])
          and not any("journal-du-sud" in a for a in hi["articles"])
          and "électricité" in figs[0]["about"])
    sys.exit(0 if ok else 1)
if mode == "others":
    others = [s for s in stories if s is not gard[0]]
    sys.exit(0 if others and all(not s["disagreements"] for s in others) else 1)
PY
}
expect "chk gard" "stories.json: 'plus de 12 000' vs '9 500' foyers, the 6 000 of Wednesday left out"
expect "chk others" "stories.json: no disagreement in the other example stories"

# the night-train story: "EU Council" is a variant of "Council of the EU";
# "Services" (a sentence-initial common noun) is no entity
ents() {
  python3 - "$J" "$1" <<'PY'
import json, sys
stories = json.load(open(sys.argv[1], encoding="utf-8"))
s = [s for s in stories if any(a["id"].startswith("eurail") for a in s["articles"])]
if len(s) != 1:
    sys.exit(1)
es = s[0]["entities"]
names = [e["name"] for e in es] + [v for e in es for v in e["variants"]]
if sys.argv[2] == "council":
    c = [e for e in es if e["name"] in ("EU Council", "Council of the EU")]
    sys.exit(0 if len(c) == 1 and set([c[0]["name"]] + c[0]["variants"]) >= {"EU Council", "Council of the EU"} else 1)
sys.exit(0 if "Services" not in names else 1)
PY
}
expect "ents council" "stories.json: EU Council and Council of the EU are one entity"
expect "ents services" "stories.json: 'Services' at a sentence start is not an entity"

# recoupe show STORY
sid=$(python3 -c "import json,sys; print([s['id'] for s in json.load(open(sys.argv[1])) if any('gard-crues' in a['id'] for a in s['articles'])][0])" "$J")
run show --db "$TMP/ex.db" "$sid"
expect_rc 0 "show the Gard story"
expect_out "disagreement (figure) on foyers privés d'électricité" "show: names what is counted"
expect_out "\"Plus de 12 000 foyers\"" "show: gives the first value"
expect_out "\"9 500 foyers\"" "show: gives the second value"
run show --db "$TMP/ex.db" --json "$sid"
expect_out "\"about_key\": \"foyer\"" "show --json: the disagreement object"

# stories.md
md=$(cat "$TMP/out/stories.md")
case "$md" in *"foyers privés d'électricité : « Plus de 12 000 foyers »"*"« 9 500 foyers »"*) pass "stories.md: the disagreement line" ;;
  *) fail "stories.md: the disagreement line" ;; esac
finish
