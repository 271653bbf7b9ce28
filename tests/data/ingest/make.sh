#!/bin/sh
# make.sh -- regenerates the ingest fixtures (run from anywhere; output is
# deterministic: gzip -n, fixed text).  The results are committed, so tests
# do not need this script; edit it and run it to change a fixture.
# The texts are fictional news written for recoupe's tests.
set -eu
cd "$(dirname "$0")"
rm -rf dir bad charset json warc stdin
mkdir -p dir/sub dir/deeper/more bad charset json warc stdin

# ---- a directory tree --------------------------------------------------
cat > dir/a.html <<'X'
<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Crue de la Durance : les digues ont tenu</title></head>
<body><article><h1>Crue de la Durance : les digues ont tenu</h1>
<p>Les habitants de Manosque ont passé la nuit à surveiller la rivière. Élus et pompiers étaient mobilisés.</p>
</article></body></html>
X
printf 'Storm Ciaran reaches Brittany\n\nWinds of 150 km/h were measured at the Pointe du Raz on Thursday night.\n' > dir/sub/b.txt
printf '<html><body><p>hidden file: never read</p></body></html>\n' > dir/.hidden.html
printf 'body { color: red }\n' > dir/style.css
printf '{"id":"c1","url":"https://example.org/c1","title":"Marché de Noël","text":"Le marché ouvre samedi place Kléber.","published":"2026-11-20","site":"example.org","language":"fr"}\n{"id":"c2","html":"<p>Second record</p>"}\n' > dir/c.jsonl
printf '<html><body><p>Compressed page: la mairie annonce des travaux rue Nationale.</p></body></html>\n' | gzip -n > dir/deeper/more/z.html.gz
printf 'Page without extension: plain text read by content.\n' > dir/deeper/README

# ---- bad inputs ----------------------------------------------------------
: > bad/empty.txt
printf '   \n\t\n' > bad/blank.txt
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\006\000\000\000\037\025\304\211' > bad/image.png
cp bad/image.png bad/fake.html
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000>\000\001\000\000\000' > bad/prog
head -c 200 /dev/zero >> bad/prog
# a gzip cut in the middle: the first bytes decompress, then it stops
i=0; while [ $i -lt 200 ]; do printf '<p>Paragraphe %d du compte rendu du conseil municipal de Lyon.</p>\n' $i; i=$((i+1)); done > bad/long.html
gzip -n -c bad/long.html > bad/long.html.gz
head -c $(( $(wc -c < bad/long.html.gz) / 2 )) bad/long.html.gz > bad/truncated.html.gz
rm bad/long.html.gz
rm bad/long.html
printf '{"id":"j1","text":"Premier article : la ligne de tram T4 rouvre lundi."}\n{"id":"j2","text": "unterminated\n{"id":"j3","text":"Troisième article : le pont de Bercy est fermé jeudi."}\n' > bad/badline.jsonl
printf '{"id":"f1","title":"Un titre sans texte","url":"https://example.org/f1"}\n{"id":"f2","text":"Un article avec du texte."}\n' > bad/nofield.jsonl
printf '{"id":"e1","text":"   "}\n[1,2,3]\n' > bad/emptyrec.jsonl
# a gzip of JSON Lines cut inside the second member
printf '{"id":"g1","text":"Membre un : la piscine municipale rouvre."}\n' | gzip -n > bad/cut.jsonl.gz
i=0; while [ $i -lt 100 ]; do printf '{"id":"g2-%d","text":"Membre deux, ligne %d : le marché couvert est en travaux jusqu’en mars (%d)."}\n' $i $i $((i * 7919 % 1000)); i=$((i+1)); done | gzip -n > bad/m2.gz
head -c $(( $(wc -c < bad/m2.gz) / 2 )) bad/m2.gz >> bad/cut.jsonl.gz
rm bad/m2.gz
printf '{"id":"t1","text":"ok"}\n' | gzip -n > bad/trailing.jsonl.gz
printf 'garbage after the member' >> bad/trailing.jsonl.gz

