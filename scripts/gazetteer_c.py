#!/usr/bin/env python3
"""gazetteer_c.py -- compiles the gazetteer TSVs of data/ into
src/facts_gaz.c: sorted tables of folded keys that src/facts_lex.c searches
by bisection.  Run after editing data/*.tsv:

    python3 scripts/gazetteer_c.py data src/facts_gaz.c

The fold must match rcp__fx_fold (src/facts_scan.c): case folded, NFKD
marks stripped, oe/ae expanded, typographic apostrophes and dashes to ASCII,
spaces collapsed.  The output is deterministic (sorted, no timestamps).
"""
import sys, unicodedata

def fold(s):
    out = []
    for ch in s:
        if ch in "\u2019\u2018\u02bc`":
            ch = "'"
        elif "\u2010" <= ch <= "\u2015" or ch == "\u2212":
            ch = "-"
        elif ch.isspace():
            ch = " "
        elif ch in "œŒ":
            ch = "oe"
        elif ch in "æÆ":
            ch = "ae"
        for c in unicodedata.normalize("NFKD", ch.casefold()):
            if unicodedata.category(c) in ("Mn", "Me", "Mc"):
                continue
            out.append(c)
    # hyphens are spaces in keys: "Haute Loire" finds "Haute-Loire"
    return " ".join("".join(out).replace("-", " ").split())

# function words and other words that must never be gazetteer keys
STOP = set("""le la les l' un une des du de d' ce cet cette ces en au aux a pour selon mais et ou
dans sur avec il elle ils elles on nous vous je apres avant depuis lors alors si pourtant cependant
ainsi enfin par pendant face outre sans contre chez entre vers quand comme tout tous toute toutes
son sa ses leur leurs notre nos votre vos mon ma mes plus moins tres deja encore aussi meme dont
the an in on at for but he she they it we this that of to from by with as after before since when
while if and or so there here what who which where all some many most more no not also janvier
fevrier mars avril mai juin juillet aout septembre octobre novembre decembre lundi mardi mercredi
jeudi vendredi samedi dimanche hier demain monday tuesday wednesday thursday friday saturday sunday
president ministre gouvernement etat ville pays region nord sud est ouest centre saint sainte
premier france ouest nord sud est""".split()) - {"france"}

def c_str(s):
    # raw UTF-8 bytes pass through (gcc and clang read UTF-8 sources); '?'
    # is escaped against trigraphs (-std=c17)
    b = s.encode("utf-8")
    out = ['"']
    for ch in b:
        if ch in (0x22, 0x5c):
            out.append("\\" + chr(ch))
        elif (0x20 <= ch < 0x7f and ch != 0x3f) or ch >= 0x80:
            out.append(chr(ch) if ch < 0x80 else bytes([ch]).decode("latin-1"))
        else:
            out.append("\\%03o" % ch)
    out.append('"')
    return "".join(out)

def main():
    data, dst = sys.argv[1], sys.argv[2]
    rows = {}   # (key, id) -> (rank, type, name)
    def add(form, id_, name, rank, typ):
        k = fold(form)
        if len(k) < 2 or k in STOP:
            return
        old = rows.get((k, id_))
        if old is None or rank > old[0]:
            rows[(k, id_)] = (rank, typ, name)
    def tsv(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                yield line.rstrip("\n").split("\t")
    # countries
    cname = {}
    for cc, kind, form in tsv(f"{data}/countries.tsv"):
        if kind == "name_fr" and cc not in cname:
            cname[cc] = form
    for cc, kind, form in tsv(f"{data}/countries.tsv"):
        if kind.startswith("demonym"):
            add(form, "c:" + cc, cname.get(cc, form), 0, "D")
        else:
            add(form, "c:" + cc, cname.get(cc, form), 1000000000, "L")
    # cities
    fr_cities = set()
    for p in tsv(f"{data}/cities.tsv"):
        gid, cc, pop, name, ascii_, alts = p[0], p[1], int(p[2]), p[3], p[4], p[5] if len(p) > 5 else ""
        if cc == "FR":
            fr_cities.add(fold(name))
        add(name, "g:" + gid, name, pop, "L")
        # "Le Creusot" is also read "du Creusot": the name without its article
        for art in ("Le ", "La ", "Les ", "L'", "L’"):
            if name.startswith(art) and len(name) > len(art) + 3:
                add(name[len(art):], "g:" + gid, name, pop, "L")
        if ascii_:
            add(ascii_, "g:" + gid, name, pop, "L")
        for a in alts.split(","):
            if a:
                add(a, "g:" + gid, name, pop // 2, "L")
    # French places
    for kind, code, pop, name in tsv(f"{data}/fr_places.tsv"):
        if kind == "region":
            add(name, "r:" + code, name, 5000000, "L")
        elif kind == "departement":
            add(name, "d:" + code, name, 1000000, "L")
        elif fold(name) not in fr_cities:
            add(name, "i:" + code, name, int(pop), "L")
            for art in ("Le ", "La ", "Les ", "L'", "L’"):
                if name.startswith(art) and len(name) > len(art) + 3:
                    add(name[len(art):], "i:" + code, name, int(pop), "L")
    # organisations
    first = {}
    for id_, typ, lang, form in tsv(f"{data}/orgs.tsv"):
        first.setdefault(id_, form)
        add(form, "o:" + id_, first[id_], 500000000, typ)
    # demonyms never shadow a place of the same spelling
    keys = {}
    for (k, id_), v in rows.items():
        keys.setdefault(k, []).append((id_, v))
    out_rows = []
    for k in sorted(keys, key=lambda s: s.encode("utf-8")):
        ents = keys[k]
        if any(v[1] != "D" for _, v in ents):
            ents = [e for e in ents if e[1][1] != "D"]
        ents.sort(key=lambda e: (-e[1][0], e[0]))
        for id_, (rank, typ, name) in ents[:4]:
            out_rows.append((k, id_, name, rank, typ))
    firsts = set()
    for p in tsv(f"{data}/firstnames.tsv"):
        k = fold(p[0])
        if len(k) >= 3 and k not in STOP:
            firsts.add(k)
    with open(dst, "w", encoding="latin-1") as f:
        f.write("/* facts_gaz.c -- GENERATED by scripts/gazetteer_c.py from the data/ TSV files; do not edit.\n"
                "** Sources and licences: data/README.md.  Sorted by key (bytes) for bisection. */\n")
        f.write('#include "facts_int.h"\n\n')
        f.write("const fx_gaz_row rcp__fx_gaz_rows[] = {\n")
        for k, id_, name, rank, typ in out_rows:
            f.write(f"  {{{c_str(k)}, {c_str(id_)}, {c_str(name)}, {rank}u, '{typ}'}},\n")
        f.write("};\n")
        f.write(f"const size_t rcp__fx_gaz_nrows = {len(out_rows)};\n\n")
        f.write("const char *const rcp__fx_first_rows[] = {\n")
        for k in sorted(firsts, key=lambda s: s.encode("utf-8")):
            f.write(f"  {c_str(k)},\n")
        f.write("};\n")
        f.write(f"const size_t rcp__fx_first_nrows = {len(firsts)};\n")
    print(f"{len(out_rows)} gazetteer rows, {len(firsts)} first names -> {dst}")

if __name__ == "__main__":
    main()