# ---- charsets ------------------------------------------------------------
# windows-1252 French page, no declaration: sniffed (’ « » € œ are 0x92 0xAB 0xBB 0x80 0x9C)
printf '<html><body><p>L’été a été marqué par une sécheresse « historique » : la tonne de foin coûte 45 € de plus, et les œufs comme le bœuf sont plus chers. Les éleveurs de l’Aveyron réclament des aides à la préfecture.</p></body></html>\n' | iconv -f UTF-8 -t CP1252 > charset/cp1252.html
# ISO-8859-1 declared in a meta http-equiv; byte 0x92 is read as windows-1252 (’)
{ printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Fête</title></head>\n'
  printf '<body><p>La fête du village a réuni plus de 3 000 personnes à Saint-Émilion, un record.</p>\n' | iconv -f UTF-8 -t ISO-8859-1
  printf '<p>L\222adjoint au maire s\222en félicite.</p></body></html>\n' | sed 's/félicite/f\xe9licite/' ; } > charset/latin1-meta.html
# UTF-8 with BOM, and a meta that lies (the BOM wins)
{ printf '\357\273\277'; printf '<html><head><meta charset="iso-8859-1"></head><body><p>Déjà vu : la grève des contrôleurs reprend à Orléans.</p></body></html>\n'; } > charset/utf8-bom.html
# UTF-16LE with BOM
{ printf '\377\376'; printf '<html><body><p>Élection municipale à Besançon : le second tour aura lieu dimanche.</p></body></html>\n' | iconv -f UTF-8 -t UTF-16LE; } > charset/utf16le-bom.html
# UTF-16BE with BOM, plain text
{ printf '\376\377'; printf 'Texte en UTF-16BE : la médiathèque de Poitiers ferme en août.\n' | iconv -f UTF-8 -t UTF-16BE; } > charset/utf16be-bom.txt
# XML declaration
{ printf '<?xml version="1.0" encoding="ISO-8859-15"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>'; printf 'Le prix passe à 12 € : hausse votée à Nancy.' | iconv -f UTF-8 -t ISO-8859-15; printf '</p></body></html>\n'; } > charset/xmldecl.xhtml
# invalid UTF-8 bytes inside a UTF-8 page, and a NUL byte
printf '<html><head><meta charset="utf-8"></head><body><p>Caf\303\251 ok, then bad \377\376 bytes and a NUL \000 here.</p></body></html>\n' > charset/invalid-utf8.html

# ---- JSON ---------------------------------------------------------------
printf '{"id": 42, "date": "2020-03-02", "title": "Municipales : la campagne s%sachève", "heading": "Les candidats ont tenu leurs derniers meetings samedi.", "article": "À Rennes comme à Brest, les équipes ont distribué des tracts jusqu%sau soir.", "url": "https://example.org/m42"}\n' "'" "'" > json/orangesum.jsonl
printf '[{"id":"a1","html":"<p>Premier élément</p>","link":"https://example.org/a1","datePublished":"2026-01-02"},\n {"body":"Deuxième élément, sans id."},\n 7,\n {"content":"Troisième élément."}]\n' > json/array.json
printf '{\n  "raw_html": "<html><body><p>Un seul objet, sur plusieurs lignes.</p></body></html>",\n  "title": "Objet",\n  "date": "2026-02-03"\n}\n' > json/object.json
printf '{"id":"l1","text":"Des lignes JSON dans un fichier .json."}\n{"id":"l2","text":"Deuxième ligne."}\n' > json/lines.json
printf '{"id":"x1","text":"Invalid byte \351 in a JSON line."}\n' > json/latin1-byte.jsonl
printf '{"id":"n1","text":"NUL escape \\u0000 inside."}\n' > json/nul-escape.jsonl

# ---- stdin ---------------------------------------------------------------
printf '{"id":"s1","text":"Lu depuis l%sentrée standard."}\n{"id":"s2","text":"Deuxième enregistrement sur stdin."}\n' "'" > stdin/records.jsonl
printf '<html><body><p>Une page HTML envoyée sur stdin, compressée.</p></body></html>\n' | gzip -n > stdin/page.html.gz

# ---- WARC ---------------------------------------------------------------
[ -f warc.sh ] && . ./warc.sh
echo "fixtures written under $(pwd)"
